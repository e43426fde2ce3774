//! The content a campaign can count: every post and ad entity the store holds figures for
//! within the campaign's dates, with the text, links and ad details sources gave beside
//! the numbers.
//!
//! Those details come from the store's content records ([`Store::content_for`]), one per
//! entity, and from [`ContentInfo`] given by hand (the CLI's `--content`), which wins field
//! by field. A record's permalink never reaches the rules: every post has one, so it says
//! nothing about which campaign a post belongs to.
//!
//! Figures come from the store's per-post tables ([`Store::posts`]), so the store's rules
//! hold: no day counted twice, a range reading reaching outside the campaign's dates is
//! never cut down to them, a post's lifetime total counts as of its reading. A post's
//! organic and paid splits are kept apart by distribution. Nothing here decides what
//! belongs to the campaign (see [`super::matching`]).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::campaign::plan::CampaignPlan;
use crate::content::{ContentKey, ContentRecord};
use crate::model::{Distribution, Metric, Platform, Scope};
use crate::store::{self, PlatformSet, PostFilter, QueryError, Store, Total};

/// What the campaign knows about a post or ad entity besides its numbers: the full post
/// text and links (observations keep only a short `name`), its publication day, and for ad
/// entities the result type, attribution setting and parent campaign.
///
/// It is both the shape of details given by hand (a `--content` file, where platform,
/// account and scope may be left out to name an entity by id alone) and the details one
/// entity ends up with. The store's [`ContentRecord`] converts into it
/// ([`ContentInfo::from`]): a record is keyed exactly and carries where it was read, which
/// the campaign does not need; its permalink is left behind on purpose.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContentInfo {
    pub platform: Option<Platform>,
    /// Only the entity of this account, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// Only the entity of this scope, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// The post id, or the ad entity's id (its name where the export gives no id).
    pub id: String,
    /// The post's full text (or the ad's primary text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Links the post or ad points to (a link preview, a call-to-action URL).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// The day the post was published, when a source said so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// The ad manager's result type (`Link clicks`, `Purchases`, or Meta's result indicator
    /// `actions:offsite_conversion.fb_pixel_purchase`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_type: Option<String>,
    /// The attribution setting results were counted under (`7-day click or 1-day view`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// For an ad set or ad: its campaign's name in the ad manager.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_name: Option<String>,
    /// For an ad set or ad: its campaign's id in the ad manager.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_id: Option<String>,
}

impl From<&ContentRecord> for ContentInfo {
    fn from(record: &ContentRecord) -> ContentInfo {
        ContentInfo {
            platform: Some(record.platform),
            account: Some(record.account.clone()),
            scope: Some(record.scope),
            id: record.id.clone(),
            text: record.text.clone(),
            links: record.links.clone(),
            published: record.published,
            result_type: record.result_type.clone(),
            attribution: record.attribution.clone(),
            campaign_name: record.campaign_name.clone(),
            campaign_id: record.campaign_id.clone(),
        }
    }
}

impl ContentInfo {
    /// These details over `stored` ones: each field given here wins, each missing one is
    /// taken from `stored`.
    pub fn over(self, stored: ContentInfo) -> ContentInfo {
        ContentInfo {
            platform: self.platform.or(stored.platform),
            account: self.account.or(stored.account),
            scope: self.scope.or(stored.scope),
            id: if self.id.is_empty() {
                stored.id
            } else {
                self.id
            },
            text: self.text.or(stored.text),
            links: if self.links.is_empty() {
                stored.links
            } else {
                self.links
            },
            published: self.published.or(stored.published),
            result_type: self.result_type.or(stored.result_type),
            attribution: self.attribution.or(stored.attribution),
            campaign_name: self.campaign_name.or(stored.campaign_name),
            campaign_id: self.campaign_id.or(stored.campaign_id),
        }
    }
}

/// The details of one entity: those given by hand over the store's record.
pub fn details(
    store: &Store,
    given: &[ContentInfo],
    platform: Platform,
    account: &str,
    scope: Scope,
    id: &str,
) -> ContentInfo {
    let key = ContentKey {
        platform,
        account: account.to_owned(),
        scope,
        id: id.to_owned(),
    };
    let stored = store
        .content_for(&key)
        .map(ContentInfo::from)
        .unwrap_or_default();
    find_info(given, platform, account, scope, id).over(stored)
}

/// One post or ad entity with its figures over the campaign's dates.
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    pub platform: Platform,
    pub account: String,
    pub scope: Scope,
    /// The post id, or the ad entity's id (its name where the export gives no id).
    pub id: String,
    /// The post's title or the ad entity's name.
    pub name: Option<String>,
    /// Its publication day when a source said so, else the earliest day stored for it.
    pub first_day: NaiveDate,
    /// What sources said besides the numbers, when anything.
    pub info: ContentInfo,
    /// Figures over the campaign's dates, per distribution (a post may have organic and
    /// paid splits besides its total; ad entities are paid).
    pub figures: BTreeMap<Distribution, BTreeMap<Metric, Total>>,
}

impl Content {
    /// True for ad manager entities (campaigns, ad sets, ads).
    pub fn is_paid(&self) -> bool {
        self.scope.is_ad()
    }

    /// The text rules read: the full text when a source gave it, else the short name.
    pub fn text(&self) -> Option<&str> {
        self.info.text.as_deref().or(self.name.as_deref())
    }
}

/// The content of the plan's platforms and accounts with figures within its dates: posts
/// when it counts organic content, ad entities when it counts paid content; each with the
/// details of the store's content record, overridden field by field by `info` given by
/// hand.
pub fn gather(
    store: &Store,
    plan: &CampaignPlan,
    info: &[ContentInfo],
) -> Result<Vec<Content>, QueryError> {
    let range = store::DateRange::new(plan.dates.start(), plan.dates.end())?;
    let mut scopes = Vec::new();
    if plan.delivery.counts_organic() {
        scopes.push(Scope::Post);
    }
    if plan.delivery.counts_paid() {
        scopes.extend([Scope::Campaign, Scope::AdSet, Scope::Ad]);
    }
    let mut found: BTreeMap<(Platform, String, Scope, String), Content> = BTreeMap::new();
    for platform in &plan.platforms {
        let accounts: Vec<Option<String>> = match plan.accounts.get(platform) {
            Some(list) => list.iter().cloned().map(Some).collect(),
            None => vec![None],
        };
        for account in &accounts {
            for scope in &scopes {
                for distribution in [
                    Distribution::Total,
                    Distribution::Organic,
                    Distribution::Paid,
                ] {
                    let filter = PostFilter {
                        platforms: PlatformSet::One(*platform),
                        account: account.clone(),
                        scope: *scope,
                        distribution,
                    };
                    for row in store.posts(&filter, range)? {
                        let key = (
                            row.platform,
                            row.account.clone(),
                            row.scope,
                            row.post_id.clone(),
                        );
                        let content = found.entry(key).or_insert_with(|| Content {
                            platform: row.platform,
                            account: row.account.clone(),
                            scope: row.scope,
                            id: row.post_id.clone(),
                            name: None,
                            first_day: row.first_day,
                            info: details(
                                store,
                                info,
                                row.platform,
                                &row.account,
                                row.scope,
                                &row.post_id,
                            ),
                            figures: BTreeMap::new(),
                        });
                        content.first_day = content.first_day.min(row.first_day);
                        if content.name.is_none() {
                            content.name = row.name.clone();
                        }
                        content.figures.insert(distribution, row.metrics);
                    }
                }
            }
        }
    }
    for content in found.values_mut() {
        if let Some(published) = content.info.published {
            content.first_day = published;
        }
        if content.name.is_none() {
            content.name = content.info.text.as_deref().map(short_name);
        }
    }
    Ok(found.into_values().collect())
}

/// A post's text cut to a name: one line, at most 80 characters.
fn short_name(text: &str) -> String {
    const MAX_CHARS: usize = 80;
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX_CHARS {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(MAX_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// The information given for an entity, merged from every entry that names it.
pub fn find_info(
    info: &[ContentInfo],
    platform: Platform,
    account: &str,
    scope: Scope,
    id: &str,
) -> ContentInfo {
    let mut merged = ContentInfo::default();
    let entries = info.iter().filter(|entry| {
        entry.id.trim() == id
            && entry.platform.is_none_or(|p| p == platform)
            && entry.account.as_deref().is_none_or(|a| a == account)
            && entry.scope.is_none_or(|s| s == scope)
    });
    for entry in entries {
        merged.platform = Some(platform);
        merged.id = id.to_owned();
        merged.account = merged.account.or(entry.account.clone());
        merged.scope = merged.scope.or(entry.scope);
        merged.text = merged.text.or(entry.text.clone());
        merged.links.extend(entry.links.iter().cloned());
        merged.published = merged.published.or(entry.published);
        merged.result_type = merged.result_type.or(entry.result_type.clone());
        merged.attribution = merged.attribution.or(entry.attribution.clone());
        merged.campaign_name = merged.campaign_name.or(entry.campaign_name.clone());
        merged.campaign_id = merged.campaign_id.or(entry.campaign_id.clone());
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn information_is_found_by_platform_id_and_optional_account() {
        let info = vec![
            ContentInfo {
                platform: Some(Platform::X),
                id: "1897".into(),
                text: Some("See you at the #OpenDay2027".into()),
                ..ContentInfo::default()
            },
            ContentInfo {
                platform: Some(Platform::X),
                account: Some("acme".into()),
                id: "1897".into(),
                links: vec!["https://acme.nl/open-day".into()],
                ..ContentInfo::default()
            },
            ContentInfo {
                platform: Some(Platform::LinkedIn),
                id: "1897".into(),
                text: Some("another platform".into()),
                ..ContentInfo::default()
            },
        ];
        let found = find_info(&info, Platform::X, "acme", Scope::Post, "1897");
        assert_eq!(found.text.as_deref(), Some("See you at the #OpenDay2027"));
        assert_eq!(found.links, vec!["https://acme.nl/open-day".to_owned()]);
        let other_account = find_info(&info, Platform::X, "other", Scope::Post, "1897");
        assert!(other_account.links.is_empty());
        assert_eq!(
            find_info(&info, Platform::X, "acme", Scope::Post, "2000"),
            ContentInfo::default()
        );
    }
}
