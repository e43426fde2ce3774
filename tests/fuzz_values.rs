//! Fuzzing the value, duration, date and period readers with arbitrary text: unicode,
//! digits, separators, signs, suffixes, month words and range marks mixed at random. None
//! may panic, and what they return must keep its promises:
//! - values are finite, and a percentage is the fraction of the number written before `%`;
//! - `Missing` only for marker texts (empty, white space, one to three dashes, n/a forms);
//! - a value read without a language is never read differently by a language;
//! - ambiguities name two different readings; dates stay in 1900–2200; ranges are ordered.
//!
//! Runs 5000 cases per reader in a few seconds by default (part of `cargo test`); set
//! `PROPTEST_CASES` for a longer run, e.g. `PROPTEST_CASES=200000 cargo test --release --test
//! fuzz_values`.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use yardstick::model::Language;
use yardstick::values::{
    parse_date, parse_duration, parse_period, parse_recent_date, parse_value, DateError, DateHint,
    Period, PeriodError, RelativeEnd, ValueError, ValueKind,
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
        cases: cases(5000),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Pieces that value, date and period texts are made of, so random joins come close to
/// real text and reach deep into the readers.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "0", "1", "2", "9", "12", "31", "123", "2026", "1999", "99999", "00", "13", ".", ",", "'",
    " ", "\u{a0}", "\u{202f}", "\u{200e}", "\u{ad}", "\u{2066}", "\u{feff}", ":", "/", "-",
    "−", "–", "—", "+", "↑", "↓", "%", "€", "$", "US$", "£", "EUR", "USD", "K", "k", "M", "m",
    "B", "mln.", "mld", "Mio.", "Mrd.", "Tsd.", "Md", "mil", "mil M", "mill.", "e", "E", "h",
    "min", "s", "uur", "Std.", "heures", "T", "Z", "pm", "Oct", "okt.", "März", "de", "Sat,",
    "mar.", "Last", "Laatste", "days", "dagen", "weeks", "months", "7D", "3M", "Lifetime",
    "N/A", "n/a", "to", "Time range:", "\u{1F600}", "\u{0661}", "ß",
];

/// Random text: mostly joined pieces, sometimes any characters at all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(PIECES), 0..10).prop_map(|p| p.concat()),
        1 => prop::collection::vec(any::<char>(), 0..16).prop_map(|c| c.into_iter().collect()),
    ]
}

fn language() -> impl Strategy<Value = Option<Language>> {
    prop::option::of(prop::sample::select(Language::ALL.to_vec()))
}

/// The text without the invisible characters the readers ignore (bidi marks, zero-width
/// spaces, the soft hyphen).
fn visible(raw: &str) -> String {
    let invisible = |c: &char| {
        matches!(
            c,
            '\u{ad}' | '\u{61c}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}' | '\u{feff}'
        )
    };
    raw.chars().filter(|c| !invisible(c)).collect()
}

/// The missing-marker rule, restated independently of the implementation.
fn is_marker(raw: &str) -> bool {
    let visible = visible(raw);
    let trimmed = visible.trim();
    let dashes = ['-', '–', '—', '−', '‒', '―'];
    let count = trimmed.chars().count();
    count == 0
        || (count <= 3 && trimmed.chars().all(|c| dashes.contains(&c)))
        || matches!(trimmed.to_lowercase().as_str(), "n/a" | "n.a." | "n.v.t.")
}

fn check_value(raw: &str, language: Option<Language>) -> Result<(), TestCaseError> {
    let result = parse_value(raw, language);
    prop_assert_eq!(
        matches!(result, Err(ValueError::Missing { .. })),
        is_marker(raw),
        "missing-marker mismatch for {:?}: {:?}",
        raw,
        result
    );
    match &result {
        Ok(read) => {
            prop_assert!(read.value.is_finite(), "{raw:?} → {read:?}");
            if let Some(step) = read.rounded_to {
                prop_assert!(step.is_finite() && step > 0.0);
            }
            if read.kind == ValueKind::Percent {
                let visible = visible(raw);
                let number = visible
                    .trim_end()
                    .strip_suffix('%')
                    .map(|t| parse_value(t, language));
                let Some(Ok(number)) = number else {
                    return Err(TestCaseError::fail(format!("{raw:?}: no number before %")));
                };
                let expected = number.value / 100.0;
                prop_assert!(
                    (read.value - expected).abs() <= 1e-12 * expected.abs().max(1.0),
                    "{raw:?}: {} is not {} / 100",
                    read.value,
                    number.value
                );
            }
            if language.is_none() {
                for other in Language::ALL {
                    if let Ok(reading) = parse_value(raw, Some(other)) {
                        prop_assert_eq!(reading.value, read.value, "{:?} in {:?}", raw, other);
                    }
                }
            }
        }
        Err(ValueError::Ambiguous { first, second, .. }) => {
            prop_assert!(language.is_none(), "{raw:?} ambiguous despite {language:?}");
            prop_assert!(first.is_finite() && second.is_finite() && first != second);
        }
        Err(ValueError::LocaleMismatch { value, .. }) => {
            prop_assert!(language.is_some() && value.is_finite());
        }
        Err(ValueError::Missing { .. } | ValueError::Unparseable { .. }) => {}
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn values_never_panic_and_keep_their_promises(raw in text(), language in language()) {
        check_value(&raw, language)?;
    }

    #[test]
    fn durations_never_panic_and_are_finite(raw in text(), language in language()) {
        match parse_duration(&raw, language) {
            Ok(seconds) => prop_assert!(seconds.is_finite() && seconds >= 0.0, "{raw:?} → {seconds}"),
            Err(ValueError::Missing { .. }) => prop_assert!(is_marker(&raw)),
            Err(ValueError::Ambiguous { first, second, .. }) => prop_assert!(first != second),
            Err(_) => {}
        }
    }

    #[test]
    fn dates_never_panic_and_stay_on_the_calendar(raw in text(), language in language()) {
        match parse_date(&raw, DateHint::from(language)) {
            Ok(date) => prop_assert!((1900..=2200).contains(&date.year()), "{raw:?} → {date}"),
            Err(DateError::Ambiguous { day_first, month_first, .. }) => {
                prop_assert!(day_first != month_first);
            }
            Err(DateError::Missing { .. }) => prop_assert!(is_marker(&raw)),
            Err(_) => {}
        }
        let today = NaiveDate::from_ymd_opt(2026, 10, 29).unwrap();
        let with_year = parse_date(&raw, DateHint::from(language));
        match parse_recent_date(&raw, DateHint::from(language), today) {
            Ok(recent) => {
                prop_assert!((1900..=2200).contains(&recent.date.year()));
                if let Ok(date) = with_year {
                    prop_assert_eq!(recent.date, date, "{:?}", raw);
                } else {
                    prop_assert!(recent.date <= today, "{raw:?} → {} after today", recent.date);
                }
            }
            Err(error) => prop_assert!(with_year.is_err(), "{raw:?}: {error}"),
        }
    }

    #[test]
    fn periods_never_panic_and_are_ordered(
        raw in text(),
        language in language(),
        today_days in 0u64..100_000,
        ends_today in any::<bool>(),
    ) {
        let today = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + chrono::Days::new(today_days);
        let relative_end = if ends_today { RelativeEnd::Today } else { RelativeEnd::Yesterday };
        match parse_period(&raw, DateHint::from(language), today, relative_end) {
            Ok(Period::Range(range)) => prop_assert!(range.start() <= range.end()),
            Ok(Period::Lifetime { through }) => prop_assert!(through <= today),
            Err(PeriodError::Ambiguous { day_first, month_first, .. }) => {
                prop_assert!(day_first != month_first);
            }
            Err(PeriodError::Missing { .. }) => prop_assert!(is_marker(&raw)),
            Err(_) => {}
        }
    }
}
