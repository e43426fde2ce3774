//! The periods a KPI is measured over, resolved to inclusive calendar date ranges.
//!
//! A KPI names a cadence (an ISO week, a calendar month, quarter or year), fixed custom
//! dates, or a campaign whose own dates apply. This module turns those into [`DateRange`]s
//! and gives each period a label a person reads (`2026-W47`, `2026-11`, `2026-Q4`).
//! Dates are calendar days in the platform's reporting time zone; this module knows no
//! clock and no time zone: "today" is always an argument.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

pub use crate::values::DateRange;

/// Walking the days of a [`DateRange`].
pub trait RangeDays {
    /// Every day of the range, in order.
    fn iter_days(&self) -> impl Iterator<Item = NaiveDate>;

    /// The part of the range up to and including `last`, when any is left.
    fn until(&self, last: NaiveDate) -> Option<DateRange>;

    /// The range as text: `2027-03-01/2027-03-28`, or one date.
    fn label(&self) -> String;
}

impl RangeDays for DateRange {
    fn iter_days(&self) -> impl Iterator<Item = NaiveDate> {
        let end = self.end();
        self.start().iter_days().take_while(move |day| *day <= end)
    }

    fn until(&self, last: NaiveDate) -> Option<DateRange> {
        DateRange::new(self.start(), self.end().min(last)).ok()
    }

    fn label(&self) -> String {
        if self.start() == self.end() {
            self.start().to_string()
        } else {
            format!("{}/{}", self.start(), self.end())
        }
    }
}

/// A calendar cadence: the period repeats, and the one containing "today" is evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    /// An ISO 8601 week, Monday to Sunday (week 1 holds the year's first Thursday; some
    /// years have a week 53).
    Week,
    /// A calendar month.
    Month,
    /// A calendar quarter: January–March, April–June, July–September, October–December.
    Quarter,
    /// A calendar year.
    Year,
}

impl Cadence {
    /// Every cadence, shortest first.
    pub const ALL: [Cadence; 4] = [
        Cadence::Week,
        Cadence::Month,
        Cadence::Quarter,
        Cadence::Year,
    ];

    /// The id used in strategy files.
    pub fn id(self) -> &'static str {
        match self {
            Cadence::Week => "week",
            Cadence::Month => "month",
            Cadence::Quarter => "quarter",
            Cadence::Year => "year",
        }
    }

    /// The cadence with this id.
    pub fn from_id(id: &str) -> Option<Cadence> {
        Cadence::ALL.into_iter().find(|cadence| cadence.id() == id)
    }

    /// The period of this cadence that contains `date`; `None` only at the edges of the
    /// calendar chrono can represent.
    pub fn containing(self, date: NaiveDate) -> Option<DateRange> {
        let start = match self {
            Cadence::Week => {
                date.checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))?
            }
            Cadence::Month => date.with_day(1)?,
            Cadence::Quarter => NaiveDate::from_ymd_opt(date.year(), date.month0() / 3 * 3 + 1, 1)?,
            Cadence::Year => NaiveDate::from_ymd_opt(date.year(), 1, 1)?,
        };
        let next_start = match self {
            Cadence::Week => start.checked_add_days(Days::new(7))?,
            Cadence::Month => start.checked_add_months(Months::new(1))?,
            Cadence::Quarter => start.checked_add_months(Months::new(3))?,
            Cadence::Year => start.checked_add_months(Months::new(12))?,
        };
        DateRange::new(start, next_start.pred_opt()?).ok()
    }

    /// The period of this cadence just before the one containing `date`.
    pub fn previous(self, date: NaiveDate) -> Option<DateRange> {
        let current = self.containing(date)?;
        self.containing(current.start().pred_opt()?)
    }

    /// The label of the period that starts on `start`: `2026-W47`, `2026-11`, `2026-Q4`,
    /// `2026`. ISO weeks use the ISO year, which can differ from the calendar year near
    /// New Year: 28 December 2026 to 3 January 2027 is `2026-W53`, and 30 December 2024
    /// starts `2025-W01`.
    pub fn label(self, start: NaiveDate) -> String {
        match self {
            Cadence::Week => {
                let week = start.iso_week();
                format!("{}-W{:02}", week.year(), week.week())
            }
            Cadence::Month => format!("{}-{:02}", start.year(), start.month()),
            Cadence::Quarter => format!("{}-Q{}", start.year(), start.month0() / 3 + 1),
            Cadence::Year => format!("{}", start.year()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn check(cadence: Cadence, day: &str, expected: (&str, &str, &str)) {
        let range = cadence.containing(date(day)).unwrap();
        assert_eq!(
            (
                range.start(),
                range.end(),
                cadence.label(range.start()).as_str()
            ),
            (date(expected.0), date(expected.1), expected.2),
            "{cadence:?} containing {day}"
        );
    }

    #[test]
    fn cadences_resolve_to_calendar_periods() {
        check(
            Cadence::Month,
            "2028-02-29",
            ("2028-02-01", "2028-02-29", "2028-02"),
        );
        check(
            Cadence::Month,
            "2027-02-15",
            ("2027-02-01", "2027-02-28", "2027-02"),
        );
        check(
            Cadence::Month,
            "2026-12-31",
            ("2026-12-01", "2026-12-31", "2026-12"),
        );
        check(
            Cadence::Month,
            "2026-04-30",
            ("2026-04-01", "2026-04-30", "2026-04"),
        );
        check(
            Cadence::Quarter,
            "2026-11-26",
            ("2026-10-01", "2026-12-31", "2026-Q4"),
        );
        check(
            Cadence::Quarter,
            "2028-02-29",
            ("2028-01-01", "2028-03-31", "2028-Q1"),
        );
        check(
            Cadence::Quarter,
            "2026-06-30",
            ("2026-04-01", "2026-06-30", "2026-Q2"),
        );
        check(
            Cadence::Year,
            "2028-02-29",
            ("2028-01-01", "2028-12-31", "2028"),
        );
        // ISO weeks: Monday to Sunday; 2026 has a week 53 that ends in January 2027.
        check(
            Cadence::Week,
            "2026-11-26",
            ("2026-11-23", "2026-11-29", "2026-W48"),
        );
        check(
            Cadence::Week,
            "2026-12-31",
            ("2026-12-28", "2027-01-03", "2026-W53"),
        );
        check(
            Cadence::Week,
            "2027-01-03",
            ("2026-12-28", "2027-01-03", "2026-W53"),
        );
        check(
            Cadence::Week,
            "2027-01-04",
            ("2027-01-04", "2027-01-10", "2027-W01"),
        );
        // 2024-12-30 belongs to ISO week 1 of 2025.
        check(
            Cadence::Week,
            "2024-12-31",
            ("2024-12-30", "2025-01-05", "2025-W01"),
        );
        check(
            Cadence::Week,
            "2028-02-29",
            ("2028-02-28", "2028-03-05", "2028-W09"),
        );
    }

    #[test]
    fn previous_periods_step_back_across_year_ends() {
        assert_eq!(
            Cadence::Month.previous(date("2027-01-01")),
            DateRange::new(date("2026-12-01"), date("2026-12-31")).ok()
        );
        assert_eq!(
            Cadence::Week.previous(date("2027-01-04")),
            DateRange::new(date("2026-12-28"), date("2027-01-03")).ok()
        );
        assert_eq!(
            Cadence::Quarter.previous(date("2028-04-01")),
            DateRange::new(date("2028-01-01"), date("2028-03-31")).ok()
        );
    }

    #[test]
    fn ranges_count_days_inclusively() {
        let february = Cadence::Month.containing(date("2028-02-10")).unwrap();
        assert_eq!(february.days(), 29);
        assert_eq!(february.iter_days().count(), 29);
        assert!(february.contains(date("2028-02-29")));
        assert!(!february.contains(date("2028-03-01")));
        assert!(DateRange::new(date("2026-01-02"), date("2026-01-01")).is_err());
        assert_eq!(february.until(date("2028-01-31")), None);
        assert_eq!(
            february.until(date("2028-02-03")).map(|r| r.days()),
            Some(3)
        );
        assert_eq!(february.label(), "2028-02-01/2028-02-29");
    }

    #[test]
    fn the_edges_of_the_calendar_do_not_panic() {
        for cadence in Cadence::ALL {
            assert_eq!(cadence.containing(NaiveDate::MAX), None, "{cadence:?}");
            let _ = cadence.containing(NaiveDate::MIN);
            let _ = cadence.previous(NaiveDate::MIN);
        }
    }
}
