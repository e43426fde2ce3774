//! Import throughput on a generated X per-post export (`tweet_activity_metrics_…csv`, 40
//! quoted columns, tweet text with commas, quotes and newlines, promoted columns holding
//! `-`), 100 000 rows by default. Nothing is checked in: the file is built here.
//!
//! Prints MB/s and rows/s for the full import (observations collected, as the CLI and the
//! browser do) and for the streaming call with a counting sink, each as a ratio of a named
//! baseline measured in the same run: plain `csv::ByteRecord` iteration over the same bytes.
//!
//! `cargo bench --bench import [-- ROWS]`; `YARDSTICK_BENCH_WRITE=path` also saves the file.

// A benchmark on generated input: a failed unwrap is a broken benchmark, reported loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use yardstick::import::{import_file, import_file_into};

const METRICS: [&str; 18] = [
    "impressions",
    "engagements",
    "engagement rate",
    "retweets",
    "replies",
    "likes",
    "user profile clicks",
    "url clicks",
    "hashtag clicks",
    "detail expands",
    "permalink clicks",
    "app opens",
    "app installs",
    "follows",
    "email tweet",
    "dial phone",
    "media views",
    "media engagements",
];

/// A per-post export with `rows` tweets; every 50th is promoted.
fn generate(rows: usize) -> Vec<u8> {
    let mut out = String::with_capacity(rows * 420);
    let mut header = vec![
        "Tweet id".to_owned(),
        "Tweet permalink".into(),
        "Tweet text".into(),
        "time".into(),
    ];
    header.extend(METRICS.iter().map(|m| (*m).to_owned()));
    header.extend(METRICS.iter().map(|m| format!("promoted {m}")));
    out.push_str(
        &header
            .iter()
            .map(|h| format!("\"{h}\""))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.push('\n');
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for row in 0..rows {
        let id = 1_090_000_000_000_000_000u64 + row as u64 * 7_919;
        let impressions = 100 + next() % 20_000;
        let engagements = next() % (impressions / 10 + 1);
        let day = 1 + row % 28;
        let _ = write!(
            out,
            "\"{id}\",\"https://twitter.com/acme/status/{id}\",\"Post {row}, with \"\"quotes\"\", commas\nand a second line\",\"2019-01-{day:02} 12:{:02} +0000\",\"{impressions}.0\",\"{engagements}.0\",\"{}\"",
            row % 60,
            engagements as f64 / impressions as f64
        );
        for _ in 3..METRICS.len() {
            let _ = write!(out, ",\"{}.0\"", next() % 50);
        }
        for _ in 0..METRICS.len() {
            if row % 50 == 0 {
                let _ = write!(out, ",\"{}.0\"", next() % 500);
            } else {
                out.push_str(",\"-\"");
            }
        }
        out.push('\n');
    }
    out.into_bytes()
}

/// The fastest of `runs` timings of `work`.
fn best_of(runs: usize, mut work: impl FnMut() -> usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut count = 0;
    for _ in 0..runs {
        let start = Instant::now();
        count = black_box(work());
        best = best.min(start.elapsed());
    }
    (best, count)
}

fn main() {
    let rows: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let bytes = generate(rows);
    if let Some(path) = std::env::var_os("YARDSTICK_BENCH_WRITE") {
        std::fs::write(&path, &bytes).unwrap();
    }
    let name = "tweet_activity_metrics_acme_20190101_20190201_en.csv";
    let at: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-11-26T12:00:00Z")
        .unwrap()
        .into();
    let megabytes = bytes.len() as f64 / 1_000_000.0;
    println!("input: {rows} rows, {megabytes:.1} MB (X per-post export, 40 quoted columns)");

    let (baseline, records) = best_of(5, || {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes.as_slice());
        let mut record = csv::ByteRecord::new();
        let mut records = 0;
        while reader.read_byte_record(&mut record).unwrap() {
            records += 1;
        }
        records
    });
    assert_eq!(records, rows + 1);

    let (streaming, observations) = best_of(3, || {
        let mut observations = 0;
        import_file_into(name, &bytes, at, &mut |_| observations += 1, &mut |_| {}).unwrap();
        observations
    });
    let (collected, collected_count) = best_of(3, || {
        let result = import_file(name, &bytes, at).unwrap();
        assert_eq!(result.summary.rows_read as usize, rows);
        result.observations.len()
    });
    assert_eq!(observations, collected_count);

    println!("observations per run: {observations}");
    let line = |label: &str, time: Duration| {
        let seconds = time.as_secs_f64();
        println!(
            "{label:<44} {:>8.1} ms {:>8.1} MB/s {:>10.0} rows/s  {:>5.2}x baseline time",
            seconds * 1000.0,
            megabytes / seconds,
            rows as f64 / seconds,
            seconds / baseline.as_secs_f64()
        );
    };
    line("baseline: csv::ByteRecord iteration", baseline);
    line("import_file_into (counting sink)", streaming);
    line("import_file (observations collected)", collected);
}
