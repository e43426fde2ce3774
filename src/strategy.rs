//! The strategy: objectives, KPIs and targets, and the strategy file users share.
//!
//! Built in issue #6.
