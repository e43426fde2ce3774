//! How long a million observations take to merge, save and load, against named baselines
//! measured in the same run:
//! - merge ⟷ inserting the same keys into a plain `HashMap` (no newest-wins rule, no
//!   interning, no history);
//! - save ⟷ `serde_json::to_vec` of the same `Vec<Observation>` (what store format 1 was);
//! - load ⟷ `serde_json::from_slice` of those JSON bytes.
//!
//! - content records (10,000 posts with ~280-character texts, a link, a permalink, in a
//!   store of their own): save ⟷ `serde_json::to_vec(Vec<ContentRecord>)`, load ⟷
//!   `serde_json::from_slice` of those bytes.
//!
//! Each time is the best of three runs. Run: `cargo bench --bench store` (release profile);
//! `cargo bench --bench store -- content` (or `-- observations`) runs one part.
//! `YARDSTICK_BENCH_N=200000` changes the count of observations, `YARDSTICK_BENCH_RECORDS`
//! that of records. The data come from `tests/store_support/generate.rs`: seven platforms,
//! daily account metrics with revisions, post lifetime totals read twice, ad spend, and the
//! posts' texts and links.
//!
//! The same program runs as wasm: `node scripts/bench-wasm.mjs` builds it for
//! `wasm32-wasip1` (`--no-default-features`) and runs it in V8 through `node:wasi`, so it
//! must stay single-threaded and touch no files.

// A benchmark stops at the first failure: it unwraps.
#![allow(clippy::unwrap_used)]

#[path = "../tests/store_support/generate.rs"]
mod generate;

use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use yardstick::content::ContentRecord;
use yardstick::metrics::CanonicalMetric;
use yardstick::model::{Distribution, Metric, Observation, Platform, Scope, Window};
use yardstick::store::{DateRange, PostFilter, Selector, Store};

type Key = (
    Platform,
    String,
    Scope,
    Option<String>,
    Metric,
    Distribution,
    Window,
    NaiveDate,
    NaiveDate,
);

fn key(o: &Observation) -> Key {
    (
        o.platform,
        o.account.clone(),
        o.scope,
        o.post_id.clone(),
        o.metric.clone(),
        o.distribution,
        o.window,
        o.start,
        o.end,
    )
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

/// The best of three runs: the machine is shared, and the least disturbed run is the
/// closest to the code's own cost.
fn best_of_3<T>(mut f: impl FnMut() -> T) -> (T, Duration) {
    let (mut out, mut best) = timed(&mut f);
    for _ in 0..2 {
        let (again, time) = timed(&mut f);
        if time < best {
            best = time;
        }
        out = again;
    }
    (out, best)
}

fn row(name: &str, ours: Duration, baseline_name: &str, baseline: Duration) {
    println!(
        "{name:<8} {:>9.1} ms   {baseline_name:<38} {:>9.1} ms   ratio {:>5.2}",
        ours.as_secs_f64() * 1e3,
        baseline.as_secs_f64() * 1e3,
        ours.as_secs_f64() / baseline.as_secs_f64()
    );
}

fn main() {
    // `cargo bench` passes `--bench`; other words name the parts to run (all when none).
    let parts: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with('-'))
        .collect();
    let runs = |part: &str| parts.is_empty() || parts.iter().any(|p| part.contains(p.as_str()));
    if runs("observations") {
        observations();
    }
    if runs("content") {
        content_records();
    }
}

/// Merge, save, load and query a million observations.
fn observations() {
    let n: usize = std::env::var("YARDSTICK_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let (observations, generated) = timed(|| generate::observations(n));
    println!(
        "{n} observations generated in {:.1} s",
        generated.as_secs_f64()
    );

    let ((store, report), merge) = best_of_3(|| {
        let mut store = Store::new();
        let report = store.merge(&observations).unwrap();
        (store, report)
    });
    let (map, map_insert) = best_of_3(|| {
        let mut map: HashMap<Key, Observation> = HashMap::new();
        for o in &observations {
            map.insert(key(o), o.clone());
        }
        map
    });
    println!(
        "merged: {} facts ({} added, {} replaced, {} unchanged, {} outdated); HashMap baseline holds {} keys",
        store.len(),
        report.added,
        report.replaced,
        report.unchanged,
        report.outdated,
        map.len()
    );
    drop(map);

    let (bytes, save) = best_of_3(|| store.to_bytes().unwrap());
    let (json, json_save) = best_of_3(|| serde_json::to_vec(&observations).unwrap());
    let (loaded, load) = best_of_3(|| Store::from_bytes(&bytes).unwrap());
    let (parsed, json_load) =
        best_of_3(|| serde_json::from_slice::<Vec<Observation>>(&json).unwrap());
    assert_eq!(parsed.len(), n);
    drop(parsed);
    assert_eq!(loaded.len(), store.len());
    assert_eq!(
        loaded.to_bytes().unwrap(),
        bytes,
        "load → save gives the same bytes"
    );

    println!();
    row(
        "merge",
        merge,
        "HashMap insert of the same keys",
        map_insert,
    );
    row(
        "save",
        save,
        "serde_json::to_vec(Vec<Observation>)",
        json_save,
    );
    row(
        "load",
        load,
        "serde_json::from_slice(Vec<Observation>)",
        json_load,
    );
    println!(
        "size     {:>9.1} MB = {:.1} bytes/observation; JSON {:.1} MB = {:.1} bytes/observation (ratio {:.3})",
        bytes.len() as f64 / 1e6,
        bytes.len() as f64 / n as f64,
        json.len() as f64 / 1e6,
        json.len() as f64 / n as f64,
        bytes.len() as f64 / json.len() as f64
    );

    // Queries on the loaded store, as the dashboard and evaluator ask them.
    let year = DateRange::new(
        NaiveDate::from_ymd_opt(2021, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2021, 12, 31).unwrap(),
    )
    .unwrap();
    let month = DateRange::new(
        NaiveDate::from_ymd_opt(2021, 6, 1).unwrap(),
        NaiveDate::from_ymd_opt(2021, 6, 30).unwrap(),
    )
    .unwrap();
    let impressions =
        Selector::new(Platform::LinkedIn, CanonicalMetric::Impressions).account("linkedin_0");
    let (total, period_total) =
        timed(|| black_box(loaded.period_total(&impressions, year).unwrap()));
    let (_, all_platforms) = timed(|| {
        black_box(
            loaded
                .period_total(
                    &Selector::new(
                        yardstick::store::PlatformSet::All,
                        CanonicalMetric::Impressions,
                    ),
                    year,
                )
                .unwrap(),
        )
    });
    let rate = Selector::new(Platform::X, CanonicalMetric::EngagementRate);
    let (_, engagement_rate) = timed(|| black_box(loaded.period_total(&rate, year).unwrap()));
    let (_, daily) = timed(|| black_box(loaded.daily_series(&impressions, year).unwrap()));
    let (rows, posts) = timed(|| {
        black_box(
            loaded
                .posts(
                    &PostFilter::posts(Platform::LinkedIn).account("linkedin_0"),
                    month,
                )
                .unwrap(),
        )
    });
    let (listed, page) =
        timed(|| black_box(loaded.observations_for("https://analytics.example/x/posts/200005400")));
    println!();
    println!(
        "queries: period_total one account/year {:.2} ms (basis {:?}); all platforms/year {:.2} ms; engagement_rate X/year {:.2} ms; daily_series/year {:.2} ms; posts one account/month {:.2} ms ({} rows); observations_for a page {:.2} ms ({} found)",
        period_total.as_secs_f64() * 1e3,
        total.map(|t| t.basis),
        all_platforms.as_secs_f64() * 1e3,
        engagement_rate.as_secs_f64() * 1e3,
        daily.as_secs_f64() * 1e3,
        posts.as_secs_f64() * 1e3,
        rows.len(),
        page.as_secs_f64() * 1e3,
        listed.len()
    );
}

/// Save and load a store holding only content records, against JSON of the same records.
fn content_records() {
    let n: usize = std::env::var("YARDSTICK_BENCH_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let records = generate::content_records(n);
    let text_chars: usize = records
        .iter()
        .filter_map(|r| r.text.as_ref())
        .map(|t| t.chars().count())
        .sum();
    let mut store = Store::new();
    let report = store.merge_content(records.clone());
    assert_eq!((report.kept, report.refused.len()), (n, 0));

    let (bytes, save) = best_of_3(|| store.to_bytes().unwrap());
    let (json, json_save) = best_of_3(|| serde_json::to_vec(&records).unwrap());
    let (loaded, load) = best_of_3(|| Store::from_bytes(&bytes).unwrap());
    let (parsed, json_load) =
        best_of_3(|| serde_json::from_slice::<Vec<ContentRecord>>(&json).unwrap());
    assert_eq!(parsed.len(), n);
    assert_eq!(loaded, store);
    assert_eq!(
        loaded.to_bytes().unwrap(),
        bytes,
        "load → save gives the same bytes"
    );

    println!();
    println!(
        "{n} content records, texts of {:.0} characters on average",
        text_chars as f64 / n as f64
    );
    row(
        "rec save",
        save,
        "serde_json::to_vec(Vec<ContentRecord>)",
        json_save,
    );
    row(
        "rec load",
        load,
        "serde_json::from_slice(Vec<ContentRecord>)",
        json_load,
    );
    println!(
        "rec size {:>9.2} MB = {:.1} bytes/record; JSON {:.2} MB = {:.1} bytes/record (ratio {:.3})",
        bytes.len() as f64 / 1e6,
        bytes.len() as f64 / n as f64,
        json.len() as f64 / 1e6,
        json.len() as f64 / n as f64,
        bytes.len() as f64 / json.len() as f64
    );
}
