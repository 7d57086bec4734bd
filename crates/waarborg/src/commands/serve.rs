//! `waarborg serve`: opens the store, builds the models from `[models]`, registers their
//! versions, and serves the gateway (`waarborg-gateway`) until Ctrl-C.

use crate::config::FileConfig;
use anyhow::Context;
use clap::Args;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use waarborg_gateway::{Gateway, GatewayParts, Retriever, Signer25519};
use waarborg_models::Passage;
use waarborg_retrieval::{Collections, SearchMode};

/// The gateway's retrieve stage over the collections under the data dir (`waarborg ingest`).
struct CollectionsRetriever {
    collections: Collections,
    mode: SearchMode,
}

#[async_trait::async_trait]
impl Retriever for CollectionsRetriever {
    async fn retrieve(&self, collections: &[String], query: &str, limit: usize) -> anyhow::Result<Vec<Passage>> {
        let hits = self.collections.search(collections, query, limit, self.mode).await?;
        Ok(hits.into_iter().map(Into::into).collect())
    }
}

/// `waarborg serve` arguments.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// Address to listen on (default: `[gateway] listen`, else 127.0.0.1:8080). Port 0 picks a
    /// free port; the address is printed on stderr.
    #[arg(long)]
    pub(crate) listen: Option<String>,
}

pub(crate) fn run(args: ServeArgs, data_dir: &Path, config: FileConfig) -> anyhow::Result<ExitCode> {
    let settings = config.gateway.resolve()?;
    let listen = args.listen.or_else(|| config.gateway.listen.clone()).unwrap_or_else(|| "127.0.0.1:8080".to_owned());
    let store_settings = config
        .store
        .resolve(data_dir, std::env::var("WAARBORG_DATABASE_URL").ok())
        .context("invalid [store] configuration")?;
    let cache = config.models.cache(data_dir);
    let generator = config.models.build_generator(&cache).context("cannot load the generator ([models.generator])")?;
    let embedder = match config.models.build_embedder(&cache) {
        Ok(e) => Some(e),
        Err(e) => {
            eprintln!("waarborg: no embedder ({e}); /v1/embeddings answers 404 and purpose binding uses keywords only");
            None
        }
    };
    let retrieval = config.retrieval.settings().context("invalid [retrieval] configuration")?;
    // Hybrid search when there is an embedder; keyword search alone otherwise.
    let mode = if embedder.is_some() { SearchMode::Hybrid } else { SearchMode::Bm25 };
    let retriever: Arc<dyn Retriever> = Arc::new(CollectionsRetriever {
        collections: Collections::open(data_dir, embedder.clone())
            .context("cannot open the retrieval collections")?
            .with_vector_weight(retrieval.vector_weight),
        mode,
    });
    let pii = Arc::new(waarborg_pii::Engine::new(config.pii).context("invalid [pii] configuration")?);
    let signer = Signer25519::load_or_create(&data_dir.join("keys").join("provenance.ed25519"))?;
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("cannot start the runtime")?;
    rt.block_on(async move {
        let store = waarborg_store::open(&store_settings).await.context("cannot open the store")?;
        let mut infos = vec![generator.info().clone()];
        if let Some(e) = &embedder {
            infos.push(e.info().clone());
        }
        let model_versions = waarborg_gateway::register_model_versions(&*store, &infos).await?;
        // An application naming a policy that is not configured runs under `default`; say so
        // (a typo in `review` would otherwise skip human review silently).
        for app in store.list_apps().await.unwrap_or_default() {
            if !settings.policies.contains_key(&app.spec.policy) {
                eprintln!(
                    "waarborg: warning: application '{}' names policy '{}', which is not configured ([gateway.policies]); it runs under 'default'",
                    app.spec.name, app.spec.policy
                );
            }
        }
        let gateway = Gateway::new(GatewayParts {
            settings,
            store,
            pii,
            generator,
            embedder,
            retriever: Some(retriever),
            signer,
            model_versions,
        });
        let listener = tokio::net::TcpListener::bind(&listen).await.with_context(|| format!("cannot listen on {listen}"))?;
        let addr = listener.local_addr()?;
        eprintln!("waarborg: serving the gateway on http://{addr} (provenance key {})", gateway.signer().key_id());
        eprintln!("waarborg: web UI at http://{addr}/ — OpenAI-compatible API at http://{addr}/v1");
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        waarborg_gateway::serve(listener, gateway.router(), shutdown).await.context("the server failed")?;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
