//! Which findings to show before the user asks for a full check: a form
//! should not turn red before it is touched. A finding waits while any blank
//! cell or field it involves has not been visited yet.

use crate::report::{Field, Report};
use crate::rules::{Finding, RuleId};
use crate::template::CellId;

/// What the user has visited (focused and left, or edited).
pub trait Visited {
    fn cell(&self, cell: CellId) -> bool;
    fn field(&self, field: Field) -> bool;
}

/// Whether to show a finding now. After a full check (`check_all`) every
/// finding shows. Before it, blank cells wait for a visit (G3 waits for the
/// check: its marker at a visited blank cell is the editor's business).
pub fn is_shown(
    finding: &Finding,
    report: &Report,
    visited: &impl Visited,
    check_all: bool,
) -> bool {
    // The office's comments show wherever they point, at once.
    if check_all || finding.rule == RuleId::R1 {
        return true;
    }
    if finding.rule == RuleId::G3 {
        return false;
    }
    let cell_ok = |c: &crate::template::CellId| report.get(*c).is_some() || visited.cell(*c);
    // A sentence that quotes a figure is compared once any cell it names is
    // filled (the others count as 0); other findings wait for all of them.
    let cells_ok = if finding.quote.is_some() {
        finding.cells.iter().any(cell_ok) || finding.cells.is_empty()
    } else {
        finding.cells.iter().all(cell_ok)
    };
    let fields_ok = finding
        .fields
        .iter()
        .all(|f| !report.field_is_blank(*f) || visited.field(*f));
    cells_ok && fields_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{validate, Context};
    use crate::template::TableId;
    use std::collections::HashSet;

    #[derive(Default)]
    struct Seen(HashSet<CellId>, HashSet<Field>);
    impl Visited for Seen {
        fn cell(&self, c: CellId) -> bool {
            self.0.contains(&c)
        }
        fn field(&self, f: Field) -> bool {
            self.1.contains(&f)
        }
    }

    #[test]
    fn a_half_filled_column_waits_until_its_blanks_are_visited() {
        let mut r = Report::new(2024);
        r.set_value(TableId::Requests, "newReceived", "natural", Some(5));
        r.fill_totals();
        let findings = validate(&r, &Context::default());
        let t33 = findings.iter().find(|f| f.rule == RuleId::T3_3).unwrap();
        let mut seen = Seen::default();
        assert!(!is_shown(t33, &r, &seen, false));
        assert!(is_shown(t33, &r, &seen, true));
        for c in &t33.cells {
            seen.0.insert(*c);
        }
        assert!(is_shown(t33, &r, &seen, false));
        // Empty sections wait too.
        let d1 = findings.iter().find(|f| f.rule == RuleId::D1).unwrap();
        assert!(!is_shown(d1, &r, &seen, false));
        seen.1.insert(d1.fields[0]);
        assert!(is_shown(d1, &r, &seen, false));
    }
}
