#!/usr/bin/env python3
"""Session 18's experiment: does a small learned name model help the rule-based PERSON detector?

An averaged perceptron tags each token as part of a name or not, from the token, its shape, its
word-list flags (the engine's gazetteers in crates/waarborg-pii/data) and the two tokens on
either side. It is trained on the development sets only (bench/pii/data/handset*.jsonl) and
combined with the rules' PERSON spans in three ways:

  add    a span of the model whose best token scores above HI and that no rule span overlaps;
  veto   a rule span none of whose tokens scores above LO is dropped;
  stack  the model also sees the rules' answer as a feature (needs the rules' output on sets the
         rules were never tuned on: `fresh` predictions, see docs/benchmarks.md, session 18).

    python3 bench/pii/experiments/name_model.py combine SET PRED.jsonl [--nopl]
    python3 bench/pii/experiments/name_model.py loo FRESH_DIR          # veto, leave one set out

PRED.jsonl is the rules' output on bench/pii/data/SET.jsonl in score.py's shape
(`WAARBORG_BENCH_DUMP=1` + dump_to_pred.py); FRESH_DIR holds fresh.handsetN.pred for handset7 …
handset11. Prints PERSON F1 only (never text: the held-out sets stay blind). Stdlib only; the
Rust port of the veto is name-veto.patch beside this file. Result: docs/benchmarks.md.
"""
import json, re, sys, random, collections, os, subprocess
ROOT=os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','..','..'))
D=os.path.join(ROOT,'crates/waarborg-pii/data/')
def load(f):
    return set(l.strip().lower() for l in open(D+f, encoding='utf-8') if l.strip() and not l.startswith('#'))
FIRST=load('first_names.txt'); SUR=load('surnames.txt'); COMMON=load('common_words_nl.txt'); PLACES=load('places_nl.txt'); PART=load('name_particles.txt')
TOK=re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]|\n", re.U)
def shape(t):
    if t=='\n': return 'NL'
    if t.isdigit(): return 'd'
    if not t[0].isalnum(): return 'p'
    if t.isupper(): return 'X' if len(t)>1 else 'Xs'
    if t[0].isupper(): return 'Xx'
    if t.islower(): return 'x'
    return 'm'
def tokens(text):
    return [(m.start(), m.end(), m.group()) for m in TOK.finditer(text)]
def feats(toks, i, rule, prevlab):
    def w(j):
        if j<0: return '<s>'
        if j>=len(toks): return '</s>'
        return toks[j][2].lower()
    def sh(j):
        if j<0 or j>=len(toks): return 'B'
        return shape(toks[j][2])
    t=toks[i][2]; l=t.lower().rstrip('.'); s=shape(t)
    f=['b','w='+l,'s='+s,'suf3='+l[-3:],'pre3='+l[:3],
       'p1='+w(i-1),'p2='+w(i-2),'n1='+w(i+1),'n2='+w(i+2),
       'ps='+sh(i-1),'ns='+sh(i+1),'ps2='+sh(i-2)+sh(i-1),'ns2='+sh(i+1)+sh(i+2),
       'pl='+prevlab, 'pl_s='+prevlab+s, 'p1s='+w(i-1)+'|'+s]
    g=('F' if l in FIRST else '')+('S' if l in SUR else '')+('C' if l in COMMON else '')+('P' if l in PLACES else '')+('T' if l in PART else '')
    f+=['g='+g,'gs='+g+s,'gpl='+g+prevlab]
    if i+1<len(toks):
        ln=toks[i+1][2].lower().rstrip('.')
        gn=('F' if ln in FIRST else '')+('S' if ln in SUR else '')+('C' if ln in COMMON else '')
        f+=['gn='+gn+'|'+sh(i+1)]
    if i>0:
        lp=toks[i-1][2].lower().rstrip('.')
        gp=('F' if lp in FIRST else '')+('S' if lp in SUR else '')+('C' if lp in COMMON else '')
        f+=['gp='+gp+'|'+sh(i-1)]
    if rule is not None:
        r='R1' if rule[i] else 'R0'
        f+=['r='+r,'rs='+r+s,'rg='+r+g]
    return f
class AP:
    def __init__(s): s.w=collections.defaultdict(float); s.u=collections.defaultdict(float); s.c=1
    def score(s,f): return sum(s.w.get(x,0.0) for x in f)
    def update(s,f,y):
        for x in f: s.w[x]+=y; s.u[x]+=s.c*y
    def tick(s): s.c+=1
    def average(s):
        for k in list(s.w): s.w[k]-=s.u[k]/s.c
def doc_labels(toks, spans):
    lab=[0]*len(toks)
    for sp in spans:
        if sp['type']!='PERSON': continue
        for i,(a,b,_) in enumerate(toks):
            if a<sp['end'] and sp['start']<b: lab[i]=1
    return lab
def tag(m, toks, rule):
    out=[]; prev='O'
    for i in range(len(toks)):
        y=1 if m.score(feats(toks,i,rule,prev))>0 else 0
        out.append(y); prev='P' if y else 'O'
    return out
def train(docs, use_rule, epochs=8, seed=0):
    m=AP(); rnd=random.Random(seed)
    data=[]
    for text,spans,rule_spans in docs:
        toks=tokens(text); lab=doc_labels(toks,spans)
        rule=doc_labels(toks,rule_spans) if use_rule else None
        data.append((toks,lab,rule))
    for e in range(epochs):
        rnd.shuffle(data)
        for toks,lab,rule in data:
            prev='O'
            for i in range(len(toks)):
                if toks[i][2]=='\n': prev='O'; continue
                f=feats(toks,i,rule,prev); y=1 if lab[i] else -1
                if (m.score(f)>0)!=(y>0): m.update(f,y)
                m.tick(); prev='P' if lab[i] else 'O'
    m.average(); return m
def spans_of(toks, lab, text):
    out=[]; i=0
    while i<len(toks):
        if lab[i] and shape(toks[i][2]) not in ('p','NL','d'):
            j=i
            while j+1<len(toks) and lab[j+1] and toks[j+1][2]!='\n': j+=1
            out.append({'type':'PERSON','start':toks[i][0],'end':toks[j][1]})
            i=j+1
        else: i+=1
    return out
def margins(m, toks, rule=None):
    out=[]; prev='O'
    for i in range(len(toks)):
        sc=m.score(feats(toks,i,rule,prev)); out.append(sc); prev='P' if sc>0 else 'O'
    return out
def span_margin(toks, mg, sp):
    v=[mg[i] for i,(a,b,_) in enumerate(toks) if a<sp['end'] and sp['start']<b and shape(toks[i][2]) not in ('p','NL')]
    return max(v) if v else -99

B=os.path.join(ROOT,'bench/pii/data/')
DEV=['handset']+['handset%d'%n for n in range(2,12)]
NOPL=False

def _feats_nopl(toks,i,rule,prevlab):
    return [x for x in _feats_full(toks,i,rule,'O') if not x.startswith('pl') and not x.startswith('gpl')]
_feats_full=feats

def readgold(s):
    return [json.loads(l) for l in open(B+s+'.jsonl',encoding='utf-8') if l.strip()]

def readpred(path):
    out={}
    for l in open(path,encoding='utf-8'):
        if l.strip():
            d=json.loads(l); out[d['id']]=d
    return out

def person_f1(gold_file, preds):
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        p=os.path.join(tmp,'pred.jsonl'); j=os.path.join(tmp,'score.json')
        with open(p,'w',encoding='utf-8') as o:
            for x in preds: o.write(json.dumps(x,ensure_ascii=False)+'\n')
        subprocess.run([sys.executable,os.path.join(ROOT,'bench/pii/score.py'),gold_file,p,'--json',j],capture_output=True,check=True)
        sysm=json.load(open(j))['systems']; t=sysm[list(sysm)[0]]['types']['PERSON']
    return '%.3f (P %.3f R %.3f)'%(t['f1'],t['precision'],t['recall'])

def ov(a,b): return a['start']<b['end'] and b['start']<a['end']

def combine(s, pred_path, exclude=()):
    m=train([(d['text'],d['spans'],[]) for x in DEV if x not in exclude for d in readgold(x)], False)
    pred=readpred(pred_path); prep=[]
    for d in readgold(s):
        full=pred[d['id']]; rules=[x for x in full['spans'] if x['type']=='PERSON']
        toks=tokens(d['text']); mg=margins(m,toks)
        own=spans_of(toks,[1 if x>0 else 0 for x in mg],d['text'])
        prep.append((d['id'],[x for x in full['spans'] if x['type']!='PERSON'],rules,
                     [(x,span_margin(toks,mg,x)) for x in own],[(r,span_margin(toks,mg,r)) for r in rules]))
    res=[]
    for name,hi,lo in [('rules',1e9,-1e9),('add>12',12,-1e9),('veto<=-12',1e9,-12),('both',12,-12)]:
        preds=[]
        for did,other,rules,own,rs in prep:
            keep=[r for r,mr in rs if mr>lo]
            add=[x for x,mx in own if mx>hi and not any(ov(x,r) for r in rules)]
            preds.append({'id':did,'spans':other+keep+add,'categories':[]})
        res.append('%s %s'%(name,person_f1(B+s+'.jsonl',preds)))
    print(s,' | '.join(res))

def main(argv):
    global feats
    if '--nopl' in argv:
        argv=[a for a in argv if a!='--nopl']; feats=_feats_nopl; globals()['feats']=_feats_nopl
    if len(argv)==3 and argv[0]=='combine':
        combine(argv[1],argv[2])
    elif len(argv)==2 and argv[0]=='loo':
        feats=_feats_nopl; globals()['feats']=_feats_nopl
        for s in ['handset7','handset8','handset9','handset10','handset11']:
            combine(s,os.path.join(argv[1],'fresh.%s.pred'%s),exclude=(s,))
    else:
        sys.exit(__doc__)

if __name__=='__main__':
    main(sys.argv[1:])
