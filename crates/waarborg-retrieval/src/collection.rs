//! One collection on disk: `<data-dir>/collections/<name>/` holds
//! - `meta.sqlite`: the source of truth — documents (source, title, hash, PII report), chunks
//!   (heading, offsets, text, content hash, vector as little-endian f32) and the settings the
//!   collection was made with (PII policy, embedding model, dimensions) and a *generation*
//!   counter bumped by every change;
//! - `bm25/`: the tantivy keyword index, derived from the chunks. Each commit carries the
//!   generation it reflects as its payload.
//!
//! **Atomic changes.** A change (ingest batch, removal) is one SQLite transaction, then one
//! tantivy commit; search reads chunk text and metadata from SQLite, so a chunk the transaction
//! removed is never returned even if the keyword index still lists it for a moment. If the
//! process dies between the two steps, the generations differ and the next open rebuilds the
//! keyword index from SQLite. The vectors live in SQLite with their chunk, so they go with it;
//! the in-memory matrix is reloaded whenever the generation moved (also when another process
//! changed the collection).

use crate::error::{RetrievalError, Result};
use crate::policy::{PiiPolicy, PiiReport};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, RwLock};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// The Dutch analyser's name in the index.
const ANALYZER: &str = "nl";

/// The Dutch analyser: words (Unicode letters and digits), lower-cased, Dutch stop words
/// removed, Snowball Dutch stemming.
pub fn dutch_analyzer() -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default()).filter(RemoveLongFilter::limit(40)).filter(LowerCaser);
    match StopWordFilter::new(Language::Dutch) {
        Some(stop) => builder.filter(stop).filter(Stemmer::new(Language::Dutch)).build(),
        None => builder.filter(Stemmer::new(Language::Dutch)).build(),
    }
}

/// The analysed terms of `text`.
pub fn analyse(text: &str) -> Vec<String> {
    let mut analyzer = dutch_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

#[derive(Debug, Clone, Copy)]
struct Fields {
    chunk: Field,
    document: Field,
    title: Field,
    heading: Field,
    text: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text_options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(ANALYZER).set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        chunk: b.add_u64_field("chunk", NumericOptions::default().set_indexed().set_fast()),
        document: b.add_u64_field("document", NumericOptions::default().set_indexed()),
        title: b.add_text_field("title", text_options.clone()),
        heading: b.add_text_field("heading", text_options.clone()),
        text: b.add_text_field("text", text_options),
    };
    (b.build(), fields)
}

/// A chunk ready to be stored.
#[derive(Debug, Clone)]
pub struct NewChunk {
    /// Heading path.
    pub heading: String,
    /// Start, in chars.
    pub start: usize,
    /// End, in chars.
    pub end: usize,
    /// Text (after the PII policy).
    pub text: String,
    /// sha256 of the text.
    pub hash: String,
    /// Embedding, when an embedder ran.
    pub vector: Option<Vec<f32>>,
}

/// A document ready to be stored.
#[derive(Debug, Clone)]
pub struct NewDocument {
    /// File path or URL.
    pub source: String,
    /// Title.
    pub title: String,
    /// Publication date, as given.
    pub published: Option<String>,
    /// Hash of the input it was made from.
    pub hash: String,
    /// What was done to personal data.
    pub pii: PiiReport,
    /// Its chunks, in order.
    pub chunks: Vec<NewChunk>,
}

/// Whether a document needs (re-)ingesting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentState {
    /// Not in the collection.
    New,
    /// In it with another hash.
    Changed,
    /// In it with this hash: nothing to do.
    Unchanged,
}

/// A document as listed.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DocumentInfo {
    /// File path or URL.
    pub source: String,
    /// Title.
    pub title: String,
    /// Chunks.
    pub chunks: usize,
    /// What was done to personal data.
    pub pii: PiiReport,
    /// When it was ingested (RFC 3339, UTC).
    pub ingested_at: String,
}

/// A collection's summary.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CollectionInfo {
    /// Name.
    pub name: String,
    /// PII policy.
    pub pii_policy: String,
    /// Embedding model, when vectors were made.
    pub embedder: Option<String>,
    /// Documents.
    pub documents: usize,
    /// Chunks.
    pub chunks: usize,
    /// Chunks with a vector.
    pub vectors: usize,
}

/// A stored chunk, as search returns it before ranking is final.
#[derive(Debug, Clone)]
pub(crate) struct StoredChunk {
    pub(crate) source: String,
    pub(crate) title: String,
    pub(crate) published: Option<String>,
    pub(crate) heading: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: String,
    pub(crate) hash: String,
}

/// The in-memory vector matrix: row `i` is chunk `ids[i]` of document `docs[i]`.
#[derive(Debug, Default)]
pub(crate) struct Vectors {
    pub(crate) dim: usize,
    pub(crate) ids: Vec<u64>,
    pub(crate) data: Vec<f32>,
    generation: i64,
}

impl Vectors {
    /// The `k` rows most similar to `query` (dot product of unit vectors), best first.
    pub(crate) fn top(&self, query: &[f32], k: usize) -> Vec<(u64, f32)> {
        if self.dim == 0 || query.len() != self.dim || k == 0 {
            return Vec::new();
        }
        // A bounded min-heap by score keeps the best k.
        let mut best: std::collections::BinaryHeap<std::cmp::Reverse<(OrdF32, usize)>> =
            std::collections::BinaryHeap::with_capacity(k + 1);
        for (row, v) in self.data.chunks_exact(self.dim).enumerate() {
            let s = dot(v, query);
            if best.len() < k {
                best.push(std::cmp::Reverse((OrdF32(s), row)));
            } else if best.peek().is_some_and(|m| s > m.0 .0 .0) {
                best.pop();
                best.push(std::cmp::Reverse((OrdF32(s), row)));
            }
        }
        let mut out: Vec<(u64, f32)> = best.into_iter().map(|r| (self.ids[r.0 .1], r.0 .0 .0)).collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1));
        out
    }
}

/// Dot product in eight lanes, so the compiler vectorises it.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (ca, ra) = (a.chunks_exact(8), a.chunks_exact(8).remainder());
    let cb = b.chunks_exact(8);
    let rb = cb.remainder();
    for (x, y) in ca.zip(cb) {
        for i in 0..8 {
            acc[i] += x[i] * y[i];
        }
    }
    let tail: f32 = ra.iter().zip(rb).map(|(x, y)| x * y).sum();
    acc.iter().sum::<f32>() + tail
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct OrdF32(f32);
impl Eq for OrdF32 {}
impl PartialOrd for OrdF32 {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for OrdF32 {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// One open collection. See the module documentation.
pub struct Collection {
    name: String,
    dir: PathBuf,
    db: Mutex<Connection>,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    vectors: RwLock<Vectors>,
    /// Serialises changes within this process.
    write: Mutex<()>,
}

impl std::fmt::Debug for Collection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Collection").field("name", &self.name).field("dir", &self.dir).finish_non_exhaustive()
    }
}

const SCHEMA_SQL: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    published TEXT,
    hash TEXT NOT NULL,
    pii TEXT NOT NULL,
    chunks INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    heading TEXT NOT NULL,
    start INTEGER NOT NULL,
    end_ INTEGER NOT NULL,
    text TEXT NOT NULL,
    hash TEXT NOT NULL,
    vector BLOB
);
CREATE INDEX IF NOT EXISTS chunks_document ON chunks(document);
";

impl Collection {
    /// Opens the collection in `dir`, creating it with `policy` when `create` is set.
    pub(crate) fn open(name: &str, dir: &Path, create: Option<PiiPolicy>) -> Result<Collection> {
        let exists = dir.join("meta.sqlite").exists();
        if !exists && create.is_none() {
            return Err(RetrievalError::NoSuchCollection(name.to_string()));
        }
        let io = |context: String| move |source| RetrievalError::Io { context, source };
        let sql = |source| RetrievalError::Sqlite { collection: name.to_string(), source };
        let tan = |source| RetrievalError::Index { collection: name.to_string(), source };
        std::fs::create_dir_all(dir.join("bm25")).map_err(io(format!("cannot create {}", dir.display())))?;
        let db = Connection::open(dir.join("meta.sqlite")).map_err(sql)?;
        db.busy_timeout(std::time::Duration::from_secs(10)).map_err(sql)?;
        db.execute_batch("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;").map_err(sql)?;
        db.execute_batch(SCHEMA_SQL).map_err(sql)?;
        if let Some(policy) = create {
            db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('pii_policy', ?1)", [policy.as_str()]).map_err(sql)?;
            db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('generation', '0')", []).map_err(sql)?;
        }
        let (schema, fields) = schema();
        let bm25 = dir.join("bm25");
        let index = if bm25.join("meta.json").exists() {
            Index::open_in_dir(&bm25).map_err(tan)?
        } else {
            Index::create_in_dir(&bm25, schema).map_err(tan)?
        };
        index.tokenizers().register(ANALYZER, dutch_analyzer());
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(tan)?;
        let collection = Collection {
            name: name.to_string(),
            dir: dir.to_path_buf(),
            db: Mutex::new(db),
            index,
            reader,
            fields,
            vectors: RwLock::new(Vectors { generation: -1, ..Vectors::default() }),
            write: Mutex::new(()),
        };
        collection.sync()?;
        Ok(collection)
    }

    /// Its name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn db(&self) -> MutexGuard<'_, Connection> {
        self.db.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn sql(&self) -> impl Fn(rusqlite::Error) -> RetrievalError + '_ {
        move |source| RetrievalError::Sqlite { collection: self.name.clone(), source }
    }

    fn tan(&self) -> impl Fn(tantivy::TantivyError) -> RetrievalError + '_ {
        move |source| RetrievalError::Index { collection: self.name.clone(), source }
    }

    fn meta(&self, db: &Connection, key: &str) -> Result<Option<String>> {
        db.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional().map_err(self.sql())
    }

    /// The PII policy it was created with.
    pub fn policy(&self) -> Result<PiiPolicy> {
        let db = self.db();
        let raw = self.meta(&db, "pii_policy")?.unwrap_or_default();
        PiiPolicy::parse(&raw).ok_or_else(|| RetrievalError::Invalid(format!("collection {:?} has an unknown PII policy", self.name)))
    }

    /// The embedding model its vectors were made with, and their dimensions.
    pub fn embedder(&self) -> Result<Option<(String, usize)>> {
        let db = self.db();
        let name = self.meta(&db, "embedder")?;
        let dim = self.meta(&db, "dimensions")?.and_then(|d| d.parse().ok()).unwrap_or(0);
        Ok(name.map(|n| (n, dim)))
    }

    /// Records the embedding model on first use; refuses another one later.
    pub(crate) fn check_embedder(&self, name: &str, dim: usize) -> Result<()> {
        let db = self.db();
        match self.meta(&db, "embedder")? {
            None => {
                db.execute("INSERT INTO meta (key, value) VALUES ('embedder', ?1), ('dimensions', ?2)", params![name, dim.to_string()])
                    .map_err(self.sql())?;
                Ok(())
            }
            Some(n) if n == name => Ok(()),
            Some(n) => Err(RetrievalError::Invalid(format!(
                "collection {:?} was embedded with {n}, not {name}; configure {n} or ingest into a new collection",
                self.name
            ))),
        }
    }

    fn generation(&self, db: &Connection) -> Result<i64> {
        Ok(self.meta(db, "generation")?.and_then(|g| g.parse().ok()).unwrap_or(0))
    }

    /// Brings the keyword index and the vector matrix up to the metadata store's generation:
    /// rebuilds the index after an interrupted change, reloads after another process's change.
    pub(crate) fn sync(&self) -> Result<()> {
        let generation = {
            let db = self.db();
            self.generation(&db)?
        };
        if self.vectors.read().map(|v| v.generation == generation).unwrap_or(false) {
            return Ok(());
        }
        let _w = self.write.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let payload = self.index.load_metas().map_err(self.tan())?.payload;
        if payload.as_deref() != Some(generation.to_string().as_str()) {
            self.rebuild_index(generation)?;
        }
        self.reader.reload().map_err(self.tan())?;
        self.reload_vectors(generation)
    }

    fn reload_vectors(&self, generation: i64) -> Result<()> {
        let db = self.db();
        let mut v = Vectors { generation, ..Vectors::default() };
        let mut stmt = db.prepare("SELECT id, vector FROM chunks WHERE vector IS NOT NULL ORDER BY id").map_err(self.sql())?;
        let mut rows = stmt.query([]).map_err(self.sql())?;
        while let Some(row) = rows.next().map_err(self.sql())? {
            let id: i64 = row.get(0).map_err(self.sql())?;
            let blob: Vec<u8> = row.get(1).map_err(self.sql())?;
            let dim = blob.len() / 4;
            if v.dim == 0 {
                v.dim = dim;
            }
            if dim != v.dim || dim == 0 {
                continue;
            }
            v.ids.push(u64::try_from(id).unwrap_or_default());
            v.data.extend(blob.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])));
        }
        drop(rows);
        drop(stmt);
        drop(db);
        match self.vectors.write() {
            Ok(mut guard) => *guard = v,
            Err(poisoned) => *poisoned.into_inner() = v,
        }
        Ok(())
    }

    fn writer(&self) -> Result<IndexWriter> {
        self.index.writer_with_num_threads(1, 50_000_000).map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => RetrievalError::Invalid(format!(
                "collection {:?} is being changed by another process; try again when it is done",
                self.name
            )),
            other => RetrievalError::Index { collection: self.name.clone(), source: other },
        })
    }

    fn rebuild_index(&self, generation: i64) -> Result<()> {
        let mut writer = self.writer()?;
        writer.delete_all_documents().map_err(self.tan())?;
        {
            let db = self.db();
            let mut stmt = db
                .prepare("SELECT c.id, c.document, d.title, c.heading, c.text FROM chunks c JOIN documents d ON d.id = c.document")
                .map_err(self.sql())?;
            let mut rows = stmt.query([]).map_err(self.sql())?;
            while let Some(r) = rows.next().map_err(self.sql())? {
                let (id, doc): (i64, i64) = (r.get(0).map_err(self.sql())?, r.get(1).map_err(self.sql())?);
                let (title, heading, text): (String, String, String) =
                    (r.get(2).map_err(self.sql())?, r.get(3).map_err(self.sql())?, r.get(4).map_err(self.sql())?);
                writer.add_document(self.tantivy_doc(id, doc, &title, &heading, &text)).map_err(self.tan())?;
            }
        }
        let mut prepared = writer.prepare_commit().map_err(self.tan())?;
        prepared.set_payload(&generation.to_string());
        prepared.commit().map_err(self.tan())?;
        Ok(())
    }

    fn tantivy_doc(&self, chunk: i64, document: i64, title: &str, heading: &str, text: &str) -> TantivyDocument {
        let mut d = TantivyDocument::default();
        d.add_u64(self.fields.chunk, u64::try_from(chunk).unwrap_or_default());
        d.add_u64(self.fields.document, u64::try_from(document).unwrap_or_default());
        d.add_text(self.fields.title, title);
        d.add_text(self.fields.heading, heading);
        d.add_text(self.fields.text, text);
        d
    }

    /// Documents stored under a relative local path, from before sources were canonical
    /// (see [`crate::source`]): `(id, source)`.
    pub(crate) fn legacy_sources(&self) -> Result<Vec<(i64, String)>> {
        let db = self.db();
        let mut stmt = db.prepare("SELECT id, source FROM documents").map_err(self.sql())?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))).map_err(self.sql())?;
        let all = rows.collect::<std::result::Result<Vec<_>, _>>().map_err(self.sql())?;
        Ok(all.into_iter().filter(|(_, s)| crate::source::is_legacy_relative(s)).collect())
    }

    /// Gives the document stored under a legacy relative source that names the same file as
    /// `canonical` that canonical source, so re-ingesting it neither duplicates it nor (when
    /// unchanged) redoes it. `legacy` is [`Self::legacy_sources`]; the adopted entry is taken
    /// out of it. Returns the old source when one was adopted. A legacy source matches when it
    /// names the same file from the current working directory, or else when it is the only one
    /// whose path components end `canonical`; several such (ambiguous) are left alone.
    pub(crate) fn adopt_legacy(&self, canonical: &str, legacy: &mut Vec<(i64, String)>) -> Result<Option<String>> {
        if legacy.is_empty() || crate::source::is_url(canonical) {
            return Ok(None);
        }
        let pick = match legacy.iter().position(|(_, s)| crate::source::same_from_here(s, canonical)) {
            Some(i) => Some(i),
            None => {
                let mut ends = legacy.iter().enumerate().filter(|(_, (_, s))| crate::source::ends_with(s, canonical)).map(|(i, _)| i);
                match (ends.next(), ends.next()) {
                    (Some(i), None) => Some(i),
                    _ => None,
                }
            }
        };
        let Some(i) = pick else { return Ok(None) };
        let _w = self.write.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let db = self.db();
        let taken: Option<i64> =
            db.query_row("SELECT id FROM documents WHERE source = ?1", [canonical], |r| r.get(0)).optional().map_err(self.sql())?;
        if taken.is_some() {
            return Ok(None);
        }
        let (id, old) = legacy.remove(i);
        // Search reads the source from this table (the keyword index and the vectors hold only
        // ids), so one update renames the document everywhere.
        db.execute("UPDATE documents SET source = ?1 WHERE id = ?2", params![canonical, id]).map_err(self.sql())?;
        Ok(Some(old))
    }

    /// Whether `source` with input `hash` needs ingesting.
    pub fn state(&self, source: &str, hash: &str) -> Result<DocumentState> {
        let db = self.db();
        let stored: Option<String> =
            db.query_row("SELECT hash FROM documents WHERE source = ?1", [source], |r| r.get(0)).optional().map_err(self.sql())?;
        Ok(match stored {
            None => DocumentState::New,
            Some(h) if h == hash => DocumentState::Unchanged,
            Some(_) => DocumentState::Changed,
        })
    }

    /// Stores documents, each replacing the document with the same source: one transaction,
    /// one index commit.
    pub fn put(&self, documents: &[NewDocument]) -> Result<()> {
        if documents.is_empty() {
            return Ok(());
        }
        self.sync()?;
        let _w = self.write.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let writer = self.writer()?;
        let generation;
        let mut new_docs: Vec<TantivyDocument> = Vec::new();
        let mut replaced: Vec<i64> = Vec::new();
        {
            let mut db = self.db();
            let tx = db.transaction().map_err(self.sql())?;
            let now = now_rfc3339();
            for d in documents {
                let old: Option<i64> =
                    tx.query_row("SELECT id FROM documents WHERE source = ?1", [&d.source], |r| r.get(0)).optional().map_err(self.sql())?;
                if let Some(old) = old {
                    tx.execute("DELETE FROM documents WHERE id = ?1", [old]).map_err(self.sql())?;
                    replaced.push(old);
                }
                let pii = serde_json::to_string(&d.pii).unwrap_or_else(|_| "{}".into());
                tx.execute(
                    "INSERT INTO documents (source, title, published, hash, pii, chunks, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![d.source, d.title, d.published, d.hash, pii, d.chunks.len() as i64, now],
                )
                .map_err(self.sql())?;
                let doc_id = tx.last_insert_rowid();
                let mut stmt = tx
                    .prepare_cached(
                        "INSERT INTO chunks (document, ordinal, heading, start, end_, text, hash, vector) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    )
                    .map_err(self.sql())?;
                for (i, c) in d.chunks.iter().enumerate() {
                    let blob: Option<Vec<u8>> = c.vector.as_ref().map(|v| v.iter().flat_map(|x| x.to_le_bytes()).collect());
                    stmt.execute(params![doc_id, i as i64, c.heading, c.start as i64, c.end as i64, c.text, c.hash, blob])
                        .map_err(self.sql())?;
                    let id = tx.last_insert_rowid();
                    new_docs.push(self.tantivy_doc(id, doc_id, &d.title, &c.heading, &c.text));
                }
            }
            generation = self.generation(&tx)? + 1;
            tx.execute("UPDATE meta SET value = ?1 WHERE key = 'generation'", [generation.to_string()]).map_err(self.sql())?;
            tx.commit().map_err(self.sql())?;
        }
        for old in replaced {
            writer.delete_term(Term::from_field_u64(self.fields.document, u64::try_from(old).unwrap_or_default()));
        }
        for d in new_docs {
            writer.add_document(d).map_err(self.tan())?;
        }
        self.commit(writer, generation)
    }

    fn commit(&self, mut writer: IndexWriter, generation: i64) -> Result<()> {
        let mut prepared = writer.prepare_commit().map_err(self.tan())?;
        prepared.set_payload(&generation.to_string());
        prepared.commit().map_err(self.tan())?;
        drop(writer);
        self.reader.reload().map_err(self.tan())?;
        self.reload_vectors(generation)
    }

    /// Removes a document and all its chunks (text, keyword index entries, vectors) at once;
    /// returns how many chunks went. `source` is matched by its canonical form (a relative path
    /// from the working directory works), then as given (a document stored before sources were
    /// canonical).
    pub fn remove(&self, source: &str) -> Result<usize> {
        self.sync()?;
        let _w = self.write.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let writer = self.writer()?;
        let (doc_id, chunks, generation) = {
            let mut db = self.db();
            let tx = db.transaction().map_err(self.sql())?;
            let mut doc_id: Option<i64> = None;
            for candidate in [crate::source::canonical(source), source.to_string()] {
                doc_id = tx
                    .query_row("SELECT id FROM documents WHERE source = ?1", [&candidate], |r| r.get(0))
                    .optional()
                    .map_err(self.sql())?;
                if doc_id.is_some() {
                    break;
                }
            }
            let Some(doc_id) = doc_id else {
                return Err(RetrievalError::NoSuchDocument { collection: self.name.clone(), source_name: source.to_string() });
            };
            let chunks = tx.execute("DELETE FROM chunks WHERE document = ?1", [doc_id]).map_err(self.sql())?;
            tx.execute("DELETE FROM documents WHERE id = ?1", [doc_id]).map_err(self.sql())?;
            let generation = self.generation(&tx)? + 1;
            tx.execute("UPDATE meta SET value = ?1 WHERE key = 'generation'", [generation.to_string()]).map_err(self.sql())?;
            tx.commit().map_err(self.sql())?;
            (doc_id, chunks, generation)
        };
        writer.delete_term(Term::from_field_u64(self.fields.document, u64::try_from(doc_id).unwrap_or_default()));
        self.commit(writer, generation)?;
        // Reclaim the space of the deleted text in the metadata file, so it is gone from disk.
        let db = self.db();
        let _ = db.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);");
        Ok(chunks)
    }

    /// The documents, by source.
    pub fn documents(&self) -> Result<Vec<DocumentInfo>> {
        let db = self.db();
        let mut stmt = db.prepare("SELECT source, title, chunks, pii, ingested_at FROM documents ORDER BY source").map_err(self.sql())?;
        let rows = stmt
            .query_map([], |r| {
                let pii: String = r.get(3)?;
                Ok(DocumentInfo {
                    source: r.get(0)?,
                    title: r.get(1)?,
                    chunks: usize::try_from(r.get::<_, i64>(2)?).unwrap_or_default(),
                    pii: serde_json::from_str(&pii).unwrap_or_default(),
                    ingested_at: r.get(4)?,
                })
            })
            .map_err(self.sql())?;
        rows.collect::<std::result::Result<Vec<_>, _>>().map_err(self.sql())
    }

    /// Its summary.
    pub fn info(&self) -> Result<CollectionInfo> {
        let policy = self.policy()?;
        let embedder = self.embedder()?.map(|(n, _)| n);
        let db = self.db();
        let count = |sql: &str| -> Result<usize> {
            db.query_row(sql, [], |r| r.get::<_, i64>(0)).map(|n| usize::try_from(n).unwrap_or_default()).map_err(self.sql())
        };
        Ok(CollectionInfo {
            name: self.name.clone(),
            pii_policy: policy.as_str().to_string(),
            embedder,
            documents: count("SELECT COUNT(*) FROM documents")?,
            chunks: count("SELECT COUNT(*) FROM chunks")?,
            vectors: count("SELECT COUNT(*) FROM chunks WHERE vector IS NOT NULL")?,
        })
    }

    /// Chunks the keyword index holds (for tests and checks).
    pub fn indexed_chunks(&self) -> usize {
        usize::try_from(self.reader.searcher().num_docs()).unwrap_or(usize::MAX)
    }

    /// Rows of the vector matrix (for tests and checks).
    pub fn vector_rows(&self) -> usize {
        self.vectors.read().map(|v| v.ids.len()).unwrap_or(0)
    }

    /// BM25 over title, heading and text: the best `k` chunk ids with their scores.
    pub(crate) fn bm25(&self, query: &str, k: usize) -> Result<Vec<(u64, f32)>> {
        let terms = analyse(query);
        if terms.is_empty() || k == 0 {
            return Ok(Vec::new());
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut seen = HashSet::new();
        for t in terms.iter().filter(|t| seen.insert(t.as_str())) {
            for (field, boost) in [(self.fields.text, 1.0), (self.fields.heading, 0.6), (self.fields.title, 0.3)] {
                let q = TermQuery::new(Term::from_field_text(field, t), IndexRecordOption::WithFreqs);
                clauses.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), boost))));
            }
        }
        let searcher = self.reader.searcher();
        let top = searcher.search(&BooleanQuery::new(clauses), &TopDocs::with_limit(k)).map_err(self.tan())?;
        let mut out = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let column = searcher.segment_reader(addr.segment_ord).fast_fields().u64("chunk").map_err(self.tan())?;
            if let Some(id) = column.first(addr.doc_id) {
                out.push((id, score));
            }
        }
        Ok(out)
    }

    /// The `k` nearest chunks to a unit query vector.
    pub(crate) fn nearest(&self, query: &[f32], k: usize) -> Vec<(u64, f32)> {
        self.vectors.read().map(|v| v.top(query, k)).unwrap_or_default()
    }

    /// Inverse document frequency of each analysed term, over the text field.
    pub(crate) fn idf(&self, terms: &[String]) -> Vec<f32> {
        let searcher = self.reader.searcher();
        let n = searcher.num_docs() as f32;
        terms
            .iter()
            .map(|t| {
                let df = searcher.doc_freq(&Term::from_field_text(self.fields.text, t)).unwrap_or(0) as f32;
                (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
            })
            .collect()
    }

    /// Stored chunks by id (missing ids — removed since the index was read — are left out).
    pub(crate) fn chunks(&self, ids: &[u64]) -> Result<Vec<(u64, StoredChunk)>> {
        let db = self.db();
        let mut stmt = db
            .prepare_cached(
                "SELECT d.source, d.title, d.published, c.heading, c.start, c.end_, c.text, c.hash
                 FROM chunks c JOIN documents d ON d.id = c.document WHERE c.id = ?1",
            )
            .map_err(self.sql())?;
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            let row = stmt
                .query_row([i64::try_from(id).unwrap_or(-1)], |r| {
                    Ok(StoredChunk {
                        source: r.get(0)?,
                        title: r.get(1)?,
                        published: r.get(2)?,
                        heading: r.get(3)?,
                        start: usize::try_from(r.get::<_, i64>(4)?).unwrap_or_default(),
                        end: usize::try_from(r.get::<_, i64>(5)?).unwrap_or_default(),
                        text: r.get(6)?,
                        hash: r.get(7)?,
                    })
                })
                .optional()
                .map_err(self.sql())?;
            if let Some(c) = row {
                out.push((id, c));
            }
        }
        Ok(out)
    }
}

/// Now as RFC 3339 UTC, to the second.
fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dutch_analyser_stems_plurals_and_drops_stop_words() {
        assert_eq!(analyse("vergunningen"), analyse("vergunning"));
        assert_eq!(analyse("de aanvragen van het"), analyse("aanvragen"));
        assert!(analyse("de het een van").is_empty());
    }

    #[test]
    fn top_k_by_dot_product() {
        let v = Vectors { dim: 2, ids: vec![10, 11, 12], data: vec![1.0, 0.0, 0.0, 1.0, 0.6, 0.8], generation: 0 };
        let top = v.top(&[0.0, 1.0], 2);
        assert_eq!(top.iter().map(|t| t.0).collect::<Vec<_>>(), vec![11, 12]);
        assert!(v.top(&[1.0], 2).is_empty(), "wrong dimensions give nothing");
    }

    #[test]
    fn dot_handles_remainders() {
        let a: Vec<f32> = (0..13).map(|i| i as f32).collect();
        assert_eq!(dot(&a, &a), (0..13).map(|i| (i * i) as f32).sum::<f32>());
    }

    #[test]
    fn dates_are_rfc3339() {
        let s = now_rfc3339();
        assert_eq!(s.len(), 20);
        assert!(s.starts_with("20"), "{s}");
    }
}
