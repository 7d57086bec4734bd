//! A document's identity in a collection: its *source*.
//!
//! A URL is its own identity and is kept exactly as given. A local file is identified by its
//! canonical path — absolute, with `.` and `..` resolved and symbolic links followed — so the
//! same folder ingested from two working directories (`docs/a.md`, `../proj/docs/a.md`,
//! `/srv/proj/docs/a.md`) is one document, re-ingesting it unchanged is a no-op and a change
//! replaces its chunks. Citations show this absolute path (DESIGN.md: "the file path or URL
//! ingested"), which also tells a reader which copy of a file was meant. A JSON Lines record
//! without a URL is `PATH#LINE`; its path part is canonicalised the same way.
//!
//! A path that does not exist (a file removed since it was ingested) is made absolute against
//! the working directory and normalised lexically.
//!
//! **Collections from before canonical sources** stored the path as typed (often relative).
//! [`Collection::adopt_legacy`](crate::Collection) recognises such a document when the same file
//! is ingested again: a relative source that names the same file from the current working
//! directory, or — when it was ingested from elsewhere — the only relative source whose path
//! components end the new absolute path (`docs/a.md` for `/srv/proj/docs/a.md`), takes the
//! canonical source in place, so nothing is duplicated and an unchanged file stays a no-op.

use std::path::{Component, Path, PathBuf};

/// Whether `source` is a URL (`scheme://…`): kept as given.
pub fn is_url(source: &str) -> bool {
    let Some((scheme, _)) = source.split_once("://") else { return false };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic()) && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

/// The canonical identity of a source: URLs unchanged, local paths absolute and normalised (see
/// the module documentation).
pub fn canonical(source: &str) -> String {
    if is_url(source) || source.is_empty() {
        return source.to_string();
    }
    if let Ok(p) = std::fs::canonicalize(source) {
        return p.display().to_string();
    }
    // `PATH#LINE` of a JSON Lines record.
    if let Some((path, line)) = source.rsplit_once('#') {
        if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(p) = std::fs::canonicalize(path) {
                return format!("{}#{line}", p.display());
            }
        }
    }
    lexical_absolute(Path::new(source)).display().to_string()
}

/// `path` made absolute against the working directory, `.` dropped and `..` applied, without
/// touching the file system beyond reading the working directory.
pub fn lexical_absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map_or_else(|_| path.to_path_buf(), |cwd| cwd.join(path))
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(c);
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// Whether a stored source is a relative local path (stored before sources were canonical).
pub(crate) fn is_legacy_relative(stored: &str) -> bool {
    !is_url(stored) && !stored.is_empty() && Path::new(stored).is_relative()
}

/// Whether the legacy relative source `stored` names the file with canonical source `canonical`
/// when read from the current working directory.
pub(crate) fn same_from_here(stored: &str, canonical_source: &str) -> bool {
    canonical(stored) == canonical_source
}

/// Whether the path components of `canonical_source` end with those of the legacy relative
/// `stored` (which must not climb out with `..`).
pub(crate) fn ends_with(stored: &str, canonical_source: &str) -> bool {
    let stored = Path::new(stored);
    let clean: PathBuf = stored.components().filter(|c| *c != Component::CurDir).collect();
    if clean.as_os_str().is_empty() || clean.components().any(|c| c == Component::ParentDir) {
        return false;
    }
    Path::new(canonical_source).ends_with(&clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_kept_and_paths_become_absolute() {
        assert_eq!(canonical("https://www.dijkstede.nl/afval?x=1#a"), "https://www.dijkstede.nl/afval?x=1#a");
        assert!(!is_url("docs/a.md"));
        assert!(!is_url("://x"));
        assert!(!is_url("C:\\docs\\a.md"));
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(canonical("no/such/./dir/../file.md"), cwd.join("no/such/file.md").display().to_string());
        assert_eq!(canonical("/no/such/../file.md"), "/no/file.md");
    }

    #[test]
    fn an_existing_file_is_resolved_through_dots_and_links_and_keeps_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir(real.join("docs")).unwrap();
        std::fs::write(real.join("docs/a.jsonl"), "{}").unwrap();
        let twisted = format!("{}/docs/../docs/./a.jsonl", real.display());
        let want = real.join("docs/a.jsonl").display().to_string();
        assert_eq!(canonical(&twisted), want);
        assert_eq!(canonical(&format!("{twisted}#12")), format!("{want}#12"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(real.join("docs"), real.join("link")).unwrap();
            assert_eq!(canonical(&format!("{}/link/a.jsonl", real.display())), want);
        }
    }

    #[test]
    fn legacy_sources_match_by_trailing_components_only() {
        assert!(ends_with("docs/a.md", "/srv/proj/docs/a.md"));
        assert!(ends_with("./docs/a.md", "/srv/proj/docs/a.md"));
        assert!(ends_with("data/faq.jsonl#3", "/srv/data/faq.jsonl#3"));
        assert!(!ends_with("docs/a.md", "/srv/proj/otherdocs/a.md"), "whole components only");
        assert!(!ends_with("s/a.md", "/srv/proj/docs/a.md"));
        assert!(!ends_with("../docs/a.md", "/srv/proj/docs/a.md"), "a climbing path is ambiguous");
        assert!(!ends_with("data/faq.jsonl#3", "/srv/data/faq.jsonl#31"));
        assert!(is_legacy_relative("docs/a.md"));
        assert!(!is_legacy_relative("/srv/docs/a.md"));
        assert!(!is_legacy_relative("https://x.nl/a"));
    }
}
