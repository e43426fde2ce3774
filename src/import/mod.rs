//! Importers for the platforms' own export files (CSV, XLSX, ZIP), in any supported UI
//! language.
//!
//! One call per file: [`import_file`] decides what the file is from its content (encoding,
//! delimiter, container, then the header labels of each sheet), reads every row it
//! recognises into [`Observation`]s, and reports what it could not read as [`Diagnostic`]s
//! with row numbers. It is all-or-nothing per file: an [`ImportError`] returns nothing to
//! merge, and every error happens before the first observation is produced, so a caller of
//! [`import_file_into`] never has to take back what its sink received.
//!
//! This module does no I/O: bytes and the time of import are handed in. It must not touch a
//! store; merging is the store's job.
//!
//! # Organization
//! - `tabular` (containers, rows) over `encoding` (BOMs, UTF-16, `sep=`).
//! - `detect` (which kind is this sheet) over `kinds` (the list) and the per-platform data
//!   tables `x`, `linkedin`, `meta`, `youtube`, `tiktok`, `pinterest`, in the vocabulary of
//!   `columns`.
//! - `table` (the generic row reader) and the fixed-layout readers `meta_daily` and
//!   `linkedin_creator`; `cells` and `dates` read values; `records` copies a row's text,
//!   links, result type and attribution into a content record; `output` collects results.

mod ads_linkedin;
mod ads_pinterest;
mod ads_report;
mod ads_tiktok;
mod ads_x;
mod cells;
mod columns;
mod dates;
mod detect;
mod encoding;
mod error;
mod filename;
mod kinds;
mod linkedin;
mod linkedin_creator;
mod meta;
mod meta_daily;
mod output;
mod pinterest;
mod records;
mod table;
mod tabular;
mod tiktok;
mod x;
mod youtube;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub use error::{ImportError, Result};
pub use output::Progress;

use crate::content::ContentRecord;
use crate::model::{Diagnostic, Language, Observation, Platform};
use detect::{cell, detect, first_rows, Detected};
use kinds::Shape;
use output::Output;
use table::FileContext;
use tabular::Sheet;

/// What one imported file gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportResult {
    #[serde(flatten)]
    pub summary: ImportSummary,
    pub observations: Vec<Observation>,
    /// What the file said about its posts or ad entities besides their numbers (post
    /// text, links, result type, attribution, campaign), one record per entity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<ContentRecord>,
}

/// What one imported file was, without its observations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// The file name as given.
    pub file: String,
    pub platform: Platform,
    /// The export kind id (`x_tweet_activity`, `youtube_advanced`, `meta_ads_manager`).
    pub kind: String,
    /// The ids of the tables read, when the file holds several (`youtube_table_data`, …).
    pub tables: Vec<String>,
    /// The language the headers were written in, when they tell.
    pub language: Option<Language>,
    /// The first and last day the observations cover.
    pub period: Option<ImportPeriod>,
    /// Data rows read (header and preamble rows not counted).
    pub rows_read: u64,
    pub observation_count: u64,
    /// Content records read (one per post or ad entity that said anything besides numbers).
    #[serde(default)]
    pub content_count: u64,
    /// Rows and cells that could not be read, columns not imported, notes.
    pub diagnostics: Vec<Diagnostic>,
}

/// The days an import covers, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPeriod {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// Imports one export file. `name` is the file name (it adds hints such as the account or
/// the export day, never the kind); `imported_at` is when the reading is made.
pub fn import_file(name: &str, bytes: &[u8], imported_at: DateTime<Utc>) -> Result<ImportResult> {
    import_file_with_progress(name, bytes, imported_at, &mut |_| {})
}

/// [`import_file`], reporting progress every few thousand rows (for a progress bar).
pub fn import_file_with_progress(
    name: &str,
    bytes: &[u8],
    imported_at: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportResult> {
    let mut observations = Vec::new();
    let (summary, content) = import(
        name,
        bytes,
        imported_at,
        &mut |o| observations.push(o),
        progress,
        true,
    )?;
    Ok(ImportResult {
        summary,
        observations,
        content,
    })
}

/// Imports one export file, handing each observation to `sink` as it is read. On `Err`,
/// `sink` was never called. Content records are not built (use [`import_file`] for them);
/// the summary's `content_count` is then 0.
pub fn import_file_into(
    name: &str,
    bytes: &[u8],
    imported_at: DateTime<Utc>,
    sink: &mut dyn FnMut(Observation),
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportSummary> {
    import(name, bytes, imported_at, sink, progress, false).map(|(summary, _)| summary)
}

/// The import itself; content records are built only when `with_content` is set (they
/// cost a string per row).
fn import(
    name: &str,
    bytes: &[u8],
    imported_at: DateTime<Utc>,
    sink: &mut dyn FnMut(Observation),
    progress: &mut dyn FnMut(Progress),
    with_content: bool,
) -> Result<(ImportSummary, Vec<ContentRecord>)> {
    let (_, sheets) = tabular::open(name, bytes)?;
    let hints = filename::hints(name);
    let mut recognised: Vec<(&Sheet<'_>, Detected)> = Vec::new();
    let mut unrecognised: Vec<&Sheet<'_>> = Vec::new();
    let mut first_looks: Option<String> = None;
    for sheet in &sheets {
        let top = first_rows(sheet);
        match detect(sheet, &top) {
            Some(found) => recognised.push((sheet, found)),
            None => {
                if first_looks.is_none() {
                    first_looks = Some(looks_like(sheet, &top, sheets.len()));
                }
                unrecognised.push(sheet);
            }
        }
    }
    let Some((_, first)) = recognised.first() else {
        return Err(ImportError::Unrecognised {
            file: name.to_owned(),
            looks_like: first_looks.unwrap_or_else(|| "a file with no sheets".to_owned()),
            supported: kinds::supported_list(),
        });
    };
    let (platform, kind, language) = (first.kind.platform, first.kind.export, first.language);
    recognised.sort_by_key(|(_, found)| found.kind.reading_order());

    let mut context = FileContext {
        read_at: imported_at,
        export_day: hints
            .exported_on
            .unwrap_or_else(|| imported_at.date_naive()),
        account: hints.account.clone().unwrap_or_default(),
        period: hints.period,
    };
    let mut first_platform: Option<Platform> = None;
    let mut track = |o: Observation| {
        first_platform.get_or_insert(o.platform);
        sink(o)
    };
    let mut out = Output::new(&mut track, progress);
    if with_content {
        out = out.collecting_content();
    }
    for sheet in &unrecognised {
        out.diagnostics.push(
            Diagnostic::info(
                "sheet_not_imported",
                format!("{:?} is not a table Yardstick imports (audience breakdowns, notes); it was skipped", sheet.name),
            )
            .at(sheet.location.clone()),
        );
    }
    let count = recognised.len();
    let tables: Vec<String> = recognised
        .iter()
        .map(|(_, found)| found.kind.id.to_owned())
        .collect();
    for (position, (sheet, found)) in recognised.iter().enumerate() {
        out.sheet_position = (position, count);
        match found.kind.shape {
            Shape::MetaPageDaily => meta_daily::read(sheet, found, &context, &mut out),
            Shape::AdReport => ads_report::read(sheet, found, &context, &mut out),
            Shape::LinkedInDiscovery => {
                linkedin_creator::read_discovery(sheet, found, &mut context, &mut out)
            }
            Shape::LinkedInTopPosts => {
                linkedin_creator::read_top_posts(sheet, found, &context, &mut out)
            }
            Shape::LinkedInCreatorFollowers => {
                linkedin_creator::read_followers(sheet, found, &context, &mut out)
            }
            Shape::Daily | Shape::PostLifetime | Shape::ExportRange | Shape::ReportingRange => {
                table::read(sheet, found, &context, &mut out)
            }
        }
        if context.period.is_none() {
            context.period = out.day_period;
        }
    }
    let rows_read = out.rows_read;
    let observation_count = out.observations;
    let period = out.period.map(|(start, end)| ImportPeriod { start, end });
    let (diagnostics, content) = out.finish();
    let summary = ImportSummary {
        file: name.to_owned(),
        platform: first_platform.unwrap_or(platform),
        kind: kind.to_owned(),
        tables,
        language,
        period,
        rows_read,
        observation_count,
        content_count: content.len() as u64,
        diagnostics,
    };
    Ok((summary, content))
}

/// "UTF-16 LE text, tab-separated; first row: "Datum", "Aufrufe", …".
fn looks_like(sheet: &Sheet<'_>, top: &[csv::ByteRecord], sheet_count: usize) -> String {
    let first_filled = top.iter().find(|row| row.iter().any(|c| !c.is_empty()));
    let cells: Vec<String> = first_filled
        .map(|row| {
            (0..row.len().min(6))
                .map(|i| format!("{:?}", cell(row, i).chars().take(40).collect::<String>()))
                .collect()
        })
        .unwrap_or_default();
    let more = first_filled.is_some_and(|row| row.len() > 6);
    let within = if sheet_count > 1 {
        format!(
            " ({} sheets; first unrecognised: {:?})",
            sheet_count, sheet.name
        )
    } else {
        String::new()
    };
    format!(
        "{}{within}; first row: {}{}",
        sheet.describe_format(),
        if cells.is_empty() {
            "(empty)".to_owned()
        } else {
            cells.join(", ")
        },
        if more { ", …" } else { "" }
    )
}
