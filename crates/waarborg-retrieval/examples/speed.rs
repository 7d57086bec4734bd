//! Retrieval speed: `bench/retrieval/speed.sh` runs it.
//!
//! 1. Ingest throughput on generated Dutch text with personal data sprinkled in (PII handling
//!    on, default policy and chunking): without embedding (normalise, PII, chunk, SQLite,
//!    tantivy) and with the real default embedder (a smaller sample: BERT on the CPU dominates).
//! 2. Query latency on a 100,000-chunk collection. Embedding 100,000 chunks with BERT on this
//!    CPU would take hours, so the vector half is filled with **synthetic random unit vectors**
//!    (384 dimensions, like multilingual-e5-small): brute-force cosine costs the same whatever the
//!    vectors hold. Query vectors are random too; the time to embed a question with the real
//!    model is measured separately and must be added for a hybrid query.
//!
//! Usage: `cargo run --release -p waarborg-retrieval --example speed -- [CHUNKS] [INGEST_MB]`
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::sync::Arc;
use std::time::Instant;
use waarborg_pii::{Engine, PseudonymKey};
use waarborg_retrieval::{search_one, Collections, Filter, Fusion, DEFAULT_VECTOR_WEIGHT, NewChunk, NewDocument, PiiHandler, PiiPolicy, PiiReport, RawDocument, SearchMode};

/// A small deterministic generator (xorshift64*).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0
    }
}

const WORDS: &str = "gemeente vergunning aanvraag bewoners parkeren afval container grofvuil subsidie vereniging \
    bezwaar besluit termijn weken college raad wethouder burgemeester beleid nota regeling artikel lid verordening \
    woning huur zorg jeugd onderwijs school sport cultuur bibliotheek zwembad wijk straat openbare ruimte groen \
    bomen kap melding klacht loket afspraak paspoort rijbewijs uittreksel verhuizing inschrijving belasting \
    tarief kosten euro jaar maand betaling kwijtschelding inkomen bijstand schuldhulp werk participatie \
    omgevingsplan bestemming bouwen verbouwen dakkapel schuur monument erfgoed evenement horeca terras \
    alcohol sluitingstijd handhaving toezicht boete controle veiligheid politie brandweer verkeer fiets \
    auto bus station haven water dijk klimaat energie isolatie zonnepanelen warmte duurzaam";

fn sentence(rng: &mut Rng, words: &[&str], pii: bool) -> String {
    let n = 8 + rng.below(12);
    let mut s: Vec<String> = (0..n).map(|_| words[rng.below(words.len())].to_string()).collect();
    if let Some(first) = s.first_mut() {
        let mut c = first.chars();
        *first = c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default();
    }
    if pii {
        match rng.below(4) {
            0 => s.push("volgens Jan de Vries".into()),
            1 => s.push("met BSN 111222333".into()),
            2 => s.push("bel 06-12345678".into()),
            _ => s.push("mail j.devries@example.nl".into()),
        }
    }
    s.join(" ") + "."
}

fn document(rng: &mut Rng, words: &[&str], bytes: usize) -> String {
    let mut text = format!("# {}\n\n", sentence(rng, words, false).trim_end_matches('.'));
    while text.len() < bytes {
        for _ in 0..4 {
            let pii = rng.below(6) == 0;
            text.push_str(&sentence(rng, words, pii));
            text.push(' ');
        }
        text.push_str("\n\n");
        if rng.below(5) == 0 {
            text.push_str(&format!("## Artikel {}\n\n", rng.below(40) + 1));
        }
    }
    text
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let chunks_wanted: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let ingest_mb: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(8);
    let words: Vec<&str> = WORDS.split_whitespace().collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let pii = Arc::new(PiiHandler::new(Engine::with_defaults().unwrap(), PseudonymKey::from_bytes(&[1u8; 32]).unwrap()));
    let chunking = waarborg_retrieval::RetrievalConfig::default().settings().unwrap().chunking;
    println!("## Retrieval speed\n");

    // 1a. Ingest without embedding.
    let dir = tempfile::tempdir().unwrap();
    let collections = Collections::open(dir.path(), None).unwrap();
    let ingestor = collections.ingestor("speed", PiiPolicy::Pseudonymise, Arc::clone(&pii), chunking).unwrap();
    let docs: Vec<RawDocument> = (0..ingest_mb * 256)
        .map(|i| {
            let text = document(&mut rng, &words, 4096);
            RawDocument { source: format!("doc-{i}.md"), title: format!("Document {i}"), hash: format!("{i}"), published: None, text }
        })
        .collect();
    let total: usize = docs.iter().map(|d| d.text.len()).sum();
    let started = Instant::now();
    let mut replaced = 0;
    for batch in docs.chunks(64) {
        for o in ingestor.ingest(batch.to_vec()).await.unwrap() {
            replaced += o.pii.replaced_total();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let info = ingestor.collection().info().unwrap();
    println!(
        "- ingest without embedding (normalise, PII pseudonymised, chunk, SQLite, tantivy): {:.1} MB in {:.1} s = **{:.2} MB/s** ({} documents, {} chunks, {replaced} personal details replaced)",
        total as f64 / 1e6, secs, total as f64 / 1e6 / secs, docs.len(), info.chunks
    );

    // 1b. Ingest with the real embedder (a sample).
    let cache = waarborg_models::cache::shared_test_cache().unwrap();
    let embedder: Arc<dyn waarborg_models::Embedder> =
        Arc::new(waarborg_models::bert::BertEmbedder::load(&cache.default_embedder_dir()).unwrap());
    let dir2 = tempfile::tempdir().unwrap();
    let with = Collections::open(dir2.path(), Some(Arc::clone(&embedder))).unwrap();
    let ingestor = with.ingestor("speed", PiiPolicy::Pseudonymise, Arc::clone(&pii), chunking).unwrap();
    let sample: Vec<RawDocument> = docs.iter().take(48).cloned().collect();
    let total: usize = sample.iter().map(|d| d.text.len()).sum();
    let started = Instant::now();
    for batch in sample.chunks(16) {
        ingestor.ingest(batch.to_vec()).await.unwrap();
    }
    let secs = started.elapsed().as_secs_f64();
    let info = ingestor.collection().info().unwrap();
    println!(
        "- ingest with embedding (the default embedder on the CPU): {:.2} MB in {:.1} s = **{:.3} MB/s** ({} chunks, {:.0} chunks/s)",
        total as f64 / 1e6, secs, total as f64 / 1e6 / secs, info.chunks, info.chunks as f64 / secs
    );

    // 2. Query latency at 100,000 chunks.
    let dir3 = tempfile::tempdir().unwrap();
    let big = Collections::open(dir3.path(), None).unwrap();
    let c = big.create("big", PiiPolicy::Pseudonymise).unwrap();
    let dim = 384;
    let per_doc = 100;
    let started = Instant::now();
    let mut made = 0;
    let mut d = 0;
    while made < chunks_wanted {
        let mut batch = Vec::new();
        for _ in 0..10 {
            let n = per_doc.min(chunks_wanted - made);
            if n == 0 {
                break;
            }
            let chunks = (0..n)
                .map(|i| {
                    let text = (0..4).map(|_| sentence(&mut rng, &words, false)).collect::<Vec<_>>().join(" ");
                    let mut v: Vec<f32> = (0..dim).map(|_| rng.unit()).collect();
                    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
                    v.iter_mut().for_each(|x| *x /= norm);
                    NewChunk { heading: format!("Artikel {i}"), start: 0, end: text.chars().count(), hash: String::new(), text, vector: Some(v) }
                })
                .collect();
            batch.push(NewDocument { source: format!("big-{d}.md"), title: format!("Document {d}"), published: None, hash: String::new(), pii: PiiReport::default(), chunks });
            made += n;
            d += 1;
        }
        c.put(&batch).unwrap();
    }
    let build = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let reopened = Collections::open(dir3.path(), None).unwrap();
    let c = reopened.get("big").unwrap();
    let open_s = started.elapsed().as_secs_f64();
    println!(
        "\nQuery latency on **{} chunks** ({} in the keyword index, {} vectors of {dim} dimensions, synthetic), built in {build:.0} s; opening it (loading the vector matrix) takes {open_s:.2} s.\n",
        c.info().unwrap().chunks, c.indexed_chunks(), c.vector_rows()
    );
    println!("| mode | p50 ms | p99 ms | max ms |\n| --- | --- | --- | --- |");
    let queries: Vec<(String, Vec<f32>)> = (0..300)
        .map(|_| {
            let q = (0..3 + rng.below(4)).map(|_| words[rng.below(words.len())]).collect::<Vec<_>>().join(" ");
            let mut v: Vec<f32> = (0..dim).map(|_| rng.unit()).collect();
            let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            v.iter_mut().for_each(|x| *x /= norm);
            (q, v)
        })
        .collect();
    for mode in [SearchMode::Bm25, SearchMode::Vectors, SearchMode::Hybrid] {
        // Warm up, then measure.
        for (q, v) in queries.iter().take(20) {
            search_one(&c, q, Some(v), 5, mode, &Filter::default(), Fusion::default(), DEFAULT_VECTOR_WEIGHT).unwrap();
        }
        let mut times: Vec<f64> = queries
            .iter()
            .map(|(q, v)| {
                let t = Instant::now();
                let hits = search_one(&c, q, Some(v), 5, mode, &Filter::default(), Fusion::default(), DEFAULT_VECTOR_WEIGHT).unwrap();
                assert!(!hits.is_empty());
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        let max = times.iter().copied().fold(0.0, f64::max);
        println!("| {mode:?} | {:.2} | {:.2} | {max:.2} |", percentile(&mut times, 0.5), percentile(&mut times, 0.99));
    }
    // Query embedding with the real model.
    let mut times = Vec::new();
    for (q, _) in queries.iter().take(60) {
        let t = Instant::now();
        embedder.embed(&[format!("Hoe vraag ik een {q} aan?")]).await.unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let warm = &mut times[10..];
    println!(
        "\nEmbedding one question with the default embedder (real model): p50 {:.1} ms, p99 {:.1} ms — add it to a vectors or hybrid query.",
        percentile(warm, 0.5),
        percentile(warm, 0.99)
    );
}
