//! One stored fact: its current reading, when it was first seen, and the few readings it
//! replaced.
//!
//! Which reading is current is decided by one total order, so merging the same readings in
//! any order leaves the same fact: a newer reading (`source.read_at`) wins; for a lifetime
//! total the later as-of day wins first. Readings made at the same instant are ordered by
//! their content, so even a conflict resolves the same way every time. This module decides
//! between readings; it does not validate them or look anything up by key.

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::model::{SourceKind, Window};
use crate::store::tables::{ReadingId, Sym, Tables, UnitId};

/// How many replaced (or older) readings a fact remembers, newest first.
pub(crate) const HISTORY: usize = 3;

/// One reading of a fact, with its strings interned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Version {
    pub value: f64,
    pub rounded_to: Option<f64>,
    pub unit: UnitId,
    pub window: Window,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub name: Option<Sym>,
    pub reading: ReadingId,
    pub label: Sym,
    pub raw: Sym,
}

/// A fact as the store holds it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fact {
    /// The newest reading: the value the store answers with.
    pub current: Version,
    /// The earliest reading of this fact (any value): when and where it was first seen.
    pub first_seen: ReadingId,
    /// Up to [`HISTORY`] other readings, newest first: what was replaced, or arrived late.
    pub earlier: Vec<Version>,
}

/// What merging one reading into a fact did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// A new fact.
    Added,
    /// A newer reading with a different value, unit, period or name replaced the current.
    Replaced,
    /// The same fact again: the value stands (a newer reading of it becomes the provenance).
    Unchanged,
    /// An older reading than the current one: remembered in the history only.
    Outdated,
}

impl Fact {
    pub fn new(version: Version) -> Fact {
        Fact {
            current: version,
            first_seen: version.reading,
            earlier: Vec::new(),
        }
    }

    /// Merges one more reading of this fact. `lifetime` orders by as-of day first.
    pub fn absorb(&mut self, version: Version, lifetime: bool, tables: &Tables) -> Outcome {
        if compare_readings(version.reading, self.first_seen, tables) == Ordering::Less {
            self.first_seen = version.reading;
        }
        match compare(&version, &self.current, lifetime, tables) {
            Ordering::Equal => Outcome::Unchanged,
            Ordering::Greater => {
                let previous = std::mem::replace(&mut self.current, version);
                self.remember(previous, lifetime, tables);
                if same_content(&previous, &version) {
                    Outcome::Unchanged
                } else {
                    Outcome::Replaced
                }
            }
            Ordering::Less => {
                self.remember(version, lifetime, tables);
                Outcome::Outdated
            }
        }
    }

    /// Keeps `version` among the newest [`HISTORY`] earlier readings, once.
    fn remember(&mut self, version: Version, lifetime: bool, tables: &Tables) {
        let position = self
            .earlier
            .iter()
            .position(|kept| compare(&version, kept, lifetime, tables) != Ordering::Less);
        match position {
            Some(index) => {
                let duplicate = self
                    .earlier
                    .get(index)
                    .is_some_and(|kept| compare(&version, kept, lifetime, tables).is_eq());
                if !duplicate {
                    self.earlier.insert(index, version);
                }
            }
            None => self.earlier.push(version),
        }
        self.earlier.truncate(HISTORY);
    }
}

/// The total order of readings of one fact: greater is the one to keep as current.
pub(crate) fn compare(a: &Version, b: &Version, lifetime: bool, tables: &Tables) -> Ordering {
    let as_of = if lifetime {
        a.end.cmp(&b.end)
    } else {
        Ordering::Equal
    };
    as_of
        .then_with(|| {
            let (ra, rb) = (tables.reading(a.reading), tables.reading(b.reading));
            ra.read_at.cmp(&rb.read_at)
        })
        .then_with(|| a.value.total_cmp(&b.value))
        .then_with(|| compare_rounding(a.rounded_to, b.rounded_to))
        .then_with(|| tables.unit(a.unit).cmp(&tables.unit(b.unit)))
        .then_with(|| a.start.cmp(&b.start))
        .then_with(|| a.end.cmp(&b.end))
        .then_with(|| a.window.cmp(&b.window))
        .then_with(|| {
            let name = |v: &Version| v.name.map(|sym| tables.strings.get(sym));
            name(a).cmp(&name(b))
        })
        .then_with(|| compare_readings(a.reading, b.reading, tables))
        .then_with(|| tables.strings.get(a.label).cmp(tables.strings.get(b.label)))
        .then_with(|| tables.strings.get(a.raw).cmp(tables.strings.get(b.raw)))
}

/// Orders readings by time, then by where they were made, so "first seen" is one reading.
fn compare_readings(a: ReadingId, b: ReadingId, tables: &Tables) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    let (ra, rb) = (tables.reading(a), tables.reading(b));
    let locale = |sym: Option<Sym>| sym.map(|sym| tables.strings.get(sym));
    ra.read_at
        .cmp(&rb.read_at)
        .then_with(|| kind_rank(ra.kind).cmp(&kind_rank(rb.kind)))
        .then_with(|| {
            tables
                .strings
                .get(ra.location)
                .cmp(tables.strings.get(rb.location))
        })
        .then_with(|| locale(ra.locale).cmp(&locale(rb.locale)))
}

fn kind_rank(kind: SourceKind) -> u8 {
    match kind {
        SourceKind::Page => 0,
        SourceKind::Export => 1,
        SourceKind::Derived => 2,
    }
}

fn compare_rounding(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(a), Some(b)) => a.total_cmp(&b),
    }
}

/// True when two readings say the same thing (where and when they were read aside).
fn same_content(a: &Version, b: &Version) -> bool {
    a.value.total_cmp(&b.value).is_eq()
        && compare_rounding(a.rounded_to, b.rounded_to).is_eq()
        && a.unit == b.unit
        && a.window == b.window
        && a.start == b.start
        && a.end == b.end
        && a.name == b.name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tables::ReadingKey;
    use chrono::{DateTime, Utc};

    fn reading(tables: &mut Tables, location: &str, read_at: &str) -> ReadingId {
        let location = tables.strings.intern(location);
        let read_at: DateTime<Utc> = DateTime::parse_from_rfc3339(read_at).unwrap().into();
        tables.readings.intern(&ReadingKey {
            kind: SourceKind::Export,
            location,
            read_at,
            locale: None,
        })
    }

    fn version(tables: &mut Tables, value: f64, end: &str, reading: ReadingId) -> Version {
        let unit = tables.units.intern(&crate::model::Unit::Count);
        let label = tables.strings.intern("Impressions");
        let raw = tables.strings.intern(&value.to_string());
        let end: NaiveDate = end.parse().unwrap();
        Version {
            value,
            rounded_to: None,
            unit,
            window: Window::Lifetime,
            start: end,
            end,
            name: None,
            reading,
            label,
            raw,
        }
    }

    #[test]
    fn newer_replaces_older_and_older_arriving_late_is_only_remembered() {
        let mut tables = Tables::default();
        let monday = reading(
            &mut tables,
            "content_2026-10-05.xlsx",
            "2026-10-05T08:00:00Z",
        );
        let friday = reading(
            &mut tables,
            "content_2026-10-09.xlsx",
            "2026-10-09T08:00:00Z",
        );
        let old = version(&mut tables, 100.0, "2026-10-05", monday);
        let new = version(&mut tables, 180.0, "2026-10-09", friday);

        let mut fact = Fact::new(old);
        assert_eq!(fact.absorb(new, true, &tables), Outcome::Replaced);
        assert_eq!(fact.current, new);
        assert_eq!(fact.earlier, vec![old]);
        assert_eq!(fact.first_seen, monday);

        let mut late = Fact::new(new);
        assert_eq!(late.absorb(old, true, &tables), Outcome::Outdated);
        assert_eq!(late, fact, "arrival order does not change the fact");
        assert_eq!(late.absorb(old, true, &tables), Outcome::Outdated);
        assert_eq!(late.earlier.len(), 1, "a reading is remembered once");
    }

    #[test]
    fn a_later_as_of_day_wins_for_lifetime_totals_even_if_read_earlier() {
        let mut tables = Tables::default();
        let first = reading(&mut tables, "posts_october.csv", "2026-11-02T08:00:00Z");
        let reimport = reading(&mut tables, "posts_september.csv", "2026-11-03T08:00:00Z");
        let as_of_october = version(&mut tables, 900.0, "2026-10-31", first);
        let as_of_september = version(&mut tables, 700.0, "2026-09-30", reimport);
        let mut fact = Fact::new(as_of_october);
        assert_eq!(
            fact.absorb(as_of_september, true, &tables),
            Outcome::Outdated
        );
        assert_eq!(fact.current.value, 900.0);
        let mut dated = Fact::new(as_of_october);
        assert_eq!(
            dated.absorb(as_of_september, false, &tables),
            Outcome::Replaced
        );
    }

    #[test]
    fn history_keeps_the_newest_few_readings() {
        let mut tables = Tables::default();
        let mut fact = None::<Fact>;
        for day in 1..=6 {
            let at = format!("2026-10-0{day}T08:00:00Z");
            let id = reading(&mut tables, "https://x.com/i/account_analytics", &at);
            let v = version(&mut tables, f64::from(day), "2026-10-01", id);
            match fact.as_mut() {
                None => fact = Some(Fact::new(v)),
                Some(fact) => {
                    fact.absorb(v, false, &tables);
                }
            }
        }
        let fact = fact.unwrap();
        assert_eq!(fact.current.value, 6.0);
        let kept: Vec<f64> = fact.earlier.iter().map(|v| v.value).collect();
        assert_eq!(kept, vec![5.0, 4.0, 3.0]);
        assert_eq!(
            tables.reading(fact.first_seen).read_at.to_rfc3339(),
            "2026-10-01T08:00:00+00:00"
        );
    }
}
