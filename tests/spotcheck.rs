//! Spot-checks against the account's own history: percentile and median of the same kind of
//! content on the same platform and account over the last 12 months, read the same way;
//! "too little history" below five; the sentence the overlay shows in English and Dutch.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use chrono::{DateTime, Duration, NaiveDate, Utc};
use yardstick::campaign::spotcheck::{describe, label, spot_check, SpotCheckAsk, Verdict};
use yardstick::metrics::CanonicalMetric;
use yardstick::model::{
    Distribution, Language, Metric, Observation, Platform, Scope, Source, SourceKind, Unit, Window,
};
use yardstick::store::Store;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// One lifetime total of a LinkedIn company page post, as the page-content export gives it
/// (read on 15 March 2027).
fn lifetime(
    platform: Platform,
    account: &str,
    post: &str,
    published: &str,
    metric: CanonicalMetric,
    value: f64,
) -> Observation {
    Observation {
        platform,
        account: account.into(),
        scope: Scope::Post,
        post_id: Some(post.into()),
        name: None,
        metric: metric.into(),
        distribution: Distribution::Total,
        window: Window::Lifetime,
        start: day(published),
        end: day("2027-03-15"),
        value,
        unit: Unit::Count,
        rounded_to: None,
        derivation: None,
        source: Source {
            kind: SourceKind::Export,
            location: format!("{account}_content_1805097600000.xlsx"),
            label: metric.id().into(),
            raw: value.to_string(),
            read_at: DateTime::parse_from_rfc3339("2027-03-15T08:00:00Z")
                .map(DateTime::<Utc>::from)
                .unwrap(),
            locale: Some("en".into()),
        },
    }
}

/// A post's impressions and its engagement parts (reactions, comments, shares, clicks).
fn post(
    platform: Platform,
    id: &str,
    published: &str,
    impressions: f64,
    parts: [f64; 4],
) -> Vec<Observation> {
    let [reactions, comments, shares, clicks] = parts;
    [
        (CanonicalMetric::Impressions, impressions),
        (CanonicalMetric::Reactions, reactions),
        (CanonicalMetric::Comments, comments),
        (CanonicalMetric::Shares, shares),
        (CanonicalMetric::Clicks, clicks),
    ]
    .into_iter()
    .map(|(metric, value)| lifetime(platform, "acme-corp", id, published, metric, value))
    .collect()
}

/// A year of LinkedIn posts whose engagement rates are 1.0 %, 1.5 %, 1.9 %, 1.9 %, 2.2 %,
/// 2.5 % and 3.0 % (engagements out of 10,000 impressions), one post of 2025 at 9 %, an X
/// post at 8 %, and the post checked: 320 / 10,000 = 3.2 %.
fn store() -> Store {
    let mut observations = Vec::new();
    let history = [
        ("urn:li:activity:1", "2026-04-02", 100.0),
        ("urn:li:activity:2", "2026-05-14", 150.0),
        ("urn:li:activity:3", "2026-07-01", 190.0),
        ("urn:li:activity:4", "2026-09-09", 190.0),
        ("urn:li:activity:5", "2026-11-20", 220.0),
        ("urn:li:activity:6", "2027-01-12", 250.0),
        ("urn:li:activity:7", "2027-02-03", 300.0),
        ("urn:li:activity:old", "2025-12-01", 900.0),
    ];
    for (id, published, engagements) in history {
        let engagements: f64 = engagements;
        // Split the engagements over the parts the way LinkedIn posts usually do.
        let reactions = (engagements * 0.6).round();
        let comments = (engagements * 0.1).round();
        let shares = (engagements * 0.05).round();
        let clicks = engagements - reactions - comments - shares;
        observations.extend(post(
            Platform::LinkedIn,
            id,
            published,
            10_000.0,
            [reactions, comments, shares, clicks],
        ));
    }
    observations.extend(post(
        Platform::X,
        "1897000000000000201",
        "2027-01-05",
        10_000.0,
        [500.0, 100.0, 100.0, 100.0],
    ));
    observations.extend(post(
        Platform::LinkedIn,
        "urn:li:activity:new",
        "2027-03-10",
        10_000.0,
        [190.0, 40.0, 20.0, 70.0],
    ));
    let mut store = Store::new();
    store.merge(&observations).unwrap();
    store
}

fn ask(id: &str, metric: CanonicalMetric) -> SpotCheckAsk {
    SpotCheckAsk {
        platform: Platform::LinkedIn,
        account: "acme-corp".into(),
        scope: Scope::Post,
        id: id.into(),
        metric: Metric::from(metric),
        today: day("2027-03-15"),
        months: None,
    }
}

#[test]
fn a_post_is_compared_with_the_same_accounts_posts_of_the_last_twelve_months() {
    let check = spot_check(
        &store(),
        &ask("urn:li:activity:new", CanonicalMetric::EngagementRate),
    )
    .unwrap();
    assert!((check.value.unwrap() - 0.032).abs() < 1e-12);
    assert_eq!(check.compared_with, "own_history");
    assert_eq!(
        (check.window.start, check.window.end),
        (day("2026-03-15"), day("2027-03-15"))
    );
    assert_eq!(check.reading, "lifetime");
    assert_eq!(check.age_days, Some(5));
    assert!(!check.still_growing, "a rate is not a count that grows");
    // The 2025 post and the X post are not in the history: seven posts, 3.2 % the best.
    let Verdict::Compared {
        rank,
        top_share,
        beats,
        median,
        history,
    } = check.verdict
    else {
        panic!("{:?}", check.verdict);
    };
    assert_eq!((rank, history), (1, 7));
    assert!((top_share - 1.0 / 8.0).abs() < 1e-12);
    assert_eq!(beats, 1.0);
    assert!((median - 0.019).abs() < 1e-12);
    assert_eq!(
        describe(&check, Language::En),
        "engagement rate 3.2%: top 13% of your LinkedIn posts of the last 12 months, median 1.9% (7 compared)"
    );
    assert_eq!(
        describe(&check, Language::Nl),
        "engagementpercentage 3,2%: top 13% van je LinkedIn-berichten van de afgelopen 12 maanden, mediaan 1,9% (7 ter vergelijking)"
    );
    assert_eq!(label(Language::Nl), "Vergeleken met je eigen verleden");
}

#[test]
fn a_weak_post_is_in_the_bottom_share() {
    let check = spot_check(
        &store(),
        &ask("urn:li:activity:1", CanonicalMetric::EngagementRate),
    )
    .unwrap();
    let Verdict::Compared {
        rank,
        history,
        beats,
        ..
    } = check.verdict
    else {
        panic!()
    };
    // Its history is the six other posts of the window and the new one.
    assert_eq!((rank, history, beats), (8, 7, 0.0));
    assert_eq!(
        describe(&check, Language::En),
        "engagement rate 1%: bottom 13% of your LinkedIn posts of the last 12 months, median 2.2% (7 compared)"
    );
}

#[test]
fn counts_of_a_young_post_are_marked_as_still_growing() {
    let check = spot_check(
        &store(),
        &ask("urn:li:activity:new", CanonicalMetric::Impressions),
    )
    .unwrap();
    assert!(check.still_growing);
    assert!(describe(&check, Language::En)
        .ends_with("; this item is less than a week old and still counting"));
    assert!(
        describe(&check, Language::Nl).ends_with("; dit item is nog geen week oud en telt nog op")
    );
}

#[test]
fn too_little_history_is_said_rather_than_a_percentile() {
    let mut check = ask("urn:li:activity:new", CanonicalMetric::EngagementRate);
    check.months = Some(3);
    let result = spot_check(&store(), &check).unwrap();
    // Only 2027-01-12 and 2027-02-03 fall in the three months before.
    assert_eq!(
        result.verdict,
        Verdict::TooLittleHistory {
            history: 2,
            needed: 5
        }
    );
    assert_eq!(
        describe(&result, Language::En),
        "engagement rate 3.2%: too little history to compare (2 LinkedIn posts in the last 3 months; at least 5 needed)"
    );
    assert_eq!(
        describe(&result, Language::Nl),
        "engagementpercentage 3,2%: te weinig geschiedenis om te vergelijken (2 LinkedIn-berichten in de afgelopen 3 maanden, minstens 5 nodig)"
    );
}

#[test]
fn only_items_read_the_same_way_are_compared() {
    let mut store = store();
    // Five posts read day by day (a period total, not a lifetime total) do not join the
    // lifetime history.
    let mut days = Vec::new();
    for n in 0..5 {
        let published = day("2026-10-01") + Duration::days(n * 7);
        for offset in 0..3 {
            let mut o = lifetime(
                Platform::LinkedIn,
                "acme-corp",
                &format!("urn:li:daily:{n}"),
                "2026-10-01",
                CanonicalMetric::Impressions,
                1000.0,
            );
            o.window = Window::Day;
            o.start = published + Duration::days(offset);
            o.end = o.start;
            days.push(o);
        }
    }
    store.merge(&days).unwrap();
    let check = spot_check(
        &store,
        &ask("urn:li:activity:new", CanonicalMetric::Impressions),
    )
    .unwrap();
    let Verdict::Compared { history, .. } = check.verdict else {
        panic!("{:?}", check.verdict)
    };
    assert_eq!(history, 7);
}

#[test]
fn an_item_without_the_metric_has_no_verdict() {
    let check = spot_check(
        &store(),
        &ask("urn:li:activity:unknown", CanonicalMetric::EngagementRate),
    )
    .unwrap();
    assert_eq!(check.verdict, Verdict::NoValue);
    assert_eq!(
        describe(&check, Language::En),
        "engagement rate: not known for this item, so it cannot be compared with your own past"
    );
}

/// A Meta ad campaign's spend and link clicks over its report range.
fn ad_campaign(id: &str, start: &str, end: &str, spend: f64, link_clicks: f64) -> Vec<Observation> {
    [
        (CanonicalMetric::Spend, spend, Unit::Currency("EUR".into())),
        (CanonicalMetric::LinkClicks, link_clicks, Unit::Count),
    ]
    .into_iter()
    .map(|(metric, value, unit)| {
        let mut o = lifetime(Platform::Meta, "act_1", id, start, metric, value);
        o.scope = Scope::Campaign;
        o.distribution = Distribution::Paid;
        o.window = Window::Range;
        o.end = day(end);
        o.unit = unit;
        o
    })
    .collect()
}

#[test]
fn ad_campaigns_compare_counts_over_periods_of_the_same_length() {
    let mut observations = Vec::new();
    // Five earlier two-week campaigns, one month-long one, and the one checked.
    for (n, start, end, spend) in [
        (1, "2026-04-01", "2026-04-14", 900.0),
        (2, "2026-05-01", "2026-05-14", 1100.0),
        (3, "2026-06-01", "2026-06-14", 1000.0),
        (4, "2026-09-01", "2026-09-14", 1300.0),
        (5, "2026-10-01", "2026-10-14", 800.0),
        (6, "2026-11-01", "2026-11-30", 4000.0),
    ] {
        observations.extend(ad_campaign(
            &format!("c{n}"),
            start,
            end,
            spend,
            spend / 0.8,
        ));
    }
    observations.extend(ad_campaign(
        "open-day",
        "2027-03-01",
        "2027-03-14",
        1200.0,
        2000.0,
    ));
    let mut store = Store::new();
    store.merge(&observations).unwrap();
    let ask = |metric: CanonicalMetric| SpotCheckAsk {
        platform: Platform::Meta,
        account: "act_1".into(),
        scope: Scope::Campaign,
        id: "open-day".into(),
        metric: metric.into(),
        today: day("2027-03-15"),
        months: None,
    };
    let clicks = spot_check(&store, &ask(CanonicalMetric::LinkClicks)).unwrap();
    assert_eq!(clicks.reading, "period");
    // The month-long campaign's 5,000 clicks are not in the history: 2,000 beats the five
    // two-week campaigns (1,000 to 1,625 clicks).
    let Verdict::Compared {
        rank,
        history,
        median,
        ..
    } = clicks.verdict
    else {
        panic!("{:?}", clicks.verdict)
    };
    assert_eq!((rank, history, median), (1, 5, 1250.0));
    assert_eq!(
        describe(&clicks, Language::En),
        "link clicks 2,000: top 17% of your Meta Ads ad campaigns of the last 12 months, median 1,250 (5 compared)"
    );
    // Spend is lower-is-better, like every cost.
    let spend = spot_check(&store, &ask(CanonicalMetric::Spend)).unwrap();
    let Verdict::Compared { rank, .. } = spend.verdict else {
        panic!("{:?}", spend.verdict)
    };
    assert_eq!(rank, 5);
    // A rate compares across lengths: 1,200 / 2,000 = 0.60 per click is the cheapest, with
    // the month-long campaign in the history too.
    let cpc = spot_check(&store, &ask(CanonicalMetric::Cpc)).unwrap();
    let Verdict::Compared { rank, history, .. } = cpc.verdict else {
        panic!("{:?}", cpc.verdict)
    };
    assert_eq!((rank, history), (1, 6));
}

/// The post's observations with their lifetime totals read on `read_on` instead of on
/// 15 March.
fn read_on(observations: Vec<Observation>, read_on: &str) -> Vec<Observation> {
    observations
        .into_iter()
        .map(|mut o| {
            o.end = day(read_on);
            o
        })
        .collect()
}

#[test]
fn the_window_looks_through_today_and_not_beyond() {
    let mut store = store();
    let mut observations = Vec::new();
    // Published and read today: the page just read.
    observations.extend(post(
        Platform::LinkedIn,
        "urn:li:activity:today",
        "2027-03-15",
        10_000.0,
        [150.0, 20.0, 10.0, 30.0],
    ));
    // Read "tomorrow" (a clock ahead of the reporting zone), published tomorrow or earlier.
    observations.extend(read_on(
        post(
            Platform::LinkedIn,
            "urn:li:activity:tomorrow",
            "2027-03-16",
            10_000.0,
            [10.0, 0.0, 0.0, 0.0],
        ),
        "2027-03-16",
    ));
    observations.extend(read_on(
        post(
            Platform::LinkedIn,
            "urn:li:activity:read-late",
            "2027-03-01",
            10_000.0,
            [10.0, 0.0, 0.0, 0.0],
        ),
        "2027-03-16",
    ));
    store.merge(&observations).unwrap();

    let today = spot_check(
        &store,
        &ask("urn:li:activity:today", CanonicalMetric::EngagementRate),
    )
    .unwrap();
    assert!((today.value.unwrap() - 0.021).abs() < 1e-12);
    assert_eq!(today.age_days, Some(0));
    // Seven posts of the year and the one of 10 March; neither reading dated 16 March.
    let Verdict::Compared { history, .. } = today.verdict else {
        panic!("{:?}", today.verdict);
    };
    assert_eq!(history, 8);

    for later in ["urn:li:activity:tomorrow", "urn:li:activity:read-late"] {
        let check = spot_check(&store, &ask(later, CanonicalMetric::EngagementRate)).unwrap();
        assert_eq!(
            (check.value, &check.verdict),
            (None, &Verdict::NoValue),
            "{later}"
        );
    }
}
