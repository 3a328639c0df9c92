//! Table 二 rules T2-1…T2-3 (spec §8.4).

use super::wording::t2_label;
use super::{cell_place, terms, Context, Finding, RuleId, Sides};
use crate::report::{AgencyKind, Report};
use crate::template::keys as key;
use crate::template::TableId;

const T: TableId = TableId::Proactive;
const DOC_ROWS: [&str; 2] = [key::REGULATIONS, key::NORMATIVE_DOCS];

pub(super) fn check(report: &Report, ctx: &Context, out: &mut Vec<Finding>) {
    let template = report.template();
    let has = |col: &str| template.cell(T, key::REGULATIONS, col).is_some();
    {
        if has(key::NEW_PUBLISHED) {
            // T2-2: 本年新公开数量 ≤ 对外公开总数量.
            for row in DOC_ROWS {
                let (Some(new_cell), Some(total_cell)) = (
                    template.cell(T, row, key::NEW_PUBLISHED),
                    template.cell(T, row, key::TOTAL_PUBLIC),
                ) else {
                    continue;
                };
                let (Some(new), Some(total)) = (report.get(new_cell), report.get(total_cell))
                else {
                    continue;
                };
                if new > total {
                    let (new_label, total_label) = (
                        t2_label(report.template_id(), key::NEW_PUBLISHED),
                        t2_label(report.template_id(), key::TOTAL_PUBLIC),
                    );
                    let formula = format!("{new_label} ≤ {total_label}");
                    out.push(Finding {
                        rule: RuleId::T2_2,
                        severity: RuleId::T2_2.severity(),
                        cells: vec![new_cell, total_cell],
                        fields: Vec::new(),
                        message: format!(
                            "{}为 {new}，大于{total_label} {total}：{formula} 不成立，请核对。",
                            cell_place(report, new_cell)
                        ),
                        formula,
                        sides: Some(Sides {
                            left_terms: new.to_string(),
                            left: new,
                            right_terms: total.to_string(),
                            right: total,
                        }),
                        quote: None,
                    });
                }
            }
        }
        if has(key::REPEALED) {
            // T2-1: 本年废止件数 ≤ last year's 现行有效件数 + 本年制发件数.
            let prev = ctx
                .previous
                .filter(|p| p.template().cell(T, key::REGULATIONS, key::VALID).is_some());
            for (row, prev) in DOC_ROWS.iter().flat_map(|r| prev.map(|p| (*r, p))) {
                let (Some(repealed_cell), Some(made_cell)) = (
                    template.cell(T, row, key::REPEALED),
                    template.cell(T, row, key::MADE),
                ) else {
                    continue;
                };
                let (Some(repealed), Some(made), Some(prev_valid)) = (
                    report.get(repealed_cell),
                    report.get(made_cell),
                    prev.value(T, row, key::VALID),
                ) else {
                    continue;
                };
                let supply = prev_valid.saturating_add(made);
                if repealed > supply {
                    let l = |k| t2_label(report.template_id(), k);
                    let (valid_label, made_label) = (l(key::VALID), l(key::MADE));
                    let formula =
                        format!("{} ≤ 上年{valid_label} + {made_label}", l(key::REPEALED));
                    let sides = Sides {
                        left_terms: repealed.to_string(),
                        left: repealed,
                        right_terms: terms([prev_valid, made]),
                        right: supply,
                    };
                    out.push(Finding {
                        rule: RuleId::T2_1,
                        severity: RuleId::T2_1.severity(),
                        cells: vec![repealed_cell, made_cell],
                        fields: Vec::new(),
                        message: format!(
                            "{}为 {repealed}，多于上年{valid_label}与{made_label}之和 {} = {supply}：{formula} 不成立，请核对。",
                            cell_place(report, repealed_cell),
                            sides.right_terms
                        ),
                        formula,
                        sides: Some(sides),
                        quote: None,
                    });
                }
            }
        }
    }

    // T2-3: bodies without rule-making power report 规章 = 0.
    let powerless = matches!(
        report.agency.kind,
        Some(AgencyKind::Department | AgencyKind::Township | AgencyKind::Subdistrict)
    );
    if powerless {
        let nonzero: Vec<_> = template
            .table_cells(T)
            .filter(|c| template.def(*c).row == key::REGULATIONS)
            .filter(|c| report.get(*c).is_some_and(|v| v != 0))
            .collect();
        if !nonzero.is_empty() {
            let kind = report.agency.kind.map_or("", |k| k.label());
            let row_label = |row: &str| {
                template
                    .table_cells(T)
                    .find(|c| template.def(*c).row == row)
                    .map(|c| template.def(c).row_label.clone())
                    .unwrap_or_default()
            };
            let (regs, docs) = (row_label(key::REGULATIONS), row_label(key::NORMATIVE_DOCS));
            out.push(Finding {
                rule: RuleId::T2_3,
                severity: RuleId::T2_3.severity(),
                cells: nonzero,
                fields: Vec::new(),
                formula: format!("{regs} = 0"),
                sides: None,
                message: format!(
                    "表二“{regs}”一行有不为 0 的数字，而{kind}一般没有规章制定权。请核对是否把{docs}计入了{regs}；如本机关确有规章制定权，可忽略此提示。"
                ),
                quote: None,
            });
        }
    }
}
