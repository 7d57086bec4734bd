//! Placeholder, filled in by the review pages.

use crate::Gateway;
use axum::Router;
use std::sync::Arc;

/// This page's texts.
pub(crate) const TEXTS: super::i18n::Texts = &[];

pub(crate) fn routes() -> Router<Arc<Gateway>> {
    Router::new()
}
