//! POSTCODE — Dutch postcodes.
//!
//! **What it finds:** four digits (not starting with 0) and two capital letters, with or without
//! a space (`1234 AB`, `1234AB`); the letter pairs SA, SD and SS are never issued.
//!
//! **Why it is personal data:** a six-position postcode covers about twenty addresses; with a
//! house number or a birth date it singles out a household.
//!
//! **Hard negatives:** a year before a capitalised abbreviation (`2024 EU-breed`, `2023 NL`).

use super::labelled::{Gap, LabelRule};
use super::{Hit, PatternRule};
use crate::entity::EntityType;
use crate::text::Text;
use std::ops::Range;

pub(crate) const RULES: &[PatternRule] = &[
    PatternRule {
        entity: EntityType::Postcode,
        name: "postcode",
        pattern: r"(?-u:\b)[1-9][0-9]{3} ?[A-Z]{2}(?-u:\b)",
        check,
    },
    PatternRule {
        entity: EntityType::Postcode,
        name: "postcode_lower_case",
        pattern: r"(?:, |\n|\()[1-9][0-9]{3} ?[a-z]{2}(?-u:\b)",
        check: check_lower_case,
    },
];

/// `postcode 3511ab`, `Postcode: 3511 ab`: in lower case after its label (a chat message, a
/// sloppy form), where `2024 de` cannot be meant.
pub(crate) const LABEL_RULES: &[LabelRule] = &[LabelRule {
    labels: &[
        "postcode", "post code", "zip code", "zipcode", "postcode en woonplaats", "postcode en plaats",
        "postcode/woonplaats", "postcode/plaats", "postcode + woonplaats",
    ],
    gap: Gap::Only(" :", 4),
    max_value: 7,
    rule: PatternRule {
        entity: EntityType::Postcode,
        name: "postcode_labelled_lower_case",
        pattern: r"[1-9][0-9]{3} ?[a-z]{2}(?-u:\b)",
        check: check_labelled_lower_case,
    },
    before: None,
    lists: false,
    blocks: false,
}];

/// SA, SD and SS: letter pairs never issued, in either case.
fn never_issued(letters: &[u8]) -> bool {
    [b"sa", b"sd", b"ss"].iter().any(|p| letters.eq_ignore_ascii_case(*p))
}

/// Two-letter Dutch words that follow a number more often than a postcode's letters do.
const TWO_LETTER_WORDS: &[&[u8; 2]] = &[b"de", b"en", b"in", b"op", b"te", b"is", b"om", b"of", b"er", b"je", b"we", b"ze"];

/// Whether the two letters at `letters` are a Dutch word in lower case after a space (`2024 de
/// gemeente`, `1500 en meer`) rather than a postcode's letters written carelessly.
fn reads_as_word(b: &[u8], letters: usize) -> bool {
    letters > 0
        && b[letters - 1] == b' '
        && b.get(letters..letters + 2).is_some_and(|pair| TWO_LETTER_WORDS.iter().any(|w| w[..] == *pair))
}

/// A postcode in either case right after the house number that ends at `end`, after a space or
/// a comma and a space (`kastanjelaan 4 3701 bc`, `Dorpsweg 45, 1234ab`): its range.
pub(super) fn postcode_after(t: &Text<'_>, mut end: usize) -> Option<Range<usize>> {
    let b = t.bytes;
    // A one-letter addition in lower case, left out of the house number (`kanaalweg 215 a`).
    if b.get(end) == Some(&b' ') && b.get(end + 1).is_some_and(u8::is_ascii_lowercase) && b.get(end + 2) == Some(&b' ') {
        end += 2;
    }
    // `kerkstraat 14 in 5611 gh eindhoven`: `in` before the postcode.
    if b[end..].starts_with(b" in ") {
        end += 3;
    }
    let comma = b.get(end) == Some(&b',');
    let start = end + if comma { 2 } else { 1 };
    if b.get(start - 1) != Some(&b' ') || !matches!(b.get(start), Some(b'1'..=b'9')) {
        return None;
    }
    if !b.get(start + 1..start + 4)?.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let letters = start + 4 + usize::from(b.get(start + 4) == Some(&b' '));
    let pair = b.get(letters..letters + 2)?;
    let same_case = pair.iter().all(u8::is_ascii_lowercase) || pair.iter().all(u8::is_ascii_uppercase);
    (same_case
        && !never_issued(pair)
        && (comma || !reads_as_word(b, letters))
        && t.right_boundary(letters + 2))
    .then_some(start..letters + 2)
}

fn check_labelled_lower_case(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    let m = super::value_from_first_digit(t, m)?;
    if !t.left_boundary(m.start) || !t.right_boundary(m.end) || never_issued(&t.bytes[m.end - 2..m.end]) {
        return None;
    }
    Some(Hit::new(m, 0.9))
}

/// `3818 dx` in a sloppy e-mail: only right after a house number, after a comma or at the
/// start of the next line (`… 88, 3818 dx`, `eikenlaan 77\n2392sz goes`), since `2024 de` and
/// `1500 en` are everywhere.
fn check_lower_case(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    // `in delft (7938 hs)`: alone in brackets, after the place.
    if t.bytes[m.start] == b'(' {
        let letters = &t.bytes[m.end - 2..m.end];
        let alone = t.bytes.get(m.end) == Some(&b')');
        return (alone && !never_issued(letters) && !reads_as_word(t.bytes, m.end - 2)).then(|| Hit::new(m.start + 1..m.end, 0.8));
    }
    let separator = if t.bytes[m.start] == b'\n' { 1 } else { 2 };
    let m = m.start + separator..m.end;
    if !t.right_boundary(m.end) {
        return None;
    }
    let letters = &t.bytes[m.end - 2..m.end];
    // (After a comma and a house number the letters are a postcode's even when they spell a
    // word: `bloemgracht 37, 1497 de emmen`.)
    if never_issued(letters) || (separator == 1 && reads_as_word(t.bytes, m.end - 2)) {
        return None;
    }
    // `De zomers van 2019, 2022 en 2023`: a list of years, not a house number and a postcode.
    let year = |d: &[u8]| d.len() == 4 && matches!(&d[..2], b"19" | b"20");
    let next = t.bytes[m.end..].trim_ascii_start();
    if year(&t.bytes[m.start..m.start + 4]) && next.iter().take(4).filter(|c| c.is_ascii_digit()).count() == 4 {
        return None;
    }
    ends_with_house_number(&t.bytes[..m.start - separator]).then(|| Hit::new(m, 0.8))
}

/// Whether `head` ends with a house number: a digit among its last four bytes (`88`, `12b`,
/// `5-2`), or an addition of up to four letters or digits after a space or a hyphen that follows
/// one (`38 bis`, `30-ii`, `15 3-hoog`).
fn ends_with_house_number(head: &[u8]) -> bool {
    let number_at_end =
        |h: &[u8]| h.last().is_some_and(u8::is_ascii_alphanumeric) && h.iter().rev().take(4).any(u8::is_ascii_digit);
    if number_at_end(head) {
        return true;
    }
    let tail = head.iter().rev().take_while(|c| c.is_ascii_alphanumeric()).count();
    (1..=4).contains(&tail)
        && head.len() > tail + 1
        && matches!(head[head.len() - tail - 1], b' ' | b'-')
        && number_at_end(&head[..head.len() - tail - 1])
}

/// Capitalised two-letter abbreviations that follow years and counts far more often than they
/// end a postcode.
const ABBREVIATIONS: &[&[u8]] = &[
    b"EU", b"NL", b"VS", b"UK", b"BV", b"NV", b"KB", b"MB", b"GB", b"TB", b"PM", b"AM", b"OV",
    b"ID", b"IT", b"HR", b"CO", b"PC", b"TV", b"AI",
];

/// Units that follow quantities in capitals.
const UNITS: &[&[u8]] = &[
    b"MW", b"KW", b"GW", b"TW", b"GB", b"MB", b"KB", b"TB", b"PB", b"KM", b"CM", b"MM", b"ML",
    b"CL", b"DL", b"KG", b"MG", b"HZ", b"PK", b"KV", b"MA",
];

fn check(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    let raw = &t.bytes[m.clone()];
    let letters = &raw[raw.len() - 2..];
    if never_issued(letters) {
        return None;
    }
    if !t.left_boundary(m.start) || !t.right_boundary(m.end) {
        return None;
    }
    // `2024 EU-breed`, `1234-AB`: hyphenated continuations are words, not postcodes.
    if let (Some(b'-'), Some(c)) = t.peek2(m.end) {
        if c.is_ascii_alphanumeric() {
            return None;
        }
    }
    // `2024 EU`, `2023 NL`: a year before an abbreviation. Postcodes in 1900–2099 with these
    // letters exist but are rare next to the years in running text.
    let spaced = raw[4] == b' ';
    let year_like = matches!(&raw[..2], b"19" | b"20");
    if spaced && year_like && ABBREVIATIONS.contains(&letters) {
        return None;
    }
    // A capitalised word after it (the city) or an address before it raises confidence.
    let city_follows = t.bytes.get(m.end) == Some(&b' ') && t.char_at(m.end + 1).is_some_and(char::is_uppercase);
    // (Not a word in capitals that only text in capitals writes so: `SINDS 2021 OP DE
    // SCHIEDAMSEWEG`; `3731 GA DE BILT` is a place, and only a year's context asks.)
    let place_follows = city_follows
        && !{
            let next = &t.bytes[m.end + 1..];
            let word = &next[..next.iter().position(|c| !c.is_ascii_alphabetic()).unwrap_or(next.len())];
            matches!(
                word,
                b"DE" | b"HET" | b"EEN" | b"EN" | b"OP" | b"IN" | b"TE" | b"VAN" | b"IS" | b"WAS" | b"DAT" | b"DIE" | b"MET" | b"VOOR" | b"NAAR" | b"AAN"
            )
        };
    // `2000 MW, genoeg`, `1024 GB werkgeheugen`: a quantity — a lower-case word follows.
    let rest = &t.bytes[m.end..(m.end + 3).min(t.len())];
    let word_follows = matches!(rest, [b' ', c, ..] | [b',', b' ', c] if c.is_ascii_lowercase());
    if UNITS.contains(&letters) && word_follows {
        return None;
    }
    // `sinds 2019 MS`, `in 2021 AI`: a year after a preposition of time, then an
    // abbreviation; a postcode there has its city after it (`in 2011 AB Haarlem`).
    if spaced
        && year_like
        && !place_follows
        && crate::text::ends_with_word(t.bytes[..m.start].trim_ascii_end(), &["sinds", "sedert", "vanaf", "in", "tot", "per", "medio", "eind", "begin"])
    {
        return None;
    }
    // `2016 EN 2025`: a year, then a number: a heading or a range.
    if let (Some(b' '), Some(d)) = t.peek2(m.end) {
        if d.is_ascii_digit() && year_like {
            return None;
        }
    }
    Some(Hit::new(m, if city_follows { 0.95 } else { 0.85 }))
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::Postcode;

    #[test]
    fn postcodes() {
        assert_eq!(found("3511 AB Utrecht", Postcode), ["3511 AB"]);
        assert_eq!(found("postcode 3511AB.", Postcode), ["3511AB"]);
        // In lower case after its label only.
        assert_eq!(found("ik woon in utrecht, postcode 3511ab", Postcode), ["3511ab"]);
        assert_eq!(found("Postcode: 3511 ab", Postcode), ["3511 ab"]);
        assert!(found("in 2024 de gemeente", Postcode).is_empty());
        assert!(found("postcode 3511 ss", Postcode).is_empty());
        assert_eq!(found("postcode en woonplaats: 2756 ab gouda", Postcode), ["2756 ab"]);
        // After a house number: after a comma, on the next line, or right after it.
        assert_eq!(found("mient 91b, 1859ev hilversum", Postcode), ["1859ev"]);
        assert_eq!(found("m. de vries\neikenlaan 77\n2392sz goes", Postcode), ["2392sz"]);
        assert_eq!(found("d. ter horst\nvredenburg 38 bis\n6719 dx amsterdam", Postcode), ["6719 dx"]);
        assert_eq!(found("hoefijzerlaan 30-ii\n9000 na zaandam", Postcode), ["9000 na"]);
        assert_eq!(found("voor mevrouw de jong, kastanjelaan 4 3701 bc zeist", Postcode), ["3701 bc"]);
        assert_eq!(found("ze woont op de kerkstraat 14 in 5611 gh eindhoven", Postcode), ["5611 gh"]);
        // (Not a number and a word after `in` elsewhere: `in 2024 de`.)
        assert!(found("besproken in 2024 de nieuwe regels", Postcode).is_empty());
        assert_eq!(found("changed address to kanaalweg 215 a 1506 jt", Postcode), ["1506 jt"]);
        assert!(found("het werden er 12\n2024 de gemeente", Postcode).is_empty());
        assert!(found("de kerkstraat 45 2024 de gemeente", Postcode).is_empty());
        assert!(found("eikenlaan 77\n2024 is voorbij", Postcode).is_empty());
        assert!(found("in 2024\n1500 en meer", Postcode).is_empty());
        assert_eq!(found("ik woon op bloemgracht 37, 1497 de emmen", Postcode), ["1497 de"]);
        assert!(found("zie bijlage a\n1000 kg", Postcode).is_empty());
        assert_eq!(found("hij woont op mient 23 in delft (7938 hs). er is", Postcode), ["7938 hs"]);
        assert!(found("de kosten (1500 en meer) zijn hoog", Postcode).is_empty());
        assert!(found("zie (2024 ab-test)", Postcode).is_empty());
    }

    #[test]
    fn hard_negatives() {
        assert!(found("sinds 2024 EU-breed", Postcode).is_empty());
        assert!(found("in 2023 NL en BE", Postcode).is_empty());
        assert!(found("0123 AB", Postcode).is_empty());
        assert!(found("1234 SS", Postcode).is_empty());
        assert!(found("1234 ABC", Postcode).is_empty());
        assert!(found("12345 AB", Postcode).is_empty());
        assert!(found("levert circa 2000 MW, genoeg", Postcode).is_empty());
        assert!(found("over 1024 GB werkgeheugen", Postcode).is_empty());
        assert!(found("DE PERIODE 2016 EN 2025", Postcode).is_empty());
        assert_eq!(found("1024 GB Amsterdam", Postcode), ["1024 GB"]);
        assert!(found("ik heb sinds 2019 MS.", Postcode).is_empty());
        assert!(found("IK WOON SINDS 2021 OP DE SCHIEDAMSEWEG.", Postcode).is_empty());
        assert!(found("De zomers van 2019, 2022 en 2023 waren heet.", Postcode).is_empty());
        assert_eq!(found("sinds 2021 woont ze op 2021 AB Haarlem", Postcode), ["2021 AB"]);
        assert!(found("vanaf 2026 KW-uren", Postcode).is_empty());
        assert_eq!(found("verhuisd in 2011 AB Haarlem", Postcode), ["2011 AB"]);
        assert_eq!(found("Kerkstraat 1, 2019 MS Haarlem", Postcode), ["2019 MS"]);
    }
}
