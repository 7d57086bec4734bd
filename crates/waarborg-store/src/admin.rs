//! Administrative actions as a person performs them: each changes the record and appends the
//! matching audit event, so the CLI, the web UI and the API do the same thing the same way.
//! (The record change and its audit event are two commits; an event is appended only after the
//! change succeeded, so the trail never claims a change that did not happen.)

use crate::audit::{AuditKind, NewAuditEvent};
use crate::domain::{ApiKey, App, AppSpec, Lifecycle, Role, User};
use crate::error::{Result, StoreError};
use crate::secret::{hash_api_key, hash_password, ApiKeySecret};
use crate::time::Timestamp;
use crate::Store;
use serde_json::json;

/// A registered application with its first API key (the secret is shown once).
#[derive(Debug)]
pub struct Registered {
    /// The application.
    pub app: App,
    /// The key's record.
    pub key: ApiKey,
    /// The key itself.
    pub secret: ApiKeySecret,
}

/// Registers an application and issues its first API key.
pub async fn register_app(store: &dyn Store, spec: AppSpec, actor: &str) -> Result<Registered> {
    let app = store.create_app(spec, actor).await?;
    store
        .append_audit(
            NewAuditEvent::new(AuditKind::AppCreated, actor)
                .app(&app.id)
                .detail(json!({"name": app.spec.name, "version": app.version, "audience": app.spec.audience})),
        )
        .await?;
    let (key, secret) = issue_key(store, &app, actor).await?;
    Ok(Registered { app, key, secret })
}

/// Issues another API key for an application in use or in development.
pub async fn issue_key(store: &dyn Store, app: &App, actor: &str) -> Result<(ApiKey, ApiKeySecret)> {
    if app.spec.lifecycle == Lifecycle::OutOfUse {
        return Err(StoreError::Invalid(format!("application '{}' is out of use; it gets no new keys", app.spec.name)));
    }
    let secret = ApiKeySecret::generate();
    let key = store.create_api_key(&app.id, &hash_api_key(&secret.secret), &secret.prefix(), actor).await?;
    store
        .append_audit(
            NewAuditEvent::new(AuditKind::ApiKeyCreated, actor)
                .app(&app.id)
                .detail(json!({"key_id": key.id, "prefix": key.prefix})),
        )
        .await?;
    Ok((key, secret))
}

/// Writes a new version of an application's declaration and records which fields changed (the
/// names only; the values are in the version history).
pub async fn update_app(store: &dyn Store, current: &App, spec: AppSpec, actor: &str) -> Result<App> {
    let before = serde_json::to_value(&current.spec).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let after = serde_json::to_value(&spec).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let mut changed = Vec::new();
    if let (Some(b), Some(a)) = (before.as_object(), after.as_object()) {
        for (k, v) in a {
            if k == "register" {
                for (rk, rv) in v.as_object().into_iter().flatten() {
                    if b.get("register").and_then(|r| r.get(rk)) != Some(rv) {
                        changed.push(format!("register.{rk}"));
                    }
                }
            } else if b.get(k) != Some(v) {
                changed.push(k.clone());
            }
        }
    }
    if changed.is_empty() {
        return Ok(current.clone());
    }
    let app = store.update_app(&current.id, spec, current.version, actor).await?;
    store
        .append_audit(
            NewAuditEvent::new(AuditKind::AppUpdated, actor)
                .app(&app.id)
                .detail(json!({"version": app.version, "changed": changed})),
        )
        .await?;
    Ok(app)
}

/// Takes an application out of use: a new version with status `out_of_use`, and every key
/// revoked.
pub async fn retire_app(store: &dyn Store, id_or_name: &str, actor: &str) -> Result<App> {
    let app = store.get_app(id_or_name).await?;
    let app = if app.spec.lifecycle == Lifecycle::OutOfUse {
        app
    } else {
        let mut spec = app.spec.clone();
        spec.lifecycle = Lifecycle::OutOfUse;
        store.update_app(&app.id, spec, app.version, actor).await?
    };
    let now = Timestamp::now();
    let mut revoked = Vec::new();
    for k in store.list_api_keys(&app.id).await? {
        if k.revoked_at.is_none() {
            store.revoke_api_key(&k.id, now).await?;
            revoked.push(k.id);
        }
    }
    store
        .append_audit(
            NewAuditEvent::new(AuditKind::AppRetired, actor)
                .app(&app.id)
                .detail(json!({"version": app.version, "revoked_keys": revoked})),
        )
        .await?;
    Ok(app)
}

/// Creates a user (password hashed with argon2id) and records it.
pub async fn create_user(store: &dyn Store, name: &str, password: Option<&str>, roles: &[Role], actor: &str) -> Result<User> {
    let hash = password.map(hash_password).transpose()?;
    let user = store.create_user(name, hash.as_deref(), roles, actor).await?;
    store
        .append_audit(
            NewAuditEvent::new(AuditKind::UserCreated, actor)
                .detail(json!({"user_id": user.id, "roles": user.roles})),
        )
        .await?;
    Ok(user)
}

/// Grants a role and records it (nothing is recorded if the role was already held).
pub async fn grant_role(store: &dyn Store, user: &str, role: Role, actor: &str) -> Result<User> {
    let before = store.get_user(user).await?;
    let after = store.grant_role(&before.id, role, actor).await?;
    if !before.roles.contains(&role) {
        store
            .append_audit(NewAuditEvent::new(AuditKind::RoleGranted, actor).detail(json!({"user_id": after.id, "role": role})))
            .await?;
    }
    Ok(after)
}

/// Revokes a role and records it (nothing is recorded if the role was not held).
pub async fn revoke_role(store: &dyn Store, user: &str, role: Role, actor: &str) -> Result<User> {
    let before = store.get_user(user).await?;
    let after = store.revoke_role(&before.id, role, actor).await?;
    if before.roles.contains(&role) {
        store
            .append_audit(NewAuditEvent::new(AuditKind::RoleRevoked, actor).detail(json!({"user_id": after.id, "role": role})))
            .await?;
    }
    Ok(after)
}
