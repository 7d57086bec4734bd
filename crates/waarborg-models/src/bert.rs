//! Embedded sentence embeddings: BERT models (the default multilingual-e5-small, or
//! all-MiniLM-L6-v2 and the like) with candle.
//!
//! A model directory holds one of two layouts:
//! - the packed E5S1 file `e5-small-q4.bin` that `waarborg models fetch-default` puts there for
//!   the default embedder: 4-bit weights and the tokenizer's vocabulary in one file, de-quantised
//!   to f32 and turned into a tokenizer in code ([`e5s1`]);
//! - a Hugging Face / sentence-transformers directory: `config.json` (the BERT configuration),
//!   `tokenizer.json`, `model.safetensors` (the weights) and `pooling_config.json` (pooling
//!   settings), as the former default all-MiniLM-L6-v2 came.
//!
//! [`BertEmbedder::load`] reads everything into memory and checks it, so a missing or damaged file
//! is one clear [`ModelError`] at start-up rather than a failure on the first request. Both
//! layouts then run through the same engine. A model the cache knows (by the weights' sha256, see
//! [`crate::cache::known_embedder`]) gets its name, licence and query/passage prefixes from there.
//!
//! **Prefixes.** E5 models are trained with `"query: "` before questions and `"passage: "` before
//! the texts searched: [`Embedder::embed_query`] puts the query prefix before its text and
//! [`Embedder::embed`] the passage prefix before each text. A text that already starts with one
//! of the model's two prefixes is left as it is, so a caller of `/v1/embeddings` can choose
//! (`"query: …"` for a question, or for symmetric similarity as E5 recommends).
//!
//! Embedding a call's texts:
//! 1. tokenise all texts (truncated to the window, 256 tokens by default);
//! 2. sort them by token count, so each batch holds texts of similar length and padding to the
//!    longest in the batch wastes little work (the order is restored at the end);
//! 3. run the BERT encoder per batch on the CPU (f32), mean-pool the token vectors over the
//!    attention mask (or take `[CLS]`, as the pooling config says), and L2-normalise.
//!
//! The CPU work runs in [`tokio::task::spawn_blocking`]; candle spreads each matrix product over
//! its own thread pool (`RAYON_NUM_THREADS` sets its size; the default is one thread per physical
//! core). On a machine whose cores are busy with other work, fewer threads can be faster: on two
//! shared cores `RAYON_NUM_THREADS=1` gave 1.5x the throughput of the default.
//!
//! Padding does not change a text's vector: padded positions get no attention and are left out
//! of the mean, so a text embeds the same alone or in a batch with longer texts (a test checks it).

pub mod e5s1;

use crate::cache::{known_embedder, sha256_file};
use crate::error::{ModelError, Result};
use crate::types::{Embedder, ModelInfo};
use candle_core::{DType, Device, Tensor, D};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use e5s1::E5S1_FILE;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokenizers::{PaddingDirection, PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

/// The weights file in a model directory.
pub const WEIGHTS_FILE: &str = "model.safetensors";
/// The tokenizer file in a model directory.
pub const TOKENIZER_FILE: &str = "tokenizer.json";
/// The BERT configuration file in a model directory.
pub const CONFIG_FILE: &str = "config.json";
/// The pooling configuration file in a model directory (sentence-transformers' `1_Pooling/config.json`).
pub const POOLING_FILE: &str = "pooling_config.json";

/// How a model is loaded and named. A field left `None` comes from the model: from the cache's
/// entry for a known model ([`crate::cache::known_embedder`]), else from the layout (an E5S1 file
/// is an E5 model: `"query: "` / `"passage: "`; a Hugging Face directory has no prefixes and is
/// named after its directory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BertOptions {
    /// The name clients use.
    pub name: Option<String>,
    /// Where the model comes from (package, file).
    pub source: Option<String>,
    /// Licence of the weights (SPDX id).
    pub licence: Option<String>,
    /// Longest input in tokens, `[CLS]` and `[SEP]` included; longer texts are truncated.
    pub max_tokens: usize,
    /// Texts per forward pass.
    pub batch_size: usize,
    /// Put before every passage (what [`Embedder::embed`] embeds); E5 models want `"passage: "`.
    /// `Some("")`: none, whatever the model.
    pub passage_prefix: Option<String>,
    /// Put before every query ([`Embedder::embed_query`]); E5 models want `"query: "`.
    pub query_prefix: Option<String>,
}

impl Default for BertOptions {
    fn default() -> Self {
        BertOptions {
            name: None,
            source: None,
            licence: None,
            // sentence-transformers' max_seq_length for all-MiniLM-L6-v2; multilingual-e5-small
            // has 512 positions, but eval/retrieval's chunks (≤ 1000 chars) fit in 256 tokens.
            max_tokens: 256,
            // Measured with `cargo bench --bench embed` (2 shared cores): batch 32 was 20-50 %
            // faster than 1 or 8; 64 was within noise of 32. Memory grows with the batch.
            batch_size: 32,
            passage_prefix: None,
            query_prefix: None,
        }
    }
}

/// The prefixes of E5 models (what an E5S1 file not known to the cache gets).
const E5_PREFIXES: (&str, &str) = ("query: ", "passage: ");

/// How token vectors become one sentence vector (sentence-transformers' pooling config).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pooling {
    /// Mean over the tokens the attention mask keeps.
    Mean,
    /// The `[CLS]` token's vector.
    Cls,
}

#[derive(serde::Deserialize)]
struct PoolingConfig {
    #[serde(default)]
    pooling_mode_cls_token: bool,
    #[serde(default)]
    pooling_mode_mean_tokens: bool,
    #[serde(default)]
    pooling_mode_max_tokens: bool,
    #[serde(default)]
    pooling_mode_mean_sqrt_len_tokens: bool,
}

/// The loaded model, shared with the blocking tasks that run it.
struct Engine {
    model: BertModel,
    tokenizer: Tokenizer,
    pooling: Pooling,
    pad_id: u32,
    pad_token: String,
    batch_size: usize,
    device: Device,
    passage_prefix: String,
    query_prefix: String,
}

/// A BERT sentence embedder running in process on the CPU.
pub struct BertEmbedder {
    engine: Arc<Engine>,
    info: ModelInfo,
    dimensions: usize,
}

impl std::fmt::Debug for BertEmbedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BertEmbedder").field("info", &self.info).field("dimensions", &self.dimensions).finish()
    }
}

/// The first line of an error, so a reason stays one line (candle may append a backtrace).
fn one_line(e: impl std::fmt::Display) -> String {
    let s = e.to_string();
    s.lines().next().unwrap_or_default().trim().to_owned()
}

fn corrupt(path: &Path, reason: impl std::fmt::Display) -> ModelError {
    ModelError::Corrupt { path: path.display().to_string(), reason: one_line(reason) }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ModelError::NotFound(path.to_path_buf()),
        _ => ModelError::Io { context: format!("cannot read {}", path.display()), source: e },
    })
}

fn engine_error(e: impl std::fmt::Display) -> ModelError {
    ModelError::Engine(one_line(e))
}

/// What either layout yields before the shared part of loading.
struct Loaded {
    config: Config,
    tokenizer: Tokenizer,
    tokenizer_path: PathBuf,
    pooling: Pooling,
    tensors: HashMap<String, Tensor>,
    weights_path: PathBuf,
    weights_sha256: String,
    /// Quantisation of the stored weights (they run de-quantised, as f32).
    quantisation: Option<String>,
    /// Prefixes when the model is not known to the cache.
    prefixes: (&'static str, &'static str),
}

/// Loads a Hugging Face / sentence-transformers directory.
fn load_hf_dir(dir: &Path, device: &Device) -> Result<Loaded> {
    let path = |name: &str| -> PathBuf { dir.join(name) };
    // Check every file is there before reading any large one.
    for name in [CONFIG_FILE, TOKENIZER_FILE, POOLING_FILE, WEIGHTS_FILE] {
        if !path(name).exists() {
            return Err(ModelError::NotFound(path(name)));
        }
    }
    let config_path = path(CONFIG_FILE);
    let config: Config =
        serde_json::from_slice(&read(&config_path)?).map_err(|e| corrupt(&config_path, format!("not a BERT config: {e}")))?;
    let pooling = read_pooling(&path(POOLING_FILE))?;
    let tokenizer_path = path(TOKENIZER_FILE);
    let tokenizer = Tokenizer::from_bytes(read(&tokenizer_path)?)
        .map_err(|e| corrupt(&tokenizer_path, format!("not a tokenizer: {e}")))?;
    let weights_path = path(WEIGHTS_FILE);
    let weights_sha256 = sha256_file(&weights_path)?;
    // Read into memory: candle's mmap loader needs `unsafe`, which the workspace forbids.
    let bytes = read(&weights_path)?;
    let tensors = candle_core::safetensors::load_buffer(&bytes, device)
        .map_err(|e| corrupt(&weights_path, format!("not a safetensors file: {e}")))?;
    Ok(Loaded {
        config,
        tokenizer,
        tokenizer_path,
        pooling,
        tensors,
        weights_path,
        weights_sha256,
        quantisation: None,
        prefixes: ("", ""),
    })
}

/// Loads a directory holding the packed E5S1 file.
fn load_e5s1(file: &Path, device: &Device) -> Result<Loaded> {
    let weights_sha256 = sha256_file(file)?;
    let m = e5s1::read(file, device)?;
    Ok(Loaded {
        config: m.config,
        tokenizer: m.tokenizer,
        tokenizer_path: file.to_path_buf(),
        pooling: Pooling::Mean,
        tensors: m.tensors,
        weights_path: file.to_path_buf(),
        weights_sha256,
        quantisation: Some("Q4_0".to_owned()),
        prefixes: E5_PREFIXES,
    })
}

impl BertEmbedder {
    /// Loads the model in `dir`, named and prefixed as the model cache knows it.
    pub fn load(dir: &Path) -> Result<Self> {
        Self::load_with(dir, BertOptions::default())
    }

    /// Loads the model in `dir` (an E5S1 file or a Hugging Face directory, see the module doc)
    /// with the given name, source, prefixes and limits.
    pub fn load_with(dir: &Path, options: BertOptions) -> Result<Self> {
        if options.batch_size == 0 || options.max_tokens < 2 {
            return Err(ModelError::Invalid(
                "batch_size must be at least 1 and max_tokens at least 2 ([CLS] and [SEP])".into(),
            ));
        }
        let device = Device::Cpu;
        let e5s1_file = dir.join(E5S1_FILE);
        let loaded = if e5s1_file.exists() {
            load_e5s1(&e5s1_file, &device)?
        } else if dir.join(CONFIG_FILE).exists() {
            load_hf_dir(dir, &device)?
        } else {
            // Neither layout: name the default's file, which `fetch-default` puts there.
            return Err(ModelError::NotFound(e5s1_file));
        };
        let Loaded { config, mut tokenizer, tokenizer_path, pooling, tensors, weights_path, weights_sha256, quantisation, prefixes } =
            loaded;
        if options.max_tokens > config.max_position_embeddings {
            return Err(ModelError::Invalid(format!(
                "max_tokens is {} but the model has {} positions; lower max_tokens",
                options.max_tokens, config.max_position_embeddings
            )));
        }
        tokenizer
            .with_truncation(Some(TruncationParams { max_length: options.max_tokens, ..Default::default() }))
            .map_err(|e| corrupt(&tokenizer_path, format!("cannot set truncation: {e}")))?;
        // Padding is done per batch, after sorting by length (see `Engine::embed`).
        tokenizer.with_padding(None);
        let pad_token = tokenizer.id_to_token(config.pad_token_id as u32).unwrap_or_else(|| "[PAD]".to_owned());

        let parameters: u64 = tensors
            .iter()
            .filter(|(name, t)| t.dtype().is_float() && !name.ends_with("position_ids"))
            .map(|(_, t)| t.elem_count() as u64)
            .sum();
        let vb = VarBuilder::from_tensors(tensors, DType::F32, &device);
        let model = BertModel::load(vb, &config)
            .map_err(|e| corrupt(&weights_path, format!("the weights do not match the configuration: {e}")))?;

        let known = known_embedder(&weights_sha256);
        let dir_name = || dir.file_name().map_or_else(|| "bert".to_owned(), |n| n.to_string_lossy().into_owned());
        let (query_prefix, passage_prefix) = known.map_or(prefixes, |m| (m.query_prefix, m.passage_prefix));
        let info = ModelInfo {
            name: options.name.or_else(|| known.map(|m| m.name.to_owned())).unwrap_or_else(dir_name),
            backend: "bert".to_owned(),
            source: options
                .source
                .or_else(|| known.map(|m| m.package.to_owned()))
                .unwrap_or_else(|| weights_path.display().to_string()),
            licence: options.licence.or_else(|| known.map(|m| m.licence.to_owned())).unwrap_or_else(|| "unknown".to_owned()),
            weights_sha256: Some(weights_sha256),
            quantisation,
            context_length: Some(options.max_tokens as u32),
            parameters: Some(parameters),
        };
        let engine = Engine {
            model,
            tokenizer,
            pooling,
            pad_id: config.pad_token_id as u32,
            pad_token,
            batch_size: options.batch_size,
            device,
            passage_prefix: options.passage_prefix.unwrap_or_else(|| passage_prefix.to_owned()),
            query_prefix: options.query_prefix.unwrap_or_else(|| query_prefix.to_owned()),
        };
        Ok(BertEmbedder { engine: Arc::new(engine), info, dimensions: config.hidden_size })
    }

    /// Embeds passages on the calling thread (what [`Embedder::embed`] runs in a blocking task);
    /// for benchmarks and synchronous callers.
    pub fn embed_blocking(&self, texts: &[String]) -> Result<Vec<Vec<f32>>> {
        self.engine.embed(texts, &self.engine.passage_prefix)
    }

    /// The prefix put before queries ([`Embedder::embed_query`]).
    pub fn query_prefix(&self) -> &str {
        &self.engine.query_prefix
    }

    /// The prefix put before passages ([`Embedder::embed`]).
    pub fn passage_prefix(&self) -> &str {
        &self.engine.passage_prefix
    }

    /// The token ids the model sees for `text` as a passage (prefix, special tokens and
    /// truncation included); for tests and diagnostics.
    pub fn passage_token_ids(&self, text: &str) -> Result<Vec<u32>> {
        let input = self.engine.prefixed(text, &self.engine.passage_prefix);
        let enc = self.engine.tokenizer.encode(input.as_ref(), true).map_err(engine_error)?;
        Ok(enc.get_ids().to_vec())
    }
}

fn read_pooling(path: &Path) -> Result<Pooling> {
    let config: PoolingConfig =
        serde_json::from_slice(&read(path)?).map_err(|e| corrupt(path, format!("not a pooling config: {e}")))?;
    match (
        config.pooling_mode_mean_tokens,
        config.pooling_mode_cls_token,
        config.pooling_mode_max_tokens || config.pooling_mode_mean_sqrt_len_tokens,
    ) {
        (true, false, false) => Ok(Pooling::Mean),
        (false, true, false) => Ok(Pooling::Cls),
        _ => Err(corrupt(path, "only one pooling mode, mean_tokens or cls_token, is supported")),
    }
}

impl Engine {
    /// `text` with `prefix` before it, unless it already starts with one of the model's prefixes.
    fn prefixed<'a>(&self, text: &'a str, prefix: &str) -> std::borrow::Cow<'a, str> {
        let has = |p: &str| !p.is_empty() && text.starts_with(p);
        if prefix.is_empty() || has(&self.query_prefix) || has(&self.passage_prefix) {
            std::borrow::Cow::Borrowed(text)
        } else {
            std::borrow::Cow::Owned(format!("{prefix}{text}"))
        }
    }

    fn embed(&self, texts: &[String], prefix: &str) -> Result<Vec<Vec<f32>>> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        let inputs: Vec<std::borrow::Cow<'_, str>> = texts.iter().map(|t| self.prefixed(t, prefix)).collect();
        let inputs: Vec<&str> = inputs.iter().map(AsRef::as_ref).collect();
        let encodings = self.tokenizer.encode_batch(inputs, true).map_err(engine_error)?;
        // Longest first: similar lengths share a batch, so padding wastes little.
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(encodings[i].len()));
        let mut encodings: Vec<Option<tokenizers::Encoding>> = encodings.into_iter().map(Some).collect();

        let padding = PaddingParams {
            strategy: PaddingStrategy::BatchLongest,
            direction: PaddingDirection::Right,
            pad_to_multiple_of: None,
            pad_id: self.pad_id,
            pad_type_id: 0,
            pad_token: self.pad_token.clone(),
        };
        let mut out: Vec<Vec<f32>> = vec![Vec::new(); texts.len()];
        for chunk in order.chunks(self.batch_size) {
            let mut batch: Vec<tokenizers::Encoding> =
                chunk.iter().filter_map(|&i| encodings[i].take()).collect();
            tokenizers::pad_encodings(&mut batch, &padding).map_err(engine_error)?;
            let vectors = self.forward(&batch).map_err(engine_error)?;
            for (&i, v) in chunk.iter().zip(vectors) {
                out[i] = v;
            }
        }
        Ok(out)
    }

    /// One forward pass over encodings padded to the same length.
    fn forward(&self, batch: &[tokenizers::Encoding]) -> candle_core::Result<Vec<Vec<f32>>> {
        let n = batch.len();
        let len = batch.first().map_or(0, tokenizers::Encoding::len);
        let mut ids = Vec::with_capacity(n * len);
        let mut types = Vec::with_capacity(n * len);
        let mut mask = Vec::with_capacity(n * len);
        for e in batch {
            ids.extend_from_slice(e.get_ids());
            types.extend_from_slice(e.get_type_ids());
            mask.extend_from_slice(e.get_attention_mask());
        }
        let ids = Tensor::from_vec(ids, (n, len), &self.device)?;
        let types = Tensor::from_vec(types, (n, len), &self.device)?;
        let mask = Tensor::from_vec(mask, (n, len), &self.device)?;
        let hidden = self.model.forward(&ids, &types, Some(&mask))?; // (n, len, hidden)
        let pooled = match self.pooling {
            Pooling::Mean => {
                let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?; // (n, len, 1)
                let sum = hidden.broadcast_mul(&mask)?.sum(1)?; // (n, hidden)
                let count = mask.sum(1)?.maximum(1e-9)?; // (n, 1)
                sum.broadcast_div(&count)?
            }
            Pooling::Cls => hidden.narrow(1, 0, 1)?.squeeze(1)?,
        };
        let norm = pooled.sqr()?.sum_keepdim(D::Minus1)?.sqrt()?.maximum(1e-12)?;
        pooled.broadcast_div(&norm)?.to_vec2::<f32>()
    }
}

#[async_trait::async_trait]
impl Embedder for BertEmbedder {
    fn info(&self) -> &ModelInfo {
        &self.info
    }

    fn dimensions(&self) -> usize {
        self.dimensions
    }

    async fn embed(&self, texts: &[String]) -> Result<Vec<Vec<f32>>> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        let engine = Arc::clone(&self.engine);
        let texts = texts.to_vec();
        tokio::task::spawn_blocking(move || engine.embed(&texts, &engine.passage_prefix))
            .await
            .map_err(|e| ModelError::Engine(format!("the embedding task failed: {e}")))?
    }

    async fn embed_query(&self, query: &str) -> Result<Vec<f32>> {
        let engine = Arc::clone(&self.engine);
        let texts = vec![query.to_owned()];
        tokio::task::spawn_blocking(move || engine.embed(&texts, &engine.query_prefix))
            .await
            .map_err(|e| ModelError::Engine(format!("the embedding task failed: {e}")))?
            .map(|mut v| v.pop().unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pooling_modes_are_read_and_unsupported_ones_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(POOLING_FILE);
        std::fs::write(&p, r#"{"pooling_mode_mean_tokens": true}"#).unwrap();
        assert_eq!(read_pooling(&p).unwrap(), Pooling::Mean);
        std::fs::write(&p, r#"{"pooling_mode_cls_token": true, "pooling_mode_mean_tokens": false}"#).unwrap();
        assert_eq!(read_pooling(&p).unwrap(), Pooling::Cls);
        std::fs::write(&p, r#"{"pooling_mode_max_tokens": true}"#).unwrap();
        let err = read_pooling(&p).unwrap_err().to_string();
        assert!(err.contains("only one pooling mode"), "{err}");
        std::fs::write(&p, "{").unwrap();
        assert!(matches!(read_pooling(&p), Err(ModelError::Corrupt { .. })));
    }

    #[test]
    fn an_error_reason_is_one_line() {
        assert_eq!(one_line("first\n  backtrace"), "first");
    }
}
