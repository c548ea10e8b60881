#!/usr/bin/env bash
# Run every fuzz target for a fixed time, one after another.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# SECONDS (default 60) is the time per target; naming targets runs only
# those. Each target starts from fuzz/corpus/TARGET, filled here from the
# repository's own files and fuzz/seeds/ (the corpus grows as libFuzzer
# finds new paths; it is not committed). Crashes, timeouts and
# out-of-memory inputs are written to fuzz/artifacts/TARGET/, each run's
# output to fuzz/logs/TARGET.log. Exits non-zero if any target failed.
#
# FUZZ_SANITIZER picks the sanitizer (default `none`: the library has no
# unsafe code, and without one the targets run faster);
# FUZZ_TIMEOUT is the seconds one input may take before it counts as a
# hang (default 10).
set -euo pipefail
cd "$(dirname "$0")"

seconds="${1:-60}"
shift $(($# > 0 ? 1 : 0))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(glossary_csv segment tag translate)
fi
sanitizer="${FUZZ_SANITIZER:-none}"
timeout="${FUZZ_TIMEOUT:-10}"

if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz
fi

repo=..
# copy DIR FILE...: copy the files that exist into the corpus DIR.
copy() {
  local dir=$1
  shift
  mkdir -p "$dir"
  local f
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$dir/seed-$(basename "$f")"
  done
  return 0
}

# Glossaries: the small seeds as they are, the shipped ones and the test
# fixture cut into pieces of 20 rows under their header, so that seeds stay
# small (libFuzzer's longest input defaults to the longest seed).
seed_glossaries() {
  local dir=corpus/glossary_csv f base
  copy "$dir" seeds/glossary_csv/*.csv "$repo"/tests/fixtures/names.csv
  for f in "$repo"/glossary/*.csv; do
    base=$(basename "$f" .csv)
    tail -n +2 "$f" | split -l 20 - "$dir/.part-$base-"
    for part in "$dir/.part-$base-"*; do
      { head -n 1 "$f"; cat "$part"; } >"$dir/seed-$base-${part##*-}.csv"
      rm "$part"
    done
  done
}

# Text: the sample article, the text fixtures, the small seeds, and each
# Dutch sentence of tests/fixtures/sentences.tsv on its own.
seed_text() {
  local dir=corpus/$1 n=0 nl
  copy "$dir" "$repo"/samples/*.txt "$repo"/tests/fixtures/*.txt \
    "$repo"/tests/fixtures/eval/*.txt seeds/text/*.txt
  while IFS=$'\t' read -r _ nl _; do
    n=$((n + 1))
    printf '%s\n' "$nl" >"$dir/seed-sentence-$n.txt"
  done < <(tail -n +2 "$repo"/tests/fixtures/sentences.tsv)
}

# Bytes that are not UTF-8, for the decoding path of `translate`.
seed_bytes() {
  local dir=corpus/translate
  mkdir -p "$dir"
  printf 'Oekra\xefne en Wit-Rusland \x96 een \x93citaat\x94.\n' >"$dir/seed-windows-1252.txt"
  printf '\xff\xfeK\x00i\x00e\x00v\x00.\x00\n\x00' >"$dir/seed-utf-16le-bom.txt"
  printf '\x00P\x00o\x00e\x00t\x00i\x00n\x00.\x00\n' >"$dir/seed-utf-16be.txt"
  printf '\xef\xbb\xbfPoetin in Moskou.\r\n' >"$dir/seed-utf-8-bom.txt"
}

failed=()
for t in "${targets[@]}"; do
  case $t in
    glossary_csv) seed_glossaries; dict=glossary_csv.dict ;;
    segment | tag) seed_text "$t"; dict=text.dict ;;
    translate) seed_text "$t"; seed_bytes; dict=text.dict ;;
    *) echo "run.sh: unknown target $t" >&2; exit 2 ;;
  esac
  mkdir -p logs artifacts/"$t"
  echo "== $t: ${seconds}s"
  if cargo +nightly fuzz run -s "$sanitizer" -a "$t" corpus/"$t" -- \
    -max_total_time="$seconds" -timeout="$timeout" -dict="$dict" \
    -print_final_stats=1 >logs/"$t".log 2>&1; then
    status=ok
  else
    status=FAILED
    failed+=("$t")
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' logs/"$t".log | tail -n 1)
  echo "   $status, ${execs:-?} runs (log: fuzz/logs/$t.log)"
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "failed: ${failed[*]} (inputs in fuzz/artifacts/; see fuzz/README.md)" >&2
  exit 1
fi
