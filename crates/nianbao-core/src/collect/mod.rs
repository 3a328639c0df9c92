//! For the office that collects many units' reports: one line per unit (its
//! checks and key figures), the roll-up of units of one format and year
//! (checked by the same rules, naming the units that break a rule), and the
//! unit list as CSV for Excel.

mod desk;
mod published;
mod stored;
mod unit;
mod workspace;
pub use desk::{read_roster, Desk, Row, Status, DESK_VERSION, MAX_ROSTER};
pub use published::{compare_published, Published};
pub use stored::{StoredUnit, STORED_VERSION};
pub use unit::{same_agency_and_year, unit_id, unsure, Unsure};
pub use workspace::{confirm, Arrival, Duplicate, Filter, Group, Sort, Unit, View, Workspace};

use crate::limits::{MAX_COUNT, MAX_MONEY};
use crate::report::{AgencyKind, Date, DeadlineStatus, Report};
use crate::rules::{validate, Context, Finding, RuleId, Severity, Stage};
use crate::template::keys as key;
use crate::template::{CellId, TableId, TemplateId};

/// The key figures of a unit, in CSV and list order.
pub const FIGURES: [&str; 6] = [
    "新收申请",
    "上年结转",
    "办结",
    "结转下年度",
    "复议总计",
    "诉讼总计",
];

/// One unit's line in the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub agency: String,
    pub kind: Option<AgencyKind>,
    pub year: i32,
    pub template: TemplateId,
    pub signed: Option<Date>,
    pub deadline: Option<DeadlineStatus>,
    /// Signed after the deadline, or not signed and the deadline has passed.
    pub late: bool,
    /// A section or a whole table is missing (D1, or a table 未填写).
    pub missing: bool,
    /// Export-stage counts.
    pub errors: usize,
    pub warnings: usize,
    pub explained: usize,
    pub figures: [Option<i64>; 6],
    /// The errors, each as its rule and words (for the CSV and the summary).
    pub problems: Vec<String>,
}

fn total(r: &Report, table: TableId, row: &str) -> Option<i64> {
    r.value(table, row, key::TOTAL)
}

/// A unit's line, its checks run at the export stage, on `today`.
pub fn summarize(report: &Report, today: Date) -> Summary {
    let findings = validate(
        report,
        &Context {
            stage: Stage::Export,
            previous: None,
        },
    );
    summarize_with(report, &findings, today)
}

fn summarize_with(report: &Report, findings: &[Finding], today: Date) -> Summary {
    let (errors, warnings, explained) = crate::rules::counts_explained(findings, report);
    let deadline = report.deadline_status(today);
    let late = deadline.is_some_and(|d| {
        report
            .signed_date
            .map_or(d.days_left < 0, |signed| signed > d.deadline)
    });
    let missing = findings.iter().any(|f| {
        f.rule == RuleId::D1 || (f.rule == RuleId::G3 && f.cells.len() == table_len(report, f))
    });
    let t3 = TableId::Requests;
    let t4 = TableId::ReviewLitigation;
    let litigation = match (
        total(report, t4, key::LIT_DIRECT),
        total(report, t4, key::LIT_AFTER_REVIEW),
    ) {
        (None, None) => None,
        (a, b) => a.unwrap_or(0).checked_add(b.unwrap_or(0)),
    };
    Summary {
        agency: report.agency.name.trim().to_owned(),
        kind: report.agency.kind,
        year: report.year,
        template: report.template_id(),
        signed: report.signed_date,
        deadline,
        late,
        missing,
        errors,
        warnings,
        explained,
        problems: findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{}：{}", f.rule.code(), f.message))
            .collect(),
        figures: [
            total(report, t3, key::NEW_RECEIVED),
            total(report, t3, key::CARRIED_OVER),
            total(report, t3, key::RESULT_TOTAL),
            total(report, t3, key::CARRY_FORWARD),
            total(report, t4, key::REVIEW),
            litigation,
        ],
    }
}

/// How many value cells the table of a finding's first cell has.
fn table_len(report: &Report, f: &Finding) -> usize {
    f.cells.first().map_or(usize::MAX, |c| {
        let t = report.template();
        t.table_cells(t.def(*c).table)
            .filter(|c| t.def(*c).kind != crate::cell::CellKind::NotApplicable)
            .count()
    })
}

/// A rule the roll-up breaks, and the units that break it themselves.
#[derive(Clone, Debug)]
pub struct RolledFinding {
    pub finding: Finding,
    /// Units (by name) with the same finding at the same place.
    pub units: Vec<String>,
}

/// A roll-up as the workspace shows it, made in the worker: the sum as the
/// app's JSON, how many units, each rule it breaks (message, rule, the units
/// that break it), and its tables drawn.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RollUpView {
    pub report: String,
    pub year: i32,
    pub template: TemplateId,
    pub units: usize,
    pub findings: Vec<(String, String, Vec<String>)>,
    pub tables_html: String,
    /// 派生指标 of the sum (never an average of the units' rates).
    pub indicators_html: String,
}

impl RollUpView {
    pub fn of(up: &RollUp) -> RollUpView {
        RollUpView {
            report: crate::json::to_json(&up.report),
            year: up.report.year,
            template: up.report.template_id(),
            units: up.units,
            findings: up
                .findings
                .iter()
                .map(|f| {
                    (
                        f.finding.message.clone(),
                        f.finding.rule.code().to_owned(),
                        f.units.clone(),
                    )
                })
                .collect(),
            tables_html: crate::render::tables_markup(&up.report).into_string(),
            indicators_html: crate::render::indicators_table(&up.report).into_string(),
        }
    }
}

/// The region's tables: the sum of the units'.
#[derive(Clone, Debug)]
pub struct RollUp {
    pub report: Report,
    pub findings: Vec<RolledFinding>,
    /// How many units were summed.
    pub units: usize,
}

/// Sums 表二, 表三 and 表四 of units of one format and year. Units of
/// different formats or years are never summed together: the reason is
/// returned instead. A cell is blank in the sum only when it is blank in
/// every unit; sums are checked and kept within the limits.
pub fn roll_up(units: &[(String, &Report)]) -> Result<RollUp, String> {
    let Some((_, first)) = units.first() else {
        return Err("没有选择任何单位。".to_owned());
    };
    let (year, template) = (first.year, first.template_id());
    if let Some((name, r)) = units
        .iter()
        .find(|(_, r)| r.year != year || r.template_id() != template)
    {
        return Err(format!(
            "“{name}”是 {} 年度、{}，而“{}”是 {year} 年度、{}：不同年度或不同格式的报告，表格的栏目和含义不同，不能相加。请按年度和格式分别汇总。",
            r.year,
            r.template_id().title(),
            units[0].0,
            template.title()
        ));
    }
    let mut sum = Report::with_template(year, template);
    sum.agency.name = format!("汇总（{} 个单位）", units.len());
    let t = template.get();
    for i in 0..t.cells.len() {
        let cell = CellId(i as u16);
        let def = t.def(cell);
        let mut acc: Option<i64> = None;
        for (name, r) in units {
            if let Some(v) = r.get(cell) {
                let next = acc.unwrap_or(0).checked_add(v);
                let max = match def.kind {
                    crate::cell::CellKind::Money(_) => MAX_MONEY,
                    _ => MAX_COUNT,
                };
                match next {
                    Some(n) if n.abs() <= max => acc = Some(n),
                    _ => {
                        return Err(format!(
                            "{}“{}”的合计超出了上限（加上“{name}”时），无法汇总。",
                            def.table.name(),
                            def.name()
                        ))
                    }
                }
            }
        }
        sum.set(cell, acc);
    }
    // Summed totals are what the units printed: kept, never recomputed.
    sum.mark_printed_totals();
    let unit_findings: Vec<Vec<Finding>> = units
        .iter()
        .map(|(_, r)| validate(r, &Context::default()))
        .collect();
    let findings = validate(&sum, &Context::default())
        .into_iter()
        // The tables' own rules: sections 一, 五, 六 are not summed, so rules
        // that read them (T3-5's fee notices, the text) do not apply.
        .filter(|f| !f.cells.is_empty() && f.fields.is_empty() && f.rule != RuleId::G3)
        .map(|f| {
            let same = |g: &Finding| g.rule == f.rule && g.cells.first() == f.cells.first();
            let rule_only = |g: &Finding| g.rule == f.rule;
            let mut names: Vec<String> = units
                .iter()
                .zip(&unit_findings)
                .filter(|(_, fs)| fs.iter().any(same))
                .map(|((n, _), _)| n.clone())
                .collect();
            if names.is_empty() {
                names = units
                    .iter()
                    .zip(&unit_findings)
                    .filter(|(_, fs)| fs.iter().any(rule_only))
                    .map(|((n, _), _)| n.clone())
                    .collect();
            }
            RolledFinding {
                finding: f,
                units: names,
            }
        })
        .collect();
    Ok(RollUp {
        report: sum,
        findings,
        units: units.len(),
    })
}

/// A CSV cell as text a spreadsheet will not run (OWASP, CSV injection):
/// a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'`, unless it is a plain number. Unit names and file names come
/// from the units' files: untrusted.
pub fn csv_cell(text: &str) -> String {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let number = {
        let t = text.strip_prefix('-').unwrap_or(text);
        !t.is_empty()
            && t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && t.bytes().filter(|b| *b == b'.').count() <= 1
            && !t.starts_with('.')
    };
    if risky && !number {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The unit list as CSV for Excel: UTF-8 with a byte-order mark, one header
/// row, then one row per unit; every cell through `csv_cell`.
pub fn units_csv(rows: &[(String, Summary)]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut head: Vec<&str> = vec![
        "来源文件",
        "机关名称",
        "机关类型",
        "报告年度",
        "格式",
        "落款日期",
        "发布期限",
        "逾期",
        "错误",
        "提示",
        "已说明",
    ];
    head.extend(FIGURES);
    head.push("错误内容");
    let _ = w.write_record(&head);
    for (file, s) in rows {
        let mut record: Vec<String> = vec![
            file.clone(),
            s.agency.clone(),
            s.kind.map(|k| k.label().to_owned()).unwrap_or_default(),
            s.year.to_string(),
            s.template.short().to_owned(),
            s.signed.map(|d| d.iso()).unwrap_or_default(),
            s.deadline.map(|d| d.deadline.iso()).unwrap_or_default(),
            if s.late { "是" } else { "否" }.to_owned(),
            s.errors.to_string(),
            s.warnings.to_string(),
            s.explained.to_string(),
        ];
        record.extend(
            s.figures
                .iter()
                .map(|v| v.map(|n| n.to_string()).unwrap_or_default()),
        );
        record.push(s.problems.join("；"));
        let _ = w.write_record(record.iter().map(|c| csv_cell(c)));
    }
    excel_text(w)
}

/// A CSV writer's text with a byte-order mark, so Excel and WPS read UTF-8.
pub fn excel_text(w: csv::Writer<Vec<u8>>) -> String {
    let body = w
        .into_inner()
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default();
    format!("\u{feff}{body}")
}

/// The printable summary: the unit list with its checks and figures, and the
/// roll-up's tables with the rules it breaks and the units that break them —
/// the roll-up as the workspace made it, drawn, never summed again.
pub fn summary_html(
    rows: &[(String, Summary)],
    rollup: Option<&RollUpView>,
    today: Date,
) -> String {
    use maud::{html, PreEscaped, DOCTYPE};
    let css = "body{font-family:\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;margin:1.5rem;color:#111}\
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}th,td{border:1px solid #888;padding:.2rem .35rem}\
th{background:#eee}td.num{text-align:right}h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:1.5rem}\
@media print{body{margin:0}tr{break-inside:avoid}}";
    let title = match rollup {
        Some(r) => format!("{} 年度政府信息公开工作年度报告汇总", r.year),
        None => "政府信息公开工作年度报告汇总：单位清单".to_owned(),
    };
    html! {
        (DOCTYPE)
        html lang="zh-CN" {
            head {
                meta charset="utf-8";
                meta name="generator" content="Nianbao";
                title { (title) }
                style { (PreEscaped(css)) }
            }
            body {
                h1 { (title) }
                p { "共 " (rows.len()) " 个单位，检查日期 " (today.chinese()) "。" }
                table {
                    thead { tr {
                        th { "来源文件" } th { "机关名称" } th { "年度" } th { "落款日期" } th { "逾期" }
                        th { "错误" } th { "提示" } th { "已说明" }
                        @for f in FIGURES { th { (f) } }
                        th { "错误内容" }
                    } }
                    tbody {
                        @for (file, s) in rows {
                            tr {
                                td { (file) } td { (s.agency) } td.num { (s.year) }
                                td { (s.signed.map(|d| d.chinese()).unwrap_or_default()) }
                                td { @if s.late { "是" } @else { "否" } }
                                td.num { (s.errors) } td.num { (s.warnings) } td.num { (s.explained) }
                                @for v in s.figures { td.num { (v.map(|n| n.to_string()).unwrap_or_default()) } }
                                td { @for p in &s.problems { div { (p) } } }
                            }
                        }
                    }
                }
                @if let Some(r) = rollup {
                    h2 { "汇总表（" (r.template.title()) "）" }
                    (PreEscaped(&r.tables_html))
                    h2 { "汇总表的派生指标" }
                    (PreEscaped(&r.indicators_html))
                    @if r.findings.is_empty() {
                        p { "汇总表符合表格的勾稽关系。" }
                    } @else {
                        h2 { "汇总表不符合的规则" }
                        ul {
                            @for (message, rule, units) in &r.findings {
                                li {
                                    (message) "（" (rule) "）"
                                    @if !units.is_empty() { " 造成不符的单位：" (units.join("、")) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    .into_string()
}
