//! What a source said about a post or an ad entity besides its numbers: the post's text,
//! the links it points to, its own address and publication day, and for ad manager
//! entities the result type, the attribution setting and the campaign they belong to.
//!
//! Observations keep only a short `name` per post; campaigns match content by hashtag,
//! keyword, link or UTM parameter in the full text and links, and count an ad's results
//! only under the result type and attribution setting they were counted with. A
//! [`ContentRecord`] carries those details, one per entity (platform, account, scope, id),
//! beside the observations from the same reading. Records are merged field by field: what
//! a newer reading says replaces what an older one said; what it does not say is kept.
//!
//! This module is model-level: no store, no pages, no files. Records come from untrusted
//! sources, so [`ContentRecord::cleaned`] trims, caps and checks them before anything
//! keeps them.

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Platform, Scope, Source};

/// The most characters of post text kept (X's long posts reach 25,000).
pub const MAX_TEXT_CHARS: usize = 25_000;
/// The most links kept per entity.
pub const MAX_LINKS: usize = 20;
/// The most characters kept of a link, a name or a setting.
pub const MAX_SHORT_CHARS: usize = 2_000;

/// One post's or ad entity's details, as one source gave them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContentRecord {
    pub platform: Platform,
    /// The account as the observations of the same reading name it; empty where the
    /// source names none (a YouTube video page, a Meta post page), exactly as they do.
    pub account: String,
    /// `post`, or the ad entity's level (`campaign`, `ad_set`, `ad`).
    pub scope: Scope,
    /// The post id, or the ad entity's id (its name where the source gives no id), exactly
    /// as the observations' `post_id`.
    pub id: String,
    /// The post's full text, or an ad's primary text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Links the post or ad points to (a link preview, a call-to-action URL), absolute.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// The post's own address on the platform (its permalink), when known. Never used to
    /// match a campaign's link rules: every post has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    /// The day the post was published, in the platform's reporting time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// The ad manager's result type, in the platform's words (`Link clicks`, `Leads`), or
    /// Meta's result indicator (`actions:offsite_conversion.fb_pixel_purchase`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_type: Option<String>,
    /// The attribution setting results were counted under (`7-day click or 1-day view`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// For an ad set, an ad or a sponsored post: its campaign's name in the ad manager.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_name: Option<String>,
    /// For an ad set or an ad: its campaign's id in the ad manager.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_id: Option<String>,
    /// Where and when this was read; `label` and `raw` name the column or element the text
    /// came from, when one did.
    pub source: Source,
}

/// What identifies the entity a record describes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContentKey {
    pub platform: Platform,
    pub account: String,
    pub scope: Scope,
    pub id: String,
}

/// Why a record cannot be kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidRecord {
    #[error("a content record from {location} has no {field}: every record names the post or ad it describes")]
    Missing {
        field: &'static str,
        location: String,
    },
    #[error("a content record for {id} from {location} says nothing besides its id")]
    Empty { id: String, location: String },
}

impl ContentRecord {
    /// An empty record for one entity, to fill in.
    pub fn new(
        platform: Platform,
        account: impl Into<String>,
        scope: Scope,
        id: impl Into<String>,
        source: Source,
    ) -> ContentRecord {
        ContentRecord {
            platform,
            account: account.into(),
            scope,
            id: id.into(),
            text: None,
            links: Vec::new(),
            permalink: None,
            published: None,
            result_type: None,
            attribution: None,
            campaign_name: None,
            campaign_id: None,
            source,
        }
    }

    /// The entity this record describes.
    pub fn key(&self) -> ContentKey {
        ContentKey {
            platform: self.platform,
            account: self.account.clone(),
            scope: self.scope,
            id: self.id.clone(),
        }
    }

    /// True when the record says anything besides its id.
    pub fn says_anything(&self) -> bool {
        self.text.is_some()
            || !self.links.is_empty()
            || self.permalink.is_some()
            || self.published.is_some()
            || self.result_type.is_some()
            || self.attribution.is_some()
            || self.campaign_name.is_some()
            || self.campaign_id.is_some()
    }

    /// The record trimmed and capped as the store keeps it: blank texts become none,
    /// texts longer than [`MAX_TEXT_CHARS`] are cut at a character boundary, links must be
    /// absolute `http(s)` addresses (others are dropped), duplicates go, at most
    /// [`MAX_LINKS`] stay. Refused when it names no id, or says nothing. An empty account
    /// is kept: observations of pages that name no account have one too, and the record
    /// must join them.
    pub fn cleaned(mut self) -> Result<ContentRecord, InvalidRecord> {
        let location = self.source.location.clone();
        self.account = self.account.trim().to_owned();
        self.id = self.id.trim().to_owned();
        if self.id.is_empty() {
            return Err(InvalidRecord::Missing {
                field: "id",
                location,
            });
        }
        self.text = clean_text(self.text.take(), MAX_TEXT_CHARS);
        self.permalink =
            clean_text(self.permalink.take(), MAX_SHORT_CHARS).filter(|l| is_web_link(l));
        self.result_type = clean_text(self.result_type.take(), MAX_SHORT_CHARS);
        self.attribution = clean_text(self.attribution.take(), MAX_SHORT_CHARS);
        self.campaign_name = clean_text(self.campaign_name.take(), MAX_SHORT_CHARS);
        self.campaign_id = clean_text(self.campaign_id.take(), MAX_SHORT_CHARS);
        let mut links: Vec<String> = Vec::new();
        for link in std::mem::take(&mut self.links) {
            let Some(link) = clean_text(Some(link), MAX_SHORT_CHARS) else {
                continue;
            };
            if is_web_link(&link) && !links.contains(&link) && links.len() < MAX_LINKS {
                links.push(link);
            }
        }
        self.links = links;
        if !self.says_anything() {
            return Err(InvalidRecord::Empty {
                id: self.id,
                location,
            });
        }
        Ok(self)
    }

    /// Merges another reading of the same entity into this one: the newer reading's
    /// details replace the older's where it has them; what it lacks is kept. One exception:
    /// a text that is a preview of the other (a list's cut-off title, `We're hiring…`)
    /// never replaces the full text, whichever is newer. Merging is
    /// order-independent: the same two readings give the same record whichever comes
    /// first. Returns false (and changes nothing) when the two describe different
    /// entities.
    pub fn absorb(&mut self, other: ContentRecord) -> bool {
        if self.key() != other.key() {
            return false;
        }
        let (mut newer, older) = match compare_readings(self, &other) {
            Ordering::Less => (other, std::mem::replace(self, placeholder())),
            _ => (std::mem::replace(self, placeholder()), other),
        };
        newer.text = match (newer.text, older.text) {
            (Some(new), Some(old)) if is_preview_of(&new, &old) => Some(old),
            (new, old) => new.or(old),
        };
        if newer.links.is_empty() {
            newer.links = older.links;
        }
        newer.permalink = newer.permalink.or(older.permalink);
        newer.published = newer.published.or(older.published);
        newer.result_type = newer.result_type.or(older.result_type);
        newer.attribution = newer.attribution.or(older.attribution);
        newer.campaign_name = newer.campaign_name.or(older.campaign_name);
        newer.campaign_id = newer.campaign_id.or(older.campaign_id);
        *self = newer;
        true
    }
}

/// Orders two readings of one entity: by time read, then by where, then by content, so
/// that equal times still give one answer whatever the order of arrival.
pub fn compare_readings(a: &ContentRecord, b: &ContentRecord) -> Ordering {
    a.source
        .read_at
        .cmp(&b.source.read_at)
        .then_with(|| a.source.location.cmp(&b.source.location))
        .then_with(|| a.text.cmp(&b.text))
        .then_with(|| a.links.cmp(&b.links))
        .then_with(|| a.result_type.cmp(&b.result_type))
        .then_with(|| a.attribution.cmp(&b.attribution))
        .then_with(|| a.campaign_name.cmp(&b.campaign_name))
        .then_with(|| a.campaign_id.cmp(&b.campaign_id))
        .then_with(|| a.permalink.cmp(&b.permalink))
        .then_with(|| a.published.cmp(&b.published))
}

/// True when `short` is `long` cut off: a strict prefix of it once a trailing ellipsis
/// (`…` or `...`) and spaces are taken away.
pub fn is_preview_of(short: &str, long: &str) -> bool {
    let stem = short.trim_end().trim_end_matches(['…', '.']).trim_end();
    !stem.is_empty() && stem.len() < long.trim_end().len() && long.starts_with(stem)
}

/// A record taking the place of one being merged, never seen outside [`ContentRecord::absorb`].
fn placeholder() -> ContentRecord {
    ContentRecord::new(
        Platform::X,
        String::new(),
        Scope::Post,
        String::new(),
        Source {
            kind: crate::model::SourceKind::Page,
            location: String::new(),
            label: String::new(),
            raw: String::new(),
            read_at: chrono::DateTime::<chrono::Utc>::MIN_UTC,
            locale: None,
        },
    )
}

/// Trims a text; blank becomes none; longer than `max` characters is cut.
fn clean_text(text: Option<String>, max: usize) -> Option<String> {
    let text = text?;
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    let kept = match trimmed.char_indices().nth(max) {
        Some((cut, _)) => trimmed.get(..cut).unwrap_or(trimmed).trim_end(),
        None => trimmed,
    };
    Some(kept.to_owned())
}

/// True for an absolute `http://` or `https://` address with a host.
fn is_web_link(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !link.chars().any(char::is_whitespace)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceKind;
    use chrono::{TimeZone, Utc};

    fn source(location: &str, hour: u32) -> Source {
        Source {
            kind: SourceKind::Export,
            location: location.to_owned(),
            label: "Tweet text".to_owned(),
            raw: String::new(),
            read_at: Utc.with_ymd_and_hms(2026, 3, 2, hour, 0, 0).unwrap(),
            locale: None,
        }
    }

    fn post(text: Option<&str>, links: &[&str], hour: u32) -> ContentRecord {
        let mut record = ContentRecord::new(
            Platform::X,
            "acme",
            Scope::Post,
            "1893641234567890123",
            source(&format!("export-{hour}.csv"), hour),
        );
        record.text = text.map(str::to_owned);
        record.links = links.iter().map(|l| (*l).to_owned()).collect();
        record
    }

    #[test]
    fn cleaning_trims_drops_bad_links_and_refuses_empty_records() {
        let record = post(
            Some("  Open day on 12 March #OpenDay2027  "),
            &[
                "https://acme.nl/open-dag?utm_campaign=openday",
                "javascript:alert(1)",
                "https://acme.nl/open-dag?utm_campaign=openday",
                "acme.nl/no-scheme",
                " ",
            ],
            9,
        )
        .cleaned()
        .unwrap();
        assert_eq!(
            record.text.as_deref(),
            Some("Open day on 12 March #OpenDay2027")
        );
        assert_eq!(
            record.links,
            vec!["https://acme.nl/open-dag?utm_campaign=openday"]
        );

        let empty = post(Some("   "), &["ftp://acme.nl/x"], 9).cleaned();
        assert!(
            matches!(empty, Err(InvalidRecord::Empty { .. })),
            "{empty:?}"
        );
        let mut no_id = post(Some("text"), &[], 9);
        no_id.id = " ".into();
        assert!(matches!(
            no_id.cleaned(),
            Err(InvalidRecord::Missing { field: "id", .. })
        ));
    }

    #[test]
    fn cleaning_caps_long_text_at_a_character_boundary() {
        let long = "é".repeat(MAX_TEXT_CHARS + 10);
        let record = post(Some(&long), &[], 9).cleaned().unwrap();
        assert_eq!(record.text.unwrap().chars().count(), MAX_TEXT_CHARS);
    }

    #[test]
    fn newer_details_win_and_missing_ones_are_kept_in_any_order() {
        let older = post(Some("Draft text #OpenDay"), &["https://acme.nl/a"], 8);
        let mut newer = post(Some("Final text #OpenDay2027"), &[], 10);
        newer.attribution = Some("7-day click or 1-day view".into());

        let mut one = older.clone();
        assert!(one.absorb(newer.clone()));
        let mut other = newer.clone();
        assert!(other.absorb(older.clone()));
        assert_eq!(one, other);
        assert_eq!(one.text.as_deref(), Some("Final text #OpenDay2027"));
        assert_eq!(one.links, vec!["https://acme.nl/a"]);
        assert_eq!(
            one.attribution.as_deref(),
            Some("7-day click or 1-day view")
        );
        assert_eq!(one.source.location, "export-10.csv");
    }

    #[test]
    fn a_cut_off_title_never_replaces_the_full_text() {
        let full = "We're hiring in Rotterdam: join our data team #Vacature https://acme.nl/jobs";
        let export = post(Some(full), &[], 8);
        let list_row = post(Some("We're hiring in Rotterdam…"), &[], 10);
        for (first, second) in [(&export, &list_row), (&list_row, &export)] {
            let mut merged = first.clone();
            merged.absorb(second.clone());
            assert_eq!(merged.text.as_deref(), Some(full));
            assert_eq!(merged.source.location, "export-10.csv");
        }
        // An edited post whose new text merely starts the same way is not a preview.
        let mut edited = post(Some("We're hiring in Rotterdam and Delft"), &[], 10);
        edited.absorb(export.clone());
        assert_eq!(
            edited.text.as_deref(),
            Some("We're hiring in Rotterdam and Delft")
        );
    }

    #[test]
    fn a_record_without_an_account_joins_pages_that_name_none() {
        let mut record = post(Some("Launch video"), &[], 9);
        record.account = String::new();
        assert_eq!(record.cleaned().unwrap().account, "");
    }

    #[test]
    fn records_of_different_entities_are_not_merged() {
        let mut a = post(Some("a"), &[], 8);
        let mut b = post(Some("b"), &[], 9);
        b.id = "2".into();
        assert!(!a.absorb(b));
        assert_eq!(a.text.as_deref(), Some("a"));
    }
}
