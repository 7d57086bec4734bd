//! The SQLite audit writer (group commit) and the audit queries.

use super::SqliteStore;
use crate::audit::{
    answer, AuditEvent, AuditKey, AuditReceipt, AuditStore, NewAuditEvent, Pending, PreparedEvent, PurgeSummary, GENESIS_HASH,
    MAX_BATCH,
};
use crate::error::{Result, StoreError};
use crate::time::Timestamp;
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};
use crate::config::{AuditSync, AUDIT_FLUSH_INTERVAL};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use tokio::sync::oneshot;

/// The queue into the writer thread. Dropping it lets the thread finish what is queued and end.
pub(super) struct WriterHandle {
    tx: mpsc::Sender<Pending>,
}

impl WriterHandle {
    pub(super) fn spawn(mut conn: Connection, db: &Path, sync: AuditSync) -> Result<Self> {
        let (tx, rx) = mpsc::channel::<Pending>();
        let flusher = match sync {
            AuditSync::Commit => None,
            AuditSync::Interval => Some(WalFlusher::spawn(db, &conn)?),
        };
        std::thread::Builder::new()
            .name("waarborg-audit-writer".into())
            .spawn(move || {
                while let Ok(first) = rx.recv() {
                    let mut batch = vec![first];
                    while batch.len() < MAX_BATCH {
                        match rx.try_recv() {
                            Ok(p) => batch.push(p),
                            Err(_) => break,
                        }
                    }
                    let (events, replies): (Vec<_>, Vec<_>) = batch.into_iter().map(|p| (p.event, p.reply)).unzip();
                    let result = write_batch(&mut conn, events);
                    if let Some(f) = &flusher {
                        f.written();
                    }
                    answer(replies, result);
                }
                if let Some(f) = flusher {
                    f.stop();
                }
            })
            .map_err(|source| StoreError::Io { context: "cannot start the audit writer".into(), source })?;
        Ok(WriterHandle { tx })
    }
}

/// Puts the audit writer's commits on disk every [`AUDIT_FLUSH_INTERVAL`] when the writer
/// commits with `synchronous = NORMAL` (commits then reach the operating system, not yet the
/// disk). The writer's automatic checkpoints are off; this thread checkpoints instead, on its
/// own connection: a passive checkpoint syncs the WAL first (that is the flush), then copies it
/// into the database and syncs that, all without blocking the writer, so no answer waits for a
/// disk flush.
struct WalFlusher {
    state: Arc<FlushState>,
}

struct FlushState {
    conn: std::sync::Mutex<Connection>,
    dirty: AtomicBool,
    stop: AtomicBool,
}

impl FlushState {
    /// Checkpoints if something was committed since the last flush; a failed one is retried.
    fn flush(&self) {
        if self.dirty.swap(false, Ordering::AcqRel) {
            let c = self.conn.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if c.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())).is_err() {
                self.dirty.store(true, Ordering::Release);
            }
        }
    }
}

impl WalFlusher {
    fn spawn(db: &Path, writer: &Connection) -> Result<Self> {
        writer.pragma_update(None, "synchronous", "NORMAL")?;
        writer.pragma_update(None, "wal_autocheckpoint", 0)?;
        let conn = super::connect(db)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let state = Arc::new(FlushState { conn: std::sync::Mutex::new(conn), dirty: AtomicBool::new(false), stop: AtomicBool::new(false) });
        let s = Arc::clone(&state);
        std::thread::Builder::new()
            .name("waarborg-audit-flush".into())
            .spawn(move || {
                while !s.stop.load(Ordering::Acquire) {
                    std::thread::sleep(AUDIT_FLUSH_INTERVAL);
                    s.flush();
                }
            })
            .map_err(|source| StoreError::Io { context: "cannot start the audit flusher".into(), source })?;
        Ok(WalFlusher { state })
    }

    /// A batch was committed.
    fn written(&self) {
        self.state.dirty.store(true, Ordering::Release);
    }

    /// The writer has ended: flush what is left, now, and let the thread end.
    fn stop(self) {
        self.state.flush();
        self.state.stop.store(true, Ordering::Release);
    }
}

fn write_batch(conn: &mut Connection, events: Vec<PreparedEvent>) -> Result<Vec<AuditReceipt>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (mut seq, mut prev): (i64, String) = tx
        .query_row("SELECT seq, hash FROM audit_head WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((0, GENESIS_HASH.to_owned()));
    let ts = Timestamp::now();
    let mut receipts = Vec::with_capacity(events.len());
    {
        let mut stmt = tx.prepare_cached(
            "INSERT INTO audit_events (seq, ts, kind, actor, app_id, model_version, decisions, prompt_tokens,
                 completion_tokens, energy_wh, detail, content, content_hash, retain_until, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        )?;
        for p in events {
            seq += 1;
            let e = p.chain(seq, ts, &prev);
            stmt.execute(params![
                e.seq,
                e.ts.0,
                e.kind,
                e.actor,
                e.app_id,
                e.model_version,
                e.decisions_json,
                e.prompt_tokens,
                e.completion_tokens,
                e.energy_wh,
                e.detail_json,
                e.content,
                e.content_hash,
                e.retain_until.map(|t| t.0),
                e.prev_hash,
                e.hash,
            ])?;
            receipts.push(e.receipt());
            prev = e.hash;
        }
    }
    tx.execute(
        "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
        params![seq, prev],
    )?;
    tx.commit()?;
    Ok(receipts)
}

fn event_from_row(r: &Row<'_>) -> rusqlite::Result<AuditEvent> {
    Ok(AuditEvent {
        seq: r.get(0)?,
        ts: Timestamp(r.get(1)?),
        kind: r.get(2)?,
        actor: r.get(3)?,
        app_id: r.get(4)?,
        model_version: r.get(5)?,
        decisions_json: r.get(6)?,
        prompt_tokens: r.get(7)?,
        completion_tokens: r.get(8)?,
        energy_wh: r.get(9)?,
        detail_json: r.get(10)?,
        content: r.get(11)?,
        content_hash: r.get(12)?,
        retain_until: r.get::<_, Option<i64>>(13)?.map(Timestamp),
        purged_at: r.get::<_, Option<i64>>(14)?.map(Timestamp),
        prev_hash: r.get(15)?,
        hash: r.get(16)?,
    })
}

#[async_trait::async_trait]
impl AuditStore for SqliteStore {
    async fn append_audit(&self, event: NewAuditEvent) -> Result<AuditReceipt> {
        let event = PreparedEvent::prepare(event, &self.key)?;
        let (reply, rx) = oneshot::channel();
        self.writer
            .tx
            .send(Pending { event, reply })
            .map_err(|_| StoreError::WriterGone("the audit writer thread has ended".into()))?;
        rx.await.map_err(|_| StoreError::WriterGone("the audit writer thread has ended".into()))?
    }

    async fn audit_events(&self, from_seq: i64, limit: i64) -> Result<Vec<AuditEvent>> {
        self.call(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT seq, ts, kind, actor, app_id, model_version, decisions, prompt_tokens, completion_tokens,
                        energy_wh, detail, content, content_hash, retain_until, purged_at, prev_hash, hash
                 FROM audit_events WHERE seq >= ?1 ORDER BY seq LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![from_seq, limit], event_from_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await
    }

    async fn audit_head(&self) -> Result<Option<AuditReceipt>> {
        self.call(|c| {
            Ok(c.query_row("SELECT seq, hash FROM audit_head WHERE id = 1", [], |r| {
                Ok(AuditReceipt { seq: r.get(0)?, hash: r.get(1)? })
            })
            .optional()?)
        })
        .await
    }

    async fn purge_audit_content(&self, now: Timestamp) -> Result<PurgeSummary> {
        self.call(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let (events, first_seq, last_seq) = tx.query_row(
                "SELECT COUNT(*), MIN(seq), MAX(seq) FROM audit_events
                 WHERE content IS NOT NULL AND retain_until IS NOT NULL AND retain_until <= ?1",
                [now.0],
                |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?)),
            )?;
            tx.execute(
                "UPDATE audit_events SET content = NULL, purged_at = ?1
                 WHERE content IS NOT NULL AND retain_until IS NOT NULL AND retain_until <= ?1",
                [now.0],
            )?;
            tx.commit()?;
            Ok(PurgeSummary { events, first_seq, last_seq })
        })
        .await
    }

    fn audit_key(&self) -> &AuditKey {
        &self.key
    }
}
