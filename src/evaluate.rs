//! The evaluator: per KPI and period, actual, target, pacing, forecast and status.
//!
//! Pure functions over the store's answers; built in issue #6.
