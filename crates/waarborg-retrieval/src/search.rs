//! Search modes, filters, hits and reciprocal-rank fusion.

use serde::{Deserialize, Serialize};
use waarborg_models::Passage;

/// Which half of the index answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchMode {
    /// BM25 with the Dutch analyser only.
    Bm25,
    /// Dense vectors only (needs an embedder).
    Vectors,
    /// Both, fused (by default by normalised scores, see [`Fusion`]). Without an embedder: BM25
    /// alone.
    #[default]
    Hybrid,
}

impl SearchMode {
    /// Parses `bm25`, `vectors`, `hybrid`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "bm25" => Some(SearchMode::Bm25),
            "vectors" => Some(SearchMode::Vectors),
            "hybrid" => Some(SearchMode::Hybrid),
            _ => None,
        }
    }
}

/// Metadata filters; every set field must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// The source starts with this (a folder, a site).
    pub source_prefix: Option<String>,
    /// Published on or after this date (ISO 8601, compared as text); documents without a date
    /// do not pass.
    pub published_from: Option<String>,
    /// Published on or before this date.
    pub published_to: Option<String>,
}

impl Filter {
    pub(crate) fn is_empty(&self) -> bool {
        self.source_prefix.is_none() && self.published_from.is_none() && self.published_to.is_none()
    }

    /// The source prefix as a canonical path too (a relative folder from the working directory
    /// matches the absolute sources stored), keeping a trailing separator; `None` for a URL or
    /// when it is the same.
    pub(crate) fn canonical_prefix(&self) -> Option<String> {
        let p = self.source_prefix.as_deref()?;
        if crate::source::is_url(p) || p.is_empty() {
            return None;
        }
        let mut c = crate::source::canonical(p);
        if p.ends_with(std::path::MAIN_SEPARATOR) && !c.ends_with(std::path::MAIN_SEPARATOR) {
            c.push(std::path::MAIN_SEPARATOR);
        }
        (c != p).then_some(c)
    }

    /// Whether a document passes; `canonical_prefix` is [`Self::canonical_prefix`].
    pub(crate) fn accepts(&self, source: &str, published: Option<&str>, canonical_prefix: Option<&str>) -> bool {
        if let Some(p) = &self.source_prefix {
            if !source.starts_with(p.as_str()) && !canonical_prefix.is_some_and(|c| source.starts_with(c)) {
                return false;
            }
        }
        if self.published_from.is_some() || self.published_to.is_some() {
            let Some(date) = published else { return false };
            if self.published_from.as_deref().is_some_and(|f| date < f) || self.published_to.as_deref().is_some_and(|t| date > t) {
                return false;
            }
        }
        true
    }
}

/// One search result, with what a citation needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The collection.
    pub collection: String,
    /// File path or URL.
    pub source: String,
    /// Document title.
    pub title: String,
    /// Headings above the chunk (` › `-separated).
    pub heading: String,
    /// The chunk text.
    pub text: String,
    /// Start in the normalised document text, in chars.
    pub start: usize,
    /// End (exclusive), in chars.
    pub end: usize,
    /// Publication date, when known.
    pub published: Option<String>,
    /// The ranking score (higher is better): BM25, cosine, or the fused score.
    pub score: f32,
    /// BM25 score, when BM25 found it.
    pub bm25: Option<f32>,
    /// Cosine similarity, when the vectors found it.
    pub cosine: Option<f32>,
    /// Share of the question's (IDF-weighted, stemmed) words the chunk contains, 0-1: how
    /// relevant it is, comparable across questions (unlike the score).
    pub coverage: f32,
    /// sha256 of the chunk text.
    pub chunk_hash: String,
}

impl From<Hit> for Passage {
    fn from(h: Hit) -> Passage {
        Passage { source: h.source, title: h.title, text: h.text, score: h.score }
    }
}

/// How hybrid search combines the BM25 and the vector rankings. Both weigh the vector side by
/// `vector_weight` against BM25's 1.0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fusion {
    /// Convex combination of the scores, each min-max normalised over its own candidate list
    /// ([`fuse_scores`]); the default: it keeps how *much* better one chunk is than the next,
    /// which rank fusion throws away, so a clear vector winner is not outvoted by a middling
    /// BM25 rank (docs/benchmarks.md).
    #[default]
    Scores,
    /// Weighted reciprocal-rank fusion ([`rrf`]), `k` = 60.
    Rrf,
}

impl Fusion {
    /// Parses `scores`, `rrf`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "scores" => Some(Fusion::Scores),
            "rrf" => Some(Fusion::Rrf),
            _ => None,
        }
    }

    /// Fuses BM25's and the vectors' candidate lists (each best first), best first.
    pub(crate) fn fuse(self, bm25: &[(u64, f32)], dense: &[(u64, f32)], vector_weight: f32) -> Vec<(u64, f32)> {
        match self {
            Fusion::Scores => fuse_scores(bm25, dense, vector_weight),
            Fusion::Rrf => rrf(&[(bm25, 1.0), (dense, vector_weight)]),
        }
    }
}

/// Convex combination of min-max normalised scores: each list's scores are mapped to 0-1
/// (its best to 1, its worst candidate to 0); a chunk missing from a list gets 0 there; the
/// fused score is `bm25 + vector_weight × cosine` on that scale, best first. The scale is per
/// query, so it needs no calibration of BM25 against cosine.
pub fn fuse_scores(bm25: &[(u64, f32)], dense: &[(u64, f32)], vector_weight: f32) -> Vec<(u64, f32)> {
    let mut scores: std::collections::HashMap<u64, f32> = std::collections::HashMap::new();
    for (list, weight) in [(bm25, 1.0), (dense, vector_weight)] {
        let (lo, hi) = list.iter().fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), (_, s)| (lo.min(*s), hi.max(*s)));
        let span = hi - lo;
        for (id, s) in list {
            // One candidate, or all equal: each counts fully.
            let norm = if span > 0.0 { (s - lo) / span } else { 1.0 };
            *scores.entry(*id).or_default() += weight * norm;
        }
    }
    let mut out: Vec<(u64, f32)> = scores.into_iter().collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// The RRF constant (Cormack et al. 2009).
pub(crate) const RRF_K: f32 = 60.0;

/// Fuses ranked lists of ids by weighted reciprocal rank: `Σ weight / (RRF_K + rank)`, best
/// first.
pub fn rrf(lists: &[(&[(u64, f32)], f32)]) -> Vec<(u64, f32)> {
    let mut scores: std::collections::HashMap<u64, f32> = std::collections::HashMap::new();
    for (list, weight) in lists {
        for (rank, (id, _)) in list.iter().enumerate() {
            *scores.entry(*id).or_default() += weight / (RRF_K + rank as f32 + 1.0);
        }
    }
    let mut out: Vec<(u64, f32)> = scores.into_iter().collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rrf_rewards_agreement() {
        let a = [(1, 9.0), (2, 8.0), (3, 7.0)];
        let b = [(2, 0.9), (4, 0.8), (1, 0.7)];
        let fused = rrf(&[(&a, 1.0), (&b, 1.0)]);
        // Ranks 2 and 1 beat ranks 1 and 3; found by both beats found by one.
        assert_eq!(fused.iter().map(|f| f.0).collect::<Vec<_>>(), vec![2, 1, 4, 3], "{fused:?}");
    }

    #[test]
    fn score_fusion_keeps_a_clear_vector_winner_that_rank_fusion_loses() {
        // Chunk 7 is far ahead on cosine but BM25 does not find it; chunk 1 is BM25's best and
        // middling on cosine.
        let bm25 = [(1, 12.0), (2, 11.5), (3, 4.0)];
        let dense = [(7, 0.91), (1, 0.80), (2, 0.79), (3, 0.78)];
        let fused = fuse_scores(&bm25, &dense, 2.0);
        assert_eq!(fused[0].0, 7, "{fused:?}");
        assert!((fused[0].1 - 2.0).abs() < 1e-6, "{fused:?}");
        // Reciprocal ranks see only the order: the chunk both lists found wins.
        assert_eq!(rrf(&[(&bm25, 1.0), (&dense, 2.0)])[0].0, 1);
        // With no weight on the vectors, BM25's order stands; without candidates, nothing.
        assert_eq!(fuse_scores(&bm25, &dense, 0.0).iter().take(2).map(|f| f.0).collect::<Vec<_>>(), vec![1, 2]);
        assert!(fuse_scores(&[], &[], 2.0).is_empty());
        assert_eq!(Fusion::parse("rrf"), Some(Fusion::Rrf));
        assert_eq!(Fusion::parse("Scores"), None);
    }

    #[test]
    fn filters() {
        let f = Filter { source_prefix: Some("docs/".into()), published_from: Some("2024-01-01".into()), ..Filter::default() };
        assert!(f.accepts("docs/a.md", Some("2024-05-01"), None));
        assert!(!f.accepts("docs/a.md", Some("2023-05-01"), None));
        assert!(!f.accepts("docs/a.md", None, None));
        assert!(!f.accepts("other/a.md", Some("2024-05-01"), None));
        assert!(Filter::default().accepts("x", None, None));
        // A relative folder also matches the absolute sources under it, and only those.
        let f = Filter { source_prefix: Some("docs/".into()), ..Filter::default() };
        let abs = f.canonical_prefix().unwrap();
        assert!(abs.starts_with('/') && abs.ends_with("/docs/"), "{abs}");
        assert!(f.accepts(&format!("{abs}a.md"), None, Some(&abs)));
        assert!(!f.accepts(&format!("{}-old/a.md", abs.trim_end_matches('/')), None, Some(&abs)));
        let url = Filter { source_prefix: Some("https://x.nl/".into()), ..Filter::default() };
        assert_eq!(url.canonical_prefix(), None);
    }
}
