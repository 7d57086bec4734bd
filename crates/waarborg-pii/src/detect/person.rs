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

use crate::lexicon::{is_common_word, is_first_name, is_surname, with_lower};
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
}

const MAX_TOKENS: usize = 10;

const TUSSENVOEGSELS: &[&str] = &[
    "van", "de", "der", "den", "het", "'t", "’t", "ten", "ter", "te", "in", "op", "aan", "uit",
    "la", "le", "du", "da", "di", "del", "della", "dos", "das", "do", "von", "vom", "zu", "zum",
    "vd", "v.d.", "d'",
];

/// Titles, forms of address, roles and salutations: a capitalised word after one of these is
/// a name. Lower case, without the trailing dot.
const TITLES: &[&str] = &[
    "dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "prof", "mej", "fam", "familie", "heer",
    "mevrouw", "meneer", "juffrouw", "mevrouw/meneer", "mrs", "ms", "miss", "sir", "madam", "dear",
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
    "mentor", "voogd",
];

/// Words that make a chain an organisation, not a person.
const ORGANISATION_WORDS: &[&str] = &[
    "gemeente", "stichting", "ministerie", "provincie", "vereniging", "fonds", "holding", "groep",
    "bouw", "advocaten", "notarissen", "bureau", "bank", "universiteit", "hogeschool",
    "ziekenhuis", "rechtbank", "raad", "college", "dienst", "belastingdienst", "politie", "partij",
    "museum", "school", "kerk", "centrum", "instituut", "academie", "coöperatie", "maatschap",
    "makelaardij", "installatietechniek", "transport", "consultancy", "services", "group",
    "company", "foundation", "bv", "nv", "vof", "zn", "zonen", "waterschap", "omgevingsdienst",
    "veiligheidsregio", "ggd", "uwv", "svb", "duo", "rdw", "kliniek", "apotheek", "praktijk",
    "huisartsenpraktijk", "woningcorporatie", "wonen", "woonstichting", "schoonmaak", "techniek",
    "administratie", "accountants", "adviseurs", "advies", "beheer", "media", "zorg", "thuiszorg",
    "kinderopvang", "zorggroep", "hotel", "restaurant", "café", "winkel", "supermarkt",
    "garage", "autobedrijf", "bakkerij", "slagerij", "tweewielers", "fietsen", "club",
    "sportclub", "voetbalvereniging", "arena", "stadion", "plein", "park", "bos", "meer",
    "kanaal", "rivier", "polder", "haven", "station", "airport", "luchthaven", "brug", "tunnel",
];

const STREET_SUFFIXES: &[&str] = &[
    "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "dreef", "steeg",
    "markt", "burgwal", "plantsoen", "boulevard", "allee", "park", "baan",
];

const MULTI_LETTER_INITIALS: &[&str] = &[
    "Th", "Chr", "Ph", "Joh", "Wm", "Fr", "Jac", "Ant", "Corn", "Hub", "Jos", "Gerh", "Hendr",
    "Ch", "IJ", "Ij", "Wil", "Alb", "Herm", "Jas", "Mich", "Nic", "Petr",
];

/// Finds names in `t`, appending to `out`.
pub(crate) fn detect(t: &Text<'_>, out: &mut Vec<NameHit>) {
    let b = t.bytes;
    let n = b.len();
    let mut i = 0;
    while i < n {
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
        match chain_at(t, i) {
            Some((hit, next)) => {
                i = next.max(i + 1);
                if let Some(hit) = hit {
                    out.push(hit);
                }
            }
            None => i = word_end(t, i).max(i + 1),
        }
    }
}

/// Whether a word can start at `i`: nothing name-like or address-like glued to its left.
fn starts_word(t: &Text<'_>, i: usize) -> bool {
    match t.char_before(i) {
        None => true,
        Some(c) => !(c.is_alphanumeric() || matches!(c, '@' | '_' | '/' | '\\' | '.' | '-' | '\'' | '’')),
    }
}

/// End of the word starting at `i`: letters, with `-` or `'` inside when a letter follows.
fn word_end(t: &Text<'_>, i: usize) -> usize {
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

/// Reads the chain of name-like tokens at `i` and decides whether it is a name. Returns the
/// hit (if any) and where scanning continues.
fn chain_at(t: &Text<'_>, i: usize) -> Option<(Option<NameHit>, usize)> {
    let mut toks = [Tok { start: 0, end: 0, kind: Kind::Cap }; MAX_TOKENS];
    let mut len = 0;
    let mut pos = i;
    loop {
        let Some(tok) = read_token(t, pos, len == 0) else {
            break;
        };
        toks[len] = tok;
        len += 1;
        // Initials carry their own dot; the next token must follow one space later (or none
        // for `A.C.van`).
        let after = tok.end;
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
    let scan_next = toks[len - 1].end;
    Some((decide(t, toks), scan_next))
}

/// Reads one token at `pos`: initials, a capitalised word, a tussenvoegsel or a title.
fn read_token(t: &Text<'_>, pos: usize, first: bool) -> Option<Tok> {
    let b = t.bytes;
    let c = t.char_at(pos)?;
    // `'t` / `’t`
    if matches!(c, '\'' | '’') {
        let after = pos + c.len_utf8();
        if b.get(after) == Some(&b't') && t.right_boundary(after + 1) {
            return Some(Tok { start: pos, end: after + 1, kind: Kind::Tuss });
        }
        return None;
    }
    if !c.is_alphabetic() {
        return None;
    }
    // Initials: `A.`, `A.C.`, `M.A.M.`
    if c.is_uppercase() && b.get(pos + c.len_utf8()) == Some(&b'.') {
        let mut end = pos;
        loop {
            let Some(ch) = t.char_at(end) else { break };
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
        return Some(Tok { start: pos, end, kind: Kind::Initials });
    }
    let end = word_end(t, pos);
    if end == pos {
        return None;
    }
    let word = &t.str[pos..end];
    let dot = b.get(end) == Some(&b'.');
    if dot && MULTI_LETTER_INITIALS.contains(&word) {
        return Some(Tok { start: pos, end: end + 1, kind: Kind::Initials });
    }
    let kind = with_lower(word, |lower| {
        if TITLES.contains(&lower) && (first || c.is_uppercase()) {
            // A title token may carry its dot: `Dhr.`, `Mevr.`
            return Some(Kind::Title);
        }
        if TUSSENVOEGSELS.contains(&lower) {
            return Some(Kind::Tuss);
        }
        if c.is_uppercase() {
            // Words in capitals (`BSN`, `AVG`, `JANSEN`) are not read as names.
            let caps = word.chars().filter(|c| c.is_uppercase()).count();
            if caps >= 2 && caps == word.chars().filter(|c| c.is_alphabetic()).count() {
                return None;
            }
            return Some(Kind::Cap);
        }
        // `d'Ancona`, `l'Ami`: lower-case particle glued to a capitalised name.
        let mut cs = word.chars();
        if let (Some(_), Some('\'' | '’'), Some(n)) = (cs.next(), cs.next(), cs.next()) {
            if n.is_uppercase() {
                return Some(Kind::Cap);
            }
        }
        None
    })?;
    let end = if kind == Kind::Title && dot { end + 1 } else { end };
    Some(Tok { start: pos, end, kind })
}

fn decide(t: &Text<'_>, toks: &[Tok]) -> Option<NameHit> {
    let word = |tok: &Tok| &t.str[tok.start..tok.end];
    let mut context = title_before(t, toks[0].start);
    // Leading titles and capitalised common words (sentence starts, salutations) are context.
    let mut from = 0;
    while from < toks.len() {
        let tok = &toks[from];
        match tok.kind {
            Kind::Title => {
                context = true;
                from += 1;
            }
            Kind::Cap if with_lower(word(tok), is_common_word) && !is_first_name(word(tok)) => {
                from += 1;
            }
            _ => break,
        }
    }
    let mut toks = &toks[from..];
    // A name ends in a capitalised word or initials (reversed form handled below).
    while let Some(last) = toks.last() {
        if matches!(last.kind, Kind::Tuss | Kind::Title) {
            toks = &toks[..toks.len() - 1];
        } else {
            break;
        }
    }
    // Stop at a title or common word inside the chain (`Jan Gisteren`).
    if let Some(cut) = toks.iter().position(|tok| {
        tok.kind == Kind::Title
            || (tok.kind == Kind::Cap
                && with_lower(word(tok), is_common_word)
                && !is_surname(word(tok))
                && !is_first_name(word(tok)))
    }) {
        toks = &toks[..cut];
        while toks.last().is_some_and(|l| l.kind == Kind::Tuss) {
            toks = &toks[..toks.len() - 1];
        }
    }
    let first = toks.first()?;
    let last = toks.last()?;
    if is_organisation(t, toks) {
        return None;
    }
    let caps: Vec<&Tok> = toks.iter().filter(|tok| tok.kind == Kind::Cap).collect();
    let surname = caps.last().map(|tok| word(tok));
    if let Some(s) = surname {
        if looks_like_street(s) {
            return None;
        }
    }
    let range = first.start..last.end;

    // Reversed: `Vries, B. de` / `Jansen, A.C.`
    if toks.len() == 1 && first.kind == Kind::Cap {
        if let Some(end) = reversed_tail(t, last.end) {
            if context || is_surname(word(first)) || !with_lower(word(first), is_common_word) {
                return Some(NameHit { range: first.start..end, score: 0.85 });
            }
        }
    }
    match first.kind {
        Kind::Initials => {
            let s = surname?;
            if !with_lower(s, is_common_word) || is_surname(s) {
                return Some(NameHit { range, score: if context { 0.95 } else { 0.85 } });
            }
            None
        }
        Kind::Cap if is_first_name(word(first)) => {
            let known_surname = surname.is_some_and(is_surname);
            let score = match (toks.len(), context || known_surname) {
                (1, false) => 0.6,
                (1, true) => 0.85,
                (_, false) => 0.85,
                (_, true) => 0.95,
            };
            Some(NameHit { range, score })
        }
        _ if context => {
            let s = surname?;
            if is_surname(s) || !with_lower(s, is_common_word) {
                return Some(NameHit { range, score: 0.85 });
            }
            None
        }
        Kind::Cap if caps.len() >= 2 => {
            let s = surname?;
            (is_surname(s) && !with_lower(word(first), is_common_word))
                .then_some(NameHit { range, score: 0.7 })
        }
        _ => None,
    }
}

/// Whether the word before `start` (one space away) is a title, role or salutation.
fn title_before(t: &Text<'_>, start: usize) -> bool {
    let b = t.bytes;
    if start < 2 || !matches!(b[start - 1], b' ' | b'\n') {
        return false;
    }
    let mut end = start - 1;
    if end > 0 && b[end - 1] == b'.' {
        end -= 1;
    }
    let head = &t.str[..end];
    let word_start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '-')
        .last()
        .map_or(end, |(i, _)| i);
    if word_start == end {
        return false;
    }
    with_lower(&t.str[word_start..end], |w| TITLES.contains(&w))
}

/// `, B. de` / `, A.C.` after a surname: returns the end of the reversed form.
fn reversed_tail(t: &Text<'_>, end: usize) -> Option<usize> {
    let b = t.bytes;
    if b.get(end) != Some(&b',') || b.get(end + 1) != Some(&b' ') {
        return None;
    }
    let init = read_token(t, end + 2, false)?;
    if init.kind != Kind::Initials {
        return None;
    }
    let mut stop = init.end;
    let mut pos = init.end;
    while b.get(pos) == Some(&b' ') {
        match read_token(t, pos + 1, false) {
            Some(tok) if tok.kind == Kind::Tuss && t.char_at(tok.start).is_some_and(char::is_lowercase) => {
                stop = tok.end;
                pos = tok.end;
            }
            // `Utrecht, B. de Groot`: a normal name follows, not a reversed one.
            Some(tok) if tok.kind == Kind::Cap => return None,
            _ => break,
        }
    }
    Some(stop)
}

fn is_organisation(t: &Text<'_>, toks: &[Tok]) -> bool {
    let org_word = toks.iter().any(|tok| {
        tok.kind == Kind::Cap && with_lower(&t.str[tok.start..tok.end], |w| ORGANISATION_WORDS.contains(&w))
    });
    if org_word {
        return true;
    }
    // `… B.V.`, `… N.V.` as trailing initials, or an organisation word right after the chain.
    if let Some(last) = toks.last() {
        let w = &t.str[last.start..last.end];
        if last.kind == Kind::Initials && matches!(w, "B.V." | "N.V." | "V.O.F." | "C.V.") {
            return true;
        }
        let rest = &t.bytes[last.end..];
        for suffix in [" B.V.", " BV", " N.V.", " NV", " VOF", " v.o.f.", " & Zn", " & Zonen", " Holding", " Groep"] {
            if rest.starts_with(suffix.as_bytes()) {
                return true;
            }
        }
    }
    false
}

fn looks_like_street(word: &str) -> bool {
    with_lower(word, |w| {
        STREET_SUFFIXES.iter().any(|s| w.len() > s.len() + 1 && w.ends_with(s))
    }) && !is_surname(word)
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
        ] {
            assert_eq!(found(text, Person), [want], "{text}");
        }
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
        ] {
            assert!(found(text, Person).is_empty(), "{text}: {:?}", found(text, Person));
        }
    }
}
