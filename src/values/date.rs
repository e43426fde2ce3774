//! Absolute dates as exports and pages write them: ISO (`2021-08-01`,
//! `2025-08-01T00:00:00`, `2026-05-19T15:15:37-0400`, `2019-01-31 23:32 +0000`,
//! `2025/12/12 11:30:00`), numeric day/month forms (`03/25/2025 22:00`, `4/24/2022`,
//! `01-06-2025`, `27.09.2024`) and month-name forms in five languages (`Sat, Sep 6, 2025`,
//! `Mon Feb 17 2025`, `Sep 27, 2024`, `1-Jan-2025`, `9-jun.-2025`, `1 okt. 2026`,
//! `1. Okt. 2026`, `1 oct. 2026`, `1 de octubre de 2026`).
//!
//! It must not guess the order of an all-numeric date: `01/06/2025` is January 6 in en-US
//! and June 1 everywhere else. A [`DateHint`] decides; otherwise a part above 12 decides;
//! otherwise the date is [`DateError::Ambiguous`]. A date is the calendar day as written:
//! converting to a platform's reporting time zone (`Platform::reporting_time_zone()` in
//! `model.rs`) is the caller's job, with the offset [`parse_date_time`] returns.

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveTime, Weekday};

use super::names;
use super::text;
use crate::model::Language;

/// Which part of an all-numeric date comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayMonthOrder {
    /// `DD/MM/YYYY`: Dutch, German, French, Spanish, British English.
    DayFirst,
    /// `MM/DD/YYYY`: US English, and LinkedIn's exports in every language.
    MonthFirst,
}

/// What the context says about how dates are written.
///
/// `order` wins when given (an importer that knows LinkedIn writes `MM/DD/YYYY` in its
/// Spanish exports says so). Otherwise Dutch, German, French and Spanish put the day first;
/// English does not decide (en-US and en-GB differ).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct DateHint {
    pub language: Option<Language>,
    pub order: Option<DayMonthOrder>,
}

impl DateHint {
    /// No context: only the text decides.
    pub const NONE: DateHint = DateHint {
        language: None,
        order: None,
    };

    /// US English: month first (X's custom ranges in an en-US browser, Meta's exports).
    pub const US: DateHint = DateHint {
        language: Some(Language::En),
        order: Some(DayMonthOrder::MonthFirst),
    };

    /// The page's or file's language, with the order it implies.
    pub fn language(language: Language) -> DateHint {
        DateHint {
            language: Some(language),
            order: None,
        }
    }

    /// The same hint with a known day/month order.
    pub fn with_order(self, order: DayMonthOrder) -> DateHint {
        DateHint {
            order: Some(order),
            ..self
        }
    }

    /// The order the context decides, when it decides one.
    fn decided_order(self) -> Option<DayMonthOrder> {
        self.order.or(match self.language {
            Some(Language::Nl | Language::De | Language::Fr | Language::Es) => {
                Some(DayMonthOrder::DayFirst)
            }
            Some(Language::En) | None => None,
        })
    }
}

impl From<Option<Language>> for DateHint {
    fn from(language: Option<Language>) -> DateHint {
        DateHint {
            language,
            order: None,
        }
    }
}

impl From<Language> for DateHint {
    fn from(language: Language) -> DateHint {
        DateHint::language(language)
    }
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Empty or a missing-value marker (a private video's blank publish time).
    #[error("no date ({raw:?} marks a missing value)")]
    Missing { raw: String },
    /// Not a date in any supported format.
    #[error("{raw:?} is not a date in any supported format")]
    Unrecognised { raw: String },
    /// An all-numeric date whose day/month order nothing decided.
    #[error("{raw:?} is ambiguous: {day_first} (day first) or {month_first} (month first); give the page or file locale or the date order")]
    Ambiguous {
        raw: String,
        day_first: NaiveDate,
        month_first: NaiveDate,
    },
    /// The parts do not make a calendar day (`31/04/2025`, or `03/25/2025` read day first).
    #[error("{raw:?} names no calendar day (year {year}, month {month}, day {day}); check the date order")]
    Invalid {
        raw: String,
        year: i32,
        month: u32,
        day: u32,
    },
    /// A day and month without a year, where a full date is needed.
    #[error("{raw:?} has no year; use parse_period for ranges whose year is given once")]
    NoYear { raw: String },
    /// The weekday written does not fall on the date: the text was misread or is wrong.
    #[error("{raw:?} says {written} but that date is a {actual}")]
    WeekdayMismatch {
        raw: String,
        written: Weekday,
        actual: Weekday,
    },
}

/// A date with the time of day and UTC offset when the text gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedDateTime {
    /// The calendar day as written (in the writer's offset, not converted).
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    /// The UTC offset written (`+0000`, `-0400`, `Z`), when there is one.
    pub utc_offset: Option<FixedOffset>,
}

/// Texts longer than this are not dates (and are not worth scanning).
pub(crate) const MAX_DATE_CHARS: usize = 80;

/// Parses an absolute date; a time of day after it is allowed and dropped.
pub fn parse_date(raw: &str, hint: DateHint) -> Result<NaiveDate, DateError> {
    parse_date_time(raw, hint).map(|parsed| parsed.date)
}

/// Parses an absolute date with its time of day and UTC offset when given.
pub fn parse_date_time(raw: &str, hint: DateHint) -> Result<ParsedDateTime, DateError> {
    let text = text::clean(raw);
    if text::is_missing_marker(&text) {
        return Err(DateError::Missing {
            raw: raw.to_owned(),
        });
    }
    if text.chars().count() > MAX_DATE_CHARS {
        return Err(DateError::Unrecognised {
            raw: raw.to_owned(),
        });
    }
    let written = read(&text).ok_or_else(|| DateError::Unrecognised {
        raw: raw.to_owned(),
    })?;
    resolve(raw, &written, hint, None)
}

/// Parses a date that may leave out its year, as post pages write recent dates ("Published
/// on: Mon Jan 5, 3:00pm" once the label is off): without a year, the latest such day not
/// after `today` is meant. A written weekday must still match.
pub fn parse_recent_date(
    raw: &str,
    hint: DateHint,
    today: NaiveDate,
) -> Result<ParsedDateTime, DateError> {
    let text = text::clean(raw);
    if text::is_missing_marker(&text) {
        return Err(DateError::Missing {
            raw: raw.to_owned(),
        });
    }
    if text.chars().count() > MAX_DATE_CHARS {
        return Err(DateError::Unrecognised {
            raw: raw.to_owned(),
        });
    }
    let written = read(&text).ok_or_else(|| DateError::Unrecognised {
        raw: raw.to_owned(),
    })?;
    resolve(raw, &written, hint, Some(today))
}

/// Settles order and year; a missing year comes from `today` when given.
fn resolve(
    raw: &str,
    written: &Written,
    hint: DateHint,
    today: Option<NaiveDate>,
) -> Result<ParsedDateTime, DateError> {
    let year = match (written.year, today, written.day_month) {
        (Some(year), _, _) => year,
        (
            None,
            Some(today),
            DayMonth::Named {
                day: Some(day),
                month: Some(month),
            },
        ) => {
            // The latest valid day not after today: this year or last, or up to four years
            // back for February 29.
            let date = (0..=4)
                .filter_map(|back| NaiveDate::from_ymd_opt(today.year() - back, month, day))
                .find(|date| *date <= today)
                .ok_or_else(|| DateError::Invalid {
                    raw: raw.to_owned(),
                    year: today.year(),
                    month,
                    day,
                })?;
            check_weekday(raw, date, written.weekday)?;
            return Ok(ParsedDateTime {
                date,
                time: written.time,
                utc_offset: written.utc_offset,
            });
        }
        (None, _, _) => {
            return Err(DateError::NoYear {
                raw: raw.to_owned(),
            })
        }
    };
    let (day, month) = match written.day_month {
        DayMonth::Named {
            day: Some(day),
            month: Some(month),
        } => (day, month),
        DayMonth::Named { .. } => {
            return Err(DateError::Unrecognised {
                raw: raw.to_owned(),
            })
        }
        DayMonth::Numeric {
            first,
            second,
            separator,
        } => match order_evidence(first, second, separator, hint) {
            OrderEvidence::Decided(order) => day_month_in(first, second, order),
            OrderEvidence::Undecided => {
                let day_first = calendar_day(raw, year, second, first)?;
                let month_first = calendar_day(raw, year, first, second)?;
                return Err(DateError::Ambiguous {
                    raw: raw.to_owned(),
                    day_first,
                    month_first,
                });
            }
        },
    };
    let date = calendar_day(raw, year, month, day)?;
    check_weekday(raw, date, written.weekday)?;
    Ok(ParsedDateTime {
        date,
        time: written.time,
        utc_offset: written.utc_offset,
    })
}

/// What a date text says before its day/month order and any missing year are settled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Written {
    /// Four digits, or two (`4/24/22`) already moved into the 2000s.
    pub(crate) year: Option<i32>,
    pub(crate) day_month: DayMonth,
    pub(crate) weekday: Option<Weekday>,
    pub(crate) time: Option<NaiveTime>,
    pub(crate) utc_offset: Option<FixedOffset>,
}

/// The day and month as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayMonth {
    /// Known parts: from a month name or a year-first numeric date. Ranges may leave out
    /// either (`Oct 1 – 28, 2026`, `October 2026`).
    Named {
        day: Option<u32>,
        month: Option<u32>,
    },
    /// `a/b/year`: which part is the day depends on the order.
    Numeric {
        first: u32,
        second: u32,
        separator: char,
    },
}

/// What an all-numeric date's own parts and its context say about its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OrderEvidence {
    Decided(DayMonthOrder),
    /// Both parts are 12 or less and differ, and nothing in the context decides.
    Undecided,
}

/// Decides the order of `first`/`second`: the hint, then a dotted date (day first in every
/// locale that writes dots), then a part above 12; equal parts read the same either way.
pub(crate) fn order_evidence(
    first: u32,
    second: u32,
    separator: char,
    hint: DateHint,
) -> OrderEvidence {
    if let Some(order) = hint.decided_order() {
        return OrderEvidence::Decided(order);
    }
    if separator == '.' || first == second || first > 12 {
        return OrderEvidence::Decided(DayMonthOrder::DayFirst);
    }
    if second > 12 {
        return OrderEvidence::Decided(DayMonthOrder::MonthFirst);
    }
    OrderEvidence::Undecided
}

/// `(day, month)` of `first`/`second` in `order`.
pub(crate) fn day_month_in(first: u32, second: u32, order: DayMonthOrder) -> (u32, u32) {
    match order {
        DayMonthOrder::DayFirst => (first, second),
        DayMonthOrder::MonthFirst => (second, first),
    }
}

/// The calendar day, or [`DateError::Invalid`] naming the parts.
pub(crate) fn calendar_day(
    raw: &str,
    year: i32,
    month: u32,
    day: u32,
) -> Result<NaiveDate, DateError> {
    NaiveDate::from_ymd_opt(year, month, day)
        .filter(|_| (1900..=2200).contains(&year))
        .ok_or_else(|| DateError::Invalid {
            raw: raw.to_owned(),
            year,
            month,
            day,
        })
}

/// Checks a written weekday against the date.
pub(crate) fn check_weekday(
    raw: &str,
    date: NaiveDate,
    written: Option<Weekday>,
) -> Result<(), DateError> {
    match written {
        Some(written) if written != date.weekday() => Err(DateError::WeekdayMismatch {
            raw: raw.to_owned(),
            written,
            actual: date.weekday(),
        }),
        _ => Ok(()),
    }
}

/// One piece of a date text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// A run of ASCII digits with its length (`09` is 9 with 2 digits).
    Number {
        value: u32,
        digits: usize,
    },
    /// A run of letters, lower case.
    Word(String),
    Mark(char),
    Space,
}

/// Splits a text into tokens; `None` for digit runs too long to be a date part.
fn lex(text: &str) -> Option<Vec<Token>> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut value: u32 = 0;
            let mut digits = 0;
            while let Some(digit) = chars.peek().and_then(|c| c.to_digit(10)) {
                value = value.checked_mul(10)?.checked_add(digit)?;
                digits += 1;
                chars.next();
            }
            if digits > 4 {
                return None;
            }
            tokens.push(Token::Number { value, digits });
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&c) = chars.peek().filter(|c| c.is_alphabetic()) {
                word.extend(c.to_lowercase());
                chars.next();
            }
            tokens.push(Token::Word(word));
        } else if c.is_whitespace() {
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
            tokens.push(Token::Space);
        } else {
            tokens.push(Token::Mark(c));
            chars.next();
        }
    }
    Some(tokens)
}

/// Words that join a date and a time (`2025-08-01T00:00`, `Jan 5 at 3:00pm`, `om`, `um`).
const TIME_JOINERS: &[&str] = &["t", "at", "om", "um", "à", "a", "las"];

/// Words inside dates that carry nothing (`1 de octubre de 2026`, `le 1 oct.`, `the`).
const FILLERS: &[&str] = &["de", "del", "el", "le", "the", "of", "den", "am"];

/// Ordinal endings after a day number (`27th`, `1er`, `1º`).
const ORDINALS: &[&str] = &["st", "nd", "rd", "th", "er", "º", "ª"];

/// Reads what a date text says, without settling order or year.
pub(crate) fn read(text: &str) -> Option<Written> {
    let tokens = lex(text)?;
    let time_start = tokens
        .windows(2)
        .position(|pair| matches!(pair, [Token::Number { .. }, Token::Mark(':')]))
        .unwrap_or(tokens.len());
    let (date_tokens, time_tokens) = tokens.split_at(time_start);
    let (time, utc_offset) = if time_tokens.is_empty() {
        (None, None)
    } else {
        let (time, offset) = read_time(time_tokens)?;
        (Some(time), offset)
    };
    let mut date_tokens: Vec<Token> = date_tokens
        .iter()
        .filter(|t| **t != Token::Space)
        .cloned()
        .collect();
    if time.is_some() {
        while let Some(last) = date_tokens.last() {
            let joiner = match last {
                Token::Mark(',') => true,
                Token::Word(word) => TIME_JOINERS.contains(&word.as_str()),
                _ => false,
            };
            if !joiner {
                break;
            }
            date_tokens.pop();
        }
    }
    let (year, day_month, weekday) =
        read_numeric(&date_tokens).or_else(|| read_named(&date_tokens))?;
    Some(Written {
        year,
        day_month,
        weekday,
        time,
        utc_offset,
    })
}

type DateParts = (Option<i32>, DayMonth, Option<Weekday>);

/// `YYYY-MM-DD` (also with `/` or `.`) and `a/b/YYYY` (also `-` and `.`; two-digit years).
fn read_numeric(tokens: &[Token]) -> Option<DateParts> {
    use Token::{Mark, Number};
    let same_date_separator = |a: char, b: char| a == b && matches!(a, '-' | '/' | '.');
    match tokens {
        [Number {
            value: year,
            digits: 4,
        }, Mark(s1), Number {
            value: month,
            digits: 1..=2,
        }, Mark(s2), Number {
            value: day,
            digits: 1..=2,
        }] if same_date_separator(*s1, *s2) => Some((
            Some(i32::try_from(*year).ok()?),
            DayMonth::Named {
                day: Some(*day),
                month: Some(*month),
            },
            None,
        )),
        [Number {
            value: first,
            digits: 1..=2,
        }, Mark(s1), Number {
            value: second,
            digits: 1..=2,
        }, Mark(s2), Number {
            value: year,
            digits: year_digits @ (2 | 4),
        }] if same_date_separator(*s1, *s2) => {
            let year = i32::try_from(*year).ok()?;
            let year = if *year_digits == 2 { 2000 + year } else { year };
            Some((
                Some(year),
                DayMonth::Numeric {
                    first: *first,
                    second: *second,
                    separator: *s1,
                },
                None,
            ))
        }
        _ => None,
    }
}

/// Month-name forms in any order of day, month and year, with an optional leading weekday.
fn read_named(tokens: &[Token]) -> Option<DateParts> {
    let month_words = tokens
        .iter()
        .filter(|t| matches!(t, Token::Word(w) if names::month_number(w).is_some()))
        .count();
    let mut year = None;
    let mut day = None;
    let mut month = None;
    let mut weekday = None;
    let mut previous_was_number = false;
    for (index, token) in tokens.iter().enumerate() {
        let was_number = previous_was_number;
        previous_was_number = false;
        match token {
            Token::Word(word) if was_number && ORDINALS.contains(&word.as_str()) => {}
            Token::Word(word) if FILLERS.contains(&word.as_str()) => {}
            Token::Word(word)
                if index == 0
                    && names::weekday(word).is_some()
                    && (names::month_number(word).is_none() || month_words > 1) =>
            {
                weekday = names::weekday(word);
            }
            Token::Word(word) => {
                let number = names::month_number(word)?;
                if month.replace(number).is_some() {
                    return None;
                }
            }
            Token::Number { value, digits: 4 } => {
                if year.replace(i32::try_from(*value).ok()?).is_some() {
                    return None;
                }
                previous_was_number = true;
            }
            Token::Number {
                value: value @ 1..=31,
                digits: 1..=2,
            } => {
                if day.replace(*value).is_some() {
                    return None;
                }
                previous_was_number = true;
            }
            Token::Mark(',' | '.' | '-' | '/') => {}
            _ => return None,
        }
    }
    if day.is_none() && month.is_none() && year.is_none() {
        return None;
    }
    Some((year, DayMonth::Named { day, month }, weekday))
}

/// `hh:mm[:ss[.fff]] [am|pm] [Z|UTC|GMT|±hhmm|±hh:mm|±hh]`.
fn read_time(tokens: &[Token]) -> Option<(NaiveTime, Option<FixedOffset>)> {
    use Token::{Mark, Number, Word};
    let tokens: Vec<Token> = tokens
        .iter()
        .filter(|t| **t != Token::Space)
        .cloned()
        .collect();
    let (hour, minute, second, rest) = match tokens.as_slice() {
        [Number {
            value: h,
            digits: 1..=2,
        }, Mark(':'), Number {
            value: m,
            digits: 2,
        }, Mark(':'), Number {
            value: s,
            digits: 2,
        }, Mark('.'), Number { .. }, rest @ ..]
        | [Number {
            value: h,
            digits: 1..=2,
        }, Mark(':'), Number {
            value: m,
            digits: 2,
        }, Mark(':'), Number {
            value: s,
            digits: 2,
        }, rest @ ..] => (*h, *m, *s, rest),
        [Number {
            value: h,
            digits: 1..=2,
        }, Mark(':'), Number {
            value: m,
            digits: 2,
        }, rest @ ..] => (*h, *m, 0, rest),
        _ => return None,
    };
    let (hour, rest) = match rest {
        [Word(w), rest @ ..] if w == "am" && (1..=12).contains(&hour) => (hour % 12, rest),
        [Word(w), rest @ ..] if w == "pm" && (1..=12).contains(&hour) => (hour % 12 + 12, rest),
        _ => (hour, rest),
    };
    let time = NaiveTime::from_hms_opt(hour, minute, second)?;
    let rest = match rest {
        [Word(w), rest @ ..] if matches!(w.as_str(), "utc" | "gmt") => {
            if rest.is_empty() {
                return Some((time, FixedOffset::east_opt(0)));
            }
            rest
        }
        [Word(w)] if w == "z" => return Some((time, FixedOffset::east_opt(0))),
        rest => rest,
    };
    let offset = match rest {
        [] => None,
        [Mark(sign), Number { value, digits: 4 }] => Some(offset(*sign, value / 100, value % 100)?),
        [Mark(sign), Number {
            value: hours,
            digits: 1..=2,
        }, Mark(':'), Number {
            value: minutes,
            digits: 2,
        }] => Some(offset(*sign, *hours, *minutes)?),
        [Mark(sign), Number {
            value: hours,
            digits: 1..=2,
        }] => Some(offset(*sign, *hours, 0)?),
        _ => return None,
    };
    Some((time, offset))
}

/// A UTC offset from its sign and parts (`-`, 4, 0 → UTC−4).
fn offset(sign: char, hours: u32, minutes: u32) -> Option<FixedOffset> {
    if hours > 14 || minutes > 59 {
        return None;
    }
    let seconds = i32::try_from(hours * 3600 + minutes * 60).ok()?;
    match sign {
        '+' => FixedOffset::east_opt(seconds),
        '-' | '−' => FixedOffset::west_opt(seconds),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexing_keeps_parts_and_lower_cases_words() {
        assert_eq!(
            lex("9-jun.-2025").unwrap(),
            vec![
                Token::Number {
                    value: 9,
                    digits: 1
                },
                Token::Mark('-'),
                Token::Word("jun".into()),
                Token::Mark('.'),
                Token::Mark('-'),
                Token::Number {
                    value: 2025,
                    digits: 4
                },
            ]
        );
        assert_eq!(lex("123456"), None);
    }

    #[test]
    fn order_evidence_rules() {
        let none = DateHint::NONE;
        assert_eq!(order_evidence(6, 1, '/', none), OrderEvidence::Undecided);
        assert_eq!(
            order_evidence(24, 4, '/', none),
            OrderEvidence::Decided(DayMonthOrder::DayFirst)
        );
        assert_eq!(
            order_evidence(4, 24, '/', none),
            OrderEvidence::Decided(DayMonthOrder::MonthFirst)
        );
        assert_eq!(
            order_evidence(6, 1, '.', none),
            OrderEvidence::Decided(DayMonthOrder::DayFirst)
        );
        assert_eq!(
            order_evidence(6, 1, '-', DateHint::language(Language::Nl)),
            OrderEvidence::Decided(DayMonthOrder::DayFirst)
        );
        assert_eq!(
            order_evidence(6, 1, '/', DateHint::language(Language::En)),
            OrderEvidence::Undecided
        );
        assert_eq!(
            order_evidence(6, 1, '/', DateHint::US),
            OrderEvidence::Decided(DayMonthOrder::MonthFirst)
        );
    }

    #[test]
    fn times_and_offsets() {
        let time = |text: &str| read_time(&lex(text).unwrap());
        let hms = |h, m, s| NaiveTime::from_hms_opt(h, m, s).unwrap();
        assert_eq!(
            time("23:32 +0000"),
            Some((hms(23, 32, 0), FixedOffset::east_opt(0)))
        );
        assert_eq!(
            time("15:15:37-0400"),
            Some((hms(15, 15, 37), FixedOffset::west_opt(4 * 3600)))
        );
        assert_eq!(time("3:00pm"), Some((hms(15, 0, 0), None)));
        assert_eq!(time("12:30 am"), Some((hms(0, 30, 0), None)));
        assert_eq!(
            time("00:00:00.000Z"),
            Some((hms(0, 0, 0), FixedOffset::east_opt(0)))
        );
        assert_eq!(time("25:00"), None);
        assert_eq!(time("10:00 +2500"), None);
    }
}
