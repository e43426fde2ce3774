//! Text normalisation shared by the snapshot builder and the readers.
//!
//! The snapshot collapses white space exactly as JavaScript's `s.replace(/\s+/g, ' ').trim()`
//! does, so a snapshot built natively from HTML equals the one `www/snapshot.js` builds from
//! the live DOM. Labels are compared after [`fold`], which also ignores case and the
//! punctuation pages put around labels. Nothing here knows about platforms or rules.

/// True for the characters JavaScript's `\s` matches (and `String.prototype.trim` removes).
///
/// Rust's `char::is_whitespace` differs in two places: it includes U+0085 and excludes
/// U+FEFF. Pages write numbers with U+00A0 and U+202F, so the two sides must agree exactly.
pub fn is_js_whitespace(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{FEFF}'
    )
}

/// Collapses every run of JavaScript white space to one ASCII space and trims the ends.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if is_js_whitespace(c) {
            pending_space = true;
        } else {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    }
    out
}

/// Folds a label for comparison: white space collapsed, lower case, typographic quotes
/// made plain, and the decoration pages put around labels (a trailing colon, asterisk or
/// ellipsis) removed. `"Engagement rate:"` and `"engagement  RATE"` fold to the same text.
pub fn fold(text: &str) -> String {
    let collapsed = collapse_whitespace(text);
    let lowered: String = collapsed
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect();
    lowered
        .trim_end_matches(|c: char| matches!(c, ':' | '*' | '…') || c.is_whitespace())
        .trim_start()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, collapsed: &str, folded: &str) {
        assert_eq!(collapse_whitespace(input), collapsed, "collapse {input:?}");
        assert_eq!(fold(input), folded, "fold {input:?}");
    }

    #[test]
    fn whitespace_and_folding_follow_javascript() {
        check("  Impressions \n", "Impressions", "impressions");
        check(
            "Engagement\u{A0}\u{A0}rate:",
            "Engagement rate:",
            "engagement rate",
        );
        check("12,5\u{202F}%", "12,5 %", "12,5 %");
        check("\u{FEFF}Views\u{FEFF}", "Views", "views");
        check(
            "Taux d\u{2019}engagement",
            "Taux d\u{2019}engagement",
            "taux d'engagement",
        );
        check("", "", "");
        check(" \t\r\n ", "", "");
        // U+0085 is white space to Rust but not to JavaScript's \s.
        check("a\u{85}b", "a\u{85}b", "a\u{85}b");
    }
}
