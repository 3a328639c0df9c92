//! Keyboard movement between the cells of a table, spreadsheet style.

use crate::template::{CellId, Template};

/// A direction to move in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Up,
    Down,
    Left,
    Right,
}

impl Template {
    /// The editable cell next to `from` in `dir`, in the same table; `None` at an edge.
    /// Up and down keep to the column (a merged cell counts for every column it spans).
    pub fn neighbor(&self, from: CellId, dir: Dir) -> Option<CellId> {
        let here = self.def(from);
        let table = self.table_cells(here.table);
        let candidates = table.filter(|c| *c != from && self.def(*c).kind.is_editable());
        let p = here.pos;
        let covers = |c: &CellId, col: u16| {
            let q = self.def(*c).pos;
            q.col <= col && col < q.col + q.span
        };
        match dir {
            Dir::Up => candidates
                .filter(|c| self.def(*c).pos.row < p.row && covers(c, p.col))
                .max_by_key(|c| self.def(*c).pos.row),
            Dir::Down => candidates
                .filter(|c| self.def(*c).pos.row > p.row && covers(c, p.col))
                .min_by_key(|c| self.def(*c).pos.row),
            Dir::Left => candidates
                .filter(|c| self.def(*c).pos.row == p.row && self.def(*c).pos.col < p.col)
                .max_by_key(|c| self.def(*c).pos.col),
            Dir::Right => candidates
                .filter(|c| self.def(*c).pos.row == p.row && self.def(*c).pos.col > p.col)
                .min_by_key(|c| self.def(*c).pos.col),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{TableId, TemplateId};

    fn key(t: &Template, c: Option<CellId>) -> Option<String> {
        c.map(|c| format!("{}.{}", t.def(c).row, t.def(c).col))
    }

    #[test]
    fn arrows_move_within_table_three() {
        let t = TemplateId::F2021.get();
        let at = |r, c| t.cell(TableId::Requests, r, c).unwrap();
        let start = at("granted", "natural");
        assert_eq!(
            key(t, t.neighbor(start, Dir::Down)).unwrap(),
            "partial.natural"
        );
        assert_eq!(
            key(t, t.neighbor(start, Dir::Up)).unwrap(),
            "carriedOver.natural"
        );
        assert_eq!(
            key(t, t.neighbor(start, Dir::Right)).unwrap(),
            "granted.commercial"
        );
        assert_eq!(t.neighbor(start, Dir::Left), None);
        assert_eq!(t.neighbor(at("newReceived", "natural"), Dir::Up), None);
        assert_eq!(t.neighbor(at("carryForward", "total"), Dir::Down), None);
        assert_eq!(t.neighbor(at("carryForward", "total"), Dir::Right), None);
    }

    #[test]
    fn merged_and_not_applicable_cells_in_table_two() {
        let t = TemplateId::F2021.get();
        let at = |r, c| t.cell(TableId::Proactive, r, c).unwrap();
        // From the third column down into a cell merged over three columns.
        assert_eq!(
            key(t, t.neighbor(at("normativeDocs", "valid"), Dir::Down)).unwrap(),
            "licensing.decisions"
        );
        assert_eq!(
            key(t, t.neighbor(at("licensing", "decisions"), Dir::Up)).unwrap(),
            "normativeDocs.made"
        );
        let f19 = TemplateId::F2019.get();
        let at = |r, c| f19.cell(TableId::Proactive, r, c).unwrap();
        // The not-applicable third column of （八） is skipped.
        assert_eq!(f19.neighbor(at("adminFees", "delta"), Dir::Right), None);
        // Down from a column whose cells below are not applicable: nowhere.
        assert_eq!(f19.neighbor(at("coercion", "decisions"), Dir::Down), None);
        assert_eq!(
            key(f19, f19.neighbor(at("coercion", "delta"), Dir::Down)).unwrap(),
            "adminFees.delta"
        );
    }
}
