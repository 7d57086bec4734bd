//! The request and response types shared by every backend, and the two traits.

use crate::error::Result;
use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;

/// Who said a chat message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChatRole {
    /// Instructions.
    System,
    /// The person.
    User,
    /// The model.
    Assistant,
}

/// One chat message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatMessage {
    /// Who.
    pub role: ChatRole,
    /// What.
    pub content: String,
}

impl ChatMessage {
    /// A message.
    pub fn new(role: ChatRole, content: impl Into<String>) -> Self {
        ChatMessage { role, content: content.into() }
    }
}

/// A retrieved source passage the answer may quote (extractive backend) or rely on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// File path or URL it came from.
    pub source: String,
    /// Document title.
    pub title: String,
    /// The passage text.
    pub text: String,
    /// Retrieval score (higher is better).
    pub score: f32,
}

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct GenerateRequest {
    /// The conversation so far (the last message is the one to answer).
    pub messages: Vec<ChatMessage>,
    /// Most tokens to generate.
    pub max_tokens: u32,
    /// Sampling temperature, 0 = greedy. 0..=2.
    pub temperature: f32,
    /// Nucleus sampling, 0 < top_p <= 1.
    pub top_p: f32,
    /// Stop sequences: generation ends before any of them (they are not part of the output).
    pub stop: Vec<String>,
    /// Seed: the same seed and request give the same output.
    pub seed: Option<u64>,
    /// Retrieved passages (used by the extractive backend; generative backends get them through
    /// the messages).
    pub passages: Vec<Passage>,
}

impl GenerateRequest {
    /// A request with OpenAI's defaults (temperature 1, top_p 1) and 256 tokens.
    pub fn new(messages: Vec<ChatMessage>) -> Self {
        GenerateRequest {
            messages,
            max_tokens: 256,
            temperature: 1.0,
            top_p: 1.0,
            stop: Vec::new(),
            seed: None,
            passages: Vec::new(),
        }
    }

    /// Checks the sampling parameters; the message says what is allowed.
    pub fn validate(&self) -> Result<()> {
        use crate::ModelError::Invalid;
        if self.messages.is_empty() {
            return Err(Invalid("messages must not be empty".into()));
        }
        if !(0.0..=2.0).contains(&self.temperature) {
            return Err(Invalid(format!("temperature must be between 0 and 2, not {}", self.temperature)));
        }
        if !(self.top_p > 0.0 && self.top_p <= 1.0) {
            return Err(Invalid(format!("top_p must be greater than 0 and at most 1, not {}", self.top_p)));
        }
        if self.max_tokens == 0 {
            return Err(Invalid("max_tokens must be at least 1".into()));
        }
        if self.stop.len() > 4 || self.stop.iter().any(String::is_empty) {
            return Err(Invalid("stop takes at most 4 non-empty sequences".into()));
        }
        Ok(())
    }
}

/// Why generation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FinishReason {
    /// End of turn or a stop sequence.
    Stop,
    /// `max_tokens` reached.
    Length,
}

/// A finished generation.
#[derive(Debug, Clone, PartialEq)]
pub struct Completion {
    /// The generated text.
    pub text: String,
    /// Why it ended.
    pub finish_reason: FinishReason,
    /// Prompt tokens.
    pub prompt_tokens: u32,
    /// Generated tokens.
    pub completion_tokens: u32,
}

/// Which model answered — what the store records as the model version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelInfo {
    /// The name clients use (`model` in the OpenAI API).
    pub name: String,
    /// `gguf`, `bert`, `openai`, `extractive`.
    pub backend: String,
    /// Where it comes from (package, file, server URL).
    pub source: String,
    /// Licence (SPDX id where known).
    pub licence: String,
    /// sha256 of the weights file, when local.
    pub weights_sha256: Option<String>,
    /// Quantisation (e.g. `Q4_1`).
    pub quantisation: Option<String>,
    /// Context length in tokens.
    pub context_length: Option<u32>,
    /// Parameter count.
    pub parameters: Option<u64>,
}

/// Text generation.
#[async_trait::async_trait]
pub trait Generator: Send + Sync {
    /// The model.
    fn info(&self) -> &ModelInfo;

    /// Generates an answer. When `stream` is given, each piece of text is sent as soon as it is
    /// final (a dropped receiver cancels generation); the returned [`Completion`] has it all.
    async fn generate(&self, request: GenerateRequest, stream: Option<mpsc::Sender<String>>) -> Result<Completion>;
}

/// Sentence embeddings.
#[async_trait::async_trait]
pub trait Embedder: Send + Sync {
    /// The model.
    fn info(&self) -> &ModelInfo;

    /// Vector length.
    fn dimensions(&self) -> usize;

    /// One L2-normalised vector per text, in order.
    async fn embed(&self, texts: &[String]) -> Result<Vec<Vec<f32>>>;

    /// The vector of a search query. Asymmetric models (E5: "query: " against "passage: ") embed
    /// queries differently from the passages [`Embedder::embed`] embeds; the default is the same.
    async fn embed_query(&self, query: &str) -> Result<Vec<f32>> {
        Ok(self.embed(&[query.to_owned()]).await?.into_iter().next().unwrap_or_default())
    }
}

/// Cosine similarity of two L2-normalised vectors (their dot product).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
