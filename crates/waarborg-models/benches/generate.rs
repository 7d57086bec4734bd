//! Generation speed of the embedded GGUF backend, printed as one JSON object for
//! `bench/models/run.sh`, which runs llama.cpp (llama-cpp-python) on the same file, prompt and
//! token counts in the same run and prints the ratio.
//!
//!     cargo bench -p waarborg-models --bench generate -- [--gguf PATH] [--threads N]
//!
//! Measures: load time; prompt processing (the fixed prompt in `bench/models/prompt.txt`,
//! batches of 512) and generation (exactly 128 greedy tokens, end-of-generation ignored) —
//! the same work asked of llama.cpp; end-to-end `Generator::generate` on a chat; peak RSS.

#![allow(missing_docs, clippy::print_stdout, clippy::unwrap_used)]

use std::time::Instant;
use waarborg_models::cache::{shared_test_cache, DEFAULT_GENERATOR};
use waarborg_models::gguf::{GgufGenerator, GgufOptions};
use waarborg_models::{ChatMessage, ChatRole, GenerateRequest, Generator};

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l.split_whitespace().nth(1).unwrap_or("0").to_owned()))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let gguf = arg("--gguf").map(std::path::PathBuf::from).unwrap_or_else(|| shared_test_cache().unwrap().default_gguf());
    let threads = arg("--threads").and_then(|t| t.parse().ok());
    let n_gen: usize = arg("--tokens").and_then(|t| t.parse().ok()).unwrap_or(128);
    let prompt = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../bench/models/prompt.txt")).unwrap();

    let t = Instant::now();
    let g = GgufGenerator::load(
        &gguf,
        GgufOptions {
            context_length: Some(2048),
            threads,
            sha256: Some(DEFAULT_GENERATOR.files[0].sha256.into()),
            ..Default::default()
        },
    )
    .unwrap();
    let load_secs = t.elapsed().as_secs_f64();
    // Warm-up (page the weights in), then best of 3.
    g.raw_speed(&prompt, 8).unwrap();
    let mut best_pp: f64 = 0.0;
    let mut best_tg: f64 = 0.0;
    let mut prompt_tokens = 0;
    for _ in 0..3 {
        let s = g.raw_speed(&prompt, n_gen).unwrap();
        prompt_tokens = s.prompt_tokens;
        best_pp = best_pp.max(s.prompt_tokens as f64 / s.prompt_secs);
        best_tg = best_tg.max(s.generated as f64 / s.generate_secs);
    }
    let mut req = GenerateRequest::new(vec![ChatMessage::new(ChatRole::User, "Explain in a few sentences what a public library does.")]);
    req.temperature = 0.0;
    req.max_tokens = 128;
    let t = Instant::now();
    let c = g.generate(req, None).await.unwrap();
    let e2e_secs = t.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({
            "system": "waarborg gguf (llama-cpp-2)",
            "threads": threads.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)),
            "load_secs": load_secs,
            "prompt_tokens": prompt_tokens,
            "prompt_tok_s": best_pp,
            "generated_tokens": n_gen,
            "generate_tok_s": best_tg,
            "e2e_completion_tokens": c.completion_tokens,
            "e2e_tok_s": f64::from(c.completion_tokens) / e2e_secs,
            "peak_rss_mb": peak_rss_mb(),
        })
    );
}
