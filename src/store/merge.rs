//! Merging a batch of observations into the store, all or nothing.
//!
//! Every observation of the batch is checked first; one invalid observation refuses the
//! whole batch and leaves the store as it was. Then each observation is keyed and merged
//! into its fact by the rules of [`super::fact`]. Observations Yardstick computes itself
//! (standard engagement and its rate) are valid but not stored: they are listed as
//! rejected, with the reason, and the rest of the batch is stored.

use serde::Serialize;

use crate::model::{Metric, Observation, Window};
use crate::store::error::MergeError;
use crate::store::fact::{Fact, Outcome, Version};
use crate::store::key::{PeriodKey, SeriesKey};
use crate::store::tables::{ReadingKey, Tables};
use crate::store::validate::{
    observation_problem, reject_reason, InvalidObservation, RejectReason,
};
use crate::store::{Series, Store};

/// What merging a batch did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MergeReport {
    /// New facts.
    pub added: usize,
    /// Facts whose value (or unit, period or name) a newer reading changed.
    pub replaced: usize,
    /// Facts read again with the same value (the newest reading becomes their provenance).
    pub unchanged: usize,
    /// Readings older than the stored one: kept in the fact's history, value unchanged.
    pub outdated: usize,
    /// Valid observations that are not stored, with the reason.
    pub rejected: Vec<Rejected>,
}

/// A valid observation the store did not keep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejected {
    /// Its position in the batch, from 0.
    pub index: usize,
    pub metric: Metric,
    pub reason: RejectReason,
}

impl Store {
    /// Merges a batch of observations. Either the whole batch is merged and the report says
    /// what happened to each observation, or, when any observation is invalid, nothing is
    /// stored and the error lists every invalid one.
    pub fn merge(&mut self, batch: &[Observation]) -> Result<MergeReport, MergeError> {
        let invalid: Vec<InvalidObservation> = batch
            .iter()
            .enumerate()
            .filter_map(|(index, observation)| {
                observation_problem(observation).map(|problem| InvalidObservation {
                    index,
                    metric: observation.metric.clone(),
                    location: observation.source.location.clone(),
                    problem,
                })
            })
            .collect();
        if !invalid.is_empty() {
            return Err(MergeError::InvalidBatch {
                batch_len: batch.len(),
                invalid,
            });
        }
        let mut report = MergeReport::default();
        for (index, observation) in batch.iter().enumerate() {
            if let Some(reason) = reject_reason(observation) {
                report.rejected.push(Rejected {
                    index,
                    metric: observation.metric.clone(),
                    reason,
                });
                continue;
            }
            match self.insert(observation) {
                Outcome::Added => report.added += 1,
                Outcome::Replaced => report.replaced += 1,
                Outcome::Unchanged => report.unchanged += 1,
                Outcome::Outdated => report.outdated += 1,
            }
        }
        Ok(report)
    }

    /// Merges one valid observation.
    fn insert(&mut self, observation: &Observation) -> Outcome {
        let (key, version) = intern(&mut self.tables, observation);
        let period = PeriodKey::of(observation.window, observation.start, observation.end);
        let Store {
            tables,
            series,
            index,
            facts,
            ..
        } = self;
        let position = *index.entry(key).or_insert_with(|| {
            series.push(Series::new(key, observation.metric.clone()));
            series.len() - 1
        });
        let Some(series) = series.get_mut(position) else {
            return Outcome::Unchanged;
        };
        let outcome = match period {
            None => absorb_into(&mut series.lifetime, version, true, tables),
            Some(period) => absorb_dated(&mut series.dated, period, version, tables),
        };
        if outcome == Outcome::Added {
            *facts += 1;
        }
        outcome
    }
}

/// Interns an observation's strings, metric, unit and reading.
pub(crate) fn intern(tables: &mut Tables, observation: &Observation) -> (SeriesKey, Version) {
    let strings = &mut tables.strings;
    let key = SeriesKey {
        platform: observation.platform,
        scope: observation.scope,
        distribution: observation.distribution,
        metric: tables.metrics.intern(&observation.metric),
        account: strings.intern(&observation.account),
        post_id: observation.post_id.as_deref().map(|id| strings.intern(id)),
    };
    let source = &observation.source;
    let reading = ReadingKey {
        kind: source.kind,
        location: strings.intern(&source.location),
        read_at: source.read_at,
        locale: source
            .locale
            .as_deref()
            .map(|locale| strings.intern(locale)),
    };
    let version = Version {
        value: observation.value,
        rounded_to: observation.rounded_to,
        unit: tables.units.intern(&observation.unit),
        window: if observation.window == Window::Range && observation.start == observation.end {
            Window::Day
        } else {
            observation.window
        },
        start: observation.start,
        end: observation.end,
        name: observation.name.as_deref().map(|name| strings.intern(name)),
        reading: tables.readings.intern(&reading),
        label: strings.intern(&source.label),
        raw: strings.intern(&source.raw),
    };
    (key, version)
}

fn absorb_into(
    slot: &mut Option<Fact>,
    version: Version,
    lifetime: bool,
    tables: &Tables,
) -> Outcome {
    match slot {
        Some(fact) => fact.absorb(version, lifetime, tables),
        None => {
            *slot = Some(Fact::new(version));
            Outcome::Added
        }
    }
}

/// Merges into a series' sorted dated facts; appending in day order is the fast path.
fn absorb_dated(
    dated: &mut Vec<(PeriodKey, Fact)>,
    period: PeriodKey,
    version: Version,
    tables: &Tables,
) -> Outcome {
    let appends = dated.last().is_none_or(|(last, _)| *last < period);
    if appends {
        dated.push((period, Fact::new(version)));
        return Outcome::Added;
    }
    match dated.binary_search_by(|(key, _)| key.cmp(&period)) {
        Ok(found) => match dated.get_mut(found) {
            Some((_, fact)) => fact.absorb(version, false, tables),
            None => Outcome::Unchanged,
        },
        Err(position) => {
            dated.insert(position, (period, Fact::new(version)));
            Outcome::Added
        }
    }
}
