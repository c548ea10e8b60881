#!/usr/bin/env bash
# Peak memory (maximum resident set size, from /usr/bin/time -f %M) and wall
# time of whole tolk runs on big inputs; prints a Markdown table.
#
#   benches/rss.sh            # everything (the 1M-entry glossary takes minutes)
#   RSS_SKIP_1M=1 benches/rss.sh
#
# TOLK_BENCH_NTREX names the NTREX dev file (default
# ../shared/eval/ntrex-dev.nl.txt; without it the sample article stands in).
# RSS_TEXT_MIB sets the size of the large text (default 8, as in the tag bench).
# Inputs are made under target/rss/ and kept for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x /usr/bin/time ] || { echo "rss.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
cargo build --release --quiet --bin tolk --example synth_glossary
tolk=target/release/tolk
synth=target/release/examples/synth_glossary
work=target/rss
mkdir -p "$work"

ntrex=${TOLK_BENCH_NTREX:-../shared/eval/ntrex-dev.nl.txt}
[ -f "$ntrex" ] || ntrex=samples/zelensky-poetin-moskou.nl.txt
seed=samples/zelensky-poetin-moskou.nl.txt
mib=${RSS_TEXT_MIB:-8}

glossary() { # N -> path of a synthetic glossary of N entries
  local f="$work/synth-$1.csv"
  [ -s "$f" ] || "$synth" "$1" > "$f"
  echo "$f"
}

large="$work/large-${mib}MiB.nl.txt"
if [ ! -s "$large" ]; then
  : > "$large"
  while [ "$(stat -c %s "$large")" -lt $((mib * 1024 * 1024)) ]; do cat "$ntrex" >> "$large"; done
fi
tiny="$work/tiny.nl.txt"
echo "Poetin sprak in Moskou met Zelensky." > "$tiny"

printf '| run | peak RSS (MiB) | wall (s) |\n|---|---:|---:|\n'
run() { # label, command...
  local label=$1 out
  shift
  out=$(mktemp)
  if /usr/bin/time -f '%M %e' -o "$out" "$@" > /dev/null 2> "$out.err"; then
    read -r kib secs < <(tail -n 1 "$out")
    awk -v l="$label" -v k="$kib" -v s="$secs" 'BEGIN { printf "| %s | %.0f | %.2f |\n", l, k / 1024, s }'
  else
    printf '| %s | failed: %s | |\n' "$label" "$(tail -n 1 "$out.err")"
  fi
  rm -f "$out" "$out.err"
}

run "tag a sentence, shipped glossaries" "$tolk" tag "$tiny"
run "load 100k-entry glossary (tag a sentence)" "$tolk" --no-default-glossary -g "$(glossary 100000)" tag "$tiny"
if [ "${RSS_SKIP_1M:-}" != 1 ]; then
  run "load 1M-entry glossary (tag a sentence)" "$tolk" --no-default-glossary -g "$(glossary 1000000)" tag "$tiny"
fi
run "tag ${mib} MiB, shipped + 10k entries" "$tolk" -g "$(glossary 10000)" tag "$large"
run "translate seed article (builtin, text)" "$tolk" translate -e builtin -f text "$seed"
run "translate $(basename "$ntrex") (builtin, text)" "$tolk" translate -e builtin -f text "$ntrex"
