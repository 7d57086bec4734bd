//! API keys per application: stored only as a hash, shown once, revocable, with last use.

use crate::error::Result;
use crate::time::Timestamp;
use serde::Serialize;

/// What the store keeps of an API key.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApiKey {
    /// Key id, e.g. `key_…`.
    pub id: String,
    /// The application it belongs to.
    pub app_id: String,
    /// First characters of the key, to tell keys apart.
    pub prefix: String,
    /// When it was made.
    pub created_at: Timestamp,
    /// Who made it.
    pub created_by: String,
    /// When it was revoked, if it was.
    pub revoked_at: Option<Timestamp>,
    /// When it was last used to authenticate.
    pub last_used_at: Option<Timestamp>,
}

/// API key queries.
#[async_trait::async_trait]
pub trait KeyStore {
    /// Stores a key by its hash (see [`crate::hash_api_key`]).
    async fn create_api_key(&self, app_id: &str, hash: &str, prefix: &str, actor: &str) -> Result<ApiKey>;
    /// The key with this hash, revoked or not (the caller decides).
    async fn find_api_key(&self, hash: &str) -> Result<Option<ApiKey>>;
    /// Records a use.
    async fn touch_api_key(&self, id: &str, at: Timestamp) -> Result<()>;
    /// Revokes a key (idempotent; keeps the first revocation time).
    async fn revoke_api_key(&self, id: &str, at: Timestamp) -> Result<ApiKey>;
    /// Keys of an application, oldest first.
    async fn list_api_keys(&self, app_id: &str) -> Result<Vec<ApiKey>>;
}
