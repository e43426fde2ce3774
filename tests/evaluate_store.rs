//! The evaluator on a real store: observations as readers and importers make them are
//! merged, and a strategy is evaluated through the one store adapter. Checks that day and
//! range readings are never counted twice, levels are read as levels, reach "to date" comes
//! from exact-range readings, rates divide parts of the same platform and day, and a
//! question the store cannot answer honestly becomes a note.

// Tests may panic on a broken expectation; helpers outside #[test] functions too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::json;
use yardstick::evaluate::{evaluate_strategy, KpiEvaluation, Status, StoreFigures, Today};
use yardstick::model::{
    Distribution, Metric, Observation, Platform, Scope, Source, SourceKind, Unit, Window,
};
use yardstick::store::Store;
use yardstick::strategy::{file, DateRange, RangeDays};

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn observation(
    platform: Platform,
    metric: &str,
    window: Window,
    (start, end): (&str, &str),
    value: f64,
    location: &str,
) -> Observation {
    let metric: Metric = metric.parse().unwrap();
    let unit = metric
        .default_unit()
        .unwrap_or(Unit::Currency("EUR".into()));
    let read_at: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-11-15T09:30:00Z")
        .unwrap()
        .into();
    Observation {
        platform,
        account: "12345".into(),
        scope: Scope::Account,
        post_id: None,
        name: None,
        metric,
        distribution: Distribution::Total,
        window,
        start: date(start),
        end: date(end),
        value,
        unit,
        rounded_to: None,
        derivation: None,
        source: Source {
            kind: if location.starts_with("https://") {
                SourceKind::Page
            } else {
                SourceKind::Export
            },
            location: location.into(),
            label: "label".into(),
            raw: value.to_string(),
            read_at,
            locale: Some("en".into()),
        },
    }
}

fn days(
    platform: Platform,
    metric: &str,
    first: &str,
    last: &str,
    value: impl Fn(usize) -> f64,
    location: &str,
) -> Vec<Observation> {
    DateRange::new(date(first), date(last))
        .unwrap()
        .iter_days()
        .enumerate()
        .map(|(i, day)| {
            let day = day.to_string();
            observation(
                platform,
                metric,
                Window::Day,
                (&day, &day),
                value(i),
                location,
            )
        })
        .collect()
}

const EXPORT: &str = "linkedin_company_12345_2026-11-10.xls";
const PAGE: &str = "https://www.linkedin.com/company/12345/admin/analytics/updates/";

fn store() -> Store {
    let mut batch = Vec::new();
    // Impressions: a daily export for 1–10 November, then a page showing 11–14 November as
    // one range, and an older page reading of 1–7 November that overlaps the export's days.
    batch.extend(days(
        Platform::LinkedIn,
        "impressions",
        "2026-11-01",
        "2026-11-10",
        |_| 1000.0,
        EXPORT,
    ));
    batch.push(observation(
        Platform::LinkedIn,
        "impressions",
        Window::Range,
        ("2026-11-11", "2026-11-14"),
        4200.0,
        PAGE,
    ));
    batch.push(observation(
        Platform::LinkedIn,
        "impressions",
        Window::Range,
        ("2026-11-01", "2026-11-07"),
        7100.0,
        PAGE,
    ));
    // Followers read every day as a level.
    batch.extend(
        DateRange::new(date("2026-10-01"), date("2026-11-15"))
            .unwrap()
            .iter_days()
            .enumerate()
            .map(|(i, day)| {
                let day = day.to_string();
                observation(
                    Platform::LinkedIn,
                    "followers",
                    Window::Snapshot,
                    (&day, &day),
                    10_500.0 + 15.0 * (i as f64 + 1.0),
                    EXPORT,
                )
            }),
    );
    // Engagement parts on LinkedIn; on X, reactions on days without impressions.
    batch.extend(days(
        Platform::LinkedIn,
        "reactions",
        "2026-11-01",
        "2026-11-10",
        |_| 30.0,
        EXPORT,
    ));
    batch.extend(days(
        Platform::LinkedIn,
        "comments",
        "2026-11-01",
        "2026-11-10",
        |_| 5.0,
        EXPORT,
    ));
    batch.extend(days(
        Platform::LinkedIn,
        "shares",
        "2026-11-01",
        "2026-11-10",
        |_| 5.0,
        EXPORT,
    ));
    batch.extend(days(
        Platform::X,
        "reactions",
        "2026-11-01",
        "2026-11-10",
        |_| 500.0,
        "x_account_analytics.csv",
    ));
    batch.extend(days(
        Platform::X,
        "impressions",
        "2026-11-01",
        "2026-11-05",
        |_| 1000.0,
        "x_account_analytics.csv",
    ));
    // Instagram reach as the app shows it: month to date.
    batch.push(observation(
        Platform::Instagram,
        "reach",
        Window::Range,
        ("2026-11-01", "2026-11-07"),
        9000.0,
        "https://www.instagram.com/accounts/insights/",
    ));
    batch.push(observation(
        Platform::Instagram,
        "reach",
        Window::Range,
        ("2026-11-01", "2026-11-14"),
        15_000.0,
        "https://www.instagram.com/accounts/insights/",
    ));
    // Spend on two Meta ad accounts in two currencies.
    let mut euros = observation(
        Platform::Meta,
        "spend",
        Window::Range,
        ("2026-11-01", "2026-11-10"),
        400.0,
        "meta_ads_report.csv",
    );
    euros.account = "act_1".into();
    let mut dollars = euros.clone();
    dollars.account = "act_2".into();
    dollars.unit = Unit::Currency("USD".into());
    batch.extend([euros, dollars]);
    let mut store = Store::new();
    store.merge(&batch).unwrap();
    store
}

fn strategy() -> yardstick::strategy::Strategy {
    let text = json!({
        "schema": "yardstick-strategy", "version": 1, "name": "Acme",
        "objectives": [{ "id": "o", "kind": "awareness", "title": "Be seen", "kpis": [
            { "id": "impressions", "metric": "impressions", "platforms": ["linkedin"], "period": "month", "target": 30000 },
            { "id": "followers", "metric": "followers", "platforms": ["linkedin"], "aggregation": "latest", "period": "quarter", "target": 12000, "baseline": 10500 },
            { "id": "engagement-rate", "metric": "engagement_rate", "platforms": ["linkedin", "x"], "aggregation": "rate", "period": "month", "target": 0.04 },
            { "id": "reach", "metric": "reach", "platforms": ["instagram"], "aggregation": "latest", "period": "month", "target": 30000 },
            { "id": "spend", "metric": "spend", "platforms": ["meta"], "distribution": "total", "period": "month", "target": 1000 }
        ]}]
    });
    file::import(&text.to_string()).unwrap()
}

fn evaluations() -> Vec<KpiEvaluation> {
    let store = store();
    evaluate_strategy(
        &strategy(),
        Today::Date(date("2026-11-16")),
        &StoreFigures::new(&store),
    )
    .kpis
}

fn kpi<'a>(all: &'a [KpiEvaluation], id: &str) -> &'a KpiEvaluation {
    all.iter().find(|k| k.kpi == id).unwrap()
}

#[test]
fn day_and_range_readings_are_never_counted_twice() {
    let all = evaluations();
    let e = kpi(&all, "impressions");
    assert_eq!(
        e.actual,
        Some(14_200.0),
        "10 days of 1,000 and one range of 4,200; the overlapping range is not added"
    );
    assert_eq!((e.coverage.covered_days, e.coverage.lag_days), (14, 1));
    assert_eq!(
        e.series.len(),
        10,
        "a range reading is never spread over its days"
    );
    assert_eq!(e.series[9].to_date, 10_000.0);
    assert!((e.forecast.as_ref().unwrap().value - 14_200.0 / 14.0 * 30.0).abs() < 1e-6);
    assert_eq!(e.status, Status::OnTrack);
    assert_eq!(
        e.previous.as_ref().unwrap().status,
        Status::NoData,
        "nothing stored for October"
    );
}

#[test]
fn levels_are_read_as_levels() {
    let all = evaluations();
    let e = kpi(&all, "followers");
    assert_eq!(e.period.label, "2026-Q4");
    assert_eq!(
        e.actual,
        Some(10_500.0 + 15.0 * 46.0),
        "the level on 15 November, not a sum"
    );
    assert_eq!(e.coverage.data_through, Some(date("2026-11-15")));
    assert!((e.forecast.as_ref().unwrap().value - 11_880.0).abs() < 1e-6);
    assert_eq!(e.status, Status::AtRisk);
}

#[test]
fn rates_divide_parts_of_the_same_platform_and_day() {
    let all = evaluations();
    let e = kpi(&all, "engagement-rate");
    // LinkedIn: 40 engagements over 1,000 impressions a day for 10 days; X: 500 reactions
    // over 1,000 impressions on the 5 days that have both. X's reactions without
    // impressions are left out rather than divided by LinkedIn's impressions.
    let expected = (40.0 * 10.0 + 500.0 * 5.0) / (1000.0 * 10.0 + 1000.0 * 5.0);
    assert!(
        (e.actual.unwrap() - expected).abs() < 1e-12,
        "{:?} vs {expected}",
        e.actual
    );
    assert_eq!(e.series.len(), 10);
}

#[test]
fn reach_is_read_to_date_from_exact_ranges() {
    let all = evaluations();
    let e = kpi(&all, "reach");
    assert_eq!(e.actual, Some(15_000.0));
    assert_eq!(e.coverage.data_through, Some(date("2026-11-14")));
    assert_eq!(
        e.series.iter().map(|p| p.date).collect::<Vec<_>>(),
        vec![date("2026-11-07"), date("2026-11-14")]
    );
    assert_eq!(
        e.status,
        Status::OnTrack,
        "15,000 by the 14th of 30,000, forecast 30,000 + drift"
    );
}

#[test]
fn a_question_the_store_cannot_answer_honestly_is_a_note() {
    let all = evaluations();
    let e = kpi(&all, "spend");
    assert_eq!(e.status, Status::NoData);
    assert_eq!(e.notes.len(), 1, "{:?}", e.notes);
    assert!(e.notes[0].contains("different units"), "{}", e.notes[0]);
}
