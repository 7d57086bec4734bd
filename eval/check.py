#!/usr/bin/env python3
"""Check the Waarborg evaluation sets (python3 standard library only).

Usage: python3 eval/check.py            (from the repository root, or any directory)

Checks
- retrieval/questions.jsonl: ids unique; every answerable question's `answer` is an exact
  substring of its source (raw text for .md/.txt; visible text for .html, see `html_visible_text`;
  the `text` value of one line for .jsonl); `also` names other existing docs; answer length 20-200 and without line breaks;
  unanswerable questions have source and answer null; counts by kind.
- retrieval/docs: count and word totals; .jsonl docs have the required keys.
- injection/redteam.jsonl, injection/heldout.jsonl and purpose/purpose.jsonl: schema, unique ids,
  counts; heldout ids are h001, h002, ... and no heldout text repeats a redteam text.
Exit status 0 when everything passes, 1 otherwise.
"""
import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
errors = []


def err(msg):
    errors.append(msg)


def html_visible_text(raw):
    """The rule the questions use for .html sources: drop comments and the contents of
    <script>, <style>, <noscript> and <template>; replace every remaining tag by a space;
    decode entities (&euro; -> EUR sign, &nbsp; -> space); collapse all whitespace runs to one space."""
    t = re.sub(r"<!--.*?-->", " ", raw, flags=re.S)
    t = re.sub(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", " ", t, flags=re.S | re.I)
    t = re.sub(r"<[^>]+>", " ", t)
    t = html.unescape(t).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", t).strip()


def load_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                err(f"{path.name}:{n}: empty line")
                continue
            try:
                rows.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                err(f"{path.name}:{n}: invalid JSON: {e}")
    return rows


def check_retrieval():
    base = ROOT / "retrieval"
    docs = sorted((base / "docs").iterdir())
    words = 0
    by_ext = Counter()
    texts = {}
    for d in docs:
        raw = d.read_text(encoding="utf-8")
        by_ext[d.suffix] += 1
        if d.suffix == ".html":
            texts[d.name] = [html_visible_text(raw)]
        elif d.suffix == ".jsonl":
            lines = []
            for n, obj in load_jsonl(d):
                missing = {"text", "title", "url", "published"} - set(obj)
                if missing:
                    err(f"docs/{d.name}:{n}: missing keys {sorted(missing)}")
                if not str(obj.get("url", "")).startswith("https://www.dijkstede.nl/"):
                    err(f"docs/{d.name}:{n}: url must start with https://www.dijkstede.nl/")
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(obj.get("published", ""))):
                    err(f"docs/{d.name}:{n}: published must be YYYY-MM-DD")
                lines.append(obj.get("text", ""))
            texts[d.name] = lines
        else:
            texts[d.name] = [raw]
        words += sum(len(t.split()) for t in texts[d.name])
    if not 30 <= len(docs) <= 40:
        err(f"retrieval: {len(docs)} documents, expected 30-40")

    ids = Counter()
    kinds = Counter()
    used_sources = Counter()
    rows = load_jsonl(base / "questions.jsonl")
    for n, q in rows:
        where = f"questions.jsonl:{n} ({q.get('id')})"
        for k in ("id", "question", "source", "answer", "kind"):
            if k not in q:
                err(f"{where}: missing key {k}")
        ids[q.get("id")] += 1
        kind = q.get("kind")
        kinds[kind] += 1
        if kind not in {"lexical", "paraphrase", "english", "unanswerable"}:
            err(f"{where}: unknown kind {kind!r}")
        src, ans = q.get("source"), q.get("answer")
        if kind == "unanswerable" or src is None or ans is None:
            if not (src is None and ans is None and kind == "unanswerable"):
                err(f"{where}: unanswerable questions need source=null, answer=null, kind=unanswerable")
            continue
        if not src.startswith("docs/") or src[5:] not in texts:
            err(f"{where}: source {src!r} does not exist")
            continue
        used_sources[src] += 1
        if not 20 <= len(ans) <= 200:
            err(f"{where}: answer length {len(ans)} outside 20-200")
        if "\n" in ans or "\t" in ans:
            err(f"{where}: answer contains a line break or tab")
        for other in q.get("also", []):
            if not other.startswith("docs/") or other[5:] not in texts or other == src:
                err(f"{where}: also-entry {other!r} is not another existing document")
        hits = [i for i, t in enumerate(texts[src[5:]]) if ans in t]
        if not hits:
            err(f"{where}: answer is not an exact substring of {src}: {ans!r}")
    for i, c in ids.items():
        if c > 1:
            err(f"questions.jsonl: id {i!r} used {c} times")
    if len(rows) < 70:
        err(f"questions.jsonl: {len(rows)} questions, expected at least 70")
    if kinds["unanswerable"] < 8:
        err("questions.jsonl: expected at least 8 unanswerable questions")
    print(f"retrieval: {len(docs)} documents ({dict(by_ext)}), {words} words of text")
    print(f"retrieval: {len(rows)} questions, by kind {dict(sorted(kinds.items()))}, "
          f"{len(used_sources)} documents used as a source")


def check_injection(name="redteam.jsonl", min_lines=120, id_prefix=None, min_per_label=None):
    path = ROOT / "injection" / name
    if not path.exists():
        print(f"injection {name}: (not present)")
        return []
    rows = load_jsonl(path)
    ids = Counter()
    c = Counter()
    allowed = {"label": {"injection", "benign"}, "kind": {"direct", "indirect"}, "lang": {"nl", "en"}}
    for n, r in rows:
        ids[r.get("id")] += 1
        for k in ("id", "text", "label", "kind", "lang", "technique"):
            if not r.get(k):
                err(f"{name}:{n}: missing or empty {k}")
        for k, vals in allowed.items():
            if r.get(k) not in vals:
                err(f"{name}:{n}: {k}={r.get(k)!r} not in {sorted(vals)}")
        if id_prefix and r.get("id") != f"{id_prefix}{n:03d}":
            err(f"{name}:{n}: id {r.get('id')!r}, expected {id_prefix}{n:03d}")
        c[(r.get("label"), r.get("kind"))] += 1
    for i, k in ids.items():
        if k > 1:
            err(f"{name}: id {i!r} used {k} times")
    if len(rows) < min_lines:
        err(f"{name}: {len(rows)} lines, expected at least {min_lines}")
    labels = Counter(r.get("label") for _, r in rows)
    langs = Counter(r.get("lang") for _, r in rows)
    for label, least in (min_per_label or {}).items():
        if labels[label] < least:
            err(f"{name}: {labels[label]} {label} lines, expected at least {least}")
    print(f"injection {name}: {len(rows)} lines, labels {dict(labels)}, langs {dict(langs)}, "
          f"(label, kind) {dict(sorted(c.items()))}")
    return [r for _, r in rows]


def check_heldout(redteam_rows):
    rows = check_injection("heldout.jsonl", min_lines=140, id_prefix="h",
                           min_per_label={"injection": 80, "benign": 60})
    seen = {" ".join(str(r.get("text", "")).lower().split()) for r in redteam_rows}
    for r in rows:
        if " ".join(str(r.get("text", "")).lower().split()) in seen:
            err(f"heldout.jsonl: {r.get('id')} repeats a redteam.jsonl text")
    if rows:
        c = Counter((r.get("label"), r.get("kind"), r.get("lang")) for r in rows)
        print("injection heldout.jsonl: (label, kind, lang) "
              + ", ".join(f"{'/'.join(k)} {v}" for k, v in sorted(c.items())))


def check_purpose():
    path = ROOT / "purpose" / "purpose.jsonl"
    if not path.exists():
        print("purpose: (not present)")
        return
    rows = load_jsonl(path)
    ids = Counter()
    per_app = {}
    purposes = {}
    for n, r in rows:
        ids[r.get("id")] += 1
        for k in ("id", "app", "purpose", "text", "label"):
            if not r.get(k):
                err(f"purpose.jsonl:{n}: missing or empty {k}")
        if r.get("label") not in {"in", "out"}:
            err(f"purpose.jsonl:{n}: label must be in/out")
        app = r.get("app")
        purposes.setdefault(app, set()).add(r.get("purpose"))
        per_app.setdefault(app, Counter())[r.get("label")] += 1
    for i, k in ids.items():
        if k > 1:
            err(f"purpose.jsonl: id {i!r} used {k} times")
    for app, p in purposes.items():
        if len(p) != 1:
            err(f"purpose.jsonl: app {app!r} has {len(p)} different purpose texts")
    for app, c in per_app.items():
        if c["in"] < 25 or c["out"] < 15:
            err(f"purpose.jsonl: app {app!r} has {c['in']} in / {c['out']} out, expected >=25 / >=15")
    print(f"purpose: {len(rows)} lines, " + ", ".join(f"{a}: {dict(c)}" for a, c in per_app.items()))


if __name__ == "__main__":
    check_retrieval()
    check_heldout(check_injection())
    check_purpose()
    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        sys.exit(1)
    print("\nall checks passed")
