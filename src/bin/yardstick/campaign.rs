//! `yardstick campaign`: measure one campaign of a strategy file over observations and
//! print its report; `yardstick campaign spot-check`: compare one post with the account's
//! own history.
//!
//! ```text
//! yardstick campaign --strategy S.json --data OBS.json [--data …] [--content INFO.json]
//!                    [--campaign ID] [--today YYYY-MM-DD] [--format json|csv|csv-nl|html|html-nl]
//! yardstick campaign spot-check --data OBS.json --platform P --account A --id ID
//!                    --metric M [--scope post|campaign|ad_set|ad] [--today D] [--months N] [--lang en|nl]
//! ```
//!
//! `--data` takes what `yardstick import` prints (a JSON array of observations, or of
//! import results), what `yardstick read-page` prints (a page reading), or an object with
//! `observations` and, optionally, `content`. A `content` list of content records (each
//! with its `source`, as importers and page readers write them) is merged into the store;
//! an older list of post texts and ad details without sources is used as `--content` is.
//! This module only wires files and arguments to `yardstick::campaign` and
//! `yardstick::report`; it must not measure anything itself.

use std::io::Write;
use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use yardstick::campaign::spotcheck::{self, SpotCheckAsk};
use yardstick::campaign::{self, ContentInfo};
use yardstick::content::ContentRecord;
use yardstick::model::{Language, Metric, Observation, Platform, Scope};
use yardstick::report::{self, Format};
use yardstick::store::Store;

const USAGE: &str = "usage:
  yardstick campaign --strategy S.json --data OBS.json [--data OBS2.json…] [--content INFO.json]
                     [--campaign ID] [--today YYYY-MM-DD] [--format json|csv|csv-nl|html|html-nl]
  yardstick campaign spot-check --data OBS.json --platform P --account A --id ID --metric M
                     [--scope post|campaign|ad_set|ad] [--today YYYY-MM-DD] [--months N] [--lang en|nl]";

/// What a `--data` file may hold.
#[derive(Deserialize)]
#[serde(untagged)]
enum DataFile {
    /// `yardstick import`'s array of observations.
    Observations(Vec<Observation>),
    /// Import results (each with its observations and content records).
    Readings(Vec<Reading>),
    /// One import result, one page reading, or a bundle.
    Reading(Reading),
}

/// Anything with observations and, maybe, content: an import result, a page reading, or
/// `{"observations": [...], "content": [...]}`.
#[derive(Deserialize)]
struct Reading {
    observations: Vec<Observation>,
    #[serde(default)]
    content: Content,
}

/// A reading's `content`: the store's content records, or (older bundles) post texts and
/// ad details without a source, told apart by shape.
#[derive(Deserialize, Default)]
#[serde(untagged)]
enum Content {
    #[default]
    None,
    Records(Vec<ContentRecord>),
    Given(Vec<ContentInfo>),
}

/// The data files read: the store with their observations and content records, and the
/// details given without a source.
struct Data {
    store: Store,
    given: Vec<ContentInfo>,
}

/// Runs the command with its arguments.
pub fn run(args: &[String]) -> Result<ExitCode, String> {
    if args.first().map(String::as_str) == Some("spot-check") {
        return spot_check(args.get(1..).unwrap_or_default());
    }
    let mut strategy_path = None;
    let mut data_paths = Vec::new();
    let mut content_paths = Vec::new();
    let mut campaign_id = None;
    let mut today = None;
    let mut format = Format::Json;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = || {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{arg} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--strategy" => strategy_path = Some(value()?),
            "--data" => data_paths.push(value()?),
            "--content" => content_paths.push(value()?),
            "--campaign" => campaign_id = Some(value()?),
            "--today" => today = Some(date(&value()?)?),
            "--format" => {
                let name = value()?;
                format = Format::from_name(&name).ok_or_else(|| {
                    format!("unknown format {name:?}: use json, csv, csv-nl, html or html-nl")
                })?;
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    let strategy_path = strategy_path.ok_or_else(|| format!("--strategy is required\n{USAGE}"))?;
    if data_paths.is_empty() {
        return Err(format!("--data is required\n{USAGE}"));
    }
    let text = read(&strategy_path)?;
    let strategy = campaign::load(&text).map_err(|error| format!("{strategy_path}: {error}"))?;
    let plan = match (&campaign_id, strategy.plans.as_slice()) {
        (Some(id), plans) => plans.iter().find(|p| &p.id == id).ok_or_else(|| {
            format!(
                "{strategy_path} defines no campaign {id:?}; campaigns with a definition: {}",
                ids(plans)
            )
        })?,
        (None, [one]) => one,
        (None, []) => {
            return Err(format!(
                "{strategy_path} has no campaign with a definition (platforms, match rules, KPIs)"
            ))
        }
        (None, plans) => {
            return Err(format!(
                "{strategy_path} defines several campaigns; choose one with --campaign: {}",
                ids(plans)
            ))
        }
    };
    let Data {
        store,
        given: mut content,
    } = load_data(&data_paths)?;
    for path in &content_paths {
        let items: Vec<ContentInfo> = serde_json::from_str(&read(path)?)
            .map_err(|e| format!("{path}: not a list of post texts and ad details: {e}"))?;
        content.extend(items);
    }
    let today = today.unwrap_or_else(system_today);
    let view = campaign::measure(plan, &store, &content, today, format.language())
        .map_err(|error| error.to_string())?;
    let bytes = report::render(&view, format);
    std::io::stdout()
        .write_all(&bytes)
        .map_err(|e| format!("could not write the report: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

fn spot_check(args: &[String]) -> Result<ExitCode, String> {
    let mut data_paths = Vec::new();
    let (mut platform, mut account, mut id, mut metric) = (None, None, None, None);
    let mut scope = Scope::Post;
    let mut today = None;
    let mut months = None;
    let mut language = Language::En;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = || {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{arg} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--data" => data_paths.push(value()?),
            "--platform" => {
                platform = Some(value()?.parse::<Platform>().map_err(|e| e.to_string())?)
            }
            "--account" => account = Some(value()?),
            "--id" => id = Some(value()?),
            "--metric" => metric = Some(value()?.parse::<Metric>().map_err(|e| e.to_string())?),
            "--scope" => {
                let text = value()?;
                scope = serde_json::from_value(serde_json::Value::String(text.clone())).map_err(
                    |_| format!("unknown scope {text:?}: use post, campaign, ad_set or ad"),
                )?;
            }
            "--today" => today = Some(date(&value()?)?),
            "--months" => {
                let text = value()?;
                months = Some(
                    text.parse::<u32>()
                        .map_err(|_| format!("--months {text:?} is not a whole number"))?,
                );
            }
            "--lang" => {
                let text = value()?;
                language = Language::from_tag(&text)
                    .ok_or_else(|| format!("unknown language {text:?}: use en or nl"))?;
            }
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    let missing = |what: &str| format!("{what} is required\n{USAGE}");
    let ask = SpotCheckAsk {
        platform: platform.ok_or_else(|| missing("--platform"))?,
        account: account.ok_or_else(|| missing("--account"))?,
        scope,
        id: id.ok_or_else(|| missing("--id"))?,
        metric: metric.ok_or_else(|| missing("--metric"))?,
        today: today.unwrap_or_else(system_today),
        months,
    };
    if data_paths.is_empty() {
        return Err(missing("--data"));
    }
    let Data { store, .. } = load_data(&data_paths)?;
    let check = spotcheck::spot_check(&store, &ask).map_err(|e| e.to_string())?;
    let out = serde_json::json!({
        "label": spotcheck::label(language),
        "sentence": spotcheck::describe(&check, language),
        "check": check,
    });
    println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    Ok(ExitCode::SUCCESS)
}

/// The store holding every `--data` file's observations and content records, and the
/// details bundled without a source.
fn load_data(paths: &[String]) -> Result<Data, String> {
    let mut store = Store::new();
    let mut given = Vec::new();
    for path in paths {
        let data: DataFile = serde_json::from_str(&read(path)?).map_err(|e| {
            format!("{path}: not observations (the output of `yardstick import` or `yardstick read-page`) nor {{\"observations\": [...], \"content\": [...]}}: {e}")
        })?;
        let readings = match data {
            DataFile::Observations(observations) => vec![Reading {
                observations,
                content: Content::None,
            }],
            DataFile::Readings(readings) => readings,
            DataFile::Reading(reading) => vec![reading],
        };
        for reading in readings {
            store
                .merge(&reading.observations)
                .map_err(|error| format!("{path}: {error}"))?;
            match reading.content {
                Content::None => {}
                Content::Records(records) => {
                    let merged = store.merge_content(records);
                    for refused in merged.refused {
                        eprintln!("{path}: {refused}");
                    }
                }
                Content::Given(more) => given.extend(more),
            }
        }
    }
    Ok(Data { store, given })
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read the file: {e}"))
}

/// Today's date in UTC from the system clock (the core never reads a clock).
fn system_today() -> NaiveDate {
    let now: DateTime<Utc> = std::time::SystemTime::now().into();
    now.date_naive()
}

fn date(text: &str) -> Result<NaiveDate, String> {
    text.parse()
        .map_err(|_| format!("{text:?} is not a date written YYYY-MM-DD"))
}

fn ids(plans: &[yardstick::campaign::CampaignPlan]) -> String {
    plans
        .iter()
        .map(|p| p.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
