//! Incidents and feedback (R-APP-10): reports of wrong output, discrimination, privacy or
//! security problems, with their status over time.

use super::db_enum;
use crate::error::Result;
use crate::time::Timestamp;
use serde::Serialize;

db_enum! {
    /// What kind of problem.
    IncidentKind {
        WrongOutput = "wrong_output", Discrimination = "discrimination", Privacy = "privacy",
        Security = "security", Other = "other",
    }
}

db_enum! {
    /// Where it stands.
    IncidentStatus { Open = "open", Investigating = "investigating", Resolved = "resolved", Dismissed = "dismissed" }
}

/// A reported incident.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Incident {
    /// Id, e.g. `inc_…`.
    pub id: String,
    /// Kind.
    pub kind: IncidentKind,
    /// The application concerned, if known.
    pub app_id: Option<String>,
    /// The audit event concerned, if known.
    pub audit_seq: Option<i64>,
    /// What happened (the reporter's words; may hold personal data — not logged).
    pub description: String,
    /// Who reported it.
    pub reported_by: String,
    /// When.
    pub reported_at: Timestamp,
    /// Current status.
    pub status: IncidentStatus,
    /// When the status last changed.
    pub status_changed_at: Timestamp,
}

/// Incident queries.
#[async_trait::async_trait]
pub trait IncidentStore {
    /// Records a report (status `open`).
    async fn report_incident(
        &self,
        kind: IncidentKind,
        app_id: Option<&str>,
        audit_seq: Option<i64>,
        description: &str,
        reported_by: &str,
    ) -> Result<Incident>;
    /// Changes the status; the change is kept in history.
    async fn set_incident_status(&self, id: &str, status: IncidentStatus, note: &str, actor: &str) -> Result<Incident>;
    /// All incidents, newest first.
    async fn list_incidents(&self) -> Result<Vec<Incident>>;
}
