//! Whether several ad entities' results are one count: one result type and one attribution
//! setting, compared by meaning rather than by the words each source used.
//!
//! A result type read from a Dutch page ("Klikken op link"), an English export ("Link
//! clicks") and an export's result indicator (`actions:link_click`) is one action: the ad
//! managers' rules give each its id ([`crate::page::result_type_key`]). Ids are compared
//! across platforms too (`link_clicks` on Meta and on X count the same action). Words the
//! rules do not know compare trimmed and case-insensitively. Attribution settings compare
//! by their windows ([`super::attribution`]). Notes name the user's own words, one wording
//! per meaning, in the UI language. Nothing here adds or divides.

use std::collections::{BTreeMap, BTreeSet};

use crate::campaign::attribution::{attribution_key, words};
use crate::campaign::words::{self as sentences, Note};
use crate::model::{Language, Platform};

/// What one entity's results were counted as.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ResultsOf<'a> {
    pub platform: Platform,
    pub result_type: Option<&'a str>,
    pub attribution: Option<&'a str>,
}

/// What a result type is compared by.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum ResultTypeKey {
    /// The id the ad managers' rules give it.
    Known(&'static str),
    /// Its words, trimmed and lower-case, when the rules do not know them.
    Words(String),
}

fn result_type_key(platform: Platform, text: &str) -> ResultTypeKey {
    match crate::page::result_type_key(platform, text) {
        Some(id) => ResultTypeKey::Known(id),
        None => ResultTypeKey::Words(words(text)),
    }
}

/// One wording per meaning, as the user's sources wrote it: for each meaning the plainest
/// wording (words before codes such as `actions:link_click`, then alphabetical).
fn wordings<K: Ord>(found: impl IntoIterator<Item = (K, String)>) -> BTreeMap<K, String> {
    let plain = |text: &str| (text.contains([':', '_']), text.to_owned());
    let mut chosen: BTreeMap<K, String> = BTreeMap::new();
    for (key, text) in found {
        let text = text.trim().to_owned();
        match chosen.get_mut(&key) {
            Some(kept) if plain(&text) < plain(kept) => *kept = text,
            Some(_) => {}
            None => {
                chosen.insert(key, text);
            }
        }
    }
    chosen
}

/// The one result type and attribution setting of several entities' results (in the
/// user's words), and a note (in `language`) saying why they are not one count when they
/// are not.
pub fn one_result_type(
    entities: &[ResultsOf],
    language: Language,
) -> (Option<String>, Option<String>, Option<String>) {
    // One wording per meaning, sorted for the notes.
    let sorted = |chosen: Vec<String>| -> Vec<String> {
        chosen
            .into_iter()
            .collect::<BTreeSet<String>>()
            .into_iter()
            .collect()
    };
    let kinds = sorted(
        wordings(entities.iter().filter_map(|e| {
            let text = e.result_type?;
            Some((result_type_key(e.platform, text), text.to_owned()))
        }))
        .into_values()
        .collect(),
    );
    let settings = sorted(
        wordings(entities.iter().filter_map(|e| {
            let text = e.attribution?;
            Some((attribution_key(text), text.to_owned()))
        }))
        .into_values()
        .collect(),
    );
    let unknown = entities.iter().any(|e| e.result_type.is_none());
    let note = if kinds.len() > 1 {
        Some(sentences::note(
            &Note::DifferentResultTypes { types: &kinds },
            language,
        ))
    } else if settings.len() > 1 {
        Some(sentences::note(
            &Note::DifferentAttribution {
                settings: &settings,
            },
            language,
        ))
    } else if unknown && entities.len() > 1 {
        Some(sentences::note(&Note::UnknownResultType, language))
    } else {
        None
    };
    let single = |chosen: Vec<String>| match <[String; 1]>::try_from(chosen) {
        Ok([one]) => Some(one),
        Err(_) => None,
    };
    (single(kinds), single(settings), note)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta<'a>(result_type: Option<&'a str>, attribution: Option<&'a str>) -> ResultsOf<'a> {
        ResultsOf {
            platform: Platform::Meta,
            result_type,
            attribution,
        }
    }

    fn check(
        entities: &[ResultsOf],
        language: Language,
        expected: (Option<&str>, Option<&str>, Option<&str>),
    ) {
        let (kind, setting, note) = one_result_type(entities, language);
        assert_eq!(
            (kind.as_deref(), setting.as_deref(), note.as_deref()),
            expected,
            "{entities:?}"
        );
    }

    #[test]
    fn results_are_one_count_by_meaning_not_by_wording() {
        let default = Some("7-day click or 1-day view");
        let dutch_default = Some("7 dagen na klikken of 1 dag na weergave");
        // A Dutch page's words and an export's indicator name one action; the words win.
        check(
            &[
                meta(Some("Klikken op link"), dutch_default),
                meta(Some("actions:link_click"), default),
            ],
            Language::En,
            (Some("Klikken op link"), dutch_default, None),
        );
        check(
            &[
                meta(Some("Link clicks"), None),
                meta(Some(" link CLICKS "), None),
            ],
            Language::En,
            (Some("Link clicks"), None, None),
        );
        // Words the rules do not know compare trimmed and case-insensitively.
        check(
            &[
                meta(Some("Messaging conversations started"), None),
                meta(Some("messaging conversations started "), None),
            ],
            Language::En,
            (Some("Messaging conversations started"), None, None),
        );
        check(
            &[
                meta(Some("actions:offsite_conversion.fb_pixel_purchase"), default),
                meta(Some("reach"), default),
            ],
            Language::En,
            (
                None,
                default,
                Some("results count different actions (actions:offsite_conversion.fb_pixel_purchase, reach), so they have no one cost per result"),
            ),
        );
        check(
            &[
                meta(Some("Leads"), Some("1-day click")),
                meta(Some("actions:lead"), default),
            ],
            Language::Nl,
            (
                Some("Leads"),
                None,
                Some("resultaten zijn geteld met verschillende attributie-instellingen (1-day click en 7-day click or 1-day view), dus ze worden niet opgeteld en er zijn geen kosten per resultaat"),
            ),
        );
        check(
            &[meta(Some("Leads"), None), meta(None, None)],
            Language::En,
            (
                Some("Leads"),
                None,
                Some("the result type of some ads is not known, so their results may count different actions"),
            ),
        );
        // Ids are shared across platforms: X's link clicks are the same action.
        let x = ResultsOf {
            platform: Platform::X,
            result_type: Some("Linkklikken"),
            attribution: None,
        };
        check(
            &[meta(Some("actions:link_click"), None), x],
            Language::En,
            (Some("Linkklikken"), None, None),
        );
    }
}
