//! Campaign definitions in the strategy file: read, refused with every problem named (bad
//! dates, unknown metrics and platforms, rules that cannot match, currencies, KPIs that
//! mix incomparable figures), and written back unchanged.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod campaign_support;

use campaign_support as fixture;
use serde_json::{json, Value};
use yardstick::campaign::file::{export, load, PLAN_KEYS};
use yardstick::campaign::plan::{AdLevel, ClickKind, Delivery, EntityRef, Rule};
use yardstick::model::{Distribution, Platform, Scope};
use yardstick::strategy::{Aggregation, Direction, PeriodSpec};

/// A strategy file holding one campaign: the given fields over a valid base.
fn file_with(campaign_fields: Value) -> String {
    let mut campaign = json!({
        "id": "open-day-2027", "name": "Open day 2027", "start": "2027-03-01", "end": "2027-03-21",
        "platforms": ["linkedin", "instagram", "x", "meta"],
        "match": [ { "hashtag": "OpenDay2027" } ]
    });
    for (key, value) in campaign_fields.as_object().unwrap() {
        if value.is_null() {
            campaign.as_object_mut().unwrap().remove(key);
        } else {
            campaign[key] = value.clone();
        }
    }
    json!({
        "schema": "yardstick-strategy", "version": 1, "name": "Acme 2027",
        "campaigns": [campaign], "objectives": []
    })
    .to_string()
}

/// Loads a file that must be refused; checks that a problem at `path` says `why`.
fn check(fields: Value, path: &str, why: &str) {
    let refused =
        load(&file_with(fields.clone())).expect_err(&format!("{fields} should be refused"));
    let problems = refused.problems();
    assert!(
        problems
            .iter()
            .any(|p| p.path == path && p.why.contains(why)),
        "{fields}: expected {path}: {why}; got {problems:#?}"
    );
}

#[test]
fn the_fixture_campaign_reads_completely() {
    let strategy = fixture::strategy();
    let plan = strategy.plan("open-day-2027").unwrap();
    assert_eq!(plan.name, "Open day 2027");
    assert_eq!(plan.dates.days(), 21);
    assert_eq!(
        plan.platforms,
        [
            Platform::LinkedIn,
            Platform::X,
            Platform::Instagram,
            Platform::Meta
        ]
    );
    assert_eq!(plan.delivery, Delivery::Both);
    assert_eq!(
        plan.rules,
        [
            Rule::Hashtag("OpenDay2027".into()),
            Rule::Utm(vec![("utm_campaign".into(), "openday27".into())]),
            Rule::AdName {
                name: "Open Day 2027".into(),
                level: None,
                contains: true
            },
        ]
    );
    assert_eq!(
        plan.exclude,
        [EntityRef {
            platform: Platform::X,
            id: "1897000000000000104".into(),
            scope: None
        }]
    );
    assert_eq!(plan.currency.as_ref().unwrap().report, "EUR");
    let cpc = plan.kpis.iter().find(|k| k.kpi.id == "od-cpc").unwrap();
    assert_eq!(cpc.clicks, ClickKind::Link);
    assert_eq!(
        cpc.kpi.direction,
        Direction::Lower,
        "costs are lower-is-better by default"
    );
    assert_eq!(cpc.kpi.aggregation, Aggregation::Rate);
    assert_eq!(cpc.kpi.distribution, Distribution::Paid);
    assert_eq!(cpc.kpi.period, PeriodSpec::Campaign("open-day-2027".into()));
    let ctr = plan
        .kpis
        .iter()
        .find(|k| k.kpi.id == "od-ctr-linkedin")
        .unwrap();
    assert_eq!(ctr.kpi.platforms.platforms(), [Platform::LinkedIn]);
    // The strategy's own KPI over the campaign's dates is read as before.
    assert_eq!(strategy.strategy.kpis().count(), 1);
}

#[test]
fn the_strategy_reader_accepts_exactly_the_campaign_fields() {
    // Every key of a definition passes the strategy's own reader (which refuses unknown
    // fields), so the two lists cannot drift apart.
    let text = fixture::strategy_text();
    let value: Value = serde_json::from_str(&text).unwrap();
    for key in PLAN_KEYS {
        assert!(
            value["campaigns"][0].get(*key).is_some() || ["accounts", "include"].contains(key),
            "{key}"
        );
    }
    let mut all = value.clone();
    all["campaigns"][0]["accounts"] = json!({ "linkedin": ["acme-corp", "508123456"] });
    all["campaigns"][0]["include"] =
        json!([{ "platform": "instagram", "id": "18040000000000003", "scope": "post" }]);
    yardstick::strategy::import(&all.to_string()).unwrap();
    let mut unknown = value;
    unknown["campaigns"][0]["hashtags"] = json!(["OpenDay2027"]);
    let refused = yardstick::strategy::import(&unknown.to_string()).unwrap_err();
    assert_eq!(refused.problems()[0].path, "campaigns[0].hashtags");
}

#[test]
fn a_campaign_without_a_definition_is_only_dates() {
    let text = json!({
        "schema": "yardstick-strategy", "version": 1, "name": "Acme 2027",
        "campaigns": [{ "id": "launch", "name": "Launch", "start": "2027-05-01", "end": "2027-05-31" }],
        "objectives": []
    });
    let strategy = load(&text.to_string()).unwrap();
    assert!(strategy.plans.is_empty());
    assert_eq!(strategy.strategy.campaigns.len(), 1);
}

#[test]
fn every_rule_kind_reads() {
    let strategy = load(&file_with(json!({
        "delivery": "both",
        "accounts": { "linkedin": ["acme-corp"] },
        "match": [
            { "hashtag": "#opendag" },
            { "keyword": "open day" },
            { "link": "https://www.acme.nl/open-day" },
            { "utm": { "UTM_Campaign": "openday27", "utm_source": "linkedin" } },
            { "ad_name": "Open Day 2027 - Reach", "level": "campaign" },
            { "ad_id": "23851234567890123", "level": "ad_set" }
        ],
        "include": [ { "platform": "linkedin", "id": "urn:li:activity:7301000000000000003", "scope": "post" } ]
    })))
    .unwrap();
    let plan = &strategy.plans[0];
    assert_eq!(
        plan.rules,
        [
            Rule::Hashtag("opendag".into()),
            Rule::Keyword("open day".into()),
            Rule::Link("https://www.acme.nl/open-day".into()),
            Rule::Utm(vec![
                ("utm_campaign".into(), "openday27".into()),
                ("utm_source".into(), "linkedin".into())
            ]),
            Rule::AdName {
                name: "Open Day 2027 - Reach".into(),
                level: Some(AdLevel::Campaign),
                contains: false
            },
            Rule::AdId {
                id: "23851234567890123".into(),
                level: Some(AdLevel::AdSet)
            },
        ]
    );
    assert_eq!(plan.accounts[&Platform::LinkedIn], ["acme-corp"]);
    assert_eq!(plan.include[0].scope, Some(Scope::Post));
}

#[test]
fn refusals_name_the_field_and_the_reason() {
    // Dates: the strategy reader's own checks apply to a campaign with a definition.
    check(
        json!({ "end": "2027-02-21" }),
        "campaigns[0].end",
        "the end lies before the start",
    );
    check(
        json!({ "start": "2027-02-30" }),
        "campaigns[0].start",
        "not a calendar date",
    );
    // Platforms and accounts.
    check(
        json!({ "platforms": ["linkedin", "myspace"] }),
        "campaigns[0].platforms[1]",
        "unknown platform",
    );
    check(
        json!({ "platforms": [] }),
        "campaigns[0].platforms",
        "empty",
    );
    check(
        json!({ "platforms": null }),
        "campaigns[0].platforms",
        "non-empty list",
    );
    check(
        json!({ "platforms": ["x", "x"] }),
        "campaigns[0].platforms[1]",
        "listed twice",
    );
    check(
        json!({ "accounts": { "tiktok": ["acme"] } }),
        "campaigns[0].accounts.tiktok",
        "does not run on this platform",
    );
    check(
        json!({ "accounts": { "linkedin": [] } }),
        "campaigns[0].accounts.linkedin",
        "non-empty list",
    );
    check(
        json!({ "delivery": "boosted" }),
        "campaigns[0].delivery",
        "unknown delivery",
    );
    // Rules.
    check(
        json!({ "match": [] }),
        "campaigns[0].match",
        "no rule and no hand-picked post",
    );
    check(
        json!({ "match": [{ "hashtag": "open day" }] }),
        "campaigns[0].match[0].hashtag",
        "one word",
    );
    check(
        json!({ "match": [{ "hashtag": "#" }] }),
        "campaigns[0].match[0].hashtag",
        "one word",
    );
    check(
        json!({ "match": [{ "hashtag": "a", "keyword": "b" }] }),
        "campaigns[0].match[0]",
        "matches one thing",
    );
    check(
        json!({ "match": [{ "tag": "a" }] }),
        "campaigns[0].match[0]",
        "says nothing to match",
    );
    check(
        json!({ "match": [{ "hashtag": "a", "level": "ad" }] }),
        "campaigns[0].match[0].level",
        "has no field",
    );
    check(
        json!({ "match": [{ "utm": { "campaign": "x" } }] }),
        "campaigns[0].match[0].utm.campaign",
        "utm_",
    );
    check(
        json!({ "match": [{ "utm": {} }] }),
        "campaigns[0].match[0].utm",
        "no UTM parameter",
    );
    check(
        json!({ "match": [{ "link": "acme.nl/open day" }] }),
        "campaigns[0].match[0].link",
        "no spaces",
    );
    check(
        json!({ "match": [{ "ad_id": 23851234567890123u64 }] }),
        "campaigns[0].match[0].ad_id",
        "lose digits",
    );
    check(
        json!({ "match": [{ "ad_name": "Open", "level": "group" }] }),
        "campaigns[0].match[0].level",
        "unknown ad manager level",
    );
    check(
        json!({ "match": [{ "ad_name": "Open", "contains": "yes" }] }),
        "campaigns[0].match[0].contains",
        "true or false",
    );
    check(
        json!({ "match": [{ "hashtag": "a" }, { "hashtag": "a" }] }),
        "campaigns[0].match[1]",
        "listed twice",
    );
    check(
        json!({ "delivery": "organic", "match": [{ "ad_name": "Open Day" }] }),
        "campaigns[0].match",
        "only match ad manager entities",
    );
    check(
        json!({ "delivery": "paid" }),
        "campaigns[0].match",
        "only read post text",
    );
    // Hand-picked items.
    check(
        json!({ "include": [{ "platform": "x" }] }),
        "campaigns[0].include[0].id",
        "required",
    );
    check(
        json!({ "exclude": [{ "platform": "x", "id": 1897 }] }),
        "campaigns[0].exclude[0].id",
        "lose digits",
    );
    check(
        json!({ "exclude": [{ "platform": "x", "id": "1", "scope": "account" }] }),
        "campaigns[0].exclude[0].scope",
        "unknown scope",
    );
    // Currency.
    check(
        json!({ "currency": { "report": "euro" } }),
        "campaigns[0].currency.report",
        "ISO 4217",
    );
    check(
        json!({ "currency": { "report": "EUR", "rates": { "USD": -1 } } }),
        "campaigns[0].currency.rates.USD",
        "positive",
    );
    check(
        json!({ "currency": { "report": "EUR", "rates": { "EUR": 1 } } }),
        "campaigns[0].currency.rates.EUR",
        "to itself",
    );
    check(
        json!({ "currency": { "report": "EUR", "rates": { "usd": 0.9 } } }),
        "campaigns[0].currency.rates.usd",
        "not an ISO 4217",
    );
}

#[test]
fn kpi_refusals_name_the_field_and_the_reason() {
    let kpi = |fields: Value| json!({ "kpis": [fields] });
    check(
        kpi(json!({ "id": "a", "metric": "impresions", "target": 1 })),
        "campaigns[0].kpis[0].metric",
        "unknown metric",
    );
    let refused = load(&file_with(kpi(
        json!({ "id": "a", "metric": "impresions", "target": 1 }),
    )))
    .unwrap_err();
    assert!(
        refused.problems()[0].fix.contains("\"impressions\""),
        "{refused}"
    );
    check(
        kpi(json!({ "id": "a", "metric": "impressions" })),
        "campaigns[0].kpis[0].target",
        "required",
    );
    check(
        kpi(json!({ "id": "A b", "metric": "impressions", "target": 1 })),
        "campaigns[0].kpis[0].id",
        "lower-case",
    );
    check(
        kpi(json!({ "id": "a", "metric": "impressions", "target": "250000" })),
        "campaigns[0].kpis[0].target",
        "must be a number",
    );
    check(
        kpi(json!({ "id": "a", "metric": "impressions", "target": -5 })),
        "campaigns[0].kpis[0].target",
        "never negative",
    );
    check(
        kpi(json!({ "id": "a", "metric": "ctr", "target": 4 })),
        "campaigns[0].kpis[0].target",
        "a fraction",
    );
    check(
        kpi(json!({ "id": "a", "metric": "spend", "distribution": "organic", "target": 100 })),
        "campaigns[0].kpis[0].distribution",
        "organic posts have none",
    );
    check(
        kpi(json!({ "id": "a", "metric": "impressions", "platforms": ["tiktok"], "target": 1 })),
        "campaigns[0].kpis[0].platforms[0]",
        "does not run on this platform",
    );
    check(
        kpi(
            json!({ "id": "a", "metric": "reach", "platforms": ["linkedin", "meta"], "target": 1 }),
        ),
        "campaigns[0].kpis[0].platforms",
        "counted twice",
    );
    check(
        kpi(
            json!({ "id": "a", "metric": "engagement_rate", "aggregation": "average", "target": 0.03 }),
        ),
        "campaigns[0].kpis[0].aggregation",
        "average of daily rates",
    );
    check(
        kpi(json!({ "id": "a", "metric": "x:engagements", "target": 1 })),
        "campaigns[0].kpis[0].platforms",
        "X's own figure",
    );
    check(
        kpi(json!({ "id": "a", "metric": "impressions", "clicks": "all", "target": 1 })),
        "campaigns[0].kpis[0].clicks",
        "cpc and ctr only",
    );
    check(
        kpi(json!({ "id": "a", "metric": "cpc", "clicks": "some", "target": 1 })),
        "campaigns[0].kpis[0].clicks",
        "unknown kind of clicks",
    );
    check(
        kpi(json!({ "id": "a", "metric": "cpc", "budget": 5, "target": 1 })),
        "campaigns[0].kpis[0].budget",
        "has no field",
    );
    check(
        json!({ "kpis": [{ "id": "a", "metric": "cpc", "target": 1 }, { "id": "a", "metric": "cpm", "target": 9 }] }),
        "campaigns[0].kpis[1].id",
        "same id",
    );
}

#[test]
fn every_problem_is_named_at_once() {
    let refused = load(&file_with(json!({
        "end": "2027-02-01",
        "platforms": ["linkedin", "friendster"],
        "match": [{ "hashtag": "two words" }],
        "kpis": [{ "id": "a", "metric": "clicks_total", "target": 1 }]
    })))
    .unwrap_err();
    let paths: Vec<String> = refused.problems().into_iter().map(|p| p.path).collect();
    assert_eq!(
        paths,
        [
            "campaigns[0].end",
            "campaigns[0].platforms[1]",
            "campaigns[0].match[0].hashtag",
            "campaigns[0].kpis[0].metric",
        ]
    );
    assert!(
        refused
            .to_string()
            .starts_with("the strategy file has 4 problem(s)"),
        "{refused}"
    );
}

#[test]
fn unreadable_files_are_refused_without_panicking() {
    for text in [
        "",
        "{",
        "[]",
        "{\"campaigns\": 5}",
        "{\"campaigns\": [null, 7, {\"kpis\": [1]}]}",
        "\u{feff}{}",
    ] {
        assert!(load(text).is_err(), "{text:?}");
    }
}

#[test]
fn exporting_and_loading_again_gives_the_same_plans() {
    let strategy = fixture::strategy();
    let text = export(&strategy.strategy, &strategy.plans);
    let again = load(&text).unwrap();
    assert_eq!(again, strategy);
    // The written file is the user's: defaults are spelled out once, nothing else added.
    let value: Value = serde_json::from_str(&text).unwrap();
    let campaign = &value["campaigns"][0];
    assert_eq!(campaign["delivery"], "both");
    assert_eq!(campaign["kpis"][5]["clicks"], "link");
    assert_eq!(
        campaign["kpis"][0].get("platforms"),
        None,
        "the campaign's platforms are the default"
    );
    assert_eq!(campaign["kpis"][6]["platforms"], json!(["linkedin"]));
}
