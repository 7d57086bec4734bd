//! Timestamps: microseconds since the Unix epoch, UTC, shown as RFC 3339.

use serde::{Deserialize, Serialize};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A point in time, microseconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// Now.
    pub fn now() -> Self {
        let micros = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_micros()).unwrap_or(i64::MAX))
            .unwrap_or(0);
        Timestamp(micros)
    }

    /// `days` later.
    pub fn plus_days(self, days: u32) -> Self {
        Timestamp(self.0.saturating_add(i64::from(days) * 86_400_000_000))
    }

    /// RFC 3339 in UTC with microseconds, e.g. `2026-12-02T10:00:00.000000Z`.
    pub fn to_rfc3339(self) -> String {
        let t = if self.0 >= 0 {
            UNIX_EPOCH + Duration::from_micros(self.0.unsigned_abs())
        } else {
            UNIX_EPOCH - Duration::from_micros(self.0.unsigned_abs())
        };
        humantime::format_rfc3339_micros(t).to_string()
    }

    /// Parses RFC 3339 (`2026-12-02T10:00:00Z`).
    pub fn parse_rfc3339(s: &str) -> Option<Self> {
        let t = humantime::parse_rfc3339_weak(s).ok()?;
        let d = t.duration_since(UNIX_EPOCH).ok()?;
        Some(Timestamp(i64::try_from(d.as_micros()).ok()?))
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Timestamp::parse_rfc3339(&s).ok_or_else(|| serde::de::Error::custom("expected an RFC 3339 timestamp"))
    }
}

/// A fresh random id with a readable prefix, e.g. `app_3f09a1c47d2e5b60`.
pub(crate) fn new_id(prefix: &str) -> String {
    use rand::RngCore;
    let mut b = [0u8; 8];
    rand::thread_rng().fill_bytes(&mut b);
    [prefix, "_", &crate::secret::hex(&b)].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_round_trip_keeps_microseconds() {
        let t = Timestamp(1_764_633_600_123_456);
        let s = t.to_rfc3339();
        assert_eq!(s, "2025-12-02T00:00:00.123456Z");
        assert_eq!(Timestamp::parse_rfc3339(&s), Some(t));
        assert_eq!(Timestamp::parse_rfc3339("gisteren"), None);
    }

    #[test]
    fn ids_are_prefixed_and_distinct() {
        let a = new_id("app");
        let b = new_id("app");
        assert!(a.starts_with("app_") && a.len() == 20);
        assert_ne!(a, b);
    }
}
