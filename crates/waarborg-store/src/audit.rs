//! The audit trail: one event per gateway request and per administrative change, in a hash
//! chain, so that any change to or removal of a recorded event is detectable (R-APP-7).
//!
//! # The chain
//! Event `n` stores `prev_hash` (the hash of event `n-1`, or 32 zero bytes for the first) and
//! `hash = SHA-256("waarborg-audit-v1" ‖ prev_hash ‖ seq ‖ ts ‖ fields…)`, each variable field
//! length-prefixed, so no two different events encode alike. Prompts and outputs are not hashed
//! themselves: they are sealed (ChaCha20-Poly1305 under the audit key) and the chain commits to
//! the SHA-256 of the sealed bytes. The retention job can therefore drop expired content and the
//! chain still verifies — it keeps the hashes, drops the content, and records the purge as an
//! event of its own. A head row (last seq and hash), updated in the same transaction as the
//! events, makes removing events from the end detectable too.
//!
//! # Writers
//! Each backend has one writer that takes events from a queue, gives them consecutive numbers
//! and commits them in batches (group commit); an append is acknowledged only after its batch is
//! committed. Writers read the head inside the write transaction (SQLite's write lock,
//! PostgreSQL's `SELECT … FOR UPDATE`), so several processes can append to one chain.

use crate::domain::db_enum;
use crate::error::{Result, StoreError};
use crate::secret::hex;
use crate::time::Timestamp;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::Arc;

db_enum! {
    /// What an audit event records.
    AuditKind {
        /// A request through the gateway.
        GatewayRequest = "gateway.request",
        /// An application was registered.
        AppCreated = "app.created",
        /// An application's declaration changed.
        AppUpdated = "app.updated",
        /// An application was taken out of use.
        AppRetired = "app.retired",
        /// An API key was issued.
        ApiKeyCreated = "api_key.created",
        /// An API key was revoked.
        ApiKeyRevoked = "api_key.revoked",
        /// A user was created.
        UserCreated = "user.created",
        /// A role was granted.
        RoleGranted = "role.granted",
        /// A role was revoked.
        RoleRevoked = "role.revoked",
        /// A model was registered.
        ModelRegistered = "model.registered",
        /// A model version was added.
        ModelVersionAdded = "model.version_added",
        /// An alias was pointed at a version.
        ModelAliasSet = "model.alias_set",
        /// A dataset or snapshot was recorded.
        DatasetRecorded = "dataset.recorded",
        /// An incident was reported or changed.
        Incident = "incident",
        /// A rights request was recorded or changed.
        RightsRequest = "rights.request",
        /// The retention job dropped expired content.
        RetentionPurge = "retention.purge",
        /// The audit trail was exported.
        AuditExported = "audit.exported",
        /// A reviewer approved or rejected a draft answer.
        ReviewDecided = "review.decided",
        /// A citizen asked to continue with a person.
        HandoverCreated = "handover.created",
        /// A hand-over was closed.
        HandoverClosed = "handover.closed",
        /// Someone signed in to the web UI (or failed to).
        UserLogin = "user.login",
    }
}

/// Prompt and output kept with an event — already pseudonymised by the caller; sealed here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditContent {
    /// The prompt as the model saw it.
    pub prompt: String,
    /// The output as the user saw it.
    pub output: String,
}

/// An event to append.
#[derive(Debug, Clone)]
pub struct NewAuditEvent {
    /// What happened.
    pub kind: AuditKind,
    /// Who: `user:<name>`, `app:<id>`, `system`.
    pub actor: String,
    /// The application concerned.
    pub app_id: Option<String>,
    /// The model version that answered.
    pub model_version: Option<String>,
    /// Guardrail decisions (JSON array), `[]` if none.
    pub decisions: serde_json::Value,
    /// Tokens in.
    pub prompt_tokens: Option<i64>,
    /// Tokens out.
    pub completion_tokens: Option<i64>,
    /// Estimated energy, watt-hours.
    pub energy_wh: Option<f64>,
    /// Other non-personal details (ids, names of changed fields).
    pub detail: serde_json::Value,
    /// Prompt and output to keep (sealed), if the application's policy keeps them.
    pub content: Option<AuditContent>,
    /// Days to keep `content` (the application's retention period).
    pub retention_days: Option<u32>,
}

impl NewAuditEvent {
    /// An event with no content, decisions or tokens.
    pub fn new(kind: AuditKind, actor: &str) -> Self {
        NewAuditEvent {
            kind,
            actor: actor.to_owned(),
            app_id: None,
            model_version: None,
            decisions: serde_json::Value::Array(Vec::new()),
            prompt_tokens: None,
            completion_tokens: None,
            energy_wh: None,
            detail: serde_json::Value::Object(Default::default()),
            content: None,
            retention_days: None,
        }
    }

    /// With details.
    pub fn detail(mut self, detail: serde_json::Value) -> Self {
        self.detail = detail;
        self
    }

    /// About an application.
    pub fn app(mut self, app_id: &str) -> Self {
        self.app_id = Some(app_id.to_owned());
        self
    }
}

/// A stored event.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEvent {
    /// Position in the chain, from 1, without gaps.
    pub seq: i64,
    /// When it was written.
    pub ts: Timestamp,
    /// What happened (an [`AuditKind`] name; kept as text so newer kinds still read).
    pub kind: String,
    /// Who.
    pub actor: String,
    /// Application.
    pub app_id: Option<String>,
    /// Model version.
    pub model_version: Option<String>,
    /// Decisions, as the JSON text that was hashed.
    pub decisions_json: String,
    /// Tokens in.
    pub prompt_tokens: Option<i64>,
    /// Tokens out.
    pub completion_tokens: Option<i64>,
    /// Energy, Wh.
    pub energy_wh: Option<f64>,
    /// Details, as the JSON text that was hashed.
    pub detail_json: String,
    /// Sealed content (nonce ‖ ciphertext), until purged.
    pub content: Option<Vec<u8>>,
    /// SHA-256 (hex) of the sealed content, kept after purging.
    pub content_hash: Option<String>,
    /// When the content expires.
    pub retain_until: Option<Timestamp>,
    /// When the content was purged.
    pub purged_at: Option<Timestamp>,
    /// Hash of the previous event (hex).
    pub prev_hash: String,
    /// This event's hash (hex).
    pub hash: String,
}

/// What an append returns once the event is durable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditReceipt {
    /// Its position.
    pub seq: i64,
    /// Its hash.
    pub hash: String,
}

/// An event ready for the writer: sealed, serialised, without its place in the chain yet.
#[derive(Debug, Clone)]
pub(crate) struct PreparedEvent {
    pub kind: &'static str,
    pub actor: String,
    pub app_id: Option<String>,
    pub model_version: Option<String>,
    pub decisions_json: String,
    pub prompt_tokens: Option<i64>,
    pub completion_tokens: Option<i64>,
    pub energy_wh: Option<f64>,
    pub detail_json: String,
    pub content: Option<Vec<u8>>,
    pub content_hash: Option<String>,
    pub retain_days: Option<u32>,
}

/// Most events a writer commits in one transaction.
pub(crate) const MAX_BATCH: usize = 1024;

/// An append waiting in a writer's queue.
pub(crate) struct Pending {
    pub event: PreparedEvent,
    pub reply: tokio::sync::oneshot::Sender<Result<AuditReceipt>>,
}

/// Answers every append of a batch: its receipt, or the batch's error (nothing of a failed batch
/// was committed).
pub(crate) fn answer(replies: Vec<tokio::sync::oneshot::Sender<Result<AuditReceipt>>>, result: Result<Vec<AuditReceipt>>) {
    match result {
        Ok(receipts) => {
            for (reply, r) in replies.into_iter().zip(receipts) {
                let _ = reply.send(Ok(r));
            }
        }
        Err(e) => {
            let msg = e.to_string();
            for reply in replies {
                let _ = reply.send(Err(StoreError::AuditWrite(msg.clone())));
            }
        }
    }
}

/// The hash of "no previous event".
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

impl PreparedEvent {
    pub(crate) fn prepare(e: NewAuditEvent, key: &AuditKey) -> Result<Self> {
        let (content, content_hash) = match &e.content {
            Some(c) => {
                let sealed = key.seal(c)?;
                let h = hex(&Sha256::digest(&sealed));
                (Some(sealed), Some(h))
            }
            None => (None, None),
        };
        if let Some(w) = e.energy_wh {
            if !w.is_finite() {
                return Err(StoreError::Invalid("energy_wh must be a finite number".into()));
            }
        }
        Ok(PreparedEvent {
            kind: crate::domain::DbEnum::as_str(e.kind),
            actor: e.actor,
            app_id: e.app_id,
            model_version: e.model_version,
            decisions_json: e.decisions.to_string(),
            prompt_tokens: e.prompt_tokens,
            completion_tokens: e.completion_tokens,
            energy_wh: e.energy_wh,
            detail_json: e.detail.to_string(),
            content,
            content_hash,
            retain_days: e.retention_days,
        })
    }

    /// Gives the event its place: number, time, previous hash, own hash.
    pub(crate) fn chain(self, seq: i64, ts: Timestamp, prev_hash: &str) -> AuditEvent {
        let retain_until = match (&self.content, self.retain_days) {
            (Some(_), Some(days)) => Some(ts.plus_days(days)),
            _ => None,
        };
        let mut e = AuditEvent {
            seq,
            ts,
            kind: self.kind.to_owned(),
            actor: self.actor,
            app_id: self.app_id,
            model_version: self.model_version,
            decisions_json: self.decisions_json,
            prompt_tokens: self.prompt_tokens,
            completion_tokens: self.completion_tokens,
            energy_wh: self.energy_wh,
            detail_json: self.detail_json,
            content: self.content,
            content_hash: self.content_hash,
            retain_until,
            purged_at: None,
            prev_hash: prev_hash.to_owned(),
            hash: String::new(),
        };
        e.hash = e.compute_hash();
        e
    }
}

impl AuditEvent {
    /// Recomputes this event's hash from its fields (not from `hash`).
    pub fn compute_hash(&self) -> String {
        fn field(h: &mut Sha256, s: Option<&str>) {
            match s {
                None => h.update([0u8]),
                Some(s) => {
                    h.update([1u8]);
                    h.update((s.len() as u64).to_le_bytes());
                    h.update(s.as_bytes());
                }
            }
        }
        fn int(h: &mut Sha256, v: Option<i64>) {
            match v {
                None => h.update([0u8]),
                Some(v) => {
                    h.update([1u8]);
                    h.update(v.to_le_bytes());
                }
            }
        }
        let mut h = Sha256::new();
        h.update(b"waarborg-audit-v1");
        field(&mut h, Some(&self.prev_hash));
        h.update(self.seq.to_le_bytes());
        h.update(self.ts.0.to_le_bytes());
        field(&mut h, Some(&self.kind));
        field(&mut h, Some(&self.actor));
        field(&mut h, self.app_id.as_deref());
        field(&mut h, self.model_version.as_deref());
        field(&mut h, Some(&self.decisions_json));
        int(&mut h, self.prompt_tokens);
        int(&mut h, self.completion_tokens);
        int(&mut h, self.energy_wh.map(|w| w.to_bits() as i64));
        field(&mut h, Some(&self.detail_json));
        field(&mut h, self.content_hash.as_deref());
        int(&mut h, self.retain_until.map(|t| t.0));
        hex(&h.finalize())
    }

    /// The receipt for this event.
    pub fn receipt(&self) -> AuditReceipt {
        AuditReceipt { seq: self.seq, hash: self.hash.clone() }
    }

    /// The export form: everything but the sealed bytes.
    pub fn to_export_json(&self) -> serde_json::Value {
        let parse = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap_or(serde_json::Value::Null);
        serde_json::json!({
            "seq": self.seq,
            "ts": self.ts,
            "kind": self.kind,
            "actor": self.actor,
            "app_id": self.app_id,
            "model_version": self.model_version,
            "decisions": parse(&self.decisions_json),
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "energy_wh": self.energy_wh,
            "detail": parse(&self.detail_json),
            "content_hash": self.content_hash,
            "content_kept": self.content.is_some(),
            "retain_until": self.retain_until,
            "purged_at": self.purged_at,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        })
    }
}

/// The key that seals audit content: 32 random bytes in a file only the owner can read.
#[derive(Clone)]
pub struct AuditKey(Arc<ChaCha20Poly1305>);

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuditKey(…)")
    }
}

impl AuditKey {
    /// A key from raw bytes (tests, or a key from a secret manager).
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        AuditKey(Arc::new(ChaCha20Poly1305::new(Key::from_slice(&bytes))))
    }

    /// Reads the key file (64 hex digits), creating it with a fresh key (mode 0600) if absent.
    pub fn load_or_create(path: &Path) -> Result<Self> {
        let io = |context: String| move |source| StoreError::Io { context, source };
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let t = text.trim();
                let mut bytes = [0u8; 32];
                if t.len() != 64 || !t.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return Err(StoreError::Invalid(format!(
                        "audit key file {} must hold 64 hex digits",
                        path.display()
                    )));
                }
                for (i, b) in bytes.iter_mut().enumerate() {
                    *b = u8::from_str_radix(&t[2 * i..2 * i + 2], 16).unwrap_or(0);
                }
                Ok(Self::from_bytes(bytes))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(io(format!("cannot create {}", dir.display())))?;
                }
                let key = ChaCha20Poly1305::generate_key(&mut OsRng);
                let mut opts = std::fs::OpenOptions::new();
                opts.write(true).create_new(true);
                #[cfg(unix)]
                {
                    use std::os::unix::fs::OpenOptionsExt;
                    opts.mode(0o600);
                }
                use std::io::Write;
                let mut f = opts.open(path).map_err(io(format!("cannot create audit key {}", path.display())))?;
                writeln!(f, "{}", hex(&key)).map_err(io(format!("cannot write audit key {}", path.display())))?;
                f.sync_all().map_err(io(format!("cannot write audit key {}", path.display())))?;
                Ok(AuditKey(Arc::new(ChaCha20Poly1305::new(&key))))
            }
            Err(e) => Err(StoreError::Io { context: format!("cannot read audit key {}", path.display()), source: e }),
        }
    }

    fn seal(&self, content: &AuditContent) -> Result<Vec<u8>> {
        let plain = serde_json::to_vec(content).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let nonce = ChaCha20Poly1305::generate_nonce(&mut OsRng);
        let mut out = nonce.to_vec();
        out.extend(
            self.0
                .encrypt(&nonce, plain.as_slice())
                .map_err(|_| StoreError::Invalid("cannot seal audit content".into()))?,
        );
        Ok(out)
    }

    /// Opens an event's sealed content (`None` once purged).
    pub fn open(&self, event: &AuditEvent) -> Result<Option<AuditContent>> {
        let Some(sealed) = &event.content else { return Ok(None) };
        if sealed.len() < 12 {
            return Err(StoreError::Decrypt { seq: event.seq });
        }
        let (nonce, ct) = sealed.split_at(12);
        let plain = self
            .0
            .decrypt(Nonce::from_slice(nonce), ct)
            .map_err(|_| StoreError::Decrypt { seq: event.seq })?;
        serde_json::from_slice(&plain).map(Some).map_err(|_| StoreError::Decrypt { seq: event.seq })
    }
}

/// Where and why the chain is broken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainBreak {
    /// The first event that does not verify.
    pub seq: i64,
    /// Why.
    pub reason: String,
}

/// Result of walking the chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerifyReport {
    /// Events checked.
    pub events: i64,
    /// Events whose content has been purged (their hashes still verify).
    pub purged: i64,
    /// The last event's receipt.
    pub head: Option<AuditReceipt>,
    /// The first broken link, if any.
    pub first_break: Option<ChainBreak>,
}

impl VerifyReport {
    /// Whether the chain is whole.
    pub fn ok(&self) -> bool {
        self.first_break.is_none()
    }
}

/// What the retention job dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PurgeSummary {
    /// Events whose content was dropped.
    pub events: i64,
    /// Lowest seq purged.
    pub first_seq: Option<i64>,
    /// Highest seq purged.
    pub last_seq: Option<i64>,
}

/// Audit queries.
#[async_trait::async_trait]
pub trait AuditStore {
    /// Appends an event; returns once it is durable.
    async fn append_audit(&self, event: NewAuditEvent) -> Result<AuditReceipt>;
    /// Up to `limit` events from `from_seq` on, in order.
    async fn audit_events(&self, from_seq: i64, limit: i64) -> Result<Vec<AuditEvent>>;
    /// The head row: last seq and hash as recorded with the last append.
    async fn audit_head(&self) -> Result<Option<AuditReceipt>>;
    /// Drops sealed content whose retention ended at or before `now`; hashes stay.
    async fn purge_audit_content(&self, now: Timestamp) -> Result<PurgeSummary>;
    /// The audit key, to open content for an authorised reader.
    fn audit_key(&self) -> &AuditKey;
}

/// Walks the whole chain and reports the first broken link.
pub async fn verify(store: &(dyn AuditStore + Send + Sync)) -> Result<VerifyReport> {
    const PAGE: i64 = 2000;
    let mut report = VerifyReport { events: 0, purged: 0, head: None, first_break: None };
    let mut prev = GENESIS_HASH.to_owned();
    let mut expected = 1i64;
    let mut from = 1i64;
    let broken = |seq, reason: String| Some(ChainBreak { seq, reason });
    'pages: loop {
        let page = store.audit_events(from, PAGE).await?;
        let n = page.len();
        for e in page {
            if e.seq != expected {
                report.first_break = broken(expected, format!("event {expected} is missing (the next present event is {})", e.seq));
                break 'pages;
            }
            if e.prev_hash != prev {
                report.first_break = broken(e.seq, format!("event {} does not link to event {}: its prev_hash differs", e.seq, e.seq - 1));
                break 'pages;
            }
            if e.compute_hash() != e.hash {
                report.first_break = broken(e.seq, format!("event {} was changed after it was written: its fields do not match its hash", e.seq));
                break 'pages;
            }
            match (&e.content, &e.content_hash) {
                (Some(sealed), Some(h)) if hex(&Sha256::digest(sealed)) != *h => {
                    report.first_break = broken(e.seq, format!("the sealed prompt/output of event {} was changed", e.seq));
                    break 'pages;
                }
                (Some(_), None) => {
                    report.first_break = broken(e.seq, format!("event {} holds content its hash does not commit to", e.seq));
                    break 'pages;
                }
                (None, Some(_)) => report.purged += 1,
                _ => {}
            }
            prev = e.hash.clone();
            report.head = Some(e.receipt());
            report.events += 1;
            expected += 1;
        }
        if (n as i64) < PAGE {
            break;
        }
        from = expected;
    }
    if report.first_break.is_none() {
        let recorded = store.audit_head().await?;
        if recorded != report.head {
            let last = report.head.as_ref().map_or(0, |h| h.seq);
            let at = recorded.as_ref().map_or(0, |h| h.seq);
            report.first_break = broken(
                last + 1,
                format!("the chain ends at event {last} but the head records event {at}: events were removed from the end or the head was changed"),
            );
        }
    }
    Ok(report)
}

/// The retention job: drops expired content and records the purge in the chain.
pub async fn run_retention(store: &(dyn AuditStore + Send + Sync), now: Timestamp) -> Result<PurgeSummary> {
    let summary = store.purge_audit_content(now).await?;
    if summary.events > 0 {
        store
            .append_audit(NewAuditEvent::new(AuditKind::RetentionPurge, "system").detail(serde_json::json!({
                "events": summary.events,
                "first_seq": summary.first_seq,
                "last_seq": summary.last_seq,
            })))
            .await?;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> AuditEvent {
        let mut n = NewAuditEvent::new(AuditKind::GatewayRequest, "app:x");
        n.content = Some(AuditContent { prompt: "Persoon-1A2B3C4D vraagt".into(), output: "antwoord".into() });
        n.retention_days = Some(30);
        let key = AuditKey::from_bytes([7; 32]);
        PreparedEvent::prepare(n, &key).unwrap().chain(1, Timestamp(1_000), GENESIS_HASH)
    }

    #[test]
    fn every_field_is_covered_by_the_hash() {
        let e = event();
        assert_eq!(e.compute_hash(), e.hash);
        let mutations: Vec<fn(&mut AuditEvent)> = vec![
            |e| e.seq += 1,
            |e| e.ts.0 += 1,
            |e| e.kind.push('x'),
            |e| e.actor.push('x'),
            |e| e.app_id = Some("a".into()),
            |e| e.model_version = Some("m".into()),
            |e| e.decisions_json = "[{}]".into(),
            |e| e.prompt_tokens = Some(1),
            |e| e.completion_tokens = Some(1),
            |e| e.energy_wh = Some(0.1),
            |e| e.detail_json = "{\"a\":1}".into(),
            |e| e.content_hash = None,
            |e| e.retain_until = None,
            |e| e.prev_hash = "1".repeat(64),
        ];
        for (i, m) in mutations.iter().enumerate() {
            let mut x = e.clone();
            m(&mut x);
            assert_ne!(x.compute_hash(), e.hash, "mutation {i} not covered");
        }
        // Dropping the sealed bytes (what retention does) keeps the hash.
        let mut purged = e.clone();
        purged.content = None;
        assert_eq!(purged.compute_hash(), e.hash);
    }

    #[test]
    fn sealed_content_opens_only_with_its_key() {
        let e = event();
        let key = AuditKey::from_bytes([7; 32]);
        let c = key.open(&e).unwrap().unwrap();
        assert_eq!(c.output, "antwoord");
        assert!(!String::from_utf8_lossy(e.content.as_ref().unwrap()).contains("vraagt"));
        let other = AuditKey::from_bytes([8; 32]);
        assert!(matches!(other.open(&e), Err(StoreError::Decrypt { seq: 1 })));
    }

    #[test]
    fn key_file_is_created_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys/audit.key");
        let k1 = AuditKey::load_or_create(&path).unwrap();
        let e = {
            let mut n = NewAuditEvent::new(AuditKind::GatewayRequest, "x");
            n.content = Some(AuditContent { prompt: "p".into(), output: "o".into() });
            PreparedEvent::prepare(n, &k1).unwrap().chain(1, Timestamp(0), GENESIS_HASH)
        };
        let k2 = AuditKey::load_or_create(&path).unwrap();
        assert_eq!(k2.open(&e).unwrap().unwrap().prompt, "p");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        std::fs::write(&path, "kapot").unwrap();
        assert!(AuditKey::load_or_create(&path).is_err());
    }
}
