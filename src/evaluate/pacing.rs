//! Pacing: how much of a target should be in by a given day.
//!
//! A sum (impressions over a month) is paced by day weights: linearly (every day weighs
//! the same) or, when the account has enough history, by its own weekday profile (a
//! LinkedIn page that gets most of its impressions on weekdays should not look behind on a
//! Monday after a quiet weekend). The profile is used when the 26 weeks before the period
//! hold at least 8 values for every weekday, none negative, with a positive mean; each
//! weekday's weight is its mean divided by the mean of the seven weekday means, so the
//! weights average 1. A level (followers) is paced along a straight line from where it
//! stood before the period to the target; a rate or an average is paced flat: it is
//! expected to be at its target every day. Nothing here reads the store.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use crate::strategy::{DateRange, RangeDays};

/// How many days before a period the weekday profile looks at (26 weeks).
pub const PROFILE_LOOKBACK_DAYS: u64 = 182;
/// How many values each weekday needs before the profile is used (8 weeks).
pub const PROFILE_MIN_WEEKS: usize = 8;

/// How the expected value by a day was worked out.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Pacing {
    /// Every day of the period weighs the same.
    Linear,
    /// Days weigh by the account's own weekday profile.
    WeekdayProfile {
        /// Monday first; they average 1.
        weights: [f64; 7],
        /// The fewest values any weekday had (at least [`PROFILE_MIN_WEEKS`]).
        weeks: usize,
    },
    /// A straight line from `from` (the level before the period) to the target.
    Level { from: f64 },
    /// The target itself on every day: rates and averages do not accumulate.
    Flat,
}

impl Pacing {
    /// The weight of one day (1 unless a weekday profile says otherwise).
    pub fn weight(&self, day: NaiveDate) -> f64 {
        match self {
            Pacing::WeekdayProfile { weights, .. } => {
                let index = day.weekday().num_days_from_monday() as usize;
                weights.get(index).copied().unwrap_or(1.0)
            }
            Pacing::Linear | Pacing::Level { .. } | Pacing::Flat => 1.0,
        }
    }

    /// The summed weight of some days.
    pub fn weight_of(&self, days: impl IntoIterator<Item = NaiveDate>) -> f64 {
        days.into_iter().map(|day| self.weight(day)).sum()
    }
}

/// The days before `period` the weekday profile looks at.
pub fn history_window(period: DateRange) -> Option<DateRange> {
    let end = period.start().pred_opt()?;
    let start = period
        .start()
        .checked_sub_days(Days::new(PROFILE_LOOKBACK_DAYS))?;
    DateRange::new(start, end).ok()
}

/// The pacing of a sum over `period`: the weekday profile when `history` allows it,
/// otherwise linear.
pub fn pacing_for_sum(daily: &BTreeMap<NaiveDate, f64>, period: DateRange) -> Pacing {
    history_window(period)
        .and_then(|window| {
            weekday_profile(
                daily
                    .range(window.start()..=window.end())
                    .map(|(d, v)| (*d, *v)),
            )
        })
        .unwrap_or(Pacing::Linear)
}

/// The weekday profile of daily values, when there are enough of them.
pub fn weekday_profile(values: impl IntoIterator<Item = (NaiveDate, f64)>) -> Option<Pacing> {
    let mut sums = [0.0_f64; 7];
    let mut counts = [0_usize; 7];
    for (day, value) in values {
        if value < 0.0 {
            return None;
        }
        let index = day.weekday().num_days_from_monday() as usize;
        if let (Some(sum), Some(count)) = (sums.get_mut(index), counts.get_mut(index)) {
            *sum += value;
            *count += 1;
        }
    }
    let weeks = counts.iter().copied().min().unwrap_or(0);
    if weeks < PROFILE_MIN_WEEKS {
        return None;
    }
    let mut means = [0.0_f64; 7];
    for ((mean, sum), count) in means.iter_mut().zip(sums).zip(counts) {
        *mean = sum / count as f64;
    }
    let overall = means.iter().sum::<f64>() / 7.0;
    if overall <= 0.0 || !overall.is_finite() {
        return None;
    }
    Some(Pacing::WeekdayProfile {
        weights: means.map(|mean| mean / overall),
        weeks,
    })
}

/// The share of a sum's target expected over `days` out of the whole `period`.
pub fn expected_share(pacing: &Pacing, days: &[NaiveDate], period: DateRange) -> f64 {
    let whole = pacing.weight_of(period.iter_days());
    if whole <= 0.0 {
        return 0.0;
    }
    pacing.weight_of(days.iter().copied()) / whole
}

/// Where a level should stand at the end of `day` on the straight line from `from` (the
/// end of the day before the period) to `target` (the end of the period).
pub fn expected_level(from: f64, target: f64, day: NaiveDate, period: DateRange) -> f64 {
    let done = (day - period.start()).num_days() + 1;
    let share = (done as f64 / period.days() as f64).clamp(0.0, 1.0);
    from + (target - from) * share
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn weeks_of(pattern: [f64; 7], weeks: u64, last: &str) -> Vec<(NaiveDate, f64)> {
        let last = date(last);
        let first = last - chrono::Duration::days(weeks as i64 * 7 - 1);
        DateRange::new(first, last)
            .unwrap()
            .iter_days()
            .map(|day| (day, pattern[day.weekday().num_days_from_monday() as usize]))
            .collect()
    }

    #[test]
    fn a_weekday_profile_needs_eight_weeks_of_every_weekday() {
        let workweek = [120.0, 140.0, 140.0, 130.0, 110.0, 30.0, 30.0];
        assert_eq!(weekday_profile(weeks_of(workweek, 7, "2026-10-31")), None);
        let Some(Pacing::WeekdayProfile { weights, weeks }) =
            weekday_profile(weeks_of(workweek, 8, "2026-10-31"))
        else {
            panic!("eight weeks should give a profile");
        };
        assert_eq!(weeks, 8);
        assert!(
            (weights.iter().sum::<f64>() - 7.0).abs() < 1e-9,
            "{weights:?}"
        );
        assert!((weights[0] - 120.0 / 100.0).abs() < 1e-9, "{weights:?}");
        assert!((weights[6] - 0.3).abs() < 1e-9, "{weights:?}");
    }

    #[test]
    fn negative_or_empty_histories_fall_back_to_linear() {
        let mut net_change = weeks_of([3.0, 2.0, 1.0, 4.0, 2.0, 1.0, 0.0], 10, "2026-10-31");
        net_change[5].1 = -2.0;
        assert_eq!(weekday_profile(net_change), None);
        assert_eq!(weekday_profile(weeks_of([0.0; 7], 10, "2026-10-31")), None);
        let november = DateRange::new(date("2026-11-01"), date("2026-11-30")).unwrap();
        assert_eq!(pacing_for_sum(&BTreeMap::new(), november), Pacing::Linear);
    }

    #[test]
    fn the_profile_uses_only_the_26_weeks_before_the_period() {
        let november = DateRange::new(date("2026-11-01"), date("2026-11-30")).unwrap();
        let window = history_window(november).unwrap();
        assert_eq!(
            (window.start(), window.end()),
            (date("2026-05-03"), date("2026-10-31"))
        );
        // Eight weeks of history that ended a year earlier do not count.
        let old: BTreeMap<_, _> = weeks_of([1.0; 7], 8, "2025-10-31").into_iter().collect();
        assert_eq!(pacing_for_sum(&old, november), Pacing::Linear);
        let recent: BTreeMap<_, _> = weeks_of([2.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0], 9, "2026-10-31")
            .into_iter()
            .collect();
        assert!(matches!(
            pacing_for_sum(&recent, november),
            Pacing::WeekdayProfile { weeks: 9, .. }
        ));
    }

    #[test]
    fn expected_shares_follow_the_weights() {
        // February 2028 has 29 days; after 10 days a linear pace expects 10/29.
        let february = DateRange::new(date("2028-02-01"), date("2028-02-29")).unwrap();
        let first_ten: Vec<_> = february.iter_days().take(10).collect();
        assert!(
            (expected_share(&Pacing::Linear, &first_ten, february) - 10.0 / 29.0).abs() < 1e-12
        );
        // A profile with nothing at weekends expects less after a week that held two
        // weekends' worth of days than the calendar does.
        let profile = Pacing::WeekdayProfile {
            weights: [1.4, 1.4, 1.4, 1.4, 1.4, 0.0, 0.0],
            weeks: 8,
        };
        let week = DateRange::new(date("2028-02-05"), date("2028-02-11")).unwrap();
        let weekend: Vec<_> = [date("2028-02-05"), date("2028-02-06")].into();
        assert_eq!(expected_share(&profile, &weekend, week), 0.0);
    }

    #[test]
    fn levels_run_in_a_straight_line_to_the_target() {
        let quarter = DateRange::new(date("2026-10-01"), date("2026-12-31")).unwrap();
        assert_eq!(
            expected_level(10_500.0, 12_000.0, date("2026-12-31"), quarter),
            12_000.0
        );
        let halfway = expected_level(10_500.0, 12_000.0, date("2026-11-15"), quarter);
        assert!((halfway - (10_500.0 + 1_500.0 * 46.0 / 92.0)).abs() < 1e-9);
        // Losing followers on purpose works the same way down.
        assert_eq!(
            expected_level(500.0, 400.0, date("2026-12-31"), quarter),
            400.0
        );
    }
}
