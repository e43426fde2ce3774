//! A campaign's totals per platform and across platforms, organic and paid apart and
//! together.
//!
//! Counts, seconds and money add up over the entries added (see [`super::ledger`]); money
//! is in the report currency. Rates are computed from parts summed over the entries that
//! have both parts, never averaged. Reach is never added: a total shows reach only when
//! exactly one reading answers it, and says so otherwise. Results of different actions
//! (or attribution settings) are neither added nor divided into, and the total says why.
//! Nothing here reads the store.

use serde::Serialize;

use crate::campaign::content::Content;
use crate::campaign::ledger::{self, Entry, Part};
use crate::campaign::paid::Money;
use crate::campaign::words::{self, Note};
use crate::metrics::CanonicalMetric;
use crate::model::{Language, Metric, Platform, Unit};

/// The additive metrics a campaign total shows, in display order.
pub const SUMMED: [CanonicalMetric; 8] = [
    CanonicalMetric::Impressions,
    CanonicalMetric::Engagements,
    CanonicalMetric::Clicks,
    CanonicalMetric::LinkClicks,
    CanonicalMetric::VideoViews,
    CanonicalMetric::FollowersGained,
    CanonicalMetric::Results,
    CanonicalMetric::Spend,
];

/// One figure of a total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// A canonical metric id, or for the two kinds of clicks `ctr_link`, `ctr_all`,
    /// `cpc_link`, `cpc_all`.
    pub key: String,
    pub value: f64,
    pub unit: Unit,
    /// How many entries the value adds up.
    pub items: usize,
    /// For a rate: the formula with its summed parts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
}

/// Totals for one platform (or all) and one part (or both).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TotalsRow {
    /// `None`: every platform of the campaign.
    pub platform: Option<Platform>,
    /// `None`: organic and paid together.
    pub part: Option<Part>,
    /// Entries added.
    pub items: usize,
    pub figures: Vec<Figure>,
    /// What the figures leave out, and why.
    pub notes: Vec<String>,
}

impl TotalsRow {
    /// The figure with this key.
    pub fn figure(&self, key: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.key == key)
    }
}

/// The rows: per platform organic, paid and both; then every platform organic, paid and
/// both. Rows without entries are left out, except the last. Notes in `language`.
pub fn totals(
    content: &[Content],
    entries: &[Entry],
    platforms: &[Platform],
    money: Option<&Money>,
    language: Language,
) -> Vec<TotalsRow> {
    let mut rows = Vec::new();
    let scopes: Vec<Option<Platform>> = platforms.iter().copied().map(Some).chain([None]).collect();
    for platform in scopes {
        for part in [Some(Part::Organic), Some(Part::Paid), None] {
            let selected: Vec<&Entry> = entries
                .iter()
                .filter(|e| e.added)
                .filter(|e| part.is_none_or(|p| p == e.part))
                .filter(|e| {
                    platform.is_none_or(|p| content.get(e.content).is_some_and(|c| c.platform == p))
                })
                .collect();
            let last = platform.is_none() && part.is_none();
            if selected.is_empty() && !last {
                continue;
            }
            let (figures, notes) = cell(content, &selected, money, language);
            rows.push(TotalsRow {
                platform,
                part,
                items: selected.len(),
                figures,
                notes,
            });
        }
    }
    rows
}

/// The figures of one cell.
fn cell(
    content: &[Content],
    entries: &[&Entry],
    money: Option<&Money>,
    language: Language,
) -> (Vec<Figure>, Vec<String>) {
    let mut figures = Vec::new();
    let mut notes = Vec::new();
    let results_note = ledger::results_note(content, entries, language);
    for metric in SUMMED {
        if metric == CanonicalMetric::Results && results_note.is_some() {
            continue;
        }
        if let Some((value, unit, items)) = sum(content, entries, &metric.into(), money) {
            figures.push(Figure {
                key: metric.id().to_owned(),
                value,
                unit,
                items,
                formula: None,
            });
        }
    }
    let reach: Vec<f64> = entries
        .iter()
        .filter_map(|e| ledger::total(content, e, &CanonicalMetric::Reach.into()))
        .map(|t| t.value)
        .collect();
    match reach.as_slice() {
        [one] => figures.push(Figure {
            key: "reach".to_owned(),
            value: *one,
            unit: Unit::Count,
            items: 1,
            formula: None,
        }),
        [] => {}
        several => notes.push(words::note(
            &Note::ReachNotAdded {
                items: several.len(),
            },
            language,
        )),
    }
    let rates: [(&str, CanonicalMetric, CanonicalMetric, f64); 7] = [
        (
            "engagement_rate",
            CanonicalMetric::Engagements,
            CanonicalMetric::Impressions,
            1.0,
        ),
        (
            "ctr_link",
            CanonicalMetric::LinkClicks,
            CanonicalMetric::Impressions,
            1.0,
        ),
        (
            "ctr_all",
            CanonicalMetric::Clicks,
            CanonicalMetric::Impressions,
            1.0,
        ),
        (
            "cpm",
            CanonicalMetric::Spend,
            CanonicalMetric::Impressions,
            1000.0,
        ),
        (
            "cpc_link",
            CanonicalMetric::Spend,
            CanonicalMetric::LinkClicks,
            1.0,
        ),
        (
            "cpc_all",
            CanonicalMetric::Spend,
            CanonicalMetric::Clicks,
            1.0,
        ),
        (
            "cost_per_result",
            CanonicalMetric::Spend,
            CanonicalMetric::Results,
            1.0,
        ),
    ];
    for (key, numerator, denominator, scale) in rates {
        if key == "cost_per_result" {
            if let Some(note) = &results_note {
                notes.push(note.clone());
                continue;
            }
        }
        if let Some(figure) = ratio(content, entries, key, numerator, denominator, scale, money) {
            figures.push(figure);
        }
    }
    if let Some(frequency) = frequency(content, entries) {
        figures.push(frequency);
    }
    (figures, notes)
}

/// The sum of a metric over the entries that have it, money converted.
pub fn sum(
    content: &[Content],
    entries: &[&Entry],
    metric: &Metric,
    money: Option<&Money>,
) -> Option<(f64, Unit, usize)> {
    let mut value = 0.0;
    let mut items = 0;
    let mut unit = None;
    for entry in entries {
        let Some(total) = ledger::total(content, entry, metric) else {
            continue;
        };
        let (amount, amount_unit) = match (&total.unit, money) {
            (Unit::Currency(_), Some(money)) => {
                (money.convert(total.value, &total.unit)?, money.unit())
            }
            (Unit::Currency(_), None) => return None,
            (other, _) => (total.value, other.clone()),
        };
        if unit.get_or_insert_with(|| amount_unit.clone()) != &amount_unit {
            return None;
        }
        value += amount;
        items += 1;
    }
    unit.map(|unit| (value, unit, items))
}

/// A rate from parts summed over the entries that have both.
fn ratio(
    content: &[Content],
    entries: &[&Entry],
    key: &str,
    numerator: CanonicalMetric,
    denominator: CanonicalMetric,
    scale: f64,
    money: Option<&Money>,
) -> Option<Figure> {
    let both: Vec<&Entry> = entries
        .iter()
        .copied()
        .filter(|e| {
            ledger::total(content, e, &numerator.into()).is_some()
                && ledger::total(content, e, &denominator.into()).is_some()
        })
        .collect();
    let (n, n_unit, items) = sum(content, &both, &numerator.into(), money)?;
    let (d, _, _) = sum(content, &both, &denominator.into(), money)?;
    if d <= 0.0 {
        return None;
    }
    let unit = if ledger::is_money(&n_unit) {
        n_unit
    } else {
        Unit::Ratio
    };
    let scaled = if scale == 1.0 {
        String::new()
    } else {
        format!(" × {scale}")
    };
    Some(Figure {
        key: key.to_owned(),
        value: n / d * scale,
        unit,
        items,
        formula: Some(format!(
            "{} {} / {} {}{scaled}",
            numerator.id(),
            plain(n),
            denominator.id(),
            plain(d)
        )),
    })
}

/// Impressions / reach, when exactly one entry has reach.
fn frequency(content: &[Content], entries: &[&Entry]) -> Option<Figure> {
    let with_reach: Vec<&&Entry> = entries
        .iter()
        .filter(|e| ledger::total(content, e, &CanonicalMetric::Reach.into()).is_some())
        .collect();
    let [only] = with_reach.as_slice() else {
        return None;
    };
    let reach = ledger::total(content, only, &CanonicalMetric::Reach.into())?.value;
    let impressions = ledger::total(content, only, &CanonicalMetric::Impressions.into())?.value;
    (reach > 0.0).then(|| Figure {
        key: "frequency".to_owned(),
        value: impressions / reach,
        unit: Unit::Ratio,
        items: 1,
        formula: Some(format!(
            "impressions {} / reach {}",
            plain(impressions),
            plain(reach)
        )),
    })
}

/// A number as plain text: up to 2 decimals, no grouping.
fn plain(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}
