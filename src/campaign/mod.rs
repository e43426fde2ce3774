//! Campaigns: a campaign's content across platforms, organic and paid, its totals, its own
//! KPIs and the content ranked by contribution; and spot-checks of single posts against
//! the account's own history.
//!
//! A campaign is defined in the strategy file ([`file`], [`plan`]): dates, platforms and
//! accounts, matching rules, hand-picked and excluded items, organic/paid/both, a report
//! currency and KPIs. [`measure`] takes a plan and the [`Store`] and returns a
//! [`CampaignView`]: what matched and why ([`matching`]), what is added without counting
//! anything twice ([`ledger`]), totals per platform and part ([`totals`]), derived paid
//! metrics ([`paid`]), and KPIs evaluated by [`crate::evaluate`] over the campaign's
//! content ([`kpis`]). [`spotcheck`] compares one post with the account's own past.
//!
//! This module sits above the store, the strategy and the evaluator, and below the
//! report ([`crate::report`]) and the wasm boundary. It does no I/O and has no clock:
//! "today" is an argument.

pub mod attribution;
pub mod content;
pub mod file;
pub mod kpis;
pub mod ledger;
pub mod matching;
pub mod paid;
pub mod plan;
pub mod results;
pub mod spotcheck;
pub mod text;
pub mod totals;
pub mod words;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::metrics::{aggregation_of, Aggregation, CanonicalMetric};
use crate::model::{Language, Metric, Platform, Scope};
use crate::store::{QueryError, Store};

pub use content::{Content, ContentInfo};
pub use file::{load, CampaignStrategy};
pub use kpis::CampaignKpiResult;
pub use ledger::Part;
pub use matching::{Membership, Reason, ReasonKind};
pub use paid::{derive_paid, DerivedPaid, Money, PaidError, PaidParts};
pub use plan::{CampaignPlan, Delivery, Rule};
pub use totals::{Figure, TotalsRow};
use words::Note;

/// Why a campaign could not be measured.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CampaignError {
    /// The store refused a question (a reading in two units for one entity, say).
    #[error("campaign {campaign:?}: the stored figures could not be read: {source}")]
    Store {
        campaign: String,
        #[source]
        source: QueryError,
    },
    /// Money in several currencies without the rates to add it.
    #[error("campaign {campaign:?}: {source}")]
    Money {
        campaign: String,
        /// The platforms whose spend was being added.
        platforms: Vec<Platform>,
        #[source]
        source: PaidError,
    },
}

impl CampaignError {
    /// The refusal as a sentence in `language`, for the dashboard and the overlay. Its
    /// `Display` stays English, for the command line and logs. A store refusal keeps the
    /// store's own (English) reason inside the Dutch sentence.
    pub fn message(&self, language: Language) -> String {
        match self {
            CampaignError::Money {
                campaign,
                platforms,
                source,
            } => words::money_refusal(campaign, platforms, source, language),
            CampaignError::Store { campaign, source } if language == Language::Nl => format!(
                "campagne {campaign:?}: de opgeslagen cijfers konden niet worden gelezen: {source}"
            ),
            CampaignError::Store { .. } => self.to_string(),
        }
    }
}

/// A campaign measured on one day: the data the overlay, the dashboard and the report show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CampaignView {
    pub campaign: CampaignHeader,
    /// The day the view was made: days before it are complete.
    pub today: NaiveDate,
    /// The currency money is shown in, when the campaign has money figures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The user's rates used to convert other currencies into it.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub rates_used: BTreeMap<String, f64>,
    pub kpis: Vec<CampaignKpiResult>,
    /// Per platform organic, paid and both; then every platform.
    pub totals: Vec<TotalsRow>,
    /// The metric content is ranked by.
    pub ranked_by: Metric,
    /// The content that counts, most contributing first; items listed but not added last.
    pub content: Vec<ContentRow>,
    /// Content a rule matched that does not count: excluded by hand, or published outside
    /// the campaign's dates.
    pub left_out: Vec<ContentRow>,
}

/// The campaign as defined.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CampaignHeader {
    pub id: String,
    pub name: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub platforms: Vec<Platform>,
    pub delivery: Delivery,
}

/// One post or ad entity in the campaign view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContentRow {
    pub platform: Platform,
    pub account: String,
    pub scope: Scope,
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub first_day: NaiveDate,
    pub membership: Membership,
    pub reasons: Vec<Reason>,
    /// Organic or paid delivery; none for content left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
    /// False when listed but not added (see `note`).
    pub added: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The item's own figures (money in the report currency).
    pub figures: Vec<Figure>,
    /// For ad entities: CPM, CPC, CTR, frequency and cost per result from the item's parts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid: Option<DerivedPaid>,
    /// How the ranking figure was read (`lifetime total as of 2027-03-22`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// The item's share of the campaign's total of the ranking metric.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contribution: Option<f64>,
    /// 1 for the largest contribution.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<usize>,
}

/// Measures a campaign over the store's figures on `today`, with its words (why items
/// matched, what figures leave out) in `language`. Post texts, links and ad details come
/// from the store's content records; `info` given by hand (may be empty) wins over them
/// field by field. Without either, rules read post names.
pub fn measure(
    plan: &CampaignPlan,
    store: &Store,
    info: &[ContentInfo],
    today: NaiveDate,
    language: Language,
) -> Result<CampaignView, CampaignError> {
    let content = content::gather(store, plan, info).map_err(|source| CampaignError::Store {
        campaign: plan.id.clone(),
        source,
    })?;
    measure_content(plan, &content, today, language)
}

/// [`measure`] over content already gathered.
pub fn measure_content(
    plan: &CampaignPlan,
    content: &[Content],
    today: NaiveDate,
    language: Language,
) -> Result<CampaignView, CampaignError> {
    let mut items = matching::match_content(plan, content);
    for item in &mut items {
        item.reasons = std::mem::take(&mut item.reasons)
            .into_iter()
            .map(|reason| reason.in_language(language))
            .collect();
    }
    let entries = ledger::entries(content, &items, language);
    let money = settle_money(plan, content, &entries)?;
    let kpis = kpis::evaluate(plan, content, &entries, money.as_ref(), today, language);
    let totals = totals::totals(content, &entries, &plan.platforms, money.as_ref(), language);
    let ranked_by = ranking_metric(plan, content, &entries);
    let mut rows = content_rows(
        content,
        &items,
        &entries,
        money.as_ref(),
        &ranked_by,
        language,
    );
    let left_out = items
        .iter()
        .filter(|item| !item.membership.counts())
        .filter_map(|item| left_out_row(content, item, language))
        .collect();
    rows.sort_by(|a, b| {
        let key = |row: &ContentRow| (!row.added, row.rank.unwrap_or(usize::MAX));
        key(a).cmp(&key(b))
    });
    Ok(CampaignView {
        campaign: CampaignHeader {
            id: plan.id.clone(),
            name: plan.name.clone(),
            start: plan.dates.start(),
            end: plan.dates.end(),
            platforms: plan.platforms.clone(),
            delivery: plan.delivery,
        },
        today,
        currency: money.as_ref().map(|m| m.report.clone()),
        rates_used: money.map(|m| m.used_rates).unwrap_or_default(),
        kpis,
        totals,
        ranked_by,
        content: rows,
        left_out,
    })
}

/// The report currency for the money the campaign adds up.
fn settle_money(
    plan: &CampaignPlan,
    content: &[Content],
    entries: &[ledger::Entry],
) -> Result<Option<Money>, CampaignError> {
    let spend: Metric = CanonicalMetric::Spend.into();
    let mut units = Vec::new();
    let mut platforms: Vec<Platform> = Vec::new();
    for entry in entries.iter().filter(|e| e.added) {
        if let Some(total) = ledger::total(content, entry, &spend) {
            units.push(total.unit.clone());
            if let Some(found) = content.get(entry.content) {
                if !platforms.contains(&found.platform) {
                    platforms.push(found.platform);
                }
            }
        }
    }
    let found = paid::currencies(&units);
    let ids: Vec<&str> = platforms.iter().map(|p| p.id()).collect();
    let what = format!("spend on {}", ids.join(" and "));
    Money::settle(plan.currency.as_ref(), &found, &what).map_err(|source| CampaignError::Money {
        campaign: plan.id.clone(),
        platforms,
        source,
    })
}

/// The metric content is ranked by: the first KPI's metric when it adds up, else
/// standard engagement when any item has it, else impressions.
fn ranking_metric(plan: &CampaignPlan, content: &[Content], entries: &[ledger::Entry]) -> Metric {
    let from_kpi = plan
        .kpis
        .iter()
        .map(|k| &k.kpi.metric)
        .find(|m| m.canonical().is_some() && aggregation_of(m) == Aggregation::Sum);
    if let Some(metric) = from_kpi {
        return metric.clone();
    }
    let engagements: Metric = CanonicalMetric::Engagements.into();
    if entries
        .iter()
        .any(|e| ledger::total(content, e, &engagements).is_some())
    {
        engagements
    } else {
        CanonicalMetric::Impressions.into()
    }
}

/// One row per entry, with its share of the ranking metric.
fn content_rows(
    content: &[Content],
    items: &[matching::MatchedItem],
    entries: &[ledger::Entry],
    money: Option<&Money>,
    ranked_by: &Metric,
    language: Language,
) -> Vec<ContentRow> {
    let value_of = |entry: &ledger::Entry| -> Option<f64> {
        let total = ledger::total(content, entry, ranked_by)?;
        match money {
            Some(money) if ledger::is_money(&total.unit) => money.convert(total.value, &total.unit),
            _ if ledger::is_money(&total.unit) => None,
            _ => Some(total.value),
        }
    };
    let campaign_total: f64 = entries
        .iter()
        .filter(|e| e.added)
        .filter_map(value_of)
        .sum();
    let mut ranked: Vec<(usize, f64)> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.added)
        .filter_map(|(i, e)| value_of(e).map(|v| (i, v)))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let ranks: BTreeMap<usize, usize> = ranked
        .iter()
        .enumerate()
        .map(|(rank, (i, _))| (*i, rank + 1))
        .collect();
    let mut rows = Vec::new();
    for (position, entry) in entries.iter().enumerate() {
        let (Some(found), Some(item)) = (content.get(entry.content), items.get(entry.item)) else {
            continue;
        };
        let single = [entry];
        let mut figures = Vec::new();
        for metric in totals::SUMMED
            .iter()
            .copied()
            .chain([CanonicalMetric::Reach])
        {
            if let Some((value, unit, _)) = totals::sum(content, &single, &metric.into(), money) {
                figures.push(Figure {
                    key: metric.id().to_owned(),
                    value,
                    unit,
                    items: 1,
                    formula: None,
                });
            }
        }
        let paid = found
            .is_paid()
            .then(|| derive_paid(&paid_parts(content, entry, money)));
        let basis = ledger::total(content, entry, ranked_by).map(|t| words::basis(t, language));
        let contribution = if entry.added && campaign_total > 0.0 {
            value_of(entry).map(|v| v / campaign_total)
        } else {
            None
        };
        rows.push(ContentRow {
            platform: found.platform,
            account: found.account.clone(),
            scope: found.scope,
            id: found.id.clone(),
            name: found.name.clone(),
            first_day: found.first_day,
            membership: item.membership,
            reasons: item.reasons.clone(),
            part: Some(entry.part),
            added: entry.added,
            note: entry.note.clone(),
            figures,
            paid,
            basis,
            contribution,
            rank: ranks.get(&position).copied(),
        });
    }
    rows
}

/// One ad entity's paid parts, money in the report currency.
fn paid_parts(content: &[Content], entry: &ledger::Entry, money: Option<&Money>) -> PaidParts {
    let value = |metric: CanonicalMetric| ledger::total(content, entry, &metric.into());
    let spend = value(CanonicalMetric::Spend).and_then(|t| match money {
        Some(money) => money.convert(t.value, &t.unit),
        None => None,
    });
    let info = content.get(entry.content).map(|c| &c.info);
    PaidParts {
        spend,
        currency: spend.and(money.map(|m| m.report.clone())),
        impressions: value(CanonicalMetric::Impressions).map(|t| t.value),
        reach: value(CanonicalMetric::Reach).map(|t| t.value),
        link_clicks: value(CanonicalMetric::LinkClicks).map(|t| t.value),
        clicks: value(CanonicalMetric::Clicks).map(|t| t.value),
        results: value(CanonicalMetric::Results).map(|t| t.value),
        result_type: info.and_then(|i| i.result_type.clone()),
        attribution: info.and_then(|i| i.attribution.clone()),
        results_note: None,
    }
}

/// A row for content a rule matched that does not count.
fn left_out_row(
    content: &[Content],
    item: &matching::MatchedItem,
    language: Language,
) -> Option<ContentRow> {
    let found = content.get(item.index)?;
    let note = match item.membership {
        Membership::Excluded => words::note(&Note::ExcludedByHand, language),
        _ => words::note(
            &Note::OutsideDates {
                first_day: found.first_day,
            },
            language,
        ),
    };
    Some(ContentRow {
        platform: found.platform,
        account: found.account.clone(),
        scope: found.scope,
        id: found.id.clone(),
        name: found.name.clone(),
        first_day: found.first_day,
        membership: item.membership,
        reasons: item.reasons.clone(),
        part: None,
        added: false,
        note: Some(note),
        figures: Vec::new(),
        paid: None,
        basis: None,
        contribution: None,
        rank: None,
    })
}
