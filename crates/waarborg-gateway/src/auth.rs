//! Authentication (application keys) and per-key rate limits.
//!
//! A key is looked up by its SHA-256 (as the store keeps it); a found record's hash is compared
//! again in constant time. Authenticated keys are cached for a short, configurable time so a
//! request does not always hit the database; revocation takes effect within that time.

use crate::error::ApiError;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};
use subtle::ConstantTimeEq;
use waarborg_store::{App, Lifecycle, Store, Timestamp};

/// Who is calling.
#[derive(Debug, Clone)]
pub struct Caller {
    /// Key id.
    pub key_id: String,
    /// The application (current version).
    pub app: App,
}

struct Cached {
    hash: String,
    caller: Caller,
    until: Instant,
}

/// Key lookups with a short cache.
pub struct Authenticator {
    store: Arc<dyn Store>,
    ttl: Duration,
    cache: Mutex<HashMap<String, Cached>>,
    touched: Mutex<HashMap<String, Instant>>,
}

impl Authenticator {
    /// A new authenticator.
    pub fn new(store: Arc<dyn Store>, ttl: Duration) -> Self {
        Authenticator { store, ttl, cache: Mutex::new(HashMap::new()), touched: Mutex::new(HashMap::new()) }
    }

    /// Checks the `Authorization` header value.
    pub async fn authenticate(&self, header: Option<&str>) -> Result<Caller, ApiError> {
        let Some(h) = header else {
            return Err(ApiError::unauthorized("missing Authorization header; send `Authorization: Bearer <application key>`"));
        };
        let Some(secret) = h.strip_prefix("Bearer ").or_else(|| h.strip_prefix("bearer ")).map(str::trim) else {
            return Err(ApiError::unauthorized("the Authorization header must be `Bearer <application key>`"));
        };
        if secret.is_empty() || secret.len() > 200 {
            return Err(ApiError::unauthorized("invalid API key"));
        }
        let hash = waarborg_store::hash_api_key(secret);
        if !self.ttl.is_zero() {
            let cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(c) = cache.get(&hash) {
                if c.until > Instant::now() && bool::from(c.hash.as_bytes().ct_eq(hash.as_bytes())) {
                    return Ok(c.caller.clone());
                }
            }
        }
        let key = self
            .store
            .find_api_key(&hash)
            .await
            .map_err(|_| ApiError::unavailable("the key store is not available; try again"))?
            .ok_or_else(|| ApiError::unauthorized("invalid API key"))?;
        if key.revoked_at.is_some() {
            return Err(ApiError::unauthorized("this API key has been revoked"));
        }
        let app = self
            .store
            .get_app(&key.app_id)
            .await
            .map_err(|_| ApiError::unavailable("the application register is not available; try again"))?;
        if app.spec.lifecycle == Lifecycle::OutOfUse {
            return Err(ApiError::forbidden("app_out_of_use", "this application is out of use"));
        }
        let caller = Caller { key_id: key.id.clone(), app };
        self.touch(&key.id);
        if !self.ttl.is_zero() {
            let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
            if cache.len() > 10_000 {
                cache.clear();
            }
            cache.insert(hash.clone(), Cached { hash, caller: caller.clone(), until: Instant::now() + self.ttl });
        }
        Ok(caller)
    }

    /// Records last use at most once a minute per key, off the request path.
    fn touch(&self, key_id: &str) {
        let now = Instant::now();
        {
            let mut t = self.touched.lock().unwrap_or_else(PoisonError::into_inner);
            if t.get(key_id).is_some_and(|last| now.duration_since(*last) < Duration::from_secs(60)) {
                return;
            }
            t.insert(key_id.to_owned(), now);
        }
        let store = self.store.clone();
        let id = key_id.to_owned();
        tokio::spawn(async move {
            let _ = store.touch_api_key(&id, Timestamp::now()).await;
        });
    }
}

/// Token buckets per key.
pub struct RateLimiter {
    rate: f64,
    burst: f64,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

impl RateLimiter {
    /// `rate` requests per second sustained, `burst` at once.
    pub fn new(rate: f64, burst: u32) -> Self {
        RateLimiter { rate, burst: f64::from(burst), buckets: Mutex::new(HashMap::new()) }
    }

    /// Takes one token for `key`, or says how many seconds to wait.
    pub fn check(&self, key: &str) -> Result<(), ApiError> {
        let now = Instant::now();
        let mut b = self.buckets.lock().unwrap_or_else(PoisonError::into_inner);
        let entry = b.entry(key.to_owned()).or_insert((self.burst, now));
        let elapsed = now.duration_since(entry.1).as_secs_f64();
        entry.0 = (entry.0 + elapsed * self.rate).min(self.burst);
        entry.1 = now;
        if entry.0 >= 1.0 {
            entry.0 -= 1.0;
            Ok(())
        } else {
            let wait = ((1.0 - entry.0) / self.rate).ceil().max(1.0);
            Err(ApiError::rate_limited(wait as u64))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_empties_and_says_when_to_come_back() {
        let r = RateLimiter::new(0.5, 2);
        assert!(r.check("k").is_ok());
        assert!(r.check("k").is_ok());
        let e = r.check("k").unwrap_err();
        assert_eq!(e.status.as_u16(), 429);
        assert_eq!(e.retry_after, Some(2));
        assert!(r.check("other").is_ok(), "buckets are per key");
    }
}
