//! End-to-end tests of `waarborg pii scan` and `waarborg pii redact` against the real binary:
//! the JSON Lines contract of DESIGN.md (fields, order, char vs byte offsets, pass-through),
//! invalid records (reported by line number, never by content; exit 65), every operator, keyed
//! pseudonyms across runs, the configuration file, and the exit status of each kind of failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use tempfile::TempDir;

/// A valid BSN (11-proef holds).
const BSN: &str = "123456782";
/// A second valid BSN.
const BSN2: &str = "111222333";
/// A valid Dutch IBAN (mod-97 holds).
const IBAN: &str = "NL91ABNA0417164300";

/// The binary, run in a fresh working directory with no inherited Waarborg settings, with
/// backtraces switched on so that a panic would show in stderr.
struct Waarborg {
    dir: TempDir,
}

impl Waarborg {
    fn new() -> Self {
        Waarborg {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, contents).unwrap();
        path
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_waarborg"));
        cmd.args(args)
            .current_dir(self.dir.path())
            .env_remove("WAARBORG_DATA_DIR")
            .env_remove("WAARBORG_CONFIG")
            .env("RUST_BACKTRACE", "1");
        cmd
    }

    /// Runs with `stdin` as standard input.
    fn run(&self, args: &[&str], stdin: impl AsRef<[u8]>) -> Run {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut pipe = child.stdin.take().unwrap();
        pipe.write_all(stdin.as_ref()).unwrap();
        drop(pipe);
        Run(child.wait_with_output().unwrap())
    }
}

struct Run(Output);

impl Run {
    fn code(&self) -> i32 {
        self.0.status.code().expect("exited normally, not by a signal")
    }

    fn stdout(&self) -> String {
        String::from_utf8(self.0.stdout.clone()).expect("stdout is UTF-8")
    }

    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }

    /// stdout as JSON Lines.
    fn lines(&self) -> Vec<Value> {
        parse_lines(&self.stdout())
    }

    /// The only output line.
    fn single(&self) -> Value {
        let lines = self.lines();
        assert_eq!(lines.len(), 1, "stdout: {}", self.stdout());
        lines.into_iter().next().unwrap()
    }

    fn assert_ok(&self) -> &Self {
        assert_eq!(self.code(), 0, "stderr: {}", self.stderr());
        self
    }

    /// Exit `code`, exactly one line on stderr, and no panic or backtrace.
    fn assert_one_line_error(&self, code: i32) -> String {
        let err = self.stderr();
        assert_eq!(self.code(), code, "stderr: {err}");
        assert_no_panic(&err);
        let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), 1, "one line expected on stderr, got: {err}");
        lines[0].to_string()
    }
}

fn parse_lines(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn assert_no_panic(stderr: &str) {
    for marker in ["panicked", "stack backtrace", "RUST_BACKTRACE"] {
        assert!(!stderr.contains(marker), "stderr shows a panic: {stderr}");
    }
}

fn jsonl(records: &[Value]) -> String {
    records.iter().map(|r| format!("{r}\n")).collect()
}

/// The spans of one output line.
fn spans(line: &Value) -> &Vec<Value> {
    line["spans"].as_array().expect("spans is an array")
}

fn types(line: &Value) -> Vec<String> {
    spans(line)
        .iter()
        .map(|s| s["type"].as_str().unwrap().to_string())
        .collect()
}

fn span_of<'a>(line: &'a Value, t: &str) -> &'a Value {
    spans(line)
        .iter()
        .find(|s| s["type"] == t)
        .unwrap_or_else(|| panic!("no {t} span in {line}"))
}

fn usize_of(v: &Value) -> usize {
    usize::try_from(v.as_u64().expect("an unsigned integer")).unwrap()
}

/// The text a span covers, by its char offsets and by its byte offsets; both must agree.
fn covered(text: &str, span: &Value) -> String {
    let (start, end) = (usize_of(&span["start"]), usize_of(&span["end"]));
    let (bs, be) = (usize_of(&span["byte_start"]), usize_of(&span["byte_end"]));
    let by_chars: String = text.chars().skip(start).take(end - start).collect();
    let by_bytes = text.get(bs..be).expect("byte offsets on char boundaries");
    assert_eq!(by_chars, by_bytes, "char and byte offsets disagree: {span}");
    by_chars
}

// ---------------------------------------------------------------------------------------------
// scan: the output contract
// ---------------------------------------------------------------------------------------------

#[test]
fn scan_gives_one_line_per_record_in_input_order_with_contract_fields() {
    let w = Waarborg::new();
    let input = jsonl(&[
        serde_json::json!({"id": "z-last-alphabetically", "text": format!("Mijn BSN is {BSN}.")}),
        serde_json::json!({"id": "a", "text": "Niets persoonlijks hier."}),
        serde_json::json!({"id": "m", "text": "Mail j.devries@utrecht.nl of bel 06-12345678."}),
    ]);
    let run = w.run(&["pii", "scan"], input);
    run.assert_ok();
    let lines = run.lines();
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["z-last-alphabetically", "a", "m"]);

    for line in &lines {
        assert!(line["categories"].is_array(), "{line}");
        for span in spans(line) {
            let mut keys: Vec<&str> = span.as_object().unwrap().keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(
                keys,
                [
                    "byte_end",
                    "byte_start",
                    "detector",
                    "end",
                    "score",
                    "start",
                    "type"
                ],
                "{span}"
            );
            let score = span["score"].as_f64().unwrap();
            assert!(score > 0.0 && score <= 1.0, "{span}");
            assert!(!span["detector"].as_str().unwrap().is_empty(), "{span}");
        }
    }
    let bsn = span_of(&lines[0], "BSN");
    assert_eq!((bsn["start"].as_u64(), bsn["end"].as_u64()), (Some(12), Some(21)));
    assert!(spans(&lines[1]).is_empty(), "{}", lines[1]);
    assert_eq!(types(&lines[2]), ["EMAIL", "PHONE"]);
    assert_eq!(
        covered(
            "Mail j.devries@utrecht.nl of bel 06-12345678.",
            &spans(&lines[2])[0]
        ),
        "j.devries@utrecht.nl"
    );
}

#[test]
fn char_offsets_count_scalar_values_and_byte_offsets_count_utf8_bytes() {
    let w = Waarborg::new();
    // É, é, ë are two bytes each; the emoji is four bytes, one scalar value (two UTF-16 units).
    let text = format!("Één cliënt 😀 met BSN {BSN} mailt naar zoë@voorbeeld.nl");
    let run = w.run(
        &["pii", "scan"],
        jsonl(&[serde_json::json!({"id": "u", "text": text})]),
    );
    run.assert_ok();
    let line = run.single();
    let bsn = span_of(&line, "BSN");
    assert_eq!(covered(&text, bsn), BSN);
    let char_start = text.find(BSN).map(|b| text[..b].chars().count()).unwrap();
    assert_eq!(usize_of(&bsn["start"]), char_start);
    assert_eq!(usize_of(&bsn["end"]), char_start + 9);
    assert_eq!(usize_of(&bsn["byte_start"]), text.find(BSN).unwrap());
    // 3 two-byte letters and a four-byte emoji before it: 3 + 3 extra bytes.
    assert_eq!(usize_of(&bsn["byte_start"]) - usize_of(&bsn["start"]), 6);
    // Every span, whatever else was found, must cover the same text by chars and by bytes.
    for span in spans(&line) {
        covered(&text, span);
    }
}

#[test]
fn other_input_fields_pass_through_and_input_spans_do_not() {
    let w = Waarborg::new();
    let input = jsonl(&[serde_json::json!({
        "id": "doc-1",
        "text": format!("BSN {BSN}"),
        "source": "intake.pdf",
        "meta": {"page": 3, "tags": ["a", "b"]},
        "weight": 0.5,
        "reviewed": null,
        "spans": [{"type": "PERSON", "start": 0, "end": 3}],
    })]);
    let line = w.run(&["pii", "scan"], &input).assert_ok().lines().remove(0);
    assert_eq!(line["source"], "intake.pdf");
    assert_eq!(line["meta"], serde_json::json!({"page": 3, "tags": ["a", "b"]}));
    assert_eq!(line["weight"], 0.5);
    assert!(line.as_object().unwrap().contains_key("reviewed"));
    assert_eq!(types(&line), ["BSN"], "our spans, not the input's");

    let redacted = w.run(&["pii", "redact"], &input).assert_ok().lines().remove(0);
    assert_eq!(redacted["source"], "intake.pdf");
    assert_eq!(redacted["text"], "BSN [BSN]");
}

#[test]
fn checksum_failures_and_non_birth_dates_are_not_reported() {
    let w = Waarborg::new();
    let cases = [
        // 11-proef fails (…789 instead of …782).
        ("bsn", "Mijn BSN is 123456789.", "BSN"),
        // mod-97 fails (check digits 92 instead of 91).
        ("iban", "Rekening NL92ABNA0417164300 graag.", "IBAN"),
        // Luhn fails (last digit changed).
        ("card", "Kaart 4111 1111 1111 1112 verlopen.", "PAYMENT_CARD"),
        // A date without birth context is not a date of birth.
        (
            "date",
            "De vergadering was op 12-03-1985 in Utrecht.",
            "DATE_OF_BIRTH",
        ),
        // A service number is no personal phone number.
        ("service", "Bel gratis 0800-1234567.", "PHONE"),
    ];
    let input = jsonl(
        &cases
            .iter()
            .map(|(id, text, _)| serde_json::json!({"id": id, "text": text}))
            .collect::<Vec<_>>(),
    );
    let run = w.run(&["pii", "scan"], input);
    run.assert_ok();
    let lines = run.lines();
    assert_eq!(lines.len(), cases.len());
    for ((id, text, t), line) in cases.iter().zip(&lines) {
        assert_eq!(line["id"], *id);
        assert!(!types(line).iter().any(|x| x == t), "{text}: {line}");
    }
    // And the positives next to them are found, so the negatives above are not vacuous.
    let positives = w
        .run(
            &[
                "pii",
                "scan",
                "--text",
                "BSN 123456782, IBAN NL91ABNA0417164300, kaart 4111 1111 1111 1111, geboren op 12-03-1985",
            ],
            "",
        )
        .assert_ok()
        .single();
    assert_eq!(
        types(&positives),
        ["BSN", "IBAN", "PAYMENT_CARD", "DATE_OF_BIRTH"]
    );
}

// ---------------------------------------------------------------------------------------------
// invalid records
// ---------------------------------------------------------------------------------------------

/// Eleven lines: valid ones at 1, 7 and 11, a blank line at 9, and every kind of invalid line,
/// most of them carrying personal data that must not reach stderr.
fn mixed_input() -> Vec<u8> {
    let mut input = Vec::new();
    let mut line = |bytes: &[u8]| {
        input.extend_from_slice(bytes);
        input.push(b'\n');
    };
    line(format!(r#"{{"id":"first","text":"BSN {BSN}"}}"#).as_bytes()); // 1
    line(format!(r#"{{"id":"broken","text":"BSN {BSN2} mail piet.jansen@example.nl"#).as_bytes()); // 2: unterminated
    line(format!(r#"{{"id":7,"text":"BSN {BSN2}"}}"#).as_bytes()); // 3: id not a string
    line(br#"{"text":"Jan Jansen woont hier"}"#); // 4: no id
    line(br#"{"id":"no-text","body":"Jan Jansen"}"#); // 5: no text
    line(format!(r#"{{"id":"num","text":{BSN2}}}"#).as_bytes()); // 6: text not a string
    line(format!(r#"{{"id":"middle","text":"IBAN {IBAN}"}}"#).as_bytes()); // 7
    let mut bad_utf8 = br#"{"id":"latin1","text":"Caf"#.to_vec(); // 8: invalid UTF-8
    bad_utf8.extend_from_slice(&[0xe9, b' ']);
    bad_utf8.extend_from_slice(format!(r#"BSN {BSN2}"}}"#).as_bytes());
    line(&bad_utf8);
    line(b"   "); // 9: blank, ignored
    line(format!(r#"["{BSN2}", "piet.jansen@example.nl"]"#).as_bytes()); // 10: not an object
    line(br#"{"id":"last","text":"tel 06-12345678"}"#); // 11
    input
}

#[test]
fn invalid_lines_are_reported_by_number_and_the_rest_is_processed_with_exit_65() {
    let w = Waarborg::new();
    let run = w.run(&["pii", "scan"], mixed_input());
    assert_eq!(run.code(), 65, "stderr: {}", run.stderr());
    let lines = run.lines();
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["first", "middle", "last"]);
    assert_eq!(types(&lines[0]), ["BSN"]);
    assert_eq!(types(&lines[1]), ["IBAN"]);
    assert_eq!(types(&lines[2]), ["PHONE"]);

    let err = run.stderr();
    assert_no_panic(&err);
    for n in [2, 3, 4, 5, 6, 8, 10] {
        assert!(
            err.lines().any(|l| l.contains(&format!("line {n}:"))),
            "line {n} not reported: {err}"
        );
    }
    for n in [1, 7, 9, 11] {
        assert!(
            !err.contains(&format!("line {n}:")),
            "line {n} wrongly reported: {err}"
        );
    }
}

#[test]
fn stderr_never_echoes_personal_data_from_broken_lines() {
    let w = Waarborg::new();
    for args in [
        &["pii", "scan"][..],
        &["pii", "redact"],
        &["pii", "redact", "--operator", "mask"],
    ] {
        let run = w.run(args, mixed_input());
        assert_eq!(run.code(), 65);
        let err = run.stderr();
        for secret in [
            BSN,
            BSN2,
            "456782",
            "222333",
            "piet.jansen",
            "example.nl",
            "Jansen",
            IBAN,
            "Caf",
        ] {
            assert!(!err.contains(secret), "{args:?}: stderr leaks {secret:?}: {err}");
        }
    }
}

#[test]
fn crlf_line_endings_and_a_missing_final_newline_are_accepted() {
    let w = Waarborg::new();
    let input =
        format!("{{\"id\":\"a\",\"text\":\"BSN {BSN}\"}}\r\n{{\"id\":\"b\",\"text\":\"tel 06-12345678\"}}");
    let run = w.run(&["pii", "scan"], input);
    run.assert_ok();
    let lines = run.lines();
    assert_eq!(lines.len(), 2);
    assert_eq!(types(&lines[0]), ["BSN"]);
    assert_eq!(types(&lines[1]), ["PHONE"]);
}

#[test]
fn order_is_kept_across_batches_and_threads() {
    let w = Waarborg::new();
    // More lines than one batch (4096), with a finding in every seventh.
    let records: Vec<Value> = (0..5000)
        .map(|i| {
            let text = if i % 7 == 0 {
                format!("r{i} BSN {BSN}")
            } else {
                format!("r{i} niets")
            };
            serde_json::json!({"id": format!("r{i}"), "text": text})
        })
        .collect();
    let input = jsonl(&records);
    let run = w.run(&["pii", "scan", "--threads", "2"], &input);
    run.assert_ok();
    let lines = run.lines();
    assert_eq!(lines.len(), 5000);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["id"], format!("r{i}"));
        assert_eq!(spans(line).len(), usize::from(i % 7 == 0), "{line}");
    }
    let single = w.run(&["pii", "scan", "--threads", "1"], &input);
    assert_eq!(single.stdout(), run.stdout(), "output does not depend on threads");
}

// ---------------------------------------------------------------------------------------------
// --text, --input, --output
// ---------------------------------------------------------------------------------------------

#[test]
fn text_flag_scans_one_plain_document() {
    let w = Waarborg::new();
    let line = w
        .run(
            &["pii", "scan", "--text", "Cliënt met BSN 1234.56.782 belde."],
            "",
        )
        .assert_ok()
        .single();
    assert_eq!(line["id"], "text");
    let bsn = span_of(&line, "BSN");
    assert_eq!(covered("Cliënt met BSN 1234.56.782 belde.", bsn), "1234.56.782");
    assert_eq!((usize_of(&bsn["start"]), usize_of(&bsn["byte_start"])), (15, 16));
}

#[test]
fn text_flag_with_input_reads_the_whole_file_as_one_document() {
    let w = Waarborg::new();
    // JSON-looking first line: with --text it is text, not a record.
    let doc =
        format!("{{\"not\": \"a record\"}}\nGeachte heer,\nMijn BSN is {BSN}.\nGroet, tel 06-12345678\n");
    let path = w.write("brief.txt", &doc);
    let line = w
        .run(&["pii", "scan", "--text", "--input", path.to_str().unwrap()], "")
        .assert_ok()
        .single();
    assert!(line["id"].as_str().unwrap().ends_with("brief.txt"), "{line}");
    assert_eq!(types(&line), ["BSN", "PHONE"]);
    assert_eq!(covered(&doc, span_of(&line, "PHONE")), "06-12345678");
    assert_eq!(
        usize_of(&span_of(&line, "BSN")["byte_start"]),
        doc.find(BSN).unwrap()
    );

    // From stdin too.
    let from_stdin = w.run(&["pii", "scan", "--text"], &doc).assert_ok().single();
    assert_eq!(from_stdin["id"], "stdin");
    assert_eq!(from_stdin["spans"], line["spans"]);
}

#[test]
fn output_flag_writes_the_file_and_nothing_to_stdout() {
    let w = Waarborg::new();
    let input = w.write(
        "in.jsonl",
        jsonl(&[serde_json::json!({"id": "a", "text": format!("BSN {BSN}")})]),
    );
    let out = w.path("out.jsonl");
    let run = w.run(
        &[
            "pii",
            "redact",
            "--input",
            input.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ],
        "",
    );
    run.assert_ok();
    assert!(run.stdout().is_empty(), "stdout: {}", run.stdout());
    let lines = parse_lines(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["text"], "BSN [BSN]");
}

#[test]
fn unwritable_output_is_one_line_exit_1() {
    let w = Waarborg::new();
    let out = w.path("no/such/dir/out.jsonl");
    let run = w.run(
        &["pii", "scan", "--text", "x", "--output", out.to_str().unwrap()],
        "",
    );
    let line = run.assert_one_line_error(1);
    assert!(line.contains("out.jsonl"), "{line}");
}

#[test]
fn missing_input_file_is_one_line_exit_1_without_panic() {
    let w = Waarborg::new();
    for args in [
        &["pii", "scan", "--input", "does-not-exist.jsonl"][..],
        &["pii", "scan", "--text", "--input", "does-not-exist.jsonl"],
        &["pii", "redact", "--input", "does-not-exist.jsonl"],
    ] {
        let run = w.run(args, "");
        let line = run.assert_one_line_error(1);
        assert!(line.starts_with("waarborg: error:"), "{line}");
        assert!(line.contains("does-not-exist.jsonl"), "names the file: {line}");
        assert!(run.stdout().is_empty());
    }
}

// ---------------------------------------------------------------------------------------------
// redact: operators
// ---------------------------------------------------------------------------------------------

const DOC: &str =
    "Mevrouw, geboren op 12-03-1985, BSN 1234.56.782, woont op 3511 AB Utrecht; mail zoe@voorbeeld.nl";

fn redact(w: &Waarborg, extra: &[&str], text: &str) -> Value {
    let mut args = vec!["pii", "redact"];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--text", text]);
    w.run(&args, "").assert_ok().single()
}

fn replacement<'a>(line: &'a Value, t: &str) -> &'a str {
    span_of(line, t)["replacement"].as_str().unwrap()
}

#[test]
fn redact_operator_replaces_with_the_type() {
    let w = Waarborg::new();
    let line = redact(&w, &["--operator", "redact"], DOC);
    let text = line["text"].as_str().unwrap();
    assert!(text.contains("BSN [BSN]"), "{text}");
    assert!(text.contains("[EMAIL]"), "{text}");
    for secret in ["1234.56.782", "12-03-1985", "zoe@voorbeeld.nl", "3511 AB"] {
        assert!(!text.contains(secret), "{secret} left in {text}");
    }
    assert_eq!(replacement(&line, "BSN"), "[BSN]");
    // Spans keep their offsets into the original text.
    assert_eq!(covered(DOC, span_of(&line, "BSN")), "1234.56.782");
    // The default operator is redact.
    assert_eq!(redact(&w, &[], DOC)["text"], line["text"]);
}

#[test]
fn mask_operator_keeps_the_format() {
    let w = Waarborg::new();
    let line = redact(&w, &["--operator", "mask"], DOC);
    let text = line["text"].as_str().unwrap();
    assert_eq!(replacement(&line, "BSN"), "****.**.***");
    assert_eq!(replacement(&line, "EMAIL"), "***@*********.**");
    assert!(text.contains("BSN ****.**.***,"), "{text}");
    assert_eq!(
        text.chars().count(),
        DOC.chars().count(),
        "mask keeps the length: {text}"
    );
    assert!(!text.contains("1234"), "{text}");
}

#[test]
fn generalise_operator_keeps_the_year_of_birth_and_coarsens_postcodes() {
    let w = Waarborg::new();
    let line = redact(&w, &["--operator", "generalise"], DOC);
    let text = line["text"].as_str().unwrap();
    assert_eq!(replacement(&line, "DATE_OF_BIRTH"), "1985");
    assert!(text.contains("geboren op 1985,"), "{text}");
    assert_eq!(replacement(&line, "POSTCODE"), "3511");
    // No coarser form of a BSN exists: it is redacted.
    assert_eq!(replacement(&line, "BSN"), "[BSN]");
    assert!(!text.contains("12-03"), "{text}");
}

fn key_file(w: &Waarborg, name: &str, hex_byte: &str) -> String {
    w.write(name, hex_byte.repeat(32)).to_str().unwrap().to_string()
}

fn pseudonym_is_well_formed(p: &str, label: &str) -> bool {
    p.strip_prefix(label)
        .and_then(|rest| rest.strip_prefix('-'))
        .is_some_and(|hex| {
            hex.len() == 8
                && hex
                    .bytes()
                    .all(|c| c.is_ascii_digit() || (b'A'..=b'F').contains(&c))
        })
}

#[test]
fn pseudonymise_with_a_key_file_is_consistent_across_runs_and_differs_across_keys() {
    let w = Waarborg::new();
    let key_a = key_file(&w, "a.key", "a1");
    let key_b = key_file(&w, "b.key", "b2");
    let input = jsonl(&[
        serde_json::json!({"id": "1", "text": format!("BSN {BSN}, mail piet@example.nl")}),
        serde_json::json!({"id": "2", "text": "Ander document: BSN 1234.56.782 en piet@example.nl."}),
    ]);
    let args = |key: &str| -> Vec<String> {
        ["pii", "redact", "--operator", "pseudonymise", "--key-file", key]
            .map(String::from)
            .to_vec()
    };
    let run = |key: &str| {
        let a = args(key);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let r = w.run(&a, &input);
        r.assert_ok();
        r.lines()
    };
    let first = run(&key_a);
    let second = run(&key_a);
    let other = run(&key_b);

    let p1 = replacement(&first[0], "BSN").to_string();
    assert!(pseudonym_is_well_formed(&p1, "BSN"), "{p1}");
    assert!(!first[0]["text"].as_str().unwrap().contains(BSN));
    // Same value, same key: same pseudonym across documents (and formats) ...
    assert_eq!(replacement(&first[1], "BSN"), p1);
    assert_eq!(replacement(&first[0], "EMAIL"), replacement(&first[1], "EMAIL"));
    // ... and across runs.
    assert_eq!(first, second);
    // Another key: other pseudonyms.
    assert_ne!(replacement(&other[0], "BSN"), p1);
    assert_ne!(replacement(&other[0], "EMAIL"), replacement(&first[0], "EMAIL"));
    // Different values under one key differ.
    let two = redact(
        &w,
        &["--operator", "pseudonymise", "--key-file", &key_a],
        &format!("BSN {BSN} en {BSN2}"),
    );
    let ps: Vec<&str> = spans(&two)
        .iter()
        .map(|s| s["replacement"].as_str().unwrap())
        .collect();
    assert_eq!(ps.len(), 2);
    assert_ne!(ps[0], ps[1]);
}

#[test]
fn pseudonymise_without_a_key_file_creates_a_private_key_once_and_reuses_it() {
    let w = Waarborg::new();
    let data_dir = w.path("data");
    let data = data_dir.to_str().unwrap();
    let args = [
        "--data-dir",
        data,
        "pii",
        "redact",
        "--operator",
        "pseudonymise",
        "--text",
        "BSN 123456782",
    ];
    let first = w.run(&args, "");
    first.assert_ok();
    let key_path = data_dir.join("keys").join("pseudonym.key");
    assert!(key_path.is_file(), "key created at {}", key_path.display());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "key file mode {mode:o}");
    }
    let key_bytes = std::fs::read(&key_path).unwrap();
    assert!(key_bytes.trim_ascii().len() >= 32, "a real key");

    let second = w.run(&args, "");
    second.assert_ok();
    assert_eq!(std::fs::read(&key_path).unwrap(), key_bytes, "key not rewritten");
    assert_eq!(first.single()["text"], second.single()["text"]);
    assert!(!second.stderr().contains("created"), "{}", second.stderr());

    // The data dir may come from the environment as well.
    let via_env = w
        .command(&[
            "pii",
            "redact",
            "--operator",
            "pseudonymise",
            "--text",
            "BSN 123456782",
        ])
        .env("WAARBORG_DATA_DIR", data)
        .output()
        .unwrap();
    assert_eq!(
        parse_lines(&String::from_utf8(via_env.stdout).unwrap())[0]["text"],
        first.single()["text"]
    );

    // A fresh data dir gets a fresh key and so, almost surely, another pseudonym.
    let other_dir = w.path("other");
    let other = w.run(
        &[
            "--data-dir",
            other_dir.to_str().unwrap(),
            "pii",
            "redact",
            "--operator",
            "pseudonymise",
            "--text",
            "BSN 123456782",
        ],
        "",
    );
    other.assert_ok();
    assert_ne!(other.single()["text"], first.single()["text"]);
}

#[test]
fn a_too_short_key_file_is_one_line_exit_1() {
    let w = Waarborg::new();
    let key = w.write("short.key", "tooshort");
    let run = w.run(
        &[
            "pii",
            "redact",
            "--operator",
            "pseudonymise",
            "--key-file",
            key.to_str().unwrap(),
            "--text",
            "x",
        ],
        "",
    );
    let line = run.assert_one_line_error(1);
    assert!(line.contains("too short"), "{line}");
    assert!(!line.contains("tooshort"), "the key itself is not echoed: {line}");
}

// ---------------------------------------------------------------------------------------------
// usage errors
// ---------------------------------------------------------------------------------------------

#[test]
fn usage_errors_exit_2() {
    let w = Waarborg::new();
    for args in [
        &["pii", "redact", "--operator", "shred", "--text", "x"][..],
        &["pii", "scan", "--no-such-flag"],
        &["pii", "scan", "--threads", "many"],
        &["pii", "frobnicate"],
        &["pii"],
        &[],
    ] {
        let run = w.run(args, "");
        assert_eq!(run.code(), 2, "{args:?}: {}", run.stderr());
        assert!(run.stdout().is_empty(), "{args:?}: {}", run.stdout());
        assert_no_panic(&run.stderr());
    }
    let run = w.run(&["pii", "redact", "--operator", "shred", "--text", "x"], "");
    assert!(
        run.stderr().contains("shred"),
        "names the bad value: {}",
        run.stderr()
    );
}

// ---------------------------------------------------------------------------------------------
// configuration file
// ---------------------------------------------------------------------------------------------

#[test]
fn config_file_disables_a_type() {
    let w = Waarborg::new();
    let text = "tel 06-12345678, BSN 123456782";
    let without = redact(&w, &[], text);
    assert_eq!(
        types(&without),
        ["PHONE", "BSN"],
        "control: phone found without config"
    );

    let config = w.write("waarborg.toml", "[pii]\ndisabled = [\"PHONE\"]\n");
    let cfg = config.to_str().unwrap();
    let line = w
        .run(&["--config", cfg, "pii", "scan", "--text", text], "")
        .assert_ok()
        .single();
    assert_eq!(types(&line), ["BSN"]);
    let redacted = w
        .run(&["--config", cfg, "pii", "redact", "--text", text], "")
        .assert_ok()
        .single();
    assert_eq!(redacted["text"], "tel 06-12345678, BSN [BSN]");

    // Also through the environment.
    let out = w
        .command(&["pii", "scan", "--text", text])
        .env("WAARBORG_CONFIG", cfg)
        .output()
        .unwrap();
    assert_eq!(
        types(&parse_lines(&String::from_utf8(out.stdout).unwrap())[0]),
        ["BSN"]
    );
}

#[test]
fn unknown_config_key_is_one_clear_line_exit_1() {
    let w = Waarborg::new();
    let config = w.write("waarborg.toml", "[pii]\ncolour = \"red\"\n");
    let run = w.run(
        &["--config", config.to_str().unwrap(), "pii", "scan", "--text", "x"],
        "",
    );
    let line = run.assert_one_line_error(1);
    assert!(line.contains("colour"), "names the key: {line}");
    assert!(line.contains("waarborg.toml"), "names the file: {line}");
    assert!(run.stdout().is_empty());

    let table = w.write("table.toml", "[pi]\ndisabled = [\"PHONE\"]\n");
    let line = w
        .run(
            &["--config", table.to_str().unwrap(), "pii", "scan", "--text", "x"],
            "",
        )
        .assert_one_line_error(1);
    assert!(line.contains("pi"), "{line}");

    let bad_type = w.write("type.toml", "[pii]\ndisabled = [\"TELEFOON\"]\n");
    let line = w
        .run(
            &[
                "--config",
                bad_type.to_str().unwrap(),
                "pii",
                "scan",
                "--text",
                "x",
            ],
            "",
        )
        .assert_one_line_error(1);
    assert!(
        line.contains("TELEFOON") && line.contains("PHONE"),
        "says what is allowed: {line}"
    );
}

#[test]
fn config_error_names_the_line_of_the_offending_key() {
    let w = Waarborg::new();
    let config = w.write("waarborg.toml", "[pii]\ncolour = \"red\"\n");
    let run = w.run(
        &["--config", config.to_str().unwrap(), "pii", "scan", "--text", "x"],
        "",
    );
    let line = run.assert_one_line_error(1);
    assert!(line.contains("line 2:"), "`colour` is on line 2: {line}");
}

#[test]
fn invalid_config_values_and_missing_config_files_are_one_line_exit_1() {
    let w = Waarborg::new();
    let config = w.write("score.toml", "[pii]\nmin_score = 1.5\n");
    let line = w
        .run(
            &["--config", config.to_str().unwrap(), "pii", "scan", "--text", "x"],
            "",
        )
        .assert_one_line_error(1);
    assert!(line.contains("min_score"), "{line}");

    let line = w
        .run(&["--config", "missing.toml", "pii", "scan", "--text", "x"], "")
        .assert_one_line_error(1);
    assert!(line.contains("missing.toml"), "{line}");
}

#[test]
fn allow_list_values_in_a_broken_config_are_not_echoed() {
    let w = Waarborg::new();
    // A syntax error on the line that holds a personal allow-list value.
    let config = w.write("allow.toml", "[pii]\nallow_list = [\"Piet Jansen 06-12345678\"\n");
    let run = w.run(
        &["--config", config.to_str().unwrap(), "pii", "scan", "--text", "x"],
        "",
    );
    assert_eq!(run.code(), 1);
    let err = run.stderr();
    assert_no_panic(&err);
    assert!(err.contains("allow.toml"), "{err}");
    assert!(!err.contains("Jansen") && !err.contains("12345678"), "{err}");
}

#[test]
fn config_syntax_error_is_one_line() {
    let w = Waarborg::new();
    let config = w.write("allow.toml", "[pii]\nallow_list = [\"x\"\n");
    let run = w.run(
        &["--config", config.to_str().unwrap(), "pii", "scan", "--text", "x"],
        "",
    );
    run.assert_one_line_error(1);
}

#[test]
fn email_with_non_ascii_local_part_is_found() {
    let w = Waarborg::new();
    let text = "mail zoë@voorbeeld.nl of björn.müller@example.de";
    let line = w.run(&["pii", "scan", "--text", text], "").assert_ok().single();
    let emails: Vec<String> = spans(&line)
        .iter()
        .filter(|s| s["type"] == "EMAIL")
        .map(|s| covered(text, s))
        .collect();
    assert_eq!(emails, ["zoë@voorbeeld.nl", "björn.müller@example.de"]);
}
