//! Display text for the overlay: numbers, percentages, money, durations, dates and ranges
//! written the way each language writes them (`12.5%` / `12,5%`, `1,234` / `1.234`,
//! `€1,234.56` / `€ 1.234,56`, `1:02:03`, `Oct 1, 2026` / `1 okt 2026`).
//!
//! Everything written here reads back through the parsers in this module's parent with the
//! same language (property tests hold that). It must not round away more than it says: a
//! compact value is within half its last digit of the number. Non-finite numbers are
//! written as `—`, the missing-value marker.

use chrono::{Datelike, NaiveDate};

use super::period::DateRange;
use super::{compact, currency, names, ValueKind};
use crate::model::Language;

/// The mark written for a value that is not a finite number.
const MISSING: &str = "—";

/// The separator written between thousands.
fn group_separator(language: Language) -> char {
    match language {
        Language::En => ',',
        Language::Nl | Language::De | Language::Es => '.',
        Language::Fr => '\u{202f}',
    }
}

/// Writes a number with at most `max_fraction_digits` decimals (trailing zeros dropped),
/// grouped as `language` groups thousands (Spanish leaves four-digit numbers ungrouped).
pub fn format_number(value: f64, language: Language, max_fraction_digits: u8) -> String {
    write_number(value, language, usize::from(max_fraction_digits), true)
}

fn write_number(value: f64, language: Language, fraction_digits: usize, trim: bool) -> String {
    if !value.is_finite() {
        return MISSING.to_owned();
    }
    let digits = format!("{:.*}", fraction_digits, value.abs());
    let (integer, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    let fraction = if trim {
        fraction.trim_end_matches('0')
    } else {
        fraction
    };
    let is_zero = integer.bytes().all(|b| b == b'0') && fraction.bytes().all(|b| b == b'0');
    let mut out = String::with_capacity(digits.len() + 8);
    if value < 0.0 && !is_zero {
        out.push('-');
    }
    let group = integer.len() > 4 || (integer.len() == 4 && language != Language::Es);
    for (index, digit) in integer.chars().enumerate() {
        if group && index > 0 && (integer.len() - index) % 3 == 0 {
            out.push(group_separator(language));
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(super::number::decimal_separator(language));
        out.push_str(fraction);
    }
    out
}

/// Writes a value for display: numbers with up to 2 decimals, percentages (`value` is the
/// fraction) with up to 1, money with exactly 2 and its symbol or code where the language
/// puts it, durations as `m:ss` or `h:mm:ss`. Money without a code is written as a plain
/// amount.
pub fn format_value(value: f64, kind: &ValueKind, language: Language) -> String {
    if !value.is_finite() {
        return MISSING.to_owned();
    }
    match kind {
        ValueKind::Number => format_number(value, language, 2),
        ValueKind::Percent => {
            let number = format_number(value * 100.0, language, 1);
            let space = match language {
                Language::En | Language::Nl => "",
                Language::De | Language::Es => "\u{a0}",
                Language::Fr => "\u{202f}",
            };
            format!("{number}{space}%")
        }
        ValueKind::Currency(code) => format_money(value, code.as_deref(), language),
        ValueKind::Duration => format_duration(value),
    }
}

fn format_money(value: f64, code: Option<&str>, language: Language) -> String {
    let amount = write_number(value.abs(), language, 2, false);
    let negative = value < 0.0 && amount.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let sign = if negative { "-" } else { "" };
    let Some(code) = code else {
        return format!("{sign}{amount}");
    };
    let symbol = currency::display_symbol(code);
    match (language, symbol) {
        (Language::En, Some(symbol)) => format!("{sign}{symbol}{amount}"),
        (Language::En, None) => format!("{sign}{code}\u{a0}{amount}"),
        (Language::Nl, Some(symbol)) => format!("{symbol}\u{a0}{sign}{amount}"),
        (_, symbol) => format!("{sign}{amount}\u{a0}{}", symbol.unwrap_or(code)),
    }
}

/// Writes a value compactly as the browsers do (`1.2K`, `1,2 mln.`, `1,2 Mio.`, `12 k`,
/// `1,2 mil`): one decimal below 10 units, none above. German has no compact thousands and
/// writes them in full. Values below a thousand keep one decimal below 10.
pub fn format_compact(value: f64, language: Language) -> String {
    if !value.is_finite() {
        return MISSING.to_owned();
    }
    let magnitude = value.abs();
    for exponent in [9, 6, 3] {
        let Some(suffix) = compact::display_suffix(language, exponent) else {
            continue;
        };
        let scaled = magnitude / 10f64.powi(exponent);
        let digits = if scaled < 9.95 { 1 } else { 0 };
        let rounded: f64 = format!("{scaled:.digits$}").parse().unwrap_or(scaled);
        if rounded >= 1.0 {
            let signed = if value < 0.0 { -rounded } else { rounded };
            return format!("{}{suffix}", format_number(signed, language, digits as u8));
        }
    }
    let digits = if magnitude < 9.95 { 1 } else { 0 };
    format_number(value, language, digits)
}

/// Writes seconds as `m:ss` below an hour and `h:mm:ss` above, rounded to whole seconds.
pub fn format_duration(seconds: f64) -> String {
    if !seconds.is_finite() {
        return MISSING.to_owned();
    }
    let whole = seconds.abs().round() as u64;
    let sign = if seconds < 0.0 && whole > 0 { "-" } else { "" };
    let (hours, minutes, secs) = (whole / 3600, whole / 60 % 60, whole % 60);
    if hours > 0 {
        format!("{sign}{hours}:{minutes:02}:{secs:02}")
    } else {
        format!("{sign}{minutes}:{secs:02}")
    }
}

/// Writes a date with a short month name: `Oct 1, 2026`, `1 okt 2026`, `1. Okt. 2026`,
/// `1 oct. 2026`, `1 oct 2026`.
pub fn format_date(date: NaiveDate, language: Language) -> String {
    let month = names::short_month(language, date.month()).unwrap_or("?");
    let (day, year) = (date.day(), date.year());
    match language {
        Language::En => format!("{month} {day}, {year}"),
        Language::De => format!("{day}. {month} {year}"),
        Language::Nl | Language::Fr | Language::Es => format!("{day} {month} {year}"),
    }
}

/// Writes a range as `start – end` with full dates, or one date for a single day.
pub fn format_date_range(range: DateRange, language: Language) -> String {
    if range.start() == range.end() {
        return format_date(range.start(), language);
    }
    format!(
        "{} – {}",
        format_date(range.start(), language),
        format_date(range.end(), language)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language::{De, En, Es, Fr, Nl};

    #[test]
    fn numbers_group_as_each_language_does() {
        assert_eq!(format_number(1234.0, En, 2), "1,234");
        assert_eq!(format_number(1234.0, Nl, 2), "1.234");
        assert_eq!(format_number(1234.0, Es, 2), "1234");
        assert_eq!(format_number(12_345.0, Es, 2), "12.345");
        assert_eq!(
            format_number(1_234_567.891, Fr, 2),
            "1\u{202f}234\u{202f}567,89"
        );
        assert_eq!(format_number(-0.001, En, 2), "0");
        assert_eq!(format_number(f64::NAN, En, 2), "—");
    }

    #[test]
    fn display_forms() {
        assert_eq!(format_value(0.125, &ValueKind::Percent, En), "12.5%");
        assert_eq!(format_value(0.125, &ValueKind::Percent, Nl), "12,5%");
        assert_eq!(format_value(0.125, &ValueKind::Percent, De), "12,5\u{a0}%");
        let euro = ValueKind::Currency(Some("EUR".into()));
        assert_eq!(format_value(1234.56, &euro, En), "€1,234.56");
        assert_eq!(format_value(1234.56, &euro, Nl), "€\u{a0}1.234,56");
        assert_eq!(format_value(1234.56, &euro, Es), "1234,56\u{a0}€");
        assert_eq!(format_value(-5.0, &euro, Nl), "€\u{a0}-5,00");
        assert_eq!(format_value(3723.0, &ValueKind::Duration, En), "1:02:03");
        assert_eq!(format_value(263.4, &ValueKind::Duration, Nl), "4:23");
    }

    #[test]
    fn compact_forms() {
        assert_eq!(format_compact(1234.0, En), "1.2K");
        assert_eq!(format_compact(1_234_567.0, Nl), "1,2\u{a0}mln.");
        assert_eq!(format_compact(1234.0, De), "1.234");
        assert_eq!(format_compact(1_234_567.0, De), "1,2\u{a0}Mio.");
        assert_eq!(format_compact(12_345.0, Fr), "12\u{a0}k");
        assert_eq!(format_compact(999_960.0, En), "1M");
        assert_eq!(format_compact(2.5e9, En), "2.5B");
        assert_eq!(format_compact(7.26, En), "7.3");
    }

    #[test]
    fn dates() {
        let day = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        assert_eq!(format_date(day, En), "Oct 1, 2026");
        assert_eq!(format_date(day, De), "1. Okt. 2026");
        assert_eq!(format_date(day, Nl), "1 okt 2026");
    }
}
