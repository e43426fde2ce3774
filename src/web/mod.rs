//! The wasm boundary: the only code that knows about wasm-bindgen, and the only exports.
//!
//! A few coarse calls, each doing a lot of work per crossing: read a page snapshot, merge
//! observations into the store's bytes, count and list what is stored. Typed structs cross
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

use chrono::{DateTime, Utc};
use serde::Serialize;
use wasm_bindgen::prelude::*;

pub use error::WebError;

use crate::model::Observation;
use crate::page::Snapshot;
use crate::store::MergeReport;

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
/// observations, diagnostics}`.
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

/// What `mergeObservations` hands back: the bytes to persist, what the merge did, and how
/// many facts the store now holds.
#[derive(Debug, Serialize)]
struct Merged {
    /// Crosses as a `Uint8Array`, not an array of numbers.
    #[serde(with = "serde_bytes")]
    bytes: Vec<u8>,
    report: MergeReport,
    total: usize,
}

/// Merges `observations` (as `readPage` returned them) into the store's bytes (`undefined`
/// when nothing is stored yet): `{bytes, report: {added, replaced, unchanged, outdated,
/// rejected}, total}`. The caller persists `bytes`.
#[wasm_bindgen(js_name = "mergeObservations")]
pub fn merge_observations(
    stored: Option<Vec<u8>>,
    observations: JsValue,
) -> Result<JsValue, JsError> {
    let observations: Vec<Observation> =
        serde_wasm_bindgen::from_value(observations).map_err(WebError::observations)?;
    let (bytes, report, total) = persist::merge(stored.as_deref(), &observations)?;
    to_js(&Merged {
        bytes,
        report,
        total,
    })
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
