//! Which observations the store refuses, and why.
//!
//! Two kinds of refusal. An *invalid* observation contradicts itself (it ends before it
//! starts, its value is not a number, its unit contradicts its metric): one of them makes
//! the whole batch refused, because a reader or file that wrote it cannot be trusted for the
//! rest, and the store stays as it was. A *computed* observation (standard engagement or its
//! rate, or anything Yardstick derived) is valid but not stored: the store computes those
//! from the stored parts when asked, so a stored copy could only go stale; it is listed in
//! the merge report and the rest of the batch is stored.
//!
//! This module only judges; it does not change the store.

use std::fmt;

use chrono::NaiveDate;

use crate::metrics::CanonicalMetric;
use crate::model::{Metric, Observation, SourceKind, Unit, Window};

/// Why an observation contradicts itself.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The period ends before it starts.
    StartAfterEnd { start: NaiveDate, end: NaiveDate },
    /// A day window that spans more than one day.
    DayIsNotOneDay { start: NaiveDate, end: NaiveDate },
    /// The value is NaN or infinite.
    ValueNotFinite { value: f64 },
    /// The rounding step is not a positive finite number.
    RoundingNotPositive { rounded_to: f64 },
    /// The unit is not the one the metric's definition fixes.
    UnitContradictsMetric { unit: Unit, expected: String },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::StartAfterEnd { start, end } => {
                write!(f, "its period starts on {start}, after it ends on {end}")
            }
            Problem::DayIsNotOneDay { start, end } => {
                write!(f, "its window is one day but it runs from {start} to {end}")
            }
            Problem::ValueNotFinite { value } => write!(f, "its value {value} is not a number"),
            Problem::RoundingNotPositive { rounded_to } => {
                write!(f, "its rounding step {rounded_to} is not a positive number")
            }
            Problem::UnitContradictsMetric { unit, expected } => {
                write!(
                    f,
                    "its unit is {unit} but the metric is measured in {expected}"
                )
            }
        }
    }
}

/// One invalid observation of a refused batch: which one, and what is wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub struct InvalidObservation {
    /// Its position in the batch, from 0.
    pub index: usize,
    pub metric: Metric,
    /// Where it was read (its source location).
    pub location: String,
    pub problem: Problem,
}

impl fmt::Display for InvalidObservation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "observation #{} ({} from {}): {}",
            self.index, self.metric, self.location, self.problem
        )
    }
}

/// Why a valid observation was not stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// Standard engagement, its rate, or another value Yardstick computes: the store
    /// derives it from the stored parts when asked.
    Computed,
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RejectReason::Computed => f.write_str(
                "Yardstick computes this value from the stored parts when asked, so it is not stored; \
                 a platform's own figure belongs under its namespaced name (x:engagements)",
            ),
        }
    }
}

/// The problem with a reading's own fields, if any.
pub(crate) fn problem(
    metric: &Metric,
    unit: &Unit,
    window: Window,
    start: NaiveDate,
    end: NaiveDate,
    value: f64,
    rounded_to: Option<f64>,
) -> Option<Problem> {
    if start > end {
        return Some(Problem::StartAfterEnd { start, end });
    }
    if window == Window::Day && start != end {
        return Some(Problem::DayIsNotOneDay { start, end });
    }
    if !value.is_finite() {
        return Some(Problem::ValueNotFinite { value });
    }
    if let Some(step) = rounded_to {
        if !(step.is_finite() && step > 0.0) {
            return Some(Problem::RoundingNotPositive { rounded_to: step });
        }
    }
    unit_problem(metric, unit)
}

/// The problem with an observation, if any.
pub(crate) fn observation_problem(observation: &Observation) -> Option<Problem> {
    problem(
        &observation.metric,
        &observation.unit,
        observation.window,
        observation.start,
        observation.end,
        observation.value,
        observation.rounded_to,
    )
}

/// Why a valid observation is not stored, if it is not.
pub(crate) fn reject_reason(observation: &Observation) -> Option<RejectReason> {
    let computed_metric = observation
        .metric
        .canonical()
        .is_some_and(CanonicalMetric::is_computed);
    (computed_metric || observation.source.kind == SourceKind::Derived)
        .then_some(RejectReason::Computed)
}

/// A canonical metric fixes its unit (money metrics fix only that it is money); a platform
/// figure may have any unit.
fn unit_problem(metric: &Metric, unit: &Unit) -> Option<Problem> {
    let canonical = metric.canonical()?;
    match canonical.unit() {
        Some(expected) if expected != *unit => Some(Problem::UnitContradictsMetric {
            unit: unit.clone(),
            expected: expected.to_string(),
        }),
        None if !matches!(unit, Unit::Currency(_)) => Some(Problem::UnitContradictsMetric {
            unit: unit.clone(),
            expected: "a currency (currency:XXX)".to_owned(),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn check(
        metric: CanonicalMetric,
        unit: Unit,
        window: Window,
        (start, end): (&str, &str),
        value: f64,
        expected: Option<&str>,
    ) {
        let found = problem(
            &metric.into(),
            &unit,
            window,
            day(start),
            day(end),
            value,
            None,
        )
        .map(|p| p.to_string());
        assert_eq!(
            found.as_deref(),
            expected,
            "{metric:?} {unit} {window:?} {start}..{end} {value}"
        );
    }

    #[test]
    fn self_contradicting_readings_are_named() {
        use CanonicalMetric as M;
        let october = ("2026-10-01", "2026-10-28");
        check(
            M::Impressions,
            Unit::Count,
            Window::Range,
            october,
            1234.0,
            None,
        );
        check(
            M::Spend,
            Unit::Currency("EUR".into()),
            Window::Day,
            ("2026-10-01", "2026-10-01"),
            12.5,
            None,
        );
        check(
            M::Impressions,
            Unit::Count,
            Window::Range,
            ("2026-10-28", "2026-10-01"),
            1234.0,
            Some("its period starts on 2026-10-28, after it ends on 2026-10-01"),
        );
        check(
            M::Impressions,
            Unit::Count,
            Window::Day,
            october,
            1234.0,
            Some("its window is one day but it runs from 2026-10-01 to 2026-10-28"),
        );
        check(
            M::Reach,
            Unit::Count,
            Window::Range,
            october,
            f64::NAN,
            Some("its value NaN is not a number"),
        );
        check(
            M::EngagementRate,
            Unit::Count,
            Window::Range,
            october,
            12.5,
            Some("its unit is count but the metric is measured in ratio"),
        );
        check(
            M::Spend,
            Unit::Count,
            Window::Range,
            october,
            12.5,
            Some("its unit is count but the metric is measured in a currency (currency:XXX)"),
        );
    }

    #[test]
    fn platform_figures_keep_their_own_units() {
        let metric = Metric::platform(crate::model::Platform::LinkedIn, "Engagement rate");
        assert_eq!(
            problem(
                &metric,
                &Unit::Ratio,
                Window::Range,
                day("2026-10-01"),
                day("2026-10-28"),
                0.05,
                None
            ),
            None
        );
        let bad_step = problem(
            &metric,
            &Unit::Ratio,
            Window::Range,
            day("2026-10-01"),
            day("2026-10-28"),
            0.05,
            Some(0.0),
        );
        assert_eq!(
            bad_step,
            Some(Problem::RoundingNotPositive { rounded_to: 0.0 })
        );
    }
}
