//! Which figures of the campaign's content are added up, so that nothing counts twice.
//!
//! - An ad manager entity counts as paid, with its paid figures.
//! - A post counts as organic with its organic split when the platform gives one, else
//!   with its total (the platform does not split it; boosted delivery may be inside).
//! - A post's paid split (sponsored impressions of a LinkedIn post) counts as paid only
//!   when no ad manager entity of the same platform and account is counted: the ad
//!   manager's rows already hold that delivery.
//! - Of the ad manager levels matched in one account (campaign, ad set, ad), only the
//!   highest is added; the others are listed but not added, because a campaign row
//!   already holds its ad sets' and ads' spend.
//!
//! Every entry not added says why. Nothing here reads the store or converts money.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::campaign::content::Content;
use crate::campaign::matching::MatchedItem;
use crate::campaign::plan::AdLevel;
use crate::campaign::results::{one_result_type, ResultsOf};
use crate::campaign::words::{self, Note};
use crate::metrics::CanonicalMetric;
use crate::model::{Distribution, Language, Metric, Platform, Unit, Window};
use crate::store::{Basis, Total};

/// Organic or paid delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Organic,
    Paid,
}

/// One counted piece of content: a post's organic figures, a post's paid split, or an ad
/// entity's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The position of the content item.
    pub content: usize,
    /// The position of its matched item.
    pub item: usize,
    pub part: Part,
    /// Which of the item's figures count.
    pub distribution: Distribution,
    /// False when the figures are listed but not added (see `note`).
    pub added: bool,
    pub note: Option<String>,
}

/// Decides what counts, for the items that belong to the campaign; notes in `language`.
pub fn entries(content: &[Content], items: &[MatchedItem], language: Language) -> Vec<Entry> {
    let mut entries = Vec::new();
    for (position, item) in items.iter().enumerate() {
        if !item.membership.counts() {
            continue;
        }
        let Some(found) = content.get(item.index) else {
            continue;
        };
        if found.is_paid() {
            let distribution = if found.figures.contains_key(&Distribution::Paid) {
                Distribution::Paid
            } else {
                Distribution::Total
            };
            entries.push(entry(item.index, position, Part::Paid, distribution, None));
            continue;
        }
        if found.figures.contains_key(&Distribution::Organic) {
            entries.push(entry(
                item.index,
                position,
                Part::Organic,
                Distribution::Organic,
                None,
            ));
        } else if found.figures.contains_key(&Distribution::Total) {
            let note = words::note(&Note::NotSplit, language);
            entries.push(entry(
                item.index,
                position,
                Part::Organic,
                Distribution::Total,
                Some(note),
            ));
        }
        if found.figures.contains_key(&Distribution::Paid) {
            entries.push(entry(
                item.index,
                position,
                Part::Paid,
                Distribution::Paid,
                None,
            ));
        }
    }
    hold_back_post_paid_splits(content, &mut entries, language);
    hold_back_lower_levels(content, &mut entries, language);
    entries
}

fn entry(
    content: usize,
    item: usize,
    part: Part,
    distribution: Distribution,
    note: Option<String>,
) -> Entry {
    Entry {
        content,
        item,
        part,
        distribution,
        added: true,
        note,
    }
}

/// Post paid splits are not added where ad manager rows of the same platform count (or,
/// for Facebook and Instagram posts, Meta Ads rows): a page and its ad account have
/// different ids, so the platform decides, not the account.
fn hold_back_post_paid_splits(content: &[Content], entries: &mut [Entry], language: Language) {
    let with_ads: BTreeSet<Platform> = entries
        .iter()
        .filter_map(|e| content.get(e.content))
        .filter(|c| c.is_paid())
        .map(|c| c.platform)
        .collect();
    for entry in entries.iter_mut() {
        let Some(found) = content.get(entry.content) else {
            continue;
        };
        let delivered_by_ads = with_ads.contains(&found.platform)
            || (matches!(found.platform, Platform::Facebook | Platform::Instagram)
                && with_ads.contains(&Platform::Meta));
        if !found.is_paid() && entry.part == Part::Paid && delivered_by_ads {
            entry.added = false;
            entry.note = Some(words::note(&Note::SponsoredHeldBack, language));
        }
    }
}

/// Only the highest ad manager level matched in an account is added.
fn hold_back_lower_levels(content: &[Content], entries: &mut [Entry], language: Language) {
    let mut highest: BTreeMap<(Platform, String), AdLevel> = BTreeMap::new();
    for entry in entries.iter() {
        let Some(found) = content.get(entry.content) else {
            continue;
        };
        if let Some(level) = AdLevel::of(found.scope) {
            let slot = highest
                .entry((found.platform, found.account.clone()))
                .or_insert(level);
            *slot = (*slot).min(level);
        }
    }
    for entry in entries.iter_mut() {
        let Some(found) = content.get(entry.content) else {
            continue;
        };
        let Some(level) = AdLevel::of(found.scope) else {
            continue;
        };
        let Some(top) = highest.get(&(found.platform, found.account.clone())) else {
            continue;
        };
        if level > *top {
            entry.added = false;
            entry.note = Some(words::note(
                &Note::LowerLevel {
                    counted: *top,
                    listed: level,
                },
                language,
            ));
        }
    }
}

/// The figures of an entry.
pub fn figures<'a>(content: &'a [Content], entry: &Entry) -> Option<&'a BTreeMap<Metric, Total>> {
    content.get(entry.content)?.figures.get(&entry.distribution)
}

/// An entry's total of `metric`, when it has one with a finite value.
pub fn total<'a>(content: &'a [Content], entry: &Entry, metric: &Metric) -> Option<&'a Total> {
    figures(content, entry)?
        .get(metric)
        .filter(|t| t.value.is_finite())
}

/// The days of an entry's total that were read day by day, with their values (the parts
/// of a computed metric summed per day).
pub fn day_values(total: &Total) -> BTreeMap<NaiveDate, f64> {
    let mut days = BTreeMap::new();
    if !matches!(total.basis, Basis::Days | Basis::Combined | Basis::Partial) {
        return days;
    }
    for source in &total.sources {
        if source.window == Window::Day && source.value.is_finite() {
            *days.entry(source.start).or_insert(0.0) += source.value;
        }
    }
    days
}

/// Why the entries' results have no one cost per result (several result types or
/// attribution settings, compared by meaning), if they have not, in `language`.
pub fn results_note(content: &[Content], entries: &[&Entry], language: Language) -> Option<String> {
    let types: Vec<ResultsOf> = entries
        .iter()
        .filter(|e| total(content, e, &CanonicalMetric::Results.into()).is_some())
        .filter_map(|e| content.get(e.content))
        .map(|c| ResultsOf {
            platform: c.platform,
            result_type: c.info.result_type.as_deref(),
            attribution: c.info.attribution.as_deref(),
        })
        .collect();
    one_result_type(&types, language).2
}

/// True for money units.
pub fn is_money(unit: &Unit) -> bool {
    matches!(unit, Unit::Currency(_))
}
