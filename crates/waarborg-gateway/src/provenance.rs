//! Ed25519-signed provenance per response (R-APP-8): which application, model version and policy
//! version made which text from which sources, and when. The record is signed as canonical JSON
//! (fixed field order); `POST /v1/provenance/verify` recomputes the output hash from the text it is
//! given and checks the signature, so one changed character fails.
//!
//! The signing key is generated on first start under `DATA_DIR/keys/provenance.ed25519` (the
//! 32-byte seed, readable by the owner only).

use crate::error::GatewayError;
use base64::Engine as _;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::Path;

/// What is signed. Field order is the canonical order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProvenanceRecord {
    /// Format version.
    pub v: u32,
    /// SHA-256 (hex) of the normalised output text.
    pub output_sha256: String,
    /// Application id.
    pub app: String,
    /// Model version id (or model name when not registered).
    pub model_version: String,
    /// Policy name.
    pub policy: String,
    /// Policy version.
    pub policy_version: String,
    /// SHA-256 (hex) of each cited source passage.
    pub sources: Vec<String>,
    /// When (RFC 3339, UTC).
    pub created: String,
}

/// Text normalised for hashing: whitespace runs become one space, ends trimmed.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower-case hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The gateway's signer.
pub struct Signer25519 {
    key: SigningKey,
    key_id: String,
}

impl std::fmt::Debug for Signer25519 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Signer25519({})", self.key_id)
    }
}

impl Signer25519 {
    /// Loads the key at `path`, or generates and stores one.
    pub fn load_or_create(path: &Path) -> Result<Self, GatewayError> {
        let err = |what: &str, e: std::io::Error| GatewayError::Key(format!("cannot {what} {}: {e}", path.display()));
        let seed: [u8; 32] = match std::fs::read(path) {
            Ok(bytes) => bytes
                .as_slice()
                .try_into()
                .map_err(|_| GatewayError::Key(format!("{} is not a 32-byte Ed25519 seed; move it away to make a new key", path.display())))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key = SigningKey::generate(&mut rand::rngs::OsRng);
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| err("create the folder of", e))?;
                }
                write_private(path, &key.to_bytes()).map_err(|e| err("write", e))?;
                key.to_bytes()
            }
            Err(e) => return Err(err("read", e)),
        };
        Ok(Self::from_seed(seed))
    }

    /// From a seed (tests).
    pub fn from_seed(seed: [u8; 32]) -> Self {
        let key = SigningKey::from_bytes(&seed);
        let key_id = format!("ed25519:{}", &sha256_hex(key.verifying_key().as_bytes())[..16]);
        Signer25519 { key, key_id }
    }

    /// Key id, e.g. `ed25519:3f09a1c47d2e5b60`.
    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    /// The public key, base64.
    pub fn public_key_b64(&self) -> String {
        base64::engine::general_purpose::STANDARD.encode(self.key.verifying_key().as_bytes())
    }

    /// Signs a record; returns the `provenance` object for the response.
    pub fn sign(&self, record: &ProvenanceRecord) -> serde_json::Value {
        let canonical = serde_json::to_vec(record).unwrap_or_default();
        let sig = self.key.sign(&canonical);
        let id = format!("prov_{}", &sha256_hex(&sig.to_bytes())[..24]);
        let mut v = serde_json::to_value(record).unwrap_or_default();
        if let Some(o) = v.as_object_mut() {
            o.insert("id".into(), id.into());
            o.insert("signature".into(), base64::engine::general_purpose::STANDARD.encode(sig.to_bytes()).into());
            o.insert("key_id".into(), self.key_id.clone().into());
        }
        v
    }

    /// Verifies `text` against a `provenance` object: `Ok(record)` or the reason it fails.
    pub fn verify(&self, text: &str, provenance: &serde_json::Value) -> Result<ProvenanceRecord, String> {
        if provenance.get("key_id").and_then(|k| k.as_str()) != Some(self.key_id.as_str()) {
            return Err("signed with another key (key_id differs from this gateway's)".into());
        }
        let sig_b64 = provenance.get("signature").and_then(|s| s.as_str()).ok_or("provenance.signature is missing")?;
        let sig_bytes = base64::engine::general_purpose::STANDARD.decode(sig_b64).map_err(|_| "provenance.signature is not base64")?;
        let sig = Signature::from_slice(&sig_bytes).map_err(|_| "provenance.signature is not an Ed25519 signature")?;
        let record: ProvenanceRecord =
            serde_json::from_value(provenance.clone()).map_err(|e| format!("provenance record incomplete: {e}"))?;
        if record.output_sha256 != sha256_hex(normalise(text).as_bytes()) {
            return Err("the text is not the text that was signed".into());
        }
        let canonical = serde_json::to_vec(&record).map_err(|e| e.to_string())?;
        let vk: VerifyingKey = self.key.verifying_key();
        vk.verify(&canonical, &sig).map_err(|_| "the signature does not match the record".to_string())?;
        Ok(record)
    }
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(text: &str) -> ProvenanceRecord {
        ProvenanceRecord {
            v: 1,
            output_sha256: sha256_hex(normalise(text).as_bytes()),
            app: "app_1".into(),
            model_version: "mv_1".into(),
            policy: "default".into(),
            policy_version: "1".into(),
            sources: vec![],
            created: "2026-01-01T00:00:00Z".into(),
        }
    }

    #[test]
    fn signs_verifies_and_detects_one_changed_character_or_field() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys/provenance.ed25519");
        let s = Signer25519::load_or_create(&path).unwrap();
        let again = Signer25519::load_or_create(&path).unwrap();
        assert_eq!(s.key_id(), again.key_id(), "the key is kept");
        let text = "De Wmo regelt ondersteuning.";
        let p = s.sign(&record(text));
        assert!(again.verify(text, &p).is_ok());
        assert!(s.verify("De Wmo regelt ondersteuning!", &p).is_err());
        let mut tampered = p.clone();
        tampered["app"] = "app_2".into();
        assert!(s.verify(text, &tampered).is_err());
        assert!(s.verify(text, &serde_json::json!({})).is_err());
    }
}
