//! Which KPIs a platform's page shows: those of that platform alone, and the
//! organisation-wide ones it contributes to, with a summary of their statuses for the
//! popup. Nothing here evaluates; it selects and counts evaluations.

use serde::Serialize;

use crate::evaluate::{KpiEvaluation, Status, StrategyEvaluation};
use crate::model::Platform;

/// How a KPI concerns a platform's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relevance {
    /// The KPI counts this platform only.
    Platform,
    /// The KPI counts several platforms, this one among them.
    Organisation,
}

/// One KPI as a page shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageKpi {
    pub relevance: Relevance,
    #[serde(flatten)]
    pub evaluation: KpiEvaluation,
}

/// How many of a page's KPIs have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub achieved: usize,
    pub on_track: usize,
    pub at_risk: usize,
    pub off_track: usize,
    pub missed: usize,
    pub partial_data: usize,
    pub no_data: usize,
    pub not_started: usize,
}

/// The KPIs a platform's page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageKpis {
    pub strategy: String,
    pub platform: Platform,
    /// The platform's own KPIs first, then the organisation-wide ones, each in file order.
    pub kpis: Vec<PageKpi>,
    pub counts: StatusCounts,
    /// The status that most needs attention, when there are KPIs: missed, off track, at
    /// risk, partial data, no data, on track, achieved, not started.
    pub worst: Option<Status>,
}

/// The KPIs of `evaluation` that concern `platform`.
pub fn for_platform(evaluation: StrategyEvaluation, platform: Platform) -> PageKpis {
    let relevance = |kpi: &KpiEvaluation| match kpi.platforms.as_slice() {
        [only] if *only == platform => Some(Relevance::Platform),
        several if several.len() > 1 && several.contains(&platform) => {
            Some(Relevance::Organisation)
        }
        _ => None,
    };
    let mut kpis: Vec<PageKpi> = evaluation
        .kpis
        .into_iter()
        .filter_map(|kpi| {
            relevance(&kpi).map(|relevance| PageKpi {
                relevance,
                evaluation: kpi,
            })
        })
        .collect();
    kpis.sort_by_key(|kpi| kpi.relevance == Relevance::Organisation);
    let mut counts = StatusCounts::default();
    for kpi in &kpis {
        let count = match kpi.evaluation.status {
            Status::Achieved => &mut counts.achieved,
            Status::OnTrack => &mut counts.on_track,
            Status::AtRisk => &mut counts.at_risk,
            Status::OffTrack => &mut counts.off_track,
            Status::Missed => &mut counts.missed,
            Status::PartialData => &mut counts.partial_data,
            Status::NoData => &mut counts.no_data,
            Status::NotStarted => &mut counts.not_started,
        };
        *count += 1;
    }
    let worst = kpis
        .iter()
        .map(|kpi| kpi.evaluation.status)
        .max_by_key(|status| urgency(*status));
    PageKpis {
        strategy: evaluation.strategy,
        platform,
        kpis,
        counts,
        worst,
    }
}

/// How much a status needs attention (higher first).
fn urgency(status: Status) -> u8 {
    match status {
        Status::Missed => 7,
        Status::OffTrack => 6,
        Status::AtRisk => 5,
        Status::PartialData => 4,
        Status::NoData => 3,
        Status::OnTrack => 2,
        Status::Achieved => 1,
        Status::NotStarted => 0,
    }
}
