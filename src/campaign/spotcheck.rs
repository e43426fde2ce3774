//! Spot-check without a strategy: how one post, video or ad campaign compares with the
//! same account's own history — its percentile and the median of the same kind of content
//! on the same platform over a comparable window (by default the 12 months up to and
//! including the day of the check, so a post read today is compared today).
//!
//! Comparable means: the same platform, account and scope (posts with posts, ad campaigns
//! with ad campaigns), first seen within the window, and read the same way (lifetime totals
//! with lifetime totals, period totals with period totals, and for counts and money over
//! periods of the same length: a 30-day campaign's spend is not held against a week's). Fewer than [`MIN_HISTORY`]
//! comparable items is "too little history", said as such, never a percentile of three.
//! The result is always labelled a comparison with the account's own past, never with
//! other accounts or a benchmark. Nothing here changes the store; there is no clock.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::campaign::words;
use crate::metrics::CanonicalMetric;
use crate::metrics::{aggregation_of, Aggregation};
use crate::model::{Distribution, Language, Metric, Platform, Scope, Unit};
use crate::store::{self, Basis, PlatformSet, PostFilter, PostRow, QueryError, Store, Total};
use crate::strategy::measure;
use crate::strategy::Direction;
use crate::values::{format_value, ValueKind};

/// The fewest comparable items a percentile is given for.
pub const MIN_HISTORY: usize = 5;
/// A lifetime total younger than this many days is still growing: the result says so.
pub const YOUNG_DAYS: i64 = 7;

/// What to spot-check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpotCheckAsk {
    pub platform: Platform,
    pub account: String,
    /// `post`, or an ad scope (`campaign`, `ad_set`, `ad`).
    pub scope: Scope,
    /// The post id or the ad entity's id.
    pub id: String,
    pub metric: Metric,
    /// The day of the check: the window ends with it, so readings made today (the page
    /// just read among them) are in; readings dated after it are not.
    pub today: NaiveDate,
    /// How many months back the window reaches (12 when absent).
    #[serde(default)]
    pub months: Option<u32>,
}

/// The window the history was taken from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Window {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub months: u32,
}

/// The verdict of a spot-check.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Verdict {
    /// Compared with enough of the account's own history.
    Compared {
        /// 1 for the best of all (highest, or lowest for costs), ties sharing the better rank.
        rank: usize,
        /// `rank / (history + 1)`: 0.15 reads "top 15%".
        top_share: f64,
        /// The share of the history the item beats (strictly better values).
        beats: f64,
        /// The median of the history (the item itself not included).
        median: f64,
        /// How many comparable items the history holds.
        history: usize,
    },
    /// Too few comparable items to say where it stands.
    TooLittleHistory { history: usize, needed: usize },
    /// The item itself has no value for the metric.
    NoValue,
}

/// A spot-check's result, for the overlay.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpotCheck {
    pub platform: Platform,
    pub account: String,
    pub scope: Scope,
    pub id: String,
    pub metric: Metric,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    pub direction: Direction,
    /// Always `own_history`: the comparison is with the account's own past.
    pub compared_with: &'static str,
    pub window: Window,
    /// How the item's value was read (`lifetime`, `period`): only items read the same way
    /// are in the history.
    pub reading: &'static str,
    /// The item's age in days, for lifetime totals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_days: Option<i64>,
    /// True when a lifetime count is younger than [`YOUNG_DAYS`] and still growing.
    pub still_growing: bool,
    pub verdict: Verdict,
}

/// Spot-checks one item against the account's own history in the store.
pub fn spot_check(store: &Store, ask: &SpotCheckAsk) -> Result<SpotCheck, QueryError> {
    let months = ask.months.unwrap_or(12).clamp(1, 120);
    let end = ask.today;
    let start = end.checked_sub_months(Months::new(months)).unwrap_or(end);
    let window = store::DateRange::new(start, end)?;
    let direction = measure::default_direction(&ask.metric);
    let mut rows = Vec::new();
    for distribution in [
        Distribution::Total,
        Distribution::Organic,
        Distribution::Paid,
    ] {
        let filter = PostFilter {
            platforms: PlatformSet::One(ask.platform),
            account: Some(ask.account.clone()),
            scope: ask.scope,
            distribution,
        };
        rows = store.posts(&filter, window)?;
        if rows.iter().any(|row| row.post_id == ask.id) {
            break;
        }
    }
    let own = rows.iter().find(|row| row.post_id == ask.id);
    let own_reading = own.and_then(|row| reading_of(row, &ask.metric, end));
    let lifetime = own_reading
        .as_ref()
        .is_some_and(|r| matches!(r.basis, Basis::Lifetime { .. }));
    let age_days = own_reading.as_ref().and_then(|r| match r.basis {
        Basis::Lifetime { as_of } => own.map(|row| (as_of - row.first_day).num_days()),
        _ => None,
    });
    let is_count = ask.metric.default_unit() == Some(Unit::Count);
    let mut check = SpotCheck {
        platform: ask.platform,
        account: ask.account.clone(),
        scope: ask.scope,
        id: ask.id.clone(),
        metric: ask.metric.clone(),
        value: own_reading.as_ref().map(|r| r.value),
        unit: own_reading.as_ref().map(|r| r.unit.clone()),
        direction,
        compared_with: "own_history",
        window: Window { start, end, months },
        reading: if lifetime { "lifetime" } else { "period" },
        age_days,
        still_growing: is_count && age_days.is_some_and(|age| age < YOUNG_DAYS),
        verdict: Verdict::NoValue,
    };
    let Some(own_reading) = own_reading else {
        return Ok(check);
    };
    // A total over a period (an ad campaign's report range) grows with its length: counts
    // and money compare only with totals over as many days. Rates compare across lengths.
    let same_reading = |r: &Reading| {
        let same_kind = matches!(r.basis, Basis::Lifetime { .. }) == lifetime;
        same_kind
            && r.unit == own_reading.unit
            && (lifetime || own_reading.is_rate || r.covered_days == own_reading.covered_days)
    };
    let history: Vec<f64> = rows
        .iter()
        .filter(|row| row.post_id != ask.id && window.contains(row.first_day))
        .filter_map(|row| reading_of(row, &ask.metric, end))
        .filter(same_reading)
        .map(|r| r.value)
        .collect();
    check.verdict = compare(own_reading.value, &history, direction);
    Ok(check)
}

/// One item's value of the metric, as the comparison needs it.
#[derive(Debug, Clone, PartialEq)]
struct Reading {
    value: f64,
    unit: Unit,
    basis: Basis,
    covered_days: u32,
    /// A rate (engagement rate, CPC): comparable across period lengths.
    is_rate: bool,
}

/// The item's value of `metric`: its stored or computed total, or for a rate the store
/// has no figure for (CPC, CTR, CPM of an ad entity), the rate of its parts. CPC and CTR
/// count link clicks where the item has them, as the ad managers do. A lifetime total read
/// after `end` (the day of the check) is not the item's value on that day: none.
fn reading_of(row: &PostRow, metric: &Metric, end: NaiveDate) -> Option<Reading> {
    let reading = reading_on_any_day(row, metric)?;
    match reading.basis {
        Basis::Lifetime { as_of } if as_of > end => None,
        _ => Some(reading),
    }
}

fn reading_on_any_day(row: &PostRow, metric: &Metric) -> Option<Reading> {
    let is_rate = matches!(aggregation_of(metric), Aggregation::Ratio { .. });
    let from_total = |total: &Total| Reading {
        value: total.value,
        unit: total.unit.clone(),
        basis: total.basis,
        covered_days: total.coverage.covered_days,
        is_rate: is_rate || total.unit == Unit::Ratio,
    };
    if let Some(total) = row.metrics.get(metric).filter(|t| t.value.is_finite()) {
        return Some(from_total(total));
    }
    let parts = measure::rate_parts(metric.canonical()?)?;
    let link_clicks = Metric::from(CanonicalMetric::LinkClicks);
    let pick = |part: CanonicalMetric| -> Option<&Total> {
        let preferred = (part == CanonicalMetric::Clicks).then_some(&link_clicks);
        preferred
            .and_then(|m| row.metrics.get(m))
            .or_else(|| row.metrics.get(&Metric::from(part)))
            .filter(|t| t.value.is_finite())
    };
    let numerator = pick(parts.numerator)?;
    let denominator = pick(parts.denominator)?;
    if denominator.value <= 0.0 {
        return None;
    }
    let unit = match &numerator.unit {
        Unit::Currency(code) => Unit::Currency(code.clone()),
        _ => Unit::Ratio,
    };
    Some(Reading {
        value: numerator.value / denominator.value * parts.scale,
        unit,
        basis: numerator.basis,
        covered_days: numerator.coverage.covered_days,
        is_rate: true,
    })
}

/// Where `value` stands among `history`.
pub fn compare(value: f64, history: &[f64], direction: Direction) -> Verdict {
    if history.len() < MIN_HISTORY {
        return Verdict::TooLittleHistory {
            history: history.len(),
            needed: MIN_HISTORY,
        };
    }
    let better = |other: f64| match direction {
        Direction::Higher => other > value,
        Direction::Lower => other < value,
    };
    let worse = |other: f64| match direction {
        Direction::Higher => other < value,
        Direction::Lower => other > value,
    };
    let rank = 1 + history.iter().filter(|v| better(**v)).count();
    let beats = history.iter().filter(|v| worse(**v)).count() as f64 / history.len() as f64;
    let mut sorted = history.to_vec();
    sorted.sort_by(f64::total_cmp);
    let middle = sorted.len() / 2;
    let median = if sorted.len() % 2 == 0 {
        (sorted.get(middle.saturating_sub(1)).copied().unwrap_or(0.0)
            + sorted.get(middle).copied().unwrap_or(0.0))
            / 2.0
    } else {
        sorted.get(middle).copied().unwrap_or(0.0)
    };
    Verdict::Compared {
        rank,
        top_share: rank as f64 / (history.len() + 1) as f64,
        beats,
        median,
        history: history.len(),
    }
}

/// The spot-check as one sentence in English or Dutch (other languages get English).
pub fn describe(check: &SpotCheck, language: Language) -> String {
    let dutch = language == Language::Nl;
    let language = if dutch { Language::Nl } else { Language::En };
    let name = words::metric_name(&check.metric, language);
    let kind = words::content_kind(check.platform, check.scope, language);
    let months = check.window.months;
    let span = match (dutch, months) {
        (false, 12) => "the last 12 months".to_owned(),
        (false, 1) => "the last month".to_owned(),
        (false, n) => format!("the last {n} months"),
        (true, 1) => "de afgelopen maand".to_owned(),
        (true, n) => format!("de afgelopen {n} maanden"),
    };
    let show = |value: f64| {
        format_value(
            value,
            &value_kind(&check.metric, check.unit.as_ref()),
            language,
        )
    };
    let Some(value) = check.value else {
        return if dutch {
            format!(
                "{name}: niet bekend voor dit item, dus niet te vergelijken met je eigen verleden"
            )
        } else {
            format!("{name}: not known for this item, so it cannot be compared with your own past")
        };
    };
    let mut sentence = match &check.verdict {
        Verdict::Compared {
            rank,
            top_share,
            median,
            history,
            ..
        } => {
            let percent = (top_share * 100.0).ceil().clamp(1.0, 100.0);
            let standing = if percent > 50.0 {
                let from_bottom = (*history + 2).saturating_sub(*rank) as f64;
                let bottom = (from_bottom / (*history as f64 + 1.0) * 100.0)
                    .ceil()
                    .clamp(1.0, 100.0);
                if dutch {
                    format!("onderste {bottom}%")
                } else {
                    format!("bottom {bottom}%")
                }
            } else {
                format!("top {percent}%")
            };
            if dutch {
                format!("{name} {}: {standing} van je {kind} van {span}, mediaan {} ({history} ter vergelijking)", show(value), show(*median))
            } else {
                format!("{name} {}: {standing} of your {kind} of {span}, median {} ({history} compared)", show(value), show(*median))
            }
        }
        Verdict::TooLittleHistory { history, needed } => {
            if dutch {
                format!("{name} {}: te weinig geschiedenis om te vergelijken ({history} {kind} in {span}, minstens {needed} nodig)", show(value))
            } else {
                format!("{name} {}: too little history to compare ({history} {kind} in {span}; at least {needed} needed)", show(value))
            }
        }
        Verdict::NoValue => String::new(),
    };
    if check.still_growing {
        sentence.push_str(if dutch {
            "; dit item is nog geen week oud en telt nog op"
        } else {
            "; this item is less than a week old and still counting"
        });
    }
    sentence
}

/// The label every spot-check carries.
pub fn label(language: Language) -> &'static str {
    match language {
        Language::Nl => "Vergeleken met je eigen verleden",
        _ => "Compared with your own past",
    }
}

fn value_kind(metric: &Metric, unit: Option<&Unit>) -> ValueKind {
    match unit {
        Some(Unit::Currency(code)) => ValueKind::Currency(Some(code.clone())),
        Some(Unit::Seconds) => ValueKind::Duration,
        Some(Unit::Ratio) if metric.canonical() != Some(CanonicalMetric::Frequency) => {
            ValueKind::Percent
        }
        _ => ValueKind::Number,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: f64, history: &[f64], direction: Direction, expected: Verdict) {
        assert_eq!(
            compare(value, history, direction),
            expected,
            "{value} among {history:?}"
        );
    }

    #[test]
    fn percentiles_and_medians_of_the_own_history() {
        let history = [0.010, 0.015, 0.019, 0.019, 0.022, 0.025, 0.030];
        check(
            0.032,
            &history,
            Direction::Higher,
            Verdict::Compared {
                rank: 1,
                top_share: 1.0 / 8.0,
                beats: 1.0,
                median: 0.019,
                history: 7,
            },
        );
        check(
            0.019,
            &history,
            Direction::Higher,
            Verdict::Compared {
                rank: 4,
                top_share: 4.0 / 8.0,
                beats: 2.0 / 7.0,
                median: 0.019,
                history: 7,
            },
        );
        // Lower is better for costs: the cheapest ranks first.
        check(
            0.50,
            &[0.75, 1.0, 0.625, 0.875, 1.5, 1.25],
            Direction::Lower,
            Verdict::Compared {
                rank: 1,
                top_share: 1.0 / 7.0,
                beats: 1.0,
                median: 0.9375,
                history: 6,
            },
        );
    }

    #[test]
    fn fewer_than_five_comparable_items_is_too_little_history() {
        check(
            0.03,
            &[0.01, 0.02, 0.04, 0.05],
            Direction::Higher,
            Verdict::TooLittleHistory {
                history: 4,
                needed: 5,
            },
        );
        check(
            0.03,
            &[],
            Direction::Higher,
            Verdict::TooLittleHistory {
                history: 0,
                needed: 5,
            },
        );
    }
}
