//! What a query asks about: which platforms, account, scope, post, metric and distribution.
//!
//! Plain data the evaluator builds from a KPI (and the dashboard from its filters). This
//! module does not look anything up.

use serde::{Deserialize, Serialize};

use crate::model::{Distribution, Metric, Platform, Scope};

/// One platform, several, or all of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlatformSet {
    One(Platform),
    Several(Vec<Platform>),
    All,
}

impl PlatformSet {
    pub fn contains(&self, platform: Platform) -> bool {
        match self {
            PlatformSet::One(one) => *one == platform,
            PlatformSet::Several(several) => several.contains(&platform),
            PlatformSet::All => true,
        }
    }
}

impl From<Platform> for PlatformSet {
    fn from(platform: Platform) -> Self {
        PlatformSet::One(platform)
    }
}

/// Which facts a period total or a daily series adds up.
///
/// `account: None` takes every account of the selected platforms; `post_id: None` with a
/// post or ad scope takes every post (or ad entity). Values of several accounts, posts or
/// platforms are added when the metric allows it (never for reach or a platform's own
/// rate) and only in one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selector {
    pub platforms: PlatformSet,
    #[serde(default)]
    pub account: Option<String>,
    pub scope: Scope,
    #[serde(default)]
    pub post_id: Option<String>,
    pub metric: Metric,
    #[serde(default)]
    pub distribution: Distribution,
}

impl Selector {
    /// The account-level total of `metric` on `platforms`, every account, organic and paid
    /// together. Narrow it with the builder methods.
    pub fn new(platforms: impl Into<PlatformSet>, metric: impl Into<Metric>) -> Selector {
        Selector {
            platforms: platforms.into(),
            account: None,
            scope: Scope::Account,
            post_id: None,
            metric: metric.into(),
            distribution: Distribution::Total,
        }
    }

    /// Only this account (as the source names it).
    pub fn account(mut self, account: impl Into<String>) -> Selector {
        self.account = Some(account.into());
        self
    }

    /// Only this post (scope post).
    pub fn post(mut self, post_id: impl Into<String>) -> Selector {
        self.scope = Scope::Post;
        self.post_id = Some(post_id.into());
        self
    }

    pub fn scope(mut self, scope: Scope) -> Selector {
        self.scope = scope;
        self
    }

    pub fn distribution(mut self, distribution: Distribution) -> Selector {
        self.distribution = distribution;
        self
    }

    /// The entities this selector reads, without the metric.
    pub fn entities(&self) -> PostFilter {
        PostFilter {
            platforms: self.platforms.clone(),
            account: self.account.clone(),
            scope: self.scope,
            distribution: self.distribution,
        }
    }
}

/// Which posts (or ad entities) a per-post table lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostFilter {
    pub platforms: PlatformSet,
    #[serde(default)]
    pub account: Option<String>,
    pub scope: Scope,
    #[serde(default)]
    pub distribution: Distribution,
}

impl PostFilter {
    /// Every post of `platforms`, organic and paid together.
    pub fn posts(platforms: impl Into<PlatformSet>) -> PostFilter {
        PostFilter {
            platforms: platforms.into(),
            account: None,
            scope: Scope::Post,
            distribution: Distribution::Total,
        }
    }

    /// Only this account's posts.
    pub fn account(mut self, account: impl Into<String>) -> PostFilter {
        self.account = Some(account.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::CanonicalMetric;

    #[test]
    fn selectors_build_and_travel_as_json() {
        let selector = Selector::new(
            PlatformSet::Several(vec![Platform::LinkedIn, Platform::X]),
            CanonicalMetric::Impressions,
        )
        .account("104857");
        assert!(selector.platforms.contains(Platform::X));
        assert!(!selector.platforms.contains(Platform::TikTok));
        let json = serde_json::to_value(&selector).unwrap();
        assert_eq!(json["metric"], "impressions");
        assert_eq!(json["platforms"]["several"][1], "x");
        let back: Selector = serde_json::from_value(json).unwrap();
        assert_eq!(back, selector);
        let minimal: Selector =
            serde_json::from_str(r#"{"platforms":"all","scope":"account","metric":"followers"}"#)
                .unwrap();
        assert_eq!(minimal.distribution, Distribution::Total);
        assert_eq!(minimal.account, None);
    }
}
