//! Durations as pages and exports write them: clock forms (`1:02:03`, `4:23`, `0:04:23`) and
//! unit forms (`12.5 hours`, `12,5 uur`, `3 min`, `1h:8m:13s`, `2.12s`, `1 Std. 5 Min.`), in
//! English, Dutch, German, French and Spanish. Results are seconds.
//!
//! It must not read a bare number as a duration: without a unit, `263` could be seconds,
//! minutes or hours, and only the caller (which knows the column) can say which.

use super::decimal::Decimal;
use super::number::{decimal_separator, parse_plain};
use super::text;
use super::{decide, ValueError};
use crate::model::Language;

/// Unit words and their length in seconds. Lower case, without a trailing dot.
const UNITS: &[(&str, u128)] = &[
    // Days: en, nl, de, fr, es.
    ("d", 86_400),
    ("day", 86_400),
    ("days", 86_400),
    ("dag", 86_400),
    ("dagen", 86_400),
    ("tag", 86_400),
    ("tage", 86_400),
    ("j", 86_400),
    ("jour", 86_400),
    ("jours", 86_400),
    ("día", 86_400),
    ("días", 86_400),
    ("dia", 86_400),
    ("dias", 86_400),
    // Hours.
    ("h", 3_600),
    ("hr", 3_600),
    ("hrs", 3_600),
    ("hour", 3_600),
    ("hours", 3_600),
    ("u", 3_600),
    ("uur", 3_600),
    ("uren", 3_600),
    ("std", 3_600),
    ("stunde", 3_600),
    ("stunden", 3_600),
    ("heure", 3_600),
    ("heures", 3_600),
    ("hora", 3_600),
    ("horas", 3_600),
    // Minutes. A lone `m` is minutes only here: `parse_value` reads `2.2m` as a million.
    ("m", 60),
    ("min", 60),
    ("mins", 60),
    ("minute", 60),
    ("minutes", 60),
    ("minuut", 60),
    ("minuten", 60),
    ("minuto", 60),
    ("minutos", 60),
    // Seconds.
    ("s", 1),
    ("sec", 1),
    ("secs", 1),
    ("second", 1),
    ("seconds", 1),
    ("seconde", 1),
    ("seconden", 1),
    ("secondes", 1),
    ("sek", 1),
    ("sekunde", 1),
    ("sekunden", 1),
    ("seg", 1),
    ("segundo", 1),
    ("segundos", 1),
];

/// Words that may join components (`1 hour and 5 minutes`, `1 uur en 5 minuten`).
const JOINERS: &[&str] = &["and", "en", "und", "et", "y"];

/// Texts longer than this are not durations (and are not worth scanning).
const MAX_DURATION_CHARS: usize = 80;

/// Parses a duration into seconds. `language` decides the decimal separator of unit forms
/// (`12,5 uur`); with `None` the text must decide, as for [`super::parse_value`].
///
/// Clock forms: `h:mm:ss` or `m:ss` (the first part any length, later parts two digits
/// below 60). Unit forms: one or more `<number><unit>` components, largest unit first, each
/// unit at most once, separated by spaces, `:` or `,`.
pub fn parse_duration(raw: &str, language: Option<Language>) -> Result<f64, ValueError> {
    let text = text::clean(raw);
    if text::is_missing_marker(&text) {
        return Err(ValueError::Missing {
            raw: raw.to_owned(),
        });
    }
    if text.chars().count() > MAX_DURATION_CHARS {
        return Err(ValueError::Unparseable {
            raw: raw.to_owned(),
        });
    }
    if let Some(seconds) = clock_seconds(&text) {
        return Ok(seconds);
    }
    match language {
        Some(language) => unit_seconds(&text, language, true).ok_or_else(|| {
            match Language::ALL
                .into_iter()
                .find_map(|other| unit_seconds(&text, other, true))
            {
                Some(value) => ValueError::LocaleMismatch {
                    raw: raw.to_owned(),
                    language,
                    value,
                },
                None => ValueError::Unparseable {
                    raw: raw.to_owned(),
                },
            }
        }),
        None => {
            let readings = Language::ALL
                .into_iter()
                .filter_map(|l| unit_seconds(&text, l, true));
            decide(raw, readings, |v| *v, |a, b| (a == b).then_some(*a))
        }
    }
}

/// Seconds of a clock form: `1:02:03`, `0:04:23`, `4:23`, `75:12` (minutes may pass 59 when
/// they lead).
pub(crate) fn clock_seconds(text: &str) -> Option<f64> {
    let mut parts = text.split(':');
    let leading = parts.next()?;
    if leading.is_empty() || leading.len() > 6 || !leading.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut seconds: u64 = leading.parse().ok()?;
    let mut later_parts = 0;
    for part in parts {
        later_parts += 1;
        if later_parts > 2 || part.len() != 2 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let value: u64 = part.parse().ok()?;
        if value >= 60 {
            return None;
        }
        seconds = seconds.checked_mul(60)?.checked_add(value)?;
    }
    // Exact: at most 6 + 4 digits, far below 2^53.
    (later_parts > 0).then_some(seconds as f64)
}

/// The length in seconds of a unit word (`Std.`, `minuten`, `s`).
fn unit_factor(word: &str) -> Option<u128> {
    let key = word.strip_suffix('.').unwrap_or(word).to_lowercase();
    UNITS
        .iter()
        .find(|(unit, _)| *unit == key)
        .map(|(_, factor)| *factor)
}

/// Seconds of a unit form under `language`'s decimal separator.
///
/// A lone `m` (`3m`) is minutes only when `lone_m_is_minutes`: [`parse_duration`] knows it
/// reads a duration, while `parse_value` must read `2.2m` as YouTube's 2.2 million. With
/// other components (`1h 8m`) `m` is always minutes.
pub(crate) fn unit_seconds(text: &str, language: Language, lone_m_is_minutes: bool) -> Option<f64> {
    let decimal = decimal_separator(language);
    let mut rest = text;
    let mut total = 0.0;
    let mut previous_factor = u128::MAX;
    let mut components = 0;
    let mut lone_unit = None;
    loop {
        if components > 0 {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == ',');
            if let Some(after) = JOINERS.iter().find_map(|joiner| strip_word(rest, joiner)) {
                rest = after.trim_start();
            }
        }
        if rest.is_empty() {
            break;
        }
        let number_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        let (number, after) = rest.split_at(number_end);
        let number = parse_plain(number, decimal)?;
        let after = after.trim_start();
        let word_end = after
            .find(|c: char| !(c.is_alphabetic() || c == '.'))
            .unwrap_or(after.len());
        let (word, after) = after.split_at(word_end);
        let factor = unit_factor(word)?;
        lone_unit = if components == 0 { Some(word) } else { None };
        if factor >= previous_factor {
            return None;
        }
        previous_factor = factor;
        total += Decimal::to_f64(number.times(factor)?)?;
        components += 1;
        rest = after;
    }
    if !lone_m_is_minutes && lone_unit.is_some_and(|unit| unit.eq_ignore_ascii_case("m")) {
        return None;
    }
    (components > 0 && total.is_finite()).then_some(total)
}

/// The text after a whole word at its start (`"and 5 min"` → `" 5 min"`).
fn strip_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(word)?;
    rest.starts_with(char::is_whitespace).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_forms() {
        assert_eq!(clock_seconds("1:02:03"), Some(3723.0));
        assert_eq!(clock_seconds("0:04:23"), Some(263.0));
        assert_eq!(clock_seconds("4:23"), Some(263.0));
        assert_eq!(clock_seconds("75:12"), Some(4512.0));
        for text in ["4:3", "4:60", ":23", "1:2:3:4", "a:23", "4:23:"] {
            assert_eq!(clock_seconds(text), None, "{text:?}");
        }
    }

    #[test]
    fn unit_forms_in_order_only() {
        assert_eq!(unit_seconds("1h:8m:13s", Language::En, true), Some(4093.0));
        assert_eq!(unit_seconds("12,5 uur", Language::Nl, true), Some(45_000.0));
        assert_eq!(unit_seconds("12,5 uur", Language::En, true), None);
        assert_eq!(
            unit_seconds("1 Std. 5 Min.", Language::De, true),
            Some(3900.0)
        );
        assert_eq!(
            unit_seconds("5 min 1 h", Language::En, true),
            None,
            "largest unit first"
        );
        assert_eq!(
            unit_seconds("5 min 3 min", Language::En, true),
            None,
            "each unit once"
        );
        assert_eq!(
            unit_seconds("263", Language::En, true),
            None,
            "a bare number has no unit"
        );
        assert_eq!(unit_seconds("and 5 min", Language::En, true), None);
        assert_eq!(unit_seconds(",5 min", Language::En, true), None);
        assert_eq!(unit_seconds("3m", Language::En, true), Some(180.0));
        assert_eq!(
            unit_seconds("3m", Language::En, false),
            None,
            "a lone m may be a million"
        );
        assert_eq!(unit_seconds("1h 8m", Language::En, false), Some(4080.0));
    }
}
