"""Shared I/O for the baseline runners (run_deduce.py, run_presidio.py). Stdlib only."""

from __future__ import annotations

import json
import sys
import time


def read_docs(path: str) -> list[dict]:
    """Read ``{"id", "text"}`` JSONL (other fields, such as gold spans, are dropped here)."""
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                docs.append({"id": d["id"], "text": d["text"]})
    return docs


def span(typ: str, start: int, end: int, text: str, score: float, detector: str) -> dict:
    start, end = int(start), int(end)
    return {"type": typ, "start": start, "end": end, "text": text[start:end], "score": round(float(score), 3),
            "detector": detector}


def run(system: str, version: str, startup_s: float, docs: list[dict], detect, out_path: str) -> None:
    """Run ``detect(text) -> spans`` over all docs, write scan-shaped JSONL, report throughput.

    Throughput counts UTF-8 bytes of the ``text`` fields (MB = 10^6 bytes) over the time spent
    in ``detect`` plus label mapping; start-up (imports, model/lookup loading) and file I/O excluded.
    """
    results = []
    t0 = time.perf_counter()
    for d in docs:
        spans = detect(d["text"])
        spans.sort(key=lambda s: (s["start"], s["end"]))
        results.append({"id": d["id"], "spans": spans, "categories": []})
    elapsed = time.perf_counter() - t0
    with open(out_path, "w", encoding="utf-8") as f:
        for r in results:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    nbytes = sum(len(d["text"].encode("utf-8")) for d in docs)
    report = {"system": system, "version": version, "docs": len(docs), "mb": nbytes / 1e6,
              "seconds": elapsed, "mb_per_s": (nbytes / 1e6) / elapsed if elapsed > 0 else None,
              "startup_s": startup_s}
    print(json.dumps(report), file=sys.stderr)
