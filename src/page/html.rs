//! Native only: builds a [`Snapshot`] from saved HTML exactly as `www/snapshot.js` builds
//! it from the live DOM, so `cargo test` and the CLI read what the overlay reads.
//!
//! The rules (see [`crate::page::snapshot`]): `nodes[0]` is `<body>`; elements in pre-order,
//! each with the index of its parent; an element's own text is its direct text children
//! joined by single spaces, then white space collapsed and trimmed as JavaScript's `\s`
//! does; only [`KEPT_ATTRIBUTES`] and `data-*` attributes are kept, their values collapsed
//! the same way; [`SKIPPED_ELEMENTS`] and everything inside them are left out; the title is
//! `document.title` (the first HTML `<title>`, ASCII white space stripped and collapsed);
//! `lang` is the `lang` attribute of `<html>`; a link's `href` is resolved against the
//! document's base URL (the first `<base href>`, else the page's address) by
//! [`super::link`], which leaves out what it cannot resolve exactly as the browser does.
//! The HTML parser (html5ever) decodes entities
//! and repairs markup as a browser does. Declarative shadow DOM is not expanded (its
//! `<template>` is skipped). This module must not interpret the page: that is the reader's
//! job.

use std::collections::BTreeMap;

use scraper::node::Node;
use scraper::Html;

use super::link::resolve_href;
use super::snapshot::{Snapshot, SnapshotNode, KEPT_ATTRIBUTES, SKIPPED_ELEMENTS};
use super::text::collapse_whitespace;

const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// Parses `html` as a browser would and flattens it into the snapshot readers run over.
/// Never fails: any input yields a snapshot (at worst an empty `<body>`).
pub fn snapshot_from_html(html: &str, url: &str) -> Snapshot {
    let document = Html::parse_document(html);
    let root = document.root_element();
    let lang = root.value().attr("lang").map(collapse_whitespace);
    let mut snapshot = Snapshot {
        url: url.to_owned(),
        lang,
        title: document_title(&document),
        nodes: Vec::new(),
    };
    let base = document_base(&document, url);
    let Some(body) = root.children().find(|child| {
        matches!(child.value(), Node::Element(e) if e.name() == "body" && &*e.name.ns == HTML_NAMESPACE)
    }) else {
        return snapshot;
    };
    // An explicit stack instead of recursion: hostile pages may nest a million levels deep.
    let mut stack = vec![(body, None::<u32>)];
    while let Some((node, parent)) = stack.pop() {
        let Node::Element(element) = node.value() else {
            continue;
        };
        let tag = element.name().to_ascii_lowercase();
        if SKIPPED_ELEMENTS.contains(&tag.as_str()) {
            continue;
        }
        let own_text: Vec<&str> = node
            .children()
            .filter_map(|child| match child.value() {
                Node::Text(text) => Some(&*text.text),
                _ => None,
            })
            .collect();
        let attrs: BTreeMap<String, String> = element
            .attrs()
            .filter(|(name, _)| KEPT_ATTRIBUTES.contains(name) || name.starts_with("data-"))
            .map(|(name, value)| (name.to_owned(), collapse_whitespace(value)))
            .collect();
        let href = match element.attr("href") {
            Some(href) if tag == "a" && &*element.name.ns == HTML_NAMESPACE => {
                resolve_href(href, &base)
            }
            _ => None,
        };
        let index = u32::try_from(snapshot.nodes.len()).unwrap_or(u32::MAX);
        snapshot.nodes.push(SnapshotNode {
            parent,
            tag,
            text: collapse_whitespace(&own_text.join(" ")),
            attrs,
            href,
        });
        let children: Vec<_> = node.children().collect();
        for child in children.into_iter().rev() {
            stack.push((child, Some(index)));
        }
    }
    snapshot
}

/// The document's base URL: the first `<base>` with an `href`, resolved against the page's
/// address, else the page's address.
fn document_base(document: &Html, url: &str) -> String {
    let base_href = document
        .tree
        .root()
        .descendants()
        .find_map(|node| match node.value() {
            Node::Element(e) if e.name() == "base" && &*e.name.ns == HTML_NAMESPACE => {
                e.attr("href")
            }
            _ => None,
        });
    base_href
        .and_then(|href| resolve_href(href, url))
        .unwrap_or_else(|| url.to_owned())
}

/// `document.title`: the child text of the first `<title>` in the HTML namespace, with
/// ASCII white space stripped and collapsed (not the JavaScript set: the HTML standard says
/// ASCII here).
fn document_title(document: &Html) -> String {
    let title = document
        .tree
        .root()
        .descendants()
        .find(|node| {
            matches!(node.value(), Node::Element(e) if e.name() == "title" && &*e.name.ns == HTML_NAMESPACE)
        });
    let Some(title) = title else {
        return String::new();
    };
    let text: String = title
        .children()
        .filter_map(|child| match child.value() {
            Node::Text(text) => Some(&*text.text),
            _ => None,
        })
        .collect();
    text.split(['\t', '\n', '\u{0C}', '\r', ' '])
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(parent: Option<u32>, tag: &str, text: &str, attrs: &[(&str, &str)]) -> SnapshotNode {
        SnapshotNode {
            parent,
            tag: tag.to_owned(),
            text: text.to_owned(),
            attrs: attrs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            href: None,
        }
    }

    fn link(parent: Option<u32>, text: &str, href: Option<&str>) -> SnapshotNode {
        SnapshotNode {
            href: href.map(str::to_owned),
            ..node(parent, "a", text, &[])
        }
    }

    fn check(html: &str, expected: &[SnapshotNode]) {
        let snapshot = snapshot_from_html(html, "https://example.test/");
        assert_eq!(snapshot.nodes, expected, "{html}");
    }

    #[test]
    fn own_text_joins_direct_text_children_and_decodes_entities() {
        check(
            "<body><p>Impressions <b>bold</b> 1,234&nbsp;&amp; more<!-- c -->tail</p></body>",
            &[
                node(None, "body", "", &[]),
                node(Some(0), "p", "Impressions 1,234 & more tail", &[]),
                node(Some(1), "b", "bold", &[]),
            ],
        );
    }

    #[test]
    fn keeps_only_stable_attributes_and_skips_invisible_elements() {
        check(
            r#"<body class="_3x9k"><div class="a1b2c" id="k" data-test-id=" x  y " aria-label="Impressions" style="color:red" hidden>
               <script>var label = "<span>Reach</span>";</script><style>p{}</style>
               <svg><title>icon</title></svg><template><p>tpl</p></template><noscript><p>n</p></noscript>
               <span role="button" aria-hidden="true">7</span></div></body>"#,
            &[
                node(None, "body", "", &[]),
                node(
                    Some(0),
                    "div",
                    "",
                    &[
                        ("aria-label", "Impressions"),
                        ("data-test-id", "x y"),
                        ("hidden", ""),
                        ("id", "k"),
                    ],
                ),
                node(
                    Some(1),
                    "span",
                    "7",
                    &[("aria-hidden", "true"), ("role", "button")],
                ),
            ],
        );
    }

    #[test]
    fn title_lang_and_repaired_markup() {
        let snapshot = snapshot_from_html(
            "<html lang='nl-NL'><head><title>  Analytics \n | LinkedIn </title></head><p>a<p>b",
            "u",
        );
        assert_eq!(snapshot.lang.as_deref(), Some("nl-NL"));
        assert_eq!(snapshot.title, "Analytics | LinkedIn");
        let tags: Vec<&str> = snapshot.nodes.iter().map(|n| n.tag.as_str()).collect();
        assert_eq!(tags, ["body", "p", "p"]);
        assert_eq!(snapshot.nodes[2].parent, Some(0));
    }

    #[test]
    fn links_keep_their_resolved_web_address_only() {
        check(
            r##"<body><a href="/feed/update/urn:li:activity:7/">Post</a><a href="javascript:void(0)">Menu</a>
               <a href="#">Top</a><a>No href</a><a href="mailto:a@example.test">Mail</a>
               <a href="https://x.com/northwind/status/1834567890123456789">On X</a></body>"##,
            &[
                node(None, "body", "", &[]),
                link(
                    Some(0),
                    "Post",
                    Some("https://example.test/feed/update/urn:li:activity:7/"),
                ),
                link(Some(0), "Menu", None),
                link(Some(0), "Top", Some("https://example.test/#")),
                link(Some(0), "No href", None),
                link(Some(0), "Mail", None),
                link(
                    Some(0),
                    "On X",
                    Some("https://x.com/northwind/status/1834567890123456789"),
                ),
            ],
        );
        // A <base> moves what relative links resolve against; other elements' href is not kept.
        let snapshot = snapshot_from_html(
            r#"<head><base href="/analytics/"></head><body><a href="post/1">p</a><link href="/x"><area href="/y"></body>"#,
            "https://www.linkedin.com/company/1/",
        );
        let hrefs: Vec<Option<&str>> = snapshot.nodes.iter().map(|n| n.href.as_deref()).collect();
        assert_eq!(
            hrefs,
            [
                None,
                Some("https://www.linkedin.com/analytics/post/1"),
                None,
                None
            ]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let html = "<div>".repeat(5_000) + "x";
        let snapshot = snapshot_from_html(&html, "u");
        assert!(snapshot.nodes.len() > 1);
    }
}
