//! Embedding benchmark for the BERT embedder (the default multilingual-e5-small from the shared
//! test cache, or `EMBED_BENCH_DIR`).
//!
//! `cargo bench -p waarborg-models --no-default-features --features bert --bench embed`
//!
//! Prints a markdown table: load time and peak resident memory (`VmHWM`); sentences per second over ~500 Dutch municipal sentences
//! for batch sizes 1, 8, 32 and 64; and, for English and Dutch paraphrase pairs, the mean cosine
//! of the paraphrases, the mean cosine of all unrelated pairings, and how often a sentence's
//! paraphrase is its nearest neighbour among all second sentences (top-1).
//!
//! `RAYON_NUM_THREADS` sets candle's threads; `EMBED_BENCH_TEXTS` the number of texts (500).
#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::path::Path;
use std::time::{Duration, Instant};
use waarborg_models::bert::{BertEmbedder, BertOptions};
use waarborg_models::{cache, cosine, Embedder};

fn data(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/data").join(name)).unwrap()
}

fn pairs(name: &str) -> Vec<(String, String)> {
    data(name)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (a, b) = l.split_once('\t').unwrap();
            (a.to_owned(), b.to_owned())
        })
        .collect()
}

/// Mean paraphrase cosine, mean unrelated cosine (every a_i with every b_j, i != j), top-1 rate.
fn separation(e: &BertEmbedder, pairs: &[(String, String)]) -> (f32, f32, f32, f32) {
    let a = e.embed_blocking(&pairs.iter().map(|p| p.0.clone()).collect::<Vec<_>>()).unwrap();
    let b = e.embed_blocking(&pairs.iter().map(|p| p.1.clone()).collect::<Vec<_>>()).unwrap();
    let n = pairs.len();
    let (mut para, mut unrel, mut unrel_n, mut top1) = (0.0, 0.0, 0, 0);
    let mut min_para = f32::INFINITY;
    for i in 0..n {
        let own = cosine(&a[i], &b[i]);
        para += own;
        min_para = min_para.min(own);
        let mut best = true;
        for j in (0..n).filter(|&j| j != i) {
            let c = cosine(&a[i], &b[j]);
            unrel += c;
            unrel_n += 1;
            best &= c < own;
        }
        top1 += usize::from(best);
    }
    (para / n as f32, unrel / unrel_n as f32, top1 as f32 / n as f32, min_para)
}

/// The process's peak resident set (`VmHWM` in /proc/self/status), in MB; Linux only.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    // EMBED_BENCH_DIR: another BERT model directory (for comparing a candidate default).
    let dir = std::env::var_os("EMBED_BENCH_DIR")
        .map_or_else(|| cache::shared_test_cache().unwrap().default_embedder_dir(), std::path::PathBuf::from);
    let n_texts: usize = std::env::var("EMBED_BENCH_TEXTS").ok().and_then(|s| s.parse().ok()).unwrap_or(500);
    let sentences: Vec<String> = data("gemeente_nl.txt").lines().filter(|l| !l.trim().is_empty()).map(str::to_owned).collect();
    let texts: Vec<String> = sentences.iter().cycle().take(n_texts).cloned().collect();

    // Load time: best of three (the first also warms the page cache). Peak memory after the
    // first load is what one loaded model costs (the file is read, then de-quantised).
    let mut load = Duration::MAX;
    let mut peak_after_load = None;
    for _ in 0..3 {
        let t = Instant::now();
        let e = BertEmbedder::load(&dir).unwrap();
        load = load.min(t.elapsed());
        peak_after_load = peak_after_load.or_else(peak_rss_mb);
        drop(e);
    }

    let threads = std::env::var("RAYON_NUM_THREADS").unwrap_or_else(|_| "default (one per core)".to_owned());
    let name = BertEmbedder::load(&dir).unwrap().info().name.clone();
    println!("## BERT embedder ({name}, candle CPU f32), threads: {threads}\n");
    println!("| measure | value |");
    println!("|---|---|");
    println!("| load (files, tokenizer, weights, sha256) | {:.0} ms |", load.as_secs_f64() * 1000.0);
    if let Some(mb) = peak_after_load {
        println!("| peak resident memory after loading | {mb:.0} MB |");
    }

    for batch_size in [1, 8, 32, 64] {
        let e = BertEmbedder::load_with(&dir, BertOptions { batch_size, ..BertOptions::default() }).unwrap();
        e.embed_blocking(&texts[..batch_size.min(texts.len())]).unwrap(); // warm-up
        let t = Instant::now();
        let v = e.embed_blocking(&texts).unwrap();
        let secs = t.elapsed().as_secs_f64();
        assert_eq!(v.len(), texts.len());
        println!("| {} Dutch sentences, batch {batch_size} | {:.1} sentences/s |", texts.len(), texts.len() as f64 / secs);
    }

    if let Some(mb) = peak_rss_mb() {
        println!("| peak resident memory after embedding at batch 64 | {mb:.0} MB |");
    }
    let e = BertEmbedder::load(&dir).unwrap();
    // One call per text, as a search query arrives.
    let t = Instant::now();
    for q in texts.iter().take(50) {
        e.embed_blocking(std::slice::from_ref(q)).unwrap();
    }
    println!("| single-text call latency (mean of 50) | {:.1} ms |", t.elapsed().as_secs_f64() * 1000.0 / 50.0);

    for (label, file) in [("English", "paraphrases_en.tsv"), ("Dutch", "paraphrases_nl.tsv")] {
        let p = pairs(file);
        let (para, unrel, top1, min_para) = separation(&e, &p);
        println!(
            "| {label} ({} pairs): paraphrase mean / unrelated mean / lowest paraphrase / top-1 | {para:.3} / {unrel:.3} / {min_para:.3} / {:.0} % |",
            p.len(),
            top1 * 100.0
        );
    }
}
