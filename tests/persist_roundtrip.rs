//! Many observations round-trip: merged, saved, loaded, and equal; the encoding stays
//! compact. `benches/store.rs` runs the same with a million observations and times it.

// Helpers outside #[test] functions unwrap too: a failure there is the test failing.
#![allow(clippy::unwrap_used)]

mod store_support;

use store_support::generate;
use yardstick::store::Store;

const N: usize = 20_000;

#[test]
fn twenty_thousand_observations_merge_save_and_load_unchanged() {
    let observations = generate::observations(N);
    assert_eq!(observations.len(), N);
    let mut store = Store::new();
    let report = store.merge(&observations).unwrap();
    assert_eq!(
        report.added + report.replaced + report.unchanged + report.outdated,
        N
    );
    assert!(
        report.replaced > 0,
        "the stream revises days and re-reads posts"
    );
    assert_eq!(store.len(), report.added);

    let bytes = store.to_bytes().unwrap();
    let loaded = Store::from_bytes(&bytes).unwrap();
    assert_eq!(loaded, store);
    assert_eq!(loaded.to_bytes().unwrap(), bytes);

    // Compact: far smaller than version 1 (a JSON array of the observations) would be.
    let json = serde_json::to_vec(&observations).unwrap();
    let per_observation = bytes.len() as f64 / N as f64;
    assert!(
        per_observation < 40.0,
        "{per_observation:.1} bytes per observation"
    );
    assert!(
        bytes.len() * 8 < json.len(),
        "{} bytes against {} of JSON",
        bytes.len(),
        json.len()
    );
}
