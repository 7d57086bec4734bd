//! `[retrieval]` in the configuration file: the raw table and the validated settings.
//!
//! ```toml
//! [retrieval]
//! chunk_chars = 700        # most characters per chunk
//! chunk_overlap = 150      # characters of whole sentences repeated between chunks
//! passages = 5             # passages an answer is given
//! min_coverage = 0.4       # below this share of the question's words, "no information"
//! vector_weight = 2.0      # weight of the vector side against BM25's 1.0 in hybrid search
//! backend = "extractive"   # `waarborg ask` backend when --backend is not given
//! ```

use crate::chunk::ChunkOptions;
use crate::error::{RetrievalError, Result};
use serde::Deserialize;

/// Raw `[retrieval]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetrievalConfig {
    /// Most characters per chunk (100-8000; default 700).
    #[serde(default = "default_chunk_chars")]
    pub chunk_chars: usize,
    /// Characters of whole sentences repeated from the previous chunk (less than `chunk_chars`;
    /// default 150).
    #[serde(default = "default_chunk_overlap")]
    pub chunk_overlap: usize,
    /// Passages given to the answering backend (1-20; default 5).
    #[serde(default = "default_passages")]
    pub passages: usize,
    /// A passage counts as relevant when it holds at least this IDF-weighted share of the
    /// question's words (0-1; default 0.4); without one, the answer says nothing was found.
    #[serde(default = "default_min_coverage")]
    pub min_coverage: f32,
    /// Weight of the vector side against BM25's 1.0 in hybrid fusion (0-10; default 2.0, chosen
    /// on the evaluation set with multilingual-e5-small). Hybrid search adds the min-max
    /// normalised BM25 score and this weight times the min-max normalised cosine.
    #[serde(default = "default_vector_weight")]
    pub vector_weight: f32,
    /// Backend of `waarborg ask` when `--backend` is not given: `extractive` (default), `gguf`
    /// or `openai`.
    #[serde(default = "default_backend")]
    pub backend: String,
}

fn default_chunk_chars() -> usize {
    700
}
fn default_chunk_overlap() -> usize {
    150
}
fn default_passages() -> usize {
    5
}
fn default_min_coverage() -> f32 {
    0.4
}
fn default_vector_weight() -> f32 {
    crate::DEFAULT_VECTOR_WEIGHT
}
fn default_backend() -> String {
    "extractive".into()
}

impl Default for RetrievalConfig {
    fn default() -> Self {
        RetrievalConfig {
            chunk_chars: default_chunk_chars(),
            chunk_overlap: default_chunk_overlap(),
            passages: default_passages(),
            min_coverage: default_min_coverage(),
            vector_weight: default_vector_weight(),
            backend: default_backend(),
        }
    }
}

/// Validated settings.
#[derive(Debug, Clone, PartialEq)]
pub struct RetrievalSettings {
    /// Chunk sizes.
    pub chunking: ChunkOptions,
    /// Passages per answer.
    pub passages: usize,
    /// Relevance threshold.
    pub min_coverage: f32,
    /// Weight of the vector ranking in hybrid fusion.
    pub vector_weight: f32,
    /// Default answer backend.
    pub backend: String,
}

impl RetrievalConfig {
    /// Checks the values; the message says what to do.
    pub fn settings(&self) -> Result<RetrievalSettings> {
        let bad = |m: &str| Err(RetrievalError::Invalid(format!("[retrieval] {m}")));
        if !(100..=8000).contains(&self.chunk_chars) {
            return bad("chunk_chars must be between 100 and 8000; omit it to use 700");
        }
        if self.chunk_overlap >= self.chunk_chars {
            return bad("chunk_overlap must be less than chunk_chars; omit it to use 150");
        }
        if !(1..=20).contains(&self.passages) {
            return bad("passages must be between 1 and 20; omit it to use 5");
        }
        if !(0.0..=1.0).contains(&self.min_coverage) {
            return bad("min_coverage must be between 0 and 1; omit it to use 0.4");
        }
        if !(0.0..=10.0).contains(&self.vector_weight) {
            return bad("vector_weight must be between 0 and 10; omit it to use 2.0");
        }
        if !["extractive", "gguf", "openai"].contains(&self.backend.as_str()) {
            return bad("backend must be \"extractive\", \"gguf\" or \"openai\"");
        }
        Ok(RetrievalSettings {
            chunking: ChunkOptions { max_chars: self.chunk_chars, overlap_chars: self.chunk_overlap },
            passages: self.passages,
            min_coverage: self.min_coverage,
            vector_weight: self.vector_weight,
            backend: self.backend.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_validate_and_bad_values_say_what_to_do() {
        assert!(RetrievalConfig::default().settings().is_ok());
        let c = RetrievalConfig { chunk_overlap: 800, ..RetrievalConfig::default() };
        assert!(c.settings().unwrap_err().to_string().contains("less than chunk_chars"));
        let c = RetrievalConfig { backend: "gpt".into(), ..RetrievalConfig::default() };
        assert!(c.settings().is_err());
    }
}
