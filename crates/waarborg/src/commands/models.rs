//! `waarborg models fetch-default|list`.

use crate::cli::ModelsCommand;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use waarborg_models::cache::ModelCache;

pub(crate) fn run(cmd: ModelsCommand, data_dir: &Path) -> anyhow::Result<ExitCode> {
    let cache = ModelCache::new(data_dir.join("models"));
    match cmd {
        ModelsCommand::FetchDefault => {
            let outcomes = cache.fetch_defaults(|msg| eprintln!("waarborg: {msg}"))?;
            let mut out = std::io::stdout().lock();
            for (name, outcome) in outcomes {
                writeln!(out, "{}", serde_json::json!({"model": name, "result": outcome, "cache": cache.dir()}))?;
            }
        }
        ModelsCommand::List => {
            let mut out = std::io::stdout().lock();
            for m in cache.list()? {
                writeln!(out, "{}", serde_json::to_string(&m)?)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
