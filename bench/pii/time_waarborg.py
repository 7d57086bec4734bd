#!/usr/bin/env python3
"""Time `waarborg pii scan` on one core: start-up, throughput, per-prompt latency.

    time_waarborg.py --bin target/release/waarborg --speed SPEED.jsonl --workdir DIR [--repeat 50]

Prints one JSON object on stdout.  All runs set RAYON_NUM_THREADS=1 (and pass ``--threads 1``
when the CLI offers it) so the engine runs on one core.

* start-up: wall time of scanning an empty input (median of 7 runs);
* throughput: SPEED concatenated ``--repeat`` times (ids made unique), median wall time of 3 runs;
  ``mb_per_s`` = MB of text / (wall − start-up), ``mb_per_s_wall`` without that subtraction.
  MB = 10^6 UTF-8 bytes of the ``text`` fields.  The time includes reading and parsing the JSONL
  input and writing the output file, which the Python runners' numbers exclude;
* the plain SPEED file too (the same file the baselines are timed on);
* 2 KB prompts: SPEED's text cut into 2,048-byte prompts.  ``prompt_mean_ms`` is the in-batch
  mean ((wall − start-up) / prompts, one process); ``prompt_process_p50/p99_ms`` are the wall
  times of single-prompt processes (``--text``), i.e. an upper bound that includes process
  start.  A true in-process p99 needs a Rust-side benchmark; if the binary offers none, the two
  numbers bracket it.
Stdlib only.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def text_bytes(path: str) -> int:
    n = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                n += len(json.loads(line)["text"].encode("utf-8"))
    return n


def wall(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    p = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr.decode(errors='replace')[-2000:]}")
    return dt


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--speed", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--budget-s", type=float, default=30.0,
                    help="cap on one repeated run: fewer repeats when the engine is slower than that allows")
    ap.add_argument("--prompts", type=int, default=2000, help="2 KB prompts for the in-batch mean")
    ap.add_argument("--prompt-processes", type=int, default=200, help="single-prompt processes for p50/p99")
    args = ap.parse_args()

    env = dict(os.environ, RAYON_NUM_THREADS="1")
    helptext = subprocess.run([args.bin, "pii", "scan", "--help"], env=env, capture_output=True, text=True).stdout
    threads = ["--threads", "1"] if "--threads" in helptext else []
    scan = [args.bin, "pii", "scan", *threads]
    os.makedirs(args.workdir, exist_ok=True)
    out_file = os.path.join(args.workdir, "waarborg.speed.out.jsonl")

    empty = os.path.join(args.workdir, "empty.jsonl")
    open(empty, "w").close()
    startup_runs = [wall(scan + ["--input", empty, "--output", out_file], env) for _ in range(7)]
    startup = statistics.median(startup_runs)

    with open(args.speed, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    small_bytes = sum(len(d["text"].encode("utf-8")) for d in docs)

    def throughput(path: str, nbytes: int, runs: int) -> dict:
        ts = [wall(scan + ["--input", path, "--output", out_file], env) for _ in range(runs)]
        t = statistics.median(ts)
        net = max(t - startup, 1e-9)
        return {"file": os.path.basename(path), "mb": nbytes / 1e6, "wall_s": t, "runs_s": ts,
                "mb_per_s": nbytes / 1e6 / net, "mb_per_s_wall": nbytes / 1e6 / t}

    res_small = throughput(args.speed, small_bytes, 3)
    # SPEED ×repeat with unique ids (fewer repeats if one run would exceed the budget).
    per_copy = max(res_small["wall_s"] - startup, 1e-6)
    repeat = max(1, min(args.repeat, int(args.budget_s / per_copy)))
    big = os.path.join(args.workdir, f"speed_x{repeat}.jsonl")
    with open(big, "w", encoding="utf-8") as f:
        for k in range(repeat):
            for d in docs:
                f.write(json.dumps({"id": f"{d['id']}-r{k}", "text": d["text"]}, ensure_ascii=False) + "\n")
    big_bytes = small_bytes * repeat
    res_big = throughput(big, big_bytes, 3)
    res_big["repeat"] = repeat
    os.remove(big)

    # 2 KB prompts cut from the speed corpus text.
    blob = "\n\n".join(d["text"] for d in docs).encode("utf-8")
    prompts = []
    pos = 0
    while len(prompts) < args.prompts and pos < len(blob):
        chunk = blob[pos:pos + 2048].decode("utf-8", errors="ignore")
        prompts.append(chunk)
        pos += 2048
    ppath = os.path.join(args.workdir, "prompts_2k.jsonl")
    with open(ppath, "w", encoding="utf-8") as f:
        for i, p in enumerate(prompts):
            f.write(json.dumps({"id": f"p{i}", "text": p}, ensure_ascii=False) + "\n")
    tb = statistics.median([wall(scan + ["--input", ppath, "--output", out_file], env) for _ in range(3)])
    per_prompt_ms = max(tb - startup, 0.0) / len(prompts) * 1000
    proc = []
    for p in prompts[: args.prompt_processes]:
        proc.append(wall(scan + [f"--text={p}", "--output", out_file], env) * 1000)
    proc.sort()
    os.remove(out_file)

    print(json.dumps({
        "system": "waarborg", "threads": 1, "startup_s": startup, "startup_runs_s": startup_runs,
        "speed_repeated": res_big, "speed": res_small,
        "prompt_2k": {"prompts": len(prompts), "mean_ms_in_batch": per_prompt_ms,
                      "process_p50_ms": proc[len(proc) // 2] if proc else None,
                      "process_p99_ms": proc[min(len(proc) - 1, int(len(proc) * 0.99))] if proc else None,
                      "processes": len(proc)},
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
