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
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::hybrid::{self, LazyStateID};
use regex_automata::meta::Regex;
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchError, MatchKind, PatternID, PatternSet};
use std::sync::Arc;

/// A finding of a pattern rule.
pub(crate) struct PatternHit {
    pub(crate) entity: EntityType,
    pub(crate) detector: &'static str,
    pub(crate) hit: Hit,
    /// Found right after its label: stronger than an unlabelled shape of another type.
    pub(crate) labelled: bool,
}

type CacheFn = Box<dyn Fn() -> hybrid::regex::Cache + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>;

/// The compiled pattern rules.
pub(crate) struct PatternScanner {
    rules: Vec<&'static PatternRule>,
    regex: Regex,
    /// The same patterns with all-matches semantics: which rules match at a given start.
    all: Regex,
    /// The same patterns' lazy DFAs. The forward one is walked by
    /// [`PatternScanner::window_match`] to learn whether a stretch of text holds a match at
    /// all, and on from there to the match's end ([`PatternScanner::finish_match`]); the
    /// reverse one finds the match's start from its end.
    window: Arc<hybrid::regex::Regex>,
    /// Their caches, one per thread that scans.
    window_caches: Pool<hybrid::regex::Cache, CacheFn>,
    /// Whether to look for e-mail addresses (found by `@`, outside the automaton).
    emails: bool,
    /// Whether to look for IPv6 addresses (found by `:`, outside the automaton).
    ips: bool,
    /// Label-anchored rules (outside the automaton).
    labels: LabelScanner,
    /// The label indexes of `(at)` and `[at]` (addresses written to dodge spam robots), when
    /// e-mail addresses are looked for.
    at_markers: Option<[usize; 2]>,
    /// The labels that mark where a chat export's stamp ends (`21:06 - `, `21:06:11] `).
    stamp_markers: [usize; 2],
    /// Whether to look for street lines above or before postcodes.
    addresses: bool,
    /// Whether to look for postcodes (also in lower case right after an address).
    postcodes: bool,
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
        let window = Arc::new(
            hybrid::regex::Regex::builder()
                .syntax(syntax::Config::new().utf8(true))
                .dfa(DFA::config().cache_capacity(16 << 20).starts_for_each_pattern(true))
                .build_many(&patterns)?,
        );
        let for_caches = Arc::clone(&window);
        let window_caches: Pool<hybrid::regex::Cache, CacheFn> =
            Pool::new(Box::new(move || for_caches.create_cache()));
        let mut labels = LabelScanner::new(
            all_label_rules()
                .into_iter()
                .filter(|r| enabled(r.rule.entity))
                .collect(),
        )?;
        let at_markers = enabled(EntityType::Email).then(|| super::email::AT_MARKERS.map(|m| labels.add_marker(m)));
        let stamp_markers = [" - ", "] "].map(|m| labels.add_marker(m));
        Ok(PatternScanner {
            rules,
            regex,
            all,
            window,
            window_caches,
            emails: enabled(EntityType::Email),
            ips: enabled(EntityType::IpAddress),
            labels,
            at_markers,
            stamp_markers,
            addresses: enabled(EntityType::Address),
            postcodes: enabled(EntityType::Postcode),
        })
    }

    /// Scans `t`, appending accepted hits to `out` in text order.
    /// Where the keyword pass saw ` - ` or `] `, the ends of a chat export's stamps (read by the
    /// name detector), appended to `out`.
    pub(crate) fn stamp_ends(&self, label_hits: &[(usize, std::ops::Range<usize>)], out: &mut Vec<usize>) {
        out.extend(label_hits.iter().filter(|(label, _)| self.stamp_markers.contains(label)).map(|(_, m)| m.start));
    }

    pub(crate) fn scan(&self, t: &Text<'_>, label_hits: &[(usize, std::ops::Range<usize>)], out: &mut Vec<PatternHit>) {
        if self.emails {
            super::email::scan(t, out);
            if let Some(markers) = self.at_markers {
                let mut found = None;
                for (label, m) in label_hits {
                    if markers.contains(label) {
                        let found = found.get_or_insert_with(|| super::email::Found::new(out));
                        super::email::scan_obfuscated(t, m.clone(), found, out);
                    }
                }
            }
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
            // (The addresses' ends, sorted and looked up by halving: a list of thousands of
            // addresses would otherwise cost a pass over all of them per postcode.)
            let mut address_ends: Vec<usize> = out.iter().filter(|a| a.entity == EntityType::Address).map(|a| a.hit.range.end).collect();
            address_ends.sort_unstable();
            for p in &out[first_pattern_hit..] {
                if p.entity != EntityType::Postcode {
                    continue;
                }
                let (start, end) = (p.hit.range.start, p.hit.range.end);
                let first_end = address_ends.partition_point(|&e| e < start.saturating_sub(3));
                let covered = address_ends.get(first_end).is_some_and(|&e| e <= start);
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
        if self.addresses && self.postcodes {
            // `kastanjelaan 4 3701 bc`: a postcode in lower case counts right after an address
            // (elsewhere `2024 de` and `1500 en` are everywhere).
            let mut extra = Vec::new();
            // (The postcodes, sorted by start: see above.)
            let mut postcodes: Vec<std::ops::Range<usize>> =
                out.iter().filter(|p| p.entity == EntityType::Postcode).map(|p| p.hit.range.clone()).collect();
            postcodes.sort_unstable_by_key(|r| r.start);
            let longest = postcodes.iter().map(|r| r.end - r.start).max().unwrap_or(0);
            for a in out.iter().filter(|a| a.entity == EntityType::Address) {
                let Some(range) = super::postcode::postcode_after(t, a.hit.range.end) else {
                    continue;
                };
                // Those that start before `range` ends and after `range.start - longest` are
                // the only ones that may overlap it.
                let upto = postcodes.partition_point(|r| r.start < range.end);
                let from = postcodes.partition_point(|r| r.start + longest < range.start);
                if !postcodes[from..upto.max(from)].iter().any(|p| super::overlaps(p, &range)) {
                    extra.push(PatternHit {
                        entity: EntityType::Postcode,
                        detector: "postcode_after_address",
                        hit: Hit::new(range, 0.9),
                        labelled: false,
                    });
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
        let b = t.bytes;
        let mut caches = self.window_caches.get();
        let (cache, rev_cache) = caches.as_parts_mut();
        let mut pos = 0;
        // The first digit at or after `pos`, when `window_end` already found it.
        let mut known_digit = None;
        // The last `window_end`, for the digits that follow in the same cluster: without it a
        // table of numbers (`| 17 | 123456782 | 4000 1225 … |` row after row, one cluster) is
        // walked to its end again after every match, quadratic in its length.
        let mut cluster: Option<(usize, (usize, usize, usize))> = None;
        while pos < hay.len() {
            // No match starts more than MAX_LEAD bytes before a digit: begin the search there,
            // not at `pos`. Its look-behind still sees the text before the start.
            let digit = known_digit.take().unwrap_or_else(|| next_digit(b, pos));
            if digit == hay.len() {
                break;
            }
            let mut from = digit.saturating_sub(MAX_LEAD).max(pos);
            while !hay.is_char_boundary(from) {
                from -= 1;
            }
            // The digits that a match whose first digit is `digit` may hold, and how far such a
            // match may reach (see `window_end`). Without a match there, the next one starts
            // after them: a match holds a digit within MAX_LEAD bytes of its start.
            let (last_digit, end, next) = match cluster {
                Some((first, found)) if first <= digit && digit <= found.0 => found,
                _ => {
                    let found = window_end(b, digit);
                    cluster = Some((digit, found));
                    found
                }
            };
            let found = match self.window_match(cache, hay, from, end) {
                Ok(None) => {
                    pos = last_digit + 1;
                    known_digit = Some(next);
                    continue;
                }
                Ok(Some((sid, at))) => self.finish_match(cache, rev_cache, hay, from, sid, at).ok().flatten(),
                Err(_) => None,
            };
            // The lazy DFAs gave up: the meta regex searches in full.
            let found = found.or_else(|| self.regex.search(&Input::new(hay).range(from..)));
            let Some(m) = found else {
                break;
            };
            pos = self.accept(t, m, out);
        }
    }

    /// Hands the match `m` to its rule, and if that rejects it to the other rules matching at
    /// its start; keeps what one accepts and returns where the scan goes on. (Inlined: as a
    /// call it cost the scan 0.25 % more instructions.)
    #[inline(always)]
    fn accept(&self, t: &Text<'_>, m: regex_automata::Match, out: &mut Vec<PatternHit>) -> usize {
        let hay = t.str;
        let (start, first) = (m.start(), m.pattern());
        let mut pos = match self.try_rule(t, first, m.range()).or_else(|| self.try_others_at(t, start, first)) {
            Some(found) => {
                let next = found.hit.range.end.max(start + 1);
                out.push(found);
                next
            }
            // Every pattern starts at a word start or at punctuation, so the next candidate
            // cannot start inside the word the rejected one started with.
            None => skip_word(hay, start),
        };
        // Never stop inside a char.
        while pos < hay.len() && !hay.is_char_boundary(pos) {
            pos += 1;
        }
        pos
    }

    /// Whether some rule matches in `hay[from..end]` (with the text around it as look-around),
    /// by one walk of the forward DFA. Most digits in a text are in no match (years, amounts,
    /// article numbers): those windows cost only this. Where a match lies, returns the match
    /// state the walk reached and the offset of the byte that led to it (the text's length if
    /// the end of the text did), where [`PatternScanner::finish_match`] goes on. An error (the
    /// lazy DFA gave up) means "maybe": the caller searches in full.
    fn window_match(&self, cache: &mut Cache, hay: &str, from: usize, end: usize) -> Result<Option<(LazyStateID, usize)>, MatchError> {
        let dfa = self.window.forward();
        let input = Input::new(hay).range(from..end);
        let mut sid = dfa.start_state_forward(cache, &input)?;
        if sid.is_tagged() {
            // A start state is tagged only when the DFA is set up to treat it specially; it
            // never is here, but the walk below needs an untagged state to begin with.
            return Err(MatchError::gave_up(from));
        }
        for (at, &byte) in hay.as_bytes()[from..end].iter().enumerate() {
            let mut next = dfa.next_state_untagged(cache, sid, byte);
            if next.is_tagged() {
                if next.is_unknown() {
                    next = dfa.next_state(cache, sid, byte).map_err(|_| MatchError::gave_up(from))?;
                }
                if next.is_match() {
                    return Ok(Some((next, from + at)));
                }
                if next.is_dead() {
                    return Ok(None);
                }
                if next.is_tagged() {
                    return Err(MatchError::gave_up(from));
                }
            }
            sid = next;
        }
        // A match is seen one byte late: step on the byte after the window, or the text's end.
        let next = match hay.as_bytes().get(end) {
            Some(&byte) => dfa.next_state(cache, sid, byte),
            None => dfa.next_eoi_state(cache, sid),
        }
        .map_err(|_| MatchError::gave_up(from))?;
        Ok(next.is_match().then_some((next, end)))
    }

    /// The leftmost-first match from `from` on, as `regex.search` finds it, where the forward
    /// walk from `from` reached the match state `sid` on the byte at `at` (see
    /// [`PatternScanner::window_match`]): the walk goes on from there to the match's end, as
    /// the lazy DFA's own search does (it would walk the same states from `from`), and the
    /// reverse DFA finds the start.
    fn finish_match(
        &self,
        cache: &mut Cache,
        rev_cache: &mut Cache,
        hay: &str,
        from: usize,
        mut sid: LazyStateID,
        mut at: usize,
    ) -> Result<Option<regex_automata::Match>, MatchError> {
        let dfa = self.window.forward();
        let b = hay.as_bytes();
        // The match seen last: (pattern, end). A match state reports the match that ended
        // before the byte that led to it.
        let mut last = (dfa.match_pattern(cache, sid, 0), at);
        let mut dead = at >= b.len();
        while !dead && at + 1 < b.len() {
            at += 1;
            sid = dfa.next_state(cache, sid, b[at]).map_err(|_| MatchError::gave_up(at))?;
            if sid.is_match() {
                last = (dfa.match_pattern(cache, sid, 0), at);
            } else if sid.is_dead() {
                dead = true;
            } else if sid.is_quit() {
                return Err(MatchError::gave_up(at));
            }
        }
        if !dead {
            sid = dfa.next_eoi_state(cache, sid).map_err(|_| MatchError::gave_up(b.len()))?;
            if sid.is_match() {
                last = (dfa.match_pattern(cache, sid, 0), b.len());
            }
        }
        let (pattern, end) = last;
        let input = Input::new(hay).span(from..end).anchored(Anchored::Pattern(pattern));
        Ok(self
            .window
            .reverse()
            .try_search_rev(rev_cache, &input)?
            .map(|start| regex_automata::Match::new(pattern, start.offset()..end)))
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

/// Every pattern rule's match has an ASCII digit among its first `MAX_LEAD + 1` bytes (the
/// longest lead is `Kanaal Noord 12`: 13 bytes before the digit), so no match starts more than
/// `MAX_LEAD` bytes before the next digit. `every_match_has_a_digit_near_its_start` checks
/// each rule's automaton against this; a rule that breaks it must raise the bound. The bound
/// is tight (12 fails the test): every byte of lead is walked again for every digit cluster.
const MAX_LEAD: usize = 13;

/// Every rule's match other than an IBAN has, after each of its digits, another digit or its end
/// within `MAX_GAP + 1` bytes (`12-AB-CD`, `06 - 12`, `1234 AB`). `digits_end_within_gap`
/// checks each rule's automaton against this.
const MAX_GAP: usize = 7;

/// An IBAN match (`NL91 ABNA 0417 1643 00`, which may run on into the words after it: its
/// check trims it) is at most this long, and starts with two ASCII letters and a digit, or two
/// ASCII capitals, a space and a digit (`NL 91 ABNA …`).
const MAX_IBAN: usize = 65;

/// For a match whose first digit is the one at `digit`: the last digit it may hold, the end
/// of the text it may reach, and the first digit after the last (`b.len()` if none). Other rules' digits lie within `MAX_GAP` of each other and
/// their matches end within `MAX_GAP + 1` bytes of the last; a number right after two letters
/// (or two capitals and a space) may start an IBAN, which reaches up to `MAX_IBAN` bytes from
/// its start, so every digit before that reach belongs too.
fn window_end(b: &[u8], digit: usize) -> (usize, usize, usize) {
    let mut last = digit;
    let mut reach = digit + MAX_GAP + 2;
    let mut run_start = digit;
    loop {
        if run_start >= 2 && b[run_start - 1].is_ascii_alphabetic() && b[run_start - 2].is_ascii_alphabetic() {
            reach = reach.max(run_start - 2 + MAX_IBAN + 1);
        } else if run_start >= 3
            && b[run_start - 1] == b' '
            && b[run_start - 2].is_ascii_uppercase()
            && b[run_start - 3].is_ascii_uppercase()
        {
            // `NL 91 ABNA …`
            reach = reach.max(run_start - 3 + MAX_IBAN + 1);
        }
        // The digit run at `last`, then the next digit after it.
        let mut j = last + 1;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        last = j - 1;
        reach = reach.max(last + MAX_GAP + 2);
        let next = next_digit(b, j);
        if next == b.len() || (next - last > MAX_GAP + 1 && next >= reach) {
            return (last, reach.min(b.len()), next);
        }
        last = next;
        run_start = next;
    }
}

/// The first position at or after `i` holding an ASCII digit (`b.len()` if none), eight bytes
/// at a time.
fn next_digit(b: &[u8], mut i: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const GE_0: u64 = 0x5050_5050_5050_5050; // 0x80 - b'0'
    const GT_9: u64 = 0x4646_4646_4646_4646; // 0x80 - (b'9' + 1)
    while i + 8 <= b.len() {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&b[i..i + 8]);
        let x = u64::from_le_bytes(chunk);
        let low = x & LOW7;
        // High bit of each byte: ASCII and >= '0' and not > '9'.
        let digit = (low + GE_0) & !(low + GT_9) & !x & HIGH;
        if digit != 0 {
            return i + (digit.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && !b[i].is_ascii_digit() {
        i += 1;
    }
    i
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

#[cfg(test)]
mod tests {
    use super::{next_digit, PatternHit, PatternScanner, MAX_GAP, MAX_IBAN, MAX_LEAD};
    use crate::text::Text;
    use regex_automata::Input;
    use regex_automata::dfa::{dense, Automaton, StartKind};
    use regex_automata::util::{start, syntax};
    use regex_automata::util::primitives::StateID;
    use regex_automata::Anchored;

    type Dfa = dense::DFA<Vec<u32>>;

    fn anchored(pattern: &str) -> Dfa {
        dense::Builder::new()
            .configure(dense::Config::new().start_kind(StartKind::Anchored))
            .syntax(syntax::Config::new().utf8(true))
            .build(pattern)
            .unwrap()
    }

    const LOOK_BEHINDS: [Option<u8>; 6] = [None, Some(b' '), Some(b'a'), Some(b'\n'), Some(b','), Some(0xA9)];

    fn start_state(dfa: &Dfa, look_behind: Option<u8>) -> StateID {
        dfa.start_state(&start::Config::new().anchored(Anchored::Yes).look_behind(look_behind)).unwrap()
    }

    /// The live (not dead) states one byte that `byte_ok` accepts leads to from `frontier`.
    fn advance(dfa: &Dfa, frontier: &[StateID], byte_ok: impl Fn(u8) -> bool) -> Vec<StateID> {
        let mut next = Vec::new();
        for &s in frontier {
            for byte in (0..=255u8).filter(|&b| byte_ok(b)) {
                let to = dfa.next_state(s, byte);
                if !dfa.is_dead_state(to) && !next.contains(&to) {
                    next.push(to);
                }
            }
        }
        next
    }

    #[test]
    fn next_digit_finds_the_first_ascii_digit() {
        let text = "abcdéfghijklmnop7qrs 1";
        assert_eq!(next_digit(text.as_bytes(), 0), text.find('7').unwrap());
        assert_eq!(next_digit(b"no digits at all, not one", 0), 25);
        for pad in 0..20 {
            // Arabic-Indic digits are not ASCII digits.
            let s = format!("{}5x", "\u{663}".repeat(pad));
            assert_eq!(next_digit(s.as_bytes(), 0), s.len() - 2, "{s}");
        }
    }

    /// The bound `scan_patterns` skips by: for every rule, walking its anchored DFA over
    /// non-digit bytes only, from any look-behind, reaches no match and, after `MAX_LEAD + 1`
    /// bytes, only the dead state.
    #[test]
    fn every_match_has_a_digit_near_its_start() {
        for rule in super::all_rules() {
            let dfa = anchored(rule.pattern);
            for look_behind in LOOK_BEHINDS {
                let mut frontier = vec![start_state(&dfa, look_behind)];
                for _ in 0..=MAX_LEAD {
                    for &s in &frontier {
                        assert!(!dfa.is_quit_state(s), "{}: quit state", rule.name);
                        assert!(
                            !dfa.is_match_state(s) && !dfa.is_match_state(dfa.next_eoi_state(s)),
                            "{}: a match without a digit",
                            rule.name
                        );
                    }
                    frontier = advance(&dfa, &frontier, |b| !b.is_ascii_digit());
                }
                assert!(
                    frontier.is_empty(),
                    "{}: a match may start more than {MAX_LEAD} bytes before its first digit",
                    rule.name
                );
            }
        }
    }

    /// The bound `window_end` relies on: in every rule's match but an IBAN's, a digit is followed
    /// within `MAX_GAP + 1` bytes by another digit or by the match's end. Checked on each rule's
    /// anchored DFA: from every state reachable from a start, after a digit, `MAX_GAP + 1`
    /// non-digit bytes lead only to the dead state.
    #[test]
    fn digits_end_within_gap() {
        for rule in super::all_rules().into_iter().filter(|r| r.name != "iban") {
            let dfa = anchored(rule.pattern);
            // Every live state reachable from a start state.
            let mut reachable: Vec<StateID> = Vec::new();
            let mut frontier: Vec<StateID> = LOOK_BEHINDS.iter().map(|&l| start_state(&dfa, l)).collect();
            while !frontier.is_empty() {
                frontier.retain(|s| !reachable.contains(s));
                reachable.extend(&frontier);
                frontier = advance(&dfa, &frontier, |_| true);
            }
            for &s in &reachable {
                for digit in b'0'..=b'9' {
                    let mut frontier = vec![dfa.next_state(s, digit)];
                    for _ in 0..=MAX_GAP {
                        frontier = advance(&dfa, &frontier, |b| !b.is_ascii_digit());
                    }
                    assert!(
                        frontier.is_empty(),
                        "{}: a match may run on more than {} bytes after a digit without another",
                        rule.name,
                        MAX_GAP + 1
                    );
                }
            }
        }
    }

    /// The IBAN bound `window_end` relies on: a match starts with two ASCII letters and a
    /// digit, or two ASCII capitals, a space and a digit, and is at most `MAX_IBAN` bytes long.
    #[test]
    fn iban_matches_are_short_and_start_with_two_letters() {
        let rule = super::all_rules().into_iter().find(|r| r.name == "iban").unwrap();
        assert!(rule.pattern.starts_with("(?-u:\\b)(?:[A-Za-z]{2}|[A-Z]{2} )[0-9]"), "{}", rule.pattern);
        let dfa = anchored(rule.pattern);
        for look_behind in LOOK_BEHINDS {
            let mut frontier = vec![start_state(&dfa, look_behind)];
            // One byte more than the longest match: the DFA reports a match a byte late.
            for _ in 0..=MAX_IBAN + 1 {
                frontier = advance(&dfa, &frontier, |_| true);
            }
            assert!(frontier.is_empty(), "an IBAN match may be longer than {MAX_IBAN} bytes");
        }
    }

    impl PatternScanner {
        /// What `scan_patterns` speeds up: the meta regex's leftmost-first search from each
        /// position, with no digit windows, no window walks and no search finished from a walk
        /// (what happens to a match, `accept`, is the same).
        fn scan_patterns_plain(&self, t: &Text<'_>, out: &mut Vec<PatternHit>) {
            let hay = t.str;
            let mut pos = 0;
            while pos < hay.len() {
                let Some(m) = self.regex.search(&Input::new(hay).range(pos..)) else {
                    break;
                };
                pos = self.accept(t, m, out);
            }
        }
    }

    fn key(hits: &[PatternHit]) -> Vec<(&'static str, std::ops::Range<usize>, u32)> {
        hits.iter().map(|h| (h.detector, h.hit.range.clone(), h.hit.score.to_bits())).collect()
    }

    /// Pieces texts are made of: numbers of every rule's shape and of none, the words and signs
    /// around them, and what sits between digits.
    const PIECES: &[&str] = &[
        "Kerkstraat ", "Kanaal Noord ", "laan ", "Dam ", "bedragen ", "in ", "NL91", "ABNA", " ", " ",
        "0417164300", "06", "-", " - ", "+31", "(0)20", "0031 ", "1234 AB", "1234AB", "123456782",
        "1234.56.782", "123 456 782", ".", ",", ":", "€ ", "é", "\n", "192.168.1.1", "AB-12-CD",
        "12", "7", "2024", "5442 0487 0508 6977", "x", "KvK", "Straat ", "12a", "nr. ", "ß", "NL ",
        "NL 91", "ABNA 0417 1643 00", "MTLC AST",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// The windowed scan finds exactly what the plain leftmost-first search finds.
        #[test]
        fn windows_find_what_the_plain_search_finds(parts in proptest::collection::vec(0..PIECES.len(), 0..60)) {
            static SCANNER: std::sync::LazyLock<PatternScanner> =
                std::sync::LazyLock::new(|| PatternScanner::new(|_| true).unwrap());
            let scanner = &*SCANNER;
            let text: String = parts.iter().map(|&i| PIECES[i]).collect();
            let t = Text::new(&text);
            let (mut windowed, mut plain) = (Vec::new(), Vec::new());
            scanner.scan_patterns(&t, &mut windowed);
            scanner.scan_patterns_plain(&t, &mut plain);
            proptest::prop_assert_eq!(key(&windowed), key(&plain), "{:?}", text);
        }
    }
}
