//! Periods as analytics pages show them: relative presets ("Last 28 days", "Laatste 28
//! dagen", "Letzte 28 Tage", "28 derniers jours", "Últimos 28 días", X's `7D` `2W` `4W` `3M`
//! `1Y`), lifetime ("Lifetime", "All time", "Since published"), a year or a month
//! (YouTube's "2025", "October 2026"), and custom ranges ("Oct 1 – Oct 28, 2026",
//! "Aug 26, 2026 - Sep 9, 2026", "1 okt. – 28 okt. 2026", `01-06-2025 - 30-06-2025`),
//! resolved against the reading's date.
//!
//! Days are calendar days in the platform's reporting time zone, which
//! `Platform::reporting_time_zone()` in `model.rs` records (Pacific time for Meta and
//! YouTube, UTC for the others); the caller hands in "today" in that zone. This module must
//! not read a clock, and must not make up a range for lifetime figures.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::date::{
    self, calendar_day, check_weekday, day_month_in, order_evidence, DateError, DateHint, DayMonth,
    DayMonthOrder, OrderEvidence, Written,
};
use super::text;

/// An inclusive range of calendar days, `start <= end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "RangeFields")]
pub struct DateRange {
    start: NaiveDate,
    end: NaiveDate,
}

/// A range whose end comes before its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the range {start} – {end} ends before it starts")]
pub struct ReversedRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

#[derive(Deserialize)]
struct RangeFields {
    start: NaiveDate,
    end: NaiveDate,
}

impl TryFrom<RangeFields> for DateRange {
    type Error = ReversedRange;

    fn try_from(fields: RangeFields) -> Result<DateRange, ReversedRange> {
        DateRange::new(fields.start, fields.end)
    }
}

impl DateRange {
    /// The days from `start` to `end`, both included.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<DateRange, ReversedRange> {
        if start <= end {
            Ok(DateRange { start, end })
        } else {
            Err(ReversedRange { start, end })
        }
    }

    /// One day.
    pub fn day(day: NaiveDate) -> DateRange {
        DateRange {
            start: day,
            end: day,
        }
    }

    pub fn start(&self) -> NaiveDate {
        self.start
    }

    pub fn end(&self) -> NaiveDate {
        self.end
    }

    /// How many days the range covers (at least 1).
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }
}

/// Where a relative range ("Last 28 days") ends. Platforms differ, and a page may show
/// either: readers take it from their rules data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelativeEnd {
    /// The range includes the day of the reading.
    Today,
    /// The range ends with the last complete day before the reading.
    Yesterday,
}

impl RelativeEnd {
    /// The last day a relative range covers when read on `today`.
    pub fn last_day(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            RelativeEnd::Today => Some(today),
            RelativeEnd::Yesterday => today.pred_opt(),
        }
    }
}

/// What a period text covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// Known days.
    Range(DateRange),
    /// Everything since the account or post began, through `through` (the relative end):
    /// its start is unknown, and no range is made up for it.
    Lifetime { through: NaiveDate },
}

/// Why a text is not a period.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// Empty or a missing-value marker.
    #[error("no period ({raw:?} marks a missing value)")]
    Missing { raw: String },
    /// Not a period in any supported form.
    #[error("{raw:?} is not a period in any supported form (presets, a year or month, or a `from – to` range)")]
    Unrecognised { raw: String },
    /// One end of a custom range is not a date.
    #[error("in the period {raw:?}: {source}")]
    Date {
        raw: String,
        #[source]
        source: DateError,
    },
    /// The range ends before it starts.
    #[error("the period {raw:?} ends ({end}) before it starts ({start})")]
    Reversed {
        raw: String,
        start: NaiveDate,
        end: NaiveDate,
    },
    /// All-numeric dates whose day/month order nothing decided.
    #[error("{raw:?} is ambiguous: {} – {} (day first) or {} – {} (month first); give the locale or date order", .day_first.start, .day_first.end, .month_first.start, .month_first.end)]
    Ambiguous {
        raw: String,
        day_first: DateRange,
        month_first: DateRange,
    },
    /// A year or month that has not begun on the reading's date.
    #[error("the period {raw:?} starts on {start}, after the reading's date")]
    NotStarted { raw: String, start: NaiveDate },
    /// A relative range too long for the calendar ("Last 999999999 days").
    #[error("the period {raw:?} reaches outside the supported calendar")]
    OutOfRange { raw: String },
}

/// Phrases meaning "since the beginning". English is as YouTube and X write it; the other
/// languages are guesses from the platforms' usual wording (correct them here).
const LIFETIME: &[&str] = &[
    "lifetime",
    "all time",
    "since published",
    "since publishing",
    "since upload",
    "volledige looptijd",
    "sinds publicatie",
    "gesamte laufzeit",
    "seit veröffentlichung",
    "depuis la publication",
    "toute la période",
    "desde la publicación",
    "todo el tiempo",
];

const TODAY: &[&str] = &["today", "vandaag", "heute", "aujourd'hui", "hoy"];
const YESTERDAY: &[&str] = &["yesterday", "gisteren", "gestern", "hier", "ayer"];

/// Words around a relative range's count that mean "the last".
const LAST_WORDS: &[&str] = &[
    "last",
    "past",
    "previous",
    "the",
    "laatste",
    "afgelopen",
    "vorige",
    "letzte",
    "letzten",
    "vergangene",
    "vergangenen",
    "les",
    "derniers",
    "dernières",
    "dernieres",
    "précédents",
    "últimos",
    "últimas",
    "ultimos",
    "ultimas",
    "los",
    "las",
];

/// A relative unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Days,
    Weeks,
    Months,
    Years,
}

const UNIT_WORDS: &[(&str, Unit)] = &[
    ("day", Unit::Days),
    ("days", Unit::Days),
    ("dag", Unit::Days),
    ("dagen", Unit::Days),
    ("tag", Unit::Days),
    ("tage", Unit::Days),
    ("tagen", Unit::Days),
    ("jour", Unit::Days),
    ("jours", Unit::Days),
    ("día", Unit::Days),
    ("días", Unit::Days),
    ("dia", Unit::Days),
    ("dias", Unit::Days),
    ("week", Unit::Weeks),
    ("weeks", Unit::Weeks),
    ("weken", Unit::Weeks),
    ("woche", Unit::Weeks),
    ("wochen", Unit::Weeks),
    ("semaine", Unit::Weeks),
    ("semaines", Unit::Weeks),
    ("semana", Unit::Weeks),
    ("semanas", Unit::Weeks),
    ("month", Unit::Months),
    ("months", Unit::Months),
    ("maand", Unit::Months),
    ("maanden", Unit::Months),
    ("monat", Unit::Months),
    ("monate", Unit::Months),
    ("monaten", Unit::Months),
    ("mois", Unit::Months),
    ("mes", Unit::Months),
    ("meses", Unit::Months),
    ("year", Unit::Years),
    ("years", Unit::Years),
    ("jaar", Unit::Years),
    ("jaren", Unit::Years),
    ("jahr", Unit::Years),
    ("jahre", Unit::Years),
    ("jahren", Unit::Years),
    ("an", Unit::Years),
    ("ans", Unit::Years),
    ("année", Unit::Years),
    ("années", Unit::Years),
    ("año", Unit::Years),
    ("años", Unit::Years),
];

/// Words and marks that separate the two ends of a custom range, strongest first.
const RANGE_SEPARATORS: &[&str] = &[
    "–", "—", " - ", " to ", " tot ", " t/m ", " bis ", " au ", " al ", " hasta ",
];

/// Parses a period text read on `today` (in the platform's reporting time zone).
///
/// `hint` decides numeric dates' day/month order as for [`super::parse_date`] (X writes
/// custom ranges in the browser's numeric format: pass [`DateHint::US`] for en-US);
/// `relative_end` says whether relative presets end today or yesterday. Relative presets:
/// N days end on the relative end and start N − 1 days earlier; weeks are 7 days; months
/// and years (`3M`, `1Y`, "Last 6 months") are calendar months back from the day after the
/// end. A year or month is clipped at the relative end. Custom ranges may give the year
/// once, at the end (a start after the end then falls in the year before); with no year
/// at all, the latest range not after `today` is meant.
pub fn parse_period(
    raw: &str,
    hint: DateHint,
    today: NaiveDate,
    relative_end: RelativeEnd,
) -> Result<Period, PeriodError> {
    let cleaned = text::clean(raw);
    if text::is_missing_marker(&cleaned) {
        return Err(PeriodError::Missing {
            raw: raw.to_owned(),
        });
    }
    if cleaned.chars().count() > 2 * date::MAX_DATE_CHARS {
        return Err(PeriodError::Unrecognised {
            raw: raw.to_owned(),
        });
    }
    let out_of_range = || PeriodError::OutOfRange {
        raw: raw.to_owned(),
    };
    let unrecognised = || PeriodError::Unrecognised {
        raw: raw.to_owned(),
    };
    let text = fold(without_label(&cleaned));
    let last = relative_end.last_day(today).ok_or_else(out_of_range)?;

    if LIFETIME.contains(&text.as_str()) {
        return Ok(Period::Lifetime { through: last });
    }
    if TODAY.contains(&text.as_str()) {
        return Ok(Period::Range(DateRange::day(today)));
    }
    if YESTERDAY.contains(&text.as_str()) {
        return Ok(Period::Range(DateRange::day(
            today.pred_opt().ok_or_else(out_of_range)?,
        )));
    }
    if let Some((count, unit)) = x_preset(&text).or_else(|| relative(&text)) {
        let start = relative_start(last, count, unit).ok_or_else(out_of_range)?;
        return Ok(Period::Range(DateRange { start, end: last }));
    }
    if let Some(written) = date::read(&text) {
        if let Some(range) = calendar_period(raw, &written, last)? {
            return Ok(Period::Range(range));
        }
        if is_full_date(&written) {
            return resolve(raw, &written, &written, hint, today).map(Period::Range);
        }
    }
    custom_range(raw, &text, hint, today)?
        .map(Period::Range)
        .ok_or_else(unrecognised)
}

/// Lower case, one space between words (underscores count as spaces, so LinkedIn's URL
/// value `past_28_days` reads too), typographic apostrophes made plain.
fn fold(text: &str) -> String {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '_')
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ").to_lowercase().replace('’', "'")
}

/// The text after a label such as "Time range:" (a part before `:` without digits).
fn without_label(text: &str) -> &str {
    match text.split_once(':') {
        Some((label, rest)) if !label.is_empty() && !label.chars().any(|c| c.is_ascii_digit()) => {
            rest.trim()
        }
        _ => text,
    }
}

/// X's untranslated presets: `7D`, `2W`, `4W`, `3M`, `1Y` (folded to lower case).
fn x_preset(text: &str) -> Option<(u32, Unit)> {
    let unit = match text.chars().last()? {
        'd' => Unit::Days,
        'w' => Unit::Weeks,
        'm' => Unit::Months,
        'y' => Unit::Years,
        _ => return None,
    };
    let count = text.get(..text.len() - 1)?;
    if count.is_empty() || count.len() > 4 || !count.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((count.parse().ok()?, unit))
}

/// "Last 28 days" and its translations: one count, one unit word, and "last" words.
fn relative(text: &str) -> Option<(u32, Unit)> {
    let mut count = None;
    let mut unit = None;
    let mut has_last_word = false;
    for word in text.split(' ') {
        if !word.is_empty() && word.len() <= 5 && word.bytes().all(|b| b.is_ascii_digit()) {
            if count.replace(word.parse::<u32>().ok()?).is_some() {
                return None;
            }
        } else if let Some((_, found)) = UNIT_WORDS.iter().find(|(name, _)| *name == word) {
            if unit.replace(*found).is_some() {
                return None;
            }
        } else if LAST_WORDS.contains(&word) {
            has_last_word = true;
        } else {
            return None;
        }
    }
    if has_last_word {
        Some((count?, unit?))
    } else {
        None
    }
}

/// The first day of a relative range of `count` units ending on `last`.
fn relative_start(last: NaiveDate, count: u32, unit: Unit) -> Option<NaiveDate> {
    if count == 0 {
        return None;
    }
    let days_back = |days: u64| last.checked_sub_days(Days::new(days.checked_sub(1)?));
    let months_back = |months: u32| {
        last.checked_add_days(Days::new(1))?
            .checked_sub_months(Months::new(months))
    };
    let start = match unit {
        Unit::Days => days_back(u64::from(count)),
        Unit::Weeks => days_back(u64::from(count).checked_mul(7)?),
        Unit::Months => months_back(count),
        Unit::Years => months_back(count.checked_mul(12)?),
    }?;
    // No platform reports before 1900; a start before then is a misread count.
    (start.year() >= 1900).then_some(start)
}

/// A whole year (`2025`) or month (`October 2026`), clipped at `last`; `None` when the text
/// is something else.
fn calendar_period(
    raw: &str,
    written: &Written,
    last: NaiveDate,
) -> Result<Option<DateRange>, PeriodError> {
    let (Some(year), DayMonth::Named { day: None, month }) = (written.year, written.day_month)
    else {
        return Ok(None);
    };
    let date_error = |source| PeriodError::Date {
        raw: raw.to_owned(),
        source,
    };
    let (first_month, last_month) = match month {
        Some(month) => (month, month),
        None => (1, 12),
    };
    let start = calendar_day(raw, year, first_month, 1).map_err(date_error)?;
    let end = last_day_of_month(raw, year, last_month).map_err(date_error)?;
    if start > last {
        return Err(PeriodError::NotStarted {
            raw: raw.to_owned(),
            start,
        });
    }
    Ok(Some(DateRange {
        start,
        end: end.min(last),
    }))
}

/// True when a text names one whole day (a single-day period).
fn is_full_date(written: &Written) -> bool {
    written.year.is_some()
        && match written.day_month {
            DayMonth::Named { day, month } => day.is_some() && month.is_some(),
            DayMonth::Numeric { .. } => true,
        }
}

/// The last day of a month.
fn last_day_of_month(raw: &str, year: i32, month: u32) -> Result<NaiveDate, DateError> {
    let first = calendar_day(raw, year, month, 1)?;
    first
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .ok_or_else(|| DateError::Invalid {
            raw: raw.to_owned(),
            year,
            month,
            day: 31,
        })
}

/// A `from – to` range; `Ok(None)` when the text has no two ends that read as dates.
fn custom_range(
    raw: &str,
    text: &str,
    hint: DateHint,
    today: NaiveDate,
) -> Result<Option<DateRange>, PeriodError> {
    for separator in RANGE_SEPARATORS {
        if text.matches(separator).count() == 1 {
            let Some((from, to)) = text.split_once(separator) else {
                continue;
            };
            let (Some(start), Some(end)) = (date::read(from.trim()), date::read(to.trim())) else {
                return Ok(None);
            };
            return resolve(raw, &start, &end, hint, today).map(Some);
        }
    }
    // Unspaced hyphens (`Oct 1-28, 2026`): the one split whose two ends read as dates.
    let mut found = None;
    for (index, _) in text.match_indices('-') {
        let (from, to) = (text.get(..index), text.get(index + 1..));
        if let (Some(start), Some(end)) = (from.and_then(date::read), to.and_then(date::read)) {
            if found.replace((start, end)).is_some() {
                return Ok(None);
            }
        }
    }
    match found {
        Some((start, end)) => resolve(raw, &start, &end, hint, today).map(Some),
        None => Ok(None),
    }
}

/// Settles both ends of a range together: a numeric order decided by either end holds for
/// both; an undecided order is tried both ways, and is ambiguous only when both ways give
/// a valid range.
fn resolve(
    raw: &str,
    start: &Written,
    end: &Written,
    hint: DateHint,
    today: NaiveDate,
) -> Result<DateRange, PeriodError> {
    let mut decided: Option<DayMonthOrder> = None;
    let mut undecided = false;
    for written in [start, end] {
        if let DayMonth::Numeric {
            first,
            second,
            separator,
        } = written.day_month
        {
            match order_evidence(first, second, separator, hint) {
                OrderEvidence::Decided(order) => {
                    if decided.replace(order).is_some_and(|seen| seen != order) {
                        return Err(PeriodError::Unrecognised {
                            raw: raw.to_owned(),
                        });
                    }
                }
                OrderEvidence::Undecided => undecided = true,
            }
        }
    }
    match (decided, undecided) {
        (Some(order), _) => build(raw, start, end, order, today),
        (None, false) => build(raw, start, end, DayMonthOrder::DayFirst, today),
        (None, true) => {
            let day_first = build(raw, start, end, DayMonthOrder::DayFirst, today);
            let month_first = build(raw, start, end, DayMonthOrder::MonthFirst, today);
            match (day_first, month_first) {
                (Ok(a), Ok(b)) if a == b => Ok(a),
                (Ok(day_first), Ok(month_first)) => Err(PeriodError::Ambiguous {
                    raw: raw.to_owned(),
                    day_first,
                    month_first,
                }),
                (Ok(range), Err(_)) | (Err(_), Ok(range)) => Ok(range),
                (Err(error), Err(_)) => Err(error),
            }
        }
    }
}

/// The range both ends make in `order`, filling a missing month, day or year from the
/// other end (or, with no year at all, from `today`). A range crosses into another year
/// only when its start month comes after its end month (`Dec 15 – Jan 10, 2027`); a start
/// day after the end day in the same month is a reversed range, not a year-long one.
fn build(
    raw: &str,
    start: &Written,
    end: &Written,
    order: DayMonthOrder,
    today: NaiveDate,
) -> Result<DateRange, PeriodError> {
    let date_error = |source| PeriodError::Date {
        raw: raw.to_owned(),
        source,
    };
    let parts = |written: &Written| match written.day_month {
        DayMonth::Named { day, month } => (day, month),
        DayMonth::Numeric { first, second, .. } => {
            let (day, month) = day_month_in(first, second, order);
            (Some(day), Some(month))
        }
    };
    let (start_day, start_month) = parts(start);
    let (end_day, end_month) = parts(end);
    let (Some(start_month), Some(end_month)) =
        (start_month.or(end_month), end_month.or(start_month))
    else {
        return Err(PeriodError::Unrecognised {
            raw: raw.to_owned(),
        });
    };
    let make = |year: i32, month: u32, day: Option<u32>, is_end: bool| match day {
        Some(day) => calendar_day(raw, year, month, day),
        None if is_end => last_day_of_month(raw, year, month),
        None => calendar_day(raw, year, month, 1),
    };
    let (start_date, end_date) = match (start.year, end.year) {
        (Some(start_year), Some(end_year)) => (
            make(start_year, start_month, start_day, false).map_err(date_error)?,
            make(end_year, end_month, end_day, true).map_err(date_error)?,
        ),
        (None, Some(end_year)) => {
            let end_date = make(end_year, end_month, end_day, true).map_err(date_error)?;
            let start_date = make(end_year, start_month, start_day, false).map_err(date_error)?;
            if start_date > end_date && start_month > end_month {
                let earlier = make(end_year - 1, start_month, start_day, false);
                (earlier.map_err(date_error)?, end_date)
            } else {
                (start_date, end_date)
            }
        }
        (Some(start_year), None) => {
            let start_date = make(start_year, start_month, start_day, false).map_err(date_error)?;
            let end_date = make(start_year, end_month, end_day, true).map_err(date_error)?;
            if end_date < start_date && start_month > end_month {
                let later = make(start_year + 1, end_month, end_day, true);
                (start_date, later.map_err(date_error)?)
            } else {
                (start_date, end_date)
            }
        }
        (None, None) => {
            let mut end_year = today.year();
            let mut end_date = make(end_year, end_month, end_day, true).map_err(date_error)?;
            if end_date > today {
                end_year -= 1;
                end_date = make(end_year, end_month, end_day, true).map_err(date_error)?;
            }
            let mut start_date =
                make(end_year, start_month, start_day, false).map_err(date_error)?;
            if start_date > end_date && start_month > end_month {
                start_date =
                    make(end_year - 1, start_month, start_day, false).map_err(date_error)?;
            }
            (start_date, end_date)
        }
    };
    check_weekday(raw, start_date, start.weekday).map_err(date_error)?;
    check_weekday(raw, end_date, end.weekday).map_err(date_error)?;
    DateRange::new(start_date, end_date).map_err(|reversed| PeriodError::Reversed {
        raw: raw.to_owned(),
        start: reversed.start,
        end: reversed.end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_and_relative_words() {
        assert_eq!(x_preset("7d"), Some((7, Unit::Days)));
        assert_eq!(x_preset("1y"), Some((1, Unit::Years)));
        assert_eq!(x_preset("d"), None);
        assert_eq!(relative("last 28 days"), Some((28, Unit::Days)));
        assert_eq!(relative("28 derniers jours"), Some((28, Unit::Days)));
        assert_eq!(relative("28 days"), None, "a count alone is not a preset");
        assert_eq!(relative("last 28 days 7"), None);
    }

    #[test]
    fn relative_starts() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            relative_start(day(2026, 10, 28), 28, Unit::Days),
            Some(day(2026, 10, 1))
        );
        assert_eq!(
            relative_start(day(2026, 10, 28), 2, Unit::Weeks),
            Some(day(2026, 10, 15))
        );
        assert_eq!(
            relative_start(day(2026, 10, 28), 3, Unit::Months),
            Some(day(2026, 7, 29))
        );
        assert_eq!(
            relative_start(day(2026, 12, 31), 1, Unit::Years),
            Some(day(2026, 1, 1))
        );
        assert_eq!(relative_start(day(2026, 10, 28), 0, Unit::Days), None);
        assert_eq!(relative_start(day(2026, 10, 28), 99_999, Unit::Years), None);
    }

    #[test]
    fn labels_come_off() {
        assert_eq!(
            without_label("Time range: Aug 26, 2026 - Sep 9, 2026"),
            "Aug 26, 2026 - Sep 9, 2026"
        );
        assert_eq!(without_label("2025-08-01 10:00"), "2025-08-01 10:00");
    }
}
