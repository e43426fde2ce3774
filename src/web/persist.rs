//! The store's bytes as the extension persists them: IndexedDB keeps them opaque, the core's
//! [`Store`] owns the format (versioned, checked, migrated).
//!
//! This module only converts: bytes in (none when nothing was stored yet) → a store, and a
//! store → bytes out, with the boundary's error type; a reading's observations and content
//! records go through one load and one save, so one write persists both. Merge rules live
//! in `crate::store`.

use serde::Serialize;

use super::WebError;
use crate::content::ContentRecord;
use crate::model::Observation;
use crate::store::{MergeReport, Store};

/// What a merge hands back to JavaScript: the bytes to persist, what the merge did to the
/// facts and to the content records, and how many facts the store holds afterwards.
#[derive(Debug, Serialize)]
pub(super) struct Merged {
    /// Crosses as a `Uint8Array`, not an array of numbers.
    #[serde(with = "serde_bytes")]
    pub bytes: Vec<u8>,
    pub report: MergeReport,
    pub content: ContentReport,
    pub total: usize,
}

/// What merging the content records did: how many were kept, and why each refused one was
/// refused (a sentence per record; records that did not even have a record's shape
/// included).
#[derive(Debug, Default, Serialize)]
pub(super) struct ContentReport {
    pub kept: usize,
    pub refused: Vec<String>,
}

/// The store the bytes hold; an empty store when nothing was stored yet.
pub(super) fn load(bytes: Option<&[u8]>) -> Result<Store, WebError> {
    match bytes {
        None => Ok(Store::new()),
        Some(bytes) => Store::from_bytes(bytes).map_err(|e| WebError::Stored(e.to_string())),
    }
}

/// Merges `observations` and `records` into the stored bytes in one load and one save.
/// `refused` are the sentences about records the boundary could not even take; they are
/// reported beside the store's own refusals. A refused record never stops the
/// observations or the other records from being kept; observations the store refuses
/// (a batch is refused whole) fail the merge, and then nothing is to be written.
pub(super) fn merge(
    bytes: Option<&[u8]>,
    observations: &[Observation],
    records: impl IntoIterator<Item = ContentRecord>,
    refused: Vec<String>,
) -> Result<Merged, WebError> {
    let mut store = load(bytes)?;
    let report = store
        .merge(observations)
        .map_err(|e| WebError::Merge(e.to_string()))?;
    let merged_content = store.merge_content(records);
    let mut content = ContentReport {
        kept: merged_content.kept,
        refused,
    };
    content
        .refused
        .extend(merged_content.refused.iter().map(ToString::to_string));
    let bytes = store
        .to_bytes()
        .map_err(|e| WebError::Output(e.to_string()))?;
    Ok(Merged {
        bytes,
        report,
        content,
        total: store.len(),
    })
}
