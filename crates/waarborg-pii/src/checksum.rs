//! Checksums that decide whether a number is an identifier: the 11-proef (BSN), ISO 13616
//! mod-97 (IBAN) and Luhn (payment cards). All work on ASCII digits only and never allocate.

/// The BSN 11-proef: `9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11)`, over exactly nine digits.
///
/// All-zero numbers pass the arithmetic but are not issued; they are rejected.
pub fn elfproef(digits: &[u8]) -> bool {
    if digits.len() != 9 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    if digits.iter().all(|&d| d == b'0') {
        return false;
    }
    let mut sum: i32 = 0;
    for (i, &d) in digits[..8].iter().enumerate() {
        sum += (9 - i as i32) * i32::from(d - b'0');
    }
    sum -= i32::from(digits[8] - b'0');
    sum % 11 == 0
}

/// The IBAN length for a country code of the EU/EEA (plus CH, GB, and a few common others), or
/// `None` for a country whose IBANs we do not recognise.
pub fn iban_length(country: &[u8]) -> Option<usize> {
    let len = match country {
        b"AD" => 24,
        b"AT" => 20,
        b"BE" => 16,
        b"BG" => 22,
        b"CH" => 21,
        b"CY" => 28,
        b"CZ" => 24,
        b"DE" => 22,
        b"DK" => 18,
        b"EE" => 20,
        b"ES" => 24,
        b"FI" => 18,
        b"FO" => 18,
        b"FR" => 27,
        b"GB" => 22,
        b"GI" => 23,
        b"GL" => 18,
        b"GR" => 27,
        b"HR" => 21,
        b"HU" => 28,
        b"IE" => 22,
        b"IS" => 26,
        b"IT" => 27,
        b"LI" => 21,
        b"LT" => 20,
        b"LU" => 20,
        b"LV" => 21,
        b"MC" => 27,
        b"MT" => 31,
        b"NL" => 18,
        b"NO" => 15,
        b"PL" => 28,
        b"PT" => 25,
        b"RO" => 24,
        b"SE" => 24,
        b"SI" => 19,
        b"SK" => 24,
        b"SM" => 27,
        b"TR" => 26,
        b"VA" => 22,
        _ => return None,
    };
    Some(len)
}

/// ISO 13616 mod-97 over an IBAN without spaces, upper-case (`NL91ABNA0417164300`), with the
/// right length for its country.
pub fn iban_valid(iban: &[u8]) -> bool {
    if iban.len() < 5 {
        return false;
    }
    let Some(expected) = iban_length(&iban[..2]) else {
        return false;
    };
    if iban.len() != expected || !iban[2..4].iter().all(u8::is_ascii_digit) {
        return false;
    }
    // Move the first four characters to the end; letters count as 10..=35.
    let mut rem: u32 = 0;
    for &c in iban[4..].iter().chain(&iban[..4]) {
        match c {
            b'0'..=b'9' => rem = (rem * 10 + u32::from(c - b'0')) % 97,
            b'A'..=b'Z' => rem = (rem * 100 + u32::from(c - b'A') + 10) % 97,
            _ => return false,
        }
    }
    rem == 1
}

/// Luhn over a digit string (13 to 19 digits).
pub fn luhn(digits: &[u8]) -> bool {
    if !(12..=19).contains(&digits.len()) || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut sum = 0u32;
    for (i, &d) in digits.iter().rev().enumerate() {
        let mut v = u32::from(d - b'0');
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum % 10 == 0
}

/// Whether a card number's prefix and length belong to a real card brand: Visa, Mastercard
/// (51–55 and the 2-series 2221–2720), American Express, Maestro, Discover, JCB, Diners, UnionPay.
pub fn card_brand_known(digits: &[u8]) -> bool {
    let n = digits.len();
    let prefix = |k: usize| -> u32 {
        digits[..k.min(n)]
            .iter()
            .fold(0, |acc, &d| acc * 10 + u32::from(d - b'0'))
    };
    let p1 = prefix(1);
    let p2 = prefix(2);
    let p4 = prefix(4);
    match p1 {
        4 => matches!(n, 13 | 16 | 19),
        5 => match p2 {
            51..=55 => n == 16,
            50 | 56..=59 => (12..=19).contains(&n),
            _ => false,
        },
        2 => (2221..=2720).contains(&p4) && n == 16,
        3 => match p2 {
            34 | 37 => n == 15,
            35 => (3528..=3589).contains(&p4) && (16..=19).contains(&n),
            36 | 38 | 39 | 30 => (14..=19).contains(&n),
            _ => false,
        },
        6 => {
            (p4 == 6011 || p4 == 6304 || p2 == 65 || (644..=649).contains(&prefix(3)) || p2 == 62 || p2 == 67)
                && (16..=19).contains(&n)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elfproef_accepts_valid_and_rejects_near_misses() {
        assert!(elfproef(b"123456782"));
        assert!(elfproef(b"111222333"));
        assert!(!elfproef(b"123456789"));
        assert!(!elfproef(b"123456783"));
        assert!(!elfproef(b"000000000"));
        assert!(!elfproef(b"12345678"));
        assert!(!elfproef(b"12345678a"));
    }

    #[test]
    fn iban_mod97_for_several_countries() {
        for ok in [
            "NL91ABNA0417164300",
            "DE89370400440532013000",
            "BE68539007547034",
            "FR1420041010050500013M02606",
            "GB29NWBK60161331926819",
            "ES9121000418450200051332",
        ] {
            assert!(iban_valid(ok.as_bytes()), "{ok}");
        }
        assert!(!iban_valid(b"NL91ABNA0417164301"));
        assert!(!iban_valid(b"NL91ABNA041716430"), "wrong length");
        assert!(!iban_valid(b"XX91ABNA0417164300"), "unknown country");
    }

    #[test]
    fn luhn_and_brands() {
        assert!(luhn(b"4111111111111111") && card_brand_known(b"4111111111111111"));
        assert!(luhn(b"5555555555554444") && card_brand_known(b"5555555555554444"));
        assert!(luhn(b"2223003122003222") && card_brand_known(b"2223003122003222"));
        assert!(luhn(b"378282246310005") && card_brand_known(b"378282246310005"));
        assert!(!luhn(b"4111111111111112"));
        // Luhn-valid, but no brand starts with 1 or 9.
        assert!(luhn(b"1234567812345670") && !card_brand_known(b"1234567812345670"));
        // 2-series outside 2221–2720.
        assert!(!card_brand_known(b"2800000000000000"));
    }
}
