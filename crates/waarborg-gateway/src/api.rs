//! OpenAI request shapes the gateway reads. Unknown fields are ignored (clients send many);
//! nothing a client sends can switch a guardrail off.

use crate::error::ApiError;
use serde::Deserialize;
use waarborg_models::{ChatMessage, ChatRole};

/// `POST /v1/chat/completions`.
#[derive(Debug, Deserialize)]
pub struct ChatRequest {
    /// Model name.
    pub model: String,
    /// The conversation.
    pub messages: Vec<InMessage>,
    /// SSE streaming.
    #[serde(default)]
    pub stream: Option<bool>,
    /// Streaming options.
    #[serde(default)]
    pub stream_options: Option<StreamOptions>,
    /// Token limit (legacy name).
    #[serde(default)]
    pub max_tokens: Option<u32>,
    /// Token limit.
    #[serde(default)]
    pub max_completion_tokens: Option<u32>,
    /// Sampling temperature.
    #[serde(default)]
    pub temperature: Option<f32>,
    /// Nucleus sampling.
    #[serde(default)]
    pub top_p: Option<f32>,
    /// Stop sequences.
    #[serde(default)]
    pub stop: Option<StringOrList>,
    /// Seed.
    #[serde(default)]
    pub seed: Option<u64>,
    /// Number of choices (only 1 is served).
    #[serde(default)]
    pub n: Option<u32>,
}

/// `stream_options`.
#[derive(Debug, Default, Deserialize)]
pub struct StreamOptions {
    /// Send a last chunk with `usage`.
    #[serde(default)]
    pub include_usage: Option<bool>,
}

/// A string or a list of strings.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum StringOrList {
    /// One.
    One(String),
    /// Several.
    Many(Vec<String>),
}

impl StringOrList {
    /// As a list.
    pub fn into_vec(self) -> Vec<String> {
        match self {
            StringOrList::One(s) => vec![s],
            StringOrList::Many(v) => v,
        }
    }
}

/// A message as a client sends it.
#[derive(Debug, Deserialize)]
pub struct InMessage {
    /// `system`, `developer`, `user`, `assistant`.
    pub role: String,
    /// Text, or a list of content parts.
    #[serde(default)]
    pub content: Option<Content>,
}

/// Message content.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Content {
    /// Plain text.
    Text(String),
    /// Content parts (`{"type": "text", "text": …}`).
    Parts(Vec<serde_json::Value>),
}

impl InMessage {
    /// The message the models crate understands.
    pub fn to_chat(&self) -> Result<ChatMessage, ApiError> {
        let role = match self.role.as_str() {
            "system" | "developer" => ChatRole::System,
            "user" => ChatRole::User,
            "assistant" => ChatRole::Assistant,
            other => {
                return Err(ApiError::invalid(
                    format!("message role '{}' is not supported; use system, developer, user or assistant", other.chars().take(20).collect::<String>()),
                    Some("messages"),
                ))
            }
        };
        let content = match &self.content {
            None => String::new(),
            Some(Content::Text(t)) => t.clone(),
            Some(Content::Parts(parts)) => {
                let mut out = String::new();
                for p in parts {
                    match (p.get("type").and_then(|t| t.as_str()), p.get("text").and_then(|t| t.as_str())) {
                        (Some("text"), Some(t)) => {
                            if !out.is_empty() {
                                out.push('\n');
                            }
                            out.push_str(t);
                        }
                        _ => {
                            return Err(ApiError::invalid(
                                "only text content parts are supported",
                                Some("messages"),
                            ))
                        }
                    }
                }
                out
            }
        };
        Ok(ChatMessage::new(role, content))
    }
}

/// `POST /v1/embeddings`.
#[derive(Debug, Deserialize)]
pub struct EmbeddingsRequest {
    /// Model name.
    pub model: String,
    /// Text or texts.
    pub input: serde_json::Value,
    /// `float` (default) or `base64`.
    #[serde(default)]
    pub encoding_format: Option<String>,
}

/// `POST /v1/moderations`.
#[derive(Debug, Deserialize)]
pub struct ModerationRequest {
    /// Text or texts.
    pub input: serde_json::Value,
}

/// Texts from an `input` field: a string or an array of strings.
pub fn input_texts(v: &serde_json::Value) -> Result<Vec<String>, ApiError> {
    match v {
        serde_json::Value::String(s) => Ok(vec![s.clone()]),
        serde_json::Value::Array(a) if !a.is_empty() => a
            .iter()
            .map(|x| x.as_str().map(str::to_owned).ok_or_else(|| ApiError::invalid("input must be a string or an array of strings (token arrays are not supported)", Some("input"))))
            .collect(),
        _ => Err(ApiError::invalid("input must be a non-empty string or array of strings", Some("input"))),
    }
}

/// `POST /v1/provenance/verify`.
#[derive(Debug, Deserialize)]
pub struct VerifyRequest {
    /// The text as received.
    pub text: String,
    /// The `provenance` object from the response.
    pub provenance: serde_json::Value,
}
