#!/usr/bin/env bash
# tolk's tagger against pyahocorasick and flashtext: one glossary of 10k
# synthetic entries, one text of >= 50 MiB of repeated NTREX dev, in one run.
#
#   benches/compare/run.sh
#
# Env: TOLK_BENCH_NTREX (default ../shared/eval/ntrex-dev.nl.txt; the sample
# article when missing), COMPARE_MIB (text size, default 50), COMPARE_N
# (glossary entries, default 10000), PYTHON (default python3). The virtual
# environment and the inputs are made under target/compare/ (not committed)
# and kept for the next run.
set -euo pipefail
cd "$(dirname "$0")/../.."

work=target/compare
venv=$work/venv
n=${COMPARE_N:-10000}
mib=${COMPARE_MIB:-50}
ntrex=${TOLK_BENCH_NTREX:-../shared/eval/ntrex-dev.nl.txt}
[ -f "$ntrex" ] || ntrex=samples/zelensky-poetin-moskou.nl.txt
mkdir -p "$work"

if [ ! -x "$venv/bin/python" ]; then
  "${PYTHON:-python3}" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check pyahocorasick flashtext

cargo build --release --quiet --bin tolk --example synth_glossary
glossary=$work/synth-$n.csv
[ -s "$glossary" ] || target/release/examples/synth_glossary "$n" > "$glossary"
text=$work/ntrex-${mib}MiB.nl.txt
if [ ! -s "$text" ]; then
  : > "$text"
  while [ "$(stat -c %s "$text")" -lt $((mib * 1024 * 1024)) ]; do cat "$ntrex" >> "$text"; done
fi

exec "$venv/bin/python" benches/compare/compare.py \
  --tolk target/release/tolk --glossary "$glossary" --text "$text" "$@"
