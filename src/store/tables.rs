//! The store's interning tables: every repeated string (accounts, post ids, locations,
//! labels, raw texts), metric, unit and reading is held once and referred to by a small id.
//!
//! A page reading yields dozens of observations that share one location, time and locale;
//! an export yields thousands. Holding those once keeps a million observations small in
//! memory and lets the persistence format write the tables as they are. Ids are private to
//! one store: they never leave it except inside its own persisted bytes.
//!
//! The tables hash with FxHash rather than SipHash: a third of merge time went to hashing
//! short strings, and the keys are the user's own readings held locally, so resistance to
//! crafted collisions buys nothing here.

use std::hash::Hash;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;

use crate::model::{Metric, SourceKind, Unit};

/// The id of an interned string.
pub(crate) type Sym = u32;
/// The id of an interned reading (a shared [`ReadingKey`]).
pub(crate) type ReadingId = u32;
/// The id of an interned metric.
pub(crate) type MetricId = u32;
/// The id of an interned unit.
pub(crate) type UnitId = u32;

/// What many observations of one reading share: how, where and when they were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct ReadingKey {
    pub kind: SourceKind,
    pub location: Sym,
    pub read_at: DateTime<Utc>,
    pub locale: Option<Sym>,
}

/// Interned strings. Strings are never removed; saving writes only those still in use.
#[derive(Debug, Default, Clone)]
pub(crate) struct Strings {
    list: Vec<Arc<str>>,
    index: FxHashMap<Arc<str>, Sym>,
}

impl Strings {
    /// The id of `text`, adding it when new.
    pub fn intern(&mut self, text: &str) -> Sym {
        if let Some(sym) = self.index.get(text) {
            return *sym;
        }
        let sym = next_id(self.list.len());
        let shared: Arc<str> = Arc::from(text);
        self.list.push(Arc::clone(&shared));
        self.index.insert(shared, sym);
        sym
    }

    /// The id of `text` when it is interned.
    pub fn find(&self, text: &str) -> Option<Sym> {
        self.index.get(text).copied()
    }

    /// The text of `sym`; empty for an id this table never gave out.
    pub fn get(&self, sym: Sym) -> &str {
        self.list.get(sym as usize).map_or("", |text| text)
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }
}

/// Interned values of any small type (metrics, units, readings).
#[derive(Debug, Clone)]
pub(crate) struct Table<T> {
    list: Vec<T>,
    index: FxHashMap<T, u32>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            list: Vec::new(),
            index: FxHashMap::default(),
        }
    }
}

impl<T: Clone + Eq + Hash> Table<T> {
    /// The id of `value`, adding it when new.
    pub fn intern(&mut self, value: &T) -> u32 {
        if let Some(id) = self.index.get(value) {
            return *id;
        }
        let id = next_id(self.list.len());
        self.list.push(value.clone());
        self.index.insert(value.clone(), id);
        id
    }

    /// The id of `value` when it is interned.
    pub fn find(&self, value: &T) -> Option<u32> {
        self.index.get(value).copied()
    }

    /// The value of `id`, when this table gave it out.
    pub fn get(&self, id: u32) -> Option<&T> {
        self.list.get(id as usize)
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }
}

/// All tables of one store.
#[derive(Debug, Default, Clone)]
pub(crate) struct Tables {
    pub strings: Strings,
    pub metrics: Table<Metric>,
    pub units: Table<Unit>,
    pub readings: Table<ReadingKey>,
}

impl Tables {
    /// The reading of `id`. Ids come from this table, so a miss is a bug in the store; it
    /// still answers with a neutral reading rather than panic.
    pub fn reading(&self, id: ReadingId) -> ReadingKey {
        self.readings.get(id).copied().unwrap_or(ReadingKey {
            kind: SourceKind::Derived,
            location: 0,
            read_at: DateTime::<Utc>::default(),
            locale: None,
        })
    }

    pub fn unit(&self, id: UnitId) -> Unit {
        self.units.get(id).cloned().unwrap_or(Unit::Count)
    }
}

/// The next id for a table of `len` entries. A store never holds four billion distinct
/// strings; should it, the ids saturate rather than wrap.
fn next_id(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_gives_one_id_per_distinct_value() {
        let mut strings = Strings::default();
        let page =
            strings.intern("https://www.linkedin.com/company/104857/admin/analytics/updates/");
        let label = strings.intern("Impressions");
        assert_ne!(page, label);
        assert_eq!(strings.intern("Impressions"), label);
        assert_eq!(strings.get(label), "Impressions");
        assert_eq!(strings.find("Reach"), None);
        assert_eq!(strings.get(999), "");
        let mut units = Table::default();
        let euro = units.intern(&Unit::Currency("EUR".into()));
        assert_eq!(units.intern(&Unit::Currency("EUR".into())), euro);
        assert_ne!(units.intern(&Unit::Currency("USD".into())), euro);
        assert_eq!(units.len(), 2);
    }
}
