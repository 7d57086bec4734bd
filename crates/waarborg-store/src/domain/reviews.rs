//! Human review before an answer reaches a citizen (R-APP-4) and hand-overs to a person
//! ("Spreek een medewerker"). A draft waits in the review queue until a reviewer approves it
//! (possibly edited) or rejects it; the citizen sees only approved text. A decision is final.
//!
//! What is stored is what the citizen's page shows: the question with its personal data
//! redacted and the model's draft — never the raw question.

use super::db_enum;
use crate::error::{Result, StoreError};
use crate::time::Timestamp;
use serde::Serialize;

db_enum! {
    /// Where a draft stands.
    ReviewStatus { Pending = "pending", Approved = "approved", Rejected = "rejected" }
}

db_enum! {
    /// Where a hand-over stands.
    HandoverStatus { Open = "open", Closed = "closed" }
}

/// A draft answer waiting for (or past) human review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewItem {
    /// Id, e.g. `rev_…`.
    pub id: String,
    /// The application.
    pub app_id: String,
    /// The gateway request's audit event, if known.
    pub audit_seq: Option<i64>,
    /// The question as shown (personal data redacted).
    pub question: String,
    /// The model's draft.
    pub draft: String,
    /// Citations of the draft (`[{source, title, text}]`).
    pub citations: serde_json::Value,
    /// Opaque id of the conversation the draft belongs to (so that page can show the outcome).
    pub conversation: String,
    /// Status.
    pub status: ReviewStatus,
    /// The text the citizen sees once approved (the draft or the reviewer's edit).
    pub final_text: Option<String>,
    /// Whether the reviewer changed the draft.
    pub edited: bool,
    /// Why it was rejected or what was changed (the reviewer's words).
    pub note: Option<String>,
    /// When it was queued.
    pub created_at: Timestamp,
    /// When decided.
    pub decided_at: Option<Timestamp>,
    /// By whom (`user:NAME`).
    pub decided_by: Option<String>,
}

/// A request by a citizen to continue with a person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Handover {
    /// Id, e.g. `ho_…`.
    pub id: String,
    /// The application.
    pub app_id: String,
    /// Opaque id of the conversation.
    pub conversation: String,
    /// The conversation so far as shown (personal data redacted).
    pub summary: String,
    /// Status.
    pub status: HandoverStatus,
    /// When asked.
    pub created_at: Timestamp,
    /// When closed.
    pub closed_at: Option<Timestamp>,
    /// By whom.
    pub closed_by: Option<String>,
}

/// Review queue and hand-over queries.
#[async_trait::async_trait]
pub trait ReviewStore {
    /// Queues a draft (status `pending`). `NotFound` for an unknown application.
    async fn create_review(
        &self,
        app_id: &str,
        audit_seq: Option<i64>,
        question: &str,
        draft: &str,
        citations: serde_json::Value,
        conversation: &str,
    ) -> Result<ReviewItem>;
    /// By id.
    async fn get_review(&self, id: &str) -> Result<ReviewItem>;
    /// Drafts with this status (all when `None`): pending ones oldest first, decided ones newest
    /// decision first; with `None` the pending ones come before the decided ones.
    async fn list_reviews(&self, status: Option<ReviewStatus>) -> Result<Vec<ReviewItem>>;
    /// Every draft of one conversation, oldest first.
    async fn conversation_reviews(&self, conversation: &str) -> Result<Vec<ReviewItem>>;
    /// Approves (with `final_text`, the draft when `None`) or rejects a pending draft. `Invalid`
    /// for `Pending` as the new status; `Conflict` when it was already decided (a decision is
    /// final, and two reviewers cannot both decide). A rejection ignores `final_text`: the
    /// citizen sees nothing of a rejected draft.
    async fn decide_review(
        &self,
        id: &str,
        status: ReviewStatus,
        final_text: Option<&str>,
        note: Option<&str>,
        actor: &str,
    ) -> Result<ReviewItem>;
    /// Records a hand-over (status `open`).
    async fn create_handover(&self, app_id: &str, conversation: &str, summary: &str) -> Result<Handover>;
    /// Hand-overs with this status (all when `None`), newest first.
    async fn list_handovers(&self, status: Option<HandoverStatus>) -> Result<Vec<Handover>>;
    /// Closes an open hand-over (`Conflict` when already closed).
    async fn close_handover(&self, id: &str, actor: &str) -> Result<Handover>;
}

/// `Invalid` for `Pending` as a decision: it is where every draft starts, not where one can go.
pub(crate) fn validate_decision(status: ReviewStatus) -> Result<()> {
    if status == ReviewStatus::Pending {
        return Err(StoreError::Invalid(
            "a review decision is 'approved' or 'rejected'; 'pending' is where every draft starts".into(),
        ));
    }
    Ok(())
}

/// What a decision writes, worked out the same way for both backends: `(final_text, edited)`.
/// Approval shows `final_text` (the draft when `None`) and is `edited` when that differs from the
/// draft; rejection shows nothing.
pub(crate) fn decision_outcome(
    status: ReviewStatus,
    draft: &str,
    final_text: Option<&str>,
) -> Result<(Option<String>, bool)> {
    validate_decision(status)?;
    if status == ReviewStatus::Rejected {
        return Ok((None, false));
    }
    let text = final_text.unwrap_or(draft);
    if text.trim().is_empty() {
        return Err(StoreError::Invalid(
            "an approved answer cannot be empty; reject the draft instead, with a note why".into(),
        ));
    }
    Ok((Some(text.to_owned()), text != draft))
}

/// A conversation id must be given: it is how the citizen's page finds its drafts.
pub(crate) fn validate_conversation(conversation: &str) -> Result<()> {
    if conversation.trim().is_empty() {
        return Err(StoreError::Invalid("a conversation id is needed to show the citizen the outcome".into()));
    }
    Ok(())
}
