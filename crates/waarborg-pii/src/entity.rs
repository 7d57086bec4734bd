//! The closed sets Waarborg reports: entity types (spans) and document-level categories.
//!
//! The serialised names are DESIGN.md's fixed taxonomy; never rename a variant's serde name.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A kind of personal data found as a span of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EntityType {
    /// A natural person's name (initials, first names, tussenvoegsels, surname).
    Person,
    /// An e-mail address.
    Email,
    /// A telephone number.
    Phone,
    /// Burgerservicenummer (11-proef must hold).
    Bsn,
    /// International bank account number (mod-97 must hold).
    Iban,
    /// Payment card number (Luhn and a known brand prefix must hold).
    PaymentCard,
    /// Street name plus house number.
    Address,
    /// Dutch postcode.
    Postcode,
    /// A date given as someone's date of birth.
    DateOfBirth,
    /// Dutch vehicle registration (kenteken).
    LicensePlate,
    /// IPv4 or IPv6 address.
    IpAddress,
    /// Passport, identity-card or driving-licence number.
    IdDocument,
    /// Kamer van Koophandel registration number.
    Kvk,
}

impl EntityType {
    /// Every entity type, in taxonomy order.
    pub const ALL: [EntityType; 13] = [
        EntityType::Person,
        EntityType::Email,
        EntityType::Phone,
        EntityType::Bsn,
        EntityType::Iban,
        EntityType::PaymentCard,
        EntityType::Address,
        EntityType::Postcode,
        EntityType::DateOfBirth,
        EntityType::LicensePlate,
        EntityType::IpAddress,
        EntityType::IdDocument,
        EntityType::Kvk,
    ];

    /// The taxonomy name, e.g. `PAYMENT_CARD`.
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Email => "EMAIL",
            EntityType::Phone => "PHONE",
            EntityType::Bsn => "BSN",
            EntityType::Iban => "IBAN",
            EntityType::PaymentCard => "PAYMENT_CARD",
            EntityType::Address => "ADDRESS",
            EntityType::Postcode => "POSTCODE",
            EntityType::DateOfBirth => "DATE_OF_BIRTH",
            EntityType::LicensePlate => "LICENSE_PLATE",
            EntityType::IpAddress => "IP_ADDRESS",
            EntityType::IdDocument => "ID_DOCUMENT",
            EntityType::Kvk => "KVK",
        }
    }

    /// The Dutch word used in pseudonyms, e.g. `Persoon` in `Persoon-7F3A91C2`.
    pub const fn pseudonym_label(self) -> &'static str {
        match self {
            EntityType::Person => "Persoon",
            EntityType::Email => "Email",
            EntityType::Phone => "Telefoon",
            EntityType::Bsn => "BSN",
            EntityType::Iban => "IBAN",
            EntityType::PaymentCard => "Betaalkaart",
            EntityType::Address => "Adres",
            EntityType::Postcode => "Postcode",
            EntityType::DateOfBirth => "Geboortedatum",
            EntityType::LicensePlate => "Kenteken",
            EntityType::IpAddress => "IP",
            EntityType::IdDocument => "Document",
            EntityType::Kvk => "KvK",
        }
    }

    /// Whether a checksum decides this type (reported only when it holds).
    pub const fn is_checksummed(self) -> bool {
        matches!(self, EntityType::Bsn | EntityType::Iban | EntityType::PaymentCard)
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a name that is not in the taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} `{name}`; expected one of: {expected}")]
pub struct UnknownName {
    kind: &'static str,
    name: String,
    expected: String,
}

impl FromStr for EntityType {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim();
        EntityType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| UnknownName {
                kind: "entity type",
                name: wanted.to_string(),
                expected: EntityType::ALL.map(|t| t.as_str()).join(", "),
            })
    }
}

/// A document-level category: AVG art. 9 special categories and art. 10 criminal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Category {
    /// Health data (diagnoses, medication, treatment, pregnancy, disability).
    #[serde(rename = "SPECIAL_HEALTH")]
    Health,
    /// Religious or philosophical beliefs.
    #[serde(rename = "SPECIAL_RELIGION")]
    Religion,
    /// Racial or ethnic origin.
    #[serde(rename = "SPECIAL_ETHNICITY")]
    Ethnicity,
    /// Political opinions.
    #[serde(rename = "SPECIAL_POLITICS")]
    Politics,
    /// Sex life or sexual orientation.
    #[serde(rename = "SPECIAL_SEXUAL_ORIENTATION")]
    SexualOrientation,
    /// Trade-union membership.
    #[serde(rename = "SPECIAL_TRADE_UNION")]
    TradeUnion,
    /// Biometric or genetic data.
    #[serde(rename = "SPECIAL_BIOMETRIC")]
    Biometric,
    /// Criminal convictions and offences (art. 10).
    #[serde(rename = "CRIMINAL")]
    Criminal,
}

impl Category {
    /// Every category, in taxonomy order.
    pub const ALL: [Category; 8] = [
        Category::Health,
        Category::Religion,
        Category::Ethnicity,
        Category::Politics,
        Category::SexualOrientation,
        Category::TradeUnion,
        Category::Biometric,
        Category::Criminal,
    ];

    /// The taxonomy name, e.g. `SPECIAL_HEALTH`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::Health => "SPECIAL_HEALTH",
            Category::Religion => "SPECIAL_RELIGION",
            Category::Ethnicity => "SPECIAL_ETHNICITY",
            Category::Politics => "SPECIAL_POLITICS",
            Category::SexualOrientation => "SPECIAL_SEXUAL_ORIENTATION",
            Category::TradeUnion => "SPECIAL_TRADE_UNION",
            Category::Biometric => "SPECIAL_BIOMETRIC",
            Category::Criminal => "CRIMINAL",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Category {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim();
        Category::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| UnknownName {
                kind: "category",
                name: wanted.to_string(),
                expected: Category::ALL.map(|c| c.as_str()).join(", "),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for t in EntityType::ALL {
            assert_eq!(t.as_str().parse::<EntityType>().unwrap(), t);
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
        }
        for c in Category::ALL {
            assert_eq!(c.as_str().parse::<Category>().unwrap(), c);
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
        }
    }

    #[test]
    fn unknown_name_is_a_clear_error() {
        let err = "SOFI".parse::<EntityType>().unwrap_err().to_string();
        assert!(err.contains("unknown entity type `SOFI`"), "{err}");
        assert!(err.contains("BSN"), "{err}");
    }
}
