//! Disclosure per audience (R-APP-1, R-APP-3): people see that they deal with an AI system, that
//! its output can be wrong, and — for citizens — how to reach a person.

use waarborg_store::Audience;

/// The AI-system notice.
pub const AI_NOTICE: &str = "U communiceert met een AI-systeem. / You are communicating with an AI system.";
/// The disclaimer.
pub const DISCLAIMER: &str =
    "Antwoorden van een AI-systeem kunnen onjuist of onvolledig zijn; controleer belangrijke informatie bij de officiële bron. / AI output can be wrong or incomplete; check important information with the official source.";

/// The disclosure text for an audience.
pub fn text(audience: Audience, human_contact: &str) -> String {
    match audience {
        Audience::Citizens => format!("{AI_NOTICE} {DISCLAIMER} {human_contact}"),
        Audience::Internal => format!("{AI_NOTICE} {DISCLAIMER}"),
    }
}
