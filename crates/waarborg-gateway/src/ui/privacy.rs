//! The privacy office, for the FG (functionaris gegevensbescherming): a dashboard per
//! application, the audit trail with its chain check, incidents and rights requests.
//!
//! Everything here is aggregated from what the gateway records about a request — decisions,
//! entity *types*, counts, energy — never from what a citizen typed: sealed prompts and outputs
//! stay sealed (this module never opens audit content), and decision reasons are not shown
//! because only types and counts are needed here. The one exception is an incident's
//! description: the reporter wrote it for the FG to read.
//!
//! The audit trail is read forward in pages ([`waarborg_store::AuditStore::audit_events`]); the
//! dashboard reads at most the last [`SCAN_CAP`] events and says so, and a search looks at most
//! [`SCAN_CAP`] events per page of results.

use super::Visit;
use crate::Gateway;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Form, Router};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use waarborg_store::{
    AuditEvent, AuditKind, DbEnum, HandoverStatus, IncidentStatus, NewAuditEvent, Permission, ReviewStatus, StoreError,
    Timestamp,
};

/// Most audit events one page of this module reads.
pub(crate) const SCAN_CAP: i64 = 100_000;
/// Events fetched per store call.
const PAGE: i64 = 2_000;
/// Rows per page of the audit search.
const ROWS: usize = 100;
/// Days in the dashboard's charts.
const DAYS: i64 = 30;
const DAY_MICROS: i64 = 86_400_000_000;

/// This page's texts.
pub(crate) const TEXTS: super::i18n::Texts = &[
    ("privacy.title", "Privacy office", "Privacy office"),
    ("privacy.subnav", "Privacy office", "Privacy office"),
    ("privacy.nav.dashboard", "Dashboard", "Dashboard"),
    ("privacy.nav.audit", "Audittrail", "Audit trail"),
    ("privacy.nav.incidents", "Incidenten", "Incidents"),
    ("privacy.nav.rights", "Rechten van betrokkenen", "Data subject rights"),
    // dashboard
    ("privacy.dashboard.title", "Dashboard privacy office", "Privacy office dashboard"),
    ("privacy.dashboard.intro", "Wat de gateway deed met de verzoeken aan de toepassingen: weigeringen, persoonsgegevens per soort, pogingen tot prompt-injectie en energieverbruik. Hier staan alleen beslissingen, soorten en aantallen; wat mensen typten blijft versleuteld in de audittrail.", "What the gateway did with the requests to the applications: refusals, personal data by type, prompt injection attempts and energy use. Only decisions, types and counts are shown; what people typed stays sealed in the audit trail."),
    ("privacy.dashboard.app", "Toepassing", "Application"),
    ("privacy.dashboard.all", "Alle toepassingen", "All applications"),
    ("privacy.dashboard.show", "Toon", "Show"),
    ("privacy.dashboard.unknown_app", "Deze toepassing staat niet in het register; de cijfers zijn leeg.", "This application is not in the register; the figures are empty."),
    ("privacy.dashboard.scope", "Gebaseerd op de laatste {n} gebeurtenissen van de audittrail (ten hoogste {cap}).", "Based on the last {n} events of the audit trail (at most {cap})."),
    ("privacy.dashboard.capped", "De audittrail is langer: oudere gebeurtenissen tellen hier niet mee. Gebruik de export voor een volledig overzicht.", "The audit trail is longer: older events are not counted here. Use the export for a complete overview."),
    ("privacy.dashboard.kpis", "Kerncijfers", "Key figures"),
    ("privacy.kpi.requests", "Verzoeken", "Requests"),
    ("privacy.kpi.refused", "Geweigerd", "Refused"),
    ("privacy.kpi.withheld", "Antwoord tegengehouden", "Answer withheld"),
    ("privacy.kpi.pii", "Verzoeken met persoonsgegevens", "Requests with personal data"),
    ("privacy.kpi.injection", "Prompt-injectie geblokkeerd", "Prompt injection blocked"),
    ("privacy.kpi.energy", "Energie (Wh)", "Energy (Wh)"),
    ("privacy.kpi.co2", "CO₂ (gram)", "CO₂ (grams)"),
    ("privacy.kpi.incidents", "Open incidenten", "Open incidents"),
    ("privacy.kpi.handovers", "Open overdrachten aan een medewerker", "Open hand-overs to a person"),
    ("privacy.kpi.escalated", "Antwoord eerst langs een medewerker", "Answer held for human review"),
    ("privacy.kpi.reviews", "Antwoorden wachtend op controle", "Answers awaiting review"),
    ("privacy.pii.title", "Persoonsgegevens per soort", "Personal data by type"),
    ("privacy.pii.intro", "Aantal verzoeken waarin de gateway dit soort gegevens vond, per maatregel. De gegevens zelf worden nergens getoond.", "Number of requests in which the gateway found this type of data, per measure. The data itself is never shown."),
    ("privacy.pii.none", "Er zijn geen persoonsgegevens gevonden in deze periode.", "No personal data was found in this period."),
    ("privacy.pii.type", "Soort", "Type"),
    ("privacy.pii.redacted", "Verwijderd", "Redacted"),
    ("privacy.pii.pseudonymised", "Gepseudonimiseerd", "Pseudonymised"),
    ("privacy.pii.blocked", "Verzoek geweigerd", "Request refused"),
    ("privacy.pii.withheld", "In antwoord, tegengehouden", "In answer, withheld"),
    ("privacy.pii.total", "Totaal", "Total"),
    ("privacy.charts.title", "Per dag, laatste 30 dagen", "Per day, last 30 days"),
    ("privacy.chart.requests", "Verzoeken per dag", "Requests per day"),
    ("privacy.chart.pii", "Verzoeken met persoonsgegevens per dag", "Requests with personal data per day"),
    ("privacy.chart.pii_types", "Persoonsgegevens per soort (totaal)", "Personal data by type (total)"),
    ("privacy.chart.injection", "Geblokkeerde prompt-injecties per dag", "Blocked prompt injections per day"),
    ("privacy.chart.energy", "Energieverbruik per dag (Wh)", "Energy use per day (Wh)"),
    ("privacy.chart.summary", "{title}: {first} tot en met {last}. Totaal {total}, hoogste {max} op {maxday}. De tabel hieronder bevat de cijfers per dag.", "{title}: {first} to {last}. Total {total}, highest {max} on {maxday}. The table below has the figures per day."),
    ("privacy.chart.types_summary", "{title}: {list}. De tabel hierboven bevat de cijfers per maatregel.", "{title}: {list}. The table above has the figures per measure."),
    ("privacy.days.title", "Cijfers per dag", "Figures per day"),
    ("privacy.days.day", "Dag", "Day"),
    ("privacy.days.co2", "CO₂ (gram)", "CO₂ (grams)"),
    // audit
    ("privacy.audit.title", "Audittrail", "Audit trail"),
    ("privacy.audit.intro", "Elke gebeurtenis is met een hashketen aan de vorige gekoppeld. Vragen en antwoorden blijven versleuteld; hier staan alleen soort, actor, toepassing en beslissingen.", "Every event is linked to the previous one by a hash chain. Questions and answers stay sealed; only kind, actor, application and decisions are shown."),
    ("privacy.audit.search", "Zoeken", "Search"),
    ("privacy.audit.kind", "Soort gebeurtenis", "Event kind"),
    ("privacy.audit.any_kind", "Alle soorten", "All kinds"),
    ("privacy.audit.from", "Vanaf datum", "From date"),
    ("privacy.audit.to", "Tot en met datum", "To date"),
    ("privacy.audit.seq_from", "Vanaf nummer", "From number"),
    ("privacy.audit.seq_to", "Tot en met nummer", "To number"),
    ("privacy.audit.submit", "Zoeken", "Search"),
    ("privacy.audit.reset", "Wis filters", "Clear filters"),
    ("privacy.audit.results", "Gebeurtenissen, nieuwste eerst", "Events, newest first"),
    ("privacy.audit.none", "Geen gebeurtenissen gevonden.", "No events found."),
    ("privacy.audit.scanned", "{n} gebeurtenissen doorzocht.", "{n} events searched."),
    ("privacy.audit.older", "Oudere gebeurtenissen", "Older events"),
    ("privacy.audit.newest", "Terug naar de nieuwste", "Back to the newest"),
    ("privacy.audit.seq", "Nr.", "No."),
    ("privacy.audit.time", "Tijd", "Time"),
    ("privacy.audit.actor", "Actor", "Actor"),
    ("privacy.audit.decisions", "Beslissingen", "Decisions"),
    ("privacy.audit.hash", "Hash (begin)", "Hash (start)"),
    ("privacy.audit.all_allowed", "alles toegestaan", "all allowed"),
    ("privacy.audit.bad_date", "Een datum moet de vorm JJJJ-MM-DD hebben; dat filter is niet gebruikt.", "A date must look like YYYY-MM-DD; that filter was not used."),
    ("privacy.verify.title", "Keten controleren", "Verify the chain"),
    ("privacy.verify.intro", "Controleert of geen enkele gebeurtenis is gewijzigd of verwijderd sinds hij werd vastgelegd.", "Checks that no event was changed or removed since it was recorded."),
    ("privacy.verify.submit", "Controleer de audittrail", "Verify the audit trail"),
    ("privacy.verify.ok", "De keten is in orde.", "The chain is intact."),
    ("privacy.verify.broken", "De keten is verbroken.", "The chain is broken."),
    ("privacy.verify.events", "Gebeurtenissen gecontroleerd", "Events checked"),
    ("privacy.verify.purged", "Waarvan inhoud verwijderd na de bewaartermijn", "Of which content purged after retention"),
    ("privacy.verify.head", "Laatste gebeurtenis", "Last event"),
    ("privacy.verify.first_break", "Eerste breuk", "First break"),
    ("privacy.verify.failed", "De controle kon niet worden uitgevoerd; probeer het later opnieuw.", "The check could not be run; please try again later."),
    // decisions
    ("privacy.action.allowed", "toegestaan", "allowed"),
    ("privacy.action.redacted", "verwijderd", "redacted"),
    ("privacy.action.pseudonymised", "gepseudonimiseerd", "pseudonymised"),
    ("privacy.action.blocked", "geweigerd", "blocked"),
    ("privacy.action.regenerated", "opnieuw gegenereerd", "regenerated"),
    ("privacy.action.replaced", "vervangen", "replaced"),
    ("privacy.action.escalated", "naar een medewerker", "escalated"),
    // incidents
    ("privacy.incidents.title", "Incidenten", "Incidents"),
    ("privacy.incidents.intro", "Meldingen van onjuiste antwoorden, discriminatie, privacy- en beveiligingsproblemen. De omschrijving is in de woorden van de melder.", "Reports of wrong answers, discrimination, privacy and security problems. The description is in the reporter's words."),
    ("privacy.incidents.caption", "Gemelde incidenten, nieuwste eerst", "Reported incidents, newest first"),
    ("privacy.incidents.none", "Er zijn geen incidenten gemeld.", "No incidents have been reported."),
    ("privacy.incidents.time", "Gemeld", "Reported"),
    ("privacy.incidents.kind", "Soort", "Kind"),
    ("privacy.incidents.app", "Toepassing", "Application"),
    ("privacy.incidents.status", "Status", "Status"),
    ("privacy.incidents.description", "Omschrijving", "Description"),
    ("privacy.incidents.audit", "Audit-nr.", "Audit no."),
    ("privacy.incidents.change", "Status wijzigen", "Change status"),
    ("privacy.incidents.note", "Notitie", "Note"),
    ("privacy.incidents.save", "Opslaan", "Save"),
    ("privacy.incidents.updated", "De status van het incident is gewijzigd.", "The incident's status was changed."),
    ("privacy.incidents.bad_status", "Kies een geldige status.", "Choose a valid status."),
    ("privacy.incident.kind.wrong_output", "Onjuist antwoord", "Wrong answer"),
    ("privacy.incident.kind.discrimination", "Discriminatie", "Discrimination"),
    ("privacy.incident.kind.privacy", "Privacy", "Privacy"),
    ("privacy.incident.kind.security", "Beveiliging", "Security"),
    ("privacy.incident.kind.other", "Anders", "Other"),
    ("privacy.incident.status.open", "Open", "Open"),
    ("privacy.incident.status.investigating", "In onderzoek", "Investigating"),
    ("privacy.incident.status.resolved", "Opgelost", "Resolved"),
    ("privacy.incident.status.dismissed", "Afgewezen", "Dismissed"),
    // rights
    ("privacy.rights.title", "Rechten van betrokkenen", "Data subject rights"),
    ("privacy.rights.intro", "Verzoeken om inzage, rectificatie, verwijdering en bezwaar. Wie het verzoek deed wordt alleen als sleutel-hash bewaard.", "Requests for access, rectification, erasure and objection. Who asked is kept only as a keyed hash."),
    ("privacy.rights.coming", "Zoeken en verwijderen in datasets, indexen, logs en modellen komt met de module voor rechten van betrokkenen. Tot die tijd staat hier alleen het overzicht.", "Search and erasure across datasets, indexes, logs and models come with the data subject rights module. Until then, only the overview is shown here."),
    ("privacy.rights.caption", "Verzoeken, eerste termijn eerst", "Requests, earliest deadline first"),
    ("privacy.rights.none", "Er zijn geen verzoeken.", "There are no requests."),
    ("privacy.rights.kind", "Soort", "Kind"),
    ("privacy.rights.received", "Ontvangen", "Received"),
    ("privacy.rights.deadline", "Uiterlijk beantwoorden", "Answer due"),
    ("privacy.rights.overdue", "termijn verstreken", "overdue"),
    ("privacy.rights.status", "Status", "Status"),
    ("privacy.rights.kind.access", "Inzage", "Access"),
    ("privacy.rights.kind.rectification", "Rectificatie", "Rectification"),
    ("privacy.rights.kind.erasure", "Verwijdering", "Erasure"),
    ("privacy.rights.kind.objection", "Bezwaar", "Objection"),
    ("privacy.rights.status.received", "Ontvangen", "Received"),
    ("privacy.rights.status.in_progress", "In behandeling", "In progress"),
    ("privacy.rights.status.completed", "Afgehandeld", "Completed"),
    ("privacy.rights.status.refused", "Geweigerd", "Refused"),
];

pub(crate) fn routes() -> Router<Arc<Gateway>> {
    Router::new()
        .route("/privacy", get(dashboard))
        .route("/privacy/audit", get(audit))
        .route("/privacy/audit/verify", post(verify))
        .route("/privacy/incidents", get(incidents))
        .route("/privacy/incidents/{id}", post(set_incident))
        .route("/privacy/rights", get(rights))
}

/// The privacy office's sub-navigation, with the current page marked.
fn subnav(current: &str) -> serde_json::Value {
    let items = [
        ("/privacy", "privacy.nav.dashboard"),
        ("/privacy/audit", "privacy.nav.audit"),
        ("/privacy/incidents", "privacy.nav.incidents"),
        ("/privacy/rights", "privacy.nav.rights"),
    ];
    json!(items.iter().map(|(href, key)| json!({"href": href, "key": key, "current": *href == current})).collect::<Vec<_>>())
}

fn unavailable(gw: &Gateway, v: &Visit) -> Response {
    gw.ui.error(v, StatusCode::SERVICE_UNAVAILABLE, "error.unavailable.title", "error.unavailable.text")
}

fn not_found(gw: &Gateway, v: &Visit) -> Response {
    gw.ui.error(v, StatusCode::NOT_FOUND, "error.not_found.title", "error.not_found.text")
}

/// A number as people read it: few decimals for small values, a decimal comma in Dutch.
pub(crate) fn number(v: &Visit, x: f64) -> String {
    let s = if x == 0.0 || !x.is_finite() {
        "0".to_owned()
    } else if x.abs() >= 100.0 || (x.fract() == 0.0 && x.abs() < 1e15) {
        format!("{x:.0}")
    } else if x.abs() >= 1.0 {
        format!("{x:.2}")
    } else {
        // Three significant digits.
        let decimals = (-x.abs().log10().floor()) as usize + 2;
        format!("{x:.*}", decimals.min(15))
    };
    match v.lang {
        super::session::Lang::Nl => s.replace('.', ","),
        super::session::Lang::En => s,
    }
}

fn day_of(ts: Timestamp) -> i64 {
    ts.0.div_euclid(DAY_MICROS)
}

fn day_label(day: i64) -> String {
    Timestamp(day * DAY_MICROS).to_rfc3339().chars().take(10).collect()
}

/// One decision as recorded in an audit event (tolerant: unknown fields are ignored, missing
/// ones are empty, so older and newer events still read).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RecordedDecision {
    stage: String,
    action: String,
    types: Vec<String>,
}

fn decisions(e: &AuditEvent) -> Vec<RecordedDecision> {
    serde_json::from_str(&e.decisions_json).unwrap_or_default()
}

/// What one gateway request amounted to.
#[derive(Debug, Default, PartialEq)]
struct RequestFacts {
    refused: bool,
    withheld: bool,
    escalated: bool,
    injection: bool,
    /// (type, measure) for personal data found in the question (redacted, pseudonymised,
    /// blocked) or in the answer (withheld).
    pii: Vec<(String, Measure)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Measure {
    Redacted,
    Pseudonymised,
    Blocked,
    Withheld,
}

fn facts(ds: &[RecordedDecision]) -> RequestFacts {
    let mut f = RequestFacts::default();
    for d in ds {
        match (d.stage.as_str(), d.action.as_str()) {
            ("output_pii", "replaced" | "blocked") => {
                f.withheld = true;
                f.pii.extend(d.types.iter().map(|t| (t.clone(), Measure::Withheld)));
            }
            ("injection", "blocked") => {
                f.injection = true;
                f.refused = true;
            }
            ("input_pii", action) => {
                let m = match action {
                    "redacted" => Some(Measure::Redacted),
                    "pseudonymised" => Some(Measure::Pseudonymised),
                    "blocked" => Some(Measure::Blocked),
                    _ => None,
                };
                if m == Some(Measure::Blocked) {
                    f.refused = true;
                }
                if let Some(m) = m {
                    f.pii.extend(d.types.iter().map(|t| (t.clone(), m)));
                }
            }
            (_, "blocked") => f.refused = true,
            (_, "escalated") => f.escalated = true,
            _ => {}
        }
    }
    f
}

/// Per entity type: redacted, pseudonymised, blocked, withheld.
type TypeCounts = [u64; 4];

#[derive(Debug, Default, Clone, Copy)]
struct Day {
    requests: u64,
    pii: u64,
    injection: u64,
    energy_wh: f64,
    co2_g: f64,
}

/// The dashboard's figures.
#[derive(Debug, Default)]
struct Stats {
    scanned: i64,
    capped: bool,
    requests: u64,
    refused: u64,
    withheld: u64,
    escalated: u64,
    with_pii: u64,
    injection: u64,
    energy_wh: f64,
    co2_g: f64,
    types: BTreeMap<String, TypeCounts>,
    days: BTreeMap<i64, Day>,
}

impl Stats {
    fn add(&mut self, e: &AuditEvent) {
        let f = facts(&decisions(e));
        let co2 = serde_json::from_str::<serde_json::Value>(&e.detail_json)
            .ok()
            .and_then(|d| d.get("co2_g").and_then(serde_json::Value::as_f64))
            .filter(|c| c.is_finite())
            .unwrap_or(0.0);
        let energy = e.energy_wh.filter(|w| w.is_finite()).unwrap_or(0.0);
        self.requests += 1;
        self.refused += u64::from(f.refused);
        self.withheld += u64::from(f.withheld);
        self.escalated += u64::from(f.escalated);
        self.injection += u64::from(f.injection);
        self.energy_wh += energy;
        self.co2_g += co2;
        let has_pii = !f.pii.is_empty();
        self.with_pii += u64::from(has_pii);
        // A type counts once per request and measure.
        let mut seen = std::collections::HashSet::new();
        for (t, m) in f.pii {
            if seen.insert((t.clone(), m)) {
                let c = self.types.entry(t).or_default();
                c[m as usize] += 1;
            }
        }
        let d = self.days.entry(day_of(e.ts)).or_default();
        d.requests += 1;
        d.pii += u64::from(has_pii);
        d.injection += u64::from(f.injection);
        d.energy_wh += energy;
        d.co2_g += co2;
    }
}

/// Reads the last [`SCAN_CAP`] events and adds up the gateway requests (of `app_id`, or all).
async fn scan(gw: &Gateway, app_id: Option<&str>) -> Result<Stats, StoreError> {
    let mut stats = Stats::default();
    let head = gw.store.audit_head().await?.map_or(0, |h| h.seq);
    let mut from = (head - SCAN_CAP + 1).max(1);
    stats.capped = from > 1;
    while from <= head {
        let page = gw.store.audit_events(from, PAGE.min(head - from + 1)).await?;
        let Some(last) = page.last().map(|e| e.seq) else { break };
        for e in &page {
            stats.scanned += 1;
            if e.kind == AuditKind::GatewayRequest.as_str() && app_id.is_none_or(|a| e.app_id.as_deref() == Some(a)) {
                stats.add(e);
            }
        }
        from = last + 1;
    }
    Ok(stats)
}

/// An SVG drawing as primitives; the template writes them out (all text escaped there).
#[derive(Debug, Serialize)]
struct Svg {
    width: u32,
    height: u32,
    /// Text alternative (the image's accessible name).
    label: String,
    bars: Vec<Rect>,
    texts: Vec<Label>,
    lines: Vec<Line>,
}

#[derive(Debug, Serialize)]
struct Rect {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

#[derive(Debug, Serialize)]
struct Label {
    x: f64,
    y: f64,
    anchor: &'static str,
    text: String,
}

#[derive(Debug, Serialize)]
struct Line {
    x1: f64,
    y1: f64,
    x2: f64,
    y2: f64,
}

fn r1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Vertical bars, one per day, with the largest value and zero on the axis.
fn day_chart(v: &Visit, title_key: &str, days: &[(i64, f64)]) -> Svg {
    let (w, h, left, right, top, bottom) = (640.0, 200.0, 88.0, 12.0, 12.0, 28.0);
    let plot_w = w - left - right;
    let plot_h = h - top - bottom;
    let max = days.iter().map(|d| d.1).fold(0.0_f64, f64::max);
    let scale = if max > 0.0 { plot_h / max } else { 0.0 };
    let slot = plot_w / days.len().max(1) as f64;
    let base = top + plot_h;
    let mut svg = Svg { width: w as u32, height: h as u32, label: String::new(), bars: Vec::new(), texts: Vec::new(), lines: Vec::new() };
    svg.lines.push(Line { x1: left, y1: base, x2: w - right, y2: base });
    svg.lines.push(Line { x1: left, y1: top, x2: left, y2: base });
    svg.texts.push(Label { x: left - 6.0, y: base, anchor: "end", text: "0".into() });
    svg.texts.push(Label { x: left - 6.0, y: top + 8.0, anchor: "end", text: number(v, max) });
    for (i, (day, value)) in days.iter().enumerate() {
        let bh = value * scale;
        if bh > 0.0 {
            // At least one pixel, so that a small non-zero value is visible.
            let bh = bh.max(1.0);
            svg.bars.push(Rect { x: r1(left + i as f64 * slot + slot * 0.15), y: r1(base - bh), w: r1(slot * 0.7), h: r1(bh) });
        }
        // A date every week, counted back from the last day (which always has one).
        if (days.len() - 1 - i) % 7 == 0 {
            let label = day_label(*day);
            svg.texts.push(Label { x: r1(left + (i as f64 + 0.5) * slot), y: h - 8.0, anchor: "middle", text: label.get(5..).unwrap_or_default().to_owned() });
        }
    }
    let total: f64 = days.iter().map(|d| d.1).sum();
    let max_day = days.iter().filter(|d| d.1 == max && max > 0.0).map(|d| day_label(d.0)).next().unwrap_or_else(|| "—".into());
    svg.label = v
        .t("privacy.chart.summary")
        .replace("{title}", &v.t(title_key))
        .replace("{first}", &days.first().map(|d| day_label(d.0)).unwrap_or_default())
        .replace("{last}", &days.last().map(|d| day_label(d.0)).unwrap_or_default())
        .replace("{total}", &number(v, total))
        .replace("{max}", &number(v, max))
        .replace("{maxday}", &max_day);
    svg
}

/// Horizontal bars, one per entity type.
fn type_chart(v: &Visit, items: &[(String, u64)]) -> Svg {
    let (w, left, right, row) = (640.0, 150.0, 48.0, 24.0);
    let h = row * items.len() as f64 + 8.0;
    let max = items.iter().map(|i| i.1).max().unwrap_or(0) as f64;
    let scale = if max > 0.0 { (w - left - right) / max } else { 0.0 };
    let mut svg = Svg { width: w as u32, height: h as u32, label: String::new(), bars: Vec::new(), texts: Vec::new(), lines: Vec::new() };
    svg.lines.push(Line { x1: left, y1: 0.0, x2: left, y2: h });
    for (i, (name, n)) in items.iter().enumerate() {
        let y = 4.0 + i as f64 * row;
        let bw = (*n as f64 * scale).max(1.0);
        svg.bars.push(Rect { x: left, y: r1(y + 3.0), w: r1(bw), h: row - 6.0 });
        svg.texts.push(Label { x: left - 6.0, y: r1(y + row * 0.65), anchor: "end", text: name.clone() });
        svg.texts.push(Label { x: r1(left + bw + 4.0), y: r1(y + row * 0.65), anchor: "start", text: n.to_string() });
    }
    let list = items.iter().map(|(t, n)| format!("{t} {n}")).collect::<Vec<_>>().join(", ");
    svg.label = v.t("privacy.chart.types_summary").replace("{title}", &v.t("privacy.chart.pii_types")).replace("{list}", &list);
    svg
}

#[derive(Deserialize)]
struct DashboardQuery {
    #[serde(default)]
    app: String,
}

async fn dashboard(
    State(gw): State<Arc<Gateway>>,
    Extension(v): Extension<Visit>,
    Query(q): Query<DashboardQuery>,
) -> Result<Response, Response> {
    gw.ui.require(&v, Permission::ReadAudit)?;
    let apps = gw.store.list_apps().await.map_err(|_| unavailable(&gw, &v))?;
    let selected = q.app.trim().to_owned();
    let app = apps.iter().find(|a| a.spec.name == selected);
    let unknown_app = !selected.is_empty() && app.is_none();
    // An unknown name matches no event (rather than silently showing everything).
    let filter = match (app, unknown_app) {
        (Some(a), _) => Some(a.id.as_str()),
        (None, true) => Some(""),
        (None, false) => None,
    };
    let stats = scan(&gw, filter).await.map_err(|_| unavailable(&gw, &v))?;
    let in_app = |id: &str| filter.is_none_or(|f| f == id);
    let open_incidents = gw
        .store
        .list_incidents()
        .await
        .map_err(|_| unavailable(&gw, &v))?
        .iter()
        .filter(|i| matches!(i.status, IncidentStatus::Open | IncidentStatus::Investigating))
        .filter(|i| filter.is_none() || i.app_id.as_deref().is_some_and(in_app))
        .count();
    let open_handovers = gw
        .store
        .list_handovers(Some(HandoverStatus::Open))
        .await
        .map_err(|_| unavailable(&gw, &v))?
        .iter()
        .filter(|h| in_app(&h.app_id))
        .count();
    let pending_reviews = gw
        .store
        .list_reviews(Some(ReviewStatus::Pending))
        .await
        .map_err(|_| unavailable(&gw, &v))?
        .iter()
        .filter(|r| in_app(&r.app_id))
        .count();

    let kpis = vec![
        json!({"id": "kpi-requests", "key": "privacy.kpi.requests", "value": stats.requests}),
        json!({"id": "kpi-refused", "key": "privacy.kpi.refused", "value": stats.refused}),
        json!({"id": "kpi-withheld", "key": "privacy.kpi.withheld", "value": stats.withheld}),
        json!({"id": "kpi-pii", "key": "privacy.kpi.pii", "value": stats.with_pii}),
        json!({"id": "kpi-injection", "key": "privacy.kpi.injection", "value": stats.injection}),
        json!({"id": "kpi-escalated", "key": "privacy.kpi.escalated", "value": stats.escalated}),
        json!({"id": "kpi-reviews", "key": "privacy.kpi.reviews", "value": pending_reviews}),
        json!({"id": "kpi-handovers", "key": "privacy.kpi.handovers", "value": open_handovers}),
        json!({"id": "kpi-incidents", "key": "privacy.kpi.incidents", "value": open_incidents}),
        json!({"id": "kpi-energy", "key": "privacy.kpi.energy", "value": number(&v, stats.energy_wh)}),
        json!({"id": "kpi-co2", "key": "privacy.kpi.co2", "value": number(&v, stats.co2_g)}),
    ];
    let types: Vec<_> = stats
        .types
        .iter()
        .map(|(t, c)| json!({"name": t, "redacted": c[0], "pseudonymised": c[1], "blocked": c[2], "withheld": c[3], "total": c.iter().sum::<u64>()}))
        .collect();
    let type_totals: Vec<(String, u64)> = stats.types.iter().map(|(t, c)| (t.clone(), c.iter().sum())).collect();

    let today = day_of(Timestamp::now());
    let window: Vec<(i64, Day)> = (today - DAYS + 1..=today).map(|d| (d, stats.days.get(&d).copied().unwrap_or_default())).collect();
    let series = |f: fn(&Day) -> f64| window.iter().map(|(d, x)| (*d, f(x))).collect::<Vec<_>>();
    let charts = vec![
        json!({"id": "chart-requests", "key": "privacy.chart.requests", "svg": day_chart(&v, "privacy.chart.requests", &series(|d| d.requests as f64))}),
        json!({"id": "chart-pii", "key": "privacy.chart.pii", "svg": day_chart(&v, "privacy.chart.pii", &series(|d| d.pii as f64))}),
        json!({"id": "chart-injection", "key": "privacy.chart.injection", "svg": day_chart(&v, "privacy.chart.injection", &series(|d| d.injection as f64))}),
        json!({"id": "chart-energy", "key": "privacy.chart.energy", "svg": day_chart(&v, "privacy.chart.energy", &series(|d| d.energy_wh))}),
    ];
    let days: Vec<_> = window
        .iter()
        .rev()
        .map(|(d, x)| {
            json!({"day": day_label(*d), "requests": x.requests, "pii": x.pii, "injection": x.injection,
                   "energy": number(&v, x.energy_wh), "co2": number(&v, x.co2_g)})
        })
        .collect();
    let scope = v.t("privacy.dashboard.scope").replace("{n}", &stats.scanned.to_string()).replace("{cap}", &SCAN_CAP.to_string());
    let app_names: Vec<String> = apps.iter().map(|a| a.spec.name.clone()).collect();
    Ok(gw.ui.page(
        &v,
        StatusCode::OK,
        "privacy_dashboard.html",
        minijinja::context! {
            subnav => subnav("/privacy"), apps => app_names, selected, unknown_app, kpis, types,
            types_chart => (!type_totals.is_empty()).then(|| type_chart(&v, &type_totals)),
            charts, days, scope, capped => stats.capped,
        },
    ))
}

#[derive(Deserialize, Default)]
struct AuditQuery {
    #[serde(default)]
    app: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    seq_from: String,
    #[serde(default)]
    seq_to: String,
    #[serde(default)]
    before: String,
}

/// `YYYY-MM-DD` as the start of that day (UTC).
fn parse_day(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    let ok = s.len() == 10 && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !ok {
        return None;
    }
    Timestamp::parse_rfc3339(&format!("{s}T00:00:00Z"))
}

fn parse_seq(s: &str) -> Option<i64> {
    s.trim().parse::<i64>().ok().filter(|n| *n >= 1)
}

/// An actor as people read it: `app:<id>` becomes `app:<name>`.
fn actor(a: &str, names: &HashMap<&str, &str>) -> String {
    match a.strip_prefix("app:").and_then(|id| names.get(id)) {
        Some(name) => format!("app:{name}"),
        None => a.to_owned(),
    }
}

/// A decision list in a line: what was not simply allowed, with entity types (never values
/// or reasons).
fn summarise(v: &Visit, ds: &[RecordedDecision]) -> String {
    let notable: Vec<String> = ds
        .iter()
        .filter(|d| d.action != "allowed")
        .map(|d| {
            let action = match d.action.as_str() {
                a @ ("redacted" | "pseudonymised" | "blocked" | "regenerated" | "replaced" | "escalated") => v.t(&format!("privacy.action.{a}")),
                other => other.to_owned(),
            };
            if d.types.is_empty() {
                format!("{}: {action}", d.stage)
            } else {
                format!("{}: {action} ({})", d.stage, d.types.join(", "))
            }
        })
        .collect();
    match (ds.is_empty(), notable.is_empty()) {
        (true, _) => "—".into(),
        (false, true) => v.t("privacy.audit.all_allowed"),
        (false, false) => notable.join("; "),
    }
}

/// The result of a chain check, as shown.
#[derive(Serialize)]
struct Verified {
    ok: bool,
    events: i64,
    purged: i64,
    head: Option<String>,
    first_break: Option<String>,
    failed: bool,
}

async fn audit(
    State(gw): State<Arc<Gateway>>,
    Extension(v): Extension<Visit>,
    Query(q): Query<AuditQuery>,
) -> Result<Response, Response> {
    gw.ui.require(&v, Permission::ReadAudit)?;
    audit_page(&gw, &v, q, None).await
}

async fn audit_page(gw: &Gateway, v: &Visit, q: AuditQuery, verified: Option<Verified>) -> Result<Response, Response> {
    let apps = gw.store.list_apps().await.map_err(|_| unavailable(gw, v))?;
    let names: HashMap<&str, &str> = apps.iter().map(|a| (a.id.as_str(), a.spec.name.as_str())).collect();
    let app = q.app.trim();
    let app_id = if app.is_empty() { None } else { Some(apps.iter().find(|a| a.spec.name == app).map_or("", |a| a.id.as_str())) };
    let kind = q.kind.trim();
    let kind = AuditKind::ALL.iter().map(|k| k.as_str()).find(|k| *k == kind);
    let mut bad_date = false;
    let mut day = |s: &str| {
        if s.trim().is_empty() {
            return None;
        }
        let d = parse_day(s);
        bad_date |= d.is_none();
        d
    };
    let from_ts = day(&q.from);
    let to_ts = day(&q.to).map(|t| Timestamp(t.0 + DAY_MICROS));
    let head = gw.store.audit_head().await.map_err(|_| unavailable(gw, v))?.map_or(0, |h| h.seq);
    let lower = parse_seq(&q.seq_from).unwrap_or(1);
    let mut upper = head;
    if let Some(s) = parse_seq(&q.seq_to) {
        upper = upper.min(s);
    }
    if let Some(b) = parse_seq(&q.before) {
        upper = upper.min(b - 1);
    }

    // Newest first: read pages backwards from `upper` until a page of results is full, the
    // range ends, or the scan cap is reached.
    let mut rows = Vec::new();
    let mut scanned = 0i64;
    let mut cursor = upper + 1; // the lowest seq looked at so far
    'scan: while cursor > lower && scanned < SCAN_CAP {
        let start = (cursor - PAGE).max(lower);
        let page = gw.store.audit_events(start, cursor - start).await.map_err(|_| unavailable(gw, v))?;
        if page.is_empty() {
            break;
        }
        for e in page.iter().rev() {
            if e.seq >= cursor {
                continue;
            }
            cursor = e.seq;
            scanned += 1;
            let keep = app_id.is_none_or(|a| e.app_id.as_deref() == Some(a))
                && kind.is_none_or(|k| e.kind == k)
                && from_ts.is_none_or(|f| e.ts >= f)
                && to_ts.is_none_or(|t| e.ts < t);
            if keep {
                rows.push(json!({
                    "seq": e.seq,
                    "time": e.ts.to_rfc3339(),
                    "kind": e.kind,
                    "actor": actor(&e.actor, &names),
                    "app": e.app_id.as_deref().map(|id| names.get(id).copied().unwrap_or(id)),
                    "decisions": summarise(v, &decisions(e)),
                    "hash": e.hash.chars().take(12).collect::<String>(),
                }));
                if rows.len() >= ROWS {
                    break 'scan;
                }
            }
            if scanned >= SCAN_CAP {
                break 'scan;
            }
        }
        cursor = cursor.min(start);
    }
    let more = cursor > lower;
    let mut older = None;
    if more {
        let mut params: Vec<(&str, String)> = vec![];
        for (k, val) in [("app", &q.app), ("kind", &q.kind), ("from", &q.from), ("to", &q.to), ("seq_from", &q.seq_from), ("seq_to", &q.seq_to)] {
            if !val.trim().is_empty() {
                params.push((k, val.trim().to_owned()));
            }
        }
        params.push(("before", cursor.to_string()));
        older = Some(format!(
            "/privacy/audit?{}",
            params.iter().map(|(k, val)| format!("{k}={}", super::urlencode(val))).collect::<Vec<_>>().join("&")
        ));
    }
    let app_names: Vec<String> = apps.iter().map(|a| a.spec.name.clone()).collect();
    let kinds: Vec<&str> = AuditKind::ALL.iter().map(|k| k.as_str()).collect();
    let paged = parse_seq(&q.before).is_some();
    let scanned_text = v.t("privacy.audit.scanned").replace("{n}", &scanned.to_string());
    Ok(gw.ui.page(
        v,
        StatusCode::OK,
        "privacy_audit.html",
        minijinja::context! {
            subnav => subnav("/privacy/audit"), apps => app_names, kinds, rows, older, paged, bad_date, scanned_text,
            q => json!({"app": q.app.trim(), "kind": q.kind.trim(), "from": q.from.trim(), "to": q.to.trim(),
                        "seq_from": q.seq_from.trim(), "seq_to": q.seq_to.trim()}),
            verified,
        },
    ))
}

#[derive(Deserialize)]
struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// Checks the whole chain and shows the result on the audit page (no redirect: the result is
/// the page).
async fn verify(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>, Form(f): Form<CsrfForm>) -> Result<Response, Response> {
    gw.ui.require(&v, Permission::ReadAudit)?;
    v.check_csrf(&gw, &f.csrf)?;
    let verified = match waarborg_store::audit::verify(&*gw.store).await {
        Ok(r) => Verified {
            ok: r.ok(),
            events: r.events,
            purged: r.purged,
            head: r.head.map(|h| format!("{} · {}", h.seq, h.hash.chars().take(16).collect::<String>())),
            first_break: r.first_break.map(|b| format!("{}: {}", b.seq, b.reason)),
            failed: false,
        },
        Err(_) => Verified { ok: false, events: 0, purged: 0, head: None, first_break: None, failed: true },
    };
    audit_page(&gw, &v, AuditQuery::default(), Some(verified)).await
}

async fn incidents(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>) -> Result<Response, Response> {
    let user = gw.ui.require(&v, Permission::ReadAudit)?;
    let apps = gw.store.list_apps().await.map_err(|_| unavailable(&gw, &v))?;
    let names: HashMap<&str, &str> = apps.iter().map(|a| (a.id.as_str(), a.spec.name.as_str())).collect();
    let list = gw.store.list_incidents().await.map_err(|_| unavailable(&gw, &v))?;
    let rows: Vec<_> = list
        .iter()
        .map(|i| {
            json!({
                "id": i.id,
                "time": i.reported_at.to_rfc3339(),
                "kind": v.t(&format!("privacy.incident.kind.{}", i.kind.as_str())),
                "app": i.app_id.as_deref().map(|id| names.get(id).copied().unwrap_or(id)),
                "status": i.status.as_str(),
                "status_text": v.t(&format!("privacy.incident.status.{}", i.status.as_str())),
                "description": i.description,
                "audit_seq": i.audit_seq,
            })
        })
        .collect();
    let statuses: Vec<_> = IncidentStatus::ALL
        .iter()
        .map(|s| json!({"value": s.as_str(), "text": v.t(&format!("privacy.incident.status.{}", s.as_str()))}))
        .collect();
    Ok(gw.ui.page(
        &v,
        StatusCode::OK,
        "privacy_incidents.html",
        minijinja::context! { subnav => subnav("/privacy/incidents"), rows, statuses, may_manage => user.may(Permission::ManageIncidents) },
    ))
}

#[derive(Deserialize)]
struct IncidentForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    note: String,
}

async fn set_incident(
    State(gw): State<Arc<Gateway>>,
    Extension(v): Extension<Visit>,
    Path(id): Path<String>,
    Form(f): Form<IncidentForm>,
) -> Result<Response, Response> {
    gw.ui.require(&v, Permission::ManageIncidents)?;
    v.check_csrf(&gw, &f.csrf)?;
    let Ok(status) = f.status.parse::<IncidentStatus>() else {
        gw.ui.flash(&v, "privacy.incidents.bad_status");
        return Ok(Redirect::to("/privacy/incidents").into_response());
    };
    let note: String = f.note.trim().chars().take(2000).collect();
    let actor = v.actor();
    let incident = match gw.store.set_incident_status(&id, status, &note, &actor).await {
        Ok(i) => i,
        Err(StoreError::NotFound { .. }) => return Err(not_found(&gw, &v)),
        Err(_) => return Err(unavailable(&gw, &v)),
    };
    // The note may quote the report; the trail records only that the status changed.
    let mut event = NewAuditEvent::new(AuditKind::Incident, &actor)
        .detail(json!({"incident_id": incident.id, "status": incident.status, "change": "status"}));
    event.app_id = incident.app_id.clone();
    gw.store.append_audit(event).await.map_err(|_| unavailable(&gw, &v))?;
    gw.ui.flash(&v, "privacy.incidents.updated");
    Ok(Redirect::to("/privacy/incidents").into_response())
}

async fn rights(State(gw): State<Arc<Gateway>>, Extension(v): Extension<Visit>) -> Result<Response, Response> {
    gw.ui.require(&v, Permission::HandleRightsRequests)?;
    let list = gw.store.list_rights_requests().await.map_err(|_| unavailable(&gw, &v))?;
    let rows: Vec<_> = list
        .iter()
        .map(|r| {
            json!({
                "kind": v.t(&format!("privacy.rights.kind.{}", r.kind.as_str())),
                "received": r.received_at.to_rfc3339(),
                "deadline": r.deadline.to_rfc3339(),
                "overdue": r.deadline < Timestamp::now() && matches!(r.status.as_str(), "received" | "in_progress"),
                "status": v.t(&format!("privacy.rights.status.{}", r.status.as_str())),
            })
        })
        .collect();
    Ok(gw.ui.page(&v, StatusCode::OK, "privacy_rights.html", minijinja::context! { subnav => subnav("/privacy/rights"), rows }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(stage: &str, action: &str, types: &[&str]) -> RecordedDecision {
        RecordedDecision { stage: stage.into(), action: action.into(), types: types.iter().map(|t| (*t).to_owned()).collect() }
    }

    #[test]
    fn decisions_are_classified_by_stage_and_action() {
        let f = facts(&[d("authenticate", "allowed", &[]), d("input_pii", "pseudonymised", &["BSN", "PERSON"]), d("output_pii", "allowed", &[])]);
        assert_eq!(f.pii, vec![("BSN".into(), Measure::Pseudonymised), ("PERSON".into(), Measure::Pseudonymised)]);
        assert!(!f.refused && !f.withheld && !f.injection);

        let f = facts(&[d("injection", "blocked", &["ignore_instructions"])]);
        assert!(f.injection && f.refused);
        assert!(f.pii.is_empty(), "injection rule names are not personal data types");

        let f = facts(&[d("output_pii", "replaced", &["IBAN"])]);
        assert!(f.withheld && !f.refused);
        assert_eq!(f.pii, vec![("IBAN".into(), Measure::Withheld)]);

        // Special categories allowed under a legal basis are not a measure; a regenerated answer
        // is not a withheld one.
        let f = facts(&[d("input_pii", "allowed", &["health"]), d("output_pii", "regenerated", &["EMAIL"])]);
        assert_eq!(f, RequestFacts::default());

        let f = facts(&[d("purpose", "blocked", &[])]);
        assert!(f.refused && !f.injection);
    }

    #[test]
    fn every_key_made_in_code_has_both_texts() {
        use super::super::session::Lang;
        use waarborg_store::{IncidentKind, RightsKind, RightsStatus};
        let mut keys: Vec<String> = subnav("/privacy")
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| i["key"].as_str().map(str::to_owned))
            .collect();
        keys.extend(IncidentKind::ALL.iter().map(|k| format!("privacy.incident.kind.{k}")));
        keys.extend(IncidentStatus::ALL.iter().map(|k| format!("privacy.incident.status.{k}")));
        keys.extend(RightsKind::ALL.iter().map(|k| format!("privacy.rights.kind.{k}")));
        keys.extend(RightsStatus::ALL.iter().map(|k| format!("privacy.rights.status.{k}")));
        keys.extend(["redacted", "pseudonymised", "blocked", "regenerated", "replaced", "escalated"].map(|a| format!("privacy.action.{a}")));
        for k in ["requests", "refused", "withheld", "pii", "injection", "escalated", "reviews", "handovers", "incidents", "energy", "co2"] {
            keys.push(format!("privacy.kpi.{k}"));
        }
        keys.extend(["privacy.chart.requests", "privacy.chart.pii", "privacy.chart.injection", "privacy.chart.energy"].map(str::to_owned));
        for k in keys {
            assert_ne!(super::super::i18n::t(Lang::Nl, &k), k);
            assert_ne!(super::super::i18n::t(Lang::En, &k), k);
        }
    }

    #[test]
    fn unreadable_decisions_count_as_none() {
        let e = AuditEvent {
            seq: 1,
            ts: Timestamp(0),
            kind: "gateway.request".into(),
            actor: "app:x".into(),
            app_id: None,
            model_version: None,
            decisions_json: "not json".into(),
            prompt_tokens: None,
            completion_tokens: None,
            energy_wh: Some(f64::NAN),
            detail_json: "{}".into(),
            content: None,
            content_hash: None,
            retain_until: None,
            purged_at: None,
            prev_hash: String::new(),
            hash: String::new(),
        };
        let mut s = Stats::default();
        s.add(&e);
        assert_eq!((s.requests, s.refused, s.with_pii), (1, 0, 0));
        assert_eq!(s.energy_wh, 0.0);
    }

    #[test]
    fn dates_and_numbers_read_as_people_write_them() {
        assert_eq!(parse_day("2026-12-05").map(|t| day_label(day_of(t))).as_deref(), Some("2026-12-05"));
        for bad in ["05-12-2026", "2026-12-5", "", "2026-12-05T00:00:00Z", "2026-13-45"] {
            assert!(parse_day(bad).is_none(), "{bad}");
        }
        let nl = Visit { token: String::new(), user: None, csrf: String::new(), lang: super::super::session::Lang::Nl, path: "/".into() };
        let en = Visit { lang: super::super::session::Lang::En, ..nl.clone() };
        assert_eq!(number(&nl, 0.0), "0");
        assert_eq!(number(&nl, 1.5), "1,50");
        assert_eq!(number(&en, 1.5), "1.50");
        assert_eq!(number(&en, 0.000_412_3), "0.000412");
        assert_eq!(number(&en, 1234.4), "1234");
        assert_eq!(number(&nl, 2.0), "2", "whole numbers without decimals");
    }

    #[test]
    fn charts_scale_to_the_largest_value_and_describe_themselves() {
        let v = Visit { token: String::new(), user: None, csrf: String::new(), lang: super::super::session::Lang::En, path: "/".into() };
        let days: Vec<(i64, f64)> = (0..30).map(|d| (20_000 + d, if d == 3 { 8.0 } else if d == 4 { 2.0 } else { 0.0 })).collect();
        let svg = day_chart(&v, "privacy.chart.requests", &days);
        assert_eq!(svg.bars.len(), 2, "no bars for empty days");
        assert!(svg.bars[0].h > svg.bars[1].h * 3.9 && svg.bars[0].h < svg.bars[1].h * 4.1);
        assert!(svg.label.contains("Total 10") && svg.label.contains("highest 8"), "{}", svg.label);
        let t = type_chart(&v, &[("BSN".into(), 3), ("EMAIL".into(), 1)]);
        assert_eq!(t.bars.len(), 2);
        assert!(t.label.contains("BSN 3, EMAIL 1"), "{}", t.label);
    }
}
