//! Errors. Messages are one line, say what to do, and never quote document text (it may hold
//! personal data): they name the file, the collection or the operation.

use std::path::PathBuf;

/// What went wrong in retrieval.
#[derive(Debug, thiserror::Error)]
pub enum RetrievalError {
    /// A file could not be read or parsed; the rest of an ingest goes on.
    #[error("{}: {reason}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// Why (never its contents).
        reason: String,
    },
    /// A collection name that is not allowed.
    #[error("invalid collection name {0:?}: use 1-64 characters a-z, 0-9, '-' and '_'")]
    InvalidName(String),
    /// The collection does not exist.
    #[error("collection {0:?} does not exist; create it with `waarborg ingest --collection {0} PATH`")]
    NoSuchCollection(String),
    /// The document is not in the collection.
    #[error("collection {collection:?} holds no document with source {source_name:?}")]
    NoSuchDocument {
        /// The collection.
        collection: String,
        /// The source asked for.
        source_name: String,
    },
    /// A request that cannot be served as asked.
    #[error("{0}")]
    Invalid(String),
    /// The metadata store failed.
    #[error("collection {collection:?}: metadata store: {source}")]
    Sqlite {
        /// The collection.
        collection: String,
        /// The cause.
        source: rusqlite::Error,
    },
    /// The keyword index failed.
    #[error("collection {collection:?}: keyword index: {source}")]
    Index {
        /// The collection.
        collection: String,
        /// The cause.
        source: tantivy::TantivyError,
    },
    /// The embedding backend failed.
    #[error("embedding failed: {0}")]
    Embed(#[from] waarborg_models::ModelError),
    /// File system.
    #[error("{context}: {source}")]
    Io {
        /// What we were doing.
        context: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A background task did not finish.
    #[error("a background task failed: {0}")]
    Task(String),
}

/// Result with [`RetrievalError`].
pub type Result<T, E = RetrievalError> = std::result::Result<T, E>;
