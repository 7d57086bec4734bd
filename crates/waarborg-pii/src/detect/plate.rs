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

/// The fourteen sidecodes with their dashes, in capitals.
macro_rules! sidecodes {
    () => {
        r"[A-Z]{2}-[0-9]{2}-[0-9]{2}|[0-9]{2}-[0-9]{2}-[A-Z]{2}|[0-9]{2}-[A-Z]{2}-[0-9]{2}|[A-Z]{2}-[0-9]{2}-[A-Z]{2}|[A-Z]{2}-[A-Z]{2}-[0-9]{2}|[0-9]{2}-[A-Z]{2}-[A-Z]{2}|[0-9]{2}-[A-Z]{3}-[0-9]|[0-9]-[A-Z]{3}-[0-9]{2}|[A-Z]{2}-[0-9]{3}-[A-Z]|[A-Z]-[0-9]{3}-[A-Z]{2}|[A-Z]{3}-[0-9]{2}-[A-Z]|[A-Z]-[0-9]{2}-[A-Z]{3}|[0-9]-[A-Z]{2}-[0-9]{3}|[0-9]{3}-[A-Z]{2}-[0-9]"
    };
}

pub(crate) const RULES: &[PatternRule] = &[
    PatternRule {
        entity: EntityType::LicensePlate,
        name: "license_plate",
        pattern: concat!(r"(?-u:\b)(?:", sidecodes!(), r")(?-u:\b)"),
        check: check_dashed,
    },
];

pub(crate) const LABEL_RULES: &[LabelRule] = &[
    LabelRule {
        labels: &["kenteken"],
        gap: Gap::Only("abcdefghijklmnopqrstuvwxyz :", 11),
        max_value: 6,
        rule: PatternRule {
            entity: EntityType::LicensePlate,
            name: "license_plate_undashed",
            pattern: r"(?-u:\b)(?:[A-Z0-9]{6}|[a-z0-9]{6})(?-u:\b)",
            check: check_undashed,
        },
        before: None,
        lists: false,
        blocks: false,
    },
    // `kenteken: gz-123-t` in a chat or a sloppy form, `het voertuig (73-pdn-7)`: in lower
    // case only after the label or a word for the vehicle.
    LabelRule {
        labels: LOWER_CASE_LABELS,
        gap: Gap::Only("abcdefghijklmnopqrstuvwxyz :(", 11),
        max_value: 9,
        rule: PatternRule {
            entity: EntityType::LicensePlate,
            name: "license_plate_lower_case",
            pattern: concat!(r"(?-u:\b)(?i:", sidecodes!(), r")(?-u:\b)"),
            check: check_lower_case,
        },
        before: None,
        lists: false,
        blocks: false,
    },
];

/// The labels of a plate in lower case: `kenteken`, then words for the vehicle
/// (`het voertuig (73-pdn-7)`).
const LOWER_CASE_LABELS: &[&str] = &["kenteken", "voertuig", "auto", "wagen", "motor", "scooter", "bestelbus"];

/// The words for a vehicle among [`LOWER_CASE_LABELS`].
const VEHICLE_WORDS: &[&str] = LOWER_CASE_LABELS.split_at(1).1;

/// A dashed plate after its label, in lower case (capitals are found without one).
fn check_lower_case(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    let start = t.bytes[..m.end].iter().rposition(|&c| !(c.is_ascii_alphanumeric() || c == b'-')).map_or(0, |p| p + 1);
    let value = start.max(m.start)..m.end;
    let raw = &t.bytes[value.clone()];
    if !raw.iter().any(u8::is_ascii_lowercase) || runs_on(t, m.end) {
        return None;
    }
    // A word for the vehicle counts whole (`auto`, not `autoriteit`); `kenteken` also as the
    // start of a longer word (`kentekennummer`).
    let label = &t.bytes[m.start..];
    let label = &label[..label.iter().position(|c| !c.is_ascii_alphabetic()).unwrap_or(label.len())];
    let kenteken = label.len() >= 8 && label[..8].eq_ignore_ascii_case(b"kenteken");
    if !kenteken && !VEHICLE_WORDS.iter().any(|w| label.eq_ignore_ascii_case(w.as_bytes())) {
        return None;
    }
    t.left_boundary(value.start).then(|| Hit::new(value, 0.9))
}

/// The letter (L) / digit (D) shapes of the fourteen sidecodes, dashes removed.
const SHAPES: [&[u8; 6]; 14] = [
    b"LLDDDD", b"DDDDLL", b"DDLLDD", b"LLDDLL", b"LLLLDD", b"DDLLLL", b"DDLLLD", b"DLLLDD",
    b"LLDDDL", b"LDDDLL", b"LLLDDL", b"LDDLLL", b"DLLDDD", b"DDDLLD",
];

/// Whether a hyphenated word or code runs on after `end` (`AB-12-CD-regeling`).
fn runs_on(t: &Text<'_>, end: usize) -> bool {
    matches!(t.peek2(end), (Some(b'-' | b'/'), Some(c)) if c.is_ascii_alphanumeric())
}

fn check_dashed(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    // Not inside a longer hyphenated word or code.
    if runs_on(t, m.end) {
        return None;
    }
    // `XX-999-X`, `XX-99-99`: a form's example of the shape, no vehicle's plate.
    if is_placeholder(&t.bytes[m.clone()]) {
        return None;
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
    // (`auto` as a word of its own: not in `automaat-ID`.)
    let labelled = t.before_has_word(m.start, 40, &["kenteken", "voertuig", "auto", "license plate"]);
    if !labelled && !issued_letters(&t.bytes[m.clone()]) {
        return None;
    }
    Some(Hit::new(m, if labelled { 0.95 } else { 0.85 }))
}

/// Whether a dashed plate's letters are ones the RDW issues in its sidecode: since sidecode 4
/// (1978) no vowels (but an `O` first, a trailer's, and `AA` first, the royal house's), no `C` or
/// `Q`; sidecodes 1–3 (`XX-99-99`, `99-99-XX`, `99-XX-99`) used all letters. (`SD-OV-01` is a
/// pool card's code.)
fn issued_letters(raw: &[u8]) -> bool {
    let shape: Vec<bool> = raw.iter().filter(|c| **c != b'-').map(u8::is_ascii_alphabetic).collect();
    let group_of_two_letters_first = raw.len() == 8 && raw[2] == b'-' && raw[5] == b'-';
    let old_sidecode = group_of_two_letters_first
        && matches!(
            shape.as_slice(),
            [true, true, false, false, false, false] | [false, false, false, false, true, true] | [false, false, true, true, false, false]
        );
    if old_sidecode {
        return true;
    }
    let royal = raw.starts_with(b"AA");
    raw.iter().enumerate().filter(|(_, c)| c.is_ascii_alphabetic()).all(|(i, &c)| match c.to_ascii_uppercase() {
        b'E' | b'I' | b'U' | b'C' | b'Q' => false,
        b'A' => royal && i < 2,
        b'O' => i == 0,
        _ => true,
    })
}

/// Whether every letter of the plate is `X` and every digit `9` or every digit `0`: the shape
/// written out as an example (`XX-999-X`, `XX-00-00`).
fn is_placeholder(raw: &[u8]) -> bool {
    let mut digits = raw.iter().filter(|c| c.is_ascii_digit());
    let first = digits.next();
    raw.iter().filter(|c| c.is_ascii_alphabetic()).all(|&c| c == b'X')
        && matches!(first, Some(b'9' | b'0'))
        && digits.all(|d| Some(d) == first)
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
    #[test]
    fn letters_the_rdw_does_not_issue() {
        use crate::test_support::found;
        use crate::EntityType::LicensePlate;
        // A pool card's code with a vowel where no plate since 1978 has one.
        assert!(found("- 15-07-2024, SD-OV-04, 100,00 EUR, automaat-ID 783944", LicensePlate).is_empty());
        assert!(found("Locatie RE-CU-12 in het magazijn", LicensePlate).is_empty());
        // Issued letters, an old sidecode with vowels, a trailer's O, the royal AA; any letters
        // after the word kenteken.
        assert_eq!(found("Het voertuig GZ-123-T stond fout.", LicensePlate), ["GZ-123-T"]);
        assert_eq!(found("oldtimer AU-12-34 uit 1962", LicensePlate), ["AU-12-34"]);
        assert_eq!(found("oplegger OX-12-BT op de kade", LicensePlate), ["OX-12-BT"]);
        assert_eq!(found("kenteken SD-OV-04", LicensePlate), ["SD-OV-04"]);
    }

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
        // In lower case after the label (chat, sloppy forms).
        assert_eq!(found("mijn kenteken is 553-jt-7. mijn adres", LicensePlate), ["553-jt-7"]);
        assert_eq!(found("kenteken: np-11-48\nmerk", LicensePlate), ["np-11-48"]);
        assert_eq!(found("kenteken 7910xd", LicensePlate), ["7910xd"]);
        assert!(found("kenteken gezien", LicensePlate).is_empty());
        assert!(found("kenteken: covid-19", LicensePlate).is_empty());
        // After a word for the vehicle.
        assert_eq!(found("het voertuig (73-pdn-7) staat op naam van", LicensePlate), ["73-pdn-7"]);
        assert_eq!(found("zet de auto (06-fn-18) steeds op de stoep", LicensePlate), ["06-fn-18"]);
        assert!(found("de autoriteit (ap-12-ab) meldt", LicensePlate).is_empty());
        assert!(found("de auto van covid-19 patienten", LicensePlate).is_empty());
    }

    #[test]
    fn hard_negatives() {
        assert!(found("COVID-19 maatregelen", LicensePlate).is_empty());
        assert!(found("de EU-27 landen", LicensePlate).is_empty());
        assert!(found("AB-12-CD-regeling", LicensePlate).is_empty());
        assert!(found("code 12ABC3 zonder context", LicensePlate).is_empty());
        assert!(found("ab-12-cd", LicensePlate).is_empty());
        // A form's example of the shape.
        assert!(found("met uw kenteken, bijvoorbeeld XX-999-X.", LicensePlate).is_empty());
        assert!(found("kenteken (XX-99-99)", LicensePlate).is_empty());
        assert_eq!(found("kenteken XX-123-X", LicensePlate), ["XX-123-X"]);
    }
}
