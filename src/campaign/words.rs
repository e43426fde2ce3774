//! The words campaign views, spot-checks and reports show, in English and Dutch: metric
//! names, KPI statuses, organic and paid, kinds of content, why an item matched and the
//! notes that say what a figure leaves out.
//!
//! Plain lookup tables and sentences; other languages fall back to English. Nothing here
//! decides anything or formats numbers (see [`crate::values::format_value`]): the callers
//! say what happened ([`Note`], [`crate::campaign::Reason`]), this module says it.

use chrono::NaiveDate;

use crate::campaign::ledger::Part;
use crate::campaign::matching::{Reason, ReasonKind};
use crate::campaign::paid::PaidError;
use crate::campaign::plan::AdLevel;
use crate::evaluate::Status;
use crate::metrics::CanonicalMetric;
use crate::model::{Language, Metric, Platform, Scope};
use crate::store::{Basis, Total};

/// True when the language has its own words here (Dutch); others read English.
fn dutch(language: Language) -> bool {
    language == Language::Nl
}

/// A metric's name as people read it (`engagement rate`, `engagementpercentage`); a
/// platform's own figure keeps its namespaced id.
pub fn metric_name(metric: &Metric, language: Language) -> String {
    match metric.canonical() {
        Some(canonical) => canonical_name(canonical, language).to_owned(),
        None => metric.to_string(),
    }
}

fn canonical_name(metric: CanonicalMetric, language: Language) -> &'static str {
    use CanonicalMetric as M;
    let (en, nl) = match metric {
        M::Impressions => ("impressions", "weergaven"),
        M::Reach => ("reach", "bereik"),
        M::VideoViews => ("video views", "videoweergaven"),
        M::WatchTime => ("watch time", "kijktijd"),
        M::AvgViewDuration => ("average view duration", "gemiddelde kijkduur"),
        M::Reactions => ("reactions", "reacties"),
        M::Comments => ("comments", "opmerkingen"),
        M::Shares => ("shares", "keren gedeeld"),
        M::Saves => ("saves", "keren opgeslagen"),
        M::Clicks => ("clicks", "klikken"),
        M::LinkClicks => ("link clicks", "klikken op links"),
        M::ProfileVisits => ("profile visits", "profielbezoeken"),
        M::Followers => ("followers", "volgers"),
        M::FollowersGained => ("new followers", "nieuwe volgers"),
        M::FollowersLost => ("followers lost", "verloren volgers"),
        M::Engagements => ("engagements", "interacties"),
        M::EngagementRate => ("engagement rate", "engagementpercentage"),
        M::Ctr => ("CTR", "CTR"),
        M::Spend => ("spend", "besteed bedrag"),
        M::Results => ("results", "resultaten"),
        M::CostPerResult => ("cost per result", "kosten per resultaat"),
        M::Cpm => ("CPM", "CPM"),
        M::Cpc => ("CPC", "CPC"),
        M::Frequency => ("frequency", "frequentie"),
    };
    if dutch(language) {
        nl
    } else {
        en
    }
}

/// The name of a total's figure key: a canonical metric id, or one of the click variants.
pub fn figure_name(key: &str, language: Language) -> String {
    let (en, nl) = match key {
        "ctr_link" => ("CTR (link clicks)", "CTR (klikken op links)"),
        "ctr_all" => ("CTR (all clicks)", "CTR (alle klikken)"),
        "cpc_link" => ("CPC (link clicks)", "CPC (klikken op links)"),
        "cpc_all" => ("CPC (all clicks)", "CPC (alle klikken)"),
        other => {
            return CanonicalMetric::from_id(other)
                .map(|m| canonical_name(m, language).to_owned())
                .unwrap_or_else(|| other.to_owned())
        }
    };
    if dutch(language) { nl } else { en }.to_owned()
}

/// A KPI status in words.
pub fn status_name(status: Status, language: Language) -> &'static str {
    let (en, nl) = match status {
        Status::NotStarted => ("not started", "nog niet begonnen"),
        Status::NoData => ("no data", "geen gegevens"),
        Status::PartialData => ("partial data", "onvolledige gegevens"),
        Status::OnTrack => ("on track", "op koers"),
        Status::AtRisk => ("at risk", "risico"),
        Status::OffTrack => ("off track", "uit koers"),
        Status::Achieved => ("achieved", "gehaald"),
        Status::Missed => ("missed", "niet gehaald"),
    };
    if dutch(language) {
        nl
    } else {
        en
    }
}

/// Organic, paid, or both together (`None`).
pub fn part_name(part: Option<Part>, language: Language) -> &'static str {
    let (en, nl) = match part {
        Some(Part::Organic) => ("organic", "organisch"),
        Some(Part::Paid) => ("paid", "betaald"),
        None => ("organic and paid", "organisch en betaald"),
    };
    if dutch(language) {
        nl
    } else {
        en
    }
}

/// A platform's name, or every platform (`None`).
pub fn platform_name(platform: Option<Platform>, language: Language) -> &'static str {
    match (platform, dutch(language)) {
        (Some(platform), _) => platform.display_name(),
        (None, false) => "All platforms",
        (None, true) => "Alle platforms",
    }
}

/// What items of a platform and scope are called, in the plural (`LinkedIn posts`,
/// `YouTube-video's`, `Meta Ads ad campaigns`).
pub fn content_kind(platform: Platform, scope: Scope, language: Language) -> String {
    let name = platform.display_name();
    let video = matches!(platform, Platform::YouTube | Platform::TikTok);
    match (scope, video, dutch(language)) {
        (Scope::Post | Scope::Account, false, false) => format!("{name} posts"),
        (Scope::Post | Scope::Account, false, true) => format!("{name}-berichten"),
        (Scope::Post | Scope::Account, true, false) => format!("{name} videos"),
        (Scope::Post | Scope::Account, true, true) => format!("{name}-video's"),
        (Scope::Campaign, _, false) => format!("{name} ad campaigns"),
        (Scope::Campaign, _, true) => format!("{name}-advertentiecampagnes"),
        (Scope::AdSet, _, false) => format!("{name} ad sets"),
        (Scope::AdSet, _, true) => format!("{name}-advertentiesets"),
        (Scope::Ad, _, false) => format!("{name} ads"),
        (Scope::Ad, _, true) => format!("{name}-advertenties"),
    }
}

/// An ad manager level in words (`ad set`, `advertentieset`).
pub fn level_name(level: AdLevel, language: Language) -> &'static str {
    let (en, nl) = match level {
        AdLevel::Campaign => ("campaign", "campagne"),
        AdLevel::AdSet => ("ad set", "advertentieset"),
        AdLevel::Ad => ("ad", "advertentie"),
    };
    if dutch(language) {
        nl
    } else {
        en
    }
}

/// Why an item matched, in words: the rule (`hashtag #OpenDay2027`, `picked by hand`,
/// `advertentiebeheer: campagne met "Open Day 2027" in de naam`). What it found is the
/// reason's `evidence`, shown beside this.
pub fn reason_text(reason: &Reason, language: Language) -> String {
    let nl = dutch(language);
    let value = &reason.value;
    let text = match (&reason.kind, nl) {
        (ReasonKind::Picked, false) => "picked by hand".to_owned(),
        (ReasonKind::Picked, true) => "met de hand gekozen".to_owned(),
        (ReasonKind::Hashtag, _) => format!("hashtag #{value}"),
        (ReasonKind::Keyword, false) => format!("keyword \"{value}\""),
        (ReasonKind::Keyword, true) => format!("trefwoord \"{value}\""),
        (ReasonKind::Link, _) => format!("link {value}"),
        (ReasonKind::Utm, _) => format!("UTM {value}"),
        (ReasonKind::AdName, false) => {
            let what = reason
                .level
                .map_or("entity", |level| level_name(level, language));
            let how = if reason.contains {
                "containing"
            } else {
                "named"
            };
            format!("ad manager {what} {how} \"{value}\"")
        }
        (ReasonKind::AdName, true) => {
            let what = reason
                .level
                .map_or("onderdeel", |level| level_name(level, language));
            if reason.contains {
                format!("advertentiebeheer: {what} met \"{value}\" in de naam")
            } else {
                format!("advertentiebeheer: {what} met de naam \"{value}\"")
            }
        }
        (ReasonKind::AdId, false) => match reason.level {
            Some(level) => format!("ad manager {} id {value}", level_name(level, language)),
            None => format!("ad manager id {value}"),
        },
        (ReasonKind::AdId, true) => match reason.level {
            Some(level) => format!(
                "advertentiebeheer: {}-id {value}",
                level_name(level, language)
            ),
            None => format!("advertentiebeheer: id {value}"),
        },
    };
    match (reason.via_campaign, nl) {
        (false, _) => text,
        (true, false) => format!("{text}, through its campaign"),
        (true, true) => format!("{text}, via de campagne waarin het zit"),
    }
}

/// Something a campaign's figures leave out or count differently, and why. Each becomes a
/// sentence with [`note`].
#[derive(Debug, Clone, PartialEq)]
pub enum Note<'a> {
    /// The platform gives one total for a post; all of it counts as organic.
    NotSplit,
    /// A post's sponsored split is not added: ad manager rows hold that delivery.
    SponsoredHeldBack,
    /// A lower ad manager level is listed, not added: a higher one is counted.
    LowerLevel { counted: AdLevel, listed: AdLevel },
    /// Excluded by hand.
    ExcludedByHand,
    /// A rule matched a post published outside the campaign's dates.
    OutsideDates { first_day: NaiveDate },
    /// Reach of several items is not added.
    ReachNotAdded { items: usize },
    /// Results count different actions.
    DifferentResultTypes { types: &'a [String] },
    /// Results were counted under different attribution settings.
    DifferentAttribution { settings: &'a [String] },
    /// Some results' type is not known.
    UnknownResultType,
    /// A figure that does not add up (reach, frequency) across several items.
    DoesNotAddUp { metric: &'a Metric, items: usize },
    /// No item has a reading of such a figure for exactly the campaign's dates.
    NoReadingOfDates { metric: &'a Metric, dates: &'a str },
}

/// A note as a sentence in English or Dutch.
pub fn note(note: &Note, language: Language) -> String {
    let nl = dutch(language);
    let name = |metric: &Metric| metric_name(metric, language);
    match (note, nl) {
        (Note::NotSplit, false) => "the platform does not split this post's figures into organic and paid; all of them count as organic".to_owned(),
        (Note::NotSplit, true) => "het platform splitst de cijfers van dit bericht niet in organisch en betaald; ze tellen allemaal als organisch".to_owned(),
        (Note::SponsoredHeldBack, false) => "the post's sponsored figures are not added: the ad manager's rows already hold that delivery".to_owned(),
        (Note::SponsoredHeldBack, true) => "de gesponsorde cijfers van het bericht worden niet opgeteld: de regels uit het advertentiebeheer bevatten die vertoningen al".to_owned(),
        (Note::LowerLevel { counted, listed }, false) => format!(
            "listed but not added: {} rows of this account are counted, and they already hold their {}s' figures",
            level_name(*counted, language),
            level_name(*listed, language)
        ),
        (Note::LowerLevel { counted, listed }, true) => format!(
            "getoond maar niet opgeteld: van dit account tellen de regels per {}, en die bevatten de cijfers van hun {}s al",
            level_name(*counted, language),
            level_name(*listed, language)
        ),
        (Note::ExcludedByHand, false) => "excluded by hand".to_owned(),
        (Note::ExcludedByHand, true) => "met de hand uitgesloten".to_owned(),
        (Note::OutsideDates { first_day }, false) => {
            format!("first seen {first_day}, outside the campaign's dates")
        }
        (Note::OutsideDates { first_day }, true) => {
            format!("voor het eerst gezien op {first_day}, buiten de data van de campagne")
        }
        (Note::ReachNotAdded { items }, false) => format!(
            "reach is not added across {items} items: the same people may be reached by several, and platforms estimate it"
        ),
        (Note::ReachNotAdded { items }, true) => format!(
            "bereik wordt niet opgeteld over {items} items: dezelfde mensen kunnen door meerdere bereikt zijn, en platforms schatten het"
        ),
        (Note::DifferentResultTypes { types }, false) => format!(
            "results count different actions ({}), so they have no one cost per result",
            types.join(", ")
        ),
        (Note::DifferentResultTypes { types }, true) => format!(
            "resultaten tellen verschillende acties ({}), dus er zijn geen gezamenlijke kosten per resultaat",
            types.join(", ")
        ),
        (Note::DifferentAttribution { settings }, false) => format!(
            "results were counted under different attribution settings ({}), so they are not added and have no one cost per result",
            settings.join(" and ")
        ),
        (Note::DifferentAttribution { settings }, true) => format!(
            "resultaten zijn geteld met verschillende attributie-instellingen ({}), dus ze worden niet opgeteld en er zijn geen kosten per resultaat",
            settings.join(" en ")
        ),
        (Note::UnknownResultType, false) => "the result type of some ads is not known, so their results may count different actions".to_owned(),
        (Note::UnknownResultType, true) => "van sommige advertenties is het resultaattype niet bekend, dus hun resultaten kunnen verschillende acties tellen".to_owned(),
        (Note::DoesNotAddUp { metric, items }, false) => format!(
            "{} does not add up across the campaign's {items} items (the same people may be counted by several); make one KPI per ad campaign, or use a metric that adds up",
            name(metric)
        ),
        (Note::DoesNotAddUp { metric, items }, true) => format!(
            "{} telt niet op over de {items} items van de campagne (dezelfde mensen kunnen meermaals geteld zijn); maak één KPI per advertentiecampagne, of kies een metriek die optelt",
            name(metric)
        ),
        (Note::NoReadingOfDates { metric, dates }, false) => format!(
            "no item has a reading of {} for exactly the campaign's dates ({dates}): platforms estimate it per period, so readings of other dates cannot be cut or added",
            name(metric)
        ),
        (Note::NoReadingOfDates { metric, dates }, true) => format!(
            "geen item heeft een meting van {} over precies de data van de campagne ({dates}): platforms schatten het per periode, dus metingen van andere data kunnen niet worden ingekort of opgeteld",
            name(metric)
        ),
    }
}

/// What a campaign KPI's actual counted. English keeps the metric ids the strategy file
/// uses (`spend / link_clicks`); Dutch names the metrics.
#[derive(Debug, Clone, PartialEq)]
pub enum Counted<'a> {
    /// A sum over the items that have the metric.
    Sum { metric: &'a Metric, items: usize },
    /// A rate of parts summed over the items that have both; `items` is `None` when the
    /// rate was refused (see the KPI's notes).
    Rate {
        numerator: CanonicalMetric,
        denominator: CanonicalMetric,
        items: Option<usize>,
    },
    /// The metric alone: nothing could be counted (see the KPI's notes).
    Metric(&'a Metric),
    /// A figure that does not add up, read from exactly one item.
    OneReading(&'a Metric),
}

/// What a KPI counted, as a phrase in English or Dutch.
pub fn counted(counted: &Counted, language: Language) -> String {
    let nl = dutch(language);
    let items_nl = |n: usize| {
        if n == 1 {
            "1 item".to_owned()
        } else {
            format!("{n} items")
        }
    };
    match (counted, nl) {
        (Counted::Sum { metric, items }, false) => format!("{metric} over {items} item(s)"),
        (Counted::Sum { metric, items }, true) => {
            format!(
                "{} over {}",
                metric_name(metric, language),
                items_nl(*items)
            )
        }
        (
            Counted::Rate {
                numerator,
                denominator,
                items,
            },
            false,
        ) => match items {
            Some(items) => format!(
                "{} / {} over {items} item(s) with both",
                numerator.id(),
                denominator.id()
            ),
            None => format!("{} / {}", numerator.id(), denominator.id()),
        },
        (
            Counted::Rate {
                numerator,
                denominator,
                items,
            },
            true,
        ) => {
            let rate = format!(
                "{} / {}",
                canonical_name(*numerator, language),
                canonical_name(*denominator, language)
            );
            match items {
                Some(items) => format!("{rate} over {} met beide", items_nl(*items)),
                None => rate,
            }
        }
        (Counted::Metric(metric), false) => metric.to_string(),
        (Counted::Metric(metric), true) => metric_name(metric, language),
        (Counted::OneReading(metric), false) => format!("{metric} of one reading"),
        (Counted::OneReading(metric), true) => {
            format!("{} van één meting", metric_name(metric, language))
        }
    }
}

/// Why money could not be added (two currencies without a rate), in English or Dutch, for
/// people: `platforms` are the platforms whose spend was being added. The error's own
/// `Display` stays English for the command line.
pub fn money_refusal(
    campaign: &str,
    platforms: &[Platform],
    refusal: &PaidError,
    language: Language,
) -> String {
    if !dutch(language) {
        return format!("campaign {campaign:?}: {refusal}");
    }
    let on = platforms
        .iter()
        .map(|p| p.display_name())
        .collect::<Vec<_>>()
        .join(" en ");
    match refusal {
        PaidError::MixedCurrencies { currencies, .. } => format!(
            "campagne {campaign:?}: het besteed bedrag op {on} is in {} en geen koers rekent ze om; voeg \"currency\": {{ \"report\": \"{}\", \"rates\": {{ {} }} }} met de koersen van vandaag toe aan de campagne",
            currencies.join(" en "),
            currencies.first().map(String::as_str).unwrap_or("EUR"),
            currencies
                .iter()
                .skip(1)
                .map(|c| format!("\"{c}\": …"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        PaidError::MissingRate { from, report, .. } => format!(
            "campagne {campaign:?}: de campagne rapporteert in {report}, maar het besteed bedrag op {on} is ook in {from} en er is geen koers van {from} gegeven; voeg \"{from}\": <waarde van één {from} in {report}> toe aan de koersen (\"rates\") van de campagne"
        ),
    }
}

/// How a total was read, in words (`lifetime total as of 2027-03-22`).
pub fn basis(total: &Total, language: Language) -> String {
    let nl = dutch(language);
    match (total.basis, nl) {
        (Basis::Days, false) => "summed days".to_owned(),
        (Basis::Days, true) => "opgetelde dagen".to_owned(),
        (Basis::Range, false) => "one reading of the campaign's dates".to_owned(),
        (Basis::Range, true) => "één meting over de data van de campagne".to_owned(),
        (Basis::Combined, false) => "days and ranges without overlap".to_owned(),
        (Basis::Combined, true) => "dagen en periodes zonder overlap".to_owned(),
        (Basis::Partial, false) => format!(
            "part of the dates ({} of {} days)",
            total.coverage.covered_days, total.coverage.total_days
        ),
        (Basis::Partial, true) => format!(
            "een deel van de data ({} van {} dagen)",
            total.coverage.covered_days, total.coverage.total_days
        ),
        (Basis::Latest { as_of }, false) => format!("latest, as of {as_of}"),
        (Basis::Latest { as_of }, true) => format!("laatste, op {as_of}"),
        (Basis::Lifetime { as_of }, false) => format!("lifetime total as of {as_of}"),
        (Basis::Lifetime { as_of }, true) => format!("totaal sinds publicatie, op {as_of}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_canonical_metric_has_a_name_in_both_languages() {
        for metric in CanonicalMetric::ALL {
            let en = metric_name(&Metric::from(*metric), Language::En);
            let nl = metric_name(&Metric::from(*metric), Language::Nl);
            assert!(!en.is_empty() && !nl.is_empty(), "{}", metric.id());
            assert_eq!(figure_name(metric.id(), Language::Nl), nl);
        }
        assert_eq!(
            metric_name(&Metric::platform(Platform::X, "engagements"), Language::Nl),
            "x:engagements"
        );
        assert_eq!(figure_name("cpc_link", Language::En), "CPC (link clicks)");
        assert_eq!(figure_name("whatever", Language::En), "whatever");
    }

    #[test]
    fn what_a_kpi_counted_reads_in_both_languages() {
        let spend = Metric::from(CanonicalMetric::Spend);
        let reach = Metric::from(CanonicalMetric::Reach);
        let check = |what: Counted, en: &str, nl: &str| {
            assert_eq!(counted(&what, Language::En), en);
            assert_eq!(counted(&what, Language::Nl), nl);
        };
        check(
            Counted::Sum {
                metric: &spend,
                items: 1,
            },
            "spend over 1 item(s)",
            "besteed bedrag over 1 item",
        );
        check(
            Counted::Rate {
                numerator: CanonicalMetric::LinkClicks,
                denominator: CanonicalMetric::Impressions,
                items: Some(3),
            },
            "link_clicks / impressions over 3 item(s) with both",
            "klikken op links / weergaven over 3 items met beide",
        );
        check(Counted::Metric(&reach), "reach", "bereik");
        check(
            Counted::OneReading(&reach),
            "reach of one reading",
            "bereik van één meting",
        );
    }

    #[test]
    fn a_missing_rate_is_said_in_dutch_and_kept_english_otherwise() {
        let refusal = PaidError::MissingRate {
            what: "spend on linkedin and meta".into(),
            from: "USD".into(),
            report: "EUR".into(),
        };
        let platforms = [Platform::LinkedIn, Platform::Meta];
        assert_eq!(
            money_refusal("open-day", &platforms, &refusal, Language::Nl),
            "campagne \"open-day\": de campagne rapporteert in EUR, maar het besteed bedrag op LinkedIn en Meta Ads is ook in USD en er is geen koers van USD gegeven; voeg \"USD\": <waarde van één USD in EUR> toe aan de koersen (\"rates\") van de campagne"
        );
        assert_eq!(
            money_refusal("open-day", &platforms, &refusal, Language::De),
            format!("campaign \"open-day\": {refusal}")
        );
    }

    #[test]
    fn statuses_parts_and_kinds_read_in_dutch() {
        assert_eq!(status_name(Status::OffTrack, Language::Nl), "uit koers");
        assert_eq!(status_name(Status::OffTrack, Language::De), "off track");
        assert_eq!(part_name(None, Language::Nl), "organisch en betaald");
        assert_eq!(platform_name(None, Language::En), "All platforms");
        assert_eq!(
            content_kind(Platform::YouTube, Scope::Post, Language::Nl),
            "YouTube-video's"
        );
        assert_eq!(
            content_kind(Platform::Meta, Scope::Campaign, Language::En),
            "Meta Ads ad campaigns"
        );
    }
}
