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
use crate::text::{line_end_within, line_start_within, Text};
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
    /// Up to `n` bytes, all from `allowed` or in one of `words` (ASCII, matched
    /// case-insensitively as whole words): `rijbewijs, nummer RB4417902M`, `paspoort met het
    /// nummer …`.
    OnlyAndWords(&'static str, &'static [&'static str], usize),
    /// Up to `n` bytes within one clause: no digit, newline, `.`, `!`, `?` or `;`.
    Clause(usize),
    /// Up to `n` bytes of a form field or a phrase: no digit, at most one newline, and no
    /// sentence or clause end (`;`, `!`, `?`, `.` followed by a space and a capital or by the
    /// line's end), no word before the value on the next line, so
    /// `na de geboorte worden gedaan; de aangifte op 3 mei` does not reach the date.
    Form(usize),
    /// [`Gap::Form`] up to `form` bytes; or, up to `answer` bytes, a question and its answer on
    /// the next line of a chat or mail (`Mag ik haar geboortedatum?\n[14:07] Bewoner: 02/11/1939`):
    /// the label's line ends in `?` with no digit before it, and on the next line the value
    /// follows the speaker's `:` or `]`, at most after a name (see [`answer_admits`]).
    FormOrAnswer { form: usize, answer: usize },
}

impl Gap {
    fn max(self) -> usize {
        match self {
            Gap::NoDigits(n)
            | Gap::NoNewline(n)
            | Gap::Only(_, n)
            | Gap::OnlyAndWords(_, _, n)
            | Gap::Clause(n)
            | Gap::Form(n) => n,
            Gap::FormOrAnswer { answer, .. } => answer,
        }
    }

    fn admits(self, gap: &[u8]) -> bool {
        if let Gap::FormOrAnswer { form, .. } = self {
            return gap.len() <= form && Gap::Form(form).admits(gap);
        }
        gap.len() <= self.max()
            && match self {
                Gap::NoDigits(_) => !gap.iter().any(|c| c.is_ascii_digit() || *c == b'\n'),
                Gap::NoNewline(_) => !gap.contains(&b'\n'),
                Gap::Only(allowed, _) => gap.iter().all(|c| allowed.as_bytes().contains(c)),
                Gap::OnlyAndWords(allowed, words, _) => {
                    let admitted = |part: &[u8]| {
                        part.split(|c| allowed.as_bytes().contains(c))
                            .all(|w| w.is_empty() || words.iter().any(|word| word.as_bytes().eq_ignore_ascii_case(w)))
                    };
                    // One remark in brackets, without digits or a line break, may stand in it:
                    // `| verblijfsvergunning (tijdelijke bescherming) | Y3K8R2T7W |`.
                    match remark_in_brackets(gap) {
                        Some((open, close)) => admitted(&gap[..open]) && admitted(&gap[close + 1..]),
                        None => admitted(gap),
                    }
                }
                Gap::Clause(_) => !gap.iter().any(|c| c.is_ascii_digit() || b"\n.!?;".contains(c)),
                Gap::Form(_) | Gap::FormOrAnswer { .. } => {
                    !gap.iter().any(|c| c.is_ascii_digit() || b"!?;".contains(c))
                        && gap.iter().filter(|&&c| c == b'\n').count() <= 1
                        && !gap.windows(3).any(|w| w[0] == b'.' && w[1] == b' ' && w[2].is_ascii_uppercase())
                        // (A full stop ending the label's line ends its sentence too:
                        // `De geboortedatum ontbreekt.\nAfspraak: 12-03-2024`.)
                        && !gap.windows(2).any(|w| w[0] == b'.' && matches!(w[1], b'\n' | b'\r'))
                        // (The value alone on the next line: a word there is another field's
                        // label, `Geboortedatum: onbekend\nDatum aanvraag: 01-03-2024`.)
                        && memchr::memchr(b'\n', gap).is_none_or(|nl| !gap[nl..].iter().any(u8::is_ascii_alphabetic))
                }
            }
    }
}

/// The bounds of the one bracketed remark of at most 32 bytes, without digits or a line break,
/// in `gap`: the positions of its `(` and `)`.
fn remark_in_brackets(gap: &[u8]) -> Option<(usize, usize)> {
    let open = memchr::memchr(b'(', gap)?;
    let close = open + 1 + memchr::memchr(b')', &gap[open + 1..])?;
    let inside = &gap[open + 1..close];
    (inside.len() <= 32 && !inside.iter().any(|c| c.is_ascii_digit() || matches!(c, b'\n' | b'(')))
        .then_some((open, close))
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

/// The longest header, row or bullet line of a block, in bytes.
const MAX_BLOCK_LINE: usize = 4096;

/// The most columns one header line heads for one rule (`| geboortedatum kind 1 | geboortedatum
/// kind 2 |`).
const MAX_BLOCK_COLUMNS: usize = 8;

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

    /// Adds a keyword with no rule of its own (a marker another detector reads from the label
    /// hits); its index into [`Self::labels`].
    pub(crate) fn add_marker(&mut self, label: &'static str) -> usize {
        self.labels.push(label);
        self.label_rules.push(Vec::new());
        self.labels.len() - 1
    }

    /// The labels to look for.
    pub(crate) fn labels(&self) -> &[&'static str] {
        &self.labels
    }

    /// Checks the values after `label_hits` (indexes into [`Self::labels`]), appending them to
    /// `out`.
    pub(crate) fn scan(&self, t: &Text<'_>, label_hits: &[(usize, Range<usize>)], out: &mut Vec<PatternHit>) {
        // (Rule and header line, and how many of its columns were read.)
        let mut blocks_read: Vec<((usize, Option<usize>), usize)> = Vec::new();
        for (label, m) in label_hits {
            if !t.left_boundary(m.start) {
                continue;
            }
            for &i in &self.label_rules[*label] {
                let (rule, regex) = &self.rules[i];
                let found = self
                    .value_after(t, rule, regex, m.clone())
                    .or_else(|| rule.before.and_then(|gap| value_before(t, rule, regex, gap, m.start)));
                // (At most MAX_BLOCK_COLUMNS columns of one header line per rule: a header of
                // hundreds of such labels would read its rows again for each.)
                if rule.blocks {
                    let key = (i, line_start_within(t.bytes, m.start, MAX_BLOCK_LINE));
                    let columns = match blocks_read.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, n)) => {
                            *n += 1;
                            *n
                        }
                        None => {
                            if blocks_read.len() < 256 {
                                blocks_read.push((key, 1));
                            }
                            1
                        }
                    };
                    if columns <= MAX_BLOCK_COLUMNS {
                        block_values(t, rule, regex, m.clone(), out);
                    }
                }
                let Some(hit) = found else { continue };
                let mut end = hit.range.end;
                // `| geboortedatum | 1986-01-19 | 1989-11-02 |`: a row's label before its cells
                // (a table with a column per person); the next cells continue the list.
                let cells = rule.lists && {
                    let gap = &t.bytes[m.end..hit.range.start.max(m.end)];
                    gap.iter().any(|&c| c == b'|' || c == b'\t') && !gap.contains(&b'\n')
                };
                out.push(PatternHit {
                    entity: rule.rule.entity,
                    detector: rule.rule.name,
                    hit,
                    labelled: true,
                });
                while let Some(next) = rule.lists.then(|| next_in_list(t, rule, regex, end, cells)).flatten() {
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
        let (near, answer) = match rule.gap {
            Gap::FormOrAnswer { form, answer } => (form, Some(answer)),
            gap => (gap.max(), None),
        };
        let window_end = |len: usize| {
            let mut end = (label.end + len + rule.max_value).min(t.len());
            while !t.str.is_char_boundary(end) {
                end -= 1;
            }
            end
        };
        let value = regex.search(&Input::new(t.str).range(label.end..window_end(near)));
        if let Some(value) = &value {
            if rule.gap.admits(&t.bytes[label.end..value.start()]) {
                return (rule.rule.check)(t, label.start..value.end());
            }
        }
        // An answer on the next line, looked for only when the label's line asks a question.
        let answer = answer?;
        let b = t.bytes;
        let limit = (label.end + answer).min(t.len());
        let line_end = label.end + memchr::memchr(b'\n', &b[label.end..limit])?;
        if !b[label.end..line_end].trim_ascii_end().ends_with(b"?") {
            return None;
        }
        let value = regex.search(&Input::new(t.str).range(line_end + 1..window_end(answer)))?;
        let gap = &b[label.end..value.start()];
        if gap.len() <= answer && answer_admits(gap) {
            // The check gets the value alone: the line before it holds other digits (times,
            // phone numbers).
            return (rule.rule.check)(t, value.range());
        }
        None
    }
}

/// Whether `gap` (from the label to the value) is a question and the start of its answer
/// (see [`Gap::FormOrAnswer`]): the rest of the label's line holds no digit and ends in `?`;
/// the value stands on the next line, after the speaker (`[14:07] Bewoner:`, `+31 6 … :`) and
/// at most capitalised words (a name: `Shanice Lieuw-On 3-11-2012`). `Heeft u de
/// geboortedatum doorgegeven?\nJa, op 12-03-2024` is no answer with a birth date.
fn answer_admits(gap: &[u8]) -> bool {
    let Some(nl) = memchr::memchr(b'\n', gap) else { return false };
    let (question, next) = (gap[..nl].trim_ascii_end(), &gap[nl + 1..]);
    if !question.ends_with(b"?") || question.iter().any(u8::is_ascii_digit) || next.contains(&b'\n') {
        return false;
    }
    let Some(speaker_end) = next.iter().rposition(|&c| c == b':' || c == b']') else { return false };
    let said = &next[speaker_end + 1..];
    said.len() <= 40
        && said
            .split(|&c| matches!(c, b' ' | b',' | b'\t'))
            .filter(|w| !w.is_empty())
            .all(|w| w[0].is_ascii_uppercase() || w[0] >= 0x80)
}

/// The values in the block a label heads (see [`LabelRule::blocks`]), appended to `out`.
fn block_values(t: &Text<'_>, rule: &LabelRule, regex: &Regex, label: Range<usize>, out: &mut Vec<PatternHit>) {
    let b = t.bytes;
    // A header or a label's line is at most MAX_BLOCK_LINE bytes (and so is each row): a longer
    // line heads no block, so that a text of one long line costs no more than that per label.
    let (Some(line_start), Some(line_end)) =
        (line_start_within(b, label.start, MAX_BLOCK_LINE), line_end_within(b, label.end, MAX_BLOCK_LINE))
    else {
        return;
    };
    let line = &b[line_start..line_end];
    let push = |hit: Hit, out: &mut Vec<PatternHit>| {
        out.push(PatternHit {
            entity: rule.rule.entity,
            detector: rule.rule.name,
            hit,
            labelled: true,
        });
    };
    let count = |row: &[u8], sep: u8| row.iter().filter(|&&c| c == sep).count();
    // A `;`-separated export (`naam;geboortedatum;bsn`, the Dutch spreadsheet default) or a
    // `,`-separated one (`naam,geboortedatum,bsn`) counts as a table when its header has two
    // separators or more and each row as many.
    let csv_separator = [b';', b','].into_iter().find(|&sep| count(line, sep) >= 2);
    let header_separators = csv_separator.map_or(0, |sep| count(line, sep));
    let separator = if line.contains(&b'|') {
        Some(b'|')
    } else if line.contains(&b'\t') {
        Some(b'\t')
    } else {
        csv_separator
    };
    let mut pos = line_end + 1;
    if let Some(sep) = separator {
        // A table: the label's column is the number of separators before it on its line.
        let column = b[line_start..label.start].iter().filter(|&&c| c == sep).count();
        for _ in 0..MAX_BLOCK_LINES {
            if pos >= b.len() {
                break;
            }
            let Some(end) = line_end_within(b, pos, MAX_BLOCK_LINE) else { break };
            let row = &b[pos..end];
            if !row.contains(&sep) || (Some(sep) == csv_separator && count(row, sep) != header_separators) {
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
        let Some(end) = line_end_within(b, pos, MAX_BLOCK_LINE) else { break };
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
fn next_in_list(t: &Text<'_>, rule: &LabelRule, regex: &Regex, end: usize, cells: bool) -> Option<Hit> {
    let rest = &t.bytes[end..];
    let spaces = rest.iter().take_while(|&&c| c == b' ').count();
    let after = &rest[spaces..];
    let joiner = match after.first() {
        Some(b'|' | b'\t') if cells => 1,
        _ => LIST_JOINERS
            .iter()
            .find(|j| after.len() >= j.len() && after[..j.len()].eq_ignore_ascii_case(j.as_bytes()))?
            .len(),
    };
    let mut start = end + spaces + joiner;
    start += t.bytes[start..].iter().take_while(|&&c| c == b' ' || (cells && c == b'\t')).count();
    let mut stop = (start + rule.max_value).min(t.len());
    while !t.str.is_char_boundary(stop) {
        stop -= 1;
    }
    let value = regex.search(&Input::new(t.str).anchored(regex_automata::Anchored::Yes).range(start..stop))?;
    (rule.rule.check)(t, value.range())
}
