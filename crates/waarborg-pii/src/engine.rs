//! The [`Engine`]: built once from a [`PiiConfig`], then `scan` and `anonymise` any number of
//! texts from any number of threads.

use crate::config::{normalise_allow, ConfigError, PiiConfig, Settings};
use crate::detect::categories::{CategoryDetector, CategoryHit};
use crate::detect::keywords::{KeywordHits, Keywords};
use crate::detect::Hit;
use crate::detect::patterns::{PatternHit, PatternScanner};
use crate::detect::{card, date_of_birth, person};
use crate::entity::{Category, EntityType};
use crate::findings::{char_offsets, CategoryEvidence, Findings, Span};
use crate::lexicon;
use crate::operator::{Anonymised, Operator};
use crate::text::Text;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::cell::RefCell;

/// Why an engine could not be built.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The configuration is invalid.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A built-in pattern failed to compile (a bug in Waarborg, not in the input).
    #[error("internal pattern failed to compile: {0}")]
    Pattern(String),
}

/// The personal-data engine. `Send + Sync`; build once, share with `Arc`.
pub struct Engine {
    settings: Settings,
    patterns: PatternScanner,
    categories: Option<CategoryDetector>,
    deny: Option<(AhoCorasick, Vec<EntityType>)>,
    keywords: Keywords,
    /// The date pattern, for birth dates in brackets after a name (when DATE_OF_BIRTH is on).
    date_after_name: Option<regex_automata::meta::Regex>,
}

/// Buffers a scan works in, kept per thread and reused, so that a scan allocates little more
/// than the findings it returns. They hold offsets and scores, never text.
#[derive(Default)]
struct Scratch {
    candidates: Vec<Candidate>,
    kept: Vec<Candidate>,
    keywords: KeywordHits,
    occurrences: Vec<(usize, usize, usize)>,
    pattern_hits: Vec<PatternHit>,
    names: Vec<person::NameHit>,
    recall: person::Recall,
    dates: Vec<Hit>,
    name_ranges: Vec<std::ops::Range<usize>>,
    category_hits: Vec<CategoryHit>,
}

impl Scratch {
    /// Buffers grown past this many elements by one very large text are let go after it.
    const KEEP: usize = 1 << 14;

    fn trim(&mut self) {
        fn trim<T>(v: &mut Vec<T>) {
            if v.capacity() > Scratch::KEEP {
                *v = Vec::new();
            }
        }
        trim(&mut self.candidates);
        trim(&mut self.kept);
        trim(&mut self.keywords.categories);
        trim(&mut self.keywords.labels);
        trim(&mut self.keywords.titles);
        trim(&mut self.occurrences);
        trim(&mut self.pattern_hits);
        trim(&mut self.names);
        trim(&mut self.recall.rejected);
        trim(&mut self.recall.named);
        trim(&mut self.recall.found);
        trim(&mut self.dates);
        trim(&mut self.name_ranges);
        trim(&mut self.category_hits);
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// A candidate before overlap resolution.
#[derive(Clone)]
struct Candidate {
    entity: EntityType,
    start: usize,
    end: usize,
    score: f32,
    detector: &'static str,
    rank: u8,
}

impl Engine {
    /// Builds the engine: compiles every pattern and loads the word lists.
    pub fn new(config: PiiConfig) -> Result<Engine, EngineError> {
        let settings = Settings::resolve(config)?;
        lexicon::load();
        let patterns = PatternScanner::new(|t| settings.is_enabled(t))
            .map_err(|e| EngineError::Pattern(e.to_string()))?;
        let categories = if settings.categories {
            Some(CategoryDetector::new().map_err(|e| EngineError::Pattern(e.to_string()))?)
        } else {
            None
        };
        let deny = if settings.deny.is_empty() {
            None
        } else {
            let automaton = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(settings.deny.iter().map(|d| d.value.trim()))
                .map_err(|e| EngineError::Pattern(e.to_string()))?;
            Some((automaton, settings.deny.iter().map(|d| d.entity).collect()))
        };
        let terms = categories.as_ref().map(CategoryDetector::terms).unwrap_or_default();
        let want_names = settings.is_enabled(EntityType::Person) || categories.is_some();
        let titles = if want_names { person::LOWER_CASE_TITLES } else { &[] };
        let keywords = Keywords::new(&terms, patterns.labels(), titles)
            .map_err(|e| EngineError::Pattern(e.to_string()))?;
        let date_after_name = if settings.is_enabled(EntityType::DateOfBirth) {
            Some(date_of_birth::date_regex().map_err(|e| EngineError::Pattern(e.to_string()))?)
        } else {
            None
        };
        Ok(Engine {
            settings,
            patterns,
            categories,
            deny,
            keywords,
            date_after_name,
        })
    }

    /// An engine with the default configuration.
    pub fn with_defaults() -> Result<Engine, EngineError> {
        Engine::new(PiiConfig::default())
    }

    /// Finds personal data and special categories in `text`.
    pub fn scan(&self, text: &str) -> Findings {
        let reused = SCRATCH.try_with(|scratch| {
            let mut scratch = scratch.try_borrow_mut().ok()?;
            let findings = self.scan_with(text, &mut scratch);
            scratch.trim();
            Some(findings)
        });
        match reused {
            Ok(Some(findings)) => findings,
            // The thread's buffers are in use (a scan inside a scan, which does not happen) or
            // gone (a scan from a thread-local destructor): buffers of its own.
            _ => self.scan_with(text, &mut Scratch::default()),
        }
    }

    fn scan_with(&self, text: &str, scratch: &mut Scratch) -> Findings {
        let t = Text::new(text);
        let Scratch {
            candidates,
            kept,
            keywords,
            occurrences,
            pattern_hits,
            names,
            recall,
            dates,
            name_ranges,
            category_hits,
        } = scratch;
        candidates.clear();

        self.keywords.scan_into(t.bytes, keywords, occurrences);
        pattern_hits.clear();
        self.patterns.scan(&t, &keywords.labels, pattern_hits);
        candidates.extend(pattern_hits.drain(..).map(|p| Candidate {
            entity: p.entity,
            start: p.hit.range.start,
            end: p.hit.range.end,
            score: p.hit.score,
            detector: p.detector,
            // A value right after its label outranks another type's bare shape
            // (`documentnummer 123456782` is a document number, though the 11-proef holds).
            rank: if p.labelled { 0 } else { rank(p.entity) },
        }));

        let want_names = self.settings.is_enabled(EntityType::Person) || self.categories.is_some();
        names.clear();
        if want_names {
            recall.stamps.clear();
            self.patterns.stamp_ends(&keywords.labels, &mut recall.stamps);
            person::detect(&t, &keywords.titles, recall, names);
            names.sort_by_key(|n| n.range.start);
        }
        if let Some(date) = self.date_after_name.as_ref().filter(|_| !names.is_empty()) {
            dates.clear();
            date_of_birth::after_names(&t, names, date, dates);
            candidates.extend(dates.drain(..).map(|h| Candidate {
                entity: EntityType::DateOfBirth,
                start: h.range.start,
                end: h.range.end,
                score: h.score,
                detector: "date_of_birth",
                rank: rank(EntityType::DateOfBirth),
            }));
        }
        if self.settings.is_enabled(EntityType::Person) {
            candidates.extend(names.iter().map(|n| Candidate {
                entity: EntityType::Person,
                start: n.range.start,
                end: n.range.end,
                score: n.score,
                detector: "person",
                rank: rank(EntityType::Person),
            }));
        }
        if let Some((automaton, types)) = &self.deny {
            for m in automaton.find_iter(text) {
                if t.left_boundary(m.start()) && t.right_boundary(m.end()) {
                    candidates.push(Candidate {
                        entity: types[m.pattern().as_usize()],
                        start: m.start(),
                        end: m.end(),
                        score: 1.0,
                        detector: "deny_list",
                        rank: 0,
                    });
                }
            }
        }

        // A bare card number (no card word before it, no card column) where the document never
        // speaks of cards is another long identifier (see `card::mentions_cards`).
        if candidates.iter().any(is_bare_card) && !card::mentions_cards(text) {
            candidates.retain(|c| !is_bare_card(c));
        }
        self.apply_context_and_thresholds(&t, candidates);
        resolve_overlaps(candidates, kept);

        let mut spans: Vec<Span> = kept
            .drain(..)
            .map(|c| Span {
                entity: c.entity,
                start: 0,
                end: 0,
                byte_start: c.start,
                byte_end: c.end,
                score: c.score,
                detector: c.detector,
            })
            .collect();
        {
            let mut bounds: Vec<(usize, &mut usize)> = Vec::with_capacity(spans.len() * 2);
            for s in spans.iter_mut() {
                bounds.push((s.byte_start, &mut s.start));
                bounds.push((s.byte_end, &mut s.end));
            }
            char_offsets(text, &mut bounds);
        }

        let (categories, category_evidence) = match &self.categories {
            Some(detector) => {
                name_ranges.clear();
                name_ranges.extend(names.iter().map(|n| n.range.clone()));
                category_hits.clear();
                detector.detect(&t, &keywords.categories, name_ranges, category_hits);
                evidence(text, category_hits)
            }
            None => (Vec::new(), Vec::new()),
        };
        Findings {
            spans,
            categories,
            category_evidence,
        }
    }

    /// Finds personal data in `text` and replaces it with `operator`.
    pub fn anonymise(&self, text: &str, operator: &Operator) -> Anonymised {
        let findings = self.scan(text);
        operator.apply(text, &findings.spans)
    }

    fn apply_context_and_thresholds(&self, t: &Text<'_>, candidates: &mut Vec<Candidate>) {
        for (entity, words) in &self.settings.context_words {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            for c in candidates.iter_mut().filter(|c| c.entity == *entity) {
                if t.before_has(c.start, 48, &words) {
                    c.score = (c.score + 0.15).min(1.0);
                }
            }
        }
        let allow = &self.settings.allow;
        candidates.retain(|c| {
            c.score >= self.settings.threshold(c.entity)
                && self.settings.is_enabled(c.entity)
                && (allow.is_empty() || !allow.contains(&normalise_allow(&t.str[c.start..c.end])))
        });
    }
}

/// A card number found with no card word before it and outside a card column.
fn is_bare_card(c: &Candidate) -> bool {
    c.entity == EntityType::PaymentCard && c.detector == "payment_card" && c.score == card::BARE_SCORE
}

/// Overlap priority: lower wins. Checksummed and structured types beat formats, formats beat
/// addresses, addresses beat names (a street named after a person is an address).
fn rank(t: EntityType) -> u8 {
    match t {
        EntityType::Email => 1,
        EntityType::Iban => 2,
        EntityType::PaymentCard => 3,
        EntityType::Bsn => 4,
        EntityType::IdDocument => 5,
        EntityType::Kvk => 6,
        EntityType::Phone => 7,
        EntityType::IpAddress => 8,
        EntityType::DateOfBirth => 9,
        EntityType::LicensePlate => 10,
        EntityType::Postcode => 11,
        EntityType::Address => 12,
        EntityType::Person => 13,
    }
}

/// Keeps the best of every group of overlapping candidates, in `kept` in text order (both
/// buffers are left for reuse: `candidates` emptied).
fn resolve_overlaps(candidates: &mut Vec<Candidate>, kept: &mut Vec<Candidate>) {
    candidates.sort_by(|a, b| {
        a.rank
            .cmp(&b.rank)
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
    });
    kept.clear();
    if candidates.len() > MANY_CANDIDATES {
        resolve_many(candidates, kept);
    } else {
        resolve_few(candidates, kept);
    }
}

/// [`resolve_overlaps`] for candidates in priority order: the kept ones in a `Vec` sorted by
/// start (a text holds few, so binary search beats a map); a candidate is kept if it overlaps
/// neither neighbour.
fn resolve_few(candidates: &mut Vec<Candidate>, kept: &mut Vec<Candidate>) {
    for c in candidates.drain(..) {
        // `prev`: the last kept with start <= c.start; `next`: the first with start >= c.start.
        let after = kept.partition_point(|k| k.start <= c.start);
        let overlaps_prev = after > 0 && kept[after - 1].end > c.start;
        let at = kept.partition_point(|k| k.start < c.start);
        let overlaps_next = kept.get(at).is_some_and(|k| k.start < c.end);
        if !overlaps_prev && !overlaps_next {
            if at < after {
                // Same start as a kept one (two empty spans): replaced, as a map keyed by start
                // would.
                kept[at] = c;
            } else {
                kept.insert(at, c);
            }
        }
    }
}

/// Past this many candidates (a long export as one text), inserting into the middle of a sorted
/// `Vec` costs more than a map: 120,000 names in one 1.8 MB text took 2 s, nearly all moving
/// elements.
const MANY_CANDIDATES: usize = 4096;

/// [`resolve_overlaps`] for many candidates (already in priority order): the same choices, with
/// the kept ones in a map keyed by start.
fn resolve_many(candidates: &mut Vec<Candidate>, kept: &mut Vec<Candidate>) {
    let mut by_start: std::collections::BTreeMap<usize, Candidate> = std::collections::BTreeMap::new();
    for c in candidates.drain(..) {
        let overlaps_prev = by_start.range(..=c.start).next_back().is_some_and(|(_, k)| k.end > c.start);
        let overlaps_next = by_start.range(c.start..).next().is_some_and(|(_, k)| k.start < c.end);
        if !overlaps_prev && !overlaps_next {
            by_start.insert(c.start, c);
        }
    }
    kept.extend(by_start.into_values());
}

/// Orders category hits, fills char offsets, and lists each category once.
fn evidence(text: &str, hits: &mut [CategoryHit]) -> (Vec<Category>, Vec<CategoryEvidence>) {
    hits.sort_by_key(|h| h.range.start);
    let mut out: Vec<CategoryEvidence> = hits
        .iter()
        .map(|h| CategoryEvidence {
            category: h.category,
            start: 0,
            end: 0,
            byte_start: h.range.start,
            byte_end: h.range.end,
            score: h.score,
            detector: "category_lexicon",
        })
        .collect();
    // Starts and ends together, sorted by byte offset: one walk over the text.
    {
        let mut bounds: Vec<(usize, &mut usize)> = Vec::with_capacity(out.len() * 2);
        for e in out.iter_mut() {
            bounds.push((e.byte_start, &mut e.start));
            bounds.push((e.byte_end, &mut e.end));
        }
        bounds.sort_unstable_by_key(|(b, _)| *b);
        char_offsets(text, &mut bounds);
    }
    let mut categories: Vec<Category> = out.iter().map(|e| e.category).collect();
    categories.sort();
    categories.dedup();
    (categories, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DenyEntry;

    /// The map used for many candidates keeps exactly what the sorted `Vec` keeps, on random
    /// candidates with overlaps, nesting, equal starts and empty spans.
    #[test]
    fn many_candidates_resolve_as_few_do() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        let types = [EntityType::Person, EntityType::Address, EntityType::Bsn, EntityType::Phone];
        let mut candidates = Vec::new();
        for _ in 0..20_000 {
            let start = next(50_000);
            let entity = types[next(4)];
            candidates.push(Candidate {
                entity,
                start,
                end: start + next(12),
                score: 0.8,
                detector: "test",
                rank: rank(entity),
            });
        }
        // In priority order, as `resolve_overlaps` hands them on.
        candidates.sort_by(|a, b| a.rank.cmp(&b.rank).then((b.end - b.start).cmp(&(a.end - a.start))).then(a.start.cmp(&b.start)));
        assert!(candidates.len() > MANY_CANDIDATES);
        let (mut few, mut kept_few) = (candidates.clone(), Vec::new());
        resolve_few(&mut few, &mut kept_few);
        let (mut many, mut kept_many) = (candidates, Vec::new());
        resolve_many(&mut many, &mut kept_many);
        let key = |k: &Vec<Candidate>| k.iter().map(|c| (c.start, c.end, c.entity)).collect::<Vec<_>>();
        assert_eq!(key(&kept_few), key(&kept_many));
        assert!(kept_many.len() > 1000, "the test exercises real choices");
    }

    #[test]
    fn char_offsets_count_scalar_values() {
        let engine = Engine::with_defaults().unwrap();
        let text = "Één cliënt, BSN 123456782.";
        let f = engine.scan(text);
        let span = f.spans.iter().find(|s| s.entity == EntityType::Bsn).unwrap();
        let chars: Vec<char> = text.chars().collect();
        let got: String = chars[span.start..span.end].iter().collect();
        assert_eq!(got, "123456782");
        assert_eq!(&text[span.byte_start..span.byte_end], "123456782");
        assert!(span.byte_start > span.start);
    }

    #[test]
    fn allow_and_deny_lists_apply() {
        let engine = Engine::new(PiiConfig {
            allow_list: vec!["020 123 4567".into()],
            deny_list: vec![DenyEntry {
                entity: EntityType::Person,
                value: "kees".into(),
            }],
            ..PiiConfig::default()
        })
        .unwrap();
        let f = engine.scan("Bel ons op 020 123 4567 of vraag naar kees. Of 020 765 4321.");
        let phones: Vec<_> = f.spans.iter().filter(|s| s.entity == EntityType::Phone).collect();
        assert_eq!(phones.len(), 1);
        assert_eq!(phones[0].byte_start, 47);
        let person = f.spans.iter().find(|s| s.entity == EntityType::Person).unwrap();
        assert_eq!(person.detector, "deny_list");
    }

    #[test]
    fn disabled_types_and_thresholds_apply() {
        let text = "Jan de Vries, BSN 123456782, tel 06-12345678";
        let no_bsn = Engine::new(PiiConfig {
            disabled: vec![EntityType::Bsn],
            ..PiiConfig::default()
        })
        .unwrap();
        let types = no_bsn.scan(text).entity_types();
        assert!(!types.contains(&EntityType::Bsn));
        assert!(types.contains(&EntityType::Phone));
        let strict = Engine::new(PiiConfig {
            min_score: 0.99,
            ..PiiConfig::default()
        })
        .unwrap();
        assert!(strict.scan(text).spans.is_empty());
    }

    #[test]
    fn context_words_raise_scores() {
        let cfg = |ctx: bool| PiiConfig {
            thresholds: [(EntityType::Bsn, 0.85)].into_iter().collect(),
            context_words: if ctx {
                [(EntityType::Bsn, vec!["klantid".to_string()])].into_iter().collect()
            } else {
                Default::default()
            },
            ..PiiConfig::default()
        };
        let text = "klantid 123456782";
        assert!(Engine::new(cfg(false)).unwrap().scan(text).spans.is_empty());
        assert_eq!(Engine::new(cfg(true)).unwrap().scan(text).spans.len(), 1);
    }

    /// The per-thread buffers carry nothing from one scan into the next: each text, scanned
    /// after the others on one thread, gives what it gives on a thread of its own.
    #[test]
    fn scans_on_one_thread_do_not_leak_into_each_other() {
        let engine = Engine::with_defaults().unwrap();
        let texts = [
            "Mevr. A.C. van Huffelen (geboren 12-03-1961) heeft diabetes. BSN 123456782.",
            "Geen gegevens hier, alleen beleid over diabetes en de FNV in 2024.",
            "Jan de Vries, Kerkstraat 12, 1234 AB Utrecht, tel 06-12345678. De Vries is lid van de FNV.",
            "",
            "Kramer, D. belde. Later belde Kramer opnieuw; IBAN NL91ABNA0417164300.",
        ];
        let alone: Vec<String> = texts
            .iter()
            .map(|t| {
                std::thread::scope(|s| s.spawn(|| format!("{:?}", engine.scan(t))).join().unwrap())
            })
            .collect();
        for order in [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3]] {
            for i in order {
                assert_eq!(format!("{:?}", engine.scan(texts[i])), alone[i], "text {i}");
            }
        }
        assert!(alone[0].contains("Person") && alone[2].contains("Address"), "{alone:?}");
    }

    /// A scan from a thread-local destructor, after the thread's buffers are gone, gets
    /// buffers of its own (no panic: a panic there would abort the process).
    #[test]
    fn a_scan_from_a_thread_local_destructor_works() {
        struct ScanOnDrop(std::sync::mpsc::Sender<usize>);
        impl Drop for ScanOnDrop {
            fn drop(&mut self) {
                let found = crate::test_support::engine().scan("BSN 123456782").spans.len();
                let _ = self.0.send(found);
            }
        }
        thread_local! {
            static ON_EXIT: RefCell<Option<ScanOnDrop>> = const { RefCell::new(None) };
        }
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            // Registered before the scan buffers, so destroyed after them.
            ON_EXIT.with(|d| *d.borrow_mut() = Some(ScanOnDrop(tx)));
            assert_eq!(crate::test_support::engine().scan("BSN 123456782").spans.len(), 1);
        })
        .join()
        .unwrap();
        assert_eq!(rx.recv().unwrap(), 1);
    }

    #[test]
    fn street_named_after_a_person_is_an_address() {
        let engine = Engine::with_defaults().unwrap();
        let f = engine.scan("Zij woont aan de Johan de Wittlaan 12 in Den Haag.");
        assert_eq!(f.entity_types(), [EntityType::Address]);
    }
}
