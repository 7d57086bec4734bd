#!/usr/bin/env python3
"""Assemble the Markdown summary of a bench/pii/run.sh run from the files in its output folder.

    report.py OUTDIR

Reads OUTDIR/speed.{deduce,presidio}.json (the runners' stderr lines), OUTDIR/speed.waarborg-lib.json
(`cargo bench -p waarborg-pii --bench scan` on the speed corpus), OUTDIR/speed.waarborg.json
(time_waarborg.py: the CLI), OUTDIR/accuracy.{generated,handset,handset2,handset3,handset4,handset5,handset6,handset7,handset8,handset9,handset10,handset11,handset12,handset13,handset14,handset15,handset16,handset17,handset18,handset19,handset20,handset21,handset22,handset23,heldout,heldout2,heldout3,heldout6,heldout7,heldout8,heldout9,heldout10,heldout11,heldout12,heldout13,heldout14,heldout15}.{md,json}
(score.py),
OUTDIR/*.note and OUTDIR/env.json; writes OUTDIR/summary.md and OUTDIR/summary.json and prints the
Markdown.  Stdlib only.
"""

from __future__ import annotations

import json
import os
import sys

TARGET_MBPS = 50.0
TARGET_RATIO = 250.0
TARGET_STARTUP_S = 1.0
TARGET_P99_MS = 1.0

SYSTEMS = ("waarborg", "deduce", "presidio")
# (file stem, label): the order of the accuracy sections.
SETS = (
    ("generated", "generated corpus"),
    ("handset", "hand-annotated set (development: used for error analysis)"),
    ("handset2", "second hand-annotated set (development: birth dates and form names, used for error analysis)"),
    ("handset3", "third hand-annotated set (development: birth dates and names of many origins, used for error analysis)"),
    ("handset4", "fourth hand-annotated set (development: surnames written alone in minutes, chats and case notes, used for error analysis)"),
    ("handset5", "fifth hand-annotated set (development: written by a helper that read no engine code, used for error analysis)"),
    ("handset6", "sixth hand-annotated set (development: names without titles, written by a helper that read no engine code, used for error analysis)"),
    ("handset7", "seventh hand-annotated set (development: mail, chats, minutes and incident reports, written by a helper that read no engine code, used for error analysis)"),
    ("handset8", "eighth hand-annotated set (development: council minutes, citizens' messages, rulings and case conferences, written by a helper that read no engine code, used for error analysis)"),
    ("handset9", "ninth hand-annotated set (development: prompts and answers of a municipality's AI assistant, often in lower case, written by a helper that read no engine code, used for error analysis)"),
    ("handset10", "tenth hand-annotated set (development: written as the blind set heldout4, scored once blind, then opened for error analysis)"),
    ("handset11", "eleventh hand-annotated set (development: written as the blind set heldout5, scored once blind, then opened for error analysis)"),
    ("handset12", "twelfth hand-annotated set (development: special categories written the many ways case workers write them, KvK and identity-document numbers in many contexts, with hard negatives; written in session 18 by a helper that read no engine code)"),
    ("handset13", "thirteenth hand-annotated set (development: PERSON in the forms real documents use, of many origins, with hard negatives named after people; written in session 18 by a helper that read no engine code)"),
    ("handset14", "fourteenth hand-annotated set (development: number-dense text, 14 of 24 documents without personal data, hard negatives of every number shape; written in session 19 by a helper that read no engine code)"),
    ("handset15", "fifteenth hand-annotated set (development: things named after people and capitalised words, 16 of 24 documents without personal data; written in session 19 by a helper that read no engine code)"),
    ("handset16", "sixteenth hand-annotated set (development: tables and financial and administrative text, 14 of 24 documents without personal data; written in session 19 by a helper that read no engine code)"),
    ("handset17", "seventeenth hand-annotated set (development: names of the many origins in the Netherlands that name lists lack, 448 PERSON spans, 85 % with a token outside the gazetteer; written in session 20 by a helper that read no engine code)"),
    ("handset18", "eighteenth hand-annotated set (development: long numbers — IMEI, ICCID, EAN, SSCC, BAG, betalingskenmerken, transaction ids, 11-proef-valid case numbers — 14 of 24 documents without personal data; written in session 20 by a helper that read no engine code)"),
    ("handset19", "nineteenth hand-annotated set (development: number-dense registers, agendas, logs and exports with phone-shaped, 11-proef-valid and Luhn-valid identifiers, 14 of 24 documents without personal data; written in session 20 by a helper that read no engine code)"),
    ("handset20", "twentieth hand-annotated set (development: special categories and criminal data written the many ways staff, citizens and officials write them, 6 of 24 documents with topic words about nobody; written in session 21 by a helper that read no engine code)"),
    ("handset21", "twenty-first hand-annotated set (development: IT, security, data breaches and identity checks: tickets, firewall, VPN, web and SIEM logs, a phishing thread, counter and video identity checks, a BRP audit export, pen-test findings, with version and control numbers, OIDs, subnets and server addresses beside the personal data; 6 of 24 documents without personal data; written in session 22 by a helper that read no engine code; it marks no server's, gateway's or network's address)"),
    ("handset22", "twenty-second hand-annotated set (development: civic text with many people named: a school newsletter and pupil notes, club minutes and a bar roster, a GP's referral, a district nurse's report, housing and complaint letters, a death notice with its condolence register, a civil-registry extract, a court ruling, an application, a CV, a reference, an appraisal, a neighbourhood chat, a petition, a news article and a press release, a mosque's letter, an AI prompt, a youth-care note, an English mail, a Teams chat; 253 PERSON, 18 documents with categories; written in session 23 by a helper that read no engine code)"),
    ("handset23", "twenty-third hand-annotated set (development: 24 civic documents full of capitalised words that are no people — clubs, firms named after their founders, rooms, medals, neighbourhoods, brands, characters of children's books, titles, events — beside 204 PERSON spans; written in session 23 by a helper that read no engine code; the session's code scored PERSON P 0.687 on it when it arrived)"),
    ("heldout", "held-out set (blind: never used for tuning)"),
    ("heldout2", "second held-out set (blind: written in session 15 by a helper that read no engine code; never used for tuning)"),
    ("heldout3", "third held-out set (blind: written in session 16 by a helper that read only the annotation guide and the build script; scored once on the code it was written against)"),
    ("heldout6", "sixth held-out set (blind: written in session 17 by a helper that read only the annotation guide and the build script; scored once on the session's start code and once on its end; heldout4 and heldout5 were opened as handset10 and handset11)"),
    ("heldout7", "seventh held-out set (blind: written in session 18 by a helper that read only the annotation guide and the build script; scored at the session's start and end)"),
    ("heldout8", "eighth held-out set (blind: written in session 18 like heldout7, with other genres)"),
    ("heldout9", "ninth held-out set (blind: written in session 19 like heldout7, with the genres of municipal and agency casework)"),
    ("heldout10", "tenth held-out set (blind: number-dense text, 16 of 24 documents without personal data; written in session 19 by a helper that read only the annotation guide and the build script)"),
    ("heldout11", "eleventh held-out set (blind: names of the whole population of the Netherlands in casework, mail, minutes, exports; 333 PERSON spans; written in session 20 by a helper that read only the annotation guide and the build script)"),
    ("heldout12", "twelfth held-out set (blind: number-dense operational text, 13 of 22 documents without personal data; written in session 20 by a helper that read only the annotation guide and the build script)"),
    ("heldout13", "thirteenth held-out set (blind: special categories and criminal data in casework, police, court, school and employer documents and citizens' messages, 7 of 22 documents without any category; written in session 21 by a helper that read only the annotation guide and the build script)"),
    ("heldout14", "fourteenth held-out set (blind: information security, IT operations, data breaches and identity documents, 6 of 22 documents without personal data; written in session 22 by a helper that read only the annotation guide and the build script; it marks no server's, gateway's or network's address)"),
    ("heldout15", "fifteenth held-out set (blind: civic text with many people named, the genres of handset22 written separately; 259 PERSON, 11 documents with categories; written in session 23 by a helper that read only the annotation guide and the build script)"),
)
# The development sets (column label in the side-by-side table) and the blind set.
DEV_SETS = (("handset", "dev"), ("handset2", "dev2"), ("handset3", "dev3"), ("handset4", "dev4"), ("handset5", "dev5"), ("handset6", "dev6"), ("handset7", "dev7"), ("handset8", "dev8"), ("handset9", "dev9"), ("handset10", "dev10"), ("handset11", "dev11"), ("handset12", "dev12"), ("handset13", "dev13"), ("handset14", "dev14"), ("handset15", "dev15"), ("handset16", "dev16"), ("handset17", "dev17"), ("handset18", "dev18"), ("handset19", "dev19"), ("handset20", "dev20"), ("handset21", "dev21"), ("handset22", "dev22"), ("handset23", "dev23"))
BLIND_SETS = (("heldout", "blind"), ("heldout2", "blind2"), ("heldout3", "blind3"), ("heldout6", "blind6"), ("heldout7", "blind7"), ("heldout8", "blind8"), ("heldout9", "blind9"), ("heldout10", "blind10"), ("heldout11", "blind11"), ("heldout12", "blind12"), ("heldout13", "blind13"), ("heldout14", "blind14"), ("heldout15", "blind15"))


def load(path: str):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        txt = f.read().strip()
    if not txt:
        return None
    try:
        return json.loads(txt)
    except json.JSONDecodeError:
        # stderr of a runner or stdout of cargo bench: take the last line that parses
        for line in reversed(txt.splitlines()):
            try:
                return json.loads(line)
            except json.JSONDecodeError:
                continue
    return None


def read(path: str) -> str | None:
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return f.read().strip()


def ok(b: bool) -> str:
    return "✅" if b else "❌"


def f3(x: float) -> str:
    return f"{x:.3f}"


def mbps(x: float) -> str:
    return f"{x:.3f}" if x < 1 else f"{x:.1f}"


def ratio(x: float) -> str:
    return f"{x:,.1f}×" if x < 10 else f"{x:,.0f}×"


def speed_section(env: dict, ded, pre, lib, cli, summary: dict) -> list[str]:
    md = ["### Speed, one core, same run, same corpus", ""]
    md.append(f"Speed corpus: `gen_corpus.py --seed 2 --mb 2` ({env.get('speed_docs', '?')} documents), the same file "
              "for all systems in this run. MB = 10⁶ UTF-8 bytes of document text. Baselines: time inside their detect "
              "loop, start-up and file I/O excluded. **Waarborg library**: `cargo bench -p waarborg-pii --bench scan` "
              "(`crates/waarborg-pii/benches/scan.rs`) with `WAARBORG_BENCH_CORPUS` set to the speed corpus: "
              "`Engine::scan` in process on one thread, record by record over the corpus texts, median of 7 runs "
              "of at least 1 s; the 2 KB prompt is the longest corpus text cut to 2,048 bytes, scanned 20,000 times. "
              "**Waarborg CLI**: wall time of the whole `waarborg pii scan --threads 1` run with "
              "`RAYON_NUM_THREADS=1` (read JSONL, scan, write JSONL) minus its start-up, on the speed corpus "
              "concatenated N× (50×, or fewer when one run would take over 30 s; median of 3 runs).")
    md.append("")
    lib_mbps = lib["throughput_mb_per_s"]["median"] if lib else None
    cli_mbps = cli["speed_repeated"]["mb_per_s"] if cli else None
    ded_mbps = ded["mb_per_s"] if ded else None
    pre_mbps = pre["mb_per_s"] if pre else None

    md.append("| measure | measured | target (issue) | |")
    md.append("|---|---|---|---|")

    def row(measure: str, value: str, target: str = "", passed: bool | None = None) -> None:
        md.append(f"| {measure} | {value} | {target} | {'' if passed is None else ok(passed)} |")

    missing = "not measured in this run"
    row(f"deduce {ded['version']} throughput" if ded else "deduce throughput", f"{mbps(ded_mbps)} MB/s" if ded else missing)
    row(f"Presidio {pre['version']} throughput" if pre else "Presidio throughput", f"{mbps(pre_mbps)} MB/s" if pre else missing)
    if lib:
        row("**Waarborg library** throughput, one core", f"**{mbps(lib_mbps)} MB/s**", f"≥ {TARGET_MBPS:.0f} MB/s",
            lib_mbps >= TARGET_MBPS)
    else:
        row("**Waarborg library** throughput, one core", missing + " (see `speed.waarborg-lib.log`)", f"≥ {TARGET_MBPS:.0f} MB/s")
    if cli:
        row("Waarborg CLI throughput, one core (incl. JSON parsing and writing)", f"{mbps(cli_mbps)} MB/s",
            f"≥ {TARGET_MBPS:.0f} MB/s", cli_mbps >= TARGET_MBPS)
    else:
        row("Waarborg CLI throughput, one core", missing + " (binary missing or build failed)", f"≥ {TARGET_MBPS:.0f} MB/s")
    ratios = {}
    if lib and ded:
        ratios["library_over_deduce"] = lib_mbps / ded_mbps
        row("library / deduce", f"**{ratio(lib_mbps / ded_mbps)}**", f"≥ {TARGET_RATIO:.0f}×", lib_mbps / ded_mbps >= TARGET_RATIO)
    if lib and pre:
        ratios["library_over_presidio"] = lib_mbps / pre_mbps
        row("library / Presidio", ratio(lib_mbps / pre_mbps))
    if cli and ded:
        ratios["cli_over_deduce"] = cli_mbps / ded_mbps
        row("CLI / deduce", ratio(cli_mbps / ded_mbps), f"≥ {TARGET_RATIO:.0f}×", cli_mbps / ded_mbps >= TARGET_RATIO)
    if cli:
        row("start-up (CLI scan of an empty input, median of 7)", f"{cli['startup_s'] * 1000:.1f} ms",
            f"< {TARGET_STARTUP_S:.0f} s", cli["startup_s"] < TARGET_STARTUP_S)
    else:
        row("start-up (CLI scan of an empty input)", missing, f"< {TARGET_STARTUP_S:.0f} s")
    if lib:
        lat = lib["latency_2kb_us"]
        n = f"{lat['prompt_bytes']:,} B prompt, {lat['iterations']:,} scans"
        row(f"2 KB prompt p50 (library, {n})", f"{lat['p50'] / 1000:.3f} ms")
        row("2 KB prompt **p99** (library)", f"**{lat['p99'] / 1000:.3f} ms**", f"< {TARGET_P99_MS:.0f} ms",
            lat["p99"] / 1000 < TARGET_P99_MS)
        row("2 KB prompt max (library)", f"{lat['max'] / 1000:.3f} ms")
        eng = lib.get("engine_new_ms") or {}
        if eng:
            row("engine build in process (library: cold first / warm)",
                f"{eng.get('cold_first', float('nan')):.1f} ms / {eng.get('warm_mean_of_5', float('nan')):.1f} ms")
    else:
        row("2 KB prompt p99 (library)", missing, f"< {TARGET_P99_MS:.0f} ms")
    md.append("")
    if ratios:
        summary["ratios"] = ratios

    md.append("Timing details:")
    md.append("")
    md.append("| system | version | input | MB | seconds | MB/s | start-up (s) |")
    md.append("|---|---|---|---|---|---|---|")
    if lib:
        t = lib["throughput_mb_per_s"]
        mb = lib["corpus_bytes"] / 1e6
        md.append(f"| **waarborg library** | {env.get('commit', '?')} | speed, {lib['corpus_records']} texts, one scan each "
                  f"| {mb:.2f} | {mb / t['median']:.3f} per pass | **{mbps(t['median'])}** (min {mbps(t['min'])}, "
                  f"max {mbps(t['max'])}, {t['runs']} runs) | {lib.get('engine_new_ms', {}).get('cold_first', 0) / 1000:.3f} (engine build) |")
    if cli:
        r = cli["speed_repeated"]
        md.append(f"| **waarborg CLI** | {env.get('commit', '?')} | speed ×{r.get('repeat', round(r['mb'] / cli['speed']['mb']))} | "
                  f"{r['mb']:.1f} | {r['wall_s']:.2f} | **{mbps(r['mb_per_s'])}** (wall incl. start-up: "
                  f"{mbps(r['mb_per_s_wall'])}) | {cli['startup_s']:.3f} |")
        s = cli["speed"]
        md.append(f"| waarborg CLI | | speed | {s['mb']:.2f} | {s['wall_s']:.3f} | {mbps(s['mb_per_s'])} "
                  f"(wall: {mbps(s['mb_per_s_wall'])}) | |")
    for r in (ded, pre):
        if r:
            md.append(f"| {r['system']} | {r['version']} | speed | {r['mb']:.2f} | {r['seconds']:.2f} | "
                      f"{mbps(r['mb_per_s'])} | {r['startup_s']:.2f} |")
    md.append("")
    if cli:
        p2 = cli["prompt_2k"]
        md.append(f"CLI view of 2 KB prompts (process start included, so an upper bound): mean "
                  f"{p2['mean_ms_in_batch']:.3f} ms per prompt in a batch of {p2['prompts']}; one process per prompt "
                  f"p50 {p2['process_p50_ms']:.1f} ms, p99 {p2['process_p99_ms']:.1f} ms ({p2['processes']} processes).")
        md.append("")
    if env.get("skip_build"):
        md.append(f"The CLI binary was not rebuilt in this run (`SKIP_BUILD=1`; built {env.get('cli_binary_built', '?')}); "
                  "the library benchmark was compiled from the working tree in this run, so the two may measure "
                  "different engine code.")
        md.append("")
    return md


def acc_overview(accs: dict) -> list[str]:
    md = ["### Accuracy overview", ""]
    md.append("Micro-averaged over all entity types (match: same type, overlapping characters, one-to-one; "
              "F1ₑ: exact boundaries); document-level special categories (AVG art. 9/10) micro P/R; false "
              "positives = predicted BSN, IBAN, PAYMENT_CARD and PHONE spans that match no gold span, in all documents "
              "(in parentheses: those on PII-free documents, where the set has any).")
    md.append("")
    md.append("| set | docs | gold spans | system | P | R | F1 | F1ₑ | category P | category R | false positives |")
    md.append("|---|---|---|---|---|---|---|---|---|---|---|")
    for key, label in SETS:
        a = accs.get(key)
        if not a:
            continue
        first = True
        for name in SYSTEMS:
            r = a["systems"].get(name)
            if r is None:
                continue
            m, c = r["micro"], r["categories"]["micro"]
            fp = r.get("false_positives_alarm_types", {}).get("total", "?")
            free = r["false_alarms_pii_free"]["total"]
            fp_txt = f"{fp} ({free} on {a['pii_free_documents']} PII-free)" if a["pii_free_documents"] else f"{fp}"
            lead = f"{label} | {a['documents']} | {sum(a['gold_counts'].values())}" if first else " | | "
            nm = f"**{name}**" if name == "waarborg" else name
            md.append(f"| {lead} | {nm} | {f3(m['precision'])} | {f3(m['recall'])} | **{f3(m['f1'])}** | "
                      f"{f3(m['f1_exact'])} | {f3(c['precision']) if c['n_pred'] else '–'} | {f3(c['recall'])} | {fp_txt} |")
            first = False
    md.append("")
    # Per-type F1, the hand-annotated sets side by side: the first development set and the blind
    # set, plus the further development sets where present.
    devs = [(k, col) for k, col in DEV_SETS if accs.get(k)]
    blinds = [(accs[k], col) for k, col in BLIND_SETS if accs.get(k)]
    if devs and devs[0][0] == "handset" and blinds:
        sets = [(accs[k], col) for k, col in devs] + blinds
        names = [n for n in SYSTEMS if all(n in a["systems"] for a, _ in sets)]
        count = "two " if len(sets) == 2 else ""
        further = ", ".join(col for _, col in devs[1:])
        more = f"; {further} = further development sets" if further else ""
        md.append(f"Per-type F1 on the {count}hand-annotated sets side by side (dev = development set, used for error "
                  f"analysis{more}; {', '.join(col for _, col in blinds)} = held-out sets, never used for tuning); per-type P and R are in the "
                  "sections below:")
        md.append("")
        md.append("| type | " + " | ".join(f"gold {col}" for _, col in sets) + " | "
                  + " | ".join(f"{n} {col}" for n in names for _, col in sets) + " |")
        md.append("|" + "---|" * (1 + len(sets) + len(sets) * len(names)))
        types = list(sets[0][0]["systems"][names[0]]["types"].keys())
        for t in types + ["micro"]:
            golds = [sum(a["gold_counts"].values()) if t == "micro" else a["gold_counts"].get(t, 0) for a, _ in sets]
            if not any(golds):
                continue
            cells = []
            for n in names:
                for (a, _), g in zip(sets, golds):
                    r = a["systems"][n]["micro"] if t == "micro" else a["systems"][n]["types"].get(t)
                    if r is None or (not g and not r["n_pred"]):
                        cells.append("·")
                    elif t != "micro" and not r["n_pred"]:
                        cells.append("–")
                    else:
                        cells.append(f"**{f3(r['f1'])}**" if t == "micro" else f3(r["f1"]))
            label = "**micro**" if t == "micro" else t
            md.append(f"| {label} | " + " | ".join(str(g) for g in golds) + " | " + " | ".join(cells) + " |")
        md.append("")
        md.append("–: the system never predicts this type; ·: no gold and no prediction of this type in the set.")
        md.append("")
    return md


def main() -> int:
    out = sys.argv[1]
    env = load(os.path.join(out, "env.json")) or {}
    ded = load(os.path.join(out, "speed.deduce.json"))
    pre = load(os.path.join(out, "speed.presidio.json"))
    lib = load(os.path.join(out, "speed.waarborg-lib.json"))
    cli = load(os.path.join(out, "speed.waarborg.json"))
    if lib is not None and "throughput_mb_per_s" not in lib:
        lib = None

    md = ["## PII scan: Waarborg vs deduce vs Presidio", ""]
    md.append(f"Run {env.get('date', '?')} on {env.get('cpu', '?')} ({env.get('cores', '?')} cores), "
              f"Python {env.get('python', '?')}, commit {env.get('commit', '?')}. Reproduce with `bench/pii/run.sh`; "
              "raw results in `target/bench-pii/`.")
    md.append("")
    la = env.get("load_avg") or {}
    if la:
        md.append(f"Load average (1, 5, 15 min) — run start: {la.get('run_start', '?')}; speed section start: "
                  f"{la.get('speed_start', '?')}, end: {la.get('speed_end', '?')}; run end: {la.get('run_end', '?')}. "
                  f"The machine ({env.get('cores', '?')} cores) is shared: the benchmark itself accounts for about 1.0, "
                  "anything above that is other work competing for the cores, and the timings are then pessimistic.")
        md.append("")
    summary: dict = {"env": env}
    md += speed_section(env, ded, pre, lib, cli, summary)
    summary["throughput"] = {"waarborg_library": lib, "waarborg_cli": cli, "deduce": ded, "presidio": pre}

    accs = {k: load(os.path.join(out, f"accuracy.{k}.json")) for k, _ in SETS}
    md += acc_overview(accs)
    summary["accuracy"] = {}
    for key, label in SETS:
        a = accs.get(key)
        if a:
            summary["accuracy"][key] = {"label": label, "documents": a["documents"],
                                        "systems": {n: {"micro": r["micro"], "categories": r["categories"]["micro"],
                                                        "false_positives_alarm_types": r.get("false_positives_alarm_types"),
                                                        "false_alarms_pii_free": r["false_alarms_pii_free"]}
                                                    for n, r in a["systems"].items()}}
        body = read(os.path.join(out, f"accuracy.{key}.md"))
        if body:
            md.append(body.replace("### PII detection accuracy", f"### Accuracy on the {label}", 1))
            md.append("")
        note = read(os.path.join(out, f"{key}.note"))
        if note:
            md.append(f"### Accuracy on the {label}")
            md.append("")
            md.append(note)
            md.append("")
    md.append("Baseline label mappings and unsupported types are documented at the top of "
              "`bench/pii/run_deduce.py` and `bench/pii/run_presidio.py`; a system scores 0 recall on a type it does not "
              "detect. Deduce and Presidio tag every date, so with dates mapped to DATE_OF_BIRTH their non-birth dates "
              "count as false positives (their design).")
    text = "\n".join(md) + "\n"
    with open(os.path.join(out, "summary.md"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2, ensure_ascii=False)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
