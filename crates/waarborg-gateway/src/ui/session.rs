//! Web sessions, in memory: an opaque random token in an `HttpOnly; SameSite=Lax` cookie, kept
//! server-side by its SHA-256 only, with a CSRF token, the signed-in user (if any), the chosen
//! language, a one-time flash message and the conversations of this visit.
//!
//! Sessions expire after 30 minutes without use and 12 hours after they began; signing in
//! issues a new token (no session fixation). They live in this process: a restart signs
//! everyone out, and several gateway instances need sticky sessions (noted in docs/ui.md).

use crate::provenance::sha256_hex;
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};
use waarborg_store::{Permission, Role};

/// Name of the session cookie.
pub const COOKIE: &str = "waarborg_session";
/// Idle lifetime.
pub const IDLE: Duration = Duration::from_secs(30 * 60);
/// Absolute lifetime.
pub const ABSOLUTE: Duration = Duration::from_secs(12 * 3600);
/// Most sessions kept at once (oldest evicted beyond this).
const MAX_SESSIONS: usize = 50_000;

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Dutch (default).
    Nl,
    /// English.
    En,
}

impl Lang {
    /// `nl` / `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

/// Someone signed in.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// Login name.
    pub name: String,
    /// Roles at sign-in.
    pub roles: Vec<Role>,
}

impl SignedIn {
    /// Whether any role allows `p`.
    pub fn may(&self, p: Permission) -> bool {
        self.roles.iter().any(|r| r.allows(p))
    }
}

/// One answered (or pending) question on a chat page, as shown: personal data already replaced.
#[derive(Debug, Clone)]
pub struct Turn {
    /// 1-based within the conversation.
    pub n: usize,
    /// The question as shown.
    pub question: String,
    /// The answer as shown (empty while a review is pending).
    pub answer: String,
    /// The notice about personal data in the question.
    pub notice: Option<String>,
    /// Sources cited.
    pub citations: Vec<Citation>,
    /// The signed provenance record.
    pub provenance: Option<serde_json::Value>,
    /// The gateway request's audit event.
    pub audit_seq: Option<i64>,
    /// A guardrail refused or withheld the answer.
    pub refused: bool,
    /// The review item when the answer waits for a person.
    pub review_id: Option<String>,
}

/// A cited passage.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Citation {
    /// Document title.
    pub title: String,
    /// Where it comes from.
    pub source: String,
    /// The passage.
    pub text: String,
}

/// The turns with one application.
#[derive(Debug, Clone)]
pub struct Conversation {
    /// Opaque id (links review items and hand-overs to this page).
    pub id: String,
    /// Turns, oldest first.
    pub turns: Vec<Turn>,
}

/// One visitor's session.
#[derive(Debug)]
pub struct Session {
    /// Signed in as.
    pub user: Option<SignedIn>,
    /// CSRF token for forms.
    pub csrf: String,
    /// Language.
    pub lang: Lang,
    /// Message for the next page.
    pub flash: Option<String>,
    /// Conversations by application name.
    pub conversations: HashMap<String, Conversation>,
    created: Instant,
    last: Instant,
}

/// A random URL-safe token.
pub fn random_token() -> String {
    let bytes: [u8; 32] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// All sessions.
#[derive(Default)]
pub struct Sessions {
    map: Mutex<HashMap<String, Session>>,
}

impl Sessions {
    /// A new session; returns its token (for the cookie).
    pub fn create(&self, lang: Lang) -> String {
        let token = random_token();
        let now = Instant::now();
        let s = Session { user: None, csrf: random_token(), lang, flash: None, conversations: HashMap::new(), created: now, last: now };
        let mut map = self.map.lock().unwrap_or_else(PoisonError::into_inner);
        if map.len() >= MAX_SESSIONS {
            map.retain(|_, s| alive(s, now));
            if map.len() >= MAX_SESSIONS {
                if let Some(oldest) = map.iter().min_by_key(|(_, s)| s.last).map(|(k, _)| k.clone()) {
                    map.remove(&oldest);
                }
            }
        }
        map.insert(sha256_hex(token.as_bytes()), s);
        token
    }

    /// Whether `token` names a live session (touching it).
    pub fn touch(&self, token: &str) -> bool {
        self.touch_at(token, Instant::now())
    }

    fn touch_at(&self, token: &str, now: Instant) -> bool {
        let key = sha256_hex(token.as_bytes());
        let mut map = self.map.lock().unwrap_or_else(PoisonError::into_inner);
        match map.get_mut(&key) {
            Some(s) if alive(s, now) => {
                s.last = now;
                true
            }
            Some(_) => {
                map.remove(&key);
                false
            }
            None => false,
        }
    }

    /// Runs `f` on the session (None when it is gone).
    pub fn with<R>(&self, token: &str, f: impl FnOnce(&mut Session) -> R) -> Option<R> {
        let key = sha256_hex(token.as_bytes());
        let mut map = self.map.lock().unwrap_or_else(PoisonError::into_inner);
        map.get_mut(&key).map(f)
    }

    /// Signs in: a new token carrying the old session's language and conversations; the old
    /// token stops working.
    pub fn sign_in(&self, old: &str, user: SignedIn) -> String {
        let now = Instant::now();
        let mut map = self.map.lock().unwrap_or_else(PoisonError::into_inner);
        let prev = map.remove(&sha256_hex(old.as_bytes()));
        let (lang, conversations) = prev.map(|p| (p.lang, p.conversations)).unwrap_or((Lang::Nl, HashMap::new()));
        let token = random_token();
        let s = Session { user: Some(user), csrf: random_token(), lang, flash: None, conversations, created: now, last: now };
        map.insert(sha256_hex(token.as_bytes()), s);
        token
    }

    /// Ends a session.
    pub fn remove(&self, token: &str) {
        self.map.lock().unwrap_or_else(PoisonError::into_inner).remove(&sha256_hex(token.as_bytes()));
    }
}

fn alive(s: &Session, now: Instant) -> bool {
    now.duration_since(s.last) < IDLE && now.duration_since(s.created) < ABSOLUTE
}

/// The session token from a `Cookie` header.
pub fn token_from_cookies(header: Option<&str>) -> Option<String> {
    header?
        .split(';')
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_owned())
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The `Set-Cookie` value for a token.
pub fn cookie(token: &str) -> String {
    format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}", ABSOLUTE.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signing_in_replaces_the_token_and_keeps_the_conversations() {
        let s = Sessions::default();
        let anon = s.create(Lang::En);
        s.with(&anon, |x| {
            x.conversations.insert("loket".into(), Conversation { id: "c1".into(), turns: Vec::new() });
        });
        let old_csrf = s.with(&anon, |x| x.csrf.clone()).unwrap();
        let t = s.sign_in(&anon, SignedIn { name: "fg".into(), roles: vec![Role::PrivacyOfficer] });
        assert_ne!(t, anon);
        assert!(!s.touch(&anon), "the pre-login token no longer works");
        assert!(s.touch(&t));
        let (lang, conv, csrf) = s.with(&t, |x| (x.lang, x.conversations.contains_key("loket"), x.csrf.clone())).unwrap();
        assert_eq!(lang, Lang::En);
        assert!(conv);
        assert_ne!(csrf, old_csrf, "a new CSRF token with the new session");
        s.remove(&t);
        assert!(!s.touch(&t));
    }

    #[test]
    fn sessions_expire_when_idle_and_after_their_lifetime() {
        let s = Sessions::default();
        let idle = s.create(Lang::Nl);
        let busy = s.create(Lang::Nl);
        let now = Instant::now();
        assert!(s.touch_at(&idle, now + IDLE - Duration::from_secs(1)), "29 minutes idle is fine");
        assert!(!s.touch_at(&idle, now + 2 * IDLE), "30 minutes without use ends a session");
        assert!(s.with(&idle, |_| ()).is_none(), "an expired session is removed");
        // In use every 20 minutes, it still ends after 12 hours.
        let mut t = now;
        let mut alive_for = Duration::ZERO;
        while s.touch_at(&busy, t) {
            alive_for = t - now;
            t += Duration::from_secs(20 * 60);
        }
        assert!(alive_for < ABSOLUTE && alive_for + Duration::from_secs(20 * 60) >= ABSOLUTE, "{alive_for:?}");
    }

    #[test]
    fn only_well_formed_session_cookies_are_read() {
        let t = random_token();
        assert_eq!(token_from_cookies(Some(&format!("a=b; {COOKIE}={t}; c=d"))), Some(t.clone()));
        assert_eq!(token_from_cookies(Some(&format!("{COOKIE}=../../etc"))), None);
        assert_eq!(token_from_cookies(Some("other=1")), None);
        assert_eq!(token_from_cookies(None), None);
        assert!(cookie(&t).contains("HttpOnly") && cookie(&t).contains("SameSite=Lax"));
    }
}
