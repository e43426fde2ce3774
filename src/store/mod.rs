//! The store: merges observations over time without counting anything twice, answers
//! period questions with provenance, and saves itself in a compact versioned format.
//!
//! # Rules
//! - A fact is keyed by platform, account, scope, post id, metric, distribution, window,
//!   start and end ([`key`]). The same fact read twice is one fact; a newer reading
//!   (`source.read_at`) replaces an older one; an older reading arriving later never does.
//!   Each fact keeps its first-seen reading and its last few earlier readings ([`fact`]).
//! - A lifetime total is one fact per entity: the latest as-of value.
//! - Day and range values coexist; a period total never counts a day twice ([`cover`]).
//!   Levels (followers) are never summed over days; rates are computed from summed parts,
//!   never averaged; standard engagement is computed from the stored parts when asked.
//! - A batch with an invalid observation is refused whole and the store is unchanged.
//!
//! # API
//! [`Store::merge`], then [`Store::period_total`], [`Store::daily_series`],
//! [`Store::posts`], [`Store::observations_for`]; [`Store::to_bytes`] and
//! [`Store::from_bytes`] for the browser's storage.
//!
//! The store does no I/O and has no clock: bytes come and go through the caller.

mod content;
mod cover;
mod entity;
mod error;
mod fact;
mod format_v2;
mod format_v3;
mod key;
mod merge;
mod migrate;
mod persist;
mod posts;
mod query;
mod range;
mod select;
mod tables;
mod validate;

use std::cmp::Ordering;

use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::model::{Metric, Observation, Source, SourceKind, Window};

pub use content::ContentMergeReport;
pub use cover::{Basis, Coverage};
pub use error::{MergeError, PersistError, QueryError};
pub use merge::{MergeReport, Rejected};
pub use persist::{Loaded, FORMAT_VERSION};
pub use posts::PostRow;
pub use query::{DailyPoint, DailySeries, Total};
pub use range::{BackwardsRange, DateRange};
pub use select::{PlatformSet, PostFilter, Selector};
pub use validate::{InvalidObservation, Problem, RejectReason};

use fact::{Fact, Version};
use key::{PeriodKey, SeriesKey};
use tables::Tables;

/// Observations merged over time. See the module documentation for the rules.
#[derive(Debug, Default, Clone)]
pub struct Store {
    tables: Tables,
    series: Vec<Series>,
    index: FxHashMap<SeriesKey, usize>,
    facts: usize,
    /// What sources said about posts and ad entities besides their numbers.
    content: content::ContentTable,
}

/// The facts of one entity and metric.
#[derive(Debug, Clone)]
pub(crate) struct Series {
    key: SeriesKey,
    /// The metric `key.metric` stands for.
    metric: Metric,
    /// Day, range and snapshot facts, sorted by their period key.
    dated: Vec<(PeriodKey, Fact)>,
    /// The lifetime total: the latest as-of value.
    lifetime: Option<Fact>,
}

impl Series {
    fn new(key: SeriesKey, metric: Metric) -> Series {
        Series {
            key,
            metric,
            dated: Vec::new(),
            lifetime: None,
        }
    }

    fn facts(&self) -> impl Iterator<Item = &Fact> {
        self.dated
            .iter()
            .map(|(_, fact)| fact)
            .chain(self.lifetime.as_ref())
    }
}

/// A stored fact with its history, for inspection and export.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredFact {
    /// The current value, with the provenance of its newest reading.
    pub observation: Observation,
    /// When and where this fact was first read (whatever its value was then).
    pub first_seen: SeenAt,
    /// Up to three other readings of the fact, newest first: values it replaced, or older
    /// readings that arrived later.
    pub earlier: Vec<Observation>,
}

/// When and where a reading was made.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeenAt {
    pub kind: SourceKind,
    pub location: String,
    pub read_at: DateTime<Utc>,
}

impl Store {
    /// An empty store.
    pub fn new() -> Store {
        Store::default()
    }

    /// How many facts the store holds.
    pub fn len(&self) -> usize {
        self.facts
    }

    pub fn is_empty(&self) -> bool {
        self.facts == 0
    }

    /// Every current fact as an observation, in key order (platform, account, scope, post,
    /// metric, distribution, window, days).
    pub fn observations(&self) -> Vec<Observation> {
        let mut all: Vec<Observation> = self
            .series
            .iter()
            .flat_map(|series| {
                series
                    .facts()
                    .map(|fact| self.observation(series, &fact.current))
            })
            .collect();
        all.sort_by(key_order);
        all
    }

    /// Every fact with its first-seen reading and earlier readings, in key order.
    pub fn facts(&self) -> Vec<StoredFact> {
        let mut all: Vec<StoredFact> = self
            .series
            .iter()
            .flat_map(|series| series.facts().map(|fact| self.stored_fact(series, fact)))
            .collect();
        all.sort_by(|a, b| key_order(&a.observation, &b.observation));
        all
    }

    /// The observation a stored reading stands for.
    fn observation(&self, series: &Series, version: &Version) -> Observation {
        let key = &series.key;
        let tables = &self.tables;
        let strings = &tables.strings;
        let reading = tables.reading(version.reading);
        Observation {
            platform: key.platform,
            account: strings.get(key.account).to_owned(),
            scope: key.scope,
            post_id: key.post_id.map(|sym| strings.get(sym).to_owned()),
            name: version.name.map(|sym| strings.get(sym).to_owned()),
            metric: series.metric.clone(),
            distribution: key.distribution,
            window: version.window,
            start: version.start,
            end: version.end,
            value: version.value,
            unit: tables.unit(version.unit),
            rounded_to: version.rounded_to,
            derivation: None,
            source: Source {
                kind: reading.kind,
                location: strings.get(reading.location).to_owned(),
                label: strings.get(version.label).to_owned(),
                raw: strings.get(version.raw).to_owned(),
                read_at: reading.read_at,
                locale: reading.locale.map(|sym| strings.get(sym).to_owned()),
            },
        }
    }

    fn stored_fact(&self, series: &Series, fact: &Fact) -> StoredFact {
        let first = self.tables.reading(fact.first_seen);
        StoredFact {
            observation: self.observation(series, &fact.current),
            first_seen: SeenAt {
                kind: first.kind,
                location: self.tables.strings.get(first.location).to_owned(),
                read_at: first.read_at,
            },
            earlier: fact
                .earlier
                .iter()
                .map(|v| self.observation(series, v))
                .collect(),
        }
    }
}

/// Two stores are equal when they hold the same facts with the same histories, however
/// their tables were built.
impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        self.facts == other.facts && self.facts() == other.facts() && self.content == other.content
    }
}

/// The order facts are listed in: by key.
fn key_order(a: &Observation, b: &Observation) -> Ordering {
    let window = |o: &Observation| match o.window {
        Window::Day | Window::Range => 0,
        Window::Snapshot => 1,
        Window::Lifetime => 2,
    };
    a.platform
        .cmp(&b.platform)
        .then_with(|| a.account.cmp(&b.account))
        .then_with(|| a.scope.cmp(&b.scope))
        .then_with(|| a.post_id.cmp(&b.post_id))
        .then_with(|| a.metric.cmp(&b.metric))
        .then_with(|| a.distribution.cmp(&b.distribution))
        .then_with(|| window(a).cmp(&window(b)))
        .then_with(|| a.end.cmp(&b.end))
        .then_with(|| a.start.cmp(&b.start))
        .then_with(|| a.window.cmp(&b.window))
}
