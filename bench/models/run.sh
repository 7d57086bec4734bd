#!/usr/bin/env bash
# Generation speed of the embedded GGUF backend against llama.cpp, side by side in one run:
# same GGUF (the default SmolLM2-135M-Instruct Q4_1), same prompt (bench/models/prompt.txt), same
# token counts, same thread count. llama.cpp runs through llama-cpp-python, built from source in
# the throw-away venv target/bench-llama-venv (≈ 10 min the first time; its own default build
# flags, i.e. -march=native).
#
#   bench/models/run.sh            # THREADS=n to pin the thread count (default: all cores)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT=target/bench-models
VENV=target/bench-llama-venv
THREADS="${THREADS:-$(nproc)}"
mkdir -p "$OUT"
log() { printf '\n== %s\n' "$*" >&2; }

want="$(grep -E '^llama-cpp-python==' bench/models/requirements.txt | cut -d= -f3)"
have="$("$VENV/bin/python" -c 'import llama_cpp; print(llama_cpp.__version__)' 2>/dev/null || true)"
if [ "$want" != "$have" ]; then
  log "building llama-cpp-python $want from source into $VENV (about 10 minutes)"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r bench/models/requirements.txt
fi

log "building the benchmark"
cargo bench -p waarborg-models --no-default-features --features gguf --bench generate --no-run --locked 2>&1 | tail -1 >&2
BENCH="$(cargo bench -p waarborg-models --no-default-features --features gguf --bench generate --no-run --locked --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "generate" and m.get("executable"):
        print(m["executable"])' | tail -1)"
# Fetches the default model into the shared cache on first use.
GGUF="$ROOT/target/model-cache/smollm2-135m-instruct/SmolLM2-135M-Instruct.Q4_1.gguf"

LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
: > "$OUT/runs.jsonl"
for round in 1 2; do
  log "round $round: waarborg"
  "$BENCH" --threads "$THREADS" >> "$OUT/runs.jsonl"
  log "round $round: llama.cpp"
  "$VENV/bin/python" bench/models/run_llamacpp.py --gguf "$GGUF" --prompt bench/models/prompt.txt --threads "$THREADS" >> "$OUT/runs.jsonl"
done
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$OUT/runs.jsonl" "$LOAD_START" "$LOAD_END" "$THREADS" > "$OUT/summary.md" <<'PY'
import json, sys, platform
runs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
best = {}
for r in runs:
    k = "waarborg" if r["system"].startswith("waarborg") else "llama.cpp"
    b = best.setdefault(k, dict(r))
    for f in ("prompt_tok_s", "generate_tok_s", "e2e_tok_s"):
        if f in r:
            b[f] = max(b.get(f, 0), r[f])
    b["load_secs"] = min(b["load_secs"], r["load_secs"])
    b["peak_rss_mb"] = max(b["peak_rss_mb"], r["peak_rss_mb"])
w, l = best["waarborg"], best["llama.cpp"]
print(f"Same GGUF (SmolLM2-135M-Instruct Q4_1), {w['prompt_tokens']}-token prompt, {w['generated_tokens']} greedy tokens, {sys.argv[4]} threads; best of 2 rounds × 3 repetitions each. Load average at start {sys.argv[2]}, end {sys.argv[3]}.")
print()
print("| system | load s | prompt tok/s | generation tok/s | peak RSS MB |")
print("|---|---|---|---|---|")
for r in (w, l):
    print(f"| {r['system']} | {r['load_secs']:.2f} | {r['prompt_tok_s']:.0f} | {r['generate_tok_s']:.1f} | {r['peak_rss_mb']:.0f} |")
print()
print(f"**Generation: {w['generate_tok_s']/l['generate_tok_s']:.2f}× llama.cpp** (goal ≥ 0.9×); prompt processing {w['prompt_tok_s']/l['prompt_tok_s']:.2f}×.")
print(f"End to end through `Generator::generate` (chat template, sampling, stop handling): {w['e2e_tok_s']:.1f} tok/s over {w['e2e_completion_tokens']} tokens.")
PY
cat "$OUT/summary.md"
