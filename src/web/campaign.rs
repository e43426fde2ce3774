//! The wasm exports for campaigns: a campaign measured for the dashboard and the report
//! page, the campaigns an item belongs to, a spot-check against the account's own past,
//! the report files, and everything an analytics page's overlay shows about campaigns in
//! one call.
//!
//! Strategy files cross as JSON text; the store crosses as its bytes (a `Uint8Array`) or,
//! for tests and previews, as an array of observations. "Today" crosses as a date
//! (`YYYY-MM-DD`) or as an RFC 3339 instant, from which each campaign takes the date of its
//! platforms' reporting zones, as the strategy's KPIs do. Results cross as plain objects,
//! with the core's words for metrics and platforms in the language asked for, so the
//! JavaScript side only lays them out. Every export returns `Result<_, JsError>`: a bad
//! argument is an exception with a sentence, never a panic.
//!
//! Nothing here matches, adds, ranks or compares: that is `crate::campaign`; the report
//! files are `crate::report`'s. This module only picks what to ask (which campaign, which
//! item a page is about, which metric to spot-check) and translates.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::{persist, to_js, WebError};
use crate::campaign::spotcheck::{self, SpotCheck, SpotCheckAsk, Verdict};
use crate::campaign::{self, words, CampaignPlan, CampaignView, Content, ContentInfo, Reason};
use crate::evaluate::{reporting_today, Status};
use crate::metrics::CanonicalMetric;
use crate::model::{Language, Metric, Observation, Platform, Scope};
use crate::report::{self, Format};
use crate::store::Store;

/// What the campaign exports could not take.
#[derive(Debug, thiserror::Error)]
enum CampaignWebError {
    #[error("{0:?} is neither a date written YYYY-MM-DD nor an RFC 3339 time such as 2027-03-15T10:00:00Z")]
    When(String),
    #[error("the strategy cannot be used: {0}; open the dashboard to fix it")]
    Strategy(String),
    #[error("the strategy defines no campaign {id:?}; campaigns with a definition: {known}")]
    UnknownCampaign { id: String, known: String },
    #[error("{0}")]
    Measure(String),
    #[error("the store must be its bytes (a Uint8Array), a list of observations, or undefined when nothing is stored")]
    Stored,
    #[error("the item is not {{platform, account, scope, id}} ({0})")]
    Item(String),
    #[error("the spot-check request is not {{platform, account, scope, id, today}} ({0})")]
    Request(String),
    #[error("{0:?} is not a metric Yardstick knows")]
    Metric(String),
    #[error("no report format {0:?}: use json, csv, csv-nl, html or html-nl")]
    Format(String),
}

/// "Today" as JavaScript gave it.
#[derive(Debug, Clone, Copy)]
enum When {
    /// A calendar date: used as it is for every platform.
    Date(NaiveDate),
    /// An instant: each platform's reporting date at that instant.
    Now(DateTime<Utc>),
}

impl When {
    fn parse(text: &str) -> Result<When, CampaignWebError> {
        if let Ok(date) = text.parse::<NaiveDate>() {
            return Ok(When::Date(date));
        }
        DateTime::parse_from_rfc3339(text)
            .map(|now| When::Now(now.with_timezone(&Utc)))
            .map_err(|_| CampaignWebError::When(text.to_owned()))
    }

    /// The day whose previous days are complete on every one of `platforms`.
    fn today_for(self, platforms: &[Platform]) -> NaiveDate {
        match self {
            When::Date(date) => date,
            When::Now(now) => reporting_today(platforms, now),
        }
    }

    /// The date page readings made now carry (the readers date them in UTC).
    fn reading_day(self) -> NaiveDate {
        match self {
            When::Date(date) => date,
            When::Now(now) => now.date_naive(),
        }
    }
}

/// The language of the words handed back: English unless Dutch is asked for.
fn language_of(tag: Option<&str>) -> Language {
    match tag.and_then(Language::from_tag) {
        Some(Language::Nl) => Language::Nl,
        _ => Language::En,
    }
}

/// The store the JavaScript value holds: its bytes, a list of observations, or nothing.
fn store_from(stored: &JsValue) -> Result<Store, JsError> {
    if stored.is_undefined() || stored.is_null() {
        return Ok(Store::new());
    }
    if let Some(bytes) = stored.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(persist::load(Some(&bytes.to_vec()))?);
    }
    if js_sys::Array::is_array(stored) {
        let observations: Vec<Observation> =
            serde_wasm_bindgen::from_value(stored.clone()).map_err(WebError::observations)?;
        let mut store = Store::new();
        store
            .merge(&observations)
            .map_err(|e| WebError::Merge(e.to_string()))?;
        return Ok(store);
    }
    Err(CampaignWebError::Stored.into())
}

fn load_strategy(text: &str) -> Result<campaign::CampaignStrategy, CampaignWebError> {
    campaign::load(text).map_err(|e| CampaignWebError::Strategy(e.to_string()))
}

fn find_plan<'a>(
    plans: &'a [CampaignPlan],
    id: &str,
) -> Result<&'a CampaignPlan, CampaignWebError> {
    plans
        .iter()
        .find(|plan| plan.id == id)
        .ok_or_else(|| CampaignWebError::UnknownCampaign {
            id: id.to_owned(),
            known: plans
                .iter()
                .map(|plan| plan.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// The status of a campaign that most needs attention among its KPIs, in the order the
/// strategy's page summary uses (`crate::evaluate::page`): missed, off track, at risk,
/// partial data, no data, on track, achieved, not started.
fn worst_status(view: &CampaignView) -> Option<Status> {
    let urgency = |status: &Status| match status {
        Status::Missed => 7,
        Status::OffTrack => 6,
        Status::AtRisk => 5,
        Status::PartialData => 4,
        Status::NoData => 3,
        Status::OnTrack => 2,
        Status::Achieved => 1,
        Status::NotStarted => 0,
    };
    view.kpis
        .iter()
        .map(|kpi| kpi.evaluation.status)
        .max_by_key(urgency)
}

/// A measured campaign as the extension shows it: the core's view, its worst KPI status,
/// and the core's words for every metric, figure and platform in it.
#[derive(Debug, Serialize)]
struct ShownView {
    #[serde(flatten)]
    view: CampaignView,
    /// The status that most needs attention; none without KPIs.
    status: Option<Status>,
    language: &'static str,
    /// Metric ids and figure keys (`cpc_link`) → their names.
    names: BTreeMap<String, String>,
    /// Platform ids → their names.
    platform_names: BTreeMap<String, String>,
}

impl ShownView {
    fn new(view: CampaignView, language: Language) -> ShownView {
        let mut names = BTreeMap::new();
        let mut name_key = |key: &str| {
            names
                .entry(key.to_owned())
                .or_insert_with(|| words::figure_name(key, language));
        };
        name_key(&view.ranked_by.to_string());
        for row in &view.totals {
            row.figures.iter().for_each(|f| name_key(&f.key));
        }
        for row in view.content.iter().chain(&view.left_out) {
            row.figures.iter().for_each(|f| name_key(&f.key));
        }
        for kpi in &view.kpis {
            names.insert(
                kpi.evaluation.metric.to_string(),
                words::metric_name(&kpi.evaluation.metric, language),
            );
        }
        let platforms: BTreeSet<Platform> = view
            .campaign
            .platforms
            .iter()
            .copied()
            .chain(view.content.iter().map(|row| row.platform))
            .chain(view.left_out.iter().map(|row| row.platform))
            .collect();
        ShownView {
            status: worst_status(&view),
            language: language.code(),
            names,
            platform_names: platforms
                .into_iter()
                .map(|p| (p.id().to_owned(), p.display_name().to_owned()))
                .collect(),
            view,
        }
    }
}

/// Measures a campaign with its words in `language`; the post texts and ad details come
/// from the store's content records.
fn measure(
    plan: &CampaignPlan,
    store: &Store,
    when: When,
    language: Language,
) -> Result<CampaignView, String> {
    campaign::measure(plan, store, &[], when.today_for(&plan.platforms), language)
        .map_err(|e| e.message(language))
}

/// Measures one campaign of the strategy over the store: the core's campaign view (KPIs
/// with their status, totals per platform organic and paid, content ranked by
/// contribution with why it belongs, what was left out) with `status`, `names` and
/// `platform_names`. Throws when the campaign cannot be measured (money in several
/// currencies without rates, say), with the core's sentence.
#[wasm_bindgen(js_name = "measureCampaign")]
pub fn measure_campaign(
    strategy_text: &str,
    campaign_id: &str,
    today: &str,
    stored: JsValue,
    language: Option<String>,
) -> Result<JsValue, JsError> {
    let loaded = load_strategy(strategy_text)?;
    let plan = find_plan(&loaded.plans, campaign_id)?;
    let when = When::parse(today)?;
    let store = store_from(&stored)?;
    let language = language_of(language.as_deref());
    let view = measure(plan, &store, when, language).map_err(CampaignWebError::Measure)?;
    to_js(&ShownView::new(view, language))
}

/// One campaign of the strategy in the dashboard's list.
#[derive(Debug, Serialize)]
struct CampaignSummary {
    id: String,
    name: String,
    start: NaiveDate,
    end: NaiveDate,
    /// False for a campaign that only names dates for strategy KPIs: nothing to measure.
    defined: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    view: Option<ShownView>,
    /// Why a defined campaign could not be measured.
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// Every campaign of the strategy, in file order, each measured when it has a definition:
/// `[{id, name, start, end, defined, view?, error?}]`.
#[wasm_bindgen(js_name = "campaignOverview")]
pub fn campaign_overview(
    strategy_text: &str,
    today: &str,
    stored: JsValue,
    language: Option<String>,
) -> Result<JsValue, JsError> {
    let loaded = load_strategy(strategy_text)?;
    let when = When::parse(today)?;
    let store = store_from(&stored)?;
    let language = language_of(language.as_deref());
    let summaries: Vec<CampaignSummary> = loaded
        .strategy
        .campaigns
        .iter()
        .map(|campaign| {
            let plan = loaded.plan(&campaign.id);
            let measured = plan.map(|plan| measure(plan, &store, when, language));
            CampaignSummary {
                id: campaign.id.clone(),
                name: campaign.name.clone(),
                start: campaign.dates.start(),
                end: campaign.dates.end(),
                defined: plan.is_some(),
                error: measured.as_ref().and_then(|m| m.as_ref().err().cloned()),
                view: measured
                    .and_then(Result::ok)
                    .map(|view| ShownView::new(view, language)),
            }
        })
        .collect();
    to_js(&summaries)
}

/// The report of one campaign as a file's bytes: `json`, `csv` (UTF-8 with a byte order
/// mark, `,`), `csv-nl` (`;` and decimal commas for Dutch Excel), `html` or `html-nl` (a
/// self-contained printable page). The campaign is measured here, from the same arguments
/// as `measureCampaign`, because a view handed back from JavaScript would be a copy the
/// core cannot trust.
#[wasm_bindgen(js_name = "campaignReport")]
pub fn campaign_report(
    strategy_text: &str,
    campaign_id: &str,
    today: &str,
    stored: JsValue,
    format: &str,
) -> Result<Vec<u8>, JsError> {
    let format =
        Format::from_name(format).ok_or_else(|| CampaignWebError::Format(format.to_owned()))?;
    let loaded = load_strategy(strategy_text)?;
    let plan = find_plan(&loaded.plans, campaign_id)?;
    let when = When::parse(today)?;
    let store = store_from(&stored)?;
    let view = measure(plan, &store, when, format.language()).map_err(CampaignWebError::Measure)?;
    Ok(report::render(&view, format))
}

/// A post or ad entity as a page or the user names it.
#[derive(Debug, Deserialize)]
struct ItemIn {
    platform: Platform,
    #[serde(default)]
    account: String,
    scope: Scope,
    id: String,
    #[serde(default)]
    name: Option<String>,
    /// Its publication day; today when not known.
    #[serde(default)]
    first_day: Option<NaiveDate>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    links: Vec<String>,
    #[serde(default)]
    campaign_name: Option<String>,
    #[serde(default)]
    campaign_id: Option<String>,
}

/// One campaign an item belongs to.
#[derive(Debug, Serialize)]
struct MembershipOut {
    id: String,
    name: String,
    reasons: Vec<Reason>,
}

/// The campaigns a post or ad entity belongs to (matched or picked by hand, not excluded),
/// with the reasons in `language` (English unless `nl`): `[{id, name, reasons}]`. `item` is
/// `{platform, account, scope, id}` with, when known, `name`, `first_day`, `text`, `links`,
/// `campaign_name`, `campaign_id`; a post without `first_day` counts as published on
/// `today`.
#[wasm_bindgen(js_name = "campaignsFor")]
pub fn campaigns_for(
    strategy_text: &str,
    item: JsValue,
    today: &str,
    language: Option<String>,
) -> Result<JsValue, JsError> {
    let loaded = load_strategy(strategy_text)?;
    let item: ItemIn =
        serde_wasm_bindgen::from_value(item).map_err(|e| CampaignWebError::Item(e.to_string()))?;
    let today = When::parse(today)?.reading_day();
    let content = Content {
        platform: item.platform,
        account: item.account.clone(),
        scope: item.scope,
        id: item.id.clone(),
        name: item.name,
        first_day: item.first_day.unwrap_or(today),
        info: ContentInfo {
            platform: Some(item.platform),
            account: Some(item.account),
            scope: Some(item.scope),
            id: item.id,
            text: item.text,
            links: item.links,
            campaign_name: item.campaign_name,
            campaign_id: item.campaign_id,
            ..ContentInfo::default()
        },
        figures: BTreeMap::new(),
    };
    let language = language_of(language.as_deref());
    let memberships: Vec<MembershipOut> =
        campaign::matching::campaigns_for(&loaded.plans, &content, language)
            .into_iter()
            .map(|(plan, reasons)| MembershipOut {
                id: plan.id.clone(),
                name: plan.name.clone(),
                reasons,
            })
            .collect();
    to_js(&memberships)
}

/// What to spot-check, as JavaScript asks it.
#[derive(Debug, Deserialize)]
struct SpotCheckRequest {
    platform: Platform,
    account: String,
    /// `post` (the default), `campaign`, `ad_set` or `ad`.
    #[serde(default = "post_scope")]
    scope: Scope,
    id: String,
    /// The metric to compare; the first of [`preferred_metrics`] the item has when absent.
    #[serde(default)]
    metric: Option<String>,
    /// The day of the check (`YYYY-MM-DD`) or the instant (RFC 3339).
    today: String,
    #[serde(default)]
    months: Option<u32>,
    #[serde(default)]
    language: Option<String>,
}

fn post_scope() -> Scope {
    Scope::Post
}

/// A spot-check as the overlay shows it: the label that says it is a comparison with the
/// account's own past, the sentence in the language asked for, and the core's result.
#[derive(Debug, Serialize)]
struct SpotCheckOut {
    label: &'static str,
    sentence: String,
    check: SpotCheck,
}

/// The metrics a spot-check tries, in order, for a kind of item: a rate first (it compares
/// across items of every size), then a volume.
fn preferred_metrics(scope: Scope) -> Vec<Metric> {
    let ids: &[CanonicalMetric] = if scope.is_ad() {
        &[
            CanonicalMetric::Ctr,
            CanonicalMetric::Cpc,
            CanonicalMetric::Cpm,
            CanonicalMetric::CostPerResult,
            CanonicalMetric::Impressions,
        ]
    } else {
        &[
            CanonicalMetric::EngagementRate,
            CanonicalMetric::Impressions,
            CanonicalMetric::VideoViews,
            CanonicalMetric::Engagements,
        ]
    };
    ids.iter().copied().map(Metric::from).collect()
}

/// Spot-checks one item against the account's own history: the first metric (the one
/// asked for, or else the first the item has of a preferred list) with a value. `None`
/// when the item has none of them.
fn spot_check_item(
    store: &Store,
    item: &PageItem,
    metrics: &[Metric],
    reading_day: NaiveDate,
    months: Option<u32>,
    language: Language,
) -> Result<Option<SpotCheckOut>, String> {
    for metric in metrics {
        let ask = SpotCheckAsk {
            platform: item.platform,
            account: item.account.clone(),
            scope: item.scope,
            id: item.id.clone(),
            metric: metric.clone(),
            today: reading_day,
            months,
        };
        let check = spotcheck::spot_check(store, &ask).map_err(|e| e.to_string())?;
        if check.value.is_some() && !matches!(check.verdict, Verdict::NoValue) {
            return Ok(Some(SpotCheckOut {
                label: spotcheck::label(language),
                sentence: spotcheck::describe(&check, language),
                check,
            }));
        }
    }
    Ok(None)
}

/// Spot-checks one post or ad entity against the account's own history in the store:
/// `{label, sentence, check}`, or `null` when the item has no value for the metric (or,
/// without a metric, for any the spot-check tries). `request` is `{platform, account,
/// scope, id, today, metric?, months?, language?}`; readings dated `today` are included.
#[wasm_bindgen(js_name = "spotCheck")]
pub fn spot_check(request: JsValue, stored: JsValue) -> Result<JsValue, JsError> {
    let request: SpotCheckRequest = serde_wasm_bindgen::from_value(request)
        .map_err(|e| CampaignWebError::Request(e.to_string()))?;
    let metrics = match &request.metric {
        Some(text) => vec![text
            .parse::<Metric>()
            .map_err(|_| CampaignWebError::Metric(text.clone()))?],
        None => preferred_metrics(request.scope),
    };
    let reading_day = When::parse(&request.today)?.reading_day();
    let store = store_from(&stored)?;
    let item = PageItem {
        platform: request.platform,
        account: request.account,
        scope: request.scope,
        id: request.id,
    };
    let found = spot_check_item(
        &store,
        &item,
        &metrics,
        reading_day,
        request.months,
        language_of(request.language.as_deref()),
    )
    .map_err(CampaignWebError::Measure)?;
    to_js(&found)
}

/// One post or ad entity a page showed figures for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
struct PageItem {
    platform: Platform,
    account: String,
    scope: Scope,
    id: String,
}

/// The posts and ad entities a page's observations concern, each once.
fn page_items(observations: &[Observation]) -> Vec<PageItem> {
    let items: BTreeSet<PageItem> = observations
        .iter()
        .filter(|o| o.scope != Scope::Account)
        .filter_map(|o| {
            Some(PageItem {
                platform: o.platform,
                account: o.account.clone(),
                scope: o.scope,
                id: o.post_id.clone()?,
            })
        })
        .collect();
    items.into_iter().collect()
}

/// The page's items as content a campaign's rules can look at: the name the page gave, the
/// text, links and ad details of the store's content records (the page's own among them,
/// as the page was stored before it is asked about), and the publication day (else the
/// earliest day read), no figures. Only for deciding which campaigns are worth measuring;
/// the measurement takes everything from the store.
fn page_content(store: &Store, observations: &[Observation], items: &[PageItem]) -> Vec<Content> {
    items
        .iter()
        .filter_map(|item| {
            let own: Vec<&Observation> = observations
                .iter()
                .filter(|o| {
                    o.platform == item.platform
                        && o.scope == item.scope
                        && o.account == item.account
                        && o.post_id.as_deref() == Some(item.id.as_str())
                })
                .collect();
            let info = campaign::content::details(
                store,
                &[],
                item.platform,
                &item.account,
                item.scope,
                &item.id,
            );
            let first_day = info
                .published
                .or_else(|| own.iter().map(|o| o.start).min())?;
            Some(Content {
                platform: item.platform,
                account: item.account.clone(),
                scope: item.scope,
                id: item.id.clone(),
                name: own.iter().find_map(|o| o.name.clone()),
                first_day,
                info,
                figures: BTreeMap::new(),
            })
        })
        .collect()
}

/// How far up an item sits: a campaign holds ad sets, which hold ads; posts stand alone.
fn level(scope: Scope) -> u8 {
    match scope {
        Scope::Campaign => 3,
        Scope::AdSet => 2,
        Scope::Ad => 1,
        Scope::Post | Scope::Account => 0,
    }
}

/// The one item a page is about, when it is about one: a single post, or the only ad
/// entity at the highest level the page shows (a campaign's report lists its ad sets
/// under it). A table of several posts or campaigns is about none.
fn page_subject(items: &[PageItem]) -> Option<&PageItem> {
    let posts: Vec<&PageItem> = items.iter().filter(|i| i.scope == Scope::Post).collect();
    let ads: Vec<&PageItem> = items.iter().filter(|i| i.scope.is_ad()).collect();
    match (posts.as_slice(), ads.as_slice()) {
        ([post], []) => Some(post),
        ([], [_, ..]) => {
            let top = ads.iter().map(|i| level(i.scope)).max()?;
            match ads
                .iter()
                .filter(|i| level(i.scope) == top)
                .collect::<Vec<_>>()
                .as_slice()
            {
                [only] => Some(only),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A campaign some of a page's items belong to (or were left out of).
#[derive(Debug, Serialize)]
struct PageCampaign {
    id: String,
    name: String,
    /// Ids of this page's items the campaign counts or lists.
    on_this_page: Vec<String>,
    /// Ids of this page's items a rule matched but that do not count (excluded by hand,
    /// published outside the dates).
    left_out_here: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    view: Option<ShownView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// Everything the overlay shows about campaigns on one page.
#[derive(Debug, Serialize)]
struct PageCampaigns {
    /// The posts and ad entities the page showed.
    items: Vec<PageItem>,
    /// The item the page is about, when it is about one.
    subject: Option<PageItem>,
    /// The strategy's campaigns this page's items concern.
    campaigns: Vec<PageCampaign>,
    /// The subject compared with the account's own past.
    spot_check: Option<SpotCheckOut>,
    /// Why the strategy's campaigns could not be looked at (a strategy the core refuses).
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// True when a content row is one of the page's items.
fn is_item(row: &campaign::ContentRow, item: &PageItem) -> bool {
    row.platform == item.platform
        && row.scope == item.scope
        && row.id == item.id
        && row.account == item.account
}

/// The campaigns of `plans` any of `items` belongs to or was left out of, measured.
fn campaigns_on_page(
    plans: &[CampaignPlan],
    items: &[PageItem],
    content: &[Content],
    store: &Store,
    when: When,
    language: Language,
) -> Vec<PageCampaign> {
    let mut found = Vec::new();
    for plan in plans {
        // Measuring reads the whole store: only campaigns whose rules or picks name one of
        // the page's items (counted, excluded or outside the dates) are measured.
        if campaign::matching::match_content(plan, content).is_empty() {
            continue;
        }
        let (view, error) = match measure(plan, store, when, language) {
            Ok(view) => (Some(view), None),
            Err(error) => (None, Some(error)),
        };
        let ids_in = |rows: &[campaign::ContentRow]| -> Vec<String> {
            let mut ids: Vec<String> = rows
                .iter()
                .filter(|row| items.iter().any(|item| is_item(row, item)))
                .map(|row| row.id.clone())
                .collect();
            ids.dedup();
            ids
        };
        let (on_this_page, left_out_here) = match &view {
            Some(view) => (ids_in(&view.content), ids_in(&view.left_out)),
            None => (Vec::new(), Vec::new()),
        };
        // A campaign that cannot be measured is shown with its reason when a page item
        // might belong to it; one whose content and left-out lists miss every item is not.
        if view.is_some() && on_this_page.is_empty() && left_out_here.is_empty() {
            continue;
        }
        found.push(PageCampaign {
            id: plan.id.clone(),
            name: plan.name.clone(),
            on_this_page,
            left_out_here,
            view: view.map(|view| ShownView::new(view, language)),
            error,
        });
    }
    found
}

/// What the overlay shows about campaigns on a page it just read and stored:
/// `{items, subject, campaigns: [{id, name, on_this_page, left_out_here, view?, error?}],
/// spot_check, error?}`. `strategyText` may be undefined (no strategy: spot-check only);
/// `observations` are the page's reading; `now` is an RFC 3339 instant (or a date).
#[wasm_bindgen(js_name = "campaignPage")]
pub fn campaign_page(
    strategy_text: Option<String>,
    stored: JsValue,
    now: &str,
    observations: JsValue,
    language: Option<String>,
) -> Result<JsValue, JsError> {
    let observations: Vec<Observation> =
        serde_wasm_bindgen::from_value(observations).map_err(WebError::observations)?;
    let when = When::parse(now)?;
    let store = store_from(&stored)?;
    let language = language_of(language.as_deref());
    let items = page_items(&observations);
    let subject = page_subject(&items).cloned();
    let (campaigns, error) = match strategy_text.as_deref().map(load_strategy) {
        None => (Vec::new(), None),
        Some(Err(error)) => (Vec::new(), Some(error.to_string())),
        Some(Ok(loaded)) => (
            campaigns_on_page(
                &loaded.plans,
                &items,
                &page_content(&store, &observations, &items),
                &store,
                when,
                language,
            ),
            None,
        ),
    };
    let spot_check = match &subject {
        Some(item) => spot_check_item(
            &store,
            item,
            &preferred_metrics(item.scope),
            when.reading_day(),
            None,
            language,
        )
        .map_err(CampaignWebError::Measure)?,
        None => None,
    };
    to_js(&PageCampaigns {
        items,
        subject,
        campaigns,
        spot_check,
        error,
    })
}
