//! `waarborg apps|users|audit|db`: the record kept by `waarborg-store`.

use crate::cli::{
    AppsCommand, AppsCreateArgs, AppsUpdateArgs, AudienceArg, AuditCommand, ContentPolicyArg, DbCommand, LifecycleArg,
    UsersCommand,
};
use anyhow::{bail, Context};
use serde_json::json;
use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use waarborg_store::{admin, audit as chain, AppSpec, Audience, ContentPolicy, Lifecycle, Role, Store, StoreConfig};

/// Who the audit trail records for a command run from the shell.
fn actor() -> String {
    let who = std::env::var("WAARBORG_ACTOR").or_else(|_| std::env::var("USER")).unwrap_or_default();
    if who.is_empty() {
        "cli".to_owned()
    } else {
        format!("cli:{who}")
    }
}

/// Runs `f` with the opened store on a small runtime.
fn with_store<T>(
    data_dir: &Path,
    config: &StoreConfig,
    f: impl for<'a> FnOnce(&'a Arc<dyn Store>) -> std::pin::Pin<Box<dyn std::future::Future<Output = anyhow::Result<T>> + 'a>>,
) -> anyhow::Result<T> {
    let settings = config
        .resolve(data_dir, std::env::var("WAARBORG_DATABASE_URL").ok())
        .context("invalid [store] configuration")?;
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().context("cannot start the runtime")?;
    rt.block_on(async {
        let store = waarborg_store::open(&settings).await.context("cannot open the store")?;
        f(&store).await
    })
}

fn print_json(v: &serde_json::Value) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer(&mut out, v)?;
    writeln!(out)?;
    Ok(())
}

fn audience(a: AudienceArg) -> Audience {
    match a {
        AudienceArg::Internal => Audience::Internal,
        AudienceArg::Citizens => Audience::Citizens,
    }
}

fn lifecycle(l: LifecycleArg) -> Lifecycle {
    match l {
        LifecycleArg::InDevelopment => Lifecycle::InDevelopment,
        LifecycleArg::InUse => Lifecycle::InUse,
    }
}

fn content_policy(c: ContentPolicyArg) -> ContentPolicy {
    match c {
        ContentPolicyArg::Pseudonymised => ContentPolicy::Pseudonymised,
        ContentPolicyArg::None => ContentPolicy::None,
    }
}

/// Applies the given flags to a copy of `spec`.
fn updated(spec: &AppSpec, a: AppsUpdateArgs) -> AppSpec {
    let mut s = spec.clone();
    let set = |field: &mut Option<String>, v: Option<String>| {
        if let Some(v) = v {
            *field = if v.trim().is_empty() { None } else { Some(v) };
        }
    };
    if let Some(p) = a.purpose {
        s.purpose = p;
    }
    if let Some(x) = a.audience {
        s.audience = audience(x);
    }
    if let Some(x) = a.status {
        s.lifecycle = lifecycle(x);
    }
    if let Some(x) = a.policy {
        s.policy = x;
    }
    if let Some(x) = a.collections {
        s.collections = x;
    }
    if let Some(x) = a.models {
        s.allowed_models = x;
    }
    if let Some(x) = a.retention_days {
        s.retention_days = x;
    }
    if let Some(x) = a.audit_content {
        s.audit_content = content_policy(x);
    }
    set(&mut s.legal_basis, a.legal_basis);
    set(&mut s.owner, a.owner);
    set(&mut s.contact, a.contact);
    let r = &mut s.register;
    set(&mut r.short_description, a.short_description);
    set(&mut r.goal_and_impact, a.goal_and_impact);
    set(&mut r.human_intervention, a.human_intervention);
    set(&mut r.risk_management, a.risk_management);
    set(&mut r.lawful_basis, a.lawful_basis);
    set(&mut r.impact_assessments, a.impact_assessments);
    set(&mut r.source_data, a.source_data);
    set(&mut r.technical_working, a.technical_working);
    set(&mut r.provider, a.provider);
    set(&mut r.publication_category, a.publication_category);
    s
}

fn spec_from(args: &AppsCreateArgs) -> AppSpec {
    let mut spec = AppSpec::new(&args.name, &args.purpose, audience(args.audience));
    spec.policy = args.policy.clone();
    spec.collections = args.collections.clone();
    spec.allowed_models = args.models.clone();
    spec.legal_basis = args.legal_basis.clone();
    spec.owner = args.owner.clone();
    spec.contact = args.contact.clone();
    spec.retention_days = args.retention_days;
    spec.lifecycle = lifecycle(args.status);
    spec.audit_content = content_policy(args.audit_content);
    spec
}

pub(crate) fn apps(cmd: AppsCommand, data_dir: &Path, config: &StoreConfig) -> anyhow::Result<ExitCode> {
    with_store(data_dir, config, move |store| {
        Box::pin(async move {
            match cmd {
                AppsCommand::Create(args) => {
                    let r = admin::register_app(store.as_ref(), spec_from(&args), &actor()).await?;
                    let mut v = serde_json::to_value(&r.app)?;
                    v["api_key"] = json!(r.secret.secret);
                    v["api_key_id"] = json!(r.key.id);
                    print_json(&v)?;
                }
                AppsCommand::List => {
                    for app in store.list_apps().await? {
                        print_json(&serde_json::to_value(&app)?)?;
                    }
                }
                AppsCommand::Show { app } => {
                    let current = store.get_app(&app).await?;
                    let history = store.app_history(&current.id).await?;
                    let keys = store.list_api_keys(&current.id).await?;
                    let mut v = serde_json::to_value(&current)?;
                    v["history"] = serde_json::to_value(
                        history
                            .iter()
                            .map(|a| json!({"version": a.version, "updated_at": a.updated_at, "updated_by": a.updated_by, "lifecycle": a.spec.lifecycle}))
                            .collect::<Vec<_>>(),
                    )?;
                    v["api_keys"] = serde_json::to_value(keys)?;
                    print_json(&v)?;
                }
                AppsCommand::Update(args) => {
                    let current = store.get_app(&args.app).await?;
                    let spec = updated(&current.spec, *args);
                    let app = admin::update_app(store.as_ref(), &current, spec, &actor()).await?;
                    print_json(&serde_json::to_value(&app)?)?;
                }
                AppsCommand::Retire { app } => {
                    let app = admin::retire_app(store.as_ref(), &app, &actor()).await?;
                    print_json(&serde_json::to_value(&app)?)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        })
    })
}

fn parse_role(s: &str) -> anyhow::Result<Role> {
    Ok(s.parse::<Role>()?)
}

pub(crate) fn users(cmd: UsersCommand, data_dir: &Path, config: &StoreConfig) -> anyhow::Result<ExitCode> {
    // Read the password before touching the store, and never echo it.
    let password = match &cmd {
        UsersCommand::Create { password_stdin: true, .. } => {
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line).context("cannot read the password from stdin")?;
            let p = line.trim_end_matches(['\n', '\r']).to_owned();
            if p.is_empty() {
                bail!("--password-stdin: stdin held no password");
            }
            Some(p)
        }
        _ => None,
    };
    with_store(data_dir, config, move |store| {
        Box::pin(async move {
            let s = store.as_ref();
            let user = match cmd {
                UsersCommand::Create { name, roles, .. } => {
                    let roles = roles.iter().map(|r| parse_role(r)).collect::<anyhow::Result<Vec<_>>>()?;
                    admin::create_user(s, &name, password.as_deref(), &roles, &actor()).await?
                }
                UsersCommand::List => {
                    for u in s.list_users().await? {
                        print_json(&serde_json::to_value(&u)?)?;
                    }
                    return Ok(ExitCode::SUCCESS);
                }
                UsersCommand::Grant { name, role } => admin::grant_role(s, &name, parse_role(&role)?, &actor()).await?,
                UsersCommand::Revoke { name, role } => admin::revoke_role(s, &name, parse_role(&role)?, &actor()).await?,
            };
            print_json(&serde_json::to_value(&user)?)?;
            Ok(ExitCode::SUCCESS)
        })
    })
}

pub(crate) fn audit(cmd: AuditCommand, data_dir: &Path, config: &StoreConfig) -> anyhow::Result<ExitCode> {
    with_store(data_dir, config, move |store| {
        Box::pin(async move {
            let s = store.as_ref();
            match cmd {
                AuditCommand::Verify => {
                    let r = chain::verify(s).await?;
                    let head = r.head.as_ref().map_or("none".to_owned(), |h| format!("event {} {}", h.seq, h.hash));
                    match &r.first_break {
                        None => {
                            let mut out = std::io::stdout().lock();
                            writeln!(
                                out,
                                "audit chain verified: {} events ({} with purged content), head {head}",
                                r.events, r.purged
                            )?;
                            Ok(ExitCode::SUCCESS)
                        }
                        Some(b) => bail!("audit chain broken at event {}: {}", b.seq, b.reason),
                    }
                }
                AuditCommand::Export { output, from } => {
                    let mut out: Box<dyn Write> = match &output {
                        Some(p) => Box::new(std::io::BufWriter::new(
                            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
                        )),
                        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
                    };
                    let mut next = from.max(1);
                    let mut n = 0u64;
                    loop {
                        let page = s.audit_events(next, 1000).await?;
                        let Some(last) = page.last().map(|e| e.seq) else { break };
                        for e in &page {
                            serde_json::to_writer(&mut out, &e.to_export_json())?;
                            writeln!(out)?;
                            n += 1;
                        }
                        next = last + 1;
                    }
                    out.flush()?;
                    drop(out);
                    s.append_audit(
                        waarborg_store::NewAuditEvent::new(waarborg_store::AuditKind::AuditExported, &actor())
                            .detail(json!({"from": from, "events": n})),
                    )
                    .await?;
                    Ok(ExitCode::SUCCESS)
                }
                AuditCommand::Purge => {
                    let p = chain::run_retention(s, waarborg_store::Timestamp::now()).await?;
                    print_json(&serde_json::to_value(&p)?)?;
                    Ok(ExitCode::SUCCESS)
                }
            }
        })
    })
}

pub(crate) fn db(cmd: DbCommand, data_dir: &Path, config: &StoreConfig) -> anyhow::Result<ExitCode> {
    match cmd {
        DbCommand::Migrate => with_store(data_dir, config, |store| {
            Box::pin(async move {
                let mut out = std::io::stdout().lock();
                writeln!(out, "{} database at schema version {}", store.backend_name(), store.schema_version())?;
                Ok(ExitCode::SUCCESS)
            })
        }),
    }
}
