//! The evaluator's rules on realistic KPIs: periods in the past, present and future, month
//! ends, leap days, ISO week 53, empty history, partial coverage, lower-is-better, targets
//! of zero, negative values, time zones, weekday profiles, levels and rates.

// Tests may panic on a broken expectation; helpers outside #[test] functions too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde_json::json;
use yardstick::evaluate::{
    evaluate_kpi, evaluate_strategy, for_platform, Ask, DayValue, FigureSource, Figures,
    ForecastMethod, KnownTotal, KpiEvaluation, Pacing, Relevance, Status, Timing, Today,
};
use yardstick::strategy::{file, DateRange, Kpi, Objective, RangeDays, Strategy};

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn range(start: &str, end: &str) -> DateRange {
    DateRange::new(date(start), date(end)).unwrap()
}

/// A one-KPI strategy from the KPI's JSON fields (a validated one, as users write them).
fn strategy(kpi: serde_json::Value) -> Strategy {
    let text = json!({
        "schema": "yardstick-strategy", "version": 1, "name": "Test",
        "campaigns": [{ "id": "launch", "name": "Launch", "start": "2026-11-09", "end": "2026-11-22" }],
        "objectives": [{ "id": "objective", "kind": "awareness", "title": "Be seen", "kpis": [kpi] }]
    });
    file::import(&text.to_string()).unwrap()
}

fn parts(strategy: &Strategy) -> (Objective, Kpi) {
    let (objective, kpi) = strategy.kpis().next().unwrap();
    (objective.clone(), kpi.clone())
}

/// Daily values from `start`, one per entry.
fn days_from(start: &str, values: &[f64]) -> Vec<DayValue> {
    let start = date(start);
    values
        .iter()
        .enumerate()
        .map(|(i, v)| DayValue::new(start + chrono::Duration::days(i as i64), *v))
        .collect()
}

/// The same value on every day of a range.
fn every_day(range: DateRange, value: f64) -> Vec<DayValue> {
    range
        .iter_days()
        .map(|day| DayValue::new(day, value))
        .collect()
}

fn evaluate(kpi: serde_json::Value, today: &str, figures: Figures) -> KpiEvaluation {
    let strategy = strategy(kpi);
    let (objective, kpi) = parts(&strategy);
    let today = date(today);
    let period = kpi.period.resolve(today, &strategy).unwrap();
    evaluate_kpi(&objective, &kpi, period, today, &figures)
}

/// Evaluates the period that holds `period_day` (a past one) on `today`, as the previous
/// period of a recurring KPI is.
fn evaluate_past(
    kpi: serde_json::Value,
    period_day: &str,
    today: &str,
    figures: Figures,
) -> KpiEvaluation {
    let strategy = strategy(kpi);
    let (objective, kpi) = parts(&strategy);
    let period = kpi.period.resolve(date(period_day), &strategy).unwrap();
    evaluate_kpi(&objective, &kpi, period, date(today), &figures)
}

fn daily(values: Vec<DayValue>) -> Figures {
    Figures {
        daily: values,
        ..Figures::default()
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * b.abs().max(1.0)
}

fn monthly_impressions() -> serde_json::Value {
    json!({ "id": "impressions", "metric": "impressions", "platforms": ["linkedin"], "period": "month", "target": 30000 })
}

#[test]
fn a_present_month_is_paced_and_forecast() {
    let november = range("2026-11-01", "2026-11-30");
    let e = evaluate(
        monthly_impressions(),
        "2026-11-16",
        daily(every_day(november, 1000.0)),
    );
    assert_eq!(
        (e.timing, e.period.label.as_str()),
        (Timing::Present, "2026-11")
    );
    assert_eq!(
        e.actual,
        Some(15_000.0),
        "only the 15 complete days count, not today"
    );
    assert_eq!(e.expected, Some(15_000.0));
    assert_eq!(e.achieved, Some(0.5));
    let forecast = e.forecast.as_ref().unwrap();
    assert_eq!(forecast.value, 30_000.0);
    assert_eq!(forecast.method, ForecastMethod::RunRate);
    assert_eq!(e.status, Status::OnTrack);
    assert_eq!(e.pacing, Some(Pacing::Linear), "no history before November");
    assert_eq!(e.coverage.covered_days, 15);
    assert_eq!(e.coverage.data_through, Some(date("2026-11-15")));
    assert_eq!(e.series.len(), 15);
    assert_eq!(e.series[14].to_date, 15_000.0);
    assert_eq!(e.series[14].expected, 15_000.0);
}

#[test]
fn a_slow_month_is_at_risk_then_off_track() {
    let november = range("2026-11-01", "2026-11-15");
    let at_risk = evaluate(
        monthly_impressions(),
        "2026-11-16",
        daily(every_day(november, 850.0)),
    );
    assert_eq!(
        at_risk.status,
        Status::AtRisk,
        "forecast 25,500 is 15 % short"
    );
    let off = evaluate(
        monthly_impressions(),
        "2026-11-16",
        daily(every_day(november, 700.0)),
    );
    assert_eq!(
        off.status,
        Status::OffTrack,
        "forecast 21,000 is 30 % short"
    );
    // A noisy month with the same total keeps the target within its interval: at risk.
    let noisy: Vec<f64> = (0..15)
        .map(|i| if i % 5 == 0 { 3500.0 } else { 0.0 })
        .collect();
    let noisy = evaluate(
        monthly_impressions(),
        "2026-11-16",
        daily(days_from("2026-11-01", &noisy)),
    );
    assert_eq!(noisy.actual, Some(10_500.0));
    assert_eq!(noisy.status, Status::AtRisk, "{:?}", noisy.forecast);
    assert!(noisy.forecast.unwrap().high.unwrap() >= 30_000.0);
}

#[test]
fn past_present_and_future_periods() {
    let november = range("2026-11-01", "2026-11-30");
    let past = evaluate_past(
        monthly_impressions(),
        "2026-11-30",
        "2026-12-01",
        daily(every_day(november, 1000.0)),
    );
    assert_eq!(
        (past.timing, past.status, past.actual),
        (Timing::Past, Status::Achieved, Some(30_000.0))
    );
    assert_eq!(past.forecast.unwrap().method, ForecastMethod::Final);
    let march = evaluate(
        monthly_impressions(),
        "2027-03-05",
        daily(every_day(november, 999.0)),
    );
    assert_eq!(
        march.status,
        Status::NoData,
        "March has no figures: November's do not count"
    );
    let missed = evaluate(
        json!({ "id": "k", "metric": "impressions", "platforms": ["linkedin"], "period": { "start": "2026-11-01", "end": "2026-11-30" }, "target": 30000 }),
        "2027-03-01",
        daily(every_day(november, 999.0)),
    );
    assert_eq!(
        (missed.timing, missed.status, missed.actual),
        (Timing::Past, Status::Missed, Some(29_970.0))
    );
    let campaign = json!({ "id": "k", "metric": "impressions", "platforms": ["linkedin"], "period": { "campaign": "launch" }, "target": 10000 });
    let future = evaluate(
        campaign.clone(),
        "2026-11-01",
        daily(every_day(november, 1000.0)),
    );
    assert_eq!(
        (future.timing, future.status, future.actual),
        (Timing::Future, Status::NotStarted, None)
    );
    let first_day = evaluate(campaign, "2026-11-09", daily(every_day(november, 1000.0)));
    assert_eq!(
        (first_day.timing, first_day.status),
        (Timing::Present, Status::NotStarted)
    );
    assert_eq!(first_day.coverage.elapsed_days, 0);
}

#[test]
fn month_ends_and_the_leap_day() {
    let february = range("2028-02-01", "2028-02-29");
    let kpi = json!({ "id": "k", "metric": "impressions", "platforms": ["x"], "period": "month", "target": 29000 });
    let on_the_29th = evaluate(
        kpi.clone(),
        "2028-02-29",
        daily(every_day(february, 1000.0)),
    );
    assert_eq!(on_the_29th.period.end, date("2028-02-29"));
    assert_eq!(on_the_29th.coverage.elapsed_days, 28);
    assert_eq!(
        on_the_29th.actual,
        Some(28_000.0),
        "the 29th is not over yet"
    );
    assert!(close(on_the_29th.expected.unwrap(), 28_000.0));
    let after = evaluate_past(
        kpi.clone(),
        "2028-02-29",
        "2028-03-01",
        daily(every_day(february, 1000.0)),
    );
    assert_eq!(
        (after.timing, after.actual, after.status),
        (Timing::Past, Some(29_000.0), Status::Achieved)
    );
    // 2027 has no leap day: the same daily pace reaches 28,000 of 29,000.
    let february_2027 = range("2027-02-01", "2027-02-28");
    let short = evaluate_past(
        kpi.clone(),
        "2027-02-28",
        "2027-03-01",
        daily(every_day(february_2027, 1000.0)),
    );
    assert_eq!(
        (short.period.end, short.status),
        (date("2027-02-28"), Status::Missed)
    );
    // The last day of a 31-day month.
    let kpi = json!({ "id": "k", "metric": "impressions", "platforms": ["x"], "period": "month", "target": 31000 });
    let december = evaluate(
        kpi,
        "2026-12-31",
        daily(every_day(range("2026-12-01", "2026-12-30"), 1000.0)),
    );
    assert_eq!(
        (december.coverage.elapsed_days, december.status),
        (30, Status::OnTrack)
    );
    assert_eq!(december.forecast.unwrap().value, 31_000.0);
}

#[test]
fn iso_week_53_spans_the_new_year() {
    let kpi = json!({ "id": "k", "metric": "profile_visits", "platforms": ["linkedin"], "period": "week", "target": 350 });
    let figures = daily(every_day(range("2026-12-21", "2027-01-03"), 50.0));
    let e = evaluate(kpi.clone(), "2027-01-01", figures.clone());
    assert_eq!(
        (e.period.start, e.period.end),
        (date("2026-12-28"), date("2027-01-03"))
    );
    assert_eq!(e.period.label, "2026-W53");
    assert_eq!((e.actual, e.status), (Some(200.0), Status::OnTrack));
    let e = evaluate(kpi, "2027-01-04", figures);
    assert_eq!(
        (e.period.label.as_str(), e.timing, e.status),
        ("2027-W01", Timing::Present, Status::NotStarted)
    );
}

#[test]
fn empty_history_is_no_data() {
    let e = evaluate(monthly_impressions(), "2026-11-16", Figures::default());
    assert_eq!(
        (e.status, e.actual, e.forecast),
        (Status::NoData, None, None)
    );
    assert_eq!(e.coverage.elapsed_days, 15);
    // Figures outside the period do not count.
    let e = evaluate(
        monthly_impressions(),
        "2026-11-16",
        daily(every_day(range("2026-10-01", "2026-10-31"), 1000.0)),
    );
    assert_eq!(e.status, Status::NoData);
    // Today's own figure (an unfinished day) does not count either.
    let e = evaluate(
        monthly_impressions(),
        "2026-11-16",
        daily(days_from("2026-11-16", &[5000.0])),
    );
    assert_eq!(e.status, Status::NoData);
}

#[test]
fn gaps_and_stale_data_are_partial_with_a_provisional_status() {
    // Five of the first fifteen days are missing: partial, pointing to on track.
    let values: Vec<DayValue> = every_day(range("2026-11-01", "2026-11-15"), 1000.0)
        .into_iter()
        .filter(|d| ![3, 4, 8, 9, 10].contains(&d.date.day()))
        .collect();
    let e = evaluate(monthly_impressions(), "2026-11-16", daily(values));
    assert_eq!(
        (e.status, e.provisional),
        (Status::PartialData, Some(Status::OnTrack))
    );
    assert_eq!(
        (
            e.coverage.covered_days,
            e.coverage.gap_days,
            e.coverage.lag_days
        ),
        (10, 5, 0)
    );
    assert!(close(e.coverage.fraction, 10.0 / 15.0));
    assert_eq!(e.actual, Some(10_000.0));
    assert!(
        close(e.expected.unwrap(), 10_000.0),
        "expected over the covered days only"
    );
    assert_eq!(
        e.forecast.unwrap().value,
        30_000.0,
        "missing days are estimated, not zero"
    );
    // Two days late is normal for the platforms: judged as usual.
    let late = evaluate(
        monthly_impressions(),
        "2026-11-16",
        daily(every_day(range("2026-11-01", "2026-11-13"), 1000.0)),
    );
    assert_eq!((late.status, late.coverage.lag_days), (Status::OnTrack, 2));
    // Nothing new for more than a week is stale.
    let stale = evaluate(
        monthly_impressions(),
        "2026-11-20",
        daily(every_day(range("2026-11-01", "2026-11-10"), 600.0)),
    );
    assert_eq!(
        (stale.status, stale.provisional, stale.coverage.lag_days),
        (Status::PartialData, Some(Status::OffTrack), 9)
    );
    // A past period with a missing day is partial, unless the result is already certain.
    let gappy: Vec<DayValue> = every_day(range("2026-11-01", "2026-11-30"), 1000.0)
        .into_iter()
        .filter(|d| d.date.day() != 17)
        .collect();
    let past = evaluate_past(
        monthly_impressions(),
        "2026-11-30",
        "2026-12-05",
        daily(gappy.clone()),
    );
    assert_eq!(
        (past.status, past.provisional),
        (Status::PartialData, Some(Status::Achieved))
    );
    let kpi = json!({ "id": "k", "metric": "impressions", "platforms": ["linkedin"], "period": "month", "target": 20000 });
    let certain = evaluate_past(kpi, "2026-11-30", "2026-12-05", daily(gappy));
    assert_eq!(
        (certain.status, certain.provisional),
        (Status::Achieved, None)
    );
}

#[test]
fn lower_is_better() {
    let kpi = json!({ "id": "lost", "metric": "followers_lost", "platforms": "all", "period": "month", "target": 150 });
    let first_half = range("2026-11-01", "2026-11-15");
    let calm = evaluate(kpi.clone(), "2026-11-16", daily(every_day(first_half, 4.0)));
    assert_eq!(
        (calm.forecast.as_ref().unwrap().value, calm.status),
        (120.0, Status::OnTrack)
    );
    let rough = evaluate(kpi.clone(), "2026-11-16", daily(every_day(first_half, 7.0)));
    assert_eq!(
        (rough.forecast.as_ref().unwrap().value, rough.status),
        (210.0, Status::OffTrack)
    );
    let slightly = evaluate(kpi.clone(), "2026-11-16", daily(every_day(first_half, 5.4)));
    assert_eq!(slightly.status, Status::AtRisk, "forecast 162 is 8 % over");
    // Over the ceiling already: it can only get worse.
    let over = evaluate(
        kpi.clone(),
        "2026-11-16",
        daily(every_day(first_half, 11.0)),
    );
    assert_eq!((over.actual, over.status), (Some(165.0), Status::Missed));
    let past = evaluate_past(
        kpi,
        "2026-11-30",
        "2026-12-01",
        daily(every_day(range("2026-11-01", "2026-11-30"), 5.0)),
    );
    assert_eq!(
        past.status,
        Status::Achieved,
        "exactly the ceiling is achieved"
    );
}

#[test]
fn targets_of_zero() {
    let kpi = json!({ "id": "lost", "metric": "followers_lost", "platforms": ["linkedin"], "period": "month", "target": 0 });
    let none = evaluate(
        kpi.clone(),
        "2026-11-16",
        daily(every_day(range("2026-11-01", "2026-11-15"), 0.0)),
    );
    assert_eq!((none.status, none.achieved), (Status::OnTrack, None));
    assert_eq!(none.expected, Some(0.0));
    let one = evaluate(
        kpi,
        "2026-11-16",
        daily(days_from("2026-11-01", &[0.0, 0.0, 1.0])),
    );
    assert_eq!(one.status, Status::Missed);
    let kpi = json!({ "id": "k", "metric": "comments", "platforms": ["linkedin"], "period": "month", "target": 0 });
    let any = evaluate(kpi, "2026-11-16", daily(days_from("2026-11-01", &[0.0])));
    assert_eq!(
        any.status,
        Status::Achieved,
        "a higher-is-better target of 0 is met by anything"
    );
}

#[test]
fn negative_values_of_a_net_change() {
    let kpi = json!({ "id": "net", "metric": "youtube:subscribers", "platforms": ["youtube"],
        "aggregation": "sum", "period": "month", "target": -50, "note": "Lose at most 50 while paused." });
    let first_half = range("2026-11-01", "2026-11-15");
    let mild = evaluate(
        kpi.clone(),
        "2026-11-16",
        daily(every_day(first_half, -1.0)),
    );
    assert_eq!(
        (mild.actual, mild.forecast.as_ref().unwrap().value),
        (Some(-15.0), -30.0)
    );
    assert_eq!(mild.status, Status::OnTrack);
    assert_eq!(mild.pacing, Some(Pacing::Linear));
    let steep = evaluate(
        kpi.clone(),
        "2026-11-16",
        daily(every_day(first_half, -3.0)),
    );
    assert_eq!(
        (steep.forecast.as_ref().unwrap().value, steep.status),
        (-90.0, Status::OffTrack)
    );
    // A net change can recover, so going below the target early is not final.
    let dip = evaluate(
        kpi,
        "2026-11-16",
        daily(days_from(
            "2026-11-01",
            &[
                -60.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0,
            ],
        )),
    );
    assert_eq!(dip.actual, Some(10.0));
    assert_ne!(dip.status, Status::Missed);
    assert!(
        dip.forecast.unwrap().low.unwrap() < 10.0,
        "no clamp for a figure that can fall"
    );
}

#[test]
fn time_zones_decide_which_days_are_over() {
    // 05:00 UTC on 1 December is still 30 November (21:00) in California.
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-12-01T05:00:00Z")
        .unwrap()
        .into();
    let text = json!({
        "schema": "yardstick-strategy", "version": 1, "name": "Time zones",
        "objectives": [{ "id": "o", "kind": "awareness", "title": "Be seen", "kpis": [
            { "id": "instagram", "metric": "impressions", "platforms": ["instagram"], "period": "month", "target": 30000 },
            { "id": "linkedin", "metric": "impressions", "platforms": ["linkedin"], "period": "month", "target": 30000 },
            { "id": "both", "metric": "impressions", "platforms": ["linkedin", "instagram"], "period": "month", "target": 60000 }
        ]}]
    });
    let strategy = file::import(&text.to_string()).unwrap();
    let source = Table(every_day(range("2026-10-01", "2026-11-30"), 1000.0));
    let evaluation = evaluate_strategy(&strategy, Today::Now(now), &source);
    let by_id = |id: &str| evaluation.kpis.iter().find(|k| k.kpi == id).unwrap();
    assert_eq!(
        (by_id("instagram").today, by_id("instagram").timing),
        (date("2026-11-30"), Timing::Present)
    );
    assert_eq!(
        by_id("instagram").coverage.elapsed_days,
        29,
        "30 November is not over in Pacific time"
    );
    assert_eq!(
        (by_id("linkedin").today, by_id("linkedin").timing),
        (date("2026-12-01"), Timing::Present)
    );
    assert_eq!(by_id("linkedin").period.label, "2026-12");
    assert_eq!(
        by_id("linkedin").previous.as_ref().unwrap().status,
        Status::Achieved
    );
    assert_eq!(
        by_id("both").today,
        date("2026-11-30"),
        "a KPI across zones waits for the latest"
    );
    // A date given explicitly applies to every KPI.
    let evaluation = evaluate_strategy(&strategy, Today::Date(date("2026-12-01")), &source);
    assert!(evaluation
        .kpis
        .iter()
        .all(|k| k.today == date("2026-12-01")));
}

/// A figure source that answers every KPI from one table of daily values (the rate's
/// denominator ten times the numerator).
struct Table(Vec<DayValue>);

impl FigureSource for Table {
    fn figures(&self, _kpi: &Kpi, ask: &Ask) -> Figures {
        let wanted = |d: &&DayValue| {
            ask.history.is_some_and(|h| h.contains(d.date)) || ask.period.contains(d.date)
        };
        let daily: Vec<DayValue> = self.0.iter().filter(wanted).copied().collect();
        let denominator = daily
            .iter()
            .map(|d| DayValue::new(d.date, d.value * 10.0))
            .collect();
        Figures {
            daily,
            denominator,
            ..Figures::default()
        }
    }
}

#[test]
fn a_weekday_profile_paces_a_business_account() {
    // A LinkedIn page busy on weekdays, quiet at weekends, for ten weeks before November.
    let pattern = |day: NaiveDate| match day.weekday().num_days_from_monday() {
        0..=4 => 1400.0,
        _ => 500.0,
    };
    let history = range("2026-08-23", "2026-11-15");
    let values: Vec<DayValue> = history
        .iter_days()
        .map(|d| DayValue::new(d, pattern(d)))
        .collect();
    let november = range("2026-11-01", "2026-11-30");
    let target: f64 = november.iter_days().map(pattern).sum();
    let kpi = json!({ "id": "k", "metric": "impressions", "platforms": ["linkedin"], "period": "month", "target": target });
    // Sunday 1 November to Sunday 15 November: the same pattern, so exactly on pace.
    let e = evaluate(kpi.clone(), "2026-11-16", daily(values.clone()));
    let Some(Pacing::WeekdayProfile { weights, weeks }) = &e.pacing else {
        panic!("{:?}", e.pacing)
    };
    assert_eq!(*weeks, 10);
    assert!(close(weights[0] / weights[6], 1400.0 / 500.0));
    let actual: f64 = range("2026-11-01", "2026-11-15")
        .iter_days()
        .map(pattern)
        .sum();
    assert!(close(e.expected.unwrap(), actual));
    assert!(close(e.forecast.as_ref().unwrap().value, target));
    assert_eq!(e.status, Status::OnTrack);
    // After a weekend the profile expects little: a linear pace would call Monday's
    // morning "behind". Sunday 1 November alone: 500 of an expected 500.
    let e = evaluate(kpi.clone(), "2026-11-02", daily(values.clone()));
    assert!(close(e.expected.unwrap(), 500.0), "{:?}", e.expected);
    // With seven weeks of history the pace is linear.
    let short: Vec<DayValue> = values
        .into_iter()
        .filter(|d| d.date >= date("2026-09-13"))
        .collect();
    let e = evaluate(kpi, "2026-11-16", daily(short));
    assert_eq!(e.pacing, Some(Pacing::Linear));
}

#[test]
fn a_level_is_paced_from_its_baseline_to_the_target() {
    let kpi = json!({ "id": "followers", "metric": "followers", "platforms": ["linkedin"], "aggregation": "latest",
        "period": "quarter", "target": 12000, "baseline": 10500 });
    // Q4 2026 has 92 days; +15 a day reaches 11,880 by 31 December.
    let levels: Vec<DayValue> = range("2026-10-01", "2026-11-15")
        .iter_days()
        .enumerate()
        .map(|(i, d)| DayValue::new(d, 10_500.0 + 15.0 * (i as f64 + 1.0)))
        .collect();
    let e = evaluate(kpi.clone(), "2026-11-16", daily(levels.clone()));
    assert_eq!(e.actual, Some(10_500.0 + 15.0 * 46.0));
    assert!(close(e.expected.unwrap(), 10_500.0 + 1_500.0 * 46.0 / 92.0));
    assert_eq!(e.pacing, Some(Pacing::Level { from: 10_500.0 }));
    let forecast = e.forecast.as_ref().unwrap();
    assert!(close(forecast.value, 10_500.0 + 15.0 * 92.0));
    assert_eq!(forecast.method, ForecastMethod::Drift);
    assert_eq!(
        e.status,
        Status::AtRisk,
        "11,880 is 8 % short of the planned +1,500"
    );
    assert_eq!(e.series.last().unwrap().to_date, e.actual.unwrap());
    // Without a baseline, the last level before the quarter is where it started.
    let kpi = json!({ "id": "followers", "metric": "followers", "platforms": ["linkedin"], "aggregation": "latest",
        "period": "quarter", "target": 12000 });
    let mut with_prior = levels.clone();
    with_prior.insert(0, DayValue::new(date("2026-09-28"), 10_400.0));
    let e = evaluate(kpi.clone(), "2026-11-16", daily(with_prior));
    assert_eq!(e.pacing, Some(Pacing::Level { from: 10_400.0 }));
    // A level that does not move falls behind a growth target.
    let flat = every_day(range("2026-10-01", "2026-11-15"), 10_500.0);
    let e = evaluate(kpi.clone(), "2026-11-16", daily(flat));
    assert_eq!(
        (e.status, e.forecast.unwrap().value),
        (Status::OffTrack, 10_500.0)
    );
    // A past quarter is judged on the level at its end.
    let year: Vec<DayValue> = range("2026-10-01", "2026-12-31")
        .iter_days()
        .map(|d| DayValue::new(d, 12_001.0))
        .collect();
    let e = evaluate_past(kpi.clone(), "2026-12-31", "2027-01-02", daily(year));
    assert_eq!((e.timing, e.status), (Timing::Past, Status::Achieved));
    // A past quarter whose last reading was a week before its end is partial.
    let early: Vec<DayValue> = range("2026-10-01", "2026-12-24")
        .iter_days()
        .map(|d| DayValue::new(d, 11_000.0))
        .collect();
    let e = evaluate_past(kpi, "2026-12-31", "2027-01-02", daily(early));
    assert_eq!(
        (e.status, e.provisional),
        (Status::PartialData, Some(Status::Missed))
    );
}

#[test]
fn reach_starts_from_zero_each_period() {
    let kpi = json!({ "id": "reach", "metric": "reach", "platforms": ["instagram"], "aggregation": "latest", "period": "month", "target": 30000 });
    let total = KnownTotal {
        value: 14_000.0,
        missing: vec![],
    };
    let e = evaluate(
        kpi,
        "2026-11-16",
        Figures {
            total: Some(total),
            ..Figures::default()
        },
    );
    assert_eq!(e.pacing, Some(Pacing::Level { from: 0.0 }));
    assert_eq!((e.actual, e.expected), (Some(14_000.0), Some(15_000.0)));
    assert_eq!(e.forecast.as_ref().unwrap().value, 28_000.0);
    assert_eq!(e.status, Status::AtRisk);
}

#[test]
fn a_rate_divides_summed_parts_and_never_averages_daily_rates() {
    let kpi = json!({ "id": "er", "metric": "engagement_rate", "platforms": ["linkedin", "x"], "aggregation": "rate", "period": "month", "target": 0.02 });
    // A quiet day with a high rate and a busy day with a low one.
    let figures = Figures {
        daily: days_from("2026-11-01", &[10.0, 100.0, 110.0]),
        denominator: days_from("2026-11-01", &[100.0, 10_000.0, 5_000.0]),
        ..Figures::default()
    };
    let e = evaluate(kpi.clone(), "2026-11-04", figures);
    let actual = 220.0 / 15_100.0;
    assert!(close(e.actual.unwrap(), actual), "{:?}", e.actual);
    assert_eq!(
        (e.expected, e.pacing.clone()),
        (Some(0.02), Some(Pacing::Flat))
    );
    assert_eq!(e.forecast.as_ref().unwrap().value, e.actual.unwrap());
    assert_eq!(e.forecast.as_ref().unwrap().method, ForecastMethod::Steady);
    assert_eq!(
        e.status,
        Status::AtRisk,
        "27 % short, but three days leave the target within reach"
    );
    assert!(close(e.series[2].to_date, actual));
    // A steady month at 1.5 % is off track.
    let november = range("2026-11-01", "2026-11-20");
    let figures = Figures {
        daily: every_day(november, 150.0),
        denominator: every_day(november, 10_000.0),
        ..Figures::default()
    };
    let e = evaluate(kpi.clone(), "2026-11-21", figures);
    assert_eq!(e.status, Status::OffTrack);
    // The store's totals (which may include range readings) take precedence.
    let figures = Figures {
        total: Some(KnownTotal {
            value: 600.0,
            missing: vec![],
        }),
        denominator_total: Some(KnownTotal {
            value: 25_000.0,
            missing: vec![],
        }),
        ..Figures::default()
    };
    let e = evaluate(kpi.clone(), "2026-11-21", figures);
    assert!(close(e.actual.unwrap(), 0.024));
    assert_eq!(e.status, Status::OnTrack);
    // No impressions at all is no data, not a division by zero.
    let figures = Figures {
        daily: days_from("2026-11-01", &[0.0]),
        denominator: days_from("2026-11-01", &[0.0]),
        ..Figures::default()
    };
    assert_eq!(evaluate(kpi, "2026-11-21", figures).status, Status::NoData);
}

#[test]
fn costs_per_mille_scale_and_lower_is_better() {
    let kpi = json!({ "id": "cpm", "metric": "cpm", "platforms": ["meta"], "distribution": "paid", "aggregation": "rate", "period": "month", "target": 6.0 });
    let days = range("2026-11-01", "2026-11-10");
    let figures = Figures {
        daily: every_day(days, 50.0),
        denominator: every_day(days, 10_000.0),
        ..Figures::default()
    };
    let e = evaluate(kpi, "2026-11-11", figures);
    assert!(close(e.actual.unwrap(), 5.0));
    assert_eq!(e.status, Status::OnTrack);
}

#[test]
fn an_average_is_the_mean_per_day_with_data() {
    let kpi = json!({ "id": "avg", "metric": "impressions", "platforms": ["tiktok"], "aggregation": "average", "period": "week", "target": 2000 });
    let e = evaluate(
        kpi,
        "2026-11-26",
        daily(days_from("2026-11-23", &[1000.0, 3000.0, 2600.0])),
    );
    assert!(close(e.actual.unwrap(), 2200.0));
    assert_eq!((e.expected, e.status), (Some(2000.0), Status::OnTrack));
}

#[test]
fn a_total_from_a_range_reading_counts_its_covered_days() {
    // The page showed "Nov 1 – Nov 14" as one range: 14,000 impressions, no daily figures.
    let total = KnownTotal {
        value: 14_000.0,
        missing: vec![range("2026-11-15", "2026-11-15")],
    };
    let e = evaluate(
        monthly_impressions(),
        "2026-11-16",
        Figures {
            total: Some(total),
            ..Figures::default()
        },
    );
    assert_eq!(
        (e.actual, e.coverage.covered_days, e.coverage.lag_days),
        (Some(14_000.0), 14, 1)
    );
    assert!(close(e.expected.unwrap(), 14_000.0));
    let forecast = e.forecast.unwrap();
    assert_eq!(
        (forecast.value, forecast.low),
        (30_000.0, None),
        "no daily values, no interval"
    );
    assert_eq!(e.status, Status::OnTrack);
}

#[test]
fn the_evaluation_is_json_for_the_overlay_and_the_cli() {
    let e = evaluate(
        monthly_impressions(),
        "2026-11-16",
        daily(every_day(range("2026-11-01", "2026-11-15"), 1000.0)),
    );
    let value = serde_json::to_value(&e).unwrap();
    assert_eq!(value["status"], "on_track");
    assert_eq!(value["timing"], "present");
    assert_eq!(value["pacing"]["method"], "linear");
    assert_eq!(value["forecast"]["method"], "run_rate");
    assert_eq!(value["period"]["label"], "2026-11");
    assert_eq!(value["unit"], "count");
    assert_eq!(value["series"][0]["date"], "2026-11-01");
    assert!(value.get("provisional").is_none());
}

#[test]
fn a_page_shows_its_platform_kpis_and_the_organisation_wide_ones() {
    let text = json!({
        "schema": "yardstick-strategy", "version": 1, "name": "Pages",
        "objectives": [{ "id": "o", "kind": "awareness", "title": "Be seen", "kpis": [
            { "id": "everywhere", "metric": "impressions", "platforms": "all", "period": "month", "target": 400000 },
            { "id": "linkedin", "metric": "impressions", "platforms": ["linkedin"], "period": "month", "target": 30000 },
            { "id": "x", "metric": "impressions", "platforms": ["x"], "period": "month", "target": 10000 },
            { "id": "pair", "metric": "impressions", "platforms": ["x", "tiktok"], "period": "month", "target": 90000 }
        ]}]
    });
    let strategy = file::import(&text.to_string()).unwrap();
    let source = Table(every_day(range("2026-11-01", "2026-11-15"), 1000.0));
    let evaluation = evaluate_strategy(&strategy, Today::Date(date("2026-11-16")), &source);
    let page = for_platform(evaluation, yardstick::model::Platform::LinkedIn);
    let shown: Vec<(&str, Relevance)> = page
        .kpis
        .iter()
        .map(|k| (k.evaluation.kpi.as_str(), k.relevance))
        .collect();
    assert_eq!(
        shown,
        vec![
            ("linkedin", Relevance::Platform),
            ("everywhere", Relevance::Organisation)
        ]
    );
    assert_eq!((page.counts.on_track, page.counts.off_track), (1, 1));
    assert_eq!(page.worst, Some(Status::OffTrack));
    let json = serde_json::to_value(&page).unwrap();
    assert_eq!(json["kpis"][0]["relevance"], "platform");
    assert_eq!(
        json["kpis"][0]["kpi"], "linkedin",
        "the evaluation's fields sit beside the relevance"
    );
    let empty = for_platform(
        evaluate_strategy(&strategy, Today::Date(date("2026-11-16")), &source),
        yardstick::model::Platform::Pinterest,
    );
    assert_eq!(
        (empty.kpis.len(), empty.worst),
        (1, Some(Status::OffTrack)),
        "only the organisation-wide KPI"
    );
}
