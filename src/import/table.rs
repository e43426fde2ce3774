//! The generic table reader: a detected header row and the rows below it → observations.
//!
//! It maps each header cell to a column of the export kind (or keeps an unknown numeric
//! column under the platform's namespace), decides the file's number and date style from a
//! sample of rows, then reads rows one at a time: the window (a day, lifetime as of the
//! export day, a range), the scope and id (account, post, ad entity), and one observation per
//! metric cell. Bad cells and rows become diagnostics with their row number; the rest reads
//! on. Platform knowledge lives in the kind tables, not here.

use chrono::NaiveDate;
use csv::ByteRecord;

use super::cells::{decide_style, read_duration, read_number, style_language, StyleEvidence};
use super::columns::{parse_header, HeaderLabel, Reading, Role};
use super::dates::{order_evidence, parse_date, DateOrder};
use super::detect::{cell, match_column, Detected};
use super::kinds::{KindSpec, Shape, TotalRow};
use super::output::{Fact, Output, SheetSource};
use super::records::{self, RowEntity};
use super::tabular::Sheet;
use crate::model::{Diagnostic, Distribution, Language, Metric, Scope, Unit, Window};
use crate::values::ValueError;

/// Rows sampled after the header to decide number and date styles.
const SAMPLE_ROWS: usize = 300;

/// Words in a date column meaning "lifetime totals" (Meta's post exports).
const LIFETIME_WORDS: &[&str] = &[
    "lifetime",
    "levensduur",
    "gesamte laufzeit",
    "lebensdauer",
    "durée de vie",
    "de por vida",
    "vida útil",
    "total de por vida",
];

/// First-cell words of total and summary rows.
const TOTAL_WORDS: &[&str] = &[
    "total",
    "totals",
    "grand total",
    "totaal",
    "gesamt",
    "insgesamt",
    "summe",
    "totales",
    "total general",
    "gesamtwerte",
];

/// What the importer knows about the file beyond this sheet.
#[derive(Debug, Clone)]
pub(crate) struct FileContext {
    pub read_at: chrono::DateTime<chrono::Utc>,
    /// The as-of day of lifetime totals: the export day from the name, else the import day.
    pub export_day: NaiveDate,
    pub account: String,
    /// The export's period: from the file name, or from another sheet (YouTube's totals,
    /// LinkedIn's discovery sheet).
    pub period: Option<(NaiveDate, NaiveDate)>,
}

/// How one column is read.
#[derive(Debug, Clone)]
pub(crate) struct MetricColumn {
    pub index: usize,
    pub label: String,
    pub metric: Metric,
    pub reading: Reading,
    pub distribution: Distribution,
    pub unit: Unit,
}

/// The header, understood.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    pub date: Option<usize>,
    pub post_id: Option<usize>,
    pub post_link: Option<usize>,
    pub published: Option<usize>,
    pub title: Option<usize>,
    pub account_name: Option<usize>,
    pub range_start: Option<usize>,
    pub range_end: Option<usize>,
    pub entity_names: Vec<(Scope, usize)>,
    pub entity_ids: Vec<(Scope, usize)>,
    /// Where the content record's fields are (text, links, result type, …).
    pub content: ContentColumns,
    pub metrics: Vec<MetricColumn>,
    /// Groups of metric columns (indices into `metrics`) with the same metric and split.
    pub duplicates: Vec<Vec<usize>>,
    /// Header cells no column matched: (index, label as written, parsed label).
    unknown: Vec<(usize, String, HeaderLabel)>,
}

impl Plan {
    /// One past the last column the plan reads.
    fn width(&self) -> usize {
        let singles = [
            self.date,
            self.post_id,
            self.post_link,
            self.published,
            self.title,
            self.account_name,
            self.range_start,
            self.range_end,
        ];
        let entities = self
            .entity_names
            .iter()
            .chain(&self.entity_ids)
            .map(|(_, i)| *i);
        let metrics = self.metrics.iter().map(|c| c.index);
        singles
            .into_iter()
            .flatten()
            .chain(entities)
            .chain(metrics)
            .max()
            .map_or(0, |i| i + 1)
    }
}

/// The columns that hold what a content record says besides the plan's title, link and
/// publication day (those serve the observations too).
#[derive(Debug, Default, Clone)]
pub(crate) struct ContentColumns {
    pub text: Option<usize>,
    pub target_link: Option<usize>,
    /// Result type and result indicator columns, in header order: the first filled cell wins.
    pub result_types: Vec<usize>,
    pub attribution: Option<usize>,
    pub campaign_name: Option<usize>,
}

/// A header label as the user would recognise it: BOMs, soft hyphens and padding removed.
pub(crate) fn written_label(raw: &str) -> String {
    raw.chars()
        .filter(|c| !matches!(c, '\u{feff}' | '\u{ad}' | '\u{200b}'))
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Understands a header row for a kind.
pub(crate) fn plan(kind: &KindSpec, header: &ByteRecord) -> Plan {
    let mut plan = Plan::default();
    for index in 0..header.len() {
        let raw = cell(header, index);
        let label = parse_header(raw);
        if label.base.is_empty() {
            continue;
        }
        let Some((_, column, _)) = match_column(kind, &label) else {
            plan.unknown.push((index, written_label(raw), label));
            continue;
        };
        let slot = match column.role {
            Role::Date => &mut plan.date,
            Role::PostId => &mut plan.post_id,
            Role::PostLink => &mut plan.post_link,
            Role::PublishedAt => &mut plan.published,
            Role::Title => &mut plan.title,
            Role::AccountName => &mut plan.account_name,
            Role::RangeStart => &mut plan.range_start,
            Role::RangeEnd => &mut plan.range_end,
            Role::EntityName(scope) => {
                plan.entity_names.push((scope, index));
                continue;
            }
            Role::EntityId(scope) => {
                plan.entity_ids.push((scope, index));
                continue;
            }
            Role::Text => &mut plan.content.text,
            Role::TargetLink => &mut plan.content.target_link,
            Role::ResultType => {
                plan.content.result_types.push(index);
                continue;
            }
            Role::Attribution => &mut plan.content.attribution,
            Role::CampaignName => &mut plan.content.campaign_name,
            Role::Attribute => continue,
            Role::Metric(target) => {
                let promoted = kind.promoted_prefix && label.base.starts_with("promoted ");
                let distribution = if promoted {
                    Distribution::Paid
                } else {
                    label
                        .distribution
                        .or(target.split)
                        .unwrap_or(kind.unsuffixed)
                };
                let unit = unit_for(target.reading, label.currency.as_deref());
                plan.metrics.push(MetricColumn {
                    index,
                    label: written_label(raw),
                    metric: target.metric.resolve(kind.platform),
                    reading: target.reading,
                    distribution,
                    unit,
                });
                continue;
            }
        };
        if slot.is_none() {
            *slot = Some(index);
        }
    }
    plan.duplicates = duplicate_groups(&plan.metrics);
    plan
}

fn unit_for(reading: Reading, currency: Option<&str>) -> Unit {
    match reading {
        Reading::Count | Reading::Level => Unit::Count,
        Reading::Fraction | Reading::PercentNumber => Unit::Ratio,
        Reading::Seconds | Reading::Hours | Reading::Duration => Unit::Seconds,
        Reading::Money => Unit::Currency(currency.unwrap_or_default().to_owned()),
    }
}

fn duplicate_groups(metrics: &[MetricColumn]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, column) in metrics.iter().enumerate() {
        let first = metrics.iter().position(|other| {
            other.metric == column.metric && other.distribution == column.distribution
        });
        if first == Some(i) {
            continue;
        }
        match groups
            .iter_mut()
            .find(|group| group.first() == first.as_ref())
        {
            Some(group) => group.push(i),
            None => groups.push(first.into_iter().chain([i]).collect()),
        }
    }
    groups
}

/// A header that lost its quotes (`Reactions, comments and shares` split in two) is wider
/// than its rows: cells starting with a space are joined back onto the cell before.
pub(crate) fn repair_header(header: &ByteRecord, data_width: usize) -> Option<ByteRecord> {
    if data_width == 0 || header.len() <= data_width {
        return None;
    }
    let mut cells: Vec<String> = (0..header.len())
        .map(|i| cell(header, i).to_owned())
        .collect();
    while cells.len() > data_width {
        let join_at = cells
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, c)| c.starts_with(' '))
            .map(|(i, _)| i)?;
        let tail = cells.remove(join_at);
        if let Some(previous) = join_at.checked_sub(1).and_then(|i| cells.get_mut(i)) {
            previous.push(',');
            previous.push_str(&tail);
        }
    }
    Some(ByteRecord::from(cells))
}

/// Reads a detected table sheet into `out`.
pub(crate) fn read(
    sheet: &Sheet<'_>,
    detected: &Detected,
    context: &FileContext,
    out: &mut Output<'_>,
) {
    let kind = detected.kind;
    let mut header = detected.header.clone();
    let sample = sample_rows(sheet, detected.header_index);
    let data_width = modal_width(&sample);
    if let Some(repaired) = repair_header(&header, data_width) {
        out.diagnostics.push(
            Diagnostic::info(
                "header_repaired",
                "the header row has more cells than the data rows (a label with a comma lost its quotes); its cells were joined back",
            )
            .at(sheet.location.clone()),
        );
        header = repaired;
    }
    let mut plan = self::plan(kind, &header);
    let styles = Styles::decide(kind, detected, &plan, &sample, sheet);
    adopt_unknown_columns(kind, &mut plan, &sample, styles.number_language, sheet, out);
    drop_unusable_columns(&mut plan, sheet, out);
    let description_rows = description_rows(&plan, &sample, styles.number_language);
    let source = SheetSource {
        location: sheet.location.clone(),
        read_at: context.read_at,
        locale: detected.language.map(|l| l.code().to_owned()),
        platform: kind.platform,
    };
    let mut needed_width = plan.width();
    let mut rows = sheet.rows();
    let mut record = ByteRecord::new();
    let mut index = 0usize;
    let mut period_warned = false;
    let mut after_blank = false;
    while let Some(row_number) = rows.next_row(&mut record) {
        let this = index;
        index += 1;
        if this <= detected.header_index + description_rows {
            if this > detected.header_index {
                out.diagnostics.push(
                    Diagnostic::info(
                        "description_row",
                        "a row of column descriptions under the header was skipped",
                    )
                    .at(format!("{} row {row_number}", sheet.location)),
                );
            }
            continue;
        }
        out.row_done(|| rows.fraction_done());
        let blank = record.iter().all(|c| c.iter().all(u8::is_ascii_whitespace));
        // Two tables in one file (reported of Ads Manager): the second table's own header
        // decides its columns. A header shows itself by words where the first metric has a
        // number (CSV readers drop blank lines, so a blank line alone cannot tell).
        let words_in_first_metric = plan.metrics.first().is_some_and(|column| {
            let text = cell(&record, column.index).trim();
            !text.is_empty()
                && !text.bytes().any(|b| b.is_ascii_digit())
                && !is_plainly_missing(text)
        });
        if !blank && (after_blank || words_in_first_metric) && looks_like_header(kind, &record) {
            header = record.clone();
            plan = self::plan(kind, &header);
            adopt_unknown_columns(kind, &mut plan, &[], styles.number_language, sheet, out);
            drop_unusable_columns(&mut plan, sheet, out);
            needed_width = plan.width();
            out.diagnostics.push(
                Diagnostic::info(
                    "second_table",
                    format!("a second table starts at row {row_number}; its own header was used for the rows below it"),
                )
                .at(format!("{} row {row_number}", sheet.location)),
            );
            after_blank = false;
            continue;
        }
        after_blank = blank;
        let reader = RowReader {
            kind,
            plan: &plan,
            styles: &styles,
            context,
            source: &source,
            header: &header,
            needed_width,
        };
        reader.read_row(&record, row_number, &mut period_warned, out);
    }
    out.report(1.0);
}

/// A row most of whose cells are labels of the kind's columns (at least three).
fn looks_like_header(kind: &KindSpec, row: &ByteRecord) -> bool {
    let filled: Vec<HeaderLabel> = (0..row.len())
        .map(|i| parse_header(cell(row, i)))
        .filter(|label| !label.base.is_empty())
        .collect();
    let matched = filled
        .iter()
        .filter(|label| match_column(kind, label).is_some())
        .count();
    matched >= 3 && matched * 2 >= filled.len()
}

fn sample_rows(sheet: &Sheet<'_>, header_index: usize) -> Vec<ByteRecord> {
    let mut rows = sheet.rows();
    let mut record = ByteRecord::new();
    let mut out = Vec::new();
    let mut index = 0usize;
    while out.len() < SAMPLE_ROWS && rows.next_row(&mut record).is_some() {
        if index > header_index {
            out.push(record.clone());
        }
        index += 1;
    }
    out
}

fn modal_width(rows: &[ByteRecord]) -> usize {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for row in rows.iter().filter(|row| row.len() > 1) {
        match counts.iter_mut().find(|(width, _)| *width == row.len()) {
            Some((_, count)) => *count += 1,
            None => counts.push((row.len(), 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, count)| *count)
        .map_or(0, |(width, _)| width)
}

/// The file's number language and date order.
#[derive(Debug)]
pub(crate) struct Styles {
    pub number_language: Language,
    pub date_order: DateOrder,
}

impl Styles {
    fn decide(
        kind: &KindSpec,
        detected: &Detected,
        plan: &Plan,
        sample: &[ByteRecord],
        sheet: &Sheet<'_>,
    ) -> Styles {
        let mut numbers = StyleEvidence::default();
        let mut day_first = 0u32;
        let mut month_first = 0u32;
        let date_columns = [plan.date, plan.published, plan.range_start, plan.range_end];
        for row in sample {
            for column in &plan.metrics {
                numbers.observe(cell(row, column.index));
            }
            for (index, _, _) in &plan.unknown {
                numbers.observe(cell(row, *index));
            }
            for index in date_columns.iter().flatten() {
                match order_evidence(cell(row, *index)) {
                    Some(DateOrder::DayFirst) => day_first += 1,
                    Some(DateOrder::MonthFirst) => month_first += 1,
                    None => {}
                }
            }
        }
        let semicolon = matches!(
            sheet.body,
            super::tabular::SheetBody::Text {
                delimiter: b';',
                ..
            }
        );
        let style = decide_style(
            numbers,
            semicolon,
            kind.localised_numbers,
            detected.language,
        );
        let date_order = match (day_first, month_first) {
            (d, 0) if d > 0 => DateOrder::DayFirst,
            (0, m) if m > 0 => DateOrder::MonthFirst,
            _ => kind.date_order,
        };
        Styles {
            number_language: style_language(style, detected.language),
            date_order,
        }
    }
}

/// Unknown columns whose sampled cells are all numbers are kept under the platform's own
/// namespace (`facebook:matched_audience_targeting_consumption`); the others are reported.
fn adopt_unknown_columns(
    kind: &KindSpec,
    plan: &mut Plan,
    sample: &[ByteRecord],
    language: Language,
    sheet: &Sheet<'_>,
    out: &mut Output<'_>,
) {
    for (index, written, label) in std::mem::take(&mut plan.unknown) {
        let (mut numbers, mut others) = (0, 0);
        for row in sample {
            match read_number(cell(row, index), language) {
                Ok(_) => numbers += 1,
                Err(ValueError::Missing { .. }) => {}
                Err(_) => others += 1,
            }
        }
        let is_percent = label.base.contains("(%)");
        let is_identifier = label.base.ends_with(" id") || label.base == "id";
        if numbers > 0 && others == 0 && !is_identifier {
            let reading = match (&label.currency, is_percent) {
                (Some(_), _) => Reading::Money,
                (None, true) => Reading::PercentNumber,
                (None, false) => Reading::Count,
            };
            out.diagnostics.push(
                Diagnostic::info(
                    "column_kept_as_platform_metric",
                    format!("column {written:?} is not one Yardstick knows; its numbers are kept as {}:{}", kind.platform.id(), crate::model::snake_case(&label.base)),
                )
                .at(sheet.location.clone()),
            );
            plan.metrics.push(MetricColumn {
                index,
                metric: Metric::platform(kind.platform, &label.base),
                reading,
                distribution: label.distribution.unwrap_or(kind.unsuffixed),
                unit: unit_for(reading, label.currency.as_deref()),
                label: written,
            });
        } else {
            out.diagnostics.push(
                Diagnostic::info(
                    "column_not_imported",
                    format!(
                        "column {written:?} holds no numbers Yardstick reads; it was not imported"
                    ),
                )
                .at(sheet.location.clone()),
            );
        }
    }
}

/// Money columns need a currency. An export names it in some money headers only (Ads
/// Manager writes `Amount spent (EUR)` but `Cost per results`): one account has one
/// currency, so the one named elsewhere in the header applies. Without any, the column
/// cannot be read.
fn drop_unusable_columns(plan: &mut Plan, sheet: &Sheet<'_>, out: &mut Output<'_>) {
    let named: Vec<String> = plan
        .metrics
        .iter()
        .filter_map(|column| match &column.unit {
            Unit::Currency(code) if !code.is_empty() => Some(code.clone()),
            _ => None,
        })
        .fold(Vec::new(), |mut all, code| {
            if !all.contains(&code) {
                all.push(code);
            }
            all
        });
    if let [only] = named.as_slice() {
        for column in &mut plan.metrics {
            if column.unit == Unit::Currency(String::new()) {
                column.unit = Unit::Currency(only.clone());
            }
        }
    }
    plan.metrics.retain(|column| {
        let usable = !matches!(&column.unit, Unit::Currency(code) if code.is_empty());
        if !usable {
            out.diagnostics.push(
                Diagnostic::warning(
                    "currency_unknown",
                    format!("column {:?} holds money but names no currency; it was not imported (re-export with the currency in the header)", column.label),
                )
                .at(sheet.location.clone()),
            );
        }
        usable
    });
    plan.duplicates = duplicate_groups(&plan.metrics);
}

/// 2015-era Insights exports put a row of long descriptions under the header.
fn description_rows(plan: &Plan, sample: &[ByteRecord], language: Language) -> usize {
    let Some(first) = sample.first() else {
        return 0;
    };
    let (mut texts, mut numbers) = (0, 0);
    for column in &plan.metrics {
        let text = cell(first, column.index);
        match read_number(text, language) {
            Ok(_) => numbers += 1,
            Err(ValueError::Missing { .. }) => {}
            Err(_) if text.split_whitespace().count() >= 3 => texts += 1,
            Err(_) => {}
        }
    }
    usize::from(numbers == 0 && texts >= 2)
}

struct RowReader<'r> {
    kind: &'r KindSpec,
    plan: &'r Plan,
    styles: &'r Styles,
    context: &'r FileContext,
    source: &'r SheetSource,
    header: &'r ByteRecord,
    /// One past the last column any role reads: a shorter row lost cells.
    needed_width: usize,
}

/// The when and who of one row.
struct RowFrame<'a> {
    window: Window,
    start: NaiveDate,
    end: NaiveDate,
    scope: Scope,
    post_id: Option<std::borrow::Cow<'a, str>>,
    name: Option<String>,
    account: &'a str,
    /// The post's publication day, when the row gives one.
    published: Option<NaiveDate>,
}

impl RowReader<'_> {
    fn at(&self, row_number: u64) -> String {
        format!("{} row {row_number}", self.source.location)
    }

    fn read_row(
        &self,
        row: &ByteRecord,
        row_number: u64,
        period_warned: &mut bool,
        out: &mut Output<'_>,
    ) {
        if row.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) || row == self.header {
            return;
        }
        if row.len() < self.needed_width {
            out.diagnostics.push(
                Diagnostic::warning(
                    "short_row",
                    format!(
                        "row {row_number} has {} cells where the header has {}: the file may be cut short; the missing cells were not read",
                        row.len(),
                        self.header.len()
                    ),
                )
                .at(self.at(row_number)),
            );
        }
        let is_total = self.is_total_row(row);
        if is_total && self.kind.total_row == TotalRow::Skip {
            if !out
                .diagnostics
                .has("total_row_skipped", &self.source.location)
            {
                out.diagnostics.push(
                    Diagnostic::info(
                        "total_row_skipped",
                        format!(
                            "a total row ({row_number}) was skipped: it sums the rows of the table"
                        ),
                    )
                    .at(self.source.location.clone()),
                );
            }
            return;
        }
        let Some(frame) = self.frame(row, row_number, is_total, period_warned, out) else {
            return;
        };
        self.read_metrics(row, row_number, &frame, out);
        if out.wants_content() {
            self.read_content(row, &frame, out);
        }
    }

    /// The row's content record, keyed as its observations are.
    fn read_content(&self, row: &ByteRecord, frame: &RowFrame<'_>, out: &mut Output<'_>) {
        let Some(id) = frame.post_id.as_deref() else {
            return;
        };
        let entity = RowEntity {
            account: frame.account,
            scope: frame.scope,
            id,
            published: frame.published,
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

    fn is_total_row(&self, row: &ByteRecord) -> bool {
        let candidates = [
            Some(0),
            self.plan.post_id,
            self.plan.date,
            self.plan.entity_names.first().map(|(_, i)| *i),
        ];
        candidates
            .iter()
            .flatten()
            .any(|index| is_one_of(cell(row, *index), TOTAL_WORDS))
    }

    fn frame<'a>(
        &'a self,
        row: &'a ByteRecord,
        row_number: u64,
        is_total: bool,
        period_warned: &mut bool,
        out: &mut Output<'_>,
    ) -> Option<RowFrame<'a>> {
        let account = self
            .plan
            .account_name
            .map(|i| cell(row, i).trim())
            .filter(|name| !name.is_empty())
            .unwrap_or(self.context.account.as_str());
        let published = self
            .plan
            .published
            .and_then(|i| parse_date(cell(row, i), self.styles.date_order));
        let export_day = self.context.export_day;
        let lifetime = |published: Option<NaiveDate>| {
            let end = export_day;
            (
                Window::Lifetime,
                published.filter(|p| *p <= end).unwrap_or(end),
                end,
            )
        };
        let (window, start, end) = match self.kind.shape {
            Shape::ReportingRange => self.reporting_range(row, row_number, out)?,
            Shape::ExportRange => match self.context.period {
                Some((first, last)) => (Window::Range, first, last),
                None => {
                    if !*period_warned {
                        *period_warned = true;
                        out.diagnostics.push(
                            Diagnostic::warning("period_unknown", "the rows hold totals over the export's period, but neither the file nor its name says which period; they were not imported (import the whole ZIP, or keep the dates in the file name)")
                                .at(self.source.location.clone()),
                        );
                    }
                    return None;
                }
            },
            Shape::Daily | Shape::PostLifetime => match self.plan.date {
                Some(index) => {
                    let text = cell(row, index);
                    if is_one_of(text, LIFETIME_WORDS) {
                        lifetime(published)
                    } else if let Some(day) = parse_date(text, self.styles.date_order) {
                        (Window::Day, day, day)
                    } else if self.kind.shape == Shape::PostLifetime && text.trim().is_empty() {
                        lifetime(published)
                    } else {
                        out.diagnostics.push(
                            Diagnostic::warning("bad_row", format!("row {row_number}: the date {text:?} is not a date in any known form; the row was skipped"))
                                .at(self.at(row_number))
                                .with_raw(text),
                        );
                        return None;
                    }
                }
                None if self.kind.shape == Shape::PostLifetime => lifetime(published),
                None => {
                    out.diagnostics.push(
                        Diagnostic::warning(
                            "bad_row",
                            format!("row {row_number}: no date column; the row was skipped"),
                        )
                        .at(self.at(row_number)),
                    );
                    return None;
                }
            },
            _ => return None,
        };
        if is_total {
            return Some(RowFrame {
                window,
                start,
                end,
                scope: Scope::Account,
                post_id: None,
                name: None,
                account,
                published: None,
            });
        }
        let (scope, post_id, name) = self.entity(row, row_number, out)?;
        Some(RowFrame {
            window,
            start,
            end,
            scope,
            post_id,
            name,
            account,
            published,
        })
    }

    fn reporting_range(
        &self,
        row: &ByteRecord,
        row_number: u64,
        out: &mut Output<'_>,
    ) -> Option<(Window, NaiveDate, NaiveDate)> {
        let day = |index: Option<usize>| {
            index.and_then(|i| parse_date(cell(row, i), self.styles.date_order))
        };
        match (day(self.plan.range_start), day(self.plan.range_end)) {
            (Some(start), Some(end)) if start == end => Some((Window::Day, start, end)),
            (Some(start), Some(end)) if start < end => Some((Window::Range, start, end)),
            _ => match (self.plan.range_start, self.context.period) {
                (None, Some((start, end))) => Some((Window::Range, start, end)),
                _ => {
                    out.diagnostics.push(
                        Diagnostic::warning("bad_row", format!("row {row_number}: the reporting start and end are not dates; the row was skipped"))
                            .at(self.at(row_number)),
                    );
                    None
                }
            },
        }
    }

    /// The scope, id and name of a row: account, a post (id or link), or an ad entity.
    fn entity<'a>(
        &'a self,
        row: &'a ByteRecord,
        row_number: u64,
        out: &mut Output<'_>,
    ) -> Option<(Scope, Option<std::borrow::Cow<'a, str>>, Option<String>)> {
        if !self.plan.entity_names.is_empty() || !self.plan.entity_ids.is_empty() {
            return Some(self.ad_entity(row));
        }
        let title = self
            .plan
            .title
            .map(|i| short_title(cell(row, i)))
            .filter(|t| !t.is_empty());
        if let Some(index) = self.plan.post_id {
            let raw = cell(row, index);
            return match check_id(raw) {
                Ok(id) if !id.is_empty() => {
                    Some((Scope::Post, Some(std::borrow::Cow::Borrowed(id)), title))
                }
                Ok(_) => self
                    .id_from_link(row)
                    .map(|id| (Scope::Post, Some(std::borrow::Cow::Owned(id)), title))
                    .or_else(|| {
                        out.diagnostics.push(
                            Diagnostic::warning(
                                "bad_row",
                                format!(
                                    "row {row_number}: the post id is empty; the row was skipped"
                                ),
                            )
                            .at(self.at(row_number)),
                        );
                        None
                    }),
                Err(()) => {
                    out.diagnostics.push(
                        Diagnostic::error("id_mangled", format!("row {row_number}: the post id {raw:?} was turned into a rounded number by a spreadsheet; the real id cannot be recovered, so the row was skipped (use the platform's original file)"))
                            .at(self.at(row_number))
                            .with_raw(raw),
                    );
                    None
                }
            };
        }
        if self.plan.post_link.is_some() {
            return match self.id_from_link(row) {
                Some(id) => Some((Scope::Post, Some(std::borrow::Cow::Owned(id)), title)),
                None => {
                    out.diagnostics.push(
                        Diagnostic::warning(
                            "bad_row",
                            format!(
                                "row {row_number}: the post link is empty; the row was skipped"
                            ),
                        )
                        .at(self.at(row_number)),
                    );
                    None
                }
            };
        }
        Some((Scope::Account, None, None))
    }

    fn id_from_link(&self, row: &ByteRecord) -> Option<String> {
        let link = cell(row, self.plan.post_link?).trim();
        (!link.is_empty()).then(|| post_id_from_link(link))
    }

    /// The most specific entity with a name or id; no entity at all is the account's total.
    fn ad_entity<'a>(
        &'a self,
        row: &'a ByteRecord,
    ) -> (Scope, Option<std::borrow::Cow<'a, str>>, Option<String>) {
        for scope in [Scope::Ad, Scope::AdSet, Scope::Campaign] {
            let name = self
                .plan
                .entity_names
                .iter()
                .find(|(s, _)| *s == scope)
                .map(|(_, i)| cell(row, *i).trim())
                .filter(|n| !n.is_empty());
            let id = self
                .plan
                .entity_ids
                .iter()
                .find(|(s, _)| *s == scope)
                .map(|(_, i)| cell(row, *i).trim())
                .filter(|n| !n.is_empty());
            if name.is_some() || id.is_some() {
                let id = id.or(name).map(std::borrow::Cow::Borrowed);
                return (scope, id, name.map(str::to_owned));
            }
        }
        (Scope::Account, None, None)
    }

    fn read_metrics(
        &self,
        row: &ByteRecord,
        row_number: u64,
        frame: &RowFrame<'_>,
        out: &mut Output<'_>,
    ) {
        let language = self.styles.number_language;
        let mut skip: Vec<usize> = Vec::new();
        for group in &self.plan.duplicates {
            self.resolve_duplicates(row, row_number, group, frame, &mut skip, out);
        }
        for (position, column) in self.plan.metrics.iter().enumerate() {
            if skip.contains(&position) {
                continue;
            }
            let raw = cell(row, column.index);
            if is_plainly_missing(raw) {
                continue;
            }
            match read_value(raw, column.reading, language) {
                Ok((value, rounded_to)) => self.emit(column, frame, value, rounded_to, raw, out),
                Err(ValueError::Missing { .. }) => {}
                Err(_) if !raw.bytes().any(|b| b.is_ascii_digit()) => {
                    // Words where a number may stand (`Using campaign budget`): said once.
                    let place = format!("{} column {:?}", self.source.location, column.label);
                    if !out.diagnostics.has("text_in_number_column", &place) {
                        out.diagnostics.push(
                            Diagnostic::info("text_in_number_column", format!("column {:?} holds text such as {raw:?} in some rows (first in row {row_number}); those cells were not imported", column.label))
                                .at(place)
                                .with_raw(raw),
                        );
                    }
                }
                Err(error) => out.diagnostics.push(
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
                ),
            }
        }
    }

    /// Two columns with one meaning (Meta's duplicated `Reactions`): equal values are one
    /// fact; a first column equal to the second plus comments and shares is Meta's
    /// "reactions, comments and shares"; anything else cannot be told apart and is reported.
    /// Pushes onto `skip` the columns the normal pass must not read.
    #[allow(clippy::too_many_arguments)]
    fn resolve_duplicates(
        &self,
        row: &ByteRecord,
        row_number: u64,
        group: &[usize],
        frame: &RowFrame<'_>,
        skip: &mut Vec<usize>,
        out: &mut Output<'_>,
    ) {
        use crate::metrics::CanonicalMetric::{Comments, Reactions, Shares};
        let language = self.styles.number_language;
        let value_at = |column: &MetricColumn| {
            read_value(cell(row, column.index), column.reading, language)
                .ok()
                .map(|(v, _)| v)
        };
        let columns: Vec<&MetricColumn> = group
            .iter()
            .filter_map(|i| self.plan.metrics.get(*i))
            .collect();
        let values: Vec<Option<f64>> = columns.iter().map(|c| value_at(c)).collect();
        let present: Vec<f64> = values.iter().flatten().copied().collect();
        if present.windows(2).all(|pair| pair.first() == pair.get(1)) {
            let keep = values.iter().position(Option::is_some).unwrap_or(0);
            skip.extend(
                group
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != keep)
                    .map(|(_, p)| *p),
            );
            return;
        }
        if let ([Some(combined), Some(reactions)], [first, _]) =
            (values.as_slice(), columns.as_slice())
        {
            let part = |metric| {
                self.plan
                    .metrics
                    .iter()
                    .find(|c| {
                        c.metric == Metric::Canonical(metric)
                            && c.distribution == first.distribution
                    })
                    .and_then(value_at)
            };
            if first.metric == Metric::Canonical(Reactions) {
                if let (Some(comments), Some(shares)) = (part(Comments), part(Shares)) {
                    if (combined - (reactions + comments + shares)).abs() < 0.5 {
                        let as_combined = MetricColumn {
                            metric: Metric::platform(
                                self.kind.platform,
                                "reactions_comments_and_shares",
                            ),
                            ..(*first).clone()
                        };
                        self.emit(
                            &as_combined,
                            frame,
                            *combined,
                            None,
                            cell(row, first.index),
                            out,
                        );
                        skip.extend(group.first());
                        return;
                    }
                }
            }
        }
        skip.extend(group.iter());
        let label = columns.first().map(|c| c.label.clone()).unwrap_or_default();
        out.diagnostics.push(
            Diagnostic::warning(
                "duplicate_column_conflict",
                format!(
                    "row {row_number}: the file has {} columns named {label:?} with different values and nothing tells which is which; none was imported for this row",
                    group.len()
                ),
            )
            .at(self.at(row_number)),
        );
    }

    fn emit(
        &self,
        column: &MetricColumn,
        frame: &RowFrame<'_>,
        value: f64,
        rounded_to: Option<f64>,
        raw: &str,
        out: &mut Output<'_>,
    ) {
        let (window, start) = if column.reading == Reading::Level {
            (crate::model::Window::Snapshot, frame.end)
        } else {
            (frame.window, frame.start)
        };
        out.emit(
            self.source,
            Fact {
                account: frame.account,
                scope: frame.scope,
                post_id: frame.post_id.as_deref(),
                name: frame.name.as_deref(),
                metric: column.metric.clone(),
                distribution: column.distribution,
                window,
                start,
                end: frame.end,
                value,
                unit: column.unit.clone(),
                rounded_to,
                label: &column.label,
                raw,
            },
        );
    }
}

/// The missing-value markers most cells hold (X's unpromoted `-`, blanks, Meta's `N/A`),
/// recognised without the value parser's allocation; `parse_value` still catches the rest.
fn is_plainly_missing(raw: &str) -> bool {
    matches!(raw.trim(), "" | "-" | "N/A" | "n/a" | "--" | "—")
}

/// Whether a cell is one of a few words (`Total`, `Lifetime`), in any case. Cells that
/// cannot be (digits, long text) are turned away without allocating: this runs on every row.
fn is_one_of(text: &str, words: &[&str]) -> bool {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.len() > 24 || !trimmed.starts_with(char::is_alphabetic) {
        return false;
    }
    let normalised = super::columns::normalise_label(trimmed);
    words.contains(&normalised.as_str())
}

/// Reads a cell the way its column says: the value in the column's unit, and its rounding.
pub(crate) fn read_value(
    raw: &str,
    reading: Reading,
    language: Language,
) -> Result<(f64, Option<f64>), ValueError> {
    if reading == Reading::Duration {
        return read_duration(raw, language).map(|seconds| (seconds, None));
    }
    let parsed = read_number(raw, language)?;
    let is_percent = parsed.kind == crate::values::ValueKind::Percent;
    let convert = |value: f64| match reading {
        Reading::PercentNumber if !is_percent => percent_to_fraction(value),
        Reading::Hours => value * 3600.0,
        _ => value,
    };
    Ok((convert(parsed.value), parsed.rounded_to.map(convert)))
}

/// `5.02` (percent) → `0.0502`, the float nearest the decimal fraction: shifting the decimal
/// exponent of the shortest text that round-trips avoids the binary error of `/ 100`
/// (`0.050199999999999995`).
fn percent_to_fraction(value: f64) -> f64 {
    format!("{value}e-2").parse().unwrap_or(value / 100.0)
}

/// An id as text: trimmed (YouTube writes ids that start with `-` with a leading space), a
/// spreadsheet's text apostrophe removed. `Err` when a spreadsheet turned it into a rounded
/// number (`6.49E+17`), which no longer names one post.
pub(crate) fn check_id(raw: &str) -> Result<&str, ()> {
    let id = raw.trim().trim_start_matches('\'');
    let lower = id.to_ascii_lowercase();
    if let Some((mantissa, exponent)) = lower.split_once('e') {
        let exponent = exponent.trim_start_matches('+');
        let mantissa_ok = !mantissa.is_empty()
            && mantissa
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',');
        if mantissa_ok && !exponent.is_empty() && exponent.bytes().all(|b| b.is_ascii_digit()) {
            return Err(());
        }
    }
    Ok(id)
}

/// The platform's id in a post link (`/status/123`, `urn:li:activity:123`, `/video/123`,
/// `watch?v=…`, `/pin/123/`), else the link itself, which is stable text too.
pub(crate) fn post_id_from_link(link: &str) -> String {
    for kind in ["activity", "share", "ugcPost"] {
        let marker = format!("urn:li:{kind}:");
        if let Some(at) = link.find(&marker) {
            let digits: String = link
                .get(at + marker.len()..)
                .unwrap_or("")
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if !digits.is_empty() {
                return format!("{marker}{digits}");
            }
        }
    }
    for marker in [
        "/status/",
        "/video/",
        "/pin/",
        "/shorts/",
        "youtu.be/",
        "watch?v=",
        "/reel/",
        "/p/",
        "/posts/",
    ] {
        if let Some(at) = link.find(marker) {
            let id: String = link
                .get(at + marker.len()..)
                .unwrap_or("")
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
                .collect();
            if !id.is_empty() {
                return id;
            }
        }
    }
    link.to_owned()
}

/// A post's text or title cut to a readable name.
fn short_title(text: &str) -> String {
    const MAX_CHARS: usize = 80;
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX_CHARS {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(MAX_CHARS - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_stay_text_and_mangled_ids_are_refused() {
        assert_eq!(check_id("1090736478473400320"), Ok("1090736478473400320"));
        assert_eq!(check_id(" -HHGH-TTqYM"), Ok("-HHGH-TTqYM"));
        assert_eq!(check_id("6.49E+17"), Err(()));
        assert_eq!(check_id("6,49E+17"), Err(()));
        assert_eq!(check_id("1.09074E17"), Err(()));
        assert_eq!(check_id("eE3"), Ok("eE3"));
    }

    #[test]
    fn links_give_the_platforms_ids() {
        assert_eq!(
            post_id_from_link("https://twitter.com/rOpenSci/status/1090736478473400320"),
            "1090736478473400320"
        );
        assert_eq!(
            post_id_from_link(
                "https://www.linkedin.com/feed/update/urn:li:activity:7123456789012345678"
            ),
            "urn:li:activity:7123456789012345678"
        );
        assert_eq!(
            post_id_from_link("https://www.tiktok.com/@acme/video/7312345678901234567"),
            "7312345678901234567"
        );
        assert_eq!(
            post_id_from_link("https://example.com/x"),
            "https://example.com/x"
        );
    }

    #[test]
    fn unquoted_comma_headers_are_joined_back() {
        let header = ByteRecord::from(vec![
            "Date",
            "Views",
            "Reactions",
            " comments and shares",
            "Reactions",
        ]);
        let repaired = repair_header(&header, 4).unwrap();
        assert_eq!(cell(&repaired, 2), "Reactions, comments and shares");
        assert_eq!(repaired.len(), 4);
        assert!(repair_header(&header, 5).is_none());
    }

    #[test]
    fn values_follow_their_column_reading() {
        assert_eq!(
            read_value("5.02", Reading::PercentNumber, Language::En)
                .unwrap()
                .0,
            0.0502
        );
        assert_eq!(
            read_value("12.5%", Reading::PercentNumber, Language::En)
                .unwrap()
                .0,
            0.125
        );
        assert_eq!(
            read_value("1,5", Reading::Hours, Language::De).unwrap().0,
            5400.0
        );
        assert_eq!(
            read_value("0:04:23", Reading::Duration, Language::En)
                .unwrap()
                .0,
            263.0
        );
    }
}
