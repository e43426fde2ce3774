//! The export kinds Yardstick knows: for each, its platform, its columns (data, in the
//! per-platform files) and how its rows become observations.
//!
//! Adding an export is adding a [`KindSpec`] to a platform file and to [`ALL`]; a renamed
//! column is a label edit. This module must not read files.

use super::columns::{Column, Role};
use super::dates::DateOrder;
use super::{ads_linkedin, ads_pinterest, ads_tiktok, ads_x};
use super::{linkedin, meta, pinterest, tiktok, x, youtube};
use crate::model::{Distribution, Platform};

/// One kind of table an export holds (a file, or one sheet of a workbook).
#[derive(Debug)]
pub(crate) struct KindSpec {
    /// The sheet-level id (`linkedin_page_content_metrics`).
    pub id: &'static str,
    /// The export this sheet belongs to (`linkedin_page_content`): what the summary shows.
    pub export: &'static str,
    pub platform: Platform,
    /// What a person calls it, for the list of supported exports.
    pub title: &'static str,
    pub columns: &'static [Column],
    /// Roles that must all be present for the table to be this kind.
    pub required: &'static [Role],
    /// Normalised sheet or entry names (without `.csv`) that identify the table.
    pub sheet_names: &'static [&'static str],
    /// When true, only a sheet with one of `sheet_names` can be this kind (a `Date, Views`
    /// table alone says too little).
    pub sheet_name_required: bool,
    pub shape: Shape,
    /// How numeric dates like `03/04/2025` read when the file does not show it.
    pub date_order: DateOrder,
    /// The split of columns without an `(organic)`/`(sponsored)` suffix or `promoted` prefix.
    pub unsuffixed: Distribution,
    /// X's legacy exports repeat their columns as `promoted …` for paid delivery.
    pub promoted_prefix: bool,
    /// What to do with a `Total`/`Gesamt` row.
    pub total_row: TotalRow,
    /// Whether a number like `1,234` is localised in this export (Ads Manager, re-saves) or
    /// always written the English way (machine exports).
    pub localised_numbers: bool,
    /// The post's address is this prefix plus its id when the export has no link column
    /// (YouTube's `https://www.youtube.com/watch?v=`); for content records only.
    pub permalink_prefix: Option<&'static str>,
}

/// How a table's rows turn into observations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// One row per day (account scope, or post scope when a post id column is present).
    Daily,
    /// One row per post holding lifetime totals as of the export day.
    PostLifetime,
    /// One row per post (or entity) holding totals over the export's period.
    ExportRange,
    /// One row per ad entity with its own reporting start and end columns.
    ReportingRange,
    /// Meta's page-level daily file: a metric-name line, then `Date, Primary` rows; tables
    /// may be stacked.
    MetaPageDaily,
    /// LinkedIn creator `DISCOVERY`: a period line, then `label | value` rows.
    LinkedInDiscovery,
    /// LinkedIn creator `TOP POSTS`: tables side by side.
    LinkedInTopPosts,
    /// LinkedIn creator `FOLLOWERS`: `Total followers on DATE:` and a daily table.
    LinkedInCreatorFollowers,
    /// An ad manager's report: entity rows per day, month or report period (`ads_report`).
    AdReport,
}

/// What a total row means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TotalRow {
    /// Skip it: it sums the rows that follow (said in an info diagnostic).
    Skip,
    /// Keep it as the account's total over the export period (YouTube's `Total` row also
    /// counts videos the table does not list).
    AccountRange,
}

impl KindSpec {
    /// The order sheets are read in: daily tables first, so range tables can take the
    /// export period from them.
    pub(crate) fn reading_order(&self) -> u8 {
        match self.shape {
            Shape::Daily | Shape::MetaPageDaily | Shape::LinkedInDiscovery => 0,
            Shape::LinkedInCreatorFollowers | Shape::PostLifetime | Shape::ReportingRange => 1,
            Shape::AdReport => 1,
            Shape::ExportRange | Shape::LinkedInTopPosts => 2,
        }
    }
}

/// Every kind, in detection order (earlier wins a tie).
pub(crate) static ALL: &[&KindSpec] = &[
    &x::TWEET_ACTIVITY,
    &x::DAILY_TWEET_ACTIVITY,
    &x::ACCOUNT_OVERVIEW,
    &x::ACCOUNT_CONTENT,
    &x::VIDEO_OVERVIEW,
    &linkedin::PAGE_METRICS,
    &linkedin::PAGE_POSTS,
    &linkedin::VISITOR_METRICS,
    &linkedin::NEW_FOLLOWERS,
    &linkedin::CREATOR_DISCOVERY,
    &linkedin::CREATOR_ENGAGEMENT,
    &linkedin::CREATOR_TOP_POSTS,
    &linkedin::CREATOR_FOLLOWERS,
    &meta::FACEBOOK_POSTS,
    &meta::INSTAGRAM_POSTS,
    &meta::FACEBOOK_INSIGHTS_LEGACY_POSTS,
    &meta::PAGE_DAILY,
    &meta::ADS_MANAGER,
    &ads_linkedin::CAMPAIGN_MANAGER,
    &ads_linkedin::CAMPAIGN_MANAGER_RENAMED,
    &ads_x::CAMPAIGN_DASHBOARD,
    &ads_tiktok::REPORT,
    &ads_pinterest::REPORT,
    &youtube::TABLE_DATA,
    &youtube::CHART_DATA,
    &youtube::TOTALS,
    &tiktok::CONTENT,
    &tiktok::OVERVIEW,
    &pinterest::OVERVIEW,
    &pinterest::PINS,
];

/// The supported exports, one line each, for "not recognised" messages.
pub(crate) fn supported_list() -> String {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for kind in ALL {
        if !seen.contains(&kind.export) {
            seen.push(kind.export);
            out.push(format!("{} ({})", kind.title, kind.platform.display_name()));
        }
    }
    out.join("; ")
}
