//! Store format version 2: the store's interned tables, written once, and every fact as a
//! handful of small integers that refer to them, encoded with postcard.
//!
//! Version 2 is no longer written on its own: it is read as a migration (a version 2 store
//! loads with no content records), and version 3 ([`super::format_v3`]) writes these same
//! tables first and its content records after them.
//!
//! Strings (accounts, post ids, names, locations, labels, raw texts, locales, metric ids,
//! units) are written once each; a reading (kind, location, time, locale) is written once
//! and shared by all the facts read in it. Days are written as differences from the
//! previous fact of the series, and whole-number values as integers, so a typical fact
//! takes about 15 bytes. Enum values are written as the explicit codes below, never as Rust
//! enum positions, so reordering a Rust enum cannot change the meaning of stored bytes.
//!
//! Only what is still in use is written, in a fixed order, so the same facts always make
//! the same bytes. Decoding checks every id, code, date and value and rebuilds the store's
//! invariants; it never panics on any input.

use std::borrow::Cow;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{Distribution, Metric, Platform, Scope, SourceKind, Unit, Window};
use crate::store::error::PersistError;
use crate::store::fact::{Fact, Version};
use crate::store::key::{PeriodKey, SeriesKey};
use crate::store::tables::{ReadingKey, Sym};
use crate::store::validate;
use crate::store::{Series, Store};

const VERSION: u32 = 2;

/// The payload of version 2, and the first part of version 3's.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct File<'a> {
    #[serde(borrow)]
    pub(super) strings: Vec<Cow<'a, str>>,
    /// Each metric's id (`impressions`, `x:engagements`), as a string index.
    metrics: Vec<u32>,
    /// Each unit (`count`, `currency:EUR`), as a string index.
    units: Vec<u32>,
    readings: Vec<ReadingRecord>,
    series: Vec<SeriesRecord>,
}

#[derive(Debug, Serialize, Deserialize)]
struct ReadingRecord {
    kind: u8,
    location: u32,
    seconds: i64,
    nanos: u32,
    /// 0 for none, else the string index + 1.
    locale: u32,
}

#[derive(Debug, Serialize, Deserialize)]
struct SeriesRecord {
    platform: u8,
    scope: u8,
    distribution: u8,
    metric: u32,
    account: u32,
    /// 0 for none, else the string index + 1.
    post_id: u32,
    /// In key order; each current version's `end` is relative to the previous one's.
    dated: Vec<FactRecord>,
    lifetime: Option<FactRecord>,
}

#[derive(Debug, Serialize, Deserialize)]
struct FactRecord {
    current: VersionRecord,
    /// 0 when the current reading is the first seen, else the reading index + 1.
    first_seen: u32,
    /// Ends are absolute (days from the common era).
    earlier: Vec<VersionRecord>,
}

#[derive(Debug, Serialize, Deserialize)]
struct VersionRecord {
    window: u8,
    /// Days from the common era, or from the previous fact's end (see [`SeriesRecord`]).
    end: i32,
    /// Days from start to end.
    span: u32,
    value: Value,
    rounded_to: Option<f64>,
    unit: u32,
    /// 0 for none, else the string index + 1.
    name: u32,
    reading: u32,
    label: u32,
    raw: u32,
}

/// Whole numbers (most counts) as varints; everything else as the float it is.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
enum Value {
    Whole(i64),
    Float(f64),
}

impl Value {
    fn of(value: f64) -> Value {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every whole number below is exact.
        let whole = value.fract() == 0.0
            && value.abs() < EXACT
            && !(value == 0.0 && value.is_sign_negative());
        if whole {
            Value::Whole(value as i64)
        } else {
            Value::Float(value)
        }
    }

    fn get(self) -> f64 {
        match self {
            Value::Whole(whole) => whole as f64,
            Value::Float(float) => float,
        }
    }
}

/// A store's facts written as version 2's tables, with which string went where, so that
/// a later version can refer to the same strings.
pub(super) struct Written<'a> {
    pub(super) file: File<'a>,
    string_ids: Vec<u32>,
}

impl Written<'_> {
    /// The index in `file.strings` of the store's string `sym`, when the facts use it.
    pub(super) fn string_id(&self, sym: Sym) -> Option<u32> {
        self.string_ids
            .get(sym as usize)
            .copied()
            .filter(|id| *id != UNASSIGNED)
    }
}

/// Encodes a store's payload in version 2 (facts only). Only tests write version 2 now.
#[cfg(test)]
pub(super) fn encode(store: &Store) -> Result<Vec<u8>, PersistError> {
    postcard::to_allocvec(&write(store).file).map_err(|error| PersistError::Encode {
        detail: error.to_string(),
    })
}

/// Writes a store's facts as version 2's tables, in a fixed order.
pub(super) fn write(store: &Store) -> Written<'_> {
    let mut order: Vec<(SeriesOrder<'_>, &Series)> = store
        .series
        .iter()
        .filter(|series| !series.dated.is_empty() || series.lifetime.is_some())
        .map(|series| (SeriesOrder::of(store, series), series))
        .collect();
    order.sort_by(|(a, _), (b, _)| a.cmp(b));
    let mut writer = Writer::new(store);
    let series = order
        .into_iter()
        .map(|(_, series)| writer.series(series))
        .collect();
    Written {
        file: File {
            strings: writer.strings,
            metrics: writer.metric_list,
            units: writer.unit_list,
            readings: writer.reading_list,
            series,
        },
        string_ids: writer.string_ids,
    }
}

/// Decodes a version 2 payload into a store, checking everything.
pub(crate) fn decode(payload: &[u8]) -> Result<Store, PersistError> {
    let file: File<'_> =
        postcard::from_bytes(payload).map_err(|error| corrupt(format!("{error}")))?;
    decode_file(&file)
}

/// Builds a store from version 2's tables, checking every id, code, date and value.
pub(super) fn decode_file(file: &File<'_>) -> Result<Store, PersistError> {
    let mut store = Store::new();
    let strings: Vec<Sym> = file
        .strings
        .iter()
        .map(|text| store.tables.strings.intern(text))
        .collect();
    let text = |index: u32| -> Result<&str, PersistError> {
        file.strings
            .get(index as usize)
            .map(|text| text.as_ref())
            .ok_or_else(|| corrupt(format!("string {index} is not in the table")))
    };
    let sym = |index: u32| -> Result<Sym, PersistError> {
        strings
            .get(index as usize)
            .copied()
            .ok_or_else(|| corrupt(format!("string {index} is not in the table")))
    };
    let optional_sym = |index: u32| index.checked_sub(1).map(sym).transpose();

    let mut metrics = Vec::with_capacity(file.metrics.len());
    for index in &file.metrics {
        let metric: Metric = text(*index)?
            .parse()
            .map_err(|error| corrupt(format!("{error}")))?;
        metrics.push((store.tables.metrics.intern(&metric), metric));
    }
    let mut units = Vec::with_capacity(file.units.len());
    for index in &file.units {
        let unit: Unit = text(*index)?.parse().map_err(corrupt)?;
        units.push((store.tables.units.intern(&unit), unit));
    }
    let mut readings = Vec::with_capacity(file.readings.len());
    for record in &file.readings {
        let read_at = DateTime::<Utc>::from_timestamp(record.seconds, record.nanos)
            .ok_or_else(|| corrupt(format!("reading time {}s is out of range", record.seconds)))?;
        let key = ReadingKey {
            kind: kind_from(record.kind)?,
            location: sym(record.location)?,
            read_at,
            locale: optional_sym(record.locale)?,
        };
        readings.push(store.tables.readings.intern(&key));
    }

    let lookup = Lookup {
        units: &units,
        readings: &readings,
        sym: &sym,
    };
    for record in &file.series {
        let (metric_id, metric) = metrics
            .get(record.metric as usize)
            .cloned()
            .ok_or_else(|| corrupt(format!("metric {} is not in the table", record.metric)))?;
        let key = SeriesKey {
            platform: platform_from(record.platform)?,
            scope: scope_from(record.scope)?,
            distribution: distribution_from(record.distribution)?,
            metric: metric_id,
            account: sym(record.account)?,
            post_id: optional_sym(record.post_id)?,
        };
        let mut series = Series::new(key, metric);
        let mut previous_end: i32 = 0;
        for fact in &record.dated {
            let end = previous_end
                .checked_add(fact.current.end)
                .ok_or_else(|| corrupt("a day is out of range".to_owned()))?;
            previous_end = end;
            let fact = lookup.fact(fact, end, &series.metric)?;
            let period = PeriodKey::of(fact.current.window, fact.current.start, fact.current.end)
                .ok_or_else(|| {
                corrupt("a lifetime value is stored among dated ones".to_owned())
            })?;
            if fact
                .earlier
                .iter()
                .any(|v| PeriodKey::of(v.window, v.start, v.end) != Some(period))
            {
                return Err(corrupt(
                    "an earlier reading belongs to another period".to_owned(),
                ));
            }
            if series.dated.last().is_some_and(|(last, _)| *last >= period) {
                return Err(corrupt(
                    "dated values are out of order or repeated".to_owned(),
                ));
            }
            series.dated.push((period, fact));
        }
        if let Some(record) = &record.lifetime {
            let fact = lookup.fact(record, record.current.end, &series.metric)?;
            let all_lifetime = std::iter::once(&fact.current)
                .chain(&fact.earlier)
                .all(|v| v.window == Window::Lifetime);
            if !all_lifetime {
                return Err(corrupt(
                    "a dated value is stored as a lifetime total".to_owned(),
                ));
            }
            series.lifetime = Some(fact);
        }
        store.facts += series.dated.len() + usize::from(series.lifetime.is_some());
        let position = store.series.len();
        if store.index.insert(key, position).is_some() {
            return Err(corrupt("a series is stored twice".to_owned()));
        }
        store.series.push(series);
    }
    Ok(store)
}

/// The decoded tables a fact refers to.
struct Lookup<'a, S: Fn(u32) -> Result<Sym, PersistError>> {
    units: &'a [(u32, Unit)],
    readings: &'a [u32],
    sym: &'a S,
}

impl<S: Fn(u32) -> Result<Sym, PersistError>> Lookup<'_, S> {
    fn fact(
        &self,
        record: &FactRecord,
        current_end: i32,
        metric: &Metric,
    ) -> Result<Fact, PersistError> {
        let current = self.version(&record.current, current_end, metric)?;
        let first_seen = match record.first_seen.checked_sub(1) {
            None => current.reading,
            Some(index) => self.reading(index)?,
        };
        let earlier = record
            .earlier
            .iter()
            .map(|v| self.version(v, v.end, metric))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Fact {
            current,
            first_seen,
            earlier,
        })
    }

    fn reading(&self, index: u32) -> Result<u32, PersistError> {
        self.readings
            .get(index as usize)
            .copied()
            .ok_or_else(|| corrupt(format!("reading {index} is not in the table")))
    }

    fn version(
        &self,
        record: &VersionRecord,
        end: i32,
        metric: &Metric,
    ) -> Result<Version, PersistError> {
        let end_day = NaiveDate::from_num_days_from_ce_opt(end)
            .ok_or_else(|| corrupt(format!("day {end} is out of range")))?;
        let start = i32::try_from(record.span)
            .ok()
            .and_then(|span| end.checked_sub(span))
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .ok_or_else(|| corrupt(format!("a span of {} days is out of range", record.span)))?;
        let (unit_id, unit) = self
            .units
            .get(record.unit as usize)
            .ok_or_else(|| corrupt(format!("unit {} is not in the table", record.unit)))?;
        let window = window_from(record.window)?;
        let value = record.value.get();
        if let Some(problem) = validate::problem(
            metric,
            unit,
            window,
            start,
            end_day,
            value,
            record.rounded_to,
        ) {
            return Err(corrupt(format!(
                "a stored {metric} value is invalid: {problem}"
            )));
        }
        let sym = self.sym;
        Ok(Version {
            value,
            rounded_to: record.rounded_to,
            unit: *unit_id,
            window,
            start,
            end: end_day,
            name: record.name.checked_sub(1).map(sym).transpose()?,
            reading: self.reading(record.reading)?,
            label: sym(record.label)?,
            raw: sym(record.raw)?,
        })
    }
}

/// Writes the tables in order of first use.
struct Writer<'a> {
    store: &'a Store,
    string_ids: Vec<u32>,
    strings: Vec<Cow<'a, str>>,
    reading_ids: Vec<u32>,
    reading_list: Vec<ReadingRecord>,
    metric_ids: Vec<u32>,
    metric_list: Vec<u32>,
    unit_ids: Vec<u32>,
    unit_list: Vec<u32>,
}

const UNASSIGNED: u32 = u32::MAX;

impl<'a> Writer<'a> {
    fn new(store: &'a Store) -> Writer<'a> {
        let tables = &store.tables;
        Writer {
            store,
            string_ids: vec![UNASSIGNED; tables.strings.len()],
            strings: Vec::new(),
            reading_ids: vec![UNASSIGNED; tables.readings.len()],
            reading_list: Vec::new(),
            metric_ids: vec![UNASSIGNED; tables.metrics.len()],
            metric_list: Vec::new(),
            unit_ids: vec![UNASSIGNED; tables.units.len()],
            unit_list: Vec::new(),
        }
    }

    fn text(&mut self, text: Cow<'a, str>) -> u32 {
        self.strings.push(text);
        u32::try_from(self.strings.len() - 1).unwrap_or(UNASSIGNED)
    }

    fn sym(&mut self, sym: Sym) -> u32 {
        match self.string_ids.get(sym as usize) {
            Some(&id) if id != UNASSIGNED => id,
            _ => {
                let store = self.store;
                let id = self.text(Cow::Borrowed(store.tables.strings.get(sym)));
                if let Some(slot) = self.string_ids.get_mut(sym as usize) {
                    *slot = id;
                }
                id
            }
        }
    }

    fn optional(&mut self, sym: Option<Sym>) -> u32 {
        sym.map_or(0, |sym| self.sym(sym).saturating_add(1))
    }

    fn reading(&mut self, reading: u32) -> u32 {
        if let Some(&id) = self.reading_ids.get(reading as usize) {
            if id != UNASSIGNED {
                return id;
            }
        }
        let key = self.store.tables.reading(reading);
        let record = ReadingRecord {
            kind: kind_code(key.kind),
            location: self.sym(key.location),
            seconds: key.read_at.timestamp(),
            nanos: key.read_at.timestamp_subsec_nanos(),
            locale: self.optional(key.locale),
        };
        self.reading_list.push(record);
        let id = u32::try_from(self.reading_list.len() - 1).unwrap_or(UNASSIGNED);
        if let Some(slot) = self.reading_ids.get_mut(reading as usize) {
            *slot = id;
        }
        id
    }

    fn metric(&mut self, metric: u32, text: &Metric) -> u32 {
        if let Some(&id) = self.metric_ids.get(metric as usize) {
            if id != UNASSIGNED {
                return id;
            }
        }
        let text = self.text(Cow::Owned(text.to_string()));
        self.metric_list.push(text);
        let id = u32::try_from(self.metric_list.len() - 1).unwrap_or(UNASSIGNED);
        if let Some(slot) = self.metric_ids.get_mut(metric as usize) {
            *slot = id;
        }
        id
    }

    fn unit(&mut self, unit: u32) -> u32 {
        if let Some(&id) = self.unit_ids.get(unit as usize) {
            if id != UNASSIGNED {
                return id;
            }
        }
        let text = self.text(Cow::Owned(self.store.tables.unit(unit).to_string()));
        self.unit_list.push(text);
        let id = u32::try_from(self.unit_list.len() - 1).unwrap_or(UNASSIGNED);
        if let Some(slot) = self.unit_ids.get_mut(unit as usize) {
            *slot = id;
        }
        id
    }

    fn series(&mut self, series: &Series) -> SeriesRecord {
        let key = series.key;
        let metric = self.metric(key.metric, &series.metric);
        let account = self.sym(key.account);
        let post_id = self.optional(key.post_id);
        let mut previous_end = 0;
        let mut dated = Vec::with_capacity(series.dated.len());
        for (_, fact) in &series.dated {
            let end = fact.current.end.num_days_from_ce();
            dated.push(self.fact(fact, end - previous_end));
            previous_end = end;
        }
        let lifetime = series
            .lifetime
            .as_ref()
            .map(|fact| self.fact(fact, fact.current.end.num_days_from_ce()));
        SeriesRecord {
            platform: platform_code(key.platform),
            scope: scope_code(key.scope),
            distribution: distribution_code(key.distribution),
            metric,
            account,
            post_id,
            dated,
            lifetime,
        }
    }

    fn fact(&mut self, fact: &Fact, current_end: i32) -> FactRecord {
        let current = self.version(&fact.current, current_end);
        let first_seen = if fact.first_seen == fact.current.reading {
            0
        } else {
            self.reading(fact.first_seen).saturating_add(1)
        };
        let earlier = fact
            .earlier
            .iter()
            .map(|v| self.version(v, v.end.num_days_from_ce()))
            .collect();
        FactRecord {
            current,
            first_seen,
            earlier,
        }
    }

    fn version(&mut self, version: &Version, end: i32) -> VersionRecord {
        let span = (version.end - version.start).num_days();
        VersionRecord {
            window: window_code(version.window),
            end,
            span: u32::try_from(span).unwrap_or(0),
            value: Value::of(version.value),
            rounded_to: version.rounded_to,
            unit: self.unit(version.unit),
            name: self.optional(version.name),
            reading: self.reading(version.reading),
            label: self.sym(version.label),
            raw: self.sym(version.raw),
        }
    }
}

/// The order series are written in: by their key's meaning, not by interning order.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct SeriesOrder<'a> {
    platform: u8,
    account: &'a str,
    scope: u8,
    post_id: Option<&'a str>,
    metric: String,
    distribution: u8,
}

impl<'a> SeriesOrder<'a> {
    fn of(store: &'a Store, series: &'a Series) -> SeriesOrder<'a> {
        let key = &series.key;
        let strings = &store.tables.strings;
        SeriesOrder {
            platform: platform_code(key.platform),
            account: strings.get(key.account),
            scope: scope_code(key.scope),
            post_id: key.post_id.map(|sym| strings.get(sym)),
            metric: series.metric.to_string(),
            distribution: distribution_code(key.distribution),
        }
    }
}

fn corrupt(detail: impl Into<String>) -> PersistError {
    PersistError::Corrupt {
        version: VERSION,
        detail: detail.into(),
    }
}

// The stable codes of the enums. Append new values; never renumber.

pub(super) fn platform_code(platform: Platform) -> u8 {
    match platform {
        Platform::LinkedIn => 0,
        Platform::X => 1,
        Platform::Facebook => 2,
        Platform::Instagram => 3,
        Platform::YouTube => 4,
        Platform::TikTok => 5,
        Platform::Pinterest => 6,
        Platform::Meta => 7,
    }
}

pub(super) fn platform_from(code: u8) -> Result<Platform, PersistError> {
    Platform::ALL
        .into_iter()
        .find(|p| platform_code(*p) == code)
        .ok_or_else(|| corrupt(format!("platform code {code} is unknown")))
}

pub(super) fn scope_code(scope: Scope) -> u8 {
    match scope {
        Scope::Account => 0,
        Scope::Post => 1,
        Scope::Campaign => 2,
        Scope::AdSet => 3,
        Scope::Ad => 4,
    }
}

pub(super) fn scope_from(code: u8) -> Result<Scope, PersistError> {
    [
        Scope::Account,
        Scope::Post,
        Scope::Campaign,
        Scope::AdSet,
        Scope::Ad,
    ]
    .into_iter()
    .find(|s| scope_code(*s) == code)
    .ok_or_else(|| corrupt(format!("scope code {code} is unknown")))
}

fn distribution_code(distribution: Distribution) -> u8 {
    match distribution {
        Distribution::Organic => 0,
        Distribution::Paid => 1,
        Distribution::Total => 2,
    }
}

fn distribution_from(code: u8) -> Result<Distribution, PersistError> {
    [
        Distribution::Organic,
        Distribution::Paid,
        Distribution::Total,
    ]
    .into_iter()
    .find(|d| distribution_code(*d) == code)
    .ok_or_else(|| corrupt(format!("distribution code {code} is unknown")))
}

fn window_code(window: Window) -> u8 {
    match window {
        Window::Day => 0,
        Window::Range => 1,
        Window::Lifetime => 2,
        Window::Snapshot => 3,
    }
}

fn window_from(code: u8) -> Result<Window, PersistError> {
    [
        Window::Day,
        Window::Range,
        Window::Lifetime,
        Window::Snapshot,
    ]
    .into_iter()
    .find(|w| window_code(*w) == code)
    .ok_or_else(|| corrupt(format!("window code {code} is unknown")))
}

pub(super) fn kind_code(kind: SourceKind) -> u8 {
    match kind {
        SourceKind::Page => 0,
        SourceKind::Export => 1,
        SourceKind::Derived => 2,
    }
}

pub(super) fn kind_from(code: u8) -> Result<SourceKind, PersistError> {
    [SourceKind::Page, SourceKind::Export, SourceKind::Derived]
        .into_iter()
        .find(|k| kind_code(*k) == code)
        .ok_or_else(|| corrupt(format!("source kind code {code} is unknown")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_values_are_integers_and_others_stay_exact() {
        for value in [0.0, 1.0, -3.0, 87_780.0, 0.0155, 1e300, -0.0, 2f64.powi(60)] {
            let back = Value::of(value).get();
            assert_eq!(back.to_bits(), value.to_bits(), "{value}");
        }
        assert!(matches!(Value::of(1234.0), Value::Whole(1234)));
        assert!(matches!(Value::of(-0.0), Value::Float(_)));
    }

    #[test]
    fn enum_codes_round_trip() {
        for platform in Platform::ALL {
            assert_eq!(platform_from(platform_code(platform)).unwrap(), platform);
        }
        assert!(platform_from(200).is_err());
        assert!(window_from(4).is_err());
        assert!(kind_from(3).is_err());
    }

    #[test]
    fn garbage_payloads_are_errors_not_panics() {
        for payload in [
            &[][..],
            &[0xff; 64][..],
            &[1, 2, 3][..],
            &[5, 0, 0, 0, 0, 0][..],
        ] {
            assert!(decode(payload).is_err());
        }
    }

    fn version(end: i32) -> VersionRecord {
        VersionRecord {
            window: window_code(Window::Day),
            end,
            span: 0,
            value: Value::Whole(12),
            rounded_to: None,
            unit: 0,
            name: 0,
            reading: 0,
            label: 0,
            raw: 0,
        }
    }

    fn payload(ends: &[i32]) -> Vec<u8> {
        let file = File {
            strings: vec!["count".into(), "impressions".into(), "104857".into()],
            metrics: vec![1],
            units: vec![0],
            readings: vec![ReadingRecord {
                kind: 1,
                location: 2,
                seconds: 1_793_000_000,
                nanos: 0,
                locale: 0,
            }],
            series: vec![SeriesRecord {
                platform: 0,
                scope: 0,
                distribution: 2,
                metric: 0,
                account: 2,
                post_id: 0,
                dated: ends
                    .iter()
                    .map(|end| FactRecord {
                        current: version(*end),
                        first_seen: 0,
                        earlier: Vec::new(),
                    })
                    .collect(),
                lifetime: None,
            }],
        };
        postcard::to_allocvec(&file).unwrap()
    }

    #[test]
    fn crafted_days_are_checked_not_trusted() {
        let october_first = NaiveDate::from_ymd_opt(2026, 10, 1)
            .unwrap()
            .num_days_from_ce();
        let store = decode(&payload(&[october_first, 1])).unwrap();
        assert_eq!(store.len(), 2);
        for ends in [
            &[october_first, i32::MAX][..],
            &[october_first, 0][..],
            &[october_first, -1][..],
            &[i32::MIN][..],
        ] {
            assert!(decode(&payload(ends)).is_err(), "{ends:?}");
        }
    }
}
