//! What can go wrong at the wasm boundary, said so the JavaScript side can show it.
//!
//! Each variant names what was being crossed and what to do; `JsError` takes any of them
//! through `?`. This module must not be used by the core: core errors are the core's own.

/// A value from JavaScript that the boundary could not take, or a result it could not hand back.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("the page snapshot is not valid snapshot JSON ({0}); the content script and src/page/snapshot.rs disagree")]
    SnapshotJson(String),
    #[error("the page snapshot object does not have the snapshot shape ({0}); the content script and src/page/snapshot.rs disagree")]
    SnapshotObject(String),
    #[error("readAt {text:?} is not an RFC 3339 time: {source}")]
    ReadAt {
        text: String,
        source: chrono::ParseError,
    },
    #[error("the observations handed to the store are not observation objects ({0})")]
    Observations(String),
    #[error("the content records handed to the store are not a list ({0}); send the reading's `content` as readPage or an import returned it, or leave it out")]
    Content(String),
    #[error("content record {index} does not have a content record's shape ({reason}); it was left out and the rest of the reading kept")]
    ContentRecord { index: usize, reason: String },
    #[error("the stored data cannot be read: {0}")]
    Stored(String),
    #[error("the store refused what was read: {0}")]
    Merge(String),
    #[error("could not hand the result back to JavaScript ({0})")]
    Output(String),
}

impl WebError {
    pub(super) fn snapshot_json(error: serde_json::Error) -> WebError {
        WebError::SnapshotJson(error.to_string())
    }

    pub(super) fn snapshot_object(error: serde_wasm_bindgen::Error) -> WebError {
        WebError::SnapshotObject(error.to_string())
    }

    pub(super) fn observations(error: serde_wasm_bindgen::Error) -> WebError {
        WebError::Observations(error.to_string())
    }
}
