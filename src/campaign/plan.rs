//! A campaign as data: which platforms and accounts it runs on, which content belongs to it
//! (matching rules, hand-picked and excluded items), whether it counts organic posts, paid
//! ad entities or both, the currency it reports in, and its own KPIs.
//!
//! A plan extends one of the strategy's campaigns (its id, name and dates live in
//! [`crate::strategy::Campaign`]). Plans are built only through [`super::file`], so a plan
//! in hand is always a consistent one. This module does no matching and no arithmetic.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Distribution, Platform, Scope};
use crate::strategy::{DateRange, Kpi};

/// One campaign's definition: the strategy campaign's dates plus what belongs to it.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignPlan {
    /// The strategy campaign's id (`open-day-2027`).
    pub id: String,
    pub name: String,
    /// The campaign's own dates, inclusive.
    pub dates: DateRange,
    /// The platforms it runs on (sorted, no repeats, at least one). Meta's ad platform is
    /// named on its own (`meta`) for ads delivered on Facebook and Instagram.
    pub platforms: Vec<Platform>,
    /// Only these accounts per platform; a platform not listed takes every account.
    pub accounts: BTreeMap<Platform, Vec<String>>,
    /// Organic posts, paid ad entities, or both.
    pub delivery: Delivery,
    /// Content matching any rule belongs to the campaign.
    pub rules: Vec<Rule>,
    /// Posts or ad entities that belong to the campaign whatever the rules say.
    pub include: Vec<EntityRef>,
    /// Posts or ad entities that never belong to it, even when a rule matches.
    pub exclude: Vec<EntityRef>,
    /// The currency money is reported in, and the user's rates from other currencies.
    pub currency: Option<CurrencyPlan>,
    /// The campaign's own KPIs, evaluated over its matched content and its dates.
    pub kpis: Vec<CampaignKpi>,
}

/// Which kinds of content a campaign counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// Organic posts only.
    Organic,
    /// Ad entities (campaigns, ad sets, ads) only.
    Paid,
    /// Both.
    Both,
}

impl Delivery {
    /// The id used in strategy files.
    pub fn id(self) -> &'static str {
        match self {
            Delivery::Organic => "organic",
            Delivery::Paid => "paid",
            Delivery::Both => "both",
        }
    }

    /// True when organic posts count.
    pub fn counts_organic(self) -> bool {
        matches!(self, Delivery::Organic | Delivery::Both)
    }

    /// True when ad entities count.
    pub fn counts_paid(self) -> bool {
        matches!(self, Delivery::Paid | Delivery::Both)
    }
}

/// The ad manager levels a rule can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdLevel {
    Campaign,
    AdSet,
    Ad,
}

impl AdLevel {
    /// Every level, highest first.
    pub const ALL: [AdLevel; 3] = [AdLevel::Campaign, AdLevel::AdSet, AdLevel::Ad];

    /// The scope observations of this level carry.
    pub fn scope(self) -> Scope {
        match self {
            AdLevel::Campaign => Scope::Campaign,
            AdLevel::AdSet => Scope::AdSet,
            AdLevel::Ad => Scope::Ad,
        }
    }

    /// The level of an ad scope.
    pub fn of(scope: Scope) -> Option<AdLevel> {
        match scope {
            Scope::Campaign => Some(AdLevel::Campaign),
            Scope::AdSet => Some(AdLevel::AdSet),
            Scope::Ad => Some(AdLevel::Ad),
            Scope::Account | Scope::Post => None,
        }
    }

    /// The id used in strategy files.
    pub fn id(self) -> &'static str {
        match self {
            AdLevel::Campaign => "campaign",
            AdLevel::AdSet => "ad_set",
            AdLevel::Ad => "ad",
        }
    }
}

/// One way content is recognised as the campaign's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// A hashtag in the post text, without its `#`, matched whole and ignoring case
    /// (`OpenDay2027` matches `#openday2027`, not `#OpenDay2027NL`).
    Hashtag(String),
    /// Words in the post text, matched as whole words ignoring case.
    Keyword(String),
    /// A link in the post text or the post's links that starts with this address, scheme
    /// and `www.` ignored (`acme.nl/open-day`).
    Link(String),
    /// UTM parameters that a link in the post text or links must all carry (values compared
    /// ignoring case), e.g. `utm_campaign=openday27`.
    Utm(Vec<(String, String)>),
    /// An ad manager entity's name, whole (ignoring case and surrounding spaces) or as a part
    /// when `contains`; only at `level` when given.
    AdName {
        name: String,
        level: Option<AdLevel>,
        contains: bool,
    },
    /// An ad manager entity's id; only at `level` when given.
    AdId { id: String, level: Option<AdLevel> },
}

impl Rule {
    /// The rule in words, for "matched because".
    pub fn describe(&self) -> String {
        match self {
            Rule::Hashtag(tag) => format!("hashtag #{tag}"),
            Rule::Keyword(words) => format!("keyword \"{words}\""),
            Rule::Link(link) => format!("link {link}"),
            Rule::Utm(pairs) => {
                let pairs: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
                format!("UTM {}", pairs.join("&"))
            }
            Rule::AdName {
                name,
                level,
                contains,
            } => {
                let how = if *contains { "containing" } else { "named" };
                match level {
                    Some(level) => format!("ad manager {} {how} \"{name}\"", level.id()),
                    None => format!("ad manager entity {how} \"{name}\""),
                }
            }
            Rule::AdId { id, level } => match level {
                Some(level) => format!("ad manager {} id {id}", level.id()),
                None => format!("ad manager id {id}"),
            },
        }
    }

    /// True for the rules that look at post text and links (organic content).
    pub fn reads_text(&self) -> bool {
        matches!(
            self,
            Rule::Hashtag(_) | Rule::Keyword(_) | Rule::Link(_) | Rule::Utm(_)
        )
    }
}

/// A post or ad entity named by hand.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityRef {
    pub platform: Platform,
    /// The post id, or the ad entity's id (its name where the export gives no id).
    pub id: String,
    /// Only entities of this scope; any scope when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
}

impl EntityRef {
    /// True when this reference names the entity.
    pub fn names(&self, platform: Platform, scope: Scope, id: &str) -> bool {
        self.platform == platform && self.id == id && self.scope.is_none_or(|s| s == scope)
    }
}

/// The currency a campaign reports money in, and rates the user gave to convert into it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurrencyPlan {
    /// ISO 4217 code, upper case (`EUR`).
    pub report: String,
    /// How many units of the report currency one unit of the key currency is worth
    /// (`{"USD": 0.92}`: one dollar is 0.92 euro).
    #[serde(default)]
    pub rates: BTreeMap<String, f64>,
}

/// Which clicks a campaign KPI on CPC or CTR counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClickKind {
    /// Clicks to a URL outside the platform (`link_clicks`): the ad managers' default CPC
    /// and CTR.
    Link,
    /// Every click the platform counts (`clicks`): Meta's "CTR (all)".
    All,
}

impl ClickKind {
    /// The id used in strategy files.
    pub fn id(self) -> &'static str {
        match self {
            ClickKind::Link => "link",
            ClickKind::All => "all",
        }
    }
}

/// One campaign KPI: a strategy KPI whose period is the campaign, counting only the
/// campaign's content. Its `distribution` says which content: organic posts, paid ad
/// entities, or both (`total`).
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignKpi {
    pub kpi: Kpi,
    /// For `cpc` and `ctr`: which clicks count.
    pub clicks: ClickKind,
}

/// Which content a KPI's distribution counts.
pub fn counts_distribution(kpi: Distribution, content_is_paid: bool) -> bool {
    match kpi {
        Distribution::Total => true,
        Distribution::Organic => !content_is_paid,
        Distribution::Paid => content_is_paid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_describe_themselves_for_the_reasons_list() {
        let check = |rule: Rule, expected: &str| assert_eq!(rule.describe(), expected);
        check(Rule::Hashtag("OpenDay2027".into()), "hashtag #OpenDay2027");
        check(
            Rule::Utm(vec![("utm_campaign".into(), "openday27".into())]),
            "UTM utm_campaign=openday27",
        );
        check(
            Rule::AdName {
                name: "Open Day".into(),
                level: Some(AdLevel::Campaign),
                contains: true,
            },
            "ad manager campaign containing \"Open Day\"",
        );
        check(
            Rule::AdId {
                id: "2385".into(),
                level: None,
            },
            "ad manager id 2385",
        );
    }

    #[test]
    fn references_name_entities_by_platform_id_and_scope() {
        let any_scope = EntityRef {
            platform: Platform::X,
            id: "1790".into(),
            scope: None,
        };
        assert!(any_scope.names(Platform::X, Scope::Post, "1790"));
        assert!(!any_scope.names(Platform::LinkedIn, Scope::Post, "1790"));
        let ads_only = EntityRef {
            scope: Some(Scope::Ad),
            ..any_scope
        };
        assert!(!ads_only.names(Platform::X, Scope::Post, "1790"));
        assert!(counts_distribution(Distribution::Total, true));
        assert!(!counts_distribution(Distribution::Organic, true));
    }
}
