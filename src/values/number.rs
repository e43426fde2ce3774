//! Digits and separators: reads the numeric body of a value (`1.234,5`, `1 234`, `12.5`,
//! `4.2e-5`) exactly, under one language's separator convention.
//!
//! It must not guess. A body that does not fit the convention is rejected (`None`) and the
//! caller decides what that means (another locale, an ambiguity, or unreadable text). Signs,
//! currency, percent and compact suffixes are stripped before this module sees the text.

use super::decimal::{Decimal, Digits};
use crate::model::Language;

/// The decimal separator a language writes: a point in English, a comma in Dutch, German,
/// French and Spanish.
pub(crate) fn decimal_separator(language: Language) -> char {
    match language {
        Language::En => '.',
        Language::Nl | Language::De | Language::Fr | Language::Es => ',',
    }
}

/// True for a character that groups thousands when `decimal` is the decimal separator: the
/// other of `.`/`,`, any white space (ASCII space, U+00A0, U+202F, thin space) and the Swiss
/// apostrophes `'` and `’`.
fn is_group_separator(c: char, decimal: char) -> bool {
    c == '\'' || c == '’' || c.is_whitespace() || ((c == ',' || c == '.') && c != decimal)
}

/// Group separators of one kind: every space counts as the same kind.
fn separator_kind(c: char) -> char {
    if c.is_whitespace() {
        ' '
    } else {
        c
    }
}

/// Reads `body` as a number whose decimal separator is `decimal`.
///
/// The grammar: integer digits, optionally grouped by one kind of separator (the first group
/// 1–3 digits not starting with `0`, every later group exactly 3 digits); then optionally the
/// decimal separator and at least one digit; then optionally an exponent (`e-5`) when the
/// integer part is not grouped. So `1,234` is 1234 under a decimal point, and `1,2345` or
/// `1,23` are not numbers under a decimal point at all.
pub(crate) fn parse_plain(body: &str, decimal: char) -> Option<Decimal> {
    let mut chars = body.chars().peekable();
    let mut digits = Digits::default();
    let mut leading_zero = false;
    while let Some(digit) = chars.peek().and_then(|c| c.to_digit(10)) {
        leading_zero |= digits.count() == 0 && digit == 0;
        digits.push(digit)?;
        chars.next();
    }
    let integer_digits = digits.count();

    let mut group_kind: Option<char> = None;
    while let Some(&c) = chars.peek() {
        if c == decimal || c == 'e' || c == 'E' {
            break;
        }
        if !is_group_separator(c, decimal) {
            return None;
        }
        let kind = separator_kind(c);
        match group_kind {
            Some(seen) if seen != kind => return None,
            Some(_) => {}
            None if integer_digits == 0 || integer_digits > 3 || leading_zero => return None,
            None => group_kind = Some(kind),
        }
        chars.next();
        for _ in 0..3 {
            digits.push(chars.next()?.to_digit(10)?)?;
        }
        if chars.peek().is_some_and(char::is_ascii_digit) {
            return None;
        }
    }

    let mut fraction_digits: i32 = 0;
    if chars.peek() == Some(&decimal) {
        chars.next();
        while let Some(digit) = chars.peek().and_then(|c| c.to_digit(10)) {
            digits.push(digit)?;
            fraction_digits += 1;
            chars.next();
        }
        if fraction_digits == 0 {
            return None;
        }
    }
    if digits.count() == 0 {
        return None;
    }
    let number = Decimal::new(digits.mantissa(), -fraction_digits)?;

    if matches!(chars.peek(), Some('e' | 'E')) {
        if group_kind.is_some() {
            return None;
        }
        chars.next();
        let negative = chars.next_if_eq(&'-').is_some();
        if !negative {
            chars.next_if_eq(&'+');
        }
        return number.scaled(parse_exponent_digits(chars, negative)?);
    }
    chars.next().is_none().then_some(number)
}

/// Reads the 1–3 digits of an exponent and nothing after them.
fn parse_exponent_digits(chars: impl Iterator<Item = char>, negative: bool) -> Option<i32> {
    let mut exponent: i32 = 0;
    let mut count = 0;
    for c in chars {
        exponent = exponent * 10 + i32::try_from(c.to_digit(10)?).ok()?;
        count += 1;
        if count > 3 {
            return None;
        }
    }
    (count > 0).then_some(if negative { -exponent } else { exponent })
}

/// True for a character that can be part of a number's body (digits and separators).
pub(crate) fn is_body_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | ',' | '\'' | '’') || c.is_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(body: &str, decimal: char) -> Option<f64> {
        parse_plain(body, decimal).and_then(Decimal::to_f64)
    }

    #[test]
    fn groups_and_decimals_under_each_convention() {
        assert_eq!(read("1,234,567.89", '.'), Some(1_234_567.89));
        assert_eq!(read("1.234.567,89", ','), Some(1_234_567.89));
        assert_eq!(read("1\u{202f}234\u{202f}567,89", ','), Some(1_234_567.89));
        assert_eq!(read("1'234.5", '.'), Some(1234.5));
        assert_eq!(read("1234,56", ','), Some(1234.56));
        assert_eq!(read(".5", '.'), Some(0.5));
        assert_eq!(read("2633.0", '.'), Some(2633.0));
        assert_eq!(read("4.2e-5", '.'), Some(0.000042));
    }

    #[test]
    fn misplaced_separators_are_not_numbers() {
        for body in [
            "1,23",
            "1,2345",
            "1234,567",
            "0,123",
            "1,234.567.8",
            "1 234,567",
            "1.",
            "",
        ] {
            assert_eq!(read(body, '.'), None, "{body:?}");
        }
        assert_eq!(read("1.234 567", ','), None, "mixed group separators");
        assert_eq!(read("1.5", ','), None);
        assert_eq!(read("1,234e3", '.'), None);
    }
}
