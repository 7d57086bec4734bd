//! `waarborg-store`: everything a supervisor, a privacy officer or a citizen may ask about,
//! recorded once and durably — the application register, API keys, people and roles, models and
//! their versions, datasets with their lineage, the audit hash chain, incidents, rights
//! requests, and the review queue with hand-overs to a person.
//!
//! # Shape
//! One [`Store`] made of small query traits, one per domain ([`AppStore`], [`KeyStore`],
//! [`UserStore`], [`ModelStore`], [`DatasetStore`], [`AuditStore`], [`IncidentStore`],
//! [`RightsStore`], [`ReviewStore`]). Each backend implements every trait with its own SQL and
//! its own migrations: [`sqlite`] is the embedded default (one WAL file under the data dir) and
//! [`postgres`] serves organisations that run several gateway instances. Nothing here builds SQL
//! with `format!`, and no SQL string is shared between the two.
//!
//! The logic that is the same for both — validation of what a user declares, key and password
//! hashing, the audit chain's hash, verifying it, sealing audit content, what a review decision
//! writes — lives beside the traits, so a backend only stores and fetches.
//!
//! # History
//! Records are versioned or append-only: an application change writes a new version (the old
//! ones stay readable), role grants and revocations are kept with who and when, audit events are
//! never updated except to drop expired content, which keeps their hash, and a review or a
//! hand-over is decided once and then stays as decided.

pub mod admin;
pub mod audit;
mod config;
mod domain;
mod error;
pub mod postgres;
mod secret;
pub mod sqlite;
mod time;

pub use audit::{AuditContent, AuditEvent, AuditKey, AuditKind, AuditReceipt, AuditStore, ChainBreak, NewAuditEvent, PurgeSummary, VerifyReport};
pub use config::{AuditSync, BackendSettings, StoreConfig, StoreSettings, AUDIT_FLUSH_INTERVAL};
pub use domain::*;
pub use error::{Result, StoreError};
pub use secret::{hash_api_key, hash_password, verify_password, ApiKeySecret};
pub use time::Timestamp;

use std::sync::Arc;

/// The whole store: every domain's query trait, for one backend.
pub trait Store:
    AppStore
    + KeyStore
    + UserStore
    + ModelStore
    + DatasetStore
    + AuditStore
    + IncidentStore
    + RightsStore
    + ReviewStore
    + Send
    + Sync
{
    /// Which backend this is (`sqlite` or `postgres`), for messages.
    fn backend_name(&self) -> &'static str;

    /// The schema version the database is at after opening (migrations have run).
    fn schema_version(&self) -> i64;
}

/// Opens (and migrates) the store the settings describe.
pub async fn open(settings: &StoreSettings) -> Result<Arc<dyn Store>> {
    match &settings.backend {
        BackendSettings::Sqlite { path } => {
            Ok(Arc::new(sqlite::SqliteStore::open_with(path, settings.audit_key.clone(), settings.audit_sync).await?))
        }
        BackendSettings::Postgres { url } => {
            Ok(Arc::new(postgres::PgStore::connect_with(url, settings.audit_key.clone(), settings.audit_sync).await?))
        }
    }
}
