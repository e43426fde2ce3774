//! The ground floor: platforms, metrics, observations and diagnostics.
//!
//! Every reader, importer, the store and the evaluator speak in [`Observation`]s: one number
//! with its full context (who, what, when, how much, in what unit, and where it was read).
//! This module knows nothing of pages, files or browsers, and nothing above it may be
//! imported here. Its JSON shape is a contract (see `ARCHITECTURE.md`, "Contracts"): field
//! names and string forms change only with a persistence migration.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::metrics::CanonicalMetric;

/// A social platform or an ad platform whose numbers Yardstick reads.
///
/// `Meta` is Meta's ad platform (Ads Manager), whose campaigns run across Facebook and
/// Instagram placements; organic Facebook and Instagram figures use their own variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    #[serde(rename = "linkedin")]
    LinkedIn,
    X,
    Facebook,
    Instagram,
    #[serde(rename = "youtube")]
    YouTube,
    #[serde(rename = "tiktok")]
    TikTok,
    Pinterest,
    Meta,
}

impl Platform {
    /// Every platform, in display order.
    pub const ALL: [Platform; 8] = [
        Platform::LinkedIn,
        Platform::X,
        Platform::Facebook,
        Platform::Instagram,
        Platform::YouTube,
        Platform::TikTok,
        Platform::Pinterest,
        Platform::Meta,
    ];

    /// The stable id used in JSON, rule files and namespaced metric names.
    pub fn id(self) -> &'static str {
        match self {
            Platform::LinkedIn => "linkedin",
            Platform::X => "x",
            Platform::Facebook => "facebook",
            Platform::Instagram => "instagram",
            Platform::YouTube => "youtube",
            Platform::TikTok => "tiktok",
            Platform::Pinterest => "pinterest",
            Platform::Meta => "meta",
        }
    }

    /// The name a person reads.
    pub fn display_name(self) -> &'static str {
        match self {
            Platform::LinkedIn => "LinkedIn",
            Platform::X => "X",
            Platform::Facebook => "Facebook",
            Platform::Instagram => "Instagram",
            Platform::YouTube => "YouTube",
            Platform::TikTok => "TikTok",
            Platform::Pinterest => "Pinterest",
            Platform::Meta => "Meta Ads",
        }
    }

    /// The time zone the platform reports its days in (`reference/export-formats.md`,
    /// "Time zones"): Meta's and Google's tools use Pacific time, the others UTC.
    pub fn reporting_time_zone(self) -> &'static str {
        match self {
            Platform::Facebook | Platform::Instagram | Platform::Meta | Platform::YouTube => {
                "America/Los_Angeles"
            }
            Platform::LinkedIn | Platform::X | Platform::TikTok | Platform::Pinterest => "UTC",
        }
    }

    /// The date it is on the platform's reporting clock at `now`: what "today" means on
    /// its pages ("Last 28 days", "Published on: Mon Jan 5") and in its exports.
    pub fn reporting_date(self, now: DateTime<Utc>) -> NaiveDate {
        match self.reporting_time_zone() {
            "America/Los_Angeles" => (now + pacific_offset(now)).date_naive(),
            _ => now.date_naive(),
        }
    }
}

/// US Pacific time's offset from UTC at `now`: −7 hours in daylight saving time (from the
/// second Sunday of March, 2:00 standard time, to the first Sunday of November, 2:00
/// daylight time, the rule since 2007), −8 hours otherwise.
fn pacific_offset(now: DateTime<Utc>) -> Duration {
    let year = now.year();
    let begins = nth_sunday(year, 3, 2).map(|day| day.and_time(hour(10)).and_utc());
    let ends = nth_sunday(year, 11, 1).map(|day| day.and_time(hour(9)).and_utc());
    match (begins, ends) {
        (Some(begins), Some(ends)) if begins <= now && now < ends => Duration::hours(-7),
        _ => Duration::hours(-8),
    }
}

fn hour(hour: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or(NaiveTime::MIN)
}

/// The `n`th Sunday of a month.
fn nth_sunday(year: i32, month: u32, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Sun, n)
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Platform {
    type Err = UnknownPlatform;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Platform::ALL
            .into_iter()
            .find(|p| p.id() == s)
            .ok_or_else(|| UnknownPlatform(s.to_owned()))
    }
}

/// A platform id that Yardstick does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown platform {0:?}: expected one of linkedin, x, facebook, instagram, youtube, tiktok, pinterest, meta")]
pub struct UnknownPlatform(pub String);

/// What a number measures.
///
/// Either one of Yardstick's canonical metrics (one written definition across platforms,
/// see `docs/metrics.md`), or a platform's own figure that does not match a canonical
/// definition, kept under its own namespaced name (`x:engagements`) and never silently
/// renamed. In JSON both are one string: `"impressions"`, `"x:engagements"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Metric {
    Canonical(CanonicalMetric),
    /// A platform's own figure; `name` is snake_case (`engagements`, `views`).
    Platform {
        platform: Platform,
        name: String,
    },
}

impl Metric {
    /// A platform-specific metric, its name normalised to snake_case.
    pub fn platform(platform: Platform, name: &str) -> Metric {
        Metric::Platform {
            platform,
            name: snake_case(name),
        }
    }

    /// The canonical metric, when this is one.
    pub fn canonical(&self) -> Option<CanonicalMetric> {
        match self {
            Metric::Canonical(metric) => Some(*metric),
            Metric::Platform { .. } => None,
        }
    }

    /// The unit a value of this metric has, when the metric alone decides it. Platform
    /// metrics and money carry their unit on the observation instead.
    pub fn default_unit(&self) -> Option<Unit> {
        self.canonical().and_then(|m| m.unit())
    }
}

impl From<CanonicalMetric> for Metric {
    fn from(metric: CanonicalMetric) -> Self {
        Metric::Canonical(metric)
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Metric::Canonical(metric) => f.write_str(metric.id()),
            Metric::Platform { platform, name } => write!(f, "{}:{name}", platform.id()),
        }
    }
}

impl FromStr for Metric {
    type Err = UnknownMetric;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some((platform, name)) = s.split_once(':') {
            let platform = Platform::from_str(platform).map_err(|_| UnknownMetric(s.to_owned()))?;
            let name = snake_case(name);
            if name.is_empty() {
                return Err(UnknownMetric(s.to_owned()));
            }
            return Ok(Metric::Platform { platform, name });
        }
        CanonicalMetric::from_id(s)
            .map(Metric::Canonical)
            .ok_or_else(|| UnknownMetric(s.to_owned()))
    }
}

impl Serialize for Metric {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Metric {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A metric name that is neither canonical nor a well-formed `platform:name`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown metric {0:?}: use a canonical id (see docs/metrics.md) or platform:name")]
pub struct UnknownMetric(pub String);

/// Lower-cases and joins words with `_` (`"Post Views"` → `"post_views"`).
pub fn snake_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_separator = false;
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            if pending_separator && !out.is_empty() {
                out.push('_');
            }
            pending_separator = false;
            out.extend(c.to_lowercase());
        } else {
            pending_separator = true;
        }
    }
    out
}

/// The unit of an observation's value. In JSON: `count`, `ratio`, `seconds`, `currency:EUR`.
///
/// A ratio is a fraction (`0.125`), never a percentage number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Count,
    Ratio,
    Seconds,
    /// An ISO 4217 code, upper case.
    Currency(String),
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unit::Count => f.write_str("count"),
            Unit::Ratio => f.write_str("ratio"),
            Unit::Seconds => f.write_str("seconds"),
            Unit::Currency(code) => write!(f, "currency:{code}"),
        }
    }
}

impl FromStr for Unit {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "count" => Ok(Unit::Count),
            "ratio" => Ok(Unit::Ratio),
            "seconds" => Ok(Unit::Seconds),
            _ => match s.strip_prefix("currency:") {
                Some(code) if code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()) => {
                    Ok(Unit::Currency(code.to_owned()))
                }
                _ => Err(format!(
                    "unknown unit {s:?}: expected count, ratio, seconds or currency:XXX"
                )),
            },
        }
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// What an observation is about: the account as a whole, one post, or an ad entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Account,
    Post,
    Campaign,
    AdSet,
    Ad,
}

impl Scope {
    /// True for the ad scopes, whose entity id travels in `post_id`.
    pub fn is_ad(self) -> bool {
        matches!(self, Scope::Campaign | Scope::AdSet | Scope::Ad)
    }
}

/// Whether a figure counts organic activity, paid activity, or both.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Distribution {
    Organic,
    Paid,
    /// Organic and paid together, or a figure the platform does not split.
    #[default]
    Total,
}

/// The time window a value covers.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Window {
    /// One calendar day (`start == end`) in the platform's reporting time zone.
    Day,
    /// An inclusive date range.
    #[default]
    Range,
    /// Everything since the entity began, as of `end` (post totals in exports and pages).
    Lifetime,
    /// A level at a moment, as of `end` (total followers on a date).
    Snapshot,
}

/// Where a number was read: a page or an export file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Page,
    Export,
    /// Computed by Yardstick from other observations (standard engagement, say).
    Derived,
}

/// Provenance: where, under which label and from which text a value was read, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub kind: SourceKind,
    /// The page URL or the export's file name (and sheet or entry inside it).
    pub location: String,
    /// The label the value was read under, as the platform wrote it.
    pub label: String,
    /// The value's text exactly as read (`"1,2K"`).
    pub raw: String,
    /// When the reading was made. Readings of the same fact replace older ones.
    pub read_at: DateTime<Utc>,
    /// The locale the text was interpreted in (`nl`, `en-US`), when one decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
}

/// One number with its full context: the one currency between readers, importers, the
/// store and the evaluator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub platform: Platform,
    /// The account (page, channel, handle or ad account id) as the source names it; empty
    /// when the source does not say which account it is.
    pub account: String,
    pub scope: Scope,
    /// The post's id (post scope) or the ad entity's id (ad scopes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_id: Option<String>,
    /// The ad entity's name (ad scopes) or the post's title, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub metric: Metric,
    #[serde(default)]
    pub distribution: Distribution,
    #[serde(default)]
    pub window: Window,
    /// First day covered, inclusive. For lifetime and snapshot values, the day the entity
    /// began when known, else equal to `end`.
    pub start: NaiveDate,
    /// Last day covered, inclusive; the as-of day for lifetime and snapshot values.
    pub end: NaiveDate,
    pub value: f64,
    pub unit: Unit,
    /// When the source rounded the value (compact text such as `1,2K`), the step it was
    /// rounded to (`100`): the true value lies within half a step of `value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounded_to: Option<f64>,
    /// For derived values: how Yardstick computed it (which parts, which denominator).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derivation: Option<Derivation>,
    pub source: Source,
}

/// How a derived value was computed, so a reader of the number can check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Derivation {
    /// The formula in words, e.g. `reactions + comments + shares + clicks`.
    pub formula: String,
    /// The metrics that were present and summed.
    pub parts: Vec<Metric>,
    /// The denominator of a rate, when this is one (`impressions`, or `reach` where a
    /// platform has no impressions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<Metric>,
}

/// The UI or file languages Yardstick understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    En,
    Nl,
    De,
    Fr,
    Es,
}

impl Language {
    /// Every supported language.
    pub const ALL: [Language; 5] = [
        Language::En,
        Language::Nl,
        Language::De,
        Language::Fr,
        Language::Es,
    ];

    /// The language of a BCP 47 tag (`nl-NL`, `en`, `de_DE`), when it is one we know.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Language::En),
            "nl" => Some(Language::Nl),
            "de" => Some(Language::De),
            "fr" => Some(Language::Fr),
            "es" => Some(Language::Es),
            _ => None,
        }
    }

    /// The two-letter code.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Nl => "nl",
            Language::De => "de",
            Language::Fr => "fr",
            Language::Es => "es",
        }
    }
}

/// Something a reader or importer could not do, said so a person can act on it.
///
/// A missing metric is data, not an error: readers return what they read together with
/// diagnostics, and the overlay shows both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable machine-readable code (`metric_not_found`, `ambiguous_number`, `bad_row`).
    pub code: String,
    /// A sentence for the user: what, where, what to do.
    pub message: String,
    /// Where: a URL, `file.csv row 12`, a sheet name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The metric concerned, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<Metric>,
    /// The raw text concerned, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
}

/// How much a diagnostic matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Diagnostic {
    /// A warning with a code and a message; add context with the builder methods.
    pub fn warning(code: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            code: code.to_owned(),
            message: message.into(),
            location: None,
            metric: None,
            raw: None,
        }
    }

    /// An error-level diagnostic (the item was not read at all).
    pub fn error(code: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            ..Diagnostic::warning(code, message)
        }
    }

    /// An informational note.
    pub fn info(code: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Info,
            ..Diagnostic::warning(code, message)
        }
    }

    pub fn at(mut self, location: impl Into<String>) -> Diagnostic {
        self.location = Some(location.into());
        self
    }

    pub fn for_metric(mut self, metric: Metric) -> Diagnostic {
        self.metric = Some(metric);
        self
    }

    pub fn with_raw(mut self, raw: impl Into<String>) -> Diagnostic {
        self.raw = Some(raw.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_strings_round_trip() {
        for text in [
            "impressions",
            "engagement_rate",
            "x:engagements",
            "facebook:views",
        ] {
            let metric: Metric = text.parse().unwrap();
            assert_eq!(metric.to_string(), text);
        }
        assert!(
            Metric::from_str("LinkedIn:Engagement Rate").is_err(),
            "platform ids are lower case"
        );
        assert_eq!(
            Metric::from_str("linkedin:Engagement Rate")
                .unwrap()
                .to_string(),
            "linkedin:engagement_rate"
        );
        assert!(Metric::from_str("impresions").is_err());
        assert!(Metric::from_str("x:").is_err());
    }

    #[test]
    fn units_round_trip_and_reject_garbage() {
        for text in ["count", "ratio", "seconds", "currency:EUR"] {
            assert_eq!(text.parse::<Unit>().unwrap().to_string(), text);
        }
        assert!("currency:euro".parse::<Unit>().is_err());
        assert!("percent".parse::<Unit>().is_err());
    }

    #[test]
    fn snake_case_folds_labels() {
        assert_eq!(snake_case("Post Views"), "post_views");
        assert_eq!(snake_case("  Watch time (hours) "), "watch_time_hours");
        assert_eq!(snake_case("Vind-ik-leuks"), "vind_ik_leuks");
    }

    #[test]
    fn languages_from_tags() {
        assert_eq!(Language::from_tag("nl-NL"), Some(Language::Nl));
        assert_eq!(Language::from_tag("en_GB"), Some(Language::En));
        assert_eq!(Language::from_tag("pt-BR"), None);
        assert_eq!(Language::from_tag(""), None);
    }

    #[test]
    fn observation_json_matches_the_contract() {
        let observation = Observation {
            platform: Platform::LinkedIn,
            account: "12345".into(),
            scope: Scope::Account,
            post_id: None,
            name: None,
            metric: CanonicalMetric::Impressions.into(),
            distribution: Distribution::Total,
            window: Window::Range,
            start: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            end: NaiveDate::from_ymd_opt(2026, 10, 28).unwrap(),
            value: 1234.0,
            unit: Unit::Count,
            rounded_to: None,
            derivation: None,
            source: Source {
                kind: SourceKind::Page,
                location: "https://www.linkedin.com/company/12345/admin/analytics/updates/".into(),
                label: "Impressions".into(),
                raw: "1,234".into(),
                read_at: DateTime::parse_from_rfc3339("2026-10-29T10:00:00Z")
                    .unwrap()
                    .into(),
                locale: Some("en".into()),
            },
        };
        let json = serde_json::to_value(&observation).unwrap();
        assert_eq!(json["platform"], "linkedin");
        assert_eq!(json["scope"], "account");
        assert_eq!(json["metric"], "impressions");
        assert_eq!(json["start"], "2026-10-01");
        assert_eq!(json["unit"], "count");
        assert_eq!(json["source"]["kind"], "page");
        let back: Observation = serde_json::from_value(json).unwrap();
        assert_eq!(back, observation);
    }
}
