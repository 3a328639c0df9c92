//! Each rule in plain Chinese, as shown to users. Rules about table cells are
//! worded from the declarations — the labels and the sums the templates
//! declare — so a label is never typed twice; the others are fixed texts
//! (`RuleId::fixed_wording`).

use crate::rule_id::RuleId;
use crate::template::keys as key;
use crate::template::{TableId, Template, TemplateId};

/// A column's label in a table of `t`, found through a row that has it.
fn col(t: &Template, table: TableId, row: &str, col: &str) -> String {
    t.cell(table, row, col)
        .map(|c| t.def(c).col_label.clone())
        .unwrap_or_default()
}

/// The formula and context the template declares for a sum rule.
fn sum(rule: RuleId) -> (String, String) {
    TemplateId::F2021
        .get()
        .sums
        .iter()
        .find(|s| s.rule == rule)
        .map(|s| (s.formula.clone(), s.context.clone()))
        .unwrap_or_default()
}

/// A column label of 表二 in a format (the rules' formulas name them): from
/// the 规章 row, or the 行政许可 row where only counted items have the column.
pub(super) fn t2_label(id: TemplateId, col_key: &str) -> String {
    let t = id.get();
    [key::REGULATIONS, key::LICENSING]
        .into_iter()
        .find(|row| t.cell(TableId::Proactive, row, col_key).is_some())
        .map(|row| col(t, TableId::Proactive, row, col_key))
        .unwrap_or_default()
}

/// 表三's （七）总计, as declared.
pub(super) fn results_label() -> String {
    sum(RuleId::T3_2)
        .0
        .split(" = ")
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The rule in plain Chinese.
pub fn wording(rule: RuleId) -> String {
    use RuleId::*;
    if let Some(fixed) = rule.fixed_wording() {
        return fixed.to_owned();
    }
    let (f21, f19) = (TemplateId::F2021.get(), TemplateId::F2019.get());
    let t2 = TableId::Proactive;
    let docs = |c: &str| col(f21, t2, key::REGULATIONS, c);
    let counted = |c: &str| col(f19, t2, key::LICENSING, c);
    let results = results_label();
    match rule {
        G1 => format!(
            "件数必须是不小于 0 的整数（2019年版“{}”可以为负数）",
            counted(key::DELTA)
        ),
        T3_1 => format!("表三每一行：{}", sum(T3_1).0),
        T3_2 => format!("表三每一列：{}", sum(T3_2).0),
        T3_3 => format!("表三每一列：第一项 + 第二项 = 第三项{results} + 第四项"),
        T3_4 => format!("表三每一列：第三项{results}、第四项都不能大于第一项 + 第二项"),
        T4_1 | T4_2 | T4_3 => {
            let (formula, context) = sum(rule);
            let group = context.rsplit(' ').next().unwrap_or_default();
            format!("表四{group}：{formula}")
        }
        T2_1 => format!(
            "表二{}不应大于上年{} + {}",
            docs(key::REPEALED),
            docs(key::VALID),
            docs(key::MADE)
        ),
        T2_2 => format!(
            "表二{}不应大于{}",
            col(f19, t2, key::REGULATIONS, key::NEW_PUBLISHED),
            col(f19, t2, key::REGULATIONS, key::TOTAL_PUBLIC)
        ),
        T2_3 => {
            let regs = f21
                .cell(t2, key::REGULATIONS, key::MADE)
                .map(|c| f21.def(c).row_label.clone())
                .unwrap_or_default();
            format!("没有规章制定权的机关，表二“{regs}”各项应为 0")
        }
        Y2 => format!(
            "表二{valid} = 上年{valid} + {} − {}",
            docs(key::MADE),
            docs(key::REPEALED),
            valid = docs(key::VALID)
        ),
        Y3 => format!(
            "表二{prev} = 上年报告的{prev} + {}",
            counted(key::DELTA),
            prev = counted(key::PREV_COUNT)
        ),
        N1 | N2 | N3 | N4 | N5 | N6 | N7 | N8 | N9 | N10 | N11 | N12 | N13 | N14 | N15 | N16 => {
            crate::template::phrases::FAMILIES
                .iter()
                .find(|f| f.rule == rule)
                .map(|f| f.wording.to_owned())
                .unwrap_or_default()
        }
        _ => String::new(),
    }
}
