//! Cell text → numbers, by the number style of the file it came from.
//!
//! An export's numbers follow the software that wrote it, not only its UI language: X and
//! Meta's post exports write `2633.0` in every language, Ads Manager in Dutch writes
//! `4,19`, a German re-save of a YouTube export writes `8,5`. So each file's style is decided
//! from its own cells ([`StyleEvidence`]), then from the export kind and language, and the
//! cells are read with `crate::values::parse_value` in that style. This module must not
//! know about platforms or columns.

use crate::model::Language;
use crate::values::{parse_duration, parse_value, ParsedValue, ValueError};

/// Which character is the decimal separator in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberStyle {
    /// `1,234.5` (English, and every machine-written export).
    DecimalPoint,
    /// `1.234,5` or `1 234,5` (Dutch, German, French, Spanish spreadsheets).
    DecimalComma,
}

/// Counts what a file's cells say about its decimal separator.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct StyleEvidence {
    point: u32,
    comma: u32,
}

impl StyleEvidence {
    /// Looks at one cell: `8,5` and `1.234,56` vote comma, `2633.0` and `1,234.5` vote point,
    /// `1,234` and `1.234` say nothing.
    pub(crate) fn observe(&mut self, cell: &str) {
        let mut last_separator = None;
        let (mut commas, mut points, mut digits_after) = (0u32, 0u32, 0u32);
        let mut digits_before = 0u32;
        for c in cell.chars() {
            match c {
                '0'..='9' => {
                    if last_separator.is_some() {
                        digits_after += 1;
                    } else {
                        digits_before += 1;
                    }
                }
                ',' => {
                    commas += 1;
                    last_separator = Some(',');
                    digits_after = 0;
                }
                '.' => {
                    points += 1;
                    last_separator = Some('.');
                    digits_after = 0;
                }
                ' ' | '\u{a0}' | '\u{202f}' | '%' | '-' | '+' | '\u{2212}' | '€' | '$' | '£' => {
                }
                _ => return,
            }
        }
        if digits_before == 0 {
            return;
        }
        match (last_separator, commas, points) {
            (Some(','), 1.., 1..) => self.comma += 1,
            (Some('.'), 1.., 1..) => self.point += 1,
            (Some(','), 1, 0) if digits_after != 3 => self.comma += 1,
            (Some(','), 2.., 0) => self.point += 1,
            (Some('.'), 0, 1) if digits_after != 3 => self.point += 1,
            (Some('.'), 0, 2..) => self.comma += 1,
            _ => {}
        }
    }

    /// The style the cells show, when they show one clearly.
    pub(crate) fn decided(&self) -> Option<NumberStyle> {
        match (self.point, self.comma) {
            (0, 0) => None,
            (point, comma) if comma > point * 4 => Some(NumberStyle::DecimalComma),
            (point, comma) if point > comma * 4 => Some(NumberStyle::DecimalPoint),
            _ => None,
        }
    }
}

/// The style of a file: its own cells first; then a `;` delimiter (what spreadsheets write
/// where the comma is the decimal separator); then the language, for exports that localise
/// numbers; else the English way.
pub(crate) fn decide_style(
    evidence: StyleEvidence,
    semicolon_delimited: bool,
    localised_numbers: bool,
    language: Option<Language>,
) -> NumberStyle {
    if let Some(style) = evidence.decided() {
        return style;
    }
    let comma_language = matches!(language, Some(l) if l != Language::En);
    if semicolon_delimited || (localised_numbers && comma_language) {
        NumberStyle::DecimalComma
    } else {
        NumberStyle::DecimalPoint
    }
}

/// The language `parse_value` reads a style in.
pub(crate) fn style_language(style: NumberStyle, language: Option<Language>) -> Language {
    match (style, language) {
        (NumberStyle::DecimalPoint, _) => Language::En,
        (NumberStyle::DecimalComma, Some(l)) if l != Language::En => l,
        (NumberStyle::DecimalComma, _) => Language::De,
    }
}

/// Reads a numeric cell. Plain digits (the bulk of every export) skip the locale machinery.
pub(crate) fn read_number(raw: &str, language: Language) -> Result<ParsedValue, ValueError> {
    let plain = raw.trim();
    let digits = plain.strip_prefix('-').unwrap_or(plain);
    let is_plain_integer =
        !digits.is_empty() && digits.len() <= 15 && digits.bytes().all(|b| b.is_ascii_digit());
    let is_plain_decimal = language == Language::En
        && digits.len() <= 24
        && digits.bytes().filter(|b| *b == b'.').count() == 1
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !digits.starts_with('.')
        && !digits.ends_with('.');
    if is_plain_integer || is_plain_decimal {
        if let Ok(value) = plain.parse::<f64>() {
            return Ok(ParsedValue {
                value,
                kind: crate::values::ValueKind::Number,
                rounded_to: None,
                signed: false,
            });
        }
    }
    parse_value(raw, Some(language))
}

/// Reads a duration cell: `0:04:23`, or a plain number of seconds.
pub(crate) fn read_duration(raw: &str, language: Language) -> Result<f64, ValueError> {
    if raw.contains(':') {
        parse_duration(raw, Some(language))
    } else {
        read_number(raw, language).map(|parsed| parsed.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style_of(cells: &[&str]) -> Option<NumberStyle> {
        let mut evidence = StyleEvidence::default();
        for cell in cells {
            evidence.observe(cell);
        }
        evidence.decided()
    }

    #[test]
    fn cells_reveal_the_decimal_separator() {
        assert_eq!(
            style_of(&["8,5", "12", "1.234,56"]),
            Some(NumberStyle::DecimalComma)
        );
        assert_eq!(
            style_of(&["2633.0", "0.0155", "12"]),
            Some(NumberStyle::DecimalPoint)
        );
        assert_eq!(style_of(&["1,234", "1.234", "12"]), None);
        assert_eq!(style_of(&["1,234,567"]), Some(NumberStyle::DecimalPoint));
        assert_eq!(style_of(&["Sat, Sep 6, 2025", "Lifetime"]), None);
    }

    #[test]
    fn a_file_without_evidence_falls_back_to_its_kind() {
        let none = StyleEvidence::default();
        assert_eq!(
            decide_style(none, true, false, None),
            NumberStyle::DecimalComma
        );
        assert_eq!(
            decide_style(none, false, true, Some(Language::Nl)),
            NumberStyle::DecimalComma
        );
        assert_eq!(
            decide_style(none, false, false, Some(Language::De)),
            NumberStyle::DecimalPoint
        );
    }

    #[test]
    fn reads_numbers_in_the_files_style() {
        assert_eq!(read_number("2633.0", Language::En).unwrap().value, 2633.0);
        assert_eq!(read_number("1,234", Language::En).unwrap().value, 1234.0);
        assert_eq!(read_number("8,5", Language::De).unwrap().value, 8.5);
        assert_eq!(read_number("1.234", Language::Nl).unwrap().value, 1234.0);
        assert!(matches!(
            read_number("-", Language::En),
            Err(ValueError::Missing { .. })
        ));
        assert!(matches!(
            read_number("N/A", Language::En),
            Err(ValueError::Missing { .. })
        ));
        assert_eq!(read_duration("0:04:23", Language::En).unwrap(), 263.0);
    }
}
