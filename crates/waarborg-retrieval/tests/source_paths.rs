//! A document's source is its canonical path: the same file ingested as a relative path and as
//! an absolute path from another working directory is one document; collections from before
//! canonical sources are adopted, not duplicated.
//!
//! One test function only: it changes the process's working directory, which other tests in
//! the same binary would race with.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::sync::Arc;
use waarborg_pii::{Engine, PseudonymKey};
use waarborg_retrieval::{parse, prepare, ChunkOptions, Collections, Filter, Outcome, PiiHandler, PiiPolicy, SearchMode};

fn handler() -> Arc<PiiHandler> {
    Arc::new(PiiHandler::new(Engine::with_defaults().unwrap(), PseudonymKey::from_bytes(&[5u8; 32]).unwrap()))
}

/// Ingests `path` exactly as the CLI does: the path as typed is the source it is read under.
async fn ingest(collections: &Collections, path: &str) -> (Outcome, String) {
    let ingestor = collections.ingestor("c", PiiPolicy::Pseudonymise, handler(), ChunkOptions::default()).unwrap();
    let docs = parse::parse_file(Path::new(path), path).unwrap().documents;
    let out = ingestor.ingest(docs).await.unwrap();
    assert_eq!(out.len(), 1);
    (out[0].outcome, out[0].source.clone())
}

#[tokio::test]
async fn the_same_file_from_two_working_directories_is_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    for d in ["proj/docs", "proj/otherdocs", "elsewhere"] {
        std::fs::create_dir_all(root.join(d)).unwrap();
    }
    std::fs::write(root.join("proj/docs/a.md"), "# Afval\n\nGrofvuil wordt op afspraak gratis opgehaald.").unwrap();
    let collections = Collections::open(&root.join("data"), None).unwrap();
    let abs_a = root.join("proj/docs/a.md").display().to_string();

    // Relative, from the project folder: stored (and cited) as the absolute path.
    std::env::set_current_dir(root.join("proj")).unwrap();
    assert_eq!(ingest(&collections, "docs/a.md").await, (Outcome::Added, abs_a.clone()));
    let hits = collections.search(&["c".into()], "grofvuil", 5, SearchMode::Bm25).await.unwrap();
    assert_eq!(hits.iter().map(|h| h.source.as_str()).collect::<Vec<_>>(), vec![abs_a.as_str()]);

    // From another working directory, relative with `..` and absolute: unchanged, no duplicate.
    std::env::set_current_dir(root.join("elsewhere")).unwrap();
    assert_eq!(ingest(&collections, "../proj/docs/./a.md").await, (Outcome::Unchanged, abs_a.clone()));
    assert_eq!(ingest(&collections, &abs_a).await, (Outcome::Unchanged, abs_a.clone()));
    let c = collections.get("c").unwrap();
    assert_eq!(c.documents().unwrap().len(), 1);

    // A changed file replaces its chunks, whichever way it is named.
    std::fs::write(root.join("proj/docs/a.md"), "# Afval\n\nGrofvuil kost voortaan 25 euro per ophaalbeurt.").unwrap();
    assert_eq!(ingest(&collections, &abs_a).await, (Outcome::Updated, abs_a.clone()));
    assert_eq!(c.documents().unwrap().len(), 1);
    assert_eq!(c.indexed_chunks(), c.info().unwrap().chunks);
    let texts: Vec<String> =
        collections.search(&["c".into()], "grofvuil", 5, SearchMode::Bm25).await.unwrap().into_iter().map(|h| h.text).collect();
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].contains("25 euro") && !texts[0].contains("gratis"), "{texts:?}");

    // A relative folder as a filter still selects it (and a sibling folder does not).
    std::env::set_current_dir(root.join("proj")).unwrap();
    let only = |prefix: &str| Filter { source_prefix: Some(prefix.into()), ..Filter::default() };
    let n = |f: Filter| {
        let collections = &collections;
        async move { collections.search_filtered(&["c".into()], "grofvuil", 5, SearchMode::Bm25, &f).await.unwrap().len() }
    };
    assert_eq!(n(only("docs/")).await, 1);
    assert_eq!(n(only("otherdocs/")).await, 0);

    // A collection from before canonical sources: documents stored under the path as typed.
    std::fs::write(root.join("proj/docs/b.md"), "# Bomen\n\nVoor het kappen van een boom is een vergunning nodig.").unwrap();
    std::fs::write(root.join("proj/otherdocs/b.md"), "# Bomen\n\nEen andere tekst over bomen en vergunningen.").unwrap();
    let legacy = |path: &str, stored_as: &str| {
        let mut raw = parse::parse_file(&root.join(path), stored_as).unwrap().documents;
        prepare(raw.remove(0), PiiPolicy::Pseudonymise, &handler(), ChunkOptions::default())
    };
    c.put(&[legacy("proj/docs/b.md", "docs/b.md")]).unwrap();
    assert_eq!(c.documents().unwrap().len(), 2);
    // Re-ingested from another working directory: the only relative source ending the path is
    // adopted — unchanged, not duplicated, now under its absolute path.
    std::env::set_current_dir(root.join("elsewhere")).unwrap();
    let abs_b = root.join("proj/docs/b.md").display().to_string();
    assert_eq!(ingest(&collections, &abs_b).await, (Outcome::Unchanged, abs_b.clone()));
    let sources: Vec<String> = c.documents().unwrap().into_iter().map(|d| d.source).collect();
    assert_eq!(sources, vec![abs_a.clone(), abs_b.clone()]);
    // Hard negative: a file with the same name in another folder is another document.
    let abs_other = root.join("proj/otherdocs/b.md").display().to_string();
    assert_eq!(ingest(&collections, &abs_other).await, (Outcome::Added, abs_other.clone()));
    assert_eq!(c.documents().unwrap().len(), 3);

    // Removal by relative path from the working directory, and of a legacy source as stored.
    std::env::set_current_dir(root.join("proj")).unwrap();
    assert!(collections.remove("c", "docs/b.md").await.unwrap() > 0);
    c.put(&[legacy("proj/docs/b.md", "old/b.md")]).unwrap();
    assert!(collections.remove("c", "old/b.md").await.unwrap() > 0);
    let sources: Vec<String> = c.documents().unwrap().into_iter().map(|d| d.source).collect();
    assert_eq!(sources, vec![abs_a, abs_other]);
    std::env::set_current_dir(std::env::temp_dir()).unwrap();
}
