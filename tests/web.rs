//! The wasm exports in headless Chromium (`cargo test --target wasm32-unknown-unknown --test
//! web`; the runner and chromedriver are set in .cargo/config.toml).
//!
//! The snapshot is real: the browser's own parser reads a LinkedIn fixture page and
//! www/snapshot.js, the content script's walker, flattens it, so these tests also hold the
//! walker's JSON to the Rust `Snapshot` contract. What the overlay and the worker call is
//! called here exactly as they call it.
#![cfg(target_arch = "wasm32")]
// A failing export should stop the test loudly; clippy does not see wasm_bindgen_test
// functions as tests, so the test-only allowances are spelled out.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PAGE: &str = include_str!("fixtures/pages/linkedin-page-content-en/page.html");
const EXPECTED: &str = include_str!("fixtures/pages/linkedin-page-content-en/expected.json");
const URL: &str = "https://www.linkedin.com/company/81234567/admin/analytics/updates/";
const READ_AT: &str = "2026-09-10T08:30:00Z";

#[wasm_bindgen(inline_js = "
export function snapshotOfHtml(html, url) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const snapshot = globalThis.yardstickSnapshot(doc);
  snapshot.url = url;
  return JSON.stringify(snapshot);
}")]
extern "C" {
    #[wasm_bindgen(js_name = "snapshotOfHtml")]
    fn snapshot_of_html(html: &str, url: &str) -> String;
}

/// The content script's walker, loaded as the manifest loads it: a classic script.
fn load_walker() {
    js_sys::eval(include_str!("../www/snapshot.js")).unwrap();
}

fn snapshot_json() -> String {
    load_walker();
    snapshot_of_html(PAGE, URL)
}

/// A JavaScript value returned by an export, as JSON.
fn json(value: &JsValue) -> Value {
    let text = js_sys::JSON::stringify(value).unwrap().as_string().unwrap();
    serde_json::from_str(&text).unwrap()
}

/// (metric, value) pairs, sorted, from observation JSON.
fn figures(observations: &Value) -> Vec<(String, f64)> {
    let mut figures: Vec<(String, f64)> = observations
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["metric"].as_str().unwrap().to_owned(),
                o["value"].as_f64().unwrap(),
            )
        })
        .collect();
    figures.sort_by(|a, b| a.0.cmp(&b.0));
    figures
}

fn read(snapshot: JsValue) -> Value {
    json(&yardstick::web::read_page(snapshot, READ_AT).unwrap())
}

#[wasm_bindgen_test]
fn read_page_finds_the_fixture_figures_in_a_browser_snapshot() {
    let reading = read(JsValue::from_str(&snapshot_json()));
    let expected: Value = serde_json::from_str(EXPECTED).unwrap();
    assert_eq!(reading["platform"], "linkedin");
    assert_eq!(reading["page_kind"], expected["page_kind"]);
    assert_eq!(reading["period"], expected["period"]);
    assert_eq!(
        figures(&reading["observations"]),
        figures(&expected["observations"])
    );
    let first = &reading["observations"][0];
    assert_eq!(first["source"]["kind"], "page");
    assert_eq!(first["source"]["location"], URL);
    assert_eq!(first["source"]["read_at"], "2026-09-10T08:30:00Z");
}

#[wasm_bindgen_test]
fn read_page_takes_json_text_or_a_plain_object_alike() {
    let text = snapshot_json();
    let object = js_sys::JSON::parse(&text).unwrap();
    assert_eq!(read(JsValue::from_str(&text)), read(object));
}

#[wasm_bindgen_test]
fn read_page_refuses_bad_input_with_an_error_not_a_panic() {
    for bad in [
        JsValue::from_str("{\"nodes\": 3}"),
        JsValue::from_str("not json"),
        JsValue::NULL,
    ] {
        assert!(yardstick::web::read_page(bad, READ_AT).is_err());
    }
    let snapshot = JsValue::from_str(&snapshot_json());
    assert!(yardstick::web::read_page(snapshot, "yesterday").is_err());
}

#[wasm_bindgen_test]
fn a_page_no_rules_know_yields_a_diagnostic_and_no_figures() {
    load_walker();
    let snapshot = snapshot_of_html(PAGE, "https://www.linkedin.com/feed/");
    let reading = read(JsValue::from_str(&snapshot));
    assert_eq!(reading["observations"], serde_json::json!([]));
    assert_eq!(reading["diagnostics"][0]["code"], "unsupported_page");
}

/// A property of a JavaScript object.
fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap()
}

/// Merges a reading and returns the new bytes and the merge's JSON (report, content, total).
fn merge_with(
    stored: Option<Vec<u8>>,
    observations: JsValue,
    content: JsValue,
) -> (Vec<u8>, Value) {
    let merged = yardstick::web::merge_reading(stored, observations, content).unwrap();
    let bytes = js_sys::Uint8Array::new(&field(&merged, "bytes")).to_vec();
    let report = json(
        &js_sys::Object::from_entries(&js_sys::Array::of3(
            &js_sys::Array::of2(&"report".into(), &field(&merged, "report")),
            &js_sys::Array::of2(&"content".into(), &field(&merged, "content")),
            &js_sys::Array::of2(&"total".into(), &field(&merged, "total")),
        ))
        .unwrap(),
    );
    (bytes, report)
}

/// Merges observations alone, as a reading without content records.
fn merge(stored: Option<Vec<u8>>, observations: JsValue) -> (Vec<u8>, Value) {
    merge_with(stored, observations, JsValue::UNDEFINED)
}

#[wasm_bindgen_test]
fn merged_observations_survive_the_bytes_and_the_same_reading_counts_once() {
    let reading = yardstick::web::read_page(JsValue::from_str(&snapshot_json()), READ_AT).unwrap();
    let observations = field(&reading, "observations");
    let read_count = js_sys::Array::from(&observations).length();
    assert!(read_count >= 5, "read {read_count}");

    let (once, report) = merge(None, observations.clone());
    assert!(field(
        &yardstick::web::merge_reading(None, observations.clone(), JsValue::UNDEFINED).unwrap(),
        "bytes"
    )
    .is_instance_of::<js_sys::Uint8Array>());
    assert_eq!(report["report"]["added"], read_count);
    assert_eq!(report["content"]["kept"], 0);
    assert_eq!(report["total"], read_count);
    assert_eq!(
        yardstick::web::count_observations(Some(once.clone())).unwrap(),
        read_count
    );

    let (twice, report) = merge(Some(once), observations);
    assert_eq!(report["report"]["added"], 0);
    assert_eq!(report["report"]["unchanged"], read_count);
    assert_eq!(
        yardstick::web::count_observations(Some(twice.clone())).unwrap(),
        read_count
    );

    let listed = json(&yardstick::web::list_observations(Some(twice)).unwrap());
    assert_eq!(figures(&listed), figures(&json(&reading)["observations"]));
    assert_eq!(yardstick::web::count_observations(None).unwrap(), 0);
}

#[wasm_bindgen_test]
fn damaged_store_bytes_are_refused() {
    assert!(yardstick::web::count_observations(Some(b"\x00garbage".to_vec())).is_err());
    let not_observations = JsValue::from_str("[{\"metric\": 1}]");
    assert!(yardstick::web::merge_reading(None, not_observations, JsValue::UNDEFINED).is_err());
}

/// The X post the fixture page x-post-en is about.
const X_POST_ID: &str = "1834567890123456789";

/// A content record as a page reading hands it over, with `text` and `links` as given.
fn x_post_record(text: &str, links: &[&str], read_at: &str) -> Value {
    serde_json::json!({
        "platform": "x",
        "account": "northwind",
        "scope": "post",
        "id": X_POST_ID,
        "text": text,
        "links": links,
        "source": {
            "kind": "page",
            "location": format!("https://x.com/northwind/status/{X_POST_ID}/analytics"),
            "label": "",
            "raw": "",
            "read_at": read_at,
        },
    })
}

/// An observation of the same post, as the X reader gives one.
fn x_post_impressions(value: f64, read_at: &str) -> Value {
    serde_json::json!({
        "platform": "x",
        "account": "northwind",
        "scope": "post",
        "post_id": X_POST_ID,
        "metric": "impressions",
        "distribution": "total",
        "window": "lifetime",
        "start": "2026-10-29",
        "end": "2026-10-29",
        "value": value,
        "unit": "count",
        "source": {
            "kind": "page",
            "location": format!("https://x.com/northwind/status/{X_POST_ID}/analytics"),
            "label": "Impressions",
            "raw": value.to_string(),
            "read_at": read_at,
        },
    })
}

/// A JSON value as the plain JavaScript value a message would carry.
fn js(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap()
}

#[wasm_bindgen_test]
fn a_reading_keeps_its_content_records_beside_its_observations_in_one_write() {
    let read_at = "2026-10-29T10:00:00Z";
    let observations = js(&serde_json::json!([x_post_impressions(12533.0, read_at)]));
    let record = x_post_record(
        "Open day on 12 March! #OpenDay2027",
        &["https://northwind.example/open-day?utm_campaign=openday2027"],
        read_at,
    );
    let (bytes, merged) = merge_with(None, observations, js(&serde_json::json!([record])));
    assert_eq!(merged["report"]["added"], 1);
    assert_eq!(merged["content"]["kept"], 1);
    assert_eq!(merged["content"]["refused"], serde_json::json!([]));
    assert_eq!(merged["total"], 1);

    // The record survives the bytes: the store's write holds both.
    let listed = json(&yardstick::web::list_content(Some(bytes.clone())).unwrap());
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["id"], X_POST_ID);
    assert_eq!(listed[0]["text"], "Open day on 12 March! #OpenDay2027");
    assert_eq!(
        listed[0]["links"],
        serde_json::json!(["https://northwind.example/open-day?utm_campaign=openday2027"])
    );

    // A later reading with new text and no links: the text is replaced, the links kept.
    let later = "2026-10-30T10:00:00Z";
    let (bytes, merged) = merge_with(
        Some(bytes),
        js(&serde_json::json!([x_post_impressions(13001.0, later)])),
        js(&serde_json::json!([x_post_record(
            "Open day on 12 March — sign up! #OpenDay2027",
            &[],
            later
        )])),
    );
    assert_eq!(merged["report"]["replaced"], 1);
    assert_eq!(merged["content"]["kept"], 1);
    let listed = json(&yardstick::web::list_content(Some(bytes.clone())).unwrap());
    assert_eq!(listed.as_array().unwrap().len(), 1, "one record per post");
    assert_eq!(
        listed[0]["text"],
        "Open day on 12 March — sign up! #OpenDay2027"
    );
    assert_eq!(
        listed[0]["links"],
        serde_json::json!(["https://northwind.example/open-day?utm_campaign=openday2027"])
    );
    assert_eq!(yardstick::web::count_observations(Some(bytes)).unwrap(), 1);
}

#[wasm_bindgen_test]
fn a_refused_record_is_named_and_never_costs_the_observations() {
    let read_at = "2026-10-29T10:00:00Z";
    let good = x_post_record("#OpenDay2027", &[], read_at);
    let mut says_nothing = x_post_record("   ", &[], read_at);
    says_nothing["id"] = "1834567890000000001".into();
    let content = serde_json::json!([
        {"platform": "x", "id": 3},
        good,
        "not a record",
        says_nothing,
    ]);
    let (bytes, merged) = merge_with(
        None,
        js(&serde_json::json!([x_post_impressions(12533.0, read_at)])),
        js(&content),
    );
    assert_eq!(merged["report"]["added"], 1, "the observations are kept");
    assert_eq!(merged["content"]["kept"], 1);
    let refused: Vec<&str> = merged["content"]["refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(refused.len(), 3, "{refused:?}");
    assert!(
        refused[0].starts_with("content record 0 does not have a content record's shape"),
        "{}",
        refused[0]
    );
    assert!(
        refused[1].starts_with("content record 2 "),
        "{}",
        refused[1]
    );
    assert!(
        refused[2].contains("says nothing besides its id"),
        "{}",
        refused[2]
    );
    assert_eq!(
        json(&yardstick::web::list_content(Some(bytes)).unwrap())
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[wasm_bindgen_test]
fn content_that_is_not_a_list_is_refused_with_a_sentence() {
    let observations = js(&serde_json::json!([x_post_impressions(
        1.0,
        "2026-10-29T10:00:00Z"
    )]));
    let error = yardstick::web::merge_reading(
        None,
        observations.clone(),
        JsValue::from_str("#OpenDay2027"),
    );
    assert!(error.is_err());
    for nothing in [JsValue::UNDEFINED, JsValue::NULL] {
        assert!(yardstick::web::merge_reading(None, observations.clone(), nothing).is_ok());
    }
    assert_eq!(
        json(&yardstick::web::list_content(None).unwrap()),
        serde_json::json!([])
    );
}

/// The metric names the overlay shows, `{id: name}`, from the core in the language asked.
fn metric_names(language: Option<&str>) -> serde_json::Map<String, Value> {
    let names = yardstick::web::metric_names(language.map(str::to_owned)).unwrap();
    json(&names).as_object().unwrap().clone()
}

#[wasm_bindgen_test]
fn metric_names_cover_every_metric_in_both_languages() {
    use yardstick::campaign::words::metric_name;
    use yardstick::metrics::{CanonicalMetric, PLATFORM_FIGURES};
    use yardstick::model::{Language, Metric};

    let english = metric_names(Some("en"));
    let dutch = metric_names(Some("nl"));
    for names in [&english, &dutch] {
        for metric in CanonicalMetric::ALL {
            assert!(
                names.contains_key(metric.id()),
                "{} has a name",
                metric.id()
            );
        }
        for figure in PLATFORM_FIGURES {
            let id = figure.metric().to_string();
            let name = names[&id].as_str().unwrap();
            assert!(!name.is_empty(), "{id} is named, by its id at least");
        }
        let expected = CanonicalMetric::ALL.len() + PLATFORM_FIGURES.len();
        assert_eq!(names.len(), expected, "one name per metric, nothing else");
    }
    for id in ["impressions", "reach", "spend"] {
        let metric: Metric = id.parse().unwrap();
        assert_ne!(english[id], dutch[id], "{id} is Dutch in Dutch");
        assert_eq!(english[id], metric_name(&metric, Language::En).as_str());
        assert_eq!(dutch[id], metric_name(&metric, Language::Nl).as_str());
    }
    // A regional tag is its language; a language without words of its own, or none, reads English.
    assert_eq!(metric_names(Some("nl-NL")), dutch);
    assert_eq!(metric_names(Some("fr")), english);
    assert_eq!(metric_names(None), english);
}
