//! The chat pages and the review queue over HTTP, as a browser without JavaScript uses them:
//! real gateway, real SQLite store, real personal-data engine; a recording model double so the
//! tests can see what reached the model. (The real browser tests are in
//! crates/waarborg/tests/ui_browser.rs.)
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use common::{start, Behaviour, Browser, Double, Harness, Options, Page, BSN};
use serde_json::Value;
use std::sync::Arc;
use waarborg_gateway::config::PolicyConfig;
use waarborg_store::{admin, Audience, ReviewStatus, Role};

const CHAT: &str = "/chat/wmo-assistent";
const PASSWORD: &str = "een-lang-wachtwoord-42";

async fn harness(audience: Audience, policy: PolicyConfig, model: Arc<Double>) -> Harness {
    let h = start(Options { generator: model, audience, policy, ..Default::default() }).await;
    for (name, role) in [("controle", Role::Reviewer), ("medewerker", Role::Employee), ("fg", Role::PrivacyOfficer)] {
        admin::create_user(&*h.store, name, Some(PASSWORD), &[role], "test").await.unwrap();
    }
    h
}

async fn ask(b: &mut Browser, question: &str) -> Page {
    let csrf = b.csrf(CHAT).await;
    let p = b.post(CHAT, &[("csrf", &csrf), ("message", question)]).await;
    assert_eq!(p.status, 303, "{}", p.body);
    b.get(CHAT).await
}

#[tokio::test]
async fn a_resident_asks_and_sees_the_answer_with_citations_disclosure_and_provenance() {
    let model = Double::new(Behaviour::Say("U vraagt huishoudelijke hulp aan bij het Wmo-loket [1].".into()));
    let h = harness(Audience::Citizens, PolicyConfig::default(), model.clone()).await;
    let mut b = Browser::new(&h.base);
    let first = b.get(CHAT).await;
    assert_eq!(first.status, 200, "a citizen application is open without signing in");
    assert!(first.body.contains("id=\"ai-disclosure\"") && first.body.contains("U communiceert met een AI-systeem"));
    assert!(first.body.contains("id=\"disclaimer\""));
    assert!(first.body.contains("id=\"handover-button\""), "citizens get a route to a person");
    assert!(!first.body.contains("class=\"turn\""), "no turns before a question");

    let page = ask(&mut b, "Hoe vraag ik huishoudelijke hulp aan bij de Wmo?").await;
    assert!(page.body.contains("class=\"turn\""));
    assert!(page.body.contains("U vraagt huishoudelijke hulp aan bij het Wmo-loket"), "the model's answer is shown");
    assert!(page.body.contains("class=\"citation\""), "citations are listed");
    assert!(page.body.contains("Huishoudelijke hulp via de Wmo is bedoeld voor inwoners"), "with the cited passage");
    assert!(page.body.contains("gemeente.example&#x2f;huishoudelijke-hulp"), "and its source (escaped as HTML)");
    assert!(page.body.contains("prov_"), "the provenance badge names the signed record");
    assert!(!page.body.contains("Note to the AI assistant"), "a poisoned passage is not cited");

    // English on request, kept for the session.
    let en = b.get(&format!("{CHAT}?lang=en")).await;
    assert!(en.body.contains("You are communicating with an AI system"), "{}", &en.body[..200]);
    assert!(en.body.contains("<html lang=\"en\">"));
    let again = b.get(CHAT).await;
    assert!(again.body.contains("Talk to a staff member"));

    // Another visitor does not see this conversation.
    let mut other = Browser::new(&h.base);
    assert!(!other.get(CHAT).await.body.contains("class=\"turn\""));
}

#[tokio::test]
async fn a_bsn_never_reaches_the_model_the_page_or_the_audit_content() {
    let model = Double::new(Behaviour::Echo);
    let h = harness(Audience::Citizens, PolicyConfig::default(), model.clone()).await;
    let mut b = Browser::new(&h.base);
    let page = ask(&mut b, &format!("Mijn BSN is {BSN}. Hoe vraag ik huishoudelijke hulp aan bij de Wmo?")).await;
    assert!(page.body.contains("Uw BSN is niet naar het taalmodel gestuurd"), "the notice says what happened");
    assert!(page.body.contains("[BSN]"), "the question is shown as redacted");
    assert!(!page.body.contains(BSN) && !page.body.contains("111 222 333"), "the BSN is not on the page");
    let fragment = b.get(&format!("{CHAT}/conversation")).await;
    assert!(!fragment.body.contains(BSN));
    assert!(!model.received().contains(BSN), "the model never saw the BSN");
    let key = h.store.audit_key().clone();
    let events = h.store.audit_events(1, 1000).await.unwrap();
    assert!(!events.is_empty());
    for e in &events {
        if let Some(c) = key.open(e).unwrap() {
            assert!(!c.prompt.contains(BSN) && !c.output.contains(BSN), "audit content holds no BSN");
        }
        assert!(!e.detail_json.contains(BSN) && !e.decisions_json.contains(BSN));
    }
}

#[tokio::test]
async fn with_human_review_the_resident_sees_only_the_approved_text() {
    let model = Double::new(Behaviour::Say("Concept: huishoudelijke hulp vraagt u aan bij het Wmo-loket.".into()));
    let review = PolicyConfig { human_review: Some(true), ..Default::default() };
    let h = harness(Audience::Citizens, review, model).await;
    let mut resident = Browser::new(&h.base);
    let page = ask(&mut resident, "Hoe vraag ik huishoudelijke hulp aan bij de Wmo?").await;
    assert!(page.body.contains("answer pending"), "the turn waits for review");
    assert!(!page.body.contains("Concept: huishoudelijke hulp"), "the draft is not shown to the resident");
    assert!(page.body.contains("data-stream=\"off\""), "review answers are never streamed");
    let pending = h.store.list_reviews(Some(ReviewStatus::Pending)).await.unwrap();
    assert_eq!(pending.len(), 1);
    let id = pending[0].id.clone();
    assert!(pending[0].audit_seq.is_some(), "the draft points at its gateway audit event");

    // Not signed in: to the sign-in page; an employee: 403. Nothing decided.
    let mut anon = Browser::new(&h.base);
    let csrf = anon.csrf(CHAT).await;
    let p = anon.post(&format!("/review/{id}"), &[("csrf", &csrf), ("decision", "approve"), ("final_text", "x")]).await;
    assert_eq!(p.status, 303);
    assert!(p.location.unwrap().starts_with("/login?next="));
    let mut employee = Browser::new(&h.base);
    assert_eq!(employee.login("medewerker", PASSWORD).await.status, 303);
    assert_eq!(employee.get("/review").await.status, 403);
    let csrf = employee.csrf("/chat").await;
    let p = employee.post(&format!("/review/{id}"), &[("csrf", &csrf), ("decision", "approve"), ("final_text", "x")]).await;
    assert_eq!(p.status, 403);
    assert!(p.body.contains("Geen toegang"));
    assert_eq!(h.store.get_review(&id).await.unwrap().status, ReviewStatus::Pending);

    // The reviewer sees it, edits and approves.
    let mut reviewer = Browser::new(&h.base);
    assert_eq!(reviewer.login("controle", PASSWORD).await.status, 303);
    let queue = reviewer.get("/review").await;
    assert_eq!(queue.status, 200);
    assert!(queue.body.contains(&format!("/review/{id}")));
    let item = reviewer.get(&format!("/review/{id}")).await;
    assert!(item.body.contains("Concept: huishoudelijke hulp"), "the reviewer reads the draft");
    let csrf = item.csrf();
    // A wrong CSRF token decides nothing.
    let p = reviewer.post(&format!("/review/{id}"), &[("csrf", "wrong"), ("decision", "approve"), ("final_text", "x")]).await;
    assert_eq!(p.status, 403);
    assert_eq!(h.store.get_review(&id).await.unwrap().status, ReviewStatus::Pending);
    let approved = "Huishoudelijke hulp vraagt u aan bij het Wmo-loket; u hoort binnen zes weken of u die krijgt.";
    let p = reviewer.post(&format!("/review/{id}"), &[("csrf", &csrf), ("decision", "approve"), ("final_text", approved)]).await;
    assert_eq!(p.status, 303, "{}", p.body);
    let r = h.store.get_review(&id).await.unwrap();
    assert_eq!(r.status, ReviewStatus::Approved);
    assert!(r.edited);
    assert_eq!(r.decided_by.as_deref(), Some("user:controle"));

    let page = resident.get(CHAT).await;
    assert!(page.body.contains(approved), "the resident now sees the approved text");
    assert!(page.body.contains("Opgesteld met AI, gecontroleerd door een medewerker"));
    assert!(!page.body.contains("Concept: huishoudelijke hulp"));

    // Decided once: a second decision is refused and changes nothing.
    let p = reviewer.post(&format!("/review/{id}"), &[("csrf", &csrf), ("decision", "reject"), ("final_text", "")]).await;
    assert_eq!(p.status, 422);
    assert_eq!(h.store.get_review(&id).await.unwrap().status, ReviewStatus::Approved);
    let decided: Vec<_> = h.store.audit_events(1, 1000).await.unwrap().into_iter().filter(|e| e.kind == "review.decided").collect();
    assert_eq!(decided.len(), 1, "the decision is audited once");
    assert_eq!(decided[0].actor, "user:controle");
}

#[tokio::test]
async fn the_api_answers_a_reviewed_application_with_a_notice_not_the_draft() {
    let model = Double::new(Behaviour::Say("Dit is het concept van het model.".into()));
    let review = PolicyConfig { human_review: Some(true), ..Default::default() };
    let h = harness(Audience::Citizens, review, model).await;
    let (status, v) = h.chat("Hoe vraag ik huishoudelijke hulp aan bij de Wmo?").await;
    assert_eq!(status, 200);
    let text = common::answer(&v);
    assert!(text.contains("Een medewerker controleert het antwoord"), "{text}");
    assert!(!text.contains("concept van het model"));
    let id = v["waarborg"]["review"]["id"].as_str().unwrap().to_owned();
    assert!(h.store.get_review(&id).await.unwrap().draft.contains("concept van het model"), "the draft waits in the queue");
    let (chunks, done, raw) = h.chat_stream("Hoe vraag ik huishoudelijke hulp aan bij de Wmo?", false).await;
    assert!(done);
    assert!(!raw.contains("concept van het model"), "a stream does not leak the draft");
    assert!(common::streamed_text(&chunks).contains("Een medewerker controleert"));
    assert_eq!(h.store.list_reviews(Some(ReviewStatus::Pending)).await.unwrap().len(), 2);
}

#[tokio::test]
async fn internal_assistants_need_a_signed_in_user_and_forms_need_the_csrf_token() {
    let model = Double::new(Behaviour::Say("Antwoord.".into()));
    let h = harness(Audience::Internal, PolicyConfig::default(), model.clone()).await;
    let mut anon = Browser::new(&h.base);
    let p = anon.get(CHAT).await;
    assert_eq!(p.status, 303);
    assert_eq!(p.location.as_deref(), Some("/login?next=/chat/wmo-assistent"));
    assert_eq!(anon.get("/chat").await.status, 303);

    // Wrong password: 401, still not signed in.
    let p = anon.login("medewerker", "niet-het-wachtwoord").await;
    assert_eq!(p.status, 401);
    assert!(p.body.contains("role=\"alert\""));
    assert_eq!(anon.get(CHAT).await.status, 303);
    let p = anon.login("onbekend", PASSWORD).await;
    assert_eq!(p.status, 401, "an unknown name fails like a wrong password");

    let mut b = Browser::new(&h.base);
    let p = b.login("medewerker", PASSWORD).await;
    assert_eq!((p.status, p.location.as_deref()), (303, Some("/chat")));
    let index = b.get("/chat").await;
    assert!(index.body.contains("href=\"/chat/wmo-assistent\""));
    let page = b.get(CHAT).await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("handover-button"), "internal pages have no citizen hand-over");

    // Without or with a stale CSRF token nothing is asked.
    let p = b.post(CHAT, &[("message", "Hoe vraag ik huishoudelijke hulp aan bij de Wmo?")]).await;
    assert_eq!(p.status, 403);
    let p = b.post(CHAT, &[("csrf", "0000"), ("message", "Hoe vraag ik huishoudelijke hulp aan bij de Wmo?")]).await;
    assert_eq!(p.status, 403);
    assert!(model.seen.lock().unwrap().is_empty(), "the model was not called");
    assert!(!b.get(CHAT).await.body.contains("class=\"turn\""));

    // Unknown pages: a page for a browser, the OpenAI error for an API client.
    let r = reqwest::Client::new().get(format!("{}/nergens", h.base)).header("accept", "text/html").send().await.unwrap();
    assert_eq!(r.status().as_u16(), 404);
    assert!(r.text().await.unwrap().contains("Niet gevonden"));
    let r = reqwest::Client::new().get(format!("{}/nergens", h.base)).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 404);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "not_found");

    // Signing out ends the session.
    let csrf = page.csrf();
    assert_eq!(b.post("/logout", &[("csrf", &csrf)]).await.status, 303);
    assert_eq!(b.get(CHAT).await.status, 303);
}

#[tokio::test]
async fn a_report_from_the_chat_page_becomes_an_incident_for_the_privacy_officer() {
    let model = Double::new(Behaviour::Say("De gemeente beslist binnen zes weken.".into()));
    let h = harness(Audience::Citizens, PolicyConfig::default(), model).await;
    let mut b = Browser::new(&h.base);
    let page = ask(&mut b, "Hoe vraag ik huishoudelijke hulp aan bij de Wmo?").await;
    let csrf = page.csrf();
    let p = b.post(&format!("{CHAT}/report"), &[("csrf", &csrf), ("turn", "1"), ("kind", "discrimination"), ("description", "")]).await;
    assert_eq!(p.status, 303);
    let after = b.get(CHAT).await;
    assert!(after.body.contains("id=\"flash\""), "the visitor is thanked");
    let incidents = h.store.list_incidents().await.unwrap();
    assert_eq!(incidents.len(), 1);
    let i = &incidents[0];
    assert_eq!(i.kind, waarborg_store::IncidentKind::Discrimination);
    assert_eq!(i.app_id.as_deref(), Some(h.app.id.as_str()));
    let gateway_seq = h.gateway_events().await.last().unwrap().seq;
    assert_eq!(i.audit_seq, Some(gateway_seq), "the incident points at the answer's audit event");
    assert_eq!(i.reported_by, "web:anonymous");

    // The hand-over is recorded with the conversation as shown.
    let p = b.post(&format!("{CHAT}/handover"), &[("csrf", &csrf)]).await;
    assert_eq!(p.status, 303);
    let handovers = h.store.list_handovers(None).await.unwrap();
    assert_eq!(handovers.len(), 1);
    assert!(handovers[0].summary.contains("Hoe vraag ik huishoudelijke hulp aan bij de Wmo?"));
}

#[tokio::test]
async fn the_stream_sends_the_redacted_question_first_and_the_page_keeps_the_turn() {
    let model = Double::new(Behaviour::Echo);
    let h = harness(Audience::Citizens, PolicyConfig::default(), model).await;
    let mut b = Browser::new(&h.base);
    let csrf = b.csrf(CHAT).await;
    let p = b.post(&format!("{CHAT}/stream"), &[("csrf", &csrf), ("message", &format!("Mijn BSN is {BSN}, hoe vraag ik huishoudelijke hulp aan bij de Wmo?"))]).await;
    assert_eq!(p.status, 200);
    assert!(!p.body.contains(BSN), "nothing in the stream holds the BSN");
    let frames: Vec<Value> = p
        .body
        .split("\n\n")
        .filter_map(|f| f.strip_prefix("data: "))
        .filter(|d| *d != "[DONE]")
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    let prelude = frames.iter().find_map(|f| f.get("waarborg_ui")).expect("the prelude frame");
    assert!(prelude["question"].as_str().unwrap().contains("[BSN]"));
    assert!(prelude["notice"].as_str().unwrap().contains("Uw BSN is niet naar het taalmodel gestuurd"));
    let text = common::streamed_text(&frames);
    assert!(text.starts_with("U vroeg:"), "{text}");
    let page = b.get(CHAT).await;
    assert!(page.body.contains("class=\"turn\"") && page.body.contains("U vroeg:"));
    // A stream without the token is refused.
    let p = b.post(&format!("{CHAT}/stream"), &[("message", "Hoe vraag ik huishoudelijke hulp aan bij de Wmo?")]).await;
    assert_eq!(p.status, 403);
}
