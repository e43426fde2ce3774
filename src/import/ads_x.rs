//! X Ads' campaign dashboard export, as data.
//!
//! Facts (`reference/ads-managers.md`): a CSV by day or hour whose columns vary by objective
//! (C): `ID, Campaign, Campaign URL, Time, Campaign start date, Campaign end date, Spend,
//! Impressions, Engagements, Billed engagements, Reposts, Replies, Follows, Clicks, Media
//! engagements, Likes, Card engagements, Unfollows, Engagement rate`; `Reposts` was
//! `Retweets` (C); older files add `Funding Instrument ID/Name` and `Link Clicks` and end
//! with a totals row (U). No currency is named anywhere in those columns: spend is imported
//! only when a `Currency` column, a code in the header or a mark on the amounts names it
//! (our assumption), and reported otherwise. Hour rows are refused. The Dutch labels are our
//! translation in X's Dutch analytics wording. This file is data.

use super::ads_report::AdReportSpec;
use super::columns::{col, count, en, metric, nl, own, Reading, Role};
use super::dates::DateOrder;
use super::kinds::{KindSpec, Shape, TotalRow};
use crate::metrics::CanonicalMetric::*;
use crate::model::{Distribution, Platform, Scope};

const C: Reading = Reading::Count;

/// The campaign dashboard export (by day; hour rows are refused).
pub(crate) static CAMPAIGN_DASHBOARD: KindSpec = KindSpec {
    id: "x_ads_campaigns",
    export: "x_ads_campaigns",
    platform: Platform::X,
    title: "X Ads campaign dashboard export (CSV)",
    columns: &[
        col(
            &[
                en("campaign"),
                en("campaign name"),
                nl("campagne"),
                nl("campagnenaam"),
            ],
            Role::EntityName(Scope::Campaign),
        ),
        col(
            &[en("id"), en("campaign id"), nl("id"), nl("campagne-id")],
            Role::EntityId(Scope::Campaign),
        ),
        col(
            &[en("ad group"), en("ad group name"), nl("advertentiegroep")],
            Role::EntityName(Scope::AdSet),
        ),
        col(
            &[en("ad group id"), nl("advertentiegroep-id")],
            Role::EntityId(Scope::AdSet),
        ),
        col(
            &[en("time"), en("date"), nl("tijd"), nl("datum")],
            Role::Date,
        ),
        col(
            &[
                en("campaign url"),
                en("campaign start date"),
                en("campaign end date"),
                en("funding instrument id"),
                en("funding instrument name"),
                en("objective"),
                en("status"),
                nl("campagne-url"),
                nl("begindatum campagne"),
                nl("einddatum campagne"),
            ],
            Role::Attribute,
        ),
        col(
            &[en("spend"), nl("uitgaven")],
            metric(Spend, Reading::Money),
        ),
        col(&[en("impressions"), nl("weergaven")], count(Impressions)),
        col(
            &[en("engagements"), nl("interacties")],
            own("engagements", C),
        ),
        col(
            &[en("billed engagements"), nl("gefactureerde interacties")],
            own("billed_engagements", C),
        ),
        col(
            &[en("reposts"), en("retweets"), nl("reposts")],
            count(Shares),
        ),
        col(&[en("replies"), nl("antwoorden")], count(Comments)),
        col(&[en("follows"), nl("volgacties")], count(FollowersGained)),
        col(&[en("unfollows"), nl("ontvolgingen")], count(FollowersLost)),
        col(&[en("clicks"), nl("klikken")], own("clicks", C)),
        col(
            &[en("link clicks"), nl("clicks op link")],
            count(LinkClicks),
        ),
        col(
            &[en("media engagements"), nl("media-interacties")],
            own("media_engagements", C),
        ),
        col(
            &[en("media views"), nl("mediaweergaven")],
            own("media_views", C),
        ),
        col(&[en("likes"), nl("vind-ik-leuks")], count(Reactions)),
        col(
            &[en("card engagements"), nl("kaartinteracties")],
            own("card_engagements", C),
        ),
        col(
            &[en("engagement rate"), nl("interactieratio")],
            own("engagement_rate", Reading::Fraction),
        ),
    ],
    required: &[
        Role::EntityName(Scope::Campaign),
        metric(Spend, Reading::Money),
    ],
    sheet_names: &[],
    sheet_name_required: false,
    shape: Shape::AdReport,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Paid,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: false,
    permalink_prefix: None,
};

/// What the ad report reader needs beyond the columns.
pub(crate) static SPEC: AdReportSpec = AdReportSpec {
    kind_ids: &["x_ads_campaigns"],
    currency_labels: &[en("currency"), nl("valuta")],
    preamble_start: &[],
    preamble_end: &[],
    date_is_period_start: false,
};
