//! Matching rule by rule: which posts and ad entities a campaign takes, why, and what
//! hand-picked items, exclusions, accounts, levels, dates and delivery change.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::{json, Value};
use yardstick::campaign::file::load;
use yardstick::campaign::matching::{match_content, Membership};
use yardstick::campaign::{CampaignPlan, Content, ContentInfo, ReasonKind};
use yardstick::model::{Language, Platform, Scope};

fn plan(fields: Value) -> CampaignPlan {
    let mut campaign = json!({
        "id": "launch", "name": "Launch", "start": "2027-05-01", "end": "2027-05-31",
        "platforms": ["linkedin", "x", "meta"]
    });
    for (key, value) in fields.as_object().unwrap() {
        campaign[key] = value.clone();
    }
    let text = json!({ "schema": "yardstick-strategy", "version": 1, "name": "S", "campaigns": [campaign], "objectives": [] });
    load(&text.to_string()).unwrap().plans.remove(0)
}

fn post(platform: Platform, id: &str, published: &str, text: &str) -> Content {
    Content {
        platform,
        account: "acme".into(),
        scope: Scope::Post,
        id: id.into(),
        name: Some(text.chars().take(80).collect()),
        first_day: published.parse::<NaiveDate>().unwrap(),
        info: ContentInfo {
            text: Some(text.into()),
            ..ContentInfo::default()
        },
        figures: BTreeMap::new(),
    }
}

fn ad(platform: Platform, scope: Scope, id: &str, name: &str, account: &str) -> Content {
    Content {
        platform,
        account: account.into(),
        scope,
        id: id.into(),
        name: Some(name.into()),
        first_day: "2027-05-01".parse().unwrap(),
        info: ContentInfo::default(),
        figures: BTreeMap::new(),
    }
}

/// The ids matched with their membership and the rules (by position) that matched.
fn check(
    plan: &CampaignPlan,
    content: &[Content],
    expected: &[(&str, Membership, &[Option<usize>])],
) {
    let found: Vec<(String, Membership, Vec<Option<usize>>)> = match_content(plan, content)
        .into_iter()
        .map(|item| {
            (
                content[item.index].id.clone(),
                item.membership,
                item.reasons.iter().map(|r| r.rule).collect(),
            )
        })
        .collect();
    let expected: Vec<(String, Membership, Vec<Option<usize>>)> = expected
        .iter()
        .map(|(id, m, rules)| ((*id).to_owned(), *m, rules.to_vec()))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn text_rules_read_hashtags_words_links_and_utm() {
    let plan = plan(json!({ "match": [
        { "hashtag": "Launch27" },
        { "keyword": "new robot arm" },
        { "link": "acme.nl/launch" },
        { "utm": { "utm_campaign": "launch27", "utm_medium": "social" } }
    ] }));
    let content = [
        post(Platform::X, "1", "2027-05-02", "It's here! #launch27"),
        post(
            Platform::X,
            "2",
            "2027-05-02",
            "#Launch27NL is for the Dutch team",
        ),
        post(
            Platform::LinkedIn,
            "3",
            "2027-05-03",
            "Meet the New Robot Arm.",
        ),
        post(
            Platform::LinkedIn,
            "4",
            "2027-05-03",
            "Meet the new robot arms",
        ),
        post(
            Platform::LinkedIn,
            "5",
            "2027-05-04",
            "Details: https://www.acme.nl/launch/specs",
        ),
        post(
            Platform::LinkedIn,
            "6",
            "2027-05-04",
            "Details: https://acme.nl/launches",
        ),
        post(
            Platform::LinkedIn,
            "7",
            "2027-05-05",
            "https://shop.acme.nl/?utm_medium=social&utm_campaign=Launch27",
        ),
        post(
            Platform::LinkedIn,
            "8",
            "2027-05-05",
            "https://shop.acme.nl/?utm_campaign=launch27",
        ),
    ];
    check(
        &plan,
        &content,
        &[
            ("1", Membership::Matched, &[Some(0)]),
            ("3", Membership::Matched, &[Some(1)]),
            ("5", Membership::Matched, &[Some(2)]),
            ("7", Membership::Matched, &[Some(3)]),
        ],
    );
}

#[test]
fn links_given_beside_the_text_count_too() {
    let plan = plan(json!({ "match": [{ "utm": { "utm_campaign": "launch27" } }] }));
    let mut with_link = post(Platform::LinkedIn, "1", "2027-05-02", "Our launch video");
    with_link.info.links = vec!["https://acme.nl/video?utm_campaign=launch27".into()];
    check(
        &plan,
        &[with_link],
        &[("1", Membership::Matched, &[Some(0)])],
    );
}

#[test]
fn posts_outside_the_dates_are_listed_as_such_unless_picked() {
    let plan = plan(json!({
        "match": [{ "hashtag": "launch27" }],
        "include": [{ "platform": "x", "id": "2" }]
    }));
    let content = [
        post(Platform::X, "1", "2027-04-20", "Save the date #launch27"),
        post(Platform::X, "2", "2027-04-21", "Teaser without the tag"),
        post(
            Platform::X,
            "3",
            "2027-06-01",
            "Thanks for coming #launch27",
        ),
    ];
    check(
        &plan,
        &content,
        &[
            ("1", Membership::OutsideDates, &[Some(0)]),
            ("2", Membership::Included, &[None]),
            ("3", Membership::OutsideDates, &[Some(0)]),
        ],
    );
}

#[test]
fn exclusion_beats_rules_and_picking() {
    let plan = plan(json!({
        "match": [{ "hashtag": "launch27" }],
        "include": [{ "platform": "x", "id": "1" }],
        "exclude": [{ "platform": "x", "id": "1" }, { "platform": "linkedin", "id": "1", "scope": "campaign" }]
    }));
    let content = [
        post(Platform::X, "1", "2027-05-02", "#launch27"),
        post(Platform::LinkedIn, "1", "2027-05-02", "#launch27"),
    ];
    // The exclusion of LinkedIn "1" names the campaign scope, so the post still counts.
    check(
        &plan,
        &content,
        &[
            ("1", Membership::Excluded, &[None, Some(0)]),
            ("1", Membership::Matched, &[Some(0)]),
        ],
    );
}

#[test]
fn ad_rules_read_names_ids_levels_and_parent_campaigns() {
    let plan = plan(json!({ "match": [
        { "ad_name": "Launch 2027", "level": "campaign" },
        { "ad_name": "launch27", "contains": true, "level": "ad" },
        { "ad_id": "23851234567890123" }
    ] }));
    let mut child = ad(Platform::Meta, Scope::Ad, "238599", "Carousel A", "act_1");
    child.info.campaign_name = Some("Launch 2027".into());
    let mut by_parent_id = ad(
        Platform::Meta,
        Scope::AdSet,
        "238598",
        "Students NL",
        "act_1",
    );
    by_parent_id.info.campaign_id = Some("23851234567890123".into());
    let content = [
        ad(
            Platform::Meta,
            Scope::Campaign,
            "c1",
            " launch 2027 ",
            "act_1",
        ),
        ad(
            Platform::Meta,
            Scope::Campaign,
            "c2",
            "Launch 2027 - retargeting",
            "act_1",
        ),
        ad(Platform::Meta, Scope::AdSet, "s1", "Launch 2027", "act_1"),
        ad(
            Platform::Meta,
            Scope::Ad,
            "a1",
            "video_launch27_v2",
            "act_1",
        ),
        ad(
            Platform::LinkedIn,
            Scope::Campaign,
            "23851234567890123",
            "Brand",
            "508",
        ),
        child,
        by_parent_id,
        // A post never matches an ad rule.
        post(Platform::LinkedIn, "p1", "2027-05-02", "Launch 2027"),
    ];
    check(
        &plan,
        &content,
        &[
            ("c1", Membership::Matched, &[Some(0)]),
            ("a1", Membership::Matched, &[Some(1)]),
            ("23851234567890123", Membership::Matched, &[Some(2)]),
            ("238599", Membership::Matched, &[Some(0)]),
            ("238598", Membership::Matched, &[Some(2)]),
        ],
    );
    let items = match_content(&plan, &content);
    let through_parent = &items[3].reasons[0];
    assert_eq!(
        (
            through_parent.kind,
            through_parent.via_campaign,
            through_parent.evidence.as_deref()
        ),
        (ReasonKind::AdName, true, Some("Launch 2027"))
    );
    assert!(
        through_parent.because.ends_with(", through its campaign"),
        "{}",
        through_parent.because
    );
    let dutch = through_parent.clone().in_language(Language::Nl).because;
    assert!(dutch.starts_with("advertentiebeheer: "), "{dutch}");
    assert!(
        dutch.ends_with(", via de campagne waarin het zit"),
        "{dutch}"
    );
}

#[test]
fn platforms_accounts_and_delivery_limit_what_can_match() {
    let organic_only = plan(json!({
        "delivery": "organic",
        "accounts": { "linkedin": ["acme"] },
        "match": [{ "hashtag": "launch27" }],
        "include": [{ "platform": "meta", "id": "c1" }]
    }));
    let mut other_account = post(Platform::LinkedIn, "2", "2027-05-02", "#launch27");
    other_account.account = "acme-nl".into();
    let content = [
        post(Platform::LinkedIn, "1", "2027-05-02", "#launch27"),
        other_account,
        post(Platform::Instagram, "3", "2027-05-02", "#launch27"),
        ad(Platform::Meta, Scope::Campaign, "c1", "Launch", "act_1"),
    ];
    check(
        &organic_only,
        &content,
        &[("1", Membership::Matched, &[Some(0)])],
    );
}

#[test]
fn a_post_page_finds_the_campaigns_it_belongs_to() {
    let text = json!({ "schema": "yardstick-strategy", "version": 1, "name": "S", "objectives": [], "campaigns": [
        { "id": "launch", "name": "Launch", "start": "2027-05-01", "end": "2027-05-31", "platforms": ["x"],
          "match": [{ "hashtag": "launch27" }] },
        { "id": "hiring", "name": "Hiring", "start": "2027-04-01", "end": "2027-06-30", "platforms": ["x", "linkedin"],
          "match": [{ "keyword": "we are hiring" }] },
        { "id": "summer", "name": "Summer", "start": "2027-07-01", "end": "2027-07-31", "platforms": ["x"],
          "match": [{ "hashtag": "launch27" }] },
        { "id": "muted", "name": "Muted", "start": "2027-05-01", "end": "2027-05-31", "platforms": ["x"],
          "match": [{ "hashtag": "launch27" }], "exclude": [{ "platform": "x", "id": "1" }] }
    ] });
    let plans = load(&text.to_string()).unwrap().plans;
    let item = post(
        Platform::X,
        "1",
        "2027-05-02",
        "We are hiring for the #Launch27 team",
    );
    let found = |language: Language| -> Vec<(&str, ReasonKind, String, String)> {
        yardstick::campaign::matching::campaigns_for(&plans, &item, language)
            .into_iter()
            .map(|(plan, reasons)| {
                (
                    plan.id.as_str(),
                    reasons[0].kind,
                    reasons[0].value.clone(),
                    reasons[0].because.clone(),
                )
            })
            .collect()
    };
    assert_eq!(
        found(Language::En),
        [
            (
                "launch",
                ReasonKind::Hashtag,
                "launch27".to_owned(),
                "hashtag #launch27".to_owned()
            ),
            (
                "hiring",
                ReasonKind::Keyword,
                "we are hiring".to_owned(),
                "keyword \"we are hiring\"".to_owned()
            )
        ]
    );
    let dutch: Vec<String> = found(Language::Nl).into_iter().map(|f| f.3).collect();
    assert_eq!(dutch, ["hashtag #launch27", "trefwoord \"we are hiring\""]);
}
