#!/usr/bin/env bash
# Retrieval speed: ingest throughput (MB/s, PII handling on; with and without embedding) and
# query latency p50/p99 on a 100,000-chunk collection (synthetic vectors; see the example's doc).
#
#   bench/retrieval/speed.sh [CHUNKS] [INGEST_MB]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
mkdir -p target/bench-retrieval
echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (2 shared cores)" >&2
cargo run --release --locked -q -p waarborg-retrieval --example speed -- "$@" | tee target/bench-retrieval/speed.md
