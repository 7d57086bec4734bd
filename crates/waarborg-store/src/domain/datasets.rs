//! Datasets, their content-addressed snapshots, and lineage: which model versions and retrieval
//! collections were built from which snapshots, so "what was built from data about this person"
//! is one query (R-RIGHTS-3).

use super::db_enum;
use crate::error::Result;
use crate::time::Timestamp;
use serde::Serialize;

db_enum! {
    /// What a snapshot was used to build.
    LineageTarget { ModelVersion = "model_version", Collection = "collection" }
}

/// A dataset (a named series of snapshots).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    /// Id, e.g. `ds_…`.
    pub id: String,
    /// Unique name.
    pub name: String,
    /// What it holds and why it was collected.
    pub description: String,
    /// When registered.
    pub created_at: Timestamp,
}

/// An immutable snapshot of a dataset.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snapshot {
    /// Content address, `sha256:<64 hex>` of the snapshot's manifest.
    pub id: String,
    /// The dataset.
    pub dataset_id: String,
    /// Provenance: sources and collection criteria (JSON).
    pub provenance: serde_json::Value,
    /// Where the curation report is (path or id).
    pub report_ref: Option<String>,
    /// Number of records.
    pub records: i64,
    /// When recorded.
    pub created_at: Timestamp,
}

/// One lineage edge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineageEdge {
    /// The snapshot used.
    pub snapshot_id: String,
    /// What kind of thing was built.
    pub target: LineageTarget,
    /// Its id (model version id, or collection name).
    pub target_id: String,
    /// When recorded.
    pub created_at: Timestamp,
}

/// Dataset and lineage queries.
#[async_trait::async_trait]
pub trait DatasetStore {
    /// Registers a dataset. `AlreadyExists` on a taken name.
    async fn create_dataset(&self, name: &str, description: &str, actor: &str) -> Result<Dataset>;
    /// By id or name.
    async fn get_dataset(&self, id_or_name: &str) -> Result<Dataset>;
    /// Records a snapshot; recording the same content address again returns the existing one.
    async fn add_snapshot(
        &self,
        dataset: &str,
        id: &str,
        provenance: serde_json::Value,
        report_ref: Option<&str>,
        records: i64,
    ) -> Result<Snapshot>;
    /// Snapshots of a dataset, oldest first.
    async fn list_snapshots(&self, dataset: &str) -> Result<Vec<Snapshot>>;
    /// Records that `target_id` was built from `snapshot_id` (idempotent).
    async fn add_lineage(&self, snapshot_id: &str, target: LineageTarget, target_id: &str) -> Result<()>;
    /// Everything built from any of these snapshots, in one query.
    async fn built_from(&self, snapshot_ids: &[String]) -> Result<Vec<LineageEdge>>;
}

/// The content address of a snapshot manifest.
pub fn snapshot_id(manifest: &[u8]) -> String {
    use sha2::Digest;
    format!("sha256:{}", crate::secret::hex(&sha2::Sha256::digest(manifest)))
}

pub(crate) fn valid_snapshot_id(id: &str) -> bool {
    id.len() == 71 && id.starts_with("sha256:") && id[7..].bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}
