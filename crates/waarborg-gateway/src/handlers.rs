//! Thin HTTP handlers: parse, authenticate, call the pipeline, shape the OpenAI answer.

use crate::api::{input_texts, ChatRequest, EmbeddingsRequest, ModerationRequest, VerifyRequest};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::pipeline::{Action, Decision, Stage};
use crate::Gateway;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use base64::Engine as _;
use serde_json::{json, Value};
use std::sync::Arc;
use waarborg_models::GenerateRequest;
use waarborg_pii::Operator;
use waarborg_store::{AuditKind, NewAuditEvent};

/// The id of a request, set by the outermost middleware.
#[derive(Debug, Clone)]
pub(crate) struct RequestId(pub String);

pub(crate) fn router(gw: Arc<Gateway>) -> Router {
    let limit = gw.settings.max_body_bytes;
    Router::new()
        .route("/v1/chat/completions", post(chat))
        .route("/v1/models", get(models))
        .route("/v1/models/{id}", get(model))
        .route("/v1/embeddings", post(embeddings))
        .route("/v1/moderations", post(moderations))
        .route("/v1/provenance/verify", post(verify))
        .route("/v1/provenance/key", get(provenance_key))
        .merge(crate::ui::router(gw.clone()))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(limit))
        .layer(axum::middleware::from_fn_with_state(gw.clone(), envelope))
        .with_state(gw)
}

/// Request id, whole-request timeout and secure headers on every response.
async fn envelope(State(gw): State<Arc<Gateway>>, mut req: Request, next: Next) -> Response {
    let id = format!("req_{:016x}{:08x}", rand::random::<u64>(), rand::random::<u32>());
    req.extensions_mut().insert(RequestId(id.clone()));
    let mut resp = match tokio::time::timeout(gw.settings.request_timeout, next.run(req)).await {
        Ok(r) => r,
        Err(_) => {
            let mut e = ApiError::unavailable("the request took too long and was stopped");
            e.status = axum::http::StatusCode::GATEWAY_TIMEOUT;
            e.code = "timeout";
            e.into_response()
        }
    };
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&id) {
        h.insert("x-request-id", v);
    }
    h.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    h.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    if !h.contains_key("content-security-policy") {
        h.insert("content-security-policy", HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"));
    }
    h.insert("cache-control", HeaderValue::from_static("no-store"));
    h.insert("strict-transport-security", HeaderValue::from_static("max-age=31536000"));
    resp
}

async fn not_found(req: Request) -> Response {
    // A person in a browser gets a page; a client of the API gets the OpenAI-shaped error.
    let html = req.headers().get("accept").and_then(|a| a.to_str().ok()).is_some_and(|a| a.contains("text/html"));
    if html && !req.uri().path().starts_with("/v1") {
        let page = "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Niet gevonden · Waarborg</title><link rel=\"stylesheet\" href=\"/static/style.css\"></head><body><main id=\"main\" class=\"wrap\"><h1>Niet gevonden</h1><p>Deze pagina bestaat niet (meer). <span lang=\"en\">This page does not exist.</span></p><p><a href=\"/\">Naar de startpagina</a></p></main></body></html>";
        let mut r = (axum::http::StatusCode::NOT_FOUND, axum::response::Html(page)).into_response();
        r.headers_mut().insert("content-security-policy", HeaderValue::from_static(crate::ui::PAGE_CSP));
        return r;
    }
    api_not_found().await.into_response()
}

async fn api_not_found() -> ApiError {
    ApiError::not_found("not_found", "no such endpoint; see /v1/chat/completions, /v1/models, /v1/embeddings, /v1/moderations", None)
}

async fn method_not_allowed() -> ApiError {
    let mut e = ApiError::invalid("this method is not allowed on this endpoint", None);
    e.status = axum::http::StatusCode::METHOD_NOT_ALLOWED;
    e.code = "method_not_allowed";
    e
}

fn body_or_error(body: Result<Bytes, BytesRejection>, limit: usize) -> Result<Bytes, ApiError> {
    body.map_err(|r| {
        if r.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::too_large(limit)
        } else {
            ApiError::invalid("the request body could not be read", None)
        }
    })
}

fn parse<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| {
        // serde's message names the field and position, never the value.
        let msg = e.to_string();
        let kind = if e.is_data() { "the request does not match the schema" } else { "the request body is not valid JSON" };
        ApiError::invalid(format!("{kind}: {}", msg.split(" at line").next().unwrap_or_default()), None)
    })
}

async fn authenticate(gw: &Gateway, headers: &HeaderMap) -> Result<Caller, ApiError> {
    let h = headers.get("authorization").and_then(|v| v.to_str().ok());
    let caller = gw.auth.authenticate(h).await?;
    gw.limiter.check(&caller.key_id)?;
    Ok(caller)
}

fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// Validates a chat request into the model request (400 with the field on bad values).
fn generate_request(req: &mut ChatRequest) -> Result<(Vec<waarborg_models::ChatMessage>, GenerateRequest), ApiError> {
    if req.messages.is_empty() {
        return Err(ApiError::invalid("messages must not be empty", Some("messages")));
    }
    if req.n.is_some_and(|n| n != 1) {
        return Err(ApiError::invalid("only n = 1 is supported", Some("n")));
    }
    let msgs = req.messages.iter().map(|m| m.to_chat()).collect::<Result<Vec<_>, _>>()?;
    let mut g = GenerateRequest::new(Vec::new());
    if let Some(t) = req.temperature {
        if !(0.0..=2.0).contains(&t) {
            return Err(ApiError::invalid("temperature must be between 0 and 2", Some("temperature")));
        }
        g.temperature = t;
    }
    if let Some(p) = req.top_p {
        if !(p > 0.0 && p <= 1.0) {
            return Err(ApiError::invalid("top_p must be greater than 0 and at most 1", Some("top_p")));
        }
        g.top_p = p;
    }
    if let Some(m) = req.max_completion_tokens.or(req.max_tokens) {
        if m == 0 {
            return Err(ApiError::invalid("max_tokens must be at least 1", Some("max_tokens")));
        }
        g.max_tokens = m;
    }
    if let Some(s) = req.stop.take() {
        let s = s.into_vec();
        if s.len() > 4 || s.iter().any(String::is_empty) {
            return Err(ApiError::invalid("stop takes at most 4 non-empty sequences", Some("stop")));
        }
        g.stop = s;
    }
    g.seed = req.seed;
    Ok((msgs, g))
}

async fn chat(
    State(gw): State<Arc<Gateway>>,
    Extension(RequestId(rid)): Extension<RequestId>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = body_or_error(body, gw.settings.max_body_bytes)?;
    let caller = authenticate(&gw, &headers).await?;
    let parsed = parse::<ChatRequest>(&body).and_then(|mut req| {
        gw.check_model(&caller, &req.model)?;
        let (msgs, g) = generate_request(&mut req)?;
        Ok((req, msgs, g))
    });
    let (req, msgs, g) = match parsed {
        Ok(x) => x,
        Err(e) => {
            let d = vec![Decision::new(Stage::Authenticate, Action::Allowed), Decision { stage: "request", action: Action::Blocked, types: Vec::new(), reason: Some(e.code.to_owned()) }];
            gw.audit_error(&caller, &rid, "chat.completions", e.status.as_u16(), d).await;
            return Err(e);
        }
    };
    let stream = req.stream.unwrap_or(false);
    let include_usage = req.stream_options.as_ref().and_then(|o| o.include_usage).unwrap_or(false);
    let model_name = if req.model == "default" { gw.generator.info().name.clone() } else { req.model.clone() };
    let created = unix_now();
    let id = format!("chatcmpl-{}", rid.trim_start_matches("req_"));
    let prepared = gw.prepare(rid, caller, model_name.clone(), msgs, g, stream).await;
    if stream {
        // An answer that waits for a reviewer is never streamed: the notice goes out in one piece.
        if gw.reviews(prepared.exchange()) {
            let done = gw.complete(prepared, &model_name).await?;
            return Ok(crate::stream::respond_completed(done, id, created, model_name, include_usage));
        }
        return Ok(crate::stream::respond(gw, prepared, id, created, model_name, include_usage, Default::default()));
    }
    let done = gw.complete(prepared, &model_name).await?;
    let (shown, finish, pt, ct, ext) = (done.text, done.finish, done.prompt_tokens, done.completion_tokens, done.ext);
    Ok(Json(json!({
        "id": id,
        "object": "chat.completion",
        "created": created,
        "model": model_name,
        "system_fingerprint": null,
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": shown, "refusal": null},
            "logprobs": null,
            "finish_reason": finish,
        }],
        "usage": {"prompt_tokens": pt, "completion_tokens": ct, "total_tokens": pt + ct},
        "waarborg": ext,
    }))
    .into_response())
}

fn model_object(name: &str) -> Value {
    json!({"id": name, "object": "model", "created": 0, "owned_by": "waarborg"})
}

fn served(gw: &Gateway) -> Vec<String> {
    let mut v = vec![gw.generator.info().name.clone()];
    if let Some(e) = &gw.embedder {
        v.push(e.info().name.clone());
    }
    v
}

async fn models(State(gw): State<Arc<Gateway>>, headers: HeaderMap) -> Result<Json<Value>, ApiError> {
    authenticate(&gw, &headers).await?;
    Ok(Json(json!({"object": "list", "data": served(&gw).iter().map(|m| model_object(m)).collect::<Vec<_>>()})))
}

async fn model(State(gw): State<Arc<Gateway>>, headers: HeaderMap, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    authenticate(&gw, &headers).await?;
    if served(&gw).contains(&id) {
        Ok(Json(model_object(&id)))
    } else {
        Err(ApiError::not_found("model_not_found", "the model does not exist or is not served here", Some("model")))
    }
}

async fn embeddings(
    State(gw): State<Arc<Gateway>>,
    Extension(RequestId(rid)): Extension<RequestId>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Value>, ApiError> {
    let body = body_or_error(body, gw.settings.max_body_bytes)?;
    let caller = authenticate(&gw, &headers).await?;
    let req: EmbeddingsRequest = parse(&body)?;
    let Some(embedder) = gw.embedder.clone() else {
        return Err(ApiError::not_found("model_not_found", "no embedding model is served here", Some("model")));
    };
    if req.model != embedder.info().name && req.model != "default" {
        return Err(ApiError::not_found("model_not_found", "the embedding model does not exist or is not served here", Some("model")));
    }
    let base64 = match req.encoding_format.as_deref() {
        None | Some("float") => false,
        Some("base64") => true,
        Some(_) => return Err(ApiError::invalid("encoding_format must be float or base64", Some("encoding_format"))),
    };
    let texts = input_texts(&req.input)?;
    if texts.len() > 2048 {
        return Err(ApiError::invalid("at most 2048 inputs per request", Some("input")));
    }
    // No personal data reaches a model: every value is redacted before embedding.
    let mut types = Vec::new();
    let clean: Vec<String> = texts
        .iter()
        .map(|t| {
            let a = gw.pii.anonymise(t, &Operator::Redact);
            types.extend(a.spans.iter().map(|r| r.span.entity.as_str().to_owned()));
            a.text
        })
        .collect();
    types.sort();
    types.dedup();
    let decisions = vec![
        Decision::new(Stage::Authenticate, Action::Allowed),
        if types.is_empty() { Decision::new(Stage::InputPii, Action::Allowed) } else { Decision::new(Stage::InputPii, Action::Redacted).types(types) },
    ];
    let vectors = embedder.embed(&clean).await.map_err(|_| ApiError::unavailable("the embedding model is not available"))?;
    let tokens: usize = clean.iter().map(|t| t.split_whitespace().count()).sum();
    let data: Vec<Value> = vectors
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let embedding = if base64 {
                let bytes: Vec<u8> = v.iter().flat_map(|x| x.to_le_bytes()).collect();
                Value::String(base64::engine::general_purpose::STANDARD.encode(bytes))
            } else {
                json!(v)
            };
            json!({"object": "embedding", "index": i, "embedding": embedding})
        })
        .collect();
    let event = NewAuditEvent {
        app_id: Some(caller.app.id.clone()),
        model_version: Some(gw.model_versions.get(&embedder.info().name).cloned().unwrap_or_else(|| embedder.info().name.clone())),
        decisions: serde_json::to_value(&decisions).unwrap_or_default(),
        prompt_tokens: Some(tokens as i64),
        completion_tokens: Some(0),
        detail: json!({"request_id": rid, "endpoint": "embeddings", "inputs": texts.len(), "key_id": caller.key_id}),
        ..NewAuditEvent::new(AuditKind::GatewayRequest, &format!("app:{}", caller.app.id))
    };
    gw.store.append_audit(event).await.map_err(|_| ApiError::unavailable("the audit trail could not be written"))?;
    Ok(Json(json!({
        "object": "list",
        "data": data,
        "model": embedder.info().name,
        "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
    })))
}

async fn moderations(
    State(gw): State<Arc<Gateway>>,
    Extension(RequestId(rid)): Extension<RequestId>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Value>, ApiError> {
    let body = body_or_error(body, gw.settings.max_body_bytes)?;
    let caller = authenticate(&gw, &headers).await?;
    let req: ModerationRequest = parse(&body)?;
    let texts = input_texts(&req.input)?;
    let mut flagged_any = false;
    let results: Vec<Value> = texts
        .iter()
        .map(|t| {
            let f = crate::pipeline::scan_guarded(&gw.pii, t).unwrap_or_default();
            let inj = crate::guard::injection::check(t, false);
            let personal = !f.spans.is_empty();
            let special = !f.categories.is_empty();
            let bsn = f.spans.iter().any(|s| s.entity == waarborg_pii::EntityType::Bsn);
            let flagged = personal || special || inj.is_injection();
            flagged_any |= flagged;
            json!({
                "flagged": flagged,
                "categories": {"personal_data": personal, "special_category_data": special, "bsn": bsn, "prompt_injection": inj.is_injection()},
                "category_scores": {
                    "personal_data": f.spans.iter().map(|s| s.score).fold(0.0f32, f32::max),
                    "special_category_data": if special { 1.0 } else { 0.0 },
                    "bsn": if bsn { 1.0 } else { 0.0 },
                    "prompt_injection": inj.score.min(1.0),
                },
                "waarborg": {"types": f.entity_types(), "special_categories": f.categories, "injection_rules": inj.rules},
            })
        })
        .collect();
    let event = NewAuditEvent {
        app_id: Some(caller.app.id.clone()),
        decisions: json!([{"stage": "moderation", "action": if flagged_any { "blocked" } else { "allowed" }}]),
        detail: json!({"request_id": rid, "endpoint": "moderations", "inputs": texts.len(), "key_id": caller.key_id}),
        ..NewAuditEvent::new(AuditKind::GatewayRequest, &format!("app:{}", caller.app.id))
    };
    gw.store.append_audit(event).await.map_err(|_| ApiError::unavailable("the audit trail could not be written"))?;
    Ok(Json(json!({"id": format!("modr-{}", rid.trim_start_matches("req_")), "model": "waarborg-guardrails", "results": results})))
}

/// Open to anyone who received a text: verification needs no key.
async fn verify(State(gw): State<Arc<Gateway>>, body: Result<Bytes, BytesRejection>) -> Result<Json<Value>, ApiError> {
    let body = body_or_error(body, gw.settings.max_body_bytes)?;
    let req: VerifyRequest = parse(&body)?;
    Ok(Json(match gw.signer.verify(&req.text, &req.provenance) {
        Ok(record) => json!({"valid": true, "key_id": gw.signer.key_id(), "record": record}),
        Err(reason) => json!({"valid": false, "key_id": gw.signer.key_id(), "reason": reason}),
    }))
}

async fn provenance_key(State(gw): State<Arc<Gateway>>) -> Json<Value> {
    Json(json!({"key_id": gw.signer.key_id(), "algorithm": "Ed25519", "public_key": gw.signer.public_key_b64()}))
}
