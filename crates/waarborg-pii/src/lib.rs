/*!
Waarborg's personal-data engine: Dutch-first detection and anonymisation of personal data.

Every other part of Waarborg calls this crate — curation before data reaches a model or an
index, the gateway on every prompt and answer, the rights module when it searches for a person —
so it is the hot kernel: no I/O, no async, no per-call set-up. Build an [`Engine`] once, then
[`Engine::scan`] and [`Engine::anonymise`] from any thread.

How a scan works:
1. **Pattern detectors** (one file each under `detect/`: BSN, IBAN, cards, phone numbers,
   postcodes, addresses, dates of birth, kentekens, ID documents, KvK, e-mail, IP) share one
   multi-pattern automaton; checksums and context checks run only at candidates.
2. **Names** are read from chains of capitalised words, initials and tussenvoegsels, decided with
   gazetteers of first names and surnames, titles and roles, and hard negatives (streets named
   after people, organisations, sentence starts).
3. **Special categories** (AVG art. 9, 10) come from a lexicon, counted only in sentences about
   a person.
4. Overlaps are resolved by type priority; char offsets (Python `str` indexes) are added.

The taxonomy ([`EntityType`], [`Category`]) and the JSON shapes are fixed by DESIGN.md.
*/

mod checksum;
mod config;
mod detect;
mod engine;
mod entity;
mod findings;
mod lexicon;
mod operator;
mod text;
mod vault;

pub use checksum::{card_brand_known, elfproef, iban_valid, luhn};
pub use config::{ConfigError, DenyEntry, PiiConfig};
pub use engine::{Engine, EngineError};
pub use entity::{Category, EntityType, UnknownName};
pub use findings::{CategoryEvidence, Findings, Span};
pub use operator::{Anonymised, Operator, PseudonymKey, Replaced};
pub use vault::Vault;

#[cfg(test)]
pub(crate) mod test_support {
    use crate::{Engine, EntityType};
    use std::sync::LazyLock;

    static ENGINE: LazyLock<Engine> =
        LazyLock::new(|| Engine::with_defaults().expect("default engine builds"));

    /// The default engine, built once for all tests.
    pub(crate) fn engine() -> &'static Engine {
        &ENGINE
    }

    /// The texts of the spans of type `t` that the default engine finds in `text`.
    pub(crate) fn found(text: &str, t: EntityType) -> Vec<String> {
        engine()
            .scan(text)
            .spans
            .into_iter()
            .filter(|s| s.entity == t)
            .map(|s| text[s.byte_start..s.byte_end].to_string())
            .collect()
    }
}
