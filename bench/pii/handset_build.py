#!/usr/bin/env python3
"""Build bench/pii/data/handset.jsonl from the hand-annotated markup files.

Each file bench/pii/data/handset/NN-short-name.txt holds one document:

    #categories: SPECIAL_HEALTH, CRIMINAL      (or "#categories:" when none)
    document text with inline annotations [[TYPE|surface text]] ...

The first line gives the document-level categories; everything after it is the
document text (trailing whitespace at the end of the file is dropped). The
script strips the markup, computes span offsets in Unicode scalar values
(Python str indexes, end exclusive), validates every span (BSN 11-proef, IBAN
mod-97, payment-card Luhn + brand prefix, format checks for the other types)
and writes one JSON object per document, in sorted file order, to
bench/pii/data/handset.jsonl.

Errors (bad markup, unknown type or category, failed checksum, malformed span)
abort the build. Warnings point at text outside any span that looks like
personal data (e.g. a 9-digit number passing the 11-proef); they are expected
for deliberate hard negatives (RSIN, order numbers) and are only reported.

Usage: python3 bench/pii/handset_build.py [--quiet] [--set NAME]

--set NAME reads bench/pii/data/NAME/ and writes bench/pii/data/NAME.jsonl
(default: handset). handset2 is the second development set, written for
DATE_OF_BIRTH and PERSON error analysis (docs/benchmarks.md).
Stdlib only. See docs/pii-annotation.md for the annotation guideline.
"""
import ipaddress
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC_DIR = HERE / "data" / "handset"
OUT_FILE = HERE / "data" / "handset.jsonl"

TYPES = {
    "PERSON", "ADDRESS", "POSTCODE", "PHONE", "EMAIL", "BSN", "IBAN",
    "PAYMENT_CARD", "DATE_OF_BIRTH", "LICENSE_PLATE", "IP_ADDRESS",
    "ID_DOCUMENT", "KVK",
}
CATEGORIES = {
    "SPECIAL_HEALTH", "SPECIAL_RELIGION", "SPECIAL_ETHNICITY", "SPECIAL_POLITICS",
    "SPECIAL_SEXUAL_ORIENTATION", "SPECIAL_TRADE_UNION", "SPECIAL_BIOMETRIC",
    "CRIMINAL",
}

MARK_RE = re.compile(r"\[\[([A-Z_]+)\|([^\[\]|]+)\]\]")
MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|"
          "oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|"
          # English month names, for forms and e-mails written in English
          "january|february|march|may|june|july|august|october")


class BuildError(Exception):
    pass


# --- checksums -------------------------------------------------------------

def bsn_valid(digits):
    if not re.fullmatch(r"\d{9}", digits):
        return False
    d = [int(c) for c in digits]
    return (sum(d[i] * (9 - i) for i in range(8)) - d[8]) % 11 == 0


def iban_valid(compact):
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def luhn_valid(digits):
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def card_brand(digits):
    n = len(digits)
    if digits.startswith("4") and n in (13, 16, 19):
        return "visa"
    p2, p4 = int(digits[:2]), int(digits[:4])
    if n == 16 and (51 <= p2 <= 55 or 2221 <= p4 <= 2720):
        return "mastercard"
    if n == 15 and p2 in (34, 37):
        return "amex"
    if 12 <= n <= 19 and digits[:4] in ("5018", "5020", "5038", "5893", "6304",
                                        "6759", "6761", "6762", "6763"):
        return "maestro"
    return None


# --- per-type span checks ----------------------------------------------------

TITLE_RE = re.compile(
    r"^(dhr|mevr|mw|mr|dr|drs|ir|ing|prof|de heer|heer|mevrouw|meneer|"
    r"wethouder|burgemeester|minister|staatssecretaris)\b\.?\s", re.I)


def check_span(typ, s):
    """Return an error message for a malformed span, or None."""
    if s != s.strip():
        return "leading/trailing whitespace"
    if typ == "PERSON":
        if TITLE_RE.match(s):
            return "title/role inside PERSON span"
        if re.search(r"[,;:()]$", s):
            return "trailing punctuation"
        if s.endswith(".") and not re.search(r"(^|[\s.])[A-Za-z]{1,2}\.$", s):
            return "sentence period inside PERSON span"
        if re.search(r"\d|@", s):
            return "digit or @ in PERSON"
    elif typ == "ADDRESS":
        if not re.search(r"\d", s):
            return "ADDRESS without house number"
        if re.search(r"\b[1-9]\d{3} ?[A-Za-z]{2}\b", s) and re.search(r"\d{4}", s):
            return "ADDRESS seems to contain a postcode"
        if not re.fullmatch(r"[^\d,]+ \d+( ?[-/]?\s?[A-Za-z0-9]{1,4}| bis| hs| III| II| I)?", s):
            return "ADDRESS not of the form 'street number addition'"
    elif typ == "POSTCODE":
        if not re.fullmatch(r"[1-9]\d{3} ?[A-Za-z]{2}", s):
            return "not a Dutch postcode"
        if s[-2:].upper() in ("SA", "SD", "SS"):
            return "postcode letters SA/SD/SS are not issued"
    elif typ == "PHONE":
        if not re.fullmatch(r"\+?[\d ()\-]+", s):
            return "unexpected characters in PHONE"
        n = len(re.sub(r"\D", "", s))
        if not 9 <= n <= 13:
            return "PHONE has %d digits" % n
        if re.match(r"0(800|900)", s) or re.fullmatch(r"14 ?0\d{2,3}", s):
            return "public service number must not be marked"
    elif typ == "EMAIL":
        if not re.fullmatch(r"[\w.+'-]+@[\w-]+(\.[\w-]+)+", s):
            return "not an e-mail address"
    elif typ == "BSN":
        if not re.fullmatch(r"\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3} \d{3} \d{3}|\d{3}\.\d{3}\.\d{3}|\d{2}\.\d{2}\.\d{2}\.\d{3}", s):
            return "unexpected BSN format"
        if not bsn_valid(re.sub(r"\D", "", s)):
            return "BSN fails the 11-proef"
    elif typ == "IBAN":
        if not re.fullmatch(r"[A-Z]{2}\d{2}( ?[A-Z0-9]{1,4})+", s):
            return "unexpected IBAN format"
        if not iban_valid(s.replace(" ", "")):
            return "IBAN fails mod-97"
    elif typ == "PAYMENT_CARD":
        if not re.fullmatch(r"\d[\d -]+\d", s):
            return "unexpected card format"
        digits = re.sub(r"\D", "", s)
        if not luhn_valid(digits):
            return "card number fails Luhn"
        if card_brand(digits) is None:
            return "card number has no real brand prefix/length"
    elif typ == "DATE_OF_BIRTH":
        if not (re.fullmatch(r"\d{1,2}[-./]\d{1,2}[-./]('?\d{2}|\d{4})", s)
                or re.fullmatch(r"\d{4}[-/]\d{2}[-/]\d{2}", s)
                or re.fullmatch(r"\d{1,2}[-/](%s)[-/](\d{2}|\d{4})" % MONTHS, s, re.I)
                or re.fullmatch(r"\d{1,2} (%s)\.? (\d{4}|'\d{2})" % MONTHS, s, re.I)):
            return "unexpected date format"
    elif typ == "LICENSE_PLATE":
        parts = s.split("-")
        if len(parts) != 3 or len("".join(parts)) != 6 or not re.fullmatch(r"[A-Z0-9-]+", s):
            return "not a Dutch kenteken"
        if not all(p.isdigit() or p.isalpha() for p in parts):
            return "kenteken group mixes letters and digits"
    elif typ == "IP_ADDRESS":
        try:
            ipaddress.ip_address(s)
        except ValueError:
            return "not an IP address"
    elif typ == "ID_DOCUMENT":
        if not re.fullmatch(r"[A-Z0-9]{8,10}", s):
            return "unexpected document number format"
    elif typ == "KVK":
        if not re.fullmatch(r"\d{8}", s):
            return "KvK number must be 8 digits"
    return None


# --- lint for unmarked look-alikes --------------------------------------------

def unmarked_warnings(text, spans):
    covered = [False] * len(text)
    for sp in spans:
        for i in range(sp["start"], sp["end"]):
            covered[i] = True

    def free(m):
        return not any(covered[m.start():m.end()])

    out = []
    for m in re.finditer(r"(?<![\d.])(\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3} \d{3} \d{3})(?![\d])", text):
        if free(m) and bsn_valid(re.sub(r"\D", "", m.group())):
            out.append("unmarked 11-proof number %r" % m.group())
    for m in re.finditer(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b", text):
        if free(m) and iban_valid(m.group().replace(" ", "")):
            out.append("unmarked valid IBAN %r" % m.group())
    for m in re.finditer(r"(?<![\d])\d{4}[ -]?\d{4,6}[ -]?\d{4,5}[ -]?\d{0,4}(?![\d])", text):
        digits = re.sub(r"\D", "", m.group())
        if free(m) and 13 <= len(digits) <= 19 and luhn_valid(digits) and card_brand(digits):
            out.append("unmarked card-like number %r" % m.group())
    for m in re.finditer(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", text):
        if free(m):
            out.append("unmarked e-mail %r" % m.group())
    for m in re.finditer(r"\b[1-9]\d{3} ?[A-Z]{2}\b", text):
        if free(m) and m.group()[-2:] not in ("SA", "SD", "SS"):
            out.append("unmarked postcode-like %r" % m.group())
    for m in re.finditer(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])", text):
        if free(m):
            try:
                ipaddress.ip_address(m.group())
                out.append("unmarked IPv4-like %r" % m.group())
            except ValueError:
                pass
    for m in re.finditer(r"(?<![\w+])(?:\+31|0031|0)[ -]?(?:\(0\))?[ -]?6[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}\b", text):
        if free(m):
            out.append("unmarked mobile-like %r" % m.group())
    return out


# --- parsing -------------------------------------------------------------------

def parse(path):
    raw = path.read_text(encoding="utf-8")
    first, sep, body = raw.partition("\n")
    if not first.startswith("#categories:"):
        raise BuildError("%s: first line must be '#categories: ...'" % path.name)
    cats = [c.strip() for c in first[len("#categories:"):].split(",") if c.strip()]
    for c in cats:
        if c not in CATEGORIES:
            raise BuildError("%s: unknown category %r" % (path.name, c))
    if len(set(cats)) != len(cats):
        raise BuildError("%s: duplicate category" % path.name)
    body = body.rstrip()

    text_parts, spans, pos, cur = [], [], 0, 0
    for m in MARK_RE.finditer(body):
        text_parts.append(body[pos:m.start()])
        cur += m.start() - pos
        typ, surface = m.group(1), m.group(2)
        line = body.count("\n", 0, m.start()) + 2
        if typ not in TYPES:
            raise BuildError("%s:%d: unknown type %r" % (path.name, line, typ))
        err = check_span(typ, surface)
        if err:
            raise BuildError("%s:%d: %s span %r: %s" % (path.name, line, typ, surface, err))
        spans.append({"type": typ, "start": cur, "end": cur + len(surface), "text": surface})
        text_parts.append(surface)
        cur += len(surface)
        pos = m.end()
    text_parts.append(body[pos:])
    text = "".join(text_parts)
    for token in ("[[", "]]"):
        if token in text:
            i = text.index(token)
            raise BuildError("%s: stray %r (malformed annotation) near %r" % (path.name, token, text[max(0, i - 30):i + 30]))
    for sp in spans:
        assert text[sp["start"]:sp["end"]] == sp["text"]
        s, e = sp["start"], sp["end"]
        # a span must not cut a word in half
        if (s > 0 and text[s - 1].isalnum() and text[s].isalnum()) or \
           (e < len(text) and text[e - 1].isalnum() and text[e].isalnum()):
            raise BuildError("%s: span %r cuts through a word" % (path.name, sp["text"]))
    return {"id": path.stem, "text": text, "spans": spans, "categories": cats}


def main():
    global SRC_DIR, OUT_FILE
    args = sys.argv[1:]
    quiet = "--quiet" in args
    if "--set" in args:
        i = args.index("--set")
        if i + 1 >= len(args) or not re.fullmatch(r"[a-z0-9-]+", args[i + 1]):
            raise BuildError("--set needs a set name such as handset2")
        SRC_DIR = HERE / "data" / args[i + 1]
        OUT_FILE = HERE / "data" / (args[i + 1] + ".jsonl")
    files = sorted(SRC_DIR.glob("*.txt"))
    if not files:
        raise BuildError("no .txt files in %s" % SRC_DIR)
    docs, warnings = [], []
    for f in files:
        if not re.fullmatch(r"\d{2}-[a-z0-9-]+\.txt", f.name):
            raise BuildError("%s: file name must look like NN-short-name.txt" % f.name)
        doc = parse(f)
        docs.append(doc)
        warnings += ["%s: %s" % (doc["id"], w) for w in unmarked_warnings(doc["text"], doc["spans"])]
    ids = [d["id"] for d in docs]
    if len(set(ids)) != len(ids):
        raise BuildError("duplicate document ids")

    with OUT_FILE.open("w", encoding="utf-8") as out:
        for d in docs:
            out.write(json.dumps(d, ensure_ascii=False) + "\n")

    per_type = Counter(sp["type"] for d in docs for sp in d["spans"])
    per_cat = Counter(c for d in docs for c in d["categories"])
    chars = sum(len(d["text"]) for d in docs)
    nbytes = sum(len(d["text"].encode("utf-8")) for d in docs)
    print("wrote %s: %d documents, %d characters (%d bytes UTF-8), %d spans"
          % (OUT_FILE.relative_to(HERE.parent.parent), len(docs), chars, nbytes, sum(per_type.values())))
    for t in sorted(per_type, key=lambda t: (-per_type[t], t)):
        print("  %-14s %4d" % (t, per_type[t]))
    print("documents per category (%d without any):" % sum(1 for d in docs if not d["categories"]))
    for c in sorted(per_cat):
        print("  %-27s %3d" % (c, per_cat[c]))
    if warnings and not quiet:
        print("%d warning(s) about unmarked look-alikes (deliberate hard negatives are expected):" % len(warnings))
        for w in warnings:
            print("  " + w)


if __name__ == "__main__":
    try:
        main()
    except BuildError as e:
        sys.exit("handset_build: error: %s" % e)
