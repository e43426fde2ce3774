//! The reader's view of a [`Snapshot`]: children, document order, subtrees and visibility,
//! computed once and safe on any input.
//!
//! A snapshot arrives from the page's world (through the content script), so nothing about
//! it is trusted: a parent index that is out of range or does not precede its child makes
//! the node a root, which keeps the tree acyclic. This module knows nothing of labels or
//! platforms.

use super::snapshot::{Snapshot, SnapshotNode};

/// Index-based helpers over a snapshot's nodes.
#[derive(Debug)]
pub struct Tree<'a> {
    pub nodes: &'a [SnapshotNode],
    parent: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
    /// Each node's index among its parent's children.
    sibling_index: Vec<usize>,
    /// Each node's position in a depth-first walk, and the end of its subtree there.
    position: Vec<usize>,
    subtree_end: Vec<usize>,
    /// Nodes in depth-first order.
    order: Vec<usize>,
    hidden: Vec<bool>,
}

impl<'a> Tree<'a> {
    /// Builds the helpers; linear in the number of nodes.
    pub fn new(snapshot: &'a Snapshot) -> Tree<'a> {
        let nodes = snapshot.nodes.as_slice();
        let count = nodes.len();
        let parent: Vec<Option<usize>> = nodes
            .iter()
            .enumerate()
            .map(|(index, node)| {
                node.parent
                    .and_then(|p| usize::try_from(p).ok())
                    .filter(|p| *p < index)
            })
            .collect();
        let mut children = vec![Vec::new(); count];
        let mut roots = Vec::new();
        for (index, p) in parent.iter().enumerate() {
            match p.and_then(|p| children.get_mut(p)) {
                Some(list) => list.push(index),
                None => roots.push(index),
            }
        }
        let mut sibling_index = vec![0; count];
        for kids in &children {
            for (at, kid) in kids.iter().enumerate() {
                if let Some(slot) = sibling_index.get_mut(*kid) {
                    *slot = at;
                }
            }
        }
        let mut position = vec![0; count];
        let mut subtree_end = vec![0; count];
        let mut order = Vec::with_capacity(count);
        // Iterative depth-first walk: (node, whether its children were already pushed).
        let mut stack: Vec<(usize, bool)> = roots.iter().rev().map(|r| (*r, false)).collect();
        while let Some((node, expanded)) = stack.pop() {
            if expanded {
                if let Some(end) = subtree_end.get_mut(node) {
                    *end = order.len();
                }
                continue;
            }
            if let Some(pos) = position.get_mut(node) {
                *pos = order.len();
            }
            order.push(node);
            stack.push((node, true));
            if let Some(kids) = children.get(node) {
                stack.extend(kids.iter().rev().map(|k| (*k, false)));
            }
        }
        let mut hidden = vec![false; count];
        for &node in &order {
            let own = nodes.get(node).is_some_and(is_hidden_itself);
            let inherited = parent
                .get(node)
                .copied()
                .flatten()
                .and_then(|p| hidden.get(p).copied());
            if let Some(slot) = hidden.get_mut(node) {
                *slot = own || inherited.unwrap_or(false);
            }
        }
        Tree {
            nodes,
            parent,
            children,
            sibling_index,
            position,
            subtree_end,
            order,
            hidden,
        }
    }

    pub fn node(&self, index: usize) -> Option<&'a SnapshotNode> {
        self.nodes.get(index)
    }

    pub fn parent(&self, index: usize) -> Option<usize> {
        self.parent.get(index).copied().flatten()
    }

    pub fn children(&self, index: usize) -> &[usize] {
        self.children.get(index).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Position in document order (depth-first).
    pub fn position(&self, index: usize) -> usize {
        self.position.get(index).copied().unwrap_or(usize::MAX)
    }

    /// The node and every node below it, in document order.
    pub fn subtree(&self, index: usize) -> &[usize] {
        let start = self.position(index);
        let end = self.subtree_end.get(index).copied().unwrap_or(0);
        self.order.get(start..end).unwrap_or(&[])
    }

    /// True when `descendant` is `ancestor` or lies below it.
    pub fn contains(&self, ancestor: usize, descendant: usize) -> bool {
        let start = self.position(ancestor);
        let end = self.subtree_end.get(ancestor).copied().unwrap_or(0);
        (start..end).contains(&self.position(descendant))
    }

    /// Nodes in document order.
    pub fn in_order(&self) -> &[usize] {
        &self.order
    }

    /// True when a person cannot see or hear the node: it or an ancestor carries `hidden`
    /// or `aria-hidden="true"` (animated digit copies, collapsed panels, templates of
    /// another state).
    pub fn is_hidden(&self, index: usize) -> bool {
        self.hidden.get(index).copied().unwrap_or(true)
    }

    /// The `depth`-th ancestor (0 is the node itself).
    pub fn ancestor(&self, index: usize, depth: usize) -> Option<usize> {
        let mut current = index;
        for _ in 0..depth {
            current = self.parent(current)?;
        }
        Some(current)
    }

    /// The sibling just before the node, if any.
    pub fn previous_sibling(&self, index: usize) -> Option<usize> {
        let siblings = self.children(self.parent(index)?);
        let at = self.sibling_index.get(index)?;
        siblings.get(at.checked_sub(1)?).copied()
    }
}

fn is_hidden_itself(node: &SnapshotNode) -> bool {
    node.attrs.contains_key("hidden")
        || node
            .attrs
            .get("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(parents: &[Option<u32>]) -> Snapshot {
        Snapshot {
            nodes: parents
                .iter()
                .map(|p| SnapshotNode {
                    parent: *p,
                    tag: "div".into(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn subtrees_follow_parent_links_even_out_of_order() {
        // 0 ─ 1 ─ 3
        //   └ 2
        let snap = snapshot(&[None, Some(0), Some(0), Some(1)]);
        let tree = Tree::new(&snap);
        assert_eq!(tree.subtree(0), &[0, 1, 3, 2]);
        assert_eq!(tree.subtree(1), &[1, 3]);
        assert!(tree.contains(1, 3));
        assert!(!tree.contains(2, 3));
        assert_eq!(tree.previous_sibling(2), Some(1));
    }

    #[test]
    fn bad_parent_links_become_roots() {
        let snap = snapshot(&[Some(0), Some(5), Some(2), Some(u32::MAX), None]);
        let tree = Tree::new(&snap);
        assert_eq!(tree.in_order().len(), 5);
        for index in 0..5 {
            assert_eq!(tree.parent(index), None);
        }
    }
}
