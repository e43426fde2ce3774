//! What makes two readings the same fact: the store's keys.
//!
//! A fact's key is platform, account, scope, post id, metric, distribution, window, start and
//! end. The store splits it in two: a [`SeriesKey`] (everything that names the entity and
//! the metric) and a [`PeriodKey`] (the window and the days). Three normalisations make the
//! same fact one key however it was written:
//! - a range of one day is that day (`Window::Day`), whatever window the reader gave it;
//! - a snapshot (a level as of a day) is keyed by its as-of day alone;
//! - a lifetime total is keyed by the entity alone: the latest as-of value is the fact.
//!
//! This module only builds keys; it does not merge or query.

use chrono::NaiveDate;

use crate::model::{Distribution, Platform, Scope, Window};
use crate::store::range::DateRange;
use crate::store::tables::{MetricId, Sym};

/// The entity and the metric of a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct SeriesKey {
    pub platform: Platform,
    pub scope: Scope,
    pub distribution: Distribution,
    pub metric: MetricId,
    pub account: Sym,
    pub post_id: Option<Sym>,
}

impl SeriesKey {
    /// The entity without the metric.
    pub fn entity(&self) -> EntityKey {
        EntityKey {
            platform: self.platform,
            scope: self.scope,
            distribution: self.distribution,
            account: self.account,
            post_id: self.post_id,
        }
    }
}

/// An entity (an account, a post or an ad entity) in one distribution: the facts of all
/// its metrics share it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct EntityKey {
    pub platform: Platform,
    pub scope: Scope,
    pub distribution: Distribution,
    pub account: Sym,
    pub post_id: Option<Sym>,
}

/// The days of a dated fact (a day, a range or a snapshot), ordered by end day first so a
/// series can answer "the latest at or before a day" and "everything ending in a range"
/// with one ordered scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct PeriodKey {
    pub end: NaiveDate,
    pub start: NaiveDate,
    pub window: Window,
}

impl PeriodKey {
    /// The key of a dated window; `None` for a lifetime value, which is keyed by its
    /// entity alone.
    pub fn of(window: Window, start: NaiveDate, end: NaiveDate) -> Option<PeriodKey> {
        match window {
            Window::Lifetime => None,
            Window::Snapshot => Some(PeriodKey {
                end,
                start: end,
                window,
            }),
            Window::Day | Window::Range if start == end => Some(PeriodKey {
                end,
                start,
                window: Window::Day,
            }),
            Window::Day | Window::Range => Some(PeriodKey {
                end,
                start,
                window: Window::Range,
            }),
        }
    }

    /// The days the key covers. Snapshots cover their as-of day.
    pub fn range(&self) -> DateRange {
        DateRange::new(self.start, self.end).unwrap_or(DateRange::day(self.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn the_same_fact_gets_one_key_however_it_was_written() {
        let one_day_range = PeriodKey::of(Window::Range, day("2026-10-05"), day("2026-10-05"));
        let the_day = PeriodKey::of(Window::Day, day("2026-10-05"), day("2026-10-05"));
        assert_eq!(one_day_range, the_day);
        let snapshot_since_founding =
            PeriodKey::of(Window::Snapshot, day("2019-03-01"), day("2026-10-05"));
        let snapshot_of_the_day =
            PeriodKey::of(Window::Snapshot, day("2026-10-05"), day("2026-10-05"));
        assert_eq!(snapshot_since_founding, snapshot_of_the_day);
        assert_eq!(
            PeriodKey::of(Window::Lifetime, day("2026-10-01"), day("2026-10-05")),
            None
        );
        let week = PeriodKey::of(Window::Range, day("2026-10-01"), day("2026-10-07")).unwrap();
        assert_eq!(week.window, Window::Range);
        assert_eq!(week.range().len_days(), 7);
    }
}
