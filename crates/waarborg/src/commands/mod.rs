//! One module per command group; each turns parsed arguments into calls on the library crates.

mod models;
mod pii;
mod retrieval;
pub(crate) mod serve;
mod store;

pub(crate) use retrieval::{AskArgs, CollectionsCommand, IngestArgs};

use crate::cli::{Cli, Command};
use std::process::ExitCode;

/// Runs the parsed command line.
pub(crate) fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let config = crate::config::load(cli.config.as_deref())?;
    match cli.command {
        Command::Pii(cmd) => pii::run(cmd, &cli.data_dir, config.pii),
        Command::Apps(cmd) => store::apps(cmd, &cli.data_dir, &config.store),
        Command::Users(cmd) => store::users(cmd, &cli.data_dir, &config.store),
        Command::Audit(cmd) => store::audit(cmd, &cli.data_dir, &config.store),
        Command::Db(cmd) => store::db(cmd, &cli.data_dir, &config.store),
        Command::Models(cmd) => models::run(cmd, &cli.data_dir),
        Command::Ingest(args) => retrieval::ingest(args, &cli.data_dir, &config),
        Command::Ask(args) => retrieval::ask(args, &cli.data_dir, &config),
        Command::Collections(cmd) => retrieval::collections(cmd, &cli.data_dir),
        Command::Serve(args) => serve::run(args, &cli.data_dir, config),
    }
}
