//! `[store]` in the configuration file, and the settings the store runs on.

use crate::audit::AuditKey;
use crate::error::{Result, StoreError};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Raw `[store]` table.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreConfig {
    /// `sqlite` (default: one file under the data dir) or `postgres` (needs `url`).
    #[serde(default)]
    pub backend: Option<String>,
    /// PostgreSQL connection URL, e.g. `postgres://waarborg@db.example/waarborg`. The environment
    /// variable `WAARBORG_DATABASE_URL` takes precedence (and alone selects PostgreSQL).
    #[serde(default)]
    pub url: Option<String>,
    /// SQLite database file (default: `DATA_DIR/waarborg.db`).
    #[serde(default)]
    pub sqlite_path: Option<PathBuf>,
    /// Key that encrypts prompts and outputs kept in the audit trail (default:
    /// `DATA_DIR/keys/audit.key`, created on first use). Several gateway instances on one
    /// PostgreSQL database must share it.
    #[serde(default)]
    pub audit_key_file: Option<PathBuf>,
    /// When an audit append counts as done: `"commit"` (default: once the event is on disk) or
    /// `"interval"` (once it is in the database's log, which reaches the disk soon after).
    /// See [`AuditSync`].
    #[serde(default)]
    pub audit_sync: Option<String>,
}

/// When an audit append counts as done, and so when the gateway may send the answer it audits.
///
/// Both keep every event of a running system (none is lost under load or when the process
/// crashes) and both keep the hash chain whole; they differ only on a power cut or a crash of the
/// operating system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AuditSync {
    /// The append returns once the event is on disk (SQLite `synchronous = FULL`, PostgreSQL
    /// `synchronous_commit = on`): no answer leaves whose event a power cut could take. Each
    /// append waits for the disk's flush, which on a busy virtual disk has a tail of several ms.
    #[default]
    Commit,
    /// The append returns once the event is committed to the database's log in the operating
    /// system's memory, and a background flush puts the log on disk soon after: SQLite runs
    /// `synchronous = NORMAL` and flushes every [`AUDIT_FLUSH_INTERVAL`]; PostgreSQL runs the
    /// audit session with `synchronous_commit = off`, flushed by the server's WAL writer (by
    /// default within 3 × `wal_writer_delay` = 600 ms). A power cut can lose the events of that
    /// last interval, never earlier ones and never the chain's consistency.
    Interval,
}

/// How often [`AuditSync::Interval`] flushes the audit log to disk.
pub const AUDIT_FLUSH_INTERVAL: std::time::Duration = std::time::Duration::from_millis(100);

impl AuditSync {
    /// The value in the configuration file.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditSync::Commit => "commit",
            AuditSync::Interval => "interval",
        }
    }
}

/// Which backend, resolved.
#[derive(Debug, Clone)]
pub enum BackendSettings {
    /// Embedded SQLite file.
    Sqlite {
        /// The database file.
        path: PathBuf,
    },
    /// PostgreSQL server.
    Postgres {
        /// Connection URL.
        url: String,
    },
}

/// Validated settings.
#[derive(Clone)]
pub struct StoreSettings {
    /// Which backend.
    pub backend: BackendSettings,
    /// Audit content key.
    pub audit_key: AuditKey,
    /// When an audit append counts as done.
    pub audit_sync: AuditSync,
}

impl StoreConfig {
    /// Resolves the raw table against the data dir and `WAARBORG_DATABASE_URL` (pass its value).
    pub fn resolve(&self, data_dir: &Path, env_url: Option<String>) -> Result<StoreSettings> {
        let url = env_url.filter(|u| !u.trim().is_empty()).or_else(|| self.url.clone());
        let backend = match (self.backend.as_deref(), url) {
            (Some("postgres") | Some("postgresql"), Some(url)) | (None, Some(url)) => {
                if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
                    return Err(StoreError::Invalid(
                        "the PostgreSQL url must start with postgres:// (set [store] url or WAARBORG_DATABASE_URL)".into(),
                    ));
                }
                BackendSettings::Postgres { url }
            }
            (Some("postgres") | Some("postgresql"), None) => {
                return Err(StoreError::Invalid(
                    "[store] backend = \"postgres\" needs a url: set [store] url or WAARBORG_DATABASE_URL".into(),
                ))
            }
            (Some("sqlite"), _) | (None, None) => BackendSettings::Sqlite {
                path: self.sqlite_path.clone().unwrap_or_else(|| data_dir.join("waarborg.db")),
            },
            (Some(other), _) => {
                return Err(StoreError::Invalid(format!(
                    "[store] backend must be \"sqlite\" or \"postgres\", not \"{other}\""
                )))
            }
        };
        let audit_sync = match self.audit_sync.as_deref() {
            None | Some("commit") => AuditSync::Commit,
            Some("interval") => AuditSync::Interval,
            Some(other) => {
                return Err(StoreError::Invalid(format!(
                    "[store] audit_sync must be \"commit\" or \"interval\", not \"{}\"",
                    other.chars().take(40).collect::<String>()
                )))
            }
        };
        let key_file = self.audit_key_file.clone().unwrap_or_else(|| data_dir.join("keys").join("audit.key"));
        let audit_key = AuditKey::load_or_create(&key_file)?;
        Ok(StoreSettings { backend, audit_key, audit_sync })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_to_sqlite_under_the_data_dir() {
        let dir = tempfile::tempdir().unwrap();
        let s = StoreConfig::default().resolve(dir.path(), None).unwrap();
        match s.backend {
            BackendSettings::Sqlite { path } => assert_eq!(path, dir.path().join("waarborg.db")),
            BackendSettings::Postgres { .. } => panic!("expected sqlite"),
        }
        assert!(dir.path().join("keys/audit.key").exists());
    }

    #[test]
    fn env_url_selects_postgres_and_bad_choices_say_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let s = StoreConfig::default()
            .resolve(dir.path(), Some("postgres://u@127.0.0.1/test".into()))
            .unwrap();
        assert!(matches!(s.backend, BackendSettings::Postgres { .. }));
        let no_url = StoreConfig { backend: Some("postgres".into()), ..Default::default() };
        let err = no_url.resolve(dir.path(), None).err().unwrap().to_string();
        assert!(err.contains("WAARBORG_DATABASE_URL"), "{err}");
        let typo = StoreConfig { backend: Some("mysql".into()), ..Default::default() };
        assert!(typo.resolve(dir.path(), None).is_err());
        let bad_url = StoreConfig { url: Some("mysql://x".into()), ..Default::default() };
        assert!(bad_url.resolve(dir.path(), None).is_err());
    }

    #[test]
    fn audit_sync_defaults_to_commit_and_a_typo_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(StoreConfig::default().resolve(dir.path(), None).unwrap().audit_sync, AuditSync::Commit);
        let interval = StoreConfig { audit_sync: Some("interval".into()), ..Default::default() };
        assert_eq!(interval.resolve(dir.path(), None).unwrap().audit_sync, AuditSync::Interval);
        let typo = StoreConfig { audit_sync: Some("async".into()), ..Default::default() };
        let err = typo.resolve(dir.path(), None).err().unwrap().to_string();
        assert!(err.contains("\"commit\" or \"interval\""), "{err}");
    }
}
