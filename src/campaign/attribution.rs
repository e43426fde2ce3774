//! Attribution settings by meaning: the windows an ad manager counted results in, read from
//! the words a page or an export writes for them.
//!
//! Meta's setting is a set of windows: days after a click, after a view and after an
//! engaged view (`7-day click or 1-day view`, `7-day click, 1-day view, or 1-day
//! engaged-view`; Meta's help: click-through 1 or 7 days, view-through 1 day, engaged view 1
//! day; older accounts 28-day click). Two settings are the same when their windows are,
//! whatever the language or punctuation. The English wording is Meta's (reference
//! ads-managers.md, C). The Dutch wording is a GUESS: no Dutch Ads Manager page or export
//! showing this column has been seen, so the parser accepts the forms Meta's Dutch help
//! texts use for the parts ("klik", "weergave", "dag"/"dagen", "na") in either order
//! (`7 dagen na klikken of 1 dag na weergave`, `klik van 7 dagen`). Text that does not read
//! as windows compares by its words ([`AttributionKey::Words`]).
//!
//! This module only reads words; it must not decide what is added (see `super::paid`).

use serde::Serialize;

/// The windows of one attribution setting, in days; `None` where the setting has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Windows {
    pub click_days: Option<u16>,
    pub view_days: Option<u16>,
    pub engaged_view_days: Option<u16>,
}

/// What an attribution setting is compared by: its windows, or its words when they do not
/// read as windows (trimmed, lower-case, spaces collapsed).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AttributionKey {
    Windows(Windows),
    Words(String),
}

/// The key an attribution setting compares by.
pub fn attribution_key(text: &str) -> AttributionKey {
    match parse_windows(text) {
        Some(windows) => AttributionKey::Windows(windows),
        None => AttributionKey::Words(words(text)),
    }
}

/// Text trimmed, lower-case, with runs of white space as one space.
pub fn words(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Which window a part of a setting names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Click,
    View,
    EngagedView,
}

/// The longest window any ad manager offers; a larger number is not a window.
const MAX_DAYS: u16 = 90;

/// The windows a setting names, or `None` when any part of it is not a window (or two
/// parts name the same kind).
pub fn parse_windows(text: &str) -> Option<Windows> {
    let lowered = words(text).replace(['-', '/', '+', ';'], " ");
    // Each part is one window; parts are separated by commas and the words for "or" and
    // "and".
    let mut parts: Vec<String> = Vec::new();
    for piece in lowered.split(',') {
        let mut current: Vec<&str> = Vec::new();
        for word in piece.split_whitespace() {
            if matches!(word, "or" | "and" | "of" | "en") {
                parts.push(current.join(" "));
                current.clear();
            } else {
                current.push(word);
            }
        }
        parts.push(current.join(" "));
    }
    let mut windows = Windows::default();
    let mut any = false;
    for part in parts.iter().filter(|p| !p.is_empty()) {
        let (kind, days) = window(part)?;
        let slot = match kind {
            Kind::Click => &mut windows.click_days,
            Kind::View => &mut windows.view_days,
            Kind::EngagedView => &mut windows.engaged_view_days,
        };
        if slot.replace(days).is_some() {
            return None;
        }
        any = true;
    }
    any.then_some(windows)
}

/// One window: exactly one number of days, a word for days and a word for its kind, and
/// nothing else but small words.
fn window(part: &str) -> Option<(Kind, u16)> {
    let mut days = None;
    let mut kind = None;
    let mut day_word = false;
    let mut engaged = false;
    for word in part.split_whitespace() {
        if let Ok(number) = word.parse::<u16>() {
            if days.replace(number).is_some() {
                return None;
            }
            continue;
        }
        match word {
            "day" | "days" | "dag" | "dagen" => day_word = true,
            "click" | "clicks" | "klik" | "klikken" | "geklikt" => {
                if kind.replace(Kind::Click).is_some() {
                    return None;
                }
            }
            "view" | "views" | "weergave" | "weergaven" | "bekeken" => {
                if kind.replace(Kind::View).is_some() {
                    return None;
                }
            }
            // An engaged view: "engaged-view" (the hyphen is a space by now); Dutch guessed.
            "engaged" | "betrokken" | "betrokkenheid" => engaged = true,
            // Small words around the parts: "after", "na", "van", "met", "within".
            "after" | "within" | "na" | "van" | "met" | "binnen" | "de" | "het" => {}
            _ => return None,
        }
    }
    let days = days.filter(|d| (1..=MAX_DAYS).contains(d))?;
    if !day_word {
        return None;
    }
    match (kind?, engaged) {
        (Kind::View, true) => Some((Kind::EngagedView, days)),
        (_, true) => None,
        (kind, false) => Some((kind, days)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn windows(click: Option<u16>, view: Option<u16>, engaged: Option<u16>) -> Windows {
        Windows {
            click_days: click,
            view_days: view,
            engaged_view_days: engaged,
        }
    }

    fn check(input: &str, expected: Option<Windows>) {
        assert_eq!(parse_windows(input), expected, "{input:?}");
    }

    #[test]
    fn meta_settings_read_as_windows() {
        let default = Some(windows(Some(7), Some(1), None));
        let cases = [
            // English, as Meta writes it (C).
            ("7-day click or 1-day view", default),
            ("  7-Day Click  or 1-day view ", default),
            ("7-day click and 1-day view", default),
            ("1-day view or 7-day click", default),
            (
                "7-day click, 1-day view, or 1-day engaged-view",
                Some(windows(Some(7), Some(1), Some(1))),
            ),
            ("1-day click", Some(windows(Some(1), None, None))),
            ("7-day click", Some(windows(Some(7), None, None))),
            ("28-day click", Some(windows(Some(28), None, None))),
            (
                "28-day click or 1-day view",
                Some(windows(Some(28), Some(1), None)),
            ),
            (
                "1-day click or 1-day view",
                Some(windows(Some(1), Some(1), None)),
            ),
            // Dutch (a guess, see the module's doc).
            ("7 dagen na klikken of 1 dag na weergave", default),
            ("Klik van 7 dagen of weergave van 1 dag", default),
            ("7 dagen klikken en 1 dag weergave", default),
            (
                "7 dagen na klikken, 1 dag na weergave of 1 dag na betrokken weergave",
                Some(windows(Some(7), Some(1), Some(1))),
            ),
            ("1 dag na klikken", Some(windows(Some(1), None, None))),
            ("28 dagen na klikken", Some(windows(Some(28), None, None))),
            // Not windows: compared by their words.
            ("", None),
            ("-", None),
            ("Standard", None),
            ("All conversions", None),
            ("7-day click or 7-day click", None),
            ("7 click", None),
            ("7-day", None),
            ("0-day click", None),
            ("365-day click", None),
            ("7-day click or 1-day view (SKAdNetwork)", None),
            ("1-day engaged click", None),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn settings_compare_by_windows_else_by_words() {
        let same = |a: &str, b: &str| attribution_key(a) == attribution_key(b);
        assert!(same(
            "7-day click or 1-day view",
            "7 dagen na klikken of 1 dag na weergave"
        ));
        assert!(!same("7-day click or 1-day view", "1-day click"));
        assert!(!same(
            "7-day click or 1-day view",
            "7-day click, 1-day view, or 1-day engaged-view"
        ));
        assert!(same(
            "From Apple's  SKAdNetwork",
            "from apple's skadnetwork"
        ));
        assert!(!same("Standard", "1-day click"));
    }
}
