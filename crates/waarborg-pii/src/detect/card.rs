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
    pattern: concat!(
        // 4-4-4-4 and the like; 19-digit cards as 4-4-4-4-3. A trailing group that breaks
        // the checks is dropped again in `check`.
        r"(?-u:\b)[0-9]{4}(?:[ .-]?[0-9]{4}){2}[ .-]?[0-9]{1,7}(?:[ .-][0-9]{1,3})?(?-u:\b)",
        // Amex 4-6-5 and Diners 4-6-4.
        r"|(?-u:\b)3[0-9]{3}[ -]?[0-9]{6}[ -]?[0-9]{4,5}(?-u:\b)",
    ),
    check,
}];

fn check(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    check_digits(t, m.clone()).or_else(|| {
        // `4111 1111 1111 1111 12`: the card without a short number that follows it.
        let raw = &t.bytes[m.clone()];
        let cut = raw.iter().rposition(|c| !c.is_ascii_digit())?;
        (raw.len() - cut <= 4).then_some(())?;
        check_digits(t, m.start..m.start + cut)
    })
}

fn check_digits(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
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
        &["creditcard", "kaart", "card", "visa", "mastercard", "amex", "american express", "maestro", "betaalpas", "pinpas", "bankpas", "jcb", "diners", "discover", "unionpay"],
    ) || t.before_has_word(m.start, 8, &["mc"]);
    // `Betalingskenmerk: 5000 1827 3645 9921`: a payment reference of a card's shape; right after
    // its label also where a card was named before (`creditcard 4866 …, kenmerk 5000 …`).
    if !labelled && t.before_has_word(m.start, 48, &["betalingskenmerk", "transactienummer", "transactiereferentie", "betalingsreferentie"]) {
        return None;
    }
    // A cell under `Betalingskenmerk`, `Transactiereferentie`; a format's example.
    let header = super::cell_header(t, m.clone());
    let card_column = header.as_deref().is_some_and(names_a_card);
    if !card_column && header.as_deref().is_some_and(super::names_another_number) {
        return None;
    }
    if super::format_example_before(t, m.start) {
        return None;
    }
    // `3528 0426 0005 7391`: the engraved number of an OV-chipkaart (a transport card, issued
    // in JCB's range), in a text about them (named in the 4 KB before) and not after a payment
    // card's word.
    if digits.starts_with(b"3528")
        && !t.before_has(m.start, 40, &["creditcard", "credit card", "jcb", "betaalkaart", "betaald met"])
        && t.before_has(m.start, 4096, &["ov-chip", "ov chip", "ovchip", "ov-pas", "ov-kaart"])
    {
        return None;
    }
    // 13 digits: a Visa of the old length, no longer issued, or a barcode (EAN-13 of a German,
    // British or Polish product: `4006381333931`, `5901234123457`). Only where a card is named.
    if n == 13 && !labelled && !card_column {
        return None;
    }
    let label = t.label_before(m.start, 24);
    if crate::text::ends_with_word(label, &["kenmerk", "betalingskenmerk", "referentie", "transactienummer", "ordernummer", "factuurnummer"]) {
        return None;
    }
    // `Serienummer 4539 …`, `Artikelnummer …`, `Transactie-ID …`: the label names another
    // number (a card's own label does not: `creditcard, kaartnummer 4111 …`).
    // (Only a payment card's own word near it outweighs the thing named right before: `dagkaart 2 x
    // | transactie 5374 …` is a transaction's number.)
    let named_card = t.before_has(m.start, 48, STRONG_CARD_WORDS);
    if !named_card && super::another_things_number_or_kind_before(t, m.start) && !last_word_names_a_card(label) {
        return None;
    }
    Some(Hit::new(
        m,
        if labelled {
            0.98
        } else if card_column {
            0.95
        } else {
            BARE_SCORE
        },
    ))
}

/// Words that name a payment card, not any card (`dagkaart`, `ov-chipkaart`).
const STRONG_CARD_WORDS: &[&str] = &[
    "creditcard", "credit card", "visa", "mastercard", "amex", "american express", "maestro", "jcb", "diners",
    "discover", "unionpay", "betaalpas", "pinpas", "bankpas", "betaalkaart", "bankkaart", "kaartnummer", "pasnummer",
];

/// The score of a card number with no card word before it and outside a card column: such a
/// number is kept only where the document speaks of cards ([`mentions_cards`]).
pub(crate) const BARE_SCORE: f32 = 0.9;

/// Words that show a document speaks of payment cards (ASCII, matched case-insensitively).
const CARD_WORDS: &[&str] = &[
    "creditcard", "credit card", "creditkaart", "betaalkaart", "bankkaart", "pinpas", "betaalpas", "bankpas",
    "debitcard", "debit card", "kaartnummer", "kaart nummer", "pasnummer", "card", "visa", "mastercard", "maestro",
    "amex", "american express", "jcb", "diners", "discover", "unionpay", "vervaldatum", "cvc", "cvv", "geldig tot",
    "geldig t/m", "expiry", "kaarthouder", "gepind", "pinnen", "pasje", "kredietkaart", "debetkaart", "mijn pas",
    "mijn kaart", "payment", "pan=",
];

/// Whether `text` speaks of payment cards anywhere. A Luhn-valid number of a card's shape with
/// no card word near it is a card where the document speaks of cards (`ik heb het kaartnummer
/// op een briefje geschreven … 4922 1219 5107 2462`); elsewhere it is one of the many long
/// identifiers of number-dense text (a serial, a session, a licence key), a fifth of which have a
/// card's prefix and a tenth of those pass Luhn. Every card of the hand-annotated sets and the
/// generated corpus stands in a document that has one of these words.
pub(crate) fn mentions_cards(text: &str) -> bool {
    static WORDS: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(CARD_WORDS).ok()
    });
    // Were the automaton not built (it always is: the words are fixed), keep the cards.
    WORDS.as_ref().is_none_or(|w| w.is_match(text))
}

/// Whether a label or column header (in lower case) names a card: `Creditcard`, `Pasnummer`.
fn names_a_card(h: &str) -> bool {
    ["creditcard", "kaart", "card", "visa", "mastercard", "maestro", "amex"].iter().any(|w| h.contains(w))
        || (h.contains("pas") && !h.contains("paspoort"))
}

/// Whether the last word of `label` (letters and digits) names a card (`Pasnummer`).
fn last_word_names_a_card(label: &[u8]) -> bool {
    let start = label.iter().rposition(|c| !c.is_ascii_alphanumeric()).map_or(0, |i| i + 1);
    std::str::from_utf8(&label[start..]).is_ok_and(|w| crate::lexicon::with_lower(w, names_a_card))
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::PaymentCard;

    #[test]
    fn references_in_a_column_and_examples_of_the_format() {
        let table = "| Datum | Betalingskenmerk | Bedrag |\n| 03-02 | 4000 1225 0318 7761 | € 12,00 |";
        assert!(found(table, PaymentCard).is_empty());
        let cards = "| Naam | Creditcard |\n| J. Jansen | 4000 1225 0318 7761 |";
        assert_eq!(found(cards, PaymentCard), ["4000 1225 0318 7761"]);
        let passes = "| Naam | Pasnummer |\n| J. Jansen | 4000 1225 0318 7761 |";
        assert_eq!(found(passes, PaymentCard), ["4000 1225 0318 7761"]);
        let faq = "het kenmerk dat op uw aanslag staat (16 cijfers, bijvoorbeeld 4000 1225 0318 7761).";
        assert!(found(faq, PaymentCard).is_empty());
        assert_eq!(found("Betaald met creditcard 4000 1225 0318 7761.", PaymentCard), ["4000 1225 0318 7761"]);
    }

    #[test]
    fn numbers_named_by_another_label_and_barcodes() {
        // The label names another number: an article, a serial, a transaction.
        assert!(found("Artikelnummer 4012888888881881 op voorraad.", PaymentCard).is_empty());
        assert!(found("Serienummer 4539578763621486, type HP EliteBook.", PaymentCard).is_empty());
        assert!(found("Transactie-ID 5555555555554444 verwerkt.", PaymentCard).is_empty());
        assert_eq!(
            found("Zijn Visa 4111 1111 1111 1111 is gestolen; later transactie-ID 4012888888881881.", PaymentCard),
            ["4111 1111 1111 1111"]
        );
        // A card's own label, a brand before `nr.`, a bare `Nummer`.
        assert_eq!(found("Pasnummer 4111 1111 1111 1111", PaymentCard), ["4111 1111 1111 1111"]);
        assert_eq!(found("Betaald met JCB nr. 3555 3780 2894 0164 op 12 december", PaymentCard), ["3555 3780 2894 0164"]);
        assert_eq!(
            found("Nummer 4111 1111 1111 1111 is geblokkeerd; de creditcard is vervangen.", PaymentCard),
            ["4111 1111 1111 1111"]
        );
        // EAN-13 barcodes of a German and a Polish product pass Luhn; 13 digits is a card only
        // where a card is named.
        let table = "| Artikel | EAN | Aantal |\n| Kabel | 4006381333931 | 12 |\n| Stekker | 5901234123457 | 3 |";
        assert!(found(table, PaymentCard).is_empty());
        assert_eq!(found("Creditcard 4222222222222 (oud model)", PaymentCard), ["4222222222222"]);
        // Maestro (Laser) 6304.
        assert_eq!(found("Betaald met creditcard 6304826563355088, vervaldatum 02/30.", PaymentCard), ["6304826563355088"]);
    }

    #[test]
    fn a_bare_card_number_only_where_the_document_speaks_of_cards() {
        // Long identifiers of number-dense text that pass Luhn and have a card's prefix.
        assert!(found("Sessie 4571779496540303 gestart om 10:02.", PaymentCard).is_empty());
        assert!(found("2024-03-01;4571779496540303;125,00;Leverancier BV", PaymentCard).is_empty());
        assert!(found("Licentiesleutel: 4571 7794 9654 0303", PaymentCard).is_empty());
        // The same numbers where the document speaks of cards, far from the number.
        let chat = "Ik heb het kaartnummer op een briefje geschreven zodat wij het kunnen terugboeken.\n\nHier: 4922 1219 5107 2462";
        assert_eq!(found(chat, PaymentCard), ["4922 1219 5107 2462"]);
        let cvc = "Sessie 4571779496540303 gestart om 10:02. Vervaldatum 03/27, CVC 123.";
        assert_eq!(found(cvc, PaymentCard), ["4571779496540303"]);
        // A card column needs no other word.
        let column = "| Naam | Pas |\n| J. Jansen | 4000 1225 0318 7761 |";
        assert_eq!(found(column, PaymentCard), ["4000 1225 0318 7761"]);
    }

    #[test]
    fn ov_chipkaarten_and_transactions() {
        let pool = "OV-chipkaarten van de afdeling\n| Pas | Kaartnummer (gegraveerd) |\n| SD-OV-01 | 3528 0426 0005 7391 |";
        assert!(found(pool, PaymentCard).is_empty());
        assert_eq!(found("Betaald met JCB-kaart 3528 0426 0005 7391.", PaymentCard), ["3528 0426 0005 7391"]);
        let topped_up = "Ik heb mijn OV-chipkaart opgeladen met mijn JCB-creditcard 3528 0426 0005 7391.";
        assert_eq!(found(topped_up, PaymentCard), ["3528 0426 0005 7391"]);
        assert!(found("| Parkeren | parkeertransactie 4544980725724742 | pinpas |", PaymentCard).is_empty());
        assert!(found("| Diner | kassabon 56912827871160 | eigen creditcard |", PaymentCard).is_empty());
        // A card word near the number outweighs the thing named last.
        assert_eq!(
            found("Creditcard gebruikt bij deze transactie: 5355 0841 2345 0003", PaymentCard),
            ["5355 0841 2345 0003"]
        );
        // A citizen's chat about a lost card; a log's key that may hold a card.
        let chat = "Mijn pas is gestolen, graag blokkeren. Het nummer is 5355 0841 2345 0003";
        assert_eq!(found(chat, PaymentCard), ["5355 0841 2345 0003"]);
        assert_eq!(found("payment failed pan=5355084123450003 reason=declined", PaymentCard), ["5355084123450003"]);
    }

    #[test]
    fn finds_cards_of_each_brand_and_format() {
        assert_eq!(found("kaart 4111 1111 1111 1111", PaymentCard), ["4111 1111 1111 1111"]);
        assert_eq!(found("MC 5555-5555-5555-4444.", PaymentCard), ["5555-5555-5555-4444"]);
        assert_eq!(found("nieuwe MC 2223003122003222", PaymentCard), ["2223003122003222"]);
        assert_eq!(found("Amex 3782 822463 10005", PaymentCard), ["3782 822463 10005"]);
        assert_eq!(found("Diners 3056 930902 5904", PaymentCard), ["3056 930902 5904"]);
        assert_eq!(found("kaart 4111.1111.1111.1111", PaymentCard), ["4111.1111.1111.1111"]);
        assert_eq!(found("Maestro 6759 6498 2643 8453 003", PaymentCard), ["6759 6498 2643 8453 003"]);
        assert_eq!(found("UnionPay 6212 3456 7890 1234 569", PaymentCard), ["6212 3456 7890 1234 569"]);
        // A short number right after the card is not part of it.
        assert_eq!(found("Visa 4111 1111 1111 1111 12 stuks", PaymentCard), ["4111 1111 1111 1111"]);
    }

    #[test]
    fn hard_negatives() {
        assert!(found("4111 1111 1111 1112", PaymentCard).is_empty(), "Luhn");
        assert!(found("1234 5678 1234 5670", PaymentCard).is_empty(), "no brand");
        assert!(found("4111-1111 1111-1111", PaymentCard).is_empty(), "mixed separators");
        assert!(found("41111111111111111111111", PaymentCard).is_empty(), "too long");
        assert!(found("4111.1111 1111.1111", PaymentCard).is_empty(), "mixed separators");
        assert!(found("Kamerstuk 3056 930902 5905", PaymentCard).is_empty(), "Luhn");
        // A payment reference that passes Luhn after its label.
        assert!(found("Betalingskenmerk:       5000 1827 3645 9921", PaymentCard).is_empty());
        assert!(found("onder vermelding van het betalingskenmerk 5000 1827 3645 9921.", PaymentCard).is_empty());
        // Right after a reference's label, though a card was named before.
        assert_eq!(
            found("creditcard 4866 7869 4402 3638, € 14,60, kenmerk 5000 6375 5223 5382", PaymentCard),
            ["4866 7869 4402 3638"]
        );
    }
}
