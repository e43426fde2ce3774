//! The strategy file's fields and what each must hold: the schema and version, the
//! campaigns, the objectives and their KPIs, and the checks across fields that refuse a KPI
//! mixing incomparable figures (a platform's own metric across platforms, a sum of a level,
//! an average of a rate).
//!
//! Reading goes on past every problem, so the user sees them all at once. Nothing here
//! panics on any JSON; the primitives live in [`super::reader`].

use serde_json::{Map, Value};

use crate::metrics::{AmecStage, CanonicalMetric};
use crate::model::{Distribution, Metric, Platform};
use crate::strategy::file::{Problem, SCHEMA, VERSION};
use crate::strategy::measure;
use crate::strategy::model::{
    Aggregation, Campaign, Direction, Kpi, Objective, ObjectiveKind, PeriodSpec, PlatformScope,
    Strategy,
};
use crate::strategy::period::Cadence;
use crate::strategy::reader::{closest, join, quoted_list, Parsed, Reader, MAX_ID_CHARS};

const MAX_OBJECTIVES: usize = 100;
const MAX_KPIS_PER_OBJECTIVE: usize = 200;
const MAX_CAMPAIGNS: usize = 500;
const MAX_TEXT_CHARS: usize = 200;
const MAX_NOTE_CHARS: usize = 4000;

/// Reads a strategy from the file's JSON: what is valid, and every problem found.
pub(super) fn read(value: &Value) -> (Option<Strategy>, Vec<Problem>) {
    let mut reader = Reader::default();
    let strategy = reader.strategy(value);
    (strategy, reader.problems)
}

impl Reader {
    fn strategy(&mut self, value: &Value) -> Option<Strategy> {
        const KNOWN: &[&str] = &[
            "schema",
            "version",
            "name",
            "organisation",
            "note",
            "campaigns",
            "objectives",
        ];
        let map = self.object(value, "", "a strategy file", KNOWN)?;
        match map.get("schema") {
            Some(Value::String(schema)) if schema == SCHEMA => {}
            found => self.problem("schema", found, "this is not a Yardstick strategy file", format!("a strategy file starts with \"schema\": \"{SCHEMA}\"; choose the file Yardstick exported")),
        }
        match map.get("version") {
            Some(Value::Number(n)) if n.as_u64() == Some(VERSION) => {}
            Some(Value::Number(n)) if n.as_u64().is_some_and(|v| v > VERSION) => {
                self.problem("version", map.get("version"), format!("the file was written by a newer Yardstick (format version {n}; this one reads version {VERSION})"), "update Yardstick, or ask for the file exported from the same version");
            }
            found => self.problem(
                "version",
                found,
                format!("unknown format version; this Yardstick reads version {VERSION}"),
                format!("write \"version\": {VERSION}"),
            ),
        }
        let name = self.text(map, "", "name", true, MAX_TEXT_CHARS);
        let organisation = self.text(map, "", "organisation", false, MAX_TEXT_CHARS);
        let note = self.text(map, "", "note", false, MAX_NOTE_CHARS);

        let mut campaigns = Vec::new();
        for (index, item) in self
            .array(map, "", "campaigns", MAX_CAMPAIGNS)
            .iter()
            .enumerate()
        {
            let path = format!("campaigns[{index}]");
            if let Some(campaign) = self.campaign(item, &path) {
                if campaigns.iter().any(|c: &Campaign| c.id == campaign.id) {
                    self.problem(
                        &join(&path, "id"),
                        Some(&Value::String(campaign.id.clone())),
                        "another campaign has the same id",
                        "give each campaign its own id",
                    );
                } else {
                    campaigns.push(campaign);
                }
            }
        }
        if !map.contains_key("objectives") {
            self.problem(
                "objectives",
                None,
                "\"objectives\" is required",
                "add \"objectives\": [ ... ] (it may be empty)",
            );
        }
        let mut objectives = Vec::new();
        let mut kpi_ids: Vec<String> = Vec::new();
        for (index, item) in self
            .array(map, "", "objectives", MAX_OBJECTIVES)
            .iter()
            .enumerate()
        {
            let path = format!("objectives[{index}]");
            if let Some(objective) = self.objective(item, &path, &campaigns, &mut kpi_ids) {
                if objectives.iter().any(|o: &Objective| o.id == objective.id) {
                    self.problem(
                        &join(&path, "id"),
                        Some(&Value::String(objective.id.clone())),
                        "another objective has the same id",
                        "give each objective its own id",
                    );
                } else {
                    objectives.push(objective);
                }
            }
        }
        Some(Strategy {
            name: name?,
            organisation,
            note,
            campaigns,
            objectives,
        })
    }

    fn campaign(&mut self, value: &Value, path: &str) -> Option<Campaign> {
        let map = self.object(
            value,
            path,
            "a campaign",
            // The campaign's definition (issue #7) is read by `campaign::file`; its keys
            // are `campaign::file::PLAN_KEYS`, and tests/campaign_file.rs keeps them equal.
            &[
                "id",
                "name",
                "start",
                "end",
                "note",
                "platforms",
                "accounts",
                "delivery",
                "match",
                "include",
                "exclude",
                "currency",
                "kpis",
            ],
        )?;
        let id = self.id(map, path);
        let name = self.text(map, path, "name", true, MAX_TEXT_CHARS);
        let dates = self.date_range(map, path);
        let note = self.text(map, path, "note", false, MAX_NOTE_CHARS);
        Some(Campaign {
            id: id?,
            name: name?,
            dates: dates?,
            note,
        })
    }

    fn objective(
        &mut self,
        value: &Value,
        path: &str,
        campaigns: &[Campaign],
        kpi_ids: &mut Vec<String>,
    ) -> Option<Objective> {
        let map = self.object(
            value,
            path,
            "an objective",
            &["id", "kind", "amec_stage", "title", "note", "kpis"],
        )?;
        let id = self.id(map, path);
        let kind = match map.get("kind") {
            Some(Value::String(text)) if ObjectiveKind::from_id(text).is_some() => {
                ObjectiveKind::from_id(text)
            }
            found => {
                self.problem(
                    &join(path, "kind"),
                    found,
                    "unknown objective kind",
                    format!(
                        "use one of {}",
                        quoted_list(ObjectiveKind::ALL.iter().map(|k| k.id()))
                    ),
                );
                None
            }
        };
        if let (Some(kind), Some(stage)) = (kind, map.get("amec_stage")) {
            let expected = kind.amec_stage();
            if serde_json::to_value(expected).ok().as_ref() != Some(stage) {
                self.problem(
                    &join(path, "amec_stage"),
                    Some(stage),
                    format!(
                        "a {} objective sits at the AMEC stage \"{}\"",
                        kind.id(),
                        stage_id(expected)
                    ),
                    "remove \"amec_stage\" (it follows from \"kind\") or correct it",
                );
            }
        }
        let title = self.text(map, path, "title", true, MAX_TEXT_CHARS);
        let note = self.text(map, path, "note", false, MAX_NOTE_CHARS);
        let mut kpis = Vec::new();
        for (index, item) in self
            .array(map, path, "kpis", MAX_KPIS_PER_OBJECTIVE)
            .iter()
            .enumerate()
        {
            let kpi_path = format!("{path}.kpis[{index}]");
            if let Some(kpi) = self.kpi(item, &kpi_path, campaigns) {
                if kpi_ids.contains(&kpi.id) {
                    self.problem(
                        &join(&kpi_path, "id"),
                        Some(&Value::String(kpi.id.clone())),
                        "another KPI in the strategy has the same id",
                        "give each KPI its own id",
                    );
                } else {
                    kpi_ids.push(kpi.id.clone());
                    kpis.push(kpi);
                }
            }
        }
        Some(Objective {
            id: id?,
            kind: kind?,
            title: title?,
            note,
            kpis,
        })
    }

    fn kpi(&mut self, value: &Value, path: &str, campaigns: &[Campaign]) -> Option<Kpi> {
        const KNOWN: &[&str] = &[
            "id",
            "title",
            "metric",
            "platforms",
            "account",
            "distribution",
            "aggregation",
            "period",
            "target",
            "baseline",
            "direction",
            "owner",
            "note",
        ];
        let map = self.object(value, path, "a KPI", KNOWN)?;
        let id = self.id(map, path);
        let title = self.text(map, path, "title", false, MAX_TEXT_CHARS);
        let metric = self.metric(map, path);
        let platforms = self.platforms(map, path);
        let account = self.text(map, path, "account", false, MAX_TEXT_CHARS);
        let distribution = self.enumerated(
            map,
            path,
            "distribution",
            &[
                ("organic", Distribution::Organic),
                ("paid", Distribution::Paid),
                ("total", Distribution::Total),
            ],
        );
        let aggregation_ids: Vec<(&str, Aggregation)> =
            Aggregation::ALL.iter().map(|a| (a.id(), *a)).collect();
        let aggregation = self.enumerated(map, path, "aggregation", &aggregation_ids);
        let direction = self.enumerated(
            map,
            path,
            "direction",
            &[("higher", Direction::Higher), ("lower", Direction::Lower)],
        );
        let period = self.period(map, path, campaigns);
        let target = self.number(map, path, "target", true);
        let baseline = self.number(map, path, "baseline", false);
        let owner = self.text(map, path, "owner", false, MAX_TEXT_CHARS);
        let note = self.text(map, path, "note", false, MAX_NOTE_CHARS);

        let metric = metric?;
        let aggregation = match aggregation {
            Parsed::Given(aggregation) => Some(aggregation),
            Parsed::Absent => Some(measure::default_aggregation(&metric)),
            Parsed::Invalid => None,
        };
        if let Some(aggregation) = aggregation {
            if let Err(misfit) = measure::check_aggregation(&metric, aggregation) {
                let shown_value = map
                    .get("aggregation")
                    .cloned()
                    .unwrap_or(Value::String(aggregation.id().to_owned()));
                self.problem(
                    &join(path, "aggregation"),
                    Some(&shown_value),
                    misfit.why,
                    misfit.fix,
                );
            }
        }
        if let Some(platforms) = &platforms {
            let fits = self.check_platform_metric(map, path, &metric, platforms);
            if let (true, Some(aggregation)) = (fits, aggregation) {
                if let Err(misfit) =
                    measure::check_platform_mix(&metric, aggregation, platforms.platforms().len())
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
        for (key, number) in [("target", target), ("baseline", baseline)] {
            let Some(number) = number else { continue };
            if number < 0.0 && measure::is_non_negative(&metric) {
                self.problem(
                    &join(path, key),
                    map.get(key),
                    format!("{metric} is never negative"),
                    "write a number of 0 or more",
                );
            } else if number > 1.0
                && aggregation != Some(Aggregation::Latest)
                && measure::is_fraction_of_one(&metric)
            {
                self.problem(
                    &join(path, key),
                    map.get(key),
                    format!(
                        "{metric} is a fraction: {number} would mean {}%",
                        number * 100.0
                    ),
                    format!(
                        "write a percentage as a fraction: {}% is {}",
                        number,
                        number / 100.0
                    ),
                );
            }
        }
        Some(Kpi {
            id: id?,
            title,
            direction: direction.or_default(measure::default_direction(&metric))?,
            platforms: platforms?,
            account,
            distribution: distribution.or_default(Distribution::Total)?,
            aggregation: aggregation?,
            period: period?,
            target: target?,
            baseline,
            owner,
            note,
            metric,
        })
    }

    fn metric(&mut self, map: &Map<String, Value>, path: &str) -> Option<Metric> {
        let path = join(path, "metric");
        let value = map.get("metric");
        let Some(text) = value.and_then(Value::as_str) else {
            self.problem(&path, value, "\"metric\" must name a metric", "write a canonical metric such as \"impressions\" (see docs/metrics.md) or a platform's own as \"x:engagements\"");
            return None;
        };
        match text.parse::<Metric>() {
            Ok(metric) => Some(metric),
            Err(_) => {
                let ids: Vec<&str> = CanonicalMetric::ALL.iter().map(|m| m.id()).collect();
                let fix = match closest(text, &ids) {
                    Some(near) => format!("did you mean \"{near}\"?"),
                    None => "use a canonical metric (see docs/metrics.md) or a platform's own as \"platform:name\"".to_owned(),
                };
                self.problem(&path, value, "unknown metric", fix);
                None
            }
        }
    }

    fn platforms(&mut self, map: &Map<String, Value>, path: &str) -> Option<PlatformScope> {
        let path = join(path, "platforms");
        let value = map.get("platforms");
        let ids = quoted_list(Platform::ALL.iter().map(|p| p.id()));
        match value {
            Some(Value::String(text)) if text == "all" => Some(PlatformScope::All),
            Some(Value::String(text)) if Platform::ALL.iter().any(|p| p.id() == text) => {
                self.problem(
                    &path,
                    value,
                    "\"platforms\" is a list",
                    format!("write [\"{text}\"]"),
                );
                None
            }
            Some(Value::Array(items)) if !items.is_empty() => {
                let mut platforms = Vec::new();
                let mut valid = true;
                for (index, item) in items.iter().enumerate() {
                    match item.as_str().and_then(|id| id.parse::<Platform>().ok()) {
                        Some(platform) if platforms.contains(&platform) => {
                            self.problem(
                                &format!("{path}[{index}]"),
                                Some(item),
                                "the platform is listed twice",
                                "remove one",
                            );
                            valid = false;
                        }
                        Some(platform) => platforms.push(platform),
                        None => {
                            self.problem(
                                &format!("{path}[{index}]"),
                                Some(item),
                                "unknown platform",
                                format!("use one of {ids}"),
                            );
                            valid = false;
                        }
                    }
                }
                valid.then(|| PlatformScope::only(platforms))
            }
            _ => {
                self.problem(
                    &path,
                    value,
                    "\"platforms\" must be \"all\" or a non-empty list of platforms",
                    format!("write \"all\" or a list such as [\"linkedin\", \"x\"] from {ids}"),
                );
                None
            }
        }
    }

    /// Reports a platform's own metric counted on other platforms; true when it fits.
    fn check_platform_metric(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        metric: &Metric,
        platforms: &PlatformScope,
    ) -> bool {
        let Metric::Platform { platform, name } = metric else {
            return true;
        };
        if platforms == &PlatformScope::Only(vec![*platform]) {
            return true;
        }
        let canonical = CanonicalMetric::from_id(name)
            .map(|m| {
                format!(
                    ", or use the canonical metric \"{}\" to count all platforms alike",
                    m.id()
                )
            })
            .unwrap_or_default();
        self.problem(
            &join(path, "platforms"),
            map.get("platforms"),
            format!("{metric} is {}'s own figure, defined its own way; it cannot be compared with or added to other platforms' figures", platform.display_name()),
            format!("set \"platforms\": [\"{}\"]{canonical}", platform.id()),
        );
        false
    }

    fn enumerated<T: Copy>(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        options: &[(&str, T)],
    ) -> Parsed<T> {
        let value = map.get(key);
        match value {
            None | Some(Value::Null) => Parsed::Absent,
            Some(Value::String(text)) => match options.iter().find(|(id, _)| id == text) {
                Some((_, option)) => Parsed::Given(*option),
                None => {
                    self.problem(
                        &join(path, key),
                        value,
                        format!("unknown {key}"),
                        format!(
                            "use one of {}",
                            quoted_list(options.iter().map(|(id, _)| *id))
                        ),
                    );
                    Parsed::Invalid
                }
            },
            Some(other) => {
                self.problem(
                    &join(path, key),
                    Some(other),
                    format!("\"{key}\" must be text"),
                    format!(
                        "use one of {}",
                        quoted_list(options.iter().map(|(id, _)| *id))
                    ),
                );
                Parsed::Invalid
            }
        }
    }

    fn period(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        campaigns: &[Campaign],
    ) -> Option<PeriodSpec> {
        let path = join(path, "period");
        let value = map.get("period");
        let cadences = quoted_list(Cadence::ALL.iter().map(|c| c.id()));
        match value {
            Some(Value::String(text)) => match Cadence::from_id(text) {
                Some(cadence) => Some(PeriodSpec::Recurring(cadence)),
                None => {
                    self.problem(&path, value, "unknown period", format!("use one of {cadences}, {{\"start\": \"YYYY-MM-DD\", \"end\": \"YYYY-MM-DD\"}} or {{\"campaign\": \"campaign id\"}}"));
                    None
                }
            },
            Some(object @ Value::Object(inner)) if inner.contains_key("campaign") => {
                let inner = self.object(object, &path, "a campaign period", &["campaign"])?;
                let id = self.text(inner, &path, "campaign", true, MAX_ID_CHARS)?;
                if campaigns.iter().any(|c| c.id == id) {
                    Some(PeriodSpec::Campaign(id))
                } else {
                    let known = quoted_list(campaigns.iter().map(|c| c.id.as_str()));
                    let fix = if campaigns.is_empty() {
                        "add the campaign under \"campaigns\"".to_owned()
                    } else {
                        format!("use one of {known}, or add the campaign under \"campaigns\"")
                    };
                    self.problem(
                        &join(&path, "campaign"),
                        inner.get("campaign"),
                        "no campaign has this id",
                        fix,
                    );
                    None
                }
            }
            Some(object @ Value::Object(_)) => {
                let inner = self.object(object, &path, "a custom period", &["start", "end"])?;
                self.date_range(inner, &path).map(PeriodSpec::Custom)
            }
            _ => {
                self.problem(&path, value, "\"period\" is required", format!("write one of {cadences}, {{\"start\": \"YYYY-MM-DD\", \"end\": \"YYYY-MM-DD\"}} or {{\"campaign\": \"campaign id\"}}"));
                None
            }
        }
    }
}

fn stage_id(stage: AmecStage) -> &'static str {
    match stage {
        AmecStage::Inputs => "inputs",
        AmecStage::Outputs => "outputs",
        AmecStage::Outtakes => "outtakes",
        AmecStage::Outcomes => "outcomes",
    }
}
