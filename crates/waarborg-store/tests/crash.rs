//! Crash safety: a writer process is killed with SIGKILL in the middle of a stream of audit
//! appends; afterwards every event it had acknowledged is present with the hash it was
//! acknowledged with, and the chain verifies. Run against both backends, in both audit sync
//! modes: `interval` trades only what a power cut could take, never what a process crash takes.

#![allow(missing_docs, clippy::unwrap_used)]

mod common;

use common::{Harness, Kind};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use waarborg_store::{audit, AuditContent, AuditKind, AuditSync, NewAuditEvent};

const CHILD_ENV: &str = "WAARBORG_CRASH_CHILD";
/// Acknowledgements the parent waits for before it kills the child.
const KILL_AFTER: usize = 400;

/// The child: appends from 16 tasks forever, printing `ack <seq> <hash>` after each
/// acknowledgement. Runs only when the parent starts it (it is `ignored` otherwise).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "child process of the crash tests; started by them"]
async fn crash_child() {
    let Ok(spec) = std::env::var(CHILD_ENV) else { return };
    let (kind, rest) = spec.split_once(':').unwrap();
    let (sync, place) = rest.split_once(':').unwrap();
    let sync = if sync == "interval" { AuditSync::Interval } else { AuditSync::Commit };
    let store = match kind {
        "sqlite" => std::sync::Arc::new(
            waarborg_store::sqlite::SqliteStore::open_with(std::path::Path::new(place), common::key(), sync).await.unwrap(),
        ) as std::sync::Arc<dyn waarborg_store::Store>,
        _ => std::sync::Arc::new(
            waarborg_store::postgres::PgStore::connect_in_schema_with(&common::pg_url(), place, common::key(), None, sync)
                .await
                .unwrap(),
        ),
    };
    let out = std::sync::Arc::new(std::sync::Mutex::new(std::io::stdout()));
    let mut tasks = Vec::new();
    for t in 0..16 {
        let (store, out) = (store.clone(), out.clone());
        tasks.push(tokio::spawn(async move {
            for i in 0.. {
                let mut e = NewAuditEvent::new(AuditKind::GatewayRequest, &format!("app:t{t}"));
                e.prompt_tokens = Some(i);
                e.content = Some(AuditContent { prompt: format!("vraag {i}"), output: "antwoord".into() });
                e.retention_days = Some(30);
                let r = store.append_audit(e).await.unwrap();
                let mut o = out.lock().unwrap();
                writeln!(o, "ack {} {}", r.seq, r.hash).unwrap();
                o.flush().unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
}

async fn kill_mid_stream_then_verify(kind: Kind, sync: AuditSync) {
    let h = Harness::new(kind).await;
    // Some events before the child starts, from this process.
    for _ in 0..10 {
        h.store.append_audit(NewAuditEvent::new(AuditKind::AppCreated, "user:a")).await.unwrap();
    }
    let place = match kind {
        Kind::Sqlite => format!("sqlite:{}:{}", sync.as_str(), h.db_path().display()),
        Kind::Postgres => format!("postgres:{}:{}", sync.as_str(), h.schema),
    };
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["crash_child", "--exact", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, place)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut acked: HashMap<i64, String> = HashMap::new();
    let mut lines = BufReader::new(stdout).lines();
    while acked.len() < KILL_AFTER {
        let Some(line) = lines.next() else { break };
        let line = line.unwrap();
        if let Some(rest) = line.strip_prefix("ack ") {
            let (seq, hash) = rest.split_once(' ').unwrap();
            acked.insert(seq.parse().unwrap(), hash.to_owned());
        }
    }
    child.kill().unwrap(); // SIGKILL
    // Acknowledgements printed before the kill landed also count.
    for line in lines.map_while(Result::ok) {
        if let Some((seq, hash)) = line.strip_prefix("ack ").and_then(|r| r.split_once(' ')) {
            acked.insert(seq.parse().unwrap(), hash.to_owned());
        }
    }
    child.wait().unwrap();
    assert!(acked.len() >= KILL_AFTER, "the child acknowledged only {} events", acked.len());

    let store = h.reopen(None).await.unwrap();
    let report = audit::verify(store.as_ref()).await.unwrap();
    assert!(report.ok(), "{report:?}");
    let events = store.audit_events(1, 1_000_000).await.unwrap();
    for (seq, hash) in &acked {
        let e = events.get((*seq - 1) as usize).unwrap_or_else(|| panic!("acknowledged event {seq} is lost"));
        assert_eq!(&e.hash, hash, "event {seq} differs from what was acknowledged");
    }
    // The chain goes on after the crash.
    store.append_audit(NewAuditEvent::new(AuditKind::AppCreated, "user:a")).await.unwrap();
    assert!(audit::verify(store.as_ref()).await.unwrap().ok());
    h.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_sigkill_loses_no_acknowledged_event() {
    kill_mid_stream_then_verify(Kind::Sqlite, AuditSync::Commit).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_sigkill_loses_no_acknowledged_event() {
    kill_mid_stream_then_verify(Kind::Postgres, AuditSync::Commit).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_interval_sync_sigkill_loses_no_acknowledged_event() {
    kill_mid_stream_then_verify(Kind::Sqlite, AuditSync::Interval).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_interval_sync_sigkill_loses_no_acknowledged_event() {
    kill_mid_stream_then_verify(Kind::Postgres, AuditSync::Interval).await;
}
