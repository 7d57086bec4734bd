//! EMAIL — e-mail addresses.
//!
//! **What it finds:** `local@domain.tld` with the usual characters in the local part and a
//! dotted domain ending in a 2–24 letter top-level domain.
//!
//! **Why it is personal data:** personal addresses (`j.devries@…`) name their owner; even
//! function addresses route to identifiable staff.
//!
//! **Hard negatives:** `@`-handles without a domain, version strings (`pkg@1.2.3`).

use super::{Hit, PatternRule};
use crate::entity::EntityType;
use crate::text::Text;
use std::ops::Range;

pub(crate) const RULES: &[PatternRule] = &[PatternRule {
    entity: EntityType::Email,
    name: "email",
    pattern: r"[A-Za-z0-9](?:[A-Za-z0-9._%+\-]{0,63})@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?-u:\b)",
    check,
}];

fn check(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    let before = t.char_before(m.start);
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '%' | '+' | '-' | '_')) {
        return None;
    }
    Some(Hit::new(m, 0.99))
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::Email;

    #[test]
    fn finds_addresses() {
        assert_eq!(found("mail j.devries@utrecht.nl.", Email), ["j.devries@utrecht.nl"]);
        assert_eq!(found("<a.b+tag@sub.example.org>", Email), ["a.b+tag@sub.example.org"]);
        assert_eq!(found("FATIMA_1990@Hotmail.COM", Email), ["FATIMA_1990@Hotmail.COM"]);
    }

    #[test]
    fn hard_negatives() {
        assert!(found("volg @gemeente op sociale media", Email).is_empty());
        assert!(found("install pkg@1.2.3", Email).is_empty());
        assert!(found("jan@localhost", Email).is_empty());
    }
}
