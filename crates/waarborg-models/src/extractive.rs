//! Extractive answers: no model; quotes the given passages verbatim.
//!
//! **What it does.** [`Extractive`] answers the last user message using only the sentences of
//! `request.passages`: it ranks every sentence by the words it shares with the question, keeps the
//! best few, and writes each one as a quote, byte for byte as it stands in the passage, followed by
//! a citation marker `[n]` — `n` being the passage's 1-based position in `request.passages`. When
//! there are no passages, or none shares a meaningful word with the question, it says so
//! ([`NO_ANSWER`]) instead of guessing.
//!
//! **Why.** A public organisation must be able to answer from its own sources even when no model
//! is available or allowed: the backend `extractive` (DESIGN.md) cannot hallucinate, every word of
//! the answer can be checked against a cited source, and the gateway falls back on it when a
//! model server is down. It is deterministic: the same request always gives the same answer.
//!
//! **How it matches.** Words are lower-cased and split at anything that is not a letter or digit;
//! Dutch and English stop words are dropped; a light stemmer makes matching insensitive to common
//! Dutch and English endings (`vergunningen` ~ `vergunning`, `aanvragen` ~ `aanvraag`,
//! `huizen` ~ `huis`, `mogelijkheden` ~ `mogelijkheid`, `permits` ~ `permit`). A sentence scores the
//! sum of the rarity (inverse sentence frequency) of the distinct question words it contains; only
//! sentences scoring at least half the best are quoted, best first until `max_tokens` (counted as
//! words) or [`Extractive::max_sentences`] is reached, then printed in source order.
//!
//! # Example
//!
//! ```
//! use waarborg_models::extractive::Extractive;
//! use waarborg_models::{ChatMessage, ChatRole, GenerateRequest, Generator, Passage};
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let mut request = GenerateRequest::new(vec![ChatMessage::new(ChatRole::User, "Hoe lang is een paspoort geldig?")]);
//! request.passages = vec![
//!     Passage { source: "afval.md".into(), title: "Afval".into(), text: "Het afval wordt op maandag opgehaald.".into(), score: 2.0 },
//!     Passage {
//!         source: "paspoort.md".into(),
//!         title: "Paspoort".into(),
//!         text: "Een paspoort aanvragen doet u bij de gemeente. Een paspoort is 10 jaar geldig voor volwassenen.".into(),
//!         score: 1.0,
//!     },
//! ];
//! let answer = Extractive::new().generate(request, None).await.unwrap();
//! assert_eq!(answer.text, "\"Een paspoort is 10 jaar geldig voor volwassenen.\" [2]");
//! # });
//! ```

use crate::error::Result;
use crate::types::{ChatRole, Completion, FinishReason, GenerateRequest, Generator, ModelInfo, Passage};
use std::collections::BTreeSet;
use tokio::sync::mpsc;

/// The answer when the sources hold nothing that matches the question.
pub const NO_ANSWER: &str = "Ik heb in de beschikbare bronnen geen antwoord op deze vraag gevonden.";

/// Sentences quoted at most, by default.
const DEFAULT_MAX_SENTENCES: usize = 3;

/// A sentence is quoted only if it scores at least this share of the best sentence.
const RELATIVE_THRESHOLD: f64 = 0.5;

/// The extractive generator. See the module documentation.
#[derive(Debug, Clone)]
pub struct Extractive {
    info: ModelInfo,
    max_sentences: usize,
}

impl Default for Extractive {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractive {
    /// An extractive generator quoting at most three sentences.
    pub fn new() -> Self {
        Extractive {
            info: ModelInfo {
                name: "extractive".into(),
                backend: "extractive".into(),
                source: concat!("waarborg-models ", env!("CARGO_PKG_VERSION")).into(),
                licence: "EUPL-1.2".into(),
                weights_sha256: None,
                quantisation: None,
                context_length: None,
                parameters: None,
            },
            max_sentences: DEFAULT_MAX_SENTENCES,
        }
    }

    /// Sets how many sentences an answer quotes at most (at least one).
    #[must_use]
    pub fn with_max_sentences(mut self, max_sentences: usize) -> Self {
        self.max_sentences = max_sentences.max(1);
        self
    }

    /// How many sentences an answer quotes at most.
    pub fn max_sentences(&self) -> usize {
        self.max_sentences
    }

    /// Composes the answer text and why it ended, before stop sequences.
    fn compose(&self, question: &str, passages: &[Passage], max_words: usize) -> (String, FinishReason) {
        let query: BTreeSet<String> = terms(question).collect();
        if query.is_empty() {
            return (NO_ANSWER.to_string(), FinishReason::Stop);
        }
        let mut sentences: Vec<Sentence<'_>> = Vec::new();
        for (passage, p) in passages.iter().enumerate() {
            for (order, (start, end)) in sentence_spans(&p.text).into_iter().enumerate() {
                let text = &p.text[start..end];
                let matched: BTreeSet<String> = terms(text).filter(|t| query.contains(t)).collect();
                sentences.push(Sentence { passage, order, text, matched, score: 0.0, words: word_count(text) });
            }
        }
        // Rarer question words weigh more: 1 + ln(N / sentences containing the word).
        let n = sentences.len() as f64;
        let weight = |term: &String| {
            let df = sentences.iter().filter(|s| s.matched.contains(term)).count().max(1) as f64;
            1.0 + (n / df).ln()
        };
        let weights: Vec<(String, f64)> = query.iter().map(|t| (t.clone(), weight(t))).collect();
        for s in &mut sentences {
            s.score = weights.iter().filter(|(t, _)| s.matched.contains(t)).map(|(_, w)| w).sum();
        }
        sentences.retain(|s| !s.matched.is_empty());
        let best = sentences.iter().map(|s| s.score).fold(0.0, f64::max);
        if best <= 0.0 {
            return (NO_ANSWER.to_string(), FinishReason::Stop);
        }
        sentences.retain(|s| s.score >= best * RELATIVE_THRESHOLD);
        // Best first; ties go to the better-ranked passage, then the earlier sentence.
        sentences.sort_by(|a, b| {
            b.score.total_cmp(&a.score).then(a.passage.cmp(&b.passage)).then(a.order.cmp(&b.order))
        });

        let mut chosen: Vec<(usize, usize, &str)> = Vec::new();
        let mut used = 0usize;
        let mut finish = FinishReason::Stop;
        for s in &sentences {
            if chosen.len() == self.max_sentences {
                break;
            }
            if chosen.iter().any(|&(_, _, text)| text == s.text) {
                // The same sentence in two passages (a duplicate document) is quoted once.
                continue;
            }
            // Each quote costs its words plus one for the citation marker.
            let cost = s.words + 1;
            if used + cost <= max_words {
                chosen.push((s.passage, s.order, s.text));
                used += cost;
            } else if chosen.is_empty() {
                // Not even the best sentence fits: quote its opening words, still verbatim.
                chosen.push((s.passage, s.order, first_words(s.text, max_words.saturating_sub(1).max(1))));
                finish = FinishReason::Length;
                break;
            } else {
                finish = FinishReason::Length;
            }
        }
        chosen.sort_by_key(|&(passage, order, _)| (passage, order));
        let lines: Vec<String> = chosen.iter().map(|(passage, _, text)| format!("\"{text}\" [{}]", passage + 1)).collect();
        (lines.join("\n"), finish)
    }
}

/// One candidate sentence.
struct Sentence<'a> {
    /// Index into `request.passages`.
    passage: usize,
    /// Position within the passage.
    order: usize,
    /// The exact text.
    text: &'a str,
    /// Question terms it contains.
    matched: BTreeSet<String>,
    /// Sum of the matched terms' weights.
    score: f64,
    /// Whitespace-separated words.
    words: usize,
}

#[async_trait::async_trait]
impl Generator for Extractive {
    fn info(&self) -> &ModelInfo {
        &self.info
    }

    async fn generate(&self, request: GenerateRequest, stream: Option<mpsc::Sender<String>>) -> Result<Completion> {
        request.validate()?;
        let question = request
            .messages
            .iter()
            .rev()
            .find(|m| m.role == ChatRole::User)
            .or(request.messages.last())
            .map_or("", |m| m.content.as_str());
        let max_words = usize::try_from(request.max_tokens).unwrap_or(usize::MAX);
        let (mut text, mut finish_reason) = self.compose(question, &request.passages, max_words);
        if let Some(cut) = request.stop.iter().filter_map(|s| text.find(s.as_str())).min() {
            text.truncate(cut);
            finish_reason = FinishReason::Stop;
        }
        if let Some(tx) = stream {
            let mut sent = 0;
            for piece in text.split_inclusive(char::is_whitespace) {
                if tx.send(piece.to_string()).await.is_err() {
                    // The receiver is gone: stop here; the completion holds what was sent.
                    text.truncate(sent);
                    break;
                }
                sent += piece.len();
            }
        }
        let prompt_words: usize = request.messages.iter().map(|m| word_count(&m.content)).sum();
        Ok(Completion {
            prompt_tokens: u32::try_from(prompt_words).unwrap_or(u32::MAX),
            completion_tokens: u32::try_from(word_count(&text)).unwrap_or(u32::MAX),
            text,
            finish_reason,
        })
    }
}

/// Whitespace-separated words (the unit `max_tokens` is counted in here: there is no tokeniser).
fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The first `n` words of `text`, ending at the end of the `n`-th word (a verbatim prefix).
fn first_words(text: &str, n: usize) -> &str {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == n {
                    return &text[..i];
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text
}

/// Abbreviations after which a full stop does not end a sentence (lower case, without the
/// final full stop).
const ABBREVIATIONS: &[&str] = &[
    "art", "artt", "nr", "nrs", "no", "bijv", "bv", "o.a", "i.v.m", "m.b.t", "t.a.v", "t.o.v", "a.u.b", "z.g.a.n",
    "enz", "etc", "e.g", "i.e", "vs", "ca", "incl", "excl", "mr", "mrs", "ms", "dr", "drs", "ir", "ing", "prof",
    "jl", "vgl", "zgn", "resp", "blz", "pag", "p", "pp", "jo", "st", "stb", "stcrt", "mw", "dhr", "min", "max",
    "afd", "tel", "fig", "hfst", "par", "lid",
];

/// Byte ranges of the sentences of `text`, trimmed of surrounding whitespace. A sentence ends at
/// `.`, `!`, `?` or `…` (with any closing quotes or brackets) followed by white space and not
/// followed by a lower-case letter, except after an abbreviation or an initial; and at a blank
/// line.
fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut spans = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let push = |spans: &mut Vec<(usize, usize)>, start: usize, end: usize| {
        let piece = &text[start..end];
        let trimmed_start = start + (piece.len() - piece.trim_start().len());
        let trimmed_end = start + piece.trim_end().len();
        if trimmed_start < trimmed_end && text[trimmed_start..trimmed_end].chars().any(char::is_alphanumeric) {
            spans.push((trimmed_start, trimmed_end));
        }
    };
    while i < chars.len() {
        let (at, c) = chars[i];
        if c == '\n' {
            // A blank line (only white space between two line breaks) ends a paragraph.
            let mut j = i + 1;
            while j < chars.len() && chars[j].1.is_whitespace() && chars[j].1 != '\n' {
                j += 1;
            }
            if j < chars.len() && chars[j].1 == '\n' {
                push(&mut spans, start, at);
                start = chars[j].0;
                i = j + 1;
                continue;
            }
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '…' | ')' | ']' | '"' | '\'' | '”' | '’' | '»') {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
            let at_space = j == chars.len() || chars[j].1.is_whitespace();
            let next_word = chars[j..].iter().map(|&(_, c)| c).find(|c| !c.is_whitespace());
            let continues_lower = next_word.is_some_and(char::is_lowercase);
            if at_space && !continues_lower && !(c == '.' && is_abbreviation(&text[start..at])) {
                push(&mut spans, start, end);
                start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(&mut spans, start, text.len());
    spans
}

/// Whether the word just before a full stop (the end of `before`) is an abbreviation or an
/// initial (`J. Jansen`).
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let word = word.to_lowercase();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && word.chars().all(char::is_alphabetic)) || ABBREVIATIONS.contains(&word.as_str())
}

/// Dutch and English words too common to say what a question is about.
const STOP_WORDS: &[&str] = &[
    // Dutch
    "aan", "al", "alle", "als", "bij", "ben", "dan", "dat", "de", "deze", "die", "dit", "doe", "doen", "door", "dus",
    "een", "en", "er", "ge", "geen", "had", "heb", "hebben", "heeft", "het", "hier", "hij", "hoe", "hun", "ik", "in",
    "is", "je", "jij", "jou", "jouw", "kan", "kun", "kunnen", "kunt", "maar", "me", "meer", "men", "met", "mij",
    "mijn", "moet", "moeten", "na", "naar", "niet", "nog", "nu", "of", "om", "ons", "onze", "ook", "op", "over",
    "te", "tot", "toe", "u", "uit", "uw", "van", "veel", "voor", "waar", "wanneer", "waarom", "wat", "we", "wel",
    "welk", "welke", "werd", "wie", "wij", "wil", "wilt", "word", "wordt", "worden", "zal", "ze", "zei", "zich",
    "zij", "zijn", "zo", "zou", "zullen", "daar", "iets", "iemand", "mag", "mogen", "was", "waren", "omdat",
    "hem", "haar", "jullie", "onder", "tegen", "dus", "toch", "zelf", "eens", "graag", "weten",
    // English
    "a", "about", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did",
    "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "how", "i", "if", "in", "into", "is",
    "it", "its", "me", "my", "no", "not", "of", "on", "or", "our", "she", "should", "so", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "to", "us", "was", "we", "were", "what",
    "when", "where", "which", "who", "whom", "why", "will", "with", "would", "you", "your", "please", "tell",
    "know", "want",
];

/// The meaningful, stemmed words of `text`: lower-cased, split at anything not a letter or digit,
/// stop words and single letters dropped.
fn terms(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| (w.chars().count() > 1 || w.chars().all(|c| c.is_ascii_digit())) && !STOP_WORDS.contains(&w.as_str()))
        .map(|w| stem(&w))
}

/// A light, suffix-stripping stemmer for Dutch and English: enough to match plural and singular
/// and a few derivations, never producing a stem shorter than three letters.
fn stem(word: &str) -> String {
    let mut w: Vec<char> = word.chars().collect();
    if w.iter().any(|c| !c.is_alphabetic()) {
        return word.to_string();
    }
    let ends = |w: &[char], s: &str| {
        let s: Vec<char> = s.chars().collect();
        w.len() >= s.len() + 3 && w[w.len() - s.len()..] == s[..]
    };
    if ends(&w, "heden") {
        w.truncate(w.len() - 5);
        w.extend("heid".chars());
        return w.into_iter().collect();
    }
    if ends(&w, "ies") {
        w.truncate(w.len() - 3);
        w.push('y');
        return w.into_iter().collect();
    }
    let n = w.len();
    if ends(&w, "en") || ends(&w, "e") {
        // Dutch plurals and inflections: kosten → kost, grote → grot.
        w.truncate(if w[n - 1] == 'n' { n - 2 } else { n - 1 });
    } else if w.len() >= 6 && ends(&w, "es") {
        // gemeentes → gemeent, houses → hous (not adres: its s belongs to the stem).
        w.truncate(n - 2);
    } else if ends(&w, "s") && !is_vowel(w[n - 2]) && !matches!(w[n - 2], 's' | 'j') {
        // Plural -s after a consonant: tafels, permits (not huis, bus, prijs: see -en above).
        w.truncate(n - 1);
    }
    // Dutch spelling alternations at the end of a stem: briev → brief, huiz → huis.
    if let Some(last) = w.last_mut() {
        match *last {
            'v' => *last = 'f',
            'z' => *last = 's',
            _ => {}
        }
    }
    // Doubled final consonant (bussen → buss → bus) and doubled vowels (the open syllable of a
    // Dutch plural drops one: aanvraag and aanvragen both → anvrag).
    if w.len() > 3 && w[w.len() - 1] == w[w.len() - 2] && !is_vowel(w[w.len() - 1]) {
        w.pop();
    }
    let mut out: Vec<char> = Vec::with_capacity(w.len());
    for c in w {
        if is_vowel(c) && out.last() == Some(&c) {
            continue;
        }
        out.push(c);
    }
    out.into_iter().collect()
}

/// a, e, i, o, u, y.
fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ChatMessage, ModelError};

    fn passage(text: &str) -> Passage {
        Passage { source: "bron.md".into(), title: "Bron".into(), text: text.into(), score: 1.0 }
    }

    fn request(question: &str, passages: &[&str]) -> GenerateRequest {
        let mut request = GenerateRequest::new(vec![ChatMessage::new(ChatRole::User, question)]);
        request.passages = passages.iter().map(|p| passage(p)).collect();
        request
    }

    async fn answer(request: GenerateRequest) -> Completion {
        Extractive::new().generate(request, None).await.expect("extractive never fails on a valid request")
    }

    /// Splits an answer into (quoted text, citation number) pairs.
    fn quotes(text: &str) -> Vec<(String, usize)> {
        text.lines()
            .map(|line| {
                let (quote, marker) = line.rsplit_once(" [").expect("a citation marker");
                let quote = quote.strip_prefix('"').and_then(|q| q.strip_suffix('"')).expect("a quoted sentence");
                (quote.to_string(), marker.trim_end_matches(']').parse().expect("a number"))
            })
            .collect()
    }

    const PASSAGES: [&str; 3] = [
        "De gemeente haalt het restafval elke maandag op. Grofvuil kunt u aanmelden via de website.",
        "Een parkeervergunning vraagt u aan via Mijn Gemeente.  De kosten van een parkeervergunning zijn €  54,20 per jaar!\nDe wachttijd is  twee weken.",
        "Het zwembad is in de zomer tot 22.00 uur open.",
    ];

    #[tokio::test]
    async fn quotes_are_verbatim_and_cite_the_passage_they_come_from() {
        let completion = answer(request("Wat kost een parkeervergunning per jaar?", &PASSAGES)).await;
        let quotes = quotes(&completion.text);
        assert!(!quotes.is_empty(), "{}", completion.text);
        for (quote, n) in &quotes {
            assert!(PASSAGES[n - 1].contains(quote.as_str()), "quote {quote:?} is not in passage {n}");
        }
        assert_eq!(quotes[0], ("De kosten van een parkeervergunning zijn €  54,20 per jaar!".to_string(), 2));
        assert!(quotes.iter().all(|(_, n)| *n == 2), "only the parking passage is relevant: {quotes:?}");
        assert_eq!(completion.finish_reason, FinishReason::Stop);
    }

    #[tokio::test]
    async fn citation_numbers_follow_the_passage_order_given() {
        let completion = answer(request("Hoe laat gaat het zwembad dicht?", &PASSAGES)).await;
        assert_eq!(quotes(&completion.text), vec![("Het zwembad is in de zomer tot 22.00 uur open.".to_string(), 3)]);
    }

    #[tokio::test]
    async fn no_passages_gives_the_fixed_message() {
        let completion = answer(request("Wat kost een parkeervergunning?", &[])).await;
        assert_eq!(completion.text, NO_ANSWER);
        assert_eq!(completion.finish_reason, FinishReason::Stop);
    }

    #[tokio::test]
    async fn a_passage_sharing_only_stop_words_is_not_quoted() {
        let completion =
            answer(request("Hoe kan ik een paspoort aanvragen?", &["Hoe kan ik een klacht indienen? Dat kan bij ons."])).await;
        assert_eq!(completion.text, NO_ANSWER);
    }

    #[tokio::test]
    async fn a_question_of_only_stop_words_gets_the_fixed_message() {
        let completion = answer(request("Wat is het?", &PASSAGES)).await;
        assert_eq!(completion.text, NO_ANSWER);
    }

    #[tokio::test]
    async fn dutch_plurals_and_inflections_still_match() {
        let passages = ["Voor evenementen is een vergunning nodig.", "Het stadhuis heeft drie ingangen."];
        let completion = answer(request("Welke vergunningen zijn er?", &passages)).await;
        assert_eq!(quotes(&completion.text), vec![("Voor evenementen is een vergunning nodig.".to_string(), 1)]);
        let completion = answer(request("Waar vind ik de aanvraag?", &["U kunt online aanvragen indienen."])).await;
        assert_eq!(quotes(&completion.text).len(), 1, "{}", completion.text);
    }

    #[tokio::test]
    async fn a_sentence_found_in_two_passages_is_quoted_once_citing_the_first() {
        let same = "Het restafval wordt op maandag opgehaald.";
        let completion = answer(request("Wanneer wordt restafval opgehaald?", &[same, same])).await;
        assert_eq!(quotes(&completion.text), vec![(same.to_string(), 1)]);
    }

    #[tokio::test]
    async fn the_last_user_message_is_the_question() {
        let mut request = request("Wat kost een parkeervergunning?", &PASSAGES);
        request.messages.push(ChatMessage::new(ChatRole::Assistant, "Dat staat op de website."));
        request.messages.push(ChatMessage::new(ChatRole::User, "En wanneer wordt het restafval opgehaald?"));
        let completion = answer(request).await;
        assert_eq!(quotes(&completion.text), vec![("De gemeente haalt het restafval elke maandag op.".to_string(), 1)]);
    }

    #[tokio::test]
    async fn stop_sequences_end_the_answer_before_them() {
        let mut request = request("Wat kost een parkeervergunning per jaar?", &PASSAGES);
        let full = answer(request.clone()).await.text;
        request.stop = vec!["54,20".into()];
        let completion = answer(request).await;
        assert!(full.contains("54,20"));
        assert!(!completion.text.contains("54,20"));
        assert!(full.starts_with(&completion.text));
        assert_eq!(completion.text, full[..full.find("54,20").expect("present")]);
        assert_eq!(completion.finish_reason, FinishReason::Stop);
    }

    #[tokio::test]
    async fn max_tokens_bounds_the_answer_in_words_and_reports_length() {
        let long = "De parkeervergunning geldt voor één auto en één kenteken in het hele centrum van de stad.";
        let mut request = request("Waarvoor geldt de parkeervergunning?", &[long]);
        request.max_tokens = 5;
        let completion = answer(request).await;
        assert_eq!(completion.finish_reason, FinishReason::Length);
        assert!(word_count(&completion.text) <= 5, "{}", completion.text);
        let (quote, n) = quotes(&completion.text).remove(0);
        assert_eq!(n, 1);
        assert!(long.starts_with(&quote), "a cut quote is still a verbatim prefix: {quote:?}");
        assert!(completion.completion_tokens <= 5);
    }

    #[tokio::test]
    async fn answers_are_deterministic_and_streams_carry_the_same_text() {
        let request = request("Wat kost een parkeervergunning en hoe lang is de wachttijd?", &PASSAGES);
        let first = answer(request.clone()).await;
        for _ in 0..5 {
            assert_eq!(answer(request.clone()).await, first);
        }
        let (tx, mut rx) = mpsc::channel(1024);
        let streamed = Extractive::new().generate(request, Some(tx)).await.expect("answers");
        let mut pieces = Vec::new();
        while let Some(piece) = rx.recv().await {
            pieces.push(piece);
        }
        assert!(pieces.len() > 1, "streamed in pieces");
        assert_eq!(pieces.concat(), first.text);
        assert_eq!(streamed, first);
    }

    #[tokio::test]
    async fn a_dropped_receiver_cancels_the_stream() {
        let (tx, rx) = mpsc::channel(1);
        drop(rx);
        let completion =
            Extractive::new().generate(request("Wat kost een parkeervergunning?", &PASSAGES), Some(tx)).await.expect("answers");
        assert_eq!(completion.text, "");
    }

    #[tokio::test]
    async fn an_invalid_request_is_refused() {
        let mut request = request("Wat kost een parkeervergunning?", &PASSAGES);
        request.messages.clear();
        let error = Extractive::new().generate(request, None).await.expect_err("no messages");
        assert!(matches!(error, ModelError::Invalid(_)));
    }

    #[test]
    fn sentences_are_split_at_ends_but_not_at_abbreviations_or_initials() {
        let text = "Volgens art. 6 AVG mag dat. Mr. J. Jansen tekende o.a. het besluit!  Klopt dat? ja, zeker.\n\nNieuwe alinea zonder punt\n";
        let spans: Vec<&str> = sentence_spans(text).into_iter().map(|(a, b)| &text[a..b]).collect();
        assert_eq!(
            spans,
            vec![
                "Volgens art. 6 AVG mag dat.",
                "Mr. J. Jansen tekende o.a. het besluit!",
                "Klopt dat? ja, zeker.",
                "Nieuwe alinea zonder punt",
            ]
        );
    }

    #[test]
    fn stems_match_singular_and_plural() {
        for (a, b) in [
            ("vergunning", "vergunningen"),
            ("aanvraag", "aanvragen"),
            ("huis", "huizen"),
            ("brief", "brieven"),
            ("mogelijkheid", "mogelijkheden"),
            ("gemeente", "gemeenten"),
            ("gemeente", "gemeentes"),
            ("adres", "adressen"),
            ("bus", "bussen"),
            ("tafel", "tafels"),
            ("permit", "permits"),
            ("policy", "policies"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} ~ {b}");
        }
        assert_ne!(stem("kosten"), stem("kaart"));
    }

    #[test]
    fn info_names_the_extractive_backend() {
        let extractive = Extractive::new();
        assert_eq!(extractive.info().backend, "extractive");
        assert_eq!(extractive.info().name, "extractive");
    }
}
