//! `waarborg`: the single entry point. It parses the command line, loads the configuration,
//! builds the pieces from the library crates and runs them; the logic lives in those crates.
//!
//! Exit status (DESIGN.md): 0 ok; 2 usage error; 65 some input records were invalid (the valid
//! ones were processed); 1 any other failure. Errors are one line on stderr.

mod cli;
mod commands;
mod config;
mod jsonl;

use clap::Parser;
use std::process::ExitCode;

/// Exit status when some input records were invalid (sysexits `EX_DATAERR`).
pub(crate) const EXIT_INVALID_RECORDS: u8 = 65;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help/version to stdout (exit 0) and usage errors to stderr (exit 2).
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("waarborg: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// A reader that stopped early (`waarborg pii scan | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
