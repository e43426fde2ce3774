//! The campaign exports in headless Chromium (`cargo test --target wasm32-unknown-unknown
//! --no-default-features --test web_campaign`), called as the dashboard, the report page and
//! the service worker call them: what crosses is the core's campaign view, its report files
//! and its spot-checks, and every bad argument is an exception with a sentence.
//!
//! The data is the "Open day 2027" fixture (tests/fixtures/campaign): its Meta Ads, X and
//! Instagram exports imported by the core, its LinkedIn observations, its strategy.
#![cfg(target_arch = "wasm32")]
// A failing export should stop the test loudly; clippy does not see wasm_bindgen_test
// functions as tests, so the test-only allowances are spelled out.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use yardstick::campaign;
use yardstick::model::{Language, Observation};
use yardstick::store::Store;
use yardstick::web::campaign::{
    campaign_overview, campaign_page, campaign_report, campaigns_for, measure_campaign, spot_check,
};

wasm_bindgen_test_configure!(run_in_browser);

const STRATEGY: &str = include_str!("fixtures/campaign/open-day-2027/strategy.json");
const LINKEDIN: &str = include_str!("fixtures/campaign/open-day-2027/linkedin.json");
const EXPORTS: [(&str, &[u8]); 3] = [
    (
        "Acme-Campaigns-1-Mar-2027-14-Mar-2027.csv",
        include_bytes!("fixtures/campaign/open-day-2027/meta/Acme-Campaigns-1-Mar-2027-14-Mar-2027.csv"),
    ),
    (
        "tweet_activity_metrics_acme_20270301_20270314_en.csv",
        include_bytes!("fixtures/campaign/open-day-2027/x/tweet_activity_metrics_acme_20270301_20270314_en.csv"),
    ),
    (
        "Mar-01-2027_Mar-14-2027_17841400000000000.csv",
        include_bytes!("fixtures/campaign/open-day-2027/instagram/Mar-01-2027_Mar-14-2027_17841400000000000.csv"),
    ),
];
const TODAY: &str = "2027-03-15";

fn observations() -> Vec<Observation> {
    let imported_at: DateTime<Utc> = DateTime::parse_from_rfc3339("2027-03-15T08:00:00Z")
        .unwrap()
        .into();
    let mut all: Vec<Observation> = serde_json::from_str(LINKEDIN).unwrap();
    for (name, bytes) in EXPORTS {
        all.extend(
            yardstick::import::import_file(name, bytes, imported_at)
                .unwrap()
                .observations,
        );
    }
    all
}

fn store() -> Store {
    let mut store = Store::new();
    store.merge(&observations()).unwrap();
    store
}

/// The store as the extension keeps it: its bytes, as a `Uint8Array`.
fn stored() -> JsValue {
    js_sys::Uint8Array::from(store().to_bytes().unwrap().as_slice()).into()
}

/// A Rust value as a plain JavaScript value, as JavaScript would pass it.
fn js(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap()
}

/// A JavaScript value returned by an export, as JSON.
fn json(value: &JsValue) -> Value {
    let text = js_sys::JSON::stringify(value).unwrap().as_string().unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The message of an export's exception.
fn message(error: JsError) -> String {
    let value: JsValue = error.into();
    js_sys::Error::from(value).message().into()
}

#[wasm_bindgen_test]
fn a_measured_campaign_is_the_cores_view_with_its_status_and_names() {
    let shown = json(
        &measure_campaign(
            STRATEGY,
            "open-day-2027",
            TODAY,
            stored(),
            Some("nl".into()),
        )
        .unwrap(),
    );
    let loaded = campaign::load(STRATEGY).unwrap();
    let today = TODAY.parse().unwrap();
    let core = campaign::measure(
        loaded.plan("open-day-2027").unwrap(),
        &store(),
        &[],
        today,
        Language::Nl,
    )
    .unwrap();
    // Through JavaScript's JSON as the export's result went, so 21000.0 reads as 21000.
    let core = json(&js(&serde_json::to_value(&core).unwrap()));
    for field in [
        "campaign",
        "today",
        "currency",
        "totals",
        "ranked_by",
        "content",
        "left_out",
    ] {
        assert_eq!(
            shown[field], core[field],
            "{field} crosses as the core made it"
        );
    }
    let statuses: Vec<&Value> = shown["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| &k["status"])
        .collect();
    let core_statuses: Vec<&Value> = core["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| &k["status"])
        .collect();
    assert_eq!(statuses, core_statuses);
    // The campaign's status is its most pressing KPI's.
    let urgency = [
        "not_started",
        "achieved",
        "on_track",
        "no_data",
        "partial_data",
        "at_risk",
        "off_track",
        "missed",
    ];
    let worst = statuses
        .iter()
        .max_by_key(|s| urgency.iter().position(|u| s.as_str() == Some(u)))
        .unwrap();
    assert_eq!(&&shown["status"], worst);
    assert_eq!(shown["language"], "nl");
    assert_eq!(shown["names"]["impressions"], "weergaven");
    assert_eq!(shown["names"]["cpc_link"], "CPC (klikken op links)");
    assert_eq!(shown["platform_names"]["meta"], "Meta Ads");
    // Three platforms, organic and paid (Instagram's posts match only with their captions,
    // which its export does not keep).
    let rows: Vec<(&str, &str)> = shown["totals"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|row| Some((row["platform"].as_str()?, row["part"].as_str()?)))
        .collect();
    for row in [
        ("linkedin", "paid"),
        ("x", "organic"),
        ("x", "paid"),
        ("meta", "paid"),
    ] {
        assert!(rows.contains(&row), "{row:?} in {rows:?}");
    }
}

#[wasm_bindgen_test]
fn the_store_may_cross_as_bytes_or_as_observations() {
    let from_bytes =
        json(&measure_campaign(STRATEGY, "open-day-2027", TODAY, stored(), None).unwrap());
    let list = js(&serde_json::to_value(observations()).unwrap());
    let from_list = json(&measure_campaign(STRATEGY, "open-day-2027", TODAY, list, None).unwrap());
    assert_eq!(from_bytes, from_list);
    assert_eq!(from_bytes["language"], "en");
    let empty = json(
        &measure_campaign(STRATEGY, "open-day-2027", TODAY, JsValue::UNDEFINED, None).unwrap(),
    );
    assert_eq!(empty["content"], json!([]));
}

#[wasm_bindgen_test]
fn bad_arguments_are_refused_with_a_sentence() {
    let unknown = message(measure_campaign(STRATEGY, "spring", TODAY, stored(), None).unwrap_err());
    assert!(
        unknown.contains("no campaign \"spring\"") && unknown.contains("open-day-2027"),
        "{unknown}"
    );
    let when = message(
        measure_campaign(STRATEGY, "open-day-2027", "15/03/2027", stored(), None).unwrap_err(),
    );
    assert!(when.contains("YYYY-MM-DD"), "{when}");
    let store = message(
        measure_campaign(
            STRATEGY,
            "open-day-2027",
            TODAY,
            JsValue::from_f64(3.0),
            None,
        )
        .unwrap_err(),
    );
    assert!(store.contains("Uint8Array"), "{store}");
    let damaged = js_sys::Uint8Array::from(&[1u8, 2, 3][..]).into();
    assert!(measure_campaign(STRATEGY, "open-day-2027", TODAY, damaged, None).is_err());
    let strategy = message(
        measure_campaign("{\"schema\": 3}", "open-day-2027", TODAY, stored(), None).unwrap_err(),
    );
    assert!(
        strategy.starts_with("the strategy cannot be used"),
        "{strategy}"
    );
    let format =
        message(campaign_report(STRATEGY, "open-day-2027", TODAY, stored(), "pdf").unwrap_err());
    assert!(format.contains("csv-nl"), "{format}");
}

#[wasm_bindgen_test]
fn money_in_two_currencies_without_a_rate_is_refused() {
    let mut strategy: Value = serde_json::from_str(STRATEGY).unwrap();
    strategy["campaigns"][0]
        .as_object_mut()
        .unwrap()
        .remove("currency");
    let mut dollars: Vec<Value> =
        serde_json::from_value(serde_json::to_value(observations()).unwrap()).unwrap();
    dollars.push(json!({
        "platform": "x", "account": "18ce54abc", "scope": "campaign", "post_id": "1900002",
        "name": "Open Day 2027 promoted", "metric": "spend", "distribution": "paid", "window": "range",
        "start": "2027-03-02", "end": "2027-03-10", "value": 120.0, "unit": "currency:USD",
        "source": {"kind": "page", "location": "https://ads.x.com/", "label": "Spend", "raw": "$120.00", "read_at": "2027-03-15T08:00:00Z"}
    }));
    let refused = message(
        measure_campaign(
            &strategy.to_string(),
            "open-day-2027",
            TODAY,
            js(&json!(dollars)),
            None,
        )
        .unwrap_err(),
    );
    assert!(
        refused.contains("EUR") && refused.contains("USD"),
        "{refused}"
    );
    // A Dutch user reads the refusal in Dutch, with the line to add.
    let dutch = message(
        measure_campaign(
            &strategy.to_string(),
            "open-day-2027",
            TODAY,
            js(&json!(dollars)),
            Some("nl".into()),
        )
        .unwrap_err(),
    );
    assert!(
        dutch.contains("geen koers rekent ze om") && dutch.contains("\"rates\""),
        "{dutch}"
    );
    // The overview lists it with the reason instead of failing the whole list.
    let overview =
        json(&campaign_overview(&strategy.to_string(), TODAY, js(&json!(dollars)), None).unwrap());
    assert_eq!(overview[0]["defined"], true);
    assert!(overview[0]["view"].is_null());
    assert!(overview[0]["error"].as_str().unwrap().contains("USD"));
}

#[wasm_bindgen_test]
fn report_files_are_the_cores() {
    let csv = campaign_report(STRATEGY, "open-day-2027", TODAY, stored(), "csv").unwrap();
    assert_eq!(&csv[..3], b"\xEF\xBB\xBF", "a byte order mark for Excel");
    let header = String::from_utf8(csv[3..].to_vec()).unwrap();
    assert!(header.lines().next().unwrap().contains(','));
    let dutch = String::from_utf8(
        campaign_report(STRATEGY, "open-day-2027", TODAY, stored(), "csv-nl").unwrap(),
    )
    .unwrap();
    assert!(dutch.lines().next().unwrap().contains(';'));
    let view: Value = serde_json::from_slice(
        &campaign_report(STRATEGY, "open-day-2027", TODAY, stored(), "json").unwrap(),
    )
    .unwrap();
    assert_eq!(view["campaign"]["id"], "open-day-2027");
    let html = String::from_utf8(
        campaign_report(STRATEGY, "open-day-2027", TODAY, stored(), "html-nl").unwrap(),
    )
    .unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("lang=\"nl\""));
}

#[wasm_bindgen_test]
fn the_overview_lists_every_campaign_in_file_order() {
    let overview = json(&campaign_overview(STRATEGY, TODAY, stored(), None).unwrap());
    let list = overview.as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], "open-day-2027");
    assert_eq!(list[0]["defined"], true);
    assert_eq!(list[0]["view"]["campaign"]["name"], "Open day 2027");
}

#[wasm_bindgen_test]
fn an_item_belongs_to_the_campaigns_its_text_or_a_pick_names() {
    let check = |item: Value, expected: &[&str]| {
        let found = json(&campaigns_for(STRATEGY, js(&item), TODAY, None).unwrap());
        let ids: Vec<&str> = found
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, expected, "{item}");
        found
    };
    let found = check(
        json!({"platform": "x", "account": "acme", "scope": "post", "id": "1897000000000000999",
               "text": "See you at the #OpenDay2027", "first_day": "2027-03-04"}),
        &["open-day-2027"],
    );
    assert_eq!(found[0]["reasons"][0]["kind"], "hashtag");
    assert_eq!(found[0]["reasons"][0]["value"], "OpenDay2027");
    assert_eq!(found[0]["reasons"][0]["because"], "hashtag #OpenDay2027");
    // Excluded by hand, published outside the dates, or another platform: none.
    check(
        json!({"platform": "x", "account": "acme", "scope": "post", "id": "1897000000000000104",
                 "text": "#OpenDay2027", "first_day": "2027-03-04"}),
        &[],
    );
    check(
        json!({"platform": "x", "account": "acme", "scope": "post", "id": "1",
                 "text": "#OpenDay2027", "first_day": "2027-05-04"}),
        &[],
    );
    check(
        json!({"platform": "youtube", "account": "acme", "scope": "post", "id": "1",
                 "text": "#OpenDay2027", "first_day": "2027-03-04"}),
        &[],
    );
    // An ad manager entity by its name, said in Dutch when the UI is.
    check(
        json!({"platform": "meta", "account": "act", "scope": "campaign", "id": "Open Day 2027 - Reach"}),
        &["open-day-2027"],
    );
    let dutch = json(
        &campaigns_for(
            STRATEGY,
            js(&json!({"platform": "meta", "account": "act", "scope": "campaign", "id": "Open Day 2027 - Reach"})),
            TODAY,
            Some("nl".into()),
        )
        .unwrap(),
    );
    assert_eq!(
        dutch[0]["reasons"][0]["because"],
        "advertentiebeheer: onderdeel met \"Open Day 2027\" in de naam"
    );
    assert!(campaigns_for(STRATEGY, js(&json!({"platform": "x"})), TODAY, None).is_err());
}

/// Lifetime totals of seven LinkedIn posts of the year (engagement rates 1 % to 3 %) and the
/// post checked at 3.2 %, read on 15 March 2027.
fn history(with_history: bool) -> JsValue {
    let mut posts = vec![("urn:li:activity:new", "2027-03-10", 320.0)];
    if with_history {
        posts.extend([
            ("urn:li:activity:1", "2026-04-02", 100.0),
            ("urn:li:activity:2", "2026-05-14", 150.0),
            ("urn:li:activity:3", "2026-07-01", 190.0),
            ("urn:li:activity:4", "2026-09-09", 190.0),
            ("urn:li:activity:5", "2026-11-20", 220.0),
            ("urn:li:activity:6", "2027-01-12", 250.0),
            ("urn:li:activity:7", "2027-02-03", 300.0),
        ]);
    }
    let mut observations = Vec::new();
    for (id, published, engagements) in posts {
        for (metric, value) in [
            ("impressions", 10_000.0),
            ("reactions", engagements * 0.75),
            ("clicks", engagements * 0.25),
        ] {
            observations.push(json!({
                "platform": "linkedin", "account": "acme-corp", "scope": "post", "post_id": id,
                "metric": metric, "distribution": "total", "window": "lifetime",
                "start": published, "end": "2027-03-15", "value": value, "unit": "count",
                "source": {"kind": "export", "location": "acme-corp_content.xlsx", "label": metric,
                           "raw": value.to_string(), "read_at": "2027-03-15T08:00:00Z"}
            }));
        }
    }
    js(&json!(observations))
}

#[wasm_bindgen_test]
fn a_spot_check_compares_with_the_accounts_own_past_or_says_it_cannot() {
    let request = |language: &str| {
        js(
            &json!({"platform": "linkedin", "account": "acme-corp", "scope": "post",
                   "id": "urn:li:activity:new", "today": "2027-03-15", "language": language}),
        )
    };
    let compared = json(&spot_check(request("en"), history(true)).unwrap());
    assert_eq!(compared["label"], "Compared with your own past");
    assert_eq!(
        compared["check"]["metric"], "engagement_rate",
        "a rate first"
    );
    assert_eq!(compared["check"]["compared_with"], "own_history");
    assert_eq!(
        compared["sentence"],
        "engagement rate 3.2%: top 13% of your LinkedIn posts of the last 12 months, median 1.9% (7 compared)"
    );
    let dutch = json(&spot_check(request("nl"), history(true)).unwrap());
    assert_eq!(dutch["label"], "Vergeleken met je eigen verleden");
    assert!(dutch["sentence"]
        .as_str()
        .unwrap()
        .starts_with("engagementpercentage 3,2%: top 13%"));
    let alone = json(&spot_check(request("en"), history(false)).unwrap());
    assert_eq!(alone["check"]["verdict"]["kind"], "too_little_history");
    assert!(alone["sentence"]
        .as_str()
        .unwrap()
        .contains("too little history"));
    // A metric asked for by name; an item the store does not know has nothing to compare.
    let impressions = json(
        &spot_check(
            js(
                &json!({"platform": "linkedin", "account": "acme-corp", "id": "urn:li:activity:new",
                   "today": "2027-03-15", "metric": "impressions"}),
            ),
            history(true),
        )
        .unwrap(),
    );
    assert_eq!(impressions["check"]["metric"], "impressions");
    let unknown = spot_check(
        js(&json!({"platform": "linkedin", "account": "acme-corp", "id": "urn:li:activity:none", "today": "2027-03-15"})),
        history(true),
    ).unwrap();
    assert!(unknown.is_null());
    let bad = message(spot_check(
        js(&json!({"platform": "linkedin", "account": "a", "id": "1", "today": "2027-03-15", "metric": "likes_per_hour"})),
        history(true),
    ).unwrap_err());
    assert!(bad.contains("likes_per_hour"), "{bad}");
    assert!(spot_check(js(&json!({"platform": "linkedin"})), history(true)).is_err());
}

#[wasm_bindgen_test]
fn a_page_gets_its_campaigns_and_its_spot_check_in_one_call() {
    // The post's own page, read on the day of the check: its figures are dated that day.
    let page: Vec<Value> = ["impressions", "reactions", "clicks"]
        .iter()
        .zip([10_000.0, 240.0, 80.0])
        .map(|(metric, value)| json!({
            "platform": "linkedin", "account": "acme-corp", "scope": "post", "post_id": "urn:li:activity:new",
            "metric": metric, "distribution": "total", "window": "lifetime",
            "start": "2027-03-15", "end": "2027-03-15", "value": value, "unit": "count",
            "source": {"kind": "page", "location": "https://www.linkedin.com/", "label": metric,
                       "raw": value.to_string(), "read_at": "2027-03-15T09:00:00Z"}
        }))
        .collect();
    let shown = json(
        &campaign_page(
            None,
            history(true),
            "2027-03-15T09:00:00Z",
            js(&json!(page)),
            Some("en".into()),
        )
        .unwrap(),
    );
    assert_eq!(shown["subject"]["id"], "urn:li:activity:new");
    assert_eq!(shown["campaigns"], json!([]), "no strategy, no campaigns");
    assert_eq!(shown["spot_check"]["check"]["verdict"]["kind"], "compared");
    // A campaign whose rules and picks name none of the page's items is not shown.
    let elsewhere = json(
        &campaign_page(
            Some(STRATEGY.into()),
            history(true),
            "2027-03-15T09:00:00Z",
            js(&json!(page)),
            None,
        )
        .unwrap(),
    );
    assert_eq!(elsewhere["campaigns"], json!([]));
    // A strategy the core refuses is said, and the spot-check still shows.
    let refused = json(
        &campaign_page(
            Some("{}".into()),
            history(true),
            "2027-03-15T09:00:00Z",
            js(&json!(page)),
            None,
        )
        .unwrap(),
    );
    assert!(refused["error"]
        .as_str()
        .unwrap()
        .starts_with("the strategy cannot be used"));
    assert_eq!(
        refused["spot_check"]["check"]["verdict"]["kind"],
        "compared"
    );
    // A page of the open day's Meta campaigns: the campaign it belongs to, no single subject.
    let meta: Vec<Value> = ["Open Day 2027 - Reach", "Open Day 2027 - Traffic"]
        .iter()
        .map(|id| json!({
            "platform": "meta", "account": "", "scope": "campaign", "post_id": id, "name": id,
            "metric": "impressions", "distribution": "paid", "window": "range",
            "start": "2027-03-01", "end": "2027-03-14", "value": 1000.0, "unit": "count",
            "source": {"kind": "page", "location": "https://adsmanager.facebook.com/", "label": "Impressions",
                       "raw": "1,000", "read_at": "2027-03-15T09:00:00Z"}
        }))
        .collect();
    let on_ads = json(
        &campaign_page(
            Some(STRATEGY.into()),
            stored(),
            "2027-03-15T09:00:00Z",
            js(&json!(meta)),
            None,
        )
        .unwrap(),
    );
    assert!(on_ads["subject"].is_null());
    assert!(on_ads["spot_check"].is_null());
    assert_eq!(on_ads["campaigns"][0]["id"], "open-day-2027");
    assert_eq!(on_ads["campaigns"].as_array().unwrap().len(), 1);
    assert_eq!(
        on_ads["campaigns"][0]["on_this_page"],
        json!(["Open Day 2027 - Reach", "Open Day 2027 - Traffic"])
    );
    assert_eq!(
        on_ads["campaigns"][0]["view"]["campaign"]["id"],
        "open-day-2027"
    );
}
