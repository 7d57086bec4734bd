#!/usr/bin/env python3
"""Where the scan's time goes, per kind of text: the library's MB per CPU-second on each template
of the generated corpus, with the default engine and without the name detector (and the
categories, which need the names), and what the names cost in ms/MB.

    per_template.py BENCH_BINARY [--seed 2] [--mb 2] [--kb 200]

BENCH_BINARY is the scan benchmark (`cargo bench -p waarborg-pii --bench scan --no-run` prints
its path). Each template's texts from `gen_corpus.py --seed SEED --mb MB` are repeated to KB
kilobytes and timed with `WAARBORG_BENCH_CPU=1` (median of five), once as is and once with
`WAARBORG_BENCH_WITHOUT_NAMES=1`. Prints a Markdown table, costliest templates first. Stdlib only.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def mb_per_cpu_s(binary: str, corpus: Path, without_names: bool) -> float:
    env = dict(os.environ, WAARBORG_BENCH_CPU="1", WAARBORG_BENCH_CORPUS=str(corpus))
    if without_names:
        env["WAARBORG_BENCH_WITHOUT_NAMES"] = "1"
    out = subprocess.run([binary], env=env, capture_output=True, text=True, check=True).stdout
    line = [l for l in out.splitlines() if l.startswith("{")][-1]
    return float(json.loads(line)["cpu_mb_per_s"]["median"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--seed", type=int, default=2)
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--kb", type=int, default=200)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "corpus.jsonl"
        subprocess.run([sys.executable, str(HERE / "gen_corpus.py"), "--seed", str(args.seed), "--mb", str(args.mb),
                        "--out", str(full)], check=True, stdout=subprocess.DEVNULL)
        by_template: dict[str, list[str]] = defaultdict(list)
        for line in full.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            by_template[doc["template"]].append(doc["text"])
        total = sum(len(t.encode()) for texts in by_template.values() for t in texts)
        rows = []
        for name, texts in sorted(by_template.items()):
            corpus = Path(tmp) / f"{name}.jsonl"
            size, i = 0, 0
            with corpus.open("w", encoding="utf-8") as f:
                while size < args.kb * 1000:
                    text = texts[i % len(texts)]
                    f.write(json.dumps({"id": str(i), "text": text}) + "\n")
                    size += len(text.encode())
                    i += 1
            with_names = mb_per_cpu_s(args.binary, corpus, False)
            without = mb_per_cpu_s(args.binary, corpus, True)
            own = sum(len(t.encode()) for t in texts)
            rows.append((1000 / with_names - 1000 / without, name, 100 * own / total, own // len(texts), with_names, without))
    print("| template | share of the corpus's bytes | bytes a text | MB/CPU-s, defaults | without names and categories | names and categories cost, ms/MB |")
    print("|---|---:|---:|---:|---:|---:|")
    for cost, name, share, avg, a, b in sorted(rows, reverse=True):
        print(f"| {name} | {share:.1f} % | {avg} | {a:.1f} | {b:.1f} | {cost:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
