//! `waarborg pii scan` and `waarborg pii redact` (contract in DESIGN.md).

use crate::cli::{IoArgs, OperatorName, PiiCommand};
use crate::jsonl::{self, Record};
use crate::EXIT_INVALID_RECORDS;
use anyhow::{bail, Context};
use serde::Serialize;
use serde_json::{Map, Value};
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use waarborg_pii::{Category, CategoryEvidence, Engine, Operator, PiiConfig, PseudonymKey, Replaced, Span};

/// One `scan` output line.
#[derive(Serialize)]
struct ScanLine<'a> {
    id: &'a Value,
    spans: &'a [Span],
    categories: &'a [Category],
    category_evidence: &'a [CategoryEvidence],
    #[serde(flatten)]
    extra: &'a Map<String, Value>,
}

/// One `redact` output line.
#[derive(Serialize)]
struct RedactLine<'a> {
    id: &'a Value,
    text: &'a str,
    spans: &'a [Replaced],
    categories: &'a [Category],
    #[serde(flatten)]
    extra: &'a Map<String, Value>,
}

pub(crate) fn run(cmd: PiiCommand, data_dir: &Path, config: PiiConfig) -> anyhow::Result<ExitCode> {
    let engine = Engine::new(config).context("invalid [pii] configuration")?;
    // Input fields pass through, except those our output defines (a gold-standard file's own
    // `spans` must not shadow the ones we found).
    let strip = |mut rec: Record| {
        for key in ["spans", "categories", "category_evidence", "text"] {
            rec.extra.remove(key);
        }
        rec
    };
    match cmd {
        PiiCommand::Scan(args) => {
            let process = |rec: Record| {
                let f = engine.scan(&rec.text);
                let rec = strip(rec);
                to_line(
                    f.spans.len() + f.category_evidence.len(),
                    &ScanLine {
                        id: &rec.id,
                        spans: &f.spans,
                        categories: &f.categories,
                        category_evidence: &f.category_evidence,
                        extra: &rec.extra,
                    },
                )
            };
            run_io(&args.io, process)
        }
        PiiCommand::Redact(args) => {
            let operator = match args.operator {
                OperatorName::Redact => Operator::Redact,
                OperatorName::Mask => Operator::Mask,
                OperatorName::Generalise => Operator::Generalise,
                OperatorName::Pseudonymise => {
                    Operator::Pseudonymise(load_key(args.key_file.as_deref(), data_dir)?)
                }
            };
            let process = |rec: Record| {
                let f = engine.scan(&rec.text);
                let anon = operator.apply(&rec.text, &f.spans);
                let rec = strip(rec);
                to_line(
                    anon.spans.len() + anon.text.len() / 100,
                    &RedactLine {
                        id: &rec.id,
                        text: &anon.text,
                        spans: &anon.spans,
                        categories: &f.categories,
                        extra: &rec.extra,
                    },
                )
            };
            run_io(&args.io, process)
        }
    }
}

/// `value` as one JSON line; `items` (spans and the like) sizes the buffer up front, so it is
/// not grown step by step.
fn to_line<T: Serialize>(items: usize, value: &T) -> Vec<u8> {
    let mut line = Vec::with_capacity(256 + 160 * items);
    // Serialising our own structs of strings and numbers cannot fail.
    match serde_json::to_writer(&mut line, value) {
        Ok(()) => line,
        Err(_) => b"{}".to_vec(),
    }
}

/// Opens input and output, picks JSON Lines or plain text, runs, and maps the summary to the
/// exit status.
fn run_io<F>(io_args: &IoArgs, process: F) -> anyhow::Result<ExitCode>
where
    F: Fn(Record) -> Vec<u8> + Sync,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(io_args.threads.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let mut output: Box<dyn Write> = match &io_args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    if let Some(text) = &io_args.text {
        let (id, text) = if text.is_empty() {
            read_plain(io_args.input.as_deref())?
        } else {
            ("text".to_string(), text.clone())
        };
        let line = process(Record {
            id: Value::String(id),
            text,
            extra: Map::new(),
        });
        output.write_all(&line)?;
        output.write_all(b"\n")?;
        output.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let input: Box<dyn BufRead> = match &io_args.input {
        Some(path) => Box::new(BufReader::with_capacity(
            1 << 20,
            File::open(path).with_context(|| format!("cannot open {}", path.display()))?,
        )),
        None => Box::new(BufReader::with_capacity(1 << 20, io::stdin())),
    };
    let summary = jsonl::run(&pool, input, &mut output, process)?;
    if summary.invalid > 0 {
        eprintln!(
            "waarborg: {} of {} records were invalid and skipped; the rest was processed",
            summary.invalid,
            summary.invalid + summary.records
        );
        return Ok(ExitCode::from(EXIT_INVALID_RECORDS));
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads a whole plain-text document; its id is the file path, or `stdin`.
fn read_plain(input: Option<&Path>) -> anyhow::Result<(String, String)> {
    let mut text = String::new();
    match input {
        Some(path) => {
            File::open(path)
                .with_context(|| format!("cannot open {}", path.display()))?
                .read_to_string(&mut text)
                .with_context(|| format!("{} is not UTF-8 text", path.display()))?;
            Ok((path.display().to_string(), text))
        }
        None => {
            io::stdin()
                .read_to_string(&mut text)
                .context("standard input is not UTF-8 text")?;
            Ok(("stdin".to_string(), text))
        }
    }
}

/// The pseudonymisation key: `--key-file`, or DATA_DIR/keys/pseudonym.key (created once).
pub(crate) fn load_key(key_file: Option<&Path>, data_dir: &Path) -> anyhow::Result<PseudonymKey> {
    let path: PathBuf = match key_file {
        Some(p) => p.to_path_buf(),
        None => {
            let path = data_dir.join("keys").join("pseudonym.key");
            if !path.exists() {
                create_key(&path)?;
                eprintln!(
                    "waarborg: created pseudonymisation key {}; keep it secret and keep it: the same key gives the same pseudonyms",
                    path.display()
                );
            }
            path
        }
    };
    let raw = std::fs::read(&path).with_context(|| format!("cannot read key file {}", path.display()))?;
    let trimmed = raw.trim_ascii();
    let bytes = match decode_hex(trimmed) {
        Some(bytes) => bytes,
        None => trimmed.to_vec(),
    };
    match PseudonymKey::from_bytes(&bytes) {
        Some(key) => Ok(key),
        None => bail!(
            "key file {} is too short: it needs at least {} bytes (or {} hex digits)",
            path.display(),
            PseudonymKey::MIN_LEN,
            PseudonymKey::MIN_LEN * 2
        ),
    }
}

fn create_key(path: &Path) -> anyhow::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let key = PseudonymKey::generate();
    let hex: String = key.as_bytes().iter().map(|b| format!("{b:02x}")).collect();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .with_context(|| format!("cannot create key file {}", path.display()))?;
    file.write_all(hex.as_bytes())?;
    file.write_all(b"\n")?;
    Ok(())
}

fn decode_hex(s: &[u8]) -> Option<Vec<u8>> {
    if s.len() < 32 || s.len() % 2 != 0 || !s.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    s.chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok())
        .collect()
}
