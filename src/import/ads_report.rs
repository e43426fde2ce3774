//! The ad managers' report exports (LinkedIn Campaign Manager, X Ads, TikTok Ads Manager,
//! Pinterest Ads): one row per campaign, ad set or ad, per day or over the report's period.
//!
//! These files say *when* in more ways than the analytics exports: a day column, a column
//! that is the report's first day when there is no time breakdown (LinkedIn), month rows,
//! hour rows, or only the description lines above the header (`Report Start: 10/1/2026`).
//! They say *in which currency* in a money header (`Cost (EUR)`), in a `Currency` column, or
//! in the amounts (`€12.00`), and some say nothing, which is reported, never guessed. A totals
//! row (`Total`, or a row naming no entity) is skipped or kept as the account's figure as
//! the export kind says. Hour rows are refused: adding them into days is the platform's job.
//!
//! The column tables are data in `ads_linkedin`, `ads_x`, `ads_tiktok` and `ads_pinterest`
//! (what this reader needs beyond a [`KindSpec`] is in their [`AdReportSpec`]); values are
//! read by the shared `cells`/`dates` helpers. This module must not name any platform.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use csv::ByteRecord;

use super::cells::{decide_style, read_number, style_language, StyleEvidence};
use super::columns::{normalise_label, parse_header, Label, Reading};
use super::dates::{order_evidence, parse_date, DateOrder};
use super::detect::{cell, match_column, Detected};
use super::kinds::{KindSpec, TotalRow};
use super::output::{Fact, Output, SheetSource};
use super::records::{self, RowEntity};
use super::table::{check_id, plan, read_value, written_label, FileContext, MetricColumn, Plan};
use super::tabular::{Sheet, SheetBody};
use super::{ads_linkedin, ads_pinterest, ads_tiktok, ads_x};
use crate::model::{Diagnostic, Language, Scope, Unit, Window};
use crate::values::{ValueError, ValueKind};

/// Rows sampled to decide the number style.
const SAMPLE_ROWS: usize = 300;

/// What an ad report needs beyond its [`KindSpec`].
#[derive(Debug)]
pub(crate) struct AdReportSpec {
    /// The kinds (by id) read with this spec.
    pub kind_ids: &'static [&'static str],
    /// Labels of the column naming each row's currency (normalised).
    pub currency_labels: &'static [Label],
    /// Words before the report's first and last day in the description lines above the
    /// header (normalised: `report start`).
    pub preamble_start: &'static [&'static str],
    pub preamble_end: &'static [&'static str],
    /// The one date column holds the report's first day when the export has no time
    /// breakdown (every row the same day), not the row's day.
    pub date_is_period_start: bool,
}

/// The specs of every ad report kind.
const SPECS: [&AdReportSpec; 4] = [
    &ads_linkedin::SPEC,
    &ads_x::SPEC,
    &ads_tiktok::SPEC,
    &ads_pinterest::SPEC,
];

fn spec_for(kind: &KindSpec) -> Option<&'static AdReportSpec> {
    SPECS
        .into_iter()
        .find(|spec| spec.kind_ids.contains(&kind.id))
}

/// When each row's figures happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Timing {
    /// Each row has its own first and last day columns.
    Columns,
    /// The date column is the row's day.
    Days,
    /// The date column is the first day of the row's month, within the report's period
    /// when known.
    Months(Option<(NaiveDate, NaiveDate)>),
    /// Every row covers the report's period.
    Period(NaiveDate, NaiveDate),
    /// Rows per hour: refused.
    Hours,
    /// Nothing says when: refused.
    Unknown,
}

/// Reads one ad report sheet into `out`.
pub(crate) fn read(
    sheet: &Sheet<'_>,
    detected: &Detected,
    context: &FileContext,
    out: &mut Output<'_>,
) {
    let kind = detected.kind;
    let Some(spec) = spec_for(kind) else {
        out.diagnostics.push(
            Diagnostic::error(
                "kind_without_reader",
                format!("{} has no ad report description; nothing was imported (a Yardstick bug: please report it)", kind.title),
            )
            .at(sheet.location.clone()),
        );
        return;
    };
    let header = &detected.header;
    let mut plan = plan(kind, header);
    keep_first_of_duplicates(&mut plan, sheet, out);
    report_unknown_columns(kind, spec, header, sheet, out);
    let currency_column = (0..header.len()).find(|i| {
        let label = normalise_label(cell(header, *i));
        spec.currency_labels.iter().any(|l| l.text == label)
    });
    let scan = Scan::of(sheet, detected, &plan);
    let number_language = {
        let semicolon = matches!(
            sheet.body,
            SheetBody::Text {
                delimiter: b';',
                ..
            }
        );
        let style = decide_style(
            scan.numbers,
            semicolon,
            kind.localised_numbers,
            detected.language,
        );
        style_language(style, detected.language)
    };
    let date_order = match scan.order {
        Some(order) => order,
        None if detected.language.is_some_and(|l| l != Language::En) => DateOrder::DayFirst,
        None => kind.date_order,
    };
    let preamble = preamble_period(spec, &scan.preamble, date_order);
    let timing = decide_timing(&plan, spec, &scan, date_order, preamble.or(context.period));
    let source = SheetSource {
        location: sheet.location.clone(),
        read_at: context.read_at,
        locale: detected.language.map(|l| l.code().to_owned()),
        platform: kind.platform,
    };
    match timing {
        Timing::Hours => out.diagnostics.push(
            Diagnostic::error(
                "hourly_rows",
                "the rows are per hour; Yardstick reads days and periods only, so nothing was imported (export again broken down by day, or with no time breakdown)",
            )
            .at(sheet.location.clone()),
        ),
        Timing::Unknown => out.diagnostics.push(
            Diagnostic::warning(
                "period_unknown",
                "the rows hold totals over the report's period, but neither the file nor its name says which period; nothing was imported (keep the report's description lines, or the dates in the file name)",
            )
            .at(sheet.location.clone()),
        ),
        _ => {}
    }
    if matches!(timing, Timing::Hours | Timing::Unknown) {
        return;
    }
    let reader = RowReader {
        kind,
        plan: &plan,
        context,
        source: &source,
        header,
        currency_column,
        language: number_language,
        date_order,
        timing,
    };
    let mut rows = sheet.rows();
    let mut record = ByteRecord::new();
    let mut index = 0usize;
    while let Some(row_number) = rows.next_row(&mut record) {
        let this = index;
        index += 1;
        if this <= detected.header_index || is_blank(&record) {
            continue;
        }
        out.row_done(|| rows.fraction_done());
        reader.read_row(&record, row_number, out);
    }
    out.report(1.0);
}

/// What one pass over the sheet shows: the description lines, the number and date styles,
/// and the days in the date column.
#[derive(Debug, Default)]
struct Scan {
    preamble: Vec<String>,
    numbers: StyleEvidence,
    order: Option<DateOrder>,
    /// The date column's distinct texts.
    dates: BTreeSet<String>,
}

impl Scan {
    fn of(sheet: &Sheet<'_>, detected: &Detected, plan: &Plan) -> Scan {
        let mut scan = Scan::default();
        let (mut day_first, mut month_first) = (0u32, 0u32);
        let date_columns = [plan.date, plan.range_start, plan.range_end];
        let mut rows = sheet.rows();
        let mut record = ByteRecord::new();
        let mut index = 0usize;
        while rows.next_row(&mut record).is_some() {
            let this = index;
            index += 1;
            if this < detected.header_index {
                let line: Vec<&str> = record
                    .iter()
                    .filter_map(|c| std::str::from_utf8(c).ok())
                    .filter(|c| !c.trim().is_empty())
                    .collect();
                scan.preamble.push(line.join(" "));
                continue;
            }
            if this == detected.header_index {
                continue;
            }
            if this <= detected.header_index + SAMPLE_ROWS {
                for column in &plan.metrics {
                    scan.numbers.observe(cell(&record, column.index));
                }
            }
            for column in date_columns.iter().flatten() {
                match order_evidence(cell(&record, *column)) {
                    Some(DateOrder::DayFirst) => day_first += 1,
                    Some(DateOrder::MonthFirst) => month_first += 1,
                    None => {}
                }
            }
            if let Some(column) = plan.date {
                let text = cell(&record, column).trim();
                if !text.is_empty() && scan.dates.len() < 100_000 {
                    scan.dates.insert(text.to_owned());
                }
            }
        }
        scan.order = match (day_first, month_first) {
            (d, 0) if d > 0 => Some(DateOrder::DayFirst),
            (0, m) if m > 0 => Some(DateOrder::MonthFirst),
            _ => None,
        };
        scan
    }
}

/// The report's first and last day from the description lines (`Report Start: 10/1/2026,
/// 12:00 AM`, `Report End: …`, on one line or two).
fn preamble_period(
    spec: &AdReportSpec,
    lines: &[String],
    order: DateOrder,
) -> Option<(NaiveDate, NaiveDate)> {
    let after = |words: &[&str]| {
        lines.iter().find_map(|line| {
            let lower = normalise_label(line);
            words.iter().find_map(|word| {
                let at = lower.find(word)?;
                let rest = lower.get(at + word.len()..)?;
                parse_date(rest.trim_start_matches([':', ' ']), order)
            })
        })
    };
    let start = after(spec.preamble_start)?;
    let end = after(spec.preamble_end)?;
    (start <= end).then_some((start, end))
}

fn decide_timing(
    plan: &Plan,
    spec: &AdReportSpec,
    scan: &Scan,
    order: DateOrder,
    period: Option<(NaiveDate, NaiveDate)>,
) -> Timing {
    if plan.range_start.is_some() && plan.range_end.is_some() {
        return Timing::Columns;
    }
    if plan.date.is_none() {
        return period.map_or(Timing::Unknown, |(start, end)| Timing::Period(start, end));
    }
    if scan.dates.iter().any(|text| has_time_of_day(text)) {
        return Timing::Hours;
    }
    let days: BTreeSet<NaiveDate> = scan
        .dates
        .iter()
        .filter_map(|text| parse_date(text, order))
        .collect();
    if spec.date_is_period_start && days.len() == 1 {
        return match (days.first(), period) {
            (Some(day), Some((start, end))) if *day == start => Timing::Period(start, end),
            _ => Timing::Unknown,
        };
    }
    let firsts_of_months = days.len() >= 2
        && days.iter().all(|d| chrono::Datelike::day(d) == 1)
        && days
            .iter()
            .zip(days.iter().skip(1))
            .all(|(a, b)| (*b - *a).num_days() >= 28);
    if firsts_of_months {
        return Timing::Months(period);
    }
    Timing::Days
}

/// True when a date cell also names a time of day other than midnight (`2026-10-01 13:00`).
fn has_time_of_day(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let Some(time) = lower.split([' ', 't', ',']).find(|part| part.contains(':')) else {
        return false;
    };
    let mut parts = time.split(':').map(|p| p.trim().parse::<u32>().ok());
    let (Some(Some(hour)), Some(Some(minute))) = (parts.next(), parts.next()) else {
        return false;
    };
    let twelve_am = hour == 12 && lower.contains("am");
    !((hour == 0 || twelve_am) && minute == 0)
}

/// Two columns with one meaning (`Retweets` and `Reposts`): the first is read, the others
/// said and left.
fn keep_first_of_duplicates(plan: &mut Plan, sheet: &Sheet<'_>, out: &mut Output<'_>) {
    let mut seen: Vec<(crate::model::Metric, crate::model::Distribution)> = Vec::new();
    let mut kept: Vec<MetricColumn> = Vec::new();
    for column in std::mem::take(&mut plan.metrics) {
        let key = (column.metric.clone(), column.distribution);
        if seen.contains(&key) {
            out.diagnostics.push(
                Diagnostic::info(
                    "duplicate_column",
                    format!(
                        "column {:?} repeats {} and was not imported",
                        column.label, column.metric
                    ),
                )
                .at(sheet.location.clone()),
            );
        } else {
            seen.push(key);
            kept.push(column);
        }
    }
    plan.metrics = kept;
    plan.duplicates.clear();
}

/// Columns neither the kind nor the currency column know, said once for the sheet.
fn report_unknown_columns(
    kind: &KindSpec,
    spec: &AdReportSpec,
    header: &ByteRecord,
    sheet: &Sheet<'_>,
    out: &mut Output<'_>,
) {
    let unknown: Vec<String> = (0..header.len())
        .map(|i| cell(header, i))
        .filter(|raw| {
            let label = parse_header(raw);
            !label.base.is_empty()
                && match_column(kind, &label).is_none()
                && !spec.currency_labels.iter().any(|l| l.text == label.full)
        })
        .map(written_label)
        .collect();
    if !unknown.is_empty() {
        out.diagnostics.push(
            Diagnostic::info(
                "column_not_imported",
                format!(
                    "{} column(s) are not ones Yardstick imports: {}",
                    unknown.len(),
                    unknown.join(", ")
                ),
            )
            .at(sheet.location.clone()),
        );
    }
}

fn is_blank(row: &ByteRecord) -> bool {
    row.iter().all(|c| c.iter().all(u8::is_ascii_whitespace))
}

/// Words that open a totals row.
const TOTAL_WORDS: &[&str] = &["total", "totals", "totaal", "grand total", "gesamt"];

struct RowReader<'r> {
    kind: &'r KindSpec,
    plan: &'r Plan,
    context: &'r FileContext,
    source: &'r SheetSource,
    header: &'r ByteRecord,
    currency_column: Option<usize>,
    language: Language,
    date_order: DateOrder,
    timing: Timing,
}

impl RowReader<'_> {
    fn at(&self, row_number: u64) -> String {
        format!("{} row {row_number}", self.source.location)
    }

    fn read_row(&self, row: &ByteRecord, row_number: u64, out: &mut Output<'_>) {
        if row == self.header {
            return;
        }
        let has_entities = !self.plan.entity_names.is_empty() || !self.plan.entity_ids.is_empty();
        let entity = match self.entity(row, row_number, out) {
            Ok(entity) => entity,
            Err(()) => return,
        };
        let names_nothing = has_entities && entity.0 == Scope::Account;
        let (scope, id, name) = if self.is_total_row(row) || names_nothing {
            match self.kind.total_row {
                TotalRow::Skip => {
                    if !out
                        .diagnostics
                        .has("total_row_skipped", &self.source.location)
                    {
                        out.diagnostics.push(
                            Diagnostic::info(
                                "total_row_skipped",
                                format!("a totals row ({row_number}) was skipped: it sums the rows of the report"),
                            )
                            .at(self.source.location.clone()),
                        );
                    }
                    return;
                }
                TotalRow::AccountRange => (Scope::Account, None, None),
            }
        } else {
            entity
        };
        let Some((window, start, end)) = self.window(row, row_number, out) else {
            return;
        };
        let account = self
            .plan
            .account_name
            .map(|i| cell(row, i).trim())
            .filter(|name| !name.is_empty())
            .unwrap_or(self.context.account.as_str());
        let row_currency = self
            .currency_column
            .map(|i| cell(row, i).trim().to_ascii_uppercase());
        for column in &self.plan.metrics {
            let raw = cell(row, column.index);
            let Some((value, rounded_to, unit)) =
                self.value(column, raw, row_currency.as_deref(), row_number, out)
            else {
                continue;
            };
            out.emit(
                self.source,
                Fact {
                    account,
                    scope,
                    post_id: id.as_deref(),
                    name: name.as_deref(),
                    metric: column.metric.clone(),
                    distribution: column.distribution,
                    window,
                    start,
                    end,
                    value,
                    unit,
                    rounded_to,
                    label: &column.label,
                    raw,
                },
            );
        }
        if let (true, Some(id)) = (out.wants_content(), id.as_deref()) {
            let entity = RowEntity {
                account,
                scope,
                id,
                published: self
                    .plan
                    .published
                    .and_then(|i| parse_date(cell(row, i), self.date_order)),
            };
            if let Some(record) = records::from_row(
                self.plan,
                self.header,
                row,
                entity,
                self.source,
                self.kind.permalink_prefix,
            ) {
                out.content(record);
            }
        }
    }

    /// The most specific entity the row names (its id, else its name as the id, and its
    /// name); the account when it names none.
    #[allow(clippy::type_complexity)]
    fn entity(
        &self,
        row: &ByteRecord,
        row_number: u64,
        out: &mut Output<'_>,
    ) -> Result<(Scope, Option<String>, Option<String>), ()> {
        for scope in [Scope::Ad, Scope::AdSet, Scope::Campaign] {
            let text = |columns: &[(Scope, usize)]| {
                columns
                    .iter()
                    .find(|(s, _)| *s == scope)
                    .map(|(_, i)| cell(row, *i).trim())
                    .filter(|t| !t.is_empty())
            };
            let name = text(&self.plan.entity_names);
            let id = match text(&self.plan.entity_ids).map(check_id) {
                Some(Ok(id)) => Some(id),
                Some(Err(())) => {
                    out.diagnostics.push(
                        Diagnostic::error(
                            "id_mangled",
                            format!("row {row_number}: the id was turned into a rounded number by a spreadsheet; the real id cannot be recovered, so the row was skipped (use the platform's original file)"),
                        )
                        .at(self.at(row_number)),
                    );
                    return Err(());
                }
                None => None,
            };
            if name.is_some() || id.is_some() {
                let id = id.or(name).map(str::to_owned);
                return Ok((scope, id, name.map(str::to_owned)));
            }
        }
        Ok((Scope::Account, None, None))
    }

    fn is_total_row(&self, row: &ByteRecord) -> bool {
        let candidates = std::iter::once(0)
            .chain(self.plan.date)
            .chain(self.plan.entity_names.iter().map(|(_, i)| *i))
            .chain(self.plan.entity_ids.iter().map(|(_, i)| *i));
        candidates.into_iter().any(|index| {
            let text = normalise_label(cell(row, index));
            TOTAL_WORDS.iter().any(|word| {
                text.strip_prefix(word)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '(', ':']))
            })
        })
    }

    fn window(
        &self,
        row: &ByteRecord,
        row_number: u64,
        out: &mut Output<'_>,
    ) -> Option<(Window, NaiveDate, NaiveDate)> {
        let day =
            |index: Option<usize>| index.and_then(|i| parse_date(cell(row, i), self.date_order));
        let span = |start: NaiveDate, end: NaiveDate| {
            let window = if start == end {
                Window::Day
            } else {
                Window::Range
            };
            Some((window, start, end))
        };
        let bad = |out: &mut Output<'_>, what: &str| {
            out.diagnostics.push(
                Diagnostic::warning(
                    "bad_row",
                    format!("row {row_number}: {what}; the row was skipped"),
                )
                .at(self.at(row_number)),
            );
            None
        };
        match self.timing {
            Timing::Columns => match (day(self.plan.range_start), day(self.plan.range_end)) {
                (Some(start), Some(end)) if start <= end => span(start, end),
                _ => bad(out, "the reporting start and end are not dates"),
            },
            Timing::Days => match day(self.plan.date) {
                Some(date) => span(date, date),
                None => bad(out, "the date is not a date in any known form"),
            },
            Timing::Months(within) => {
                let Some(first) = day(self.plan.date) else {
                    return bad(out, "the month is not a date in any known form");
                };
                let next = first.checked_add_months(chrono::Months::new(1))?;
                let last = next.pred_opt()?;
                let (start, end) = match within {
                    Some((from, to)) => (first.max(from), last.min(to)),
                    None => (first, last),
                };
                if start > end {
                    return bad(out, "the month lies outside the report's period");
                }
                span(start, end)
            }
            Timing::Period(start, end) => span(start, end),
            Timing::Hours | Timing::Unknown => None,
        }
    }

    /// A cell's value in its column's unit, or nothing (with a diagnostic when that is news).
    fn value(
        &self,
        column: &MetricColumn,
        raw: &str,
        row_currency: Option<&str>,
        row_number: u64,
        out: &mut Output<'_>,
    ) -> Option<(f64, Option<f64>, Unit)> {
        let result = if column.reading == Reading::Money {
            read_number(raw, self.language).map(|parsed| {
                let mark = match parsed.kind {
                    ValueKind::Currency(code) => Some(code),
                    _ => None,
                };
                (parsed.value, parsed.rounded_to, mark)
            })
        } else {
            read_value(raw, column.reading, self.language).map(|(v, r)| (v, r, None))
        };
        let (value, rounded_to, mark) = match result {
            Ok(found) => found,
            Err(ValueError::Missing { .. }) => return None,
            Err(_) if !raw.bytes().any(|b| b.is_ascii_digit()) => {
                let place = format!("{} column {:?}", self.source.location, column.label);
                if !out.diagnostics.has("text_in_number_column", &place) {
                    out.diagnostics.push(
                        Diagnostic::info(
                            "text_in_number_column",
                            format!("column {:?} holds text such as {raw:?} in some rows (first in row {row_number}); those cells were not imported", column.label),
                        )
                        .at(place)
                        .with_raw(raw),
                    );
                }
                return None;
            }
            Err(error) => {
                out.diagnostics.push(
                    Diagnostic::warning(
                        "bad_value",
                        format!(
                            "row {row_number}, column {:?}: {error}; the cell was skipped",
                            column.label
                        ),
                    )
                    .at(self.at(row_number))
                    .for_metric(column.metric.clone())
                    .with_raw(raw),
                );
                return None;
            }
        };
        let unit = match &column.unit {
            Unit::Currency(header) => {
                let header = Some(header.as_str()).filter(|c| !c.is_empty());
                let row = row_currency
                    .filter(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()));
                let cell = mark.flatten();
                let named: Vec<&str> = [header, row, cell.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                let code = match named.split_first() {
                    Some((first, rest)) if rest.iter().all(|c| c == first) => (*first).to_owned(),
                    Some(_) => {
                        out.diagnostics.push(
                            Diagnostic::warning(
                                "currency_conflict",
                                format!("row {row_number}, column {:?}: the file names different currencies for this amount ({}); the cell was skipped", column.label, named.join(", ")),
                            )
                            .at(self.at(row_number))
                            .for_metric(column.metric.clone())
                            .with_raw(raw),
                        );
                        return None;
                    }
                    None => {
                        let place = format!("{} column {:?}", self.source.location, column.label);
                        if !out.diagnostics.has("currency_unknown", &place) {
                            out.diagnostics.push(
                                Diagnostic::warning(
                                    "currency_unknown",
                                    format!("column {:?} holds money but neither its header, a currency column nor the amounts name the currency; it was not imported (a guess could mix currencies)", column.label),
                                )
                                .at(place)
                                .for_metric(column.metric.clone()),
                            );
                        }
                        return None;
                    }
                };
                Unit::Currency(code)
            }
            other => other.clone(),
        };
        Some((value, rounded_to, unit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import_file;

    /// Imports `text` as the file `name`: `metric value unit window start..end` per
    /// observation, and the diagnostics' codes.
    fn check(name: &str, text: &str, observations: &[&str], codes: &[&str]) {
        let at = "2026-11-01T00:00:00Z".parse().unwrap();
        let result = import_file(name, text.as_bytes(), at).unwrap();
        let lines: Vec<String> = result
            .observations
            .iter()
            .map(|o| {
                format!(
                    "{}:{} {} {} {} {:?} {}..{}",
                    serde_json::to_value(o.scope).unwrap().as_str().unwrap(),
                    o.post_id.as_deref().unwrap_or("-"),
                    o.metric,
                    o.value,
                    o.unit,
                    o.window,
                    o.start,
                    o.end
                )
            })
            .collect();
        let found: Vec<&str> = result
            .summary
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .collect();
        assert_eq!(lines, observations, "{text}");
        assert_eq!(found, codes, "{text}");
    }

    const X_HEADER: &str = "ID,Campaign,Time,Spend,Impressions,Engagements\n";

    #[test]
    fn money_takes_the_currency_its_file_names_or_none() {
        // Marked amounts name their currency; a bare $ names none.
        check(
            "x.csv",
            &format!("{X_HEADER}c1,Spring,2026-10-01,€61.80,100,5\n"),
            &[
                "campaign:c1 spend 61.8 currency:EUR Day 2026-10-01..2026-10-01",
                "campaign:c1 impressions 100 count Day 2026-10-01..2026-10-01",
                "campaign:c1 x:engagements 5 count Day 2026-10-01..2026-10-01",
            ],
            &[],
        );
        check(
            "x.csv",
            &format!("{X_HEADER}c1,Spring,2026-10-01,$61.80,100,5\n"),
            &[
                "campaign:c1 impressions 100 count Day 2026-10-01..2026-10-01",
                "campaign:c1 x:engagements 5 count Day 2026-10-01..2026-10-01",
            ],
            &["currency_unknown"],
        );
        // A header and a currency column that disagree: the cell is refused.
        check(
            "t.csv",
            "Campaign name,Date,Currency,Cost (EUR),Impressions,Reach\nSpring,2026-10-01,USD,4.00,10,9\n",
            &[
                "campaign:Spring impressions 10 count Day 2026-10-01..2026-10-01",
                "campaign:Spring reach 9 count Day 2026-10-01..2026-10-01",
            ],
            &["currency_conflict"],
        );
    }

    #[test]
    fn a_report_start_without_its_end_imports_nothing() {
        let header = "Start Date (in UTC),Campaign Name,Currency,Total Spent,Impressions,Clicks\n";
        let rows = "10/1/2026,Spring,EUR,4.00,10,1\n10/1/2026,Fall,EUR,5.00,20,2\n";
        check(
            "li.csv",
            &format!("{header}{rows}"),
            &[],
            &["period_unknown"],
        );
        check(
            "li.csv",
            &format!("Report Start: 10/1/2026\nReport End: 10/7/2026\n{header}{rows}"),
            &[
                "ad_set:Spring spend 4 currency:EUR Range 2026-10-01..2026-10-07",
                "ad_set:Spring impressions 10 count Range 2026-10-01..2026-10-07",
                "ad_set:Spring linkedin:clicks 1 count Range 2026-10-01..2026-10-07",
                "ad_set:Fall spend 5 currency:EUR Range 2026-10-01..2026-10-07",
                "ad_set:Fall impressions 20 count Range 2026-10-01..2026-10-07",
                "ad_set:Fall linkedin:clicks 2 count Range 2026-10-01..2026-10-07",
            ],
            &[],
        );
    }

    #[test]
    fn rows_naming_no_entity_are_totals_and_month_rows_cover_months() {
        check(
            "p.csv",
            "Campaign name,Date,Spend (EUR),Impressions,Pin clicks\nSpring,2026-09-01,3.00,10,1\nSpring,2026-10-01,4.00,20,2\n,,7.00,30,3\n",
            &[
                "campaign:Spring spend 3 currency:EUR Range 2026-09-01..2026-09-30",
                "campaign:Spring impressions 10 count Range 2026-09-01..2026-09-30",
                "campaign:Spring pinterest:pin_clicks 1 count Range 2026-09-01..2026-09-30",
                "campaign:Spring spend 4 currency:EUR Range 2026-10-01..2026-10-31",
                "campaign:Spring impressions 20 count Range 2026-10-01..2026-10-31",
                "campaign:Spring pinterest:pin_clicks 2 count Range 2026-10-01..2026-10-31",
            ],
            &["total_row_skipped"],
        );
    }

    #[test]
    fn times_of_day_are_told_from_midnight() {
        for (text, hourly) in [
            ("2026-10-01", false),
            ("2026-10-01 00:00", false),
            ("10/1/2026, 12:00 AM", false),
            ("2026-10-01 13:00", true),
            ("2026-10-01T09:00:00", true),
            ("10/1/2026 1:00 PM", true),
        ] {
            assert_eq!(has_time_of_day(text), hourly, "{text}");
        }
    }

    #[test]
    fn description_lines_give_the_period_in_either_layout() {
        let spec = &ads_linkedin::SPEC;
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let check = |lines: &[&str], order, expected| {
            let lines: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
            assert_eq!(preamble_period(spec, &lines, order), expected, "{lines:?}");
        };
        check(
            &[
                "Campaign Performance Report (in UTC)",
                "Report Start: 10/1/2026, 12:00 AM",
                "Report End: 10/28/2026, 11:59 PM",
            ],
            DateOrder::MonthFirst,
            Some((day(2026, 10, 1), day(2026, 10, 28))),
        );
        check(
            &["Report Start: 01/10/2026, Report End: 28/10/2026"],
            DateOrder::DayFirst,
            Some((day(2026, 10, 1), day(2026, 10, 28))),
        );
        check(
            &["Report Start: 10/28/2026", "Report End: 10/1/2026"],
            DateOrder::MonthFirst,
            None,
        );
        check(
            &["Campaign Performance Report (in UTC)"],
            DateOrder::MonthFirst,
            None,
        );
    }
}
