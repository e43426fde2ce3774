//! What an analytics page says about posts besides their numbers: a single post's own
//! address and publication day, and the posts a list on an account page links to (a
//! content table's post titles), as [`ContentRecord`]s.
//!
//! Everything comes from the platform's rules (`[post]` and `[[post_link]]` in
//! `rules/*.toml`): the permalink from a template filled with the URL's captures, the day
//! from the text after a label, list entries from links whose address matches a pattern.
//! Only what a person perceives counts (hidden and decoy parts are skipped, as for the
//! numbers). A post's text is taken only from a list link's visible title; nothing here
//! guesses where a post's text sits on its own page. Records never carry numbers.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::rules::{PageMatch, PlatformRules};
use super::text::{collapse_whitespace, fold};
use super::tree::Tree;
use super::url::PageUrl;
use crate::content::ContentRecord;
use crate::model::{Language, Scope, Source, SourceKind};
use crate::values::{parse_recent_date, DateHint};

/// What the reader already knows about the page.
pub(super) struct PostPage<'a, 's> {
    pub tree: &'a Tree<'s>,
    /// Nodes a person cannot see or that belong to a decoy.
    pub excluded: &'a [bool],
    pub matched: &'a PageMatch<'a>,
    pub account: &'a str,
    pub post_id: Option<&'a str>,
    pub location: &'a str,
    pub language: Option<Language>,
    pub read_at: DateTime<Utc>,
}

/// The records a page gives: its own post's (on a single post's page) and those of the posts
/// its lists link to. Records that say nothing are left out; a page that names no account
/// gives records with none, as its observations have.
pub(super) fn read_posts(page: &PostPage<'_, '_>) -> Vec<ContentRecord> {
    let mut records = Vec::new();
    if page.matched.page.scope == Scope::Post {
        if let Some(id) = page.post_id {
            records.push(single_post(page, id));
        }
    }
    records.extend(listed_posts(page));
    records
        .into_iter()
        .filter_map(|record| record.cleaned().ok())
        .collect()
}

fn source(page: &PostPage<'_, '_>, label: &str, raw: &str) -> Source {
    Source {
        kind: SourceKind::Page,
        location: page.location.to_owned(),
        label: label.to_owned(),
        raw: raw.to_owned(),
        read_at: page.read_at,
        locale: page.language.map(|l| l.code().to_owned()),
    }
}

/// The post a single post's page is about: its address from the URL, its day from the page.
fn single_post(page: &PostPage<'_, '_>, id: &str) -> ContentRecord {
    let rules = page.matched.rules;
    let mut record = ContentRecord::new(
        page.matched.platform(),
        page.account,
        Scope::Post,
        id,
        source(page, "", ""),
    );
    record.permalink = rules
        .post
        .permalink
        .as_deref()
        .and_then(|template| fill(template, &page.matched.captures));
    if let Some((label, raw, day)) = published(page, rules) {
        record.published = Some(day);
        record.source = source(page, &label, &raw);
    }
    record
}

/// The publication day: the text after a `published` label, in the same text ("Published
/// on: Mon Jan 5, 3:00pm") or the next visible one; `(label, raw, day)`. A date without a
/// year is the latest such day not after the reading; a weekday that does not fit gives none.
fn published(
    page: &PostPage<'_, '_>,
    rules: &PlatformRules,
) -> Option<(String, String, NaiveDate)> {
    let labels: Vec<String> = rules
        .post
        .published
        .values()
        .flatten()
        .map(|l| fold(l))
        .collect();
    if labels.is_empty() {
        return None;
    }
    let visible: Vec<usize> = page
        .tree
        .in_order()
        .iter()
        .copied()
        .filter(|i| !page.excluded.get(*i).copied().unwrap_or(true))
        .filter(|i| page.tree.node(*i).is_some_and(|n| !n.text.is_empty()))
        .collect();
    let hint = page.language.map_or(DateHint::NONE, DateHint::language);
    let today = page.matched.platform().reporting_date(page.read_at);
    for (at, &index) in visible.iter().enumerate() {
        let Some(text) = page.tree.node(index).map(|n| n.text.as_str()) else {
            continue;
        };
        for label in &labels {
            let Some(rest) = strip_label(text, label) else {
                continue;
            };
            let raw = if rest.is_empty() {
                let next = visible.get(at + 1).and_then(|i| page.tree.node(*i));
                next.map(|n| n.text.clone()).unwrap_or_default()
            } else {
                rest.to_owned()
            };
            let written = text.get(..text.len() - rest.len()).unwrap_or(text);
            let label = written.trim_end_matches([':', ' ']).to_owned();
            return parse_recent_date(&raw, hint, today)
                .ok()
                .map(|parsed| (label, raw, parsed.date));
        }
    }
    None
}

/// The text after `label` (folded) at the start of `text`, past a colon and spaces.
fn strip_label<'t>(text: &'t str, label: &str) -> Option<&'t str> {
    // Labels are short: compare the folded start of the text, cut at a character boundary.
    let cut = text
        .char_indices()
        .take(label.chars().count() + 8)
        .map(|(at, c)| at + c.len_utf8())
        .find(|end| text.get(..*end).is_some_and(|start| fold(start) == label))?;
    let rest = text.get(cut..)?;
    if rest.starts_with(char::is_alphanumeric) {
        return None;
    }
    Some(rest.trim_start_matches([':', ' ']).trim())
}

/// The posts the page's lists link to, one record per post.
fn listed_posts(page: &PostPage<'_, '_>) -> Vec<ContentRecord> {
    let kind = &page.matched.page.kind;
    let rules: Vec<_> = page
        .matched
        .rules
        .post_links
        .iter()
        .filter(|rule| rule.pages.iter().any(|p| p == kind))
        .collect();
    if rules.is_empty() {
        return Vec::new();
    }
    let mut by_post: BTreeMap<(String, String), ContentRecord> = BTreeMap::new();
    let mut order: Vec<(String, String)> = Vec::new();
    for &index in page.tree.in_order() {
        if page.excluded.get(index).copied().unwrap_or(true) {
            continue;
        }
        let Some(href) = page.tree.node(index).and_then(|n| n.href.as_deref()) else {
            continue;
        };
        let url = PageUrl::parse(href);
        let found = rules.iter().find_map(|rule| {
            if !rule.hosts.iter().any(|h| h.eq_ignore_ascii_case(&url.host)) {
                return None;
            }
            let captures = rule.pattern.matches(&url.segments)?;
            Some((rule, captures))
        });
        let Some((rule, captures)) = found else {
            continue;
        };
        let Some(id) = captures.get("post_id").filter(|id| !id.is_empty()) else {
            continue;
        };
        let account = captures
            .get("account")
            .cloned()
            .unwrap_or_else(|| page.account.to_owned());
        let permalink = match &rule.permalink {
            Some(template) => fill(template, &captures),
            None => Some(href.to_owned()),
        };
        let title = visible_text(page, index);
        let key = (account.clone(), id.clone());
        let record = by_post.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            ContentRecord::new(
                page.matched.platform(),
                account,
                Scope::Post,
                id.clone(),
                source(page, "", ""),
            )
        });
        record.permalink = record.permalink.take().or(permalink);
        if record.text.is_none() && !title.is_empty() {
            record.source = source(page, "", &title);
            record.text = Some(title);
        }
    }
    order
        .into_iter()
        .filter_map(|key| by_post.remove(&key))
        .collect()
}

/// The visible text inside a node, joined by spaces.
fn visible_text(page: &PostPage<'_, '_>, index: usize) -> String {
    let parts: Vec<&str> = page
        .tree
        .subtree(index)
        .iter()
        .filter(|i| !page.excluded.get(**i).copied().unwrap_or(true))
        .filter_map(|i| page.tree.node(*i))
        .map(|n| n.text.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    collapse_whitespace(&parts.join(" "))
}

/// A template with its `{post_id}` and `{account}` filled in; `None` when a capture is
/// missing or holds characters that do not belong in an address.
fn fill(template: &str, captures: &BTreeMap<String, String>) -> Option<String> {
    let mut out = template.to_owned();
    for name in ["post_id", "account"] {
        let placeholder = format!("{{{name}}}");
        if !out.contains(&placeholder) {
            continue;
        }
        let value = captures.get(name).filter(|v| {
            !v.is_empty()
                && v.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '@'))
        })?;
        out = out.replace(&placeholder, value);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::rules::{all_rules, match_url};
    use crate::page::snapshot_from_html;

    /// The publication day a single post's page shows, read with the compiled-in rules.
    fn published_on(html: &str, url: &str, read_at: &str) -> Option<(String, String, NaiveDate)> {
        let snapshot = snapshot_from_html(html, url);
        let page_url = PageUrl::parse(url);
        let matched = match_url(all_rules().unwrap(), &page_url, &snapshot).unwrap();
        let tree = Tree::new(&snapshot);
        let excluded: Vec<bool> = (0..snapshot.nodes.len())
            .map(|i| tree.is_hidden(i))
            .collect();
        let page = PostPage {
            tree: &tree,
            excluded: &excluded,
            matched: &matched,
            account: "",
            post_id: None,
            location: url,
            language: snapshot.lang.as_deref().and_then(Language::from_tag),
            read_at: read_at.parse().unwrap(),
        };
        published(&page, matched.rules)
    }

    #[test]
    fn meta_post_pages_give_their_publication_day() {
        let facebook = include_str!("../../tests/fixtures/pages/meta-post-facebook-en/page.html");
        let url = "https://business.facebook.com/latest/insights/object_insights?content_id=1_2";
        // "Mon Jan 5" without a year: the latest Monday 5 January not after the reading.
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            published_on(facebook, url, "2026-03-02T10:00:00Z"),
            Some((
                "Published on".into(),
                "Mon Jan 5, 3:00pm".into(),
                day(2026, 1, 5)
            ))
        );
        // Read in 2027, "Mon Jan 5" is still 2026 (5 January 2027 is a Tuesday): none,
        // rather than a guessed year.
        assert_eq!(published_on(facebook, url, "2027-02-01T10:00:00Z"), None);
        // The label and the day in separate elements; a hidden copy is not read.
        let split =
            "<html lang='en'><body><img alt='Facebook'><p hidden>Published on: Tue Jan 6</p>\
                     <span>Published on</span><span>Jan 5, 2026</span></body></html>";
        assert_eq!(
            published_on(split, url, "2026-03-02T10:00:00Z").map(|p| p.2),
            Some(day(2026, 1, 5))
        );
        // Meta's post pages name no account: the record has none, as the observations.
        let reading = crate::page::read_page(
            &snapshot_from_html(facebook, url),
            "2026-03-02T10:00:00Z".parse().unwrap(),
        );
        assert!(reading.observations.iter().all(|o| o.account.is_empty()));
        assert_eq!(reading.content.len(), 1);
        assert_eq!(reading.content[0].account, "");
        assert_eq!(reading.content[0].published, Some(day(2026, 1, 5)));
    }

    #[test]
    fn templates_take_only_address_safe_captures() {
        let captures = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect()
        };
        let template = "https://x.com/{account}/status/{post_id}";
        assert_eq!(
            fill(
                template,
                &captures(&[("account", "northwind"), ("post_id", "18")])
            )
            .as_deref(),
            Some("https://x.com/northwind/status/18")
        );
        assert_eq!(fill(template, &captures(&[("post_id", "18")])), None);
        assert_eq!(
            fill(
                template,
                &captures(&[("account", "a/b"), ("post_id", "18")])
            ),
            None
        );
        assert_eq!(
            fill(
                "https://www.linkedin.com/feed/update/{post_id}/",
                &captures(&[("post_id", "urn:li:activity:7")])
            )
            .as_deref(),
            Some("https://www.linkedin.com/feed/update/urn:li:activity:7/")
        );
    }

    #[test]
    fn labels_are_stripped_only_at_word_ends() {
        assert_eq!(
            strip_label("Published on: Mon Jan 5, 3:00pm", "published on"),
            Some("Mon Jan 5, 3:00pm")
        );
        assert_eq!(strip_label("Published on", "published on"), Some(""));
        assert_eq!(strip_label("Published online", "published on"), None);
        assert_eq!(
            strip_label("Gepubliceerd op: ma 5 jan", "gepubliceerd op"),
            Some("ma 5 jan")
        );
    }
}
