//! Rules across years, Y1–Y3 (spec §8.5), and Y6: the year decides the format.

use super::wording::t2_label;
use super::{cell_place, terms, Finding, RuleId, Sides};
use crate::report::{Field, Report};
use crate::template::keys as key;
use crate::template::{CellId, TableId, TemplateId, T2_F2019_COUNTED};

/// Y6: report years ≤ 2020 use F2019, later years F2021.
pub(super) fn check_template(report: &Report, out: &mut Vec<Finding>) {
    let want = TemplateId::for_year(report.year);
    if report.template_id() != want {
        out.push(Finding {
            rule: RuleId::Y6,
            severity: RuleId::Y6.severity(),
            cells: Vec::new(),
            fields: vec![Field::Year],
            formula: super::wording(RuleId::Y6),
            sides: None,
            message: format!(
                "{} 年度的报告应使用{}，但现在用的是{}。",
                report.year,
                want.title(),
                report.template_id().title()
            ),
            quote: None,
        });
    }
}

/// What last year's report says a cell should hold.
struct Expected {
    terms: String,
    value: i64,
    formula: String,
}

/// One `now = expected` comparison against last year.
fn compare(
    report: &Report,
    rule: RuleId,
    cell: CellId,
    now: i64,
    want: Expected,
    out: &mut Vec<Finding>,
) {
    let Expected {
        terms: expected_terms,
        value: expected,
        formula,
    } = want;
    if now == expected {
        return;
    }
    let sides = Sides {
        left_terms: now.to_string(),
        left: now,
        right_terms: expected_terms,
        right: expected,
    };
    out.push(Finding {
        rule,
        severity: rule.severity(),
        cells: vec![cell],
        fields: Vec::new(),
        formula: formula.clone(),
        message: format!(
            "{}为 {now}，按上年报告应为 {} = {expected}，相差 {}。{formula}；如有正当原因（如清理、重新统计），请在报告中说明。",
            cell_place(report, cell),
            sides.right_terms,
            sides.difference()
        ),
        sides: Some(sides),
        quote: None,
    });
}

pub(super) fn check(report: &Report, prev: &Report, out: &mut Vec<Finding>) {
    if report.year.checked_sub(1) != Some(prev.year) {
        return;
    }
    let template = report.template();

    // Y1: carried over = last year's carried forward, per column (same columns in both formats).
    let t3 = TableId::Requests;
    for cell in template.table_cells(t3) {
        let def = template.def(cell);
        if def.row != key::CARRIED_OVER {
            continue;
        }
        let (Some(now), Some(then)) = (
            report.get(cell),
            prev.value(t3, key::CARRY_FORWARD, def.col),
        ) else {
            continue;
        };
        compare(
            report,
            RuleId::Y1,
            cell,
            now,
            Expected {
                terms: then.to_string(),
                value: then,
                formula: "第二项（上年结转）= 上年报告第四项（结转下年度继续办理）".to_owned(),
            },
            out,
        );
    }

    let t2 = TableId::Proactive;
    // Which checks apply is what both years' tables have.
    let both = |col: &str| {
        [report, prev].iter().all(|r| {
            r.template().cell(t2, key::REGULATIONS, col).is_some()
                || r.template().cell(t2, key::LICENSING, col).is_some()
        })
    };
    {
        // Y2: stock = last year's stock + made − repealed.
        if both(key::VALID) && report.year >= 2022 {
            for row in [key::REGULATIONS, key::NORMATIVE_DOCS] {
                let Some(cell) = template.cell(t2, row, key::VALID) else {
                    continue;
                };
                let (Some(now), Some(then), Some(made), Some(repealed)) = (
                    report.get(cell),
                    prev.value(t2, row, key::VALID),
                    report.value(t2, row, key::MADE),
                    report.value(t2, row, key::REPEALED),
                ) else {
                    continue;
                };
                let expected = then.saturating_add(made).saturating_sub(repealed);
                compare(
                    report,
                    RuleId::Y2,
                    cell,
                    now,
                    Expected {
                        terms: format!("{then} + {made} − {repealed}"),
                        value: expected,
                        formula: {
                            let l = |k| t2_label(report.template_id(), k);
                            let valid = l(key::VALID);
                            format!(
                                "{valid} = 上年{valid} + {} − {}",
                                l(key::MADE),
                                l(key::REPEALED)
                            )
                        },
                    },
                    out,
                );
            }
        }
        // Y3: this year's 上一年项目数量 = last year's + last year's 本年增/减.
        if both(key::PREV_COUNT) {
            for row in T2_F2019_COUNTED {
                let Some(cell) = template.cell(t2, row, key::PREV_COUNT) else {
                    continue;
                };
                let (Some(now), Some(then), Some(delta)) = (
                    report.get(cell),
                    prev.value(t2, row, key::PREV_COUNT),
                    prev.value(t2, row, key::DELTA),
                ) else {
                    continue;
                };
                compare(
                    report,
                    RuleId::Y3,
                    cell,
                    now,
                    Expected {
                        terms: terms([then, delta]),
                        value: then.saturating_add(delta),
                        formula: {
                            let l = |k| t2_label(report.template_id(), k);
                            let prev = l(key::PREV_COUNT);
                            format!("{prev} = 上年报告的{prev} + {}", l(key::DELTA))
                        },
                    },
                    out,
                );
            }
        }
    }
}
