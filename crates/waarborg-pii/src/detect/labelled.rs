//! Label-anchored detectors: values that count only after a label (`KvK-nummer 12345678`,
//! `geboren op 12 maart 1985`, `paspoort NW3F7K2L4`, `wonende aan de Slinge 341`).
//!
//! In the shared automaton such rules would need a bounded gap (`label[^0-9\n]{0,40}value`),
//! and bounded repetitions of broad classes multiply the lazy DFA's states. So labels are found
//! in the keyword pass ([`super::keywords`]), and only after a label is the value's small regex
//! run, in a short window. A rule's `check` receives the range from the label's start to the value's end, and
//! reports the value.

use super::patterns::PatternHit;
use super::{Hit, PatternRule};
use crate::text::Text;
use regex_automata::meta::Regex;
use regex_automata::Input;
use std::ops::Range;

/// What may stand between a label and its value.
#[derive(Clone, Copy)]
pub(crate) enum Gap {
    /// Up to `n` bytes, none a digit or a newline.
    NoDigits(usize),
    /// Up to `n` bytes, no newline.
    NoNewline(usize),
    /// Up to `n` bytes, all from `allowed`.
    Only(&'static str, usize),
    /// Up to `n` bytes within one clause: no digit, newline, `.`, `!`, `?` or `;`.
    Clause(usize),
    /// Up to `n` bytes of a form field or a phrase: no digit, at most one newline, and no
    /// sentence or clause end (`;`, `!`, `?`, or `.` followed by a space and a capital), so
    /// `na de geboorte worden gedaan; de aangifte op 3 mei` does not reach the date.
    Form(usize),
}

impl Gap {
    fn max(self) -> usize {
        match self {
            Gap::NoDigits(n)
            | Gap::NoNewline(n)
            | Gap::Only(_, n)
            | Gap::Clause(n)
            | Gap::Form(n) => n,
        }
    }

    fn admits(self, gap: &[u8]) -> bool {
        gap.len() <= self.max()
            && match self {
                Gap::NoDigits(_) => !gap.iter().any(|c| c.is_ascii_digit() || *c == b'\n'),
                Gap::NoNewline(_) => !gap.contains(&b'\n'),
                Gap::Only(allowed, _) => gap.iter().all(|c| allowed.as_bytes().contains(c)),
                Gap::Clause(_) => !gap.iter().any(|c| c.is_ascii_digit() || b"\n.!?;".contains(c)),
                Gap::Form(_) => {
                    !gap.iter().any(|c| c.is_ascii_digit() || b"!?;".contains(c))
                        && gap.iter().filter(|&&c| c == b'\n').count() <= 1
                        && !gap.windows(3).any(|w| w[0] == b'.' && w[1] == b' ' && w[2].is_ascii_uppercase())
                }
            }
    }
}

/// A value that counts only after one of its labels.
pub(crate) struct LabelRule {
    /// The labels, lower case (matched case-insensitively, at a word start).
    pub(crate) labels: &'static [&'static str],
    /// What may stand between label and value.
    pub(crate) gap: Gap,
    /// The longest value, in bytes (bounds the search window).
    pub(crate) max_value: usize,
    /// The value's pattern, type, detector name and check (which gets label start..value end).
    pub(crate) rule: PatternRule,
    /// When set, a value may also stand *before* the label with this gap between them
    /// (`op 12 april 1970 in Zwolle geboren`); the check then gets the value's range alone.
    pub(crate) before: Option<Gap>,
    /// Whether further values joined to a found one by `,`, `;`, `/`, `en`, `and` or `&` count
    /// too (`geboortedata: 04-05-2012, 11-09-2015 en 23-01-2018`).
    pub(crate) lists: bool,
    /// Whether a label also heads a block of values: the cells below it in a table whose cells
    /// are separated by `|` or tabs (`| Naam | Geboortedatum |`), or one value per bullet line
    /// under a label that ends its line with `:` (`Kinderen / geboren op:` then `- Sem / 12-03-2012`).
    pub(crate) blocks: bool,
}

/// The most rows of a table, or bullet lines, read below one label.
const MAX_BLOCK_LINES: usize = 64;

/// Joiners of a list of values, lower case, each tried after optional spaces.
const LIST_JOINERS: &[&str] = &[",", ";", "/", "&", "en ", "and ", "of ", "or "];

/// All label rules compiled: one automaton for every label, one regex per rule.
pub(crate) struct LabelScanner {
    rules: Vec<(&'static LabelRule, Regex)>,
    /// The distinct labels (found by [`super::keywords::Keywords`]).
    labels: Vec<&'static str>,
    /// For each label, the rules that use it.
    label_rules: Vec<Vec<usize>>,
}

impl LabelScanner {
    pub(crate) fn new(
        rules: Vec<&'static LabelRule>,
    ) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        let mut compiled = Vec::with_capacity(rules.len());
        for r in rules {
            compiled.push((r, Regex::new(r.rule.pattern)?));
        }
        let mut labels: Vec<&'static str> = Vec::new();
        let mut label_rules: Vec<Vec<usize>> = Vec::new();
        for (i, (r, _)) in compiled.iter().enumerate() {
            for &l in r.labels {
                match labels.iter().position(|&x| x == l) {
                    Some(k) => label_rules[k].push(i),
                    None => {
                        labels.push(l);
                        label_rules.push(vec![i]);
                    }
                }
            }
        }
        Ok(LabelScanner {
            rules: compiled,
            labels,
            label_rules,
        })
    }

    /// The labels to look for.
    pub(crate) fn labels(&self) -> &[&'static str] {
        &self.labels
    }

    /// Checks the values after `label_hits` (indexes into [`Self::labels`]), appending them to
    /// `out`.
    pub(crate) fn scan(&self, t: &Text<'_>, label_hits: &[(usize, Range<usize>)], out: &mut Vec<PatternHit>) {
        for (label, m) in label_hits {
            if !t.left_boundary(m.start) {
                continue;
            }
            for &i in &self.label_rules[*label] {
                let (rule, regex) = &self.rules[i];
                let found = self
                    .value_after(t, rule, regex, m.clone())
                    .or_else(|| rule.before.and_then(|gap| value_before(t, rule, regex, gap, m.start)));
                if rule.blocks {
                    block_values(t, rule, regex, m.clone(), out);
                }
                let Some(hit) = found else { continue };
                let mut end = hit.range.end;
                out.push(PatternHit {
                    entity: rule.rule.entity,
                    detector: rule.rule.name,
                    hit,
                    labelled: true,
                });
                while let Some(next) = rule.lists.then(|| next_in_list(t, rule, regex, end)).flatten() {
                    end = next.range.end;
                    out.push(PatternHit {
                        entity: rule.rule.entity,
                        detector: rule.rule.name,
                        hit: next,
                        labelled: true,
                    });
                }
            }
        }
    }

    fn value_after(&self, t: &Text<'_>, rule: &LabelRule, regex: &Regex, label: Range<usize>) -> Option<Hit> {
        let mut end = (label.end + rule.gap.max() + rule.max_value).min(t.len());
        while !t.str.is_char_boundary(end) {
            end -= 1;
        }
        let value = regex.search(&Input::new(t.str).range(label.end..end))?;
        if !rule.gap.admits(&t.bytes[label.end..value.start()]) {
            return None;
        }
        (rule.rule.check)(t, label.start..value.end())
    }
}

/// The values in the block a label heads (see [`LabelRule::blocks`]), appended to `out`.
fn block_values(t: &Text<'_>, rule: &LabelRule, regex: &Regex, label: Range<usize>, out: &mut Vec<PatternHit>) {
    let b = t.bytes;
    let line_start = b[..label.start].iter().rposition(|&c| c == b'\n').map_or(0, |p| p + 1);
    let line_end = memchr::memchr(b'\n', &b[label.end..]).map_or(b.len(), |p| label.end + p);
    let line = &b[line_start..line_end];
    let push = |hit: Hit, out: &mut Vec<PatternHit>| {
        out.push(PatternHit {
            entity: rule.rule.entity,
            detector: rule.rule.name,
            hit,
            labelled: true,
        });
    };
    let separator = if line.contains(&b'|') {
        Some(b'|')
    } else if line.contains(&b'\t') {
        Some(b'\t')
    } else {
        None
    };
    let mut pos = line_end + 1;
    if let Some(sep) = separator {
        // A table: the label's column is the number of separators before it on its line.
        let column = b[line_start..label.start].iter().filter(|&&c| c == sep).count();
        for _ in 0..MAX_BLOCK_LINES {
            if pos >= b.len() {
                break;
            }
            let end = memchr::memchr(b'\n', &b[pos..]).map_or(b.len(), |p| pos + p);
            let row = &b[pos..end];
            if !row.contains(&sep) {
                break;
            }
            // `|---|:--|` separates the header from the rows.
            let rule_row = row.iter().all(|c| b"|-:+ \t".contains(c));
            if !rule_row {
                // The cell at `column`: between the `column`-th separator and the next.
                let mut cell_start = pos;
                let mut k = 0;
                let mut cell = None;
                for (i, &c) in row.iter().enumerate() {
                    if c != sep {
                        continue;
                    }
                    if k == column {
                        cell = Some(cell_start..pos + i);
                        break;
                    }
                    k += 1;
                    cell_start = pos + i + 1;
                }
                // The last cell of a row without a closing separator.
                let cell = cell.or_else(|| (k == column).then_some(cell_start..end));
                if let Some(hit) = cell.and_then(|c| cell_value(t, rule, regex, c)) {
                    push(hit, out);
                }
            }
            pos = end + 1;
        }
        return;
    }
    // Bullet lines under a label that ends its line with `:`.
    let rest = &b[label.end..line_end];
    if rest.iter().any(u8::is_ascii_digit) || !rest.trim_ascii_end().ends_with(b":") {
        return;
    }
    for _ in 0..MAX_BLOCK_LINES {
        if pos >= b.len() {
            break;
        }
        let end = memchr::memchr(b'\n', &b[pos..]).map_or(b.len(), |p| pos + p);
        let item = b[pos..end].trim_ascii_start();
        let bullet = ["- ", "* ", "– ", "• ", "· "].iter().any(|m| item.starts_with(m.as_bytes()));
        if !bullet {
            break;
        }
        if let Some(value) = regex.search(&Input::new(t.str).range(pos..end)) {
            if let Some(hit) = (rule.rule.check)(t, value.range()) {
                push(hit, out);
            }
        }
        pos = end + 1;
    }
}

/// The value filling a table cell (spaces around it allowed), if the cell holds exactly one.
fn cell_value(t: &Text<'_>, rule: &LabelRule, regex: &Regex, cell: Range<usize>) -> Option<Hit> {
    let lead = t.bytes[cell.clone()].iter().take_while(|c| c.is_ascii_whitespace()).count();
    let trail = t.bytes[cell.clone()].iter().rev().take_while(|c| c.is_ascii_whitespace()).count();
    if lead + trail >= cell.len() {
        return None;
    }
    let (start, end) = (cell.start + lead, cell.end - trail);
    let value = regex.search(&Input::new(t.str).anchored(regex_automata::Anchored::Yes).range(start..end))?;
    if value.end() != end {
        return None;
    }
    (rule.rule.check)(t, value.range())
}

/// The last value that ends before `label_start` with an admissible gap.
fn value_before(t: &Text<'_>, rule: &LabelRule, regex: &Regex, gap: Gap, label_start: usize) -> Option<Hit> {
    let mut from = label_start.saturating_sub(gap.max() + rule.max_value);
    while !t.str.is_char_boundary(from) {
        from += 1;
    }
    let mut best = None;
    for value in regex.find_iter(Input::new(t.str).range(from..label_start)) {
        if gap.admits(&t.bytes[value.end()..label_start]) {
            best = Some(value.range());
        }
    }
    (rule.rule.check)(t, best?)
}

/// A value joined to the one that ended at `end` by a list joiner.
fn next_in_list(t: &Text<'_>, rule: &LabelRule, regex: &Regex, end: usize) -> Option<Hit> {
    let rest = &t.bytes[end..];
    let spaces = rest.iter().take_while(|&&c| c == b' ').count();
    let after = &rest[spaces..];
    let joiner = LIST_JOINERS
        .iter()
        .find(|j| after.len() >= j.len() && after[..j.len()].eq_ignore_ascii_case(j.as_bytes()))?;
    let mut start = end + spaces + joiner.len();
    start += t.bytes[start..].iter().take_while(|&&c| c == b' ').count();
    let mut stop = (start + rule.max_value).min(t.len());
    while !t.str.is_char_boundary(stop) {
        stop -= 1;
    }
    let value = regex.search(&Input::new(t.str).anchored(regex_automata::Anchored::Yes).range(start..stop))?;
    (rule.rule.check)(t, value.range())
}
