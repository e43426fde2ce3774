//! A single entity's page (one campaign's report): its summary cards, read for the entity
//! its address names, with the page heading as its name. Part of [`super`]'s reader; it
//! must not hold platform-specific code.

use super::ad_rules::fold_label;
use super::cards::{read_cards, CardReading, LabelHit};
use super::cells::CellReading;
use super::rows::Tally;
use super::table::find_grids;
use super::{AdPage, Entity, Owner};
use crate::model::{Diagnostic, Scope};
use crate::page::text::{collapse_whitespace, fold};
use crate::page::url::PageUrl;
use crate::values::DateRange;

impl AdPage<'_, '_> {
    /// Reads a single entity's summary cards; false when the page shows none.
    pub(super) fn read_entity_cards(&mut self, scope: Scope, period: DateRange) -> bool {
        let location = self.snapshot.url.clone();
        let page = self.matched.page;
        let id = match &page.entity_param {
            Some(param) => PageUrl::parse(&self.snapshot.url)
                .param(param)
                .map(|v| v.trim().to_owned()),
            None => self.matched.captures.get("entity_id").cloned(),
        }
        .filter(|id| !id.is_empty());
        let Some(id) = id else {
            self.diagnostics.push(
                Diagnostic::warning(
                    "entity_not_found",
                    "could not tell which campaign this page is about from its address; its summary was not read",
                )
                .at(location),
            );
            return false;
        };
        let name = self.heading_name();
        // Labels outside tables only: a table's headers are not cards.
        let mut in_table = vec![false; self.snapshot.nodes.len()];
        for grid in find_grids(&self.tree, &self.excluded) {
            for &node in self.tree.subtree(grid.root) {
                if let Some(slot) = in_table.get_mut(node) {
                    *slot = true;
                }
            }
        }
        let mut label_at: Vec<Option<(Owner, String, Option<String>)>> =
            (0..self.snapshot.nodes.len())
                .map(|i| {
                    let hidden = self.excluded.get(i).copied().unwrap_or(true);
                    if hidden || in_table.get(i).copied().unwrap_or(true) {
                        return None;
                    }
                    let element = self.tree.node(i)?;
                    [Some(&element.text), element.attrs.get("aria-label")]
                        .into_iter()
                        .flatten()
                        .filter(|t| !t.is_empty())
                        .find_map(|text| {
                            let (base, currency) = fold_label(text);
                            self.labels
                                .get(&base)
                                .map(|owner| (*owner, collapse_whitespace(text), currency))
                        })
                })
                .collect();
        let entity = Entity {
            scope,
            id: Some(id),
            name,
        };
        let mut any = false;
        let mut tally = Tally::default();
        // Result-type columns first: the words naming a result type ("Landing page clicks"
        // under a key result) are not another card's label.
        let mut order: Vec<usize> = (0..self.columns.len()).collect();
        order.sort_by_key(|i| !self.columns.get(*i).is_some_and(|c| c.result_type));
        for index in order {
            let Some(rule) = self.columns.get(index).copied() else {
                continue;
            };
            let hits: Vec<LabelHit> = label_at
                .iter()
                .enumerate()
                .filter_map(|(node, label)| match label {
                    Some((Owner::Column(i), written, currency)) if *i == index => Some(LabelHit {
                        node,
                        written: written.clone(),
                        currency: currency.clone(),
                    }),
                    _ => None,
                })
                .collect();
            if hits.is_empty() {
                if !rule.optional {
                    self.diagnostics.push(
                        Diagnostic::info(
                            "metric_not_found",
                            "this summary does not show the figure",
                        )
                        .at(location.clone())
                        .for_metric(rule.metric.clone()),
                    );
                }
                continue;
            }
            any = true;
            let is_label = |i: usize| label_at.get(i).is_some_and(Option::is_some);
            let reading = read_cards(&self.context(), &hits, &is_label, rule.shown);
            let first_label = hits.first().map(|h| h.written.clone()).unwrap_or_default();
            let (reading, label, currency, source) = match reading {
                CardReading::Value {
                    value,
                    label,
                    label_currency,
                    label_node,
                    card,
                } => (
                    CellReading::Value(value),
                    label,
                    label_currency,
                    Some((card, Some(label_node))),
                ),
                CardReading::Missing => (CellReading::Empty, first_label, None, None),
                CardReading::Conflict(raws) => {
                    (CellReading::Conflict(raws), first_label, None, None)
                }
                CardReading::Ambiguous(raw) => {
                    (CellReading::Ambiguous(raw), first_label, None, None)
                }
            };
            if reading == CellReading::Empty {
                let diagnostic = if rule.optional {
                    Diagnostic::info(
                        "metric_not_found",
                        format!("could not read {label} on this page"),
                    )
                } else {
                    Diagnostic::warning(
                        "metric_not_found",
                        format!("could not read {label} on this page"),
                    )
                };
                self.diagnostics.push(
                    diagnostic
                        .at(location.clone())
                        .for_metric(rule.metric.clone()),
                );
                continue;
            }
            let kind = self.record(
                rule,
                reading,
                &entity,
                period,
                &label,
                currency.as_deref(),
                source,
                &mut tally,
                index,
            );
            if let Some(kind) = &kind {
                self.describe_entity(&entity, Some((label.clone(), kind.clone())));
            }
            if let (Some(kind), Some((card, _))) = (kind, source) {
                let kind = fold(&kind);
                for &node in self.tree.subtree(card) {
                    let names_kind = self.tree.node(node).is_some_and(|n| fold(&n.text) == kind);
                    if names_kind {
                        if let Some(slot) = label_at.get_mut(node) {
                            *slot = None;
                        }
                    }
                }
            }
        }
        any
    }

    /// The entity's name from the page heading the rules name.
    pub(super) fn heading_name(&self) -> Option<String> {
        let tags = &self.matched.page.entity_name_tags;
        self.tree
            .in_order()
            .iter()
            .filter(|i| !self.excluded.get(**i).copied().unwrap_or(true))
            .find(|i| {
                self.tree
                    .node(**i)
                    .is_some_and(|n| tags.iter().any(|t| t.eq_ignore_ascii_case(&n.tag)))
            })
            .map(|i| self.visible_text(*i))
            .filter(|t| !t.is_empty())
    }
}
