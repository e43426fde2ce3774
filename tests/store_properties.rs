//! Properties of the store that must hold for any readings: merge order does not matter
//! (for numbers and for content records), saving and loading is the identity, a version 1
//! file loads to the store its observations make, and a sum never counts a day twice.

// Helpers outside #[test] functions unwrap too: a failure there is the test failing.
#![allow(clippy::unwrap_used)]

mod store_support;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use store_support::{at, reading, record, Describe, Tweak};
use yardstick::content::ContentRecord;
use yardstick::metrics::CanonicalMetric as M;
use yardstick::model::{Observation, Platform, Scope, Window};
use yardstick::store::{DateRange, Selector, Store};

const FIRST_DAY: &str = "2026-10-01";

fn first_day() -> NaiveDate {
    FIRST_DAY.parse().unwrap()
}

/// Readings drawn from a small space, so that keys collide and readings conflict often.
fn a_reading() -> impl Strategy<Value = Observation> {
    (
        prop::sample::select(vec![Platform::LinkedIn, Platform::X]),
        prop::sample::select(vec!["104857", "acme_nl"]),
        prop::sample::select(vec![M::Impressions, M::Clicks, M::Reactions, M::Followers]),
        prop::sample::select(vec![
            Window::Day,
            Window::Range,
            Window::Lifetime,
            Window::Snapshot,
        ]),
        (0u64..12, 0u64..6),
        // Whole counts, and decimals as pages write them (a ratio, a duration, an amount).
        prop_oneof![
            (0u32..3000).prop_map(f64::from),
            (0u64..1_000_000_000).prop_map(|v| v as f64 / 1000.0)
        ],
        (
            0u32..4,
            prop::sample::select(vec![
                "account_overview_analytics.csv",
                "https://x.com/i/account_analytics",
            ]),
        ),
        prop::option::of(prop::sample::select(vec![
            "urn:li:activity:1",
            "urn:li:activity:2",
        ])),
    )
        .prop_map(
            |(
                platform,
                account,
                metric,
                window,
                (offset, length),
                value,
                (hour, location),
                post,
            )| {
                let start = first_day() + Days::new(offset);
                let end = if window == Window::Day {
                    start
                } else {
                    start + Days::new(length)
                };
                let mut observation = reading(
                    platform,
                    metric,
                    &start.to_string(),
                    &end.to_string(),
                    value,
                )
                .account(account)
                .window(window)
                .at_location(location);
                observation.source.read_at =
                    at(&format!("2026-11-0{}T0{}:00:00Z", 1 + hour % 3, hour));
                match post {
                    Some(post) => observation.post(post),
                    None => observation,
                }
            },
        )
}

/// Records of a few entities from a few readings, each saying some of what a source can
/// say, so that the same entity is read often and its readings disagree. Two readings
/// made at the same moment in the same place are one reading: they share a label.
fn a_record() -> impl Strategy<Value = ContentRecord> {
    (
        (
            prop::sample::select(vec![Platform::X, Platform::Meta]),
            prop::sample::select(vec![Scope::Post, Scope::Ad]),
            prop::sample::select(vec!["1975312345678901235", "23850123456789123"]),
        ),
        (
            prop::option::of(prop::sample::select(vec![
                "Open dag op 14 november #OpenDag2026",
                "Open dag op 14 november 🎓 #OpenDag2026",
                "  ",
            ])),
            prop::sample::subsequence(
                vec![
                    "https://acme.nl/open-dag?utm_campaign=najaar-werving",
                    "https://acme.nl/werken-bij",
                    "javascript:void(0)",
                ],
                0..=3,
            ),
            prop::option::of(Just("https://x.com/acme_nl/status/1975312345678901235")),
            prop::option::of(prop::sample::select(vec!["2026-10-03", "2026-10-04"])),
        ),
        (
            prop::option::of(prop::sample::select(vec!["actions:lead", "Link clicks"])),
            prop::option::of(prop::sample::select(vec![
                "7-day click or 1-day view",
                "1-day click",
            ])),
            prop::option::of(Just(("Najaar werving", "23850123456789000"))),
        ),
        (
            0u32..4,
            prop::sample::select(vec![
                "Acme-Ads-Oct-1-2026-Oct-31-2026.csv",
                "https://x.com/acme_nl/status/1975312345678901235/analytics",
            ]),
        ),
    )
        .prop_map(
            |(
                (platform, scope, id),
                (text, links, permalink, published),
                (result_type, attribution, campaign),
                (hour, location),
            )| {
                let mut content = record(platform, scope, id).seen_at(&format!(
                    "2026-11-0{}T0{}:00:00Z",
                    1 + hour % 3,
                    hour
                ));
                content.source.location = location.to_owned();
                content.source.label = format!("text of {location}");
                content.text = text.map(str::to_owned);
                content.links = links.into_iter().map(str::to_owned).collect();
                content.permalink = permalink.map(str::to_owned);
                if let Some(day) = published {
                    content = content.published(day);
                }
                content.result_type = result_type.map(str::to_owned);
                content.attribution = attribution.map(str::to_owned);
                if let Some((name, id)) = campaign {
                    content = content.in_campaign(name, id);
                }
                content
            },
        )
}

/// Records with any number of readings of each entity, from the same or other sources, at
/// the same or other moments: the store must make one record of them whatever the order.
fn some_records(len: std::ops::Range<usize>) -> impl Strategy<Value = Vec<ContentRecord>> {
    prop::collection::vec(a_record(), len)
}

fn merged(batches: &[&[Observation]]) -> Store {
    let mut store = Store::new();
    for batch in batches {
        store.merge(batch).unwrap();
    }
    store
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn merging_in_any_order_or_batching_gives_the_same_store(
        (batch, shuffled) in prop::collection::vec(a_reading(), 1..40)
            .prop_flat_map(|batch| (Just(batch.clone()), Just(batch).prop_shuffle())),
        split in 0usize..40,
    ) {
        let once = merged(&[batch.as_slice()]);
        let split = split.min(shuffled.len());
        let (first, second) = shuffled.split_at(split);
        let in_parts = merged(&[first, second]);
        prop_assert_eq!(&once, &in_parts);
        prop_assert_eq!(once.to_bytes().unwrap(), in_parts.to_bytes().unwrap());
    }

    #[test]
    fn merging_records_in_any_order_or_batching_gives_the_same_store(
        (records, shuffled) in some_records(1..30)
            .prop_flat_map(|records| (Just(records.clone()), Just(records).prop_shuffle())),
        split in 0usize..30,
        numbers in prop::collection::vec(a_reading(), 0..10),
    ) {
        let mut once = merged(&[numbers.as_slice()]);
        let report = once.merge_content(records.clone());
        prop_assert_eq!(report.kept + report.unchanged + report.refused.len(), records.len());

        let split = split.min(shuffled.len());
        let (first, second) = shuffled.split_at(split);
        let mut in_parts = Store::new();
        in_parts.merge_content(second.to_vec());
        in_parts.merge(&numbers).unwrap();
        in_parts.merge_content(first.to_vec());
        prop_assert_eq!(&once, &in_parts);
        prop_assert_eq!(once.to_bytes().unwrap(), in_parts.to_bytes().unwrap());

        // One at a time, each alone, gives the same store again.
        let mut one_by_one = merged(&[numbers.as_slice()]);
        for record in shuffled.iter().rev() {
            one_by_one.merge_content([record.clone()]);
        }
        prop_assert_eq!(&once, &one_by_one);
    }

    #[test]
    fn saving_and_loading_keeps_records(
        numbers in prop::collection::vec(a_reading(), 0..20),
        // Any records at all, whatever their merge gave, save and load as they are.
        records in prop::collection::vec(a_record(), 0..20),
    ) {
        let mut store = merged(&[numbers.as_slice()]);
        store.merge_content(records);
        let bytes = store.to_bytes().unwrap();
        let loaded = Store::from_bytes(&bytes).unwrap();
        prop_assert_eq!(&loaded, &store);
        prop_assert_eq!(loaded.content_len(), store.content_len());
        prop_assert_eq!(loaded.to_bytes().unwrap(), bytes);
    }

    #[test]
    fn saving_and_loading_is_the_identity(batch in prop::collection::vec(a_reading(), 0..40)) {
        let store = merged(&[batch.as_slice()]);
        let bytes = store.to_bytes().unwrap();
        let loaded = Store::from_bytes(&bytes).unwrap();
        prop_assert_eq!(&loaded, &store);
        prop_assert_eq!(loaded.to_bytes().unwrap(), bytes);
    }

    #[test]
    fn a_version_1_file_loads_to_the_store_its_observations_make(batch in prop::collection::vec(a_reading(), 0..30)) {
        let json = serde_json::to_vec(&batch).unwrap();
        let loaded = Store::load(&json).unwrap();
        prop_assert_eq!(loaded.version, 1);
        prop_assert_eq!(&loaded.store, &merged(&[batch.as_slice()]));
    }

    #[test]
    fn a_sum_never_counts_a_day_twice(
        batch in prop::collection::vec(a_reading(), 1..60),
        (offset, length) in (0u64..12, 0u64..14),
    ) {
        let store = merged(&[batch.as_slice()]);
        let start = first_day() + Days::new(offset);
        let period = DateRange::new(start, start + Days::new(length)).unwrap();
        for platform in [Platform::LinkedIn, Platform::X] {
            let selector = Selector::new(platform, M::Impressions).account("104857");
            let Some(total) = store.period_total(&selector, period).unwrap() else { continue };
            let mut ranges: Vec<DateRange> =
                total.sources.iter().map(|o| DateRange::new(o.start, o.end).unwrap()).collect();
            ranges.sort();
            for pair in ranges.windows(2) {
                prop_assert!(!pair[0].overlaps(&pair[1]), "{:?} overlaps {:?}", pair[0], pair[1]);
            }
            prop_assert!(ranges.iter().all(|r| period.covers(r)));
            let days: u32 = ranges.iter().map(DateRange::len_days).sum();
            prop_assert_eq!(days, total.coverage.covered_days);
            let sum: f64 = total.sources.iter().map(|o| o.value).sum();
            prop_assert!((sum - total.value).abs() <= 1e-9 * sum.abs().max(1.0));
        }
    }
}
