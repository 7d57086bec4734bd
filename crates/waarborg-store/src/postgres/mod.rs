//! PostgreSQL, for organisations that run several gateway instances on one database.
//!
//! Domain queries use a small connection pool; the audit writer owns one connection of its own
//! and commits queued events in batches, inserting each batch with one `UNNEST` statement. Every
//! batch transaction first takes a transaction-scoped advisory lock, so writers in different
//! processes append to one chain one batch at a time. Migrations take another advisory lock, so
//! two instances starting together do not both migrate.
//!
//! Connections are plain TCP (`NoTls`): run the database on loopback or a private network, or
//! put TLS in front; TLS support is a planned extension.

mod audit;
mod migrate;
mod queries;

use crate::audit::AuditKey;
use crate::config::AuditSync;
use crate::error::{Result, StoreError};
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use std::str::FromStr;
use tokio_postgres::error::SqlState;
use tokio_postgres::NoTls;

pub use migrate::MIGRATIONS;

/// PostgreSQL-backed [`crate::Store`].
pub struct PgStore {
    pool: Pool,
    writer: audit::WriterHandle,
    key: AuditKey,
    schema_version: i64,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore").finish_non_exhaustive()
    }
}

fn parse_url(url: &str) -> Result<tokio_postgres::Config> {
    // The URL may hold a password: do not repeat it in the message.
    tokio_postgres::Config::from_str(url)
        .map_err(|e| StoreError::Invalid(format!("the PostgreSQL url is not valid: {}", first_line(&e.to_string()))))
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
}

impl PgStore {
    /// Connects, migrates, and starts the audit writer.
    pub async fn connect(url: &str, key: AuditKey) -> Result<Self> {
        Self::open(parse_url(url)?, key, None, AuditSync::Commit).await
    }

    /// Like [`PgStore::connect`], with the audit trail's durability chosen.
    pub async fn connect_with(url: &str, key: AuditKey, sync: AuditSync) -> Result<Self> {
        Self::open(parse_url(url)?, key, None, sync).await
    }

    /// Connects with every connection's `search_path` set to `schema`, creating the schema if
    /// needed (tests isolate themselves this way; so can tenants sharing one database).
    #[doc(hidden)]
    pub async fn connect_in_schema(url: &str, schema: &str, key: AuditKey, version: Option<i64>) -> Result<Self> {
        Self::connect_in_schema_with(url, schema, key, version, AuditSync::Commit).await
    }

    /// Like [`PgStore::connect_in_schema`], with the audit trail's durability chosen.
    #[doc(hidden)]
    pub async fn connect_in_schema_with(
        url: &str,
        schema: &str,
        key: AuditKey,
        version: Option<i64>,
        sync: AuditSync,
    ) -> Result<Self> {
        if !schema.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') || schema.is_empty() {
            return Err(StoreError::Invalid("a schema name must be lower-case letters, digits and '_'".into()));
        }
        let mut cfg = parse_url(url)?;
        {
            let (client, conn) = cfg.connect(NoTls).await?;
            let task = tokio::spawn(conn);
            // A name of [a-z0-9_] checked above; identifiers cannot be bound as parameters.
            client.batch_execute(&["CREATE SCHEMA IF NOT EXISTS ", schema].concat()).await?;
            drop(client);
            let _ = task.await;
        }
        cfg.options(["-c search_path=", schema].concat());
        Self::open(cfg, key, version, sync).await
    }

    async fn open(cfg: tokio_postgres::Config, key: AuditKey, version: Option<i64>, sync: AuditSync) -> Result<Self> {
        let mgr = Manager::from_config(cfg.clone(), NoTls, ManagerConfig { recycling_method: RecyclingMethod::Fast });
        let pool = Pool::builder(mgr).max_size(16).build().map_err(|e| StoreError::Pool(e.to_string()))?;
        let schema_version = {
            let mut client = pool.get().await?;
            migrate::migrate(&mut client, version).await?
        };
        let writer = audit::WriterHandle::spawn(cfg, sync).await?;
        Ok(PgStore { pool, writer, key, schema_version })
    }

    async fn client(&self) -> Result<deadpool_postgres::Object> {
        Ok(self.pool.get().await?)
    }
}

impl crate::Store for PgStore {
    fn backend_name(&self) -> &'static str {
        "postgres"
    }
    fn schema_version(&self) -> i64 {
        self.schema_version
    }
}

/// Maps a constraint violation to a typed error.
pub(crate) fn constraint(e: tokio_postgres::Error, entity: &'static str, key: &str) -> StoreError {
    match e.code() {
        Some(c) if *c == SqlState::UNIQUE_VIOLATION => StoreError::AlreadyExists { entity, key: key.to_owned() },
        Some(c) if *c == SqlState::FOREIGN_KEY_VIOLATION => {
            StoreError::Invalid(format!("{entity} '{key}' refers to something that does not exist"))
        }
        _ => StoreError::Postgres(e),
    }
}
