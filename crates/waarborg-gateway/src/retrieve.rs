//! Retrieval as the gateway sees it: one small trait. The retrieval crate implements it; the
//! gateway ships a simple in-memory implementation for tests and demos.

use std::collections::HashMap;
use waarborg_models::Passage;

/// Finds passages in an application's collections.
#[async_trait::async_trait]
pub trait Retriever: Send + Sync {
    /// The best `limit` passages for `query` from `collections`, best first.
    async fn retrieve(&self, collections: &[String], query: &str, limit: usize) -> anyhow::Result<Vec<waarborg_models::Passage>>;
}

/// Passages held in memory per collection, ranked by shared words (tests, demos).
#[derive(Debug, Default, Clone)]
pub struct MemoryRetriever {
    collections: HashMap<String, Vec<Passage>>,
}

impl MemoryRetriever {
    /// Empty.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a passage to a collection.
    #[must_use]
    pub fn with(mut self, collection: &str, passage: Passage) -> Self {
        self.collections.entry(collection.to_owned()).or_default().push(passage);
        self
    }
}

fn words(t: &str) -> std::collections::HashSet<String> {
    t.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2).map(str::to_lowercase).collect()
}

#[async_trait::async_trait]
impl Retriever for MemoryRetriever {
    async fn retrieve(&self, collections: &[String], query: &str, limit: usize) -> anyhow::Result<Vec<Passage>> {
        let q = words(query);
        let mut scored: Vec<Passage> = collections
            .iter()
            .filter_map(|c| self.collections.get(c))
            .flatten()
            .filter_map(|p| {
                let n = words(&p.text).intersection(&q).count();
                (n > 0).then(|| Passage { score: n as f32, ..p.clone() })
            })
            .collect();
        scored.sort_by(|a, b| b.score.total_cmp(&a.score));
        scored.truncate(limit);
        Ok(scored)
    }
}
