//! Yardstick's core: hold an organisation's social strategy against its real results,
//! locally.
//!
//! The core is plain Rust with no browser dependency. It reads analytics pages (as a
//! [`page::Snapshot`] of the DOM) and export files into [`model::Observation`]s, merges them
//! in a [`store`], and evaluates a [`strategy`] against them. The browser extension reaches
//! it through the one thin wasm boundary in `web` (wasm32 only); the `yardstick` CLI reaches
//! it natively. Nothing here performs I/O beyond what callers hand in: no network, no clock
//! (the time of a reading is always an argument).
//!
//! # Organization
//! - [`model`], [`metrics`]: the ground floor — platforms, metrics, observations.
//! - [`content`]: what sources say about a post or ad besides its numbers (text, links,
//!   result type, attribution), one record per entity beside the observations.
//! - [`values`]: locale-proof numbers, durations, currencies, dates and periods.
//! - [`page`]: the page snapshot and the label-anchored readers driven by `rules/`.
//! - [`import`]: the platforms' export files (CSV, XLSX, ZIP).
//! - [`store`]: merging observations without double counting; the persistence format.
//! - [`strategy`], [`evaluate`]: objectives and KPI targets; actual, pacing, forecast, status.
//!
//! Data flows one way: nothing in a lower module imports a higher one.

pub mod campaign;
pub mod content;
pub mod derive;
pub mod evaluate;
pub mod import;
pub mod metrics;
pub mod model;
pub mod page;
pub mod report;
pub mod store;
pub mod strategy;
pub mod values;

#[cfg(target_arch = "wasm32")]
pub mod web;
