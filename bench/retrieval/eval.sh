#!/usr/bin/env bash
# Retrieval quality on the Dutch evaluation set (eval/retrieval: docs/ and questions.jsonl):
# recall@1/@5 and MRR of BM25, vectors and hybrid, and the extractive answer's hit rate.
# Uses the real default embedder (fetched into target/model-cache on first use).
#
#   bench/retrieval/eval.sh [EVAL_DIR] [MIN_COVERAGE]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
EVAL_DIR="${1:-eval/retrieval}"
mkdir -p target/bench-retrieval
cargo run --release --locked -q -p waarborg-retrieval --example eval -- "$EVAL_DIR" ${2:+"$2"} | tee target/bench-retrieval/eval.md
