#!/usr/bin/env python3
"""Turn the library benchmark's findings dump into score.py's prediction shape.

    WAARBORG_BENCH_DUMP=1 WAARBORG_BENCH_CORPUS=/abs/set.jsonl target/release/deps/scan-* > dump.jsonl
    python3 bench/pii/dump_to_pred.py set.jsonl dump.jsonl > pred.jsonl
    python3 bench/pii/score.py set.jsonl pred.jsonl

The dump (crates/waarborg-pii/benches/scan.rs with WAARBORG_BENCH_DUMP=1) has one findings
object per input text that has a "text", in input order, without ids; this zips them with the
input's ids into ``{"id", "spans": [{"type", "start", "end"}], "categories": [...]}``
(char offsets, end exclusive). A light path to scores without building the CLI. Stdlib only.
"""
import json
import sys


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: dump_to_pred.py INPUT.jsonl DUMP.jsonl > PRED.jsonl")
    with open(argv[1], encoding="utf-8") as f:
        ids = [d["id"] for d in (json.loads(l) for l in f if l.strip()) if isinstance(d.get("text"), str)]
    with open(argv[2], encoding="utf-8") as f:
        dumps = [json.loads(l) for l in f if l.strip()]
    if len(ids) != len(dumps):
        sys.exit("dump_to_pred: %d input texts but %d findings lines" % (len(ids), len(dumps)))
    out = sys.stdout
    for doc_id, fnd in zip(ids, dumps):
        spans = [{"type": s["type"], "start": s["start"], "end": s["end"]} for s in fnd.get("spans", [])]
        out.write(json.dumps({"id": doc_id, "spans": spans, "categories": fnd.get("categories", [])},
                             ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv)
