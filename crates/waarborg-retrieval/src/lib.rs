/*!
`waarborg-retrieval`: the organisation's own documents as searchable, citable collections.

It owns document parsing ([`parse`]), normalisation of messy text ([`normalise`]), chunking
([`chunk`]), personal-data handling before indexing ([`policy`]), collections on disk
([`collection`]) and hybrid search ([`search`]): BM25 with a Dutch analyser (tantivy) and dense
vectors from any [`Embedder`], fused by normalised scores ([`Fusion`]). It does not generate text; [`cite`]
only writes the grounded prompt and reads citations back, for the caller's generator.

Shape of the API the gateway and the CLI use:

```no_run
# async fn demo(data_dir: &std::path::Path, embedder: std::sync::Arc<dyn waarborg_models::Embedder>) -> waarborg_retrieval::Result<()> {
use waarborg_retrieval::{Collections, SearchMode};
let collections = Collections::open(data_dir, Some(embedder))?;
let hits = collections.search(&["beleid".to_string()], "Hoe vraag ik een parkeervergunning aan?", 5, SearchMode::Hybrid).await?;
let passages: Vec<waarborg_models::Passage> = hits.into_iter().map(Into::into).collect();
# let _ = passages; Ok(()) }
```

Why this shape: SQLite is the single source of truth per collection (documents, chunks, vectors),
so removing a document is one transaction — the rights module relies on it — and the keyword
index and vector matrix are derived views that are rebuilt or reloaded when they lag (see
[`collection`]). Brute-force cosine over a contiguous `f32` matrix is exact and fast enough at
the scale of one organisation's documents (100,000 chunks: see docs/benchmarks.md), with no
approximate index to tune or corrupt.
*/

pub mod answer;
pub mod chunk;
pub mod cite;
pub mod collection;
mod config;
mod error;
pub mod normalise;
pub mod parse;
pub mod policy;
pub mod search;
pub mod source;

pub use chunk::{Chunk, ChunkOptions};
pub use collection::{Collection, CollectionInfo, DocumentInfo, DocumentState, NewChunk, NewDocument};
pub use config::{RetrievalConfig, RetrievalSettings};
pub use error::{RetrievalError, Result};
pub use parse::RawDocument;
pub use policy::{PiiHandler, PiiPolicy, PiiReport};
pub use search::{Filter, Fusion, Hit, SearchMode};

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use waarborg_models::Embedder;

/// All collections under `<data-dir>/collections/`, opened on first use and kept open.
pub struct Collections {
    root: PathBuf,
    embedder: Option<Arc<dyn Embedder>>,
    open: Mutex<HashMap<String, Arc<Collection>>>,
    vector_weight: f32,
    fusion: Fusion,
}

impl std::fmt::Debug for Collections {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Collections").field("root", &self.root).field("embedder", &self.embedder.as_ref().map(|e| e.info().name.clone())).finish()
    }
}

/// Checks a collection name: 1-64 of `a-z 0-9 - _`.
pub fn valid_name(name: &str) -> Result<()> {
    let ok = (1..=64).contains(&name.len())
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(RetrievalError::InvalidName(name.to_string()))
    }
}

/// What ingesting one document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// It was new.
    Added,
    /// It replaced an older version.
    Updated,
    /// It was already there unchanged; nothing was done.
    Unchanged,
}

/// The result for one document.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DocumentOutcome {
    /// Canonical source: absolute file path or URL.
    pub source: String,
    /// What happened.
    pub outcome: Outcome,
    /// Chunks stored (0 when unchanged).
    pub chunks: usize,
    /// What was done to personal data (empty when unchanged).
    pub pii: PiiReport,
}

impl Collections {
    /// The collections under `data_dir`; `embedder` makes and queries the vectors (without one,
    /// collections are keyword-only).
    pub fn open(data_dir: &Path, embedder: Option<Arc<dyn Embedder>>) -> Result<Self> {
        Ok(Collections { root: data_dir.join("collections"), embedder, open: Mutex::new(HashMap::new()),
            vector_weight: DEFAULT_VECTOR_WEIGHT,
            fusion: Fusion::default(),
        })
    }

    /// Sets the weight of the vector ranking against BM25's (1.0) in hybrid fusion.
    #[must_use]
    pub fn with_vector_weight(mut self, weight: f32) -> Self {
        self.vector_weight = weight.max(0.0);
        self
    }

    /// Sets how hybrid search fuses the two rankings (default [`Fusion::Scores`]).
    #[must_use]
    pub fn with_fusion(mut self, fusion: Fusion) -> Self {
        self.fusion = fusion;
        self
    }

    /// The embedder, if any.
    pub fn embedder(&self) -> Option<&Arc<dyn Embedder>> {
        self.embedder.as_ref()
    }

    /// An existing collection.
    pub fn get(&self, name: &str) -> Result<Arc<Collection>> {
        self.get_or_create(name, None)
    }

    /// A collection, created with `policy` if it does not exist; an existing one must have
    /// been created with the same policy.
    pub fn create(&self, name: &str, policy: PiiPolicy) -> Result<Arc<Collection>> {
        let c = self.get_or_create(name, Some(policy))?;
        let has = c.policy()?;
        if has != policy {
            return Err(RetrievalError::Invalid(format!(
                "collection {name:?} has PII policy {}, not {}; a collection keeps one policy (ingest into a new collection)",
                has.as_str(),
                policy.as_str()
            )));
        }
        Ok(c)
    }

    fn get_or_create(&self, name: &str, create: Option<PiiPolicy>) -> Result<Arc<Collection>> {
        valid_name(name)?;
        let mut open = self.open.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(c) = open.get(name) {
            return Ok(Arc::clone(c));
        }
        let c = Arc::new(Collection::open(name, &self.root.join(name), create)?);
        open.insert(name.to_string(), Arc::clone(&c));
        Ok(c)
    }

    /// The names of all collections, sorted.
    pub fn names(&self) -> Result<Vec<String>> {
        let mut names = Vec::new();
        let entries = match std::fs::read_dir(&self.root) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(names),
            Err(source) => return Err(RetrievalError::Io { context: format!("cannot read {}", self.root.display()), source }),
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if valid_name(&name).is_ok() && entry.path().join("meta.sqlite").exists() {
                names.push(name);
            }
        }
        names.sort();
        Ok(names)
    }

    /// Removes one document (all its chunks, keyword entries and vectors) from a collection;
    /// returns the number of chunks removed.
    pub async fn remove(&self, collection: &str, source: &str) -> Result<usize> {
        let c = self.get(collection)?;
        let source = source.to_string();
        blocking(move || c.remove(&source)).await
    }

    /// An ingestor for `collection` (created with `policy` if new).
    pub fn ingestor(&self, collection: &str, policy: PiiPolicy, pii: Arc<PiiHandler>, chunking: ChunkOptions) -> Result<Ingestor> {
        let c = self.create(collection, policy)?;
        Ok(Ingestor { collection: c, policy, pii, embedder: self.embedder.clone(), chunking })
    }

    /// Searches `collections` (all of them when empty) for `query`; the best `limit` hits.
    pub async fn search(&self, collections: &[String], query: &str, limit: usize, mode: SearchMode) -> Result<Vec<Hit>> {
        self.search_filtered(collections, query, limit, mode, &Filter::default()).await
    }

    /// [`Self::search`] with metadata filters.
    pub async fn search_filtered(
        &self,
        collections: &[String],
        query: &str,
        limit: usize,
        mode: SearchMode,
        filter: &Filter,
    ) -> Result<Vec<Hit>> {
        let names = if collections.is_empty() { self.names()? } else { collections.to_vec() };
        let opened: Vec<Arc<Collection>> = names.iter().map(|n| self.get(n)).collect::<Result<_>>()?;
        let query_vector = match (mode, &self.embedder) {
            (SearchMode::Bm25, _) => None,
            (SearchMode::Vectors, None) => {
                return Err(RetrievalError::Invalid(
                    "vector search needs an embedder; run `waarborg models fetch-default` or configure [models.embedder]".into(),
                ))
            }
            (_, Some(e)) => Some(e.embed_query(query).await?),
            (SearchMode::Hybrid, None) => None,
        };
        let query = query.to_string();
        let filter = filter.clone();
        let (weight, fusion) = (self.vector_weight, self.fusion);
        blocking(move || {
            let mut hits = Vec::new();
            for c in &opened {
                hits.extend(search_one(c, &query, query_vector.as_deref(), limit, mode, &filter, fusion, weight)?);
            }
            hits.sort_by(|a, b| b.score.total_cmp(&a.score));
            hits.truncate(limit);
            Ok(hits)
        })
        .await
    }
}

/// The weight of the vector side in hybrid fusion (BM25 has 1.0), for the default
/// [`Fusion::Scores`]: chosen on the odd-numbered questions of the evaluation set with
/// multilingual-e5-small and checked on the even-numbered ones (docs/benchmarks.md). A strong
/// multilingual embedder should lead; BM25 still lifts exact-term matches.
pub const DEFAULT_VECTOR_WEIGHT: f32 = 2.0;

/// Searches one collection (synchronously); hybrid search fuses the two rankings by `fusion`,
/// weighing the vector side by `vector_weight` against BM25's 1.0.
#[allow(clippy::too_many_arguments)]
pub fn search_one(
    c: &Collection,
    query: &str,
    vector: Option<&[f32]>,
    limit: usize,
    mode: SearchMode,
    filter: &Filter,
    fusion: Fusion,
    vector_weight: f32,
) -> Result<Vec<Hit>> {
    c.sync()?;
    if limit == 0 {
        return Ok(Vec::new());
    }
    let k = if filter.is_empty() { (limit * 4).max(40) } else { (limit * 20).max(400) };
    let bm25 = if mode == SearchMode::Vectors { Vec::new() } else { c.bm25(query, k)? };
    let dense = match (mode, vector) {
        (SearchMode::Bm25, _) | (_, None) => Vec::new(),
        (_, Some(v)) => c.nearest(v, k),
    };
    let ranked: Vec<(u64, f32)> = match mode {
        SearchMode::Bm25 => bm25.clone(),
        SearchMode::Vectors => dense.clone(),
        SearchMode::Hybrid if dense.is_empty() => bm25.clone(),
        SearchMode::Hybrid => fusion.fuse(&bm25, &dense, vector_weight),
    };
    let bm25_of: HashMap<u64, f32> = bm25.iter().copied().collect();
    let cos_of: HashMap<u64, f32> = dense.iter().copied().collect();
    let terms: Vec<String> = {
        let mut seen = HashSet::new();
        collection::analyse(query).into_iter().filter(|t| seen.insert(t.clone())).collect()
    };
    let idf = c.idf(&terms);
    let canonical_prefix = filter.canonical_prefix();
    let total: f32 = idf.iter().sum();
    let mut hits = Vec::with_capacity(limit);
    for batch in ranked.chunks(limit.max(8)) {
        let ids: Vec<u64> = batch.iter().map(|(id, _)| *id).collect();
        let stored = c.chunks(&ids)?;
        let score_of: HashMap<u64, f32> = batch.iter().copied().collect();
        for (id, s) in stored {
            if !filter.accepts(&s.source, s.published.as_deref(), canonical_prefix.as_deref()) {
                continue;
            }
            let words: HashSet<String> = collection::analyse(&format!("{} {} {}", s.title, s.heading, s.text)).into_iter().collect();
            let matched: f32 = terms.iter().zip(&idf).filter(|(t, _)| words.contains(*t)).map(|(_, w)| w).sum();
            hits.push(Hit {
                collection: c.name().to_string(),
                source: s.source,
                title: s.title,
                heading: s.heading,
                text: s.text,
                start: s.start,
                end: s.end,
                published: s.published,
                score: score_of.get(&id).copied().unwrap_or(0.0),
                bm25: bm25_of.get(&id).copied(),
                cosine: cos_of.get(&id).copied(),
                coverage: if total > 0.0 { matched / total } else { 0.0 },
                chunk_hash: s.hash,
            });
            if hits.len() == limit {
                return Ok(hits);
            }
        }
    }
    Ok(hits)
}

/// Runs blocking work off the async runtime.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    tokio::task::spawn_blocking(f).await.map_err(|e| RetrievalError::Task(e.to_string()))?
}

/// Ingests documents into one collection: identifies each by its canonical source
/// ([`source::canonical`]: absolute path or URL), skips unchanged ones, normalises, applies the
/// PII policy, chunks, embeds, stores. Build with [`Collections::ingestor`].
pub struct Ingestor {
    collection: Arc<Collection>,
    policy: PiiPolicy,
    pii: Arc<PiiHandler>,
    embedder: Option<Arc<dyn Embedder>>,
    chunking: ChunkOptions,
}

impl std::fmt::Debug for Ingestor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ingestor").field("collection", &self.collection.name()).field("policy", &self.policy).finish_non_exhaustive()
    }
}

impl Ingestor {
    /// The collection.
    pub fn collection(&self) -> &Arc<Collection> {
        &self.collection
    }

    /// Ingests `docs` as one change (one transaction, one index commit).
    pub async fn ingest(&self, docs: Vec<RawDocument>) -> Result<Vec<DocumentOutcome>> {
        let collection = Arc::clone(&self.collection);
        let pii = Arc::clone(&self.pii);
        let (policy, chunking) = (self.policy, self.chunking);
        // Decide and prepare (CPU: normalise, PII, chunk) off the runtime.
        let prepared = blocking(move || {
            let mut out = Vec::with_capacity(docs.len());
            let mut legacy = collection.legacy_sources()?;
            for mut doc in docs {
                // One identity per file, whatever the working directory (see `source`).
                doc.source = source::canonical(&doc.source);
                collection.adopt_legacy(&doc.source, &mut legacy)?;
                let state = collection.state(&doc.source, &doc.hash)?;
                if state == DocumentState::Unchanged {
                    out.push((state, None, doc.source));
                    continue;
                }
                let source = doc.source.clone();
                out.push((state, Some(prepare(doc, policy, &pii, chunking)), source));
            }
            Ok(out)
        })
        .await?;
        let mut to_store: Vec<NewDocument> = Vec::new();
        let mut outcomes = Vec::with_capacity(prepared.len());
        for (state, doc, source) in prepared {
            let Some(mut doc) = doc else {
                outcomes.push(DocumentOutcome { source, outcome: Outcome::Unchanged, chunks: 0, pii: PiiReport::default() });
                continue;
            };
            outcomes.push(DocumentOutcome {
                source,
                outcome: if state == DocumentState::New { Outcome::Added } else { Outcome::Updated },
                chunks: doc.chunks.len(),
                pii: doc.pii.clone(),
            });
            if let Some(e) = &self.embedder {
                let texts: Vec<String> = doc.chunks.iter().map(|c| embedding_text(&doc.title, &c.heading, &c.text)).collect();
                if !texts.is_empty() {
                    let vectors = e.embed(&texts).await?;
                    for (c, v) in doc.chunks.iter_mut().zip(vectors) {
                        c.vector = Some(v);
                    }
                }
            }
            to_store.push(doc);
        }
        if !to_store.is_empty() {
            if let Some(e) = &self.embedder {
                self.collection.check_embedder(&e.info().name, e.dimensions())?;
            }
            let collection = Arc::clone(&self.collection);
            blocking(move || collection.put(&to_store)).await?;
        }
        Ok(outcomes)
    }
}

/// What the embedder sees of a chunk: its title and heading give it context.
pub fn embedding_text(title: &str, heading: &str, text: &str) -> String {
    if heading.is_empty() {
        format!("{title}\n{text}")
    } else {
        format!("{title} — {heading}\n{text}")
    }
}

/// Normalises, applies the PII policy and chunks one document.
pub fn prepare(doc: RawDocument, policy: PiiPolicy, pii: &PiiHandler, chunking: ChunkOptions) -> NewDocument {
    let normalised = normalise::normalise(&normalise::attach_bare_urls(&doc.text));
    let (clean, report) = pii.apply_normalised(policy, &normalised);
    // The title may name a person too.
    let (title, _) = pii.apply(policy, &doc.title);
    let chunks = chunk::chunk(&clean, chunking)
        .into_iter()
        .map(|c| NewChunk { heading: c.heading, start: c.start, end: c.end, text: c.text, hash: c.hash, vector: None })
        .collect();
    NewDocument { source: doc.source, title, published: doc.published, hash: doc.hash, pii: report, chunks }
}
