//! Normalisation of messy extracted text into clean paragraphs with headings kept as structure.
//!
//! Text from PDFs, exports and web pages is messy. [`normalise`] fixes what hurts retrieval:
//! - tabs, non-breaking spaces and runs of spaces become one space; lines are trimmed;
//! - a word hyphenated at a line end is joined (`vergun-` + `ning` → `vergunning`; before a
//!   capital the hyphen stays: `Noord-` + `Holland` → `Noord-Holland`);
//! - lines of one paragraph are joined with a space (PDF extraction breaks mid-sentence); list
//!   items stay on their own line;
//! - page numbers standing alone (`3`, `- 3 -`, `Pagina 3 van 10`, `3/10`) are dropped, and so are
//!   running headers and footers: a line (digits ignored) that opens or closes at least three
//!   pages and half of them (pages are separated by form feeds, as PDF extraction gives them);
//! - a URL on a line of its own joins the paragraph before it instead of standing alone;
//! - headings are recognised (Markdown `#`, the Dutch regulation structure `Hoofdstuk`,
//!   `Afdeling`, `Paragraaf`, `Artikel`, `Bijlage`, `§`, and a short line standing alone between
//!   blank lines) and kept as paragraphs of their own, without the `#` marks, with their level.
//!
//! The output text is what chunk offsets refer to.

use std::collections::HashMap;

/// A heading in the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Byte offset of its line in [`Normalised::text`].
    pub start: usize,
    /// 1 (top) to 6.
    pub level: u8,
    /// Its text.
    pub text: String,
}

/// Normalised text: paragraphs separated by a blank line, headings among them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalised {
    /// The text.
    pub text: String,
    /// Its headings, in order.
    pub headings: Vec<Heading>,
}

/// Normalises `raw`. See the module documentation.
pub fn normalise(raw: &str) -> Normalised {
    let raw = raw.replace("\r\n", "\n").replace('\r', "\n");
    let pages: Vec<Vec<String>> = raw
        .split('\u{c}')
        .map(|page| page.split('\n').map(clean_line).collect())
        .collect();
    let furniture = running_furniture(&pages);

    // Flatten, dropping page numbers and running headers/footers; a page break is a soft break.
    let mut lines: Vec<String> = Vec::new();
    let many_pages = pages.len() > 1;
    for page in pages {
        let mut kept: Vec<String> = page
            .into_iter()
            .filter(|line| !(is_page_number(line) || (!line.is_empty() && furniture.contains_key(&digits_blanked(line)))))
            .collect();
        if many_pages {
            // Blank lines at a page's edges are layout, not paragraph breaks.
            while kept.last().is_some_and(String::is_empty) {
                kept.pop();
            }
            let lead = kept.iter().take_while(|l| l.is_empty()).count();
            kept.drain(..lead);
        }
        lines.extend(kept);
    }

    let mut out = Normalised::default();
    let mut para = String::new();
    let mut prev_blank = true;
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            flush(&mut out, &mut para);
            prev_blank = true;
            continue;
        }
        let next_blank = lines.get(i + 1).is_none_or(|l| l.is_empty());
        if let Some((level, text)) = heading(line, prev_blank, next_blank) {
            flush(&mut out, &mut para);
            push_para(&mut out, &text);
            let start = out.text.len() - text.len();
            out.headings.push(Heading { start, level, text });
            prev_blank = true;
            continue;
        }
        prev_blank = false;
        if is_list_item(line) {
            if !para.is_empty() {
                para.push('\n');
            }
            para.push_str(line);
        } else if para.is_empty() {
            para.push_str(line);
        } else if para.ends_with('-') && ends_with_hyphenated_word(&para) {
            // Hyphenation at a line end: join; keep the hyphen before a capital (a compound name).
            if line.chars().next().is_some_and(char::is_lowercase) {
                para.pop();
            }
            para.push_str(line);
        } else {
            para.push(' ');
            para.push_str(line);
        }
    }
    flush(&mut out, &mut para);
    out
}

fn flush(out: &mut Normalised, para: &mut String) {
    if !para.is_empty() {
        push_para(out, para);
        para.clear();
    }
}

fn push_para(out: &mut Normalised, text: &str) {
    if !out.text.is_empty() {
        out.text.push_str("\n\n");
    }
    out.text.push_str(text);
}

/// Tabs, non-breaking and other odd spaces, and runs of spaces become one space; trimmed;
/// control characters dropped.
fn clean_line(line: &str) -> String {
    let mut s = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        if c.is_whitespace() || c == '\u{a0}' {
            space = true;
        } else if c.is_control() || c == '\u{ad}' || c == '\u{feff}' {
            // Soft hyphens and byte-order marks are invisible; drop them.
        } else {
            if space && !s.is_empty() {
                s.push(' ');
            }
            space = false;
            s.push(c);
        }
    }
    s
}

fn ends_with_hyphenated_word(para: &str) -> bool {
    let mut it = para.chars().rev();
    it.next(); // the hyphen
    it.next().is_some_and(char::is_alphabetic)
}

fn is_list_item(line: &str) -> bool {
    let b = line.as_bytes();
    if line.starts_with("- ") || line.starts_with("* ") || line.starts_with("• ") || line.starts_with("– ") {
        return true;
    }
    // `1.` `2)` `a.` `b)` followed by a space.
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let n = if digits > 0 && digits <= 3 { digits } else if b.first().is_some_and(u8::is_ascii_lowercase) { 1 } else { 0 };
    n > 0 && b.len() > n + 1 && (b[n] == b'.' || b[n] == b')') && b[n + 1] == b' '
}

/// Whether a whole line is a page number.
fn is_page_number(line: &str) -> bool {
    let l = line.trim_matches(|c: char| c == '-' || c == '–' || c == ' ' || c == '|');
    if l.is_empty() {
        return false;
    }
    let lower = l.to_lowercase();
    let rest = lower
        .strip_prefix("pagina ")
        .or_else(|| lower.strip_prefix("page "))
        .or_else(|| lower.strip_prefix("blz. "))
        .or_else(|| lower.strip_prefix("p. "))
        .unwrap_or(&lower);
    let parts: Vec<&str> = rest
        .split(['/', ' '])
        .filter(|p| !p.is_empty() && *p != "van" && *p != "of")
        .collect();
    !parts.is_empty() && parts.len() <= 2 && parts.iter().all(|p| p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
}

fn digits_blanked(line: &str) -> String {
    line.chars().map(|c| if c.is_ascii_digit() { '#' } else { c }).collect()
}

/// Lines that open or close at least three pages and half of them: running headers and footers.
fn running_furniture(pages: &[Vec<String>]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    if pages.len() < 3 {
        return counts;
    }
    for page in pages {
        let non_empty: Vec<&String> = page.iter().filter(|l| !l.is_empty()).collect();
        let mut seen: Vec<String> = Vec::new();
        let edges = non_empty.iter().take(2).chain(non_empty.iter().rev().take(2));
        for l in edges {
            let key = digits_blanked(l);
            if !seen.contains(&key) {
                seen.push(key);
            }
        }
        for key in seen {
            *counts.entry(key).or_default() += 1;
        }
    }
    let min = 3.max(pages.len().div_ceil(2));
    counts.retain(|_, n| *n >= min);
    counts
}

/// Whether `line` is a heading, and its level and text.
fn heading(line: &str, prev_blank: bool, next_blank: bool) -> Option<(u8, String)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line.as_bytes().get(hashes) == Some(&b' ') {
        let text = line[hashes..].trim().trim_end_matches('#').trim();
        return (!text.is_empty()).then(|| (u8::try_from(hashes).unwrap_or(6), text.to_string()));
    }
    let first = line.split(' ').next().unwrap_or("");
    let level = match first {
        "Hoofdstuk" | "HOOFDSTUK" => Some(1),
        "Afdeling" | "AFDELING" | "Titel" => Some(2),
        "Paragraaf" | "§" => Some(3),
        "Artikel" | "ARTIKEL" | "Bijlage" | "BIJLAGE" => Some(4),
        _ => None,
    };
    if let Some(level) = level {
        let second = line.split(' ').nth(1).unwrap_or("");
        let numbered = second.chars().next().is_some_and(|c| c.is_ascii_digit() || "IVXL".contains(c))
            || (second.len() <= 2 && second.chars().all(|c| c.is_ascii_uppercase()) && !second.is_empty());
        if numbered && line.chars().count() <= 120 && !line.ends_with(',') {
            return Some((level, line.to_string()));
        }
    }
    // A short line standing alone, starting with a capital, without closing punctuation.
    let words = line.split(' ').count();
    if prev_blank
        && next_blank
        && line.chars().count() <= 70
        && words <= 9
        && line.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !line.ends_with(['.', ',', ';', ':', '?', '!'])
        && !line.contains("://")
        && !is_list_item(line)
    {
        return Some((5, line.to_string()));
    }
    None
}

/// Joins lines that hold only a URL onto the line before them.
pub(crate) fn attach_bare_urls(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.split('\n') {
        let t = line.trim();
        let bare = !t.contains(' ') && (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."));
        if bare && !out.is_empty() {
            // Onto the last non-empty line.
            while out.ends_with('\n') || out.ends_with(' ') {
                out.pop();
            }
            out.push(' ');
            out.push_str(t);
            out.push('\n');
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(raw: &str) -> String {
        normalise(&attach_bare_urls(raw)).text
    }

    #[test]
    fn tabs_and_runs_of_spaces_become_one_space() {
        assert_eq!(n("De\tgemeente   geeft\u{a0}\u{a0}vergunningen  af."), "De gemeente geeft vergunningen af.");
    }

    #[test]
    fn hyphenation_at_line_end_is_joined_but_compound_names_keep_their_hyphen() {
        assert_eq!(n("Een omgevings-\nvergunning is nodig."), "Een omgevingsvergunning is nodig.");
        assert_eq!(n("De provincie Noord-\nHolland beslist."), "De provincie Noord-Holland beslist.");
        // A dash standing alone between words is not hyphenation.
        assert_eq!(n("Kosten -\nzie tabel."), "Kosten - zie tabel.");
    }

    #[test]
    fn lines_of_a_paragraph_are_joined_and_paragraphs_kept() {
        assert_eq!(n("Eerste regel\nloopt door.\n\nTweede alinea."), "Eerste regel loopt door.\n\nTweede alinea.");
    }

    #[test]
    fn list_items_stay_on_their_own_lines() {
        assert_eq!(n("U heeft nodig:\n- een paspoort\n- een pasfoto"), "U heeft nodig:\n- een paspoort\n- een pasfoto");
        assert_eq!(n("Stappen:\n1. aanvragen\n2. betalen"), "Stappen:\n1. aanvragen\n2. betalen");
    }

    #[test]
    fn page_numbers_and_running_headers_and_footers_are_dropped() {
        let page = |i: usize, body: &str| format!("Gemeente Dijkstede - Beleidsnota 2025\n{body}\nPagina {i} van 4\n");
        let raw = [
            page(1, "De raad besluit over parkeren."),
            page(2, "Het tarief stijgt in 2026."),
            page(3, "Bewoners krijgen een vergunning."),
            page(4, "Bezwaar kan binnen zes weken."),
        ]
        .join("\u{c}");
        let text = n(&raw);
        assert!(!text.contains("Beleidsnota"), "{text}");
        assert!(!text.contains("Pagina"), "{text}");
        assert!(text.contains("De raad besluit over parkeren. Het tarief stijgt in 2026."), "{text}");
        assert_eq!(n("Tekst.\n\n- 3 -\n\nMeer tekst.\n\n12"), "Tekst.\n\nMeer tekst.");
        // A number inside a sentence or a year in a heading is not a page number.
        assert_eq!(n("Artikel 12\n\nIn 2025 gaat het in."), "Artikel 12\n\nIn 2025 gaat het in.");
    }

    #[test]
    fn a_url_on_its_own_line_joins_the_paragraph_before_it() {
        assert_eq!(n("Meer informatie vindt u op\nhttps://www.dijkstede.nl/afval\n\nVolgende alinea."),
            "Meer informatie vindt u op https://www.dijkstede.nl/afval\n\nVolgende alinea.");
    }

    #[test]
    fn headings_are_kept_as_structure_with_their_level() {
        let out = normalise("# Afvalbeleid\n\nTekst.\n\n## Grofvuil\nOphalen op afspraak.\n\nArtikel 3 Kosten\nHet tarief is 10 euro.");
        assert_eq!(out.text, "Afvalbeleid\n\nTekst.\n\nGrofvuil\n\nOphalen op afspraak.\n\nArtikel 3 Kosten\n\nHet tarief is 10 euro.");
        let hs: Vec<(u8, &str)> = out.headings.iter().map(|h| (h.level, h.text.as_str())).collect();
        assert_eq!(hs, vec![(1, "Afvalbeleid"), (2, "Grofvuil"), (4, "Artikel 3 Kosten")]);
        for h in &out.headings {
            assert_eq!(&out.text[h.start..h.start + h.text.len()], h.text);
        }
        // A sentence is not a heading, nor a line inside a paragraph.
        let out = normalise("Dit is een zin.\n\nDe aanvraag\nwordt behandeld.");
        assert!(out.headings.is_empty());
    }
}
