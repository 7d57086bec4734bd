#!/usr/bin/env python3
"""Run Microsoft Presidio (PyPI ``presidio-analyzer``) configured for Dutch; write scan shape.

    run_presidio.py INPUT.jsonl OUTPUT.jsonl

Reads ``{"id", "text"}`` JSONL and writes ``{"id", "spans": [{"type", "start", "end", "text",
"score", "detector"}], "categories": []}``; ``detector`` is ``presidio:<entity>``.  One JSON line
with throughput (MB of text per second, start-up excluded) goes to stderr.

Configuration
-------------
* ``NoOpNlpEngine`` for language ``nl``: no spaCy model can be downloaded here (only PyPI is
  reachable), so there is no NER — Presidio finds no PERSON.  Without NLP tokens its context
  enhancer cannot use context words from the text either.
* Recognizers, all with ``supported_language="nl"``: EmailRecognizer, PhoneRecognizer
  (``supported_regions`` NL, BE, DE; python-phonenumbers), IbanRecognizer (mod-97),
  CreditCardRecognizer (Luhn), IpRecognizer (v4 + v6), DateRecognizer.
* Presidio (checked in the pinned version) ships no Netherlands-specific recognizer: no BSN,
  no KvK, no kenteken, no Dutch postcode or passport.  Its other country recognizers (US SSN,
  UK NHS, DE Pass, ...) are not loaded: they target other formats and would only add noise.
* Score threshold 0 (Presidio's default): every result counts.

Label mapping, Presidio entity → Waarborg type
----------------------------------------------
  EMAIL_ADDRESS → EMAIL;  PHONE_NUMBER → PHONE;  IBAN_CODE → IBAN;  CREDIT_CARD → PAYMENT_CARD;
  IP_ADDRESS → IP_ADDRESS;
  DATE_TIME → DATE_OF_BIRTH: like deduce, Presidio tags every date; its non-birth dates count as
  false positives, which is its design, not a mapping error.

Types Presidio does not detect in this configuration, so they score 0 recall: PERSON, BSN,
ADDRESS, POSTCODE, LICENSE_PLATE, ID_DOCUMENT, KVK, and all document-level categories.
"""

from __future__ import annotations

import logging
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_io  # noqa: E402

MAPPING = {"EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE", "IBAN_CODE": "IBAN",
           "CREDIT_CARD": "PAYMENT_CARD", "IP_ADDRESS": "IP_ADDRESS", "DATE_TIME": "DATE_OF_BIRTH"}
PHONE_REGIONS = ("NL", "BE", "DE")


def offline_tldextract() -> None:
    """Presidio's email validator uses tldextract, which would fetch the Public Suffix List over
    the network on first use; use the snapshot bundled with the package instead."""
    import tldextract
    import tldextract.tldextract as tt

    tt.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def build_analyzer():
    offline_tldextract()
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NoOpNlpEngine
    from presidio_analyzer.predefined_recognizers import (CreditCardRecognizer, DateRecognizer,
                                                          EmailRecognizer, IbanRecognizer,
                                                          IpRecognizer, PhoneRecognizer)

    lang = "nl"
    nlp = NoOpNlpEngine(models=[{"lang_code": lang, "model_name": "no_op"}])
    registry = RecognizerRegistry(supported_languages=[lang])
    registry.add_recognizer(EmailRecognizer(supported_language=lang))
    registry.add_recognizer(PhoneRecognizer(supported_language=lang, supported_regions=PHONE_REGIONS,
                                            context=["telefoon", "tel", "mobiel", "bellen", "nummer"]))
    registry.add_recognizer(IbanRecognizer(supported_language=lang, context=["iban", "rekening", "rekeningnummer"]))
    registry.add_recognizer(CreditCardRecognizer(supported_language=lang, context=["creditcard", "kaart", "kaartnummer"]))
    registry.add_recognizer(IpRecognizer(supported_language=lang))
    registry.add_recognizer(DateRecognizer(supported_language=lang, context=["datum", "geboren", "geboortedatum"]))
    return AnalyzerEngine(registry=registry, nlp_engine=nlp, supported_languages=[lang])


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    inp, outp = sys.argv[1], sys.argv[2]
    docs = bench_io.read_docs(inp)
    t0 = time.perf_counter()
    from importlib.metadata import version

    analyzer = build_analyzer()
    analyzer.analyze("Warm-up: bel 06-12345678 of mail naar a@b.nl.", language="nl")
    startup = time.perf_counter() - t0

    def detect(text: str) -> list[dict]:
        spans = []
        for r in analyzer.analyze(text, language="nl"):
            typ = MAPPING.get(r.entity_type)
            if typ:
                spans.append(bench_io.span(typ, r.start, r.end, text, r.score, f"presidio:{r.entity_type}"))
        return spans

    bench_io.run("presidio", version("presidio-analyzer"), startup, docs, detect, outp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
