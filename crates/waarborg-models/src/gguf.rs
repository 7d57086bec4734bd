//! Embedded GGUF generation in process, with llama.cpp (through `llama-cpp-2`).
//!
//! # What it does
//! Loads any llama-family GGUF (the default is SmolLM2-135M-Instruct Q4_1) and generates from a
//! chat. The tokenizer and the chat template come from the GGUF's own metadata
//! (`tokenizer.ggml.*`, `tokenizer.chat_template`); nothing is downloaded. The template is
//! rendered here with minijinja (llama.cpp's built-in template matching mangles SmolLM2's).
//!
//! # Why llama.cpp
//! The goal is ≥ 0.9× llama.cpp's generation speed; candle's scalar Q4_1 kernel reached
//! ≈ 0.63× even after converting to Q8_0 at load. Running llama.cpp itself reaches its speed.
//!
//! # CPU baseline
//! ggml is built for x86-64-v3 (AVX2, FMA, F16C, BMI2; see `.cargo/config.toml`). [`load`]
//! checks the CPU first and refuses with a clear message instead of dying with an illegal
//! instruction.
//!
//! # Behaviour
//! Streaming pieces are whole UTF-8 and never part of a stop sequence; `max_tokens`,
//! `temperature` (0 = greedy), `top_p`, `stop` and `seed` (same seed, same request → same
//! output) are honoured; a prompt that with `max_tokens` does not fit the context is refused
//! before any work ([`ModelError::PromptTooLong`]). Each request gets its own llama.cpp context,
//! so requests run concurrently on one loaded model.
//!
//! [`load`]: GgufGenerator::load

use crate::error::{ModelError, Result};
use crate::types::{ChatRole, Completion, FinishReason, GenerateRequest, Generator, ModelInfo};
use llama_cpp_2::context::params::LlamaContextParams;
use llama_cpp_2::llama_backend::LlamaBackend;
use llama_cpp_2::llama_batch::LlamaBatch;
use llama_cpp_2::model::params::LlamaModelParams;
use llama_cpp_2::model::LlamaModel;
use llama_cpp_2::sampling::LlamaSampler;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use tokio::sync::mpsc;

/// How to load a GGUF.
#[derive(Debug, Clone, Default)]
pub struct GgufOptions {
    /// Name clients use (default: the file stem, lower-cased).
    pub name: Option<String>,
    /// Context window in tokens (default: the model's training context, at most 8192).
    pub context_length: Option<u32>,
    /// Threads (default: all cores).
    pub threads: Option<usize>,
    /// Licence to record (default: `general.license` from the GGUF, else `unknown`).
    pub licence: Option<String>,
    /// Source to record (default: the file path).
    pub source: Option<String>,
    /// Known sha256 of the file (skips hashing it at load).
    pub sha256: Option<String>,
}

struct Loaded {
    model: LlamaModel,
    template: String,
    bos: String,
    eos: String,
    n_ctx: u32,
    threads: i32,
}

/// A GGUF model loaded in this process.
pub struct GgufGenerator {
    loaded: Arc<Loaded>,
    info: ModelInfo,
}

impl std::fmt::Debug for GgufGenerator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GgufGenerator").field("info", &self.info).finish_non_exhaustive()
    }
}

/// llama.cpp's global state: initialised once per process, logs silenced (they would go to
/// stderr unasked).
fn backend() -> Result<&'static LlamaBackend> {
    static BACKEND: OnceLock<std::result::Result<LlamaBackend, String>> = OnceLock::new();
    BACKEND
        .get_or_init(|| {
            LlamaBackend::init().map(|mut b| {
                b.void_logs();
                b
            })
            .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| ModelError::Engine(format!("cannot initialise llama.cpp: {e}")))
}

/// The CPU features ggml was built for, if any is missing.
pub fn missing_cpu_features() -> Vec<&'static str> {
    #[cfg(target_arch = "x86_64")]
    {
        let mut missing = Vec::new();
        if !std::arch::is_x86_feature_detected!("avx2") {
            missing.push("AVX2");
        }
        if !std::arch::is_x86_feature_detected!("fma") {
            missing.push("FMA");
        }
        if !std::arch::is_x86_feature_detected!("f16c") {
            missing.push("F16C");
        }
        if !std::arch::is_x86_feature_detected!("bmi2") {
            missing.push("BMI2");
        }
        missing
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        Vec::new()
    }
}

/// GGUF `general.file_type` numbers to names (llama.cpp's `llama_ftype`).
fn file_type_name(n: u32) -> Option<&'static str> {
    Some(match n {
        0 => "F32",
        1 => "F16",
        2 => "Q4_0",
        3 => "Q4_1",
        7 => "Q8_0",
        8 => "Q5_0",
        9 => "Q5_1",
        10 => "Q2_K",
        11 => "Q3_K_S",
        12 => "Q3_K_M",
        13 => "Q3_K_L",
        14 => "Q4_K_S",
        15 => "Q4_K_M",
        16 => "Q5_K_S",
        17 => "Q5_K_M",
        18 => "Q6_K",
        32 => "BF16",
        _ => return None,
    })
}

impl GgufGenerator {
    /// Loads a GGUF file. Errors: missing file, not a GGUF, a GGUF llama.cpp cannot load, no
    /// chat template, a CPU without the features ggml was built for.
    pub fn load(path: &Path, options: GgufOptions) -> Result<Self> {
        let missing = missing_cpu_features();
        if !missing.is_empty() {
            return Err(ModelError::Engine(format!(
                "this CPU lacks {} which the embedded generator was built for (x86-64-v3); use an OpenAI-compatible model server instead, or rebuild with those GGML_* options off in .cargo/config.toml",
                missing.join(", ")
            )));
        }
        check_magic(path)?;
        let corrupt = |reason: String| ModelError::Corrupt { path: path.display().to_string(), reason };
        let backend = backend()?;
        let model = LlamaModel::load_from_file(backend, path, &LlamaModelParams::default())
            .map_err(|e| corrupt(format!("llama.cpp cannot load it ({e}): truncated, damaged, or an architecture it does not know")))?;
        let template = model
            .chat_template(None)
            .ok()
            .and_then(|t| t.to_string().ok())
            .ok_or_else(|| corrupt("it has no tokenizer.chat_template; a chat model needs one".into()))?;
        let vocab = model.vocab();
        let piece = |t| String::from_utf8_lossy(&vocab.token_to_piece(t, true, None)).into_owned();
        let (bos, eos) = (piece(vocab.bos()), piece(vocab.eos()));
        let trained = model.n_ctx_train().max(1);
        let n_ctx = options.context_length.unwrap_or(trained.min(8192)).min(trained).max(16);
        let threads = options
            .threads
            .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));
        let sha256 = match options.sha256 {
            Some(s) => s,
            None => crate::cache::sha256_file(path)?,
        };
        let meta = |k: &str| model.meta_val_str(k).ok().filter(|s| !s.is_empty());
        let name = options.name.unwrap_or_else(|| {
            path.file_stem().map(|s| s.to_string_lossy().to_lowercase()).unwrap_or_else(|| "gguf".into())
        });
        let info = ModelInfo {
            name,
            backend: "gguf".into(),
            source: options.source.unwrap_or_else(|| path.display().to_string()),
            licence: options.licence.or_else(|| meta("general.license")).unwrap_or_else(|| "unknown".into()),
            weights_sha256: Some(sha256),
            quantisation: meta("general.file_type")
                .and_then(|s| s.parse::<u32>().ok())
                .and_then(file_type_name)
                .map(str::to_owned),
            context_length: Some(n_ctx),
            parameters: Some(model.n_params()),
        };
        let loaded = Loaded { model, template, bos, eos, n_ctx, threads: i32::try_from(threads).unwrap_or(1) };
        Ok(GgufGenerator { loaded: Arc::new(loaded), info })
    }

    /// The chat rendered with the model's template, ready to tokenize.
    pub fn render_prompt(&self, request: &GenerateRequest) -> Result<String> {
        render(&self.loaded.template, request, &self.loaded.bos, &self.loaded.eos)
    }

    /// Number of tokens `text` has for this model (special tokens parsed).
    pub fn count_tokens(&self, text: &str) -> usize {
        self.loaded.model.vocab().tokenize(text.as_bytes(), false, true).len()
    }
}

/// Engine speed, measured the way the benchmark measures llama.cpp itself.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct RawSpeed {
    /// Prompt tokens processed.
    pub prompt_tokens: usize,
    /// Seconds for prompt processing.
    pub prompt_secs: f64,
    /// Tokens generated.
    pub generated: usize,
    /// Seconds for generation.
    pub generate_secs: f64,
}

impl GgufGenerator {
    /// Processes `prompt` (tokenized as text, no template) in batches of 512, then generates
    /// exactly `n` tokens greedily, ignoring end-of-generation — the same work the benchmark asks
    /// of llama.cpp. Uses this generator's context size and threads.
    #[doc(hidden)]
    pub fn raw_speed(&self, prompt: &str, n: usize) -> Result<RawSpeed> {
        let loaded = &*self.loaded;
        let vocab = loaded.model.vocab();
        let tokens = vocab.tokenize(prompt.as_bytes(), true, false);
        if tokens.len() + n > loaded.n_ctx as usize {
            return Err(ModelError::PromptTooLong { tokens: tokens.len(), context: loaded.n_ctx as usize, reserved: n });
        }
        let mut ctx = new_context(loaded)?;
        let engine = |e: String| ModelError::Engine(e);
        let mut batch = LlamaBatch::new(N_BATCH, 1);
        let start = std::time::Instant::now();
        process_prompt(&mut ctx, &mut batch, &tokens)?;
        let prompt_secs = start.elapsed().as_secs_f64();
        let mut sampler = LlamaSampler::greedy();
        let start = std::time::Instant::now();
        for pos in tokens.len()..tokens.len() + n {
            let t = sampler.sample(&ctx, batch.n_tokens() - 1);
            sampler.accept(t);
            batch.clear();
            batch.add(t, i32::try_from(pos).unwrap_or(i32::MAX), &[0], true).map_err(|e| engine(e.to_string()))?;
            ctx.decode(&mut batch).map_err(|e| engine(e.to_string()))?;
        }
        Ok(RawSpeed { prompt_tokens: tokens.len(), prompt_secs, generated: n, generate_secs: start.elapsed().as_secs_f64() })
    }
}

fn check_magic(path: &Path) -> Result<()> {
    use std::io::Read;
    let mut f = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ModelError::NotFound(PathBuf::from(path)),
        _ => ModelError::Io { context: format!("cannot read {}", path.display()), source: e },
    })?;
    let mut magic = [0u8; 4];
    if f.read_exact(&mut magic).is_err() || &magic != b"GGUF" {
        return Err(ModelError::Corrupt {
            path: path.display().to_string(),
            reason: "it does not start with the GGUF magic bytes; is it a GGUF file?".into(),
        });
    }
    Ok(())
}

/// Renders a chat with a Jinja chat template (as Hugging Face's `apply_chat_template` does).
pub fn render(template: &str, request: &GenerateRequest, bos: &str, eos: &str) -> Result<String> {
    let mut env = minijinja::Environment::new();
    minijinja_contrib::add_to_environment(&mut env);
    env.set_unknown_method_callback(minijinja_contrib::pycompat::unknown_method_callback);
    env.add_function("raise_exception", |msg: String| -> std::result::Result<String, minijinja::Error> {
        Err(minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, msg))
    });
    let tmpl = env
        .template_from_str(template)
        .map_err(|e| ModelError::Engine(format!("the model's chat template does not parse: {e}")))?;
    let messages: Vec<_> = request
        .messages
        .iter()
        .map(|m| {
            let role = match m.role {
                ChatRole::System => "system",
                ChatRole::User => "user",
                ChatRole::Assistant => "assistant",
            };
            minijinja::context! { role => role, content => m.content.as_str() }
        })
        .collect();
    tmpl.render(minijinja::context! {
        messages => messages,
        add_generation_prompt => true,
        bos_token => bos,
        eos_token => eos,
    })
    .map_err(|e| ModelError::Invalid(format!("the conversation does not fit the model's chat template: {e}")))
}

/// Emits text as it becomes final: whole UTF-8 characters, never a possible start of a stop
/// sequence.
struct StopScanner {
    stops: Vec<String>,
    bytes: Vec<u8>,
    text: String,
    emitted: usize,
}

enum Scan {
    /// Keep going; this much new text is final.
    Continue(String),
    /// A stop sequence appeared; this final text precedes it.
    Stopped(String),
}

impl StopScanner {
    fn new(stops: Vec<String>) -> Self {
        StopScanner { stops, bytes: Vec::new(), text: String::new(), emitted: 0 }
    }

    fn push(&mut self, piece: &[u8]) -> Scan {
        self.bytes.extend_from_slice(piece);
        let valid = match std::str::from_utf8(&self.bytes) {
            Ok(s) => s.len(),
            Err(e) => e.valid_up_to(),
        };
        if valid > 0 {
            let s = String::from_utf8_lossy(&self.bytes[..valid]).into_owned();
            self.text.push_str(&s);
            self.bytes.drain(..valid);
        }
        // Search only where a stop could newly start.
        let search_from = self
            .emitted
            .saturating_sub(self.stops.iter().map(String::len).max().unwrap_or(0));
        let search_from = floor_char_boundary(&self.text, search_from);
        let hit = self
            .stops
            .iter()
            .filter_map(|s| self.text[search_from..].find(s.as_str()).map(|i| search_from + i))
            .min();
        if let Some(at) = hit {
            let out = self.text[self.emitted.min(at)..at].to_owned();
            self.text.truncate(at);
            self.emitted = at;
            return Scan::Stopped(out);
        }
        // Hold back a tail that could be the beginning of a stop sequence.
        let mut safe = self.text.len();
        for s in &self.stops {
            for k in (1..s.len()).rev() {
                if self.text.len() >= k && self.text.is_char_boundary(self.text.len() - k) && s.starts_with(&self.text[self.text.len() - k..]) {
                    safe = safe.min(self.text.len() - k);
                    break;
                }
            }
        }
        let safe = safe.max(self.emitted);
        let out = self.text[self.emitted..safe].to_owned();
        self.emitted = safe;
        Scan::Continue(out)
    }

    /// What is left at the end.
    fn finish(&mut self) -> String {
        if !self.bytes.is_empty() {
            self.text.push_str(&String::from_utf8_lossy(&self.bytes));
            self.bytes.clear();
        }
        let out = self.text[self.emitted..].to_owned();
        self.emitted = self.text.len();
        out
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A fresh llama.cpp context for one request, with this model's context size and threads.
fn new_context<'m>(loaded: &'m Loaded) -> Result<llama_cpp_2::context::LlamaContext<'m>> {
    let params = LlamaContextParams::default()
        .with_n_ctx(NonZeroU32::new(loaded.n_ctx))
        .with_n_batch(N_BATCH as u32)
        .with_n_threads(loaded.threads)
        .with_n_threads_batch(loaded.threads);
    loaded
        .model
        .new_context(backend()?, params)
        .map_err(|e| ModelError::Engine(format!("cannot create a context: {e}")))
}

/// Tokens per prompt-processing batch.
const N_BATCH: usize = 512;

/// Processes the prompt in batches of [`N_BATCH`]; logits only for its last token.
fn process_prompt(ctx: &mut llama_cpp_2::context::LlamaContext<'_>, batch: &mut LlamaBatch, tokens: &[llama_cpp_2::token::LlamaToken]) -> Result<()> {
    let last = tokens.len().saturating_sub(1);
    for (ci, chunk) in tokens.chunks(N_BATCH).enumerate() {
        batch.clear();
        for (j, t) in chunk.iter().enumerate() {
            let pos = ci * N_BATCH + j;
            batch
                .add(*t, i32::try_from(pos).unwrap_or(i32::MAX), &[0], pos == last)
                .map_err(|e| ModelError::Engine(e.to_string()))?;
        }
        ctx.decode(batch).map_err(|e| ModelError::Engine(format!("prompt processing failed: {e}")))?;
    }
    Ok(())
}

/// One generation, on the calling (blocking) thread.
fn run(loaded: &Loaded, request: &GenerateRequest, prompt: &str, stream: Option<&mpsc::Sender<String>>) -> Result<Completion> {
    let vocab = loaded.model.vocab();
    // Templates that write the BOS text themselves must not get a second one.
    let add_bos = vocab.should_add_bos() && (loaded.bos.is_empty() || !prompt.starts_with(&loaded.bos));
    let tokens = vocab.tokenize(prompt.as_bytes(), add_bos, true);
    let n_ctx = loaded.n_ctx as usize;
    let max_tokens = request.max_tokens as usize;
    if tokens.len() + max_tokens > n_ctx {
        return Err(ModelError::PromptTooLong { tokens: tokens.len(), context: n_ctx, reserved: max_tokens });
    }
    let mut ctx = new_context(loaded)?;
    let mut batch = LlamaBatch::new(N_BATCH, 1);
    process_prompt(&mut ctx, &mut batch, &tokens)?;
    let mut sampler = if request.temperature <= 0.0 {
        LlamaSampler::greedy()
    } else {
        let seed = request.seed.map_or_else(rand_seed, |s| (s ^ (s >> 32)) as u32);
        let mut chain = Vec::new();
        if request.top_p < 1.0 {
            chain.push(LlamaSampler::top_p(request.top_p, 1));
        }
        chain.push(LlamaSampler::temp(request.temperature));
        chain.push(LlamaSampler::dist(seed));
        LlamaSampler::chain_simple(chain)
    };
    let mut scanner = StopScanner::new(request.stop.clone());
    let mut text = String::new();
    let mut generated = 0usize;
    let mut finish = FinishReason::Length;
    let mut pos = tokens.len();
    let mut piece = Vec::with_capacity(16);
    let send = |s: String| -> bool {
        match stream {
            Some(tx) if !s.is_empty() => tx.blocking_send(s).is_ok(),
            _ => true,
        }
    };
    let mut cancelled = false;
    let mut stopped_by_sequence = false;
    while generated < max_tokens {
        let token = sampler.sample(&ctx, batch.n_tokens() - 1);
        sampler.accept(token);
        if vocab.is_eog(token) {
            finish = FinishReason::Stop;
            break;
        }
        generated += 1;
        piece.clear();
        vocab.token_to_piece_into(token, &mut piece, false, None);
        match scanner.push(&piece) {
            Scan::Continue(s) => {
                text.push_str(&s);
                if !send(s) {
                    cancelled = true;
                    break;
                }
            }
            Scan::Stopped(s) => {
                text.push_str(&s);
                send(s);
                finish = FinishReason::Stop;
                stopped_by_sequence = true;
                break;
            }
        }
        if generated == max_tokens {
            break;
        }
        batch.clear();
        batch
            .add(token, i32::try_from(pos).unwrap_or(i32::MAX), &[0], true)
            .map_err(|e| ModelError::Engine(e.to_string()))?;
        pos += 1;
        ctx.decode(&mut batch).map_err(|e| ModelError::Engine(format!("generation failed: {e}")))?;
    }
    // Text held back as a possible stop-sequence prefix is final now.
    if !stopped_by_sequence {
        let rest = scanner.finish();
        text.push_str(&rest);
        if !cancelled {
            send(rest);
        }
    }
    Ok(Completion {
        text,
        finish_reason: finish,
        prompt_tokens: u32::try_from(tokens.len()).unwrap_or(u32::MAX),
        completion_tokens: u32::try_from(generated).unwrap_or(u32::MAX),
    })
}

fn rand_seed() -> u32 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0));
    h.finish() as u32
}

#[async_trait::async_trait]
impl Generator for GgufGenerator {
    fn info(&self) -> &ModelInfo {
        &self.info
    }

    async fn generate(&self, request: GenerateRequest, stream: Option<mpsc::Sender<String>>) -> Result<Completion> {
        request.validate()?;
        let prompt = self.render_prompt(&request)?;
        let loaded = Arc::clone(&self.loaded);
        tokio::task::spawn_blocking(move || run(&loaded, &request, &prompt, stream.as_ref()))
            .await
            .map_err(|e| ModelError::Engine(format!("the generation task failed: {e}")))?
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::ChatMessage;

    fn scan_all(stops: &[&str], pieces: &[&[u8]]) -> (String, bool, Vec<String>) {
        let mut s = StopScanner::new(stops.iter().map(|s| s.to_string()).collect());
        let mut out = Vec::new();
        for p in pieces {
            match s.push(p) {
                Scan::Continue(t) => out.push(t),
                Scan::Stopped(t) => {
                    out.push(t);
                    return (out.concat(), true, out);
                }
            }
        }
        out.push(s.finish());
        (out.concat(), false, out)
    }

    #[test]
    fn stop_sequences_split_over_pieces_are_caught_and_never_emitted() {
        let (text, stopped, pieces) = scan_all(&["\nVraag:"], &[b"Het antwoord", b" is 42.\n", b"Vra", b"ag: en"]);
        assert!(stopped);
        assert_eq!(text, "Het antwoord is 42.");
        assert!(pieces.iter().all(|p| !p.contains('\n')), "{pieces:?}");
        let (text, stopped, _) = scan_all(&["\nVraag:"], &[b"Het is\n", b"Vrij"]);
        assert!(!stopped);
        assert_eq!(text, "Het is\nVrij", "a held-back prefix that turns out not to be a stop is released");
    }

    #[test]
    fn multibyte_characters_split_over_tokens_come_out_whole() {
        let e = "é".as_bytes();
        let (text, _, pieces) = scan_all(&[], &[b"caf", &e[..1], &e[1..], b" ok"]);
        assert_eq!(text, "café ok");
        assert!(pieces.iter().all(|p| !p.contains('\u{FFFD}')));
    }

    #[test]
    fn chat_template_renders_roles_and_the_generation_prompt() {
        let t = "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n' }}{% endif %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";
        let r = GenerateRequest::new(vec![ChatMessage::new(ChatRole::User, "Wat is de AVG?")]);
        let p = render(t, &r, "<|im_start|>", "<|im_end|>").unwrap();
        assert_eq!(
            p,
            "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n<|im_start|>user\nWat is de AVG?<|im_end|>\n<|im_start|>assistant\n"
        );
        let with_system = GenerateRequest::new(vec![
            ChatMessage::new(ChatRole::System, "Antwoord kort."),
            ChatMessage::new(ChatRole::User, "Hoi"),
        ]);
        let p = render(t, &with_system, "", "").unwrap();
        assert!(p.starts_with("<|im_start|>system\nAntwoord kort.<|im_end|>\n"));
        assert!(!p.contains("SmolLM"));
        let strict = "{% if messages[0]['role'] == 'system' %}{{ raise_exception('no system') }}{% endif %}ok";
        assert!(render(strict, &with_system, "", "").is_err());
        assert!(render("{% for %}", &r, "", "").is_err());
    }
}
