//! What an export's file name adds to its content: the account, the period it covers, the
//! day it was exported, the UI language.
//!
//! Names are hints, never the basis of detection (files get renamed): the content decides
//! what a file is; the name only fills in what the content does not say. This module must not
//! look inside files.

use chrono::{DateTime, NaiveDate};

use crate::model::Language;

/// What a file name says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct NameHints {
    /// A handle or page name (`tweet_activity_metrics_<handle>_…`, `<page>_content_…`).
    pub account: Option<String>,
    /// The first and last day named (`…_20190101_20190131_…`, `Videos 2024-09-01_2024-09-30 …`).
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// The export day, from a millisecond timestamp (`<page>_content_1700000000000.xlsx`).
    pub exported_on: Option<NaiveDate>,
    /// A UI language tag (`…_en.csv`).
    pub language: Option<Language>,
}

/// Reads the hints from a file name (a path is fine; only the last part counts).
pub(crate) fn hints(name: &str) -> NameHints {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let mut hints = NameHints {
        period: period(stem),
        ..NameHints::default()
    };
    let parts: Vec<&str> = stem.split('_').collect();
    if let Some(rest) = stem
        .strip_prefix("tweet_activity_metrics_")
        .or_else(|| stem.strip_prefix("daily_tweet_activity_metrics_"))
    {
        // tweet_activity_metrics_<handle>_<from>_<to>_<lang>: handles may hold `_`.
        let pieces: Vec<&str> = rest.split('_').collect();
        if pieces.len() >= 3 {
            let date_at = pieces
                .iter()
                .position(|p| p.len() == 8 && p.bytes().all(|b| b.is_ascii_digit()));
            if let Some(date_at) = date_at.filter(|at| *at > 0) {
                hints.account = pieces.get(..date_at).map(|handle| handle.join("_"));
            }
            hints.language = pieces
                .last()
                .and_then(|tag| Language::from_tag(tag))
                .filter(|_| pieces.last().is_some_and(|t| t.len() == 2));
        }
    }
    for marker in ["content", "visitors", "followers", "updates"] {
        if let Some(at) = parts
            .iter()
            .rposition(|part| part.eq_ignore_ascii_case(marker))
        {
            let epoch = parts
                .get(at + 1)
                .filter(|p| p.len() == 13 && p.bytes().all(|b| b.is_ascii_digit()));
            if let Some(epoch) = epoch.and_then(|p| p.parse::<i64>().ok()) {
                hints.exported_on = DateTime::from_timestamp_millis(epoch).map(|t| t.date_naive());
                if at > 0 {
                    hints.account = parts.get(..at).map(|page| page.join("_"));
                }
            }
        }
    }
    if hints.account.is_none() {
        hints.account = youtube_channel(stem);
    }
    hints
}

/// `Videos 2024-09-01_2024-09-30 My Channel` → `My Channel`.
fn youtube_channel(stem: &str) -> Option<String> {
    let mut words = stem.splitn(3, ' ');
    let first = words.next()?;
    let dates = words.next()?;
    let channel = words.next()?.trim();
    let known_prefix = [
        "Content",
        "Videos",
        "Inhalte",
        "Contenu",
        "Contenido",
        "Inhoud",
        "Video's",
    ];
    (known_prefix.contains(&first)
        && dates.contains('_')
        && period(dates).is_some()
        && !channel.is_empty())
    .then(|| channel.to_owned())
}

/// The first `YYYY-MM-DD_YYYY-MM-DD` or `YYYYMMDD_YYYYMMDD` pair in a text.
fn period(stem: &str) -> Option<(NaiveDate, NaiveDate)> {
    let tokens: Vec<&str> = stem.split(['_', ' ']).collect();
    tokens.windows(2).find_map(|pair| {
        let (Some(from), Some(to)) = (pair.first(), pair.get(1)) else {
            return None;
        };
        let from = compact_date(from)?;
        let to = compact_date(to)?;
        (from <= to).then_some((from, to))
    })
}

fn compact_date(token: &str) -> Option<NaiveDate> {
    let digits: String = token.chars().filter(|c| *c != '-').collect();
    if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number =
        |range: std::ops::Range<usize>| digits.get(range).and_then(|d| d.parse::<u32>().ok());
    NaiveDate::from_ymd_opt(
        i32::try_from(number(0..4)?).ok()?,
        number(4..6)?,
        number(6..8)?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_the_hints_in_known_names() {
        let x = hints("tweet_activity_metrics_ro_pensci_20190101_20190201_en.csv");
        assert_eq!(x.account.as_deref(), Some("ro_pensci"));
        assert_eq!(x.period, Some((day(2019, 1, 1), day(2019, 2, 1))));
        assert_eq!(x.language, Some(Language::En));

        let linkedin = hints("acme-corp_content_1700000000000.xlsx");
        assert_eq!(linkedin.account.as_deref(), Some("acme-corp"));
        assert_eq!(linkedin.exported_on, Some(day(2023, 11, 14)));

        let youtube = hints("Videos 2024-09-01_2024-09-30 Mein Kanal.zip");
        assert_eq!(youtube.account.as_deref(), Some("Mein Kanal"));
        assert_eq!(youtube.period, Some((day(2024, 9, 1), day(2024, 9, 30))));

        assert_eq!(hints("export.csv"), NameHints::default());
    }
}
