//! `yardstick import FILE… [--imported-at RFC3339] [--summary | --full]`: imports platform
//! export files and prints their observations as one JSON array on stdout (the observation
//! contract in `ARCHITECTURE.md`), or with `--summary` one JSON summary per file, or with
//! `--full` one JSON result per file: its summary, observations and content records (post
//! texts, links, ad result types and attribution — what `yardstick campaign --data` needs to
//! match posts by hashtag, keyword, link or UTM). Per-file summaries,
//! warnings and errors go to stderr. A file that is refused is reported and the others still
//! import; the exit code is then 1.
//!
//! This module only wires arguments and files to `yardstick::import`; it must not interpret
//! export content.

use std::process::ExitCode;

use chrono::{DateTime, Utc};
use yardstick::import::{import_file, ImportResult, ImportSummary};
use yardstick::model::{Observation, Severity};

const USAGE: &str = "usage: yardstick import FILE... [--imported-at RFC3339] [--summary | --full]";

/// What the command prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Output {
    Observations,
    Summaries,
    Full,
}

/// Runs the command with its arguments.
pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut files: Vec<&str> = Vec::new();
    let mut imported_at: DateTime<Utc> = std::time::SystemTime::now().into();
    let mut output = Output::Observations;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--imported-at" => {
                let text = rest
                    .next()
                    .ok_or_else(|| format!("--imported-at needs a time\n{USAGE}"))?;
                imported_at = DateTime::parse_from_rfc3339(text)
                    .map_err(|e| {
                        format!("--imported-at {text:?}: {e} (use e.g. 2026-11-26T12:00:00Z)")
                    })?
                    .into();
            }
            "--summary" | "--full" if output != Output::Observations => {
                return Err(format!("--summary and --full cannot be combined\n{USAGE}"))
            }
            "--summary" => output = Output::Summaries,
            "--full" => output = Output::Full,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag:?}\n{USAGE}"))
            }
            file => files.push(file),
        }
    }
    if files.is_empty() {
        return Err(format!("no file given\n{USAGE}"));
    }
    let mut observations: Vec<Observation> = Vec::new();
    let mut summaries: Vec<ImportSummary> = Vec::new();
    let mut results: Vec<ImportResult> = Vec::new();
    let mut refused = 0usize;
    for path in files {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("{path}: cannot read the file: {error}");
                refused += 1;
                continue;
            }
        };
        let name = std::path::Path::new(path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(path);
        match import_file(name, &bytes, imported_at) {
            Ok(result) => {
                report(&result.summary);
                match output {
                    Output::Observations => observations.extend(result.observations),
                    Output::Summaries => summaries.push(result.summary),
                    Output::Full => results.push(result),
                }
            }
            Err(error) => {
                eprintln!("error: {error}");
                refused += 1;
            }
        }
    }
    let json = match output {
        Output::Observations => serde_json::to_string_pretty(&observations),
        Output::Summaries => serde_json::to_string_pretty(&summaries),
        Output::Full => serde_json::to_string_pretty(&results),
    }
    .map_err(|e| format!("cannot write JSON: {e}"))?;
    println!("{json}");
    Ok(if refused == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// One line per file, then its warnings and errors, on stderr.
fn report(summary: &ImportSummary) {
    let period = summary
        .period
        .map(|p| format!("{}..{}", p.start, p.end))
        .unwrap_or_else(|| "no dates".to_owned());
    let language = summary.language.map_or("?", |l| l.code());
    eprintln!(
        "{}: {} {} ({language}), {period}, {} rows, {} observations",
        summary.file, summary.platform, summary.kind, summary.rows_read, summary.observation_count
    );
    for diagnostic in summary
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
    {
        let severity = if diagnostic.severity == Severity::Error {
            "error"
        } else {
            "warning"
        };
        eprintln!("  {severity} {}: {}", diagnostic.code, diagnostic.message);
    }
}
