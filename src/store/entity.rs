//! One entity's answer for one metric and period: the candidates stored for it, and the
//! rule of its metric's aggregation applied to them.
//!
//! Entities are accounts, posts or ad entities in one distribution. Standard engagement is
//! computed here, per period, from the stored parts (via [`crate::derive`]); rates are
//! computed from their summed parts. Adding entities together is the caller's job
//! ([`super::query`]).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::derive;
use crate::metrics::{aggregation_of, Aggregation, CanonicalMetric};
use crate::model::{Metric, Observation, Unit};
use crate::store::cover::{self, Basis, Coverage, Piece};
use crate::store::error::QueryError;
use crate::store::fact::Fact;
use crate::store::key::{EntityKey, PeriodKey, SeriesKey};
use crate::store::range::DateRange;
use crate::store::select::PostFilter;
use crate::store::{Series, Store};

/// Which stored facts a question needs.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Scan {
    /// Facts lying inside the period.
    Within(DateRange),
    /// The latest facts ending at or before the day.
    AtOrBefore(NaiveDate),
    /// Facts of exactly the period.
    Exactly(DateRange),
}

/// A value over some days for one entity, with the readings behind it.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub piece: Piece,
    pub unit: Unit,
    pub sources: Vec<Observation>,
    /// For standard engagement: the parts present.
    pub parts: Vec<Metric>,
}

/// One entity's answer.
#[derive(Debug, Clone)]
pub(crate) struct Answer {
    pub value: f64,
    pub unit: Unit,
    pub basis: Basis,
    pub coverage: Coverage,
    pub sources: Vec<Observation>,
    /// The metrics the value was computed from, for computed metrics.
    pub parts: Vec<Metric>,
}

impl Store {
    /// The series of `metric` for `entity`, when one is stored.
    pub(crate) fn series_of(&self, entity: EntityKey, metric: &Metric) -> Option<&Series> {
        let metric = self.tables.metrics.find(metric)?;
        let key = SeriesKey {
            platform: entity.platform,
            scope: entity.scope,
            distribution: entity.distribution,
            metric,
            account: entity.account,
            post_id: entity.post_id,
        };
        self.index
            .get(&key)
            .and_then(|position| self.series.get(*position))
    }

    /// The entities matching `filter` that hold any of `metrics` in a way that can answer
    /// for `period` (a fact overlapping it; for levels, a fact at or before its end).
    pub(crate) fn entities(
        &self,
        filter: &PostFilter,
        metrics: &[Metric],
        period: DateRange,
        level: bool,
        post_id: Option<&str>,
    ) -> Vec<EntityKey> {
        let account = match filter.account.as_deref() {
            Some(account) => match self.tables.strings.find(account) {
                Some(sym) => Some(sym),
                None => return Vec::new(),
            },
            None => None,
        };
        let post = match post_id {
            Some(post) => match self.tables.strings.find(post) {
                Some(sym) => Some(sym),
                None => return Vec::new(),
            },
            None => None,
        };
        let metric_ids: Vec<u32> = metrics
            .iter()
            .filter_map(|m| self.tables.metrics.find(m))
            .collect();
        let mut entities = BTreeSet::new();
        for series in &self.series {
            let key = &series.key;
            let matches = filter.platforms.contains(key.platform)
                && key.scope == filter.scope
                && key.distribution == filter.distribution
                && account.is_none_or(|a| a == key.account)
                && post.is_none_or(|p| Some(p) == key.post_id)
                && metric_ids.contains(&key.metric);
            if matches && answers_for(series, period, level) {
                entities.insert(key.entity());
            }
        }
        entities.into_iter().collect()
    }

    /// The stored (or, for standard engagement, computed) candidates of `metric`.
    pub(crate) fn candidates(
        &self,
        entity: EntityKey,
        metric: &Metric,
        scan: Scan,
    ) -> Vec<Candidate> {
        if metric == &Metric::Canonical(CanonicalMetric::Engagements) {
            return self.engagement_candidates(entity, scan);
        }
        let Some(series) = self.series_of(entity, metric) else {
            return Vec::new();
        };
        scanned(series, scan)
            .map(|(period, fact)| {
                let observation = self.observation(series, &fact.current);
                Candidate {
                    piece: Piece {
                        range: period.range(),
                        window: period.window,
                        value: fact.current.value,
                        read_at: observation.source.read_at,
                    },
                    unit: observation.unit.clone(),
                    sources: vec![observation],
                    parts: Vec::new(),
                }
            })
            .collect()
    }

    /// Standard engagement per stored period, from the parts stored for it.
    fn engagement_candidates(&self, entity: EntityKey, scan: Scan) -> Vec<Candidate> {
        let mut groups: BTreeMap<PeriodKey, Vec<Observation>> = BTreeMap::new();
        for part in derive::ENGAGEMENT_PARTS {
            if let Some(series) = self.series_of(entity, &part.into()) {
                for (period, fact) in scanned(series, scan) {
                    groups
                        .entry(*period)
                        .or_default()
                        .push(self.observation(series, &fact.current));
                }
            }
        }
        groups
            .into_iter()
            .filter_map(|(period, parts)| {
                let refs: Vec<&Observation> = parts.iter().collect();
                let engagements = derive::standard_engagement(&refs)?;
                Some(Candidate {
                    piece: Piece {
                        range: period.range(),
                        window: period.window,
                        value: engagements.value,
                        read_at: engagements.source.read_at,
                    },
                    unit: Unit::Count,
                    parts: engagements.derivation.map(|d| d.parts).unwrap_or_default(),
                    sources: parts,
                })
            })
            .collect()
    }

    /// One entity's answer for an additive, level or non-additive metric. Ratios are
    /// answered by [`Store::ratio_parts`].
    pub(crate) fn answer(
        &self,
        entity: EntityKey,
        metric: &Metric,
        period: DateRange,
    ) -> Result<Option<Answer>, QueryError> {
        let aggregation = aggregation_of(metric);
        let scan = match aggregation {
            Aggregation::Level => Scan::AtOrBefore(period.end()),
            Aggregation::NonAdditive | Aggregation::Ratio { .. } => Scan::Exactly(period),
            Aggregation::Sum => Scan::Within(period),
        };
        let candidates = self.candidates(entity, metric, scan);
        let pieces: Vec<Piece> = candidates.iter().map(|c| c.piece).collect();
        let cover = match aggregation {
            Aggregation::Sum => cover::sum_over(&pieces, period),
            Aggregation::Level => cover::level_at(&pieces, period),
            Aggregation::NonAdditive | Aggregation::Ratio { .. } => cover::exactly(&pieces, period),
        };
        let Some(cover) = cover else {
            return Ok(None);
        };
        let used: Vec<&Candidate> = cover
            .used
            .iter()
            .filter_map(|i| candidates.get(*i))
            .collect();
        let mut units: Vec<Unit> = used.iter().map(|c| c.unit.clone()).collect();
        units.sort();
        units.dedup();
        let unit = match units.as_slice() {
            [one] => one.clone(),
            _ => {
                return Err(QueryError::MixedUnits {
                    metric: metric.clone(),
                    units,
                })
            }
        };
        let mut parts: Vec<Metric> = used.iter().flat_map(|c| c.parts.iter().cloned()).collect();
        parts.sort();
        parts.dedup();
        Ok(Some(Answer {
            value: cover.value,
            unit,
            basis: cover.basis,
            coverage: cover.coverage,
            sources: used
                .into_iter()
                .flat_map(|c| c.sources.iter().cloned())
                .collect(),
            parts: sort_parts(parts),
        }))
    }
}

/// Standard engagement's parts in formula order, other metrics after them.
pub(crate) fn sort_parts(mut parts: Vec<Metric>) -> Vec<Metric> {
    let rank = |m: &Metric| {
        derive::ENGAGEMENT_PARTS
            .iter()
            .position(|p| Metric::Canonical(*p) == *m)
            .unwrap_or(derive::ENGAGEMENT_PARTS.len())
    };
    parts.sort_by_key(rank);
    parts
}

/// True when `series` has a fact that can answer for `period`.
pub(crate) fn answers_for(series: &Series, period: DateRange, level: bool) -> bool {
    if level {
        return series
            .dated
            .first()
            .is_some_and(|(first, _)| first.end <= period.end());
    }
    let first_ending_inside = series
        .dated
        .partition_point(|(key, _)| key.end < period.start());
    let dated = series
        .dated
        .get(first_ending_inside..)
        .unwrap_or_default()
        .iter()
        .any(|(key, _)| key.start <= period.end());
    let lifetime = series.lifetime.as_ref().is_some_and(|fact| {
        fact.current.start <= period.end() && fact.current.end >= period.start()
    });
    dated || lifetime
}

/// The dated facts of `series` a scan needs, in key order.
fn scanned(series: &Series, scan: Scan) -> impl Iterator<Item = &(PeriodKey, Fact)> {
    let dated = &series.dated;
    let (from, to) = match scan {
        Scan::Within(period) | Scan::Exactly(period) => (
            dated.partition_point(|(key, _)| key.end < period.start()),
            dated.partition_point(|(key, _)| key.end <= period.end()),
        ),
        Scan::AtOrBefore(day) => {
            let to = dated.partition_point(|(key, _)| key.end <= day);
            let latest_end = to
                .checked_sub(1)
                .and_then(|last| dated.get(last))
                .map(|(key, _)| key.end);
            let from = latest_end.map_or(to, |end| dated.partition_point(|(key, _)| key.end < end));
            (from, to)
        }
    };
    dated
        .get(from..to)
        .unwrap_or_default()
        .iter()
        .filter(move |(key, _)| match scan {
            Scan::Within(period) => key.start >= period.start(),
            Scan::Exactly(period) => key.start == period.start(),
            Scan::AtOrBefore(_) => true,
        })
}
