//! Audit append benchmark: throughput and latency with 64 concurrent writers, on SQLite and
//! PostgreSQL, side by side with the anchor — the straightforward design that commits each event
//! in its own transaction (same schema, same durability: SQLite WAL + `synchronous = FULL`,
//! PostgreSQL default `synchronous_commit = on`).
//!
//!     cargo bench -p waarborg-store --bench audit
//!
//! `WAARBORG_BENCH_DATABASE_URL` (default `postgres://postgres@127.0.0.1:5432/test`) picks the
//! PostgreSQL server; each run works in a fresh schema and drops it afterwards.
//! `WAARBORG_BENCH_APPENDS` sets the appends per run of the store (default 20,000).

#![allow(missing_docs, clippy::print_stdout, clippy::unwrap_used)]

use sha2::{Digest, Sha256};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use waarborg_store::postgres::PgStore;
use waarborg_store::sqlite::SqliteStore;
use waarborg_store::{AuditContent, AuditKey, AuditKind, NewAuditEvent, Store};

const WRITERS: usize = 64;

fn event(i: usize) -> NewAuditEvent {
    let mut e = NewAuditEvent::new(AuditKind::GatewayRequest, "app:bench").app("app_bench");
    e.decisions = serde_json::json!([{"stage": "input_pii", "action": "pseudonymised", "types": ["PERSON", "BSN"]}]);
    e.prompt_tokens = Some(180);
    e.completion_tokens = Some(350);
    e.energy_wh = Some(0.021);
    e.content = Some(AuditContent {
        prompt: format!("Vraag {i}: wat zijn de voorwaarden voor bijzondere bijstand voor Persoon-1A2B3C4D?"),
        output: "De voorwaarden staan in de beleidsregels bijzondere bijstand, artikel 3 en 4. ".repeat(6),
    });
    e.retention_days = Some(90);
    e
}

struct Run {
    appends: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
}

impl Run {
    fn per_sec(&self) -> f64 {
        self.appends as f64 / self.elapsed.as_secs_f64()
    }
    fn pct(&self, p: f64) -> f64 {
        let mut l = self.latencies.clone();
        l.sort();
        let i = ((l.len() as f64 * p).ceil() as usize).clamp(1, l.len()) - 1;
        l[i].as_secs_f64() * 1e3
    }
}

/// `total` appends spread over 64 tasks, each timing its own appends.
async fn drive<F, Fut>(total: usize, append: F) -> Run
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let append = Arc::new(append);
    let start = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..WRITERS {
        let append = Arc::clone(&append);
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            let mut i = w;
            while i < total {
                let t = Instant::now();
                append(i).await;
                lat.push(t.elapsed());
                i += WRITERS;
            }
            lat
        }));
    }
    let mut latencies = Vec::with_capacity(total);
    for t in tasks {
        latencies.extend(t.await.unwrap());
    }
    Run { appends: total, elapsed: start.elapsed(), latencies }
}

async fn run_store(store: Arc<dyn Store>, total: usize) -> Run {
    let r = drive(total, move |i| {
        let s = Arc::clone(&store);
        async move {
            s.append_audit(event(i)).await.unwrap();
        }
    })
    .await;
    r
}

fn naive_hash(prev: &str, seq: i64, body: &str) -> String {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(seq.to_le_bytes());
    h.update(body.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Anchor on SQLite: one transaction (and one WAL sync) per event, behind one connection.
async fn run_naive_sqlite(path: std::path::PathBuf, total: usize) -> Run {
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.busy_timeout(Duration::from_secs(30)).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    let conn = Arc::new(Mutex::new(conn));
    drive(total, move |i| {
        let conn = Arc::clone(&conn);
        async move {
            tokio::task::spawn_blocking(move || {
                let body = serde_json::to_string(&event(i).content).unwrap();
                let mut c = conn.lock().unwrap();
                let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).unwrap();
                let (seq, prev): (i64, String) = tx
                    .query_row("SELECT seq, hash FROM audit_head WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
                    .unwrap_or((0, String::new()));
                let seq = seq + 1;
                let hash = naive_hash(&prev, seq, &body);
                tx.execute(
                    "INSERT INTO audit_events (seq, ts, kind, actor, decisions, detail, content, prev_hash, hash)
                     VALUES (?1, 0, 'gateway.request', 'app:bench', '[]', '{}', ?2, ?3, ?4)",
                    rusqlite::params![seq, body.as_bytes(), prev, hash],
                )
                .unwrap();
                tx.execute(
                    "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?1, ?2)
                     ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
                    rusqlite::params![seq, hash],
                )
                .unwrap();
                tx.commit().unwrap();
            })
            .await
            .unwrap();
        }
    })
    .await
}

/// Anchor on PostgreSQL: one transaction per event, 16 connections, the chain serialised by an
/// advisory lock.
async fn run_naive_pg(url: &str, schema: &str, total: usize) -> Run {
    let mut clients = Vec::new();
    for _ in 0..16 {
        let mut cfg: tokio_postgres::Config = url.parse().unwrap();
        cfg.options(format!("-c search_path={schema}"));
        let (client, conn) = cfg.connect(tokio_postgres::NoTls).await.unwrap();
        tokio::spawn(conn);
        clients.push(tokio::sync::Mutex::new(client));
    }
    let clients = Arc::new(clients);
    drive(total, move |i| {
        let clients = Arc::clone(&clients);
        async move {
            let body = serde_json::to_string(&event(i).content).unwrap();
            let mut c = clients[i % clients.len()].lock().await;
            let tx = c.transaction().await.unwrap();
            tx.execute("SELECT pg_advisory_xact_lock(42)", &[]).await.unwrap();
            let head = tx.query_opt("SELECT seq, hash FROM audit_head WHERE id = 1", &[]).await.unwrap();
            let (seq, prev): (i64, String) = head.map_or((0, String::new()), |r| (r.get(0), r.get(1)));
            let seq = seq + 1;
            let hash = naive_hash(&prev, seq, &body);
            tx.execute(
                "INSERT INTO audit_events (seq, ts, kind, actor, decisions, detail, content, prev_hash, hash)
                 VALUES ($1, 0, 'gateway.request', 'app:bench', '[]', '{}', $2, $3, $4)",
                &[&seq, &body.as_bytes(), &prev, &hash],
            )
            .await
            .unwrap();
            tx.execute(
                "INSERT INTO audit_head (id, seq, hash) VALUES (1, $1, $2)
                 ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash",
                &[&seq, &hash],
            )
            .await
            .unwrap();
            tx.commit().await.unwrap();
        }
    })
    .await
}

fn row(backend: &str, system: &str, r: &Run) {
    println!(
        "| {backend} | {system} | {} | {:.0} | {:.2} | {:.2} | {:.2} |",
        r.appends,
        r.per_sec(),
        r.pct(0.50),
        r.pct(0.99),
        r.pct(1.0)
    );
}

async fn drop_schema(url: &str, schema: &str) {
    if let Ok((client, conn)) = tokio_postgres::connect(url, tokio_postgres::NoTls).await {
        tokio::spawn(conn);
        let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE")).await;
    }
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    // `cargo bench` passes `--bench`; nothing to parse.
    let total: usize = std::env::var("WAARBORG_BENCH_APPENDS").ok().and_then(|s| s.parse().ok()).unwrap_or(20_000);
    let naive_total = (total / 10).max(WRITERS);
    let key = AuditKey::from_bytes([1; 32]);
    println!("Audit append, {WRITERS} concurrent writers, events with sealed prompt/output (≈ 0.7 KB).");
    println!();
    println!("| backend | system | appends | appends/s | p50 ms | p99 ms | max ms |");
    println!("|---|---|---|---|---|---|---|");

    let dir = tempfile::tempdir().unwrap();
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&dir.path().join("ours.db"), key.clone()).await.unwrap());
    let ours = run_store(store.clone(), total).await;
    assert!(waarborg_store::audit::verify(store.as_ref()).await.unwrap().ok());
    row("SQLite", "waarborg-store (group commit)", &ours);
    let naive_path = dir.path().join("naive.db");
    drop(SqliteStore::open(&naive_path, key.clone()).await.unwrap());
    let naive = run_naive_sqlite(naive_path, naive_total).await;
    row("SQLite", "anchor: one transaction per event", &naive);
    let sqlite_ratio = ours.per_sec() / naive.per_sec();

    let url = std::env::var("WAARBORG_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
    let schema = format!("wbbench_{}", std::process::id());
    let pg = PgStore::connect_in_schema(&url, &schema, key.clone(), None).await;
    let pg_ratio = match pg {
        Ok(pg) => {
            let pg: Arc<dyn Store> = Arc::new(pg);
            let ours = run_store(pg.clone(), total).await;
            assert!(waarborg_store::audit::verify(pg.as_ref()).await.unwrap().ok());
            row("PostgreSQL", "waarborg-store (group commit)", &ours);
            let naive_schema = format!("{schema}_naive");
            drop(PgStore::connect_in_schema(&url, &naive_schema, key.clone(), None).await.unwrap());
            let naive = run_naive_pg(&url, &naive_schema, naive_total).await;
            row("PostgreSQL", "anchor: one transaction per event", &naive);
            drop_schema(&url, &schema).await;
            drop_schema(&url, &naive_schema).await;
            Some(ours.per_sec() / naive.per_sec())
        }
        Err(e) => {
            println!("| PostgreSQL | not measured: {e} | | | | | |");
            None
        }
    };
    println!();
    println!("Ratio waarborg-store / anchor: SQLite {sqlite_ratio:.1}×{}", match pg_ratio {
        Some(r) => format!(", PostgreSQL {r:.1}×"),
        None => String::new(),
    });
}
