//! Engine configuration: the raw, deserialisable [`PiiConfig`] (the `[pii]` table of
//! `waarborg.toml`) and the validated [`Settings`] the engine runs on.

use crate::entity::EntityType;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

/// What the engine looks for and how strictly. Every field is optional.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PiiConfig {
    /// Entity types to report. Absent: all of them.
    #[serde(default)]
    pub entities: Option<Vec<EntityType>>,
    /// Entity types never reported (applied after `entities`).
    #[serde(default)]
    pub disabled: Vec<EntityType>,
    /// Findings scoring below this are dropped. Between 0 and 1; default 0.5.
    #[serde(default = "default_min_score")]
    pub min_score: f32,
    /// Per-type minimum scores that override `min_score`, e.g. `{ PERSON = 0.8 }`.
    #[serde(default)]
    pub thresholds: BTreeMap<EntityType, f32>,
    /// Values that are never reported, compared case-insensitively with whitespace collapsed
    /// (e.g. the organisation's own public phone number, a public official's name).
    #[serde(default)]
    pub allow_list: Vec<String>,
    /// Values that are always reported with the given type wherever they occur as whole words
    /// (e.g. names of people known to be in a data set).
    #[serde(default)]
    pub deny_list: Vec<DenyEntry>,
    /// Extra context words per type: a finding with one of these words in the 48 bytes before it
    /// gets +0.15 score (so a stricter threshold can demand context).
    #[serde(default)]
    pub context_words: BTreeMap<EntityType, Vec<String>>,
    /// Whether to report special categories and criminal data. Default true.
    #[serde(default = "default_true")]
    pub categories: bool,
}

/// A value that is always reported as `entity`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DenyEntry {
    /// The type to report it as.
    #[serde(rename = "type")]
    pub entity: EntityType,
    /// The value (matched case-insensitively for ASCII letters, as a whole word).
    pub value: String,
}

fn default_min_score() -> f32 {
    0.5
}

fn default_true() -> bool {
    true
}

impl Default for PiiConfig {
    fn default() -> Self {
        PiiConfig {
            entities: None,
            disabled: Vec::new(),
            min_score: default_min_score(),
            thresholds: BTreeMap::new(),
            allow_list: Vec::new(),
            deny_list: Vec::new(),
            context_words: BTreeMap::new(),
            categories: true,
        }
    }
}

/// A configuration that cannot be run, with what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A score outside 0..=1.
    #[error("`{field}` must be between 0 and 1 (got {value}); omit it to use the default of 0.5")]
    ScoreOutOfRange {
        /// The offending field.
        field: String,
        /// Its value.
        value: f32,
    },
    /// An empty allow- or deny-list value.
    #[error("`{0}` contains an empty value; remove it")]
    EmptyValue(&'static str),
    /// Every type switched off.
    #[error("no entity types are enabled; remove `disabled` entries or widen `entities`")]
    NothingEnabled,
}

/// Validated settings.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub(crate) enabled: [bool; EntityType::ALL.len()],
    pub(crate) thresholds: [f32; EntityType::ALL.len()],
    pub(crate) allow: HashSet<String>,
    pub(crate) deny: Vec<DenyEntry>,
    pub(crate) context_words: Vec<(EntityType, Vec<String>)>,
    pub(crate) categories: bool,
}

impl Settings {
    pub(crate) fn resolve(raw: PiiConfig) -> Result<Self, ConfigError> {
        let check = |field: String, value: f32| {
            if (0.0..=1.0).contains(&value) {
                Ok(())
            } else {
                Err(ConfigError::ScoreOutOfRange { field, value })
            }
        };
        check("min_score".into(), raw.min_score)?;
        let mut enabled = [true; EntityType::ALL.len()];
        if let Some(only) = &raw.entities {
            for (i, t) in EntityType::ALL.iter().enumerate() {
                enabled[i] = only.contains(t);
            }
        }
        for t in &raw.disabled {
            enabled[index(*t)] = false;
        }
        if !enabled.iter().any(|&e| e) {
            return Err(ConfigError::NothingEnabled);
        }
        let mut thresholds = [raw.min_score; EntityType::ALL.len()];
        for (t, v) in &raw.thresholds {
            check(format!("thresholds.{t}"), *v)?;
            thresholds[index(*t)] = *v;
        }
        if raw.allow_list.iter().any(|v| v.trim().is_empty()) {
            return Err(ConfigError::EmptyValue("allow_list"));
        }
        if raw.deny_list.iter().any(|d| d.value.trim().is_empty()) {
            return Err(ConfigError::EmptyValue("deny_list"));
        }
        Ok(Settings {
            enabled,
            thresholds,
            allow: raw.allow_list.iter().map(|v| normalise_allow(v)).collect(),
            deny: raw.deny_list,
            context_words: raw
                .context_words
                .into_iter()
                .map(|(t, words)| (t, words.into_iter().map(|w| w.to_lowercase()).collect()))
                .collect(),
            categories: raw.categories,
        })
    }

    pub(crate) fn is_enabled(&self, t: EntityType) -> bool {
        self.enabled[index(t)]
    }

    pub(crate) fn threshold(&self, t: EntityType) -> f32 {
        self.thresholds[index(t)]
    }
}

/// Position of `t` in [`EntityType::ALL`].
pub(crate) fn index(t: EntityType) -> usize {
    t as usize
}

/// Lower-case with runs of whitespace collapsed: how allow-list values are compared.
pub(crate) fn normalise_allow(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_scores_with_advice() {
        let cfg = PiiConfig {
            min_score: 1.5,
            ..PiiConfig::default()
        };
        let err = Settings::resolve(cfg).unwrap_err().to_string();
        assert!(err.contains("`min_score` must be between 0 and 1"), "{err}");
        assert!(err.contains("default of 0.5"), "{err}");
    }

    #[test]
    fn unknown_fields_are_refused() {
        let err = toml_like(r#"{"min_score": 0.5, "colour": "red"}"#);
        assert!(err.contains("unknown field `colour`"), "{err}");
    }

    fn toml_like(json: &str) -> String {
        serde_json::from_str::<PiiConfig>(json).unwrap_err().to_string()
    }

    #[test]
    fn disabling_everything_is_an_error() {
        let cfg = PiiConfig {
            entities: Some(vec![EntityType::Bsn]),
            disabled: vec![EntityType::Bsn],
            ..PiiConfig::default()
        };
        assert!(matches!(Settings::resolve(cfg), Err(ConfigError::NothingEnabled)));
    }
}
