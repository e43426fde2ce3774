//! TikTok Ads Manager's report export, as data, from the best facts available: the metric
//! names are TikTok's own (`reference/ads-managers.md`, C) but no export file was seen, so
//! the layout is our assumption, listed in `docs/ad-managers.md`: one row per campaign, ad
//! group or ad (`Campaign name`, `Campaign ID`, …), per day when a `Date` column is present
//! and over the export's period otherwise (from the file name), a `Currency` column or a
//! code in the money headers (`Cost (EUR)`), a `Total` row. Rates are percentages (`0.75%`
//! or `0.75`). The Dutch labels are our translation. This file is data.

use super::ads_report::AdReportSpec;
use super::columns::{col, count, en, metric, nl, own, Reading, Role};
use super::dates::DateOrder;
use super::kinds::{KindSpec, Shape, TotalRow};
use crate::metrics::CanonicalMetric::*;
use crate::model::{Distribution, Platform, Scope};

const C: Reading = Reading::Count;
const MONEY: Reading = Reading::Money;
const RATE: Reading = Reading::PercentNumber;

/// A campaign, ad group or ad report.
pub(crate) static REPORT: KindSpec = KindSpec {
    id: "tiktok_ads_report",
    export: "tiktok_ads_report",
    platform: Platform::TikTok,
    title: "TikTok Ads Manager report export (assumed layout)",
    columns: &[
        col(
            &[en("campaign name"), nl("campagnenaam")],
            Role::EntityName(Scope::Campaign),
        ),
        col(
            &[en("campaign id"), nl("campagne-id")],
            Role::EntityId(Scope::Campaign),
        ),
        col(
            &[en("ad group name"), nl("naam advertentiegroep")],
            Role::EntityName(Scope::AdSet),
        ),
        col(
            &[en("ad group id"), nl("advertentiegroep-id")],
            Role::EntityId(Scope::AdSet),
        ),
        col(
            &[en("ad name"), nl("advertentienaam")],
            Role::EntityName(Scope::Ad),
        ),
        col(
            &[en("ad id"), nl("advertentie-id")],
            Role::EntityId(Scope::Ad),
        ),
        col(
            &[
                en("date"),
                en("by day"),
                en("stat time day"),
                nl("datum"),
                nl("per dag"),
            ],
            Role::Date,
        ),
        col(
            &[
                en("primary status"),
                en("status"),
                en("objective"),
                en("advertising objective"),
                en("budget"),
                en("budget mode"),
                nl("primaire status"),
                nl("status"),
                nl("doel"),
                nl("budget"),
            ],
            Role::Attribute,
        ),
        col(
            &[
                en("cost"),
                en("total cost"),
                nl("kosten"),
                nl("totale kosten"),
            ],
            metric(Spend, MONEY),
        ),
        col(&[en("impressions"), nl("weergaven")], count(Impressions)),
        col(
            &[en("clicks (destination)"), nl("klikken (bestemming)")],
            count(LinkClicks),
        ),
        col(&[en("clicks (all)"), nl("klikken (alle)")], count(Clicks)),
        col(
            &[en("ctr (destination)"), nl("ctr (bestemming)")],
            metric(Ctr, RATE),
        ),
        col(&[en("ctr (all)"), nl("ctr (alle)")], own("ctr_all", RATE)),
        col(
            &[en("cpc (destination)"), nl("cpc (bestemming)")],
            metric(Cpc, MONEY),
        ),
        col(&[en("cpm"), nl("cpm")], metric(Cpm, MONEY)),
        col(&[en("reach"), nl("bereik")], count(Reach)),
        col(
            &[en("frequency"), nl("frequentie")],
            metric(Frequency, Reading::Fraction),
        ),
        col(
            &[
                en("cost per 1,000 people reached"),
                nl("kosten per 1000 bereikte personen"),
            ],
            own("cost_per_1000_reached", MONEY),
        ),
        col(
            &[en("conversions"), nl("conversies")],
            own("conversions", C),
        ),
        col(
            &[en("cost per conversion"), nl("kosten per conversie")],
            own("cost_per_conversion", MONEY),
        ),
        col(
            &[
                en("conversion rate (cvr)"),
                en("conversion rate"),
                en("cvr"),
                nl("conversieratio (cvr)"),
                nl("conversieratio"),
            ],
            own("conversion_rate", RATE),
        ),
        col(
            &[en("cvr (clicks)"), nl("cvr (klikken)")],
            own("cvr_clicks", RATE),
        ),
    ],
    required: &[Role::EntityName(Scope::Campaign), metric(Spend, MONEY)],
    sheet_names: &[],
    sheet_name_required: false,
    shape: Shape::AdReport,
    date_order: DateOrder::MonthFirst,
    unsuffixed: Distribution::Paid,
    promoted_prefix: false,
    total_row: TotalRow::Skip,
    localised_numbers: true,
    permalink_prefix: None,
};

/// What the ad report reader needs beyond the columns.
pub(crate) static SPEC: AdReportSpec = AdReportSpec {
    kind_ids: &["tiktok_ads_report"],
    currency_labels: &[en("currency"), nl("valuta")],
    preamble_start: &[],
    preamble_end: &[],
    date_is_period_start: false,
};
