//! SQLite migrations: SQL files applied in order, each once, in one transaction with its row in
//! `schema_migrations` (version, checksum, time). Idempotent; refuses a database newer than this
//! binary and an applied migration whose text changed.

use crate::error::{Result, StoreError};
use crate::time::Timestamp;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};

/// (version, name, SQL), in order.
pub const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "core", include_str!("../../migrations/sqlite/0001_core.sql")),
    (2, "lineage", include_str!("../../migrations/sqlite/0002_lineage.sql")),
    (3, "reviews", include_str!("../../migrations/sqlite/0003_reviews.sql")),
];

/// Applies what is missing (up to `target`, default all); returns the version reached.
pub(crate) fn migrate(conn: &mut Connection, target: Option<i64>) -> Result<i64> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL)",
    )?;
    let known = MIGRATIONS.last().map_or(0, |m| m.0);
    let current: i64 = tx.query_row("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", [], |r| r.get(0))?;
    if current > known {
        return Err(StoreError::SchemaTooNew { found: current, known });
    }
    let target = target.unwrap_or(known);
    for (version, name, sql) in MIGRATIONS {
        let sum = crate::secret::hex(&Sha256::digest(sql.as_bytes()));
        let applied: Option<String> = tx
            .query_row("SELECT checksum FROM schema_migrations WHERE version = ?1", [version], |r| r.get(0))
            .optional()?;
        match applied {
            Some(s) if s == sum => continue,
            Some(_) => return Err(StoreError::MigrationChanged { version: *version }),
            None if *version > target => break,
            None => {
                tx.execute_batch(sql)?;
                tx.execute(
                    "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?1, ?2, ?3, ?4)",
                    params![version, name, sum, Timestamp::now().0],
                )?;
            }
        }
    }
    let v = tx.query_row("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", [], |r| r.get(0))?;
    tx.commit()?;
    Ok(v)
}
