//! A table's rows, read: the header's labels give the columns, each data row becomes an
//! entity (its id from a `data-*` attribute or an id column, else its name) with one
//! observation per metric cell, and a totals row is skipped or kept as the account's. Gaps
//! are counted so one diagnostic covers many rows. Part of [`super`]'s reader; it must not
//! hold platform-specific code.

use std::collections::BTreeMap;

use super::ad_rules::KeepTotals;
use super::entities::ContentColumns;
use super::table::{Grid, Row};
use super::{AdPage, Entity, Owner};
use crate::model::{Diagnostic, Scope};
use crate::page::text::fold;
use crate::values::DateRange;

/// A metric column as the header shows it: (column, index into the page's columns, label as
/// written, the label's currency).
pub(super) type MetricColumns = [(usize, usize, String, Option<String>)];

impl AdPage<'_, '_> {
    /// Reads one table; false when it is not this page's table (no name column).
    pub(super) fn read_grid(&mut self, grid: &Grid, scope: Scope, period: DateRange) -> bool {
        let mut name_column = None;
        let mut id_column = None;
        let mut metric_columns: Vec<(usize, usize, String, Option<String>)> = Vec::new();
        let mut not_read: Vec<String> = Vec::new();
        let mut content_columns = ContentColumns::default();
        for (&column, &cell) in &grid.header {
            match self.header_label(cell) {
                Some((Owner::Attribution, written, _)) => {
                    content_columns.attribution.get_or_insert((column, written));
                }
                Some((Owner::ResultType, written, _)) => {
                    content_columns.result_type.get_or_insert((column, written));
                }
                Some((Owner::Campaign, written, _)) => {
                    content_columns.campaign.get_or_insert((column, written));
                }
                Some((Owner::CampaignId, written, _)) => {
                    content_columns.campaign_id.get_or_insert((column, written));
                }
                Some((Owner::Name, _, _)) => {
                    name_column.get_or_insert(column);
                }
                Some((Owner::Id, _, _)) => {
                    id_column.get_or_insert(column);
                }
                Some((Owner::Column(index), written, currency)) => {
                    if !metric_columns.iter().any(|(_, i, _, _)| *i == index) {
                        metric_columns.push((column, index, written, currency));
                    }
                }
                None => {
                    let text = self.visible_text(cell);
                    if text.chars().any(char::is_alphabetic) {
                        not_read.push(text);
                    }
                }
            }
        }
        let Some(name_column) = name_column else {
            return false;
        };
        content_columns.results = metric_columns
            .iter()
            .find(|(_, index, _, _)| self.columns.get(*index).is_some_and(|c| c.result_type))
            .map(|(column, _, written, _)| (*column, written.clone()));
        self.content_columns = content_columns;
        let location = self.snapshot.url.clone();
        if !not_read.is_empty() && !self.columns_reported {
            self.diagnostics.push(
                Diagnostic::info(
                    "columns_not_read",
                    format!(
                        "{} column(s) are not ones Yardstick reads: {}",
                        not_read.len(),
                        not_read.join(", ")
                    ),
                )
                .at(location.clone())
                .with_raw(not_read.join(" | ")),
            );
        }
        if self.columns_reported {
            return self.read_rows(grid, scope, period, name_column, id_column, &metric_columns);
        }
        self.columns_reported = true;
        for (index, column) in self.columns.iter().enumerate() {
            if !column.optional && !metric_columns.iter().any(|(_, i, _, _)| *i == index) {
                self.diagnostics.push(
                    Diagnostic::info(
                        "column_not_shown",
                        format!(
                            "the table does not show {}; add the column to read it",
                            column
                                .labels
                                .get("en")
                                .and_then(|l| l.first())
                                .cloned()
                                .unwrap_or_else(|| column.metric.to_string())
                        ),
                    )
                    .at(location.clone())
                    .for_metric(column.metric.clone()),
                );
            }
        }
        self.read_rows(grid, scope, period, name_column, id_column, &metric_columns)
    }

    pub(super) fn read_rows(
        &mut self,
        grid: &Grid,
        scope: Scope,
        period: DateRange,
        name_column: usize,
        id_column: Option<usize>,
        metric_columns: &MetricColumns,
    ) -> bool {
        let mut tally = Tally::default();
        for row in &grid.rows {
            self.read_row(
                row,
                scope,
                period,
                name_column,
                id_column,
                metric_columns,
                &mut tally,
            );
        }
        self.report_tally(tally, metric_columns);
        true
    }

    /// The label of a header cell: any of its visible texts or its accessible name.
    pub(super) fn header_label(&self, cell: usize) -> Option<(Owner, String, Option<String>)> {
        self.label_of(cell).or_else(|| {
            self.tree
                .subtree(cell)
                .iter()
                .filter(|i| !self.excluded.get(**i).copied().unwrap_or(true))
                .find_map(|i| self.label_of(*i))
        })
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn read_row(
        &mut self,
        row: &Row,
        scope: Scope,
        period: DateRange,
        name_column: usize,
        id_column: Option<usize>,
        metric_columns: &MetricColumns,
        tally: &mut Tally,
    ) {
        let name_cell = row.cells.get(&name_column).copied();
        let name_text = name_cell.map(|c| self.visible_text(c)).unwrap_or_default();
        if self.is_totals(&name_text) {
            match self.rules.table.totals.keep {
                KeepTotals::Skip => {
                    tally.totals_skipped = true;
                    return;
                }
                KeepTotals::Account => {
                    let entity = Entity {
                        scope: Scope::Account,
                        id: None,
                        name: None,
                    };
                    self.read_cells(row, &entity, period, metric_columns, tally);
                    return;
                }
            }
        }
        let name = name_cell.and_then(|cell| self.entity_name(cell));
        let id = self.id_from_attributes(row.node).or_else(|| {
            let cell = row.cells.get(&id_column?)?;
            let text = self.visible_text(*cell);
            (!text.is_empty()).then_some(text)
        });
        let (id, name) = match (id, name) {
            (Some(id), name) => (id, name),
            (None, Some(name)) => {
                tally.named_by_name = true;
                (name.clone(), Some(name))
            }
            (None, None) => {
                if metric_columns
                    .iter()
                    .any(|(c, ..)| row.cells.contains_key(c))
                {
                    tally.unnamed_rows += 1;
                }
                return;
            }
        };
        let entity = Entity {
            scope,
            id: Some(id),
            name,
        };
        self.read_cells(row, &entity, period, metric_columns, tally);
        self.describe_row(row, &entity);
    }

    pub(super) fn read_cells(
        &mut self,
        row: &Row,
        entity: &Entity,
        period: DateRange,
        metric_columns: &MetricColumns,
        tally: &mut Tally,
    ) {
        for (column, index, written, header_currency) in metric_columns {
            let Some(rule) = self.columns.get(*index).copied() else {
                continue;
            };
            let Some(&cell) = row.cells.get(column) else {
                let entry = tally.missing.entry(*index).or_insert((0, String::new()));
                entry.0 += 1;
                if entry.1.is_empty() {
                    entry.1 = entity
                        .name
                        .clone()
                        .or(entity.id.clone())
                        .unwrap_or_default();
                }
                continue;
            };
            let reading = self.context().read(cell, &[], rule.shown);
            self.record(
                rule,
                reading,
                entity,
                period,
                written,
                header_currency.as_deref(),
                Some((cell, None)),
                tally,
                *index,
            );
        }
    }

    /// True when a name cell's text is a totals row's ("Results from 3 campaigns").
    pub(super) fn is_totals(&self, name_text: &str) -> bool {
        let text = fold(name_text);
        !text.is_empty()
            && self
                .rules
                .table
                .totals
                .words
                .values()
                .flatten()
                .map(|w| fold(w))
                .any(|word| {
                    text.strip_prefix(word.as_str())
                        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
                })
    }

    /// The entity's name: the first visible link's text in the name cell, else its first
    /// visible text that is not a hover action.
    pub(super) fn entity_name(&self, cell: usize) -> Option<String> {
        let ignore: Vec<String> = self
            .rules
            .table
            .name_ignore
            .values()
            .flatten()
            .map(|t| fold(t))
            .collect();
        let visible = |i: &&usize| !self.excluded.get(**i).copied().unwrap_or(true);
        let subtree = self.tree.subtree(cell);
        let link = subtree
            .iter()
            .filter(visible)
            .find(|i| self.tree.node(**i).is_some_and(|n| n.tag == "a"))
            .map(|i| self.visible_text(*i))
            .filter(|t| !t.is_empty());
        link.or_else(|| {
            subtree
                .iter()
                .filter(visible)
                .filter_map(|i| self.tree.node(*i))
                .map(|n| n.text.clone())
                .find(|t| !t.is_empty() && !ignore.contains(&fold(t)))
        })
    }

    /// The entity's id from the row's (or its content's) `data-*` attributes.
    pub(super) fn id_from_attributes(&self, row: usize) -> Option<String> {
        self.rules.table.id_attributes.iter().find_map(|name| {
            self.tree.subtree(row).iter().find_map(|i| {
                self.tree
                    .node(*i)?
                    .attrs
                    .get(name)
                    .map(|v| v.trim().to_owned())
                    .filter(|v| !v.is_empty())
            })
        })
    }

    /// One diagnostic per kind of gap, not one per row.
    pub(super) fn report_tally(&mut self, tally: Tally, metric_columns: &MetricColumns) {
        let location = self.snapshot.url.clone();
        let label_of = |index: usize| {
            metric_columns
                .iter()
                .find(|(_, i, _, _)| *i == index)
                .map(|(_, _, written, _)| written.clone())
                .unwrap_or_default()
        };
        if tally.totals_skipped {
            self.diagnostics.push(
                Diagnostic::info(
                    "total_row_skipped",
                    "the totals row was not recorded: it sums the rows shown, which a filter may have narrowed",
                )
                .at(location.clone()),
            );
        }
        if tally.named_by_name {
            self.diagnostics.push(
                Diagnostic::info(
                    "entity_id_not_shown",
                    "the table shows no ids, so entities are named by their names (as the exports without id columns are); add an id column to tell same-named entities apart",
                )
                .at(location.clone()),
            );
        }
        if tally.unnamed_rows > 0 {
            self.diagnostics.push(
                Diagnostic::warning(
                    "row_without_name",
                    format!(
                        "{} row(s) name no entity and were skipped",
                        tally.unnamed_rows
                    ),
                )
                .at(location.clone()),
            );
        }
        for (index, (count, first)) in tally.missing {
            let metric = self.columns.get(index).map(|c| c.metric.clone());
            let mut diagnostic = Diagnostic::warning(
                "missing_cell",
                format!(
                    "{count} row(s) have no {} cell (first: {first}); those values were not read",
                    label_of(index)
                ),
            )
            .at(location.clone());
            if let Some(metric) = metric {
                diagnostic = diagnostic.for_metric(metric);
            }
            self.diagnostics.push(diagnostic);
        }
        for (index, count) in tally.empty {
            let metric = self.columns.get(index).map(|c| c.metric.clone());
            let mut diagnostic = Diagnostic::info(
                "no_value",
                format!("{count} row(s) show no {} value (—)", label_of(index)),
            )
            .at(location.clone());
            if let Some(metric) = metric {
                diagnostic = diagnostic.for_metric(metric);
            }
            self.diagnostics.push(diagnostic);
        }
    }
}

/// What went unread in a table, counted so one diagnostic covers many rows.
#[derive(Debug, Default)]
pub(super) struct Tally {
    pub(super) totals_skipped: bool,
    pub(super) named_by_name: bool,
    pub(super) unnamed_rows: usize,
    /// Column → (rows without its cell, the first such row's entity).
    pub(super) missing: BTreeMap<usize, (usize, String)>,
    /// Column → rows showing no value.
    pub(super) empty: BTreeMap<usize, usize>,
}
