//! Reading the ad managers in place: the campaigns, ad sets and ads tables of Meta Ads
//! Manager, LinkedIn Campaign Manager, X Ads, TikTok Ads Manager and Pinterest Ads, and the
//! summary cards of a single campaign's (ad set's) report.
//!
//! A table's header row names its columns by label (rules as data, `rules/*-ads.toml`);
//! each data row becomes one ad entity (campaign, ad set or ad) with its id (a `data-*`
//! attribute or an id column, else its name) and its name, and one observation per metric
//! cell, paid, over the page's period. A totals row is recognised and skipped or kept as
//! the account's figure, as the rules say. Columns are found by label wherever they sit and
//! whichever are hidden; a cell that is missing, empty, unreadable or contradicts itself is
//! a diagnostic, never a guess. The page's period comes from what the page shows or its URL;
//! without one nothing is recorded.
//!
//! [`read_ad_manager`] answers only for URLs the ad rules know; every other page goes to the
//! analytics reader. Nothing here is platform-specific code.

mod ad_rules;
mod cards;
mod cells;
mod table;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::period::{detect_period, PagePeriod};
use super::text::{collapse_whitespace, fold};
use super::tree::Tree;
use super::url::PageUrl;
use super::{PageReading, Snapshot};
use crate::model::{
    Diagnostic, Distribution, Language, Metric, Observation, Platform, Scope, Source, SourceKind,
    Unit, Window,
};
use crate::values::DateRange;
use ad_rules::{fold_label, folded, AdPageMatch, AdRules, ColumnRule, KeepTotals, Shown};
use cards::{read_cards, CardReading, LabelHit};
use cells::{CellContext, CellReading, CellValue};
use table::{find_grids, Grid, Row};

/// Reads an ad manager page, when the ad rules know its URL; `None` for any other page.
pub fn read_ad_manager(
    snapshot: &Snapshot,
    url: &PageUrl,
    read_at: DateTime<Utc>,
) -> Option<PageReading> {
    let rules = match ad_rules::all_ad_rules() {
        Ok(rules) => rules,
        Err(error) => {
            return Some(PageReading {
                platform: None,
                page_kind: None,
                period: None,
                observations: Vec::new(),
                diagnostics: vec![
                    Diagnostic::error("rules_invalid", error.to_string()).at(snapshot.url.clone())
                ],
            })
        }
    };
    let matched = ad_rules::match_ad_page(rules, url)?;
    Some(AdPage::new(snapshot, &matched, url, read_at).read())
}

/// What a label in a header or by a card names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Name,
    Id,
    Column(usize),
}

/// One reading of one ad manager page.
struct AdPage<'s, 'r> {
    snapshot: &'s Snapshot,
    rules: &'r AdRules,
    matched: &'r AdPageMatch<'r>,
    tree: Tree<'s>,
    excluded: Vec<bool>,
    numbers: Option<Language>,
    /// Folded label → what it names, for the columns of this page.
    labels: BTreeMap<String, Owner>,
    columns: Vec<&'r ColumnRule>,
    decoys: Vec<String>,
    account: String,
    period: Option<DateRange>,
    /// Whether the columns a table shows were already reported (a page may split its
    /// table into several grids).
    columns_reported: bool,
    read_at: DateTime<Utc>,
    observations: Vec<Observation>,
    diagnostics: Vec<Diagnostic>,
}

/// Where one row's or card's figures go.
struct Entity {
    scope: Scope,
    id: Option<String>,
    name: Option<String>,
}

impl<'s, 'r> AdPage<'s, 'r> {
    fn new(
        snapshot: &'s Snapshot,
        matched: &'r AdPageMatch<'r>,
        url: &PageUrl,
        read_at: DateTime<Utc>,
    ) -> Self {
        let rules = matched.rules;
        let tree = Tree::new(snapshot);
        let excluded: Vec<bool> = (0..snapshot.nodes.len())
            .map(|i| tree.is_hidden(i))
            .collect();
        let language = snapshot.lang.as_deref().and_then(Language::from_tag);
        let columns: Vec<&ColumnRule> = rules
            .columns
            .iter()
            .filter(|c| c.on_page(&matched.page.kind))
            .collect();
        let mut labels = BTreeMap::new();
        for label in folded(&rules.table.name_labels) {
            labels.insert(label, Owner::Name);
        }
        for label in folded(&rules.table.id_labels) {
            labels.insert(label, Owner::Id);
        }
        for (index, column) in columns.iter().enumerate() {
            for label in folded(&column.labels) {
                labels.insert(label, Owner::Column(index));
            }
        }
        let account = match &matched.page.account_param {
            Some(param) => url.param(param).unwrap_or_default().trim().to_owned(),
            None => matched.captures.get("account").cloned().unwrap_or_default(),
        };
        let mut page = AdPage {
            snapshot,
            rules,
            matched,
            tree,
            excluded,
            numbers: rules.numbers.or(language),
            labels,
            columns,
            decoys: rules
                .table
                .decoy_phrases
                .values()
                .flatten()
                .map(|p| fold(p))
                .collect(),
            account,
            period: None,
            columns_reported: false,
            read_at,
            observations: Vec::new(),
            diagnostics: Vec::new(),
        };
        page.period = page.detect_period(url);
        page
    }

    /// The period: what the page shows (outside its tables), else the URL.
    fn detect_period(&self, url: &PageUrl) -> Option<DateRange> {
        let mut outside_tables = self.excluded.clone();
        for grid in find_grids(&self.tree, &self.excluded) {
            for &node in self.tree.subtree(grid.root) {
                if let Some(slot) = outside_tables.get_mut(node) {
                    *slot = true;
                }
            }
        }
        let shown = detect_period(
            &self.rules.period,
            &self.tree,
            &outside_tables,
            url,
            self.snapshot.lang.as_deref(),
            self.read_at.date_naive(),
        );
        if let PagePeriod::Range { range, .. } = shown {
            return Some(range);
        }
        let in_url = self.rules.period_in_url.as_ref()?;
        let value = url.param(&in_url.param)?;
        let (start, end) = value.split_once(in_url.separator.as_str())?;
        let day = |text: &str| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
        DateRange::new(day(start)?, day(end)?).ok()
    }

    fn read(mut self) -> PageReading {
        let location = self.snapshot.url.clone();
        let Some(period) = self.period else {
            self.diagnostics.push(
                Diagnostic::error(
                    "period_not_found",
                    "could not read which period this page shows, so none of its figures were recorded; pick a date range on the page and read it again",
                )
                .at(location.clone()),
            );
            return self.finish();
        };
        let mut read_anything = false;
        if let Some(scope) = self.matched.page.rows {
            let grids = find_grids(&self.tree, &self.excluded);
            for grid in grids.iter().filter(|g| !g.rows.is_empty()) {
                read_anything |= self.read_grid(grid, scope, period);
            }
        }
        if let Some(scope) = self.matched.page.entity {
            read_anything |= self.read_entity_cards(scope, period);
        }
        if !read_anything {
            self.diagnostics.push(
                Diagnostic::warning(
                    "table_not_found",
                    format!(
                        "could not find the {} on this page: no table with a {} column and no summary cards; wait until it has loaded and read it again",
                        self.matched.page.kind.replace('_', " "),
                        self.rules
                            .table
                            .name_labels
                            .get("en")
                            .and_then(|l| l.first())
                            .map_or("name", String::as_str)
                    ),
                )
                .at(location),
            );
        }
        self.finish()
    }

    fn finish(self) -> PageReading {
        PageReading {
            platform: Some(self.rules.platform),
            page_kind: Some(self.matched.page.kind.clone()),
            period: self.period,
            observations: self.observations,
            diagnostics: self.diagnostics,
        }
    }

    fn context(&self) -> CellContext<'_> {
        CellContext {
            tree: &self.tree,
            excluded: &self.excluded,
            numbers: self.numbers,
            decoys: &self.decoys,
        }
    }

    /// The label a node shows (its own text, accessible name, or its visible text), when it
    /// is one of this page's: what it names, how it was written, its currency.
    fn label_of(&self, node: usize) -> Option<(Owner, String, Option<String>)> {
        let element = self.tree.node(node)?;
        let joined = self.visible_text(node);
        let candidates = [
            Some(&element.text),
            element.attrs.get("aria-label"),
            element.attrs.get("title"),
            Some(&joined),
        ];
        let found = candidates.into_iter().flatten().find_map(|text| {
            if text.is_empty() {
                return None;
            }
            let (base, currency) = fold_label(text);
            self.labels
                .get(&base)
                .map(|owner| (*owner, collapse_whitespace(text), currency))
        });
        found
    }

    /// The visible text of a subtree, joined by spaces.
    fn visible_text(&self, node: usize) -> String {
        self.tree
            .subtree(node)
            .iter()
            .filter(|i| !self.excluded.get(**i).copied().unwrap_or(true))
            .filter_map(|i| self.tree.node(*i))
            .map(|n| n.text.as_str())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Reads one table; false when it is not this page's table (no name column).
    fn read_grid(&mut self, grid: &Grid, scope: Scope, period: DateRange) -> bool {
        let mut name_column = None;
        let mut id_column = None;
        let mut metric_columns: Vec<(usize, usize, String, Option<String>)> = Vec::new();
        let mut not_read: Vec<String> = Vec::new();
        for (&column, &cell) in &grid.header {
            match self.header_label(cell) {
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

    fn read_rows(
        &mut self,
        grid: &Grid,
        scope: Scope,
        period: DateRange,
        name_column: usize,
        id_column: Option<usize>,
        metric_columns: &[(usize, usize, String, Option<String>)],
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
    fn header_label(&self, cell: usize) -> Option<(Owner, String, Option<String>)> {
        self.label_of(cell).or_else(|| {
            self.tree
                .subtree(cell)
                .iter()
                .filter(|i| !self.excluded.get(**i).copied().unwrap_or(true))
                .find_map(|i| self.label_of(*i))
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn read_row(
        &mut self,
        row: &Row,
        scope: Scope,
        period: DateRange,
        name_column: usize,
        id_column: Option<usize>,
        metric_columns: &[(usize, usize, String, Option<String>)],
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
    }

    fn read_cells(
        &mut self,
        row: &Row,
        entity: &Entity,
        period: DateRange,
        metric_columns: &[(usize, usize, String, Option<String>)],
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

    /// Turns one reading into an observation or a diagnostic.
    #[allow(clippy::too_many_arguments)]
    fn record(
        &mut self,
        rule: &ColumnRule,
        reading: CellReading,
        entity: &Entity,
        period: DateRange,
        label: &str,
        header_currency: Option<&str>,
        type_source: Option<(usize, Option<usize>)>,
        tally: &mut Tally,
        index: usize,
    ) -> Option<String> {
        let location = self.snapshot.url.clone();
        let who = entity
            .name
            .clone()
            .or(entity.id.clone())
            .unwrap_or_else(|| "the account".to_owned());
        let value = match reading {
            CellReading::Value(value) => value,
            CellReading::Empty => {
                *tally.empty.entry(index).or_insert(0) += 1;
                return None;
            }
            CellReading::Conflict(raws) => {
                self.diagnostics.push(
                    Diagnostic::warning(
                        "ambiguous_value",
                        format!(
                            "found different values for {label} of {who} ({}); recorded none of them",
                            raws.join(", ")
                        ),
                    )
                    .at(location)
                    .for_metric(rule.metric.clone())
                    .with_raw(raws.join(" | ")),
                );
                return None;
            }
            CellReading::Ambiguous(raw) => {
                self.diagnostics.push(
                    Diagnostic::warning(
                        "ambiguous_number",
                        format!("could not read {label} of {who}: {raw:?} means different numbers in different locales and the page does not say which"),
                    )
                    .at(location)
                    .for_metric(rule.metric.clone())
                    .with_raw(raw),
                );
                return None;
            }
            CellReading::Unreadable(raw) => {
                self.diagnostics.push(
                    Diagnostic::warning(
                        "bad_value",
                        format!(
                            "could not read {label} of {who}: {raw:?} is not a {} value",
                            shown_name(rule.shown)
                        ),
                    )
                    .at(location)
                    .for_metric(rule.metric.clone())
                    .with_raw(raw),
                );
                return None;
            }
        };
        let unit = match rule.shown {
            Shown::Count => Unit::Count,
            Shown::Percent | Shown::Decimal => Unit::Ratio,
            Shown::Money => match self.currency(rule, &value, header_currency, label, &who) {
                Some(code) => Unit::Currency(code),
                None => return None,
            },
        };
        let observation =
            self.observation(entity, rule.metric.clone(), period, &value, unit, label);
        self.observations.push(observation);
        match type_source {
            Some((cell, skip)) if rule.result_type => {
                self.record_result_type(rule, &value, entity, period, label, cell, skip)
            }
            _ => None,
        }
    }

    /// The currency of a money value: the header's, else the value's own; a bare `$` or a
    /// header and value that disagree give none (a diagnostic says so).
    fn currency(
        &mut self,
        rule: &ColumnRule,
        value: &CellValue,
        header: Option<&str>,
        label: &str,
        who: &str,
    ) -> Option<String> {
        let location = self.snapshot.url.clone();
        match (header, value.currency.as_deref()) {
            (Some(header), Some(own)) if header != own => {
                self.diagnostics.push(
                    Diagnostic::warning(
                        "currency_conflict",
                        format!(
                            "{label} of {who} is headed {header} but reads {:?}; not recorded",
                            value.raw
                        ),
                    )
                    .at(location)
                    .for_metric(rule.metric.clone())
                    .with_raw(value.raw.clone()),
                );
                None
            }
            (Some(code), _) | (None, Some(code)) => Some(code.to_owned()),
            (None, None) => {
                self.diagnostics.push(
                    Diagnostic::warning(
                        "currency_unknown",
                        format!("{label} of {who} reads {:?}, which names no currency (a bare $ is several); not recorded", value.raw),
                    )
                    .at(location)
                    .for_metric(rule.metric.clone())
                    .with_raw(value.raw.clone()),
                );
                None
            }
        }
    }

    /// Keeps the result type a cell names beside its number as
    /// `<platform>:results_<type>`, the same count; returns the words that named it.
    #[allow(clippy::too_many_arguments)]
    fn record_result_type(
        &mut self,
        rule: &ColumnRule,
        value: &CellValue,
        entity: &Entity,
        period: DateRange,
        label: &str,
        cell: usize,
        skip: Option<usize>,
    ) -> Option<String> {
        let words = self
            .context()
            .words(cell, &skip.into_iter().collect::<Vec<_>>());
        let kind = words.first()?.clone();
        let id = self
            .rules
            .result_type_id(&kind)
            .map(str::to_owned)
            .unwrap_or_else(|| crate::model::snake_case(&kind));
        if id.is_empty() {
            return None;
        }
        if self.rules.result_type_id(&kind).is_none() {
            self.diagnostics.push(
                Diagnostic::info(
                    "result_type_unknown",
                    format!("the result type {kind:?} is not in the rules; its results are kept as {}:results_{id}", self.rules.platform),
                )
                .at(self.snapshot.url.clone())
                .for_metric(rule.metric.clone())
                .with_raw(kind.clone()),
            );
        }
        let metric = Metric::platform(self.rules.platform, &format!("results_{id}"));
        let observation = self.observation(
            entity,
            metric,
            period,
            value,
            Unit::Count,
            &format!("{label}: {kind}"),
        );
        self.observations.push(observation);
        Some(kind)
    }

    fn observation(
        &self,
        entity: &Entity,
        metric: Metric,
        period: DateRange,
        value: &CellValue,
        unit: Unit,
        label: &str,
    ) -> Observation {
        Observation {
            platform: self.platform(),
            account: self.account.clone(),
            scope: entity.scope,
            post_id: entity.id.clone(),
            name: entity.name.clone(),
            metric,
            distribution: Distribution::Paid,
            window: Window::Range,
            start: period.start(),
            end: period.end(),
            value: value.value,
            unit,
            rounded_to: value.rounded_to,
            derivation: None,
            source: Source {
                kind: SourceKind::Page,
                location: self.snapshot.url.clone(),
                label: label.to_owned(),
                raw: value.raw.clone(),
                read_at: self.read_at,
                locale: self.numbers.map(|l| l.code().to_owned()),
            },
        }
    }

    fn platform(&self) -> Platform {
        self.rules.platform
    }

    /// True when a name cell's text is a totals row's ("Results from 3 campaigns").
    fn is_totals(&self, name_text: &str) -> bool {
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
    fn entity_name(&self, cell: usize) -> Option<String> {
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
    fn id_from_attributes(&self, row: usize) -> Option<String> {
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
    fn report_tally(
        &mut self,
        tally: Tally,
        metric_columns: &[(usize, usize, String, Option<String>)],
    ) {
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

    /// Reads a single entity's summary cards; false when the page shows none.
    fn read_entity_cards(&mut self, scope: Scope, period: DateRange) -> bool {
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
    fn heading_name(&self) -> Option<String> {
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

/// What went unread in a table, counted so one diagnostic covers many rows.
#[derive(Debug, Default)]
struct Tally {
    totals_skipped: bool,
    named_by_name: bool,
    unnamed_rows: usize,
    /// Column → (rows without its cell, the first such row's entity).
    missing: BTreeMap<usize, (usize, String)>,
    /// Column → rows showing no value.
    empty: BTreeMap<usize, usize>,
}

fn shown_name(shown: Shown) -> &'static str {
    match shown {
        Shown::Count => "count",
        Shown::Percent => "percentage",
        Shown::Decimal => "decimal",
        Shown::Money => "money",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::snapshot_from_html;

    /// Rules for a made-up ad manager on `ads.example.test`, with the totals row kept or not.
    fn rules(keep_totals: &str) -> AdRules {
        let text = format!(
            r#"
            platform = "meta"
            languages.en = {{ confidence = "certain", source = "test" }}
            period_in_url = {{ param = "date", separator = "_" }}
            [table]
            name_labels.en = ["Campaign"]
            id_labels.en = ["Campaign ID"]
            id_attributes = ["data-id"]
            decoy_phrases.en = ["vs previous"]
            [table.totals]
            words.en = ["Results from"]
            keep = "{keep_totals}"
            [[page]]
            kind = "campaigns"
            hosts = ["ads.example.test"]
            path = "/campaigns"
            confidence = "certain"
            source = "test"
            rows = "campaign"
            account_param = "act"
            [[column]]
            metric = "spend"
            shown = "money"
            labels.en = ["Amount spent"]
            [[column]]
            metric = "impressions"
            shown = "count"
            labels.en = ["Impressions"]
            [[column]]
            metric = "ctr"
            shown = "percent"
            labels.en = ["CTR"]
            optional = true
            "#
        );
        let table: toml::Table = toml::from_str(&text).unwrap();
        ad_rules::parse_ad_rules("test.toml", &serde_json::to_string(&table).unwrap()).unwrap()
    }

    const URL: &str = "https://ads.example.test/campaigns?act=42&date=2026-10-01_2026-10-28";

    fn read_with(rules: &AdRules, url: &str, body: &str) -> PageReading {
        let html = format!("<html lang='en'><body>{body}</body></html>");
        let snapshot = snapshot_from_html(&html, url);
        let page_url = PageUrl::parse(url);
        let matched = ad_rules::match_ad_page(std::slice::from_ref(rules), &page_url).unwrap();
        let read_at = "2026-10-29T09:00:00Z".parse().unwrap();
        AdPage::new(&snapshot, &matched, &page_url, read_at).read()
    }

    /// `scope id metric value unit` per observation, sorted, and the diagnostics' codes.
    fn summary(reading: &PageReading) -> (Vec<String>, Vec<String>) {
        let mut lines: Vec<String> = reading
            .observations
            .iter()
            .map(|o| {
                format!(
                    "{:?} {} {} {} {}",
                    o.scope,
                    o.post_id.as_deref().unwrap_or("-"),
                    o.metric,
                    o.value,
                    o.unit
                )
            })
            .collect();
        lines.sort();
        let codes = reading.diagnostics.iter().map(|d| d.code.clone()).collect();
        (lines, codes)
    }

    fn check(keep_totals: &str, body: &str, observations: &[&str], diagnostics: &[&str]) {
        let reading = read_with(&rules(keep_totals), URL, body);
        let (lines, codes) = summary(&reading);
        assert_eq!(lines, observations, "{body}");
        assert_eq!(codes, diagnostics, "{body}");
        for o in &reading.observations {
            assert_eq!(o.distribution, Distribution::Paid);
            assert_eq!(o.account, "42");
            assert_eq!(o.start.to_string(), "2026-10-01");
        }
    }

    fn table(header: &str, rows: &str) -> String {
        format!("<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>")
    }

    #[test]
    fn columns_are_found_by_label_whatever_their_order() {
        let expected = [
            "Campaign 7 impressions 1000 count",
            "Campaign 7 spend 12.5 currency:EUR",
        ];
        check(
            "skip",
            &table(
                "<th>Campaign</th><th>Amount spent</th><th>Impressions</th>",
                "<tr data-id='7'><td>A</td><td>€12.50</td><td>1,000</td></tr>",
            ),
            &expected,
            &[],
        );
        check(
            "skip",
            &table(
                "<th>Impressions</th><th>Campaign</th><th>Amount spent (EUR)</th>",
                "<tr data-id='7'><td>1,000</td><td>A</td><td>12.50</td></tr>",
            ),
            &expected,
            &[],
        );
        // A virtualised grid: cells out of document order, placed by aria-colindex.
        check(
            "skip",
            "<div role='grid'><div role='row'><span role='columnheader' aria-colindex='2'>Amount spent</span>\
             <span role='columnheader' aria-colindex='1'>Campaign</span><span role='columnheader' aria-colindex='3'>Impressions</span></div>\
             <div role='row' data-id='7'><span role='gridcell' aria-colindex='3'>1,000</span>\
             <span role='gridcell' aria-colindex='1'>A</span><span role='gridcell' aria-colindex='2'>€12.50</span></div></div>",
            &expected,
            &[],
        );
    }

    #[test]
    fn hidden_columns_and_rows_are_not_read() {
        check(
            "skip",
            &table(
                "<th>Campaign</th><th hidden>Amount spent</th><th aria-hidden='true'>Impressions</th>",
                "<tr data-id='7'><td>A</td><td>€12.50</td><td>1,000</td></tr>\
                 <tr data-id='8' hidden><td>B</td><td>€99.00</td><td>9</td></tr>",
            ),
            &[],
            &["column_not_shown", "column_not_shown"],
        );
    }

    #[test]
    fn totals_rows_are_skipped_or_kept_as_the_account() {
        let body = table(
            "<th>Campaign</th><th>Amount spent</th><th>Impressions</th>",
            "<tr data-id='7'><td>A</td><td>€12.50</td><td>1,000</td></tr>\
             <tr><td>Results from 1 campaign</td><td>€12.50</td><td>1,000</td></tr>",
        );
        check(
            "skip",
            &body,
            &[
                "Campaign 7 impressions 1000 count",
                "Campaign 7 spend 12.5 currency:EUR",
            ],
            &["total_row_skipped"],
        );
        check(
            "account",
            &body,
            &[
                "Account - impressions 1000 count",
                "Account - spend 12.5 currency:EUR",
                "Campaign 7 impressions 1000 count",
                "Campaign 7 spend 12.5 currency:EUR",
            ],
            &[],
        );
    }

    #[test]
    fn missing_empty_and_unreadable_cells_are_diagnostics_never_zeros() {
        check(
            "skip",
            &table(
                "<th>Campaign</th><th>Amount spent</th><th>Impressions</th><th>CTR</th>",
                "<tr data-id='7'><td>A</td><td>€12.50</td></tr>\
                 <tr data-id='8'><td>B</td><td>—</td><td>12%</td><td>1.5%</td></tr>\
                 <tr data-id='9'><td>C</td><td>$4.00</td><td><span>5</span><span>6</span></td><td>n/a</td></tr>",
            ),
            &[
                "Campaign 7 spend 12.5 currency:EUR",
                "Campaign 8 ctr 0.015 ratio",
            ],
            &[
                "bad_value",
                "currency_unknown",
                "ambiguous_value",
                "missing_cell",
                "missing_cell",
                "no_value",
                "no_value",
            ],
        );
    }

    #[test]
    fn decoy_numbers_are_not_values() {
        check(
            "skip",
            &format!(
                "<p>Impressions</p><p>99,999</p><p>You spent €500.00 this month</p>{}<p>1 - 2 of 2</p>",
                table(
                    "<th>Campaign</th><th>Amount spent</th><th>Impressions</th>",
                    "<tr data-id='7'><td>Spring 2026 <span>Edit</span></td><td>€12.50<div>of €500.00</div></td>\
                     <td><span>1,000</span><span>+12%</span><div><span>vs previous</span><span>800</span></div></td></tr>",
                )
            ),
            &[
                "Campaign 7 impressions 1000 count",
                "Campaign 7 spend 12.5 currency:EUR",
            ],
            &[],
        );
    }

    #[test]
    fn ids_come_from_attributes_then_id_columns_then_names() {
        let reading = read_with(
            &rules("skip"),
            URL,
            &table(
                "<th>Campaign</th><th>Campaign ID</th><th>Impressions</th>",
                "<tr data-id='7'><td><a href='#'>A</a><span>Edit</span></td><td>123</td><td>1</td></tr>\
                 <tr><td>B</td><td>456</td><td>2</td></tr><tr><td>C</td><td></td><td>3</td></tr>",
            ),
        );
        let entities: Vec<(Option<&str>, Option<&str>)> = reading
            .observations
            .iter()
            .map(|o| (o.post_id.as_deref(), o.name.as_deref()))
            .collect();
        assert_eq!(
            entities,
            [
                (Some("7"), Some("A")),
                (Some("456"), Some("B")),
                (Some("C"), Some("C"))
            ]
        );
        assert!(reading
            .diagnostics
            .iter()
            .any(|d| d.code == "entity_id_not_shown"));
    }

    #[test]
    fn without_a_period_nothing_is_recorded() {
        let reading = read_with(
            &rules("skip"),
            "https://ads.example.test/campaigns?act=42",
            &table(
                "<th>Campaign</th><th>Impressions</th>",
                "<tr data-id='7'><td>A</td><td>1,000</td></tr>",
            ),
        );
        assert!(reading.observations.is_empty());
        assert_eq!(
            reading.diagnostics.first().map(|d| d.code.as_str()),
            Some("period_not_found")
        );
        // A page whose table has not loaded says so.
        let empty = read_with(&rules("skip"), URL, "<p>Loading…</p>");
        let codes: Vec<&str> = empty.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["table_not_found"]);
    }
}
