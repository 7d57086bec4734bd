//! Plain-std benchmark of the engine (no criterion, so it builds fast and has no dependencies):
//!
//! 1. single-thread scan throughput in MB/s over a corpus (`WAARBORG_BENCH_CORPUS`, JSON Lines
//!    with `"text"`; default `bench/pii/data/handset.jsonl` in the workspace), the median of at
//!    least five runs of at least one second each;
//! 2. latency percentiles of scanning one ~2 KB Dutch prompt taken from that corpus, over
//!    20,000 scans;
//! 3. engine construction (start-up cost): the first build in this process (cold: word lists
//!    loaded and patterns compiled for the first time) and the mean of five further builds.
//!
//! Prints one JSON object on stdout and a human summary line on stderr.
//!
//! For instruction counts, set `WAARBORG_BENCH_PROFILE=1`: one warm-up pass, then one pass in
//! [`profiled_pass`], then exit — run under
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect=scan::profiled_pass`.
//! `WAARBORG_BENCH_CPU=1` prints MB per CPU-second of the scanning thread instead (median of
//! five rounds of two CPU-seconds): steadier than wall-clock MB/s on a machine shared with
//! other work. `WAARBORG_BENCH_DIGEST=1` prints a digest of all findings on the corpus instead (to check
//! that a speed change altered no output). `WAARBORG_BENCH_DUMP=1` prints every text's findings
//! as one JSON line on stdout, scores included, for a byte-for-byte diff between two builds.
//! Run with `cargo bench -p waarborg-pii --bench scan`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use waarborg_pii::Engine;

const THROUGHPUT_RUNS: usize = 7;
const MIN_RUN: Duration = Duration::from_secs(1);
const LATENCY_ITERATIONS: usize = 20_000;
const PROMPT_BYTES: usize = 2048;
const WARM_BUILDS: u32 = 5;

fn corpus_path() -> PathBuf {
    match std::env::var_os("WAARBORG_BENCH_CORPUS") {
        Some(p) => PathBuf::from(p),
        None => {
            let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../bench/pii/data/handset.jsonl");
            std::fs::canonicalize(&path).unwrap_or(path)
        }
    }
}

/// The `text` of every line of the corpus.
fn read_corpus(path: &PathBuf) -> Vec<String> {
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "cannot read corpus {} ({e}); set WAARBORG_BENCH_CORPUS",
            path.display()
        )
    });
    raw.lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            v.get("text")?.as_str().map(str::to_string)
        })
        .collect()
}

/// A prefix of `s` of at most `max` bytes, cut at a char boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

/// The `q`-quantile (nearest rank) of sorted `xs`.
fn quantile(sorted: &[Duration], q: f64) -> Duration {
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// The pass before [`profiled_pass`], which fills the lazy DFA caches.
#[inline(never)]
fn warm_up_pass(engine: &Engine, texts: &[String]) {
    for text in texts {
        black_box(engine.scan(black_box(text)));
    }
}

/// One pass over every text; a function of its own so callgrind can count just this.
#[inline(never)]
fn profiled_pass(engine: &Engine, texts: &[String]) -> usize {
    texts.iter().map(|text| black_box(engine.scan(black_box(text))).spans.len()).sum()
}

/// This thread's CPU time (user + system) from `/proc/thread-self/stat`, in clock ticks
/// (10 ms); `None` where that file does not exist.
fn thread_cpu_ticks() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the name.
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// MB per CPU-second of this thread, median of `rounds` rounds of at least two seconds of CPU
/// time each: on a machine shared with other work, time the scan did not get the core is left
/// out (cache and memory-bus contention still count).
fn cpu_throughput(engine: &Engine, texts: &[String], rounds: usize) -> Option<Vec<f64>> {
    let bytes: usize = texts.iter().map(String::len).sum();
    warm_up_pass(engine, texts);
    let mut out = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let start = thread_cpu_ticks()?;
        let mut passes = 0u64;
        let ticks = loop {
            black_box(profiled_pass(engine, texts));
            passes += 1;
            let spent = thread_cpu_ticks()? - start;
            if spent >= 200 {
                break spent;
            }
        };
        out.push(passes as f64 * bytes as f64 / 1e6 / (ticks as f64 / 100.0));
    }
    Some(out)
}

/// The engine under test: the defaults, or with `WAARBORG_BENCH_WITHOUT_NAMES=1` the defaults
/// without PERSON and without special categories (which need the names), so that one run shows
/// what the scan costs when the name detector does not run at all.
fn bench_engine() -> Engine {
    if std::env::var_os("WAARBORG_BENCH_WITHOUT_NAMES").is_some() {
        let config = waarborg_pii::PiiConfig {
            disabled: vec![waarborg_pii::EntityType::Person],
            categories: false,
            ..waarborg_pii::PiiConfig::default()
        };
        return Engine::new(config).expect("engine without names builds");
    }
    Engine::with_defaults().expect("default engine builds")
}

fn main() {
    if std::env::var_os("WAARBORG_BENCH_CPU").is_some() {
        let engine = bench_engine();
        let texts = read_corpus(&corpus_path());
        match cpu_throughput(&engine, &texts, 5) {
            Some(runs) => println!(
                "{{\"cpu_mb_per_s\":{{\"median\":{},\"runs\":{:?}}}}}",
                median(runs.clone()),
                runs
            ),
            None => eprintln!("no per-thread CPU time on this system (/proc/thread-self/stat)"),
        }
        return;
    }
    if std::env::var_os("WAARBORG_BENCH_PROFILE").is_some() {
        let engine = bench_engine();
        let texts = read_corpus(&corpus_path());
        warm_up_pass(&engine, &texts);
        let spans = profiled_pass(&engine, &texts);
        eprintln!("profiled pass: {} texts, {spans} spans", texts.len());
        return;
    }
    if std::env::var_os("WAARBORG_BENCH_DUMP").is_some() {
        let engine = bench_engine();
        let texts = read_corpus(&corpus_path());
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        for text in &texts {
            use std::io::Write;
            writeln!(out, "{}", serde_json::to_string(&engine.scan(text)).unwrap()).unwrap();
        }
        return;
    }
    if std::env::var_os("WAARBORG_BENCH_DIGEST").is_some() {
        let engine = bench_engine();
        let texts = read_corpus(&corpus_path());
        // A digest of every finding, to see at once whether a change altered any output.
        let mut digest = std::collections::hash_map::DefaultHasher::new();
        for text in &texts {
            use std::hash::Hash;
            let f = engine.scan(text);
            for s in &f.spans {
                (format!("{:?}", s.entity), s.start, s.end, s.byte_start, s.byte_end, s.detector).hash(&mut digest);
            }
            for e in &f.category_evidence {
                (format!("{:?}", e.category), e.start, e.end).hash(&mut digest);
            }
        }
        eprintln!("{} texts, findings digest {:016x}", texts.len(), std::hash::Hasher::finish(&digest));
        return;
    }
    // Start-up first, so that the first build really is the first in this process.
    let t = Instant::now();
    let engine = bench_engine();
    let cold = t.elapsed();
    let t = Instant::now();
    for _ in 0..WARM_BUILDS {
        black_box(Engine::with_defaults().expect("default engine builds"));
    }
    let warm = t.elapsed() / WARM_BUILDS;

    let path = corpus_path();
    let texts = read_corpus(&path);
    assert!(!texts.is_empty(), "corpus {} has no texts", path.display());
    // Scanned record by record, as `waarborg pii scan` and the gateway see documents.
    let bytes: usize = texts.iter().map(String::len).sum();
    let scan_all = |engine: &Engine| {
        let mut spans = 0;
        for text in &texts {
            let findings = engine.scan(black_box(text));
            spans += findings.spans.len();
            black_box(findings);
        }
        spans
    };

    // Throughput: each run repeats whole-corpus scans until it has lasted at least MIN_RUN.
    black_box(scan_all(&engine));
    let mut rates = Vec::with_capacity(THROUGHPUT_RUNS);
    let mut spans_found = 0;
    for _ in 0..THROUGHPUT_RUNS {
        let start = Instant::now();
        let mut scanned = 0usize;
        while start.elapsed() < MIN_RUN {
            spans_found = scan_all(&engine);
            scanned += bytes;
        }
        rates.push(scanned as f64 / start.elapsed().as_secs_f64() / 1e6);
    }
    let mut sorted_rates = rates.clone();
    sorted_rates.sort_by(f64::total_cmp);
    let mb_per_s = median(rates);

    // Latency of one ~2 KB prompt: the longest corpus text, cut to 2 KB.
    let longest = texts.iter().max_by_key(|t| t.len()).unwrap();
    let prompt = prefix(longest, PROMPT_BYTES);
    for _ in 0..200 {
        black_box(engine.scan(black_box(prompt)));
    }
    let mut latencies = Vec::with_capacity(LATENCY_ITERATIONS);
    for _ in 0..LATENCY_ITERATIONS {
        let t = Instant::now();
        black_box(engine.scan(black_box(prompt)));
        latencies.push(t.elapsed());
    }
    latencies.sort_unstable();
    let (p50, p99, max) = (
        quantile(&latencies, 0.50),
        quantile(&latencies, 0.99),
        *latencies.last().unwrap(),
    );

    let report = serde_json::json!({
        "corpus": path.display().to_string(),
        "corpus_records": texts.len(),
        "corpus_bytes": bytes,
        "corpus_spans": spans_found,
        "throughput_mb_per_s": {
            "median": mb_per_s,
            "min": sorted_rates[0],
            "max": sorted_rates[sorted_rates.len() - 1],
            "runs": THROUGHPUT_RUNS,
            "min_run_s": MIN_RUN.as_secs_f64(),
            "threads": 1,
        },
        "latency_2kb_us": {
            "prompt_bytes": prompt.len(),
            "iterations": LATENCY_ITERATIONS,
            "p50": micros(p50),
            "p99": micros(p99),
            "max": micros(max),
        },
        "engine_new_ms": {
            "cold_first": cold.as_secs_f64() * 1e3,
            "warm_mean_of_5": warm.as_secs_f64() * 1e3,
        },
    });
    println!("{report}");
    eprintln!(
        "scan: {mb_per_s:.1} MB/s single-thread (median of {THROUGHPUT_RUNS} runs over {bytes} bytes); \
         {} B prompt p50 {:.1} µs, p99 {:.1} µs, max {:.1} µs; Engine::new cold {:.1} ms, warm {:.1} ms",
        prompt.len(),
        micros(p50),
        micros(p99),
        micros(max),
        cold.as_secs_f64() * 1e3,
        warm.as_secs_f64() * 1e3,
    );
}
