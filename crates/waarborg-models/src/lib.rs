//! `waarborg-models`: the backends that generate text and embeddings, behind one small trait
//! each ([`Generator`], [`Embedder`]), so the gateway and retrieval never care which backend runs.
//!
//! Backends:
//! - embedded GGUF generation in process (the default: SmolLM2-135M-Instruct Q4_1), feature `gguf`;
//! - embedded sentence embeddings (BERT: the default multilingual-e5-small from its packed 4-bit
//!   file, or all-MiniLM-L6-v2 and other Hugging Face BERT directories), feature `bert`;
//! - any OpenAI-compatible server (vLLM, llama.cpp server, Ollama, TGI), always built;
//! - extractive: no model, answers only with passages quoted from the sources given, always built;
//!   also the gateway's fall-back when a model is unavailable.
//!
//! Every backend describes itself with a [`ModelInfo`] that maps onto a model version in the store
//! (weights sha256, quantisation, licence, context length, parameter count, source), so each audit
//! event and provenance record names the exact model version.
//!
//! The model cache ([`cache`]) holds what `waarborg models fetch-default` downloads.

#[cfg(feature = "bert")]
pub mod bert;
pub mod cache;
pub mod config;
mod error;
pub mod extractive;
#[cfg(feature = "gguf")]
pub mod gguf;
pub mod openai;
mod types;

pub use error::{ModelError, Result};
pub use types::*;
