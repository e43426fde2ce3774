//! The store's content records: what sources said about each post or ad entity besides
//! its numbers, kept beside the facts. They never change a number.
//!
//! Records are details, not facts: an invalid one is refused alone (the report says which
//! and why) and never stops the rest of a reading from being kept.
//!
//! # Why readings, not one merged record
//! A field-by-field merge of each arriving record into one stored record depends on the
//! order of arrival once an entity has three readings (a field the newest lacks would come
//! from whichever older reading happened to merge last). So the store keeps readings, and
//! the entity's record is its readings folded oldest first with [`ContentRecord::absorb`]:
//! every field comes from the newest reading that gives it. A reading goes only when newer
//! readings give every field it gives (a cut-off preview does not replace a full text), so
//! an entity keeps at most one reading per field, and the kept readings — hence the record
//! — are the same whatever the order of arrival.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::{compare_readings, ContentKey, ContentRecord, InvalidRecord};
use crate::store::Store;

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
    /// Kept: it gives a field no newer reading gives.
    Kept,
    /// The same reading is already kept, or newer readings give every field it gives.
    Shadowed,
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

/// Adds `record` to one entity's readings (sorted oldest first) unless newer ones give
/// every field it gives; then drops the older readings the newer ones now shadow.
fn add_reading(readings: &mut Vec<ContentRecord>, record: ContentRecord) -> Added {
    let at = readings.partition_point(|r| compare_readings(r, &record).is_lt());
    let same = readings
        .get(at)
        .is_some_and(|r| compare_readings(r, &record).is_eq());
    if same || is_shadowed(&record, readings.get(at..).unwrap_or_default()) {
        return Added::Shadowed;
    }
    readings.insert(at, record);
    let mut index = 0;
    while index < readings.len() {
        let newer = readings.get(index + 1..).unwrap_or_default();
        match readings.get(index) {
            Some(reading) if is_shadowed(reading, newer) => {
                readings.remove(index);
            }
            _ => index += 1,
        }
    }
    Added::Kept
}

/// True when `newer` readings give every field `reading` gives; a text is given only by a
/// text that is not a cut-off preview of it.
fn is_shadowed(reading: &ContentRecord, newer: &[ContentRecord]) -> bool {
    let given = |field: fn(&ContentRecord) -> bool| !field(reading) || newer.iter().any(field);
    let text_given = match &reading.text {
        None => true,
        Some(text) => newer.iter().any(|n| {
            n.text
                .as_deref()
                .is_some_and(|newer_text| !crate::content::is_preview_of(newer_text, text))
        }),
    };
    text_given
        && given(|r| !r.links.is_empty())
        && given(|r| r.permalink.is_some())
        && given(|r| r.published.is_some())
        && given(|r| r.result_type.is_some())
        && given(|r| r.attribution.is_some())
        && given(|r| r.campaign_name.is_some())
        && given(|r| r.campaign_id.is_some())
}

/// What merging content records did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ContentMergeReport {
    /// Records kept (new entities, and newer readings of known ones).
    pub kept: usize,
    /// Records that changed nothing: a reading the store already had, or one whose every
    /// detail newer readings already give.
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
                    Added::Shadowed => report.unchanged += 1,
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
    fn a_reading_goes_only_when_newer_ones_give_all_it_gives() {
        // Re-reading a page that no longer shows the links keeps the earlier links.
        let mut first = reading("page", 1, Some("Open day #OpenDay2027"));
        first.links = vec!["https://acme.nl/open-dag?utm_campaign=openday".into()];
        let again = reading("page", 2, Some("Open day — sign up! #OpenDay2027"));
        let record = record_after(&[&first, &again]);
        assert_eq!(
            record.text.as_deref(),
            Some("Open day — sign up! #OpenDay2027")
        );
        assert_eq!(record.links, first.links);
        assert_eq!(record, record_after(&[&again, &first]));

        // Ten readings with the same fields: only the newest stays, in any order, and an
        // older one arriving late changes nothing.
        let all: Vec<ContentRecord> = (1..=10)
            .map(|day| {
                reading(
                    &format!("export-{day}.csv"),
                    day,
                    Some(&format!("text {day}")),
                )
            })
            .collect();
        let mut backwards = Store::new();
        let report = backwards.merge_content(all.iter().rev().cloned());
        assert_eq!((report.kept, report.unchanged), (1, 9));
        let mut forwards = Store::new();
        forwards.merge_content(all.clone());
        assert_eq!(backwards.content, forwards.content);
        assert_eq!(forwards.content.readings().count(), 1);
        assert_eq!(
            forwards.content_records().next().unwrap().text.as_deref(),
            Some("text 10")
        );
        let again = forwards.merge_content([all[0].clone()]);
        assert_eq!(again.unchanged, 1);
    }
}
