//! LinkedIn Campaign Manager's performance exports, as data.
//!
//! Facts (`reference/ads-managers.md`): UTF-16 LE with a BOM, tab-separated (C, a real
//! Portuguese file); about five description lines above the header (L; their text is our
//! guess: `Report Start: 10/1/2026, 12:00 AM`); dates in the UI locale's order; money quoted
//! with a decimal comma and rates like `"95,769%"` in comma locales (C); the currency in its
//! own column (C); the English column names (L). The Dutch labels are our translation.
//!
//! LinkedIn renamed its hierarchy (C): the old campaign group is a campaign and the old
//! campaign an ad set. A file with `Campaign Group` columns uses the old words (as the real
//! file does); one with `Ad Set` columns the new ones. A file with only `Campaign` columns is
//! read the old way (each row an ad set): the one real file is old-style. LinkedIn's clicks
//! are chargeable clicks, which depend on the objective (C), so they and the rates built on
//! them stay `linkedin:`. Every assumption is listed in `docs/ad-managers.md`. This file is
//! data; it must not hold reading logic.

use super::ads_report::AdReportSpec;
use super::columns::{col, count, en, metric, nl, own, Column, Reading, Role};
use super::dates::DateOrder;
use super::kinds::{KindSpec, Shape, TotalRow};
use crate::metrics::CanonicalMetric::*;
use crate::model::{Distribution, Platform, Scope};

const C: Reading = Reading::Count;
const MONEY: Reading = Reading::Money;
/// LinkedIn writes rates with a `%` (C); a `%` divides by 100 in either reading.
const RATE: Reading = Reading::Fraction;

/// What both naming schemes share: dates, the account, the ad, and every figure.
const DATE: Column = col(
    &[
        en("start date (in utc)"),
        en("start date"),
        nl("begindatum (in utc)"),
        nl("begindatum"),
    ],
    Role::Date,
);
const ACCOUNT: Column = col(&[en("account name"), nl("accountnaam")], Role::AccountName);
const AD_NAME: Column = col(
    &[
        en("creative name"),
        en("ad name"),
        nl("naam creatie"),
        nl("advertentienaam"),
    ],
    Role::EntityName(Scope::Ad),
);
const AD_ID: Column = col(
    &[
        en("creative id"),
        en("ad id"),
        nl("creatie-id"),
        nl("advertentie-id"),
    ],
    Role::EntityId(Scope::Ad),
);
const ATTRIBUTES: Column = col(
    &[
        en("account id"),
        en("campaign group status"),
        en("campaign group start date"),
        en("campaign group end date"),
        en("campaign group total budget"),
        en("campaign objective"),
        en("campaign type"),
        en("campaign status"),
        en("campaign start date"),
        en("campaign end date"),
        en("ad set status"),
        en("ad set start date"),
        en("ad set end date"),
        en("cost type"),
        en("daily budget"),
        en("total budget"),
        en("ad headline"),
        en("creative status"),
        nl("account-id"),
        nl("status campagnegroep"),
        nl("doelstelling campagne"),
        nl("campagnedoelstelling"),
        nl("type campagne"),
        nl("campagnestatus"),
        nl("status campagne"),
        nl("begindatum campagne"),
        nl("einddatum campagne"),
        nl("kostentype"),
        nl("dagbudget"),
        nl("totaal budget"),
    ],
    Role::Attribute,
);

/// An ad's own text and the address it sends clicks to (ad-level exports only).
const AD_TEXT: Column = col(&[en("ad introduction text")], Role::Text);
const AD_CLICK_URL: Column = col(&[en("click url")], Role::TargetLink);

const SPEND: Column = col(
    &[
        en("total spent"),
        en("amount spent"),
        nl("totaal uitgegeven"),
        nl("uitgegeven"),
    ],
    metric(Spend, MONEY),
);

/// The figures, by LinkedIn's definitions (`reference/ads-managers.md`, C).
const FIGURES: [Column; 27] = [
    SPEND,
    col(&[en("impressions"), nl("weergaven")], count(Impressions)),
    col(&[en("clicks"), nl("klikken")], own("clicks", C)),
    col(
        &[
            en("click through rate"),
            en("click-through rate"),
            en("ctr"),
            nl("klikfrequentie"),
            nl("ctr"),
        ],
        own("ctr", RATE),
    ),
    col(
        &[en("average cpm"), nl("gemiddelde cpm")],
        metric(Cpm, MONEY),
    ),
    col(
        &[en("average cpc"), nl("gemiddelde cpc")],
        own("cpc", MONEY),
    ),
    col(&[en("reactions"), nl("reacties")], count(Reactions)),
    col(&[en("comments"), nl("opmerkingen")], count(Comments)),
    col(
        &[en("shares"), en("reposts"), nl("gedeeld"), nl("reposts")],
        count(Shares),
    ),
    col(
        &[en("follows"), nl("volgacties"), nl("nieuwe volgers")],
        count(FollowersGained),
    ),
    col(
        &[en("other clicks"), nl("overige klikken")],
        own("other_clicks", C),
    ),
    col(
        &[
            en("total social actions"),
            nl("totaal aantal sociale acties"),
        ],
        own("total_social_actions", C),
    ),
    col(
        &[en("total engagements"), nl("totaal aantal interacties")],
        own("total_engagements", C),
    ),
    col(
        &[en("conversions"), nl("conversies")],
        own("conversions", C),
    ),
    col(
        &[en("post-click conversions"), nl("conversies na klik")],
        own("post_click_conversions", C),
    ),
    col(
        &[en("view-through conversions"), nl("conversies na weergave")],
        own("view_through_conversions", C),
    ),
    col(
        &[en("conversion rate"), nl("conversieratio")],
        own("conversion_rate", RATE),
    ),
    col(
        &[en("cost per conversion"), nl("kosten per conversie")],
        own("cost_per_conversion", MONEY),
    ),
    col(
        &[en("total conversion value"), nl("totale conversiewaarde")],
        own("total_conversion_value", MONEY),
    ),
    col(
        &[
            en("return on ad spend"),
            nl("rendement op advertentie-uitgaven"),
        ],
        own("return_on_ad_spend", Reading::Fraction),
    ),
    col(&[en("leads"), nl("leads")], own("leads", C)),
    col(
        &[en("lead forms opened"), nl("geopende leadformulieren")],
        own("lead_forms_opened", C),
    ),
    col(
        &[
            en("lead form completion rate"),
            nl("voltooiingsratio leadformulier"),
        ],
        own("lead_form_completion_rate", RATE),
    ),
    col(
        &[en("cost per lead"), nl("kosten per lead")],
        own("cost_per_lead", MONEY),
    ),
    col(&[en("reach"), nl("bereik")], count(Reach)),
    col(
        &[en("average frequency"), nl("gemiddelde frequentie")],
        metric(Frequency, Reading::Fraction),
    ),
    col(
        &[
            en("clicks to landing page"),
            nl("klikken naar landingspagina"),
        ],
        count(LinkClicks),
    ),
];

const LINKEDIN_PAGE_CLICKS: Column = col(
    &[
        en("clicks to linkedin page"),
        nl("klikken naar linkedin-pagina"),
    ],
    own("clicks_to_linkedin_page", C),
);
const AVERAGE_DAILY_SPEND: Column = col(
    &[
        en("average daily spend"),
        nl("gemiddelde dagelijkse uitgaven"),
    ],
    own("average_daily_spend", MONEY),
);

const fn with(ids: [Column; 4]) -> [Column; 40] {
    let f = FIGURES;
    [
        DATE,
        ACCOUNT,
        AD_NAME,
        AD_ID,
        ATTRIBUTES,
        AD_TEXT,
        AD_CLICK_URL,
        ids[0],
        ids[1],
        ids[2],
        ids[3],
        LINKEDIN_PAGE_CLICKS,
        AVERAGE_DAILY_SPEND,
        f[0],
        f[1],
        f[2],
        f[3],
        f[4],
        f[5],
        f[6],
        f[7],
        f[8],
        f[9],
        f[10],
        f[11],
        f[12],
        f[13],
        f[14],
        f[15],
        f[16],
        f[17],
        f[18],
        f[19],
        f[20],
        f[21],
        f[22],
        f[23],
        f[24],
        f[25],
        f[26],
    ]
}

/// Old words: campaign group = campaign, campaign = ad set.
static OLD_COLUMNS: [Column; 40] = with([
    col(
        &[
            en("campaign group name"),
            nl("naam campagnegroep"),
            nl("campagnegroepnaam"),
        ],
        Role::EntityName(Scope::Campaign),
    ),
    col(
        &[en("campaign group id"), nl("campagnegroep-id")],
        Role::EntityId(Scope::Campaign),
    ),
    col(
        &[en("campaign name"), nl("campagnenaam")],
        Role::EntityName(Scope::AdSet),
    ),
    col(
        &[en("campaign id"), nl("campagne-id")],
        Role::EntityId(Scope::AdSet),
    ),
]);

/// New words: campaign, ad set.
static RENAMED_COLUMNS: [Column; 40] = with([
    col(
        &[en("campaign name"), nl("campagnenaam")],
        Role::EntityName(Scope::Campaign),
    ),
    col(
        &[en("campaign id"), nl("campagne-id")],
        Role::EntityId(Scope::Campaign),
    ),
    col(
        &[
            en("ad set name"),
            nl("naam advertentieset"),
            nl("advertentiesetnaam"),
        ],
        Role::EntityName(Scope::AdSet),
    ),
    col(
        &[
            en("ad set id"),
            nl("advertentieset-id"),
            nl("id advertentieset"),
        ],
        Role::EntityId(Scope::AdSet),
    ),
]);

/// Campaign Manager's export with the old hierarchy words (the real file's).
pub(crate) static CAMPAIGN_MANAGER: KindSpec = KindSpec {
    id: "linkedin_campaign_manager",
    export: "linkedin_campaign_manager",
    platform: Platform::LinkedIn,
    title: "LinkedIn Campaign Manager performance export (UTF-16, tab-separated)",
    columns: &OLD_COLUMNS,
    required: &[metric(Spend, MONEY)],
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

/// The same export in the new hierarchy words: recognised by its ad set columns.
pub(crate) static CAMPAIGN_MANAGER_RENAMED: KindSpec = KindSpec {
    id: "linkedin_campaign_manager_renamed",
    columns: &RENAMED_COLUMNS,
    required: &[metric(Spend, MONEY), Role::EntityName(Scope::AdSet)],
    ..CAMPAIGN_MANAGER
};

/// What the ad report reader needs beyond the columns.
pub(crate) static SPEC: AdReportSpec = AdReportSpec {
    kind_ids: &[
        "linkedin_campaign_manager",
        "linkedin_campaign_manager_renamed",
    ],
    currency_labels: &[en("currency"), nl("valuta")],
    preamble_start: &["report start", "begin rapport", "startdatum rapport"],
    preamble_end: &["report end", "einde rapport", "einddatum rapport"],
    date_is_period_start: true,
};
