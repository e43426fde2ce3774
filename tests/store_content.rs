//! The store's content records, one situation each: a newer reading of a post, an older
//! one arriving late, an ad's result type and attribution, refused records, records beside
//! numbers, saving and loading, and comparing stores.

// Helpers outside #[test] functions unwrap too: a failure there is the test failing.
#![allow(clippy::unwrap_used)]

mod store_support;

use store_support::{range, reading, record, Describe, Tweak};
use yardstick::content::{ContentKey, ContentRecord, InvalidRecord};
use yardstick::metrics::CanonicalMetric as M;
use yardstick::model::{Platform, Scope, SourceKind};
use yardstick::store::{Selector, Store};

const TWEET: &str = "1975312345678901235";
const TWEET_PAGE: &str = "https://x.com/acme_nl/status/1975312345678901235/analytics";
const AD: &str = "23850123456789123";

fn key(platform: Platform, scope: Scope, id: &str) -> ContentKey {
    record(platform, scope, id).key()
}

/// The tweet as X's export of 2 November gives it: text, link and permalink.
fn tweet_from_export() -> ContentRecord {
    record(Platform::X, Scope::Post, TWEET)
        .text("Over zes weken is onze open dag in Utrecht! Aanmelden: https://acme.nl/open-dag #OpenDag2026")
        .link("https://acme.nl/open-dag?utm_source=x&utm_campaign=najaar-werving")
        .permalink("https://x.com/acme_nl/status/1975312345678901235")
        .published("2026-10-03")
}

/// The same tweet read from its analytics page the next day, after an edit: the page shows
/// the text but no link preview and no permalink.
fn tweet_from_page() -> ContentRecord {
    record(Platform::X, Scope::Post, TWEET)
        .text("Over zes weken is onze open dag in Utrecht 🎓 Aanmelden: https://acme.nl/open-dag #OpenDag2026")
        .on_page(TWEET_PAGE)
        .seen_at("2026-11-03T09:15:00Z")
}

fn merged_content(records: Vec<ContentRecord>) -> Store {
    let mut store = Store::new();
    let report = store.merge_content(records);
    assert!(report.refused.is_empty(), "{:?}", report.refused);
    store
}

#[test]
fn a_newer_reading_wins_field_by_field_and_what_it_lacks_is_kept() {
    let mut store = Store::new();
    let first = store.merge_content([tweet_from_export()]);
    assert_eq!((first.kept, first.refused.len()), (1, 0));
    let second = store.merge_content([tweet_from_page()]);
    assert_eq!((second.kept, second.refused.len()), (1, 0));
    assert_eq!(store.content_len(), 1, "one record per entity");

    let tweet = store
        .content_for(&key(Platform::X, Scope::Post, TWEET))
        .unwrap();
    assert!(tweet.text.as_deref().unwrap().contains("Utrecht 🎓"));
    assert_eq!(
        tweet.links,
        vec!["https://acme.nl/open-dag?utm_source=x&utm_campaign=najaar-werving"]
    );
    assert_eq!(
        tweet.permalink.as_deref(),
        Some("https://x.com/acme_nl/status/1975312345678901235")
    );
    assert_eq!(tweet.published.unwrap().to_string(), "2026-10-03");
    assert_eq!(tweet.source.kind, SourceKind::Page);
    assert_eq!(tweet.source.location, TWEET_PAGE);
}

#[test]
fn an_older_reading_arriving_later_only_fills_what_the_newer_lacks() {
    let newer_first = merged_content(vec![tweet_from_page(), tweet_from_export()]);
    let older_first = merged_content(vec![tweet_from_export(), tweet_from_page()]);
    assert_eq!(newer_first, older_first);
    let tweet = newer_first
        .content_for(&key(Platform::X, Scope::Post, TWEET))
        .unwrap();
    assert!(tweet.text.as_deref().unwrap().contains("Utrecht 🎓"));
    assert_eq!(tweet.links.len(), 1);
    assert_eq!(tweet.source.location, TWEET_PAGE);
    assert_eq!(
        newer_first.to_bytes().unwrap(),
        older_first.to_bytes().unwrap()
    );
}

#[test]
fn an_ads_result_type_and_attribution_follow_the_newest_reading() {
    // Meta's ad export of 2 November, then the advertiser switches the ad set to 1-day click
    // and the export of 9 November says so; the primary text is only in the first.
    let october = record(Platform::Meta, Scope::Ad, AD)
        .text("Werken bij Acme? Kom naar onze open dag op 14 november. #OpenDag2026")
        .link("https://acme.nl/werken-bij/open-dag?utm_source=facebook&utm_medium=paid")
        .results("actions:lead", "7-day click or 1-day view")
        .in_campaign("Najaar werving", "23850123456789000");
    let mut november = record(Platform::Meta, Scope::Ad, AD)
        .results("actions:lead", "1-day click")
        .seen_at("2026-11-09T08:30:00Z");
    november.source.location = "Acme-Ads-Nov-1-2026-Nov-8-2026.csv".to_owned();
    let store = merged_content(vec![november, october]);
    let ad = store
        .content_for(&key(Platform::Meta, Scope::Ad, AD))
        .unwrap();
    assert_eq!(ad.attribution.as_deref(), Some("1-day click"));
    assert_eq!(ad.result_type.as_deref(), Some("actions:lead"));
    assert_eq!(ad.campaign_name.as_deref(), Some("Najaar werving"));
    assert_eq!(ad.campaign_id.as_deref(), Some("23850123456789000"));
    assert!(ad.text.as_deref().unwrap().starts_with("Werken bij Acme?"));
    assert_eq!(ad.source.location, "Acme-Ads-Nov-1-2026-Nov-8-2026.csv");
}

#[test]
fn refused_records_are_listed_and_the_rest_of_the_reading_is_kept() {
    let mut no_id = tweet_from_export();
    no_id.id = "  ".to_owned();
    // A page whose text element was empty and whose only link was a script.
    let says_nothing = record(Platform::X, Scope::Post, "1975312345678901234")
        .text("   ")
        .link("javascript:void(0)")
        .on_page("https://x.com/acme_nl/status/1975312345678901234/analytics");
    let linkedin = record(
        Platform::LinkedIn,
        Scope::Post,
        "urn:li:activity:7381234567890123456",
    )
    .text("Open house at our Utrecht office on 14 November #OpenDag2026");
    // A YouTube video page names no account; its observations have an empty one too, and
    // the record is kept under the same key.
    let mut video = record(Platform::YouTube, Scope::Post, "dQw4w9WgXcQ")
        .permalink("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
        .published("2026-10-06")
        .on_page(
            "https://studio.youtube.com/video/dQw4w9WgXcQ/analytics/tab-overview/period-default",
        );
    video.account = String::new();

    let mut store = Store::new();
    let report = store.merge_content([no_id, linkedin.clone(), says_nothing, video.clone()]);
    assert_eq!(report.kept, 2);
    let refused: Vec<String> = report
        .refused
        .iter()
        .map(|invalid| match invalid {
            InvalidRecord::Missing { field, .. } => format!("missing {field}"),
            InvalidRecord::Empty { id, .. } => format!("empty {id}"),
        })
        .collect();
    assert_eq!(refused, vec!["missing id", "empty 1975312345678901234"]);
    assert_eq!(
        store.content_records().collect::<Vec<_>>(),
        vec![&linkedin, &video]
    );

    // The report travels as JSON with the reasons as sentences.
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["kept"], 2);
    let first = json["refused"][0].as_str().unwrap();
    assert!(
        first.contains("no id") && first.contains("account_overview_analytics.csv"),
        "{first}"
    );
    // A record without an account saves and loads like any other.
    let loaded = Store::from_bytes(&store.to_bytes().unwrap()).unwrap();
    assert_eq!(loaded, store);
}

#[test]
fn a_refused_record_leaves_the_store_unchanged() {
    let mut store = Store::new();
    store
        .merge(&[reading(
            Platform::X,
            M::Impressions,
            "2026-10-02",
            "2026-10-02",
            1214.0,
        )
        .post(TWEET)])
        .unwrap();
    store.merge_content([tweet_from_export()]);
    let before = store.clone();
    let bytes = store.to_bytes().unwrap();

    // A later reading of the same tweet that says nothing: it must not replace the source
    // or wipe a field of the known record.
    let blank = record(Platform::X, Scope::Post, TWEET)
        .text(" \n ")
        .seen_at("2026-11-20T08:00:00Z");
    let report = store.merge_content([blank]);
    assert_eq!((report.kept, report.refused.len()), (0, 1));
    assert_eq!(store, before);
    assert_eq!(store.to_bytes().unwrap(), bytes);
}

#[test]
fn records_never_change_a_number() {
    let observations = vec![
        reading(
            Platform::X,
            M::Impressions,
            "2026-10-02",
            "2026-10-02",
            1214.0,
        )
        .post(TWEET),
        reading(Platform::X, M::Reactions, "2026-10-02", "2026-10-02", 31.0).post(TWEET),
    ];
    let mut store = Store::new();
    store.merge(&observations).unwrap();
    let facts = store.facts();
    let selector = Selector::new(Platform::X, M::Impressions);
    let period = range("2026-10-01", "2026-10-31");
    let total = store.period_total(&selector, period).unwrap();

    store.merge_content([tweet_from_export(), tweet_from_page()]);
    assert_eq!(store.len(), 2);
    assert_eq!(store.facts(), facts);
    assert_eq!(store.period_total(&selector, period).unwrap(), total);
}

#[test]
fn records_survive_saving_and_loading() {
    let mut store = Store::new();
    store
        .merge(&[reading(Platform::Meta, M::Spend, "2026-10-01", "2026-10-01", 84.12).post(AD)])
        .unwrap();
    store.merge_content([
        tweet_from_export(),
        record(Platform::Meta, Scope::Ad, AD)
            .results("Leads", "7-day click or 1-day view")
            .in_campaign("Najaar werving", "23850123456789000"),
    ]);
    let bytes = store.to_bytes().unwrap();
    let loaded = Store::load(&bytes).unwrap();
    assert_eq!(loaded.version, yardstick::store::FORMAT_VERSION);
    assert_eq!(loaded.store, store);
    assert_eq!(
        loaded.store.content_records().collect::<Vec<_>>(),
        store.content_records().collect::<Vec<_>>()
    );
    assert_eq!(
        loaded
            .store
            .content_for(&key(Platform::Meta, Scope::Ad, AD))
            .unwrap()
            .attribution
            .as_deref(),
        Some("7-day click or 1-day view")
    );
    assert_eq!(loaded.store.to_bytes().unwrap(), bytes);
}

#[test]
fn stores_are_equal_only_when_their_records_are() {
    let observation = reading(
        Platform::X,
        M::Impressions,
        "2026-10-02",
        "2026-10-02",
        1214.0,
    );
    let mut plain = Store::new();
    plain.merge(std::slice::from_ref(&observation)).unwrap();
    let mut with_record = plain.clone();
    with_record.merge_content([tweet_from_export()]);
    assert_ne!(plain, with_record, "a record more is a different store");

    let mut other_text = plain.clone();
    other_text.merge_content([tweet_from_export().text("Een andere tekst #OpenDag2026")]);
    assert_ne!(with_record, other_text, "another text is a different store");

    let mut same = Store::new();
    same.merge_content([tweet_from_export()]);
    same.merge(&[observation]).unwrap();
    assert_eq!(
        with_record, same,
        "merging numbers or records first does not matter"
    );
}

#[test]
fn long_posts_are_kept_whole_up_to_the_cap_and_saved() {
    // X Premium allows 25,000 characters; a longer text is cut at a character boundary.
    let long = "Lange draad over de open dag 🧵 ".repeat(900);
    let mut store = Store::new();
    store.merge_content([tweet_from_export().text(&long)]);
    let kept = store
        .content_for(&key(Platform::X, Scope::Post, TWEET))
        .unwrap()
        .text
        .clone()
        .unwrap();
    assert_eq!(kept.chars().count(), yardstick::content::MAX_TEXT_CHARS);
    assert!(long.trim().starts_with(&kept));
    let loaded = Store::from_bytes(&store.to_bytes().unwrap()).unwrap();
    assert_eq!(loaded, store);
}
