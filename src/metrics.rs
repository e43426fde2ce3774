//! Yardstick's canonical metrics: one id, one unit, one written definition, one AMEC stage.
//!
//! This table is the promise that a number means the same thing whichever platform it came
//! from. `docs/metrics.md` is generated from it and a test keeps the two in step
//! (`tests/metrics_doc.rs`). A platform figure that does not fit a definition here is kept
//! under its own namespaced name (`x:engagements`, see [`crate::model::Metric`]).

use serde::{Deserialize, Serialize};

use crate::model::Unit;

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
        "Times the content was shown on screen, repeats included (X impressions, LinkedIn impressions, Meta views of posts, YouTube thumbnail impressions, Pinterest impressions).";
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_snake_case_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for metric in CanonicalMetric::ALL {
            let id = metric.id();
            assert!(seen.insert(id), "duplicate id {id}");
            assert!(id.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{id}");
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
        assert_eq!(CanonicalMetric::Impressions.amec_stage(), AmecStage::Outputs);
        assert_eq!(CanonicalMetric::FollowersGained.amec_stage(), AmecStage::Outcomes);
    }
}
