//! The strategy as data: objectives holding KPIs, each KPI a metric, a scope, an
//! aggregation, a period and a target.
//!
//! These types are what the evaluator reads. They are built only through the strategy
//! file's validation ([`crate::strategy::file`]) or the templates, so a [`Strategy`] in
//! hand is always a consistent one (a KPI never mixes incomparable figures). This module
//! does no I/O and no evaluation.

use serde::{Deserialize, Serialize};

use crate::metrics::AmecStage;
use crate::model::{Distribution, Metric, Platform};
use crate::strategy::period::{Cadence, DateRange, RangeDays};

/// An organisation's social strategy: objectives with KPIs, and the campaigns KPIs can be
/// measured over.
#[derive(Debug, Clone, PartialEq)]
pub struct Strategy {
    /// What the strategy is called (`Acme social strategy 2027`).
    pub name: String,
    /// Whose strategy it is.
    pub organisation: Option<String>,
    pub note: Option<String>,
    /// Campaigns whose own dates a KPI can use as its period.
    pub campaigns: Vec<Campaign>,
    pub objectives: Vec<Objective>,
}

impl Strategy {
    /// Every KPI with the objective that holds it, in file order.
    pub fn kpis(&self) -> impl Iterator<Item = (&Objective, &Kpi)> {
        self.objectives
            .iter()
            .flat_map(|objective| objective.kpis.iter().map(move |kpi| (objective, kpi)))
    }

    /// The campaign with this id.
    pub fn campaign(&self, id: &str) -> Option<&Campaign> {
        self.campaigns.iter().find(|campaign| campaign.id == id)
    }
}

/// A campaign: a named stretch of dates. Issue #7 adds what content belongs to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Campaign {
    /// A short stable id KPIs refer to (`open-day-2027`).
    pub id: String,
    pub name: String,
    pub dates: DateRange,
    pub note: Option<String>,
}

/// What an objective aims at, in the AMEC Integrated Evaluation Framework's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectiveKind {
    /// Be seen: exposure of the content.
    Awareness,
    /// Be interacted with: reactions, comments, shares, saves, clicks.
    Engagement,
    /// Send people to the organisation's own site.
    Traffic,
    /// Grow and keep an audience: followers.
    Community,
    /// Make people act: sign-ups, purchases, the ads' results.
    Conversion,
    /// Be spoken of well: advocacy, sentiment.
    Reputation,
}

impl ObjectiveKind {
    /// Every kind, in the order a strategy usually lists them.
    pub const ALL: [ObjectiveKind; 6] = [
        ObjectiveKind::Awareness,
        ObjectiveKind::Engagement,
        ObjectiveKind::Traffic,
        ObjectiveKind::Community,
        ObjectiveKind::Conversion,
        ObjectiveKind::Reputation,
    ];

    /// The id used in strategy files.
    pub fn id(self) -> &'static str {
        match self {
            ObjectiveKind::Awareness => "awareness",
            ObjectiveKind::Engagement => "engagement",
            ObjectiveKind::Traffic => "traffic",
            ObjectiveKind::Community => "community",
            ObjectiveKind::Conversion => "conversion",
            ObjectiveKind::Reputation => "reputation",
        }
    }

    /// The kind with this id.
    pub fn from_id(id: &str) -> Option<ObjectiveKind> {
        ObjectiveKind::ALL.into_iter().find(|kind| kind.id() == id)
    }

    /// The AMEC stage the objective is measured at. On social platforms awareness is
    /// measured through exposure (impressions, reach: outputs); engagement is an outtake;
    /// traffic, community, conversion and reputation are outcomes (what the audience did or
    /// now thinks).
    pub fn amec_stage(self) -> AmecStage {
        match self {
            ObjectiveKind::Awareness => AmecStage::Outputs,
            ObjectiveKind::Engagement => AmecStage::Outtakes,
            ObjectiveKind::Traffic
            | ObjectiveKind::Community
            | ObjectiveKind::Conversion
            | ObjectiveKind::Reputation => AmecStage::Outcomes,
        }
    }
}

/// An objective: what the organisation wants, and the KPIs that tell whether it gets it.
#[derive(Debug, Clone, PartialEq)]
pub struct Objective {
    /// A short stable id (`awareness-2027`).
    pub id: String,
    pub kind: ObjectiveKind,
    /// The objective in words (`Be seen by more engineers`).
    pub title: String,
    pub note: Option<String>,
    pub kpis: Vec<Kpi>,
}

/// One key performance indicator: a metric, where and how it is counted, over which
/// period, against which target.
#[derive(Debug, Clone, PartialEq)]
pub struct Kpi {
    /// A short id, unique in the strategy (`li-impressions`).
    pub id: String,
    /// The KPI in words, when the metric's name does not say enough.
    pub title: Option<String>,
    /// A canonical metric, or a platform's own figure (`x:engagements`) whose platform
    /// scope is then that one platform.
    pub metric: Metric,
    pub platforms: PlatformScope,
    /// Only this account (page, channel, handle or ad account id), when set.
    pub account: Option<String>,
    pub distribution: Distribution,
    pub aggregation: Aggregation,
    pub period: PeriodSpec,
    /// The value aimed at for one period, in the metric's unit (a rate as a fraction).
    pub target: f64,
    /// Where the KPI stood before (a level's starting point, last period's result).
    pub baseline: Option<f64>,
    pub direction: Direction,
    /// Who answers for the KPI.
    pub owner: Option<String>,
    pub note: Option<String>,
}

/// Which platforms a KPI counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlatformScope {
    /// Every organic social platform: LinkedIn, X, Facebook, Instagram, YouTube, TikTok,
    /// Pinterest. Meta's ad platform is left out, because its ads deliver on Facebook and
    /// Instagram and would be counted twice; name it explicitly to count it.
    All,
    /// These platforms (sorted, no repeats, at least one).
    Only(Vec<Platform>),
}

impl PlatformScope {
    /// The platforms `All` stands for.
    pub const ALL_SOCIAL: [Platform; 7] = [
        Platform::LinkedIn,
        Platform::X,
        Platform::Facebook,
        Platform::Instagram,
        Platform::YouTube,
        Platform::TikTok,
        Platform::Pinterest,
    ];

    /// The scope holding these platforms, sorted and without repeats.
    pub fn only(platforms: impl IntoIterator<Item = Platform>) -> PlatformScope {
        let mut platforms: Vec<Platform> = platforms.into_iter().collect();
        platforms.sort();
        platforms.dedup();
        PlatformScope::Only(platforms)
    }

    /// The platforms counted.
    pub fn platforms(&self) -> Vec<Platform> {
        match self {
            PlatformScope::All => PlatformScope::ALL_SOCIAL.to_vec(),
            PlatformScope::Only(platforms) => platforms.clone(),
        }
    }

    /// True when the KPI counts this platform.
    pub fn includes(&self, platform: Platform) -> bool {
        match self {
            PlatformScope::All => PlatformScope::ALL_SOCIAL.contains(&platform),
            PlatformScope::Only(platforms) => platforms.contains(&platform),
        }
    }

    /// True when the scope is exactly one platform.
    pub fn is_single(&self) -> bool {
        matches!(self, PlatformScope::Only(platforms) if platforms.len() == 1)
    }
}

/// How a period's daily figures become the KPI's one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// The period's total of a flow (impressions, clicks, new followers).
    Sum,
    /// The mean per day over the days with data (average daily impressions).
    Average,
    /// The last value in the period: a level (followers at the period's end), or a figure
    /// the platform reports for the period as a whole (reach, its own rate).
    Latest,
    /// A rate computed from the period's summed parts (engagement rate = Σ engagements /
    /// Σ impressions), never an average of daily rates.
    Rate,
}

impl Aggregation {
    /// Every aggregation.
    pub const ALL: [Aggregation; 4] = [
        Aggregation::Sum,
        Aggregation::Average,
        Aggregation::Latest,
        Aggregation::Rate,
    ];

    /// The id used in strategy files.
    pub fn id(self) -> &'static str {
        match self {
            Aggregation::Sum => "sum",
            Aggregation::Average => "average",
            Aggregation::Latest => "latest",
            Aggregation::Rate => "rate",
        }
    }

    /// The aggregation with this id.
    pub fn from_id(id: &str) -> Option<Aggregation> {
        Aggregation::ALL
            .into_iter()
            .find(|aggregation| aggregation.id() == id)
    }
}

/// Whether a higher or a lower value is the better one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// More is better; the target is a floor to reach (impressions, followers).
    Higher,
    /// Less is better; the target is a ceiling to stay under (cost per click, spend).
    Lower,
}

impl Direction {
    /// The id used in strategy files.
    pub fn id(self) -> &'static str {
        match self {
            Direction::Higher => "higher",
            Direction::Lower => "lower",
        }
    }

    /// The direction with this id.
    pub fn from_id(id: &str) -> Option<Direction> {
        match id {
            "higher" => Some(Direction::Higher),
            "lower" => Some(Direction::Lower),
            _ => None,
        }
    }
}

/// The period a KPI's target applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodSpec {
    /// Every week, month, quarter or year: the target is per period, and the period that
    /// holds "today" is the one evaluated.
    Recurring(Cadence),
    /// Fixed dates.
    Custom(DateRange),
    /// The dates of the campaign with this id.
    Campaign(String),
}

impl PeriodSpec {
    /// The period to evaluate on `today`: for a cadence the one containing today; for
    /// fixed or campaign dates those dates (which may lie in the past or the future).
    /// `None` when the campaign is unknown or at the calendar's edges.
    pub fn resolve(&self, today: chrono::NaiveDate, strategy: &Strategy) -> Option<DateRange> {
        match self {
            PeriodSpec::Recurring(cadence) => cadence.containing(today),
            PeriodSpec::Custom(range) => Some(*range),
            PeriodSpec::Campaign(id) => strategy.campaign(id).map(|campaign| campaign.dates),
        }
    }

    /// The period just before the one evaluated on `today`: only cadences have one.
    pub fn previous(&self, today: chrono::NaiveDate) -> Option<DateRange> {
        match self {
            PeriodSpec::Recurring(cadence) => cadence.previous(today),
            PeriodSpec::Custom(_) | PeriodSpec::Campaign(_) => None,
        }
    }

    /// A label for the period starting on `start` (`2026-11`, `2026-W48`), or the
    /// campaign's id, or the dates.
    pub fn label(&self, range: DateRange) -> String {
        match self {
            PeriodSpec::Recurring(cadence) => cadence.label(range.start()),
            PeriodSpec::Custom(range) => range.label(),
            PeriodSpec::Campaign(id) => id.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_objective_kind_has_an_id_and_a_stage() {
        for kind in ObjectiveKind::ALL {
            assert_eq!(ObjectiveKind::from_id(kind.id()), Some(kind));
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.id());
        }
        assert_eq!(ObjectiveKind::Awareness.amec_stage(), AmecStage::Outputs);
        assert_eq!(ObjectiveKind::Engagement.amec_stage(), AmecStage::Outtakes);
        assert_eq!(ObjectiveKind::Community.amec_stage(), AmecStage::Outcomes);
    }

    #[test]
    fn the_all_scope_leaves_the_ad_platform_out() {
        assert!(PlatformScope::All.includes(Platform::Instagram));
        assert!(!PlatformScope::All.includes(Platform::Meta));
        let scope = PlatformScope::only([Platform::X, Platform::LinkedIn, Platform::X]);
        assert_eq!(
            scope,
            PlatformScope::Only(vec![Platform::LinkedIn, Platform::X])
        );
        assert!(!scope.is_single());
        assert!(PlatformScope::only([Platform::Meta]).includes(Platform::Meta));
    }
}
