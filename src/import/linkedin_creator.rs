//! LinkedIn's creator (personal) export: sheets with fixed layouts rather than one header
//! row. `DISCOVERY` holds the period (`MM/DD/YYYY - MM/DD/YYYY`) and `label | value` rows;
//! `TOP POSTS` holds two tables side by side (`Post URL, Post publish date, Engagements` |
//! `Post URL, Post publish date, Impressions`) with totals over the period; `FOLLOWERS` holds
//! `Total followers on 4/23/2023:` with the number beside it, then `Date, New followers`.
//! (`ENGAGEMENT` is an ordinary daily table.) `DEMOGRAPHICS` is not imported.

use chrono::NaiveDate;
use csv::ByteRecord;

use super::cells::read_number;
use super::columns::{normalise_label, parse_header, Role};
use super::dates::{parse_date, DateOrder};
use super::detect::{cell, match_column, Detected};
use super::output::{Fact, Output, SheetSource};
use super::records;
use super::table::{post_id_from_link, written_label, FileContext};
use super::tabular::Sheet;
use crate::content::ContentRecord;
use crate::metrics::CanonicalMetric;
use crate::model::{Diagnostic, Distribution, Language, Metric, Scope, Unit, Window};
use crate::values::ValueError;

fn source(sheet: &Sheet<'_>, context: &FileContext, detected: &Detected) -> SheetSource {
    SheetSource {
        location: sheet.location.clone(),
        read_at: context.read_at,
        locale: detected.language.map(|l| l.code().to_owned()),
        platform: detected.kind.platform,
    }
}

fn all_rows(sheet: &Sheet<'_>, out: &mut Output<'_>) -> Vec<(u64, ByteRecord)> {
    let mut rows = sheet.rows();
    let mut record = ByteRecord::new();
    let mut all = Vec::new();
    while let Some(number) = rows.next_row(&mut record) {
        out.row_done(|| rows.fraction_done());
        all.push((number, record.clone()));
    }
    out.report(1.0);
    all
}

/// `04/24/2022 - 04/23/2023` → the two days.
fn period_in(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (from, to) = text.split_once(" - ")?;
    let from = parse_date(from, DateOrder::MonthFirst)?;
    let to = parse_date(to, DateOrder::MonthFirst)?;
    (from <= to).then_some((from, to))
}

/// Reads `DISCOVERY`; sets the export period for the sheets after it.
pub(crate) fn read_discovery(
    sheet: &Sheet<'_>,
    detected: &Detected,
    context: &mut FileContext,
    out: &mut Output<'_>,
) {
    let rows = all_rows(sheet, out);
    let found = rows
        .iter()
        .find_map(|(_, row)| (0..row.len()).find_map(|i| period_in(cell(row, i))));
    if let Some(period) = found {
        context.period = Some(period);
    }
    let Some((start, end)) = context.period else {
        out.diagnostics.push(
            Diagnostic::warning("period_unknown", "the DISCOVERY sheet names no period (MM/DD/YYYY - MM/DD/YYYY); its totals were not imported").at(sheet.location.clone()),
        );
        return;
    };
    let source = source(sheet, context, detected);
    for (number, row) in &rows {
        let label = cell(row, 0);
        let Some((_, column, _)) = match_column(detected.kind, &parse_header(label)) else {
            continue;
        };
        let Role::Metric(target) = column.role else {
            continue;
        };
        let raw = cell(row, 1);
        let metric = target.metric.resolve(detected.kind.platform);
        match read_number(raw, Language::En) {
            Ok(parsed) => out.emit(
                &source,
                Fact {
                    account: &context.account,
                    scope: Scope::Account,
                    post_id: None,
                    name: None,
                    metric,
                    distribution: Distribution::Total,
                    window: Window::Range,
                    start,
                    end,
                    value: parsed.value,
                    unit: Unit::Count,
                    rounded_to: parsed.rounded_to,
                    label: &written_label(label),
                    raw,
                },
            ),
            Err(ValueError::Missing { .. }) => {}
            Err(error) => bad_value(out, sheet, *number, metric, raw, &error),
        }
    }
}

fn bad_value(
    out: &mut Output<'_>,
    sheet: &Sheet<'_>,
    row_number: u64,
    metric: Metric,
    raw: &str,
    error: &ValueError,
) {
    out.diagnostics.push(
        Diagnostic::warning(
            "bad_value",
            format!("row {row_number}: {error}; the cell was skipped"),
        )
        .at(format!("{} row {row_number}", sheet.location))
        .for_metric(metric)
        .with_raw(raw),
    );
}

/// One of the side-by-side tables: where its URL, date and metric columns are.
struct Block {
    url: usize,
    published: Option<usize>,
    metric: (usize, Metric, String),
}

/// Reads `TOP POSTS`: each side-by-side table's rows become range totals per post.
pub(crate) fn read_top_posts(
    sheet: &Sheet<'_>,
    detected: &Detected,
    context: &FileContext,
    out: &mut Output<'_>,
) {
    let rows = all_rows(sheet, out);
    let Some((header_number, header)) = rows
        .iter()
        .find(|(_, row)| (0..row.len()).any(|i| normalise_label(cell(row, i)) == "post url"))
    else {
        return;
    };
    let blocks = blocks(detected, header);
    let Some((start, end)) = context.period else {
        out.diagnostics.push(
            Diagnostic::warning("period_unknown", "TOP POSTS holds totals over the export period, but no DISCOVERY sheet or file name gave the period; it was not imported").at(sheet.location.clone()),
        );
        return;
    };
    let source = source(sheet, context, detected);
    for (number, row) in rows.iter().filter(|(number, _)| number > header_number) {
        for block in &blocks {
            let link = cell(row, block.url).trim();
            if link.is_empty() {
                continue;
            }
            let post_id = post_id_from_link(link);
            let raw = cell(row, block.metric.0);
            let published = block
                .published
                .and_then(|i| parse_date(cell(row, i), DateOrder::MonthFirst));
            if out.wants_content() {
                let mut record = ContentRecord::new(
                    source.platform,
                    context.account.as_str(),
                    Scope::Post,
                    post_id.as_str(),
                    records::record_source(&source, written_label(cell(header, block.url))),
                );
                record.permalink = Some(link.to_owned());
                record.published = published;
                out.content(record);
            }
            match read_number(raw, Language::En) {
                Ok(parsed) => out.emit(
                    &source,
                    Fact {
                        account: &context.account,
                        scope: Scope::Post,
                        post_id: Some(&post_id),
                        name: None,
                        metric: block.metric.1.clone(),
                        distribution: Distribution::Total,
                        window: Window::Range,
                        start,
                        end,
                        value: parsed.value,
                        unit: Unit::Count,
                        rounded_to: parsed.rounded_to,
                        label: &block.metric.2,
                        raw,
                    },
                ),
                Err(ValueError::Missing { .. }) => {}
                Err(error) => bad_value(out, sheet, *number, block.metric.1.clone(), raw, &error),
            }
        }
    }
}

fn blocks(detected: &Detected, header: &ByteRecord) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut url: Option<usize> = None;
    let mut published = None;
    for index in 0..header.len() {
        let raw = cell(header, index);
        let Some((_, column, _)) = match_column(detected.kind, &parse_header(raw)) else {
            continue;
        };
        match column.role {
            Role::PostLink => {
                url = Some(index);
                published = None;
            }
            Role::PublishedAt => published = Some(index),
            Role::Metric(target) => {
                if let Some(url) = url.take() {
                    let metric = target.metric.resolve(detected.kind.platform);
                    blocks.push(Block {
                        url,
                        published,
                        metric: (index, metric, written_label(raw)),
                    });
                }
            }
            _ => {}
        }
    }
    blocks
}

/// Reads `FOLLOWERS`: the total on a day (a snapshot) and the daily new followers.
pub(crate) fn read_followers(
    sheet: &Sheet<'_>,
    detected: &Detected,
    context: &FileContext,
    out: &mut Output<'_>,
) {
    let rows = all_rows(sheet, out);
    let source = source(sheet, context, detected);
    let mut header_seen = false;
    for (number, row) in &rows {
        let first = cell(row, 0);
        let normalised = normalise_label(first);
        if normalised.starts_with("total followers on") {
            let date_text = normalised
                .trim_start_matches("total followers on")
                .trim()
                .trim_end_matches(':');
            let raw = cell(row, 1);
            let metric = Metric::Canonical(CanonicalMetric::Followers);
            match (
                parse_date(date_text, DateOrder::MonthFirst),
                read_number(raw, Language::En),
            ) {
                (Some(day), Ok(parsed)) => emit_count(
                    out,
                    &source,
                    context,
                    metric,
                    Window::Snapshot,
                    day,
                    parsed.value,
                    &written_label(first),
                    raw,
                ),
                (None, _) => out.diagnostics.push(
                    Diagnostic::warning(
                        "bad_row",
                        format!(
                            "row {number}: no date in {first:?}; the follower total was skipped"
                        ),
                    )
                    .at(format!("{} row {number}", sheet.location)),
                ),
                (_, Err(ValueError::Missing { .. })) => {}
                (_, Err(error)) => bad_value(out, sheet, *number, metric, raw, &error),
            }
            continue;
        }
        if normalised == "date" {
            header_seen = true;
            continue;
        }
        if !header_seen || first.trim().is_empty() {
            continue;
        }
        let raw = cell(row, 1);
        let metric = Metric::Canonical(CanonicalMetric::FollowersGained);
        let Some(day) = parse_date(first, DateOrder::MonthFirst) else {
            out.diagnostics.push(
                Diagnostic::warning(
                    "bad_row",
                    format!("row {number}: the date {first:?} is not a date; the row was skipped"),
                )
                .at(format!("{} row {number}", sheet.location))
                .with_raw(first),
            );
            continue;
        };
        let label = written_label(cell(
            rows.iter()
                .find(|(_, r)| normalise_label(cell(r, 0)) == "date")
                .map_or(row, |(_, r)| r),
            1,
        ));
        match read_number(raw, Language::En) {
            Ok(parsed) => emit_count(
                out,
                &source,
                context,
                metric,
                Window::Day,
                day,
                parsed.value,
                &label,
                raw,
            ),
            Err(ValueError::Missing { .. }) => {}
            Err(error) => bad_value(out, sheet, *number, metric, raw, &error),
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn emit_count(
    out: &mut Output<'_>,
    source: &SheetSource,
    context: &FileContext,
    metric: Metric,
    window: Window,
    day: NaiveDate,
    value: f64,
    label: &str,
    raw: &str,
) {
    out.emit(
        source,
        Fact {
            account: &context.account,
            scope: Scope::Account,
            post_id: None,
            name: None,
            metric,
            distribution: Distribution::Total,
            window,
            start: day,
            end: day,
            value,
            unit: Unit::Count,
            rounded_to: None,
            label,
            raw,
        },
    );
}
