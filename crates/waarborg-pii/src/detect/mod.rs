//! Detectors: one file per entity type, each with what it finds, why it is personal data, and
//! its positives and hard negatives as tests.
//!
//! Pattern detectors contribute [`PatternRule`]s that [`patterns::PatternScanner`] compiles into
//! one multi-pattern automaton, so all of them share one pass over the bytes; a rule's `check`
//! runs only at a candidate match and decides (checksum, context, boundaries) whether it is
//! reported. Names ([`person`]) and special categories ([`categories`]) need word context and
//! gazetteers, and run as their own token passes.

pub(crate) mod address;
pub(crate) mod bsn;
pub(crate) mod card;
pub(crate) mod categories;
pub(crate) mod date_of_birth;
pub(crate) mod email;
pub(crate) mod iban;
pub(crate) mod id_document;
pub(crate) mod ip;
pub(crate) mod keywords;
pub(crate) mod kvk;
pub(crate) mod labelled;
pub(crate) mod patterns;
pub(crate) mod person;
pub(crate) mod phone;
pub(crate) mod plate;
pub(crate) mod postcode;

use crate::entity::EntityType;
use crate::text::Text;
use std::ops::Range;

/// A candidate accepted by a rule: the byte range to report (may be narrower than the regex
/// match) and a confidence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    pub(crate) range: Range<usize>,
    pub(crate) score: f32,
}

impl Hit {
    pub(crate) fn new(range: Range<usize>, score: f32) -> Self {
        Hit { range, score }
    }
}

/// One regular expression and the check that turns its matches into findings.
pub(crate) struct PatternRule {
    /// The type reported.
    pub(crate) entity: EntityType,
    /// The detector name reported in `detector`.
    pub(crate) name: &'static str,
    /// The pattern (regex-automata syntax; prefer ASCII classes and `(?-u:\b)`).
    pub(crate) pattern: &'static str,
    /// Validates a match; `None` rejects it.
    pub(crate) check: fn(&Text<'_>, Range<usize>) -> Option<Hit>,
}

/// Every pattern rule, in priority order: when two rules match at the same position the first
/// is tried first, and the others are tried if it rejects.
pub(crate) fn all_rules() -> Vec<&'static PatternRule> {
    [
        iban::RULES,
        card::RULES,
        bsn::RULES,
        phone::RULES,
        ip::RULES,
        plate::RULES,
        postcode::RULES,
        address::RULES,
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Every label-anchored rule (see [`labelled`]).
pub(crate) fn all_label_rules() -> Vec<&'static labelled::LabelRule> {
    [
        id_document::LABEL_RULES,
        kvk::LABEL_RULES,
        date_of_birth::LABEL_RULES,
        plate::LABEL_RULES,
        address::LABEL_RULES,
        postcode::LABEL_RULES,
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Labels of numbers that are not personal identifiers: a 9- or 10-digit number right after one
/// of these is an order, case or invoice number, not a BSN or phone number.
pub(crate) const NON_PERSONAL_NUMBER_LABELS: &[&str] = &[
    "ordernummer",
    "order",
    "bestelnummer",
    "factuurnummer",
    "factuur",
    "zaaknummer",
    "zaak",
    "kenmerk",
    "ons kenmerk",
    "uw kenmerk",
    "dossiernummer",
    "dossier",
    "klantnummer",
    "referentie",
    "referentienummer",
    "ref",
    "polisnummer",
    "artikelnummer",
    "relatienummer",
    "registratienummer",
    "volgnummer",
    "projectnummer",
    "contractnummer",
    "ticket",
    "ticketnummer",
    "meldingnummer",
    "meldingsnummer",
    // Numbers of a procedure, an application, an assessment or a receipt (session 18's probes:
    // `Procesnummer 0612 3456 78`, `Aanvraagnummer 0612345678` were read as phones).
    "procesnummer",
    "aanvraagnummer",
    "rolnummer",
    "besluitnummer",
    "beschikkingsnummer",
    "aanslagnummer",
    "verzoeknummer",
    "rapportnummer",
    "bonnummer",
    "documentnummer",
    "invoice",
    "nr",
    "no",
    "betalingskenmerk",
    "kenmerk",
    "transactienummer",
    "serienummer",
    "imei",
    // Parcels and orders (`Bestelling 123456782 wordt morgen geleverd`).
    "bestelling",
    "zending",
    "zendingnummer",
    "pakket",
    "pakketnummer",
    "trackingnummer",
    "verzendnummer",
    // The same abbreviated (`Klantnr. 0098234417`).
    "klantnr",
    "relatienr",
    "dossiernr",
    "zaaknr",
    "ordernr",
    "factuurnr",
    "contractnr",
    "polisnr",
    "ticketnr",
    "meldingnr",
    "registratienr",
    // Document-management numbers (`DMS-nummer 2024.01.820`).
    "dms-nummer",
    "corsanummer",
];

/// The lower-cased header of the `|`-, tab- or `;`-separated table column whose cell is `m`
/// (`None` outside a table).
pub(crate) fn cell_header(t: &Text<'_>, m: Range<usize>) -> Option<String> {
    // (Most numbers stand in running text: a cell border after it settles that first.)
    let mut after = m.end;
    while t.bytes.get(after) == Some(&b' ') {
        after += 1;
    }
    if !matches!(t.bytes.get(after), None | Some(b'|' | b'\t' | b';' | b'\n' | b'\r')) {
        return None;
    }
    Some(t.column_header(m.start, m.end, b"|\t;")?.trim().to_ascii_lowercase())
}

/// Whether a column header names a number of some kind (`doc.nr.`, `zaaknummer`, `kenmerk`,
/// `transactiereferentie`, `id`) or a numbered thing (`Brondocument`, `Ticket`); a bare `nummer`
/// names none in particular.
pub(crate) fn names_another_number(header: &str) -> bool {
    header.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).any(|w| {
        matches!(w, "nr" | "no" | "id" | "code" | "kenmerk" | "referentie" | "reference" | "rsin" | "btw")
            || (w.len() > 6 && (w.ends_with("nummer") || w.ends_with("kenmerk") || w.ends_with("referentie")))
            // `Factuurnr`, `Dossiernr`, `Klantnr`.
            || (w.len() > 4 && w.ends_with("nr"))
            || (NUMBERED_THINGS.iter().any(|e| w.ends_with(e) && (!COMPOUND_ONLY.contains(e) || w.len() >= e.len() + 3))
                && !names_a_persons_number(w))
    })
}

/// Things that carry a number of their own, as the last part of a word (`Raamcontract`,
/// `Wijzigingsverzoek`, `Reparatieticket`, `Salarisrun`, `Restitutiebatch`, `Brondocument`): a
/// number right after such a word, or in a column it heads, is that thing's number. Some count
/// only in a compound ([`COMPOUND_ONLY`]).
const NUMBERED_THINGS: &[&str] = &[
    "contract", "overeenkomst", "verzoek", "ticket", "batch", "run", "job", "export", "order", "incident",
    "aanvraag", "beschikking", "besluit", "nota", "offerte", "factuur", "mutatie", "mutaties", "document",
    "agreement", "enrollment", "aanslag", "machtiging", "vergunning", "subsidie", "wijziging", "bezwaar",
    "vordering", "transactie", "bon", "melding", "storing", "registratie", "meting", "regeling", "opdracht", "zaak",
    "boeking", "post", "laag", "chip", "case", "bestand", "automaat", "werkorder",
];

/// Endings of [`NUMBERED_THINGS`] that count only in a compound (`Salarisrun`, `Kassabon`,
/// `Gereedmelding`): alone they are given names (`Job`; `Varun`, `Harun` end so) or say whom to
/// call (`In geval van storing: 06 …`, `laatste melding: …`).
const COMPOUND_ONLY: &[&str] = &["run", "job", "bon", "melding", "storing", "post", "laag", "case", "zaak", "chip"];

/// Whether a (lower-case) label may name a person's own number: a BSN's, an identity
/// document's, a phone's, an account's or a card's (`Identificatienummer`, `Telefoonnummer`,
/// `Pasnummer`), so that it never says the number is another thing's.
pub(crate) fn names_a_persons_number(w: &str) -> bool {
    [
        "identificatie", "persoons", "burger", "sofi", "bsn", "tel", "mobiel", "mobile", "mob", "gsm", "bel",
        "contact", "sms", "whatsapp", "fax", "thuis", "nood", "doorkies", "werknummer", "priv", "vast", "direct",
        "alarm", "phone", "rekening", "iban", "kaart", "card", "pas", "paspoort", "rijbewijs",
    ]
    .iter()
    .any(|p| w.contains(p))
}

/// Whether the label right before a number (`label`, as [`Text::label_before`] gives it) is one
/// word that names another kind of number: a compound (`Serienummer`, `Artikelnr`,
/// `Verzuimregistratie-id's`, `Transactie-ID`) or a numbered thing (`contract`, `Incident`,
/// `Salarisrun`), not a bare `nummer`, `nr.` or `ID` (which follow a card's brand or stand for
/// any number), nor a word that may name a person's number (`Identificatienummer`,
/// `Persoonsnummer`, `Burgerservicenummer`, `Telefoonnummer`).
pub(crate) fn label_names_another_number(label: &[u8]) -> bool {
    let mut label = label;
    // A plural of letters: `id's`, `ID’s`.
    for plural in [&b"'s"[..], "’s".as_bytes()] {
        if label.len() > plural.len() + 2 && label[..label.len() - plural.len()].ends_with(b"d") && label.ends_with(plural) {
            label = &label[..label.len() - plural.len()];
        }
    }
    let start = label.iter().rposition(|c| !c.is_ascii_alphanumeric()).map_or(0, |i| i + 1);
    // (ASCII letters and digits only, so always a `str`.)
    let Ok(word) = std::str::from_utf8(&label[start..]) else {
        return false;
    };
    if word.len() < 2 {
        return false;
    }
    crate::lexicon::with_lower(word, |word| {
        // A plural (`Dossiernummers`, `Zaakkenmerken`, `Factuurnrs`) names the same numbers.
        let singular = word
            .strip_suffix("nummers")
            .map(|w| format!("{w}nummer"))
            .or_else(|| word.strip_suffix("kenmerken").map(|w| format!("{w}kenmerk")))
            .or_else(|| word.strip_suffix("nrs").filter(|w| w.len() > 2).map(|w| format!("{w}nr")));
        let word = singular.as_deref().unwrap_or(word);
        let compound = match word {
            "nr" | "no" | "code" | "nummer" => false,
            // `Transactie-ID`, `Klant-ID`: joined to its thing.
            "id" | "ids" => start >= 2 && label[start - 1] == b'-',
            _ => true,
        };
        compound && names_another_number(word) && !names_a_persons_number(word)
    })
}

/// Whether `start` follows the key of a `key=value` pair in a log or query string
/// (`zaakId=524675363`, `batch_id=…`, `mutaties=…`): the key names the value, and only a key
/// that may name a person's number (`bsn=`, `tel=`) lets it be one.
pub(crate) fn after_a_key(t: &Text<'_>, start: usize) -> bool {
    let b = t.bytes;
    if start < 2 || b[start - 1] != b'=' {
        return false;
    }
    let key_start = b[..start - 1].iter().rposition(|c| !(c.is_ascii_alphanumeric() || *c == b'_')).map_or(0, |i| i + 1);
    let key = &b[key_start..start - 1];
    // Only a key that names a thing's number: `zaakId`, `batch_id`, `docNr`, `mutaties`; not
    // `q=`, `persoon=`, `to=`, `caller=`, `pan=`, which may hold a person's.
    let names_a_thing = |k: &str| {
        let id = k.len() > 2 && (k.ends_with("id") || k.ends_with("ids"));
        // (A key is no given name: `job=`, `run=` count alone.)
        let thing = KEY_THINGS.iter().any(|w| k.ends_with(w)) || NUMBERED_THINGS.iter().any(|w| k.ends_with(w));
        (id || thing || names_another_number(&k.replace('_', " "))) && !names_a_persons_number(k)
    };
    !key.is_empty() && key[0].is_ascii_alphabetic() && std::str::from_utf8(key).is_ok_and(|key| crate::lexicon::with_lower(key, names_a_thing))
}

/// Keys of logs that name a thing's number (`session=`, `trace=`, `hash=`).
const KEY_THINGS: &[&str] = &[
    "session", "sessie", "trace", "span", "request", "correlation", "hash", "token", "object", "ref", "nr", "num",
    "seq", "serial",
];

/// `Het debiteurnummer heeft tien cijfers, bijvoorbeeld 0601 7775 49`, `een zaaknummer van negen
/// cijfers, zoals 970 147 247`: whether `start` follows `bijvoorbeeld`, `bijv.`, `zoals` or
/// `e.g.` in a sentence that names another number before it (within 160 bytes): the format shown
/// by an example, no one's number.
pub(crate) fn example_of_another_number_before(t: &Text<'_>, start: usize) -> bool {
    let b = t.bytes;
    let head = b[..start].trim_ascii_end();
    let Some(lead) = ["bijvoorbeeld", "bijv.", "zoals", "e.g."]
        .into_iter()
        .find(|w| crate::text::ends_with_word(head, &[w]))
        .map(|w| head.len() - w.len())
    else {
        return false;
    };
    let from = lead.saturating_sub(160);
    let sentence = &b[from..lead];
    let sentence = &sentence[sentence.iter().rposition(|&c| matches!(c, b'.' | b'\n' | b'?' | b'!')).map_or(0, |i| i + 1)..];
    sentence
        .split(|c| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 5)
        .any(|w| {
            // (A number's own name, `debiteurnummer`, `zaaknr`; not a thing that has one, which a
            // person's numbers may follow: `voor de registratie diverse nummers, zoals 06-…`.)
            std::str::from_utf8(w).is_ok_and(|w| {
                crate::lexicon::with_lower(w, |w| {
                    ["nummer", "nr", "kenmerk", "code"].iter().any(|e| w.ends_with(e) && w.len() > e.len() + 2) && !names_a_persons_number(w)
                })
            })
        })
}

/// Whether what stands right before `start` names the number there as another thing's than a
/// person's: a label of one word ([`label_names_another_number`]) or a log's key
/// ([`after_a_key`]).
pub(crate) fn another_things_number_before(t: &Text<'_>, start: usize) -> bool {
    after_a_key(t, start) || label_right_before(t, start).is_some_and(label_names_another_number)
}

/// [`another_things_number_before`], or a numbered thing and the words that say which kind
/// ([`thing_and_its_kind_before`]): for BSNs and cards, not phones (`Aanvraag rolstoel
/// 06-12345678` gives the applicant's number).
pub(crate) fn another_things_number_or_kind_before(t: &Text<'_>, start: usize) -> bool {
    another_things_number_before(t, start) || thing_and_its_kind_before(t, start)
}

/// `Raamovereenkomst mobiele telefonie 440798115`, `contract hulpmiddelen 656326803`,
/// `storingsnummer installateur 214658600`, `Raamcontracten: kantoorartikelen 742191564`: a
/// numbered thing (or its plural), then one or two lower-case words that say which, then the
/// number. Not across a word that ties the number to a person (`aanvraag van mevrouw …`,
/// `contract met mijn …`).
fn thing_and_its_kind_before(t: &Text<'_>, start: usize) -> bool {
    let b = t.bytes;
    let mut end = start;
    for words in 0..3 {
        // The separator: one space, or `: `.
        let sep = if end >= 2 && &b[end - 2..end] == b": " {
            2
        } else if end >= 1 && b[end - 1] == b' ' {
            1
        } else {
            return false;
        };
        let word_end = end - sep;
        let word_start = b[..word_end].iter().rposition(|c| !(c.is_ascii_alphabetic() || *c == b'-')).map_or(0, |i| i + 1);
        let word = &b[word_start..word_end];
        if !(3..=40).contains(&word.len()) {
            return false;
        }
        let Ok(word) = std::str::from_utf8(word) else {
            return false;
        };
        let thing = crate::lexicon::with_lower(word, |w| {
            let singular = [w.strip_suffix("en"), w.strip_suffix('s')];
            !names_a_persons_number(w)
                && (names_another_number(w) || singular.into_iter().flatten().any(names_another_number))
        });
        // (The nearest word may be the thing itself: a single label is read above.)
        if thing && words > 0 {
            return true;
        }
        // Only lower-case words that say which kind of thing (and the thing, capitalised); not a
        // person's role (`Aanvraag bijstand partner 123456782`, `statushouder`, `leverancier`).
        let which = word.as_bytes()[0].is_ascii_lowercase()
            && !crate::lexicon::with_lower(word, |w| {
                TIES_TO_A_PERSON.contains(&w)
                    || crate::lexicon::is_common_word(w)
                    || crate::lexicon::flags_of(w) & crate::lexicon::TITLE != 0
                    || PERSON_ENDINGS.iter().any(|e| w.ends_with(e))
            });
        if thing || !which {
            return false;
        }
        end = word_start;
    }
    false
}

/// Endings of words for people (`eigenaar`, `loodgieter`, `chauffeur`, `debiteur`,
/// `statushouder`, `leverancier`, `organisator`, `aangeefster`, `cliënt`).
const PERSON_ENDINGS: &[&str] = &["er", "ster", "eur", "aar", "ier", "or", "ist", "ant", "ent", "man", "vrouw"];

/// Words between a thing and a number that tie the number to a person.
const TIES_TO_A_PERSON: &[&str] = &[
    "van", "voor", "met", "aan", "door", "bij", "mijn", "zijn", "haar", "uw", "je", "jouw", "hun", "onze", "mevrouw",
    "meneer", "klant", "cliënt", "client", "burger", "aanvrager", "bewoner", "inwoner", "medewerker", "is", "heeft",
    "nummer",
];

/// The label right before `start`: [`Text::label_before`], when only spaces, `:`, `#` or `(`
/// stand between it and `start` — not a sentence's end (`mijn aanvraag. 06-…`), a table's cell
/// border, a tab or a dash (`Storing - 06-…`).
pub(crate) fn label_right_before<'a>(t: &Text<'a>, start: usize) -> Option<&'a [u8]> {
    let label = t.label_before(start, 32);
    let end = start.saturating_sub(32) + label.len();
    t.bytes[end..start].iter().all(|c| matches!(c, b' ' | b':' | b'#' | b'(' | b'=')).then_some(label)
}

/// `(16 cijfers, bijvoorbeeld 4000 1225 0318 7761)`, `(9 cijfers, bijv. …)`: whether `start`
/// follows, inside a parenthesis on its line, the number of digits and a word that gives an
/// example: the format shown, no one's number.
pub(crate) fn format_example_before(t: &Text<'_>, start: usize) -> bool {
    let Some(open) = open_parenthesis_before(t.bytes, start, 48) else {
        return false;
    };
    let inside = t.str[open + 1..start].trim();
    let digits = inside.bytes().take_while(u8::is_ascii_digit).count();
    let rest = inside[digits..].trim_start();
    digits > 0
        && (rest.starts_with("cijfers") || rest.starts_with("tekens") || rest.starts_with("digits"))
        && ["bijv.", "bijvoorbeeld", "zoals", "e.g.", "for example"].iter().any(|w| inside.ends_with(w))
}

/// `procesnummer van 10 cijfers (bijv. 06-2024-1234 …)`, `DMS-nummer (9 cijfers, bijv.
/// 202401807 of 857 623 916)`: whether `start` lies inside a parenthesis, opened on its line at
/// most 64 bytes before, that follows a non-personal number's label (and perhaps its length,
/// `van 10 cijfers`): the text there shows that number's format, with examples.
pub(crate) fn in_parenthesis_after_non_personal_label(t: &Text<'_>, start: usize) -> bool {
    let Some(open) = open_parenthesis_before(t.bytes, start, 64) else {
        return false;
    };
    // The parenthesis shows the format: its length or an example (`(bijv. …`, `(9 cijfers, …`);
    // not a remark that names someone (`Dossiernummer (cliënt A. Jansen, 123456782)`).
    let inside = &t.str[open + 1..start];
    if !["bijv", "bijvoorbeeld", "cijfers", "zoals", "e.g.", "for example"].iter().any(|w| inside.contains(w)) {
        return false;
    }
    let head = t.str[..open].trim_end();
    // (`van 10 cijfers`, `9 cijfers`: the number's length.)
    let head = match head.strip_suffix("cijfers").or_else(|| head.strip_suffix("tekens")) {
        Some(rest) => {
            let rest = rest.trim_end().trim_end_matches(|c: char| c.is_ascii_digit()).trim_end();
            rest.strip_suffix(" van").or_else(|| rest.strip_suffix(" met")).unwrap_or(rest).trim_end()
        }
        None => head,
    };
    ends_with_non_personal_label(&head.as_bytes()[head.len().saturating_sub(24)..])
}

/// Where the parenthesis holding `start` opens, when it opens on the same line at most `window`
/// bytes before (and closes nowhere between).
fn open_parenthesis_before(b: &[u8], start: usize, window: usize) -> Option<usize> {
    let from = start.saturating_sub(window);
    let open = from + memchr::memrchr3(b'(', b')', b'\n', &b[from..start])?;
    (b[open] == b'(').then_some(open)
}

/// Whether a non-personal-number label stands right before `start` — not counting the letters
/// of a postcode (`3511 NR 123456782`: `NR` is not "nummer").
pub(crate) fn non_personal_label_before(t: &Text<'_>, start: usize) -> bool {
    ends_with_non_personal_label(t.label_before(start, 24))
}

/// Whether `label` ends in one of [`NON_PERSONAL_NUMBER_LABELS`], a postcode's letters aside.
fn ends_with_non_personal_label(label: &[u8]) -> bool {
    !ends_with_postcode(label) && crate::text::ends_with_word(label, NON_PERSONAL_NUMBER_LABELS)
}

/// `… 1234 AB` / `…1234AB` at the end of `b`.
pub(crate) fn ends_with_postcode(b: &[u8]) -> bool {
    let n = b.len();
    if n < 6 || !b[n - 2..].iter().all(u8::is_ascii_uppercase) {
        return false;
    }
    let digits_end = if b[n - 3] == b' ' { n - 3 } else { n - 2 };
    digits_end >= 4 && b[digits_end - 4..digits_end].iter().all(u8::is_ascii_digit)
}

/// For label-anchored patterns (`KvK-nummer: 12345678`): the match from its first digit on.
pub(crate) fn value_from_first_digit(t: &Text<'_>, m: Range<usize>) -> Option<Range<usize>> {
    let first = t.bytes[m.clone()].iter().position(u8::is_ascii_digit)?;
    Some(m.start + first..m.end)
}

/// Whether two byte ranges share a byte.
pub(crate) fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether a currency sign or word sits right before `start` or after `end`: an amount.
pub(crate) fn looks_like_amount(t: &Text<'_>, start: usize, end: usize) -> bool {
    let before = t.label_before(start, 8);
    let before_amount = before.ends_with("€".as_bytes())
        || (!ends_with_postcode(before)
            && crate::text::ends_with_word(before, &["eur", "euro", "usd", "ƒ", "fl"]));
    let after_amount = {
        let to = (end + 7).min(t.len());
        let after = &t.bytes[end..to];
        after.starts_with(b",-")
            || after.starts_with(b",00")
            || after.starts_with(b" euro")
            || after.starts_with(b" EUR")
            || after.starts_with(" €".as_bytes())
    };
    before_amount || after_amount
}
