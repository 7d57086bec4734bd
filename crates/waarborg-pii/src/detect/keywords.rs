//! One Aho-Corasick pass for every keyword list: special-category terms, value labels
//! (`KvK`, `geboren`, `paspoort`) and lower-case titles (`dhr`, `mevr.`). Three lists, one pass
//! over the bytes; each detector then looks only at its own hits.
//!
//! The automaton is built here rather than taken from the `aho-corasick` crate: the pass runs
//! over every byte of every text, and this one's loop is one table step a byte (the
//! transition carries its "some keyword ends here" flag), where the crate's leftmost-longest
//! search took about twenty instructions a byte. It reports every occurrence; the
//! leftmost-longest, non-overlapping selection the detectors expect is made afterwards from
//! those few.

use std::collections::VecDeque;
use std::ops::Range;

/// What a keyword is to the detectors.
#[derive(Clone, Copy)]
enum Kind {
    Category(usize),
    Label(usize),
    Title,
}

/// The keyword automaton.
pub(crate) struct Keywords {
    automaton: Automaton,
    /// For each distinct keyword, what it is (a string may be in several lists).
    kinds: Vec<Vec<Kind>>,
}

/// Classes per state, as a power of two: a state's row starts at `state << CLASS_BITS`.
const CLASS_BITS: u32 = 6;
/// States the table holds, as a power of two.
const STATE_BITS: u32 = 13;
/// Table entries: every (state, class) pair, so an index never needs a bounds check.
const TABLE: usize = 1 << (STATE_BITS + CLASS_BITS);
/// Pieces of a long text walked at once (see [`Automaton::occurrences`]).
const STREAMS: usize = 4;

/// The keyword lists do not fit the automaton's fixed table (a bug in Waarborg's lists).
#[derive(Debug, thiserror::Error)]
#[error("keyword automaton too large: {states} states (at most {max_states}), {classes} byte classes (at most {max_classes})")]
pub(crate) struct TooLarge {
    states: usize,
    classes: usize,
    max_states: usize,
    max_classes: usize,
}

/// A dense Aho-Corasick DFA over byte classes, matching ASCII case-insensitively.
struct Automaton {
    /// Byte → class; an ASCII capital shares its lower-case letter's class, and every byte in
    /// no keyword is class 0.
    class: [u8; 256],
    /// `trans[state << CLASS_BITS | class]`: the next state shifted left by one, with bit 0
    /// set when some keyword ends in that state.
    trans: Box<[u16; TABLE]>,
    /// For each state, its keywords: `ends[outputs[s]..outputs[s + 1]]`.
    outputs: Vec<u32>,
    ends: Vec<u32>,
    /// Keyword lengths in bytes.
    lengths: Vec<usize>,
    /// The longest keyword's length: the trie's depth.
    depth: usize,
}

impl Automaton {
    /// `patterns` must be lower case (ASCII letters are matched in either case).
    fn new(patterns: &[String]) -> Result<Self, TooLarge> {
        let mut class = [0u8; 256];
        let mut classes = 1usize;
        for p in patterns {
            for &c in p.as_bytes() {
                let c = c.to_ascii_lowercase();
                if class[usize::from(c)] == 0 {
                    // Past the table's width the class is left 0 (and the build fails below).
                    if classes < 1 << CLASS_BITS {
                        class[usize::from(c)] = classes as u8;
                        class[usize::from(c.to_ascii_uppercase())] = classes as u8;
                    }
                    classes += 1;
                }
            }
        }
        let stride = 1usize << CLASS_BITS;
        // The trie: `goto[node * stride + class]`, NONE where there is no child.
        const NONE: usize = usize::MAX;
        let mut goto: Vec<usize> = vec![NONE; stride];
        let mut own: Vec<Vec<u32>> = vec![Vec::new()];
        for (id, p) in patterns.iter().enumerate() {
            let mut node = 0usize;
            for &c in p.as_bytes() {
                let slot = node * stride + usize::from(class[usize::from(c)]);
                if goto[slot] == NONE {
                    goto[slot] = own.len();
                    own.push(Vec::new());
                    goto.extend(std::iter::repeat_n(NONE, stride));
                }
                node = goto[slot];
            }
            own[node].push(id as u32);
        }
        let states = own.len();
        if states > 1 << STATE_BITS || classes > 1 << CLASS_BITS {
            return Err(TooLarge {
                states,
                classes,
                max_states: 1 << STATE_BITS,
                max_classes: 1 << CLASS_BITS,
            });
        }
        // Breadth first: failure links, full transitions and inherited outputs.
        let mut fail = vec![0usize; states];
        let mut next = vec![0usize; states * stride];
        let mut outs: Vec<Vec<u32>> = own;
        let mut queue = VecDeque::new();
        for c in 0..stride {
            let child = goto[c];
            if child != NONE {
                next[c] = child;
                queue.push_back(child);
            }
        }
        while let Some(node) = queue.pop_front() {
            let inherited = outs[fail[node]].clone();
            outs[node].extend(inherited);
            for c in 0..stride {
                let child = goto[node * stride + c];
                if child == NONE {
                    next[node * stride + c] = next[fail[node] * stride + c];
                } else {
                    fail[child] = next[fail[node] * stride + c];
                    next[node * stride + c] = child;
                    queue.push_back(child);
                }
            }
        }
        // Built on the heap: the table is too large for a (debug-build) stack.
        let mut trans: Box<[u16; TABLE]> = vec![0u16; TABLE]
            .into_boxed_slice()
            .try_into()
            .expect("the vector has TABLE entries");
        for (slot, &to) in next.iter().enumerate() {
            // `to` < 2^STATE_BITS, so the shifted state and its flag fit in 16 bits.
            trans[slot] = ((to as u16) << 1) | u16::from(!outs[to].is_empty());
        }
        let mut outputs = Vec::with_capacity(states + 1);
        let mut ends = Vec::new();
        for o in &outs {
            outputs.push(ends.len() as u32);
            ends.extend_from_slice(o);
        }
        outputs.push(ends.len() as u32);
        Ok(Automaton {
            class,
            trans,
            outputs,
            ends,
            lengths: patterns.iter().map(String::len).collect(),
            depth: patterns.iter().map(String::len).max().unwrap_or(0),
        })
    }

    /// Every occurrence of every keyword as (start, end, keyword), in no particular order.
    /// (Out of line: inlined into the engine's scan, this loop's code changed with unrelated
    /// edits elsewhere in the scan, by up to 5 M instructions a pass on the speed corpus.)
    #[inline(never)]
    fn occurrences(&self, bytes: &[u8], out: &mut Vec<(usize, usize, usize)>) {
        // A DFA walk is one chain of dependent table loads, a load's latency a byte. A text
        // long enough is walked as `STREAMS` independent pieces at once, whose loads overlap.
        // Each piece after the first starts `depth` bytes early in the start state: the state
        // an Aho-Corasick automaton is in stands for at most the last `depth` bytes read (the
        // trie's depth), so by the piece's own start it is the state a single walk would be
        // in, and from there on it finds the same keywords. Keywords ending in that lead-in
        // belong to the piece before.
        let depth = self.depth;
        let piece = bytes.len() / STREAMS;
        if piece < 4 * depth.max(16) {
            self.walk(bytes, 0, 0..bytes.len(), 1..bytes.len() + 1, out);
            return;
        }
        let mut states = [0usize; STREAMS];
        let mut starts = [0usize; STREAMS];
        let mut owned_from = [0usize; STREAMS];
        for k in 1..STREAMS {
            owned_from[k] = k * piece;
            starts[k] = owned_from[k] - depth;
        }
        // Every stream takes the same number of steps: the first piece's length plus the lead-in;
        // so the first stream walks `depth` bytes into the second piece (finding nothing there
        // the second does not skip), and the last stream's tail is walked alone at the end.
        let steps = piece + depth;
        // The ends stream `s` reports: its own piece's; the last piece runs to the text's end.
        let owned = |s: usize| owned_from[s] + 1..owned_from.get(s + 1).map_or(bytes.len(), |&to| to) + 1;
        let mut j = 0;
        while j + 8 <= steps {
            let before = states;
            let mut chunks = [[0u8; 8]; STREAMS];
            for (chunk, &start) in chunks.iter_mut().zip(&starts) {
                chunk.copy_from_slice(&bytes[start + j..start + j + 8]);
            }
            let mut flags = [0u16; STREAMS];
            for k in 0..8 {
                for ((state, chunk), flag) in states.iter_mut().zip(&chunks).zip(&mut flags) {
                    let t = self.step(*state, chunk[k]);
                    *flag |= t;
                    *state = usize::from(t >> 1);
                }
            }
            // Only the pieces in which a keyword ended are walked again, slowly.
            if flags.iter().fold(0, |all, f| all | f) & 1 != 0 {
                for s in (0..STREAMS).filter(|&s| flags[s] & 1 != 0) {
                    self.replay(bytes, before[s], starts[s] + j..starts[s] + j + 8, owned(s), out);
                }
            }
            j += 8;
        }
        for s in 0..STREAMS {
            let to = if s + 1 < STREAMS { starts[s] + steps } else { bytes.len() };
            self.walk(bytes, states[s], starts[s] + j..to, owned(s), out);
        }
    }

    /// One transition: the next state shifted left by one, bit 0 set when a keyword ends there.
    /// The index is masked to the table, so it needs no bounds check.
    #[inline(always)]
    fn step(&self, state: usize, b: u8) -> u16 {
        self.trans[((state << CLASS_BITS) | usize::from(self.class[usize::from(b)])) & (TABLE - 1)]
    }

    /// Walks `bytes[span]` from `state`, eight bytes at a time, reporting every keyword whose
    /// end lies in `owned`.
    fn walk(&self, bytes: &[u8], mut state: usize, span: Range<usize>, owned: Range<usize>, out: &mut Vec<(usize, usize, usize)>) {
        let to = span.end;
        // Eight bytes at a time, with one test of the match flags for all eight: keywords end
        // in few places, and the chunk is walked again, slowly, only where one does.
        let mut at = span.start;
        while at + 8 <= to {
            let start_state = state;
            let mut flags = 0;
            for &b in &bytes[at..at + 8] {
                let t = self.step(state, b);
                flags |= t;
                state = usize::from(t >> 1);
            }
            if flags & 1 != 0 {
                self.replay(bytes, start_state, at..at + 8, owned.clone(), out);
            }
            at += 8;
        }
        self.replay(bytes, state, at..to, owned, out);
    }

    /// Walks `bytes[span]` from `state` byte by byte, reporting the keywords whose end lies in
    /// `owned`.
    fn replay(&self, bytes: &[u8], mut state: usize, span: Range<usize>, owned: Range<usize>, out: &mut Vec<(usize, usize, usize)>) {
        for (k, &b) in bytes[span.clone()].iter().enumerate() {
            let t = self.step(state, b);
            state = usize::from(t >> 1);
            let end = span.start + k + 1;
            if t & 1 != 0 && owned.contains(&end) {
                self.ending_at(state, end, out);
            }
        }
    }

    /// The keywords that end at `end` in (premultiplied) `state`.
    #[cold]
    #[inline(never)]
    fn ending_at(&self, state: usize, end: usize, out: &mut Vec<(usize, usize, usize)>) {
        let s = state;
        let (from, to) = (self.outputs[s] as usize, self.outputs[s + 1] as usize);
        for &id in &self.ends[from..to] {
            let id = id as usize;
            out.push((end - self.lengths[id], end, id));
        }
    }
}

/// The hits of one pass, per list, in text order. Ranges are byte offsets.
#[derive(Default)]
pub(crate) struct KeywordHits {
    /// (index into the category terms, range)
    pub(crate) categories: Vec<(usize, Range<usize>)>,
    /// (index into the labels, range)
    pub(crate) labels: Vec<(usize, Range<usize>)>,
    /// Lower-case title words.
    pub(crate) titles: Vec<Range<usize>>,
}

impl Keywords {
    /// Builds the automaton; matching is ASCII case-insensitive, leftmost-longest, and an
    /// empty keyword matches nothing. Fails only if the lists outgrow the automaton's table.
    pub(crate) fn new(
        category_terms: &[&str],
        labels: &[&str],
        titles: &[&str],
    ) -> Result<Self, TooLarge> {
        let mut strings: Vec<String> = Vec::new();
        let mut kinds: Vec<Vec<Kind>> = Vec::new();
        let mut add = |s: &str, kind: Kind| {
            if s.is_empty() {
                return;
            }
            let lower = s.to_ascii_lowercase();
            match strings.iter().position(|x| *x == lower) {
                Some(i) => kinds[i].push(kind),
                None => {
                    strings.push(lower);
                    kinds.push(vec![kind]);
                }
            }
        };
        for (i, s) in category_terms.iter().enumerate() {
            add(s, Kind::Category(i));
        }
        for (i, s) in labels.iter().enumerate() {
            add(s, Kind::Label(i));
        }
        for s in titles {
            add(s, Kind::Title);
        }
        let automaton = Automaton::new(&strings)?;
        Ok(Keywords { automaton, kinds })
    }

    /// Finds every keyword in `bytes`.
    #[cfg(test)]
    pub(crate) fn scan(&self, bytes: &[u8]) -> KeywordHits {
        let mut hits = KeywordHits::default();
        self.scan_into(bytes, &mut hits, &mut Vec::new());
        hits
    }

    /// Finds every keyword in `bytes`, into `hits` (cleared first); `all` is room for every
    /// occurrence before the selection (a buffer the caller reuses).
    pub(crate) fn scan_into(&self, bytes: &[u8], hits: &mut KeywordHits, all: &mut Vec<(usize, usize, usize)>) {
        hits.categories.clear();
        hits.labels.clear();
        hits.titles.clear();
        if self.kinds.is_empty() {
            return;
        }
        all.clear();
        self.automaton.occurrences(bytes, all);
        // Leftmost-longest, non-overlapping: by start, longest first; then greedily.
        all.sort_unstable_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        let mut covered = 0;
        for (k, &(start, end, id)) in all.iter().enumerate() {
            if start < covered {
                continue;
            }
            // `paspoort NRF4J8L21`: the longest keyword here (`paspoort nr`) ends inside the
            // word after it, a shorter one (`paspoort`) before it: the shorter one is meant.
            let (end, id) = if inside_word(bytes, end) {
                all[k + 1..]
                    .iter()
                    .take_while(|o| o.0 == start)
                    .find(|o| !inside_word(bytes, o.1))
                    .map_or((end, id), |o| (o.1, o.2))
            } else {
                (end, id)
            };
            covered = end;
            for kind in &self.kinds[id] {
                match *kind {
                    Kind::Category(i) => hits.categories.push((i, start..end)),
                    Kind::Label(i) => hits.labels.push((i, start..end)),
                    Kind::Title => hits.titles.push(start..end),
                }
            }
        }
    }
}

/// Whether a keyword ending at `end` ends inside a word: letters on both sides.
fn inside_word(bytes: &[u8], end: usize) -> bool {
    let word = |c: &u8| c.is_ascii_alphanumeric() || *c >= 0x80;
    end > 0 && bytes[end - 1].is_ascii_alphabetic() && bytes.get(end).is_some_and(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(k: &Keywords, text: &str) -> (Vec<&'static str>, Vec<String>, Vec<String>) {
        let hits = k.scan(text.as_bytes());
        let cats = hits.categories.iter().map(|(i, _)| ["kanker", "borstkanker", "dna", "dna-test"][*i]).collect();
        let labels = hits.labels.iter().map(|(_, r)| text[r.clone()].to_string()).collect();
        let titles = hits.titles.iter().map(|r| text[r.clone()].to_string()).collect();
        (cats, labels, titles)
    }

    #[test]
    fn leftmost_longest_case_insensitive_non_overlapping() {
        let k = Keywords::new(&["kanker", "borstkanker", "dna", "dna-test"], &["kvk", "geboren"], &["dhr", "de heer"])
            .unwrap();
        let (cats, labels, titles) = found(&k, "Dhr. had BORSTKANKER; een DNA-test volgde. KvK-nummer, geboren op");
        assert_eq!(cats, ["borstkanker", "dna-test"]);
        assert_eq!(labels, ["KvK", "geboren"]);
        assert_eq!(titles, ["Dhr"]);
        // Overlapping candidates: the leftmost wins, then the longest at that start.
        let (cats, _, titles) = found(&k, "de heerkanker");
        assert_eq!(titles, ["de heer"]);
        assert_eq!(cats, ["kanker"]);
        // The longest ends inside the next word, a shorter one before it: the shorter one.
        let k = Keywords::new(&[], &["paspoort", "paspoort nr"], &[]).unwrap();
        let (_, labels, _) = found(&k, "paspoort NRF4J8L21 en paspoort nr. NW3F7K2L4");
        assert_eq!(labels, ["paspoort", "paspoort nr"]);
        // Non-ASCII bytes match exactly, ASCII letters in either case.
        let k = Keywords::new(&["cliënt"], &[], &[]).unwrap();
        assert_eq!(k.scan("CLIëNT".as_bytes()).categories.len(), 1);
        assert_eq!(k.scan("CLIËNT".as_bytes()).categories.len(), 0);
    }

    #[test]
    fn keywords_across_eight_byte_chunks_and_text_end() {
        let k = Keywords::new(&["abcdefghij"], &["xy"], &[]).unwrap();
        for pad in 0..17 {
            let text = format!("{}abcdefghij {}xy", "-".repeat(pad), ".".repeat(pad));
            let hits = k.scan(text.as_bytes());
            assert_eq!(hits.categories.len(), 1, "{text}");
            assert_eq!(&text[hits.categories[0].1.clone()], "abcdefghij");
            assert_eq!(&text[hits.labels[0].1.clone()], "xy", "{text}");
        }
    }

    proptest::proptest! {
        /// The text walked as four pieces at once finds exactly what one walk finds: every
        /// keyword, also those that cross a piece boundary or end inside a lead-in.
        #[test]
        fn pieces_find_what_one_walk_finds(
            parts in proptest::collection::vec(0usize..9, 0..400),
        ) {
            let words = ["kanker", "borstkanker", "dna", "dna-test", "geboren", "kvk", "x", "de heer", " "];
            let k = Keywords::new(&words[..4], &words[4..6], &words[6..8]).unwrap();
            let text: String = parts.iter().map(|&i| words[i]).collect();
            let mut pieces = Vec::new();
            k.automaton.occurrences(text.as_bytes(), &mut pieces);
            let mut one = Vec::new();
            k.automaton.walk(text.as_bytes(), 0, 0..text.len(), 1..text.len() + 1, &mut one);
            pieces.sort_unstable();
            one.sort_unstable();
            proptest::prop_assert_eq!(pieces, one);
        }
    }

    #[test]
    fn too_many_byte_classes_is_an_error() {
        let many: Vec<String> = (0..100u32).filter_map(char::from_u32).map(|c| format!("{c}")).collect();
        let words: Vec<&str> = many.iter().map(String::as_str).collect();
        assert!(Keywords::new(&words, &[], &[]).is_err());
    }
}
