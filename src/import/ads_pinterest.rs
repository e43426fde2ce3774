//! Pinterest Ads' report export, as data, from the best facts available: the metric names
//! are Pinterest's own (`reference/ads-managers.md`, C) but the export's header strings were
//! not verified, so the layout is our assumption, listed in `docs/ad-managers.md`: one row
//! per campaign, ad group or ad per day (`Date`), `Spend in account currency` (or `Spend`)
//! with the currency in a `Currency` column or in the header, rates as percentages. Pin
//! clicks stay `pinterest:pin_clicks` (one kind of click), Pinterest's own CTR stays
//! `pinterest:ctr`; outbound clicks are link clicks. The Dutch labels are our translation.
//! This file is data.

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
    id: "pinterest_ads_report",
    export: "pinterest_ads_report",
    platform: Platform::Pinterest,
    title: "Pinterest Ads report export (assumed layout)",
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
            &[
                en("ad name"),
                en("promoted pin name"),
                en("pin promotion name"),
                nl("advertentienaam"),
            ],
            Role::EntityName(Scope::Ad),
        ),
        col(
            &[en("ad id"), en("pin promotion id"), nl("advertentie-id")],
            Role::EntityId(Scope::Ad),
        ),
        col(&[en("date"), nl("datum")], Role::Date),
        col(
            &[
                en("campaign status"),
                en("ad group status"),
                en("campaign objective"),
                en("status"),
                nl("campagnestatus"),
                nl("status"),
                nl("campagnedoel"),
            ],
            Role::Attribute,
        ),
        col(
            &[
                en("spend in account currency"),
                en("spend"),
                nl("uitgaven in accountvaluta"),
                nl("uitgaven"),
            ],
            metric(Spend, MONEY),
        ),
        col(
            &[en("impressions"), en("paid impressions"), nl("weergaven")],
            count(Impressions),
        ),
        col(&[en("pin clicks"), nl("pinklikken")], own("pin_clicks", C)),
        col(
            &[en("outbound clicks"), nl("uitgaande klikken")],
            count(LinkClicks),
        ),
        col(&[en("ctr"), nl("ctr")], own("ctr", RATE)),
        col(
            &[en("outbound ctr"), nl("uitgaande ctr")],
            metric(Ctr, RATE),
        ),
        col(&[en("ectr"), nl("ectr")], own("ectr", RATE)),
        col(&[en("saves"), nl("opgeslagen")], count(Saves)),
        col(
            &[en("total conversions"), nl("totaal aantal conversies")],
            own("total_conversions", C),
        ),
        col(&[en("cpm"), en("ecpm"), nl("cpm")], metric(Cpm, MONEY)),
        col(&[en("cpc"), en("ecpc"), nl("cpc")], own("cpc", MONEY)),
    ],
    required: &[Role::EntityName(Scope::Campaign), metric(Spend, MONEY)],
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
    kind_ids: &["pinterest_ads_report"],
    currency_labels: &[en("currency"), nl("valuta")],
    preamble_start: &[],
    preamble_end: &[],
    date_is_period_start: false,
};
