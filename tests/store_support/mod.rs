//! Builders for realistic observations in the store tests: the accounts, export file
//! names, page URLs and labels the platforms really use (see
//! `/work/shared/reference/export-formats.md` and `analytics-pages.md`), so each test reads
//! like the situation it checks.

// Each test file uses a part of the helpers; fixture builders may unwrap fixed literals.
#![allow(dead_code, clippy::unwrap_used)]

pub mod generate;

use chrono::{DateTime, NaiveDate, Utc};
use yardstick::content::ContentRecord;
use yardstick::metrics::CanonicalMetric;
use yardstick::model::{
    Distribution, Metric, Observation, Platform, Scope, Source, SourceKind, Unit, Window,
};
use yardstick::store::DateRange;

pub fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

pub fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().into()
}

pub fn range(start: &str, end: &str) -> DateRange {
    DateRange::new(day(start), day(end)).unwrap()
}

/// The account id each platform's sources name in these tests.
pub fn account_of(platform: Platform) -> &'static str {
    match platform {
        Platform::LinkedIn => "104857",
        Platform::X => "acme_nl",
        Platform::Facebook => "1029384756",
        Platform::Instagram => "acme.nl",
        Platform::YouTube => "UCa1b2c3d4e5f6g7h8i9j0kL",
        Platform::TikTok => "acme.nl",
        Platform::Pinterest => "acmenl",
        Platform::Meta => "act_5550123",
    }
}

/// The label a platform's export writes for a metric (English UI).
pub fn label_of(platform: Platform, metric: &Metric) -> String {
    let Some(canonical) = metric.canonical() else {
        return metric.to_string();
    };
    use CanonicalMetric as M;
    let label = match (platform, canonical) {
        (Platform::LinkedIn, M::Impressions) => "Impressions (total)",
        (Platform::LinkedIn, M::Clicks) => "Clicks (total)",
        (Platform::LinkedIn, M::Reactions) => "Reactions (total)",
        (Platform::LinkedIn, M::Comments) => "Comments (total)",
        (Platform::LinkedIn, M::Shares) => "Reposts (total)",
        (Platform::X, M::Reactions) => "Likes",
        (Platform::X, M::Comments) => "Replies",
        (Platform::X, M::Shares) => "Reposts",
        (Platform::X, M::Saves) => "Bookmarks",
        (Platform::Facebook | Platform::Instagram, M::Followers) => "Facebook follows",
        (Platform::Meta, M::Spend) => "Amount spent (EUR)",
        (_, metric) => metric.id(),
    };
    label.to_owned()
}

/// A reading of `metric` on `platform` for the days `start..=end` (a day window when they
/// are equal), read from the platform's export on the morning of 2026-11-02.
pub fn reading(
    platform: Platform,
    metric: impl Into<Metric>,
    start: &str,
    end: &str,
    value: f64,
) -> Observation {
    let metric = metric.into();
    let unit = match metric.canonical() {
        Some(canonical) => canonical.unit().unwrap_or(Unit::Currency("EUR".into())),
        None => Unit::Count,
    };
    Observation {
        platform,
        account: account_of(platform).to_owned(),
        scope: Scope::Account,
        post_id: None,
        name: None,
        distribution: Distribution::Total,
        window: if start == end {
            Window::Day
        } else {
            Window::Range
        },
        start: day(start),
        end: day(end),
        value,
        unit,
        rounded_to: None,
        derivation: None,
        source: Source {
            kind: SourceKind::Export,
            location: export_name(platform),
            label: label_of(platform, &metric),
            raw: format_raw(value),
            read_at: at("2026-11-02T08:30:00Z"),
            locale: Some("en".into()),
        },
        metric,
    }
}

/// The file name of a platform's export in these tests.
pub fn export_name(platform: Platform) -> String {
    match platform {
        Platform::LinkedIn => "acme-bv_content_1761980400000.xlsx#Metrics".to_owned(),
        Platform::X => "account_overview_analytics.csv".to_owned(),
        Platform::Facebook | Platform::Instagram => {
            "Oct-01-2026_Oct-31-2026_1029384756.csv".to_owned()
        }
        Platform::YouTube => "Channel analytics 2026-10-01_2026-10-31.zip#Totals.csv".to_owned(),
        Platform::TikTok => "tiktok_overview.xlsx".to_owned(),
        Platform::Pinterest => "pinterest_overview.csv".to_owned(),
        Platform::Meta => "Acme-Campaigns-Oct-1-2026-Oct-31-2026.csv".to_owned(),
    }
}

fn format_raw(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

/// Changes to a reading, written as the situation they describe.
pub trait Tweak: Sized {
    /// Read at another moment.
    fn read_at(self, when: &str) -> Self;
    /// Read from another page or file.
    fn at_location(self, location: &str) -> Self;
    fn account(self, account: &str) -> Self;
    /// One post's value (post scope).
    fn post(self, post_id: &str) -> Self;
    fn window(self, window: Window) -> Self;
    fn unit(self, unit: Unit) -> Self;
    fn distribution(self, distribution: Distribution) -> Self;
    fn named(self, name: &str) -> Self;
    fn kind(self, kind: SourceKind) -> Self;
}

impl Tweak for Observation {
    fn read_at(mut self, when: &str) -> Self {
        self.source.read_at = at(when);
        self
    }

    fn at_location(mut self, location: &str) -> Self {
        self.source.location = location.to_owned();
        self
    }

    fn account(mut self, account: &str) -> Self {
        self.account = account.to_owned();
        self
    }

    fn post(mut self, post_id: &str) -> Self {
        self.scope = Scope::Post;
        self.post_id = Some(post_id.to_owned());
        self
    }

    fn window(mut self, window: Window) -> Self {
        self.window = window;
        self
    }

    fn unit(mut self, unit: Unit) -> Self {
        self.unit = unit;
        self
    }

    fn distribution(mut self, distribution: Distribution) -> Self {
        self.distribution = distribution;
        self
    }

    fn named(mut self, name: &str) -> Self {
        self.name = Some(name.to_owned());
        self
    }

    fn kind(mut self, kind: SourceKind) -> Self {
        self.source.kind = kind;
        self
    }
}

/// One reading per day from `start` for `values.len()` days.
pub fn daily(
    platform: Platform,
    metric: impl Into<Metric>,
    start: &str,
    values: &[f64],
) -> Vec<Observation> {
    let metric = metric.into();
    let first = day(start);
    values
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let date = first + chrono::Days::new(i as u64);
            let text = date.to_string();
            reading(platform, metric.clone(), &text, &text, *value)
        })
        .collect()
}

/// What `platform`'s export of the same morning as [`reading`] says about one post or ad
/// entity, before anything is filled in (fill it with [`Describe`]).
pub fn record(platform: Platform, scope: Scope, id: &str) -> ContentRecord {
    ContentRecord::new(
        platform,
        account_of(platform),
        scope,
        id,
        Source {
            kind: SourceKind::Export,
            location: export_name(platform),
            label: match platform {
                Platform::X => "Tweet text",
                Platform::LinkedIn => "Post title",
                Platform::Meta => "Primary text",
                _ => "Description",
            }
            .to_owned(),
            raw: String::new(),
            read_at: at("2026-11-02T08:30:00Z"),
            locale: Some("en".into()),
        },
    )
}

/// The details of a content record, written as what the source said.
pub trait Describe: Sized {
    fn text(self, text: &str) -> Self;
    fn link(self, link: &str) -> Self;
    fn permalink(self, link: &str) -> Self;
    fn published(self, day: &str) -> Self;
    /// An ad's result type and the attribution setting its results were counted under.
    fn results(self, result_type: &str, attribution: &str) -> Self;
    /// The campaign an ad set or ad belongs to.
    fn in_campaign(self, name: &str, id: &str) -> Self;
    /// Read at another moment.
    fn seen_at(self, when: &str) -> Self;
    /// Read from a page instead of an export.
    fn on_page(self, url: &str) -> Self;
}

impl Describe for ContentRecord {
    fn text(mut self, text: &str) -> Self {
        self.text = Some(text.to_owned());
        self
    }

    fn link(mut self, link: &str) -> Self {
        self.links.push(link.to_owned());
        self
    }

    fn permalink(mut self, link: &str) -> Self {
        self.permalink = Some(link.to_owned());
        self
    }

    fn published(mut self, text: &str) -> Self {
        self.published = Some(day(text));
        self
    }

    fn results(mut self, result_type: &str, attribution: &str) -> Self {
        self.result_type = Some(result_type.to_owned());
        self.attribution = Some(attribution.to_owned());
        self
    }

    fn in_campaign(mut self, name: &str, id: &str) -> Self {
        self.campaign_name = Some(name.to_owned());
        self.campaign_id = Some(id.to_owned());
        self
    }

    fn seen_at(mut self, when: &str) -> Self {
        self.source.read_at = at(when);
        self
    }

    fn on_page(mut self, url: &str) -> Self {
        self.source.kind = SourceKind::Page;
        self.source.location = url.to_owned();
        self.source.label = "post text".to_owned();
        self.source.locale = Some("nl".into());
        self
    }
}
