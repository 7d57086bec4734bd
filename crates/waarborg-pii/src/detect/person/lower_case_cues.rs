//! Names in lower case after a cue: a form of address or title that the keyword scanner finds from
//! [`LOWER_CASE_TITLES`] in any text (`mw j. van der linden-hermans`, `dhr de jong`), a
//! self-introduction or family word (`ik ben sanne de wit`, `mijn zoon heet noah`), a sign-off or
//! mail header (`groet\ngerrit ter horst`, `Van: hans vos <…>`); and, in text typed in lower case,
//! a name field's value or the name under a sign-off or after a salutation (`naam: loubna ouaali`).

use super::{is_arabic_particle, is_article, is_no_value, is_tussenvoegsel, needs_article, word_end, NameHit};
use super::context::possessive_before;
use super::lower_case::{is_lower_name_particle, lower_abbreviated_tussenvoegsel, lower_word_end, lower_word_ends};
use super::not_a_person::looks_like_street;
use super::words::{AMBIGUOUS_GIVEN_NAMES, PERSON_FIELD_LABELS};
use crate::lexicon::{is_common_word, is_surname, with_lower};
use crate::text::Text;
use std::ops::Range;

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
pub(super) fn lower_case_after_name_labels(t: &Text<'_>, out: &mut Vec<NameHit>) {
    let b = t.bytes;
    let mut hits = Placed::new(std::mem::take(out));
    let mut push = |range: Range<usize>| hits.place(range);
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
            // `[09:21] Klant: top dankjewel`: after a chat's time stamp the label is the speaker
            // of a message, not a field holding a name.
            if content.starts_with('[') || (content.as_bytes().first().is_some_and(u8::is_ascii_digit) && content.as_bytes()[..content.len().min(6)].contains(&b':')) {
                continue;
            }
            let start = colon + 1 + b[colon + 1..line_end].iter().take_while(|&&c| c == b' ' || c == b'\t').count();
            if let Some(range) = lower_name_value(t, start, line_start + line.len(), false) {
                push(range);
            }
        }
        line_start = line_end + 1;
    }
    *out = hits.into_hits();
}

/// The names found so far and those this pass adds: a new name replaces the ones it contains
/// and is left out where another overlaps it. (Looked up by start, not by reading every name for
/// every new one: a text of many `naam:` lines in lower case has as many names.)
struct Placed {
    hits: Vec<NameHit>,
    removed: Vec<bool>,
    /// (start, index into `hits`) of the names not removed.
    by_start: std::collections::BTreeSet<(usize, usize)>,
    /// The longest name's length: how far before a new name's start an overlapping one may start.
    longest: usize,
}

impl Placed {
    fn new(hits: Vec<NameHit>) -> Self {
        let by_start = hits.iter().enumerate().map(|(k, h)| (h.range.start, k)).collect();
        let longest = hits.iter().map(|h| h.range.len()).max().unwrap_or(0);
        Placed { removed: vec![false; hits.len()], hits, by_start, longest }
    }

    /// As `out.retain(|h| !contained(h)); if !out.iter().any(overlaps) { out.push(new) }`.
    fn place(&mut self, range: Range<usize>) {
        let from = range.start.saturating_sub(self.longest);
        let near: Vec<(usize, usize)> = self.by_start.range((from, 0)..(range.end, 0)).copied().collect();
        let mut overlapped = false;
        for (start, k) in near {
            let end = self.hits[k].range.end;
            if range.start <= start && end <= range.end {
                self.removed[k] = true;
                self.by_start.remove(&(start, k));
            } else if start < range.end && range.start < end {
                overlapped = true;
            }
        }
        if !overlapped {
            self.longest = self.longest.max(range.len());
            self.by_start.insert((range.start, self.hits.len()));
            self.hits.push(NameHit { range, score: 0.8 });
            self.removed.push(false);
        }
    }

    fn into_hits(self) -> Vec<NameHit> {
        self.hits.into_iter().zip(self.removed).filter(|(_, removed)| !removed).map(|(h, _)| h).collect()
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
    // Someone's partner, written of in the third person (`haar man gerrit`, `zijn vrouw els`).
    "haar man", "haar vrouw", "haar vriend", "haar vriendin", "haar partner", "zijn vrouw", "zijn man",
    "zijn vriendin", "zijn vriend", "zijn partner",
    // Thanks in a chat (`top dankjewel thijs`).
    "dankjewel", "bedankt", "thx",
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

/// Whether the title at `start` follows a comma or a preposition (`moeder, mw. …`, `met dhr.
/// …`): it names someone inside a clause, not the subject that opens one.
fn named_in_a_clause(b: &[u8], start: usize) -> bool {
    let head = b[..start].trim_ascii_end();
    head.ends_with(b",") || crate::text::ends_with_word(head, &["met", "van", "aan", "door", "bij", "voor", "namens", "tegen", "over"])
}

fn cue_of(word: &[u8]) -> Cue {
    let lower = |w: &[u8]| w.to_ascii_lowercase();
    match lower(word).as_slice() {
        b"groet" | b"groeten" | b"groetjes" | b"gr" | b"mvg" => Cue::SignOff,
        b"van:" | b"from:" => Cue::Header,
        b"heer" | b"familie" | b"mr" | b"dr" | b"drs" | b"ir" | b"prof" => Cue::CapitalOnly,
        w if w.starts_with(b"ik ")
            || w.starts_with(b"mijn ")
            || w.starts_with(b"haar ")
            || w.starts_with(b"zijn ")
            || matches!(w, b"naam is" | b"dankjewel" | b"bedankt" | b"thx") =>
        {
            Cue::Given
        }
        _ => Cue::Title,
    }
}

/// `mw j. van der linden-hermans`, `dhr de jong`, `mevr. van 't hof`: sloppy notes write names in
/// lower case; after a form of address we still read one.
pub(super) fn lower_case_after_titles(t: &Text<'_>, titles: &[Range<usize>], out: &mut Vec<NameHit>) {
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
        // `café De Heer van Heusden`: the title is part of a café's name.
        if super::not_a_person::room_before(b, pos + 1) {
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
            // `f. j. bakker`: initials written with spaces (not `j. v.d. linden`: a
            // tussenvoegsel).
            if b.get(pos) == Some(&b' ')
                && b.get(pos + 1).is_some_and(u8::is_ascii_lowercase)
                && b.get(pos + 2) == Some(&b'.')
                && !b.get(pos + 3).is_some_and(u8::is_ascii_alphanumeric)
                && lower_abbreviated_tussenvoegsel(&b[pos + 1..]).is_none_or(|len| len == 2)
            {
                pos += 1;
            }
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
            // `mw j. v.d. linden`: an abbreviated tussenvoegsel.
            if let Some(len) = lower_abbreviated_tussenvoegsel(&b[pos..]) {
                tuss = true;
                pos += len + 1;
                continue;
            }
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
            // `gesprek met moeder, mw. jagesar, over huiswerk`: after `mw.`, `dhr.` or `mevrouw`
            // in apposition or after a preposition, an unlisted word that is no common word
            // and ends its clause is a surname (not the subject's verb: `Mw. vertelt, dat`).
            let unlisted_surname = cue == Cue::Title
                && named_in_a_clause(b, m.start)
                && !tuss
                && !initials
                && !bare_initial
                && word.len() >= 4
                && word.bytes().all(|c| c.is_ascii_lowercase() || c >= 0x80)
                && !is_common_word(word)
                && !crate::lexicon::is_first_name(word)
                && matches!(b.get(end), None | Some(b',' | b')' | b';' | b'\n' | b'\r'));
            if (!tuss && !initials && !is_surname(core) && !unlisted_surname)
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

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::Person;

    #[test]
    fn spaced_initials_and_abbreviated_tussenvoegsels_in_lower_case() {
        for (text, want) in [
            ("mw j. v.d. linden belde", "j. v.d. linden"),
            ("mw a. v. bakker belde", "a. v. bakker"),
            ("mw f. j. bakker belde", "f. j. bakker"),
            ("dhr. j. v.d. berg-de wit", "j. v.d. berg-de wit"),
            ("de heer k. v.d. heuvel", "k. v.d. heuvel"),
            ("ze heeft gebeld (met sander v.d. heuvel van de afdeling)", "sander v.d. heuvel"),
            ("vraag het aan kees v/d berg", "kees v/d berg"),
        ] {
            assert_eq!(found(text, Person), [want], "{text}");
        }
        // A partner written of in the third person.
        assert_eq!(found("buurvrouw truus en haar man henk", Person), ["truus", "henk"]);
        assert_eq!(found("zijn vrouw els belde over de aanvraag", Person), ["els"]);
        assert!(found("haar man heeft dementie", Person).is_empty());
        // A verb after a given name is no surname (`dochter ingrid helpt`, `haar zoon karim belde`).
        assert_eq!(found("dochter ingrid helpt haar", Person), ["ingrid"]);
        assert_eq!(found("haar zoon karim belde gisteren boos op", Person), ["karim"]);
        // `v.` before a word of the phrase after it is no tussenvoegsel of a name.
        assert_eq!(found("met sander v. de gemeente", Person), ["sander"]);
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
}
