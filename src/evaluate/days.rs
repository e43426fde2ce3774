//! Which days of a period are over: "today", the platforms' reporting days, and whether a
//! period lies in the past, the present or the future.
//!
//! Platforms count their days in their own reporting time zone (Pacific time for Meta's
//! tools and YouTube, UTC for the others). The evaluator is handed "today" as a date and
//! treats a day as complete only once it is before today, so an unfinished day never drags
//! the pacing down. [`reporting_today`] turns an instant into that date for a set of
//! platforms: the earliest of their current dates, so a day counts as over only when it is
//! over on every platform the KPI counts. No clock is read here.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::model::Platform;
use crate::strategy::{DateRange, RangeDays};

/// Where a period lies relative to today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Timing {
    /// Every day of the period is over: the result is final.
    Past,
    /// The period has begun and has not ended.
    Present,
    /// The period begins after today.
    Future,
}

/// The days of `period` as seen on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodDays {
    pub period: DateRange,
    pub today: NaiveDate,
    pub timing: Timing,
    /// The complete days so far: from the period's start to the day before today (or the
    /// period's end); `None` before the first day is over.
    pub elapsed: Option<DateRange>,
}

impl PeriodDays {
    /// Splits `period` into complete and remaining days on `today`.
    pub fn new(period: DateRange, today: NaiveDate) -> PeriodDays {
        let timing = if today > period.end() {
            Timing::Past
        } else if today < period.start() {
            Timing::Future
        } else {
            Timing::Present
        };
        let elapsed = today
            .pred_opt()
            .and_then(|yesterday| period.until(yesterday));
        PeriodDays {
            period,
            today,
            timing,
            elapsed,
        }
    }

    /// How many days are complete.
    pub fn elapsed_days(&self) -> i64 {
        self.elapsed.map_or(0, |range| range.days())
    }

    /// The last complete day, when there is one.
    pub fn last_complete(&self) -> Option<NaiveDate> {
        self.elapsed.map(|range| range.end())
    }
}

/// "Today" for a KPI counting `platforms`: the earliest of their reporting dates at `now`
/// ([`Platform::reporting_date`]),
/// so a day is complete only when it is complete on every one of them. UTC's date when the
/// list is empty.
pub fn reporting_today(platforms: &[Platform], now: DateTime<Utc>) -> NaiveDate {
    platforms
        .iter()
        .map(|platform| platform.reporting_date(now))
        .min()
        .unwrap_or_else(|| now.date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn instant(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().into()
    }

    fn check(platform: Platform, now: &str, expected: &str) {
        assert_eq!(
            platform.reporting_date(instant(now)),
            date(expected),
            "{platform} at {now}"
        );
    }

    #[test]
    fn pacific_platforms_change_date_eight_or_seven_hours_after_utc() {
        // Winter: UTC−8. 07:59 UTC on 1 March is still 28 February... of a leap year, 29th.
        check(Platform::Instagram, "2028-03-01T07:59:00Z", "2028-02-29");
        check(Platform::Instagram, "2028-03-01T08:00:00Z", "2028-03-01");
        check(Platform::LinkedIn, "2028-03-01T07:59:00Z", "2028-03-01");
        // Summer: UTC−7.
        check(Platform::YouTube, "2026-07-01T06:59:00Z", "2026-06-30");
        check(Platform::YouTube, "2026-07-01T07:00:00Z", "2026-07-01");
        // Daylight saving time begins on 8 March 2026 at 10:00 UTC and ends on 1 November
        // 2026 at 09:00 UTC.
        check(Platform::Facebook, "2026-03-08T09:59:00Z", "2026-03-08");
        check(Platform::Facebook, "2026-03-09T06:30:00Z", "2026-03-08");
        check(Platform::Facebook, "2026-03-09T07:00:00Z", "2026-03-09");
        check(Platform::Meta, "2026-11-02T07:30:00Z", "2026-11-01");
        check(Platform::Meta, "2026-11-02T08:00:00Z", "2026-11-02");
        // New Year's Eve in Amsterdam is still the old year in California.
        check(Platform::Meta, "2026-12-31T23:30:00Z", "2026-12-31");
        check(Platform::Meta, "2027-01-01T07:30:00Z", "2026-12-31");
        check(Platform::X, "2027-01-01T07:30:00Z", "2027-01-01");
    }

    #[test]
    fn a_kpi_across_time_zones_waits_for_the_latest_platform() {
        let now = instant("2026-11-27T03:00:00Z");
        assert_eq!(
            reporting_today(&[Platform::LinkedIn], now),
            date("2026-11-27")
        );
        assert_eq!(
            reporting_today(&[Platform::LinkedIn, Platform::Instagram], now),
            date("2026-11-26")
        );
        assert_eq!(reporting_today(&[], now), date("2026-11-27"));
    }

    #[test]
    fn periods_are_past_present_or_future() {
        let march = DateRange::new(date("2027-03-01"), date("2027-03-31")).unwrap();
        let days = PeriodDays::new(march, date("2027-03-01"));
        assert_eq!((days.timing, days.elapsed), (Timing::Present, None));
        let days = PeriodDays::new(march, date("2027-03-11"));
        assert_eq!(days.timing, Timing::Present);
        assert_eq!(days.elapsed_days(), 10);
        assert_eq!(days.last_complete(), Some(date("2027-03-10")));
        let days = PeriodDays::new(march, date("2027-03-31"));
        assert_eq!((days.timing, days.elapsed_days()), (Timing::Present, 30));
        let days = PeriodDays::new(march, date("2027-04-01"));
        assert_eq!((days.timing, days.elapsed_days()), (Timing::Past, 31));
        let days = PeriodDays::new(march, date("2027-02-28"));
        assert_eq!((days.timing, days.elapsed), (Timing::Future, None));
        let days = PeriodDays::new(march, NaiveDate::MIN);
        assert_eq!(days.timing, Timing::Future);
    }
}
