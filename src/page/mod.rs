//! Reading analytics pages in place: the page snapshot and the label-anchored readers.
//!
//! The browser's content script walks the live DOM into a [`Snapshot`]; natively the same
//! snapshot is built from saved HTML ([`snapshot_from_html`]). [`read_page`] finds the
//! platform's rules for the URL (data files under `rules/`), runs the one generic reader
//! over the snapshot and returns observations plus diagnostics for what it could not read.
//! Nothing here is platform-specific code: platforms are data.

/// Ad managers' tables and summaries (rules `rules/*-ads.toml`), read before the rest.
mod grid;
mod page_select;
mod period;
/// What pages say about posts besides their numbers: permalinks, days, list links.
mod posts;
mod query_value;
mod reader;
pub mod rules;
pub mod snapshot;
mod text;
mod tree;
mod url;

#[cfg(not(target_arch = "wasm32"))]
mod html;
#[cfg(not(target_arch = "wasm32"))]
mod link;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::content::ContentRecord;
use crate::model::{Diagnostic, Observation, Platform};

pub use crate::values::DateRange;
pub use grid::result_type_key;
#[cfg(not(target_arch = "wasm32"))]
pub use html::snapshot_from_html;
pub use snapshot::{Snapshot, SnapshotNode};

/// What one reading of a page found: which page it is, the period it shows, the figures
/// read and what could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageReading {
    /// The platform whose rules know the URL; `None` for a page no rules know.
    pub platform: Option<Platform>,
    /// The page kind from the rules (`page_content`, `creator_post`).
    pub page_kind: Option<String>,
    /// The date range the page shows; `None` for lifetime totals or when it could not be
    /// read (a diagnostic says which).
    pub period: Option<DateRange>,
    pub observations: Vec<Observation>,
    /// What the page said about its posts or ad entities besides their numbers (text,
    /// links, result type, attribution), one record per entity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<ContentRecord>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a page snapshot: observations with provenance, and diagnostics for every metric
/// the page should show but could not be read. `read_at` is when the snapshot was taken;
/// relative periods ("Last 28 days") and lifetime totals are dated from it.
///
/// Figures whose period cannot be read are not recorded (a `period_not_found` diagnostic
/// says so); levels such as total followers are recorded as of `read_at` regardless.
pub fn read_page(snapshot: &Snapshot, read_at: DateTime<Utc>) -> PageReading {
    let url = url::PageUrl::parse(&snapshot.url);
    if let Some(reading) = grid::read_ad_manager(snapshot, &url, read_at) {
        return reading;
    }
    let empty = |diagnostic: Diagnostic| PageReading {
        platform: None,
        page_kind: None,
        period: None,
        observations: Vec::new(),
        content: Vec::new(),
        diagnostics: vec![diagnostic.at(snapshot.url.clone())],
    };
    let rules = match rules::all_rules() {
        Ok(rules) => rules,
        Err(error) => return empty(Diagnostic::error("rules_invalid", error.to_string())),
    };
    match rules::match_url(rules, &url, snapshot) {
        Some(matched) => reader::read_matched(snapshot, &matched, &url, read_at),
        None => empty(Diagnostic::info(
            "unsupported_page",
            "Yardstick does not know this page: no rules match its address",
        )),
    }
}
