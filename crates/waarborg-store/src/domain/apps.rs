//! The application register (R-GOV-1, R-APP-1): each application that uses a model, what it is
//! for, for whom, on what legal basis, who answers for it, and the fields the
//! Algoritmeregister publication standard asks for. Every change is a new version.

use super::db_enum;
use crate::error::{Result, StoreError};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

db_enum! {
    /// Who the application serves.
    Audience { Internal = "internal", Citizens = "citizens" }
}

db_enum! {
    /// Lifecycle status in the register.
    Lifecycle { InDevelopment = "in_development", InUse = "in_use", OutOfUse = "out_of_use" }
}

db_enum! {
    /// What the audit trail keeps of prompts and outputs (AVG art. 5(1)(c), data minimisation).
    ContentPolicy {
        /// Pseudonymised by the gateway, sealed under the audit key, purged after the retention period.
        Pseudonymised = "pseudonymised",
        /// Nothing: only the event's metadata (decisions, token counts) is kept.
        None = "none",
    }
}

// The enum comes from `db_enum!`, which cannot take `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for ContentPolicy {
    fn default() -> Self {
        ContentPolicy::Pseudonymised
    }
}

/// Fields of the Algoritmeregister publication standard that are not elsewhere in the spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegisterFields {
    /// Short description for the public register (≤ 400 characters).
    pub short_description: Option<String>,
    /// Goal and impact.
    pub goal_and_impact: Option<String>,
    /// How people intervene in or review the outcome.
    pub human_intervention: Option<String>,
    /// Risk management.
    pub risk_management: Option<String>,
    /// Lawful basis as the register states it (may quote laws).
    pub lawful_basis: Option<String>,
    /// Impact assessments done (DPIA, IAMA, …), with references.
    pub impact_assessments: Option<String>,
    /// Source data.
    pub source_data: Option<String>,
    /// Technical working.
    pub technical_working: Option<String>,
    /// Provider (supplier or own organisation).
    pub provider: Option<String>,
    /// Publication category (e.g. `impactvolle algoritmes`, `overige algoritmes`).
    pub publication_category: Option<String>,
}

/// What a person declares about an application. Validated by [`AppSpec::validate`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppSpec {
    /// Unique, short name (`[a-z0-9-]`, e.g. `wmo-assistent`).
    pub name: String,
    /// What it is for, specifically (purpose binding).
    pub purpose: String,
    /// Internal staff or citizens.
    pub audience: Audience,
    /// Legal basis (AVG art. 6 ground and the task it serves).
    pub legal_basis: Option<String>,
    /// Owner (department or role).
    pub owner: Option<String>,
    /// Contact (functional mailbox; not a person's private address).
    pub contact: Option<String>,
    /// Lifecycle status.
    pub lifecycle: Lifecycle,
    /// Days prompts and outputs are kept in the audit trail.
    pub retention_days: u32,
    /// Whether the audit trail keeps prompts and outputs at all.
    #[serde(default)]
    pub audit_content: ContentPolicy,
    /// Guardrail policy name.
    pub policy: String,
    /// Models this application may use (empty: the default model).
    pub allowed_models: Vec<String>,
    /// Retrieval collections it may search.
    pub collections: Vec<String>,
    /// Algoritmeregister fields.
    pub register: RegisterFields,
}

/// Default retention of prompts and outputs, in days.
pub const DEFAULT_RETENTION_DAYS: u32 = 90;

impl AppSpec {
    /// A new spec with defaults for everything but the essentials.
    pub fn new(name: &str, purpose: &str, audience: Audience) -> Self {
        AppSpec {
            name: name.to_owned(),
            purpose: purpose.to_owned(),
            audience,
            legal_basis: None,
            owner: None,
            contact: None,
            lifecycle: Lifecycle::InDevelopment,
            retention_days: DEFAULT_RETENTION_DAYS,
            audit_content: ContentPolicy::Pseudonymised,
            policy: "default".to_owned(),
            allowed_models: Vec::new(),
            collections: Vec::new(),
            register: RegisterFields::default(),
        }
    }

    /// Checks what can be checked; the message says what to do.
    pub fn validate(&self) -> Result<()> {
        let bad = |m: String| Err(StoreError::Invalid(m));
        let name_ok = !self.name.is_empty()
            && self.name.len() <= 64
            && self.name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
            && self.name.as_bytes()[0].is_ascii_alphanumeric();
        if !name_ok {
            return bad(format!(
                "application name '{}' must be 1–64 characters of a–z, 0–9, '-' or '_', starting with a letter or digit",
                self.name.chars().take(64).collect::<String>()
            ));
        }
        let purpose = self.purpose.trim();
        if purpose.chars().count() < 15 || purpose.split_whitespace().count() < 3 {
            return bad(
                "the purpose must say specifically what the application is for (at least 3 words, 15 characters), e.g. \"beantwoorden van vragen van inwoners over de Wmo\"".into(),
            );
        }
        if self.retention_days == 0 || self.retention_days > 3650 {
            return bad(format!(
                "retention_days must be between 1 and 3650 (got {}); omit it to use the default of {DEFAULT_RETENTION_DAYS}",
                self.retention_days
            ));
        }
        if self.policy.trim().is_empty() {
            return bad("policy must not be empty; omit it to use \"default\"".into());
        }
        if let Some(d) = &self.register.short_description {
            let n = d.chars().count();
            if n > 400 {
                return bad(format!("the register's short description may have at most 400 characters (has {n})"));
            }
        }
        Ok(())
    }
}

/// A registered application, at one version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct App {
    /// Stable id, e.g. `app_3f09a1c47d2e5b60`.
    pub id: String,
    /// 1 for the first version, +1 per change.
    pub version: i64,
    /// What was declared.
    #[serde(flatten)]
    pub spec: AppSpec,
    /// When it was registered.
    pub created_at: Timestamp,
    /// When this version was written.
    pub updated_at: Timestamp,
    /// Who wrote this version.
    pub updated_by: String,
}

/// The register.
#[async_trait::async_trait]
pub trait AppStore {
    /// Registers a new application (version 1). Fails with `AlreadyExists` on a taken name.
    async fn create_app(&self, spec: AppSpec, actor: &str) -> Result<App>;
    /// By id or by name.
    async fn get_app(&self, id_or_name: &str) -> Result<App>;
    /// All applications, current versions, by name.
    async fn list_apps(&self) -> Result<Vec<App>>;
    /// Writes a new version, if `expected_version` is still current (else `Conflict`).
    async fn update_app(&self, id: &str, spec: AppSpec, expected_version: i64, actor: &str) -> Result<App>;
    /// Every version, oldest first.
    async fn app_history(&self, id: &str) -> Result<Vec<App>>;
}
