//! Hard negatives: capitalised chains shaped like names that name something else. Organisations
//! and trade names (`Bakker Installatietechniek B.V.`, `werkt bij Albert Heijn`), places after a
//! postcode, an address or a preposition of place (`2756 MR Bergen op Zoom`, `Brink 4, Heino`,
//! `uit Kampen`), schools named after a person (`OBS Prins Willem-Alexander`), streets (`Johan de
//! Wittlaan`) and `Frans` the language.

use super::{ascii_word_start, word_end, Kind, Tok};
use super::words::{PLACE_PREPOSITIONS, STREET_ENDINGS};
use crate::lexicon::{is_surname, with_lower};
use crate::text::Text;
use std::ops::Range;

/// Whether the line of `range` names a business (`handelsnaam: …`, `bedrijfsnaam: …`) before
/// it, or a company's form or trade follows it (`jansen bouw b.v.`, `doğan transport`).
pub(super) fn trade_name_around(t: &Text<'_>, range: Range<usize>) -> bool {
    let b = t.bytes;
    // (The label stands within a few words before: look back at most 64 bytes for the line's
    // start, so that a long line costs no more than a short one.)
    let reach = range.start.saturating_sub(64);
    let line_start = b[reach..range.start].iter().rposition(|&c| c == b'\n').map(|p| reach + p + 1).or((reach == 0).then_some(0));
    let head = line_start.map_or(&b[..0], |s| &b[s..range.start]);
    let labelled = [&b"handelsnaam"[..], b"bedrijfsnaam", b"statutaire naam", b"onderneming"]
        .iter()
        .any(|l| head.len() >= l.len() && head[..l.len()].eq_ignore_ascii_case(l));
    let rest = &b[range.end..(range.end + 32).min(b.len())];
    let company = [&b" b.v."[..], b" bv", b" holding", b" bouw", b" transport", b" installatie", b" consultancy", b" v.o.f."]
        .iter()
        .any(|f| rest.len() >= f.len() && rest[..f.len()].eq_ignore_ascii_case(f));
    labelled || company
}

/// `spreekt Frans`, `Arabisch en Frans`, `in het Frans`: the given name `Frans` is the
/// language after a verb of speaking or reading, `het` or `vloeiend`, or next to another
/// language (`met Frans gesproken` stays a name).
#[inline(never)]
pub(super) fn language_here(t: &Text<'_>, start: usize, end: usize) -> bool {
    let b = t.bytes;
    let before = crate::text::ends_with_word(&b[..start.saturating_sub(1)], LANGUAGE_CUES);
    let language_before = [&b" en "[..], b", ", b" of "].iter().any(|sep| {
        b[..start].ends_with(sep) && crate::text::ends_with_word(&b[..start - sep.len()], LANGUAGES)
    });
    let language_after = [&b" en "[..], b", ", b" of "].iter().any(|sep| {
        b[end..].starts_with(sep) && {
            let next = end + sep.len();
            let next_end = word_end(t, next);
            LANGUAGES.iter().any(|l| l.as_bytes().eq_ignore_ascii_case(&b[next..next_end]))
        }
    });
    // (`omdat Veenstra Frans spreekt`: before a verb of speaking, after a name.)
    let spoken = [&b" spreekt"[..], b" spreken", b" praat", b" praten", b" verstaat", b" verstaan", b" leest", b" schrijft"]
        .iter()
        .any(|v| b[end..].starts_with(v) && !b.get(end + v.len()).is_some_and(u8::is_ascii_alphabetic));
    before || language_before || language_after || spoken
}

/// Words after which `Frans` is the language.
const LANGUAGE_CUES: &[&str] = &[
    "spreekt", "spreken", "sprak", "spraken", "praat", "praten", "verstaat", "verstaan", "leest", "lezen",
    "schrijft", "schrijven", "leert", "leren", "het", "vloeiend", "tolk",
];

/// Languages named beside `Frans` (`Arabisch en Frans`), lower case.
const LANGUAGES: &[&str] = &[
    "nederlands", "engels", "duits", "spaans", "italiaans", "portugees", "pools", "turks", "arabisch",
    "berbers", "tamazight", "russisch", "oekraïens", "roemeens", "bulgaars", "chinees", "papiaments",
    "sranantongo", "somalisch", "tigrinya", "farsi", "dari", "koerdisch", "hindi", "urdu", "fries",
    "vietnamees", "kurmanji", "sorani", "pasjtoe", "amhaars", "tamil", "sarnami", "javaans", "maleis", "twi",
    "perzisch", "armeens", "georgisch", "albanees", "servisch", "kroatisch", "bosnisch", "hongaars", "tsjechisch",
    "slowaaks", "litouws", "lets", "grieks", "thai", "tagalog", "japans", "koreaans", "kantonees", "mandarijn",
    "hebreeuws", "swahili", "lingala", "oekraiens", "papiamentu", "badini", "berber", "tamazight",
];

/// Whether `word` names a language (any case).
pub(super) fn is_language(word: &str) -> bool {
    with_lower(word, |w| LANGUAGES.contains(&w))
}

#[inline(never)]
pub(super) fn no_place_before_surname(t: &Text<'_>, toks: &[Tok]) -> bool {
    let first = &t.str[toks[0].start..toks[0].end];
    let second = &t.str[toks[1].start..toks[1].end];
    !first.contains('-')
        && !["sche", "se", "isch"].iter().any(|e| first.ends_with(e))
        && !with_lower(first, |w| PLACE_WORDS.contains(&w))
        && !with_lower(second, |w| LANDSCAPE_WORDS.contains(&w))
}

/// Surnames that are also words for a place in the landscape or a town, which end names of
/// places (`Vondel Park`, `Afsluit Dijk`, `Peel Maas`): after an unlisted word they are no
/// surname.
const LANDSCAPE_WORDS: &[&str] = &[
    "park", "dijk", "maas", "rijn", "waal", "plas", "meer", "bos", "duin", "duinen", "kust", "zee",
    "haven", "veld", "berg", "dal", "polder", "weide", "hout", "brug", "sluis", "kanaal", "wijk",
    "dorp", "stad", "plein", "markt", "hof", "burg", "kamp", "heide", "ven", "beek", "gracht", "dam",
    "hart", "land", "waard", "horst", "loo", "lo", "broek", "donk", "rade", "hoven",
];

/// First words of place names that are no given names.
const PLACE_WORDS: &[&str] = &[
    "noord", "zuid", "oost", "west", "sint", "groot", "grote", "klein", "kleine", "hoog", "hoge",
    "laag", "lage", "oud", "nieuw", "rode", "centraal", "midden", "boven", "beneden", "binnen",
    "buiten", "nederland", "holland", "station", "fort", "kasteel", "huize", "villa", "hotel",
    // Adjectives that open names of regions, buildings and projects (`Groene Hart`).
    "groene", "witte", "zwarte", "blauwe", "gele", "oranje", "lange", "korte", "brede", "smalle",
    "diepe", "verre", "heilige", "vrije", "halve", "gouden", "zilveren", "derde",
];

/// Retail and food brands named after their founders (`werkt bij Albert Heijn`): a shop, not
/// a person. Compared only for chains already read as names.
const TRADE_NAMES: &[&str] = &[
    "Albert Heijn", "Dirk van den Broek", "Jan Linders", "Bart Smit", "Hans Anders",
    "Douwe Egberts", "Van der Valk", "Jacob Hooy", "Van Haren", "Henri Willig", "Pieter Pot",
    // Companies and a dictionary named after their founders, written with the capital `Van`
    // that a surname alone takes (`volgens Van Dale`).
    "Van Dale", "Van Oord", "Van Lanschot", "Van Wijnen", "Van Gansewinkel", "Van Mossel",
    // Builders and shops (`onderhoud door Heijmans`, `sponsors Hoogvliet, Gamma`).
    "Heijmans", "Dura Vermeer", "Hoogvliet", "Gamma", "Janssen Vaccines",
    // Characters of children's books, as schools and playgrounds name them (`Tip: Pluk van de
    // Petteflet`, `Speeltuinvereniging Pietje Bell`).
    "Pietje Bell", "Pluk van de Petteflet", "Dikkie Dik", "Nijntje", "Paulus de Boskabouter",
];

#[inline]
pub(super) fn is_trade_name(chain: &str) -> bool {
    // (Also a brand's line or branch after it: `Albert Heijn Zakelijk`.)
    // (Not a surname after it: `Van der Valk Bouman`, `Bart Smit Jansen` are people.)
    // (The first byte first: most chains start with none of theirs.)
    let first = chain.as_bytes().first();
    TRADE_NAMES.iter().any(|n| {
        n.as_bytes().first() == first && chain.strip_prefix(n).is_some_and(|rest| {
            rest.is_empty()
                || rest.strip_prefix(' ').is_some_and(|r| {
                    crate::lexicon::flags_of(r.split(' ').next().unwrap_or(r)) & (crate::lexicon::SURNAME | crate::lexicon::FIRST) == 0
                })
        })
    })
}

/// `2756 MR Bergen op Zoom`: a capitalised chain right after a postcode is the city; so is one
/// after a five-digit postcode (French, German, Italian, Spanish) that follows a comma or starts
/// a line: `14 Rue de la Paix, 75002 Paris`, `Hauptstraße 5\n10115 Berlin`.
#[inline]
pub(super) fn after_postcode(t: &Text<'_>, start: usize) -> bool {
    // (On the same line: a name that starts the line after a postcode is no city, as in an
    // export's next row.)
    let spaces = t.bytes[..start].iter().rev().take_while(|&&c| matches!(c, b' ' | b'\t')).count();
    let head = &t.bytes[..start - spaces];
    let n = head.len();
    if n >= 5 && head[n - 5..].iter().all(u8::is_ascii_digit) {
        let before = &head[..n - 5];
        let lead = before.iter().rposition(|&c| !matches!(c, b' ' | b'\t'));
        return lead.is_none_or(|p| matches!(before[p], b',' | b'\n'))
            && !before.last().is_some_and(u8::is_ascii_alphanumeric);
    }
    n >= 6
        && head[n - 2..].iter().all(u8::is_ascii_uppercase)
        && {
            let digits_end = if head[n - 3] == b' ' { n - 3 } else { n - 2 };
            digits_end >= 4 && head[digits_end - 4..digits_end].iter().all(u8::is_ascii_digit)
        }
}

/// Whether a preposition of place (`in`, `uit`, `naar`), a place and `, ` or ` en ` (`Haren,
/// Soest en `) or a house number and its comma (`Brink 4, `) stands right before `start`.
pub(super) fn place_before(t: &Text<'_>, start: usize) -> bool {
    let b = t.bytes;
    if start >= 2 && b[start - 1] == b' ' && crate::text::ends_with_word(&b[..start - 1], PLACE_PREPOSITIONS) {
        return true;
    }
    // `Haren, Soest en Heino`: after a place in an enumeration.
    let sep = if b[..start].ends_with(b" en ") { 4 } else if b[..start].ends_with(b", ") { 2 } else { 0 };
    if sep > 0 {
        let end = start - sep;
        let word_start = ascii_word_start(b, end);
        if end > word_start && crate::lexicon::flags_of(&t.str[word_start..end]) & crate::lexicon::PLACE != 0 {
            return true;
        }
    }
    house_number_before_comma(b, start).is_some()
}

/// `born 27/01/1988 in Belo Horizonte`, `geboren op 3 mei 1990 te Paramaribo`: the place of
/// birth after `in`/`te`, in the words of a birth.
pub(super) fn born_in_before(t: &Text<'_>, start: usize) -> bool {
    let b = t.bytes;
    start >= 4
        && (b[..start].ends_with(b" in ") || b[..start].ends_with(b" te "))
        && t.before_has(start, 40, &["born", "geboren", "geb.", "birth"])
}

/// Where the house number starts (`12`, `4a`, `3-2`: a digit, then at most eight letters,
/// digits and dashes) when it and a comma stand right before `start` (`Brink 4, `).
fn house_number_before_comma(b: &[u8], start: usize) -> Option<usize> {
    if start < 4 || &b[start - 2..start] != b", " {
        return None;
    }
    let number_start = b[..start - 2]
        .iter()
        .rposition(|c| !(c.is_ascii_alphanumeric() || *c == b'-'))
        .map_or(0, |p| p + 1);
    let number = &b[number_start..start - 2];
    (number.first().is_some_and(u8::is_ascii_digit) && number.len() <= 8).then_some(number_start)
}

/// `Dorpsweg 12, ` / `Kerkstraat 4a, ` / `Laan 3-2, ` right before `start`: a street (by its
/// ending) and a house number, then a comma.
#[inline]
pub(super) fn after_house_number(t: &Text<'_>, start: usize) -> bool {
    house_number_before_comma(t.bytes, start).is_some_and(|number_start| {
        crate::detect::address::word_before(t, number_start).is_some_and(|(_, street)| looks_like_street(street))
    })
}

/// `OBS Prins Willem-Alexander`, `basisschool Jan Ligthart`: a school named after a person.
#[inline]
pub(super) fn school_before(b: &[u8], start: usize) -> bool {
    if start < 4 || b[start - 1] != b' ' {
        return false;
    }
    let word = &b[ascii_word_start(b, start - 1)..start - 1];
    [&b"OBS"[..], b"CBS", b"PCBS", b"RKBS", b"KBS", b"SBO", b"IKC", b"basisschool", b"kindcentrum"].contains(&word)
}

/// `in buurthuis De Vogelzang`, `wijkcentrum De Mussen`, `verpleeghuis Maria Oord`, `naar
/// restaurant Vincent`: a venue's kind in lower case, without an article, right before its name.
/// The kind is a compound (`buurthuis`, not `huis`: `naar huis Marieke bleef`) or a kind whose
/// name follows it bare (`restaurant`, `hotel`); with an article the kind is a place where
/// someone is (`in het ziekenhuis Jan Jansen bezocht`). The caller keeps a listed full name
/// (`Melding verpleeghuis Kees de Vries gevallen`).
#[inline]
pub(super) fn venue_before(b: &[u8], start: usize) -> bool {
    if start < 5 || b[start - 1] != b' ' {
        return false;
    }
    let word_start = ascii_word_start(b, start - 1);
    let word = &b[word_start..start - 1];
    // (Most words before a chain are short function words: `de`, `met`, `van`.)
    if word.len() < 5 || !VENUE_LAST_BYTES.contains(&word[word.len() - 1]) || !word.iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    let kind = VENUE_ENDINGS.iter().any(|e| word.len() > e.len() && word.ends_with(e.as_bytes()))
        || BARE_VENUE_KINDS.iter().any(|k| word == k.as_bytes());
    if !kind || word == b"thuis" {
        return false;
    }
    let before = b[..word_start].trim_ascii_end();
    let article = ascii_word_start(before, before.len());
    !matches!(&before[article..], b"de" | b"het" | b"een" | b"De" | b"Het" | b"Een" | b"'t")
}

/// `zaal Hugo de Groot`, `vergaderruimte Thorbecke`, `café De Heer van Heusden`: a room or a
/// café named after a person, right after the word of its kind without an article (`in de
/// wachtruimte Piet de Vries` is where he was). Unlike [`venue_before`], a listed full name too:
/// rooms are named after the famous.
#[inline]
pub(super) fn room_before(b: &[u8], start: usize) -> bool {
    let mut at = start;
    // `café De Heer van Heusden`: the name's own `De Heer`, read as a title before `van …`.
    if b[..at].ends_with(b" De Heer ") {
        at -= b"De Heer ".len();
    }
    // (The kinds below end in these bytes; most words before a chain do not.)
    if at < 5 || b[at - 1] != b' ' || !matches!(b[at - 2], b'l' | b'e' | b'n' | b'r' | 0xA9) {
        return false;
    }
    let mut word_start = at - 1;
    while word_start > 0 && (b[word_start - 1].is_ascii_alphabetic() || b[word_start - 1] >= 0x80) {
        word_start -= 1;
    }
    let word = &b[word_start..at - 1];
    if !word.first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    // With an article the room is where someone is (`In de wachtruimte Piet de Vries
    // aangetroffen`), not what it is called.
    let before = b[..word_start].trim_ascii_end();
    let article = &before[ascii_word_start(before, before.len())..];
    if matches!(article, b"de" | b"het" | b"een" | b"De" | b"Het" | b"Een") {
        return false;
    }
    word.ends_with(b"zaal")
        || word.ends_with(b"ruimte")
        || word.ends_with(b"zalen")
        || matches!(word, b"vergaderkamer" | b"spreekkamer" | b"caf\xc3\xa9" | b"cafe" | b"eetcaf\xc3\xa9")
}

/// Kinds of venue that a name follows bare (`restaurant Vincent`, `hotel Arena`).
const BARE_VENUE_KINDS: &[&str] = &["restaurant", "hotel", "camping", "theater", "zwembad", "hospice"];

/// `in het Willem Dreeshuis`, `naar het Anne Frankhuis`: a building named after a person, after
/// a preposition and its article (`het` alone may be the pronoun: `Ik heb het Jan Berghuis
/// gezegd`), whose last word is the person's listed surname with `huis` run on and is no
/// surname itself (`Jan Kamphuis` is a name; so is `Ilse Meeshuis`).
#[inline]
pub(super) fn building_named_after(t: &Text<'_>, toks: &[Tok]) -> bool {
    let Some(last) = toks.last().filter(|l| toks.len() >= 2 && l.kind == Kind::Cap && !l.surname && !l.first) else {
        return false;
    };
    let before = &t.bytes[..toks[0].start];
    let after_preposition = [&b" in het "[..], b" naar het ", b" bij het ", b" uit het ", b" op het ", b" aan het ", b" van het "]
        .iter()
        .any(|p| before.ends_with(p));
    if !after_preposition {
        return false;
    }
    let w = &t.str[last.start..last.end];
    w.len() >= 7 && w.ends_with("huis") && is_surname(&w[..w.len() - 4])
}

/// The last bytes of [`VENUE_ENDINGS`], a cheap test before them.
const VENUE_LAST_BYTES: &[u8] = b"smwlkdertgjf";

/// How the kinds of venue end that are named after their kind (`buurthuis`, `zorgcentrum`,
/// `sporthal`, `zwembad`, `huisartsenpraktijk`); [`venue_before`] wants a compound.
const VENUE_ENDINGS: &[&str] = &[
    "huis", "centrum", "gebouw", "sporthal", "sportpark", "zwembad", "school", "kliniek", "kerk", "moskee",
    "synagoge", "tempel", "theater", "restaurant", "hotel", "camping", "apotheek", "praktijk", "bibliotheek",
    "boerderij", "hospice", "dagverblijf", "speelzaal", "kinderopvang",
];

/// Labels after which a capitalised name is a business or a place, not a person
/// (`Handelsnaam: Kapsalon X`, `Place of birth: Lyon, France`).
#[inline]
pub(super) fn organisation_label_before(t: &Text<'_>, start: usize) -> bool {
    let mut head = t.str[..start].trim_end();
    // Later parts of a place (`Lyon, France`, `Gent, België`): the label stands before the first.
    for _ in 0..2 {
        let Some(before_comma) = head.strip_suffix(',') else { break };
        let part = words_start(before_comma);
        let rest = before_comma[..part].trim_end();
        if !rest.ends_with(':') || !is_place_label(rest) {
            break;
        }
        head = rest;
    }
    let Some(head) = head.strip_suffix(':') else {
        return false;
    };
    with_lower(head[words_start(head)..].trim(), |w| {
        [
            "handelsnaam", "handelsnamen", "bedrijfsnaam", "naam organisatie", "organisatie", "onderneming",
            "werkgever", "instelling", "statutaire naam", "naam onderneming",
        ]
            .iter()
            .chain(PLACE_LABELS)
            .any(|l| w.ends_with(l))
    })
}

/// Labels of places: `Geboorteplaats`, `Woonplaats`, `Postcode en plaats`, `Place of birth`.
const PLACE_LABELS: &[&str] = &[
    "plaats", "place of birth", "birthplace", "country of birth", "geboorteland", "nationaliteit", "nationality",
];

/// Whether `head` ends in a place label and its colon (`Place of birth:`).
fn is_place_label(head: &str) -> bool {
    let Some(head) = head.strip_suffix(':') else {
        return false;
    };
    with_lower(head[words_start(head)..].trim(), |w| PLACE_LABELS.iter().any(|l| w.ends_with(l)))
}

/// Where the run of letters, hyphens and spaces that ends `s` starts (a label's words:
/// `Place of birth`, `Postcode en plaats`).
fn words_start(s: &str) -> usize {
    s.char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '-' || c == ' ')
        .last()
        .map_or(s.len(), |(i, _)| i)
}

pub(super) fn is_organisation(t: &Text<'_>, toks: &[Tok], named_person: bool) -> bool {
    let org_word = toks.iter().any(|tok| tok.is_organisation(t, named_person));
    if org_word {
        return true;
    }
    // `Van der Meulen & Smit`, `Loyens & Loeff`: a surname alone after a firm's first name and
    // its ampersand (two people are `Jan & Piet` or `J. Smit & K. Visser`).
    if let Some(first) = toks.first() {
        let head = &t.bytes[..first.start];
        if head.ends_with(b" & ")
            && head.len() > 3
            && head[head.len() - 4].is_ascii_alphabetic()
            && toks.iter().all(|tok| tok.kind != Kind::Initials && (tok.surname || !tok.first))
        {
            let before = &head[..head.len() - 3];
            let word_start = before.iter().rposition(|&c| c == b' ' || c == b'\n').map_or(0, |k| k + 1);
            let word = &t.str[word_start..head.len() - 3];
            // The word before the ampersand is a surname, not a given name or initials.
            if word.chars().next().is_some_and(char::is_uppercase)
                && !word.contains('.')
                && crate::lexicon::flags_of(word) & crate::lexicon::FIRST == 0
            {
                return true;
            }
        }
    }
    // `… B.V.`, `… N.V.` as trailing initials, or an organisation marker right after the chain.
    if let Some(last) = toks.last() {
        let w = &t.str[last.start..last.end];
        if last.kind == Kind::Initials && matches!(w, "B.V." | "N.V." | "V.O.F." | "C.V.") {
            return true;
        }
        let rest = &t.bytes[last.end..];
        // Every marker is a space and one of these bytes: most chains end otherwise.
        if rest.first() != Some(&b' ') || !rest.get(1).is_some_and(|c| b"BNVv&eHGMUADSZKFICLPz".contains(c)) {
            return false;
        }
        for suffix in [
            " B.V.", " BV", " N.V.", " NV", " VOF", " v.o.f.", " & ", " en Partners", " Holding",
            " Groep", " MC", " UMC", " Advocaten", " Notarissen", " Gerechtsdeurwaarders", " Deurwaarders",
            " Accountants", " Makelaars",
            // `William Schrikker Stichting`, `Sophia Kinderziekenhuis`, `Prins Bernhard Cultuurfonds`.
            " Stichting", " Ziekenhuis", " Kinderziekenhuis", " Gasthuis", " Kliniek", " Fonds", " Cultuurfonds",
            " Instituut", " College", " Foundation", " Centrum", " School", " Basisschool", " Lyceum",
            " Gymnasium", " Scholengemeenschap", " Kindcentrum",
            // Prizes and grants (`Hendrik Wester Prijs`, `Ada Lovelace Award`, `Marie Curie-beurs`),
            // a playground, a studio and a grill named after their owner or patron, and a hospital
            // whose name is written with a lower-case `ziekenhuis` (`Albert Schweitzer ziekenhuis`).
            " Prijs", " Award", " Beurs", " Speeltuin", " Fotografie", " Grill", " ziekenhuis",
            // Sports teams named after a person (`Johan Cruijff Boys`, `Willem II Amateurs`).
            " Boys", " Girls", " Amateurs", " Veteranen",
        ] {
            // (The suffix's first letter first: most chains are followed by another word.)
            if rest.get(1) == suffix.as_bytes().get(1)
                && rest.starts_with(suffix.as_bytes())
                && rest.get(suffix.len()).is_none_or(|c| !c.is_ascii_alphanumeric() || suffix.ends_with(' '))
                && !(suffix == " & " && person_after_ampersand(t, last.end + suffix.len()))
            {
                return true;
            }
        }
    }
    false
}

/// Things named after a person, read from the chain and the words around it:
/// - the title of a work in double quotes (`"Max Havelaar"`, `"Jip en Janneke"`);
/// - a compound joined by a hyphen to a lower-case noun (`Willem III-kazerne`, `Van
///   Gogh-kapel`, `P.C. Hooft-prijs`), not a double surname (`Bakker-de Vries`);
/// - a king's or a club's name with its numeral (`Koning Willem I`, `Willem II`);
/// - after the word of a vessel, a structure, a playground or a ward, with or without its
///   article (`de veerpont Prinses Margriet`, `speeltuin Koningin Wilhelmina`, `P+R Koning
///   Willem I`, `afdeling Florence Nightingale`);
/// - a name run into the kind of building (`Frans Halspaviljoen`), or after a preposition and
///   `het` (`bij het Frans Halspaviljoen`, `in het Dr. Ariënshuis`);
/// - a club before its team code (`Prins Hendrik VR2`), software before its version's cell;
/// - a law (`Wet Mulder`) and a party (`GroenLinks-PvdA`).
///
/// `head` is the chain as read (after titles), `toks` the name cut from it.
pub(super) fn named_thing(t: &Text<'_>, head: &[Tok], toks: &[Tok]) -> bool {
    let (Some(first), Some(last)) = (head.first(), toks.last()) else {
        return false;
    };
    let b = t.bytes;
    let (start, end) = (first.start, last.end);
    let royal_at = royal_title_before(b, start);
    let royal = royal_at.is_some();
    in_quotes(b, start, end)
        || hyphen_compound(&t.str[last.start..last.end], royal)
        || (last.kind == Kind::Cap && !last.surname && !last.first && facility_compound(&t.str[last.start..last.end]))
        || neuter_article_before(b, start)
        || regnal_numeral_after(b, end, royal)
        || team_code_after(b, end)
        || founding_year_after(b, end)
        || in_a_match_result(b, start, end)
        || version_cell_after(b, end, super::is_complete_name(toks))
        || thing_kind_before(b, royal_at.unwrap_or(start))
        || toks.first().is_some_and(|name| b[..name.start].ends_with(b"Wet ") || b[..name.start].ends_with(b" wet "))
        || head.iter().any(|tok| is_party(&t.str[tok.start..tok.end]))
}

/// Whether `start..end` stands inside double quotes that close on the same line, and only words
/// of a title come between the opening quote and `start` (`"Jip en Janneke"`, `"Max
/// Havelaar"`; not speech: `"Ik heb Jan gebeld"`).
fn in_quotes(b: &[u8], start: usize, end: usize) -> bool {
    let from = start.saturating_sub(40);
    let Some(q) = memchr::memrchr3(b'"', b'\n', 0x9C, &b[from..start]) else {
        return false;
    };
    let q = from + q;
    let opened = match b[q] {
        b'"' => q,
        // (`“` is E2 80 9C.)
        0x9C if q >= 2 && b[q - 2] == 0xE2 && b[q - 1] == 0x80 => q - 2,
        _ => return false,
    };
    // (After the name a title may hold a number, `"Max Havelaar in 10 …"`; not before it.)
    let title_words = |words: &[u8], numbers: bool| {
        words.split(|&c| c == b' ').filter(|w| !w.is_empty()).all(|w| is_title_word(w) || (numbers && w[0].is_ascii_digit()))
    };
    // (An opening quote: at a line's start or after a space, `:` or `(`.)
    if !title_words(&b[q + 1..start], false) || (opened > 0 && !matches!(b[opened - 1], b' ' | b'\n' | b':' | b'(')) {
        return false;
    }
    // Only after the word of a work, a show or a plan (`Voorleesmiddag "Jip en Janneke"`,
    // `Klassiekers: "Max Havelaar"`, `speelt "Gijsbrecht van Aemstel"`): elsewhere a name in
    // quotes is what someone is called (`stelt zich voor als "Abdi"`, `Mijn zoon "Daan"`), a
    // value in an export (`"naam": "Fatima Bouzid"`) or speech.
    let before = b[..opened].trim_ascii_end();
    let before = before.strip_suffix(b":").unwrap_or(before).trim_ascii_end();
    let word = &before[ascii_word_start(before, before.len())..];
    let work = word.len() >= 4
        && WORKS.iter().any(|w| word.len() >= w.len() && word[word.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes()));
    if !work {
        return false;
    }
    // The quote closes after the name or after more words of a title (`"Jip en Janneke"`),
    // not after a clause (`"Kevin mama vaker slaat"`: speech).
    let rest = &b[end..b.len().min(end + 80)];
    let line = &rest[..rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len())];
    let Some(close) = line.iter().position(|&c| c == b'"').or_else(|| line.windows(3).position(|w| w == "”".as_bytes())) else {
        return false;
    };
    title_words(&line[..close], true)
}

/// A word of a title: capitalised, or a small word between (`Jip en Janneke`, `Gijsbrecht van
/// Aemstel`).
fn is_title_word(w: &[u8]) -> bool {
    w[0].is_ascii_uppercase() || matches!(w, b"en" | b"van" | b"de" | b"der" | b"den" | b"het" | b"in" | b"op" | b"of")
}

/// How the words end before a work's, a show's or a plan's title in quotes.
const WORKS: &[&str] = &[
    "voorstelling", "middag", "club", "klassiekers", "boek", "roman", "film", "musical", "stuk", "speelt", "spelen",
    "opvoering", "expositie", "tentoonstelling", "project", "plan", "programma", "serie", "titel", "lied", "album",
    "campagne", "uitvoering", "lezing", "workshop", "cursus", "theater", "show",
];

/// `III-kazerne`, `Gogh-kapel`, `Hooft-prijs`, `I-brug`: a word whose last hyphenated part is a
/// lower-case noun of three letters or more that is no tussenvoegsel (`Bakker-de`).
fn hyphen_compound(word: &str, royal: bool) -> bool {
    let Some((head, tail)) = word.rsplit_once('-') else {
        return false;
    };
    // (A numeral before it counts after a royal title only: `Koning Willem III-kazerne`, not
    // `Anna Bakker IV-infuus`.)
    if !royal && !head.is_empty() && head.bytes().all(|c| matches!(c, b'I' | b'V' | b'X')) {
        return false;
    }
    tail.len() >= 3
        && tail.bytes().all(|c| c.is_ascii_lowercase())
        && !super::is_lower_tussenvoegsel(tail.as_bytes())
        // (`Marie-louise`, `Jan-willem`: a double given name typed with a small letter.)
        && crate::lexicon::flags_of(tail) & crate::lexicon::FIRST == 0
}

/// A Roman numeral of a king or a club after the chain (`Willem II`, `Willem III`; `Willem I`
/// only after a royal title: `I` may be an initial).
fn regnal_numeral_after(b: &[u8], end: usize, royal: bool) -> bool {
    if b.get(end) != Some(&b' ') {
        return false;
    }
    let at = end + 1;
    let len = b[at..].iter().take_while(|c| matches!(c, b'I' | b'V' | b'X')).count();
    if len == 0 || b.get(at + len).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'.') {
        return false;
    }
    let numeral = &b[at..at + len];
    // (Not before a lower-case word or a hyphen: `Dhr. Jansen IV antibiotica`, `IV-infuus`.)
    if b.get(at + len) == Some(&b'-') || (b.get(at + len) == Some(&b' ') && b.get(at + len + 1).is_some_and(u8::is_ascii_lowercase)) {
        return false;
    }
    matches!(numeral, b"II" | b"III" | b"VI" | b"VII" | b"VIII" | b"IX" | b"X") || (matches!(numeral, b"I" | b"IV" | b"V") && royal)
}

/// `Halspaviljoen`, `Lenstrastadion`: an unlisted word that runs a name into the kind of
/// building or structure named after it.
fn facility_compound(word: &str) -> bool {
    // (Walked from the word's last byte, as written: the endings are ASCII and lower case, so
    // one that matches starts at a char boundary.)
    static ENDINGS: std::sync::LazyLock<crate::lexicon::SuffixSet> = std::sync::LazyLock::new(|| {
        crate::lexicon::SuffixSet::new(&[
            "paviljoen", "kazerne", "kapel", "toren", "zaal", "college", "school", "plein", "museum", "theater",
            "stadion", "sporthal", "gebouw", "centrum", "park",
        ])
    });
    ENDINGS.matches(word, 3)
}

/// `bij het Frans Halspaviljoen`, `in het Dr. Ariënshuis`, `en het Willem Dreeshuis`: the neuter
/// article after a preposition (or `en`), and perhaps a title, before a name: a building or an
/// institution, never a person (`Ik heb het Jan gezegd`: `het` after a verb is a pronoun).
fn neuter_article_before(b: &[u8], start: usize) -> bool {
    // (`het ` stands within the few bytes before: most names have none.)
    if !b[start.saturating_sub(10)..start].windows(4).any(|w| w == b"het ") {
        return false;
    }
    let mut head = b[..start].trim_ascii_end();
    // (A title between them: `het Dr. Ariënshuis`.)
    for title in [&b"Dr."[..], b"dr.", b"Mgr.", b"St.", b"Sint"] {
        if let Some(rest) = head.strip_suffix(title) {
            head = rest.trim_ascii_end();
            break;
        }
    }
    let Some(head) = head.strip_suffix(b" het") else {
        return false;
    };
    matches!(
        &head[ascii_word_start(head, head.len())..],
        b"in" | b"naar" | b"bij" | b"van" | b"uit" | b"op" | b"aan" | b"voor" | b"met" | b"tot" | b"achter" | b"naast" | b"en" | b"In" | b"Naar" | b"Bij"
    )
}

/// A youth or women's team's code after a club's name (`Prins Hendrik VR2`, `SV Dr. Ariëns
/// JO15-1`, `MO17`).
fn team_code_after(b: &[u8], end: usize) -> bool {
    if b.get(end) != Some(&b' ') {
        return false;
    }
    let rest = &b[end + 1..];
    let letters = rest.iter().take_while(|c| c.is_ascii_uppercase()).count();
    matches!(&rest[..letters], b"JO" | b"MO" | b"VR" | b"O") && rest.get(letters).is_some_and(u8::is_ascii_digit)
}

/// `Juliana '31`, `Achilles ’12`: a club with the year it was founded.
fn founding_year_after(b: &[u8], end: usize) -> bool {
    let rest = &b[end..];
    let Some(year) = rest.strip_prefix(b" '").or_else(|| rest.strip_prefix(" ’".as_bytes())) else {
        return false;
    };
    year.len() >= 2 && year[..2].iter().all(u8::is_ascii_digit) && !year.get(2).is_some_and(u8::is_ascii_alphanumeric)
}

/// `Juliana '31 – Prinses Irene 3-1` … `Bij Juliana scoorde Kofi Mensah twee keer`: a word the
/// text names as a club, with the year it was founded, is the club wherever it stands alone.
pub(super) fn clubs_named_again(t: &Text<'_>, out: &mut Vec<super::NameHit>) {
    let b = t.bytes;
    let mut clubs: Vec<&[u8]> = Vec::new();
    for p in memchr::memchr_iter(b'\'', b) {
        if p < 3 || b[p - 1] != b' ' || !founding_year_after(b, p - 1) {
            continue;
        }
        let word_start = b[..p - 1].iter().rposition(|c| !c.is_ascii_alphabetic()).map_or(0, |q| q + 1);
        let word = &b[word_start..p - 1];
        if word.len() >= 3 && word[0].is_ascii_uppercase() && !clubs.contains(&word) {
            clubs.push(word);
        }
    }
    if !clubs.is_empty() {
        out.retain(|h| !clubs.contains(&&b[h.range.clone()]));
    }
}

/// Whether `start..end` stands on a line that gives a match's result (`Jonathan – Achilles '12
/// 2-4`, `Olympia VR1 – Victoria '25 VR1: 1-3`): one side's name is a team's.
fn in_a_match_result(b: &[u8], start: usize, end: usize) -> bool {
    // (A result's line is short: look no further than 120 bytes either way; the score at its
    // end first, the cheapest test.)
    const LINE: usize = 120;
    let to = (end + LINE).min(b.len());
    let line_end = match memchr::memchr(b'\n', &b[end..to]) {
        Some(p) => end + p,
        None if to == b.len() => to,
        None => return false,
    };
    let tail = b[end..line_end].trim_ascii_end();
    // A score of two numbers at the line's end, after a space or a colon.
    let score_len = tail.iter().rev().take_while(|c| c.is_ascii_digit() || **c == b'-').count();
    let score = &tail[tail.len() - score_len..];
    let scored = score.iter().filter(|&&c| c == b'-').count() == 1
        && score.first().is_some_and(u8::is_ascii_digit)
        && score.last().is_some_and(u8::is_ascii_digit)
        && score.len() <= 7
        && tail.len() > score_len
        && matches!(tail[tail.len() - score_len - 1], b' ' | b':');
    if !scored {
        return false;
    }
    let from = start.saturating_sub(LINE);
    let line_start = match memchr::memrchr(b'\n', &b[from..start]) {
        Some(p) => from + p + 1,
        None if from == 0 => 0,
        None => return false,
    };
    let line = &b[line_start..line_end];
    line.len() <= LINE && (memchr::memmem::find(line, " – ".as_bytes()).is_some() || memchr::memmem::find(line, b" - ").is_some())
}

/// `| Julia | 1.10.4 | MIT |`: a name alone in a table cell before a cell holding a version: a
/// piece of software.
fn version_cell_after(b: &[u8], end: usize, complete_name: bool) -> bool {
    let rest = &b[end..b.len().min(end + 24)];
    let Some(rest) = rest.trim_ascii_start().strip_prefix(b"|") else {
        return false;
    };
    let cell = rest.trim_ascii_start();
    let value = &cell[..cell.iter().take_while(|c| c.is_ascii_digit() || **c == b'.').count()];
    // Three parts or more (`1.10.4`; not a grade `7.5`, hours `3.5`), and not a date (`12.03.2024`).
    let parts = value.split(|&c| c == b'.').count();
    let date = parts == 3 && value.rsplit(|&c| c == b'.').next().is_some_and(|last| last.len() == 4);
    // Nor, after a full name, an IPv4 address (`| Jan de Vries | 145.53.208.77 |`: an audit
    // log's user and address).
    let ipv4 = complete_name && parts == 4 && super::ipv4_at(value, 0);
    parts >= 3 && !value.split(|&c| c == b'.').any(<[u8]>::is_empty) && !date && !ipv4
}

/// Kinds of thing named after a person, before its name with or without an article.
const THING_KINDS: &[&str] = &[
    "veerpont", "pont", "schip", "vaartuig", "loodsvaartuig", "klipper", "sleepboot", "speeltuin", "sluis", "brug",
    "tunnel", "kazerne", "toren", "molen", "gemaal", "p+r",
    // (Wards in the plural: `De afdelingen Florence Nightingale en Sint-Jozef`.)
    "afdelingen",
    // Neighbourhoods in the plural (`de wijken Veldhuizen, Ede-Zuid en Kernhem`), a boat.
    "wijken", "buurten", "rondvaartboot",
];

/// Kinds of thing named after a person only without an article before them (`afdeling Florence
/// Nightingale`; `Op de afdeling Marieke Jansen gesproken` is where she was).
/// (And a neighbourhood: `wijk Berflo Es`; `in de wijk Jan de Vries gesproken` names a person.)
const BARE_THING_KINDS: &[&str] = &["afdeling", "paviljoen", "vleugel", "boot", "wijk", "buurt", "stadsdeel", "woonwijk"];

/// Whether one of [`THING_KINDS`] stands right before `at` (the chain's start, or where a royal
/// title before it starts: `speeltuin Koningin Wilhelmina`).
fn thing_kind_before(b: &[u8], at: usize) -> bool {
    if at < 3 || b[at - 1] != b' ' {
        return false;
    }
    let floor = (at - 1).saturating_sub(16);
    let word_start = b[floor..at - 1].iter().rposition(|c| !(c.is_ascii_alphabetic() || *c == b'+')).map_or(floor, |p| floor + p + 1);
    let word = &b[word_start..at - 1];
    if !(2..=14).contains(&word.len()) {
        return false;
    }
    THING_KINDS.iter().any(|k| k.as_bytes().eq_ignore_ascii_case(word))
        || (BARE_THING_KINDS.iter().any(|k| k.as_bytes().eq_ignore_ascii_case(word)) && {
            let head = b[..word_start].trim_ascii_end();
            let article = &head[ascii_word_start(head, head.len())..];
            !matches!(article, b"de" | b"De" | b"het" | b"Het" | b"een" | b"Een")
        })
}

/// Where a royal title and its space start when they stand right before `start` (`Koningin
/// Wilhelmina`).
fn royal_title_before(b: &[u8], start: usize) -> Option<usize> {
    let head = b[..start].strip_suffix(b" ")?;
    // (Every royal title ends in one of these bytes and is at least five long.)
    if !matches!(head.last(), Some(b'g' | b'n' | b's' | b'r')) || head.len() < 5 {
        return None;
    }
    super::ROYAL_TITLES.iter().find(|r| head.ends_with(r.as_bytes())).map(|r| head.len() - r.len())
}

/// Whether `word` is a party's name, or parties' joined by hyphens (`GroenLinks-PvdA`).
fn is_party(word: &str) -> bool {
    // (Every party below has a capital after its first letter, or is `Volt`.)
    // (Every part: `PvdA-Kamerlid Anna Bakker` is a member of one.)
    word.bytes().skip(1).any(|c| c.is_ascii_uppercase()) && word.split('-').all(|part| PARTIES.contains(&part))
}

/// Parties whose names read like a person's (`GroenLinks-PvdA`, `ChristenUnie`).
const PARTIES: &[&str] = &["GroenLinks", "PvdA", "ChristenUnie", "PvdD", "BBB", "JA21"];

/// `J. Smit & K. Visser`, `Jan & Piet`: initials or a given name after an ampersand start a
/// second person, not a firm's second name (`Loyens & Loeff`).
fn person_after_ampersand(t: &Text<'_>, at: usize) -> bool {
    let b = t.bytes;
    if b.get(at).is_some_and(u8::is_ascii_uppercase) && b.get(at + 1) == Some(&b'.') {
        return true;
    }
    let end = at + b[at..].iter().take_while(|c| c.is_ascii_alphabetic() || **c >= 0x80).count();
    let Some(word) = t.str.get(at..end) else {
        return false;
    };
    let flags = crate::lexicon::flags_of(word);
    flags & crate::lexicon::FIRST != 0 && flags & crate::lexicon::SURNAME == 0
}

/// Whether `word` ends like a street name (for words outside a chain).
pub(super) fn looks_like_street(word: &str) -> bool {
    STREET_ENDINGS.matches_word(word, 2) && !is_surname(word)
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::Person;

    #[test]
    fn things_named_after_people() {
        for text in [
            "Voorleesmiddag \"Jip en Janneke\" voor peuters.",
            "Leesclub Klassiekers: \"Max Havelaar\" (hoofdstuk 1 tot en met 10).",
            "Toneelgroep Maastricht speelt \"Gijsbrecht van Aemstel\".",
            "Ontwerpbestemmingsplan \"Hof van Rembrandt\", Leiden",
            "| GM 0219 | Koning Willem III-kazerne | 1881 |",
            "Museum Het Gasthuis, Van Gogh-kapel",
            "de P.C. Hooft-prijs wordt niet uitgereikt",
            "De EHBO-post staat bij de Koning Willem I-brug.",
            "Parkeren kan op P+R Koning Willem I; pendelbussen rijden elke 10 minuten.",
            "| Prinses Irene 1 – Willem II Amateurs 1 | 2-1 |",
            "VV Johan Cruijff Boys JO9-3",
            "De veerpont Prinses Margriet vaart vandaag niet.",
            "het behoud van de speeltuin Koningin Wilhelmina",
            "Fatma Demir (verpleegkundige, afdeling Florence Nightingale) komt over.",
            "de Wet Mulder, artikel 2",
            "Vragensteller: Lotte Brinkman (GroenLinks-PvdA)",
            "We mogen het grasveld bij het Frans Halspaviljoen gebruiken.",
            "| GM 0227 | Frans Halspaviljoen | 1931 |",
            "de dagbesteding in het Dr. Ariënshuis; Zorgcentrum Mgr. Bekkers en het Dr. Ariënshuis",
            "Ze werkt als docent op het Thomas a Kempis College.",
            "| 16.45 | Prinses Irene VR1 – Prins Hendrik VR2 | 2 |",
            "| Julia | 1.10.4 | MIT | verkeersmodel |",
            "VVV Lindeveld, 0900-1122334",
            "de wethouder Ruimte en Wonen, de wethouder Mobiliteit",
        ] {
            let names = found(text, Person);
            assert!(names.iter().all(|n| n == "Lotte Brinkman" || n == "Fatma Demir"), "{text}: {names:?}");
        }
        // Names in quotes as what someone is called, and speech, stay names.
        assert_eq!(found("Klant (stelt zich voor als \"Abdi\") belt.", Person), ["Abdi"]);
        assert_eq!(found("Jayden vertelde dat \"Kevin mama vaker slaat\".", Person), ["Jayden", "Kevin"]);
        // A double surname and a name before a desk with a hyphen stay names.
        assert_eq!(found("mevrouw Bakker-de Vries belde", Person), ["Bakker-de Vries"]);
        assert_eq!(found("het gesprek met mevrouw Schellekens van het Wmo-loket", Person), ["Schellekens"]);
        assert_eq!(found("As agreed with Ms Van Hulst, we come.", Person), ["Van Hulst"]);
        // Names the review of these rules found lost, kept: names in quotes in exports and
        // forms, a name before a grade or a date, a member of a party, a double given name in
        // lower case, a person on a ward or a boat, a name before an IV drip.
        for (text, want) in [
            ("{\"klant\": {\"naam\": \"Fatima Bouzid\", \"id\": 17}}", &["Fatima Bouzid"][..]),
            ("Naam: \"Piet Bakker\", geboren 01-02-1980.", &["Piet Bakker"]),
            ("Mijn zoon \"Daan\" heeft koorts.", &["Daan"]),
            ("| Naam | Cijfer |\n| Anna de Vries | 7.5 |", &["Anna de Vries"]),
            ("| Sanne Visser | 12.03.2024 |", &["Sanne Visser"]),
            ("2024-03-12 09:15 | a.ozturk | Ayşe Öztürk | 10.8.14.77 | MFA_OK", &["Ayşe Öztürk"]),
            ("Jan de Vries | 145.53.208.77", &["Jan de Vries"]),
            ("PvdA-Kamerlid Anna Bakker sprak.", &["Anna Bakker"]),
            ("Raadslid Laura Volt vroeg het woord.", &["Laura Volt"]),
            ("Vandaag belde Marie-louise over haar aanvraag.", &["Marie-louise"]),
            ("Op de afdeling Marieke Jansen gesproken over ontslag.", &["Marieke Jansen"]),
            ("Met de boot Jan Jansen naar Texel gebracht.", &["Jan Jansen"]),
            ("Dhr. Jansen IV antibiotica gestart.", &["Jansen"]),
            ("Klant Van der Valk Bouman belde.", &["Van der Valk Bouman"]),
        ] {
            assert_eq!(found(text, Person), want, "{text}");
        }
        // (The span runs on into `IV-infuus`, as it did before these rules; the name is found.)
        let drip = found("Patiënt Anna Bakker IV-infuus geplaatst.", Person);
        assert!(drip.len() == 1 && drip[0].starts_with("Anna Bakker"), "{drip:?}");
        // `het` after a verb is a pronoun; a surname of parts that ends like a bridge stays one.
        assert_eq!(found("Ik heb het Jan gisteren gezegd.", Person), ["Jan"]);
        assert_eq!(found("Achternaam: van de Noordbrug", Person), ["van de Noordbrug"]);
        assert_eq!(found("Meneer Holbrug is bekend met diabetes.", Person), ["Holbrug"]);
    }

    #[test]
    fn every_venue_ending_has_its_last_byte_listed() {
        for ending in super::VENUE_ENDINGS {
            assert!(super::VENUE_LAST_BYTES.contains(&ending.as_bytes()[ending.len() - 1]), "{ending}");
        }
    }

    #[test]
    fn venues_named_after_their_kind_or_a_person_are_not_names() {
        for text in [
            "een gesprek met alle buren in buurthuis De Vogelzang.",
            "Hij woont in zorgcentrum Johannes Hospitium in Wijk.",
            "Zij verblijft in verpleeghuis Maria Oord.",
            "We gaan naar restaurant Vincent.",
            "bijeenkomsten in het Willem Dreeshuis en naar het Anne Frankhuis.",
        ] {
            assert!(found(text, Person).is_empty(), "{text}");
        }
        // A person after a role or at home, and surnames ending in -huis without `het`.
        assert_eq!(found("huisarts Jansen belde", Person), ["Jansen"]);
        assert_eq!(found("Ze was thuis Marieke belde haar.", Person), ["Marieke"]);
        assert_eq!(found("Ik sprak Jan Kamphuis en Els Oosterhuis.", Person), ["Jan Kamphuis", "Els Oosterhuis"]);
        assert_eq!(found("Van: Ilse Meeshuis", Person), ["Ilse Meeshuis"]);
        // With an article the kind is where someone is; a bare kind that is no compound; a
        // listed full name; `het` as the pronoun.
        for (text, want) in [
            ("Hij ligt in het ziekenhuis Jan Jansen bezocht hem.", "Jan Jansen"),
            ("In het gemeentehuis Jan Bakker gesproken over de aanvraag.", "Jan Bakker"),
            ("Na de kerk Jan Bakker sprak ons aan.", "Jan Bakker"),
            ("Ze ging naar huis Marieke bleef nog.", "Marieke"),
            ("Ik breng de kinderen naar school Jan Bakker haalt ze op.", "Jan Bakker"),
            ("Melding verpleeghuis Kees de Vries gevallen", "Kees de Vries"),
            ("Ik heb het Jan Berghuis gisteren gezegd.", "Jan Berghuis"),
        ] {
            assert_eq!(found(text, Person), [want], "{text}");
        }
    }

    #[test]
    fn places_after_a_place_label_are_not_names() {
        for text in [
            "Place of birth: Lyon, France\n",
            "Geboorteplaats: Gent, België\n",
            "Woonplaats: Mariënberg\n",
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
        // The label reaches across one place, not across a name that follows on another line.
        assert_eq!(found("Place of birth: Lyon\nName: France Dupont", Person), ["France Dupont"]);
    }

    /// A city after a five-digit (foreign) postcode is no name, even when it is a listed one.
    #[test]
    fn cities_after_five_digit_postcodes() {
        for text in ["14 Rue de la Paix, 75002 Paris", "Hauptstraße 5\n10115 Berlin", "Adresse:\n75002 Paris"] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
        // Only after a comma or at a line's start: a number in running text is no postcode.
        assert_eq!(found("Dossier 12345 Paris Hilton", Person), ["Paris Hilton"]);
        // A name that starts the line after a postcode is no city (the next row of an export).
        assert_eq!(
            found("naam;geboortedatum;postcode\nPieter Bakker;12-03-1980;1234 AB\nSaskia de Wit;01-11-1975;5678 CD", Person),
            ["Pieter Bakker", "Saskia de Wit"]
        );
        assert!(found("Postbus 16200\n3500 CE Utrecht", Person).is_empty());
    }

    /// `Frans` is a given name and a language: the language after a verb of speaking, `het`,
    /// or next to another language.
    #[test]
    fn frans_the_language() {
        for text in [
            "Hij spreekt Engels en Frans.",
            "Cliënt spreekt Frans en een beetje Nederlands.",
            "De brief is vertaald in het Frans.",
            "Zij spreekt Arabisch, Frans en Nederlands.",
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
        assert_eq!(found("Ik heb gisteren met Frans gesproken.", Person), ["Frans"]);
        assert_eq!(found("Frans en Marieke komen morgen langs.", Person), ["Frans", "Marieke"]);
    }

    /// A place after an address and its comma is no name, though `Heino` is a listed one.
    #[test]
    fn place_after_an_address() {
        for text in ["Dorpsweg 12, Heino", "De melding kwam van Kerkstraat 4a, Emmen.", "Laan 3-2, Den Haag"] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
        assert_eq!(found("Bezoek aan Dorpsweg 12, Piet Jansen was thuis.", Person), ["Piet Jansen"]);
        assert_eq!(found("Heino belde over Dorpsweg 12.", Person), ["Heino"]);
        // A listed place that is also a given name, after a preposition of place or a house
        // number and its comma, is the place; elsewhere it stays a name.
        for text in ["Hij woont aan de Dijk 12 in Heino.", "Het adres is Brink 4, Heino.", "Hij komt uit Stein.", "Zij verhuist naar Horst."] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
        assert_eq!(found("Ik heb met Heino gesproken.", Person), ["Heino"]);
        assert_eq!(found("Ik woon in de buurt van Sanne.", Person), ["Sanne"]);
        assert_eq!(found("Mevrouw Linde woont in Linde.", Person), ["Linde"]);
    }
}
