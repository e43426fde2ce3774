//! What one table cell (or one card) shows: its value of the column's kind, the words
//! beside it, or why there is no value.
//!
//! A cell holds more than its figure: Meta writes the result type under the number
//! ("120" / "Link clicks"), a budget cell adds "Daily", a hover card repeats the value in
//! compact form. Only a text that is wholly a value of the column's kind counts (so "of
//! €500" is never a spend), an exact number in `title`/`aria-label` beats compact text, a
//! number next to a decoy phrase is skipped, and two different values are a conflict, never
//! a choice. This module knows nothing of platforms or metrics.

use super::super::text::fold;
use super::super::tree::Tree;
use super::ad_rules::Shown;
use crate::model::Language;
use crate::values::{parse_value, ValueError, ValueKind};

/// A value read from a cell.
#[derive(Debug, Clone, PartialEq)]
pub struct CellValue {
    /// The text it was read from.
    pub raw: String,
    pub value: f64,
    pub rounded_to: Option<f64>,
    /// For money: the currency the text names, if it names one (`€` → EUR; `$` names none).
    pub currency: Option<String>,
    /// The text carried a currency mark, named or not (`$12` does, `12` does not).
    pub marked: bool,
}

/// What a cell turned out to hold.
#[derive(Debug, Clone, PartialEq)]
pub enum CellReading {
    Value(CellValue),
    /// A missing-value mark (`—`) or no text at all: nothing to record, and no error.
    Empty,
    /// Different values that cannot be told apart.
    Conflict(Vec<String>),
    /// A number whose meaning depends on a locale nothing decided (`1,234` with no `lang`).
    Ambiguous(String),
    /// Text with digits that is not a value of the column's kind.
    Unreadable(String),
}

/// How a cell's texts are read.
#[derive(Debug, Clone, Copy)]
pub struct CellContext<'a> {
    pub tree: &'a Tree<'a>,
    pub excluded: &'a [bool],
    pub numbers: Option<Language>,
    /// Folded decoy phrases.
    pub decoys: &'a [String],
}

/// One text of a cell: a node's own text or an accessible name, with where it sits.
struct Text<'t> {
    node: usize,
    text: &'t str,
    /// From `title`/`aria-label` rather than shown text.
    is_name: bool,
}

impl CellContext<'_> {
    fn texts(&self, root: usize, skip: &[usize]) -> Vec<Text<'_>> {
        let mut out = Vec::new();
        for &node in self.tree.subtree(root) {
            if self.excluded.get(node).copied().unwrap_or(true)
                || skip.iter().any(|s| self.tree.contains(*s, node))
            {
                continue;
            }
            let Some(element) = self.tree.node(node) else {
                continue;
            };
            if !element.text.is_empty() {
                out.push(Text {
                    node,
                    text: &element.text,
                    is_name: false,
                });
            }
            for name in ["title", "aria-label"] {
                if let Some(text) = element.attrs.get(name).filter(|t| !t.is_empty()) {
                    out.push(Text {
                        node,
                        text,
                        is_name: true,
                    });
                }
            }
        }
        out
    }

    /// Reads the value of `shown` kind in the subtree of `root`, leaving out the subtrees
    /// in `skip` (a card's label).
    pub fn read(&self, root: usize, skip: &[usize], shown: Shown) -> CellReading {
        let mut exact: Vec<CellValue> = Vec::new();
        let mut rounded: Vec<CellValue> = Vec::new();
        let mut ambiguous: Option<String> = None;
        let mut unreadable: Option<String> = None;
        for text in self.texts(root, skip) {
            if self.near_decoy(text.node) {
                continue;
            }
            match parse_value(text.text, self.numbers) {
                Ok(parsed) => {
                    let fits = matches!(
                        (shown, &parsed.kind),
                        (Shown::Count | Shown::Decimal, ValueKind::Number)
                            | (Shown::Percent, ValueKind::Percent)
                            | (Shown::Money, ValueKind::Currency(_) | ValueKind::Number)
                    );
                    if !fits || parsed.signed || !parsed.value.is_finite() {
                        if !text.is_name && unreadable.is_none() && !fits {
                            unreadable = Some(text.text.to_owned());
                        }
                        continue;
                    }
                    let value = CellValue {
                        raw: text.text.to_owned(),
                        value: parsed.value,
                        rounded_to: parsed.rounded_to,
                        marked: matches!(parsed.kind, ValueKind::Currency(_)),
                        currency: match parsed.kind {
                            ValueKind::Currency(code) => code,
                            _ => None,
                        },
                    };
                    if value.rounded_to.is_some() {
                        rounded.push(value);
                    } else {
                        exact.push(value);
                    }
                }
                Err(ValueError::Ambiguous { raw, .. }) if !text.is_name => {
                    ambiguous.get_or_insert(raw);
                }
                Err(ValueError::LocaleMismatch { raw, .. }) if !text.is_name => {
                    unreadable.get_or_insert(raw);
                }
                Err(_) => {}
            }
        }
        settle(exact, rounded, ambiguous, unreadable)
    }

    /// The visible texts of a cell that hold no digit: the words beside the value. The
    /// subtrees in `skip` (a card's label) are left out.
    pub fn words(&self, root: usize, skip: &[usize]) -> Vec<String> {
        self.texts(root, skip)
            .into_iter()
            .filter(|t| !t.is_name && !t.text.chars().any(|c| c.is_ascii_digit()))
            .map(|t| t.text.to_owned())
            .collect()
    }

    /// True when a decoy phrase sits on the node, its parent or the sibling before it.
    fn near_decoy(&self, node: usize) -> bool {
        if self.decoys.is_empty() {
            return false;
        }
        [
            Some(node),
            self.tree.parent(node),
            self.tree.previous_sibling(node),
        ]
        .into_iter()
        .flatten()
        .filter_map(|i| self.tree.node(i))
        .any(|n| {
            let own = fold(&n.text);
            self.decoys.iter().any(|d| contains_words(&own, d))
        })
    }
}

/// Exact values must agree; rounded ones must agree with them within half a step.
fn settle(
    exact: Vec<CellValue>,
    rounded: Vec<CellValue>,
    ambiguous: Option<String>,
    unreadable: Option<String>,
) -> CellReading {
    let Some(chosen) = exact.first().or(rounded.first()).cloned() else {
        return match (ambiguous, unreadable) {
            (Some(raw), _) => CellReading::Ambiguous(raw),
            (None, Some(raw)) if raw.chars().any(|c| c.is_ascii_digit()) => {
                CellReading::Unreadable(raw)
            }
            _ => CellReading::Empty,
        };
    };
    let agrees = |other: &CellValue| match (other.rounded_to, chosen.rounded_to) {
        (Some(step), None) => (other.value - chosen.value).abs() <= step / 2.0,
        _ => other.value == chosen.value,
    };
    // Unmarked numbers agree with any mark; marked ones must name the same currency (a bare
    // `$` beside a `€` is a second amount, not the same one).
    let marks: Vec<&Option<String>> = exact
        .iter()
        .chain(&rounded)
        .filter(|v| v.marked)
        .map(|v| &v.currency)
        .collect();
    let currencies_agree = marks.windows(2).all(|pair| pair.first() == pair.get(1));
    if exact.iter().chain(&rounded).all(agrees) && currencies_agree {
        let currency = chosen.currency.clone().or_else(|| {
            exact
                .iter()
                .chain(&rounded)
                .find_map(|v| v.currency.clone())
        });
        let marked = !marks.is_empty();
        return CellReading::Value(CellValue {
            currency,
            marked,
            ..chosen
        });
    }
    let mut raws: Vec<String> = exact
        .iter()
        .chain(&rounded)
        .map(|v| v.raw.clone())
        .collect();
    raws.sort();
    raws.dedup();
    CellReading::Conflict(raws)
}

/// True when `phrase` occurs in `text` at word boundaries.
fn contains_words(text: &str, phrase: &str) -> bool {
    !phrase.is_empty()
        && text.match_indices(phrase).any(|(at, _)| {
            let before = text.get(..at).and_then(|s| s.chars().next_back());
            let after = text.get(at + phrase.len()..).and_then(|s| s.chars().next());
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::snapshot_from_html;

    /// Reads the first `<td>` of `html` as `shown` in `language`.
    fn check(html: &str, shown: Shown, language: Option<Language>, expected: CellReading) {
        let snapshot = snapshot_from_html(
            &format!("<table><tr>{html}</tr></table>"),
            "https://example.test/",
        );
        let tree = Tree::new(&snapshot);
        let excluded: Vec<bool> = (0..snapshot.nodes.len())
            .map(|i| tree.is_hidden(i))
            .collect();
        let decoys = vec!["vs".to_owned(), "of".to_owned()];
        let context = CellContext {
            tree: &tree,
            excluded: &excluded,
            numbers: language,
            decoys: &decoys,
        };
        let cell = (0..snapshot.nodes.len())
            .find(|i| snapshot.nodes[*i].tag == "td")
            .unwrap();
        assert_eq!(context.read(cell, &[], shown), expected, "{html}");
    }

    fn value(raw: &str, value: f64, currency: Option<&str>) -> CellReading {
        CellReading::Value(CellValue {
            raw: raw.to_owned(),
            value,
            rounded_to: None,
            currency: currency.map(str::to_owned),
            marked: currency.is_some(),
        })
    }

    #[test]
    fn only_whole_values_of_the_kind_count() {
        let en = Some(Language::En);
        check(
            "<td><span>120</span><div>Link clicks</div></td>",
            Shown::Count,
            en,
            value("120", 120.0, None),
        );
        check(
            "<td>€1,234.56<div>of €5,000.00</div></td>",
            Shown::Money,
            en,
            value("€1,234.56", 1234.56, Some("EUR")),
        );
        check(
            "<td><span>of</span><span>€5,000.00</span><b>€12.00</b></td>",
            Shown::Money,
            en,
            value("€12.00", 12.0, Some("EUR")),
        );
        check(
            "<td>1.75%<span>+0.2%</span></td>",
            Shown::Percent,
            en,
            value("1.75%", 0.0175, None),
        );
        check(
            "<td>2.22</td>",
            Shown::Decimal,
            en,
            value("2.22", 2.22, None),
        );
        check(
            "<td>€ 1.234,56</td>",
            Shown::Money,
            Some(Language::Nl),
            value("€ 1.234,56", 1234.56, Some("EUR")),
        );
    }

    #[test]
    fn exact_names_beat_compact_text_and_disagreements_are_conflicts() {
        let en = Some(Language::En);
        check(
            "<td><span title='12,842'>12.8K</span></td>",
            Shown::Count,
            en,
            value("12,842", 12842.0, None),
        );
        check(
            "<td><span>12.8K</span></td>",
            Shown::Count,
            en,
            CellReading::Value(CellValue {
                raw: "12.8K".into(),
                value: 12800.0,
                rounded_to: Some(100.0),
                currency: None,
                marked: false,
            }),
        );
        check(
            "<td><span>12</span><span>13</span></td>",
            Shown::Count,
            en,
            CellReading::Conflict(vec!["12".into(), "13".into()]),
        );
        check(
            "<td><span>€12</span><span>$12</span></td>",
            Shown::Money,
            en,
            CellReading::Conflict(vec!["$12".into(), "€12".into()]),
        );
    }

    #[test]
    fn empty_ambiguous_and_unreadable_cells_say_so() {
        check(
            "<td>—</td>",
            Shown::Count,
            Some(Language::En),
            CellReading::Empty,
        );
        check(
            "<td></td>",
            Shown::Count,
            Some(Language::En),
            CellReading::Empty,
        );
        check(
            "<td>1,234</td>",
            Shown::Count,
            None,
            CellReading::Ambiguous("1,234".into()),
        );
        check(
            "<td>12%</td>",
            Shown::Count,
            Some(Language::En),
            CellReading::Unreadable("12%".into()),
        );
        check(
            "<td><span hidden>99</span>Learning</td>",
            Shown::Count,
            Some(Language::En),
            CellReading::Empty,
        );
    }
}
