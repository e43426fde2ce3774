//! The store's answers: period totals that never count a day twice, levels never summed,
//! rates from parts, partial coverage said out loud, units never mixed, and the daily
//! series, per-post table and per-page listing, each with its provenance.

// Helpers outside #[test] functions unwrap too: a failure there is the test failing.
#![allow(clippy::unwrap_used)]

mod store_support;

use chrono::Datelike;

use store_support::{daily, day, range, reading, Tweak};
use yardstick::metrics::CanonicalMetric as M;
use yardstick::model::{
    Distribution, Metric, Observation, Platform, Scope, SourceKind, Unit, Window,
};
use yardstick::store::{
    Basis, DateRange, PlatformSet, PostFilter, QueryError, Selector, Store, Total,
};

fn store_of(observations: &[Observation]) -> Store {
    let mut store = Store::new();
    store.merge(observations).unwrap();
    store
}

fn total(store: &Store, selector: &Selector, period: DateRange) -> Total {
    store.period_total(selector, period).unwrap().unwrap()
}

/// Checks a period total's value, basis and missing days.
fn check(
    store: &Store,
    selector: &Selector,
    period: DateRange,
    expected: (f64, Basis, Vec<DateRange>),
) {
    let found = total(store, selector, period);
    let (value, basis, missing) = expected;
    assert!(
        (found.value - value).abs() < 1e-9,
        "value {} != {value}",
        found.value
    );
    assert_eq!(found.basis, basis);
    assert_eq!(found.coverage.missing, missing);
}

fn october_days(values: impl Fn(u32) -> f64) -> Vec<f64> {
    (1..=31).map(values).collect()
}

#[test]
fn days_and_a_covering_range_are_never_counted_twice() {
    let impressions = Selector::new(Platform::LinkedIn, M::Impressions);
    let mut observations = daily(
        Platform::LinkedIn,
        M::Impressions,
        "2026-10-01",
        &october_days(|d| 1000.0 + f64::from(d)),
    );
    // The page's card for "Oct 1 – Oct 28", read the same morning.
    observations.push(reading(
        Platform::LinkedIn,
        M::Impressions,
        "2026-10-01",
        "2026-10-28",
        28_350.0,
    ));
    let store = store_of(&observations);
    let sum_of_days: f64 = (1..=28).map(|d| 1000.0 + f64::from(d)).sum();
    check(
        &store,
        &impressions,
        range("2026-10-01", "2026-10-28"),
        (sum_of_days, Basis::Days, vec![]),
    );

    // Without days 10–12, the range reading of exactly the period answers.
    let mut gappy = observations.clone();
    gappy.retain(|o| !(o.window == Window::Day && (10..=12).contains(&o.start.day())));
    let store = store_of(&gappy);
    check(
        &store,
        &impressions,
        range("2026-10-01", "2026-10-28"),
        (28_350.0, Basis::Range, vec![]),
    );

    // For all of October: the range, then days 29–31; days 1–28 are inside the range and
    // are not added again.
    let tail: f64 = (29..=31).map(|d| 1000.0 + f64::from(d)).sum();
    let october = total(&store, &impressions, range("2026-10-01", "2026-10-31"));
    assert_eq!(october.value, 28_350.0 + tail);
    assert_eq!(october.basis, Basis::Combined);
    assert!(october.coverage.is_complete());
    assert_eq!(october.sources.len(), 4);
}

#[test]
fn a_partial_total_says_which_days_are_missing() {
    let values: Vec<f64> = october_days(|_| 100.0);
    let mut observations = daily(Platform::X, M::Reactions, "2026-10-01", &values[..10]);
    observations.extend(daily(Platform::X, M::Reactions, "2026-10-15", &values[..6]));
    let store = store_of(&observations);
    let found = total(
        &store,
        &Selector::new(Platform::X, M::Reactions),
        range("2026-10-01", "2026-10-31"),
    );
    assert_eq!(found.value, 1600.0);
    assert_eq!(found.basis, Basis::Partial);
    assert_eq!(
        (found.coverage.covered_days, found.coverage.total_days),
        (16, 31)
    );
    assert_eq!(
        found.coverage.missing,
        vec![
            range("2026-10-11", "2026-10-14"),
            range("2026-10-21", "2026-10-31")
        ]
    );
}

#[test]
fn a_range_reaching_outside_the_period_does_not_answer_it() {
    let store = store_of(&[reading(
        Platform::YouTube,
        M::VideoViews,
        "2026-09-04",
        "2026-10-01",
        7_800.0,
    )]);
    let selector = Selector::new(Platform::YouTube, M::VideoViews);
    assert_eq!(
        store
            .period_total(&selector, range("2026-09-10", "2026-10-01"))
            .unwrap(),
        None
    );
    assert_eq!(
        total(&store, &selector, range("2026-09-04", "2026-10-01")).value,
        7_800.0
    );
}

#[test]
fn levels_are_the_latest_value_and_never_summed() {
    let followers: Vec<Observation> = daily(
        Platform::LinkedIn,
        M::Followers,
        "2026-10-01",
        &october_days(|d| 5200.0 + f64::from(d) * 3.0)[..20],
    )
    .into_iter()
    .map(|o| o.window(Window::Snapshot))
    .collect();
    let store = store_of(&followers);
    let selector = Selector::new(Platform::LinkedIn, M::Followers);
    check(
        &store,
        &selector,
        range("2026-10-01", "2026-10-31"),
        (
            5260.0,
            Basis::Latest {
                as_of: day("2026-10-20"),
            },
            vec![range("2026-10-21", "2026-10-31")],
        ),
    );
    check(
        &store,
        &selector,
        range("2026-10-01", "2026-10-15"),
        (
            5245.0,
            Basis::Latest {
                as_of: day("2026-10-15"),
            },
            vec![],
        ),
    );
    // A period after the last reading still has the last known level, all of it unconfirmed.
    check(
        &store,
        &selector,
        range("2026-11-01", "2026-11-30"),
        (
            5260.0,
            Basis::Latest {
                as_of: day("2026-10-20"),
            },
            vec![range("2026-11-01", "2026-11-30")],
        ),
    );
    // Day by day, a level shows where it was read and is never carried forward.
    let series = store
        .daily_series(&selector, range("2026-10-19", "2026-10-22"))
        .unwrap();
    let values: Vec<Option<f64>> = series.points.iter().map(|p| p.value).collect();
    assert_eq!(values, vec![Some(5257.0), Some(5260.0), None, None]);
}

#[test]
fn rates_are_computed_from_summed_parts_never_averaged() {
    // Day 1: 10 clicks on 100 impressions (10 %); day 2: 90 on 9,000 (1 %). The average of
    // the rates would be 5.5 %; the rate of the period is 100 / 9,100.
    let observations = vec![
        reading(
            Platform::LinkedIn,
            M::Clicks,
            "2026-10-01",
            "2026-10-01",
            10.0,
        ),
        reading(
            Platform::LinkedIn,
            M::Impressions,
            "2026-10-01",
            "2026-10-01",
            100.0,
        ),
        reading(Platform::LinkedIn, M::Ctr, "2026-10-01", "2026-10-01", 0.1),
        reading(
            Platform::LinkedIn,
            M::Clicks,
            "2026-10-02",
            "2026-10-02",
            90.0,
        ),
        reading(
            Platform::LinkedIn,
            M::Impressions,
            "2026-10-02",
            "2026-10-02",
            9000.0,
        ),
        reading(Platform::LinkedIn, M::Ctr, "2026-10-02", "2026-10-02", 0.01),
    ];
    let store = store_of(&observations);
    let ctr = total(
        &store,
        &Selector::new(Platform::LinkedIn, M::Ctr),
        range("2026-10-01", "2026-10-02"),
    );
    assert!((ctr.value - 100.0 / 9100.0).abs() < 1e-12, "{}", ctr.value);
    assert_eq!(ctr.unit, Unit::Ratio);
    let derivation = ctr.derivation.unwrap();
    assert_eq!(derivation.formula, "clicks / impressions");
    assert_eq!(derivation.denominator, Some(M::Impressions.into()));
    assert_eq!(
        ctr.sources.len(),
        4,
        "the parts, not the stored daily rates"
    );
}

#[test]
fn a_stored_rate_answers_only_its_exact_period_when_parts_are_missing() {
    // YouTube's average view duration for the 28 days, without watch time or views stored.
    let store = store_of(&[reading(
        Platform::YouTube,
        M::AvgViewDuration,
        "2026-10-01",
        "2026-10-28",
        263.0,
    )]);
    let selector = Selector::new(Platform::YouTube, M::AvgViewDuration);
    assert_eq!(
        total(&store, &selector, range("2026-10-01", "2026-10-28")).value,
        263.0
    );
    assert_eq!(
        store
            .period_total(&selector, range("2026-10-01", "2026-10-31"))
            .unwrap(),
        None
    );
}

#[test]
fn standard_engagement_rate_comes_from_parts_and_the_platform_figure_stays_beside_it() {
    let period = ("2026-10-01", "2026-10-28");
    let observations = vec![
        reading(Platform::X, M::Impressions, period.0, period.1, 52_400.0),
        reading(Platform::X, M::Reactions, period.0, period.1, 610.0),
        reading(Platform::X, M::Comments, period.0, period.1, 48.0),
        reading(Platform::X, M::Shares, period.0, period.1, 73.0),
        reading(Platform::X, M::Saves, period.0, period.1, 25.0),
        reading(
            Platform::X,
            Metric::platform(Platform::X, "Engagements"),
            period.0,
            period.1,
            1_904.0,
        ),
        reading(
            Platform::X,
            Metric::platform(Platform::X, "Engagement rate"),
            period.0,
            period.1,
            0.0363,
        )
        .unit(Unit::Ratio),
    ];
    let store = store_of(&observations);
    let october = range(period.0, period.1);
    let engagements = total(&store, &Selector::new(Platform::X, M::Engagements), october);
    assert_eq!(engagements.value, 756.0);
    let parts = engagements.derivation.unwrap().parts;
    assert_eq!(
        parts,
        vec![
            M::Reactions.into(),
            M::Comments.into(),
            M::Shares.into(),
            M::Saves.into()
        ]
    );
    let rate = total(
        &store,
        &Selector::new(Platform::X, M::EngagementRate),
        october,
    );
    assert!((rate.value - 756.0 / 52_400.0).abs() < 1e-12);
    let derivation = rate.derivation.unwrap();
    assert_eq!(
        derivation.formula,
        "(reactions + comments + shares + saves) / impressions"
    );
    assert_eq!(derivation.denominator, Some(M::Impressions.into()));
    // X's own figures are untouched and answered as they were read.
    let own = total(
        &store,
        &Selector::new(Platform::X, Metric::platform(Platform::X, "engagements")),
        october,
    );
    assert_eq!(own.value, 1_904.0);
    let own_rate = total(
        &store,
        &Selector::new(
            Platform::X,
            Metric::platform(Platform::X, "engagement_rate"),
        ),
        october,
    );
    assert_eq!(own_rate.value, 0.0363);
}

#[test]
fn engagement_rate_divides_by_reach_where_a_platform_has_no_impressions_and_never_mixes() {
    let period = ("2026-10-01", "2026-10-28");
    let observations = vec![
        reading(Platform::Facebook, M::Reach, period.0, period.1, 18_400.0),
        reading(Platform::Facebook, M::Reactions, period.0, period.1, 520.0),
        reading(Platform::Facebook, M::Comments, period.0, period.1, 31.0),
        reading(
            Platform::Facebook,
            Metric::platform(Platform::Facebook, "Views"),
            period.0,
            period.1,
            61_000.0,
        ),
        reading(
            Platform::LinkedIn,
            M::Impressions,
            period.0,
            period.1,
            48_120.0,
        ),
        reading(Platform::LinkedIn, M::Reactions, period.0, period.1, 960.0),
    ];
    let store = store_of(&observations);
    let october = range(period.0, period.1);
    let facebook = total(
        &store,
        &Selector::new(Platform::Facebook, M::EngagementRate),
        october,
    );
    assert!((facebook.value - 551.0 / 18_400.0).abs() < 1e-12);
    assert_eq!(
        facebook.derivation.unwrap().denominator,
        Some(M::Reach.into())
    );
    let both = Selector::new(
        PlatformSet::Several(vec![Platform::Facebook, Platform::LinkedIn]),
        M::EngagementRate,
    );
    assert_eq!(
        store.period_total(&both, october),
        Err(QueryError::MixedDenominators {
            metric: M::EngagementRate.into(),
            platforms: vec![Platform::LinkedIn, Platform::Facebook],
        })
    );
    // Engagements themselves add up across platforms.
    let all = Selector::new(PlatformSet::All, M::Engagements);
    assert_eq!(total(&store, &all, october).value, 520.0 + 31.0 + 960.0);
}

#[test]
fn totals_across_platforms_add_up_in_one_unit_and_refuse_to_mix_currencies() {
    let observations = vec![
        reading(
            Platform::LinkedIn,
            M::Impressions,
            "2026-10-01",
            "2026-10-01",
            1840.0,
        ),
        reading(
            Platform::X,
            M::Impressions,
            "2026-10-01",
            "2026-10-01",
            2290.0,
        ),
        reading(
            Platform::Pinterest,
            M::Impressions,
            "2026-10-01",
            "2026-10-01",
            640.0,
        ),
        reading(Platform::Meta, M::Spend, "2026-10-01", "2026-10-01", 84.12)
            .scope_campaign("23850123456789000"),
        reading(
            Platform::LinkedIn,
            M::Spend,
            "2026-10-01",
            "2026-10-01",
            120.0,
        )
        .account("508877123")
        .unit(Unit::Currency("USD".into()))
        .scope_campaign("612345678"),
    ];
    let store = store_of(&observations);
    let first = range("2026-10-01", "2026-10-01");
    let two = Selector::new(
        PlatformSet::Several(vec![Platform::LinkedIn, Platform::X]),
        M::Impressions,
    );
    let found = total(&store, &two, first);
    assert_eq!(found.value, 4130.0);
    assert_eq!(found.sources.len(), 2);
    assert_eq!(
        total(
            &store,
            &Selector::new(PlatformSet::All, M::Impressions),
            first
        )
        .value,
        4770.0
    );

    let spend = Selector::new(PlatformSet::All, M::Spend).scope(Scope::Campaign);
    assert_eq!(
        store.period_total(&spend, first),
        Err(QueryError::MixedUnits {
            metric: M::Spend.into(),
            units: vec![Unit::Currency("EUR".into()), Unit::Currency("USD".into())],
        })
    );
    let euros = Selector::new(Platform::Meta, M::Spend).scope(Scope::Campaign);
    assert_eq!(
        total(&store, &euros, first).unit,
        Unit::Currency("EUR".into())
    );
    let message = store.period_total(&spend, first).unwrap_err().to_string();
    assert!(message.contains("currency:EUR, currency:USD"), "{message}");
}

#[test]
fn reach_is_never_added_across_accounts_or_summed_over_days() {
    let observations = vec![
        reading(
            Platform::Instagram,
            M::Reach,
            "2026-10-01",
            "2026-10-28",
            12_800.0,
        ),
        reading(
            Platform::Instagram,
            M::Reach,
            "2026-10-01",
            "2026-10-28",
            4_100.0,
        )
        .account("acme.careers"),
        reading(
            Platform::Instagram,
            M::Reach,
            "2026-10-01",
            "2026-10-01",
            900.0,
        ),
        reading(
            Platform::Instagram,
            M::Reach,
            "2026-10-02",
            "2026-10-02",
            870.0,
        ),
    ];
    let store = store_of(&observations);
    let october = range("2026-10-01", "2026-10-28");
    let one = Selector::new(Platform::Instagram, M::Reach).account("acme.nl");
    assert_eq!(total(&store, &one, october).value, 12_800.0);
    assert_eq!(
        store
            .period_total(&one, range("2026-10-01", "2026-10-02"))
            .unwrap(),
        None
    );
    assert_eq!(
        store.period_total(&Selector::new(Platform::Instagram, M::Reach), october),
        Err(QueryError::NotAdditive {
            metric: M::Reach.into(),
            entities: 2
        })
    );
}

#[test]
fn organic_paid_and_total_are_separate_figures() {
    let observations = vec![
        reading(
            Platform::LinkedIn,
            M::Impressions,
            "2026-10-01",
            "2026-10-01",
            1200.0,
        )
        .distribution(Distribution::Organic),
        reading(
            Platform::LinkedIn,
            M::Impressions,
            "2026-10-01",
            "2026-10-01",
            640.0,
        )
        .distribution(Distribution::Paid),
        reading(
            Platform::LinkedIn,
            M::Impressions,
            "2026-10-01",
            "2026-10-01",
            1840.0,
        ),
    ];
    let store = store_of(&observations);
    let first = range("2026-10-01", "2026-10-01");
    let selector = Selector::new(Platform::LinkedIn, M::Impressions);
    assert_eq!(total(&store, &selector, first).value, 1840.0);
    assert_eq!(
        total(&store, &selector.distribution(Distribution::Paid), first).value,
        640.0
    );
}

#[test]
fn a_daily_series_has_a_point_for_every_day_with_its_sources() {
    let mut observations = daily(Platform::X, M::Impressions, "2026-10-01", &[1200.0, 1350.0]);
    observations.extend(daily(Platform::X, M::Impressions, "2026-10-04", &[990.0]));
    observations.extend(
        daily(
            Platform::X,
            M::Impressions,
            "2026-10-01",
            &[300.0, 310.0, 320.0, 330.0],
        )
        .into_iter()
        .map(|o| o.account("acme_careers")),
    );
    // A range reading is never spread over its days.
    observations.push(reading(
        Platform::X,
        M::Impressions,
        "2026-10-01",
        "2026-10-04",
        3_600.0,
    ));
    let store = store_of(&observations);
    let series = store
        .daily_series(
            &Selector::new(Platform::X, M::Impressions),
            range("2026-10-01", "2026-10-05"),
        )
        .unwrap();
    assert_eq!(series.unit, Some(Unit::Count));
    let points: Vec<(Option<f64>, bool, usize)> = series
        .points
        .iter()
        .map(|p| (p.value, p.complete, p.sources.len()))
        .collect();
    assert_eq!(
        points,
        vec![
            (Some(1500.0), true, 2),
            (Some(1660.0), true, 2),
            (Some(320.0), false, 1),
            (Some(1320.0), true, 2),
            (None, false, 0),
        ]
    );
    assert_eq!(series.points[2].day, day("2026-10-03"));
}

#[test]
fn the_post_table_has_one_row_per_post_with_latest_lifetime_values() {
    let post = |id: &str, metric: Metric, as_of: &str, value: f64, read_at: &str| {
        reading(Platform::LinkedIn, metric, "2026-10-02", as_of, value)
            .post(id)
            .window(Window::Lifetime)
            .named("We are hiring in Utrecht")
            .kind(SourceKind::Page)
            .at_location("https://www.linkedin.com/company/104857/admin/analytics/updates/")
            .read_at(read_at)
    };
    let hiring = "urn:li:activity:7251234567890123776";
    let mut observations = vec![
        post(
            hiring,
            M::Impressions.into(),
            "2026-10-09",
            3_100.0,
            "2026-10-09T16:00:00Z",
        ),
        post(
            hiring,
            M::Impressions.into(),
            "2026-10-30",
            4_812.0,
            "2026-10-30T16:00:00Z",
        ),
        post(
            hiring,
            M::Reactions.into(),
            "2026-10-30",
            96.0,
            "2026-10-30T16:00:00Z",
        ),
        post(
            hiring,
            M::Comments.into(),
            "2026-10-30",
            11.0,
            "2026-10-30T16:00:00Z",
        ),
        post(
            hiring,
            M::Clicks.into(),
            "2026-10-30",
            130.0,
            "2026-10-30T16:00:00Z",
        ),
        post(
            hiring,
            Metric::platform(Platform::LinkedIn, "Engagement rate"),
            "2026-10-30",
            0.0492,
            "2026-10-30T16:00:00Z",
        )
        .unit(Unit::Ratio),
    ];
    // A post from September still getting views in October, read by day.
    observations.extend(
        daily(
            Platform::LinkedIn,
            M::Impressions,
            "2026-10-01",
            &[40.0, 25.0],
        )
        .into_iter()
        .map(|o| o.post("urn:li:activity:7240000000000000000")),
    );
    // Another account's post is not in this account's table.
    observations.push(
        post(
            "urn:li:activity:7259999999999999999",
            M::Impressions.into(),
            "2026-10-30",
            12.0,
            "2026-10-30T16:00:00Z",
        )
        .account("777"),
    );
    let store = store_of(&observations);
    let rows = store
        .posts(
            &PostFilter::posts(Platform::LinkedIn).account("104857"),
            range("2026-10-01", "2026-10-31"),
        )
        .unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r.post_id.as_str()).collect();
    assert_eq!(ids, vec!["urn:li:activity:7240000000000000000", hiring]);

    let row = &rows[1];
    assert_eq!(row.name.as_deref(), Some("We are hiring in Utrecht"));
    let impressions = &row.metrics[&Metric::from(M::Impressions)];
    assert_eq!(impressions.value, 4_812.0);
    assert_eq!(
        impressions.basis,
        Basis::Lifetime {
            as_of: day("2026-10-30")
        }
    );
    assert_eq!(
        impressions.coverage.missing,
        vec![range("2026-10-31", "2026-10-31")]
    );
    let engagements = &row.metrics[&Metric::from(M::Engagements)];
    assert_eq!(engagements.value, 237.0);
    let rate = &row.metrics[&Metric::from(M::EngagementRate)];
    assert!((rate.value - 237.0 / 4_812.0).abs() < 1e-12);
    assert_eq!(
        row.metrics[&Metric::platform(Platform::LinkedIn, "engagement_rate")].value,
        0.0492
    );

    let older = &rows[0];
    let impressions = &older.metrics[&Metric::from(M::Impressions)];
    assert_eq!(
        (impressions.value, impressions.basis),
        (65.0, Basis::Partial)
    );
}

#[test]
fn what_a_page_contributed_is_listed_by_its_location() {
    let page = "https://x.com/i/account_analytics/overview";
    let from_page = |metric: M, value: f64| {
        reading(Platform::X, metric, "2026-10-01", "2026-10-28", value)
            .kind(SourceKind::Page)
            .at_location(page)
    };
    let observations = vec![
        from_page(M::Impressions, 52_400.0),
        from_page(M::ProfileVisits, 388.0),
        reading(
            Platform::X,
            M::Impressions,
            "2026-10-01",
            "2026-10-01",
            1_214.0,
        ),
    ];
    let mut store = store_of(&observations);
    let listed: Vec<String> = store
        .observations_for(page)
        .iter()
        .map(|o| o.metric.to_string())
        .collect();
    assert_eq!(listed, vec!["impressions", "profile_visits"]);
    // A newer export of the same fact takes it over.
    store
        .merge(&[reading(
            Platform::X,
            M::ProfileVisits,
            "2026-10-01",
            "2026-10-28",
            391.0,
        )
        .read_at("2026-11-04T09:00:00Z")])
        .unwrap();
    assert_eq!(store.observations_for(page).len(), 1);
    assert!(store.observations_for("https://x.com/elsewhere").is_empty());
}

#[test]
fn backwards_ranges_cannot_be_asked() {
    assert!(DateRange::new(day("2026-10-31"), day("2026-10-01")).is_err());
}

/// A campaign-scope value, as Ads Manager exports report them.
trait Campaign {
    fn scope_campaign(self, id: &str) -> Self;
}

impl Campaign for Observation {
    fn scope_campaign(mut self, id: &str) -> Self {
        self.scope = Scope::Campaign;
        self.post_id = Some(id.to_owned());
        self
    }
}
