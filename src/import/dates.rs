//! Dates as the exports write them: `2021-08-01`, `2019-01-31 23:32 +0000`,
//! `"Sat, Sep 6, 2025"`, `Mon Feb 17 2025`, `03/25/2025 22:00`, `27.09.2024`,
//! `2025/12/12 11:30:00`, `2025-08-01T00:00:00`, month names in five languages, and Excel
//! serial day numbers.
//!
//! A local adapter until `crate::values` grows a date parser (issue #3). Only the calendar
//! day is read; the time of day is dropped (exports already count days in the platform's
//! reporting time zone). It must not guess: `03/04/2025` needs a [`DateOrder`] to decide.

use chrono::NaiveDate;

/// How an all-numeric date with the year last reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateOrder {
    /// `MM/DD/YYYY` (LinkedIn, Meta, US English).
    MonthFirst,
    /// `DD/MM/YYYY` (European re-saves).
    DayFirst,
}

/// Reads a day from text, or `None` when the text is not a date in a known form.
pub(crate) fn parse_date(text: &str, order: DateOrder) -> Option<NaiveDate> {
    let text = text.trim().trim_matches('"').trim();
    if text.is_empty() {
        return None;
    }
    if let Some(date) = iso_like(text) {
        return Some(date);
    }
    if let Some(date) = excel_serial(text) {
        return Some(date);
    }
    numeric_year_last(text, order).or_else(|| with_month_name(text))
}

/// Evidence a date gives about the order: `Some(DayFirst)` for `25/03/2025`.
pub(crate) fn order_evidence(text: &str) -> Option<DateOrder> {
    let (first, second, _) = numeric_parts(text.trim())?;
    match (first > 12, second > 12) {
        (true, false) => Some(DateOrder::DayFirst),
        (false, true) => Some(DateOrder::MonthFirst),
        _ => None,
    }
}

/// `YYYY-MM-DD…` and `YYYY/MM/DD…`, with anything after the day (a time, a zone).
fn iso_like(text: &str) -> Option<NaiveDate> {
    let head = text.get(..10)?;
    let bytes = head.as_bytes();
    let separator = *bytes.get(4)?;
    if !matches!(separator, b'-' | b'/' | b'.') || bytes.get(7) != Some(&separator) {
        return None;
    }
    let year = head.get(..4)?.parse().ok()?;
    let month = head.get(5..7)?.parse().ok()?;
    let day = head.get(8..10)?.parse().ok()?;
    if let Some(next) = text.as_bytes().get(10) {
        if next.is_ascii_digit() {
            return None;
        }
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A bare Excel serial day (`45123`), as an unformatted spreadsheet cell holds it.
fn excel_serial(text: &str) -> Option<NaiveDate> {
    if text.len() != 5 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let serial: i64 = text.parse().ok()?;
    if !(25_000..=75_000).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(serial as u64))
}

/// The leading `a/b/yyyy`, `a.b.yyyy` or `a-b-yyyy` of a text, as numbers.
fn numeric_parts(text: &str) -> Option<(u32, u32, i32)> {
    let date_part = text.split([' ', 'T', ',']).next()?;
    let mut parts = date_part.split(['/', '.', '-']);
    let first = parts.next()?.parse().ok()?;
    let second = parts.next()?.parse().ok()?;
    let year_text = parts.next()?;
    if year_text.len() != 4 || parts.next().is_some_and(|rest| !rest.is_empty()) {
        return None;
    }
    Some((first, second, year_text.parse().ok()?))
}

fn numeric_year_last(text: &str, order: DateOrder) -> Option<NaiveDate> {
    let (first, second, year) = numeric_parts(text)?;
    // A dotted date is always day first (German, Dutch); a dash-separated one with the year
    // last is European too.
    let dotted_or_dashed = text
        .split(' ')
        .next()
        .is_some_and(|d| d.contains(['.', '-']));
    let order = if dotted_or_dashed {
        DateOrder::DayFirst
    } else {
        order
    };
    let (month, day) = match order {
        DateOrder::MonthFirst => (first, second),
        DateOrder::DayFirst => (second, first),
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Month names and abbreviations in English, Dutch, German, French and Spanish.
const MONTHS: [&[&str]; 12] = [
    &[
        "jan", "january", "januari", "januar", "jän", "janv", "janvier", "ene", "enero",
    ],
    &[
        "feb", "february", "februari", "februar", "févr", "fevr", "février", "febrero",
    ],
    &[
        "mar", "march", "mrt", "maart", "mär", "märz", "mars", "marzo",
    ],
    &["apr", "april", "avr", "avril", "abr", "abril"],
    &["may", "mei", "mai", "mayo"],
    &["jun", "june", "juni", "juin", "junio"],
    &["jul", "july", "juli", "juil", "juillet", "julio"],
    &["aug", "august", "augustus", "août", "aout", "ago", "agosto"],
    &[
        "sep",
        "sept",
        "september",
        "septembre",
        "septiembre",
        "set",
        "setiembre",
    ],
    &["oct", "october", "okt", "oktober", "octobre", "octubre"],
    &["nov", "november", "novembre", "noviembre"],
    &[
        "dec",
        "december",
        "dez",
        "dezember",
        "déc",
        "décembre",
        "dic",
        "diciembre",
    ],
];

fn month_number(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&lower.as_str()))
        .and_then(|index| u32::try_from(index + 1).ok())
}

/// `Sat, Sep 6, 2025`, `Mon Feb 17 2025`, `Sep 27, 2024`, `27. Sept. 2024`,
/// `27 de sep. de 2024`: one month name, one four-digit year, one day number; weekday names
/// and times are ignored.
fn with_month_name(text: &str) -> Option<NaiveDate> {
    let mut month = None;
    let mut year = None;
    let mut day = None;
    for token in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '/')) {
        if token.is_empty() || token.contains(':') || token.starts_with(['+', '-']) {
            continue;
        }
        if token.bytes().all(|b| b.is_ascii_digit()) {
            match (token.len(), day, year) {
                (4, _, None) => year = token.parse::<i32>().ok(),
                (1 | 2, None, _) => day = token.parse::<u32>().ok(),
                _ => return None,
            }
        } else if let Some(number) = month_number(token) {
            if month.replace(number).is_some() {
                return None;
            }
        }
    }
    NaiveDate::from_ymd_opt(year?, month?, day?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, order: DateOrder, expected: Option<(i32, u32, u32)>) {
        let expected = expected.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        assert_eq!(parse_date(text, order), expected, "{text}");
    }

    #[test]
    fn reads_every_date_form_the_exports_use() {
        use DateOrder::*;
        check("2021-08-01", MonthFirst, Some((2021, 8, 1)));
        check("2019-01-31 23:32 +0000", MonthFirst, Some((2019, 1, 31)));
        check("2025-08-01T00:00:00", MonthFirst, Some((2025, 8, 1)));
        check("Sat, Sep 6, 2025", MonthFirst, Some((2025, 9, 6)));
        check("Mon Feb 17 2025", MonthFirst, Some((2025, 2, 17)));
        check("Tue, Jul 14, 2026", MonthFirst, Some((2026, 7, 14)));
        check("Sep 27, 2024", MonthFirst, Some((2024, 9, 27)));
        check("03/25/2025 22:00", MonthFirst, Some((2025, 3, 25)));
        check("4/24/2022", MonthFirst, Some((2022, 4, 24)));
        check("03/04/2025", DayFirst, Some((2025, 4, 3)));
        check("27.09.2024", MonthFirst, Some((2024, 9, 27)));
        check("27. Sept. 2024", MonthFirst, Some((2024, 9, 27)));
        check("27 de sep. de 2024", MonthFirst, Some((2024, 9, 27)));
        check("2025/12/12 11:30:00", MonthFirst, Some((2025, 12, 12)));
        check("45000", MonthFirst, Some((2023, 3, 15)));
        check("Lifetime", MonthFirst, None);
        check("13/13/2025", MonthFirst, None);
        check("2633.0", MonthFirst, None);
        check("", MonthFirst, None);
    }

    #[test]
    fn numeric_dates_show_their_order_when_a_part_exceeds_twelve() {
        assert_eq!(order_evidence("25/03/2025"), Some(DateOrder::DayFirst));
        assert_eq!(order_evidence("03/25/2025"), Some(DateOrder::MonthFirst));
        assert_eq!(order_evidence("03/04/2025"), None);
    }
}
