//! PostgreSQL implementations of the domain query traits.

use super::{constraint, PgStore};
use crate::domain::*;
use crate::error::{Result, StoreError};
use crate::time::{new_id, Timestamp};
use deadpool_postgres::GenericClient;
use tokio_postgres::Row;

fn parse_enum<T: DbEnum>(s: &str, what: &'static str) -> Result<T> {
    T::parse(s).ok_or_else(|| StoreError::Invalid(format!("stored {what} '{s}' is not known to this version")))
}

// --- applications ---------------------------------------------------------------------------

fn app_from_row(r: &Row) -> Result<App> {
    Ok(App {
        id: r.get(0),
        version: r.get(1),
        spec: parse_json(r.get::<_, &str>(2), "application spec")?,
        created_at: Timestamp(r.get(3)),
        updated_at: Timestamp(r.get(4)),
        updated_by: r.get(5),
    })
}

async fn get_app<C: GenericClient>(c: &C, key: &str) -> Result<App> {
    let row = c
        .query_opt(
            "SELECT id, version, spec, created_at, updated_at, updated_by FROM applications WHERE id = $1 OR name = $1",
            &[&key],
        )
        .await?
        .ok_or_else(|| StoreError::not_found("application", key))?;
    app_from_row(&row)
}

#[async_trait::async_trait]
impl AppStore for PgStore {
    async fn create_app(&self, spec: AppSpec, actor: &str) -> Result<App> {
        spec.validate()?;
        let mut c = self.client().await?;
        let tx = c.transaction().await?;
        let id = new_id("app");
        let now = Timestamp::now().0;
        let text = json_text(&spec)?;
        tx.execute(
            "INSERT INTO applications (id, name, version, lifecycle, spec, created_at, updated_at, updated_by)
             VALUES ($1, $2, 1, $3, $4, $5, $5, $6)",
            &[&id, &spec.name, &spec.lifecycle.as_str(), &text, &now, &actor],
        )
        .await
        .map_err(|e| constraint(e, "application", &spec.name))?;
        tx.execute(
            "INSERT INTO application_versions (app_id, version, spec, changed_at, changed_by) VALUES ($1, 1, $2, $3, $4)",
            &[&id, &text, &now, &actor],
        )
        .await?;
        let app = get_app(&tx, &id).await?;
        tx.commit().await?;
        Ok(app)
    }

    async fn get_app(&self, id_or_name: &str) -> Result<App> {
        get_app(&self.client().await?, id_or_name).await
    }

    async fn list_apps(&self) -> Result<Vec<App>> {
        let c = self.client().await?;
        let rows = c
            .query("SELECT id, version, spec, created_at, updated_at, updated_by FROM applications ORDER BY name", &[])
            .await?;
        rows.iter().map(app_from_row).collect()
    }

    async fn update_app(&self, id: &str, spec: AppSpec, expected_version: i64, actor: &str) -> Result<App> {
        spec.validate()?;
        let mut c = self.client().await?;
        let tx = c.transaction().await?;
        let current = get_app(&tx, id).await?;
        // Lock the row, then compare versions.
        let found: i64 = tx
            .query_one("SELECT version FROM applications WHERE id = $1 FOR UPDATE", &[&current.id])
            .await?
            .get(0);
        if found != expected_version {
            return Err(StoreError::Conflict { entity: "application", key: current.id, expected: expected_version, found });
        }
        let now = Timestamp::now().0;
        let text = json_text(&spec)?;
        let v = found + 1;
        tx.execute(
            "UPDATE applications SET name = $2, version = $3, lifecycle = $4, spec = $5, updated_at = $6, updated_by = $7
             WHERE id = $1",
            &[&current.id, &spec.name, &v, &spec.lifecycle.as_str(), &text, &now, &actor],
        )
        .await
        .map_err(|e| constraint(e, "application", &spec.name))?;
        tx.execute(
            "INSERT INTO application_versions (app_id, version, spec, changed_at, changed_by) VALUES ($1, $2, $3, $4, $5)",
            &[&current.id, &v, &text, &now, &actor],
        )
        .await?;
        let app = get_app(&tx, &current.id).await?;
        tx.commit().await?;
        Ok(app)
    }

    async fn app_history(&self, id: &str) -> Result<Vec<App>> {
        let c = self.client().await?;
        let app = get_app(&c, id).await?;
        let rows = c
            .query(
                "SELECT app_id, version, spec, changed_at, changed_by FROM application_versions WHERE app_id = $1 ORDER BY version",
                &[&app.id],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(App {
                    id: r.get(0),
                    version: r.get(1),
                    spec: parse_json(r.get::<_, &str>(2), "application spec")?,
                    created_at: app.created_at,
                    updated_at: Timestamp(r.get(3)),
                    updated_by: r.get(4),
                })
            })
            .collect()
    }
}

// --- API keys -----------------------------------------------------------------------------------

fn key_from_row(r: &Row) -> ApiKey {
    ApiKey {
        id: r.get(0),
        app_id: r.get(1),
        prefix: r.get(2),
        created_at: Timestamp(r.get(3)),
        created_by: r.get(4),
        revoked_at: r.get::<_, Option<i64>>(5).map(Timestamp),
        last_used_at: r.get::<_, Option<i64>>(6).map(Timestamp),
    }
}

async fn get_key<C: GenericClient>(c: &C, id: &str) -> Result<ApiKey> {
    c.query_opt(
        "SELECT id, app_id, prefix, created_at, created_by, revoked_at, last_used_at FROM api_keys WHERE id = $1",
        &[&id],
    )
    .await?
    .map(|r| key_from_row(&r))
    .ok_or_else(|| StoreError::not_found("API key", id))
}

#[async_trait::async_trait]
impl KeyStore for PgStore {
    async fn create_api_key(&self, app_id: &str, hash: &str, prefix: &str, actor: &str) -> Result<ApiKey> {
        let c = self.client().await?;
        let app = get_app(&c, app_id).await?;
        let id = new_id("key");
        c.execute(
            "INSERT INTO api_keys (id, app_id, hash, prefix, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)",
            &[&id, &app.id, &hash, &prefix, &Timestamp::now().0, &actor],
        )
        .await
        .map_err(|e| constraint(e, "API key", prefix))?;
        get_key(&c, &id).await
    }

    async fn find_api_key(&self, hash: &str) -> Result<Option<ApiKey>> {
        let c = self.client().await?;
        let stmt = c
            .prepare_cached(
                "SELECT id, app_id, prefix, created_at, created_by, revoked_at, last_used_at FROM api_keys WHERE hash = $1",
            )
            .await?;
        Ok(c.query_opt(&stmt, &[&hash]).await?.map(|r| key_from_row(&r)))
    }

    async fn touch_api_key(&self, id: &str, at: Timestamp) -> Result<()> {
        let c = self.client().await?;
        let n = c
            .execute(
                "UPDATE api_keys SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2)",
                &[&id, &at.0],
            )
            .await?;
        if n == 0 {
            get_key(&c, id).await?;
        }
        Ok(())
    }

    async fn revoke_api_key(&self, id: &str, at: Timestamp) -> Result<ApiKey> {
        let c = self.client().await?;
        c.execute("UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", &[&id, &at.0]).await?;
        get_key(&c, id).await
    }

    async fn list_api_keys(&self, app_id: &str) -> Result<Vec<ApiKey>> {
        let c = self.client().await?;
        let app = get_app(&c, app_id).await?;
        let rows = c
            .query(
                "SELECT id, app_id, prefix, created_at, created_by, revoked_at, last_used_at FROM api_keys
                 WHERE app_id = $1 ORDER BY created_at, id",
                &[&app.id],
            )
            .await?;
        Ok(rows.iter().map(key_from_row).collect())
    }
}

// --- users ----------------------------------------------------------------------------------------

async fn get_user<C: GenericClient>(c: &C, key: &str) -> Result<User> {
    let row = c
        .query_opt("SELECT id, name, password_hash, created_at FROM users WHERE id = $1 OR name = $1", &[&key])
        .await?
        .ok_or_else(|| StoreError::not_found("user", key))?;
    let id: String = row.get(0);
    let mut roles = Vec::new();
    for r in c
        .query("SELECT role FROM role_grants WHERE user_id = $1 AND revoked_at IS NULL ORDER BY role", &[&id])
        .await?
    {
        let role: Role = parse_enum(r.get::<_, &str>(0), "role")?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    Ok(User { id, name: row.get(1), password_hash: row.get(2), created_at: Timestamp(row.get(3)), roles })
}

#[async_trait::async_trait]
impl UserStore for PgStore {
    async fn create_user(&self, name: &str, password_hash: Option<&str>, roles: &[Role], actor: &str) -> Result<User> {
        validate_user_name(name)?;
        let mut c = self.client().await?;
        let tx = c.transaction().await?;
        let id = new_id("usr");
        let now = Timestamp::now().0;
        tx.execute(
            "INSERT INTO users (id, name, password_hash, created_at, created_by) VALUES ($1, $2, $3, $4, $5)",
            &[&id, &name, &password_hash, &now, &actor],
        )
        .await
        .map_err(|e| constraint(e, "user", name))?;
        for role in roles {
            tx.execute(
                "INSERT INTO role_grants (user_id, role, granted_at, granted_by) VALUES ($1, $2, $3, $4)",
                &[&id, &role.as_str(), &now, &actor],
            )
            .await?;
        }
        let u = get_user(&tx, &id).await?;
        tx.commit().await?;
        Ok(u)
    }

    async fn get_user(&self, id_or_name: &str) -> Result<User> {
        get_user(&self.client().await?, id_or_name).await
    }

    async fn list_users(&self) -> Result<Vec<User>> {
        let c = self.client().await?;
        let ids: Vec<String> = c.query("SELECT id FROM users ORDER BY name", &[]).await?.iter().map(|r| r.get(0)).collect();
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.push(get_user(&c, &id).await?);
        }
        Ok(out)
    }

    async fn grant_role(&self, user: &str, role: Role, actor: &str) -> Result<User> {
        let mut c = self.client().await?;
        let tx = c.transaction().await?;
        let u = get_user(&tx, user).await?;
        tx.query_one("SELECT 1 FROM users WHERE id = $1 FOR UPDATE", &[&u.id]).await?;
        let u = get_user(&tx, &u.id).await?;
        if !u.roles.contains(&role) {
            tx.execute(
                "INSERT INTO role_grants (user_id, role, granted_at, granted_by) VALUES ($1, $2, $3, $4)",
                &[&u.id, &role.as_str(), &Timestamp::now().0, &actor],
            )
            .await?;
        }
        let u = get_user(&tx, &u.id).await?;
        tx.commit().await?;
        Ok(u)
    }

    async fn revoke_role(&self, user: &str, role: Role, actor: &str) -> Result<User> {
        let mut c = self.client().await?;
        let tx = c.transaction().await?;
        let u = get_user(&tx, user).await?;
        tx.execute(
            "UPDATE role_grants SET revoked_at = $3, revoked_by = $4 WHERE user_id = $1 AND role = $2 AND revoked_at IS NULL",
            &[&u.id, &role.as_str(), &Timestamp::now().0, &actor],
        )
        .await?;
        let u = get_user(&tx, &u.id).await?;
        tx.commit().await?;
        Ok(u)
    }

    async fn role_history(&self, user: &str) -> Result<Vec<RoleGrant>> {
        let c = self.client().await?;
        let u = get_user(&c, user).await?;
        let rows = c
            .query(
                "SELECT role, granted_at, granted_by, revoked_at, revoked_by FROM role_grants WHERE user_id = $1 ORDER BY id",
                &[&u.id],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(RoleGrant {
                    role: parse_enum(r.get::<_, &str>(0), "role")?,
                    granted_at: Timestamp(r.get(1)),
                    granted_by: r.get(2),
                    revoked_at: r.get::<_, Option<i64>>(3).map(Timestamp),
                    revoked_by: r.get(4),
                })
            })
            .collect()
    }
}

// --- models ---------------------------------------------------------------------------------------

async fn get_model<C: GenericClient>(c: &C, key: &str) -> Result<ModelRecord> {
    let r = c
        .query_opt(
            "SELECT id, name, backend, source, licence, card, created_at FROM models WHERE id = $1 OR name = $1",
            &[&key],
        )
        .await?
        .ok_or_else(|| StoreError::not_found("model", key))?;
    Ok(ModelRecord {
        id: r.get(0),
        name: r.get(1),
        backend: r.get(2),
        source: r.get(3),
        licence: r.get(4),
        card: parse_json(r.get::<_, &str>(5), "model card")?,
        created_at: Timestamp(r.get(6)),
    })
}

fn version_from_row(r: &Row) -> Result<ModelVersion> {
    Ok(ModelVersion {
        id: r.get(0),
        model_id: r.get(1),
        label: r.get(2),
        weights_sha256: r.get(3),
        parameters: parse_json(r.get::<_, &str>(4), "model parameters")?,
        created_at: Timestamp(r.get(5)),
    })
}

#[async_trait::async_trait]
impl ModelStore for PgStore {
    async fn register_model(
        &self,
        name: &str,
        backend: &str,
        source: &str,
        licence: &str,
        card: serde_json::Value,
        actor: &str,
    ) -> Result<ModelRecord> {
        validate_name("model", name)?;
        let c = self.client().await?;
        let id = new_id("mdl");
        c.execute(
            "INSERT INTO models (id, name, backend, source, licence, card, created_at, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[&id, &name, &backend, &source, &licence, &json_text(&card)?, &Timestamp::now().0, &actor],
        )
        .await
        .map_err(|e| constraint(e, "model", name))?;
        get_model(&c, &id).await
    }

    async fn get_model(&self, id_or_name: &str) -> Result<ModelRecord> {
        get_model(&self.client().await?, id_or_name).await
    }

    async fn list_models(&self) -> Result<Vec<ModelRecord>> {
        let c = self.client().await?;
        let ids: Vec<String> = c.query("SELECT id FROM models ORDER BY name", &[]).await?.iter().map(|r| r.get(0)).collect();
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.push(get_model(&c, &id).await?);
        }
        Ok(out)
    }

    async fn add_model_version(
        &self,
        model: &str,
        label: &str,
        weights_sha256: &str,
        parameters: serde_json::Value,
        actor: &str,
    ) -> Result<ModelVersion> {
        validate_sha256(weights_sha256)?;
        let c = self.client().await?;
        let m = get_model(&c, model).await?;
        let id = new_id("mv");
        c.execute(
            "INSERT INTO model_versions (id, model_id, label, weights_sha256, parameters, created_at, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[&id, &m.id, &label, &weights_sha256, &json_text(&parameters)?, &Timestamp::now().0, &actor],
        )
        .await
        .map_err(|e| constraint(e, "model version", label))?;
        let r = c
            .query_one(
                "SELECT id, model_id, label, weights_sha256, parameters, created_at FROM model_versions WHERE id = $1",
                &[&id],
            )
            .await?;
        version_from_row(&r)
    }

    async fn list_model_versions(&self, model: &str) -> Result<Vec<ModelVersion>> {
        let c = self.client().await?;
        let m = get_model(&c, model).await?;
        let rows = c
            .query(
                "SELECT id, model_id, label, weights_sha256, parameters, created_at FROM model_versions
                 WHERE model_id = $1 ORDER BY created_at, id",
                &[&m.id],
            )
            .await?;
        rows.iter().map(version_from_row).collect()
    }

    async fn set_alias(&self, alias: &str, version_id: &str, actor: &str) -> Result<()> {
        validate_name("alias", alias)?;
        let c = self.client().await?;
        let exists: bool = c
            .query_one("SELECT EXISTS (SELECT 1 FROM model_versions WHERE id = $1)", &[&version_id])
            .await?
            .get(0);
        if !exists {
            return Err(StoreError::not_found("model version", version_id));
        }
        c.execute(
            "INSERT INTO model_aliases (alias, model_version_id, set_at, set_by) VALUES ($1, $2, $3, $4)",
            &[&alias, &version_id, &Timestamp::now().0, &actor],
        )
        .await?;
        Ok(())
    }

    async fn resolve_alias(&self, alias: &str) -> Result<ModelVersion> {
        let c = self.client().await?;
        let r = c
            .query_opt(
                "SELECT v.id, v.model_id, v.label, v.weights_sha256, v.parameters, v.created_at
                 FROM model_aliases a JOIN model_versions v ON v.id = a.model_version_id
                 WHERE a.alias = $1 ORDER BY a.id DESC LIMIT 1",
                &[&alias],
            )
            .await?
            .ok_or_else(|| StoreError::not_found("model alias", alias))?;
        version_from_row(&r)
    }
}

// --- datasets and lineage ---------------------------------------------------------------------------

async fn get_dataset<C: GenericClient>(c: &C, key: &str) -> Result<Dataset> {
    c.query_opt("SELECT id, name, description, created_at FROM datasets WHERE id = $1 OR name = $1", &[&key])
        .await?
        .map(|r| Dataset { id: r.get(0), name: r.get(1), description: r.get(2), created_at: Timestamp(r.get(3)) })
        .ok_or_else(|| StoreError::not_found("dataset", key))
}

fn snapshot_from_row(r: &Row) -> Result<Snapshot> {
    Ok(Snapshot {
        id: r.get(0),
        dataset_id: r.get(1),
        provenance: parse_json(r.get::<_, &str>(2), "snapshot provenance")?,
        report_ref: r.get(3),
        records: r.get(4),
        created_at: Timestamp(r.get(5)),
    })
}

#[async_trait::async_trait]
impl DatasetStore for PgStore {
    async fn create_dataset(&self, name: &str, description: &str, actor: &str) -> Result<Dataset> {
        validate_name("dataset", name)?;
        let c = self.client().await?;
        let id = new_id("ds");
        c.execute(
            "INSERT INTO datasets (id, name, description, created_at, created_by) VALUES ($1, $2, $3, $4, $5)",
            &[&id, &name, &description, &Timestamp::now().0, &actor],
        )
        .await
        .map_err(|e| constraint(e, "dataset", name))?;
        get_dataset(&c, &id).await
    }

    async fn get_dataset(&self, id_or_name: &str) -> Result<Dataset> {
        get_dataset(&self.client().await?, id_or_name).await
    }

    async fn add_snapshot(
        &self,
        dataset: &str,
        id: &str,
        provenance: serde_json::Value,
        report_ref: Option<&str>,
        records: i64,
    ) -> Result<Snapshot> {
        if !valid_snapshot_id(id) {
            return Err(StoreError::Invalid("a snapshot id must be sha256:<64 lower-case hex digits>".into()));
        }
        let c = self.client().await?;
        let ds = get_dataset(&c, dataset).await?;
        c.execute(
            "INSERT INTO snapshots (id, dataset_id, provenance, report_ref, records, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
            &[&id, &ds.id, &json_text(&provenance)?, &report_ref, &records, &Timestamp::now().0],
        )
        .await?;
        let r = c
            .query_one(
                "SELECT id, dataset_id, provenance, report_ref, records, created_at FROM snapshots WHERE id = $1",
                &[&id],
            )
            .await?;
        snapshot_from_row(&r)
    }

    async fn list_snapshots(&self, dataset: &str) -> Result<Vec<Snapshot>> {
        let c = self.client().await?;
        let ds = get_dataset(&c, dataset).await?;
        let rows = c
            .query(
                "SELECT id, dataset_id, provenance, report_ref, records, created_at FROM snapshots
                 WHERE dataset_id = $1 ORDER BY created_at, id",
                &[&ds.id],
            )
            .await?;
        rows.iter().map(snapshot_from_row).collect()
    }

    async fn add_lineage(&self, snapshot_id: &str, target: LineageTarget, target_id: &str) -> Result<()> {
        let c = self.client().await?;
        c.execute(
            "INSERT INTO lineage (snapshot_id, target_kind, target_id, created_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
            &[&snapshot_id, &target.as_str(), &target_id, &Timestamp::now().0],
        )
        .await
        .map_err(|e| match constraint(e, "snapshot", snapshot_id) {
            StoreError::Invalid(_) => StoreError::not_found("snapshot", snapshot_id),
            other => other,
        })?;
        Ok(())
    }

    async fn built_from(&self, snapshot_ids: &[String]) -> Result<Vec<LineageEdge>> {
        let c = self.client().await?;
        let ids = snapshot_ids.to_vec();
        let rows = c
            .query(
                "SELECT snapshot_id, target_kind, target_id, created_at FROM lineage
                 WHERE snapshot_id = ANY($1) ORDER BY target_kind, target_id, snapshot_id",
                &[&ids],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(LineageEdge {
                    snapshot_id: r.get(0),
                    target: parse_enum(r.get::<_, &str>(1), "lineage target")?,
                    target_id: r.get(2),
                    created_at: Timestamp(r.get(3)),
                })
            })
            .collect()
    }
}

// --- incidents ------------------------------------------------------------------------------------

fn incident_from_row(r: &Row) -> Result<Incident> {
    Ok(Incident {
        id: r.get(0),
        kind: parse_enum(r.get::<_, &str>(1), "incident kind")?,
        app_id: r.get(2),
        audit_seq: r.get(3),
        description: r.get(4),
        reported_by: r.get(5),
        reported_at: Timestamp(r.get(6)),
        status: parse_enum(r.get::<_, &str>(7), "incident status")?,
        status_changed_at: Timestamp(r.get(8)),
    })
}

async fn get_incident<C: GenericClient>(c: &C, id: &str) -> Result<Incident> {
    let r = c
        .query_opt(
            "SELECT id, kind, app_id, audit_seq, description, reported_by, reported_at, status, status_changed_at
             FROM incidents WHERE id = $1",
            &[&id],
        )
        .await?
        .ok_or_else(|| StoreError::not_found("incident", id))?;
    incident_from_row(&r)
}

#[async_trait::async_trait]
impl IncidentStore for PgStore {
    async fn report_incident(
        &self,
        kind: IncidentKind,
        app_id: Option<&str>,
        audit_seq: Option<i64>,
        description: &str,
        reported_by: &str,
    ) -> Result<Incident> {
        if description.trim().is_empty() {
            return Err(StoreError::Invalid("an incident needs a description of what happened".into()));
        }
        let c = self.client().await?;
        let app_id = match app_id {
            Some(a) => Some(get_app(&c, a).await?.id),
            None => None,
        };
        let id = new_id("inc");
        let now = Timestamp::now().0;
        c.execute(
            "INSERT INTO incidents (id, kind, app_id, audit_seq, description, reported_by, reported_at, status, status_changed_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $7)",
            &[&id, &kind.as_str(), &app_id, &audit_seq, &description, &reported_by, &now],
        )
        .await?;
        get_incident(&c, &id).await
    }

    async fn set_incident_status(&self, id: &str, status: IncidentStatus, note: &str, actor: &str) -> Result<Incident> {
        let mut c = self.client().await?;
        let tx = c.transaction().await?;
        get_incident(&tx, id).await?;
        let now = Timestamp::now().0;
        tx.execute(
            "UPDATE incidents SET status = $2, status_changed_at = $3 WHERE id = $1",
            &[&id, &status.as_str(), &now],
        )
        .await?;
        tx.execute(
            "INSERT INTO incident_updates (incident_id, status, note, changed_at, changed_by) VALUES ($1, $2, $3, $4, $5)",
            &[&id, &status.as_str(), &note, &now, &actor],
        )
        .await?;
        let i = get_incident(&tx, id).await?;
        tx.commit().await?;
        Ok(i)
    }

    async fn list_incidents(&self) -> Result<Vec<Incident>> {
        let c = self.client().await?;
        let rows = c
            .query(
                "SELECT id, kind, app_id, audit_seq, description, reported_by, reported_at, status, status_changed_at
                 FROM incidents ORDER BY reported_at DESC, id",
                &[],
            )
            .await?;
        rows.iter().map(incident_from_row).collect()
    }
}

// --- rights requests --------------------------------------------------------------------------------

fn rights_from_row(r: &Row) -> Result<RightsRequest> {
    Ok(RightsRequest {
        id: r.get(0),
        kind: parse_enum(r.get::<_, &str>(1), "rights request kind")?,
        subject_hash: r.get(2),
        received_at: Timestamp(r.get(3)),
        deadline: Timestamp(r.get(4)),
        status: parse_enum(r.get::<_, &str>(5), "rights request status")?,
        updated_at: Timestamp(r.get(6)),
    })
}

async fn get_rights<C: GenericClient>(c: &C, id: &str) -> Result<RightsRequest> {
    let r = c
        .query_opt(
            "SELECT id, kind, subject_hash, received_at, deadline, status, updated_at FROM rights_requests WHERE id = $1",
            &[&id],
        )
        .await?
        .ok_or_else(|| StoreError::not_found("rights request", id))?;
    rights_from_row(&r)
}

#[async_trait::async_trait]
impl RightsStore for PgStore {
    async fn create_rights_request(&self, kind: RightsKind, subject_hash: &str, deadline: Timestamp) -> Result<RightsRequest> {
        validate_sha256(subject_hash)?;
        let c = self.client().await?;
        let id = new_id("rr");
        let now = Timestamp::now().0;
        c.execute(
            "INSERT INTO rights_requests (id, kind, subject_hash, received_at, deadline, status, updated_at)
             VALUES ($1, $2, $3, $4, $5, 'received', $4)",
            &[&id, &kind.as_str(), &subject_hash, &now, &deadline.0],
        )
        .await?;
        get_rights(&c, &id).await
    }

    async fn set_rights_status(&self, id: &str, status: RightsStatus) -> Result<RightsRequest> {
        let c = self.client().await?;
        let n = c
            .execute(
                "UPDATE rights_requests SET status = $2, updated_at = $3 WHERE id = $1",
                &[&id, &status.as_str(), &Timestamp::now().0],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::not_found("rights request", id));
        }
        get_rights(&c, id).await
    }

    async fn list_rights_requests(&self) -> Result<Vec<RightsRequest>> {
        let c = self.client().await?;
        let rows = c
            .query(
                "SELECT id, kind, subject_hash, received_at, deadline, status, updated_at FROM rights_requests ORDER BY deadline, id",
                &[],
            )
            .await?;
        rows.iter().map(rights_from_row).collect()
    }
}

// --- review queue and hand-overs ----------------------------------------------------------------

// Citations are JSONB; they travel as text (`$n::text::jsonb` in, `citations::text` out).
macro_rules! review_cols {
    () => {
        "id, app_id, audit_seq, question, draft, citations::text, conversation, status, final_text, edited, note,
         created_at, decided_at, decided_by"
    };
}

fn review_from_row(r: &Row) -> Result<ReviewItem> {
    Ok(ReviewItem {
        id: r.get(0),
        app_id: r.get(1),
        audit_seq: r.get(2),
        question: r.get(3),
        draft: r.get(4),
        citations: parse_json(r.get::<_, &str>(5), "review citations")?,
        conversation: r.get(6),
        status: parse_enum(r.get::<_, &str>(7), "review status")?,
        final_text: r.get(8),
        edited: r.get(9),
        note: r.get(10),
        created_at: Timestamp(r.get(11)),
        decided_at: r.get::<_, Option<i64>>(12).map(Timestamp),
        decided_by: r.get(13),
    })
}

async fn get_review<C: GenericClient>(c: &C, id: &str) -> Result<ReviewItem> {
    let r = c
        .query_opt(concat!("SELECT ", review_cols!(), " FROM reviews WHERE id = $1"), &[&id])
        .await?
        .ok_or_else(|| StoreError::not_found("review", id))?;
    review_from_row(&r)
}

macro_rules! handover_cols {
    () => {
        "id, app_id, conversation, summary, status, created_at, closed_at, closed_by"
    };
}

fn handover_from_row(r: &Row) -> Result<Handover> {
    Ok(Handover {
        id: r.get(0),
        app_id: r.get(1),
        conversation: r.get(2),
        summary: r.get(3),
        status: parse_enum(r.get::<_, &str>(4), "hand-over status")?,
        created_at: Timestamp(r.get(5)),
        closed_at: r.get::<_, Option<i64>>(6).map(Timestamp),
        closed_by: r.get(7),
    })
}

async fn get_handover<C: GenericClient>(c: &C, id: &str) -> Result<Handover> {
    let r = c
        .query_opt(concat!("SELECT ", handover_cols!(), " FROM handovers WHERE id = $1"), &[&id])
        .await?
        .ok_or_else(|| StoreError::not_found("hand-over", id))?;
    handover_from_row(&r)
}

#[async_trait::async_trait]
impl ReviewStore for PgStore {
    async fn create_review(
        &self,
        app_id: &str,
        audit_seq: Option<i64>,
        question: &str,
        draft: &str,
        citations: serde_json::Value,
        conversation: &str,
    ) -> Result<ReviewItem> {
        validate_conversation(conversation)?;
        let citations = json_text(&citations)?;
        let c = self.client().await?;
        let app = get_app(&c, app_id).await?;
        let id = new_id("rev");
        c.execute(
            "INSERT INTO reviews (id, app_id, audit_seq, question, draft, citations, conversation, status, edited, created_at)
             VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7, 'pending', FALSE, $8)",
            &[&id, &app.id, &audit_seq, &question, &draft, &citations, &conversation, &Timestamp::now().0],
        )
        .await?;
        get_review(&c, &id).await
    }

    async fn get_review(&self, id: &str) -> Result<ReviewItem> {
        get_review(&self.client().await?, id).await
    }

    async fn list_reviews(&self, status: Option<ReviewStatus>) -> Result<Vec<ReviewItem>> {
        let c = self.client().await?;
        // Pending drafts first, oldest first (the queue); then decisions, newest first.
        let rows = c
            .query(
                concat!(
                    "SELECT ",
                    review_cols!(),
                    " FROM reviews WHERE ($1::text IS NULL OR status = $1)
                      ORDER BY decided_at IS NOT NULL, CASE WHEN decided_at IS NULL THEN created_at END,
                               decided_at DESC, created_at, id",
                ),
                &[&status.map(DbEnum::as_str)],
            )
            .await?;
        rows.iter().map(review_from_row).collect()
    }

    async fn conversation_reviews(&self, conversation: &str) -> Result<Vec<ReviewItem>> {
        let c = self.client().await?;
        let rows = c
            .query(
                concat!("SELECT ", review_cols!(), " FROM reviews WHERE conversation = $1 ORDER BY created_at, id"),
                &[&conversation],
            )
            .await?;
        rows.iter().map(review_from_row).collect()
    }

    async fn decide_review(
        &self,
        id: &str,
        status: ReviewStatus,
        final_text: Option<&str>,
        note: Option<&str>,
        actor: &str,
    ) -> Result<ReviewItem> {
        validate_decision(status)?;
        let mut c = self.client().await?;
        let tx = c.transaction().await?;
        // Lock the row, then read its status: of two reviewers deciding at once, the second
        // waits here and then reads the first one's decision.
        let row = tx
            .query_opt("SELECT id, status, draft FROM reviews WHERE id = $1 FOR UPDATE", &[&id])
            .await?
            .ok_or_else(|| StoreError::not_found("review", id))?;
        let (key, current, draft): (String, &str, &str) = (row.get(0), row.get(1), row.get(2));
        if current != ReviewStatus::Pending.as_str() {
            return Err(StoreError::already_decided("review", key));
        }
        let (final_text, edited) = decision_outcome(status, draft, final_text)?;
        tx.execute(
            "UPDATE reviews SET status = $2, final_text = $3, edited = $4, note = $5, decided_at = $6, decided_by = $7
             WHERE id = $1 AND status = 'pending'",
            &[&key, &status.as_str(), &final_text, &edited, &note, &Timestamp::now().0, &actor],
        )
        .await?;
        let item = get_review(&tx, &key).await?;
        tx.commit().await?;
        Ok(item)
    }

    async fn create_handover(&self, app_id: &str, conversation: &str, summary: &str) -> Result<Handover> {
        validate_conversation(conversation)?;
        let c = self.client().await?;
        let app = get_app(&c, app_id).await?;
        let id = new_id("ho");
        c.execute(
            "INSERT INTO handovers (id, app_id, conversation, summary, status, created_at) VALUES ($1, $2, $3, $4, 'open', $5)",
            &[&id, &app.id, &conversation, &summary, &Timestamp::now().0],
        )
        .await?;
        get_handover(&c, &id).await
    }

    async fn list_handovers(&self, status: Option<HandoverStatus>) -> Result<Vec<Handover>> {
        let c = self.client().await?;
        let rows = c
            .query(
                concat!(
                    "SELECT ",
                    handover_cols!(),
                    " FROM handovers WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at DESC, id",
                ),
                &[&status.map(DbEnum::as_str)],
            )
            .await?;
        rows.iter().map(handover_from_row).collect()
    }

    async fn close_handover(&self, id: &str, actor: &str) -> Result<Handover> {
        let mut c = self.client().await?;
        let tx = c.transaction().await?;
        let row = tx
            .query_opt("SELECT id, status FROM handovers WHERE id = $1 FOR UPDATE", &[&id])
            .await?
            .ok_or_else(|| StoreError::not_found("hand-over", id))?;
        let (key, current): (String, &str) = (row.get(0), row.get(1));
        if current != HandoverStatus::Open.as_str() {
            return Err(StoreError::already_decided("hand-over", key));
        }
        tx.execute(
            "UPDATE handovers SET status = 'closed', closed_at = $2, closed_by = $3 WHERE id = $1 AND status = 'open'",
            &[&key, &Timestamp::now().0, &actor],
        )
        .await?;
        let h = get_handover(&tx, &key).await?;
        tx.commit().await?;
        Ok(h)
    }
}
