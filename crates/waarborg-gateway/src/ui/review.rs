//! The review queue (role `reviewer`, R-APP-4): drafts for citizens wait here until a reviewer
//! approves them (possibly edited) or rejects them; open hand-overs are listed too. Every
//! decision is an audit event; the draft and the final text are sealed in it (redacted).

use super::Visit;
use crate::Gateway;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Form, Router};
use serde::Deserialize;
use serde_json::json;
use std::collections::HashMap;
use std::sync::Arc;
use waarborg_pii::Operator;
use waarborg_store::{AuditContent, AuditKind, HandoverStatus, NewAuditEvent, Permission, ReviewStatus, StoreError};

/// This page's texts.
pub(crate) const TEXTS: super::i18n::Texts = &[
    ("review.title", "Controle van antwoorden", "Answer review"),
    ("review.intro", "Antwoorden voor inwoners bij toepassingen met menselijke controle wachten hier. Lees de vraag en het concept, pas het zo nodig aan en keur het goed of af. Pas daarna ziet de inwoner het antwoord, gemarkeerd als opgesteld met AI.", "Answers for residents of applications with human review wait here. Read the question and the draft, edit it if needed, and approve or reject it. Only then does the resident see the answer, marked as drafted with AI."),
    ("review.pending", "Wachtende concepten", "Waiting drafts"),
    ("review.none", "Er wachten geen concepten.", "No drafts are waiting."),
    ("review.col.time", "Ontvangen", "Received"),
    ("review.col.app", "Toepassing", "Application"),
    ("review.col.question", "Vraag", "Question"),
    ("review.col.action", "Actie", "Action"),
    ("review.open", "Beoordelen", "Review"),
    ("review.decided", "Recent beoordeeld", "Recently decided"),
    ("review.col.decision", "Besluit", "Decision"),
    ("review.col.by", "Door", "By"),
    ("review.status.pending", "wacht", "waiting"),
    ("review.status.approved", "goedgekeurd", "approved"),
    ("review.status.rejected", "afgekeurd", "rejected"),
    ("review.edited", "aangepast", "edited"),
    ("review.handovers", "Verzoeken om een medewerker", "Requests for a staff member"),
    ("review.handovers.none", "Er zijn geen open verzoeken.", "There are no open requests."),
    ("review.handovers.summary", "Gesprek tot nu toe", "Conversation so far"),
    ("review.handovers.close", "Afgehandeld", "Done"),
    ("review.handovers.closed", "Het verzoek is gesloten.", "The request has been closed."),
    ("review.item.title", "Concept beoordelen", "Review draft"),
    ("review.item.question", "Vraag van de inwoner (persoonsgegevens vervangen)", "The resident's question (personal data replaced)"),
    ("review.item.draft", "Concept van de AI-assistent", "The AI assistant's draft"),
    ("review.item.sources", "Gebruikte bronnen", "Sources used"),
    ("review.item.final", "Antwoord aan de inwoner", "Answer to the resident"),
    ("review.item.final_hint", "Pas de tekst aan als dat nodig is. De inwoner ziet precies deze tekst.", "Edit the text if needed. The resident sees exactly this text."),
    ("review.item.note", "Notitie voor het dossier (niet zichtbaar voor de inwoner)", "Note for the record (not shown to the resident)"),
    ("review.item.approve", "Goedkeuren en versturen", "Approve and send"),
    ("review.item.reject", "Afkeuren", "Reject"),
    ("review.item.already", "Dit concept is al beoordeeld.", "This draft has already been decided."),
    ("review.approved", "Het antwoord is goedgekeurd; de inwoner ziet het nu.", "The answer has been approved; the resident sees it now."),
    ("review.rejected", "Het concept is afgekeurd; de inwoner krijgt het advies contact op te nemen.", "The draft has been rejected; the resident is advised to get in touch."),
    ("review.empty_final", "Een goedgekeurd antwoord mag niet leeg zijn.", "An approved answer cannot be empty."),
];

pub(crate) fn routes() -> Router<Arc<Gateway>> {
    Router::new()
        .route("/review", get(queue))
        .route("/review/{id}", get(item).post(decide))
        .route("/review/handovers/{id}/close", post(close_handover))
}

async fn app_names(gw: &Gateway) -> HashMap<String, String> {
    gw.store.list_apps().await.unwrap_or_default().into_iter().map(|a| (a.id, a.spec.name)).collect()
}

async fn queue(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>) -> Response {
    if let Err(r) = gw.ui.require(&v, Permission::ReviewOutputs) {
        return r;
    }
    let (pending, decided, handovers) = match (
        gw.store.list_reviews(Some(ReviewStatus::Pending)).await,
        gw.store.list_reviews(None).await,
        gw.store.list_handovers(Some(HandoverStatus::Open)).await,
    ) {
        (Ok(p), Ok(all), Ok(h)) => (p, all, h),
        _ => return gw.ui.error(&v, StatusCode::SERVICE_UNAVAILABLE, "error.unavailable.title", "error.unavailable.text"),
    };
    let names = app_names(&gw).await;
    let name = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_owned());
    let pending: Vec<_> = pending
        .iter()
        .map(|r| json!({"id": r.id, "app": name(&r.app_id), "question": r.question, "created": r.created_at}))
        .collect();
    let decided: Vec<_> = decided
        .iter()
        .filter(|r| r.status != ReviewStatus::Pending)
        .take(20)
        .map(|r| json!({"id": r.id, "app": name(&r.app_id), "question": r.question, "status": r.status, "edited": r.edited, "by": r.decided_by, "decided": r.decided_at}))
        .collect();
    let handovers: Vec<_> = handovers
        .iter()
        .map(|h| json!({"id": h.id, "app": name(&h.app_id), "summary": h.summary, "created": h.created_at}))
        .collect();
    gw.ui.page(&v, StatusCode::OK, "review_queue.html", minijinja::context! { pending, decided, handovers })
}

async fn item(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>, Path(id): Path<String>) -> Response {
    if let Err(r) = gw.ui.require(&v, Permission::ReviewOutputs) {
        return r;
    }
    render_item(&gw, &v, &id, None).await
}

async fn render_item(gw: &Gateway, v: &Visit, id: &str, error: Option<&str>) -> Response {
    let r = match gw.store.get_review(id).await {
        Ok(r) => r,
        Err(StoreError::NotFound { .. }) => return gw.ui.error(v, StatusCode::NOT_FOUND, "error.not_found.title", "error.not_found.text"),
        Err(_) => return gw.ui.error(v, StatusCode::SERVICE_UNAVAILABLE, "error.unavailable.title", "error.unavailable.text"),
    };
    let names = app_names(gw).await;
    let app = names.get(&r.app_id).cloned().unwrap_or_else(|| r.app_id.clone());
    let decided = r.status != ReviewStatus::Pending;
    let status = if error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    gw.ui.page(
        v,
        status,
        "review_item.html",
        minijinja::context! {
            item => json!({
                "id": r.id, "app": app, "question": r.question, "draft": r.draft, "citations": r.citations,
                "status": r.status, "final_text": r.final_text, "note": r.note, "created": r.created_at,
                "decided_by": r.decided_by, "decided": r.decided_at,
            }),
            decided, error,
        },
    )
}

#[derive(Deserialize)]
struct DecideForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    final_text: String,
    #[serde(default)]
    note: String,
}

async fn decide(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>, Path(id): Path<String>, Form(f): Form<DecideForm>) -> Response {
    let user = match gw.ui.require(&v, Permission::ReviewOutputs) {
        Ok(u) => u,
        Err(r) => return r,
    };
    if let Err(r) = v.check_csrf(&gw, &f.csrf) {
        return r;
    }
    let status = match f.decision.as_str() {
        "approve" => ReviewStatus::Approved,
        "reject" => ReviewStatus::Rejected,
        _ => return render_item(&gw, &v, &id, Some("review.item.already")).await,
    };
    let final_text = f.final_text.replace("\r\n", "\n");
    let final_text = final_text.trim();
    if status == ReviewStatus::Approved && final_text.is_empty() {
        return render_item(&gw, &v, &id, Some("review.empty_final")).await;
    }
    let note = Some(f.note.trim()).filter(|n| !n.is_empty());
    let actor = format!("user:{}", user.name);
    let text = (status == ReviewStatus::Approved).then_some(final_text);
    match gw.store.decide_review(&id, status, text, note, &actor).await {
        Ok(r) => {
            let content = AuditContent {
                prompt: gw.pii.anonymise(&r.draft, &Operator::Redact).text,
                output: gw.pii.anonymise(r.final_text.as_deref().unwrap_or_default(), &Operator::Redact).text,
            };
            let event = NewAuditEvent {
                content: Some(content),
                ..NewAuditEvent::new(AuditKind::ReviewDecided, &actor)
                    .app(&r.app_id)
                    .detail(json!({"review_id": r.id, "decision": r.status, "edited": r.edited, "request_audit_seq": r.audit_seq}))
            };
            let _ = gw.store.append_audit(event).await;
            gw.ui.flash(&v, if status == ReviewStatus::Approved { "review.approved" } else { "review.rejected" });
            Redirect::to("/review").into_response()
        }
        Err(StoreError::Conflict { .. }) => render_item(&gw, &v, &id, Some("review.item.already")).await,
        Err(StoreError::NotFound { .. }) => gw.ui.error(&v, StatusCode::NOT_FOUND, "error.not_found.title", "error.not_found.text"),
        Err(StoreError::Invalid(_)) => render_item(&gw, &v, &id, Some("review.empty_final")).await,
        Err(_) => gw.ui.error(&v, StatusCode::SERVICE_UNAVAILABLE, "error.unavailable.title", "error.unavailable.text"),
    }
}

#[derive(Deserialize)]
struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

async fn close_handover(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>, Path(id): Path<String>, Form(f): Form<CsrfForm>) -> Response {
    let user = match gw.ui.require(&v, Permission::ReviewOutputs) {
        Ok(u) => u,
        Err(r) => return r,
    };
    if let Err(r) = v.check_csrf(&gw, &f.csrf) {
        return r;
    }
    let actor = format!("user:{}", user.name);
    if let Ok(h) = gw.store.close_handover(&id, &actor).await {
        let event = NewAuditEvent::new(AuditKind::HandoverClosed, &actor).app(&h.app_id).detail(json!({"handover_id": h.id}));
        let _ = gw.store.append_audit(event).await;
    }
    gw.ui.flash(&v, "review.handovers.closed");
    Redirect::to("/review").into_response()
}
