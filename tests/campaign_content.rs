//! A campaign measured from the store's content records: posts matched by the text and
//! links sources gave beside the numbers (not by their 80-character names), never by their
//! own permalinks; ad sets' results counted only under one result type and one attribution
//! setting, as the records say; the publication day a record gives; details given by hand
//! winning over stored ones; and the reasons and notes in English and Dutch.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{json, Value};
use yardstick::campaign::{
    self, measure, CampaignPlan, CampaignView, ContentInfo, Membership, ReasonKind,
};
use yardstick::content::ContentRecord;
use yardstick::metrics::CanonicalMetric;
use yardstick::model::{
    Distribution, Language, Observation, Platform, Scope, Source, SourceKind, Unit, Window,
};
use yardstick::store::Store;

const X_POST: &str = "1921000000000000001";
const X_MORNING: &str = "1921000000000000002";
const LINKEDIN_POST: &str = "urn:li:activity:7330000000000000001";
const LINKEDIN_EARLY: &str = "urn:li:activity:7330000000000000002";
const AD_ACCOUNT: &str = "act_1234567890";

/// A tweet longer than the 80 characters the importer keeps as its name; the hashtag
/// comes after the cut.
const TWEET: &str = "The robot arm we have been building for three years ships today. Watch the \
    launch stream from 14:00 and ask the engineers anything. #Launch27";

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn read_at() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2027-05-15T08:00:00Z")
        .unwrap()
        .into()
}

fn source(kind: SourceKind, location: &str, label: &str) -> Source {
    Source {
        kind,
        location: location.into(),
        label: label.into(),
        raw: String::new(),
        read_at: read_at(),
        locale: Some("en".into()),
    }
}

/// One figure of a post or ad entity.
#[allow(clippy::too_many_arguments)]
fn figure(
    platform: Platform,
    account: &str,
    scope: Scope,
    id: &str,
    name: &str,
    metric: CanonicalMetric,
    value: f64,
    unit: Unit,
    (window, start, end): (Window, &str, &str),
) -> Observation {
    Observation {
        platform,
        account: account.into(),
        scope,
        post_id: Some(id.into()),
        name: Some(name.into()),
        metric: metric.into(),
        distribution: Distribution::Total,
        window,
        start: day(start),
        end: day(end),
        value,
        unit,
        rounded_to: None,
        derivation: None,
        source: source(SourceKind::Export, "export.csv", metric.id()),
    }
}

/// A post's lifetime impressions and reactions as of 15 May.
fn post(platform: Platform, account: &str, id: &str, published: &str) -> Vec<Observation> {
    let name: String = match platform {
        Platform::X => TWEET.chars().take(80).collect(),
        _ => "A post".into(),
    };
    [
        (CanonicalMetric::Impressions, 8000.0),
        (CanonicalMetric::Reactions, 240.0),
    ]
    .into_iter()
    .map(|(metric, value)| {
        figure(
            platform,
            account,
            Scope::Post,
            id,
            &name,
            metric,
            value,
            Unit::Count,
            (Window::Lifetime, published, "2027-05-15"),
        )
    })
    .collect()
}

/// A Meta ad set's spend, impressions and results over 1-14 May, in euro.
fn ad_set(name: &str, spend: f64, impressions: f64, results: f64) -> Vec<Observation> {
    [
        (CanonicalMetric::Spend, spend, Unit::Currency("EUR".into())),
        (CanonicalMetric::Impressions, impressions, Unit::Count),
        (CanonicalMetric::Results, results, Unit::Count),
    ]
    .into_iter()
    .map(|(metric, value, unit)| {
        figure(
            Platform::Meta,
            AD_ACCOUNT,
            Scope::AdSet,
            name,
            name,
            metric,
            value,
            unit,
            (Window::Range, "2027-05-01", "2027-05-14"),
        )
    })
    .collect()
}

fn record(platform: Platform, account: &str, scope: Scope, id: &str) -> ContentRecord {
    let kind = if scope.is_ad() {
        SourceKind::Page
    } else {
        SourceKind::Export
    };
    ContentRecord::new(
        platform,
        account,
        scope,
        id,
        source(kind, "export.csv", "Post text"),
    )
}

/// The ad set records: result type and attribution per ad set, as Ads Manager's grid shows.
fn ad_set_record(name: &str, result_type: &str, attribution: &str) -> ContentRecord {
    let mut record = record(Platform::Meta, AD_ACCOUNT, Scope::AdSet, name);
    record.result_type = Some(result_type.into());
    record.attribution = Some(attribution.into());
    record.campaign_name = Some("Launch 2027".into());
    record
}

/// The store: an X post, a LinkedIn post, an X post with nothing but a permalink to go
/// by, a LinkedIn post published before the campaign, and two Meta ad sets; with
/// `ad_sets` as their (name, result type, attribution).
fn store(ad_sets: [(&str, &str, &str); 2]) -> Store {
    let mut observations = Vec::new();
    observations.extend(post(Platform::X, "acme", X_POST, "2027-05-03"));
    observations.extend(post(Platform::X, "acme", X_MORNING, "2027-05-04"));
    observations.extend(post(
        Platform::LinkedIn,
        "acme-corp",
        LINKEDIN_POST,
        "2027-05-05",
    ));
    // Read for the first time on 2 May, but published in April.
    observations.extend(post(
        Platform::LinkedIn,
        "acme-corp",
        LINKEDIN_EARLY,
        "2027-05-02",
    ));
    observations.extend(ad_set(ad_sets[0].0, 600.0, 90_000.0, 120.0));
    observations.extend(ad_set(ad_sets[1].0, 400.0, 60_000.0, 800.0));
    let mut store = Store::new();
    store.merge(&observations).unwrap();

    let mut tweet = record(Platform::X, "acme", Scope::Post, X_POST);
    tweet.text = Some(TWEET.into());
    tweet.permalink = Some(format!("https://x.com/acme/status/{X_POST}"));
    let mut morning = record(Platform::X, "acme", Scope::Post, X_MORNING);
    morning.text = Some("Good morning from the lab".into());
    morning.permalink = Some(format!("https://x.com/acme/status/{X_MORNING}"));
    let mut linkedin = record(Platform::LinkedIn, "acme-corp", Scope::Post, LINKEDIN_POST);
    linkedin.text = Some("Meet the robot arm our engineers built.".into());
    linkedin.links = vec!["https://acme.nl/robot?utm_source=linkedin&utm_campaign=launch27".into()];
    let mut early = record(Platform::LinkedIn, "acme-corp", Scope::Post, LINKEDIN_EARLY);
    early.text = Some("Teaser: something big is coming #Launch27".into());
    early.published = Some(day("2027-04-28"));
    let mut records = vec![tweet, morning, linkedin, early];
    records.extend(ad_sets.map(|(name, kind, setting)| ad_set_record(name, kind, setting)));
    let merged = store.merge_content(records);
    assert_eq!((merged.kept, merged.refused.len()), (6, 0));
    store
}

/// Two ad sets optimised for different actions under one attribution setting.
fn two_result_types() -> Store {
    store([
        ("Launch 2027 - Leads", "Leads", "7-day click or 1-day view"),
        (
            "Launch 2027 - Traffic",
            "Link clicks",
            "7-day click or 1-day view",
        ),
    ])
}

/// Two ad sets counting leads under different attribution settings.
fn two_attribution_settings() -> Store {
    store([
        ("Launch 2027 - Leads", "Leads", "7-day click or 1-day view"),
        ("Launch 2027 - Leads retargeting", "Leads", "1-day click"),
    ])
}

fn plan(rules: Value) -> CampaignPlan {
    let text = json!({ "schema": "yardstick-strategy", "version": 1, "name": "S", "objectives": [],
        "campaigns": [{ "id": "launch-2027", "name": "Launch 2027", "start": "2027-05-01", "end": "2027-05-31",
            "platforms": ["x", "linkedin", "meta"], "match": rules,
            "kpis": [{ "id": "cpr", "metric": "cost_per_result", "distribution": "paid", "target": 2.0 }] }] });
    campaign::load(&text.to_string()).unwrap().plans.remove(0)
}

fn launch() -> CampaignPlan {
    plan(json!([
        { "hashtag": "Launch27" },
        { "utm": { "utm_campaign": "launch27" } },
        { "ad_name": "Launch 2027", "contains": true }
    ]))
}

fn view(store: &Store, given: &[ContentInfo], language: Language) -> CampaignView {
    measure(&launch(), store, given, day("2027-05-15"), language).unwrap()
}

/// The counted items as (id, reason kinds, evidence of the first reason).
fn matched(view: &CampaignView) -> Vec<(String, Vec<ReasonKind>, Option<String>)> {
    let mut found: Vec<(String, Vec<ReasonKind>, Option<String>)> = view
        .content
        .iter()
        .map(|row| {
            (
                row.id.clone(),
                row.reasons.iter().map(|r| r.kind).collect(),
                row.reasons[0].evidence.clone(),
            )
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

#[test]
fn posts_match_by_the_stored_text_and_links_not_their_short_names() {
    let view = view(&two_result_types(), &[], Language::En);
    let link = "https://acme.nl/robot?utm_source=linkedin&utm_campaign=launch27";
    assert_eq!(
        matched(&view),
        [
            (
                X_POST.to_owned(),
                vec![ReasonKind::Hashtag],
                Some("…d ask the engineers anything. #Launch27".to_owned())
            ),
            (
                "Launch 2027 - Leads".to_owned(),
                vec![ReasonKind::AdName],
                Some("Launch 2027 - Leads".to_owned())
            ),
            (
                "Launch 2027 - Traffic".to_owned(),
                vec![ReasonKind::AdName],
                Some("Launch 2027 - Traffic".to_owned())
            ),
            (
                LINKEDIN_POST.to_owned(),
                vec![ReasonKind::Utm],
                Some(link.to_owned())
            ),
        ]
    );
    // The tweet's stored name stops before its hashtag: without the record it is no match.
    let names_only = {
        let mut store = Store::new();
        store
            .merge(&post(Platform::X, "acme", X_POST, "2027-05-03"))
            .unwrap();
        store
    };
    let without = measure(&launch(), &names_only, &[], day("2027-05-15"), Language::En).unwrap();
    assert!(without.content.is_empty(), "{:?}", without.content);
}

#[test]
fn a_permalink_never_satisfies_a_link_rule() {
    // A rule naming the account's own address would take every post if permalinks counted.
    let own_address = plan(json!([{ "link": "x.com/acme" }]));
    let view = measure(
        &own_address,
        &two_result_types(),
        &[],
        day("2027-05-15"),
        Language::En,
    )
    .unwrap();
    let ids: Vec<&str> = view.content.iter().map(|r| r.id.as_str()).collect();
    assert!(
        !ids.contains(&X_MORNING) && !ids.contains(&X_POST),
        "{ids:?}"
    );
    // The same address written in a post's text is a link the post points to.
    let mut store = two_result_types();
    let mut written = record(Platform::X, "acme", Scope::Post, X_MORNING);
    written.text = Some("Our launch thread: https://x.com/acme/status/1921000000000000001".into());
    store.merge_content([written]);
    let view = measure(&own_address, &store, &[], day("2027-05-15"), Language::En).unwrap();
    let ids: Vec<&str> = view.content.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, [X_MORNING]);
}

#[test]
fn a_records_publication_day_puts_a_post_outside_the_dates() {
    let view = view(&two_result_types(), &[], Language::En);
    let early = view
        .left_out
        .iter()
        .find(|r| r.id == LINKEDIN_EARLY)
        .expect("the April teaser is listed as left out");
    assert_eq!(early.membership, Membership::OutsideDates);
    assert_eq!(early.first_day, day("2027-04-28"));
    assert_eq!(
        early.note.as_deref(),
        Some("first seen 2027-04-28, outside the campaign's dates")
    );
}

#[test]
fn details_given_by_hand_win_over_stored_ones_field_by_field() {
    let given = [ContentInfo {
        platform: Some(Platform::X),
        id: X_POST.into(),
        text: Some("A corrected text without the tag".into()),
        ..ContentInfo::default()
    }];
    let view = view(&two_result_types(), &given, Language::En);
    assert!(view.content.iter().all(|r| r.id != X_POST));
    // The LinkedIn post's stored link still counts: nothing was given for it.
    assert!(view.content.iter().any(|r| r.id == LINKEDIN_POST));
}

#[test]
fn ad_sets_with_two_result_types_have_no_cost_per_result_in_either_language() {
    let check = |language: Language, expected: &str| {
        let view = view(&two_result_types(), &[], language);
        let paid = view
            .totals
            .iter()
            .find(|t| t.platform.is_none() && t.part == Some(campaign::Part::Paid))
            .unwrap();
        assert!(paid.figure("results").is_none());
        assert!(paid.figure("cost_per_result").is_none());
        assert!(paid.notes.iter().any(|n| n == expected), "{:?}", paid.notes);
        let kpi = &view.kpis[0];
        assert_eq!(kpi.evaluation.actual, None);
        assert_eq!(kpi.notes, [expected]);
        // One ad set alone has its one result type, from its record.
        let leads = view
            .content
            .iter()
            .find(|r| r.id == "Launch 2027 - Leads")
            .unwrap();
        let cost = leads.paid.as_ref().unwrap().cost_per_result.as_ref();
        assert!((cost.unwrap().value - 5.0).abs() < 1e-12);
    };
    check(
        Language::En,
        "results count different actions (Leads, Link clicks), so they have no one cost per result",
    );
    check(
        Language::Nl,
        "resultaten tellen verschillende acties (Leads, Link clicks), dus er zijn geen gezamenlijke kosten per resultaat",
    );
}

#[test]
fn results_under_two_attribution_settings_are_not_added() {
    let view = view(&two_attribution_settings(), &[], Language::En);
    let all = view.totals.last().unwrap();
    assert!(all.figure("results").is_none());
    assert!(all.figure("cost_per_result").is_none());
    let spend = all.figure("spend").unwrap();
    assert!((spend.value - 1000.0).abs() < 1e-9, "spend still adds up");
    let note = all
        .notes
        .iter()
        .find(|n| n.contains("attribution"))
        .unwrap();
    assert!(
        note.contains("1-day click") && note.contains("7-day click or 1-day view"),
        "{note}"
    );
    let dutch = view_nl_note(&two_attribution_settings());
    assert!(
        dutch.starts_with("resultaten zijn geteld met verschillende attributie-instellingen (1-day click en 7-day click or 1-day view)"),
        "{dutch}"
    );
}

fn view_nl_note(store: &Store) -> String {
    let view = view(store, &[], Language::Nl);
    view.totals
        .last()
        .unwrap()
        .notes
        .iter()
        .find(|n| n.contains("attributie"))
        .cloned()
        .unwrap()
}

#[test]
fn reasons_and_notes_read_in_dutch() {
    let view = view(&two_result_types(), &[], Language::Nl);
    let because = |id: &str| -> String {
        view.content
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.reasons[0].because.clone())
            .unwrap()
    };
    assert_eq!(because(X_POST), "hashtag #Launch27");
    assert_eq!(
        because("Launch 2027 - Leads"),
        "advertentiebeheer: onderdeel met \"Launch 2027\" in de naam"
    );
    let early = view
        .left_out
        .iter()
        .find(|r| r.id == LINKEDIN_EARLY)
        .unwrap();
    assert_eq!(
        early.note.as_deref(),
        Some("voor het eerst gezien op 2027-04-28, buiten de data van de campagne")
    );
    // The structure does not change with the language.
    let english = self::view(&two_result_types(), &[], Language::En);
    let kinds = |v: &CampaignView| -> Vec<(ReasonKind, String)> {
        v.content
            .iter()
            .flat_map(|r| r.reasons.iter().map(|x| (x.kind, x.value.clone())))
            .collect()
    };
    assert_eq!(kinds(&view), kinds(&english));
}
