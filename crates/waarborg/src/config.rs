//! The configuration file: `--config FILE` / `WAARBORG_CONFIG`, TOML. Each library crate owns
//! its table's raw type; this file only reads the file and hands the tables out.

use anyhow::Context;
use serde::Deserialize;
use std::path::Path;
use waarborg_gateway::GatewayConfig;
use waarborg_models::config::ModelsConfig;
use waarborg_pii::PiiConfig;
use waarborg_retrieval::RetrievalConfig;
use waarborg_store::StoreConfig;

/// The whole file. Unknown tables are refused so a typo does not silently disable a setting.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileConfig {
    /// `[pii]`: what the personal-data engine reports.
    #[serde(default)]
    pub(crate) pii: PiiConfig,
    /// `[store]`: where the record is kept (SQLite file or PostgreSQL).
    #[serde(default)]
    pub(crate) store: StoreConfig,
    /// `[models]`: which generator and embedder run.
    #[serde(default)]
    pub(crate) models: ModelsConfig,
    /// `[retrieval]`: chunking, passages per answer, relevance threshold, default backend.
    #[serde(default)]
    pub(crate) retrieval: RetrievalConfig,
    /// `[gateway]`: the API server and its guardrail policies.
    #[serde(default)]
    pub(crate) gateway: GatewayConfig,
}

/// Reads `path`, or the defaults when no file is given.
pub(crate) fn load(path: Option<&Path>) -> anyhow::Result<FileConfig> {
    let Some(path) = path else {
        return Ok(FileConfig::default());
    };
    let raw = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read config file {}", path.display()))?;
    toml::from_str(&raw).map_err(|e| {
        // Say where, not what: the offending line may hold allow- or deny-list values.
        let line = e
            .span()
            .map(|s| raw.as_bytes()[..s.start.min(raw.len())].iter().filter(|&&c| c == b'\n').count() + 1);
        let at = line.map(|l| format!(" line {l}:")).unwrap_or_default();
        let message = e.message().split_whitespace().collect::<Vec<_>>().join(" ");
        anyhow::anyhow!("invalid config file {}:{at} {message}", path.display())
    })
}
