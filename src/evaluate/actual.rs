//! What the figures say about one KPI in one period: the actual value so far, the days it
//! covers, the expected value by then, the forecast and the series behind it — worked out
//! per kind of measure:
//! - a **sum** adds the period's complete days (or takes the store's total, which may come
//!   from a reading of a whole range);
//! - a **level** takes the latest value in the period and compares it with a straight path
//!   from the level before the period (the baseline when given; otherwise the last value
//!   in the 31 days before the period; otherwise the first value in it; 0 for reach, which
//!   starts afresh every period);
//! - a **rate** divides the summed numerator by the summed denominator over the days that
//!   have both, never averaging daily rates; an **average** divides the sum by the number
//!   of days with data;
//! - a **reported** figure (a platform's own rate) is the latest value read.
//!
//! Days are complete days only (see [`super::days`]). Nothing here decides a status.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::evaluate::days::PeriodDays;
use crate::evaluate::figures::{by_day, covered_days, within, Figures};
use crate::evaluate::forecast::{self, Forecast, ForecastMethod};
use crate::evaluate::pacing::{self, Pacing};
use crate::strategy::{DateRange, Kpi, RangeDays};

/// How many days before a period a level is looked for when no baseline is given.
pub const LEVEL_LOOKBACK_DAYS: u64 = 31;
/// How many recent days feed the variability of a sum when the period has few so far.
pub const RECENT_HISTORY_DAYS: u64 = 28;
/// A period with fewer days of data than this borrows recent history for its variability.
const FEW_DAYS: usize = 7;

/// One day of the series behind a KPI, for a sparkline.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SeriesPoint {
    pub date: NaiveDate,
    /// The day's own value: the day's flow, the level at its end, or the day's rate.
    pub value: f64,
    /// The KPI's value through this day: the running sum, the level, the running rate.
    pub to_date: f64,
    /// Where the pacing expected the KPI to be through this day.
    pub expected: f64,
}

/// The figures read for one KPI and period.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub actual: f64,
    /// The complete days the actual covers, in order.
    pub covered: Vec<NaiveDate>,
    /// The expected value through the last covered day.
    pub expected: f64,
    pub pacing: Pacing,
    pub forecast: Forecast,
    /// The size a shortfall is measured against (see [`super::status`]).
    pub scale: f64,
    /// True for a sum that cannot fall, whose result can be certain before the end.
    pub never_falls: bool,
    pub series: Vec<SeriesPoint>,
}

/// A sum of a flow.
pub fn sum(kpi: &Kpi, days: &PeriodDays, figures: &Figures) -> Option<Reading> {
    let elapsed = days.elapsed?;
    let period = days.period;
    let daily = by_day(&figures.daily);
    let in_period = within(&daily, elapsed);
    let (actual, covered) = match &figures.total {
        Some(total) if total.value.is_finite() => {
            (total.value, covered_days(elapsed, &total.missing))
        }
        _ => (
            in_period.iter().map(|(_, v)| v).sum(),
            in_period.iter().map(|(d, _)| *d).collect(),
        ),
    };
    if covered.is_empty() {
        return None;
    }
    let pacing = pacing::pacing_for_sum(&daily, period);
    let expected = kpi.target * pacing::expected_share(&pacing, &covered, period);
    let remaining: Vec<NaiveDate> = period
        .iter_days()
        .filter(|day| covered.binary_search(day).is_err())
        .collect();
    let mut sample = in_period.clone();
    if sample.len() < FEW_DAYS {
        let recent = period
            .start()
            .checked_sub_days(Days::new(RECENT_HISTORY_DAYS))
            .zip(period.start().pred_opt())
            .and_then(|(from, to)| DateRange::new(from, to).ok());
        if let Some(recent) = recent {
            sample.extend(within(&daily, recent));
        }
    }
    let never_falls = crate::strategy::measure::is_non_negative(&kpi.metric)
        && actual >= 0.0
        && sample.iter().all(|(_, v)| *v >= 0.0);
    let forecast = forecast::sum(actual, &pacing, &covered, &remaining, &sample, never_falls);
    let whole = pacing.weight_of(period.iter_days());
    let mut running = 0.0;
    let mut path = 0.0;
    let mut series = Vec::new();
    for day in elapsed.iter_days() {
        path += pacing.weight(day);
        if let Some(value) = daily.get(&day) {
            running += value;
            let expected = if whole > 0.0 {
                kpi.target * path / whole
            } else {
                0.0
            };
            series.push(SeriesPoint {
                date: day,
                value: *value,
                to_date: running,
                expected,
            });
        }
    }
    Some(Reading {
        actual,
        covered,
        expected,
        pacing,
        forecast,
        scale: kpi.target.abs(),
        never_falls,
        series,
    })
}

/// A level (followers at the end of the period), or reach paced like one from zero.
pub fn level(kpi: &Kpi, days: &PeriodDays, figures: &Figures, from_zero: bool) -> Option<Reading> {
    let elapsed = days.elapsed?;
    let period = days.period;
    let daily = by_day(&figures.daily);
    let in_period = within(&daily, elapsed);
    let (actual, as_of) = match &figures.total {
        Some(total) if total.value.is_finite() => {
            (total.value, *covered_days(elapsed, &total.missing).last()?)
        }
        _ => in_period.last().map(|(d, v)| (*v, *d))?,
    };
    let before_start = period.start().pred_opt()?;
    let prior = || {
        let from = period
            .start()
            .checked_sub_days(Days::new(LEVEL_LOOKBACK_DAYS))?;
        daily
            .range(from..period.start())
            .next_back()
            .map(|(d, v)| (*v, *d))
    };
    let (from, from_day) = if from_zero {
        (0.0, before_start)
    } else if let Some(baseline) = kpi.baseline {
        (baseline, before_start)
    } else if let Some(prior) = prior() {
        prior
    } else {
        in_period.first().map(|(d, v)| (*v, *d))?
    };
    let expected = pacing::expected_level(from, kpi.target, as_of, period);
    let changes = daily_changes(&daily, as_of);
    let forecast = forecast::level(actual, as_of, period.end(), from, from_day, &changes);
    let planned = (kpi.target - from).abs();
    let scale = if planned > 0.0 {
        planned
    } else {
        kpi.target.abs()
    };
    let series = in_period
        .iter()
        .map(|(day, value)| SeriesPoint {
            date: *day,
            value: *value,
            to_date: *value,
            expected: pacing::expected_level(from, kpi.target, *day, period),
        })
        .collect();
    let covered = DateRange::new(period.start(), as_of)
        .map(|r| r.iter_days().collect())
        .unwrap_or_default();
    Some(Reading {
        actual,
        covered,
        expected,
        pacing: Pacing::Level { from },
        forecast,
        scale,
        never_falls: false,
        series,
    })
}

/// The day-to-day changes of a level over the 91 days up to `as_of`, between values read
/// on consecutive days only.
fn daily_changes(daily: &BTreeMap<NaiveDate, f64>, as_of: NaiveDate) -> Vec<f64> {
    let from = as_of.checked_sub_days(Days::new(90)).unwrap_or(as_of);
    let values: Vec<(NaiveDate, f64)> = daily.range(from..=as_of).map(|(d, v)| (*d, *v)).collect();
    values
        .windows(2)
        .filter_map(|pair| match pair {
            [(a, x), (b, y)] if (*b - *a).num_days() == 1 => Some(y - x),
            _ => None,
        })
        .collect()
}

/// A rate from summed parts (`scale` 1000 for cost per mille), or an average (every day's
/// denominator 1) when `average` is set.
pub fn ratio(
    kpi: &Kpi,
    days: &PeriodDays,
    figures: &Figures,
    scale: f64,
    average: bool,
) -> Option<Reading> {
    let elapsed = days.elapsed?;
    let period = days.period;
    let numerators = by_day(&figures.daily);
    let denominators = if average {
        numerators.keys().map(|day| (*day, 1.0)).collect()
    } else {
        by_day(&figures.denominator)
    };
    let both: Vec<(NaiveDate, f64, f64)> = within(&numerators, elapsed)
        .into_iter()
        .filter_map(|(day, n)| denominators.get(&day).map(|d| (day, n, *d)))
        .collect();
    let totals = if average {
        None
    } else {
        figures
            .total
            .as_ref()
            .zip(figures.denominator_total.as_ref())
    };
    let (numerator, denominator, covered) = match totals {
        Some((n, d)) if n.value.is_finite() && d.value.is_finite() => {
            let missing: Vec<DateRange> = n.missing.iter().chain(&d.missing).copied().collect();
            (n.value, d.value, covered_days(elapsed, &missing))
        }
        _ => (
            both.iter().map(|(_, n, _)| n).sum(),
            both.iter().map(|(_, _, d)| d).sum(),
            both.iter().map(|(day, _, _)| *day).collect::<Vec<_>>(),
        ),
    };
    if covered.is_empty() || denominator <= 0.0 {
        return None;
    }
    let actual = numerator / denominator * scale;
    let daily_rates: Vec<(f64, f64)> = both
        .iter()
        .filter(|(_, _, d)| *d > 0.0)
        .map(|(_, n, d)| (n / d * scale, *d))
        .collect();
    let remaining = period.days() as usize - covered.len().min(period.days() as usize);
    let forecast = forecast::steady(actual, &daily_rates, remaining);
    let (mut running_n, mut running_d) = (0.0, 0.0);
    let series = both
        .iter()
        .filter_map(|(day, n, d)| {
            running_n += n;
            running_d += d;
            (*d > 0.0 && running_d > 0.0).then(|| SeriesPoint {
                date: *day,
                value: n / d * scale,
                to_date: running_n / running_d * scale,
                expected: kpi.target,
            })
        })
        .collect();
    Some(Reading {
        actual,
        covered,
        expected: kpi.target,
        pacing: Pacing::Flat,
        forecast,
        scale: kpi.target.abs(),
        never_falls: false,
        series,
    })
}

/// A figure the platform reports for the period as a whole (its own rate): the latest
/// value read, expected to stay where it is.
pub fn reported(kpi: &Kpi, days: &PeriodDays, figures: &Figures) -> Option<Reading> {
    let elapsed = days.elapsed?;
    let daily = by_day(&figures.daily);
    let in_period = within(&daily, elapsed);
    let (actual, as_of) = match &figures.total {
        Some(total) if total.value.is_finite() => {
            (total.value, *covered_days(elapsed, &total.missing).last()?)
        }
        _ => in_period.last().map(|(d, v)| (*v, *d))?,
    };
    let covered = DateRange::new(days.period.start(), as_of)
        .map(|r| r.iter_days().collect())
        .unwrap_or_default();
    let series = in_period
        .iter()
        .map(|(day, value)| SeriesPoint {
            date: *day,
            value: *value,
            to_date: *value,
            expected: kpi.target,
        })
        .collect();
    let remaining = (days.period.end() - as_of).num_days();
    let forecast = if remaining == 0 {
        Forecast::fixed(actual)
    } else {
        Forecast {
            value: actual,
            low: None,
            high: None,
            method: ForecastMethod::Steady,
        }
    };
    Some(Reading {
        actual,
        covered,
        expected: kpi.target,
        pacing: Pacing::Flat,
        forecast,
        scale: kpi.target.abs(),
        never_falls: false,
        series,
    })
}
