//! SQLite implementations of the domain query traits.

use super::{constraint, SqliteStore};
use crate::domain::*;
use crate::error::{Result, StoreError};
use crate::time::{new_id, Timestamp};
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};

fn parse_enum<T: DbEnum>(s: &str) -> rusqlite::Result<T> {
    T::parse(s).ok_or_else(|| rusqlite::Error::InvalidColumnType(0, format!("unknown value '{s}'"), rusqlite::types::Type::Text))
}

// --- applications ---------------------------------------------------------------------------

macro_rules! app_cols {
    () => {
        "id, version, spec, created_at, updated_at, updated_by"
    };
}

fn app_from_row(r: &Row<'_>) -> rusqlite::Result<(String, i64, String, i64, i64, String)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
}

fn app_from_parts(p: (String, i64, String, i64, i64, String)) -> Result<App> {
    Ok(App {
        id: p.0,
        version: p.1,
        spec: parse_json(&p.2, "application spec")?,
        created_at: Timestamp(p.3),
        updated_at: Timestamp(p.4),
        updated_by: p.5,
    })
}

fn get_app(c: &Connection, key: &str) -> Result<App> {
    let sql = concat!("SELECT ", app_cols!(), " FROM applications WHERE id = ?1 OR name = ?1");
    let parts = c.query_row(sql, [key], app_from_row).optional()?;
    app_from_parts(parts.ok_or_else(|| StoreError::not_found("application", key))?)
}

#[async_trait::async_trait]
impl AppStore for SqliteStore {
    async fn create_app(&self, spec: AppSpec, actor: &str) -> Result<App> {
        spec.validate()?;
        let actor = actor.to_owned();
        self.call(move |c| {
            let id = new_id("app");
            let now = Timestamp::now().0;
            let text = json_text(&spec)?;
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute(
                "INSERT INTO applications (id, name, version, lifecycle, spec, created_at, updated_at, updated_by)
                 VALUES (?1, ?2, 1, ?3, ?4, ?5, ?5, ?6)",
                params![id, spec.name, spec.lifecycle.as_str(), text, now, actor],
            )
            .map_err(|e| constraint(e, "application", &spec.name))?;
            tx.execute(
                "INSERT INTO application_versions (app_id, version, spec, changed_at, changed_by) VALUES (?1, 1, ?2, ?3, ?4)",
                params![id, text, now, actor],
            )?;
            let app = get_app(&tx, &id)?;
            tx.commit()?;
            Ok(app)
        })
        .await
    }

    async fn get_app(&self, id_or_name: &str) -> Result<App> {
        let key = id_or_name.to_owned();
        self.call(move |c| get_app(c, &key)).await
    }

    async fn list_apps(&self) -> Result<Vec<App>> {
        self.call(|c| {
            let sql = concat!("SELECT ", app_cols!(), " FROM applications ORDER BY name");
            let mut stmt = c.prepare(sql)?;
            let rows = stmt.query_map([], app_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            rows.into_iter().map(app_from_parts).collect()
        })
        .await
    }

    async fn update_app(&self, id: &str, spec: AppSpec, expected_version: i64, actor: &str) -> Result<App> {
        spec.validate()?;
        let (id, actor) = (id.to_owned(), actor.to_owned());
        self.call(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let current = get_app(&tx, &id)?;
            if current.version != expected_version {
                return Err(StoreError::Conflict {
                    entity: "application",
                    key: current.id,
                    expected: expected_version,
                    found: current.version,
                });
            }
            let now = Timestamp::now().0;
            let text = json_text(&spec)?;
            let v = current.version + 1;
            tx.execute(
                "UPDATE applications SET name = ?2, version = ?3, lifecycle = ?4, spec = ?5, updated_at = ?6, updated_by = ?7
                 WHERE id = ?1",
                params![current.id, spec.name, v, spec.lifecycle.as_str(), text, now, actor],
            )
            .map_err(|e| constraint(e, "application", &spec.name))?;
            tx.execute(
                "INSERT INTO application_versions (app_id, version, spec, changed_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![current.id, v, text, now, actor],
            )?;
            let app = get_app(&tx, &current.id)?;
            tx.commit()?;
            Ok(app)
        })
        .await
    }

    async fn app_history(&self, id: &str) -> Result<Vec<App>> {
        let id = id.to_owned();
        self.call(move |c| {
            let app = get_app(c, &id)?;
            let mut stmt = c.prepare(
                "SELECT app_id, version, spec, changed_at, changed_by FROM application_versions WHERE app_id = ?1 ORDER BY version",
            )?;
            let rows = stmt
                .query_map([&app.id], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get::<_, String>(2)?, r.get(3)?, r.get(4)?)))?
                .collect::<rusqlite::Result<Vec<(String, i64, String, i64, String)>>>()?;
            rows.into_iter()
                .map(|(id, version, spec, at, by)| {
                    Ok(App {
                        id,
                        version,
                        spec: parse_json(&spec, "application spec")?,
                        created_at: app.created_at,
                        updated_at: Timestamp(at),
                        updated_by: by,
                    })
                })
                .collect()
        })
        .await
    }
}

// --- API keys -----------------------------------------------------------------------------------

macro_rules! key_cols {
    () => {
        "id, app_id, prefix, created_at, created_by, revoked_at, last_used_at"
    };
}

fn key_from_row(r: &Row<'_>) -> rusqlite::Result<ApiKey> {
    Ok(ApiKey {
        id: r.get(0)?,
        app_id: r.get(1)?,
        prefix: r.get(2)?,
        created_at: Timestamp(r.get(3)?),
        created_by: r.get(4)?,
        revoked_at: r.get::<_, Option<i64>>(5)?.map(Timestamp),
        last_used_at: r.get::<_, Option<i64>>(6)?.map(Timestamp),
    })
}

fn get_key(c: &Connection, id: &str) -> Result<ApiKey> {
    c.query_row(concat!("SELECT ", key_cols!(), " FROM api_keys WHERE id = ?1"), [id], key_from_row)
        .optional()?
        .ok_or_else(|| StoreError::not_found("API key", id))
}

#[async_trait::async_trait]
impl KeyStore for SqliteStore {
    async fn create_api_key(&self, app_id: &str, hash: &str, prefix: &str, actor: &str) -> Result<ApiKey> {
        let (app_id, hash, prefix, actor) = (app_id.to_owned(), hash.to_owned(), prefix.to_owned(), actor.to_owned());
        self.call(move |c| {
            let app = get_app(c, &app_id)?;
            let id = new_id("key");
            c.execute(
                "INSERT INTO api_keys (id, app_id, hash, prefix, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, app.id, hash, prefix, Timestamp::now().0, actor],
            )
            .map_err(|e| constraint(e, "API key", &prefix))?;
            get_key(c, &id)
        })
        .await
    }

    async fn find_api_key(&self, hash: &str) -> Result<Option<ApiKey>> {
        let hash = hash.to_owned();
        self.call(move |c| {
            let mut stmt = c.prepare_cached(concat!("SELECT ", key_cols!(), " FROM api_keys WHERE hash = ?1"))?;
            Ok(stmt.query_row([hash], key_from_row).optional()?)
        })
        .await
    }

    async fn touch_api_key(&self, id: &str, at: Timestamp) -> Result<()> {
        let id = id.to_owned();
        self.call(move |c| {
            let n = c.execute(
                "UPDATE api_keys SET last_used_at = ?2 WHERE id = ?1 AND (last_used_at IS NULL OR last_used_at < ?2)",
                params![id, at.0],
            )?;
            if n == 0 {
                get_key(c, &id)?;
            }
            Ok(())
        })
        .await
    }

    async fn revoke_api_key(&self, id: &str, at: Timestamp) -> Result<ApiKey> {
        let id = id.to_owned();
        self.call(move |c| {
            c.execute("UPDATE api_keys SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL", params![id, at.0])?;
            get_key(c, &id)
        })
        .await
    }

    async fn list_api_keys(&self, app_id: &str) -> Result<Vec<ApiKey>> {
        let app_id = app_id.to_owned();
        self.call(move |c| {
            let app = get_app(c, &app_id)?;
            let mut stmt =
                c.prepare(concat!("SELECT ", key_cols!(), " FROM api_keys WHERE app_id = ?1 ORDER BY created_at, id"))?;
            let rows = stmt.query_map([app.id], key_from_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await
    }
}

// --- users ----------------------------------------------------------------------------------------

fn get_user(c: &Connection, key: &str) -> Result<User> {
    let row = c
        .query_row("SELECT id, name, password_hash, created_at FROM users WHERE id = ?1 OR name = ?1", [key], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?, r.get::<_, i64>(3)?))
        })
        .optional()?
        .ok_or_else(|| StoreError::not_found("user", key))?;
    let mut stmt =
        c.prepare_cached("SELECT role FROM role_grants WHERE user_id = ?1 AND revoked_at IS NULL ORDER BY role")?;
    let mut roles = stmt
        .query_map([&row.0], |r| parse_enum::<Role>(&r.get::<_, String>(0)?))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    roles.dedup();
    Ok(User { id: row.0, name: row.1, password_hash: row.2, created_at: Timestamp(row.3), roles })
}

#[async_trait::async_trait]
impl UserStore for SqliteStore {
    async fn create_user(&self, name: &str, password_hash: Option<&str>, roles: &[Role], actor: &str) -> Result<User> {
        validate_user_name(name)?;
        let (name, hash, roles, actor) = (name.to_owned(), password_hash.map(str::to_owned), roles.to_vec(), actor.to_owned());
        self.call(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let id = new_id("usr");
            let now = Timestamp::now().0;
            tx.execute(
                "INSERT INTO users (id, name, password_hash, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, name, hash, now, actor],
            )
            .map_err(|e| constraint(e, "user", &name))?;
            for role in roles {
                tx.execute(
                    "INSERT INTO role_grants (user_id, role, granted_at, granted_by) VALUES (?1, ?2, ?3, ?4)",
                    params![id, role.as_str(), now, actor],
                )?;
            }
            let u = get_user(&tx, &id)?;
            tx.commit()?;
            Ok(u)
        })
        .await
    }

    async fn get_user(&self, id_or_name: &str) -> Result<User> {
        let key = id_or_name.to_owned();
        self.call(move |c| get_user(c, &key)).await
    }

    async fn list_users(&self) -> Result<Vec<User>> {
        self.call(|c| {
            let ids = c
                .prepare("SELECT id FROM users ORDER BY name")?
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            ids.iter().map(|id| get_user(c, id)).collect()
        })
        .await
    }

    async fn grant_role(&self, user: &str, role: Role, actor: &str) -> Result<User> {
        let (user, actor) = (user.to_owned(), actor.to_owned());
        self.call(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let u = get_user(&tx, &user)?;
            if !u.roles.contains(&role) {
                tx.execute(
                    "INSERT INTO role_grants (user_id, role, granted_at, granted_by) VALUES (?1, ?2, ?3, ?4)",
                    params![u.id, role.as_str(), Timestamp::now().0, actor],
                )?;
            }
            let u = get_user(&tx, &u.id)?;
            tx.commit()?;
            Ok(u)
        })
        .await
    }

    async fn revoke_role(&self, user: &str, role: Role, actor: &str) -> Result<User> {
        let (user, actor) = (user.to_owned(), actor.to_owned());
        self.call(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let u = get_user(&tx, &user)?;
            tx.execute(
                "UPDATE role_grants SET revoked_at = ?3, revoked_by = ?4 WHERE user_id = ?1 AND role = ?2 AND revoked_at IS NULL",
                params![u.id, role.as_str(), Timestamp::now().0, actor],
            )?;
            let u = get_user(&tx, &u.id)?;
            tx.commit()?;
            Ok(u)
        })
        .await
    }

    async fn role_history(&self, user: &str) -> Result<Vec<RoleGrant>> {
        let user = user.to_owned();
        self.call(move |c| {
            let u = get_user(c, &user)?;
            let mut stmt = c.prepare(
                "SELECT role, granted_at, granted_by, revoked_at, revoked_by FROM role_grants WHERE user_id = ?1 ORDER BY id",
            )?;
            let rows = stmt.query_map([u.id], |r| {
                Ok(RoleGrant {
                    role: parse_enum(&r.get::<_, String>(0)?)?,
                    granted_at: Timestamp(r.get(1)?),
                    granted_by: r.get(2)?,
                    revoked_at: r.get::<_, Option<i64>>(3)?.map(Timestamp),
                    revoked_by: r.get(4)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await
    }
}

// --- models ---------------------------------------------------------------------------------------

fn get_model(c: &Connection, key: &str) -> Result<ModelRecord> {
    let row = c
        .query_row(
            "SELECT id, name, backend, source, licence, card, created_at FROM models WHERE id = ?1 OR name = ?1",
            [key],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, i64>(6)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| StoreError::not_found("model", key))?;
    Ok(ModelRecord {
        id: row.0,
        name: row.1,
        backend: row.2,
        source: row.3,
        licence: row.4,
        card: parse_json(&row.5, "model card")?,
        created_at: Timestamp(row.6),
    })
}

type VersionRow = (String, String, String, String, String, i64);

fn version_row(r: &Row<'_>) -> rusqlite::Result<VersionRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
}

fn version_from(v: VersionRow) -> Result<ModelVersion> {
    Ok(ModelVersion {
        id: v.0,
        model_id: v.1,
        label: v.2,
        weights_sha256: v.3,
        parameters: parse_json(&v.4, "model parameters")?,
        created_at: Timestamp(v.5),
    })
}

macro_rules! version_cols {
    () => {
        "id, model_id, label, weights_sha256, parameters, created_at"
    };
}

#[async_trait::async_trait]
impl ModelStore for SqliteStore {
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
        let (name, backend, source, licence, actor) =
            (name.to_owned(), backend.to_owned(), source.to_owned(), licence.to_owned(), actor.to_owned());
        let card = json_text(&card)?;
        self.call(move |c| {
            let id = new_id("mdl");
            c.execute(
                "INSERT INTO models (id, name, backend, source, licence, card, created_at, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![id, name, backend, source, licence, card, Timestamp::now().0, actor],
            )
            .map_err(|e| constraint(e, "model", &name))?;
            get_model(c, &id)
        })
        .await
    }

    async fn get_model(&self, id_or_name: &str) -> Result<ModelRecord> {
        let key = id_or_name.to_owned();
        self.call(move |c| get_model(c, &key)).await
    }

    async fn list_models(&self) -> Result<Vec<ModelRecord>> {
        self.call(|c| {
            let ids = c
                .prepare("SELECT id FROM models ORDER BY name")?
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            ids.iter().map(|id| get_model(c, id)).collect()
        })
        .await
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
        let (model, label, sha, actor) = (model.to_owned(), label.to_owned(), weights_sha256.to_owned(), actor.to_owned());
        let params_text = json_text(&parameters)?;
        self.call(move |c| {
            let m = get_model(c, &model)?;
            let id = new_id("mv");
            c.execute(
                "INSERT INTO model_versions (id, model_id, label, weights_sha256, parameters, created_at, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![id, m.id, label, sha, params_text, Timestamp::now().0, actor],
            )
            .map_err(|e| constraint(e, "model version", &label))?;
            let v = c.query_row(concat!("SELECT ", version_cols!(), " FROM model_versions WHERE id = ?1"), [&id], version_row)?;
            version_from(v)
        })
        .await
    }

    async fn list_model_versions(&self, model: &str) -> Result<Vec<ModelVersion>> {
        let model = model.to_owned();
        self.call(move |c| {
            let m = get_model(c, &model)?;
            let mut stmt = c.prepare(concat!(
                "SELECT ",
                version_cols!(),
                " FROM model_versions WHERE model_id = ?1 ORDER BY created_at, id",
            ))?;
            let rows = stmt.query_map([m.id], version_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            rows.into_iter().map(version_from).collect()
        })
        .await
    }

    async fn set_alias(&self, alias: &str, version_id: &str, actor: &str) -> Result<()> {
        validate_name("alias", alias)?;
        let (alias, vid, actor) = (alias.to_owned(), version_id.to_owned(), actor.to_owned());
        self.call(move |c| {
            let exists: bool =
                c.query_row("SELECT EXISTS (SELECT 1 FROM model_versions WHERE id = ?1)", [&vid], |r| r.get(0))?;
            if !exists {
                return Err(StoreError::not_found("model version", vid));
            }
            c.execute(
                "INSERT INTO model_aliases (alias, model_version_id, set_at, set_by) VALUES (?1, ?2, ?3, ?4)",
                params![alias, vid, Timestamp::now().0, actor],
            )?;
            Ok(())
        })
        .await
    }

    async fn resolve_alias(&self, alias: &str) -> Result<ModelVersion> {
        let alias = alias.to_owned();
        self.call(move |c| {
            let v = c
                .query_row(
                    "SELECT v.id, v.model_id, v.label, v.weights_sha256, v.parameters, v.created_at
                     FROM model_aliases a JOIN model_versions v ON v.id = a.model_version_id
                     WHERE a.alias = ?1 ORDER BY a.id DESC LIMIT 1",
                    [&alias],
                    version_row,
                )
                .optional()?
                .ok_or_else(|| StoreError::not_found("model alias", alias))?;
            version_from(v)
        })
        .await
    }
}

// --- datasets and lineage ---------------------------------------------------------------------------

fn get_dataset(c: &Connection, key: &str) -> Result<Dataset> {
    c.query_row("SELECT id, name, description, created_at FROM datasets WHERE id = ?1 OR name = ?1", [key], |r| {
        Ok(Dataset { id: r.get(0)?, name: r.get(1)?, description: r.get(2)?, created_at: Timestamp(r.get(3)?) })
    })
    .optional()?
    .ok_or_else(|| StoreError::not_found("dataset", key))
}

type SnapshotRow = (String, String, String, Option<String>, i64, i64);

fn snapshot_row(r: &Row<'_>) -> rusqlite::Result<SnapshotRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
}

fn snapshot_from(s: SnapshotRow) -> Result<Snapshot> {
    Ok(Snapshot {
        id: s.0,
        dataset_id: s.1,
        provenance: parse_json(&s.2, "snapshot provenance")?,
        report_ref: s.3,
        records: s.4,
        created_at: Timestamp(s.5),
    })
}

macro_rules! snapshot_cols {
    () => {
        "id, dataset_id, provenance, report_ref, records, created_at"
    };
}

#[async_trait::async_trait]
impl DatasetStore for SqliteStore {
    async fn create_dataset(&self, name: &str, description: &str, actor: &str) -> Result<Dataset> {
        validate_name("dataset", name)?;
        let (name, description, actor) = (name.to_owned(), description.to_owned(), actor.to_owned());
        self.call(move |c| {
            let id = new_id("ds");
            c.execute(
                "INSERT INTO datasets (id, name, description, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, name, description, Timestamp::now().0, actor],
            )
            .map_err(|e| constraint(e, "dataset", &name))?;
            get_dataset(c, &id)
        })
        .await
    }

    async fn get_dataset(&self, id_or_name: &str) -> Result<Dataset> {
        let key = id_or_name.to_owned();
        self.call(move |c| get_dataset(c, &key)).await
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
        let (dataset, id, report_ref) = (dataset.to_owned(), id.to_owned(), report_ref.map(str::to_owned));
        let prov = json_text(&provenance)?;
        self.call(move |c| {
            let ds = get_dataset(c, &dataset)?;
            c.execute(
                "INSERT INTO snapshots (id, dataset_id, provenance, report_ref, records, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO NOTHING",
                params![id, ds.id, prov, report_ref, records, Timestamp::now().0],
            )?;
            let s = c.query_row(concat!("SELECT ", snapshot_cols!(), " FROM snapshots WHERE id = ?1"), [&id], snapshot_row)?;
            snapshot_from(s)
        })
        .await
    }

    async fn list_snapshots(&self, dataset: &str) -> Result<Vec<Snapshot>> {
        let dataset = dataset.to_owned();
        self.call(move |c| {
            let ds = get_dataset(c, &dataset)?;
            let mut stmt = c.prepare(concat!(
                "SELECT ",
                snapshot_cols!(),
                " FROM snapshots WHERE dataset_id = ?1 ORDER BY created_at, id",
            ))?;
            let rows = stmt.query_map([ds.id], snapshot_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            rows.into_iter().map(snapshot_from).collect()
        })
        .await
    }

    async fn add_lineage(&self, snapshot_id: &str, target: LineageTarget, target_id: &str) -> Result<()> {
        let (sid, tid) = (snapshot_id.to_owned(), target_id.to_owned());
        self.call(move |c| {
            c.execute(
                "INSERT INTO lineage (snapshot_id, target_kind, target_id, created_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT DO NOTHING",
                params![sid, target.as_str(), tid, Timestamp::now().0],
            )
            .map_err(|e| match constraint(e, "snapshot", &sid) {
                StoreError::Invalid(_) => StoreError::not_found("snapshot", sid.clone()),
                other => other,
            })?;
            Ok(())
        })
        .await
    }

    async fn built_from(&self, snapshot_ids: &[String]) -> Result<Vec<LineageEdge>> {
        let ids = json_text(&snapshot_ids)?;
        self.call(move |c| {
            // One query for any number of snapshots: the ids travel as one JSON array parameter.
            let mut stmt = c.prepare_cached(
                "SELECT snapshot_id, target_kind, target_id, created_at FROM lineage
                 WHERE snapshot_id IN (SELECT value FROM json_each(?1))
                 ORDER BY target_kind, target_id, snapshot_id",
            )?;
            let rows = stmt.query_map([ids], |r| {
                Ok(LineageEdge {
                    snapshot_id: r.get(0)?,
                    target: parse_enum(&r.get::<_, String>(1)?)?,
                    target_id: r.get(2)?,
                    created_at: Timestamp(r.get(3)?),
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await
    }
}

// --- incidents ------------------------------------------------------------------------------------

fn incident_row(r: &Row<'_>) -> rusqlite::Result<Incident> {
    Ok(Incident {
        id: r.get(0)?,
        kind: parse_enum(&r.get::<_, String>(1)?)?,
        app_id: r.get(2)?,
        audit_seq: r.get(3)?,
        description: r.get(4)?,
        reported_by: r.get(5)?,
        reported_at: Timestamp(r.get(6)?),
        status: parse_enum(&r.get::<_, String>(7)?)?,
        status_changed_at: Timestamp(r.get(8)?),
    })
}

macro_rules! incident_cols {
    () => {
        "id, kind, app_id, audit_seq, description, reported_by, reported_at, status, status_changed_at"
    };
}

fn get_incident(c: &Connection, id: &str) -> Result<Incident> {
    c.query_row(concat!("SELECT ", incident_cols!(), " FROM incidents WHERE id = ?1"), [id], incident_row)
        .optional()?
        .ok_or_else(|| StoreError::not_found("incident", id))
}

#[async_trait::async_trait]
impl IncidentStore for SqliteStore {
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
        let (app, description, by) = (app_id.map(str::to_owned), description.to_owned(), reported_by.to_owned());
        self.call(move |c| {
            let app_id = match app {
                Some(a) => Some(get_app(c, &a)?.id),
                None => None,
            };
            let id = new_id("inc");
            let now = Timestamp::now().0;
            c.execute(
                "INSERT INTO incidents (id, kind, app_id, audit_seq, description, reported_by, reported_at, status, status_changed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'open', ?7)",
                params![id, kind.as_str(), app_id, audit_seq, description, by, now],
            )?;
            get_incident(c, &id)
        })
        .await
    }

    async fn set_incident_status(&self, id: &str, status: IncidentStatus, note: &str, actor: &str) -> Result<Incident> {
        let (id, note, actor) = (id.to_owned(), note.to_owned(), actor.to_owned());
        self.call(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            get_incident(&tx, &id)?;
            let now = Timestamp::now().0;
            tx.execute("UPDATE incidents SET status = ?2, status_changed_at = ?3 WHERE id = ?1", params![id, status.as_str(), now])?;
            tx.execute(
                "INSERT INTO incident_updates (incident_id, status, note, changed_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, status.as_str(), note, now, actor],
            )?;
            let i = get_incident(&tx, &id)?;
            tx.commit()?;
            Ok(i)
        })
        .await
    }

    async fn list_incidents(&self) -> Result<Vec<Incident>> {
        self.call(|c| {
            let mut stmt = c.prepare(concat!("SELECT ", incident_cols!(), " FROM incidents ORDER BY reported_at DESC, id"))?;
            let rows = stmt.query_map([], incident_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await
    }
}

// --- rights requests --------------------------------------------------------------------------------

fn rights_row(r: &Row<'_>) -> rusqlite::Result<RightsRequest> {
    Ok(RightsRequest {
        id: r.get(0)?,
        kind: parse_enum(&r.get::<_, String>(1)?)?,
        subject_hash: r.get(2)?,
        received_at: Timestamp(r.get(3)?),
        deadline: Timestamp(r.get(4)?),
        status: parse_enum(&r.get::<_, String>(5)?)?,
        updated_at: Timestamp(r.get(6)?),
    })
}

macro_rules! rights_cols {
    () => {
        "id, kind, subject_hash, received_at, deadline, status, updated_at"
    };
}

fn get_rights(c: &Connection, id: &str) -> Result<RightsRequest> {
    c.query_row(concat!("SELECT ", rights_cols!(), " FROM rights_requests WHERE id = ?1"), [id], rights_row)
        .optional()?
        .ok_or_else(|| StoreError::not_found("rights request", id))
}

#[async_trait::async_trait]
impl RightsStore for SqliteStore {
    async fn create_rights_request(&self, kind: RightsKind, subject_hash: &str, deadline: Timestamp) -> Result<RightsRequest> {
        validate_sha256(subject_hash)?;
        let subject = subject_hash.to_owned();
        self.call(move |c| {
            let id = new_id("rr");
            let now = Timestamp::now().0;
            c.execute(
                "INSERT INTO rights_requests (id, kind, subject_hash, received_at, deadline, status, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'received', ?4)",
                params![id, kind.as_str(), subject, now, deadline.0],
            )?;
            get_rights(c, &id)
        })
        .await
    }

    async fn set_rights_status(&self, id: &str, status: RightsStatus) -> Result<RightsRequest> {
        let id = id.to_owned();
        self.call(move |c| {
            let n = c.execute(
                "UPDATE rights_requests SET status = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, status.as_str(), Timestamp::now().0],
            )?;
            if n == 0 {
                return Err(StoreError::not_found("rights request", id));
            }
            get_rights(c, &id)
        })
        .await
    }

    async fn list_rights_requests(&self) -> Result<Vec<RightsRequest>> {
        self.call(|c| {
            let mut stmt = c.prepare(concat!("SELECT ", rights_cols!(), " FROM rights_requests ORDER BY deadline, id"))?;
            let rows = stmt.query_map([], rights_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await
    }
}

// --- review queue and hand-overs ----------------------------------------------------------------

macro_rules! review_cols {
    () => {
        "id, app_id, audit_seq, question, draft, citations, conversation, status, final_text, edited, note,
         created_at, decided_at, decided_by"
    };
}

/// A review row with its citations still as JSON text (parsed by [`review_from`], which can
/// report a damaged field as [`StoreError::Corrupt`]).
type ReviewRow = (ReviewItem, String);

fn review_row(r: &Row<'_>) -> rusqlite::Result<ReviewRow> {
    let item = ReviewItem {
        id: r.get(0)?,
        app_id: r.get(1)?,
        audit_seq: r.get(2)?,
        question: r.get(3)?,
        draft: r.get(4)?,
        citations: serde_json::Value::Null,
        conversation: r.get(6)?,
        status: parse_enum(&r.get::<_, String>(7)?)?,
        final_text: r.get(8)?,
        edited: r.get(9)?,
        note: r.get(10)?,
        created_at: Timestamp(r.get(11)?),
        decided_at: r.get::<_, Option<i64>>(12)?.map(Timestamp),
        decided_by: r.get(13)?,
    };
    Ok((item, r.get(5)?))
}

fn review_from((mut item, citations): ReviewRow) -> Result<ReviewItem> {
    item.citations = parse_json(&citations, "review citations")?;
    Ok(item)
}

fn get_review(c: &Connection, id: &str) -> Result<ReviewItem> {
    let row = c
        .query_row(concat!("SELECT ", review_cols!(), " FROM reviews WHERE id = ?1"), [id], review_row)
        .optional()?
        .ok_or_else(|| StoreError::not_found("review", id))?;
    review_from(row)
}

fn handover_row(r: &Row<'_>) -> rusqlite::Result<Handover> {
    Ok(Handover {
        id: r.get(0)?,
        app_id: r.get(1)?,
        conversation: r.get(2)?,
        summary: r.get(3)?,
        status: parse_enum(&r.get::<_, String>(4)?)?,
        created_at: Timestamp(r.get(5)?),
        closed_at: r.get::<_, Option<i64>>(6)?.map(Timestamp),
        closed_by: r.get(7)?,
    })
}

macro_rules! handover_cols {
    () => {
        "id, app_id, conversation, summary, status, created_at, closed_at, closed_by"
    };
}

fn get_handover(c: &Connection, id: &str) -> Result<Handover> {
    c.query_row(concat!("SELECT ", handover_cols!(), " FROM handovers WHERE id = ?1"), [id], handover_row)
        .optional()?
        .ok_or_else(|| StoreError::not_found("hand-over", id))
}

#[async_trait::async_trait]
impl ReviewStore for SqliteStore {
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
        let (app, question, draft, conversation) =
            (app_id.to_owned(), question.to_owned(), draft.to_owned(), conversation.to_owned());
        self.call(move |c| {
            let app_id = get_app(c, &app)?.id;
            let id = new_id("rev");
            c.execute(
                "INSERT INTO reviews (id, app_id, audit_seq, question, draft, citations, conversation, status, edited, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending', 0, ?8)",
                params![id, app_id, audit_seq, question, draft, citations, conversation, Timestamp::now().0],
            )?;
            get_review(c, &id)
        })
        .await
    }

    async fn get_review(&self, id: &str) -> Result<ReviewItem> {
        let id = id.to_owned();
        self.call(move |c| get_review(c, &id)).await
    }

    async fn list_reviews(&self, status: Option<ReviewStatus>) -> Result<Vec<ReviewItem>> {
        self.call(move |c| {
            // Pending drafts first, oldest first (the queue); then decisions, newest first.
            let mut stmt = c.prepare(concat!(
                "SELECT ",
                review_cols!(),
                " FROM reviews WHERE (?1 IS NULL OR status = ?1)
                  ORDER BY decided_at IS NOT NULL, CASE WHEN decided_at IS NULL THEN created_at END,
                           decided_at DESC, created_at, id",
            ))?;
            let rows = stmt.query_map([status.map(DbEnum::as_str)], review_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            rows.into_iter().map(review_from).collect()
        })
        .await
    }

    async fn conversation_reviews(&self, conversation: &str) -> Result<Vec<ReviewItem>> {
        let conversation = conversation.to_owned();
        self.call(move |c| {
            let mut stmt = c.prepare(concat!(
                "SELECT ",
                review_cols!(),
                " FROM reviews WHERE conversation = ?1 ORDER BY created_at, id",
            ))?;
            let rows = stmt.query_map([conversation], review_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            rows.into_iter().map(review_from).collect()
        })
        .await
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
        let (id, final_text, note, actor) =
            (id.to_owned(), final_text.map(str::to_owned), note.map(str::to_owned), actor.to_owned());
        self.call(move |c| {
            // IMMEDIATE: the write lock is taken before the status is read, so of two reviewers
            // (or two processes) deciding at once, the second reads the first one's decision.
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let current = get_review(&tx, &id)?;
            if current.status != ReviewStatus::Pending {
                return Err(StoreError::already_decided("review", current.id));
            }
            let (final_text, edited) = decision_outcome(status, &current.draft, final_text.as_deref())?;
            tx.execute(
                "UPDATE reviews SET status = ?2, final_text = ?3, edited = ?4, note = ?5, decided_at = ?6, decided_by = ?7
                 WHERE id = ?1 AND status = 'pending'",
                params![current.id, status.as_str(), final_text, edited, note, Timestamp::now().0, actor],
            )?;
            let item = get_review(&tx, &current.id)?;
            tx.commit()?;
            Ok(item)
        })
        .await
    }

    async fn create_handover(&self, app_id: &str, conversation: &str, summary: &str) -> Result<Handover> {
        validate_conversation(conversation)?;
        let (app, conversation, summary) = (app_id.to_owned(), conversation.to_owned(), summary.to_owned());
        self.call(move |c| {
            let app_id = get_app(c, &app)?.id;
            let id = new_id("ho");
            c.execute(
                "INSERT INTO handovers (id, app_id, conversation, summary, status, created_at)
                 VALUES (?1, ?2, ?3, ?4, 'open', ?5)",
                params![id, app_id, conversation, summary, Timestamp::now().0],
            )?;
            get_handover(c, &id)
        })
        .await
    }

    async fn list_handovers(&self, status: Option<HandoverStatus>) -> Result<Vec<Handover>> {
        self.call(move |c| {
            let mut stmt = c.prepare(concat!(
                "SELECT ",
                handover_cols!(),
                " FROM handovers WHERE (?1 IS NULL OR status = ?1) ORDER BY created_at DESC, id",
            ))?;
            let rows = stmt.query_map([status.map(DbEnum::as_str)], handover_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await
    }

    async fn close_handover(&self, id: &str, actor: &str) -> Result<Handover> {
        let (id, actor) = (id.to_owned(), actor.to_owned());
        self.call(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let current = get_handover(&tx, &id)?;
            if current.status != HandoverStatus::Open {
                return Err(StoreError::already_decided("hand-over", current.id));
            }
            tx.execute(
                "UPDATE handovers SET status = 'closed', closed_at = ?2, closed_by = ?3 WHERE id = ?1 AND status = 'open'",
                params![current.id, Timestamp::now().0, actor],
            )?;
            let h = get_handover(&tx, &current.id)?;
            tx.commit()?;
            Ok(h)
        })
        .await
    }
}
