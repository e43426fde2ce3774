//! The "Open day 2027" fixture loaded as the extension would hold it on 15 March 2027: the
//! export files imported through `yardstick::import`, the LinkedIn observations merged, the
//! strategy and the sources' post texts read, as content records in the store or as
//! details given by hand.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use yardstick::campaign::{self, CampaignStrategy, ContentInfo};
use yardstick::content::ContentRecord;
use yardstick::model::{Observation, Platform, Scope, Source, SourceKind};
use yardstick::store::Store;

/// The fixture directory.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/campaign/open-day-2027")
}

/// When the files were imported.
pub fn imported_at() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2027-03-15T08:00:00Z")
        .unwrap()
        .into()
}

/// The day the campaign is looked at.
pub fn today() -> NaiveDate {
    "2027-03-15".parse().unwrap()
}

/// Every observation of the fixture: the three export files imported, the LinkedIn JSON.
pub fn observations() -> Vec<Observation> {
    let mut all = Vec::new();
    for file in [
        "meta/Acme-Campaigns-1-Mar-2027-14-Mar-2027.csv",
        "x/tweet_activity_metrics_acme_20270301_20270314_en.csv",
        "instagram/Mar-01-2027_Mar-14-2027_17841400000000000.csv",
    ] {
        let path = dir().join(file);
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let bytes = std::fs::read(&path).unwrap();
        let result = yardstick::import::import_file(&name, &bytes, imported_at()).unwrap();
        all.extend(result.observations);
    }
    let linkedin: Vec<Observation> =
        serde_json::from_str(&std::fs::read_to_string(dir().join("linkedin.json")).unwrap())
            .unwrap();
    all.extend(linkedin);
    all
}

/// The store holding every observation.
pub fn store() -> Store {
    let mut store = Store::new();
    store.merge(&observations()).unwrap();
    store
}

/// The sources' post texts and ad details, in the shape given by hand (`--content`).
pub fn content_info() -> Vec<ContentInfo> {
    serde_json::from_str(&std::fs::read_to_string(dir().join("content.json")).unwrap()).unwrap()
}

/// The account the observations of a platform and scope carry.
fn account_of(platform: Platform, scope: Scope) -> &'static str {
    match (platform, scope) {
        (Platform::LinkedIn, Scope::Post) => "acme-corp",
        (Platform::LinkedIn, _) => "508123456",
        (Platform::Instagram, _) => "acme.engineering",
        (Platform::X, _) => "acme",
        _ => "",
    }
}

/// The sources' post texts and ad details as the store's content records, as importers and
/// page readers write them. Meta Ads' export rows name no ad account (their observations'
/// account is empty), so a record cannot name it: their details stay given by hand
/// ([`meta_info`]).
pub fn content_records() -> Vec<ContentRecord> {
    content_info()
        .into_iter()
        .filter(|info| info.platform != Some(Platform::Meta))
        .map(|info| {
            let platform = info.platform.unwrap();
            let scope = info.scope.unwrap_or(Scope::Post);
            let source = Source {
                kind: SourceKind::Export,
                location: format!("{platform}-export"),
                label: "Post text".into(),
                raw: String::new(),
                read_at: imported_at(),
                locale: Some("en".into()),
            };
            let mut record = ContentRecord::new(
                platform,
                account_of(platform, scope),
                scope,
                info.id,
                source,
            );
            record.text = info.text;
            record.links = info.links;
            record.campaign_name = info.campaign_name;
            record.campaign_id = info.campaign_id;
            record
        })
        .collect()
}

/// The Meta Ads details of the fixture, given by hand.
pub fn meta_info() -> Vec<ContentInfo> {
    content_info()
        .into_iter()
        .filter(|info| info.platform == Some(Platform::Meta))
        .collect()
}

/// The store holding every observation and the content records.
pub fn store_with_content() -> Store {
    let mut store = store();
    let merged = store.merge_content(content_records());
    assert!(merged.refused.is_empty(), "{:?}", merged.refused);
    store
}

/// The strategy file's text.
pub fn strategy_text() -> String {
    std::fs::read_to_string(dir().join("strategy.json")).unwrap()
}

/// The strategy with its campaign plans.
pub fn strategy() -> CampaignStrategy {
    campaign::load(&strategy_text()).unwrap()
}
