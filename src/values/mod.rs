//! Locale-proof values: numbers, percentages, currencies, durations, dates and periods as
//! analytics pages and exports write them (English, Dutch, German, French, Spanish).
//!
//! A value whose meaning depends on an unknown locale (`1,234` with no language to decide)
//! is an [`ValueError::Ambiguous`] error, never a guess.
//!
//! NOTE: this is the API contract other modules code against; issue #3 fills in the
//! implementation behind it (the first version below handles only plain numbers).

use serde::{Deserialize, Serialize};

use crate::model::Language;

/// A value read from text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParsedValue {
    /// The number: a fraction for percentages (`12,5%` → 0.125), seconds for durations.
    pub value: f64,
    pub kind: ValueKind,
    /// When the text was rounded (compact `1,2K`), the step it was rounded to (`100`).
    pub rounded_to: Option<f64>,
    /// True when the text carried an explicit sign (`+12%`, `−3`): a delta, not a level.
    pub signed: bool,
}

/// What kind of quantity the text wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    Number,
    /// A percentage; `value` is the fraction.
    Percent,
    /// Money; the ISO 4217 code when the text or context named it.
    Currency(Option<String>),
    /// A duration; `value` is seconds.
    Duration,
}

/// Why a text is not a value.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ValueError {
    /// A missing-value marker (`—`, `-`, `N/A`, empty): no number, and not an error in the
    /// data, but nothing to record either.
    #[error("no value ({raw:?} marks a missing value)")]
    Missing { raw: String },
    /// The text means different numbers in different locales and nothing decided which.
    #[error("{raw:?} is ambiguous: {first} or {second} depending on the locale; the page or file language must decide")]
    Ambiguous { raw: String, first: f64, second: f64 },
    /// Not a number in any supported format.
    #[error("{raw:?} is not a number in any supported format")]
    Unparseable { raw: String },
}

/// Parses a number as pages and exports write it. `language` is the locale that decides
/// separators (`None` when nothing on the page or in the file says).
pub fn parse_value(raw: &str, language: Option<Language>) -> Result<ParsedValue, ValueError> {
    let text = raw.trim();
    if text.is_empty() || matches!(text, "-" | "—" | "–" | "N/A" | "n/a") {
        return Err(ValueError::Missing { raw: raw.to_owned() });
    }
    let decimal_comma = matches!(
        language,
        Some(Language::Nl | Language::De | Language::Fr | Language::Es)
    );
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .filter(|c| if decimal_comma { *c != '.' } else { *c != ',' })
        .map(|c| if decimal_comma && c == ',' { '.' } else { c })
        .collect();
    cleaned
        .parse::<f64>()
        .map(|value| ParsedValue { value, kind: ValueKind::Number, rounded_to: None, signed: false })
        .map_err(|_| ValueError::Unparseable { raw: raw.to_owned() })
}
