//! `[gateway]` in the configuration file (raw, `deny_unknown_fields`) and the validated
//! [`Settings`] the gateway runs on, with named guardrail policies.
//!
//! ```toml
//! [gateway]
//! listen = "127.0.0.1:8080"
//! human_contact = "Bel 14 020 of kom langs bij het Stadsloket."
//!
//! [gateway.rate_limit]
//! requests_per_second = 20
//! burst = 40
//!
//! [gateway.policies.strikt]
//! input_pii = "block"
//! output_pii = "regenerate"
//! ```

use crate::error::GatewayError;
use crate::pipeline::Stage;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;

/// Raw `[gateway]` table.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GatewayConfig {
    /// Address to listen on (default `127.0.0.1:8080`; `--listen` overrides).
    #[serde(default)]
    pub listen: Option<String>,
    /// Largest request body in bytes (default 1 MiB); larger requests get 413.
    #[serde(default)]
    pub max_body_bytes: Option<usize>,
    /// Seconds a request may take before the gateway answers 504 (default 120).
    #[serde(default)]
    pub request_timeout_secs: Option<u64>,
    /// Seconds the model may take before the fall-back answers (default 60).
    #[serde(default)]
    pub generation_timeout_secs: Option<u64>,
    /// Per-key rate limit.
    #[serde(default)]
    pub rate_limit: RateLimitConfig,
    /// Joules per token by backend (`gguf`, `openai`, `extractive`, …) for the energy estimate.
    #[serde(default)]
    pub joules_per_token: BTreeMap<String, f64>,
    /// Grams of CO2 per kWh of electricity (default 270, the Dutch grid mix of 2024).
    #[serde(default)]
    pub grams_co2_per_kwh: Option<f64>,
    /// How a citizen reaches a person (shown with every citizen-facing answer and in fall-backs).
    #[serde(default)]
    pub human_contact: Option<String>,
    /// Seconds an authenticated key stays cached (default 2; 0 looks every request up).
    #[serde(default)]
    pub auth_cache_secs: Option<u64>,
    /// Named guardrail policies; `default` and `review` (default + human review) are built in and
    /// may be overridden.
    #[serde(default)]
    pub policies: BTreeMap<String, PolicyConfig>,
}

/// `[gateway.rate_limit]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimitConfig {
    /// Sustained requests per second per key (default 10).
    #[serde(default)]
    pub requests_per_second: Option<f64>,
    /// Requests a key may make at once above the sustained rate (default 20).
    #[serde(default)]
    pub burst: Option<u32>,
}

/// What to do with personal data in a prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputPiiAction {
    /// Refuse the request.
    Block,
    /// Replace each value by `[TYPE]`.
    Redact,
    /// Replace each value by a reversible pseudonym; the user's own values come back in the answer.
    Pseudonymise,
}

/// What to do with special categories (AVG art. 9/10) in a prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpecialCategoryAction {
    /// Refuse the request.
    Block,
    /// Allow only when the application has a recorded legal basis.
    RequireLegalBasis,
}

/// What to do when the answer holds personal data that is not in the prompt or the sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputPiiAction {
    /// Answer with the standard answer instead.
    Replace,
    /// Generate once more; if that still holds it, the standard answer.
    Regenerate,
}

/// What to answer when the model is down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FallbackAction {
    /// Quote passages from the application's collections (extractive), else the human contact.
    Extractive,
    /// Only the message with the human contact.
    Message,
}

/// `[gateway.policies.NAME]`: every field optional, defaults are the built-in `default` policy.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyConfig {
    /// Version label recorded in every provenance record and audit event (default `1`).
    #[serde(default)]
    pub version: Option<String>,
    /// `block`, `redact` or `pseudonymise` (default).
    #[serde(default)]
    pub input_pii: Option<InputPiiAction>,
    /// `block` (default) or `require_legal_basis`.
    #[serde(default)]
    pub special_categories: Option<SpecialCategoryAction>,
    /// `replace` (default) or `regenerate`.
    #[serde(default)]
    pub output_pii: Option<OutputPiiAction>,
    /// Whether off-purpose requests are refused (default true).
    #[serde(default)]
    pub purpose_check: Option<bool>,
    /// Cosine similarity below which a request without shared keywords counts as off-purpose
    /// (only with an embedder; default 0.78 for the default embedder multilingual-e5-small,
    /// measured on eval/purpose; another embedder needs its own value).
    #[serde(default)]
    pub purpose_min_similarity: Option<f32>,
    /// Characters held back while streaming so the output filter sees whole values (default 48,
    /// at least 24).
    #[serde(default)]
    pub stream_window_chars: Option<usize>,
    /// Most tokens a completion may have (default and ceiling for `max_tokens`; default 1024).
    #[serde(default)]
    pub max_tokens: Option<u32>,
    /// Passages retrieved per request (default 4).
    #[serde(default)]
    pub retrieve_limit: Option<usize>,
    /// `extractive` (default) or `message`.
    #[serde(default)]
    pub fallback: Option<FallbackAction>,
    /// Whether a person approves each answer before a citizen sees it (R-APP-4; default false,
    /// true in the built-in `review` policy). Applies to applications for citizens.
    #[serde(default)]
    pub human_review: Option<bool>,
}

/// A resolved policy: the ordered stages and how each decides.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Its name.
    pub name: String,
    /// Its version label.
    pub version: String,
    /// The pipeline, in order (always the full list: a client or an application cannot drop a
    /// guardrail; what a policy changes is how a stage decides).
    pub stages: Vec<Stage>,
    /// Input personal data.
    pub input_pii: InputPiiAction,
    /// Special categories.
    pub special_categories: SpecialCategoryAction,
    /// Output personal data.
    pub output_pii: OutputPiiAction,
    /// Purpose binding on.
    pub purpose_check: bool,
    /// Embedding similarity threshold.
    pub purpose_min_similarity: f32,
    /// Streaming hold-back window in chars.
    pub stream_window_chars: usize,
    /// Token ceiling.
    pub max_tokens: u32,
    /// Passages per request.
    pub retrieve_limit: usize,
    /// Fall-back.
    pub fallback: FallbackAction,
    /// Answers to citizens wait for a reviewer.
    pub human_review: bool,
}

impl Policy {
    fn resolve(name: &str, c: &PolicyConfig) -> Result<Policy, GatewayError> {
        let window = c.stream_window_chars.unwrap_or(48);
        if window < 24 {
            return Err(GatewayError::Config(format!(
                "policy '{name}': stream_window_chars must be at least 24 (the longest IBAN with spaces must fit); omit it for 48"
            )));
        }
        let sim = c.purpose_min_similarity.unwrap_or(crate::guard::purpose::DEFAULT_MIN_SIMILARITY);
        if !(-1.0..=1.0).contains(&sim) {
            return Err(GatewayError::Config(format!("policy '{name}': purpose_min_similarity must be between -1 and 1")));
        }
        let max_tokens = c.max_tokens.unwrap_or(1024);
        if max_tokens == 0 {
            return Err(GatewayError::Config(format!("policy '{name}': max_tokens must be at least 1; omit it for 1024")));
        }
        Ok(Policy {
            name: name.to_owned(),
            version: c.version.clone().unwrap_or_else(|| "1".to_owned()),
            stages: Stage::ALL.to_vec(),
            input_pii: c.input_pii.unwrap_or(InputPiiAction::Pseudonymise),
            special_categories: c.special_categories.unwrap_or(SpecialCategoryAction::Block),
            output_pii: c.output_pii.unwrap_or(OutputPiiAction::Replace),
            purpose_check: c.purpose_check.unwrap_or(true),
            purpose_min_similarity: sim,
            stream_window_chars: window,
            max_tokens,
            retrieve_limit: c.retrieve_limit.unwrap_or(4).clamp(1, 32),
            fallback: c.fallback.unwrap_or(FallbackAction::Extractive),
            human_review: c.human_review.unwrap_or(false),
        })
    }
}

/// The validated settings.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Largest body.
    pub max_body_bytes: usize,
    /// Whole-request timeout.
    pub request_timeout: Duration,
    /// Model timeout.
    pub generation_timeout: Duration,
    /// Sustained requests per second per key.
    pub rate_per_second: f64,
    /// Burst per key.
    pub burst: u32,
    /// Joules per token by backend.
    pub joules_per_token: HashMap<String, f64>,
    /// g CO2 per kWh.
    pub grams_co2_per_kwh: f64,
    /// Route to a person.
    pub human_contact: String,
    /// Auth cache lifetime.
    pub auth_cache: Duration,
    /// Policies by name (always has `default`).
    pub policies: HashMap<String, Arc<Policy>>,
}

/// Default route to a person when none is configured.
pub const DEFAULT_HUMAN_CONTACT: &str =
    "Wilt u liever een medewerker spreken? Bel het algemene nummer 14 + netnummer of kom langs bij de balie. / Prefer a person? Call 14 + area code or visit the front desk.";

impl GatewayConfig {
    /// Validates the table; messages say what to do.
    pub fn resolve(&self) -> Result<Settings, GatewayError> {
        let mut policies = HashMap::new();
        policies.insert("default".to_owned(), Arc::new(Policy::resolve("default", &PolicyConfig::default())?));
        let review = PolicyConfig { human_review: Some(true), ..PolicyConfig::default() };
        policies.insert("review".to_owned(), Arc::new(Policy::resolve("review", &review)?));
        for (name, c) in &self.policies {
            policies.insert(name.clone(), Arc::new(Policy::resolve(name, c)?));
        }
        let rate = self.rate_limit.requests_per_second.unwrap_or(10.0);
        if !(rate > 0.0 && rate.is_finite()) {
            return Err(GatewayError::Config("[gateway.rate_limit] requests_per_second must be greater than 0".into()));
        }
        let mut joules: HashMap<String, f64> =
            [("gguf", 0.3), ("openai", 1.0), ("extractive", 0.0001), ("bert", 0.01)].into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        for (k, v) in &self.joules_per_token {
            if !(*v >= 0.0 && v.is_finite()) {
                return Err(GatewayError::Config(format!("[gateway.joules_per_token] {k} must be a number ≥ 0")));
            }
            joules.insert(k.clone(), *v);
        }
        let max_body_bytes = self.max_body_bytes.unwrap_or(1 << 20);
        if max_body_bytes < 1024 {
            return Err(GatewayError::Config("[gateway] max_body_bytes must be at least 1024; omit it for 1 MiB".into()));
        }
        Ok(Settings {
            max_body_bytes,
            request_timeout: Duration::from_secs(self.request_timeout_secs.unwrap_or(120).max(1)),
            generation_timeout: Duration::from_secs(self.generation_timeout_secs.unwrap_or(60).max(1)),
            rate_per_second: rate,
            burst: self.rate_limit.burst.unwrap_or(20).max(1),
            joules_per_token: joules,
            grams_co2_per_kwh: self.grams_co2_per_kwh.unwrap_or(270.0),
            human_contact: self.human_contact.clone().unwrap_or_else(|| DEFAULT_HUMAN_CONTACT.to_owned()),
            auth_cache: Duration::from_secs(self.auth_cache_secs.unwrap_or(2)),
            policies,
        })
    }
}

impl Settings {
    /// The named policy, or `default` when the application names one that is not configured.
    pub fn policy(&self, name: &str) -> Arc<Policy> {
        match self.policies.get(name).or_else(|| self.policies.get("default")) {
            Some(p) => p.clone(),
            None => Arc::new(Policy {
                name: "default".into(),
                version: "1".into(),
                stages: Stage::ALL.to_vec(),
                input_pii: InputPiiAction::Pseudonymise,
                special_categories: SpecialCategoryAction::Block,
                output_pii: OutputPiiAction::Replace,
                purpose_check: true,
                purpose_min_similarity: crate::guard::purpose::DEFAULT_MIN_SIMILARITY,
                stream_window_chars: 48,
                max_tokens: 1024,
                retrieve_limit: 4,
                fallback: FallbackAction::Extractive,
                human_review: false,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_policy_is_built_in_and_bad_values_are_explained() {
        let s = GatewayConfig::default().resolve().unwrap();
        let p = s.policy("default");
        assert_eq!(p.input_pii, InputPiiAction::Pseudonymise);
        assert_eq!(p.stages, Stage::ALL.to_vec());
        assert_eq!(s.policy("not-configured").name, "default");
        assert!(!p.human_review);
        assert!(s.policy("review").human_review, "the built-in review policy holds answers for a person");
        let mut c = GatewayConfig::default();
        c.policies.insert("x".into(), PolicyConfig { stream_window_chars: Some(3), ..Default::default() });
        let e = c.resolve().unwrap_err().to_string();
        assert!(e.contains("at least 24"), "{e}");
    }
}
