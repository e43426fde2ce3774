//! The ad managers read in place, beyond what `tests/pages.rs` pins for every page fixture:
//! for each `tests/fixtures/pages/*-ads-*` case, which entities (scope, id, name) its
//! observations are about (`entities.json`), and that everything an ad manager shows is paid
//! and money carries a currency. Also: arbitrary snapshots at ad manager addresses never
//! panic the reader.

// Native only: snapshots come from saved HTML, which the wasm module never parses.
#![cfg(not(target_arch = "wasm32"))]
// A failing fixture should stop the test loudly; these are test-only panics.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use serde::Deserialize;
use serde_json::{json, Value};
use yardstick::model::{Distribution, Unit};
use yardstick::page::{read_page, snapshot_from_html, Snapshot, SnapshotNode};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    url: String,
    read_at: DateTime<Utc>,
}

fn ad_fixture_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .filter(|path| {
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .contains("-ads-")
        })
        .collect();
    dirs.sort();
    dirs
}

/// The entities a case's observations are about, in order of first appearance.
fn check(dir: &Path) -> Result<(), String> {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let read = |file: &str| {
        std::fs::read_to_string(dir.join(file)).map_err(|e| format!("{name}: {file}: {e}"))
    };
    let case: Case = toml::from_str(&read("case.toml")?).map_err(|e| format!("{name}: {e}"))?;
    let expected: Value =
        serde_json::from_str(&read("entities.json")?).map_err(|e| format!("{name}: {e}"))?;
    let reading = read_page(
        &snapshot_from_html(&read("page.html")?, &case.url),
        case.read_at,
    );
    let mut entities: Vec<Value> = Vec::new();
    for o in &reading.observations {
        if o.distribution != Distribution::Paid {
            return Err(format!("{name}: {} is not paid", o.metric));
        }
        if let Unit::Currency(code) = &o.unit {
            if code.len() != 3 {
                return Err(format!("{name}: {} has no currency", o.metric));
            }
        }
        let entity = json!({ "scope": o.scope, "id": o.post_id, "name": o.name });
        if !entities.contains(&entity) {
            entities.push(entity);
        }
    }
    let actual = Value::Array(entities);
    if actual == expected {
        Ok(())
    } else {
        Err(format!(
            "{name}: entities differ from entities.json\nexpected: {expected}\nactual:   {actual}"
        ))
    }
}

#[test]
fn every_ad_manager_fixture_names_its_entities() {
    let dirs = ad_fixture_dirs();
    assert!(
        dirs.len() >= 10,
        "ad manager fixtures went missing: {}",
        dirs.len()
    );
    let failures: Vec<String> = dirs.iter().filter_map(|dir| check(dir).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_ad_manager_has_english_and_dutch_fixtures() {
    let names: Vec<String> = ad_fixture_dirs()
        .iter()
        .map(|d| d.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for platform in ["meta", "linkedin", "x", "tiktok", "pinterest"] {
        for language in ["en", "nl"] {
            assert!(
                names
                    .iter()
                    .any(|n| n.starts_with(&format!("{platform}-ads-")) && n.ends_with(language)),
                "no {language} fixture for {platform} ads in {names:?}"
            );
        }
    }
}

/// Snapshots of arbitrary shape at ad manager addresses: grids, rows and cells anywhere,
/// column indices of any value, labels, numbers and noise.
fn arbitrary_snapshot() -> impl Strategy<Value = Snapshot> {
    let text = prop_oneof![
        Just(String::new()),
        Just("Campaign".to_owned()),
        Just("Amount spent".to_owned()),
        Just("Results".to_owned()),
        Just("Results from 3 campaigns".to_owned()),
        Just("Oct 1, 2026 – Oct 28, 2026".to_owned()),
        "[0-9.,€$%—KkM ]{0,8}",
        "\\PC{0,12}",
    ];
    let attrs = proptest::collection::btree_map(
        prop_oneof![
            Just("role".to_owned()),
            Just("aria-colindex".to_owned()),
            Just("aria-hidden".to_owned()),
            Just("title".to_owned()),
            Just("data-row-key".to_owned()),
        ],
        prop_oneof![
            Just("grid".to_owned()),
            Just("row".to_owned()),
            Just("columnheader".to_owned()),
            Just("gridcell".to_owned()),
            Just("true".to_owned()),
            "[0-9]{1,12}",
            "\\PC{0,6}"
        ],
        0..3,
    );
    let tag = prop_oneof![
        Just("div".to_owned()),
        Just("table".to_owned()),
        Just("tr".to_owned()),
        Just("th".to_owned()),
        Just("td".to_owned()),
        Just("a".to_owned()),
        Just("h1".to_owned()),
    ];
    let href = proptest::option::of(prop_oneof![
        Just("https://ads.example.test/x".to_owned()),
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
        Just("https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=1&date=2026-10-01_2026-10-28".to_owned()),
        Just("https://www.linkedin.com/campaignmanager/accounts/1/campaigns/2".to_owned()),
        Just("https://ads.tiktok.com/i18n/manage/campaign?aadvid=1&st=2026-10-01&et=2026-10-28".to_owned()),
        Just("https://ads.pinterest.com/advertiser/1/reporting/campaigns/2/".to_owned()),
        Just("https://ads.x.com/campaign_manager/1/campaigns".to_owned()),
    ];
    (
        url,
        proptest::option::of(prop_oneof![Just("en".to_owned()), Just("nl-NL".to_owned())]),
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
            prop_assert_eq!(observation.distribution, Distribution::Paid);
        }
    }
}
