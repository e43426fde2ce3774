//! The ad managers' page rules: `rules/*-ads.toml`, compiled in and checked.
//!
//! An ad manager shows its figures in a table (one row per campaign, ad set or ad, one
//! column per metric) and, on a single entity's page, in summary cards. One file per ad
//! manager says which URLs are which page and what its rows are, which column labels (per
//! UI language, each table with its source and confidence) name which metric and how the
//! cells write it, how a row names its entity and how a totals row looks. The format is
//! documented in `docs/ad-managers.md`; the per-language sources and the label-less parts
//! (`[languages]`, `[period]`) reuse the analytics-page rules' vocabulary
//! ([`super::super::rules`]). This module only describes and validates; it must not hold
//! platform-specific code.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::super::rules::{rule_file, Confidence, Labels, LanguageSource, PeriodRule, RulesError};
use super::super::text::fold;
use super::super::url::{PageUrl, PathPattern};
use crate::model::{Language, Metric, Platform, Scope, Unit};

/// The ad managers' rule files (`build.rs` converts every `rules/*.toml` to JSON; see
/// `src/page/rules.rs` for why).
const AD_RULE_FILES: &[(&str, &str)] = &[
    rule_file!("meta-ads"),
    rule_file!("linkedin-ads"),
    rule_file!("x-ads"),
    rule_file!("tiktok-ads"),
    rule_file!("pinterest-ads"),
];

/// How a column's cells write their figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shown {
    /// A plain number counted in units (`12,345`, `1.2K`).
    Count,
    /// A percentage (`1.75%`), recorded as a fraction.
    Percent,
    /// A plain decimal that is a ratio already (frequency `2.22`).
    Decimal,
    /// Money (`€1,234.56`, or a bare number under a `(EUR)` header).
    Money,
}

impl Shown {
    /// The unit a value is recorded in; money gets its currency code later.
    fn unit_kind(self) -> Option<Unit> {
        match self {
            Shown::Count => Some(Unit::Count),
            Shown::Percent | Shown::Decimal => Some(Unit::Ratio),
            Shown::Money => None,
        }
    }
}

/// What a totals row becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeepTotals {
    /// Not recorded (said in an info diagnostic): it sums the rows shown, which a filter or
    /// a search may have narrowed, so it is not reliably the account's figure.
    #[default]
    Skip,
    /// Recorded as the account's figure over the page's period.
    Account,
}

/// How a totals row is recognised and what becomes of it.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TotalsRule {
    /// Texts a totals row's name cell starts with ("Results from 3 campaigns", "Total").
    #[serde(default)]
    pub words: Labels,
    #[serde(default)]
    pub keep: KeepTotals,
}

/// How the table's rows name their entities.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableRule {
    /// Header labels of the column holding the entity's name.
    pub name_labels: Labels,
    /// Header labels of a column holding the entity's id, when the user added one.
    #[serde(default)]
    pub id_labels: Labels,
    /// `data-*` attributes on the row (or inside it) that carry the entity's id.
    #[serde(default)]
    pub id_attributes: Vec<String>,
    /// Texts in the name cell that are not the name (hover actions such as "Edit").
    #[serde(default)]
    pub name_ignore: Labels,
    #[serde(default)]
    pub totals: TotalsRule,
    /// Phrases that mark a number in a cell as something else ("of", "vs previous").
    #[serde(default)]
    pub decoy_phrases: Labels,
    /// Header labels of a column naming the attribution setting results were counted under.
    #[serde(default)]
    pub attribution_labels: Labels,
    /// Header labels of a column naming the result type in words (besides the words under
    /// a results figure).
    #[serde(default)]
    pub result_type_labels: Labels,
    /// On pages whose rows are ad sets or ads: header labels of the column naming the row's
    /// campaign, and of its campaign id. They win over `name_labels`/`id_labels` there (an
    /// ad set table's "Campaign name" is its parent's).
    #[serde(default)]
    pub campaign_labels: Labels,
    #[serde(default)]
    pub campaign_id_labels: Labels,
}

/// The one campaign a page's rows belong to, from a query parameter holding a single id
/// (`selected_campaign_ids=120…`, `campaignGroupIds=List(614…)`); several ids give none.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignParam {
    pub param: String,
    /// Text around the id in the value (`List(` and `)`).
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
}

impl CampaignParam {
    /// The single campaign id in the URL, when there is exactly one.
    pub fn id_in(&self, url: &PageUrl) -> Option<String> {
        let value = url.param(&self.param)?.trim();
        let id = value
            .strip_prefix(self.prefix.as_str())?
            .strip_suffix(self.suffix.as_str())?
            .trim();
        let single = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        single.then(|| id.to_owned())
    }
}

/// A period given as one URL parameter holding both days (`date=2026-10-01_2026-10-28`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrlRange {
    pub param: String,
    pub separator: String,
}

/// One ad manager page.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdPage {
    /// A stable id (`campaigns`, `campaign_report`), reported as the page kind.
    pub kind: String,
    pub hosts: Vec<String>,
    /// A path pattern as in the analytics rules; `{account}` names the ad account and
    /// `{entity_id}` the entity a single-entity page is about.
    pub path: String,
    /// How sure the URL and page structure are, and where that comes from.
    pub confidence: Confidence,
    pub source: String,
    /// The ad account id from this query parameter (Meta's `act`, TikTok's `aadvid`).
    #[serde(default)]
    pub account_param: Option<String>,
    /// What each row of the page's table is; `None` when the page has no table to read.
    #[serde(default)]
    pub rows: Option<Scope>,
    /// The entity a single-entity page is about (its summary cards are read for it).
    #[serde(default)]
    pub entity: Option<Scope>,
    /// The entity's id from this query parameter, when not from `{entity_id}` in the path.
    #[serde(default)]
    pub entity_param: Option<String>,
    /// Tags whose first visible text is the entity's name (the page heading).
    #[serde(default)]
    pub entity_name_tags: Vec<String>,
    /// The campaign every row belongs to, named in the URL.
    #[serde(default)]
    pub campaign_param: Option<CampaignParam>,
}

/// One metric column (or summary card).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnRule {
    /// Canonical id, or `platform:name` for the platform's own figure.
    pub metric: Metric,
    pub shown: Shown,
    pub labels: Labels,
    /// Languages whose labels for this column are guesses even where the table is not.
    #[serde(default)]
    pub guessed: Vec<String>,
    /// The cell also names the result type ("Link clicks" under the number): it is kept
    /// as the platform figure `<platform>:results_<type>` beside the value.
    #[serde(default)]
    pub result_type: bool,
    /// Not on every account or every page: not finding it is no news.
    #[serde(default)]
    pub optional: bool,
    /// The page kinds showing it; all pages when absent.
    #[serde(default)]
    pub pages: Option<Vec<String>>,
}

impl ColumnRule {
    /// True when the column belongs on this page kind.
    pub fn on_page(&self, kind: &str) -> bool {
        self.pages
            .as_ref()
            .is_none_or(|pages| pages.iter().any(|p| p == kind))
    }
}

/// A result type the platform names in words (`Link clicks`), with a stable id, and the
/// codes its exports write for it (Meta's result indicator `actions:link_click`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultTypeRule {
    pub id: String,
    pub labels: Labels,
    /// Codes naming the same result type, compared exactly but for case and surrounding
    /// spaces.
    #[serde(default)]
    pub indicators: Vec<String>,
}

/// One ad manager's rules as written in its file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdRules {
    pub platform: Platform,
    pub languages: BTreeMap<String, LanguageSource>,
    /// A fixed number convention; absent, the page's language decides.
    #[serde(default)]
    pub numbers: Option<Language>,
    #[serde(default = "PeriodRule::unknown")]
    pub period: PeriodRule,
    #[serde(default)]
    pub period_in_url: Option<UrlRange>,
    pub table: TableRule,
    #[serde(default, rename = "result_type")]
    pub result_types: Vec<ResultTypeRule>,
    #[serde(rename = "page")]
    pub pages: Vec<AdPage>,
    #[serde(rename = "column")]
    pub columns: Vec<ColumnRule>,
    /// Compiled path patterns, one per page (filled in by validation).
    #[serde(skip)]
    pub patterns: Vec<PathPattern>,
}

/// The ad manager page a URL is.
#[derive(Debug, Clone)]
pub struct AdPageMatch<'r> {
    pub rules: &'r AdRules,
    pub page: &'r AdPage,
    pub captures: BTreeMap<String, String>,
}

/// A label folded for comparison, without a trailing currency code: `"Amount spent
/// (EUR)"` → (`"amount spent"`, `Some("EUR")`). Only ISO codes the value parser knows count,
/// so `CTR (all)` keeps its `(all)`.
pub fn fold_label(text: &str) -> (String, Option<String>) {
    let folded = fold(text);
    let Some(inner_start) = folded.rfind('(') else {
        return (folded, None);
    };
    let (Some(base), Some(inner)) = (
        folded.get(..inner_start),
        folded
            .get(inner_start + 1..)
            .and_then(|rest| rest.strip_suffix(')')),
    ) else {
        return (folded, None);
    };
    let code = inner.trim().to_ascii_uppercase();
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return (folded, None);
    }
    let known = matches!(
        crate::values::parse_value(&format!("1 {code}"), Some(Language::En)),
        Ok(crate::values::ParsedValue {
            kind: crate::values::ValueKind::Currency(Some(_)),
            ..
        })
    );
    if known {
        (base.trim_end().to_owned(), Some(code))
    } else {
        (folded, None)
    }
}

/// Every label text of a table, folded.
pub fn folded(labels: &Labels) -> Vec<String> {
    labels.values().flatten().map(|l| fold_label(l).0).collect()
}

impl AdRules {
    fn validate(mut self, file: &str) -> Result<AdRules, RulesError> {
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
        let sourced = |labels: &Labels, what: &str| -> Result<(), RulesError> {
            match labels
                .keys()
                .find(|code| !self.languages.contains_key(*code))
            {
                Some(code) => Err(invalid(format!(
                    "{what}: language {code:?} has no [languages.{code}] source"
                ))),
                None => Ok(()),
            }
        };
        sourced(&self.table.name_labels, "table.name_labels")?;
        sourced(&self.table.id_labels, "table.id_labels")?;
        sourced(&self.table.name_ignore, "table.name_ignore")?;
        sourced(&self.table.totals.words, "table.totals.words")?;
        sourced(&self.table.decoy_phrases, "table.decoy_phrases")?;
        sourced(&self.table.attribution_labels, "table.attribution_labels")?;
        sourced(&self.table.result_type_labels, "table.result_type_labels")?;
        sourced(&self.table.campaign_labels, "table.campaign_labels")?;
        sourced(&self.table.campaign_id_labels, "table.campaign_id_labels")?;
        let mut result_type_names: BTreeMap<String, &str> = BTreeMap::new();
        for result_type in &self.result_types {
            sourced(
                &result_type.labels,
                &format!("result type {}", result_type.id),
            )?;
            // One wording or code must name one result type, or two different actions
            // would count as one.
            let names = result_type
                .labels
                .values()
                .flatten()
                .map(|label| fold(label))
                .chain(result_type.indicators.iter().map(|i| indicator(i)));
            for name in names {
                match result_type_names.insert(name.clone(), &result_type.id) {
                    Some(other) if other != result_type.id => {
                        return Err(invalid(format!(
                            "{name:?} names both result type {other} and {}",
                            result_type.id
                        )))
                    }
                    _ => {}
                }
            }
        }
        self.patterns = Vec::with_capacity(self.pages.len());
        for page in &self.pages {
            let pattern = PathPattern::parse(&page.path)
                .map_err(|e| invalid(format!("page {:?}: {e}", page.kind)))?;
            self.patterns.push(pattern);
            if page.rows.is_none() && page.entity.is_none() {
                return Err(invalid(format!(
                    "page {:?} names neither `rows` nor `entity`: nothing to read",
                    page.kind
                )));
            }
            if page.rows == Some(Scope::Post) || page.entity == Some(Scope::Post) {
                return Err(invalid(format!(
                    "page {:?}: ad manager rows are campaigns, ad sets, ads or the account",
                    page.kind
                )));
            }
        }
        for column in &self.columns {
            let what = format!("column {}", column.metric);
            sourced(&column.labels, &what)?;
            for code in &column.guessed {
                if !self.languages.contains_key(code) {
                    return Err(invalid(format!(
                        "{what}: guessed language {code:?} unknown"
                    )));
                }
            }
            for kind in column.pages.iter().flatten() {
                if !self.pages.iter().any(|p| &p.kind == kind) {
                    return Err(invalid(format!("{what}: unknown page kind {kind:?}")));
                }
            }
            match &column.metric {
                Metric::Canonical(canonical) => {
                    if canonical.unit() != column.shown.unit_kind() {
                        return Err(invalid(format!(
                            "{what} is shown as {:?} but the canonical metric is in {}",
                            column.shown,
                            canonical
                                .unit()
                                .map_or("money".to_owned(), |u| u.to_string())
                        )));
                    }
                }
                Metric::Platform { platform, .. } => {
                    if *platform != self.platform {
                        return Err(invalid(format!(
                            "{what} belongs to {platform}, not to this file's {}",
                            self.platform
                        )));
                    }
                }
            }
        }
        // One label must name one thing on a page, or a header could not be told apart.
        for page in &self.pages {
            let mut seen: BTreeMap<String, String> = BTreeMap::new();
            let mut claim = |label: String, owner: String| -> Result<(), RulesError> {
                match seen.insert(label.clone(), owner.clone()) {
                    Some(other) if other != owner => Err(invalid(format!(
                        "page {}: label {label:?} names both {other} and {owner}",
                        page.kind
                    ))),
                    _ => Ok(()),
                }
            };
            for label in folded(&self.table.name_labels) {
                claim(label, "the name column".to_owned())?;
            }
            for label in folded(&self.table.id_labels) {
                claim(label, "the id column".to_owned())?;
            }
            for column in self.columns.iter().filter(|c| c.on_page(&page.kind)) {
                for label in folded(&column.labels) {
                    claim(label, column.metric.to_string())?;
                }
            }
            for label in folded(&self.table.attribution_labels) {
                claim(label, "the attribution column".to_owned())?;
            }
            for label in folded(&self.table.result_type_labels) {
                claim(label, "the result type column".to_owned())?;
            }
            // The campaign columns replace the name and id columns' meaning on ad set and
            // ad pages; they must still not be a metric's label.
            for label in folded(&self.table.campaign_labels)
                .into_iter()
                .chain(folded(&self.table.campaign_id_labels))
            {
                if let Some(owner) = seen.get(&label).filter(|o| !o.starts_with("the ")) {
                    return Err(invalid(format!(
                        "page {}: label {label:?} names both {owner} and the campaign column",
                        page.kind
                    )));
                }
            }
        }
        Ok(self)
    }

    /// The stable id of a result type named in words, when the rules know it.
    pub fn result_type_id(&self, text: &str) -> Option<&str> {
        let wanted = fold(text);
        self.result_types
            .iter()
            .find(|r| r.labels.values().flatten().any(|l| fold(l) == wanted))
            .map(|r| r.id.as_str())
    }

    /// The stable id of a result type named in words or by an export's code
    /// (`actions:link_click`), when the rules know it.
    pub fn result_type_key(&self, text: &str) -> Option<&str> {
        let code = indicator(text);
        self.result_types
            .iter()
            .find(|r| r.indicators.iter().any(|i| indicator(i) == code))
            .map(|r| r.id.as_str())
            .or_else(|| self.result_type_id(text))
    }
}

/// A result indicator as compared: trimmed and lower-case.
fn indicator(text: &str) -> String {
    text.trim().to_lowercase()
}

/// The stable id of the result type `text` names on `platform`'s ad manager, in any of its
/// UI languages or as an export's result indicator (`Klikken op link`, `Link clicks` and
/// `actions:link_click` are all `link_clicks` on Meta); `None` when the rules do not know
/// it (or cannot be read, which their own test reports).
pub fn result_type_key(platform: Platform, text: &str) -> Option<&'static str> {
    all_ad_rules()
        .ok()?
        .iter()
        .filter(|rules| rules.platform == platform)
        .find_map(|rules| rules.result_type_key(text))
}

/// Parses and validates one ad manager's rules, as JSON.
pub fn parse_ad_rules(file: &str, text: &str) -> Result<AdRules, RulesError> {
    let rules: AdRules = serde_json::from_str(text).map_err(|e| RulesError::Syntax {
        file: file.to_owned(),
        message: e.to_string(),
    })?;
    rules.validate(file)
}

/// Every ad manager's rules, parsed once.
pub fn all_ad_rules() -> Result<&'static [AdRules], &'static RulesError> {
    static RULES: OnceLock<Result<Vec<AdRules>, RulesError>> = OnceLock::new();
    RULES
        .get_or_init(|| {
            AD_RULE_FILES
                .iter()
                .map(|(file, text)| parse_ad_rules(file, text))
                .collect()
        })
        .as_ref()
        .map(Vec::as_slice)
}

/// The ad manager page this URL is, if any.
pub fn match_ad_page<'r>(rules: &'r [AdRules], url: &PageUrl) -> Option<AdPageMatch<'r>> {
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
                Some(AdPageMatch {
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

    fn toml_to_json(text: &str) -> String {
        let table: toml::Table = toml::from_str(text).unwrap();
        serde_json::to_string(&table).unwrap()
    }

    const BASE: &str = r#"
        platform = "meta"
        languages.en = { confidence = "certain", source = "test" }
        [table]
        name_labels.en = ["Campaign"]
        [[page]]
        kind = "campaigns"
        hosts = ["adsmanager.facebook.com"]
        path = "/adsmanager/manage/campaigns"
        confidence = "certain"
        source = "test"
        rows = "campaign"
    "#;

    fn check(columns: &str, expected_error: Option<&str>) {
        let text = format!("{BASE}\n{columns}");
        let result = parse_ad_rules("test.toml", &toml_to_json(&text));
        match (result, expected_error) {
            (Ok(_), None) => {}
            (Err(error), Some(wanted)) => {
                assert!(error.to_string().contains(wanted), "{error}")
            }
            (Ok(_), Some(wanted)) => panic!("accepted, expected {wanted:?}"),
            (Err(error), None) => panic!("rejected: {error}"),
        }
    }

    #[test]
    fn the_compiled_in_rules_parse_and_validate() {
        let rules = all_ad_rules().unwrap();
        assert_eq!(rules.len(), AD_RULE_FILES.len());
    }

    #[test]
    fn columns_must_be_shown_in_their_metrics_unit() {
        check(
            "[[column]]\nmetric = \"spend\"\nshown = \"money\"\nlabels.en = [\"Amount spent\"]",
            None,
        );
        check(
            "[[column]]\nmetric = \"spend\"\nshown = \"count\"\nlabels.en = [\"Amount spent\"]",
            Some("canonical metric is in money"),
        );
        check(
            "[[column]]\nmetric = \"ctr\"\nshown = \"count\"\nlabels.en = [\"CTR\"]",
            Some("canonical metric is in ratio"),
        );
        check(
            "[[column]]\nmetric = \"x:clicks\"\nshown = \"count\"\nlabels.en = [\"Clicks\"]",
            Some("belongs to x"),
        );
    }

    #[test]
    fn a_label_naming_two_things_is_rejected() {
        check(
            "[[column]]\nmetric = \"impressions\"\nshown = \"count\"\nlabels.en = [\"Campaign\"]",
            Some("names both the name column and impressions"),
        );
        check(
            "[[column]]\nmetric = \"spend\"\nshown = \"money\"\nlabels.en = [\"Spent (EUR)\"]\n[[column]]\nmetric = \"cpm\"\nshown = \"money\"\nlabels.en = [\"spent\"]",
            Some("names both spend and cpm"),
        );
        check(
            "[[column]]\nmetric = \"reach\"\nshown = \"count\"\nlabels.nl = [\"Bereik\"]",
            Some("has no [languages.nl] source"),
        );
    }

    #[test]
    fn result_types_are_one_key_in_any_language_or_as_an_indicator() {
        let check = |platform: Platform, text: &str, expected: Option<&str>| {
            assert_eq!(
                result_type_key(platform, text),
                expected,
                "{platform} {text:?}"
            );
        };
        check(Platform::Meta, "Klikken op link", Some("link_clicks"));
        check(Platform::Meta, "Link clicks", Some("link_clicks"));
        check(Platform::Meta, " actions:link_click ", Some("link_clicks"));
        check(Platform::Meta, "ACTIONS:LINK_CLICK", Some("link_clicks"));
        check(
            Platform::Meta,
            "actions:offsite_conversion.fb_pixel_purchase",
            Some("purchases"),
        );
        check(Platform::Meta, "Aankopen op website", Some("purchases"));
        check(Platform::Meta, "reach", Some("reach"));
        check(
            Platform::Meta,
            "video_thruplay_watched_actions",
            Some("thruplays"),
        );
        check(Platform::Meta, "actions:lead", Some("leads"));
        // Unknown codes and other platforms' words have no key.
        check(
            Platform::Meta,
            "actions:onsite_conversion.messaging_conversation_started_7d",
            None,
        );
        check(Platform::Meta, "Volgacties", None);
        check(Platform::X, "Volgacties", Some("follows"));
        check(Platform::LinkedIn, "actions:link_click", None);
    }

    #[test]
    fn a_wording_naming_two_result_types_is_rejected() {
        let check = |result_types: &str, expected_error: Option<&str>| {
            let column =
                "[[column]]\nmetric = \"reach\"\nshown = \"count\"\nlabels.en = [\"Reach\"]";
            check(&format!("{column}\n{result_types}"), expected_error);
        };
        check(
            "[[result_type]]\nid = \"a\"\nlabels.en = [\"Clicks\"]\nindicators = [\"click\"]\n[[result_type]]\nid = \"b\"\nlabels.en = [\"Taps\"]\nindicators = [\" CLICK\"]",
            Some("\"click\" names both result type a and b"),
        );
        check(
            "[[result_type]]\nid = \"a\"\nlabels.en = [\"Clicks\", \"clicks:\"]",
            None,
        );
    }

    #[test]
    fn currency_codes_come_off_labels_and_other_words_stay() {
        assert_eq!(
            fold_label("Amount spent (EUR)"),
            ("amount spent".to_owned(), Some("EUR".to_owned()))
        );
        assert_eq!(
            fold_label("CPM (kosten per 1000 weergaven) (EUR)"),
            (
                "cpm (kosten per 1000 weergaven)".to_owned(),
                Some("EUR".to_owned())
            )
        );
        assert_eq!(fold_label("CTR (all)"), ("ctr (all)".to_owned(), None));
        assert_eq!(fold_label("Reach:"), ("reach".to_owned(), None));
    }
}
