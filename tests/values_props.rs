//! Property tests: whatever the formatter writes in a language reads back to the same
//! value in that language (within the stated rounding for compact text), and reading
//! without a language never yields a different value than the language that wrote it.
//!
//! Case counts default to a few hundred per property; set `PROPTEST_CASES` for more.

// Strategies build fixture dates; a panic there is a failed test.
#![allow(clippy::unwrap_used)]

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use yardstick::model::Language;
use yardstick::values::{
    format_compact, format_date, format_date_range, format_duration, format_number, format_value,
    parse_date, parse_duration, parse_period, parse_value, DateHint, DateRange, DayMonthOrder,
    ParsedValue, Period, RelativeEnd, ValueError, ValueKind,
};

/// `PROPTEST_CASES` when set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn any_language() -> impl Strategy<Value = Language> {
    prop::sample::select(Language::ALL.to_vec())
}

/// Values written with at most two decimals: whole cents up to 10¹².
fn two_decimal_value() -> impl Strategy<Value = f64> {
    (-100_000_000_000_000i64..100_000_000_000_000i64).prop_map(|cents| cents as f64 / 100.0)
}

/// True when `a` and `b` are equal up to the last bits of an `f64`.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Without a language, a text reads as the writer's value or is ambiguous with that value
/// among the readings; never as something else.
fn unguessed(text: &str, written: &ParsedValue) -> Result<(), TestCaseError> {
    match parse_value(text, None) {
        Ok(read) => prop_assert!(
            close(read.value, written.value),
            "{text:?} read as {read:?}"
        ),
        Err(ValueError::Ambiguous { first, second, .. }) => prop_assert!(
            close(first, written.value) || close(second, written.value),
            "{text:?} ambiguous between {first} and {second}, neither {}",
            written.value
        ),
        Err(other) => prop_assert!(false, "{text:?} unread without a language: {other}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn numbers_read_back_in_their_language(value in two_decimal_value(), language in any_language()) {
        let text = format_value(value, &ValueKind::Number, language);
        let read = parse_value(&text, Some(language)).unwrap();
        prop_assert!(close(read.value, value), "{text:?} read as {read:?}, wrote {value}");
        prop_assert_eq!(read.kind.clone(), ValueKind::Number);
        prop_assert_eq!(read.signed, text.starts_with('-'));
        unguessed(&text, &read)?;
    }

    #[test]
    fn whole_numbers_read_back_exactly(value in 0u64..10_000_000_000_000, language in any_language()) {
        let text = format_number(value as f64, language, 0);
        prop_assert_eq!(parse_value(&text, Some(language)).unwrap().value, value as f64, "{}", text);
    }

    #[test]
    fn percentages_read_back_as_fractions(tenths in -100_000i64..100_000, language in any_language()) {
        let fraction = tenths as f64 / 1000.0;
        let text = format_value(fraction, &ValueKind::Percent, language);
        let read = parse_value(&text, Some(language)).unwrap();
        prop_assert_eq!(read.kind.clone(), ValueKind::Percent, "{}", text);
        prop_assert!(close(read.value, fraction), "{text:?} read as {read:?}, wrote {fraction}");
        unguessed(&text, &read)?;
    }

    #[test]
    fn money_reads_back_with_its_code(
        value in two_decimal_value(),
        code in prop::sample::select(vec!["EUR", "USD", "GBP", "CHF", "SEK"]),
        language in any_language(),
    ) {
        let kind = ValueKind::Currency(Some(code.to_owned()));
        let text = format_value(value, &kind, language);
        let read = parse_value(&text, Some(language)).unwrap();
        prop_assert_eq!(read.kind.clone(), kind, "{}", text);
        prop_assert!(close(read.value, value), "{text:?} read as {read:?}, wrote {value}");
        unguessed(&text, &read)?;
    }

    #[test]
    fn compact_text_is_within_half_a_step(value in 0.0f64..5e11, language in any_language()) {
        let text = format_compact(value, language);
        let read = parse_value(&text, Some(language)).unwrap();
        let tolerance = match read.rounded_to {
            Some(step) => step / 2.0,
            None if value < 9.95 => 0.05,
            None => 0.5,
        };
        prop_assert!(
            (read.value - value).abs() <= tolerance * (1.0 + 1e-9),
            "{text:?} read as {read:?}, wrote {value}"
        );
        unguessed(&text, &read)?;
    }

    #[test]
    fn durations_read_back(seconds in 0u64..10_000_000, language in any_language()) {
        let text = format_duration(seconds as f64);
        prop_assert_eq!(parse_duration(&text, Some(language)).unwrap(), seconds as f64);
        let read = parse_value(&text, None).unwrap();
        prop_assert_eq!(read.kind, ValueKind::Duration);
        prop_assert_eq!(read.value, seconds as f64);
    }

    #[test]
    fn dates_read_back_in_their_language(days in 0i64..80_000, language in any_language()) {
        let date = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + chrono::Days::new(days as u64);
        let text = format_date(date, language);
        prop_assert_eq!(parse_date(&text, DateHint::language(language)).unwrap(), date, "{}", text);
        prop_assert_eq!(parse_date(&text, DateHint::NONE).unwrap(), date, "{}", text);
        let iso = date.format("%Y-%m-%d").to_string();
        prop_assert_eq!(parse_date(&iso, DateHint::NONE).unwrap(), date);
    }

    #[test]
    fn numeric_dates_follow_the_order_or_say_they_are_ambiguous(
        days in 0i64..80_000,
        day_first in any::<bool>(),
        separator in prop::sample::select(vec!['/', '-']),
    ) {
        let date = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + chrono::Days::new(days as u64);
        let (first, second, order) = if day_first {
            (date.day(), date.month(), DayMonthOrder::DayFirst)
        } else {
            (date.month(), date.day(), DayMonthOrder::MonthFirst)
        };
        let text = format!("{first:02}{separator}{second:02}{separator}{}", date.year());
        prop_assert_eq!(parse_date(&text, DateHint::NONE.with_order(order)).unwrap(), date);
        match parse_date(&text, DateHint::NONE) {
            Ok(read) => {
                prop_assert_eq!(read, date, "{}", text);
                prop_assert!(date.day() > 12 || date.day() == date.month());
            }
            Err(yardstick::values::DateError::Ambiguous { day_first: a, month_first: b, .. }) => {
                prop_assert!(a == date || b == date);
                prop_assert!(date.day() <= 12 && date.day() != date.month());
            }
            Err(other) => prop_assert!(false, "{text:?}: {other}"),
        }
    }

    #[test]
    fn ranges_read_back_as_periods(
        start_days in 0i64..60_000,
        length in 0u64..800,
        language in any_language(),
    ) {
        let start = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + chrono::Days::new(start_days as u64);
        let range = DateRange::new(start, start + chrono::Days::new(length)).unwrap();
        let text = format_date_range(range, language);
        let today = NaiveDate::from_ymd_opt(2200, 1, 1).unwrap();
        let read = parse_period(&text, DateHint::language(language), today, RelativeEnd::Yesterday);
        prop_assert_eq!(read, Ok(Period::Range(range)), "{}", text);
    }

    #[test]
    fn relative_presets_end_where_the_convention_says(
        count in 1u32..400,
        unit in prop::sample::select(vec!["days", "weeks", "months"]),
        today_days in 20_000i64..60_000,
        ends_today in any::<bool>(),
    ) {
        let today = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + chrono::Days::new(today_days as u64);
        let relative_end = if ends_today { RelativeEnd::Today } else { RelativeEnd::Yesterday };
        let text = format!("Last {count} {unit}");
        let Ok(Period::Range(range)) = parse_period(&text, DateHint::NONE, today, relative_end) else {
            return Err(TestCaseError::fail(format!("{text:?} unread")));
        };
        prop_assert_eq!(Some(range.end()), relative_end.last_day(today));
        if unit == "days" {
            prop_assert_eq!(range.days(), i64::from(count));
        } else if unit == "weeks" {
            prop_assert_eq!(range.days(), i64::from(count) * 7);
        }
    }
}
