//! What an ad manager's row or single-entity page says about its entity besides numbers:
//! the result type (a result-type column, else the words under the results figure), the
//! attribution setting (an attribution column) and, for ad sets and ads, the campaign they
//! belong to (a campaign column, the URL's single selected campaign, or the campaign whose
//! page lists them), as one [`ContentRecord`] per entity. Part of [`super`]'s reader; the
//! labels are the rules' data and nothing here is platform-specific. Numbers are never
//! read here: the observations carry them.

use super::super::url::PageUrl;
use super::table::Row;
use super::{AdPage, Entity};
use crate::content::ContentRecord;
use crate::model::{Scope, Source, SourceKind};

/// The columns of a table that describe its rows' entities, by column index.
#[derive(Debug, Clone, Default)]
pub(super) struct ContentColumns {
    pub attribution: Option<(usize, String)>,
    pub result_type: Option<(usize, String)>,
    pub campaign: Option<(usize, String)>,
    pub campaign_id: Option<(usize, String)>,
    /// The results column whose cells name their result type under the figure.
    pub results: Option<(usize, String)>,
}

/// The campaign a page's rows belong to, when the page names one.
#[derive(Debug, Clone, Default)]
pub(super) struct Parent {
    pub id: Option<String>,
    pub name: Option<String>,
}

impl AdPage<'_, '_> {
    /// The campaign every row belongs to: the single campaign the URL selects, or the
    /// campaign whose own page this is (its id from the address, its name from the heading).
    pub(super) fn parent_campaign(&self, url: &PageUrl) -> Parent {
        let page = self.matched.page;
        if !matches!(page.rows, Some(Scope::AdSet | Scope::Ad)) {
            return Parent::default();
        }
        if page.entity == Some(Scope::Campaign) {
            let id = match &page.entity_param {
                Some(param) => url.param(param).map(|v| v.trim().to_owned()),
                None => self.matched.captures.get("entity_id").cloned(),
            }
            .filter(|id| !id.is_empty());
            return Parent {
                id,
                name: self.heading_name(),
            };
        }
        Parent {
            id: page.campaign_param.as_ref().and_then(|p| p.id_in(url)),
            name: None,
        }
    }

    fn record_source(&self, label: &str, raw: &str) -> Source {
        Source {
            kind: SourceKind::Page,
            location: self.snapshot.url.clone(),
            label: label.to_owned(),
            raw: raw.to_owned(),
            read_at: self.read_at,
            locale: self.numbers.map(|l| l.code().to_owned()),
        }
    }

    /// Keeps what a table row says about its entity.
    pub(super) fn describe_row(&mut self, row: &Row, entity: &Entity) {
        let Some(id) = entity.id.clone() else {
            return;
        };
        let columns = self.content_columns.clone();
        let mut record = ContentRecord::new(
            self.platform(),
            self.account.clone(),
            entity.scope,
            id,
            self.record_source("", ""),
        );
        let cell_text = |column: &Option<(usize, String)>| {
            let (index, label) = column.as_ref()?;
            let text = self.visible_text(*row.cells.get(index)?);
            text.chars()
                .any(char::is_alphabetic)
                .then(|| (label.clone(), text))
        };
        let mut labels: Vec<String> = Vec::new();
        let result_type = cell_text(&columns.result_type).or_else(|| {
            let (index, label) = columns.results.as_ref()?;
            let cell = *row.cells.get(index)?;
            let words = self.context().words(cell, &[]);
            let kind = words
                .into_iter()
                .find(|w| w.chars().any(char::is_alphabetic))?;
            Some((label.clone(), kind))
        });
        if let Some((label, kind)) = result_type {
            labels.push(label);
            record.result_type = Some(kind);
        }
        if let Some((label, setting)) = cell_text(&columns.attribution) {
            labels.push(label);
            record.attribution = Some(setting);
        }
        if matches!(entity.scope, Scope::AdSet | Scope::Ad) {
            if let Some((_, label)) = &columns.campaign {
                let name = columns
                    .campaign
                    .as_ref()
                    .and_then(|(index, _)| row.cells.get(index))
                    .and_then(|cell| self.entity_name(*cell));
                if name.is_some() {
                    labels.push(label.clone());
                }
                record.campaign_name = name;
            }
            if let Some((label, id)) = cell_text_any(self, row, &columns.campaign_id) {
                labels.push(label);
                record.campaign_id = Some(id);
            }
            record.campaign_name = record.campaign_name.or(self.parent.name.clone());
            record.campaign_id = record.campaign_id.or(self.parent.id.clone());
        }
        record.source = self.record_source(&labels.join(", "), "");
        self.keep(record);
    }

    /// Keeps what a single entity's page says: the result type its key result names.
    pub(super) fn describe_entity(
        &mut self,
        entity: &Entity,
        result_type: Option<(String, String)>,
    ) {
        let (Some(id), Some((label, kind))) = (entity.id.clone(), result_type) else {
            return;
        };
        let mut record = ContentRecord::new(
            self.platform(),
            self.account.clone(),
            entity.scope,
            id,
            self.record_source(&label, ""),
        );
        record.result_type = Some(kind);
        self.keep(record);
    }

    /// Adds a record, merged into the one already kept for the same entity.
    fn keep(&mut self, record: ContentRecord) {
        if !record.says_anything() {
            return;
        }
        match self.content.iter_mut().find(|r| r.key() == record.key()) {
            Some(kept) => {
                kept.absorb(record);
            }
            None => self.content.push(record),
        }
    }
}

/// A cell's visible text, whatever it holds (an id is digits only).
fn cell_text_any(
    page: &AdPage<'_, '_>,
    row: &Row,
    column: &Option<(usize, String)>,
) -> Option<(String, String)> {
    let (index, label) = column.as_ref()?;
    let text = page.visible_text(*row.cells.get(index)?);
    (!text.is_empty() && text.chars().any(|c| c.is_alphanumeric())).then(|| (label.clone(), text))
}
