//! The store's bytes as the extension persists them (IndexedDB keeps them opaque).
//!
//! Interim until `crate::store::Store` (issue #3) lands: a versioned JSON list in which a
//! later reading of the same fact (same platform, account, scope, entity, metric,
//! distribution, window and days) replaces the earlier one. When the store exists this
//! module only converts between its `to_bytes`/`from_bytes` and the exports.

use serde::{Deserialize, Serialize};

use super::WebError;
use crate::model::Observation;

/// The persisted format's version; a newer one is refused rather than misread.
const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct Persisted {
    version: u32,
    observations: Vec<Observation>,
}

/// The stored observations; none when nothing was stored yet.
pub(super) fn load(bytes: Option<&[u8]>) -> Result<Vec<Observation>, WebError> {
    let Some(bytes) = bytes else {
        return Ok(Vec::new());
    };
    let persisted: Persisted =
        serde_json::from_slice(bytes).map_err(|e| WebError::Stored(e.to_string()))?;
    if persisted.version > FORMAT_VERSION {
        return Err(WebError::Stored(format!(
            "format version {} is newer",
            persisted.version
        )));
    }
    Ok(persisted.observations)
}

/// Merges `incoming` into the stored observations and returns the bytes to persist.
pub(super) fn merge(bytes: Option<&[u8]>, incoming: Vec<Observation>) -> Result<Vec<u8>, WebError> {
    let mut observations = load(bytes)?;
    for observation in incoming {
        match observations
            .iter_mut()
            .find(|kept| same_fact(kept, &observation))
        {
            Some(kept) if kept.source.read_at <= observation.source.read_at => *kept = observation,
            Some(_) => {}
            None => observations.push(observation),
        }
    }
    let persisted = Persisted {
        version: FORMAT_VERSION,
        observations,
    };
    serde_json::to_vec(&persisted).map_err(|e| WebError::Output(e.to_string()))
}

/// True when two observations state the same fact (possibly with different values).
fn same_fact(a: &Observation, b: &Observation) -> bool {
    a.platform == b.platform
        && a.account == b.account
        && a.scope == b.scope
        && a.post_id == b.post_id
        && a.metric == b.metric
        && a.distribution == b.distribution
        && a.window == b.window
        && a.start == b.start
        && a.end == b.end
}
