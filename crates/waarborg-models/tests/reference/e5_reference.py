"""Independent reference for the E5S1 loader (the default embedder, multilingual-e5-small).

The Rust loader (src/bert/e5s1.rs: its own de-quantiser, its own tokenizer built with the Rust
`tokenizers` API, candle's BERT) is compared with a pipeline that shares none of that code:
`benches/e5s1_to_bert.py` de-quantises the file with numpy and builds the tokenizer with the
Python `tokenizers` package, and `minilm_numpy.py`'s plain-numpy float64 BERT embeds with it.

Usage (run once; it writes the fixture tests/bert.rs reads):

    python3 -m venv target/pyref && target/pyref/bin/pip install numpy tokenizers safetensors
    target/pyref/bin/python crates/waarborg-models/benches/e5s1_to_bert.py \
        target/model-cache/multilingual-e5-small/e5-small-q4.bin /tmp/e5-converted
    target/pyref/bin/python crates/waarborg-models/tests/reference/e5_reference.py \
        target/model-cache/multilingual-e5-small/e5-small-q4.bin /tmp/e5-converted \
        > crates/waarborg-models/tests/reference/e5_reference.json
"""

import hashlib
import json
import os
import sys

import numpy as np
from tokenizers import Tokenizer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from minilm_numpy import embed  # noqa: E402

# Token ids only: Dutch with accents, quotes, ligatures, odd spaces and characters NFKC changes.
TOKENIZE = [
    "Café ‘De Gouden Leeuw’ ligt aan de Coolsingel — één van de drukste straten.",
    "“Wat kost een paspoort?” vroeg mevrouw Öztürk aan de balie.",
    "Het Ĳsselmeer en de ﬁetsroute langs de naïeve coördinator in ’s-Hertogenbosch.",
    "Parkeervergunning\taanvragen:\n  kosten € 12,50  per maand (ＡＢＣ-zone) …",
    'Zij zei: "Ik heb m\'n rijbewijs verloren" en wil weten wat ze moet doen.',
    "De Wet maatschappelijke ondersteuning (Wmo 2015) regelt hulp bij het huishouden.",
    "",
]

# Vectors: (prefix, text) as the embedder sees them; "passage: " is what `embed` puts before a
# text and "query: " what `embed_query` puts before one.
EMBED = [
    ("passage: ", "Hoe vraag ik een parkeervergunning aan bij de gemeente?"),
    ("query: ", "Hoe vraag ik een parkeervergunning aan bij de gemeente?"),
    ("passage: ", "Café ‘De Gouden Leeuw’ ligt aan de Coolsingel — één van de drukste straten."),
    ("passage: ", "De bibliotheek is op zondag gesloten."),
    ("query: ", "Wanneer gaat het zwembad open?"),
    # Longer than the 256-token window: checks truncation too.
    ("passage: ", "De gemeenteraad vergadert over de begroting en de plannen voor de wijk. " * 30),
]

if __name__ == "__main__":
    src, converted = sys.argv[1], sys.argv[2]
    tok = Tokenizer.from_file(f"{converted}/tokenizer.json")
    tok.no_padding()
    tok.enable_truncation(256)
    tokens = [{"text": t, "ids": tok.encode("passage: " + t).ids} for t in TOKENIZE]
    items = []
    for prefix, text in EMBED:
        v, ids = embed(converted, prefix + text)
        items.append({"prefix": prefix, "text": text, "tokens": int(len(ids)), "vector": [round(float(x), 7) for x in v]})
    sha = hashlib.sha256(open(src, "rb").read()).hexdigest()
    print("{")
    print('  "generator": "tests/reference/e5_reference.py (e5s1_to_bert.py + Python tokenizers + numpy float64 BERT)",')
    print(f'  "model_sha256": "{sha}",')
    print('  "tokens": [')
    print(",\n".join("    " + json.dumps(i, ensure_ascii=False) for i in tokens))
    print("  ],")
    print('  "items": [')
    print(",\n".join("    " + json.dumps(i, ensure_ascii=False) for i in items))
    print("  ]")
    print("}")
