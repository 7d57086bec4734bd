//! One non-streamed chat completion through the whole pipeline, shared by the API handler and
//! the web UI: generate, check the output (regenerate, quote the sources or withhold), present,
//! disclose, sign and audit.

use crate::error::ApiError;
use crate::pipeline::{footer, regenerates, Action, Decision, Exchange, Prepared, Stage, QUOTES_NOTE, WITHHELD};
use crate::Gateway;
use serde_json::Value;
use waarborg_models::FinishReason;
use waarborg_store::Audience;

/// A finished exchange.
pub(crate) struct Completed {
    /// What the user sees (with any disclosure footer).
    pub text: String,
    /// OpenAI finish reason.
    pub finish: &'static str,
    /// Tokens in.
    pub prompt_tokens: u32,
    /// Tokens out.
    pub completion_tokens: u32,
    /// The `waarborg` extension.
    pub ext: Value,
    /// The draft queued for a reviewer, when the policy asks for one.
    pub review: Option<waarborg_store::ReviewItem>,
}

pub(crate) fn finish_str(f: FinishReason) -> &'static str {
    match f {
        FinishReason::Stop => "stop",
        FinishReason::Length => "length",
    }
}

impl Gateway {
    /// Runs a prepared request to the end (not streamed).
    pub(crate) async fn complete(&self, prepared: Prepared, model_name: &str) -> Result<Completed, ApiError> {
        let (mut ex, text, finish, pt, ct, used) = match prepared {
            Prepared::Refused(ex, text) => (ex, text, "content_filter", 0, 0, model_name.to_owned()),
            Prepared::Ready(mut ex) => {
                let generator = self.generator.clone();
                match self.call_model(&*generator, ex.request.clone(), None).await {
                    Ok(c) => {
                        ex.decisions.push(Decision::new(Stage::Generate, Action::Allowed));
                        let (text, finish) = match self.check_output(&ex, &c.text) {
                            Ok(()) => {
                                ex.decisions.push(Decision::new(Stage::OutputPii, Action::Allowed));
                                (c.text.clone(), finish_str(c.finish_reason))
                            }
                            Err(problem) => {
                                let mut out = None;
                                if regenerates(&ex.policy) {
                                    if let Ok(again) = self.call_model(&*generator, ex.request.clone(), None).await {
                                        if self.check_output(&ex, &again.text).is_ok() {
                                            ex.decisions.push(Gateway::output_decision(&problem, Action::Regenerated));
                                            out = Some((again.text, finish_str(again.finish_reason)));
                                        }
                                    }
                                }
                                match out {
                                    Some(o) => o,
                                    None => {
                                        let mut d = Gateway::output_decision(&problem, Action::Replaced);
                                        let quoted = self.quote_sources(&ex).await;
                                        if quoted.is_some() {
                                            const QUOTED: &str = "replaced by quotes from the sources";
                                            d.reason = Some(d.reason.take().map_or_else(|| QUOTED.to_owned(), |why| format!("{why}; {QUOTED}")));
                                        }
                                        ex.decisions.push(d);
                                        match quoted {
                                            Some(q) => (format!("{QUOTES_NOTE}\n\n{}", q.text), "content_filter"),
                                            None => (WITHHELD.to_owned(), "content_filter"),
                                        }
                                    }
                                }
                            }
                        };
                        (ex, text, finish, c.prompt_tokens, c.completion_tokens, generator.info().name.clone())
                    }
                    Err(why) => {
                        let c = self.fallback(&mut ex, &why).await;
                        ex.decisions.push(Decision::new(Stage::OutputPii, Action::Allowed));
                        (ex, c.text, "stop", c.prompt_tokens, c.completion_tokens, self.fallback_name().to_owned())
                    }
                }
            }
        };
        let (mut shown, sanitised) = self.present(&ex, &text);
        if sanitised {
            ex.decisions.push(Decision::new(Stage::OutputPii, Action::Redacted).reason("active content (scripts, outside images) neutralised"));
        }
        // Human review (R-APP-4): the answer becomes a draft for a reviewer; the citizen gets a
        // notice now and the approved text later.
        let draft = if self.reviews(&ex) && finish != "content_filter" {
            ex.decisions.push(Decision { stage: "review", action: Action::Escalated, types: Vec::new(), reason: Some("the policy requires a person to approve answers to citizens".into()) });
            Some(std::mem::replace(&mut shown, PENDING_REVIEW.to_owned()))
        } else {
            None
        };
        if let Some(f) = footer(ex.caller.app.spec.audience, &self.settings.human_contact).filter(|_| ex.web.is_none()) {
            shown.push_str(&f);
        }
        let mut ext = self.finish(&mut ex, &shown, finish, pt, ct, &used).await?;
        let mut review = None;
        if let Some(draft) = draft {
            let question = ex.redacted_query.clone().unwrap_or_default();
            let conversation = ex.web.clone().unwrap_or_else(|| ex.request_id.clone());
            let citations = ext.get("citations").cloned().unwrap_or_default();
            let audit_seq = ext.get("audit_seq").and_then(Value::as_i64);
            let item = self
                .store
                .create_review(&ex.caller.app.id, audit_seq, &question, &draft, citations, &conversation)
                .await
                .map_err(|_| ApiError::unavailable("the review queue could not be written; the answer is withheld"))?;
            ext["review"] = serde_json::json!({"id": item.id, "status": item.status});
            review = Some(item);
        }
        Ok(Completed { text: shown, finish, prompt_tokens: pt, completion_tokens: ct, ext, review })
    }

    /// Whether answers in this exchange wait for a reviewer.
    pub(crate) fn reviews(&self, ex: &Exchange) -> bool {
        ex.policy.human_review && ex.caller.app.spec.audience == Audience::Citizens
    }
}

/// What a citizen gets while the answer waits for a reviewer.
pub const PENDING_REVIEW: &str = "Uw vraag is ontvangen. Een medewerker controleert het antwoord voordat u het krijgt. / Your question has been received. A person checks the answer before you get it.";
