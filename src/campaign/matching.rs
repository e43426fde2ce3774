//! Which content belongs to a campaign, and why.
//!
//! A post belongs when it was published within the campaign's dates and any text rule
//! matches its text or links (hashtag, keyword, link, UTM parameters); an ad manager
//! entity belongs when any ad rule matches its name or id (or its campaign's, when a
//! source said which campaign it is in). Hand-picked items belong whatever the rules say;
//! excluded items never do, and are listed with the rules they would have matched, so the
//! user sees what was left out. Every item carries the reasons it matched. Nothing here
//! adds figures.

use serde::Serialize;

use crate::campaign::content::Content;
use crate::campaign::plan::{AdLevel, CampaignPlan, Rule};
use crate::campaign::{text, words};
use crate::model::{Language, Platform, Scope};

/// What kind of rule (or pick) made an item belong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonKind {
    /// Picked by hand in the campaign's `include`.
    Picked,
    Hashtag,
    Keyword,
    Link,
    Utm,
    AdName,
    AdId,
}

/// One reason an item belongs to the campaign: which rule, its value, and what it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The rule's position in the campaign's `match` list; none for a hand-picked item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<usize>,
    pub kind: ReasonKind,
    /// The rule's value: the hashtag without `#`, the words, the address, the UTM
    /// parameters (`utm_campaign=openday27`), the ad name or id; empty for a pick.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub value: String,
    /// For ad rules: the only level the rule looks at.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<AdLevel>,
    /// For ad name rules: the name is matched as a part.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub contains: bool,
    /// True when an ad set or ad matched through its campaign's name or id (the evidence is
    /// then the campaign's name or id).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub via_campaign: bool,
    /// What matched: a piece of the text, the link, the name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// The rule in words, in the language the view was made in (see
    /// [`words::reason_text`]).
    pub because: String,
}

impl Reason {
    /// The reason a rule gives, with what it found (`because` in English).
    fn from_rule(position: usize, rule: &Rule, found: Found) -> Reason {
        let (kind, value, level, contains) = match rule {
            Rule::Hashtag(tag) => (ReasonKind::Hashtag, tag.clone(), None, false),
            Rule::Keyword(words) => (ReasonKind::Keyword, words.clone(), None, false),
            Rule::Link(link) => (ReasonKind::Link, link.clone(), None, false),
            Rule::Utm(pairs) => {
                let pairs: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
                (ReasonKind::Utm, pairs.join("&"), None, false)
            }
            Rule::AdName {
                name,
                level,
                contains,
            } => (ReasonKind::AdName, name.clone(), *level, *contains),
            Rule::AdId { id, level } => (ReasonKind::AdId, id.clone(), *level, false),
        };
        Reason {
            rule: Some(position),
            kind,
            value,
            level,
            contains,
            via_campaign: found.via_campaign,
            evidence: Some(found.evidence),
            because: String::new(),
        }
        .in_language(Language::En)
    }

    /// The reason of a hand-picked item (`because` in English).
    fn picked() -> Reason {
        Reason {
            rule: None,
            kind: ReasonKind::Picked,
            value: String::new(),
            level: None,
            contains: false,
            via_campaign: false,
            evidence: None,
            because: String::new(),
        }
        .in_language(Language::En)
    }

    /// The same reason with `because` in `language`.
    pub fn in_language(mut self, language: Language) -> Reason {
        self.because = words::reason_text(&self, language);
        self
    }
}

/// What a rule found in an item.
struct Found {
    evidence: String,
    via_campaign: bool,
}

impl Found {
    fn own(evidence: impl Into<String>) -> Found {
        Found {
            evidence: evidence.into(),
            via_campaign: false,
        }
    }
}

/// Where an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Membership {
    /// A rule matched.
    Matched,
    /// Picked by hand (rules may match too).
    Included,
    /// Excluded by hand although a rule matched or it was picked.
    Excluded,
    /// A rule matched, but the post was published before the campaign began or after it
    /// ended.
    OutsideDates,
}

impl Membership {
    /// True when the item counts for the campaign.
    pub fn counts(self) -> bool {
        matches!(self, Membership::Matched | Membership::Included)
    }
}

/// One item that matched (or would have, but for an exclusion or its date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatchedItem {
    /// The item's position in the content given.
    #[serde(skip)]
    pub index: usize,
    pub membership: Membership,
    pub reasons: Vec<Reason>,
}

/// Decides, for every content item, whether it belongs to the campaign; returns the items
/// that matched a rule or were picked or excluded by hand, in the order given.
pub fn match_content(plan: &CampaignPlan, content: &[Content]) -> Vec<MatchedItem> {
    let mut items = Vec::new();
    for (index, item) in content.iter().enumerate() {
        if !in_plan_scope(plan, item.platform, &item.account, item.scope) {
            continue;
        }
        let mut reasons = rule_reasons(plan, item);
        let picked = plan
            .include
            .iter()
            .any(|r| r.names(item.platform, item.scope, &item.id));
        let excluded = plan
            .exclude
            .iter()
            .any(|r| r.names(item.platform, item.scope, &item.id));
        if picked {
            reasons.insert(0, Reason::picked());
        }
        if reasons.is_empty() {
            continue;
        }
        let published_within = item.is_paid() || plan.dates.contains(item.first_day);
        let membership = if excluded {
            Membership::Excluded
        } else if picked {
            Membership::Included
        } else if published_within {
            Membership::Matched
        } else {
            Membership::OutsideDates
        };
        items.push(MatchedItem {
            index,
            membership,
            reasons,
        });
    }
    items
}

/// True when the platform, account and scope are ones the plan counts.
fn in_plan_scope(plan: &CampaignPlan, platform: Platform, account: &str, scope: Scope) -> bool {
    let platform_ok = plan.platforms.contains(&platform);
    let account_ok = plan
        .accounts
        .get(&platform)
        .is_none_or(|accounts| accounts.iter().any(|a| a == account));
    let scope_ok = if scope == Scope::Post {
        plan.delivery.counts_organic()
    } else {
        scope.is_ad() && plan.delivery.counts_paid()
    };
    platform_ok && account_ok && scope_ok
}

/// The rules that match an item, each with what matched.
fn rule_reasons(plan: &CampaignPlan, item: &Content) -> Vec<Reason> {
    let mut reasons = Vec::new();
    for (position, rule) in plan.rules.iter().enumerate() {
        let evidence = if item.is_paid() {
            ad_evidence(rule, item)
        } else {
            text_evidence(rule, item)
        };
        if let Some(found) = evidence {
            reasons.push(Reason::from_rule(position, rule, found));
        }
    }
    reasons
}

/// What a text rule found in a post's text or links (the links it points to and the
/// addresses written in its text; never its own permalink, which every post has).
fn text_evidence(rule: &Rule, item: &Content) -> Option<Found> {
    let body = item.text().unwrap_or_default();
    let mut links: Vec<String> = text::links(body).into_iter().map(str::to_owned).collect();
    links.extend(item.info.links.iter().cloned());
    let found = match rule {
        Rule::Hashtag(tag) => {
            let wanted = tag.to_lowercase();
            text::hashtags(body)
                .contains(&wanted)
                .then(|| text::snippet(body, &format!("#{wanted}"), 30))
        }
        Rule::Keyword(words) => {
            text::contains_words(body, words).then(|| text::snippet(body, words, 30))
        }
        Rule::Link(pattern) => links
            .into_iter()
            .find(|link| text::link_starts_with(link, pattern)),
        Rule::Utm(pairs) => links
            .into_iter()
            .find(|link| text::has_parameters(link, pairs)),
        Rule::AdName { .. } | Rule::AdId { .. } => None,
    };
    found.map(Found::own)
}

/// What an ad rule found in an ad entity's name or id, or its campaign's.
fn ad_evidence(rule: &Rule, item: &Content) -> Option<Found> {
    let level = AdLevel::of(item.scope)?;
    let own_name = item.name.as_deref().unwrap_or(&item.id);
    match rule {
        Rule::AdName {
            name,
            level: wanted,
            contains,
        } => {
            let fits = |candidate: &str| {
                let candidate = candidate.trim().to_lowercase();
                let name = name.trim().to_lowercase();
                if *contains {
                    candidate.contains(&name)
                } else {
                    candidate == name
                }
            };
            let own = wanted.is_none_or(|w| w == level) && fits(own_name);
            if own {
                return Some(Found::own(own_name));
            }
            let via_campaign = matches!(wanted, None | Some(AdLevel::Campaign))
                && level != AdLevel::Campaign
                && item.info.campaign_name.as_deref().is_some_and(fits);
            via_campaign.then(|| Found {
                evidence: item.info.campaign_name.clone().unwrap_or_default(),
                via_campaign: true,
            })
        }
        Rule::AdId { id, level: wanted } => {
            let own = wanted.is_none_or(|w| w == level) && item.id.trim() == id;
            if own {
                return Some(Found::own(item.id.clone()));
            }
            let via_campaign = matches!(wanted, None | Some(AdLevel::Campaign))
                && level != AdLevel::Campaign
                && item
                    .info
                    .campaign_id
                    .as_deref()
                    .is_some_and(|c| c.trim() == id);
            via_campaign.then(|| Found {
                evidence: id.clone(),
                via_campaign: true,
            })
        }
        Rule::Hashtag(_) | Rule::Keyword(_) | Rule::Link(_) | Rule::Utm(_) => None,
    }
}

/// The campaigns one item belongs to (matched or picked, not excluded), with the reasons
/// in `language`: what the overlay shows on a post's or an ad's own page.
pub fn campaigns_for<'a>(
    plans: &'a [CampaignPlan],
    item: &Content,
    language: Language,
) -> Vec<(&'a CampaignPlan, Vec<Reason>)> {
    plans
        .iter()
        .filter_map(|plan| {
            let found = match_content(plan, std::slice::from_ref(item))
                .into_iter()
                .next()?;
            let reasons = found
                .reasons
                .into_iter()
                .map(|reason| reason.in_language(language))
                .collect();
            found.membership.counts().then_some((plan, reasons))
        })
        .collect()
}
