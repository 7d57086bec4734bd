"""Offline fusion sweep over the ranked lists the eval example dumps (EVAL_DUMP=FILE); prints
recall@1/@5/MRR@10 for all, odd- and even-numbered questions. Usage: python3 fusion_sweep.py DUMP"""
import json, sys, math, statistics
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
qs = {json.loads(l)['id']: json.loads(l) for l in open(__import__('os').path.join(__import__('os').path.dirname(__file__), '../../eval/retrieval/questions.jsonl'))}
ans = [r for r in rows if qs[r['id']]['source']]

def metrics(ranked_lists, subset=None):
    r1 = r5 = mrr = 0; n = 0
    for r, ranked in ranked_lists:
        if subset and not subset(r['id']): continue
        n += 1
        gold = {k for k, s, g in r['lists']['bm25'] + r['lists']['vectors'] if g}
        pos = next((i for i, k in enumerate(ranked[:10]) if k in gold), None)
        if pos is not None:
            r1 += pos == 0; r5 += pos < 5; mrr += 1 / (pos + 1)
    return r1 / n, r5 / n, mrr / n

odd = lambda i: int(i[1:]) % 2 == 1
even = lambda i: int(i[1:]) % 2 == 0

def run(name, fn):
    lists = [(r, fn(r)) for r in ans]
    a = metrics(lists); o = metrics(lists, odd); e = metrics(lists, even)
    print(f"{name:40s} all {a[0]:.3f}/{a[1]:.3f}/{a[2]:.3f}  odd {o[0]:.3f}/{o[1]:.3f}/{o[2]:.3f}  even {e[0]:.3f}/{e[1]:.3f}/{e[2]:.3f}")
    return a, o, e

def bm(r, d): return r['lists']['bm25'][:d]
def vec(r, d): return r['lists']['vectors'][:d]

def rrf(k, w, d=40):
    def f(r):
        s = {}
        for lst, wt in ((bm(r, d), 1.0), (vec(r, d), w)):
            for i, (key, _, _) in enumerate(lst):
                s[key] = s.get(key, 0) + wt / (k + i + 1)
        return [k_ for k_, _ in sorted(s.items(), key=lambda x: -x[1])]
    return f

def convex(w, d=40, norm='minmax', exact_cos=False, bm_norm=None):
    """score = norm(bm25) + w * norm(cos); candidates = union of top-d of each list."""
    def f(r):
        B = dict((k, s) for k, s, _ in bm(r, d)); V = dict((k, s) for k, s, _ in vec(r, d))
        allcos = dict((k, s) for k, s, _ in r['lists']['vectors'])
        cand = set(B) | set(V)
        def nz(D, fill_min=True):
            if not D: return {}, 0.0
            vals = list(D.values())
            if norm == 'minmax':
                lo, hi = min(vals), max(vals); sp = (hi - lo) or 1
                return {k: (v - lo) / sp for k, v in D.items()}, 0.0
            if norm == 'max':
                hi = max(vals) or 1
                return {k: v / hi for k, v in D.items()}, 0.0
            if norm == 'z':
                mu = statistics.mean(vals); sd = statistics.pstdev(vals) or 1
                z = {k: (v - mu) / sd for k, v in D.items()}
                return z, min(z.values())
        bn, bfill = nz(B)
        if exact_cos:
            Vc = {k: allcos[k] for k in cand}
            vn, vfill = nz(Vc)
        else:
            vn, vfill = nz(V)
        s = {k: bn.get(k, bfill) + w * vn.get(k, vfill) for k in cand}
        return [k_ for k_, _ in sorted(s.items(), key=lambda x: -x[1])]
    return f

def ranks():
    print("per question: gold rank in bm25 / vectors (1-based, '-' = not found)")
    out = []
    for r in ans:
        def pos(lst):
            return next((i + 1 for i, (k, s, g) in enumerate(lst) if g), None)
        out.append((r['id'], qs[r['id']].get('kind'), pos(r['lists']['bm25']), pos(r['lists']['vectors'])))
    return out

if __name__ == '__main__':
    rk = ranks()
    import collections
    cats = collections.Counter()
    for i, kind, b, v in rk:
        bb = 'b1-5' if b and b <= 5 else ('b6-40' if b and b <= 40 else 'b>40')
        vv = 'v1-5' if v and v <= 5 else ('v6-40' if v and v <= 40 else 'v>40')
        cats[(bb, vv)] += 1
    for k, c in sorted(cats.items()): print(k, c)
    print()
    run('bm25', lambda r: [k for k, _, _ in r['lists']['bm25']])
    run('vectors', lambda r: [k for k, _, _ in r['lists']['vectors']])
    for k in (60, 20, 10, 5, 2):
        for w in (0.5, 1.0, 1.5, 2.0, 3.0):
            run(f'rrf k={k} w={w}', rrf(k, w))
    for norm in ('minmax', 'max', 'z'):
        for w in (0.5, 1.0, 1.5, 2.0, 3.0, 4.0):
            run(f'convex {norm} w={w}', convex(w, norm=norm))
    for norm in ('minmax', 'z'):
        for w in (1.0, 2.0, 3.0):
            run(f'convex {norm} exactcos w={w}', convex(w, norm=norm, exact_cos=True))
