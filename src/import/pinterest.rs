//! Pinterest exports, as data, from the best facts available: no export header was found
//! publicly, so these columns are Pinterest's UI metric names (`Impressions, Engagements,
//! Pin clicks, Outbound clicks, Saves`) laid out the way analytics exports usually are. Every
//! label is an assumption listed in `docs/import-assumptions.md`. This file is data.

use super::columns::{col, count, en, metric, own, Column, Reading, Role};
use super::dates::DateOrder;
use super::kinds::{KindSpec, Shape, TotalRow};
use crate::metrics::CanonicalMetric::*;
use crate::model::{Distribution, Platform};

const METRICS: [Column; 9] = [
    col(&[en("impressions")], count(Impressions)),
    col(&[en("engagements")], own("engagements", Reading::Count)),
    col(
        &[en("engagement rate")],
        own("engagement_rate", Reading::PercentNumber),
    ),
    col(&[en("pin clicks")], own("pin_clicks", Reading::Count)),
    col(
        &[en("pin click rate")],
        own("pin_click_rate", Reading::PercentNumber),
    ),
    col(&[en("outbound clicks")], count(LinkClicks)),
    col(
        &[en("outbound click rate")],
        metric(Ctr, Reading::PercentNumber),
    ),
    col(&[en("saves")], count(Saves)),
    col(&[en("save rate")], own("save_rate", Reading::PercentNumber)),
];

const fn with(keys: [Column; 4]) -> [Column; 13] {
    let m = METRICS;
    [
        keys[0], keys[1], keys[2], keys[3], m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8],
    ]
}

/// A key slot a table does not use: no label matches it.
const UNUSED: Column = col(&[], Role::Attribute);

static OVERVIEW_COLUMNS: [Column; 13] = with([
    col(&[en("date")], Role::Date),
    col(
        &[en("total audience"), en("engaged audience")],
        Role::Attribute,
    ),
    col(
        &[en("monthly total audience"), en("monthly engaged audience")],
        Role::Attribute,
    ),
    UNUSED,
]);

static PIN_COLUMNS: [Column; 13] = with([
    col(&[en("pin id")], Role::PostId),
    col(&[en("pin link"), en("pin url"), en("url")], Role::PostLink),
    col(
        &[en("pin created date"), en("created date"), en("created at")],
        Role::PublishedAt,
    ),
    // The pin's title: its name on observations and its text on the content record.
    col(&[en("pin title"), en("title")], Role::Title),
]);

/// Daily account overview.
pub(crate) static OVERVIEW: KindSpec = KindSpec {
    id: "pinterest_overview",
    export: "pinterest_overview",
    platform: Platform::Pinterest,
    title: "Pinterest analytics overview export (assumed layout)",
    columns: &OVERVIEW_COLUMNS,
    required: &[Role::Date, own("pin_clicks", Reading::Count)],
    sheet_names: &[],
    sheet_name_required: false,
    shape: Shape::Daily,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};

/// Per-pin export over the export's period.
pub(crate) static PINS: KindSpec = KindSpec {
    id: "pinterest_pins",
    export: "pinterest_pins",
    platform: Platform::Pinterest,
    title: "Pinterest top pins export (assumed layout)",
    columns: &PIN_COLUMNS,
    required: &[own("pin_clicks", Reading::Count)],
    sheet_names: &[],
    sheet_name_required: false,
    shape: Shape::ExportRange,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};
