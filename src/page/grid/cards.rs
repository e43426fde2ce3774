//! Summary cards on a single entity's page (one campaign's report): a label and its value,
//! found the way the analytics readers find theirs.
//!
//! For each label shown outside a table, the value is in the label's card: the smallest
//! ancestor (up to [`MAX_DEPTH`] levels up) whose other content holds a value of the
//! column's kind and no other label; where labels share one container (a `<dl>`, a flat
//! list), the value is in the siblings after the label and before the next label. Every
//! place a label appears must agree. This module knows nothing of platforms.

use super::ad_rules::Shown;
use super::cells::{CellContext, CellReading, CellValue};

/// How far above a label its card may be.
pub const MAX_DEPTH: usize = 4;

/// A label found on the page.
#[derive(Debug, Clone)]
pub struct LabelHit {
    pub node: usize,
    /// The label as the page wrote it.
    pub written: String,
    /// A currency code the label names (`Spent (EUR)`).
    pub currency: Option<String>,
}

/// What the cards say for one column.
#[derive(Debug, Clone, PartialEq)]
pub enum CardReading {
    /// One value, with the label it was read under and the label's currency.
    Value {
        value: CellValue,
        label: String,
        label_currency: Option<String>,
        /// The label's node and the card it was read in (where words beside the value,
        /// such as a result type, sit).
        label_node: usize,
        card: usize,
    },
    /// The label is not on the page, or no value sits by it.
    Missing,
    Conflict(Vec<String>),
    Ambiguous(String),
}

/// Reads one column's cards. `is_label` tells whether a node shows any label of the page
/// (the boundaries between cards).
pub fn read_cards(
    context: &CellContext<'_>,
    hits: &[LabelHit],
    is_label: &dyn Fn(usize) -> bool,
    shown: Shown,
) -> CardReading {
    let mut found: Vec<(CellValue, &LabelHit, usize)> = Vec::new();
    let mut ambiguous: Option<String> = None;
    for hit in hits {
        let (reading, card) = read_one(context, hit.node, is_label, shown);
        match reading {
            CellReading::Value(value) => found.push((value, hit, card)),
            CellReading::Ambiguous(raw) => {
                ambiguous.get_or_insert(raw);
            }
            CellReading::Conflict(raws) => return CardReading::Conflict(raws),
            CellReading::Empty | CellReading::Unreadable(_) => {}
        }
    }
    let Some((first, first_hit, first_card)) = found
        .iter()
        .find(|(v, _, _)| v.rounded_to.is_none())
        .or(found.first())
    else {
        return match ambiguous {
            Some(raw) => CardReading::Ambiguous(raw),
            None => CardReading::Missing,
        };
    };
    let agrees = |(other, _, _): &(CellValue, &LabelHit, usize)| match (
        other.rounded_to,
        first.rounded_to,
    ) {
        (Some(step), None) => (other.value - first.value).abs() <= step / 2.0,
        _ => other.value == first.value && other.currency == first.currency,
    };
    if found.iter().all(agrees) {
        return CardReading::Value {
            value: first.clone(),
            label: first_hit.written.clone(),
            label_currency: first_hit.currency.clone(),
            label_node: first_hit.node,
            card: *first_card,
        };
    }
    let mut raws: Vec<String> = found.iter().map(|(v, _, _)| v.raw.clone()).collect();
    raws.sort();
    raws.dedup();
    CardReading::Conflict(raws)
}

/// The value by one label, in its card or after it in a shared container, and that card.
fn read_one(
    context: &CellContext<'_>,
    label: usize,
    is_label: &dyn Fn(usize) -> bool,
    shown: Shown,
) -> (CellReading, usize) {
    let tree = context.tree;
    let mut below = label;
    for depth in 1..=MAX_DEPTH {
        let Some(container) = tree.ancestor(label, depth) else {
            break;
        };
        let shared = tree
            .subtree(container)
            .iter()
            .any(|n| is_label(*n) && !tree.contains(below, *n));
        if !shared {
            let reading = context.read(container, &[label], shown);
            if reading != CellReading::Empty {
                return (reading, container);
            }
            below = container;
            continue;
        }
        // A shared container: the siblings after the label's branch, up to the next label.
        let siblings = tree.children(container);
        let start = siblings
            .iter()
            .position(|s| *s == below)
            .map_or(0, |p| p + 1);
        for &sibling in siblings.get(start..).unwrap_or(&[]) {
            if tree.subtree(sibling).iter().any(|n| is_label(*n)) {
                break;
            }
            let reading = context.read(sibling, &[], shown);
            if reading != CellReading::Empty {
                return (reading, container);
            }
        }
        return (CellReading::Empty, container);
    }
    (CellReading::Empty, label)
}

#[cfg(test)]
mod tests {
    use super::super::super::text::fold;
    use super::super::super::tree::Tree;
    use super::*;
    use crate::model::Language;
    use crate::page::snapshot_from_html;

    const LABELS: [&str; 3] = ["impressions", "clicks", "spent"];

    /// Reads the card of `label` on a page with this body.
    fn check(body: &str, label: &str, shown: Shown, expected: Result<f64, &str>) {
        let snapshot = snapshot_from_html(
            &format!("<html lang='en'><body>{body}</body></html>"),
            "https://example.test/",
        );
        let tree = Tree::new(&snapshot);
        let excluded: Vec<bool> = (0..snapshot.nodes.len())
            .map(|i| tree.is_hidden(i))
            .collect();
        let context = CellContext {
            tree: &tree,
            excluded: &excluded,
            numbers: Some(Language::En),
            decoys: &[],
        };
        let label_of = |n: usize| fold(&snapshot.nodes[n].text);
        let is_label = |n: usize| !excluded[n] && LABELS.contains(&label_of(n).as_str());
        let hits: Vec<LabelHit> = (0..snapshot.nodes.len())
            .filter(|n| is_label(*n) && label_of(*n) == label)
            .map(|node| LabelHit {
                node,
                written: snapshot.nodes[node].text.clone(),
                currency: None,
            })
            .collect();
        let actual = match read_cards(&context, &hits, &is_label, shown) {
            CardReading::Value { value, .. } => Ok(value.value),
            CardReading::Missing => Err("missing"),
            CardReading::Conflict(_) => Err("conflict"),
            CardReading::Ambiguous(_) => Err("ambiguous"),
        };
        assert_eq!(actual, expected, "{body}");
    }

    #[test]
    fn cards_and_shared_containers() {
        let cards = "<div><div><p>Impressions</p><p>12,345</p></div><div><p>Clicks</p><p>210</p></div></div>";
        check(cards, "impressions", Shown::Count, Ok(12345.0));
        check(cards, "clicks", Shown::Count, Ok(210.0));
        let list = "<dl><dt>Impressions</dt><dd>12,345</dd><dt>Clicks</dt><dd>—</dd><dt>Spent</dt><dd>€99.00</dd></dl>";
        check(list, "impressions", Shown::Count, Ok(12345.0));
        check(list, "clicks", Shown::Count, Err("missing"));
        check(list, "spent", Shown::Money, Ok(99.0));
        check(
            "<div><p>Clicks</p></div><p>210</p>",
            "clicks",
            Shown::Count,
            Ok(210.0),
        );
        check(
            "<div><p>Clicks</p><p>210</p></div><div><p>Clicks</p><p>211</p></div>",
            "clicks",
            Shown::Count,
            Err("conflict"),
        );
    }
}
