//! Embedded GGUF generation in process (llama.cpp).
