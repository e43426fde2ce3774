//! `yardstick campaign` end to end: the fixture's export files imported with `yardstick
//! import`, the campaign measured and reported in every format, spot-checks, and the
//! refusals a user sees on stderr.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod campaign_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use campaign_support as fixture;

fn yardstick(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yardstick"))
        .args(args)
        .output()
        .unwrap()
}

/// A scratch directory of this test process.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "yardstick-campaign-cli-{}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The exports imported by the CLI, plus the LinkedIn observations, as one data file
/// bundling the sources' post texts.
fn data_file(dir: &Path) -> PathBuf {
    let files: Vec<String> = [
        "meta/Acme-Campaigns-1-Mar-2027-14-Mar-2027.csv",
        "x/tweet_activity_metrics_acme_20270301_20270314_en.csv",
        "instagram/Mar-01-2027_Mar-14-2027_17841400000000000.csv",
    ]
    .iter()
    .map(|f| fixture::dir().join(f).to_str().unwrap().to_owned())
    .collect();
    let mut args = vec!["import", "--imported-at", "2027-03-15T08:00:00Z"];
    args.extend(files.iter().map(String::as_str));
    let imported = yardstick(&args);
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let mut observations: Vec<serde_json::Value> =
        serde_json::from_slice(&imported.stdout).unwrap();
    let linkedin: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(fixture::dir().join("linkedin.json")).unwrap(),
    )
    .unwrap();
    observations.extend(linkedin);
    let content: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixture::dir().join("content.json")).unwrap(),
    )
    .unwrap();
    let path = dir.join("data.json");
    let bundle = serde_json::json!({ "observations": observations, "content": content });
    std::fs::write(&path, bundle.to_string()).unwrap();
    path
}

fn strategy_path() -> String {
    fixture::dir()
        .join("strategy.json")
        .to_str()
        .unwrap()
        .to_owned()
}

#[test]
fn a_campaign_report_in_every_format() {
    let dir = scratch("formats");
    let data = data_file(&dir);
    let data = data.to_str().unwrap();
    let strategy = strategy_path();
    let base = [
        "campaign",
        "--strategy",
        &strategy,
        "--data",
        data,
        "--today",
        "2027-03-15",
    ];
    let json = yardstick(&base);
    assert!(
        json.status.success(),
        "{}",
        String::from_utf8_lossy(&json.stderr)
    );
    let view: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(view["kpis"][0]["actual"], 324_700.0);
    assert_eq!(view["kpis"][4]["status"], "off_track");
    let csv = yardstick(&[&base[..], &["--format", "csv-nl"]].concat());
    assert!(csv
        .stdout
        .starts_with("\u{feff}Onderdeel;Platform;".as_bytes()));
    assert!(String::from_utf8(csv.stdout)
        .unwrap()
        .contains(";2850,40;EUR;3000,00;4275,60;uit koers;"));
    let html = yardstick(
        &[
            &base[..],
            &["--format", "html-nl", "--campaign", "open-day-2027"],
        ]
        .concat(),
    );
    assert!(String::from_utf8(html.stdout)
        .unwrap()
        .contains("<h1>Open day 2027</h1>"));
}

#[test]
fn a_spot_check_from_the_command_line() {
    let dir = scratch("spot");
    let data = data_file(&dir);
    let out = yardstick(&[
        "campaign",
        "spot-check",
        "--data",
        data.to_str().unwrap(),
        "--platform",
        "instagram",
        "--account",
        "acme.engineering",
        "--id",
        "18040000000000002",
        "--metric",
        "engagement_rate",
        "--today",
        "2027-03-15",
        "--lang",
        "nl",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["label"], "Vergeleken met je eigen verleden");
    assert_eq!(result["check"]["verdict"]["kind"], "too_little_history");
    assert_eq!(result["check"]["verdict"]["history"], 2);
    // (930 + 88 + 41 + 120) / 11,200 reach: Instagram's rate divides by reach.
    assert_eq!(
        result["sentence"],
        "engagementpercentage 10,5%: te weinig geschiedenis om te vergelijken (2 Instagram-berichten in de afgelopen 12 maanden, minstens 5 nodig)"
    );
}

#[test]
fn refusals_go_to_stderr_with_a_failing_exit_code() {
    let dir = scratch("refusals");
    let data = data_file(&dir);
    let data = data.to_str().unwrap();
    let strategy = strategy_path();
    let check = |args: &[&str], says: &str| {
        let out = yardstick(args);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    };
    check(
        &[
            "campaign",
            "--strategy",
            &strategy,
            "--data",
            data,
            "--campaign",
            "launch",
        ],
        "defines no campaign \"launch\"; campaigns with a definition: open-day-2027",
    );
    check(&["campaign", "--strategy", &strategy], "--data is required");
    check(
        &[
            "campaign",
            "--strategy",
            &strategy,
            "--data",
            data,
            "--format",
            "pdf",
        ],
        "unknown format \"pdf\"",
    );
    check(
        &[
            "campaign",
            "--strategy",
            &strategy,
            "--data",
            data,
            "--today",
            "15-03-2027",
        ],
        "not a date written YYYY-MM-DD",
    );
    let bad = dir.join("bad.json");
    let text = std::fs::read_to_string(&strategy).unwrap().replacen(
        "\"metric\": \"impressions\"",
        "\"metric\": \"impresions\"",
        1,
    );
    std::fs::write(&bad, text).unwrap();
    check(
        &[
            "campaign",
            "--strategy",
            bad.to_str().unwrap(),
            "--data",
            data,
        ],
        "campaigns[0].kpis[0].metric",
    );
    let dollars = dir.join("dollars.json");
    let text = std::fs::read_to_string(data)
        .unwrap()
        .replace("currency:EUR", "currency:USD");
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    // Only Meta in dollars: LinkedIn stays in euro.
    for observation in value["observations"].as_array_mut().unwrap() {
        if observation["platform"] == "linkedin" && observation["unit"] == "currency:USD" {
            observation["unit"] = "currency:EUR".into();
        }
    }
    std::fs::write(&dollars, value.to_string()).unwrap();
    check(
        &[
            "campaign",
            "--strategy",
            &strategy,
            "--data",
            dollars.to_str().unwrap(),
            "--today",
            "2027-03-15",
        ],
        "the campaign reports in EUR, but its spend on linkedin and meta is also in USD",
    );
    check(
        &[
            "campaign",
            "--strategy",
            &strategy,
            "--data",
            strategy.as_str(),
        ],
        "not observations",
    );
}

/// The X export as `yardstick import` results carry it, with a content record per tweet
/// holding its full text (the importer's `content`), and the LinkedIn observations as a
/// page reading whose record gives a post's link.
fn readings_with_content(dir: &Path) -> (PathBuf, PathBuf) {
    // The X export through the CLI as a user runs it: `import --full` prints each file's
    // observations with its content records (the tweets' full texts).
    let export = fixture::dir().join("x/tweet_activity_metrics_acme_20270301_20270314_en.csv");
    let output = yardstick(&[
        "import",
        "--full",
        "--imported-at",
        "2027-03-15T08:00:00Z",
        export.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let results: Vec<yardstick::import::ImportResult> =
        serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(results.len(), 1);
    assert!(
        results[0].content.iter().any(|record| record
            .text
            .as_deref()
            .is_some_and(|text| text.contains("#OpenDay2027"))),
        "the export's tweet texts reach the records: {:?}",
        results[0].content
    );
    let imported = dir.join("imported.json");
    std::fs::write(&imported, &output.stdout).unwrap();

    let linkedin: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixture::dir().join("linkedin.json")).unwrap(),
    )
    .unwrap();
    let page = serde_json::json!({
        "platform": "linkedin", "page_kind": "page_content", "period": null,
        "observations": linkedin,
        "content": [
            { "platform": "linkedin", "account": "acme-corp", "scope": "post",
              "id": "urn:li:activity:7301000000000000002",
              "links": ["https://acme.nl/open-day?utm_campaign=OpenDay27&utm_source=linkedin"],
              "source": { "kind": "page", "location": "https://www.linkedin.com/company/508123456/admin/analytics/updates/",
                          "label": "", "raw": "", "read_at": "2027-03-15T08:00:00Z" } },
            { "platform": "linkedin", "account": "acme-corp", "scope": "post", "id": " ",
              "text": "no id",
              "source": { "kind": "page", "location": "https://www.linkedin.com/", "label": "", "raw": "",
                          "read_at": "2027-03-15T08:00:00Z" } }
        ],
        "diagnostics": []
    });
    let reading = dir.join("reading.json");
    std::fs::write(&reading, page.to_string()).unwrap();
    (imported, reading)
}

#[test]
fn import_results_and_page_readings_bring_their_content_records() {
    let dir = scratch("records");
    let (imported, reading) = readings_with_content(&dir);
    let strategy = strategy_path();
    let output = yardstick(&[
        "campaign",
        "--strategy",
        &strategy,
        "--data",
        imported.to_str().unwrap(),
        "--data",
        reading.to_str().unwrap(),
        "--today",
        "2027-03-15",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("reading.json: a content record") && stderr.contains("has no id"),
        "{stderr}"
    );
    let view: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let reasons: Vec<(&str, &str, &str)> = view["content"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|row| row["part"] == "organic")
        .map(|row| {
            (
                row["id"].as_str().unwrap(),
                row["reasons"][0]["kind"].as_str().unwrap(),
                row["reasons"][0]["value"].as_str().unwrap(),
            )
        })
        .collect();
    // Tweets 101 and 102 by their hashtag (103 has none; 104 is excluded by hand); the
    // LinkedIn post by the UTM parameter of the link its record gives.
    let mut sorted = reasons.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [
            ("1897000000000000101", "hashtag", "OpenDay2027"),
            ("1897000000000000102", "hashtag", "OpenDay2027"),
            (
                "urn:li:activity:7301000000000000002",
                "utm",
                "utm_campaign=openday27"
            ),
        ]
    );
    // In Dutch, the report's notes are Dutch: the tweet excluded by hand says so.
    let dutch = yardstick(&[
        "campaign",
        "--strategy",
        &strategy,
        "--data",
        imported.to_str().unwrap(),
        "--today",
        "2027-03-15",
        "--format",
        "html-nl",
    ]);
    let html = String::from_utf8(dutch.stdout).unwrap();
    assert!(html.contains("met de hand uitgesloten"), "{html}");
}
