#!/usr/bin/env python3
"""Score PII predictions against gold, following docs/pii-annotation.md.

    score.py GOLD PRED [PRED ...] [--names waarborg,deduce,presidio] [--json OUT]
             [--gazetteer-dir crates/waarborg-pii/data] [--title TEXT] [--by-template]

GOLD is JSONL ``{"id", "text", "spans": [{"type", "start", "end", ...}], "categories": [...]}``;
each PRED is JSONL in ``waarborg pii scan`` output shape ``{"id", "spans", "categories"}``
(other fields ignored).  Offsets are Python ``str`` indexes, ``end`` exclusive.

Per entity type:
* overlap match (the headline): a predicted span is a true positive when its type equals the
  gold type and the character ranges overlap; one-to-one, greedy by overlap length;
* exact match: same type and identical boundaries.
Precision, recall and F1 per type, plus micro-averaged totals over all types.
Document-level categories: precision/recall over (document, category) pairs.
False alarms on PII-free documents (no gold span, no category): predicted BSN, IBAN,
PAYMENT_CARD and PHONE spans there; and, since a set may have few or no PII-free documents,
the unmatched (false-positive) predictions of those types in all documents.
With the gazetteer files present, the share of gold PERSON spans that contain a name token
outside the gazetteer, and each system's PERSON recall on those spans.

Writes a Markdown report to stdout and (with --json) the numbers as JSON.  Stdlib only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict

TYPES = ["PERSON", "EMAIL", "PHONE", "BSN", "IBAN", "PAYMENT_CARD", "ADDRESS", "POSTCODE",
         "DATE_OF_BIRTH", "LICENSE_PLATE", "IP_ADDRESS", "ID_DOCUMENT", "KVK"]
CATEGORIES = ["SPECIAL_HEALTH", "SPECIAL_RELIGION", "SPECIAL_ETHNICITY", "SPECIAL_POLITICS",
              "SPECIAL_SEXUAL_ORIENTATION", "SPECIAL_TRADE_UNION", "SPECIAL_BIOMETRIC", "CRIMINAL"]
ALARM_TYPES = ["BSN", "IBAN", "PAYMENT_CARD", "PHONE"]
# Name particles and initials are not "name tokens" for the gazetteer check.
PARTICLES = {"van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "in", "op", "aan", "la", "le",
             "du", "da", "di", "del", "von", "zu", "'s", "vd", "v.d."}


def read_jsonl(path: str) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{n}: invalid JSON: {e}")
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else (1.0 if n_pred == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def match_overlap(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one greedy matching by overlap length; returns (gold_idx, pred_idx) pairs."""
    cands = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            ov = min(ge, pe) - max(gs, ps)
            if ov > 0:
                cands.append((-ov, abs(gs - ps) + abs(ge - pe), gi, pi))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def name_tokens(text: str) -> list[str]:
    toks = []
    for t in re.split(r"[\s,\-]+", text):
        t = t.strip(".'’")
        if not t or t.lower() in PARTICLES or "." in t or len(t) == 1:
            continue  # initials such as J. or J.P. and particles
        toks.append(t.lower())
    return toks


def load_gazetteer(d: str) -> set[str] | None:
    files = [os.path.join(d, f) for f in ("first_names.txt", "surnames.txt")]
    if not all(os.path.exists(f) for f in files):
        return None
    particles = os.path.join(d, "name_particles.txt")
    if os.path.exists(particles):
        with open(particles, encoding="utf-8") as fh:
            PARTICLES.update(x.split("#", 1)[0].strip().lower() for x in fh if x.split("#", 1)[0].strip())
    names: set[str] = set()
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                line = line.split("\t")[0]
                names.add(line.lower())
                for t in re.split(r"[\s\-]+", line):
                    if t:
                        names.add(t.lower())
    return names


class SystemScore:
    def __init__(self, name: str):
        self.name = name
        self.tp = Counter()
        self.tp_exact = Counter()
        self.n_pred = Counter()
        self.n_gold = Counter()
        self.cat_tp = Counter()
        self.cat_pred = Counter()
        self.cat_gold = Counter()
        self.alarms = Counter()
        self.free_docs_with_alarm = 0
        self.unknown_types = Counter()
        self.missing_docs = 0
        self.person_oov_tp = 0
        self.person_oov_gold = 0
        self.by_template = defaultdict(lambda: [0, 0, 0])  # tp, n_pred, n_gold
        self.errors: list[dict] = []

    def add_doc(self, gold: dict, pred: dict | None, oov_flags: list[bool] | None, keep_errors: int) -> None:
        if pred is None:
            self.missing_docs += 1
            pred = {"spans": [], "categories": []}
        gspans = gold.get("spans", [])
        pspans = []
        for s in pred.get("spans", []):
            if s.get("type") in TYPES:
                pspans.append(s)
            else:
                self.unknown_types[str(s.get("type"))] += 1
        tmpl = gold.get("template", "")
        for t in TYPES:
            g = [(s["start"], s["end"]) for s in gspans if s["type"] == t]
            gi_all = [i for i, s in enumerate(gspans) if s["type"] == t]
            p = [(s["start"], s["end"]) for s in pspans if s["type"] == t]
            if not g and not p:
                continue
            pairs = match_overlap(g, p)
            self.tp[t] += len(pairs)
            self.n_pred[t] += len(p)
            self.n_gold[t] += len(g)
            self.tp_exact[t] += len(set(g) & set(p))
            bt = self.by_template[tmpl]
            bt[0] += len(pairs)
            bt[1] += len(p)
            bt[2] += len(g)
            if t == "PERSON" and oov_flags is not None:
                matched = {gi for gi, _ in pairs}
                for k, gi in enumerate(gi_all):
                    if oov_flags[gi]:
                        self.person_oov_gold += 1
                        self.person_oov_tp += k in matched
            if keep_errors and len(self.errors) < keep_errors:
                mg = {a for a, _ in pairs}
                mp = {b for _, b in pairs}
                text = gold["text"]
                for i, (s, e) in enumerate(g):
                    if i not in mg:
                        self.errors.append({"id": gold["id"], "kind": "FN", "type": t, "text": text[s:e],
                                            "context": text[max(0, s - 40):e + 40]})
                for i, (s, e) in enumerate(p):
                    if i not in mp:
                        self.errors.append({"id": gold["id"], "kind": "FP", "type": t, "text": text[s:e],
                                            "context": text[max(0, s - 40):e + 40]})
        gc = set(gold.get("categories", []))
        pc = set(c for c in pred.get("categories", []) if c in CATEGORIES)
        for c in gc:
            self.cat_gold[c] += 1
        for c in pc:
            self.cat_pred[c] += 1
        for c in gc & pc:
            self.cat_tp[c] += 1
        if not gspans and not gc:
            hit = False
            for s in pspans:
                if s["type"] in ALARM_TYPES:
                    self.alarms[s["type"]] += 1
                    hit = True
            self.free_docs_with_alarm += hit

    def result(self) -> dict:
        types = {}
        for t in TYPES:
            p, r, f = prf(self.tp[t], self.n_pred[t], self.n_gold[t])
            _, _, fe = prf(self.tp_exact[t], self.n_pred[t], self.n_gold[t])
            types[t] = {"n_gold": self.n_gold[t], "n_pred": self.n_pred[t], "tp": self.tp[t],
                        "tp_exact": self.tp_exact[t], "precision": p, "recall": r, "f1": f, "f1_exact": fe}
        tp, npred, ngold = sum(self.tp.values()), sum(self.n_pred.values()), sum(self.n_gold.values())
        p, r, f = prf(tp, npred, ngold)
        _, _, fe = prf(sum(self.tp_exact.values()), npred, ngold)
        micro = {"n_gold": ngold, "n_pred": npred, "tp": tp, "precision": p, "recall": r, "f1": f, "f1_exact": fe}
        cats = {}
        for c in CATEGORIES:
            cp, cr, cf = prf(self.cat_tp[c], self.cat_pred[c], self.cat_gold[c])
            cats[c] = {"n_gold": self.cat_gold[c], "n_pred": self.cat_pred[c], "tp": self.cat_tp[c],
                       "precision": cp, "recall": cr, "f1": cf}
        cp, cr, cf = prf(sum(self.cat_tp.values()), sum(self.cat_pred.values()), sum(self.cat_gold.values()))
        out = {"types": types, "micro": micro,
               "categories": {"per_category": cats, "micro": {"precision": cp, "recall": cr, "f1": cf,
                                                              "n_gold": sum(self.cat_gold.values()),
                                                              "n_pred": sum(self.cat_pred.values())}},
               "false_alarms_pii_free": {**{t: self.alarms[t] for t in ALARM_TYPES},
                                         "total": sum(self.alarms.values()),
                                         "docs_with_alarm": self.free_docs_with_alarm},
               "false_positives_alarm_types": {**{t: self.n_pred[t] - self.tp[t] for t in ALARM_TYPES},
                                               "total": sum(self.n_pred[t] - self.tp[t] for t in ALARM_TYPES)},
               "unknown_types": dict(self.unknown_types), "missing_docs": self.missing_docs,
               "by_template": {k: dict(zip(("precision", "recall", "f1"), prf(*v))) | {"n_gold": v[2]}
                               for k, v in sorted(self.by_template.items())}}
        if self.person_oov_gold:
            out["person_recall_outside_gazetteer"] = self.person_oov_tp / self.person_oov_gold
        if self.errors:
            out["sample_errors"] = self.errors
        return out


def fmt(x: float) -> str:
    return f"{x:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score PII predictions against gold (docs/pii-annotation.md).")
    ap.add_argument("gold")
    ap.add_argument("preds", nargs="+")
    ap.add_argument("--names", help="comma-separated system names, one per PRED (default: file names)")
    ap.add_argument("--json", help="write the numbers as JSON to this file")
    ap.add_argument("--title", default="PII detection accuracy")
    ap.add_argument("--gazetteer-dir", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                            "..", "..", "crates", "waarborg-pii", "data"))
    ap.add_argument("--by-template", action="store_true", help="also print micro F1 per document template")
    ap.add_argument("--errors", type=int, default=0, help="keep up to N sample errors per system in the JSON")
    args = ap.parse_args(argv)

    names = args.names.split(",") if args.names else [os.path.basename(p).rsplit(".", 1)[0] for p in args.preds]
    if len(names) != len(args.preds):
        ap.error("--names must give one name per PRED file")

    gold = read_jsonl(args.gold)
    preds = []
    for path in args.preds:
        by_id = {}
        for d in read_jsonl(path):
            by_id[str(d.get("id"))] = d
        preds.append(by_id)

    gaz = load_gazetteer(args.gazetteer_dir)
    oov = {}
    n_person, n_person_oov = 0, 0
    if gaz is not None:
        for g in gold:
            flags = []
            for s in g.get("spans", []):
                f = s["type"] == "PERSON" and any(t not in gaz for t in name_tokens(g["text"][s["start"]:s["end"]]))
                flags.append(f)
                if s["type"] == "PERSON":
                    n_person += 1
                    n_person_oov += f
            oov[g["id"]] = flags

    scores = [SystemScore(n) for n in names]
    for g in gold:
        gid = str(g["id"])
        for sc, pr in zip(scores, preds):
            sc.add_doc(g, pr.get(gid), oov.get(g["id"]) if gaz is not None else None, args.errors)
    results = {sc.name: sc.result() for sc in scores}

    n_free = sum(1 for g in gold if not g.get("spans") and not g.get("categories"))
    gold_counts = Counter(s["type"] for g in gold for s in g.get("spans", []))
    out = []
    out.append(f"### {args.title}\n")
    out.append(f"Gold: {len(gold)} documents, {sum(gold_counts.values())} spans, {n_free} PII-free documents. "
               "Match rule: same type and overlapping characters, one-to-one (docs/pii-annotation.md); "
               "F1ₑ = exact boundaries.\n")
    head = "| type | gold | " + " | ".join(f"{n} P | {n} R | {n} F1 | {n} F1ₑ" for n in names) + " |"
    out.append(head)
    out.append("|" + "---|" * (2 + 4 * len(names)))
    for t in TYPES:
        if not gold_counts[t] and not any(results[n]["types"][t]["n_pred"] for n in names):
            continue
        row = f"| {t} | {gold_counts[t]} |"
        for n in names:
            r = results[n]["types"][t]
            if r["n_pred"] == 0 and r["n_gold"]:
                row += " – | 0.000 | 0.000 | 0.000 |"
            else:
                row += f" {fmt(r['precision'])} | {fmt(r['recall'])} | {fmt(r['f1'])} | {fmt(r['f1_exact'])} |"
        out.append(row)
    row = f"| **micro** | {sum(gold_counts.values())} |"
    for n in names:
        m = results[n]["micro"]
        row += f" **{fmt(m['precision'])}** | **{fmt(m['recall'])}** | **{fmt(m['f1'])}** | **{fmt(m['f1_exact'])}** |"
    out.append(row)
    out.append("")
    out.append("– : the system never predicts this type (unsupported), so recall is 0.\n")

    cat_gold = Counter(c for g in gold for c in g.get("categories", []))
    if cat_gold or any(results[n]["categories"]["micro"]["n_pred"] for n in names):
        out.append("Document-level special categories (AVG art. 9/10), per (document, category):\n")
        out.append("| category | gold | " + " | ".join(f"{n} P | {n} R" for n in names) + " |")
        out.append("|" + "---|" * (2 + 2 * len(names)))
        for c in CATEGORIES:
            if not cat_gold[c] and not any(results[n]["categories"]["per_category"][c]["n_pred"] for n in names):
                continue
            row = f"| {c} | {cat_gold[c]} |"
            for n in names:
                r = results[n]["categories"]["per_category"][c]
                row += f" {fmt(r['precision']) if r['n_pred'] else '–'} | {fmt(r['recall'])} |"
            out.append(row)
        row = f"| **micro** | {sum(cat_gold.values())} |"
        for n in names:
            m = results[n]["categories"]["micro"]
            row += f" **{fmt(m['precision']) if m['n_pred'] else '–'}** | **{fmt(m['recall'])}** |"
        out.append(row)
        out.append("")

    if n_free:
        out.append(f"False alarms on the {n_free} PII-free documents (predicted spans of checksummed or phone types):\n")
        out.append("| system | " + " | ".join(ALARM_TYPES) + " | total | docs with ≥1 |")
        out.append("|" + "---|" * (3 + len(ALARM_TYPES)))
        for n in names:
            a = results[n]["false_alarms_pii_free"]
            out.append(f"| {n} | " + " | ".join(str(a[t]) for t in ALARM_TYPES) + f" | {a['total']} | {a['docs_with_alarm']} |")
        out.append("")
    else:
        out.append("No PII-free documents in this set, so no false alarms on them to count.\n")
    out.append(f"False positives of the same types in all {len(gold)} documents (predictions matching no gold span):\n")
    out.append("| system | " + " | ".join(ALARM_TYPES) + " | total |")
    out.append("|" + "---|" * (2 + len(ALARM_TYPES)))
    for n in names:
        a = results[n]["false_positives_alarm_types"]
        out.append(f"| {n} | " + " | ".join(str(a[t]) for t in ALARM_TYPES) + f" | {a['total']} |")
    out.append("")

    gaz_info = None
    if gaz is not None and n_person:
        share = n_person_oov / n_person
        gaz_info = {"person_spans": n_person, "with_token_outside_gazetteer": n_person_oov, "share": share}
        rec = ", ".join(f"{n} {fmt(results[n].get('person_recall_outside_gazetteer', 0.0))}" for n in names)
        out.append(f"Gazetteer check: {n_person_oov} of {n_person} gold PERSON spans ({share:.1%}) contain a name token "
                   f"that is not in `crates/waarborg-pii/data/{{first_names,surnames}}.txt`. PERSON recall on those spans: {rec}.\n")
    elif gaz is None:
        out.append("Gazetteer check skipped: crates/waarborg-pii/data/first_names.txt and surnames.txt not found.\n")

    for n in names:
        r = results[n]
        notes = []
        if r["missing_docs"]:
            notes.append(f"{r['missing_docs']} gold documents had no prediction line")
        if r["unknown_types"]:
            notes.append("ignored spans of types outside the taxonomy: " + ", ".join(f"{k}×{v}" for k, v in r["unknown_types"].items()))
        if notes:
            out.append(f"Note ({n}): " + "; ".join(notes) + ".\n")

    if args.by_template:
        tmpls = sorted({g.get("template", "") for g in gold})
        out.append("Micro F1 per document template:\n")
        out.append("| template | gold spans | " + " | ".join(names) + " |")
        out.append("|" + "---|" * (2 + len(names)))
        for t in tmpls:
            ng = results[names[0]]["by_template"].get(t, {}).get("n_gold", 0)
            row = f"| {t or '(none)'} | {ng} |"
            for n in names:
                bt = results[n]["by_template"].get(t)
                row += f" {fmt(bt['f1']) if bt else '–'} |"
            out.append(row)
        out.append("")

    print("\n".join(out))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"title": args.title, "gold": args.gold, "documents": len(gold), "pii_free_documents": n_free,
                       "gold_counts": dict(gold_counts), "gazetteer": gaz_info, "systems": results},
                      f, ensure_ascii=False, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
