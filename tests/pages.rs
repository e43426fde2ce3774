//! Fixture tests for the page readers: every directory under `tests/fixtures/pages/` is one
//! case (`page.html`, `case.toml` with `url` and `read_at`, `expected.json` with the
//! observations, diagnostics and, when the page gives any, `content` records), read through
//! the public `snapshot_from_html` + `read_page` exactly as the CLI does. Adding a directory
//! adds a case. Also: garbage never panics the reader.

// Native only: snapshots come from saved HTML, which the wasm module never parses.
#![cfg(not(target_arch = "wasm32"))]
// A failing fixture should stop the test loudly; these are test-only panics.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use yardstick::model::Distribution;
use yardstick::page::{read_page, snapshot_from_html, PageReading, Snapshot, SnapshotNode};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    url: String,
    read_at: DateTime<Utc>,
}

fn fixture_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// The part of a reading a fixture pins down: every observation's metric, value, unit,
/// scope, ids, window, dates, label and raw text; diagnostics by code (and metric).
fn summary(reading: &PageReading) -> Value {
    let observations: Vec<Value> = reading
        .observations
        .iter()
        .map(|o| {
            let mut entry = Map::new();
            entry.insert("metric".into(), json!(o.metric.to_string()));
            entry.insert("value".into(), json!(o.value));
            entry.insert("unit".into(), json!(o.unit.to_string()));
            entry.insert("scope".into(), json!(o.scope));
            entry.insert("account".into(), json!(o.account));
            if let Some(post_id) = &o.post_id {
                entry.insert("post_id".into(), json!(post_id));
            }
            if o.distribution != Distribution::Total {
                entry.insert("distribution".into(), json!(o.distribution));
            }
            entry.insert("window".into(), json!(o.window));
            entry.insert("start".into(), json!(o.start.to_string()));
            entry.insert("end".into(), json!(o.end.to_string()));
            if let Some(step) = o.rounded_to {
                entry.insert("rounded_to".into(), json!(step));
            }
            entry.insert("label".into(), json!(o.source.label));
            entry.insert("raw".into(), json!(o.source.raw));
            Value::Object(entry)
        })
        .collect();
    let diagnostics: Vec<Value> = reading
        .diagnostics
        .iter()
        .map(|d| match &d.metric {
            Some(metric) => json!(format!("{}:{metric}", d.code)),
            None => json!(d.code),
        })
        .collect();
    let mut summary = json!({
        "platform": reading.platform,
        "page_kind": reading.page_kind,
        "period": reading.period,
        "observations": observations,
        "diagnostics": diagnostics,
    });
    // Content records as their JSON without the provenance, plus the label they were read
    // under; absent when the page gave none (most fixtures).
    if !reading.content.is_empty() {
        let content: Vec<Value> = reading
            .content
            .iter()
            .map(|record| {
                let mut entry = serde_json::to_value(record).unwrap();
                let object = entry.as_object_mut().unwrap();
                object.remove("source");
                if !record.source.label.is_empty() {
                    object.insert("label".into(), json!(record.source.label));
                }
                entry
            })
            .collect();
        summary
            .as_object_mut()
            .unwrap()
            .insert("content".into(), Value::Array(content));
    }
    summary
}

/// Numbers compare as f64 (so `12842` equals `12842.0`), everything else exactly.
fn same(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Number(a), Value::Number(b)) => {
            let (a, b) = (a.as_f64().unwrap(), b.as_f64().unwrap());
            (a - b).abs() <= 1e-9 * a.abs().max(1.0)
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => expected == actual,
    }
}

fn check_fixture(dir: &Path) -> Result<(), String> {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let html = std::fs::read_to_string(dir.join("page.html"))
        .map_err(|e| format!("{name}: page.html: {e}"))?;
    let case: Case = toml::from_str(
        &std::fs::read_to_string(dir.join("case.toml"))
            .map_err(|e| format!("{name}: case.toml: {e}"))?,
    )
    .map_err(|e| format!("{name}: case.toml: {e}"))?;
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("expected.json"))
            .map_err(|e| format!("{name}: expected.json: {e}"))?,
    )
    .map_err(|e| format!("{name}: expected.json: {e}"))?;
    let snapshot = snapshot_from_html(&html, &case.url);
    let actual = summary(&read_page(&snapshot, case.read_at));
    if same(&expected, &actual) {
        Ok(())
    } else {
        Err(format!(
            "{name}: reading differs from expected.json\nexpected: {}\nactual:   {}",
            serde_json::to_string_pretty(&expected).unwrap(),
            serde_json::to_string_pretty(&actual).unwrap()
        ))
    }
}

#[test]
fn every_fixture_reads_as_expected() {
    let dirs = fixture_dirs();
    assert!(!dirs.is_empty(), "no fixtures found");
    let failures: Vec<String> = dirs
        .iter()
        .filter_map(|dir| check_fixture(dir).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} fixtures failed:\n{}",
        failures.len(),
        dirs.len(),
        failures.join("\n\n")
    );
}

#[test]
fn an_unknown_page_is_said_so_and_read_as_nothing() {
    let snapshot = snapshot_from_html(
        "<p>Impressions</p><p>1,234</p>",
        "https://example.com/analytics",
    );
    let reading = read_page(&snapshot, DateTime::<Utc>::UNIX_EPOCH);
    assert_eq!(reading.platform, None);
    assert!(reading.observations.is_empty());
    let codes: Vec<&str> = reading
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(codes, ["unsupported_page"]);
}

const LINKEDIN_CONTENT: &str = "https://www.linkedin.com/company/42/admin/analytics/updates/";
const TIME_RANGE: &str = "<button>Time range: Aug 26, 2026 - Sep 9, 2026</button>";

/// A relative preset ("Last 28 days") is counted back from the platform's own "today":
/// YouTube's days are Pacific, so at 02:00 UTC on 30 October it is still 29 October there,
/// and the page shows the same days it showed at 16:00 UTC on the 29th.
#[test]
fn relative_presets_count_from_the_platforms_reporting_day() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pages/youtube-channel-overview-en");
    let html = std::fs::read_to_string(dir.join("page.html"))
        .unwrap()
        .replace("Oct 1 – 28, 2026", "");
    let url =
        "https://studio.youtube.com/channel/UCq8v3kBp2mT7x9y0Z1a2B3c/analytics/tab-overview/period-default";
    let period = |at: &str| {
        let reading = read_page(&snapshot_from_html(&html, url), at.parse().unwrap());
        let period = reading.period.expect("the preset gives a period");
        (period.start(), period.end())
    };
    let afternoon = period("2026-10-29T16:00:00Z");
    assert_eq!(
        period("2026-10-30T02:00:00Z"),
        afternoon,
        "still the 29th in Pacific time"
    );
    let next_day = period("2026-10-30T09:00:00Z");
    assert_eq!(
        next_day.1,
        afternoon.1.succ_opt().unwrap(),
        "the 30th in Pacific time"
    );
}

fn read_at() -> DateTime<Utc> {
    "2026-09-10T08:30:00Z".parse().unwrap()
}

/// Reads Impressions from a LinkedIn content page whose body is `body` (after the time
/// range button) in language `lang`: `Ok(value)` or `Err(diagnostic code)`.
fn check(lang: &str, body: &str, expected: Result<f64, &str>) {
    let html = format!("<html lang='{lang}'><body>{TIME_RANGE}{body}</body></html>");
    let reading = read_page(&snapshot_from_html(&html, LINKEDIN_CONTENT), read_at());
    let impressions = reading
        .observations
        .iter()
        .find(|o| o.metric.to_string() == "impressions");
    let actual = match impressions {
        Some(observation) => Ok(observation.value),
        None => Err(reading
            .diagnostics
            .iter()
            .find(|d| {
                d.metric
                    .as_ref()
                    .is_some_and(|m| m.to_string() == "impressions")
            })
            .map_or("none", |d| d.code.as_str())),
    };
    assert_eq!(actual, expected, "{body}");
}

#[test]
fn impressions_are_read_only_when_one_value_is_certain() {
    // The card: value below or above the label, any markup, any class names.
    check(
        "en",
        "<div><p>Impressions</p><p>12,842</p></div>",
        Ok(12842.0),
    );
    check(
        "en",
        "<div class='_x'><b>12,842</b><i>Impressions</i></div>",
        Ok(12842.0),
    );
    // Dutch separators, and English ones in an English page.
    check(
        "nl",
        "<div><p>Weergaven</p><p>12.842</p></div>",
        Ok(12842.0),
    );
    check(
        "en",
        "<div><p>Impressions</p><p>12.842</p></div>",
        Ok(12.842),
    );
    check("nl", "<div><p>Weergaven</p><p>1,2K</p></div>", Ok(1200.0));
    // Exact figures in title or aria-label beat compact text.
    check(
        "en",
        "<div><p>Impressions</p><p title='12,842'>12.8K</p></div>",
        Ok(12842.0),
    );
    check(
        "en",
        "<div aria-label='Impressions'><span>12,842</span></div>",
        Ok(12842.0),
    );
    // Deltas and comparisons are not the value.
    check(
        "en",
        "<div><p>Impressions</p><p>12,842</p><p>+18.4%</p><p>+1,203</p></div>",
        Ok(12842.0),
    );
    check(
        "en",
        "<div><p>Impressions</p><p>12,842</p><p><span>vs prior 15 days</span></p><p>vs prior period: <b>10,001</b></p></div>",
        Ok(12842.0),
    );
    // Hidden copies and animated digits are not read.
    check(
        "en",
        "<div><p>Impressions</p><p>12,842<span aria-hidden='true'><span>1</span><span>2</span></span></p><p hidden>99</p></div>",
        Ok(12842.0),
    );
    // Two different values, none, a dash, or a number no locale decides: no number.
    check(
        "en",
        "<div><p>Impressions</p><p>12,842</p></div><div><p>Impressions</p><p>13,000</p></div>",
        Err("ambiguous_value"),
    );
    check(
        "en",
        "<div><p>Impressions</p><p>—</p></div>",
        Err("metric_not_found"),
    );
    check(
        "en",
        "<div><p>Impressions</p></div>",
        Err("metric_not_found"),
    );
    check(
        "",
        "<div><p>Impressions</p><p>1,234</p></div>",
        Err("ambiguous_number"),
    );
    // A label in running text is not a label; the member's own card is a trap.
    check(
        "en",
        "<p>Impressions grew to 12,842 this week</p>",
        Err("metric_not_found"),
    );
    check(
        "en",
        "<section><h2>Your profile view highlights</h2><div><p>Impressions</p><p>1,203</p></div></section>",
        Err("metric_not_found"),
    );
}

/// A LinkedIn content page with these cards, in this order, under these class names.
fn cards_page(cards: &[(&str, &str, &str)], class_prefix: &str) -> String {
    let mut html = format!("<html lang='en'><body class='{class_prefix}0'>{TIME_RANGE}<main>");
    for (index, (label, value, delta)) in cards.iter().enumerate() {
        html.push_str(&format!(
            "<div class='{class_prefix}{index} q{index}'><span class='{class_prefix}v'>{value}</span><span class='{class_prefix}d'>{delta}</span><p class='{class_prefix}l'>{label}</p></div>"
        ));
    }
    html + "</main></body></html>"
}

#[test]
fn class_names_and_card_order_do_not_change_a_reading() {
    let cards = [
        ("Impressions", "12,842", "+18.4%"),
        ("Reactions", "527", "+31%"),
        ("Comments", "64", "0%"),
        ("Reposts", "23", "+4"),
        ("Clicks", "391", "-2.5%"),
        ("Engagement rate", "7.86%", "+0.4%"),
    ];
    let mut reversed = cards;
    reversed.reverse();
    let reference = read_page(
        &snapshot_from_html(&cards_page(&cards, "_3x9k"), LINKEDIN_CONTENT),
        read_at(),
    );
    assert_eq!(reference.observations.len(), 6, "{reference:#?}");
    for html in [cards_page(&cards, "a1b2c-"), cards_page(&reversed, "_3x9k")] {
        let reading = read_page(&snapshot_from_html(&html, LINKEDIN_CONTENT), read_at());
        let mut expected = summary(&reference)["observations"]
            .as_array()
            .unwrap()
            .clone();
        let mut actual = summary(&reading)["observations"]
            .as_array()
            .unwrap()
            .clone();
        let by_metric = |v: &Value| v["metric"].as_str().unwrap().to_owned();
        expected.sort_by_key(by_metric);
        actual.sort_by_key(by_metric);
        assert_eq!(actual, expected);
    }
}

/// Snapshots of arbitrary shape: parent links anywhere (even forward or out of range),
/// texts mixing labels, numbers and noise, random attributes.
fn arbitrary_snapshot() -> impl Strategy<Value = Snapshot> {
    let text = prop_oneof![
        Just(String::new()),
        Just("Impressions".to_owned()),
        Just("Reactions".to_owned()),
        Just("Time range: Aug 26, 2026 - Sep 9, 2026".to_owned()),
        Just("Your profile view highlights".to_owned()),
        Just("4W".to_owned()),
        Just("Views".to_owned()),
        Just("Oct 1 – 28, 2026".to_owned()),
        "[0-9.,+%−KkM ]{0,8}",
        "\\PC{0,12}",
    ];
    let attrs = proptest::collection::btree_map(
        prop_oneof![
            Just("aria-label".to_owned()),
            Just("title".to_owned()),
            Just("hidden".to_owned()),
            Just("aria-hidden".to_owned()),
            Just("data-state".to_owned())
        ],
        prop_oneof![
            Just("true".to_owned()),
            Just("1,234".to_owned()),
            Just("Impressions: 12.8K".to_owned()),
            "\\PC{0,6}"
        ],
        0..3,
    );
    let tag = prop_oneof![
        Just("div".to_owned()),
        Just("ytcp-dropdown-trigger".to_owned()),
        Just("yta-latest-activity-card".to_owned()),
        Just("number-flow-react".to_owned()),
    ];
    let href = proptest::option::of(prop_oneof![
        Just("https://www.linkedin.com/feed/update/urn:li:activity:1/".to_owned()),
        Just("https://x.com/a/status/1".to_owned()),
        "\\PC{0,30}",
    ]);
    let node = (proptest::option::of(0u32..40), tag, text, attrs, href).prop_map(
        |(parent, tag, text, attrs, href)| SnapshotNode {
            parent,
            tag,
            text,
            attrs,
            href,
        },
    );
    let url = prop_oneof![
        Just("https://www.linkedin.com/company/1/admin/analytics/updates/".to_owned()),
        Just(
            "https://www.linkedin.com/analytics/creator/content/?timeRange=past_28_days".to_owned()
        ),
        Just("https://www.linkedin.com/analytics/post-summary/urn:li:activity:1/".to_owned()),
        Just("https://x.com/i/account_analytics".to_owned()),
        Just(
            "https://studio.youtube.com/channel/UC1/analytics/tab-overview/period-default"
                .to_owned()
        ),
        "\\PC{0,40}",
    ];
    (
        url,
        proptest::option::of(prop_oneof![
            Just("en".to_owned()),
            Just("nl-NL".to_owned()),
            "\\PC{0,5}"
        ]),
        proptest::collection::vec(node, 0..40),
    )
        .prop_map(|(url, lang, nodes)| Snapshot {
            url,
            lang,
            title: String::new(),
            nodes,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_snapshots_never_panic(snapshot in arbitrary_snapshot()) {
        let reading = read_page(&snapshot, DateTime::<Utc>::UNIX_EPOCH);
        for observation in &reading.observations {
            prop_assert!(observation.value.is_finite());
        }
    }

    #[test]
    fn arbitrary_html_never_panics(html in "\\PC{0,300}") {
        let snapshot = snapshot_from_html(&html, "https://www.linkedin.com/company/1/admin/analytics/updates/");
        let _ = read_page(&snapshot, DateTime::<Utc>::UNIX_EPOCH);
    }
}
