//! Anonymisation operators: what replaces a span.
//!
//! | operator | `BSN 1234.56.782` becomes | reversible |
//! | --- | --- | --- |
//! | [`Operator::Redact`] | `BSN [BSN]` | no |
//! | [`Operator::Mask`] | `BSN ****.**.***` (format kept, letters and digits hidden; cards keep the last four digits) | no |
//! | [`Operator::Pseudonymise`] | `BSN BSN-3F09A1C4` (keyed HMAC-SHA256: same value and key, same pseudonym, in any document or run) | only with the [`Vault`](crate::Vault) |
//! | [`Operator::Generalise`] | dates of birth → year, postcodes → the four digits, addresses → the street, IPv4 → its /24; other types are redacted | no |

use crate::entity::EntityType;
use crate::findings::Span;
use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

/// A secret key for [`Operator::Pseudonymise`]. Keep it out of the data it protects: without it
/// pseudonyms cannot be linked back to values by guessing.
#[derive(Clone)]
pub struct PseudonymKey(Vec<u8>);

impl PseudonymKey {
    /// Minimum key length in bytes.
    pub const MIN_LEN: usize = 16;

    /// A key from raw bytes; `None` if shorter than [`Self::MIN_LEN`].
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        (bytes.len() >= Self::MIN_LEN).then(|| PseudonymKey(bytes.to_vec()))
    }

    /// A fresh random 32-byte key.
    pub fn generate() -> Self {
        let mut key = vec![0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut key);
        PseudonymKey(key)
    }

    /// The key bytes (to store in a key file).
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The pseudonym for `value` of type `entity`: `Persoon-7F3A91C2`.
    ///
    /// Values are normalised first, so `1234.56.782` and `123456782`, or `J. de Vries` and
    /// `j. de  vries`, get the same pseudonym.
    pub fn pseudonym(&self, entity: EntityType, value: &str) -> String {
        let mut mac = match Hmac::<Sha256>::new_from_slice(&self.0) {
            Ok(mac) => mac,
            // HMAC accepts keys of any length; this arm cannot be reached.
            Err(_) => return format!("{}-00000000", entity.pseudonym_label()),
        };
        mac.update(entity.as_str().as_bytes());
        mac.update(&[0]);
        mac.update(normalise(entity, value).as_bytes());
        let tag = mac.finalize().into_bytes();
        format!(
            "{}-{:02X}{:02X}{:02X}{:02X}",
            entity.pseudonym_label(),
            tag[0],
            tag[1],
            tag[2],
            tag[3]
        )
    }
}

impl std::fmt::Debug for PseudonymKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PseudonymKey(…)")
    }
}

/// How to replace personal data.
#[derive(Debug, Clone)]
pub enum Operator {
    /// `[TYPE]`.
    Redact,
    /// Letters and digits become `*`; separators stay.
    Mask,
    /// A keyed, consistent pseudonym.
    Pseudonymise(PseudonymKey),
    /// A coarser value where one exists; otherwise `[TYPE]`.
    Generalise,
}

/// A span and what replaced it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Replaced {
    /// The span, with offsets into the original text.
    #[serde(flatten)]
    pub span: Span,
    /// The text that replaced it.
    pub replacement: String,
}

/// An anonymised text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Anonymised {
    /// The text with every span replaced.
    pub text: String,
    /// What was replaced.
    pub spans: Vec<Replaced>,
}

impl Operator {
    /// The replacement for one value.
    pub fn replacement(&self, entity: EntityType, value: &str) -> String {
        match self {
            Operator::Redact => redact(entity),
            Operator::Mask => mask(entity, value),
            Operator::Pseudonymise(key) => key.pseudonym(entity, value),
            Operator::Generalise => generalise(entity, value).unwrap_or_else(|| redact(entity)),
        }
    }

    /// Replaces `spans` (non-overlapping, in text order, byte offsets into `text`).
    pub fn apply(&self, text: &str, spans: &[Span]) -> Anonymised {
        let mut out = String::with_capacity(text.len());
        let mut replaced = Vec::with_capacity(spans.len());
        let mut pos = 0;
        for span in spans {
            if span.byte_start < pos {
                continue;
            }
            out.push_str(&text[pos..span.byte_start]);
            let value = &text[span.byte_start..span.byte_end];
            let replacement = self.replacement(span.entity, value);
            out.push_str(&replacement);
            replaced.push(Replaced {
                span: span.clone(),
                replacement,
            });
            pos = span.byte_end;
        }
        out.push_str(&text[pos..]);
        Anonymised {
            text: out,
            spans: replaced,
        }
    }
}

fn redact(entity: EntityType) -> String {
    format!("[{}]", entity.as_str())
}

fn mask(entity: EntityType, value: &str) -> String {
    let keep_last_digits = if entity == EntityType::PaymentCard { 4 } else { 0 };
    let total_digits = value.chars().filter(char::is_ascii_digit).count();
    let mut digits_seen = 0;
    value
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                digits_seen += 1;
                if digits_seen > total_digits.saturating_sub(keep_last_digits) {
                    return c;
                }
                '*'
            } else if c.is_alphanumeric() {
                '*'
            } else {
                c
            }
        })
        .collect()
}

fn generalise(entity: EntityType, value: &str) -> Option<String> {
    match entity {
        EntityType::DateOfBirth => {
            // The four-digit year, wherever it stands.
            let b = value.as_bytes();
            (0..b.len().saturating_sub(3))
                .find(|&i| {
                    b[i..i + 4].iter().all(u8::is_ascii_digit)
                        && (i == 0 || !b[i - 1].is_ascii_digit())
                        && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
                })
                .map(|i| value[i..i + 4].to_string())
        }
        EntityType::Postcode => Some(value.chars().take(4).collect()),
        EntityType::Address => {
            let numbered = |w: &&str| w.starts_with(|c: char| c.is_ascii_digit());
            let mut words = value.split(' ').peekable();
            // `12 Baker Street`: the number first, in English.
            let street = if words.peek().is_some_and(numbered) {
                words.skip(1).collect::<Vec<_>>().join(" ")
            } else {
                words.take_while(|w| !numbered(w)).collect::<Vec<_>>().join(" ")
            };
            (!street.is_empty()).then_some(street)
        }
        EntityType::IpAddress => {
            let v4: std::net::Ipv4Addr = value.parse().ok()?;
            let [a, b, c, _] = v4.octets();
            Some(format!("{a}.{b}.{c}.0/24"))
        }
        _ => None,
    }
}

/// The canonical form of a value for pseudonymisation.
fn normalise(entity: EntityType, value: &str) -> String {
    match entity {
        EntityType::Bsn | EntityType::PaymentCard | EntityType::Kvk => {
            value.chars().filter(char::is_ascii_digit).collect()
        }
        EntityType::Iban | EntityType::LicensePlate | EntityType::Postcode | EntityType::IdDocument => value
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect(),
        EntityType::Phone => {
            let digits: String = value.chars().filter(char::is_ascii_digit).collect();
            let trunk = value.contains("(0)");
            if let Some(rest) = digits.strip_prefix("0031").or_else(|| {
                value.trim_start().starts_with('+').then(|| digits.strip_prefix("31")).flatten()
            }) {
                let rest = if trunk { rest.strip_prefix('0').unwrap_or(rest) } else { rest };
                format!("0{rest}")
            } else {
                digits
            }
        }
        _ => value
            .split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> PseudonymKey {
        PseudonymKey::from_bytes(b"0123456789abcdef0123456789abcdef").unwrap()
    }

    #[test]
    fn pseudonyms_are_consistent_and_keyed() {
        let k = key();
        let a = k.pseudonym(EntityType::Bsn, "1234.56.782");
        assert_eq!(a, k.pseudonym(EntityType::Bsn, "123456782"));
        assert_eq!(a, k.pseudonym(EntityType::Bsn, "123 456 782"));
        assert!(a.starts_with("BSN-") && a.len() == 12, "{a}");
        assert_ne!(a, k.pseudonym(EntityType::Bsn, "111222333"));
        let other = PseudonymKey::from_bytes(b"another key of sixteen+ bytes").unwrap();
        assert_ne!(a, other.pseudonym(EntityType::Bsn, "123456782"));
        assert_eq!(
            k.pseudonym(EntityType::Person, "J. de  Vries"),
            k.pseudonym(EntityType::Person, "j. de vries")
        );
        assert_eq!(
            k.pseudonym(EntityType::Phone, "+31 6 12345678"),
            k.pseudonym(EntityType::Phone, "06-12345678")
        );
        assert_eq!(
            k.pseudonym(EntityType::Phone, "+31 (0)20 123 4567"),
            k.pseudonym(EntityType::Phone, "020-1234567")
        );
        assert!(PseudonymKey::from_bytes(b"short").is_none());
    }

    #[test]
    fn mask_keeps_format() {
        assert_eq!(mask(EntityType::Bsn, "1234.56.782"), "****.**.***");
        assert_eq!(mask(EntityType::PaymentCard, "5555 5555 5555 4444"), "**** **** **** 4444");
        assert_eq!(mask(EntityType::Email, "j.vries@x.nl"), "*.*****@*.**");
    }

    #[test]
    fn generalise_coarsens() {
        let g = |t, v| Operator::Generalise.replacement(t, v);
        assert_eq!(g(EntityType::DateOfBirth, "12 maart 1985"), "1985");
        assert_eq!(g(EntityType::DateOfBirth, "1985-03-12"), "1985");
        assert_eq!(g(EntityType::Postcode, "3511 AB"), "3511");
        assert_eq!(g(EntityType::Address, "Johan de Wittlaan 12a"), "Johan de Wittlaan");
        assert_eq!(g(EntityType::Address, "221B Baker Street"), "Baker Street");
        assert_eq!(g(EntityType::IpAddress, "192.168.10.4"), "192.168.10.0/24");
        assert_eq!(g(EntityType::Bsn, "123456782"), "[BSN]");
    }
}
