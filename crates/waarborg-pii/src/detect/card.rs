//! PAYMENT_CARD — credit and debit card numbers.
//!
//! **What it finds:** 13–19 digits, plain or in groups separated by one kind of space or dash
//! (`5555 5555 5555 4444`, `3782-822463-10005`), whose Luhn check holds and whose prefix and
//! length belong to a real brand (Visa, Mastercard incl. the 2221–2720 series, Amex, Maestro,
//! Discover, JCB, Diners, UnionPay).
//!
//! **Why it is personal data:** a card number identifies the holder's account and enables fraud.
//!
//! **Hard negatives:** long reference numbers that fail Luhn or start with no brand prefix,
//! numbers with mixed separators.

use super::{Hit, PatternRule};
use crate::checksum::{card_brand_known, luhn};
use crate::entity::EntityType;
use crate::text::{digits_of, Text};
use std::ops::Range;

pub(crate) const RULES: &[PatternRule] = &[PatternRule {
    entity: EntityType::PaymentCard,
    name: "payment_card",
    pattern: r"(?-u:\b)[0-9]{4}(?:[ -]?[0-9]{4}){2}[ -]?[0-9]{1,7}(?-u:\b)|(?-u:\b)3[47][0-9]{2}[ -]?[0-9]{6}[ -]?[0-9]{5}(?-u:\b)",
    check,
}];

fn check(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    let raw = &t.bytes[m.clone()];
    let (buf, n) = digits_of(raw)?;
    let digits = &buf[..n];
    if !(13..=19).contains(&n) || !luhn(digits) || !card_brand_known(digits) {
        return None;
    }
    let mut seps = raw.iter().filter(|c| !c.is_ascii_digit());
    if let Some(first) = seps.next() {
        if seps.any(|c| c != first) {
            return None;
        }
    }
    if !t.left_boundary(m.start) || !t.right_boundary(m.end) {
        return None;
    }
    let labelled = t.before_has(
        m.start,
        40,
        &["creditcard", "kaart", "card", "visa", "mastercard", "amex", "maestro", "betaalpas"],
    );
    Some(Hit::new(m, if labelled { 0.98 } else { 0.9 }))
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::PaymentCard;

    #[test]
    fn finds_cards_of_each_brand_and_format() {
        assert_eq!(found("kaart 4111 1111 1111 1111", PaymentCard), ["4111 1111 1111 1111"]);
        assert_eq!(found("MC 5555-5555-5555-4444.", PaymentCard), ["5555-5555-5555-4444"]);
        assert_eq!(found("nieuwe MC 2223003122003222", PaymentCard), ["2223003122003222"]);
        assert_eq!(found("Amex 3782 822463 10005", PaymentCard), ["3782 822463 10005"]);
    }

    #[test]
    fn hard_negatives() {
        assert!(found("4111 1111 1111 1112", PaymentCard).is_empty(), "Luhn");
        assert!(found("1234 5678 1234 5670", PaymentCard).is_empty(), "no brand");
        assert!(found("4111-1111 1111-1111", PaymentCard).is_empty(), "mixed separators");
        assert!(found("41111111111111111111111", PaymentCard).is_empty(), "too long");
    }
}
