//! What around a chain makes it a name though no word of it says so: a title, role or form label
//! before it (`dhr.`, `wethouder`, `Achternaam:`, `Geslachtsnaam .....`), a self-introduction
//! (`Mijn naam is Mo El Idrissi`), the line under a sign-off, a cell of a name column (and a cell
//! of a place column, which is none), a role in brackets after it (`Jansen (eiser)`), and the given
//! names or initials after a surname and its comma in a reversed form (`Vries, B. de`).

use super::{is_lower_tussenvoegsel, read_token, Kind};
use super::caps::{is_abbreviation, is_caps_word, is_form_of_address};
use super::words::{
    ABBREVIATED_TITLES, ABSTRACT_ENDINGS, ORGANISATION_ENDING_SET, PERSON_FIELD_LABELS, ROLE_ENDINGS,
    STREET_ENDINGS,
};
use crate::lexicon::with_lower;
use crate::text::Text;

/// `Voorletters: E.M.`, `Paraaf: CM`: the label of initials before `start`.
pub(super) fn initials_label_before(t: &Text<'_>, start: usize) -> bool {
    let head = t.str[..start].trim_end_matches([' ', '\t']);
    let Some(head) = head.strip_suffix(':') else { return false };
    let head = head.trim_end();
    let word = head.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    // (`Paraaf medewerker:`, `Paraaf behandelaar:`: a paraph's label of two words, the second a
    // person's role; not `Paraafstatus:`, `Paraaf afdeling:`.)
    // (The label's line, at most 256 bytes back: a long line is read once per candidate.)
    let from = head.len().saturating_sub(256);
    let from = (from..head.len()).find(|&i| head.is_char_boundary(i)).unwrap_or(head.len());
    let line = &head[from..];
    let line = line[line.rfind('\n').map_or(0, |p| p + 1)..].trim_start();
    let paraph_of = line.split_once(' ').is_some_and(|(first, role)| {
        first.eq_ignore_ascii_case("paraaf")
            && with_lower(role.trim(), |r| {
                matches!(r, "medewerker" | "behandelaar" | "beoordelaar" | "controleur" | "teamleider" | "leidinggevende" | "manager" | "consulent" | "opsteller")
            })
    });
    with_lower(word, |w| matches!(w, "voorletters" | "voorletter" | "initialen" | "initials" | "paraaf")) || paraph_of
}

/// Whether a name label and its colon (or dotted leader) stand right before `start`:
/// `Achternaam:`, `Geslachtsnaam ......`, `Voornamen :`, `Naam en voorletters:`,
/// `Surname(s):`, and who wrote or filed it (`Auteur:`, `Opgesteld door:`, `Indiener:`). Titles
/// and roles do not count here.
pub(super) fn name_label_before(t: &Text<'_>, start: usize) -> bool {
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
    let by_whom = || {
        // `Opgesteld door:`, `Behandeld door:`.
        let before = head[..word_start].trim_end_matches(' ');
        crate::text::ends_with_word(before.as_bytes(), &["opgesteld", "behandeld", "gemeld", "ingediend", "ondertekend", "written", "reported"])
    };
    with_lower(&head[word_start..], |w| {
        w.ends_with("naam")
            || w.ends_with("namen")
            || w.ends_with("name")
            || matches!(w, "voorletters" | "auteur" | "author" | "opsteller" | "indiener")
            || (matches!(w, "door" | "by") && by_whom())
    })
}

/// Contexts that make a chain a name where nothing else does, each rare: tussenvoegsels after
/// a name label, the line under a sign-off, a cell of a name column. Most chains are rejected
/// and pass here: the bytes around the chain settle them, and the readings proper stay out of
/// line.
#[inline]
///
/// Returns where the name starts: `start`, or the first tussenvoegsel after a name label.
pub(super) fn name_context(t: &Text<'_>, start: usize, end: usize, tokens: usize) -> Option<usize> {
    let b = t.bytes;
    let prev = if start > 0 { b[start - 1] } else { b'\n' };
    let next = b.get(end).copied();
    let tuss_before = start >= 4
        && prev == b' '
        && (matches!(&b[start - 3..start - 1], b"de" | b"te" | b"'t" | b"op")
            || matches!(&b[start - 4..start - 1], b"van" | b"der" | b"den" | b"ter" | b"ten" | b"het" | b"von"));
    let fills_line = prev == b'\n' && tokens >= 2 && matches!(next, None | Some(b'\n' | b'\r'));
    let cell_end = matches!(next, Some(b'|' | b'\t'))
        // (A `;`-separated export's field: `…;Thijmstraat 61;Nguyen Thi Diep;06-37 81 20 44;…`.)
        || (next == Some(b';') && matches!(prev, b';' | b'\n'))
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
    // A bullet under `Aanwezig:`: two or three unlisted words that fill it, up to a role in
    // brackets or a comma (`- Jeanira Aboikoni (voorzitter)`; not `- Openbaar Ministerie`,
    // `- Havensteder`).
    let attendee = || {
        (2..=3).contains(&tokens)
            && start >= 2
            && matches!(&b[start - 2..start], b"- " | b"* ")
            && (matches!(next, None | Some(b'\n' | b'\r' | b',')) || (next == Some(b' ') && b.get(end + 1) == Some(&b'(')))
            && t.str[start..end].split(' ').all(|w| {
                crate::lexicon::flags_of(w) & (crate::lexicon::COMMON | crate::lexicon::ORG | crate::lexicon::PLACE | crate::lexicon::TITLE) == 0
            })
            && bullet_under_attendance(b, start - 2)
    };
    // (The tests on a few bytes before the calls settle most chains: `relative_of_before` needs
    // ` van ` before the chain, `initials_as_actor` initials, `birth_after` `geb.`, `geboren` or
    // `born` after a space or `(`.)
    let rest = &b[end..];
    ((fills_line && signed_after_sign_off(t, start, end))
        || attendee()
        || (tokens <= 2 && start >= 5 && &b[start - 5..start] == b" van " && relative_of_before(t, start, end))
        || (tokens == 1 && is_initials_word(&b[start..end]) && initials_as_actor(t, start, end))
        || ((matches!(rest.get(1), Some(b'(' | b'g')) || matches!(rest.get(2), Some(b'g' | b'b'))) && birth_after(t, start, end))
        || (alone_on_line && signed_after_sign_off(t, start, end) && could_sign_alone(&t.str[start..end]))
        || (cell_end && in_name_column(t, start, end) && !article_inside(&t.str[start..end]))
        || (bracket_after && role_in_brackets_after(t, start, end))
        || (next == Some(b' ') && b.get(end + 1) == Some(&b'(') && child_with_age(t, start, end)))
    .then_some(start)
}

/// `Ik ben de moeder van Milouska`, `de vader van Xem`: one or two unlisted words after a
/// relative and `van` (not `de moeder van Zuid-Holland`: no place, organisation or common word).
#[inline(never)]
fn relative_of_before(t: &Text<'_>, start: usize, end: usize) -> bool {
    let b = t.bytes;
    let Some(head) = b[..start].strip_suffix(b" van ") else {
        return false;
    };
    // (Said of one's own relatives: `Ik ben de moeder van …`, `mijn tante van …`; not `de
    // vader van Pluk`, `de oma van Twente`, nor a guardian's organisation, `de voogd van Nidos`.)
    let relative = ["moeder", "vader", "zoon", "dochter", "broer", "zus", "oma", "opa", "tante", "oom"];
    let own = relative.iter().any(|r| {
        let Some(before) = head.strip_suffix(r.as_bytes()) else {
            return false;
        };
        let before = before.trim_ascii_end();
        crate::text::ends_with_word(before, &["ik ben de", "mijn", "is de", "ben de"])
    });
    own && !t.str[start..end].split(' ').any(|w| ["God", "Jezus", "Christus", "Mozes", "Allah", "Satan", "Boeddha"].contains(&w))
        && t.str[start..end].split(' ').all(|w| {
            w.bytes().all(|c| c.is_ascii_alphabetic() || c >= 0x80)
                && crate::lexicon::flags_of(w) & (crate::lexicon::COMMON | crate::lexicon::ORG | crate::lexicon::PLACE | crate::lexicon::TITLE) == 0
        })
}

/// `de kinderen Aram (10) en Hêvî (4)`, `zoon Filmon (7)`: a child named with its age in
/// brackets, after a word for a child (within 48 bytes before).
#[inline(never)]
fn child_with_age(t: &Text<'_>, start: usize, end: usize) -> bool {
    let b = t.bytes;
    let digits = b[end + 2..].iter().take(3).take_while(|c| c.is_ascii_digit()).count();
    (1..=2).contains(&digits)
        && b.get(end + 2 + digits) == Some(&b')')
        && t.str[start..end].split(' ').count() <= 2
        && t.str[start..end].split(' ').all(|w| crate::lexicon::flags_of(w) & (crate::lexicon::COMMON | crate::lexicon::ORG | crate::lexicon::PLACE) == 0)
        && {
            // Right after the word for a child, or after an earlier child and its age in the same
            // enumeration (`de kinderen Aram (10) en Hêvî (4)`; not `Aantal kinderen per wijk:
            // Lombok (12)`, `Het kind speelt bij Kampong (8)`).
            let head = t.bytes[..start].trim_ascii_end();
            crate::text::ends_with_word(head, CHILD_WORDS)
                || ((t.bytes[..start].ends_with(b") en ") || t.bytes[..start].ends_with(b"), "))
                    && t.before_has_word(start, 48, CHILD_WORDS)
                    && !t.bytes[start.saturating_sub(48)..start].contains(&b':'))
        }
}

/// Words for a child, before a child's name.
const CHILD_WORDS: &[&str] = &[
    "kinderen", "kind", "zoon", "dochter", "zonen", "dochters", "zoontje", "dochtertje", "broertje", "zusje", "kleinkind",
    "kleinkinderen", "tweeling",
];

/// `Moestuin Het Nijmeegse Veld`: a capitalised `Het` after a word other than `van` names a
/// thing (in a column of applicants, among the people).
fn article_inside(chain: &str) -> bool {
    let mut prev = "";
    chain.split(' ').any(|w| {
        let article = w == "Het" && !prev.eq_ignore_ascii_case("van") && !prev.is_empty();
        prev = w;
        article
    })
}

/// `Defne, geb. 03-04-2015`, `Filmon (geb. 2014)`: someone's date of birth right after the
/// chain; not a place (`Rotterdam, geboren …`).
fn birth_after(t: &Text<'_>, start: usize, end: usize) -> bool {
    let rest = &t.bytes[end..];
    // (Settled by two bytes for most chains.)
    if !(matches!(rest.get(1), Some(b'(' | b'g')) || matches!(rest.get(2), Some(b'g' | b'b'))) {
        return false;
    }
    [&b", geb."[..], b" (geb.", b" geb.", b", geboren ", b" (geboren ", b", born ", b" (born "].iter().any(|w| rest.starts_with(w))
        && t.str[start..end].split(' ').all(|w| crate::lexicon::flags_of(w) & (crate::lexicon::PLACE | crate::lexicon::ORG | crate::lexicon::COMMON) == 0)
}

/// `JvdB`, `HJS`, `LvRO`, `FtB`: a colleague's initials as minutes and action lists write them
/// (two to four capitals, or capitals around the lower-case letters of tussenvoegsels: `v`,
/// `d`, `t`, `e`, `n`, `r`, `l`, `a`).
pub(super) fn is_initials_word(word: &[u8]) -> bool {
    if !(2..=6).contains(&word.len()) || !word[0].is_ascii_uppercase() || !word[word.len() - 1].is_ascii_uppercase() {
        return false;
    }
    let capitals = word.iter().filter(|c| c.is_ascii_uppercase()).count();
    word.iter().all(|&c| c.is_ascii_uppercase() || matches!(c, b'v' | b'd' | b't' | b'e' | b'n' | b'r' | b'l' | b'a'))
        && (capitals == word.len() && word.len() <= 4 || capitals < word.len())
}

/// How far back the line of a candidate is looked for (bytes): a longer line is no list's or
/// table's, and the bound keeps a text of one long line linear.
const LINE_REACH: usize = 400;

/// Where the line holding `pos` starts, when that is at most [`LINE_REACH`] bytes back.
fn near_line_start(b: &[u8], pos: usize) -> Option<usize> {
    let from = pos.saturating_sub(LINE_REACH);
    match memchr::memrchr(b'\n', &b[from..pos]) {
        Some(p) => Some(from + p + 1),
        None => (from == 0).then_some(0),
    }
}

/// Whether the initials at `start..end` name who does something: in an action list's line
/// between its dashes (`- verzuim opvragen bij HR – LvRO – april`), in a `wie` column, or in
/// brackets after a role (`KCC-coördinator (RW):`). Not an abbreviation (`HR`, `ICT`, `PvdA`),
/// nor the acronym of the words before it (`Functionaris Gegevensbescherming (FG)`).
pub(super) fn initials_as_actor(t: &Text<'_>, start: usize, end: usize) -> bool {
    let b = t.bytes;
    // (Settled by the bytes around first: most words in capitals stand in running text.)
    let prev = b[..start].trim_ascii_end().last().copied();
    let next = b[end..].trim_ascii_start().first().copied();
    let placed = matches!(prev, Some(b'(' | b'|' | b'\t' | b'/' | b'-' | 0x93)) || matches!(next, Some(b'|' | b'\t' | b'/'));
    if !placed || !is_initials_word(&b[start..end]) || is_abbreviation(&t.str[start..end]) {
        return false;
    }
    if in_action_list(b, start, end) || bracketed_after_role(t, start, end) || signs_journal_entry(b, start, end) {
        return true;
    }
    // A cell may hold several (`| HJS / GR |`): the cell is the run of initials and slashes
    // (a few of them: a cell holds no list of hundreds).
    let (mut cell_start, mut cell_end) = (start, end);
    for _ in 0..4 {
        if cell_start < 3 || !b[..cell_start].ends_with(b" / ") {
            break;
        }
        let word_start = cell_start - 3 - b[..cell_start - 3].iter().rev().take(7).take_while(|c| c.is_ascii_alphabetic()).count();
        if !is_initials_word(&b[word_start..cell_start - 3]) {
            break;
        }
        cell_start = word_start;
    }
    for _ in 0..4 {
        if !b[cell_end..].starts_with(b" / ") {
            break;
        }
        let word_end = cell_end + 3 + b[cell_end + 3..].iter().take(7).take_while(|c| c.is_ascii_alphabetic()).count();
        if !is_initials_word(&b[cell_end + 3..word_end]) {
            break;
        }
        cell_end = word_end;
    }
    // Only a cell with its borders right around it, on a line of a table's width.
    let border = |c: Option<&u8>| matches!(c, None | Some(b'|' | b'\t' | b'\n' | b'\r'));
    border(b[..cell_start].trim_ascii_end().last())
        && border(b[cell_end..].trim_ascii_start().first())
        && near_line_start(b, cell_start).is_some()
        && in_name_column(t, cell_start, cell_end)
}

/// `04-03-2025 – MvdB`: a case journal's entry opens with its date and the writer's initials,
/// alone on the line.
fn signs_journal_entry(b: &[u8], start: usize, end: usize) -> bool {
    if !matches!(b.get(end), None | Some(b'\n' | b'\r')) {
        return false;
    }
    let Some(line_start) = near_line_start(b, start) else {
        return false;
    };
    let head = &b[line_start..start];
    let Some(date) = [&b" \xE2\x80\x93 "[..], b" - ", b" | ", b": "].iter().find_map(|d| head.strip_suffix(*d)) else {
        return false;
    };
    // dd-mm-yyyy, dd-mm-yy, d/m/yyyy, yyyy-mm-dd
    let digits = date.iter().filter(|c| c.is_ascii_digit()).count();
    (6..=8).contains(&digits) && date.len() <= 10 && date.iter().all(|&c| c.is_ascii_digit() || matches!(c, b'-' | b'/' | b'.'))
}

/// `- uitsplitsing verzuim opvragen bij HR – LvRO – april`, `- verlichting – RT via facilitair`:
/// between dashes (or after a slash: `PN / FtB`) on a bulleted line under a heading `Actie`,
/// `Acties`, `Actiepunten` or `Actielijst`.
fn in_action_list(b: &[u8], start: usize, end: usize) -> bool {
    let dash_before = [&b"\xE2\x80\x93 "[..], b" - ", b" / "].iter().any(|d| b[..start].ends_with(d));
    let rest = &b[end..];
    let after = rest.is_empty()
        || [&b" \xE2\x80\x93"[..], b" - ", b" / ", b" via ", b" (", b"\n", b"\r", b","].iter().any(|d| rest.starts_with(d));
    if !dash_before || !after {
        return false;
    }
    let Some(line_start) = near_line_start(b, start) else {
        return false;
    };
    let line = b[line_start..start].trim_ascii_start();
    let bulleted = line.starts_with(b"- ")
        || line.starts_with(b"* ")
        || line.starts_with("• ".as_bytes())
        || line.starts_with("– ".as_bytes())
        || (line.first().is_some_and(u8::is_ascii_digit) && line.iter().take(4).any(|&c| c == b'.' || c == b')'));
    if !bulleted {
        return false;
    }
    // The heading within the twelve lines above (each of a list's width).
    let mut at = line_start;
    for _ in 0..12 {
        if at == 0 {
            return false;
        }
        let Some(prev_start) = near_line_start(b, at - 1) else {
            return false;
        };
        let prev = b[prev_start..at - 1].trim_ascii();
        let prev = prev.strip_suffix(b":").unwrap_or(prev);
        if [&b"actie"[..], b"acties", b"actiepunten", b"actielijst", b"actiepunt"].iter().any(|h| prev.eq_ignore_ascii_case(h)) {
            return true;
        }
        at = prev_start;
    }
    false
}

/// `KCC-coördinator (RW):`: initials alone in brackets right after a role, which are not the
/// role's own acronym (`Functionaris Gegevensbescherming (FG)`).
fn bracketed_after_role(t: &Text<'_>, start: usize, end: usize) -> bool {
    let b = t.bytes;
    if start < 3 || b[start - 1] != b'(' || b.get(end) != Some(&b')') || b[start - 2] != b' ' {
        return false;
    }
    let head = &t.str[..start - 2];
    let role = head.rsplit([' ', '\n', '-']).next().unwrap_or_default();
    // (After a councillor or an MP the brackets hold a party: `raadslid (PvdA)`.)
    let is_role = !role.is_empty()
        && with_lower(role, |r| {
            (crate::lexicon::flags_of(r) & crate::lexicon::TITLE != 0 || ROLE_ENDINGS.matches_word(r, 0))
                && !matches!(r, "raadslid" | "kamerlid" | "wethouder" | "fractievoorzitter" | "statenlid" | "gedeputeerde" | "minister" | "staatssecretaris")
        })
        && !PARTIES.iter().any(|p| p.eq_ignore_ascii_case(&t.str[start..end]));
    // The acronym of the words before: their first letters are the initials, last word last.
    let letters = &b[start..end];
    let firsts = head.split([' ', '-']).filter(|w| !w.is_empty()).rev().take(letters.len()).map(|w| w.as_bytes()[0]);
    let acronym = firsts.clone().count() == letters.len() && firsts.zip(letters.iter().rev()).all(|(w, l)| w.eq_ignore_ascii_case(l));
    is_role && !acronym
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
    let Some(close) = t.bytes[end + 2..].iter().take(40).position(|&c| c == b')') else {
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
    if f & crate::lexicon::SURNAME != 0
        && f & (crate::lexicon::ORG | crate::lexicon::TITLE | crate::lexicon::PLACE) == 0
        && (lower_role || party)
    {
        return true;
    }
    // `Jeanira Aboikoni (voorzitter, bewonerscommissie)`, `Shurmaily Godett (notulen)`: two or
    // three unlisted words before a role only a person holds (no party to a case, which a
    // company may be), the first item in the brackets.
    let words = t.str[start..end].split(' ').count();
    let role = role.split(',').next().unwrap_or_default().trim();
    // (At a line's start, or after a journal's date and dash: `02-03-2027 – Waldo Pawirodikromo
    // (vervanging)`; not an agenda's item, `2. Financieel Jaarverslag (penningmeester)`, nor
    // mid-sentence, `Verslag via Microsoft Teams (notulen)`.)
    let head = &t.bytes[..start];
    let line_start = head.is_empty() || head.ends_with(b"\n") || {
        let line = &head[head.len().saturating_sub(24)..];
        let line = &line[memchr::memrchr(b'\n', line).map_or(0, |i| i + 1)..];
        (line.ends_with("– ".as_bytes()) || line.ends_with(b"- ")) && line.first().is_some_and(u8::is_ascii_digit) && line.contains(&b'-')
    };
    line_start
        && (2..=3).contains(&words)
        && role.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
        && t.str[start..end].split(' ').all(|w| {
            crate::lexicon::flags_of(w) & (crate::lexicon::ORG | crate::lexicon::TITLE | crate::lexicon::PLACE | crate::lexicon::COMMON) == 0
        })
        && with_lower(role, |r| {
            PERSONS_ROLES.contains(&r)
                || (!r.contains(' ') && (crate::lexicon::flags_of(r) & crate::lexicon::TITLE != 0 || ROLE_ENDINGS.matches_word(r, 1)))
        })
}

/// Roles in brackets after a name that only a person holds in minutes and reports.
const PERSONS_ROLES: &[&str] = &[
    "vader", "moeder", "notulist", "notuliste", "notulen", "verslag", "voorzitter", "secretaris", "getuige",
    "verdachte", "slachtoffer", "tolk", "cliënt", "client", "werknemer", "vervanging", "wijkagent",
    "mantelzorger", "buurman", "buurvrouw", "oom", "tante", "opa", "oma", "zoon", "dochter", "broer", "zus",
    "echtgenoot", "echtgenote",
];

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

/// `| Yilmaz | Ayse |` under `| Achternaam | Voornaam |`, tab-separated alike: a table cell in a
/// column whose header is a name label or a person's role (`| behandelaar |`, `| afzender |`).
#[inline(never)]
fn in_name_column(t: &Text<'_>, start: usize, end: usize) -> bool {
    let header = t.column_header(start, end, b"|\t;").is_some_and(|cell| {
        // (`Ouder(s)/verzorger(s)`: each of the header's words.)
        cell.trim().trim_end_matches(':').split('/').any(|part| {
            with_lower(part.trim().trim_end_matches("(s)"), |w| {
                ((w.ends_with("naam") || w.ends_with("namen") || w.ends_with("name")) && !names_a_things_name(w))
                    || w == "voorletters"
                    || PERSON_FIELD_LABELS.contains(&w)
                    || PERSON_COLUMNS.contains(&w)
            })
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
const PERSON_COLUMNS: &[&str] = &[
    "afzender", "ontvanger", "geadresseerde", "auteur", "opsteller", "actiehouder", "wie", "leerling", "ouders",
    "verzorger",
];

/// `Projectnaam`, `Bedrijfsnaam`, `Schoolnaam`: a header for the name of a thing.
fn names_a_things_name(header: &str) -> bool {
    [
        "project", "bedrijf", "school", "organisatie", "straat", "product", "team", "locatie", "gebouw", "vereniging",
        "stichting", "instelling", "bestand", "document", "plaats", "wijk", "buurt", "gemeente", "zaak", "activiteit",
        "evenement", "club", "merk", "handels", "domein", "gebruikers", "groep", "account", "server", "host", "app",
    ]
    .iter()
    .any(|p| header.starts_with(p))
}

/// Whether a separator or a line end follows `end`, perhaps after spaces (cheap: most chains
/// are followed by a space and a word).
#[inline(always)]
pub(super) fn could_end_a_cell(b: &[u8], end: usize) -> bool {
    let mut after = end;
    while b.get(after) == Some(&b' ') {
        after += 1;
    }
    matches!(b.get(after), None | Some(b'|' | b'\t' | b';' | b',' | b'\n' | b'\r'))
}

/// `Anna de Wit;Dorpsweg 2;Heino` under `Naam;Adres;Woonplaats`: a field in a column whose
/// header names a place, so the place, though `Heino` is a listed name.
#[inline(never)]
pub(super) fn in_place_column(t: &Text<'_>, start: usize, end: usize) -> bool {
    t.column_header(start, end, b"|\t;,").is_some_and(|cell| {
        let cell = cell.trim().trim_end_matches(':');
        let cell = cell.strip_prefix('"').and_then(|c| c.strip_suffix('"')).unwrap_or(cell);
        with_lower(cell, |w| {
            w.ends_with("plaats") || ["stad", "gemeente", "city", "town", "place", "land", "country", "provincie"].contains(&w)
        })
    })
}

/// Whether a form of address (`Geachte mevrouw`, `dhr.`) or a surname label (`Achternaam:`)
/// stands right before `start`. For rare decisions only: it reads the word before.
pub(super) fn personal_title_before(t: &Text<'_>, start: usize) -> bool {
    if name_label_before(t, start) {
        return true;
    }
    let head = t.str[..start].trim_end();
    let head = head.strip_suffix('.').unwrap_or(head);
    let word = head.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    is_form_of_address(word)
}

/// Whether the word before `start` is a title, role, salutation or form label: `dhr.`,
/// `wethouder`, `Beste`, `Commissiegriffier:`, `Voornamen:`, `Van:`.
pub(super) fn title_before(t: &Text<'_>, start: usize) -> bool {
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
    // `beter bekend als Ben`, `een man genaamd Kwabena`, `alias Jojo`: what a person is called.
    if !colon && !dot && known_as(b, word_start, word) {
        return true;
    }
    crate::lexicon::is_title(word) || ROLE_ENDINGS.matches_word(word, 1) || (colon && form_label(word))
}

/// Whether `word` is the label of a name field before its colon: one that ends in `naam`,
/// `namen` or `name`, or one of [`FORM_LABELS`], in any case.
fn form_label(word: &str) -> bool {
    let label = |w: &str| w.ends_with("naam") || w.ends_with("namen") || w.ends_with("name") || FORM_LABELS.contains(&w);
    let b = word.as_bytes();
    if !b.is_ascii() {
        return with_lower(word, label);
    }
    // (ASCII: compared in place, without a lower-cased copy.)
    let ends = |e: &[u8]| b.len() >= e.len() && b[b.len() - e.len()..].eq_ignore_ascii_case(e);
    ends(b"naam") || ends(b"namen") || ends(b"name") || FORM_LABELS.iter().any(|l| l.as_bytes().eq_ignore_ascii_case(b))
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
        // Or a role: `De EHBO-coördinator is Kewal Madho`, `de contactpersoon is …`.
        let role_start = head.iter().rposition(|c| !(c.is_ascii_alphabetic() || *c >= 0x80 || *c == b'-')).map_or(0, |i| i + 1);
        let role = std::str::from_utf8(&head[role_start..]).unwrap_or_default();
        return (ends_with_word(head, &["naam", "name"]) && possessive_before(head, head.len() - 4))
            || (role.len() >= 6 && ROLE_ENDINGS.matches_word(role, 1) && !organisation_follows(b, word_start + 3));
    }
    ends_with_word(
        head,
        &["ik", "hij", "zij", "ze", "zoon", "dochter", "vader", "moeder", "man", "vrouw", "broer", "zus", "partner"],
    )
}

/// Whether one of the (at most four) capitalised words from `at` on names an organisation:
/// `De ketenregisseur is Lokaal Team Zuid`.
fn organisation_follows(b: &[u8], at: usize) -> bool {
    let rest = &b[at.min(b.len())..b.len().min(at + 64)];
    rest.split(|&c| c == b' ')
        .take(4)
        .take_while(|w| w.first().is_some_and(|c| c.is_ascii_uppercase() || *c >= 0x80))
        .any(|w| {
            let w = w.strip_suffix(b".").or_else(|| w.strip_suffix(b",")).unwrap_or(w);
            std::str::from_utf8(w).is_ok_and(|w| crate::lexicon::flags_of(w) & crate::lexicon::ORG != 0)
        })
}

/// Whether a possessive (`mijn`, `zijn`, `haar`, `my`, `his`, `her`, `your`, `uw`) and a space
/// stand right before `start`.
pub(super) fn possessive_before(b: &[u8], start: usize) -> bool {
    b[..start]
        .strip_suffix(b" ")
        .is_some_and(|head| crate::text::ends_with_word(head, &["mijn", "zijn", "haar", "my", "his", "her", "your", "uw"]))
}

/// Whether `ik ben ` (any case) stands right before `start`, as a phrase of its own.
#[inline(never)]
pub(super) fn after_ik_ben(b: &[u8], start: usize) -> bool {
    crate::text::ends_with_word(&b[..start], &["ik ben "])
}

/// Whether `word`, starting at `word_start`, says what a person is called: `genaamd`, `alias`,
/// `bekend als`, `known as` (not `kadastraal bekend als`).
#[inline(never)]
fn known_as(b: &[u8], word_start: usize, word: &str) -> bool {
    let head = b[..word_start].trim_ascii_end();
    matches!(word, "genaamd" | "alias" | "aka")
        || (matches!(word, "als" | "as")
            && crate::text::ends_with_word(head, &["bekend", "known"])
            // (`kadastraal bekend als Vlietmonde sectie K`: a parcel's municipality.)
            && !crate::text::ends_with_word(head, &["kadastraal bekend"]))
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

/// Labels in forms and mail headers that precede a name after a colon.
const FORM_LABELS: &[&str] = &[
    "van", "aan", "cc", "bcc", "door", "namens", "from", "to", "name", "aanvrager", "melder",
    "behandeld", "ondertekend", "getuige", "eigenaar", "houder", "bestuurder", "gemachtigde",
    // Attendance lists in minutes: `De leden: Van den Akker (CDA), …`, `Wethouders: Van Rooij,
    // …`, `Afwezig met kennisgeving: Roovers`; and `Naam en voorletters: …`.
    "aanwezig", "afwezig", "kennisgeving", "leden", "raadsleden", "wethouders", "deelnemers",
    "voorletters", "afgemeld", "verhinderd", "afmeldingen",
    // The interpreter of a hearing (`Tolk: Hiba Al Hamwi`; but `een tolk Tigrinya`).
    "tolk",
    // Who wrote the minutes (`Verslaglegging: Ravèl Ticoalu`; not `Verslag:`, which a
    // meeting's title follows).
    "verslaglegging",
];

/// Whether the bullet at `dash` (`- ` or `* ` starting its line) is an item of a list of who
/// attended: the nearest line above that is no bullet is `Aanwezig`, `Afwezig met bericht:`,
/// `Deelnemers:` and the like (at most 24 lines up).
#[inline(never)]
fn bullet_under_attendance(b: &[u8], dash: usize) -> bool {
    if dash > 0 && b[dash - 1] != b'\n' {
        return false;
    }
    let mut end = dash;
    for _ in 0..24 {
        if end == 0 {
            return false;
        }
        let line_end = end - 1;
        let line_start = memchr::memrchr(b'\n', &b[..line_end]).map_or(0, |i| i + 1);
        let line = b[line_start..line_end].trim_ascii();
        end = line_start;
        if line.starts_with(b"- ") || line.starts_with(b"* ") {
            continue;
        }
        let label = line.strip_suffix(b":").unwrap_or(line).trim_ascii_end();
        let lower = String::from_utf8_lossy(label).to_lowercase();
        return label.len() <= 40
            && ATTENDANCE_HEADERS.iter().any(|h| lower == *h || (lower.starts_with(h) && lower[h.len()..].starts_with(' ')));
    }
    false
}

/// Headers of the lists of who attended a meeting.
const ATTENDANCE_HEADERS: &[&str] = &[
    "aanwezig", "aanwezigen", "afwezig", "deelnemers", "genodigden", "present", "attendees", "absent",
    "afgemeld", "afmeldingen", "verhinderd",
];

/// What follows a surname and `, `.
#[derive(Debug, PartialEq)]
pub(super) enum Tail {
    /// `, B. de` / `, A.C.` / `, Hendrik de` / `, Maria Johanna`: the end of the reversed form,
    /// and whether it had initials.
    Reversed { end: usize, with_initials: bool },
    /// `, Priya Ramdin` / `, B. de Groot`: a name of its own (a list), not the rest of this one.
    FullNameAfter,
    None,
}

/// Reads what follows a surname at `end`: a reversed form's given names or initials, the next
/// name in a list, or neither.
pub(super) fn reversed_tail(t: &Text<'_>, end: usize) -> Tail {
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

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::Person;

    #[test]
    fn abbreviated_titles_are_at_most_four_bytes() {
        // `title_before` compares only words of up to four bytes before a dot.
        assert!(super::ABBREVIATED_TITLES.iter().all(|w| w.len() <= 4));
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
}
