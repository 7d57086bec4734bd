//! PERSON — names of natural persons.
//!
//! **What it finds:** chains of capitalised words, initials and tussenvoegsels that form a name:
//! `Jan de Vries`, `A.C. van Huffelen`, `M.A.M. Adriaansens`, `Fatima El Amrani`,
//! `Anna Jansen-de Boer`, `Hedy d'Ancona`, `Kees van 't Hof`, reversed `Vries, B. de`, and a
//! bare surname after a title or role (`dhr. Jansen`, `mevrouw Yılmaz`, `wethouder Van der Laan`).
//! A chain is a name when it starts with initials, starts with a known first name, follows a
//! title/role/salutation, or pairs an unknown capitalised word with a known surname. Titles are
//! context, never part of the span.
//!
//! **Why it is personal data:** a name identifies a person directly (AVG art. 4(1)).
//!
//! **Hard negatives:** streets named after people (`Johan de Wittlaan`), organisations
//! (`Gemeente Utrecht`, `Bakker Installatietechniek B.V.`, `Stichting Van der Meer Fonds`),
//! capitalised sentence starts and function words (`Hierin`, `Volgens`), words in capitals.

use crate::lexicon::{is_common_word, is_surname, with_lower};
use crate::lexicon::{SuffixSet, WordSet as FastSet};
use std::sync::LazyLock;

/// A word list as a set, built once.
struct WordSet(LazyLock<FastSet>);

impl WordSet {
    const fn new(init: fn() -> FastSet) -> Self {
        WordSet(LazyLock::new(init))
    }

    fn contains(&self, w: &str) -> bool {
        self.0.contains(w)
    }
}

static TUSSENVOEGSEL_SET: WordSet = WordSet::new(|| TUSSENVOEGSELS.iter().copied().collect());
static ROLE_ENDINGS: LazyLock<SuffixSet> = LazyLock::new(|| SuffixSet::new(ROLE_SUFFIXES));
static ORGANISATION_ENDING_SET: LazyLock<SuffixSet> =
    LazyLock::new(|| SuffixSet::new(ORGANISATION_ENDINGS));
static ABSTRACT_ENDINGS: LazyLock<SuffixSet> = LazyLock::new(|| {
    SuffixSet::new(&[
        "heid", "ing", "schap", "zaken", "beheer", "kunde", "ologie", "atie", "itie", "iteit", "isme",
        "ering", "nis", "zorg", "werk", "beleid", "financiën", "onderwijs", "nummer", "toeslag",
        "toeslagen",
    ])
});
static STREET_ENDINGS: LazyLock<SuffixSet> = LazyLock::new(|| SuffixSet::new(STREET_SUFFIXES));
use crate::text::Text;
use std::ops::Range;

/// A name found, with its confidence.
pub(crate) struct NameHit {
    pub(crate) range: Range<usize>,
    pub(crate) score: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `A.` or `A.C.` or `Th.`
    Initials,
    /// A capitalised word.
    Cap,
    /// `van`, `de`, `'t`, `Van`, `De`, …
    Tuss,
    /// `Dhr.`, `Mevrouw`, `Wethouder`, `Beste`: context, not part of the name.
    Title,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
    /// For capitalised words, looked up once when the token is read: the word's
    /// [`crate::lexicon`] flags, a known given name, a known surname, a common Dutch word.
    flags: u8,
    first: bool,
    surname: bool,
    common: bool,
}

impl Tok {
    fn new(start: usize, end: usize, kind: Kind) -> Self {
        Tok {
            start,
            end,
            kind,
            flags: 0,
            first: false,
            surname: false,
            common: false,
        }
    }

    /// Whether this token names an organisation or building (`named_person`: a title stands
    /// before a lone surname, so `-huis`-like endings do not count: `mw. Oosterhuis`).
    /// Computed on demand: only tokens that reach a decision need it.
    fn is_organisation(&self, t: &Text<'_>, named_person: bool) -> bool {
        self.kind == Kind::Cap
            && (self.flags & crate::lexicon::ORG != 0
                // `Dr. Nolensschool`: a school or hospital named after a person, though a title
                // stands before it.
                || (named_person && !self.surname && with_lower(&t.str[self.start..self.end], |w| {
                    INSTITUTION_ENDINGS.iter().any(|e| w.len() >= e.len() + 3 && w.ends_with(e))
                }))
                || (!named_person
                    && !self.surname
                    && {
                        let w = &t.str[self.start..self.end];
                        if w.as_bytes().contains(&b'-') {
                            w.split('-').any(|part| ORGANISATION_ENDING_SET.matches_word(part, 2))
                        } else {
                            ORGANISATION_ENDING_SET.matches_word(w, 2)
                        }
                    }))
    }

    /// Whether it ends like a street name (`Wittlaan`) and is no known surname.
    fn is_street(&self, t: &Text<'_>) -> bool {
        !self.surname && STREET_ENDINGS.matches_word(&t.str[self.start..self.end], 2)
    }

    /// Whether it ends like a noun of policy (`Mobiliteit`, `Wijkbeheer`) and is no known
    /// surname.
    fn is_abstract_noun(&self, t: &Text<'_>) -> bool {
        !self.surname && ABSTRACT_ENDINGS.matches_word(&t.str[self.start..self.end], 3)
    }
}

const MAX_TOKENS: usize = 10;

/// Family words that a given name follows in running text (`oma Wil`, `zoon Daan`), in lower
/// case: what makes a capitalised common word after one a name.
const FAMILY_WORDS: &[&[u8]] = &[
    b"opa", b"oma", b"oom", b"tante", b"neef", b"nicht", b"zoon", b"dochter", b"broer", b"broertje",
    b"zus", b"zusje", b"vader", b"moeder", b"papa", b"mama", b"buurman", b"buurvrouw",
];

/// Whether one of [`FAMILY_WORDS`], a word of its own, stands one space before `start`.
fn family_word_before(b: &[u8], start: usize) -> bool {
    if start < 4 || b[start - 1] != b' ' {
        return false;
    }
    let end = start - 1;
    let mut word_start = end;
    while word_start > 0 && end - word_start < 9 && b[word_start - 1].is_ascii_lowercase() {
        word_start -= 1;
    }
    let own_word = word_start == 0 || (!b[word_start - 1].is_ascii_alphanumeric() && b[word_start - 1] < 0x80);
    own_word && FAMILY_WORDS.contains(&&b[word_start..end])
}

/// Given names that are also common English or Dutch words; alone, without a title, they are
/// not read as names.
const AMBIGUOUS_GIVEN_NAMES: &[&str] = &[
    "Can", "Will", "May", "June", "April", "Mark", "Bill", "Art", "Guy", "Hope", "Grace", "Faith",
    "Joy", "Dawn", "Eve", "Rose", "Ruby", "Amber", "Jade", "Sky", "Storm", "Roos", "Lot", "Job",
    "Toon", "Kader", "Bob", "Pat", "Sue", "Chance", "Summer", "Winter", "Christian", "Frank",
    "Hans", "Gerrit", "Rik", "Sterre", "Maan", "Zon", "Bloem", "Vos",
    // Nationalities (`our German account`).
    "German", "Dane", "Norman",
];

/// Of [`AMBIGUOUS_GIVEN_NAMES`], those that mid-sentence, capitalised after a lower-case word,
/// are names (no month, no English word capitalised mid-sentence such as `Bill` or `Christian`).
const NAMES_MID_SENTENCE: &[&str] = &["Mark", "Frank", "Hans", "Gerrit", "Rik", "Bob"];

/// `Mark en Lisa komen langs`: an ambiguous given name that `en` pairs with a listed given name
/// that is no word (not `April en Mei`, `Job en Inkomen`).
#[inline(never)]
fn paired_with_a_given_name(t: &Text<'_>, end: usize) -> bool {
    let b = t.bytes;
    if !b[end..].starts_with(b" en ") {
        return false;
    }
    let next = end + 4;
    let next_end = word_end(t, next);
    let word = &t.str[next..next_end];
    let f = crate::lexicon::flags_of(word);
    capitalised(word)
        && f & crate::lexicon::FIRST != 0
        && f & (crate::lexicon::COMMON | crate::lexicon::TITLE | crate::lexicon::ORG) == 0
        && !AMBIGUOUS_GIVEN_NAMES.contains(&word)
}

/// Whether a lower-case ASCII word and one space stand right before `start` (mid-sentence).
fn after_lower_case_word(b: &[u8], start: usize) -> bool {
    start >= 3 && b[start - 1] == b' ' && b[start - 2].is_ascii_lowercase()
}

pub(crate) const TUSSENVOEGSELS: &[&str] = &[
    "van", "de", "der", "den", "het", "'t", "’t", "ten", "ter", "te", "in", "op", "aan", "uit",
    "la", "le", "du", "da", "di", "del", "della", "dos", "das", "do", "von", "vom", "zu", "zum",
];

/// Titles, forms of address, roles and salutations: a capitalised word after one of these is
/// a name. Lower case, without the trailing dot.
pub(crate) const TITLES: &[&str] = &[
    "dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "prof", "mej", "fam", "familie", "heer",
    "mevrouw", "meneer", "juffrouw", "heren", "dames", "mevrouwen", "mevrouw/meneer", "mrs", "ms", "miss", "sir", "madam", "dear",
    "beste", "geachte", "hallo", "hoi", "dag", "lieve", "hey", "hi", "wethouder", "burgemeester",
    "minister", "staatssecretaris", "raadslid", "kamerlid", "gedeputeerde", "griffier",
    "secretaris", "voorzitter", "directeur", "collega", "cliënt", "client", "cliente", "patiënt",
    "patient", "consulent", "casemanager", "medewerker", "medewerkster", "behandelaar",
    "huisarts", "advocaat", "advocate", "notaris", "inspecteur", "rechter", "officier",
    "agent", "verzoeker", "verzoekster", "aanvrager", "aanvraagster", "betrokkene", "bewoner",
    "bewoonster", "huurder", "eigenaar", "zoon", "dochter", "vader", "moeder", "broer", "zus",
    "man", "vrouw", "echtgenoot", "echtgenote", "partner", "opa", "oma", "oom", "tante",
    "buurman", "buurvrouw", "ambtenaar", "dominee", "pastoor", "imam", "rabbijn", "commissaris",
    "minister-president", "premier", "verdachte", "getuige", "melder", "klager", "klaagster",
    "bezwaarmaker", "belanghebbende", "leerling", "student", "stagiair", "sollicitant",
    "werknemer", "werkgever", "contactpersoon", "gemachtigde", "curator", "bewindvoerder",
    "mentor", "voogd", "boa", "klant", "leidinggevende", "teamleider", "handhaver", "user",
    "gebruiker", "beambte", "agente", "wijkagent", "portefeuillehouder", "meester", "juf",
    // `dokter Van Rijswijk`; police ranks in reports (`verbalisant De Graaf`, `brigadier
    // Hoekman`).
    "dokter", "verbalisant", "verbalisante", "brigadier", "hoofdagent",
    // A couple named by its surname (`Echtpaar Jansen-de Wit`). (Not `gezin`: `Gezin Centraal`
    // names a programme; `het gezin Kramer` is read once the text named a Kramer in full.)
    "echtpaar",
    // Heirs and the late (`de erven Pieters`, `wijlen J. Pieters`).
    "erven", "wijlen",
];

/// Words that make a chain an organisation, not a person (looked up as [`crate::lexicon::ORG`]).
pub(crate) const ORGANISATION_WORDS: &[&str] = &[
    "gemeente", "stichting", "ministerie", "provincie", "vereniging", "fonds", "holding", "groep",
    "advocaten", "notarissen", "bureau", "bank", "universiteit", "hogeschool", "ziekenhuis",
    "rechtbank", "raad", "college", "dienst", "belastingdienst", "politie", "partij", "museum",
    "school", "centrum", "instituut", "academie", "coöperatie", "maatschap", "makelaardij",
    "installatietechniek", "transport", "consultancy", "services", "group", "company",
    "foundation", "bv", "nv", "vof", "zn", "zonen", "waterschap", "omgevingsdienst",
    "veiligheidsregio", "ggd", "uwv", "svb", "duo", "rdw", "kliniek", "apotheek", "praktijk",
    "huisartsenpraktijk", "woningcorporatie", "woonstichting", "schoonmaak", "techniek", "toko", "loket",
    "servicedesk", "helpdesk", "klantcontactcentrum",
    "administratie", "accountants", "adviseurs", "advies", "thuiszorg", "kinderopvang",
    "ensemble", "orkest", "koor", "residence", "centre", "center", "advocatuur",
    "zorggroep", "restaurant", "café", "supermarkt", "autobedrijf", "bakkerij", "slagerij",
    "tweewielers", "sportclub", "voetbalvereniging", "arena", "stadion", "luchthaven", "airport",
    // Portfolios and departments: the word after `wethouder`, `directeur`, `Minister van`.
    "zaken", "binnenlandse", "buitenlandse", "koninkrijksrelaties", "justitie", "veiligheid",
    "financiën", "onderwijs", "cultuur", "wetenschap", "volksgezondheid", "welzijn", "sport",
    "defensie", "economische", "klimaat", "infrastructuur", "waterstaat", "landbouw", "natuur",
    "sociale", "sociaal", "domein", "meldpunt", "loket", "werkgelegenheid", "asiel", "migratie", "ruimtelijke", "ordening", "mobiliteit",
    "wijkbeheer", "informatiehuishouding", "openbaarheid", "burgerzaken", "publiekszaken",
    "dienstverlening", "handhaving", "toezicht", "vergunningen", "inkomen", "participatie",
    "jeugd", "economie", "personeel", "organisatie", "communicatie", "afdeling", "team",
    "directie", "sector", "cluster", "bestuur", "wijkteam", "klantcontact", "front", "office",
    "binnenstad", "centrum", "noord", "oost", "zuid", "west", "huisartsenpraktijk",
    // `Gedeputeerde Staten`, `Provinciale Staten`, `Staten-Generaal`.
    "staten", "staten-generaal",
    // Departments and portfolios named by an activity, after a job title in signatures and
    // logs (`beleidsadviseur Wonen`, `medewerker Parkeren`, `Directeur Uitkeringen`,
    // `wethouder Schuldhulp`): none is a listed name.
    "wonen", "parkeren", "uitkeringen", "schuldhulp", "schuldhulpverlening", "subsidies",
    "belastingen", "leerplicht", "inburgering", "evenementen", "vergunningverlening", "wmo",
    "jeugdzorg", "energie", "verkeer", "vervoer", "milieu", "erfgoed", "toerisme", "armoede",
    "bedrijven", "ondernemers", "werkgevers", "openbare",
    // Desks that sign mail (`Met vriendelijke groet,\nKlantenservice Eneco`).
    "klantenservice", "servicedesk", "helpdesk", "secretariaat", "receptie",
    // `Veilig Thuis`, the advice and reporting centre for domestic violence, after a role
    // (`casemanager Veilig Thuis`).
    "veilig",
];

const STREET_SUFFIXES: &[&str] = &[
    "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dreef", "steeg",
    "markt", "burgwal", "plantsoen", "boulevard", "allee", "park", "baan",
];

/// At most five bytes each (`read_token` relies on it).
const MULTI_LETTER_INITIALS: &[&str] = &[
    "Th", "Chr", "Ph", "Joh", "Wm", "Fr", "Jac", "Ant", "Corn", "Hub", "Jos", "Gerh", "Hendr",
    "Ch", "IJ", "Ij", "Wil", "Alb", "Herm", "Jas", "Mich", "Nic", "Petr",
];

/// Finds names in `t`, appending to `out`. `titles` finds lower-case forms of address
/// (`dhr`, `mevr.`, `mw`, …) for names written in lower case after them.
pub(crate) fn detect(t: &Text<'_>, titles: &[Range<usize>], recall: &mut Recall, out: &mut Vec<NameHit>) {
    let b = t.bytes;
    let n = b.len();
    let mut i = 0;
    let mut last_end: Option<usize> = None;
    // Whether the text is prose, whose sentences start with a capital (worked out when needed).
    let mut prose: Option<bool> = None;
    // Chains read and rejected: read again if a name found elsewhere in the text explains them.
    recall.rejected.clear();
    recall.named.clear();
    while i < n {
        i = next_candidate(b, i);
        if i >= n {
            break;
        }
        let c = b[i];
        let upper_start = if c.is_ascii_uppercase() {
            true
        } else if c >= 0xC0 {
            t.char_at(i).is_some_and(char::is_uppercase)
        } else {
            false
        };
        if !upper_start {
            i += 1;
            continue;
        }
        if !starts_word(t, i) {
            i = word_end(t, i).max(i + 1);
            continue;
        }
        // `I'm`, `I'd`, `I've`, `I'll`: English contractions start no chain, so that the name
        // after them starts its own (`Hi, I'm Priya`).
        // Nor does the pronoun before a lower-case word (`Dear Dr. Patel, I am writing`).
        if c == b'I'
            && (b.get(i + 1) == Some(&b'\'')
                || b[i + 1..].starts_with("’".as_bytes())
                || (b.get(i + 1) == Some(&b' ') && b.get(i + 2).is_some_and(u8::is_ascii_lowercase)))
        {
            i = word_end(t, i).max(i + 1);
            continue;
        }
        // Words in capitals (`INFO`, `BSN`, `NL`: a sixth of the capitalised words of a text)
        // start no chain: settled here as `read_token` would, without setting one up.
        if let Some(end) = ascii_caps_word(t, i) {
            // A surname in capitals is still a name in a form field or a reversed form
            // (`Achternaam: OUAALI`, `DIALLO, Mamadou`); checked only there.
            // Two or three capitals may be initials written without dots (`JW de Boer`).
            let hit = caps_name(t, i, end).or_else(|| {
                (end - i <= 3 && b.get(end) == Some(&b' ') && b.get(end + 1).is_some_and(|&c| c.is_ascii_alphabetic() || c >= 0x80))
                    .then(|| undotted_initials_name(t, i, end))
                    .flatten()
            });
            match hit {
                Some(hit) => {
                    i = hit.range.end;
                    last_end = Some(hit.range.end);
                    out.push(hit);
                }
                None => i = end,
            }
            continue;
        }
        // `A de Vries`: one initial without its dot.
        if c.is_ascii_uppercase() && b.get(i + 1) == Some(&b' ') {
            if let Some(hit) = undotted_initials_name(t, i, i + 1) {
                i = hit.range.end;
                last_end = Some(hit.range.end);
                out.push(hit);
                continue;
            }
        }
        let listed = last_end.is_some_and(|e| continues_enumeration(t, e, i));
        match chain_at(t, i, listed, Some(recall)) {
            Some((hit, mut next)) => {
                if let Some(mut hit) = hit {
                    let lower_surname = || lower_surname_after(t, &hit.range, || *prose.get_or_insert_with(|| capitalised_sentences(b, 2)));
                    if let Some(end) = dashed_surname_end(t, hit.range.end).or_else(lower_surname) {
                        hit.range.end = end;
                        next = end;
                    }
                    last_end = Some(hit.range.end);
                    out.push(hit);
                }
                i = next.max(i + 1);
            }
            None => {
                let end = word_end(t, i);
                // Capitals with letters outside ASCII (`WIŚNIEWSKA`) reach here, not above.
                match caps_name(t, i, end) {
                    Some(hit) => {
                        i = hit.range.end;
                        last_end = Some(hit.range.end);
                        out.push(hit);
                    }
                    None => i = end.max(i + 1),
                }
            }
        }
    }
    if !recall.rejected.is_empty() && !recall.named.is_empty() {
        remembered_names(t, recall, out);
    }
    if !out.is_empty() {
        enumerated_before(t, out);
        // `Aanwezig: 't Hart, Jansen`: the `'t` before a surname is part of it.
        for hit in out.iter_mut() {
            if let Some(start) = apostrophe_t_before(b, hit.range.start) {
                hit.range.start = start;
            }
        }
    }
    // A writer who capitalises names had them found above; one who types in lower case (chat
    // messages, prompts) wrote them in lower case. Lower-case full names are read only in a text
    // in which no capitalised name was found and sentences do not start with a capital (the
    // first may: phones capitalise it), so that prose pays nothing for them.
    let lower_case_text = out.is_empty() && !*prose.get_or_insert_with(|| capitalised_sentences(b, 2));
    lower_case_after_titles(t, titles, out);
    if lower_case_text {
        lower_case_full_names(t, out);
        lower_case_after_name_labels(t, out);
    }
    if out.iter().any(|h| b[h.range.start].is_ascii_lowercase()) {
        lower_case_mentions_again(t, out);
    }
}

/// `hoi, ik ben lotte (moeder van finn) … finn heeft sinds kort …`: a name found in lower case
/// once is the same name where its words stand again in lower case. Each word of a name typed
/// in lower case (three letters or more, no common word, tussenvoegsel or title) is looked for
/// as a whole word elsewhere in the text; words found side by side make one name. Not in an
/// e-mail address, not on a trade-name line (`handelsnaam: fietsenmaker amrani`) and not before a
/// company's form (`jansen bouw b.v.`).
#[inline(never)]
fn lower_case_mentions_again(t: &Text<'_>, out: &mut Vec<NameHit>) {
    use crate::lexicon::{flags_of, COMMON, TITLE, TUSS};
    let b = t.bytes;
    let mut words: Vec<&str> = Vec::new();
    for h in out.iter().filter(|h| b[h.range.start].is_ascii_lowercase()) {
        for w in t.str[h.range.clone()].split([' ', '-']) {
            let w = w.trim_end_matches('.');
            if w.len() >= 3
                && w.bytes().all(|c| c.is_ascii_lowercase() || c >= 0x80)
                && flags_of(w) & (COMMON | TITLE | TUSS) == 0
                && !AMBIGUOUS_GIVEN_NAMES.iter().any(|a| a.eq_ignore_ascii_case(w))
                && !TRADE_SURNAMES.contains(&w)
                && !words.contains(&w)
            {
                words.push(w);
            }
        }
    }
    let mut found: Vec<Range<usize>> = Vec::new();
    for w in words {
        for at in memchr::memmem::find_iter(b, w.as_bytes()) {
            let range = at..at + w.len();
            let in_address = (at > 0 && matches!(b[at - 1], b'.' | b'@' | b'_' | b'/'))
                || matches!(b.get(range.end), Some(b'@' | b'_'))
                || (b.get(range.end) == Some(&b'.') && b.get(range.end + 1).is_some_and(u8::is_ascii_alphanumeric));
            if t.left_boundary(at) && lower_word_ends(b, range.end) && !in_address && !trade_name_around(t, range.clone()) {
                found.push(range);
            }
        }
    }
    // Not where a name was found already (one sweep over both, sorted: a long text may name
    // someone thousands of times).
    found.sort_by_key(|r| r.start);
    let mut known: Vec<Range<usize>> = out.iter().map(|h| h.range.clone()).collect();
    known.sort_by_key(|r| r.start);
    let mut k = 0;
    let mut merged: Vec<NameHit> = Vec::new();
    for range in found {
        while k < known.len() && known[k].end <= range.start {
            k += 1;
        }
        if known.get(k).is_some_and(|r| r.start < range.end) {
            continue;
        }
        match merged.last_mut() {
            Some(last) if last.range.end > range.start => {}
            // `cornelis eksterwerfenga` again: one name, not two.
            Some(last) if last.range.end + 1 == range.start && b[last.range.end] == b' ' => last.range.end = range.end,
            _ => merged.push(NameHit { range, score: 0.7 }),
        }
    }
    out.extend(merged);
}

/// Surnames that are also the Dutch word for a trade (`de bakker`, `een visser`): in lower case
/// elsewhere in the text they are that word as often as the name.
const TRADE_SURNAMES: &[&str] = &[
    "bakker", "visser", "smit", "smid", "kok", "boer", "mulder", "schilder", "timmerman", "koster",
    "brouwer", "kuiper", "wever", "molenaar", "schipper", "slager", "snijder", "kramer", "koopman",
    "schaap", "visscher", "metselaar", "dekker", "verver", "schoenmaker", "kleermaker", "jager",
    "herder", "bouwer", "smits", "bakkers",
];

/// Whether the line of `range` names a business (`handelsnaam: …`, `bedrijfsnaam: …`) before
/// it, or a company's form or trade follows it (`jansen bouw b.v.`, `doğan transport`).
fn trade_name_around(t: &Text<'_>, range: Range<usize>) -> bool {
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

/// Form fields whose value is a person's name (the word before the colon, lower case).
const PERSON_FIELD_LABELS: &[&str] = &[
    "naam", "namen", "voornaam", "voornamen", "achternaam", "achternamen", "roepnaam", "geboortenaam",
    "meisjesnaam", "voorletters", "handtekening", "ondertekend", "contactpersoon", "behandelaar", "aanvrager",
    "cliënt", "client", "jeugdige", "moeder", "vader", "ouder", "partner", "betrokkene", "melder", "verzoeker",
    "bezwaarmaker", "klant", "patiënt", "patient", "bewoner", "huurder", "eigenaar", "bestuurder", "medewerker",
];

/// Where a name typed in lower case fills the rest of a line or clause, in text typed in lower
/// case:
/// - after a name or person field (`naam: loubna ouaali`, `achternaam: vlasbroeking`,
///   `naam en voorletters: nguyen, selam`, `cliënt: dhr. a. bakkali`);
/// - on the line after a sign-off (`hoogachtend,` / `cornelis eksterwerfenga`);
/// - after a salutation, up to its comma (`geachte heer ter schaapmeentma,`);
/// - in a mail header, up to the address (`van: jan-willem oosterakker <…>`).
///
/// The value must read as a name (see [`lower_name_value`]); names found inside it give way to
/// the whole.
fn lower_case_after_name_labels(t: &Text<'_>, out: &mut Vec<NameHit>) {
    let b = t.bytes;
    let mut push = |range: Range<usize>| {
        out.retain(|h| !(range.start <= h.range.start && h.range.end <= range.end));
        if !out.iter().any(|h| super::overlaps(&h.range, &range)) {
            out.push(NameHit { range, score: 0.8 });
        }
    };
    let mut line_start = 0;
    // After a sign-off line: how many more blank lines may come before the name.
    let mut after_sign_off: Option<u8> = None;
    while line_start < b.len() {
        let line_end = memchr::memchr(b'\n', &b[line_start..]).map_or(b.len(), |p| line_start + p);
        let line = t.str[line_start..line_end].trim_end_matches(['\r', ' ', '\t']);
        let lead = line.len() - line.trim_start().len();
        let content = &line[lead..];
        let at = line_start + lead;
        if content.is_empty() {
            // Up to two blank lines between a sign-off and the name.
            after_sign_off = after_sign_off.and_then(|n| n.checked_sub(1));
        } else if after_sign_off.take().is_some() {
            if let Some(range) = lower_name_value(t, at, line_start + line.len(), true) {
                push(range);
            }
        } else if SIGN_OFFS.iter().any(|s| content.ends_with(s)) && content.len() <= 32 {
            after_sign_off = Some(2);
        } else if let Some(rest) = SALUTATIONS.iter().find_map(|s| content.strip_prefix(s)) {
            // (After `beste` a given name: `beste jan,`, not `beste allemaal,`.)
            let informal = content.starts_with("beste ");
            let given = |r: &str| crate::lexicon::flags_of(r.split([' ', ',']).next().unwrap_or("")) & crate::lexicon::FIRST != 0;
            if let Some(comma) = rest.find(',').filter(|_| !informal || given(rest)) {
                let from = at + (content.len() - rest.len());
                if let Some(range) = lower_name_value(t, from, from + comma, true) {
                    push(range);
                }
            }
        } else if let Some(rest) = ["van: ", "from: "].iter().find_map(|s| content.strip_prefix(s)) {
            if let Some(lt) = rest.find(" <") {
                let from = at + (content.len() - rest.len());
                if let Some(range) = lower_name_value(t, from, from + lt, false) {
                    push(range);
                }
            }
        }
        // Name fields anywhere on the line.
        let mut from = line_start;
        while let Some(colon) = memchr::memchr(b':', &b[from..line_end]).map(|p| from + p) {
            from = colon + 1;
            let head = t.str[..colon].trim_end();
            let label_start = head.char_indices().rev().take_while(|&(_, c)| c.is_alphabetic()).last().map_or(head.len(), |(k, _)| k);
            if !with_lower(&head[label_start..], |l| PERSON_FIELD_LABELS.contains(&l)) {
                continue;
            }
            let start = colon + 1 + b[colon + 1..line_end].iter().take_while(|&&c| c == b' ' || c == b'\t').count();
            if let Some(range) = lower_name_value(t, start, line_start + line.len(), false) {
                push(range);
            }
        }
        line_start = line_end + 1;
    }
}

/// Lines that end a letter or message before the writer's name (lower case). In any text,
/// `groet`/`mvg` before a listed given name are read by [`Cue::SignOff`]; these lines serve
/// text typed in lower case, where the name after them may be unlisted.
const SIGN_OFFS: &[&str] = &["hoogachtend,", "groet,", "groeten,", "groetjes,", "mvg,", "dezen,", "bedankt,", "liefs,", "hoogachtend"];

/// Salutations before a name and a comma (lower case).
const SALUTATIONS: &[&str] = &["geachte heer ", "geachte mevrouw ", "geachte mw. ", "geachte dhr. ", "beste "];

/// The name typed in lower case in `start..end` (a field's value, a line, a salutation's
/// name), if it reads as one: a title before it is left out (`dhr. a. bakkali`), it ends at a
/// comma after which comes no name part (`özlem özdemir, tel. 06…`; but `nguyen, selam`), and
/// it is one to five words of letters, initials, particles and hyphens, the first no common
/// word or organisation word and no word for "none" (`onbekend`, `n.v.t.`). Where no label
/// vouches for a name (`strict`: after a sign-off or salutation), no word but a particle may be
/// a common or organisation word (`bedankt,` / `de gemeente`).
fn lower_name_value(t: &Text<'_>, start: usize, end: usize, strict: bool) -> Option<Range<usize>> {
    let b = t.bytes;
    if start >= end || !b.get(start).is_some_and(|&c| c.is_ascii_lowercase() || c >= 0xC0) {
        return None;
    }
    let mut start = start;
    loop {
        let word_end = start + b[start..end].iter().position(|&c| c == b' ').unwrap_or(0);
        let word = t.str[start..word_end].trim_end_matches('.');
        let title = word == "de" && b[word_end..end].starts_with(b" heer ")
            || (!word.is_empty() && crate::lexicon::flags_of(word) & crate::lexicon::TITLE != 0);
        if !title {
            break;
        }
        start = word_end + 1 + if word == "de" { 5 } else { 0 };
    }
    let mut value = t.str.get(start..end)?.trim_end_matches(['\r', ' ', '\t', '.']);
    // After a comma, given names, initials and particles make a reversed name (`nguyen, selam`,
    // `ouaali, s.`, `meer, freek van der`); anything else ends the name (`l.a. van vliet,
    // woo-coördinator`).
    if let Some((name, rest)) = value.split_once(',') {
        let rest = rest.trim();
        let given_part = |w: &str| {
            (w.ends_with('.') && w.len() <= 8 && w.chars().all(|c| c.is_alphabetic() || c == '.'))
                || is_tussenvoegsel(w)
                || crate::lexicon::flags_of(w) & (crate::lexicon::FIRST | crate::lexicon::COMMON) == crate::lexicon::FIRST
        };
        if rest.is_empty() || rest.split(' ').count() > 4 || !rest.split(' ').all(given_part) {
            value = name.trim_end();
        }
    }
    let words: Vec<&str> = value.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let first = words.first().copied().unwrap_or("");
    let name_like = (1..=5).contains(&words.len())
        && value.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.' | ','))
        && value.chars().any(char::is_alphabetic)
        && (is_tussenvoegsel(first) || crate::lexicon::flags_of(first) & (crate::lexicon::COMMON | crate::lexicon::ORG) == 0)
        && !is_no_value(&first.replace('.', ""))
        && (!strict
            || words.iter().all(|w| {
                is_tussenvoegsel(w) || crate::lexicon::flags_of(w) & (crate::lexicon::COMMON | crate::lexicon::ORG | crate::lexicon::TITLE) == 0
            }));
    name_like.then_some(start..start + value.len())
}

/// `Jan de vries`, `Piet jansen`: a surname typed in lower case after a capitalised given name
/// (a phone capitalises the first word of a message, not the name's second). The end of the
/// surname: a listed one that is no common word, after name particles or none. Not in prose
/// (`in_prose`), whose writer capitalises surnames: there the word after `Petra van de` is a
/// place (`winkel`), not a name.
fn lower_surname_after(t: &Text<'_>, name: &Range<usize>, in_prose: impl FnOnce() -> bool) -> Option<usize> {
    let b = t.bytes;
    if b.get(name.end) != Some(&b' ') || !b.get(name.end + 1).is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    // Only after a given name alone.
    let given = crate::lexicon::flags_of(&t.str[name.clone()]) & crate::lexicon::FIRST != 0;
    if b[name.clone()].iter().any(|&c| c == b' ' || c == b'.') || !given || in_prose() {
        return None;
    }
    lower_surname_end(t, name.end, false, false)
}

/// Whether at least `enough` sentences in `b` start with a capital after `.`, `?` or `!`.
fn capitalised_sentences(b: &[u8], enough: usize) -> bool {
    memchr::memchr3_iter(b'.', b'?', b'!', b)
        .filter(|&p| b.get(p + 1) == Some(&b' ') && b.get(p + 2).is_some_and(u8::is_ascii_uppercase))
        .nth(enough - 1)
        .is_some()
}

/// Tussenvoegsels and Arabic or Berber particles that join a given name and a surname written
/// in lower case (`jan de vries`, `fatima el amrani`); not `in`, `op`, `aan`, `uit`, `te`,
/// which are prepositions far more often (`met piet op vakantie`).
fn is_lower_name_particle(word: &[u8]) -> bool {
    let preposition = matches!(word, b"in" | b"op" | b"aan" | b"uit" | b"te");
    word == b"'t" || (is_lower_tussenvoegsel(word) && !preposition) || is_arabic_particle(word)
}

/// `jan pietersz. coenstraat`: an abbreviation ending at `end` inside a street's name.
fn street_after_abbreviation(t: &Text<'_>, end: usize) -> bool {
    let b = t.bytes;
    if b.get(end) != Some(&b'.') || b.get(end + 1) != Some(&b' ') {
        return false;
    }
    let next_end = lower_word_end(t, end + 2);
    next_end > end + 2 && looks_like_street(&t.str[end + 2..next_end])
}

/// The end of the lower-case word at `i`: ASCII letters, other lower-case letters (`kılıç`),
/// and a hyphen between two parts (`peters-wolters`).
fn lower_word_end(t: &Text<'_>, i: usize) -> usize {
    let b = t.bytes;
    let mut j = i;
    while j < b.len() {
        let c = b[j];
        if c.is_ascii_lowercase() || (c == b'-' && j > i && b.get(j + 1).is_some_and(u8::is_ascii_lowercase)) {
            j += 1;
        } else if c >= 0x80 {
            match t.char_at(j) {
                Some(ch) if ch.is_lowercase() => j += ch.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    j
}

/// Whether a word in lower case ends at `end`: the text's end, or an ASCII byte that is no
/// letter, digit or hyphen.
fn lower_word_ends(b: &[u8], end: usize) -> bool {
    b.get(end).is_none_or(|&c| !c.is_ascii_alphanumeric() && c != b'-' && c < 0x80)
}

/// Whether a street's name lies ahead of `end` on its line, within a few words
/// (`marie curieweg 12`, `jan pietersz. coenstraat`): the name before it is the street's.
fn street_ahead(t: &Text<'_>, end: usize) -> bool {
    let b = t.bytes;
    let mut pos = end;
    for _ in 0..4 {
        while matches!(b.get(pos), Some(b' ' | b'.')) {
            pos += 1;
        }
        let we = lower_word_end(t, pos);
        if we == pos {
            return false;
        }
        let word = &t.str[pos..we];
        if looks_like_street(word) {
            return true;
        }
        if is_common_word(word) {
            return false;
        }
        pos = we;
    }
    false
}

/// Names typed in lower case, as in chat messages and prompts (the caller runs this only on
/// such text):
/// - a full name: `schrijf een brief aan jan de vries`, `gesprek met piet jansen`. A listed
///   given name that is no common word, title or tussenvoegsel (nor a word in English, `will`,
///   `mark`), then name particles, then a listed surname that is no common word (`met lisa de
///   hond` stays unread; so, for want of telling them apart, does `piet de boer`);
/// - after a title, role or family word (`juf yasmina`, `wethouder kwiatkowska`, `zoon rutger
///   van de noordslootman`): a listed given name, with a surname after particles (any word that
///   is no common one), or a listed surname alone;
/// - initials and a surname: `t. bakker`, `s.s. tesfaye`, `a. de vermeent` (a listed surname,
///   or any word that is no common one after particles or after two initials; not `i.v.m.`,
///   `t.a.v.` and the like).
///
/// A given name alone is not read: lower-case text is full of them. Names already found after a
/// title (`mevr. bakker`) are left as they are.
fn lower_case_full_names(t: &Text<'_>, out: &mut Vec<NameHit>) {
    use crate::lexicon::{flags_of, COMMON, FIRST, ORG, SURNAME, TITLE, TUSS};
    let b = t.bytes;
    let found_before = out.len();
    let push = |out: &mut Vec<NameHit>, range: Range<usize>, score: f32| {
        if !out[..found_before].iter().any(|h| super::overlaps(&h.range, &range)) {
            out.push(NameHit { range, score });
        }
    };
    // The end of the last title, role or family word, and its separator (`juf `, `melder: `).
    let mut cue_end: Option<usize> = None;
    // The same after a word that addresses or mentions someone (`naar `, `met `, `hoi `).
    let mut chat_cue_end: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_lowercase() {
            i += 1;
            continue;
        }
        let start = i;
        let own_word = start == 0 || matches!(b[start - 1], b' ' | b'\n' | b'\t' | b'(' | b'"' | b'\'');
        let cued = cue_end == Some(start);
        cue_end = None;
        let chat_cued = chat_cue_end.take() == Some(start);
        if own_word && b.get(start + 1) == Some(&b'.') {
            if let Some(end) = lower_initials_name(t, start, cued || chat_cued) {
                push(out, start..end, 0.8);
                i = end;
                continue;
            }
        }
        let end = lower_word_end(t, i);
        i = end;
        // `maak ik, c. eksterwerfenga, bezwaar`, `heeft u, p. kraailaarman,`: the writer or
        // reader named in apposition.
        if matches!(&b[start..end], b"ik" | b"u") && b[end..].starts_with(b", ") {
            chat_cue_end = Some(end + 2);
            continue;
        }
        // `kees en ik gaan…`, `kees: hoi`, `kees, kun je…`: a name opening a line of a chat.
        let chat_cued = chat_cued
            || ((start == 0 || b[start - 1] == b'\n')
                && [&b": "[..], b", ", b" en ik "].iter().any(|w| b[end..].starts_with(w)));
        // (A word that is no cue and not cued needs a space after it: `field=bsn` in a log
        // line is none of a name's.)
        if !own_word || !(2..=16).contains(&(end - start)) || !(cued || chat_cued || matches!(b.get(end), Some(b' ' | b':'))) {
            continue;
        }
        let flags = flags_of(&t.str[start..end]);
        if CHAT_CUES.contains(&&b[start..end]) {
            chat_cue_end = match (b.get(end), b.get(end + 1)) {
                (Some(b' '), _) => Some(end + 1),
                (Some(b','), Some(b' ')) => Some(end + 2),
                _ => None,
            };
            continue;
        }
        // (Not a two-letter title without its dot: `2756 mr bergen op zoom`.)
        if flags & TITLE != 0 && end - start >= 3 {
            cue_end = match (b.get(end), b.get(end + 1)) {
                (Some(b' '), _) => Some(end + 1),
                (Some(b':'), Some(b' ')) => Some(end + 2),
                _ => None,
            };
            continue;
        }
        if flags & (COMMON | TUSS | ORG) != 0 || (b.get(end) != Some(&b' ') && !cued && !chat_cued) {
            continue;
        }
        let given = flags & FIRST != 0 && end - start >= 3 && !AMBIGUOUS_GIVEN_NAMES.iter().any(|a| a.eq_ignore_ascii_case(&t.str[start..end]));
        if !given {
            // `wethouder kwiatkowska`: a listed surname alone after a role.
            let alone = lower_word_ends(b, end);
            // (Not a given name that is also a word: `mijn dochter mark het`.)
            if cued && alone && flags & SURNAME != 0 && flags & FIRST == 0 && end - start >= 3 {
                push(out, start..end, 0.75);
            }
            continue;
        }
        // After a role, any word that is no common one may be the surname (`griffier sem
        // teeusen`); common words include the verbs that follow a name (`juf anneke vindt`).
        match lower_surname_end(t, end, cued, cued) {
            Some(we) => {
                push(out, start..we, 0.8);
                i = we;
            }
            // `juf yasmina`, `stuur dit naar kees`: a given name alone after a role, a family
            // word or a word that addresses or mentions someone — not the start of a street
            // named after someone (`melder: marie curieweg 3`).
            None if (cued || (chat_cued && !place_after_naar(b, start, end)))
                && lower_word_ends(b, end)
                && !street_ahead(t, end)
                && !WORDS_NAMED_AFTER.contains(&&b[start..end]) =>
            {
                push(out, start..end, 0.75);
            }
            None => {}
        }
    }
}

/// Given names that are also places one goes to (`naar florence`, `naar lourdes`).
const PLACES_NAMED: &[&[u8]] = &[
    b"florence", b"lourdes", b"sofia", b"victoria", b"adelaide", b"lima", b"georgia", b"chelsea", b"india",
    b"jordan", b"israel", b"kenya", b"sydney", b"paris", b"austin", b"dallas", b"houston", b"orlando",
    b"santiago", b"valencia", b"verona", b"siena", b"savannah", b"florida", b"carolina", b"virginia",
    b"madison", b"phoenix", b"aurora", b"regina", b"alexandria", b"lorraine", b"bretagne", b"normandie",
];

/// Listed given names that are also words after `met`/`naar` (`met mate`, `met ramadan`).
const WORDS_NAMED_AFTER: &[&[u8]] = &[b"mate", b"ramadan", b"sep", b"jun"];

/// Whether the given name at `start..end` follows `naar` and is also a place (`naar florence`).
fn place_after_naar(b: &[u8], start: usize, end: usize) -> bool {
    b[..start].trim_ascii_end().ends_with(b"naar") && PLACES_NAMED.contains(&&b[start..end])
}

/// Words after which a listed given name typed in lower case, alone, is a person in chat-style
/// text (`stuur dit door naar kees`, `vraag het aan fatima`, `hoi kees`, `xx lisa`).
const CHAT_CUES: &[&[u8]] = &[
    b"naar", b"aan", b"met", b"tegen", b"van", b"voor", b"bij", b"door", b"zeg", b"vraag", b"bel", b"app", b"mail", b"hoi", b"hey", b"hallo", b"doei",
    b"liefs", b"xx", b"xxx", b"dankjewel", b"bedankt",
];

/// After a name's first part ending at `end`: the end of name particles and a surname in lower
/// case, if one follows (a listed surname that is no common word; any word that is no common
/// one, given name or tussenvoegsel after particles when `any_after_particles`, or anywhere
/// when `any`).
fn lower_surname_end(t: &Text<'_>, end: usize, any_after_particles: bool, any: bool) -> Option<usize> {
    use crate::lexicon::{flags_of, COMMON, ORG, SURNAME, TITLE};
    let b = t.bytes;
    if b.get(end) != Some(&b' ') {
        return None;
    }
    let mut pos = end + 1;
    let mut particles = false;
    for _ in 0..4 {
        let we = lower_word_end(t, pos);
        if we == pos {
            return None;
        }
        if is_lower_name_particle(&b[pos..we]) && b.get(we) == Some(&b' ') {
            particles = true;
            pos = we + 1;
            continue;
        }
        let after_ok = lower_word_ends(b, we)
            && !street_after_abbreviation(t, we);
        let word = &t.str[pos..we];
        let flags = flags_of(word);
        let listed = flags & SURNAME != 0 || (word.contains('-') && is_surname(word));
        let unlisted_ok = (any || (any_after_particles && particles))
            && we - pos >= 3
            && flags & TUSS_OR_FIRST == 0
            && !looks_like_street(word);
        let ok = after_ok && flags & (COMMON | TITLE | ORG) == 0 && (listed || unlisted_ok);
        return ok.then_some(we);
    }
    None
}

/// A given name or a tussenvoegsel: not what a surname in lower case is read as.
const TUSS_OR_FIRST: u8 = crate::lexicon::TUSS | crate::lexicon::FIRST;

/// Abbreviations written like initials (`i.v.m. de aanvraag`, `t.a.v. de heer`).
const INITIALS_LIKE_ABBREVIATIONS: &[&[u8]] = &[
    b"i.v.m.", b"o.a.", b"t.a.v.", b"m.b.t.", b"n.a.v.", b"a.u.b.", b"d.w.z.", b"i.p.v.", b"e.d.",
    b"e.a.", b"m.i.v.", b"t.z.t.", b"z.s.m.", b"v.a.", b"n.b.", b"p.p.", b"b.v.", b"o.b.v.", b"c.q.",
    b"d.d.", b"i.o.", b"t.b.v.", b"m.u.v.", b"a.s.", b"j.l.", b"e.v.a.", b"i.c.m.", b"m.n.", b"o.v.v.",
    b"p.o.", b"v.o.", b"w.o.", b"s.v.p.", b"i.s.m.", b"t.o.v.", b"c.s.", b"d.m.v.", b"v.w.b.",
    b"t.n.v.", b"m.v.g.", b"a.d.", b"z.o.z.", b"p.a.", b"v.d.", b"o.l.v.", b"t.w.", b"i.e.", b"e.g.",
];

/// `t. bakker`, `s.s. tesfaye`, `f. j. rogstedeers`, `a. de vermeent`: lower-case initials at
/// `start` and a surname; the surname's end. After one initial the surname must be listed,
/// unless a role or a word that mentions someone comes before (`cued`: `opgesteld door t.
/// kromkampsen`).
fn lower_initials_name(t: &Text<'_>, start: usize, cued: bool) -> Option<usize> {
    let b = t.bytes;
    let mut pos = start;
    let mut count = 0;
    while count < 5 && b.get(pos).is_some_and(u8::is_ascii_lowercase) && b.get(pos + 1) == Some(&b'.') {
        count += 1;
        pos += 2;
        // `f. j.`: initials written with spaces.
        if b.get(pos) == Some(&b' ') && b.get(pos + 2) == Some(&b'.') && b.get(pos + 1).is_some_and(u8::is_ascii_lowercase) {
            pos += 1;
        }
    }
    if b.get(pos).is_some_and(|&c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let written = || b[start..pos].iter().copied().filter(|&c| c != b' ');
    if INITIALS_LIKE_ABBREVIATIONS.iter().any(|a| a.iter().copied().eq(written())) {
        return None;
    }
    // A listed surname after one initial; after two or more (or particles), any word that is no
    // common one.
    lower_surname_end(t, pos, true, count >= 2 || cued)
}

/// A person named in full is the same person when the text later uses the surname (or given
/// name) alone: `drs. W.J.M. van Ommeren … Volgens Van Ommeren`, `Kramer, D. … het gezin
/// Kramer`. Chains rejected on their own are read again, as if after a title, when one of
/// their capitalised words belongs to a confident name found in this text (`out[from..]`).
fn remembered_names(t: &Text<'_>, recall: &mut Recall, out: &mut Vec<NameHit>) {
    let mut memory: Vec<&str> = Vec::new();
    for r in &recall.named {
        let w = &t.str[r.clone()];
        // A given name that is also a word (`Roos`, `Mark`) is remembered too: once a text
        // names `Roos Hendriks` (or `Roepnaam: Mark`), a sentence starting `Roos neemt contact
        // op` means her. (Not before a number below: `May 2024`.)
        memory.push(w);
        // `Kramer-Oudshoorn` is also `Kramer` and `Oudshoorn`.
        if w.as_bytes().contains(&b'-') {
            memory.extend(
                w.split('-')
                    .filter(|p| p.len() >= 3 && crate::lexicon::flags_of(p) & crate::lexicon::COMMON == 0),
            );
        }
    }
    // Whether a name read here overlaps one found: the names of the main pass are looked up
    // by halving (sorted by start, with the furthest end so far), those added here (in text
    // order) by the furthest end among them — a text of many mentions would otherwise cost a
    // pass over all names per mention.
    let found = out.len();
    let before = &mut recall.found;
    before.clear();
    before.extend(out.iter().map(|h| (h.range.start, h.range.end)));
    before.sort_unstable();
    let mut furthest = 0;
    for (_, end) in before.iter_mut() {
        furthest = furthest.max(*end);
        *end = furthest;
    }
    let mut added_start = 0;
    let mut added_end = 0;
    let overlaps = |out: &[NameHit], r: &Range<usize>, added_start: usize, added_end: usize| {
        let i = before.partition_point(|&(start, _)| start < r.end);
        let among_found = i > 0 && before[i - 1].1 > r.start;
        let among_added = if r.start >= added_start {
            r.start < added_end
        } else {
            out[found..].iter().any(|h| super::overlaps(&h.range, r))
        };
        among_found || among_added
    };
    let mut last_start = None;
    for (start, word) in &recall.rejected {
        if last_start == Some(*start) || !memory.contains(&&t.str[word.clone()]) {
            continue;
        }
        let before_number = t.bytes.get(word.end) == Some(&b' ') && t.bytes.get(word.end + 1).is_some_and(u8::is_ascii_digit);
        if before_number && AMBIGUOUS_GIVEN_NAMES.contains(&&t.str[word.clone()]) {
            continue;
        }
        last_start = Some(*start);
        // `uit Kampen`, `te Deventer`: after a preposition of place the word is the place.
        if crate::text::ends_with_word(&t.bytes[..start.saturating_sub(1)], PLACE_PREPOSITIONS) {
            continue;
        }
        if let Some((Some(hit), _)) = chain_at(t, *start, true, None) {
            // The name read must hold the remembered word itself (`Het DNA-profiel van
            // Barbara …` does not make `Het DNA-profiel` a name).
            if hit.range.start <= word.start && word.end <= hit.range.end && !overlaps(out, &hit.range, added_start, added_end) {
                added_start = added_start.max(hit.range.start);
                added_end = added_end.max(hit.range.end);
                out.push(hit);
            }
        }
    }
}

/// Prepositions after which a capitalised word is a place: `uit Kampen`, `in Weert`.
const PLACE_PREPOSITIONS: &[&str] = &["uit", "in", "naar", "te", "nabij", "vanuit", "richting", "tot", "via", "rond"];


/// The first position at or after `i` holding an ASCII capital or a non-ASCII byte (a
/// possible capital), eight bytes at a time: most of a text is lower case and skipped here.
fn next_candidate(b: &[u8], mut i: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const GE_A: u64 = 0x3f3f_3f3f_3f3f_3f3f; // 0x80 - b'A'
    const GT_Z: u64 = 0x2525_2525_2525_2525; // 0x80 - (b'Z' + 1)
    while i + 8 <= b.len() {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&b[i..i + 8]);
        let x = u64::from_le_bytes(chunk);
        let low = x & LOW7;
        // High bit of each byte: ASCII and >= 'A' and not > 'Z', or non-ASCII.
        let upper = (low + GE_A) & !(low + GT_Z) & !x & HIGH;
        let hit = upper | (x & HIGH);
        if hit != 0 {
            return i + (hit.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && !(b[i].is_ascii_uppercase() || b[i] >= 0x80) {
        i += 1;
    }
    i
}

/// Lower-case title words that may precede a name written in lower case.
pub(crate) const LOWER_CASE_TITLES: &[&str] = &[
    "dhr", "mevr", "mw", "mevrouw", "meneer", "de heer", "fam",
    // Before a lower-case tussenvoegsel too (`Beste heer van Dam`, `mr. van der Linden`);
    // with their space or dot, so that the many words containing them (`beheer`, `adres`,
    // `direct`) are no keyword hits.
    " heer ", "familie ", "mr.", "mr ", "dr.", "dr ", "drs.", "drs ", "ir.", "ir ", "prof.", "prof ",
    // Before a given name in sloppy mail (see [`Cue`]): self-introductions and family words,
    // sign-offs, and the sender in a mail header (`Van: hans vos <…>`).
    "ik ben", "ik heet", "naam is", "mijn zoon", "mijn dochter", "mijn vrouw", "mijn man",
    "mijn vriend", "mijn vriendin", "mijn partner", "mijn moeder", "mijn vader", "mijn broer",
    "mijn zus", "mijn zoontje", "mijn dochtertje", "mijn kleinzoon", "mijn kleindochter",
    "mijn neef", "mijn nicht", "mijn opa", "mijn oma", "mijn oom", "mijn tante", "mijn stiefzoon",
    "mijn stiefdochter", "mijn pleegzoon", "mijn pleegdochter", "mijn schoonmoeder",
    "mijn schoonvader", "mijn vriendje", "mijn vriendinnetje",
    "groet", "groeten", "groetjes", "gr.", "mvg", "van:", "from:",
    // `iban … tnv j jansen`: "ten name van" on a payment line, read like a title.
    "tnv", "t.n.v.",
];

/// What a lower-case cue from [`LOWER_CASE_TITLES`] says about the words after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// `dhr`, `mevr.`, `de heer`: a surname follows, perhaps after initials and tussenvoegsels.
    Title,
    /// `heer`, `mr.`, `dr.`: a capitalised surname after lower-case tussenvoegsels follows
    /// (`Beste heer van Dam`), not a name in lower case.
    CapitalOnly,
    /// `ik ben`, `mijn zoon`: a given name follows (perhaps with a surname).
    Given,
    /// `groetjes`, `mvg,`: a given name ends the line, on this line or the next.
    SignOff,
    /// `Van:` in a mail header: a given name (and surname) before `<address>`.
    Header,
}

fn cue_of(word: &[u8]) -> Cue {
    let lower = |w: &[u8]| w.to_ascii_lowercase();
    match lower(word).as_slice() {
        b"groet" | b"groeten" | b"groetjes" | b"gr" | b"mvg" => Cue::SignOff,
        b"van:" | b"from:" => Cue::Header,
        b"heer" | b"familie" | b"mr" | b"dr" | b"drs" | b"ir" | b"prof" => Cue::CapitalOnly,
        w if w.starts_with(b"ik ") || w.starts_with(b"mijn ") || w == b"naam is" => Cue::Given,
        _ => Cue::Title,
    }
}

/// `mw j. van der linden-hermans`, `dhr de jong`, `mevr. van 't hof`: sloppy notes write names in
/// lower case; after a form of address we still read one.
fn lower_case_after_titles(t: &Text<'_>, titles: &[Range<usize>], out: &mut Vec<NameHit>) {
    let b = t.bytes;
    let mut found = Vec::new();
    for m in titles {
        // The keyword without the spaces and dot some are written with (`" heer "`, `"mr."`).
        let mut m = m.clone();
        if b.get(m.start) == Some(&b' ') {
            m.start += 1;
        }
        while m.end > m.start && matches!(b[m.end - 1], b' ' | b'.') {
            m.end -= 1;
        }
        if !t.left_boundary(m.start) {
            continue;
        }
        // `2756 mr bergen op zoom`, `1234 mw`: the letters of a postcode, not a title (four
        // digits alone before two letters; not the last group of an IBAN before `t.n.v.`).
        let postcode_digits = m.len() == 2
            && m.start >= 5
            && b[m.start - 1] == b' '
            && b[m.start - 5..m.start - 1].iter().all(u8::is_ascii_digit)
            && (m.start == 5 || !b[m.start - 6].is_ascii_alphanumeric());
        if postcode_digits {
            continue;
        }
        let cue = cue_of(&b[m.clone()]);
        if !matches!(cue, Cue::Title | Cue::CapitalOnly) {
            // After `mijn naam is` and `ik heet`, the longer of the two readings.
            let cue_word = &b[m.clone()];
            let introduced = (cue_word.eq_ignore_ascii_case(b"ik heet")
                || (cue_word.eq_ignore_ascii_case(b"naam is") && possessive_before(b, m.start)))
            .then(|| introduced_name_after(t, m.end))
            .flatten();
            // `mijn zoon heet noah`: the name after a relative's `heet`.
            let name_at = if cue == Cue::Given && cue_word.len() > 5 && cue_word[..5].eq_ignore_ascii_case(b"mijn ") && b[m.end..].starts_with(b" heet ") {
                m.end + 5
            } else {
                m.end
            };
            let given = given_name_after(t, name_at, cue);
            let longer = match (given, introduced) {
                (Some(g), Some(i)) => Some(if i.range.end > g.range.end { i } else { g }),
                (g, i) => g.or(i),
            };
            if let Some(hit) = longer {
                found.push(hit);
            }
            continue;
        }
        let mut pos = m.end;
        if b.get(pos) == Some(&b'.') {
            pos += 1;
        }
        if b.get(pos) != Some(&b' ') {
            continue;
        }
        // `een meneer van Vattenfall`, `de mevrouw van de GGD`: after an article the word is
        // "a man, a woman", and `van` says where from.
        if crate::text::ends_with_word(b[..m.start].trim_ascii_end(), &["een", "de", "die", "deze", "ene"]) {
            continue;
        }
        pos += 1;
        // Only lower-case names: capitalised ones were read by the main pass.
        if !b.get(pos).is_some_and(u8::is_ascii_lowercase) {
            continue;
        }
        let start = pos;
        // Initials `j.` / `j.p.`
        let mut initials = false;
        while b.get(pos).is_some_and(u8::is_ascii_lowercase) && b.get(pos + 1) == Some(&b'.') {
            pos += 2;
            initials = true;
        }
        if initials {
            if b.get(pos) != Some(&b' ') {
                continue;
            }
            pos += 1;
        }
        // One initial without its dot (`tnv j jansen`): then a listed surname must follow
        // (`mevrouw u belt` is no name), perhaps after tussenvoegsels.
        let bare_initial = !initials
            && b.get(pos).is_some_and(|&c| c.is_ascii_lowercase() && c != b'u')
            && b.get(pos + 1) == Some(&b' ')
            && b.get(pos + 2).is_some_and(u8::is_ascii_lowercase);
        if bare_initial {
            pos += 2;
        }
        // Tussenvoegsels, then one word.
        let mut tuss = false;
        let end = loop {
            let end = word_end(t, pos);
            if end == pos {
                break None;
            }
            let word = &t.str[pos..end];
            // An Arabic or Berber particle: `mw a. el amrani`, `dhr. el amrani`. `al` and `ben`
            // are Dutch words too: without initials not `al` (`mevrouw al gebeld`, `mevrouw al
            // lang`), and `ben` only before a listed name (`mw. ben ali`, not `meneer ben ik`).
            let particle = is_arabic_particle(word.as_bytes())
                && (initials
                    || !matches!(word.as_bytes(), b"al" | b"ben")
                    || (word == "ben" && b.get(end) == Some(&b' ') && {
                        let next = &t.str[end + 1..word_end(t, end + 1)];
                        let f = crate::lexicon::flags_of(next);
                        f & (crate::lexicon::FIRST | crate::lexicon::SURNAME) != 0 && f & crate::lexicon::COMMON == 0
                    }));
            if (is_tussenvoegsel(word) || particle) && b.get(end) == Some(&b' ') {
                // (`in`, `op`, `aan`, `uit` only before an article: `mevrouw uit Utrecht`.)
                if needs_article(word) && !is_article(&t.str[end + 1..word_end(t, end + 1)]) {
                    break None;
                }
                tuss = true;
                pos = end + 1;
                continue;
            }
            if word.chars().next().is_some_and(char::is_uppercase) {
                // `Geachte mevrouw de Vries`, `meneer van den Berg`: the main pass starts no
                // chain at a lower-case tussenvoegsel, so the name is read here, capitalised.
                // (Without one, the main pass read it.)
                break tuss.then_some(end);
            }
            // Without a tussenvoegsel or initials the word must be a known surname
            // (`mw hermans`, not `Mevr. levert`); `de jong` is a name. After `mr`, `dr`, `heer`
            // and the like only such a surname alone is read (`de heer jansen`, `dr. visser`):
            // more is too rare there (`mr. in de rechten`).
            // After tussenvoegsels a common word is a phrase: `meneer van de gemeente`.
            // (`jansen-van der berg`: the part before a hyphen and tussenvoegsel.)
            let core = word.rsplit_once('-').filter(|(_, last)| is_tussenvoegsel(last)).map_or(word, |(core, _)| core);
            if (!tuss && !initials && !is_surname(core))
                || (cue == Cue::CapitalOnly
                    && (tuss || initials || bare_initial || !is_surname(core) || is_common_word(word) || crate::lexicon::is_first_name(word)))
                || (tuss && is_common_word(word))
                || (bare_initial && (!is_surname(core) || is_common_word(word)))
            {
                break None;
            }
            break Some(lower_double_name_end(t, pos, end));
        };
        if let Some(end) = end {
            found.push(NameHit { range: start..end, score: 0.8 });
        }
    }
    out.extend(found);
}

/// `mijn naam is mo el idrissi`, `ik heet mo`: after these two self-introductions the name
/// typed in lower case is read even when no word of it is listed: one to four words, none a
/// common word or title, particles only between them (`mijn naam is niet belangrijk`, `ik heet u
/// welkom`, `de naam is gewijzigd` stay unread).
#[inline(never)]
fn introduced_name_after(t: &Text<'_>, pos: usize) -> Option<NameHit> {
    use crate::lexicon::{flags_of, COMMON, TITLE, TUSS};
    let b = t.bytes;
    if b.get(pos) != Some(&b' ') {
        return None;
    }
    let start = pos + 1;
    let mut p = start;
    let mut end = None;
    for k in 0..4 {
        let e = lower_word_end(t, p);
        if e == p {
            break;
        }
        let word = &t.str[p..e];
        // (`al` and `ben` are Dutch words too: `mijn naam is jan al klaar`; they join only a
        // listed surname.)
        if matches!(word, "al" | "ben") && !(b.get(e) == Some(&b' ') && is_surname(&t.str[e + 1..lower_word_end(t, e + 1)])) {
            break;
        }
        // (Leading tussenvoegsels too: `mijn naam is van der berg`, `mijn naam is de jong`;
        // they make a name only with a word after them: `mijn naam is in de krant` stays.)
        let particle = is_lower_name_particle(word.as_bytes());
        if !particle {
            let flags = flags_of(word);
            if e - p < 2
                || flags & (COMMON | TITLE) != 0
                || (k == 0 && (flags & TUSS != 0 || reads_as_participle(word)))
                || looks_like_street(word)
            {
                break;
            }
            end = Some(e);
        }
        if b.get(e) != Some(&b' ') {
            break;
        }
        p = e + 1;
    }
    let end = end?;
    lower_word_ends(b, end).then_some(NameHit { range: start..end, score: 0.8 })
}

/// `gewijzigd`, `bekend`, `onbekend`, `veranderd`, `gebleven`: a Dutch participle or adjective
/// of that shape (a prefix `ge`, `be`, `on`, `ver`, `ont`, `her`; an ending `d`, `t` or `en`),
/// which after `mijn naam is` says something of the name rather than being one.
fn reads_as_participle(word: &str) -> bool {
    ["ge", "be", "on", "ver", "ont", "her"].iter().any(|p| word.starts_with(p))
        && (word.ends_with('d') || word.ends_with('t') || word.ends_with("en"))
}

/// `ik ben sanne de wit`, `mijn vrouw wilma`, `groet\ngerrit ter horst`, `Van: hans vos <…>`:
/// a name in lower case after a cue ending at `pos`. It must start with a listed given name
/// that is no common word (nor a given name that is also a word: `mark`), so `ik ben blij`,
/// `mijn zoon heeft` and `groet, de buren` stay unread; a surname may follow after
/// tussenvoegsels, or as a listed surname.
fn given_name_after(t: &Text<'_>, pos: usize, cue: Cue) -> Option<NameHit> {
    let b = t.bytes;
    let mut pos = pos;
    if cue == Cue::SignOff {
        // `groet,` / `mvg` / `gr.` then a space or up to two line breaks.
        if matches!(b.get(pos), Some(b',' | b'.')) {
            pos += 1;
        }
        let from = pos;
        while pos < b.len() && matches!(b[pos], b' ' | b'\r' | b'\n') && pos - from < 6 {
            pos += 1;
        }
        if pos == from || b[from..pos].iter().filter(|&&c| c == b'\n').count() > 2 {
            return None;
        }
    } else {
        if b.get(pos) != Some(&b' ') {
            return None;
        }
        pos += 1;
    }
    let start = pos;
    let lower_word = |p: usize| {
        let e = word_end(t, p);
        (e > p && b[p].is_ascii_lowercase()).then_some(e)
    };
    let first_end = lower_word(start)?;
    let given = &t.str[start..first_end];
    let f = crate::lexicon::flags_of(given);
    if f & crate::lexicon::FIRST == 0 || f & (crate::lexicon::COMMON | crate::lexicon::TITLE | crate::lexicon::TUSS) != 0 {
        return None;
    }
    let mut end = first_end;
    // A surname: after tussenvoegsels any word (`de wit`), else a listed surname (`vos`).
    let mut p = first_end;
    let mut tuss = false;
    while b.get(p) == Some(&b' ') {
        let Some(e) = lower_word(p + 1) else { break };
        let w = &t.str[p + 1..e];
        // `mohamed el amrani`: an Arabic or Berber particle before a listed surname (`al` and
        // `ben` are also Dutch words: `ik ben jan al klaar`).
        let particle = || {
            is_arabic_particle(w.as_bytes())
                && b.get(e) == Some(&b' ')
                && lower_word(e + 1).is_some_and(|e2| is_surname(&t.str[e + 1..e2]) && !is_common_word(&t.str[e + 1..e2]))
        };
        if is_tussenvoegsel(w) || particle() {
            tuss = true;
            p = e;
            continue;
        }
        let fw = crate::lexicon::flags_of(w);
        if tuss || (fw & crate::lexicon::SURNAME != 0 && fw & crate::lexicon::COMMON == 0) {
            end = lower_double_name_end(t, p + 1, e);
        }
        break;
    }
    // A given name that is also a word (`mark`, `roos`) only with a surname.
    if end == first_end && AMBIGUOUS_GIVEN_NAMES.iter().any(|a| a.eq_ignore_ascii_case(given)) {
        return None;
    }
    let ok = match cue {
        // (A sign-off quoted in a prompt may end in its closing quote: `… gr. petra"`.)
        Cue::SignOff => {
            matches!(b.get(end), None | Some(b'\n' | b'\r'))
                || (b.get(end) == Some(&b'"') && matches!(b.get(end + 1), None | Some(b'\n' | b'\r' | b' ')))
        }
        Cue::Header => b.get(end) == Some(&b' ') && b.get(end + 1) == Some(&b'<'),
        _ => true,
    };
    ok.then_some(NameHit { range: start..end, score: 0.7 })
}

/// `van dijk-de groot`, `jansen-van der berg`: a lower-case surname at `start..end` whose last
/// part after its hyphen is a tussenvoegsel goes on after it, through more tussenvoegsels, to
/// one more word. Returns the name's end (`end` when it does not go on).
fn lower_double_name_end(t: &Text<'_>, start: usize, end: usize) -> usize {
    let b = t.bytes;
    let word = &t.str[start..end];
    let Some((_, last)) = word.rsplit_once('-') else {
        return end;
    };
    if !is_tussenvoegsel(last) {
        return end;
    }
    let mut p = end;
    while b.get(p) == Some(&b' ') && b.get(p + 1).is_some_and(u8::is_ascii_lowercase) {
        let e = word_end(t, p + 1);
        let w = &t.str[p + 1..e];
        if is_tussenvoegsel(w) {
            p = e;
            continue;
        }
        return if is_common_word(w) { end } else { e };
    }
    end
}

/// Whether the text between a name ending at `prev_end` and a chain at `start` continues an
/// enumeration of names: `, ` / ` en ` / ` & `, optionally after a parenthesis such as
/// ` (GroenLinks)`.
fn continues_enumeration(t: &Text<'_>, prev_end: usize, start: usize) -> bool {
    if start < prev_end || start - prev_end > 48 {
        return false;
    }
    let mut between = &t.str[prev_end..start];
    if let Some(rest) = between.trim_start().strip_prefix('(') {
        match rest.find(')') {
            Some(close) => between = &rest[close + 1..],
            None => return false,
        }
    }
    // (Compared with its leading spaces: `Van Rooij, Goossens en Bekkers` joins with ` en `.)
    matches!(between, ", " | " en " | " & " | "; " | ", en " | "; en ")
}

/// `Bakker, Jansen en De Vries waren aanwezig`, `Jansen en Bakker hebben …`: the listed
/// surnames that an enumeration (`, ` / ` en `) puts before a name found are names too, also at
/// a sentence's start, where a capital alone says nothing. Each is one capitalised listed
/// surname (no common word, place or brand: `Haren, Roden en De Vries`, `Philips, Shell en …`),
/// with the capitalised tussenvoegsels before it (`Van Dijk, Jansen en …`).
#[inline(never)]
fn enumerated_before(t: &Text<'_>, out: &mut Vec<NameHit>) {
    let b = t.bytes;
    let mut added: Vec<NameHit> = Vec::new();
    // In text order, so that only the names before a name can hold the words before it: the
    // furthest end among them bounds the enumeration (one sweep, however many names a long
    // list holds).
    out.sort_by_key(|h| h.range.start);
    let mut reach = 0;
    for h in out.iter() {
        let mut at = h.range.start;
        let floor = reach;
        reach = reach.max(h.range.end);
        loop {
            let end = if b[..at].ends_with(b" en ") {
                at - 4
            } else if b[..at].ends_with(b", ") {
                at - 2
            } else {
                break;
            };
            let start = ascii_word_start(b, end);
            let word = &t.str[start..end];
            if start > 0 && !matches!(b[start - 1], b' ' | b'\n' | b'\t' | b'(' | b':') {
                break;
            }
            if !listed_surname_alone(word) || start < floor {
                break;
            }
            // Capitalised tussenvoegsels right before it belong to it.
            let mut first = start;
            while first >= 2 && b[first - 1] == b' ' {
                let p = ascii_word_start(b, first - 1);
                let particle = &t.str[p..first - 1];
                if p < floor || particle.is_empty() || !b[p].is_ascii_uppercase() || !is_tussenvoegsel(particle) {
                    break;
                }
                first = p;
            }
            added.push(NameHit { range: first..end, score: 0.7 });
            at = first;
        }
        // `Overleg Jansen/Bakker`: surnames after a name and a slash (not a path:
        // `Jansen/Bakker/notulen.docx` has more after it).
        let mut end = h.range.end;
        while b.get(end) == Some(&b'/') {
            let start = end + 1;
            let word_end = start + b[start..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
            let ends_word = match b.get(word_end) {
                None => true,
                Some(b'.') => !b.get(word_end + 1).is_some_and(u8::is_ascii_alphanumeric),
                Some(&c) => matches!(c, b' ' | b'\n' | b'\r' | b'\t' | b',' | b';' | b':' | b')' | b'/' | b'?' | b'!'),
            };
            if !ends_word || !listed_surname_alone(&t.str[start..word_end]) {
                break;
            }
            added.push(NameHit { range: start..word_end, score: 0.7 });
            end = word_end;
        }
    }
    out.extend(added);
}

/// A capitalised listed surname that, alone, is no common word, place, title, organisation or
/// brand (`Jansen`, not `Haren`, `Philips`).
fn listed_surname_alone(word: &str) -> bool {
    let flags = crate::lexicon::flags_of(word);
    word.len() >= 2
        && word.as_bytes()[0].is_ascii_uppercase()
        && flags & crate::lexicon::SURNAME != 0
        && flags & (crate::lexicon::COMMON | crate::lexicon::PLACE | crate::lexicon::TITLE | crate::lexicon::ORG) == 0
        && !NOT_A_PERSON_ALONE.contains(&word)
}

/// Whether `word` is written in capitals (at least two letters, none lower case).
fn is_caps_word(word: &str) -> bool {
    if word.is_ascii() {
        let w = word.as_bytes();
        return !w.iter().any(u8::is_ascii_lowercase) && w.iter().filter(|c| c.is_ascii_uppercase()).count() >= 2;
    }
    let mut caps = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        caps += usize::from(c.is_uppercase());
    }
    caps >= 2
}

/// A surname written in capitals, as forms and police reports do: after a name label
/// (`Achternaam: OUAALI`, `Naam en voorletters: MOHAMED FARAH, A.`) or reversed before given
/// names or initials (`DIALLO, Mamadou`, `VAN ES, Thijs`, `HASSAN, H.A.`). Elsewhere words in
/// capitals are headings and abbreviations (`GEGEVENS AANVRAGER`, `BSN`, `UWV, afdeling`) and
/// stay unread. `i..end` is the first capitalised word; called only for words in capitals.
#[inline(always)]
fn caps_name(t: &Text<'_>, i: usize, end: usize) -> Option<NameHit> {
    let b = t.bytes;
    // Most words in capitals are neither after a label nor before a comma or another word in
    // capitals: settle those first, on a few bytes, before the reading proper.
    let more_words = b.get(end) == Some(&b' ') && b.get(end + 1).is_some_and(|&c| c.is_ascii_uppercase() || c >= 0x80);
    if more_words
        || b.get(end) == Some(&b',')
        || label_possible(b, i)
        || caps_initials_before(b, i).is_some()
        || form_of_address_before(b, i)
    {
        caps_name_read(t, i, end)
    } else {
        None
    }
}

/// Whether a form of address (`dhr.`, `mevrouw`, `DE HEER`, `mw`) and one space stand right
/// before `i`, read on the bytes (a word of at most eight letters).
#[inline]
fn form_of_address_before(b: &[u8], i: usize) -> bool {
    if i < 3 || b[i - 1] != b' ' {
        return false;
    }
    let end = if b[i - 2] == b'.' { i - 2 } else { i - 1 };
    // Most words before capitals end otherwise (postcode digits before `AB`, `voor BSN`): the
    // last letters of [`FORMS_OF_ADDRESS`] settle them.
    if end == 0 {
        return false;
    }
    let last = b[end - 1] | 0x20;
    (ends_like_a_form_of_address(last) && form_of_address_ending_at(b, end))
        // (`De familie JANSEN`: the one form of address ending in `e`, compared in place.)
        || (last == b'e' && end >= 7 && b[end - 7..end].eq_ignore_ascii_case(b"familie") && (end == 7 || !b[end - 8].is_ascii_alphabetic()))
}

/// Whether `c` (lower case) is the last letter of one of [`FORMS_OF_ADDRESS`] (a test keeps the
/// two in step). Not `e`: before capitals a word ending in `e` is nearly always `de` (`de GGD`),
/// and only `familie` needs it (compared on its own in [`form_of_address_before`]).
#[inline(always)]
fn ends_like_a_form_of_address(c: u8) -> bool {
    matches!(c, b'r' | b'w' | b'j' | b's' | b'g' | b'f' | b'm')
}

#[inline(never)]
fn form_of_address_ending_at(b: &[u8], end: usize) -> bool {
    let mut start = end;
    while start > 0 && end - start < 8 && b[start - 1].is_ascii_alphabetic() {
        start -= 1;
    }
    if start == end || (start > 0 && b[start - 1].is_ascii_alphabetic()) {
        return false;
    }
    // ASCII letters only, so always a `str`.
    std::str::from_utf8(&b[start..end]).is_ok_and(is_form_of_address)
}

/// Whether a label's colon or dotted leader may stand before `i`, with some space between
/// (`Achternaam: X`, `Geslachtsnaam ..... X`, `GESLACHTSNAAM:\nX`; not `ECLI:NL`). A word in
/// capitals at the start of a line is otherwise a heading or itself a label (`BSN: …`).
fn label_possible(b: &[u8], i: usize) -> bool {
    let mut p = i;
    while p > 0 && matches!(b[p - 1], b' ' | b'\t' | b'\r') {
        p -= 1;
    }
    if p > 0 && b[p - 1] == b'\n' {
        p -= 1;
        while p > 0 && matches!(b[p - 1], b' ' | b'\t' | b'\r') {
            p -= 1;
        }
    }
    p > 0 && p < i && (b[p - 1] == b':' || (p > 1 && b[p - 1] == b'.' && b[p - 2] == b'.'))
}

#[inline(never)]
fn caps_name_read(t: &Text<'_>, i: usize, end: usize) -> Option<NameHit> {
    let b = t.bytes;
    if !is_caps_word(&t.str[i..end]) {
        return None;
    }
    let comma_after = |e: usize| b.get(e) == Some(&b',') && b.get(e + 1) == Some(&b' ');
    let tuss = |s: usize, e: usize| is_lower_tussenvoegsel(&b[s..e]);
    let mut last = if tuss(i, end) { i } else { end };
    let mut chain_end = end;
    // Further words in capitals (`MOHAMED FARAH`, `VAN ES`), at most four in all.
    for _ in 0..3 {
        if comma_after(chain_end) || b.get(chain_end) != Some(&b' ') {
            break;
        }
        let next = chain_end + 1;
        let next_end = word_end(t, next);
        if next_end == next || !is_caps_word(&t.str[next..next_end]) {
            break;
        }
        chain_end = next_end;
        if !tuss(next, next_end) {
            last = next_end;
        }
    }
    let comma = comma_after(chain_end);
    let label_before = label_possible(b, i);
    let label = label_before && name_label_before(t, i);
    // After a role's label (`AANVRAGER: PIETER JANSEN`, `KLANT: JANSEN`) the capitals are a
    // name when one of their words is a listed name (checked with the words below).
    let role_label = !label && label_before && title_before(t, i);
    // `P. JANSEN`: initials before a listed surname in capitals.
    let initials = caps_initials_before(b, i);
    // `Dhr. JANSEN`, `De heer J. JANSEN`, `mevrouw A.B. DE VRIES-BAKKER`, `DE HEER JANSEN`: a
    // form of address before the capitals or their initials (then a listed name, checked with
    // the words below: not `Dhr. INFO`).
    let titled = !label_before && form_of_address_before(b, initials.unwrap_or(i));
    if !comma && !label && !role_label && initials.is_none() && !titled {
        return None;
    }
    // The chain ends in a surname, not a particle (`VAN`); its words are no abbreviations (no
    // vowel: `BSN`, `KCC`), organisations or common words (`GEMEENTE`, `NAAM`).
    if chain_end != last {
        return None;
    }
    let mut pos = i;
    let mut listed = false;
    let mut listed_surname = false;
    while pos < chain_end {
        let we = word_end(t, pos);
        let w = &t.str[pos..we];
        if !tuss(pos, we) {
            let f = crate::lexicon::flags_of(w);
            let vowel = w.chars().any(|c| matches!(c, 'A' | 'E' | 'I' | 'O' | 'U' | 'Y') || !c.is_ascii());
            let listed_name = f & (crate::lexicon::FIRST | crate::lexicon::SURNAME) != 0;
            let surname = |f: u8| f & crate::lexicon::SURNAME != 0 && f & crate::lexicon::COMMON == 0;
            // (A double surname counts by its parts: `DE VRIES-BAKKER`.)
            let part_is = |is: &dyn Fn(u8) -> bool| w.contains('-') && w.split('-').any(|p| is(crate::lexicon::flags_of(p)));
            listed |= listed_name || part_is(&|f| f & (crate::lexicon::FIRST | crate::lexicon::SURNAME) != 0);
            listed_surname |= surname(f) || part_is(&surname);
            let word_not_name = f & (crate::lexicon::COMMON | crate::lexicon::TITLE) != 0 && !listed_name;
            let org = w.split('-').any(|part| crate::lexicon::flags_of(part) & crate::lexicon::ORG != 0)
                || (!listed_name && ORGANISATION_ENDING_SET.matches_word(w, 2));
            if !vowel || word_not_name || org || is_no_value(w) {
                return None;
            }
        }
        pos = we + 1;
    }
    // Named without the comma: what a comma that starts no reversed name falls back on
    // (`De heer J. JANSEN, wonende te Utrecht`).
    let named_here = label || (role_label && listed) || (initials.is_some() && listed_surname) || (titled && listed);
    if !comma && !named_here {
        return None;
    }
    let start = initials.filter(|_| listed_surname || titled).unwrap_or(i);
    let mut stop = chain_end;
    if let Some(end) = comma.then(|| caps_given_names_after(t, chain_end + 2)).flatten() {
        // `DE VRIES, JAN`, `JANSEN, P.J.`: given names or initials in capitals after the comma.
        stop = end;
    } else if comma {
        match reversed_tail(t, chain_end) {
            Tail::Reversed { end: tail_end, .. } => stop = tail_end,
            Tail::FullNameAfter | Tail::None => {
                // An unlisted given name (`KOVALENKO, Oleksandr`): one capitalised word that
                // is no common word, organisation or policy noun, ending its line or cell or
                // followed by a bracket.
                let tok = read_token(t, chain_end + 2).filter(|tok| {
                    tok.kind == Kind::Cap
                        && !tok.common
                        && !tok.is_organisation(t, false)
                        && !tok.is_abstract_noun(t)
                        && !tok.is_street(t)
                        && match b.get(tok.end) {
                            None | Some(b'\n' | b'\r' | b'\t' | b',') => true,
                            Some(b' ') => b.get(tok.end + 1) == Some(&b'('),
                            Some(_) => false,
                        }
                });
                match tok {
                    Some(tok) => stop = tok.end,
                    // Without a given name, only a label (or a title, or initials) before
                    // them makes the capitals a name.
                    None if named_here => {}
                    None => return None,
                }
            }
        }
    }
    Some(NameHit { range: start..stop, score: 0.85 })
}

/// Initials in capitals (`P. `, `P.J. `) right before `i`, at a word start: where they start.
fn caps_initials_before(b: &[u8], i: usize) -> Option<usize> {
    let mut start = i.checked_sub(1).filter(|&p| b[p] == b' ')?;
    let end = start;
    while start >= 2 && b[start - 1] == b'.' && b[start - 2].is_ascii_uppercase() {
        start -= 2;
    }
    let at_word_start = start == 0 || matches!(b[start - 1], b' ' | b'\n' | b'\t' | b':' | b'(');
    (start < end && at_word_start).then_some(start)
}

/// `JAN`, `PIETER JAN`, `P.`, `P.J.` at `pos`, after the comma of a surname in capitals: the
/// end of the given names (listed ones, no common words) or initials, ending the line, a cell or
/// the text.
fn caps_given_names_after(t: &Text<'_>, pos: usize) -> Option<usize> {
    let b = t.bytes;
    let mut end = pos;
    let mut p = pos;
    // Initials.
    while b.get(p).is_some_and(u8::is_ascii_uppercase) && b.get(p + 1) == Some(&b'.') {
        p += 2;
        end = p;
    }
    if end == pos {
        for _ in 0..3 {
            let we = word_end(t, p);
            if we == p || !is_caps_word(&t.str[p..we]) {
                break;
            }
            let f = crate::lexicon::flags_of(&t.str[p..we]);
            if f & crate::lexicon::FIRST == 0 || f & (crate::lexicon::COMMON | crate::lexicon::TITLE | crate::lexicon::ORG) != 0 {
                break;
            }
            end = we;
            if b.get(we) != Some(&b' ') {
                break;
            }
            p = we + 1;
        }
    }
    let ends_value = matches!(b.get(end), None | Some(b'\n' | b'\r' | b'\t' | b',' | b';' | b'|' | b')' | b' '));
    (end > pos && ends_value).then_some(end)
}

/// Form values that say a name is missing (`Naam: Onbekend`, `Achternaam: ONBEKEND`).
fn is_no_value(word: &str) -> bool {
    ["onbekend", "anoniem", "geen", "nvt", "leeg", "diversen", "unknown", "none"].iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// `Voorletters: E.M.`: the label of initials before `start`.
fn initials_label_before(t: &Text<'_>, start: usize) -> bool {
    let head = t.str[..start].trim_end_matches([' ', '\t']);
    let Some(head) = head.strip_suffix(':') else { return false };
    let head = head.trim_end();
    let word = head.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    with_lower(word, |w| matches!(w, "voorletters" | "voorletter" | "initialen" | "initials"))
}

/// Whether a name label and its colon (or dotted leader) stand right before `start`:
/// `Achternaam:`, `Geslachtsnaam ......`, `Voornamen :`, `Naam en voorletters:`,
/// `Surname(s):`. Titles and roles do not count here.
fn name_label_before(t: &Text<'_>, start: usize) -> bool {
    let head = t.str[..start].trim_end_matches([' ', '\t']);
    let head = head.strip_suffix('\n').map_or(head, |h| h.trim_end_matches(['\r', ' ', '\t']));
    let head = match head.strip_suffix(':') {
        Some(h) => h,
        None if head.ends_with("..") => head.trim_end_matches(['.', ' ']),
        None => return false,
    };
    let head = head.trim_end_matches([' ', '\t']);
    let head = head.strip_suffix("(s)").unwrap_or(head);
    let word_start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic())
        .last()
        .map_or(head.len(), |(k, _)| k);
    with_lower(&head[word_start..], |w| {
        w.ends_with("naam") || w.ends_with("namen") || w.ends_with("name") || w == "voorletters"
    })
}

/// The end of the word at `i` when [`read_token`] would reject it at once as a word in ASCII
/// capitals (`BSN`, `INFO`; its first two bytes ASCII capitals, no lower-case letter, no
/// non-ASCII byte); `None` when that needs the full reading. A word of at most five bytes before
/// a dot goes the full way: it may be initials (`IJ.`).
fn ascii_caps_word(t: &Text<'_>, i: usize) -> Option<usize> {
    let b = t.bytes;
    if !(b[i].is_ascii_uppercase() && b.get(i + 1).is_some_and(u8::is_ascii_uppercase)) {
        return None;
    }
    let end = word_end(t, i);
    let word = &b[i..end];
    if b.get(end) == Some(&b'.') && word.len() <= 5 {
        return None;
    }
    word.iter().all(|c| c.is_ascii() && !c.is_ascii_lowercase()).then_some(end)
}

/// `JW de Boer`, `PJ Bakker`, `A de Vries`: initials written without dots (signatures, minutes,
/// lists of those present), where `i..end` holds one to three ASCII capitals followed by a space.
/// A name when tussenvoegsels and a surname follow, or a listed surname that is no common word.
/// Not an abbreviation (`HR`, `ICT`, `CDA`), a Roman numeral or `U`, nor inside a run of words
/// in capitals (a heading); not a trade name (`JW de Boer Installatietechniek`).
#[inline(never)]
fn undotted_initials_name(t: &Text<'_>, i: usize, end: usize) -> Option<NameHit> {
    use crate::lexicon::{flags_of, COMMON, FIRST, ORG, PLACE, SURNAME, TITLE, TUSS};
    let b = t.bytes;
    let mut pos = end + 1;
    let mut particles = 0;
    let mut first_particle: &[u8] = b"";
    loop {
        // (`’t` written with the typographic apostrophe is read as `'t`.)
        let curly = b[pos..].starts_with("’t".as_bytes());
        // (`JW v.d. Berg`: abbreviated.)
        let abbreviated = abbreviated_tussenvoegsel(&b[pos..]);
        let we = match abbreviated {
            Some(len) => pos + len,
            None if curly => pos + 4,
            None => pos + b[pos..].iter().take_while(|c| c.is_ascii_lowercase() || **c == b'\'').count(),
        };
        let w = &b[pos..we];
        let particle = !w.is_empty() && (abbreviated.is_some() || curly || is_lower_tussenvoegsel(w) || w == b"'t");
        if !particle || b.get(we) != Some(&b' ') || particles == 3 {
            break;
        }
        if particles == 0 {
            first_particle = w;
        }
        particles += 1;
        pos = we + 1;
    }
    let surname_end = word_end(t, pos);
    if surname_end == pos || !t.char_at(pos).is_some_and(char::is_uppercase) {
        return None;
    }
    let word = &t.str[pos..surname_end];
    // (A word in capitals after them is read elsewhere: `J DE BOER`.)
    if word.len() >= 2 && word.bytes().all(|c| !c.is_ascii_lowercase()) {
        return None;
    }
    // A double surname is judged by its first part (`Bakker-de Vries`, `Groot-van der Meer`).
    let surname = word.split('-').next().unwrap_or(word);
    let mut surname_end = surname_end;
    if let Some(dash) = word.rfind('-') {
        let tail = &word.as_bytes()[dash + 1..];
        if is_lower_tussenvoegsel(tail) && tail[0].is_ascii_lowercase() {
            // `-van Dam`, `-van der Meer`: particles, then the second surname.
            let mut next = surname_end;
            let mut found_second = false;
            while b.get(next) == Some(&b' ') {
                let we = next + 1 + b[next + 1..].iter().take_while(|c| c.is_ascii_lowercase()).count();
                if we > next + 1 && is_lower_tussenvoegsel(&b[next + 1..we]) {
                    next = we;
                    continue;
                }
                let cap_end = word_end(t, next + 1);
                if cap_end > next + 1 && t.char_at(next + 1).is_some_and(char::is_uppercase) {
                    next = cap_end;
                    found_second = true;
                }
                break;
            }
            if !found_second {
                return None;
            }
            surname_end = next;
        }
    }
    let f = flags_of(surname);
    if f & (ORG | TITLE | TUSS) != 0 {
        return None;
    }
    let listed = f & SURNAME != 0;
    let name = if particles == 0 {
        (listed && f & (COMMON | PLACE) == 0)
            // `JW Bakkenist, 078-…` opening a line (a signature, a list of contacts): two or
            // three initials before an unlisted surname that ends the line or its clause.
            || (end - i >= 2
                && f & (COMMON | PLACE | FIRST) == 0
                && surname.len() >= 3
                && surname.bytes().skip(1).all(|c| c.is_ascii_lowercase())
                && b[..i].iter().rev().take_while(|&&c| c != b'\n').all(|&c| c == b' ' || c == b'\t')
                && matches!(b.get(surname_end), None | Some(b',' | b'\n' | b'\r' | b'(')))
    } else if matches!(first_particle, b"in" | b"op" | b"aan" | b"uit" | b"het") {
        // `HR in Zwolle` is none: these start a name only before an article and a listed
        // surname (`A in 't Veld`).
        listed && particles >= 2
    } else if first_particle == b"van" && particles == 1 {
        // `MR van De Boomgaard`, `ALV van Oranje`: `van` alone is as often "of".
        listed && f & (COMMON | PLACE) == 0
    } else {
        listed || f & (COMMON | PLACE) == 0
    };
    if !name {
        return None;
    }
    // (Checked once a name's shape follows: most words in capitals stand before none.)
    let letters = &t.str[i..end];
    if NOT_INITIALS.binary_search(&letters).is_ok() {
        return None;
    }
    // One letter is often a label's (`bijlage A`, `plan B van Rutte`): only at a line's or
    // clause's start, or after a word that puts a person next (`met A de Vries`).
    if end - i == 1 && i > 0 {
        let before = b[..i].trim_ascii_end();
        let clause_start = before.is_empty() || matches!(before.last(), Some(b'\n' | b'(' | b',' | b':' | b';' | b'/'));
        let word_before = before.len() < i && {
            let word = &before[ascii_word_start(before, before.len())..];
            [&b"met"[..], b"en", b"door", b"aan", b"voor", b"namens", b"of", b"bij", b"heer", b"mevrouw", b"mw", b"dhr", b"cc"]
                .iter()
                .any(|w| w.eq_ignore_ascii_case(word))
        };
        if !(clause_start || word_before) {
            return None;
        }
    }
    // Not inside a heading in capitals (the word before is in capitals too), nor after an
    // article or determiner (`de VOG van Koç`: an abbreviation).
    if i >= 2 && b[i - 1] == b' ' && b[i - 2] >= 0x80 {
        // (A heading's word with a letter outside ASCII: `ZOË JW de Boer`.)
        let mut before = t.str[..i - 1].chars().rev().take_while(|c| c.is_alphabetic()).peekable();
        if before.peek().is_some() && before.all(char::is_uppercase) {
            return None;
        }
    }
    if i >= 2 && b[i - 1] == b' ' && b[i - 2].is_ascii_alphabetic() {
        let before = &b[ascii_word_start(b, i - 1)..i - 1];
        if before.iter().all(u8::is_ascii_uppercase)
            || [&b"de"[..], b"het", b"een", b"the", b"a", b"an", b"deze", b"die", b"dit", b"dat", b"onze", b"ons", b"uw", b"zijn", b"haar", b"hun", b"elke", b"ieder", b"welke", b"geen"]
                .iter()
                .any(|w| w.eq_ignore_ascii_case(before))
        {
            return None;
        }
    }
    let mut range = i..surname_end;
    if let Some(dashed) = dashed_surname_end(t, surname_end) {
        range.end = dashed;
    }
    if trade_name_around(t, range.clone()) {
        return None;
    }
    Some(NameHit { range, score: 0.85 })
}

/// Where `'t ` (or `’t `) starts when it stands right before `start`, at a word's start: the
/// tussenvoegsel of a surname found without it (`'t Hart`).
fn apostrophe_t_before(b: &[u8], start: usize) -> Option<usize> {
    let head = &b[..start];
    let from = if head.ends_with(b"'t ") {
        start - 3
    } else if head.ends_with("’t ".as_bytes()) {
        start - 5
    } else {
        return None;
    };
    (from == 0 || matches!(b[from - 1], b' ' | b'\n' | b'\t' | b'(' | b'"' | b',' | b':' | b';' | b'/')).then_some(from)
}

/// Capitals that stand before a surname without being initials: abbreviations of Dutch public
/// life, parties and companies, Roman numerals, and `U` (the formal "you"). Sorted (searched
/// by halving; a test checks the order).
const NOT_INITIALS: &[&str] = &[
    "ABN", "ACM", "AD", "AFM", "AH", "AI", "ALV", "AM", "ANP", "AO", "AOW", "AP", "API", "APV", "AVG", "AW",
    "BBB", "BCC", "BO", "BOA", "BRP", "BSN", "BSO", "BV", "BW", "BZ", "BZK", "CAO", "CBS", "CC", "CDA", "CEO",
    "CFO", "CIO", "CIZ", "CJG", "CNV", "COA", "CPB", "CSV", "CTO", "CU", "CV", "CVB", "CZ", "DG", "DM", "DNB",
    "DPO", "DSW", "DUO", "EK", "EU", "EZK", "FG", "FM", "FNV", "FW", "FWD", "GB", "GBS", "GGD", "GGZ", "GL",
    "GMR", "GR", "HBO", "HR", "I", "IC", "ICT", "ID", "IGJ", "II", "III", "IKC", "IND", "ING", "IPO", "ISK",
    "IT", "IV", "IVA", "IVM", "IX", "JGZ", "KB", "KBS", "KCC", "KDV", "KLM", "KPN", "KVK", "LNV", "MB", "MBO",
    "MKB", "MR", "MSC", "MT", "MVG", "MZR", "NB", "NCW", "NH", "NL", "NO", "NOS", "NRC", "NS", "NSC", "NV",
    "NVT", "OBS", "OCW", "OK", "OM", "OOV", "OR", "OV", "OVJ", "PC", "PDF", "PGB", "PM", "PO", "POH", "PS",
    "PSZ", "PVV", "RC", "RDW", "RE", "RIB", "ROC", "RTL", "RV", "RVB", "RVO", "RVT", "SBO", "SCP", "SEH", "SG",
    "SGP", "SMS", "SO", "SOK", "SP", "SR", "SVB", "SZW", "TAV", "TK", "TU", "TV", "U", "UK", "URL", "US", "UWV",
    "VCP", "VGZ", "VI", "VII", "VNG", "VNO", "VO", "VOF", "VOG", "VS", "VSO", "VU", "VVD", "VVE", "VWO", "VWS",
    "VZ", "WAO", "WGA", "WGO", "WIA", "WMO", "WNV", "WO", "WOB", "WOO", "WRR", "WW", "XI", "XII", "XML", "ZH",
    "ZL", "ZW", "ZZP",
];

/// Whether a word can start at `i`: nothing name-like or address-like glued to its left.
fn starts_word(t: &Text<'_>, i: usize) -> bool {
    // An ASCII byte before `i` is settled without decoding a char (the same test on bytes).
    if let Some(&c) = i.checked_sub(1).and_then(|p| t.bytes.get(p)) {
        if c.is_ascii() {
            if matches!(c, b'\'' | b'@') {
                // An opening quote or a mention starts a word (`Aan: 'Karin Bos'`, `@Piet`);
                // inside a word they do not (`d'Ancona`, `jan@…`).
                return i < 2 || matches!(t.bytes[i - 2], b' ' | b'\n' | b'\t' | b'(' | b'"' | b',' | b':' | b';');
            }
            return !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'/' | b'\\' | b'.' | b'-'));
        }
    }
    match t.char_before(i) {
        None => true,
        Some(c) => !(c.is_alphanumeric() || matches!(c, '@' | '_' | '/' | '\\' | '.' | '-' | '\'' | '’')),
    }
}

/// End of the word starting at `i`: letters, with `-` or `'` inside when a letter follows.
fn word_end(t: &Text<'_>, i: usize) -> usize {
    // ASCII letters fast; anything else (accents, `-`, `'`) goes the char-by-char way.
    let b = t.bytes;
    let mut j = i;
    // Eight bytes at a time: a byte is an ASCII letter when, with bit 5 set, it lies in
    // `a..=z` (and its top bit is clear).
    while j + 8 <= b.len() {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&b[j..j + 8]);
        let x = u64::from_le_bytes(chunk);
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let folded = (x | 0x2020_2020_2020_2020) & !HIGH;
        // High bit set where folded >= b'a' (0x61) and where folded > b'z' (0x7a).
        let ge_a = (folded + 0x1f1f_1f1f_1f1f_1f1f) & HIGH;
        let gt_z = (folded + 0x0505_0505_0505_0505) & HIGH;
        let letter = ge_a & !gt_z & !x;
        let not_letter = !letter & HIGH;
        if not_letter != 0 {
            j += (not_letter.trailing_zeros() / 8) as usize;
            break;
        }
        j += 8;
    }
    while j < b.len() && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    if j == b.len() || !(b[j] >= 0x80 || matches!(b[j], b'-' | b'\'')) {
        return j;
    }
    let s = &t.str[i..];
    let mut end = i;
    let mut chars = s.char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        if c.is_alphabetic() {
            end = i + off + c.len_utf8();
        } else if matches!(c, '-' | '\'' | '’')
            && chars.peek().is_some_and(|&(_, next)| next.is_alphabetic())
            && end == i + off
        {
            continue;
        } else {
            break;
        }
    }
    end
}

fn is_tussenvoegsel(word: &str) -> bool {
    with_lower(word, |w| TUSSENVOEGSEL_SET.contains(w))
}

/// `in`, `op`, `aan`, `uit` are tussenvoegsels only before an article: `in 't Veld`,
/// `op den Akker`, `aan de Stegge` — not in `Van Kampen uit Kampen`.
fn needs_article(word: &str) -> bool {
    ["in", "op", "aan", "uit"].iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn is_article(word: &str) -> bool {
    ["de", "den", "der", "het", "'t", "’t", "ten", "ter"].iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// What the main pass keeps for [`remembered_names`] (buffers a caller may reuse across texts).
#[derive(Default)]
pub(crate) struct Recall {
    /// Unknown capitalised words of rejected chains, with the chain's start.
    pub(crate) rejected: Vec<(usize, Range<usize>)>,
    /// Capitalised words of confident names.
    pub(crate) named: Vec<Range<usize>>,
    /// The names found, as (start, furthest end so far) sorted by start (see
    /// [`remembered_names`]).
    pub(crate) found: Vec<(usize, usize)>,
}

/// Reads the chain of name-like tokens at `i` and decides whether it is a name. Returns the
/// hit (if any) and where scanning continues.
fn chain_at(t: &Text<'_>, i: usize, listed: bool, recall: Option<&mut Recall>) -> Option<(Option<NameHit>, usize)> {
    let mut toks = [Tok::new(0, 0, Kind::Cap); MAX_TOKENS];
    let mut len = 0;
    let mut pos = i;
    while let Some(tok) = read_token(t, pos) {
        if tok.kind == Kind::Tuss && needs_article(&t.str[tok.start..tok.end]) {
            let next = read_token(t, tok.end + 1);
            let article_next = t.bytes.get(tok.end) == Some(&b' ')
                && next.is_some_and(|n| is_article(&t.str[n.start..n.end]));
            if !article_next {
                break;
            }
        }
        toks[len] = tok;
        len += 1;
        // The next token must follow one space (or a no-break space) later; the call name in
        // brackets after initials, or the initials after a given name, are part of the name
        // (`H.J. (Henk) Lammers`, `Henk (H.J.) Lammers`).
        let after = match tok.kind {
            Kind::Initials => call_name_after(t, tok.end).unwrap_or(tok.end),
            Kind::Cap if tok.first => initials_after(t, tok.end)
                .or_else(|| nickname_after(t, tok.end))
                .unwrap_or(tok.end),
            _ => tok.end,
        };
        let next_start = match t.bytes.get(after) {
            Some(b' ') => after + 1,
            Some(0xC2) if t.bytes.get(after + 1) == Some(&0xA0) => after + 2,
            _ => break,
        };
        if len == MAX_TOKENS {
            break;
        }
        pos = next_start;
    }
    if len == 0 {
        return None;
    }
    let toks = &toks[..len];
    // A chain of tussenvoegsels and titles only (`De`, `Het`, `Geachte`) holds no name: every
    // branch of `decide` needs a capitalised word or initials after the last title, and drops
    // trailing tussenvoegsels. Nothing to remember either; continue after it.
    if !toks.iter().any(|tok| matches!(tok.kind, Kind::Cap | Kind::Initials)) {
        return Some((None, toks[len - 1].end));
    }
    let hit = decide(t, toks, listed);
    if let Some(recall) = recall {
        for tok in toks {
            if tok.kind != Kind::Cap || tok.common || tok.end - tok.start < 3 {
                continue;
            }
            match &hit {
                // Words a name found elsewhere in the text may explain (`remembered_names`).
                None => recall.rejected.push((i, tok.start..tok.end)),
                Some(h) if h.score >= 0.85 && h.range.start <= tok.start && tok.end <= h.range.end => {
                    recall.named.push(tok.start..tok.end);
                }
                Some(_) => {}
            }
        }
    }
    // Continue after the name. When the chain held none, a name may still start after a
    // tussenvoegsel inside it (`DNA-profiel van Barbara Woźniak`); otherwise skip the chain.
    let scan_next = match &hit {
        Some(h) => h.range.end,
        None => toks
            .windows(2)
            .find(|w| {
                // A capitalised `De`/`Het` after a rejected word names a thing
                // (`Huisartsenpraktijk De Linde`, `Basisschool De Regenboog`), not a person.
                // Initials never follow a tussenvoegsel inside a name: they start the next one
                // (`Dossier van J.P. Balkenende`).
                w[0].kind == Kind::Tuss
                    && t.bytes[w[0].start].is_ascii_lowercase()
                    && ((w[1].kind == Kind::Cap && w[1].first) || w[1].kind == Kind::Initials)
            })
            .map_or(toks[len - 1].end, |w| w[1].start),
    };
    Some((hit, scan_next))
}

/// An upper-case letter, then a lower-case one (`Henk`, `Jan-Willem`; not `BSN`, not `X.`).
fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
}

/// `Petra Jansen - de Vries`, `M. van den Heuvel – Smit`, `Jansen–de Vries`: a double surname
/// joined by a spaced hyphen or an en dash. At `end` (a name's end): the dash, tussenvoegsels,
/// and a capitalised listed surname (after a tussenvoegsel, any capitalised word that is no
/// common word); returns the second surname's end. Not `Jan Smit - Gemeente Utrecht`.
fn dashed_surname_end(t: &Text<'_>, end: usize) -> Option<usize> {
    // (Most names are followed by something else: settled by two bytes.)
    match t.bytes.get(end..end + 2)? {
        [b' ', b'-' | 0xE2] | [0xE2, 0x80] => {}
        _ => return None,
    }
    let rest = t.str.get(end..)?;
    let joiner = [" - ", " – ", "–"].into_iter().find(|j| rest.starts_with(j))?;
    let mut p = end + joiner.len();
    let mut tuss = false;
    loop {
        let e = word_end(t, p);
        let word = t.str.get(p..e)?;
        if word.chars().next()?.is_lowercase() {
            if !is_lower_tussenvoegsel(word.as_bytes()) || t.bytes.get(e) != Some(&b' ') {
                return None;
            }
            tuss = true;
            p = e + 1;
            continue;
        }
        let f = crate::lexicon::flags_of(word);
        let common = f & crate::lexicon::COMMON != 0;
        let listed = f & crate::lexicon::SURNAME != 0 || is_surname(word);
        // A given name before another capitalised word starts the next person's name (`Jan
        // Smit - Willem Bakker`): joined, that surname would be read as nobody's.
        let next_name = f & crate::lexicon::FIRST != 0
            && t.bytes.get(e) == Some(&b' ')
            && t.char_at(e + 1).is_some_and(char::is_uppercase);
        return (capitalised(word) && !common && !next_name && (listed || tuss)).then_some(e);
    }
}

/// `H.J. (Henk) Lammers`, `mw. A.B. (Anna) de Groot`: official documents give the call name in
/// brackets between the initials and the surname. At `end` (the initials' end), a space, `(`,
/// a known given name and `)`: returns the offset after the `)`.
fn call_name_after(t: &Text<'_>, end: usize) -> Option<usize> {
    let b = t.bytes;
    if b.get(end..end + 2) != Some(b" (") {
        return None;
    }
    let start = end + 2;
    let close = word_end(t, start);
    let name = t.str.get(start..close)?;
    (capitalised(name) && b.get(close) == Some(&b')') && crate::lexicon::is_first_name(name)).then_some(close + 1)
}

/// `Henk (H.J.) Lammers`: at `end` (a given name's end), a space and initials in brackets;
/// returns the offset after the `)`.
fn initials_after(t: &Text<'_>, end: usize) -> Option<usize> {
    let b = t.bytes;
    if b.get(end..end + 2) != Some(b" (") {
        return None;
    }
    let mut i = end + 2;
    while b.get(i).is_some_and(u8::is_ascii_uppercase) && b.get(i + 1) == Some(&b'.') {
        i += 2;
    }
    (i > end + 2 && b.get(i) == Some(&b')')).then_some(i + 1)
}

/// `Jeroen 'Jerry' Smit`: at `end` (a given name's end), a space and a capitalised word in
/// quotes (`'…'`, `‘…’`, `"…"`, `“…”`); returns the offset after the closing quote.
fn nickname_after(t: &Text<'_>, end: usize) -> Option<usize> {
    let rest = t.str.get(end..)?.strip_prefix(' ')?;
    let open = rest.chars().next()?;
    let close = match open {
        '\'' => '\'',
        '‘' => '’',
        '"' => '"',
        '“' => '”',
        _ => return None,
    };
    let start = end + 1 + open.len_utf8();
    let word_stop = word_end(t, start);
    let word = t.str.get(start..word_stop)?;
    (capitalised(word) && t.str[word_stop..].starts_with(close)).then(|| word_stop + close.len_utf8())
}

/// Reads one token at `pos`: initials, a capitalised word, a tussenvoegsel or a title.
/// (Inlined into its callers: it runs for every token of every chain; on the speed corpus that
/// saves about a tenth of its cost, the call and the `Option<Tok>` returned through memory.)
#[inline(always)]
fn read_token(t: &Text<'_>, pos: usize) -> Option<Tok> {
    let b = t.bytes;
    let &first_byte = b.get(pos)?;
    // Most tokens read after a name are lower-case words that end the chain: settle those
    // without decoding chars or looking the word up.
    if first_byte.is_ascii_lowercase() && !matches!(b.get(pos + 1), Some(b'\'' | 0xE2)) {
        // `J. v.d. Berg`, `Jan v. Dijk`, `A.M. v/d Berg`: a tussenvoegsel abbreviated.
        if matches!(first_byte, b'v' | b'i') {
            if let Some(len) = abbreviated_tussenvoegsel(&b[pos..]) {
                return Some(Tok::new(pos, pos + len, Kind::Tuss));
            }
        }
        // Six ASCII letters: longer than any tussenvoegsel, so the word ends the chain whatever
        // follows (most words after a capitalised one are such words).
        if b.get(pos..pos + 6).is_some_and(|w| w.iter().all(u8::is_ascii_alphabetic)) {
            return None;
        }
        let end = word_end(t, pos);
        // `S. el Ouardi`, `Yassine ben Ali`: an Arabic or Berber particle before a capitalised
        // word is read like a tussenvoegsel (only there: `al` is also "already").
        // (Not `ben` after `ik`: `Ik ben Mo El Idrissi` introduces the name after it.)
        let particle = || {
            is_arabic_particle(&b[pos..end])
                && b.get(end) == Some(&b' ')
                && b.get(end + 1).is_some_and(u8::is_ascii_uppercase)
                && !(pos >= 3 && b[pos - 3..pos].eq_ignore_ascii_case(b"ik "))
        };
        return (is_lower_tussenvoegsel(&b[pos..end]) || particle()).then(|| Tok::new(pos, end, Kind::Tuss));
    }
    let c = if first_byte.is_ascii() { char::from(first_byte) } else { t.char_at(pos)? };
    // `'t` / `’t`
    if matches!(c, '\'' | '’') {
        let after = pos + c.len_utf8();
        if b.get(after) == Some(&b't') && t.right_boundary(after + 1) {
            return Some(Tok::new(pos, after + 1, Kind::Tuss));
        }
        return None;
    }
    if !c.is_alphabetic() {
        return None;
    }
    // Initials: `A.`, `A.C.`, `M.A.M.`
    if c.is_uppercase() && b.get(pos + c.len_utf8()) == Some(&b'.') {
        let mut end = pos;
        while let Some(ch) = t.char_at(end) {
            if ch.is_uppercase() && b.get(end + ch.len_utf8()) == Some(&b'.') {
                end += ch.len_utf8() + 1;
            } else {
                break;
            }
        }
        // `A.b` is not an initial.
        if t.char_at(end).is_some_and(char::is_lowercase) {
            return None;
        }
        return Some(Tok::new(pos, end, Kind::Initials));
    }
    let mut end = word_end(t, pos);
    if end == pos {
        return None;
    }
    // `Petra's aanvraag`, `Jansen’s dochter`: a possessive; the name is the word before it
    // when that is a listed name (`Foto's`, `Taxi's` are plurals).
    if end - pos > 3 && b[end - 1] == b's' {
        let stem = if b[end - 2] == b'\'' {
            end - 2
        } else if b[..end - 1].ends_with("’".as_bytes()) && end - pos > 5 {
            end - 4
        } else {
            end
        };
        if stem < end && crate::lexicon::flags_of(&t.str[pos..stem]) & (crate::lexicon::FIRST | crate::lexicon::SURNAME) != 0 {
            end = stem;
        }
    }
    let word = &t.str[pos..end];
    let dot = b.get(end) == Some(&b'.');
    // (Every entry has at most five bytes: longer words skip the list.)
    if dot && word.len() <= 5 && MULTI_LETTER_INITIALS.contains(&word) {
        return Some(Tok::new(pos, end + 1, Kind::Initials));
    }
    // Words in capitals (`BSN`, `AVG`, `MR` in `2756 MR`, `JANSEN`) are not read as names.
    // (A lower-case ASCII second letter settles it at once.)
    if !b.get(pos + c.len_utf8()).is_some_and(u8::is_ascii_lowercase) {
        let all_caps = if word.is_ascii() {
            // The same test on bytes: every ASCII letter is upper or lower case.
            let wb = word.as_bytes();
            wb.iter().filter(|c| c.is_ascii_uppercase()).count() >= 2 && !wb.iter().any(u8::is_ascii_lowercase)
        } else {
            let caps = word.chars().filter(|c| c.is_uppercase()).count();
            caps >= 2 && caps == word.chars().filter(|c| c.is_alphabetic()).count()
        };
        if all_caps {
            return None;
        }
    }
    if !c.is_uppercase() {
        // Lower case: a tussenvoegsel (all are short), or `d'Ancona`, `l'Ami`.
        if is_lower_tussenvoegsel(word.as_bytes()) {
            return Some(Tok::new(pos, end, Kind::Tuss));
        }
        let mut cs = word.chars();
        match (cs.next(), cs.next(), cs.next()) {
            (Some(_), Some('\'' | '’'), Some(n)) if n.is_uppercase() => {}
            _ => return None,
        }
    }
    let mut tok = Tok::new(pos, end, Kind::Cap);
    let f = crate::lexicon::flags_of(word);
    let listed_name = f & (crate::lexicon::FIRST | crate::lexicon::SURNAME) != 0;
    // Role compounds (`Wijkteammedewerker`) are long and neither names nor common words.
    let role = c.is_uppercase()
        && !listed_name
        && f & crate::lexicon::COMMON == 0
        && word.len() >= 7
        && ROLE_ENDINGS.matches_word(word, 1);
    if c.is_uppercase() && (role || f & crate::lexicon::TITLE != 0) {
        // An abbreviated title carries its dot (`Dhr.`, `Mevr.`); after a salutation or a
        // role the dot ends a sentence (`Hoi. Schrijf een brief`).
        tok.kind = Kind::Title;
        if dot && word.len() <= 4 && ABBREVIATED_TITLES.iter().any(|a| a.eq_ignore_ascii_case(word)) {
            tok.end = end + 1;
        }
        return Some(tok);
    }
    if f & crate::lexicon::TUSS != 0 {
        tok.kind = Kind::Tuss;
        return Some(tok);
    }
    tok.flags = f;
    // (`Emma-Sophie`, `Anne-Fleur`: a double given name whose parts are listed.)
    // (A plain loop: words are short, and `contains` would call `memchr` for every one.)
    let hyphenated = word.bytes().any(|c| c == b'-');
    tok.first = f & crate::lexicon::FIRST != 0
        || (hyphenated
            && word.split('-').all(|part| part.as_bytes().first().is_some_and(u8::is_ascii_uppercase))
            && word.split('-').all(|part| crate::lexicon::flags_of(part) & crate::lexicon::FIRST != 0));
    tok.surname = f & crate::lexicon::SURNAME != 0 || (hyphenated && is_surname(word));
    tok.common = f & crate::lexicon::COMMON != 0;
    Some(tok)
}

/// Arabic and Berber name particles (`El Amrani`, `Ben Hammou`, `Al Hamwi`, `Ait Brahim`),
/// ASCII case-insensitively; `name_particles.txt` lists them among the particles split off
/// surnames. Not tussenvoegsels: `Ben` is also a given name, `al` and `ben` Dutch words.
fn is_arabic_particle(word: &[u8]) -> bool {
    // (Asked of short lower-case words inside chains: the first byte settles most.)
    if !(2..=4).contains(&word.len()) || !matches!(word[0] | 0x20, b'e' | b'a' | b'b' | b'i') {
        return false;
    }
    let mut buf = [0u8; 4];
    buf[..word.len()].copy_from_slice(word);
    buf.make_ascii_lowercase();
    matches!(&buf[..word.len()], b"el" | b"al" | b"ben" | b"bin" | b"ibn" | b"abu" | b"abou" | b"ait")
}

/// The length of an abbreviated tussenvoegsel at the start of `rest` (`v.d.`, `v/d`, `vd`, `v.`,
/// `i.t.`), when a space and a capital follow it.
fn abbreviated_tussenvoegsel(rest: &[u8]) -> Option<usize> {
    // (Longer forms first: `v.d.` before `v.`.)
    const FORMS: &[&str] = &["v.d.", "v/d", "v.d", "vd.", "vd", "v.", "i.t."];
    FORMS
        .iter()
        .find(|f| {
            rest.starts_with(f.as_bytes())
                && rest.get(f.len()) == Some(&b' ')
                && rest.get(f.len() + 1).is_some_and(u8::is_ascii_uppercase)
        })
        .map(|f| f.len())
}

/// Whether `word` is one of [`TUSSENVOEGSELS`], ASCII case-insensitively (all are short).
fn is_lower_tussenvoegsel(word: &[u8]) -> bool {
    if word.len() > 5 {
        return false;
    }
    let mut buf = [0u8; 5];
    buf[..word.len()].copy_from_slice(word);
    buf.make_ascii_lowercase();
    // The ASCII entries of TUSSENVOEGSELS (a test keeps the two in step).
    matches!(
        &buf[..word.len()],
        b"van" | b"de" | b"der" | b"den" | b"het" | b"ten" | b"ter" | b"te" | b"in" | b"op" | b"aan"
            | b"uit" | b"la" | b"le" | b"du" | b"da" | b"di" | b"del" | b"della" | b"dos" | b"das"
            | b"do" | b"von" | b"vom" | b"zu" | b"zum"
    )
}

// (Inlined into its one caller, `chain_at`, as it was before it grew past the compiler's
// threshold: as a call it cost 1.4 M more instructions a pass on the speed corpus.)
#[inline(always)]
fn decide(t: &Text<'_>, toks: &[Tok], listed: bool) -> Option<NameHit> {
    let word = |tok: &Tok| &t.str[tok.start..tok.end];
    let is_first = |tok: &Tok| tok.kind == Kind::Cap && tok.first;
    let chain_start = toks[0].start;
    // The common case first, cheaply: a capitalised common word alone (a sentence start) —
    // unless a family word in lower case stands right before it (`met oma Wil`, `tante Truus`):
    // mid-sentence, only a name is capitalised there.
    if toks.len() == 1 && toks[0].kind == Kind::Cap && toks[0].common && !toks[0].first && !toks[0].surname {
        return family_word_before(t.bytes, chain_start).then(|| NameHit { range: toks[0].start..toks[0].end, score: 0.85 });
    }
    // Context from the chain itself; a title before the chain is read below, only when the
    // chain's shape does not already settle the decision.
    let mut context = listed;
    let mut toks = toks;
    // A title inside the chain starts the name after it (`Staatssekretär Dr. Jürgen Kowalski`).
    let mut inner_title = None;
    if let Some(last_title) = toks.iter().rposition(|tok| tok.kind == Kind::Title) {
        context = true;
        inner_title = Some(&toks[last_title]);
        toks = &toks[last_title + 1..];
    }
    let head = toks;
    let context_at_head = context;
    // Leading capitalised common words (sentence starts, salutations) are context at most.
    let before_strip = toks.len();
    while let Some(first) = toks.first() {
        if first.kind == Kind::Cap && first.common && !first.first {
            toks = &toks[1..];
        } else {
            break;
        }
    }
    // `Vader van Sem`: after a family word, a tussenvoegsel before a lone given name is "of",
    // not part of the name; after a stripped word only before one that is no surname.
    let family_title = inner_title.is_some_and(|tok| {
        FAMILY_WORDS.iter().any(|w| w.eq_ignore_ascii_case(&t.bytes[tok.start..tok.end]))
    });
    if (family_title || (toks.len() < before_strip && !toks.get(1).is_some_and(|tok| tok.surname)))
        && toks.len() == 2
        && toks[0].kind == Kind::Tuss
        && toks[1].kind == Kind::Cap
        && toks[1].first
    {
        toks = &toks[1..];
    }
    // `Nguyen Van An`, `Nguyễn Thị Lan`, `Tran Van Minh`: a Vietnamese name, surname first, then
    // a middle name (`Van` here is no tussenvoegsel) and the given name.
    if toks.len() == 3
        && toks[0].kind == Kind::Cap
        && VIETNAMESE_SURNAMES.contains(&word(&toks[0]))
        && VIETNAMESE_MIDDLE_NAMES.contains(&word(&toks[1]))
        && toks[2].kind == Kind::Cap
        && !toks[2].common
    {
        return Some(NameHit { range: toks[0].start..toks[2].end, score: 0.85 });
    }
    // A role word before a first name (`Ergotherapeut Lotte Verhoeven`); a listed surname there
    // is written first and stays (`Nguyen Thi Lan`).
    if toks.len() >= 3 && toks[0].kind == Kind::Cap && !is_first(&toks[0]) && is_first(&toks[1]) {
        context = true;
        if !toks[0].surname || toks[0].common {
            toks = &toks[1..];
        }
    }
    // Every accepting branch below needs one of these; most chains (places, organisations,
    // unknown capitalised words) have none and are settled here, before the costlier checks.
    // (A reversed name needs `, ` after the chain's last token: only there can a comma stand.)
    let first = toks.first()?;
    let chain_end = head.last().map_or(0, |l| l.end);
    let could_be_name = context
        || first.kind == Kind::Initials
        || is_first(first)
        || (first.kind == Kind::Cap && first.surname && !first.common && toks.len() >= 2 && is_first(&toks[1]))
        || unlisted_given_name_and_surname(t, toks)
        || (t.bytes.get(chain_end) == Some(&b',') && t.bytes.get(chain_end + 1) == Some(&b' '));
    // (`met Van der Meer`: the capitalised tussenvoegsel is itself the context.)
    let particles_first = !could_be_name && capitalised_particles_mid_sentence(t, toks);
    // (`gesprek met Hendriks`, `met Timmermans van de afdeling`: a listed surname alone
    // mid-sentence; also before a comma, which alone makes the chain only possibly a reversed
    // name, `behandeld door Jansen, afgerond`.)
    // (`met Claassen van Bouw- en Woningtoezicht`: after the surname, a lower-case `van`,
    // `uit` or `bij` says where the person is from; the chain is cut there below.)
    // Not a street so named (`wonende Laan van Nieuw Oost-Indië 292`, `Hof van Delft`).
    let from_after = toks.len() >= 3
        && toks[1].kind == Kind::Tuss
        && ["van", "uit", "bij"].iter().any(|w| w.as_bytes() == &t.bytes[toks[1].start..toks[1].end])
        && !STREET_ENDINGS.matches_word(&t.str[first.start..first.end], 2)
        && !(t.bytes.get(chain_end) == Some(&b' ') && t.bytes.get(chain_end + 1).is_some_and(u8::is_ascii_digit));
    let surname_alone = !context
        && !particles_first
        && first.kind == Kind::Cap
        && first.surname
        && !first.first
        && !first.common
        && (toks.iter().skip(1).all(|tok| tok.kind == Kind::Tuss)
            || from_after
            || (toks.len() == 2 && word(&toks[1]) == "Frans" && language_here(t, toks[1].start, toks[1].end)))
        && surname_alone_mid_sentence(t, first);
    let could_be_name = could_be_name || particles_first || surname_alone;
    let context = context || particles_first || surname_alone;
    // (The checks from here to the organisation label read only the text: their order changes
    // no decision, and the cheapest reject comes first.)
    // (`Achternaam: van Dijk` matters only where nothing else makes the chain a name.)
    // (`Ik ben Mo El Idrissi`: after `ik ben` only a chain of two or more words that starts
    // and ends in uncommon ones, as `Ik ben Nederlander` and `Ik ben Christen` are no names.)
    let titled = title_before(t, chain_start)
        || (head.len() >= 2
            && !head[0].common
            && !head[head.len() - 1].common
            && after_ik_ben(t.bytes, chain_start));
    // Where the name starts when it is a name only by its context: before the chain, at the
    // tussenvoegsels written in lower case after a name label (`Naam: de Vries`).
    let context_start = if titled || could_be_name { None } else { name_context(t, chain_start, chain_end, head.len()) };
    let titled = titled || context_start.is_some();
    if !could_be_name && !titled {
        return None;
    }
    if organisation_label_before(t, chain_start) || after_postcode(t, chain_start) || school_before(t.bytes, chain_start) {
        return None;
    }
    // `Dorpsweg 12, Heino`: the place after an address (not a full name: `…, Piet Jansen`).
    if !(head.len() >= 2 && is_first(&head[0])) && after_house_number(t, chain_start) {
        return None;
    }
    // `in Heino`, `uit Stein`, `Brink 4, Heino`: a listed place alone after a preposition of
    // place or a house number and its comma, though also a given name (`met Heino` is one).
    if head.len() == 1 && first.flags & crate::lexicon::PLACE != 0 && !titled && !listed && place_before(t, chain_start) {
        return None;
    }
    if could_end_a_cell(t.bytes, chain_end) && in_place_column(t, chain_start, chain_end) {
        return None;
    }
    let context = context || titled;
    let context_at_head = context_at_head || titled;
    // An organisation named at the start (`Vereniging Tegenwind`, `Gemeente Utrecht`) makes the
    // whole chain one.
    if head.len() > 1 && head[0].is_organisation(t, context_at_head) {
        return None;
    }
    // Stop at a common word inside the chain (`Jan Gisteren`), and before `van de <First name>`
    // (`Samira van de Johan de Wittschool`: "from the", not a tussenvoegsel).
    let mut cut = toks.len();
    for (k, tok) in toks.iter().enumerate().skip(1) {
        // After a complete name, `van`/`uit`/`bij`/`aan`/`op`/`in` starts a new phrase:
        // `L. Amrani van Veilig Thuis`, `mr. J.A. Eggelaar van Mulder Advocaten`,
        // `Jan Visser aan de Brink`.
        if tok.kind == Kind::Tuss
            && ["van", "uit", "bij", "aan", "op", "in"].iter().any(|w| w.eq_ignore_ascii_case(word(tok)))
            && (is_complete_name(&toks[..k])
                || (surname_alone && k == 1)
                // `dr. Sprangers van Gelre ziekenhuizen`: after a title, a surname and where the
                // person works (an unlisted capitalised word).
                || (k == 1
                    && titled
                    && from_after
                    && toks[0].kind == Kind::Cap
                    && !toks[0].first
                    && toks.get(2).is_some_and(|n| n.kind == Kind::Cap && !n.surname && !n.first)))
        {
            cut = k;
            break;
        }
        // `omdat Veenstra Frans spreekt`: the language after a name.
        if tok.kind == Kind::Cap && word(tok) == "Frans" && language_here(t, tok.start, tok.end) {
            cut = k;
            break;
        }
        // (`N. Ben Hammou`, `Hiba Al Hamwi`: a capitalised Arabic particle before a
        // capitalised word is part of the surname, though `ben` and `al` are Dutch words.)
        let common = tok.kind == Kind::Cap
            && toks[k - 1].kind != Kind::Tuss
            && tok.common
            && !tok.surname
            && !tok.first
            && !(toks.get(k + 1).is_some_and(|n| n.kind == Kind::Cap) && is_arabic_particle(word(tok).as_bytes()));
        // `Samira van de Johan de Wittschool`, `Arjun Venkatesh van de Hogeschool`,
        // `Sharon Kasanmoentalib van Bijlmerdreef`: "from (the)", not a tussenvoegsel — but
        // `Johan van Oldenbarneveltlaan` is a street named after a person, not a name.
        let after_tuss = tok.kind == Kind::Cap && toks[k - 1].kind == Kind::Tuss;
        let before = &toks[..k];
        let complete_name_before = before.iter().filter(|p| p.kind == Kind::Cap).count() >= 2
            || (before.iter().any(|p| p.kind == Kind::Initials) && before.iter().any(|p| p.kind == Kind::Cap));
        let place = after_tuss && (tok.is_organisation(t, false) || tok.is_street(t));
        if place && !complete_name_before {
            // `dokter Kamphuis in de Stationsstraat`: after a capitalised word, `in`/`op`/
            // `aan`/`uit` and an article start where someone is, not a street's name
            // (`Johan van Oldenbarneveltlaan` stays a street).
            let run = toks[..k].iter().rposition(|p| p.kind != Kind::Tuss).map_or(0, |p| p + 1);
            if run >= 1 && toks[run - 1].kind == Kind::Cap && needs_article(word(&toks[run])) {
                cut = run;
                break;
            }
            return None;
        }
        // (A capitalised `Van` before a given name is part of the name, not "from":
        // `Tran Van Minh`.)
        let from_the = after_tuss
            && before.iter().any(|p| p.kind == Kind::Cap)
            && (place || (is_first(tok) && !tok.surname && t.bytes[toks[k - 1].start].is_ascii_lowercase()));
        if common || from_the {
            cut = k;
            break;
        }
    }
    let mut toks = &toks[..cut];
    // A name ends in a capitalised word or initials (reversed forms are read below); a degree
    // after it (`K. Mahabier BSc`) is no part of it, as titles are not.
    while toks.last().is_some_and(|l| l.kind == Kind::Tuss || (l.kind == Kind::Cap && is_postnominal(word(l)))) {
        toks = &toks[..toks.len() - 1];
    }
    let first = toks.first()?;
    let last = toks.last()?;
    // `Geb. datum`, `Pietersz. Coenstraat`: an abbreviation, or a street written with one.
    if let (Some(b'.'), Some(b' ')) = (t.bytes.get(last.end), t.bytes.get(last.end + 1)) {
        let after = last.end + 2;
        // (Not after initials or a tussenvoegsel: `E.W.P. van der Meer. mijn bsn` ends a name.)
        let name_shape = toks.iter().any(|tok| tok.kind != Kind::Cap);
        if last.kind == Kind::Cap
            && last.end - last.start <= 4
            && !name_shape
            && t.bytes.get(after).is_some_and(u8::is_ascii_lowercase)
        {
            return None;
        }
        let next_end = word_end(t, after);
        if next_end > after && looks_like_street(&t.str[after..next_end]) {
            return None;
        }
    }
    if is_organisation(t, toks, context && toks.len() == 1) || (toks.len() >= 2 && is_trade_name(&t.str[first.start..last.end])) {
        return None;
    }
    // `Kanaal Zuid 114`: a chain followed by a number is a street.
    if t.bytes.get(last.end) == Some(&b' ') && t.bytes.get(last.end + 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let caps = toks.iter().filter(|tok| tok.kind == Kind::Cap).count();
    let surname_tok = toks.iter().rev().find(|tok| tok.kind == Kind::Cap);
    let surname = surname_tok.map(&word);
    let bare_surname = first.kind != Kind::Initials && !is_first(first) && caps == 1;
    // (A surname that ends like a policy noun after a form of address or a surname label is
    // still a surname: `mevrouw Westerheuveling`, `Achternaam: Vlasbroeking`; after a role it
    // is a portfolio: `wethouder Huisvesting`.)
    if surname_tok.is_some_and(|s| {
        s.is_street(t)
            || (bare_surname
                && s.is_abstract_noun(t)
                && !inner_title.is_some_and(|tok| is_form_of_address(&t.str[tok.start..tok.end]))
                && !personal_title_before(t, chain_start))
    }) {
        return None;
    }
    // A tussenvoegsel before the surname makes a common word a surname: `ter Haar`, `de Jong`.
    let tuss_before_surname = toks.len() >= 2 && toks[toks.len() - 2].kind == Kind::Tuss;
    let surname_ok = |s: &Tok| s.surname || tuss_before_surname || !s.common;
    let range = context_start.map_or(first.start, |s| s.min(first.start))..last.end;

    // Reversed: `Vries, B. de`, `Boer, Hendrik de`, `Jansen-de Boer, Maria Johanna`,
    // `Aksoy, Mehmet` (a surname that is also a given name).
    // Not after a given name and a surname (`Ahmed Benali, Priya Ramdin`: a list of full names).
    let full_name_before = is_first(first) && toks[1..].iter().any(|tok| tok.kind == Kind::Cap);
    if first.kind != Kind::Initials && (!is_first(first) || first.surname) && !full_name_before {
        let tail = reversed_tail(t, last.end);
        // `Smit, Karin Bos en Peter de Wit`: a listed surname before a full name, in a list.
        if tail == Tail::FullNameAfter && bare_surname && surname_tok.is_some_and(|s| s.surname && surname_ok(s)) {
            return Some(NameHit { range, score: 0.85 });
        }
        if let Tail::Reversed { end, with_initials } = tail {
            let s = surname.unwrap_or_default();
            // (`Gebremariam, Yohannes  09:31`: a chat export's speaker line ends in its time.)
            let line_end = matches!(t.bytes.get(end), None | Some(b'\n' | b'\r')) || time_ends_line(t.bytes, end);
            let plausible = with_initials
                || context
                || line_end
                || is_surname(s)
                || t.bytes[..end].ends_with(b" de")
                || t.bytes[..end].ends_with(b" van")
                || t.bytes[..end].ends_with(b" der");
            if plausible && !with_lower(s, is_common_word) {
                return Some(NameHit { range: first.start..end, score: 0.85 });
            }
        }
    }
    match first.kind {
        Kind::Initials => {
            // `Voorletters: E.M.`: initials alone, after a label saying so (not `Achternaam:
            // N.V.T.`).
            let Some(s) = surname_tok else {
                return initials_label_before(t, chain_start).then_some(NameHit { range, score: 0.85 });
            };
            // `A. Gegevens aanvrager` / `D. Begroting` at the start of a line is a section
            // heading, not a name (`K. Wiśniewska` on its own line is).
            let line_start = first.start == 0 || t.bytes[first.start - 1] == b'\n';
            let rest_of_line = t.str[last.end..].split('\n').next().unwrap_or_default();
            let heading = toks.len() == 2
                && word(first).len() == 2
                && line_start
                && (s.is_abstract_noun(t)
                    || (rest_of_line.starts_with(' ')
                        && rest_of_line.len() < 30
                        && rest_of_line[1..].starts_with(|c: char| c.is_lowercase())));
            if !heading && surname_ok(s) {
                return Some(NameHit { range, score: if context { 0.95 } else { 0.85 } });
            }
            None
        }
        Kind::Cap if is_first(first) => {
            // `Can you…`, `Will`, `May`: a lone given name that is also a word needs context.
            // (Mid-sentence after a lower-case word, the Dutch given names among them are names:
            // `Ik heb Mark gisteren gesproken`, `samen met Frank`.)
            if toks.len() == 1 && word(first) == "Frans" && language_here(t, first.start, first.end) {
                return None;
            }
            // `tijdens de Ramadan`: after an article, a feast that is also a given name.
            if toks.len() == 1
                && NOT_A_PERSON_ALONE.contains(&word(first))
                && first.start >= 4
                && (t.bytes[..first.start].ends_with(b" de ") || t.bytes[..first.start].ends_with(b" het "))
            {
                return None;
            }
            if toks.len() == 1
                && !context
                && AMBIGUOUS_GIVEN_NAMES.contains(&word(first))
                && !(NAMES_MID_SENTENCE.contains(&word(first))
                    && (after_lower_case_word(t.bytes, chain_start) || speaker_of_a_line(t.bytes, first.start, first.end)))
                // `[08:02] Roos: Goedemorgen`: any of them as a chat's speaker after its time.
                && !speaker_after_bracketed_time(t.bytes, first.start, first.end)
                && !paired_with_a_given_name(t, first.end)
            {
                return None;
            }
            let known_surname = surname.is_some_and(is_surname);
            let score = match (toks.len(), context || known_surname) {
                (1, false) => 0.6,
                (1, true) => 0.85,
                (_, false) => 0.85,
                (_, true) => 0.95,
            };
            Some(NameHit { range, score })
        }
        // `Zhang Wei`, `Jansen Piet`: surname first, then a given name.
        Kind::Cap
            if toks.len() == 2
                && toks[1].kind == Kind::Cap
                && first.surname
                && is_first(&toks[1])
                && !first.common =>
        {
            Some(NameHit { range, score: 0.7 })
        }
        _ if context => {
            let s = surname_tok?;
            if caps == 1 && is_no_value(word(s)) {
                return None;
            }
            // (A surname that is also a word, `Naam: Hoop`, after a name label.)
            if surname_ok(s) || name_label_before(t, chain_start) {
                return Some(NameHit { range, score: 0.85 });
            }
            None
        }
        // `Gurpreet Singh`, `Oluwaseun Adeyemi`: an unlisted given name before a listed surname.
        Kind::Cap
            if unlisted_given_name_and_surname(t, toks)
                && !toks.iter().any(|tok| tok.is_organisation(t, false) || tok.is_abstract_noun(t)) =>
        {
            Some(NameHit { range, score: 0.7 })
        }
        _ => None,
    }
}

/// `met Van der Meer`, `volgens De Vries`, `Jansen, Van den Broek en Smit`: a surname written
/// without a given name or initials starts with a capital (`Van der Meer`, where a full name
/// has `Piet van der Meer`), so mid-sentence a capitalised tussenvoegsel run before a listed
/// surname is a name. Only mid-sentence: after a lower-case word, after a comma, or after a
/// capitalised common word that opened the sentence (`Volgens`); at a sentence or line start
/// `De Boer` may be "the farmer". Not after an article (`het Van der Valk hotel`), not after a
/// preposition of place or among the places so written (`naar Den Bosch`, `Kerkstraat 1, De
/// Lier`), and only when the surname ends the chain (`bij De Boer Installatietechniek`).
#[inline(always)]
fn capitalised_particles_mid_sentence(t: &Text<'_>, toks: &[Tok]) -> bool {
    // (Tussenvoegsels after the surname start the next phrase: `met De Groot van de
    // woningcorporatie`.)
    let toks = match toks.iter().rposition(|tok| tok.kind != Kind::Tuss) {
        Some(last) => &toks[..=last],
        None => return false,
    };
    toks.len() >= 2
        && toks[0].kind == Kind::Tuss
        && t.bytes[toks[0].start].is_ascii_uppercase()
        && toks[toks.len() - 1].kind == Kind::Cap
        && (toks[toks.len() - 1].surname || unlisted_after_van(t, toks))
        && particles_then_surname_mid_sentence(t, toks)
}

/// `met Van Lommerzeel`: after a capitalised `Van` (not `De`: `naar De Kuip`) an unlisted word
/// is a surname too, when it is no common word, given name, place, organisation or street.
fn unlisted_after_van(t: &Text<'_>, toks: &[Tok]) -> bool {
    let last = &toks[toks.len() - 1];
    &t.bytes[toks[0].start..toks[0].end] == b"Van"
        && !last.common
        && !last.first
        && last.flags & (crate::lexicon::PLACE | crate::lexicon::ORG | crate::lexicon::TITLE) == 0
        && !last.is_organisation(t, false)
        && !last.is_street(t)
        && !last.is_abstract_noun(t)
}

#[inline(never)]
fn particles_then_surname_mid_sentence(t: &Text<'_>, toks: &[Tok]) -> bool {
    let b = t.bytes;
    let start = toks[0].start;
    if !toks[..toks.len() - 1].iter().all(|tok| tok.kind == Kind::Tuss) {
        return false;
    }
    let whole = &t.str[start..toks[toks.len() - 1].end];
    if with_lower(whole, |w| PLACES_WITH_PARTICLE.contains(&w)) {
        return false;
    }
    if start >= 2 && &b[start - 2..start] == b", " {
        return true;
    }
    after_word_mid_sentence(t, start)
}

/// Whether the word before `start` (one space between) puts `start` mid-sentence where only a
/// name is capitalised: a lower-case word, or a capitalised common word that opened the
/// sentence (`Volgens`). Not an article, `een` or a preposition of place (`het Van der Valk
/// hotel`, `naar Den Bosch`), nor a noun that names a place or body (`de wijk De Horst`).
fn after_word_mid_sentence(t: &Text<'_>, start: usize) -> bool {
    let b = t.bytes;
    if start < 2 || b[start - 1] != b' ' {
        return false;
    }
    let word_start = ascii_word_start(b, start - 1);
    let word = &t.str[word_start..start - 1];
    let lower_case = word.bytes().all(|c| c.is_ascii_lowercase());
    let sentence_opener = word.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && word[1..].bytes().all(|c| c.is_ascii_lowercase())
        && with_lower(word, is_common_word);
    !word.is_empty()
        && (lower_case || sentence_opener)
        && !with_lower(word, |w| is_article(w) || matches!(w, "een" | "the" | "a" | "an") || PLACE_PREPOSITIONS.contains(&w))
        // (`'t Zand`: the article's letter, read without its apostrophe.)
        && word != "t"
        && !(lower_case && NAMED_THINGS.iter().any(|n| word.ends_with(n)))
}

/// `gesprek met Hendriks`, `volgens Mulder`, `dat heeft Smit gezegd`: a listed surname written
/// alone mid-sentence (see [`after_word_mid_sentence`]), where only a name is capitalised, or
/// opening a sentence before a verb of reporting ([`opens_sentence_before_a_verb`]).
/// The caller has checked that the one token is a listed surname and no given name (those are
/// read as given names) or common word. Not a place (`bij Haren`), not before a number
/// (`Brink 4`: a street) or after a trade-name label or before a company's form (`jansen bv`,
/// `Gall & Gall`), not a brand, language, river or point of the compass that is also a surname
/// (`bij Philips`, `spreekt Engels`, `stadsdeel West`).
#[inline(never)]
fn surname_alone_mid_sentence(t: &Text<'_>, tok: &Tok) -> bool {
    let b = t.bytes;
    let word = &t.str[tok.start..tok.end];
    let place = tok.flags & crate::lexicon::PLACE != 0;
    let street_or_company = b.get(tok.end) == Some(&b' ') && b.get(tok.end + 1).is_some_and(|c| c.is_ascii_digit() || *c == b'&');
    let disease = b[..tok.start].ends_with(b"ziekte van ") || b[..tok.start].ends_with(b"syndroom van ");
    // (English prepositions of place: `I'm Anna from Poland`.)
    let from_place = b[..tok.start].ends_with(b" from ") || b[..tok.start].ends_with(b" near ");
    !place
        && !street_or_company
        && !disease
        && !from_place
        && !NOT_A_PERSON_ALONE.contains(&word)
        && (after_word_mid_sentence(t, tok.start) || opens_sentence_before_a_verb(t, tok) || surname_in_a_slot(t, tok))
        && !particle_before(t, tok.start)
        && !trade_name_around(t, tok.start..tok.end)
}

/// `Jansen geeft aan dat …`, `Hendriks belde vanochtend`: at a sentence's start a listed
/// surname before a verb that reports what someone did or said (a Dutch noun there would have
/// its article: `De bakker belde`). Not a surname that is also a Dutch adjective, adverb or a
/// noun used without article (`Groen is …`, `Meer kan niet`, `Post wordt …`).
fn opens_sentence_before_a_verb(t: &Text<'_>, tok: &Tok) -> bool {
    let b = t.bytes;
    let before = b[..tok.start].trim_ascii_end();
    let opens = before.is_empty()
        || (matches!(before.last(), Some(b'.' | b'!' | b'?' | b':')) && tok.start > before.len())
        || b[..tok.start].last() == Some(&b'\n');
    if !opens || b.get(tok.end) != Some(&b' ') {
        return false;
    }
    let next = tok.end + 1;
    let next_end = next + b[next..].iter().take_while(|c| c.is_ascii_lowercase()).count();
    let verb = &t.str[next..next_end];
    // `is` and `was` only before a Dutch word that says where or how someone is (`Jansen is
    // ziek`, `Mulder was vandaag afwezig`), not before English (`Little is known`).
    let dutch_is = matches!(verb, "is" | "was") && b.get(next_end) == Some(&b' ') && {
        let after = next_end + 1;
        let after_end = after + b[after..].iter().take_while(|c| c.is_ascii_lowercase()).count();
        !b.get(after_end).is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80) && AFTER_IS.contains(&&t.str[after..after_end])
    };
    !b.get(next_end).is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80)
        && (REPORTING_VERBS.contains(&verb) || dutch_is)
        && !SURNAMES_THAT_ARE_WORDS.contains(&&t.str[tok.start..tok.end])
}

/// Dutch words after `is`/`was` that say where or how a person is (`Jansen is ziek`).
const AFTER_IS: &[&str] = &[
    "ziek", "niet", "vandaag", "morgen", "gisteren", "afwezig", "aanwezig", "bereikbaar", "onbereikbaar", "thuis",
    "jarig", "vrij", "terug", "weg", "er", "al", "nog", "op", "met", "akkoord", "verhinderd", "beter", "overleden",
    "verhuisd", "geboren", "getrouwd", "gescheiden", "ontslagen", "opgenomen",
];

/// `Bakker: akkoord`, `[10:02] Jansen: ik bel morgen`, `Actie: Jansen`, `Groet, Bakker`,
/// `@Jansen`: a listed surname alone as the speaker that opens a line of a chat or minutes
/// (perhaps after a time stamp), as the value of an action field, after a sign-off and its
/// comma at the end of a line, or mentioned with `@`.
#[inline(never)]
fn surname_in_a_slot(t: &Text<'_>, tok: &Tok) -> bool {
    let b = t.bytes;
    let (start, end) = (tok.start, tok.end);
    if start > 0 && b[start - 1] == b'@' {
        return true;
    }
    if speaker_of_a_line(b, start, end) && !SURNAMES_THAT_ARE_WORDS.contains(&&t.str[start..end]) {
        return true;
    }
    if b[..start].ends_with(b": ") {
        let label_end = start - 2;
        let label = &b[ascii_word_start(b, label_end)..label_end];
        return SLOT_LABELS.iter().any(|l| l.as_bytes().eq_ignore_ascii_case(label));
    }
    if b[..start].ends_with(b", ") && matches!(b.get(end), None | Some(b'\n' | b'\r')) {
        let word_end = start - 2;
        let word_start = ascii_word_start(b, word_end);
        let sign_off = &b[word_start..word_end];
        // The sign-off opens its line: only letters and spaces before it, back to the line's
        // start (a sign-off is short: at most 40 bytes are read).
        let reach = word_start.saturating_sub(40);
        let opens_line = match b[reach..word_start].iter().rposition(|&c| c == b'\n') {
            Some(p) => b[reach + p + 1..word_start].iter().all(|c| c.is_ascii_alphabetic() || *c == b' '),
            None => reach == 0 && b[..word_start].iter().all(|c| c.is_ascii_alphabetic() || *c == b' '),
        };
        return opens_line && SIGN_OFF_WORDS.iter().any(|w| w.as_bytes().eq_ignore_ascii_case(sign_off));
    }
    false
}

/// `Bakker: akkoord`, `[10:02] Jansen: ik bel morgen`: the word at `start..end` opens its line
/// (perhaps after a time stamp) before `: ` — without a time stamp only before a lower-case
/// reply, as a chat is typed (`Reis: Comité …` and `Date: Mon, …` are a form's and a mail
/// header's fields).
fn speaker_of_a_line(b: &[u8], start: usize, end: usize) -> bool {
    let Some(head) = speaker_head(b, start, end) else {
        return false;
    };
    let head = head.trim_ascii();
    let time_stamp = head.contains(&b':')
        && head.iter().all(|c| c.is_ascii_digit() || matches!(c, b':' | b'-' | b'/' | b'[' | b']' | b' ' | b'.'));
    let reply_in_lower_case = b.get(end + 2).is_some_and(u8::is_ascii_lowercase);
    (head.is_empty() && reply_in_lower_case) || (!head.is_empty() && time_stamp)
}

/// Whether only a time (`09:31`, after at least one space or tab) follows `end` on its line.
/// (Reads a bounded window: a line may be megabytes long.)
fn time_ends_line(b: &[u8], end: usize) -> bool {
    let gap = b[end..].iter().take(16).take_while(|&&c| c == b' ' || c == b'\t').count();
    if gap == 0 {
        return false;
    }
    let at = end + gap;
    let hours = b[at..].iter().take(3).take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&hours) || !matches!(b.get(at + hours), Some(b':' | b'.')) {
        return false;
    }
    let minutes = at + hours + 1;
    if !b.get(minutes..minutes + 2).is_some_and(|m| m.iter().all(u8::is_ascii_digit)) {
        return false;
    }
    let after = minutes + 2;
    let blanks = b[after..].iter().take(16).take_while(|&&c| c == b' ' || c == b'\t').count();
    matches!(b.get(after + blanks), None | Some(b'\n' | b'\r'))
}

/// What opens the line before a speaker at `start..end` (`[10:02] ` in `[10:02] Jansen: …`),
/// when `: ` follows the speaker. (A time stamp is short: at most 32 bytes are read back.)
fn speaker_head(b: &[u8], start: usize, end: usize) -> Option<&[u8]> {
    if !b[end..].starts_with(b": ") {
        return None;
    }
    let reach = start.saturating_sub(32);
    let line_start = match b[reach..start].iter().rposition(|&c| c == b'\n') {
        Some(p) => reach + p + 1,
        None if reach == 0 => 0,
        None => return None,
    };
    Some(&b[line_start..start])
}

/// Whether the speaker at `start..end` follows a chat's time stamp in brackets that opens its
/// line (`[08:02] Roos: …`).
fn speaker_after_bracketed_time(b: &[u8], start: usize, end: usize) -> bool {
    speaker_head(b, start, end).is_some_and(|head| {
        let head = head.trim_ascii_end();
        head.len() >= 2 && head[0] == b'[' && head[head.len() - 1] == b']' && {
            let stamp = &head[1..head.len() - 1];
            stamp.len() <= 24
                && stamp.contains(&b':')
                && stamp.iter().all(|c| c.is_ascii_digit() || matches!(c, b':' | b'-' | b'/' | b' ' | b'.'))
        }
    })
}

/// Fields of minutes and action lists whose value is who does it (`Actie: Jansen`).
const SLOT_LABELS: &[&str] = &["actie", "acties", "actiepunt", "wie", "trekker", "uitvoerder", "verantwoordelijke", "cc", "bcc"];

/// The last word of a sign-off that a surname may follow on its line (`Groet, Bakker`,
/// `Met vriendelijke groet, Bakker`).
const SIGN_OFF_WORDS: &[&str] = &["groet", "groeten", "groetjes", "mvg", "gr", "hoogachtend", "bedankt", "dank", "regards", "thanks", "cheers"];

/// Verbs after which a sentence-opening listed surname is the person who did it (Dutch forms
/// only: `is`, `was`, `had` also open English sentences, `Little is known`).
const REPORTING_VERBS: &[&str] = &[
    "geeft", "gaf", "vertelt", "vertelde", "zegt", "zei", "meldt", "meldde", "belt", "belde", "mailt", "mailde",
    "vraagt", "vroeg", "verklaart", "verklaarde", "heeft", "wil", "wilde", "kan", "kon", "zal", "zou", "moet",
    "moest", "mag", "komt", "kwam", "neemt", "nam", "stelt", "stelde", "laat", "liet", "woont", "woonde", "werkt",
    "werkte", "krijgt", "kreeg", "ontvangt", "ontving", "stuurt", "stuurde", "schrijft", "schreef", "antwoordt",
    "antwoordde", "reageert", "reageerde", "bevestigt", "bevestigde", "ontkent", "ontkende", "erkent", "erkende",
    "weet", "wist", "denkt", "dacht", "vindt", "vond", "gaat", "ging", "blijft", "bleef", "wordt", "werd",
    "zorgt", "zorgde", "regelt", "regelde", "pakt", "pakte", "maakt", "maakte", "informeert", "informeerde",
];

/// Listed surnames that are also Dutch adjectives, adverbs or nouns used without an article.
const SURNAMES_THAT_ARE_WORDS: &[&str] = &[
    "Groen", "Wit", "Zwart", "Bruin", "Roze", "Klein", "Groot", "Lange", "Lang", "Korte", "Kort", "Hoog", "Jong",
    "Post", "Water", "Zand", "Steen", "Bos", "Berg", "Roos", "Hart", "Koning", "Prins", "Graaf", "Baron", "Ridder",
    "Storm", "Meer", "Gras", "Riet", "Peer", "Noot", "Dijk", "Dam", "Kade", "Brink", "Molen", "Sloot", "Beek",
    "Plas", "Ven", "Veen", "Kamp", "Hoek", "Kant", "West", "Meester", "Doctor", "Haas", "Das", "Beer", "Mol",
];

/// Where the run of ASCII letters that ends at `end` starts (`end` when there is none).
fn ascii_word_start(b: &[u8], end: usize) -> usize {
    b[..end].iter().rposition(|c| !c.is_ascii_alphabetic()).map_or(0, |p| p + 1)
}

/// Whether a lower-case tussenvoegsel that stands before a surname without an article
/// (`van`, `de`, `ter`, not `in`, `op`) is the word before `start`: `Achternaam: van Leeuwen`
/// is read with its tussenvoegsel by the rules for names with one, not as a surname alone.
fn particle_before(t: &Text<'_>, start: usize) -> bool {
    if start < 2 || t.bytes[start - 1] != b' ' {
        return false;
    }
    let word_start = ascii_word_start(t.bytes, start - 1);
    let word = &t.str[word_start..start - 1];
    is_tussenvoegsel(word) && !needs_article(word)
}

/// `spreekt Frans`, `Arabisch en Frans`, `in het Frans`: the given name `Frans` is the
/// language after a verb of speaking or reading, `het` or `vloeiend`, or next to another
/// language (`met Frans gesproken` stays a name).
#[inline(never)]
fn language_here(t: &Text<'_>, start: usize, end: usize) -> bool {
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
];

/// Listed surnames that, written alone, are mostly something else: brands, languages, rivers,
/// points of the compass.
const NOT_A_PERSON_ALONE: &[&str] = &[
    // Brands.
    "Philips", "Verkade", "Ford", "Renault", "Ferrari", "Suzuki", "Skoda", "Douglas",
    // Countries and cities (`from Poland`).
    "Poland", "Spain", "London", "Paris", "Gent",
    // Languages (programming languages too), peoples and faiths (`is Roma`, `is Christen`),
    // rivers, points of the compass, feasts, parties.
    "Engels", "English", "French", "Rust", "Swift", "Jenkins", "Rus", "Moor", "Roma", "Christen", "Maas", "Rijn",
    "West", "Ramadan", "Groen",
    // Diseases named after a person (`heeft Pfeiffer`; `de ziekte van Parkinson` also by the
    // words before).
    "Parkinson", "Pfeiffer", "Sjögren", "Graves", "Hashimoto", "Raynaud", "Wilms", "Scheuermann",
];

/// Nouns after which a capitalised name names the place or the body (`de wijk De Horst`,
/// `basisschool De Regenboog`, `restaurant Van der Valk`), compounds included (`woonwijk`);
/// compared with the word before, which is read in ASCII letters.
const NAMED_THINGS: &[&str] = &[
    "wijk", "buurt", "dorp", "stad", "school", "kerk", "centrum", "park", "hotel", "restaurant", "theater",
    "fabriek", "museum", "praktijk", "stichting", "vereniging", "instelling", "opvang", "polder", "camping", "zaal",
    "flat", "gebouw", "complex", "locatie", "molen", "boerderij", "kantoor", "winkel", "bedrijf", "vestiging",
    "firma", "merk", "gemeente", "app", "team", "project", "programma", "operatie", "fonds", "regeling", "afdeling",
];

/// Places written with a capitalised tussenvoegsel whose second word is a listed surname.
const PLACES_WITH_PARTICLE: &[&str] = &[
    "den bosch", "den ham", "den oever", "de lier", "de wijk", "ten boer", "ten post", "de haan",
    "de kempen", "de klomp", "den velde", "de maas", "de rijn", "de berkel", "de regge",
    "de amstel", "de wallen", "de dam",
];

/// Two capitalised words, neither a common word, the second a listed surname: a given name the
/// gazetteer lacks before a surname (`Gurpreet Singh`). Not a place: the first word is no
/// direction or size (`Zuid Holland`, `Groot Ammers`) and no adjective made of a place
/// (`Leidsche Rijn`, `Haagse Bos`); no hyphen joins it to a tussenvoegsel (`van Dijk-van Wijk`
/// is a surname read from its context).
#[inline(always)]
fn unlisted_given_name_and_surname(t: &Text<'_>, toks: &[Tok]) -> bool {
    toks.len() == 2
        && toks[1].surname
        && toks.iter().all(|tok| tok.kind == Kind::Cap && !tok.common)
        && no_place_before_surname(t, toks)
}

#[inline(never)]
fn no_place_before_surname(t: &Text<'_>, toks: &[Tok]) -> bool {
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

/// Contexts that make a chain a name where nothing else does, each rare: tussenvoegsels after
/// a name label, the line under a sign-off, a cell of a name column. Most chains are rejected
/// and pass here: the bytes around the chain settle them, and the readings proper stay out of
/// line.
#[inline]
///
/// Returns where the name starts: `start`, or the first tussenvoegsel after a name label.
fn name_context(t: &Text<'_>, start: usize, end: usize, tokens: usize) -> Option<usize> {
    let b = t.bytes;
    let prev = if start > 0 { b[start - 1] } else { b'\n' };
    let next = b.get(end).copied();
    let tuss_before = start >= 4
        && prev == b' '
        && (matches!(&b[start - 3..start - 1], b"de" | b"te" | b"'t" | b"op")
            || matches!(&b[start - 4..start - 1], b"van" | b"der" | b"den" | b"ter" | b"ten" | b"het" | b"von"));
    let fills_line = prev == b'\n' && tokens >= 2 && matches!(next, None | Some(b'\n' | b'\r'));
    let cell_end = matches!(next, Some(b'|' | b'\t'))
        || (next == Some(b' ') && matches!(b.get(end + 1), Some(b'|' | b' ' | b'\t')))
        || (prev == b'\t' && matches!(next, None | Some(b'\n' | b'\r')));
    if tuss_before {
        if let Some(particles) = particles_after_name_label(t, start) {
            return Some(particles);
        }
    }
    let bracket_after = next == Some(b' ') && b.get(end + 1) == Some(&b'(') && b.get(end + 2).is_some_and(u8::is_ascii_alphanumeric);
    // One word alone on the line under a sign-off: a given name the gazetteer lacks
    // (`Hoogachtend,\nFaisal`), unless it reads as a team or department.
    let alone_on_line = prev == b'\n' && tokens == 1 && matches!(next, None | Some(b'\n' | b'\r'));
    ((fills_line && signed_after_sign_off(t, start, end))
        || (alone_on_line && signed_after_sign_off(t, start, end) && could_sign_alone(&t.str[start..end]))
        || (cell_end && in_name_column(t, start, end))
        || (bracket_after && role_in_brackets_after(t, start, end)))
    .then_some(start)
}

/// Roles a party or participant is given in brackets after a surname in decisions, judgments
/// and minutes: `Jansen (eiser)`, `De Vries (verweerster)`, `Bakker (notulist)`.
const BRACKETED_ROLES: &[&str] = &[
    "eiser", "eiseres", "verweerder", "verweerster", "appellant", "appellante", "gedaagde",
    "verzoeker", "verzoekster", "belanghebbende", "klager", "klaagster", "bezwaarmaker",
    "aanvrager", "aanvraagster", "vader", "moeder", "notulist", "notuliste", "voorzitter",
    "secretaris", "getuige", "verdachte", "slachtoffer", "aangever", "aangeefster", "melder",
    "huurder", "huurster", "verhuurder", "werknemer", "gemachtigde", "tolk", "cliënt", "client",
];

/// `Partijen: Jansen (eiser) en …`: a chain ending in a listed surname, followed by a party's
/// or participant's role in brackets. (An unlisted word there is as often a company:
/// `Vattenfall (verweerder)`.)
#[inline(never)]
fn role_in_brackets_after(t: &Text<'_>, start: usize, end: usize) -> bool {
    let Some(close) = t.bytes[end + 2..].iter().take(24).position(|&c| c == b')') else {
        return false;
    };
    let role = &t.str[end + 2..end + 2 + close];
    let last = t.str[start..end].rsplit(' ').next().unwrap_or_default();
    let f = crate::lexicon::flags_of(last);
    let party = PARTIES.iter().any(|p| p.eq_ignore_ascii_case(role));
    // (A role in lower case: listed, a title (`wethouder`), or a role's compound
    // (`leerplichtambtenaar`, `wijkteammedewerker`).)
    let lower_role = role.as_bytes()[0].is_ascii_lowercase()
        && (with_lower(role, |r| BRACKETED_ROLES.contains(&r))
            || (!role.contains(' ')
                && (crate::lexicon::flags_of(role) & crate::lexicon::TITLE != 0 || ROLE_ENDINGS.matches_word(role, 1))));
    f & crate::lexicon::SURNAME != 0
        && f & (crate::lexicon::ORG | crate::lexicon::TITLE | crate::lexicon::PLACE) == 0
        && (lower_role || party)
}

/// Political parties named in brackets after a council member's or MP's surname in minutes
/// (`Tahiri (GroenLinks) vraagt …`).
const PARTIES: &[&str] = &[
    "VVD", "PVV", "CDA", "D66", "GroenLinks", "PvdA", "GroenLinks-PvdA", "GL-PvdA", "SP", "PvdD", "ChristenUnie",
    "CU", "SGP", "DENK", "Volt", "JA21", "FvD", "BBB", "NSC", "50PLUS", "BVNL",
];

/// `Achternaam: van Dijk`, `Achternaam: te Kalfsloots`: lower-case tussenvoegsels between a
/// name label and the capitalised surname (the chain starts at the capital); the first one's
/// start. Only a name label
/// counts: `burgemeester van Utrecht` is a place.
#[inline(never)]
fn particles_after_name_label(t: &Text<'_>, start: usize) -> Option<usize> {
    let b = t.bytes;
    if start < 4 || b[start - 1] != b' ' {
        return None;
    }
    // Most chains follow another word: settle on its last bytes whether it may be one of the
    // tussenvoegsels that stand last before a surname.
    let last_two = &b[start - 3..start - 1];
    let last_three = &b[start - 4..start - 1];
    if !(matches!(last_two, b"de" | b"te" | b"'t" | b"op")
        || matches!(last_three, b"van" | b"der" | b"den" | b"ter" | b"ten" | b"het" | b"von"))
    {
        return None;
    }
    let mut pos = start - 1;
    for _ in 0..3 {
        // The word before, of at most five lower-case letters (every tussenvoegsel is short).
        let mut word_start = pos;
        while word_start > 0 && pos - word_start <= 5 && (b[word_start - 1].is_ascii_lowercase() || b[word_start - 1] == b'\'') {
            word_start -= 1;
        }
        let word = &b[word_start..pos];
        if word.is_empty() || word_start == 0 || b[word_start - 1] != b' ' || !(is_lower_tussenvoegsel(word) || word == b"'t") {
            return None;
        }
        // A label's colon (or leader) right before: read the label; else another
        // tussenvoegsel must come first (`van der`).
        let mut q = word_start - 1;
        while q > 0 && b[q - 1] == b' ' {
            q -= 1;
        }
        if q > 0 && matches!(b[q - 1], b':' | b'.') {
            return name_label_before(t, word_start).then_some(word_start);
        }
        pos = word_start - 1;
    }
    None
}

/// `Met vriendelijke groet,\n\nChidi Okonkwo\nAdviseur Wonen`: a chain of two or more words
/// that fills the line under a sign-off (perhaps after a blank line) is the writer's name,
/// however unlisted its words. Organisations there (`Team Burgerzaken`) are still caught by
/// the organisation checks.
#[inline(never)]
fn signed_after_sign_off(t: &Text<'_>, start: usize, end: usize) -> bool {
    let b = t.bytes;
    // Most chains do not fill a line of their own: two bytes settle it.
    if start == 0 || b[start - 1] != b'\n' || !matches!(b.get(end), None | Some(b'\n' | b'\r')) {
        return false;
    }
    // Back over the blank lines (at most two line breaks), a comma and spaces, to the last word
    // of the line above: read on the bytes (most lines with a chain of their own are headings).
    let mut p = start;
    let mut breaks = 0;
    while p > 0 && matches!(b[p - 1], b'\n' | b'\r' | b' ' | b'\t') {
        breaks += usize::from(b[p - 1] == b'\n');
        p -= 1;
    }
    if breaks > 2 {
        return false;
    }
    while p > 0 && matches!(b[p - 1], b',' | b' ') {
        p -= 1;
    }
    let mut word_start = p;
    while word_start > 0 && p - word_start < 12 && b[word_start - 1].is_ascii_alphabetic() {
        word_start -= 1;
    }
    if word_start == p || (word_start > 0 && b[word_start - 1].is_ascii_alphabetic()) {
        return false;
    }
    let mut buf = [0u8; 12];
    buf[..p - word_start].copy_from_slice(&b[word_start..p]);
    buf.make_ascii_lowercase();
    matches!(
        &buf[..p - word_start],
        b"groet" | b"groeten" | b"groetjes" | b"hoogachtend" | b"mvg" | b"regards" | b"sincerely" | b"faithfully"
    )
}

/// Whether one capitalised word may be a given name signing a message: no common word, title,
/// organisation, department or street (`Burgerzaken`, `Klantcontact`, `Team`).
#[inline(never)]
fn could_sign_alone(word: &str) -> bool {
    use crate::lexicon::{flags_of, COMMON, ORG, TITLE};
    word.len() >= 3
        && flags_of(word) & (COMMON | ORG | TITLE) == 0
        && !is_caps_word(word)
        && !ORGANISATION_ENDING_SET.matches_word(word, 2)
        && !ABSTRACT_ENDINGS.matches_word(word, 3)
        && !STREET_ENDINGS.matches_word(word, 2)
        && !with_lower(word, |w| SIGNING_UNITS.contains(&w))
}

/// Single words that sign a message for a group: teams and departments.
const SIGNING_UNITS: &[&str] = &[
    "team", "burgerzaken", "klantcontact", "klantenservice", "belastingen", "communicatie",
    "secretariaat", "receptie", "helpdesk", "servicedesk", "administratie", "redactie",
    "directie", "bestuur", "griffie", "wijkteam", "jeugdteam", "gebiedsteam", "sociaal", "loket",
];

/// Degrees written after a name, with a lower-case letter (`BSc`, `MSc`, `PhD`; those in
/// capitals, `MBA`, `LLM`, are never read as name words).
fn is_postnominal(word: &str) -> bool {
    word.len() <= 3 && ["BSc", "Bsc", "MSc", "Msc", "PhD", "Phd", "MPhil", "Bc"].contains(&word)
}

/// `| Yilmaz | Ayse |` under `| Achternaam | Voornaam |`, tab-separated alike: a table cell in a
/// column whose header is a name label or a person's role (`| behandelaar |`, `| afzender |`).
#[inline(never)]
fn in_name_column(t: &Text<'_>, start: usize, end: usize) -> bool {
    let header = column_header(t, start, end, b"|\t").is_some_and(|cell| {
        with_lower(cell.trim().trim_end_matches(':'), |w| {
            w.ends_with("naam")
                || w.ends_with("namen")
                || w.ends_with("name")
                || w == "voorletters"
                || PERSON_FIELD_LABELS.contains(&w)
                || PERSON_COLUMNS.contains(&w)
        })
    });
    // `| nationaliteit | Syrisch | Syrisch |` under `| gegeven | aanvrager | partner |`: in a
    // table with a column per person, the row's label says what its cells hold.
    header && !row_label_not_a_name(t.bytes, start)
}

/// Whether the first cell of the table row holding `start` labels something other than a name
/// (`nationaliteit`, `geboorteplaats`).
fn row_label_not_a_name(b: &[u8], start: usize) -> bool {
    let line_start = b[..start].iter().rposition(|&c| c == b'\n').map_or(0, |p| p + 1);
    let row = b[line_start..start].trim_ascii_start();
    let row = row.strip_prefix(b"|").unwrap_or(row);
    let Some(cell_end) = row.iter().position(|&c| c == b'|' || c == b'\t') else {
        return false;
    };
    let label = row[..cell_end].trim_ascii();
    let label = label.strip_suffix(b":").unwrap_or(label).trim_ascii_end();
    NOT_NAME_ROWS.iter().any(|l| l.as_bytes().eq_ignore_ascii_case(label))
}

/// Row labels of a table with a column per person whose cells hold no name.
const NOT_NAME_ROWS: &[&str] = &[
    "nationaliteit", "geboorteplaats", "geboorteland", "woonplaats", "land van herkomst", "herkomst", "verblijfsstatus",
    "verblijfsvergunning", "burgerlijke staat", "geslacht", "taal", "moedertaal", "religie", "beroep", "werkgever",
    "opleiding", "school", "status", "relatie", "adres", "plaats", "nationality", "place of birth", "country",
];

/// Column headers of lists of documents and actions whose cells name people (`| afzender |`).
const PERSON_COLUMNS: &[&str] = &["afzender", "ontvanger", "geadresseerde", "auteur", "opsteller", "actiehouder", "wie"];

/// Whether a separator or a line end follows `end`, perhaps after spaces (cheap: most chains
/// are followed by a space and a word).
#[inline(always)]
fn could_end_a_cell(b: &[u8], end: usize) -> bool {
    let mut after = end;
    while b.get(after) == Some(&b' ') {
        after += 1;
    }
    matches!(b.get(after), None | Some(b'|' | b'\t' | b';' | b',' | b'\n' | b'\r'))
}

/// `Anna de Wit;Dorpsweg 2;Heino` under `Naam;Adres;Woonplaats`: a field in a column whose
/// header names a place, so the place, though `Heino` is a listed name.
#[inline(never)]
fn in_place_column(t: &Text<'_>, start: usize, end: usize) -> bool {
    column_header(t, start, end, b"|\t;,").is_some_and(|cell| {
        let cell = cell.trim().trim_end_matches(':');
        let cell = cell.strip_prefix('"').and_then(|c| c.strip_suffix('"')).unwrap_or(cell);
        with_lower(cell, |w| {
            w.ends_with("plaats") || ["stad", "gemeente", "city", "town", "place", "land", "country", "provincie"].contains(&w)
        })
    })
}

/// The header of the column whose cell is `start..end`, for a cell between two of `separators`
/// (or starting its line, except in a `|` table). The header is the top row of the block of
/// lines with the same separator, at most 64 lines up.
fn column_header<'t>(t: &Text<'t>, start: usize, end: usize, separators: &[u8]) -> Option<&'t str> {
    let b = t.bytes;
    // Most chains do not fill a table cell: the bytes around settle it.
    let mut after = end;
    while b.get(after) == Some(&b' ') {
        after += 1;
    }
    let mut p = start;
    while p > 0 && b[p - 1] == b' ' {
        p -= 1;
    }
    let before = p.checked_sub(1).map(|q| b[q]);
    // (The first cell of a row without `|` borders starts its line, and its last ends it.)
    let line_first = before.is_none_or(|c| c == b'\n');
    let sep = match b.get(after) {
        Some(c) if separators.contains(c) => *c,
        None | Some(b'\n' | b'\r') => before.filter(|c| *c != b'|' && separators.contains(c))?,
        _ => return None,
    };
    if !(before == Some(sep) || (line_first && sep != b'|')) {
        return None;
    }
    let line_start = b[..p].iter().rposition(|&c| c == b'\n').map_or(0, |q| q + 1);
    let column = b[line_start..p].iter().filter(|&&c| c == sep).count();
    // Up to the block's first line.
    let mut header = line_start;
    for _ in 0..64 {
        if header == 0 {
            break;
        }
        let above_start = b[..header - 1].iter().rposition(|&c| c == b'\n').map_or(0, |q| q + 1);
        if !b[above_start..header - 1].contains(&sep) {
            break;
        }
        header = above_start;
    }
    if header == line_start {
        return None;
    }
    let header_end = memchr::memchr(b'\n', &b[header..]).map_or(b.len(), |q| header + q);
    t.str[header..header_end].split(char::from(sep)).nth(column)
}

/// Retail and food brands named after their founders (`werkt bij Albert Heijn`): a shop, not
/// a person. Compared only for chains already read as names.
const TRADE_NAMES: &[&str] = &[
    "Albert Heijn", "Dirk van den Broek", "Jan Linders", "Bart Smit", "Hans Anders",
    "Douwe Egberts", "Van der Valk", "Jacob Hooy", "Van Haren", "Henri Willig", "Pieter Pot",
    // Companies and a dictionary named after their founders, written with the capital `Van`
    // that a surname alone takes (`volgens Van Dale`).
    "Van Dale", "Van Oord", "Van Lanschot", "Van Wijnen", "Van Gansewinkel", "Van Mossel",
];

fn is_trade_name(chain: &str) -> bool {
    TRADE_NAMES.contains(&chain)
}

/// Forms of address (not roles): after these a surname stays a surname whatever it ends in.
const FORMS_OF_ADDRESS: &[&str] = &[
    "dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "prof", "mej", "fam", "familie", "heer",
    "mevrouw", "meneer", "juffrouw", "mrs", "ms", "miss", "sir", "madam",
];

fn is_form_of_address(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    FORMS_OF_ADDRESS.iter().any(|f| f.eq_ignore_ascii_case(word))
}

/// Whether a form of address (`Geachte mevrouw`, `dhr.`) or a surname label (`Achternaam:`)
/// stands right before `start`. For rare decisions only: it reads the word before.
fn personal_title_before(t: &Text<'_>, start: usize) -> bool {
    if name_label_before(t, start) {
        return true;
    }
    let head = t.str[..start].trim_end();
    let head = head.strip_suffix('.').unwrap_or(head);
    let word = head.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    is_form_of_address(word)
}

/// Initials and a surname, or a given name and a surname that is not itself a given name.
fn is_complete_name(toks: &[Tok]) -> bool {
    let Some(last) = toks.iter().rev().find(|tok| tok.kind == Kind::Cap) else {
        return false;
    };
    let initials = toks.iter().any(|tok| tok.kind == Kind::Initials);
    let given = toks.first().is_some_and(|f| f.kind == Kind::Cap && f.first);
    let last_is_surname = last.surname || !last.first;
    (initials || given) && last_is_surname && toks.len() >= 2
}

/// `2756 MR Bergen op Zoom`: a capitalised chain right after a postcode is the city; so is one
/// after a five-digit postcode (French, German, Italian, Spanish) that follows a comma or starts
/// a line: `14 Rue de la Paix, 75002 Paris`, `Hauptstraße 5\n10115 Berlin`.
fn after_postcode(t: &Text<'_>, start: usize) -> bool {
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
fn place_before(t: &Text<'_>, start: usize) -> bool {
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
fn after_house_number(t: &Text<'_>, start: usize) -> bool {
    house_number_before_comma(t.bytes, start).is_some_and(|number_start| {
        super::address::word_before(t, number_start).is_some_and(|(_, street)| looks_like_street(street))
    })
}

/// Whether the word before `start` is a title, role, salutation or form label: `dhr.`,
/// `wethouder`, `Beste`, `Commissiegriffier:`, `Voornamen:`, `Van:`.
fn title_before(t: &Text<'_>, start: usize) -> bool {
    let b = t.bytes;
    // A form may put the value on the line below its label (`GESLACHTSNAAM:\nSedney`).
    let next_line = start >= 2 && b[start - 1] == b'\n';
    if start < 2 || !(next_line || matches!(b[start - 1], b' ' | b'\t')) {
        return false;
    }
    let mut end = start - 1;
    while end > 0 && (matches!(b[end - 1], b' ' | b'\t') || (next_line && b[end - 1] == b'\r')) {
        end -= 1;
    }
    // A dotted leader stands for the colon: `Geslachtsnaam ........... Oosterhuis`.
    let leader = end >= 2 && b[end - 1] == b'.' && b[end - 2] == b'.';
    if leader {
        while end > 0 && matches!(b[end - 1], b'.' | b' ') {
            end -= 1;
        }
    }
    let colon = leader || (end > 0 && b[end - 1] == b':');
    let dot = !leader && end > 0 && b[end - 1] == b'.';
    if next_line && !colon {
        return false;
    }
    if (colon && !leader) || dot {
        end -= 1;
    }
    if colon {
        // `Achternaam : OUAALI`, `Surname(s): Nowak`.
        while end > 0 && matches!(b[end - 1], b' ' | b'\t') {
            end -= 1;
        }
        if b[..end].ends_with(b"(s)") {
            end -= 3;
        }
    }
    // The word before: ASCII letters and `-` byte by byte, anything else char by char.
    let mut word_start = end;
    while word_start > 0 && (b[word_start - 1].is_ascii_alphabetic() || b[word_start - 1] == b'-') {
        word_start -= 1;
    }
    if word_start > 0 && b[word_start - 1] >= 0x80 {
        word_start = t.str[..end]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphabetic() || c == '-')
            .last()
            .map_or(end, |(i, _)| i);
    }
    if word_start == end {
        return false;
    }
    let word = &t.str[word_start..end];
    if dot {
        // `dhr. Jansen`, but not `… door de rechter. Feit`: only abbreviations end in a dot
        // (each of at most four bytes: a longer word, most words before a full stop, is none).
        return word.len() <= 4 && ABBREVIATED_TITLES.iter().any(|a| a.eq_ignore_ascii_case(word));
    }
    if !colon && matches!(word, "is" | "heet") {
        return introduces_self(b, word_start);
    }
    // `achternaam El Idrissi`, `roepnaam Mo`: a name field's label without its colon.
    if !colon && !dot && word.len() >= 8 && name_field_without_colon(word) {
        return true;
    }
    crate::lexicon::flags_of(word) & crate::lexicon::TITLE != 0
        || ROLE_ENDINGS.matches_word(word, 1)
        || (colon
            && with_lower(word, |w| {
                w.ends_with("naam") || w.ends_with("namen") || w.ends_with("name") || FORM_LABELS.contains(&w)
            }))
}

/// `Mijn naam is Mo El Idrissi`, `my name is Idrissi`, `Ik heet Mo`, `Mijn zoon heet Daan`: a
/// self-introduction (or a relative's) before a capitalised chain, which is then a name even
/// when no word of it is listed. `word_start` is where the `is` or `heet` before the chain
/// starts. Not `De straat heet …`, `Het project heet …`.
#[inline(never)]
fn introduces_self(b: &[u8], word_start: usize) -> bool {
    use crate::text::ends_with_word;
    let Some(head) = b[..word_start].strip_suffix(b" ") else {
        return false;
    };
    if b[word_start] == b'i' {
        // A possessive before it: `mijn naam is`, `my name is`; not `De naam is Samen Sterk`.
        return ends_with_word(head, &["naam", "name"]) && possessive_before(head, head.len() - 4);
    }
    ends_with_word(
        head,
        &["ik", "hij", "zij", "ze", "zoon", "dochter", "vader", "moeder", "man", "vrouw", "broer", "zus", "partner"],
    )
}

/// Whether a possessive (`mijn`, `zijn`, `haar`, `my`, `his`, `her`, `your`, `uw`) and a space
/// stand right before `start`.
fn possessive_before(b: &[u8], start: usize) -> bool {
    b[..start]
        .strip_suffix(b" ")
        .is_some_and(|head| crate::text::ends_with_word(head, &["mijn", "zijn", "haar", "my", "his", "her", "your", "uw"]))
}

/// Whether `ik ben ` (any case) stands right before `start`, as a phrase of its own.
#[inline(never)]
fn after_ik_ben(b: &[u8], start: usize) -> bool {
    crate::text::ends_with_word(&b[..start], &["ik ben "])
}

/// Whether `word` is one of [`NAME_FIELDS_WITHOUT_COLON`]. (Out of line, as are the other
/// rare context checks here: inlined, they change how the compiler lays out the hot chain
/// code around them, which cost more than the checks.)
#[inline(never)]
fn name_field_without_colon(word: &str) -> bool {
    with_lower(word, |w| NAME_FIELDS_WITHOUT_COLON.contains(&w))
}

/// Name fields whose label also reads as one without its colon (`roepnaam Mo`): none of them is
/// a word that stands before a capitalised word otherwise.
const NAME_FIELDS_WITHOUT_COLON: &[&str] = &[
    "achternaam", "voornaam", "voornamen", "roepnaam", "geboortenaam", "meisjesnaam", "familienaam",
    "geslachtsnaam",
];

/// Titles written abbreviated with a dot.
const ABBREVIATED_TITLES: &[&str] = &[
    "dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "prof", "mej", "fam", "ds", "mrs", "ms",
];

/// `OBS Prins Willem-Alexander`, `basisschool Jan Ligthart`: a school named after a person.
fn school_before(b: &[u8], start: usize) -> bool {
    if start < 4 || b[start - 1] != b' ' {
        return false;
    }
    let word = &b[ascii_word_start(b, start - 1)..start - 1];
    [&b"OBS"[..], b"CBS", b"PCBS", b"RKBS", b"KBS", b"SBO", b"IKC", b"basisschool", b"kindcentrum"].contains(&word)
}

/// Labels after which a capitalised name is a business or a place, not a person
/// (`Handelsnaam: Kapsalon X`, `Place of birth: Lyon, France`).
fn organisation_label_before(t: &Text<'_>, start: usize) -> bool {
    let mut head = t.str[..start].trim_end();
    // Later parts of a place (`Lyon, France`, `Gent, België`): the label stands before the first.
    for _ in 0..2 {
        let Some(before_comma) = head.strip_suffix(',') else { break };
        let part = before_comma
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphabetic() || c == '-' || c == ' ')
            .last()
            .map_or(before_comma.len(), |(i, _)| i);
        let rest = before_comma[..part].trim_end();
        if !rest.ends_with(':') || !is_place_label(rest) {
            break;
        }
        head = rest;
    }
    let Some(head) = head.strip_suffix(':') else {
        return false;
    };
    let word_start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '-' || c == ' ')
        .last()
        .map_or(head.len(), |(i, _)| i);
    with_lower(head[word_start..].trim(), |w| {
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
    let word_start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '-' || c == ' ')
        .last()
        .map_or(head.len(), |(i, _)| i);
    with_lower(head[word_start..].trim(), |w| PLACE_LABELS.iter().any(|l| w.ends_with(l)))
}

/// Role words that also end compounds (`Wijkteammedewerker`, `Woo-coördinator`, `commissiegriffier`).
const ROLE_SUFFIXES: &[&str] = &[
    "griffier", "secretaris", "voorzitter", "medewerker", "medewerkster", "adviseur", "wethouder",
    "consulent", "directeur", "manager", "coördinator", "coordinator", "ambtenaar", "behandelaar",
    "begeleider", "contactpersoon", "notulist", "verpleegkundige", "therapeut", "arts",
    "jurist", "inspecteur", "regisseur", "functionaris", "officier", "rechercheur", "leider",
    "leidinggevende", "houder", "handhaver", "afdelingshoofd", "psycholoog", "psychiater", "pedagoog",
];

/// Labels in forms and mail headers that precede a name after a colon.
const FORM_LABELS: &[&str] = &[
    "van", "aan", "cc", "bcc", "door", "namens", "from", "to", "name", "aanvrager", "melder",
    "behandeld", "ondertekend", "getuige", "eigenaar", "houder", "bestuurder", "gemachtigde",
    // Attendance lists in minutes: `De leden: Van den Akker (CDA), …`, `Wethouders: Van Rooij,
    // …`, `Afwezig met kennisgeving: Roovers`; and `Naam en voorletters: …`.
    "aanwezig", "afwezig", "kennisgeving", "leden", "raadsleden", "wethouders", "deelnemers",
    "voorletters",
    // The interpreter of a hearing (`Tolk: Hiba Al Hamwi`; but `een tolk Tigrinya`).
    "tolk",
];

/// What follows a surname and `, `.
#[derive(Debug, PartialEq)]
enum Tail {
    /// `, B. de` / `, A.C.` / `, Hendrik de` / `, Maria Johanna`: the end of the reversed form,
    /// and whether it had initials.
    Reversed { end: usize, with_initials: bool },
    /// `, Priya Ramdin` / `, B. de Groot`: a name of its own (a list), not the rest of this one.
    FullNameAfter,
    None,
}

/// Reads what follows a surname at `end`: a reversed form's given names or initials, the next
/// name in a list, or neither.
fn reversed_tail(t: &Text<'_>, end: usize) -> Tail {
    let b = t.bytes;
    if b.get(end) != Some(&b',') || b.get(end + 1) != Some(&b' ') {
        return Tail::None;
    }
    let Some(head) = read_token(t, end + 2) else {
        return Tail::None;
    };
    let mut stop;
    let mut pos;
    let with_initials = head.kind == Kind::Initials;
    match head.kind {
        Kind::Initials => {
            stop = head.end;
            pos = head.end;
            // `E. K.`: initials written with spaces.
            while b.get(pos) == Some(&b' ') {
                match read_token(t, pos + 1) {
                    Some(tok) if tok.kind == Kind::Initials => {
                        stop = tok.end;
                        pos = tok.end;
                    }
                    _ => break,
                }
            }
        }
        Kind::Cap if head.first => {
            stop = head.end;
            pos = head.end;
            // Further given names.
            while b.get(pos) == Some(&b' ') {
                match read_token(t, pos + 1) {
                    Some(tok) if tok.kind == Kind::Cap && tok.first => {
                        stop = tok.end;
                        pos = tok.end;
                    }
                    _ => break,
                }
            }
        }
        _ => return Tail::None,
    }
    while b.get(pos) == Some(&b' ') {
        match read_token(t, pos + 1) {
            Some(tok) if tok.kind == Kind::Tuss && t.char_at(tok.start).is_some_and(char::is_lowercase) => {
                stop = tok.end;
                pos = tok.end;
            }
            // `Utrecht, B. de Groot`, `Benali, Priya Ramdin`, `Bos, Peter de Wit`: a normal
            // name follows (a list), not a reversed one.
            Some(tok) if tok.kind == Kind::Cap => return Tail::FullNameAfter,
            _ => break,
        }
    }
    Tail::Reversed { end: stop, with_initials }
}

fn is_organisation(t: &Text<'_>, toks: &[Tok], named_person: bool) -> bool {
    let org_word = toks.iter().any(|tok| tok.is_organisation(t, named_person));
    if org_word {
        return true;
    }
    // `… B.V.`, `… N.V.` as trailing initials, or an organisation marker right after the chain.
    if let Some(last) = toks.last() {
        let w = &t.str[last.start..last.end];
        if last.kind == Kind::Initials && matches!(w, "B.V." | "N.V." | "V.O.F." | "C.V.") {
            return true;
        }
        let rest = &t.bytes[last.end..];
        // Every marker is a space and one of these bytes: most chains end otherwise.
        if rest.first() != Some(&b' ') || !rest.get(1).is_some_and(|c| b"BNVv&eHGMUA".contains(c)) {
            return false;
        }
        for suffix in [
            " B.V.", " BV", " N.V.", " NV", " VOF", " v.o.f.", " & ", " en Partners", " Holding",
            " Groep", " MC", " UMC", " Advocaten", " Notarissen",
        ] {
            if rest.starts_with(suffix.as_bytes())
                && rest.get(suffix.len()).is_none_or(|c| !c.is_ascii_alphanumeric() || suffix.ends_with(' '))
            {
                return true;
            }
        }
    }
    false
}

/// The common Vietnamese surnames, as written with and without their diacritics.
const VIETNAMESE_SURNAMES: &[&str] = &[
    "Nguyen", "Nguyễn", "Tran", "Trần", "Le", "Lê", "Pham", "Phạm", "Hoang", "Hoàng", "Huynh", "Huỳnh", "Phan", "Vu",
    "Vũ", "Vo", "Võ", "Dang", "Đặng", "Bui", "Bùi", "Do", "Đỗ", "Ho", "Hồ", "Ngo", "Ngô", "Duong", "Dương", "Ly", "Lý",
    "Truong", "Trương", "Dinh", "Đinh", "Lam", "Lâm", "Trinh", "Trịnh", "Doan", "Đoàn", "Luong", "Lương",
];

/// Vietnamese middle names, as written with and without their diacritics.
const VIETNAMESE_MIDDLE_NAMES: &[&str] = &[
    "Van", "Văn", "Thi", "Thị", "Duc", "Đức", "Ngoc", "Ngọc", "Huu", "Hữu", "Xuan", "Xuân", "Quoc", "Quốc", "Thanh",
    "Hoang", "Hoàng", "Kim", "Minh",
];

/// Endings of the names of institutions that a person's name never has, even after a title.
const INSTITUTION_ENDINGS: &[&str] = &[
    "school", "ziekenhuis", "kliniek", "college", "instituut", "academie", "gymnasium", "lyceum", "museum", "loket", "desk",
];

/// Endings of compound words naming buildings, places and organisations (`Montessorischool`,
/// `Dreeshuis`, `Frisobrug`, `Klussenbedrijf`); a known surname with such an ending
/// (`Nijhuis`) stays a surname.
const ORGANISATION_ENDINGS: &[&str] = &[
    "school", "ziekenhuis", "gemeentehuis", "stadhuis", "buurthuis", "wijkhuis", "clubhuis",
    "verpleeghuis", "dorpshuis", "jongerenhuis", "kantoor", "salon", "handel", "diensten",
    "installaties", "brug", "rotonde", "plein", "centrum", "museum",
    "theater", "college", "instituut", "academie", "gymnasium", "lyceum", "kliniek", "bedrijf",
    "centrale",
    "bureau", "fonds", "groep", "winkel", "hal", "zaal", "gebouw", "station", "haven", "regeling",
    "dienst", "raad", "stichting", "vereniging", "partners", "advocaten", "straat", "laan", "weg",
    "gracht", "kade", "singel", "markt", "park", "tunnel", "polder", "prijs", "service", "loket",
    "desk", "advies", "advocatuur",
];

/// Whether `word` ends like a street name (for words outside a chain).
fn looks_like_street(word: &str) -> bool {
    STREET_ENDINGS.matches_word(word, 2) && !is_surname(word)
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::Person;

    #[test]
    fn dutch_names_with_tussenvoegsels_and_initials() {
        for (text, want) in [
            ("Gisteren sprak ik met Jan de Vries over de aanvraag.", "Jan de Vries"),
            ("De minister, A.C. van Huffelen, schreef", "A.C. van Huffelen"),
            ("ondertekend door M.A.M. Adriaansens.", "M.A.M. Adriaansens"),
            ("Geachte mevrouw Yılmaz,", "Yılmaz"),
            ("dhr. J. de Vries", "J. de Vries"),
            ("Dhr. P. Jansen belde", "P. Jansen"),
            ("Aanwezig: Vries, B. de (voorzitter)", "Vries, B. de"),
            ("Kees van 't Hof woont hier", "Kees van 't Hof"),
            ("mevr. Anna Jansen-de Boer", "Anna Jansen-de Boer"),
            ("Beste Fatima,", "Fatima"),
            ("Mohamed El Amrani heeft gebeld", "Mohamed El Amrani"),
            ("wethouder Van der Laan opende", "Van der Laan"),
            ("De klas van meester Hendriks", "Hendriks"),
            ("Zij werkt bij Jan Visser aan de Brink.", "Jan Visser"),
            ("Kees in 't Veld woont hier", "Kees in 't Veld"),
        ] {
            assert_eq!(found(text, Person), [want], "{text}");
        }
    }

    #[test]
    fn a_call_name_initials_or_nickname_between_given_name_and_surname_are_part_of_the_name() {
        for (text, want) in [
            ("Leerplichtambtenaar: H.J. (Henk) Lammers, Regionaal Bureau", "H.J. (Henk) Lammers"),
            ("Indexpatiënt: P. (Piotr) Kaczmarek, geb. datum", "P. (Piotr) Kaczmarek"),
            ("Behandelaar: mw. A.B. (Anna) de Groot-Smit", "A.B. (Anna) de Groot-Smit"),
            ("De brief van J. (Jan-Willem) van den Berg kwam gisteren.", "J. (Jan-Willem) van den Berg"),
            ("Naam: Henk (H.J.) Lammers", "Henk (H.J.) Lammers"),
            ("Jeroen 'Jerry' Smit heeft gebeld.", "Jeroen 'Jerry' Smit"),
            ("Verdachte Mohamed “Mo” El Amrani zweeg.", "Mohamed “Mo” El Amrani"),
        ] {
            assert_eq!(found(text, Person), [want], "{text}");
        }
        // Hard negatives: a bracketed word that is no given name, or no initials after a given
        // name, joins nothing.
        for text in [
            "Zie bijlage A. (Toelichting) Hierna volgt het besluit.",
            "Volgens artikel 3 onder B. (Gemeente) Utrecht is dat zo.",
            "Zie punt C. (Henk) hierboven.",
            "Zie Bijlage (B.) Hierna volgt het besluit.",
            "Met Henk (zie boven) Lammers besproken.",
            "Toen zei Anna 'nee' tegen de buren.",
            "Bij Jan 'Kamer 3' is vol.",
        ] {
            let names = found(text, Person);
            assert!(names.iter().all(|n| !n.contains(['(', '\''])), "{text}: {names:?}");
        }
    }

    #[test]
    fn a_sign_off_word_before_a_comma_is_not_read_as_a_reversed_surname() {
        for (text, want) in [
            ("Kun je morgen bellen? Groetjes, Lisa", "Lisa"),
            ("Tot zaterdag! Liefs, Anna", "Anna"),
            // A real reversed name still is one.
            ("Aanvrager: Groeneveld, Lisa", "Groeneveld, Lisa"),
        ] {
            assert_eq!(found(text, Person), [want], "{text}");
        }
    }

    #[test]
    fn a_double_surname_joined_by_a_spaced_hyphen_or_an_en_dash_is_one_name() {
        for (text, want) in [
            ("Petra Jansen - de Vries woont hier.", "Petra Jansen - de Vries"),
            ("Petra Jansen–de Vries woont hier.", "Petra Jansen–de Vries"),
            ("mevr. P. Jansen – de Vries belde.", "P. Jansen – de Vries"),
            ("M. van den Heuvel - Smit tekende.", "M. van den Heuvel - Smit"),
        ] {
            assert_eq!(found(text, Person), [want], "{text}");
        }
        // Hard negatives: an organisation or a department after the dash.
        assert_eq!(found("Jan Smit - Gemeente Utrecht", Person), ["Jan Smit"]);
        assert_eq!(found("Anna Bakker - Afdeling Zorg", Person), ["Anna Bakker"]);
        assert_eq!(found("Anna Bakker - de gemeente", Person), ["Anna Bakker"]);
        // The next person in a list.
        assert_eq!(found("Jan Smit - Willem Bakker", Person), ["Jan Smit", "Willem Bakker"]);
    }

    #[test]
    fn lower_case_double_names_and_particles_are_read_to_the_end() {
        for (text, want) in [
            ("ik bel namens mijn moeder, mevr. j. van dijk-de groot", "j. van dijk-de groot"),
            ("dhr. jansen-van der berg belde", "jansen-van der berg"),
            ("ik ben sanne de wit-van dam", "sanne de wit-van dam"),
            ("hallo, mijn naam is mohamed el amrani, ik woon in zwolle", "mohamed el amrani"),
        ] {
            assert_eq!(found(text, Person), [want], "{text}");
        }
        // Hard negatives: a common word after the hyphen's tussenvoegsel, `al` as "already".
        assert_eq!(found("dhr. van dijk-de gemeente", Person), ["van dijk-de"]);
        assert_eq!(found("mijn naam is jan al klaar", Person), ["jan"]);
        assert_eq!(found("ik ben mohamed al een week ziek", Person), ["mohamed"]);
    }

    #[test]
    fn multi_letter_initials_are_at_most_five_bytes() {
        assert!(super::MULTI_LETTER_INITIALS.iter().all(|w| w.len() <= 5));
    }

    #[test]
    fn abbreviated_titles_are_at_most_four_bytes() {
        // `title_before` compares only words of up to four bytes before a dot.
        assert!(super::ABBREVIATED_TITLES.iter().all(|w| w.len() <= 4));
    }

    #[test]
    fn words_in_capitals_skipped_before_a_chain_are_the_ones_read_token_rejects() {
        let text = "BSN INFO NL-12 IJ. IJ EUR. ABCDEF. ÉÉN DNA-profiel AB'C Jan BSNx X.";
        let t = crate::text::Text::new(text);
        let mut skipped = Vec::new();
        for (i, _) in text.char_indices() {
            if let Some(end) = super::ascii_caps_word(&t, i) {
                assert!(super::read_token(&t, i).is_none(), "{}", &text[i..end]);
                assert_eq!(end, super::word_end(&t, i));
                skipped.push(&text[i..end]);
            }
        }
        assert!(skipped.starts_with(&["BSN", "SN", "INFO", "NFO", "FO", "NL", "IJ"]), "{skipped:?}");
        assert!(!skipped.contains(&"IJ.") && !skipped.contains(&"Jan") && !skipped.contains(&"DNA-profiel"));
    }

    #[test]
    fn lower_case_tussenvoegsel_match_keeps_in_step_with_the_list() {
        for v in super::TUSSENVOEGSELS.iter().filter(|v| v.is_ascii() && !v.starts_with('\'')) {
            assert!(super::is_lower_tussenvoegsel(v.as_bytes()), "{v}");
            assert!(super::is_lower_tussenvoegsel(v.to_uppercase().as_bytes()), "{v}");
        }
        for w in ["vanx", "dee", "t", "", "bij", "zuid"] {
            assert!(!super::is_lower_tussenvoegsel(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn a_name_given_in_full_is_found_again_alone() {
        let text = "Aanwezig: drs. W.J.M. van Ommeren. Volgens Van Ommeren is de zaak rond. \
                    Aanvrager: Kramer, D. Het gezin Kramer woont hier.";
        assert_eq!(found(text, Person), ["W.J.M. van Ommeren", "Van Ommeren", "Kramer, D.", "Kramer"]);
        // A remembered surname that is also a place, after a preposition of place, is the place.
        assert_eq!(found("Mw. Van Kampen belde. Zij komt uit Kampen.", Person), ["Van Kampen"]);
        // Without the full name earlier, a capital tussenvoegsel mid-sentence is context of its
        // own (`Van Ommeren`), as is a lower-case word before a listed surname (`gezin Kramer`).
        assert_eq!(found("Volgens Van Ommeren is dat zo. Het gezin Kramer woont hier.", Person), ["Van Ommeren", "Kramer"]);
        assert_eq!(found("Het gezin Kramer woont hier.", Person), ["Kramer"]);
        // An unlisted surname alone stays unread without the full name earlier.
        assert!(found("Het gezin Vlasbroeking woont hier.", Person).is_empty());
        // A remembered surname inside an organisation's name is still the organisation.
        assert_eq!(
            found("Dhr. P. Bakker belde. Offerte van Bakker Installatietechniek B.V. ontvangen.", Person),
            ["P. Bakker"]
        );
    }

    #[test]
    fn form_values_after_dotted_leaders_or_on_the_next_line() {
        assert_eq!(found("Geslachtsnaam ........... Oosterhuis\n", Person), ["Oosterhuis"]);
        assert_eq!(found("Voornamen ............... Gerrit\n", Person), ["Gerrit"]);
        assert_eq!(found("GESLACHTSNAAM:\nSedney\n", Person), ["Sedney"]);
        assert_eq!(found("Naam:\r\nSedney\r\n", Person), ["Sedney"]);
        // Without a colon, a word on the line below is not a form value.
        assert!(found("Slotopmerking\nSedney", Person).is_empty());
        // A leader after a place label is no name label.
        assert!(found("Geboorteplaats .......... Harderwijk\n", Person).is_empty());
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

    #[test]
    fn roles_and_schemes_are_not_names() {
        assert!(found("M. Verbeek\nteamleider Kinderopvangtoeslag", Person) == ["M. Verbeek"]);
        assert_eq!(
            found("Aanwezig: Ellen Zwart (school), GZ-psycholoog dr. N. Amrani.", Person),
            ["Ellen Zwart", "N. Amrani"]
        );
    }

    #[test]
    fn surnames_in_capitals_in_forms_and_reversed_forms() {
        for (text, want) in [
            ("Achternaam : OUAALI\nVoornamen : Youssef Mohamed\n", vec!["OUAALI", "Youssef Mohamed"]),
            ("Achternaam ............ WIŚNIEWSKA\n", vec!["WIŚNIEWSKA"]),
            ("1. DIALLO, Mamadou, geb. 19-10-2007", vec!["DIALLO, Mamadou"]),
            ("2. VAN ES, Thijs, geb. 02-02-2008", vec!["VAN ES, Thijs"]),
            ("Naam en voorletters: MOHAMED FARAH, A.\n", vec!["MOHAMED FARAH, A."]),
            ("Naam: AL-KHATIB, Rami\nGeboortedatum", vec!["AL-KHATIB, Rami"]),
            ("- KOVALENKO, Oleksandr (geb. 17-09-1981)", vec!["KOVALENKO, Oleksandr"]),
        ] {
            assert_eq!(found(text, Person), want, "{text}");
        }
        // Headings, abbreviations, organisations and places in capitals stay unread.
        for text in [
            "GEGEVENS AANVRAGER\nNaam: onbekend",
            "BSN, IBAN en adres",
            "KCC, Joyce belde",
            "GEMEENTE UTRECHT, Stadsplein 1",
            "POLITIE, Eenheid Rotterdam",
            "Naam organisatie: STICHTING LEERGELD",
            "Woonplaats: UTRECHT",
            "Dhr. INFO",
        ] {
            let got = found(text, Person);
            assert!(got.iter().all(|n| n == "Joyce"), "{text}: {got:?}");
        }
    }

    #[test]
    fn an_ambiguous_given_name_paired_with_a_given_name() {
        assert_eq!(found("Mark en Lisa komen morgen langs.", Person), ["Mark", "Lisa"]);
        assert_eq!(found("Sterre en Daan gingen naar school.", Person), ["Sterre", "Daan"]);
        for text in ["April en Mei zijn drukke maanden.", "Job en Inkomen", "Can en Will", "Storm en Regen"] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
    }

    #[test]
    fn the_english_pronoun_after_a_name_is_none() {
        assert_eq!(found("Dear Dr. Patel, I am writing about my patient.", Person), ["Patel"]);
        assert_eq!(found("Hello John, I hope you are well.", Person), ["John"]);
        // An initial before a surname still is one.
        assert_eq!(found("Aanwezig: Jansen, I. de Vries", Person), ["Jansen", "I. de Vries"]);
    }

    #[test]
    fn an_unlisted_given_name_before_a_listed_surname() {
        for (text, want) in [
            ("Namens Gurpreet Singh dien ik bezwaar in.", "Gurpreet Singh"),
            ("Volgens Oluwaseun Adeyemi is de huur te hoog.", "Oluwaseun Adeyemi"),
            // A surname written first stays with the given names after it.
            ("Nguyen Thi Lan heeft de aanvraag ingediend.", "Nguyen Thi Lan"),
        ] {
            assert_eq!(found(text, Person), [want], "{text}");
        }
        // The role word before a given name still goes.
        assert_eq!(found("Ergotherapeut Lotte Verhoeven belde.", Person), ["Lotte Verhoeven"]);
        // Places, with a surname as their second word.
        for text in [
            "Wij wonen in Leidsche Rijn.",
            "De provincie Zuid Holland",
            "Het Haagse Bos is groot.",
            "Het project Groene Hart loopt tot 2030.",
            "Wij gingen naar Vondel Park en de Afsluit Dijk.",
            "De gemeente Peel Maas",
            "Hij werkt bij Gemeente Bosch.",
            "Achternaam: van Dijk-van Wijk",
        ] {
            let got = found(text, Person);
            assert!(got.is_empty() || got == ["van Dijk-van Wijk"], "{text}: {got:?}");
        }
    }

    #[test]
    fn a_household_named_by_its_surname() {
        assert_eq!(found("Echtpaar Jansen-de Wit woont hier sinds 1990.", Person), ["Jansen-de Wit"]);
        assert!(found("Het programma Gezin Centraal staat voorop.", Person).is_empty());
    }

    #[test]
    fn a_surname_before_a_role_in_brackets() {
        assert_eq!(found("Partijen: Jansen (eiser) en de gemeente (verweerder).", Person), ["Jansen"]);
        assert_eq!(found("Aanwezig: Bakker (notulist), Visser (voorzitter)", Person), ["Bakker", "Visser"]);
        assert_eq!(found("tussen De Vries (verweerster) en", Person), ["De Vries"]);
        for text in [
            "Vattenfall (verweerder) betwist dat.",
            "Gemeente Utrecht (verweerder)",
            "de Kamer (voorzitter) besloot",
            "Jansen (2019) schrijft dat",
            "Utrecht (eiser) en",
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
    }

    #[test]
    fn the_last_letter_gate_covers_every_form_of_address() {
        for form in super::FORMS_OF_ADDRESS.iter().filter(|&&f| f != "familie") {
            let last = form.as_bytes()[form.len() - 1];
            assert!(super::ends_like_a_form_of_address(last), "{form}");
        }
        // `familie`, compared on its own.
        assert!(super::form_of_address_before(b"de familie JANSEN", 11));
        assert!(!super::form_of_address_before(b"de GGD", 3));
        assert!(!super::form_of_address_before(b"schoonfamilie JANSEN", 14));
    }

    #[test]
    fn a_family_named_in_capitals() {
        assert_eq!(found("De familie JANSEN woont hier al jaren.", Person), ["JANSEN"]);
        assert_eq!(found("Betreft: familie EL AMRANI", Person), ["EL AMRANI"]);
        assert!(found("De familie GGD en de familie UWV.", Person).is_empty());
    }

    #[test]
    fn surnames_in_capitals_after_a_form_of_address_or_initials() {
        for (text, want) in [
            // Before: nothing (a comma after the capitals ended the reading; a title alone did not count).
            ("De heer J. JANSEN, wonende te Utrecht", "J. JANSEN"),
            ("Uitspraak in de zaak tussen A. SMIT, wonende te Zwolle, eiser", "A. SMIT"),
            ("Dhr. JANSEN belde gisteren.", "JANSEN"),
            ("mevrouw A.B. DE VRIES-BAKKER", "A.B. DE VRIES-BAKKER"),
            ("BESLUIT OP BEZWAAR VAN DE HEER JANSEN", "JANSEN"),
            ("Betreft: mevrouw S. ÖZTÜRK-YILMAZ, geboren 12-03-1985", "S. ÖZTÜRK-YILMAZ"),
        ] {
            assert_eq!(found(text, Person), [want], "{text}");
        }
        assert_eq!(found("De heer Jansen en mevrouw DE BOER waren aanwezig.", Person), ["Jansen", "DE BOER"]);
        // Not a name: no listed name after the title, or no title before the capitals.
        for text in [
            "Dhr. INFO",
            "Mevrouw, BSN en adres",
            "Geachte heer, MEVROUW",
            "RAPPORT VAN DE GEMEENTE UTRECHT OVER HET JAAR 2024",
            "Het WMO LOKET en de GGD ZUID-LIMBURG werkten samen.",
            "Aan dhr. KCC Utrecht",
            "de heer UWV, afdeling",
            "mevrouw GEMEENTE",
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
    }

    #[test]
    fn whole_names_in_capitals_in_exports_and_legacy_forms() {
        for (text, want) in [
            // Before: `DE VRIES` only (the given name visible), or nothing after a role's label.
            ("Naam: DE VRIES, JAN", "DE VRIES, JAN"),
            ("KLANT: JANSEN, PIETER", "JANSEN, PIETER"),
            ("Naam: JANSEN, P.J.", "JANSEN, P.J."),
            ("AANVRAGER: PIETER JANSEN", "PIETER JANSEN"),
            ("NAAM AANVRAGER: P. JANSEN", "P. JANSEN"),
        ] {
            assert_eq!(found(text, Person), [want], "{text}");
        }
        for text in ["A. GEGEVENS AANVRAGER", "B. BESLUIT", "AANVRAGER: GEMEENTE UTRECHT", "KLANT: BSN, NAAM", "sub a. BSN"] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
    }

    #[test]
    fn arabic_particles_belong_to_the_surname() {
        assert_eq!(found("advocaat: mr. S. el Ouardi.", Person), ["S. el Ouardi"]);
        assert_eq!(found("brief van wethouder N. Ben Hammou, niet openbaar", Person), ["N. Ben Hammou"]);
        assert_eq!(found("Tolk: Hiba Al Hamwi (Arabisch)", Person), ["Hiba Al Hamwi"]);
        // `al` is also "already": only before a capitalised word that goes on the name.
        assert_eq!(found("Jan Visser heeft al Kees gebeld.", Person), ["Jan Visser", "Kees"]);
        assert!(found("Dat is al Maandag gedaan.", Person).is_empty());
    }

    #[test]
    fn a_capitalised_article_after_an_organisation_word_names_a_thing() {
        for text in [
            "doorverwezen naar Huisartsenpraktijk De Linde. Het gaat",
            "Hij zit op Basisschool De Regenboog in Zwolle.",
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
        // A lower-case tussenvoegsel still restarts the reading: `DNA-profiel van Barbara Woźniak`.
        assert_eq!(found("Het DNA-profiel van Barbara Woźniak", Person), ["Barbara Woźniak"]);
    }

    #[test]
    fn departments_after_a_job_title_are_not_names() {
        for text in [
            "Functie: beleidsadviseur Wonen, schaal 10",
            "klacht over medewerker Parkeren (boete)",
            "Ingrid de Boer\nDirecteur Uitkeringen",
            "Wethouder Schuldhulp is portefeuillehouder.",
            "| J. Hiemstra | gedeputeerde Energie | Provincie Fryslân |",
            "Accountmanager Bedrijven",
            "Projectleider Warmtetransitie",
            "Handhaver Openbare Orde",
            "Casemanager Veilig Thuis",
        ] {
            let got = found(text, Person);
            assert!(got.iter().all(|n| n == "Ingrid de Boer" || n == "J. Hiemstra"), "{text}: {got:?}");
        }
        // A role still precedes surnames: `wethouder Wonink`, `medewerker Parkes`.
        assert_eq!(found("wethouder Wonink opende", Person), ["Wonink"]);
    }

    #[test]
    fn attendance_lists_in_minutes() {
        assert_eq!(
            found("De leden: Van den Akker (CDA), Bouwmans (CDA), De Bie-Rovers (VVD).", Person),
            ["Van den Akker", "Bouwmans", "De Bie-Rovers"]
        );
        assert_eq!(
            found("Wethouders: Van Rooij, Goossens en Bekkers-Heesakkers.", Person),
            ["Van Rooij", "Goossens", "Bekkers-Heesakkers"]
        );
        assert_eq!(found("Afwezig met kennisgeving: Roovers (VVD).", Person), ["Roovers"]);
        // ` en ` joins names, not a name and a place or organisation.
        assert_eq!(found("Aanwezig: Jan Visser en Gemeente Utrecht", Person), ["Jan Visser"]);
    }

    #[test]
    fn police_ranks_and_doctors_before_a_surname() {
        assert_eq!(found("Huisarts: dokter Van Rijswijk, Gezondheidscentrum Moerwijk", Person), ["Van Rijswijk"]);
        assert_eq!(found("Terugkoppeling door brigadier Hoekman.", Person), ["Hoekman"]);
        // Where the doctor is, is no part of the name; a street named after a person stays one.
        assert_eq!(found("ja dokter Kamphuis in de Stationsstraat", Person), ["Kamphuis"]);
        assert!(found("Wij wonen aan de Johan van Oldenbarneveltlaan.", Person).is_empty());
        // An interpreter is a label only with its colon: `een tolk Tigrinya` is a language.
        assert!(found("gepland met een tolk Tigrinya.", Person).is_empty());
    }

    #[test]
    fn a_given_name_that_is_also_a_word_is_remembered_from_a_full_name() {
        assert_eq!(
            found("Consulent: Roos Hendriks\n2. Roos neemt contact op met de thuiszorg.", Person),
            ["Roos Hendriks", "Roos"]
        );
        assert_eq!(found("Roepnaam: Mark\nBijzonderheden: Mark heeft een allergie.", Person), ["Mark", "Mark"]);
        // Alone it stays a word; before a number it is a month.
        assert!(found("Roos neemt contact op.", Person).is_empty());
        assert_eq!(found("Leidinggevende: May Jansen. Evaluatie in May 2024.", Person), ["May Jansen"]);
    }

    #[test]
    fn policy_looking_surnames_after_a_form_of_address_or_surname_label() {
        assert_eq!(found("Geachte mevrouw Westerheuveling,", Person), ["Westerheuveling"]);
        assert_eq!(found("Achternaam: Vlasbroeking\n", Person), ["Vlasbroeking"]);
        // After a role such a word is a portfolio or a scheme.
        assert!(found("teamleider Huisvesting", Person).is_empty());
    }

    #[test]
    fn a_list_of_full_names_is_not_read_as_reversed_names() {
        // Before: `Jan Smit, Karin` and `Bos, Peter de` were read as reversed names, and `Wit`
        // and `Ramdin` were left visible.
        assert_eq!(
            found("Aanwezig: Jan Smit, Karin Bos, Peter de Wit.", Person),
            ["Jan Smit", "Karin Bos", "Peter de Wit"]
        );
        assert_eq!(
            found("Ahmed Benali, Priya Ramdin en Kwame Mensah waren er ook.", Person),
            ["Ahmed Benali", "Priya Ramdin", "Kwame Mensah"]
        );
        // A listed surname before a full name is a name of the list.
        assert_eq!(found("Smit, Karin Bos en Peter de Wit waren er.", Person), ["Smit", "Karin Bos", "Peter de Wit"]);
        // Reversed names are still reversed names.
        assert_eq!(found("Benali, Priya heeft gebeld.", Person), ["Benali, Priya"]);
        assert_eq!(found("Boer, Hendrik de", Person), ["Boer, Hendrik de"]);
        assert_eq!(found("Van den Akker, Jan", Person), ["Van den Akker, Jan"]);
        // A place before a name is no part of a list of names.
        assert_eq!(found("Groningen, Jan Smit en Piet Bos.", Person), ["Jan Smit", "Piet Bos"]);
        assert_eq!(found("Utrecht, B. de Groot", Person), ["B. de Groot"]);
    }

    #[test]
    fn initials_after_a_rejected_word_and_tussenvoegsel_start_a_name() {
        assert_eq!(found("Dossier van J.P. Balkenende-Bakker (BSN 111222333).", Person), ["J.P. Balkenende-Bakker"]);
        assert_eq!(found("Dossier van J.P. Balkenende.", Person), ["J.P. Balkenende"]);
        assert!(found("Dossier van de gemeente.", Person).is_empty());
    }

    #[test]
    fn a_capitalised_word_after_a_family_word_is_a_given_name() {
        assert_eq!(found("Ik ga morgen met oma Wil naar de markt.", Person), ["Wil"]);
        // Not at a sentence start, nor after a sentence's end, nor inside a compound.
        assert!(found("Oma Wil je koffie?", Person).is_empty());
        assert!(found("Mijn oma. Wil jij ook?", Person).is_empty());
        assert!(found("De grootoma Wil is er niet.", Person).is_empty());
    }

    #[test]
    fn full_names_typed_in_lower_case() {
        // Chat messages and prompts.
        assert_eq!(found("schrijf een brief aan jan de vries over zijn aanvraag", Person), ["jan de vries"]);
        assert_eq!(found("vat dit samen: gesprek met piet jansen op 3 maart", Person), ["piet jansen"]);
        assert_eq!(found("wat moet ik zeggen tegen fatima el amrani", Person), ["fatima el amrani"]);
        // A phone capitalises the message's first word, not the surname.
        assert_eq!(found("help me een reactie te schrijven aan Jan de vries", Person), ["Jan de vries"]);
        assert_eq!(found("Piet jansen heeft gebeld", Person), ["Piet jansen"]);
        // Hard negatives: a given name alone, a common word after the particles, a preposition
        // taken for a tussenvoegsel, English words that are given names.
        // A given name alone after a word that addresses or mentions someone.
        assert_eq!(found("stuur dit door naar kees", Person), ["kees"]);
        assert_eq!(found("vraag het maar aan fatima", Person), ["fatima"]);
        assert_eq!(found("zeg tegen mohammed dat het goed is", Person), ["mohammed"]);
        assert_eq!(found("doei! xx lisa", Person), ["lisa"]);
        assert_eq!(found("heb je de mail van jan gezien?", Person), ["jan"]);
        // A given name opening a line of a chat.
        assert_eq!(found("kees en ik gaan morgen naar de gemeente", Person), ["kees"]);
        assert_eq!(found("ok\nfatima: ik kom morgen", Person), ["fatima"]);
        assert!(found("mark: zie hieronder", Person).is_empty());
        assert!(found("let op: de termijn loopt af", Person).is_empty());
        // The rest of the line after a name field, in a form typed in lower case.
        assert_eq!(found("naam: loubna ouaali\ngeboortedatum: 2 maart 1980", Person), ["loubna ouaali"]);
        assert_eq!(found("naam en voorletters: nguyen, selam\ngeslacht: vrouw", Person), ["nguyen, selam"]);
        assert_eq!(found("voornamen: joost\nachternaam: vlasbroeking", Person), ["joost", "vlasbroeking"]);
        assert_eq!(found("moeder: özlem özdemir, tel. 0612345678", Person), ["özlem özdemir"]);
        assert_eq!(found("naam: meer, freek van der\ngeboortedatum", Person), ["meer, freek van der"]);
        assert_eq!(found("cliënt: dhr. a. bakkali\nadres", Person), ["a. bakkali"]);
        assert_eq!(found("cliënt: de heer r.b. wiekdijk\nadres", Person), ["r.b. wiekdijk"]);
        // After a sign-off, a salutation, in a mail header.
        assert_eq!(found("dank u.\n\nhoogachtend,\n\ncornelis eksterwerfenga\n", Person), ["cornelis eksterwerfenga"]);
        assert_eq!(found("tot snel.\nmet vriendelijke groet,\nh. rietkolkers", Person), ["h. rietkolkers"]);
        assert_eq!(found("geachte heer ter schaapmeentma,\n\nop 3 mei", Person), ["ter schaapmeentma"]);
        assert_eq!(found("geachte mevrouw ait taleb,\n", Person), ["ait taleb"]);
        assert_eq!(found("beste jeroen,\nhier is het stuk", Person), ["jeroen"]);
        assert_eq!(found("Hi, I'm Priya from Rotterdam.", Person), ["Priya"]);
        assert_eq!(found("Hi, I’m Priya.", Person), ["Priya"]);
        // One initial and an unlisted surname after a word that mentions someone.
        assert_eq!(found("het verslag is opgesteld door t. kromkampsen op 3 mei", Person), ["t. kromkampsen"]);
        assert_eq!(found("hierbij maak ik, c. eksterwerfenga, bezwaar", Person), ["c. eksterwerfenga"]);
        assert!(found("zie ook p. 12 en het werk van a. de", Person).is_empty());
        assert_eq!(found("namens dezen,\nl.a. van vliet, woo-coördinator", Person), ["l.a. van vliet"]);
        assert_eq!(found("van: jan-willem oosterakker <j@live.nl>\nonderwerp: x", Person), ["jan-willem oosterakker"]);
        for text in [
            "nogmaals bedankt,\nde gemeente",
            "met vriendelijke groet,\nteam burgerzaken",
            "beste allemaal,\nhet is zover",
            "geachte heer, mevrouw,\n",
            "hoogachtend,\n\n\n\nbijlage: kopie",
        ] {
            assert!(found(text, Person).is_empty(), "{text}");
        }
        for text in ["naam: onbekend", "naam: n.v.t.", "aanvrager: gemeente utrecht", "bestandsnaam: rapport2024",
            "klant: ja, die heeft gebeld", "let op: dit is geen naam"] {
            assert!(found(text, Person).is_empty(), "{text}");
        }
        assert_eq!(found("een cadeau voor emma en piet van dijk", Person), ["emma", "piet van dijk"]);
        assert_eq!(found("ik ga met lisa de hond uitlaten", Person), ["lisa"]);
        assert_eq!(found("we gaan met sanne op vakantie naar frankrijk", Person), ["sanne"]);
        assert!(found("ik ga naar huis met de hond", Person).is_empty());
        assert!(found("ik ga met mark naar huis", Person).is_empty());
        assert!(found("we gaan naar florence en met mate", Person).is_empty());
        assert!(found("we gaan naar de kerk en met de bus", Person).is_empty());
        assert!(found("will smith and mark rutte", Person).is_empty());
        assert!(found("het gaat om de hoek met de jan pietersz. coenstraat", Person).is_empty());
        assert_eq!(found("Ik sprak Sanne de hond.", Person), ["Sanne"]);
        // In prose a writer capitalises surnames: a lower-case word after `van de` is a place.
        assert_eq!(
            found("Ik sprak Petra van de winkel. Zij zei dat het goed ging. Morgen weer.", Person),
            ["Petra"]
        );
        assert!(found("Het besluit is genomen. De raad stemde. Jan visser las het voor.", Person)
            .iter()
            .all(|n| n == "Jan"));
    }

    #[test]
    fn quoted_mentioned_possessive_and_double_given_names() {
        assert_eq!(found("Aan: 'Karin Bos'\nOnderwerp: uw aanvraag", Person), ["Karin Bos"]);
        assert_eq!(found("@Piet kun jij dit oppakken?", Person), ["Piet"]);
        assert_eq!(found("Petra's aanvraag is afgewezen.", Person), ["Petra"]);
        assert_eq!(found("Met Piet’s moeder gesproken.", Person), ["Piet"]);
        assert_eq!(found("Emma-Sophie de Vries belde.", Person), ["Emma-Sophie de Vries"]);
        assert_eq!(found("Ik heet Emma-Sophie.", Person), ["Emma-Sophie"]);
        // Hard negatives: a plural with an apostrophe, a quote or `@` inside a word.
        assert!(found("Taxi's en Euro's.", Person).is_empty());
        assert_eq!(found("Hedy d'Ancona", Person), ["Hedy d'Ancona"]);
        assert!(found("mail naar jan@Example.nl", Person).is_empty());
    }

    #[test]
    fn names_in_lower_case_text_after_roles_and_with_initials() {
        for (text, want) in [
            ("hoi, kun je t. bakker en s.s. tesfaye mailen", vec!["t. bakker", "s.s. tesfaye"]),
            ("a. de vermeent heeft gebeld", vec!["a. de vermeent"]),
            ("de juf anneke vindt het goed", vec!["anneke"]),
            ("griffier sem teeusen en mijn collega jakub wiśniewski", vec!["sem teeusen", "jakub wiśniewski"]),
            ("mijn zoon rutger van de noordslootman", vec!["rutger van de noordslootman"]),
            ("partner baukje peters-wolters belt", vec!["baukje peters-wolters"]),
        ] {
            assert_eq!(found(text, Person), want, "{text}");
        }
        for text in [
            "mail i.v.m. de aanvraag t.a.v. de heer",
            "rekening t.n.v. de gemeente",
            "melder: marie curieweg 3",
            "adres melder: jan pietersz. coenstraat 12",
            "postcode en woonplaats: 2756 mr bergen op zoom",
            "ik heb de man gezien bij de dag markt",
            "ik werk bij de gemeente als medewerker burgerzaken",
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
        // Only in text written in lower case: in prose a lower-case word after initials is none
        // of a name's.
        assert!(found("Dit is punt a. de aanvraag wordt behandeld. Zie ook b. De rest volgt.", Person).is_empty());
    }

    #[test]
    fn a_salutation_before_a_full_stop_is_no_title() {
        assert!(found("Hoi. Schrijf een brief.", Person).is_empty());
        assert!(found("Hallo. Kun je helpen?", Person).is_empty());
        assert_eq!(found("Dhr. Jansen belde. Mevr. Smit ook.", Person), ["Jansen", "Smit"]);
    }

    #[test]
    fn form_fields_with_particles_initials_or_english_labels() {
        // The tussenvoegsels belong to the surname (`Naam: de Vries` is not `Vries`).
        assert_eq!(found("Achternaam: van Dijk\n", Person), ["van Dijk"]);
        assert_eq!(found("Naam: van der Berg", Person), ["van der Berg"]);
        assert_eq!(found("Achternaam: van 't Hof", Person), ["van 't Hof"]);
        assert_eq!(found("Naam: Jansen    Voorletters: E.M.\n", Person), ["Jansen", "E.M."]);
        assert_eq!(found("Surname(s): Nowak\nGiven name(s): Agnieszka Maria", Person), ["Nowak", "Agnieszka Maria"]);
        // Not after a role or a place: `burgemeester van Utrecht`.
        assert!(found("de burgemeester van Utrecht opende", Person).is_empty());
        assert!(found("Bijlage: E.M.\n", Person).is_empty());
        // Values that say the name is missing.
        for text in ["Naam: ONBEKEND\n", "Achternaam: N.V.T.\n", "Naam: Onbekend\n", "Van: AFVALSERVICE, Johan"] {
            let got = found(text, Person);
            assert!(got.iter().all(|n| n == "Johan"), "{text}: {got:?}");
        }
    }

    #[test]
    fn names_in_lower_case_after_a_cue() {
        for (text, want) in [
            ("ik ben sanne de wit en ik bel al 3 dagen", vec!["sanne de wit"]),
            ("mijn vrouw wilma op 06 2938 4756", vec!["wilma"]),
            ("groet\ngerrit ter horst\n\nps. meldingnummer", vec!["gerrit ter horst"]),
            ("groetjes sanne", vec!["sanne"]),
            ("Van: hans vos <hansvos1957@planet.nl>\n", vec!["hans vos"]),
            ("haar naam is truus van der laan", vec!["truus van der laan"]),
        ] {
            assert_eq!(found(text, Person), want, "{text}");
        }
        for text in [
            "ik ben blij met de hulp",
            "mijn zoon heeft autisme",
            "groet, de buren van nummer 5",
            "groetjes en tot morgen",
            "mijn dochter mark het",
            "Van: gemeente <info@example.nl>",
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
    }

    #[test]
    fn a_lower_case_tussenvoegsel_after_a_form_of_address() {
        for (text, want) in [
            ("Geachte mevrouw de Vries,", "de Vries"),
            ("Goedemiddag meneer van den Berg,", "van den Berg"),
            ("Ik heb gesproken met mevrouw van Dijk-Bakker.", "van Dijk-Bakker"),
            ("Beste heer van Dam,", "van Dam"),
            ("advocaat mr. van der Linden", "van der Linden"),
            ("Dhr. de Vries belde", "de Vries"),
            ("de heer van 't Hof", "van 't Hof"),
        ] {
            assert_eq!(found(text, Person), [want], "{text}");
        }
        // A place or a thing after the particle is no name: `de heer van Utrecht` is rare, but
        // `mr. in de rechten` and `dr. van de school` are phrases.
        assert!(found("zij is mr. in de rechten", Person).is_empty());
        for text in [
            "er kwam een meneer van Vattenfall langs",
            "de mevrouw van Veilig Thuis belde",
            "een meneer van de gemeente",
            "mevrouw uit Utrecht belde",
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
    }

    #[test]
    fn cells_of_a_name_column() {
        let table = "| Achternaam | Voornaam | Functie |\n|---|---|---|\n| Yilmaz | Ayse | Consulent |\n| De Wit | Sanne | Jurist |";
        assert_eq!(found(table, Person), ["Yilmaz", "Ayse", "De Wit", "Sanne"]);
        let tabs = "Naam\tAfdeling\nVerbeek\tFinanciën\nSmulders-Kox\tWonen";
        assert_eq!(found(tabs, Person), ["Verbeek", "Smulders-Kox"]);
        // Other columns, and a table without a name header, stay as they are.
        assert!(found("| Straat | Wijk |\n|---|---|\n| Kerkstraat | Centrum |", Person).is_empty());
        assert!(found("| Bakker | Roos |", Person).is_empty());
        // A degree after a name is no part of it.
        assert_eq!(found("K. Mahabier BSc", Person), ["K. Mahabier"]);
    }

    #[test]
    fn the_name_under_a_sign_off() {
        assert_eq!(found("Met vriendelijke groet,\n\nChidi Okonkwo\nAdviseur Wonen", Person), ["Chidi Okonkwo"]);
        assert_eq!(found("Kind regards,\nNnamdi Eze", Person), ["Nnamdi Eze"]);
        // Not an organisation there, nor words that do not fill the line, nor far below.
        for text in [
            "Met vriendelijke groet,\nTeam Burgerzaken",
            "Met vriendelijke groet,\nGemeente Súdwest-Fryslân",
            "Met vriendelijke groet,\nKlantenservice Eneco",
            "Met vriendelijke groet,\nTot Ziens Allemaal en veel succes",
            // (Two unlisted words: `Okonkwo Mensah` ends in a listed surname, a name anywhere.)
            "Met vriendelijke groet,\n\n\n\nTiwalade Obiora",
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
    }

    #[test]
    fn a_single_unlisted_given_name_under_a_sign_off() {
        assert_eq!(found("Tel: 0318 - 721 384\n\nHoogachtend,\nFaisal\n", Person), ["Faisal"]);
        assert_eq!(found("Bel me gerust.\n\nMvg,\nSoerin", Person), ["Soerin"]);
        for text in [
            "Met vriendelijke groet,\nBurgerzaken",
            "Met vriendelijke groet,\nTeam",
            "Met vriendelijke groet,\nKlantcontactcentrum",
            "Met vriendelijke groet,\nGemeente",
            "Met vriendelijke groet,\nNamens",
            "Met vriendelijke groet,\nUWV",
            "Met vriendelijke groet,\n\n\n\nSoerin",
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
    }

    #[test]
    fn trade_names_and_abbreviations_after_full_names() {
        assert!(found("zij werkt bij Albert Heijn in Rijswijk.", Person).is_empty());
        assert_eq!(found("ten name van E.W.P. van der Meer. mijn bsn volgt", Person), ["E.W.P. van der Meer"]);
        assert!(found("Geb. datum onbekend", Person).is_empty());
    }

    #[test]
    fn hard_negatives() {
        for text in [
            "Wij wonen aan de Johan de Wittlaan in Den Haag.",
            "De Gemeente Utrecht heeft besloten.",
            "Offerte van Bakker Installatietechniek B.V. ontvangen.",
            "Stichting Van der Meer Fonds steunt het project.",
            "Zie bijlage B. Hierin staat het besluit.",
            "Volgens de AVG is dat verboden.",
            "Het College van B en W vergadert.",
            "Bezwaar bij Gedeputeerde Staten van Drenthe maken.",
            "Provinciale Staten van Utrecht besloten.",
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
    }
}

#[cfg(test)]
mod introduction_tests {
    use crate::entity::EntityType::Person;
    use crate::test_support::found;

    /// A self-introduction, a relative's name and a name field without its colon make the
    /// capitalised words after them a name, even when none of them is listed.
    #[test]
    fn names_after_self_introductions_and_bare_name_fields() {
        for (text, name) in [
            ("Mijn naam is Mo El Idrissi.", "Mo El Idrissi"),
            ("Mijn naam is Mo Jansen.", "Mo Jansen"),
            ("Mijn naam is Idrissi.", "Idrissi"),
            ("Hello, my name is Oyelaran, from Lagos.", "Oyelaran"),
            ("Ik heet Mo El Idrissi.", "Mo El Idrissi"),
            ("Mijn zoon heet Daan.", "Daan"),
            ("Ik ben Mo El Idrissi en ik woon in Tilburg.", "Mo El Idrissi"),
            ("achternaam El Idrissi", "El Idrissi"),
            ("De roepnaam Mo staat niet in het register.", "Mo"),
        ] {
            assert_eq!(found(text, Person), [name], "{text}");
        }
    }

    /// A Dutch given name that is also a word is a name mid-sentence after a lower-case word;
    /// alone at a sentence's start, and the English words and months, still need context.
    #[test]
    fn ambiguous_given_names_mid_sentence() {
        assert_eq!(found("Ik heb Mark gisteren gesproken.", Person), ["Mark"]);
        assert_eq!(found("Opgelost door Frank: cache geleegd.", Person), ["Frank"]);
        assert_eq!(found("Dit is afgestemd met Hans.", Person), ["Hans"]);
        for text in [
            "Mark the date in your calendar.",
            "Frank gesprek gevoerd over de voortgang.",
            "The Bill was passed by parliament.",
            "We discussed Christian values.",
            "De vergadering is in April.",
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
    }

    /// `Vader van Sem`: the tussenvoegsel after a sentence's first word is "of" before a given
    /// name; before a surname it stays (`Volgens Van Dijk`).
    #[test]
    fn of_before_a_given_name_after_a_sentence_start() {
        assert_eq!(found("Vader van Sem is Johan Smit.", Person), ["Sem", "Johan Smit"]);
        assert_eq!(found("Moeder van Daan belde.", Person), ["Daan"]);
    }

    /// After `mijn naam is` and `ik heet` a name typed in lower case is read though unlisted.
    #[test]
    fn lower_case_names_after_self_introductions() {
        for (text, want) in [
            ("mijn naam is mo el idrissi en ik woon in zwolle", "mo el idrissi"),
            ("ik heet mo", "mo"),
            ("mijn naam is oksana bondarenko.", "oksana bondarenko"),
            ("hallo, mijn naam is kevin, ik heb een vraag", "kevin"),
            ("mijn naam is van der berg en ik heb een vraag", "van der berg"),
            ("mijn naam is de jong", "de jong"),
            // A relative's name after `heet`: a listed given name.
            ("mijn zoon heet noah en zit op de basisschool", "noah"),
            ("mijn dochter heet emma de vries", "emma de vries"),
        ] {
            assert_eq!(found(text, Person), [want], "{text}");
        }
        for text in [
            "mijn naam is niet belangrijk",
            "mijn zoon heet niet zo",
            "mijn dochter heet anders",
            "mijn naam is bekend bij de gemeente",
            "mijn naam is hetzelfde gebleven",
            "de naam is gewijzigd",
            "ik heet u welkom",
            "ik heet jullie welkom namens het college",
            "mijn naam is in de krant gekomen",
            "mijn naam is van mij",
            "mijn naam is op de lijst gezet",
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
    }

    /// In text typed in lower case, a name found once is found where it stands again.
    #[test]
    fn lower_case_names_mentioned_again() {
        assert_eq!(
            found("hoi, ik ben lotte (moeder van finn, groep 3). finn heeft sinds kort adhd.", Person),
            ["lotte", "finn", "finn"]
        );
        assert_eq!(
            found("naam: cornelis eksterwerfenga\nik bel namens cornelis eksterwerfenga over de aanvraag", Person),
            ["cornelis eksterwerfenga", "cornelis eksterwerfenga"]
        );
        // Not in an e-mail address, on a trade-name line, before a company's form, nor a
        // surname that is also a trade's word.
        for (text, want) in [
            ("naam: jan eeklaaringa\nmail: j.eeklaaringa@example.nl", vec!["jan eeklaaringa"]),
            ("naam: ayse amrani\nhandelsnaam: fietsenmaker amrani", vec!["ayse amrani"]),
            ("naam: piet ruigpoelje\nwerkt bij ruigpoelje bouw b.v.", vec!["piet ruigpoelje"]),
            ("naam: sanne bakker\nde bakker op de hoek is dicht", vec!["sanne bakker"]),
        ] {
            assert_eq!(found(text, Person), want, "{text}");
        }
    }

    /// `mw a. el amrani` whole; `gr. petra` signs a message.
    #[test]
    fn particles_after_titles_and_short_sign_offs() {
        assert_eq!(found("vat samen: klant mw a. el amrani belde gisteren", Person), ["a. el amrani"]);
        assert!(found("ik bel mevrouw al lang niet meer", Person).is_empty());
        assert!(found("ik heb mevrouw al gebeld", Person).is_empty());
        // Without initials too; `al` and `ben` only before a listed name.
        assert_eq!(found("maak een mail naar dhr. el amrani, hij woont daar", Person), ["el amrani"]);
        assert_eq!(found("mail meneer el khatib over de afspraak", Person), ["el khatib"]);
        assert_eq!(found("mail mevrouw el amrani-bouzid", Person), ["el amrani-bouzid"]);
        assert_eq!(found("mail mw. ben ali over de afspraak", Person), ["ben ali"]);
        assert!(found("meneer ben ik kwijt", Person).is_empty());
        assert!(found("dan heeft meneer al een brief", Person).is_empty());
        assert!(found("heeft mevrouw al jansen gebeld", Person).is_empty());
        assert!(found("mevrouw el de", Person).is_empty());
        // More family words before a given name.
        assert_eq!(found("ik ben fatima, mijn zoontje amir is 4", Person), ["fatima", "amir"]);
        assert_eq!(found("mijn kleindochter sophie logeert bij ons", Person), ["sophie"]);
        assert!(found("mijn zoontje is ziek", Person).is_empty());
        assert!(found("mijn oma belde", Person).is_empty());
        // `tnv` (ten name van) on a payment line reads like a title.
        assert_eq!(found("iban nl91abna0417164300 tnv j jansen", Person), ["j jansen"]);
        assert_eq!(found("overmaken t.n.v. mw. s. de vries", Person), ["s. de vries"]);
        assert_eq!(found("graag tnv de jong overmaken", Person), ["de jong"]);
        assert!(found("rekening tnv gemeente utrecht", Person).is_empty());
        // After `heer`, `dr.`: a listed surname alone.
        assert_eq!(found("ik sprak gisteren met de heer jansen over de boete", Person), ["jansen"]);
        assert_eq!(found("wat is het telefoonnummer van huisarts dr. visser in ede", Person), ["visser"]);
        assert!(found("hij is mr. in de rechten", Person).is_empty());
        assert!(found("de heer des huizes", Person).is_empty());
        assert!(found("heer en meester", Person).is_empty());
        assert_eq!(found("notitie: mw j van dijk belde", Person), ["j van dijk"]);
        assert!(found("dan moet mevrouw u bellen", Person).is_empty());
        assert!(found("bij mevrouw b gaat het beter", Person).is_empty());
        assert_eq!(found("komt niet naar school. gr. petra", Person), ["petra"]);
        assert!(found("voeg 200 gr. suiker toe", Person).is_empty());
    }

    /// A capitalised `Van` between a name and a given name is part of the name (Vietnamese
    /// middle names); a lower-case `van` there is "from".
    #[test]
    fn capitalised_van_before_a_given_name() {
        assert_eq!(found("The applicant, Mr Tran Van Minh, was born in Hanoi.", Person), ["Tran Van Minh"]);
        assert_eq!(found("Samira van de Johan de Wittschool belde.", Person), ["Samira"]);
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

    #[test]
    fn introductions_that_name_no_one() {
        for text in [
            // After `ik ben` one word is a nationality, a faith or a role, not a name.
            "Ik ben Nederlander en woon in Delft.",
            "Ik ben Nieuw-Zeelander.",
            "Ik ben Huisarts in Zwolle.",
            "Ik ben Hoofd Communicatie.",
            // `heet` after anything but a person.
            "De straat heet Kerkstraat.",
            "Het project heet Samen Sterk.",
            // An organisation stays one.
            "Mijn naam is Gemeente Utrecht.",
            "Ik ben Gemeente Utrecht.",
            // `is` after anything but `naam`.
            "Het resultaat is Voldoende.",
            // A name field's word without its colon, in lower case after: no name.
            "De achternaam is onbekend.",
            // `naam is` without a possessive names a thing.
            "De naam is Samen Sterk.",
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
    }

    /// A surname without a given name is written with a capital tussenvoegsel (`Van der Meer`),
    /// so mid-sentence that capital is the context; not a place, a brand or a street.
    #[test]
    fn surnames_with_a_capital_tussenvoegsel_mid_sentence() {
        for (text, want) in [
            ("Gisteren sprak ik met Van den Broek.", &["Van den Broek"][..]),
            ("Ik sprak met Van der Meer over de zaak.", &["Van der Meer"]),
            ("Het rapport van De Vries was goed.", &["De Vries"]),
            ("Volgens Van der Meer is dat niet zo.", &["Van der Meer"]),
            ("Overleg met Van den Broek en Sluiter.", &["Van den Broek", "Sluiter"]),
            ("Aanwezig waren Jansen, Van der Linden en anderen.", &["Jansen", "Van der Linden"]),
            ("Ik heb al met De Groot van de woningcorporatie gesproken.", &["De Groot"]),
        ] {
            assert_eq!(found(text, Person), want, "{text}");
        }
        for text in [
            // Places so written, also after a preposition of place or an address.
            "De vergadering vond plaats in De Lier.",
            "Het bedrijf is gevestigd in Den Bosch en Den Helder.",
            "We hebben gegeten bij restaurant De Haan.",
            "Kerkstraat 1, De Lier",
            "Zij wonen in de wijk De Horst.",
            // Brands and bodies: after an article, or with more words after the surname.
            "Zij verbleef in het Van der Valk hotel.",
            "Zij werkt bij De Boer Installatietechniek.",
            "Het Van Gogh Museum trok veel bezoekers.",
            // A sentence start may be an article and a noun.
            "De Boer komt later.",
            "Van de Gemeente kregen we geen antwoord.",
            // Companies and a dictionary named after their founders.
            "Volgens Van Dale betekent het iets anders.",
            "De aannemer is Van Oord.",
            // Lower case: no context of its own.
            "Ik sprak met van der Meer over de zaak.",
            // Streets.
            "Hij woont aan de Van der Meerlaan 4.",
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
        // (A listed surname alone mid-sentence is read too: `surnames_alone_mid_sentence`.)
        assert_eq!(found("Ik sprak met Jansen over de zaak.", Person), ["Jansen"]);
    }

    /// Mid-sentence only a name is capitalised: a listed surname written alone after a
    /// lower-case word is a name; not a place, a brand, a language, a disease named after
    /// someone, a street before its number, nor after an article or a noun that names a thing.
    #[test]
    fn surnames_alone_mid_sentence() {
        for (text, want) in [
            ("Ik sprak gisteren met Jansen over de aanvraag.", &["Jansen"][..]),
            ("Volgens Mulder is de woning niet geschikt.", &["Mulder"]),
            ("Overleg met Hendriks gepland op 12 maart.", &["Hendriks"]),
            ("Dat heeft Mulder zelf gezegd.", &["Mulder"]),
            ("Ik heb het doorgestuurd aan Meijer en Kramer.", &["Meijer", "Kramer"]),
            ("Wij hebben het besproken met Timmermans van de afdeling Wonen.", &["Timmermans"]),
            ("zaak 2024-0012, behandeld door Jansen, afgerond.", &["Jansen"]),
            ("Na overleg met Visser (casemanager) is besloten.", &["Visser"]),
            // With its tussenvoegsel after a name label, the name keeps it.
            ("Achternaam: van Leeuwen", &["van Leeuwen"]),
        ] {
            assert_eq!(found(text, Person), want, "{text}");
        }
        // At a sentence's start, before a verb of reporting.
        for (text, want) in [
            ("Jansen geeft aan dat zij geen inkomen heeft.", &["Jansen"][..]),
            ("Toelichting. Mulder vertelt dat de woning te klein is.", &["Mulder"]),
            ("Gesprek gevoerd.\nHendriks belde vanochtend.", &["Hendriks"]),
            ("Jansen is ziek.", &["Jansen"]),
            ("Mulder was vandaag afwezig.", &["Mulder"]),
        ] {
            assert_eq!(found(text, Person), want, "{text}");
        }
        for text in [
            // At a sentence's start a capital says little: before another word, or a surname
            // that is also a word, or before a verb English shares (`is`).
            "Jansen, zie bijlage.",
            "Post wordt op dinsdag bezorgd.",
            "Groen heeft de voorkeur.",
            "Meer kan niet.",
            "Little is known about this.",
            "Jansen is de naam van de straat.",
            "Philips heeft een nieuwe fabriek.",
            "Haren heeft een nieuw gemeentehuis.",
            // Places that are also surnames, and places after a preposition of place.
            "Wij gingen via Roden naar Assen.",
            "De wethouder van Soest opende de vergadering.",
            "De vergadering vond plaats bij Haren.",
            "Dorpsstraat 3, 1756 CA 't Zand.",
            // Brands, languages, peoples, faiths, diseases named after someone.
            "Ik werk al jaren bij Philips.",
            "Can you translate this to English?",
            "Kun je dit herschrijven in Rust of Swift?",
            "Mijn vader is Roma en woont op een woonwagenlocatie.",
            "I am from Poland and my daughter goes to school in Zwolle.",
            "We moved here from Rijswijk last year.",
            "Zij is Christen en gaat elke week naar de kerk.",
            "Ik heb sinds 2019 de ziekte van Parkinson.",
            "Zij heeft sinds vorig jaar Pfeiffer.",
            // After an article or a noun that names a thing.
            "Hij werkt bij de firma Kok.",
            "Ik heb de Bakker gesproken.",
            "Verwezen naar app Dar.",
            "We read the Jansen report.",
            // A street before its number, a company after its trade-name label or before its form.
            "Het adres is nu Brink 4.",
            "Handelsnaam: jansen bv",
            "Wij kochten het bij Gall & Gall.",
            // After `van`, `de`, `ter`: the rules for tussenvoegsels decide.
            "Het voorstel komt van Groen.",
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
    }

    /// A surname alone before a party or a role in brackets, or before where the person is
    /// from; the language, a feast and places in an enumeration are no names.
    #[test]
    fn surnames_alone_with_a_party_role_or_body() {
        for (text, want) in [
            ("Tahiri (GroenLinks) vraagt naar de woningen.", &["Tahiri"][..]),
            ("Haverkamp (leerplichtambtenaar) neemt contact op met school.", &["Haverkamp"]),
            ("Ik heb al gesproken met Claassen van Bouw- en Woningtoezicht.", &["Claassen"]),
            ("Met Huisman van de Kredietbank is afgesproken dat hij belt.", &["Huisman"]),
            ("Een tolk is niet nodig omdat Veenstra Frans spreekt.", &["Veenstra"]),
            ("Mijn neuroloog, dr. Sprangers van Gelre ziekenhuizen, heeft een brief gestuurd.", &["Sprangers"]),
        ] {
            assert_eq!(found(text, Person), want, "{text}");
        }
        for text in [
            "Tijdens de Ramadan zijn de openingstijden aangepast.",
            "De gemeenten Haren, Soest en Heino werken samen.",
            "Vattenfall (verweerder) is gedagvaard.",
            "Zij woont nu aan de Laan van Nieuw Oost-Indië 292.",
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
    }

    /// A listed surname alone as a chat's or the minutes' speaker, an action field's value,
    /// after a sign-off on its line or after `@`; not a form's or a mail header's field.
    #[test]
    fn surnames_alone_in_a_slot() {
        for (text, want) in [
            ("[10:02] Jansen: ik bel morgen terug.", &["Jansen"][..]),
            ("ok\nBakker: akkoord, ik pak het op.", &["Bakker"]),
            ("Groet, Bakker", &["Bakker"]),
            ("Met vriendelijke groet, Bakker\n", &["Bakker"]),
            ("@Jansen kun je dit oppakken?", &["Jansen"]),
            ("Actie: Jansen", &["Jansen"]),
            ("Besluit: Hendriks zorgt voor terugkoppeling.", &["Hendriks"]),
            ("Overleg Jansen over de planning.", &["Jansen"]),
            // A given name that is also a word, as a chat's speaker.
            ("ok\nGerrit: kan iemand de notulen delen?", &["Gerrit"]),
            // A cell under a person's role in a list of documents.
            ("| nr | document | afzender |\n| 1 | e-mail over planning | Evers |", &["Evers"]),
        ] {
            assert_eq!(found(text, Person), want, "{text}");
        }
        for text in [
            "Reis: Comité van de Regio's, Brussel",
            "Date: Mon, 15 Apr 2024 09:12:44 +0200",
            "Post: geen",
            "Wit: zie bijlage",
            "Actie: Bellen",
            "Groet, Bakker en zonen",
            "April: geen aanvragen",
            "| nr | document | onderwerp |\n| 1 | e-mail | Evers |",
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
    }

    /// An enumeration before a name found makes the listed surnames in it names, also at a
    /// sentence's start; not places, brands or unlisted words.
    #[test]
    fn surnames_enumerated_before_a_name() {
        for (text, want) in [
            ("Bakker, Jansen en De Vries waren aanwezig.", &["Bakker", "Jansen", "De Vries"][..]),
            ("Jansen en Bakker hebben de zaak besproken.", &["Jansen", "Bakker"]),
            ("Hendriks, Mulder en Piet de Groot waren er ook.", &["Hendriks", "Mulder", "Piet de Groot"]),
            ("Van Dijk, Jansen en De Vries tekenden.", &["Van Dijk", "Jansen", "De Vries"]),
        ] {
            assert_eq!(found(text, Person), want, "{text}");
        }
        for (text, want) in [
            ("Haren, Roden en De Vries.", &["De Vries"][..]),
            ("Amsterdam, Utrecht en Jan de Vries.", &["Jan de Vries"]),
            ("Philips, Shell en De Vries sponsoren het feest.", &["De Vries"]),
            ("Vlasbroeking en Jan de Vries.", &["Jan de Vries"]),
            ("Gemeente Utrecht, Jansen en De Vries.", &["Jansen", "De Vries"]),
        ] {
            assert_eq!(found(text, Person), want, "{text}");
        }
    }

    /// Surnames joined to a name found by a slash are names; a path is not.
    #[test]
    fn surnames_after_a_slash() {
        assert_eq!(found("Overleg Jansen/Bakker over de planning.", Person), ["Jansen", "Bakker"]);
        assert_eq!(found("Gesprek met Piet Jansen/Bakker/Smit.", Person), ["Piet Jansen", "Bakker", "Smit"]);
        assert_eq!(found("Overleg met Jansen/Haren.", Person), ["Jansen"]);
        assert_eq!(found("Overleg met Jansen/Bakker.docx gedeeld.", Person), ["Jansen"]);
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

    /// An imperative that opens a sentence is no part of the name after it; `Info` is a word.
    #[test]
    fn imperatives_and_info_are_no_names() {
        assert_eq!(found("Bel Henk even terug.", Person), ["Henk"]);
        assert_eq!(found("Bel Henk even terug op 020-1234567.", Person), ["Henk"]);
        assert!(found("Aan: Info Gemeente Utrecht", Person).is_empty());
        assert_eq!(found("Van: Piet Jansen\nCC: Info Gemeente", Person), ["Piet Jansen"]);
    }

    /// Heirs and the late are named by the surname after `erven` and `wijlen`.
    #[test]
    fn heirs_and_the_late() {
        assert_eq!(found("Erven Pieters hebben bezwaar gemaakt.", Person), ["Pieters"]);
        assert_eq!(found("De erven Pieters hebben bezwaar gemaakt.", Person), ["Pieters"]);
        assert_eq!(found("Wijlen Jan Pieters liet een testament na.", Person), ["Jan Pieters"]);
        for text in ["Op de erven van boerderijen staan schuren.", "De erven Noord en Zuid worden verkocht.", "Erven: zie bijlage 2."] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
    }

    /// A table's or an export's column header says what a cell holds: a name in a name column
    /// (also the last cell of a tab-separated row), a place in a place column.
    #[test]
    fn column_headers_name_names_and_places() {
        assert_eq!(found("Voornaam\tAchternaam\nPiet\tKowalczyk", Person), ["Piet", "Kowalczyk"]);
        assert_eq!(found("Achternaam\tVoornaam\nKowalczyk\tPiet", Person), ["Kowalczyk", "Piet"]);
        assert_eq!(found("Naam;Adres;Woonplaats\nAnna de Wit;Dorpsweg 2;Heino", Person), ["Anna de Wit"]);
        assert_eq!(found("naam,adres,plaats\nPiet Bakker,Kerkstraat 1,Heino", Person), ["Piet Bakker"]);
        assert_eq!(found("| Naam | Plaats |\n|---|---|\n| Heino | Heino |", Person), ["Heino"]);
        // The header of another column decides nothing.
        assert_eq!(found("Naam;Woonplaats\nHeino Bakker;Utrecht", Person), ["Heino Bakker"]);
        assert_eq!(found("woonplaats,naam\nHeino,Heino de Vries", Person), ["Heino de Vries"]);
        // Without a header row a last cell is no name by position alone.
        assert!(found("Opmerking\tGeen\nStatus\tKowalczyk", Person).is_empty());
    }

    /// Initials written without dots, in signatures, minutes and lists of those present.
    #[test]
    fn initials_without_dots() {
        assert_eq!(found("JW de Boer belde.", Person), ["JW de Boer"]);
        assert_eq!(found("Gesprek met A de Vries en PJ Bakker.", Person), ["A de Vries", "PJ Bakker"]);
        assert_eq!(found("Met vriendelijke groet,\nJW de Boer\nTeamleider Wonen", Person), ["JW de Boer"]);
        assert_eq!(found("Aanwezig: PJ Bakker, M van der Meer, A Yilmaz", Person), ["PJ Bakker", "M van der Meer", "A Yilmaz"]);
        assert_eq!(found("AFZENDER: PJ Bakker", Person), ["PJ Bakker"]);
        assert_eq!(found("Wethouder PJ de Vries opende.", Person), ["PJ de Vries"]);
        // Double surnames.
        assert_eq!(found("PJ de Groot-van der Meer belde", Person), ["PJ de Groot-van der Meer"]);
        assert_eq!(found("PJ Bakker-de Vries belde", Person), ["PJ Bakker-de Vries"]);
        assert_eq!(found("PJ Bakker-Jansen belde", Person), ["PJ Bakker-Jansen"]);
        // Abbreviations, labels' letters and headings are no initials.
        for text in [
            "De VOG van Bakker is geweigerd.",
            "De MR van Bakker werd besproken.",
            "HR in Zwolle belde.",
            "NS Stations en HR Bakker",
            "ICT de Kamer",
            "Plan B van Rutte werd afgewezen.",
            "Optie A van Jansen.",
            "Bijlage A de Vries",
            "Klasse B de Vries",
            "Vitamine D Bakker",
            "VZ de Jong opende de vergadering.",
            "TOELICHTING OP HET PLAN B van de gemeente",
            "EU van der Leyen",
            // An unlisted word after the letters alone, and a trade name.
            "Volgens JW Kromhoutsma is het rond.",
            "JW de Boer Installatietechniek B.V.",
        ] {
            assert!(found(text, Person).is_empty(), "{text}");
        }
    }

    #[test]
    fn not_initials_is_sorted() {
        assert!(super::NOT_INITIALS.windows(2).all(|w| w[0] < w[1]));
    }

    /// The `'t` of a surname found alone; a family named by a listed surname, not a programme.
    #[test]
    fn a_family_and_apostrophe_t() {
        assert_eq!(found("het gezin Kramer is verhuisd.", Person), ["Kramer"]);
        assert!(found("Gezin Centraal is een programma.", Person).is_empty());
        assert!(found("Zij deed mee aan het gezin Centraal traject.", Person).is_empty());
        assert_eq!(found("Aanwezig: 't Hart, Jansen en Bakker.", Person), ["'t Hart", "Jansen", "Bakker"]);
        assert_eq!(found("Mevrouw 't Hart is ziek.", Person), ["'t Hart"]);
        assert!(found("In 't Hart van de stad ligt het plein.", Person).is_empty());
    }

    /// Unlisted surnames where their context says so: after a capitalised `Van` mid-sentence
    /// (also after `Casus`), after initials without dots opening a line; a listed one after
    /// `casus`.
    #[test]
    fn unlisted_surnames_after_van_casus_and_initials() {
        assert_eq!(found("Ik sprak met Van Lommerzeel over de schuld.", Person), ["Van Lommerzeel"]);
        assert_eq!(found("3. Casus Van Lommerzeel (dossier SHV-25-0347)", Person), ["Van Lommerzeel"]);
        assert_eq!(found("2. casus Jansen besproken", Person), ["Jansen"]);
        assert!(found("De casus Schiphol werd besproken.", Person).is_empty());
        assert!(found("Casus Brandweer", Person).is_empty());
        assert_eq!(found("JW van ’t Hof belde", Person), ["JW van ’t Hof"]);
        // A hyphen's tussenvoegsels without a second surname are no part of a name.
        assert!(found("Jan Kerkhof, PJ Bakker-van de gemeente", Person).iter().all(|n| !n.ends_with("van de")));
        assert!(found("ZOË JW de Boer", Person).is_empty());
        assert_eq!(found("  JW Bakkenist, 078-6137726", Person), ["JW Bakkenist"]);
        // Not a place, organisation or word after `Van`, nor `De` before an unlisted word.
        for text in [
            "We gaan naar Van der Valk in Houten.",
            "Het Van Abbemuseum is open.",
            "We rijden naar De Kuip.",
            "HR Bakkenist",
            "PS Vergeet niet te bellen",
        ] {
            assert!(found(text, Person).is_empty(), "{text}");
        }
    }

    /// Schools and shops named after people, the cells of a per-person table that hold no name,
    /// nationalities and places in an enumeration.
    #[test]
    fn schools_shops_table_rows_nationalities_and_places() {
        for text in [
            "Op school (OBS Prins Willem-Alexander) gaat het wisselend.",
            "Hij zit op basisschool Jan Ligthart in groep 5.",
            "| Omar Al-Hassan | 14/11/2016 | Dr. Nolensschool, groep 5 |",
            "winkeldiefstal in de Toko Minh. Melder was de eigenaar.",
            "If it helps, our German account is still open.",
            "de ervaringen van de gemeenten Goes en Bergen.",
        ] {
            let names = found(text, Person);
            assert!(names.iter().all(|n| n.starts_with("Omar")), "{text}: {names:?}");
        }
        let table = "| gegeven | aanvrager | partner |\n|---|---|---|\n| naam | Khaled Al-Hassan | Rama Haddad |\n| nationaliteit | Syrisch | Syrisch |";
        assert_eq!(found(table, Person), ["Khaled Al-Hassan", "Rama Haddad"]);
        let indented = "  | gegeven | aanvrager |\n  |---|---|\n  | Naam: | Khaled Al-Hassan |\n  | Nationaliteit: | Syrisch |";
        assert_eq!(found(indented, Person), ["Khaled Al-Hassan"]);
        // A cell under a role is still a name where the row holds names.
        assert_eq!(found("| actie | wie |\n|---|---|\n| bellen | Jansen |", Person), ["Jansen"]);
        assert_eq!(found("Dr. Verschoor belde.", Person), ["Verschoor"]);
    }

    /// Vietnamese names (surname, middle name, given name; `Van` there is no tussenvoegsel) and
    /// desks in a mail header.
    #[test]
    fn vietnamese_names_and_desks() {
        assert_eq!(found("Nguyen Van An woont sinds 2019 in Rotterdam.", Person), ["Nguyen Van An"]);
        assert_eq!(found("Nguyễn Thị Lan belde.", Person), ["Nguyễn Thị Lan"]);
        assert_eq!(found("Pham Thi Mai en Le Van Hung kwamen.", Person), ["Pham Thi Mai", "Le Van Hung"]);
        assert!(found("Jansen Van Dijk Transport", Person).is_empty());
        assert!(found("Ze woont aan de Willem Van Oranjelaan.", Person).is_empty());
        assert!(found("Handelsnaam: Jansen Van Dijk", Person).is_empty());
        assert_eq!(found("Van: Ilse Bakker-de Graaf\nAan: Wmo-loket", Person), ["Ilse Bakker-de Graaf"]);
        assert!(found("Aan: Zorgloket Utrecht", Person).is_empty());
        assert_eq!(found("Aan: Jansen", Person), ["Jansen"]);
    }

    /// A chat export's reversed display name before its time (not a log line's component).
    #[test]
    fn chat_speakers_the_gazetteer_lacks() {
        assert_eq!(
            found("Gebremariam, Yohannes  09:31\nIk kan haar maandag zien.\nIk vraag het Gebremariam, die is haar arts.", Person),
            ["Gebremariam, Yohannes", "Gebremariam"]
        );
        for text in ["10:02 Firewall: verbinding geblokkeerd", "[10:02:11] Kernel: out of memory", "[10:00] Besluit: akkoord"] {
            assert!(found(text, Person).is_empty(), "{text}");
        }
    }

    /// Abbreviated tussenvoegsels (`v.d.`, `v/d`, `vd`, `v.`), not `v.` before a number.
    #[test]
    fn abbreviated_tussenvoegsels() {
        assert_eq!(found("Gesprek met Sander v.d. Heuvel over de aanvraag.", Person), ["Sander v.d. Heuvel"]);
        assert_eq!(found("J. v.d. Berg belde.", Person), ["J. v.d. Berg"]);
        assert_eq!(found("Jan v. Dijk is ziek.", Person), ["Jan v. Dijk"]);
        assert_eq!(found("A.M. v/d Berg", Person), ["A.M. v/d Berg"]);
        assert_eq!(found("Kees vd Berg belde.", Person), ["Kees vd Berg"]);
        assert_eq!(found("JW v.d. Berg belde.", Person), ["JW v.d. Berg"]);
        for text in ["Zie pagina 3 v. 10 van het rapport.", "De wet v. 2019 is van kracht."] {
            assert!(found(text, Person).is_empty(), "{text}");
        }
    }

    /// Names read again after a name found elsewhere, where the names of the main pass overlap
    /// (`Gro P.` and `P. MEE`; found by fuzzing when a lookup assumed they never do).
    #[test]
    fn names_read_again_among_overlapping_names() {
        assert_eq!(found("Gro P. MEE\nKem", Person), ["Gro P."]);
        assert_eq!(found("Jan Kromhoutsma belde.\nKromhoutsma, graag.\nGro P. MEE", Person)[0], "Jan Kromhoutsma");
    }

    /// Ambiguous given names as a chat's speakers after a time stamp; ensembles, residences,
    /// centres and firms of advice or law named after a person.
    #[test]
    fn chat_speakers_with_word_names_and_named_organisations() {
        assert_eq!(found("[08:02] Roos: Goedemorgen allemaal!", Person), ["Roos"]);
        assert_eq!(found("[08:06] Sterre: doe ik", Person), ["Sterre"]);
        assert!(found("Roos: zie bijlage", Person).is_empty());
        for text in [
            "Het programma wordt verzorgd door het Willem Kloos Ensemble en een zanger.",
            "het rentalcontract van de Rembrandt Residence op de Plesmanlaan",
            "To: Expat Centre Leiden",
            "opgesteld door Marleen Bruinsveld van Bruinsveld Evenementenadvies; zij komt ook",
            "bijgestaan door Bastiaan Vreeswijk (Vreeswijk Advocatuur)",
        ] {
            let names = found(text, Person);
            assert!(names.iter().all(|n| n.starts_with("Marleen") || n.starts_with("Bastiaan")), "{text}: {names:?}");
        }
    }
}
