//! The per-post table: one row per post (or ad entity) with its metrics.
//!
//! A post's lifetime totals are its latest as-of values; a metric stored only by day or
//! range is totalled over the period like any other. Standard engagement and its rate are
//! computed from the post's parts. Nothing here changes the store.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::derive;
use crate::metrics::CanonicalMetric;
use crate::model::{Metric, Observation, Platform, Scope};
use crate::store::cover::{known_until, Basis};
use crate::store::entity::answers_for;
use crate::store::error::QueryError;
use crate::store::key::EntityKey;
use crate::store::query::{combine, Total};
use crate::store::range::DateRange;
use crate::store::select::PostFilter;
use crate::store::{Series, Store};

/// One post (or ad entity) and its metrics.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostRow {
    pub platform: Platform,
    pub account: String,
    pub scope: Scope,
    pub post_id: String,
    /// The post's title or the ad entity's name, from its newest reading that has one.
    pub name: Option<String>,
    /// The earliest day stored for the post (its publication day when a source said so).
    pub first_day: NaiveDate,
    /// Every metric stored for the post, plus standard engagement and its rate when their
    /// parts are. Lifetime totals have `Basis::Lifetime` and count the days after their
    /// as-of day as missing.
    pub metrics: BTreeMap<Metric, Total>,
}

impl Store {
    /// The posts (or ad entities) matching `filter` with anything stored that overlaps
    /// `range` (a lifetime total overlaps from its first day to its as-of day), ordered by
    /// platform, account, first day and id.
    pub fn posts(&self, filter: &PostFilter, range: DateRange) -> Result<Vec<PostRow>, QueryError> {
        let account = match filter.account.as_deref() {
            Some(account) => match self.tables.strings.find(account) {
                Some(sym) => Some(sym),
                None => return Ok(Vec::new()),
            },
            None => None,
        };
        let mut entities: BTreeMap<EntityKey, Vec<&Series>> = BTreeMap::new();
        for series in &self.series {
            let key = &series.key;
            let selected = filter.platforms.contains(key.platform)
                && key.scope == filter.scope
                && key.distribution == filter.distribution
                && key.post_id.is_some()
                && account.is_none_or(|a| a == key.account);
            if selected {
                entities.entry(key.entity()).or_default().push(series);
            }
        }
        let mut rows = Vec::new();
        for (entity, series) in entities {
            if series.iter().any(|s| answers_for(s, range, false)) {
                rows.push(self.post_row(entity, &series, range)?);
            }
        }
        rows.sort_by(|a, b| {
            (a.platform, &a.account, a.first_day, &a.post_id).cmp(&(
                b.platform,
                &b.account,
                b.first_day,
                &b.post_id,
            ))
        });
        Ok(rows)
    }

    fn post_row(
        &self,
        entity: EntityKey,
        series: &[&Series],
        range: DateRange,
    ) -> Result<PostRow, QueryError> {
        let mut metrics = BTreeMap::new();
        let mut lifetime_observations = Vec::new();
        for one in series {
            match &one.lifetime {
                Some(fact) => {
                    let observation = self.observation(one, &fact.current);
                    metrics.insert(one.metric.clone(), lifetime_total(&observation, range));
                    lifetime_observations.push(observation);
                }
                None => {
                    if let Some(total) = self.entity_total(entity, &one.metric, range)? {
                        if let Some(total) = combine(&one.metric, vec![(entity, total)], range)? {
                            metrics.insert(one.metric.clone(), total);
                        }
                    }
                }
            }
        }
        metrics.extend(lifetime_engagement(&lifetime_observations, range));
        for computed in [
            CanonicalMetric::Engagements,
            CanonicalMetric::EngagementRate,
        ] {
            let metric = Metric::from(computed);
            if metrics.contains_key(&metric) {
                continue;
            }
            if let Some(total) = self.entity_total(entity, &metric, range)? {
                if let Some(total) = combine(&metric, vec![(entity, total)], range)? {
                    metrics.insert(metric, total);
                }
            }
        }
        let named = series
            .iter()
            .flat_map(|s| s.facts())
            .filter(|fact| fact.current.name.is_some())
            .max_by_key(|fact| self.tables.reading(fact.current.reading).read_at);
        let first_day = series
            .iter()
            .flat_map(|s| s.facts())
            .map(|fact| fact.current.start)
            .min()
            .unwrap_or(range.start());
        let strings = &self.tables.strings;
        Ok(PostRow {
            platform: entity.platform,
            account: strings.get(entity.account).to_owned(),
            scope: entity.scope,
            post_id: entity
                .post_id
                .map(|sym| strings.get(sym).to_owned())
                .unwrap_or_default(),
            name: named
                .and_then(|fact| fact.current.name)
                .map(|sym| strings.get(sym).to_owned()),
            first_day,
            metrics,
        })
    }
}

/// A lifetime total as a table cell.
fn lifetime_total(observation: &Observation, range: DateRange) -> Total {
    Total {
        value: observation.value,
        unit: observation.unit.clone(),
        basis: Basis::Lifetime {
            as_of: observation.end,
        },
        coverage: known_until(range, observation.end),
        derivation: None,
        sources: vec![observation.clone()],
    }
}

/// Standard engagement and its rate from a post's latest lifetime parts. Parts read as of
/// an earlier day than the newest are left out, so one as-of day holds for the sum.
fn lifetime_engagement(lifetime: &[Observation], range: DateRange) -> Vec<(Metric, Total)> {
    let inputs: BTreeSet<Metric> = derive::ENGAGEMENT_PARTS
        .iter()
        .map(|p| Metric::Canonical(*p))
        .chain([
            CanonicalMetric::Impressions.into(),
            CanonicalMetric::Reach.into(),
        ])
        .collect();
    let relevant: Vec<&Observation> = lifetime
        .iter()
        .filter(|o| inputs.contains(&o.metric))
        .collect();
    let Some(as_of) = relevant
        .iter()
        .filter(|o| {
            derive::ENGAGEMENT_PARTS
                .iter()
                .any(|p| Metric::Canonical(*p) == o.metric)
        })
        .map(|o| o.end)
        .max()
    else {
        return Vec::new();
    };
    let first_day = relevant.iter().map(|o| o.start).min().unwrap_or(as_of);
    let aligned: Vec<Observation> = relevant
        .into_iter()
        .filter(|o| o.end == as_of)
        .map(|o| Observation {
            start: first_day,
            ..o.clone()
        })
        .collect();
    derive::derive_standard(&aligned)
        .into_iter()
        .map(|derived| {
            let sources: Vec<Observation> = aligned
                .iter()
                .filter(|o| {
                    derived.derivation.as_ref().is_some_and(|d| {
                        d.parts.contains(&o.metric) || d.denominator.as_ref() == Some(&o.metric)
                    })
                })
                .cloned()
                .collect();
            let total = Total {
                value: derived.value,
                unit: derived.unit.clone(),
                basis: Basis::Lifetime { as_of },
                coverage: known_until(range, as_of),
                derivation: derived.derivation.clone(),
                sources,
            };
            (derived.metric, total)
        })
        .collect()
}
