//! Arithmetic rules of tables 三 and 四: the sums computed totals imply
//! (T3-1, T3-2, T4-1…3, declared by the template) and the stated 勾稽关系
//! of table 三 (T3-3) with its corollary (T3-4).

use super::{cell_place, terms, Finding, RuleId, Sides};
use crate::report::Report;
use crate::template::keys as key;
use crate::template::{CellId, TableId};

pub(super) fn check(report: &Report, out: &mut Vec<Finding>) {
    let template = report.template();
    for sum in &template.sums {
        let total = report.get(sum.total);
        let parts: Vec<Option<i64>> = sum.parts.iter().map(|p| report.get(*p)).collect();
        if total.is_none() && parts.iter().all(Option::is_none) {
            continue;
        }
        let part_values: Vec<i64> = parts.iter().map(|v| v.unwrap_or(0)).collect();
        let right = part_values.iter().fold(0i64, |a, b| a.saturating_add(*b));
        let left = total.unwrap_or(0);
        if left == right {
            continue;
        }
        let sides = Sides {
            left_terms: total.map_or_else(|| "空".to_owned(), |t| t.to_string()),
            left,
            right_terms: terms(part_values),
            right,
        };
        let table = template.def(sum.total).table;
        let total_name = template.def(sum.total).name();
        // A blank total is not 0: say it is blank (spec §8.8).
        let message = match total {
            None => format!(
                "{}“{}”：{} 不成立。{total_name}为空，各项之和 {} = {}。",
                table.name(),
                sum.context,
                sum.formula,
                sides.right_terms,
                right,
            ),
            Some(_) => format!(
                "{}“{}”：{} 不成立。{total_name}为 {}，各项之和 {} = {}，相差 {}。",
                table.name(),
                sum.context,
                sum.formula,
                left,
                sides.right_terms,
                right,
                sides.difference()
            ),
        };
        let mut cells = vec![sum.total];
        cells.extend(&sum.parts);
        out.push(Finding {
            rule: sum.rule,
            severity: sum.rule.severity(),
            cells,
            fields: Vec::new(),
            formula: sum.formula.clone(),
            sides: Some(sides),
            message,
            quote: None,
        });
    }
    balance(report, out);
}

/// 第一项 + 第二项 = 第三项（七）总计 + 第四项, with （七）总计 as declared.
fn balance_formula() -> String {
    format!(
        "第一项 + 第二项 = 第三项{} + 第四项",
        super::wording::results_label()
    )
}

/// T3-3 and T3-4, per column of table 三.
fn balance(report: &Report, out: &mut Vec<Finding>) {
    let template = report.template();
    let t = TableId::Requests;
    let col_keys: Vec<&'static str> = template
        .table_cells(t)
        .map(|c| template.def(c))
        .filter(|d| d.row == key::NEW_RECEIVED)
        .map(|d| d.col)
        .collect();
    for col in col_keys {
        let at = |row: &str| -> Option<CellId> { template.cell(t, row, col) };
        let (Some(new), Some(carried), Some(results), Some(forward)) = (
            at(key::NEW_RECEIVED),
            at(key::CARRIED_OVER),
            at(key::RESULT_TOTAL),
            at(key::CARRY_FORWARD),
        ) else {
            continue;
        };
        let raw = [new, carried, results, forward].map(|c| report.get(c));
        if raw.iter().all(Option::is_none) {
            continue;
        }
        let [n, c, r, f] = raw.map(|v| v.unwrap_or(0));
        let col_label = template.def(new).col_label.clone();
        let supply = n.saturating_add(c);
        if supply != r.saturating_add(f) {
            let sides = Sides {
                left_terms: terms([n, c]),
                left: supply,
                right_terms: terms([r, f]),
                right: r.saturating_add(f),
            };
            let message = format!(
                "表三“{col_label}”列：{} 不成立。左边 {} = {}，右边 {} = {}，相差 {}。",
                balance_formula(),
                sides.left_terms,
                sides.left,
                sides.right_terms,
                sides.right,
                sides.difference()
            );
            out.push(Finding {
                rule: RuleId::T3_3,
                severity: RuleId::T3_3.severity(),
                cells: vec![results, forward, new, carried],
                fields: Vec::new(),
                formula: balance_formula(),
                sides: Some(sides),
                message,
                quote: None,
            });
        }
        let third = format!("第三项{}", super::wording::results_label());
        for (cell, value, what) in [(forward, f, "第四项"), (results, r, third.as_str())] {
            if value > supply {
                let formula = format!("{what} ≤ 第一项 + 第二项");
                let sides = Sides {
                    left_terms: value.to_string(),
                    left: value,
                    right_terms: terms([n, c]),
                    right: supply,
                };
                let message = format!(
                    "{}：{formula} 不成立。{what}为 {value}，大于第一项 + 第二项 {} = {supply}，多出 {}。",
                    cell_place(report, cell),
                    sides.right_terms,
                    sides.difference()
                );
                out.push(Finding {
                    rule: RuleId::T3_4,
                    severity: RuleId::T3_4.severity(),
                    cells: vec![cell, new, carried],
                    fields: Vec::new(),
                    formula,
                    sides: Some(sides),
                    message,
                    quote: None,
                });
            }
        }
    }
}
