//! PostgreSQL migrations: the same rules as SQLite's (in order, once, checksummed, refuse a newer
//! database), under an advisory lock so concurrent instances do not race.

use crate::error::{Result, StoreError};
use crate::time::Timestamp;
use sha2::{Digest, Sha256};

/// (version, name, SQL), in order.
pub const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "core", include_str!("../../migrations/postgres/0001_core.sql")),
    (2, "lineage", include_str!("../../migrations/postgres/0002_lineage.sql")),
    (3, "reviews", include_str!("../../migrations/postgres/0003_reviews.sql")),
];

/// Advisory lock key for migrations ("wbmigrat").
const MIGRATION_LOCK: i64 = 0x7762_6d69_6772_6174;

pub(crate) async fn migrate(client: &mut tokio_postgres::Client, target: Option<i64>) -> Result<i64> {
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version BIGINT PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)",
    )
    .await?;
    let known = MIGRATIONS.last().map_or(0, |m| m.0);
    let current: i64 = tx.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", &[]).await?.get(0);
    if current > known {
        return Err(StoreError::SchemaTooNew { found: current, known });
    }
    let target = target.unwrap_or(known);
    for (version, name, sql) in MIGRATIONS {
        let sum = crate::secret::hex(&Sha256::digest(sql.as_bytes()));
        let applied = tx.query_opt("SELECT checksum FROM schema_migrations WHERE version = $1", &[version]).await?;
        match applied.map(|r| r.get::<_, String>(0)) {
            Some(s) if s == sum => continue,
            Some(_) => return Err(StoreError::MigrationChanged { version: *version }),
            None if *version > target => break,
            None => {
                tx.batch_execute(sql).await?;
                tx.execute(
                    "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)",
                    &[version, name, &sum, &Timestamp::now().0],
                )
                .await?;
            }
        }
    }
    let v: i64 = tx.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", &[]).await?.get(0);
    tx.commit().await?;
    Ok(v)
}
