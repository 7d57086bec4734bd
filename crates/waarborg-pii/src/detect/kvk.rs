//! KVK — Kamer van Koophandel registration numbers.
//!
//! **What it finds:** eight digits (`12345678`, `1234 5678`, `12.34.56.78`) right after a KvK
//! label (`KvK`, `KvK-nummer`, `Kamer van Koophandel`, `handelsregister`).
//!
//! **Why it is personal data:** a sole proprietorship (eenmanszaak) is registered under its
//! owner's name; its KvK number identifies that person.
//!
//! **Hard negatives:** eight-digit numbers without the label (dates as `20240312`, references).

use super::labelled::{Gap, LabelRule};
use super::{Hit, PatternRule};
use crate::entity::EntityType;
use crate::text::{digits_of, Text};
use std::ops::Range;

pub(crate) const LABEL_RULES: &[LabelRule] = &[LabelRule {
    labels: &["kvk", "k.v.k", "k.v.k.", "kamer van koophandel", "handelsregister", "chamber of commerce", "coc"],
    gap: Gap::NoDigits(30),
    max_value: 11,
    rule: PatternRule {
        entity: EntityType::Kvk,
        name: "kvk",
        pattern: r"(?-u:\b)(?:[0-9]{8}|[0-9]{4} [0-9]{4}|[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{2})(?-u:\b)",
        check,
    },
    before: None,
    lists: false,
    blocks: false,
}];

fn check(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    if !t.left_boundary(m.start) {
        return None;
    }
    let m = super::value_from_first_digit(t, m)?;
    let (_, n) = digits_of(&t.bytes[m.clone()])?;
    if n != 8 || !t.left_boundary(m.start) || !t.right_boundary(m.end) {
        return None;
    }
    if let (Some(b'.' | b',' | b'-' | b'/'), Some(d)) = t.peek2(m.end) {
        if d.is_ascii_digit() {
            return None;
        }
    }
    Some(Hit::new(m, 0.9))
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::Kvk;

    #[test]
    fn labelled_kvk_numbers() {
        assert_eq!(found("KvK-nummer: 12345678", Kvk), ["12345678"]);
        assert_eq!(found("ingeschreven bij de Kamer van Koophandel onder 8765 4321", Kvk), ["8765 4321"]);
        assert_eq!(found("KvK 12.34.56.78", Kvk), ["12.34.56.78"]);
    }

    #[test]
    fn hard_negatives() {
        assert!(found("referentie 12345678", Kvk).is_empty());
        assert!(found("op 20240312 ontvangen", Kvk).is_empty());
        assert!(found("KvK 123456789", Kvk).is_empty());
    }
}
