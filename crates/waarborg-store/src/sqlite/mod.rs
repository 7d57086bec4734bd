//! The embedded default: one SQLite file under the data dir, in WAL mode.
//!
//! Two connections: one for the domain queries (behind a mutex, used from
//! `spawn_blocking`), and one owned by the audit writer thread, which takes events from a queue
//! and commits them in batches (`BEGIN IMMEDIATE`, so another process appending to the same file
//! waits for the write lock and then reads the head we left). `synchronous = FULL`: a commit that
//! returned survives a crash of the process and of the machine. With [`AuditSync::Interval`] the
//! audit writer's connection commits with `synchronous = NORMAL` and a flusher thread checkpoints the
//! WAL to disk every [`crate::AUDIT_FLUSH_INTERVAL`] (see there for what that trades).

mod audit;
mod migrate;
mod queries;

use crate::audit::AuditKey;
use crate::config::AuditSync;
use crate::error::{Result, StoreError};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub use migrate::MIGRATIONS;

/// SQLite-backed [`crate::Store`].
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
    writer: audit::WriterHandle,
    key: AuditKey,
    schema_version: i64,
    path: PathBuf,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore").field("path", &self.path).finish()
    }
}

pub(crate) fn connect(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

impl SqliteStore {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub async fn open(path: &Path, key: AuditKey) -> Result<Self> {
        Self::open_inner(path, key, None, AuditSync::Commit).await
    }

    /// Like [`SqliteStore::open`], with the audit trail's durability chosen.
    pub async fn open_with(path: &Path, key: AuditKey, sync: AuditSync) -> Result<Self> {
        Self::open_inner(path, key, None, sync).await
    }

    /// Like [`SqliteStore::open`] but migrates only up to `version` (to test upgrades).
    #[doc(hidden)]
    pub async fn open_at_version(path: &Path, key: AuditKey, version: Option<i64>) -> Result<Self> {
        Self::open_inner(path, key, version, AuditSync::Commit).await
    }

    async fn open_inner(path: &Path, key: AuditKey, version: Option<i64>, sync: AuditSync) -> Result<Self> {
        let path = path.to_path_buf();
        let p = path.clone();
        let (conn, schema_version) = tokio::task::spawn_blocking(move || -> Result<(Connection, i64)> {
            if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .map_err(|source| StoreError::Io { context: format!("cannot create {}", dir.display()), source })?;
            }
            create_private(&p)?;
            let mut conn = connect(&p)?;
            let v = migrate::migrate(&mut conn, version)?;
            Ok((conn, v))
        })
        .await
        .map_err(|e| StoreError::WriterGone(e.to_string()))??;
        let writer = audit::WriterHandle::spawn(connect(&path)?, &path, sync)?;
        Ok(SqliteStore { conn: Arc::new(Mutex::new(conn)), writer, key, schema_version, path })
    }

    /// Runs `f` on the query connection, off the async threads.
    async fn call<T, F>(&self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T> + Send + 'static,
    {
        let conn = Arc::clone(&self.conn);
        tokio::task::spawn_blocking(move || {
            // A panic while holding the connection leaves no half-done transaction behind
            // (rusqlite rolls back on drop), so a poisoned lock is still usable.
            let mut c = conn.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            f(&mut c)
        })
        .await
        .map_err(|e| StoreError::WriterGone(e.to_string()))?
    }
}

impl crate::Store for SqliteStore {
    fn backend_name(&self) -> &'static str {
        "sqlite"
    }
    fn schema_version(&self) -> i64 {
        self.schema_version
    }
}

/// Creates the database file readable by its owner only (SQLite gives the `-wal` and `-shm`
/// files the same mode). An existing file keeps its mode.
fn create_private(path: &Path) -> Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    match opts.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(source) => Err(StoreError::Io { context: format!("cannot create {}", path.display()), source }),
    }
}

/// Maps a constraint violation to a typed error.
pub(crate) fn constraint(e: rusqlite::Error, entity: &'static str, key: &str) -> StoreError {
    if let rusqlite::Error::SqliteFailure(f, _) = &e {
        match f.extended_code {
            rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE | rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY => {
                return StoreError::AlreadyExists { entity, key: key.to_owned() }
            }
            rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY => {
                return StoreError::Invalid(format!("{entity} '{key}' refers to something that does not exist"))
            }
            _ => {}
        }
    }
    StoreError::Sqlite(e)
}
