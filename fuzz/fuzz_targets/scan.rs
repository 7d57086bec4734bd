//! Fuzz target: any UTF-8 input is scanned and anonymised with every operator; the engine must
//! not panic, and every span must be sound (on char boundaries, ordered, non-overlapping, char
//! offsets agreeing with byte offsets), and each operator must replace exactly those spans:
//! `Redact` with `[TYPE]`, `Mask` with a same-length string that shows no letter or digit (but a
//! card's last four), `Pseudonymise` with `LABEL-XXXXXXXX`, `Generalise` with anything but the
//! value itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use waarborg_pii::{Anonymised, Engine, EntityType, Findings, Operator, PseudonymKey};

static ENGINE: OnceLock<Engine> = OnceLock::new();
static KEY: OnceLock<PseudonymKey> = OnceLock::new();

fn check_spans(text: &str, findings: &Findings) {
    let mut prev_end = 0;
    for s in &findings.spans {
        assert!(s.byte_start < s.byte_end && s.byte_end <= text.len(), "bad range {s:?}");
        assert!(text.is_char_boundary(s.byte_start) && text.is_char_boundary(s.byte_end), "{s:?}");
        assert!(s.byte_start >= prev_end, "overlap or out of order at {s:?}");
        prev_end = s.byte_end;
        assert_eq!(s.start, text[..s.byte_start].chars().count(), "char start {s:?}");
        assert_eq!(s.end, text[..s.byte_end].chars().count(), "char end {s:?}");
        assert!(s.score > 0.0 && s.score <= 1.0, "score {s:?}");
    }
    for e in &findings.category_evidence {
        assert!(e.byte_start < e.byte_end && e.byte_end <= text.len(), "bad range {e:?}");
        assert!(text.is_char_boundary(e.byte_start) && text.is_char_boundary(e.byte_end), "{e:?}");
        assert_eq!(e.start, text[..e.byte_start].chars().count(), "char start {e:?}");
        assert_eq!(e.end, text[..e.byte_end].chars().count(), "char end {e:?}");
    }
}

fn check_anonymised(text: &str, findings: &Findings, anon: &Anonymised, op: &Operator) {
    assert_eq!(anon.spans.len(), findings.spans.len(), "{op:?} dropped spans");
    let mut rebuilt = String::with_capacity(text.len());
    let mut pos = 0;
    for (r, s) in anon.spans.iter().zip(&findings.spans) {
        assert_eq!(&r.span, s);
        rebuilt.push_str(&text[pos..s.byte_start]);
        rebuilt.push_str(&r.replacement);
        pos = s.byte_end;
        let value = &text[s.byte_start..s.byte_end];
        match op {
            Operator::Redact => {
                // `[TYPE]`, never the value itself (no detector matches a bracketed label).
                assert!(r.replacement == format!("[{}]", s.entity.as_str()), "redact {s:?}");
                assert!(r.replacement != value, "redact kept the value {s:?}");
            }
            Operator::Mask => {
                let len = r.replacement.chars().count();
                assert_eq!(len, s.end - s.start, "mask changed length {s:?}");
                // Every letter and digit is hidden, except a card's last four digits.
                let shown = r.replacement.chars().filter(|c| c.is_alphanumeric()).count();
                let allowed = if s.entity == EntityType::PaymentCard { 4 } else { 0 };
                assert!(shown <= allowed, "mask left {shown} letters or digits {s:?}");
            }
            Operator::Pseudonymise(_) => {
                // `LABEL-XXXXXXXX` (eight upper-case hex digits).
                let label = s.entity.pseudonym_label();
                let tag = r.replacement.strip_prefix(label).and_then(|t| t.strip_prefix('-'));
                let hex = |b: u8| b.is_ascii_digit() || (b'A'..=b'F').contains(&b);
                assert!(
                    tag.is_some_and(|t| t.len() == 8 && t.bytes().all(hex)),
                    "pseudonym shape {s:?}"
                );
            }
            Operator::Generalise => {
                // A coarser value (year, postcode digits, street, /24) or `[TYPE]`, never the
                // value itself.
                assert!(r.replacement != value, "generalise kept the value {s:?}");
            }
        }
    }
    rebuilt.push_str(&text[pos..]);
    // `assert!`, not `assert_eq!`: a failure must not print the text.
    assert!(anon.text == rebuilt, "{op:?} output is not the text with its spans replaced");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let engine = ENGINE.get_or_init(|| Engine::with_defaults().expect("default engine builds"));
    let key = KEY.get_or_init(|| PseudonymKey::from_bytes(b"waarborg fuzz key, 32 bytes long").expect("key"));
    let findings = engine.scan(text);
    check_spans(text, &findings);
    // `anonymise` scans again: the same spans must come back (scanning is deterministic). The
    // other operators reuse the findings, so that each input costs two scans, not five.
    let redacted = engine.anonymise(text, &Operator::Redact);
    check_anonymised(text, &findings, &redacted, &Operator::Redact);
    for op in [Operator::Mask, Operator::Generalise, Operator::Pseudonymise(key.clone())] {
        let anon = op.apply(text, &findings.spans);
        check_anonymised(text, &findings, &anon, &op);
    }
});
