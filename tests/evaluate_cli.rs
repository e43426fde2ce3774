//! `yardstick evaluate` as a user runs it: a strategy file and observation files in, the
//! evaluation as JSON on stdout; mistakes named on stderr with the file, exit code 1.

// Tests may panic on a broken expectation; helpers outside #[test] functions too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn fixture(name: &str) -> String {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "strategy",
        name,
    ]
    .iter()
    .collect();
    path.to_string_lossy().into_owned()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yardstick"))
        .arg("evaluate")
        .args(args)
        .output()
        .unwrap()
}

fn status_of(evaluation: &Value, kpi: &str) -> (String, Value) {
    let found = evaluation["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kpi"] == kpi)
        .unwrap();
    (
        found["status"].as_str().unwrap().to_owned(),
        found["actual"].clone(),
    )
}

#[test]
fn prints_the_evaluation_as_json() {
    let output = run(&[
        "--strategy",
        &fixture("cli/strategy.json"),
        "--data",
        &fixture("cli/observations.json"),
        "--today",
        "2026-11-16",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stderr.is_empty());
    let evaluation: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(evaluation["strategy"], "Acme on LinkedIn");
    assert_eq!(
        status_of(&evaluation, "impressions"),
        ("on_track".into(), Value::from(15_180.0))
    );
    assert_eq!(
        status_of(&evaluation, "followers"),
        ("off_track".into(), Value::from(11_052.0))
    );
    assert_eq!(
        status_of(&evaluation, "lost"),
        ("at_risk".into(), Value::from(71.0))
    );
    let impressions = &evaluation["kpis"][0];
    assert_eq!(impressions["period"]["label"], "2026-11");
    assert_eq!(impressions["series"].as_array().unwrap().len(), 15);
    assert_eq!(impressions["previous"]["status"], "no_data");
}

#[test]
fn a_moment_is_read_in_the_platforms_time_zone() {
    // 23:30 UTC on 15 November: LinkedIn reports in UTC, so the 15th is not over yet.
    let output = run(&[
        "--strategy",
        &fixture("cli/strategy.json"),
        "--data",
        &fixture("cli/observations.json"),
        "--now",
        "2026-11-15T23:30:00Z",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let evaluation: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(evaluation["kpis"][0]["today"], "2026-11-15");
    assert_eq!(evaluation["kpis"][0]["coverage"]["elapsed_days"], 14);
}

#[test]
fn a_read_page_reading_is_accepted_as_data() {
    let observations: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("cli/observations.json")).unwrap())
            .unwrap();
    let reading = serde_json::json!({ "platform": "linkedin", "observations": observations, "diagnostics": [] });
    let path = std::env::temp_dir().join(format!("yardstick-reading-{}.json", std::process::id()));
    std::fs::write(&path, reading.to_string()).unwrap();
    let output = run(&[
        "--strategy",
        &fixture("cli/strategy.json"),
        "--data",
        path.to_str().unwrap(),
        "--today",
        "2026-11-16",
    ]);
    std::fs::remove_file(&path).unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn mistakes_name_the_file_and_the_problem() {
    let strategy = fixture("many-problems.json");
    let output = run(&[
        "--strategy",
        &strategy,
        "--data",
        &fixture("cli/observations.json"),
        "--today",
        "2026-11-16",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&strategy), "{stderr}");
    assert!(stderr.contains("17 problem(s)"), "{stderr}");
    assert!(stderr.contains("objectives[0].kpis[3].taget"), "{stderr}");

    let broken = std::env::temp_dir().join(format!("yardstick-broken-{}.json", std::process::id()));
    std::fs::write(
        &broken,
        r#"[{"platform": "linkedin", "metric": "impressions"}]"#,
    )
    .unwrap();
    let output = run(&[
        "--strategy",
        &fixture("cli/strategy.json"),
        "--data",
        broken.to_str().unwrap(),
    ]);
    std::fs::remove_file(&broken).unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("yardstick-broken-") && stderr.contains("observation #0: missing field"),
        "{stderr}"
    );

    let output = run(&["--strategy", &fixture("cli/strategy.json")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--data"));
    let output = run(&[
        "--strategy",
        &fixture("cli/strategy.json"),
        "--data",
        "no-such-file.json",
    ]);
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("no-such-file.json: could not read the file"));
    let output = run(&[
        "--strategy",
        &fixture("cli/strategy.json"),
        "--data",
        &fixture("cli/observations.json"),
        "--today",
        "16-11-2026",
    ]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("YYYY-MM-DD"));
}
