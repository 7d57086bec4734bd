//! EMAIL — e-mail addresses.
//!
//! **What it finds:** `local@domain.tld` with the usual characters in the local part and a
//! dotted domain ending in a 2–24 letter top-level domain.
//!
//! **Why it is personal data:** personal addresses (`j.devries@…`) name their owner; even
//! function addresses route to identifiable staff.
//!
//! Also written to dodge spam robots: `piet.jansen (at) gmail (dot) com`, `p.jansen[at]ziggo.nl`
//! (the `at` in round or square brackets; a spelled-out ` at ` is an English word).
//!
//! **Hard negatives:** `@`-handles without a domain, version strings (`pkg@1.2.3`).
//!
//! Not a pattern rule: every address has an `@`, so the detector jumps from `@` to `@`
//! (memchr) and grows the address outwards, which keeps this common, wide pattern out of the
//! shared automaton.

use super::patterns::PatternHit;
use super::Hit;
use crate::entity::EntityType;
use crate::text::Text;

/// Finds e-mail addresses, appending to `out`.
pub(crate) fn scan(t: &Text<'_>, out: &mut Vec<PatternHit>) {
    let b = t.bytes;
    let mut last_end = 0;
    for at in memchr::memchr_iter(b'@', b) {
        if at < last_end {
            continue;
        }
        if let Some(range) = address_around(t, at) {
            last_end = range.end;
            out.push(PatternHit {
                entity: EntityType::Email,
                detector: "email",
                hit: Hit::new(range, 0.99),
                labelled: false,
            });
        }
    }
}

/// The markers of an address written to dodge spam robots, found by the keyword pass.
pub(crate) const AT_MARKERS: [&str; 2] = ["(at)", "[at]"];

/// The addresses found before the obfuscated ones, for [`scan_obfuscated`]'s overlap test:
/// sorted by start, with the furthest end up to each, and the furthest end of those added since
/// (markers come in text order, and an address holds its marker). A text of many markers
/// would otherwise cost a pass over all addresses per marker.
pub(crate) struct Found {
    starts: Vec<usize>,
    furthest_end: Vec<usize>,
    added_end: usize,
}

impl Found {
    pub(crate) fn new(out: &[PatternHit]) -> Self {
        let mut ranges: Vec<(usize, usize)> = out.iter().map(|h| (h.hit.range.start, h.hit.range.end)).collect();
        ranges.sort_unstable();
        let mut furthest = 0;
        let furthest_end = ranges
            .iter()
            .map(|&(_, end)| {
                furthest = furthest.max(end);
                furthest
            })
            .collect();
        Found { starts: ranges.iter().map(|&(start, _)| start).collect(), furthest_end, added_end: 0 }
    }

    /// Whether `r` overlaps an address found before or added since.
    fn overlaps(&self, r: &std::ops::Range<usize>) -> bool {
        let before_end = self.starts.partition_point(|&s| s < r.end);
        (before_end > 0 && self.furthest_end[before_end - 1] > r.start) || self.added_end > r.start
    }
}

/// Appends the address around one of [`AT_MARKERS`] at `marker`, if there is one.
pub(crate) fn scan_obfuscated(t: &Text<'_>, marker: std::ops::Range<usize>, found_before: &mut Found, out: &mut Vec<PatternHit>) {
    let b = t.bytes;
    let brackets = (b[marker.start], b[marker.end - 1]);
    if !matches!(brackets, (b'(', b')') | (b'[', b']')) {
        return;
    }
    let found = obfuscated_around(b, marker.start, marker.end);
    // (Not inside an address found already: `(at)` in a quoted name before one.)
    if let Some(range) = found.filter(|r| !found_before.overlaps(r)) {
        found_before.added_end = found_before.added_end.max(range.end);
        out.push(PatternHit {
            entity: EntityType::Email,
            detector: "email_obfuscated",
            hit: Hit::new(range, 0.9),
            labelled: false,
        });
    }
}

/// `piet.jansen (at) gmail (dot) com` around the `(at)` at `open..close`: a local part of ASCII
/// address bytes, then domain labels separated by `.` or a bracketed `dot`, the last of 2–24
/// letters.
fn obfuscated_around(b: &[u8], open: usize, close: usize) -> Option<std::ops::Range<usize>> {
    let mut local_end = open;
    if local_end > 0 && b[local_end - 1] == b' ' {
        local_end -= 1;
    }
    let mut start = local_end;
    while start > 0 && local_end - start < 64 && b[start - 1].is_ascii() && is_local(b[start - 1]) {
        start -= 1;
    }
    while start < local_end && !b[start].is_ascii_alphanumeric() {
        start += 1;
    }
    if start == local_end || (start > 0 && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] >= 0x80)) {
        return None;
    }
    let mut pos = close;
    if b.get(pos) == Some(&b' ') {
        pos += 1;
    }
    let mut labels = 0;
    let mut last_label = (pos, pos);
    loop {
        let label_start = pos;
        while pos < b.len() && (b[pos].is_ascii_alphanumeric() || b[pos] == b'-') && pos - label_start < 63 {
            pos += 1;
        }
        if pos == label_start {
            break;
        }
        labels += 1;
        last_label = (label_start, pos);
        // The separator: `.`, or `(dot)` / `[dot]` with optional spaces around it.
        let rest = &b[pos..];
        let spaced = usize::from(rest.first() == Some(&b' '));
        let bracketed = rest.get(spaced..spaced + 5).is_some_and(|w| {
            (w[0] == b'(' && w[4] == b')' || w[0] == b'[' && w[4] == b']') && w[1..4].eq_ignore_ascii_case(b"dot")
        });
        let next = if bracketed {
            pos + spaced + 5 + usize::from(b.get(pos + spaced + 5) == Some(&b' '))
        } else if rest.first() == Some(&b'.') {
            pos + 1
        } else {
            break;
        };
        if !b.get(next).is_some_and(u8::is_ascii_alphanumeric) {
            break;
        }
        pos = next;
    }
    let tld = &b[last_label.0..last_label.1];
    if labels < 2 || !(2..=24).contains(&tld.len()) || !tld.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    if b.get(last_label.1).is_some_and(|&c| c.is_ascii_alphanumeric() || c >= 0x80) {
        return None;
    }
    Some(start..last_label.1)
}

/// Bytes of a local part: ASCII letters, digits, `._%+-`, and the bytes of non-ASCII chars
/// (internationalised addresses such as `zoë@…`, RFC 6531).
fn is_local(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-') || c >= 0x80
}

/// A Woo ground for a redaction as Woo documents print it where a name stood: `5.1.2e`,
/// `5.1.2.e`, `5.1.1c`, `10.2e`, `10.2.e` (the digits of an article and a letter).
fn is_woo_ground(local: &[u8]) -> bool {
    let Some((&letter, digits)) = local.split_last() else {
        return false;
    };
    let digits = digits.strip_suffix(b".").unwrap_or(digits);
    letter.is_ascii_lowercase()
        && digits.first().is_some_and(u8::is_ascii_digit)
        && digits.last().is_some_and(u8::is_ascii_digit)
        && digits.iter().all(|&c| c.is_ascii_digit() || c == b'.')
        && digits.contains(&b'.')
}

fn address_around(t: &Text<'_>, at: usize) -> Option<std::ops::Range<usize>> {
    let b = t.bytes;
    // Local part: up to 64 allowed bytes before `@`, starting with a letter or digit.
    let mut start = at;
    while start > 0 && at - start < 64 && is_local(b[start - 1]) {
        start -= 1;
    }
    // Start on a char boundary, at a letter or digit.
    while start < at
        && !(t.str.is_char_boundary(start) && t.char_at(start).is_some_and(char::is_alphanumeric))
    {
        start += 1;
    }
    if start == at || t.char_before(start).is_some_and(char::is_alphanumeric) {
        return None;
    }
    // `5.1.2e@minbzk.nl`: a Woo decision's ground for a redaction (art. 5.1 lid 2 sub e Woo)
    // in place of the local part: the address was redacted already.
    if is_woo_ground(&b[start..at]) {
        return None;
    }
    // Domain: labels of letters, digits and inner hyphens, separated by dots.
    let mut end = at + 1;
    let mut label_start = end;
    let mut last_label = (end, end);
    let mut labels = 0;
    loop {
        while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'-') && end - label_start < 63 {
            end += 1;
        }
        let label = &b[label_start..end];
        if label.is_empty() || label[0] == b'-' || label[label.len() - 1] == b'-' {
            // An empty or malformed label ends the domain before it.
            break;
        }
        labels += 1;
        last_label = (label_start, end);
        if end + 1 < b.len() && b[end] == b'.' && b[end + 1].is_ascii_alphanumeric() {
            end += 1;
            label_start = end;
        } else {
            break;
        }
    }
    let end = last_label.1;
    let tld = &b[last_label.0..last_label.1];
    if labels < 2 || !(2..=24).contains(&tld.len()) || !tld.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    if t.char_at(end).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::Email;

    #[test]
    fn finds_addresses() {
        assert_eq!(found("mail j.devries@utrecht.nl.", Email), ["j.devries@utrecht.nl"]);
        assert_eq!(found("<a.b+tag@sub.example.org>", Email), ["a.b+tag@sub.example.org"]);
        assert_eq!(found("FATIMA_1990@Hotmail.COM", Email), ["FATIMA_1990@Hotmail.COM"]);
        assert_eq!(found("(mail: x@y-z.nl)", Email), ["x@y-z.nl"]);
        assert_eq!(found("mail zoë.çelik@voorbeeld.nl", Email), ["zoë.çelik@voorbeeld.nl"]);
    }

    #[test]
    fn finds_addresses_written_to_dodge_spam_robots() {
        assert_eq!(found("mijn e-mail is piet.jansen (at) gmail (dot) com", Email), ["piet.jansen (at) gmail (dot) com"]);
        assert_eq!(found("mail me op piet[at]gmail.com.", Email), ["piet[at]gmail.com"]);
        assert_eq!(found("p.jansen(AT)gemeente.utrecht.nl", Email), ["p.jansen(AT)gemeente.utrecht.nl"]);
        assert_eq!(found("k.bos [at] ziggo [dot] nl", Email), ["k.bos [at] ziggo [dot] nl"]);
        // Not an address: no domain, no top-level domain, a bracketed `at` in a sentence.
        assert!(found("zie bijlage (at) hierboven", Email).is_empty());
        assert!(found("het bedrag (at) 3.50", Email).is_empty());
        assert!(found("piet (at) gmail", Email).is_empty());
        assert!(found("what (at) all", Email).is_empty());
    }

    #[test]
    fn hard_negatives() {
        // A Woo document's redacted address, and an address whose local part only looks so.
        assert!(found("Aan: 5.1.2e <5.1.2e@minbzk.nl>", Email).is_empty());
        assert!(found("Van: 10.2.e@rijksoverheid.nl", Email).is_empty());
        assert_eq!(found("mail 5.1.2ea@minbzk.nl of jan.5e@minbzk.nl", Email), ["5.1.2ea@minbzk.nl", "jan.5e@minbzk.nl"]);
        assert!(found("volg @gemeente op sociale media", Email).is_empty());
        assert!(found("install pkg@1.2.3", Email).is_empty());
        assert!(found("jan@localhost", Email).is_empty());
        assert!(found("a@b", Email).is_empty());
        assert!(found("@@@.nl", Email).is_empty());
    }
}
