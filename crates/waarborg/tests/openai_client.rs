//! `waarborg serve` with the official `openai` Python client (installed with pip into a venv
//! under the target dir, once): chat stream and non-stream, models, embeddings, errors. The real
//! embedded models from the shared test cache answer.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use common::{serve, waarborg};
use std::path::{Path, PathBuf};
use std::process::Command;

fn venv_python() -> PathBuf {
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("openai-venv");
    let python = venv.join("bin/python");
    let marker = venv.join(".installed");
    if !marker.exists() {
        let ok = Command::new("python3").args(["-m", "venv"]).arg(&venv).status().expect("python3 runs");
        assert!(ok.success(), "python3 -m venv failed (Debian: apt-get install python3-venv)");
        let ok = Command::new(&python).args(["-m", "pip", "install", "--quiet", "openai>=1.40"]).status().unwrap();
        assert!(ok.success(), "pip install openai failed");
        std::fs::write(&marker, b"").unwrap();
    }
    python
}

#[test]
fn the_official_openai_python_client_works_against_waarborg_serve() {
    let python = venv_python();
    let cache = waarborg_models::cache::shared_test_cache().expect("default models fetched");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("waarborg.toml"),
        format!("[models]\ncache_dir = {:?}\n\n[gateway.rate_limit]\nrequests_per_second = 100\nburst = 100\n", cache.dir()),
    )
    .unwrap();
    let out = waarborg(
        dir.path(),
        &["apps", "create", "--name", "wmo-assistent", "--audience", "citizens", "--purpose", "Beantwoorden van vragen van inwoners over de Wmo, zoals huishoudelijke hulp"],
    )
    .output()
    .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let app: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let key = app["api_key"].as_str().unwrap().to_owned();

    let (_server, base) = serve(dir.path());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/openai/client_check.py");
    let out = Command::new(&python).arg(script).arg(&base).arg(&key).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && stdout.contains("OK"), "stdout: {stdout}\nstderr: {}", String::from_utf8_lossy(&out.stderr));
    // Each request was audited, and the keys never reach the record in the clear.
    let out = waarborg(dir.path(), &["audit", "verify"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}
