//! What a scan reports: entity [`Span`]s and document-level [`Category`] evidence.

use crate::entity::{Category, EntityType};
use serde::Serialize;

/// One piece of personal data in the text.
///
/// `start`/`end` count Unicode scalar values (Python `str` indexes, as Presidio reports);
/// `byte_start`/`byte_end` count UTF-8 bytes; ends are exclusive.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    /// The kind of personal data.
    #[serde(rename = "type")]
    pub entity: EntityType,
    /// Start, in chars.
    pub start: usize,
    /// End (exclusive), in chars.
    pub end: usize,
    /// Start, in bytes.
    pub byte_start: usize,
    /// End (exclusive), in bytes.
    pub byte_end: usize,
    /// Confidence between 0 and 1.
    pub score: f32,
    /// The detector that found it (`bsn`, `phone_nl`, `person`, `deny_list`, …).
    pub detector: &'static str,
}

/// Evidence for a document-level category: the term and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryEvidence {
    /// The category.
    pub category: Category,
    /// Start, in chars.
    pub start: usize,
    /// End (exclusive), in chars.
    pub end: usize,
    /// Start, in bytes.
    pub byte_start: usize,
    /// End (exclusive), in bytes.
    pub byte_end: usize,
    /// Confidence between 0 and 1.
    pub score: f32,
    /// The detector that found it.
    pub detector: &'static str,
}

/// Everything a scan found in one text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Findings {
    /// Non-overlapping spans, in text order.
    pub spans: Vec<Span>,
    /// The categories present, each once, in taxonomy order.
    pub categories: Vec<Category>,
    /// The evidence for `categories`, in text order.
    pub category_evidence: Vec<CategoryEvidence>,
}

impl Findings {
    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty() && self.categories.is_empty()
    }

    /// The entity types present, each once.
    pub fn entity_types(&self) -> Vec<EntityType> {
        let mut types: Vec<EntityType> = self.spans.iter().map(|s| s.entity).collect();
        types.sort();
        types.dedup();
        types
    }
}

/// Fills char offsets from byte offsets. `bounds` must be sorted by byte offset (non-decreasing).
pub(crate) fn char_offsets(text: &str, bounds: &mut [(usize, &mut usize)]) {
    // Only the text up to the last bound matters: if it is ASCII, chars are bytes.
    let last = bounds.last().map_or(0, |(byte, _)| *byte);
    let ascii_end = ascii_prefix(&text.as_bytes()[..last]);
    if ascii_end == last {
        for (byte, out) in bounds.iter_mut() {
            **out = *byte;
        }
        return;
    }
    // The chars from `from` to `to`: before `ascii_end` they are bytes, counted without
    // decoding.
    let chars_between = |from: usize, to: usize| {
        if to <= ascii_end {
            to - from
        } else if from >= ascii_end {
            text[from..to].chars().count()
        } else {
            (ascii_end - from) + text[ascii_end..to].chars().count()
        }
    };
    let mut byte_pos = 0;
    let mut char_pos = 0;
    for (byte, out) in bounds.iter_mut() {
        if *byte >= byte_pos {
            char_pos += chars_between(byte_pos, *byte);
            byte_pos = *byte;
        }
        **out = char_pos;
    }
}

/// The length of the run of ASCII bytes that `b` starts with, eight bytes at a time.
fn ascii_prefix(b: &[u8]) -> usize {
    let mut i = 0;
    while i + 8 <= b.len() {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&b[i..i + 8]);
        let high = u64::from_le_bytes(chunk) & 0x8080_8080_8080_8080;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && b[i].is_ascii() {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::char_offsets;

    #[test]
    fn char_offsets_equal_counting_from_the_start() {
        // Non-ASCII chars early, late, at chunk edges and nowhere.
        for text in [
            "Jan de Vries",
            "café bij José, Zoë en Jürgen wonen in Düsseldorf",
            "abcdefgh€ijklmnop",
            "abcdefghijklmnopqrstuvwxyz0123456789 – 😀 – einde",
            "ééééééééé",
        ] {
            let ends: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let mut got = vec![0; ends.len()];
            let mut bounds: Vec<(usize, &mut usize)> = ends.iter().copied().zip(got.iter_mut()).collect();
            char_offsets(text, &mut bounds);
            let want: Vec<usize> = ends.iter().map(|&i| text[..i].chars().count()).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
