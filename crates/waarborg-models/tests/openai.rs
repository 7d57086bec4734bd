//! The OpenAI-compatible backend against real HTTP servers on 127.0.0.1.
//!
//! JSON endpoints are served by axum. Streams are served by a small hand-written HTTP/1.1 server
//! on a raw TCP socket, so each piece of the event stream is its own TCP write — split in the
//! middle of a JSON object, with CRLF line ends and keep-alive comments — exactly as the client
//! will meet them. (axum can stream too, but only from a `Stream`, and no crate providing one is
//! a dependency here.)
#![allow(clippy::unwrap_used)]

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use waarborg_models::openai::{OpenAiBackend, OpenAiConfig};
use waarborg_models::{ChatMessage, ChatRole, Embedder, FinishReason, GenerateRequest, Generator, ModelError};

/// The prompt every test sends; no error may contain it.
const PROMPT: &str = "Mijn BSN is 123456782, wat is mijn WOZ-waarde?";
/// The API key; no error may contain it.
const KEY: &str = "sk-test-0123456789";
/// Generous bound for any single call (only to fail instead of hanging).
const GENEROUS: Duration = Duration::from_secs(30);

/// What a test server saw.
#[derive(Clone, Default)]
struct Seen {
    hits: Arc<AtomicUsize>,
    bodies: Arc<Mutex<Vec<Value>>>,
    auth: Arc<Mutex<Vec<Option<String>>>>,
}

impl Seen {
    fn record(&self, headers: &HeaderMap, body: Option<Value>) -> usize {
        self.auth.lock().unwrap().push(headers.get("authorization").map(|v| v.to_str().unwrap().to_string()));
        if let Some(body) = body {
            self.bodies.lock().unwrap().push(body);
        }
        self.hits.fetch_add(1, Ordering::SeqCst)
    }

    fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }

    fn last_body(&self) -> Value {
        self.bodies.lock().unwrap().last().cloned().unwrap()
    }
}

async fn serve(router: Router) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    addr
}

/// One request as the test server saw it.
struct Call {
    /// `/v1/chat/completions`, `/v1/embeddings`, `/v1/models`.
    path: String,
    /// How many requests came before this one.
    hit: usize,
    /// The JSON body (`null` when none).
    body: Value,
}

/// Serves every path with `respond`, recording each request in the returned [`Seen`].
async fn serve_with<F, Fut>(respond: F) -> (SocketAddr, Seen)
where
    F: Fn(Call) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Response> + Send + 'static,
{
    let seen = Seen::default();
    let state = seen.clone();
    let router = Router::new().fallback(move |uri: Uri, headers: HeaderMap, body: Bytes| {
        let (seen, respond) = (state.clone(), respond.clone());
        async move {
            let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
            let hit = seen.record(&headers, (!body.is_null()).then(|| body.clone()));
            respond(Call { path: uri.path().to_string(), hit, body }).await
        }
    });
    (serve(router).await, seen)
}

fn config(addr: SocketAddr) -> OpenAiConfig {
    let mut config = OpenAiConfig::new(format!("http://{addr}/v1"), "test-model");
    config.api_key = Some(KEY.into());
    config.timeout_secs = 5;
    config.licence = "Apache-2.0".into();
    config
}

fn backend(addr: SocketAddr) -> OpenAiBackend {
    config(addr).build().unwrap()
}

fn request() -> GenerateRequest {
    GenerateRequest::new(vec![
        ChatMessage::new(ChatRole::System, "Antwoord kort."),
        ChatMessage::new(ChatRole::User, PROMPT),
    ])
}

/// Runs a generation, failing the test rather than hanging.
async fn generate(backend: &OpenAiBackend, stream: Option<mpsc::Sender<String>>) -> Result<waarborg_models::Completion, ModelError> {
    tokio::time::timeout(GENEROUS, backend.generator().generate(request(), stream)).await.expect("the call finishes")
}

fn completion_json(text: &str, finish: &str, usage: bool) -> Value {
    let mut answer = json!({
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1,
        "model": "test-model",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": finish}],
    });
    if usage {
        answer["usage"] = json!({"prompt_tokens": 21, "completion_tokens": 7, "total_tokens": 28});
    }
    answer
}

/// An error must name no prompt text and no key.
fn assert_clean(error: &ModelError) {
    let message = error.to_string();
    assert!(!message.contains("123456782") && !message.contains("WOZ"), "prompt text in error: {message}");
    assert!(!message.contains(KEY), "API key in error: {message}");
    assert!(!message.contains('\n'), "error is one line: {message}");
}

// ---------------------------------------------------------------------------------------------
// Non-streaming chat.

#[tokio::test]
async fn a_chat_completion_sends_the_openai_request_and_reads_the_answer() {
    let (addr, seen) =
        serve_with(|_| async { Json(completion_json("Uw WOZ-waarde staat op de aanslag.", "length", true)).into_response() }).await;
    let backend = backend(addr);

    let mut request = request();
    request.max_tokens = 42;
    request.temperature = 0.25;
    request.top_p = 0.5;
    request.stop = vec!["\n\n".into(), "###".into()];
    request.seed = Some(7);
    let completion = tokio::time::timeout(GENEROUS, backend.generator().generate(request, None)).await.unwrap().unwrap();

    assert_eq!(completion.text, "Uw WOZ-waarde staat op de aanslag.");
    assert_eq!(completion.finish_reason, FinishReason::Length);
    assert_eq!((completion.prompt_tokens, completion.completion_tokens), (21, 7));

    let body = seen.last_body();
    assert_eq!(body["model"], "test-model");
    assert_eq!(body["messages"], json!([{"role": "system", "content": "Antwoord kort."}, {"role": "user", "content": PROMPT}]));
    assert_eq!(body["max_tokens"], 42);
    assert_eq!(body["temperature"], 0.25);
    assert_eq!(body["top_p"], 0.5);
    assert_eq!(body["stop"], json!(["\n\n", "###"]));
    assert_eq!(body["seed"], 7);
    assert_eq!(body["stream"], false);
    assert!(body.get("stream_options").is_none());
    assert_eq!(seen.auth.lock().unwrap()[0].as_deref(), Some(format!("Bearer {KEY}").as_str()));
    assert_eq!(seen.hits(), 1);
}

#[tokio::test]
async fn without_usage_the_token_counts_are_estimated_and_optional_fields_are_left_out() {
    let (addr, seen) = serve_with(|_| async { Json(completion_json("abcdefghi", "stop", false)).into_response() }).await;
    let mut config = config(addr);
    config.api_key = None;
    let completion = generate(&config.build().unwrap(), None).await.unwrap();
    assert_eq!(completion.finish_reason, FinishReason::Stop);
    // 9 characters at 4 a token, rounded up.
    assert_eq!(completion.completion_tokens, 3);
    // "Antwoord kort." (14 chars → 4) + PROMPT (46 chars → 12), plus 4 per message.
    assert_eq!(completion.prompt_tokens, 4 + 12 + 8);
    let body = seen.last_body();
    assert!(body.get("stop").is_none() && body.get("seed").is_none(), "{body}");
    assert_eq!(seen.auth.lock().unwrap()[0], None, "no key configured, no Authorization header");
}

#[tokio::test]
async fn a_malformed_answer_is_a_clear_error_without_its_content() {
    let router = Router::new()
        .route("/v1/chat/completions", post(|| async { format!("<html>{PROMPT}</html>") }))
        .route("/v1/embeddings", post(|| async { Json(json!({"object": "list", "results": []})) }));
    let addr = serve(router).await;
    let backend = backend(addr);

    let error = generate(&backend, None).await.unwrap_err();
    let ModelError::Server { status, message } = &error else { panic!("expected Server, got {error:?}") };
    assert_eq!(*status, 200);
    assert!(message.contains("is not valid JSON (line 1, column 1)"), "{message}");
    assert!(message.contains("base_url"), "says what to check: {message}");
    assert_clean(&error);

    let error = backend.embedder().embed(&["x".to_string()]).await.unwrap_err();
    assert!(error.to_string().contains("does not have the expected fields"), "{error}");
}

// ---------------------------------------------------------------------------------------------
// Retries and errors.

#[tokio::test]
async fn a_500_is_retried_and_the_second_answer_is_used() {
    let (addr, seen) = serve_with(|call| async move {
        if call.hit == 0 {
            (StatusCode::INTERNAL_SERVER_ERROR, "engine restarting").into_response()
        } else {
            Json(completion_json("tweede keer goed", "stop", true)).into_response()
        }
    })
    .await;
    let completion = generate(&backend(addr), None).await.unwrap();
    assert_eq!(completion.text, "tweede keer goed");
    assert_eq!(seen.hits(), 2);
}

#[tokio::test]
async fn a_400_is_not_retried_and_reports_the_first_line_of_the_openai_error() {
    let (addr, seen) = serve_with(|_| async {
        let error = json!({"error": {"message": "max_tokens is too large\nsecond line", "type": "invalid_request_error", "code": null}});
        (StatusCode::BAD_REQUEST, Json(error)).into_response()
    })
    .await;
    let error = generate(&backend(addr), None).await.unwrap_err();
    let ModelError::Server { status, message } = &error else { panic!("expected Server, got {error:?}") };
    assert_eq!((*status, message.as_str()), (400, "max_tokens is too large"));
    assert_eq!(seen.hits(), 1, "4xx is never retried");
    assert_clean(&error);
}

#[tokio::test]
async fn a_persistent_503_is_retried_max_retries_times_then_reported() {
    let (addr, seen) =
        serve_with(|_| async { (StatusCode::SERVICE_UNAVAILABLE, "\nmodel is loading\nplease wait").into_response() }).await;
    let mut config = config(addr);
    config.max_retries = 2;
    let error = generate(&config.build().unwrap(), None).await.unwrap_err();
    let ModelError::Server { status, message } = &error else { panic!("expected Server, got {error:?}") };
    assert_eq!((*status, message.as_str()), (503, "model is loading"));
    assert_eq!(seen.hits(), 3, "one try and two retries");

    config.max_retries = 0;
    let before = seen.hits();
    generate(&config.build().unwrap(), None).await.unwrap_err();
    assert_eq!(seen.hits() - before, 1, "max_retries = 0 never retries");
}

#[tokio::test]
async fn a_429_waits_for_a_short_retry_after_and_gives_up_on_a_long_one() {
    let (addr, seen) = serve_with(|call| async move {
        match (call.path.as_str(), call.hit) {
            ("/v1/chat/completions", 0) => {
                (StatusCode::TOO_MANY_REQUESTS, [("retry-after", "1")], Json(json!({"error": "rate limited"}))).into_response()
            }
            ("/v1/chat/completions", _) => Json(completion_json("na het wachten", "stop", true)).into_response(),
            _ => (StatusCode::TOO_MANY_REQUESTS, [("retry-after", "3600")], Json(json!({"error": "quota exhausted"}))).into_response(),
        }
    })
    .await;
    let backend = backend(addr);

    let started = Instant::now();
    let completion = generate(&backend, None).await.unwrap();
    assert_eq!(completion.text, "na het wachten");
    assert_eq!(seen.hits(), 2);
    // The backoff alone would wait at most 250 ms; Retry-After asked for a second.
    assert!(started.elapsed() >= Duration::from_millis(950), "waited {:?}", started.elapsed());

    let error = tokio::time::timeout(GENEROUS, backend.embedder().embed(&["x".into()])).await.unwrap().unwrap_err();
    let ModelError::Server { status, message } = &error else { panic!("expected Server, got {error:?}") };
    assert_eq!((*status, message.as_str()), (429, "quota exhausted"));
    assert_eq!(seen.hits(), 3, "an hour's Retry-After is not waited for");
}

#[tokio::test]
async fn a_slow_server_times_out_and_is_not_retried() {
    let (addr, seen) = serve_with(|_| async {
        tokio::time::sleep(Duration::from_secs(20)).await;
        Json(completion_json("te laat", "stop", true)).into_response()
    })
    .await;
    let mut config = config(addr);
    config.timeout_secs = 1;
    let error = generate(&config.build().unwrap(), None).await.unwrap_err();
    assert!(matches!(error, ModelError::Timeout(d) if d == Duration::from_secs(1)), "{error:?}");
    assert_eq!(seen.hits(), 1);
}

#[tokio::test]
async fn a_server_that_is_down_is_unavailable_and_credentials_stay_hidden() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let mut config = OpenAiConfig::new(format!("http://admin:hunter2@{addr}/v1/"), "test-model");
    config.api_key = Some(KEY.into());
    config.max_retries = 1;
    let backend = config.build().unwrap();
    let error = generate(&backend, None).await.unwrap_err();
    let ModelError::Unavailable { url, reason } = &error else { panic!("expected Unavailable, got {error:?}") };
    assert_eq!(url, &format!("http://{addr}/v1"));
    assert!(reason.contains("connection failed"), "{reason}");
    assert!(!error.to_string().contains("hunter2"), "{error}");
    assert_clean(&error);

    let error = tokio::time::timeout(GENEROUS, backend.health()).await.unwrap().unwrap_err();
    assert!(matches!(error, ModelError::Unavailable { .. }), "{error:?}");
}

// ---------------------------------------------------------------------------------------------
// Health.

#[tokio::test]
async fn health_lists_the_served_models_and_reports_a_refused_key() {
    let router = Router::new().route(
        "/v1/models",
        get(|headers: HeaderMap| async move {
            if headers.get("authorization").and_then(|v| v.to_str().ok()) == Some(&format!("Bearer {KEY}")) {
                Json(json!({"object": "list", "data": [{"id": "test-model", "object": "model"}, {"id": "other"}]})).into_response()
            } else {
                (StatusCode::UNAUTHORIZED, Json(json!({"error": {"message": "invalid api key"}}))).into_response()
            }
        }),
    );
    let addr = serve(router).await;
    assert_eq!(backend(addr).health().await.unwrap(), vec!["test-model", "other"]);
    let mut wrong = config(addr);
    wrong.api_key = Some("sk-wrong".into());
    let error = wrong.build().unwrap().generator().health().await.unwrap_err();
    assert!(matches!(&error, ModelError::Server { status: 401, message } if message == "invalid api key"), "{error:?}");
}

// ---------------------------------------------------------------------------------------------
// Embeddings.

/// Answers `t{i}` with the unnormalised vector `[i + 1, 1]`, in reverse order.
async fn embeddings_handler(call: Call) -> Response {
    let inputs = call.body["input"].as_array().unwrap();
    let mut data: Vec<Value> = inputs
        .iter()
        .enumerate()
        .map(|(index, text)| {
            let i: f32 = text.as_str().unwrap().trim_start_matches('t').parse().unwrap();
            json!({"object": "embedding", "index": index, "embedding": [i + 1.0, 1.0]})
        })
        .collect();
    data.reverse();
    Json(json!({"object": "list", "data": data, "model": "test-model"})).into_response()
}

#[tokio::test]
async fn embeddings_come_back_in_input_order_normalised_and_in_batches() {
    let (addr, seen) = serve_with(embeddings_handler).await;
    let embedder = backend(addr).embedder();
    assert_eq!(embedder.dimensions(), 0, "unknown until the server answers");

    let texts: Vec<String> = (0..300).map(|i| format!("t{i}")).collect();
    let vectors = tokio::time::timeout(GENEROUS, embedder.embed(&texts)).await.unwrap().unwrap();
    assert_eq!(vectors.len(), 300);
    for (i, v) in vectors.iter().enumerate() {
        let norm = (v[0] * v[0] + v[1] * v[1]).sqrt();
        assert!((norm - 1.0).abs() < 1e-5, "vector {i} has norm {norm}");
        assert!((v[0] / v[1] - (i as f32 + 1.0)).abs() < 1e-3 * (i as f32 + 1.0), "vector {i} is in its place: {v:?}");
    }
    assert_eq!(embedder.dimensions(), 2);
    assert_eq!(seen.hits(), 3, "300 texts in batches of at most 128");
    let body = seen.last_body();
    assert_eq!(body["model"], "test-model");
    assert_eq!(body["input"].as_array().unwrap().len(), 300 - 256);

    assert!(embedder.embed(&[]).await.unwrap().is_empty());
    assert_eq!(seen.hits(), 3, "nothing to embed, no request");
}

#[tokio::test]
async fn embeddings_of_the_wrong_count_or_length_are_refused() {
    let router = Router::new().route(
        "/v1/embeddings",
        post(|| async { Json(json!({"data": [{"index": 0, "embedding": [1.0, 0.0]}]})) }),
    );
    let addr = serve(router).await;
    let error = backend(addr).embedder().embed(&["a".into(), "b".into()]).await.unwrap_err();
    assert!(error.to_string().contains("asked for 2 embeddings, got 1"), "{error}");

    let mut config = config(addr);
    config.dimensions = Some(384);
    let embedder = config.build().unwrap().embedder();
    assert_eq!(embedder.dimensions(), 384);
    let error = embedder.embed(&["a".into()]).await.unwrap_err();
    assert!(error.to_string().contains("has 2 dimensions, expected 384"), "{error}");
}

// ---------------------------------------------------------------------------------------------
// Streaming, over a raw socket.

/// A one-route HTTP/1.1 server that answers every request with `status` and the given body
/// pieces, each its own TCP write, `pause` apart; then holds the connection for `hold` before
/// closing it. Records each request body.
async fn stream_server(status: &'static str, pieces: Vec<Vec<u8>>, pause: Duration, hold: Duration) -> (SocketAddr, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let seen = Seen::default();
    let recorded = seen.clone();
    tokio::spawn(async move {
        loop {
            let (mut socket, _) = listener.accept().await.unwrap();
            socket.set_nodelay(true).unwrap();
            let pieces = pieces.clone();
            let seen = recorded.clone();
            tokio::spawn(async move {
                let mut request = Vec::new();
                let mut buf = [0u8; 4096];
                let header_end = loop {
                    let n = socket.read(&mut buf).await.unwrap();
                    assert!(n > 0, "client closed before sending a request");
                    request.extend_from_slice(&buf[..n]);
                    if let Some(at) = request.windows(4).position(|w| w == b"\r\n\r\n") {
                        break at + 4;
                    }
                };
                let head = String::from_utf8_lossy(&request[..header_end]).to_lowercase();
                let length: usize = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .map_or(0, |v| v.trim().parse().unwrap());
                while request.len() < header_end + length {
                    let n = socket.read(&mut buf).await.unwrap();
                    request.extend_from_slice(&buf[..n]);
                }
                let body: Value = serde_json::from_slice(&request[header_end..]).unwrap();
                seen.record(&HeaderMap::new(), Some(body));
                let head = format!("HTTP/1.1 {status}\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\nconnection: close\r\n\r\n");
                socket.write_all(head.as_bytes()).await.unwrap();
                for piece in pieces {
                    tokio::time::sleep(pause).await;
                    if socket.write_all(&piece).await.is_err() {
                        return; // the client went away
                    }
                    socket.flush().await.unwrap();
                }
                tokio::time::sleep(hold).await;
            });
        }
    });
    (addr, seen)
}

fn chunk(content: Option<&str>, finish: Option<&str>) -> String {
    let delta = content.map_or(json!({}), |c| json!({"content": c}));
    json!({"id": "c", "object": "chat.completion.chunk", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}).to_string()
}

/// The SSE text of a typical stream, as one string.
fn typical_stream(usage: bool) -> String {
    let mut s = String::from(": ping\r\n\r\n");
    s += &format!("data: {}\r\n\r\n", json!({"choices": [{"index": 0, "delta": {"role": "assistant"}, "finish_reason": null}]}));
    for piece in ["De ", "aanslag ", "komt in ", "februari."] {
        s += &format!("data: {}\r\n\r\n", chunk(Some(piece), None));
        s += ": keep-alive\r\n\r\n";
    }
    s += &format!("data: {}\n\n", chunk(None, Some("stop")));
    if usage {
        s += &format!("data: {}\n\n", json!({"choices": [], "usage": {"prompt_tokens": 30, "completion_tokens": 5}}));
    }
    s += "data: [DONE]\n\n";
    s
}

/// Cuts `text` into pieces of `size` bytes (cutting JSON objects and line ends in two).
fn cut(text: &str, size: usize) -> Vec<Vec<u8>> {
    text.as_bytes().chunks(size).map(<[u8]>::to_vec).collect()
}

async fn collect(mut rx: mpsc::Receiver<String>) -> Vec<String> {
    let mut pieces = Vec::new();
    while let Some(piece) = rx.recv().await {
        pieces.push(piece);
    }
    pieces
}

#[tokio::test]
async fn a_stream_in_many_tcp_writes_is_forwarded_piece_by_piece() {
    for size in [7, 64] {
        let (addr, seen) = stream_server("200 OK", cut(&typical_stream(true), size), Duration::from_millis(2), Duration::ZERO).await;
        let (tx, rx) = mpsc::channel(16);
        let collector = tokio::spawn(collect(rx));
        let completion = generate(&backend(addr), Some(tx)).await.unwrap();
        assert_eq!(collector.await.unwrap(), vec!["De ", "aanslag ", "komt in ", "februari."], "write size {size}");
        assert_eq!(completion.text, "De aanslag komt in februari.");
        assert_eq!(completion.finish_reason, FinishReason::Stop);
        assert_eq!((completion.prompt_tokens, completion.completion_tokens), (30, 5), "usage from the last chunk");
        let body = seen.last_body();
        assert_eq!(body["stream"], true);
        assert_eq!(body["stream_options"]["include_usage"], true);
        assert_eq!(seen.hits(), 1);
    }
}

#[tokio::test]
async fn a_stream_without_usage_counts_one_token_per_piece_and_reports_length() {
    let stream = typical_stream(false).replace("\"finish_reason\":\"stop\"", "\"finish_reason\":\"length\"");
    let (addr, _) = stream_server("200 OK", cut(&stream, 5), Duration::from_millis(1), Duration::ZERO).await;
    let (tx, rx) = mpsc::channel(16);
    let collector = tokio::spawn(collect(rx));
    let completion = generate(&backend(addr), Some(tx)).await.unwrap();
    assert_eq!(collector.await.unwrap().len(), 4);
    assert_eq!(completion.finish_reason, FinishReason::Length);
    assert_eq!(completion.completion_tokens, 4);
}

#[tokio::test]
async fn a_dropped_receiver_cancels_the_stream() {
    let first = format!("data: {}\n\n", chunk(Some("Eerste stuk"), None));
    // After the first piece the server would stay silent for a minute.
    let (addr, seen) = stream_server("200 OK", vec![first.into_bytes()], Duration::ZERO, Duration::from_secs(60)).await;
    let (tx, mut rx) = mpsc::channel(16);
    let backend = backend(addr);
    let call = tokio::spawn(async move { backend.generator().generate(request(), Some(tx)).await });
    assert_eq!(rx.recv().await.as_deref(), Some("Eerste stuk"));
    drop(rx);
    let completion = tokio::time::timeout(GENEROUS, call).await.expect("cancelled, not waiting for the server").unwrap().unwrap();
    assert_eq!(completion.text, "Eerste stuk");
    assert_eq!(seen.hits(), 1);
}

#[tokio::test]
async fn a_stream_that_breaks_off_is_an_error_and_is_not_retried() {
    let partial = format!("data: {}\n\ndata: {{\"choices\": [{{\"delta\": {{\"content\": \"hal", chunk(Some("Een "), None));
    let (addr, seen) = stream_server("200 OK", vec![partial.into_bytes()], Duration::ZERO, Duration::ZERO).await;
    let (tx, rx) = mpsc::channel(16);
    let collector = tokio::spawn(collect(rx));
    let error = generate(&backend(addr), Some(tx)).await.unwrap_err();
    assert_eq!(collector.await.unwrap(), vec!["Een "], "what was forwarded stays forwarded, once");
    assert!(matches!(error, ModelError::Server { .. } | ModelError::Unavailable { .. }), "{error:?}");
    assert_clean(&error);
    assert_eq!(seen.hits(), 1, "never retried once pieces were forwarded");

    let no_end = format!("data: {}\n\n", chunk(Some("Een "), None));
    let (addr, seen) = stream_server("200 OK", vec![no_end.into_bytes()], Duration::ZERO, Duration::ZERO).await;
    let (tx, _rx) = mpsc::channel(16);
    let error = generate(&backend(addr), Some(tx)).await.unwrap_err();
    assert!(matches!(&error, ModelError::Unavailable { reason, .. } if reason.contains("before the answer was complete")), "{error:?}");
    assert_eq!(seen.hits(), 1);
}

#[tokio::test]
async fn an_error_event_in_the_stream_is_a_server_error() {
    let events = format!(
        "data: {}\n\ndata: {}\n\ndata: [DONE]\n\n",
        chunk(Some("Een "), None),
        json!({"error": {"message": "out of memory\ntraceback", "code": 507}})
    );
    let (addr, _) = stream_server("200 OK", vec![events.into_bytes()], Duration::ZERO, Duration::ZERO).await;
    let (tx, _rx) = mpsc::channel(16);
    let error = generate(&backend(addr), Some(tx)).await.unwrap_err();
    assert!(matches!(&error, ModelError::Server { status: 507, message } if message == "out of memory"), "{error:?}");
}

#[tokio::test]
async fn a_failing_stream_request_is_retried_before_anything_is_forwarded() {
    // The raw server answers 503 every time: the client must retry (nothing was forwarded yet).
    let (addr, seen) = stream_server("503 Service Unavailable", vec![b"overloaded".to_vec()], Duration::ZERO, Duration::ZERO).await;
    let (tx, rx) = mpsc::channel(16);
    let collector = tokio::spawn(collect(rx));
    let error = generate(&backend(addr), Some(tx)).await.unwrap_err();
    assert!(matches!(&error, ModelError::Server { status: 503, message } if message == "overloaded"), "{error:?}");
    assert_eq!(seen.hits(), 3);
    assert!(collector.await.unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------------
// Configuration.

#[test]
fn the_config_has_defaults_and_refuses_unknown_fields() {
    let config: OpenAiConfig = serde_json::from_value(json!({"base_url": "http://127.0.0.1:8000/v1", "model": "m"})).unwrap();
    assert_eq!((config.timeout_secs, config.connect_timeout_secs, config.max_retries), (60, 5, 2));
    assert_eq!(config.licence, "NOASSERTION");
    let info = config.build().unwrap().info().clone();
    assert_eq!((info.backend.as_str(), info.name.as_str(), info.source.as_str()), ("openai", "m", "http://127.0.0.1:8000/v1"));

    let error = serde_json::from_value::<OpenAiConfig>(json!({"base_url": "http://x/v1", "model": "m", "timeout": 3})).unwrap_err();
    assert!(error.to_string().contains("unknown field `timeout`"), "{error}");
}

#[test]
fn invalid_settings_say_what_to_fix() {
    let check = |edit: &dyn Fn(&mut OpenAiConfig), expected: &str| {
        let mut config = OpenAiConfig::new("http://127.0.0.1:8000/v1", "m");
        edit(&mut config);
        let error = config.build().unwrap_err();
        assert!(matches!(error, ModelError::Invalid(_)));
        assert!(error.to_string().contains(expected), "{error} should mention {expected}");
        assert!(!error.to_string().contains("s3cret"), "{error}");
    };
    check(&|c| c.base_url = "127.0.0.1:8000".into(), "base_url");
    check(&|c| c.base_url = "ftp://host/v1".into(), "http:// or https://");
    check(&|c| c.base_url = "http://host/v1?key=s3cret".into(), "must not have a query");
    check(&|c| c.model = " ".into(), "`model`");
    check(&|c| c.timeout_secs = 0, "`timeout_secs` must be at least 1");
    check(&|c| c.connect_timeout_secs = 0, "`connect_timeout_secs`");
    check(&|c| c.max_retries = 50, "`max_retries` must be at most 10");
    check(&|c| c.context_length = Some(0), "`context_length`");
    check(&|c| c.licence = String::new(), "`licence`");
    check(
        &|c| {
            c.api_key = Some("s3cret".into());
            c.api_key_env = Some("HOME".into());
        },
        "not both",
    );
    check(&|c| c.api_key_env = Some("WAARBORG_TEST_SURELY_UNSET_VARIABLE".into()), "WAARBORG_TEST_SURELY_UNSET_VARIABLE");
    check(&|c| c.api_key = Some("s3cret\nX-Evil: 1".into()), "not allowed in an HTTP header");
}

#[tokio::test]
async fn the_key_can_come_from_the_environment() {
    let (addr, seen) = serve_with(|_| async { Json(json!({"data": []})).into_response() }).await;
    // PATH is set in every test environment; its value stands in for a key.
    let path = std::env::var("PATH").unwrap();
    let mut config = config(addr);
    config.api_key = None;
    config.api_key_env = Some("PATH".into());
    config.build().unwrap().health().await.unwrap();
    assert_eq!(seen.auth.lock().unwrap()[0].as_deref(), Some(format!("Bearer {path}").as_str()));
}

#[tokio::test]
async fn a_server_that_ignores_stream_true_is_forwarded_in_one_piece() {
    let router = Router::new().route("/v1/chat/completions", post(|| async { Json(completion_json("Alles in één keer.", "stop", true)) }));
    let addr = serve(router).await;
    let (tx, rx) = mpsc::channel(16);
    let collector = tokio::spawn(collect(rx));
    let completion = generate(&backend(addr), Some(tx)).await.unwrap();
    assert_eq!(collector.await.unwrap(), vec!["Alles in één keer."]);
    assert_eq!(completion.text, "Alles in één keer.");
}

#[test]
fn a_serialised_config_never_contains_the_key() {
    let mut config = OpenAiConfig::new("http://127.0.0.1:8000/v1", "m");
    config.api_key = Some(KEY.into());
    let text = serde_json::to_string(&config).unwrap();
    assert!(!text.contains(KEY), "{text}");
    assert!(!format!("{config:?}").contains(KEY));
}
