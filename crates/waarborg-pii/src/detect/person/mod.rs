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
//!
//! **Layout:** [`detect`] is the main pass. It reads chains of capitalised words, initials and
//! tussenvoegsels ([`chain_at`], [`read_token`]) and decides whether each is a name ([`decide`]);
//! the rule families it calls live in the submodules: `caps` (names in capitals, initials without
//! dots), `surname_alone` (a surname without a title or given name), `lower_case` and
//! `lower_case_cues` (names typed in lower case), `context` (what around a chain makes it a name),
//! `not_a_person` (hard negatives) and `words` (the word lists several of them share).

mod caps;
mod context;
mod exports;
mod lower_case;
mod lower_case_cues;
mod not_a_person;
mod shouted;
mod surname_alone;
#[cfg(test)]
mod tests;
mod words;

pub(crate) use lower_case_cues::LOWER_CASE_TITLES;
pub(crate) use words::{ORGANISATION_WORDS, TITLES, TUSSENVOEGSELS};
use caps::{ascii_caps_word, caps_name, is_abbreviation, is_form_of_address, undotted_initials_name};
use context::{
    after_ik_ben, could_end_a_cell, in_place_column, initials_as_actor, initials_label_before, name_context, name_label_before,
    personal_title_before, reversed_tail, title_before, Tail,
};
use lower_case::{lower_case_enumerated_given_names, lower_case_full_names, lower_case_mentions_again, lower_case_sentence_openers, lower_surname_after};
use lower_case_cues::{lower_case_after_name_labels, lower_case_after_titles};
use not_a_person::{
    after_house_number, after_postcode, born_in_before, building_named_after, is_organisation, is_trade_name, language_here, looks_like_street, named_thing,
    no_place_before_surname, organisation_label_before, place_before, room_before, school_before, venue_before,
};
use surname_alone::{
    capitalised_particles_mid_sentence, enumerated_before, remembered_names, speaker_after_bracketed_time,
    speaker_of_a_line, surname_alone_mid_sentence, time_ends_line,
};
use words::{
    ABBREVIATED_TITLES, ABSTRACT_ENDINGS, AMBIGUOUS_GIVEN_NAMES, NOT_A_PERSON_ALONE, ORGANISATION_ENDING_SET,
    ROLE_ENDINGS, STREET_ENDINGS, TUSSENVOEGSEL_SET,
};
use crate::lexicon::{is_common_word, is_surname, with_lower};
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
                || (named_person && !self.surname && INSTITUTION_ENDING_SET.matches_word(&t.str[self.start..self.end], 3))
                || (!named_person
                    && !self.surname
                    && {
                        let w = &t.str[self.start..self.end];
                        // (A plain loop: words are short, and `contains` would call `memchr`.)
                        if w.bytes().any(|c| c == b'-') {
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
    // Words in capitals met (a text written in capitals has many: see `shouted`).
    let mut caps_words = 0;
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
        // `P&O`, `R&D`, `B&W`: letters joined by an ampersand name a department.
        if b.get(i + 1) == Some(&b'&') && b.get(i + 2).is_some_and(u8::is_ascii_uppercase) {
            i += 2 + b[i + 2..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
            continue;
        }
        // Words in capitals (`INFO`, `BSN`, `NL`: a sixth of the capitalised words of a text)
        // start no chain: settled here as `read_token` would, without setting one up.
        if let Some(end) = ascii_caps_word(t, i) {
            caps_words += 1;
            // A surname in capitals is still a name in a form field or a reversed form
            // (`Achternaam: OUAALI`, `DIALLO, Mamadou`); checked only there.
            // Two or three capitals may be initials written without dots (`JW de Boer`).
            let hit = caps_name(t, i, end).or_else(|| {
                (end - i <= 3 && b.get(end) == Some(&b' ') && b.get(end + 1).is_some_and(|&c| c.is_ascii_alphabetic() || c >= 0x80))
                    .then(|| undotted_initials_name(t, i, end))
                    .flatten()
                    // `| KP |` under `| wie |`, `– HJS –` in an action list, `(RW)` after a role.
                    .or_else(|| initials_as_actor(t, i, end).then_some(NameHit { range: i..end, score: 0.8 }))
                    // `Paraaf: CM`, `Voorletters: JW`: initials without dots as a field's value.
                    .or_else(|| {
                        (end - i <= 4
                            && matches!(b.get(end), None | Some(b'\n' | b'\r'))
                            && initials_label_before(t, i)
                            && !is_abbreviation(&t.str[i..end])
                            && !matches!(&b[i..end], b"JA" | b"NEE" | b"AF" | b"OK" | b"NVT"))
                            .then_some(NameHit { range: i..end, score: 0.85 })
                    })
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
        match chain_at(t, i, listed, &mut recall.toks.0, Some((&mut recall.rejected, &mut recall.named))) {
            Some((hit, mut next)) => {
                if let Some(mut hit) = hit {
                    let lower_surname = || lower_surname_after(t, &hit.range, || *prose.get_or_insert_with(|| capitalised_sentences(b, 2)));
                    if let Some(end) = dashed_surname_end(t, hit.range.end)
                        .or_else(|| caps::caps_surname_after(t, &hit.range))
                        .or_else(lower_surname)
                    {
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
            if let Some(start) = apostrophe_t_before(b, hit.range.start).or_else(|| listed_particles_before(t, &hit.range)) {
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
    if !lower_case_text && *prose.get_or_insert_with(|| capitalised_sentences(b, 2)) {
        lower_case_sentence_openers(t, out);
    }
    if lower_case_text {
        lower_case_full_names(t, &mut recall.found, out);
        lower_case_after_name_labels(t, out);
        lower_case_enumerated_given_names(t, &mut recall.found, out);
    }
    if out.iter().any(|h| b[h.range.start].is_ascii_lowercase()) {
        lower_case_mentions_again(t, out);
    }
    if caps_words >= shouted::ENOUGH_CAPS_WORDS {
        shouted::shouted_names(t, titles, out);
    }
    if !out.is_empty() {
        exports::defined_initials(t, &mut recall.found, out);
        not_a_person::clubs_named_again(t, out);
    }
    if out.len() >= 2 {
        join_reversed_fields(t, out);
    }
    if recall.stamps.len() >= 2 {
        exports::chat_export_speakers(t, &recall.stamps, &mut recall.found, out);
    }
}

/// What stands on one side of a field of two words.
#[derive(Clone, Copy, PartialEq)]
enum FieldSide {
    /// The line's start or end.
    Line,
    /// `; ` before, `;` after: one item of a `;`-separated list.
    List,
    /// `Van: `, `Aan: `, `CC: `: a mail header's label.
    MailHeader,
    /// Any other label and its colon.
    Colon,
    /// `[08:47] `: a chat export's time stamp.
    Stamp,
    /// ` <`: an e-mail address follows.
    Email,
    Other,
}

/// `Van: Blaauwbroek, Lenthe <lenthe.blaauwbroek@…>`, `[08:47] Wawoe, Dayanara`, `deelnemers:
/// Bechan, Anushka; Ebrahimpour, Kianoush`: a surname and a given name found apart, written
/// reversed as one field (of a mail header, a chat export's speaker line, a `;`-separated list),
/// are one name. Not `Aanwezig: Jansen, Pietersen`: there a comma separates two people.
fn join_reversed_fields(t: &Text<'_>, out: &mut Vec<NameHit>) {
    let b = t.bytes;
    out.sort_by_key(|h| h.range.start);
    let one_word = |r: &Range<usize>| !b[r.clone()].iter().any(|&c| c == b' ' || c == b',');
    // (`CC: Bakker, Visser`, `Kinderen: Daan, Emma`: two surnames, or a given name first, are two
    // people.)
    let is_first_name = crate::lexicon::is_first_name;
    let reversed = |first: &str, second: &str| (is_surname(first) || !is_first_name(first)) && (is_first_name(second) || !is_surname(second));
    // Joined in place: `kept` hits are kept, in order, at the front (no removal one by one).
    let mut kept = 0;
    for k in 0..out.len() {
        let merge = kept > 0 && {
            let (first, second) = (out[kept - 1].range.clone(), out[k].range.clone());
            second.start == first.end + 2
                && &b[first.end..second.start] == b", "
                && one_word(&first)
                && one_word(&second)
                && {
                    let left = field_side_before(b, first.start);
                    let right = field_side_after(b, second.end);
                    use FieldSide::{Colon, Email, Line, List, MailHeader, Stamp};
                    right == Email
                        || (left == List && matches!(right, List | Line))
                        || (right == List && matches!(left, List | Line | Colon | MailHeader))
                        || (matches!(left, Stamp | MailHeader) && right == Line)
                }
                && reversed(&t.str[first.clone()], &t.str[second])
        };
        if merge {
            out[kept - 1].range.end = out[k].range.end;
            out[kept - 1].score = out[kept - 1].score.max(out[k].score);
        } else {
            out.swap(kept, k);
            kept += 1;
        }
    }
    out.truncate(kept);
}

/// What stands before a field starting at `start` (see [`FieldSide`]).
fn field_side_before(b: &[u8], start: usize) -> FieldSide {
    let head = &b[..start];
    if head.is_empty() || head.ends_with(b"\n") {
        return FieldSide::Line;
    }
    if head.ends_with(b"; ") {
        return FieldSide::List;
    }
    if head.ends_with(b"] ") {
        // (A stamp's line has at most 26 bytes: a longer line is read no further.)
        let near = &head[head.len().saturating_sub(27)..];
        let line = match memchr::memrchr(b'\n', near) {
            Some(nl) => Some(&near[nl + 1..]),
            None if head.len() <= 26 => Some(head),
            None => None,
        };
        if line.is_some_and(|line| line.first() == Some(&b'[')) {
            return FieldSide::Stamp;
        }
    }
    if let Some(label) = head.strip_suffix(b": ") {
        let word_start = label.iter().rposition(|c| !c.is_ascii_alphabetic()).map_or(0, |i| i + 1);
        let at_line_start = word_start == 0 || label[word_start - 1] == b'\n';
        let word = &label[word_start..];
        let mail = at_line_start && [&b"van"[..], b"aan", b"cc", b"bcc", b"from", b"to"].iter().any(|w| w.eq_ignore_ascii_case(word));
        return if mail { FieldSide::MailHeader } else { FieldSide::Colon };
    }
    FieldSide::Other
}

/// What stands after a field ending at `end` (see [`FieldSide`]).
fn field_side_after(b: &[u8], end: usize) -> FieldSide {
    match b.get(end) {
        None | Some(b'\n' | b'\r') => FieldSide::Line,
        Some(b';') => FieldSide::List,
        Some(b' ') if b.get(end + 1) == Some(&b'<') => FieldSide::Email,
        _ => FieldSide::Other,
    }
}

/// Whether at least `enough` sentences in `b` start with a capital after `.`, `?` or `!`.
fn capitalised_sentences(b: &[u8], enough: usize) -> bool {
    memchr::memchr3_iter(b'.', b'?', b'!', b)
        .filter(|&p| b.get(p + 1) == Some(&b' ') && b.get(p + 2).is_some_and(u8::is_ascii_uppercase))
        .nth(enough - 1)
        .is_some()
}

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
    // `Afgemeld: Dijkstra, van der Heijden`: the next item's lower-case tussenvoegsels, before
    // a listed surname or a word and a bracket (not `Jansen, de Voedselbank`, `Mulder, de
    // Telegraaf`).
    let particles_before_surname = || {
        let end = word_end(t, start);
        let word = &t.str[start..end];
        let f = crate::lexicon::flags_of(word.split('-').next().unwrap_or(word));
        // (Or any word before a party or role in brackets: `Van Slooten (SP), de Vries (PvdD)`.)
        // (A place is a surname there too: `de Vries`, `van Ommeren`.)
        use crate::lexicon::{COMMON, ORG, PLACE, SURNAME};
        (f & SURNAME != 0 && f & (COMMON | ORG | PLACE) == 0) || (t.bytes[end..].starts_with(b" (") && f & (COMMON | ORG) == 0)
    };
    if between.len() > 3 && between.as_bytes()[between.len() - 2].is_ascii_lowercase() && particles_before_surname() {
        while let Some(rest) = between.strip_suffix(' ') {
            match rest.rfind(' ') {
                Some(sp) if rest[sp + 1..] != *"het" && is_lower_tussenvoegsel(&rest.as_bytes()[sp + 1..]) => between = &rest[..=sp],
                _ => break,
            }
        }
    }
    // (Compared with its leading spaces: `Van Rooij, Goossens en Bekkers` joins with ` en `.)
    matches!(between, ", " | " en " | " & " | "; " | ", en " | "; en ")
}

/// Form values that say a name is missing (`Naam: Onbekend`, `Achternaam: ONBEKEND`).
fn is_no_value(word: &str) -> bool {
    ["onbekend", "anoniem", "geen", "nvt", "leeg", "diversen", "unknown", "none"].iter().any(|w| w.eq_ignore_ascii_case(word))
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

/// `Vos (VVD), Ramdin (PvdA), de Haan (GroenLinks)`, `Leden: ten Hove, Bakker`: where the
/// lower-case tussenvoegsels of a surname found alone start, when they stand right before it
/// and open an item of a list (after `, `, `: `, ` en ` or at a line's start).
fn listed_particles_before(t: &Text<'_>, name: &Range<usize>) -> Option<usize> {
    let b = t.bytes;
    // (Most names have no lower-case letter two bytes before them: settled by the bytes.)
    if name.start < 3 || b[name.start - 1] != b' ' || !b[name.start].is_ascii_uppercase() || !b[name.start - 2].is_ascii_lowercase() {
        return None;
    }
    // (A name with a given name or initials of its own has its particles inside it; a given
    // name has none: `de bibliotheek, het Thomas à Kempis College`.)
    let word = &t.str[name.clone()];
    if word.contains([' ', '.']) {
        return None;
    }
    let f = crate::lexicon::flags_of(word);
    if f & crate::lexicon::FIRST != 0 && f & crate::lexicon::SURNAME == 0 {
        return None;
    }
    let mut start = name.start - 1;
    let mut particles = 0;
    // (At most four: `van de`, `van der`, `in 't`.)
    while particles < 4 {
        let word_start = ascii_word_start(b, start);
        if word_start == start || !is_lower_tussenvoegsel(&b[word_start..start]) {
            break;
        }
        if &b[word_start..start] == b"het" {
            break;
        }
        particles += 1;
        start = word_start;
        if start == 0 || b[start - 1] != b' ' {
            break;
        }
        start -= 1;
    }
    if particles == 0 {
        return None;
    }
    let first = if b.get(start) == Some(&b' ') { start + 1 } else { start };
    let head = &b[..first];
    let opens_item = head.is_empty()
        || head.ends_with(b", ")
        || head.ends_with(b": ")
        || head.ends_with(b" en ")
        || head.ends_with(b"\n");
    opens_item.then_some(first)
}

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
    /// The names found before a pass that adds names, indexed by [`index_names`] (a buffer
    /// reused across texts).
    pub(crate) found: Vec<(usize, usize)>,
    /// Where the keyword pass saw ` - ` or `] ` (see [`exports::chat_export_speakers`]).
    pub(crate) stamps: Vec<usize>,
    /// Room for a chain's tokens (see [`chain_at`]).
    toks: Tokens,
}

/// Room for the tokens of a chain, kept across chains: a fresh array for each (most chains
/// hold a word or two) cost 37 stores a chain to set up.
pub(crate) struct Tokens([Tok; MAX_TOKENS]);

impl Default for Tokens {
    fn default() -> Self {
        Tokens([Tok::new(0, 0, Kind::Cap); MAX_TOKENS])
    }
}

/// Fills `index` with the ranges of `names` as (start, furthest end up to it), sorted by start,
/// for [`overlaps_indexed`]: whether a range overlaps a name found is then a search by halving,
/// where a pass over all names per new name made a text of many names quadratic.
fn index_names(index: &mut Vec<(usize, usize)>, names: &[NameHit]) {
    index.clear();
    index.extend(names.iter().map(|h| (h.range.start, h.range.end)));
    index.sort_unstable();
    let mut furthest = 0;
    for (_, end) in index.iter_mut() {
        furthest = furthest.max(*end);
        *end = furthest;
    }
}

/// Whether `r` overlaps a name of `index` (see [`index_names`]): of the names starting before
/// `r` ends, one ends after its start.
fn overlaps_indexed(index: &[(usize, usize)], r: &Range<usize>) -> bool {
    let i = index.partition_point(|&(start, _)| start < r.end);
    i > 0 && index[i - 1].1 > r.start
}

/// The lists of [`Recall`] that [`chain_at`] fills: the rejected words and the named ones.
type RecallLists<'a> = (&'a mut Vec<(usize, Range<usize>)>, &'a mut Vec<Range<usize>>);

/// Reads the chain of name-like tokens at `i` (into `toks`, room for them whose earlier content
/// does not matter) and decides whether it is a name. Returns the hit (if any) and where
/// scanning continues.
fn chain_at(
    t: &Text<'_>,
    i: usize,
    listed: bool,
    toks: &mut [Tok; MAX_TOKENS],
    recall: Option<RecallLists<'_>>,
) -> Option<(Option<NameHit>, usize)> {
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
    // (Read again as a name the text named in full: `remembered_names`, the one caller without
    // `recall`.)
    let remembered = recall.is_none();
    let hit = decide(t, toks, listed, remembered);
    if let Some((rejected, named)) = recall {
        for tok in toks {
            if tok.kind != Kind::Cap || tok.common || tok.end - tok.start < 3 {
                continue;
            }
            match &hit {
                // Words a name found elsewhere in the text may explain (`remembered_names`).
                None => rejected.push((i, tok.start..tok.end)),
                Some(h) if h.score >= 0.85 && h.range.start <= tok.start && tok.end <= h.range.end => {
                    named.push(tok.start..tok.end);
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

/// Words before a street and its number (`woont op`, `adres:`, `wonende aan de`).
const ADDRESS_CUES: &[&str] = &[
    "woon", "wonen", "adres", "wonende", "verhuis", "verblijf", "ingeschreven", "straat", "bezorg", "pand", "huisbezoek",
];

/// Whether the number at `at` reads as a detail of a person rather than a house number or a
/// product's model (`Dell Latitude 5440`): a phone number (a leading 0), a date, a time or an
/// address of a computer (`12-03-1984`, `14:30`, `10.8.14.77`), a year of birth (`1987`), an
/// age or a count (`34 jaar`, `3 kinderen`, `2x`), an amount (`1.200 euro`).
fn personal_detail_at(t: &Text<'_>, at: usize) -> bool {
    let b = t.bytes;
    let digits = b[at..].iter().take(5).take_while(|c| c.is_ascii_digit()).count();
    let rest = &b[at + digits..];
    let year = digits == 4 && matches!(&b[at..at + 2], b"19" | b"20") && !rest.first().is_some_and(u8::is_ascii_alphanumeric);
    let after_space = rest.strip_prefix(b" ").unwrap_or(rest);
    let unit = |words: &[&[u8]]| {
        words.iter().any(|w| after_space.starts_with(w) && !after_space.get(w.len()).is_some_and(u8::is_ascii_alphabetic))
    };
    b[at] == b'0'
        || year
        || ipv4_at(b, at)
        // (A date has two dashes: `Piet Hein 14-2` is a house number and its floor.)
        || (matches!(rest.first(), Some(b':' | b'/')) && rest.get(1).is_some_and(u8::is_ascii_digit))
        || (rest.first() == Some(&b'-') && {
            let second = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            (1..=2).contains(&second) && rest.get(1 + second) == Some(&b'-') && rest.get(2 + second).is_some_and(u8::is_ascii_digit)
        })
        || (digits <= 3 && unit(&[b"jaar", b"jr", b"kinderen", b"keer", b"x", b"maanden", b"minuten", b"uur", b"dagen", b"weken"]))
        || unit(&[b"euro", b"eur"])
        || rest.first() == Some(&b'%')
        // The next item's number of a list on one line (`1. Jan Bakker 2. Piet Smit 3. Klaas Vos`).
        || (digits <= 2 && rest.starts_with(b". ") && rest.get(2).is_some_and(u8::is_ascii_uppercase))
        || (rest.first() == Some(&b'.') && rest.get(1..4).is_some_and(|d| d.iter().all(u8::is_ascii_digit)) && {
            let more = &rest[4..];
            more.starts_with(b" euro") || more.starts_with(b",")
        })
}

/// Whether an IPv4 address stands at `at`: four parts of at most 255, and no fifth.
pub(super) fn ipv4_at(b: &[u8], at: usize) -> bool {
    let mut i = at;
    for part in 0..4 {
        let digits = b[i.min(b.len())..].iter().take(4).take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || digits > 3 || b[i..i + digits].iter().fold(0u32, |a, &d| a * 10 + u32::from(d - b'0')) > 255 {
            return false;
        }
        i += digits;
        let dot = b.get(i) == Some(&b'.');
        if part < 3 && !dot {
            return false;
        }
        if part == 3 && dot && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            return false;
        }
        i += usize::from(part < 3);
    }
    true
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
        } else if stem == end
            && b.get(end) == Some(&b' ')
            && possessed_noun_at(b, end + 1)
            && crate::lexicon::flags_of(&t.str[pos..end]) == 0
            && crate::lexicon::flags_of(&t.str[pos..end - 1]) & crate::lexicon::FIRST != 0
        {
            // `Brams moeder`, `Anouks vader`: the Dutch possessive of a given name, written
            // without an apostrophe, before a relative or a belonging; the name is the given
            // name.
            end -= 1;
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
    if c.is_uppercase() && (role || f & crate::lexicon::TITLE != 0) && !surname_after_given_name_and_particle(t, pos) {
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

/// Relatives and belongings a possessive names (`Brams moeder`, `Anouks fiets`).
const POSSESSED_NOUNS: &[&[u8]] = &[
    b"moeder", b"vader", b"ouders", b"zus", b"zusje", b"broer", b"broertje", b"zoon", b"dochter", b"kinderen",
    b"man", b"vrouw", b"partner", b"vriend", b"vriendin", b"oma", b"opa", b"tante", b"oom", b"neef", b"nicht",
    b"juf", b"meester", b"mentor", b"begeleider", b"fiets", b"telefoon", b"verjaardag", b"kamer", b"dossier",
];

/// Whether the word at `pos` follows a listed given name and a lower-case tussenvoegsel
/// (`Ilse ter Wijlen`, `Piet de Meester`): a surname, though alone it is a title (`wijlen J.
/// Pieters`, `meester Bakker`; `aan de Heer` has no given name before it).
fn surname_after_given_name_and_particle(t: &Text<'_>, pos: usize) -> bool {
    let b = t.bytes;
    let Some(head) = b[..pos].strip_suffix(b" ") else {
        return false;
    };
    let particle_start = head.iter().rposition(|&c| c == b' ').map_or(0, |p| p + 1);
    if particle_start == 0 || !is_lower_tussenvoegsel(&head[particle_start..]) {
        return false;
    }
    let name = &head[..particle_start - 1];
    let name_start = name.iter().rposition(|c| !(c.is_ascii_alphabetic() || *c >= 0x80)).map_or(0, |p| p + 1);
    std::str::from_utf8(&name[name_start..]).is_ok_and(|w| w.chars().next().is_some_and(char::is_uppercase) && crate::lexicon::is_first_name(w))
}

/// Whether one of [`POSSESSED_NOUNS`] stands at `at` as a whole word.
fn possessed_noun_at(b: &[u8], at: usize) -> bool {
    let end = at + b[at.min(b.len())..].iter().take_while(|c| c.is_ascii_lowercase()).count();
    end > at && POSSESSED_NOUNS.contains(&&b[at..end]) && !b.get(end).is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80)
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
    abbreviated_tussenvoegsel_before(rest, u8::is_ascii_uppercase)
}

/// The length of an abbreviated tussenvoegsel at the start of `rest` when a space and a byte
/// that `next` accepts follow it.
fn abbreviated_tussenvoegsel_before(rest: &[u8], next: fn(&u8) -> bool) -> Option<usize> {
    // (Longer forms first: `v.d.` before `v.`.)
    const FORMS: &[&str] = &["v.d.", "v/d", "v.d", "vd.", "vd", "v.", "i.t."];
    FORMS
        .iter()
        .find(|f| rest.starts_with(f.as_bytes()) && rest.get(f.len()) == Some(&b' ') && rest.get(f.len() + 1).is_some_and(next))
        .map(|f| f.len())
}

/// Whether `word` is one of [`TUSSENVOEGSELS`], ASCII case-insensitively (all are short).
pub(super) fn is_lower_tussenvoegsel(word: &[u8]) -> bool {
    // The ASCII entries of TUSSENVOEGSELS (a test keeps the two in step), compared as one
    // integer per word: every byte of them is a letter, and a byte ORed with 0x20 equals a
    // lower-case letter only when it is that letter in either case.
    const fn two(w: &[u8; 2]) -> u16 {
        u16::from_le_bytes(*w)
    }
    const fn three(w: &[u8; 3]) -> u32 {
        u32::from_le_bytes([w[0], w[1], w[2], 0])
    }
    match *word {
        [a, b] => matches!(
            u16::from_le_bytes([a, b]) | 0x2020,
            x if x == two(b"de") || x == two(b"te") || x == two(b"in") || x == two(b"op") || x == two(b"la") || x == two(b"le")
                || x == two(b"du") || x == two(b"da") || x == two(b"di") || x == two(b"do") || x == two(b"zu")
        ),
        [a, b, c] => matches!(
            u32::from_le_bytes([a, b, c, 0]) | 0x0020_2020,
            x if x == three(b"van") || x == three(b"der") || x == three(b"den") || x == three(b"het") || x == three(b"ten")
                || x == three(b"ter") || x == three(b"aan") || x == three(b"uit") || x == three(b"del") || x == three(b"dos")
                || x == three(b"das") || x == three(b"von") || x == three(b"vom") || x == three(b"zum")
        ),
        [_, _, _, _, _] => word.eq_ignore_ascii_case(b"della"),
        _ => false,
    }
}

/// Royal titles, written before a given name (`Koningin Máxima`); also surnames (`Koning`,
/// `Prins`), so a title only there.
const ROYAL_TITLES: &[&str] = &["Koning", "Koningin", "Prins", "Prinses", "Kroonprins", "Kroonprinses", "Keizer", "Keizerin"];

/// Given names of royals after their title (`Koning Jan`, in a list of surnames written first,
/// is Jan Koning).
const ROYAL_GIVEN_NAMES: &[&str] = &[
    "Willem-Alexander", "Máxima", "Maxima", "Amalia", "Alexia", "Ariane", "Beatrix", "Juliana", "Wilhelmina",
    "Bernhard", "Claus", "Constantijn", "Laurentien", "Margriet", "Mabel", "Friso", "Emma", "Willem", "Hendrik",
    "Charles", "Camilla", "William", "Harry", "Catherine", "Philippe", "Mathilde", "Elisabeth", "Filip", "Albert",
    "Paola", "Boudewijn", "Fabiola", "Frederik", "Mary", "Victoria", "Carl", "Harald", "Sonja", "Haakon",
];

/// Places of two words or a hyphenated three that read like a person's name.
fn is_place_named_like_a_person(chain: &str) -> bool {
    ["Anna Paulowna", "Anna Jacobapolder", "Hendrik-Ido-Ambacht", "Jan Hendrikspolder"].contains(&chain)
}

/// A capitalised compound that names a service or team, no known surname (`Vluchtelingenwerk`,
/// `Jeugdzorg`, `Wijkteam`, `Schuldhulp`).
fn is_service(t: &Text<'_>, tok: &Tok) -> bool {
    let w = &t.str[tok.start..tok.end];
    !tok.surname && ["werk", "zorg", "team", "hulp", "loket"].iter().any(|e| w.len() >= e.len() + 3 && w.ends_with(e))
}

// (Inlined into its one caller, `chain_at`, as it was before it grew past the compiler's
// threshold: as a call it cost 1.4 M more instructions a pass on the speed corpus.)
#[inline(always)]
fn decide(t: &Text<'_>, toks: &[Tok], listed: bool, remembered: bool) -> Option<NameHit> {
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
    // `Sint Anthonis`, `Sint Maarten`, `Anna Paulowna`: a place (or a saint), not a person.
    // (The first byte settles most chains: `S`, `A`, `H` or `J` may start such a place.)
    let lead = toks.first().filter(|f| f.kind == Kind::Cap).map(|f| t.bytes[f.start]);
    if matches!(lead, Some(b'S' | b'A' | b'H' | b'J'))
        && ((toks.len() >= 2 && (word(&toks[0]) == "Sint" || is_place_named_like_a_person(&t.str[toks[0].start..toks[1].end])))
            || is_place_named_like_a_person(word(&toks[0])))
    {
        return None;
    }
    // `Koning Willem-Alexander`, `Prinses Amalia`: a royal title before a given name is a
    // title, not part of the name (`Jan Koning` keeps his surname).
    if matches!(lead, Some(b'K' | b'P'))
        && toks.len() >= 2
        && ROYAL_TITLES.contains(&word(&toks[0]))
        && ROYAL_GIVEN_NAMES.contains(&word(&toks[1]))
    {
        context = true;
        toks = &toks[1..];
    }
    // `tolk Dari Qudratullah Niazi`: the interpreter's language, then the interpreter (not `tolk
    // Arabisch Via Teams`).
    if toks.len() >= 3
        && toks[0].kind == Kind::Cap
        && toks[1..].iter().all(|tok| tok.kind == Kind::Cap && !tok.common)
        && chain_start >= 5
        && t.bytes[..chain_start].ends_with(b"tolk ")
        && not_a_person::is_language(word(&toks[0]))
    {
        context = true;
        toks = &toks[1..];
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
        // (A given name that is also a Dutch word stays one there: `Nguyen Thi Diep`.)
        && (!toks[2].common || word(&toks[1]) != "Van")
    {
        return Some(NameHit { range: toks[0].start..toks[2].end, score: 0.85 });
    }
    // `Lin Mei`, `Zhang Min`, `Wang Dan`: a Chinese name, surname first, whose given name is
    // also a Dutch word (a month, `min`, `dan`) and would end the chain.
    // (The given name's flag first: a common word is rare as a chain's second word.)
    if toks.len() == 2
        && toks[1].common
        && toks[0].kind == Kind::Cap
        && toks[1].kind == Kind::Cap
        && CHINESE_GIVEN_NAMES_THAT_ARE_WORDS.contains(&word(&toks[1]))
        && CHINESE_SURNAMES.contains(&word(&toks[0]))
        && !t.bytes.get(toks[1].end + 1).is_some_and(u8::is_ascii_digit)
    {
        return Some(NameHit { range: toks[0].start..toks[1].end, score: 0.85 });
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
    let could_be_name_without_comma = context
        || first.kind == Kind::Initials
        || is_first(first)
        || (first.kind == Kind::Cap && first.surname && !first.common && toks.len() >= 2 && is_first(&toks[1]))
        || unlisted_given_name_and_surname(t, toks);
    let before_comma = t.bytes.get(chain_end) == Some(&b',') && t.bytes.get(chain_end + 1) == Some(&b' ');
    let could_be_name = could_be_name_without_comma || before_comma;
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
    if organisation_label_before(t, chain_start)
        || after_postcode(t, chain_start)
        || school_before(t.bytes, chain_start)
        || room_before(t.bytes, chain_start)
        || born_in_before(t, chain_start)
        || (venue_before(t.bytes, chain_start) && !(head.len() >= 2 && is_first(&head[0]) && head[head.len() - 1].surname))
    {
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
    // `Fam. de Wit, Franeker`, `Jan Jansen, Franeker`: a place that is no listed name after a
    // name and its comma is where the person lives, not the list's next name.
    if head.len() == 1 && listed && first.flags & crate::lexicon::PLACE != 0 && !first.first && !first.surname && !titled && t.bytes[..chain_start].ends_with(b", ") {
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
        // `Henk van Vluchtelingenwerk`, `juf Sterre van de Anne Frankschool`: after a given
        // name, `van`/`uit`/`bij` in lower case before an organisation, a building or a service
        // (a word that ends like one: `-school`, `-werk`, `-zorg`, `-team`) says where the
        // person is from; the name ends before it. The organisation's word stands in the run of
        // capitalised words right after the tussenvoegsels (`Jan van Dijk van Jeugdzorg` keeps
        // `van Dijk`: the complete name's own rule below cuts before the second `van`); not a
        // street named after a person (`Jan van Galenstraat`).
        if tok.kind == Kind::Tuss
            && matches!(word(tok), "van" | "uit" | "bij")
            && toks[..k].iter().any(&is_first)
            && {
                let rest = &toks[k + 1..];
                let first_cap = rest.iter().position(|n| n.kind != Kind::Tuss);
                first_cap.is_some_and(|p| {
                    // (Up to the next tussenvoegsel: `Anna van Wijngaarden van de Gemeente` is
                    // a surname, then where she is from.)
                    let run = &rest[p..];
                    let name = &run[..run.iter().position(|n| n.kind == Kind::Tuss).unwrap_or(run.len())];
                    name.iter().any(|n| n.kind == Kind::Cap && (n.is_organisation(t, false) || is_service(t, n)))
                        && !name.iter().any(|n| n.is_street(t))
                })
            }
        {
            cut = k;
            break;
        }
        // After a complete name, `van`/`uit`/`bij`/`aan`/`op`/`in` starts a new phrase:
        // `L. Amrani van Veilig Thuis`, `mr. J.A. Eggelaar van Mulder Advocaten`,
        // `Jan Visser aan de Brink`.
        if tok.kind == Kind::Tuss
            && ["van", "uit", "bij", "aan", "op", "in"].iter().any(|w| w.eq_ignore_ascii_case(word(tok)))
            && (is_complete_name(&toks[..k])
                || (surname_alone && k == 1)
                // `dat Van Dam van Vergunningen belde`.
                || (particles_first
                    && t.bytes[tok.start].is_ascii_lowercase()
                    && toks[k - 1].kind == Kind::Cap
                    && toks[..k - 1].iter().all(|p| p.kind == Kind::Tuss))
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
            && !(toks.get(k + 1).is_some_and(|n| n.kind == Kind::Cap) && is_arabic_particle(word(tok).as_bytes()))
            // `Hanneke Oude Luttikhuis`, `Gerrit Olde Rikkert`: the particle of Twente and the
            // Achterhoek after a given name, before the rest of the surname.
            && !(matches!(word(tok), "Oude" | "Olde") && is_first(&toks[k - 1]) && toks.get(k + 1).is_some_and(|n| n.kind == Kind::Cap && !n.common));
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
    if is_organisation(t, toks, context && toks.len() == 1)
        || (toks.len() >= 2 && is_trade_name(&t.str[first.start..last.end]))
        || building_named_after(t, toks)
        || named_thing(t, head, toks)
    {
        return None;
    }
    // `Kanaal Zuid 114`: a chain followed by a number is a street; not by a phone number, which
    // starts with 0 where no house number does (`dochter Jolanda 06-23 44 09 81`).
    // Nor by a time (`Bas Oosterwijk 10:04`: a chat export's speaker line), nor a full name
    // outside an address's context: no street is named `Kees Jansen` (`belde Kees Jansen
    // 06-12345678`, `Sanne Bakker 34 jaar`, `Ayşe Öztürk 10.8.14.77`; software keeps its
    // version: `Jenkins 2.440.1`).
    if t.bytes.get(last.end) == Some(&b' ')
        && t.bytes.get(last.end + 1).is_some_and(|&c| c.is_ascii_digit() && !(c == b'0' && context))
        && !time_ends_line(t.bytes, last.end)
        && !(is_complete_name(toks) && personal_detail_at(t, last.end + 1) && !t.before_has(chain_start, 48, ADDRESS_CUES))
    {
        return None;
    }
    let caps = toks.iter().filter(|tok| tok.kind == Kind::Cap).count();
    let surname_tok = toks.iter().rev().find(|tok| tok.kind == Kind::Cap);
    let surname = surname_tok.map(&word);
    let bare_surname = first.kind != Kind::Initials && !is_first(first) && caps == 1;
    // (A surname that ends like a policy noun after a form of address or a surname label is
    // still a surname: `mevrouw Westerheuveling`, `Achternaam: Vlasbroeking`; after a role it
    // is a portfolio: `wethouder Huisvesting`. So is one the text named in full before:
    // `S. Ramsaransing … Ramsaransing bevestigt`.)
    if surname_tok.is_some_and(|s| {
        s.is_street(t)
            || (bare_surname
                && !remembered
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
            // (The rest of the line, read only here and only its first 30 bytes: a text of one
            // long line would otherwise be read to its end for every name with initials.)
            let short_rest = || {
                let rest = &t.bytes[last.end..t.bytes.len().min(last.end + 31)];
                let line = &rest[..memchr::memchr(b'\n', rest).unwrap_or(rest.len())];
                line.len() < 30 && line.first() == Some(&b' ') && t.str[last.end + 1..].starts_with(|c: char| c.is_lowercase())
            };
            let heading = toks.len() == 2 && word(first).len() == 2 && line_start && (s.is_abstract_noun(t) || short_rest());
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
            // `Ramadan en Pasen in de wijk`: beside another feast, one too.
            if toks.len() == 1
                && NOT_A_PERSON_ALONE.contains(&word(first))
                && ((first.start >= 4 && (t.bytes[..first.start].ends_with(b" de ") || t.bytes[..first.start].ends_with(b" het ")))
                    || (!context && beside_a_feast(t.bytes, first.start, first.end)))
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
        // A chain before a comma that is no reversed name may still be one by its context
        // (`Ik ben de moeder van Milouska, ik woon …`), read here as for any other chain.
        _ if before_comma && !could_be_name_without_comma && !titled => {
            let s = surname_tok?;
            let start = name_context(t, chain_start, chain_end, head.len())?;
            surname_ok(s).then(|| NameHit { range: start.min(first.start)..last.end, score: 0.85 })
        }
        _ => None,
    }
}

/// Where the run of ASCII letters that ends at `end` starts (`end` when there is none).
/// `Ramadan en Pasen`, `Pasen en Ramadan`, `Suikerfeest, Ramadan en Divali`: a feast that is
/// no given name named beside the word at `start..end`, joined by `en` or `of` (not a comma:
/// `Beste Ramadan, Pasen valt vroeg`; not `Newroz`, also a Kurdish given name).
fn beside_a_feast(b: &[u8], start: usize, end: usize) -> bool {
    const FEASTS: &[&str] = &[
        "Pasen", "Kerst", "Kerstmis", "Pinksteren", "Suikerfeest", "Offerfeest", "Divali", "Diwali", "Holi", "Chanoeka",
        "Sinterklaas", "Koningsdag", "Hemelvaart", "Keti Koti",
    ];
    const JOINS: &[&str] = &[" en ", " of "];
    let after = &b[end..];
    let before = &b[..start];
    JOINS.iter().any(|j| {
        let next = after.strip_prefix(j.as_bytes());
        let prev = before.strip_suffix(j.as_bytes());
        FEASTS.iter().any(|f| {
            next.is_some_and(|n| n.starts_with(f.as_bytes()) && !n.get(f.len()).is_some_and(u8::is_ascii_alphabetic))
                || prev.is_some_and(|p| p.ends_with(f.as_bytes()) && !p.len().checked_sub(f.len() + 1).is_some_and(|i| p[i].is_ascii_alphabetic()))
        })
    })
}

fn ascii_word_start(b: &[u8], end: usize) -> usize {
    b[..end].iter().rposition(|c| !c.is_ascii_alphabetic()).map_or(0, |p| p + 1)
}

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

/// Degrees written after a name, with a lower-case letter (`BSc`, `MSc`, `PhD`; those in
/// capitals, `MBA`, `LLM`, are never read as name words).
fn is_postnominal(word: &str) -> bool {
    word.len() <= 3 && ["BSc", "Bsc", "MSc", "Msc", "PhD", "Phd", "MPhil", "Bc"].contains(&word)
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

/// The common Vietnamese surnames, as written with and without their diacritics.
const VIETNAMESE_SURNAMES: &[&str] = &[
    "Nguyen", "Nguyễn", "Tran", "Trần", "Le", "Lê", "Pham", "Phạm", "Hoang", "Hoàng", "Huynh", "Huỳnh", "Phan", "Vu",
    "Vũ", "Vo", "Võ", "Dang", "Đặng", "Bui", "Bùi", "Do", "Đỗ", "Ho", "Hồ", "Ngo", "Ngô", "Duong", "Dương", "Ly", "Lý",
    "Truong", "Trương", "Dinh", "Đinh", "Lam", "Lâm", "Trinh", "Trịnh", "Doan", "Đoàn", "Luong", "Lương",
];

/// The commonest Chinese surnames in pinyin.
const CHINESE_SURNAMES: &[&str] = &[
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Zhu", "Hu", "Guo",
    "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Tang", "Song", "Han", "Feng", "Deng", "Cao", "Peng", "Zeng",
    "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang", "Du", "Ye", "Cheng", "Wei", "Su", "Ding", "Shen", "Zhong",
    "Cui", "Tan", "Fan", "Liao", "Jin", "Xia", "Fang", "Zou", "Xiong", "Qiu", "Qin", "Hou", "Yin", "Xue", "Yan",
];

/// Chinese given names in pinyin that are also Dutch words (`mei`, `min`, `dan`, `jun`).
const CHINESE_GIVEN_NAMES_THAT_ARE_WORDS: &[&str] = &["Mei", "Min", "Dan", "Jun", "Bin", "Ping", "Lan"];

/// Vietnamese middle names, as written with and without their diacritics.
const VIETNAMESE_MIDDLE_NAMES: &[&str] = &[
    "Van", "Văn", "Thi", "Thị", "Duc", "Đức", "Ngoc", "Ngọc", "Huu", "Hữu", "Xuan", "Xuân", "Quoc", "Quốc", "Thanh",
    "Hoang", "Hoàng", "Kim", "Minh",
];

/// Endings of the names of institutions that a person's name never has, even after a title.
const INSTITUTION_ENDINGS: &[&str] = &[
    "school", "ziekenhuis", "kliniek", "college", "instituut", "academie", "gymnasium", "lyceum", "museum", "loket", "desk",
    // A team after a role (`teamleider Huurincasso`).
    "incasso",
];

/// [`INSTITUTION_ENDINGS`] as a suffix trie (matched on the word lower-cased, as the list).
static INSTITUTION_ENDING_SET: std::sync::LazyLock<crate::lexicon::SuffixSet> =
    std::sync::LazyLock::new(|| crate::lexicon::SuffixSet::new(INSTITUTION_ENDINGS));
