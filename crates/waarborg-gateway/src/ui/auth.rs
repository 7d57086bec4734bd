//! The landing page and signing in and out with the store's local users.

use super::session::SignedIn;
use super::{safe_next, Visit};
use crate::Gateway;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Form, Router};
use serde::Deserialize;
use serde_json::json;
use std::sync::Arc;
use waarborg_store::{Audience, AuditKind, Lifecycle, NewAuditEvent};

/// A valid argon2 hash of a random password, checked when the user does not exist so that a
/// wrong name and a wrong password take the same time.
static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| waarborg_store::hash_password(&super::session::random_token()).unwrap_or_default());

pub(crate) fn routes() -> Router<Arc<Gateway>> {
    Router::new()
        .route("/", get(landing))
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
}

/// A friendly title from an application name: `wmo-assistent` → `Wmo assistent`.
pub(crate) fn title(name: &str) -> String {
    let s = name.replace(['-', '_'], " ");
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => s,
    }
}

async fn landing(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>) -> Response {
    let apps = gw.store.list_apps().await.unwrap_or_default();
    let apps: Vec<_> = apps
        .iter()
        .filter(|a| a.spec.audience == Audience::Citizens && a.spec.lifecycle != Lifecycle::OutOfUse)
        .map(|a| json!({"name": a.spec.name, "title": title(&a.spec.name), "purpose": a.spec.purpose}))
        .collect();
    gw.ui.page(&v, StatusCode::OK, "landing.html", minijinja::context! { apps })
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

async fn login_page(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>, Query(q): Query<NextQuery>) -> Response {
    let next = safe_next(q.next.as_deref());
    gw.ui.page(&v, StatusCode::OK, "login.html", minijinja::context! { next, username => "" })
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: Option<String>,
}

async fn login(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>, Form(f): Form<LoginForm>) -> Response {
    if let Err(r) = v.check_csrf(&gw, &f.csrf) {
        return r;
    }
    let name = f.username.trim().to_lowercase();
    let next = safe_next(f.next.as_deref());
    let again = |error: &str, status: StatusCode| {
        gw.ui.page(&v, status, "login.html", minijinja::context! { next => next.clone(), username => name.clone(), error })
    };
    if name.is_empty() || name.len() > 64 || f.password.len() > 1024 {
        return again("login.failed", StatusCode::UNAUTHORIZED);
    }
    // Per name, so that guessing one account's password is slow; the bucket refills at the
    // gateway's rate.
    if gw.limiter.check(&format!("login:{name}")).is_err() {
        return again("login.too_many", StatusCode::TOO_MANY_REQUESTS);
    }
    let user = gw.store.get_user(&name).await.ok();
    let hash = user.as_ref().and_then(|u| u.password_hash.clone());
    let password = f.password.clone();
    let checked = hash.clone().unwrap_or_else(|| DUMMY_HASH.clone());
    let ok = tokio::task::spawn_blocking(move || waarborg_store::verify_password(&password, &checked)).await.unwrap_or(false)
        && hash.is_some();
    // A name that is no user may be anything someone typed (even their BSN): not recorded.
    let actor = if user.is_some() { format!("user:{name}") } else { "web:unknown-user".to_owned() };
    let event = NewAuditEvent::new(AuditKind::UserLogin, &actor)
        .detail(json!({"ok": ok && user.is_some(), "channel": "web"}));
    let _ = gw.store.append_audit(event).await;
    match user {
        Some(u) if ok && !u.roles.is_empty() => {
            let token = gw.ui.sessions.sign_in(&v.token, SignedIn { name: u.name.clone(), roles: u.roles.clone() });
            let mut resp = Redirect::to(&next).into_response();
            if let Ok(c) = HeaderValue::from_str(&super::session::cookie(&token)) {
                resp.headers_mut().insert(header::SET_COOKIE, c);
            }
            resp
        }
        _ => again("login.failed", StatusCode::UNAUTHORIZED),
    }
}

#[derive(Deserialize)]
struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

async fn logout(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>, Form(f): Form<CsrfForm>) -> Response {
    if let Err(r) = v.check_csrf(&gw, &f.csrf) {
        return r;
    }
    gw.ui.sessions.remove(&v.token);
    let token = gw.ui.sessions.create(v.lang);
    gw.ui.sessions.with(&token, |s| s.flash = Some("login.logged_out".into()));
    let mut resp = Redirect::to("/").into_response();
    if let Ok(c) = HeaderValue::from_str(&super::session::cookie(&token)) {
        resp.headers_mut().insert(header::SET_COOKIE, c);
    }
    resp
}

#[cfg(test)]
mod tests {
    #[test]
    fn titles_read_like_names() {
        assert_eq!(super::title("wmo-assistent"), "Wmo assistent");
        assert_eq!(super::title(""), "");
    }
}
