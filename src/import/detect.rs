//! Which export is this sheet: platform, export kind, header row and language, decided from
//! the header cells (in English, Dutch, German, French or Spanish) and the sheet's name.
//!
//! Matching is on a subset: a kind is recognised when its required columns are present and
//! enough of its other columns are, whatever was renamed, added, dropped or reordered since.
//! The best-scoring kind over the first rows wins. This module must not read data rows.

use csv::ByteRecord;

use super::columns::{normalise_label, parse_header, Column, HeaderLabel, Label, Role};
use super::kinds::{KindSpec, Shape, ALL};
use super::tabular::Sheet;
use crate::model::Language;

/// How many rows from the top may hold the header (sentences, `sep=`, titles come first).
const HEADER_SEARCH_ROWS: usize = 20;

/// A recognised table.
#[derive(Debug, Clone)]
pub(crate) struct Detected {
    pub kind: &'static KindSpec,
    /// The header row's index among the sheet's rows (0 = the first row).
    pub header_index: usize,
    pub header: ByteRecord,
    pub language: Option<Language>,
    score: i64,
}

/// The first rows of a sheet, read once for detection and for "what it looks like".
pub(crate) fn first_rows(sheet: &Sheet<'_>) -> Vec<ByteRecord> {
    let mut rows = sheet.rows();
    let mut out = Vec::new();
    let mut record = ByteRecord::new();
    while out.len() < HEADER_SEARCH_ROWS && rows.next_row(&mut record).is_some() {
        out.push(record.clone());
    }
    out
}

/// The cells of a row as text (invalid UTF-8 reads as empty).
pub(crate) fn cell(record: &ByteRecord, index: usize) -> &str {
    record
        .get(index)
        .and_then(|bytes| std::str::from_utf8(bytes).ok())
        .unwrap_or("")
}

/// Finds the best kind for a sheet, if any fits.
pub(crate) fn detect(sheet: &Sheet<'_>, top: &[ByteRecord]) -> Option<Detected> {
    let sheet_name = normalise_sheet_name(&sheet.name);
    let headers: Vec<Vec<HeaderLabel>> = top
        .iter()
        .map(|row| (0..row.len()).map(|i| parse_header(cell(row, i))).collect())
        .collect();
    let mut best: Option<Detected> = None;
    for kind in ALL {
        let name_matches = kind.sheet_names.contains(&sheet_name.as_str());
        if kind.sheet_name_required && !name_matches {
            continue;
        }
        let found = match kind.shape {
            Shape::MetaPageDaily => detect_meta_page_daily(kind, top),
            Shape::LinkedInDiscovery
            | Shape::LinkedInTopPosts
            | Shape::LinkedInCreatorFollowers => detect_by_any_label(kind, top, &headers),
            _ => detect_table(kind, top, &headers, name_matches),
        };
        if let Some(found) = found {
            if best.as_ref().is_none_or(|b| found.score > b.score) {
                best = Some(found);
            }
        }
    }
    best
}

/// `Table data.csv` → `table data`; `Metrics` → `metrics`.
pub(crate) fn normalise_sheet_name(name: &str) -> String {
    let lower = normalise_label(name);
    for extension in [".csv", ".tsv", ".txt"] {
        if let Some(stem) = lower.strip_suffix(extension) {
            return stem.to_owned();
        }
    }
    lower
}

/// Which of a kind's columns a header cell is, and in which language it was written.
pub(crate) fn match_column<'k>(
    kind: &'k KindSpec,
    header: &HeaderLabel,
) -> Option<(usize, &'k Column, Option<Language>)> {
    let base = strip_promoted(kind, &header.base);
    for candidate in [header.full.as_str(), base] {
        for (index, column) in kind.columns.iter().enumerate() {
            if let Some(label) = column.labels.iter().find(|label| label.text == candidate) {
                return Some((index, column, label_language(label, header)));
            }
        }
    }
    None
}

fn label_language(label: &Label, header: &HeaderLabel) -> Option<Language> {
    label.language.or(header.suffix_language)
}

/// `promoted impressions` → `impressions`, for kinds with promoted columns.
pub(crate) fn strip_promoted<'t>(kind: &KindSpec, base: &'t str) -> &'t str {
    if kind.promoted_prefix {
        base.strip_prefix("promoted ").unwrap_or(base)
    } else {
        base
    }
}

fn detect_table(
    kind: &'static KindSpec,
    top: &[ByteRecord],
    headers: &[Vec<HeaderLabel>],
    name_matches: bool,
) -> Option<Detected> {
    for (index, (row, labels)) in top.iter().zip(headers).enumerate() {
        let mut matched: Vec<usize> = Vec::new();
        let mut roles: Vec<Role> = Vec::new();
        let mut votes = [0i64; 5];
        let mut unmatched = 0i64;
        for label in labels {
            if label.base.is_empty() {
                continue;
            }
            match match_column(kind, label) {
                Some((column_index, column, language)) => {
                    if !matched.contains(&column_index) {
                        matched.push(column_index);
                    }
                    roles.push(column.role);
                    vote(&mut votes, language);
                }
                None => unmatched += 1,
            }
        }
        if !kind
            .required
            .iter()
            .all(|required| roles.contains(required))
        {
            continue;
        }
        let metrics = roles
            .iter()
            .filter(|role| matches!(role, Role::Metric(_)))
            .count();
        let enough = matched.len() >= 3 || (name_matches && matched.len() >= 2);
        if !enough || metrics == 0 {
            continue;
        }
        let score = matched.len() as i64 * 10 - unmatched + if name_matches { 15 } else { 0 };
        // The first row that qualifies is the header: a later one is a second table's.
        return Some(Detected {
            kind,
            header_index: index,
            header: row.clone(),
            language: decide_language(&votes),
            score,
        });
    }
    None
}

/// Tables with a fixed layout: the sheet name (already required) plus one known label in
/// any cell of the first rows.
fn detect_by_any_label(
    kind: &'static KindSpec,
    top: &[ByteRecord],
    headers: &[Vec<HeaderLabel>],
) -> Option<Detected> {
    for (index, labels) in headers.iter().enumerate() {
        for label in labels {
            let Some((_, _, language)) = match_column(kind, label) else {
                continue;
            };
            let mut votes = [0i64; 5];
            vote(&mut votes, language);
            return Some(Detected {
                kind,
                header_index: index,
                header: top.get(index).cloned().unwrap_or_default(),
                language: decide_language(&votes).or(Some(Language::En)),
                score: 100,
            });
        }
    }
    None
}

/// Meta's page-level daily file: a row whose cells are exactly `Date, Primary` (any case),
/// usually after a metric-name row.
fn detect_meta_page_daily(kind: &'static KindSpec, top: &[ByteRecord]) -> Option<Detected> {
    let index = top.iter().position(|row| {
        row.len() == 2
            && normalise_label(cell(row, 0)) == "date"
            && normalise_label(cell(row, 1)) == "primary"
    })?;
    Some(Detected {
        kind,
        header_index: index,
        header: top.get(index).cloned().unwrap_or_default(),
        language: Some(Language::En),
        score: 100,
    })
}

fn vote(votes: &mut [i64; 5], language: Option<Language>) {
    if let Some(language) = language {
        if let Some(slot) = Language::ALL
            .iter()
            .position(|l| *l == language)
            .and_then(|i| votes.get_mut(i))
        {
            *slot += 1;
        }
    }
}

/// The language with the most labels; a tie goes to the earlier language in
/// [`Language::ALL`]; no vote at all means the labels are the same in every language.
fn decide_language(votes: &[i64; 5]) -> Option<Language> {
    let (index, count) = votes
        .iter()
        .enumerate()
        .max_by_key(|(index, count)| (**count, -(*index as i64)))?;
    (*count > 0)
        .then(|| Language::ALL.get(index).copied())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_decided_by_votes() {
        assert_eq!(decide_language(&[0, 0, 3, 0, 1]), Some(Language::De));
        assert_eq!(decide_language(&[2, 2, 0, 0, 0]), Some(Language::En));
        assert_eq!(decide_language(&[0, 0, 0, 0, 0]), None);
    }

    #[test]
    fn sheet_names_lose_their_extension_and_case() {
        assert_eq!(normalise_sheet_name("Table data.csv"), "table data");
        assert_eq!(
            normalise_sheet_name("Tabellen\u{ad}daten.csv"),
            "tabellendaten"
        );
        assert_eq!(normalise_sheet_name("All posts"), "all posts");
    }
}
