//! Names in capitals and initials without dots. Words in capitals are mostly headings and
//! abbreviations (`GEGEVENS AANVRAGER`, `BSN`): a surname in capitals is read only where forms and
//! police reports write one, after a name label, a form of address or initials, or reversed before
//! given names (`Achternaam: OUAALI`, `Dhr. JANSEN`, `DIALLO, Mamadou`). Initials without dots
//! start a name before a surname (`JW de Boer`, `A de Vries`), but not abbreviations (`HR`, `CDA`).

use super::{
    abbreviated_tussenvoegsel, ascii_word_start, dashed_surname_end, is_lower_tussenvoegsel, is_no_value,
    read_token, word_end, Kind, NameHit,
};
use super::context::{name_label_before, reversed_tail, title_before, Tail};
use super::not_a_person::trade_name_around;
use super::words::ORGANISATION_ENDING_SET;
use crate::text::Text;

/// Whether `word` is written in capitals (at least two letters, none lower case).
pub(super) fn is_caps_word(word: &str) -> bool {
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
pub(super) fn caps_name(t: &Text<'_>, i: usize, end: usize) -> Option<NameHit> {
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

/// `Jurick ISENIA (geb. 02-09-1999)`, `Anna DE VRIES`: police reports and forms write the
/// surname in capitals after the given name. At the end of a name of one capitalised word: the
/// end of the surname in capitals after it (capital particles, then a word with a
/// vowel that is no abbreviation, common word or organisation), where no capital word follows.
pub(super) fn caps_surname_after(t: &Text<'_>, name: &std::ops::Range<usize>) -> Option<usize> {
    let b = t.bytes;
    // (Most names are followed by something else: settled by two bytes.)
    if b.get(name.end) != Some(&b' ') || !b.get(name.end + 1).is_some_and(u8::is_ascii_uppercase) || !b.get(name.end + 2).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    // (A name of one capitalised word: a given name, listed or read as one from its context.)
    let given = &t.str[name.clone()];
    if given.contains([' ', '.', '-']) || !given.chars().nth(1).is_some_and(char::is_lowercase) {
        return None;
    }
    let mut p = name.end + 1;
    loop {
        let we = word_end(t, p);
        let w = &t.str[p..we];
        if !is_caps_word(w) {
            return None;
        }
        if matches!(w, "VAN" | "DE" | "DER" | "DEN" | "TER" | "TEN" | "EL" | "AL") && b.get(we) == Some(&b' ') {
            p = we + 1;
            continue;
        }
        let f = crate::lexicon::flags_of(w);
        let vowel = w.chars().any(|c| matches!(c, 'A' | 'E' | 'I' | 'O' | 'U' | 'Y') || !c.is_ascii());
        let not_a_name = f & (crate::lexicon::COMMON | crate::lexicon::ORG | crate::lexicon::TITLE | crate::lexicon::PLACE) != 0
            && f & crate::lexicon::SURNAME == 0;
        // (Not a heading or a sentence in capitals going on: `Jan BELT TERUG`.)
        let next_caps = b.get(we) == Some(&b' ') && b.get(we + 1).is_some_and(u8::is_ascii_uppercase) && b.get(we + 2).is_some_and(u8::is_ascii_uppercase);
        return (w.len() >= 3 && vowel && !not_a_name && !is_abbreviation(w) && !next_caps).then_some(we);
    }
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
    if end == pos {
        return None;
    }
    // `CRAATS, H.J. VAN DE`: the tussenvoegsels after the given names or initials; `DOELWIJT,
    // JERREL R.`: an initial after a given name. Taken only where the value ends after them.
    let value_end = |e: usize| matches!(b.get(e), None | Some(b'\n' | b'\r' | b'\t' | b',' | b';' | b'|' | b')')) || b[e..].starts_with(b"  ");
    let mut tail = end;
    while b.get(tail) == Some(&b' ') {
        let we = word_end(t, tail + 1);
        let w = &b[tail + 1..we];
        let particle = matches!(w, b"VAN" | b"DE" | b"DER" | b"DEN" | b"TER" | b"TEN" | b"TE" | b"HET" | b"VON" | b"LA" | b"LE" | b"DA" | b"DOS");
        let initial = w.len() == 1 && w[0].is_ascii_uppercase() && b.get(we) == Some(&b'.');
        if !(particle || initial) {
            break;
        }
        tail = if initial { we + 1 } else { we };
    }
    if tail > end && value_end(tail) {
        end = tail;
    }
    let ends_value = matches!(b.get(end), None | Some(b'\n' | b'\r' | b'\t' | b',' | b';' | b'|' | b')' | b' '));
    ends_value.then_some(end)
}

/// The end of the word at `i` when [`read_token`] would reject it at once as a word in ASCII
/// capitals (`BSN`, `INFO`; its first two bytes ASCII capitals, no lower-case letter, no
/// non-ASCII byte); `None` when that needs the full reading. A word of at most five bytes before
/// a dot goes the full way: it may be initials (`IJ.`).
#[inline]
pub(super) fn ascii_caps_word(t: &Text<'_>, i: usize) -> Option<usize> {
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
pub(super) fn undotted_initials_name(t: &Text<'_>, i: usize, end: usize) -> Option<NameHit> {
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

/// Capitals that stand before a surname without being initials: abbreviations of Dutch public
/// life, parties and companies, Roman numerals, and `U` (the formal "you"). Sorted (searched
/// by halving; a test checks the order).
const NOT_INITIALS: &[&str] = &[
    "ABN", "ACM", "AD", "AFM", "AH", "AI", "ALV", "AM", "ANP", "AO", "AOW", "AP", "API", "APV", "AVG", "AW",
    "BABS", "BBB", "BCC", "BHV", "BO", "BOA", "BRP", "BSN", "BSO", "BV", "BW", "BZ", "BZK", "BenW", "CAO", "CBS",
    "CC", "CDA", "CEO", "CFO", "CIO", "CISO", "CIZ", "CJG", "CNV", "COA", "CPB", "CSV", "CTO", "CU", "CV", "CVB",
    "CZ", "CvB", "DG", "DM", "DNB", "DPO", "DSW", "DT", "DUO", "EK", "EU", "EZK", "FG", "FM", "FNV", "FW",
    "FWD", "FvD", "GB", "GBS", "GGD", "GGZ", "GL", "GMR", "GR", "GS", "HBO", "HR", "HRM", "I", "IC", "ICT",
    "ID", "IGJ", "II", "III", "IKC", "IND", "ING", "IPO", "ISK", "IT", "IV", "IVA", "IVM", "IX", "IenW", "JGZ",
    "JZ", "JenV", "KB", "KBS", "KCC", "KDV", "KLM", "KPN", "KVK", "LNV", "MB", "MBO", "MKB", "MR", "MSC", "MT",
    "MVG", "MZR", "MvT", "NB", "NCW", "NH", "NL", "NO", "NOS", "NP", "NRC", "NS", "NSC", "NV", "NVT", "OBS",
    "OCW", "OK", "OM", "OOV", "OR", "OV", "OVJ", "OZB", "OvJ", "PC", "PDF", "PGB", "PM", "PO", "POH", "PS",
    "PSZ", "PVV", "PvdA", "PvdD", "RC", "RDW", "RE", "RIB", "RO", "ROC", "RTL", "RV", "RVB", "RVO", "RVT", "RvC",
    "RvR", "RvS", "RvT", "RvdK", "SBO", "SCP", "SEH", "SG", "SGP", "SMS", "SO", "SOK", "SP", "SR", "SSC", "SVB",
    "SZ", "SZW", "TAV", "TK", "TU", "TV", "U", "UK", "URL", "US", "UWV", "VCP", "VGZ", "VI", "VII", "VNG",
    "VNO", "VO", "VOF", "VOG", "VS", "VSO", "VT", "VTH", "VU", "VVD", "VVE", "VVV", "VWO", "VWS", "VZ", "VvE",
    "WAO", "WBV", "WGA", "WGO", "WIA", "WMO", "WNV", "WO", "WOB", "WOO", "WOZ", "WRR", "WW", "XI", "XII", "XML",
    "ZH", "ZL", "ZW", "ZZP",
];

/// Whether `word` (in capitals) is a listed abbreviation, no initials (`OK`, `NVT`, `HR`).
pub(super) fn is_abbreviation(word: &str) -> bool {
    NOT_INITIALS.binary_search(&word).is_ok()
}

/// Forms of address (not roles): after these a surname stays a surname whatever it ends in.
const FORMS_OF_ADDRESS: &[&str] = &[
    "dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "prof", "mej", "fam", "familie", "heer",
    "mevrouw", "meneer", "juffrouw", "mrs", "ms", "miss", "sir", "madam",
];

pub(super) fn is_form_of_address(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    FORMS_OF_ADDRESS.iter().any(|f| f.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::Person;

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
}
