//! The check report (体检报告): one printable page listing every finding of
//! the export stage by section, with formula, both sides, cells, quoted
//! sentences and the reasons given — what a reviewer hands back, and what an
//! office attaches when it submits. Text is escaped by construction (maud).

use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::local_rules::{check_pack, Pack};
use crate::report::{Date, Report};
use crate::review::Review;
use crate::rules::checklist::checklist;
use crate::rules::{cell_place, counts_explained, validate, Context, Finding, Severity, Stage};
use crate::section::Section;

const CSS: &str = "body{font-family:\"Microsoft YaHei\",\"PingFang SC\",\"Noto Sans CJK SC\",sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#111;line-height:1.6}\
h1{font-size:1.4rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #999}\
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #888;padding:.3rem .4rem;vertical-align:top;text-align:left}\
th{background:#eee}th:nth-child(1),th:nth-child(2),td:nth-child(1),td:nth-child(2){white-space:nowrap}\
th:nth-child(3){width:38%}th:nth-child(4){width:16%}th:nth-child(5){width:10%}th:nth-child(6){width:16%}th:nth-child(7){width:14%}.error{color:#b00020;font-weight:bold}.warning{color:#7a4b00;font-weight:bold}.explained{color:#1b5e20;font-weight:bold}\
.ok{color:#1b5e20}.no{color:#b00020}mark{background:#ffe08a}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}";

/// A quoted sentence with its figure marked.
fn quoted(f: &Finding) -> Markup {
    let Some(q) = &f.quote else {
        return html! {};
    };
    let chars: Vec<char> = q.sentence.chars().collect();
    let (a, b) = q.figure.unwrap_or((chars.len(), chars.len()));
    let (a, b) = (a.min(chars.len()), b.min(chars.len()));
    let piece = |r: std::ops::Range<usize>| chars[r].iter().collect::<String>();
    html! {
        blockquote {
            "“" (piece(0..a))
            @if a < b { mark { (piece(a..b)) } }
            (piece(b..chars.len())) "”"
            " —— " (q.field.label())
        }
    }
}

/// Where a finding is listed: a quoted sentence's section, else its own.
fn section_of(report: &Report, f: &Finding) -> Section {
    f.quote
        .as_ref()
        .map_or_else(|| f.section(report), |q| q.field.section())
}

fn row(report: &Report, f: &Finding) -> Markup {
    let reason = f.explanation(report);
    let (class, kind) = match (f.severity, reason) {
        (Severity::Error, _) => ("error", "错误"),
        (Severity::Warning, Some(_)) => ("explained", "提示（已说明）"),
        (Severity::Warning, None) => ("warning", "提示"),
    };
    // A blank table names all its cells: the first few say where.
    let mut cells: Vec<String> = f
        .cells
        .iter()
        .take(4)
        .map(|c| cell_place(report, *c))
        .collect();
    if f.cells.len() > 4 {
        cells.truncate(3);
        cells.push(format!("等 {} 个单元格", f.cells.len()));
    }
    html! {
        tr {
            td class=(class) { (kind) }
            td { (f.rule.code()) }
            td {
                (f.message)
                (quoted(f))
            }
            td { (f.formula) }
            td {
                @if let Some(s) = &f.sides {
                    (s.left_terms) " ↔ " (s.right_terms)
                }
            }
            td { (cells.join("、")) }
            td { @if let Some(r) = reason { (r) } }
        }
    }
}

/// The check report of `report` (with last year's for the cross-year rules)
/// as a standalone HTML page, dated `today`.
pub fn render_check_report(report: &Report, previous: Option<&Report>, today: Date) -> String {
    render_check_report_with(report, previous, today, None, None)
}

/// The same, with the deployment's local rule pack (or why it was refused)
/// and the office's 退回意见: their findings listed with the others, the
/// pack's name (or refusal) at the top.
pub fn render_check_report_with(
    report: &Report,
    previous: Option<&Report>,
    today: Date,
    pack: Option<&Result<Pack, String>>,
    review: Option<&Review>,
) -> String {
    let mut findings = validate(
        report,
        &Context {
            stage: Stage::Export,
            previous,
        },
    );
    if let Some(Ok(pack)) = pack {
        findings.extend(check_pack(pack, report));
    }
    if let Some(review) = review {
        findings.extend(review.findings(report));
    }
    let (errors, warnings, explained) = counts_explained(&findings, report);
    let title = format!("{} 体检报告", report.title());
    let deadline = report.deadline_status(today);
    let list = checklist(report, &findings);
    let markup = html! {
        (DOCTYPE)
        html lang="zh-CN" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="Nianbao";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                h1 { (title) }
                dl {
                    dt { "机关" } dd { (report.agency.name.trim()) }
                    dt { "机关类型" } dd { (report.agency.kind.map_or("未填写", |k| k.label())) }
                    dt { "报告年度" } dd { (report.year) "年（" (report.template_id().title()) "）" }
                    dt { "落款日期" } dd { (report.signed_date.map_or("未填写".to_owned(), |d| d.chinese())) }
                    dt { "发布期限" } dd {
                        @if let Some(d) = deadline {
                            (d.words())
                            @if d.local { "（本地规定）" }
                        }
                    }
                    dt { "检查日期" } dd { (today.chinese()) }
                    dt { "报告指纹" } dd { (crate::submission::Fingerprint::of(report).code()) "（与报送包、发布的 HTML 核对用）" }
                    @match pack {
                        Some(Ok(p)) => { dt { "本地规则" } dd { "【" (p.name) "】" (p.rules.len()) " 条规则，已一并检查" } }
                        Some(Err(why)) => { dt { "本地规则" } dd.no { (why) } }
                        None => {}
                    }
                    dt { "检查结果" } dd {
                        (errors) " 个错误，" (warnings) " 个提示"
                        @if explained > 0 { "（其中 " (explained) " 个已说明原因）" }
                    }
                }
                h2 { "发布前检查清单" }
                ul {
                    @for item in &list {
                        li {
                            @if item.ok { span.ok { "✓ " } } @else { span.no { "✗ " } }
                            (item.label)
                            @if !item.detail.is_empty() { "：" (item.detail) }
                        }
                    }
                }
                h2 { "派生指标" }
                (super::indicators_table(report))
                @if findings.is_empty() {
                    p.ok { "没有发现问题。" }
                }
                @for section in Section::ALL {
                    @let mine: Vec<&Finding> = findings.iter().filter(|f| section_of(report, f) == section).collect();
                    @if !mine.is_empty() {
                        h2 { (section.heading()) "（" (mine.len()) " 项）" }
                        table {
                            thead { tr { th { "类别" } th { "规则" } th { "问题" } th { "规则内容" } th { "两边" } th { "涉及单元格" } th { "说明原因" } } }
                            tbody { @for f in &mine { (row(report, f)) } }
                        }
                    }
                }
            }
        }
    };
    markup.into_string()
}
