//! The words campaign views, spot-checks and reports show, in English and Dutch: metric
//! names, KPI statuses, organic and paid, kinds of content.
//!
//! Plain lookup tables; other languages fall back to English. Nothing here formats numbers
//! (see [`crate::values::format_value`]).

use crate::campaign::ledger::Part;
use crate::evaluate::Status;
use crate::metrics::CanonicalMetric;
use crate::model::{Language, Metric, Platform, Scope};

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
