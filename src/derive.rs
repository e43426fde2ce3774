//! Standard engagement and standard engagement rate, computed from the parts a platform
//! reports, so that one definition holds on every platform.
//!
//! `engagements` is the sum of the parts present among reactions, comments, shares, saves
//! and clicks; the parts that were present travel in the value's [`Derivation`].
//! `engagement_rate` is engagements / impressions, or engagements / reach on the platforms
//! that report no impressions ([`engagement_rate_denominator`]); the denominator travels
//! with the value too. A platform's own figure (`x:engagements`, `linkedin:engagement_rate`)
//! is never touched: the derived values are returned beside it.
//!
//! This module computes; it does not store, read pages or parse text. It has no clock: a
//! derived value's `read_at` is the newest of its inputs'.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::metrics::CanonicalMetric;
use crate::model::{
    Derivation, Distribution, Metric, Observation, Platform, Scope, Source, SourceKind, Unit,
    Window,
};

/// The parts of standard engagement, in the order the formula names them.
pub const ENGAGEMENT_PARTS: [CanonicalMetric; 5] = [
    CanonicalMetric::Reactions,
    CanonicalMetric::Comments,
    CanonicalMetric::Shares,
    CanonicalMetric::Saves,
    CanonicalMetric::Clicks,
];

/// The exposure standard engagement rate divides by on a platform: `impressions`, or
/// `reach` where the platform reports no impressions (Facebook and Instagram replaced them
/// with Views, which Yardstick keeps as `facebook:views`; TikTok reports views and reached
/// audience). Fixed per platform so that a rate means the same thing on every day.
pub fn engagement_rate_denominator(platform: Platform) -> CanonicalMetric {
    match platform {
        Platform::Facebook | Platform::Instagram | Platform::TikTok => CanonicalMetric::Reach,
        Platform::LinkedIn
        | Platform::X
        | Platform::YouTube
        | Platform::Pinterest
        | Platform::Meta => CanonicalMetric::Impressions,
    }
}

/// Derives standard engagement and standard engagement rate for every group of
/// observations that share platform, account, scope, post, distribution, window and
/// period. Returns only the new derived observations; the inputs, platform figures
/// included, are left as they are.
///
/// A group without any part yields nothing; a group whose denominator is missing or zero
/// yields engagements without a rate.
pub fn derive_standard(observations: &[Observation]) -> Vec<Observation> {
    let mut groups: BTreeMap<GroupKey<'_>, Vec<&Observation>> = BTreeMap::new();
    for observation in observations {
        groups
            .entry(GroupKey::of(observation))
            .or_default()
            .push(observation);
    }
    let mut derived = Vec::new();
    for group in groups.values() {
        let Some(engagements) = standard_engagement(group) else {
            continue;
        };
        let denominator_metric = engagement_rate_denominator(engagements.platform);
        let denominator = newest_of(group, denominator_metric);
        let rate = denominator.and_then(|d| standard_engagement_rate(&engagements, d));
        derived.push(engagements);
        derived.extend(rate);
    }
    derived
}

/// Standard engagement for one group of observations of the same platform, account,
/// scope, post, distribution, window and period (the first observation decides the group;
/// others are ignored). When a part was read more than once, the newest reading counts.
/// `None` when no part is present.
pub fn standard_engagement(group: &[&Observation]) -> Option<Observation> {
    let first = group.first()?;
    let key = GroupKey::of(first);
    let members: Vec<&Observation> = group
        .iter()
        .copied()
        .filter(|o| GroupKey::of(o) == key)
        .collect();
    let parts: Vec<(CanonicalMetric, &Observation)> = ENGAGEMENT_PARTS
        .iter()
        .filter_map(|part| newest_of(&members, *part).map(|o| (*part, o)))
        .collect();
    let (_, template) = parts.first()?;
    let value = parts.iter().map(|(_, o)| o.value).sum();
    let rounded_steps: Vec<f64> = parts.iter().filter_map(|(_, o)| o.rounded_to).collect();
    let rounded_to = (!rounded_steps.is_empty()).then(|| rounded_steps.iter().sum());
    let formula = parts
        .iter()
        .map(|(m, _)| m.id())
        .collect::<Vec<_>>()
        .join(" + ");
    let raw = parts
        .iter()
        .map(|(_, o)| format!("{} {}", o.source.label, o.source.raw))
        .collect::<Vec<_>>()
        .join(" + ");
    let inputs: Vec<&Observation> = parts.iter().map(|(_, o)| *o).collect();
    Some(Observation {
        metric: CanonicalMetric::Engagements.into(),
        value,
        unit: Unit::Count,
        rounded_to,
        name: inputs.iter().find_map(|o| o.name.clone()),
        derivation: Some(Derivation {
            formula,
            parts: parts.iter().map(|(m, _)| Metric::from(*m)).collect(),
            denominator: None,
        }),
        source: derived_source(&inputs, "Standard engagement", raw),
        ..(*template).clone()
    })
}

/// Standard engagement rate from a standard engagement value and the observation of its
/// denominator for the same group (`impressions`, or `reach` per
/// [`engagement_rate_denominator`]). `None` when the denominator is another metric, another
/// group, or zero.
pub fn standard_engagement_rate(
    engagements: &Observation,
    denominator: &Observation,
) -> Option<Observation> {
    let expected = engagement_rate_denominator(engagements.platform);
    let derivation = engagements.derivation.as_ref()?;
    if denominator.metric != Metric::Canonical(expected)
        || GroupKey::of(engagements) != GroupKey::of(denominator)
        || denominator.value == 0.0
        || !denominator.value.is_finite()
    {
        return None;
    }
    let raw = format!("{} / {}", engagements.value, denominator.value);
    Some(Observation {
        metric: CanonicalMetric::EngagementRate.into(),
        value: engagements.value / denominator.value,
        unit: Unit::Ratio,
        rounded_to: None,
        derivation: Some(Derivation {
            formula: format!("({}) / {}", derivation.formula, expected.id()),
            parts: derivation.parts.clone(),
            denominator: Some(expected.into()),
        }),
        source: derived_source(&[engagements, denominator], "Standard engagement rate", raw),
        ..engagements.clone()
    })
}

/// What makes observations one group: everything but the metric and the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct GroupKey<'a> {
    platform: Platform,
    account: &'a str,
    scope: Scope,
    post_id: Option<&'a str>,
    distribution: Distribution,
    window: Window,
    start: NaiveDate,
    end: NaiveDate,
}

impl<'a> GroupKey<'a> {
    fn of(observation: &'a Observation) -> GroupKey<'a> {
        GroupKey {
            platform: observation.platform,
            account: &observation.account,
            scope: observation.scope,
            post_id: observation.post_id.as_deref(),
            distribution: observation.distribution,
            window: observation.window,
            start: observation.start,
            end: observation.end,
        }
    }
}

/// The newest reading of `metric` among `group`, with a count unit for the parts.
fn newest_of<'a>(group: &[&'a Observation], metric: CanonicalMetric) -> Option<&'a Observation> {
    group
        .iter()
        .copied()
        .filter(|o| o.metric == Metric::Canonical(metric) && o.value.is_finite())
        .filter(|o| metric.unit().is_none_or(|unit| unit == o.unit))
        .max_by_key(|o| o.source.read_at)
}

/// Provenance of a derived value: which readings it came from, read when the newest was.
fn derived_source(inputs: &[&Observation], label: &str, raw: String) -> Source {
    let mut locations: Vec<&str> = Vec::new();
    for input in inputs {
        if !locations.contains(&input.source.location.as_str()) {
            locations.push(&input.source.location);
        }
    }
    let read_at = inputs
        .iter()
        .map(|o| o.source.read_at)
        .max()
        .unwrap_or_default();
    Source {
        kind: SourceKind::Derived,
        location: locations.join(" | "),
        label: label.to_owned(),
        raw,
        read_at,
        locale: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().into()
    }

    /// A LinkedIn page-analytics reading of one post's lifetime totals.
    fn linkedin(metric: Metric, label: &str, raw: &str, value: f64) -> Observation {
        Observation {
            platform: Platform::LinkedIn,
            account: "104857".into(),
            scope: Scope::Post,
            post_id: Some("urn:li:activity:7251234567890123776".into()),
            name: Some("We are hiring in Utrecht".into()),
            metric,
            distribution: Distribution::Total,
            window: Window::Lifetime,
            start: day("2026-10-02"),
            end: day("2026-10-28"),
            value,
            unit: Unit::Count,
            rounded_to: None,
            derivation: None,
            source: Source {
                kind: SourceKind::Page,
                location: "https://www.linkedin.com/company/104857/admin/analytics/updates/".into(),
                label: label.into(),
                raw: raw.into(),
                read_at: at("2026-10-29T09:15:00Z"),
                locale: Some("en".into()),
            },
        }
    }

    fn canonical(metric: CanonicalMetric) -> Metric {
        metric.into()
    }

    #[test]
    fn engagements_sum_the_parts_present_and_say_which() {
        let readings = vec![
            linkedin(
                canonical(CanonicalMetric::Impressions),
                "Impressions",
                "4,812",
                4812.0,
            ),
            linkedin(
                canonical(CanonicalMetric::Reactions),
                "Reactions",
                "96",
                96.0,
            ),
            linkedin(canonical(CanonicalMetric::Comments), "Comments", "11", 11.0),
            linkedin(canonical(CanonicalMetric::Shares), "Reposts", "7", 7.0),
            linkedin(canonical(CanonicalMetric::Clicks), "Clicks", "130", 130.0),
            linkedin(
                Metric::platform(Platform::LinkedIn, "Engagement rate"),
                "Engagement rate",
                "5.07%",
                0.0507,
            ),
        ];
        let derived = derive_standard(&readings);
        assert_eq!(derived.len(), 2);
        let engagements = &derived[0];
        assert_eq!(engagements.metric, canonical(CanonicalMetric::Engagements));
        assert_eq!(engagements.value, 244.0);
        assert_eq!(engagements.source.kind, SourceKind::Derived);
        assert_eq!(
            engagements.source.raw,
            "Reactions 96 + Comments 11 + Reposts 7 + Clicks 130"
        );
        let derivation = engagements.derivation.as_ref().unwrap();
        assert_eq!(derivation.formula, "reactions + comments + shares + clicks");
        assert!(!derivation
            .parts
            .contains(&canonical(CanonicalMetric::Saves)));
        let rate = &derived[1];
        assert_eq!(rate.metric, canonical(CanonicalMetric::EngagementRate));
        assert_eq!(rate.unit, Unit::Ratio);
        assert!((rate.value - 244.0 / 4812.0).abs() < 1e-12);
        assert_eq!(
            rate.derivation.as_ref().unwrap().denominator,
            Some(canonical(CanonicalMetric::Impressions))
        );
        // The platform's own rate is not among the derived values and is not changed.
        assert!(derived.iter().all(|o| o.metric.canonical().is_some()));
    }

    #[test]
    fn reach_is_the_denominator_where_a_platform_has_no_impressions() {
        let mut readings = vec![
            linkedin(canonical(CanonicalMetric::Reach), "Reach", "1.840", 1840.0),
            linkedin(
                canonical(CanonicalMetric::Reactions),
                "Reactions",
                "52",
                52.0,
            ),
            linkedin(canonical(CanonicalMetric::Comments), "Comments", "6", 6.0),
            linkedin(canonical(CanonicalMetric::Shares), "Shares", "2", 2.0),
            linkedin(
                Metric::platform(Platform::Facebook, "Views"),
                "Views",
                "5.120",
                5120.0,
            ),
        ];
        for reading in &mut readings {
            reading.platform = Platform::Facebook;
        }
        let derived = derive_standard(&readings);
        let rate = derived.iter().find(|o| o.unit == Unit::Ratio).unwrap();
        assert!((rate.value - 60.0 / 1840.0).abs() < 1e-12);
        assert_eq!(
            rate.derivation.as_ref().unwrap().denominator,
            Some(canonical(CanonicalMetric::Reach))
        );
    }

    #[test]
    fn a_rate_needs_its_denominator_and_parts_need_a_group() {
        let only_parts = vec![
            linkedin(
                canonical(CanonicalMetric::Reactions),
                "Reactions",
                "96",
                96.0,
            ),
            linkedin(
                canonical(CanonicalMetric::Impressions),
                "Impressions",
                "0",
                0.0,
            ),
        ];
        let derived = derive_standard(&only_parts);
        assert_eq!(derived.len(), 1, "zero impressions give no rate");
        let no_parts = vec![linkedin(
            canonical(CanonicalMetric::Impressions),
            "Impressions",
            "4,812",
            4812.0,
        )];
        assert!(derive_standard(&no_parts).is_empty());
    }

    #[test]
    fn groups_stay_apart_and_the_newest_reading_of_a_part_counts() {
        let mut older = linkedin(
            canonical(CanonicalMetric::Reactions),
            "Reactions",
            "90",
            90.0,
        );
        older.source.read_at = at("2026-10-20T08:00:00Z");
        let newer = linkedin(
            canonical(CanonicalMetric::Reactions),
            "Reactions",
            "96",
            96.0,
        );
        let mut organic = linkedin(canonical(CanonicalMetric::Comments), "Comments", "3", 3.0);
        organic.distribution = Distribution::Organic;
        let derived = derive_standard(&[older, newer, organic]);
        let values: Vec<(Distribution, f64)> =
            derived.iter().map(|o| (o.distribution, o.value)).collect();
        assert_eq!(
            values,
            vec![(Distribution::Organic, 3.0), (Distribution::Total, 96.0)]
        );
    }

    #[test]
    fn rounded_parts_make_a_rounded_sum() {
        let mut reactions = linkedin(
            canonical(CanonicalMetric::Reactions),
            "Likes",
            "1.2K",
            1200.0,
        );
        reactions.rounded_to = Some(100.0);
        let comments = linkedin(canonical(CanonicalMetric::Comments), "Replies", "34", 34.0);
        let engagements = standard_engagement(&[&reactions, &comments]).unwrap();
        assert_eq!(engagements.value, 1234.0);
        assert_eq!(engagements.rounded_to, Some(100.0));
    }
}
