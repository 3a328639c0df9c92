//! Rules about the text sections and how they agree with the tables:
//! T3-5 and D1–D6 (spec §8.2, §8.6); the figures they quote are `narrative`'s.

use super::{Context, Finding, RuleId};
use crate::report::{AgencyKind, Aspect, Field, Report};
use crate::template::keys as key;
use crate::template::TableId;

pub(super) fn check(report: &Report, ctx: &Context, out: &mut Vec<Finding>) {
    sections_filled(report, out);
    if report.template_id().overview_by_aspects() {
        aspects(report, out);
    }
    if report.template_id().has_info_fee() {
        info_fee(report, out);
        fee_notices(report, out);
    }
    government_duties(report, out);
    signing_date(report, out);
    if let Some(prev) = ctx.previous {
        copied_problems(report, prev, out);
    }
}

fn finding(rule: RuleId, fields: Vec<Field>, formula: &str, message: String) -> Finding {
    Finding {
        rule,
        severity: rule.severity(),
        cells: Vec::new(),
        fields,
        formula: formula.to_owned(),
        sides: None,
        message,
        quote: None,
    }
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// All the text of 总体情况: opening, aspects and sub-parts.
fn overview_text(report: &Report) -> String {
    let o = &report.overview;
    let mut all = o.text.clone();
    for a in &o.aspects {
        all.push('\n');
        all.push_str(a);
    }
    for p in &o.parts {
        all.push('\n');
        all.push_str(&p.title);
        all.push('\n');
        all.push_str(&p.text);
    }
    all
}

/// D1: every text section has content (the tables always stand).
fn sections_filled(report: &Report, out: &mut Vec<Finding>) {
    let o = &report.overview;
    let overview_empty = blank(&o.text)
        && o.aspects.iter().all(|a| blank(a))
        && o.parts.iter().all(|p| blank(&p.title) && blank(&p.text));
    let fee = &report.other.fee;
    let other_empty = blank(&report.other.text)
        && fee.notices.is_none()
        && fee.billed.is_none()
        && fee.collected.is_none();
    for (empty, field) in [
        (overview_empty, Field::OverviewText),
        (blank(&report.problems), Field::Problems),
        (other_empty, Field::OtherText),
    ] {
        if empty {
            let hint = if field == Field::OtherText {
                "；没有需要报告的事项也请写明“无。”"
            } else {
                ""
            };
            out.push(finding(
                RuleId::D1,
                vec![field],
                "各部分都有内容",
                format!("“{}”还没有内容{hint}。", field.label()),
            ));
        }
    }
}

/// D2: the five aspects of F2021 总体情况, each in its own part or named in the opening.
fn aspects(report: &Report, out: &mut Vec<Finding>) {
    let o = &report.overview;
    for aspect in Aspect::ALL {
        if blank(&o.aspects[aspect.index()]) && !o.text.contains(aspect.name()) {
            out.push(finding(
                RuleId::D2,
                vec![Field::Aspect(aspect)],
                "总体情况包括五个方面",
                format!(
                    "总体情况还没有写“{}”方面的情况：2021年版格式要求总体情况包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面。",
                    aspect.name()
                ),
            ));
        }
    }
}

/// D3: governments report 工作考核、社会评议和责任追究结果 (条例 art. 50(4)).
fn government_duties(report: &Report, out: &mut Vec<Finding>) {
    if report.agency.kind != Some(AgencyKind::Government) {
        return;
    }
    let text = overview_text(report);
    // The wordings reports use for each (spec §8.7, end).
    let missing: Vec<&str> = [
        (&["考核", "考评", "绩效"][..], "工作考核"),
        (
            &["评议", "社会评估", "第三方评估", "满意度测评"][..],
            "社会评议",
        ),
        (&["责任追究", "问责", "追责"][..], "责任追究"),
    ]
    .into_iter()
    .filter(|(words, _)| !words.iter().any(|w| text.contains(w)))
    .map(|(_, name)| name)
    .collect();
    if !missing.is_empty() {
        let field = if report.template_id().overview_by_aspects() {
            Field::Aspect(Aspect::Supervision)
        } else {
            Field::OverviewText
        };
        out.push(finding(
            RuleId::D3,
            vec![field],
            "人民政府报告工作考核、社会评议和责任追究结果情况",
            format!(
                "总体情况没有提到{}：各级人民政府的年度报告应包括工作考核、社会评议和责任追究结果情况（《条例》第五十条第四项）。",
                missing.join("、")
            ),
        ));
    }
}

/// D4: F2021 section 六 reports 信息处理费, in words or in the figures.
fn info_fee(report: &Report, out: &mut Vec<Finding>) {
    let other = &report.other;
    let figures =
        other.fee.notices.is_some() || other.fee.billed.is_some() || other.fee.collected.is_some();
    if !figures && !other.text.contains("信息处理费") {
        out.push(finding(
            RuleId::D4,
            vec![Field::OtherText, Field::FeeNotices],
            "第六部分报告信息处理费",
            "第六部分还没有报告信息处理费的收取情况：请填写收费通知件数和金额，没有收取的填 0。"
                .to_owned(),
        ));
    }
}

/// T3-5: applications closed for an unpaid fee mean fee notices were sent.
fn fee_notices(report: &Report, out: &mut Vec<Finding>) {
    let template = report.template();
    let Some(cell) = template.cell(TableId::Requests, key::OTHER_FEE_UNPAID, key::TOTAL) else {
        return;
    };
    let unpaid = report.get(cell).unwrap_or(0);
    let notices = report.other.fee.notices.unwrap_or(0);
    if unpaid > 0 && notices == 0 {
        out.push(Finding {
            rule: RuleId::T3_5,
            severity: RuleId::T3_5.severity(),
            cells: vec![cell],
            fields: vec![Field::FeeNotices],
            formula: "逾期未缴费件数 > 0 ⇒ 收费通知件数 > 0".to_owned(),
            sides: None,
            message: format!(
                "表三有 {unpaid} 件申请因逾期未缴纳费用不再处理，但第六部分的收费通知件数是 {notices}：发出过收费通知才会有逾期未缴费，请核对。"
            ),
            quote: None,
        });
    }
}

/// D5: signed in the year after the report year, by the deadline.
fn signing_date(report: &Report, out: &mut Vec<Finding>) {
    let formula = "落款日期在报告年度次年、发布期限之前";
    let Some(date) = report.signed_date else {
        out.push(finding(
            RuleId::D5,
            vec![Field::SignedDate],
            formula,
            "还没有填写落款日期。".to_owned(),
        ));
        return;
    };
    let next = report.year.saturating_add(1);
    let kind = report.agency.kind.unwrap_or(AgencyKind::Department);
    let message = if date.year != next {
        Some(format!(
            "落款日期 {} 不在 {next} 年：{} 年度的报告应在 {next} 年签发。",
            date.chinese(),
            report.year
        ))
    } else {
        report.deadline().filter(|d| date > *d).map(|deadline| {
            format!(
                "落款日期 {} 晚于发布期限 {}（{}）。请核对日期，或确认本地是否另有规定。",
                date.chinese(),
                deadline.chinese(),
                if report.agency.deadline.is_some() {
                    "本地规定的期限"
                } else if kind == AgencyKind::Government {
                    "县级以上人民政府为3月31日"
                } else {
                    "部门及乡镇、街道一般为1月31日"
                }
            )
        })
    };
    if let Some(message) = message {
        out.push(finding(
            RuleId::D5,
            vec![Field::SignedDate],
            formula,
            message,
        ));
    }
}

/// Character-bigram Dice similarity, 0.0…1.0.
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    fn bigrams(s: &str) -> Vec<(char, char)> {
        let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        let mut v: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        crate::order::sort_by_key(&mut v, |&(a, b)| (u64::from(a) << 32) | u64::from(b));
        v
    }
    let (x, y) = (bigrams(a), bigrams(b));
    if x.is_empty() || y.is_empty() {
        return if x == y { 1.0 } else { 0.0 };
    }
    // Multiset intersection of two sorted lists.
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (x.len() + y.len()) as f64
}

/// How alike section 五 may be to last year's before it counts as copied.
pub const COPY_THRESHOLD: f64 = 0.9;

/// D6: section 五 is not last year's text again.
fn copied_problems(report: &Report, prev: &Report, out: &mut Vec<Finding>) {
    let (now, then) = (report.problems.trim(), prev.problems.trim());
    if now.chars().count() < 20 || then.is_empty() {
        return;
    }
    let s = similarity(now, then);
    if s >= COPY_THRESHOLD {
        out.push(finding(
            RuleId::D6,
            vec![Field::Problems],
            "第五部分不照抄上年",
            format!(
                "第五部分与 {} 年报告的第五部分有 {}% 相同。年度报告不得内容雷同，请写明本年度的问题和改进情况。",
                prev.year,
                crate::limits::percent(s)
            ),
        ));
    }
}
