//! ADDRESS — street name plus house number.
//!
//! **What it finds:** a street whose name ends in a Dutch street word (`…straat`, `…laan`,
//! `…weg`, `…gracht`, `Markt`, …) or a German one (`…straße`, `…platz`, `…gasse`) followed by a house number with its addition (`12a`, `12-2`,
//! `12 bis`, `12 hs`, `12-III`); multi-word names are taken whole (`Johan de Wittlaan`,
//! `Burgemeester de Withstraat`, `Nieuwe Binnenweg`, `Laan van Meerdervoort`).
//!
//! **Why it is personal data:** a home address locates a person and their household.
//!
//! **Hard negatives:** a street without a number is not reported; a sentence-start word before a
//! street (`In de Kerkstraat 5`) is not part of it; streets named after people are addresses,
//! never persons (overlap resolution prefers the address).

use super::labelled::{Gap, LabelRule};
use super::{Hit, PatternRule};
use crate::entity::EntityType;
use crate::lexicon;
use crate::text::Text;
use std::ops::Range;

/// The pattern starts at the street *ending* and is ASCII only (Unicode word classes in the
/// shared automaton cost more than every other detector together); `check` walks back to the
/// start of the street name.
pub(crate) const RULES: &[PatternRule] = &[PatternRule {
    entity: EntityType::Address,
    name: "address",
    pattern: r"(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|steeg|markt|pad|wal|burgwal|plantsoen|boulevard|allee|hof|park|baan|ring|kanaal|vliet|erf|hoven|kwartier|passage|promenade|oord|zijde|haven|plaats|weide|wetering|straße|strasse|platz|gasse|Straat|Laan|Weg|Plein|Gracht|Kade|Singel|Dijk|Dreef|Steeg|Markt|Pad|Wal|Burgwal|Plantsoen|Boulevard|Hof|Park|Dam|Ring|Haven|Kanaal(?: Noord| Zuid| Oost| West)?) [1-9][0-9]{0,3}",
    check,
}];

/// Words that begin multi-word street names and are capitalised there.
const STREET_PREFIXES: &[&str] = &[
    "nieuwe", "oude", "lange", "korte", "eerste", "tweede", "derde", "vierde", "hoge", "lage",
    "grote", "kleine", "sint", "st.", "burgemeester", "burg.", "prins", "prinses", "koning",
    "koningin", "dokter", "dr.", "professor", "prof.", "generaal", "graaf", "gravin", "hertog",
    "president", "pastoor", "kapelaan", "kardinaal", "admiraal", "kapitein", "luitenant",
    "jonkheer", "mr.", "ir.", "van", "de", "den", "der", "ter", "ten", "noordelijke",
    "zuidelijke", "oostelijke", "westelijke", "noorder", "zuider", "ooster", "wester", "achter",
    "voor", "binnen", "buiten", "hooge", "oud",
];

pub(crate) const LABEL_RULES: &[LabelRule] = &[
    LabelRule {
        labels: &[
            "laan van", "laan der", "laan op", "laan in", "laan naar", "laan over", "weg van",
            "weg naar", "weg der", "plein van", "kade van", "dreef van", "park van", "singel van",
            "hof van", "straat van", "burgwal van", "gracht van", "laan tussen", "weg achter",
        ],
        gap: Gap::Only(" dehnrt'", 6),
        max_value: 60,
        rule: PatternRule {
            entity: EntityType::Address,
            name: "address_laan_van",
            pattern: r"\p{Lu}[\p{L}'’\-]*(?: \p{Lu}[\p{L}'’\-]*)? [1-9][0-9]{0,3}",
            check: check_laan_van,
        },
        before: None,
        lists: false,
        blocks: false,
    },
    LabelRule {
    labels: &[
        "wonende", "woonachtig", "woont", "wonen", "woon", "adres", "verblijfadres",
        "verblijfsadres", "woonadres", "huisnummer",
        // Where a police or BOA report places an event (`ter hoogte van Brink 56`, `Locatie:
        // Grootzand 14`).
        "ter hoogte van", "t.h.v.", "locatie", "pleeglocatie", "plaats delict",
    ],
    gap: Gap::Only("abcdefghijklmnopqrstuvwxyz :", 12),
    max_value: 80,
    rule: PatternRule {
        entity: EntityType::Address,
        name: "address_after_living",
        // (Particles between the capitalised words: `Rue de la Loi 16`, `Plein van de Republiek 3`.)
        pattern: r"\p{Lu}[\p{L}'’.\-]*(?: (?:\p{Lu}[\p{L}'’.\-]*|de|la|le|du|des|van|der|den|het|'t|ten|ter)){0,4} [1-9][0-9]{0,3}",
        check: check_after_living,
    },
    before: None,
    lists: false,
    blocks: false,
},
    LOWER_CASE_AFTER_LABEL,
    ENGLISH_NUMBER_FIRST,
    FRENCH_NUMBER_FIRST,
];

/// `14 Rue de la Paix`, `3, rue du Lac`, `27 boulevard Saint-Michel`: the house number before
/// the street word in French; found from the street word (a keyword), the value is the number
/// before it and the check reads the street's name after it.
const FRENCH_NUMBER_FIRST: LabelRule = LabelRule {
    labels: FRENCH_STREET_WORDS,
    gap: Gap::Only("", 0),
    max_value: 8,
    rule: PatternRule {
        entity: EntityType::Address,
        name: "address_number_first",
        pattern: r"[1-9][0-9]{0,3}[A-Za-z]?,? ",
        check: check_french_number_first,
    },
    before: Some(Gap::Only("", 0)),
    lists: false,
    blocks: false,
};

/// French street words that follow the house number (lower case; matched in either case).
const FRENCH_STREET_WORDS: &[&str] = &["rue", "boulevard", "chemin", "allée", "impasse", "quai"];

/// The number (`14 `, `3, `) runs on through the street word and the street's name: particles
/// (`de la`, `du`, `des`, `l'`) and capitalised words, up to the last capitalised one. Not a
/// year, not inside a longer number, not without a capitalised name (`2 rue`).
fn check_french_number_first(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    let b = t.bytes;
    if !leads_with_house_number(t, m.start, b".,-/:") {
        return None;
    }
    let word_at = |from: usize| {
        t.str[from..].char_indices().find(|&(_, c)| !(c.is_alphabetic() || c == '-')).map_or(t.len(), |(k, _)| from + k)
    };
    let street_end = word_at(m.end);
    if !FRENCH_STREET_WORDS.iter().any(|w| w.eq_ignore_ascii_case(&t.str[m.end..street_end])) {
        return None;
    }
    let mut end = None;
    let mut p = street_end;
    for _ in 0..6 {
        if b.get(p) != Some(&b' ') {
            break;
        }
        let from = p + 1;
        // `l'Église`, `d'Alsace`: the elided article and the name are one word.
        let from_name = if matches!(b.get(from..from + 2), Some([b'l' | b'd', b'\''])) { from + 2 } else { from };
        let stop = word_at(from_name);
        let word = &t.str[from..stop];
        if t.char_at(from_name).is_some_and(char::is_uppercase) && stop > from_name + 1 {
            end = Some(stop);
        } else if !matches!(word, "de" | "du" | "des" | "la" | "le" | "les" | "aux") {
            break;
        }
        p = stop;
    }
    Some(Hit::new(m.start..end?, 0.85))
}

/// `12 Baker Street`, `221B Baker Street`, `1600 Pennsylvania Avenue`: the house number before
/// the street in English; found from the street word (a keyword, so text without one pays
/// nothing), with the number and up to three capitalised words right before it.
const ENGLISH_NUMBER_FIRST: LabelRule = LabelRule {
    labels: &["street", "road", "avenue", "lane", "drive", "square", "crescent", "terrace"],
    gap: Gap::Only("", 0),
    max_value: 48,
    rule: PatternRule {
        entity: EntityType::Address,
        name: "address_number_first",
        pattern: r"[1-9][0-9]{0,4}[A-Za-z]? (?:\p{Lu}[\p{L}'’.\-]* ){1,3}",
        check: check_number_first,
    },
    before: Some(Gap::Only("", 0)),
    lists: false,
    blocks: false,
};

/// The value (`12 Baker `) runs on through the capitalised street word after it; not a year
/// (`in 2019 Wall Street …`), not inside a longer number.
fn check_number_first(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    let b = t.bytes;
    // (Only the value before the street word: a number after it, `Street4 GK`, is none.)
    if !leads_with_house_number(t, m.start, b".,-/") {
        return None;
    }
    if !b.get(m.end).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let end = m.end + b[m.end..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
    Some(Hit::new(m.start..end, 0.85))
}

/// Whether a house number that leads its address (number-first: `12 Baker Street`, `14 Rue de
/// la Paix`) starts at `start`: a digit at a word start, not after one of `not_after` (part of
/// a longer number or a reference), and not a year (`In 2019 Wall Street`).
fn leads_with_house_number(t: &Text<'_>, start: usize, not_after: &[u8]) -> bool {
    let b = t.bytes;
    let digits = b[start..].iter().take_while(|c| c.is_ascii_digit()).count();
    digits > 0
        && t.left_boundary(start)
        && !(start > 0 && not_after.contains(&b[start - 1]))
        && !(digits == 4 && matches!(&b[start..start + 2], b"19" | b"20"))
}

/// Labels after which a street typed in lower case counts even without a known ending.
const ADDRESS_LABELS: &[&str] = &["adres", "woonadres", "verblijfsadres", "verblijfadres", "huisnummer"];

/// `adres: akkerwinde 27`, `straat en huisnummer: van heenvlietlaan 5`: a lower-case street
/// right after an address label (only spaces and a colon between them).
const LOWER_CASE_AFTER_LABEL: LabelRule = LabelRule {
    labels: ADDRESS_LABELS,
    gap: Gap::Only(" :", 3),
    max_value: 60,
    rule: PatternRule {
        entity: EntityType::Address,
        name: "address_after_label_lower_case",
        pattern: r"\p{Ll}[\p{L}'’.\-]*(?: \p{Ll}[\p{L}'’.\-]*){0,2} [1-9][0-9]{0,3}",
        check: check_after_label_lower_case,
    },
    before: None,
    lists: false,
    blocks: false,
};

/// The street starts after the label and the gap; it must hold a word that is not a common one
/// or a street prefix (`adres: is 12 keer gewijzigd` is no address).
fn check_after_label_lower_case(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    let label_end = m.start + t.bytes[m.clone()].iter().position(|c| !c.is_ascii_alphabetic())?;
    let mut start = label_end + t.bytes[label_end..m.end].iter().position(|&c| c != b' ' && c != b':')?;
    // `mijn adres is lindelaan 4a`: the verb after the label is no part of the street.
    for verb in ["is ", "was ", "wordt ", "blijft "] {
        if t.bytes[start..m.end].starts_with(verb.as_bytes()) {
            start += verb.len();
            break;
        }
    }
    let number = m.end - t.bytes[..m.end].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let street = t.str.get(start..number.checked_sub(1)?)?;
    let named = street.split(' ').any(|w| {
        let lower = w.to_lowercase();
        !lexicon::is_common_word(&lower) && !STREET_PREFIXES.contains(&lower.as_str()) && !TUSSENVOEGSELS.contains(&lower.as_str())
    });
    if !named || !t.left_boundary(start) {
        return None;
    }
    let end = extend_number(t, m.end)?;
    Some(Hit::new(start..end, 0.85))
}

/// `Laan van Meerdervoort 52`: the label (`Laan van`) starts the street and must be
/// capitalised.
fn check_laan_van(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    if !t.char_at(m.start)?.is_uppercase() || !t.left_boundary(m.start) {
        return None;
    }
    let end = extend_number(t, m.end)?;
    Some(Hit::new(m.start..end, 0.9))
}

/// The street line before a postcode: capitalised words (and tussenvoegsels), a house number
/// and its addition, up to the end of the segment.
static STREET_LINE: std::sync::LazyLock<Option<regex_automata::meta::Regex>> = std::sync::LazyLock::new(|| {
    regex_automata::meta::Regex::new(
        r"\p{Lu}[\p{L}'’.\-]*(?: (?:\p{Lu}[\p{L}'’.\-]*|van|de|der|den|het|'t|ten|ter|aan|op|in)){0,3} [1-9][0-9]{0,3}(?:[a-zA-Z]|-[0-9A-Za-z]{1,4}| [A-Z]| hs| bis)?$",
    )
    .ok()
});

/// An address right before a postcode found at `postcode_start` (`Westblaak 180\n3012 KN`,
/// `Slinge 341, 3085 EX`): the postcode vouches for the street even without a known street
/// ending. Runs only at postcodes, outside the shared automaton.
pub(crate) fn before_postcode(t: &Text<'_>, postcode_start: usize, postcode_end: usize) -> Option<Hit> {
    let b = t.bytes;
    let mut end = postcode_start;
    let mut newlines = 0;
    while end > 0 && matches!(b[end - 1], b',' | b' ' | b'\n') && postcode_start - end < 3 {
        newlines += usize::from(b[end - 1] == b'\n');
        end -= 1;
    }
    if end == postcode_start || newlines > 1 {
        return None;
    }
    // The segment: back to the line start, a colon or a comma, at most 256 bytes (a street line
    // is short; the bound keeps a text of one long line linear). A cut segment starts at a word.
    let floor = end.saturating_sub(256);
    let seg_start = match b[floor..end].iter().rposition(|&c| matches!(c, b'\n' | b':' | b',' | b';' | b'(' | b'|')) {
        Some(i) => floor + i + 1,
        None if floor == 0 => 0,
        None => floor + b[floor..end].iter().position(|&c| c == b' ').map_or(end - floor, |i| i + 1),
    };
    let regex = STREET_LINE.as_ref()?;
    match regex.search(&regex_automata::Input::new(&t.str[..end]).range(seg_start..end)) {
        Some(m) => check_block(t, m.start()..postcode_end),
        None => lower_case_street_line(t, seg_start, end),
    }
}

/// [`STREET_LINE`] in lower case: one word (not a common one) and a house number at the end of
/// the segment.
static STREET_LINE_LOWER: std::sync::LazyLock<Option<regex_automata::meta::Regex>> = std::sync::LazyLock::new(|| {
    regex_automata::meta::Regex::new(r"\p{Ll}[\p{L}'’.\-]* [1-9][0-9]{0,3}(?:[a-z]|-[0-9a-z]{1,4}| [a-z]| hs| bis)?$").ok()
});

/// `ik woon op zuiderdiep 11, 4784 jw almere`, `eikenlaan 77\n2392sz goes`: a street typed in
/// lower case before a postcode, in `seg_start..end` (the segment before the postcode). The
/// street is the last word before the number, with the lower-case prefixes before it
/// (`lange nieuwstraat`); a common word there (`er waren er 12\n…`) is no street, nor is a PO box.
fn lower_case_street_line(t: &Text<'_>, seg_start: usize, end: usize) -> Option<Hit> {
    let regex = STREET_LINE_LOWER.as_ref()?;
    let m = regex.search(&regex_automata::Input::new(&t.str[..end]).range(seg_start..end))?;
    let word_end = m.start() + t.bytes[m.start()..].iter().position(|&c| c == b' ')?;
    let word = t.str[m.start()..word_end].to_lowercase();
    if !t.left_boundary(m.start())
        || word.len() < 3
        || lexicon::is_common_word(&word)
        || NOT_STREETS.contains(&word.as_str())
        || matches!(word.as_str(), "postbus" | "antwoordnummer")
    {
        return None;
    }
    Some(Hit::new(extend_left(t, m.start())..m.end(), 0.85))
}

/// Nouns in `-ring` that a number follows (`Vergadering 12`, `Koers Inburgering 2026-2028`).
const RING_NOUNS: &[&str] = &[
    "inburgering", "vergadering", "besturing", "regering", "verzekering", "uitvoering", "sturing", "verbetering",
    "verandering", "aflevering", "levering", "financiering",
];

/// Words that make the number before them a date or quantity.
const NOT_AFTER_HOUSE_NUMBER: &[&str] = &[
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep",
    "okt", "nov", "dec", "km", "km/u", "m", "meter", "kilometer", "procent", "jaar", "euro",
    "minuten", "uur", "keer", "dagen", "weken", "maanden", "woningen", "bomen", "personen",
];

const TUSSENVOEGSELS: &[&str] = &["de", "van", "der", "den", "het", "'t", "ten", "ter", "te", "la", "le"];

fn check(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    // Back from the ending to the start of its word (`Kerk|straat`, `Cöehoorn|straat`).
    let word_start = t.str[..m.start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || matches!(c, '\'' | '’' | '.' | '-'))
        .last()
        .map_or(m.start, |(i, _)| i);
    let m = word_start..m.end;
    // (`'s-Gravendijkwal 10`: the capital follows the old article.)
    let name_start = ["'s-", "’s-"]
        .iter()
        .find_map(|p| t.str[m.start..].starts_with(p).then_some(m.start + p.len()))
        .unwrap_or(m.start);
    let first = t.char_at(name_start)?;
    if !t.left_boundary(m.start) {
        return None;
    }
    // `Inburgering 2026`, `Vergadering 12`, `Besturing 3`: nouns in `-ring`, not a ring road
    // (`Oude Wetering 4` is a street).
    let raw = &t.str[m.clone()];
    let word = raw.rfind(' ').map_or(raw, |space| &raw[..space]);
    if word.ends_with("ring") {
        let word = &word[word.rfind(' ').map_or(0, |s| s + 1)..];
        if lexicon::with_lower(word, |w| RING_NOUNS.iter().any(|n| w.ends_with(n))) {
            return None;
        }
    }
    let end = extend_number(t, m.end)?;
    if !first.is_uppercase() && !lower_case_street(t, m.clone(), end) {
        return None;
    }
    let start = extend_left(t, m.start);
    Some(Hit::new(start..end, if city_follows(t, end) { 0.95 } else { 0.85 }))
}

/// `prins bernhardlaan 88` in a sloppy e-mail: a lower-case compound street word (longer than
/// its suffix) after `woon`/`adres`/`op`/`aan de`/`naar`, or before a postcode
/// (`kastanjelaan 4 3701 bc zeist`: the postcode vouches for it, as it does for a capitalised
/// street without a known ending); not `de weg 3 keer`. `end` is the end of the house number.
fn lower_case_street(t: &Text<'_>, m: Range<usize>, end: usize) -> bool {
    let raw = &t.str[m.clone()];
    let Some(space) = raw.rfind(' ') else {
        return false;
    };
    let words = &raw[..space];
    let last = words.rsplit(' ').next().unwrap_or(words);
    let compound = STREET_SUFFIXES_LOWER
        .iter()
        .any(|s| last.len() >= s.len() + 3 && last.ends_with(s));
    compound
        && !NOT_STREETS.contains(&last)
        && (t.before_has(m.start, 24, &["woon", "adres", "op de ", "aan de ", "aan het ", "in de "])
            || t.before_has_word(m.start, 24, &["naar", "op"])
            || super::postcode::postcode_after(t, end).is_some())
}

const STREET_SUFFIXES_LOWER: &[&str] = &[
    "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "dreef", "steeg",
    "markt", "burgwal", "plantsoen", "boulevard", "plaats", "hof",
];

/// Lower-case compounds with a street ending that are not street names.
const NOT_STREETS: &[&str] = &[
    "snelweg", "rijksweg", "spoorweg", "waterweg", "zijweg", "omweg", "hoofdweg", "fietspad",
    "voetpad", "marktplaats", "werkplaats", "woonplaats", "standplaats", "parkeerplaats",
    "vindplaats", "geboorteplaats", "binnenhof", "kerkhof", "speelplaats",
];

/// `wonende aan de Slinge 341`: after words of living, a capitalised name and a number are an
/// address even without a known street ending.
fn check_after_living(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    if !t.left_boundary(m.start) {
        return None;
    }
    // The street starts at the first capital that starts a word after the context words
    // (`IK WOON SINDS 2021`: not inside the label written in capitals).
    let rel = t.str[m.clone()]
        .char_indices()
        .skip(1)
        .find(|&(i, c)| c.is_uppercase() && t.bytes[m.start + i - 1] == b' ')
        .map(|(i, _)| i)?;
    let mut start = m.start + rel;
    // `IK WOON OP (DE) KERKSTRAAT 12`: a preposition (and an article) in capitals before the
    // street.
    for p in ["OP ", "AAN ", "IN ", "TE ", "NAAR "] {
        if t.str[start..m.end].starts_with(p) && t.bytes.get(start + p.len()).is_some_and(u8::is_ascii_uppercase) {
            start += p.len();
            for article in ["DE ", "HET "] {
                if t.str[start..m.end].starts_with(article) && t.bytes.get(start + article.len()).is_some_and(u8::is_ascii_uppercase) {
                    start += article.len();
                }
            }
            break;
        }
    }
    let end = extend_number(t, m.end)?;
    // `woon sinds 2021`, `wonen vanaf 2019`, `IK WOON AL SINDS 2021`: a year after a word of
    // time, not a street.
    let street = &t.str[start..m.end];
    if places_an_event(&t.bytes[m.start..]) && !street_of_an_event(street) {
        return None;
    }
    // `Locatie:` heads meeting rooms as often as streets (`Locatie: Kantine 2`, `Raadhuis 1`):
    // there a place or a postcode after the number must vouch for the street.
    if t.bytes[m.start..].get(..7).is_some_and(|l| l.eq_ignore_ascii_case(b"locatie")) && !city_follows(t, end) && !place_name_follows(t, end) {
        return None;
    }
    if street.split(' ').any(|w| lexicon::with_lower(w, |w| matches!(w, "sinds" | "vanaf" | "tot" | "per" | "in" | "na" | "voor" | "nu" | "al"))) {
        return None;
    }
    Some(Hit::new(start..end, if city_follows(t, end) { 0.95 } else { 0.85 }))
}

/// Whether the label at the start of `from` places an event (`Locatie:`, `ter hoogte van`) rather
/// than a home: its value is as often a room as a street.
fn places_an_event(from: &[u8]) -> bool {
    ["locatie", "pleeglocatie", "ter hoogte van", "t.h.v.", "plaats delict"]
        .iter()
        .any(|l| from.len() >= l.len() && from[..l.len()].eq_ignore_ascii_case(l.as_bytes()))
}

/// Whether `street` (its words and the house number) after such a label names a street: no
/// word of a building, a room or a road's kilometre (`Zaal 3`, `Gebouw B 2`, `Vergaderruimte
/// 4`, `Bijlage 2`, `KM 12`), no word in capitals or of one letter, no common word.
fn street_of_an_event(street: &str) -> bool {
    const ROOMS: &[&str] = &[
        "zaal", "ruimte", "kamer", "lokaal", "gebouw", "bijlage", "verdieping", "etage", "vleugel", "blok", "unit",
        "paviljoen", "ingang", "perron", "spoor", "halte", "toren", "hal", "bureau", "balie", "loket", "km", "hectometerpaal",
    ];
    let words: Vec<&str> = street.split(' ').filter(|w| !w.is_empty() && !w.bytes().all(|c| c.is_ascii_digit())).collect();
    !words.is_empty()
        && words.iter().all(|w| {
            let lower = w.to_lowercase();
            w.chars().count() > 1
                && !(w.chars().all(char::is_uppercase))
                && !ROOMS.iter().any(|r| lower.ends_with(r))
                && lexicon::flags_lower(&lower) & lexicon::COMMON == 0
        })
}

/// Whether a listed Dutch place follows `end` after a comma, `te` or `in` (`Grootzand 14,
/// Sneek`, `Brink 4 te Deventer`).
fn place_name_follows(t: &Text<'_>, end: usize) -> bool {
    let mut stop = t.len().min(end + 48);
    while !t.str.is_char_boundary(stop) {
        stop -= 1;
    }
    let rest = &t.str[end..stop];
    let rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    let rest = rest.strip_prefix("te ").or_else(|| rest.strip_prefix("in ")).unwrap_or(rest);
    let word_end = rest.find(|c: char| !(c.is_alphabetic() || c == '-' || c == '\'')).unwrap_or(rest.len());
    let word = &rest[..word_end];
    word.chars().next().is_some_and(char::is_uppercase) && lexicon::flags(word) & lexicon::PLACE != 0
}

/// Whether a place or postcode follows the house number ending at `end` (`…, 3511 AB Utrecht`):
/// more confidence that it is an address.
fn city_follows(t: &Text<'_>, end: usize) -> bool {
    matches!(t.bytes.get(end), Some(b',' | b' ')) && t.bytes[end..].iter().skip(1).take(8).any(u8::is_ascii_digit)
}

/// A street line followed by a postcode (`Westblaak 180\n3012 KN`, `Slinge 341, 3085 EX`):
/// the postcode vouches for the address even without a known street ending. The reported span
/// stops at the house number; the postcode is found on its own.
fn check_block(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    if !t.left_boundary(m.start) {
        return None;
    }
    let raw = &t.bytes[m.clone()];
    // The postcode is the last 6 or 7 bytes; the house number ends before its separator.
    let postcode_len = if raw[raw.len() - 3] == b' ' { 7 } else { 6 };
    let mut end = m.end - postcode_len;
    while end > m.start && matches!(t.bytes[end - 1], b',' | b' ' | b'\n') {
        end -= 1;
    }
    // Skip leading capitalised common words (`Adres Kerkplein 1` → `Kerkplein 1`).
    let mut start = m.start;
    loop {
        let word_end = t.bytes[start..end].iter().position(|&c| c == b' ').map(|p| start + p)?;
        let word = &t.str[start..word_end];
        if t.bytes.get(word_end + 1).is_some_and(u8::is_ascii_digit) {
            break;
        }
        if lexicon::is_common_word(&word.to_lowercase()) && !STREET_PREFIXES.contains(&word.to_lowercase().as_str()) {
            start = word_end + 1;
            if !t.char_at(start).is_some_and(char::is_uppercase) {
                return None;
            }
        } else {
            break;
        }
    }
    // `Postbus 123, 1000 AB`: a PO box is not a home address.
    if t.str[start..end].starts_with("Postbus") || t.str[start..end].starts_with("Antwoordnummer") {
        return None;
    }
    Some(Hit::new(start..end, 0.9))
}

/// Walks left over the words of a multi-word street name: street prefixes (`Burgemeester`,
/// `Nieuwe`), capitalised name words, and tussenvoegsels only when a first name, initial or
/// prefix stands before them (`Johan de Wittlaan`, `Pieter de la Courtstraat`; not
/// `Kasanmoentalib van Bijlmerdreef`).
fn extend_left(t: &Text<'_>, mut start: usize) -> usize {
    // A street typed in lower case has its given names in lower case too (`jan van
    // galenstraat`, `willem dreesstraat`).
    let lower_street = !street_capitalised(t, start);
    let mut pending: Option<usize> = None;
    let mut pending_count = 0;
    let mut crossed_tussenvoegsel = false;
    for _ in 0..6 {
        let Some((word_start, word)) = word_before(t, pending.unwrap_or(start)) else {
            // `van heenvlietlaan 5` at the start of its line: the street begins with `van`.
            if let Some(p) = pending.filter(|&p| lower_street && t.bytes[p..].starts_with(b"van ")) {
                start = p;
            }
            break;
        };
        let lower = word.to_lowercase();
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if TUSSENVOEGSELS.contains(&lower.as_str()) && !capitalised {
            if pending_count == 2 {
                break;
            }
            pending = Some(word_start);
            pending_count += 1;
            continue;
        }
        let prefix = STREET_PREFIXES.contains(&lower.as_str());
        // `prins bernhardlaan 88`: lower-case prefixes of a lower-case street.
        if !capitalised && prefix && !street_capitalised(t, start) {
            start = word_start;
            continue;
        }
        let initial = word.len() <= 4 && word.ends_with('.') && capitalised;
        let given_name = capitalised && lexicon::is_first_name(word);
        let name_word = capitalised && !lexicon::is_common_word(&lower);
        let lower_given_name =
            lower_street && !capitalised && lexicon::is_first_name(word) && !lexicon::is_common_word(&lower);
        let accept = lower_given_name || if pending.is_some() || crossed_tussenvoegsel {
            // Across a tussenvoegsel only a given name, initial or prefix belongs to the street.
            capitalised && (prefix || initial || given_name)
        } else {
            capitalised && (prefix || name_word)
        };
        if !accept {
            break;
        }
        if pending.is_some() {
            crossed_tussenvoegsel = true;
        }
        start = word_start;
        pending = None;
        pending_count = 0;
    }
    ordinal_before(t.bytes, start).unwrap_or(start)
}

/// `1e Jan Steenstraat 44`, `2de Hugo de Grootstraat 3`, `3e Oosterparkstraat 12`: the ordinal
/// (one or two digits and `e`, `de`, `ste`) that numbers streets of one name; where it starts.
fn ordinal_before(b: &[u8], start: usize) -> Option<usize> {
    let head = b[..start].strip_suffix(b" ")?;
    let digits = ["ste", "de", "e"].iter().find_map(|s| head.strip_suffix(s.as_bytes()))?;
    let n = digits.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let from = digits.len() - n;
    ((1..=2).contains(&n) && digits[from] != b'0' && (from == 0 || !b[from - 1].is_ascii_alphanumeric())).then_some(from)
}

fn street_capitalised(t: &Text<'_>, start: usize) -> bool {
    t.char_at(start).is_some_and(char::is_uppercase)
}

/// The word (letters, `'`, `.`, `-`) that ends one space before `pos`.
pub(crate) fn word_before<'a>(t: &Text<'a>, pos: usize) -> Option<(usize, &'a str)> {
    if pos < 2 || t.bytes[pos - 1] != b' ' {
        return None;
    }
    let end = pos - 1;
    let head = &t.str[..end];
    let word_start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || matches!(c, '\'' | '’' | '.' | '-'))
        .last()
        .map(|(i, _)| i)?;
    Some((word_start, &t.str[word_start..end]))
}

/// Extends past the rest of the house number and its addition; `None` if the number is part
/// of something else (a decimal, a longer number, a unit).
fn extend_number(t: &Text<'_>, mut end: usize) -> Option<usize> {
    let b = t.bytes;
    while end < b.len() && b[end].is_ascii_digit() {
        end += 1;
    }
    if end - digits_start(b, end) > 4 {
        return None;
    }
    match t.peek2(end) {
        (Some(b'.' | b','), Some(d)) if d.is_ascii_digit() => return None,
        (Some(b'%'), _) => return None,
        _ => {}
    }
    // `Waalkade 16 augustus`, `… 30 km`: a date or a quantity, not a house number.
    if b.get(end) == Some(&b' ') {
        let next = &t.str[end + 1..];
        let next_word: String = next
            .chars()
            .take_while(|c| c.is_alphabetic() || *c == '/')
            .flat_map(char::to_lowercase)
            .collect();
        if NOT_AFTER_HOUSE_NUMBER.contains(&next_word.as_str()) {
            return None;
        }
    }
    // Addition glued to the number: `12a`, `12A`, `12bis`, `12hs`.
    let glued = b[end..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if glued > 0 {
        let word = &t.str[end..end + glued];
        if glued <= 1 || matches!(word.to_ascii_lowercase().as_str(), "bis" | "hs" | "bg") {
            return Some(end + glued);
        }
        return None;
    }
    // `12-2`, `12-A`, `12-III`, `12-hs`.
    if b.get(end) == Some(&b'-') {
        let rest = &b[end + 1..];
        let run = rest.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        // `Koers Inburgering 2026-2028`: a span of years, not a house number and its addition.
        if end - digits_start(b, end) == 4 && run == 4 && rest[..4].iter().all(u8::is_ascii_digit) {
            return None;
        }
        if (1..=4).contains(&run) && t.right_boundary(end + 1 + run) {
            return Some(end + 1 + run);
        }
        return Some(end);
    }
    // `12 bis`, `12 hs`, `12 A` (a single capital standing alone).
    if b.get(end) == Some(&b' ') {
        let rest = &t.str[end + 1..];
        for word in ["bis", "hs", "huis", "boven", "bg", "III", "II", "I"] {
            if rest.starts_with(word) && t.right_boundary(end + 1 + word.len()) {
                return Some(end + 1 + word.len());
            }
        }
        if !rest.is_empty()
            && b[end + 1].is_ascii_uppercase()
            && t.right_boundary(end + 2)
            && !matches!(b.get(end + 2), Some(b'.'))
        {
            return Some(end + 2);
        }
    }
    Some(end)
}

fn digits_start(b: &[u8], end: usize) -> usize {
    let mut i = end;
    while i > 0 && b[i - 1].is_ascii_digit() {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::Address;

    #[test]
    fn streets_with_numbers_and_additions() {
        for (text, want) in [
            ("Ik woon op de Kerkstraat 5 in Utrecht", "Kerkstraat 5"),
            ("adres: Johan de Wittlaan 12a, 2517 JR", "Johan de Wittlaan 12a"),
            ("Oudegracht 12 bis", "Oudegracht 12 bis"),
            ("Kerkstraat 5-2 hoog", "Kerkstraat 5-2"),
            ("Burgemeester de Withstraat 3", "Burgemeester de Withstraat 3"),
            ("Laan van Meerdervoort 52", "Laan van Meerdervoort 52"),
            ("Grote Markt 1", "Grote Markt 1"),
            ("Nieuwe Binnenweg 120 hs", "Nieuwe Binnenweg 120 hs"),
            ("Cöehoornstraat 7 A", "Cöehoornstraat 7 A"),
            ("Van Baerlestraat 27-III", "Van Baerlestraat 27-III"),
            ("'s-Gravendijkwal 10, Rotterdam", "'s-Gravendijkwal 10"),
            ("Hij woont aan de ’s-Gravelandseweg 80.", "’s-Gravelandseweg 80"),
            // An ordinal numbers streets of one name.
            ("Zij woont in de Pijp, 1e Jan Steenstraat 44 hs.", "1e Jan Steenstraat 44 hs"),
            ("Adres: 2de Hugo de Grootstraat 3", "2de Hugo de Grootstraat 3"),
            ("woont op de 3e oosterparkstraat 12", "3e oosterparkstraat 12"),
            // Not a number glued to a word, nor a count before it.
            ("In fase2e Jan Steenstraat 44 begint het werk.", "Jan Steenstraat 44"),
            ("Zie pagina 10 Jan Steenstraat 44.", "Jan Steenstraat 44"),
            // Endings of newer neighbourhoods (not `-akker`, `-gaarde`, `-stede`: `Bakker`,
            // `Bogaarde`, `Hofstede` are surnames).
            ("Klopt het dat u op Lange Schaapsweide 14 woont?", "Lange Schaapsweide 14"),
            ("Oude Zuiderwetering 12, Wijk bij Duurstede", "Oude Zuiderwetering 12"),
        ] {
            assert_eq!(found(text, Address), [want], "{text}");
        }
    }

    #[test]
    fn streets_without_a_known_ending() {
        // Above a postcode, after words of living.
        assert_eq!(found("El Khattabi Advocaten\nWestblaak 180\n3012 KN Rotterdam", Address), ["Westblaak 180"]);
        assert_eq!(found("Cliënt, wonende aan de Slinge 341 te Rotterdam", Address), ["Slinge 341"]);
        assert_eq!(found("Hanzeplaats 1, 5912 AT Venlo", Address), ["Hanzeplaats 1"]);
        // A PO box is not a home address.
        assert!(found("Postbus 123, 3500 AB Utrecht", Address).is_empty());
        // In lower case: the postcode after it vouches for the street.
        assert_eq!(found("ik woon op zuiderdiep 11, 4784 jw almere", Address), ["zuiderdiep 11"]);
        assert_eq!(found("m. de vries\nlange nieuwstraat 13\n2873sl purmerend", Address), ["lange nieuwstraat 13"]);
        assert_eq!(found("r. westerdaming\njan van galenstraat 184-1\n2798 gt groningen", Address), ["jan van galenstraat 184-1"]);
        assert_eq!(found("ik woon op willem dreesstraat 94, 6369 pz emmen", Address), ["willem dreesstraat 94"]);
        assert_eq!(found("j. smit\nvan heenvlietlaan 5 a\n2506 lb gouda", Address), ["van heenvlietlaan 5 a"]);
        assert_eq!(found("in de kerkstraat 5, 2506 lb gouda", Address), ["kerkstraat 5"]);
        assert_eq!(found("voor mevrouw de jong, kastanjelaan 4 3701 bc zeist", Address), ["kastanjelaan 4"]);
        assert_eq!(found("changed address to kanaalweg 215 a 1506 jt", Address), ["kanaalweg 215"]);
        assert_eq!(found("Straat en huisnummer: Akkerwinde 27\nPostcode: 2756 AB", Address), ["Akkerwinde 27"]);
        assert_eq!(found("Adres: Rue de la Loi 16, 1000 Brussel", Address), ["Rue de la Loi 16"]);
        assert_eq!(found("wonende aan de Slinge 341 te Rotterdam", Address), ["Slinge 341"]);
        assert_eq!(found("Locatie: Brink, ter hoogte van Brink 56\nBoa's: J. Ramdin", Address), ["Brink 56"]);
        assert_eq!(found("Locatie: Grootzand 14, Sneek", Address), ["Grootzand 14"]);
        for room in [
            "Locatie: Zaal 3, tweede verdieping",
            "Locatie: Gebouw B 2",
            "Locatie: Bijlage 2",
            "Locatie: Vergaderruimte 4",
            "Ter hoogte van KM 12 op de A7",
            "Locatie: Kantine 2",
            "Locatie: Raadhuis 1",
            "Locatie: Microsoft Teams 1",
        ] {
            assert!(found(room, Address).is_empty(), "{room}");
        }
        assert!(found("er waren er 12, 4784 jw", Address).is_empty());
        assert!(found("gemeente gouda\npostbus 5711\n2607la gouda", Address).is_empty());
        assert!(found("de dorpsweg 45 2024 de gemeente", Address).is_empty());
    }

    #[test]
    fn english_number_first_addresses() {
        for (text, want) in [
            ("He lives at 12 Baker Street, London.", "12 Baker Street"),
            ("Send it to 221B Baker Street please.", "221B Baker Street"),
            ("Our office is at 1600 Pennsylvania Avenue.", "1600 Pennsylvania Avenue"),
            ("Adres: 7 Old Kent Road, London SE1", "7 Old Kent Road"),
        ] {
            assert_eq!(found(text, Address), [want], "{text}");
        }
        for text in [
            "In 2019 Wall Street crashed again.",
            "We walked down the street for 3 Blocks street",
            "Chapter 4 Main street",
            "versie 1.2 Main Street",
        ] {
            assert!(found(text, Address).is_empty(), "{text}");
        }
        // A number right after the street word is none of its (found by the fuzzer).
        assert_eq!(found("Van Heutszstraat 2 Street4 GK Utrecht", Address), ["Van Heutszstraat 2"]);
    }

    #[test]
    fn german_street_words() {
        for (text, want) in [
            ("Ich wohne in der Hauptstraße 5, 10115 Berlin.", "Hauptstraße 5"),
            ("Er wohnt am Marktplatz 3 in Aachen.", "Marktplatz 3"),
            ("Adresse: Bahnhofstrasse 12a, 8001 Zürich", "Bahnhofstrasse 12a"),
            ("In der Webergasse 7 ist es ruhig.", "Webergasse 7"),
        ] {
            assert_eq!(found(text, Address), [want], "{text}");
        }
        // Without a number, no address.
        assert!(found("Die Hauptstraße ist gesperrt.", Address).is_empty());
    }

    #[test]
    fn french_number_first_addresses() {
        for (text, want) in [
            ("Hello, I live at 14 Rue de la Paix, 75002 Paris.", "14 Rue de la Paix"),
            ("Adresse: 3, rue du Lac, 69003 Lyon", "3, rue du Lac"),
            ("Il habite 27 boulevard Saint-Michel à Paris.", "27 boulevard Saint-Michel"),
            ("Elle habite au 5 rue de l'Église, Strasbourg.", "5 rue de l'Église"),
        ] {
            assert_eq!(found(text, Address), [want], "{text}");
        }
        for text in [
            "In 2019 rue de la Paix was closed.",
            "Hij woont op 2 rue en verder niets.",
            "Zie artikel 12 Chemin de fer.",
            "Versie 1.2 rue Royale.",
        ] {
            assert!(found(text, Address).is_empty(), "{text}: {:?}", found(text, Address));
        }
    }

    #[test]
    fn lower_case_streets_after_an_address_label() {
        for (text, want) in [
            ("adres: akkerwinde 27", "akkerwinde 27"),
            ("straat en huisnummer: van heenvlietlaan 5 a\npostcode: 2712", "van heenvlietlaan 5"),
            ("woonadres ouden dijk 38", "ouden dijk 38"),
            ("mijn adres is lindelaan 4a, 3701 bc zeist", "lindelaan 4a"),
            ("mijn adres wordt akkerwinde 27", "akkerwinde 27"),
        ] {
            assert_eq!(found(text, Address), [want], "{text}");
        }
        for text in ["adres is 12 keer gewijzigd", "adres: de 3 bovenste", "het adres: onbekend 2 jaar geleden"] {
            assert!(found(text, Address).is_empty(), "{text}");
        }
    }

    #[test]
    fn lower_case_streets_after_a_place_word() {
        for (text, want) in [
            ("stuur het naar hoofdstraat 3 te ede", "hoofdstraat 3"),
            ("wij wonen op het stationsplein 1 hier", "stationsplein 1"),
            ("die op oudegracht 23a woont", "oudegracht 23a"),
        ] {
            assert_eq!(found(text, Address), [want], "{text}");
        }
        for text in ["ik ga naar de kerkstraat 3 keer", "kijk naar de snelweg 3 auto's", "op de snelweg 3 uur in de file"] {
            assert!(found(text, Address).is_empty(), "{text}");
        }
    }

    #[test]
    fn hard_negatives() {
        assert!(found("Wij zijn gevestigd aan de Kerkstraat.", Address).is_empty());
        assert!(found("In de Johan de Wittlaan is het druk", Address).is_empty());
        assert!(found("de weg 3 keer afgesloten", Address).is_empty());
        assert!(found("over de Rijksweg 12,5 kilometer", Address).is_empty());
        assert_eq!(found("In de Kerkstraat 5 woont", Address), ["Kerkstraat 5"]);
        // Nouns in `-ring` and a span of years; a ring road stays a street.
        assert!(found("het Veiligheidsbeeld en de Koers Inburgering 2026-2028 zijn vastgesteld", Address).is_empty());
        assert!(found("Vergadering 12 is verplaatst.", Address).is_empty());
        assert_eq!(found("Ze woont aan de Buitenring 14.", Address), ["Buitenring 14"]);
        assert_eq!(found("Kantoor: Kerkstraat 2024-2, Utrecht", Address), ["Kerkstraat 2024-2"]);
        // A year after a word of living written in capitals.
        assert!(found("IK WOON SINDS 2021 OP DE SCHIEDAMSEWEG.", Address).is_empty());
        assert!(found("wij wonen vanaf 2019 in Ede", Address).is_empty());
        assert_eq!(found("IK WOON OP KERKSTRAAT 12", Address), ["KERKSTRAAT 12"]);
        assert_eq!(found("IK WOON OP DE KERKSTRAAT 12", Address), ["KERKSTRAAT 12"]);
        assert!(found("IK WOON AL SINDS 2021 OP DE KERKSTRAAT", Address).is_empty());
        assert_eq!(found("Het pakket is bezorgd op Oude Wetering 4 in Leiden.", Address), ["Oude Wetering 4"]);
    }
}
