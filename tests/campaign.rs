//! A campaign across LinkedIn, Instagram, X and Meta Ads, organic and paid, measured from
//! realistic exports (tests/fixtures/campaign/open-day-2027, read on 15 March 2027): what
//! matched and why, what is added without counting anything twice, the totals per platform
//! and part, the KPIs through the evaluator, the ranking, and the refusal to add money in
//! two currencies without a rate.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod campaign_support;

use campaign_support as fixture;
use yardstick::campaign::{
    measure, CampaignError, CampaignView, ContentRow, Membership, PaidError, Part,
};
use yardstick::evaluate::Status;
use yardstick::model::{Language, Observation, Platform, Scope, Unit};
use yardstick::store::Store;

fn view() -> CampaignView {
    let strategy = fixture::strategy();
    let plan = strategy.plan("open-day-2027").unwrap();
    measure(
        plan,
        &fixture::store_with_content(),
        &fixture::meta_info(),
        fixture::today(),
        Language::En,
    )
    .unwrap()
}

fn row<'a>(view: &'a CampaignView, platform: Platform, id: &str, part: Part) -> &'a ContentRow {
    view.content
        .iter()
        .find(|r| r.platform == platform && r.id == id && r.part == Some(part))
        .unwrap_or_else(|| panic!("{platform} {id} {part:?} is not in the campaign"))
}

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < 1e-9 * expected.abs().max(1.0)
}

#[test]
fn content_matches_by_hashtag_utm_and_ad_campaign_name_and_says_why() {
    let view = view();
    let listed: Vec<(Platform, &str)> = view
        .content
        .iter()
        .map(|r| (r.platform, r.id.as_str()))
        .collect();
    // Unrelated content is not listed at all.
    for (platform, id) in [
        (Platform::X, "1897000000000000103"),
        (Platform::Instagram, "18040000000000003"),
        (Platform::LinkedIn, "urn:li:activity:7301000000000000003"),
        (Platform::Meta, "Always-on recruitment"),
        (Platform::LinkedIn, "612345699"),
    ] {
        assert!(
            !listed.contains(&(platform, id)),
            "{platform} {id} should not match"
        );
    }
    // Hashtag and UTM both match the first LinkedIn post; the UTM rule ignores case.
    let first = row(
        &view,
        Platform::LinkedIn,
        "urn:li:activity:7301000000000000001",
        Part::Organic,
    );
    let because: Vec<&str> = first.reasons.iter().map(|r| r.because.as_str()).collect();
    assert_eq!(
        because,
        ["hashtag #OpenDay2027", "UTM utm_campaign=openday27"]
    );
    assert_eq!(
        first.reasons[1].evidence.as_deref(),
        Some("https://www.acme.nl/open-day?utm_source=linkedin&utm_medium=social&utm_campaign=openday27")
    );
    let second = row(
        &view,
        Platform::LinkedIn,
        "urn:li:activity:7301000000000000002",
        Part::Organic,
    );
    assert_eq!(second.reasons[0].rule, Some(1));
    // Instagram captions come from the sources' text; X from the tweet text.
    let reel = row(
        &view,
        Platform::Instagram,
        "18040000000000002",
        Part::Organic,
    );
    assert_eq!(
        reel.reasons[0].evidence.as_deref(),
        Some("…s lab in 30 seconds. #opendag #OpenDay2027")
    );
    assert_eq!(
        row(&view, Platform::X, "1897000000000000102", Part::Organic).membership,
        Membership::Matched
    );
    // Ad manager campaigns match by name, on Meta and LinkedIn alike.
    let meta = row(&view, Platform::Meta, "Open Day 2027 - Traffic", Part::Paid);
    assert_eq!(meta.scope, Scope::Campaign);
    assert_eq!(
        meta.reasons[0].because,
        "ad manager entity containing \"Open Day 2027\""
    );
    assert_eq!(
        row(&view, Platform::LinkedIn, "612345678", Part::Paid).reasons[0].rule,
        Some(2)
    );
    // Excluded by hand, and published before the campaign: listed as left out, with the
    // rule they matched.
    let left_out: Vec<(&str, Membership, &str)> = view
        .left_out
        .iter()
        .map(|r| (r.id.as_str(), r.membership, r.reasons[0].because.as_str()))
        .collect();
    assert_eq!(
        left_out,
        [
            (
                "urn:li:activity:7290000000000000009",
                Membership::OutsideDates,
                "hashtag #OpenDay2027"
            ),
            (
                "1897000000000000104",
                Membership::Excluded,
                "hashtag #OpenDay2027"
            ),
        ]
    );
}

#[test]
fn nothing_is_counted_twice() {
    let view = view();
    // The LinkedIn creative belongs to a campaign whose row is counted.
    let creative = row(&view, Platform::LinkedIn, "70012", Part::Paid);
    assert!(!creative.added);
    assert!(creative
        .note
        .as_deref()
        .unwrap()
        .contains("campaign rows of this account are counted"));
    // The sponsored split of a LinkedIn post is Campaign Manager delivery, counted there.
    let sponsored = row(
        &view,
        Platform::LinkedIn,
        "urn:li:activity:7301000000000000002",
        Part::Paid,
    );
    assert!(!sponsored.added);
    // X has no ad manager rows here, so the promoted split of the tweet counts as paid.
    assert!(row(&view, Platform::X, "1897000000000000101", Part::Paid).added);
    // Instagram does not split its post figures: they count as organic, said so.
    let carousel = row(
        &view,
        Platform::Instagram,
        "18040000000000001",
        Part::Organic,
    );
    assert!(carousel.note.as_deref().unwrap().contains("does not split"));
}

#[test]
fn totals_per_platform_organic_and_paid() {
    let view = view();
    let total = |platform: Option<Platform>, part: Option<Part>, key: &str| {
        view.totals
            .iter()
            .find(|r| r.platform == platform && r.part == part)
            .and_then(|r| r.figure(key))
            .map(|f| f.value)
    };
    // X 12,400 + 5,300 organic and 30,000 promoted; LinkedIn 9,800 + 6,200 organic and
    // 21,000 from Campaign Manager; Meta 142,000 + 98,000. Instagram's 8,400 + 15,800 are
    // Meta "Views" (instagram:views, repeats counted), never impressions.
    assert_eq!(total(None, None, "impressions"), Some(324_700.0));
    assert_eq!(
        total(None, Some(Part::Organic), "impressions"),
        Some(33_700.0)
    );
    assert_eq!(
        total(None, Some(Part::Paid), "impressions"),
        Some(291_000.0)
    );
    assert_eq!(
        total(Some(Platform::LinkedIn), Some(Part::Paid), "impressions"),
        Some(21_000.0)
    );
    // Spend: Meta 1,000 + 1,200, LinkedIn 650.40, all in euro.
    assert_eq!(view.currency.as_deref(), Some("EUR"));
    assert!(close(total(None, None, "spend").unwrap(), 2850.40));
    // Paid CPM from the summed parts of the items with spend: 2,850.40 / 261,000 × 1000
    // (the promoted tweet's 30,000 impressions have no spend, so neither part counts them).
    assert!(close(
        total(None, Some(Part::Paid), "cpm").unwrap(),
        2850.40 / 261_000.0 * 1000.0
    ));
    assert!(close(
        total(Some(Platform::Meta), Some(Part::Paid), "cpc_link").unwrap(),
        2200.0 / 2970.0
    ));
    assert!(close(
        total(Some(Platform::Meta), Some(Part::Paid), "ctr_all").unwrap(),
        4950.0 / 240_000.0
    ));
    // Standard engagement of the organic posts: LinkedIn 410+265+31+18 and 150+120+9+6,
    // X 41+12+236 and 11+25+98, Instagram 512+31+22+64 and 930+88+41+120.
    assert_eq!(
        total(None, Some(Part::Organic), "engagements"),
        Some(3240.0)
    );
    // Reach is never added across items; results of different actions are not one count.
    assert_eq!(total(Some(Platform::Instagram), None, "reach"), None);
    let instagram = view
        .totals
        .iter()
        .find(|r| r.platform == Some(Platform::Instagram) && r.part.is_none())
        .unwrap();
    assert!(instagram.notes[0].starts_with("reach is not added across 2 items"));
    assert_eq!(total(Some(Platform::Meta), None, "results"), None);
    assert_eq!(total(Some(Platform::Meta), None, "cost_per_result"), None);
}

#[test]
fn campaign_kpis_are_evaluated_over_the_campaign_content() {
    let view = view();
    let kpi = |id: &str| view.kpis.iter().find(|k| k.evaluation.kpi == id).unwrap();
    let impressions = kpi("od-impressions");
    assert_eq!(impressions.evaluation.actual, Some(324_700.0));
    assert_eq!(
        impressions.evaluation.status,
        Status::Achieved,
        "250,000 is passed and a count cannot fall"
    );
    assert_eq!(impressions.evaluation.period.label, "open-day-2027");
    // 2,850.40 spent in the 14 complete days of 21: the run rate heads for 4,275.60, far
    // over the 3,000 ceiling.
    let spend = kpi("od-spend");
    assert!(close(spend.evaluation.actual.unwrap(), 2850.40));
    assert!(close(
        spend.evaluation.forecast.as_ref().unwrap().value,
        2850.40 / 14.0 * 21.0
    ));
    assert_eq!(spend.evaluation.status, Status::OffTrack);
    assert_eq!(spend.currency.as_deref(), Some("EUR"));
    // CPC over link clicks of the entities that have spend: 2,850.40 / (820 + 2,150 + 198).
    let cpc = kpi("od-cpc");
    assert!(close(cpc.evaluation.actual.unwrap(), 2850.40 / 3168.0));
    assert_eq!(cpc.evaluation.status, Status::OnTrack);
    assert_eq!(cpc.items, 3);
    let ctr = kpi("od-ctr-linkedin");
    assert!(close(ctr.evaluation.actual.unwrap(), 198.0 / 21_000.0));
    // Organic engagement only counts posts.
    assert_eq!(kpi("od-engagements").evaluation.actual, Some(3240.0));
    assert_eq!(kpi("od-engagements").items, 6);
    // Refusals are data with a reason, not guesses.
    let cost = kpi("od-cost-per-result");
    assert_eq!(cost.evaluation.status, Status::NoData);
    assert!(cost.notes[0].contains("different actions (actions:link_click, reach)"));
    let reach = kpi("od-meta-reach");
    assert_eq!(reach.evaluation.status, Status::NoData);
    assert!(
        reach.notes[0].contains("for exactly the campaign's dates"),
        "{}",
        reach.notes[0]
    );
}

#[test]
fn content_is_ranked_by_its_contribution() {
    let view = view();
    assert_eq!(view.ranked_by.to_string(), "impressions");
    let top: Vec<(&str, Option<usize>)> = view
        .content
        .iter()
        .take(3)
        .map(|r| (r.id.as_str(), r.rank))
        .collect();
    assert_eq!(
        top,
        [
            ("Open Day 2027 - Reach", Some(1)),
            ("Open Day 2027 - Traffic", Some(2)),
            ("1897000000000000101", Some(3))
        ]
    );
    assert!(close(
        view.content[0].contribution.unwrap(),
        142_000.0 / 324_700.0
    ));
    let shares: f64 = view.content.iter().filter_map(|r| r.contribution).sum();
    assert!(close(shares, 1.0));
    // Items listed but not added come last, without a rank.
    assert!(view
        .content
        .iter()
        .rev()
        .take(2)
        .all(|r| !r.added && r.rank.is_none()));
    let meta = &view.content[0];
    let paid = meta.paid.as_ref().unwrap();
    assert!(close(
        paid.cpm.as_ref().unwrap().value,
        1000.0 / 142_000.0 * 1000.0
    ));
    assert_eq!(
        meta.basis.as_deref(),
        Some("part of the dates (14 of 21 days)")
    );
}

#[test]
fn without_the_sources_texts_rules_read_only_the_short_names() {
    let strategy = fixture::strategy();
    let plan = strategy.plan("open-day-2027").unwrap();
    let view = measure(plan, &fixture::store(), &[], fixture::today(), Language::En).unwrap();
    let organic: Vec<(Platform, &str)> = view
        .content
        .iter()
        .filter(|r| r.part == Some(Part::Organic))
        .map(|r| (r.platform, r.id.as_str()))
        .collect();
    // Instagram's importer keeps no caption and LinkedIn's names stop before the links, so
    // only the tweets (whose text is their name) match.
    assert_eq!(
        organic,
        [
            (Platform::X, "1897000000000000101"),
            (Platform::X, "1897000000000000102")
        ]
    );
}

/// The fixture with the LinkedIn Campaign Manager account billed in US dollars.
fn store_with_linkedin_in_dollars() -> Store {
    let observations: Vec<Observation> = fixture::observations()
        .into_iter()
        .map(|mut o| {
            if o.unit == Unit::Currency("EUR".into()) && o.platform == Platform::LinkedIn {
                o.unit = Unit::Currency("USD".into());
            }
            o
        })
        .collect();
    let mut store = Store::new();
    store.merge(&observations).unwrap();
    store
}

#[test]
fn money_in_two_currencies_is_refused_without_a_rate() {
    let store = store_with_linkedin_in_dollars();
    // The campaign names euro as its currency but gives no rate for dollars.
    let strategy = fixture::strategy();
    let plan = strategy.plan("open-day-2027").unwrap();
    let refused = measure(
        plan,
        &store,
        &fixture::content_info(),
        fixture::today(),
        Language::En,
    )
    .unwrap_err();
    let CampaignError::Money {
        source: PaidError::MissingRate { from, report, .. },
        ..
    } = &refused
    else {
        panic!("expected a missing rate, got {refused:?}");
    };
    assert_eq!((from.as_str(), report.as_str()), ("USD", "EUR"));
    assert!(refused.to_string().contains("add \"USD\""), "{refused}");
    // Without a report currency at all: the currencies found are named.
    let text = fixture::strategy_text()
        .replace("\"currency\": {\n        \"report\": \"EUR\"\n      },", "");
    let strategy = yardstick::campaign::load(&text).unwrap();
    assert!(strategy.plan("open-day-2027").unwrap().currency.is_none());
    let refused = measure(
        strategy.plan("open-day-2027").unwrap(),
        &store,
        &[],
        fixture::today(),
        Language::En,
    )
    .unwrap_err();
    assert!(
        matches!(&refused, CampaignError::Money { source: PaidError::MixedCurrencies { currencies, .. }, .. } if currencies == &["EUR", "USD"]),
        "{refused:?}"
    );
    // With the user's rate the dollars are converted.
    let text = fixture::strategy_text().replace(
        "\"report\": \"EUR\"",
        "\"report\": \"EUR\", \"rates\": { \"USD\": 0.92 }",
    );
    let strategy = yardstick::campaign::load(&text).unwrap();
    let view = measure(
        strategy.plan("open-day-2027").unwrap(),
        &store,
        &[],
        fixture::today(),
        Language::En,
    )
    .unwrap();
    let spend = view.totals.last().unwrap().figure("spend").unwrap();
    assert!(close(spend.value, 2200.0 + 650.40 * 0.92));
    assert_eq!(spend.unit, Unit::Currency("EUR".into()));
    assert_eq!(view.rates_used.get("USD"), Some(&0.92));
}

/// A Meta Ads Manager export broken down by day (reporting start = end on every row), for
/// a paid-only campaign: 1 to 10 March, with 6 March missing.
fn daily_meta_store() -> Store {
    let mut csv = String::from("Reporting starts,Reporting ends,Campaign name,Amount spent (EUR),Impressions,Link clicks\n");
    for day in 1..=10 {
        if day == 6 {
            continue;
        }
        let spend = 100.0 + f64::from(day) * 10.0;
        csv.push_str(&format!(
            "2027-03-{day:02},2027-03-{day:02},Open Day 2027 - Traffic,{spend:.2},{},{}\n",
            10_000 + day * 100,
            200 + day * 5
        ));
    }
    let result = yardstick::import::import_file(
        "Acme-Campaigns-1-Mar-2027-10-Mar-2027.csv",
        csv.as_bytes(),
        fixture::imported_at(),
    )
    .unwrap();
    let mut store = Store::new();
    store.merge(&result.observations).unwrap();
    store
}

#[test]
fn days_read_one_by_one_feed_the_pacing_and_show_their_gaps() {
    let mut text: serde_json::Value = serde_json::from_str(&fixture::strategy_text()).unwrap();
    text["campaigns"][0]["delivery"] = "paid".into();
    text["campaigns"][0]["platforms"] = serde_json::json!(["meta"]);
    text["campaigns"][0]["kpis"] = serde_json::json!([
        { "id": "spend", "metric": "spend", "distribution": "paid", "target": 3000 },
        { "id": "cpc", "metric": "cpc", "distribution": "paid", "target": 0.6 }
    ]);
    let strategy = yardstick::campaign::load(&text.to_string()).unwrap();
    let plan = strategy.plan("open-day-2027").unwrap();
    assert_eq!(plan.platforms, [Platform::Meta]);
    let view = measure(
        plan,
        &daily_meta_store(),
        &[],
        "2027-03-11".parse().unwrap(),
        Language::En,
    )
    .unwrap();
    let spend = &view.kpis[0].evaluation;
    // 110 + 120 + 130 + 140 + 150 + 170 + 180 + 190 + 200: nine days, 6 March missing.
    assert!(close(spend.actual.unwrap(), 1390.0));
    assert_eq!(spend.series.len(), 9);
    assert!(close(spend.series.last().unwrap().to_date, 1390.0));
    assert_eq!(
        (spend.coverage.covered_days, spend.coverage.gap_days),
        (9, 1)
    );
    assert_eq!(
        spend.coverage.data_through,
        Some("2027-03-10".parse().unwrap())
    );
    let cpc = &view.kpis[1].evaluation;
    let clicks: f64 = [1, 2, 3, 4, 5, 7, 8, 9, 10]
        .iter()
        .map(|d| 200.0 + f64::from(*d) * 5.0)
        .sum();
    assert!(close(cpc.actual.unwrap(), 1390.0 / clicks));
    assert_eq!(cpc.series.len(), 9, "a rate per day from the day's parts");
}
