//! `waarborg-gateway`: where people and applications meet generative AI, and where the AVG and
//! the AI Act are enforced at run time (REQUIREMENTS.md R-PURPOSE, R-APP-1…12).
//!
//! # Shape
//! - [`Gateway`] holds the pieces (store, personal-data engine and vault, generator, embedder,
//!   retriever, provenance signer, settings) and [`Gateway::router`] gives the axum app: the
//!   OpenAI-compatible API (`/v1/chat/completions`, `/v1/models`, `/v1/embeddings`,
//!   `/v1/moderations`) and `/v1/provenance/verify`, and the web UI ([`ui`]: chat, review queue,
//!   privacy office, register).
//! - Every chat request runs one ordered list of [`pipeline::Stage`]s taken from the
//!   application's policy ([`config::Policy`]): authenticate → rate limit → purpose → input
//!   personal data → injection → retrieve → generate → output personal data → disclose → sign →
//!   audit. Policies change how a stage decides, never whether it runs; nothing in a request can
//!   switch a guardrail off.
//! - Detection of personal data is `waarborg-pii`'s; this crate holds only the gateway's own rules
//!   ([`guard`]): purpose binding, the injection corpus, output safety.
//! - Streaming ([`stream`]) holds back a bounded window so the output filter sees every value
//!   whole before any of it leaves the server, and fails closed.
//! - Errors are OpenAI-shaped ([`error::ApiError`]); logs never hold prompts, answers or keys
//!   (this crate logs nothing itself; the audit trail is the record).

pub mod api;
pub mod auth;
mod complete;
pub mod config;
pub mod disclosure;
pub mod error;
pub mod guard;
mod handlers;
pub mod pipeline;
pub mod provenance;
pub mod retrieve;
pub mod stream;
pub mod ui;

pub use config::{GatewayConfig, Policy, Settings};
pub use error::{ApiError, GatewayError};
pub use provenance::Signer25519;
pub use retrieve::{MemoryRetriever, Retriever};

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use waarborg_models::{Embedder, Generator, ModelInfo};
use waarborg_pii::{Engine, Vault};
use waarborg_store::Store;

/// What the gateway is built from.
pub struct GatewayParts {
    /// Validated settings.
    pub settings: Settings,
    /// The record.
    pub store: Arc<dyn Store>,
    /// Personal-data engine.
    pub pii: Arc<Engine>,
    /// The generator.
    pub generator: Arc<dyn Generator>,
    /// The embedder, if any.
    pub embedder: Option<Arc<dyn Embedder>>,
    /// Retrieval, if any.
    pub retriever: Option<Arc<dyn Retriever>>,
    /// Provenance signer.
    pub signer: Signer25519,
    /// Model name → model version id in the store (see [`register_model_versions`]).
    pub model_versions: HashMap<String, String>,
}

/// The running gateway's state.
pub struct Gateway {
    pub(crate) settings: Settings,
    pub(crate) store: Arc<dyn Store>,
    pub(crate) pii: Arc<Engine>,
    pub(crate) vault: Vault,
    pub(crate) generator: Arc<dyn Generator>,
    pub(crate) embedder: Option<Arc<dyn Embedder>>,
    pub(crate) retriever: Option<Arc<dyn Retriever>>,
    pub(crate) signer: Signer25519,
    pub(crate) auth: auth::Authenticator,
    pub(crate) limiter: auth::RateLimiter,
    pub(crate) model_versions: HashMap<String, String>,
    pub(crate) fallback: waarborg_models::extractive::Extractive,
    pub(crate) purposes: Mutex<HashMap<(String, i64), Arc<pipeline::PurposeProfile>>>,
    pub(crate) ui: ui::Ui,
}

impl Gateway {
    /// Assembles the gateway.
    pub fn new(parts: GatewayParts) -> Arc<Gateway> {
        let s = &parts.settings;
        Arc::new(Gateway {
            auth: auth::Authenticator::new(parts.store.clone(), s.auth_cache),
            limiter: auth::RateLimiter::new(s.rate_per_second, s.burst),
            vault: Vault::new(std::time::Duration::from_secs(600)),
            fallback: waarborg_models::extractive::Extractive::new(),
            purposes: Mutex::new(HashMap::new()),
            ui: ui::Ui::new(),
            settings: parts.settings,
            store: parts.store,
            pii: parts.pii,
            generator: parts.generator,
            embedder: parts.embedder,
            retriever: parts.retriever,
            signer: parts.signer,
            model_versions: parts.model_versions,
        })
    }

    /// The axum app.
    pub fn router(self: &Arc<Self>) -> axum::Router {
        handlers::router(self.clone())
    }

    /// The provenance signer (its key id and public key).
    pub fn signer(&self) -> &Signer25519 {
        &self.signer
    }
}

/// Serves `router` on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router).with_graceful_shutdown(shutdown).await
}

/// Registers each served model and its version in the store (idempotent) and returns model
/// name → version id, so audit events and provenance name the exact version.
pub async fn register_model_versions(
    store: &dyn Store,
    models: &[ModelInfo],
) -> Result<HashMap<String, String>, GatewayError> {
    use waarborg_store::StoreError;
    let mut out = HashMap::new();
    for m in models {
        match store.register_model(&m.name, &m.backend, &m.source, &m.licence, serde_json::json!({}), "system").await {
            Ok(_) | Err(StoreError::AlreadyExists { .. }) => {}
            Err(e) => return Err(e.into()),
        }
        // Without weights (a remote server, the extractive backend) the version is identified by
        // the hash of its description.
        let sha = m
            .weights_sha256
            .clone()
            .unwrap_or_else(|| provenance::sha256_hex(&serde_json::to_vec(m).unwrap_or_default()));
        let label = format!("sha256-{}", &sha[..sha.len().min(16)]);
        let params = serde_json::json!({
            "quantisation": m.quantisation, "context_length": m.context_length, "parameters": m.parameters,
        });
        let id = match store.add_model_version(&m.name, &label, &sha, params, "system").await {
            Ok(v) => v.id,
            Err(StoreError::AlreadyExists { .. }) => store
                .list_model_versions(&m.name)
                .await?
                .into_iter()
                .find(|v| v.label == label)
                .map(|v| v.id)
                .unwrap_or_else(|| m.name.clone()),
            Err(e) => return Err(e.into()),
        };
        out.insert(m.name.clone(), id);
    }
    Ok(out)
}
