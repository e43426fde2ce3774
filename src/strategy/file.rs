//! The strategy file: plain JSON a team shares without a server, exported and imported.
//!
//! ```json
//! { "schema": "yardstick-strategy", "version": 1, "name": "Acme 2027",
//!   "objectives": [ { "id": "awareness", "kind": "awareness", "title": "Be seen",
//!     "kpis": [ { "id": "li-impressions", "metric": "impressions", "platforms": ["linkedin"],
//!                 "aggregation": "sum", "period": "month", "target": 50000 } ] } ] }
//! ```
//!
//! A strategy file is untrusted input: it comes from a colleague or a download. Importing
//! never panics on any text, and it names every problem at once — the JSON path of the
//! field, the value found, why it is refused and what to do — rather than stopping at the
//! first. A KPI that would mix incomparable figures (a platform's own metric across several
//! platforms, a sum of followers, an average of a rate) is refused here, so the evaluator
//! only ever sees consistent KPIs. Exporting and importing again gives the same strategy.
//! This module reads and writes text; it does not evaluate.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use crate::metrics::AmecStage;
use crate::model::{Distribution, Metric};
use crate::strategy::model::{
    Aggregation, Direction, Kpi, Objective, ObjectiveKind, PeriodSpec, PlatformScope, Strategy,
};
use crate::strategy::schema;

/// The value of the file's `schema` field.
pub const SCHEMA: &str = "yardstick-strategy";
/// The file format version this code writes and reads.
pub const VERSION: u64 = 1;
/// The largest strategy file accepted; real ones are a few kilobytes.
pub const MAX_FILE_BYTES: usize = 1 << 20;

/// One thing wrong with a strategy file, said so a person can fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Where: the JSON path of the field (`objectives[0].kpis[2].aggregation`); empty for
    /// the file as a whole.
    pub path: String,
    /// The value found there as JSON text (shortened), or `(missing)`.
    pub value: String,
    /// Why it is refused.
    pub why: String,
    /// What to do about it.
    pub fix: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = if self.path.is_empty() {
            "file"
        } else {
            &self.path
        };
        write!(f, "{place} = {}: {}; {}", self.value, self.why, self.fix)
    }
}

/// Why a strategy file could not be imported.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StrategyFileError {
    #[error("the strategy file is {bytes} bytes, more than the {limit} a strategy can be; check that this is the right file")]
    TooLarge { bytes: usize, limit: usize },
    #[error("the strategy file is not valid JSON (line {line}, column {column}: {message}); fix the JSON or export the strategy again")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the strategy file has {} problem(s):\n{}", problems.len(), list(problems))]
    Invalid { problems: Vec<Problem> },
}

impl StrategyFileError {
    /// The problems as a list, whatever the kind of error (one for unreadable JSON).
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            StrategyFileError::Invalid { problems } => problems.clone(),
            other => vec![Problem {
                path: String::new(),
                value: String::new(),
                why: other.to_string(),
                fix: "fix the file and import it again".to_owned(),
            }],
        }
    }
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  - {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads a strategy file's text, refusing it with every problem named.
pub fn import(text: &str) -> Result<Strategy, StrategyFileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(StrategyFileError::TooLarge {
            bytes: text.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let value: Value = serde_json::from_str(text).map_err(|error| StrategyFileError::NotJson {
        line: error.line(),
        column: error.column(),
        message: error.to_string(),
    })?;
    from_value(&value).map_err(|problems| StrategyFileError::Invalid { problems })
}

/// Reads a strategy from parsed JSON, refusing it with every problem named.
pub fn from_value(value: &Value) -> Result<Strategy, Vec<Problem>> {
    let (strategy, problems) = schema::read(value);
    match strategy {
        Some(strategy) if problems.is_empty() => Ok(strategy),
        _ => Err(problems),
    }
}

/// Writes the strategy as the file's JSON text (pretty, ending in a newline).
pub fn export(strategy: &Strategy) -> String {
    let mut text = serde_json::to_string_pretty(&StrategyOut::from(strategy)).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes the strategy as the file's JSON value.
pub fn to_value(strategy: &Strategy) -> Value {
    serde_json::to_value(StrategyOut::from(strategy)).unwrap_or(Value::Null)
}

// Writing: borrowed mirrors of the model in the file's shape.

#[derive(Serialize)]
struct StrategyOut<'a> {
    schema: &'static str,
    version: u64,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    organisation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    campaigns: Vec<CampaignOut<'a>>,
    objectives: Vec<ObjectiveOut<'a>>,
}

#[derive(Serialize)]
struct CampaignOut<'a> {
    id: &'a str,
    name: &'a str,
    start: NaiveDate,
    end: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct ObjectiveOut<'a> {
    id: &'a str,
    kind: ObjectiveKind,
    amec_stage: AmecStage,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    kpis: Vec<KpiOut<'a>>,
}

#[derive(Serialize)]
struct KpiOut<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    metric: &'a Metric,
    platforms: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    account: Option<&'a str>,
    distribution: Distribution,
    aggregation: Aggregation,
    period: Value,
    target: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<Value>,
    direction: Direction,
    #[serde(skip_serializing_if = "Option::is_none")]
    owner: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

impl<'a> From<&'a Strategy> for StrategyOut<'a> {
    fn from(strategy: &'a Strategy) -> Self {
        StrategyOut {
            schema: SCHEMA,
            version: VERSION,
            name: &strategy.name,
            organisation: strategy.organisation.as_deref(),
            note: strategy.note.as_deref(),
            campaigns: strategy
                .campaigns
                .iter()
                .map(|c| CampaignOut {
                    id: &c.id,
                    name: &c.name,
                    start: c.dates.start(),
                    end: c.dates.end(),
                    note: c.note.as_deref(),
                })
                .collect(),
            objectives: strategy.objectives.iter().map(ObjectiveOut::from).collect(),
        }
    }
}

impl<'a> From<&'a Objective> for ObjectiveOut<'a> {
    fn from(objective: &'a Objective) -> Self {
        ObjectiveOut {
            id: &objective.id,
            kind: objective.kind,
            amec_stage: objective.kind.amec_stage(),
            title: &objective.title,
            note: objective.note.as_deref(),
            kpis: objective.kpis.iter().map(KpiOut::from).collect(),
        }
    }
}

impl<'a> From<&'a Kpi> for KpiOut<'a> {
    fn from(kpi: &'a Kpi) -> Self {
        let platforms = match &kpi.platforms {
            PlatformScope::All => Value::String("all".to_owned()),
            PlatformScope::Only(platforms) => Value::Array(
                platforms
                    .iter()
                    .map(|p| Value::String(p.id().to_owned()))
                    .collect(),
            ),
        };
        KpiOut {
            id: &kpi.id,
            title: kpi.title.as_deref(),
            metric: &kpi.metric,
            platforms,
            account: kpi.account.as_deref(),
            distribution: kpi.distribution,
            aggregation: kpi.aggregation,
            period: period_value(&kpi.period),
            target: number_value(kpi.target),
            baseline: kpi.baseline.map(number_value),
            direction: kpi.direction,
            owner: kpi.owner.as_deref(),
            note: kpi.note.as_deref(),
        }
    }
}

fn period_value(period: &PeriodSpec) -> Value {
    match period {
        PeriodSpec::Recurring(cadence) => Value::String(cadence.id().to_owned()),
        PeriodSpec::Custom(range) => {
            serde_json::json!({ "start": range.start(), "end": range.end() })
        }
        PeriodSpec::Campaign(id) => serde_json::json!({ "campaign": id }),
    }
}

/// A number as JSON: integers without a fractional part (`50000`, not `50000.0`).
fn number_value(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9e15 {
        // Exact: the value is an integer well inside i64's range.
        #[allow(clippy::cast_possible_truncation)]
        Value::from(value as i64)
    } else {
        Value::from(value)
    }
}
