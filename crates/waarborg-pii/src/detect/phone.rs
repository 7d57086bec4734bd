//! PHONE — telephone numbers, Dutch first.
//!
//! **What it finds:** Dutch numbers with ten digits (`06-12345678`, `06 1234 5678`,
//! `010-1234567`, `(020) 123 4567`) and international ones (`+31 6 12345678`,
//! `+31 (0)20 123 4567`, `0031 20 1234567`, `+32 …`); for +31/0031 exactly nine national digits.
//!
//! **Why it is personal data:** a private phone number reaches one person directly.
//!
//! **Hard negatives:** service numbers (0800, 0900, 0906, 0909), dates followed by a time
//! (`06-12-2023 10`), ten-digit case and order numbers with their label.

use super::{Hit, PatternRule};
use crate::entity::EntityType;
use crate::text::{digits_of, Text};
use std::ops::Range;

pub(crate) const RULES: &[PatternRule] = &[
    PatternRule {
        entity: EntityType::Phone,
        name: "phone_nl",
        // (A mobile number is also written with dots in pairs: `06.12.34.56.78`.)
        pattern: r"(?-u:\b)0[1-9](?:(?: - |[ -]|\x{2011}| \x{2013} )?[0-9]){8}(?-u:\b)|(?-u:\b)06(?:\.[0-9]{2}){4}(?-u:\b)|(?-u:\b)06-[0-9]{2}(?:\.[0-9]{2}){3}(?-u:\b)|\(0[1-9][0-9]{0,2}\)[ -]?[0-9](?:[ -]?[0-9]){5,7}(?-u:\b)|\(0\) ?[1-9][0-9]{0,2}[ -]?[0-9](?:[ -]?[0-9]){5,7}(?-u:\b)",
        check: check_national,
    },
    PatternRule {
        entity: EntityType::Phone,
        name: "phone_international",
        pattern: r"(?:\+|(?-u:\b)00)[1-9][0-9]{0,2}[ -]?(?:\(0\)[ -]?)?[0-9](?:(?: - |[ -])?[0-9]){5,12}(?-u:\b)",
        check: check_international,
    },
];

const PHONE_LABELS: &[&str] = &[
    "tel", "mobiel", "gsm", "phone", "bel ", "bellen", "whatsapp", "sms", "fax", "contact", "bereikbaar", "nood",
    "thuisnummer", "doorkies",
];

fn check_national(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    let raw = &t.bytes[m.clone()];
    let (buf, n) = digits_of(raw)?;
    if n != 10 || !national_prefix_ok(&buf[..n]) || !t.left_boundary(m.start) {
        return None;
    }
    if starts_like_date(raw) || after_bank_code(t, m.start) {
        return None;
    }
    // Followed by `.5` or `,5`: a decimal, not a phone number.
    if let (Some(b'.' | b',' | b'-' | b'/'), Some(d)) = t.peek2(m.end) {
        if d.is_ascii_digit() {
            return None;
        }
    }
    // (`Bestelling 0612345678`: an order or parcel label right before the number wins over the
    // `tel` inside it.)
    if crate::text::ends_with_word(t.label_before(m.start, 24), ORDER_LABELS) {
        return None;
    }
    let labelled = t.before_has(m.start, 24, PHONE_LABELS);
    if !labelled
        && (super::non_personal_label_before(t, m.start)
            || super::in_parenthesis_after_non_personal_label(t, m.start)
            // (A phone's word a little further back still names it: `Contactpersoon voor deze
            // aanvraag: 06-…`.)
            || ((super::another_things_number_before(t, m.start)
                || in_another_numbers_column(t, m.clone())
                || super::example_of_another_number_before(t, m.start))
                && !phone_word_before(t, m.start)))
    {
        return None;
    }
    Some(Hit::new(m, if labelled { 0.95 } else { 0.85 }))
}

/// Whether a phone's word stands within 48 bytes before `start`: a long one anywhere in a word
/// (`Belverzoek`, `terugbellen`, `telefonisch`), a short one as a word of its own (`tel.`, `bel`;
/// not `tel` in `uitgesteld` or `hotel`).
fn phone_word_before(t: &Text<'_>, start: usize) -> bool {
    t.before_has(
        start,
        48,
        &["telefo", "mobiel", "mobile", "bellen", "belverzoek", "terugbel", "bereikba", "bereiken", "whatsapp", "contact", "nood", "doorkies", "thuisnummer", "phone"],
    ) || t.before_has_word(start, 48, &["tel", "telnr", "mob", "gsm", "bel", "belt", "sms", "fax"])
}

/// Whether a table column headed by another number's label holds the number (`| Klantnummer
/// provider |`, `| Ticket |`); a header that names a phone (`| Mobiel nummer |`) does not count.
fn in_another_numbers_column(t: &Text<'_>, m: Range<usize>) -> bool {
    super::cell_header(t, m).is_some_and(|h| {
        super::names_another_number(&h) && !super::names_a_persons_number(&h) && !PHONE_LABELS.iter().any(|l| h.contains(l.trim_end()))
    })
}

/// Labels of orders and parcels, some with `tel` inside (`bestelnummer`).
const ORDER_LABELS: &[&str] = &[
    "bestelling", "bestelnummer", "ordernummer", "order", "zending", "zendingnummer", "pakket", "pakketnummer",
    "trackingnummer", "verzendnummer",
];

/// Whether a label for a non-personal number (`Betalingskenmerk:`) stands right before `start`.
fn non_personal_label(t: &Text<'_>, start: usize) -> bool {
    !t.before_has(start, 24, PHONE_LABELS) && super::non_personal_label_before(t, start)
}

fn check_international(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    let raw = &t.bytes[m.clone()];
    let plus = raw[0] == b'+';
    if !plus && !t.left_boundary(m.start) {
        return None;
    }
    if plus && t.char_before(m.start).is_some_and(char::is_alphanumeric) {
        return None;
    }
    if non_personal_label(t, m.start)
        || (!plus && inside_digit_groups(t, m.start))
        || (super::another_things_number_before(t, m.start) && !phone_word_before(t, m.start))
    {
        return None;
    }
    let body = if plus { &raw[1..] } else { &raw[2..] };
    // Drop a `(0)` trunk prefix before counting.
    let (buf, n) = digits_of(body)?;
    let trunk = raw.windows(3).any(|w| w == b"(0)");
    let digits = &buf[..n];
    let national = n.saturating_sub(2) - usize::from(trunk);
    if digits.starts_with(b"31") {
        // Exactly nine national digits: cut the span there if more digits follow.
        if national < 9 {
            return None;
        }
        let end = end_after_digits(raw, if plus { 1 } else { 2 }, 2 + 9 + usize::from(trunk))?;
        let end = m.start + end;
        if !t.right_boundary(end) {
            return None;
        }
        let nat_first = digits[2 + usize::from(trunk)];
        if nat_first == b'0' || matches!(&digits[2 + usize::from(trunk)..], [b'8', b'0', ..] | [b'9', b'0', ..]) {
            return None;
        }
        return Some(Hit::new(m.start..end, 0.9));
    }
    if !(8..=15).contains(&n) {
        return None;
    }
    Some(Hit::new(m, 0.8))
}

/// The offset in `raw` just after the `count`-th digit counted from `from`.
fn end_after_digits(raw: &[u8], from: usize, count: usize) -> Option<usize> {
    let mut seen = 0;
    for (i, c) in raw.iter().enumerate().skip(from) {
        if c.is_ascii_digit() {
            seen += 1;
            if seen == count {
                return Some(i + 1);
            }
        }
    }
    None
}

/// Geographic (01–07), mobile (06) and business/VoIP (084, 085, 087, 088) and M2M-free
/// numbers; not the 0800/090x service numbers.
fn national_prefix_ok(d: &[u8]) -> bool {
    match d[1] {
        // (Mobile numbers are 061–065 and 068, but any 06 number is read as one: a typed number
        // may be off by a digit, and a person's number is better hidden once too often.)
        b'6' => true,
        // A geographic number: the area code (two digits after the 0, or three), then the
        // subscriber's number, which never starts with 0 (`0300457637` is no Utrecht number).
        b'1'..=b'5' | b'7' => {
            let area = if TWO_DIGIT_AREA_CODES.contains(&[d[1], d[2]]) { 3 } else { 4 };
            d[area] != b'0'
        }
        b'8' => matches!(d[2], b'4' | b'5' | b'7' | b'8'),
        _ => false,
    }
}

/// The area codes of two digits (after the 0): the large cities' and regions'; the others have
/// three (`0318`, `0570`).
const TWO_DIGIT_AREA_CODES: &[[u8; 2]] = &[
    *b"10", *b"13", *b"15", *b"20", *b"23", *b"24", *b"26", *b"30", *b"33", *b"35", *b"36", *b"38", *b"40", *b"43",
    *b"45", *b"46", *b"50", *b"53", *b"55", *b"58", *b"70", *b"71", *b"72", *b"73", *b"74", *b"75", *b"76", *b"77",
    *b"78", *b"79",
];

/// `NLxx BANK 0123 4567 89`: the account part of an IBAN example after a four-letter bank code
/// is not a phone number; in lower case (`nlxx bank 0123 …`) only with the country code and
/// check digits before the bank code, since four lower-case letters are any word
/// (`mijn werk 0612345678`).
fn after_bank_code(t: &Text<'_>, start: usize) -> bool {
    group_before(t, start, u8::is_ascii_uppercase)
        || (group_before(t, start, u8::is_ascii_lowercase)
            && start >= 10
            && group_before(t, start - 5, u8::is_ascii_alphanumeric)
            && t.bytes[start - 10..start - 8].iter().all(u8::is_ascii_alphabetic)
            && t.bytes[start - 8..start - 6].iter().all(|&c| c.is_ascii_digit() || c == b'x' || c == b'X'))
}

/// `8084 0099 0622 6939`: a `00…` group inside a longer run of digit groups (a transaction or
/// card-like number) is no international number of its own.
fn inside_digit_groups(t: &Text<'_>, start: usize) -> bool {
    group_before(t, start, u8::is_ascii_digit)
}

/// Whether a word of exactly four bytes of `class` stands one space before `start`.
fn group_before(t: &Text<'_>, start: usize, class: fn(&u8) -> bool) -> bool {
    let head = &t.bytes[..start];
    let n = head.len();
    n >= 5
        && head[n - 1] == b' '
        && head[n - 5..n - 1].iter().all(class)
        && (n == 5 || !head[n - 6].is_ascii_alphanumeric())
}

/// `dd-mm-yyyy` or `dd/mm/yyyy` at the start.
fn starts_like_date(raw: &[u8]) -> bool {
    raw.len() >= 10
        && raw[2] == raw[5]
        && matches!(raw[2], b'-' | b'/' | b'.')
        && raw[..2].iter().chain(&raw[3..5]).chain(&raw[6..10]).all(u8::is_ascii_digit)
        && matches!(&raw[6..8], b"19" | b"20")
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::Phone;

    #[test]
    fn numbers_of_people_after_words_that_look_like_things() {
        assert_eq!(found("Thuisnummer: 020-6231234", Phone), ["020-6231234"]);
        assert_eq!(found("Noodnummer: 06-41234567 (moeder)", Phone), ["06-41234567"]);
        assert_eq!(found("Contactpersoon voor deze aanvraag: 06-41234567", Phone), ["06-41234567"]);
        assert_eq!(found("Ik wacht op een reactie op mijn aanvraag. 06-41234567 is mijn nummer.", Phone), ["06-41234567"]);
        assert_eq!(found("In geval van storing: 06 41234567 (Piet)", Phone), ["06 41234567"]);
        assert_eq!(found("Groet, Varun 06-41234567", Phone), ["06-41234567"]);
        assert_eq!(found("[notify] to=+31641234567 status=DELIVERED", Phone), ["+31641234567"]);
        assert_eq!(found("callback mobile=0641234567", Phone), ["0641234567"]);
        let table = "| Leerling | Noodnummer |\n| Daan Jansen | 0641234567 |";
        assert_eq!(found(table, Phone), ["0641234567"]);
    }

    /// The cases a second review found.
    #[test]
    fn a_persons_number_after_a_thing_and_its_kind_or_an_example() {
        for text in [
            "Registratie huisdier eigenaar 0612345678",
            "Werkorder lekkage: loodgieter 06-12345678 komt morgen.",
            "Aanvraag rolstoel 06-12345678",
            "Bloeddrukmeting thuiszorg 0612345678",
            "Verzoek terugbellen over opdracht schoonmaak 0612345678",
            "Belverzoek afgehandeld, opdracht tuinonderhoud 0612345678",
            "Mevrouw heeft voor de registratie diverse nummers opgegeven, zoals 0612345678 en meer.",
            "Ik heb een aanvraag gedaan en ben te bereiken op nummers, bijvoorbeeld 0612345678.",
            "Opdracht uitgevoerd door Schildersbedrijf De Vries bv. 06-12345678",
            "Chip 06-12345678",
        ] {
            assert_eq!(found(text, Phone).len(), 1, "{text}");
        }
    }

    #[test]
    fn examples_machines_and_registers() {
        assert!(found("Het debiteurnummer heeft tien cijfers, bijvoorbeeld 0601 7775 49; het blijft gelijk.", Phone).is_empty());
        assert!(found("uitgesteld wegens regenwaterafvoer. Werkorder 0610439681.", Phone).is_empty());
        assert!(found("- Automaat 06-95532991 (Marktplein): kaartlezer defect", Phone).is_empty());
        assert!(found("controle via toezichtzaak 0318-245553.", Phone).is_empty());
        assert!(found("Zie memoriaalboeking 0610422773 (naheffing).", Phone).is_empty());
        // A person's number after `bijvoorbeeld` without another number named, or after `tel.`.
        assert_eq!(found("Bel ons, bijvoorbeeld 0612345678 of 030-2861234.", Phone), ["0612345678", "030-2861234"]);
        assert_eq!(found("Uw telefoonnummer, bijvoorbeeld 06-12345678", Phone), ["06-12345678"]);
    }

    #[test]
    fn no_subscriber_number_starts_with_0() {
        // `030` + `0457637`, `020` + `0270372`, `0318` + `012345`: no such numbers.
        assert!(found("GR Reinigingsdienst;48.500;0300457637;verleend", Phone).is_empty());
        assert!(found("Bankboekstukken 0200270372 en 0100787415", Phone).is_empty());
        assert!(found("zaak 0318-012345", Phone).is_empty());
        // Real ones of both lengths of area code.
        assert_eq!(found("Bel 030-2861234 of 0318-466729.", Phone), ["030-2861234", "0318-466729"]);
    }

    #[test]
    fn numbers_of_other_things() {
        // A thing's own number right after it, a log's key, a column headed by another number.
        assert!(found("verwerkt in salarisrun 0617082852 (betaaldatum 25-11)", Phone).is_empty());
        assert!(found("reparatieticket 0610114783.", Phone).is_empty());
        assert!(found("ERROR dms-conn-01 jobId=0652041482 code=E4031", Phone).is_empty());
        assert!(found("Warmtenet: afnamenummer 0020381949, 112 GJ.", Phone).is_empty());
        let table = "| Pool-ID | Klantnummer provider | Status |\n| POOL-01 | 0357556223 | actief |";
        assert!(found(table, Phone).is_empty());
        // Still phones: after a phone's label or key, in a phone column, after a bare word.
        assert_eq!(found("terugbelverzoek, tel. 0612345678", Phone), ["0612345678"]);
        assert_eq!(found("callback?tel=0612345678", Phone), ["0612345678"]);
        let phones = "| Naam | Mobiel nummer |\n| A. Jansen | 0612345678 |";
        assert_eq!(found(phones, Phone), ["0612345678"]);
        assert_eq!(found("Bel mij op 0612345678 na de melding.", Phone), ["0612345678"]);
    }

    #[test]
    fn dutch_formats() {
        for (text, want) in [
            ("bel 06-12345678 svp", "06-12345678"),
            ("mobiel 06 1234 5678", "06 1234 5678"),
            ("tel 0612345678.", "0612345678"),
            ("kantoor 010-1234567", "010-1234567"),
            ("020 123 4567", "020 123 4567"),
            ("(020) 123 4567", "(020) 123 4567"),
            ("+31 6 12345678", "+31 6 12345678"),
            ("+31 (0)20 123 4567", "+31 (0)20 123 4567"),
            ("+31(0)612345678", "+31(0)612345678"),
            ("0031 20 1234567", "0031 20 1234567"),
            ("+31-6-12345678", "+31-6-12345678"),
            ("+32 2 123 45 67", "+32 2 123 45 67"),
            ("tel. 058 - 227 0709", "058 - 227 0709"),
            ("bel (06) 23392298.", "(06) 23392298"),
            // A word processor's non-breaking hyphen, a spaced en dash, dotted pairs after `06-`.
            ("WhatsApp 06\u{2011}12345678", "06\u{2011}12345678"),
            ("bel 020 \u{2013} 123 45 67", "020 \u{2013} 123 45 67"),
            ("tel 06-12.34.56.78", "06-12.34.56.78"),
            // The trunk prefix in brackets, the country code left off.
            ("Telefoon (0) 20 5551234", "(0) 20 5551234"),
            ("Tel. (0)20-5551234", "(0)20-5551234"),
            // A spaced dash after the area code, as in `058 - 227 0709`.
            ("Telefoon: +31 (0) 20 - 123 45 67", "+31 (0) 20 - 123 45 67"),
            ("bel +31 6 - 12345678", "+31 6 - 12345678"),
            ("of (0)6 12345678.", "(0)6 12345678"),
            ("Mobiel: 06.12.34.56.78", "06.12.34.56.78"),
        ] {
            assert_eq!(found(text, Phone), [want], "{text}");
        }
    }

    #[test]
    fn dotted_pairs_only_for_a_whole_mobile_number() {
        for text in ["versie 06.12.34.56.78.90", "06.12.2019", "06.12.34.56", "op 06.12.34.56.7 uur"] {
            assert!(found(text, Phone).is_empty(), "{text}: {:?}", found(text, Phone));
        }
    }

    #[test]
    fn plus31_stops_after_nine_digits() {
        assert_eq!(found("+31 6 12345678 123456782", Phone), ["+31 6 12345678"]);
    }

    #[test]
    fn hard_negatives() {
        assert!(found("bel 0800-1234567", Phone).is_empty(), "0800");
        assert!(found("Bestelling 0612345678 wordt morgen geleverd.", Phone).is_empty(), "order");
        assert!(found("Pakketnummer: 0612345678", Phone).is_empty(), "parcel");
        assert_eq!(found("Vragen over de bestelling? Bel 0612345678.", Phone), ["0612345678"]);
        assert!(found("Het cijfer (0) 20 procent", Phone).is_empty(), "too few digits");
        assert!(found("0900 123 4567", Phone).is_empty(), "0900");
        assert!(found("op 06-12-2023 10:30", Phone).is_empty(), "date and time");
        assert!(found("zaaknummer 0123456789", Phone).is_empty(), "label");
        assert!(found("Procesnummer 0612 3456 78", Phone).is_empty(), "procedure");
        assert!(found("Aanvraagnummer 0612345678", Phone).is_empty(), "application");
        // Examples of a number's format in a parenthesis after its label.
        let format = "een procesnummer van 10 cijfers (bijv. 06-2024-1234 wordt intern geschreven als 0620241234).";
        assert!(found(format, Phone).is_empty(), "{format}");
        assert_eq!(found("mijn dochter (bel 0612345678) komt", Phone), ["0612345678"]);
        assert_eq!(found("Zaak 2024-118 is gesloten (vragen: 0612345678).", Phone), ["0612345678"]);
        assert!(found("Klantnr. 0098234417", Phone).is_empty(), "abbreviated label");
        assert!(found("Betalingskenmerk: 0075691195588350", Phone).is_empty(), "label");
        assert!(found("in de vorm NLxx BANK 0123 4567 89.", Phone).is_empty(), "IBAN example");
        assert!(found("rekeningnummer nlxx bank 0123 4567 89 (voorbeeld)", Phone).is_empty(), "IBAN example");
        assert_eq!(found("bel mijn werk 0201234567", Phone), ["0201234567"]);
        assert_eq!(found("nu even naar werk 0201234567", Phone), ["0201234567"]);
        assert!(found("Transactienummer 8084 0099 0622 6939.", Phone).is_empty(), "digit groups");
        assert!(found("06123456", Phone).is_empty(), "too short");
        assert!(found("061234567890", Phone).is_empty(), "too long");
    }
}
