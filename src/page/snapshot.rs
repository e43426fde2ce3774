//! The page representation every reader runs over: a compact, flat snapshot of the DOM.
//!
//! The browser has already parsed the live page, so the content script walks the DOM once
//! and sends only what readers need: structure, each element's own text, accessible names
//! and a few stable attributes, open shadow roots included, `<script>`, `<style>`,
//! `<noscript>`, `<template>` and `<svg>` skipped. Natively an HTML parser builds the same
//! snapshot from a saved page, and a browser test holds the two equal.
//!
//! This JSON shape is a contract with `www/content.js`: change both together.
//!
//! # The walk, exactly (what `snapshot_from_html` and `www/snapshot.js` both do)
//! - `url`: the page's address; `lang`: the `lang` attribute of `<html>` when present
//!   (collapsed like any attribute value); `title`: `document.title`.
//! - `nodes[0]` is `<body>`; then every element below it in pre-order (children in DOM
//!   order), each with the index of its parent. A skipped element ([`SKIPPED_ELEMENTS`])
//!   gets no node and nothing inside it is walked.
//! - `tag`: the lower-case tag name.
//! - `text`: the data of the element's direct text children joined by one space, then
//!   every run of white space (what JavaScript's `\s` matches, U+00A0 and U+202F
//!   included) replaced by one space and the ends trimmed: `s.replace(/\s+/g, ' ').trim()`.
//!   Comments are not text. Omitted from JSON when empty.
//! - `attrs`: [`KEPT_ATTRIBUTES`] and every `data-*` attribute, values collapsed the same
//!   way (an empty value stays, as `hidden=""` does). Omitted from JSON when empty.
//! - `href`: on an `<a>` element (HTML namespace) with an `href` attribute, the absolute
//!   address the browser resolves it to (`a.href`, against the document's base URL), kept
//!   only when it is `http:` or `https:` and at most [`MAX_HREF_CHARS`] characters long
//!   (longer ones are left out, never cut). Omitted from JSON otherwise, so snapshots from
//!   before links were kept still parse.
//! - Open shadow roots: their children hang under the host, before its light-DOM
//!   children. Saved HTML has none: declarative shadow DOM is not expanded natively, so
//!   fixtures must not use it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Attributes a snapshot keeps (besides every `data-*` attribute). Class names are never
/// kept: platforms obfuscate them and change them with every build.
pub const KEPT_ATTRIBUTES: &[&str] = &[
    "id",
    "role",
    "aria-label",
    "aria-hidden",
    "title",
    "alt",
    "lang",
    "hidden",
    "datetime",
    // A grid cell's column (ad managers' virtualised tables render cells out of order).
    "aria-colindex",
];

/// The longest link address a snapshot keeps (`www/snapshot.js` has the same limit).
pub const MAX_HREF_CHARS: usize = 2_000;

/// Elements whose content never reaches a snapshot.
pub const SKIPPED_ELEMENTS: &[&str] = &["script", "style", "noscript", "template", "svg"];

/// A page, flattened: `nodes` in document order, each pointing at its parent.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Snapshot {
    /// The page's URL.
    pub url: String,
    /// The `lang` attribute of `<html>`, when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The page title.
    #[serde(default)]
    pub title: String,
    /// Elements in document order (pre-order); `nodes[0]` is `<body>` when present.
    pub nodes: Vec<SnapshotNode>,
}

/// One element of the page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SnapshotNode {
    /// Index of the parent in [`Snapshot::nodes`]; `None` for the root. The children of an
    /// open shadow root hang under the shadow host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<u32>,
    /// The tag name, lower case (`div`, `number-flow-react`).
    pub tag: String,
    /// The element's own text: its direct text children joined by single spaces, white
    /// space collapsed and trimmed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Kept attributes ([`KEPT_ATTRIBUTES`] and `data-*`), values with white space collapsed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attrs: BTreeMap<String, String>,
    /// For a link (`<a href>`): the absolute `http(s)` address it points to, as the browser
    /// resolved it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
}
