#!/usr/bin/env bash
# Reproduce the PII benchmark: Waarborg vs deduce vs Presidio, speed and accuracy, in one run.
#
#   bench/pii/run.sh            # everything
#   SKIP_BUILD=1 bench/pii/run.sh   # use the existing target/release/waarborg
#   SKIP_LIB_BENCH=1 bench/pii/run.sh   # leave out the library benchmark (cargo bench)
#
# 1. a throw-away virtualenv target/bench-venv (reused when its pins match) with the baselines
#    pinned in bench/pii/requirements.txt (constraints: bench/pii/constraints.txt);
# 2. corpora from bench/pii/gen_corpus.py: accuracy (seed 1, 500 docs) and speed (seed 2, 2 MB);
# 3. cargo build --release -p waarborg (unless SKIP_BUILD) and cargo bench --no-run for the library
#    benchmark crates/waarborg-pii/benches/scan.rs (compiled here so that compiling does not load
#    the machine while the speed section runs);
# 4. speed, all on the same speed corpus in this run: deduce, Presidio, the Waarborg library (one
#    core, `cargo bench -p waarborg-pii --bench scan`: MB/s and 2 KB-prompt p50/p99/max in
#    process) and the Waarborg CLI (one core, also on the corpus ×50, its start-up on empty input);
#    the load average is recorded at the start and end of the run and around this step;
# 5. accuracy: all three on the generated corpus and on the hand-annotated sets (if present),
#    bench/pii/data/handset.jsonl, handset2.jsonl … handset23.jsonl (development: used for error
#    analysis) and bench/pii/data/heldout.jsonl, heldout2.jsonl, heldout3.jsonl, heldout6.jsonl, heldout7.jsonl, heldout8.jsonl, heldout9.jsonl, heldout10.jsonl, heldout11.jsonl, heldout12.jsonl, heldout13.jsonl, heldout14.jsonl, heldout15.jsonl (blind: never used for tuning), scored with
#    bench/pii/score.py;
# 6. target/bench-pii/summary.md (printed at the end) for docs/benchmarks.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
HERE=bench/pii
OUT=target/bench-pii
VENV=target/bench-venv
PY="${PYTHON:-python3}"
BIN=target/release/waarborg
mkdir -p "$OUT"

log() { printf '\n== %s\n' "$*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?"; }
LOAD_RUN_START="$(loadavg)"

# --- 1. virtualenv with pinned baselines ---------------------------------------------------------
want_pins() { grep -E '^[A-Za-z0-9_.-]+==' "$HERE/requirements.txt" | tr 'A-Z_' 'a-z-' | sort; }
have_pins() {
  "$VENV/bin/python" - <<'EOF' 2>/dev/null | sort
from importlib.metadata import version
for p in ("deduce", "presidio-analyzer"):
    print(f"{p}=={version(p)}")
EOF
}
if [ ! -x "$VENV/bin/python" ] || [ "$(want_pins)" != "$(have_pins)" ]; then
  log "creating $VENV with $(want_pins | tr '\n' ' ')"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
      -r "$HERE/requirements.txt" -c "$HERE/constraints.txt" \
    || { log "constraints did not install here; installing the top-level pins only";
         "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"; }
else
  log "reusing $VENV ($(have_pins | tr '\n' ' '))"
fi
VPY="$VENV/bin/python"

# --- 2. corpora -------------------------------------------------------------------------------------
log "generating corpora"
"$PY" "$HERE/gen_corpus.py" --seed 1 --docs 500 --out "$OUT/gold.jsonl"
"$PY" "$HERE/gen_corpus.py" --seed 1 --docs 500 --text-only --out "$OUT/gold.input.jsonl"
"$PY" "$HERE/gen_corpus.py" --seed 2 --mb 2 --text-only --out "$OUT/speed.jsonl"
# The hand-annotated sets: handset … handset23 = development (used for error analysis),
# heldout, heldout2, heldout3, heldout6, heldout7, heldout8, heldout9, heldout10, heldout11, heldout12, heldout13, heldout14, heldout15 = blind (heldout4 and heldout5 were opened as handset10, handset11).
HAND_SETS=(handset handset2 handset3 handset4 handset5 handset6 handset7 handset8 handset9 handset10 handset11 handset12 handset13 handset14 handset15 handset16 handset17 handset18 handset19 handset20 handset21 handset22 handset23 heldout heldout2 heldout3 heldout6 heldout7 heldout8 heldout9 heldout10 heldout11 heldout12 heldout13 heldout14 heldout15)
for set in "${HAND_SETS[@]}"; do
  gold="$HERE/data/$set.jsonl"
  rm -f "$OUT/$set.note" "$OUT/$set.input.jsonl" "$OUT/accuracy.$set.md" "$OUT/accuracy.$set.json"
  if [ -f "$gold" ]; then
    "$PY" -c 'import json,sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        d = json.loads(line); print(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False))' \
      "$gold" > "$OUT/$set.input.jsonl"
  else
    echo "\`$gold\` not present in this checkout; skipped." > "$OUT/$set.note"
  fi
done

# --- 3. build ---------------------------------------------------------------------------------------
HAVE_BIN=0
if [ -z "${SKIP_BUILD:-}" ]; then
  log "cargo build --release -p waarborg"
  if cargo build --release -p waarborg >&2; then HAVE_BIN=1; else log "build failed: Waarborg is left out of this run"; fi
elif [ -x "$BIN" ]; then
  HAVE_BIN=1
fi
[ -x "$BIN" ] || HAVE_BIN=0
LIB_BENCH=(cargo bench -p waarborg-pii --bench scan)
HAVE_LIB_BENCH=0
rm -f "$OUT/speed.waarborg-lib.json" "$OUT/speed.waarborg-lib.log"
if [ -n "${SKIP_LIB_BENCH:-}" ]; then
  log "SKIP_LIB_BENCH set: library benchmark left out"
elif ! command -v cargo > /dev/null; then
  log "cargo not found: library benchmark left out"
else
  log "${LIB_BENCH[*]} --no-run"
  if "${LIB_BENCH[@]}" --no-run >&2; then HAVE_LIB_BENCH=1; else log "bench build failed: library benchmark left out"; fi
fi

# --- 4. speed ---------------------------------------------------------------------------------------
"$PY" - "$OUT/env.json" "$OUT/speed.jsonl" "$BIN" "$LOAD_RUN_START" "$(loadavg)" "${SKIP_BUILD:+1}" <<'EOF'
import json, os, platform, subprocess, sys, datetime
cpu = "?"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip(); break
except OSError:
    pass
try:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip() or "uncommitted"
    if subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True).stdout.strip():
        commit += "+dirty"
except OSError:
    commit = "?"
docs = sum(1 for l in open(sys.argv[2]) if l.strip())
binary = None
if os.path.exists(sys.argv[3]):
    binary = datetime.datetime.fromtimestamp(os.path.getmtime(sys.argv[3])).strftime("%Y-%m-%d %H:%M:%S")
json.dump({"date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "cpu": cpu, "cores": os.cpu_count(),
           "python": platform.python_version(), "commit": commit, "speed_docs": docs,
           "cli_binary_built": binary, "skip_build": sys.argv[6] == "1",
           "load_avg": {"run_start": sys.argv[4], "speed_start": sys.argv[5]}}, open(sys.argv[1], "w"))
EOF
log "speed: deduce"
"$VPY" "$HERE/run_deduce.py" "$OUT/speed.jsonl" "$OUT/speed.deduce.out.jsonl" 2> "$OUT/speed.deduce.json"
log "speed: presidio"
"$VPY" "$HERE/run_presidio.py" "$OUT/speed.jsonl" "$OUT/speed.presidio.out.jsonl" 2> "$OUT/speed.presidio.json"
if [ "$HAVE_LIB_BENCH" = 1 ]; then
  log "speed: waarborg library (${LIB_BENCH[*]}, one core)"
  # The bench binary runs with crates/waarborg-pii as its working directory: absolute path.
  if ! WAARBORG_BENCH_CORPUS="$ROOT/$OUT/speed.jsonl" "${LIB_BENCH[@]}" \
         > "$OUT/speed.waarborg-lib.json" 2> "$OUT/speed.waarborg-lib.log"; then
    log "library benchmark failed: $(tail -n 3 "$OUT/speed.waarborg-lib.log")"
    rm -f "$OUT/speed.waarborg-lib.json"
  fi
  tail -n 1 "$OUT/speed.waarborg-lib.log" >&2
fi
rm -f "$OUT/speed.waarborg.json"
if [ "$HAVE_BIN" = 1 ]; then
  log "speed: waarborg CLI (RAYON_NUM_THREADS=1, --threads 1)"
  "$PY" "$HERE/time_waarborg.py" --bin "$BIN" --speed "$OUT/speed.jsonl" --workdir "$OUT/tmp" > "$OUT/speed.waarborg.json"
fi
LOAD_SPEED_END="$(loadavg)"
tail -n 1 "$OUT/speed.deduce.json" "$OUT/speed.presidio.json" >&2

# --- 5. accuracy ------------------------------------------------------------------------------------
predict_all() {  # $1 = input jsonl, $2 = prefix for outputs
  "$VPY" "$HERE/run_deduce.py" "$1" "$2.deduce.jsonl" 2> "$2.deduce.log"
  "$VPY" "$HERE/run_presidio.py" "$1" "$2.presidio.jsonl" 2> "$2.presidio.log"
  if [ "$HAVE_BIN" = 1 ]; then
    "$BIN" pii scan --input "$1" --output "$2.waarborg.jsonl" 2> "$2.waarborg.log" \
      || { rc=$?; [ "$rc" = 65 ] || { log "waarborg pii scan failed ($rc): $(tail -n 3 "$2.waarborg.log")"; return 1; }; }
  fi
}
score_all() {  # $1 = gold, $2 = prefix, $3 = title, $4 = markdown out, $5 = json out
  local preds=() names=()
  if [ "$HAVE_BIN" = 1 ]; then preds+=("$2.waarborg.jsonl"); names+=(waarborg); fi
  preds+=("$2.deduce.jsonl" "$2.presidio.jsonl"); names+=(deduce presidio)
  "$PY" "$HERE/score.py" "$1" "${preds[@]}" --names "$(IFS=,; echo "${names[*]}")" \
      --title "$3" --json "$5" --errors 300 > "$4"
}
log "accuracy: generated corpus"
predict_all "$OUT/gold.input.jsonl" "$OUT/pred.generated"
score_all "$OUT/gold.jsonl" "$OUT/pred.generated" "PII detection accuracy" "$OUT/accuracy.generated.md" "$OUT/accuracy.generated.json"
"$PY" "$HERE/score.py" "$OUT/gold.jsonl" $( [ "$HAVE_BIN" = 1 ] && echo "$OUT/pred.generated.waarborg.jsonl" ) \
    "$OUT/pred.generated.deduce.jsonl" "$OUT/pred.generated.presidio.jsonl" \
    --names "$( [ "$HAVE_BIN" = 1 ] && echo waarborg, )deduce,presidio" --by-template > "$OUT/accuracy.generated.by-template.md"
for set in "${HAND_SETS[@]}"; do
  if [ -f "$OUT/$set.input.jsonl" ]; then
    log "accuracy: hand-annotated $set"
    predict_all "$OUT/$set.input.jsonl" "$OUT/pred.$set"
    score_all "$HERE/data/$set.jsonl" "$OUT/pred.$set" "PII detection accuracy" "$OUT/accuracy.$set.md" "$OUT/accuracy.$set.json"
  fi
done

# --- 6. summary -------------------------------------------------------------------------------------
log "summary ($OUT/summary.md)"
"$PY" - "$OUT/env.json" "$LOAD_SPEED_END" "$(loadavg)" <<'EOF'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    env = json.load(f)
env.setdefault("load_avg", {}).update(speed_end=sys.argv[2], run_end=sys.argv[3])
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(env, f)
EOF
"$PY" "$HERE/report.py" "$OUT"
