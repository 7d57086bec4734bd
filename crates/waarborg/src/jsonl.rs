//! Streaming JSON Lines batch runner: reads records in bounded batches, processes each batch in
//! parallel, writes results in input order, and reports invalid lines by number (never by
//! content) while processing the rest. Memory is bounded by the batch size, not the input size.

use rayon::prelude::*;
use serde_json::{Map, Value};
use std::io::{BufRead, Write};

/// Lines per batch, and bytes per batch: whichever is reached first.
const BATCH_LINES: usize = 4096;
const BATCH_BYTES: usize = 16 << 20;
/// Starting capacity of a line buffer.
const LINE_CAPACITY: usize = 2048;

/// One valid input record: its `id`, its `text`, and every other field.
pub(crate) struct Record {
    pub(crate) id: Value,
    pub(crate) text: String,
    pub(crate) extra: Map<String, Value>,
}

/// The outcome for one input line: its output line, nothing (blank), or why it was invalid.
type LineResult = Result<Option<Vec<u8>>, String>;

/// What a run saw.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    pub(crate) records: u64,
    pub(crate) invalid: u64,
}

/// Reads JSON Lines from `input`, calls `process` on every valid record in parallel, and writes
/// each returned line to `output` in input order. Invalid lines are reported on stderr as
/// `line N: reason` and skipped.
pub(crate) fn run<R, W, F>(
    pool: &rayon::ThreadPool,
    input: R,
    output: &mut W,
    process: F,
) -> anyhow::Result<Summary>
where
    R: BufRead,
    W: Write,
    F: Fn(Record) -> Vec<u8> + Sync,
{
    let mut input = input;
    let mut summary = Summary::default();
    let mut line_no: u64 = 0;
    let mut batch: Vec<(u64, Vec<u8>)> = Vec::with_capacity(BATCH_LINES);
    let mut eof = false;
    while !eof {
        batch.clear();
        let mut bytes = 0;
        while batch.len() < BATCH_LINES && bytes < BATCH_BYTES {
            // Most records fit; a longer line grows the buffer once or twice, not from empty.
            let mut buf = Vec::with_capacity(LINE_CAPACITY);
            if input.read_until(b'\n', &mut buf)? == 0 {
                eof = true;
                break;
            }
            line_no += 1;
            bytes += buf.len();
            batch.push((line_no, buf));
        }
        let results: Vec<(u64, LineResult)> = pool.install(|| {
            batch
                .par_iter()
                .map(|(n, raw)| (*n, parse(raw).map(|rec| rec.map(&process))))
                .collect()
        });
        for (n, result) in results {
            match result {
                Ok(Some(line)) => {
                    summary.records += 1;
                    output.write_all(&line)?;
                    output.write_all(b"\n")?;
                }
                Ok(None) => {}
                Err(reason) => {
                    summary.invalid += 1;
                    eprintln!("waarborg: line {n}: {reason}; skipped");
                }
            }
        }
    }
    output.flush()?;
    Ok(summary)
}

/// Parses one line. `Ok(None)` for a blank line.
fn parse(raw: &[u8]) -> Result<Option<Record>, String> {
    let trimmed = raw.trim_ascii();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let mut map: Map<String, Value> = match serde_json::from_slice(trimmed) {
        Ok(Value::Object(map)) => map,
        Ok(_) => return Err("not a JSON object".to_string()),
        // serde_json's messages name the position and the kind of error, never the content.
        Err(e) => return Err(format!("invalid JSON ({e})")),
    };
    let id = match map.remove("id") {
        Some(id @ Value::String(_)) => id,
        Some(_) => return Err("field \"id\" must be a string".to_string()),
        None => return Err("missing field \"id\"".to_string()),
    };
    let text = match map.remove("text") {
        Some(Value::String(text)) => text,
        Some(_) => return Err("field \"text\" must be a string".to_string()),
        None => return Err("missing field \"text\"".to_string()),
    };
    Ok(Some(Record {
        id,
        text,
        extra: map,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool() -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap()
    }

    #[test]
    fn invalid_lines_are_skipped_and_counted_and_order_is_kept() {
        let input = concat!(
            "{\"id\":\"a\",\"text\":\"x\"}\n",
            "not json\n",
            "\n",
            "{\"id\":1,\"text\":\"x\"}\n",
            "{\"id\":\"b\",\"text\":\"y\",\"meta\":{\"k\":1}}\n",
            "{\"id\":\"c\"}\n",
            "[1,2]\n",
            "{\"id\":\"d\",\"text\":\"z\"}"
        );
        let mut out = Vec::new();
        let summary = run(&pool(), input.as_bytes(), &mut out, |rec| {
            let id = rec.id.as_str().unwrap_or_default().to_string();
            format!("{id}:{}:{}", rec.text, rec.extra.len()).into_bytes()
        })
        .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "a:x:0\nb:y:1\nd:z:0\n");
        assert_eq!(summary.records, 3);
        assert_eq!(summary.invalid, 4);
    }

    #[test]
    fn invalid_utf8_is_reported_not_fatal() {
        let mut input = b"{\"id\":\"a\",\"text\":\"".to_vec();
        input.extend_from_slice(&[0xff, 0xfe]);
        input.extend_from_slice(b"\"}\n{\"id\":\"b\",\"text\":\"ok\"}\n");
        let mut out = Vec::new();
        let summary = run(&pool(), &input[..], &mut out, |rec| rec.text.into_bytes()).unwrap();
        assert_eq!(out, b"ok\n");
        assert_eq!(summary.invalid, 1);
    }
}
