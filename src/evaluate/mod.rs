//! The evaluator: per KPI and period, the actual value, the target, the share achieved,
//! the value expected by now (pacing), the forecast at the period's end with an 80 %
//! interval, a status, and the daily series behind it.
//!
//! The rules are written for users in `docs/evaluator.md`. In short: only complete days
//! count (a day is complete once it is before "today", in the platforms' reporting time
//! zone, see [`days`]); a sum is paced linearly or by the account's weekday profile
//! ([`pacing`]); a level along a straight line from where it stood; a rate or average
//! flat at its target; the forecast continues the run rate, drift or current rate
//! ([`forecast`]); the status holds the forecast against the target with written
//! thresholds ([`status`]).
//!
//! [`evaluate_kpi`] is a pure function over plain inputs ([`Figures`]), so every rule is
//! tested without a store; [`evaluate_strategy`] asks a [`FigureSource`] for the figures,
//! and [`store_figures`] is the one adapter that asks the store. No clock is read here:
//! "today" is an argument.

pub mod actual;
pub mod days;
pub mod figures;
pub mod forecast;
pub mod pacing;
pub mod page;
pub mod status;
pub mod store_figures;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::model::{Distribution, Metric, Platform, Unit};
use crate::strategy::measure::{self, Shape};
use crate::strategy::{Aggregation, DateRange, Direction, Kpi, Objective, PeriodSpec, Strategy};

pub use actual::SeriesPoint;
pub use days::{reporting_today, Timing};
pub use figures::{Ask, DayValue, FigureSource, Figures, KnownTotal};
pub use forecast::{Forecast, ForecastMethod};
pub use pacing::Pacing;
pub use page::{for_platform, PageKpi, PageKpis, Relevance, StatusCounts};
pub use status::Status;
pub use store_figures::StoreFigures;

/// A period with gaps in more than this share of its days so far is partial data.
pub const MAX_GAP_SHARE: f64 = 0.10;
/// A period whose newest data is more than this many days older than yesterday is partial
/// data: platforms report a day or two late, not a week.
pub const MAX_LAG_DAYS: i64 = 7;

/// How "today" is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Today {
    /// One date for every KPI (a date in the platforms' reporting time zone).
    Date(NaiveDate),
    /// An instant: each KPI's today is the earliest reporting date among its platforms.
    Now(DateTime<Utc>),
}

impl Today {
    /// Today's date for a KPI counting `platforms`.
    pub fn for_platforms(&self, platforms: &[Platform]) -> NaiveDate {
        match self {
            Today::Date(date) => *date,
            Today::Now(now) => reporting_today(platforms, *now),
        }
    }
}

/// How a KPI's figures become one value, decided by its metric and aggregation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Measure {
    /// The period's total of a flow.
    Sum,
    /// The mean per day with data.
    Average,
    /// The latest level; reach starts from zero every period.
    Level { from_zero: bool },
    /// Σ numerator / Σ denominator × scale.
    Rate { scale: f64 },
    /// The platform's own figure for the period, as last read.
    Reported,
}

impl Measure {
    /// The measure of a KPI.
    pub fn of(kpi: &Kpi) -> Measure {
        match (kpi.aggregation, measure::shape(&kpi.metric)) {
            (Aggregation::Sum, _) => Measure::Sum,
            (Aggregation::Average, _) => Measure::Average,
            (Aggregation::Rate, Shape::Ratio { parts: Some(parts) }) => {
                Measure::Rate { scale: parts.scale }
            }
            (Aggregation::Rate, _) => Measure::Reported,
            (Aggregation::Latest, Shape::Unique) => Measure::Level { from_zero: true },
            (Aggregation::Latest, Shape::Level | Shape::Flow) => {
                Measure::Level { from_zero: false }
            }
            (
                Aggregation::Latest,
                Shape::Ratio { .. } | Shape::PlatformOwnRate | Shape::Reported,
            ) => Measure::Reported,
        }
    }
}

/// A period as evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodOut {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// `2026-11`, `2026-W48`, `2026-Q4`, `2026`, a campaign's id, or the dates.
    pub label: String,
}

/// How much of the period's complete days the actual covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    /// Complete days of the period so far.
    pub elapsed_days: i64,
    /// Of those, the days the actual covers.
    pub covered_days: i64,
    /// `covered_days / elapsed_days` (0 when no day is complete).
    pub fraction: f64,
    /// The last day the actual covers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_through: Option<NaiveDate>,
    /// Days without data between the period's start and `data_through`.
    pub gap_days: i64,
    /// Complete days after `data_through` (platforms report a day or two late).
    pub lag_days: i64,
}

/// One KPI evaluated over one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KpiEvaluation {
    pub kpi: String,
    pub objective: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub metric: Metric,
    /// The unit of the actual, target and forecast, when the metric decides it (a rate is
    /// a fraction; money carries the account's currency and is `None` here).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    pub platforms: Vec<Platform>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    pub distribution: Distribution,
    pub aggregation: Aggregation,
    pub direction: Direction,
    pub period: PeriodOut,
    pub timing: Timing,
    /// The date the evaluation was made on: days before it are complete.
    pub today: NaiveDate,
    pub target: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// The value so far (the result, for a past period).
    pub actual: Option<f64>,
    /// `actual / target` (none for a target of 0).
    pub achieved: Option<f64>,
    /// Where the pacing expected the KPI to be through `coverage.data_through`.
    pub expected: Option<f64>,
    pub pacing: Option<Pacing>,
    pub forecast: Option<Forecast>,
    pub status: Status,
    /// For partial data: the status the data so far points to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisional: Option<Status>,
    pub coverage: Coverage,
    pub series: Vec<SeriesPoint>,
    /// Why figures are missing, when the store could say (values in two currencies).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The period before, for a recurring KPI (its final result).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<Box<KpiEvaluation>>,
}

/// A whole strategy evaluated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StrategyEvaluation {
    pub strategy: String,
    pub kpis: Vec<KpiEvaluation>,
}

/// Evaluates every KPI of `strategy` on `today`: the current period, and for recurring
/// KPIs the one before. A KPI whose period cannot be resolved (an unknown campaign, which
/// a validated strategy never has) is left out.
pub fn evaluate_strategy(
    strategy: &Strategy,
    today: Today,
    source: &dyn FigureSource,
) -> StrategyEvaluation {
    let mut kpis = Vec::new();
    for (objective, kpi) in strategy.kpis() {
        let date = today.for_platforms(&kpi.platforms.platforms());
        let Some(period) = kpi.period.resolve(date, strategy) else {
            continue;
        };
        let mut evaluation = evaluate_with(source, objective, kpi, period, date);
        if let Some(previous) = kpi.period.previous(date) {
            evaluation.previous = Some(Box::new(evaluate_with(
                source, objective, kpi, previous, date,
            )));
        }
        kpis.push(evaluation);
    }
    StrategyEvaluation {
        strategy: strategy.name.clone(),
        kpis,
    }
}

fn evaluate_with(
    source: &dyn FigureSource,
    objective: &Objective,
    kpi: &Kpi,
    period: DateRange,
    today: NaiveDate,
) -> KpiEvaluation {
    let days = days::PeriodDays::new(period, today);
    let ask = Ask {
        period,
        history: pacing::history_window(period),
        elapsed: days.elapsed,
    };
    let (figures, notes) = source.figures_and_notes(kpi, &ask);
    let mut evaluation = evaluate_kpi(objective, kpi, period, today, &figures);
    evaluation.notes = notes;
    evaluation
}

/// Evaluates one KPI over `period` on `today` from plain figures.
pub fn evaluate_kpi(
    objective: &Objective,
    kpi: &Kpi,
    period: DateRange,
    today: NaiveDate,
    figures: &Figures,
) -> KpiEvaluation {
    let days = days::PeriodDays::new(period, today);
    let mut evaluation = KpiEvaluation {
        kpi: kpi.id.clone(),
        objective: objective.id.clone(),
        title: kpi.title.clone(),
        metric: kpi.metric.clone(),
        unit: kpi.metric.default_unit(),
        platforms: kpi.platforms.platforms(),
        account: kpi.account.clone(),
        distribution: kpi.distribution,
        aggregation: kpi.aggregation,
        direction: kpi.direction,
        period: PeriodOut {
            start: period.start(),
            end: period.end(),
            label: label(&kpi.period, period),
        },
        timing: days.timing,
        today,
        target: kpi.target,
        baseline: kpi.baseline,
        actual: None,
        achieved: None,
        expected: None,
        pacing: None,
        forecast: None,
        status: Status::NotStarted,
        provisional: None,
        coverage: Coverage {
            elapsed_days: days.elapsed_days(),
            covered_days: 0,
            fraction: 0.0,
            data_through: None,
            gap_days: 0,
            lag_days: 0,
        },
        series: Vec::new(),
        notes: Vec::new(),
        previous: None,
    };
    let Some(last_complete) = days.last_complete() else {
        return evaluation;
    };
    let reading = match Measure::of(kpi) {
        Measure::Sum => actual::sum(kpi, &days, figures),
        Measure::Average => actual::ratio(kpi, &days, figures, 1.0, true),
        Measure::Level { from_zero } => actual::level(kpi, &days, figures, from_zero),
        Measure::Rate { scale } => actual::ratio(kpi, &days, figures, scale, false),
        Measure::Reported => actual::reported(kpi, &days, figures),
    };
    let Some(reading) = reading else {
        evaluation.status = Status::NoData;
        return evaluation;
    };
    let data_through = reading.covered.last().copied().unwrap_or(period.start());
    let span = (data_through - period.start()).num_days() + 1;
    let covered = reading.covered.len() as i64;
    evaluation.coverage = Coverage {
        elapsed_days: days.elapsed_days(),
        covered_days: covered,
        fraction: covered as f64 / days.elapsed_days().max(1) as f64,
        data_through: Some(data_through),
        gap_days: (span - covered).max(0),
        lag_days: (last_complete - data_through).num_days().max(0),
    };
    evaluation.actual = Some(reading.actual);
    evaluation.achieved = (kpi.target != 0.0).then(|| reading.actual / kpi.target);
    evaluation.expected = Some(reading.expected);
    evaluation.series = reading.series.clone();
    let (status, provisional, forecast) = decide(kpi, &days, &reading, &evaluation.coverage);
    evaluation.status = status;
    evaluation.provisional = provisional;
    evaluation.forecast = Some(forecast);
    evaluation.pacing = Some(reading.pacing);
    evaluation
}

/// The status, provisional status and forecast of a reading.
fn decide(
    kpi: &Kpi,
    days: &days::PeriodDays,
    reading: &actual::Reading,
    coverage: &Coverage,
) -> (Status, Option<Status>, Forecast) {
    let certain = if reading.never_falls {
        status::certain(kpi.direction, reading.actual, kpi.target)
    } else {
        None
    };
    if days.timing == Timing::Past {
        let complete = coverage.covered_days >= days.period.days();
        if complete {
            return (
                status::verdict(kpi.direction, reading.actual, kpi.target),
                None,
                Forecast::fixed(reading.actual),
            );
        }
        let estimate = status::verdict(kpi.direction, reading.forecast.value, kpi.target);
        return match certain {
            Some(status) => (status, None, reading.forecast.clone()),
            None => (
                Status::PartialData,
                Some(estimate),
                reading.forecast.clone(),
            ),
        };
    }
    if let Some(status) = certain {
        return (status, None, reading.forecast.clone());
    }
    let favourable_bound = match kpi.direction {
        Direction::Higher => reading.forecast.high,
        Direction::Lower => reading.forecast.low,
    };
    let judged = status::judge(&status::Outlook {
        direction: kpi.direction,
        target: kpi.target,
        scale: reading.scale,
        forecast: reading.forecast.value,
        favourable_bound,
    });
    let span = coverage.covered_days + coverage.gap_days;
    let gappy = span > 0 && coverage.gap_days as f64 > MAX_GAP_SHARE * span as f64;
    if gappy || coverage.lag_days > MAX_LAG_DAYS {
        (Status::PartialData, Some(judged), reading.forecast.clone())
    } else {
        (judged, None, reading.forecast.clone())
    }
}

fn label(spec: &PeriodSpec, period: DateRange) -> String {
    spec.label(period)
}
