//! Typed errors. Messages name the entity and its id or name, never personal data from a
//! record's content.

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No record with that id or name.
    #[error("{entity} '{key}' not found")]
    NotFound {
        /// e.g. `application`.
        entity: &'static str,
        /// The id or name that was asked for.
        key: String,
    },
    /// A record with the same unique name already exists.
    #[error("{entity} '{key}' already exists")]
    AlreadyExists {
        /// e.g. `application`.
        entity: &'static str,
        /// The conflicting name.
        key: String,
    },
    /// Somebody else changed the record first; reload and try again.
    #[error("{entity} '{key}' was changed by someone else (expected version {expected}, found {found}); reload it and try again")]
    Conflict {
        /// e.g. `application`.
        entity: &'static str,
        /// Its id.
        key: String,
        /// The version the caller edited.
        expected: i64,
        /// The version in the store.
        found: i64,
    },
    /// What the caller declared is not acceptable; the message says what to do.
    #[error("{0}")]
    Invalid(String),
    /// The database was written by a newer Waarborg.
    #[error("the database is at schema version {found}, newer than this binary knows ({known}); upgrade Waarborg")]
    SchemaTooNew {
        /// Version in the database.
        found: i64,
        /// Newest version this binary has.
        known: i64,
    },
    /// A migration file was changed after it was applied.
    #[error("migration {version} differs from the one applied to this database (checksum mismatch); do not edit applied migrations")]
    MigrationChanged {
        /// The migration's version.
        version: i64,
    },
    /// Sealed audit content could not be opened (wrong key or damaged).
    #[error("audit content of event {seq} cannot be decrypted with this audit key")]
    Decrypt {
        /// The event.
        seq: i64,
    },
    /// The SQLite backend failed.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The PostgreSQL backend failed.
    #[error("postgres: {0}")]
    Postgres(#[from] tokio_postgres::Error),
    /// Could not get a PostgreSQL connection.
    #[error("postgres connection pool: {0}")]
    Pool(String),
    /// A file (database directory, key file) could not be used.
    #[error("{context}: {source}")]
    Io {
        /// What we were doing.
        context: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The audit writer stopped (the process is shutting down or the database failed).
    #[error("the audit writer has stopped: {0}")]
    WriterGone(String),
    /// The audit writer could not commit a batch; nothing of it was acknowledged.
    #[error("audit append failed: {0}")]
    AuditWrite(String),
    /// A stored JSON field could not be read back.
    #[error("stored {what} is not valid: {source}")]
    Corrupt {
        /// Which field.
        what: &'static str,
        /// The cause.
        source: serde_json::Error,
    },
}

/// Result with [`StoreError`].
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    pub(crate) fn not_found(entity: &'static str, key: impl Into<String>) -> Self {
        StoreError::NotFound { entity, key: key.into() }
    }

    /// A record that is decided once (a review, a hand-over) was already decided. Such a record
    /// has two versions: 1 while open, 2 once decided; the caller acted on version 1.
    pub(crate) fn already_decided(entity: &'static str, key: impl Into<String>) -> Self {
        StoreError::Conflict { entity, key: key.into(), expected: 1, found: 2 }
    }
}

impl From<deadpool_postgres::PoolError> for StoreError {
    fn from(e: deadpool_postgres::PoolError) -> Self {
        match e {
            deadpool_postgres::PoolError::Backend(e) => StoreError::Postgres(e),
            other => StoreError::Pool(other.to_string()),
        }
    }
}
