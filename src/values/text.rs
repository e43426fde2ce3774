//! Text clean-up shared by the value parsers: invisible characters, surrounding whitespace,
//! leading signs and arrows, and missing-value markers.
//!
//! It must not interpret digits or separators: that is `number.rs`'s job, under a language.

use std::borrow::Cow;

/// Characters that carry no meaning in a value but appear in page text: zero-width spaces
/// and joiners, bidi marks and isolates, the byte-order mark and the soft hyphen (YouTube's
/// German files put U+00AD inside words).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// The text without invisible characters and without surrounding whitespace (any Unicode
/// white space, so U+00A0 and U+202F too). Borrows when there is nothing to remove.
pub(crate) fn clean(raw: &str) -> Cow<'_, str> {
    if raw.chars().any(is_invisible) {
        let visible: String = raw.chars().filter(|c| !is_invisible(*c)).collect();
        Cow::Owned(visible.trim().to_owned())
    } else {
        Cow::Borrowed(raw.trim())
    }
}

/// Dashes that pages write alone for "no value", and that some UIs write as a minus sign.
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '−' | '‒' | '―')
}

/// True when a cleaned text is a missing-value marker: empty, one to three dashes (`-`, `--`,
/// `—`, `–`), or "not applicable" (`N/A`, `n/a`, `n.a.`, Dutch `n.v.t.`).
pub(crate) fn is_missing_marker(text: &str) -> bool {
    if text.is_empty() {
        return true;
    }
    let dashes = text.chars().filter(|c| is_dash(*c)).count();
    if dashes == text.chars().count() && dashes <= 3 {
        return true;
    }
    matches!(text.to_lowercase().as_str(), "n/a" | "n.a." | "n.v.t.")
}

/// An explicit sign in front of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sign {
    Plus,
    Minus,
}

fn sign_char(c: char) -> Option<Sign> {
    match c {
        '+' => Some(Sign::Plus),
        c if is_dash(c) && c != '—' && c != '―' => Some(Sign::Minus),
        _ => None,
    }
}

fn arrow_char(c: char) -> Option<Sign> {
    match c {
        '↑' | '▲' | '⬆' | '⏶' => Some(Sign::Plus),
        '↓' | '▼' | '⬇' | '⏷' => Some(Sign::Minus),
        _ => None,
    }
}

/// Splits a leading sign off: `+`, `-`, U+2212 `−`, or a change arrow (`↑ 12%` is +12%,
/// `↓ 3%` is −3%). An arrow may be followed by a sign that agrees with it (`↓ -3%`); one that
/// contradicts it (`↑ -3%`) makes the text unreadable (`None`). Whitespace after the sign is
/// skipped.
pub(crate) fn take_sign(text: &str) -> Option<(Option<Sign>, &str)> {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return Some((None, text));
    };
    if let Some(arrow) = arrow_char(first) {
        let rest = chars.as_str().trim_start();
        let mut after = rest.chars();
        return match after.next().and_then(sign_char) {
            Some(sign) if sign == arrow => Some((Some(arrow), after.as_str().trim_start())),
            Some(_) => None,
            None => Some((Some(arrow), rest)),
        };
    }
    match sign_char(first) {
        Some(sign) => Some((Some(sign), chars.as_str().trim_start())),
        None => Some((None, text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_drops_invisible_characters_and_outer_space() {
        assert_eq!(clean("\u{200E}\u{a0}1.234\u{202f}"), "1.234");
        assert_eq!(clean("Auf\u{ad}rufe"), "Aufrufe");
    }

    #[test]
    fn markers_are_dashes_and_not_applicable() {
        for marker in ["", "-", "--", "—", "–", "−", "N/A", "n/a", "n.v.t."] {
            assert!(is_missing_marker(marker), "{marker:?}");
        }
        for value in ["0", "-3", "----", "n/a%", "na"] {
            assert!(!is_missing_marker(value), "{value:?}");
        }
    }

    #[test]
    fn signs_and_arrows() {
        assert_eq!(take_sign("+12%"), Some((Some(Sign::Plus), "12%")));
        assert_eq!(take_sign("−3"), Some((Some(Sign::Minus), "3")));
        assert_eq!(take_sign("↑ 12%"), Some((Some(Sign::Plus), "12%")));
        assert_eq!(take_sign("↓ -3%"), Some((Some(Sign::Minus), "3%")));
        assert_eq!(take_sign("↑ -3%"), None);
        assert_eq!(take_sign("12"), Some((None, "12")));
    }
}
