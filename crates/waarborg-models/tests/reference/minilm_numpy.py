"""Independent reference for the BERT embedder's known-value test.

A plain-numpy BERT forward pass (no candle, no torch) over model.safetensors, with mean pooling
and L2 normalisation, for the sentences in REFERENCE_SENTENCES. Tokenisation uses the Python
`tokenizers` package on the same tokenizer.json (a separate build of the Hugging Face tokenizer).

Usage (run once; it writes the fixture tests/bert.rs reads):

    python3 -m venv target/pyref && target/pyref/bin/pip install numpy tokenizers safetensors
    target/pyref/bin/python crates/waarborg-models/tests/reference/minilm_numpy.py \
        target/model-cache/all-minilm-l6-v2 > crates/waarborg-models/tests/reference/minilm_reference.json
"""

import json
import math
import sys

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

REFERENCE_SENTENCES = [
    "The cat sits on the mat.",
    "Hoe vraag ik een parkeervergunning aan bij de gemeente?",
    "",
    # Longer than the 256-token window: checks truncation too.
    "De gemeenteraad vergadert over de begroting en de plannen voor de wijk. " * 30,
]


def layer_norm(x, w, b, eps):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def gelu(x):
    # Exact (erf) GELU, as config.json's "gelu" means in transformers.
    erf = np.vectorize(math.erf)
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def embed(dirname, text):
    cfg = json.load(open(f"{dirname}/config.json"))
    w = {k: v.astype(np.float64) for k, v in load_file(f"{dirname}/model.safetensors").items()}
    p = "" if "embeddings.word_embeddings.weight" in w else "bert."
    tok = Tokenizer.from_file(f"{dirname}/tokenizer.json")
    tok.no_padding()
    tok.enable_truncation(256)
    ids = np.array(tok.encode(text).ids)
    n = len(ids)
    eps = cfg["layer_norm_eps"]
    x = (
        w[p + "embeddings.word_embeddings.weight"][ids]
        + w[p + "embeddings.position_embeddings.weight"][np.arange(n)]
        + w[p + "embeddings.token_type_embeddings.weight"][np.zeros(n, dtype=int)]
    )
    x = layer_norm(x, w[p + "embeddings.LayerNorm.weight"], w[p + "embeddings.LayerNorm.bias"], eps)
    heads = cfg["num_attention_heads"]
    hd = cfg["hidden_size"] // heads
    for layer in range(cfg["num_hidden_layers"]):
        q = f"{p}encoder.layer.{layer}."

        def lin(name, v):
            return v @ w[q + name + ".weight"].T + w[q + name + ".bias"]

        Q = lin("attention.self.query", x).reshape(n, heads, hd).transpose(1, 0, 2)
        K = lin("attention.self.key", x).reshape(n, heads, hd).transpose(1, 0, 2)
        V = lin("attention.self.value", x).reshape(n, heads, hd).transpose(1, 0, 2)
        s = Q @ K.transpose(0, 2, 1) / math.sqrt(hd)
        s = np.exp(s - s.max(-1, keepdims=True))
        s = s / s.sum(-1, keepdims=True)
        ctx = (s @ V).transpose(1, 0, 2).reshape(n, heads * hd)
        x = layer_norm(lin("attention.output.dense", ctx) + x, w[q + "attention.output.LayerNorm.weight"], w[q + "attention.output.LayerNorm.bias"], eps)
        h = gelu(lin("intermediate.dense", x))
        x = layer_norm(lin("output.dense", h) + x, w[q + "output.LayerNorm.weight"], w[q + "output.LayerNorm.bias"], eps)
    v = x.mean(0)
    return v / np.linalg.norm(v), ids


if __name__ == "__main__":
    import hashlib

    d = sys.argv[1]
    items = []
    for s in REFERENCE_SENTENCES:
        v, ids = embed(d, s)
        items.append({"text": s, "tokens": int(len(ids)), "vector": [round(float(x), 7) for x in v]})
    sha = hashlib.sha256(open(f"{d}/model.safetensors", "rb").read()).hexdigest()
    # One item per line, so the fixture diffs readably.
    print("{")
    print(f'  "generator": "tests/reference/minilm_numpy.py (numpy float64)",')
    print(f'  "model_sha256": "{sha}",')
    print('  "items": [')
    print(",\n".join("    " + json.dumps(i, ensure_ascii=False) for i in items))
    print("  ]")
    print("}")
