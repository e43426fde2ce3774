//! The one adapter between the evaluator and the store: it turns a KPI into store
//! questions and the answers into the evaluator's plain [`Figures`].
//!
//! - A sum, an average or a level asks for the daily series (from the history window to
//!   the last complete day) and the period total over the complete days; the store never
//!   counts a day twice, and says which days its total does not cover.
//! - Reach and a platform's own figures do not add up over days, so the store answers
//!   only a reading of exactly a range: the adapter asks for the range from the period's
//!   start to each complete day, which gives the figure "to date" day by day.
//! - A rate asks for its numerator and denominator per platform and day, and keeps only
//!   the days a platform has both, so one platform's engagements are never divided by
//!   another platform's impressions. The store's period totals of the parts (which may
//!   include range readings) are used only when both parts cover the same days.
//!
//! A question the store cannot answer honestly (values in two currencies, reach of two
//! accounts) becomes a note on the KPI, and the KPI shows no data. Nothing here computes
//! a status.

use chrono::NaiveDate;

use crate::evaluate::figures::{Ask, DayValue, FigureSource, Figures, KnownTotal};
use crate::evaluate::Measure;
use crate::model::{Metric, Platform, Scope};
use crate::store::{self, PlatformSet, Selector, Store};
use crate::strategy::measure::rate_parts;
use crate::strategy::{DateRange, Kpi, RangeDays};

/// Figures for the evaluator, read from a store.
#[derive(Debug, Clone, Copy)]
pub struct StoreFigures<'a> {
    store: &'a Store,
}

impl<'a> StoreFigures<'a> {
    pub fn new(store: &'a Store) -> StoreFigures<'a> {
        StoreFigures { store }
    }
}

impl FigureSource for StoreFigures<'_> {
    fn figures(&self, kpi: &Kpi, ask: &Ask) -> Figures {
        self.figures_and_notes(kpi, ask).0
    }

    fn figures_and_notes(&self, kpi: &Kpi, ask: &Ask) -> (Figures, Vec<String>) {
        let mut notes = Vec::new();
        let Some(elapsed) = ask.elapsed else {
            return (Figures::default(), notes);
        };
        let platforms = kpi.platforms.platforms();
        let mut figures = Figures::default();
        match Measure::of(kpi) {
            Measure::Sum | Measure::Average | Measure::Level { from_zero: false } => {
                let selector = selector(kpi, &platforms, kpi.metric.clone());
                let daily = history_through(ask, elapsed);
                figures.daily = self.daily(&selector, daily, &mut notes);
                figures.total = self.total(&selector, elapsed, &mut notes);
            }
            Measure::Level { from_zero: true } | Measure::Reported => {
                let selector = selector(kpi, &platforms, kpi.metric.clone());
                figures.daily = self.readings_to_date(&selector, elapsed, &mut notes);
            }
            Measure::Rate { .. } => {
                self.rate_parts(kpi, &platforms, ask, elapsed, &mut figures, &mut notes)
            }
        }
        (figures, notes)
    }
}

impl StoreFigures<'_> {
    /// The days of `range` the store has a complete value for.
    fn daily(
        &self,
        selector: &Selector,
        range: DateRange,
        notes: &mut Vec<String>,
    ) -> Vec<DayValue> {
        let Some(range) = to_store(range) else {
            return Vec::new();
        };
        match self.store.daily_series(selector, range) {
            Ok(series) => series
                .points
                .into_iter()
                .filter(|point| point.complete)
                .filter_map(|point| point.value.map(|value| DayValue::new(point.day, value)))
                .collect(),
            Err(error) => {
                note(notes, error.to_string());
                Vec::new()
            }
        }
    }

    /// The store's total over `range`, with the days it does not cover.
    fn total(
        &self,
        selector: &Selector,
        range: DateRange,
        notes: &mut Vec<String>,
    ) -> Option<KnownTotal> {
        let store_range = to_store(range)?;
        match self.store.period_total(selector, store_range) {
            Ok(total) => total.map(|total| KnownTotal {
                value: total.value,
                missing: total
                    .coverage
                    .missing
                    .iter()
                    .filter_map(|run| from_store(*run))
                    .collect(),
            }),
            Err(error) => {
                note(notes, error.to_string());
                None
            }
        }
    }

    /// A figure that does not add up over days, read "to date": for each complete day, a
    /// reading of exactly the period's start to that day.
    fn readings_to_date(
        &self,
        selector: &Selector,
        elapsed: DateRange,
        notes: &mut Vec<String>,
    ) -> Vec<DayValue> {
        let mut values = Vec::new();
        for day in elapsed.iter_days() {
            let Some(range) = store::DateRange::new(elapsed.start(), day).ok() else {
                continue;
            };
            match self.store.period_total(selector, range) {
                Ok(Some(total)) if total.coverage.is_complete() => {
                    values.push(DayValue::new(day, total.value))
                }
                Ok(_) => {}
                Err(error) => {
                    note(notes, error.to_string());
                    break;
                }
            }
        }
        values
    }

    /// A rate's parts, summed over the platforms that report both.
    fn rate_parts(
        &self,
        kpi: &Kpi,
        platforms: &[Platform],
        ask: &Ask,
        elapsed: DateRange,
        figures: &mut Figures,
        notes: &mut Vec<String>,
    ) {
        let Some(parts) = kpi.metric.canonical().and_then(rate_parts) else {
            return;
        };
        let mut numerator: Vec<DayValue> = Vec::new();
        let mut denominator: Vec<DayValue> = Vec::new();
        let mut totals: Option<(KnownTotal, KnownTotal)> = None;
        // Totals help only when both parts of every platform cover the same days.
        let mut totals_match = true;
        let daily_range = history_through(ask, elapsed);
        for platform in platforms {
            let on = |metric: Metric| selector(kpi, &[*platform], metric);
            let (n_selector, d_selector) =
                (on(parts.numerator.into()), on(parts.denominator.into()));
            let n_daily = self.daily(&n_selector, daily_range, notes);
            let d_daily = self.daily(&d_selector, daily_range, notes);
            for n in &n_daily {
                if let Some(d) = d_daily.iter().find(|d| d.date == n.date) {
                    add_to_day(&mut numerator, n.date, n.value);
                    add_to_day(&mut denominator, d.date, d.value);
                }
            }
            let n_total = self.total(&n_selector, elapsed, notes);
            let d_total = self.total(&d_selector, elapsed, notes);
            match (n_total, d_total) {
                (Some(n), Some(d)) if n.missing == d.missing => {
                    totals = Some(match totals {
                        None => (n, d),
                        Some((mut sum_n, mut sum_d)) => {
                            sum_n.value += n.value;
                            sum_d.value += d.value;
                            sum_n.missing.extend(n.missing.iter().copied());
                            sum_d.missing.extend(d.missing.iter().copied());
                            (sum_n, sum_d)
                        }
                    });
                }
                (None, None) => {}
                _ => totals_match = false,
            }
        }
        numerator.sort_by_key(|value| value.date);
        denominator.sort_by_key(|value| value.date);
        figures.daily = numerator;
        figures.denominator = denominator;
        if let (Some((n, d)), true) = (totals, totals_match) {
            figures.total = Some(n);
            figures.denominator_total = Some(d);
        }
    }
}

/// The store question for `metric` on `platforms`, at the account level, with the KPI's
/// account and distribution.
fn selector(kpi: &Kpi, platforms: &[Platform], metric: Metric) -> Selector {
    let platforms = match platforms {
        [one] => PlatformSet::One(*one),
        several => PlatformSet::Several(several.to_vec()),
    };
    Selector {
        platforms,
        account: kpi.account.clone(),
        scope: Scope::Account,
        post_id: None,
        metric,
        distribution: kpi.distribution,
    }
}

/// From the start of the history window (or the period) to the last complete day.
fn history_through(ask: &Ask, elapsed: DateRange) -> DateRange {
    let start = ask
        .history
        .map_or(elapsed.start(), |history| history.start());
    DateRange::new(start, elapsed.end()).unwrap_or(elapsed)
}

fn add_to_day(values: &mut Vec<DayValue>, date: NaiveDate, value: f64) {
    match values.iter_mut().find(|existing| existing.date == date) {
        Some(existing) => existing.value += value,
        None => values.push(DayValue::new(date, value)),
    }
}

fn note(notes: &mut Vec<String>, message: String) {
    if !notes.contains(&message) {
        notes.push(message);
    }
}

fn to_store(range: DateRange) -> Option<store::DateRange> {
    store::DateRange::new(range.start(), range.end()).ok()
}

fn from_store(range: store::DateRange) -> Option<DateRange> {
    DateRange::new(range.start(), range.end()).ok()
}
