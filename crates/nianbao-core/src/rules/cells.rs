//! Cell-level rules G1–G4 (spec §8.1), and the same limits on the 信息处理费 figures.

use super::{cell_place, Context, Finding, RuleId, Severity, Stage};
use crate::cell::{format_money, CellKind};
use crate::report::{Field, Report};
use crate::template::{CellId, TableId};

/// G3's formula for a table with blank cells, and for a table with no value at all.
const BLANK: &str = "空格填 0";
const UNFILLED: &str = "整表未填写";

impl Finding {
    /// What the finding says at one of its cells: G3 briefly (the table's
    /// finding lists them all), every other rule in full.
    pub fn cell_words(&self) -> String {
        match (self.rule, self.formula.as_str()) {
            (RuleId::G3, UNFILLED) => "此表还没有填写任何数字。".to_owned(),
            (RuleId::G3, _) => "此格为空：没有发生的请填 0。".to_owned(),
            _ => self.message.clone(),
        }
    }
}

pub(super) fn check(report: &Report, ctx: &Context, out: &mut Vec<Finding>) {
    let template = report.template();
    for (i, def) in template.cells.iter().enumerate() {
        let cell = CellId(i as u16);
        let Some(value) = report.get(cell) else {
            continue;
        };
        let (rule, formula) = match def.kind {
            CellKind::Count | CellKind::Total if value < 0 => (RuleId::G1, "件数 ≥ 0"),
            CellKind::Money(_) if value < 0 => (RuleId::G2, "金额 ≥ 0"),
            CellKind::NotApplicable => (RuleId::G4, "不适用的单元格留空"),
            _ => continue,
        };
        let shown = if def.kind.is_money() {
            format_money(value)
        } else {
            value.to_string()
        };
        let message = match rule {
            RuleId::G4 => format!(
                "{}不适用，应当留空，现在填了 {shown}。",
                cell_place(report, cell)
            ),
            _ => format!(
                "{}是 {shown}，但{}。",
                cell_place(report, cell),
                super::wording(rule)
            ),
        };
        out.push(Finding {
            rule,
            severity: rule.severity(),
            cells: vec![cell],
            fields: Vec::new(),
            formula: formula.to_owned(),
            sides: None,
            message,
            quote: None,
        });
    }

    let fee = &report.other.fee;
    for (field, value, rule) in [
        (Field::FeeNotices, fee.notices, RuleId::G1),
        (Field::FeeBilled, fee.billed, RuleId::G2),
        (Field::FeeCollected, fee.collected, RuleId::G2),
    ] {
        if value.is_some_and(|v| v < 0) {
            out.push(Finding {
                rule,
                severity: rule.severity(),
                cells: Vec::new(),
                fields: vec![field],
                formula: "≥ 0".to_owned(),
                sides: None,
                message: format!("{}不能小于 0。", field.label()),
                quote: None,
            });
        }
    }

    // G3: one finding per table, naming every blank cell, totals included
    // (a blank total whose parts are all 0 is blank too). A table with no
    // value at all is "not filled in", which is not "nothing happened": its
    // advice never says to fill in 0 (spec §8.9).
    let severity = match ctx.stage {
        Stage::Draft => Severity::Warning,
        Stage::Export => Severity::Error,
    };
    for table in TableId::ALL {
        let editable: Vec<CellId> = template
            .table_cells(table)
            .filter(|c| template.def(*c).kind.is_editable())
            .collect();
        let blanks: Vec<CellId> = editable
            .iter()
            .copied()
            .filter(|c| report.get(*c).is_none())
            .collect();
        if blanks.is_empty() {
            continue;
        }
        let unfilled = blanks.len() == editable.len();
        let message = if unfilled {
            format!(
                "{}未填写：表中还没有任何数字。请按本年度的实际情况填写；只有确实没有发生的事项才填 0，尚未统计的不要用 0 代替。",
                table.name()
            )
        } else if blanks.len() == 1 {
            let first = template.def(blanks[0]).name();
            format!("{}“{first}”还是空的：没有发生的请填 0。", table.name())
        } else {
            let first = template.def(blanks[0]).name();
            format!(
                "{}有 {} 个单元格还是空的（第一个是“{first}”）：没有发生的请填 0。",
                table.name(),
                blanks.len()
            )
        };
        out.push(Finding {
            rule: RuleId::G3,
            severity,
            cells: blanks,
            fields: Vec::new(),
            formula: if unfilled { UNFILLED } else { BLANK }.to_owned(),
            sides: None,
            message,
            quote: None,
        });
    }
}
