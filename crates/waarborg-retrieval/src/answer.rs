//! Cited answers from search hits, with any [`Generator`] the caller passes in (this crate holds
//! no model): the rules that keep an answer grounded live here so the CLI, the gateway and the
//! evaluation apply exactly the same ones.
//!
//! 1. Only *relevant* hits are used: those holding at least `min_coverage` of the question's
//!    IDF-weighted words ([`Hit::coverage`]). With none, the answer says plainly that the
//!    collection holds nothing on it ([`no_information`]) instead of guessing.
//! 2. The extractive backend quotes sentences from them verbatim.
//! 3. A generative backend gets the grounded prompt of [`cite`](crate::cite) (answer only from
//!    the numbered passages, cite them as `[n]`). If its answer cites no passage, the extractive
//!    answer is returned instead of an unsupported one.
//! 4. The citations returned are the passages the answer actually cites, best first, and the
//!    `[n]` markers in the text are renumbered to point into that list.

use crate::cite;
use crate::error::Result;
use crate::search::Hit;
use serde::Serialize;
use waarborg_models::extractive::{Extractive, NO_ANSWER};
use waarborg_models::{ChatMessage, ChatRole, GenerateRequest, Generator, Passage};

/// One citation, as DESIGN.md fixes it for `waarborg ask --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    /// The file path or URL ingested.
    pub source: String,
    /// Document title.
    pub title: String,
    /// The cited passage.
    pub text: String,
    /// Retrieval score.
    pub score: f32,
}

/// A cited answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// The answer; `[n]` refers to `citations[n-1]`.
    pub answer: String,
    /// The passages cited, best first.
    pub citations: Vec<Citation>,
    /// The model that wrote the answer (`extractive` when it quotes or fell back).
    pub model: String,
}

/// The answer when nothing relevant was found.
pub fn no_information(collections: &[String]) -> String {
    match collections {
        [one] => format!("Ik heb hierover geen informatie gevonden in de collectie {one}."),
        _ => format!("Ik heb hierover geen informatie gevonden in de collecties {}.", collections.join(", ")),
    }
}

/// Answers `question` from `hits` (best first) with `generator`. See the module documentation.
pub async fn answer(generator: &dyn Generator, question: &str, hits: Vec<Hit>, min_coverage: f32, collections: &[String]) -> Result<Answer> {
    let relevant: Vec<Hit> = hits.into_iter().filter(|h| h.coverage >= min_coverage).collect();
    let nothing = || Answer { answer: no_information(collections), citations: Vec::new(), model: generator.info().name.clone() };
    if relevant.is_empty() {
        return Ok(nothing());
    }
    let passages: Vec<Passage> = relevant.iter().cloned().map(Into::into).collect();
    if generator.info().backend != "extractive" {
        let mut request = GenerateRequest::new(cite::grounded_messages(question, &passages));
        request.temperature = 0.0;
        request.max_tokens = 400;
        request.seed = Some(0);
        let completion = generator.generate(request, None).await?;
        let used = cite::cited(&completion.text, passages.len());
        if !used.is_empty() {
            return Ok(finish(completion.text.trim(), &passages, used, &generator.info().name));
        }
    }
    let extractive = Extractive::new();
    let mut request = GenerateRequest::new(vec![ChatMessage::new(ChatRole::User, question)]);
    request.passages = passages.clone();
    let completion = extractive.generate(request, None).await?;
    if completion.text == NO_ANSWER {
        return Ok(Answer { model: extractive.info().name.clone(), ..nothing() });
    }
    let used = cite::cited(&completion.text, passages.len());
    if used.is_empty() {
        return Ok(Answer { model: extractive.info().name.clone(), ..nothing() });
    }
    Ok(finish(&completion.text, &passages, used, &extractive.info().name))
}

/// Keeps the cited passages, best first, and renumbers the markers to match.
fn finish(text: &str, passages: &[Passage], mut used: Vec<usize>, model: &str) -> Answer {
    used.sort_unstable();
    let citations = used
        .iter()
        .map(|&i| {
            let p = &passages[i];
            Citation { source: p.source.clone(), title: p.title.clone(), text: p.text.clone(), score: p.score }
        })
        .collect();
    let answer = renumber(text, |n| used.iter().position(|&u| u + 1 == n).map(|p| p + 1));
    Answer { answer, citations, model: model.to_string() }
}

/// Rewrites citation markers `[n]` / `[n, m]` through `map`; markers mapping to nothing go.
fn renumber(text: &str, map: impl Fn(usize) -> Option<usize>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(close) if !after[..close].is_empty() && after[..close].chars().all(|c| c.is_ascii_digit() || c == ',' || c == ' ') => {
                let nums: Vec<String> = after[..close]
                    .split(',')
                    .filter_map(|n| n.trim().parse::<usize>().ok())
                    .filter_map(&map)
                    .map(|n| n.to_string())
                    .collect();
                if !nums.is_empty() {
                    out.push('[');
                    out.push_str(&nums.join(", "));
                    out.push(']');
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use waarborg_models::{Completion, FinishReason, ModelInfo};

    fn hit(source: &str, text: &str, coverage: f32, score: f32) -> Hit {
        Hit {
            collection: "c".into(),
            source: source.into(),
            title: source.into(),
            heading: String::new(),
            text: text.into(),
            start: 0,
            end: text.chars().count(),
            published: None,
            score,
            bm25: None,
            cosine: None,
            coverage,
            chunk_hash: String::new(),
        }
    }

    /// A generator that answers with a fixed text.
    struct Fixed(ModelInfo, String);

    #[async_trait::async_trait]
    impl Generator for Fixed {
        fn info(&self) -> &ModelInfo {
            &self.0
        }
        async fn generate(&self, _: GenerateRequest, _: Option<tokio::sync::mpsc::Sender<String>>) -> waarborg_models::Result<Completion> {
            Ok(Completion { text: self.1.clone(), finish_reason: FinishReason::Stop, prompt_tokens: 1, completion_tokens: 1 })
        }
    }

    fn fixed(text: &str) -> Fixed {
        let mut info = Extractive::new().info().clone();
        info.name = "fake-llm".into();
        info.backend = "gguf".into();
        Fixed(info, text.into())
    }

    fn hits() -> Vec<Hit> {
        vec![
            hit("afval.md", "Grofvuil wordt op afspraak opgehaald.", 0.9, 3.0),
            hit("paspoort.md", "Een paspoort is tien jaar geldig.", 0.8, 2.0),
            hit("parkeren.md", "Parkeren kost twee euro per uur.", 0.1, 1.0),
        ]
    }

    #[tokio::test]
    async fn only_cited_passages_are_returned_and_markers_renumbered() {
        let a = answer(&fixed("Tien jaar [2]."), "Hoe lang is een paspoort geldig?", hits(), 0.5, &["c".into()]).await.unwrap();
        assert_eq!(a.answer, "Tien jaar [1].");
        assert_eq!(a.citations.len(), 1);
        assert_eq!(a.citations[0].source, "paspoort.md");
        assert_eq!(a.model, "fake-llm");
    }

    #[tokio::test]
    async fn an_uncited_generative_answer_falls_back_to_quotes() {
        let a = answer(&fixed("Dat weet ik wel: twintig jaar."), "Hoe lang is een paspoort geldig?", hits(), 0.5, &["c".into()]).await.unwrap();
        assert_eq!(a.model, "extractive");
        assert_eq!(a.answer, "\"Een paspoort is tien jaar geldig.\" [1]");
        assert_eq!(a.citations[0].source, "paspoort.md");
    }

    #[tokio::test]
    async fn nothing_relevant_says_so() {
        let a = answer(&Extractive::new(), "Wat is de hoofdstad van Frankrijk?", hits(), 0.95, &["gemeente".into()]).await.unwrap();
        assert_eq!(a.answer, "Ik heb hierover geen informatie gevonden in de collectie gemeente.");
        assert!(a.citations.is_empty());
    }

    #[test]
    fn renumbering() {
        assert_eq!(renumber("a [3] b [1, 3] c [2] [x]", |n| match n { 3 => Some(1), 1 => Some(2), _ => None }), "a [1] b [2, 1] c  [x]");
    }
}
