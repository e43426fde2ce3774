//! Yardstick's canonical metrics: one id, one unit, one written definition, one AMEC stage.
//!
//! This table is the promise that a number means the same thing whichever platform it came
//! from. `docs/metrics.md` is generated from it and a test keeps the two in step
//! (`tests/metrics_doc.rs`). A platform figure that does not fit a definition here is kept
//! under its own namespaced name (`x:engagements`, see [`crate::model::Metric`]).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{Metric, Platform, Unit};

/// Where a metric sits in the AMEC Integrated Evaluation Framework, so a KPI can be tied
/// to an objective at the right level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmecStage {
    /// What was spent to do the work (money).
    Inputs,
    /// What reached the audience: exposure.
    Outputs,
    /// What the audience did with it: engagement.
    Outtakes,
    /// What changed: follows, clicks to the site, conversions.
    Outcomes,
}

/// Declares the canonical metrics once: variant, id, unit, AMEC stage and definition.
macro_rules! canonical_metrics {
    ($( $variant:ident => $id:literal, $unit:expr, $stage:ident, $definition:literal; )+) => {
        /// A metric with one definition across platforms. See `docs/metrics.md`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum CanonicalMetric {
            $( #[doc = $definition] $variant, )+
        }

        impl CanonicalMetric {
            /// Every canonical metric, in documentation order.
            pub const ALL: &'static [CanonicalMetric] = &[ $( CanonicalMetric::$variant, )+ ];

            /// The snake_case id used in JSON and strategy files.
            pub fn id(self) -> &'static str {
                match self { $( CanonicalMetric::$variant => $id, )+ }
            }

            /// The written definition.
            pub fn definition(self) -> &'static str {
                match self { $( CanonicalMetric::$variant => $definition, )+ }
            }

            /// The AMEC stage the metric belongs to.
            pub fn amec_stage(self) -> AmecStage {
                match self { $( CanonicalMetric::$variant => AmecStage::$stage, )+ }
            }

            /// The unit every value of this metric has; `None` for money, whose currency
            /// travels with each value.
            pub fn unit(self) -> Option<Unit> {
                match self { $( CanonicalMetric::$variant => $unit, )+ }
            }

            /// The metric with this id.
            pub fn from_id(id: &str) -> Option<CanonicalMetric> {
                match id { $( $id => Some(CanonicalMetric::$variant), )+ _ => None }
            }
        }
    };
}

const COUNT: Option<Unit> = Some(Unit::Count);
const RATIO: Option<Unit> = Some(Unit::Ratio);
const SECONDS: Option<Unit> = Some(Unit::Seconds);
const MONEY: Option<Unit> = None;

canonical_metrics! {
    Impressions => "impressions", COUNT, Outputs,
        "Times the content was shown on screen, repeats included (X impressions, LinkedIn impressions, YouTube thumbnail impressions, Pinterest impressions). Meta's post \"Views\" count repeat views under a different rule since 2024-25 and are kept as facebook:views / instagram:views.";
    Reach => "reach", COUNT, Outputs,
        "Unique accounts the content was shown to; platforms estimate it, so it is never summed across platforms or periods as if exact.";
    VideoViews => "video_views", COUNT, Outputs,
        "Times a video was played past the platform's own counting threshold (YouTube views, TikTok video views, X video views).";
    WatchTime => "watch_time", SECONDS, Outtakes,
        "Total time people spent watching the video, in seconds.";
    AvgViewDuration => "avg_view_duration", SECONDS, Outtakes,
        "Average time a view of the video lasted, in seconds (watch time / video views).";
    Reactions => "reactions", COUNT, Outtakes,
        "Likes, reactions and hearts on the content.";
    Comments => "comments", COUNT, Outtakes,
        "Comments and replies on the content.";
    Shares => "shares", COUNT, Outtakes,
        "Reposts, retweets and shares of the content.";
    Saves => "saves", COUNT, Outtakes,
        "Saves, bookmarks and favourites of the content.";
    Clicks => "clicks", COUNT, Outtakes,
        "All clicks on the content (links, media, profile, expands), as the platform counts them.";
    LinkClicks => "link_clicks", COUNT, Outcomes,
        "Clicks that lead to a URL outside the platform.";
    ProfileVisits => "profile_visits", COUNT, Outcomes,
        "Visits to the account's profile or page.";
    Followers => "followers", COUNT, Outcomes,
        "Total followers (subscribers) at the end of a day: a level, never summed over days.";
    FollowersGained => "followers_gained", COUNT, Outcomes,
        "New followers (subscribers) in the period.";
    FollowersLost => "followers_lost", COUNT, Outcomes,
        "Followers (subscribers) lost in the period.";
    Engagements => "engagements", COUNT, Outtakes,
        "Standard engagement: the sum of the parts the platform reports among reactions, comments, shares, saves and clicks; the parts present travel with the value.";
    EngagementRate => "engagement_rate", RATIO, Outtakes,
        "Standard engagement rate: engagements / impressions, or / reach where the platform has no impressions (the denominator travels with the value).";
    Ctr => "ctr", RATIO, Outtakes,
        "Click-through rate: clicks / impressions (link clicks for 'link CTR'), as a fraction.";
    Spend => "spend", MONEY, Inputs,
        "Money spent on paid delivery in the period, in the account's currency.";
    Results => "results", COUNT, Outcomes,
        "Actions of the ad's optimisation event (the platform's result type travels with the value).";
    CostPerResult => "cost_per_result", MONEY, Inputs,
        "Spend / results, computed from the parts, never averaged.";
    Cpm => "cpm", MONEY, Inputs,
        "Cost per 1,000 impressions: spend / impressions x 1000.";
    Cpc => "cpc", MONEY, Inputs,
        "Cost per click: spend / clicks (link clicks where the platform says so).";
    Frequency => "frequency", RATIO, Outputs,
        "Impressions / reach: how often each reached account saw the content on average.";
}

/// How a metric's values combine over time and across accounts, so that no total counts a
/// day twice and no rate is averaged. The store follows this when it answers a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Aggregation {
    /// Additive: a period's value is the sum of its days (counts, seconds, money). Days and
    /// range readings are combined without overlap, never both for the same day.
    Sum,
    /// A level at a moment (followers): the latest value at or before the period's end,
    /// never summed over days. Levels of different accounts add up.
    Level,
    /// Not additive (reach, unique viewers, a platform's own rate): only a reading of exactly
    /// the period answers it; days are never summed into it and accounts are never added.
    NonAdditive,
    /// A ratio of two additive parts, each summed over the period first and then divided,
    /// never averaged: `numerator / denominator × scale`.
    Ratio {
        numerator: CanonicalMetric,
        denominator: CanonicalMetric,
        scale: u32,
    },
}

impl fmt::Display for Aggregation {
    /// One line a person reads in `docs/metrics.md`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Aggregation::Sum => f.write_str("sum of days, no day counted twice"),
            Aggregation::Level => f.write_str("level: latest value at or before the period end"),
            Aggregation::NonAdditive => {
                f.write_str("not additive: a reading of exactly the period")
            }
            Aggregation::Ratio {
                numerator,
                denominator,
                scale: 1,
            } => {
                write!(
                    f,
                    "ratio of summed parts: {} / {}",
                    numerator.id(),
                    denominator.id()
                )
            }
            Aggregation::Ratio {
                numerator,
                denominator,
                scale,
            } => write!(
                f,
                "ratio of summed parts: {} / {} × {scale}",
                numerator.id(),
                denominator.id()
            ),
        }
    }
}

impl CanonicalMetric {
    /// How values of this metric combine over a period and across accounts.
    ///
    /// `engagement_rate`'s denominator is `impressions` here; where a platform reports no
    /// impressions it is `reach` instead (see `derive::engagement_rate_denominator`).
    pub fn aggregation(self) -> Aggregation {
        use CanonicalMetric as M;
        let ratio = |numerator, denominator, scale| Aggregation::Ratio {
            numerator,
            denominator,
            scale,
        };
        match self {
            M::Reach => Aggregation::NonAdditive,
            M::Followers => Aggregation::Level,
            M::AvgViewDuration => ratio(M::WatchTime, M::VideoViews, 1),
            M::EngagementRate => ratio(M::Engagements, M::Impressions, 1),
            M::Ctr => ratio(M::Clicks, M::Impressions, 1),
            M::CostPerResult => ratio(M::Spend, M::Results, 1),
            M::Cpm => ratio(M::Spend, M::Impressions, 1000),
            M::Cpc => ratio(M::Spend, M::Clicks, 1),
            M::Frequency => ratio(M::Impressions, M::Reach, 1),
            M::Impressions
            | M::VideoViews
            | M::WatchTime
            | M::Reactions
            | M::Comments
            | M::Shares
            | M::Saves
            | M::Clicks
            | M::LinkClicks
            | M::ProfileVisits
            | M::FollowersGained
            | M::FollowersLost
            | M::Engagements
            | M::Spend
            | M::Results => Aggregation::Sum,
        }
    }

    /// True for the metrics only Yardstick computes (standard engagement and its rate): no
    /// page or file reports them, so a reading of one is refused by the store and the
    /// platform's own figure belongs under its namespaced name (`x:engagements`).
    pub fn is_computed(self) -> bool {
        matches!(
            self,
            CanonicalMetric::Engagements | CanonicalMetric::EngagementRate
        )
    }
}

/// A platform's own figure that Yardstick keeps under its namespaced name because it does
/// not match a canonical definition. Importers and page rules use exactly these names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlatformFigure {
    pub platform: Platform,
    /// The snake_case name after the colon (`engagements` in `x:engagements`).
    pub name: &'static str,
    /// The canonical metric it is most often mistaken for.
    pub closest: Option<CanonicalMetric>,
    pub aggregation: Aggregation,
    /// Why it is not the canonical metric.
    pub why: &'static str,
}

impl PlatformFigure {
    /// The namespaced metric (`x:engagements`).
    pub fn metric(&self) -> Metric {
        Metric::platform(self.platform, self.name)
    }
}

/// The platform figures kept under their own names, with the reason for each.
pub const PLATFORM_FIGURES: &[PlatformFigure] = &[
    PlatformFigure {
        platform: Platform::X,
        name: "engagements",
        closest: Some(CanonicalMetric::Engagements),
        aggregation: Aggregation::Sum,
        why: "X counts every interaction: reposts, replies, likes, follows, and clicks on links, hashtags, media, the username and the profile photo, and detail expands. That is broader than standard engagement.",
    },
    PlatformFigure {
        platform: Platform::X,
        name: "engagement_rate",
        closest: Some(CanonicalMetric::EngagementRate),
        aggregation: Aggregation::NonAdditive,
        why: "x:engagements / impressions: X's broader engagements over impressions.",
    },
    PlatformFigure {
        platform: Platform::X,
        name: "media_views",
        closest: Some(CanonicalMetric::VideoViews),
        aggregation: Aggregation::Sum,
        why: "Views of images and videos in a post by X's own counting rule: neither video views (videos only) nor impressions.",
    },
    PlatformFigure {
        platform: Platform::X,
        name: "detail_expands",
        closest: Some(CanonicalMetric::Clicks),
        aggregation: Aggregation::Sum,
        why: "One kind of click. X reports no all-clicks figure, so its click kinds stay apart rather than add up to a clicks value with unknown gaps.",
    },
    PlatformFigure {
        platform: Platform::LinkedIn,
        name: "engagement_rate",
        closest: Some(CanonicalMetric::EngagementRate),
        aggregation: Aggregation::NonAdditive,
        why: "(clicks + reactions + comments + reposts) / impressions, with follows on some views: close to standard engagement rate, but without saves and sometimes with follows.",
    },
    PlatformFigure {
        platform: Platform::LinkedIn,
        name: "engagements",
        closest: Some(CanonicalMetric::Engagements),
        aggregation: Aggregation::Sum,
        why: "Creator analytics' engagements: social actions whose exact parts LinkedIn does not state.",
    },
    PlatformFigure {
        platform: Platform::Facebook,
        name: "views",
        closest: Some(CanonicalMetric::Impressions),
        aggregation: Aggregation::Sum,
        why: "Meta's Views (2024-25) replaced Impressions under a different counting rule that includes repeat views; kept apart until shown equal to impressions.",
    },
    PlatformFigure {
        platform: Platform::Instagram,
        name: "views",
        closest: Some(CanonicalMetric::Impressions),
        aggregation: Aggregation::Sum,
        why: "Meta's Views (2024-25) replaced Impressions and Plays under a different counting rule that includes repeat views; kept apart until shown equal to impressions.",
    },
    PlatformFigure {
        platform: Platform::Facebook,
        name: "content_interactions",
        closest: Some(CanonicalMetric::Engagements),
        aggregation: Aggregation::Sum,
        why: "Meta's interactions total, whose parts vary by content type; Yardstick sums the parts itself.",
    },
    PlatformFigure {
        platform: Platform::Instagram,
        name: "content_interactions",
        closest: Some(CanonicalMetric::Engagements),
        aggregation: Aggregation::Sum,
        why: "Meta's interactions total, whose parts vary by content type; Yardstick sums the parts itself.",
    },
    PlatformFigure {
        platform: Platform::Facebook,
        name: "reactions_comments_and_shares",
        closest: Some(CanonicalMetric::Engagements),
        aggregation: Aggregation::Sum,
        why: "A pre-summed total of three parts that the same export also lists one by one: kept apart so no part counts twice.",
    },
    PlatformFigure {
        platform: Platform::YouTube,
        name: "impressions_click_through_rate",
        closest: Some(CanonicalMetric::Ctr),
        aggregation: Aggregation::NonAdditive,
        why: "Views that started from a thumbnail impression / thumbnail impressions: YouTube counts views, not clicks.",
    },
    PlatformFigure {
        platform: Platform::YouTube,
        name: "subscribers",
        closest: Some(CanonicalMetric::FollowersGained),
        aggregation: Aggregation::Sum,
        why: "The net change in subscribers (gained minus lost); it can be negative.",
    },
    PlatformFigure {
        platform: Platform::Pinterest,
        name: "engagements",
        closest: Some(CanonicalMetric::Engagements),
        aggregation: Aggregation::Sum,
        why: "Saves, Pin clicks, outbound clicks and other actions as Pinterest counts them.",
    },
    PlatformFigure {
        platform: Platform::Pinterest,
        name: "engagement_rate",
        closest: Some(CanonicalMetric::EngagementRate),
        aggregation: Aggregation::NonAdditive,
        why: "pinterest:engagements / impressions: Pinterest's own engagements over impressions.",
    },
    PlatformFigure {
        platform: Platform::Pinterest,
        name: "pin_clicks",
        closest: Some(CanonicalMetric::Clicks),
        aggregation: Aggregation::Sum,
        why: "Clicks that open a Pin: one kind of click, not all clicks on the content.",
    },
    PlatformFigure {
        platform: Platform::Facebook,
        name: "net_follows",
        closest: Some(CanonicalMetric::FollowersGained),
        aggregation: Aggregation::Sum,
        why: "Follows minus unfollows in the period as Meta reports it; it can be negative.",
    },
    PlatformFigure {
        platform: Platform::Instagram,
        name: "net_follows",
        closest: Some(CanonicalMetric::FollowersGained),
        aggregation: Aggregation::Sum,
        why: "Follows minus unfollows in the period as Meta reports it; it can be negative.",
    },
    PlatformFigure {
        platform: Platform::TikTok,
        name: "watched_full_video",
        closest: None,
        aggregation: Aggregation::NonAdditive,
        why: "The share of views that watched to the end, by TikTok's own rule: a rate whose parts TikTok does not report.",
    },
    PlatformFigure {
        platform: Platform::TikTok,
        name: "engaged_audience",
        closest: Some(CanonicalMetric::Reach),
        aggregation: Aggregation::NonAdditive,
        why: "Unique accounts that interacted: a unique count, so days never add up to a period.",
    },
    PlatformFigure {
        platform: Platform::Pinterest,
        name: "engaged_audience",
        closest: Some(CanonicalMetric::Reach),
        aggregation: Aggregation::NonAdditive,
        why: "Unique accounts that engaged with Pins: a unique count, so days never add up to a period.",
    },
    PlatformFigure {
        platform: Platform::LinkedIn,
        name: "clicks",
        closest: Some(CanonicalMetric::Clicks),
        aggregation: Aggregation::Sum,
        why: "Chargeable clicks as LinkedIn Campaign Manager counts them, which depend on the campaign objective: not all clicks on the content.",
    },
    PlatformFigure {
        platform: Platform::LinkedIn,
        name: "conversions",
        closest: Some(CanonicalMetric::Results),
        aggregation: Aggregation::Sum,
        why: "Post-click plus view-through conversions as LinkedIn attributes them.",
    },
    PlatformFigure {
        platform: Platform::LinkedIn,
        name: "leads",
        closest: Some(CanonicalMetric::Results),
        aggregation: Aggregation::Sum,
        why: "Lead-form submissions as LinkedIn counts them.",
    },
    PlatformFigure {
        platform: Platform::X,
        name: "clicks",
        closest: Some(CanonicalMetric::Clicks),
        aggregation: Aggregation::Sum,
        why: "Clicks as X Ads reports them for a campaign; X does not say which kinds are included.",
    },
    PlatformFigure {
        platform: Platform::X,
        name: "billed_engagements",
        closest: Some(CanonicalMetric::Engagements),
        aggregation: Aggregation::Sum,
        why: "Engagements X charged for under the campaign's bid type: a subset of x:engagements.",
    },
    PlatformFigure {
        platform: Platform::TikTok,
        name: "conversions",
        closest: Some(CanonicalMetric::Results),
        aggregation: Aggregation::Sum,
        why: "Conversions as TikTok Ads Manager attributes them.",
    },
    PlatformFigure {
        platform: Platform::Pinterest,
        name: "total_conversions",
        closest: Some(CanonicalMetric::Results),
        aggregation: Aggregation::Sum,
        why: "Conversions as Pinterest attributes them within its click, engagement and view windows.",
    },
    PlatformFigure {
        platform: Platform::Meta,
        name: "landing_page_views",
        closest: Some(CanonicalMetric::LinkClicks),
        aggregation: Aggregation::Sum,
        why: "Loads of the landing page after a link click, as Meta's pixel counts them: fewer than link clicks.",
    },
];

/// How values of any metric combine. Canonical metrics follow their table; a platform
/// figure listed in [`PLATFORM_FIGURES`] follows its entry; any other platform figure is
/// treated as [`Aggregation::NonAdditive`], because summing a figure of unknown meaning
/// (a level, a unique count) over days would invent a number.
pub fn aggregation_of(metric: &Metric) -> Aggregation {
    match metric {
        Metric::Canonical(metric) => metric.aggregation(),
        Metric::Platform { platform, name } => PLATFORM_FIGURES
            .iter()
            .find(|figure| figure.platform == *platform && figure.name == name)
            .map_or(Aggregation::NonAdditive, |figure| figure.aggregation),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_snake_case_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for metric in CanonicalMetric::ALL {
            let id = metric.id();
            assert!(seen.insert(id), "duplicate id {id}");
            assert!(
                id.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{id}"
            );
            assert_eq!(CanonicalMetric::from_id(id), Some(*metric));
            let json = serde_json::to_string(metric).unwrap();
            assert_eq!(json, format!("\"{id}\""));
        }
    }

    #[test]
    fn rates_are_ratios_and_money_has_no_fixed_unit() {
        assert_eq!(CanonicalMetric::EngagementRate.unit(), Some(Unit::Ratio));
        assert_eq!(CanonicalMetric::WatchTime.unit(), Some(Unit::Seconds));
        assert_eq!(CanonicalMetric::Spend.unit(), None);
        assert_eq!(
            CanonicalMetric::Impressions.amec_stage(),
            AmecStage::Outputs
        );
        assert_eq!(
            CanonicalMetric::FollowersGained.amec_stage(),
            AmecStage::Outcomes
        );
    }

    #[test]
    fn ratio_parts_are_additive_and_rates_are_never_summed() {
        for metric in CanonicalMetric::ALL {
            if let Aggregation::Ratio {
                numerator,
                denominator,
                ..
            } = metric.aggregation()
            {
                assert_eq!(numerator.aggregation(), Aggregation::Sum, "{}", metric.id());
                assert_ne!(
                    denominator.aggregation(),
                    Aggregation::Level,
                    "{}",
                    metric.id()
                );
            }
            if metric.unit() == Some(Unit::Ratio) {
                assert_ne!(
                    metric.aggregation(),
                    Aggregation::Sum,
                    "{} is a ratio",
                    metric.id()
                );
            }
        }
        assert_eq!(CanonicalMetric::Followers.aggregation(), Aggregation::Level);
        assert_eq!(
            CanonicalMetric::Reach.aggregation(),
            Aggregation::NonAdditive
        );
    }

    #[test]
    fn platform_figures_are_unique_namespaced_names() {
        let mut seen = std::collections::HashSet::new();
        for figure in PLATFORM_FIGURES {
            let metric = figure.metric();
            assert!(seen.insert(metric.to_string()), "duplicate {metric}");
            assert_eq!(metric.to_string().parse::<Metric>().unwrap(), metric);
            assert_eq!(aggregation_of(&metric), figure.aggregation);
            assert!(
                figure.why.ends_with('.'),
                "{metric}: the reason is a sentence"
            );
        }
        let unknown = Metric::platform(Platform::TikTok, "Engaged audience");
        assert_eq!(aggregation_of(&unknown), Aggregation::NonAdditive);
        assert_eq!(
            aggregation_of(&CanonicalMetric::Shares.into()),
            Aggregation::Sum
        );
    }
}
