//! The reversible vault: per-conversation maps from pseudonym to the encrypted original value,
//! so the gateway can send `Persoon-7F3A91C2` to a model and put the user's own name back into
//! the answer for that user only.
//!
//! Values are sealed with ChaCha20-Poly1305 under a random key that lives only in this process's
//! memory; pseudonyms come from a random HMAC key of the same vault (so they cannot be linked to
//! pseudonyms from files or other runs). Conversations expire after a time-to-live; expired ones
//! restore nothing and are dropped by [`Vault::purge_expired`] (and lazily on access).

use crate::entity::EntityType;
use crate::findings::Span;
use crate::operator::{Anonymised, Operator, PseudonymKey};
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng};
use chacha20poly1305::{ChaCha20Poly1305, Nonce};
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

struct Sealed {
    nonce: Nonce,
    ciphertext: Vec<u8>,
}

struct Conversation {
    expires: Instant,
    entries: HashMap<String, Sealed>,
}

/// Thread-safe, in-memory, expiring pseudonym vault.
pub struct Vault {
    cipher: ChaCha20Poly1305,
    key: PseudonymKey,
    ttl: Duration,
    conversations: Mutex<HashMap<String, Conversation>>,
}

impl Vault {
    /// A vault whose conversations live `ttl` after their last use.
    pub fn new(ttl: Duration) -> Self {
        Vault {
            cipher: ChaCha20Poly1305::new(&ChaCha20Poly1305::generate_key(&mut OsRng)),
            key: PseudonymKey::generate(),
            ttl,
            conversations: Mutex::new(HashMap::new()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, Conversation>> {
        // A panic while holding the lock cannot leave a map half-updated in a way that matters
        // here (entries are inserted whole), so a poisoned lock is still usable.
        self.conversations
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Replaces `spans` of `text` by pseudonyms and remembers the originals for `conversation`.
    pub fn pseudonymise(&self, conversation: &str, text: &str, spans: &[Span]) -> Anonymised {
        let anonymised = Operator::Pseudonymise(self.key.clone()).apply(text, spans);
        let now = Instant::now();
        let mut map = self.lock();
        let conv = map
            .entry(conversation.to_string())
            .or_insert_with(|| Conversation {
                expires: now + self.ttl,
                entries: HashMap::new(),
            });
        if conv.expires <= now {
            conv.entries.clear();
        }
        conv.expires = now + self.ttl;
        for r in &anonymised.spans {
            if conv.entries.contains_key(&r.replacement) {
                continue;
            }
            let value = &text[r.span.byte_start..r.span.byte_end];
            let nonce = ChaCha20Poly1305::generate_nonce(&mut OsRng);
            if let Ok(ciphertext) = self.cipher.encrypt(&nonce, value.as_bytes()) {
                conv.entries
                    .insert(r.replacement.clone(), Sealed { nonce, ciphertext });
            }
        }
        anonymised
    }

    /// Puts the original values back for every pseudonym of `conversation` found in `text`.
    /// Unknown pseudonyms, and all of them once the conversation has expired, stay as they are.
    pub fn restore(&self, conversation: &str, text: &str) -> String {
        let now = Instant::now();
        let mut map = self.lock();
        let Some(conv) = map.get(conversation) else {
            return text.to_string();
        };
        if conv.expires <= now {
            map.remove(conversation);
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        let mut pos = 0;
        for (start, end) in pseudonym_positions(text) {
            let Some(sealed) = conv.entries.get(&text[start..end]) else {
                continue;
            };
            let Ok(plain) = self.cipher.decrypt(&sealed.nonce, sealed.ciphertext.as_ref()) else {
                continue;
            };
            out.push_str(&text[pos..start]);
            out.push_str(&String::from_utf8_lossy(&plain));
            pos = end;
        }
        out.push_str(&text[pos..]);
        out
    }

    /// Forgets one conversation now.
    pub fn forget(&self, conversation: &str) {
        self.lock().remove(conversation);
    }

    /// Drops expired conversations; returns how many.
    pub fn purge_expired(&self) -> usize {
        let now = Instant::now();
        let mut map = self.lock();
        let before = map.len();
        map.retain(|_, c| c.expires > now);
        before - map.len()
    }

    /// Number of live conversations.
    pub fn conversations(&self) -> usize {
        self.lock().len()
    }
}

/// Byte ranges of `Label-XXXXXXXX` pseudonyms in `text`.
fn pseudonym_positions(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'-') {
        let dash = i + off;
        i = dash + 1;
        let hex_end = dash + 9;
        if hex_end > b.len()
            || !b[dash + 1..hex_end]
                .iter()
                .all(|c| c.is_ascii_digit() || (b'A'..=b'F').contains(c))
            || b.get(hex_end).is_some_and(u8::is_ascii_alphanumeric)
        {
            continue;
        }
        for t in EntityType::ALL {
            let label = t.pseudonym_label().as_bytes();
            if dash >= label.len()
                && &b[dash - label.len()..dash] == label
                && (dash == label.len() || !b[dash - label.len() - 1].is_ascii_alphanumeric())
            {
                out.push((dash - label.len(), hex_end));
                i = hex_end;
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::engine;
    use std::sync::Arc;

    #[test]
    fn round_trip_restores_only_own_conversation() {
        let vault = Vault::new(Duration::from_secs(60));
        let text = "Ik ben Jan de Vries, BSN 123456782.";
        let spans = engine().scan(text).spans;
        let anon = vault.pseudonymise("c1", text, &spans);
        assert!(!anon.text.contains("123456782") && !anon.text.contains("Vries"));
        let pseudonym = &anon.spans[0].replacement;
        let answer = format!("Beste {pseudonym}, uw aanvraag is ontvangen.");
        assert_eq!(
            vault.restore("c1", &answer),
            "Beste Jan de Vries, uw aanvraag is ontvangen."
        );
        assert_eq!(vault.restore("c2", &answer), answer, "other conversation");
    }

    #[test]
    fn expired_conversations_restore_nothing() {
        let vault = Vault::new(Duration::from_millis(0));
        let text = "BSN 123456782";
        let anon = vault.pseudonymise("c", text, &engine().scan(text).spans);
        assert_eq!(vault.restore("c", &anon.text), anon.text);
        vault.pseudonymise("d", text, &engine().scan(text).spans);
        assert_eq!(vault.purge_expired(), 1);
        assert_eq!(vault.conversations(), 0);
    }

    #[test]
    fn shared_between_threads() {
        let vault = Arc::new(Vault::new(Duration::from_secs(60)));
        let handles: Vec<_> = (0..8)
            .map(|i| {
                let vault = Arc::clone(&vault);
                std::thread::spawn(move || {
                    let text = format!("Mail piet{i}@example.nl");
                    let anon = vault.pseudonymise(&format!("c{i}"), &text, &engine().scan(&text).spans);
                    assert_eq!(vault.restore(&format!("c{i}"), &anon.text), text);
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        assert_eq!(vault.conversations(), 8);
    }
}
