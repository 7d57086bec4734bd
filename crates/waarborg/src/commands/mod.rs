//! One module per command group; each turns parsed arguments into calls on the library crates.

mod pii;

use crate::cli::{Cli, Command};
use std::process::ExitCode;

/// Runs the parsed command line.
pub(crate) fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let config = crate::config::load(cli.config.as_deref())?;
    match cli.command {
        Command::Pii(cmd) => pii::run(cmd, &cli.data_dir, config.pii),
    }
}
