//! Shared by the tests that run `waarborg serve` as a child process.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A running `waarborg serve`, killed when dropped.
pub struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `waarborg ARGS` with `DIR/data` as data dir and `DIR/waarborg.toml` as config, run in `DIR`,
/// untouched by the caller's environment.
pub fn waarborg(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_waarborg"));
    c.args(args)
        .arg("--data-dir")
        .arg(dir.join("data"))
        .arg("--config")
        .arg(dir.join("waarborg.toml"))
        .current_dir(dir)
        .env_remove("WAARBORG_DATABASE_URL")
        .env_remove("WAARBORG_DATA_DIR");
    c
}

/// Starts `waarborg serve` on a free port; returns it with its base URL (`http://127.0.0.1:N`).
pub fn serve(dir: &Path) -> (Server, String) {
    serve_logged(dir, None)
}

/// [`serve`], also copying the server's stderr, line by line, to `log` when given (so a test can
/// show what the server said, or check what it must never write).
pub fn serve_logged(dir: &Path, log: Option<&Path>) -> (Server, String) {
    let mut child = waarborg(dir, &["serve", "--listen", "127.0.0.1:0"]).stderr(Stdio::piped()).spawn().unwrap();
    let stderr = child.stderr.take().unwrap();
    let server = Server(child);
    let mut log = log.map(|p| std::fs::File::create(p).unwrap());
    // Drain stderr on a thread (a closed pipe must not fail the server's writes).
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(f) = log.as_mut() {
                use std::io::Write;
                let _ = writeln!(f, "{line}");
            }
            if let Some(rest) = line.split("serving the gateway on ").nth(1) {
                let _ = tx.send(rest.split_whitespace().next().unwrap_or_default().to_owned());
            }
        }
    });
    let base = rx.recv_timeout(std::time::Duration::from_secs(120)).expect("the server announces its address");
    (server, base)
}
