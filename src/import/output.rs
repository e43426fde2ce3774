//! Where an import's results go while rows are read: observations to a sink, content
//! records (when the caller wants them) to a list with one record per entity, diagnostics
//! to a capped log, progress to a callback, and the counts the summary shows.
//!
//! A 100 000-row file with one bad column must not produce 100 000 messages: each
//! diagnostic code keeps its first [`DIAGNOSTICS_PER_CODE`] and counts the rest. This module
//! builds observations from already-read values; it must not read cells itself.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::content::{ContentKey, ContentRecord};

use crate::model::{
    Diagnostic, Distribution, Metric, Observation, Platform, Scope, Source, SourceKind, Unit,
    Window,
};

/// How many diagnostics of one code are kept; the rest are counted in one summary line.
pub(crate) const DIAGNOSTICS_PER_CODE: usize = 20;

/// How often (in rows) progress is reported.
const PROGRESS_EVERY_ROWS: u64 = 4096;

/// How far an import has come.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Progress {
    /// From 0 to 1, over the whole file (all sheets).
    pub fraction: f64,
    /// Rows read so far.
    pub rows_read: u64,
}

/// Diagnostics, capped per code.
#[derive(Debug, Default)]
pub(crate) struct DiagnosticLog {
    kept: Vec<Diagnostic>,
    dropped: Vec<(String, u64)>,
}

impl DiagnosticLog {
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        let same_code = self
            .kept
            .iter()
            .filter(|d| d.code == diagnostic.code)
            .count();
        if same_code < DIAGNOSTICS_PER_CODE {
            self.kept.push(diagnostic);
        } else if let Some((_, count)) = self
            .dropped
            .iter_mut()
            .find(|(code, _)| *code == diagnostic.code)
        {
            *count += 1;
        } else {
            self.dropped.push((diagnostic.code, 1));
        }
    }

    /// Whether a diagnostic with this code and location was already kept (for once-per-column
    /// notes).
    pub(crate) fn has(&self, code: &str, location: &str) -> bool {
        self.kept
            .iter()
            .any(|d| d.code == code && d.location.as_deref() == Some(location))
    }

    pub(crate) fn finish(mut self) -> Vec<Diagnostic> {
        for (code, count) in self.dropped {
            self.kept.push(Diagnostic::info(
                "more_diagnostics",
                format!("{count} more {code} diagnostics like the ones above were not listed"),
            ));
        }
        self.kept
    }
}

/// Everything a sheet's reader writes to.
pub(crate) struct Output<'s> {
    sink: &'s mut dyn FnMut(Observation),
    progress: &'s mut dyn FnMut(Progress),
    pub diagnostics: DiagnosticLog,
    pub rows_read: u64,
    pub observations: u64,
    /// First and last day any observation covers.
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// First and last day of day-window observations (a YouTube export's period).
    pub day_period: Option<(NaiveDate, NaiveDate)>,
    /// Which sheet of how many is being read, for progress.
    pub sheet_position: (usize, usize),
    /// The content records read so far, when the caller asked for them.
    content: Option<ContentLog>,
}

/// Content records, one per entity, in the order the entities were first read.
#[derive(Debug, Default)]
struct ContentLog {
    records: Vec<ContentRecord>,
    positions: HashMap<ContentKey, usize>,
}

impl std::fmt::Debug for Output<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Output")
            .field("rows_read", &self.rows_read)
            .field("observations", &self.observations)
            .finish_non_exhaustive()
    }
}

/// Where the facts of one sheet come from.
#[derive(Debug, Clone)]
pub(crate) struct SheetSource {
    pub location: String,
    pub read_at: DateTime<Utc>,
    pub locale: Option<String>,
    pub platform: Platform,
}

/// One value with its context, before it becomes an [`Observation`].
#[derive(Debug)]
pub(crate) struct Fact<'a> {
    pub account: &'a str,
    pub scope: Scope,
    pub post_id: Option<&'a str>,
    pub name: Option<&'a str>,
    pub metric: Metric,
    pub distribution: Distribution,
    pub window: Window,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub value: f64,
    pub unit: Unit,
    pub rounded_to: Option<f64>,
    pub label: &'a str,
    pub raw: &'a str,
}

impl<'s> Output<'s> {
    pub(crate) fn new(
        sink: &'s mut dyn FnMut(Observation),
        progress: &'s mut dyn FnMut(Progress),
    ) -> Self {
        Output {
            sink,
            progress,
            diagnostics: DiagnosticLog::default(),
            rows_read: 0,
            observations: 0,
            period: None,
            day_period: None,
            sheet_position: (0, 1),
            content: None,
        }
    }

    /// Also collects content records (readers skip building them otherwise).
    pub(crate) fn collecting_content(mut self) -> Self {
        self.content = Some(ContentLog::default());
        self
    }

    /// Whether readers should build content records.
    pub(crate) fn wants_content(&self) -> bool {
        self.content.is_some()
    }

    /// Keeps a row's content record, cleaned as the store keeps it; a second reading of the
    /// same entity fills what the first lacked. A record that says nothing is dropped.
    /// Records of exports that do not name their account (X's `account_analytics_content`,
    /// Ads Manager files) keep the empty account their observations have, so the two join.
    pub(crate) fn content(&mut self, record: ContentRecord) {
        let Some(log) = self.content.as_mut() else {
            return;
        };
        let Ok(record) = record.cleaned() else {
            return;
        };
        let key = record.key();
        match log
            .positions
            .get(&key)
            .and_then(|at| log.records.get_mut(*at))
        {
            Some(kept) => super::records::fill_missing(kept, record),
            None => {
                log.positions.insert(key, log.records.len());
                log.records.push(record);
            }
        }
    }

    /// Ends the import: the diagnostics, with the counts of those not kept, and the
    /// content records.
    pub(crate) fn finish(self) -> (Vec<crate::model::Diagnostic>, Vec<ContentRecord>) {
        let records = self.content.map(|log| log.records).unwrap_or_default();
        (self.diagnostics.finish(), records)
    }

    pub(crate) fn emit(&mut self, source: &SheetSource, fact: Fact<'_>) {
        self.period = Some(widen(self.period, fact.start, fact.end));
        if fact.window == Window::Day {
            self.day_period = Some(widen(self.day_period, fact.start, fact.end));
        }
        self.observations += 1;
        (self.sink)(Observation {
            platform: source.platform,
            account: fact.account.to_owned(),
            scope: fact.scope,
            post_id: fact.post_id.map(str::to_owned),
            name: fact.name.map(str::to_owned),
            metric: fact.metric,
            distribution: fact.distribution,
            window: fact.window,
            start: fact.start,
            end: fact.end,
            value: fact.value,
            unit: fact.unit,
            rounded_to: fact.rounded_to,
            derivation: None,
            source: Source {
                kind: SourceKind::Export,
                location: source.location.clone(),
                label: fact.label.to_owned(),
                raw: fact.raw.to_owned(),
                read_at: source.read_at,
                locale: source.locale.clone(),
            },
        });
    }

    /// Counts a row and reports progress every few thousand rows.
    pub(crate) fn row_done(&mut self, fraction_of_sheet: impl FnOnce() -> f64) {
        self.rows_read += 1;
        if self.rows_read % PROGRESS_EVERY_ROWS == 0 {
            self.report(fraction_of_sheet());
        }
    }

    /// Reports progress at a point within the current sheet.
    pub(crate) fn report(&mut self, fraction_of_sheet: f64) {
        let (index, count) = self.sheet_position;
        let fraction = (index as f64 + fraction_of_sheet.clamp(0.0, 1.0)) / count.max(1) as f64;
        (self.progress)(Progress {
            fraction,
            rows_read: self.rows_read,
        });
    }
}

fn widen(
    period: Option<(NaiveDate, NaiveDate)>,
    start: NaiveDate,
    end: NaiveDate,
) -> (NaiveDate, NaiveDate) {
    match period {
        None => (start, end),
        Some((first, last)) => (first.min(start), last.max(end)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_are_capped_per_code_and_counted() {
        let mut log = DiagnosticLog::default();
        for row in 0..25 {
            log.push(Diagnostic::warning("bad_value", format!("row {row}")));
        }
        log.push(Diagnostic::info("column_not_imported", "x"));
        let list = log.finish();
        assert_eq!(
            list.iter().filter(|d| d.code == "bad_value").count(),
            DIAGNOSTICS_PER_CODE
        );
        let summary = list.iter().find(|d| d.code == "more_diagnostics").unwrap();
        assert!(
            summary.message.starts_with("5 more bad_value"),
            "{}",
            summary.message
        );
    }
}
