//! Last year's carry-over: this year's 上年结转 row comes from last year's
//! 结转下年度继续办理, and (2019 format) 上一年项目数量 from last year's
//! figures. The cross-year rules (Y1–Y3) then check what was entered.

use std::fmt;

use crate::report::Report;
use crate::template::keys as key;
use crate::template::{TableId, T2_F2019_COUNTED};

/// Why last year's report cannot be carried over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CarryError {
    /// Last year's report is not for the year before.
    WrongYear { found: i32, expected: i32 },
}

impl fmt::Display for CarryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CarryError::WrongYear { found, expected } => write!(
                f,
                "选择的是 {found} 年度的报告，而上年报告应是 {expected} 年度的。"
            ),
        }
    }
}

impl std::error::Error for CarryError {}

/// Fills what last year's report determines; returns what was filled, in words.
pub fn carry_forward(report: &mut Report, last: &Report) -> Result<Vec<String>, CarryError> {
    let expected = report.year.saturating_sub(1);
    if last.year != expected {
        return Err(CarryError::WrongYear {
            found: last.year,
            expected,
        });
    }
    let mut filled = Vec::new();
    let t3 = TableId::Requests;
    let cols: Vec<&'static str> = report
        .template()
        .table_cells(t3)
        .map(|c| report.template().def(c))
        .filter(|d| d.row == key::CARRIED_OVER)
        .map(|d| d.col)
        .collect();
    let mut any = false;
    for col in cols {
        if let Some(v) = last.value(t3, key::CARRY_FORWARD, col) {
            report.set_value(t3, key::CARRIED_OVER, col, Some(v));
            any = true;
        }
    }
    if any {
        // Named from the declarations, as the tables print them.
        let label = |row: &str| {
            let t = report.template();
            t.cell(t3, row, key::NATURAL)
                .map(|c| t.def(c).row_label.clone())
                .unwrap_or_default()
        };
        filled.push(format!(
            "表三“{}”（取自上年报告的“{}”）",
            label(key::CARRIED_OVER),
            label(key::CARRY_FORWARD)
        ));
    }
    // Formats that keep 上一年项目数量 (F2019) carry it when both years do.
    let t2 = TableId::Proactive;
    let counted = |r: &Report| {
        r.template()
            .cell(t2, key::LICENSING, key::PREV_COUNT)
            .is_some()
    };
    if counted(report) && counted(last) {
        for row in T2_F2019_COUNTED {
            if let (Some(prev), Some(delta)) = (
                last.value(t2, row, key::PREV_COUNT),
                last.value(t2, row, key::DELTA),
            ) {
                // Checked: a count outside the limits is not carried.
                let Some(count) = prev
                    .checked_add(delta)
                    .filter(|v| (0..=crate::limits::MAX_COUNT).contains(v))
                else {
                    continue;
                };
                report.set_value(t2, row, key::PREV_COUNT, Some(count));
                let label = report
                    .template()
                    .cell(t2, row, key::PREV_COUNT)
                    .map(|c| report.template().def(c).row_label.clone())
                    .unwrap_or_default();
                let col = |c: &str| {
                    let t = report.template();
                    t.cell(t2, row, c)
                        .map(|id| t.def(id).col_label.clone())
                        .unwrap_or_default()
                };
                let (prev_label, delta_label) = (col(key::PREV_COUNT), col(key::DELTA));
                filled.push(format!(
                    "表二“{label} {prev_label}”（上年的{prev_label} + {delta_label}）"
                ));
            }
        }
    }
    report.fill_totals();
    Ok(filled)
}
