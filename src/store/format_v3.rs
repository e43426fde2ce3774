//! Store format version 3: version 2's tables of facts, unchanged, followed by the store's
//! content records (what sources said about a post or an ad besides its numbers).
//!
//! A record's strings are numbered across two tables: the facts' strings first (so an
//! account, a post id, a campaign's id or an export's file name already written for the
//! facts costs a small integer), then the strings only records use (texts, links, result
//! types), each written once. Enum values are written as version 2's explicit codes, never as Rust enum
//! positions. A store without records writes exactly version 2's payload and two zero bytes.
//!
//! The store keeps each entity's readings (those that give a field no newer reading gives;
//! see `store::content`), and every kept reading is written, sorted by platform code, account,
//! scope code and id, then oldest first, so the same readings always make the same bytes,
//! however they were merged. Decoding checks every code, string index and day, refuses a
//! reading stored twice, a reading newer ones make redundant, or one the store would not keep
//! as it is ([`ContentRecord::cleaned`] would change it), and never panics.

use std::borrow::Cow;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::content::{compare_readings, ContentRecord};
use crate::model::Source;
use crate::store::content::Added;
use crate::store::error::PersistError;
use crate::store::format_v2::{
    self, kind_code, kind_from, platform_code, platform_from, scope_code, scope_from,
};
use crate::store::Store;

const VERSION: u32 = 3;

#[derive(Debug, Serialize, Deserialize)]
struct File<'a> {
    #[serde(borrow)]
    facts: format_v2::File<'a>,
    /// The strings only content records use, numbered after the facts' strings. Plain
    /// `&str`, which postcard lends from the payload (serde copies a `Cow` in a `Vec`).
    #[serde(borrow)]
    strings: Vec<&'a str>,
    records: Vec<RecordRow>,
}

/// One content record. String fields are indexes across both string tables; optional
/// ones are 0 for none, else the index + 1.
#[derive(Debug, Serialize, Deserialize)]
struct RecordRow {
    platform: u8,
    scope: u8,
    account: u32,
    id: u32,
    text: u32,
    links: Vec<u32>,
    permalink: u32,
    /// Days from the common era.
    published: Option<i32>,
    result_type: u32,
    attribution: u32,
    campaign_name: u32,
    campaign_id: u32,
    source: SourceRow,
}

/// Where and when a record was read.
#[derive(Debug, Serialize, Deserialize)]
struct SourceRow {
    kind: u8,
    location: u32,
    label: u32,
    raw: u32,
    seconds: i64,
    nanos: u32,
    /// 0 for none, else the index + 1.
    locale: u32,
}

/// Encodes a store's payload: the facts as version 2 writes them, then the records.
pub(crate) fn encode(store: &Store) -> Result<Vec<u8>, PersistError> {
    let facts = format_v2::write(store);
    let mut records: Vec<&ContentRecord> = store.content.readings().collect();
    records.sort_by(|a, b| {
        record_order(a)
            .cmp(&record_order(b))
            .then_with(|| compare_readings(a, b))
    });
    let mut writer = RecordWriter {
        store,
        facts: &facts,
        first_own: facts.file.strings.len(),
        own: Vec::new(),
        own_ids: FxHashMap::default(),
    };
    let rows = records
        .into_iter()
        .map(|record| writer.record(record))
        .collect();
    let own = writer.own;
    let file = File {
        facts: facts.file,
        strings: own,
        records: rows,
    };
    postcard::to_allocvec(&file).map_err(|error| PersistError::Encode {
        detail: error.to_string(),
    })
}

/// The order records are written in: by the meaning of their key, not by Rust's order of
/// the enums.
fn record_order(record: &ContentRecord) -> (u8, &str, u8, &str) {
    (
        platform_code(record.platform),
        &record.account,
        scope_code(record.scope),
        &record.id,
    )
}

/// Numbers the strings of records: a string the facts wrote keeps its index there; any
/// other gets the next index of the records' own table.
struct RecordWriter<'a, 'w> {
    store: &'a Store,
    facts: &'w format_v2::Written<'a>,
    first_own: usize,
    own: Vec<&'a str>,
    own_ids: FxHashMap<&'a str, u32>,
}

impl<'a> RecordWriter<'a, '_> {
    /// A string the facts may have written too: an account, an id, a campaign's name or
    /// id, a source's location, label, raw text or locale.
    fn shared(&mut self, text: &'a str) -> u32 {
        let in_facts = self
            .store
            .tables
            .strings
            .find(text)
            .and_then(|sym| self.facts.string_id(sym));
        match in_facts {
            Some(id) => id,
            None => self.text(text),
        }
    }

    /// A string only records hold (a text, a link, a result type), or one the facts do
    /// not use.
    fn text(&mut self, text: &'a str) -> u32 {
        if let Some(id) = self.own_ids.get(text) {
            return *id;
        }
        let id = u32::try_from(self.first_own + self.own.len()).unwrap_or(u32::MAX);
        self.own.push(text);
        self.own_ids.insert(text, id);
        id
    }

    fn optional(&mut self, text: &'a Option<String>) -> u32 {
        text.as_deref()
            .map_or(0, |text| self.text(text).saturating_add(1))
    }

    fn optional_shared(&mut self, text: &'a Option<String>) -> u32 {
        text.as_deref()
            .map_or(0, |text| self.shared(text).saturating_add(1))
    }

    fn record(&mut self, record: &'a ContentRecord) -> RecordRow {
        let source = &record.source;
        RecordRow {
            platform: platform_code(record.platform),
            scope: scope_code(record.scope),
            account: self.shared(&record.account),
            id: self.shared(&record.id),
            text: self.optional(&record.text),
            links: record.links.iter().map(|link| self.text(link)).collect(),
            permalink: self.optional(&record.permalink),
            published: record.published.map(|day| day.num_days_from_ce()),
            result_type: self.optional(&record.result_type),
            attribution: self.optional(&record.attribution),
            campaign_name: self.optional_shared(&record.campaign_name),
            campaign_id: self.optional_shared(&record.campaign_id),
            source: SourceRow {
                kind: kind_code(source.kind),
                location: self.shared(&source.location),
                label: self.shared(&source.label),
                raw: self.shared(&source.raw),
                seconds: source.read_at.timestamp(),
                nanos: source.read_at.timestamp_subsec_nanos(),
                locale: self.optional_shared(&source.locale),
            },
        }
    }
}

/// Decodes a version 3 payload into a store, checking everything.
pub(crate) fn decode(payload: &[u8]) -> Result<Store, PersistError> {
    let (file, rest): (File<'_>, &[u8]) =
        postcard::take_from_bytes(payload).map_err(|error| corrupt(format!("{error}")))?;
    if !rest.is_empty() {
        return Err(corrupt(format!(
            "{} bytes follow the end of the store",
            rest.len()
        )));
    }
    let mut store = format_v2::decode_file(&file.facts).map_err(as_version_3)?;
    let strings = Strings {
        facts: &file.facts.strings,
        own: &file.strings,
    };
    for row in &file.records {
        let record = strings.record(row)?;
        let stored = Shape::of(&record);
        let record = record
            .cleaned()
            .map_err(|invalid| corrupt(format!("a stored content record is invalid: {invalid}")))?;
        if Shape::of(&record) != stored {
            return Err(corrupt(format!(
                "the content record of {} is not as the store keeps it (untrimmed, too long, or with a link it drops)",
                record.id
            )));
        }
        if store.content.add(record) != Added::Kept {
            return Err(corrupt(format!(
                "the content record of {} is stored twice, or newer readings give all it gives",
                row.id
            )));
        }
    }
    if store.content.readings().count() != file.records.len() {
        return Err(corrupt(
            "a stored content reading is one newer readings make redundant: the store never writes that",
        ));
    }
    Ok(store)
}

/// The length of every text of a record and its number of links. Cleaning only trims,
/// cuts and drops, so a record whose shape cleaning does not change is a record cleaning
/// does not change: this checks that without copying the record.
#[derive(PartialEq)]
struct Shape(Vec<usize>);

impl Shape {
    fn of(record: &ContentRecord) -> Shape {
        let length = |text: &Option<String>| text.as_ref().map_or(usize::MAX, String::len);
        let mut lengths = vec![
            record.account.len(),
            record.id.len(),
            length(&record.text),
            length(&record.permalink),
            length(&record.result_type),
            length(&record.attribution),
            length(&record.campaign_name),
            length(&record.campaign_id),
            record.links.len(),
        ];
        lengths.extend(record.links.iter().map(String::len));
        Shape(lengths)
    }
}

/// Both string tables of a payload, as one numbering.
struct Strings<'f, 'a> {
    facts: &'f [Cow<'a, str>],
    own: &'f [&'a str],
}

impl Strings<'_, '_> {
    fn text(&self, index: u32) -> Result<String, PersistError> {
        let index = index as usize;
        let text = match index.checked_sub(self.facts.len()) {
            None => self.facts.get(index).map(|text| text.as_ref()),
            Some(own) => self.own.get(own).copied(),
        };
        text.map(str::to_owned)
            .ok_or_else(|| corrupt(format!("string {index} is not in the tables")))
    }

    fn optional(&self, index: u32) -> Result<Option<String>, PersistError> {
        index
            .checked_sub(1)
            .map(|index| self.text(index))
            .transpose()
    }

    fn record(&self, row: &RecordRow) -> Result<ContentRecord, PersistError> {
        let source = &row.source;
        let read_at = DateTime::<Utc>::from_timestamp(source.seconds, source.nanos)
            .ok_or_else(|| corrupt(format!("reading time {}s is out of range", source.seconds)))?;
        let published = row
            .published
            .map(|days| {
                NaiveDate::from_num_days_from_ce_opt(days)
                    .ok_or_else(|| corrupt(format!("publication day {days} is out of range")))
            })
            .transpose()?;
        Ok(ContentRecord {
            platform: platform_from(row.platform).map_err(as_version_3)?,
            account: self.text(row.account)?,
            scope: scope_from(row.scope).map_err(as_version_3)?,
            id: self.text(row.id)?,
            text: self.optional(row.text)?,
            links: row
                .links
                .iter()
                .map(|link| self.text(*link))
                .collect::<Result<_, _>>()?,
            permalink: self.optional(row.permalink)?,
            published,
            result_type: self.optional(row.result_type)?,
            attribution: self.optional(row.attribution)?,
            campaign_name: self.optional(row.campaign_name)?,
            campaign_id: self.optional(row.campaign_id)?,
            source: Source {
                kind: kind_from(source.kind).map_err(as_version_3)?,
                location: self.text(source.location)?,
                label: self.text(source.label)?,
                raw: self.text(source.raw)?,
                read_at,
                locale: self.optional(source.locale)?,
            },
        })
    }
}

fn corrupt(detail: impl Into<String>) -> PersistError {
    PersistError::Corrupt {
        version: VERSION,
        detail: detail.into(),
    }
}

/// Version 2's decoder says what it found wrong as version 2; inside a version 3 store, it
/// is version 3 that is damaged.
fn as_version_3(error: PersistError) -> PersistError {
    match error {
        PersistError::Corrupt { detail, .. } => corrupt(detail),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Platform, Scope, SourceKind};

    fn source() -> Source {
        Source {
            kind: SourceKind::Export,
            location: "account_overview_analytics (5).csv".to_owned(),
            label: "Tweet text".to_owned(),
            raw: String::new(),
            read_at: DateTime::<Utc>::from_timestamp(1_791_270_000, 0).unwrap(),
            locale: Some("en".to_owned()),
        }
    }

    fn record(id: &str, text: &str) -> ContentRecord {
        let mut record = ContentRecord::new(Platform::X, "acme_nl", Scope::Post, id, source());
        record.text = Some(text.to_owned());
        record.links = vec!["https://acme.nl/open-dag?utm_campaign=openday".to_owned()];
        record
    }

    #[test]
    fn a_store_without_records_writes_version_2_and_two_zero_bytes() {
        let store = Store::new();
        let mut expected = format_v2::encode(&store).unwrap();
        expected.extend_from_slice(&[0, 0]);
        assert_eq!(encode(&store).unwrap(), expected);
    }

    #[test]
    fn repeated_strings_are_written_once() {
        let mut store = Store::new();
        let report = store.merge_content([
            record("1893641234567890123", "Open day on 12 March #OpenDay2027"),
            record("1893641234567890124", "Open day on 12 March #OpenDay2027"),
        ]);
        assert_eq!(report.kept, 2);
        let payload = encode(&store).unwrap();
        let file: File<'_> = postcard::from_bytes(&payload).unwrap();
        assert_eq!(
            file.strings,
            vec![
                "acme_nl",
                "1893641234567890123",
                "Open day on 12 March #OpenDay2027",
                "https://acme.nl/open-dag?utm_campaign=openday",
                "account_overview_analytics (5).csv",
                "Tweet text",
                "",
                "en",
                "1893641234567890124",
            ]
        );
        assert_eq!(decode(&payload).unwrap(), store);
    }

    fn payload_with(row: impl FnOnce(&mut RecordRow)) -> Vec<u8> {
        let mut store = Store::new();
        store.merge_content([record("1", "Open day #OpenDay2027")]);
        let payload = encode(&store).unwrap();
        let mut file: File<'_> = postcard::from_bytes(&payload).unwrap();
        row(&mut file.records[0]);
        postcard::to_allocvec(&file).unwrap()
    }

    /// What a crafted payload changes in a well-formed record.
    type Damage = fn(&mut RecordRow);

    #[test]
    fn crafted_records_are_checked_not_trusted() {
        assert!(decode(&payload_with(|_| {})).is_ok());
        let cases: [(&str, Damage); 9] = [
            ("platform", |row| row.platform = 99),
            ("scope", |row| row.scope = 5),
            ("source kind", |row| row.source.kind = 3),
            ("string index", |row| row.text = 1_000),
            ("link index", |row| row.links.push(40)),
            ("day", |row| row.published = Some(i32::MAX)),
            ("time", |row| row.source.seconds = i64::MAX),
            // The record says nothing besides its id.
            ("empty", |row| {
                row.text = 0;
                row.links.clear();
            }),
            // The link is replaced by the account: not a web address, so not kept.
            ("uncleaned", |row| row.links = vec![row.account]),
        ];
        for (what, change) in cases {
            let error = decode(&payload_with(change)).unwrap_err();
            assert!(
                matches!(error, PersistError::Corrupt { version: 3, .. }),
                "{what}: {error:?}"
            );
        }
    }

    #[test]
    fn a_record_stored_twice_or_trailing_bytes_are_refused() {
        let mut store = Store::new();
        store.merge_content([record("1", "Open day #OpenDay2027")]);
        let payload = encode(&store).unwrap();
        let mut file: File<'_> = postcard::from_bytes(&payload).unwrap();
        let again = postcard::from_bytes::<File<'_>>(&payload).unwrap().records;
        file.records.extend(again);
        let twice = postcard::to_allocvec(&file).unwrap();
        let error = decode(&twice).unwrap_err();
        assert!(error.to_string().contains("stored twice"), "{error}");

        let mut trailing = payload.clone();
        trailing.push(0);
        assert!(matches!(
            decode(&trailing),
            Err(PersistError::Corrupt { version: 3, .. })
        ));
    }
}
