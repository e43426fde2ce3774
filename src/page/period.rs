//! Which period a page's figures cover, from what the page shows (a date-range button, a
//! preset dropdown, a selected preset toggle) and from its URL (`timeRange=past_28_days`,
//! `startDate`/`endDate`), as a platform's [`PeriodRule`] says.
//!
//! Explicit dates beat presets, and the page beats the URL (a single-page app may not have
//! updated one of them yet). When nothing can be read the answer is "unknown", never a
//! guessed default. Turning a text into dates is [`crate::values`]' job; this module only
//! finds the text.

use chrono::NaiveDate;

use super::query_value;
use super::rules::PeriodRule;
use super::text::fold;
use super::tree::Tree;
use super::url::PageUrl;
use crate::model::Language;
use crate::values::{parse_period, DateHint, DateRange, Period, RelativeEnd};

/// The period a page's figures cover.
#[derive(Debug, Clone, PartialEq)]
pub enum PagePeriod {
    /// A date range, with the text or URL part it was read from.
    Range { range: DateRange, evidence: String },
    /// Lifetime totals as of the reading (single-post pages, "Since published").
    Lifetime,
    /// Nothing on the page or in the URL said which period it is.
    Unknown,
}

/// What one period text on the page says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// Dates that do not depend on the day of reading ("Aug 26, 2026 - Sep 9, 2026").
    Dates(DateRange),
    /// A preset relative to the day of reading ("Last 28 days", "7D").
    Relative(DateRange),
    Lifetime,
}

/// Reads the period of a page.
pub fn detect_period(
    rule: &PeriodRule,
    tree: &Tree<'_>,
    excluded: &[bool],
    url: &PageUrl,
    lang_tag: Option<&str>,
    today: NaiveDate,
) -> PagePeriod {
    let language = lang_tag.and_then(Language::from_tag);
    if rule.lifetime {
        return PagePeriod::Lifetime;
    }
    let hint = match (rule.dates_month_first || is_us_english(lang_tag), language) {
        (true, _) => DateHint::US,
        (false, Some(language)) => DateHint::language(language),
        (false, None) => DateHint::NONE,
    };
    let mut page_texts = texts_on_page(rule, tree, excluded);
    page_texts.extend(selected_presets(rule, tree, excluded));
    let shown: Vec<(Shown, String)> = page_texts
        .into_iter()
        .filter_map(|text| read_shown(&text, hint, today, rule.ends).map(|p| (p, text)))
        .collect();
    let dates_shown = agreeing(&shown, |p| match p {
        Shown::Dates(range) => Some(*range),
        _ => None,
    });
    if let Some((range, text)) = dates_shown {
        return PagePeriod::Range {
            range,
            evidence: text,
        };
    }
    if let Some(dates) = &rule.query_dates {
        let part = |name| query_value::range_part(url, dates.within.as_deref(), name);
        let start = part(&dates.start).as_deref().and_then(parse_iso_date);
        let end = part(&dates.end).as_deref().and_then(parse_iso_date);
        if let Some(range) = start.zip(end).and_then(|(s, e)| DateRange::new(s, e).ok()) {
            return PagePeriod::Range {
                range,
                evidence: format!(
                    "{}={}&{}={}",
                    dates.start,
                    range.start(),
                    dates.end,
                    range.end()
                ),
            };
        }
    }
    let preset_shown = agreeing(&shown, |p| match p {
        Shown::Relative(range) => Some(Some(*range)),
        Shown::Lifetime => Some(None),
        Shown::Dates(_) => None,
    });
    match preset_shown {
        Some((Some(range), text)) => {
            return PagePeriod::Range {
                range,
                evidence: text,
            }
        }
        Some((None, _)) => return PagePeriod::Lifetime,
        None => {}
    }
    if let Some(presets) = &rule.query_presets {
        if let Some(value) = url.param(&presets.param).map(query_value::plain) {
            let range = presets.days.get(value.as_str()).and_then(|days| {
                let end = rule.ends.last_day(today)?;
                let start =
                    end.checked_sub_days(chrono::Days::new(u64::from(days.checked_sub(1)?)))?;
                DateRange::new(start, end).ok()
            });
            if let Some(range) = range {
                return PagePeriod::Range {
                    range,
                    evidence: format!("{}={value}", presets.param),
                };
            }
        }
    }
    PagePeriod::Unknown
}

/// True for `en-US` (numeric dates month first); other English tags do not decide.
fn is_us_english(tag: Option<&str>) -> bool {
    tag.is_some_and(|t| {
        let t = t.trim().to_ascii_lowercase().replace('_', "-");
        t == "en-us" || t.starts_with("en-us-")
    })
}

/// Interprets one period text with `values::parse_period`, telling explicit dates from
/// presets by whether the answer moves with the day of reading.
fn read_shown(text: &str, hint: DateHint, today: NaiveDate, ends: RelativeEnd) -> Option<Shown> {
    let period = parse_period(text, hint, today, ends).ok()?;
    match period {
        Period::Lifetime { .. } => Some(Shown::Lifetime),
        Period::Range(range) => {
            let day_before = today.pred_opt()?;
            match parse_period(text, hint, day_before, ends).ok()? {
                Period::Range(other) if other == range => Some(Shown::Dates(range)),
                _ => Some(Shown::Relative(range)),
            }
        }
    }
}

/// A text worth trying as a period when scanning a whole page: short, with digits, and
/// with words or a range separator (a bare "2025" elsewhere on a page is not a year).
fn looks_like_period(text: &str) -> bool {
    let has_separator = ["–", "—", " - "].iter().any(|s| text.contains(s));
    text.chars().count() <= 60
        && text.chars().any(|c| c.is_ascii_digit())
        && (has_separator || text.chars().any(char::is_alphabetic))
}

/// The one value every text of a kind agrees on (with the first text saying it); `None`
/// when there is none or two texts disagree (an open dropdown listing every preset).
fn agreeing<T: PartialEq + Copy>(
    parsed: &[(Shown, String)],
    pick: impl Fn(&Shown) -> Option<T>,
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
        let is_preset_toggle = rule.presets.iter().any(|p| p == &node.text);
        if rule.scan_page && !is_preset_toggle && looks_like_period(&node.text) {
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
        .filter(|n| rule.presets.iter().any(|p| p == &n.text))
        .map(|n| n.text.clone())
        .collect()
}

fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn range(start: &str, end: &str) -> DateRange {
        DateRange::new(date(start), date(end)).unwrap()
    }

    fn check(text: &str, expected: Option<Shown>) {
        let today = date("2026-09-10");
        let hint = DateHint::language(Language::En);
        assert_eq!(
            read_shown(text, hint, today, RelativeEnd::Yesterday),
            expected,
            "{text}"
        );
    }

    #[test]
    fn explicit_dates_are_told_from_presets() {
        check(
            "Time range: Aug 26, 2026 - Sep 9, 2026",
            Some(Shown::Dates(range("2026-08-26", "2026-09-09"))),
        );
        check(
            "Past 28 days",
            Some(Shown::Relative(range("2026-08-13", "2026-09-09"))),
        );
        check(
            "7D",
            Some(Shown::Relative(range("2026-09-03", "2026-09-09"))),
        );
        check("Lifetime", Some(Shown::Lifetime));
        check("Impressions", None);
        check("Sep 9, 2026 - Aug 26, 2026", None);
    }

    #[test]
    fn only_period_like_texts_are_scanned() {
        assert!(looks_like_period("Past 28 days"));
        assert!(looks_like_period("Oct 1 – 28, 2026"));
        assert!(!looks_like_period("2025"));
        assert!(looks_like_period("06/01/2025 - 06/30/2025"));
        assert!(!looks_like_period("Impressions"));
        assert!(!looks_like_period(&"Last 7 days ".repeat(10)));
    }
}
