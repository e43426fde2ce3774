//! Locale-proof values: numbers, percentages, currencies, durations, dates and periods as
//! analytics pages and exports write them (English, Dutch, German, French, Spanish).
//!
//! The rule throughout: a text is read only the way its locale writes it. When a language
//! is given, its separators and words decide. When none is given, a text is read only when
//! every language that can read it reads the same value (`1.234,5`, `1,2K`, `12,5%`);
//! otherwise it is [`ValueError::Ambiguous`] (`1,234`) or [`DateError::Ambiguous`]
//! (`01/06/2025`), never a guess. A text
//! that fits another language but not the one given is [`ValueError::LocaleMismatch`]: the
//! caller's language is probably wrong for this value, and it decides what to do.
//!
//! This module reads and writes text; it must not know about platforms, metrics or pages.
//!
//! # Organization
//! - `text`: clean-up, signs and missing markers; `decimal`: exact decimal arithmetic;
//!   `number`: digits and separators; `compact`: `K`, `mln.`, `Mio.` suffixes; `currency`.
//! - [`duration`]: clock and unit forms; [`date`] and `names`: absolute dates;
//!   [`period`]: relative and custom date ranges; [`format`](mod@format): the overlay's display text.

mod compact;
mod currency;
pub mod date;
mod decimal;
pub mod duration;
pub mod format;
mod names;
mod number;
pub mod period;
mod text;

use serde::{Deserialize, Serialize};

use crate::model::Language;

pub use date::{
    parse_date, parse_date_time, parse_recent_date, DateError, DateHint, DayMonthOrder,
    ParsedDateTime,
};
pub use duration::parse_duration;
pub use format::{
    format_compact, format_date, format_date_range, format_duration, format_number, format_value,
};
pub use period::{parse_period, DateRange, Period, PeriodError, RelativeEnd, ReversedRange};

/// A value read from text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParsedValue {
    /// The number: a fraction for percentages (`12,5%` → 0.125), seconds for durations.
    pub value: f64,
    pub kind: ValueKind,
    /// When the text was rounded (compact `1,2K`), the step it was rounded to (`100`).
    pub rounded_to: Option<f64>,
    /// True when the text carried an explicit sign (`+12%`, `−3`, `↑ 12%`): a delta, not a
    /// level.
    pub signed: bool,
}

/// What kind of quantity the text wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    Number,
    /// A percentage; `value` is the fraction.
    Percent,
    /// Money; the ISO 4217 code when the text or context named it. A bare `$` or `¥` names
    /// no code (several currencies write it): the caller supplies it from the column header
    /// or the account.
    Currency(Option<String>),
    /// A duration; `value` is seconds.
    Duration,
}

/// Why a text is not a value.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ValueError {
    /// A missing-value marker (`—`, `–`, `-`, `--`, `N/A`, `n/a`, `n.v.t.`, empty or white
    /// space): no number, and not an error in the data, but nothing to record either.
    #[error("no value ({raw:?} marks a missing value)")]
    Missing { raw: String },
    /// The text means different numbers in different locales and nothing decided which.
    #[error("{raw:?} is ambiguous: {first} or {second} depending on the locale; the page or file language must decide")]
    Ambiguous {
        raw: String,
        first: f64,
        second: f64,
    },
    /// Not a number in any supported format.
    #[error("{raw:?} is not a number in any supported format")]
    Unparseable { raw: String },
    /// The text is not written the way `language` writes numbers, but another language
    /// reads it as `value` (`1.2K` on a Dutch page). The caller's language is likely wrong
    /// for this value (X writes its cards in en-US in every UI language): pass the right
    /// one, or record `value` with a diagnostic.
    #[error("{raw:?} is not written the {} way (it reads as {value} in another language); check which locale wrote this value", .language.code())]
    LocaleMismatch {
        raw: String,
        language: Language,
        value: f64,
    },
}

/// Texts longer than this are not values (and are not worth scanning).
const MAX_VALUE_CHARS: usize = 64;

/// Parses a value as pages and exports write it: plain and grouped numbers, compact
/// suffixes, percentages, signed deltas, money and clock or unit durations. `language` is
/// the locale that decides separators and suffixes (`None` when nothing on the page or in
/// the file says; see the module documentation for what is read then).
///
/// Compact values carry their rounding step (`1,2K` → 1200, `rounded_to` 100), computed
/// exactly (`1.15M` is 1 150 000, never 1 149 999.99…). Percentages are fractions.
pub fn parse_value(raw: &str, language: Option<Language>) -> Result<ParsedValue, ValueError> {
    let text = text::clean(raw);
    if text::is_missing_marker(&text) {
        return Err(ValueError::Missing {
            raw: raw.to_owned(),
        });
    }
    if text.chars().count() > MAX_VALUE_CHARS {
        return Err(ValueError::Unparseable {
            raw: raw.to_owned(),
        });
    }
    match language {
        Some(language) => read_in(&text, language).ok_or_else(|| {
            match Language::ALL
                .into_iter()
                .find_map(|other| read_in(&text, other))
            {
                Some(reading) => ValueError::LocaleMismatch {
                    raw: raw.to_owned(),
                    language,
                    value: reading.value,
                },
                None => ValueError::Unparseable {
                    raw: raw.to_owned(),
                },
            }
        }),
        None => {
            let readings = Language::ALL.into_iter().filter_map(|l| read_in(&text, l));
            decide(raw, readings, |r| r.value, same_value)
        }
    }
}

/// The one reading every language agrees on; [`ValueError::Ambiguous`] when two differ,
/// [`ValueError::Unparseable`] when there is none. `agree` merges two readings that mean the
/// same value, or says they differ (`None`).
pub(crate) fn decide<T>(
    raw: &str,
    readings: impl Iterator<Item = T>,
    value_of: impl Fn(&T) -> f64,
    agree: impl Fn(&T, &T) -> Option<T>,
) -> Result<T, ValueError> {
    let mut agreed: Option<T> = None;
    for reading in readings {
        agreed = Some(match agreed {
            None => reading,
            Some(first) => agree(&first, &reading).ok_or_else(|| ValueError::Ambiguous {
                raw: raw.to_owned(),
                first: value_of(&first),
                second: value_of(&reading),
            })?,
        });
    }
    agreed.ok_or_else(|| ValueError::Unparseable {
        raw: raw.to_owned(),
    })
}

/// Two readings of the same value agree; the merged reading keeps the larger rounding step
/// (`0B` is 0 to the nearest 10⁹ in English and 10¹² in Spanish: only the weaker claim is
/// known).
fn same_value(a: &ParsedValue, b: &ParsedValue) -> Option<ParsedValue> {
    if a.value != b.value || a.kind != b.kind || a.signed != b.signed {
        return None;
    }
    let rounded_to = match (a.rounded_to, b.rounded_to) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    };
    Some(ParsedValue {
        rounded_to,
        ..a.clone()
    })
}

/// Reads a cleaned, non-missing text the way `language` writes values.
fn read_in(text: &str, language: Language) -> Option<ParsedValue> {
    let (mut sign, mut rest) = text::take_sign(text)?;
    let mut currency: Option<currency::CurrencyMark> = None;
    if let Some((code, after)) = currency::strip_prefix(rest) {
        currency = Some(code);
        rest = after;
        if sign.is_none() {
            (sign, rest) = text::take_sign(rest)?;
        }
    } else if let Some((code, before)) = currency::strip_suffix(rest) {
        currency = Some(code);
        rest = before;
    }
    let percent = match rest.strip_suffix('%') {
        Some(_) if currency.is_some() => return None,
        Some(before) => {
            rest = before.trim_end();
            true
        }
        None => false,
    };
    let negative = sign == Some(text::Sign::Minus);
    let signed = sign.is_some();
    let with_sign = |value: f64| if negative { -value } else { value };

    if currency.is_none() && !percent {
        let seconds = duration::clock_seconds(rest);
        if let Some(seconds) = seconds {
            return Some(ParsedValue {
                value: with_sign(seconds),
                kind: ValueKind::Duration,
                rounded_to: None,
                signed,
            });
        }
    }

    let Some((amount, rounded_to)) = read_amount(rest, language, !percent) else {
        if currency.is_some() || percent {
            return None;
        }
        let seconds = duration::unit_seconds(rest, language, false)?;
        return Some(ParsedValue {
            value: with_sign(seconds),
            kind: ValueKind::Duration,
            rounded_to: None,
            signed,
        });
    };
    let amount = if percent { amount.scaled(-2)? } else { amount };
    let kind = match currency {
        Some(code) => ValueKind::Currency(code.map(str::to_owned)),
        None if percent => ValueKind::Percent,
        None => ValueKind::Number,
    };
    Some(ParsedValue {
        value: with_sign(amount.to_f64()?),
        kind,
        rounded_to,
        signed,
    })
}

/// Reads a number with an optional compact suffix; returns it exactly and, for compact
/// text, the step it was rounded to.
fn read_amount(
    text: &str,
    language: Language,
    allow_compact: bool,
) -> Option<(decimal::Decimal, Option<f64>)> {
    let decimal = number::decimal_separator(language);
    let body_end = text
        .find(|c: char| !number::is_body_char(c))
        .unwrap_or(text.len());
    let (body, suffix) = text.split_at(body_end);
    if allow_compact && !suffix.is_empty() {
        if let Some(exponent) = compact::exponent_of(suffix, language) {
            let amount = number::parse_plain(body.trim_end(), decimal)?.scaled(exponent)?;
            return Some((amount, Some(amount.last_digit_step()?)));
        }
    }
    number::parse_plain(text, decimal).map(|amount| (amount, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decide_keeps_agreement_and_reports_disagreement() {
        let equal = |a: &f64, b: &f64| (a == b).then_some(*a);
        assert_eq!(decide("x", [1.0, 1.0].into_iter(), |v| *v, equal), Ok(1.0));
        assert_eq!(
            decide("x", [1.0, 2.0].into_iter(), |v| *v, equal),
            Err(ValueError::Ambiguous {
                raw: "x".into(),
                first: 1.0,
                second: 2.0
            })
        );
        assert_eq!(
            decide("x", std::iter::empty::<f64>(), |v| *v, equal),
            Err(ValueError::Unparseable { raw: "x".into() })
        );
    }

    #[test]
    fn agreeing_readings_keep_the_coarser_step() {
        let zero = |step| ParsedValue {
            value: 0.0,
            kind: ValueKind::Number,
            rounded_to: Some(step),
            signed: false,
        };
        assert_eq!(same_value(&zero(1e9), &zero(1e12)), Some(zero(1e12)));
        assert_eq!(
            parse_value("0B", None).map(|v| v.rounded_to),
            Ok(Some(1e12))
        );
    }
}
