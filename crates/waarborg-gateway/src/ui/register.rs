//! The register, for admins: applications (register, details, keys, retire), models and users.
//!
//! Every change goes through [`waarborg_store::admin`], so the web UI records the same audit
//! events as the CLI. An API key's secret is shown once, on the page that answers the POST that
//! made it — never in a flash message, a URL or a later page — and the response is not cached.

use super::Visit;
use crate::Gateway;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Form, Router};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::sync::Arc;
use waarborg_store::{
    admin, App, AppSpec, Audience, AuditKind, DbEnum, Lifecycle, NewAuditEvent, Permission, Role, StoreError, Timestamp,
};

/// This page's texts.
pub(crate) const TEXTS: super::i18n::Texts = &[
    ("register.title", "Register", "Register"),
    ("register.intro", "De toepassingen die taalmodellen gebruiken, met hun doel, doelgroep, grondslag en beleid; de modellen en de gebruikers.", "The applications that use language models, with their purpose, audience, legal basis and policy; the models and the users."),
    ("register.apps.title", "Toepassingen", "Applications"),
    ("register.apps.caption", "Geregistreerde toepassingen", "Registered applications"),
    ("register.apps.none", "Er zijn nog geen toepassingen geregistreerd.", "No applications have been registered yet."),
    ("register.apps.new", "Nieuwe toepassing registreren", "Register a new application"),
    ("register.field.name", "Naam", "Name"),
    ("register.field.name_hint", "Kleine letters, cijfers, '-' of '_', bijvoorbeeld wmo-assistent.", "Lower-case letters, digits, '-' or '_', e.g. wmo-assistent."),
    ("register.field.purpose", "Doel", "Purpose"),
    ("register.field.purpose_hint", "Zeg precies waarvoor de toepassing is (doelbinding), bijvoorbeeld \"beantwoorden van vragen van inwoners over de Wmo\".", "Say specifically what the application is for (purpose binding), e.g. \"answering residents' questions about the Wmo\"."),
    ("register.field.audience", "Doelgroep", "Audience"),
    ("register.field.policy", "Beleid", "Policy"),
    ("register.field.policy_hint", "De naam van een beleid uit de configuratie. Met 'review' keurt een medewerker elk antwoord aan inwoners goed voordat zij het zien.", "The name of a policy from the configuration. With 'review' a person approves every answer to residents before they see it."),
    ("register.field.legal_basis", "Grondslag", "Legal basis"),
    ("register.field.legal_basis_hint", "De grondslag uit de AVG (art. 6) en de taak die de toepassing dient.", "The GDPR ground (art. 6) and the task the application serves."),
    ("register.field.owner", "Eigenaar", "Owner"),
    ("register.field.owner_hint", "Afdeling of rol die verantwoordelijk is.", "Department or role that is responsible."),
    ("register.field.contact", "Contact", "Contact"),
    ("register.field.contact_hint", "Een functionele mailbox, geen persoonlijk adres.", "A functional mailbox, not a personal address."),
    ("register.field.collections", "Collecties", "Collections"),
    ("register.field.collections_hint", "De bronnen die de toepassing mag doorzoeken, gescheiden door komma's.", "The sources the application may search, separated by commas."),
    ("register.field.models", "Toegestane modellen", "Allowed models"),
    ("register.field.models_hint", "Gescheiden door komma's; leeg betekent het standaardmodel.", "Separated by commas; empty means the default model."),
    ("register.field.lifecycle", "Levensfase", "Lifecycle"),
    ("register.field.retention", "Bewaartermijn vragen en antwoorden (dagen)", "Retention of questions and answers (days)"),
    ("register.field.retention_hint", "Hoe lang de audittrail de versleutelde vragen en antwoorden bewaart; 1 tot 3650.", "How long the audit trail keeps the sealed questions and answers; 1 to 3650."),
    ("register.field.audit_content", "Inhoud in de audittrail", "Content in the audit trail"),
    ("register.field.version", "Versie", "Version"),
    ("register.field.id", "Kenmerk", "Id"),
    ("register.field.created", "Geregistreerd", "Registered"),
    ("register.field.updated", "Laatst gewijzigd", "Last changed"),
    ("register.field.updated_by", "Gewijzigd door", "Changed by"),
    ("register.audience.internal", "Medewerkers", "Staff"),
    ("register.audience.citizens", "Inwoners", "Residents"),
    ("register.lifecycle.in_development", "In ontwikkeling", "In development"),
    ("register.lifecycle.in_use", "In gebruik", "In use"),
    ("register.lifecycle.out_of_use", "Buiten gebruik", "Out of use"),
    ("register.content.pseudonymised", "Gepseudonimiseerd en versleuteld", "Pseudonymised and sealed"),
    ("register.content.none", "Niets (alleen metagegevens)", "Nothing (metadata only)"),
    ("register.none", "—", "—"),
    // new application
    ("register.new.title", "Nieuwe toepassing registreren", "Register a new application"),
    ("register.new.intro", "Na registratie krijgt de toepassing een eerste API-sleutel, die u één keer te zien krijgt.", "After registration the application gets a first API key, which is shown to you once."),
    ("register.new.submit", "Registreren", "Register"),
    ("register.new.cancel", "Annuleren", "Cancel"),
    ("register.form.invalid", "De toepassing is niet geregistreerd:", "The application was not registered:"),
    ("register.form.unknown_policy", "het beleid '{policy}' bestaat niet in de configuratie; kies een van: {list}.", "the policy '{policy}' is not in the configuration; choose one of: {list}."),
    ("register.form.bad_retention", "de bewaartermijn moet een heel aantal dagen zijn, van 1 tot 3650.", "the retention must be a whole number of days, from 1 to 3650."),
    ("register.form.reserved", "de naam 'new' is gereserveerd; kies een andere naam.", "the name 'new' is reserved; choose another name."),
    ("register.form.bad_name", "de naam moet 1 tot 64 tekens hebben: kleine letters a–z, cijfers, '-' of '_', en beginnen met een letter of cijfer.", "the name must have 1 to 64 characters: lower-case letters a–z, digits, '-' or '_', starting with a letter or digit."),
    ("register.form.bad_purpose", "het doel moet specifiek zeggen waarvoor de toepassing is (ten minste 3 woorden en 15 tekens).", "the purpose must say specifically what the application is for (at least 3 words and 15 characters)."),
    ("register.form.taken", "er is al een toepassing met deze naam.", "an application with this name already exists."),
    ("register.created", "De toepassing is geregistreerd.", "The application has been registered."),
    // application page
    ("register.app.details", "Gegevens", "Details"),
    ("register.app.register_fields", "Algoritmeregister", "Algorithm register"),
    ("register.app.register_intro", "Velden voor de publicatie in het Algoritmeregister. Ze worden nu via de CLI of het configuratiebestand ingevuld.", "Fields for publication in the Algorithm Register. They are filled in through the CLI or the configuration file for now."),
    ("register.reg.short_description", "Korte omschrijving", "Short description"),
    ("register.reg.goal_and_impact", "Doel en impact", "Goal and impact"),
    ("register.reg.human_intervention", "Menselijke tussenkomst", "Human intervention"),
    ("register.reg.risk_management", "Risicobeheer", "Risk management"),
    ("register.reg.lawful_basis", "Wettelijke basis", "Lawful basis"),
    ("register.reg.impact_assessments", "Impacttoetsen", "Impact assessments"),
    ("register.reg.source_data", "Brongegevens", "Source data"),
    ("register.reg.technical_working", "Technische werking", "Technical working"),
    ("register.reg.provider", "Leverancier", "Provider"),
    ("register.reg.publication_category", "Publicatiecategorie", "Publication category"),
    ("register.keys.title", "API-sleutels", "API keys"),
    ("register.keys.caption", "API-sleutels van deze toepassing", "API keys of this application"),
    ("register.keys.none", "Deze toepassing heeft geen sleutels.", "This application has no keys."),
    ("register.keys.prefix", "Begin van de sleutel", "Key start"),
    ("register.keys.created", "Gemaakt", "Created"),
    ("register.keys.created_by", "Door", "By"),
    ("register.keys.last_used", "Laatst gebruikt", "Last used"),
    ("register.keys.revoked", "Ingetrokken", "Revoked"),
    ("register.keys.active", "Actief", "Active"),
    ("register.keys.never", "nooit", "never"),
    ("register.keys.action", "Actie", "Action"),
    ("register.keys.revoke", "Intrekken", "Revoke"),
    ("register.keys.issue", "Nieuwe sleutel uitgeven", "Issue a new key"),
    ("register.keys.new_title", "Nieuwe API-sleutel", "New API key"),
    ("register.keys.new_notice", "Kopieer deze sleutel nu en bewaar hem veilig. Hij wordt niet nog eens getoond; Waarborg bewaart alleen een hash.", "Copy this key now and keep it safe. It will not be shown again; Waarborg keeps only a hash."),
    ("register.keys.new_label", "API-sleutel", "API key"),
    ("register.keys.issued", "Er is een nieuwe sleutel uitgegeven.", "A new key has been issued."),
    ("register.keys.revoked_flash", "De sleutel is ingetrokken.", "The key has been revoked."),
    ("register.keys.cache", "Een ingetrokken sleutel werkt binnen {n} seconden niet meer (zo lang onthoudt de gateway sleutels).", "A revoked key stops working within {n} seconds (the gateway remembers keys that long)."),
    ("register.keys.out_of_use", "Deze toepassing is buiten gebruik en krijgt geen nieuwe sleutels.", "This application is out of use and gets no new keys."),
    ("register.retire.title", "Buiten gebruik stellen", "Take out of use"),
    ("register.retire.text", "De toepassing wordt buiten gebruik gesteld en al haar sleutels worden ingetrokken. Dit kan niet vanuit deze pagina ongedaan worden gemaakt.", "The application is taken out of use and all its keys are revoked. This cannot be undone from this page."),
    ("register.retire.confirm", "Ik begrijp dat deze toepassing daarna geen verzoeken meer kan doen", "I understand that this application can make no more requests afterwards"),
    ("register.retire.submit", "Toepassing buiten gebruik stellen", "Take the application out of use"),
    ("register.retire.unconfirmed", "Vink eerst aan dat u het begrijpt; de toepassing is nog in gebruik.", "First tick that you understand; the application is still in use."),
    ("register.retire.done", "De toepassing is buiten gebruik gesteld en haar sleutels zijn ingetrokken.", "The application has been taken out of use and its keys have been revoked."),
    ("register.retire.already", "Deze toepassing is buiten gebruik.", "This application is out of use."),
    ("register.back", "Terug naar het register", "Back to the register"),
    // models
    ("register.models.title", "Modellen", "Models"),
    ("register.models.caption", "Geregistreerde modellen", "Registered models"),
    ("register.models.none", "Er zijn nog geen modellen geregistreerd.", "No models have been registered yet."),
    ("register.models.backend", "Backend", "Backend"),
    ("register.models.source", "Bron", "Source"),
    ("register.models.licence", "Licentie", "Licence"),
    ("register.models.versions", "Versies", "Versions"),
    // users
    ("register.users.title", "Gebruikers", "Users"),
    ("register.users.caption", "Gebruikers en hun rollen", "Users and their roles"),
    ("register.users.none", "Er zijn nog geen gebruikers.", "There are no users yet."),
    ("register.users.roles", "Rollen", "Roles"),
    ("register.users.no_roles", "geen", "none"),
    ("register.users.new", "Nieuwe gebruiker", "New user"),
    ("register.users.name", "Gebruikersnaam", "User name"),
    ("register.users.name_hint", "Kleine letters, cijfers, '.', '_' of '-'.", "Lower-case letters, digits, '.', '_' or '-'."),
    ("register.users.password", "Wachtwoord", "Password"),
    ("register.users.password_hint", "Ten minste 12 tekens.", "At least 12 characters."),
    ("register.users.submit", "Gebruiker aanmaken", "Create user"),
    ("register.users.created", "De gebruiker is aangemaakt.", "The user has been created."),
    ("register.users.invalid", "De gebruiker is niet aangemaakt:", "The user was not created:"),
    ("register.users.short_password", "het wachtwoord moet ten minste 12 tekens hebben.", "the password needs at least 12 characters."),
    ("register.users.need_role", "kies ten minste één rol.", "choose at least one role."),
    ("register.users.taken", "er is al een gebruiker met deze naam.", "a user with this name already exists."),
    ("register.role.admin", "Beheerder", "Administrator"),
    ("register.role.privacy_officer", "Functionaris gegevensbescherming", "Data protection officer"),
    ("register.role.reviewer", "Controleur", "Reviewer"),
    ("register.role.employee", "Medewerker", "Employee"),
];

pub(crate) fn routes() -> Router<Arc<Gateway>> {
    Router::new()
        .route("/register", get(index))
        .route("/register/users", post(create_user))
        .route("/register/apps", post(create_app))
        .route("/register/apps/new", get(new_app))
        .route("/register/apps/{name}", get(app_page))
        .route("/register/apps/{name}/keys", post(issue_key))
        .route("/register/apps/{name}/retire", post(retire))
        .route("/register/keys/{key_id}/revoke", post(revoke_key))
}

fn unavailable(gw: &Gateway, v: &Visit) -> Response {
    gw.ui.error(v, StatusCode::SERVICE_UNAVAILABLE, "error.unavailable.title", "error.unavailable.text")
}

fn not_found(gw: &Gateway, v: &Visit) -> Response {
    gw.ui.error(v, StatusCode::NOT_FOUND, "error.not_found.title", "error.not_found.text")
}

fn store_error(gw: &Gateway, v: &Visit, e: &StoreError) -> Response {
    match e {
        StoreError::NotFound { .. } => not_found(gw, v),
        _ => unavailable(gw, v),
    }
}

fn app_url(name: &str) -> String {
    format!("/register/apps/{}", super::urlencode(name))
}

fn role_text(v: &Visit, r: Role) -> String {
    v.t(&format!("register.role.{}", r.as_str()))
}

fn ts(t: Option<Timestamp>) -> Option<String> {
    t.map(Timestamp::to_rfc3339)
}

/// Comma-separated values, trimmed, without empties or repeats, in order.
fn list(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in s.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        if !out.iter().any(|o| o == item) {
            out.push(item.to_owned());
        }
    }
    out
}

/// The new-user form as it was sent (never the password).
#[derive(Debug, Default, Serialize)]
struct UserFormView {
    name: String,
    roles: Vec<&'static str>,
    error: Option<String>,
}

async fn index(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>) -> Result<Response, Response> {
    gw.ui.require(&v, Permission::ManageApps)?;
    index_page(&gw, &v, StatusCode::OK, UserFormView { roles: vec!["employee"], ..Default::default() }).await
}

async fn index_page(gw: &Gateway, v: &Visit, status: StatusCode, user_form: UserFormView) -> Result<Response, Response> {
    let user = gw.ui.require(v, Permission::ManageApps)?;
    let apps = gw.store.list_apps().await.map_err(|_| unavailable(gw, v))?;
    let apps: Vec<_> = apps
        .iter()
        .map(|a| {
            json!({
                "name": a.spec.name, "purpose": a.spec.purpose,
                "audience": v.t(&format!("register.audience.{}", a.spec.audience.as_str())),
                "policy": a.spec.policy,
                "lifecycle": a.spec.lifecycle.as_str(),
                "lifecycle_text": v.t(&format!("register.lifecycle.{}", a.spec.lifecycle.as_str())),
                "collections": a.spec.collections.join(", "), "version": a.version,
            })
        })
        .collect();
    let mut models = Vec::new();
    for m in gw.store.list_models().await.map_err(|_| unavailable(gw, v))? {
        let versions = gw.store.list_model_versions(&m.id).await.map_err(|_| unavailable(gw, v))?.len();
        models.push(json!({"name": m.name, "backend": m.backend, "source": m.source, "licence": m.licence, "versions": versions}));
    }
    let users: Vec<_> = gw
        .store
        .list_users()
        .await
        .map_err(|_| unavailable(gw, v))?
        .iter()
        .map(|u| {
            json!({
                "name": u.name,
                "roles": u.roles.iter().map(|r| role_text(v, *r)).collect::<Vec<_>>(),
                "created": u.created_at.to_rfc3339(),
            })
        })
        .collect();
    let roles: Vec<_> = Role::ALL
        .iter()
        .map(|r| json!({"value": r.as_str(), "text": role_text(v, *r), "checked": user_form.roles.contains(&r.as_str())}))
        .collect();
    Ok(gw.ui.page(
        v,
        status,
        "register.html",
        minijinja::context! {
            apps, models, users, roles, user_form, may_manage_users => user.may(Permission::ManageUsers),
        },
    ))
}

#[derive(Deserialize)]
struct UserForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    role_admin: Option<String>,
    #[serde(default)]
    role_privacy_officer: Option<String>,
    #[serde(default)]
    role_reviewer: Option<String>,
    #[serde(default)]
    role_employee: Option<String>,
}

async fn create_user(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>, Form(f): Form<UserForm>) -> Result<Response, Response> {
    gw.ui.require(&v, Permission::ManageUsers)?;
    v.check_csrf(&gw, &f.csrf)?;
    let name = f.name.trim().to_lowercase();
    let roles: Vec<Role> = [
        (Role::Admin, &f.role_admin),
        (Role::PrivacyOfficer, &f.role_privacy_officer),
        (Role::Reviewer, &f.role_reviewer),
        (Role::Employee, &f.role_employee),
    ]
    .into_iter()
    .filter(|(_, checked)| checked.is_some())
    .map(|(r, _)| r)
    .collect();
    let problem = if f.password.chars().count() < 12 || f.password.len() > 1024 {
        Some(v.t("register.users.short_password"))
    } else if roles.is_empty() {
        Some(v.t("register.users.need_role"))
    } else {
        match admin::create_user(&*gw.store, &name, Some(&f.password), &roles, &v.actor()).await {
            Ok(_) => None,
            Err(StoreError::AlreadyExists { .. }) => Some(v.t("register.users.taken")),
            Err(StoreError::Invalid(m)) => Some(m),
            Err(_) => return Err(unavailable(&gw, &v)),
        }
    };
    match problem {
        None => {
            gw.ui.flash(&v, "register.users.created");
            Ok(Redirect::to("/register#users").into_response())
        }
        Some(p) => {
            let form = UserFormView {
                name,
                roles: roles.iter().map(|r| r.as_str()).collect(),
                error: Some(format!("{} {p}", v.t("register.users.invalid"))),
            };
            index_page(&gw, &v, StatusCode::UNPROCESSABLE_ENTITY, form).await
        }
    }
}

/// The new-application form, as sent (and as shown again after an error).
#[derive(Debug, Deserialize, Serialize)]
struct AppForm {
    #[serde(default, skip_serializing)]
    csrf: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    policy: String,
    #[serde(default)]
    legal_basis: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    collections: String,
    #[serde(default)]
    allowed_models: String,
    #[serde(default)]
    lifecycle: String,
    #[serde(default)]
    retention_days: String,
}

impl Default for AppForm {
    fn default() -> Self {
        AppForm {
            csrf: String::new(),
            name: String::new(),
            purpose: String::new(),
            audience: Audience::Internal.as_str().into(),
            policy: "default".into(),
            legal_basis: String::new(),
            owner: String::new(),
            contact: String::new(),
            collections: String::new(),
            allowed_models: String::new(),
            lifecycle: Lifecycle::InDevelopment.as_str().into(),
            retention_days: waarborg_store::DEFAULT_RETENTION_DAYS.to_string(),
        }
    }
}

impl AppForm {
    /// The spec this form declares, or what is wrong with it (in the visitor's language where
    /// the check is the UI's own; the store's messages are in English).
    fn spec(&self, v: &Visit, gw: &Gateway) -> Result<AppSpec, Invalid> {
        let opt = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let name = self.name.trim();
        let bad = |field: &'static str, key: &str| Invalid { field: Some(field), message: v.t(key) };
        if name == "new" {
            return Err(bad("name", "register.form.reserved"));
        }
        // The store's rules for name and purpose (`AppSpec::validate`, which still runs below),
        // checked here first to say what is wrong in the visitor's language.
        let name_ok = !name.is_empty()
            && name.len() <= 64
            && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
            && name.as_bytes()[0].is_ascii_alphanumeric();
        if !name_ok {
            return Err(bad("name", "register.form.bad_name"));
        }
        let purpose = self.purpose.trim();
        if purpose.chars().count() < 15 || purpose.split_whitespace().count() < 3 {
            return Err(bad("purpose", "register.form.bad_purpose"));
        }
        let audience: Audience = self.audience.parse().map_err(|e: StoreError| Invalid { field: Some("audience"), message: e.to_string() })?;
        let lifecycle: Lifecycle =
            self.lifecycle.parse().map_err(|e: StoreError| Invalid { field: Some("lifecycle"), message: e.to_string() })?;
        let retention_days = match self.retention_days.trim() {
            "" => waarborg_store::DEFAULT_RETENTION_DAYS,
            r => r.parse::<u32>().ok().filter(|d| (1..=3650).contains(d)).ok_or_else(|| bad("retention_days", "register.form.bad_retention"))?,
        };
        let policy = opt(&self.policy).unwrap_or_else(|| "default".into());
        // An unknown policy would silently fall back to `default` at request time — a typo in
        // `review` would let answers reach citizens unreviewed — so it is refused here.
        if !gw.settings.policies.contains_key(&policy) {
            let mut names: Vec<&str> = gw.settings.policies.keys().map(String::as_str).collect();
            names.sort_unstable();
            return Err(Invalid {
                field: Some("policy"),
                message: v.t("register.form.unknown_policy").replace("{policy}", &policy).replace("{list}", &names.join(", ")),
            });
        }
        let mut spec = AppSpec::new(name, self.purpose.trim(), audience);
        spec.lifecycle = lifecycle;
        spec.retention_days = retention_days;
        spec.policy = policy;
        spec.legal_basis = opt(&self.legal_basis);
        spec.owner = opt(&self.owner);
        spec.contact = opt(&self.contact);
        spec.collections = list(&self.collections);
        spec.allowed_models = list(&self.allowed_models);
        spec.validate().map_err(|e| Invalid { field: None, message: e.to_string() })?;
        Ok(spec)
    }
}

/// What is wrong with a form, and in which field (marked `aria-invalid` on the page).
#[derive(Debug)]
struct Invalid {
    field: Option<&'static str>,
    message: String,
}

fn choices<T: DbEnum + std::fmt::Display>(v: &Visit, prefix: &str) -> Vec<serde_json::Value> {
    T::ALL.iter().map(|x| json!({"value": x.as_str(), "text": v.t(&format!("{prefix}.{}", x.as_str()))})).collect()
}

fn policies(gw: &Gateway) -> Vec<String> {
    let mut names: Vec<String> = gw.settings.policies.keys().cloned().collect();
    names.sort_unstable();
    names
}

fn new_app_page(gw: &Gateway, v: &Visit, status: StatusCode, form: &AppForm, error: Option<Invalid>) -> Response {
    let error_field = error.as_ref().and_then(|e| e.field);
    let error = error.map(|e| format!("{} {}", v.t("register.form.invalid"), e.message));
    gw.ui.page(
        v,
        status,
        "register_new_app.html",
        minijinja::context! {
            form, error, error_field,
            audiences => choices::<Audience>(v, "register.audience"),
            lifecycles => choices::<Lifecycle>(v, "register.lifecycle"),
            policies => policies(gw),
        },
    )
}

async fn new_app(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>) -> Result<Response, Response> {
    gw.ui.require(&v, Permission::ManageApps)?;
    Ok(new_app_page(&gw, &v, StatusCode::OK, &AppForm::default(), None))
}

async fn create_app(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>, Form(f): Form<AppForm>) -> Result<Response, Response> {
    gw.ui.require(&v, Permission::ManageApps)?;
    v.check_csrf(&gw, &f.csrf)?;
    let invalid = |e: Invalid| new_app_page(&gw, &v, StatusCode::UNPROCESSABLE_ENTITY, &f, Some(e));
    let spec = match f.spec(&v, &gw) {
        Ok(s) => s,
        Err(e) => return Err(invalid(e)),
    };
    match admin::register_app(&*gw.store, spec, &v.actor()).await {
        // The first key's secret exists only in this response: show the application page with it
        // (a redirect would lose it).
        Ok(reg) => {
            gw.ui.flash(&v, "register.created");
            app_view(&gw, &v, StatusCode::CREATED, &reg.app, Some(&reg.secret.secret)).await
        }
        Err(StoreError::AlreadyExists { .. }) => Err(invalid(Invalid { field: Some("name"), message: v.t("register.form.taken") })),
        Err(StoreError::Invalid(m)) => Err(invalid(Invalid { field: None, message: m })),
        Err(_) => Err(unavailable(&gw, &v)),
    }
}

async fn app_page(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>, Path(name): Path<String>) -> Result<Response, Response> {
    gw.ui.require(&v, Permission::ManageApps)?;
    let app = gw.store.get_app(&name).await.map_err(|e| store_error(&gw, &v, &e))?;
    app_view(&gw, &v, StatusCode::OK, &app, None).await
}

/// The application page; with `secret`, the one showing of a new key (not cached).
async fn app_view(gw: &Gateway, v: &Visit, status: StatusCode, app: &App, secret: Option<&str>) -> Result<Response, Response> {
    let keys = gw.store.list_api_keys(&app.id).await.map_err(|_| unavailable(gw, v))?;
    let keys: Vec<_> = keys
        .iter()
        .map(|k| {
            json!({
                "id": k.id, "prefix": k.prefix, "created": k.created_at.to_rfc3339(), "created_by": k.created_by,
                "last_used": ts(k.last_used_at), "revoked": ts(k.revoked_at),
            })
        })
        .collect();
    let s = &app.spec;
    let r = &s.register;
    let reg = [
        ("register.reg.short_description", &r.short_description),
        ("register.reg.goal_and_impact", &r.goal_and_impact),
        ("register.reg.human_intervention", &r.human_intervention),
        ("register.reg.risk_management", &r.risk_management),
        ("register.reg.lawful_basis", &r.lawful_basis),
        ("register.reg.impact_assessments", &r.impact_assessments),
        ("register.reg.source_data", &r.source_data),
        ("register.reg.technical_working", &r.technical_working),
        ("register.reg.provider", &r.provider),
        ("register.reg.publication_category", &r.publication_category),
    ];
    let register_fields: Vec<_> = reg.iter().map(|(k, val)| json!({"key": k, "value": val})).collect();
    let details = json!({
        "id": app.id, "name": s.name, "purpose": s.purpose,
        "audience": v.t(&format!("register.audience.{}", s.audience.as_str())),
        "policy": s.policy, "legal_basis": s.legal_basis, "owner": s.owner, "contact": s.contact,
        "lifecycle": s.lifecycle.as_str(),
        "lifecycle_text": v.t(&format!("register.lifecycle.{}", s.lifecycle.as_str())),
        "retention_days": s.retention_days,
        "audit_content": v.t(&format!("register.content.{}", s.audit_content.as_str())),
        "collections": s.collections.join(", "), "allowed_models": s.allowed_models.join(", "),
        "version": app.version, "created": app.created_at.to_rfc3339(), "updated": app.updated_at.to_rfc3339(),
        "updated_by": app.updated_by,
    });
    let cache_secs = gw.settings.auth_cache.as_secs();
    let cache_note = (cache_secs > 0).then(|| v.t("register.keys.cache").replace("{n}", &cache_secs.to_string()));
    let mut resp = gw.ui.page(
        v,
        status,
        "register_app.html",
        minijinja::context! {
            app => details, keys, register_fields, new_secret => secret,
            out_of_use => s.lifecycle == Lifecycle::OutOfUse, cache_note,
        },
    );
    if secret.is_some() {
        resp.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    Ok(resp)
}

#[derive(Deserialize)]
struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

async fn issue_key(
    State(gw): State<Arc<Gateway>>,
    Extension(v): Extension<Visit>,
    Path(name): Path<String>,
    Form(f): Form<CsrfForm>,
) -> Result<Response, Response> {
    gw.ui.require(&v, Permission::ManageApps)?;
    v.check_csrf(&gw, &f.csrf)?;
    let app = gw.store.get_app(&name).await.map_err(|e| store_error(&gw, &v, &e))?;
    match admin::issue_key(&*gw.store, &app, &v.actor()).await {
        Ok((_, secret)) => {
            gw.ui.flash(&v, "register.keys.issued");
            app_view(&gw, &v, StatusCode::OK, &app, Some(&secret.secret)).await
        }
        Err(StoreError::Invalid(_)) => {
            gw.ui.flash(&v, "register.keys.out_of_use");
            Ok(Redirect::to(&app_url(&app.spec.name)).into_response())
        }
        Err(e) => Err(store_error(&gw, &v, &e)),
    }
}

/// Revokes one key and records it. (The store has no audited `admin::revoke_key` yet; this does
/// what `admin::retire_app` does per key, and records one `api_key.revoked` event — only when
/// this request revoked it, not on a repeat.)
async fn revoke_key(
    State(gw): State<Arc<Gateway>>,
    Extension(v): Extension<Visit>,
    Path(key_id): Path<String>,
    Form(f): Form<CsrfForm>,
) -> Result<Response, Response> {
    gw.ui.require(&v, Permission::ManageApps)?;
    v.check_csrf(&gw, &f.csrf)?;
    let now = Timestamp::now();
    let key = gw.store.revoke_api_key(&key_id, now).await.map_err(|e| store_error(&gw, &v, &e))?;
    if key.revoked_at == Some(now) {
        gw.store
            .append_audit(
                NewAuditEvent::new(AuditKind::ApiKeyRevoked, &v.actor())
                    .app(&key.app_id)
                    .detail(json!({"key_id": key.id, "prefix": key.prefix})),
            )
            .await
            .map_err(|_| unavailable(&gw, &v))?;
    }
    let app = gw.store.get_app(&key.app_id).await.map_err(|e| store_error(&gw, &v, &e))?;
    gw.ui.flash(&v, "register.keys.revoked_flash");
    Ok(Redirect::to(&app_url(&app.spec.name)).into_response())
}

#[derive(Deserialize)]
struct RetireForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    confirm: Option<String>,
}

async fn retire(
    State(gw): State<Arc<Gateway>>,
    Extension(v): Extension<Visit>,
    Path(name): Path<String>,
    Form(f): Form<RetireForm>,
) -> Result<Response, Response> {
    gw.ui.require(&v, Permission::ManageApps)?;
    v.check_csrf(&gw, &f.csrf)?;
    let app = gw.store.get_app(&name).await.map_err(|e| store_error(&gw, &v, &e))?;
    if f.confirm.as_deref() != Some("yes") {
        gw.ui.flash(&v, "register.retire.unconfirmed");
        return Ok(Redirect::to(&app_url(&app.spec.name)).into_response());
    }
    admin::retire_app(&*gw.store, &app.id, &v.actor()).await.map_err(|e| store_error(&gw, &v, &e))?;
    gw.ui.flash(&v, "register.retire.done");
    Ok(Redirect::to(&app_url(&app.spec.name)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comma_lists_are_trimmed_and_deduplicated() {
        assert_eq!(list(" wmo, ,jeugd,wmo ,"), vec!["wmo".to_owned(), "jeugd".to_owned()]);
        assert!(list("").is_empty());
    }

    #[test]
    fn every_choice_has_a_text_in_both_languages() {
        use super::super::session::Lang;
        let keys = Audience::ALL
            .iter()
            .map(|a| format!("register.audience.{a}"))
            .chain(Lifecycle::ALL.iter().map(|l| format!("register.lifecycle.{l}")))
            .chain(Role::ALL.iter().map(|r| format!("register.role.{r}")))
            .chain(waarborg_store::ContentPolicy::ALL.iter().map(|c| format!("register.content.{c}")));
        for k in keys {
            assert_ne!(super::super::i18n::t(Lang::Nl, &k), k);
            assert_ne!(super::super::i18n::t(Lang::En, &k), k);
        }
    }
}
