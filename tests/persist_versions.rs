//! Every earlier store version loads, from checked-in fixture files; the current version
//! writes exactly the checked-in bytes; damaged, unknown and newer bytes are refused with a
//! typed error and never panic.
//!
//! Fixtures (`tests/fixtures/store/`):
//! - `v1-observations.json`: version 1, a plain JSON array of observations as an earlier
//!   build wrote it (hand-made: LinkedIn, X, Instagram, Meta and YouTube readings, with
//!   revisions, a re-read, lifetime totals read out of order and a stored derived value).
//! - `v2-store.bin`: version 2, the same store in the binary format.
//! - `facts.json`: the facts both must load to, with their histories.
//!
//! When the format changes on purpose: bump `FORMAT_VERSION`, keep the old decoder as a
//! migration, keep the old fixture, and regenerate the new one and `facts.json` with
//! `UPDATE_STORE_FIXTURES=1 cargo test --test persist_versions` (version 1 is never
//! regenerated: it stands for files already written).

// Helpers outside #[test] functions unwrap too: a failure there is the test failing.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use yardstick::metrics::CanonicalMetric as M;
use yardstick::model::{Platform, SourceKind, Window};
use yardstick::store::{PersistError, RejectReason, Store, FORMAT_VERSION};

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/store")
        .join(name)
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(path(name)).unwrap()
}

fn updating() -> bool {
    std::env::var_os("UPDATE_STORE_FIXTURES").is_some()
}

fn facts_json(store: &Store) -> String {
    serde_json::to_string_pretty(&store.facts()).unwrap() + "\n"
}

#[test]
fn every_earlier_version_loads_to_the_same_facts() {
    let from_v1 = Store::load(&fixture("v1-observations.json")).unwrap();
    assert_eq!(from_v1.version, 1);
    let rejected: Vec<(usize, String, RejectReason)> = from_v1
        .rejected
        .iter()
        .map(|r| (r.index, r.metric.to_string(), r.reason))
        .collect();
    assert_eq!(
        rejected,
        vec![(33, "engagements".to_owned(), RejectReason::Computed)]
    );
    if updating() {
        std::fs::write(path("v2-store.bin"), from_v1.store.to_bytes().unwrap()).unwrap();
        std::fs::write(path("facts.json"), facts_json(&from_v1.store)).unwrap();
    }
    let from_v2 = Store::load(&fixture("v2-store.bin")).unwrap();
    assert_eq!(from_v2.version, FORMAT_VERSION);
    assert_eq!(from_v2.store, from_v1.store);
    let expected = String::from_utf8(fixture("facts.json")).unwrap();
    assert_eq!(facts_json(&from_v1.store), expected);
    assert_eq!(facts_json(&from_v2.store), expected);
}

#[test]
fn the_current_version_writes_exactly_the_checked_in_bytes() {
    // If this fails, the encoding changed: bump FORMAT_VERSION and keep the old decoder.
    let bytes = fixture("v2-store.bin");
    assert_eq!(
        Store::from_bytes(&bytes).unwrap().to_bytes().unwrap(),
        bytes
    );
}

#[test]
fn the_fixture_holds_what_the_merge_rules_made_of_it() {
    let store = Store::from_bytes(&fixture("v2-store.bin")).unwrap();
    assert_eq!(store.len(), 28);
    let facts = store.facts();
    let revised = facts
        .iter()
        .find(|f| {
            f.observation.platform == Platform::X
                && f.observation.window == Window::Day
                && f.observation.metric == M::Impressions.into()
        })
        .unwrap();
    assert_eq!(revised.observation.value, 1214.0);
    let earlier: Vec<f64> = revised.earlier.iter().map(|o| o.value).collect();
    assert_eq!(earlier, vec![1201.0, 1180.0]);
    assert_eq!(
        revised.first_seen.location,
        "account_overview_analytics (3).csv"
    );

    let lifetime = facts
        .iter()
        .find(|f| {
            f.observation.window == Window::Lifetime && f.observation.metric == M::Reactions.into()
        })
        .unwrap();
    assert_eq!(
        (
            lifetime.observation.value,
            lifetime.observation.end.to_string()
        ),
        (655.0, "2026-10-31".to_owned())
    );

    let reread = facts
        .iter()
        .find(|f| {
            f.observation.source.kind == SourceKind::Page
                && f.observation.platform == Platform::LinkedIn
        })
        .unwrap();
    assert_eq!(reread.observation.source.raw, "1.844");
    assert_eq!(reread.first_seen.kind, SourceKind::Export);
}

#[test]
fn damaged_bytes_are_refused_and_never_panic() {
    let bytes = fixture("v2-store.bin");
    for length in 0..bytes.len() {
        assert!(
            Store::from_bytes(&bytes[..length]).is_err(),
            "a store cut to {length} bytes loaded"
        );
    }
    for position in 0..bytes.len() {
        let mut damaged = bytes.clone();
        damaged[position] ^= 0x10;
        assert!(
            Store::from_bytes(&damaged).is_err(),
            "a flipped bit at {position} was not noticed"
        );
    }
    // Damage that a checksum cannot see (the checksum rewritten to match) is still decoded
    // defensively: an error or a store, never a panic.
    for position in 16..bytes.len() {
        for flip in [0x01, 0x80, 0xff] {
            let mut damaged = bytes.clone();
            damaged[position] ^= flip;
            let checksum = crc32fast::hash(&damaged[16..]);
            damaged[12..16].copy_from_slice(&checksum.to_le_bytes());
            let _ = Store::from_bytes(&damaged);
        }
    }
}

#[test]
fn newer_and_unknown_versions_are_refused_with_what_to_do() {
    let mut future = fixture("v2-store.bin");
    future[8..12].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    let error = Store::from_bytes(&future).unwrap_err();
    assert_eq!(
        error,
        PersistError::FutureVersion {
            found: FORMAT_VERSION + 1,
            supported: FORMAT_VERSION
        }
    );
    assert!(error.to_string().contains("update Yardstick"), "{error}");
    let mut zero = fixture("v2-store.bin");
    zero[8..12].copy_from_slice(&0u32.to_le_bytes());
    assert!(matches!(
        Store::from_bytes(&zero),
        Err(PersistError::UnknownVersion { found: 0, .. })
    ));
    assert_eq!(
        Store::from_bytes(br#"{"format":"yardstick-store","version":9,"facts":[]}"#),
        Err(PersistError::FutureVersion {
            found: 9,
            supported: FORMAT_VERSION
        })
    );
    assert_eq!(
        Store::from_bytes(br#"{"observations":[]}"#),
        Err(PersistError::Unrecognized)
    );
}

#[test]
fn a_broken_version_1_file_is_refused_whole() {
    let v1 = fixture("v1-observations.json");
    let cut = &v1[..v1.len() / 2];
    assert!(matches!(
        Store::from_bytes(cut),
        Err(PersistError::Corrupt { version: 1, .. })
    ));
    let mut observations: Vec<serde_json::Value> = serde_json::from_slice(&v1).unwrap();
    observations[5]["start"] = "2026-12-01".into();
    let invalid = serde_json::to_vec(&observations).unwrap();
    let error = Store::from_bytes(&invalid).unwrap_err();
    assert!(matches!(error, PersistError::Corrupt { version: 1, .. }));
    assert!(error.to_string().contains("observation #5"), "{error}");
    // With a byte order mark and leading white space, version 1 still loads.
    let mut marked = b"\xEF\xBB\xBF\n  ".to_vec();
    marked.extend_from_slice(&v1);
    assert_eq!(Store::load(&marked).unwrap().version, 1);
}
