//! End-to-end tests of `waarborg apps|users|audit|db` against the real binary, on the embedded
//! SQLite default and on a real PostgreSQL server (`WAARBORG_TEST_DATABASE_URL`, default
//! `postgres://postgres@127.0.0.1:5432/test`; unreachable is a failure, never a skip).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};
use tempfile::TempDir;

struct Cli {
    dir: TempDir,
    database_url: Option<String>,
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Cli {
    fn sqlite() -> Self {
        Cli { dir: tempfile::tempdir().unwrap(), database_url: None }
    }

    fn run(&self, args: &[&str], stdin: &str) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_waarborg"));
        cmd.args(["--data-dir", self.dir.path().join("data").to_str().unwrap()])
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("WAARBORG_DATA_DIR")
            .env_remove("WAARBORG_CONFIG")
            .env("WAARBORG_ACTOR", "tester")
            .env("RUST_BACKTRACE", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        match &self.database_url {
            Some(u) => cmd.env("WAARBORG_DATABASE_URL", u),
            None => cmd.env_remove("WAARBORG_DATABASE_URL"),
        };
        let mut child = cmd.spawn().unwrap();
        child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
        let Output { status, stdout, stderr } = child.wait_with_output().unwrap();
        let run = Run {
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8(stdout).unwrap(),
            stderr: String::from_utf8(stderr).unwrap(),
        };
        assert!(!run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"), "{}", run.stderr);
        run
    }

    fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args, "");
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        r.stdout
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    /// Fails with exit 1 and exactly one line on stderr, which is returned.
    fn fails(&self, args: &[&str]) -> String {
        let r = self.run(args, "");
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
        r.stderr
    }
}

const PURPOSE: &str = "beantwoorden van vragen van inwoners over de Wmo";

fn register_and_administer(cli: &Cli) {
    let created = cli.json(&[
        "apps", "create", "--name", "wmo-assistent", "--purpose", PURPOSE, "--audience", "citizens", "--policy",
        "burgers", "--collection", "wmo",
    ]);
    // The contract: JSON with the API key, shown once.
    let key = created["api_key"].as_str().unwrap();
    assert!(key.starts_with("wb_") && key.len() == 67, "{key}");
    assert_eq!(created["name"], "wmo-assistent");
    assert_eq!(created["audience"], "citizens");
    assert_eq!(created["policy"], "burgers");
    assert_eq!(created["collections"], serde_json::json!(["wmo"]));
    assert_eq!(created["purpose"], PURPOSE);

    // The key is not readable afterwards, only its prefix.
    let shown = cli.ok(&["apps", "show", "wmo-assistent"]);
    assert!(!shown.contains(key), "the key must not be shown again");
    let shown: Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(shown["api_keys"][0]["prefix"], &key[..10]);
    assert!(shown["api_keys"][0]["revoked_at"].is_null());

    // Bad input: one line, exit 1, nothing written.
    let dup = cli.fails(&["apps", "create", "--name", "wmo-assistent", "--purpose", PURPOSE, "--audience", "internal"]);
    assert!(dup.contains("already exists"), "{dup}");
    let vague = cli.fails(&["apps", "create", "--name", "x", "--purpose", "chat", "--audience", "internal"]);
    assert!(vague.contains("purpose"), "{vague}");
    assert!(cli.fails(&["apps", "show", "onbekend"]).contains("not found"));
    let usage = cli.run(&["apps", "create", "--name", "y", "--purpose", PURPOSE, "--audience", "iedereen"], "");
    assert_eq!(usage.code, 2);
    assert_eq!(cli.ok(&["apps", "list"]).lines().count(), 1);

    // A change is a new version; only the flags given change.
    let updated = cli.json(&[
        "apps", "update", "wmo-assistent", "--status", "in-use", "--audit-content", "none", "--short-description",
        "Beantwoordt vragen over de Wmo met bronnen uit de gemeentelijke regelgeving.",
    ]);
    assert_eq!(updated["version"], 2);
    assert_eq!(updated["lifecycle"], "in_use");
    assert_eq!(updated["audit_content"], "none");
    assert_eq!(updated["policy"], "burgers");
    assert!(updated["register"]["short_description"].as_str().unwrap().starts_with("Beantwoordt"));
    let long = "x".repeat(401);
    assert!(cli.fails(&["apps", "update", "wmo-assistent", "--short-description", &long]).contains("400"));
    // Nothing to change: no new version.
    assert_eq!(cli.json(&["apps", "update", "wmo-assistent", "--policy", "burgers"])["version"], 2);

    // Retiring makes a new version and revokes the key.
    let retired = cli.json(&["apps", "retire", "wmo-assistent"]);
    assert_eq!((retired["lifecycle"].as_str(), retired["version"].as_i64()), (Some("out_of_use"), Some(3)));
    let shown = cli.json(&["apps", "show", "wmo-assistent"]);
    assert!(!shown["api_keys"][0]["revoked_at"].is_null());
    assert_eq!(shown["history"].as_array().unwrap().len(), 3);

    // Users: the password comes from stdin and is never printed.
    let r = cli.run(&["users", "create", "--name", "fg", "--role", "privacy_officer", "--password-stdin"], "een heel lang wachtwoord\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("wachtwoord") && !r.stdout.contains("argon2"));
    let u = cli.json(&["users", "grant", "--name", "fg", "--role", "reviewer"]);
    assert_eq!(u["roles"], serde_json::json!(["privacy_officer", "reviewer"]));
    let bad_role = cli.fails(&["users", "grant", "--name", "fg", "--role", "baas"]);
    assert!(bad_role.contains("admin, privacy_officer, reviewer, employee"), "{bad_role}");
    let short = cli.run(&["users", "create", "--name", "kort", "--password-stdin"], "kort\n");
    assert_eq!(short.code, 1);
    assert!(short.stderr.contains("12 characters") && !short.stderr.contains("kort\n"), "{}", short.stderr);
    assert_eq!(cli.ok(&["users", "list"]).lines().count(), 1);

    // Every change is in the audit trail, which verifies.
    let verified = cli.ok(&["audit", "verify"]);
    assert!(verified.starts_with("audit chain verified: 6 events"), "{verified}");
    let export = cli.ok(&["audit", "export"]);
    let kinds: Vec<String> =
        export.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()["kind"].as_str().unwrap().to_owned()).collect();
    assert_eq!(kinds, ["app.created", "api_key.created", "app.updated", "app.retired", "user.created", "role.granted"]);
    let changed: Value = serde_json::from_str(export.lines().nth(2).unwrap()).unwrap();
    assert_eq!(changed["detail"]["changed"], serde_json::json!(["lifecycle", "audit_content", "register.short_description"]));
    assert!(!export.contains(key));
    // The export itself is recorded.
    assert!(cli.ok(&["audit", "verify"]).starts_with("audit chain verified: 7 events"));
    let migrated = cli.ok(&["db", "migrate"]);
    assert!(migrated.ends_with("database at schema version 3\n"), "{migrated}");
}

#[test]
fn sqlite_register_users_audit_and_migrate() {
    let cli = Cli::sqlite();
    register_and_administer(&cli);
    // The database and the audit key are private to their owner.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &str| std::fs::metadata(cli.dir.path().join("data").join(p)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode("keys/audit.key"), 0o600);
        assert_eq!(mode("waarborg.db"), 0o600);
    }
}

#[test]
fn tampered_audit_trail_fails_verify_naming_the_event() {
    let cli = Cli::sqlite();
    cli.json(&["apps", "create", "--name", "a", "--purpose", PURPOSE, "--audience", "internal"]);
    cli.json(&["apps", "retire", "a"]);
    assert!(cli.ok(&["audit", "verify"]).starts_with("audit chain verified: 3 events"));
    let db = rusqlite::Connection::open(cli.dir.path().join("data/waarborg.db")).unwrap();
    db.execute("UPDATE audit_events SET actor = 'iemand anders' WHERE seq = 2", []).unwrap();
    drop(db);
    let err = cli.fails(&["audit", "verify"]);
    assert!(err.starts_with("waarborg: error: audit chain broken at event 2:"), "{err}");
}

#[test]
fn postgres_via_environment_url() {
    // A database of its own, so the test sees only its own records.
    let name = format!("wbcli_{}_{}", std::process::id(), std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos());
    let base = std::env::var("WAARBORG_TEST_DATABASE_URL")
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/test".to_owned());
    let admin = |sql: &str| {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let (client, conn) = tokio_postgres::connect(&base, tokio_postgres::NoTls).await.unwrap_or_else(|e| {
                panic!("PostgreSQL is not reachable at {base} ({e}); start it, or run scripts/test, which installs and starts one")
            });
            tokio::spawn(conn);
            client.batch_execute(sql).await.unwrap();
        });
    };
    admin(&format!("CREATE DATABASE {name}"));
    let url = match base.rsplit_once('/') {
        Some((server, _)) => format!("{server}/{name}"),
        None => panic!("unexpected url {base}"),
    };
    let cli = Cli { dir: tempfile::tempdir().unwrap(), database_url: Some(url) };
    let migrated = cli.ok(&["db", "migrate"]);
    assert_eq!(migrated, "postgres database at schema version 3\n");
    register_and_administer(&cli);
    // Nothing went to a SQLite file.
    assert!(!cli.dir.path().join("data/waarborg.db").exists());
    admin(&format!("DROP DATABASE {name} WITH (FORCE)"));
}

#[test]
fn bad_store_configuration_is_one_line() {
    let cli = Cli::sqlite();
    std::fs::write(cli.dir.path().join("c.toml"), "[store]\nbackend = \"mysql\"\n").unwrap();
    let err = cli.fails(&["--config", "c.toml", "apps", "list"]);
    assert!(err.contains("\"sqlite\" or \"postgres\""), "{err}");
    let mut bad = Cli::sqlite();
    bad.database_url = Some("postgres://nobody@127.0.0.1:1/none".into());
    let err = bad.fails(&["apps", "list"]);
    assert!(err.starts_with("waarborg: error: cannot open the store"), "{err}");
}
