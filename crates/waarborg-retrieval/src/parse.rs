//! Reading documents: `.txt`, `.md`, `.html`/`.htm`, `.pdf` and `.jsonl` into [`RawDocument`]s
//! of messy text for [`normalise`](crate::normalise::normalise).
//!
//! - Text and Markdown are read as UTF-8 (a Markdown `# title` line gives the title).
//! - HTML goes through a small, careful stripper rather than a browser engine: it drops
//!   `script`, `style`, `nav`, `header`, `footer`, `aside`, `noscript`, `template`, `svg`,
//!   `form` and `head` (keeping `<title>`), turns `h1`-`h6` into Markdown headings and block
//!   elements into line breaks, and decodes entities. Government pages are well-formed enough.
//! - PDF text comes from `lopdf`, one page at a time, pages separated by form feeds so running
//!   headers and footers can be recognised.
//! - JSON Lines: one document per line with `text` and optional `title`, `url`, `published`; the
//!   source is the `url`, else `PATH#LINE`. A bad line is reported with its number; the others
//!   are read.

use crate::error::{RetrievalError, Result};
use std::path::Path;

/// One document as read, before normalisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDocument {
    /// The file path or URL, as cited.
    pub source: String,
    /// Title (file name when the document has none).
    pub title: String,
    /// The text, messy; headings as Markdown `#` lines; pages separated by form feeds.
    pub text: String,
    /// Publication date, when given (ISO 8601 expected, kept as given).
    pub published: Option<String>,
    /// sha256 of what was read (file bytes, or the JSON line): unchanged input, unchanged hash.
    pub hash: String,
}

/// A file's documents, and the lines of a JSON Lines file that could not be read.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The documents.
    pub documents: Vec<RawDocument>,
    /// `(line number, reason)` of JSON lines that were skipped.
    pub bad_lines: Vec<(usize, String)>,
}

/// The file extensions read.
pub const EXTENSIONS: [&str; 6] = ["txt", "md", "html", "htm", "pdf", "jsonl"];

/// Whether `path` has an extension [`parse_file`] reads.
pub fn supported(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Reads one file; `source` is how it is cited (the path as given).
pub fn parse_file(path: &Path, source: &str) -> Result<Parsed> {
    let fail = |reason: String| RetrievalError::Parse { path: path.to_path_buf(), reason };
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    let file_title = path.file_stem().and_then(|s| s.to_str()).unwrap_or(source).to_string();
    let hash = sha256_hex(&bytes);
    let utf8 = |bytes: Vec<u8>| String::from_utf8(bytes).map_err(|_| fail("not UTF-8 text".into()));
    let doc = |title: Option<String>, text: String| RawDocument {
        source: source.to_string(),
        title: title.unwrap_or_else(|| file_title.clone()),
        text,
        published: None,
        hash: hash.clone(),
    };
    let documents = match ext.as_str() {
        "txt" => {
            let text = utf8(bytes)?;
            vec![doc(None, text)]
        }
        "md" => {
            let text = utf8(bytes)?;
            let title = text
                .lines()
                .find_map(|l| l.strip_prefix("# "))
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty());
            vec![doc(title, text)]
        }
        "html" | "htm" => {
            let html = utf8(bytes)?;
            let (title, text) = html_to_text(&html);
            vec![doc(title, text)]
        }
        "pdf" => {
            let (title, text) = pdf_to_text(&bytes).map_err(fail)?;
            vec![doc(title, text)]
        }
        "jsonl" => {
            let text = utf8(bytes)?;
            return Ok(parse_jsonl(&text, source));
        }
        _ => return Err(fail(format!("unsupported file type; Waarborg reads .{}", EXTENSIONS.join(" ."))))
    };
    if documents.iter().all(|d| d.text.trim().is_empty()) {
        return Err(fail("no text found (a scanned PDF needs OCR first)".into()));
    }
    Ok(Parsed { documents, bad_lines: Vec::new() })
}

/// sha256 as lower-case hex.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn parse_jsonl(text: &str, source: &str) -> Parsed {
    #[derive(serde::Deserialize)]
    struct Line {
        text: String,
        #[serde(default)]
        title: Option<String>,
        #[serde(default)]
        url: Option<String>,
        #[serde(default)]
        published: Option<String>,
    }
    let mut parsed = Parsed::default();
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Line>(line) {
            Ok(l) if l.text.trim().is_empty() => parsed.bad_lines.push((number, "`text` is empty".into())),
            Ok(l) => {
                let source = l.url.clone().filter(|u| !u.is_empty()).unwrap_or_else(|| format!("{source}#{number}"));
                parsed.documents.push(RawDocument {
                    title: l.title.filter(|t| !t.is_empty()).unwrap_or_else(|| source.clone()),
                    source,
                    text: l.text,
                    published: l.published,
                    hash: sha256_hex(line.as_bytes()),
                });
            }
            // serde's message names the field and column, never the value.
            Err(e) => parsed.bad_lines.push((number, format!("not a JSON object with a string `text` (column {})", e.column()))),
        }
    }
    parsed
}

/// Extracts the text of a PDF, pages separated by form feeds; the title from its Info dictionary.
fn pdf_to_text(bytes: &[u8]) -> std::result::Result<(Option<String>, String), String> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| format!("not a readable PDF: {e}"))?;
    if doc.is_encrypted() {
        return Err("the PDF is encrypted".into());
    }
    let mut pages = Vec::new();
    for (number, page_id) in doc.get_pages() {
        pages.push(pdf_page_text(&doc, page_id).map_err(|e| format!("cannot read the text of page {number}: {e}"))?);
    }
    let title = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| o.as_reference().ok())
        .and_then(|r| doc.get_dictionary(r).ok())
        .and_then(|info| info.get(b"Title").ok())
        .and_then(|t| t.as_str().ok())
        .map(|b| String::from_utf8_lossy(b).trim().to_string())
        .filter(|t| !t.is_empty());
    Ok((title, pages.join("\u{c}")))
}

/// The text of one page: shown strings decoded with their font's encoding; a move to a new
/// line (`Td`/`TD` with a vertical offset, `T*`, `'`, `"`, `ET`) is a line break, and a wide
/// gap in a `TJ` array is a space. (`lopdf`'s own extraction ignores `Td`, which joins lines.)
fn pdf_page_text(doc: &lopdf::Document, page_id: lopdf::ObjectId) -> lopdf::Result<String> {
    use lopdf::Object;
    let fonts = doc.get_page_fonts(page_id)?;
    let encodings: std::collections::BTreeMap<Vec<u8>, lopdf::Encoding<'_>> =
        fonts.into_iter().filter_map(|(name, font)| font.get_font_encoding(doc).ok().map(|e| (name, e))).collect();
    let content = lopdf::content::Content::decode(&doc.get_page_content(page_id)?)?;
    let mut text = String::new();
    let mut encoding = None;
    let newline = |text: &mut String| {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
    };
    let show = |text: &mut String, encoding: Option<&lopdf::Encoding<'_>>, operands: &[Object]| {
        let Some(encoding) = encoding else { return };
        for operand in operands {
            match operand {
                Object::String(bytes, _) => {
                    if let Ok(s) = lopdf::Document::decode_text(encoding, bytes) {
                        text.push_str(&s);
                    }
                }
                Object::Array(items) => {
                    for item in items {
                        match item {
                            Object::String(bytes, _) => {
                                if let Ok(s) = lopdf::Document::decode_text(encoding, bytes) {
                                    text.push_str(&s);
                                }
                            }
                            Object::Integer(i) if *i < -200 => text.push(' '),
                            Object::Real(r) if *r < -200.0 => text.push(' '),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
    };
    for op in &content.operations {
        match op.operator.as_str() {
            "Tf" => encoding = op.operands.first().and_then(|n| n.as_name().ok()).and_then(|n| encodings.get(n)),
            "Tj" | "TJ" => show(&mut text, encoding, &op.operands),
            "'" => {
                newline(&mut text);
                show(&mut text, encoding, &op.operands);
            }
            "\"" => {
                newline(&mut text);
                show(&mut text, encoding, op.operands.get(2..).unwrap_or(&[]));
            }
            "Td" | "TD" => {
                let ty = op.operands.get(1).and_then(|o| o.as_float().ok()).unwrap_or(0.0);
                if ty.abs() > 0.1 {
                    newline(&mut text);
                } else if !text.ends_with([' ', '\n']) && !text.is_empty() {
                    text.push(' ');
                }
            }
            "T*" | "ET" => newline(&mut text),
            _ => {}
        }
    }
    Ok(text)
}

/// Elements whose content is never text of the document.
const DROPPED: [&str; 12] =
    ["script", "style", "nav", "header", "footer", "aside", "noscript", "template", "svg", "form", "head", "iframe"];

/// Elements that end a line.
const BLOCKS: [&str; 22] = [
    "p", "div", "section", "article", "main", "br", "tr", "table", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
    "hr", "figure", "figcaption", "address", "details", "summary", "body",
];

/// HTML to text with Markdown headings; returns `(title, text)`. See the module documentation.
pub fn html_to_text(html: &str) -> (Option<String>, String) {
    let mut out = String::with_capacity(html.len() / 2);
    let mut title: Option<String> = None;
    let mut first_h1: Option<String> = None;
    let mut skip: Option<String> = None; // the dropped element we are inside
    let mut depth = 0usize; // nesting of that element
    let mut heading_start: Option<usize> = None;
    let mut in_title = false;
    let mut title_buf = String::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            text_into(rest, skip.is_some(), in_title, &mut out, &mut title_buf);
            break;
        };
        text_into(&rest[..lt], skip.is_some(), in_title, &mut out, &mut title_buf);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let self_closing = tag.ends_with('/');
        if name == "title" {
            in_title = !closing;
            if closing && title.is_none() {
                title = Some(decode_entities(title_buf.trim()));
            }
            continue;
        }
        if let Some(s) = &skip {
            if *s == name && !self_closing {
                if closing {
                    depth -= 1;
                    if depth == 0 {
                        skip = None;
                    }
                } else {
                    depth += 1;
                }
            }
            continue;
        }
        if !closing && !self_closing && DROPPED.contains(&name.as_str()) {
            skip = Some(name);
            depth = 1;
            continue;
        }
        let level = match name.as_str() {
            "h1" => 1,
            "h2" => 2,
            "h3" => 3,
            "h4" => 4,
            "h5" => 5,
            "h6" => 6,
            _ => 0,
        };
        if level > 0 {
            if closing {
                if let Some(start) = heading_start.take() {
                    let text: String = out[start..].split_whitespace().collect::<Vec<_>>().join(" ");
                    out.truncate(start);
                    if !text.is_empty() {
                        if level == 1 && first_h1.is_none() {
                            first_h1 = Some(decode_entities(&text));
                        }
                        out.push_str(&"#".repeat(level));
                        out.push(' ');
                        out.push_str(&text);
                    }
                    out.push_str("\n\n");
                }
            } else {
                out.push_str("\n\n");
                heading_start = Some(out.len());
            }
        } else if name == "li" && !closing {
            out.push_str("\n- ");
        } else if name == "p" || name == "table" || name == "section" || name == "article" {
            out.push_str("\n\n");
        } else if name == "td" || name == "th" {
            out.push(' ');
        } else if BLOCKS.contains(&name.as_str()) {
            out.push('\n');
        }
    }
    let text = decode_entities(&out);
    (title.filter(|t| !t.is_empty()).or(first_h1), text)
}

fn text_into(text: &str, skipping: bool, in_title: bool, out: &mut String, title: &mut String) {
    if in_title {
        title.push_str(text);
    } else if !skipping {
        // Source line breaks inside HTML text are spaces.
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(part);
        }
    }
}

/// Decodes the common named entities and all numeric ones.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..].find(';').map(|i| i + 1).filter(|&i| i <= 10);
        let decoded = end.and_then(|end| {
            let name = &rest[1..end];
            let c = if let Some(num) = name.strip_prefix('#') {
                let n = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                };
                n.and_then(char::from_u32)
            } else {
                match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some(' '),
                    "euro" => Some('€'),
                    "eacute" => Some('é'),
                    "euml" => Some('ë'),
                    "iuml" => Some('ï'),
                    "ouml" => Some('ö'),
                    "uuml" => Some('ü'),
                    "egrave" => Some('è'),
                    "ndash" => Some('–'),
                    "mdash" => Some('—'),
                    "hellip" => Some('…'),
                    "rsquo" | "lsquo" => Some('\''),
                    "ldquo" | "rdquo" => Some('"'),
                    "shy" => Some('\u{ad}'),
                    _ => None,
                }
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_keeps_headings_and_text_and_drops_scripts_and_navigation() {
        let html = r#"<!DOCTYPE html><html><head><title>Parkeren &amp; vergunningen</title>
            <style>p { color: red }</style><script>var x = "<p>geheim</p>";</script></head>
            <body><header><nav><a href="/">Home</a> Menu</nav></header>
            <main><h1>Parkeren</h1><p>Een <b>parkeer</b>vergunning kost &euro;&nbsp;50 per jaar.</p>
            <!-- opmerking --><h2>Aanvragen</h2><ul><li>Log in met DigiD</li><li>Betaal online</li></ul></main>
            <footer>Gemeente Dijkstede &copy; 2025</footer></body></html>"#;
        let (title, text) = html_to_text(html);
        assert_eq!(title.as_deref(), Some("Parkeren & vergunningen"));
        let norm = crate::normalise::normalise(&text);
        assert_eq!(
            norm.text,
            "Parkeren\n\nEen parkeervergunning kost € 50 per jaar.\n\nAanvragen\n\n- Log in met DigiD\n- Betaal online"
        );
        assert_eq!(norm.headings.len(), 2);
        for gone in ["geheim", "Menu", "Home", "color", "opmerking", "2025"] {
            assert!(!norm.text.contains(gone), "{gone} in {}", norm.text);
        }
    }

    #[test]
    fn jsonl_reads_good_lines_and_reports_bad_ones_by_number() {
        let text = "{\"text\": \"Eerste.\", \"title\": \"Een\", \"url\": \"https://x.nl/1\", \"published\": \"2025-01-02\"}\n\
                    not json\n\
                    {\"title\": \"zonder tekst\"}\n\
                    \n\
                    {\"text\": \"Tweede.\"}\n";
        let p = parse_jsonl(text, "data.jsonl");
        assert_eq!(p.documents.len(), 2);
        assert_eq!(p.documents[0].source, "https://x.nl/1");
        assert_eq!(p.documents[0].title, "Een");
        assert_eq!(p.documents[0].published.as_deref(), Some("2025-01-02"));
        assert_eq!(p.documents[1].source, "data.jsonl#5");
        assert_eq!(p.bad_lines.iter().map(|(n, _)| *n).collect::<Vec<_>>(), vec![2, 3]);
        assert_ne!(p.documents[0].hash, p.documents[1].hash);
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(decode_entities("a &amp; b &#233; &#x20AC; &bogus; &"), "a & b é € &bogus; &");
    }
}
