//! The plain inputs the evaluator works on: a KPI's daily values and what the store knows
//! of its total over the complete days of a period.
//!
//! Keeping the evaluator's input to plain numbers and dates makes every rule testable
//! without a store; [`super::store_figures`] is the one place that asks the store for them.
//! Inputs are cleaned here (sorted, one value per day, non-finite values dropped), so the
//! rules downstream can rely on that. Nothing here computes a status.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::strategy::{DateRange, Kpi, RangeDays};

/// One day's value: a flow for that day, a level at its end, or a rate's part.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DayValue {
    pub date: NaiveDate,
    pub value: f64,
}

impl DayValue {
    pub fn new(date: NaiveDate, value: f64) -> DayValue {
        DayValue { date, value }
    }
}

/// What the store knows of a figure over a range of days: a value and the days it does
/// not cover. For a sum, the value adds up the covered days without counting one twice
/// (day and range readings together); for a level, it is the latest value and the missing
/// days are those after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KnownTotal {
    pub value: f64,
    /// The days of the asked range the value does not cover, as runs.
    #[serde(default)]
    pub missing: Vec<DateRange>,
}

/// Everything the evaluator needs to know about one KPI's figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    /// Daily values of the KPI's figure (the flow, the level, the averaged figure, or a
    /// rate's numerator), from the history window before the period up to its last
    /// complete day. Days without data are simply absent.
    #[serde(default)]
    pub daily: Vec<DayValue>,
    /// A rate's denominator per day (rate KPIs only).
    #[serde(default)]
    pub denominator: Vec<DayValue>,
    /// The store's answer over the period's complete days, when it has one: it may know
    /// more than the days (a reading of a whole range).
    #[serde(default)]
    pub total: Option<KnownTotal>,
    /// The same for a rate's denominator.
    #[serde(default)]
    pub denominator_total: Option<KnownTotal>,
}

/// The days the evaluator asks figures for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ask {
    /// The whole period.
    pub period: DateRange,
    /// The days before the period whose values feed the weekday profile and the
    /// variability of daily values.
    pub history: Option<DateRange>,
    /// The period's complete days (from its start to the day before today).
    pub elapsed: Option<DateRange>,
}

/// Where the evaluator gets figures from: the store (see [`super::store_figures`]) or, in
/// tests, a table.
pub trait FigureSource {
    /// The figures of `kpi` for the days in `ask`.
    fn figures(&self, kpi: &Kpi, ask: &Ask) -> Figures;

    /// The figures together with sentences saying what could not be had (values in two
    /// currencies, say). Sources that always answer keep this default.
    fn figures_and_notes(&self, kpi: &Kpi, ask: &Ask) -> (Figures, Vec<String>) {
        (self.figures(kpi, ask), Vec::new())
    }
}

/// Values by day: sorted, one per day (the last given wins), finite only.
pub(crate) fn by_day(values: &[DayValue]) -> BTreeMap<NaiveDate, f64> {
    values
        .iter()
        .filter(|v| v.value.is_finite())
        .map(|v| (v.date, v.value))
        .collect()
}

/// The values of `days` that fall inside `range`.
pub(crate) fn within(days: &BTreeMap<NaiveDate, f64>, range: DateRange) -> Vec<(NaiveDate, f64)> {
    days.range(range.start()..=range.end())
        .map(|(d, v)| (*d, *v))
        .collect()
}

/// The days of `range` not in any of the `missing` runs.
pub(crate) fn covered_days(range: DateRange, missing: &[DateRange]) -> Vec<NaiveDate> {
    range
        .iter_days()
        .filter(|day| !missing.iter().any(|run| run.contains(*day)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn inputs_are_cleaned_to_one_finite_value_per_day() {
        let days = by_day(&[
            DayValue::new(date("2026-11-03"), 5.0),
            DayValue::new(date("2026-11-01"), 1.0),
            DayValue::new(date("2026-11-03"), 7.0),
            DayValue::new(date("2026-11-02"), f64::NAN),
        ]);
        assert_eq!(
            days.into_iter().collect::<Vec<_>>(),
            vec![(date("2026-11-01"), 1.0), (date("2026-11-03"), 7.0)]
        );
    }

    #[test]
    fn covered_days_leave_out_the_missing_runs() {
        let range = DateRange::new(date("2028-02-27"), date("2028-03-02")).unwrap();
        let missing = [
            DateRange::day(date("2028-02-29")),
            DateRange::day(date("2028-03-02")),
        ];
        assert_eq!(
            covered_days(range, &missing),
            vec![date("2028-02-27"), date("2028-02-28"), date("2028-03-01")]
        );
    }
}
