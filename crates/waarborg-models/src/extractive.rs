//! Extractive answers: no model; quotes the given passages verbatim.
