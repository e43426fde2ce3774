//! Telling apart pages that share a host and a path, and taking ids from the query string.
//!
//! Meta Business Suite shows a Facebook Page's and an Instagram account's insights at the
//! same address: `…/latest/insights/results?…&platform=Instagram` says which in the query,
//! and a single post (`…/object_insights?content_id=…`) says it only by the platform's icon
//! (`img alt="Instagram"`). A page rule may therefore require query values and visible
//! markers, name the platform it is about, and capture ids from query parameters
//! (`content_id`, `asset_id`). This module interprets that part of a [`PageRule`]; it must not
//! name any platform itself, and a page it cannot place matches no rule rather than a guess.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::query_value::plain;
use super::rules::{PageMatch, PageRule};
use super::snapshot::Snapshot;
use super::text::fold;
use super::tree::Tree;
use super::url::PageUrl;
use crate::model::Platform;

/// What must hold, beyond host and path, for a page rule to be the page.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requires {
    /// Query parameters that must carry these values (compared without case, after peeling
    /// extra encoding): `{ platform = "Instagram" }`.
    #[serde(default)]
    pub query: BTreeMap<String, String>,
    /// Accessible names (`alt`, `aria-label`, `title`) of which a visible element must carry
    /// at least one: the platform's icon.
    #[serde(default)]
    pub markers: Vec<String>,
    /// Accessible names no visible element may carry: the other platform's icon, so a page
    /// showing both is taken for neither.
    #[serde(default)]
    pub absent: Vec<String>,
}

impl Requires {
    /// True when the URL and the page meet every requirement.
    pub fn is_met(&self, url: &PageUrl, snapshot: &Snapshot) -> bool {
        let query_fits = self.query.iter().all(|(name, wanted)| {
            url.param(name)
                .is_some_and(|value| plain(value).eq_ignore_ascii_case(wanted))
        });
        if !query_fits {
            return false;
        }
        if self.markers.is_empty() && self.absent.is_empty() {
            return true;
        }
        let shown = visible_names(snapshot);
        let any_shown = |names: &[String]| names.iter().any(|n| shown.contains(&fold(n)));
        (self.markers.is_empty() || any_shown(&self.markers)) && !any_shown(&self.absent)
    }
}

/// The folded accessible names of every visible element.
fn visible_names(snapshot: &Snapshot) -> Vec<String> {
    let tree = Tree::new(snapshot);
    let mut names: Vec<String> = tree
        .in_order()
        .iter()
        .filter(|index| !tree.is_hidden(**index))
        .filter_map(|index| tree.node(*index))
        .flat_map(|node| {
            ["alt", "aria-label", "title"]
                .into_iter()
                .filter_map(|attr| node.attrs.get(attr))
        })
        .map(|name| fold(name))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Completes the captures of a rule whose host and path match: `None` when the page does not
/// meet the rule's requirements or a query capture's parameter is missing or empty.
pub fn complete(
    page: &PageRule,
    url: &PageUrl,
    snapshot: &Snapshot,
    mut captures: BTreeMap<String, String>,
) -> Option<BTreeMap<String, String>> {
    if !page.requires.is_met(url, snapshot) {
        return None;
    }
    for (capture, param) in &page.query_captures {
        let value = plain(url.param(param)?);
        if value.is_empty() {
            return None;
        }
        captures.insert(capture.clone(), value);
    }
    Some(captures)
}

impl PageMatch<'_> {
    /// The platform the matched page is about: the page rule's own, else the file's.
    pub fn platform(&self) -> Platform {
        self.page.platform.unwrap_or(self.rules.platform)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::snapshot_from_html;

    fn requires(text: &str) -> Requires {
        let table: toml::Table = toml::from_str(text).unwrap();
        serde_json::from_value(serde_json::to_value(table).unwrap()).unwrap()
    }

    fn check(rule: &str, url: &str, html: &str, expected: bool) {
        let snapshot = snapshot_from_html(html, url);
        let url = PageUrl::parse(url);
        assert_eq!(
            requires(rule).is_met(&url, &snapshot),
            expected,
            "{rule} on {html}"
        );
    }

    const RESULTS: &str =
        "https://business.facebook.com/latest/insights/results?asset_id=2&platform=Instagram";
    const POST: &str = "https://business.facebook.com/latest/insights/object_insights?content_id=9";

    #[test]
    fn query_values_decide_without_case() {
        check(r#"query = { platform = "instagram" }"#, RESULTS, "", true);
        check(r#"query = { platform = "Facebook" }"#, RESULTS, "", false);
        check(r#"query = { platform = "Facebook" }"#, POST, "", false);
        check("", POST, "", true);
    }

    #[test]
    fn markers_must_be_visible_and_the_other_platform_absent() {
        let facebook = r#"markers = ["Facebook"]
            absent = ["Instagram"]"#;
        check(facebook, POST, r#"<img alt="Facebook"><p>Views</p>"#, true);
        check(facebook, POST, r#"<img alt="Instagram">"#, false);
        check(
            facebook,
            POST,
            r#"<img alt="Facebook"><img alt="Instagram">"#,
            false,
        );
        // A hidden icon (an open menu's other choice, closed) does not count.
        check(
            facebook,
            POST,
            r#"<span aria-label="facebook"></span><div hidden><img alt="Instagram"></div>"#,
            true,
        );
        // Visible text is not a marker: "Facebook visits" names a metric, not the page.
        check(facebook, POST, "<p>Facebook</p>", false);
    }
}
