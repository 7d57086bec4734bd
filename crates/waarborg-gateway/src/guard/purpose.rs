//! Purpose binding (R-PURPOSE-2): is a request plainly outside what the application is for?
//!
//! What it does: compares the content words of the question with those of the registered
//! purpose (light Dutch/English stemming), and — when an embedder is configured — the embedding
//! similarity. A request is refused only when it is *clearly* off-purpose: at least three
//! content words, none shared with the purpose, and (with an embedder) a similarity under the
//! policy's threshold. Short or vague messages pass; the cost of a false refusal for a citizen
//! is higher than that of an off-topic answer, which the disclosure already qualifies.

use std::collections::HashSet;

/// Words that say nothing about a topic.
const STOPWORDS: &[&str] = &[
    "de", "het", "een", "en", "of", "van", "voor", "over", "met", "in", "op", "aan", "bij", "uit", "naar", "door", "om",
    "te", "is", "zijn", "ben", "bent", "was", "wordt", "worden", "kan", "kunt", "kun", "mag", "moet", "wil", "wilt",
    "ik", "je", "jij", "u", "uw", "we", "wij", "ze", "zij", "hij", "mijn", "ons", "onze", "die", "dat", "dit", "deze",
    "wat", "wie", "hoe", "waar", "wanneer", "waarom", "welke", "er", "niet", "geen", "ook", "nog", "al", "als", "dan",
    "maar", "want", "dus", "heb", "hebt", "heeft", "hebben", "graag", "even", "alstublieft", "aub", "please", "zou",
    "zouden", "the", "a", "an", "and", "or", "of", "for", "about", "with", "to", "on", "at", "by", "from", "is", "are",
    "be", "can", "could", "i", "you", "me", "my", "your", "we", "our", "it", "this", "that", "what", "who", "how",
    "where", "when", "why", "which", "do", "does", "not", "no", "also", "if", "then", "but", "so", "have", "has",
    "will", "would", "should", "there", "vragen", "vraag", "question", "questions", "beantwoorden", "answer",
    "answering", "help", "helpen", "hulp", "iets", "something", "meer", "more", "alles", "all", "some", "veel",
];

/// Content words of `text`, stemmed.
pub fn content_words(text: &str) -> HashSet<String> {
    let stop: HashSet<&str> = STOPWORDS.iter().copied().collect();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .filter(|w| !stop.contains(w.as_str()))
        .map(|w| stem(&w))
        .collect()
}

/// A light stem: common Dutch/English suffixes off, doubled vowels single, at most 7 chars.
pub fn stem(word: &str) -> String {
    let mut w = word.to_string();
    for suffix in ["heden", "heid", "ingen", "ing", "tjes", "tje", "ies", "en", "es", "er", "e", "s"] {
        if w.len() >= suffix.len() + 4 && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            break;
        }
    }
    let mut out = String::with_capacity(w.len());
    let mut prev = '\0';
    for c in w.chars() {
        if c == prev && "aeou".contains(c) {
            continue;
        }
        out.push(c);
        prev = c;
    }
    out.chars().take(7).collect()
}

/// The result of the keyword check.
#[derive(Debug, Clone, PartialEq)]
pub struct KeywordCheck {
    /// Content words in the request.
    pub request_words: usize,
    /// Of those, shared with the purpose.
    pub shared: usize,
}

impl KeywordCheck {
    /// A candidate for refusal: enough words, none shared (then the embedding decides, if any).
    pub fn clearly_off(&self) -> bool {
        self.request_words >= 3 && self.shared == 0
    }
}

/// Content words a request needs, with none shared, to be refused on keywords alone (measured
/// on eval/purpose: 3.7% false refusals at 8, 17% at 5 — see docs/benchmarks.md).
pub const KEYWORD_ONLY_MIN_WORDS: usize = 8;

/// The default of a policy's `purpose_min_similarity`: the cosine between the request and the
/// registered purpose, both embedded as queries (`Embedder::embed_query`: E5's `"query: "` for
/// symmetric similarity), below which a request sharing no content word with the purpose is
/// refused. Tuned on eval/purpose for the default embedder, multilingual-e5-small, whose cosines
/// are compressed high (docs/benchmarks.md); another embedder needs its own value.
pub const DEFAULT_MIN_SIMILARITY: f32 = 0.78;

/// The decision: nothing shared with the purpose and either an embedding similarity under
/// `threshold` (when an embedder is configured) or, on keywords alone, a long request.
pub fn off_purpose(kw: &KeywordCheck, similarity: Option<f32>, threshold: f32) -> bool {
    if kw.shared > 0 {
        return false;
    }
    match similarity {
        Some(s) => kw.request_words >= 3 && s < threshold,
        None => kw.request_words >= KEYWORD_ONLY_MIN_WORDS,
    }
}

/// Compares a request with the purpose text.
pub fn keyword_check(purpose_words: &HashSet<String>, request: &str) -> KeywordCheck {
    let words = content_words(request);
    let shared = words.iter().filter(|w| purpose_words.contains(*w)).count();
    KeywordCheck { request_words: words.len(), shared }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_purpose_shares_words_and_off_purpose_does_not() {
        let p = content_words("Beantwoorden van vragen van inwoners over de Wmo, hulpmiddelen zoals een rolstoel en huishoudelijke hulp");
        assert!(!keyword_check(&p, "Hoe vraag ik een rolstoel aan via de Wmo?").clearly_off());
        let poem = keyword_check(&p, "Schrijf een romantisch gedicht over de liefde, de zee, de zon en de sterren boven het strand");
        let t = DEFAULT_MIN_SIMILARITY;
        assert!(off_purpose(&poem, None, t));
        assert!(off_purpose(&poem, Some(t - 0.05), t), "a dissimilar embedding confirms the refusal");
        assert!(!off_purpose(&poem, Some(t + 0.05), t), "a similar embedding lets it pass");
        assert!(!off_purpose(&keyword_check(&p, "Schrijf een gedicht over de zee"), None, t), "short requests pass on keywords alone");
        assert!(!keyword_check(&p, "Hallo!").clearly_off(), "short messages pass");
        assert_eq!(stem("vragen"), stem("vraag"));
    }
}
