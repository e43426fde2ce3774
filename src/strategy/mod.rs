//! The strategy: objectives, KPIs and targets, and the strategy file users share.
//!
//! - [`model`]: the types ([`Strategy`], [`Objective`], [`Kpi`]) the evaluator reads.
//! - [`measure`]: which aggregations give a comparable value for which metric.
//! - [`period`]: weeks (ISO), months, quarters, years and custom dates as date ranges.
//! - [`file`]: the versioned JSON file; import validates and names every problem.
//! - [`templates`]: ready-made strategies to start from.
//!
//! Nothing here reads the store or evaluates: see [`crate::evaluate`].

pub mod file;
pub mod measure;
pub mod model;
pub mod period;
pub(crate) mod reader;
mod schema;
pub mod templates;

pub use file::{export, import, Problem, StrategyFileError};
pub use model::{
    Aggregation, Campaign, Direction, Kpi, Objective, ObjectiveKind, PeriodSpec, PlatformScope,
    Strategy,
};
pub use period::{Cadence, DateRange, RangeDays};
