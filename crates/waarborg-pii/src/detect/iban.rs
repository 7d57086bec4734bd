//! IBAN — international bank account number.
//!
//! **What it finds:** IBANs of the EU/EEA countries (and CH, GB, TR), with or without the usual
//! groups of four (or, in capitals, a space after the country code: `NL 91 ABNA …`), in upper or
//! lower case, whose length fits the country and whose ISO 13616 mod-97 check holds.
//!
//! **Why it is personal data:** a private account number identifies its holder and reveals
//! their bank; it is used for fraud and phishing.
//!
//! **Hard negatives:** strings of the right shape with a wrong check digit, or the wrong length
//! for their country; following words in capitals are not swallowed (the length comes from the
//! country).

use super::{Hit, PatternRule};
use crate::checksum::{iban_length, iban_valid};
use crate::entity::EntityType;
use crate::text::Text;
use std::ops::Range;

pub(crate) const RULES: &[PatternRule] = &[PatternRule {
    entity: EntityType::Iban,
    name: "iban",
    pattern: r"(?-u:\b)(?:[A-Za-z]{2}|[A-Z]{2} )[0-9]{2}(?: ?[A-Za-z0-9]){11,30}",
    check,
}];

fn check(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    if !t.left_boundary(m.start) {
        return None;
    }
    let raw = &t.bytes[m.clone()];
    let country = [raw[0].to_ascii_uppercase(), raw[1].to_ascii_uppercase()];
    let want = iban_length(&country)?;
    // Walk the match, collecting `want` alphanumerics; the reported span ends there.
    let mut buf = [0u8; 34];
    let mut n = 0;
    let mut end = m.start;
    for (i, &c) in raw.iter().enumerate() {
        if c == b' ' {
            continue;
        }
        buf[n] = c.to_ascii_uppercase();
        n += 1;
        if n == want {
            end = m.start + i + 1;
            break;
        }
    }
    if n != want || !t.right_boundary(end) {
        return None;
    }
    // Mixed case inside the body (`nL91abNA…`) is prose, not an IBAN.
    let letters = raw[..end - m.start].iter().filter(|c| c.is_ascii_alphabetic());
    let (upper, lower) = letters.fold((0, 0), |(u, l), c| {
        if c.is_ascii_uppercase() {
            (u + 1, l)
        } else {
            (u, l + 1)
        }
    });
    if upper > 0 && lower > 0 {
        return None;
    }
    // `NL 91 ABNA 0417 1643 00`: a space after the country code, as some write it by hand. Only
    // in capitals (the pattern asks it of the country code) and with a mostly numeric account
    // part, so that prose never gets that far.
    if raw[2] == b' ' {
        let digits = buf[4..n].iter().filter(|c| c.is_ascii_digit()).count();
        if lower > 0 || digits * 5 < (n - 4) * 3 {
            return None;
        }
    }
    iban_valid(&buf[..n]).then(|| Hit::new(m.start..end, 0.95))
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::Iban;

    /// Headings in capitals whose letters pass the mod-97 check for their "country" (checked
    /// in the test below, so they stay hard negatives of the right kind).
    const PROSE_PASSING_MOD_97: &[&str] = &["NL 86 PROVINCIES ZIJN", "DE 37 GEMEENTEN STEMDEN IN"];

    #[test]
    fn finds_ibans_with_and_without_spaces() {
        assert_eq!(found("IBAN NL91ABNA0417164300.", Iban), ["NL91ABNA0417164300"]);
        assert_eq!(
            found("rekening NL91 ABNA 0417 1643 00 t.n.v.", Iban),
            ["NL91 ABNA 0417 1643 00"]
        );
        assert_eq!(
            found("Konto DE89 3704 0044 0532 0130 00", Iban),
            ["DE89 3704 0044 0532 0130 00"]
        );
        assert_eq!(found("nl91abna0417164300", Iban), ["nl91abna0417164300"]);
        assert_eq!(
            found("Rekeningnummer NL 91 ABNA 0417 1643 00 t.n.v. J. Bakker", Iban),
            ["NL 91 ABNA 0417 1643 00"]
        );
        assert_eq!(found("IBAN: BE 68 5390 0754 7034", Iban), ["BE 68 5390 0754 7034"]);
        assert_eq!(
            found("NL91ABNA0417164300 BSN 123456782", Iban),
            ["NL91ABNA0417164300"]
        );
    }

    #[test]
    fn hard_negatives() {
        assert!(found("NL91ABNA0417164301", Iban).is_empty(), "check digit");
        assert!(found("NL91ABNA04171643", Iban).is_empty(), "too short");
        assert!(found("NL91ABNA04171643001", Iban).is_empty(), "too long");
        assert!(found("XX91ABNA0417164300", Iban).is_empty(), "no such country");
        // A space after the country code: only in capitals, with a mostly numeric account.
        assert!(found("nl 91 abna 0417 1643 00", Iban).is_empty(), "lower case");
        assert!(found("NL 91 ABNA 0417 1643 01", Iban).is_empty(), "check digit");
        // Prose whose letters and digits happen to pass mod-97 (found by search) is not one.
        for text in PROSE_PASSING_MOD_97 {
            let compact: Vec<u8> = text.bytes().filter(|c| *c != b' ').collect();
            assert!(crate::checksum::iban_valid(&compact), "{text} must pass mod-97 to test anything");
            assert!(found(text, Iban).is_empty(), "{text}");
        }
    }
}
