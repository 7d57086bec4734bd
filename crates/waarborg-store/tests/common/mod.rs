//! Test harness: the same tests run against SQLite (a temp file) and PostgreSQL (a fresh schema
//! in the server at `WAARBORG_TEST_DATABASE_URL`, default `postgres://postgres@127.0.0.1:5432/test`).
//! A PostgreSQL that cannot be reached fails the test: it is never skipped.

#![allow(dead_code, missing_docs, clippy::unwrap_used)]

use std::sync::Arc;
use waarborg_store::postgres::PgStore;
use waarborg_store::sqlite::SqliteStore;
use waarborg_store::{AuditKey, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sqlite,
    Postgres,
}

pub struct Harness {
    pub kind: Kind,
    pub store: Arc<dyn Store>,
    pub dir: tempfile::TempDir,
    pub schema: String,
}

pub fn pg_url() -> String {
    std::env::var("WAARBORG_TEST_DATABASE_URL")
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

pub fn key() -> AuditKey {
    AuditKey::from_bytes([42; 32])
}

fn unique_schema() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    format!("wbt_{}_{}_{}", std::process::id(), nanos, N.fetch_add(1, Ordering::Relaxed))
}

impl Harness {
    pub async fn new(kind: Kind) -> Self {
        Self::at_version(kind, None).await
    }

    pub async fn at_version(kind: Kind, version: Option<i64>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let schema = unique_schema();
        let store = open(kind, &dir, &schema, version).await.unwrap();
        Harness { kind, store, dir, schema }
    }

    /// Opens the same database again (another process would see the same).
    pub async fn reopen(&self, version: Option<i64>) -> waarborg_store::Result<Arc<dyn Store>> {
        open(self.kind, &self.dir, &self.schema, version).await
    }

    /// Runs raw SQL on the database, bypassing the store (to tamper with it).
    pub async fn raw(&self, sql: &str) {
        match self.kind {
            Kind::Sqlite => {
                let c = rusqlite::Connection::open(self.db_path()).unwrap();
                c.busy_timeout(std::time::Duration::from_secs(10)).unwrap();
                c.execute_batch(sql).unwrap();
            }
            Kind::Postgres => {
                let client = pg_client(&self.schema).await;
                client.batch_execute(sql).await.unwrap();
            }
        }
    }

    pub fn db_path(&self) -> std::path::PathBuf {
        self.dir.path().join("waarborg.db")
    }

    pub async fn cleanup(self) {
        if self.kind == Kind::Postgres {
            let client = pg_client("public").await;
            let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema)).await;
        }
    }
}

pub async fn open(
    kind: Kind,
    dir: &tempfile::TempDir,
    schema: &str,
    version: Option<i64>,
) -> waarborg_store::Result<Arc<dyn Store>> {
    Ok(match kind {
        Kind::Sqlite => Arc::new(SqliteStore::open_at_version(&dir.path().join("waarborg.db"), key(), version).await?),
        Kind::Postgres => {
            let url = pg_url();
            match PgStore::connect_in_schema(&url, schema, key(), version).await {
                Ok(s) => Arc::new(s),
                Err(waarborg_store::StoreError::Postgres(e)) if e.as_db_error().is_none() => panic!(
                    "PostgreSQL is not reachable at {url} ({e}); start it, or run scripts/test, which installs and starts one"
                ),
                Err(e) => return Err(e),
            }
        }
    })
}

pub async fn pg_client(schema: &str) -> tokio_postgres::Client {
    let mut cfg: tokio_postgres::Config = pg_url().parse().unwrap();
    cfg.options(format!("-c search_path={schema}"));
    let (client, conn) = cfg.connect(tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(conn);
    client
}

/// Generates `sqlite::name` and `postgres::name` for each `async fn name(h: &Harness)`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    let h = $crate::common::Harness::new($crate::common::Kind::Sqlite).await;
                    super::$name(&h).await;
                    h.cleanup().await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    let h = $crate::common::Harness::new($crate::common::Kind::Postgres).await;
                    super::$name(&h).await;
                    h.cleanup().await;
                }
            )*
        }
    };
}
