//! KVK — Kamer van Koophandel registration numbers.
//!
//! **What it finds:** eight digits (`12345678`, `1234 5678`, `1234.5678`, `12.34.56.78`,
//! `12 34 56 78`, `1234 56 78`) right after a KvK label (`KvK`, `KvK-nummer`, `Kamer van
//! Koophandel`, `handelsregister`) or alone on its next line, several joined by `,` or `en`, and
//! the cells of a table column headed by such a label.
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
    // Also the value alone on the label's next line (`KvK-nummer:` then `12345678`).
    gap: Gap::Form(30),
    max_value: 11,
    rule: PatternRule {
        entity: EntityType::Kvk,
        name: "kvk",
        pattern: r"(?-u:\b)(?:[0-9]{8}|[0-9]{4}[ .][0-9]{4}|[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{2}|(?:[0-9]{2} ){3}[0-9]{2}|[0-9]{4} [0-9]{2} [0-9]{2})(?-u:\b)",
        check,
    },
    before: None,
    // `KvK-nummers: 12345678 en 87654321`, and a table's `KvK` column.
    lists: true,
    blocks: true,
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
    // (Nor the first eight digits of a longer grouped number: `KvK 12345678, 06 12 34 56 78`.)
    if let (Some(b'.' | b',' | b'-' | b'/' | b' '), Some(d)) = t.peek2(m.end) {
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
        assert_eq!(found("Groenvoorziening Hendriks v.o.f., KvK 1234.5678", Kvk), ["1234.5678"]);
        assert_eq!(found("KvK-nr.: 1234 56 78", Kvk), ["1234 56 78"]);
        assert_eq!(found("KvK 12 34 56 78", Kvk), ["12 34 56 78"]);
    }

    #[test]
    fn a_value_on_the_next_line_in_a_list_or_in_a_column() {
        assert_eq!(found("KvK-nummer:\n12345678", Kvk), ["12345678"]);
        assert_eq!(found("KvK-nummers: 12345678 en 87654321", Kvk), ["12345678", "87654321"]);
        assert_eq!(
            found("| Naam | Adres | KvK |\n|---|---|---|\n| Schildersbedrijf Pietersen | Dorpsstraat 1 | 12345678 |\n| Loodgieter Bos | Kerkweg 2 | 87654321 |", Kvk),
            ["12345678", "87654321"]
        );
        // Another field's value on the next line is not the KvK number.
        assert!(found("KvK-nummer: onbekend\nTelefoon 12345678", Kvk).is_empty());
        assert!(found("KvK-nummer aangevraagd.\n12345678", Kvk).is_empty());
    }

    #[test]
    fn hard_negatives() {
        assert!(found("referentie 12345678", Kvk).is_empty());
        assert!(found("op 20240312 ontvangen", Kvk).is_empty());
        assert!(found("KvK 123456789", Kvk).is_empty());
        assert!(found("KvK 12 34 56 789", Kvk).is_empty());
        assert!(found("KvK-nummer onbekend; factuur 1234 5678", Kvk).is_empty());
        // Not a mobile number after the label or its list.
        assert_eq!(found("Bakkerij Jansen, KvK 12345678, 06 12 34 56 78", Kvk), ["12345678"]);
        assert!(found("Contact KvK-loket: 06 12 34 56 78", Kvk).is_empty());
        assert!(found("KvK:\n06 12 34 56 78", Kvk).is_empty());
    }
}
