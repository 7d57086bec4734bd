//! End-to-end tests of `waarborg ingest`, `waarborg ask` and `waarborg collections` against the
//! real binary: bad files reported and skipped (exit 65), the `ask --json` contract of
//! DESIGN.md, the "no information" answer, removal, and answers with the real embedder.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::process::{Command, Output};
use tempfile::TempDir;

struct Waarborg {
    dir: TempDir,
}

impl Waarborg {
    fn new() -> Self {
        let w = Waarborg { dir: tempfile::tempdir().unwrap() };
        w.write("docs/afval.md", "# Afval\n\nGrofvuil wordt op afspraak gratis opgehaald. U maakt de afspraak via de website van de gemeente.\n\n## Containers\n\nDe groene container wordt elke twee weken geleegd.");
        w.write("docs/paspoort.md", "# Paspoort\n\nEen paspoort is tien jaar geldig voor volwassenen. Voor kinderen is een paspoort vijf jaar geldig.");
        w.write("docs/sub/parkeren.html", "<html><head><title>Parkeren</title></head><body><nav>Home</nav><h1>Parkeren</h1><p>Een parkeervergunning kost 120 euro per jaar.</p></body></html>");
        w
    }

    /// The source a file under the test dir is cited by: its canonical absolute path.
    fn source(&self, name: &str) -> String {
        self.dir.path().join(name).canonicalize().unwrap().display().to_string()
    }

    fn write(&self, name: &str, contents: impl AsRef<[u8]>) {
        let p = self.dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, contents).unwrap();
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_waarborg"))
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("WAARBORG_DATA_DIR")
            .env_remove("WAARBORG_CONFIG")
            .env("RUST_BACKTRACE", "1")
            .output()
            .unwrap()
    }

    fn json(out: &Output) -> Value {
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn a_bad_file_is_reported_with_its_path_and_skipped_and_the_rest_ingested_with_exit_65() {
    let w = Waarborg::new();
    w.write("docs/kapot.pdf", b"%PDF-1.4 dit is geen echte pdf");
    w.write("docs/data.jsonl", "{\"text\": \"De bibliotheek is op zondag gesloten.\", \"url\": \"https://dijkstede.nl/bieb\"}\nkapot\n");
    let out = w.run(&["ingest", "--collection", "gemeente", "--keyword-only", "docs"]);
    assert_eq!(out.status.code(), Some(65), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("kapot.pdf"), "{err}");
    assert!(err.contains("data.jsonl line 2"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let summary = Waarborg::json(&out);
    assert_eq!(summary["added"], 4, "{summary}");
    assert_eq!(summary["failed"], 2);

    // The second run changes nothing.
    let out = w.run(&["ingest", "--collection", "gemeente", "--keyword-only", "docs/afval.md", "docs/paspoort.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let summary = Waarborg::json(&out);
    assert_eq!(summary["unchanged"], 2);
    assert_eq!(summary["added"], 0);

    // A path that does not exist is reported too, by path.
    let out = w.run(&["ingest", "--collection", "gemeente", "--keyword-only", "docs/weg.md"]);
    assert_eq!(out.status.code(), Some(65));
    assert!(stderr(&out).contains("docs/weg.md"));
}

#[test]
fn ask_json_has_the_fixed_shape_and_cites_the_source_and_unrelated_questions_get_no_information() {
    let w = Waarborg::new();
    let out = w.run(&["ingest", "--collection", "gemeente", "--keyword-only", "docs"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let out = w.run(&["ask", "--collection", "gemeente", "--json", "Hoe lang is een paspoort geldig?"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = Waarborg::json(&out);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, vec!["answer", "citations", "model"]);
    assert_eq!(v["model"], "extractive");
    let answer = v["answer"].as_str().unwrap();
    assert!(answer.contains("\"Een paspoort is tien jaar geldig voor volwassenen.\" [1]"), "{answer}");
    let citations = v["citations"].as_array().unwrap();
    assert!(!citations.is_empty());
    let c = citations[0].as_object().unwrap();
    assert_eq!(c.keys().map(String::as_str).collect::<Vec<_>>(), vec!["source", "title", "text", "score"]);
    // Cited by its canonical path, so the same file ingested from another directory is one document.
    assert_eq!(c["source"], w.source("docs/paspoort.md"));
    assert_eq!(c["title"], "Paspoort");
    assert!(c["text"].as_str().unwrap().contains("tien jaar geldig"));
    assert!(c["score"].as_f64().unwrap() > 0.0);
    let scores: Vec<f64> = citations.iter().map(|c| c["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|p| p[0] >= p[1]), "best first: {scores:?}");

    // An unrelated question: said plainly, no citations, no guess.
    for q in ["Wat is de hoofdstad van Frankrijk?", "Hoeveel kost een hondenpenning in Amsterdam?"] {
        let out = w.run(&["ask", "--collection", "gemeente", "--json", q]);
        let v = Waarborg::json(&out);
        assert_eq!(v["answer"], "Ik heb hierover geen informatie gevonden in de collectie gemeente.", "{q}");
        assert_eq!(v["citations"].as_array().unwrap().len(), 0);
    }

    // Plain output lists the sources.
    let out = w.run(&["ask", "--collection", "gemeente", "Wat", "kost", "een", "parkeervergunning?"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let listed = format!("Bronnen:\n[1] Parkeren — {}", w.source("docs/sub/parkeren.html"));
    assert!(text.contains("120 euro") && text.contains(&listed), "{text}");

    // Removing the document removes the answer.
    let out = w.run(&["collections", "remove", "--collection", "gemeente", "docs/paspoort.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(Waarborg::json(&out)["removed_chunks"].as_u64().unwrap() >= 1);
    let out = w.run(&["ask", "--collection", "gemeente", "--json", "Hoe lang is een paspoort geldig?"]);
    assert!(Waarborg::json(&out)["answer"].as_str().unwrap().starts_with("Ik heb hierover geen informatie"));

    let out = w.run(&["collections", "list"]);
    let v = Waarborg::json(&out);
    assert_eq!(v["name"], "gemeente");
    assert_eq!(v["documents"], 2);
    assert_eq!(v["pii_policy"], "pseudonymise");

    // Errors are one line with exit 1.
    let out = w.run(&["ask", "--collection", "bestaat-niet", "Vraag?"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("waarborg ingest"));
    let out = w.run(&["ask", "--collection", "gemeente", "--backend", "gpt", "Vraag?"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn with_the_real_embedder_hybrid_answers_and_the_collection_records_its_model() {
    let cache = waarborg_models::cache::shared_test_cache().unwrap();
    let w = Waarborg::new();
    w.write("waarborg.toml", format!("[models]\ncache_dir = {:?}\n", cache.dir().display().to_string()));
    let out = w.run(&["--config", "waarborg.toml", "ingest", "--collection", "gemeente", "docs"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(Waarborg::json(&out)["vectors"], true);
    let out = w.run(&["--config", "waarborg.toml", "ask", "--collection", "gemeente", "--json", "Wanneer wordt de groene container geleegd?"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = Waarborg::json(&out);
    assert_eq!(v["citations"][0]["source"], w.source("docs/afval.md"), "{v}");
    assert!(v["answer"].as_str().unwrap().contains("elke twee weken"), "{v}");
    let out = w.run(&["collections", "list"]);
    assert_eq!(Waarborg::json(&out)["embedder"], waarborg_models::cache::DEFAULT_EMBEDDER.name);
}
