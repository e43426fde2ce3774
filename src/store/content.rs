//! The store's content records: what sources said about each post or ad entity besides
//! its numbers, kept beside the facts. They never change a number.
//!
//! Records are details, not facts: an invalid one is refused alone (the report says which
//! and why) and never stops the rest of a reading from being kept.
//!
//! # Why readings, not one merged record
//! A field-by-field merge of each arriving record into one stored record depends on the
//! order of arrival once an entity has three readings (a field the newest lacks would come
//! from whichever older reading happened to merge last). So the store keeps the readings
//! themselves — the newest per source location, at most [`READINGS_PER_ENTITY`] per
//! entity, the newest ones — and the entity's record is those readings folded oldest
//! first with [`ContentRecord::absorb`]. Keeping "the newest per location, then the
//! newest few" is the same set whatever the order of arrival, so the record is too.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::{compare_readings, ContentKey, ContentRecord, InvalidRecord};
use crate::store::Store;

/// How many readings (from different sources) of one entity are kept.
pub const READINGS_PER_ENTITY: usize = 8;

/// The store's records, by entity: the kept readings and the record they make.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ContentTable {
    /// Per entity, its kept readings, oldest first (in [`compare_readings`] order).
    readings: BTreeMap<ContentKey, Vec<ContentRecord>>,
    /// Per entity, its readings folded oldest first.
    merged: BTreeMap<ContentKey, ContentRecord>,
}

/// Why a reading was not added to the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Added {
    /// Kept (a new source, or a newer reading of a known one).
    Kept,
    /// The table already holds this source's reading, newer or the same.
    NotNewer,
    /// Older than the entity's newest [`READINGS_PER_ENTITY`] readings.
    TooOld,
}

impl ContentTable {
    /// Adds one cleaned reading and folds its entity's record again.
    pub(crate) fn add(&mut self, record: ContentRecord) -> Added {
        let key = record.key();
        let readings = self.readings.entry(key.clone()).or_default();
        let added = add_reading(readings, record);
        if added == Added::Kept {
            let mut folded = readings.iter().cloned();
            if let Some(mut merged) = folded.next() {
                for newer in folded {
                    merged.absorb(newer);
                }
                self.merged.insert(key, merged);
            }
        }
        added
    }

    /// Every kept reading, entity by entity, oldest first within an entity.
    pub(crate) fn readings(&self) -> impl Iterator<Item = &ContentRecord> {
        self.readings.values().flatten()
    }

    /// Every entity's record.
    pub(crate) fn records(&self) -> impl Iterator<Item = &ContentRecord> {
        self.merged.values()
    }

    pub(crate) fn get(&self, key: &ContentKey) -> Option<&ContentRecord> {
        self.merged.get(key)
    }

    pub(crate) fn len(&self) -> usize {
        self.merged.len()
    }
}

/// Adds `record` to one entity's readings (sorted oldest first): it replaces an older
/// reading of the same location, and the oldest reading goes when there are too many.
fn add_reading(readings: &mut Vec<ContentRecord>, record: ContentRecord) -> Added {
    let location = &record.source.location;
    if let Some(same) = readings.iter().position(|r| &r.source.location == location) {
        let known = readings.get(same);
        if known.is_some_and(|known| compare_readings(known, &record).is_ge()) {
            return Added::NotNewer;
        }
        readings.remove(same);
    }
    let at = readings.partition_point(|r| compare_readings(r, &record).is_lt());
    readings.insert(at, record);
    if readings.len() > READINGS_PER_ENTITY {
        readings.remove(0);
        if at == 0 {
            return Added::TooOld;
        }
    }
    Added::Kept
}

/// What merging content records did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ContentMergeReport {
    /// Records kept (new entities, and newer readings of known ones).
    pub kept: usize,
    /// Records that changed nothing: a source's reading the store already had (or a newer
    /// one of it), or a reading older than the entity's newest few.
    pub unchanged: usize,
    /// Records refused, with why.
    #[serde(serialize_with = "crate::store::content::messages")]
    pub refused: Vec<InvalidRecord>,
}

pub(crate) fn messages<S: serde::Serializer>(
    refused: &[InvalidRecord],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(refused.iter().map(ToString::to_string))
}

impl Store {
    /// Merges content records: each is cleaned ([`ContentRecord::cleaned`]) and kept as a
    /// reading of its entity; the entity's record is its readings folded oldest first (see
    /// the module documentation). A refused record changes nothing, and the order records
    /// arrive in never matters.
    pub fn merge_content(
        &mut self,
        records: impl IntoIterator<Item = ContentRecord>,
    ) -> ContentMergeReport {
        let mut report = ContentMergeReport::default();
        for record in records {
            match record.cleaned() {
                Ok(record) => match self.content.add(record) {
                    Added::Kept => report.kept += 1,
                    Added::NotNewer | Added::TooOld => report.unchanged += 1,
                },
                Err(invalid) => report.refused.push(invalid),
            }
        }
        report
    }

    /// Every entity's record, by platform, account, scope and id.
    pub fn content_records(&self) -> impl Iterator<Item = &ContentRecord> {
        self.content.records()
    }

    /// The record of one entity, when a source described it.
    pub fn content_for(&self, key: &ContentKey) -> Option<&ContentRecord> {
        self.content.get(key)
    }

    /// How many entities have a record.
    pub fn content_len(&self) -> usize {
        self.content.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Platform, Scope, Source, SourceKind};
    use chrono::{TimeZone, Utc};

    fn reading(location: &str, day: u32, text: Option<&str>) -> ContentRecord {
        let mut record = ContentRecord::new(
            Platform::Instagram,
            "acme",
            Scope::Post,
            "18032847561928374",
            Source {
                kind: SourceKind::Export,
                location: location.to_owned(),
                label: String::new(),
                raw: String::new(),
                read_at: Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap(),
                locale: None,
            },
        );
        record.text = text.map(str::to_owned);
        record.permalink = Some(format!("https://www.instagram.com/p/{location}/"));
        record
    }

    fn record_after(order: &[&ContentRecord]) -> ContentRecord {
        let mut store = Store::new();
        store.merge_content(order.iter().map(|r| (*r).clone()));
        let record = store.content_records().next().unwrap().clone();
        record
    }

    #[test]
    fn three_readings_give_one_record_in_every_order() {
        // The case a field-by-field merge got wrong: the newest reading has no text, so
        // the text must come from the newer of the two older ones, whatever came last.
        let export = reading("export.csv", 1, Some("export text"));
        let page = reading("page", 2, Some("page text"));
        let newest = reading("later.csv", 3, None);
        let orders = [
            [&export, &newest, &page],
            [&page, &newest, &export],
            [&newest, &export, &page],
            [&export, &page, &newest],
        ];
        for order in orders {
            let record = record_after(&order);
            assert_eq!(record.text.as_deref(), Some("page text"), "{order:?}");
            assert_eq!(record.source.location, "later.csv");
        }
    }

    #[test]
    fn a_source_keeps_its_newest_reading_and_only_the_newest_sources_stay() {
        let mut store = Store::new();
        let first = store.merge_content([reading("page", 5, Some("new"))]);
        let again = store.merge_content([reading("page", 4, Some("old"))]);
        assert_eq!((first.kept, again.unchanged), (1, 1));
        assert_eq!(
            store.content_records().next().unwrap().text.as_deref(),
            Some("new")
        );

        let mut many = Store::new();
        let all: Vec<ContentRecord> = (1..=10)
            .map(|day| {
                reading(
                    &format!("export-{day}.csv"),
                    day,
                    Some(&format!("text {day}")),
                )
            })
            .collect();
        let report = many.merge_content(all.iter().rev().cloned());
        assert_eq!(report.kept, READINGS_PER_ENTITY);
        assert_eq!(report.unchanged, 10 - READINGS_PER_ENTITY);
        let mut forwards = Store::new();
        forwards.merge_content(all);
        assert_eq!(many.content, forwards.content);
        assert_eq!(many.content.readings().count(), READINGS_PER_ENTITY);
    }
}
