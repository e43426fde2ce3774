//! Meta exports, as data: Business Suite post exports for Facebook and Instagram (BOM,
//! 32–34 columns that vary month to month, a duplicated `Reactions`, `Lifetime` in the date
//! column, `N/A` cells), 2015-era Insights post exports, page-level daily files (UTF-16 LE
//! with `sep=,`, read in `meta_daily.rs`), and Ads Manager exports with the currency in money
//! headers (English and Dutch labels from `reference/ads-managers.md`).
//!
//! Meta's `Views` (which count repeat views, and replaced `Impressions` in 2024–25) are kept
//! as the platform's own figure (`facebook:views`), never renamed to impressions; older files'
//! `Impressions` are impressions. This file is data; it must not hold reading logic.

use super::columns::{
    any, col, count, count_split, de, en, es, fr, metric, nl, own, Column, Reading, Role,
};
use super::dates::DateOrder;
use super::kinds::{KindSpec, Shape, TotalRow};
use crate::metrics::CanonicalMetric::*;
use crate::model::{Distribution, Platform, Scope};

const C: Reading = Reading::Count;

const POST_ID: Column = col(
    &[
        en("post id"),
        nl("bericht-id"),
        de("beitrags-id"),
        fr("id de la publication"),
        es("identificador de la publicación"),
    ],
    Role::PostId,
);
const PUBLISH_TIME: Column = col(
    &[
        en("publish time"),
        nl("publicatietijd"),
        de("veröffentlichungszeitpunkt"),
        fr("heure de publication"),
        es("hora de publicación"),
    ],
    Role::PublishedAt,
);
const DATE: Column = col(
    &[
        en("date"),
        nl("datum"),
        de("datum"),
        fr("date"),
        es("fecha"),
    ],
    Role::Date,
);
const PERMALINK: Column = col(&[en("permalink"), any("permalink")], Role::PostLink);
/// Meta's `Views` (2024–25) count repeat views under their own rule: kept as the platform's
/// own figure (`facebook:views`, `instagram:views`), as the page readers do.
const VIEWS: Column = col(
    &[
        en("views"),
        nl("weergaven"),
        de("aufrufe"),
        fr("vues"),
        es("visualizaciones"),
    ],
    own("views", C),
);
/// Files from before the rename say `Impressions`, which were impressions.
const IMPRESSIONS: Column = col(&[en("impressions"), nl("vertoningen")], count(Impressions));
const REACH: Column = col(
    &[
        en("reach"),
        nl("bereik"),
        de("reichweite"),
        fr("couverture"),
        es("alcance"),
    ],
    count(Reach),
);
const COMMENTS: Column = col(&[en("comments")], count(Comments));
const SHARES: Column = col(&[en("shares")], count(Shares));
const POST_ATTRIBUTES: Column = col(
    &[
        en("page id"),
        en("account id"),
        en("account name"),
        en("duration (sec)"),
        en("caption type"),
        en("is crosspost"),
        en("is share"),
        en("post type"),
        en("languages"),
        en("custom labels"),
        en("funded content status"),
        en("data comment"),
    ],
    Role::Attribute,
);

/// The post's text (Facebook's `Title` is a video's title; the message is here).
const DESCRIPTION: Column = col(&[en("description")], Role::Text);

/// Business Suite Facebook post export: lifetime totals as of the export day.
pub(crate) static FACEBOOK_POSTS: KindSpec = KindSpec {
    id: "facebook_posts",
    export: "facebook_posts",
    platform: Platform::Facebook,
    title: "Meta Business Suite Facebook post export (CSV)",
    columns: &[
        POST_ID,
        PUBLISH_TIME,
        DATE,
        PERMALINK,
        VIEWS,
        IMPRESSIONS,
        REACH,
        COMMENTS,
        SHARES,
        POST_ATTRIBUTES,
        DESCRIPTION,
        col(&[en("page name")], Role::AccountName),
        col(&[en("title")], Role::Title),
        col(
            &[en("reactions, comments and shares")],
            own("reactions_comments_and_shares", C),
        ),
        col(&[en("reactions")], count(Reactions)),
        col(&[en("total clicks")], count(Clicks)),
        col(&[en("other clicks")], own("other_clicks", C)),
        col(&[en("link clicks")], count(LinkClicks)),
        col(
            &[en("negative feedback from users: hide all")],
            own("negative_feedback_hide_all", C),
        ),
        col(&[en("seconds viewed")], metric(WatchTime, Reading::Seconds)),
        col(
            &[en("average seconds viewed")],
            metric(AvgViewDuration, Reading::Seconds),
        ),
        col(
            &[en("estimated earnings")],
            own("estimated_earnings", Reading::Money),
        ),
        col(&[en("ad cpm")], own("ad_cpm", Reading::Money)),
        col(&[en("ad impressions")], own("ad_impressions", C)),
    ],
    required: &[Role::PostId, count(Reach)],
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

/// Business Suite Instagram post export: lifetime totals as of the export day.
pub(crate) static INSTAGRAM_POSTS: KindSpec = KindSpec {
    id: "instagram_posts",
    export: "instagram_posts",
    platform: Platform::Instagram,
    title: "Meta Business Suite Instagram post export (CSV)",
    columns: &[
        POST_ID,
        PUBLISH_TIME,
        DATE,
        PERMALINK,
        VIEWS,
        IMPRESSIONS,
        REACH,
        COMMENTS,
        SHARES,
        POST_ATTRIBUTES,
        DESCRIPTION,
        col(&[en("account username")], Role::AccountName),
        col(&[en("likes")], count(Reactions)),
        col(&[en("saves")], count(Saves)),
        col(&[en("follows")], count(FollowersGained)),
        col(&[en("plays")], count(VideoViews)),
        col(&[en("profile visits")], count(ProfileVisits)),
    ],
    required: &[Role::PostId, count(Reach)],
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

/// 2015-era Facebook Insights post export: names in the first header row, descriptions in
/// the second; the split is in the label (`Lifetime Post Paid Reach`).
pub(crate) static FACEBOOK_INSIGHTS_LEGACY_POSTS: KindSpec = KindSpec {
    id: "facebook_insights_legacy_posts",
    export: "facebook_insights_legacy_posts",
    platform: Platform::Facebook,
    title: "Facebook Insights post export (2015 era)",
    columns: &[
        POST_ID,
        PERMALINK,
        col(&[en("post message")], Role::Title),
        col(&[en("posted")], Role::PublishedAt),
        col(
            &[
                en("type"),
                en("countries"),
                en("languages"),
                en("audience targeting"),
            ],
            Role::Attribute,
        ),
        col(
            &[en("lifetime post total reach")],
            count_split(Reach, Distribution::Total),
        ),
        col(
            &[en("lifetime post organic reach")],
            count_split(Reach, Distribution::Organic),
        ),
        col(
            &[en("lifetime post paid reach")],
            count_split(Reach, Distribution::Paid),
        ),
        col(
            &[en("lifetime post total impressions")],
            count_split(Impressions, Distribution::Total),
        ),
        col(
            &[en("lifetime post organic impressions")],
            count_split(Impressions, Distribution::Organic),
        ),
        col(
            &[en("lifetime post paid impressions")],
            count_split(Impressions, Distribution::Paid),
        ),
        col(&[en("lifetime engaged users")], own("engaged_users", C)),
        col(&[en("lifetime post consumers")], own("post_consumers", C)),
        col(
            &[en("lifetime post consumptions")],
            own("post_consumptions", C),
        ),
        col(
            &[en("lifetime negative feedback")],
            own("negative_feedback", C),
        ),
    ],
    required: &[Role::PostId, count_split(Reach, Distribution::Total)],
    sheet_names: &["key metrics"],
    sheet_name_required: false,
    shape: Shape::PostLifetime,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};

/// Page-level daily file: the metric name line decides the metric (labels below, after the
/// `Facebook `/`Instagram ` prefix is taken off).
pub(crate) static PAGE_DAILY: KindSpec = KindSpec {
    id: "meta_page_daily",
    export: "meta_page_daily",
    platform: Platform::Facebook,
    title: "Meta Business Suite page-level daily file (UTF-16, sep=,)",
    columns: &[
        col(
            &[en("follows"), en("new follows"), en("new followers")],
            count(FollowersGained),
        ),
        col(&[en("unfollows")], count(FollowersLost)),
        col(&[en("followers")], metric(Followers, Reading::Level)),
        col(
            &[en("visits"), en("page visits"), en("profile visits")],
            count(ProfileVisits),
        ),
        col(&[en("reach")], count(Reach)),
        col(&[en("views"), en("impressions")], count(Impressions)),
        col(
            &[en("interactions"), en("content interactions")],
            own("content_interactions", C),
        ),
        col(&[en("link clicks")], count(LinkClicks)),
    ],
    required: &[],
    sheet_names: &[],
    sheet_name_required: false,
    shape: Shape::MetaPageDaily,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Total,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};

/// Ads Manager export: one row per campaign, ad set or ad over its reporting range (or per
/// day when broken down by day). Dutch files write decimal commas.
pub(crate) static ADS_MANAGER: KindSpec = KindSpec {
    id: "meta_ads_manager",
    export: "meta_ads_manager",
    platform: Platform::Meta,
    title: "Meta Ads Manager export (CSV/XLSX, English or Dutch)",
    columns: &[
        col(
            &[en("reporting starts"), nl("start rapportage")],
            Role::RangeStart,
        ),
        col(
            &[en("reporting ends"), nl("einde rapportage")],
            Role::RangeEnd,
        ),
        col(
            &[en("campaign name"), nl("campagnenaam")],
            Role::EntityName(Scope::Campaign),
        ),
        col(
            &[en("ad set name"), nl("naam advertentieset")],
            Role::EntityName(Scope::AdSet),
        ),
        col(
            &[en("ad name"), nl("advertentienaam")],
            Role::EntityName(Scope::Ad),
        ),
        col(
            &[en("campaign id"), nl("campagne-id")],
            Role::EntityId(Scope::Campaign),
        ),
        col(
            &[en("ad set id"), nl("id advertentieset")],
            Role::EntityId(Scope::AdSet),
        ),
        col(
            &[en("ad id"), nl("advertentie-id")],
            Role::EntityId(Scope::Ad),
        ),
        col(
            &[
                en("campaign delivery"),
                en("ad set delivery"),
                en("ad delivery"),
                en("delivery"),
                en("delivery status"),
                en("delivery level"),
                en("ad set budget type"),
                en("starts"),
                en("ends"),
                en("bid"),
                en("bid type"),
                en("last significant edit"),
                en("quality ranking"),
                en("engagement rate ranking"),
                en("conversion rate ranking"),
                nl("campagneweergave"),
                nl("weergavestatus"),
                nl("begint op"),
                nl("eindigt op"),
                nl("kwaliteitsscore"),
                nl("rangschikking betrokkenheidspercentage"),
                nl("score conversieratio"),
            ],
            Role::Attribute,
        ),
        // What the results count: the result type in words (newer exports) or the result
        // indicator (`actions:offsite_conversion.fb_pixel_purchase`); kept on the entity's
        // content record, with the attribution setting they were counted under. The Dutch
        // attribution label is derived from Meta's Dutch UI (no real Dutch file seen).
        col(
            &[
                en("result type"),
                en("result indicator"),
                nl("resultaattype"),
                nl("resultatenindicator"),
            ],
            Role::ResultType,
        ),
        col(
            &[
                en("attribution setting"),
                nl("attributie-instelling"),
                nl("attributie instelling"),
            ],
            Role::Attribution,
        ),
        col(
            &[en("amount spent"), nl("besteed bedrag")],
            metric(Spend, Reading::Money),
        ),
        col(&[en("results"), nl("resultaten")], count(Results)),
        col(
            &[
                en("cost per results"),
                en("cost per result"),
                nl("kosten per resultaten"),
                nl("kosten per resultaat"),
            ],
            metric(CostPerResult, Reading::Money),
        ),
        col(
            &[en("ad set budget"), nl("budget advertentieset")],
            own("ad_set_budget", Reading::Money),
        ),
        col(&[en("impressions"), nl("weergaven")], count(Impressions)),
        col(&[en("reach"), nl("bereik")], count(Reach)),
        col(
            &[en("frequency"), nl("frequentie")],
            metric(Frequency, Reading::Fraction),
        ),
        col(
            &[
                en("cpm (cost per 1,000 impressions)"),
                nl("cpm (kosten per 1000 weergaven)"),
                nl("cpm (kosten per 1.000 weergaven)"),
            ],
            metric(Cpm, Reading::Money),
        ),
        col(
            &[
                en("link clicks"),
                nl("klikken op links"),
                nl("klikken op link"),
            ],
            count(LinkClicks),
        ),
        col(&[en("clicks (all)"), nl("klikken (alle)")], count(Clicks)),
        col(
            &[
                en("cpc (cost per link click)"),
                nl("cpc (kosten per klik op link)"),
            ],
            metric(Cpc, Reading::Money),
        ),
        col(
            &[
                en("ctr (link click-through rate)"),
                nl("ctr (doorklikratio voor klikken op link)"),
            ],
            metric(Ctr, Reading::PercentNumber),
        ),
        col(
            &[en("ctr (all)"), nl("ctr (alle)")],
            own("ctr_all", Reading::PercentNumber),
        ),
        col(
            &[en("landing page views"), nl("weergaven van landingspagina")],
            own("landing_page_views", C),
        ),
        col(
            &[
                de("ausgegebener betrag"),
                fr("montant dépensé"),
                es("importe gastado"),
            ],
            metric(Spend, Reading::Money),
        ),
    ],
    required: &[metric(Spend, Reading::Money)],
    sheet_names: &["worksheet"],
    sheet_name_required: false,
    shape: Shape::ReportingRange,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Paid,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: true,
    permalink_prefix: None,
};
