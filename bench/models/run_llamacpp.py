"""llama.cpp (through llama-cpp-python) doing the same work as
`cargo bench -p waarborg-models --bench generate`: load, process the prompt in batches of 512,
generate exactly N greedy tokens ignoring end-of-generation; best of 3. Prints one JSON object."""
import argparse, json, resource, time

from llama_cpp import Llama, __version__

p = argparse.ArgumentParser()
p.add_argument("--gguf", required=True)
p.add_argument("--prompt", required=True)
p.add_argument("--threads", type=int, required=True)
p.add_argument("--tokens", type=int, default=128)
a = p.parse_args()
prompt = open(a.prompt, encoding="utf-8").read()

t = time.perf_counter()
llm = Llama(model_path=a.gguf, n_ctx=2048, n_batch=512, n_threads=a.threads, n_threads_batch=a.threads, verbose=False)
load = time.perf_counter() - t
tokens = llm.tokenize(prompt.encode("utf-8"), add_bos=True, special=False)


def once(n):
    llm.reset()
    llm._ctx.memory_clear(True) if hasattr(llm._ctx, "memory_clear") else None
    t = time.perf_counter()
    llm.eval(tokens)
    pp = time.perf_counter() - t
    t = time.perf_counter()
    for _ in range(n):
        tok = llm.sample(top_k=1, top_p=1.0, temp=0.0)
        llm.eval([tok])
    tg = time.perf_counter() - t
    return pp, tg


once(8)
best_pp = best_tg = 0.0
for _ in range(3):
    pp, tg = once(a.tokens)
    best_pp = max(best_pp, len(tokens) / pp)
    best_tg = max(best_tg, a.tokens / tg)
print(json.dumps({
    "system": f"llama.cpp (llama-cpp-python {__version__})",
    "threads": a.threads,
    "load_secs": load,
    "prompt_tokens": len(tokens),
    "prompt_tok_s": best_pp,
    "generated_tokens": a.tokens,
    "generate_tok_s": best_tg,
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
