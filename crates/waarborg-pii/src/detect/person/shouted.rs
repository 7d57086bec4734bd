//! Text written in capitals throughout (`MIJN VROUW AGNIESZKA IS 7 MAANDEN ZWANGER`): a complaint
//! typed with caps lock on, a form filled in in block letters. Capitals say nothing of names
//! there, so the capitalised-word passes see none; the pass for names after titles and other
//! cues in text typed in lower case reads a lower-case copy of such lines instead (`mijn vrouw agnieszka`, `meneer kok`, `mijn naam is
//! marek wójcik`), and what they find there is reported at the same offsets.

use super::lower_case_cues::lower_case_after_titles;
use super::{overlaps_indexed, NameHit};
use crate::text::Text;
use std::ops::Range;

/// Words in capitals the main pass must have met before the lines are looked at: a text with
/// fewer (`BSN`, `HR`, `INFO`) has no shouted line worth the lower-case copy.
pub(super) const ENOUGH_CAPS_WORDS: usize = 8;

/// Appends the names of the lines of `t` written in capitals, found in a lower-case copy, that
/// overlap no name in `out`.
pub(super) fn shouted_names(t: &Text<'_>, titles: &[Range<usize>], out: &mut Vec<NameHit>) {
    let b = t.bytes;
    // Only lines with a cue for a name in capitals (`MENEER`, `MIJN VROUW`, `NAAM IS`) are read
    // again: headings in capitals (`PROCES-VERBAAL VAN BEVINDINGEN`) and texts whose capitals are
    // abbreviations (`INFO`, `BSN`) have none.
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut cued = Vec::new();
    // The line of the cue before, and whether it is shouted (cues come in text order: each line
    // is found and weighed once).
    let mut current: Option<(Range<usize>, bool)> = None;
    for r in titles {
        let letters = b[r.clone()].iter().filter(|c| c.is_ascii_alphabetic());
        if letters.clone().count() < 2 || !letters.clone().all(u8::is_ascii_uppercase) {
            continue;
        }
        let (line, is_shouted) = match &current {
            Some((line, shouted)) if line.start <= r.start && r.end <= line.end => (line.clone(), *shouted),
            _ => {
                let from = current.as_ref().map_or(0, |(line, _)| line.end.min(r.start));
                let line_start = memchr::memrchr(b'\n', &b[from..r.start]).map_or(from, |p| from + p + 1);
                let line_end = memchr::memchr(b'\n', &b[r.end..]).map_or(b.len(), |p| r.end + p);
                let line = line_start..line_end;
                let verdict = shouted(&b[line.clone()]);
                current = Some((line.clone(), verdict));
                (line, verdict)
            }
        };
        if is_shouted {
            if lines.last() != Some(&line) {
                lines.push(line);
            }
            cued.push(r.clone());
        }
    }
    if cued.is_empty() {
        return;
    }
    // (`lines` is sorted and disjoint: a range lies inside the last line starting at or before it.)
    let inside = |r: &Range<usize>| {
        let i = lines.partition_point(|l| l.start <= r.start);
        i > 0 && r.end <= lines[i - 1].end
    };
    let lower = lower_case_copy(t.str, &lines);
    let lt = Text::new(&lower);
    let mut found = Vec::new();
    lower_case_after_titles(&lt, &cued, &mut found);
    let mut index = Vec::new();
    super::index_names(&mut index, out);
    for hit in found {
        if inside(&hit.range) && !overlaps_indexed(&index, &hit.range) {
            out.push(hit);
        }
    }
}

/// Whether `line` is written in capitals: at least 20 letters in five words or more, of which
/// at most one in twenty lower case.
fn shouted(line: &[u8]) -> bool {
    let upper = line.iter().filter(|c| c.is_ascii_uppercase()).count();
    let lower = line.iter().filter(|c| c.is_ascii_lowercase()).count();
    let words = line.iter().filter(|&&c| c == b' ').count() + 1;
    upper >= 20 && words >= 5 && lower * 20 <= upper
}

/// `s` with every char of `lines` lower-cased whose lower case is as long in UTF-8 (all of
/// ASCII, `Ó`, `Ś`), so that every offset stays the same; any other char is kept.
fn lower_case_copy(s: &str, lines: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    for line in lines {
        out.push_str(&s[at..line.start]);
        for c in s[line.clone()].chars() {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
                _ => out.push(c),
            }
        }
        at = line.end;
    }
    out.push_str(&s[at..]);
    out
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::Person;

    #[test]
    fn names_in_a_text_written_in_capitals() {
        let text = "GOEDENDAG. MIJN NAAM IS MAREK WÓJCIK EN IK WOON SINDS 2021 OP DE SCHIEDAMSEWEG.\n\
                    ER ZIJN RATTEN GEZIEN DOOR MIJN BUURMAN MENEER KOK VAN NUMMER 114.\n\
                    MIJN VROUW AGNIESZKA IS 7 MAANDEN ZWANGER EN DE VERLOSKUNDIGE ZEGT DAT HET NIET GEZOND IS.";
        let names = found(text, Person);
        for want in ["MAREK WÓJCIK", "KOK", "AGNIESZKA"] {
            assert!(names.iter().any(|n| n == want), "{want} in {names:?}");
        }
    }

    #[test]
    fn capitals_elsewhere_are_read_as_before() {
        // Log lines and headings in capitals name no one.
        let text = "INFO GET /api/v1/zaken 200\nERROR TIMEOUT NA 30 SECONDEN OP DE SERVER VAN DE GEMEENTE\nWARN MEER DAN 10 POGINGEN";
        assert!(found(text, Person).is_empty());
        assert!(found("BESLUIT OP BEZWAAR VAN DE HEER EN MEVROUW TEGEN HET BESLUIT VAN 12 MAART", Person).is_empty());
    }
}
