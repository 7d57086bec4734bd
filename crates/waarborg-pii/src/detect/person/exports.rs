//! Names that a document's layout gives away rather than its words: the speakers of a chat
//! export (`12-03-2027 21:06 - Henk Buurman: ja`) and the initials a list of attendees defines
//! for its people (`Katarzyna Wójcik (KW) – projectleider`, later `KW licht de planning toe`).

use super::{index_names, overlaps_indexed, NameHit};
use crate::text::{line_end_within, line_start_within, Text};
use std::ops::Range;

/// Who speaks in a chat without being a person.
const CHAT_ROLES: &[&str] = &[
    "klant", "bezoeker", "burger", "inwoner", "medewerker", "systeem", "bot", "chatbot", "assistent", "operator", "agent",
    "gebruiker", "user", "visitor", "customer", "system", "gemeente", "klantcontact", "klantenservice", "servicedesk",
    "helpdesk", "team", "afdeling", "wijkteam", "loket", "info",
];

/// The most initials one text defines (a list of attendees is short).
const MAX_DEFINED: usize = 32;

/// `Oluwaseun Adeyemi (OA)`: initials in brackets right after a name, made of the first letters
/// of its capitalised words (`Eefje Brouwer-Tan (EB)`, `Jan van der Berg (JvdB)` is read as
/// `JB`/`JVDB` too), are that person's short name; the same capitals standing alone elsewhere
/// in the text (`KW licht de planning toe`, `| KW |`) are that person. Appends to `out`.
pub(super) fn defined_initials(t: &Text<'_>, index: &mut Vec<(usize, usize)>, out: &mut Vec<NameHit>) {
    let b = t.bytes;
    let mut defined: Vec<&[u8]> = Vec::new();
    let mut added = Vec::new();
    for hit in out.iter() {
        let Some(short) = bracketed_capitals(b, hit.range.end) else { continue };
        if !matches_initials(&t.str[hit.range.clone()], short) {
            continue;
        }
        let start = hit.range.end + 2;
        added.push(NameHit { range: start..start + short.len(), score: 0.85 });
        if defined.len() < MAX_DEFINED && !defined.contains(&short) {
            defined.push(short);
        }
    }
    if defined.is_empty() {
        return;
    }
    out.extend(added);
    index_names(index, out);
    let mut more = Vec::new();
    for short in &defined {
        for at in memchr::memmem::find_iter(b, short) {
            let r: Range<usize> = at..at + short.len();
            let alone = (at == 0 || !b[at - 1].is_ascii_alphanumeric()) && b.get(r.end).is_none_or(|c| !c.is_ascii_alphanumeric());
            // (Each short form's occurrences are distinct, and the short forms differ.)
            if alone && !overlaps_indexed(index, &r) {
                more.push(NameHit { range: r, score: 0.8 });
            }
        }
    }
    out.extend(more);
}

/// The capitals in brackets at `end` (` (KW)`), two to four of them.
fn bracketed_capitals(b: &[u8], end: usize) -> Option<&[u8]> {
    let rest = b.get(end..)?.strip_prefix(b" (")?;
    let n = rest.iter().take(5).take_while(|c| c.is_ascii_uppercase()).count();
    ((2..=4).contains(&n) && rest.get(n) == Some(&b')')).then(|| &rest[..n])
}

/// Whether `short` is made of the first letters of the capitalised words of `name` (words split
/// at spaces and hyphens; a particle may be left out or counted).
fn matches_initials(name: &str, short: &[u8]) -> bool {
    let capitals = |words: &mut dyn Iterator<Item = &str>| -> Vec<u8> {
        words.filter_map(|w| w.bytes().next()).filter(u8::is_ascii_uppercase).collect()
    };
    let by_words = capitals(&mut name.split(' '));
    let by_parts = capitals(&mut name.split([' ', '-']));
    let with_particles: Vec<u8> = name.split(' ').filter_map(|w| w.bytes().next()).map(|c| c.to_ascii_uppercase()).collect();
    by_words.len() >= 2 && (by_words == short || by_parts == short || with_particles == short)
}

/// `12-03-2027 21:06 - Henk Buurman: ja`, `[12-03-27, 21:06:11] Moes 🐝: welkom`: the sender of
/// each line of a chat export, after the line's date and time, up to its `: ` (not a phone
/// number, which is found as such). The name is what precedes a bracket or an emoji there
/// (`Bram (wijkagent)`). Appends to `out` what no name found covers.
pub(super) fn chat_export_speakers(t: &Text<'_>, stamps: &[usize], index: &mut Vec<(usize, usize)>, out: &mut Vec<NameHit>) {
    let b = t.bytes;
    // An export's stamp ends in ` - ` or `] ` within its line's first 26 bytes: only the lines
    // around those are read.
    let mut found: Vec<NameHit> = Vec::new();
    let mut last_line = usize::MAX;
    for &at in stamps {
        // (` - ` after a time's digit, or `] ` after a stamp's.)
        if at == 0 || !b[at - 1].is_ascii_digit() {
            continue;
        }
        let Some(line_start) = line_start_within(b, at, 26) else { continue };
        if line_start == last_line || !b[line_start].is_ascii_digit() && b[line_start] != b'[' {
            continue;
        }
        last_line = line_start;
        // (The stamps come in text order, so each line is read once.)
        let line_end = line_end_within(b, at, 96).unwrap_or((at + 96).min(b.len()));
        if let Some(r) = speaker_after_stamp(t, line_start, line_end) {
            found.push(NameHit { range: r, score: 0.85 });
        }
    }
    // Several lines must have the shape: one line like it is no export.
    if found.len() < 2 {
        return;
    }
    // A sender is a listed name, or speaks on more than one line; a log's headings
    // (`14-03-2024 10:00 - Opening: …`) are each written once.
    let mut lines: std::collections::HashMap<&[u8], usize> = std::collections::HashMap::new();
    for h in &found {
        *lines.entry(&b[h.range.clone()]).or_insert(0) += 1;
    }
    found.retain(|h| {
        let name = &b[h.range.clone()];
        is_sender(name, lines.get(name).copied().unwrap_or(0))
    });
    index_names(index, out);
    found.retain(|h| !overlaps_indexed(index, &h.range));
    out.extend(found);
}

/// Whether `name`, sending `lines` lines of a chat export, is a person: a listed name, or one that
/// speaks on more than one line; not a role, an organisation or a word (`Klant`, `Medewerker`,
/// `Gemeente Utrecht`, `Systeem`).
fn is_sender(name: &[u8], lines: usize) -> bool {
    use crate::lexicon::{flags, COMMON, FIRST, ORG, SURNAME, TITLE};
    let Ok(n) = std::str::from_utf8(name) else { return false };
    let chat_role = n.split(' ').any(|w| CHAT_ROLES.iter().any(|r| w.eq_ignore_ascii_case(r)));
    let word_flags = || n.split(' ').map(flags);
    let listed = word_flags().any(|f| f & (FIRST | SURNAME) != 0 && f & COMMON == 0);
    let role = chat_role || word_flags().any(|f| f & (TITLE | ORG | COMMON) != 0);
    (listed && !chat_role) || (!role && lines >= 2)
}

/// The sender's name on the line `start..end` of a chat export, if the line opens with a date
/// and a time (`12-03-2027 21:06 - `, `[12-03-27, 21:06:11] `, `12/03/2027, 21:06 - `).
fn speaker_after_stamp(t: &Text<'_>, start: usize, end: usize) -> Option<Range<usize>> {
    let b = t.bytes;
    let line = &b[start..end.min(start + 96)];
    let bracketed = line.first() == Some(&b'[');
    let stamp_len = line.iter().take(26).take_while(|c| c.is_ascii_digit() || matches!(c, b'-' | b'/' | b'.' | b',' | b' ' | b':' | b'[')).count();
    let stamp = &line[..stamp_len];
    let digits = stamp.iter().filter(|c| c.is_ascii_digit()).count();
    // A date (two separators) and a time (a colon).
    if digits < 8 || !stamp.contains(&b':') || stamp.iter().filter(|&&c| matches!(c, b'-' | b'/' | b'.')).count() < 2 {
        return None;
    }
    let rest = &line[stamp_len..];
    let name_from = if bracketed {
        rest.strip_prefix(b"] ").map(|_| stamp_len + 2)?
    } else {
        // `21:06 - Henk`: the stamp's own ` - ` was eaten up to its `-`.
        let tail = stamp.trim_ascii_end();
        if !tail.ends_with(b"-") || !rest.first().is_some_and(|c| c.is_ascii_alphabetic() || *c >= 0x80) {
            return None;
        }
        stamp_len
    };
    let colon = memchr::memmem::find(&line[name_from..], b": ")? + name_from;
    let name = &line[name_from..colon];
    if name.is_empty() || name.len() > 40 || name.iter().any(u8::is_ascii_digit) || !name[0].is_ascii_uppercase() && name[0] < 0x80 {
        return None;
    }
    // The name ends before a bracket or an emoji (`Bram (wijkagent)`, `Moes 🐝`).
    let text = std::str::from_utf8(name).ok()?;
    let cut = text.find(|c: char| !(c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.'))).unwrap_or(text.len());
    let name = text[..cut].trim_end();
    if name.is_empty() || !name.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }

    let s = start + name_from;
    Some(s..s + name.len())
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::Person;

    #[test]
    fn initials_defined_in_a_list_of_attendees() {
        let minutes = "Aanwezig:\nKatarzyna Wójcik (KW) – senior projectleider\nDmytro Shevchuk (DS) – data-analist\n\n\
                       2. Voortgang\nKW licht de planning toe.\n3. Dashboard\nDS toont het dashboard.\n| actie | KW |";
        assert_eq!(found(minutes, Person), ["Katarzyna Wójcik", "KW", "Dmytro Shevchuk", "DS", "KW", "DS", "KW"]);
        // Not brackets that do not spell the name, nor a department's acronym.
        assert_eq!(found("Jan Jansen (VVD) en Piet Smit (HR) waren er.", Person), ["Jan Jansen", "Piet Smit"]);
    }

    #[test]
    fn speakers_of_a_chat_export() {
        let chat = "12-03-2027 21:06 - Henk Buurman: ja. VKJ-23-S of zoiets\n\
                    12-03-2027 21:11 - Moes 🐝: welkom!\n\
                    12-03-2027 21:12 - Moes 🐝: ik neem koffie mee\n\
                    12-03-2027 21:30 - Bram (wijkagent): geen namen in deze groep graag.\n\
                    12-03-2027 21:31 - +31 6 48203317: oké";
        let names = found(chat, Person);
        for want in ["Henk Buurman", "Moes", "Bram"] {
            assert!(names.iter().any(|n| n == want), "{want} in {names:?}");
        }
        // A webchat's roles are no senders.
        let webchat = "07-03-2025 14:02 - Gemeente Utrecht: Goedemiddag, waarmee kan ik helpen?\n\
                       07-03-2025 14:03 - Klant: mijn pas is kwijt\n\
                       07-03-2025 14:04 - Gemeente Utrecht: Vervelend!\n\
                       07-03-2025 14:05 - Klant: ja";
        assert!(found(webchat, Person).is_empty());
        // One line like it is no export; a log's headings are no senders.
        assert!(found("12-03-2027 21:06 - Agenda: vaststellen", Person).is_empty());
        assert!(found("14-03-2024 10:00 - Opening: welkom\n14-03-2024 10:05 - Mededelingen: geen", Person).is_empty());
    }
}
