//! An inclusive range of calendar days, the period every store query asks about.
//!
//! Only dates: the days are the platform's reporting days, already resolved by whoever
//! made the observations. This module knows nothing of time zones or of the store.

use std::fmt;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// An inclusive range of days, `start <= end` always (a one-day range has `start == end`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "UncheckedRange")]
pub struct DateRange {
    start: NaiveDate,
    end: NaiveDate,
}

/// A range that ends before it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the range {start} to {end} ends before it starts: give the earlier day first")]
pub struct BackwardsRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl DateRange {
    /// The days from `start` to `end`, both included.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<DateRange, BackwardsRange> {
        if start > end {
            return Err(BackwardsRange { start, end });
        }
        Ok(DateRange { start, end })
    }

    /// One day.
    pub fn day(day: NaiveDate) -> DateRange {
        DateRange {
            start: day,
            end: day,
        }
    }

    pub fn start(&self) -> NaiveDate {
        self.start
    }

    pub fn end(&self) -> NaiveDate {
        self.end
    }

    /// How many days the range holds (at least 1).
    pub fn len_days(&self) -> u32 {
        let days = (self.end - self.start).num_days() + 1;
        u32::try_from(days).unwrap_or(u32::MAX)
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// True when `other` lies entirely inside this range.
    pub fn covers(&self, other: &DateRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two ranges share at least one day.
    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Every day of the range, in order.
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> {
        let end = self.end;
        self.start.iter_days().take_while(move |day| *day <= end)
    }

    /// The day after `day`, when the calendar has one.
    pub(crate) fn next_day(day: NaiveDate) -> Option<NaiveDate> {
        day.checked_add_days(Days::new(1))
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{} to {}", self.start, self.end)
        }
    }
}

/// The serialised shape, checked on the way in.
#[derive(Deserialize)]
struct UncheckedRange {
    start: NaiveDate,
    end: NaiveDate,
}

impl TryFrom<UncheckedRange> for DateRange {
    type Error = BackwardsRange;

    fn try_from(range: UncheckedRange) -> Result<Self, Self::Error> {
        DateRange::new(range.start, range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn ranges_count_their_days_inclusively() {
        let october = DateRange::new(day("2026-10-01"), day("2026-10-31")).unwrap();
        assert_eq!(october.len_days(), 31);
        assert_eq!(october.days().count(), 31);
        assert_eq!(DateRange::day(day("2026-10-05")).len_days(), 1);
        assert!(october.covers(&DateRange::day(day("2026-10-31"))));
        assert!(!october.covers(&DateRange::new(day("2026-10-30"), day("2026-11-01")).unwrap()));
        assert!(october.overlaps(&DateRange::new(day("2026-09-30"), day("2026-10-01")).unwrap()));
    }

    #[test]
    fn backwards_ranges_are_refused_in_code_and_in_json() {
        assert!(DateRange::new(day("2026-10-02"), day("2026-10-01")).is_err());
        let json = r#"{"start":"2026-10-02","end":"2026-10-01"}"#;
        assert!(serde_json::from_str::<DateRange>(json).is_err());
        let json = r#"{"start":"2026-10-01","end":"2026-10-02"}"#;
        assert_eq!(
            serde_json::from_str::<DateRange>(json).unwrap().len_days(),
            2
        );
    }
}
