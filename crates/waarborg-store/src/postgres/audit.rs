//! The PostgreSQL audit writer (group commit, one `UNNEST` insert per batch) and audit queries.

use super::PgStore;
use crate::config::AuditSync;
use crate::audit::{
    answer, AuditEvent, AuditKey, AuditReceipt, AuditStore, NewAuditEvent, Pending, PreparedEvent, PurgeSummary, GENESIS_HASH,
    MAX_BATCH,
};
use crate::error::{Result, StoreError};
use crate::time::Timestamp;
use tokio::sync::{mpsc, oneshot};
use tokio_postgres::{Client, NoTls, Row};

/// Queue length before appends wait (back-pressure).
const QUEUE: usize = 16 * 1024;
/// Advisory lock key that serialises chain appends across processes ("wbaudit!").
const CHAIN_LOCK: i64 = 0x7762_6175_6469_7421;

pub(super) struct WriterHandle {
    tx: mpsc::Sender<Pending>,
}

async fn connect(cfg: &tokio_postgres::Config, sync: AuditSync) -> Result<Client> {
    let (client, conn) = cfg.connect(NoTls).await?;
    tokio::spawn(async move {
        // The connection ends when the client is dropped or the server goes away; the next
        // batch notices (`is_closed`) and reconnects.
        let _ = conn.await;
    });
    if sync == AuditSync::Interval {
        // The server's WAL writer flushes such commits within three wal_writer_delay (200 ms by
        // default); only this session's audit appends are affected.
        client.batch_execute("SET synchronous_commit = off").await?;
    }
    Ok(client)
}

impl WriterHandle {
    pub(super) async fn spawn(cfg: tokio_postgres::Config, sync: AuditSync) -> Result<Self> {
        let mut client = Some(connect(&cfg, sync).await?);
        let (tx, mut rx) = mpsc::channel::<Pending>(QUEUE);
        tokio::spawn(async move {
            let mut buf = Vec::with_capacity(MAX_BATCH);
            while rx.recv_many(&mut buf, MAX_BATCH).await > 0 {
                let (events, replies): (Vec<_>, Vec<_>) = buf.drain(..).map(|p| (p.event, p.reply)).unzip();
                if client.as_ref().is_none_or(Client::is_closed) {
                    client = connect(&cfg, sync).await.ok();
                }
                let result = match client.as_mut() {
                    Some(c) => write_batch(c, events).await,
                    None => Err(StoreError::AuditWrite("cannot reach the PostgreSQL server".into())),
                };
                answer(replies, result);
            }
        });
        Ok(WriterHandle { tx })
    }
}

async fn write_batch(client: &mut Client, events: Vec<PreparedEvent>) -> Result<Vec<AuditReceipt>> {
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&CHAIN_LOCK]).await?;
    let head = tx.query_opt("SELECT seq, hash FROM audit_head WHERE id = 1", &[]).await?;
    let (mut seq, mut prev): (i64, String) = head.map_or((0, GENESIS_HASH.to_owned()), |r| (r.get(0), r.get(1)));
    let ts = Timestamp::now();
    let n = events.len();
    let mut cols = Columns::default();
    let mut receipts = Vec::with_capacity(n);
    for p in events {
        seq += 1;
        let e = p.chain(seq, ts, &prev);
        receipts.push(e.receipt());
        prev = e.hash.clone();
        cols.push(e);
    }
    tx.execute(
        "INSERT INTO audit_events (seq, ts, kind, actor, app_id, model_version, decisions, prompt_tokens,
             completion_tokens, energy_wh, detail, content, content_hash, retain_until, prev_hash, hash)
         SELECT * FROM UNNEST($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],
             $7::text[], $8::bigint[], $9::bigint[], $10::float8[], $11::text[], $12::bytea[], $13::text[],
             $14::bigint[], $15::text[], $16::text[])",
        &[
            &cols.seq,
            &cols.ts,
            &cols.kind,
            &cols.actor,
            &cols.app_id,
            &cols.model_version,
            &cols.decisions,
            &cols.prompt_tokens,
            &cols.completion_tokens,
            &cols.energy_wh,
            &cols.detail,
            &cols.content,
            &cols.content_hash,
            &cols.retain_until,
            &cols.prev_hash,
            &cols.hash,
        ],
    )
    .await?;
    tx.execute(
        "INSERT INTO audit_head (id, seq, hash) VALUES (1, $1, $2)
         ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash",
        &[&seq, &prev],
    )
    .await?;
    tx.commit().await?;
    Ok(receipts)
}

/// A batch as columns, for `UNNEST`.
#[derive(Default)]
struct Columns {
    seq: Vec<i64>,
    ts: Vec<i64>,
    kind: Vec<String>,
    actor: Vec<String>,
    app_id: Vec<Option<String>>,
    model_version: Vec<Option<String>>,
    decisions: Vec<String>,
    prompt_tokens: Vec<Option<i64>>,
    completion_tokens: Vec<Option<i64>>,
    energy_wh: Vec<Option<f64>>,
    detail: Vec<String>,
    content: Vec<Option<Vec<u8>>>,
    content_hash: Vec<Option<String>>,
    retain_until: Vec<Option<i64>>,
    prev_hash: Vec<String>,
    hash: Vec<String>,
}

impl Columns {
    fn push(&mut self, e: AuditEvent) {
        self.seq.push(e.seq);
        self.ts.push(e.ts.0);
        self.kind.push(e.kind);
        self.actor.push(e.actor);
        self.app_id.push(e.app_id);
        self.model_version.push(e.model_version);
        self.decisions.push(e.decisions_json);
        self.prompt_tokens.push(e.prompt_tokens);
        self.completion_tokens.push(e.completion_tokens);
        self.energy_wh.push(e.energy_wh);
        self.detail.push(e.detail_json);
        self.content.push(e.content);
        self.content_hash.push(e.content_hash);
        self.retain_until.push(e.retain_until.map(|t| t.0));
        self.prev_hash.push(e.prev_hash);
        self.hash.push(e.hash);
    }
}

fn event_from_row(r: &Row) -> AuditEvent {
    AuditEvent {
        seq: r.get(0),
        ts: Timestamp(r.get(1)),
        kind: r.get(2),
        actor: r.get(3),
        app_id: r.get(4),
        model_version: r.get(5),
        decisions_json: r.get(6),
        prompt_tokens: r.get(7),
        completion_tokens: r.get(8),
        energy_wh: r.get(9),
        detail_json: r.get(10),
        content: r.get(11),
        content_hash: r.get(12),
        retain_until: r.get::<_, Option<i64>>(13).map(Timestamp),
        purged_at: r.get::<_, Option<i64>>(14).map(Timestamp),
        prev_hash: r.get(15),
        hash: r.get(16),
    }
}

#[async_trait::async_trait]
impl AuditStore for PgStore {
    async fn append_audit(&self, event: NewAuditEvent) -> Result<AuditReceipt> {
        let event = PreparedEvent::prepare(event, &self.key)?;
        let (reply, rx) = oneshot::channel();
        self.writer
            .tx
            .send(Pending { event, reply })
            .await
            .map_err(|_| StoreError::WriterGone("the audit writer task has ended".into()))?;
        rx.await.map_err(|_| StoreError::WriterGone("the audit writer task has ended".into()))?
    }

    async fn audit_events(&self, from_seq: i64, limit: i64) -> Result<Vec<AuditEvent>> {
        let c = self.client().await?;
        let rows = c
            .query(
                "SELECT seq, ts, kind, actor, app_id, model_version, decisions, prompt_tokens, completion_tokens,
                        energy_wh, detail, content, content_hash, retain_until, purged_at, prev_hash, hash
                 FROM audit_events WHERE seq >= $1 ORDER BY seq LIMIT $2",
                &[&from_seq, &limit],
            )
            .await?;
        Ok(rows.iter().map(event_from_row).collect())
    }

    async fn audit_head(&self) -> Result<Option<AuditReceipt>> {
        let c = self.client().await?;
        let row = c.query_opt("SELECT seq, hash FROM audit_head WHERE id = 1", &[]).await?;
        Ok(row.map(|r| AuditReceipt { seq: r.get(0), hash: r.get(1) }))
    }

    async fn purge_audit_content(&self, now: Timestamp) -> Result<PurgeSummary> {
        let c = self.client().await?;
        let row = c
            .query_one(
                "WITH purged AS (
                     UPDATE audit_events SET content = NULL, purged_at = $1
                     WHERE content IS NOT NULL AND retain_until IS NOT NULL AND retain_until <= $1
                     RETURNING seq)
                 SELECT COUNT(*), MIN(seq), MAX(seq) FROM purged",
                &[&now.0],
            )
            .await?;
        Ok(PurgeSummary { events: row.get(0), first_seq: row.get(1), last_seq: row.get(2) })
    }

    fn audit_key(&self) -> &AuditKey {
        &self.key
    }
}
