//! The arithmetic of "never count a day twice": which stored values answer a period, and
//! how much of the period they cover.
//!
//! Works on plain [`Piece`]s (a value over some days) for one entity and one metric, so
//! every rule is testable without a store:
//! - sum ([`sum_over`]): complete daily coverage → the sum of the days; otherwise a range
//!   reading of exactly the period; otherwise the non-overlapping days and ranges inside
//!   the period that cover the most days (a full tiling is complete, anything less is
//!   partial and says which days are missing);
//! - level ([`level_at`]): the latest value at or before the period's end, never summed;
//! - exact ([`exactly`]): only a reading of exactly the period (non-additive metrics).
//!
//! It knows nothing of observations, metrics or units.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::model::Window;
use crate::store::range::DateRange;

/// A value over some days: one candidate answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Piece {
    pub range: DateRange,
    pub window: Window,
    pub value: f64,
    pub read_at: DateTime<Utc>,
}

/// How a total was put together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Basis {
    /// The sum of a value for every day of the period.
    Days,
    /// One reading of exactly the period.
    Range,
    /// Day and range readings that tile the period without overlap.
    Combined,
    /// Only part of the period is known: see the coverage for the missing days.
    Partial,
    /// A level (followers): the latest value at or before the period's end, as of `as_of`.
    Latest { as_of: NaiveDate },
    /// A post's lifetime total as of `as_of` (per-post tables).
    Lifetime { as_of: NaiveDate },
}

/// How much of a period a total covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    pub covered_days: u32,
    pub total_days: u32,
    /// The days not covered, as runs of consecutive days, in order.
    pub missing: Vec<DateRange>,
}

impl Coverage {
    /// The whole period, covered.
    pub fn complete(period: DateRange) -> Coverage {
        Coverage {
            covered_days: period.len_days(),
            total_days: period.len_days(),
            missing: Vec::new(),
        }
    }

    /// The period with `missing` runs uncovered (the runs are normalised).
    pub fn with_missing(period: DateRange, missing: Vec<DateRange>) -> Coverage {
        let missing = union(missing);
        let uncovered: u32 = missing.iter().map(DateRange::len_days).sum();
        let total = period.len_days();
        Coverage {
            covered_days: total.saturating_sub(uncovered),
            total_days: total,
            missing,
        }
    }

    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }

    /// Covered days / total days, from 0 to 1.
    pub fn fraction(&self) -> f64 {
        if self.total_days == 0 {
            return 0.0;
        }
        f64::from(self.covered_days) / f64::from(self.total_days)
    }
}

/// One entity's answer: a value, how it was built, what it covers, and which pieces.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cover {
    pub value: f64,
    pub basis: Basis,
    pub coverage: Coverage,
    /// Indexes into the pieces given, in day order.
    pub used: Vec<usize>,
}

/// An additive metric over `period`. `None` when nothing inside the period is stored.
pub(crate) fn sum_over(pieces: &[Piece], period: DateRange) -> Option<Cover> {
    let inside: Vec<usize> = (0..pieces.len())
        .filter(|i| {
            pieces.get(*i).is_some_and(|p| {
                matches!(p.window, Window::Day | Window::Range) && period.covers(&p.range)
            })
        })
        .collect();
    if inside.is_empty() {
        return None;
    }
    let is_day = |i: &usize| pieces.get(*i).is_some_and(|p| p.window == Window::Day);
    let days: Vec<usize> = inside.iter().copied().filter(is_day).collect();
    if days.len() == period.len_days() as usize {
        return Some(cover_of(pieces, days, period, Basis::Days));
    }
    let exact = inside
        .iter()
        .copied()
        .filter(|i| pieces.get(*i).is_some_and(|p| p.range == period))
        .max_by_key(|i| pieces.get(*i).map(|p| p.read_at));
    if let Some(exact) = exact {
        return Some(cover_of(pieces, vec![exact], period, Basis::Range));
    }
    let chosen = best_tiling(pieces, &inside);
    let covered: u32 = chosen
        .iter()
        .filter_map(|i| pieces.get(*i))
        .map(|p| p.range.len_days())
        .sum();
    let basis = if covered == period.len_days() {
        Basis::Combined
    } else {
        Basis::Partial
    };
    Some(cover_of(pieces, chosen, period, basis))
}

/// A level at the end of `period`: the latest value at or before it. `None` when nothing
/// is stored at or before the end.
pub(crate) fn level_at(pieces: &[Piece], period: DateRange) -> Option<Cover> {
    let latest = (0..pieces.len())
        .filter(|i| {
            pieces
                .get(*i)
                .is_some_and(|p| p.range.end() <= period.end())
        })
        .max_by_key(|i| pieces.get(*i).map(|p| (p.range.end(), p.read_at)))?;
    let piece = pieces.get(latest)?;
    let as_of = piece.range.end();
    Some(Cover {
        value: piece.value,
        basis: Basis::Latest { as_of },
        coverage: known_until(period, as_of),
        used: vec![latest],
    })
}

/// A non-additive metric: only a reading of exactly `period` answers.
pub(crate) fn exactly(pieces: &[Piece], period: DateRange) -> Option<Cover> {
    let exact = (0..pieces.len())
        .filter(|i| {
            pieces.get(*i).is_some_and(|p| {
                p.range == period && matches!(p.window, Window::Day | Window::Range)
            })
        })
        .max_by_key(|i| pieces.get(*i).map(|p| p.read_at))?;
    let piece = pieces.get(exact)?;
    let basis = if piece.window == Window::Day {
        Basis::Days
    } else {
        Basis::Range
    };
    Some(Cover {
        value: piece.value,
        basis,
        coverage: Coverage::complete(period),
        used: vec![exact],
    })
}

/// Coverage of a value known as of `as_of`: the days of the period after it are missing.
pub(crate) fn known_until(period: DateRange, as_of: NaiveDate) -> Coverage {
    if as_of >= period.end() {
        return Coverage::complete(period);
    }
    let first_unknown = DateRange::next_day(as_of)
        .unwrap_or(period.end())
        .max(period.start());
    let missing = DateRange::new(first_unknown, period.end())
        .map(|r| vec![r])
        .unwrap_or_default();
    Coverage::with_missing(period, missing)
}

/// How two bases read together (entities added, or a ratio's parts).
pub(crate) fn combine_basis(a: Basis, b: Basis, coverage: &Coverage) -> Basis {
    match (a, b) {
        (Basis::Latest { as_of: x }, Basis::Latest { as_of: y }) => {
            Basis::Latest { as_of: x.min(y) }
        }
        (Basis::Lifetime { as_of: x }, Basis::Lifetime { as_of: y }) => {
            Basis::Lifetime { as_of: x.min(y) }
        }
        _ if !coverage.is_complete() => Basis::Partial,
        (a, b) if a == b => a,
        _ => Basis::Combined,
    }
}

/// The runs of `ranges` merged where they overlap or touch, in order.
pub(crate) fn union(mut ranges: Vec<DateRange>) -> Vec<DateRange> {
    ranges.sort();
    let mut merged: Vec<DateRange> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last)
                if DateRange::next_day(last.end()).is_none_or(|next| range.start() <= next) =>
            {
                if range.end() > last.end() {
                    *last = DateRange::new(last.start(), range.end()).unwrap_or(*last);
                }
            }
            _ => merged.push(range),
        }
    }
    merged
}

/// The days of `period` that no chosen piece covers.
fn missing_days(pieces: &[Piece], chosen: &[usize], period: DateRange) -> Vec<DateRange> {
    let covered = union(
        chosen
            .iter()
            .filter_map(|i| pieces.get(*i))
            .map(|p| p.range)
            .collect(),
    );
    let mut missing = Vec::new();
    let mut next = Some(period.start());
    for range in covered {
        if let Some(from) = next {
            if from < range.start() {
                let until = range.start().pred_opt().unwrap_or(range.start());
                missing.extend(DateRange::new(from, until).ok());
            }
        }
        next = DateRange::next_day(range.end());
    }
    if let Some(from) = next {
        missing.extend(DateRange::new(from, period.end()).ok());
    }
    missing
}

fn cover_of(pieces: &[Piece], mut chosen: Vec<usize>, period: DateRange, basis: Basis) -> Cover {
    chosen.sort_by_key(|i| pieces.get(*i).map(|p| p.range));
    let value = chosen
        .iter()
        .filter_map(|i| pieces.get(*i))
        .map(|p| p.value)
        .sum();
    let coverage = Coverage::with_missing(period, missing_days(pieces, &chosen, period));
    Cover {
        value,
        basis,
        coverage,
        used: chosen,
    }
}

/// The non-overlapping pieces among `candidates` that cover the most days; among equal
/// coverage, the one with more pieces (days are preferred to ranges, as a complete daily
/// coverage is), then the later-read pieces. Weighted interval scheduling, O(n log n).
fn best_tiling(pieces: &[Piece], candidates: &[usize]) -> Vec<usize> {
    let mut sorted: Vec<(usize, Piece)> = candidates
        .iter()
        .filter_map(|i| pieces.get(*i).map(|p| (*i, *p)))
        .collect();
    sorted.sort_by_key(|(_, p)| (p.range.end(), p.range.start(), p.read_at));
    // best[k] = the best score using the first k pieces: (days covered, pieces used).
    let mut best: Vec<(u32, u32)> = vec![(0, 0); sorted.len() + 1];
    let mut take: Vec<bool> = vec![false; sorted.len()];
    let mut previous: Vec<usize> = vec![0; sorted.len()];
    for (k, (_, piece)) in sorted.iter().enumerate() {
        // How many pieces end before this one starts (they are sorted by end).
        let before = sorted.partition_point(|(_, other)| other.range.end() < piece.range.start());
        let skip = best.get(k).copied().unwrap_or_default();
        let base = best.get(before).copied().unwrap_or_default();
        let with = (base.0 + piece.range.len_days(), base.1 + 1);
        let chosen = with >= skip;
        if let (Some(slot), Some(t), Some(p)) =
            (best.get_mut(k + 1), take.get_mut(k), previous.get_mut(k))
        {
            *slot = if chosen { with } else { skip };
            *t = chosen;
            *p = before;
        }
    }
    let mut chosen = Vec::new();
    let mut k = sorted.len();
    while k > 0 {
        let index = k - 1;
        if take.get(index).copied().unwrap_or(false) {
            chosen.extend(sorted.get(index).map(|(i, _)| *i));
            k = previous.get(index).copied().unwrap_or(0);
        } else {
            k = index;
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        format!("2026-10-{text:0>2}").parse().unwrap()
    }

    fn range(from: u32, to: u32) -> DateRange {
        DateRange::new(day(&from.to_string()), day(&to.to_string())).unwrap()
    }

    fn at(hour: u32) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(&format!("2026-11-01T{hour:02}:00:00Z"))
            .unwrap()
            .into()
    }

    fn days(from: u32, to: u32, value: f64) -> Vec<Piece> {
        (from..=to)
            .map(|d| Piece {
                range: range(d, d),
                window: Window::Day,
                value,
                read_at: at(8),
            })
            .collect()
    }

    fn span(from: u32, to: u32, value: f64) -> Piece {
        Piece {
            range: range(from, to),
            window: Window::Range,
            value,
            read_at: at(9),
        }
    }

    /// Checks the value, basis, covered days and missing runs of a sum.
    fn check(
        pieces: &[Piece],
        period: DateRange,
        expected: Option<(f64, Basis, u32, Vec<DateRange>)>,
    ) {
        let found = sum_over(pieces, period).map(|c| {
            (
                c.value,
                c.basis,
                c.coverage.covered_days,
                c.coverage.missing,
            )
        });
        assert_eq!(found, expected);
    }

    #[test]
    fn complete_days_are_summed_even_beside_a_covering_range() {
        let mut pieces = days(1, 28, 100.0);
        pieces.push(span(1, 28, 2750.0));
        check(
            &pieces,
            range(1, 28),
            Some((2800.0, Basis::Days, 28, vec![])),
        );
    }

    #[test]
    fn an_exact_range_answers_when_days_are_missing() {
        let mut pieces = days(1, 10, 100.0);
        pieces.push(span(1, 28, 2750.0));
        pieces.push(span(1, 7, 650.0));
        check(
            &pieces,
            range(1, 28),
            Some((2750.0, Basis::Range, 28, vec![])),
        );
    }

    #[test]
    fn a_range_and_the_days_after_it_tile_the_period_without_double_counting() {
        let mut pieces = days(1, 31, 100.0);
        pieces.retain(|p| p.range.start() > day("7") || p.range.start() == day("3"));
        pieces.push(span(1, 7, 650.0));
        check(
            &pieces,
            range(1, 31),
            Some((650.0 + 24.0 * 100.0, Basis::Combined, 31, vec![])),
        );
    }

    #[test]
    fn partial_coverage_says_which_days_are_missing() {
        let mut pieces = days(1, 5, 10.0);
        pieces.extend(days(9, 9, 10.0));
        pieces.push(span(20, 26, 70.0));
        pieces.push(span(25, 31, 999.0));
        pieces.push(span(30, 31, 20.0));
        check(
            &pieces,
            range(1, 31),
            Some((
                60.0 + 70.0 + 20.0,
                Basis::Partial,
                15,
                vec![range(6, 8), range(10, 19), range(27, 29)],
            )),
        );
    }

    #[test]
    fn ranges_reaching_outside_the_period_do_not_answer_it() {
        check(&[span(1, 31, 3100.0)], range(1, 28), None);
        check(&[span(25, 31, 700.0)], range(1, 28), None);
    }

    #[test]
    fn a_level_is_the_latest_value_at_or_before_the_end_never_a_sum() {
        let mut pieces = days(1, 20, 0.0);
        for (i, piece) in pieces.iter_mut().enumerate() {
            piece.value = 5000.0 + i as f64;
            piece.window = Window::Snapshot;
        }
        let found = level_at(&pieces, range(1, 28)).unwrap();
        assert_eq!(found.value, 5019.0);
        assert_eq!(found.basis, Basis::Latest { as_of: day("20") });
        assert_eq!(found.coverage.missing, vec![range(21, 28)]);
        let complete = level_at(&pieces, range(1, 20)).unwrap();
        assert!(complete.coverage.is_complete());
        assert_eq!(level_at(&pieces[5..], range(1, 3)), None);
    }

    #[test]
    fn a_non_additive_value_needs_exactly_the_period() {
        let mut pieces = days(1, 28, 400.0);
        assert_eq!(exactly(&pieces, range(1, 28)), None);
        pieces.push(span(1, 28, 5200.0));
        assert_eq!(exactly(&pieces, range(1, 28)).unwrap().value, 5200.0);
        assert_eq!(exactly(&pieces, range(3, 3)).unwrap().basis, Basis::Days);
    }

    #[test]
    fn missing_runs_merge_where_they_touch() {
        assert_eq!(
            union(vec![
                range(5, 6),
                range(1, 2),
                range(3, 4),
                range(9, 9),
                range(2, 3)
            ]),
            vec![range(1, 6), range(9, 9)]
        );
        assert_eq!(
            union(vec![range(1, 2), range(4, 4)]),
            vec![range(1, 2), range(4, 4)]
        );
        let coverage = Coverage::with_missing(range(1, 10), vec![range(2, 3), range(3, 4)]);
        assert_eq!((coverage.covered_days, coverage.total_days), (7, 10));
        assert!((coverage.fraction() - 0.7).abs() < 1e-12);
    }
}
