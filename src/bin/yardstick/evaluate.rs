//! `yardstick evaluate --strategy S.json --data OBS.json… [--today YYYY-MM-DD | --now
//! RFC3339]`: merges observations into a store and prints the strategy's evaluation as JSON.
//!
//! `--data` takes a JSON array of observations as `yardstick import` prints them, or a page
//! reading as `yardstick read-page` prints it (its `observations`); give it more than once
//! to merge several. Without `--today` each KPI's today is the current date in its
//! platforms' reporting time zone (`--now` fixes that moment). Errors name the file and the
//! problem and exit non-zero. This module only wires files to the core; it must not judge.

use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;
use yardstick::evaluate::{evaluate_strategy, StoreFigures, Today};
use yardstick::model::Observation;
use yardstick::store::Store;
use yardstick::strategy;

const USAGE: &str = "usage: yardstick evaluate --strategy S.json --data OBS.json... [--today YYYY-MM-DD | --now RFC3339]";

/// Runs the command with its arguments.
pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut strategy_path = None;
    let mut data_paths = Vec::new();
    let mut today = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |what: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{arg} needs {what}\n{USAGE}"))
        };
        match arg.as_str() {
            "--strategy" => strategy_path = Some(value("the strategy file")?),
            "--data" => data_paths.push(value("an observations file")?),
            "--today" => {
                let text = value("a date")?;
                let date = text.parse::<NaiveDate>().map_err(|e| {
                    format!("--today {text:?} is not a date written YYYY-MM-DD: {e}")
                })?;
                today = Some(Today::Date(date));
            }
            "--now" => {
                let text = value("a moment")?;
                let now = DateTime::parse_from_rfc3339(&text).map_err(|e| {
                    format!(
                        "--now {text:?} is not an RFC 3339 time such as 2026-11-27T03:00:00Z: {e}"
                    )
                })?;
                today = Some(Today::Now(now.with_timezone(&Utc)));
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            other => return Err(format!("unexpected argument {other:?}\n{USAGE}")),
        }
    }
    let strategy_path =
        strategy_path.ok_or_else(|| format!("give the strategy with --strategy\n{USAGE}"))?;
    if data_paths.is_empty() {
        return Err(format!("give the observations with --data\n{USAGE}"));
    }
    let text = std::fs::read_to_string(&strategy_path)
        .map_err(|e| format!("{strategy_path}: could not read the file: {e}"))?;
    let strategy = strategy::import(&text).map_err(|e| format!("{strategy_path}: {e}"))?;
    let mut store = Store::new();
    for path in &data_paths {
        let observations = read_observations(path)?;
        store
            .merge(&observations)
            .map_err(|e| format!("{path}: {e}"))?;
    }
    // The CLI is the one place a clock may be read: the core is handed the time.
    let today = today.unwrap_or_else(|| Today::Now(std::time::SystemTime::now().into()));
    let evaluation = evaluate_strategy(&strategy, today, &StoreFigures::new(&store));
    let json = serde_json::to_string_pretty(&evaluation)
        .map_err(|e| format!("could not write the evaluation as JSON: {e}"))?;
    println!("{json}");
    Ok(ExitCode::SUCCESS)
}

/// The observations in a file: a JSON array, or an object with an `observations` array.
/// Every observation that does not fit the contract is named.
fn read_observations(path: &str) -> Result<Vec<Observation>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{path}: could not read the file: {e}"))?;
    let value: Value =
        serde_json::from_str(&text).map_err(|e| format!("{path}: not valid JSON: {e}"))?;
    let items = match value {
        Value::Array(items) => items,
        Value::Object(mut object) => match object.remove("observations") {
            Some(Value::Array(items)) => items,
            _ => return Err(format!("{path}: expected a JSON array of observations, or an object with an \"observations\" array (as yardstick import and read-page print them)")),
        },
        _ => return Err(format!("{path}: expected a JSON array of observations (as yardstick import prints them)")),
    };
    let mut observations = Vec::with_capacity(items.len());
    let mut problems = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        match serde_json::from_value::<Observation>(item) {
            Ok(observation) => observations.push(observation),
            Err(error) => problems.push(format!("  - observation #{index}: {error}")),
        }
    }
    if problems.is_empty() {
        Ok(observations)
    } else {
        Err(format!(
            "{path}: {} observation(s) do not fit the observation contract (ARCHITECTURE.md, \"Contracts\"); nothing was evaluated:\n{}",
            problems.len(),
            problems.join("\n")
        ))
    }
}
