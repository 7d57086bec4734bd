//! The domains the store holds: one file each, with its record types and its query trait.

mod apps;
mod datasets;
mod incidents;
mod keys;
mod models;
mod reviews;
mod rights;
mod users;

pub use apps::*;
pub use datasets::*;
pub use incidents::*;
pub use keys::*;
pub use models::*;
pub use reviews::*;
pub use rights::*;
pub use users::*;

/// Text form of a closed enum, for the database and the CLI.
pub trait DbEnum: Sized + Copy + 'static {
    /// All values.
    const ALL: &'static [Self];
    /// Stored/printed name.
    fn as_str(self) -> &'static str;
    /// Parses the stored/printed name.
    fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == s)
    }
    /// `a, b, c` for messages.
    fn choices() -> String {
        Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
    }
}

/// Declares a closed enum stored as text.
macro_rules! db_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vm])* #[doc = concat!("Stored as `", $text, "`.")] #[serde(rename = $text)] $variant),+
        }
        impl $crate::domain::DbEnum for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::domain::DbEnum::as_str(*self))
            }
        }
        impl std::str::FromStr for $name {
            type Err = $crate::StoreError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$name as $crate::domain::DbEnum>::parse(s).ok_or_else(|| {
                    $crate::StoreError::Invalid(format!(
                        "'{s}' is not a valid {}; choose one of: {}",
                        stringify!($name).to_lowercase(),
                        <$name as $crate::domain::DbEnum>::choices()
                    ))
                })
            }
        }
    };
}
pub(crate) use db_enum;

/// Names of models, datasets and aliases: 1–128 printable characters without spaces.
pub(crate) fn validate_name(what: &str, name: &str) -> crate::Result<()> {
    if name.is_empty() || name.len() > 128 || !name.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(crate::StoreError::Invalid(format!(
            "a {what} name must be 1–128 visible ASCII characters without spaces"
        )));
    }
    Ok(())
}

/// Login names: 1–64 of `a-z 0-9 . _ -`.
pub(crate) fn validate_user_name(name: &str) -> crate::Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-'));
    if !ok {
        return Err(crate::StoreError::Invalid(
            "a user name must be 1–64 characters of a–z, 0–9, '.', '_' or '-'".into(),
        ));
    }
    Ok(())
}

/// 64 lower-case hex digits.
pub(crate) fn validate_sha256(h: &str) -> crate::Result<()> {
    if h.len() != 64 || !h.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        return Err(crate::StoreError::Invalid("expected a SHA-256 as 64 lower-case hex digits".into()));
    }
    Ok(())
}

/// A value as the JSON text a backend stores.
pub(crate) fn json_text<T: serde::Serialize>(v: &T) -> crate::Result<String> {
    serde_json::to_string(v).map_err(|e| crate::StoreError::Invalid(e.to_string()))
}

/// Stored JSON text back into a value.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(s: &str, what: &'static str) -> crate::Result<T> {
    serde_json::from_str(s).map_err(|source| crate::StoreError::Corrupt { what, source })
}
