//! The web UI (issue 7): server-rendered pages (minijinja) with small, progressive JavaScript,
//! served by the same axum app as the API. Dutch first, English with `?lang=en`.
//!
//! # Shape
//! - [`session`]: in-memory sessions (cookie `waarborg_session`), CSRF tokens, conversations.
//! - [`i18n`]: every text on a page, in Dutch and English (`{{ t("key") }}` in templates).
//! - Pages, one file per audience: [`auth`] (landing, sign in/out), [`chat`] (employees and
//!   citizens), [`review`] (reviewers: drafts and hand-overs), [`privacy`] (the FG: audit trail,
//!   incidents, dashboard, rights), [`register`] (admins: applications, keys, models, users).
//! - Every handler that needs a role calls [`Ui::require`] with a [`Permission`] (roles are
//!   decided only by [`waarborg_store::Role::allows`]); every POST checks the CSRF token with
//!   [`Visit::check_csrf`]. Pages never show personal data that a visitor typed: questions are
//!   shown as the gateway redacted them.

pub(crate) mod auth;
pub(crate) mod chat;
pub(crate) mod i18n;
pub(crate) mod privacy;
pub(crate) mod register;
pub(crate) mod review;
pub mod session;

use crate::Gateway;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use minijinja::{Environment, Value};
use session::{Lang, SignedIn};
use std::collections::BTreeMap;
use std::sync::Arc;
use subtle::ConstantTimeEq;
use waarborg_store::Permission;

/// Content-Security-Policy of every page: our own scripts and styles only.
pub const PAGE_CSP: &str = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The templates, compiled into the binary.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("templates/base.html")),
    ("macros.html", include_str!("templates/macros.html")),
    ("error.html", include_str!("templates/error.html")),
    ("landing.html", include_str!("templates/landing.html")),
    ("login.html", include_str!("templates/login.html")),
    ("chat_index.html", include_str!("templates/chat_index.html")),
    ("chat.html", include_str!("templates/chat.html")),
    ("conversation.html", include_str!("templates/conversation.html")),
    ("review_queue.html", include_str!("templates/review_queue.html")),
    ("review_item.html", include_str!("templates/review_item.html")),
    ("privacy_dashboard.html", include_str!("templates/privacy_dashboard.html")),
    ("privacy_audit.html", include_str!("templates/privacy_audit.html")),
    ("privacy_incidents.html", include_str!("templates/privacy_incidents.html")),
    ("privacy_rights.html", include_str!("templates/privacy_rights.html")),
    ("register.html", include_str!("templates/register.html")),
    ("register_app.html", include_str!("templates/register_app.html")),
    ("register_new_app.html", include_str!("templates/register_new_app.html")),
];

const STYLE: &str = include_str!("static/style.css");
const SCRIPT: &str = include_str!("static/app.js");

/// The UI's state inside the gateway.
pub struct Ui {
    pub(crate) sessions: session::Sessions,
    env: Environment<'static>,
}

impl Default for Ui {
    fn default() -> Self {
        Self::new()
    }
}

impl Ui {
    /// Compiles the templates (a broken template is a bug: the tests render every page).
    pub fn new() -> Self {
        let mut env = Environment::new();
        for (name, src) in TEMPLATES {
            if let Err(e) = env.add_template(name, src) {
                // Compile-time content; the test `every_template_compiles` catches this first.
                eprintln!("waarborg: template {name} does not compile: {e}");
            }
        }
        env.add_function("t", i18n::t_function);
        env.add_filter("datetime", i18n::datetime_filter);
        Ui { sessions: session::Sessions::default(), env }
    }

    /// Renders `template` with the page frame's context (user, navigation, CSRF, flash).
    pub(crate) fn page(&self, v: &Visit, status: StatusCode, template: &str, ctx: Value) -> Response {
        let flash = self.sessions.with(&v.token, |s| s.flash.take()).flatten();
        let mut base: BTreeMap<String, Value> = BTreeMap::new();
        base.insert("lang".into(), Value::from(v.lang.code()));
        base.insert("csrf".into(), Value::from(v.csrf.clone()));
        base.insert("path".into(), Value::from(v.path.clone()));
        base.insert("lang_nl".into(), Value::from(with_lang(&v.path, "nl")));
        base.insert("lang_en".into(), Value::from(with_lang(&v.path, "en")));
        base.insert("flash".into(), Value::from(flash));
        base.insert("nav".into(), Value::from_serialize(nav(v)));
        base.insert(
            "user".into(),
            match &v.user {
                Some(u) => Value::from_serialize(serde_json::json!({
                    "name": u.name, "roles": u.roles.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
                })),
                None => Value::from(()),
            },
        );
        if let Ok(iter) = ctx.try_iter() {
            for k in iter {
                if let (Some(key), Ok(val)) = (k.as_str(), ctx.get_item(&k)) {
                    base.insert(key.to_owned(), val);
                }
            }
        }
        let html = self
            .env
            .get_template(template)
            .and_then(|t| t.render(Value::from(base)))
            .unwrap_or_else(|e| {
                // Never a backtrace to a visitor; the message names the template, not data.
                eprintln!("waarborg: rendering {template} failed: {e}");
                "<!doctype html><html lang=\"nl\"><title>Fout</title><h1>Er ging iets mis / Something went wrong</h1></html>".into()
            });
        (status, Html(html)).into_response()
    }

    /// A bare error page.
    pub(crate) fn error(&self, v: &Visit, status: StatusCode, title_key: &str, message_key: &str) -> Response {
        self.page(v, status, "error.html", minijinja::context! { title_key, message_key })
    }

    /// The signed-in user if they may do `p`; otherwise the sign-in page (not signed in) or a
    /// 403 page.
    #[allow(clippy::result_large_err)]
    pub(crate) fn require(&self, v: &Visit, p: Permission) -> Result<SignedIn, Response> {
        match &v.user {
            None => Err(Redirect::to(&format!("/login?next={}", urlencode(&v.path))).into_response()),
            Some(u) if u.may(p) => Ok(u.clone()),
            Some(_) => Err(self.error(v, StatusCode::FORBIDDEN, "error.forbidden.title", "error.forbidden.text")),
        }
    }

    /// Sets the one-time message for the next page.
    pub(crate) fn flash(&self, v: &Visit, key_or_text: impl Into<String>) {
        let m = key_or_text.into();
        self.sessions.with(&v.token, |s| s.flash = Some(m));
    }
}

/// One request's view of its session.
#[derive(Debug, Clone)]
pub(crate) struct Visit {
    /// The session token.
    pub token: String,
    /// Signed in as.
    pub user: Option<SignedIn>,
    /// CSRF token.
    pub csrf: String,
    /// Language.
    pub lang: Lang,
    /// Path and query of the request.
    pub path: String,
}

impl Visit {
    /// Checks a form's CSRF token.
    #[allow(clippy::result_large_err)]
    pub(crate) fn check_csrf(&self, gw: &Gateway, sent: &str) -> Result<(), Response> {
        if !sent.is_empty() && bool::from(sent.as_bytes().ct_eq(self.csrf.as_bytes())) {
            Ok(())
        } else {
            Err(gw.ui.error(self, StatusCode::FORBIDDEN, "error.csrf.title", "error.csrf.text"))
        }
    }

    /// The actor name for the audit trail and the store.
    pub(crate) fn actor(&self) -> String {
        match &self.user {
            Some(u) => format!("user:{}", u.name),
            None => "web:anonymous".into(),
        }
    }

    /// Translates a key in this visit's language.
    pub(crate) fn t(&self, key: &str) -> String {
        i18n::t(self.lang, key)
    }
}

#[derive(serde::Serialize)]
struct NavItem {
    href: &'static str,
    key: &'static str,
}

fn nav(v: &Visit) -> Vec<NavItem> {
    let mut items = Vec::new();
    if let Some(u) = &v.user {
        items.push(NavItem { href: "/chat", key: "nav.chat" });
        if u.may(Permission::ReviewOutputs) {
            items.push(NavItem { href: "/review", key: "nav.review" });
        }
        if u.may(Permission::ReadAudit) {
            items.push(NavItem { href: "/privacy", key: "nav.privacy" });
        }
        if u.may(Permission::ManageApps) {
            items.push(NavItem { href: "/register", key: "nav.register" });
        }
    }
    items
}

/// `path` with `lang=CODE` in its query (other parameters kept, e.g. `next`).
pub(crate) fn with_lang(path: &str, code: &str) -> String {
    let (p, q) = path.split_once('?').unwrap_or((path, ""));
    let mut params: Vec<&str> = q.split('&').filter(|kv| !kv.is_empty() && !kv.starts_with("lang=")).collect();
    let lang = format!("lang={code}");
    params.push(&lang);
    format!("{p}?{}", params.join("&"))
}

/// The part of a bilingual text ("Nederlands / English") for a language; the whole text when it
/// is not bilingual.
pub(crate) fn in_language(text: &str, lang: Lang) -> String {
    match (text.split_once(" / "), lang) {
        (Some((nl, _)), Lang::Nl) => nl.trim().to_owned(),
        (Some((_, en)), Lang::En) => en.trim().to_owned(),
        (None, _) => text.to_owned(),
    }
}

/// Percent-encodes for a query value.
pub(crate) fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A `next` target that stays on this site.
pub(crate) fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') && !n.contains("://") => n.to_owned(),
        _ => "/chat".to_owned(),
    }
}

/// The UI routes (merged into the gateway's router).
pub(crate) fn router(gw: Arc<Gateway>) -> Router<Arc<Gateway>> {
    Router::new()
        .merge(auth::routes())
        .merge(chat::routes())
        .merge(review::routes())
        .merge(privacy::routes())
        .merge(register::routes())
        .layer(axum::middleware::from_fn_with_state(gw, visit))
        .route("/static/style.css", get(|| async { ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE) }))
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .route("/static/app.js", get(|| async { ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], SCRIPT) }))
}

/// Finds or starts the session, applies `?lang=`, and sets the cookie and page headers.
async fn visit(State(gw): State<Arc<Gateway>>, mut req: Request, next: Next) -> Response {
    let cookie = req.headers().get(header::COOKIE).and_then(|h| h.to_str().ok());
    let query_lang = req.uri().query().and_then(|q| {
        q.split('&').find_map(|kv| match kv {
            "lang=en" => Some(Lang::En),
            "lang=nl" => Some(Lang::Nl),
            _ => None,
        })
    });
    let accept_en = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|a| a.trim_start().starts_with("en"));
    let (token, new) = match session::token_from_cookies(cookie) {
        Some(t) if gw.ui.sessions.touch(&t) => (t, false),
        _ => (gw.ui.sessions.create(if accept_en { Lang::En } else { Lang::Nl }), true),
    };
    let snapshot = gw.ui.sessions.with(&token, |s| {
        if let Some(l) = query_lang {
            s.lang = l;
        }
        (s.user.clone(), s.csrf.clone(), s.lang)
    });
    let Some((user, csrf, lang)) = snapshot else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let path = req.uri().path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "/".into());
    req.extensions_mut().insert(Visit { token: token.clone(), user, csrf, lang, path });
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    if new && !h.contains_key(header::SET_COOKIE) {
        if let Ok(c) = HeaderValue::from_str(&session::cookie(&token)) {
            h.append(header::SET_COOKIE, c);
        }
    }
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(PAGE_CSP));
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_compiles() {
        let mut env = Environment::new();
        for (name, src) in TEMPLATES {
            env.add_template(name, src).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }

    #[test]
    fn next_targets_stay_on_the_site() {
        assert_eq!(safe_next(Some("/privacy?x=1")), "/privacy?x=1");
        for bad in ["//evil.example", "https://evil.example/", "/\\evil", "privacy"] {
            assert_eq!(safe_next(Some(bad)), "/chat", "{bad}");
        }
        assert_eq!(safe_next(None), "/chat");
        assert_eq!(urlencode("/chat/a b?x=1&y"), "/chat/a%20b%3Fx%3D1%26y");
        assert_eq!(with_lang("/login?next=/review&lang=nl", "en"), "/login?next=/review&lang=en");
        assert_eq!(with_lang("/chat", "nl"), "/chat?lang=nl");
        assert_eq!(in_language("Bel 14 020. / Call 14 020.", Lang::En), "Call 14 020.");
        assert_eq!(in_language("Bel 14 020. / Call 14 020.", Lang::Nl), "Bel 14 020.");
        assert_eq!(in_language("Bel 14 020.", Lang::En), "Bel 14 020.");
    }
}
