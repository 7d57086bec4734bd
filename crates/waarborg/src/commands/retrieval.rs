//! `waarborg ingest`, `waarborg ask` and `waarborg collections` (contracts in DESIGN.md): parse
//! the arguments, build the engine, key, embedder and generator from the configuration, and call
//! `waarborg-retrieval`.

use crate::config::FileConfig;
use crate::EXIT_INVALID_RECORDS;
use anyhow::{bail, Context};
use clap::{Args, Subcommand, ValueEnum};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use waarborg_models::{Embedder, Generator};
use waarborg_retrieval::{parse, Collections, Outcome, PiiHandler, PiiPolicy, RawDocument, RetrievalSettings, SearchMode};

#[derive(Debug, Args)]
pub(crate) struct IngestArgs {
    /// The collection (a-z, 0-9, '-', '_'); created on first use.
    #[arg(long)]
    collection: String,
    /// Files and folders (.txt .md .html .pdf .jsonl; folders are read recursively).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// What happens to personal data before indexing; fixed when the collection is created.
    #[arg(long, value_enum, default_value_t = PolicyArg::Pseudonymise)]
    pii_policy: PolicyArg,
    /// Do not compute vectors (keyword search only).
    #[arg(long)]
    keyword_only: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PolicyArg {
    /// Replace every personal detail with a keyed pseudonym (key in DATA_DIR/keys/pseudonym.key).
    Pseudonymise,
    /// For public documents: keep the names of officials named with their role (wethouder,
    /// burgemeester, minister, ...); pseudonymise everything else.
    PublicOfficials,
    /// Replace every personal detail with [TYPE].
    Redact,
}

#[derive(Debug, Args)]
pub(crate) struct AskArgs {
    /// The collection to answer from (repeatable).
    #[arg(long = "collection", value_name = "NAME", required = true)]
    collections: Vec<String>,
    /// Who writes the answer: `extractive` (quotes, no model), `gguf` (the embedded model:
    /// [models.generator] or the default from the model cache), `openai` ([models.generator]).
    /// Default: [retrieval] backend, else extractive.
    #[arg(long, value_name = "NAME")]
    backend: Option<String>,
    /// Print `{"answer", "citations": [{"source", "title", "text", "score"}], "model"}`.
    #[arg(long)]
    json: bool,
    /// Which index answers.
    #[arg(long, value_enum, default_value_t = ModeArg::Hybrid, hide = true)]
    mode: ModeArg,
    /// The question.
    #[arg(required = true, num_args = 1.., value_name = "QUESTION")]
    question: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ModeArg {
    Bm25,
    Vectors,
    Hybrid,
}

#[derive(Debug, Subcommand)]
pub(crate) enum CollectionsCommand {
    /// All collections with their policy and size, one JSON object per line.
    List,
    /// The documents of a collection with what was done to personal data, one JSON object per line.
    Show {
        /// The collection.
        name: String,
    },
    /// Remove one document and all its chunks (text, keyword index, vectors) from a collection.
    Remove {
        /// The collection.
        #[arg(long)]
        collection: String,
        /// The document's source, as `collections show` lists it.
        source: String,
    },
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().context("cannot start the async runtime")
}

fn settings(config: &FileConfig) -> anyhow::Result<RetrievalSettings> {
    Ok(config.retrieval.settings()?)
}

/// The configured embedder, or `None` with a warning when it cannot be loaded.
fn embedder(config: &FileConfig, data_dir: &Path, purpose: &str) -> Option<Arc<dyn Embedder>> {
    let cache = config.models.cache(data_dir);
    match config.models.build_embedder(&cache) {
        Ok(e) => Some(e),
        Err(e) => {
            eprintln!("waarborg: warning: no embedder ({e}); {purpose}");
            None
        }
    }
}

pub(crate) fn ingest(args: IngestArgs, data_dir: &Path, config: &FileConfig) -> anyhow::Result<ExitCode> {
    let settings = settings(config)?;
    waarborg_retrieval::valid_name(&args.collection)?;
    let policy = match args.pii_policy {
        PolicyArg::Pseudonymise => PiiPolicy::Pseudonymise,
        PolicyArg::PublicOfficials => PiiPolicy::PublicOfficials,
        PolicyArg::Redact => PiiPolicy::Redact,
    };
    let engine = waarborg_pii::Engine::new(config.pii.clone()).context("invalid [pii] configuration")?;
    let key = super::pii::load_key(None, data_dir)?;
    let embedder = if args.keyword_only {
        None
    } else {
        embedder(config, data_dir, "indexing for keyword search only")
    };
    let collections = Collections::open(data_dir, embedder)?;
    let ingestor = collections.ingestor(&args.collection, policy, Arc::new(PiiHandler::new(engine, key)), settings.chunking)?;

    let mut files = Vec::new();
    let mut failed = 0usize;
    for path in &args.paths {
        if let Err(e) = walk(path, &mut files) {
            eprintln!("waarborg: {}: {e}; skipped", path.display());
            failed += 1;
        }
    }
    let bar = progress(files.len() as u64);
    let mut summary = Summary::default();
    let rt = runtime()?;
    let mut batch: Vec<RawDocument> = Vec::new();
    let mut batch_bytes = 0usize;
    for (i, file) in files.iter().enumerate() {
        bar.set_message(file.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default());
        match parse::parse_file(file, &file.display().to_string()) {
            Ok(parsed) => {
                for (line, reason) in &parsed.bad_lines {
                    bar.suspend(|| eprintln!("waarborg: {} line {line}: {reason}; skipped", file.display()));
                    failed += 1;
                }
                for doc in parsed.documents {
                    batch_bytes += doc.text.len();
                    batch.push(doc);
                }
            }
            Err(e) => {
                bar.suspend(|| eprintln!("waarborg: {e}; skipped"));
                failed += 1;
            }
        }
        if batch.len() >= 64 || batch_bytes >= 8 << 20 || i + 1 == files.len() {
            let outcomes = rt.block_on(ingestor.ingest(std::mem::take(&mut batch)))?;
            batch_bytes = 0;
            for o in outcomes {
                summary.add(&o);
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let info = ingestor.collection().info()?;
    let line = serde_json::json!({
        "collection": args.collection,
        "added": summary.added,
        "updated": summary.updated,
        "unchanged": summary.unchanged,
        "failed": failed,
        "chunks": summary.chunks,
        "pii": {"replaced": summary.replaced, "kept": summary.kept},
        "collection_documents": info.documents,
        "collection_chunks": info.chunks,
        "vectors": info.vectors > 0,
    });
    writeln!(std::io::stdout().lock(), "{line}")?;
    eprintln!(
        "waarborg: {}: {} added, {} updated, {} unchanged, {} failed; {} chunks; {} personal details replaced, {} kept",
        args.collection,
        summary.added,
        summary.updated,
        summary.unchanged,
        failed,
        summary.chunks,
        summary.replaced.values().sum::<usize>(),
        summary.kept.values().sum::<usize>()
    );
    if failed > 0 {
        return Ok(ExitCode::from(EXIT_INVALID_RECORDS));
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Default)]
struct Summary {
    added: usize,
    updated: usize,
    unchanged: usize,
    chunks: usize,
    replaced: BTreeMap<String, usize>,
    kept: BTreeMap<String, usize>,
}

impl Summary {
    fn add(&mut self, o: &waarborg_retrieval::DocumentOutcome) {
        match o.outcome {
            Outcome::Added => self.added += 1,
            Outcome::Updated => self.updated += 1,
            Outcome::Unchanged => self.unchanged += 1,
        }
        self.chunks += o.chunks;
        for (t, n) in &o.pii.replaced {
            *self.replaced.entry(t.clone()).or_default() += n;
        }
        for (t, n) in &o.pii.kept {
            *self.kept.entry(t.clone()).or_default() += n;
        }
    }
}

/// A progress bar on a terminal; hidden otherwise.
fn progress(len: u64) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// Files under `path`: the file itself, or the supported files of a folder (recursively,
/// hidden entries skipped), sorted.
fn walk(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let meta = std::fs::metadata(path)?;
    if meta.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')) {
            continue;
        }
        if p.is_dir() {
            walk(&p, out)?;
        } else if parse::supported(&p) {
            out.push(p);
        }
    }
    Ok(())
}

pub(crate) fn ask(args: AskArgs, data_dir: &Path, config: &FileConfig) -> anyhow::Result<ExitCode> {
    let settings = settings(config)?;
    let question = args.question.join(" ");
    if question.trim().is_empty() {
        bail!("the question is empty");
    }
    let backend = args.backend.clone().unwrap_or_else(|| settings.backend.clone());
    let generator = generator(&backend, config, data_dir)?;
    let mode = match args.mode {
        ModeArg::Bm25 => SearchMode::Bm25,
        ModeArg::Vectors => SearchMode::Vectors,
        ModeArg::Hybrid => SearchMode::Hybrid,
    };
    // Vectors only help when the collection has them.
    let collections_probe = Collections::open(data_dir, None)?;
    let mut has_vectors = false;
    for name in &args.collections {
        has_vectors |= collections_probe.get(name)?.embedder()?.is_some();
    }
    drop(collections_probe);
    let embedder =
        if has_vectors && mode != SearchMode::Bm25 { embedder(config, data_dir, "answering from keyword search only") } else { None };
    let collections = Collections::open(data_dir, embedder)?.with_vector_weight(settings.vector_weight);
    let rt = runtime()?;
    let answer = rt.block_on(async {
        let hits = collections.search(&args.collections, &question, settings.passages, mode).await?;
        waarborg_retrieval::answer::answer(generator.as_ref(), &question, hits, settings.min_coverage, &args.collections).await
    })?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&answer)?)?;
    } else {
        writeln!(out, "{}", answer.answer)?;
        if !answer.citations.is_empty() {
            writeln!(out, "\nBronnen:")?;
            for (i, c) in answer.citations.iter().enumerate() {
                writeln!(out, "[{}] {} — {}", i + 1, c.title, c.source)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The generator for `--backend`.
fn generator(backend: &str, config: &FileConfig, data_dir: &Path) -> anyhow::Result<Arc<dyn Generator>> {
    use waarborg_models::config::{GeneratorConfig, ModelsConfig};
    let cache = config.models.cache(data_dir);
    let models = match (backend, &config.models.generator) {
        ("extractive", _) => ModelsConfig { generator: GeneratorConfig::Extractive, ..config.models.clone() },
        ("gguf", GeneratorConfig::Gguf { .. }) | ("openai", GeneratorConfig::Openai(_)) => config.models.clone(),
        ("gguf", _) => ModelsConfig { generator: GeneratorConfig::default(), ..config.models.clone() },
        ("openai", _) => bail!("--backend openai needs a [models.generator] block with backend = \"openai\" in the config file"),
        (other, _) => bail!("unknown backend {other:?}: use extractive, gguf or openai"),
    };
    Ok(models.build_generator(&cache)?)
}

pub(crate) fn collections(cmd: CollectionsCommand, data_dir: &Path) -> anyhow::Result<ExitCode> {
    let collections = Collections::open(data_dir, None)?;
    let mut out = std::io::stdout().lock();
    match cmd {
        CollectionsCommand::List => {
            for name in collections.names()? {
                writeln!(out, "{}", serde_json::to_string(&collections.get(&name)?.info()?)?)?;
            }
        }
        CollectionsCommand::Show { name } => {
            for d in collections.get(&name)?.documents()? {
                writeln!(out, "{}", serde_json::to_string(&d)?)?;
            }
        }
        CollectionsCommand::Remove { collection, source } => {
            let removed = runtime()?.block_on(collections.remove(&collection, &source))?;
            writeln!(out, "{}", serde_json::json!({"collection": collection, "source": source, "removed_chunks": removed}))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
