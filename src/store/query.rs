//! The store's questions: a period total, a daily series, what a page contributed, each
//! with the readings behind the answer.
//!
//! Every answer follows the metric's [`Aggregation`]: sums never count a day twice, levels
//! are never summed over days, non-additive metrics need a reading of exactly the period,
//! and rates are computed from summed parts. Several accounts, posts or platforms are added
//! only in one unit, and only for metrics that add up. Nothing here changes the store.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use crate::derive;
use crate::metrics::{aggregation_of, Aggregation, CanonicalMetric};
use crate::model::{Derivation, Metric, Observation, Platform, Unit};
use crate::store::cover::{combine_basis, Basis, Coverage};
use crate::store::entity::{sort_parts, Answer};
use crate::store::error::QueryError;
use crate::store::key::EntityKey;
use crate::store::range::DateRange;
use crate::store::select::{PostFilter, Selector};
use crate::store::{key_order, Store};

/// A metric's value over a period, with how it was built and the readings behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Total {
    pub value: f64,
    pub unit: Unit,
    /// Days summed, one range reading, a tiling of both, a partial value, or a level.
    pub basis: Basis,
    /// How much of the period the value covers, and which days are missing.
    pub coverage: Coverage,
    /// For computed metrics (standard engagement, rates): the formula, the parts present
    /// and the denominator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derivation: Option<Derivation>,
    /// The stored readings the value was computed from.
    pub sources: Vec<Observation>,
}

/// A metric day by day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DailySeries {
    pub metric: Metric,
    /// The unit of the values; `None` when no day has one.
    pub unit: Option<Unit>,
    /// One point for every day of the range, in order.
    pub points: Vec<DailyPoint>,
}

/// One day of a [`DailySeries`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DailyPoint {
    pub day: NaiveDate,
    /// The day's value; `None` when nothing is stored for the day.
    pub value: Option<f64>,
    /// False when some selected account or post has a value in the range but not on this
    /// day: the value then counts only the others.
    pub complete: bool,
    pub sources: Vec<Observation>,
}

impl Store {
    /// The value of `selector.metric` over `range`, or `None` when nothing stored answers.
    ///
    /// - Additive metrics (impressions, clicks, spend…): a complete set of days is summed;
    ///   otherwise a range reading of exactly `range`; otherwise the day and range readings
    ///   inside `range` that tile it without overlap (`Basis::Combined`) or cover most of it
    ///   (`Basis::Partial`, with `coverage.missing` listing the days not covered). Readings
    ///   reaching outside `range` are never cut down to it.
    /// - Levels (followers): the latest value at or before `range.end()`
    ///   (`Basis::Latest`); the days after it count as missing.
    /// - Non-additive metrics (reach, a platform's own rate): a reading of exactly `range`.
    /// - Rates (engagement rate, CTR, CPM, average view duration…): numerator and
    ///   denominator summed over the period, then divided; a stored reading of the rate for
    ///   exactly `range` answers only when the parts are incomplete.
    /// - Standard engagement: computed per stored period from the parts present.
    ///
    /// With several platforms, accounts or posts selected, their values are added; an
    /// entity with nothing stored in `range` is left out, an entity with some days stored
    /// makes the others' coverage partial. Errors: values in different units
    /// ([`QueryError::MixedUnits`]), a non-additive metric of several entities
    /// ([`QueryError::NotAdditive`]), engagement rates over different denominators
    /// ([`QueryError::MixedDenominators`]).
    pub fn period_total(
        &self,
        selector: &Selector,
        range: DateRange,
    ) -> Result<Option<Total>, QueryError> {
        let filter = selector.entities();
        let entities = self.entities_for(
            &filter,
            &selector.metric,
            range,
            selector.post_id.as_deref(),
        );
        self.total_of(&entities, &selector.metric, range)
    }

    /// `selector.metric` for every day of `range`. A day has a value only when a reading
    /// of that day is stored (a range reading is never spread over its days); a level is
    /// shown on the days it was read, never carried forward; a rate is computed from the
    /// day's parts. Entities are added as in [`Store::period_total`].
    pub fn daily_series(
        &self,
        selector: &Selector,
        range: DateRange,
    ) -> Result<DailySeries, QueryError> {
        let filter = selector.entities();
        let entities = self.entities_for(
            &filter,
            &selector.metric,
            range,
            selector.post_id.as_deref(),
        );
        let mut points = Vec::with_capacity(range.len_days() as usize);
        let mut unit = None;
        for day in range.days() {
            let period = DateRange::day(day);
            let mut complete = true;
            let mut answered = Vec::new();
            for entity in &entities {
                match self.entity_total(*entity, &selector.metric, period)? {
                    Some(answer) if answer.is_complete() => answered.push((*entity, answer)),
                    _ => complete = false,
                }
            }
            let total = combine(&selector.metric, answered, period)?;
            if let Some(total) = &total {
                unit.get_or_insert_with(|| total.unit.clone());
                if Some(&total.unit) != unit.as_ref() {
                    let units = vec![unit.clone().unwrap_or(Unit::Count), total.unit.clone()];
                    return Err(QueryError::MixedUnits {
                        metric: selector.metric.clone(),
                        units,
                    });
                }
            }
            points.push(DailyPoint {
                day,
                value: total.as_ref().map(|t| t.value),
                complete: complete && total.is_some(),
                sources: total.map(|t| t.sources).unwrap_or_default(),
            });
        }
        Ok(DailySeries {
            metric: selector.metric.clone(),
            unit,
            points,
        })
    }

    /// Every current fact whose newest reading was made at `location` (a page URL or an
    /// export file name, exactly as the reader wrote it), in key order: what the store
    /// holds from that page.
    pub fn observations_for(&self, location: &str) -> Vec<Observation> {
        let Some(location) = self.tables.strings.find(location) else {
            return Vec::new();
        };
        let mut found: Vec<Observation> = self
            .series
            .iter()
            .flat_map(|series| {
                series
                    .facts()
                    .filter(|fact| self.tables.reading(fact.current.reading).location == location)
                    .map(move |fact| self.observation(series, &fact.current))
            })
            .collect();
        found.sort_by(key_order);
        found
    }

    /// The entities that can answer for `metric` (through its parts, for computed metrics
    /// and rates).
    pub(crate) fn entities_for(
        &self,
        filter: &PostFilter,
        metric: &Metric,
        range: DateRange,
        post_id: Option<&str>,
    ) -> Vec<EntityKey> {
        let mut metrics = vec![metric.clone()];
        let mut level = false;
        match aggregation_of(metric) {
            Aggregation::Ratio { numerator, .. } => {
                metrics.extend(inputs_of(numerator));
            }
            Aggregation::Level => level = true,
            Aggregation::Sum | Aggregation::NonAdditive => {}
        }
        if let Metric::Canonical(canonical) = metric {
            metrics.extend(inputs_of(*canonical));
        }
        self.entities(filter, &metrics, range, level, post_id)
    }

    /// All selected entities' answers added up, by the metric's rule.
    pub(crate) fn total_of(
        &self,
        entities: &[EntityKey],
        metric: &Metric,
        range: DateRange,
    ) -> Result<Option<Total>, QueryError> {
        let mut answered = Vec::new();
        for entity in entities {
            if let Some(answer) = self.entity_total(*entity, metric, range)? {
                answered.push((*entity, answer));
            }
        }
        combine(metric, answered, range)
    }

    /// One entity's answer for any metric, rates included.
    pub(crate) fn entity_total(
        &self,
        entity: EntityKey,
        metric: &Metric,
        range: DateRange,
    ) -> Result<Option<EntityTotal>, QueryError> {
        let Aggregation::Ratio {
            numerator,
            denominator,
            scale,
        } = aggregation_of(metric)
        else {
            return Ok(self.answer(entity, metric, range)?.map(EntityTotal::Plain));
        };
        let denominator = if metric == &Metric::Canonical(CanonicalMetric::EngagementRate) {
            derive::engagement_rate_denominator(entity.platform)
        } else {
            denominator
        };
        let numerator_answer = self.answer(entity, &numerator.into(), range)?;
        let denominator_answer = self.answer(entity, &denominator.into(), range)?;
        let from_parts = match (numerator_answer, denominator_answer) {
            (Some(n), Some(d)) => Some((n, d)),
            _ => None,
        };
        let complete = from_parts
            .as_ref()
            .is_some_and(|(n, d)| n.coverage.is_complete() && d.coverage.is_complete());
        if !complete {
            if let Some(stored) = self.answer(entity, metric, range)? {
                return Ok(Some(EntityTotal::Plain(stored)));
            }
        }
        Ok(from_parts.map(|(numerator_answer, denominator_answer)| {
            EntityTotal::Ratio(RateParts {
                numerator: numerator_answer,
                denominator: denominator_answer,
                denominator_metric: denominator,
                scale,
            })
        }))
    }
}

/// One entity's answer: a value, or a rate's two summed parts (added across entities
/// before dividing).
#[derive(Debug, Clone)]
pub(crate) enum EntityTotal {
    Plain(Answer),
    Ratio(RateParts),
}

/// A rate's two parts for one entity, summed over the period.
#[derive(Debug, Clone)]
pub(crate) struct RateParts {
    numerator: Answer,
    denominator: Answer,
    /// `impressions`, or `reach` for an engagement rate on a platform without impressions.
    denominator_metric: CanonicalMetric,
    /// 1, or 1000 for a cost per thousand.
    scale: u32,
}

impl EntityTotal {
    /// True when every day of the period is known (for a rate, in both parts).
    fn is_complete(&self) -> bool {
        match self {
            EntityTotal::Plain(answer) => answer.coverage.is_complete(),
            EntityTotal::Ratio(parts) => {
                parts.numerator.coverage.is_complete() && parts.denominator.coverage.is_complete()
            }
        }
    }
}

/// The metrics whose facts can answer for `metric` besides itself.
fn inputs_of(metric: CanonicalMetric) -> Vec<Metric> {
    if metric == CanonicalMetric::Engagements {
        return derive::ENGAGEMENT_PARTS
            .iter()
            .map(|p| Metric::Canonical(*p))
            .collect();
    }
    match metric.aggregation() {
        Aggregation::Ratio {
            numerator,
            denominator,
            ..
        } => {
            let mut inputs = inputs_of(numerator);
            inputs.push(numerator.into());
            inputs.push(denominator.into());
            if metric == CanonicalMetric::EngagementRate {
                inputs.push(CanonicalMetric::Reach.into());
            }
            inputs
        }
        _ => Vec::new(),
    }
}

/// Adds the entities' answers by the metric's rule.
pub(crate) fn combine(
    metric: &Metric,
    answered: Vec<(EntityKey, EntityTotal)>,
    range: DateRange,
) -> Result<Option<Total>, QueryError> {
    if answered.is_empty() {
        return Ok(None);
    }
    if aggregation_of(metric) == Aggregation::NonAdditive && answered.len() > 1 {
        return Err(QueryError::NotAdditive {
            metric: metric.clone(),
            entities: answered.len(),
        });
    }
    let plain: Vec<&Answer> = answered
        .iter()
        .filter_map(|(_, total)| match total {
            EntityTotal::Plain(answer) => Some(answer),
            EntityTotal::Ratio { .. } => None,
        })
        .collect();
    let ratios: Vec<(EntityKey, &RateParts)> = answered
        .iter()
        .filter_map(|(entity, total)| match total {
            EntityTotal::Ratio(parts) => Some((*entity, parts)),
            EntityTotal::Plain(_) => None,
        })
        .collect();
    if ratios.is_empty() {
        return sum_answers(metric, &plain, range).map(Some);
    }
    if !plain.is_empty() {
        // Some entities answered from a stored rate and others from parts: a stored rate
        // cannot be added to parts, and rates are never averaged.
        return Err(QueryError::NotAdditive {
            metric: metric.clone(),
            entities: answered.len(),
        });
    }
    let mut denominators: Vec<CanonicalMetric> = ratios
        .iter()
        .map(|(_, parts)| parts.denominator_metric)
        .collect();
    denominators.sort();
    denominators.dedup();
    if denominators.len() > 1 {
        let platforms: BTreeSet<Platform> =
            ratios.iter().map(|(entity, _)| entity.platform).collect();
        return Err(QueryError::MixedDenominators {
            metric: metric.clone(),
            platforms: platforms.into_iter().collect(),
        });
    }
    let denominator_metric = denominators
        .first()
        .copied()
        .unwrap_or(CanonicalMetric::Impressions);
    let scale = ratios.first().map_or(1, |(_, parts)| parts.scale);
    let numerators: Vec<&Answer> = ratios.iter().map(|(_, parts)| &parts.numerator).collect();
    let denominators: Vec<&Answer> = ratios.iter().map(|(_, parts)| &parts.denominator).collect();
    if ratios.len() > 1 && aggregation_of(&denominator_metric.into()) == Aggregation::NonAdditive {
        return Err(QueryError::NotAdditive {
            metric: denominator_metric.into(),
            entities: ratios.len(),
        });
    }
    let numerator_metric = match aggregation_of(metric) {
        Aggregation::Ratio { numerator, .. } => numerator,
        _ => CanonicalMetric::Engagements,
    };
    let numerator = sum_answers(&numerator_metric.into(), &numerators, range)?;
    let denominator = sum_answers(&denominator_metric.into(), &denominators, range)?;
    if denominator.value == 0.0 {
        return Ok(None);
    }
    let mut missing = numerator.coverage.missing.clone();
    missing.extend(denominator.coverage.missing.iter().copied());
    let coverage = Coverage::with_missing(range, missing);
    let basis = combine_basis(numerator.basis, denominator.basis, &coverage);
    let unit = metric
        .default_unit()
        .unwrap_or_else(|| numerator.unit.clone());
    let parts = match &numerator.derivation {
        Some(derivation) => derivation.parts.clone(),
        None => vec![numerator_metric.into()],
    };
    let numerator_formula = match &numerator.derivation {
        Some(derivation) if parts.len() > 1 => format!("({})", derivation.formula),
        Some(derivation) => derivation.formula.clone(),
        None => numerator_metric.id().to_owned(),
    };
    let formula = if scale == 1 {
        format!("{numerator_formula} / {}", denominator_metric.id())
    } else {
        format!(
            "{numerator_formula} / {} × {scale}",
            denominator_metric.id()
        )
    };
    let mut sources = numerator.sources;
    sources.extend(denominator.sources);
    Ok(Some(Total {
        value: numerator.value / denominator.value * f64::from(scale),
        unit,
        basis,
        coverage,
        derivation: Some(Derivation {
            formula,
            parts,
            denominator: Some(denominator_metric.into()),
        }),
        sources,
    }))
}

/// Adds plain answers of one metric: one unit only.
fn sum_answers(
    metric: &Metric,
    answers: &[&Answer],
    range: DateRange,
) -> Result<Total, QueryError> {
    let mut units: Vec<Unit> = answers.iter().map(|a| a.unit.clone()).collect();
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
    let missing = answers
        .iter()
        .flat_map(|a| a.coverage.missing.iter().copied())
        .collect();
    let coverage = Coverage::with_missing(range, missing);
    let basis = answers
        .iter()
        .map(|a| a.basis)
        .reduce(|a, b| combine_basis(a, b, &coverage))
        .map_or(Basis::Partial, |basis| {
            combine_basis(basis, basis, &coverage)
        });
    let mut parts: Vec<Metric> = Vec::new();
    for answer in answers {
        for part in &answer.parts {
            if !parts.contains(part) {
                parts.push(part.clone());
            }
        }
    }
    let parts = sort_parts(parts);
    let derivation = (!parts.is_empty()).then(|| Derivation {
        formula: parts
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" + "),
        parts,
        denominator: None,
    });
    let mut sources: Vec<Observation> = answers
        .iter()
        .flat_map(|a| a.sources.iter().cloned())
        .collect();
    sources.sort_by(key_order);
    Ok(Total {
        value: answers.iter().map(|a| a.value).sum(),
        unit,
        basis,
        coverage,
        derivation,
        sources,
    })
}
