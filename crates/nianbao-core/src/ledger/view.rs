//! What the ledger dialog shows, and what crosses between the app and the
//! file module's worker (where the ledger itself lives, off the page's
//! thread and never stored): plain serde types, one per message.
//!
//! A free-text column can hold thousands of distinct values; the lists show
//! the most frequent ones and say how many more there are, so the dialog
//! stays small whatever was pasted.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{count, propose, Counted, Ledger, Mapping, Role};
use crate::report::Report;
use crate::template::{CellId, Template};

/// Distinct values listed per column; the rest are counted.
pub const SHOWN_VALUES: usize = 60;
/// Rows not counted that are listed with their reason; the rest are counted.
pub const SHOWN_SKIPPED: usize = 200;
/// Ledger rows listed behind one cell.
pub const SHOWN_SOURCES: usize = 200;
/// Rows read from one ledger at most.
pub const MAX_ROWS: usize = 500_000;

/// A column's distinct values, the most frequent first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueList {
    /// (value, rows holding it), at most `SHOWN_VALUES`.
    pub shown: Vec<(String, usize)>,
    /// Distinct values not shown, and the rows holding them.
    pub more_values: usize,
    pub more_rows: usize,
}

impl ValueList {
    fn of(ledger: &Ledger, col: Option<usize>) -> ValueList {
        let Some(col) = col else {
            return ValueList::default();
        };
        let mut counts: HashMap<&str, usize> = HashMap::new();
        let mut order: Vec<&str> = Vec::new();
        for r in &ledger.rows {
            let v = r.get(col).map(|v| v.trim()).unwrap_or("");
            if v.is_empty() {
                continue;
            }
            let n = counts.entry(v).or_insert(0);
            if *n == 0 {
                order.push(v);
            }
            *n += 1;
        }
        // Most rows first; ties in the ledger's order.
        let mut all: Vec<(String, usize)> = order
            .into_iter()
            .map(|v| (v.to_owned(), counts[v]))
            .collect();
        all.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        let rest = all.split_off(all.len().min(SHOWN_VALUES));
        ValueList {
            shown: all,
            more_values: rest.len(),
            more_rows: rest.iter().map(|(_, n)| n).sum(),
        }
    }
}

/// The ledger as the dialog shows it: its columns, its size, the mapping,
/// and the values of the applicant and result columns.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerView {
    pub header: Vec<String>,
    pub rows: usize,
    pub mapping: Mapping,
    pub applicants: ValueList,
    pub results: ValueList,
}

impl LedgerView {
    /// The view of `ledger` under `mapping`.
    pub fn of(ledger: &Ledger, mapping: Mapping) -> LedgerView {
        LedgerView {
            header: ledger.header.clone(),
            rows: ledger.rows.len(),
            applicants: ValueList::of(ledger, mapping.column(ledger, Role::Applicant)),
            results: ValueList::of(ledger, mapping.column(ledger, Role::Result)),
            mapping,
        }
    }

    /// A new ledger's view: the proposal, with what this browser remembers
    /// where it still fits.
    pub fn proposed(template: &Template, ledger: &Ledger, remembered: Option<&str>) -> LedgerView {
        let mut m = propose(template, ledger);
        if let Some(r) = remembered.and_then(Mapping::from_text) {
            m.take_remembered(r, ledger);
        }
        LedgerView::of(ledger, m)
    }
}

/// 表三 as counted, for the dialog: every cell's count, and the rows not
/// counted (the first `SHOWN_SKIPPED` with their reason).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountView {
    /// (cell id, count) for every cell of 表三.
    pub values: Vec<(u16, i64)>,
    pub skipped: usize,
    /// (row number from 1, why).
    pub skipped_shown: Vec<(usize, String)>,
    /// The mapping as this browser may remember it
    /// (`Mapping::to_remembered`, as text).
    pub remembered: String,
}

impl CountView {
    pub fn of(c: &Counted, remembered: &Mapping) -> CountView {
        CountView {
            remembered: remembered.to_text(),
            values: c.values.iter().map(|(k, v)| (k.0, *v)).collect(),
            skipped: c.skipped.len(),
            skipped_shown: c
                .skipped
                .iter()
                .take(SHOWN_SKIPPED)
                .map(|(i, why)| (i + 1, why.clone()))
                .collect(),
        }
    }

    /// The counted values as cells.
    pub fn cells(&self) -> Vec<(CellId, i64)> {
        self.values.iter().map(|(k, v)| (CellId(*k), *v)).collect()
    }
}

/// The ledger rows behind one cell, as text (the first `SHOWN_SOURCES`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sources {
    pub total: usize,
    /// (row number from 1, the row's cells joined by ` | `).
    pub rows: Vec<(usize, String)>,
}

impl Sources {
    pub fn of(
        template: &Template,
        year: i32,
        ledger: &Ledger,
        mapping: &Mapping,
        cell: CellId,
    ) -> Sources {
        let c = count(template, year, ledger, mapping);
        let list = c.sources.get(&cell).cloned().unwrap_or_default();
        Sources {
            total: list.len(),
            rows: list
                .iter()
                .take(SHOWN_SOURCES)
                .map(|i| (i + 1, ledger.rows[*i].join(" | ")))
                .collect(),
        }
    }
}

/// How a counted cell compares with the draft's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    Same,
    Different,
    /// The draft's cell was blank.
    New,
}

/// Each counted cell against the draft, and the tally of each kind.
pub fn compare(report: &Report, counted: &[(CellId, i64)]) -> (Vec<Change>, [usize; 3]) {
    let mut tally = [0; 3];
    let changes = counted
        .iter()
        .map(|(cell, v)| {
            let c = match report.get(*cell) {
                None => Change::New,
                Some(now) if now == *v => Change::Same,
                Some(_) => Change::Different,
            };
            tally[c as usize] += 1;
            c
        })
        .collect();
    (changes, tally)
}

/// A question to the worker about the ledger it holds: the format and year
/// it is counted for, the mapping, and (for sources) the cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ask {
    pub template: crate::template::TemplateId,
    pub year: i32,
    pub mapping: Mapping,
    pub cell: Option<u16>,
}
