//! The primitives that walk a strategy file's JSON: each reads one field, checks it, and
//! records a [`Problem`] naming the field's JSON path, the value found, why it is refused
//! and what to do, then carries on, so one import names every problem at once.
//!
//! Nothing here panics on any JSON and nothing here knows what a strategy means; the
//! strategy's own fields are read in [`super::schema`].

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::strategy::file::Problem;
use crate::strategy::period::DateRange;

/// Ids are short: they travel in URLs and storage keys.
pub(super) const MAX_ID_CHARS: usize = 64;
/// Dates must lie in this span of years, and periods last at most this many days: wider
/// ones are typing mistakes (`20277-01-01`), and they bound the evaluator's work.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;
const MAX_PERIOD_DAYS: i64 = 366 * 5;
/// Targets and baselines beyond these sizes are typing mistakes. Between them every number
/// keeps 15 significant digits, which JSON readers parse back exactly, so exporting and
/// importing again gives the same number.
const MAX_MAGNITUDE: f64 = 1e15;
const MIN_MAGNITUDE: f64 = 1e-6;

/// Walks the JSON, collecting problems.
#[derive(Default)]
pub(super) struct Reader {
    pub(super) problems: Vec<Problem>,
}

pub(super) fn shown(value: Option<&Value>) -> String {
    let Some(value) = value else {
        return "(missing)".to_owned();
    };
    let text = value.to_string();
    if text.chars().count() > 80 {
        let short: String = text.chars().take(77).collect();
        format!("{short}...")
    } else {
        text
    }
}

pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

pub(super) fn quoted_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items
        .into_iter()
        .map(|item| format!("\"{item}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Reader {
    pub(super) fn problem(
        &mut self,
        path: &str,
        value: Option<&Value>,
        why: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.problems.push(Problem {
            path: path.to_owned(),
            value: shown(value),
            why: why.into(),
            fix: fix.into(),
        });
    }

    /// The object at `path`, with its unknown keys reported.
    pub(super) fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        what: &str,
        known: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(map) = value.as_object() else {
            self.problem(
                path,
                Some(value),
                format!("{what} must be a JSON object"),
                format!("write {what} as {{ ... }}"),
            );
            return None;
        };
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                let fix = match closest(key, known) {
                    Some(near) => format!("did you mean \"{near}\"? Rename or remove the field"),
                    None => format!(
                        "remove it; {what} has the fields {}",
                        quoted_list(known.iter().copied())
                    ),
                };
                self.problem(
                    &join(path, key),
                    map.get(key),
                    format!("{what} has no field \"{key}\""),
                    fix,
                );
            }
        }
        Some(map)
    }

    pub(super) fn array<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        path: &str,
        key: &str,
        limit: usize,
    ) -> &'v [Value] {
        let path = join(path, key);
        match map.get(key) {
            None | Some(Value::Null) => &[],
            Some(Value::Array(items)) if items.len() > limit => {
                self.problem(
                    &path,
                    map.get(key),
                    format!(
                        "there are {} entries; at most {limit} are allowed",
                        items.len()
                    ),
                    "split the strategy into several files",
                );
                &[]
            }
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.problem(&path, Some(other), "must be a list", "write it as [ ... ]");
                &[]
            }
        }
    }

    pub(super) fn text(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        required: bool,
        limit: usize,
    ) -> Option<String> {
        let path = join(path, key);
        match map.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.problem(
                        &path,
                        None,
                        format!("\"{key}\" is required"),
                        format!("add \"{key}\": \"...\""),
                    );
                }
                None
            }
            Some(Value::String(text)) => {
                let trimmed = text.trim();
                if trimmed.is_empty() {
                    if required {
                        self.problem(&path, map.get(key), "is empty", format!("write a {key}"));
                    }
                    None
                } else if trimmed.chars().count() > limit {
                    self.problem(
                        &path,
                        map.get(key),
                        format!("is longer than {limit} characters"),
                        "shorten it",
                    );
                    None
                } else {
                    Some(trimmed.to_owned())
                }
            }
            Some(other) => {
                self.problem(
                    &path,
                    Some(other),
                    "must be text",
                    format!("write it in quotes: \"{key}\": \"...\""),
                );
                None
            }
        }
    }

    pub(super) fn id(&mut self, map: &Map<String, Value>, path: &str) -> Option<String> {
        let id = self.text(map, path, "id", true, MAX_ID_CHARS)?;
        let valid = id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if valid {
            Some(id)
        } else {
            self.problem(
                &join(path, "id"),
                map.get("id"),
                "an id may hold only lower-case letters a-z, digits, '-' and '_'",
                format!("use \"{}\"", slug(&id)),
            );
            None
        }
    }

    pub(super) fn number(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        required: bool,
    ) -> Option<f64> {
        let path = join(path, key);
        match map.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.problem(
                        &path,
                        None,
                        format!("\"{key}\" is required"),
                        format!("add \"{key}\": a number"),
                    );
                }
                None
            }
            Some(Value::Number(number)) => match number.as_f64() {
                Some(0.0) => Some(0.0),
                Some(value)
                    if value.is_finite()
                        && (MIN_MAGNITUDE..=MAX_MAGNITUDE).contains(&value.abs()) =>
                {
                    Some(canonical_number(value))
                }
                Some(value) if value.abs() < MIN_MAGNITUDE => {
                    self.problem(
                        &path,
                        map.get(key),
                        "is too small to be a target or baseline",
                        "check the number (a rate is a fraction: 0.5% is 0.005)",
                    );
                    None
                }
                _ => {
                    self.problem(
                        &path,
                        map.get(key),
                        "is too large to be a target or baseline",
                        "check the number",
                    );
                    None
                }
            },
            Some(Value::String(text)) => {
                let fix = match text
                    .trim()
                    .trim_end_matches('%')
                    .trim()
                    .replace(',', ".")
                    .parse::<f64>()
                {
                    Ok(number) if text.contains('%') => format!(
                        "write the number without quotes, a percentage as a fraction: {}",
                        number / 100.0
                    ),
                    Ok(number) => format!("write the number without quotes: {number}"),
                    Err(_) => "write a number without quotes".to_owned(),
                };
                self.problem(&path, map.get(key), "must be a number, not text", fix);
                None
            }
            Some(other) => {
                self.problem(
                    &path,
                    Some(other),
                    "must be a number",
                    "write a number such as 50000 or 0.04",
                );
                None
            }
        }
    }

    pub(super) fn date(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<NaiveDate> {
        let path = join(path, key);
        let value = map.get(key);
        let Some(text) = value.and_then(Value::as_str) else {
            self.problem(
                &path,
                value,
                format!("\"{key}\" must be a date written YYYY-MM-DD"),
                format!("add \"{key}\": \"2027-01-31\""),
            );
            return None;
        };
        let date = (text.len() == 10)
            .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
            .flatten();
        match date {
            Some(date) if YEARS.contains(&chrono::Datelike::year(&date)) => Some(date),
            Some(_) => {
                self.problem(
                    &path,
                    value,
                    format!("the year lies outside {}–{}", YEARS.start(), YEARS.end()),
                    "check the year",
                );
                None
            }
            None => {
                self.problem(
                    &path,
                    value,
                    "is not a calendar date written YYYY-MM-DD",
                    "write it like \"2027-01-31\"",
                );
                None
            }
        }
    }

    pub(super) fn date_range(&mut self, map: &Map<String, Value>, path: &str) -> Option<DateRange> {
        let start = self.date(map, path, "start");
        let end = self.date(map, path, "end");
        let (start, end) = (start?, end?);
        let Ok(range) = DateRange::new(start, end) else {
            self.problem(
                &join(path, "end"),
                map.get("end"),
                format!("the end lies before the start ({start})"),
                "swap the dates or correct one",
            );
            return None;
        };
        if range.days() > MAX_PERIOD_DAYS {
            self.problem(
                &join(path, "end"),
                map.get("end"),
                format!(
                    "the dates span {} days; at most five years are allowed",
                    range.days()
                ),
                "shorten the period, or use a recurring \"year\"",
            );
            return None;
        }
        Some(range)
    }
}

/// A field that may be absent (and then takes a default), valid, or invalid.
pub(super) enum Parsed<T> {
    Absent,
    Given(T),
    Invalid,
}

impl<T> Parsed<T> {
    pub(super) fn or_default(self, default: T) -> Option<T> {
        match self {
            Parsed::Absent => Some(default),
            Parsed::Given(value) => Some(value),
            Parsed::Invalid => None,
        }
    }
}

/// The number rounded to 15 significant digits (std's parser rounds correctly).
pub(super) fn canonical_number(value: f64) -> f64 {
    format!("{value:.14e}").parse().unwrap_or(value)
}

/// Lower-case letters, digits and `-`, from any text.
pub(super) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "kpi".to_owned()
    } else {
        trimmed.chars().take(MAX_ID_CHARS).collect()
    }
}

/// The known word within two edits of `word`, for "did you mean" hints.
pub(super) fn closest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    if word.chars().count() > 40 {
        return None;
    }
    let word = word.to_lowercase();
    known
        .iter()
        .map(|candidate| (edit_distance(&word, candidate), *candidate))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Single-character edits between two short words, for "did you mean" hints. Words over 40
/// characters are never near misses (and would make the table needlessly large).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    if a.chars().count() > 40 {
        return usize::MAX;
    }
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let deletion = previous.get(j + 1).copied().unwrap_or(0) + 1;
            let insertion = current.get(j).copied().unwrap_or(0) + 1;
            current.push(substitution.min(deletion).min(insertion));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_changes() {
        assert_eq!(edit_distance("taget", "target"), 1);
        assert_eq!(edit_distance("target", "target"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(
            closest("impresions", &["impressions", "reach"]),
            Some("impressions")
        );
        assert_eq!(closest("colour", &["impressions", "reach"]), None);
    }

    #[test]
    fn slugs_are_valid_ids() {
        assert_eq!(slug("LinkedIn Impressions!"), "linkedin-impressions");
        assert_eq!(slug("???"), "kpi");
    }
}
