//! Currency marks around an amount: symbols (`€`, `US$`, `£`) and ISO 4217 codes (`EUR 12`,
//! `12 USD`), before or after the number.
//!
//! It only recognises the mark and names the code; it must not read the number. A bare `$`
//! or `¥` names no code: `$` is the US, Canadian, Australian… dollar depending on the
//! locale, so the caller (which knows the account or the column header) must supply it.

/// Symbols and the code each names, longest first so `US$` wins over `$`.
const SYMBOLS: &[(&str, Option<&str>)] = &[
    ("US$", Some("USD")),
    ("CA$", Some("CAD")),
    ("AU$", Some("AUD")),
    ("NZ$", Some("NZD")),
    ("HK$", Some("HKD")),
    ("MX$", Some("MXN")),
    ("A$", Some("AUD")),
    ("R$", Some("BRL")),
    ("€", Some("EUR")),
    ("£", Some("GBP")),
    ("₹", Some("INR")),
    ("₩", Some("KRW")),
    ("₺", Some("TRY")),
    ("zł", Some("PLN")),
    ("$", None),
    ("¥", None),
];

/// ISO 4217 codes the ad platforms bill in, recognised when written beside an amount.
const CODES: &[&str] = &[
    "AED", "ARS", "AUD", "BGN", "BRL", "CAD", "CHF", "CLP", "CNY", "COP", "CZK", "DKK", "EGP",
    "EUR", "GBP", "HKD", "HUF", "IDR", "ILS", "INR", "JPY", "KRW", "MXN", "MYR", "NGN", "NOK",
    "NZD", "PEN", "PHP", "PLN", "RON", "RUB", "SAR", "SEK", "SGD", "THB", "TRY", "TWD", "UAH",
    "USD", "VND", "ZAR",
];

/// A currency mark found in a text: the ISO code it names, if it names one.
pub(crate) type CurrencyMark = Option<&'static str>;

/// The code a 3-letter word names, when it is a known ISO code.
fn known_code(word: &str) -> Option<&'static str> {
    CODES.iter().copied().find(|code| *code == word)
}

/// Splits a leading currency mark off (`€ 1.234,56` → `EUR`, `1.234,56`).
pub(crate) fn strip_prefix(text: &str) -> Option<(CurrencyMark, &str)> {
    for (symbol, code) in SYMBOLS {
        if let Some(rest) = text.strip_prefix(symbol) {
            return Some((*code, rest.trim_start()));
        }
    }
    let word = text.get(..3)?;
    let rest = text.get(3..)?;
    if rest.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    known_code(word).map(|code| (Some(code), rest.trim_start()))
}

/// Splits a trailing currency mark off (`1 234,56 €` → `EUR`, `1 234,56`).
pub(crate) fn strip_suffix(text: &str) -> Option<(CurrencyMark, &str)> {
    for (symbol, code) in SYMBOLS {
        if let Some(rest) = text.strip_suffix(symbol) {
            return Some((*code, rest.trim_end()));
        }
    }
    let split = text.len().checked_sub(3)?;
    let word = text.get(split..)?;
    let rest = text.get(..split)?;
    if rest.chars().next_back().is_some_and(char::is_alphabetic) {
        return None;
    }
    known_code(word).map(|code| (Some(code), rest.trim_end()))
}

/// The symbol the formatter writes for a code, when one is unambiguous.
pub(crate) fn display_symbol(code: &str) -> Option<&'static str> {
    SYMBOLS
        .iter()
        .find(|(_, named)| *named == Some(code))
        .map(|(symbol, _)| *symbol)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_suffixes() {
        assert_eq!(strip_prefix("€ 1.234,56"), Some((Some("EUR"), "1.234,56")));
        assert_eq!(
            strip_prefix("US$123,456.00"),
            Some((Some("USD"), "123,456.00"))
        );
        assert_eq!(strip_prefix("$1,234.56"), Some((None, "1,234.56")));
        assert_eq!(strip_prefix("EUR 12"), Some((Some("EUR"), "12")));
        assert_eq!(strip_prefix("EURO 12"), None);
        assert_eq!(
            strip_suffix("12.345.678,00\u{a0}US$"),
            Some((Some("USD"), "12.345.678,00"))
        );
        assert_eq!(strip_suffix("12 USD"), Some((Some("USD"), "12")));
        assert_eq!(strip_suffix("12 XUSD"), None);
        assert_eq!(strip_suffix("1,2K"), None);
    }

    #[test]
    fn display_symbols_name_their_code() {
        assert_eq!(display_symbol("EUR"), Some("€"));
        assert_eq!(display_symbol("USD"), Some("US$"));
        assert_eq!(display_symbol("CHF"), None);
    }
}
