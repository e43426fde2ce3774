//! The strategy file as a user meets it: templates, a realistic strategy, files with
//! mistakes (every problem named at once), round trips, and untrusted text that must never
//! panic the importer.

// Tests may panic on a broken expectation; helpers outside #[test] functions too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use serde_json::{json, Value};
use yardstick::model::{Distribution, Metric, Platform};
use yardstick::strategy::file::{self, StrategyFileError};
use yardstick::strategy::templates::{self, TEMPLATES};
use yardstick::strategy::{
    Aggregation, Cadence, Campaign, DateRange, Direction, Kpi, Objective, ObjectiveKind,
    PeriodSpec, PlatformScope, Strategy as SocialStrategy,
};

const ACME: &str = include_str!("fixtures/strategy/acme-2027.json");
const MANY_PROBLEMS: &str = include_str!("fixtures/strategy/many-problems.json");

fn problems(text: &str) -> Vec<(String, String)> {
    match file::import(text) {
        Ok(strategy) => panic!("expected problems, imported {strategy:?}"),
        Err(StrategyFileError::Invalid { problems }) => problems
            .into_iter()
            .map(|p| (p.path, format!("{} | {} | {}", p.value, p.why, p.fix)))
            .collect(),
        Err(other) => panic!("expected problems, got {other}"),
    }
}

/// Checks that importing `text` reports exactly the problems at `expected` paths, each
/// message holding the given words.
fn check(text: &str, expected: &[(&str, &str)]) {
    let found = problems(text);
    let found_paths: Vec<&str> = found.iter().map(|(path, _)| path.as_str()).collect();
    let expected_paths: Vec<&str> = expected.iter().map(|(path, _)| *path).collect();
    assert_eq!(found_paths, expected_paths, "problems: {found:#?}");
    for ((path, message), (_, words)) in found.iter().zip(expected) {
        assert!(
            message.contains(words),
            "{path}: {message:?} should mention {words:?}"
        );
    }
}

fn kpi_text(fields: Value) -> String {
    let mut kpi = json!({ "id": "k", "metric": "impressions", "platforms": ["linkedin"], "period": "month", "target": 100 });
    for (key, value) in fields.as_object().unwrap() {
        if value.is_null() {
            kpi.as_object_mut().unwrap().remove(key);
        } else {
            kpi[key] = value.clone();
        }
    }
    json!({
        "schema": "yardstick-strategy", "version": 1, "name": "Test",
        "objectives": [{ "id": "o", "kind": "awareness", "title": "Be seen", "kpis": [kpi] }]
    })
    .to_string()
}

#[test]
fn a_realistic_strategy_imports_with_defaults_filled_in() {
    let strategy = file::import(ACME).unwrap();
    assert_eq!(strategy.name, "Acme social strategy 2027");
    assert_eq!(strategy.kpis().count(), 8);
    let (objective, kpi) = strategy.kpis().next().unwrap();
    assert_eq!(objective.kind, ObjectiveKind::Awareness);
    assert_eq!(kpi.account.as_deref(), Some("12345"));
    assert_eq!(kpi.distribution, Distribution::Organic);
    let by_id = |id: &str| {
        strategy
            .kpis()
            .map(|(_, k)| k)
            .find(|k| k.id == id)
            .unwrap()
            .clone()
    };
    let campaign = by_id("open-day-impressions");
    assert_eq!(
        campaign.aggregation,
        Aggregation::Sum,
        "the default for a flow"
    );
    assert_eq!(
        campaign.distribution,
        Distribution::Total,
        "the default distribution"
    );
    assert_eq!(
        campaign.platforms,
        PlatformScope::only([Platform::LinkedIn, Platform::X, Platform::Instagram])
    );
    assert_eq!(
        campaign.period,
        PeriodSpec::Campaign("open-day-2027".into())
    );
    assert_eq!(
        by_id("lost").direction,
        Direction::Lower,
        "losing followers is better lower"
    );
    assert_eq!(by_id("meta-cpc").direction, Direction::Lower);
    assert_eq!(
        by_id("x-engagements").metric,
        Metric::platform(Platform::X, "engagements")
    );
    let net = by_id("net-subscribers");
    assert_eq!(
        net.target, -50.0,
        "a platform's own net change may be negative"
    );
    assert_eq!(
        net.period,
        PeriodSpec::Custom(
            DateRange::new("2027-01-01".parse().unwrap(), "2027-06-30".parse().unwrap()).unwrap()
        )
    );
}

#[test]
fn every_problem_is_named_at_once() {
    check(
        MANY_PROBLEMS,
        &[
            ("objectives[0].id", "only lower-case letters"),
            ("objectives[0].kind", "use one of \"awareness\""),
            ("objectives[0].kpis[0].aggregation", "level"),
            ("objectives[0].kpis[1].platforms", "X's own figure"),
            (
                "objectives[0].kpis[2].aggregation",
                "average of daily rates",
            ),
            ("objectives[0].kpis[2].target", "3.5% is 0.035"),
            ("objectives[0].kpis[3].taget", "did you mean \"target\""),
            (
                "objectives[0].kpis[3].metric",
                "did you mean \"impressions\"",
            ),
            ("objectives[0].kpis[3].platforms[0]", "unknown platform"),
            ("objectives[0].kpis[3].period", "unknown period"),
            ("objectives[0].kpis[3].target", "is required"),
            ("objectives[0].kpis[4].period.start", "not a calendar date"),
            ("objectives[0].kpis[4].target", "without quotes: 50000"),
            ("objectives[0].kpis[4].platforms", "counted twice"),
            (
                "objectives[0].kpis[5].direction",
                "use one of \"higher\", \"lower\"",
            ),
            (
                "objectives[0].kpis[5].period.campaign",
                "add the campaign under \"campaigns\"",
            ),
            ("objectives[0].kpis[5].target", "never negative"),
        ],
    );
}

#[test]
fn problems_show_the_value_found() {
    let found = problems(MANY_PROBLEMS);
    let (_, message) = found
        .iter()
        .find(|(path, _)| path == "objectives[0].kpis[3].metric")
        .unwrap();
    assert!(
        message.starts_with("\"impresions\" | unknown metric"),
        "{message}"
    );
    let (_, message) = found
        .iter()
        .find(|(path, _)| path == "objectives[0].kpis[3].target")
        .unwrap();
    assert!(message.starts_with("(missing) |"), "{message}");
}

#[test]
fn a_platform_metric_is_refused_across_platforms_and_on_another_platform() {
    check(
        &kpi_text(
            json!({ "metric": "linkedin:engagement_rate", "platforms": "all", "aggregation": "latest" }),
        ),
        &[(
            "objectives[0].kpis[0].platforms",
            "set \"platforms\": [\"linkedin\"], or use the canonical metric \"engagement_rate\"",
        )],
    );
    check(
        &kpi_text(json!({ "metric": "x:engagements", "platforms": ["linkedin"] })),
        &[(
            "objectives[0].kpis[0].platforms",
            "set \"platforms\": [\"x\"]",
        )],
    );
    assert!(file::import(&kpi_text(
        json!({ "metric": "x:engagements", "platforms": ["x"] })
    ))
    .is_ok());
}

#[test]
fn aggregations_that_do_not_fit_the_metric_are_refused() {
    check(
        &kpi_text(json!({ "metric": "followers", "aggregation": "sum" })),
        &[(
            "objectives[0].kpis[0].aggregation",
            "use \"aggregation\": \"latest\" or \"average\"",
        )],
    );
    check(
        &kpi_text(json!({ "metric": "engagement_rate", "aggregation": "average", "target": 0.03 })),
        &[(
            "objectives[0].kpis[0].aggregation",
            "\"rate\" or \"latest\"",
        )],
    );
    check(
        &kpi_text(json!({ "metric": "impressions", "aggregation": "latest" })),
        &[("objectives[0].kpis[0].aggregation", "one day's figure")],
    );
    check(
        &kpi_text(json!({ "metric": "reach", "aggregation": "sum" })),
        &[("objectives[0].kpis[0].aggregation", "unique accounts")],
    );
    check(
        &kpi_text(
            json!({ "metric": "engagement_rate", "aggregation": "latest", "platforms": ["x", "linkedin"], "target": 0.03 }),
        ),
        &[(
            "objectives[0].kpis[0].platforms",
            "\"aggregation\": \"rate\"",
        )],
    );
    check(
        &kpi_text(json!({ "metric": "frequency", "aggregation": "rate", "target": 1.5 })),
        &[(
            "objectives[0].kpis[0].aggregation",
            "cannot compute frequency",
        )],
    );
    // The default aggregation is the natural one, so leaving it out is fine.
    let strategy = file::import(&kpi_text(
        json!({ "metric": "followers", "aggregation": null }),
    ))
    .unwrap();
    assert_eq!(
        strategy.objectives[0].kpis[0].aggregation,
        Aggregation::Latest
    );
}

#[test]
fn the_file_as_a_whole_is_checked() {
    check(
        r#"{"schema": "something-else", "version": 1, "name": "x", "objectives": []}"#,
        &[("schema", "not a Yardstick strategy file")],
    );
    check(
        r#"{"schema": "yardstick-strategy", "version": 2, "name": "x", "objectives": []}"#,
        &[("version", "newer Yardstick")],
    );
    check(
        r#"{"schema": "yardstick-strategy", "version": "1", "name": "x", "objectives": []}"#,
        &[("version", "write \"version\": 1")],
    );
    check(
        r#"{"schema": "yardstick-strategy", "version": 1, "name": " "}"#,
        &[("name", "is empty"), ("objectives", "is required")],
    );
    check("[]", &[("", "must be a JSON object")]);
    let text = r#"{"schema": "yardstick-strategy", "version": 1, "name": "x", "objectives": [], "campaigns": [
        {"id": "a", "name": "A", "start": "2027-01-01", "end": "2035-01-01"},
        {"id": "a", "name": "B", "start": "2027-01-01", "end": "2027-01-02"},
        {"id": "c", "name": "C", "start": "20277-01-01", "end": "2027-01-02"}]}"#;
    check(
        text,
        &[
            ("campaigns[0].end", "at most five years"),
            ("campaigns[2].start", "not a calendar date"),
        ],
    );
    let text = r#"{"schema": "yardstick-strategy", "version": 1, "name": "x", "objectives": [], "campaigns": [
        {"id": "a", "name": "A", "start": "2027-01-01", "end": "2027-01-02"},
        {"id": "a", "name": "B", "start": "2027-01-01", "end": "2027-01-02"}]}"#;
    check(text, &[("campaigns[1].id", "same id")]);
    match file::import("{\"schema\": ") {
        Err(StrategyFileError::NotJson { line: 1, .. }) => {}
        other => panic!("{other:?}"),
    }
    let huge = format!("{{\"name\": \"{}\"}}", "x".repeat(file::MAX_FILE_BYTES));
    assert!(matches!(
        file::import(&huge),
        Err(StrategyFileError::TooLarge { .. })
    ));
}

#[test]
fn duplicate_ids_and_wrong_amec_stages_are_named() {
    let text = json!({
        "schema": "yardstick-strategy", "version": 1, "name": "x",
        "objectives": [
            { "id": "o", "kind": "community", "amec_stage": "outputs", "title": "t", "kpis": [
                { "id": "k", "metric": "followers", "platforms": ["x"], "period": "month", "target": 10 } ] },
            { "id": "o", "kind": "engagement", "title": "t", "kpis": [
                { "id": "k", "metric": "comments", "platforms": ["x"], "period": "month", "target": 10 } ] }
        ]
    });
    check(
        &text.to_string(),
        &[
            (
                "objectives[0].amec_stage",
                "sits at the AMEC stage \"outcomes\"",
            ),
            ("objectives[1].kpis[0].id", "another KPI"),
            ("objectives[1].id", "another objective"),
        ],
    );
}

#[test]
fn every_template_is_a_valid_file_that_exports_as_written() {
    assert_eq!(TEMPLATES.len(), 5);
    for template in TEMPLATES {
        let strategy =
            file::import(template.text).unwrap_or_else(|e| panic!("{}: {e}", template.id));
        assert!(strategy.kpis().count() >= 3, "{}", template.id);
        let written: Value = serde_json::from_str(template.text).unwrap();
        assert_eq!(
            file::to_value(&strategy),
            written,
            "{} is not in canonical form",
            template.id
        );
        let instantiated = templates::instantiate(template, "2027-05-10".parse().unwrap()).unwrap();
        assert_eq!(
            file::import(&file::export(&instantiated)).unwrap(),
            instantiated
        );
    }
}

#[test]
fn export_then_import_is_the_identity_on_the_realistic_strategy() {
    let strategy = file::import(ACME).unwrap();
    let text = file::export(&strategy);
    assert!(
        text.contains("\"amec_stage\": \"outputs\""),
        "the stage is written for readers"
    );
    assert_eq!(file::import(&text).unwrap(), strategy);
    assert_eq!(file::export(&file::import(&text).unwrap()), text);
}

// ---------------------------------------------------------------------------------------
// Properties.

fn arb_metric() -> impl Strategy<Value = (Metric, Aggregation, PlatformScope)> {
    prop_oneof![
        Just((
            Metric::Canonical(yardstick::metrics::CanonicalMetric::Impressions),
            Aggregation::Sum,
            PlatformScope::All
        )),
        Just((
            Metric::Canonical(yardstick::metrics::CanonicalMetric::Followers),
            Aggregation::Latest,
            PlatformScope::only([Platform::LinkedIn])
        )),
        Just((
            Metric::Canonical(yardstick::metrics::CanonicalMetric::EngagementRate),
            Aggregation::Rate,
            PlatformScope::only([Platform::X, Platform::TikTok])
        )),
        Just((
            Metric::Canonical(yardstick::metrics::CanonicalMetric::Reach),
            Aggregation::Latest,
            PlatformScope::only([Platform::Instagram])
        )),
        Just((
            Metric::platform(Platform::X, "engagements"),
            Aggregation::Average,
            PlatformScope::only([Platform::X])
        )),
    ]
}

fn arb_text() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÿ0-9 ,.'\"\\\\/€%-]{0,30}"
        .prop_map(|s| s.trim().to_owned())
        .prop_filter("not empty", |s| !s.is_empty())
}

fn arb_period() -> impl Strategy<Value = PeriodSpec> {
    prop_oneof![
        prop::sample::select(Cadence::ALL.to_vec()).prop_map(PeriodSpec::Recurring),
        (0i64..3000, 0i64..1000).prop_map(|(offset, length)| {
            let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
                + chrono::Duration::days(offset);
            PeriodSpec::Custom(
                DateRange::new(start, start + chrono::Duration::days(length)).unwrap(),
            )
        }),
        Just(PeriodSpec::Campaign("launch".into())),
    ]
}

fn realistic(units: u64, fraction: bool) -> f64 {
    if fraction {
        units as f64 / 1e11
    } else {
        units as f64 / 100.0
    }
}

fn arb_kpi(index: usize) -> impl Strategy<Value = Kpi> {
    (
        arb_metric(),
        arb_period(),
        0u64..100_000_000_000,
        proptest::option::of(0u64..100_000_000_000),
        proptest::option::of(arb_text()),
        proptest::option::of(arb_text()),
        prop::sample::select(vec![
            Distribution::Organic,
            Distribution::Paid,
            Distribution::Total,
        ]),
        prop::sample::select(vec![Direction::Higher, Direction::Lower]),
    )
        .prop_map(
            move |(
                (metric, aggregation, platforms),
                period,
                target,
                baseline,
                owner,
                note,
                distribution,
                direction,
            )| {
                let fraction = matches!(aggregation, Aggregation::Rate);
                Kpi {
                    id: format!("kpi-{index}"),
                    title: note.clone(),
                    // Realistic numbers: counts to the cent, rates to 11 decimals.
                    target: realistic(target, fraction),
                    baseline: baseline.map(|b| realistic(b, fraction)),
                    metric,
                    platforms,
                    account: owner.clone(),
                    distribution,
                    aggregation,
                    period,
                    direction,
                    owner,
                    note,
                }
            },
        )
}

fn arb_strategy() -> impl Strategy<Value = SocialStrategy> {
    let objectives = prop::collection::vec(
        (
            prop::sample::select(ObjectiveKind::ALL.to_vec()),
            arb_text(),
            prop::collection::vec(arb_kpi(0), 0..4),
        ),
        0..4,
    );
    (arb_text(), proptest::option::of(arb_text()), objectives).prop_map(
        |(name, organisation, objectives)| {
            let mut counter = 0;
            let objectives = objectives
                .into_iter()
                .enumerate()
                .map(|(index, (kind, title, kpis))| Objective {
                    id: format!("objective-{index}"),
                    kind,
                    title,
                    note: None,
                    kpis: kpis
                        .into_iter()
                        .map(|mut kpi| {
                            counter += 1;
                            kpi.id = format!("kpi-{counter}");
                            kpi
                        })
                        .collect(),
                })
                .collect();
            SocialStrategy {
                name,
                organisation,
                note: None,
                campaigns: vec![Campaign {
                    id: "launch".into(),
                    name: "Launch".into(),
                    dates: DateRange::new(
                        "2027-03-01".parse().unwrap(),
                        "2027-03-28".parse().unwrap(),
                    )
                    .unwrap(),
                    note: Some("Spring".into()),
                }],
                objectives,
            }
        },
    )
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        any::<i64>().prop_map(|i| json!(i)),
        prop::sample::select(vec![
            "yardstick-strategy",
            "all",
            "month",
            "sum",
            "rate",
            "latest",
            "followers",
            "x:engagements",
            "linkedin",
            "2027-02-29",
            "2028-02-29",
            "awareness",
            "higher",
            "",
            "x:",
            "\u{0}",
        ])
        .prop_map(|s| Value::String(s.to_owned())),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        let keys = prop::sample::select(vec![
            "schema",
            "version",
            "name",
            "objectives",
            "kpis",
            "id",
            "kind",
            "title",
            "metric",
            "platforms",
            "aggregation",
            "period",
            "target",
            "baseline",
            "campaign",
            "campaigns",
            "start",
            "end",
            "direction",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..8).prop_map(|map| Value::Object(
                map.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_is_the_identity(strategy in arb_strategy()) {
        let text = file::export(&strategy);
        let back = file::import(&text);
        prop_assert_eq!(back.as_ref().ok(), Some(&strategy), "{:?}", back.as_ref().err());
    }

    #[test]
    fn any_json_is_answered_without_panicking(value in arb_json()) {
        let _ = file::from_value(&value);
        let mut with_header = value.clone();
        if let Value::Object(map) = &mut with_header {
            map.insert("schema".into(), json!("yardstick-strategy"));
            map.insert("version".into(), json!(1));
        }
        let _ = file::from_value(&with_header);
    }

    #[test]
    fn any_text_is_answered_without_panicking(text in ".{0,200}") {
        let _ = file::import(&text);
    }

    #[test]
    fn edits_of_a_real_file_are_answered_without_panicking(position in 0usize..4000, insert in ".{0,3}", cut in 0usize..6) {
        let mut text: Vec<char> = ACME.chars().collect();
        let at = position.min(text.len());
        let end = (at + cut).min(text.len());
        text.splice(at..end, insert.chars());
        let edited: String = text.into_iter().collect();
        if let Err(error) = file::import(&edited) {
            prop_assert!(!error.problems().is_empty());
        }
    }
}
