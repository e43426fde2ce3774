//! A campaign's own KPIs, evaluated by the strategy evaluator over the campaign's dates
//! and only its content: actual, pacing, forecast and status as for any KPI.
//!
//! The figures handed to [`crate::evaluate::evaluate_kpi`] are built from the entries the
//! ledger adds (see [`super::ledger`]) on the KPI's platforms and part (organic posts, paid
//! ad entities, or both): a sum adds the entries' totals, a rate divides parts summed over
//! the entries that have both (CPC and CTR over link clicks or all clicks, as the KPI
//! says), money is in the report currency. Days are known when any entry knows them; days
//! read one by one feed the evaluator's pacing and forecast. Reach, frequency and other
//! figures that do not add up answer only when exactly one entry has them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::campaign::content::Content;
use crate::campaign::ledger::{self, Entry, Part};
use crate::campaign::paid::Money;
use crate::campaign::plan::{counts_distribution, CampaignKpi, CampaignPlan, ClickKind};
use crate::campaign::words::{self, Counted, Note};
use crate::evaluate::{evaluate_kpi, DayValue, Figures, KnownTotal, KpiEvaluation, Measure};
use crate::metrics::{AmecStage, CanonicalMetric};
use crate::model::{Language, Metric, Unit};
use crate::strategy::{DateRange, Kpi, Objective, ObjectiveKind, RangeDays};

/// One campaign KPI evaluated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CampaignKpiResult {
    #[serde(flatten)]
    pub evaluation: KpiEvaluation,
    /// The report currency, for money KPIs (whose `unit` the metric alone cannot decide).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// For CPC and CTR: which clicks were counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clicks: Option<ClickKind>,
    /// What was counted, in words in the view's language (`spend / link_clicks over 3
    /// item(s) with both`, `besteed bedrag / klikken op links over 3 items met beide`).
    pub counted: String,
    /// How many entries the actual adds up.
    pub items: usize,
    /// What the actual leaves out, and why.
    pub notes: Vec<String>,
}

/// Evaluates every KPI of the plan on `today`; notes in `language`.
pub fn evaluate(
    plan: &CampaignPlan,
    content: &[Content],
    entries: &[Entry],
    money: Option<&Money>,
    today: NaiveDate,
    language: Language,
) -> Vec<CampaignKpiResult> {
    plan.kpis
        .iter()
        .map(|campaign_kpi| {
            evaluate_one(plan, campaign_kpi, content, entries, money, today, language)
        })
        .collect()
}

fn evaluate_one(
    plan: &CampaignPlan,
    campaign_kpi: &CampaignKpi,
    content: &[Content],
    entries: &[Entry],
    money: Option<&Money>,
    today: NaiveDate,
    language: Language,
) -> CampaignKpiResult {
    let kpi = &campaign_kpi.kpi;
    let selected: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.added && counts_distribution(kpi.distribution, e.part == Part::Paid))
        .filter(|e| {
            content
                .get(e.content)
                .is_some_and(|c| kpi.platforms.includes(c.platform))
        })
        .collect();
    let mut notes = Vec::new();
    let (figures, items, counted) = match Measure::of(kpi) {
        Measure::Sum | Measure::Average => {
            let (figures, items) = summed(plan.dates, content, &selected, &kpi.metric, money);
            (
                figures,
                items,
                words::counted(
                    &Counted::Sum {
                        metric: &kpi.metric,
                        items,
                    },
                    language,
                ),
            )
        }
        Measure::Rate { .. } => match rate_parts(campaign_kpi) {
            Some((numerator, denominator)) => {
                if numerator == CanonicalMetric::Spend && denominator == CanonicalMetric::Results {
                    if let Some(note) = ledger::results_note(content, &selected, language) {
                        notes.push(note);
                    }
                }
                if notes.is_empty() {
                    let (figures, items) = rate(
                        plan.dates,
                        content,
                        &selected,
                        numerator,
                        denominator,
                        money,
                    );
                    (
                        figures,
                        items,
                        words::counted(
                            &Counted::Rate {
                                numerator,
                                denominator,
                                items: Some(items),
                            },
                            language,
                        ),
                    )
                } else {
                    (
                        Figures::default(),
                        0,
                        words::counted(
                            &Counted::Rate {
                                numerator,
                                denominator,
                                items: None,
                            },
                            language,
                        ),
                    )
                }
            }
            None => (
                Figures::default(),
                0,
                words::counted(&Counted::Metric(&kpi.metric), language),
            ),
        },
        Measure::Level { .. } | Measure::Reported => {
            let with: Vec<&Entry> = selected
                .iter()
                .copied()
                .filter(|e| ledger::total(content, e, &kpi.metric).is_some())
                .collect();
            if with.len() > 1 {
                notes.push(words::note(
                    &Note::DoesNotAddUp {
                        metric: &kpi.metric,
                        items: with.len(),
                    },
                    language,
                ));
                (
                    Figures::default(),
                    0,
                    words::counted(&Counted::Metric(&kpi.metric), language),
                )
            } else {
                if with.is_empty() {
                    notes.push(words::note(
                        &Note::NoReadingOfDates {
                            metric: &kpi.metric,
                            dates: &plan.dates.label(),
                        },
                        language,
                    ));
                }
                let (figures, items) = summed(plan.dates, content, &with, &kpi.metric, money);
                (
                    figures,
                    items,
                    words::counted(&Counted::OneReading(&kpi.metric), language),
                )
            }
        }
    };
    let objective = objective_for(plan, kpi);
    let evaluation = evaluate_kpi(&objective, kpi, plan.dates, today, &figures);
    let is_money = kpi.metric.canonical().is_some_and(|m| m.unit().is_none());
    let uses_clicks = matches!(
        kpi.metric.canonical(),
        Some(CanonicalMetric::Cpc | CanonicalMetric::Ctr)
    );
    CampaignKpiResult {
        evaluation,
        currency: if is_money {
            money.map(|m| m.report.clone())
        } else {
            None
        },
        clicks: uses_clicks.then_some(campaign_kpi.clicks),
        counted,
        items,
        notes,
    }
}

/// The parts a campaign rate KPI divides.
fn rate_parts(campaign_kpi: &CampaignKpi) -> Option<(CanonicalMetric, CanonicalMetric)> {
    use CanonicalMetric as M;
    let clicks = match campaign_kpi.clicks {
        ClickKind::Link => M::LinkClicks,
        ClickKind::All => M::Clicks,
    };
    match campaign_kpi.kpi.metric.canonical()? {
        M::Ctr => Some((clicks, M::Impressions)),
        M::Cpc => Some((M::Spend, clicks)),
        M::Cpm => Some((M::Spend, M::Impressions)),
        M::CostPerResult => Some((M::Spend, M::Results)),
        M::EngagementRate => Some((M::Engagements, M::Impressions)),
        M::AvgViewDuration => Some((M::WatchTime, M::VideoViews)),
        _ => None,
    }
}

/// An objective to hang the KPI on: the campaign, at the metric's AMEC stage.
fn objective_for(plan: &CampaignPlan, kpi: &Kpi) -> Objective {
    let stage = kpi.metric.canonical().map(CanonicalMetric::amec_stage);
    let kind = match stage {
        Some(AmecStage::Outputs) => ObjectiveKind::Awareness,
        Some(AmecStage::Outtakes) | None => ObjectiveKind::Engagement,
        Some(AmecStage::Outcomes | AmecStage::Inputs) => ObjectiveKind::Conversion,
    };
    Objective {
        id: plan.id.clone(),
        kind,
        title: plan.name.clone(),
        note: None,
        kpis: Vec::new(),
    }
}

/// One metric's figures over the entries that have it.
fn summed(
    dates: DateRange,
    content: &[Content],
    entries: &[&Entry],
    metric: &Metric,
    money: Option<&Money>,
) -> (Figures, usize) {
    let (daily, total, items) = gather(dates, content, entries, metric, money);
    let figures = Figures {
        daily,
        total,
        ..Figures::default()
    };
    (figures, items)
}

/// A rate's figures over the entries that have both parts.
fn rate(
    dates: DateRange,
    content: &[Content],
    entries: &[&Entry],
    numerator: CanonicalMetric,
    denominator: CanonicalMetric,
    money: Option<&Money>,
) -> (Figures, usize) {
    let both: Vec<&Entry> = entries
        .iter()
        .copied()
        .filter(|e| {
            ledger::total(content, e, &numerator.into()).is_some()
                && ledger::total(content, e, &denominator.into()).is_some()
        })
        .collect();
    let (daily, total, items) = gather(dates, content, &both, &numerator.into(), money);
    let (denominator_daily, denominator_total, _) =
        gather(dates, content, &both, &denominator.into(), money);
    let figures = Figures {
        daily,
        denominator: denominator_daily,
        total,
        denominator_total,
    };
    (figures, items)
}

/// The days read one by one, and the total with the days no entry knows.
fn gather(
    dates: DateRange,
    content: &[Content],
    entries: &[&Entry],
    metric: &Metric,
    money: Option<&Money>,
) -> (Vec<DayValue>, Option<KnownTotal>, usize) {
    let mut daily: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    let mut value = 0.0;
    let mut known: Vec<NaiveDate> = Vec::new();
    let mut items = 0;
    for entry in entries {
        let Some(total) = ledger::total(content, entry, metric) else {
            continue;
        };
        let factor = match (&total.unit, money) {
            (Unit::Currency(_), Some(money)) => match money.convert(1.0, &total.unit) {
                Some(factor) => factor,
                None => continue,
            },
            (Unit::Currency(_), None) => continue,
            _ => 1.0,
        };
        items += 1;
        value += total.value * factor;
        for (day, day_value) in ledger::day_values(total) {
            *daily.entry(day).or_insert(0.0) += day_value * factor;
        }
        for day in dates.iter_days() {
            let missing = total.coverage.missing.iter().any(|run| run.contains(day));
            if !missing {
                known.push(day);
            }
        }
    }
    if items == 0 {
        return (Vec::new(), None, 0);
    }
    known.sort();
    known.dedup();
    let missing = runs(
        dates
            .iter_days()
            .filter(|day| known.binary_search(day).is_err()),
    );
    let daily = daily
        .into_iter()
        .map(|(date, value)| DayValue::new(date, value))
        .collect();
    (daily, Some(KnownTotal { value, missing }), items)
}

/// Consecutive days as ranges.
fn runs(days: impl Iterator<Item = NaiveDate>) -> Vec<DateRange> {
    let mut runs: Vec<DateRange> = Vec::new();
    for day in days {
        let extended = runs
            .last()
            .filter(|run| run.end().succ_opt() == Some(day))
            .and_then(|run| DateRange::new(run.start(), day).ok());
        match extended {
            Some(run) => {
                runs.pop();
                runs.push(run);
            }
            None => runs.push(DateRange::day(day)),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn days_become_runs() {
        let days = [
            "2027-03-01",
            "2027-03-02",
            "2027-03-04",
            "2027-03-31",
            "2027-04-01",
        ]
        .map(day);
        let found = runs(days.into_iter());
        let expected = vec![
            DateRange::new(day("2027-03-01"), day("2027-03-02")).unwrap(),
            DateRange::day(day("2027-03-04")),
            DateRange::new(day("2027-03-31"), day("2027-04-01")).unwrap(),
        ];
        assert_eq!(found, expected);
        assert!(runs(std::iter::empty()).is_empty());
    }
}
