//! The chat pages: one per application. Citizen applications are open to anyone; internal ones
//! need a signed-in user. A question runs the same pipeline as the API (purpose, personal data,
//! injection, retrieval, output checks, disclosure, provenance, audit); the page shows the
//! question as the gateway redacted it, never as typed.
//!
//! Without JavaScript the form posts and the page reloads; with it, `app.js` posts to
//! `/chat/NAME/stream` and shows the answer as it arrives, then swaps in the rendered
//! conversation. Answers that wait for a reviewer are never streamed: the page shows that a
//! person checks the answer and polls until it is approved or rejected.

use super::session::{Citation, Conversation, Turn};
use super::Visit;
use crate::auth::Caller;
use crate::pipeline::{Action, Exchange, Prepared};
use crate::Gateway;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Form, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::Arc;
use waarborg_models::{ChatMessage, ChatRole, GenerateRequest};
use waarborg_pii::Operator;
use waarborg_store::{App, Audience, AuditKind, IncidentKind, Lifecycle, NewAuditEvent, Permission, ReviewStatus};

/// This page's texts.
pub(crate) const TEXTS: super::i18n::Texts = &[
    ("chat.index.title", "Assistenten", "Assistants"),
    ("chat.index.intro", "Kies de assistent die bij uw vraag of taak past. Elke assistent mag alleen worden gebruikt voor het doel dat erbij staat.", "Choose the assistant that fits your question or task. Each assistant may only be used for the purpose stated."),
    ("chat.index.none", "Er zijn nog geen assistenten geregistreerd.", "No assistants have been registered yet."),
    ("chat.audience.internal", "Voor medewerkers", "For staff"),
    ("chat.audience.citizens", "Voor inwoners", "For residents"),
    ("chat.back", "Alle assistenten", "All assistants"),
    ("chat.purpose", "Doel", "Purpose"),
    ("chat.disclosure", "U communiceert met een AI-systeem, niet met een mens.", "You are communicating with an AI system, not a person."),
    ("chat.disclaimer", "Antwoorden van een AI-systeem kunnen onjuist of onvolledig zijn. Controleer belangrijke informatie bij de genoemde bron of bij een medewerker. Deel geen persoonsgegevens die niet nodig zijn voor uw vraag.", "Answers from an AI system can be wrong or incomplete. Check important information with the cited source or a staff member. Do not share personal data your question does not need."),
    ("chat.review_notice", "Bij deze assistent controleert een medewerker elk antwoord voordat u het ziet.", "With this assistant, a person checks every answer before you see it."),
    ("chat.your_question", "Uw vraag", "Your question"),
    ("chat.hint", "Noem geen BSN of andere persoonsgegevens als dat niet nodig is.", "Do not include your BSN or other personal data unless needed."),
    ("chat.send", "Verstuur", "Send"),
    ("chat.sending", "Bezig met antwoorden…", "Answering…"),
    ("chat.you", "U", "You"),
    ("chat.assistant", "AI-assistent", "AI assistant"),
    ("chat.empty", "Stel hieronder uw vraag.", "Ask your question below."),
    ("chat.pending", "Een medewerker controleert dit antwoord. U ziet het hier zodra het is goedgekeurd; deze pagina ververst vanzelf.", "A person is checking this answer. You will see it here once approved; this page refreshes by itself."),
    ("chat.rejected", "Een medewerker heeft het antwoord van de AI-assistent afgekeurd. Neem contact op met een medewerker voor een antwoord op uw vraag.", "A person rejected the AI assistant's answer. Please contact a staff member for an answer to your question."),
    ("chat.ai_assisted", "Opgesteld met AI, gecontroleerd door een medewerker", "Drafted with AI, checked by a person"),
    ("chat.sources", "Bronnen", "Sources"),
    ("chat.source", "Bron", "Source"),
    ("chat.provenance", "Herkomst van dit antwoord", "Provenance of this answer"),
    ("chat.provenance.id", "Kenmerk", "Reference"),
    ("chat.provenance.model", "Modelversie", "Model version"),
    ("chat.provenance.policy", "Beleid", "Policy"),
    ("chat.provenance.created", "Gemaakt", "Created"),
    ("chat.provenance.sources", "Bronnen (aantal)", "Sources (count)"),
    ("chat.provenance.signature", "Handtekening (Ed25519)", "Signature (Ed25519)"),
    ("chat.provenance.key", "Publieke sleutel", "Public key"),
    ("chat.report", "Meld een probleem met dit antwoord", "Report a problem with this answer"),
    ("chat.report.kind", "Wat is er mis?", "What is wrong?"),
    ("chat.report.wrong_output", "Het antwoord klopt niet", "The answer is wrong"),
    ("chat.report.discrimination", "Het antwoord is discriminerend of kwetsend", "The answer is discriminatory or hurtful"),
    ("chat.report.other", "Iets anders", "Something else"),
    ("chat.report.description", "Toelichting (niet verplicht)", "Explanation (optional)"),
    ("chat.report.submit", "Verstuur melding", "Send report"),
    ("chat.report.thanks", "Dank u. Uw melding is ontvangen en wordt bekeken door de privacy- en kwaliteitsmedewerkers.", "Thank you. Your report has been received and will be looked at."),
    ("chat.report.default", "Gemeld via de chatpagina, zonder toelichting.", "Reported from the chat page, without explanation."),
    ("chat.handover.title", "Liever een mens?", "Prefer a person?"),
    ("chat.handover.button", "Spreek een medewerker", "Talk to a staff member"),
    ("chat.handover.done", "Uw gesprek is doorgezet naar een medewerker. U kunt ook bellen of langskomen; zie hierboven.", "Your conversation has been passed on to a staff member. You can also call or visit; see above."),
    ("chat.empty_message", "Typ eerst uw vraag.", "Please type your question first."),
    ("chat.too_long", "Uw vraag is te lang (maximaal 4000 tekens).", "Your question is too long (at most 4000 characters)."),
    ("chat.rate_limited", "U stelt veel vragen kort na elkaar. Wacht even en probeer het opnieuw.", "You are asking many questions in a short time. Please wait a moment and try again."),
    ("chat.unavailable", "De assistent is nu niet beschikbaar. Probeer het later opnieuw of neem contact op met een medewerker.", "The assistant is not available now. Try again later or contact a staff member."),
    ("chat.notice.bsn", "Uw BSN is niet naar het taalmodel gestuurd.", "Your BSN was not sent to the language model."),
    ("chat.notice.other", "Persoonsgegevens in uw bericht ({types}) zijn vervangen voordat uw vraag naar het taalmodel ging.", "Personal data in your message ({types}) was replaced before your question went to the language model."),
    ("chat.notice.blocked", "Uw bericht bevatte persoonsgegevens en is niet naar het taalmodel gestuurd.", "Your message contained personal data and was not sent to the language model."),
    ("chat.notice.hidden", "Persoonsgegevens in uw bericht worden op deze pagina niet getoond.", "Personal data in your message is not shown on this page."),
    ("pii.PERSON", "naam", "name"),
    ("pii.EMAIL", "e-mailadres", "e-mail address"),
    ("pii.PHONE", "telefoonnummer", "phone number"),
    ("pii.BSN", "BSN", "BSN"),
    ("pii.IBAN", "rekeningnummer", "account number"),
    ("pii.PAYMENT_CARD", "betaalkaart", "payment card"),
    ("pii.ADDRESS", "adres", "address"),
    ("pii.POSTCODE", "postcode", "postcode"),
    ("pii.DATE_OF_BIRTH", "geboortedatum", "date of birth"),
    ("pii.LICENSE_PLATE", "kenteken", "licence plate"),
    ("pii.IP_ADDRESS", "IP-adres", "IP address"),
    ("pii.ID_DOCUMENT", "documentnummer", "document number"),
    ("pii.KVK", "KvK-nummer", "KvK number"),
];

/// Longest question accepted, in characters.
const MAX_QUESTION: usize = 4000;
/// Earlier turns sent along as context.
const CONTEXT_TURNS: usize = 3;

pub(crate) fn routes() -> Router<Arc<Gateway>> {
    Router::new()
        .route("/chat", get(index))
        .route("/chat/{app}", get(page).post(ask))
        .route("/chat/{app}/stream", post(ask_stream))
        .route("/chat/{app}/conversation", get(conversation_fragment))
        .route("/chat/{app}/report", post(report))
        .route("/chat/{app}/handover", post(handover))
}

async fn index(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>) -> Response {
    if let Err(r) = gw.ui.require(&v, Permission::UseAssistants) {
        return r;
    }
    let apps = match gw.store.list_apps().await {
        Ok(a) => a,
        Err(_) => return gw.ui.error(&v, StatusCode::SERVICE_UNAVAILABLE, "error.unavailable.title", "error.unavailable.text"),
    };
    let apps: Vec<Value> = apps.iter().filter(|a| a.spec.lifecycle != Lifecycle::OutOfUse).map(app_view).collect();
    gw.ui.page(&v, StatusCode::OK, "chat_index.html", minijinja::context! { apps })
}

fn app_view(a: &App) -> Value {
    json!({
        "name": a.spec.name, "title": super::auth::title(&a.spec.name), "purpose": a.spec.purpose,
        "citizens": a.spec.audience == Audience::Citizens, "audience": a.spec.audience.to_string(),
    })
}

/// The application if this visitor may use it: citizen applications are public, internal ones
/// need a signed-in user; unknown or retired ones are 404.
#[allow(clippy::result_large_err)]
async fn open_app(gw: &Gateway, v: &Visit, name: &str) -> Result<App, Response> {
    let app = match gw.store.get_app(name).await {
        Ok(a) if a.spec.lifecycle != Lifecycle::OutOfUse && a.spec.name == name => a,
        _ => return Err(gw.ui.error(v, StatusCode::NOT_FOUND, "error.not_found.title", "error.not_found.text")),
    };
    if app.spec.audience == Audience::Internal {
        gw.ui.require(v, Permission::UseAssistants)?;
    }
    Ok(app)
}

/// A turn as the template sees it, with the outcome of its review looked up.
async fn turn_views(gw: &Gateway, turns: &[Turn]) -> (Vec<Value>, bool) {
    let mut out = Vec::with_capacity(turns.len());
    let mut pending = false;
    for t in turns {
        let (state, answer) = match &t.review_id {
            None => ("answered", t.answer.clone()),
            Some(id) => match gw.store.get_review(id).await {
                Ok(r) => match r.status {
                    ReviewStatus::Pending => ("pending", String::new()),
                    ReviewStatus::Approved => ("approved", r.final_text.unwrap_or_default()),
                    ReviewStatus::Rejected => ("rejected", String::new()),
                },
                Err(_) => ("pending", String::new()),
            },
        };
        pending |= state == "pending";
        let prov = t.provenance.as_ref().filter(|_| t.review_id.is_none()).map(|p| {
            let s = |k: &str| p.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
            json!({
                "id": s("id"), "key_id": s("key_id"), "signature": s("signature"), "model_version": s("model_version"),
                "policy": format!("{} v{}", s("policy"), s("policy_version")), "created": s("created"),
                "sources": p.get("sources").and_then(Value::as_array).map_or(0, Vec::len),
            })
        });
        out.push(json!({
            "n": t.n, "question": t.question, "answer": answer, "notice": t.notice, "citations": t.citations,
            "provenance": prov, "refused": t.refused, "state": state,
        }));
    }
    (out, pending)
}

fn conversation_of(gw: &Gateway, v: &Visit, app: &str) -> Vec<Turn> {
    gw.ui.sessions.with(&v.token, |s| s.conversations.get(app).map(|c| c.turns.clone())).flatten().unwrap_or_default()
}

async fn page(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>, Path(name): Path<String>) -> Response {
    let app = match open_app(&gw, &v, &name).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let (turns, pending) = turn_views(&gw, &conversation_of(&gw, &v, &name)).await;
    let policy = gw.settings.policy(&app.spec.policy);
    let review = policy.human_review && app.spec.audience == Audience::Citizens;
    let key_id = gw.signer.key_id();
    gw.ui.page(
        &v,
        StatusCode::OK,
        "chat.html",
        minijinja::context! { app => app_view(&app), turns, pending, review, human_contact => super::in_language(&gw.settings.human_contact, v.lang), key_id },
    )
}

async fn conversation_fragment(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>, Path(name): Path<String>) -> Response {
    let app = match open_app(&gw, &v, &name).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let (turns, pending) = turn_views(&gw, &conversation_of(&gw, &v, &name)).await;
    let key_id = gw.signer.key_id();
    gw.ui.page(&v, StatusCode::OK, "conversation.html", minijinja::context! { app => app_view(&app), turns, pending, key_id })
}

#[cfg(test)]
mod tests {
    #[test]
    fn sources_are_named_without_server_paths() {
        assert_eq!(super::source_label("/srv/docs/afval.md"), "afval.md");
        assert_eq!(super::source_label("https://dijkstede.example/afval"), "https://dijkstede.example/afval");
        assert_eq!(super::source_label("afval.md"), "afval.md");
    }

    #[test]
    fn empty_and_overlong_questions_are_refused() {
        assert_eq!(super::check_message("  \n "), Err("chat.empty_message"));
        assert_eq!(super::check_message(&"a".repeat(4001)), Err("chat.too_long"));
        assert_eq!(super::check_message(" Waar is het stadhuis? "), Ok("Waar is het stadhuis?".to_owned()));
    }
}

#[derive(Deserialize)]
struct AskForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    message: String,
}

/// Checks the form; on a problem, the flash key to show.
fn check_message(m: &str) -> Result<String, &'static str> {
    let m = m.trim();
    if m.is_empty() {
        return Err("chat.empty_message");
    }
    if m.chars().count() > MAX_QUESTION {
        return Err("chat.too_long");
    }
    Ok(m.to_owned())
}

/// Prepares one question: the earlier turns as context, the pipeline's stages before the model.
async fn prepare(gw: &Gateway, v: &Visit, app: App, message: &str, stream: bool) -> Result<(Prepared, String, String), &'static str> {
    let limiter_key = format!("web:{}", &crate::provenance::sha256_hex(v.token.as_bytes())[..16]);
    if gw.limiter.check(&limiter_key).is_err() {
        return Err("chat.rate_limited");
    }
    let conversation_id = gw
        .ui
        .sessions
        .with(&v.token, |s| {
            s.conversations
                .entry(app.spec.name.clone())
                .or_insert_with(|| Conversation { id: format!("conv_{}", &super::session::random_token()[..24]), turns: Vec::new() })
                .id
                .clone()
        })
        .ok_or("chat.unavailable")?;
    let mut msgs = Vec::new();
    for t in conversation_of(gw, v, &app.spec.name).iter().rev().take(CONTEXT_TURNS).rev() {
        if t.review_id.is_none() && !t.refused {
            msgs.push(ChatMessage::new(ChatRole::User, t.question.clone()));
            msgs.push(ChatMessage::new(ChatRole::Assistant, t.answer.clone()));
        }
    }
    msgs.push(ChatMessage::new(ChatRole::User, message.to_owned()));
    let mut request = GenerateRequest::new(Vec::new());
    request.temperature = 0.2;
    request.max_tokens = 384;
    let model = gw.generator.info().name.clone();
    let caller = Caller { key_id: format!("web:{}", v.actor()), app };
    let rid = format!("req_{:016x}{:08x}", rand::random::<u64>(), rand::random::<u32>());
    let mut prepared = gw.prepare(rid, caller, model.clone(), msgs, request, stream).await;
    prepared.exchange_mut().web = Some(conversation_id.clone());
    Ok((prepared, model, conversation_id))
}

/// The question as the page shows it and the notice about its personal data.
fn shown_question(gw: &Gateway, v: &Visit, ex: &Exchange, message: &str) -> (String, Option<String>) {
    let question = match &ex.redacted_query {
        Some(q) => q.clone(),
        None => match crate::pipeline::scan_guarded(&gw.pii, message) {
            Some(f) => Operator::Redact.apply(message, &f.spans).text,
            None => v.t("chat.notice.hidden"),
        },
    };
    let input = ex.decisions.iter().find(|d| d.stage == "input_pii");
    let notice = match input {
        Some(d) if d.action == Action::Blocked && !d.types.is_empty() => Some(v.t("chat.notice.blocked")),
        Some(d) if matches!(d.action, Action::Pseudonymised | Action::Redacted) => {
            let mut parts = Vec::new();
            if d.types.iter().any(|t| t == "BSN") {
                parts.push(v.t("chat.notice.bsn"));
            }
            let others: Vec<String> = d.types.iter().filter(|t| *t != "BSN").map(|t| v.t(&format!("pii.{t}"))).collect();
            if !others.is_empty() {
                parts.push(v.t("chat.notice.other").replace("{types}", &others.join(", ")));
            }
            Some(parts.join(" "))
        }
        _ if question != message.trim() => Some(v.t("chat.notice.hidden")),
        _ => None,
    };
    (question, notice)
}

fn citations(ext: &Value) -> Vec<Citation> {
    ext.get("citations")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|c| Citation {
                    title: c.get("title").and_then(Value::as_str).unwrap_or_default().to_owned(),
                    source: source_label(c.get("source").and_then(Value::as_str).unwrap_or_default()),
                    text: c.get("text").and_then(Value::as_str).unwrap_or_default().to_owned(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// How a source is named on the page: a web address in full, a file by its name (the server's
/// directories are nobody's business).
fn source_label(source: &str) -> String {
    if source.starts_with("https://") || source.starts_with("http://") {
        return source.to_owned();
    }
    std::path::Path::new(source).file_name().and_then(|n| n.to_str()).unwrap_or(source).to_owned()
}

fn push_turn(gw: &Gateway, token: &str, app: &str, mut turn: Turn) -> usize {
    gw.ui
        .sessions
        .with(token, |s| {
            let c = s.conversations.entry(app.to_owned()).or_insert_with(|| Conversation { id: String::new(), turns: Vec::new() });
            turn.n = c.turns.len() + 1;
            let n = turn.n;
            c.turns.push(turn);
            n
        })
        .unwrap_or(0)
}

async fn ask(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>, Path(name): Path<String>, Form(f): Form<AskForm>) -> Response {
    if let Err(r) = v.check_csrf(&gw, &f.csrf) {
        return r;
    }
    let app = match open_app(&gw, &v, &name).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let back = format!("/chat/{name}");
    let message = match check_message(&f.message) {
        Ok(m) => m,
        Err(key) => {
            gw.ui.flash(&v, key);
            return Redirect::to(&back).into_response();
        }
    };
    let (prepared, model, _) = match prepare(&gw, &v, app, &message, false).await {
        Ok(p) => p,
        Err(key) => {
            gw.ui.flash(&v, key);
            return Redirect::to(&back).into_response();
        }
    };
    let (question, notice) = shown_question(&gw, &v, prepared.exchange(), &message);
    let done = match gw.complete(prepared, &model).await {
        Ok(d) => d,
        Err(_) => {
            gw.ui.flash(&v, "chat.unavailable");
            return Redirect::to(&back).into_response();
        }
    };
    let turn = Turn {
        n: 0,
        question,
        answer: done.text.clone(),
        notice,
        citations: citations(&done.ext),
        provenance: done.ext.get("provenance").cloned(),
        audit_seq: done.ext.get("audit_seq").and_then(Value::as_i64),
        refused: done.finish == "content_filter",
        review_id: done.review.as_ref().map(|r| r.id.clone()),
    };
    let n = push_turn(&gw, &v.token, &name, turn);
    Redirect::to(&format!("{back}#turn-{n}")).into_response()
}

async fn ask_stream(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>, Path(name): Path<String>, Form(f): Form<AskForm>) -> Response {
    if let Err(r) = v.check_csrf(&gw, &f.csrf) {
        return r;
    }
    let app = match open_app(&gw, &v, &name).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let message = match check_message(&f.message) {
        Ok(m) => m,
        Err(key) => return (StatusCode::BAD_REQUEST, v.t(key)).into_response(),
    };
    let (prepared, model, _) = match prepare(&gw, &v, app, &message, true).await {
        Ok(p) => p,
        Err(key) => return (StatusCode::TOO_MANY_REQUESTS, v.t(key)).into_response(),
    };
    if gw.reviews(prepared.exchange()) {
        // Never streamed; the page posts the form instead (app.js reads data-stream).
        return (StatusCode::CONFLICT, "review").into_response();
    }
    let (question, notice) = shown_question(&gw, &v, prepared.exchange(), &message);
    let prelude = json!({"question": question, "notice": notice});
    let (gw2, token, app_name) = (gw.clone(), v.token.clone(), name.clone());
    let on_done: crate::stream::OnDone = Box::new(move |_ex, answer, finish, ext| {
        let turn = Turn {
            n: 0,
            question,
            answer: answer.to_owned(),
            notice,
            citations: citations(ext),
            provenance: ext.get("provenance").cloned(),
            audit_seq: ext.get("audit_seq").and_then(Value::as_i64),
            refused: finish == "content_filter",
            review_id: None,
        };
        push_turn(&gw2, &token, &app_name, turn);
    });
    let id = format!("chatcmpl-web{:016x}", rand::random::<u64>());
    let created = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let hooks = crate::stream::Hooks { prelude: Some(prelude), on_done: Some(on_done) };
    crate::stream::respond(gw, prepared, id, created, model, false, hooks)
}

#[derive(Deserialize)]
struct ReportForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    turn: usize,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    description: String,
}

async fn report(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>, Path(name): Path<String>, Form(f): Form<ReportForm>) -> Response {
    if let Err(r) = v.check_csrf(&gw, &f.csrf) {
        return r;
    }
    let app = match open_app(&gw, &v, &name).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let kind = match f.kind.as_str() {
        "discrimination" => IncidentKind::Discrimination,
        "other" => IncidentKind::Other,
        _ => IncidentKind::WrongOutput,
    };
    let seq = conversation_of(&gw, &v, &name).iter().find(|t| t.n == f.turn).and_then(|t| t.audit_seq);
    let text: String = f.description.trim().chars().take(2000).collect();
    let description = if text.is_empty() { v.t("chat.report.default") } else { text };
    let back = format!("/chat/{name}#turn-{}", f.turn);
    match gw.store.report_incident(kind, Some(&app.id), seq, &description, &v.actor()).await {
        Ok(i) => {
            let event = NewAuditEvent::new(AuditKind::Incident, &v.actor())
                .app(&app.id)
                .detail(json!({"incident_id": i.id, "kind": kind, "audit_seq": seq, "channel": "web"}));
            let _ = gw.store.append_audit(event).await;
            gw.ui.flash(&v, "chat.report.thanks");
        }
        Err(_) => gw.ui.flash(&v, "chat.unavailable"),
    }
    Redirect::to(&back).into_response()
}

#[derive(Deserialize)]
struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

async fn handover(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>, Path(name): Path<String>, Form(f): Form<CsrfForm>) -> Response {
    if let Err(r) = v.check_csrf(&gw, &f.csrf) {
        return r;
    }
    let app = match open_app(&gw, &v, &name).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let turns = conversation_of(&gw, &v, &name);
    let conversation = gw
        .ui
        .sessions
        .with(&v.token, |s| s.conversations.get(&name).map(|c| c.id.clone()))
        .flatten()
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| format!("conv_{}", &super::session::random_token()[..24]));
    // What the page showed: questions already redacted; answers redacted once more.
    let mut summary = String::new();
    for t in &turns {
        summary.push_str(&format!("V{}: {}\n", t.n, t.question));
        if !t.answer.is_empty() {
            summary.push_str(&format!("A{}: {}\n", t.n, gw.pii.anonymise(&t.answer, &Operator::Redact).text));
        }
    }
    if summary.is_empty() {
        summary.push_str("(geen vragen gesteld / no questions asked)");
    }
    match gw.store.create_handover(&app.id, &conversation, &summary).await {
        Ok(h) => {
            let event = NewAuditEvent::new(AuditKind::HandoverCreated, &v.actor()).app(&app.id).detail(json!({"handover_id": h.id, "turns": turns.len()}));
            let _ = gw.store.append_audit(event).await;
            gw.ui.flash(&v, "chat.handover.done");
        }
        Err(_) => gw.ui.flash(&v, "chat.unavailable"),
    }
    Redirect::to(&format!("/chat/{name}")).into_response()
}
