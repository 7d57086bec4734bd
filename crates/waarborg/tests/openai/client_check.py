"""The official `openai` Python client against `waarborg serve`: chat (stream and not), models,
embeddings and errors. Run by crates/waarborg/tests/openai_client.rs; prints OK when all hold."""
import sys

import openai

base, key = sys.argv[1], sys.argv[2]
client = openai.OpenAI(base_url=base + "/v1", api_key=key, max_retries=0, timeout=120)

models = [m.id for m in client.models.list().data]
assert models, models
generator, embedder = models[0], models[-1]
assert client.models.retrieve(generator).id == generator

question = "Waar vraag je huishoudelijke hulp aan via de Wmo?"
r = client.chat.completions.create(
    model=generator, messages=[{"role": "user", "content": question}], max_tokens=24, temperature=0
)
assert r.object == "chat.completion", r
assert r.choices[0].finish_reason in ("stop", "length"), r.choices[0].finish_reason
assert r.choices[0].message.content, r
assert r.usage.total_tokens == r.usage.prompt_tokens + r.usage.completion_tokens
ext = r.model_extra["waarborg"]
assert ext["provenance"]["signature"] and ext["disclosure"], ext
assert any(d["stage"] == "input_pii" for d in ext["decisions"]), ext

text, last, finish = "", None, None
stream = client.chat.completions.create(
    model=generator,
    messages=[{"role": "user", "content": question}],
    max_tokens=24,
    temperature=0,
    stream=True,
    stream_options={"include_usage": True},
)
for chunk in stream:
    if chunk.choices:
        text += chunk.choices[0].delta.content or ""
        finish = chunk.choices[0].finish_reason or finish
    last = chunk
assert text, "streamed text"
assert finish in ("stop", "length"), finish
assert last.usage is not None and last.usage.total_tokens > 0, last
assert last.model_extra["waarborg"]["provenance"]["id"], last

e = client.embeddings.create(model=embedder, input=["rolstoel aanvragen", "huishoudelijke hulp"])
assert len(e.data) == 2 and len(e.data[0].embedding) >= 16, e
e = client.embeddings.create(model=embedder, input="hallo", encoding_format="float")
assert len(e.data) == 1

try:
    client.chat.completions.create(model="gpt-unknown", messages=[{"role": "user", "content": question}])
    raise AssertionError("unknown model accepted")
except openai.NotFoundError as err:
    assert err.body["code"] == "model_not_found", err.body

try:
    openai.OpenAI(base_url=base + "/v1", api_key="wb_wrong", max_retries=0).models.list()
    raise AssertionError("wrong key accepted")
except openai.AuthenticationError:
    pass

print("OK")
