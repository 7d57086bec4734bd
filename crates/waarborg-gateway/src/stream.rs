//! Safe streaming: SSE exactly as OpenAI (`data: {json}\n\n` chunks, `data: [DONE]`), with the
//! output filter in front of the wire.
//!
//! The model's pieces are collected; after each piece the unsent tail (plus some context) is
//! checked, and only text that lies more than the policy's window (default 48 chars) before the
//! end, up to a whitespace boundary, is sent. A value the filter cares about (a BSN, an IBAN with
//! spaces, a name) is shorter than the window, so it is seen whole before any of it leaves. When
//! the filter objects, or fails, generation is cancelled and the stream ends with
//! `finish_reason: "content_filter"` (fail closed). The `waarborg` extension rides on the last
//! chunk before `[DONE]`.

use crate::pipeline::{footer, Action, Decision, OutputProblem, Prepared, Stage, FALLBACK_NOTE};
use crate::Gateway;
use axum::body::{Body, Bytes};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use serde_json::{json, Value};
use std::sync::Arc;
use tokio::sync::mpsc;
use waarborg_models::FinishReason;

/// Short note sent when the stream was cut.
pub const CUT_NOTE: &str = "[Antwoord afgebroken: het kon persoonsgegevens of vertrouwelijke instructies bevatten. / Answer stopped: it may have contained personal data or confidential instructions.]";

/// The byte index up to which `full` may be sent, given that `sent` bytes already were.
pub fn safe_end(full: &str, sent: usize, window: usize) -> usize {
    let Some((limit, _)) = full.char_indices().rev().nth(window.saturating_sub(1)) else {
        return sent;
    };
    if limit <= sent {
        return sent;
    }
    let region = &full[sent..limit];
    let Some(ws) = region.rfind(char::is_whitespace) else {
        return sent;
    };
    let ws_len = region[ws..].chars().next().map_or(1, char::len_utf8);
    let mut end = sent + ws + ws_len;
    // Never split markup that the sanitiser must see whole.
    let slice = &full[sent..end];
    if let Some(lt) = slice.rfind('<') {
        if !slice[lt..].contains('>') {
            end = sent + lt;
        }
    }
    let slice = &full[sent..end];
    if let Some(img) = slice.rfind("![") {
        if !slice[img..].contains(')') {
            end = sent + img;
        }
    }
    end
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

struct Sse {
    tx: mpsc::Sender<Bytes>,
    id: String,
    created: u64,
    model: String,
    include_usage: bool,
    sent_text: String,
}

impl Sse {
    fn frame(v: &Value) -> Bytes {
        Bytes::from(format!("data: {v}\n\n"))
    }

    fn chunk(&self, delta: Value, finish: Value) -> Value {
        let mut c = json!({
            "id": self.id, "object": "chat.completion.chunk", "created": self.created, "model": self.model,
            "system_fingerprint": null,
            "choices": [{"index": 0, "delta": delta, "logprobs": null, "finish_reason": finish}],
        });
        if self.include_usage {
            c["usage"] = Value::Null;
        }
        c
    }

    async fn send(&self, v: Value) {
        // A client that went away does not stop the pipeline: the answer is still audited.
        let _ = self.tx.send(Self::frame(&v)).await;
    }

    async fn content(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.sent_text.push_str(text);
        let c = self.chunk(json!({"content": text}), Value::Null);
        self.send(c).await;
    }
}

/// Called once the streamed answer is final and audited: the exchange, the text sent, the
/// finish reason and the `waarborg` extension.
pub(crate) type OnDone = Box<dyn FnOnce(&crate::pipeline::Exchange, &str, &str, &Value) + Send>;

/// Extras for the web UI's stream.
#[derive(Default)]
pub(crate) struct Hooks {
    /// Sent first, as `data: {"waarborg_ui": …}`.
    pub prelude: Option<Value>,
    /// See [`OnDone`].
    pub on_done: Option<OnDone>,
}

/// Starts the stream and returns the SSE response at once.
pub(crate) fn respond(gw: Arc<Gateway>, prepared: Prepared, id: String, created: u64, model: String, include_usage: bool, hooks: Hooks) -> Response {
    let (tx, rx) = mpsc::channel::<Bytes>(64);
    let sse = Sse { tx, id, created, model, include_usage, sent_text: String::new() };
    tokio::spawn(run(gw, prepared, sse, hooks));
    sse_response(rx)
}

fn sse_response(rx: mpsc::Receiver<Bytes>) -> Response {
    let body = Body::from_stream(tokio_stream::wrappers::ReceiverStream::new(rx).map(Ok::<_, std::convert::Infallible>));
    (
        [(header::CONTENT_TYPE, "text/event-stream; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")],
        body,
    )
        .into_response()
}

/// A finished (not streamed) completion sent as a stream: used when the answer may not be
/// streamed, e.g. while it waits for a reviewer.
pub(crate) fn respond_completed(done: crate::complete::Completed, id: String, created: u64, model: String, include_usage: bool) -> Response {
    let (tx, rx) = mpsc::channel::<Bytes>(8);
    let mut sse = Sse { tx, id, created, model, include_usage, sent_text: String::new() };
    tokio::spawn(async move {
        let role = sse.chunk(json!({"role": "assistant", "content": ""}), Value::Null);
        sse.send(role).await;
        sse.content(&done.text).await;
        sse.finish(done.finish, done.prompt_tokens, done.completion_tokens, done.ext).await;
    });
    sse_response(rx)
}

async fn run(gw: Arc<Gateway>, prepared: Prepared, mut sse: Sse, hooks: Hooks) {
    let role = sse.chunk(json!({"role": "assistant", "content": ""}), Value::Null);
    sse.send(role).await;
    if let Some(p) = hooks.prelude {
        sse.send(json!({"waarborg_ui": p})).await;
    }
    let (mut ex, finish, pt, ct, used) = match prepared {
        Prepared::Refused(ex, text) => {
            sse.content(&text).await;
            (ex, "content_filter", 0, 0, sse.model.clone())
        }
        Prepared::Ready(mut ex) => {
            let (ptx, mut prx) = mpsc::channel::<String>(256);
            let generator = gw.generator.clone();
            let request = ex.request.clone();
            let g2 = gw.clone();
            let handle = tokio::spawn(async move { g2.call_model(&*generator, request, Some(ptx)).await });
            let window = ex.policy.stream_window_chars;
            let mut full = String::new();
            let mut sent = 0usize;
            let mut cut: Option<OutputProblem> = None;
            let mut sanitised = false;
            while let Some(piece) = prx.recv().await {
                full.push_str(&piece);
                let from = floor_boundary(&full, sent.saturating_sub(256));
                if let Err(p) = gw.check_output(&ex, &full[from..]) {
                    cut = Some(p);
                    break;
                }
                let end = safe_end(&full, sent, window);
                if end > sent {
                    let (shown, s) = gw.present(&ex, &full[sent..end]);
                    sanitised |= s;
                    sse.content(&shown).await;
                    sent = end;
                }
            }
            // Dropping the receiver cancels generation when the stream was cut.
            drop(prx);
            let result = match handle.await {
                Ok(r) => r,
                Err(_) => Err("the inference task failed".to_owned()),
            };
            let out = match (cut, result) {
                (Some(problem), r) => {
                    ex.decisions.push(Decision::new(Stage::Generate, Action::Allowed));
                    ex.decisions.push(crate::Gateway::output_decision(&problem, Action::Replaced));
                    sse.content(&format!("{}{CUT_NOTE}", if sent > 0 { "\n\n" } else { "" })).await;
                    let (pt, ct) = r.map(|c| (c.prompt_tokens, c.completion_tokens)).unwrap_or((0, 0));
                    (ex, "content_filter", pt, ct, gw.generator.info().name.clone())
                }
                (None, Ok(c)) => {
                    ex.decisions.push(Decision::new(Stage::Generate, Action::Allowed));
                    // The model's final text is what it streamed; check the whole once more.
                    if let Err(problem) = gw.check_output(&ex, &full) {
                        ex.decisions.push(crate::Gateway::output_decision(&problem, Action::Replaced));
                        sse.content(&format!("\n\n{CUT_NOTE}")).await;
                        (ex, "content_filter", c.prompt_tokens, c.completion_tokens, gw.generator.info().name.clone())
                    } else {
                        let (shown, s) = gw.present(&ex, &full[sent..]);
                        sanitised |= s;
                        sse.content(&shown).await;
                        ex.decisions.push(Decision::new(Stage::OutputPii, Action::Allowed));
                        let f = match c.finish_reason {
                            FinishReason::Stop => "stop",
                            FinishReason::Length => "length",
                        };
                        (ex, f, c.prompt_tokens, c.completion_tokens, gw.generator.info().name.clone())
                    }
                }
                (None, Err(why)) => {
                    if sent == 0 {
                        let c = gw.fallback(&mut ex, &why).await;
                        let (shown, _) = gw.present(&ex, &c.text);
                        sse.content(&shown).await;
                        ex.decisions.push(Decision::new(Stage::OutputPii, Action::Allowed));
                        (ex, "stop", c.prompt_tokens, c.completion_tokens, gw.fallback_name().to_owned())
                    } else {
                        ex.decisions.push(Decision::new(Stage::Generate, Action::Replaced).reason("the model failed during the answer; the rest was withheld"));
                        ex.decisions.push(Decision::new(Stage::OutputPii, Action::Allowed));
                        sse.content(&format!("\n\n{FALLBACK_NOTE} {}", gw.settings.human_contact)).await;
                        (ex, "stop", 0, 0, gw.generator.info().name.clone())
                    }
                }
            };
            if sanitised {
                let mut e = out.0;
                e.decisions.push(Decision::new(Stage::OutputPii, Action::Redacted).reason("active content (scripts, outside images) neutralised"));
                (e, out.1, out.2, out.3, out.4)
            } else {
                out
            }
        }
    };
    if let Some(f) = footer(ex.caller.app.spec.audience, &gw.settings.human_contact).filter(|_| ex.web.is_none()) {
        sse.content(&f).await;
    }
    let answer = sse.sent_text.clone();
    let ext = match gw.finish(&mut ex, &answer, finish, pt, ct, &used).await {
        Ok(e) => e,
        Err(e) => {
            sse.send(e.body()).await;
            let _ = sse.tx.send(Bytes::from_static(b"data: [DONE]\n\n")).await;
            return;
        }
    };
    if let Some(f) = hooks.on_done {
        f(&ex, &answer, finish, &ext);
    }
    sse.finish(finish, pt, ct, ext).await;
}

impl Sse {
    /// The last chunk (with usage when asked, and the `waarborg` extension), then `[DONE]`.
    async fn finish(&mut self, finish: &str, pt: u32, ct: u32, ext: Value) {
        let mut last = self.chunk(json!({}), Value::String(finish.to_owned()));
        let usage = json!({"prompt_tokens": pt, "completion_tokens": ct, "total_tokens": pt + ct});
        if self.include_usage {
            self.send(last).await;
            last = json!({
                "id": self.id, "object": "chat.completion.chunk", "created": self.created, "model": self.model,
                "system_fingerprint": null, "choices": [], "usage": usage,
            });
        }
        last["waarborg"] = ext;
        self.send(last).await;
        let _ = self.tx.send(Bytes::from_static(b"data: [DONE]\n\n")).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_holds_back_the_tail_and_cuts_at_whitespace() {
        let s = "Uw BSN is 1234 5678 2 en verder niets bijzonders hier om te melden vandaag.";
        let end = safe_end(s, 0, 48);
        assert!(end <= s.len() - 48);
        assert!(s[..end].ends_with(' '));
        assert_eq!(safe_end("kort", 0, 48), 0);
        let m = "Tekst <script type=x>bad</script> en nog veel meer tekst om het venster te vullen ja.";
        let e = safe_end(m, 0, 24);
        assert!(!m[..e].contains('<') || m[..e].contains('>'));
    }
}
