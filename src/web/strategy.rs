//! The wasm exports for the strategy: templates, checking a strategy file as the user
//! types, the vocabulary the editor offers, and evaluating the strategy against the store.
//!
//! Strategy files cross as JSON text (what the user edits, imports and exports), campaign
//! definitions included; results cross as plain objects. Every export returns `Result<_, JsError>`: a bad argument is an
//! exception with a sentence, never a panic. Nothing here validates or evaluates: that is
//! `crate::strategy` and `crate::evaluate`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{persist, to_js};
use crate::campaign::file as campaign_file;
use crate::evaluate::{self, StoreFigures, Today};
use crate::metrics::{AmecStage, CanonicalMetric, PLATFORM_FIGURES};
use crate::model::{Metric, Platform};
use crate::strategy::{
    self, measure, templates, Aggregation, Cadence, Direction, ObjectiveKind, Problem,
};

/// What the strategy exports could not take.
#[derive(Debug, thiserror::Error)]
enum StrategyWebError {
    #[error("no strategy template {0:?}; strategyTemplates() lists them")]
    UnknownTemplate(String),
    #[error("{0:?} is not a date written YYYY-MM-DD")]
    Date(String),
    #[error("{0:?} is not an RFC 3339 time such as 2026-11-27T10:00:00Z")]
    Now(String),
    #[error("{0:?} is not a platform Yardstick knows")]
    Platform(String),
    #[error("the saved strategy cannot be used: {0}; open the dashboard to fix it")]
    Strategy(String),
}

/// A template as the editor offers it.
#[derive(Debug, Serialize)]
struct TemplateOut {
    id: &'static str,
    description: &'static str,
}

/// Every strategy template: `[{id, description}]`.
#[wasm_bindgen(js_name = "strategyTemplates")]
pub fn strategy_templates() -> Result<JsValue, JsError> {
    let list: Vec<TemplateOut> = templates::TEMPLATES
        .iter()
        .map(|t| TemplateOut {
            id: t.id,
            description: t.description,
        })
        .collect();
    to_js(&list)
}

/// A template's strategy file text, its campaigns moved to start on `today` (YYYY-MM-DD).
#[wasm_bindgen(js_name = "strategyFromTemplate")]
pub fn strategy_from_template(id: &str, today: &str) -> Result<String, JsError> {
    let template =
        templates::find(id).ok_or_else(|| StrategyWebError::UnknownTemplate(id.to_owned()))?;
    let today: NaiveDate = today
        .parse()
        .map_err(|_| StrategyWebError::Date(today.to_owned()))?;
    let strategy = templates::instantiate(template, today)?;
    Ok(strategy::export(&strategy))
}

/// The result of checking a strategy file.
#[derive(Debug, Serialize)]
struct Checked {
    valid: bool,
    /// Every problem, each with its JSON path, the value, why and what to do.
    problems: Vec<Problem>,
    /// The strategy as it would be exported (defaults filled in), when valid.
    strategy: Option<serde_json::Value>,
    /// The file text to save and export, when valid.
    text: Option<String>,
    objectives: usize,
    kpis: usize,
}

/// Checks a strategy file's text: `{valid, problems, strategy, text, objectives, kpis}`.
/// Campaign definitions (issue #7) are checked with the rest and kept in the text to save,
/// so saving in the editor never drops them. Never throws for a bad file: the problems say
/// what is wrong.
#[wasm_bindgen(js_name = "checkStrategy")]
pub fn check_strategy(text: &str) -> Result<JsValue, JsError> {
    let checked = match campaign_file::load(text) {
        Ok(loaded) => {
            // The strategy's own writer keeps the file's field order; campaign definitions
            // need the campaign module's writer.
            let text = if loaded.plans.is_empty() {
                strategy::export(&loaded.strategy)
            } else {
                campaign_file::export(&loaded.strategy, &loaded.plans)
            };
            Checked {
                valid: true,
                problems: Vec::new(),
                strategy: serde_json::from_str(&text).ok(),
                text: Some(text),
                objectives: loaded.strategy.objectives.len(),
                kpis: loaded.strategy.kpis().count(),
            }
        }
        Err(error) => Checked {
            valid: false,
            problems: error.problems(),
            strategy: None,
            text: None,
            objectives: 0,
            kpis: 0,
        },
    };
    to_js(&checked)
}

/// A metric as the editor offers it.
#[derive(Debug, Serialize)]
struct MetricOut {
    id: String,
    /// The platform whose own figure this is; none for canonical metrics.
    platform: Option<Platform>,
    unit: Option<String>,
    amec_stage: Option<AmecStage>,
    definition: &'static str,
    aggregations: &'static [Aggregation],
    default_aggregation: Aggregation,
    default_direction: Direction,
}

/// A named choice (a platform, an objective kind).
#[derive(Debug, Serialize)]
struct Choice {
    id: &'static str,
    name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    amec_stage: Option<AmecStage>,
}

/// What a strategy file may say, for the editor's choices.
#[derive(Debug, Serialize)]
struct Vocabulary {
    metrics: Vec<MetricOut>,
    platforms: Vec<Choice>,
    objective_kinds: Vec<Choice>,
    cadences: Vec<&'static str>,
    aggregations: Vec<&'static str>,
    directions: Vec<&'static str>,
    distributions: Vec<&'static str>,
}

fn metric_out(metric: Metric, definition: &'static str) -> MetricOut {
    MetricOut {
        id: metric.to_string(),
        platform: match &metric {
            Metric::Platform { platform, .. } => Some(*platform),
            Metric::Canonical(_) => None,
        },
        unit: metric.default_unit().map(|unit| unit.to_string()),
        amec_stage: metric.canonical().map(CanonicalMetric::amec_stage),
        definition,
        aggregations: measure::allowed_aggregations(&metric),
        default_aggregation: measure::default_aggregation(&metric),
        default_direction: measure::default_direction(&metric),
    }
}

/// The metrics, platforms, objective kinds, periods, aggregations, directions and
/// distributions a strategy may name.
#[wasm_bindgen(js_name = "strategyVocabulary")]
pub fn strategy_vocabulary() -> Result<JsValue, JsError> {
    let canonical = CanonicalMetric::ALL
        .iter()
        .map(|m| metric_out(Metric::Canonical(*m), m.definition()));
    let own = PLATFORM_FIGURES
        .iter()
        .map(|figure| metric_out(figure.metric(), figure.why));
    let vocabulary = Vocabulary {
        metrics: canonical.chain(own).collect(),
        platforms: Platform::ALL
            .iter()
            .map(|p| Choice {
                id: p.id(),
                name: p.display_name(),
                amec_stage: None,
            })
            .collect(),
        objective_kinds: ObjectiveKind::ALL
            .iter()
            .map(|k| Choice {
                id: k.id(),
                name: k.id(),
                amec_stage: Some(k.amec_stage()),
            })
            .collect(),
        cadences: Cadence::ALL.iter().map(|c| c.id()).collect(),
        aggregations: Aggregation::ALL.iter().map(|a| a.id()).collect(),
        directions: vec![Direction::Higher.id(), Direction::Lower.id()],
        distributions: vec!["total", "organic", "paid"],
    };
    to_js(&vocabulary)
}

/// "Today" from an RFC 3339 instant: each KPI's date in its platforms' reporting zone.
fn today_at(now: &str) -> Result<Today, StrategyWebError> {
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339(now)
        .map_err(|_| StrategyWebError::Now(now.to_owned()))?
        .with_timezone(&Utc);
    Ok(Today::Now(now))
}

/// Evaluates the saved strategy (file text) against the store's bytes at `now` (RFC 3339):
/// `{strategy, kpis: [...]}`, every KPI with its current period (and the previous one).
#[wasm_bindgen(js_name = "evaluateStrategy")]
pub fn evaluate_strategy(
    strategy_text: &str,
    stored: Option<Vec<u8>>,
    now: &str,
) -> Result<JsValue, JsError> {
    let strategy =
        strategy::import(strategy_text).map_err(|e| StrategyWebError::Strategy(e.to_string()))?;
    let store = persist::load(stored.as_deref())?;
    let evaluation =
        evaluate::evaluate_strategy(&strategy, today_at(now)?, &StoreFigures::new(&store));
    to_js(&evaluation)
}

/// The KPIs a `platform` page shows (its own and the organisation-wide ones), evaluated
/// at `now`: `{strategy, platform, kpis: [{relevance, ...evaluation}], counts, worst}`.
#[wasm_bindgen(js_name = "evaluatePage")]
pub fn evaluate_page(
    strategy_text: &str,
    stored: Option<Vec<u8>>,
    now: &str,
    platform: &str,
) -> Result<JsValue, JsError> {
    let platform: Platform = platform
        .parse()
        .map_err(|_| StrategyWebError::Platform(platform.to_owned()))?;
    let strategy =
        strategy::import(strategy_text).map_err(|e| StrategyWebError::Strategy(e.to_string()))?;
    let store = persist::load(stored.as_deref())?;
    let evaluation =
        evaluate::evaluate_strategy(&strategy, today_at(now)?, &StoreFigures::new(&store));
    to_js(&evaluate::for_platform(evaluation, platform))
}
