//! The web UI in a real browser: `waarborg serve` with three applications (citizens, citizens
//! with human review, employees) and a user per role, driven by `tests/ui/run.mjs`
//! (playwright-core with Debian's chromium, axe-core on every page). Afterwards the record must
//! not hold the BSN a citizen typed: not in the audit export, not in the sealed prompts and
//! outputs (opened with the audit key), not in any file of the data dir, not in the server's log.
//!
//! Needs `node`, `/usr/bin/chromium` and `tests/ui/node_modules`; `scripts/test` installs them.
//! Without them the test fails (never skips). Screenshots land in `target/ui-screenshots`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use common::{serve_logged, waarborg};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use waarborg_store::StoreConfig;

/// The BSN the browser test types (valid: it passes the elfproef).
const BSN: &str = "111222333";

/// How long the browser run may take before it counts as hung.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(600);

/// (name, role, environment variable suffix, password) of the users the browser signs in as.
const USERS: &[(&str, &str, &str, &str)] = &[
    ("beheer", "admin", "ADMIN", "beheer-wachtwoord-ui-test"),
    ("fg", "privacy_officer", "PRIVACY", "fg-wachtwoord-ui-test"),
    ("controle", "reviewer", "REVIEWER", "controle-wachtwoord-ui-test"),
    ("medewerker", "employee", "EMPLOYEE", "medewerker-wachtwoord-ui-test"),
];

const DOCS: &[(&str, &str)] = &[
    (
        "paspoort.md",
        "# Paspoort en identiteitskaart\n\nEen paspoort is tien jaar geldig voor volwassenen. Voor kinderen jonger dan 18 jaar \
         is een paspoort vijf jaar geldig. U vraagt een paspoort aan bij de balie Burgerzaken van de gemeente Dijkstede; neem \
         een recente pasfoto en uw oude paspoort mee.\n",
    ),
    (
        "afval.md",
        "# Afval\n\nDe groene container voor groente-, fruit- en tuinafval wordt in Dijkstede elke twee weken geleegd. Grofvuil \
         haalt de gemeente op afspraak op; een afspraak maakt u via het digitale loket.\n",
    ),
    (
        "parkeren.md",
        "# Parkeren\n\nIn de blauwe zone van Dijkstede parkeert u met een parkeerschijf maximaal twee uur gratis. Bewoners van \
         het centrum vragen een parkeervergunning aan via het digitale loket; de vergunning kost 60 euro per jaar.\n",
    ),
];

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

fn run(dir: &Path, args: &[&str]) -> String {
    let out = waarborg(dir, args).output().unwrap();
    assert!(out.status.success(), "waarborg {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn create_app(dir: &Path, name: &str, audience: &str, policy: &str) {
    let purpose = if audience == "internal" {
        "Ondersteunen van medewerkers van de gemeente Dijkstede bij het beantwoorden van vragen over paspoorten, afval en parkeren"
    } else {
        "Beantwoorden van vragen van inwoners over paspoorten, afval en parkeren in de gemeente Dijkstede"
    };
    run(
        dir,
        &[
            "apps", "create", "--name", name, "--audience", audience, "--collection", "loket", "--policy", policy, "--status",
            "in-use", "--purpose", purpose,
        ],
    );
}

fn create_user(dir: &Path, name: &str, role: &str, password: &str) {
    let mut child = waarborg(dir, &["users", "create", "--name", name, "--role", role, "--password-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "users create {name}: {}", String::from_utf8_lossy(&out.stderr));
}

/// What the browser tests need, or a message saying how to get it.
fn browser_prerequisites(root: &Path) -> PathBuf {
    let chromium = std::env::var_os("WAARBORG_UI_CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    assert!(
        chromium.exists(),
        "the browser tests need chromium at {}; run scripts/test, which installs it (Debian: apt-get install chromium)",
        chromium.display()
    );
    let node = Command::new("node").arg("--version").output();
    assert!(
        node.as_ref().is_ok_and(|o| o.status.success()),
        "the browser tests need node (20 or newer) on PATH; Debian: apt-get install nodejs npm, then run scripts/test"
    );
    let modules = root.join("tests/ui/node_modules");
    assert!(
        modules.join("playwright-core").is_dir() && modules.join("axe-core/axe.min.js").is_file(),
        "the browser tests need {}; run scripts/test, which runs `npm ci --prefix tests/ui`",
        modules.display()
    );
    chromium
}

/// Runs `node tests/ui/run.mjs` with `envs`, output to `log`; returns whether it passed and
/// what it printed.
fn run_browser_tests(root: &Path, envs: &[(String, String)], log: &Path) -> (bool, String) {
    let file = std::fs::File::create(log).unwrap();
    let mut cmd = Command::new("node");
    cmd.arg(root.join("tests/ui/run.mjs"))
        .current_dir(root.join("tests/ui"))
        .stdin(Stdio::null())
        .stdout(file.try_clone().unwrap())
        .stderr(file);
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if started.elapsed() > BROWSER_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let mut output = std::fs::read_to_string(log).unwrap_or_default();
    if status.is_none() {
        output.push_str(&format!("\n(killed: the browser tests ran longer than {} s)\n", BROWSER_TIMEOUT.as_secs()));
    }
    (status.is_some_and(|s| s.success()), output)
}

/// Whether `text` holds the BSN, also written with spaces, dots or dashes between its digits.
fn holds_bsn(text: &str) -> bool {
    let digits: String = text.chars().filter(|c| !matches!(c, ' ' | '.' | '-' | '\u{a0}')).collect();
    digits.contains(BSN)
}

/// Every file under `dir` whose bytes hold the BSN (as digits, or with spaces between groups).
fn files_holding_bsn(dir: &Path) -> Vec<PathBuf> {
    let needles: [&[u8]; 4] = [b"111222333", b"111 222 333", b"111.222.333", b"111-222-333"];
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                if needles.iter().any(|n| bytes.windows(n.len()).any(|w| w == *n)) {
                    found.push(path);
                }
            }
        }
    }
    found
}

/// Opens every sealed prompt and output of the audit trail; returns them as (seq, kind, text).
fn sealed_audit_content(data_dir: &Path) -> Vec<(i64, String, String)> {
    let settings = StoreConfig::default().resolve(data_dir, None).unwrap();
    let key = settings.audit_key.clone();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let store = waarborg_store::open(&settings).await.unwrap();
        let mut out = Vec::new();
        let mut next = 1;
        loop {
            let page = store.audit_events(next, 500).await.unwrap();
            let Some(last) = page.last().map(|e| e.seq) else { break };
            for e in &page {
                if let Some(c) = key.open(e).unwrap() {
                    out.push((e.seq, e.kind.clone(), format!("{}\n{}", c.prompt, c.output)));
                }
            }
            next = last + 1;
        }
        out
    })
}

#[test]
fn the_web_ui_works_in_a_browser_and_keeps_personal_data_out_of_the_record() {
    let root = repo_root();
    let chromium = browser_prerequisites(&root);

    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // The extractive generator: deterministic answers that quote the passages, no model files.
    std::fs::write(d.join("waarborg.toml"), "[models.generator]\nbackend = \"extractive\"\n").unwrap();
    std::fs::create_dir_all(d.join("docs")).unwrap();
    for (name, text) in DOCS {
        std::fs::write(d.join("docs").join(name), text).unwrap();
    }
    run(d, &["ingest", "--collection", "loket", "--keyword-only", "docs"]);
    create_app(d, "loket", "citizens", "default");
    create_app(d, "loket-review", "citizens", "review");
    create_app(d, "intern", "internal", "default");
    for (name, role, _, password) in USERS {
        create_user(d, name, role, password);
    }

    let server_log = d.join("server.log");
    let (server, base) = serve_logged(d, Some(&server_log));
    let shots = root.join("target/ui-screenshots");
    let _ = std::fs::remove_dir_all(&shots);
    let mut envs = vec![
        ("WAARBORG_UI_BASE".to_owned(), base.clone()),
        ("WAARBORG_UI_SCREENSHOTS".to_owned(), shots.display().to_string()),
        ("WAARBORG_UI_CHROMIUM".to_owned(), chromium.display().to_string()),
        ("WAARBORG_UI_CITIZEN_APP".to_owned(), "loket".to_owned()),
        ("WAARBORG_UI_REVIEW_APP".to_owned(), "loket-review".to_owned()),
        ("WAARBORG_UI_INTERNAL_APP".to_owned(), "intern".to_owned()),
        ("WAARBORG_UI_QUESTION".to_owned(), "Hoe lang is een paspoort geldig voor volwassenen?".to_owned()),
        ("WAARBORG_UI_EXPECT".to_owned(), "tien jaar".to_owned()),
        ("WAARBORG_UI_EXPECT_SOURCE".to_owned(), "paspoort".to_owned()),
    ];
    for (name, _, var, password) in USERS {
        envs.push((format!("WAARBORG_UI_{var}"), (*name).to_owned()));
        envs.push((format!("WAARBORG_UI_{var}_PASSWORD"), (*password).to_owned()));
    }
    let (passed, output) = run_browser_tests(&root, &envs, &d.join("browser.log"));
    drop(server);
    println!("{output}");
    if !passed {
        let log = std::fs::read_to_string(&server_log).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
        println!("--- the server's last log lines ---\n{}", tail.join("\n"));
    }
    assert!(passed, "the browser tests failed (output above; screenshots in {})", shots.display());

    // The record: the chain holds, and a citizen's BSN is nowhere in it.
    run(d, &["audit", "verify"]);
    let export = run(d, &["audit", "export"]);
    assert!(!holds_bsn(&export), "the audit export holds the BSN");
    for kind in ["\"user.login\"", "\"review.decided\"", "\"incident\"", "\"handover.created\""] {
        assert!(export.contains(kind), "the audit export has no {kind} event after the browser tests");
    }
    let sealed = sealed_audit_content(&d.join("data"));
    assert!(
        sealed.iter().any(|(_, _, text)| text.contains("Mijn BSN is") && text.contains("groene container")),
        "no sealed prompt holds the question asked with a BSN on the review app; was it audited? {} sealed events",
        sealed.len()
    );
    for (seq, kind, text) in &sealed {
        assert!(!holds_bsn(text), "the sealed content of audit event {seq} ({kind}) holds the BSN");
    }
    let files = files_holding_bsn(&d.join("data"));
    assert!(files.is_empty(), "files in the data dir hold the BSN: {files:?}");
    let log = std::fs::read_to_string(&server_log).unwrap();
    assert!(!holds_bsn(&log), "the server's log holds the BSN");
}
