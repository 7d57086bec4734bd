//! Chunking: sections between headings, split at sentence boundaries into chunks of about
//! [`ChunkOptions::max_chars`], each overlapping the one before by up to
//! [`ChunkOptions::overlap_chars`] of whole sentences.
//!
//! A chunk never crosses a heading; it knows its heading path (`Hoofdstuk 2 › Artikel 2:10`).
//! Its text is exactly `text[start..end]` of the normalised text (char offsets, Python `str`
//! indexes), so a citation can always be found back. A sentence longer than a chunk is cut at
//! spaces.

use crate::normalise::Normalised;

/// How big chunks are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkOptions {
    /// Most characters per chunk (a longer single sentence is cut at a space).
    pub max_chars: usize,
    /// Characters of whole sentences repeated from the end of the previous chunk, at most.
    pub overlap_chars: usize,
}

impl Default for ChunkOptions {
    fn default() -> Self {
        ChunkOptions { max_chars: 900, overlap_chars: 200 }
    }
}

/// A piece of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// The headings above it, outermost first, joined with ` › ` (empty before any heading).
    pub heading: String,
    /// Start, in chars of the normalised text.
    pub start: usize,
    /// End (exclusive), in chars.
    pub end: usize,
    /// The text.
    pub text: String,
    /// sha256 of the text, hex.
    pub hash: String,
}

/// Splits `doc` into chunks. See the module documentation.
pub fn chunk(doc: &Normalised, options: ChunkOptions) -> Vec<Chunk> {
    let max = options.max_chars.max(50);
    let text = doc.text.as_str();
    // Sections: (byte start of body, byte end, heading path).
    let mut sections: Vec<(usize, usize, String)> = Vec::new();
    let mut path: Vec<(u8, &str)> = Vec::new();
    let mut body_start = 0;
    let mut current_path = String::new();
    for h in &doc.headings {
        sections.push((body_start, h.start, current_path.clone()));
        path.retain(|(level, _)| *level < h.level);
        path.push((h.level, h.text.as_str()));
        current_path = path.iter().map(|(_, t)| *t).collect::<Vec<_>>().join(" › ");
        body_start = h.start + h.text.len();
    }
    sections.push((body_start, text.len(), current_path));

    let mut byte_chunks: Vec<(usize, usize, String)> = Vec::new();
    for (start, end, heading) in sections {
        let sentences = sentence_spans(text, start, end, max);
        let mut i = 0;
        while i < sentences.len() {
            // Greedily take sentences while they fit.
            let first = i;
            let mut j = i;
            while j < sentences.len() && char_len(text, sentences[first].0, sentences[j].1) <= max {
                j += 1;
            }
            let j = j.max(first + 1);
            byte_chunks.push((sentences[first].0, sentences[j - 1].1, heading.clone()));
            if j >= sentences.len() {
                break;
            }
            // Overlap: step back over whole sentences that fit in `overlap_chars`, always moving on.
            let mut k = j;
            while k > first + 1 && char_len(text, sentences[k - 1].0, sentences[j - 1].1) <= options.overlap_chars {
                k -= 1;
            }
            i = k;
        }
    }
    // Byte offsets to char offsets in one pass.
    let mut out = Vec::with_capacity(byte_chunks.len());
    let mut char_pos = 0;
    let mut byte_pos = 0;
    let mut to_chars = |byte: usize| {
        if byte < byte_pos {
            char_pos = text[..byte].chars().count();
        } else {
            char_pos += text[byte_pos..byte].chars().count();
        }
        byte_pos = byte;
        char_pos
    };
    for (bs, be, heading) in byte_chunks {
        let start = to_chars(bs);
        let end = to_chars(be);
        let t = text[bs..be].to_string();
        let hash = crate::parse::sha256_hex(t.as_bytes());
        out.push(Chunk { heading, start, end, text: t, hash });
    }
    out
}

fn char_len(text: &str, start: usize, end: usize) -> usize {
    text[start..end].chars().count()
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 24] = [
    "art", "nr", "bijv", "bv", "o.a", "e.d", "enz", "i.v.m", "m.b.t", "t.a.v", "z.o.z", "ca", "mr", "dhr", "mevr", "drs",
    "dr", "ir", "ing", "prof", "jl", "lid", "blz", "p",
];

/// Sentence spans (byte offsets, trimmed) within `text[start..end]`; paragraph breaks and list
/// items end sentences; pieces longer than `max` chars are cut at spaces.
fn sentence_spans(text: &str, start: usize, end: usize, max: usize) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let section = &text[start..end];
    let bytes = section.as_bytes();
    let mut s = 0;
    let push = |a: usize, b: usize, spans: &mut Vec<(usize, usize)>| {
        let piece = &section[a..b];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        let (a, b) = (a + lead, b - trail);
        if a < b {
            cut_long(section, a, b, max, start, spans);
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let boundary = match c {
            b'\n' => Some(i + 1),
            b'.' | b'!' | b'?' => {
                // End of sentence: punctuation (and closing quotes/brackets), then a space and
                // a capital, digit or opening quote, and not after an abbreviation or initial.
                let mut k = i + 1;
                while k < bytes.len() && matches!(bytes[k], b'"' | b'\'' | b')') {
                    k += 1;
                }
                let next_ok = k < bytes.len()
                    && bytes[k] == b' '
                    && section[k + 1..].chars().next().is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || n == '"' || n == '(' || n == '\'');
                (next_ok && !(c == b'.' && after_abbreviation(&section[s..i]))).then_some(k)
            }
            _ => None,
        };
        if let Some(b) = boundary {
            push(s, b, &mut spans);
            s = b;
            i = b;
        } else {
            i += 1;
        }
    }
    push(s, bytes.len(), &mut spans);
    spans
}

fn after_abbreviation(before: &str) -> bool {
    let word = before.rsplit([' ', '(', '\n']).next().unwrap_or("");
    // A single letter (an initial: `J.`) or a known abbreviation.
    word.chars().count() == 1 && word.chars().all(char::is_alphabetic)
        || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Pushes `section[a..b]`, cut at spaces into pieces of at most `max` chars.
fn cut_long(section: &str, mut a: usize, b: usize, max: usize, base: usize, spans: &mut Vec<(usize, usize)>) {
    while section[a..b].chars().count() > max {
        // The byte offset of char `max`.
        let limit = section[a..b].char_indices().nth(max).map_or(b, |(i, _)| a + i);
        let cut = section[a..limit].rfind(' ').map(|i| a + i).filter(|&c| c > a).unwrap_or(limit);
        spans.push((base + a, base + cut));
        a = cut;
        while section[a..b].starts_with(' ') {
            a += 1;
        }
    }
    if a < b {
        spans.push((base + a, base + b));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::normalise;

    fn chars(text: &str, start: usize, end: usize) -> String {
        text.chars().skip(start).take(end - start).collect()
    }

    #[test]
    fn offsets_round_trip_to_the_text_including_non_ascii() {
        let doc = normalise("# Één\n\nCafé’s krijgen een terrasvergunning. Die kost € 120.\n\n## Twee\n\nHet loket is open. Bel 14 0123.");
        let chunks = chunk(&doc, ChunkOptions { max_chars: 40, overlap_chars: 0 });
        assert!(chunks.len() >= 3, "{chunks:?}");
        for c in &chunks {
            assert_eq!(chars(&doc.text, c.start, c.end), c.text);
            assert_eq!(c.hash.len(), 64);
        }
        assert_eq!(chunks[0].heading, "Één");
        assert_eq!(chunks.last().map(|c| c.heading.as_str()), Some("Één › Twee"));
    }

    #[test]
    fn chunks_respect_headings_and_sentences_and_overlap() {
        let body = "Dit is zin een over afval. Dit is zin twee over grofvuil. Dit is zin drie over containers. Dit is zin vier over kosten.";
        let doc = normalise(&format!("# Afval\n\n{body}\n\n# Parkeren\n\nParkeren kost geld."));
        let chunks = chunk(&doc, ChunkOptions { max_chars: 60, overlap_chars: 35 });
        // No chunk crosses the heading.
        assert!(chunks.iter().all(|c| !(c.text.contains("afval") && c.text.contains("Parkeren"))));
        // Every chunk ends at a sentence end.
        assert!(chunks.iter().all(|c| c.text.ends_with('.')), "{chunks:?}");
        // Overlap: the last sentence of a chunk opens the next within the section.
        assert!(chunks[1].text.starts_with("Dit is zin twee"), "{chunks:?}");
        assert!(chunks[0].text.ends_with("Dit is zin twee over grofvuil."), "{chunks:?}");
        assert_eq!(chunks.last().map(|c| c.text.as_str()), Some("Parkeren kost geld."));
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let doc = normalise("Zie art. 3 lid 2 en o.a. de nota van mr. J. Jansen. Volgende zin.");
        let s = sentence_spans(&doc.text, 0, doc.text.len(), 500);
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn a_sentence_longer_than_a_chunk_is_cut_at_spaces() {
        let long = "woord ".repeat(100);
        let doc = normalise(long.trim());
        let chunks = chunk(&doc, ChunkOptions { max_chars: 50, overlap_chars: 10 });
        assert!(chunks.len() >= 12);
        for c in &chunks {
            assert!(c.text.chars().count() <= 50);
            assert!(!c.text.starts_with(' ') && !c.text.ends_with(' '));
            assert_eq!(chars(&doc.text, c.start, c.end), c.text);
        }
    }

    #[test]
    fn empty_text_gives_no_chunks() {
        assert!(chunk(&normalise(""), ChunkOptions::default()).is_empty());
        assert!(chunk(&normalise("# Alleen een kop"), ChunkOptions::default()).is_empty());
    }
}
