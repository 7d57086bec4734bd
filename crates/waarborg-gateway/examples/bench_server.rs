//! Load-benchmark server for bench/gateway/run.sh.
//!
//! `bench_server on` serves the whole gateway (every guardrail, SQLite audit trail, in-memory
//! retrieval) in front of a stub model that answers at once (`on-interval`: the same with
//! `[store] audit_sync = "interval"`); `bench_server bare` serves the same
//! HTTP stack and stub with no pipeline (auth by string comparison, parse, generate, answer) — the
//! "guardrails off" baseline. Both print `READY <base url> <key>` and, on Ctrl-C, `AUDIT_EVENTS n`
//! (gateway request events in the store) so the run can check that none were lost.
//!
//! `bench_server ttft` measures time to first content token of a streamed answer through both,
//! with a stub that emits a 4-character piece every 10 ms.
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used, missing_docs)]

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use futures_util::StreamExt;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::mpsc;
use waarborg_gateway::{Gateway, GatewayConfig, GatewayParts, MemoryRetriever, Signer25519};
use waarborg_models::{Completion, FinishReason, GenerateRequest, Generator, ModelInfo, Passage};
use waarborg_store::{admin, AppSpec, Audience, AuditKey, AuditSync, Store};

const ANSWER: &str = "Huishoudelijke hulp via de Wmo vraagt u aan bij het Wmo-loket van de gemeente. Na uw melding volgt binnen zes weken een gesprek over uw situatie, waarna de gemeente beslist welke ondersteuning passend is.";
const QUESTION: &str = "Waar vraag je huishoudelijke hulp aan via de Wmo?";

struct Stub {
    info: ModelInfo,
    piece_delay: Duration,
}

#[async_trait::async_trait]
impl Generator for Stub {
    fn info(&self) -> &ModelInfo {
        &self.info
    }

    async fn generate(&self, _r: GenerateRequest, stream: Option<mpsc::Sender<String>>) -> waarborg_models::Result<Completion> {
        if let Some(tx) = stream {
            let chars: Vec<char> = ANSWER.chars().collect();
            for piece in chars.chunks(4) {
                if !self.piece_delay.is_zero() {
                    tokio::time::sleep(self.piece_delay).await;
                }
                if tx.send(piece.iter().collect()).await.is_err() {
                    break;
                }
            }
        }
        Ok(Completion { text: ANSWER.into(), finish_reason: FinishReason::Stop, prompt_tokens: 12, completion_tokens: 40 })
    }
}

fn stub(piece_delay: Duration) -> Arc<Stub> {
    Arc::new(Stub {
        info: ModelInfo {
            name: "stub".into(),
            backend: "stub".into(),
            source: "bench".into(),
            licence: "EUPL-1.2".into(),
            weights_sha256: None,
            quantisation: None,
            context_length: None,
            parameters: None,
        },
        piece_delay,
    })
}

struct Bare {
    key: String,
    generator: Arc<Stub>,
}

async fn bare_chat(axum::extract::State(b): axum::extract::State<Arc<Bare>>, headers: HeaderMap, body: Bytes) -> Response {
    let ok = headers.get("authorization").and_then(|v| v.to_str().ok()).and_then(|h| h.strip_prefix("Bearer ")) == Some(b.key.as_str());
    if !ok {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let Ok(req) = serde_json::from_slice::<Value>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let stream = req["stream"].as_bool().unwrap_or(false);
    let g = GenerateRequest::new(vec![waarborg_models::ChatMessage::new(waarborg_models::ChatRole::User, req["messages"][0]["content"].as_str().unwrap_or(""))]);
    if stream {
        let (tx, rx) = mpsc::channel::<String>(64);
        let gen = b.generator.clone();
        tokio::spawn(async move { gen.generate(g, Some(tx)).await });
        let body = Body::from_stream(tokio_stream::wrappers::ReceiverStream::new(rx).map(|p| {
            Ok::<_, std::convert::Infallible>(Bytes::from(format!("data: {}\n\n", json!({"choices": [{"delta": {"content": p}}]}))))
        }));
        return ([("content-type", "text/event-stream")], body).into_response();
    }
    let c = b.generator.generate(g, None).await.unwrap();
    axum::Json(json!({
        "id": "chatcmpl-bare", "object": "chat.completion", "created": 0, "model": "stub",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": c.text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": c.prompt_tokens, "completion_tokens": c.completion_tokens, "total_tokens": c.prompt_tokens + c.completion_tokens},
    }))
    .into_response()
}

async fn start_bare(piece_delay: Duration, listen: &str) -> (String, String) {
    let key = "wb_bench_bare_key".to_owned();
    let state = Arc::new(Bare { key: key.clone(), generator: stub(piece_delay) });
    let app = axum::Router::new().route("/v1/chat/completions", post(bare_chat)).with_state(state);
    let listener = tokio::net::TcpListener::bind(listen).await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (base, key)
}

async fn start_on(piece_delay: Duration, listen: &str, dir: &std::path::Path, sync: AuditSync) -> (String, String, Arc<dyn Store>) {
    let store: Arc<dyn Store> =
        Arc::new(waarborg_store::sqlite::SqliteStore::open_with(&dir.join("bench.db"), AuditKey::from_bytes([3; 32]), sync).await.unwrap());
    let mut spec = AppSpec::new("wmo-assistent", "Beantwoorden van vragen van inwoners over de Wmo: huishoudelijke hulp, hulpmiddelen en mantelzorg", Audience::Citizens);
    spec.collections = vec!["wmo".into()];
    let reg = admin::register_app(&*store, spec, "bench").await.unwrap();
    let mut cfg = GatewayConfig::default();
    cfg.rate_limit.requests_per_second = Some(1e9);
    cfg.rate_limit.burst = Some(1_000_000_000);
    let generator = stub(piece_delay);
    let versions = waarborg_gateway::register_model_versions(&*store, std::slice::from_ref(&generator.info)).await.unwrap();
    let p = |t: &str, x: &str| Passage { source: format!("https://gemeente.example/{t}"), title: t.into(), text: x.into(), score: 0.0 };
    let retriever = MemoryRetriever::new()
        .with("wmo", p("hulp", "Huishoudelijke hulp via de Wmo vraagt u aan bij het Wmo-loket van de gemeente."))
        .with("wmo", p("gesprek", "Na een melding voor de Wmo volgt binnen zes weken een gesprek over uw situatie."));
    let gw = Gateway::new(GatewayParts {
        settings: cfg.resolve().unwrap(),
        store: store.clone(),
        pii: Arc::new(waarborg_pii::Engine::with_defaults().unwrap()),
        generator,
        embedder: None,
        retriever: Some(Arc::new(retriever)),
        signer: Signer25519::load_or_create(&dir.join("provenance.ed25519")).unwrap(),
        model_versions: versions,
    });
    let listener = tokio::net::TcpListener::bind(listen).await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let router = gw.router();
    tokio::spawn(async move { waarborg_gateway::serve(listener, router, std::future::pending()).await });
    (base, reg.secret.secret.clone(), store)
}

async fn count_events(store: &dyn Store) -> usize {
    let mut n = 0;
    let mut from = 1;
    loop {
        let page = store.audit_events(from, 5000).await.unwrap();
        if page.is_empty() {
            return n;
        }
        from = page.last().unwrap().seq + 1;
        n += page.iter().filter(|e| e.kind == "gateway.request").count();
    }
}

async fn ttft(base: &str, key: &str, n: usize) -> (f64, f64) {
    let client = reqwest::Client::new();
    let body = json!({"model": "stub", "stream": true, "messages": [{"role": "user", "content": QUESTION}]});
    let mut firsts = Vec::new();
    let mut totals = Vec::new();
    for _ in 0..n {
        let t0 = Instant::now();
        let r = client.post(format!("{base}/v1/chat/completions")).bearer_auth(key).json(&body).send().await.unwrap();
        let mut s = r.bytes_stream();
        let mut first = None;
        let mut buf = String::new();
        while let Some(chunk) = s.next().await {
            buf.push_str(&String::from_utf8_lossy(&chunk.unwrap()));
            if first.is_none() {
                for line in buf.split("\n\n") {
                    if let Some(d) = line.strip_prefix("data: ").and_then(|d| serde_json::from_str::<Value>(d).ok()) {
                        if d["choices"][0]["delta"]["content"].as_str().is_some_and(|c| !c.is_empty()) {
                            first = Some(t0.elapsed());
                        }
                    }
                }
            }
        }
        firsts.push(first.unwrap_or_default().as_secs_f64() * 1000.0);
        totals.push(t0.elapsed().as_secs_f64() * 1000.0);
    }
    firsts.sort_by(f64::total_cmp);
    totals.sort_by(f64::total_cmp);
    (firsts[n / 2], totals[n / 2])
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mode = args.get(1).map(String::as_str).unwrap_or("on");
    let listen = args.get(2).cloned().unwrap_or_else(|| "127.0.0.1:0".into());
    let dir = tempfile::tempdir().unwrap();
    match mode {
        "bare" => {
            let (base, key) = start_bare(Duration::ZERO, &listen).await;
            println!("READY {base} {key}");
            let _ = tokio::signal::ctrl_c().await;
            println!("AUDIT_EVENTS 0");
        }
        "on" | "on-interval" => {
            let sync = if mode == "on" { AuditSync::Commit } else { AuditSync::Interval };
            let (base, key, store) = start_on(Duration::ZERO, &listen, dir.path(), sync).await;
            println!("READY {base} {key}");
            let _ = tokio::signal::ctrl_c().await;
            // Appends are acknowledged only once committed; give in-flight requests a moment.
            tokio::time::sleep(Duration::from_millis(500)).await;
            println!("AUDIT_EVENTS {}", count_events(&*store).await);
        }
        "ttft" => {
            let delay = Duration::from_millis(10);
            let (bb, bk) = start_bare(delay, "127.0.0.1:0").await;
            let (ob, ok, _store) = start_on(delay, "127.0.0.1:0", dir.path(), AuditSync::Commit).await;
            let _ = ttft(&ob, &ok, 3).await;
            let (bf, bt) = ttft(&bb, &bk, 30).await;
            let (of, ot) = ttft(&ob, &ok, 30).await;
            println!("| path | first content p50 (ms) | whole answer p50 (ms) |");
            println!("| --- | --- | --- |");
            println!("| bare (no filter) | {bf:.1} | {bt:.1} |");
            println!("| gateway, output filter with 48-char window | {of:.1} | {ot:.1} |");
            println!("TTFT overhead p50: {:.1} ms", of - bf);
        }
        other => eprintln!("unknown mode {other}; use on, on-interval, bare or ttft"),
    }
}
