//! Models and their versions (R-GOV-4): which weights, from where, under which licence, with the
//! model card's fields; aliases such as `production` point at one version.

use crate::error::Result;
use crate::time::Timestamp;
use serde::Serialize;

/// A model (a family of versions).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelRecord {
    /// Id, e.g. `mdl_…`.
    pub id: String,
    /// Unique name, e.g. `smollm2-135m-instruct`.
    pub name: String,
    /// Backend kind (`gguf`, `openai`, `extractive`).
    pub backend: String,
    /// Where it comes from (package, URL, supplier).
    pub source: String,
    /// Licence (SPDX id where there is one).
    pub licence: String,
    /// Model-card fields (intended use, limitations, evaluation, …) as JSON.
    pub card: serde_json::Value,
    /// When registered.
    pub created_at: Timestamp,
}

/// One version of a model: fixed weights.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelVersion {
    /// Id, e.g. `mv_…`.
    pub id: String,
    /// The model.
    pub model_id: String,
    /// Version label, unique per model (e.g. `2024-11-q4_1`).
    pub label: String,
    /// sha256 of the weights file(s).
    pub weights_sha256: String,
    /// Parameters (size, quantisation, context length, …) as JSON.
    pub parameters: serde_json::Value,
    /// When registered.
    pub created_at: Timestamp,
}

/// Model queries.
#[async_trait::async_trait]
pub trait ModelStore {
    /// Registers a model. `AlreadyExists` on a taken name.
    async fn register_model(
        &self,
        name: &str,
        backend: &str,
        source: &str,
        licence: &str,
        card: serde_json::Value,
        actor: &str,
    ) -> Result<ModelRecord>;
    /// By id or name.
    async fn get_model(&self, id_or_name: &str) -> Result<ModelRecord>;
    /// All models by name.
    async fn list_models(&self) -> Result<Vec<ModelRecord>>;
    /// Adds a version. `AlreadyExists` on a taken label for the model.
    async fn add_model_version(
        &self,
        model: &str,
        label: &str,
        weights_sha256: &str,
        parameters: serde_json::Value,
        actor: &str,
    ) -> Result<ModelVersion>;
    /// Versions of a model, oldest first.
    async fn list_model_versions(&self, model: &str) -> Result<Vec<ModelVersion>>;
    /// Points `alias` (e.g. `production`) at a version; the previous target stays in history.
    async fn set_alias(&self, alias: &str, version_id: &str, actor: &str) -> Result<()>;
    /// The version an alias points at.
    async fn resolve_alias(&self, alias: &str) -> Result<ModelVersion>;
}
