//! OpenAI-compatible model servers (vLLM, llama.cpp server, Ollama, TGI).
