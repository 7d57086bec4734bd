//! `[models]` in the configuration file: which generator and embedder to run. The defaults are
//! the embedded models in the cache; one block points Waarborg at a serious model instead:
//!
//! ```toml
//! # A larger GGUF, in process:
//! [models.generator]
//! backend = "gguf"
//! path = "/srv/models/Qwen2.5-7B-Instruct-Q4_K_M.gguf"
//! licence = "Apache-2.0"
//!
//! # Or an OpenAI-compatible server (vLLM, llama.cpp server, Ollama, TGI):
//! # [models.generator]
//! # backend = "openai"
//! # base_url = "http://127.0.0.1:8000/v1"
//! # model = "Qwen/Qwen2.5-7B-Instruct"
//! ```

use crate::cache::ModelCache;
use crate::error::Result;
use crate::openai::OpenAiConfig;
use crate::{Embedder, Generator};
use serde::Deserialize;
use std::path::PathBuf;
use std::sync::Arc;

/// Raw `[models]` table.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelsConfig {
    /// Model cache directory (default `DATA_DIR/models`).
    #[serde(default)]
    pub cache_dir: Option<PathBuf>,
    /// The generator (default: the embedded SmolLM2-135M-Instruct).
    #[serde(default)]
    pub generator: GeneratorConfig,
    /// The embedder (default: the embedded multilingual-e5-small).
    #[serde(default)]
    pub embedder: EmbedderConfig,
}

/// `[models.generator]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "backend", rename_all = "lowercase", deny_unknown_fields)]
pub enum GeneratorConfig {
    /// A GGUF file run in process.
    Gguf {
        /// The file (default: the cached default model).
        #[serde(default)]
        path: Option<PathBuf>,
        /// Name clients use (default: the file stem).
        #[serde(default)]
        name: Option<String>,
        /// Context window in tokens.
        #[serde(default)]
        context_length: Option<u32>,
        /// Threads (default: all cores).
        #[serde(default)]
        threads: Option<usize>,
        /// Licence to record.
        #[serde(default)]
        licence: Option<String>,
    },
    /// An OpenAI-compatible server.
    Openai(OpenAiConfig),
    /// No model: quote retrieved passages only.
    Extractive,
}

impl Default for GeneratorConfig {
    fn default() -> Self {
        GeneratorConfig::Gguf { path: None, name: None, context_length: None, threads: None, licence: None }
    }
}

/// `[models.embedder]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "backend", rename_all = "lowercase", deny_unknown_fields)]
pub enum EmbedderConfig {
    /// A BERT sentence model in process: multilingual-e5-small (the packed E5S1 file), or a
    /// Hugging Face directory such as all-MiniLM-L6-v2's.
    Bert {
        /// Directory with `e5-small-q4.bin`, or with model.safetensors, tokenizer.json,
        /// config.json and pooling_config.json (default: the cached default model).
        #[serde(default)]
        dir: Option<PathBuf>,
        /// Put before every question embedded for search (default: the model's own, `"query: "`
        /// for E5 models, none for others). `""` turns it off.
        #[serde(default)]
        query_prefix: Option<String>,
        /// Put before every passage embedded (default: the model's own, `"passage: "` for E5).
        #[serde(default)]
        passage_prefix: Option<String>,
    },
    /// An OpenAI-compatible server's `/embeddings`.
    Openai(OpenAiConfig),
}

impl Default for EmbedderConfig {
    fn default() -> Self {
        EmbedderConfig::Bert { dir: None, query_prefix: None, passage_prefix: None }
    }
}

impl ModelsConfig {
    /// The model cache these settings use.
    pub fn cache(&self, data_dir: &std::path::Path) -> ModelCache {
        ModelCache::new(self.cache_dir.clone().unwrap_or_else(|| data_dir.join("models")))
    }

    /// Loads the configured generator. Embedded models must be in the cache already
    /// (`waarborg models fetch-default`); nothing is downloaded here.
    pub fn build_generator(&self, cache: &ModelCache) -> Result<Arc<dyn Generator>> {
        match &self.generator {
            GeneratorConfig::Gguf { path, name, context_length, threads, licence } => {
                #[cfg(feature = "gguf")]
                {
                    use crate::cache::DEFAULT_GENERATOR;
                    let is_default = path.is_none();
                    let file = path.clone().unwrap_or_else(|| cache.default_gguf());
                    let opts = crate::gguf::GgufOptions {
                        name: name.clone().or_else(|| is_default.then(|| DEFAULT_GENERATOR.name.to_owned())),
                        context_length: *context_length,
                        threads: *threads,
                        licence: licence.clone().or_else(|| is_default.then(|| DEFAULT_GENERATOR.licence.to_owned())),
                        source: is_default.then(|| DEFAULT_GENERATOR.package.to_owned()),
                        sha256: None,
                    };
                    Ok(Arc::new(crate::gguf::GgufGenerator::load(&file, opts)?))
                }
                #[cfg(not(feature = "gguf"))]
                {
                    let _ = (path, name, context_length, threads, licence, cache);
                    Err(crate::ModelError::Invalid(
                        "this build has no embedded GGUF engine (feature `gguf`); use backend = \"openai\" or \"extractive\"".into(),
                    ))
                }
            }
            GeneratorConfig::Openai(c) => Ok(Arc::new(c.build()?.generator())),
            GeneratorConfig::Extractive => Ok(Arc::new(crate::extractive::Extractive::new())),
        }
    }

    /// Loads the configured embedder.
    pub fn build_embedder(&self, cache: &ModelCache) -> Result<Arc<dyn Embedder>> {
        match &self.embedder {
            EmbedderConfig::Bert { dir, query_prefix, passage_prefix } => {
                #[cfg(feature = "bert")]
                {
                    let dir = dir.clone().unwrap_or_else(|| cache.default_embedder_dir());
                    let options = crate::bert::BertOptions {
                        query_prefix: query_prefix.clone(),
                        passage_prefix: passage_prefix.clone(),
                        ..Default::default()
                    };
                    Ok(Arc::new(crate::bert::BertEmbedder::load_with(&dir, options)?))
                }
                #[cfg(not(feature = "bert"))]
                {
                    let _ = (dir, query_prefix, passage_prefix, cache);
                    Err(crate::ModelError::Invalid(
                        "this build has no embedded embedder (feature `bert`); use backend = \"openai\"".into(),
                    ))
                }
            }
            EmbedderConfig::Openai(c) => Ok(Arc::new(c.build()?.embedder())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_embedded_models_and_blocks_parse() {
        let c: ModelsConfig = toml_like("{}");
        assert!(matches!(c.generator, GeneratorConfig::Gguf { path: None, .. }));
        assert!(matches!(c.embedder, EmbedderConfig::Bert { dir: None, query_prefix: None, passage_prefix: None }));
        let c: ModelsConfig = toml_like(r#"{"embedder": {"backend": "bert", "query_prefix": ""}}"#);
        assert!(matches!(c.embedder, EmbedderConfig::Bert { query_prefix: Some(ref p), .. } if p.is_empty()));
        let c: ModelsConfig = toml_like(
            r#"{"generator": {"backend": "openai", "base_url": "http://127.0.0.1:8000/v1", "model": "m"},
                "embedder": {"backend": "openai", "base_url": "http://127.0.0.1:8000/v1", "model": "e"}}"#,
        );
        assert!(matches!(c.generator, GeneratorConfig::Openai(_)));
        let c: ModelsConfig = toml_like(r#"{"generator": {"backend": "extractive"}}"#);
        let g = c.build_generator(&ModelCache::new("/nonexistent")).unwrap();
        assert_eq!(g.info().backend, "extractive");
        let bad = serde_json::from_str::<ModelsConfig>(r#"{"generator": {"backend": "gpt"}}"#);
        assert!(bad.is_err());
    }

    #[test]
    fn a_missing_embedded_model_says_how_to_fetch_it() {
        let c = ModelsConfig::default();
        let dir = tempfile::tempdir().unwrap();
        if let Err(e) = c.build_generator(&ModelCache::new(dir.path())) {
            let m = e.to_string();
            assert!(m.contains("fetch-default") || m.contains("feature"), "{m}");
        } else {
            panic!("an empty cache cannot give a generator");
        }
    }

    fn toml_like(json: &str) -> ModelsConfig {
        serde_json::from_str(json).unwrap()
    }
}
