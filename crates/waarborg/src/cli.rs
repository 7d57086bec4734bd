//! The command line (clap derive). Names and flags fixed by DESIGN.md must not be renamed.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Waarborg: lawful, responsible generative AI for Dutch public organisations.
#[derive(Debug, Parser)]
#[command(name = "waarborg", version, about, max_term_width = 100)]
pub(crate) struct Cli {
    /// Where Waarborg keeps its data (database, keys, model cache).
    #[arg(long, global = true, env = "WAARBORG_DATA_DIR", default_value = "./waarborg-data")]
    pub(crate) data_dir: PathBuf,

    /// Configuration file (TOML).
    #[arg(long, global = true, env = "WAARBORG_CONFIG")]
    pub(crate) config: Option<PathBuf>,

    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Find and anonymise personal data in text.
    #[command(subcommand)]
    Pii(PiiCommand),
}

#[derive(Debug, Subcommand)]
pub(crate) enum PiiCommand {
    /// Report personal data and special categories, one JSON line per input record.
    Scan(ScanArgs),
    /// Replace personal data, one JSON line per input record.
    Redact(RedactArgs),
}

#[derive(Debug, Args)]
pub(crate) struct IoArgs {
    /// JSON Lines input with "id" and "text" per line (default: stdin).
    #[arg(long, value_name = "PATH")]
    pub(crate) input: Option<PathBuf>,

    /// Where to write JSON Lines output (default: stdout).
    #[arg(long, value_name = "PATH")]
    pub(crate) output: Option<PathBuf>,

    /// Treat the input as one plain-text document instead of JSON Lines; or give the document
    /// itself: `--text "Mijn BSN is 123456782"`.
    #[arg(long, value_name = "DOCUMENT", num_args = 0..=1, default_missing_value = "")]
    pub(crate) text: Option<String>,

    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub(crate) threads: Option<usize>,
}

#[derive(Debug, Args)]
pub(crate) struct ScanArgs {
    #[command(flatten)]
    pub(crate) io: IoArgs,
}

#[derive(Debug, Args)]
pub(crate) struct RedactArgs {
    /// How to replace what was found.
    #[arg(long, value_enum, default_value_t = OperatorName::Redact)]
    pub(crate) operator: OperatorName,

    /// Key for `pseudonymise` (at least 16 bytes, or 32+ hex digits). Default:
    /// DATA_DIR/keys/pseudonym.key, created on first use.
    #[arg(long, value_name = "FILE")]
    pub(crate) key_file: Option<PathBuf>,

    #[command(flatten)]
    pub(crate) io: IoArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum OperatorName {
    /// `[BSN]`
    Redact,
    /// `****.**.***`
    Mask,
    /// `BSN-3F09A1C4` (keyed, consistent)
    Pseudonymise,
    /// Year of birth, 4-digit postcode, street without number
    Generalise,
}
