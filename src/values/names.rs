//! Calendar words in English, Dutch, German, French and Spanish: month and weekday names,
//! full and abbreviated, as the platforms and the browsers' CLDR data write them.
//!
//! The tables are data: correct them here. No month name means different months in
//! different languages, so the tables need no language. One abbreviation is both a month
//! and a weekday (`mar`: March, and Tuesday in French and Spanish); the date reader settles
//! that by position. Lookups take a lower-case word without its trailing dot.

use chrono::Weekday;

/// Month words and their number.
const MONTHS: &[(&str, u32)] = &[
    ("jan", 1),
    ("january", 1),
    ("januari", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janv", 1),
    ("janvier", 1),
    ("ene", 1),
    ("enero", 1),
    ("feb", 2),
    ("february", 2),
    ("februari", 2),
    ("februar", 2),
    ("févr", 2),
    ("fevr", 2),
    ("fév", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("mar", 3),
    ("march", 3),
    ("maart", 3),
    ("mrt", 3),
    ("mär", 3),
    ("märz", 3),
    ("mrz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("apr", 4),
    ("april", 4),
    ("avr", 4),
    ("avril", 4),
    ("abr", 4),
    ("abril", 4),
    ("may", 5),
    ("mei", 5),
    ("mai", 5),
    ("mayo", 5),
    ("jun", 6),
    ("june", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("jul", 7),
    ("july", 7),
    ("juli", 7),
    ("juil", 7),
    ("juillet", 7),
    ("julio", 7),
    ("aug", 8),
    ("august", 8),
    ("augustus", 8),
    ("août", 8),
    ("aout", 8),
    ("ago", 8),
    ("agosto", 8),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("set", 9),
    ("setiembre", 9),
    ("oct", 10),
    ("october", 10),
    ("okt", 10),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("nov", 11),
    ("november", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("dec", 12),
    ("december", 12),
    ("dez", 12),
    ("dezember", 12),
    ("déc", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("dic", 12),
    ("diciembre", 12),
];

/// Weekday words.
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("mon", Weekday::Mon),
    ("monday", Weekday::Mon),
    ("ma", Weekday::Mon),
    ("maandag", Weekday::Mon),
    ("mo", Weekday::Mon),
    ("montag", Weekday::Mon),
    ("lun", Weekday::Mon),
    ("lundi", Weekday::Mon),
    ("lunes", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("tuesday", Weekday::Tue),
    ("di", Weekday::Tue),
    ("dinsdag", Weekday::Tue),
    ("dienstag", Weekday::Tue),
    ("mar", Weekday::Tue),
    ("mardi", Weekday::Tue),
    ("martes", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("wednesday", Weekday::Wed),
    ("wo", Weekday::Wed),
    ("woensdag", Weekday::Wed),
    ("mi", Weekday::Wed),
    ("mittwoch", Weekday::Wed),
    ("mer", Weekday::Wed),
    ("mercredi", Weekday::Wed),
    ("mié", Weekday::Wed),
    ("mie", Weekday::Wed),
    ("miércoles", Weekday::Wed),
    ("miercoles", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("thursday", Weekday::Thu),
    ("do", Weekday::Thu),
    ("donderdag", Weekday::Thu),
    ("donnerstag", Weekday::Thu),
    ("jeu", Weekday::Thu),
    ("jeudi", Weekday::Thu),
    ("jue", Weekday::Thu),
    ("jueves", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("friday", Weekday::Fri),
    ("vr", Weekday::Fri),
    ("vrijdag", Weekday::Fri),
    ("fr", Weekday::Fri),
    ("freitag", Weekday::Fri),
    ("ven", Weekday::Fri),
    ("vendredi", Weekday::Fri),
    ("vie", Weekday::Fri),
    ("viernes", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("saturday", Weekday::Sat),
    ("za", Weekday::Sat),
    ("zaterdag", Weekday::Sat),
    ("sa", Weekday::Sat),
    ("samstag", Weekday::Sat),
    ("sonnabend", Weekday::Sat),
    ("sam", Weekday::Sat),
    ("samedi", Weekday::Sat),
    ("sáb", Weekday::Sat),
    ("sab", Weekday::Sat),
    ("sábado", Weekday::Sat),
    ("sabado", Weekday::Sat),
    ("sun", Weekday::Sun),
    ("sunday", Weekday::Sun),
    ("zo", Weekday::Sun),
    ("zondag", Weekday::Sun),
    ("so", Weekday::Sun),
    ("sonntag", Weekday::Sun),
    ("dim", Weekday::Sun),
    ("dimanche", Weekday::Sun),
    ("dom", Weekday::Sun),
    ("domingo", Weekday::Sun),
];

/// The month a word names (`okt` → 10).
pub(crate) fn month_number(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, month)| *month)
}

/// The weekday a word names (`sat` → Saturday).
pub(crate) fn weekday(word: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, day)| *day)
}

/// Short month names as the formatter writes them (CLDR's abbreviated format forms).
pub(crate) fn short_month(language: crate::model::Language, month: u32) -> Option<&'static str> {
    use crate::model::Language::{De, En, Es, Fr, Nl};
    let names: [&str; 12] = match language {
        En => [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ],
        Nl => [
            "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
        ],
        De => [
            "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.",
            "Dez.",
        ],
        Fr => [
            "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
            "nov.", "déc.",
        ],
        Es => [
            "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
        ],
    };
    names
        .get(usize::try_from(month).ok()?.checked_sub(1)?)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn every_month_word_names_one_month() {
        let mut seen = std::collections::HashMap::new();
        for (name, month) in MONTHS {
            assert_eq!(*seen.entry(*name).or_insert(*month), *month, "{name}");
        }
        assert_eq!(month_number("okt"), Some(10));
        assert_eq!(month_number("märz"), Some(3));
        assert_eq!(weekday("sat"), Some(Weekday::Sat));
    }

    #[test]
    fn short_names_read_back() {
        for language in Language::ALL {
            for month in 1..=12 {
                let name = short_month(language, month).unwrap().to_lowercase();
                let key = name.strip_suffix('.').unwrap_or(&name);
                assert_eq!(month_number(key), Some(month), "{language:?} {name}");
            }
        }
    }
}
