//! Reading analytics pages in place: the page snapshot and the label-anchored readers.
//!
//! The browser's content script walks the live DOM into a [`Snapshot`]; natively the same
//! snapshot is built from saved HTML. [`read_page`] runs the per-platform rules (data files
//! under `rules/`) over it and returns observations plus diagnostics for what it could not
//! read. Issue #2 builds the LinkedIn slice; issue #5 the other platforms.

pub mod snapshot;

pub use snapshot::{Snapshot, SnapshotNode};
