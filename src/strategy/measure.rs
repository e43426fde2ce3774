//! What kind of figure a metric is, and which aggregations give a comparable KPI value.
//!
//! A KPI is only meaningful when its figures can be combined: impressions add up over days
//! and platforms; followers are a level and never add up over days; reach counts unique
//! accounts and adds up over neither; a rate is computed from its summed parts and never
//! averaged. This module holds those rules once, for validation (refusing a KPI that mixes
//! incomparable figures) and for the evaluator (choosing how to pace it). It does no I/O.

use crate::metrics::{aggregation_of, Aggregation as StoreAggregation, CanonicalMetric};
use crate::model::Metric;
use crate::strategy::model::{Aggregation, Direction};

/// The kind of figure a metric is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// Activity per day that adds up over days and platforms (impressions, clicks, spend,
    /// and platforms' own additive figures such as `x:engagements`).
    Flow,
    /// A level at the end of a day (total followers): never summed over days.
    Level,
    /// Estimated unique accounts (reach): adds up over neither days nor platforms.
    Unique,
    /// A ratio of two flows; `parts` says which, when Yardstick can compute it from them.
    Ratio { parts: Option<RateParts> },
    /// A platform's own rate (`linkedin:engagement_rate`), only as the platform reports it.
    PlatformOwnRate,
    /// A platform's own figure that does not add up, or whose nature Yardstick does not
    /// know: only its reported value for a period can be compared.
    Reported,
}

/// How a rate is computed from its parts: `Σ numerator / Σ denominator × scale`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateParts {
    pub numerator: CanonicalMetric,
    pub denominator: CanonicalMetric,
    /// 1 for plain ratios, 1000 for cost per mille.
    pub scale: f64,
}

/// The parts a canonical rate is computed from, when both add up over days. Frequency is
/// impressions / reach, and reach does not add up, so it has none.
pub fn rate_parts(metric: CanonicalMetric) -> Option<RateParts> {
    match (metric, metric.aggregation()) {
        (CanonicalMetric::Frequency, _) => None,
        (
            _,
            StoreAggregation::Ratio {
                numerator,
                denominator,
                scale,
            },
        ) => Some(RateParts {
            numerator,
            denominator,
            scale: f64::from(scale),
        }),
        _ => None,
    }
}

/// The shape of a metric, following how the store combines it ([`aggregation_of`]).
pub fn shape(metric: &Metric) -> Shape {
    match (metric, aggregation_of(metric)) {
        (_, StoreAggregation::Sum) => Shape::Flow,
        (_, StoreAggregation::Level) => Shape::Level,
        (Metric::Canonical(canonical), StoreAggregation::Ratio { .. }) => Shape::Ratio {
            parts: rate_parts(*canonical),
        },
        (Metric::Canonical(_), StoreAggregation::NonAdditive) => Shape::Unique,
        (
            Metric::Platform { name, .. },
            StoreAggregation::NonAdditive | StoreAggregation::Ratio { .. },
        ) => {
            let is_rate = name
                .split('_')
                .any(|word| matches!(word, "rate" | "ctr" | "percentage"));
            if is_rate {
                Shape::PlatformOwnRate
            } else {
                Shape::Reported
            }
        }
    }
}

/// The aggregations that give a comparable value for this metric, the natural one first.
pub fn allowed_aggregations(metric: &Metric) -> &'static [Aggregation] {
    use Aggregation as A;
    match shape(metric) {
        Shape::Flow => &[A::Sum, A::Average],
        Shape::Level => &[A::Latest, A::Average],
        Shape::Unique => &[A::Latest],
        Shape::Ratio { parts: Some(_) } => &[A::Rate, A::Latest],
        Shape::Ratio { parts: None } | Shape::PlatformOwnRate | Shape::Reported => &[A::Latest],
    }
}

/// The aggregation a KPI on this metric gets when the file does not say.
pub fn default_aggregation(metric: &Metric) -> Aggregation {
    allowed_aggregations(metric)
        .first()
        .copied()
        .unwrap_or(Aggregation::Latest)
}

/// The direction a KPI on this metric gets when the file does not say: lower is better for
/// costs, spend and lost followers, higher for everything else.
pub fn default_direction(metric: &Metric) -> Direction {
    use CanonicalMetric as M;
    match metric.canonical() {
        Some(M::CostPerResult | M::Cpm | M::Cpc | M::Spend | M::FollowersLost) => Direction::Lower,
        _ => Direction::Higher,
    }
}

/// True when no value of the metric can be negative (every canonical metric; a platform's
/// own figure may be a net change).
pub fn is_non_negative(metric: &Metric) -> bool {
    metric.canonical().is_some()
}

/// True when a value above 1 of this rate means someone wrote a percentage number where a
/// fraction belongs (an engagement rate of 4 is 400 %).
pub fn is_fraction_of_one(metric: &Metric) -> bool {
    matches!(
        metric.canonical(),
        Some(CanonicalMetric::EngagementRate | CanonicalMetric::Ctr)
    )
}

/// Why an aggregation does not fit a metric, said so a person can fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misfit {
    pub why: String,
    pub fix: String,
}

/// Checks that `aggregation` gives a comparable value for `metric`.
pub fn check_aggregation(metric: &Metric, aggregation: Aggregation) -> Result<(), Misfit> {
    let allowed = allowed_aggregations(metric);
    if allowed.contains(&aggregation) {
        return Ok(());
    }
    let names: Vec<&str> = allowed.iter().map(|a| a.id()).collect();
    let fix = format!("use \"aggregation\": \"{}\"", names.join("\" or \""));
    let why = match (shape(metric), aggregation) {
        (Shape::Level, Aggregation::Sum) => format!(
            "{metric} is a level (a total on each day); summing it over days counts the same followers again every day"
        ),
        (Shape::Unique, Aggregation::Sum | Aggregation::Average) => format!(
            "{metric} counts estimated unique accounts; it cannot be added up over days, and its daily figures do not average to the period's"
        ),
        (Shape::Ratio { .. } | Shape::PlatformOwnRate, Aggregation::Average) => format!(
            "{metric} is a rate; an average of daily rates weighs a quiet day like a busy one"
        ),
        (Shape::Ratio { .. } | Shape::PlatformOwnRate, Aggregation::Sum) => {
            format!("{metric} is a rate; rates do not add up")
        }
        (Shape::Ratio { parts: None } | Shape::PlatformOwnRate, Aggregation::Rate) => format!(
            "Yardstick cannot compute {metric} from summable parts, so only the platform's own reported figure can be used"
        ),
        (Shape::Flow, Aggregation::Latest) => format!(
            "{metric} is activity per day; its latest value is one day's figure, not the period's"
        ),
        (Shape::Reported, _) => format!(
            "{metric} is the platform's own figure for a whole period; Yardstick does not know that it adds up over days, so only the reported value can be compared"
        ),
        (Shape::Flow | Shape::Level | Shape::Unique, Aggregation::Rate) => {
            format!("{metric} is not a rate, so there are no parts to divide")
        }
        _ => format!("{} does not fit {metric}", aggregation.id()),
    };
    Err(Misfit { why, fix })
}

/// Why a metric cannot be combined across the KPI's platforms, when it cannot.
pub fn check_platform_mix(
    metric: &Metric,
    aggregation: Aggregation,
    platform_count: usize,
) -> Result<(), Misfit> {
    if platform_count <= 1 {
        return Ok(());
    }
    match (shape(metric), aggregation) {
        (Shape::Unique, _) => Err(Misfit {
            why: format!(
                "{metric} counts estimated unique accounts on each platform; the same person reached on two platforms would be counted twice"
            ),
            fix: "make one KPI per platform".to_owned(),
        }),
        (Shape::Reported, _) => Err(Misfit {
            why: format!(
                "{metric} is a figure the platform reports as a whole; it cannot be added across platforms"
            ),
            fix: "make one KPI per platform".to_owned(),
        }),
        (Shape::Ratio { .. } | Shape::PlatformOwnRate, Aggregation::Latest) => Err(Misfit {
            why: format!(
                "the platforms' own {metric} figures are computed each their own way and cannot be combined"
            ),
            fix: "use \"aggregation\": \"rate\" to compute it from the summed parts, or make one KPI per platform".to_owned(),
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Platform;

    fn metric(text: &str) -> Metric {
        text.parse().unwrap()
    }

    fn check(metric_text: &str, aggregation: Aggregation, fits: bool) {
        let result = check_aggregation(&metric(metric_text), aggregation);
        assert_eq!(
            result.is_ok(),
            fits,
            "{metric_text} with {aggregation:?}: {result:?}"
        );
    }

    #[test]
    fn aggregations_fit_the_shape_of_the_metric() {
        use Aggregation::*;
        check("impressions", Sum, true);
        check("impressions", Average, true);
        check("impressions", Latest, false);
        check("impressions", Rate, false);
        check("followers", Sum, false);
        check("followers", Latest, true);
        check("followers", Average, true);
        check("reach", Sum, false);
        check("reach", Average, false);
        check("reach", Latest, true);
        check("engagement_rate", Average, false);
        check("engagement_rate", Sum, false);
        check("engagement_rate", Rate, true);
        check("engagement_rate", Latest, true);
        check("frequency", Rate, false);
        check("cpm", Rate, true);
        check("linkedin:engagement_rate", Average, false);
        check("linkedin:engagement_rate", Latest, true);
        check("x:engagements", Sum, true);
        check("x:engagements", Latest, false);
        check("youtube:subscribers", Sum, true);
        check("youtube:subscribers", Latest, false);
        check("tiktok:unique_viewers", Sum, false);
        check("tiktok:unique_viewers", Latest, true);
    }

    #[test]
    fn every_canonical_metric_has_a_natural_aggregation() {
        for canonical in CanonicalMetric::ALL {
            let metric = Metric::Canonical(*canonical);
            let natural = default_aggregation(&metric);
            assert!(check_aggregation(&metric, natural).is_ok(), "{metric}");
        }
    }

    #[test]
    fn refusals_say_why_and_what_to_do() {
        let misfit = check_aggregation(&metric("followers"), Aggregation::Sum).unwrap_err();
        assert!(misfit.why.contains("level"), "{}", misfit.why);
        assert_eq!(misfit.fix, "use \"aggregation\": \"latest\" or \"average\"");
        let misfit =
            check_aggregation(&metric("engagement_rate"), Aggregation::Average).unwrap_err();
        assert!(
            misfit.why.contains("average of daily rates"),
            "{}",
            misfit.why
        );
    }

    #[test]
    fn rates_from_parts_mix_across_platforms_and_reported_rates_do_not() {
        let rate = metric("engagement_rate");
        assert!(check_platform_mix(&rate, Aggregation::Rate, 3).is_ok());
        assert!(check_platform_mix(&rate, Aggregation::Latest, 3).is_err());
        assert!(check_platform_mix(&rate, Aggregation::Latest, 1).is_ok());
        assert!(check_platform_mix(&metric("reach"), Aggregation::Latest, 2).is_err());
        assert!(check_platform_mix(&metric("impressions"), Aggregation::Sum, 7).is_ok());
        assert_eq!(
            shape(&Metric::platform(Platform::LinkedIn, "Engagement rate")),
            Shape::PlatformOwnRate
        );
    }

    #[test]
    fn costs_are_lower_is_better_by_default() {
        assert_eq!(default_direction(&metric("cpc")), Direction::Lower);
        assert_eq!(
            default_direction(&metric("followers_lost")),
            Direction::Lower
        );
        assert_eq!(default_direction(&metric("impressions")), Direction::Higher);
        assert_eq!(
            rate_parts(CanonicalMetric::Cpm).map(|p| p.scale),
            Some(1000.0)
        );
    }
}
