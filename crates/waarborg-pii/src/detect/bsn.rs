//! BSN — burgerservicenummer.
//!
//! **What it finds:** nine digits, plain (`123456782`), dotted 4-2-3 (`1234.56.782`) or grouped
//! 3-3-3 with spaces or dots (`123 456 782`), whose 11-proef holds; after a BSN label also 4-2-3
//! with spaces or dashes (`BSN: 1234 56 782`, `1234-56-782`) and 3-3-3 with dashes
//! (`bsn: 123-456-782`).
//!
//! **Why it is personal data:** the BSN identifies one resident for life and unlocks every
//! government file about them; the AVG (UAVG art. 46) allows its use only where a law says so.
//!
//! **Hard negatives:** nine-digit order, case and invoice numbers (they rarely pass the 11-proef,
//! and when one does its label says what it is), amounts such as `€ 123.456.782` (3-3-3 with dots
//! is a thousands separator unless a BSN label stands before it).

use super::{looks_like_amount, Hit, PatternRule};
use crate::checksum::elfproef;
use crate::entity::EntityType;
use crate::text::{digits_of, Text};
use std::ops::Range;

pub(crate) const RULES: &[PatternRule] = &[PatternRule {
    entity: EntityType::Bsn,
    name: "bsn",
    // (After a label also 2-2-2-3 and 3-2-4 with spaces, and the nine digits glued to `bsn`.)
    pattern: r"(?-u:\b)(?:[0-9]{9}|[0-9]{4}[. -][0-9]{2}[. -][0-9]{3}|[0-9]{3}[ .-][0-9]{3}[ .-][0-9]{3}|[0-9]{2} [0-9]{2} [0-9]{2} [0-9]{3}|[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{3}|[0-9]{3} [0-9]{2} [0-9]{4}|(?i:bsn)[0-9]{9})(?-u:\b)",
    check,
}];

const BSN_LABELS: &[&str] = &[
    "bsn",
    "burgerservicenummer",
    "burgerservice nummer",
    "sofinummer",
    "sofi-nummer",
    "sofi",
    "citizen service number",
    "persoonsnummer",
];

/// Labels of other 9-digit numbers, searched in the whole window before the number (a word or
/// two may stand between: `ordernummer webshop 642173564`).
const LONG_NON_PERSONAL_LABELS: &[&str] = &[
    "rsin", "ordernummer", "bestelnummer", "factuurnummer", "zaaknummer", "dossiernummer",
    "klantnummer", "polisnummer", "referentienummer", "vestigingsnummer", "btw", "contractnummer",
    "artikelnummer", "relatienummer", "registratienummer", "aanvraagnummer", "meldingsnummer",
    "debiteurnummer", "crediteurnummer", "dms", "corsa", "corsanummer",
    // Lists of them (`Dossiernummers 100346005, 288715950 en …`).
    "dossiernummers", "zaaknummers", "factuurnummers", "ordernummers", "kenmerken", "registratienummers",
];

/// Whether `m` fills a field of a `,`-separated row (`Jan Jansen,01-02-1990,123456782`,
/// `Jan Jansen,123456782,01-02-1990`) next to a field that is a date or holds a letter: there
/// the commas around the number separate fields. Between numbers they may be decimal commas
/// (`52,123456782,4`).
fn csv_field(b: &[u8], m: Range<usize>) -> bool {
    let before_sep = m.start > 0 && b[m.start - 1] == b',';
    let after_sep = b.get(m.end) == Some(&b',');
    let starts_field = m.start == 0 || matches!(b[m.start - 1], b',' | b'\n');
    let ends_field = matches!(b.get(m.end), None | Some(b',' | b'\n' | b'\r'));
    if !(starts_field && ends_field && (before_sep || after_sep)) {
        return false;
    }
    let textual = |field: &[u8]| {
        field.iter().any(u8::is_ascii_alphabetic)
            || (field.len() == 10
                && field.iter().all(|&c| c.is_ascii_digit() || c == b'-' || c == b'/')
                && field.iter().filter(|&&c| c == b'-' || c == b'/').count() == 2)
    };
    let before = before_sep.then(|| {
        let end = m.start - 1;
        let start = b[..end].iter().rposition(|&c| matches!(c, b',' | b'\n')).map_or(0, |p| p + 1);
        &b[start..end]
    });
    let after = after_sep.then(|| {
        let start = m.end + 1;
        let end = b[start..].iter().position(|&c| matches!(c, b',' | b'\n' | b'\r')).map_or(b.len(), |p| start + p);
        &b[start..end]
    });
    before.is_some_and(textual) || after.is_some_and(textual) || in_bsn_column(b, m.start)
}

/// Whether the field starting at `start` lies in the column that the text's first line (a
/// `,`-separated header) names `bsn` or `burgerservicenummer`: `naam,leeftijd,bsn\nJan,17,…`.
fn in_bsn_column(b: &[u8], start: usize) -> bool {
    // (A header of at most 4 KB, a row of at most 4 KB: longer lines are read as no table's, so
    // a text of one long line costs no pass over it per number.)
    let Some(header_end) = memchr::memchr(b'\n', &b[..b.len().min(4096)]) else {
        return false;
    };
    if start <= header_end {
        return false;
    }
    let Some(line_start) = crate::text::line_start_within(b, start, 4096) else {
        return false;
    };
    let column = b[line_start..start].iter().filter(|&&c| c == b',').count();
    let header = b[..header_end].strip_suffix(b"\r").unwrap_or(&b[..header_end]);
    header.split(|&c| c == b',').nth(column).is_some_and(|name| {
        let name = name.trim_ascii();
        let name = name.strip_prefix(b"\"").and_then(|n| n.strip_suffix(b"\"")).unwrap_or(name);
        name.eq_ignore_ascii_case(b"bsn") || name.eq_ignore_ascii_case(b"burgerservicenummer")
    })
}

/// Nouns that a quantity counts, after a number whose spaces group thousands.
const COUNTED_NOUNS: &[&str] = &[
    "eenheden", "totaal", "inwoners", "huishoudens", "personen", "mensen", "stuks", "euro", "kilometer", "km", "m2",
    "m3", "ton", "liter", "kg", "bezoekers", "deelnemers", "leden", "woningen", "banen", "uur", "dagen", "jaar",
    "keer", "exemplaren", "vragen", "meldingen", "aanvragen", "transacties", "berichten", "records", "regels",
];

/// Whether a counted noun follows `end` after one space.
fn counted_noun_after(b: &[u8], end: usize) -> bool {
    if b.get(end) != Some(&b' ') {
        return false;
    }
    let start = end + 1;
    let word_end = b[start..].iter().position(|c| !c.is_ascii_alphanumeric()).map_or(b.len(), |p| start + p);
    let word = &b[start..word_end];
    // A word of its own: not the start of an address (`kg@aa.nl`) or a name (`uur.nl`).
    let own_word = match b.get(word_end) {
        None => true,
        Some(b'@' | b'_' | b'/' | b'-') => false,
        Some(b'.') => !b.get(word_end + 1).is_some_and(u8::is_ascii_alphanumeric),
        Some(_) => true,
    };
    own_word && COUNTED_NOUNS.iter().any(|n| n.as_bytes() == word)
}

/// What the header of a table column holding a number says it is.
#[derive(Clone, Copy, PartialEq)]
enum Column {
    Bsn,
    OtherNumber,
}

/// The kind of the table column whose cell is `m`, when its header names a BSN or another
/// number (`Doc.nr.`, `Zaaknummer`, `Kenmerk`, `ID`).
fn column_kind(t: &Text<'_>, m: Range<usize>) -> Option<Column> {
    let header = super::cell_header(t, m)?;
    if BSN_LABELS.iter().any(|l| header.contains(l)) || header.contains("burgerservice") {
        return Some(Column::Bsn);
    }
    // (`ID`, `Identificatienummer`, `Persoonsnummer` may head a BSN column too.)
    if header == "id" || header.contains("identificatie") {
        return None;
    }
    super::names_another_number(&header).then_some(Column::OtherNumber)
}

/// `202211873`, `2022.06.403`: a document-management or registration number that starts with
/// the year and month it was made (Corsa, DMS). Without a BSN label such a number is read as
/// one of those; about one BSN in 1,400 starts so.
fn dated_registration_number(digits: &[u8]) -> bool {
    let value = |range: Range<usize>| digits[range].iter().fold(0u32, |v, &d| v * 10 + u32::from(d - b'0'));
    let (year, month) = (value(0..4), value(4..6));
    (1980..=2039).contains(&year) && (1..=12).contains(&month)
}

fn check(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    if !t.left_boundary(m.start) || !t.right_boundary(m.end) {
        return None;
    }
    // `bsn123456782`: the label glued to the number, which alone is the value.
    let glued = t.bytes[m.start].is_ascii_alphabetic();
    let m = if glued { m.start + 3..m.end } else { m };
    let raw = &t.bytes[m.clone()];
    let (buf, n) = digits_of(raw)?;
    if n != 9 || !elfproef(&buf[..n]) {
        return None;
    }
    if glued {
        return Some(Hit::new(m, 0.95));
    }
    // `SC-173374827`, `INC-524675363`: the number part of a code with letters and a hyphen.
    if m.start >= 2 && t.bytes[m.start - 1] == b'-' && t.bytes[m.start - 2].is_ascii_alphabetic() && !t.before_has(m.start, 40, BSN_LABELS) {
        return None;
    }
    // Part of a longer dotted/dashed number (`1.123.456.782`, `123456782-01`)? Not a field of
    // a `,`-separated export (see `csv_field`).
    if matches!(t.char_before(m.start), Some('.' | ',' | '-' | '/'))
        && t.bytes[..m.start]
            .iter()
            .rev()
            .nth(1)
            .is_some_and(u8::is_ascii_digit)
        && !csv_field(t.bytes, m.clone())
    {
        return None;
    }
    if let (Some(b'.' | b',' | b'-' | b'/'), Some(d)) = t.peek2(m.end) {
        if d.is_ascii_digit() && !csv_field(t.bytes, m.clone()) {
            return None;
        }
    }
    // A table's column headed `BSN` labels its cells; one headed by another number's label
    // (`| Doc.nr. |`, `| Zaaknummer |`) says what they are instead.
    let header = column_kind(t, m.clone());
    let labelled = header == Some(Column::Bsn) || t.before_has(m.start, 40, BSN_LABELS);
    if !labelled && (header == Some(Column::OtherNumber) || dated_registration_number(&buf[..n])) {
        return None;
    }
    let separators: Vec<u8> = raw.iter().copied().filter(|c| !c.is_ascii_digit()).collect();
    let mixed = separators.windows(2).any(|w| w[0] != w[1]);
    if mixed {
        return None;
    }
    let thousands_style = separators.len() == 2 && separators[0] == b'.' && raw[3] == b'.';
    // 4-2-3 with spaces or dashes is how some copy the dotted form, and 2-2-2-3 (with spaces or
    // dots) and 3-2-4 how some read a number out; only after a label.
    let copied_4_2_3 = matches!(raw[4], b' ' | b'-');
    // 3-3-3 with dashes (`bsn: 123-456-782`), also only after a label.
    let dashed_3_3_3 = raw[3] == b'-';
    let read_out = matches!(raw[2], b' ' | b'.') || (raw[3] == b' ' && raw.get(6) == Some(&b' '));
    // 3-3-3 with spaces before a counted noun is a quantity (`812 345 678 eenheden`).
    let quantity = raw[3] == b' ' && counted_noun_after(t.bytes, m.end);
    if (thousands_style || copied_4_2_3 || dashed_3_3_3 || read_out || quantity || looks_like_amount(t, m.start, m.end)) && !labelled {
        return None;
    }
    if super::format_example_before(t, m.start) {
        return None;
    }
    if !labelled
        && (super::non_personal_label_before(t, m.start)
            || t.before_has_word(m.start, 32, LONG_NON_PERSONAL_LABELS)
            || super::another_things_number_or_kind_before(t, m.start)
            || super::example_of_another_number_before(t, m.start)
            || super::in_parenthesis_after_non_personal_label(t, m.start)
            || filed_under(t.label_before(m.start, 32))
            || later_in_a_list_of_other_numbers(t, m.start))
    {
        return None;
    }
    Some(Hit::new(m, if labelled { 0.95 } else { 0.75 }))
}

/// Whether the number at `start` continues a list of numbers (`, `, ` en `, ` of `, `; `) whose
/// first stands after another number's label (`Dossiernummers 100346005, 288715950 en
/// 343859579`): the list's label names them all.
fn later_in_a_list_of_other_numbers(t: &Text<'_>, mut start: usize) -> bool {
    let b = t.bytes;
    for _ in 0..8 {
        let head = &b[..start];
        let Some(gap) = [&b", "[..], b" en ", b" of ", b"; ", b", en "].into_iter().find(|g| head.ends_with(g)) else {
            return false;
        };
        let end = start - gap.len();
        let from = b[..end].iter().rposition(|c| !(c.is_ascii_digit() || matches!(c, b'.' | b' '))).map_or(0, |p| p + 1);
        // (The number before, 8 to 12 digits with its separators, trimmed of a space.)
        let from = from + b[from..end].iter().take_while(|&&c| c == b' ').count();
        let digits = b[from..end].iter().filter(|c| c.is_ascii_digit()).count();
        if !(8..=12).contains(&digits) || !b[from].is_ascii_digit() {
            return false;
        }
        if super::non_personal_label_before(t, from) || super::another_things_number_before(t, from) {
            return true;
        }
        start = from;
    }
    false
}

/// Whether `label` (what stands before a number) files a thing under it: `onder` (`ingeschreven
/// onder 406120651`), a bare `nummer` after a verb or preposition (`heeft nummer`, `onder nummer`,
/// `met nummer`), `bijlage`, or another number's label and whose it is (`kenmerk van de
/// accountant`). A person's BSN is named by its own label, never so (none of the
/// sets' or the corpus's BSNs is).
fn filed_under(label: &[u8]) -> bool {
    if crate::text::ends_with_word(label, &["onder", "bijlage", "als bijlage"]) {
        return true;
    }
    // `kenmerk van de accountant 700423503`: another number's label and whose it is.
    let words: Vec<&[u8]> = label.split(|&c| c == b' ').filter(|w| !w.is_empty()).collect();
    if let [.., thing, b"van", b"de" | b"het" | b"den", _] = words.as_slice() {
        if super::label_names_another_number(thing) {
            return true;
        }
    }
    let Some(head) = ["nummer", "nr", "no"].iter().find_map(|w| crate::text::ends_with_word(label, &[w]).then(|| &label[..label.len() - w.len()])) else {
        return false;
    };
    let head = head.trim_ascii_end();
    let head = head.strip_suffix(b" het").or_else(|| head.strip_suffix(b" een")).unwrap_or(head);
    crate::text::ends_with_word(head, &["onder", "heeft", "had", "met", "krijgt", "kreeg", "kregen", "kreeg het", "draagt", "droeg", "onder het"])
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::Bsn;

    /// In a `,`-separated export the commas around a BSN separate fields when a neighbouring
    /// field is a date or text; between numbers they may be decimal commas.
    #[test]
    fn bsn_in_comma_separated_rows() {
        assert_eq!(found("naam,geboortedatum,bsn\nJan Jansen,01-02-1990,123456782", Bsn), ["123456782"]);
        assert_eq!(found("naam,bsn,geboortedatum\nJan Jansen,123456782,01-02-1990", Bsn), ["123456782"]);
        // After a numeric field, in the column the header names.
        assert_eq!(found("naam,leeftijd,bsn\nJan Jansen,17,123456782", Bsn), ["123456782"]);
        assert_eq!(found("id,bsn,score\r\n17,123456782,4\r\n18,111222333,5", Bsn), ["123456782", "111222333"]);
        for text in [
            "lat,lon\n52,123456782,4",
            "Bedrag: 123456782,50 euro",
            "1,123456782",
            "waarde 5,123456782 gemeten",
            // The header names another column.
            "id,waarde,bsn\n17,123456782,4",
            "id,waarde,bsn\n17,4,5\n18,123456782,6",
        ] {
            assert!(found(text, Bsn).is_empty(), "{text}");
        }
    }

    #[test]
    fn numbers_a_thing_is_filed_under() {
        for text in [
            "Een beperking (WKPB) ingeschreven onder 406120651.",
            "Melding bij de leverancier onder nummer 990665963.",
            "Het scanrecord op de aanslag heeft nummer 668967389.",
            "Het proces-verbaal onder 649165354 (stembureaus 1-9).",
            "De foto's zijn vastgelegd als bijlage 238087232.",
            "Dossier 0300449751; kenmerk van de accountant 700423503.",
            "Dossiernummers 100346005, 288715950 en 343859579 zijn in het oude systeem aangemaakt.",
        ] {
            assert!(found(text, Bsn).is_empty(), "{text}");
        }
        assert_eq!(found("Mijn BSN staat onder nummer 123456782 in het register.", Bsn), ["123456782"]);
        assert_eq!(found("Ik heb nummer 123456782 aangevraagd.", Bsn), ["123456782"]);
        // A list whose first number is a person's own.
        assert_eq!(found("BSN's: 123456782 en 111222333.", Bsn), ["123456782", "111222333"]);
        assert_eq!(found("Zaak 2024-17: de BSN's 123456782 en 111222333.", Bsn), ["123456782", "111222333"]);
    }

    #[test]
    fn registration_numbers_and_table_columns() {
        // A number that starts with the year and month it was made: a DMS or Corsa number.
        for text in [
            "| 5   | 2022.06.403 | 05-07-2022 | Collegebesluit |",
            "zoeken op DMS-nummer (9 cijfers, bijv. 202401807)",
            "het Corsa-formaat 2024.05.102",
            "factuur volgt onder debiteurnummer 100441713",
            "zoeken op DMS-nummer (9 cijfers, bijv. 202401807 of 857 623 916)",
        ] {
            assert!(found(text, Bsn).is_empty(), "{text}");
        }
        // After its label it is a BSN all the same.
        assert_eq!(found("BSN: 2022.06.403", Bsn), ["2022.06.403"]);
        // A column headed by another number's label, or by `BSN`.
        let inventory = "| Nr. | Doc.nr.    | Datum      |\n| 1   | 231713757  | 12-01-2021 |\n| 2   | 123456782  | 03-02-2021 |";
        assert!(found(inventory, Bsn).is_empty());
        let clients = "| Naam | BSN | Datum |\n| A. Jansen | 2022.06.403 | 12-01-2021 |\n| B. Smit | 123456782 | 03-02-2021 |";
        assert_eq!(found(clients, Bsn), ["2022.06.403", "123456782"]);
        let invoices = "Boekstuk\tFactuurnr\tFactuurdatum\n24030121\t123456782\t06-03-2024";
        assert!(found(invoices, Bsn).is_empty(), "a column headed Factuurnr");
        let cases = "| Naam | Geboortedatum | Zaaknummer |\n| A. Jansen | 01-02-1990 | 123456782 |";
        assert!(found(cases, Bsn).is_empty(), "a column headed Zaaknummer");
        // Headers that name a BSN, or may.
        let csv = "Naam;Geboortedatum;Burgerservicenr\nJan Jansen;12-03-1980;123456782";
        assert_eq!(found(csv, Bsn), ["123456782"]);
        let ids = "| ID | Naam |\n| 123456782 | Jan Jansen |";
        assert_eq!(found(ids, Bsn), ["123456782"]);
        // A remark in brackets after another number's label is no format.
        assert_eq!(found("Dossiernummer (cliënt A. Jansen, 123456782) is gesloten.", Bsn), ["123456782"]);
        // (A bare `Nummer` says nothing of which number.)
        let numbers = "| Naam | Geboortedatum | Nummer |\n| A. Jansen | 01-02-1990 | 123456782 |";
        assert_eq!(found(numbers, Bsn), ["123456782"]);
        let plain = "| Naam | Geboortedatum | |\n| A. Jansen | 01-02-1990 | 123456782 |";
        assert_eq!(found(plain, Bsn), ["123456782"]);
    }

    #[test]
    fn numbers_read_out_or_glued_after_a_label() {
        for (text, want) in [
            ("Burgerservicenummer (BSN): 12 34 56 782", "12 34 56 782"),
            ("mijn bsn is 123 45 6782", "123 45 6782"),
            ("geboortedatum 23-12-1938, BSN 12.34.56.782", "12.34.56.782"),
            ("mijn bsn is bsn123456782", "123456782"),
            ("BSN123456782.", "123456782"),
        ] {
            assert_eq!(found(text, Bsn), [want], "{text}");
        }
        for text in [
            "BSN: 12 34 56 783",
            "In 12 34 56 782 gevallen",
            "In 12.34.56.782 gevallen",
            "nummer 123 45 6782 zonder label",
            "bsn1234567821",
            "absn123456782",
        ] {
            assert!(found(text, Bsn).is_empty(), "{text}: {:?}", found(text, Bsn));
        }
    }

    #[test]
    fn no_bsn_after_a_compound_that_names_another_number() {
        assert!(found("Serienummer 725763863, type HP EliteBook.", Bsn).is_empty());
        assert!(found("Personeelsnr 123456782", Bsn).is_empty());
        assert!(found("Verzuimregistratie-id's: 244908059", Bsn).is_empty());
        assert!(found("Sessie-ID 162275869 verlopen.", Bsn).is_empty());
        // A label that may name a person's number, a bare `nummer` or `ID`.
        assert_eq!(found("Identificatienummer 123456782", Bsn), ["123456782"]);
        assert_eq!(found("Persoonsnummer: 123456782", Bsn), ["123456782"]);
        assert_eq!(found("zijn nummer 111222333", Bsn), ["111222333"]);
        assert_eq!(found("ID 111222333", Bsn), ["111222333"]);
        // A label's letters in an e-mail address label nothing (found by the property tests).
        assert_eq!(found("dms-0@aa.nl 123456782", Bsn), ["123456782"]);
        assert_eq!(found("dms_0@aa.nl 123456782", Bsn), ["123456782"]);
        // A numbered thing before it, a log's key, a code's number part, an RSIN column.
        assert!(found("onder wijzigingsverzoek 536275877 goedgekeurd", Bsn).is_empty());
        assert!(found("Raamcontract 611764490 loopt tot 2025.", Bsn).is_empty());
        assert!(found("endpoint=/v2/aanslagen batchId=307153083 records=18244", Bsn).is_empty());
        assert!(found("Asset SC-173374827 uitgegeven", Bsn).is_empty());
        assert!(found("Crediteurnr\tNaam\tRSIN\n205654\tGroen B.V.\t465601030", Bsn).is_empty());
        assert_eq!(found("bsn=123456782&x=1", Bsn), ["123456782"]);
        // A numbered thing, then which kind, then its number; not across a person.
        assert!(found("Raamovereenkomst mobiele telefonie 440798115 loopt door.", Bsn).is_empty());
        assert!(found("Raamcontracten: kantoorartikelen 742191564 (tot 2025)", Bsn).is_empty());
        assert_eq!(found("De aanvraag van mevrouw 123456782 is binnen.", Bsn), ["123456782"]);
        // An example of another number's format; a log's session key.
        assert!(found("U krijgt een zaaknummer van negen cijfers, zoals 970 147 247 in dit voorbeeld.", Bsn).is_empty());
        assert!(found("job_id=0612162279 session=123456782 objects=1842", Bsn).is_empty());
        assert_eq!(found("Vul uw burgerservicenummer in, bijvoorbeeld 123456782.", Bsn), ["123456782"]);
        assert_eq!(found("Aanvraag bijstand partner 123456782", Bsn), ["123456782"]);
        assert_eq!(found("Registratie nieuwkomer statushouder 123456782", Bsn), ["123456782"]);
        assert_eq!(found("In de aanvraag staan de gegevens van de partner, zoals 123456782 (BSN).", Bsn), ["123456782"]);
        assert_eq!(found("BSN-123456782", Bsn), ["123456782"]);
    }

    #[test]
    fn finds_valid_bsn_in_all_formats() {
        assert_eq!(found("BSN 123456782.", Bsn), ["123456782"]);
        assert_eq!(found("burgerservicenummer: 1234.56.782", Bsn), ["1234.56.782"]);
        assert_eq!(found("sofinummer 123 456 782 bekend", Bsn), ["123 456 782"]);
        assert_eq!(found("zijn nummer is 111222333", Bsn), ["111222333"]);
        assert_eq!(found("BSN: 123.456.782", Bsn), ["123.456.782"]);
    }

    #[test]
    fn after_a_label_4_2_3_with_spaces_or_dashes() {
        assert_eq!(found("BSN: 1234 56 782", Bsn), ["1234 56 782"]);
        assert_eq!(found("burgerservicenummer 1234-56-782 (zie paspoort)", Bsn), ["1234-56-782"]);
        // Hard negatives: no label, a failing 11-proef, mixed separators.
        assert!(found("In 1234 56 782 gevallen", Bsn).is_empty());
        assert!(found("artikel 1234-56-782", Bsn).is_empty());
        assert!(found("BSN: 1234 56 789", Bsn).is_empty());
        assert!(found("BSN: 1234 56-782", Bsn).is_empty());
    }

    /// Spaces group thousands in a quantity; a BSN label still makes the number a BSN.
    #[test]
    fn quantities_with_spaces_are_no_bsn() {
        assert!(found("Tabel 3: 612 345 678 eenheden, 812 345 678 totaal.", Bsn).is_empty());
        assert!(found("In 2024 waren het 812 345 678 transacties.", Bsn).is_empty());
        assert_eq!(found("Mijn BSN is 812 345 678 totaal niet geheim.", Bsn), ["812 345 678"]);
        assert_eq!(found("Nummer 812 345 678 staat op mijn pas.", Bsn), ["812 345 678"]);
    }

    #[test]
    fn after_a_label_3_3_3_with_dashes() {
        assert_eq!(found("bsn: 123-456-782", Bsn), ["123-456-782"]);
        assert_eq!(found("Burgerservicenummer 123-456-782.", Bsn), ["123-456-782"]);
        // Without a label a dashed number is an order or reference number.
        assert!(found("Referentie 123-456-782", Bsn).is_empty());
        assert!(found("Zie 123-456-782 in het systeem.", Bsn).is_empty());
        assert!(found("bsn: 123-456-789", Bsn).is_empty());
        assert!(found("bsn: 123-456 782", Bsn).is_empty());
    }

    #[test]
    fn hard_negatives() {
        // Fails the 11-proef.
        assert!(found("BSN 123456789", Bsn).is_empty());
        // Passes the 11-proef but is labelled as an order number.
        assert!(found("Ordernummer: 123456782", Bsn).is_empty());
        // Amount with thousands separators.
        assert!(found("een bedrag van € 123.456.782 begroot", Bsn).is_empty());
        assert!(found("totaal 123.456.782 euro", Bsn).is_empty());
        // Part of a longer number.
        assert!(found("1234567823", Bsn).is_empty());
        assert!(found("ref 123456782-01", Bsn).is_empty());
        assert!(found("NL123456782B01", Bsn).is_empty());
        // Mixed separators.
        assert!(found("123 456.782", Bsn).is_empty());
    }
}
