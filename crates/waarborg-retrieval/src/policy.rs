//! What happens to personal data before a document is indexed: the collection's [`PiiPolicy`].
//!
//! Nothing reaches the index, the vectors or the metadata store before the policy has run over
//! the whole (normalised) document, so detection sees full sentences. Each document records a
//! [`PiiReport`]: how many values of each type were replaced and kept, and the special
//! categories seen — what the privacy officer needs to know, without the values themselves.
//!
//! - [`PiiPolicy::Pseudonymise`] (default): every finding becomes a keyed pseudonym
//!   (`Persoon-7F3A91C2`), the same under the same key in every document, so a person stays
//!   one person across the collection and the rights module can still find them by pseudonym.
//! - [`PiiPolicy::PublicOfficials`], for collections of public documents (council decisions,
//!   Woo decisions, policy notes): the names of people acting in a public office are kept — a
//!   `PERSON` directly preceded by a role word such as *wethouder*, *burgemeester*,
//!   *minister*, *griffier*, *raadslid* (see [`ROLE_WORDS`]), or directly followed by one as an
//!   apposition (*Jan de Vries, burgemeester van …*, *Jan de Vries (griffier)*) — and everything
//!   else is pseudonymised.
//!   Their names in that role are published by law; a citizen mentioned in the same decision is not.
//! - [`PiiPolicy::Redact`]: every finding becomes `[TYPE]`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use crate::normalise::{Heading, Normalised};
use waarborg_pii::{Engine, EntityType, Operator, PseudonymKey, Span};

/// A collection's policy for personal data. See the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PiiPolicy {
    /// Pseudonymise every finding (keyed, consistent).
    #[default]
    Pseudonymise,
    /// Keep the names of public officials named with their role; pseudonymise the rest.
    PublicOfficials,
    /// Replace every finding with `[TYPE]`.
    Redact,
}

impl PiiPolicy {
    /// The name as stored and given on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            PiiPolicy::Pseudonymise => "pseudonymise",
            PiiPolicy::PublicOfficials => "public-officials",
            PiiPolicy::Redact => "redact",
        }
    }

    /// Parses [`Self::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "pseudonymise" => Some(PiiPolicy::Pseudonymise),
            "public-officials" => Some(PiiPolicy::PublicOfficials),
            "redact" => Some(PiiPolicy::Redact),
            _ => None,
        }
    }
}

/// Role words that mark a public official when they stand right before a name, or right after
/// it as an apposition.
pub const ROLE_WORDS: [&str; 24] = [
    "burgemeester",
    "wethouder",
    "loco-burgemeester",
    "gemeentesecretaris",
    "griffier",
    "raadslid",
    "raadsleden",
    "gedeputeerde",
    "commissaris van de koning",
    "statenlid",
    "minister",
    "staatssecretaris",
    "minister-president",
    "kamerlid",
    "dijkgraaf",
    "heemraad",
    "secretaris-generaal",
    "ombudsman",
    "voorzitter",
    "fractievoorzitter",
    "gemeenteraadslid",
    "directeur-generaal",
    "provinciesecretaris",
    "burgemeesters",
];

/// What was done to one document's personal data (counts only, never values).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PiiReport {
    /// The policy applied.
    pub policy: String,
    /// Values replaced, per entity type.
    pub replaced: BTreeMap<String, usize>,
    /// Values kept (public officials), per entity type.
    pub kept: BTreeMap<String, usize>,
    /// Special categories (AVG art. 9, 10) the engine saw in the document.
    pub categories: Vec<String>,
}

impl PiiReport {
    /// Values replaced in all.
    pub fn replaced_total(&self) -> usize {
        self.replaced.values().sum()
    }

    /// Values kept in all.
    pub fn kept_total(&self) -> usize {
        self.kept.values().sum()
    }
}

/// Applies a policy with an engine and key; cheap to share across threads.
pub struct PiiHandler {
    engine: Engine,
    key: PseudonymKey,
}

impl std::fmt::Debug for PiiHandler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PiiHandler").finish_non_exhaustive()
    }
}

impl PiiHandler {
    /// A handler with `engine` and the pseudonymisation `key`.
    pub fn new(engine: Engine, key: PseudonymKey) -> Self {
        PiiHandler { engine, key }
    }

    /// The text with personal data handled per `policy`, and what was done.
    pub fn apply(&self, policy: PiiPolicy, text: &str) -> (String, PiiReport) {
        let (text, report, _) = self.apply_with_shifts(policy, text);
        (text, report)
    }

    /// Applies the policy to normalised text, moving the headings along with the replacements.
    pub fn apply_normalised(&self, policy: PiiPolicy, doc: &Normalised) -> (Normalised, PiiReport) {
        let (text, report, shifts) = self.apply_with_shifts(policy, &doc.text);
        // Where an old byte offset lands in the new text: after every replacement before it; a
        // position inside a replaced span moves to its start (or end).
        let map = |offset: usize, at_end: bool| {
            let mut delta: isize = 0;
            for &(start, end, new_len) in &shifts {
                if end <= offset {
                    delta += new_len as isize - (end - start) as isize;
                } else if start < offset {
                    let base = (start as isize + delta) as usize;
                    return if at_end { base + new_len } else { base };
                } else {
                    break;
                }
            }
            (offset as isize + delta) as usize
        };
        let headings = doc
            .headings
            .iter()
            .filter_map(|h| {
                let start = map(h.start, false);
                let end = map(h.start + h.text.len(), true);
                let t = text.get(start..end)?.to_string();
                Some(Heading { start, level: h.level, text: t })
            })
            .collect();
        (Normalised { text, headings }, report)
    }

    /// The new text, the report, and each replacement as `(byte_start, byte_end, new_len)`.
    fn apply_with_shifts(&self, policy: PiiPolicy, text: &str) -> (String, PiiReport, Vec<(usize, usize, usize)>) {
        let findings = self.engine.scan(text);
        let mut report = PiiReport {
            policy: policy.as_str().to_string(),
            categories: findings.categories.iter().map(|c| c.as_str().to_string()).collect(),
            ..PiiReport::default()
        };
        let mut replace: Vec<Span> = Vec::with_capacity(findings.spans.len());
        for span in findings.spans {
            if policy == PiiPolicy::PublicOfficials
                && span.entity == EntityType::Person
                && (after_role_word(text, span.byte_start) || before_role_word(text, span.byte_end))
            {
                *report.kept.entry(span.entity.as_str().to_string()).or_default() += 1;
            } else {
                *report.replaced.entry(span.entity.as_str().to_string()).or_default() += 1;
                replace.push(span);
            }
        }
        let operator = match policy {
            PiiPolicy::Redact => Operator::Redact,
            PiiPolicy::Pseudonymise | PiiPolicy::PublicOfficials => Operator::Pseudonymise(self.key.clone()),
        };
        let anon = operator.apply(text, &replace);
        let shifts = anon.spans.iter().map(|r| (r.span.byte_start, r.span.byte_end, r.replacement.len())).collect();
        (anon.text, report, shifts)
    }
}

/// Whether a role word (optionally followed by `de heer`, `mevrouw`, `dhr.`, `mevr.` or a
/// comma) ends right before byte `at`.
fn after_role_word(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(64);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut before = text[from..at].trim_end().trim_end_matches(',').trim_end().to_lowercase();
    for honorific in ["de heer", "mevrouw", "dhr.", "mevr.", "mr.", "drs.", "dr."] {
        if let Some(rest) = before.strip_suffix(honorific) {
            before = rest.trim_end().trim_end_matches(',').trim_end().to_string();
        }
    }
    ROLE_WORDS.iter().any(|role| {
        before.strip_suffix(role).is_some_and(|rest| rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()))
    })
}

/// Whether the name ending at byte `at` is followed by its role as an apposition: a comma or an
/// opening parenthesis, optionally `de`, `het`, `onze`, `uw` or `als`, then a role word
/// ("Jan de Vries, burgemeester van Dijkstede", "Jan de Vries, de wethouder",
/// "Jan de Vries (griffier)"). Anything else between them — a full stop, a relative clause
/// ("Jan de Vries, die de wethouder schreef"), another noun ("Jan de Vries, de buurman van de
/// wethouder") or a prefix ("oud-wethouder") — does not count, so a citizen mentioned near an
/// official stays pseudonymised.
fn before_role_word(text: &str, at: usize) -> bool {
    let Some(rest) = text.get(at..) else { return false };
    let rest = rest.trim_start();
    let Some(rest) = rest.strip_prefix(',').or_else(|| rest.strip_prefix('(')) else { return false };
    let mut after = rest.trim_start().to_lowercase();
    for article in ["de ", "het ", "onze ", "uw ", "als "] {
        if let Some(r) = after.strip_prefix(article) {
            after = r.trim_start().to_string();
            break;
        }
    }
    ROLE_WORDS.iter().any(|role| {
        after.strip_prefix(role).is_some_and(|r| r.is_empty() || r.starts_with(|c: char| !c.is_alphanumeric() && c != '-'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handler() -> PiiHandler {
        PiiHandler::new(Engine::with_defaults().unwrap(), PseudonymKey::from_bytes(&[7u8; 32]).unwrap())
    }

    #[test]
    fn role_words_are_recognised_right_before_a_name_only() {
        let t = "Wethouder Jansen en burgemeester, mevrouw De Vries. De wethouder sprak met Pietersen.";
        assert!(after_role_word(t, t.find("Jansen").unwrap()));
        assert!(after_role_word(t, t.find("De Vries").unwrap()));
        assert!(!after_role_word(t, t.find("Pietersen").unwrap()));
        let t = "Oudwethouder Klaassen";
        assert!(!after_role_word(t, t.find("Klaassen").unwrap()));
    }

    #[test]
    fn role_words_are_recognised_right_after_a_name_as_an_apposition_only() {
        let end = |t: &str, name: &str| t.find(name).unwrap() + name.len();
        for t in ["Jan de Vries, burgemeester van Dijkstede", "Jan de Vries, de Burgemeester", "Jan de Vries (wethouder)", "Jan de Vries , als griffier"] {
            assert!(before_role_word(t, end(t, "Jan de Vries")), "{t}");
        }
        for t in [
            "Jan de Vries. De wethouder sprak.",
            "Jan de Vries, die de wethouder een brief schreef",
            "Jan de Vries, de buurman van de wethouder",
            "Jan de Vries, oud-wethouder",
            "Jan de Vries, wethoudersvrouw",
            "Jan de Vries en de wethouder",
        ] {
            assert!(!before_role_word(t, end(t, "Jan de Vries")), "{t}");
        }
    }

    #[test]
    fn public_officials_keeps_an_official_named_before_the_role_but_not_a_citizen_nearby() {
        let text = "Het besluit is ondertekend door Karin Bakker, burgemeester van Dijkstede. \
                    Bezwaarmaker Pieter Jansen schreef de burgemeester op 3 maart. \
                    Ook Sanne Visser, de buurvrouw van wethouder Karel Doornbos, diende een zienswijze in.";
        let (out, report) = handler().apply(PiiPolicy::PublicOfficials, text);
        assert!(out.contains("Karin Bakker, burgemeester"), "{out}");
        assert!(out.contains("wethouder Karel Doornbos"), "{out}");
        assert!(!out.contains("Pieter Jansen"), "{out}");
        assert!(!out.contains("Sanne Visser"), "{out}");
        assert_eq!(report.kept.get("PERSON"), Some(&2), "{report:?}");
        // Under the default policy nobody is kept.
        let (out, report) = handler().apply(PiiPolicy::Pseudonymise, text);
        assert!(!out.contains("Karin Bakker"), "{out}");
        assert_eq!(report.kept_total(), 0, "{report:?}");
    }

    #[test]
    fn pseudonymise_replaces_a_bsn_and_a_citizen_and_counts_them() {
        let text = "Aanvrager Jan de Vries met BSN 111222333 woont in Dijkstede.";
        let (out, report) = handler().apply(PiiPolicy::Pseudonymise, text);
        assert!(!out.contains("111222333"), "{out}");
        assert!(!out.contains("Jan de Vries"), "{out}");
        assert_eq!(report.replaced.get("BSN"), Some(&1));
        assert_eq!(report.policy, "pseudonymise");
    }

    #[test]
    fn public_officials_keeps_a_wethouder_but_not_a_citizen() {
        let text = "Wethouder Karin Bakker heeft het bezwaar van Jan de Vries (BSN 111222333) afgewezen.";
        let (out, report) = handler().apply(PiiPolicy::PublicOfficials, text);
        assert!(out.contains("Wethouder Karin Bakker"), "{out}");
        assert!(!out.contains("Jan de Vries"), "{out}");
        assert!(!out.contains("111222333"), "{out}");
        assert_eq!(report.kept.get("PERSON"), Some(&1), "{report:?}");
        let (out, _) = handler().apply(PiiPolicy::Pseudonymise, text);
        assert!(!out.contains("Karin Bakker"), "{out}");
    }

    #[test]
    fn headings_move_with_the_replacements() {
        let doc = crate::normalise::normalise("Bezwaar van Jan de Vries\n\nHij woont in Dijkstede.\n\n## Besluit over Jan de Vries\n\nAfgewezen.");
        let (out, _) = handler().apply_normalised(PiiPolicy::Pseudonymise, &doc);
        assert!(!out.text.contains("Jan de Vries"), "{}", out.text);
        let last = out.headings.last().unwrap();
        assert_eq!(&out.text[last.start..last.start + last.text.len()], last.text);
        assert!(last.text.starts_with("Besluit over Persoon-"), "{}", last.text);
    }
}
