//! OpenAI-compatible model servers (vLLM, llama.cpp server, Ollama, TGI).
//!
//! An organisation that already runs a model server on its own hardware points Waarborg at it
//! instead of the embedded model. This module speaks the part of the OpenAI HTTP API those servers
//! share:
//!
//! - `POST {base_url}/chat/completions`, as one JSON answer or as server-sent events
//!   (`data: {json}\n\n` … `data: [DONE]`) when the caller wants the text as it is generated;
//! - `POST {base_url}/embeddings`, a batch of texts in, one vector per text out;
//! - `GET {base_url}/models` as a health check.
//!
//! Shape: [`OpenAiConfig`] is the raw serde table from the configuration file; its
//! [`build`](OpenAiConfig::build) validates it (no I/O) into an [`OpenAiBackend`], which hands out
//! an [`OpenAiGenerator`] and an [`OpenAiEmbedder`] sharing one connection pool.
//!
//! Failures: a server that cannot be reached is [`ModelError::Unavailable`], an error answer is
//! [`ModelError::Server`] with the first line of the server's message, a slow one is
//! [`ModelError::Timeout`]. Connect errors, `429` and `5xx` are retried a bounded number of times
//! with exponential backoff and jitter (a short `Retry-After` is honoured); other `4xx` never are,
//! and nothing is retried once an answer has begun, so a streamed piece is never sent twice.
//! Errors never contain prompt or answer text, the API key, or credentials from the URL.
//!
//! ```
//! use waarborg_models::openai::OpenAiConfig;
//!
//! let config: OpenAiConfig = serde_json::from_str(
//!     r#"{"base_url": "http://127.0.0.1:8000/v1", "model": "mistral-7b-instruct", "licence": "Apache-2.0"}"#,
//! )
//! .expect("valid config");
//! let backend = config.build().expect("valid settings");
//! let generator = backend.generator(); // implements `Generator`
//! # let _ = generator;
//! ```

use crate::error::{ModelError, Result};
use crate::types::{ChatMessage, Completion, Embedder, FinishReason, GenerateRequest, Generator, ModelInfo};
use reqwest::header::{HeaderValue, AUTHORIZATION, RETRY_AFTER};
use reqwest::{Method, StatusCode, Url};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::Instant;

/// The `[models.*]` table for an OpenAI-compatible server, as written in the configuration file.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenAiConfig {
    /// The server's API root, including `/v1`, e.g. `http://127.0.0.1:8000/v1`.
    pub base_url: String,
    /// The model name the server knows (`model` in each request), e.g. `mistral-7b-instruct`.
    pub model: String,
    /// API key sent as `Authorization: Bearer …`. Prefer `api_key_env` so the key stays out of
    /// configuration files. Never serialised, so printing a configuration cannot leak it.
    #[serde(default, skip_serializing)]
    pub api_key: Option<String>,
    /// Name of an environment variable that holds the API key (read by `build`).
    #[serde(default)]
    pub api_key_env: Option<String>,
    /// Seconds to wait for an answer (for streams: for the first byte and between pieces).
    #[serde(default = "default_timeout_secs")]
    pub timeout_secs: u64,
    /// Seconds to wait for a TCP (and TLS) connection.
    #[serde(default = "default_connect_timeout_secs")]
    pub connect_timeout_secs: u64,
    /// How often to retry after a connect error, `429` or `5xx` (0 = never).
    #[serde(default = "default_max_retries")]
    pub max_retries: u32,
    /// The model's context length in tokens, as recorded in the model register.
    #[serde(default)]
    pub context_length: Option<u32>,
    /// The model weights' licence (SPDX id), as recorded in the model register.
    #[serde(default = "default_licence")]
    pub licence: String,
    /// Embedding vector length, when this server is used as embedder. When omitted, it is
    /// learned from the first answer.
    #[serde(default)]
    pub dimensions: Option<usize>,
}

/// 60 seconds.
fn default_timeout_secs() -> u64 {
    60
}

/// 5 seconds.
fn default_connect_timeout_secs() -> u64 {
    5
}

/// Two retries.
fn default_max_retries() -> u32 {
    2
}

/// SPDX's word for "nobody said".
fn default_licence() -> String {
    "NOASSERTION".into()
}

/// At most this many retries may be configured.
const MAX_RETRIES_LIMIT: u32 = 10;
/// First backoff delay; doubles with each retry.
const BACKOFF_BASE: Duration = Duration::from_millis(250);
/// Longest backoff delay.
const BACKOFF_CAP: Duration = Duration::from_secs(8);
/// A `Retry-After` longer than this is not waited for: the error is returned instead.
const RETRY_AFTER_MAX: Duration = Duration::from_secs(10);
/// Texts per embeddings request.
const EMBED_BATCH: usize = 128;
/// Largest success body read (embeddings of a full batch fit easily).
const MAX_BODY: usize = 64 << 20;
/// Largest error body read.
const MAX_ERROR_BODY: usize = 64 << 10;
/// Longest server message kept in an error.
const MAX_MESSAGE_CHARS: usize = 300;
/// Largest single server-sent event.
const MAX_EVENT: usize = 4 << 20;

impl fmt::Debug for OpenAiConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OpenAiConfig")
            .field("base_url", &redact_str(&self.base_url))
            .field("model", &self.model)
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field("api_key_env", &self.api_key_env)
            .field("timeout_secs", &self.timeout_secs)
            .field("connect_timeout_secs", &self.connect_timeout_secs)
            .field("max_retries", &self.max_retries)
            .field("context_length", &self.context_length)
            .field("licence", &self.licence)
            .field("dimensions", &self.dimensions)
            .finish()
    }
}

impl OpenAiConfig {
    /// A configuration with every default, for `base_url` and `model`.
    pub fn new(base_url: impl Into<String>, model: impl Into<String>) -> Self {
        OpenAiConfig {
            base_url: base_url.into(),
            model: model.into(),
            api_key: None,
            api_key_env: None,
            timeout_secs: default_timeout_secs(),
            connect_timeout_secs: default_connect_timeout_secs(),
            max_retries: default_max_retries(),
            context_length: None,
            licence: default_licence(),
            dimensions: None,
        }
    }

    /// Validates the settings and builds the backend. Does no network I/O (it reads the
    /// environment variable named by `api_key_env`). Each error is one line saying what to fix.
    pub fn build(&self) -> Result<OpenAiBackend> {
        use ModelError::Invalid;
        let example = "use e.g. http://127.0.0.1:8000/v1";
        let url = Url::parse(self.base_url.trim())
            .map_err(|e| Invalid(format!("`base_url` is not a valid URL ({e}); {example}")))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Invalid(format!("`base_url` must start with http:// or https://, not {}:; {example}", url.scheme())));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(Invalid(format!("`base_url` has no host; {example}")));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(Invalid(format!(
                "`base_url` must not have a query (?…) or fragment (#…); put the API key in `api_key_env`; {example}"
            )));
        }
        let base = url.as_str().trim_end_matches('/').to_string();
        let display_url = redact_url(&url);

        if self.model.trim().is_empty() {
            return Err(Invalid("`model` must name the model the server serves (see GET /v1/models)".into()));
        }
        if self.timeout_secs == 0 {
            return Err(Invalid("`timeout_secs` must be at least 1; omit it to use the default of 60".into()));
        }
        if self.connect_timeout_secs == 0 {
            return Err(Invalid("`connect_timeout_secs` must be at least 1; omit it to use the default of 5".into()));
        }
        if self.max_retries > MAX_RETRIES_LIMIT {
            return Err(Invalid(format!(
                "`max_retries` must be at most {MAX_RETRIES_LIMIT}; omit it to use the default of 2"
            )));
        }
        if self.context_length == Some(0) {
            return Err(Invalid("`context_length` must be at least 1; omit it when unknown".into()));
        }
        if self.dimensions == Some(0) {
            return Err(Invalid("`dimensions` must be at least 1; omit it to learn it from the server".into()));
        }
        if self.licence.trim().is_empty() {
            return Err(Invalid("`licence` must not be empty; use an SPDX id, or omit it to record NOASSERTION".into()));
        }

        let key = match (&self.api_key, &self.api_key_env) {
            (Some(_), Some(_)) => {
                return Err(Invalid("set either `api_key` or `api_key_env`, not both".into()));
            }
            (Some(key), None) => Some(key.clone()),
            (None, Some(var)) => match std::env::var(var) {
                Ok(key) if !key.trim().is_empty() => Some(key),
                _ => {
                    return Err(Invalid(format!(
                        "environment variable {var} (named by `api_key_env`) is not set; export it or remove `api_key_env`"
                    )));
                }
            },
            (None, None) => None,
        };
        let auth = match key {
            None => None,
            Some(key) => {
                let key = key.trim();
                if key.is_empty() {
                    return Err(Invalid("`api_key` is empty; remove it or set the key".into()));
                }
                let mut value = HeaderValue::from_str(&format!("Bearer {key}")).map_err(|_| {
                    Invalid("the API key contains characters not allowed in an HTTP header (e.g. a line break); check it".into())
                })?;
                value.set_sensitive(true);
                Some(value)
            }
        };

        let timeout = Duration::from_secs(self.timeout_secs);
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(self.connect_timeout_secs))
            .build()
            .map_err(|e| Invalid(format!("could not set up the HTTP client: {}", error_chain(&e))))?;

        let info = ModelInfo {
            name: self.model.clone(),
            backend: "openai".into(),
            source: display_url.clone(),
            licence: self.licence.trim().to_string(),
            weights_sha256: None,
            quantisation: None,
            context_length: self.context_length,
            parameters: None,
        };
        Ok(OpenAiBackend {
            inner: Arc::new(Inner {
                client,
                base,
                display_url,
                model: self.model.clone(),
                auth,
                timeout,
                max_retries: self.max_retries,
                info,
                dimensions: self.dimensions,
            }),
        })
    }
}

/// A validated connection to one OpenAI-compatible server; cheap to clone.
#[derive(Clone)]
pub struct OpenAiBackend {
    inner: Arc<Inner>,
}

struct Inner {
    client: reqwest::Client,
    /// Base URL without a trailing slash (may carry credentials: never shown).
    base: String,
    /// Base URL without credentials, for messages.
    display_url: String,
    model: String,
    auth: Option<HeaderValue>,
    timeout: Duration,
    max_retries: u32,
    info: ModelInfo,
    dimensions: Option<usize>,
}

impl fmt::Debug for OpenAiBackend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OpenAiBackend")
            .field("url", &self.inner.display_url)
            .field("model", &self.inner.model)
            .field("api_key", &self.inner.auth.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

impl OpenAiBackend {
    /// The server's base URL with any credentials removed.
    pub fn url(&self) -> &str {
        &self.inner.display_url
    }

    /// The model as the register records it.
    pub fn info(&self) -> &ModelInfo {
        &self.inner.info
    }

    /// A text generator on this server.
    pub fn generator(&self) -> OpenAiGenerator {
        OpenAiGenerator { inner: Arc::clone(&self.inner) }
    }

    /// An embedder on this server.
    pub fn embedder(&self) -> OpenAiEmbedder {
        OpenAiEmbedder {
            inner: Arc::clone(&self.inner),
            learned_dimensions: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// Asks the server which models it serves (`GET {base_url}/models`). Ok with their ids when
    /// the server answers; a clear error when it is down, refuses the key, or is not
    /// OpenAI-compatible.
    pub async fn health(&self) -> Result<Vec<String>> {
        self.inner.health().await
    }
}

/// Text generation on an OpenAI-compatible server (`POST {base_url}/chat/completions`).
#[derive(Clone)]
pub struct OpenAiGenerator {
    inner: Arc<Inner>,
}

impl fmt::Debug for OpenAiGenerator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OpenAiGenerator").field("url", &self.inner.display_url).field("model", &self.inner.model).finish()
    }
}

impl OpenAiGenerator {
    /// See [`OpenAiBackend::health`].
    pub async fn health(&self) -> Result<Vec<String>> {
        self.inner.health().await
    }
}

/// Sentence embeddings on an OpenAI-compatible server (`POST {base_url}/embeddings`).
#[derive(Clone)]
pub struct OpenAiEmbedder {
    inner: Arc<Inner>,
    /// Vector length seen in the last answer (0 = none yet), when not configured.
    learned_dimensions: Arc<AtomicUsize>,
}

impl fmt::Debug for OpenAiEmbedder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OpenAiEmbedder").field("url", &self.inner.display_url).field("model", &self.inner.model).finish()
    }
}

impl OpenAiEmbedder {
    /// See [`OpenAiBackend::health`].
    pub async fn health(&self) -> Result<Vec<String>> {
        self.inner.health().await
    }
}

// ---------------------------------------------------------------------------------------------
// Wire types.

#[derive(Serialize)]
struct ChatBody<'a> {
    model: &'a str,
    messages: &'a [ChatMessage],
    max_tokens: u32,
    temperature: f32,
    top_p: f32,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    stop: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    seed: Option<i64>,
    stream: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    stream_options: Option<StreamOptions>,
}

#[derive(Serialize)]
struct StreamOptions {
    include_usage: bool,
}

#[derive(Deserialize)]
struct ChatResponse {
    choices: Vec<Choice>,
    #[serde(default)]
    usage: Option<Usage>,
}

#[derive(Deserialize)]
struct Choice {
    message: ChoiceMessage,
    #[serde(default)]
    finish_reason: Option<String>,
}

#[derive(Deserialize)]
struct ChoiceMessage {
    #[serde(default)]
    content: Option<String>,
}

#[derive(Deserialize, Clone, Copy)]
struct Usage {
    #[serde(default)]
    prompt_tokens: Option<u32>,
    #[serde(default)]
    completion_tokens: Option<u32>,
}

#[derive(Deserialize)]
struct ChunkResponse {
    #[serde(default)]
    choices: Vec<ChunkChoice>,
    #[serde(default)]
    usage: Option<Usage>,
    #[serde(default)]
    error: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct ChunkChoice {
    #[serde(default)]
    delta: Option<ChoiceMessage>,
    #[serde(default)]
    finish_reason: Option<String>,
}

#[derive(Serialize)]
struct EmbedBody<'a> {
    model: &'a str,
    input: &'a [String],
}

#[derive(Deserialize)]
struct EmbedResponse {
    data: Vec<EmbedItem>,
}

#[derive(Deserialize)]
struct EmbedItem {
    embedding: Vec<f32>,
    #[serde(default)]
    index: Option<usize>,
}

#[derive(Deserialize)]
struct ModelList {
    data: Vec<ModelEntry>,
}

#[derive(Deserialize)]
struct ModelEntry {
    id: String,
}

// ---------------------------------------------------------------------------------------------
// Generation.

#[async_trait::async_trait]
impl Generator for OpenAiGenerator {
    fn info(&self) -> &ModelInfo {
        &self.inner.info
    }

    async fn generate(&self, request: GenerateRequest, stream: Option<mpsc::Sender<String>>) -> Result<Completion> {
        request.validate()?;
        let inner = &self.inner;
        let body = ChatBody {
            model: &inner.model,
            messages: &request.messages,
            max_tokens: request.max_tokens,
            temperature: request.temperature,
            top_p: request.top_p,
            stop: &request.stop,
            // Servers take a signed 64-bit seed; keep it in range, deterministically.
            seed: request.seed.map(|s| (s & i64::MAX as u64) as i64),
            stream: stream.is_some(),
            stream_options: stream.is_some().then_some(StreamOptions { include_usage: true }),
        };
        let body = serde_json::to_vec(&body).map_err(|e| ModelError::Invalid(format!("could not encode the request: {e}")))?;
        let prompt_estimate = estimate_prompt_tokens(&request.messages);
        match stream {
            None => {
                let (response, deadline) = inner.send(Method::POST, "/chat/completions", Some(body)).await?;
                inner.read_completion(response, deadline, prompt_estimate).await
            }
            Some(tx) => {
                let (response, deadline) = inner.send(Method::POST, "/chat/completions", Some(body)).await?;
                let is_json = response
                    .headers()
                    .get(reqwest::header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(|v| v.trim_start().starts_with("application/json"));
                if is_json {
                    // A server that ignores `stream: true` answers in one piece; forward it as one.
                    let completion = inner.read_completion(response, deadline, prompt_estimate).await?;
                    if !completion.text.is_empty() {
                        // A dropped receiver has nothing left to cancel.
                        let _ = tx.send(completion.text.clone()).await;
                    }
                    return Ok(completion);
                }
                inner.read_stream(response, tx, prompt_estimate).await
            }
        }
    }
}

impl Inner {
    /// Reads a non-streamed chat completion.
    async fn read_completion(&self, response: reqwest::Response, deadline: Instant, prompt_estimate: u32) -> Result<Completion> {
        let status = response.status();
        let bytes = self.read_body(response, deadline).await?;
        let answer: ChatResponse = parse_json(&bytes, status, "a chat completion (choices[0].message)")?;
        let Some(choice) = answer.choices.into_iter().next() else {
            return Err(shape_error(status, "a chat completion has no choices"));
        };
        let text = choice.message.content.unwrap_or_default();
        let usage = answer.usage;
        Ok(Completion {
            finish_reason: finish_reason(choice.finish_reason.as_deref()),
            prompt_tokens: usage.and_then(|u| u.prompt_tokens).unwrap_or(prompt_estimate),
            completion_tokens: usage.and_then(|u| u.completion_tokens).unwrap_or_else(|| estimate_tokens(&text)),
            text,
        })
    }
}

impl Inner {
    /// Reads an SSE chat stream, forwarding each piece of text; never retried.
    async fn read_stream(&self, mut response: reqwest::Response, tx: mpsc::Sender<String>, prompt_estimate: u32) -> Result<Completion> {
        let status = response.status();
        let mut parser = SseParser::default();
        let mut text = String::new();
        let mut pieces: u32 = 0;
        let mut finish: Option<String> = None;
        let mut usage: Option<Usage> = None;
        let mut done = false;
        let mut cancelled = false;
        'read: while !done {
            let chunk = tokio::select! {
                chunk = tokio::time::timeout(self.timeout, response.chunk()) => chunk,
                () = tx.closed() => { cancelled = true; break 'read; }
            };
            let chunk = match chunk {
                Err(_) => return Err(ModelError::Timeout(self.timeout)),
                Ok(Err(e)) => return Err(self.transfer_error(&e)),
                Ok(Ok(chunk)) => chunk,
            };
            let events = match chunk {
                Some(bytes) => parser.push(&bytes),
                None => {
                    let events = parser.finish();
                    done = true;
                    events
                }
            }
            .map_err(|reason| shape_error(status, &reason))?;
            for data in events {
                if data.trim() == "[DONE]" {
                    done = true;
                    break;
                }
                let chunk: ChunkResponse = parse_json(data.as_bytes(), status, "a chat completion chunk (choices[0].delta)")?;
                if let Some(error) = chunk.error {
                    let (code, message) = error_from_value(&error);
                    return Err(ModelError::Server {
                        status: code.unwrap_or(500),
                        message: message.unwrap_or_else(|| "the stream reported an error without a message".into()),
                    });
                }
                if chunk.usage.is_some() {
                    usage = chunk.usage;
                }
                if let Some(choice) = chunk.choices.into_iter().next() {
                    if let Some(reason) = choice.finish_reason {
                        finish = Some(reason);
                    }
                    let piece = choice.delta.and_then(|d| d.content).unwrap_or_default();
                    if !piece.is_empty() {
                        text.push_str(&piece);
                        pieces += 1;
                        if tx.send(piece).await.is_err() {
                            cancelled = true;
                            break 'read;
                        }
                    }
                }
            }
        }
        drop(response);
        if !cancelled && finish.is_none() && !parser.done_seen {
            // The server went away mid-answer; what was forwarded stays forwarded (no retry).
            return Err(ModelError::Unavailable {
                url: self.display_url.clone(),
                reason: "the connection closed before the answer was complete (no finish_reason, no [DONE])".into(),
            });
        }
        Ok(Completion {
            finish_reason: finish_reason(finish.as_deref()),
            prompt_tokens: usage.and_then(|u| u.prompt_tokens).unwrap_or(prompt_estimate),
            // Without usage, count the pieces: these servers send one token per delta.
            completion_tokens: usage.and_then(|u| u.completion_tokens).unwrap_or(pieces),
            text,
        })
    }
}

/// `length` → [`FinishReason::Length`]; anything else (`stop`, `eos`, a stop sequence, none)
/// → [`FinishReason::Stop`].
fn finish_reason(reason: Option<&str>) -> FinishReason {
    match reason {
        Some("length") => FinishReason::Length,
        _ => FinishReason::Stop,
    }
}

/// Token estimate when the server reports no usage: OpenAI's published rule of thumb of one
/// token per four characters, rounded up.
fn estimate_tokens(text: &str) -> u32 {
    u32::try_from(text.chars().count().div_ceil(4)).unwrap_or(u32::MAX)
}

/// Prompt estimate: [`estimate_tokens`] of each message plus the four tokens of role and framing
/// OpenAI's chat format adds per message.
fn estimate_prompt_tokens(messages: &[ChatMessage]) -> u32 {
    messages.iter().map(|m| estimate_tokens(&m.content).saturating_add(4)).fold(0, u32::saturating_add)
}

// ---------------------------------------------------------------------------------------------
// Embeddings.

#[async_trait::async_trait]
impl Embedder for OpenAiEmbedder {
    fn info(&self) -> &ModelInfo {
        &self.inner.info
    }

    /// The configured `dimensions`, else the length of the last vectors the server returned
    /// (0 until the first call).
    fn dimensions(&self) -> usize {
        self.inner.dimensions.unwrap_or_else(|| self.learned_dimensions.load(Ordering::Relaxed))
    }

    async fn embed(&self, texts: &[String]) -> Result<Vec<Vec<f32>>> {
        let mut out = Vec::with_capacity(texts.len());
        for batch in texts.chunks(EMBED_BATCH) {
            let vectors = self.embed_batch(batch).await?;
            out.extend(vectors);
        }
        Ok(out)
    }
}

impl OpenAiEmbedder {
    async fn embed_batch(&self, batch: &[String]) -> Result<Vec<Vec<f32>>> {
        let inner = &self.inner;
        let body = EmbedBody { model: &inner.model, input: batch };
        let body = serde_json::to_vec(&body).map_err(|e| ModelError::Invalid(format!("could not encode the request: {e}")))?;
        let (response, deadline) = inner.send(Method::POST, "/embeddings", Some(body)).await?;
        let status = response.status();
        let bytes = inner.read_body(response, deadline).await?;
        let answer: EmbedResponse = parse_json(&bytes, status, "an embeddings list (data[].embedding)")?;
        if answer.data.len() != batch.len() {
            return Err(shape_error(
                status,
                &format!("asked for {} embeddings, got {}", batch.len(), answer.data.len()),
            ));
        }
        let mut slots: Vec<Option<Vec<f32>>> = vec![None; batch.len()];
        for (position, item) in answer.data.into_iter().enumerate() {
            let index = item.index.unwrap_or(position);
            match slots.get_mut(index) {
                Some(slot @ None) => *slot = Some(item.embedding),
                Some(Some(_)) => return Err(shape_error(status, &format!("embedding index {index} appears twice"))),
                None => return Err(shape_error(status, &format!("embedding index {index} is out of range"))),
            }
        }
        let vectors: Vec<Vec<f32>> = slots.into_iter().flatten().collect();
        let expected = match inner.dimensions {
            Some(d) => d,
            None => vectors.first().map_or(0, Vec::len),
        };
        if expected == 0 {
            return Err(shape_error(status, "the embeddings are empty"));
        }
        let mut normalised = Vec::with_capacity(vectors.len());
        for mut vector in vectors {
            if vector.len() != expected {
                return Err(shape_error(
                    status,
                    &format!("an embedding has {} dimensions, expected {expected}; check `dimensions` and `model`", vector.len()),
                ));
            }
            if vector.iter().any(|x| !x.is_finite()) {
                return Err(shape_error(status, "an embedding contains NaN or infinity"));
            }
            l2_normalise(&mut vector);
            normalised.push(vector);
        }
        self.learned_dimensions.store(expected, Ordering::Relaxed);
        Ok(normalised)
    }
}

/// Scales `v` to unit length unless it already is (or is all zeros, which stays as it is).
fn l2_normalise(v: &mut [f32]) {
    let norm = v.iter().map(|x| f64::from(*x) * f64::from(*x)).sum::<f64>().sqrt();
    if norm > 0.0 && (norm - 1.0).abs() > 1e-4 {
        for x in v.iter_mut() {
            *x = (f64::from(*x) / norm) as f32;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// HTTP with retries.

impl Inner {
    async fn health(&self) -> Result<Vec<String>> {
        let (response, deadline) = self.send(Method::GET, "/models", None).await?;
        let status = response.status();
        let bytes = self.read_body(response, deadline).await?;
        let list: ModelList = parse_json(&bytes, status, "a model list (data[].id)")?;
        Ok(list.data.into_iter().map(|m| m.id).collect())
    }

    /// Sends a request, retrying connect errors, `429` and `5xx`. Returns a `2xx` response and
    /// the deadline for reading its body.
    async fn send(&self, method: Method, path: &str, body: Option<Vec<u8>>) -> Result<(reqwest::Response, Instant)> {
        let url = format!("{}{}", self.base, path);
        let mut attempt: u32 = 0;
        loop {
            let mut request = self.client.request(method.clone(), &url);
            if let Some(auth) = &self.auth {
                request = request.header(AUTHORIZATION, auth.clone());
            }
            if let Some(body) = &body {
                request = request.header(reqwest::header::CONTENT_TYPE, "application/json").body(body.clone());
            }
            let deadline = Instant::now() + self.timeout;
            let (error, wait) = match tokio::time::timeout_at(deadline, request.send()).await {
                Err(_) => return Err(ModelError::Timeout(self.timeout)),
                Ok(Err(e)) if e.is_connect() => (self.transfer_error(&e), None),
                Ok(Err(e)) if e.is_timeout() => return Err(ModelError::Timeout(self.timeout)),
                Ok(Err(e)) => return Err(self.transfer_error(&e)),
                Ok(Ok(response)) if response.status().is_success() => return Ok((response, deadline)),
                Ok(Ok(response)) => {
                    let status = response.status();
                    let retry_after = retry_after(&response);
                    let error = self.error_response(response, deadline).await;
                    let retryable = status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error();
                    match retry_after {
                        _ if !retryable => return Err(error),
                        Some(wait) if wait > RETRY_AFTER_MAX => return Err(error),
                        wait => (error, wait),
                    }
                }
            };
            if attempt >= self.max_retries {
                return Err(error);
            }
            tokio::time::sleep(wait.unwrap_or_else(|| backoff(attempt))).await;
            attempt += 1;
        }
    }

    /// Reads a whole success body, within the deadline.
    async fn read_body(&self, mut response: reqwest::Response, deadline: Instant) -> Result<Vec<u8>> {
        let status = response.status();
        let mut body = Vec::new();
        loop {
            match tokio::time::timeout_at(deadline, response.chunk()).await {
                Err(_) => return Err(ModelError::Timeout(self.timeout)),
                Ok(Err(e)) => return Err(self.transfer_error(&e)),
                Ok(Ok(None)) => return Ok(body),
                Ok(Ok(Some(bytes))) => {
                    if body.len() + bytes.len() > MAX_BODY {
                        return Err(shape_error(status, &format!("the answer is larger than {} MiB", MAX_BODY >> 20)));
                    }
                    body.extend_from_slice(&bytes);
                }
            }
        }
    }

    /// Turns an error answer into [`ModelError::Server`] with the first line of its message.
    async fn error_response(&self, mut response: reqwest::Response, deadline: Instant) -> ModelError {
        let status = response.status();
        let mut body = Vec::new();
        while body.len() < MAX_ERROR_BODY {
            match tokio::time::timeout_at(deadline, response.chunk()).await {
                Ok(Ok(Some(bytes))) => body.extend_from_slice(&bytes),
                _ => break,
            }
        }
        body.truncate(MAX_ERROR_BODY);
        ModelError::Server { status: status.as_u16(), message: server_message(status, &body) }
    }

    /// A transport error, without the URL (reqwest puts it in its message) or anything sent.
    fn transfer_error(&self, e: &reqwest::Error) -> ModelError {
        if e.is_timeout() {
            return ModelError::Timeout(self.timeout);
        }
        let what = if e.is_connect() { "connection failed" } else { "the connection broke" };
        ModelError::Unavailable { url: self.display_url.clone(), reason: format!("{what}: {}", error_chain(e)) }
    }
}

/// The `Retry-After` header in seconds (HTTP dates are not honoured: the backoff is used).
fn retry_after(response: &reqwest::Response) -> Option<Duration> {
    let value = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

/// Exponential backoff with jitter: a random delay between half and all of
/// `min(BACKOFF_BASE × 2^attempt, BACKOFF_CAP)`.
fn backoff(attempt: u32) -> Duration {
    let full = BACKOFF_BASE.saturating_mul(1u32 << attempt.min(16)).min(BACKOFF_CAP);
    let half = full / 2;
    let millis = u64::try_from(half.as_millis()).unwrap_or(u64::MAX).max(1);
    half + Duration::from_millis(random_u64() % millis)
}

/// A random number from the standard library's per-process hasher keys (no `rand` dependency;
/// jitter needs no cryptographic quality).
fn random_u64() -> u64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()));
    hasher.finish()
}

/// The innermost cause of an error (e.g. `Connection refused (os error 111)`); reqwest's own
/// top-level message contains the URL, which may carry credentials.
fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut deepest: &(dyn std::error::Error + 'static) = e;
    while let Some(source) = deepest.source() {
        deepest = source;
    }
    let message = deepest.to_string();
    if std::ptr::addr_eq(deepest, e) {
        // No cause: reqwest's message is all there is; drop any "(for url …)" part.
        return message.split(" for url").next().unwrap_or("unknown error").to_string();
    }
    message
}

/// The message in an error body: OpenAI's `{"error": {"message"}}`, `{"error": "…"}` (Ollama,
/// TGI), `{"message"}` or `{"detail"}`, else the body as text; first line only, shortened.
fn server_message(status: StatusCode, body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let from_json = serde_json::from_str::<serde_json::Value>(&text).ok().and_then(|value| {
        if let Some(error) = value.get("error") {
            return error_from_value(error).1;
        }
        ["message", "detail"].iter().find_map(|k| value.get(*k).and_then(|v| v.as_str()).map(str::to_string))
    });
    let message = from_json.unwrap_or_else(|| text.into_owned());
    let line = first_line(&message);
    if line.is_empty() {
        status.canonical_reason().unwrap_or("no message").to_string()
    } else {
        line
    }
}

/// `(code, message)` from an `error` value: an object with `message` (and maybe a numeric `code`)
/// or a plain string.
fn error_from_value(error: &serde_json::Value) -> (Option<u16>, Option<String>) {
    let code = error
        .get("code")
        .and_then(serde_json::Value::as_u64)
        .and_then(|c| u16::try_from(c).ok())
        .filter(|c| (400..600).contains(c));
    let message = match error {
        serde_json::Value::String(s) => Some(s.clone()),
        other => other.get("message").and_then(|m| m.as_str()).map(str::to_string),
    };
    (code, message.map(|m| first_line(&m)).filter(|m| !m.is_empty()))
}

/// The first non-empty line, trimmed and cut at [`MAX_MESSAGE_CHARS`] characters.
fn first_line(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    if line.chars().count() > MAX_MESSAGE_CHARS {
        let cut: String = line.chars().take(MAX_MESSAGE_CHARS).collect();
        format!("{cut}…")
    } else {
        line.to_string()
    }
}

/// Parses a JSON answer; the error names the position, never the content.
fn parse_json<T: serde::de::DeserializeOwned>(bytes: &[u8], status: StatusCode, what: &str) -> Result<T> {
    serde_json::from_slice(bytes).map_err(|e| {
        let kind = match e.classify() {
            serde_json::error::Category::Data => "does not have the expected fields",
            serde_json::error::Category::Eof => "is cut off",
            serde_json::error::Category::Syntax | serde_json::error::Category::Io => "is not valid JSON",
        };
        shape_error(
            status,
            &format!("the answer {kind} (line {}, column {}) for {what}", e.line(), e.column()),
        )
    })
}

/// An answer that is not what an OpenAI-compatible server sends.
fn shape_error(status: StatusCode, problem: &str) -> ModelError {
    ModelError::Server {
        status: status.as_u16(),
        message: format!("{problem}; check that `base_url` points at an OpenAI-compatible API (ending in /v1)"),
    }
}

/// A URL as text with user name and password removed.
fn redact_url(url: &Url) -> String {
    let mut url = url.clone();
    // Both fail only for URLs that cannot have credentials.
    let _ = url.set_username("");
    let _ = url.set_password(None);
    url.as_str().trim_end_matches('/').to_string()
}

/// [`redact_url`] for text that may not be a URL.
fn redact_str(url: &str) -> String {
    match Url::parse(url) {
        Ok(parsed) => redact_url(&parsed),
        Err(_) => "<invalid URL>".into(),
    }
}

// ---------------------------------------------------------------------------------------------
// Server-sent events.

/// An incremental parser for `text/event-stream`: feed it bytes as they arrive (split anywhere),
/// get back the `data` of each complete event. Handles `\n`, `\r\n` and `\r` line ends,
/// comments (`: keep-alive`), multi-line data, and ignores `event`, `id` and `retry`.
#[derive(Default)]
struct SseParser {
    /// Bytes of an unfinished line.
    line: Vec<u8>,
    /// Data lines of the event being read.
    data: Option<String>,
    /// The last byte seen was `\r` (a following `\n` belongs to the same line end).
    after_cr: bool,
    /// A `data: [DONE]` event was returned.
    done_seen: bool,
}

impl SseParser {
    fn push(&mut self, bytes: &[u8]) -> std::result::Result<Vec<String>, String> {
        let mut events = Vec::new();
        for &b in bytes {
            if self.after_cr {
                self.after_cr = false;
                if b == b'\n' {
                    continue;
                }
            }
            match b {
                b'\n' | b'\r' => {
                    self.after_cr = b == b'\r';
                    let line = std::mem::take(&mut self.line);
                    if let Some(data) = self.line_done(&line) {
                        events.push(data);
                    }
                }
                _ => {
                    if self.line.len() >= MAX_EVENT {
                        return Err(format!("a stream event is larger than {} MiB", MAX_EVENT >> 20));
                    }
                    self.line.push(b);
                }
            }
        }
        Ok(events)
    }

    /// End of input: an unterminated last line and event still count (lenient).
    fn finish(&mut self) -> std::result::Result<Vec<String>, String> {
        let mut events = Vec::new();
        let line = std::mem::take(&mut self.line);
        if !line.is_empty() {
            if let Some(data) = self.line_done(&line) {
                events.push(data);
            }
        }
        if let Some(data) = self.line_done(b"") {
            events.push(data);
        }
        Ok(events)
    }

    fn line_done(&mut self, line: &[u8]) -> Option<String> {
        if line.is_empty() {
            let data = self.data.take()?;
            if data.trim() == "[DONE]" {
                self.done_seen = true;
            }
            return Some(data);
        }
        if line[0] == b':' {
            return None;
        }
        let line = String::from_utf8_lossy(line);
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (&*line, ""),
        };
        if field == "data" {
            let data = self.data.get_or_insert_with(String::new);
            if !data.is_empty() {
                data.push('\n');
            }
            data.push_str(value);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(parser: &mut SseParser, pieces: &[&[u8]]) -> Vec<String> {
        let mut out = Vec::new();
        for piece in pieces {
            out.extend(parser.push(piece).expect("event fits"));
        }
        out.extend(parser.finish().expect("event fits"));
        out
    }

    #[test]
    fn sse_events_split_anywhere_come_out_whole() {
        let stream = b": keep-alive\r\n\r\ndata: {\"a\":1}\r\n\r\nevent: x\nid: 3\ndata: two\ndata: lines\n\ndata:[DONE]\n\n";
        let whole = feed(&mut SseParser::default(), &[stream]);
        assert_eq!(whole, vec!["{\"a\":1}", "two\nlines", "[DONE]"]);
        for split in 1..stream.len() {
            let (a, b) = stream.split_at(split);
            let mut parser = SseParser::default();
            assert_eq!(feed(&mut parser, &[a, b]), whole, "split at {split}");
            assert!(parser.done_seen);
        }
        let bytewise: Vec<&[u8]> = stream.chunks(1).collect();
        assert_eq!(feed(&mut SseParser::default(), &bytewise), whole);
    }

    #[test]
    fn sse_lone_cr_ends_a_line_and_unterminated_last_event_counts() {
        assert_eq!(feed(&mut SseParser::default(), &[b"data: a\r\rdata: b"]), vec!["a", "b"]);
    }

    #[test]
    fn server_messages_take_the_first_line_of_each_shape() {
        let s = StatusCode::BAD_REQUEST;
        assert_eq!(server_message(s, br#"{"error":{"message":"bad model\nmore","type":"x"}}"#), "bad model");
        assert_eq!(server_message(s, br#"{"error":"Input validation error"}"#), "Input validation error");
        assert_eq!(server_message(s, br#"{"detail":"Not Found"}"#), "Not Found");
        assert_eq!(server_message(s, b"\n  plain text\nsecond"), "plain text");
        assert_eq!(server_message(s, b""), "Bad Request");
        assert!(server_message(s, "x".repeat(1000).as_bytes()).chars().count() <= MAX_MESSAGE_CHARS + 1);
    }

    #[test]
    fn credentials_never_show_in_urls() {
        let url = Url::parse("http://user:secret@example.org:8000/v1/").expect("url");
        assert_eq!(redact_url(&url), "http://example.org:8000/v1");
        let config = OpenAiConfig::new("http://user:secret@example.org/v1", "m");
        let backend = config.build().expect("builds");
        assert!(!backend.url().contains("secret"));
        assert!(!backend.info().source.contains("secret"));
        let mut config = config;
        config.api_key = Some("sk-verysecret".into());
        assert!(!format!("{config:?}").contains("secret"));
        assert!(!format!("{:?}", config.build().expect("builds")).contains("secret"));
    }

    #[test]
    fn backoff_grows_and_stays_bounded() {
        for attempt in 0..20 {
            let d = backoff(attempt);
            let full = BACKOFF_BASE.saturating_mul(1u32 << attempt.min(16)).min(BACKOFF_CAP);
            assert!(d >= full / 2 && d <= full, "attempt {attempt}: {d:?}");
        }
    }

    #[test]
    fn normalising_gives_unit_length_and_leaves_zero_alone() {
        let mut v = vec![3.0, 4.0];
        l2_normalise(&mut v);
        assert!((v[0] - 0.6).abs() < 1e-6 && (v[1] - 0.8).abs() < 1e-6);
        let mut z = vec![0.0, 0.0];
        l2_normalise(&mut z);
        assert_eq!(z, vec![0.0, 0.0]);
    }

    #[test]
    fn token_estimates_round_up() {
        assert_eq!(estimate_tokens(""), 0);
        assert_eq!(estimate_tokens("abcde"), 2);
        assert_eq!(estimate_prompt_tokens(&[ChatMessage::new(crate::ChatRole::User, "abcd")]), 5);
    }
}
