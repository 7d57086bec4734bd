//! The checks the pipeline's stages call: purpose binding, prompt injection, output safety.
//! Personal-data detection itself lives in `waarborg-pii`; these are the gateway's own rules.

pub mod injection;
pub mod output;
pub mod purpose;
