//! Which period a page's figures cover, from what the page shows (a date-range button, a
//! preset dropdown, a selected preset toggle) and from its URL (`timeRange=past_28_days`,
//! `startDate`/`endDate`), as a platform's [`PeriodRule`] says.
//!
//! Explicit dates beat presets, and the page beats the URL (a single-page app may not have
//! updated one of them yet). When nothing can be read the answer is "unknown", never a
//! guessed default. Turning a text into dates is [`crate::values`]' job; this module only
//! finds the text.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::rules::{PeriodRule, RelativeEnd};
use super::text::fold;
use super::tree::Tree;
use super::url::PageUrl;
use crate::model::Language;

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// The period a page's figures cover.
#[derive(Debug, Clone, PartialEq)]
pub enum PagePeriod {
    /// A date range, with the text or URL part it was read from.
    Range { range: DateRange, evidence: String },
    /// Lifetime totals as of the reading (single-post pages).
    Lifetime,
    /// Nothing on the page or in the URL said which period it is.
    Unknown,
}

/// A relative preset or explicit dates read from one text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PeriodText {
    Dates(DateRange),
    LastDays(u32),
}

/// Reads the period of a page.
pub fn detect_period(
    rule: &PeriodRule,
    tree: &Tree<'_>,
    excluded: &[bool],
    url: &PageUrl,
    language: Option<Language>,
    today: NaiveDate,
) -> PagePeriod {
    if rule.lifetime {
        return PagePeriod::Lifetime;
    }
    let mut page_texts = texts_on_page(rule, tree, excluded);
    page_texts.extend(selected_presets(rule, tree, excluded));
    let parsed: Vec<(PeriodText, String)> = page_texts
        .into_iter()
        .filter_map(|text| parse_period_text(&text, language, rule).map(|p| (p, text)))
        .collect();
    let relative = |days: u32| relative_range(days, rule.ends, today);
    let dates_shown = agreeing(&parsed, |p| match p {
        PeriodText::Dates(range) => Some(*range),
        PeriodText::LastDays(_) => None,
    });
    if let Some((range, text)) = dates_shown {
        return PagePeriod::Range {
            range,
            evidence: text,
        };
    }
    if let Some(dates) = &rule.query_dates {
        let start = url.param(&dates.start).and_then(parse_iso_date);
        let end = url.param(&dates.end).and_then(parse_iso_date);
        if let (Some(start), Some(end)) = (start, end) {
            if start <= end {
                return PagePeriod::Range {
                    range: DateRange { start, end },
                    evidence: format!("{}={start}&{}={end}", dates.start, dates.end),
                };
            }
        }
    }
    let preset_shown = agreeing(&parsed, |p| match p {
        PeriodText::LastDays(days) => Some(*days),
        PeriodText::Dates(_) => None,
    });
    if let Some((range, text)) = preset_shown.and_then(|(days, text)| Some((relative(days)?, text)))
    {
        return PagePeriod::Range {
            range,
            evidence: text,
        };
    }
    if let Some(presets) = &rule.query_presets {
        if let Some(value) = url.param(&presets.param) {
            if let Some(range) = presets.days.get(value).and_then(|days| relative(*days)) {
                return PagePeriod::Range {
                    range,
                    evidence: format!("{}={value}", presets.param),
                };
            }
        }
    }
    PagePeriod::Unknown
}

/// The one value every text of a kind agrees on (with the first text saying it); `None`
/// when there is none or two texts disagree (an open dropdown listing every preset).
fn agreeing<T: PartialEq + Copy>(
    parsed: &[(PeriodText, String)],
    pick: impl Fn(&PeriodText) -> Option<T>,
) -> Option<(T, String)> {
    let mut found: Option<(T, String)> = None;
    for (period, text) in parsed {
        let Some(value) = pick(period) else { continue };
        match &found {
            None => found = Some((value, text.clone())),
            Some((first, _)) if *first == value => {}
            Some(_) => return None,
        }
    }
    found
}

/// The texts that describe the period: after an anchor ("Time range: …") in the same
/// text, in the anchor's card, or inside a period container element.
fn texts_on_page(rule: &PeriodRule, tree: &Tree<'_>, excluded: &[bool]) -> Vec<String> {
    let anchors: Vec<String> = rule.anchors.values().flatten().map(|a| fold(a)).collect();
    let mut texts = Vec::new();
    for &index in tree.in_order() {
        if excluded.get(index).copied().unwrap_or(true) {
            continue;
        }
        let Some(node) = tree.node(index) else {
            continue;
        };
        if rule.scan_page && !node.text.is_empty() {
            texts.push(node.text.clone());
        }
        if rule
            .containers
            .iter()
            .any(|tag| tag.eq_ignore_ascii_case(&node.tag))
        {
            texts.extend(own_texts(tree, index, excluded));
            continue;
        }
        for text in std::iter::once(&node.text).chain(node.attrs.get("aria-label")) {
            let folded = fold(text);
            for anchor in anchors.iter().filter(|a| !a.is_empty()) {
                if let Some(rest) = strip_anchor(text, &folded, anchor) {
                    if rest.is_empty() {
                        // The anchor alone: the period is next to it, in its card.
                        if let Some(card) = tree.ancestor(index, 2) {
                            texts.extend(own_texts(tree, card, excluded));
                        }
                    } else {
                        texts.push(rest);
                    }
                }
            }
        }
    }
    texts
}

/// The original text after an anchor, when the folded text starts with it.
fn strip_anchor(original: &str, folded: &str, anchor: &str) -> Option<String> {
    let rest = folded.strip_prefix(anchor)?;
    if !(rest.is_empty() || rest.starts_with(':') || rest.starts_with(' ')) {
        return None;
    }
    // Folding keeps character counts but may change byte lengths; count characters.
    let skip = anchor.chars().count();
    let collapsed = super::text::collapse_whitespace(original);
    let tail: String = collapsed.chars().skip(skip).collect();
    Some(tail.trim_start_matches([':', ' ']).trim().to_owned())
}

fn own_texts(tree: &Tree<'_>, root: usize, excluded: &[bool]) -> Vec<String> {
    tree.subtree(root)
        .iter()
        .filter(|i| !excluded.get(**i).copied().unwrap_or(true))
        .filter_map(|i| tree.node(*i))
        .flat_map(|n| std::iter::once(&n.text).chain(n.attrs.get("aria-label")))
        .filter(|t| !t.is_empty())
        .cloned()
        .collect()
}

/// Untranslated preset toggles ("7D") that the page marks as selected (`data-state="on"`,
/// `"active"` or `"checked"`, or `data-selected="true"`): their text, mapped later.
fn selected_presets(rule: &PeriodRule, tree: &Tree<'_>, excluded: &[bool]) -> Vec<String> {
    if rule.presets.is_empty() {
        return Vec::new();
    }
    tree.in_order()
        .iter()
        .filter(|i| !excluded.get(**i).copied().unwrap_or(true))
        .filter_map(|i| tree.node(*i))
        .filter(|n| {
            let state = n.attrs.get("data-state").map(|s| s.to_ascii_lowercase());
            matches!(
                state.as_deref(),
                Some("on" | "active" | "checked" | "selected")
            ) || n.attrs.get("data-selected").is_some_and(|s| s == "true")
        })
        .filter(|n| rule.presets.keys().any(|p| p == &n.text))
        .map(|n| n.text.clone())
        .collect()
}

fn relative_range(days: u32, ends: RelativeEnd, today: NaiveDate) -> Option<DateRange> {
    let end = match ends {
        RelativeEnd::Today => today,
        RelativeEnd::Yesterday => today.pred_opt()?,
    };
    let start = end.checked_sub_signed(Duration::days(i64::from(days.checked_sub(1)?)))?;
    Some(DateRange { start, end })
}

fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Interprets one period text: a preset of the rule, a relative "last N days" or explicit
/// dates. The one place the period text is turned into dates.
fn parse_period_text(
    text: &str,
    language: Option<Language>,
    rule: &PeriodRule,
) -> Option<PeriodText> {
    if let Some(days) = rule.presets.get(text.trim()) {
        return Some(PeriodText::LastDays(*days));
    }
    interim::parse(text, language)
}

/// A stand-in for `values::parse_period` (issue #3) until it lands: English and Dutch
/// "last N days/weeks" presets and explicit month-name or ISO date ranges.
mod interim {
    use super::*;

    pub(super) fn parse(text: &str, language: Option<Language>) -> Option<PeriodText> {
        let folded = fold(text);
        if let Some(days) = last_days(&folded) {
            return Some(PeriodText::LastDays(days));
        }
        let separators = [" - ", " – ", " — ", " to ", " tot "];
        let (from, to) = separators.iter().find_map(|sep| folded.split_once(sep))?;
        let start = parse_date(from, language)?;
        let end = parse_date(to, language)?;
        (start <= end).then_some(PeriodText::Dates(DateRange { start, end }))
    }

    fn last_days(folded: &str) -> Option<u32> {
        let words: Vec<&str> = folded.split(' ').collect();
        let (count, unit) = match words.as_slice() {
            [lead, n, unit] if ["last", "past", "afgelopen", "laatste"].contains(lead) => {
                (n, *unit)
            }
            _ => return None,
        };
        let n: u32 = count.parse().ok()?;
        match unit {
            "days" | "dagen" | "day" | "dag" => Some(n),
            "weeks" | "weken" => n.checked_mul(7),
            _ => None,
        }
    }

    const MONTHS: [[&str; 2]; 12] = [
        ["jan", "jan"],
        ["feb", "feb"],
        ["mar", "mrt"],
        ["apr", "apr"],
        ["may", "mei"],
        ["jun", "jun"],
        ["jul", "jul"],
        ["aug", "aug"],
        ["sep", "sep"],
        ["oct", "okt"],
        ["nov", "nov"],
        ["dec", "dec"],
    ];

    fn month(word: &str) -> Option<u32> {
        let word = word.trim_end_matches('.');
        let head: String = word.chars().take(3).collect();
        MONTHS
            .iter()
            .position(|names| names.contains(&head.as_str()))
            .and_then(|i| u32::try_from(i + 1).ok())
    }

    fn parse_date(text: &str, _language: Option<Language>) -> Option<NaiveDate> {
        let text = text.trim();
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Some(date);
        }
        let words: Vec<&str> = text.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        let (day, month_number, year) = match words.as_slice() {
            // "aug 26 2026" (English) or "26 aug. 2026" (Dutch).
            [m, d, y] if month(m).is_some() => (d.parse().ok()?, month(m)?, y.parse().ok()?),
            [d, m, y] => (d.parse().ok()?, month(m)?, y.parse().ok()?),
            _ => return None,
        };
        NaiveDate::from_ymd_opt(year, month_number, day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn check(text: &str, expected: Option<PeriodText>) {
        assert_eq!(
            parse_period_text(text, Some(Language::En), &PeriodRule::default()),
            expected,
            "{text}"
        );
    }

    #[test]
    fn period_texts() {
        let range = |a: &str, b: &str| {
            Some(PeriodText::Dates(DateRange {
                start: date(a),
                end: date(b),
            }))
        };
        check(
            "Aug 26, 2026 - Sep 9, 2026",
            range("2026-08-26", "2026-09-09"),
        );
        check(
            "26 aug. 2026 - 9 sep. 2026",
            range("2026-08-26", "2026-09-09"),
        );
        check("Past 28 days", Some(PeriodText::LastDays(28)));
        check("Afgelopen 7 dagen", Some(PeriodText::LastDays(7)));
        check("Last 12 weeks", Some(PeriodText::LastDays(84)));
        check("Sep 9, 2026 - Aug 26, 2026", None);
        check("Impressions", None);
        check("Feb 30, 2026 - Mar 1, 2026", None);
    }

    #[test]
    fn relative_ranges_end_where_the_rule_says() {
        let today = date("2026-10-29");
        assert_eq!(
            relative_range(28, RelativeEnd::Yesterday, today),
            Some(DateRange {
                start: date("2026-10-01"),
                end: date("2026-10-28")
            })
        );
        assert_eq!(
            relative_range(7, RelativeEnd::Today, today),
            Some(DateRange {
                start: date("2026-10-23"),
                end: date("2026-10-29")
            })
        );
        assert_eq!(relative_range(0, RelativeEnd::Today, today), None);
    }
}
