//! Paid metrics derived from their parts: CPM, CPC and CTR (link clicks and all clicks),
//! frequency and cost per result, and money in one currency.
//!
//! Every rate here is computed from summed parts, never averaged from the platforms'
//! rates (an average of per-ad CPMs weighs a tiny ad like a big one). Money in different
//! currencies is never added: a campaign either reports in the one currency its figures
//! are in, or the user names a report currency and a rate for every other one; anything
//! else is refused with a [`PaidError`]. Cost per result needs one result type: results
//! of different optimisation events (purchases, reach) are not one count (see
//! [`super::results`], which decides, and sets `results_note`). Nothing here reads the
//! store.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::campaign::plan::CurrencyPlan;
use crate::model::Unit;

/// Why money could not be combined.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PaidError {
    /// Figures in several currencies and no report currency with rates.
    #[error("the campaign's {what} is in {} and no rate converts them; add \"currency\": {{ \"report\": \"{}\", \"rates\": {{ {} }} }} to the campaign with today's rates", currencies.join(" and "), currencies.first().map(String::as_str).unwrap_or("EUR"), currencies.iter().skip(1).map(|c| format!("\"{c}\": …")).collect::<Vec<_>>().join(", "))]
    MixedCurrencies {
        /// What was being added (`spend on linkedin and meta`).
        what: String,
        currencies: Vec<String>,
    },
    /// A currency the campaign's figures use has no rate to the report currency.
    #[error("the campaign reports in {report}, but its {what} is also in {from} and no rate from {from} is given; add \"{from}\": <value of one {from} in {report}> to the campaign's currency rates")]
    MissingRate {
        what: String,
        from: String,
        report: String,
    },
}

/// Converts money into the campaign's report currency.
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    /// The currency everything is reported in.
    pub report: String,
    rates: BTreeMap<String, f64>,
    /// The rates actually used, for the report's footnote.
    pub used_rates: BTreeMap<String, f64>,
}

impl Money {
    /// The report currency for money in `found` currencies: the plan's when it names one
    /// (every other currency then needs a rate), else the one currency found. `None` when
    /// no money was found.
    pub fn settle(
        plan: Option<&CurrencyPlan>,
        found: &BTreeSet<String>,
        what: &str,
    ) -> Result<Option<Money>, PaidError> {
        let Some(plan) = plan else {
            return match found.len() {
                0 => Ok(None),
                1 => Ok(found.iter().next().map(|code| Money {
                    report: code.clone(),
                    rates: BTreeMap::new(),
                    used_rates: BTreeMap::new(),
                })),
                _ => Err(PaidError::MixedCurrencies {
                    what: what.to_owned(),
                    currencies: found.iter().cloned().collect(),
                }),
            };
        };
        let mut used_rates = BTreeMap::new();
        for code in found {
            if *code == plan.report {
                continue;
            }
            match plan.rates.get(code) {
                Some(rate) => {
                    used_rates.insert(code.clone(), *rate);
                }
                None => {
                    return Err(PaidError::MissingRate {
                        what: what.to_owned(),
                        from: code.clone(),
                        report: plan.report.clone(),
                    })
                }
            }
        }
        Ok(Some(Money {
            report: plan.report.clone(),
            rates: plan.rates.clone(),
            used_rates,
        }))
    }

    /// `value` in `unit` converted to the report currency; `None` when the unit is not money
    /// or has no rate (which [`Money::settle`] already refused).
    pub fn convert(&self, value: f64, unit: &Unit) -> Option<f64> {
        let Unit::Currency(code) = unit else {
            return None;
        };
        if *code == self.report {
            return Some(value);
        }
        self.rates.get(code).map(|rate| value * rate)
    }

    /// The report currency as a unit.
    pub fn unit(&self) -> Unit {
        Unit::Currency(self.report.clone())
    }
}

/// The currencies money figures are in.
pub fn currencies<'a>(units: impl IntoIterator<Item = &'a Unit>) -> BTreeSet<String> {
    units
        .into_iter()
        .filter_map(|unit| match unit {
            Unit::Currency(code) => Some(code.clone()),
            _ => None,
        })
        .collect()
}

/// The summed parts of paid delivery, for one ad entity or many (money already in one
/// currency).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PaidParts {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spend: Option<f64>,
    /// The currency of `spend`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub impressions: Option<f64>,
    /// Reach of exactly one reading: unique accounts never add up across entities.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reach: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_clicks: Option<f64>,
    /// Every click the platform counts (Meta's "Clicks (all)").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clicks: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub results: Option<f64>,
    /// The one result type the results count, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result_type: Option<String>,
    /// The attribution setting the results were counted under, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// Why results have no cost per result (several result types, say).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub results_note: Option<String>,
}

/// One derived paid metric, with the formula it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Derived {
    pub value: f64,
    pub unit: Unit,
    /// The formula with the numbers (`spend 380.00 / impressions 52000 × 1000`).
    pub formula: String,
}

/// The paid metrics derived from [`PaidParts`]; each is absent when a part is missing or
/// its denominator is zero.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DerivedPaid {
    /// Spend / impressions × 1000.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpm: Option<Derived>,
    /// Spend / link clicks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpc_link: Option<Derived>,
    /// Spend / all clicks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpc_all: Option<Derived>,
    /// Link clicks / impressions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ctr_link: Option<Derived>,
    /// All clicks / impressions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ctr_all: Option<Derived>,
    /// Impressions / reach (one reading of reach only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Derived>,
    /// Spend / results of one result type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_per_result: Option<Derived>,
}

/// Derives the paid metrics from their parts.
pub fn derive_paid(parts: &PaidParts) -> DerivedPaid {
    let money = parts.currency.clone().map(Unit::Currency);
    let spend = parts.spend.zip(money.clone());
    let ratio = |numerator: Option<(f64, &str)>,
                 denominator: Option<(f64, &str)>,
                 scale: f64,
                 unit: Option<Unit>| {
        let ((n, n_name), (d, d_name)) = numerator.zip(denominator)?;
        let unit = unit?;
        if d <= 0.0 || !d.is_finite() || !n.is_finite() {
            return None;
        }
        let scaled = if scale == 1.0 {
            String::new()
        } else {
            format!(" × {scale}")
        };
        Some(Derived {
            value: n / d * scale,
            unit,
            formula: format!("{n_name} {} / {d_name} {}{scaled}", plain(n), plain(d)),
        })
    };
    let spend_part = spend.as_ref().map(|(value, _)| (*value, "spend"));
    let money_unit = spend.map(|(_, unit)| unit);
    let impressions = parts.impressions.map(|v| (v, "impressions"));
    let link_clicks = parts.link_clicks.map(|v| (v, "link clicks"));
    let clicks = parts.clicks.map(|v| (v, "clicks (all)"));
    let cost_per_result = if parts.results_note.is_some() {
        None
    } else {
        ratio(
            spend_part,
            parts.results.map(|v| (v, "results")),
            1.0,
            money_unit.clone(),
        )
    };
    DerivedPaid {
        cpm: ratio(spend_part, impressions, 1000.0, money_unit.clone()),
        cpc_link: ratio(spend_part, link_clicks, 1.0, money_unit.clone()),
        cpc_all: ratio(spend_part, clicks, 1.0, money_unit),
        ctr_link: ratio(link_clicks, impressions, 1.0, Some(Unit::Ratio)),
        ctr_all: ratio(clicks, impressions, 1.0, Some(Unit::Ratio)),
        frequency: ratio(
            impressions,
            parts.reach.map(|v| (v, "reach")),
            1.0,
            Some(Unit::Ratio),
        ),
        cost_per_result,
    }
}

/// A number as plain text: up to 2 decimals, no grouping.
fn plain(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Meta Ads Manager's ad-level export rows (reference/ads-managers.md): two ads of one
    /// campaign, their platform-reported CPMs 6.296… and 8.687…
    fn two_meta_ads() -> PaidParts {
        PaidParts {
            spend: Some(188.89 + 191.11),
            currency: Some("USD".into()),
            impressions: Some(30000.0 + 22000.0),
            reach: None,
            link_clicks: Some(400.0 + 240.0),
            clicks: Some(910.0 + 515.0),
            results: Some(45.0),
            result_type: Some("actions:offsite_conversion.fb_pixel_purchase".into()),
            attribution: Some("7-day click or 1-day view".into()),
            results_note: None,
        }
    }

    #[test]
    fn rates_come_from_summed_parts_not_averaged_rates() {
        let derived = derive_paid(&two_meta_ads());
        let cpm = derived.cpm.unwrap();
        // 380 / 52000 × 1000 = 7.3077, Meta's own total; the mean of the two ads' CPMs
        // (6.2963 and 8.6868) would be 7.4916.
        assert!((cpm.value - 7.307_692_307_7).abs() < 1e-9, "{}", cpm.value);
        assert_eq!(cpm.unit, Unit::Currency("USD".into()));
        assert_eq!(cpm.formula, "spend 380 / impressions 52000 × 1000");
        assert!((derived.cpc_link.unwrap().value - 0.59375).abs() < 1e-12);
        assert!((derived.ctr_link.as_ref().unwrap().value - 640.0 / 52000.0).abs() < 1e-12);
        assert!((derived.ctr_all.unwrap().value - 1425.0 / 52000.0).abs() < 1e-12);
        assert!((derived.cpc_all.unwrap().value - 380.0 / 1425.0).abs() < 1e-12);
        assert!((derived.cost_per_result.unwrap().value - 380.0 / 45.0).abs() < 1e-12);
        assert!(
            derived.frequency.is_none(),
            "reach of two ads does not add up"
        );
    }

    #[test]
    fn a_missing_part_or_a_zero_denominator_gives_nothing() {
        let mut parts = two_meta_ads();
        parts.impressions = Some(0.0);
        parts.link_clicks = None;
        parts.reach = Some(0.0);
        let derived = derive_paid(&parts);
        assert!(derived.cpm.is_none());
        assert!(derived.ctr_all.is_none());
        assert!(derived.cpc_link.is_none());
        assert!(derived.frequency.is_none());
        assert!(
            derived.cpc_all.is_some(),
            "spend over all clicks still has its parts"
        );
    }

    #[test]
    fn frequency_is_impressions_over_one_reach() {
        let parts = PaidParts {
            impressions: Some(52000.0),
            reach: Some(21000.0),
            ..PaidParts::default()
        };
        let frequency = derive_paid(&parts).frequency.unwrap();
        assert!((frequency.value - 2.476_190_476).abs() < 1e-9);
        assert!(derive_paid(&parts).cpm.is_none(), "no spend, no CPM");
    }

    #[test]
    fn a_results_note_means_no_cost_per_result() {
        let mut parts = two_meta_ads();
        parts.results = Some(57.0);
        parts.results_note = Some("results count different actions".into());
        assert!(derive_paid(&parts).cost_per_result.is_none());
    }

    #[test]
    fn one_currency_is_kept_and_several_need_rates() {
        let found: BTreeSet<String> = ["EUR".to_owned()].into();
        let money = Money::settle(None, &found, "spend").unwrap().unwrap();
        assert_eq!(money.report, "EUR");
        assert_eq!(
            Money::settle(None, &BTreeSet::new(), "spend").unwrap(),
            None
        );
        let mixed: BTreeSet<String> = ["EUR".to_owned(), "USD".to_owned()].into();
        let refused = Money::settle(None, &mixed, "spend on linkedin and meta").unwrap_err();
        assert_eq!(
            refused,
            PaidError::MixedCurrencies {
                what: "spend on linkedin and meta".into(),
                currencies: vec!["EUR".into(), "USD".into()]
            }
        );
        assert!(
            refused.to_string().contains("\"rates\": { \"USD\": … }"),
            "{refused}"
        );
        let plan = CurrencyPlan {
            report: "EUR".into(),
            rates: [("USD".to_owned(), 0.92)].into(),
        };
        let money = Money::settle(Some(&plan), &mixed, "spend")
            .unwrap()
            .unwrap();
        assert!(
            (money.convert(100.0, &Unit::Currency("USD".into())).unwrap() - 92.0).abs() < 1e-12
        );
        assert_eq!(money.convert(5.0, &Unit::Currency("EUR".into())), Some(5.0));
        assert_eq!(money.convert(5.0, &Unit::Count), None);
        assert_eq!(money.used_rates, [("USD".to_owned(), 0.92)].into());
        let with_gbp: BTreeSet<String> = ["EUR".to_owned(), "GBP".to_owned()].into();
        let missing = Money::settle(Some(&plan), &with_gbp, "spend").unwrap_err();
        assert!(
            matches!(missing, PaidError::MissingRate { ref from, .. } if from == "GBP"),
            "{missing}"
        );
    }
}
