//! Forecast: where a KPI will stand at the end of its period, with an 80 % interval.
//!
//! - A sum continues at its run rate: the total so far divided by the weight of the days
//!   it covers (see [`super::pacing`]), times the weight of the days still to come (the
//!   uncovered days included). The interval comes from the variability of the daily values
//!   (each divided by its day's weight): with standard deviation `s` over `n` covered days,
//!   the rest of the period has standard deviation `s·√(Σw² + (Σw)²/n)` — the days' own
//!   noise plus the uncertainty of the run rate — and the interval is ±1.2816 of that (a
//!   normal approximation). A sum that cannot fall (no negative daily values) never gets a
//!   lower bound below what is already in.
//! - A level continues its drift: the change per day since the level before the period,
//!   carried on to the end; the interval treats daily changes as a random walk
//!   (`σ·√(m + m²/n)` for `m` days ahead and `n` days observed).
//! - A rate or an average is forecast to stay where it is; the interval comes from the
//!   weighted variability of the daily rates and shrinks as the share of the period still
//!   to come shrinks.
//!
//! Fewer than three daily values give no interval rather than a made-up one. Nothing here
//! decides a status.

use chrono::NaiveDate;
use serde::Serialize;

use crate::evaluate::pacing::Pacing;

/// The share of outcomes the interval is meant to hold.
pub const CONFIDENCE: f64 = 0.8;
/// The two-sided 80 % quantile of the standard normal distribution.
const Z: f64 = 1.281_551_565_544_600_4;
/// The fewest daily values that give an interval.
pub const MIN_SAMPLE: usize = 3;

/// A forecast of the KPI's value at the end of its period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Forecast {
    pub value: f64,
    /// The 80 % interval, when there were enough daily values to estimate it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    pub method: ForecastMethod,
}

/// How a forecast was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ForecastMethod {
    /// The period is over: the forecast is the result.
    Final,
    /// A sum continued at its run rate.
    RunRate,
    /// A level continued at its drift per day.
    Drift,
    /// A rate or average expected to stay where it is.
    Steady,
}

impl Forecast {
    /// The result of a finished period.
    pub fn fixed(value: f64) -> Forecast {
        Forecast {
            value,
            low: Some(value),
            high: Some(value),
            method: ForecastMethod::Final,
        }
    }

    fn with_spread(value: f64, spread: Option<f64>, method: ForecastMethod) -> Forecast {
        match spread {
            Some(spread) if spread.is_finite() => Forecast {
                value,
                low: Some(value - Z * spread),
                high: Some(value + Z * spread),
                method,
            },
            _ => Forecast {
                value,
                low: None,
                high: None,
                method,
            },
        }
    }
}

/// A sum's forecast: `actual` over the `covered` days, continued over the `remaining` days.
/// `sample` holds the covered days' daily values (for the interval); `never_falls` when the
/// sum cannot go down.
pub fn sum(
    actual: f64,
    pacing: &Pacing,
    covered: &[NaiveDate],
    remaining: &[NaiveDate],
    sample: &[(NaiveDate, f64)],
    never_falls: bool,
) -> Forecast {
    // A profile that gives the covered days no weight at all cannot say a run rate.
    let pacing = if pacing.weight_of(covered.iter().copied()) > 0.0 {
        pacing
    } else {
        &Pacing::Linear
    };
    let covered_weight = pacing.weight_of(covered.iter().copied());
    if covered_weight <= 0.0 {
        return Forecast {
            value: actual,
            low: None,
            high: None,
            method: ForecastMethod::RunRate,
        };
    }
    let rate = actual / covered_weight;
    let rest_weight = pacing.weight_of(remaining.iter().copied());
    let value = actual + rate * rest_weight;
    let normalised: Vec<f64> = sample
        .iter()
        .filter_map(|(day, v)| {
            let weight = pacing.weight(*day);
            (weight > 0.0).then(|| v / weight)
        })
        .collect();
    let spread = standard_deviation(&normalised).map(|s| {
        let squares: f64 = remaining
            .iter()
            .map(|day| pacing.weight(*day).powi(2))
            .sum();
        s * (squares + rest_weight.powi(2) / covered.len() as f64).sqrt()
    });
    let mut forecast = Forecast::with_spread(value, spread, ForecastMethod::RunRate);
    if never_falls {
        forecast.low = forecast.low.map(|low| low.max(actual));
    }
    forecast
}

/// A level's forecast: from `from` at the end of `from_day` to `actual` at the end of
/// `as_of`, continued to the end of `end`. `changes` are observed day-to-day changes.
pub fn level(
    actual: f64,
    as_of: NaiveDate,
    end: NaiveDate,
    from: f64,
    from_day: NaiveDate,
    changes: &[f64],
) -> Forecast {
    let observed = (as_of - from_day).num_days();
    let ahead = (end - as_of).num_days().max(0) as f64;
    let drift = if observed > 0 {
        (actual - from) / observed as f64
    } else {
        0.0
    };
    let value = actual + drift * ahead;
    let spread = standard_deviation(changes)
        .filter(|_| observed > 0)
        .map(|sigma| sigma * (ahead + ahead * ahead / observed as f64).sqrt());
    Forecast::with_spread(value, spread, ForecastMethod::Drift)
}

/// A rate's or an average's forecast: it stays at `actual`. `daily` holds each covered
/// day's rate and weight (its denominator; 1 for an average); `remaining` days are to come.
pub fn steady(actual: f64, daily: &[(f64, f64)], remaining: usize) -> Forecast {
    let observed = daily.len();
    let spread = if remaining == 0 {
        Some(0.0)
    } else {
        weighted_standard_deviation(daily, actual).map(|s| {
            let (m, n) = (remaining as f64, observed as f64);
            let share_to_come = m / (m + n);
            share_to_come * s * (1.0 / m + 1.0 / n).sqrt()
        })
    };
    Forecast::with_spread(actual, spread, ForecastMethod::Steady)
}

/// The sample standard deviation, when there are at least [`MIN_SAMPLE`] values.
fn standard_deviation(values: &[f64]) -> Option<f64> {
    if values.len() < MIN_SAMPLE {
        return None;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let squares: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
    Some((squares / (n - 1.0)).sqrt())
}

/// The standard deviation of `(value, weight)` pairs around `centre`, weighted, with the
/// small-sample correction `n / (n − 1)`.
fn weighted_standard_deviation(pairs: &[(f64, f64)], centre: f64) -> Option<f64> {
    if pairs.len() < MIN_SAMPLE {
        return None;
    }
    let total: f64 = pairs.iter().map(|(_, w)| w).sum();
    if total <= 0.0 {
        return None;
    }
    let n = pairs.len() as f64;
    let squares: f64 = pairs.iter().map(|(v, w)| w * (v - centre).powi(2)).sum();
    Some((squares / total * n / (n - 1.0)).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategy::{DateRange, RangeDays};

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn days(first: &str, last: &str) -> Vec<NaiveDate> {
        DateRange::new(date(first), date(last))
            .unwrap()
            .iter_days()
            .collect()
    }

    #[test]
    fn a_sum_continues_at_its_run_rate() {
        let covered = days("2026-11-01", "2026-11-10");
        let remaining = days("2026-11-11", "2026-11-30");
        let sample: Vec<_> = covered.iter().map(|d| (*d, 100.0)).collect();
        let forecast = sum(1000.0, &Pacing::Linear, &covered, &remaining, &sample, true);
        assert_eq!(forecast.value, 3000.0);
        // Identical days: no spread at all.
        assert_eq!((forecast.low, forecast.high), (Some(3000.0), Some(3000.0)));
    }

    #[test]
    fn the_interval_widens_with_noisy_days_and_never_undercuts_what_is_in() {
        let covered = days("2026-11-01", "2026-11-04");
        let remaining = days("2026-11-05", "2026-11-30");
        let values = [0.0, 400.0, 0.0, 0.0];
        let sample: Vec<_> = covered.iter().zip(values).map(|(d, v)| (*d, v)).collect();
        let forecast = sum(400.0, &Pacing::Linear, &covered, &remaining, &sample, true);
        assert_eq!(forecast.value, 3000.0);
        let s = standard_deviation(&values).unwrap();
        let expected_spread = s * (26.0 + 26.0_f64.powi(2) / 4.0).sqrt();
        assert!((forecast.high.unwrap() - (3000.0 + Z * expected_spread)).abs() < 1e-6);
        assert_eq!(
            forecast.low,
            Some(400.0),
            "the lower bound is clamped to what is in"
        );
        // A net change can fall: no clamp.
        let falling = sum(400.0, &Pacing::Linear, &covered, &remaining, &sample, false);
        assert!(falling.low.unwrap() < 0.0);
    }

    #[test]
    fn two_days_give_a_forecast_without_an_interval() {
        let covered = days("2026-11-01", "2026-11-02");
        let remaining = days("2026-11-03", "2026-11-30");
        let sample: Vec<_> = covered.iter().map(|d| (*d, 50.0)).collect();
        let forecast = sum(100.0, &Pacing::Linear, &covered, &remaining, &sample, true);
        assert_eq!(
            (forecast.value, forecast.low, forecast.high),
            (1500.0, None, None)
        );
    }

    #[test]
    fn weekday_weights_shape_the_run_rate() {
        // Covered: a Saturday and a Sunday worth 0.5 each; the rest of the week weighs 1.2.
        let profile = Pacing::WeekdayProfile {
            weights: [1.2, 1.2, 1.2, 1.2, 1.2, 0.5, 0.5],
            weeks: 8,
        };
        let covered = days("2026-11-07", "2026-11-08");
        let remaining = days("2026-11-09", "2026-11-13");
        let forecast = sum(100.0, &profile, &covered, &remaining, &[], true);
        // 100 per unit of weight, 6 units to come.
        assert!((forecast.value - 700.0).abs() < 1e-9);
    }

    #[test]
    fn a_level_continues_its_drift() {
        let forecast = level(
            10_800.0,
            date("2026-10-31"),
            date("2026-12-31"),
            10_500.0,
            date("2026-09-30"),
            &[],
        );
        // 300 in 31 days, 61 days to go.
        assert!((forecast.value - (10_800.0 + 300.0 / 31.0 * 61.0)).abs() < 1e-9);
        assert_eq!(forecast.low, None);
        let changes = [8.0, 12.0, 10.0, 9.0, 11.0];
        let forecast = level(
            10_800.0,
            date("2026-10-31"),
            date("2026-12-31"),
            10_500.0,
            date("2026-09-30"),
            &changes,
        );
        let sigma = standard_deviation(&changes).unwrap();
        let spread = sigma * (61.0 + 61.0 * 61.0 / 31.0_f64).sqrt();
        assert!((forecast.high.unwrap() - forecast.value - Z * spread).abs() < 1e-9);
    }

    #[test]
    fn a_rate_stays_where_it_is_with_an_interval_that_shrinks_to_the_end() {
        let daily = [(0.03, 1000.0), (0.05, 1000.0), (0.04, 2000.0)];
        let early = steady(0.04, &daily, 27);
        let late = steady(0.04, &daily, 1);
        assert_eq!(early.value, 0.04);
        let early_width = early.high.unwrap() - early.low.unwrap();
        let late_width = late.high.unwrap() - late.low.unwrap();
        assert!(late_width < early_width, "{late_width} < {early_width}");
        assert_eq!(steady(0.04, &daily, 0).low, Some(0.04));
        assert_eq!(steady(0.04, &daily[..2], 5).low, None);
    }
}
