//! Meta Business Suite's page-level daily files: UTF-16 LE with a `sep=,` line (removed by
//! `encoding.rs`), then a metric-name line (`"Facebook follows"`), then `"Date","Primary"`
//! and one row per day (`"2025-08-01T00:00:00","20"`). Several such tables may be stacked in
//! one file; tables of another shape (`Audience.csv`'s age and city tables) are reported and
//! skipped.
//!
//! The metric-name line decides the platform (`Facebook …`, `Instagram …`) and the metric
//! (labels in `meta::PAGE_DAILY`); an unknown name is kept under the platform's namespace.

use csv::ByteRecord;

use super::cells::read_number;
use super::columns::{normalise_label, parse_header, Reading, Role};
use super::dates::parse_date;
use super::detect::{cell, match_column, Detected};
use super::output::{Fact, Output, SheetSource};
use super::table::{written_label, FileContext};
use super::tabular::Sheet;
use crate::model::{Diagnostic, Distribution, Language, Metric, Platform, Scope, Unit, Window};
use crate::values::ValueError;

/// The table being read: its label, platform, metric and how its values read.
struct Current {
    label: String,
    source: SheetSource,
    metric: Metric,
    reading: Reading,
}

/// Reads every `Date, Primary` table of the file.
pub(crate) fn read(
    sheet: &Sheet<'_>,
    detected: &Detected,
    context: &FileContext,
    out: &mut Output<'_>,
) {
    let mut rows = sheet.rows();
    let mut record = ByteRecord::new();
    let mut title: Option<String> = None;
    let mut current: Option<Current> = None;
    let mut skipped_tables: Vec<String> = Vec::new();
    while let Some(row_number) = rows.next_row(&mut record) {
        out.row_done(|| rows.fraction_done());
        let cells: Vec<&str> = (0..record.len()).map(|i| cell(&record, i).trim()).collect();
        let filled = cells.iter().filter(|c| !c.is_empty()).count();
        if filled == 0 {
            continue;
        }
        if filled == 1
            && cells.len() <= 2
            && cells.first().is_some_and(|c| !c.is_empty())
            && parse_date(
                cells.first().copied().unwrap_or(""),
                detected.kind.date_order,
            )
            .is_none()
        {
            title = cells.first().map(|c| written_label(c));
            current = None;
            continue;
        }
        let is_header = cells.len() == 2
            && normalise_label(cells.first().copied().unwrap_or("")) == "date"
            && normalise_label(cells.get(1).copied().unwrap_or("")) == "primary";
        if is_header {
            current = Some(start_table(
                title.clone().unwrap_or_default(),
                detected,
                context,
                sheet,
                out,
            ));
            continue;
        }
        match &current {
            Some(table) => read_day(table, &cells, row_number, context, sheet, out),
            None => {
                let name = title.clone().unwrap_or_else(|| "(untitled)".to_owned());
                if !skipped_tables.contains(&name) {
                    out.diagnostics.push(
                        Diagnostic::info("table_not_imported", format!("the table {name:?} is not a daily Date/Primary table (audience breakdowns are not imported)"))
                            .at(sheet.location.clone()),
                    );
                    skipped_tables.push(name);
                }
            }
        }
    }
    out.report(1.0);
}

fn start_table(
    label: String,
    detected: &Detected,
    context: &FileContext,
    sheet: &Sheet<'_>,
    out: &mut Output<'_>,
) -> Current {
    let normalised = normalise_label(&label);
    let (platform, rest) = if let Some(rest) = normalised.strip_prefix("instagram ") {
        (Platform::Instagram, rest.to_owned())
    } else {
        (
            Platform::Facebook,
            normalised
                .strip_prefix("facebook ")
                .unwrap_or(&normalised)
                .to_owned(),
        )
    };
    let (metric, reading) = match match_column(detected.kind, &parse_header(&rest)) {
        Some((_, column, _)) => match column.role {
            Role::Metric(target) => (target.metric.resolve(platform), target.reading),
            _ => (Metric::platform(platform, &rest), Reading::Count),
        },
        None => {
            out.diagnostics.push(
                Diagnostic::info("column_kept_as_platform_metric", format!("the daily table {label:?} is not one Yardstick knows; its numbers are kept as {}:{}", platform.id(), crate::model::snake_case(&rest)))
                    .at(sheet.location.clone()),
            );
            (
                Metric::platform(platform, if rest.is_empty() { "primary" } else { &rest }),
                Reading::Count,
            )
        }
    };
    Current {
        label: if label.is_empty() {
            "Primary".to_owned()
        } else {
            label
        },
        source: SheetSource {
            location: sheet.location.clone(),
            read_at: context.read_at,
            locale: Some(Language::En.code().to_owned()),
            platform,
        },
        metric,
        reading,
    }
}

fn read_day(
    table: &Current,
    cells: &[&str],
    row_number: u64,
    context: &FileContext,
    sheet: &Sheet<'_>,
    out: &mut Output<'_>,
) {
    let at = || format!("{} row {row_number}", sheet.location);
    let date_text = cells.first().copied().unwrap_or("");
    let raw = cells.get(1).copied().unwrap_or("");
    let Some(day) = parse_date(date_text, super::dates::DateOrder::MonthFirst) else {
        out.diagnostics.push(
            Diagnostic::warning(
                "bad_row",
                format!(
                    "row {row_number}: the date {date_text:?} is not a date; the row was skipped"
                ),
            )
            .at(at())
            .with_raw(date_text),
        );
        return;
    };
    match read_number(raw, Language::En) {
        Ok(parsed) => {
            let (window, unit) = match table.reading {
                Reading::Level => (Window::Snapshot, Unit::Count),
                _ => (Window::Day, Unit::Count),
            };
            out.emit(
                &table.source,
                Fact {
                    account: &context.account,
                    scope: Scope::Account,
                    post_id: None,
                    name: None,
                    metric: table.metric.clone(),
                    distribution: Distribution::Total,
                    window,
                    start: day,
                    end: day,
                    value: parsed.value,
                    unit,
                    rounded_to: parsed.rounded_to,
                    label: &table.label,
                    raw,
                },
            );
        }
        Err(ValueError::Missing { .. }) => {}
        Err(error) => out.diagnostics.push(
            Diagnostic::warning(
                "bad_value",
                format!("row {row_number}: {error}; the cell was skipped"),
            )
            .at(at())
            .for_metric(table.metric.clone())
            .with_raw(raw),
        ),
    }
}
