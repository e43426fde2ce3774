//! Campaign definitions in the strategy file: the fields a campaign object carries beside
//! its id, name and dates, read with every problem named and written back.
//!
//! ```json
//! { "id": "open-day-2027", "name": "Open day 2027", "start": "2027-03-01", "end": "2027-03-21",
//!   "platforms": ["linkedin", "instagram", "x", "meta"], "delivery": "both",
//!   "match": [ { "hashtag": "OpenDay2027" }, { "utm": { "utm_campaign": "openday27" } },
//!              { "ad_name": "Open Day 2027", "level": "campaign" } ],
//!   "exclude": [ { "platform": "x", "id": "1897000000000000001" } ],
//!   "currency": { "report": "EUR", "rates": { "USD": 0.92 } },
//!   "kpis": [ { "id": "od-impressions", "metric": "impressions", "target": 250000 },
//!             { "id": "od-cpc", "metric": "cpc", "distribution": "paid", "target": 0.8 } ] }
//! ```
//!
//! The strategy file is untrusted input. [`load`] reads the strategy through
//! [`crate::strategy::file`] and the campaign fields here, and refuses the file with the
//! problems of both at once, in the strategy's own [`Problem`] shape (JSON path, value
//! found, why, what to do). Nothing here panics on any JSON. [`export`] writes the strategy
//! with its campaigns' definitions, so exporting and loading again gives the same plans.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::campaign::plan::{
    AdLevel, CampaignKpi, CampaignPlan, ClickKind, CurrencyPlan, Delivery, EntityRef, Rule,
};
use crate::metrics::CanonicalMetric;
use crate::model::{Distribution, Metric, Platform, Scope};
use crate::strategy::file::{self as strategy_file, Problem, StrategyFileError, MAX_FILE_BYTES};
use crate::strategy::measure;
use crate::strategy::reader::edit_distance;
use crate::strategy::{Aggregation, Campaign, Direction, Kpi, PeriodSpec, PlatformScope, Strategy};

/// The fields a campaign object carries for its definition, beside `id`, `name`, `start`,
/// `end` and `note`. The strategy file's reader must accept exactly these.
pub const PLAN_KEYS: &[&str] = &[
    "platforms",
    "accounts",
    "delivery",
    "match",
    "include",
    "exclude",
    "currency",
    "kpis",
];

const MAX_RULES: usize = 100;
const MAX_REFS: usize = 2000;
const MAX_KPIS: usize = 50;
const MAX_TEXT_CHARS: usize = 200;
const MAX_ID_CHARS: usize = 64;

/// A strategy with its campaigns' definitions.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignStrategy {
    pub strategy: Strategy,
    /// One plan per campaign that has a definition, in file order.
    pub plans: Vec<CampaignPlan>,
}

impl CampaignStrategy {
    /// The plan of the campaign with this id.
    pub fn plan(&self, id: &str) -> Option<&CampaignPlan> {
        self.plans.iter().find(|plan| plan.id == id)
    }
}

/// Reads a strategy file's text with its campaign definitions, refusing it with every
/// problem of the strategy and of the campaigns named.
pub fn load(text: &str) -> Result<CampaignStrategy, StrategyFileError> {
    if text.len() > MAX_FILE_BYTES {
        return strategy_file::import(text).map(|strategy| CampaignStrategy {
            strategy,
            plans: Vec::new(),
        });
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(_) => {
            // The strategy reader words the JSON error; its result is an error here.
            return strategy_file::import(text).map(|strategy| CampaignStrategy {
                strategy,
                plans: Vec::new(),
            });
        }
    };
    let strategy = strategy_file::from_value(&value);
    let (plans, mut problems) = read_plans(&value, strategy.as_ref().ok());
    match strategy {
        Ok(strategy) if problems.is_empty() => Ok(CampaignStrategy { strategy, plans }),
        Ok(_) => Err(StrategyFileError::Invalid { problems }),
        Err(mut strategy_problems) => {
            strategy_problems.append(&mut problems);
            Err(StrategyFileError::Invalid {
                problems: strategy_problems,
            })
        }
    }
}

/// Reads the campaign definitions of a strategy file's JSON. `strategy` is the strategy
/// read from the same JSON, when it was valid: plans are made only then, but the
/// definitions are checked either way, so every problem is named at once.
pub fn read_plans(value: &Value, strategy: Option<&Strategy>) -> (Vec<CampaignPlan>, Vec<Problem>) {
    let mut reader = PlanReader::default();
    let mut plans = Vec::new();
    let items = value
        .get("campaigns")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    for (index, item) in items.iter().enumerate() {
        let Some(map) = item.as_object() else {
            continue;
        };
        if !PLAN_KEYS.iter().any(|key| map.contains_key(*key)) {
            continue;
        }
        let path = format!("campaigns[{index}]");
        let campaign = map
            .get("id")
            .and_then(Value::as_str)
            .and_then(|id| strategy.and_then(|s| s.campaign(id.trim())));
        if let Some(plan) = reader.plan(map, &path, campaign) {
            plans.push(plan);
        }
    }
    (plans, reader.problems)
}

/// Writes the strategy with its campaigns' definitions as the file's JSON text.
pub fn export(strategy: &Strategy, plans: &[CampaignPlan]) -> String {
    let mut value = strategy_file::to_value(strategy);
    if let Some(campaigns) = value.get_mut("campaigns").and_then(Value::as_array_mut) {
        for campaign in campaigns {
            let Some(map) = campaign.as_object_mut() else {
                continue;
            };
            let id = map.get("id").and_then(Value::as_str).map(str::to_owned);
            if let Some(plan) = plans.iter().find(|p| Some(&p.id) == id.as_ref()) {
                map.extend(plan_fields(plan));
            }
        }
    }
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// A plan's own fields as JSON, in the file's shape.
pub fn plan_fields(plan: &CampaignPlan) -> Map<String, Value> {
    let mut map = Map::new();
    let ids = |platforms: &[Platform]| -> Value {
        platforms.iter().map(|p| Value::from(p.id())).collect()
    };
    map.insert("platforms".into(), ids(&plan.platforms));
    if !plan.accounts.is_empty() {
        let accounts: Map<String, Value> = plan
            .accounts
            .iter()
            .map(|(p, list)| {
                (
                    p.id().to_owned(),
                    list.iter().map(|a| Value::from(a.as_str())).collect(),
                )
            })
            .collect();
        map.insert("accounts".into(), Value::Object(accounts));
    }
    map.insert("delivery".into(), Value::from(plan.delivery.id()));
    if !plan.rules.is_empty() {
        map.insert("match".into(), plan.rules.iter().map(rule_value).collect());
    }
    for (key, refs) in [("include", &plan.include), ("exclude", &plan.exclude)] {
        if !refs.is_empty() {
            map.insert(
                key.into(),
                serde_json::to_value(refs).unwrap_or(Value::Null),
            );
        }
    }
    if let Some(currency) = &plan.currency {
        map.insert(
            "currency".into(),
            serde_json::to_value(currency).unwrap_or(Value::Null),
        );
    }
    if !plan.kpis.is_empty() {
        map.insert(
            "kpis".into(),
            plan.kpis.iter().map(|k| kpi_value(k, plan)).collect(),
        );
    }
    map
}

fn rule_value(rule: &Rule) -> Value {
    let mut map = Map::new();
    match rule {
        Rule::Hashtag(tag) => {
            map.insert("hashtag".into(), Value::from(tag.as_str()));
        }
        Rule::Keyword(words) => {
            map.insert("keyword".into(), Value::from(words.as_str()));
        }
        Rule::Link(link) => {
            map.insert("link".into(), Value::from(link.as_str()));
        }
        Rule::Utm(pairs) => {
            let pairs: Map<String, Value> = pairs
                .iter()
                .map(|(k, v)| (k.clone(), Value::from(v.as_str())))
                .collect();
            map.insert("utm".into(), Value::Object(pairs));
        }
        Rule::AdName {
            name,
            level,
            contains,
        } => {
            map.insert("ad_name".into(), Value::from(name.as_str()));
            if let Some(level) = level {
                map.insert("level".into(), Value::from(level.id()));
            }
            if *contains {
                map.insert("contains".into(), Value::Bool(true));
            }
        }
        Rule::AdId { id, level } => {
            map.insert("ad_id".into(), Value::from(id.as_str()));
            if let Some(level) = level {
                map.insert("level".into(), Value::from(level.id()));
            }
        }
    }
    Value::Object(map)
}

fn kpi_value(campaign_kpi: &CampaignKpi, plan: &CampaignPlan) -> Value {
    let kpi = &campaign_kpi.kpi;
    let mut map = Map::new();
    map.insert("id".into(), Value::from(kpi.id.as_str()));
    if let Some(title) = &kpi.title {
        map.insert("title".into(), Value::from(title.as_str()));
    }
    map.insert("metric".into(), Value::from(kpi.metric.to_string()));
    let platforms = kpi.platforms.platforms();
    if platforms != plan.platforms {
        map.insert(
            "platforms".into(),
            platforms.iter().map(|p| Value::from(p.id())).collect(),
        );
    }
    let distribution = serde_json::to_value(kpi.distribution).unwrap_or(Value::Null);
    map.insert("distribution".into(), distribution);
    map.insert("aggregation".into(), Value::from(kpi.aggregation.id()));
    map.insert("target".into(), number_value(kpi.target));
    if let Some(baseline) = kpi.baseline {
        map.insert("baseline".into(), number_value(baseline));
    }
    map.insert("direction".into(), Value::from(kpi.direction.id()));
    if matches!(
        kpi.metric.canonical(),
        Some(CanonicalMetric::Cpc | CanonicalMetric::Ctr)
    ) {
        map.insert("clicks".into(), Value::from(campaign_kpi.clicks.id()));
    }
    for (key, text) in [("owner", &kpi.owner), ("note", &kpi.note)] {
        if let Some(text) = text {
            map.insert(key.into(), Value::from(text.as_str()));
        }
    }
    Value::Object(map)
}

/// A number as JSON: integers without a fractional part.
fn number_value(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9e15 {
        // Exact: the value is an integer well inside i64's range.
        #[allow(clippy::cast_possible_truncation)]
        Value::from(value as i64)
    } else {
        Value::from(value)
    }
}

/// Walks campaign objects, collecting problems.
#[derive(Default)]
struct PlanReader {
    problems: Vec<Problem>,
}

/// A value as shown in a problem: JSON text, shortened.
fn shown(value: Option<&Value>) -> String {
    let Some(value) = value else {
        return "(missing)".to_owned();
    };
    let text = value.to_string();
    if text.chars().count() > 80 {
        let short: String = text.chars().take(77).collect();
        format!("{short}...")
    } else {
        text
    }
}

fn join(path: &str, key: &str) -> String {
    format!("{path}.{key}")
}

fn platform_list() -> String {
    Platform::ALL
        .iter()
        .map(|p| format!("\"{}\"", p.id()))
        .collect::<Vec<_>>()
        .join(", ")
}

impl PlanReader {
    fn problem(
        &mut self,
        path: &str,
        value: Option<&Value>,
        why: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.problems.push(Problem {
            path: path.to_owned(),
            value: shown(value),
            why: why.into(),
            fix: fix.into(),
        });
    }

    fn plan(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        campaign: Option<&Campaign>,
    ) -> Option<CampaignPlan> {
        let platforms = self.platforms(map.get("platforms"), &join(path, "platforms"), None);
        let accounts = self.accounts(map, path, platforms.as_deref());
        let delivery = match map.get("delivery") {
            None | Some(Value::Null) => Some(Delivery::Both),
            Some(Value::String(text)) if text == "organic" => Some(Delivery::Organic),
            Some(Value::String(text)) if text == "paid" => Some(Delivery::Paid),
            Some(Value::String(text)) if text == "both" => Some(Delivery::Both),
            found => {
                self.problem(
                    &join(path, "delivery"),
                    found,
                    "unknown delivery",
                    "use \"organic\" (posts), \"paid\" (ads) or \"both\"",
                );
                None
            }
        };
        let rules = self.rules(map, path);
        let include = self.refs(map, path, "include");
        let exclude = self.refs(map, path, "exclude");
        let currency = self.currency(map, path);
        if let (Some(rules), Some(include)) = (&rules, &include) {
            if rules.is_empty() && include.is_empty() {
                self.problem(
                    &join(path, "match"),
                    map.get("match"),
                    "the campaign has no rule and no hand-picked post, so no content can belong to it",
                    "add \"match\": [ { \"hashtag\": \"...\" } ] or \"include\": [ { \"platform\": \"...\", \"id\": \"...\" } ]",
                );
            }
            if let Some(delivery) = delivery {
                self.check_rules_fit(map, path, rules, include, delivery);
            }
        }
        let kpis = self.kpis(map, path, campaign, platforms.as_deref());
        let campaign = campaign?;
        Some(CampaignPlan {
            id: campaign.id.clone(),
            name: campaign.name.clone(),
            dates: campaign.dates,
            platforms: platforms?,
            accounts: accounts?,
            delivery: delivery?,
            rules: rules?,
            include: include?,
            exclude: exclude?,
            currency: currency?,
            kpis: kpis?,
        })
    }

    /// A list of platforms; within `allowed` when given.
    fn platforms(
        &mut self,
        value: Option<&Value>,
        path: &str,
        allowed: Option<&[Platform]>,
    ) -> Option<Vec<Platform>> {
        let Some(Value::Array(items)) = value else {
            self.problem(
                path,
                value,
                "\"platforms\" must be a non-empty list of platforms",
                format!(
                    "write a list such as [\"linkedin\", \"instagram\"] from {}",
                    platform_list()
                ),
            );
            return None;
        };
        if items.is_empty() {
            self.problem(
                path,
                value,
                "the list of platforms is empty",
                "name at least one platform",
            );
            return None;
        }
        let mut platforms = Vec::new();
        let mut valid = true;
        for (index, item) in items.iter().enumerate() {
            let item_path = format!("{path}[{index}]");
            match item.as_str().and_then(|id| id.parse::<Platform>().ok()) {
                Some(platform) if platforms.contains(&platform) => {
                    self.problem(
                        &item_path,
                        Some(item),
                        "the platform is listed twice",
                        "remove one",
                    );
                    valid = false;
                }
                Some(platform) if allowed.is_some_and(|a| !a.contains(&platform)) => {
                    self.problem(
                        &item_path,
                        Some(item),
                        "the campaign does not run on this platform",
                        "add it to the campaign's \"platforms\" or remove it here",
                    );
                    valid = false;
                }
                Some(platform) => platforms.push(platform),
                None => {
                    self.problem(
                        &item_path,
                        Some(item),
                        "unknown platform",
                        format!("use one of {}", platform_list()),
                    );
                    valid = false;
                }
            }
        }
        platforms.sort();
        valid.then_some(platforms)
    }

    fn accounts(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        platforms: Option<&[Platform]>,
    ) -> Option<BTreeMap<Platform, Vec<String>>> {
        let path = join(path, "accounts");
        let value = map.get("accounts");
        let object = match value {
            None | Some(Value::Null) => return Some(BTreeMap::new()),
            Some(Value::Object(object)) => object,
            Some(other) => {
                self.problem(
                    &path,
                    Some(other),
                    "\"accounts\" must be an object of platform → list of account ids",
                    "write { \"linkedin\": [\"12345\"] }",
                );
                return None;
            }
        };
        let mut accounts = BTreeMap::new();
        let mut valid = true;
        for (key, list) in object {
            let entry_path = join(&path, key);
            let Ok(platform) = key.parse::<Platform>() else {
                self.problem(
                    &entry_path,
                    Some(list),
                    format!("unknown platform \"{key}\""),
                    format!("use one of {}", platform_list()),
                );
                valid = false;
                continue;
            };
            if platforms.is_some_and(|p| !p.contains(&platform)) {
                self.problem(
                    &entry_path,
                    Some(list),
                    "the campaign does not run on this platform",
                    "add it to \"platforms\" or remove these accounts",
                );
                valid = false;
                continue;
            }
            let ids: Option<Vec<String>> = list.as_array().and_then(|items| {
                items
                    .iter()
                    .map(|item| {
                        item.as_str()
                            .map(str::trim)
                            .filter(|t| !t.is_empty() && t.chars().count() <= MAX_TEXT_CHARS)
                            .map(str::to_owned)
                    })
                    .collect()
            });
            match ids {
                Some(ids) if !ids.is_empty() => {
                    accounts.insert(platform, ids);
                }
                _ => {
                    self.problem(
                        &entry_path,
                        Some(list),
                        "must be a non-empty list of account ids as text",
                        "write [\"12345\"] (the account as the platform names it)",
                    );
                    valid = false;
                }
            }
        }
        valid.then_some(accounts)
    }

    fn rules(&mut self, map: &Map<String, Value>, path: &str) -> Option<Vec<Rule>> {
        let path = join(path, "match");
        let items = match map.get("match") {
            None | Some(Value::Null) => return Some(Vec::new()),
            Some(Value::Array(items)) if items.len() <= MAX_RULES => items,
            Some(Value::Array(_)) => {
                self.problem(
                    &path,
                    map.get("match"),
                    format!("more than {MAX_RULES} rules"),
                    "combine rules, or split the campaign",
                );
                return None;
            }
            Some(other) => {
                self.problem(
                    &path,
                    Some(other),
                    "\"match\" must be a list of rules",
                    "write [ { \"hashtag\": \"...\" } ]",
                );
                return None;
            }
        };
        let mut rules = Vec::new();
        let mut valid = true;
        for (index, item) in items.iter().enumerate() {
            match self.rule(item, &format!("{path}[{index}]")) {
                Some(rule) if rules.contains(&rule) => {
                    self.problem(
                        &format!("{path}[{index}]"),
                        Some(item),
                        "the same rule is listed twice",
                        "remove one",
                    );
                    valid = false;
                }
                Some(rule) => rules.push(rule),
                None => valid = false,
            }
        }
        valid.then_some(rules)
    }

    fn rule(&mut self, value: &Value, path: &str) -> Option<Rule> {
        const KINDS: &[&str] = &["hashtag", "keyword", "link", "utm", "ad_name", "ad_id"];
        let kinds_text = "\"hashtag\", \"keyword\", \"link\", \"utm\", \"ad_name\" or \"ad_id\"";
        let Some(map) = value.as_object() else {
            self.problem(
                path,
                Some(value),
                "a rule must be a JSON object",
                format!("write {{ \"hashtag\": \"...\" }} with one of {kinds_text}"),
            );
            return None;
        };
        let present: Vec<&str> = KINDS
            .iter()
            .copied()
            .filter(|k| map.contains_key(*k))
            .collect();
        let kind = match present.as_slice() {
            [one] => *one,
            [] => {
                self.problem(
                    path,
                    Some(value),
                    "the rule says nothing to match",
                    format!("use one of {kinds_text}"),
                );
                return None;
            }
            _ => {
                self.problem(
                    path,
                    Some(value),
                    "a rule matches one thing",
                    "write one rule per object; any rule matching is enough",
                );
                return None;
            }
        };
        let modifiers: &[&str] = match kind {
            "ad_name" => &["level", "contains"],
            "ad_id" => &["level"],
            _ => &[],
        };
        for key in map.keys() {
            if key != kind && !modifiers.contains(&key.as_str()) {
                self.problem(
                    &join(path, key),
                    map.get(key),
                    format!("a {kind} rule has no field \"{key}\""),
                    "remove it",
                );
                return None;
            }
        }
        let field = join(path, kind);
        let found = map.get(kind);
        let text = |reader: &mut PlanReader, limit: usize| -> Option<String> {
            match found.and_then(Value::as_str).map(str::trim) {
                Some(text) if !text.is_empty() && text.chars().count() <= limit => {
                    Some(text.to_owned())
                }
                _ => {
                    reader.problem(
                        &field,
                        found,
                        format!("the {kind} must be non-empty text of at most {limit} characters"),
                        "write it in quotes",
                    );
                    None
                }
            }
        };
        match kind {
            "hashtag" => {
                let tag = text(self, MAX_TEXT_CHARS)?;
                let tag = tag.trim_start_matches('#').to_owned();
                if tag.is_empty() || !tag.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    self.problem(
                        &field,
                        found,
                        "a hashtag is one word of letters, digits and '_'",
                        "write it like \"OpenDay2027\" (the # may be left out)",
                    );
                    return None;
                }
                Some(Rule::Hashtag(tag))
            }
            "keyword" => text(self, MAX_TEXT_CHARS).map(Rule::Keyword),
            "link" => {
                let link = text(self, 2000)?;
                if link.chars().any(char::is_whitespace) {
                    self.problem(
                        &field,
                        found,
                        "a link has no spaces",
                        "write the address, like \"acme.nl/open-day\"",
                    );
                    return None;
                }
                Some(Rule::Link(link))
            }
            "utm" => self.utm(found, &field),
            "ad_name" => {
                let name = text(self, MAX_TEXT_CHARS)?;
                let level = self.level(map, path)?;
                let contains = match map.get("contains") {
                    None => false,
                    Some(Value::Bool(flag)) => *flag,
                    Some(other) => {
                        self.problem(
                            &join(path, "contains"),
                            Some(other),
                            "\"contains\" is true or false",
                            "write true to match names containing the text",
                        );
                        return None;
                    }
                };
                Some(Rule::AdName {
                    name,
                    level,
                    contains,
                })
            }
            _ => {
                let id = match found {
                    Some(Value::Number(number)) => {
                        self.problem(
                            &field,
                            found,
                            "an id is text: as a number, long ids lose digits",
                            format!("write it in quotes: \"{number}\""),
                        );
                        return None;
                    }
                    _ => text(self, MAX_TEXT_CHARS)?,
                };
                let level = self.level(map, path)?;
                Some(Rule::AdId { id, level })
            }
        }
    }

    /// An optional `level`; `Some(None)` when absent, `None` when invalid.
    fn level(&mut self, map: &Map<String, Value>, path: &str) -> Option<Option<AdLevel>> {
        match map.get("level") {
            None | Some(Value::Null) => Some(None),
            Some(Value::String(text)) => match AdLevel::ALL.into_iter().find(|l| l.id() == text) {
                Some(level) => Some(Some(level)),
                None => {
                    self.problem(
                        &join(path, "level"),
                        map.get("level"),
                        "unknown ad manager level",
                        "use \"campaign\", \"ad_set\" or \"ad\"",
                    );
                    None
                }
            },
            Some(other) => {
                self.problem(
                    &join(path, "level"),
                    Some(other),
                    "\"level\" must be text",
                    "use \"campaign\", \"ad_set\" or \"ad\"",
                );
                None
            }
        }
    }

    fn utm(&mut self, found: Option<&Value>, path: &str) -> Option<Rule> {
        let Some(Value::Object(pairs)) = found else {
            self.problem(
                path,
                found,
                "\"utm\" must be an object of UTM parameters",
                "write { \"utm_campaign\": \"openday27\" }",
            );
            return None;
        };
        if pairs.is_empty() {
            self.problem(
                path,
                found,
                "no UTM parameter is given",
                "write { \"utm_campaign\": \"openday27\" }",
            );
            return None;
        }
        let mut out = Vec::new();
        for (key, value) in pairs {
            let key_lower = key.trim().to_ascii_lowercase();
            let text = value
                .as_str()
                .map(str::trim)
                .filter(|t| !t.is_empty() && t.chars().count() <= MAX_TEXT_CHARS);
            if !key_lower.starts_with("utm_") || key_lower.len() <= 4 {
                self.problem(
                    &join(path, key),
                    Some(value),
                    "UTM parameters are named utm_…",
                    "use utm_campaign, utm_source, utm_medium, utm_content or utm_term",
                );
                return None;
            }
            let Some(text) = text else {
                self.problem(
                    &join(path, key),
                    Some(value),
                    "the parameter's value must be non-empty text",
                    "write the value as it appears in the link",
                );
                return None;
            };
            out.push((key_lower, text.to_owned()));
        }
        Some(Rule::Utm(out))
    }

    fn refs(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<Vec<EntityRef>> {
        let path = join(path, key);
        let items = match map.get(key) {
            None | Some(Value::Null) => return Some(Vec::new()),
            Some(Value::Array(items)) if items.len() <= MAX_REFS => items,
            found => {
                self.problem(
                    &path,
                    found,
                    format!("\"{key}\" must be a list of at most {MAX_REFS} posts or ads"),
                    "write [ { \"platform\": \"linkedin\", \"id\": \"urn:li:activity:…\" } ]",
                );
                return None;
            }
        };
        let mut refs = Vec::new();
        let mut valid = true;
        for (index, item) in items.iter().enumerate() {
            let item_path = format!("{path}[{index}]");
            let Some(entry) = item.as_object() else {
                self.problem(
                    &item_path,
                    Some(item),
                    "must be an object",
                    "write { \"platform\": \"x\", \"id\": \"…\" }",
                );
                valid = false;
                continue;
            };
            if let Some(extra) = entry
                .keys()
                .find(|k| !["platform", "id", "scope"].contains(&k.as_str()))
            {
                self.problem(
                    &join(&item_path, extra),
                    entry.get(extra),
                    format!("a hand-picked item has no field \"{extra}\""),
                    "use \"platform\", \"id\" and optionally \"scope\"",
                );
                valid = false;
                continue;
            }
            let platform = entry
                .get("platform")
                .and_then(Value::as_str)
                .and_then(|p| p.parse::<Platform>().ok());
            if platform.is_none() {
                self.problem(
                    &join(&item_path, "platform"),
                    entry.get("platform"),
                    "unknown or missing platform",
                    format!("use one of {}", platform_list()),
                );
            }
            let id = match entry.get("id") {
                Some(Value::String(id)) if !id.trim().is_empty() && id.chars().count() <= 500 => {
                    Some(id.trim().to_owned())
                }
                Some(Value::Number(number)) => {
                    self.problem(
                        &join(&item_path, "id"),
                        entry.get("id"),
                        "an id is text: as a number, long ids lose digits",
                        format!("write it in quotes: \"{number}\""),
                    );
                    None
                }
                found => {
                    self.problem(
                        &join(&item_path, "id"),
                        found,
                        "the post or ad id is required",
                        "copy the id as the platform shows it",
                    );
                    None
                }
            };
            let scope = match entry.get("scope") {
                None | Some(Value::Null) => Some(None),
                Some(found) => match serde_json::from_value::<Scope>(found.clone()) {
                    Ok(Scope::Account) | Err(_) => {
                        self.problem(
                            &join(&item_path, "scope"),
                            Some(found),
                            "unknown scope",
                            "use \"post\", \"campaign\", \"ad_set\" or \"ad\"",
                        );
                        None
                    }
                    Ok(scope) => Some(Some(scope)),
                },
            };
            match (platform, id, scope) {
                (Some(platform), Some(id), Some(scope)) => refs.push(EntityRef {
                    platform,
                    id,
                    scope,
                }),
                _ => valid = false,
            }
        }
        valid.then_some(refs)
    }

    fn currency(&mut self, map: &Map<String, Value>, path: &str) -> Option<Option<CurrencyPlan>> {
        let path = join(path, "currency");
        let value = match map.get("currency") {
            None | Some(Value::Null) => return Some(None),
            Some(Value::Object(value)) => value,
            Some(other) => {
                self.problem(
                    &path,
                    Some(other),
                    "\"currency\" must be an object",
                    "write { \"report\": \"EUR\", \"rates\": { \"USD\": 0.92 } }",
                );
                return None;
            }
        };
        if let Some(extra) = value
            .keys()
            .find(|k| !["report", "rates"].contains(&k.as_str()))
        {
            self.problem(
                &join(&path, extra),
                value.get(extra),
                format!("\"currency\" has no field \"{extra}\""),
                "use \"report\" and \"rates\"",
            );
            return None;
        }
        let is_code = |text: &str| text.len() == 3 && text.chars().all(|c| c.is_ascii_uppercase());
        let report = match value.get("report").and_then(Value::as_str) {
            Some(code) if is_code(code) => Some(code.to_owned()),
            _ => {
                self.problem(
                    &join(&path, "report"),
                    value.get("report"),
                    "the report currency must be an ISO 4217 code",
                    "write three capital letters, like \"EUR\"",
                );
                None
            }
        };
        let mut rates = BTreeMap::new();
        let mut valid = true;
        if let Some(found) = value.get("rates") {
            let Some(entries) = found.as_object() else {
                self.problem(
                    &join(&path, "rates"),
                    Some(found),
                    "\"rates\" must be an object of currency → rate",
                    "write { \"USD\": 0.92 } (one dollar is 0.92 of the report currency)",
                );
                return None;
            };
            for (code, rate) in entries {
                let rate_path = join(&join(&path, "rates"), code);
                let number = rate
                    .as_f64()
                    .filter(|r| r.is_finite() && *r > 0.0 && *r < 1e9);
                if !is_code(code) {
                    self.problem(
                        &rate_path,
                        Some(rate),
                        format!("\"{code}\" is not an ISO 4217 code"),
                        "write three capital letters, like \"USD\"",
                    );
                    valid = false;
                } else if report.as_deref() == Some(code.as_str()) {
                    self.problem(
                        &rate_path,
                        Some(rate),
                        "a rate from the report currency to itself",
                        "remove it (it is always 1)",
                    );
                    valid = false;
                } else if let Some(number) = number {
                    rates.insert(code.clone(), number);
                } else {
                    self.problem(
                        &rate_path,
                        Some(rate),
                        "a rate must be a positive number",
                        "write how much of the report currency one unit is worth, like 0.92",
                    );
                    valid = false;
                }
            }
        }
        let report = report?;
        valid.then_some(Some(CurrencyPlan { report, rates }))
    }

    /// Refuses rule sets that cannot match the content the campaign counts.
    fn check_rules_fit(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        rules: &[Rule],
        include: &[EntityRef],
        delivery: Delivery,
    ) {
        if rules.is_empty() {
            return;
        }
        let any_text = rules.iter().any(Rule::reads_text);
        let any_ad = rules.iter().any(|r| !r.reads_text());
        let includes_posts = include
            .iter()
            .any(|r| r.scope.is_none_or(|s| s == Scope::Post));
        let includes_ads = include.iter().any(|r| r.scope.is_none_or(Scope::is_ad));
        if delivery == Delivery::Organic && !any_text && !includes_posts {
            self.problem(&join(path, "match"), map.get("match"), "an organic campaign counts posts, but these rules only match ad manager entities", "add a hashtag, keyword, link or UTM rule, or set \"delivery\": \"paid\" or \"both\"");
        }
        if delivery == Delivery::Paid && !any_ad && !includes_ads {
            self.problem(&join(path, "match"), map.get("match"), "a paid campaign counts ad manager entities, which are matched by \"ad_name\" or \"ad_id\", but these rules only read post text", "add an \"ad_name\" or \"ad_id\" rule, or set \"delivery\": \"organic\" or \"both\"");
        }
    }

    fn kpis(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        campaign: Option<&Campaign>,
        platforms: Option<&[Platform]>,
    ) -> Option<Vec<CampaignKpi>> {
        let path = join(path, "kpis");
        let items = match map.get("kpis") {
            None | Some(Value::Null) => return Some(Vec::new()),
            Some(Value::Array(items)) if items.len() <= MAX_KPIS => items,
            found => {
                self.problem(&path, found, format!("\"kpis\" must be a list of at most {MAX_KPIS} KPIs"), "write [ { \"id\": \"...\", \"metric\": \"impressions\", \"target\": 100000 } ]");
                return None;
            }
        };
        let mut kpis: Vec<CampaignKpi> = Vec::new();
        let mut valid = true;
        for (index, item) in items.iter().enumerate() {
            let item_path = format!("{path}[{index}]");
            match self.kpi(item, &item_path, campaign, platforms) {
                Some(kpi) if kpis.iter().any(|k| k.kpi.id == kpi.kpi.id) => {
                    self.problem(
                        &join(&item_path, "id"),
                        item.get("id"),
                        "another KPI of the campaign has the same id",
                        "give each KPI its own id",
                    );
                    valid = false;
                }
                Some(kpi) => kpis.push(kpi),
                None => valid = false,
            }
        }
        valid.then_some(kpis)
    }

    fn kpi(
        &mut self,
        value: &Value,
        path: &str,
        campaign: Option<&Campaign>,
        campaign_platforms: Option<&[Platform]>,
    ) -> Option<CampaignKpi> {
        const KNOWN: &[&str] = &[
            "id",
            "title",
            "metric",
            "platforms",
            "distribution",
            "aggregation",
            "target",
            "baseline",
            "direction",
            "clicks",
            "owner",
            "note",
        ];
        let Some(map) = value.as_object() else {
            self.problem(
                path,
                Some(value),
                "a KPI must be a JSON object",
                "write { \"id\": \"...\", \"metric\": \"impressions\", \"target\": 100000 }",
            );
            return None;
        };
        let mut valid = true;
        if let Some(extra) = map.keys().find(|k| !KNOWN.contains(&k.as_str())) {
            self.problem(
                &join(path, extra),
                map.get(extra),
                format!("a campaign KPI has no field \"{extra}\""),
                format!("use only {}", KNOWN.join(", ")),
            );
            valid = false;
        }
        let id = self.id(map, path);
        let title = self.optional_text(map, path, "title");
        let owner = self.optional_text(map, path, "owner");
        let note = self.optional_text(map, path, "note");
        let metric = self.metric(map, path);
        let platforms = match map.get("platforms") {
            None | Some(Value::Null) => campaign_platforms.map(<[Platform]>::to_vec),
            found => campaign_platforms
                .and_then(|allowed| self.platforms(found, &join(path, "platforms"), Some(allowed))),
        };
        let distribution = match map.get("distribution") {
            None | Some(Value::Null) => Some(Distribution::Total),
            Some(found) => match serde_json::from_value::<Distribution>(found.clone()) {
                Ok(distribution) => Some(distribution),
                Err(_) => {
                    self.problem(
                        &join(path, "distribution"),
                        Some(found),
                        "unknown distribution",
                        "use \"organic\" (posts), \"paid\" (ads) or \"total\" (both)",
                    );
                    None
                }
            },
        };
        let aggregation = match map.get("aggregation") {
            None | Some(Value::Null) => metric.as_ref().map(measure::default_aggregation),
            Some(found) => match found.as_str().and_then(Aggregation::from_id) {
                Some(aggregation) => Some(aggregation),
                None => {
                    self.problem(
                        &join(path, "aggregation"),
                        Some(found),
                        "unknown aggregation",
                        "use \"sum\", \"average\", \"latest\" or \"rate\"",
                    );
                    None
                }
            },
        };
        let direction = match map.get("direction") {
            None | Some(Value::Null) => metric.as_ref().map(measure::default_direction),
            Some(found) => match found.as_str().and_then(Direction::from_id) {
                Some(direction) => Some(direction),
                None => {
                    self.problem(
                        &join(path, "direction"),
                        Some(found),
                        "unknown direction",
                        "use \"higher\" or \"lower\"",
                    );
                    None
                }
            },
        };
        let target = self.number(map, path, "target", true);
        let baseline = self.number(map, path, "baseline", false);
        let clicks = match map.get("clicks") {
            None | Some(Value::Null) => Some(ClickKind::Link),
            Some(Value::String(text)) if text == "link" => Some(ClickKind::Link),
            Some(Value::String(text)) if text == "all" => Some(ClickKind::All),
            found => {
                self.problem(
                    &join(path, "clicks"),
                    found,
                    "unknown kind of clicks",
                    "use \"link\" (clicks to a URL) or \"all\"",
                );
                None
            }
        };
        if let Some(metric) = &metric {
            valid &= self.check_kpi_metric(
                map,
                path,
                metric,
                aggregation,
                platforms.as_deref(),
                distribution,
                target,
            );
        }
        if !valid {
            return None;
        }
        let campaign = campaign?;
        let kpi = Kpi {
            id: id?,
            title,
            metric: metric?,
            platforms: PlatformScope::only(platforms?),
            account: None,
            distribution: distribution?,
            aggregation: aggregation?,
            period: PeriodSpec::Campaign(campaign.id.clone()),
            target: target?,
            baseline,
            direction: direction?,
            owner,
            note,
        };
        Some(CampaignKpi {
            kpi,
            clicks: clicks?,
        })
    }

    /// The checks across a KPI's fields; true when they pass.
    #[allow(clippy::too_many_arguments)]
    fn check_kpi_metric(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        metric: &Metric,
        aggregation: Option<Aggregation>,
        platforms: Option<&[Platform]>,
        distribution: Option<Distribution>,
        target: Option<f64>,
    ) -> bool {
        let before = self.problems.len();
        if let Some(aggregation) = aggregation {
            if let Err(misfit) = measure::check_aggregation(metric, aggregation) {
                let shown_value = map
                    .get("aggregation")
                    .cloned()
                    .unwrap_or(Value::from(aggregation.id()));
                self.problem(
                    &join(path, "aggregation"),
                    Some(&shown_value),
                    misfit.why,
                    misfit.fix,
                );
            }
            if let Some(platforms) = platforms {
                if let Err(misfit) =
                    measure::check_platform_mix(metric, aggregation, platforms.len())
                {
                    self.problem(
                        &join(path, "platforms"),
                        map.get("platforms"),
                        misfit.why,
                        misfit.fix,
                    );
                }
            }
        }
        if let (Metric::Platform { platform, .. }, Some(platforms)) = (metric, platforms) {
            if platforms != [*platform] {
                self.problem(
                    &join(path, "platforms"),
                    map.get("platforms"),
                    format!(
                        "{metric} is {}'s own figure and cannot be counted on other platforms",
                        platform.display_name()
                    ),
                    format!("set \"platforms\": [\"{}\"]", platform.id()),
                );
            }
        }
        let is_money = matches!(
            metric.canonical(),
            Some(
                CanonicalMetric::Spend
                    | CanonicalMetric::Cpm
                    | CanonicalMetric::Cpc
                    | CanonicalMetric::CostPerResult
            )
        );
        if is_money && distribution == Some(Distribution::Organic) {
            self.problem(
                &join(path, "distribution"),
                map.get("distribution"),
                format!("{metric} is money spent on ads; organic posts have none"),
                "set \"distribution\": \"paid\" or \"total\"",
            );
        }
        if map.contains_key("clicks")
            && !matches!(
                metric.canonical(),
                Some(CanonicalMetric::Cpc | CanonicalMetric::Ctr)
            )
        {
            self.problem(
                &join(path, "clicks"),
                map.get("clicks"),
                "\"clicks\" applies to cpc and ctr only",
                "remove it",
            );
        }
        if let Some(target) = target {
            if target < 0.0 && measure::is_non_negative(metric) {
                self.problem(
                    &join(path, "target"),
                    map.get("target"),
                    format!("{metric} is never negative"),
                    "write a number of 0 or more",
                );
            } else if target > 1.0 && measure::is_fraction_of_one(metric) {
                self.problem(
                    &join(path, "target"),
                    map.get("target"),
                    format!(
                        "{metric} is a fraction: {target} would mean {}%",
                        target * 100.0
                    ),
                    format!(
                        "write a percentage as a fraction: {target}% is {}",
                        target / 100.0
                    ),
                );
            }
        }
        self.problems.len() == before
    }

    fn id(&mut self, map: &Map<String, Value>, path: &str) -> Option<String> {
        let found = map.get("id");
        match found.and_then(Value::as_str).map(str::trim) {
            Some(id)
                if !id.is_empty()
                    && id.chars().count() <= MAX_ID_CHARS
                    && id.chars().all(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'
                    }) =>
            {
                Some(id.to_owned())
            }
            _ => {
                self.problem(&join(path, "id"), found, format!("an id is required: at most {MAX_ID_CHARS} lower-case letters a-z, digits, '-' and '_'"), "write an id like \"od-impressions\"");
                None
            }
        }
    }

    fn optional_text(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<String> {
        match map.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(text)) if text.trim().chars().count() <= MAX_TEXT_CHARS * 20 => {
                Some(text.trim().to_owned()).filter(|t| !t.is_empty())
            }
            found => {
                self.problem(
                    &join(path, key),
                    found,
                    format!("\"{key}\" must be text"),
                    "write it in quotes, or remove it",
                );
                None
            }
        }
    }

    fn metric(&mut self, map: &Map<String, Value>, path: &str) -> Option<Metric> {
        let found = map.get("metric");
        let text = found.and_then(Value::as_str).unwrap_or_default();
        match text.parse::<Metric>() {
            Ok(metric) => Some(metric),
            Err(_) => {
                let near = CanonicalMetric::ALL.iter().map(|m| m.id()).find(|id| {
                    id.starts_with(text) || text.starts_with(id) || edit_distance(text, id) <= 2
                });
                let fix = match near {
                    Some(near) if !text.is_empty() => format!("did you mean \"{near}\"?"),
                    _ => "use a canonical metric such as \"impressions\", \"engagements\", \"link_clicks\", \"spend\" or \"cpc\" (see docs/metrics.md)".to_owned(),
                };
                self.problem(&join(path, "metric"), found, "unknown metric", fix);
                None
            }
        }
    }

    fn number(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        required: bool,
    ) -> Option<f64> {
        match map.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.problem(
                        &join(path, key),
                        None,
                        format!("\"{key}\" is required"),
                        format!("add \"{key}\": a number"),
                    );
                }
                None
            }
            Some(Value::Number(number)) => match number.as_f64() {
                Some(value) if value.is_finite() && value.abs() <= 1e15 => Some(value),
                _ => {
                    self.problem(
                        &join(path, key),
                        map.get(key),
                        "is too large",
                        "check the number",
                    );
                    None
                }
            },
            found => {
                self.problem(
                    &join(path, key),
                    found,
                    "must be a number",
                    "write a number without quotes, a percentage as a fraction (4% is 0.04)",
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_of_metric_names_are_found() {
        assert_eq!(edit_distance("impresions", "impressions"), 1);
        assert_eq!(edit_distance("cpc", "cpm"), 1);
        assert!(edit_distance("spending", "impressions") > 2);
    }

    #[test]
    fn numbers_are_written_back_as_written() {
        assert_eq!(number_value(250000.0), Value::from(250000));
        assert_eq!(number_value(0.8), Value::from(0.8));
    }
}
