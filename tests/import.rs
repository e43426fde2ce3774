//! Fixture tests for `yardstick::import`: every directory under `tests/fixtures/exports/`
//! holds one export file and `expected.json` (what the import must give: the summary, one
//! line per observation, the diagnostics, or the error). The inputs are synthetic files
//! written by `generate.py` to reproduce the real exports' quirks.
//!
//! `YARDSTICK_BLESS=1 cargo test --test import` rewrites the expected files from the current
//! output (`YARDSTICK_BLESS=youtube` only the cases whose name contains `youtube`); review
//! the diff by hand before committing it.

// Helpers outside #[test] fns: a failed unwrap here is a failed test, which is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use yardstick::content::ContentRecord;
use yardstick::import::{import_file, ImportError, ImportResult};
use yardstick::model::Observation;

fn imported_at() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-26T12:00:00Z")
        .unwrap()
        .into()
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports")
}

/// One observation as one reviewable line.
fn line(o: &Observation) -> String {
    let entity = match &o.post_id {
        Some(id) => format!(
            "{}:{id}",
            serde_json::to_value(o.scope).unwrap().as_str().unwrap()
        ),
        None => serde_json::to_value(o.scope)
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned(),
    };
    let account = if o.account.is_empty() {
        "-"
    } else {
        &o.account
    };
    let window = serde_json::to_value(o.window).unwrap();
    let distribution = serde_json::to_value(o.distribution).unwrap();
    let name = o
        .name
        .as_ref()
        .map(|n| format!(" name={n:?}"))
        .unwrap_or_default();
    let rounded = o.rounded_to.map(|r| format!(" ±{r}")).unwrap_or_default();
    format!(
        "{} {account} {entity} {} {} {} {}..{} = {}{rounded} {} | {:?} {:?}{name}",
        o.platform,
        o.metric,
        distribution.as_str().unwrap(),
        window.as_str().unwrap(),
        o.start,
        o.end,
        o.value,
        o.unit,
        o.source.label,
        o.source.raw,
    )
}

/// One content record as one reviewable line: the entity, then each field it has, then
/// the column its source names.
fn content_line(r: &ContentRecord) -> String {
    let scope = serde_json::to_value(r.scope).unwrap();
    let account = if r.account.is_empty() {
        "-"
    } else {
        &r.account
    };
    let mut line = format!(
        "{} {account} {}:{}",
        r.platform,
        scope.as_str().unwrap(),
        r.id
    );
    let mut field = |name: &str, value: Option<String>| {
        if let Some(value) = value {
            line.push_str(&format!(" {name}={value:?}"));
        }
    };
    field("text", r.text.clone());
    field("permalink", r.permalink.clone());
    field("published", r.published.map(|d| d.to_string()));
    field("links", (!r.links.is_empty()).then(|| r.links.join(" ")));
    field("result_type", r.result_type.clone());
    field("attribution", r.attribution.clone());
    field("campaign_name", r.campaign_name.clone());
    field("campaign_id", r.campaign_id.clone());
    line.push_str(&format!(" | {:?}", r.source.label));
    line
}

fn describe_result(result: &ImportResult) -> Value {
    let s = &result.summary;
    json!({
        "platform": s.platform,
        "kind": s.kind,
        "tables": s.tables,
        "language": s.language,
        "period": s.period.map(|p| format!("{}..{}", p.start, p.end)),
        "rows_read": s.rows_read,
        "observation_count": s.observation_count,
        "locations": result.observations.iter().map(|o| o.source.location.clone()).fold(Vec::<String>::new(), |mut all, l| { if !all.contains(&l) { all.push(l) } all }),
        "observations": result.observations.iter().map(line).collect::<Vec<_>>(),
        "content_count": s.content_count,
        "content": result.content.iter().map(content_line).collect::<Vec<_>>(),
        "diagnostics": s.diagnostics.iter().map(|d| format!("{:?} {} @ {}: {}", d.severity, d.code, d.location.clone().unwrap_or_default(), d.message)).collect::<Vec<_>>(),
    })
}

/// The error's variant and sentence; the list of supported exports that ends an
/// "unrecognised" message is only noted, so adding an export kind changes no fixture.
fn describe_error(error: &ImportError) -> Value {
    let variant = format!("{error:?}");
    let variant = variant
        .split([' ', '{', '('])
        .next()
        .unwrap_or_default()
        .to_owned();
    let message = error.to_string();
    match message.split_once(" Supported exports: ") {
        Some((head, list)) => json!({
            "error": variant,
            "message": head,
            "lists_supported_exports": list.contains("X per-post export") && list.contains("YouTube Studio"),
        }),
        None => json!({ "error": variant, "message": message }),
    }
}

fn input_file(dir: &Path) -> PathBuf {
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.file_name().unwrap() != "expected.json")
        .collect();
    assert_eq!(
        inputs.len(),
        1,
        "{}: one input file besides expected.json",
        dir.display()
    );
    inputs.pop().unwrap()
}

/// Imports the case's file and compares with `expected.json`.
fn check(dir: &Path) -> Result<(), String> {
    let input = input_file(dir);
    let name = input.file_name().unwrap().to_str().unwrap();
    let bytes = std::fs::read(&input).unwrap();
    let actual = match import_file(name, &bytes, imported_at()) {
        Ok(result) => describe_result(&result),
        Err(error) => describe_error(&error),
    };
    let expected_path = dir.join("expected.json");
    // YARDSTICK_BLESS=1 rewrites every case; any other value only the cases whose directory
    // name contains it (`YARDSTICK_BLESS=youtube`).
    let bless = std::env::var("YARDSTICK_BLESS").ok();
    let case_name = dir.file_name().unwrap().to_str().unwrap();
    if bless
        .as_deref()
        .is_some_and(|b| b == "1" || case_name.contains(b))
    {
        std::fs::write(
            &expected_path,
            serde_json::to_string_pretty(&actual).unwrap() + "\n",
        )
        .unwrap();
        return Ok(());
    }
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(&expected_path)
            .map_err(|e| format!("{}: {e}", expected_path.display()))?,
    )
    .unwrap();
    if expected == actual {
        Ok(())
    } else {
        Err(format!(
            "{}:\nexpected {}\nactual   {}",
            dir.display(),
            serde_json::to_string_pretty(&expected).unwrap(),
            serde_json::to_string_pretty(&actual).unwrap()
        ))
    }
}

#[test]
fn every_fixture_case_imports_as_expected() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 30,
        "fixture cases went missing: {}",
        cases.len()
    );
    let failures: Vec<String> = cases.iter().filter_map(|dir| check(dir).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// Every fixture's input bytes, read once.
fn fixture_inputs() -> &'static [(String, Vec<u8>)] {
    static INPUTS: std::sync::OnceLock<Vec<(String, Vec<u8>)>> = std::sync::OnceLock::new();
    INPUTS.get_or_init(|| {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(fixtures())
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.is_dir())
            .collect();
        dirs.sort();
        dirs.iter()
            .map(|dir| {
                let input = input_file(dir);
                let name = input.file_name().unwrap().to_str().unwrap().to_owned();
                (name, std::fs::read(&input).unwrap())
            })
            .collect()
    })
}

// 256 cases by default; `PROPTEST_CASES=20000 cargo test --test import` for a long run.
proptest::proptest! {
    /// Damaged exports (cut short, bytes changed) are refused or read with diagnostics,
    /// never a panic; and a refused file gives nothing.
    #[test]
    fn damaged_exports_never_panic(
        which in 0usize..1000,
        keep in 0.0f64..=1.0,
        flips in proptest::collection::vec((0.0f64..1.0, proptest::prelude::any::<u8>()), 0..6),
    ) {
        let inputs = fixture_inputs();
        let (name, bytes) = &inputs[which % inputs.len()];
        let mut damaged = bytes[..(bytes.len() as f64 * keep) as usize].to_vec();
        for (at, byte) in flips {
            if !damaged.is_empty() {
                let index = ((damaged.len() as f64 * at) as usize).min(damaged.len() - 1);
                damaged[index] = byte;
            }
        }
        let mut sunk = 0usize;
        let outcome = yardstick::import::import_file_into(name, &damaged, imported_at(), &mut |_| sunk += 1, &mut |_| {});
        if outcome.is_err() {
            proptest::prop_assert_eq!(sunk, 0, "a refused file handed out observations");
        }
    }
}

/// The content records of a fixture case's file.
fn fixture_content(case: &str) -> ImportResult {
    let input = input_file(&fixtures().join(case));
    let name = input.file_name().unwrap().to_str().unwrap();
    import_file(name, &std::fs::read(&input).unwrap(), imported_at()).unwrap()
}

#[test]
fn a_tweet_text_with_commas_quotes_and_newlines_comes_through_exactly() {
    let result = fixture_content("x_tweet_activity_en");
    let record = result
        .content
        .iter()
        .find(|r| r.id == "1090736478473400320")
        .unwrap();
    assert_eq!(
        record.text.as_deref(),
        Some(
            "Our \"new\" release, with commas, quotes\nand a second line 🎉 #OpenDay2027 \
             https://acme.example/open-day?utm_source=twitter&utm_medium=social&utm_campaign=openday"
        )
    );
    // Links in the text are campaign::text's to find; the tweet's own address is no target.
    assert!(record.links.is_empty());
    assert_eq!(
        record.permalink.as_deref(),
        Some("https://twitter.com/acme/status/1090736478473400320")
    );
}

#[test]
fn an_excel_mangled_id_row_gives_no_record() {
    let result = fixture_content("x_tweet_activity_en");
    assert!(result
        .summary
        .diagnostics
        .iter()
        .any(|d| d.code == "id_mangled"));
    let ids: Vec<&str> = result.content.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["1090736478473400320", "1088491912435671040"]);
    assert!(!result
        .content
        .iter()
        .any(|r| r.text.as_deref() == Some("A row copied through Excel")));
}

#[test]
fn every_record_joins_the_observations_of_its_row() {
    for (name, bytes) in fixture_inputs() {
        let Ok(result) = import_file(name, bytes, imported_at()) else {
            continue;
        };
        assert_eq!(result.summary.content_count, result.content.len() as u64);
        for record in &result.content {
            let joined = result.observations.iter().any(|o| {
                o.platform == record.platform
                    && o.account == record.account
                    && o.scope == record.scope
                    && o.post_id.as_deref() == Some(record.id.as_str())
                    && o.source.location == record.source.location
            });
            assert!(
                joined,
                "{name}: {record:?} names no entity the observations name"
            );
            assert_eq!(record.source.kind, yardstick::model::SourceKind::Export);
            assert_eq!(record.source.read_at, imported_at());
            assert!(record.says_anything(), "{name}: {record:?}");
        }
        let mut keys: Vec<_> = result.content.iter().map(ContentRecord::key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(
            keys.len(),
            result.content.len(),
            "{name}: one record per entity"
        );
    }
}

#[test]
fn observations_only_imports_build_no_records() {
    let (name, bytes) = fixture_inputs()
        .iter()
        .find(|(name, _)| name.starts_with("tweet_activity_metrics"))
        .unwrap();
    assert!(!import_file(name, bytes, imported_at())
        .unwrap()
        .content
        .is_empty());
    let summary =
        yardstick::import::import_file_into(name, bytes, imported_at(), &mut |_| {}, &mut |_| {})
            .unwrap();
    assert_eq!(summary.content_count, 0);
}

#[test]
fn a_linkedin_creative_report_gives_each_ad_its_text_and_click_url() {
    let text = "Creative Performance Report (in UTC)\r\n\
        Report Start: 10/1/2026, 12:00 AM\r\n\
        Report End: 10/28/2026, 11:59 PM\r\n\
        Start Date (in UTC),Account Name,Currency,Campaign Group ID,Campaign Group Name,Campaign Name,Creative ID,Ad Introduction Text,Click URL,Total Spent,Impressions\r\n\
        10/1/2026,Acme BV,EUR,614221001,Autumn open day,Open day – students NL,88001,\"Kom naar de open dag, 12 maart! 🎓 #OpenDag2027\",https://acme.nl/open-dag?utm_source=linkedin&utm_medium=paid&utm_campaign=opendag,402.50,33012\r\n";
    let result = import_file(
        "creative_performance_report.csv",
        text.as_bytes(),
        imported_at(),
    )
    .unwrap();
    let lines: Vec<String> = result.content.iter().map(content_line).collect();
    assert_eq!(
        lines,
        ["linkedin Acme BV ad:88001 text=\"Kom naar de open dag, 12 maart! 🎓 #OpenDag2027\" \
          links=\"https://acme.nl/open-dag?utm_source=linkedin&utm_medium=paid&utm_campaign=opendag\" \
          campaign_name=\"Autumn open day\" campaign_id=\"614221001\" | \"Ad Introduction Text\""]
    );
}
