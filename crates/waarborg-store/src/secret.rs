//! Secrets the store keeps only as hashes: API keys (SHA-256 of 32 random bytes — high entropy,
//! so a fast hash is right and lookup is one indexed equality) and passwords (argon2id, salted,
//! slow on purpose).

use crate::error::{Result, StoreError};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A freshly generated API key: shown once, stored only as [`hash_api_key`].
pub struct ApiKeySecret {
    /// The whole key, e.g. `wb_3f09…` (64 hex digits after the prefix).
    pub secret: String,
}

impl ApiKeySecret {
    /// 32 random bytes from the operating system's generator.
    pub fn generate() -> Self {
        let mut b = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut b);
        ApiKeySecret { secret: ["wb_", &hex(&b)].concat() }
    }

    /// The first characters, safe to show in lists so a person can tell keys apart.
    pub fn prefix(&self) -> String {
        self.secret.chars().take(10).collect()
    }
}

impl std::fmt::Debug for ApiKeySecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ApiKeySecret({}…)", self.prefix())
    }
}

/// The stored form of an API key: lower-case hex SHA-256.
pub fn hash_api_key(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

/// An argon2id PHC string for `password`. Refuses passwords under 12 characters.
pub fn hash_password(password: &str) -> Result<String> {
    if password.chars().count() < 12 {
        return Err(StoreError::Invalid("a password needs at least 12 characters".into()));
    }
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Invalid(format!("cannot hash the password: {e}")))
}

/// Whether `password` matches the stored PHC string.
pub fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
        .unwrap_or(false)
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_keys_are_random_and_hash_deterministically() {
        let a = ApiKeySecret::generate();
        let b = ApiKeySecret::generate();
        assert_ne!(a.secret, b.secret);
        assert_eq!(a.secret.len(), 3 + 64);
        assert_eq!(hash_api_key(&a.secret), hash_api_key(&a.secret));
        assert_ne!(hash_api_key(&a.secret), hash_api_key(&b.secret));
        assert!(!format!("{a:?}").contains(&a.secret[10..]));
    }

    #[test]
    fn passwords_verify_only_when_right() {
        let phc = hash_password("correct horse battery").unwrap();
        assert!(phc.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &phc));
        assert!(!verify_password("correct horse batterY", &phc));
        assert!(!verify_password("x", "not a hash"));
        assert!(hash_password("kort").is_err());
    }
}
