//! `yardstick import FILE…` on the command line: observations as one JSON array on stdout
//! (the observation contract), a summary line per file and its warnings on stderr, and a
//! non-zero exit when a file is refused while the other files still import.

// Helpers outside #[test] fns: a failed unwrap here is a failed test, which is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::Path;
use std::process::Command;

fn fixture(case: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exports")
        .join(case);
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| path.file_name().unwrap() != "expected.json")
        .unwrap()
}

fn expected_count(case: &str) -> u64 {
    expected_number(case, "observation_count")
}

fn expected_number(case: &str, field: &str) -> u64 {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exports")
        .join(case)
        .join("expected.json");
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    expected[field].as_u64().unwrap()
}

fn run(args: &[&std::ffi::OsStr]) -> (i32, serde_json::Value, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_yardstick"))
        .arg("import")
        .args(args)
        .output()
        .unwrap();
    let stdout = serde_json::from_slice(&output.stdout).unwrap();
    (
        output.status.code().unwrap(),
        stdout,
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn prints_observations_and_fails_on_a_refused_file() {
    let youtube = fixture("youtube_advanced_en");
    let refused = fixture("error_unrecognised");
    let meta = fixture("facebook_posts_duplicate_reactions");
    let at = std::ffi::OsStr::new("--imported-at");
    let time = std::ffi::OsStr::new("2026-11-26T12:00:00Z");
    let (code, stdout, stderr) = run(&[
        youtube.as_os_str(),
        refused.as_os_str(),
        meta.as_os_str(),
        at,
        time,
    ]);
    assert_eq!(
        code, 1,
        "a refused file makes the exit code non-zero: {stderr}"
    );
    let observations = stdout.as_array().unwrap();
    let expected = expected_count("youtube_advanced_en")
        + expected_count("facebook_posts_duplicate_reactions");
    assert_eq!(observations.len() as u64, expected);
    let first = &observations[0];
    assert_eq!(first["platform"], "youtube");
    assert_eq!(first["source"]["kind"], "export");
    assert_eq!(first["source"]["read_at"], "2026-11-26T12:00:00Z");
    assert!(first["source"]["location"]
        .as_str()
        .unwrap()
        .ends_with("› Chart data.csv"));
    assert!(
        stderr.contains("my_budget.csv: not a platform export Yardstick recognises"),
        "{stderr}"
    );
    assert!(
        stderr.contains("youtube youtube_advanced (en), 2024-09-01..2024-09-30"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning duplicate_column_conflict"),
        "{stderr}"
    );
}

#[test]
fn summary_mode_prints_one_summary_per_file() {
    let x = fixture("x_tweet_activity_en");
    let (code, stdout, _) = run(&[x.as_os_str(), std::ffi::OsStr::new("--summary")]);
    assert_eq!(code, 0);
    let summaries = stdout.as_array().unwrap();
    assert_eq!(summaries.len(), 1);
    assert_eq!(summaries[0]["kind"], "x_tweet_activity");
    assert_eq!(
        summaries[0]["observation_count"].as_u64(),
        Some(expected_count("x_tweet_activity_en"))
    );
    assert_eq!(summaries[0]["diagnostics"][0]["code"], "id_mangled");
    // The two readable tweets' texts and links were read as content records.
    assert_eq!(
        summaries[0]["content_count"].as_u64(),
        Some(expected_number("x_tweet_activity_en", "content_count"))
    );
    assert_eq!(summaries[0]["content_count"].as_u64(), Some(2));
}
