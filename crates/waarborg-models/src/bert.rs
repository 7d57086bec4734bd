//! Embedded sentence embeddings: BERT (all-MiniLM-L6-v2) with candle.
