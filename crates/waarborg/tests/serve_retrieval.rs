//! `waarborg serve` answers from the collections that `waarborg ingest` built: an application
//! registered with `--collection` gets passages from that collection, cited in the `waarborg`
//! extension, and an application without it gets none. Real binary, real SQLite store, real
//! tantivy index, the extractive generator (deterministic, no model files needed).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use common::{serve, waarborg};
use serde_json::{json, Value};
use std::path::Path;
use waarborg_models::{ChatMessage, ChatRole, GenerateRequest, Generator};

fn create_app(dir: &Path, name: &str, collection: Option<&str>) -> String {
    let mut args = vec![
        "apps",
        "create",
        "--name",
        name,
        "--audience",
        "citizens",
        "--purpose",
        "Beantwoorden van vragen van inwoners over paspoorten, identiteitskaarten, afval en parkeren in de gemeente Dijkstede",
    ];
    if let Some(c) = collection {
        args.extend(["--collection", c]);
    }
    let out = waarborg(dir, &args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let app: Value = serde_json::from_slice(&out.stdout).unwrap();
    app["api_key"].as_str().unwrap().to_owned()
}

async fn ask(base: &str, key: &str, question: &str) -> Value {
    let response = reqwest::Client::new()
        .post(format!("{base}/v1/chat/completions"))
        .bearer_auth(key)
        .json(&json!({"model": "extractive", "messages": [{"role": "user", "content": question}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

#[tokio::test]
async fn an_application_with_a_collection_gets_cited_passages_from_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // No embedder in the (empty) model cache: keyword search, which is what this test needs.
    std::fs::write(d.join("waarborg.toml"), "[models.generator]\nbackend = \"extractive\"\n").unwrap();
    std::fs::create_dir_all(d.join("docs")).unwrap();
    std::fs::write(
        d.join("docs/paspoort.md"),
        "# Paspoort\n\nEen paspoort is tien jaar geldig voor volwassenen. Voor kinderen is een paspoort vijf jaar geldig.\n",
    )
    .unwrap();
    std::fs::write(d.join("docs/afval.md"), "# Afval\n\nDe groene container wordt elke twee weken geleegd.\n").unwrap();
    let out = waarborg(d, &["ingest", "--collection", "loket", "--keyword-only", "docs"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let with = create_app(d, "loket-assistent", Some("loket"));
    let without = create_app(d, "zonder-bronnen", None);

    let (_server, base) = serve(d);

    let answer = ask(&base, &with, "Hoe lang is een paspoort geldig voor volwassenen?").await;
    let citations = answer["waarborg"]["citations"].as_array().unwrap();
    assert!(!citations.is_empty(), "{answer}");
    assert!(citations[0]["source"].as_str().unwrap().ends_with("paspoort.md"), "{answer}");
    let text = answer["choices"][0]["message"]["content"].as_str().unwrap();
    assert!(text.contains("tien jaar geldig"), "{text}");

    // Waarborg's own OpenAI-compatible backend (what `[models.generator] backend = "openai"`
    // uses) talks to `waarborg serve` like to any server: health lists the served model, a
    // streamed generation arrives in pieces that add up to the answer, and a wrong key is one
    // clear error.
    let mut config = waarborg_models::openai::OpenAiConfig::new(format!("{base}/v1"), "extractive");
    config.api_key = Some(with.clone());
    config.max_retries = 0;
    let backend = config.build().unwrap();
    assert!(backend.health().await.unwrap().contains(&"extractive".to_owned()));
    let generator = backend.generator();
    let request = GenerateRequest::new(vec![ChatMessage::new(ChatRole::User, "Hoe lang is een paspoort geldig voor volwassenen?")]);
    let (tx, mut rx) = tokio::sync::mpsc::channel(64);
    let completion = generator.generate(request.clone(), Some(tx)).await.unwrap();
    let mut pieces = String::new();
    while let Some(p) = rx.recv().await {
        pieces.push_str(&p);
    }
    assert!(completion.text.contains("tien jaar geldig"), "{}", completion.text);
    assert_eq!(pieces, completion.text);
    let mut wrong = waarborg_models::openai::OpenAiConfig::new(format!("{base}/v1"), "extractive");
    wrong.api_key = Some("wb_niet-geldig".into());
    wrong.max_retries = 0;
    let err = wrong.build().unwrap().generator().generate(request, None).await.unwrap_err().to_string();
    assert!(!err.contains("wb_niet-geldig") && !err.is_empty() && !err.contains('\n'), "{err}");

    // Hard negative: the same question from an application without collections finds nothing.
    let answer = ask(&base, &without, "Hoe lang is een paspoort geldig voor volwassenen?").await;
    assert!(answer["waarborg"]["citations"].as_array().unwrap().is_empty(), "{answer}");
    let text = answer["choices"][0]["message"]["content"].as_str().unwrap();
    assert!(!text.contains("tien jaar geldig"), "{text}");
}
