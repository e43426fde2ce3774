//! Every earlier store version loads, from checked-in fixture files; the current version
//! writes exactly the checked-in bytes; damaged, unknown and newer bytes are refused with a
//! typed error and never panic.
//!
//! Fixtures (`tests/fixtures/store/`):
//! - `v1-observations.json`: version 1, a plain JSON array of observations as an earlier
//!   build wrote it (hand-made: LinkedIn, X, Instagram, Meta and YouTube readings, with
//!   revisions, a re-read, lifetime totals read out of order and a stored derived value).
//! - `v2-store.bin`: version 2, the same store in the binary format, written by the build
//!   that wrote version 2 (never regenerated: it stands for stores already saved).
//! - `content.json`: content records as readers and importers give them (an Instagram post
//!   read from an export and again from its page, a Meta campaign and ad with result type
//!   and attribution, a LinkedIn post, an X post with a blank text that is refused, one with
//!   untrimmed links).
//! - `v3-store.bin`: version 3, the version 1 store with those records merged.
//! - `facts.json`: the facts all three must load to, with their histories;
//!   `content-records.json`: the records version 3 must load to.
//!
//! When the format changes on purpose: bump `FORMAT_VERSION`, keep the old decoder as a
//! migration, keep the old fixture, and write the new one beside it; the current version's
//! fixture and the JSON files are regenerated with
//! `UPDATE_STORE_FIXTURES=1 cargo test --test persist_versions` (versions 1 and 2 never
//! are: they stand for files already written).

// Helpers outside #[test] functions unwrap too: a failure there is the test failing.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use yardstick::content::ContentRecord;
use yardstick::metrics::CanonicalMetric as M;
use yardstick::model::{Platform, Scope, SourceKind, Window};
use yardstick::store::{PersistError, RejectReason, Store, FORMAT_VERSION};

/// The current version's fixture.
const CURRENT: &str = "v3-store.bin";
/// Every binary fixture, oldest first.
const BINARY: [&str; 2] = ["v2-store.bin", CURRENT];

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

fn records_json(store: &Store) -> String {
    let records: Vec<&ContentRecord> = store.content_records().collect();
    serde_json::to_string_pretty(&records).unwrap() + "\n"
}

/// The version 1 store with the fixture's content records merged, as version 3 holds it.
fn store_with_content() -> Store {
    let mut store = Store::from_bytes(&fixture("v1-observations.json")).unwrap();
    let records: Vec<ContentRecord> = serde_json::from_slice(&fixture("content.json")).unwrap();
    let report = store.merge_content(records);
    assert_eq!(report.kept, 6);
    let refused: Vec<String> = report.refused.iter().map(ToString::to_string).collect();
    assert_eq!(
        refused,
        vec![
            "a content record for 1975312345678901234 from \
             https://x.com/acme_nl/status/1975312345678901234/analytics says nothing besides its id"
        ]
    );
    store
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
    let with_content = store_with_content();
    if updating() {
        std::fs::write(path(CURRENT), with_content.to_bytes().unwrap()).unwrap();
        std::fs::write(path("facts.json"), facts_json(&from_v1.store)).unwrap();
        std::fs::write(path("content-records.json"), records_json(&with_content)).unwrap();
    }
    let expected = String::from_utf8(fixture("facts.json")).unwrap();
    assert_eq!(facts_json(&from_v1.store), expected);

    let from_v2 = Store::load(&fixture("v2-store.bin")).unwrap();
    assert_eq!(from_v2.version, 2, "a version 2 store is migrated");
    assert!(from_v2.rejected.is_empty());
    assert_eq!(from_v2.store.content_len(), 0);
    assert_eq!(from_v2.store, from_v1.store);
    assert_eq!(facts_json(&from_v2.store), expected);

    let from_v3 = Store::load(&fixture(CURRENT)).unwrap();
    assert_eq!(from_v3.version, FORMAT_VERSION);
    assert_eq!(FORMAT_VERSION, 3);
    assert_eq!(facts_json(&from_v3.store), expected);
    assert_eq!(from_v3.store, with_content);
    assert_eq!(
        records_json(&from_v3.store),
        String::from_utf8(fixture("content-records.json")).unwrap()
    );
}

#[test]
fn the_current_version_writes_exactly_the_checked_in_bytes() {
    // If this fails, the encoding changed: bump FORMAT_VERSION and keep the old decoder.
    let bytes = fixture(CURRENT);
    assert_eq!(
        Store::from_bytes(&bytes).unwrap().to_bytes().unwrap(),
        bytes
    );
    assert_eq!(store_with_content().to_bytes().unwrap(), bytes);
}

#[test]
fn a_migrated_version_2_store_saves_as_the_current_version_without_records() {
    let v2 = fixture("v2-store.bin");
    let migrated = Store::from_bytes(&v2).unwrap().to_bytes().unwrap();
    assert_eq!(&migrated[8..12], &FORMAT_VERSION.to_le_bytes());
    // Version 3 without records is version 2's payload and two empty tables.
    assert_eq!(&migrated[16..migrated.len() - 2], &v2[16..]);
    assert_eq!(&migrated[migrated.len() - 2..], &[0, 0]);
    let again = Store::load(&migrated).unwrap();
    assert_eq!(again.version, FORMAT_VERSION);
    assert_eq!(again.store, Store::from_bytes(&v2).unwrap());
}

#[test]
fn the_records_are_what_the_merge_rules_made_of_the_readings() {
    let store = Store::from_bytes(&fixture(CURRENT)).unwrap();
    assert_eq!(store.content_len(), 5);
    let post = store
        .content_records()
        .find(|r| r.platform == Platform::Instagram)
        .unwrap();
    // The page read later has the edited caption (trimmed); the export's permalink and
    // publication day, which the page did not give, are kept.
    assert!(post
        .text
        .as_deref()
        .unwrap()
        .starts_with("Behind the scenes"));
    assert!(post.text.as_deref().unwrap().contains("14 November 🎉"));
    assert!(post.text.as_deref().unwrap().ends_with("#Utrecht"));
    assert_eq!(
        post.permalink.as_deref(),
        Some("https://www.instagram.com/p/DPk3nQ2iA7x/")
    );
    assert_eq!(post.published.unwrap().to_string(), "2026-10-03");
    assert_eq!(post.source.kind, SourceKind::Page);

    let ad = store
        .content_records()
        .find(|r| r.scope == Scope::Ad)
        .unwrap();
    assert_eq!(ad.result_type.as_deref(), Some("actions:lead"));
    assert_eq!(ad.attribution.as_deref(), Some("7-day click or 1-day view"));
    assert_eq!(ad.campaign_id.as_deref(), Some("23850123456789000"));
    assert_eq!(ad.links.len(), 1, "the repeated link is kept once");

    let tweet = store
        .content_records()
        .find(|r| r.platform == Platform::X)
        .unwrap();
    assert_eq!(tweet.links, vec!["https://acme.nl/open-dag"]);
}

#[test]
fn the_fixtures_hold_what_the_merge_rules_made_of_the_observations() {
    for name in BINARY {
        check_facts(&Store::from_bytes(&fixture(name)).unwrap());
    }
}

fn check_facts(store: &Store) {
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
    for name in BINARY {
        let bytes = fixture(name);
        for length in 0..bytes.len() {
            let error = Store::from_bytes(&bytes[..length]).unwrap_err();
            let expected = match length {
                0..=7 => matches!(error, PersistError::Unrecognized),
                8..=15 => matches!(error, PersistError::Corrupt { .. }),
                _ => matches!(error, PersistError::ChecksumMismatch { .. }),
            };
            assert!(expected, "{name} cut to {length} bytes: {error:?}");
        }
        for position in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[position] ^= 0x10;
            let error = Store::from_bytes(&damaged).unwrap_err();
            let expected = match position {
                // The magic bytes.
                0..=7 => matches!(error, PersistError::Unrecognized),
                // The version: a flipped bit names a version that does not exist yet.
                8..=11 => matches!(error, PersistError::FutureVersion { .. }),
                _ => matches!(error, PersistError::ChecksumMismatch { .. }),
            };
            assert!(expected, "{name}, bit flipped at {position}: {error:?}");
        }
    }
}

#[test]
fn damage_the_checksum_cannot_see_is_decoded_defensively() {
    // The checksum rewritten to match: every byte of the payload is decoded as it is, and
    // gives a typed error or a store that saves and loads again, never a panic.
    for name in BINARY {
        let bytes = fixture(name);
        let version = u32::from_le_bytes(bytes[8..12].try_into().unwrap());
        let mut refused = 0;
        let mut cases = 0;
        for position in 16..bytes.len() {
            for flip in [0x01, 0x80, 0xff] {
                let mut damaged = bytes.clone();
                damaged[position] ^= flip;
                let checksum = crc32fast::hash(&damaged[16..]);
                damaged[12..16].copy_from_slice(&checksum.to_le_bytes());
                cases += 1;
                match Store::from_bytes(&damaged) {
                    Err(PersistError::Corrupt { version: found, .. }) => {
                        assert_eq!(found, version, "{name} at {position}");
                        refused += 1;
                    }
                    Err(other) => panic!("{name} at {position}: {other:?}"),
                    Ok(store) => {
                        let again = Store::from_bytes(&store.to_bytes().unwrap()).unwrap();
                        assert_eq!(again, store, "{name} at {position}");
                    }
                }
            }
        }
        // Most damage is noticed by the decoder's own checks; a changed letter in a text
        // or a label is not, and loads as that text.
        assert!(refused * 2 > cases, "{name}: {refused} of {cases} refused");
    }
}

#[test]
fn newer_and_unknown_versions_are_refused_with_what_to_do() {
    let mut future = fixture(CURRENT);
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
    let mut zero = fixture(CURRENT);
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
