#!/usr/bin/env python3
"""How many full names followed by a person's detail the engine finds (a probe, not a gold set).

    python3 bench/pii/names_before_numbers.py SCAN_BENCH_BINARY [SCAN_BENCH_BINARY ...]

Builds 600 one-line texts from gen_corpus.py's name lists (a given name and a surname, with its
tussenvoegsel) followed by one of twelve details a person's name is written beside in notes,
lists and logs (`06-53464097`, `34 jaar`, `12-03-1984`, `14:30`, `1987,`, `3 kinderen`,
`€ 1.250,00`, `1.200 euro`, `100%`, `12,`, `020 555 1234`, `10.8.14.77`) in four frames (in a
sentence, alone on a line, after `Gesproken met`, as a bullet), scans them with each scan-bench
binary (`cargo bench -p waarborg-pii --bench scan --no-run` prints its path; run with
`WAARBORG_BENCH_DUMP=1`) and prints, per binary, how many names a PERSON span overlaps, in all
and per detail. Session 22 measured 74/600 before and 538/600 after the rule that a full name
before such a detail is no street (a bare `12,` stays a house number: 0/50). Stdlib only; the same seed gives the same texts.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_corpus as g  # noqa: E402

DETAILS = ["06-53464097", "34 jaar", "12-03-1984", "14:30", "1987,", "3 kinderen", "€ 1.250,00", "1.200 euro",
           "100%", "12,", "020 555 1234", "10.8.14.77"]
FRAMES = ["Vandaag belde {n} {d} over de aanvraag.", "{n} {d}", "Gesproken met {n} {d} en daarna afgesloten.",
          "- {n} {d}"]


def texts():
    rng = random.Random(7)
    firsts = [n for v in g.FIRST.values() for names in v.values() for n in names]
    rows = []
    for i in range(600):
        name = f"{rng.choice(firsts)} {' '.join(w for w in rng.choice(g.SUR_NL) if w)}"
        detail = DETAILS[i % len(DETAILS)]
        text = FRAMES[(i // len(DETAILS)) % len(FRAMES)].format(n=name, d=detail)
        start = text.index(name)
        rows.append((text, start, start + len(name), detail))
    return rows


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    rows = texts()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for i, (text, _, _, _) in enumerate(rows):
            fh.write(json.dumps({"id": str(i), "text": text}, ensure_ascii=False) + "\n")
        path = fh.name
    try:
        for binary in argv[1:]:
            env = dict(os.environ, WAARBORG_BENCH_DUMP="1", WAARBORG_BENCH_CORPUS=path)
            dump = subprocess.run([binary], env=env, capture_output=True, text=True, check=True).stdout.splitlines()
            per = {d: 0 for d in DETAILS}
            for (_, start, end, detail), line in zip(rows, dump):
                spans = json.loads(line)["spans"]
                per[detail] += any(s["type"] == "PERSON" and s["start"] < end and start < s["end"] for s in spans)
            print(f"{os.path.basename(binary)}: {sum(per.values())}/{len(rows)} names found; "
                  + ", ".join(f"{d!r} {n}/{len(rows) // len(DETAILS)}" for d, n in per.items()))
    finally:
        os.unlink(path)


if __name__ == "__main__":
    main(sys.argv)
