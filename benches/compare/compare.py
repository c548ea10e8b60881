#!/usr/bin/env python3
"""Time tolk's tagger against pyahocorasick and flashtext on one glossary
and one text, check that they find about as many terms, and print a table.

Called by run.sh, which makes the inputs and the virtual environment:

    compare.py --tolk target/release/tolk --glossary G.csv --text T.txt

Semantics, so that the counts can be compared:

- tolk (whole process, wall clock: start, CSV load, matcher build,
  segmentation, tagging, output; pieces of a large input are tagged on
  every core, and its CPU time is printed beside it) matches whole words only, on a folded text
  (case, diacritics, typographic apostrophes), with the case rules of the
  glossary README; it adds the genitives of names (Poetins, Zelensky's), takes
  the longest match, and also proposes transliterations of unknown Slavic
  names (source "translit"), which are left out of its count here.
- pyahocorasick searches the raw text for every spelling (nl and variants),
  its genitives, and its capitalised and upper-case forms (a lowercase
  spelling matches in any case in tolk), with iter_long() (leftmost longest,
  no overlaps); a match that does not start and end on a word boundary
  (alphanumeric characters on either side) is dropped. Only the search loop
  is timed.
- flashtext (KeywordProcessor, case-insensitive, every alphanumeric
  character of the text made a word character) gets the same spellings and
  genitives; only extract_keywords() is timed. It ignores the case rules:
  a capitalised spelling (a name, VS) also matches in lowercase.
"""

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import time

MIB = 1024 * 1024
APOSTROPHES = ("'", "\u2019")


def spellings(path):
    """(spelling, takes_genitive) for every nl and variant of the glossary."""
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            nl = (row.get("nl") or "").strip()
            if not nl or nl.startswith("#"):
                continue
            kind = (row.get("kind") or "term").strip() or "term"
            genitive = kind in ("person", "place", "org")
            out.append((nl, genitive))
            for v in (row.get("variants") or "").split("|"):
                if v.strip():
                    out.append((v.strip(), genitive))
    return out


def genitives(s):
    """The genitive forms tolk derives: -s and 's, or ' and 's after s, x, z."""
    last = s[-1:].lower()
    if last in ("s", "x", "z"):
        endings = [a for a in APOSTROPHES] + [a + "s" for a in APOSTROPHES]
    elif last.isalnum():
        endings = ["s"] + [a + "s" for a in APOSTROPHES]
    else:
        endings = []
    return [s + e for e in endings]


def forms(entries, with_case):
    out = set()
    for s, genitive in entries:
        base = [s] + (genitives(s) if genitive else [])
        for b in base:
            out.add(b)
            if with_case:
                out.add(b[:1].upper() + b[1:])
                out.add(b.upper())
                if b == b.lower():
                    out.add(" ".join(w[:1].upper() + w[1:] for w in b.split(" ")))
    return out


def best_of(runs, fn):
    """The best wall time of `runs` calls of fn, and that call's result."""
    best, result = None, None
    for _ in range(runs):
        t0 = time.perf_counter()
        r = fn()
        t = time.perf_counter() - t0
        if best is None or t < best:
            best, result = t, r
    return best, result


def time_tolk(args, nbytes):
    # --glossary-only: glossary hits, no transliteration proposals (the
    # peers know nothing else either).
    cmd = [args.tolk, "--no-default-glossary", "-g", args.glossary, "tag", "--glossary-only", args.text]

    def run():
        # CPU time (user + system) of the run: tolk tags pieces of the
        # input on every core, so it can exceed the wall time.
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        with open(os.devnull, "wb") as null:
            subprocess.run(cmd, stdout=null, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    secs, cpu = best_of(args.runs, run)
    # The count from one more (untimed) run, as JSON.
    out = subprocess.run(cmd[:-1] + ["-f", "json", args.text], capture_output=True, check=True)
    counts = {}
    for line in out.stdout.splitlines():
        for t in json.loads(line)["terms"]:
            counts[t["source"]] = counts.get(t["source"], 0) + 1
    return secs, cpu, counts


def time_pyahocorasick(args, text, entries):
    import ahocorasick

    a = ahocorasick.Automaton()
    for f in forms(entries, with_case=True):
        a.add_word(f, len(f))
    t0 = time.perf_counter()
    a.make_automaton()
    build = time.perf_counter() - t0
    n = len(text)

    def search():
        count = 0
        for end, length in a.iter_long(text):
            start = end - length + 1
            if start > 0 and text[start - 1].isalnum():
                continue
            if end + 1 < n and text[end + 1].isalnum():
                continue
            count += 1
        return count

    secs, count = best_of(args.runs, search)
    return secs, count, build


def time_flashtext(args, text, entries):
    from flashtext import KeywordProcessor

    kp = KeywordProcessor(case_sensitive=False)
    for ch in set(text):
        if ch.isalnum():
            kp.add_non_word_boundary(ch)
    t0 = time.perf_counter()
    for f in forms(entries, with_case=False):
        kp.add_keyword(f)
    build = time.perf_counter() - t0
    secs, found = best_of(args.flashtext_runs, lambda: kp.extract_keywords(text))
    return secs, len(found), build


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--tolk", required=True)
    p.add_argument("--glossary", required=True)
    p.add_argument("--text", required=True)
    p.add_argument("--runs", type=int, default=3, help="best of N (tolk, pyahocorasick)")
    p.add_argument("--flashtext-runs", type=int, default=1, help="best of N (flashtext is slow)")
    args = p.parse_args()

    nbytes = os.path.getsize(args.text)
    with open(args.text, encoding="utf-8") as f:
        text = f.read()
    entries = spellings(args.glossary)
    mib = nbytes / MIB
    print(f"text: {args.text}, {mib:.1f} MiB; glossary: {args.glossary}, {len(entries)} spellings")

    rows = []
    secs, cpu, counts = time_tolk(args, nbytes)
    tolk_hits = counts.get("glossary", 0)
    note = f"CPU {cpu:.2f} s on {os.cpu_count()} cores"
    rows.append(("tolk tag (whole process)", secs, tolk_hits, note))
    extra = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()) if k != "glossary")
    print(f"tolk: {tolk_hits} glossary hits" + (f" (not counted: {extra})" if extra else ""))
    sys.stdout.flush()

    secs, count, build = time_pyahocorasick(args, text, entries)
    rows.append(("pyahocorasick iter_long + word filter", secs, count, f"build {build:.2f} s"))
    sys.stdout.flush()

    secs, count, build = time_flashtext(args, text, entries)
    rows.append(("flashtext extract_keywords", secs, count, f"build {build:.2f} s"))

    tolk_speed = mib / rows[0][1]
    print()
    print("| tool | time (s) | MiB/s | hits | hits vs tolk | tolk/peer speed | note |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, secs, hits, note in rows:
        speed = mib / secs
        ratio = "" if name.startswith("tolk") else f"{tolk_speed / speed:.2f}×"
        diff = f"{(hits - tolk_hits) / tolk_hits * 100:+.1f} %" if tolk_hits else ""
        print(f"| {name} | {secs:.2f} | {speed:.1f} | {hits} | {diff} | {ratio} | {note} |")


if __name__ == "__main__":
    main()
