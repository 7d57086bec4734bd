//! The one-pass scanner for pattern detectors.
//!
//! All [`PatternRule`](super::PatternRule)s are compiled into one `regex-automata` meta regex
//! with one pattern each (leftmost-first, earlier rules win ties). A match is handed to its
//! rule's `check`; if the check rejects it, the other rules are tried *anchored at the same
//! start* (a 10-digit number that is not a driving licence may still be a phone number), and
//! only if none accepts does the scan move on by one character. Checks are thus paid only at
//! candidates, never per byte.

use super::labelled::LabelScanner;
use super::{all_label_rules, all_rules, Hit, PatternRule};
use crate::entity::EntityType;
use crate::text::Text;
use regex_automata::meta::Regex;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind, PatternID, PatternSet};

/// A finding of a pattern rule.
pub(crate) struct PatternHit {
    pub(crate) entity: EntityType,
    pub(crate) detector: &'static str,
    pub(crate) hit: Hit,
    /// Found right after its label: stronger than an unlabelled shape of another type.
    pub(crate) labelled: bool,
}

/// The compiled pattern rules.
pub(crate) struct PatternScanner {
    rules: Vec<&'static PatternRule>,
    regex: Regex,
    /// The same patterns with all-matches semantics: which rules match at a given start.
    all: Regex,
    /// Whether to look for e-mail addresses (found by `@`, outside the automaton).
    emails: bool,
    /// Whether to look for IPv6 addresses (found by `:`, outside the automaton).
    ips: bool,
    /// Label-anchored rules (outside the automaton).
    labels: LabelScanner,
    /// Whether to look for street lines above or before postcodes.
    addresses: bool,
}

impl PatternScanner {
    /// Compiles the rules whose type `enabled` accepts.
    pub(crate) fn new(
        enabled: impl Fn(EntityType) -> bool,
    ) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        let rules: Vec<&'static PatternRule> =
            all_rules().into_iter().filter(|r| enabled(r.entity)).collect();
        let patterns: Vec<&str> = rules.iter().map(|r| r.pattern).collect();
        let regex = Regex::builder()
            .syntax(syntax::Config::new().utf8(true))
            .configure(Regex::config().hybrid_cache_capacity(64 << 20))
            .build_many(&patterns)?;
        let all = Regex::builder()
            .syntax(syntax::Config::new().utf8(true))
            .configure(
                Regex::config()
                    .match_kind(MatchKind::All)
                    .hybrid_cache_capacity(16 << 20),
            )
            .build_many(&patterns)?;
        let labels = LabelScanner::new(
            all_label_rules()
                .into_iter()
                .filter(|r| enabled(r.rule.entity))
                .collect(),
        )?;
        Ok(PatternScanner {
            rules,
            regex,
            all,
            emails: enabled(EntityType::Email),
            ips: enabled(EntityType::IpAddress),
            labels,
            addresses: enabled(EntityType::Address),
        })
    }

    /// Scans `t`, appending accepted hits to `out` in text order.
    pub(crate) fn scan(&self, t: &Text<'_>, label_hits: &[(usize, std::ops::Range<usize>)], out: &mut Vec<PatternHit>) {
        if self.emails {
            super::email::scan(t, out);
        }
        if self.ips {
            super::ip::scan_v6(t, out);
        }
        self.labels.scan(t, label_hits, out);
        let first_pattern_hit = out.len();
        self.scan_patterns(t, out);
        if self.addresses {
            // Street lines before postcodes, where no address was found yet.
            let mut extra = Vec::new();
            for p in &out[first_pattern_hit..] {
                if p.entity != EntityType::Postcode {
                    continue;
                }
                let (start, end) = (p.hit.range.start, p.hit.range.end);
                let covered = out.iter().any(|a| {
                    a.entity == EntityType::Address && a.hit.range.end <= start && start - a.hit.range.end <= 3
                });
                if !covered {
                    if let Some(hit) = super::address::before_postcode(t, start, end) {
                        extra.push(PatternHit {
                            entity: EntityType::Address,
                            detector: "address_block",
                            hit,
                            labelled: false,
                        });
                    }
                }
            }
            out.extend(extra);
        }
    }

    fn scan_patterns(&self, t: &Text<'_>, out: &mut Vec<PatternHit>) {
        if self.rules.is_empty() {
            return;
        }
        let hay = t.str;
        let mut pos = 0;
        while pos < hay.len() {
            let input = Input::new(hay).range(pos..);
            let Some(m) = self.regex.search(&input) else {
                break;
            };
            let start = m.start();
            let first = m.pattern();
            let accepted = self
                .try_rule(t, first, m.range())
                .or_else(|| self.try_others_at(t, start, first));
            match accepted {
                Some(found) => {
                    pos = found.hit.range.end.max(start + 1);
                    out.push(found);
                }
                // Every pattern starts at a word start or at punctuation, so the next candidate
                // cannot start inside the word the rejected one started with.
                None => pos = skip_word(hay, start),
            }
            // Never stop inside a char.
            while pos < hay.len() && !hay.is_char_boundary(pos) {
                pos += 1;
            }
        }
    }

    /// The labels the label-anchored rules need found.
    pub(crate) fn labels(&self) -> &[&'static str] {
        self.labels.labels()
    }

    fn try_rule(&self, t: &Text<'_>, id: PatternID, range: std::ops::Range<usize>) -> Option<PatternHit> {
        let rule = self.rules[id.as_usize()];
        (rule.check)(t, range).map(|hit| PatternHit {
            entity: rule.entity,
            detector: rule.name,
            hit,
            labelled: false,
        })
    }

    /// Tries the other rules that match at `start` (found in one anchored all-matches pass), in
    /// priority order.
    fn try_others_at(&self, t: &Text<'_>, start: usize, skip: PatternID) -> Option<PatternHit> {
        let mut set = PatternSet::new(self.rules.len());
        let input = Input::new(t.str).range(start..).anchored(Anchored::Yes);
        self.all.which_overlapping_matches(&input, &mut set);
        set.iter().filter(|&id| id != skip).find_map(|id| {
            let input = Input::new(t.str)
                .range(start..)
                .anchored(Anchored::Pattern(id));
            let m = self.regex.search(&input)?;
            self.try_rule(t, id, m.range())
        })
    }
}

/// The end of the alphanumeric run at `i` (at least one char further).
fn skip_word(s: &str, i: usize) -> usize {
    let mut chars = s[i..].char_indices();
    let Some((_, first)) = chars.next() else {
        return s.len();
    };
    if !first.is_alphanumeric() {
        return i + first.len_utf8();
    }
    chars
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(off, _)| i + off)
}
