//! The merge rules of the store, one situation each: the same fact twice, a newer reading,
//! an older reading arriving late, lifetime totals, computed values, invalid batches.

// Helpers outside #[test] functions unwrap too: a failure there is the test failing.
#![allow(clippy::unwrap_used)]

mod store_support;

use store_support::{day, range, reading, Tweak};
use yardstick::derive::derive_standard;
use yardstick::metrics::CanonicalMetric as M;
use yardstick::model::{Platform, SourceKind, Unit, Window};
use yardstick::store::{Basis, MergeError, Problem, RejectReason, Selector, Store};

fn merged(batches: &[Vec<yardstick::model::Observation>]) -> Store {
    let mut store = Store::new();
    for batch in batches {
        store.merge(batch).unwrap();
    }
    store
}

#[test]
fn the_same_fact_read_twice_is_one_fact() {
    let export = vec![
        reading(
            Platform::LinkedIn,
            M::Impressions,
            "2026-10-01",
            "2026-10-01",
            1840.0,
        ),
        reading(
            Platform::LinkedIn,
            M::Clicks,
            "2026-10-01",
            "2026-10-01",
            61.0,
        ),
    ];
    let mut store = Store::new();
    let first = store.merge(&export).unwrap();
    assert_eq!((first.added, first.unchanged), (2, 0));
    let again = store.merge(&export).unwrap();
    assert_eq!(
        (again.added, again.replaced, again.unchanged, again.outdated),
        (0, 0, 2, 0)
    );
    assert_eq!(store.len(), 2);

    // The overlay reads the same number off the page a day later: still one fact, now
    // with the page as its latest provenance and the export as where it was first seen.
    let page = reading(
        Platform::LinkedIn,
        M::Impressions,
        "2026-10-01",
        "2026-10-01",
        1840.0,
    )
    .kind(SourceKind::Page)
    .at_location("https://www.linkedin.com/company/104857/admin/analytics/updates/")
    .read_at("2026-11-03T10:00:00Z");
    let report = store.merge(&[page]).unwrap();
    assert_eq!((report.added, report.unchanged), (0, 1));
    assert_eq!(store.len(), 2);
    let fact = store
        .facts()
        .into_iter()
        .find(|f| f.observation.metric == M::Impressions.into())
        .unwrap();
    assert_eq!(fact.observation.source.kind, SourceKind::Page);
    assert_eq!(
        fact.first_seen.location,
        "acme-bv_content_1761980400000.xlsx#Metrics"
    );
    assert_eq!(
        fact.first_seen.read_at.to_rfc3339(),
        "2026-11-02T08:30:00+00:00"
    );
}

#[test]
fn a_newer_reading_replaces_an_older_one_and_both_are_remembered() {
    // X revises recent days: the export of 3 October says 1,180 impressions for 2 October,
    // the export of 5 October says 1,214.
    let early = reading(
        Platform::X,
        M::Impressions,
        "2026-10-02",
        "2026-10-02",
        1180.0,
    )
    .at_location("account_overview_analytics (3).csv")
    .read_at("2026-10-03T07:00:00Z");
    let revised = reading(
        Platform::X,
        M::Impressions,
        "2026-10-02",
        "2026-10-02",
        1214.0,
    )
    .at_location("account_overview_analytics (5).csv")
    .read_at("2026-10-05T07:00:00Z");
    let mut store = merged(&[vec![early.clone()]]);
    let report = store.merge(std::slice::from_ref(&revised)).unwrap();
    assert_eq!(report.replaced, 1);
    assert_eq!(store.observations(), vec![revised.clone()]);
    let fact = &store.facts()[0];
    assert_eq!(fact.earlier, vec![early]);
    assert_eq!(
        fact.first_seen.location,
        "account_overview_analytics (3).csv"
    );
    let total = store
        .period_total(
            &Selector::new(Platform::X, M::Impressions),
            range("2026-10-02", "2026-10-02"),
        )
        .unwrap()
        .unwrap();
    assert_eq!(total.value, 1214.0);
    assert_eq!(total.sources, vec![revised]);
}

#[test]
fn an_older_reading_arriving_later_does_not_replace_a_newer_one() {
    let early = reading(
        Platform::X,
        M::Impressions,
        "2026-10-02",
        "2026-10-02",
        1180.0,
    )
    .read_at("2026-10-03T07:00:00Z");
    let revised = reading(
        Platform::X,
        M::Impressions,
        "2026-10-02",
        "2026-10-02",
        1214.0,
    )
    .read_at("2026-10-05T07:00:00Z");
    let mut store = merged(&[vec![revised.clone()]]);
    let report = store.merge(std::slice::from_ref(&early)).unwrap();
    assert_eq!((report.replaced, report.outdated), (0, 1));
    assert_eq!(store.observations(), vec![revised.clone()]);
    assert_eq!(store.facts()[0].earlier, vec![early.clone()]);
    assert_eq!(
        store,
        merged(&[vec![early], vec![revised]]),
        "arrival order does not matter"
    );
}

#[test]
fn lifetime_post_totals_keep_the_latest_as_of_value() {
    // Meta's post export says "Lifetime": totals as of the export day. The October export
    // re-imported after the November one must not roll the post back.
    let post = |as_of: &str, value: f64, read_at: &str| {
        reading(
            Platform::Instagram,
            M::Reactions,
            "2026-10-03",
            as_of,
            value,
        )
        .post("18034567890123456")
        .window(Window::Lifetime)
        .named("Behind the scenes at the Utrecht office")
        .at_location(&format!("Oct-01-2026_{as_of}_posts.csv"))
        .read_at(read_at)
    };
    let october = post("2026-10-10", 412.0, "2026-10-10T18:00:00Z");
    let november = post("2026-11-01", 655.0, "2026-11-01T18:00:00Z");
    let october_again = post("2026-10-10", 412.0, "2026-11-02T09:00:00Z");
    let mut store = merged(&[vec![october.clone()], vec![november.clone()]]);
    assert_eq!(store.len(), 1);
    let report = store.merge(std::slice::from_ref(&october_again)).unwrap();
    assert_eq!(report.outdated, 1);
    assert_eq!(store.observations(), vec![november.clone()]);
    let earlier = &store.facts()[0].earlier;
    assert_eq!(earlier, &vec![october_again, october], "newest first");
}

#[test]
fn snapshots_of_different_days_are_different_facts() {
    // Followers is a level: each day's total is a fact of its own, keyed by its as-of day
    // whatever start the reader gave it.
    let founding = reading(
        Platform::LinkedIn,
        M::Followers,
        "2019-03-01",
        "2026-10-05",
        5210.0,
    )
    .window(Window::Snapshot);
    let as_of_day = reading(
        Platform::LinkedIn,
        M::Followers,
        "2026-10-05",
        "2026-10-05",
        5212.0,
    )
    .window(Window::Snapshot)
    .read_at("2026-11-03T08:00:00Z");
    let next_day = reading(
        Platform::LinkedIn,
        M::Followers,
        "2026-10-06",
        "2026-10-06",
        5230.0,
    )
    .window(Window::Snapshot);
    let store = merged(&[vec![founding, as_of_day.clone(), next_day.clone()]]);
    assert_eq!(store.observations(), vec![as_of_day, next_day]);
}

#[test]
fn a_one_day_range_and_a_day_are_the_same_fact() {
    let as_range = reading(
        Platform::X,
        M::Impressions,
        "2026-10-02",
        "2026-10-02",
        1180.0,
    )
    .window(Window::Range);
    let as_day = reading(
        Platform::X,
        M::Impressions,
        "2026-10-02",
        "2026-10-02",
        1214.0,
    )
    .read_at("2026-11-05T08:00:00Z");
    let store = merged(&[vec![as_range, as_day.clone()]]);
    assert_eq!(store.observations(), vec![as_day]);
}

#[test]
fn computed_values_are_not_stored_and_the_report_says_why() {
    let parts = vec![
        reading(
            Platform::LinkedIn,
            M::Impressions,
            "2026-10-01",
            "2026-10-28",
            48_120.0,
        ),
        reading(
            Platform::LinkedIn,
            M::Reactions,
            "2026-10-01",
            "2026-10-28",
            960.0,
        ),
        reading(
            Platform::LinkedIn,
            M::Comments,
            "2026-10-01",
            "2026-10-28",
            112.0,
        ),
    ];
    let mut batch = parts.clone();
    batch.extend(derive_standard(&parts));
    assert_eq!(batch.len(), 5);
    let mut store = Store::new();
    let report = store.merge(&batch).unwrap();
    assert_eq!(report.added, 3);
    let rejected: Vec<(usize, String, RejectReason)> = report
        .rejected
        .iter()
        .map(|r| (r.index, r.metric.to_string(), r.reason))
        .collect();
    assert_eq!(
        rejected,
        vec![
            (3, "engagements".to_owned(), RejectReason::Computed),
            (4, "engagement_rate".to_owned(), RejectReason::Computed),
        ]
    );
    // Asked for, standard engagement is computed from the stored parts.
    let total = store
        .period_total(
            &Selector::new(Platform::LinkedIn, M::Engagements),
            range("2026-10-01", "2026-10-28"),
        )
        .unwrap()
        .unwrap();
    assert_eq!((total.value, total.basis), (1072.0, Basis::Range));
}

#[test]
fn an_invalid_batch_is_refused_whole_and_the_store_is_unchanged() {
    let mut store = merged(&[vec![reading(
        Platform::Meta,
        M::Spend,
        "2026-10-01",
        "2026-10-01",
        84.12,
    )]]);
    let before = store.clone();
    let bytes_before = store.to_bytes().unwrap();
    let batch = vec![
        reading(Platform::Meta, M::Spend, "2026-10-02", "2026-10-02", 91.40),
        reading(
            Platform::Meta,
            M::Impressions,
            "2026-10-28",
            "2026-10-01",
            18_000.0,
        ),
        reading(
            Platform::Meta,
            M::Cpm,
            "2026-10-02",
            "2026-10-02",
            f64::INFINITY,
        ),
        reading(Platform::Meta, M::Ctr, "2026-10-02", "2026-10-02", 1.9).unit(Unit::Count),
        reading(Platform::Meta, M::Spend, "2026-10-03", "2026-10-03", 77.0).unit(Unit::Count),
    ];
    let error = store.merge(&batch).unwrap_err();
    let MergeError::InvalidBatch { batch_len, invalid } = &error;
    assert_eq!(*batch_len, 5);
    let found: Vec<(usize, &Problem)> = invalid.iter().map(|i| (i.index, &i.problem)).collect();
    assert_eq!(
        found,
        vec![
            (
                1,
                &Problem::StartAfterEnd {
                    start: day("2026-10-28"),
                    end: day("2026-10-01")
                }
            ),
            (
                2,
                &Problem::ValueNotFinite {
                    value: f64::INFINITY
                }
            ),
            (
                3,
                &Problem::UnitContradictsMetric {
                    unit: Unit::Count,
                    expected: "ratio".into()
                }
            ),
            (
                4,
                &Problem::UnitContradictsMetric {
                    unit: Unit::Count,
                    expected: "a currency (currency:XXX)".into()
                }
            ),
        ]
    );
    let message = error.to_string();
    assert!(message.contains("nothing stored"), "{message}");
    assert!(
        message.contains(
            "observation #1 (impressions from Acme-Campaigns-Oct-1-2026-Oct-31-2026.csv)"
        ),
        "{message}"
    );
    assert_eq!(store, before);
    assert_eq!(store.to_bytes().unwrap(), bytes_before);
    assert_eq!(store.len(), 1);
}
