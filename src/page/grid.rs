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
//!
//! # Organization
//! - `ad_rules`: the rules files' schema, validation and URL matching.
//! - `table`: tables on the page as rows of cells by column; `cells`: one cell's value.
//! - `rows`: a table's rows into entities and observations; `summary` with `cards`: a
//!   single entity's summary cards; `entities`: what a row or page says about its entity
//!   besides numbers (result type, attribution setting, parent campaign) as content records.
//! - This file: the page's period, account and entity, and turning readings into
//!   observations or diagnostics.

mod ad_rules;
mod cards;
mod cells;
mod entities;
mod rows;
mod summary;
mod table;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::period::{detect_period, PagePeriod};
use super::text::{collapse_whitespace, fold};
use super::tree::Tree;
use super::url::PageUrl;
use super::{PageReading, Snapshot};
use crate::content::ContentRecord;
use crate::model::{
    Diagnostic, Distribution, Language, Metric, Observation, Platform, Scope, Source, SourceKind,
    Unit, Window,
};
use crate::values::DateRange;
/// Which result type words or an export's code name, for the campaign core.
pub use ad_rules::result_type_key;
use ad_rules::{fold_label, folded, AdPageMatch, AdRules, ColumnRule, Shown};
use cells::{CellContext, CellReading, CellValue};
use rows::Tally;
use table::find_grids;

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
                content: Vec::new(),
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
    Attribution,
    ResultType,
    Campaign,
    CampaignId,
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
    /// One record per entity, in order of first appearance.
    content: Vec<ContentRecord>,
    /// The campaign every row belongs to, when the page names one (URL or heading).
    parent: entities::Parent,
    /// The columns of the table being read that describe its rows' entities.
    content_columns: entities::ContentColumns,
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
        for label in folded(&rules.table.attribution_labels) {
            labels.insert(label, Owner::Attribution);
        }
        for label in folded(&rules.table.result_type_labels) {
            labels.insert(label, Owner::ResultType);
        }
        // On ad set and ad tables a campaign column is the row's parent, not its name.
        if matches!(matched.page.rows, Some(Scope::AdSet | Scope::Ad)) {
            for label in folded(&rules.table.campaign_labels) {
                labels.insert(label, Owner::Campaign);
            }
            for label in folded(&rules.table.campaign_id_labels) {
                labels.insert(label, Owner::CampaignId);
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
            content: Vec::new(),
            parent: entities::Parent::default(),
            content_columns: entities::ContentColumns::default(),
            diagnostics: Vec::new(),
        };
        page.period = page.detect_period(url);
        page.parent = page.parent_campaign(url);
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
            self.rules.platform.reporting_date(self.read_at),
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
            content: self
                .content
                .into_iter()
                .filter_map(|record| record.cleaned().ok())
                .collect(),
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
