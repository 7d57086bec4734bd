//! Small, allocation-free helpers over the scanned text: neighbour checks, context windows and
//! sentence bounds. Detectors call these only at candidate positions, never per byte.

/// The text being scanned, as bytes for speed and as `str` for char work.
#[derive(Clone, Copy)]
pub(crate) struct Text<'a> {
    pub(crate) str: &'a str,
    pub(crate) bytes: &'a [u8],
}

impl<'a> Text<'a> {
    pub(crate) fn new(s: &'a str) -> Self {
        Text {
            str: s,
            bytes: s.as_bytes(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.bytes.len()
    }

    /// The char ending right before byte `pos`, if any.
    pub(crate) fn char_before(&self, pos: usize) -> Option<char> {
        self.str.get(..pos)?.chars().next_back()
    }

    /// The char starting at byte `pos`, if any.
    pub(crate) fn char_at(&self, pos: usize) -> Option<char> {
        self.str.get(pos..)?.chars().next()
    }

    /// Whether no letter or digit touches `pos` from the left.
    pub(crate) fn left_boundary(&self, pos: usize) -> bool {
        !self.char_before(pos).is_some_and(char::is_alphanumeric)
    }

    /// Whether no letter or digit touches `pos` from the right.
    pub(crate) fn right_boundary(&self, pos: usize) -> bool {
        !self.char_at(pos).is_some_and(char::is_alphanumeric)
    }

    /// The byte after `end`, and the one after that.
    pub(crate) fn peek2(&self, end: usize) -> (Option<u8>, Option<u8>) {
        (self.bytes.get(end).copied(), self.bytes.get(end + 1).copied())
    }

    /// Whether one of `words` (lower-case ASCII) occurs, case-insensitively, in the `window`
    /// bytes before `pos`.
    pub(crate) fn before_has(&self, pos: usize, window: usize, words: &[&str]) -> bool {
        let from = pos.saturating_sub(window);
        contains_any(&self.bytes[from..pos], words)
    }

    /// Like [`Self::before_has`], but a word must not continue another word on its left (for
    /// words of up to five letters also on its right): `btw` is not found in `a@btw.nl` nor
    /// `rsin` in `Ursinus`.
    pub(crate) fn before_has_word(&self, pos: usize, window: usize, words: &[&str]) -> bool {
        let from = pos.saturating_sub(window);
        let hay = &self.bytes[from..pos];
        words.iter().any(|w| {
            let w = w.as_bytes();
            w.len() <= hay.len()
                && (0..=hay.len() - w.len()).any(|i| {
                    hay[i..i + w.len()].eq_ignore_ascii_case(w)
                        && (i == 0 || !is_word_byte(hay[i - 1]))
                        && (w.len() > 5 || hay.get(i + w.len()).is_none_or(|&c| !is_word_byte(c)))
                        && !in_email_address(hay, i)
                })
        })
    }

    /// The header of the column whose cell is `start..end`, for a cell between two of `separators`
    /// (or starting its line, except in a `|` table). The header is the top row of the block of
    /// lines with the same separator, at most 64 lines up.
    pub(crate) fn column_header(&self, start: usize, end: usize, separators: &[u8]) -> Option<&'a str> {
        let b = self.bytes;
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
        // (Rows longer than `MAX_TABLE_LINE` are no table's: the bound keeps a text of long
        // lines full of cells linear.)
        let line_start = line_start_within(b, p, MAX_TABLE_LINE)?;
        let column = b[line_start..p].iter().filter(|&&c| c == sep).count();
        // Up to the block's first line.
        let mut header = line_start;
        for _ in 0..64 {
            if header == 0 {
                break;
            }
            let Some(above_start) = line_start_within(b, header - 1, MAX_TABLE_LINE) else {
                break;
            };
            if !b[above_start..header - 1].contains(&sep) {
                break;
            }
            header = above_start;
        }
        if header == line_start {
            return None;
        }
        let header_end = line_end_within(b, header, MAX_TABLE_LINE)?;
        self.str[header..header_end].split(char::from(sep)).nth(column)
    }

    /// The bytes of the `window` before `pos` with trailing spaces and `:`/`=`/`#` removed:
    /// what a label such as `BSN:` leaves right before a value.
    pub(crate) fn label_before(&self, pos: usize, window: usize) -> &'a [u8] {
        let from = pos.saturating_sub(window);
        let mut slice = &self.bytes[from..pos];
        while let Some((&last, rest)) = slice.split_last() {
            if matches!(last, b' ' | b'\t' | b':' | b'=' | b'#' | b'.' | b'(' | b'-') {
                slice = rest;
            } else {
                break;
            }
        }
        slice
    }

    /// Byte bounds of the sentence around `pos`: from after the previous sentence end (`.`, `!`,
    /// `?` followed by a space, or a newline) up to the next one, at most `max` bytes each way.
    pub(crate) fn sentence_around(&self, pos: usize, max: usize) -> (usize, usize) {
        let raw = self.sentence_raw(pos, max);
        self.sentence_on_chars(raw.start, raw.end)
    }

    /// [`Self::sentence_around`] before its bounds are moved onto char boundaries, with the
    /// sentence ends found: the last before `pos` (at most `max` back) and the first after it.
    fn sentence_raw(&self, pos: usize, max: usize) -> RawSentence {
        let b = self.bytes;
        // Found with `memchr` rather than byte by byte: the window is up to `max` bytes each
        // way and a sentence end is rare in it. The nearest newline bounds the search for the
        // nearest `.`/`!`/`?` that ends a sentence.
        let lo_limit = pos.saturating_sub(max);
        let before = &b[lo_limit..pos];
        let newline = memchr::memrchr(b'\n', before).map(|i| lo_limit + i);
        let from = newline.map_or(lo_limit, |n| n + 1);
        let end_before = memchr::memrchr3_iter(b'.', b'!', b'?', &b[from..pos])
            .map(|i| from + i)
            .find(|&i| is_sentence_end(b, i))
            .or(newline);
        let start = end_before.map_or(lo_limit, |i| i + 1);
        let hi_limit = (pos + max).min(b.len());
        let after = &b[pos..hi_limit];
        let newline = memchr::memchr(b'\n', after).map(|i| pos + i);
        let to = newline.unwrap_or(hi_limit);
        let end_after = memchr::memchr3_iter(b'.', b'!', b'?', &b[pos..to]).map(|i| pos + i).find(|&i| is_sentence_end(b, i)).or(newline);
        RawSentence { start, end_before, end: end_after.unwrap_or(hi_limit), ended: end_after.is_some() }
    }

    /// `start..end` moved onto char boundaries (limits may fall inside a multi-byte char).
    fn sentence_on_chars(&self, mut start: usize, mut end: usize) -> (usize, usize) {
        let b = self.bytes;
        // Stay on char boundaries (limits may fall inside a multi-byte char).
        while start < b.len() && !self.str.is_char_boundary(start) {
            start += 1;
        }
        while end < b.len() && !self.str.is_char_boundary(end) {
            end += 1;
        }
        (start, end.max(start))
    }
}

/// The bounds [`Text::sentence_around`] finds before moving them onto char boundaries.
#[derive(Clone, Copy)]
struct RawSentence {
    start: usize,
    /// The sentence end (or newline) right before `start`, if one lies in the window.
    end_before: Option<usize>,
    end: usize,
    /// Whether a sentence end (or newline) is at `end`, not the window's limit.
    ended: bool,
}

/// [`Text::sentence_around`] for positions that do not go back (the terms of a text, in order),
/// reusing the last sentence read for a position inside it: no sentence end lies between the two
/// positions, so the same ends bound both (the one before only while within `max` of the new
/// position).
#[derive(Default)]
pub(crate) struct SentenceCache {
    last: Option<(usize, usize, RawSentence)>,
}

impl SentenceCache {
    pub(crate) fn around(&mut self, t: &Text<'_>, pos: usize, max: usize) -> (usize, usize) {
        let raw = match self.last {
            Some((at, m, raw)) if m == max && at <= pos && raw.ended && pos <= raw.end => {
                let lo_limit = pos.saturating_sub(max);
                let end_before = raw.end_before.filter(|&d| d >= lo_limit);
                RawSentence { start: end_before.map_or(lo_limit, |d| d + 1), end_before, ..raw }
            }
            _ => t.sentence_raw(pos, max),
        };
        self.last = Some((pos, max, raw));
        t.sentence_on_chars(raw.start, raw.end)
    }
}

/// Whether the `.`/`!`/`?` at `i` ends a sentence: followed by whitespace or the end, and (for
/// `.`) not closing a single-letter initial or a short abbreviation such as `dhr.`.
fn is_sentence_end(b: &[u8], i: usize) -> bool {
    if b.get(i + 1).is_some_and(|c| !c.is_ascii_whitespace()) {
        return false;
    }
    if b[i] != b'.' {
        return true;
    }
    let mut j = i;
    while j > 0 && b[j - 1].is_ascii_alphabetic() {
        j -= 1;
    }
    let word = &b[j..i];
    if word.len() == 1 {
        return false;
    }
    const ABBREVIATIONS: &[&[u8]] = &[
        b"dhr", b"mevr", b"mw", b"mr", b"dr", b"drs", b"ir", b"ing", b"prof", b"nr", b"art", b"geb",
        b"mej", b"fam", b"bijv", b"evt", b"ca", b"tel", b"St", b"Th", b"Chr", b"Joh",
    ];
    !ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Whether the word at `i` in `hay` lies in an e-mail address (a token with `@` after it):
/// `dms` in `dms-0@aa.nl` labels nothing.
fn in_email_address(hay: &[u8], i: usize) -> bool {
    hay[i..].iter().take_while(|c| !c.is_ascii_whitespace()).any(|&c| c == b'@')
}

/// Letters, digits and the bytes of non-ASCII chars (a label glued to any of these is part of
/// a longer word). `@` and `.` count too: `btw` in `a@btw.nl` is a domain.
fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80 || c == b'@' || c == b'.'
}

/// Case-insensitive (ASCII) search for any of `words` (given in lower case) in `hay`.
pub(crate) fn contains_any(hay: &[u8], words: &[&str]) -> bool {
    // Lower-case the (short) window once, into 64 zeroed bytes; then each word's first byte is
    // looked for eight bytes at a time (most windows are a few dozen bytes: a `memchr` call per
    // word cost more than the search), and the rest compared where it stands.
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut buf = [0u8; 64];
    let n = hay.len();
    if n > buf.len() {
        return words.iter().any(|w| {
            let w = w.as_bytes();
            w.len() <= hay.len() && hay.windows(w.len()).any(|win| win.eq_ignore_ascii_case(w))
        });
    }
    buf[..n].copy_from_slice(hay);
    buf.make_ascii_lowercase();
    let lower = &buf[..n];
    words.iter().any(|w| {
        let w = w.as_bytes();
        let Some((&first, rest)) = w.split_first() else {
            return true;
        };
        if w.len() > n {
            return false;
        }
        // Candidate starts: `0..=last`.
        let last = n - w.len();
        let pattern = u64::from(first.to_ascii_lowercase()) * ONES;
        let mut chunk_start = 0;
        while chunk_start <= last {
            let mut chunk = [0u8; 8];
            chunk.copy_from_slice(&buf[chunk_start..chunk_start + 8]);
            let v = u64::from_le_bytes(chunk) ^ pattern;
            // The high bit of every zero byte of `v` (a byte equal to `first`), and perhaps of
            // bytes after one (a borrow): each candidate is compared in full below.
            let mut found = v.wrapping_sub(ONES) & !v & HIGH;
            while found != 0 {
                let i = chunk_start + (found.trailing_zeros() / 8) as usize;
                if i <= last && lower[i] == pattern as u8 && lower[i + 1..i + w.len()].iter().zip(rest).all(|(&a, &b)| a == b.to_ascii_lowercase()) {
                    return true;
                }
                found &= found - 1;
            }
            chunk_start += 8;
        }
        false
    })
}

/// The longest table row [`Text::column_header`] reads, in bytes.
const MAX_TABLE_LINE: usize = 4096;

/// Where the line holding `at` starts, if it starts at most `window` bytes before `at`; `None`
/// for a longer line. Callers that read around a position use it so that a text of one long
/// line costs them no more than `window` bytes per position.
pub(crate) fn line_start_within(b: &[u8], at: usize, window: usize) -> Option<usize> {
    let floor = at.saturating_sub(window);
    match memchr::memrchr(b'\n', &b[floor..at]) {
        Some(p) => Some(floor + p + 1),
        None if floor == 0 => Some(0),
        None => None,
    }
}

/// Where the line holding `at` ends (its `\n`, or the text's end), if within `window` bytes of
/// `at`; `None` for a longer line (see [`line_start_within`]).
pub(crate) fn line_end_within(b: &[u8], at: usize, window: usize) -> Option<usize> {
    let ceiling = (at + window).min(b.len());
    match memchr::memchr(b'\n', &b[at..ceiling]) {
        Some(p) => Some(at + p),
        None if ceiling == b.len() => Some(b.len()),
        None => None,
    }
}

/// Whether `hay` ends (case-insensitively) with one of `words`, at a word start.
pub(crate) fn ends_with_word(hay: &[u8], words: &[&str]) -> bool {
    words.iter().any(|w| {
        let w = w.as_bytes();
        hay.len() >= w.len()
            && hay[hay.len() - w.len()..].eq_ignore_ascii_case(w)
            && (hay.len() == w.len() || !hay[hay.len() - w.len() - 1].is_ascii_alphanumeric())
    })
}

/// The ASCII digits of `bytes`, into a fixed buffer; `None` if there are more than 32.
pub(crate) fn digits_of(bytes: &[u8]) -> Option<([u8; 32], usize)> {
    let mut buf = [0u8; 32];
    let mut n = 0;
    for &c in bytes {
        if c.is_ascii_digit() {
            if n == buf.len() {
                return None;
            }
            buf[n] = c;
            n += 1;
        }
    }
    Some((buf, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`contains_any`] as it was written first: `memchr` for each word's first byte.
    fn contains_any_plain(hay: &[u8], words: &[&str]) -> bool {
        let lower = hay.to_ascii_lowercase();
        words.iter().any(|w| {
            let w = w.as_bytes();
            let Some((&first, rest)) = w.split_first() else {
                return true;
            };
            w.len() <= lower.len()
                && memchr::memchr_iter(first.to_ascii_lowercase(), &lower[..=lower.len() - w.len()])
                    .any(|i| lower[i + 1..i + w.len()].iter().zip(rest).all(|(&a, &b)| a == b.to_ascii_lowercase()))
        })
    }

    proptest::proptest! {
        /// The cache finds the sentence `sentence_around` finds, for positions in order (and
        /// some going back), near and far from the window's limits.
        #[test]
        fn sentence_cache_equals_sentence_around(
            text in proptest::collection::vec(proptest::sample::select(vec!["a", "b", "Jan", " ", ".", ". ", "! ", "? ", "\n", "é", "dhr. ", "A. ", "€"]), 0..120),
            steps in proptest::collection::vec(0usize..12, 1..40),
            max in proptest::sample::select(vec![3usize, 8, 20, 240]),
        ) {
            let text: String = text.concat();
            let t = Text::new(&text);
            let mut cache = SentenceCache::default();
            let mut pos = 0usize;
            for step in steps {
                // (Mostly forward, now and then back.)
                pos = if step == 11 { pos / 2 } else { pos + step };
                if pos > text.len() {
                    break;
                }
                if !text.is_char_boundary(pos) {
                    continue;
                }
                proptest::prop_assert_eq!(cache.around(&t, pos, max), t.sentence_around(pos, max), "{:?} at {}", text, pos);
            }
        }

        /// The chunked search finds what the plain one finds, on windows up to 64 bytes and
        /// longer, over bytes that include the neighbours of the borrow in its zero test (0, 1,
        /// 0x80, 0x81) and letters in both cases.
        #[test]
        fn contains_any_equals_the_plain_search(
            hay in proptest::collection::vec(proptest::sample::select(vec![0u8, 1, b'a', b'b', b'A', b'B', b' ', 0x80, 0x81, 0xC3, 0xA9, b'g', b'e', b'n']), 0..80),
            words in proptest::collection::vec(proptest::sample::select(vec!["a", "ab", "ba", "geen ", "gEen", "b a", "\u{0}a", "\u{1}", "é", "aaaaaaaaa"]), 0..4),
        ) {
            proptest::prop_assert_eq!(contains_any(&hay, &words), contains_any_plain(&hay, &words));
        }
    }

    #[test]
    fn boundaries_see_unicode_letters() {
        let t = Text::new("é123 x");
        assert!(!t.left_boundary(2));
        assert!(t.right_boundary(5));
        assert!(t.left_boundary(0));
    }

    #[test]
    fn sentence_skips_initials_and_titles() {
        let s = "Eerste zin. Dhr. J. de Vries heeft diabetes. Laatste.";
        let t = Text::new(s);
        let pos = s.find("diabetes").unwrap();
        let (a, b) = t.sentence_around(pos, 200);
        assert_eq!(&s[a..b], " Dhr. J. de Vries heeft diabetes");
    }

    #[test]
    fn labels_and_windows() {
        let t = Text::new("Uw BSN: 123456782");
        assert!(ends_with_word(t.label_before(8, 20), &["bsn"]));
        assert!(t.before_has(8, 10, &["bsn"]));
        assert!(!t.before_has(8, 3, &["bsn"]));
        assert!(!ends_with_word(b"xbsn", &["bsn"]));
    }
}
