//! The store's errors: a refused batch, a question the store cannot answer honestly, and
//! bytes that are not a store it can load. Each says what, where and what to do.
//!
//! A missing number is not an error: queries answer `None` for "nothing stored".

use crate::model::{Metric, Platform, Unit};
use crate::store::range::BackwardsRange;
use crate::store::validate::InvalidObservation;

/// Why a batch was not merged. The store is unchanged when merge returns one.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MergeError {
    /// Some observations of the batch contradict themselves; none of the batch was stored.
    #[error(
        "refused a batch of {batch_len} observations, nothing stored: {} invalid, first {}; \
         fix the reader or the file and merge the batch again",
        invalid.len(),
        invalid.first().map(ToString::to_string).unwrap_or_default()
    )]
    InvalidBatch {
        batch_len: usize,
        invalid: Vec<InvalidObservation>,
    },
}

/// Why a query has no honest answer.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum QueryError {
    #[error(transparent)]
    BackwardsRange(#[from] BackwardsRange),
    /// Values in different units (euros and dollars, say) cannot be added.
    #[error("{metric} is stored in different units ({}) for the selected platforms or accounts; select one currency's accounts", list(units))]
    MixedUnits { metric: Metric, units: Vec<Unit> },
    /// Engagement rates over different denominators (impressions here, reach there) are not
    /// one number.
    #[error("{metric} divides by impressions on some selected platforms and by reach on others; select platforms with the same denominator")]
    MixedDenominators {
        metric: Metric,
        platforms: Vec<Platform>,
    },
    /// A non-additive metric (reach, a platform's own rate) cannot be added across accounts or
    /// platforms: the audiences overlap.
    #[error("{metric} is not additive and {entities} selected accounts or posts have a value; select one")]
    NotAdditive { metric: Metric, entities: usize },
}

fn list(units: &[Unit]) -> String {
    units
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why bytes could not be loaded as a store. The caller keeps its bytes: nothing was lost.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PersistError {
    #[error("these bytes are not a Yardstick store (no store header and not a JSON array of observations); keep them and check where they came from")]
    Unrecognized,
    #[error("this store was written by a newer Yardstick (format version {found}; this build reads up to {supported}); update Yardstick, the stored data is untouched")]
    FutureVersion { found: u32, supported: u32 },
    #[error("store format version {found} does not exist (versions 1 to {supported}); the header is damaged, keep the bytes")]
    UnknownVersion { found: u32, supported: u32 },
    #[error("the store is damaged: its checksum is {found:08x} where {expected:08x} was written; keep the bytes and restore a backup or re-import the files")]
    ChecksumMismatch { expected: u32, found: u32 },
    #[error(
        "the store could not be encoded ({detail}); nothing was written, keep the previous bytes"
    )]
    Encode { detail: String },
    #[error("the store (format version {version}) could not be decoded: {detail}; keep the bytes and restore a backup or re-import the files")]
    Corrupt { version: u32, detail: String },
}
