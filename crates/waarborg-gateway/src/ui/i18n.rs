//! Every text on a page, Dutch first and English second. Each page module owns its texts
//! (`TEXTS: &[(key, nl, en)]`); this file holds the frame's and joins them. A missing key
//! shows as the key itself, and the test below fails on any key a template uses that is missing.

use super::session::Lang;
use minijinja::State;
use std::collections::HashMap;
use std::sync::LazyLock;

/// (key, Dutch, English).
pub(crate) type Texts = &'static [(&'static str, &'static str, &'static str)];

/// The frame: header, navigation, sign-in, errors.
const CORE: Texts = &[
    ("site.name", "Waarborg", "Waarborg"),
    ("site.tagline", "Verantwoorde AI voor de overheid", "Responsible AI for government"),
    ("site.skip", "Naar de inhoud", "Skip to content"),
    ("site.language", "Taal", "Language"),
    ("site.menu", "Hoofdmenu", "Main menu"),
    ("site.footer", "Waarborg draait op eigen hardware van deze organisatie. Gesprekken worden niet gebruikt om modellen te trainen.", "Waarborg runs on this organisation's own hardware. Conversations are not used to train models."),
    ("nav.home", "Home", "Home"),
    ("nav.chat", "Assistenten", "Assistants"),
    ("nav.review", "Controle", "Review"),
    ("nav.privacy", "Privacy office", "Privacy office"),
    ("nav.register", "Register", "Register"),
    ("nav.login", "Inloggen", "Sign in"),
    ("nav.logout", "Uitloggen", "Sign out"),
    ("nav.signed_in_as", "Ingelogd als", "Signed in as"),
    ("landing.title", "Stel uw vraag aan een assistent", "Ask an assistant"),
    ("landing.intro", "Deze assistenten beantwoorden vragen met informatie uit officiële documenten van de organisatie. U praat met een AI-systeem; een medewerker is altijd bereikbaar.", "These assistants answer questions with information from the organisation's official documents. You are talking to an AI system; a person is always available."),
    ("landing.none", "Er zijn nog geen assistenten voor inwoners.", "There are no assistants for residents yet."),
    ("landing.staff", "Medewerker? Log in voor de interne assistenten en het beheer.", "Staff? Sign in for the internal assistants and administration."),
    ("login.title", "Inloggen", "Sign in"),
    ("login.username", "Gebruikersnaam", "User name"),
    ("login.password", "Wachtwoord", "Password"),
    ("login.submit", "Inloggen", "Sign in"),
    ("login.failed", "Gebruikersnaam of wachtwoord is onjuist.", "User name or password is incorrect."),
    ("login.too_many", "Te veel pogingen. Wacht een minuut en probeer het opnieuw.", "Too many attempts. Wait a minute and try again."),
    ("login.logged_out", "U bent uitgelogd.", "You have signed out."),
    ("error.forbidden.title", "Geen toegang", "No access"),
    ("error.forbidden.text", "U heeft niet de rol die nodig is voor deze pagina. Vraag de beheerder om toegang als u die nodig heeft.", "You do not have the role this page needs. Ask the administrator for access if you need it."),
    ("error.csrf.title", "Formulier verlopen", "Form expired"),
    ("error.csrf.text", "Dit formulier is verlopen of niet door deze site verstuurd. Ga terug, laad de pagina opnieuw en probeer het nog eens.", "This form has expired or was not sent by this site. Go back, reload the page and try again."),
    ("error.not_found.title", "Niet gevonden", "Not found"),
    ("error.not_found.text", "Deze pagina bestaat niet (meer).", "This page does not exist (any more)."),
    ("error.unavailable.title", "Tijdelijk niet beschikbaar", "Temporarily unavailable"),
    ("error.unavailable.text", "Er ging iets mis bij het ophalen van de gegevens. Probeer het later opnieuw.", "Something went wrong while fetching the data. Please try again later."),
    ("error.back", "Terug naar de startpagina", "Back to the home page"),
];

static CATALOG: LazyLock<HashMap<&'static str, (&'static str, &'static str)>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for texts in [CORE, super::chat::TEXTS, super::review::TEXTS, super::privacy::TEXTS, super::register::TEXTS] {
        for (k, nl, en) in texts {
            m.insert(*k, (*nl, *en));
        }
    }
    m
});

/// The text for `key` in `lang` (the key itself when missing).
pub(crate) fn t(lang: Lang, key: &str) -> String {
    match CATALOG.get(key) {
        Some((nl, en)) => match lang {
            Lang::Nl => (*nl).to_owned(),
            Lang::En => (*en).to_owned(),
        },
        None => key.to_owned(),
    }
}

/// `{{ t("key") }}` in templates, in the page's `lang`.
pub(crate) fn t_function(state: &State, key: &str) -> String {
    let lang = match state.lookup("lang").as_ref().and_then(|v| v.as_str()) {
        Some("en") => Lang::En,
        _ => Lang::Nl,
    };
    t(lang, key)
}

/// `{{ ts | datetime }}`: an RFC 3339 timestamp as `2026-12-05 21:10 UTC`.
pub(crate) fn datetime_filter(v: String) -> String {
    match (v.get(..10), v.get(11..16)) {
        (Some(d), Some(t)) if v.len() >= 16 => format!("{d} {t} UTC"),
        _ => v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_a_template_uses_exists_in_both_languages() {
        let mut missing = Vec::new();
        for (name, src) in super::super::TEMPLATES {
            for part in src.split("t(\"").skip(1) {
                let key = part.split('"').next().unwrap_or_default();
                // `t("review.status." ~ status)`: some key must complete the prefix.
                if key.ends_with('.') {
                    if !CATALOG.keys().any(|k| k.starts_with(key)) {
                        missing.push(format!("{name}: {key}*"));
                    }
                    continue;
                }
                match CATALOG.get(key) {
                    Some((nl, en)) if !nl.is_empty() && !en.is_empty() => {}
                    _ => missing.push(format!("{name}: {key}")),
                }
            }
        }
        assert!(missing.is_empty(), "keys without both texts: {missing:?}");
        assert_eq!(t(Lang::En, "login.title"), "Sign in");
        assert_eq!(t(Lang::Nl, "login.title"), "Inloggen");
        assert_eq!(t(Lang::Nl, "no.such.key"), "no.such.key");
        assert_eq!(datetime_filter("2026-12-05T21:10:33.123456Z".into()), "2026-12-05 21:10 UTC");
    }

    #[test]
    fn no_key_is_defined_twice() {
        let mut seen = std::collections::HashSet::new();
        for texts in [CORE, super::super::chat::TEXTS, super::super::review::TEXTS, super::super::privacy::TEXTS, super::super::register::TEXTS] {
            for (k, _, _) in texts {
                assert!(seen.insert(*k), "{k} defined twice");
            }
        }
    }
}
