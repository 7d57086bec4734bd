//! Retrieval quality on the Dutch evaluation set: `bench/retrieval/eval.sh` runs it.
//!
//! Ingests `EVAL_DIR/docs/*` into a temporary collection (default PII policy, default chunking,
//! the real default embedder) and answers every line of `EVAL_DIR/questions.jsonl`
//! (`{"id", "question", "source": "docs/<file>" | null, "answer": "<substring of the source>" | null}`):
//! - recall@1, recall@5 and MRR@10 of BM25, vectors and hybrid over the answerable questions —
//!   a hit is a chunk from the right source that contains the answer (compared with whitespace
//!   collapsed and case folded) or overlaps it (holds its first or last 60 characters);
//! - the extractive answer's hit rate (it cites the right source and quotes part of the answer)
//!   and how often it wrongly says "no information";
//! - on the unanswerable (null) questions, how often it correctly says "no information".
//!
//! Usage: `cargo run --release -p waarborg-retrieval --example eval -- EVAL_DIR [MIN_COVERAGE]`
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;
use waarborg_models::extractive::Extractive;
use waarborg_pii::{Engine, PseudonymKey};
use waarborg_retrieval::{answer, parse, Collections, Fusion, Hit, PiiHandler, PiiPolicy, RetrievalConfig, SearchMode};

#[derive(serde::Deserialize)]
struct Question {
    id: serde_json::Value,
    question: String,
    source: Option<String>,
    answer: Option<String>,
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Whether `chunk` holds the answer or overlaps it.
fn holds(chunk: &str, answer: &str) -> bool {
    let (c, a) = (fold(chunk), fold(answer));
    if c.contains(&a) {
        return true;
    }
    let chars: Vec<char> = a.chars().collect();
    if chars.len() <= 80 {
        return false;
    }
    let head: String = chars[..60].iter().collect();
    let tail: String = chars[chars.len() - 60..].iter().collect();
    c.contains(&head) || c.contains(&tail)
}

/// The file a cited source came from (a JSON Lines document's source is its URL).
fn file_of<'a>(files: &'a std::collections::HashMap<String, String>, source: &'a str) -> &'a str {
    files.get(source).map_or(source, String::as_str)
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let eval_dir = PathBuf::from(args.get(1).map_or("eval/retrieval", String::as_str));
    let defaults = RetrievalConfig::default();
    let min_coverage: f32 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(defaults.min_coverage);
    let questions: Vec<Question> = std::fs::read_to_string(eval_dir.join("questions.jsonl"))
        .expect("questions.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a question line"))
        .collect();

    let cache = waarborg_models::cache::shared_test_cache().expect("model cache");
    // Experiment knobs: EVAL_EMBEDDER_DIR (a BERT model directory instead of the default embedder),
    // EVAL_QUERY_PREFIX / EVAL_PASSAGE_PREFIX (E5: "query: " / "passage: "), EVAL_MAX_TOKENS.
    let embedder_dir = std::env::var_os("EVAL_EMBEDDER_DIR").map_or_else(|| cache.default_embedder_dir(), PathBuf::from);
    // Unset prefixes are the model's own ("query: " / "passage: " for the default e5).
    let mut options = waarborg_models::bert::BertOptions {
        query_prefix: std::env::var("EVAL_QUERY_PREFIX").ok(),
        passage_prefix: std::env::var("EVAL_PASSAGE_PREFIX").ok(),
        ..Default::default()
    };
    if let Some(n) = std::env::var("EVAL_MAX_TOKENS").ok().and_then(|v| v.parse().ok()) {
        options.max_tokens = n;
    }
    let max_tokens = options.max_tokens;
    let bert = waarborg_models::bert::BertEmbedder::load_with(&embedder_dir, options).expect("embedder");
    println!(
        "embedder: {} from {} (query prefix {:?}, passage prefix {:?}, max_tokens {max_tokens})\n",
        waarborg_models::Embedder::info(&bert).name,
        embedder_dir.display(),
        bert.query_prefix(),
        bert.passage_prefix(),
    );
    let embedder: Arc<dyn waarborg_models::Embedder> = Arc::new(bert);
    let data = tempfile::tempdir().unwrap();
    // Knobs for tuning runs: EVAL_VECTOR_WEIGHT, EVAL_CHUNK_CHARS, EVAL_CHUNK_OVERLAP.
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<f32>().ok());
    let vector_weight = env("EVAL_VECTOR_WEIGHT").unwrap_or(defaults.vector_weight);
    // EVAL_FUSION: `scores` (the default) or `rrf`.
    let fusion = std::env::var("EVAL_FUSION").ok().map_or_else(Fusion::default, |f| Fusion::parse(&f).expect("EVAL_FUSION: scores or rrf"));
    let collections = Collections::open(data.path(), Some(embedder)).unwrap().with_vector_weight(vector_weight).with_fusion(fusion);
    let pii = Arc::new(PiiHandler::new(Engine::with_defaults().unwrap(), PseudonymKey::generate()));
    let mut chunking = defaults.settings().unwrap().chunking;
    if let Some(c) = env("EVAL_CHUNK_CHARS") {
        chunking.max_chars = c as usize;
    }
    if let Some(c) = env("EVAL_CHUNK_OVERLAP") {
        chunking.overlap_chars = c as usize;
    }
    let ingestor = collections.ingestor("eval", PiiPolicy::Pseudonymise, pii, chunking).unwrap();
    let mut docs = Vec::new();
    let mut file_of_source = std::collections::HashMap::new();
    let mut bytes = 0usize;
    let mut files: Vec<PathBuf> = std::fs::read_dir(eval_dir.join("docs")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for f in &files {
        let source = Path::new("docs").join(f.file_name().unwrap()).display().to_string();
        match parse::parse_file(f, &f.display().to_string()) {
            Ok(p) => {
                bytes += std::fs::metadata(f).map(|m| m.len() as usize).unwrap_or(0);
                // Stored and cited under the canonical source (absolute path or URL).
                for d in &p.documents {
                    file_of_source.insert(waarborg_retrieval::source::canonical(&d.source), source.clone());
                }
                docs.extend(p.documents);
            }
            Err(e) => eprintln!("skipped: {e}"),
        }
    }
    let n_docs = docs.len();
    let started = Instant::now();
    ingestor.ingest(docs).await.unwrap();
    let ingest_s = started.elapsed().as_secs_f64();
    let info = ingestor.collection().info().unwrap();

    let names = vec!["eval".to_string()];
    // Which answers survive ingestion at all (normalisation, PII, chunking): a chunk holds them.
    let db = rusqlite::Connection::open(ingestor.collection().dir().join("meta.sqlite")).unwrap();
    let all_chunks: Vec<(String, String)> = db
        .prepare("SELECT d.source, c.text FROM chunks c JOIN documents d ON d.id = c.document")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let answerable: Vec<&Question> = questions.iter().filter(|q| q.source.is_some() && q.answer.is_some()).collect();
    let unanswerable: Vec<&Question> = questions.iter().filter(|q| q.source.is_none()).collect();
    println!("## Retrieval evaluation\n");
    println!(
        "{} documents ({:.1} KB, {} chunks), {} questions ({} answerable, {} without an answer in the documents); \
         ingest with PII handling and embedding took {:.1} s. min_coverage = {min_coverage}, fusion = {fusion:?}, vector_weight = {vector_weight}, chunks of at most {} characters with {} overlap.\n",
        n_docs,
        bytes as f64 / 1024.0,
        info.chunks,
        questions.len(),
        answerable.len(),
        unanswerable.len(),
        ingest_s,
        chunking.max_chars,
        chunking.overlap_chars
    );
    let unreachable: Vec<String> = questions
        .iter()
        .filter(|q| q.source.is_some() && q.answer.is_some())
        .filter(|q| {
            !all_chunks.iter().any(|(s, t)| file_of(&file_of_source, s) == q.source.as_deref().unwrap_or("") && holds(t, q.answer.as_deref().unwrap_or("")))
        })
        .map(|q| q.id.to_string())
        .collect();
    println!("Answers no chunk holds after ingestion (normalisation, PII, chunking): {} {:?}\n", unreachable.len(), unreachable);
    // EVAL_DUMP=FILE: for offline fusion experiments, every chunk BM25 and the vectors rank for
    // each question (chunk = source + start), with its score and whether it is a hit.
    if let Some(path) = std::env::var_os("EVAL_DUMP") {
        let mut lines = Vec::new();
        for q in &questions {
            let mut lists = serde_json::Map::new();
            for mode in [SearchMode::Bm25, SearchMode::Vectors] {
                let hits = collections.search(&names, &q.question, info.chunks, mode).await.unwrap();
                let list: Vec<serde_json::Value> = hits
                    .iter()
                    .map(|h| {
                        let gold = match (q.source.as_deref(), q.answer.as_deref()) {
                            (Some(src), Some(ans)) => file_of(&file_of_source, &h.source) == src && holds(&h.text, ans),
                            _ => false,
                        };
                        serde_json::json!([format!("{}@{}", h.source, h.start), h.score, gold])
                    })
                    .collect();
                lists.insert(format!("{mode:?}").to_lowercase(), list.into());
            }
            lines.push(serde_json::json!({"id": q.id, "lists": lists}).to_string());
        }
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        println!("Dumped ranked lists to {}\n", Path::new(&path).display());
    }
    println!("| mode | recall@1 | recall@5 | MRR@10 | p50 query ms |");
    println!("| --- | --- | --- | --- | --- |");
    let mut misses: Vec<String> = Vec::new();
    for mode in [SearchMode::Bm25, SearchMode::Vectors, SearchMode::Hybrid] {
        let (mut r1, mut r5, mut mrr) = (0.0, 0.0, 0.0);
        let mut times = Vec::new();
        for q in &answerable {
            let t = Instant::now();
            let hits = collections.search(&names, &q.question, 10, mode).await.unwrap();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            let (src, ans) = (q.source.as_deref().unwrap(), q.answer.as_deref().unwrap());
            let rank = hits.iter().position(|h| file_of(&file_of_source, &h.source) == src && holds(&h.text, ans));
            if let Some(r) = rank {
                r1 += f64::from(u8::from(r == 0));
                r5 += f64::from(u8::from(r < 5));
                mrr += 1.0 / (r as f64 + 1.0);
            }
            if mode == SearchMode::Hybrid && rank.is_none_or(|r| r >= 5) {
                misses.push(format!("{} ({})", q.id, rank.map_or("not in top 10".into(), |r| format!("rank {}", r + 1))));
            }
        }
        times.sort_by(f64::total_cmp);
        let n = answerable.len().max(1) as f64;
        println!(
            "| {mode:?} | {:.3} | {:.3} | {:.3} | {:.1} |",
            r1 / n,
            r5 / n,
            mrr / n,
            times.get(times.len() / 2).copied().unwrap_or(0.0)
        );
    }
    if !misses.is_empty() {
        println!("\nHybrid misses at 5: {}.", misses.join(", "));
    }

    // Answers, exactly as `waarborg ask` makes them (hybrid, default passages and threshold).
    let passages = defaults.passages;
    let extractive = Extractive::new();
    let (mut good, mut wrong_none, mut coverage_hist) = (0usize, 0usize, Vec::new());
    for q in &answerable {
        let hits: Vec<Hit> = collections.search(&names, &q.question, passages, SearchMode::Hybrid).await.unwrap();
        coverage_hist.push(hits.first().map_or(0.0, |h| h.coverage));
        let a = answer::answer(&extractive, &q.question, hits, min_coverage, &names).await.unwrap();
        if a.citations.is_empty() {
            wrong_none += 1;
            continue;
        }
        let (src, ans) = (q.source.as_deref().unwrap(), q.answer.as_deref().unwrap());
        let quotes: Vec<&str> = a.answer.split('"').skip(1).step_by(2).collect();
        let hit = a.citations.iter().any(|c| file_of(&file_of_source, &c.source) == src)
            && quotes.iter().any(|quote| holds(quote, ans) || fold(ans).contains(&fold(quote)));
        good += usize::from(hit);
    }
    let mut none_ok = 0usize;
    let mut null_cov = Vec::new();
    for q in &unanswerable {
        let hits = collections.search(&names, &q.question, passages, SearchMode::Hybrid).await.unwrap();
        null_cov.push(hits.first().map_or(0.0, |h| h.coverage));
        let a = answer::answer(&extractive, &q.question, hits, min_coverage, &names).await.unwrap();
        none_ok += usize::from(a.citations.is_empty());
    }
    let n = answerable.len().max(1) as f64;
    println!("\n| extractive answers | value |\n| --- | --- |");
    println!("| hit rate (cites the right source and quotes the answer) | {:.3} ({good}/{}) |", good as f64 / n, answerable.len());
    println!("| says \"no information\" although the answer is there | {:.3} ({wrong_none}/{}) |", wrong_none as f64 / n, answerable.len());
    if !unanswerable.is_empty() {
        println!(
            "| says \"no information\" when the documents hold no answer | {:.3} ({none_ok}/{}) |",
            none_ok as f64 / unanswerable.len() as f64,
            unanswerable.len()
        );
    }
    let quantiles = |mut v: Vec<f32>| {
        v.sort_by(f32::total_cmp);
        let q = |p: f64| v.get(((v.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or(0.0);
        format!("min {:.2}, p25 {:.2}, median {:.2}, p75 {:.2}, max {:.2}", q(0.0), q(0.25), q(0.5), q(0.75), q(1.0))
    };
    println!("\nTop-hit coverage — answerable: {}; unanswerable: {}.", quantiles(coverage_hist), quantiles(null_cov));
}
