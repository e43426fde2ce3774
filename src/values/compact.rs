//! Compact suffixes: `K`, `mln.`, `Mio.`, `Md`, `mil`… and the power of ten each one means in
//! each language, as the browsers' CLDR data and the platforms write them.
//!
//! The table is data: correct it here. The same suffix can mean different powers in
//! different languages (English `B` is 10⁹, Spanish `B` is 10¹², French `Bn` is 10¹²): the
//! language always decides, and it must never fall back to another language's meaning.

use crate::model::Language;

/// One suffix and what it means.
struct CompactSuffix {
    /// Lower case, without a trailing dot, spaces collapsed to one.
    key: &'static str,
    exponent: i32,
    /// The languages that write it; empty means every language.
    languages: &'static [Language],
}

const fn suffix(key: &'static str, exponent: i32, languages: &'static [Language]) -> CompactSuffix {
    CompactSuffix {
        key,
        exponent,
        languages,
    }
}

use Language::{De, En, Es, Fr, Nl};

const SUFFIXES: &[CompactSuffix] = &[
    // Understood in every language: `1.2K`, `9.9k`, `1,2 M`, YouTube's `2.2m`.
    suffix("k", 3, &[]),
    suffix("m", 6, &[]),
    // English: `1.2B`, British `bn`, `T` for trillion.
    suffix("b", 9, &[En]),
    suffix("bn", 9, &[En]),
    suffix("t", 12, &[En]),
    // Dutch: `1,2 mln.`, `2,5 mld.`, `bln.` (biljoen, 10¹²).
    suffix("mln", 6, &[Nl]),
    suffix("mld", 9, &[Nl]),
    suffix("bln", 12, &[Nl]),
    // German: `1,2 Tsd.`, `1,2 Mio.`, `2,5 Mrd.`, `Bio.` (Billion, 10¹²).
    suffix("tsd", 3, &[De]),
    suffix("mio", 6, &[De]),
    suffix("mrd", 9, &[De, Fr]),
    suffix("bio", 12, &[De]),
    // French: `1,2 k`, `1,2 M`, `2,5 Md`, `Bn` (billion, 10¹²).
    suffix("md", 9, &[Fr]),
    suffix("mds", 9, &[Fr]),
    suffix("bn", 12, &[Fr]),
    // Spanish: `1,2 mil` is a thousand, `1,2 mill.` (Meta) and `1,2 M` a million, `2500 M`
    // a billion written in millions, `25 mil M` 10⁹ in CLDR's long form, `B` (billón) 10¹².
    suffix("mil", 3, &[Es]),
    suffix("mill", 6, &[Es]),
    suffix("mil m", 9, &[Es]),
    suffix("b", 12, &[Es]),
];

/// The table key of a written suffix: lower case, spaces collapsed, one trailing dot off.
fn key_of(written: &str) -> String {
    let words: Vec<&str> = written.split_whitespace().collect();
    let joined = words.join(" ").to_lowercase();
    joined
        .strip_suffix('.')
        .map(str::to_owned)
        .unwrap_or(joined)
}

/// The power of ten `written` means in `language` (`"mln."` in Dutch → 6), if it is one.
pub(crate) fn exponent_of(written: &str, language: Language) -> Option<i32> {
    let key = key_of(written);
    SUFFIXES
        .iter()
        .find(|s| s.key == key && (s.languages.is_empty() || s.languages.contains(&language)))
        .map(|s| s.exponent)
}

/// One suffix per language and power, as the formatter writes compact values (CLDR's
/// short forms, spaces as the browsers write them).
pub(crate) fn display_suffix(language: Language, exponent: i32) -> Option<&'static str> {
    match (language, exponent) {
        (En, 3) => Some("K"),
        (En, 6) => Some("M"),
        (En, 9) => Some("B"),
        (Nl, 3) => Some("K"),
        (Nl, 6) => Some("\u{a0}mln."),
        (Nl, 9) => Some("\u{a0}mld."),
        (De, 6) => Some("\u{a0}Mio."),
        (De, 9) => Some("\u{a0}Mrd."),
        (Fr, 3) => Some("\u{a0}k"),
        (Fr, 6) => Some("\u{a0}M"),
        (Fr, 9) => Some("\u{a0}Md"),
        (Es, 3) => Some("\u{a0}mil"),
        (Es, 6) => Some("\u{a0}M"),
        (Es, 9) => Some("\u{a0}mil\u{a0}M"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_decides_what_a_suffix_means() {
        assert_eq!(exponent_of("K", Nl), Some(3));
        assert_eq!(exponent_of("mln.", Nl), Some(6));
        assert_eq!(exponent_of("Mio.", De), Some(6));
        assert_eq!(exponent_of("Mio.", Nl), None);
        assert_eq!(exponent_of("B", En), Some(9));
        assert_eq!(exponent_of("B", Es), Some(12));
        assert_eq!(exponent_of("Bn", Fr), Some(12));
        assert_eq!(exponent_of("mil\u{a0}M", Es), Some(9));
        assert_eq!(exponent_of("mil", En), None);
    }

    #[test]
    fn every_display_suffix_reads_back() {
        for language in Language::ALL {
            for exponent in [3, 6, 9] {
                if let Some(written) = display_suffix(language, exponent) {
                    assert_eq!(
                        exponent_of(written, language),
                        Some(exponent),
                        "{written:?}"
                    );
                }
            }
        }
    }
}
