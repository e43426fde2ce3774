//! Per-platform reading rules: the data files under `rules/`, compiled in and checked.
//!
//! One TOML file per platform says which URLs are which analytics page, which labels (per
//! UI language, each table with its source and confidence) name which metric, where a value
//! sits relative to its label, which decoys to skip and how the page shows its period.
//! `rules/README.md` documents the format. This module only describes and validates rules;
//! the generic reader in [`super::reader`] interprets them. It must not hold
//! platform-specific code: a redesign or a new language is a data edit.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::text::fold;
use super::url::{PageUrl, PathPattern};
use crate::model::{Distribution, Language, Metric, Platform, Scope, Unit, Window};
use crate::values::RelativeEnd;

/// `(source path, compiled JSON)` of one rules file (the analytics pages' and the
/// ad managers' alike).
macro_rules! rule_file {
    ($name:literal) => {
        (
            concat!("rules/", $name, ".toml"),
            include_str!(concat!(env!("OUT_DIR"), "/rules-", $name, ".json")),
        )
    };
}
pub(super) use rule_file;

/// The rule files, one per platform: `rules/<name>.toml`, turned into JSON by `build.rs`
/// (a TOML parser would cost the wasm module ~68 KB gzip) and compiled in.
const RULE_FILES: &[(&str, &str)] = &[
    rule_file!("linkedin"),
    rule_file!("x"),
    rule_file!("youtube"),
    rule_file!("meta"),
    rule_file!("tiktok"),
    rule_file!("pinterest"),
];

/// A rules file that does not parse or contradicts itself. Only a broken build can produce
/// one (the files are compiled in and a test loads them), so readers report it as a
/// diagnostic rather than panicking.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RulesError {
    #[error("{file}: not valid rules: {message}; fix the file (format in rules/README.md)")]
    Syntax { file: String, message: String },
    #[error("{file}: {message}; fix the file (format in rules/README.md)")]
    Invalid { file: String, message: String },
}

/// How sure a label table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// First-party strings or several independent sources.
    Certain,
    /// Checked against live pages by third parties, not first-party.
    FairlyCertain,
    /// Not confirmed anywhere: shipped so the language works if the guess is right, and
    /// documented as a guess.
    Guess,
}

/// Where one language's labels come from.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageSource {
    pub confidence: Confidence,
    pub source: String,
}

/// Texts per language code (`en`, `nl`, `de`, `fr`, `es`).
pub type Labels = BTreeMap<String, Vec<String>>;

/// Where a value sits relative to its label when several labels share one container.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValuePosition {
    /// Only a container holding exactly one label counts: a shared container is ambiguous.
    #[default]
    Card,
    /// In a shared container, the value follows its label (before the next label).
    After,
    /// In a shared container, the value precedes its label (after the previous label).
    Before,
}

/// How the reader looks for a value around a label.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    #[serde(default)]
    pub value: ValuePosition,
    /// How many ancestors above a label the card may be.
    #[serde(default = "default_max_depth")]
    pub max_depth: usize,
}

fn default_max_depth() -> usize {
    5
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            value: ValuePosition::default(),
            max_depth: default_max_depth(),
        }
    }
}

/// What looks like a metric but is not the page's own figure.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decoys {
    /// Headings of sections whose figures are someone else's (LinkedIn's "Your profile view
    /// highlights" shows the signed-in member's numbers on the Page's analytics): the
    /// section around such a heading is skipped.
    #[serde(default)]
    pub sections: Labels,
    /// Elements (by tag name) whose content is skipped (YouTube's realtime card).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Phrases that mark a nearby number as a comparison ("vs previous period").
    #[serde(default)]
    pub phrases: Labels,
}

/// A preset given by a URL query parameter (`timeRange=past_28_days`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QueryPresets {
    pub param: String,
    /// Parameter value → number of days.
    pub days: BTreeMap<String, u32>,
}

/// Explicit dates in URL query parameters (`startDate=2026-10-01&endDate=2026-10-28`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QueryDates {
    pub start: String,
    pub end: String,
    /// `start` and `end` are fields of the JSON object in this parameter (Meta's
    /// `time_range`), not parameters themselves; see `query_value`.
    #[serde(default)]
    pub within: Option<String>,
}

/// How a page shows the period its figures cover.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodRule {
    /// The figures are lifetime totals as of the reading (single-post pages).
    #[serde(default)]
    pub lifetime: bool,
    #[serde(default)]
    pub query_presets: Option<QueryPresets>,
    #[serde(default)]
    pub query_dates: Option<QueryDates>,
    /// Texts that precede the period on the page ("Time range").
    #[serde(default)]
    pub anchors: Labels,
    /// Elements (by tag name) whose text describes the period (YouTube's date dropdown).
    #[serde(default)]
    pub containers: Vec<String>,
    /// Preset toggles ("7D", "4W"): the one the page marks as selected (`data-state`)
    /// gives the period.
    #[serde(default)]
    pub presets: Vec<String>,
    /// Numeric dates on the page are month first whatever the UI language (X writes custom
    /// ranges in the en-US format when the browser is en-US).
    #[serde(default)]
    pub dates_month_first: bool,
    /// Any visible text that is wholly a period ("Past 28 days", "Oct 1, 2026 - Oct 28,
    /// 2026") counts; texts that disagree cancel each other.
    #[serde(default)]
    pub scan_page: bool,
    /// Which day a relative preset ends on: `yesterday` (the last complete day, most
    /// pages) or `today`.
    #[serde(default = "default_relative_end")]
    pub ends: RelativeEnd,
}

fn default_relative_end() -> RelativeEnd {
    RelativeEnd::Yesterday
}

impl PeriodRule {
    /// A rule that reads nothing: the page's period stays unknown.
    pub fn unknown() -> PeriodRule {
        PeriodRule {
            lifetime: false,
            query_presets: None,
            query_dates: None,
            anchors: Labels::new(),
            containers: Vec::new(),
            presets: Vec::new(),
            dates_month_first: false,
            scan_page: false,
            ends: default_relative_end(),
        }
    }
}

/// One analytics page: which URLs it has and what its figures are about.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageRule {
    /// A stable id (`page_content`), used by metrics' `pages` and in readings.
    pub kind: String,
    pub hosts: Vec<String>,
    /// A path pattern: literal segments, `{name}` (one segment, captured), `tab-{tab}`
    /// (a prefixed segment) and a final `**` (any rest). `{account}` names the account,
    /// `{post_id}` the post.
    pub path: String,
    #[serde(default = "default_scope")]
    pub scope: Scope,
    /// Replaces the platform's period rule for this page.
    #[serde(default)]
    pub period: Option<PeriodRule>,
    /// The platform the page is about, when not the file's (see `page_select`).
    #[serde(default)]
    pub platform: Option<Platform>,
    /// Query values and visible markers that must also hold (see `page_select`).
    #[serde(default)]
    pub requires: super::page_select::Requires,
    /// Captures taken from query parameters: capture name → parameter name.
    #[serde(default)]
    pub query_captures: BTreeMap<String, String>,
}

fn default_scope() -> Scope {
    Scope::Account
}

/// One metric a page shows.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricRule {
    pub metric: Metric,
    /// Page kinds showing it.
    pub pages: Vec<String>,
    pub unit: Unit,
    pub labels: Labels,
    /// Languages whose labels for this metric are guesses, even where the language's table
    /// is otherwise certain.
    #[serde(default)]
    pub guessed: Vec<String>,
    /// `snapshot` for levels such as total followers (as of the reading, whatever the
    /// period); otherwise the page's period decides.
    #[serde(default)]
    pub window: Option<Window>,
    #[serde(default)]
    pub distribution: Distribution,
    /// The figure may carry a sign and is still the value (YouTube's `+12` subscribers).
    #[serde(default)]
    pub signed: bool,
    /// Multiplies the read number into the unit (3600 for a figure shown in hours).
    #[serde(default = "default_scale")]
    pub scale: f64,
    /// Shown only on some accounts or some states of the page, so missing is worth a note
    /// rather than a warning: `true` on every page, or a list of page kinds.
    #[serde(default)]
    pub optional: Optional,
}

/// Where a metric may be missing without a warning.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Optional {
    Everywhere(bool),
    OnPages(Vec<String>),
}

impl Default for Optional {
    fn default() -> Self {
        Optional::Everywhere(false)
    }
}

impl MetricRule {
    /// True when the metric may be missing from this page kind without a warning.
    pub fn is_optional_on(&self, kind: &str) -> bool {
        match &self.optional {
            Optional::Everywhere(optional) => *optional,
            Optional::OnPages(kinds) => kinds.iter().any(|k| k == kind),
        }
    }
}

fn default_scale() -> f64 {
    1.0
}

/// What a single post's page says about the post besides its numbers.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostRule {
    /// The post's own address, from the page's captures: `{post_id}` and `{account}` are
    /// replaced; a capture the URL does not give means no address.
    #[serde(default)]
    pub permalink: Option<String>,
    /// Texts just before the publication date ("Published on: Mon Jan 5, 3:00pm").
    #[serde(default)]
    pub published: Labels,
}

/// Links to single posts in a list on an account page (a content table's post titles).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostLinkRule {
    /// Page kinds whose lists are read.
    pub pages: Vec<String>,
    /// The link's host and path pattern; `{post_id}` names the post, `{account}` (when
    /// present) its account, else the page's account is the post's.
    pub hosts: Vec<String>,
    pub path: String,
    /// The post's own address from the link's captures; absent, the link itself.
    #[serde(default)]
    pub permalink: Option<String>,
    /// The compiled `path` (filled in by validation).
    #[serde(skip)]
    pub pattern: PathPattern,
}

/// A platform's rules as written in its file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlatformRules {
    pub platform: Platform,
    /// Where each language's labels come from.
    pub languages: BTreeMap<String, LanguageSource>,
    /// A fixed number convention (X writes en-US numbers in every UI language); absent,
    /// the page's language decides.
    #[serde(default)]
    pub numbers: Option<Language>,
    #[serde(default)]
    pub layout: Layout,
    #[serde(default)]
    pub decoys: Decoys,
    #[serde(default = "PeriodRule::unknown")]
    pub period: PeriodRule,
    #[serde(rename = "page")]
    pub pages: Vec<PageRule>,
    #[serde(rename = "metric")]
    pub metrics: Vec<MetricRule>,
    /// What single-post pages say about their post.
    #[serde(default)]
    pub post: PostRule,
    #[serde(default, rename = "post_link")]
    pub post_links: Vec<PostLinkRule>,
    /// Compiled path patterns, one per page (filled in by validation).
    #[serde(skip)]
    pub patterns: Vec<PathPattern>,
}

/// The page a URL is, by the rules that know it.
#[derive(Debug, Clone)]
pub struct PageMatch<'r> {
    pub rules: &'r PlatformRules,
    pub page: &'r PageRule,
    pub captures: BTreeMap<String, String>,
}

impl PlatformRules {
    /// The period rule for a page: its own, else the platform's.
    pub fn period_for<'s>(&'s self, page: &'s PageRule) -> &'s PeriodRule {
        page.period.as_ref().unwrap_or(&self.period)
    }

    /// Every label text of every metric (all languages), folded: the boundaries between
    /// cards.
    pub fn all_labels_folded(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .metrics
            .iter()
            .flat_map(|m| m.labels.values().flatten())
            .map(|l| fold(l))
            .collect();
        all.sort();
        all.dedup();
        all
    }

    fn validate(mut self, file: &str) -> Result<PlatformRules, RulesError> {
        let invalid = |message: String| RulesError::Invalid {
            file: file.to_owned(),
            message,
        };
        let known_language =
            |code: &str| Language::from_tag(code).is_some_and(|l| l.code() == code);
        for code in self.languages.keys() {
            if !known_language(code) {
                return Err(invalid(format!("unknown language {code:?} in [languages]")));
            }
        }
        self.patterns = Vec::with_capacity(self.pages.len());
        for page in &self.pages {
            let pattern = PathPattern::parse(&page.path)
                .map_err(|e| invalid(format!("page {:?}: {e}", page.kind)))?;
            self.patterns.push(pattern);
        }
        for metric in &self.metrics {
            for kind in &metric.pages {
                if !self.pages.iter().any(|p| &p.kind == kind) {
                    return Err(invalid(format!(
                        "metric {}: unknown page kind {kind:?}",
                        metric.metric
                    )));
                }
            }
            for code in metric.labels.keys().chain(&metric.guessed) {
                if !self.languages.contains_key(code) {
                    return Err(invalid(format!(
                        "metric {}: language {code:?} has no [languages.{code}] source",
                        metric.metric
                    )));
                }
            }
            if let Some(unit) = metric.metric.default_unit() {
                if unit != metric.unit {
                    return Err(invalid(format!(
                        "metric {} has unit {} but the canonical metric is in {unit}",
                        metric.metric, metric.unit
                    )));
                }
            }
        }
        for code in self.post.published.keys() {
            if !self.languages.contains_key(code) {
                return Err(invalid(format!(
                    "post.published: language {code:?} has no [languages.{code}] source"
                )));
            }
        }
        let templates = self
            .post
            .permalink
            .iter()
            .chain(self.post_links.iter().filter_map(|l| l.permalink.as_ref()));
        for template in templates {
            check_template(template)
                .map_err(|e| invalid(format!("permalink {template:?}: {e}")))?;
        }
        for link in &mut self.post_links {
            link.pattern = PathPattern::parse(&link.path)
                .map_err(|e| invalid(format!("post_link {:?}: {e}", link.path)))?;
            if !link.path.contains("{post_id}") {
                return Err(invalid(format!(
                    "post_link {:?} captures no {{post_id}}",
                    link.path
                )));
            }
            if let Some(kind) = link
                .pages
                .iter()
                .find(|k| !self.pages.iter().any(|p| &p.kind == *k))
            {
                return Err(invalid(format!(
                    "post_link {:?}: unknown page kind {kind:?}",
                    link.path
                )));
            }
        }
        // One label must name one metric on a page, or the reader could not tell them apart.
        for page in &self.pages {
            let mut seen: BTreeMap<String, &Metric> = BTreeMap::new();
            for metric in self.metrics.iter().filter(|m| m.pages.contains(&page.kind)) {
                for label in metric.labels.values().flatten() {
                    if let Some(other) = seen.insert(fold(label), &metric.metric) {
                        if other != &metric.metric {
                            return Err(invalid(format!(
                                "page {}: label {label:?} names both {other} and {}",
                                page.kind, metric.metric
                            )));
                        }
                    }
                }
            }
        }
        Ok(self)
    }

    /// The display name of a metric in a language: its first label there, else English.
    pub fn display_label(metric: &MetricRule, language: Option<Language>) -> String {
        language
            .and_then(|l| metric.labels.get(l.code()))
            .or_else(|| metric.labels.get("en"))
            .or_else(|| metric.labels.values().next())
            .and_then(|labels| labels.first())
            .cloned()
            .unwrap_or_else(|| metric.metric.to_string())
    }
}

/// A permalink template must be an `http(s)` address whose only placeholders are
/// `{post_id}` and `{account}`.
fn check_template(template: &str) -> Result<(), String> {
    if !template.starts_with("https://") && !template.starts_with("http://") {
        return Err("not an http(s) address".to_owned());
    }
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or("");
        let close = after.find('}').ok_or("an unclosed `{`")?;
        let name = after.get(..close).unwrap_or("");
        if name != "post_id" && name != "account" {
            return Err(format!("unknown placeholder {{{name}}}"));
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    Ok(())
}

/// Parses and validates one rules file, as JSON (the form `build.rs` compiles in).
pub fn parse_rules(file: &str, text: &str) -> Result<PlatformRules, RulesError> {
    let rules: PlatformRules = serde_json::from_str(text).map_err(|e| RulesError::Syntax {
        file: file.to_owned(),
        message: e.to_string(),
    })?;
    rules.validate(file)
}

/// Every platform's rules, parsed once.
pub fn all_rules() -> Result<&'static [PlatformRules], &'static RulesError> {
    static RULES: OnceLock<Result<Vec<PlatformRules>, RulesError>> = OnceLock::new();
    RULES
        .get_or_init(|| {
            RULE_FILES
                .iter()
                .map(|(file, text)| parse_rules(file, text))
                .collect()
        })
        .as_ref()
        .map(Vec::as_slice)
}

/// Finds the page rule that knows this URL.
pub fn match_url<'r>(
    rules: &'r [PlatformRules],
    url: &PageUrl,
    snapshot: &super::Snapshot,
) -> Option<PageMatch<'r>> {
    rules.iter().find_map(|platform| {
        platform
            .pages
            .iter()
            .zip(&platform.patterns)
            .find_map(|(page, pattern)| {
                if !page.hosts.iter().any(|h| h.eq_ignore_ascii_case(&url.host)) {
                    return None;
                }
                let captures = pattern.matches(&url.segments)?;
                let captures = super::page_select::complete(page, url, snapshot, captures)?;
                Some(PageMatch {
                    rules: platform,
                    page,
                    captures,
                })
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rules written as in `rules/`, converted as `build.rs` does.
    fn toml_to_json(text: &str) -> String {
        let table: toml::Table = toml::from_str(text).unwrap();
        serde_json::to_string(&table).unwrap()
    }

    #[test]
    fn the_compiled_in_rules_parse_and_validate() {
        let rules = all_rules().unwrap();
        assert_eq!(rules.len(), RULE_FILES.len());
    }

    #[test]
    fn a_label_naming_two_metrics_on_one_page_is_rejected() {
        let text = r#"
            platform = "linkedin"
            languages.en = { confidence = "certain", source = "test" }
            [[page]]
            kind = "a"
            hosts = ["example.test"]
            path = "/a"
            [[metric]]
            metric = "impressions"
            pages = ["a"]
            unit = "count"
            labels.en = ["Views"]
            [[metric]]
            metric = "reach"
            pages = ["a"]
            unit = "count"
            labels.en = ["views:"]
        "#;
        let error = parse_rules("test.toml", &toml_to_json(text)).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("names both impressions and reach"),
            "{error}"
        );
    }

    #[test]
    fn a_canonical_metric_in_the_wrong_unit_is_rejected() {
        let text = r#"
            platform = "x"
            languages.en = { confidence = "certain", source = "test" }
            [[page]]
            kind = "a"
            hosts = ["x.com"]
            path = "/a"
            [[metric]]
            metric = "engagement_rate"
            pages = ["a"]
            unit = "count"
            labels.en = ["Engagement rate"]
        "#;
        let error = parse_rules("test.toml", &toml_to_json(text)).unwrap_err();
        assert!(
            error.to_string().contains("canonical metric is in ratio"),
            "{error}"
        );
    }
}
