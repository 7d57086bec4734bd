//! Rights requests (access, rectification, erasure, objection): who asked (as a hash of their
//! identifiers, never the identifiers themselves), by when it must be answered, where it stands.
//! The rights issue builds the handling on this table.

use super::db_enum;
use crate::error::Result;
use crate::time::Timestamp;
use serde::Serialize;

db_enum! {
    /// What the data subject asks.
    RightsKind { Access = "access", Rectification = "rectification", Erasure = "erasure", Objection = "objection" }
}

db_enum! {
    /// Where the request stands.
    RightsStatus { Received = "received", InProgress = "in_progress", Completed = "completed", Refused = "refused" }
}

/// A rights request.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RightsRequest {
    /// Id, e.g. `rr_…`.
    pub id: String,
    /// Kind.
    pub kind: RightsKind,
    /// Keyed hash of the subject's identifiers.
    pub subject_hash: String,
    /// When received.
    pub received_at: Timestamp,
    /// Answer due (AVG art. 12(3): one month).
    pub deadline: Timestamp,
    /// Status.
    pub status: RightsStatus,
    /// Last change.
    pub updated_at: Timestamp,
}

/// Rights request queries.
#[async_trait::async_trait]
pub trait RightsStore {
    /// Records a request, due `deadline`.
    async fn create_rights_request(&self, kind: RightsKind, subject_hash: &str, deadline: Timestamp) -> Result<RightsRequest>;
    /// Changes its status.
    async fn set_rights_status(&self, id: &str, status: RightsStatus) -> Result<RightsRequest>;
    /// All requests, oldest deadline first.
    async fn list_rights_requests(&self) -> Result<Vec<RightsRequest>>;
}
