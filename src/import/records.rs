//! Content records from export rows: what a row says about its post or ad entity besides
//! the numbers (the post's text and own link, its publication day, the link an ad points
//! to, an ad entity's result type, attribution setting and campaign).
//!
//! The table readers decide the row's account, scope and id (as for its observations) and
//! hand them here with the columns their plan found; this module only copies cells into a
//! [`ContentRecord`]. It must not read numbers, decide ids or look for links inside text
//! (`campaign::text` does that): a record never changes a figure.

use chrono::NaiveDate;
use csv::ByteRecord;

use super::detect::cell;
use super::output::SheetSource;
use super::table::{written_label, Plan};
use crate::content::ContentRecord;
use crate::model::{Scope, Source, SourceKind};

/// The entity one row describes, exactly as its observations name it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowEntity<'a> {
    pub account: &'a str,
    pub scope: Scope,
    pub id: &'a str,
    /// The row's publication day, read as the row's window reads it.
    pub published: Option<NaiveDate>,
}

/// Reads a row's content record: `None` for account rows and rows that say nothing.
/// `permalink_prefix` builds the post's address from its id when the export has no link
/// column (YouTube's `https://www.youtube.com/watch?v=`).
pub(crate) fn from_row(
    plan: &Plan,
    header: &ByteRecord,
    row: &ByteRecord,
    entity: RowEntity<'_>,
    source: &SheetSource,
    permalink_prefix: Option<&str>,
) -> Option<ContentRecord> {
    if entity.scope == Scope::Account || entity.id.trim().is_empty() {
        return None;
    }
    let filled = |index: Option<usize>| {
        index
            .map(|i| (i, cell(row, i)))
            .filter(|(_, text)| !is_missing(text))
    };
    let content = &plan.content;
    let text = filled(content.text).or_else(|| filled(plan.title));
    let permalink = filled(plan.post_link);
    let target = filled(content.target_link);
    let result_type = content.result_types.iter().find_map(|i| filled(Some(*i)));
    let attribution = filled(content.attribution);
    let parent = |columns: &[(Scope, usize)]| {
        columns
            .iter()
            .find(|(scope, _)| *scope == Scope::Campaign)
            .map(|(_, i)| *i)
    };
    let (campaign_name, campaign_id) = match entity.scope {
        Scope::AdSet | Scope::Ad => (
            filled(parent(&plan.entity_names)),
            filled(parent(&plan.entity_ids)),
        ),
        Scope::Post => (filled(content.campaign_name), None),
        _ => (None, None),
    };
    // The source names the column the text came from, else the first column that said
    // anything.
    let label_index = [
        text,
        permalink,
        target,
        result_type,
        attribution,
        campaign_name,
        campaign_id,
    ]
    .into_iter()
    .flatten()
    .map(|(i, _)| i)
    .next()
    .or(plan.published.filter(|_| entity.published.is_some()));
    let mut record = ContentRecord::new(
        source.platform,
        entity.account,
        entity.scope,
        entity.id,
        record_source(
            source,
            label_index
                .map(|i| written_label(cell(header, i)))
                .unwrap_or_default(),
        ),
    );
    let owned = |found: Option<(usize, &str)>| found.map(|(_, text)| text.to_owned());
    record.text = owned(text);
    record.permalink = owned(permalink)
        .map(|link| link.trim().to_owned())
        .or_else(|| {
            permalink_prefix
                .filter(|_| entity.scope == Scope::Post)
                .map(|prefix| format!("{prefix}{}", entity.id.trim()))
        });
    record.links = owned(target)
        .map(|link| vec![link.trim().to_owned()])
        .unwrap_or_default();
    record.published = entity.published;
    record.result_type = owned(result_type);
    record.attribution = owned(attribution);
    record.campaign_name = owned(campaign_name);
    record.campaign_id = owned(campaign_id);
    record.says_anything().then_some(record)
}

/// Where a record from this sheet comes from; `label` is the column its text (or its
/// first field) came from.
pub(crate) fn record_source(source: &SheetSource, label: String) -> Source {
    Source {
        kind: SourceKind::Export,
        location: source.location.clone(),
        label,
        raw: String::new(),
        read_at: source.read_at,
        locale: source.locale.clone(),
    }
}

/// A cell that holds nothing (blank, or the exports' missing markers).
fn is_missing(text: &str) -> bool {
    matches!(text.trim(), "" | "-" | "--" | "—" | "N/A" | "n/a")
}

/// Fills what `into` lacks from another reading of the same entity in the same file (the
/// side-by-side tables of LinkedIn's TOP POSTS, YouTube's table and chart data): the first
/// reading keeps what it has.
pub(crate) fn fill_missing(into: &mut ContentRecord, from: ContentRecord) {
    into.text = into.text.take().or(from.text);
    if into.links.is_empty() {
        into.links = from.links;
    }
    into.permalink = into.permalink.take().or(from.permalink);
    into.published = into.published.or(from.published);
    into.result_type = into.result_type.take().or(from.result_type);
    into.attribution = into.attribution.take().or(from.attribution);
    into.campaign_name = into.campaign_name.take().or(from.campaign_name);
    into.campaign_id = into.campaign_id.take().or(from.campaign_id);
    if into.source.label.is_empty() {
        into.source.label = from.source.label;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::columns::{col, en, Role};
    use crate::import::kinds::KindSpec;
    use crate::import::table::plan;
    use crate::model::Platform;

    fn source() -> SheetSource {
        SheetSource {
            location: "export.csv".to_owned(),
            read_at: "2026-11-26T12:00:00Z".parse().unwrap(),
            locale: Some("en".to_owned()),
            platform: Platform::Meta,
        }
    }

    static ADS: KindSpec = KindSpec {
        columns: &[
            col(&[en("campaign name")], Role::EntityName(Scope::Campaign)),
            col(&[en("campaign id")], Role::EntityId(Scope::Campaign)),
            col(&[en("ad name")], Role::EntityName(Scope::Ad)),
            col(&[en("result type")], Role::ResultType),
            col(&[en("result indicator")], Role::ResultType),
            col(&[en("attribution setting")], Role::Attribution),
        ],
        ..crate::import::meta::ADS_MANAGER
    };

    /// The record of one row of a small ads table, as `field=value` pairs.
    fn check(scope: Scope, cells: &[&str], expected: Option<&str>) {
        let header = ByteRecord::from(vec![
            "Campaign name",
            "Campaign ID",
            "Ad name",
            "Result type",
            "Result indicator",
            "Attribution setting",
        ]);
        let plan = plan(&ADS, &header);
        let row = ByteRecord::from(cells.to_vec());
        let entity = RowEntity {
            account: "acme",
            scope,
            id: "Open day - video",
            published: None,
        };
        let record = from_row(&plan, &header, &row, entity, &source(), None);
        let described = record.map(|r| {
            format!(
                "{:?} {:?} {:?} {:?} {:?} | {}",
                r.result_type,
                r.attribution,
                r.campaign_name,
                r.campaign_id,
                r.text,
                r.source.label
            )
        });
        assert_eq!(described.as_deref(), expected, "{cells:?}");
    }

    #[test]
    fn ad_rows_carry_their_result_type_attribution_and_campaign() {
        check(
            Scope::Ad,
            &["Open day", "120208", "Open day - video", "", "actions:link_click", "7-day click or 1-day view"],
            Some("Some(\"actions:link_click\") Some(\"7-day click or 1-day view\") Some(\"Open day\") Some(\"120208\") None | Result indicator"),
        );
        // The result type in words comes first when both columns are filled.
        check(
            Scope::Ad,
            &[
                "Open day",
                "",
                "Open day - video",
                "Link clicks",
                "actions:link_click",
                "-",
            ],
            Some("Some(\"Link clicks\") None Some(\"Open day\") None None | Result type"),
        );
        // A campaign row is its own campaign: nothing else to say, so no record.
        check(
            Scope::Campaign,
            &["Open day", "120208", "", "", "", ""],
            None,
        );
        check(Scope::Account, &["", "", "", "reach", "", ""], None);
    }

    #[test]
    fn later_readings_fill_only_what_is_missing() {
        let mut first = ContentRecord::new(
            Platform::LinkedIn,
            "acme",
            Scope::Post,
            "urn:li:activity:1",
            Source {
                kind: SourceKind::Export,
                location: "a.xlsx".into(),
                label: String::new(),
                raw: String::new(),
                read_at: "2026-11-26T12:00:00Z".parse().unwrap(),
                locale: None,
            },
        );
        first.permalink = Some("https://www.linkedin.com/feed/update/urn:li:activity:1".into());
        let mut second = first.clone();
        second.permalink = Some("https://example.com/other".into());
        second.published = NaiveDate::from_ymd_opt(2022, 5, 2);
        second.source.label = "Post publish date".into();
        fill_missing(&mut first, second);
        assert_eq!(
            first.permalink.as_deref(),
            Some("https://www.linkedin.com/feed/update/urn:li:activity:1")
        );
        assert_eq!(first.published, NaiveDate::from_ymd_opt(2022, 5, 2));
        assert_eq!(first.source.label, "Post publish date");
    }
}
