//! Migrations: bytes of an earlier store version into the current store.
//!
//! Version 1 was a plain JSON array of observations; it becomes a store by merging the
//! array as one batch, so every current rule (one fact per key, newest reading wins,
//! computed values derived again) applies to old data exactly as to new. An invalid
//! observation refuses the whole load with the reason; the caller keeps the old bytes.
//!
//! Version 2 is version 3 without content records: its tables load as they are
//! ([`super::format_v2`]), and the store has no records until a reading brings them.

use crate::model::Observation;
use crate::store::error::PersistError;
use crate::store::persist::Loaded;
use crate::store::{format_v2, Store};

/// Loads version 1: a JSON array of observations.
pub(crate) fn from_v1(json: &[u8]) -> Result<Loaded, PersistError> {
    let observations: Vec<Observation> =
        serde_json::from_slice(json).map_err(|error| PersistError::Corrupt {
            version: 1,
            detail: format!("the JSON array of observations could not be read ({error})"),
        })?;
    let mut store = Store::new();
    let report = store
        .merge(&observations)
        .map_err(|error| PersistError::Corrupt {
            version: 1,
            detail: error.to_string(),
        })?;
    Ok(Loaded {
        store,
        version: 1,
        rejected: report.rejected,
    })
}

/// Loads version 2's payload (after the envelope, whose checksum the caller checked): the
/// facts as they were, and no content records.
pub(crate) fn from_v2(payload: &[u8]) -> Result<Loaded, PersistError> {
    Ok(Loaded {
        store: format_v2::decode(payload)?,
        version: 2,
        rejected: Vec::new(),
    })
}
