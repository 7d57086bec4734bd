//! One Aho-Corasick pass for every keyword list: special-category terms, value labels
//! (`KvK`, `geboren`, `paspoort`) and lower-case titles (`dhr`, `mevr.`). Three lists, one pass
//! over the bytes; each detector then looks only at its own hits.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::ops::Range;

/// What a keyword is to the detectors.
#[derive(Clone, Copy)]
enum Kind {
    Category(usize),
    Label(usize),
    Title,
}

/// The keyword automaton.
pub(crate) struct Keywords {
    automaton: AhoCorasick,
    /// For each distinct keyword, what it is (a string may be in several lists).
    kinds: Vec<Vec<Kind>>,
}

/// The hits of one pass, per list, in text order. Ranges are byte offsets.
#[derive(Default)]
pub(crate) struct KeywordHits {
    /// (index into the category terms, range)
    pub(crate) categories: Vec<(usize, Range<usize>)>,
    /// (index into the labels, range)
    pub(crate) labels: Vec<(usize, Range<usize>)>,
    /// Lower-case title words.
    pub(crate) titles: Vec<Range<usize>>,
}

impl Keywords {
    /// Builds the automaton; matching is ASCII case-insensitive, leftmost-longest.
    pub(crate) fn new(
        category_terms: &[&str],
        labels: &[&str],
        titles: &[&str],
    ) -> Result<Self, aho_corasick::BuildError> {
        let mut strings: Vec<String> = Vec::new();
        let mut kinds: Vec<Vec<Kind>> = Vec::new();
        let mut add = |s: &str, kind: Kind| {
            let lower = s.to_ascii_lowercase();
            match strings.iter().position(|x| *x == lower) {
                Some(i) => kinds[i].push(kind),
                None => {
                    strings.push(lower);
                    kinds.push(vec![kind]);
                }
            }
        };
        for (i, s) in category_terms.iter().enumerate() {
            add(s, Kind::Category(i));
        }
        for (i, s) in labels.iter().enumerate() {
            add(s, Kind::Label(i));
        }
        for s in titles {
            add(s, Kind::Title);
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&strings)?;
        Ok(Keywords { automaton, kinds })
    }

    /// Finds every keyword in `bytes`.
    pub(crate) fn scan(&self, bytes: &[u8]) -> KeywordHits {
        let mut hits = KeywordHits::default();
        if self.kinds.is_empty() {
            return hits;
        }
        for m in self.automaton.find_iter(bytes) {
            for kind in &self.kinds[m.pattern().as_usize()] {
                match *kind {
                    Kind::Category(i) => hits.categories.push((i, m.range())),
                    Kind::Label(i) => hits.labels.push((i, m.range())),
                    Kind::Title => hits.titles.push(m.range()),
                }
            }
        }
        hits
    }
}
