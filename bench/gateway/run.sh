#!/usr/bin/env bash
# Gateway load benchmark: added latency of the whole guardrail pipeline, side by side in one run.
#
#   bench/gateway/run.sh              # DURATION=10s by default
#
# For each of `bare` (same HTTP stack and in-process stub model, no pipeline: "guardrails off"),
# `on` (the whole gateway: auth, rate limit, purpose, input PII with pseudonymisation,
# injection, retrieval with passage screening, output PII, disclosure, Ed25519 signature, one
# SQLite audit event per request, acknowledged once on disk) and `on-interval` (the same with
# `[store] audit_sync = "interval"`: acknowledged once committed, flushed to disk every 100 ms),
# it runs wrk at concurrency 1 and 200 and reports p50/p99. The stub answers at once, so the
# difference is what the pipeline adds. After the `on` runs the
# server counts its audit events, which must equal the requests wrk completed (no lost events).
# Last, time to first token when streaming through the output filter (bench_server ttft).
# Needs wrk (Debian: apt-get install wrk). Output: target/bench-gateway/summary.md.
# On a shared machine other jobs' threads make the tail (p99) mostly scheduling noise: as root,
# the server and wrk run under `chrt -f 20` (real-time priority, both alike) unless RT=0.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT=target/bench-gateway
DURATION="${DURATION:-10s}"
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "bench/gateway: wrk is missing (apt-get install wrk)" >&2; exit 1; }
cargo build --release -p waarborg-gateway --example bench_server
BIN=target/release/examples/bench_server
PRIO=()
if [ "${RT:-1}" = 1 ] && [ "$(id -u)" = 0 ] && command -v chrt >/dev/null; then PRIO=(chrt -f 20); fi

percentile() { # wrk --latency prints "50%" and "99%" lines
  awk -v p="$2" '$1==p {print $2}' "$1"
}
requests() { awk '/requests in/ {print $1}' "$1"; }
errors() { awk '/Non-2xx/ {print $4}' "$1"; }

{
  echo "| mode | concurrency | requests/s | p50 | p99 | non-2xx |"
  echo "| --- | --- | --- | --- | --- | --- |"
} > "$OUT/summary.md"
for mode in bare on on-interval; do
  "${PRIO[@]}" "$BIN" "$mode" > "$OUT/$mode.server" 2>&1 &
  PID=$!
  for _ in $(seq 100); do grep -q READY "$OUT/$mode.server" && break; sleep 0.1; done
  read -r _ BASE KEY < <(grep READY "$OUT/$mode.server")
  total=0
  for c in 1 200; do
    t=$([ "$c" = 1 ] && echo 1 || echo 2)
    KEY="$KEY" "${PRIO[@]}" wrk -t"$t" -c"$c" -d"$DURATION" --latency -s bench/gateway/chat.lua "$BASE/v1/chat/completions" > "$OUT/$mode-c$c.txt"
    n=$(requests "$OUT/$mode-c$c.txt"); total=$((total + n))
    rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$mode-c$c.txt")
    echo "| $mode | $c | $rps | $(percentile "$OUT/$mode-c$c.txt" 50%) | $(percentile "$OUT/$mode-c$c.txt" 99%) | $(errors "$OUT/$mode-c$c.txt" || true) |" >> "$OUT/summary.md"
  done
  kill -INT "$PID"; wait "$PID" || true
  events=$(awk '/AUDIT_EVENTS/ {print $2}' "$OUT/$mode.server")
  if [ "$mode" != bare ]; then
    echo "" >> "$OUT/summary.md"
    echo "audit ($mode): wrk completed $total requests; the store holds $events gateway.request events" >> "$OUT/summary.md"
  fi
done
echo "" >> "$OUT/summary.md"
"${PRIO[@]}" "$BIN" ttft >> "$OUT/summary.md"
echo "" >> "$OUT/summary.md"
echo "machine: $(nproc) cores, $(uname -m), load before/after: $(cut -d' ' -f1-3 /proc/loadavg); priority: ${PRIO[*]:-normal}" >> "$OUT/summary.md"
cat "$OUT/summary.md"
