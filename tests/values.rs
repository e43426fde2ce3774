//! Table tests for the value readers: every number, percentage, currency, duration, date and
//! period form listed in `reference/number-formats.md`, `export-formats.md`,
//! `analytics-pages.md` and `ads-managers.md`, with their quirks (no-break spaces, U+2212,
//! arrows, per-language compact suffixes, weekdays, years given once).

// Helpers build fixture dates; a panic there is a failed test, which is what it should be.
#![allow(clippy::unwrap_used)]

use chrono::{FixedOffset, NaiveDate, NaiveTime};
use yardstick::model::Language::{self, De, En, Es, Fr, Nl};
use yardstick::values::{
    parse_date, parse_date_time, parse_duration, parse_period, parse_recent_date, parse_value,
    DateError, DateHint, DateRange, DayMonthOrder, ParsedValue, Period, PeriodError, RelativeEnd,
    ValueError, ValueKind,
};

/// What a value text should read as.
#[derive(Debug, Clone)]
enum Want {
    Value(ParsedValue),
    Missing,
    Ambiguous(f64, f64),
    Unparseable,
    Mismatch(Language, f64),
}

fn value(value: f64, kind: ValueKind, rounded_to: Option<f64>) -> Want {
    Want::Value(ParsedValue {
        value,
        kind,
        rounded_to,
        signed: false,
    })
}
fn number(v: f64) -> Want {
    value(v, ValueKind::Number, None)
}
fn compact(v: f64, step: f64) -> Want {
    value(v, ValueKind::Number, Some(step))
}
fn percent(v: f64) -> Want {
    value(v, ValueKind::Percent, None)
}
fn money(v: f64, code: Option<&str>) -> Want {
    value(v, ValueKind::Currency(code.map(str::to_owned)), None)
}
fn seconds(v: f64) -> Want {
    value(v, ValueKind::Duration, None)
}
/// The same reading, written with an explicit sign.
fn signed(want: Want) -> Want {
    match want {
        Want::Value(parsed) => Want::Value(ParsedValue {
            signed: true,
            ..parsed
        }),
        other => other,
    }
}

/// Parses `input` under `language` and compares with what it should read as.
fn check(input: &str, language: Option<Language>, want: Want) {
    let expected = match want {
        Want::Value(parsed) => Ok(parsed),
        Want::Missing => Err(ValueError::Missing {
            raw: input.to_owned(),
        }),
        Want::Ambiguous(first, second) => Err(ValueError::Ambiguous {
            raw: input.to_owned(),
            first,
            second,
        }),
        Want::Unparseable => Err(ValueError::Unparseable {
            raw: input.to_owned(),
        }),
        Want::Mismatch(language, value) => Err(ValueError::LocaleMismatch {
            raw: input.to_owned(),
            language,
            value,
        }),
    };
    assert_eq!(
        parse_value(input, language),
        expected,
        "parse_value({input:?}, {language:?})"
    );
}

fn check_all(cases: &[(&str, Option<Language>, Want)]) {
    for (input, language, want) in cases {
        check(input, *language, want.clone());
    }
}

#[test]
fn plain_and_grouped_numbers() {
    check_all(&[
        ("87,780", Some(En), number(87_780.0)),
        ("1,234,567.89", Some(En), number(1_234_567.89)),
        ("1,234,567.89", None, number(1_234_567.89)),
        ("1.234.567,89", Some(Nl), number(1_234_567.89)),
        ("1.234.567,89", Some(De), number(1_234_567.89)),
        ("1.234.567,89", None, number(1_234_567.89)),
        ("1\u{202f}234\u{202f}567,89", Some(Fr), number(1_234_567.89)),
        ("1\u{202f}234\u{202f}567,89", None, number(1_234_567.89)),
        ("1\u{a0}234", Some(Fr), number(1234.0)),
        ("1 200", Some(Fr), number(1200.0)),
        ("1 234", None, number(1234.0)),
        ("1'234.5", Some(En), number(1234.5)),
        ("1'234,5", None, number(1234.5)),
        ("1234,56", Some(Es), number(1234.56)),
        ("12.345", Some(Es), number(12_345.0)),
        ("2633.0", Some(En), number(2633.0)),
        ("4.19763158", Some(En), number(4.19763158)),
        ("0.0155", None, number(0.0155)),
        ("8,5", None, number(8.5)),
        ("1,2345", None, number(1.2345)),
        ("1.5", None, number(1.5)),
        ("71", None, number(71.0)),
        ("0", None, number(0.0)),
        ("\u{200e}71\u{a0}", None, number(71.0)),
        ("1,234", Some(En), number(1234.0)),
        ("1,234", Some(Nl), number(1.234)),
        ("1,234", Some(Fr), number(1.234)),
        ("1.234", Some(Nl), number(1234.0)),
        ("1.234", Some(De), number(1234.0)),
        ("1.234", Some(En), number(1.234)),
        ("6.49E+17", Some(En), number(6.49e17)),
    ]);
}

#[test]
fn compact_numbers_are_exact_and_carry_their_step() {
    check_all(&[
        ("1.2K", Some(En), compact(1200.0, 100.0)),
        ("1.2K", None, compact(1200.0, 100.0)),
        ("9.9k", Some(En), compact(9900.0, 100.0)),
        ("12K", None, compact(12_000.0, 1000.0)),
        ("1.5K", None, compact(1500.0, 100.0)),
        ("1.5M", None, compact(1_500_000.0, 100_000.0)),
        ("1.15M", None, compact(1_150_000.0, 10_000.0)),
        ("1.2B", None, compact(1.2e9, 1e8)),
        ("2.2m", None, compact(2_200_000.0, 100_000.0)),
        ("7.8k", None, compact(7800.0, 100.0)),
        ("2.2K", None, compact(2200.0, 100.0)),
        ("1,2K", Some(Nl), compact(1200.0, 100.0)),
        ("1,2K", None, compact(1200.0, 100.0)),
        ("1,2 mln", Some(Nl), compact(1_200_000.0, 100_000.0)),
        ("1,2\u{a0}mln.", Some(Nl), compact(1_200_000.0, 100_000.0)),
        ("1,2\u{a0}mln.", None, compact(1_200_000.0, 100_000.0)),
        ("3 mld", Some(Nl), compact(3e9, 1e9)),
        ("2,5\u{a0}mld.", Some(Nl), compact(2.5e9, 1e8)),
        ("1,2\u{a0}Mio.", Some(De), compact(1_200_000.0, 100_000.0)),
        ("2,5\u{a0}Mrd.", Some(De), compact(2.5e9, 1e8)),
        ("1,2 Tsd.", Some(De), compact(1200.0, 100.0)),
        ("1,2\u{a0}M", Some(Fr), compact(1_200_000.0, 100_000.0)),
        ("1,2\u{a0}M", Some(Es), compact(1_200_000.0, 100_000.0)),
        ("1,2 M", None, compact(1_200_000.0, 100_000.0)),
        ("12 k", None, compact(12_000.0, 1000.0)),
        ("1,2\u{a0}k", Some(Fr), compact(1200.0, 100.0)),
        ("3,4 K", Some(Fr), compact(3400.0, 100.0)),
        ("2,5\u{a0}Md", Some(Fr), compact(2.5e9, 1e8)),
        ("1,2\u{a0}mil", Some(Es), compact(1200.0, 100.0)),
        ("1,2\u{a0}mil", None, compact(1200.0, 100.0)),
        ("2500\u{a0}M", Some(Es), compact(2.5e9, 1e6)),
        ("25\u{a0}mil\u{a0}M", Some(Es), compact(2.5e10, 1e9)),
        ("1,2 mill.", Some(Es), compact(1_200_000.0, 100_000.0)),
        ("2,5 B", Some(Es), compact(2.5e12, 1e11)),
    ]);
}

#[test]
fn a_locale_that_decides_nothing_is_ambiguous() {
    check_all(&[
        ("1,234", None, Want::Ambiguous(1234.0, 1.234)),
        ("1.234", None, Want::Ambiguous(1.234, 1234.0)),
        ("€ 1.234", None, Want::Ambiguous(1.234, 1234.0)),
        ("95,769%", None, Want::Ambiguous(957.69, 0.95769)),
        ("12B", None, Want::Ambiguous(12e9, 12e12)),
        ("12 Bn", None, Want::Ambiguous(12e9, 12e12)),
    ]);
}

#[test]
fn text_written_against_its_language_is_a_mismatch() {
    check_all(&[
        ("1.234,5", Some(En), Want::Mismatch(En, 1234.5)),
        ("1.2K", Some(Nl), Want::Mismatch(Nl, 1200.0)),
        ("12.3%", Some(De), Want::Mismatch(De, 0.123)),
        ("12,5%", Some(En), Want::Mismatch(En, 0.125)),
        ("1,2 mln", Some(En), Want::Mismatch(En, 1_200_000.0)),
        ("1,2 Mio.", Some(Nl), Want::Mismatch(Nl, 1_200_000.0)),
    ]);
}

#[test]
fn percentages_are_fractions() {
    check_all(&[
        ("12,5%", Some(Nl), percent(0.125)),
        ("12,5%", None, percent(0.125)),
        ("12.5%", None, percent(0.125)),
        ("12.5\u{a0}%", Some(En), percent(0.125)),
        ("12,5\u{a0}%", Some(De), percent(0.125)),
        ("12,5\u{202f}%", Some(Fr), percent(0.125)),
        ("12,5\u{a0}%", Some(Es), percent(0.125)),
        ("0.2%", None, percent(0.002)),
        ("0%", None, percent(0.0)),
        ("25%", None, percent(0.25)),
        ("7.5%", None, percent(0.075)),
        ("5.02%", None, percent(0.0502)),
        ("95,769%", Some(Es), percent(0.95769)),
    ]);
}

#[test]
fn signs_and_arrows_mark_deltas() {
    check_all(&[
        ("+12%", None, signed(percent(0.12))),
        ("-3,1%", None, signed(percent(-0.031))),
        ("+12,5%", Some(Nl), signed(percent(0.125))),
        ("−3", None, signed(number(-3.0))),
        ("↑ 12%", None, signed(percent(0.12))),
        ("↓ 3%", None, signed(percent(-0.03))),
        ("↓\u{a0}-3%", None, signed(percent(-0.03))),
        ("+12", None, signed(number(12.0))),
        ("-1,234", Some(En), signed(number(-1234.0))),
        ("+1.2K", Some(En), signed(compact(1200.0, 100.0))),
        ("↑ -3%", None, Want::Unparseable),
    ]);
}

#[test]
fn money_in_every_position() {
    let eur = Some("EUR");
    let usd = Some("USD");
    check_all(&[
        ("€ 1.234,56", Some(Nl), money(1234.56, eur)),
        ("€\u{a0}1.234,56", None, money(1234.56, eur)),
        ("€1,234.56", Some(En), money(1234.56, eur)),
        ("€1,234.56", None, money(1234.56, eur)),
        ("$1,234.56", None, money(1234.56, None)),
        ("1\u{202f}234,56\u{a0}€", Some(Fr), money(1234.56, eur)),
        ("1 234,56 €", None, money(1234.56, eur)),
        ("1.234,56\u{a0}€", Some(De), money(1234.56, eur)),
        ("1234,56\u{a0}€", Some(Es), money(1234.56, eur)),
        ("US$123,456.00", None, money(123_456.0, usd)),
        ("12.345.678,00\u{a0}US$", Some(Es), money(12_345_678.0, usd)),
        ("12.345.678,00\u{a0}US$", None, money(12_345_678.0, usd)),
        ("£1,234.56", None, money(1234.56, Some("GBP"))),
        ("EUR 12", None, money(12.0, eur)),
        ("12 USD", None, money(12.0, usd)),
        ("CHF 1'234.50", Some(En), money(1234.5, Some("CHF"))),
        ("-€5.00", Some(En), signed(money(-5.0, eur))),
        ("€ -1.234,56", Some(Nl), signed(money(-1234.56, eur))),
        ("-1.234,56\u{a0}€", Some(De), signed(money(-1234.56, eur))),
        (
            "$1.2K",
            Some(En),
            value(1200.0, ValueKind::Currency(None), Some(100.0)),
        ),
        ("12%€", None, Want::Unparseable),
        ("€", None, Want::Unparseable),
    ]);
}

#[test]
fn durations_in_values() {
    check_all(&[
        ("1:02:03", None, seconds(3723.0)),
        ("4:23", None, seconds(263.0)),
        ("0:04:23", None, seconds(263.0)),
        ("1h:8m:13s", None, seconds(4093.0)),
        ("2.12s", None, seconds(2.12)),
        ("1h 8m", None, seconds(4080.0)),
        ("12.5 hours", Some(En), seconds(45_000.0)),
        ("12,5 uur", Some(Nl), seconds(45_000.0)),
        ("3 min", None, seconds(180.0)),
        ("45 sec", None, seconds(45.0)),
        ("4:60", None, Want::Unparseable),
    ]);
}

#[test]
fn missing_markers_and_unreadable_text() {
    for marker in [
        "", "   ", "\u{a0}", "—", "–", "-", "--", "N/A", "n/a", "n.v.t.",
    ] {
        check(marker, None, Want::Missing);
        check(marker, Some(Nl), Want::Missing);
    }
    for text in [
        "abc",
        "12 apples",
        "1,2,3",
        "%",
        "1.2.3K",
        "Processing…",
        "1 23",
        "K",
    ] {
        check(text, None, Want::Unparseable);
    }
}

/// Compares `parse_duration` with seconds or an error.
fn check_duration(input: &str, language: Option<Language>, expected: Result<f64, ValueError>) {
    assert_eq!(
        parse_duration(input, language),
        expected,
        "parse_duration({input:?})"
    );
}

#[test]
fn durations_in_five_languages() {
    let cases: &[(&str, Option<Language>, f64)] = &[
        ("1:02:03", None, 3723.0),
        ("0:04:23", None, 263.0),
        ("4:23", Some(Nl), 263.0),
        ("12.5 hours", Some(En), 45_000.0),
        ("12,5 uur", Some(Nl), 45_000.0),
        ("12,5 uur", None, 45_000.0),
        ("3 min", None, 180.0),
        ("1h:8m:13s", None, 4093.0),
        ("2.12s", None, 2.12),
        ("1h 8m", None, 4080.0),
        ("45 sec", None, 45.0),
        ("2 u 5 min", Some(Nl), 7500.0),
        ("1 uur en 5 minuten", Some(Nl), 3900.0),
        ("30 seconden", Some(Nl), 30.0),
        ("2 Std. 30 Min.", Some(De), 9000.0),
        ("1 Stunde 5 Minuten 3 Sekunden", Some(De), 3903.0),
        ("2 h 30 min", Some(Fr), 9000.0),
        ("1 heure 30 minutes", Some(Fr), 5400.0),
        ("2 horas 15 minutos 10 segundos", Some(Es), 8110.0),
        ("1 d 2 h", None, 93_600.0),
    ];
    for (input, language, expected) in cases {
        check_duration(input, *language, Ok(*expected));
    }
    let raw = |text: &str| text.to_owned();
    check_duration(
        "263",
        None,
        Err(ValueError::Unparseable { raw: raw("263") }),
    );
    check_duration("—", None, Err(ValueError::Missing { raw: raw("—") }));
    check_duration(
        "1,234 hours",
        None,
        Err(ValueError::Ambiguous {
            raw: raw("1,234 hours"),
            first: 4_442_400.0,
            second: 4442.4,
        }),
    );
    check_duration(
        "12.5 hours",
        Some(Nl),
        Err(ValueError::LocaleMismatch {
            raw: raw("12.5 hours"),
            language: Nl,
            value: 45_000.0,
        }),
    );
    check_duration(
        "5 min 1 h",
        None,
        Err(ValueError::Unparseable {
            raw: raw("5 min 1 h"),
        }),
    );
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// Compares `parse_date` with a date or an error.
fn check_date(input: &str, hint: DateHint, expected: Result<NaiveDate, DateError>) {
    assert_eq!(
        parse_date(input, hint),
        expected,
        "parse_date({input:?}, {hint:?})"
    );
}

#[test]
fn every_absolute_date_format() {
    let none = DateHint::NONE;
    let cases: &[(&str, DateHint, NaiveDate)] = &[
        ("2019-01-31 23:32 +0000", none, day(2019, 1, 31)),
        ("2021-08-01", none, day(2021, 8, 1)),
        ("2025-08-01T00:00:00", none, day(2025, 8, 1)),
        ("2025-08-01T00:00:00.000Z", none, day(2025, 8, 1)),
        ("2026-05-19T15:15:37-0400", none, day(2026, 5, 19)),
        ("2025/12/12 11:30:00", none, day(2025, 12, 12)),
        ("Sat, Sep 6, 2025", none, day(2025, 9, 6)),
        ("Mon Feb 17 2025", none, day(2025, 2, 17)),
        ("Tue, Jul 14, 2026", none, day(2026, 7, 14)),
        ("Sep 27, 2024", none, day(2024, 9, 27)),
        ("September 27th, 2024", none, day(2024, 9, 27)),
        ("27 September 2024", none, day(2024, 9, 27)),
        ("03/25/2025 22:00", none, day(2025, 3, 25)),
        ("4/24/2022", none, day(2022, 4, 24)),
        ("12/31/24", none, day(2024, 12, 31)),
        (
            "25/03/2025",
            DateHint::NONE.with_order(DayMonthOrder::DayFirst),
            day(2025, 3, 25),
        ),
        (
            "03/04/2025",
            DateHint::language(Es).with_order(DayMonthOrder::MonthFirst),
            day(2025, 3, 4),
        ),
        ("1-Jan-2025", none, day(2025, 1, 1)),
        ("9-jun.-2025", DateHint::language(Es), day(2025, 6, 9)),
        ("8-jul.-2025", none, day(2025, 7, 8)),
        ("lun., 9 jun. 2025", DateHint::language(Es), day(2025, 6, 9)),
        (
            "mar., 10 jun. 2025",
            DateHint::language(Es),
            day(2025, 6, 10),
        ),
        ("1 okt. 2026", DateHint::language(Nl), day(2026, 10, 1)),
        ("1. Okt. 2026", DateHint::language(De), day(2026, 10, 1)),
        ("1. März 2026", DateHint::language(De), day(2026, 3, 1)),
        ("1 oct. 2026", DateHint::language(Fr), day(2026, 10, 1)),
        ("1er octobre 2026", DateHint::language(Fr), day(2026, 10, 1)),
        (
            "1 de octubre de 2026",
            DateHint::language(Es),
            day(2026, 10, 1),
        ),
        ("01-06-2025", DateHint::language(Nl), day(2025, 6, 1)),
        ("06/01/2025", DateHint::US, day(2025, 6, 1)),
        ("27.09.2024", none, day(2024, 9, 27)),
        ("05.06.2024", none, day(2024, 6, 5)),
        ("05/05/2025", none, day(2025, 5, 5)),
    ];
    for (input, hint, expected) in cases {
        check_date(input, *hint, Ok(*expected));
    }
}

#[test]
fn dates_that_cannot_be_read_say_why() {
    let raw = |text: &str| text.to_owned();
    let ambiguous = |text: &str, day_first, month_first| {
        Err(DateError::Ambiguous {
            raw: raw(text),
            day_first,
            month_first,
        })
    };
    check_date(
        "01/06/2025",
        DateHint::NONE,
        ambiguous("01/06/2025", day(2025, 6, 1), day(2025, 1, 6)),
    );
    check_date(
        "01/06/2025",
        DateHint::language(En),
        ambiguous("01/06/2025", day(2025, 6, 1), day(2025, 1, 6)),
    );
    check_date(
        "03/25/2025",
        DateHint::NONE.with_order(DayMonthOrder::DayFirst),
        Err(DateError::Invalid {
            raw: raw("03/25/2025"),
            year: 2025,
            month: 25,
            day: 3,
        }),
    );
    check_date(
        "31/04/2025",
        DateHint::language(Nl),
        Err(DateError::Invalid {
            raw: raw("31/04/2025"),
            year: 2025,
            month: 4,
            day: 31,
        }),
    );
    check_date(
        "Sun, Sep 6, 2025",
        DateHint::NONE,
        Err(DateError::WeekdayMismatch {
            raw: raw("Sun, Sep 6, 2025"),
            written: chrono::Weekday::Sun,
            actual: chrono::Weekday::Sat,
        }),
    );
    check_date(
        "Oct 1",
        DateHint::NONE,
        Err(DateError::NoYear { raw: raw("Oct 1") }),
    );
    check_date(
        "Mon Jan 5, 3:00pm",
        DateHint::NONE,
        Err(DateError::NoYear {
            raw: raw("Mon Jan 5, 3:00pm"),
        }),
    );
    check_date("", DateHint::NONE, Err(DateError::Missing { raw: raw("") }));
    for text in ["garbage", "2025-13", "Oct Nov 1 2026", "1 2 2026", "99999"] {
        check_date(
            text,
            DateHint::NONE,
            Err(DateError::Unrecognised { raw: raw(text) }),
        );
    }
}

#[test]
fn date_times_keep_time_and_offset() {
    let parsed = parse_date_time("2026-05-19T15:15:37-0400", DateHint::NONE).unwrap();
    assert_eq!(parsed.date, day(2026, 5, 19));
    assert_eq!(parsed.time, NaiveTime::from_hms_opt(15, 15, 37));
    assert_eq!(parsed.utc_offset, FixedOffset::west_opt(4 * 3600));
    let parsed = parse_date_time("2019-01-31 23:32 +0000", DateHint::NONE).unwrap();
    assert_eq!(parsed.time, NaiveTime::from_hms_opt(23, 32, 0));
    assert_eq!(parsed.utc_offset, FixedOffset::east_opt(0));
    let parsed = parse_date_time("03/25/2025 22:00", DateHint::US).unwrap();
    assert_eq!(
        (parsed.time, parsed.utc_offset),
        (NaiveTime::from_hms_opt(22, 0, 0), None)
    );
    assert_eq!(
        parse_date_time("2021-08-01", DateHint::NONE).unwrap().time,
        None
    );
}

#[test]
fn recent_dates_without_a_year_take_the_latest_past_one() {
    let on = |today: NaiveDate, text: &str| {
        parse_recent_date(text, DateHint::NONE, today).map(|p| p.date)
    };
    assert_eq!(
        on(day(2026, 3, 1), "Mon Jan 5, 3:00pm"),
        Ok(day(2026, 1, 5))
    );
    assert_eq!(on(day(2026, 1, 4), "Sun Jan 5"), Ok(day(2025, 1, 5)));
    assert_eq!(on(day(2026, 3, 1), "Feb 29"), Ok(day(2024, 2, 29)));
    assert_eq!(
        on(day(2026, 3, 1), "Feb 30"),
        Err(DateError::Invalid {
            raw: "Feb 30".into(),
            year: 2026,
            month: 2,
            day: 30
        })
    );
    assert_eq!(on(day(2026, 3, 1), "Sep 27, 2024"), Ok(day(2024, 9, 27)));
    assert_eq!(
        on(day(2026, 3, 1), "Tue Jan 5"),
        Err(DateError::WeekdayMismatch {
            raw: "Tue Jan 5".into(),
            written: chrono::Weekday::Tue,
            actual: chrono::Weekday::Mon,
        })
    );
}

/// The reading's date for the period tables: Thursday 29 October 2026.
fn today() -> NaiveDate {
    day(2026, 10, 29)
}

fn range(start: NaiveDate, end: NaiveDate) -> Result<Period, PeriodError> {
    Ok(Period::Range(DateRange::new(start, end).unwrap()))
}

/// Compares `parse_period` (read on [`today`]) with a period or an error.
fn check_period(
    input: &str,
    hint: DateHint,
    relative_end: RelativeEnd,
    expected: Result<Period, PeriodError>,
) {
    assert_eq!(
        parse_period(input, hint, today(), relative_end),
        expected,
        "parse_period({input:?}, {hint:?}, {relative_end:?})"
    );
}

#[test]
fn relative_presets_in_five_languages() {
    use RelativeEnd::{Today, Yesterday};
    let yesterday = day(2026, 10, 28);
    let cases: &[(&str, RelativeEnd, NaiveDate, NaiveDate)] = &[
        ("Last 28 days", Yesterday, day(2026, 10, 1), yesterday),
        ("Laatste 28 dagen", Yesterday, day(2026, 10, 1), yesterday),
        ("Afgelopen 28 dagen", Yesterday, day(2026, 10, 1), yesterday),
        ("Letzte 28 Tage", Yesterday, day(2026, 10, 1), yesterday),
        ("28 derniers jours", Yesterday, day(2026, 10, 1), yesterday),
        (
            "Les 28 derniers jours",
            Yesterday,
            day(2026, 10, 1),
            yesterday,
        ),
        ("Últimos 28 días", Yesterday, day(2026, 10, 1), yesterday),
        ("Past 7 days", Yesterday, day(2026, 10, 22), yesterday),
        ("Afgelopen 7 dagen", Yesterday, day(2026, 10, 22), yesterday),
        ("Last 7 days", Today, day(2026, 10, 23), today()),
        ("Last 15 days", Yesterday, day(2026, 10, 14), yesterday),
        ("Last 12 weeks", Yesterday, day(2026, 8, 6), yesterday),
        ("Last 6 months", Yesterday, day(2026, 4, 29), yesterday),
        ("Last 12 months", Yesterday, day(2025, 10, 29), yesterday),
        ("Last 365 days", Yesterday, day(2025, 10, 29), yesterday),
        ("Last 90 days", Today, day(2026, 8, 1), today()),
        ("7D", Yesterday, day(2026, 10, 22), yesterday),
        ("2W", Yesterday, day(2026, 10, 15), yesterday),
        ("4W", Yesterday, day(2026, 10, 1), yesterday),
        ("3M", Yesterday, day(2026, 7, 29), yesterday),
        ("1Y", Today, day(2025, 10, 30), today()),
        ("Today", Yesterday, today(), today()),
        ("Gisteren", Today, yesterday, yesterday),
        ("past_28_days", Yesterday, day(2026, 10, 1), yesterday),
    ];
    for (input, relative_end, start, end) in cases {
        check_period(input, DateHint::NONE, *relative_end, range(*start, *end));
    }
}

#[test]
fn lifetime_is_not_a_made_up_range() {
    for text in ["Lifetime", "All time", "Since published"] {
        check_period(
            text,
            DateHint::NONE,
            RelativeEnd::Yesterday,
            Ok(Period::Lifetime {
                through: day(2026, 10, 28),
            }),
        );
    }
    check_period(
        "All time",
        DateHint::NONE,
        RelativeEnd::Today,
        Ok(Period::Lifetime { through: today() }),
    );
}

#[test]
fn years_and_months_are_clipped_at_the_relative_end() {
    let end = RelativeEnd::Yesterday;
    check_period(
        "2025",
        DateHint::NONE,
        end,
        range(day(2025, 1, 1), day(2025, 12, 31)),
    );
    check_period(
        "2026",
        DateHint::NONE,
        end,
        range(day(2026, 1, 1), day(2026, 10, 28)),
    );
    check_period(
        "October 2026",
        DateHint::NONE,
        end,
        range(day(2026, 10, 1), day(2026, 10, 28)),
    );
    check_period(
        "februari 2024",
        DateHint::NONE,
        end,
        range(day(2024, 2, 1), day(2024, 2, 29)),
    );
    check_period(
        "2027",
        DateHint::NONE,
        end,
        Err(PeriodError::NotStarted {
            raw: "2027".into(),
            start: day(2027, 1, 1),
        }),
    );
}

#[test]
fn custom_ranges_with_every_separator() {
    let end = RelativeEnd::Yesterday;
    let october = range(day(2026, 10, 1), day(2026, 10, 28));
    let cases: &[(&str, DateHint)] = &[
        ("Oct 1 – Oct 28, 2026", DateHint::NONE),
        ("Oct 1 — Oct 28, 2026", DateHint::NONE),
        ("Oct 1 - Oct 28, 2026", DateHint::NONE),
        ("Oct 1 – 28, 2026", DateHint::NONE),
        ("Oct 1-28, 2026", DateHint::NONE),
        ("Oct 1 – Oct 28", DateHint::NONE),
        ("Oct 1, 2026 – Oct 28", DateHint::NONE),
        ("1 okt. – 28 okt. 2026", DateHint::language(Nl)),
        ("1 okt. 2026 – 28 okt. 2026", DateHint::language(Nl)),
        ("1–28 okt. 2026", DateHint::language(Nl)),
        ("1. Okt. – 28. Okt. 2026", DateHint::language(De)),
        ("1 oct. – 28 oct. 2026", DateHint::language(Fr)),
        ("1 de oct. – 28 de oct. de 2026", DateHint::language(Es)),
        ("2026-10-01 – 2026-10-28", DateHint::NONE),
        ("01-10-2026 - 28-10-2026", DateHint::language(Nl)),
        ("10/01/2026 - 10/28/2026", DateHint::NONE),
        ("Oct 1, 2026 to Oct 28, 2026", DateHint::NONE),
        ("Thu, Oct 1, 2026 – Wed, Oct 28, 2026", DateHint::NONE),
    ];
    for (input, hint) in cases {
        check_period(input, *hint, end, october.clone());
    }
    let cases: &[(&str, DateHint, NaiveDate, NaiveDate)] = &[
        (
            "Aug 26, 2026 - Sep 9, 2026",
            DateHint::NONE,
            day(2026, 8, 26),
            day(2026, 9, 9),
        ),
        (
            "Time range: Aug 26, 2026 - Sep 9, 2026",
            DateHint::NONE,
            day(2026, 8, 26),
            day(2026, 9, 9),
        ),
        (
            "01-06-2025 - 30-06-2025",
            DateHint::language(Nl),
            day(2025, 6, 1),
            day(2025, 6, 30),
        ),
        (
            "06/01/2025 - 06/30/2025",
            DateHint::US,
            day(2025, 6, 1),
            day(2025, 6, 30),
        ),
        (
            "06/01/2025 - 06/30/2025",
            DateHint::NONE,
            day(2025, 6, 1),
            day(2025, 6, 30),
        ),
        (
            "05/06/2025 - 01/07/2025",
            DateHint::NONE,
            day(2025, 6, 5),
            day(2025, 7, 1),
        ),
        (
            "Dec 15 – Jan 10, 2027",
            DateHint::NONE,
            day(2026, 12, 15),
            day(2027, 1, 10),
        ),
        (
            "Dec 1 - Dec 31",
            DateHint::NONE,
            day(2025, 12, 1),
            day(2025, 12, 31),
        ),
        (
            "Sep 27, 2024",
            DateHint::NONE,
            day(2024, 9, 27),
            day(2024, 9, 27),
        ),
    ];
    for (input, hint, start, end_day) in cases {
        check_period(input, *hint, end, range(*start, *end_day));
    }
}

#[test]
fn custom_ranges_that_cannot_be_read_say_why() {
    let end = RelativeEnd::Yesterday;
    let raw = |text: &str| text.to_owned();
    check_period(
        "06/01/2025 - 06/07/2025",
        DateHint::language(En),
        end,
        Err(PeriodError::Ambiguous {
            raw: raw("06/01/2025 - 06/07/2025"),
            day_first: DateRange::new(day(2025, 1, 6), day(2025, 7, 6)).unwrap(),
            month_first: DateRange::new(day(2025, 6, 1), day(2025, 6, 7)).unwrap(),
        }),
    );
    check_period(
        "Oct 28 – Oct 1, 2026",
        DateHint::NONE,
        end,
        Err(PeriodError::Reversed {
            raw: raw("Oct 28 – Oct 1, 2026"),
            start: day(2026, 10, 28),
            end: day(2026, 10, 1),
        }),
    );
    check_period(
        "Oct 1 – Feb 30, 2027",
        DateHint::NONE,
        end,
        Err(PeriodError::Date {
            raw: raw("Oct 1 – Feb 30, 2027"),
            source: DateError::Invalid {
                raw: raw("Oct 1 – Feb 30, 2027"),
                year: 2027,
                month: 2,
                day: 30,
            },
        }),
    );
    check_period(
        "",
        DateHint::NONE,
        end,
        Err(PeriodError::Missing { raw: raw("") }),
    );
    check_period(
        "Last 99999 days",
        DateHint::NONE,
        end,
        Err(PeriodError::OutOfRange {
            raw: raw("Last 99999 days"),
        }),
    );
    for text in ["Custom", "Last days", "28 days", "sometime – later"] {
        check_period(
            text,
            DateHint::NONE,
            end,
            Err(PeriodError::Unrecognised { raw: raw(text) }),
        );
    }
}
