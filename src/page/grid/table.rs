//! Tables on a page, as rows of cells by column: ARIA grids (`role="grid"`, `"row"`,
//! `"columnheader"`, `"gridcell"`, with `aria-colindex`) and plain `<table>`s.
//!
//! A cell's column is its `aria-colindex` when the page gives one (virtualised grids render
//! only some columns, in any order), else its position in the row. A header row is a row of
//! column headers; a grid whose header sits in a separate grid (a frozen header) borrows
//! the header of the grid before it when both number their columns. This module finds
//! structure only: it knows nothing of labels, metrics or platforms, and it never trusts
//! the page (bad indices are ignored, not indexed).

use std::collections::BTreeMap;

use super::super::tree::Tree;

/// The largest `aria-colindex` taken seriously: a page saying `aria-colindex="99999999"`
/// must not make anything allocate or loop.
const MAX_COLUMN: usize = 10_000;

/// One table: its header cells and its data rows, each by column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    /// The grid's root element.
    pub root: usize,
    /// Column → the header cell's node.
    pub header: BTreeMap<usize, usize>,
    pub rows: Vec<Row>,
    /// True when the header was borrowed from the grid before (a frozen header).
    pub borrowed_header: bool,
}

/// One data row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub node: usize,
    /// Column → the cell's node.
    pub cells: BTreeMap<usize, usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Root,
    Row,
    HeaderCell,
    DataCell,
    Other,
}

fn part_of(tree: &Tree<'_>, index: usize) -> Part {
    let Some(node) = tree.node(index) else {
        return Part::Other;
    };
    let role = node.attrs.get("role").map(|r| r.to_ascii_lowercase());
    match role.as_deref() {
        Some("grid" | "treegrid" | "table") => return Part::Root,
        Some("row") => return Part::Row,
        Some("columnheader") => return Part::HeaderCell,
        Some("gridcell" | "cell" | "rowheader") => return Part::DataCell,
        Some("presentation" | "none") | None => {}
        Some(_) => return Part::Other,
    }
    match node.tag.as_str() {
        "table" => Part::Root,
        "tr" => Part::Row,
        "th" => Part::HeaderCell,
        "td" => Part::DataCell,
        _ => Part::Other,
    }
}

/// Every table on the page, in document order; hidden rows and cells are left out (a
/// hidden header cell leaves its column unnamed, so it is not read).
pub fn find_grids(tree: &Tree<'_>, excluded: &[bool]) -> Vec<Grid> {
    let count = tree.nodes.len();
    let parts: Vec<Part> = (0..count).map(|i| part_of(tree, i)).collect();
    let part = |i: usize| parts.get(i).copied().unwrap_or(Part::Other);
    // The nearest enclosing root and row of each node (a nested table starts afresh).
    let mut root_of: Vec<Option<usize>> = vec![None; count];
    let mut row_of: Vec<Option<usize>> = vec![None; count];
    for &index in tree.in_order() {
        let Some(parent) = tree.parent(index) else {
            continue;
        };
        let (root, row) = match part(parent) {
            Part::Root => (Some(parent), None),
            Part::Row => (root_of.get(parent).copied().flatten(), Some(parent)),
            _ => (
                root_of.get(parent).copied().flatten(),
                row_of.get(parent).copied().flatten(),
            ),
        };
        if let Some(slot) = root_of.get_mut(index) {
            *slot = root;
        }
        if let Some(slot) = row_of.get_mut(index) {
            *slot = row;
        }
    }
    let hidden = |i: usize| excluded.get(i).copied().unwrap_or(true);
    let mut cells_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &index in tree.in_order() {
        if matches!(part(index), Part::HeaderCell | Part::DataCell) {
            if let Some(row) = row_of.get(index).copied().flatten() {
                cells_of.entry(row).or_default().push(index);
            }
        }
    }
    let mut grids: Vec<Grid> = Vec::new();
    for &root in tree.in_order().iter().filter(|i| part(**i) == Part::Root) {
        let mut grid = Grid {
            root,
            header: BTreeMap::new(),
            rows: Vec::new(),
            borrowed_header: false,
        };
        let mut numbered = false;
        let rows =
            tree.subtree(root).iter().copied().filter(|i| {
                part(*i) == Part::Row && root_of.get(*i).copied().flatten() == Some(root)
            });
        for row in rows {
            if hidden(row) {
                continue;
            }
            let cells = cells_of.get(&row).map(Vec::as_slice).unwrap_or(&[]);
            let is_header = !cells.is_empty()
                && cells
                    .iter()
                    .all(|c| is_header_cell(tree, *c, part(*c), cells, &parts));
            let (by_column, has_indices) = by_column(tree, cells);
            numbered |= has_indices;
            if is_header {
                for (column, cell) in by_column {
                    if !hidden(cell) {
                        grid.header.entry(column).or_insert(cell);
                    }
                }
            } else if !by_column.is_empty() {
                grid.rows.push(Row {
                    node: row,
                    cells: by_column
                        .into_iter()
                        .filter(|(_, cell)| !hidden(*cell))
                        .collect(),
                });
            }
        }
        if grid.header.is_empty() && numbered {
            if let Some(previous) = grids.last().filter(|g| !g.header.is_empty()) {
                grid.header = previous.header.clone();
                grid.borrowed_header = true;
            }
        }
        grids.push(grid);
    }
    grids
}

/// A `<th>` counts as a column header in a row of `<th>`s only: a `<th>` in a data row
/// names the row, not a column.
fn is_header_cell(
    tree: &Tree<'_>,
    cell: usize,
    part: Part,
    row_cells: &[usize],
    parts: &[Part],
) -> bool {
    if part != Part::HeaderCell {
        return false;
    }
    let explicit = tree
        .node(cell)
        .and_then(|n| n.attrs.get("role"))
        .is_some_and(|r| r.eq_ignore_ascii_case("columnheader"));
    explicit
        || row_cells
            .iter()
            .all(|c| parts.get(*c).copied() == Some(Part::HeaderCell))
}

/// Cells by column: `aria-colindex` (1-based) where given, else one after the previous.
/// A second cell claiming a column already taken is ignored.
fn by_column(tree: &Tree<'_>, cells: &[usize]) -> (BTreeMap<usize, usize>, bool) {
    let mut out = BTreeMap::new();
    let mut next = 0usize;
    let mut any_index = false;
    for &cell in cells {
        let given = tree
            .node(cell)
            .and_then(|n| n.attrs.get("aria-colindex"))
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|v| (1..=MAX_COLUMN).contains(v))
            .map(|v| v - 1);
        any_index |= given.is_some();
        let column = given.unwrap_or(next);
        next = column.saturating_add(1);
        out.entry(column).or_insert(cell);
    }
    (out, any_index)
}

#[cfg(test)]
mod tests {
    use super::super::super::html::snapshot_from_html;
    use super::*;

    /// Cells by column, as (column, text).
    type Cells = Vec<(usize, String)>;

    /// The text of each header cell and each row's cells, by column.
    fn shape(html: &str) -> Vec<(Cells, Vec<Cells>)> {
        let snapshot = snapshot_from_html(html, "https://example.test/");
        let tree = Tree::new(&snapshot);
        let excluded: Vec<bool> = (0..snapshot.nodes.len())
            .map(|i| tree.is_hidden(i))
            .collect();
        let text = |node: usize| -> String {
            tree.subtree(node)
                .iter()
                .filter_map(|i| tree.node(*i))
                .map(|n| n.text.clone())
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        find_grids(&tree, &excluded)
            .into_iter()
            .map(|grid| {
                (
                    grid.header.iter().map(|(c, n)| (*c, text(*n))).collect(),
                    grid.rows
                        .iter()
                        .map(|row| row.cells.iter().map(|(c, n)| (*c, text(*n))).collect())
                        .collect(),
                )
            })
            .collect()
    }

    fn cols(pairs: &[(usize, &str)]) -> Vec<(usize, String)> {
        pairs.iter().map(|(c, t)| (*c, (*t).to_owned())).collect()
    }

    #[test]
    fn plain_tables_number_columns_by_position() {
        let grids = shape(
            "<table><thead><tr><th>Name</th><th>Spent</th></tr></thead>\
             <tbody><tr><th>Spring</th><td>€5</td></tr><tr><td>Fall</td><td>€7</td></tr></tbody></table>",
        );
        assert_eq!(grids.len(), 1);
        assert_eq!(grids[0].0, cols(&[(0, "Name"), (1, "Spent")]));
        assert_eq!(
            grids[0].1,
            vec![
                cols(&[(0, "Spring"), (1, "€5")]),
                cols(&[(0, "Fall"), (1, "€7")])
            ]
        );
    }

    #[test]
    fn aria_grids_use_colindex_in_any_order_and_skip_hidden_parts() {
        let grids = shape(
            "<div role='grid'>\
               <div role='row'><div role='columnheader' aria-colindex='3'>Reach</div>\
                 <div role='columnheader' aria-colindex='1'>Campaign</div>\
                 <div role='columnheader' aria-colindex='2' aria-hidden='true'>Budget</div></div>\
               <div role='row'><div role='gridcell' aria-colindex='1'>A</div>\
                 <div role='gridcell' aria-colindex='3'>10</div></div>\
               <div role='row' hidden><div role='gridcell' aria-colindex='1'>Ghost</div></div>\
             </div>",
        );
        assert_eq!(grids[0].0, cols(&[(0, "Campaign"), (2, "Reach")]));
        assert_eq!(grids[0].1, vec![cols(&[(0, "A"), (2, "10")])]);
    }

    #[test]
    fn a_frozen_header_is_borrowed_and_nested_tables_stay_apart() {
        let grids = shape(
            "<div role='grid'><div role='row'><span role='columnheader' aria-colindex='1'>Ad</span>\
               <span role='columnheader' aria-colindex='2'>Clicks</span></div></div>\
             <div role='grid'><div role='row'><span role='gridcell' aria-colindex='2'>9</span>\
               <span role='gridcell' aria-colindex='1'>X<table><tr><td>inner</td></tr></table></span></div></div>",
        );
        assert_eq!(grids.len(), 3);
        assert_eq!(grids[1].0, cols(&[(0, "Ad"), (1, "Clicks")]));
        assert_eq!(grids[1].1, vec![cols(&[(0, "X inner"), (1, "9")])]);
        assert_eq!(grids[2].1, vec![cols(&[(0, "inner")])]);
    }

    #[test]
    fn hostile_indices_are_ignored() {
        let grids = shape(
            "<div role='grid'><div role='row'><div role='gridcell' aria-colindex='99999999999'>a</div>\
             <div role='gridcell' aria-colindex='-3'>b</div><div role='gridcell' aria-colindex='0'>c</div></div></div>",
        );
        assert_eq!(grids[0].1, vec![cols(&[(0, "a"), (1, "b"), (2, "c")])]);
    }
}
