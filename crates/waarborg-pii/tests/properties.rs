//! Property tests of the engine's invariants, over generated text:
//!
//! - scanning never panics, and every span sits on char boundaries, in order, without overlap,
//!   with char offsets that agree with its byte offsets;
//! - `Redact` leaves nothing visible of identifiers packed next to each other (Presidio's
//!   anonymiser once replaced only the first of adjacent entities), and a second scan of the
//!   result finds none of them;
//! - pseudonyms are deterministic per key and differ across keys;
//! - `Mask` keeps the char length of every span.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use proptest::sample::select;
use std::sync::LazyLock;
use waarborg_pii::{elfproef, iban_valid, Anonymised, Engine, EntityType, Findings, Operator, PseudonymKey};

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::with_defaults().expect("default engine builds"));

/// Checks every offset invariant of `findings` over `text`.
fn check_findings(text: &str, findings: &Findings) -> Result<(), TestCaseError> {
    let mut prev_end = 0;
    for s in &findings.spans {
        prop_assert!(s.byte_start < s.byte_end, "empty span {s:?}");
        prop_assert!(s.byte_end <= text.len(), "span past the end {s:?}");
        prop_assert!(
            text.is_char_boundary(s.byte_start) && text.is_char_boundary(s.byte_end),
            "{s:?}"
        );
        prop_assert!(
            s.byte_start >= prev_end,
            "spans overlap or are out of order at {s:?}"
        );
        prev_end = s.byte_end;
        prop_assert_eq!(
            s.start,
            text[..s.byte_start].chars().count(),
            "char start of {:?}",
            s
        );
        prop_assert_eq!(s.end, text[..s.byte_end].chars().count(), "char end of {:?}", s);
        prop_assert!(s.score > 0.0 && s.score <= 1.0, "{s:?}");
    }
    let mut prev_start = 0;
    for e in &findings.category_evidence {
        prop_assert!(e.byte_start < e.byte_end && e.byte_end <= text.len(), "{e:?}");
        prop_assert!(
            text.is_char_boundary(e.byte_start) && text.is_char_boundary(e.byte_end),
            "{e:?}"
        );
        prop_assert!(e.byte_start >= prev_start, "evidence out of order at {e:?}");
        prev_start = e.byte_start;
        prop_assert_eq!(
            e.start,
            text[..e.byte_start].chars().count(),
            "char start of {:?}",
            e
        );
        prop_assert_eq!(e.end, text[..e.byte_end].chars().count(), "char end of {:?}", e);
    }
    for c in &findings.categories {
        prop_assert!(
            findings.category_evidence.iter().any(|e| e.category == *c),
            "{c:?} without evidence"
        );
    }
    Ok(())
}

/// Checks that `anon` is `text` with exactly the spans of `findings` replaced.
fn check_anonymised(text: &str, findings: &Findings, anon: &Anonymised) -> Result<(), TestCaseError> {
    prop_assert_eq!(anon.spans.len(), findings.spans.len());
    let mut rebuilt = String::new();
    let mut pos = 0;
    for (r, s) in anon.spans.iter().zip(&findings.spans) {
        prop_assert_eq!(&r.span, s);
        rebuilt.push_str(&text[pos..s.byte_start]);
        rebuilt.push_str(&r.replacement);
        pos = s.byte_end;
    }
    rebuilt.push_str(&text[pos..]);
    prop_assert_eq!(&anon.text, &rebuilt);
    Ok(())
}

/// Characters that make Dutch personal data and its look-alikes: digits, separators, capitals
/// (postcode letters, IBAN banks, initials), e-mail and phone punctuation, and non-ASCII letters
/// (two-, three- and four-byte, one that changes length when lower-cased, and combining marks).
const DUTCH_ISH: &[char] = &[
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '1', '2', '6', '8', ' ', ' ', ' ', '\n', '\t',
    '.', '.', '-', '-', ',', '/', ':', '@', '\'', '+', '(', ')', '€', 'A', 'B', 'N', 'L', 'S', 'D', 'K', 'V',
    'J', 'X', 'a', 'e', 'n', 'l', 'r', 'o', 's', 'v', 'é', 'ë', 'ï', 'ü', 'ĳ', 'Ĳ', 'İ', 'ß', 'ﬁ', '\u{301}',
    '😀', '°',
];

fn dutch_ish_chars() -> impl Strategy<Value = String> {
    prop::collection::vec(select(DUTCH_ISH), 0..160).prop_map(|cs| cs.into_iter().collect())
}

/// Fragments that steer the detectors into their deeper paths (labels, titles, months, names).
const FRAGMENTS: &[&str] = &[
    "BSN",
    "bsn:",
    "IBAN",
    "NL",
    "NL91",
    "ABNA",
    "tel",
    "06",
    "+31",
    "(0)",
    "0031",
    "@",
    ".nl",
    "mail",
    "geboren",
    "geb.",
    "maart",
    "1985",
    "12-03-",
    "Jan",
    "de",
    "van",
    "der",
    "Vries",
    "J.",
    "dhr.",
    "mevr.",
    "straat",
    "laan",
    "12a",
    "3511",
    "AB",
    "Utrecht",
    "ordernummer",
    "nr",
    "€",
    "kenteken",
    "XX-99-XX",
    "192.168.",
    "::1",
    "paspoort",
    "KvK",
    "diabetes",
    "moslim",
    "vakbond",
    "veroordeeld",
    "4111",
    "é",
    "ë",
    "İ",
    "😀",
    " ",
    " ",
    ", ",
    ".",
    "-",
    "\n",
    "123456782",
    "1234.56.782",
    "0412345678",
    // Birth-date blocks and brackets: table cells, bullet lines, `(*`, dotted leaders.
    "|",
    "\t",
    "(*",
    "(",
    ")",
    "Geboortedatum",
    "geboren op:",
    "- ",
    " ........ ",
    "'47",
    "07-06-2005",
    "2024",
];

fn fragments() -> impl Strategy<Value = String> {
    prop::collection::vec(select(FRAGMENTS), 0..40).prop_map(|fs| fs.concat())
}

/// A valid BSN: eight random digits and the check digit that makes the 11-proef hold.
fn bsn() -> impl Strategy<Value = String> {
    (prop::array::uniform8(0u8..10), 0u8..3).prop_filter_map("no check digit fits", |(d, style)| {
        let sum: u32 = d
            .iter()
            .enumerate()
            .map(|(i, &x)| (9 - i as u32) * u32::from(x))
            .sum();
        let check = sum % 11;
        if check == 10 {
            return None;
        }
        let digits: Vec<u8> = d.iter().copied().chain([check as u8]).map(|x| b'0' + x).collect();
        if !elfproef(&digits) {
            return None;
        }
        // (Without a label, a number that starts with a year from 1980 and a month reads as a
        // document-management number, `202211873`: one BSN in about 1,400; left out here.)
        let year: u32 = digits[..4].iter().fold(0, |v, &c| v * 10 + u32::from(c - b'0'));
        let month = (digits[4] - b'0') * 10 + (digits[5] - b'0');
        if (1980..=2039).contains(&year) && (1..=12).contains(&month) {
            return None;
        }
        let plain = String::from_utf8(digits).unwrap();
        Some(match style {
            0 => plain,
            1 => format!("{}.{}.{}", &plain[..4], &plain[4..6], &plain[6..]),
            _ => format!("{} {} {}", &plain[..3], &plain[3..6], &plain[6..]),
        })
    })
}

/// A valid Dutch IBAN: a bank code, ten digits and the mod-97 check digits; compact or in groups
/// of four.
fn iban() -> impl Strategy<Value = String> {
    (
        select(&["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"][..]),
        prop::array::uniform10(0u8..10),
        any::<bool>(),
    )
        .prop_map(|(bank, digits, grouped)| {
            let account: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
            let bban = format!("{bank}{account}");
            // Move "NL00" to the end, letters to numbers, and take the remainder mod 97.
            let rearranged = format!("{bban}NL00");
            let rem = rearranged.chars().fold(0u32, |acc, c| {
                let v = c.to_digit(36).unwrap();
                if v >= 10 {
                    (acc * 100 + v) % 97
                } else {
                    (acc * 10 + v) % 97
                }
            });
            let iban = format!("NL{:02}{bban}", 98 - rem);
            assert!(iban_valid(iban.as_bytes()), "{iban}");
            if grouped {
                iban.as_bytes()
                    .chunks(4)
                    .map(|c| std::str::from_utf8(c).unwrap())
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                iban
            }
        })
}

/// A Dutch mobile number in one of its usual spellings.
fn phone() -> impl Strategy<Value = String> {
    (prop::array::uniform8(0u8..10), 0u8..5).prop_map(|(d, style)| {
        let n: String = d.iter().map(|x| char::from(b'0' + x)).collect();
        match style {
            0 => format!("06-{n}"),
            1 => format!("06 {n}"),
            2 => format!("06{n}"),
            3 => format!("06 {} {}", &n[..4], &n[4..]),
            _ => format!("+31 6 {n}"),
        }
    })
}

/// An e-mail address.
fn email() -> impl Strategy<Value = String> {
    (
        "[a-z]{1,8}",
        select(&["", ".", "_", "-"][..]),
        "[a-z0-9]{0,6}",
        "[a-z]{2,10}",
        select(&["nl", "com", "org", "eu", "be"][..]),
    )
        .prop_map(|(a, sep, b, domain, tld)| {
            let local = if b.is_empty() { a } else { format!("{a}{sep}{b}") };
            format!("{local}@{domain}.{tld}")
        })
}

/// Postcode letter pairs the engine deliberately does not report without a city after them:
/// never issued (SA, SD, SS); abbreviations that follow years and counts (`2023 NL`); units that
/// follow quantities (`2000 MW`, `1024 GB`).
const NOT_POSTCODE_LETTERS: &[&str] = &[
    "SA", "SD", "SS", // never issued
    "EU", "NL", "VS", "UK", "BV", "NV", "KB", "MB", "GB", "TB", "PM", "AM", "OV", "ID", "IT", "HR", "CO",
    "PC", "TV", "AI", // abbreviations
    "MW", "KW", "GW", "TW", "PB", "KM", "CM", "MM", "ML", "CL", "DL", "KG", "MG", "HZ", "PK", "KV",
    "MA", // units
];

fn postcode() -> impl Strategy<Value = String> {
    (1000u32..10000, "[A-Z]{2}", any::<bool>())
        .prop_filter("letters the engine never reports", |(_, letters, _)| {
            !NOT_POSTCODE_LETTERS.contains(&letters.as_str())
        })
        .prop_map(|(n, letters, space)| {
            if space {
                format!("{n} {letters}")
            } else {
                format!("{n}{letters}")
            }
        })
}

fn identifier() -> impl Strategy<Value = (EntityType, String)> {
    prop_oneof![
        bsn().prop_map(|v| (EntityType::Bsn, v)),
        iban().prop_map(|v| (EntityType::Iban, v)),
        phone().prop_map(|v| (EntityType::Phone, v)),
        email().prop_map(|v| (EntityType::Email, v)),
        postcode().prop_map(|v| (EntityType::Postcode, v)),
    ]
}

/// A document with 2–6 identifiers packed together, each pair separated by one space, one comma,
/// a comma and a space, or a newline.
///
/// Two pairs are written with `, ` instead:
/// - a comma right between two digits: `123456782,0612345678` reads as a decimal number in
///   Dutch, and the engine rightly refuses to split it;
/// - a postcode and a space before a digit: for year-like postcodes (1900–2099) the engine takes
///   `2016 EN 2025` for a heading or a range and drops the postcode, by design.
fn packed_document() -> impl Strategy<Value = (String, Vec<(EntityType, String)>)> {
    (
        prop::collection::vec((identifier(), select(&[" ", ",", ", ", "\n"][..])), 2..7),
        select(&["", "Gegevens: ", "Zie ", "Graag wijzigen naar "][..]),
        select(&["", ".", " graag.", "\n"][..]),
    )
        .prop_map(|(items, prefix, suffix)| {
            let mut doc = prefix.to_string();
            for (i, ((t, value), sep)) in items.iter().enumerate() {
                doc.push_str(value);
                if let Some(((_, next), _)) = items.get(i + 1) {
                    let digit_follows = next.starts_with(|c: char| c.is_ascii_digit());
                    let digit_before = value.ends_with(|c: char| c.is_ascii_digit());
                    let sep = match *sep {
                        "," if digit_before && digit_follows => ", ",
                        " " if *t == EntityType::Postcode && digit_follows => ", ",
                        other => other,
                    };
                    doc.push_str(sep);
                }
            }
            doc.push_str(suffix);
            (doc, items.into_iter().map(|(id, _)| id).collect())
        })
}

fn key() -> impl Strategy<Value = PseudonymKey> {
    prop::collection::vec(any::<u8>(), 16..48).prop_map(|b| PseudonymKey::from_bytes(&b).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn scan_never_panics_and_spans_are_sound_on_any_unicode(text in any::<String>()) {
        check_findings(&text, &ENGINE.scan(&text))?;
    }

    #[test]
    fn scan_never_panics_and_spans_are_sound_on_dutch_ish_text(text in dutch_ish_chars()) {
        check_findings(&text, &ENGINE.scan(&text))?;
    }

    #[test]
    fn scan_never_panics_and_spans_are_sound_on_fragment_soup(text in fragments()) {
        let findings = ENGINE.scan(&text);
        check_findings(&text, &findings)?;
        for op in [Operator::Redact, Operator::Mask, Operator::Generalise] {
            check_anonymised(&text, &findings, &op.apply(&text, &findings.spans))?;
        }
    }

    #[test]
    fn redact_leaves_no_packed_identifier_visible((doc, ids) in packed_document()) {
        let findings = ENGINE.scan(&doc);
        check_findings(&doc, &findings)?;
        let anon = ENGINE.anonymise(&doc, &Operator::Redact);
        check_anonymised(&doc, &findings, &anon)?;
        for (t, value) in &ids {
            prop_assert!(
                !anon.text.contains(value.as_str()),
                "{t} {value:?} still visible in {:?} (from {doc:?})", anon.text
            );
            // Nor its digits alone (a partial replacement would leave them).
            let digits: String = value.chars().filter(char::is_ascii_digit).collect();
            if digits.len() >= 8 {
                let visible: String = anon.text.chars().filter(char::is_ascii_digit).collect();
                prop_assert!(!visible.contains(&digits), "{t} digits {digits} visible in {:?}", anon.text);
            }
        }
        let again = ENGINE.scan(&anon.text);
        let leaked: Vec<_> = again
            .spans
            .iter()
            .filter(|s| matches!(s.entity, EntityType::Bsn | EntityType::Iban | EntityType::Email | EntityType::Phone))
            .map(|s| (s.entity, &anon.text[s.byte_start..s.byte_end]))
            .collect();
        prop_assert!(leaked.is_empty(), "re-scan of {:?} finds {leaked:?}", anon.text);
    }

    #[test]
    fn each_packed_identifier_is_found_with_its_own_type((doc, ids) in packed_document()) {
        let findings = ENGINE.scan(&doc);
        for (t, value) in &ids {
            let found = findings.spans.iter().any(|s| s.entity == *t && doc[s.byte_start..s.byte_end] == **value);
            prop_assert!(found, "{t} {value:?} not found as such in {doc:?}: {:?}", findings.spans);
        }
    }

    #[test]
    fn pseudonyms_are_deterministic_per_key_and_differ_across_keys(
        (doc, ids) in packed_document(),
        k1 in key(),
        k2 in key(),
    ) {
        prop_assume!(k1.as_bytes() != k2.as_bytes());
        let a = ENGINE.anonymise(&doc, &Operator::Pseudonymise(k1.clone()));
        let b = ENGINE.anonymise(&doc, &Operator::Pseudonymise(k1.clone()));
        prop_assert_eq!(&a, &b);
        // The same value in another document gets the same pseudonym.
        let other_doc = format!("Ander document. {}", ids[0].1);
        let c = ENGINE.anonymise(&other_doc, &Operator::Pseudonymise(k1.clone()));
        if let (Some(first_here), Some(first_there)) = (
            a.spans.iter().find(|r| doc[r.span.byte_start..r.span.byte_end] == *ids[0].1),
            c.spans.first(),
        ) {
            prop_assert_eq!(&first_here.replacement, &first_there.replacement);
        }
        let other = ENGINE.anonymise(&doc, &Operator::Pseudonymise(k2));
        prop_assert_eq!(a.spans.len(), other.spans.len());
        for (x, y) in a.spans.iter().zip(&other.spans) {
            prop_assert_ne!(&x.replacement, &y.replacement, "same pseudonym under two keys");
            let label = x.span.entity.pseudonym_label();
            prop_assert!(x.replacement.starts_with(label), "{}", x.replacement);
        }
        for (t, value) in &ids {
            prop_assert!(!a.text.contains(value.as_str()), "{t} {value:?} visible in {:?}", a.text);
        }
    }

    #[test]
    fn mask_keeps_the_char_length_of_every_span(
        text in prop_oneof![dutch_ish_chars(), fragments(), packed_document().prop_map(|(d, _)| d)],
    ) {
        let findings = ENGINE.scan(&text);
        let anon = Operator::Mask.apply(&text, &findings.spans);
        check_anonymised(&text, &findings, &anon)?;
        for r in &anon.spans {
            prop_assert_eq!(r.replacement.chars().count(), r.span.end - r.span.start, "{:?}", r);
        }
        prop_assert_eq!(anon.text.chars().count(), text.chars().count());
    }
}

#[test]
fn postcode_letters_are_not_a_number_label() {
    for text in [
        "3511 NR 123456782",
        "3511 NO 0612345678",
        "3511 NR, 1234.56.782",
        "1000 FL 000000012",
    ] {
        let types = ENGINE.scan(text).entity_types();
        assert!(
            types.contains(&EntityType::Bsn) || types.contains(&EntityType::Phone),
            "{text}: {types:?}"
        );
    }
}

#[test]
fn non_personal_number_labels_are_matched_as_whole_words() {
    for text in ["mail a@btw.nl 123456782", "Dhr. Ursinus 123456782"] {
        let types = ENGINE.scan(text).entity_types();
        assert!(types.contains(&EntityType::Bsn), "{text}: {types:?}");
    }
    // The labels themselves still work.
    assert!(!ENGINE
        .scan("btw 123456782")
        .entity_types()
        .contains(&EntityType::Bsn));
}

#[test]
fn postcode_followed_by_a_number_is_found() {
    for text in [
        "Postcode en huisnummer: 3511 AB 12",
        "1000AA 06-12345678",
        "3511 AB 123456782",
    ] {
        let types = ENGINE.scan(text).entity_types();
        assert!(types.contains(&EntityType::Postcode), "{text}: {types:?}");
    }
}
