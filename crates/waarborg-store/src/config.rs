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
        let key_file = self.audit_key_file.clone().unwrap_or_else(|| data_dir.join("keys").join("audit.key"));
        let audit_key = AuditKey::load_or_create(&key_file)?;
        Ok(StoreSettings { backend, audit_key })
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
}
