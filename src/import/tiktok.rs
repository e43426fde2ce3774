//! TikTok exports, as data, from the best facts available: no real export file was seen.
//! Every label here is an assumption listed in `docs/import-assumptions.md`, to be corrected
//! when a real file appears.
//!
//! Assumed: a per-video workbook (`Video title, Video link, Post time, Video views, Likes,
//! Comments, Shares, Add to Favorites`, `Post time` like `2025/12/12 11:30:00`), and a daily
//! overview (`Date, Video views, Profile views, Likes, Comments, Shares`). This file is data.

use super::columns::{col, count, en, Column, Role};
use super::dates::DateOrder;
use super::kinds::{KindSpec, Shape, TotalRow};
use crate::metrics::CanonicalMetric::*;
use crate::model::{Distribution, Platform};

const VIDEO_VIEWS: Column = col(&[en("video views"), en("views")], count(VideoViews));
const LIKES: Column = col(&[en("likes")], count(Reactions));
const COMMENTS: Column = col(&[en("comments")], count(Comments));
const SHARES: Column = col(&[en("shares")], count(Shares));
const FAVORITES: Column = col(
    &[en("add to favorites"), en("favorites"), en("saves")],
    count(Saves),
);

/// Per-video export: lifetime totals as of the export day.
pub(crate) static CONTENT: KindSpec = KindSpec {
    id: "tiktok_content",
    export: "tiktok_content",
    platform: Platform::TikTok,
    title: "TikTok per-video export (assumed layout)",
    columns: &[
        col(&[en("video title")], Role::Title),
        col(&[en("video link")], Role::PostLink),
        col(&[en("video id")], Role::PostId),
        col(&[en("post time")], Role::PublishedAt),
        VIDEO_VIEWS,
        LIKES,
        COMMENTS,
        SHARES,
        FAVORITES,
        col(&[en("reach")], count(Reach)),
    ],
    required: &[Role::PublishedAt, count(VideoViews)],
    sheet_names: &[],
    sheet_name_required: false,
    shape: Shape::PostLifetime,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};

/// Daily account overview.
pub(crate) static OVERVIEW: KindSpec = KindSpec {
    id: "tiktok_overview",
    export: "tiktok_overview",
    platform: Platform::TikTok,
    title: "TikTok daily overview export (assumed layout)",
    columns: &[
        col(&[en("date")], Role::Date),
        VIDEO_VIEWS,
        LIKES,
        COMMENTS,
        SHARES,
        col(&[en("profile views")], count(ProfileVisits)),
    ],
    required: &[Role::Date, count(VideoViews), count(ProfileVisits)],
    sheet_names: &["overview"],
    sheet_name_required: false,
    shape: Shape::Daily,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};
