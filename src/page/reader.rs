//! The generic label-anchored reader: finds each metric of a page by its visible label or
//! accessible name, takes the value in the label's card, and says what it could not read.
//!
//! It interprets a platform's [`PlatformRules`] and holds nothing platform-specific. It
//! reads what a person (or a screen reader) perceives: hidden and `aria-hidden` subtrees,
//! decoy sections and decoy elements are skipped; class names are never looked at. A value
//! it cannot pin down (none, or two different candidates) is a diagnostic, never a guess.

use chrono::{DateTime, NaiveDate, Utc};

use super::period::{detect_period, PagePeriod};
use super::rules::{MetricRule, PageMatch, PlatformRules, ValuePosition};
use super::text::fold;
use super::tree::Tree;
use super::url::PageUrl;
use super::PageReading;
use crate::model::{Diagnostic, Language, Observation, Scope, Source, SourceKind, Unit, Window};
use crate::values::{parse_value, ParsedValue, ValueError, ValueKind};

/// A number found in one node: from its text, or an exact one from its `title`/`aria-label`.
#[derive(Debug, Clone)]
enum Found {
    Value {
        raw: String,
        parsed: ParsedValue,
    },
    /// The text is a number whose meaning depends on a locale nothing decided.
    Ambiguous {
        raw: String,
    },
}

/// A label found on the page.
#[derive(Debug, Clone)]
struct LabelHit {
    node: usize,
    /// The label as the page wrote it.
    text: String,
    folded: String,
}

/// Everything the reader derives from the snapshot once per reading.
struct Page<'s, 'r> {
    tree: Tree<'s>,
    rules: &'r PlatformRules,
    /// Nodes a person cannot see or that belong to a decoy.
    excluded: Vec<bool>,
    /// Folded label text of every node that shows any metric label of the platform.
    label_at: Vec<Option<String>>,
    /// Each node's own text, `aria-label`, `title` and `alt`, folded ([`names`]).
    folded: Vec<Vec<String>>,
    numbers: Option<Language>,
    phrases: Vec<String>,
}

/// Reads one page whose URL the rules know.
pub fn read_matched(
    snapshot: &super::Snapshot,
    matched: &PageMatch<'_>,
    url: &PageUrl,
    read_at: DateTime<Utc>,
) -> PageReading {
    let rules = matched.rules;
    let language = snapshot.lang.as_deref().and_then(Language::from_tag);
    let page = Page::new(snapshot, rules, language);
    let today = matched.platform().reporting_date(read_at);
    let period_rule = rules.period_for(matched.page);
    let period = detect_period(
        period_rule,
        &page.tree,
        &page.excluded,
        url,
        snapshot.lang.as_deref(),
        today,
    );
    let mut diagnostics = Vec::new();
    let mut observations = Vec::new();
    let mut unrecorded = 0usize;
    let account = matched.captures.get("account").cloned().unwrap_or_default();
    let post_id = match matched.page.scope {
        Scope::Account => None,
        _ => matched.captures.get("post_id").cloned(),
    };
    let location = snapshot.url.clone();

    for metric in rules
        .metrics
        .iter()
        .filter(|m| m.pages.contains(&matched.page.kind))
    {
        let (value, label) = match page.read_metric(metric) {
            Outcome::Read { value, label } => (value, label),
            unread => {
                let name = PlatformRules::display_label(metric, language);
                let optional = metric.is_optional_on(&matched.page.kind);
                diagnostics.push(
                    unread_diagnostic(unread, &name, optional)
                        .at(location.clone())
                        .for_metric(metric.metric.clone()),
                );
                continue;
            }
        };
        let window_and_dates = match (metric.window, &period) {
            (Some(Window::Snapshot), _) => Some((Window::Snapshot, today, today)),
            (_, PagePeriod::Lifetime) => Some((Window::Lifetime, today, today)),
            (_, PagePeriod::Range { range, .. }) => {
                Some((Window::Range, range.start(), range.end()))
            }
            (_, PagePeriod::Unknown) => None,
        };
        let Some((window, start, end)) = window_and_dates else {
            unrecorded += 1;
            continue;
        };
        observations.push(observation(ObservationParts {
            matched,
            metric,
            account: &account,
            post_id: post_id.clone(),
            window,
            start,
            end,
            value,
            label,
            location: &location,
            read_at,
            locale: page.numbers,
        }));
    }
    if period == PagePeriod::Unknown && unrecorded > 0 {
        diagnostics.insert(
            0,
            Diagnostic::error(
                "period_not_found",
                format!(
                    "could not read which period this page shows, so {unrecorded} figure(s) were not recorded; pick a date range on the page and read it again"
                ),
            )
            .at(location.clone()),
        );
    }
    let content = super::posts::read_posts(&super::posts::PostPage {
        tree: &page.tree,
        excluded: &page.excluded,
        matched,
        account: &account,
        post_id: post_id.as_deref(),
        location: &location,
        language,
        read_at,
    });
    PageReading {
        platform: Some(matched.platform()),
        page_kind: Some(matched.page.kind.clone()),
        period: match period {
            PagePeriod::Range { range, .. } => Some(range),
            _ => None,
        },
        observations,
        content,
        diagnostics,
    }
}

/// What the overlay says about a metric it could not read: always "could not read …", and
/// why. Missing optional metrics are notes; the rest are warnings.
fn unread_diagnostic(outcome: Outcome, name: &str, optional: bool) -> Diagnostic {
    match outcome {
        Outcome::Conflict { raws } => Diagnostic::warning(
            "ambiguous_value",
            format!(
                "could not read {name} on this page: it shows different values ({}), so none was recorded",
                raws.join(", ")
            ),
        )
        .with_raw(raws.join(" | ")),
        Outcome::AmbiguousNumber { raw } => Diagnostic::warning(
            "ambiguous_number",
            format!(
                "could not read {name} on this page: {raw:?} means different numbers in different locales and the page does not say which"
            ),
        )
        .with_raw(raw),
        Outcome::Missing | Outcome::Read { .. } => {
            let message = format!("could not read {name} on this page");
            if optional {
                Diagnostic::info("metric_not_found", message)
            } else {
                Diagnostic::warning("metric_not_found", message)
            }
        }
    }
}

/// The value read for a metric, with the label it was read under.
#[derive(Debug)]
enum Outcome {
    Read { value: ReadValue, label: String },
    Missing,
    Conflict { raws: Vec<String> },
    AmbiguousNumber { raw: String },
}

#[derive(Debug, Clone)]
struct ReadValue {
    raw: String,
    value: f64,
    rounded_to: Option<f64>,
}

struct ObservationParts<'a, 'm> {
    matched: &'a PageMatch<'m>,
    metric: &'a MetricRule,
    account: &'a str,
    post_id: Option<String>,
    window: Window,
    start: NaiveDate,
    end: NaiveDate,
    value: ReadValue,
    label: String,
    location: &'a str,
    read_at: DateTime<Utc>,
    locale: Option<Language>,
}

fn observation(parts: ObservationParts<'_, '_>) -> Observation {
    let ObservationParts {
        matched,
        metric,
        account,
        post_id,
        window,
        start,
        end,
        value,
        label,
        location,
        read_at,
        locale,
    } = parts;
    Observation {
        platform: matched.platform(),
        account: account.to_owned(),
        scope: matched.page.scope,
        post_id,
        name: None,
        metric: metric.metric.clone(),
        distribution: metric.distribution,
        window,
        start,
        end,
        value: value.value * metric.scale,
        unit: metric.unit.clone(),
        rounded_to: value.rounded_to.map(|step| step * metric.scale),
        derivation: None,
        source: Source {
            kind: SourceKind::Page,
            location: location.to_owned(),
            label,
            raw: value.raw,
            read_at,
            locale: locale.map(|l| l.code().to_owned()),
        },
    }
}

impl<'s, 'r> Page<'s, 'r> {
    fn new(
        snapshot: &'s super::Snapshot,
        rules: &'r PlatformRules,
        language: Option<Language>,
    ) -> Self {
        let tree = Tree::new(snapshot);
        let count = snapshot.nodes.len();
        let mut excluded: Vec<bool> = (0..count).map(|i| tree.is_hidden(i)).collect();
        // Decoy elements by tag name.
        for &index in tree.in_order() {
            let is_decoy_tag = tree.node(index).is_some_and(|n| {
                rules
                    .decoys
                    .tags
                    .iter()
                    .any(|t| t.eq_ignore_ascii_case(&n.tag))
            });
            if is_decoy_tag {
                exclude_subtree(&tree, &mut excluded, index);
            }
        }
        // Every node's names folded once: label matching and decoy phrases compare these.
        let folded: Vec<Vec<String>> = snapshot
            .nodes
            .iter()
            .map(|node| names(node).map(|t| fold(t)).collect())
            .collect();
        let all_labels = rules.all_labels_folded();
        let label_at: Vec<Option<String>> = (0..count)
            .map(|i| {
                if excluded.get(i).copied().unwrap_or(true) {
                    return None;
                }
                folded
                    .get(i)?
                    .iter()
                    .find(|f| all_labels.binary_search(f).is_ok())
                    .cloned()
            })
            .collect();
        // Decoy sections: the smallest container around the heading that holds a label.
        let section_headings: Vec<String> = rules
            .decoys
            .sections
            .values()
            .flatten()
            .map(|s| fold(s))
            .collect();
        let headings: Vec<usize> = tree
            .in_order()
            .iter()
            .copied()
            .filter(|i| !excluded.get(*i).copied().unwrap_or(true))
            .filter(|i| {
                folded
                    .get(*i)
                    .is_some_and(|names| names.iter().any(|t| section_headings.contains(t)))
            })
            .collect();
        for heading in headings {
            let section = (1..=rules.layout.max_depth + 3)
                .filter_map(|depth| tree.ancestor(heading, depth))
                .find(|a| {
                    tree.subtree(*a)
                        .iter()
                        .any(|n| label_at.get(*n).is_some_and(Option::is_some))
                });
            if let Some(section) = section {
                exclude_subtree(&tree, &mut excluded, section);
            }
        }
        let label_at = label_at
            .into_iter()
            .enumerate()
            .map(|(i, l)| l.filter(|_| !excluded.get(i).copied().unwrap_or(true)))
            .collect();
        let phrases = rules
            .decoys
            .phrases
            .values()
            .flatten()
            .map(|p| fold(p))
            .collect();
        Page {
            tree,
            rules,
            excluded,
            label_at,
            folded,
            numbers: rules.numbers.or(language),
            phrases,
        }
    }

    fn is_excluded(&self, index: usize) -> bool {
        self.excluded.get(index).copied().unwrap_or(true)
    }

    /// Reads one metric: every place its label appears must agree on one value.
    fn read_metric(&self, metric: &MetricRule) -> Outcome {
        let labels: Vec<String> = metric.labels.values().flatten().map(|l| fold(l)).collect();
        let hits: Vec<LabelHit> = self
            .tree
            .in_order()
            .iter()
            .filter_map(|&node| {
                let folded = self.label_at.get(node)?.as_ref()?;
                if !labels.contains(folded) {
                    return None;
                }
                let text = names(self.tree.node(node)?)
                    .find(|t| &fold(t) == folded)?
                    .clone();
                Some(LabelHit {
                    node,
                    text,
                    folded: folded.clone(),
                })
            })
            .collect();
        let mut values: Vec<(ReadValue, String)> = Vec::new();
        let mut ambiguous: Option<String> = None;
        for hit in &hits {
            for found in self.values_for(hit, metric) {
                match found {
                    Found::Value { raw, parsed } => values.push((
                        ReadValue {
                            raw,
                            value: parsed.value,
                            rounded_to: parsed.rounded_to,
                        },
                        hit.text.clone(),
                    )),
                    Found::Ambiguous { raw } => ambiguous = ambiguous.or(Some(raw)),
                }
            }
        }
        // Values inside accessible names that join label and value ("Impressions: 1,234").
        values.extend(self.values_in_names(metric, &labels));
        settle(values, ambiguous)
    }

    /// The candidate values around one label, by the layout rules.
    fn values_for(&self, hit: &LabelHit, metric: &MetricRule) -> Vec<Found> {
        for depth in 0..=self.rules.layout.max_depth {
            let Some(container) = self.tree.ancestor(hit.node, depth) else {
                break;
            };
            let subtree = self.tree.subtree(container);
            let other_labels: Vec<usize> = subtree
                .iter()
                .copied()
                .filter(|n| !self.tree.contains(hit.node, *n))
                .filter(|n| {
                    self.label_at
                        .get(*n)
                        .and_then(Option::as_ref)
                        .is_some_and(|f| f != &hit.folded)
                })
                .collect();
            // The stretch of document a shared container gives this label: up to the next
            // other label (after), or back to the previous one and past its own content
            // (before).
            let label_at = self.tree.position(hit.node);
            let next = other_labels
                .iter()
                .map(|n| self.tree.position(*n))
                .filter(|p| *p > label_at)
                .min()
                .unwrap_or(usize::MAX);
            let previous = other_labels
                .iter()
                .copied()
                .filter(|n| self.tree.position(*n) < label_at)
                .max_by_key(|n| self.tree.position(*n));
            let in_range = |node: usize| -> bool {
                if other_labels.is_empty() {
                    return true;
                }
                let at = self.tree.position(node);
                match self.rules.layout.value {
                    ValuePosition::Card => false,
                    ValuePosition::After => at > label_at && at < next,
                    ValuePosition::Before => {
                        at < label_at
                            && previous.is_none_or(|p| {
                                at > self.tree.position(p) && !self.tree.contains(p, node)
                            })
                    }
                }
            };
            let mut found: Vec<Found> = subtree
                .iter()
                .copied()
                .filter(|n| *n != hit.node && !self.is_excluded(*n))
                .filter(|n| self.label_at.get(*n).is_some_and(Option::is_none))
                .filter(|n| in_range(*n))
                .filter_map(|n| self.value_at(n, metric))
                .collect();
            if other_labels.is_empty() {
                if !found.is_empty() {
                    return found;
                }
                continue;
            }
            // A shared container: the value nearest the label on the side the layout
            // names (a breakdown such as desktop/mobile may follow the total).
            return match self.rules.layout.value {
                ValuePosition::Before => found.pop().into_iter().collect(),
                ValuePosition::After | ValuePosition::Card => found.into_iter().take(1).collect(),
            };
        }
        Vec::new()
    }

    /// The value a node shows, when it is one of the metric's kind and not a decoy.
    fn value_at(&self, index: usize, metric: &MetricRule) -> Option<Found> {
        let node = self.tree.node(index)?;
        if self.is_decoy_context(index) {
            return None;
        }
        let from_text = self.parse_compatible(&node.text, metric);
        let from_names = ["title", "aria-label"]
            .iter()
            .filter_map(|name| node.attrs.get(*name))
            .find_map(|raw| match self.parse_compatible(raw, metric) {
                Some(Ok(parsed)) if parsed.rounded_to.is_none() => Some((raw.clone(), parsed)),
                _ => None,
            });
        match (from_text, from_names) {
            // An exact value in the accessible name beats compact text ("1.2K" titled "1,234").
            (_, Some((raw, parsed))) => Some(Found::Value { raw, parsed }),
            (Some(Ok(parsed)), None) => Some(Found::Value {
                raw: node.text.clone(),
                parsed,
            }),
            (Some(Err(raw)), None) => Some(Found::Ambiguous { raw }),
            (None, None) => None,
        }
    }

    /// `Some(Ok)` for a value of the metric's kind, `Some(Err(raw))` for a number nothing
    /// can decide, `None` for anything else.
    fn parse_compatible(
        &self,
        raw: &str,
        metric: &MetricRule,
    ) -> Option<Result<ParsedValue, String>> {
        // Every number has a digit; most texts on a page have none.
        if !raw.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        match parse_value(raw, self.numbers) {
            Ok(parsed) => {
                let kind_fits = match (&metric.unit, &parsed.kind) {
                    (Unit::Count, ValueKind::Number) => true,
                    (Unit::Ratio, ValueKind::Percent) => true,
                    (Unit::Seconds, ValueKind::Duration) => true,
                    (Unit::Seconds, ValueKind::Number) => metric.scale != 1.0,
                    (Unit::Currency(_), ValueKind::Currency(_)) => true,
                    _ => false,
                };
                let sign_fits = !parsed.signed || metric.signed;
                (kind_fits && sign_fits && parsed.value.is_finite()).then_some(Ok(parsed))
            }
            Err(ValueError::Ambiguous { raw, .. }) => Some(Err(raw)),
            Err(_) => None,
        }
    }

    /// True when a comparison phrase ("vs previous period") sits on the node, its parent or
    /// the sibling before it: the number is the previous period's, not this one's.
    fn is_decoy_context(&self, index: usize) -> bool {
        if self.phrases.is_empty() {
            return false;
        }
        let near = [
            Some(index),
            self.tree.parent(index),
            self.tree.previous_sibling(index),
        ];
        near.into_iter()
            .flatten()
            .filter_map(|i| self.folded.get(i))
            .flatten()
            .any(|text| self.phrases.iter().any(|p| contains_words(text, p)))
    }

    /// Values in accessible names that hold both label and value: `aria-label="Impressions:
    /// 1,234"` or `title="1,234 impressions"`.
    fn values_in_names(&self, metric: &MetricRule, labels: &[String]) -> Vec<(ReadValue, String)> {
        let mut out = Vec::new();
        for &index in self.tree.in_order() {
            if self.is_excluded(index) {
                continue;
            }
            let Some(node) = self.tree.node(index) else {
                continue;
            };
            for name in ["aria-label", "title"]
                .iter()
                .filter_map(|a| node.attrs.get(*a))
            {
                let folded = fold(name);
                for label in labels {
                    let rest = folded
                        .strip_prefix(label.as_str())
                        .map(|r| r.trim_start_matches([':', ' ']))
                        .filter(|r| r.len() < folded.len())
                        .or_else(|| folded.strip_suffix(label.as_str()).map(str::trim_end));
                    let Some(rest) = rest.filter(|r| !r.is_empty() && r.len() < folded.len())
                    else {
                        continue;
                    };
                    if let Some(Ok(parsed)) = self.parse_compatible(rest, metric) {
                        out.push((
                            ReadValue {
                                raw: rest.to_owned(),
                                value: parsed.value,
                                rounded_to: parsed.rounded_to,
                            },
                            name.clone(),
                        ));
                    }
                }
            }
        }
        out
    }
}

/// One value when every candidate agrees (exact values beat rounded ones that include them).
fn settle(values: Vec<(ReadValue, String)>, ambiguous: Option<String>) -> Outcome {
    let exact: Vec<&(ReadValue, String)> = values
        .iter()
        .filter(|(v, _)| v.rounded_to.is_none())
        .collect();
    let chosen = match exact.first() {
        Some(first) => *first,
        None => match values.first() {
            Some(first) => first,
            None => {
                return match ambiguous {
                    Some(raw) => Outcome::AmbiguousNumber { raw },
                    None => Outcome::Missing,
                }
            }
        },
    };
    let agrees = |(v, _): &(ReadValue, String)| match v.rounded_to {
        None => v.value == chosen.0.value,
        Some(step) => match chosen.0.rounded_to {
            None => (v.value - chosen.0.value).abs() <= step / 2.0 + f64::EPSILON * v.value.abs(),
            Some(_) => v.value == chosen.0.value,
        },
    };
    if values.iter().all(agrees) {
        return Outcome::Read {
            value: chosen.0.clone(),
            label: chosen.1.clone(),
        };
    }
    let mut raws: Vec<String> = values.iter().map(|(v, _)| v.raw.clone()).collect();
    raws.sort();
    raws.dedup();
    Outcome::Conflict { raws }
}

/// The texts a node shows or is named by: own text, `aria-label`, `title`, `alt`.
fn names(node: &super::SnapshotNode) -> impl Iterator<Item = &String> {
    std::iter::once(&node.text)
        .chain(
            ["aria-label", "title", "alt"]
                .into_iter()
                .filter_map(|a| node.attrs.get(a)),
        )
        .filter(|t| !t.is_empty())
}

/// True when `phrase` occurs in `text` at word boundaries.
fn contains_words(text: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    text.match_indices(phrase).any(|(at, _)| {
        let before = text.get(..at).and_then(|s| s.chars().next_back());
        let after = text.get(at + phrase.len()..).and_then(|s| s.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn exclude_subtree(tree: &Tree<'_>, excluded: &mut [bool], root: usize) {
    for &node in tree.subtree(root) {
        if let Some(slot) = excluded.get_mut(node) {
            *slot = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words() {
        assert!(contains_words("vs previous 15 days", "vs"));
        assert!(!contains_words("conversions", "vs"));
        assert!(contains_words(
            "12% more than previous 7 days",
            "than previous"
        ));
    }
}
