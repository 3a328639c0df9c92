//! The list a person goes through before publishing (spec §8.9): each item
//! read off the export-stage findings, so it can never disagree with them.

use super::{Finding, RuleId, Severity};
use crate::report::Report;

/// One item of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckItem {
    pub label: &'static str,
    pub ok: bool,
    /// What is still wrong, in a few words (empty when `ok`).
    pub detail: String,
}

/// The statistical year the text states (自2023年1月1日起), if any.
pub fn stated_year(report: &Report) -> Option<i32> {
    let text: String = report
        .overview
        .text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let chars: Vec<char> = text.chars().collect();
    chars.windows(9).find_map(|w| {
        let s: String = w.iter().collect();
        (w[..4].iter().all(char::is_ascii_digit) && s[4..].starts_with("年1月1日"))
            .then(|| s[..4].parse().ok())
            .flatten()
    })
}

/// The list for `report`, from its export-stage `findings`.
pub fn checklist(report: &Report, findings: &[Finding]) -> Vec<CheckItem> {
    let of = |rule: RuleId| findings.iter().filter(move |f| f.rule == rule);
    let item = |label: &'static str, rule: RuleId| {
        let messages: Vec<&str> = of(rule).map(|f| f.message.as_str()).collect();
        CheckItem {
            label,
            ok: messages.is_empty(),
            detail: messages.join(" "),
        }
    };
    let mut out = vec![item("六个部分都有内容", RuleId::D1)];
    // G3 is one finding per table (all its blanks, or 未填写).
    let mut tables: Vec<&str> = Vec::new();
    for f in of(RuleId::G3) {
        if let Some(c) = f.cells.first() {
            let name = report.template().def(*c).table.name();
            if !tables.contains(&name) {
                tables.push(name);
            }
        }
    }
    out.push(CheckItem {
        label: "三张表格都已填写",
        ok: tables.is_empty(),
        detail: if tables.is_empty() {
            String::new()
        } else {
            format!("{}还有空格或未填写（没有发生的填 0）。", tables.join("、"))
        },
    });
    if report.template_id().has_info_fee() {
        out.push(item("已说明信息处理费的收取情况", RuleId::D4));
    }
    out.push(item("落款日期已填写，且在发布期限之内", RuleId::D5));
    let stated = stated_year(report);
    out.push(CheckItem {
        label: "标题年度与统计年度一致",
        ok: stated.is_none_or(|y| y == report.year),
        detail: stated
            .filter(|y| *y != report.year)
            .map(|y| {
                format!(
                    "总体情况写的统计期限从 {y} 年开始，报告年度却是 {} 年。",
                    report.year
                )
            })
            .unwrap_or_default(),
    });
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let open = findings
        .iter()
        .filter(|f| f.severity == Severity::Warning && f.explanation(report).is_none())
        .count();
    out.push(CheckItem {
        label: "所有问题都已改正或说明原因",
        ok: errors == 0 && open == 0,
        detail: match (errors, open) {
            (0, 0) => String::new(),
            (e, 0) => format!("还有 {e} 个错误。"),
            (0, w) => format!("还有 {w} 个提示没有改正，也没有说明原因。"),
            (e, w) => format!("还有 {e} 个错误，{w} 个提示没有改正或说明原因。"),
        },
    });
    out
}
