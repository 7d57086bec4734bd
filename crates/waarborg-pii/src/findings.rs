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
    if text.as_bytes()[..last].is_ascii() {
        for (byte, out) in bounds.iter_mut() {
            **out = *byte;
        }
        return;
    }
    let mut byte_pos = 0;
    let mut char_pos = 0;
    for (byte, out) in bounds.iter_mut() {
        if *byte >= byte_pos {
            char_pos += text[byte_pos..*byte].chars().count();
            byte_pos = *byte;
        }
        **out = char_pos;
    }
}
