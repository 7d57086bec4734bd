//! Errors. Messages are one line, say what to do, and never include prompt or output text.

use std::path::PathBuf;

/// What went wrong with a model.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// A model file is missing.
    #[error("model file {} not found; run `waarborg models fetch-default` or fix the path in [models]", .0.display())]
    NotFound(PathBuf),
    /// A model file is not what it should be (bad magic, truncated, wrong hash).
    #[error("model file {path} is not usable: {reason}")]
    Corrupt {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// The prompt does not fit the model's context window.
    #[error("the prompt has {tokens} tokens but the model's context holds {context} (including room for {reserved} answer tokens); shorten the conversation or lower max_tokens")]
    PromptTooLong {
        /// Prompt tokens.
        tokens: usize,
        /// Context length.
        context: usize,
        /// Tokens reserved for the answer.
        reserved: usize,
    },
    /// The request is not valid for this backend (e.g. temperature out of range).
    #[error("{0}")]
    Invalid(String),
    /// A model server could not be reached.
    #[error("the model server at {url} is not reachable: {reason}")]
    Unavailable {
        /// Server base URL (without credentials).
        url: String,
        /// Why.
        reason: String,
    },
    /// A model server answered with an error.
    #[error("the model server answered {status}: {message}")]
    Server {
        /// HTTP status.
        status: u16,
        /// Its message (first line).
        message: String,
    },
    /// A model server took too long.
    #[error("the model server did not answer within {0:?}")]
    Timeout(std::time::Duration),
    /// The inference engine failed.
    #[error("the inference engine failed: {0}")]
    Engine(String),
    /// Downloading or unpacking a model failed.
    #[error("fetching models failed: {0}")]
    Fetch(String),
    /// File system.
    #[error("{context}: {source}")]
    Io {
        /// What we were doing.
        context: String,
        /// The cause.
        source: std::io::Error,
    },
}

/// Result with [`ModelError`].
pub type Result<T, E = ModelError> = std::result::Result<T, E>;
