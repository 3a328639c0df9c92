//! Turns table declarations into grids: header rows with spans, body rows of
//! label and data cells, the data cells themselves, and the sum rules that
//! computed totals imply.

use super::decl::{Block, LeafRole, Node};
use super::{CellDef, CellId, GridCell, HeadCell, Pos, Scope, SumRule, Table, TableId};
use crate::cell::CellKind;

/// Everything one table contributes to a template.
pub(super) struct Built {
    pub table: Table,
    pub sums: Vec<SumRule>,
}

/// A leaf with the path that leads to it.
struct Leaf<'a> {
    node: &'a Node,
    level: usize,
    /// Labels from the root down to and including the leaf.
    path: Vec<&'static str>,
    /// Key of the nearest keyed ancestor group (table 四's rows).
    group_key: Option<&'static str>,
    /// Index (in leaf order) of the first leaf of the parent, and the parent's leaf count.
    parent: Option<(usize, usize)>,
    /// Groups whose first leaf this is, outermost first.
    opens: Vec<&'a Node>,
}

fn leaves<'a>(nodes: &'a [Node]) -> Vec<Leaf<'a>> {
    fn walk<'a>(
        nodes: &'a [Node],
        level: usize,
        path: &mut Vec<&'static str>,
        group_key: Option<&'static str>,
        parent: Option<(usize, usize)>,
        pending: &mut Vec<&'a Node>,
        out: &mut Vec<Leaf<'a>>,
    ) {
        for node in nodes {
            path.push(node.label);
            if node.is_leaf() {
                out.push(Leaf {
                    node,
                    level,
                    path: path.clone(),
                    group_key,
                    parent,
                    opens: std::mem::take(pending),
                });
            } else {
                let first = out.len();
                let count = leaf_count(node);
                let key = node.key.or(group_key);
                pending.push(node);
                walk(
                    node.children,
                    level + 1,
                    path,
                    key,
                    Some((first, count)),
                    pending,
                    out,
                );
            }
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(
        nodes,
        0,
        &mut Vec::new(),
        None,
        None,
        &mut Vec::new(),
        &mut out,
    );
    out
}

fn leaf_count(node: &Node) -> usize {
    if node.is_leaf() {
        1
    } else {
        node.children.iter().map(leaf_count).sum()
    }
}

fn leaf_span(node: &Node) -> u16 {
    if node.is_leaf() {
        node.span
    } else {
        node.children.iter().map(leaf_span).sum()
    }
}

fn depth(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|n| 1 + depth(n.children))
        .max()
        .unwrap_or(0)
}

fn data_kind(role: LeafRole) -> Option<CellKind> {
    match role {
        LeafRole::Data(kind) => Some(kind),
        LeafRole::Total { .. } => None,
    }
}

/// The kind of the cell where a row leaf meets a column leaf.
fn cell_kind(row: LeafRole, col: LeafRole) -> CellKind {
    match (data_kind(row), data_kind(col)) {
        (Some(CellKind::NotApplicable), _) | (_, Some(CellKind::NotApplicable)) => {
            CellKind::NotApplicable
        }
        (None, _) | (_, None) => CellKind::Total,
        (Some(r), Some(CellKind::Count)) => r,
        (Some(_), Some(c)) => c,
    }
}

/// Column labels for accessible names: a single root spanning every column
/// (表三's 申请人情况) says nothing that tells cells apart, so it is left out.
fn col_name(path: &[&'static str], single_root: bool) -> String {
    let path = if single_root { &path[1..] } else { path };
    path.join(" ")
}

fn sum_formula(total: &Leaf, parts: &[&Leaf]) -> String {
    let labels: Vec<&str> = parts.iter().map(|l| l.node.label).collect();
    format!("{} = {}", total.node.label, labels.join(" + "))
}

/// Builds a crossed table (三, 四) whose data cells start at `first_cell`.
/// The sum rules the total leaves of one axis imply. `cell(i, o)` is the cell
/// of leaf `i` on this axis and position `o` on the other (`others` of them).
fn total_sums(
    leaves: &[Leaf],
    others: usize,
    cell: impl Fn(usize, usize) -> CellId,
    context: impl Fn(&Leaf, usize) -> String,
    sums: &mut Vec<SumRule>,
) {
    for (i, leaf) in leaves.iter().enumerate() {
        let LeafRole::Total { rule, formula } = leaf.node.role else {
            continue;
        };
        let (first, count) = leaf.parent.expect("a total has a parent group");
        let parts: Vec<usize> = (first..first + count)
            .filter(|&p| p != i && data_kind(leaves[p].node.role).is_some())
            .collect();
        let part_leaves: Vec<&Leaf> = parts.iter().map(|&p| &leaves[p]).collect();
        let formula = formula.map_or_else(|| sum_formula(leaf, &part_leaves), str::to_owned);
        for o in 0..others {
            sums.push(SumRule {
                rule,
                total: cell(i, o),
                parts: parts.iter().map(|&p| cell(p, o)).collect(),
                formula: formula.clone(),
                context: context(leaf, o),
            });
        }
    }
}

pub(super) fn cross(
    id: TableId,
    corner: Option<&'static str>,
    row_nodes: &[Node],
    col_nodes: &[Node],
    cells: &mut Vec<CellDef>,
) -> Built {
    let first_cell = cells.len();
    let label_cols = depth(row_nodes) as u16;
    let col_depth = depth(col_nodes);
    let cols = leaves(col_nodes);
    let rows = leaves(row_nodes);
    let single_root = col_nodes.len() == 1 && !col_nodes[0].is_leaf();

    // Header rows: a node at level l spans its leaves; a leaf reaches the bottom.
    let mut head: Vec<Vec<HeadCell>> = vec![Vec::new(); col_depth];
    if label_cols > 0 {
        head[0].push(HeadCell {
            text: corner.unwrap_or(""),
            rowspan: col_depth as u16,
            colspan: label_cols,
            scope: Scope::Corner,
        });
    }
    fn head_rows(nodes: &[Node], level: usize, depth: usize, head: &mut [Vec<HeadCell>]) {
        for node in nodes {
            let cell = if node.is_leaf() {
                HeadCell {
                    text: node.label,
                    rowspan: (depth - level) as u16,
                    colspan: node.span,
                    scope: Scope::Col,
                }
            } else {
                HeadCell {
                    text: node.label,
                    rowspan: 1,
                    colspan: leaf_span(node),
                    scope: Scope::ColGroup,
                }
            };
            head[level].push(cell);
            head_rows(node.children, level + 1, depth, head);
        }
    }
    head_rows(col_nodes, 0, col_depth, &mut head);

    // Body rows. A table without row labels (四) has one unlabeled row.
    let mut body = Vec::new();
    let row_count = rows.len().max(1);
    for r in 0..row_count {
        let row = rows.get(r);
        let mut grid = Vec::new();
        if let Some(row) = row {
            // Open every group whose first leaf this is.
            for group in &row.opens {
                grid.push(GridCell::Head(HeadCell {
                    text: group.label,
                    rowspan: leaf_count(group) as u16,
                    colspan: 1,
                    scope: Scope::RowGroup,
                }));
            }
            grid.push(GridCell::Head(HeadCell {
                text: row.node.label,
                rowspan: 1,
                colspan: label_cols - row.level as u16,
                scope: Scope::Row,
            }));
        }
        let mut col_start = 0;
        for col in &cols {
            let row_role = row.map_or(LeafRole::Data(CellKind::Count), |r| r.node.role);
            let row_key = row
                .and_then(|r| r.node.key)
                .or(col.group_key)
                .expect("every data cell has a row key");
            let cell = CellId(cells.len() as u16);
            cells.push(CellDef {
                table: id,
                row: row_key,
                col: col.node.key.expect("every column leaf has a key"),
                kind: cell_kind(row_role, col.node.role),
                row_label: row.map_or_else(String::new, |r| r.path.concat()),
                col_label: col_name(&col.path, single_root),
                pos: Pos {
                    row: r as u16,
                    col: col_start,
                    span: col.node.span,
                },
            });
            col_start += col.node.span;
            grid.push(GridCell::Data {
                cell,
                colspan: col.node.span,
            });
        }
        body.push(grid);
    }

    // Sum rules: a total leaf sums the other leaves of its parent, once per
    // cell of the other axis — column totals per row, row totals per column.
    let ncols = cols.len();
    let at = |r: usize, c: usize| CellId((first_cell + r * ncols + c) as u16);
    let mut sums = Vec::new();
    total_sums(
        &cols,
        row_count,
        |c, r| at(r, c),
        |col, r| match rows.get(r) {
            Some(row) => row.path.concat(),
            None => col.path[..col.path.len() - 1].join(" "),
        },
        &mut sums,
    );
    total_sums(
        &rows,
        ncols,
        at,
        |_, c| col_name(&cols[c].path, single_root),
        &mut sums,
    );

    Built {
        table: Table {
            id,
            width: label_cols + leaf_span_all(col_nodes),
            label_cols,
            head,
            body,
            cells: first_cell..cells.len(),
        },
        sums,
    }
}

fn leaf_span_all(nodes: &[Node]) -> u16 {
    nodes.iter().map(leaf_span).sum()
}

/// Builds table 二's stacked blocks.
pub(super) fn blocks(
    id: TableId,
    width: u16,
    head_label: &'static str,
    blocks: &[Block],
    cells: &mut Vec<CellDef>,
) -> Built {
    let first_cell = cells.len();
    let mut body = Vec::new();
    let mut data_row = 0;
    for block in blocks {
        body.push(vec![GridCell::Head(HeadCell {
            text: block.title,
            rowspan: 1,
            colspan: width,
            scope: Scope::Title,
        })]);
        let mut header = vec![GridCell::Head(HeadCell {
            text: head_label,
            rowspan: 1,
            colspan: 1,
            scope: Scope::Col,
        })];
        header.extend(block.cols.iter().map(|col| {
            GridCell::Head(HeadCell {
                text: col.label,
                rowspan: 1,
                colspan: col.span,
                scope: Scope::Col,
            })
        }));
        body.push(header);
        for row in block.rows {
            let mut grid = vec![GridCell::Head(HeadCell {
                text: row.label,
                rowspan: 1,
                colspan: 1,
                scope: Scope::Row,
            })];
            let mut col_start = 0;
            for col in block.cols {
                let cell = CellId(cells.len() as u16);
                cells.push(CellDef {
                    table: id,
                    row: row.key.expect("every row has a key"),
                    col: col.key.expect("every column has a key"),
                    kind: cell_kind(row.role, col.role),
                    row_label: row.label.to_owned(),
                    col_label: col.label.to_owned(),
                    pos: Pos {
                        row: data_row,
                        col: col_start,
                        span: col.span,
                    },
                });
                col_start += col.span;
                grid.push(GridCell::Data {
                    cell,
                    colspan: col.span,
                });
            }
            body.push(grid);
            data_row += 1;
        }
    }
    Built {
        table: Table {
            id,
            width,
            label_cols: 1,
            head: Vec::new(),
            body,
            cells: first_cell..cells.len(),
        },
        sums: Vec::new(),
    }
}
