//! The store's bytes as the extension persists them: IndexedDB keeps them opaque, the core's
//! [`Store`] owns the format (versioned, checked, migrated).
//!
//! This module only converts: bytes in (none when nothing was stored yet) → a store, and a
//! store → bytes out, with the boundary's error type. Merge rules live in `crate::store`.

use super::WebError;
use crate::model::Observation;
use crate::store::{MergeReport, Store};

/// The store the bytes hold; an empty store when nothing was stored yet.
pub(super) fn load(bytes: Option<&[u8]>) -> Result<Store, WebError> {
    match bytes {
        None => Ok(Store::new()),
        Some(bytes) => Store::from_bytes(bytes).map_err(|e| WebError::Stored(e.to_string())),
    }
}

/// Merges `incoming` into the stored bytes: the new bytes, what the merge did, and how many
/// facts the store holds afterwards.
pub(super) fn merge(
    bytes: Option<&[u8]>,
    incoming: &[Observation],
) -> Result<(Vec<u8>, MergeReport, usize), WebError> {
    let mut store = load(bytes)?;
    let report = store
        .merge(incoming)
        .map_err(|e| WebError::Merge(e.to_string()))?;
    let bytes = store
        .to_bytes()
        .map_err(|e| WebError::Output(e.to_string()))?;
    Ok((bytes, report, store.len()))
}
