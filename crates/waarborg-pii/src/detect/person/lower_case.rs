//! Names typed in lower case that their own words make names, as in chat messages and prompts: a
//! full name (`schrijf een brief aan jan de vries`), initials and a surname (`t. bakker`), a
//! surname a phone left in lower case (`Jan de vries`), and a name found once in lower case where
//! its words stand again. A writer who capitalises names had them found by the main pass: full
//! names are read only in text typed in lower case, so that prose pays nothing for them.

use super::{abbreviated_tussenvoegsel_before, index_names, is_arabic_particle, is_lower_tussenvoegsel, overlaps_indexed, NameHit};
use super::not_a_person::{looks_like_street, trade_name_around};
use super::words::AMBIGUOUS_GIVEN_NAMES;
use crate::lexicon::{is_common_word, is_surname};
use crate::text::Text;
use std::ops::Range;

/// `hoi, ik ben lotte (moeder van finn) … finn heeft sinds kort …`: a name found in lower case
/// once is the same name where its words stand again in lower case. Each word of a name typed
/// in lower case (three letters or more, no common word, tussenvoegsel or title) is looked for
/// as a whole word elsewhere in the text; words found side by side make one name. Not in an
/// e-mail address, not on a trade-name line (`handelsnaam: fietsenmaker amrani`) and not before a
/// company's form (`jansen bouw b.v.`).
#[inline(never)]
pub(super) fn lower_case_mentions_again(t: &Text<'_>, out: &mut Vec<NameHit>) {
    use crate::lexicon::{flags_of, COMMON, TITLE, TUSS};
    let b = t.bytes;
    let mut words: Vec<&str> = Vec::new();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for h in out.iter().filter(|h| b[h.range.start].is_ascii_lowercase()) {
        for w in t.str[h.range.clone()].split([' ', '-']) {
            let w = w.trim_end_matches('.');
            if w.len() >= 3
                && w.bytes().all(|c| c.is_ascii_lowercase() || c >= 0x80)
                && flags_of(w) & (COMMON | TITLE | TUSS) == 0
                && !AMBIGUOUS_GIVEN_NAMES.iter().any(|a| a.eq_ignore_ascii_case(w))
                && !TRADE_SURNAMES.contains(&w)
                && seen.insert(w)
            {
                words.push(w);
            }
        }
    }
    // Every occurrence of every word: one search per word for a few, one pass of an automaton
    // over the text for many (a text of thousands of names in lower case would otherwise be read
    // once per name). The two give the same occurrences that start and end a word: a word has
    // only letters, so an occurrence that starts a word never lies inside another occurrence.
    let occurrences: Vec<(usize, usize)> = if words.len() <= 8 {
        words.iter().flat_map(|w| memchr::memmem::find_iter(b, w.as_bytes()).map(move |at| (at, w.len()))).collect()
    } else {
        match aho_corasick::AhoCorasick::new(&words) {
            Ok(automaton) => {
                let mut all: Vec<(usize, usize, usize)> =
                    automaton.find_overlapping_iter(b).map(|m| (m.start(), m.pattern().as_usize(), m.len())).collect();
                all.sort_unstable();
                all.into_iter().map(|(at, _, len)| (at, len)).collect()
            }
            Err(_) => words.iter().flat_map(|w| memchr::memmem::find_iter(b, w.as_bytes()).map(move |at| (at, w.len()))).collect(),
        }
    };
    let mut found: Vec<Range<usize>> = Vec::new();
    for (at, len) in occurrences {
        let range = at..at + len;
        let in_address = (at > 0 && matches!(b[at - 1], b'.' | b'@' | b'_' | b'/'))
            || matches!(b.get(range.end), Some(b'@' | b'_'))
            || (b.get(range.end) == Some(&b'.') && b.get(range.end + 1).is_some_and(u8::is_ascii_alphanumeric));
        if t.left_boundary(at) && lower_word_ends(b, range.end) && !in_address && !trade_name_around(t, range.clone()) {
            found.push(range);
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

/// `Jan de vries`, `Piet jansen`: a surname typed in lower case after a capitalised given name
/// (a phone capitalises the first word of a message, not the name's second). The end of the
/// surname: a listed one that is no common word, after name particles or none. Not in prose
/// (`in_prose`), whose writer capitalises surnames: there the word after `Petra van de` is a
/// place (`winkel`), not a name.
pub(super) fn lower_surname_after(t: &Text<'_>, name: &Range<usize>, in_prose: impl FnOnce() -> bool) -> Option<usize> {
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

/// Tussenvoegsels and Arabic or Berber particles that join a given name and a surname written
/// in lower case (`jan de vries`, `fatima el amrani`); not `in`, `op`, `aan`, `uit`, `te`,
/// which are prepositions far more often (`met piet op vakantie`).
pub(super) fn is_lower_name_particle(word: &[u8]) -> bool {
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
pub(super) fn lower_word_end(t: &Text<'_>, i: usize) -> usize {
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
pub(super) fn lower_word_ends(b: &[u8], end: usize) -> bool {
    b.get(end).is_none_or(|&c| !c.is_ascii_alphanumeric() && c != b'-' && c < 0x80)
}

/// Whether a street's name lies ahead of `end` on its line, within a few words
/// (`marie curieweg 12`, `jan pietersz. coenstraat`, `johan de wittstraat`): the name before it
/// is the street's.
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
        // (`johan de wittstraat`: a tussenvoegsel inside the street's name.)
        if is_common_word(word) && !super::is_lower_tussenvoegsel(word.as_bytes()) {
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
pub(super) fn lower_case_full_names(t: &Text<'_>, found: &mut Vec<(usize, usize)>, out: &mut Vec<NameHit>) {
    use crate::lexicon::{flags_of, COMMON, FIRST, ORG, SURNAME, TITLE, TUSS};
    let b = t.bytes;
    index_names(found, out);
    let found_before = &*found;
    let push = |out: &mut Vec<NameHit>, range: Range<usize>, score: f32| {
        if !overlaps_indexed(found_before, &range) {
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

/// `Gesprek met moeder over huiswerk. ravi zit veel te gamen`, `wat een gemis. willy stond altijd
/// klaar`: in prose whose sentences start with a capital, a sentence typed in lower case that
/// opens with a listed given name (no common word, no name that is also a word: `toon`, `mark`)
/// before a lower-case word opens with that person (with a listed surname after it, the full
/// name). Not the start of a street (`johan de wittstraat 4`).
pub(super) fn lower_case_sentence_openers(t: &Text<'_>, out: &mut Vec<NameHit>) {
    use crate::lexicon::{flags_of, COMMON, FIRST, ORG, PLACE, TITLE, TUSS};
    let b = t.bytes;
    let mut found = Vec::new();
    let opener = |at: usize| at == 0 || b[at - 1] == b'\n' || (at >= 2 && b[at - 1] == b' ' && matches!(b[at - 2], b'.' | b'?' | b'!'));
    let starts = std::iter::once(0).chain(memchr::memchr3_iter(b'\n', b'.', b'?', b).map(|p| if b[p] == b'\n' { p + 1 } else { p + 2 }));
    for start in starts {
        if !b.get(start).is_some_and(u8::is_ascii_lowercase) || !opener(start) {
            continue;
        }
        let end = lower_word_end(t, start);
        if !(3..=16).contains(&(end - start)) || b.get(end) != Some(&b' ') || !b.get(end + 1).is_some_and(u8::is_ascii_lowercase) {
            continue;
        }
        let word = &t.str[start..end];
        let flags = flags_of(word);
        if flags & FIRST == 0
            || flags & (COMMON | TUSS | ORG | TITLE | PLACE) != 0
            || AMBIGUOUS_GIVEN_NAMES.iter().any(|a| a.eq_ignore_ascii_case(word))
            || WORDS_NAMED_AFTER.contains(&word.as_bytes())
            || street_ahead(t, end)
        {
            continue;
        }
        let range = start..lower_surname_end(t, end, false, false).unwrap_or(end);
        if !out.iter().any(|h| h.range.start < range.end && range.start < h.range.end) {
            found.push(NameHit { range, score: 0.75 });
        }
    }
    out.extend(found);
}

/// `stuur dit naar lisa, joost en fatma`, `kees en fatima komen`: in text typed in lower case,
/// an enumeration of listed given names (no common word, no name that is also a word: `roos`,
/// `mark`), at least three, or two joined by `en`, are names.
pub(super) fn lower_case_enumerated_given_names(t: &Text<'_>, found: &mut Vec<(usize, usize)>, out: &mut Vec<NameHit>) {
    use crate::lexicon::{flags_of, COMMON, FIRST, ORG, TITLE, TUSS};
    let b = t.bytes;
    index_names(found, out);
    let found_before = &*found;
    let given = |start: usize, end: usize| {
        let word = &t.str[start..end];
        let f = flags_of(word);
        end - start >= 3
            && f & FIRST != 0
            && f & (COMMON | TITLE | TUSS | ORG) == 0
            && !AMBIGUOUS_GIVEN_NAMES.iter().any(|a| a.eq_ignore_ascii_case(word))
    };
    // The words around each separator (`, ` or ` en `), in text order; a run of them joined
    // word to word is one enumeration.
    let mut run: Vec<Range<usize>> = Vec::new();
    let mut joined_by_en = false;
    let flush = |run: &mut Vec<Range<usize>>, joined_by_en: &mut bool, out: &mut Vec<NameHit>| {
        if run.len() >= 3 || (run.len() == 2 && *joined_by_en) {
            for r in run.drain(..) {
                if !overlaps_indexed(found_before, &r) {
                    out.push(NameHit { range: r, score: 0.7 });
                }
            }
        }
        run.clear();
        *joined_by_en = false;
    };
    // Separators in text order: `, ` (at its comma) and ` en ` (at its space).
    let mut separators: Vec<(usize, usize)> = memchr::memchr_iter(b',', b)
        .filter(|&at| b.get(at + 1) == Some(&b' '))
        .map(|at| (at, 2))
        .chain(memchr::memmem::find_iter(b, b" en ").map(|at| (at, 4)))
        .collect();
    separators.sort_unstable();
    for (sep_start, sep_len) in separators {
        // The word before the separator and the one after it, both in lower case.
        let mut before = sep_start;
        while before > 0 && b[before - 1].is_ascii_lowercase() {
            before -= 1;
        }
        let after = sep_start + sep_len;
        let after_end = lower_word_end(t, after);
        let word_starts = before == 0 || !(b[before - 1].is_ascii_alphanumeric() || b[before - 1] >= 0x80 || b[before - 1] == b'-');
        if before == sep_start || !word_starts || after_end == after || !lower_word_ends(b, after_end) || !given(before, sep_start) || !given(after, after_end) {
            flush(&mut run, &mut joined_by_en, out);
            continue;
        }
        if run.last().is_some_and(|r| r.start == before) {
            run.push(after..after_end);
        } else {
            flush(&mut run, &mut joined_by_en, out);
            run.push(before..sep_start);
            run.push(after..after_end);
        }
        joined_by_en |= sep_len == 4;
    }
    flush(&mut run, &mut joined_by_en, out);
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
        // `sander v.d. heuvel`, `kees v/d berg`: an abbreviated tussenvoegsel.
        if let Some(len) = lower_abbreviated_tussenvoegsel(&b[pos..]) {
            particles = true;
            pos += len + 1;
            continue;
        }
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
        // (The given name alone before such a word: it was read as a name for the surname's
        // sake, and stays one; the word is not part of it.)
        if ok && !particles && WORDS_AFTER_A_NAME.contains(&&b[pos..we]) {
            return Some(end);
        }
        return ok.then_some(we);
    }
    None
}

/// The length of an abbreviated tussenvoegsel at the start of `rest` in lower case (`v.d.`,
/// `v/d`, `vd`, `v.`; not `i.t.`), when a space and a lower-case letter follow it.
pub(super) fn lower_abbreviated_tussenvoegsel(rest: &[u8]) -> Option<usize> {
    if rest.first() != Some(&b'v') {
        return None;
    }
    abbreviated_tussenvoegsel_before(rest, u8::is_ascii_lowercase)
}

/// Listed surnames that are also the Dutch words a sentence puts right after a name
/// (`ik neem anna mee`, `heb je peter meer gesproken`, `is jan langer ziek`): in lower case
/// right after a given name, the word, not the surname; the name ends before it.
const WORDS_AFTER_A_NAME: &[&[u8]] = &[b"mee", b"meer", b"langer", b"moe", b"keer", b"tevreden", b"kosten"];

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
        // `f. j.`: initials written with spaces (not `j. v.d. linden`: a tussenvoegsel).
        if b.get(pos) == Some(&b' ')
            && b.get(pos + 2) == Some(&b'.')
            && b.get(pos + 1).is_some_and(u8::is_ascii_lowercase)
            && lower_abbreviated_tussenvoegsel(&b[pos + 1..]).is_none_or(|len| len == 2)
        {
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
    // (Initials alone before a word that is no surname here are no name.)
    lower_surname_end(t, pos, true, count >= 2 || cued).filter(|&end| end > pos)
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::Person;

    /// More than eight names to look for again: found in one pass of an automaton, as one by one.
    #[test]
    fn many_lower_case_names_mentioned_again() {
        let text = "naam: jan vermeulen\nnaam: piet hofstede\nnaam: anna kuipers\nnaam: sanne dijkhuis\nnaam: kees wolters\nik heb vermeulen en kuipers gebeld, wolters niet. de kuipersbond belde.";
        assert_eq!(
            found(text, Person),
            ["jan vermeulen", "piet hofstede", "anna kuipers", "sanne dijkhuis", "kees wolters", "vermeulen", "kuipers", "wolters"]
        );
    }

    #[test]
    fn enumerated_given_names_in_lower_case() {
        assert_eq!(found("stuur dit naar collega's: lisa, joost en fatma", Person), ["lisa", "joost", "fatma"]);
        assert_eq!(found("kees en fatima komen morgen", Person), ["kees", "fatima"]);
        for text in ["appels, peren en bananen", "roos, lelie en tulp", "mark en roos komen", "wij, jullie en zij"] {
            assert!(found(text, Person).is_empty(), "{text}");
        }
    }

    #[test]
    fn full_names_typed_in_lower_case() {
        // Chat messages and prompts.
        assert_eq!(found("schrijf een brief aan jan de vries over zijn aanvraag", Person), ["jan de vries"]);
        assert_eq!(found("vat dit samen: gesprek met piet jansen op 3 maart", Person), ["piet jansen"]);
        assert_eq!(found("wat moet ik zeggen tegen fatima el amrani", Person), ["fatima el amrani"]);
        // A word a sentence puts after a name is no surname, though one is so spelt.
        assert_eq!(found("kan ik morgen met anna mee komen", Person), ["anna"]);
        assert_eq!(found("ik neem anna mee naar de afspraak", Person), ["anna"]);
        assert_eq!(found("ik heb met peter meer gebeld dan met jou", Person), ["peter"]);
        assert_eq!(found("ik heb met peter bakker gebeld", Person), ["peter bakker"]);
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
}
