//! The "Open day 2027" fixture loaded as the extension would hold it on 15 March 2027: the
//! export files imported through `yardstick::import`, the LinkedIn observations merged, the
//! strategy and the sources' post texts read.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use yardstick::campaign::{self, CampaignStrategy, ContentInfo};
use yardstick::model::Observation;
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

/// The sources' post texts and ad details.
pub fn content_info() -> Vec<ContentInfo> {
    serde_json::from_str(&std::fs::read_to_string(dir().join("content.json")).unwrap()).unwrap()
}

/// The strategy file's text.
pub fn strategy_text() -> String {
    std::fs::read_to_string(dir().join("strategy.json")).unwrap()
}

/// The strategy with its campaign plans.
pub fn strategy() -> CampaignStrategy {
    campaign::load(&strategy_text()).unwrap()
}
