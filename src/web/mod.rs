//! The wasm boundary: the only code that knows about wasm-bindgen, and the only exports.
//!
//! A few coarse calls, each doing a lot of work per crossing: read a page snapshot, merge
//! a reading (observations and content records) into the store's bytes, count and list
//! what is stored. Typed structs cross
//! through serde-wasm-bindgen with `Serializer::json_compatible()`, so maps arrive as plain
//! objects that survive `postMessage` and `chrome.storage`. Every export returns
//! `Result<_, JsError>`: bad input from JavaScript becomes an exception with a sentence, never
//! a panic. Nothing here reads a number or decides a merge: that is the core's job.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

/// Campaigns, spot-checks and campaign reports; public so tests/web_campaign.rs can call them.
pub mod campaign;
mod error;
mod import;
mod persist;
mod strategy;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use wasm_bindgen::prelude::*;

pub use error::WebError;

use crate::campaign::words;
use crate::content::ContentRecord;
use crate::metrics::{CanonicalMetric, PLATFORM_FIGURES};
use crate::model::{Language, Metric, Observation};
use crate::page::Snapshot;

/// Runs once when the module is instantiated: panics (bugs) reach the console with a trace.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Converts a Rust value into a plain JavaScript value: objects, not `Map`s (they survive
/// `postMessage` and storage as they are), and bytes as a `Uint8Array`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer =
        serde_wasm_bindgen::Serializer::json_compatible().serialize_bytes_as_arrays(false);
    value
        .serialize(&serializer)
        .map_err(|e| WebError::Output(e.to_string()).into())
}

/// Reads a page snapshot and returns what it found: `{platform, page_kind, period,
/// observations, diagnostics, content}` (`content` left out when the page described no
/// post or ad besides its numbers).
///
/// `snapshot` is the content script's snapshot (`src/page/snapshot.rs`) either as JSON text
/// (what the overlay sends: faster, see `README.md`, "Numbers") or as a plain object;
/// `readAt` is the time of the reading (RFC 3339), since the core has no clock.
#[wasm_bindgen(js_name = "readPage")]
pub fn read_page(snapshot: JsValue, read_at: &str) -> Result<JsValue, JsError> {
    let snapshot: Snapshot = match snapshot.as_string() {
        Some(text) => serde_json::from_str(&text).map_err(WebError::snapshot_json)?,
        None => serde_wasm_bindgen::from_value(snapshot).map_err(WebError::snapshot_object)?,
    };
    let read_at: DateTime<Utc> = DateTime::parse_from_rfc3339(read_at)
        .map_err(|source| WebError::ReadAt {
            text: read_at.to_owned(),
            source,
        })?
        .with_timezone(&Utc);
    to_js(&crate::page::read_page(&snapshot, read_at))
}

/// Merges a reading into the store's bytes (`undefined` when nothing is stored yet): its
/// `observations` (as `readPage` returned them) and its `content` records (the reading's
/// `content`; `undefined` or left out when it has none), in one load and one save so one
/// write persists both. Returns `{bytes, report: {added, replaced, unchanged, outdated,
/// rejected}, content: {kept, refused}, total}`; the caller persists `bytes`.
///
/// Records crossed a message, so each is checked alone: one without a record's shape, or
/// one the store refuses, is listed in `content.refused` with why, and the observations
/// and the other records are kept. Observations that are not observation objects, or that
/// the store refuses, throw, and nothing is to be written.
#[wasm_bindgen(js_name = "mergeReading")]
pub fn merge_reading(
    stored: Option<Vec<u8>>,
    observations: JsValue,
    content: JsValue,
) -> Result<JsValue, JsError> {
    let observations: Vec<Observation> =
        serde_wasm_bindgen::from_value(observations).map_err(WebError::observations)?;
    let (records, refused) = content_records(content)?;
    to_js(&persist::merge(
        stored.as_deref(),
        &observations,
        records,
        refused,
    )?)
}

/// The records of a reading's `content` as JavaScript handed it: the records with a
/// record's shape, and a sentence for each element without one. Nothing (`undefined` or
/// `null`) is no records; anything but a list is refused whole.
fn content_records(content: JsValue) -> Result<(Vec<ContentRecord>, Vec<String>), WebError> {
    if content.is_undefined() || content.is_null() {
        return Ok((Vec::new(), Vec::new()));
    }
    if !js_sys::Array::is_array(&content) {
        let kind = content.js_typeof().as_string().unwrap_or_default();
        return Err(WebError::Content(format!("got a value of type {kind}")));
    }
    let mut records = Vec::new();
    let mut refused = Vec::new();
    for (index, value) in js_sys::Array::from(&content).iter().enumerate() {
        match serde_wasm_bindgen::from_value::<ContentRecord>(value) {
            Ok(record) => records.push(record),
            Err(error) => refused.push(
                WebError::ContentRecord {
                    index,
                    reason: error.to_string(),
                }
                .to_string(),
            ),
        }
    }
    Ok((records, refused))
}

/// How many facts the store's bytes hold.
#[wasm_bindgen(js_name = "countObservations")]
pub fn count_observations(stored: Option<Vec<u8>>) -> Result<u32, JsError> {
    let count = persist::load(stored.as_deref())?.len();
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// Every stored fact as an observation, for the dashboard.
#[wasm_bindgen(js_name = "listObservations")]
pub fn list_observations(stored: Option<Vec<u8>>) -> Result<JsValue, JsError> {
    to_js(&persist::load(stored.as_deref())?.observations())
}

/// Every stored content record (what sources said about a post or an ad besides its
/// numbers), ordered by platform, account, scope and id, for the dashboard.
#[wasm_bindgen(js_name = "listContent")]
pub fn list_content(stored: Option<Vec<u8>>) -> Result<JsValue, JsError> {
    let store = persist::load(stored.as_deref())?;
    let records: Vec<&ContentRecord> = store.content_records().collect();
    to_js(&records)
}

/// Every metric's name in words, `{id: name}`, for the tables that list what was read:
/// each canonical metric and each platform figure in `PLATFORM_FIGURES`, in `language` (a
/// BCP 47 tag; Dutch when it says so, else English). A platform figure without words of
/// its own is named by its id, so a table never shows a blank.
#[wasm_bindgen(js_name = "metricNames")]
pub fn metric_names(language: Option<String>) -> Result<JsValue, JsError> {
    let language = match language.as_deref().and_then(Language::from_tag) {
        Some(Language::Nl) => Language::Nl,
        _ => Language::En,
    };
    let canonical = CanonicalMetric::ALL.iter().map(|m| Metric::Canonical(*m));
    let figures = PLATFORM_FIGURES.iter().map(|figure| figure.metric());
    let names: BTreeMap<String, String> = canonical
        .chain(figures)
        .map(|metric| (metric.to_string(), words::metric_name(&metric, language)))
        .collect();
    to_js(&names)
}
