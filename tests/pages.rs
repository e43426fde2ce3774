//! Fixture tests for the page readers: every directory under `tests/fixtures/pages/` is one
//! case (`page.html`, `case.toml` with `url` and `read_at`, `expected.json`), read through
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
    json!({
        "platform": reading.platform,
        "page_kind": reading.page_kind,
        "period": reading.period,
        "observations": observations,
        "diagnostics": diagnostics,
    })
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

fn check(dir: &Path) -> Result<(), String> {
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
    let failures: Vec<String> = dirs.iter().filter_map(|dir| check(dir).err()).collect();
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

/// Snapshots of arbitrary shape: parent links anywhere (even forward or out of range),
/// texts mixing labels, numbers and noise, random attributes.
fn arbitrary_snapshot() -> impl Strategy<Value = Snapshot> {
    let text = prop_oneof![
        Just(String::new()),
        Just("Impressions".to_owned()),
        Just("Reactions".to_owned()),
        Just("Time range: Aug 26, 2026 - Sep 9, 2026".to_owned()),
        Just("Your profile view highlights".to_owned()),
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
    let node = (proptest::option::of(0u32..40), text, attrs).prop_map(|(parent, text, attrs)| {
        SnapshotNode {
            parent,
            tag: "div".into(),
            text,
            attrs,
        }
    });
    let url = prop_oneof![
        Just("https://www.linkedin.com/company/1/admin/analytics/updates/".to_owned()),
        Just(
            "https://www.linkedin.com/analytics/creator/content/?timeRange=past_28_days".to_owned()
        ),
        Just("https://www.linkedin.com/analytics/post-summary/urn:li:activity:1/".to_owned()),
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
