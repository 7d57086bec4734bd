#!/usr/bin/env python3
"""Run deduce (the Dutch de-identifier, PyPI ``deduce``) and write predictions in scan shape.

    run_deduce.py INPUT.jsonl OUTPUT.jsonl

Reads ``{"id", "text"}`` JSONL and writes ``{"id", "spans": [{"type", "start", "end", "text",
"score", "detector"}], "categories": []}``; ``detector`` is ``deduce:<tag>``.  One JSON line with
throughput (MB of text per second, start-up excluded) goes to stderr.  Run inside the benchmark
virtualenv (bench/pii/run.sh creates it).

Label mapping, deduce tag → Waarborg type
-----------------------------------------
  persoon, patient        → PERSON
  telefoonnummer          → PHONE
  emailadres              → EMAIL
  bsn                     → BSN          (deduce applies the 11-proef to 9 contiguous digits)
  datum                   → DATE_OF_BIRTH
      deduce tags every date; it has no notion of a birth date.  Mapping all its dates to
      DATE_OF_BIRTH means its non-birth dates count as false positives: that is its design
      (a clinical de-identifier removes all dates), not a mapping error.
  id                      → ID_DOCUMENT  (deduce's generic "any run of ≥ 7 digits" identifier)
  locatie                 → by content:
      contains a Dutch postcode (1234 AB)      → POSTCODE
      otherwise contains a digit (house number) → ADDRESS
      otherwise (a city or a street without number) → dropped: cities are not personal data in
      our taxonomy; dropping them is lenient towards deduce rather than counting them as errors.
  leeftijd, url, instelling, ziekenhuis, zorginstelling → dropped (no counterpart in the taxonomy)

Types deduce does not detect, so they score 0 recall: IBAN, PAYMENT_CARD, LICENSE_PLATE,
IP_ADDRESS, KVK, and (except via its generic ``id``) ID_DOCUMENT.  Deduce reports no special
categories, so document-level category recall is 0.
"""

from __future__ import annotations

import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_io  # noqa: E402

POSTCODE = re.compile(r"\b[1-9]\d{3} ?[A-Za-z]{2}\b")
DIRECT = {"persoon": "PERSON", "patient": "PERSON", "telefoonnummer": "PHONE", "emailadres": "EMAIL",
          "bsn": "BSN", "datum": "DATE_OF_BIRTH", "id": "ID_DOCUMENT"}


def map_tag(tag: str, text: str) -> str | None:
    if tag in DIRECT:
        return DIRECT[tag]
    if tag == "locatie":
        if POSTCODE.search(text):
            return "POSTCODE"
        if any(ch.isdigit() for ch in text):
            return "ADDRESS"
    return None


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    inp, outp = sys.argv[1], sys.argv[2]
    docs = bench_io.read_docs(inp)
    t0 = time.perf_counter()
    from importlib.metadata import version

    from deduce import Deduce

    deduce = Deduce()
    deduce.deidentify("Warm-up: dhr. J. de Vries, geboren 1 januari 1970.")
    startup = time.perf_counter() - t0

    def detect(text: str) -> list[dict]:
        doc = deduce.deidentify(text)
        spans = []
        for a in doc.annotations:
            typ = map_tag(a.tag, a.text)
            if typ:
                spans.append(bench_io.span(typ, a.start_char, a.end_char, text, 1.0, f"deduce:{a.tag}"))
        return spans

    bench_io.run("deduce", version("deduce"), startup, docs, detect, outp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
