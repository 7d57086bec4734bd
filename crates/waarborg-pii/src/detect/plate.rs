//! LICENSE_PLATE — Dutch kentekens.
//!
//! **What it finds:** all fourteen sidecodes with dashes (`AB-12-34` … `999-XX-9`, e.g.
//! `AB-123-C`, `12-ABC-3`, `1-ABC-23`, `GB-12-CD`), in capitals; without dashes (`12ABC3`) only
//! after the word `kenteken`.
//!
//! **Why it is personal data:** the RDW register links a kenteken to its owner, so a plate in a
//! parking fine or a case note identifies a person.
//!
//! **Hard negatives:** dashed codes that fit no sidecode (`COVID-19`, `EU-27`), codes in running
//! hyphenated words (`AB-12-CD-regeling`).

use super::labelled::{Gap, LabelRule};
use super::{Hit, PatternRule};
use crate::entity::EntityType;
use crate::text::Text;
use std::ops::Range;

pub(crate) const RULES: &[PatternRule] = &[
    PatternRule {
        entity: EntityType::LicensePlate,
        name: "license_plate",
        pattern: r"(?-u:\b)(?:[A-Z]{2}-[0-9]{2}-[0-9]{2}|[0-9]{2}-[0-9]{2}-[A-Z]{2}|[0-9]{2}-[A-Z]{2}-[0-9]{2}|[A-Z]{2}-[0-9]{2}-[A-Z]{2}|[A-Z]{2}-[A-Z]{2}-[0-9]{2}|[0-9]{2}-[A-Z]{2}-[A-Z]{2}|[0-9]{2}-[A-Z]{3}-[0-9]|[0-9]-[A-Z]{3}-[0-9]{2}|[A-Z]{2}-[0-9]{3}-[A-Z]|[A-Z]-[0-9]{3}-[A-Z]{2}|[A-Z]{3}-[0-9]{2}-[A-Z]|[A-Z]-[0-9]{2}-[A-Z]{3}|[0-9]-[A-Z]{2}-[0-9]{3}|[0-9]{3}-[A-Z]{2}-[0-9])(?-u:\b)",
        check: check_dashed,
    },
];

pub(crate) const LABEL_RULES: &[LabelRule] = &[LabelRule {
    labels: &["kenteken"],
    gap: Gap::Only("abcdefghijklmnopqrstuvwxyz :", 11),
    max_value: 6,
    rule: PatternRule {
        entity: EntityType::LicensePlate,
        name: "license_plate_undashed",
        pattern: r"(?-u:\b)[A-Z0-9]{6}(?-u:\b)",
        check: check_undashed,
    },
    before: None,
    lists: false,
    blocks: false,
}];

/// The letter (L) / digit (D) shapes of the fourteen sidecodes, dashes removed.
const SHAPES: [&[u8; 6]; 14] = [
    b"LLDDDD", b"DDDDLL", b"DDLLDD", b"LLDDLL", b"LLLLDD", b"DDLLLL", b"DDLLLD", b"DLLLDD",
    b"LLDDDL", b"LDDDLL", b"LLLDDL", b"LDDLLL", b"DLLDDD", b"DDDLLD",
];

fn check_dashed(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    // Not inside a longer hyphenated word or code.
    if let (Some(b'-' | b'/'), Some(c)) = t.peek2(m.end) {
        if c.is_ascii_alphanumeric() {
            return None;
        }
    }
    if matches!(t.char_before(m.start), Some('-' | '/')) {
        return None;
    }
    // `fileserver FS-TB-02`, `model AB-12-CD`: names of machines and products.
    if crate::text::ends_with_word(
        t.label_before(m.start, 24),
        &["server", "fileserver", "host", "hostname", "machine", "model", "type", "code", "artikel", "vlan", "printer", "switch", "router"],
    ) {
        return None;
    }
    let labelled = t.before_has(m.start, 40, &["kenteken", "voertuig", "auto", "license plate"]);
    Some(Hit::new(m, if labelled { 0.95 } else { 0.85 }))
}

fn check_undashed(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    if !t.left_boundary(m.start) {
        return None;
    }
    let m = m.end - 6..m.end;
    let raw = &t.bytes[m.clone()];
    let mut shape = [0u8; 6];
    for (s, c) in shape.iter_mut().zip(raw) {
        *s = if c.is_ascii_digit() { b'D' } else { b'L' };
    }
    if !SHAPES.contains(&&shape) {
        return None;
    }
    t.left_boundary(m.start).then(|| Hit::new(m, 0.9))
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::LicensePlate;

    #[test]
    fn sidecodes() {
        for plate in [
            "AB-12-34", "12-34-AB", "12-AB-34", "AB-12-CD", "AB-CD-12", "12-AB-CD", "12-ABC-3",
            "1-ABC-23", "AB-123-C", "A-123-BC", "ABC-12-D", "A-12-BCD", "1-AB-234", "123-AB-4",
        ] {
            let text = format!("auto met kenteken {plate} geparkeerd");
            assert_eq!(found(&text, LicensePlate), [plate], "{plate}");
        }
        assert_eq!(found("kenteken 12ABC3", LicensePlate), ["12ABC3"]);
    }

    #[test]
    fn hard_negatives() {
        assert!(found("COVID-19 maatregelen", LicensePlate).is_empty());
        assert!(found("de EU-27 landen", LicensePlate).is_empty());
        assert!(found("AB-12-CD-regeling", LicensePlate).is_empty());
        assert!(found("code 12ABC3 zonder context", LicensePlate).is_empty());
        assert!(found("ab-12-cd", LicensePlate).is_empty());
    }
}
