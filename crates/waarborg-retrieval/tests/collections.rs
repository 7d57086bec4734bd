//! Collections end to end on real files, real SQLite, real tantivy and the real default
//! embedder (multilingual-e5-small from the shared test cache): parsing of each format, Dutch
//! stemming, re-ingest, replacement, complete removal, PII on disk, hybrid ranking.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use waarborg_models::Embedder;
use waarborg_pii::{Engine, PseudonymKey};
use waarborg_retrieval::{parse, ChunkOptions, Collections, Filter, Outcome, PiiHandler, PiiPolicy, SearchMode};

/// A valid BSN (11-proef).
const BSN: &str = "111222333";

fn embedder() -> Arc<dyn Embedder> {
    static E: OnceLock<Arc<dyn Embedder>> = OnceLock::new();
    E.get_or_init(|| {
        let cache = waarborg_models::cache::shared_test_cache().unwrap();
        Arc::new(waarborg_models::bert::BertEmbedder::load(&cache.default_embedder_dir()).unwrap())
    })
    .clone()
}

fn handler() -> Arc<PiiHandler> {
    Arc::new(PiiHandler::new(Engine::with_defaults().unwrap(), PseudonymKey::from_bytes(&[3u8; 32]).unwrap()))
}

struct Env {
    dir: tempfile::TempDir,
    collections: Collections,
}

impl Env {
    fn new(with_vectors: bool) -> Env {
        let dir = tempfile::tempdir().unwrap();
        let collections = Collections::open(&dir.path().join("data"), with_vectors.then(embedder)).unwrap();
        Env { dir, collections }
    }

    fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join("docs").join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, contents).unwrap();
        p
    }

    async fn ingest(&self, collection: &str, policy: PiiPolicy, files: &[&Path]) -> Vec<waarborg_retrieval::DocumentOutcome> {
        let ingestor = self.collections.ingestor(collection, policy, handler(), ChunkOptions::default()).unwrap();
        let mut docs = Vec::new();
        for f in files {
            docs.extend(parse::parse_file(f, &f.display().to_string()).unwrap().documents);
        }
        ingestor.ingest(docs).await.unwrap()
    }

    async fn sources(&self, collection: &str, query: &str, mode: SearchMode) -> Vec<String> {
        self.collections.search(&[collection.to_string()], query, 5, mode).await.unwrap().into_iter().map(|h| h.source).collect()
    }
}

const AFVAL: &str = "# Afval\n\nGrofvuil wordt op afspraak gratis opgehaald. U maakt een afspraak via de website.\n\n## Containers\n\nDe groene container is voor groente-, fruit- en tuinafval en wordt elke twee weken geleegd.";
const PARKEREN: &str = "# Parkeren\n\nBewoners kunnen vergunningen aanvragen voor parkeren in de binnenstad. Een parkeervergunning kost 120 euro per jaar.";
const PASPOORT: &str = "# Paspoort\n\nEen paspoort is tien jaar geldig voor volwassenen. Voor kinderen is het vijf jaar geldig.";

#[tokio::test]
async fn dutch_stemming_finds_the_plural_for_the_singular() {
    let env = Env::new(false);
    let p = env.write("parkeren.md", PARKEREN);
    let a = env.write("afval.md", AFVAL);
    env.ingest("gemeente", PiiPolicy::Pseudonymise, &[&p, &a]).await;
    let hits = env.collections.search(&["gemeente".into()], "vergunning", 5, SearchMode::Bm25).await.unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(hits[0].text.contains("vergunningen"));
    assert_eq!(hits[0].heading, "Parkeren");
    assert!(hits[0].coverage > 0.99);
    // The hit's offsets and hash describe its text.
    assert_eq!(hits[0].end - hits[0].start, hits[0].text.chars().count());
}

#[tokio::test]
async fn unchanged_files_are_a_no_op_changed_files_replace_and_removal_is_complete() {
    let env = Env::new(true);
    let a = env.write("afval.md", AFVAL);
    let p = env.write("parkeren.md", PARKEREN);
    let s = env.write("paspoort.md", PASPOORT);
    let first = env.ingest("gemeente", PiiPolicy::Pseudonymise, &[&a, &p, &s]).await;
    assert!(first.iter().all(|o| o.outcome == Outcome::Added));
    let c = env.collections.get("gemeente").unwrap();
    let before = c.info().unwrap();
    assert_eq!(before.documents, 3);
    assert_eq!(before.vectors, before.chunks);
    assert_eq!(c.indexed_chunks(), before.chunks);

    // Again, unchanged: nothing happens.
    let again = env.ingest("gemeente", PiiPolicy::Pseudonymise, &[&a, &p, &s]).await;
    assert!(again.iter().all(|o| o.outcome == Outcome::Unchanged && o.chunks == 0), "{again:?}");
    assert_eq!(c.info().unwrap(), before);
    assert_eq!(c.indexed_chunks(), before.chunks);

    // Changed: its chunks are replaced, the old text is gone from both halves.
    std::fs::write(&p, "# Parkeren\n\nParkeren in de binnenstad is voortaan betaald met de app Parkeerwijzer.").unwrap();
    let changed = env.ingest("gemeente", PiiPolicy::Pseudonymise, &[&p]).await;
    assert_eq!(changed[0].outcome, Outcome::Updated);
    let info = c.info().unwrap();
    assert_eq!(info.documents, 3);
    assert_eq!(c.indexed_chunks(), info.chunks);
    assert_eq!(c.vector_rows(), info.chunks);
    let old = env.collections.search(&["gemeente".into()], "parkeervergunning 120 euro", 5, SearchMode::Bm25).await.unwrap();
    assert!(old.iter().all(|h| !h.text.contains("120 euro")), "{old:?}");
    assert!(env.sources("gemeente", "Parkeerwijzer", SearchMode::Bm25).await.iter().any(|s| s.ends_with("parkeren.md")));

    // Removal: every chunk, keyword entry and vector of the document goes at once.
    let source = p.display().to_string();
    let removed = env.collections.remove("gemeente", &source).await.unwrap();
    assert!(removed >= 1);
    let info = c.info().unwrap();
    assert_eq!(info.documents, 2);
    assert_eq!(c.indexed_chunks(), info.chunks);
    assert_eq!(c.vector_rows(), info.chunks);
    for mode in [SearchMode::Bm25, SearchMode::Vectors, SearchMode::Hybrid] {
        let found = env.sources("gemeente", "Parkeren binnenstad Parkeerwijzer", mode).await;
        assert!(!found.contains(&source), "{mode:?}: {found:?}");
    }
    // Also for a fresh process reading the files on disk.
    let reopened = Collections::open(&env.dir.path().join("data"), Some(embedder())).unwrap();
    let c2 = reopened.get("gemeente").unwrap();
    assert_eq!(c2.indexed_chunks(), info.chunks);
    assert_eq!(c2.vector_rows(), info.chunks);
    assert!(c2.documents().unwrap().iter().all(|d| d.source != source));
    // Removing it twice says it is not there.
    let err = env.collections.remove("gemeente", &source).await.unwrap_err().to_string();
    assert!(err.contains("holds no document"), "{err}");
}

#[tokio::test]
async fn a_lost_keyword_index_is_rebuilt_from_the_metadata_store() {
    let env = Env::new(false);
    let p = env.write("parkeren.md", PARKEREN);
    env.ingest("gemeente", PiiPolicy::Pseudonymise, &[&p]).await;
    let dir = env.collections.get("gemeente").unwrap().dir().to_path_buf();
    drop(env.collections);
    std::fs::remove_dir_all(dir.join("bm25")).unwrap();
    let reopened = Collections::open(&env.dir.path().join("data"), None).unwrap();
    let hits = reopened.search(&["gemeente".into()], "parkeervergunning", 5, SearchMode::Bm25).await.unwrap();
    assert_eq!(hits.len(), 1);
}

/// Every file under `dir`, read as bytes.
fn all_bytes(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(all_bytes(&p));
        } else {
            out.push((p.clone(), std::fs::read(&p).unwrap()));
        }
    }
    out
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[tokio::test]
async fn personal_data_never_reaches_the_disk_but_an_official_keeps_their_name_under_that_policy() {
    let env = Env::new(true);
    let text = format!(
        "# Besluit op bezwaar\n\nWethouder Karin Bakker heeft op 3 maart het bezwaar van Jan de Vries, BSN {BSN}, \
         over de omgevingsvergunning afgewezen. Bezwaarmaker woont op de Dorpsstraat 12."
    );
    let f = env.write("besluit.md", &text);
    let out = env.ingest("woo", PiiPolicy::PublicOfficials, &[&f]).await;
    assert!(out[0].pii.replaced.get("BSN") == Some(&1), "{:?}", out[0].pii);
    assert_eq!(out[0].pii.kept.get("PERSON"), Some(&1), "{:?}", out[0].pii);
    // The same text in another collection, with the default policy.
    let pseud = env.write("besluit2.md", &text);
    let out = env.ingest("intern", PiiPolicy::Pseudonymise, &[&pseud]).await;
    assert_eq!(out[0].pii.kept.values().sum::<usize>(), 0);

    let hits = env.collections.search(&["woo".into()], "bezwaar omgevingsvergunning afgewezen", 3, SearchMode::Hybrid).await.unwrap();
    assert!(hits[0].text.contains("Wethouder Karin Bakker"), "{}", hits[0].text);
    assert!(!hits[0].text.contains("Jan de Vries"));
    let hits = env.collections.search(&["intern".into()], "bezwaar omgevingsvergunning afgewezen", 3, SearchMode::Hybrid).await.unwrap();
    assert!(!hits[0].text.contains("Karin Bakker"), "{}", hits[0].text);

    // Nothing on disk holds the BSN or the citizen's name: not the index, not the metadata
    // store, not its write-ahead log.
    let files = all_bytes(&env.dir.path().join("data"));
    assert!(files.len() > 5);
    for (path, bytes) in &files {
        assert!(!contains(bytes, BSN), "BSN in {}", path.display());
        assert!(!contains(bytes, "Jan de Vries"), "name in {}", path.display());
        assert!(!contains(bytes, "Dorpsstraat 12"), "address in {}", path.display());
    }
}

#[tokio::test]
async fn hybrid_search_ranks_the_right_document_first_and_filters_by_metadata() {
    let env = Env::new(true);
    let a = env.write("afval.md", AFVAL);
    let p = env.write("parkeren.md", PARKEREN);
    let s = env.write("paspoort.md", PASPOORT);
    let j = env.write(
        "nieuws.jsonl",
        "{\"text\": \"De bibliotheek is op zondag gesloten.\", \"title\": \"Bibliotheek\", \"url\": \"https://dijkstede.nl/bieb\", \"published\": \"2024-03-01\"}\n\
         {\"text\": \"Het zwembad opent in juni een nieuw buitenbad.\", \"title\": \"Zwembad\", \"url\": \"https://dijkstede.nl/zwembad\", \"published\": \"2025-06-01\"}\n",
    );
    env.ingest("gemeente", PiiPolicy::Pseudonymise, &[&a, &p, &s, &j]).await;
    for (q, want) in [
        ("Hoe lang is mijn paspoort geldig?", "paspoort.md"),
        ("Wat kost een parkeervergunning?", "parkeren.md"),
        ("Wanneer wordt de groene container geleegd?", "afval.md"),
        ("Is de bibliotheek open op zondag?", "https://dijkstede.nl/bieb"),
    ] {
        for mode in [SearchMode::Bm25, SearchMode::Hybrid] {
            let got = env.sources("gemeente", q, mode).await;
            assert!(got.first().is_some_and(|s| s.ends_with(want)), "{mode:?} {q}: {got:?}");
        }
    }
    // Hard negative: a question about a permit for parking must not put the passport first,
    // even though both are about documents the municipality issues.
    let got = env.sources("gemeente", "vergunning aanvragen voor parkeren", SearchMode::Vectors).await;
    assert!(got.first().is_some_and(|s| s.ends_with("parkeren.md")), "{got:?}");

    let filter = Filter { published_from: Some("2025-01-01".into()), ..Filter::default() };
    let hits = env
        .collections
        .search_filtered(&["gemeente".into()], "bibliotheek zwembad", 5, SearchMode::Hybrid, &filter)
        .await
        .unwrap();
    assert_eq!(hits.iter().map(|h| h.source.as_str()).collect::<Vec<_>>(), vec!["https://dijkstede.nl/zwembad"]);
    // Unknown collections are an error that says how to make one.
    let err = env.collections.search(&["nope".into()], "x", 5, SearchMode::Bm25).await.unwrap_err().to_string();
    assert!(err.contains("waarborg ingest"), "{err}");
}

/// A one-page PDF with `lines` in Helvetica, made with lopdf.
fn pdf(pages: &[&[&str]]) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {"Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding"});
    let resources_id = doc.add_object(dictionary! {"Font" => dictionary! {"F1" => font_id}});
    let mut kids = Vec::new();
    for lines in pages {
        let mut ops = vec![Operation::new("BT", vec![]), Operation::new("Tf", vec!["F1".into(), 12.into()]), Operation::new("Td", vec![50.into(), 750.into()])];
        for line in *lines {
            ops.push(Operation::new("Tj", vec![Object::string_literal(*line)]));
            ops.push(Operation::new("Td", vec![0.into(), (-16).into()]));
        }
        ops.push(Operation::new("ET", vec![]));
        let content_id = doc.add_object(Stream::new(dictionary! {}, Content { operations: ops }.encode().unwrap()));
        let page_id = doc.add_object(dictionary! {"Type" => "Page", "Parent" => pages_id, "Contents" => content_id});
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {"Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources_id, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()]}),
    );
    let catalog_id = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages_id});
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn a_real_pdf_is_read_page_by_page_without_its_running_header_and_page_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nota.pdf");
    let header = "Gemeente Dijkstede Beleidsnota";
    std::fs::write(
        &path,
        pdf(&[
            &[header, "Artikel 1 Doel", "Deze nota regelt de subsidie voor", "verenigingen in de gemeente.", "1"],
            &[header, "Artikel 2 Aanvraag", "Een aanvraag wordt binnen acht", "weken behandeld.", "2"],
            &[header, "Artikel 3 Bezwaar", "Bezwaar kan binnen zes weken.", "3"],
        ]),
    )
    .unwrap();
    let parsed = parse::parse_file(&path, "nota.pdf").unwrap();
    assert_eq!(parsed.documents.len(), 1);
    let norm = waarborg_retrieval::normalise::normalise(&parsed.documents[0].text);
    assert!(norm.text.contains("subsidie voor verenigingen in de gemeente."), "{}", norm.text);
    assert!(norm.text.contains("binnen acht weken behandeld."), "{}", norm.text);
    assert!(!norm.text.contains("Beleidsnota"), "{}", norm.text);
    let headings: Vec<&str> = norm.headings.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(headings, vec!["Artikel 1 Doel", "Artikel 2 Aanvraag", "Artikel 3 Bezwaar"]);
    // A damaged PDF is a clear error naming the file, not a panic.
    std::fs::write(&path, b"%PDF-1.5 garbage").unwrap();
    let err = parse::parse_file(&path, "nota.pdf").unwrap_err().to_string();
    assert!(err.contains("nota.pdf") && err.contains("PDF"), "{err}");
}

#[test]
fn html_files_are_read_as_text_with_headings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pagina.html");
    std::fs::write(&path, "<html><head><title>Afval</title><script>track()</script></head><body><nav>Menu</nav><h1>Grofvuil</h1><p>Op afspraak.</p></body></html>").unwrap();
    let parsed = parse::parse_file(&path, "pagina.html").unwrap();
    let d = &parsed.documents[0];
    assert_eq!(d.title, "Afval");
    let norm = waarborg_retrieval::normalise::normalise(&d.text);
    assert_eq!(norm.text, "Grofvuil\n\nOp afspraak.");
}
