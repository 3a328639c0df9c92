//! The vocabulary the official tables are declared in: label trees for rows
//! and columns, and stacked blocks for table 二. Declarations are `const`
//! data; `layout.rs` turns them into grids with spans, cells and sum rules.

use crate::cell::CellKind;
use crate::rule_id::RuleId;

/// What a leaf of a label tree holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeafRole {
    /// Entered data of the given kind.
    Data(CellKind),
    /// A computed total: the sum of the other leaves under the same parent,
    /// checked by `rule`. `formula` overrides the generated wording.
    Total {
        rule: RuleId,
        formula: Option<&'static str>,
    },
}

/// A node of a row or column label tree.
#[derive(Clone, Copy, Debug)]
pub struct Node {
    /// Stable key (JSON, element ids). Groups may have one (table 四's three groups).
    pub key: Option<&'static str>,
    /// The label exactly as the official format prints it.
    pub label: &'static str,
    pub children: &'static [Node],
    pub role: LeafRole,
    /// Grid columns a leaf column occupies (table 二 merges value cells).
    pub span: u16,
}

impl Node {
    pub const fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }
}

/// A data leaf holding a count (integer ≥ 0).
pub const fn leaf(key: &'static str, label: &'static str) -> Node {
    Node {
        key: Some(key),
        label,
        children: &[],
        role: LeafRole::Data(CellKind::Count),
        span: 1,
    }
}

/// A data leaf of another kind.
pub const fn leaf_of(key: &'static str, label: &'static str, kind: CellKind) -> Node {
    Node {
        role: LeafRole::Data(kind),
        ..leaf(key, label)
    }
}

/// A data leaf spanning several grid columns.
pub const fn wide(key: &'static str, label: &'static str, kind: CellKind, span: u16) -> Node {
    Node {
        span,
        ..leaf_of(key, label, kind)
    }
}

/// A computed total of its siblings.
pub const fn total(key: &'static str, label: &'static str, rule: RuleId) -> Node {
    Node {
        role: LeafRole::Total {
            rule,
            formula: None,
        },
        ..leaf(key, label)
    }
}

/// A computed total whose rule wording is given rather than generated.
pub const fn total_as(
    key: &'static str,
    label: &'static str,
    rule: RuleId,
    formula: &'static str,
) -> Node {
    Node {
        role: LeafRole::Total {
            rule,
            formula: Some(formula),
        },
        ..leaf(key, label)
    }
}

/// A label spanning its children.
pub const fn group(label: &'static str, children: &'static [Node]) -> Node {
    Node {
        key: None,
        label,
        children,
        role: LeafRole::Data(CellKind::Count),
        span: 1,
    }
}

/// A group whose key names its cells' row (table 四: `review.maintain`).
pub const fn keyed_group(
    key: &'static str,
    label: &'static str,
    children: &'static [Node],
) -> Node {
    Node {
        key: Some(key),
        ..group(label, children)
    }
}

/// One block of table 二: a title row, a header row, data rows.
#[derive(Clone, Copy, Debug)]
pub struct Block {
    /// e.g. 第二十条第（一）项
    pub title: &'static str,
    pub cols: &'static [Node],
    pub rows: &'static [Node],
}

/// How a table is laid out.
#[derive(Clone, Copy, Debug)]
pub enum Layout {
    /// A row label tree crossed with a column label tree (tables 三 and 四).
    /// `corner` fills the top-left cell over the row labels.
    Cross {
        corner: Option<&'static str>,
        rows: &'static [Node],
        cols: &'static [Node],
    },
    /// Stacked blocks on a grid `width` columns wide (table 二). `head_label`
    /// heads the label column of every block (信息内容).
    Blocks {
        width: u16,
        head_label: &'static str,
        blocks: &'static [Block],
    },
}
