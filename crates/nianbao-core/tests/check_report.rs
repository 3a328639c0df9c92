//! The check report (体检报告), the list before publishing, the deadline, and
//! reasons given for warnings.

use nianbao_core::render::render_check_report;
use nianbao_core::report::{AgencyKind, Date, Report};
use nianbao_core::rules::checklist::checklist;
use nianbao_core::rules::{validate, Context, RuleId, Stage};
use nianbao_core::template::TableId;

fn report() -> Report {
    let mut r = Report::new(2025);
    r.agency.name = "某区<script>alert(1)</script>局".to_owned();
    r.agency.kind = Some(AgencyKind::Department);
    r.signed_date = Date::new(2026, 1, 20);
    r.overview.text = "本年度共收到政府信息公开申请12件，予以公开及部分公开8件。".to_owned();
    let t = r.template();
    for (row, v) in [
        ("newReceived", 12),
        ("carriedOver", 2),
        ("granted", 8),
        ("partial", 1),
    ] {
        r.set(t.cell(TableId::Requests, row, "natural").unwrap(), Some(v));
        r.set(t.cell(TableId::Requests, row, "total").unwrap(), Some(v));
    }
    r
}

fn previous() -> Report {
    let mut p = Report::new(2024);
    let t = p.template();
    p.set(
        t.cell(TableId::Requests, "carryForward", "natural")
            .unwrap(),
        Some(3),
    );
    p.set(
        t.cell(TableId::Requests, "carryForward", "total").unwrap(),
        Some(3),
    );
    p
}

#[test]
fn the_deadline_counts_days_to_the_statutory_or_the_local_date() {
    let mut r = report();
    let on = |y, m, d| Date::new(y, m, d).unwrap();
    let s = r.deadline_status(on(2026, 1, 10)).unwrap();
    assert_eq!((s.deadline, s.days_left), (on(2026, 1, 31), 21));
    assert_eq!(s.words(), "发布期限 2026年1月31日，距截止还有 21 天");
    assert_eq!(
        r.deadline_status(on(2026, 1, 31)).unwrap().words(),
        "发布期限 2026年1月31日，今天截止"
    );
    assert_eq!(r.deadline_status(on(2026, 2, 5)).unwrap().days_left, -5);
    assert!(r
        .deadline_status(on(2026, 2, 5))
        .unwrap()
        .words()
        .ends_with("已逾期 5 天"));
    // Across a leap day and a year end.
    r.agency.kind = Some(AgencyKind::Government);
    assert_eq!(r.deadline_status(on(2025, 12, 31)).unwrap().days_left, 90);
    // A township sets its own.
    r.agency.kind = Some(AgencyKind::Township);
    r.agency.deadline = Some((2, 20));
    let s = r.deadline_status(on(2026, 2, 1)).unwrap();
    assert_eq!((s.days_left, s.local), (19, true));
    // D5 follows the local deadline.
    r.signed_date = Date::new(2026, 2, 10);
    let d5 = |r: &Report| {
        validate(r, &Context::default())
            .iter()
            .any(|f| f.rule == RuleId::D5)
    };
    assert!(!d5(&r));
    r.agency.deadline = None;
    assert!(d5(&r));
}

#[test]
fn an_explained_warning_stays_a_warning_shown_as_explained() {
    let mut r = report();
    let prev = previous();
    let ctx = Context {
        stage: Stage::Export,
        previous: Some(&prev),
    };
    let y1 = validate(&r, &ctx)
        .into_iter()
        .find(|f| f.rule == RuleId::Y1)
        .expect("Y1");
    assert_eq!(y1.explanation(&r), None);
    r.explanations.insert(
        y1.key(r.template()),
        "机构改革，上年由原机关办理".to_owned(),
    );
    let again = validate(&r, &ctx);
    let y1 = again
        .iter()
        .find(|f| f.rule == RuleId::Y1)
        .expect("still there");
    assert_eq!(y1.explanation(&r), Some("机构改革，上年由原机关办理"));
    // Errors are not explained away.
    let list = checklist(&r, &again);
    let last = list.last().unwrap();
    assert!(!last.ok, "{last:?}");

    let html = render_check_report(&r, Some(&prev), Date::new(2026, 1, 10).unwrap());
    assert!(html.contains("提示（已说明）"));
    assert!(html.contains("机构改革，上年由原机关办理"));
    assert!(html.contains("发布期限 2026年1月31日，距截止还有 21 天"));
    assert!(
        html.contains("予以公开及部分公开<mark>8件</mark>"),
        "{html}"
    );
    assert!(html.contains("N6"));
    assert!(html.contains("发布前检查清单"));
    assert!(!html.contains("<script>alert"), "hostile text stays text");
    assert!(html.contains("&lt;script&gt;"));
    // Grouped by section: the quoted sentence under 一, Y1 under 三.
    let one = html.find("<h2>一、总体情况").unwrap();
    let three = html.find("<h2>三、收到和处理政府信息公开申请情况").unwrap();
    assert!(one < html.find("N6").unwrap() && html.find("N6").unwrap() < three);
    assert!(html[three..].contains("Y1"));
}

#[test]
fn the_list_before_publishing_reads_the_findings() {
    let mut r = report();
    r.overview
        .text
        .push_str("报告中所列数据统计期限自2024年1月1日起至2024年12月31日止。");
    let findings = validate(
        &r,
        &Context {
            stage: Stage::Export,
            previous: None,
        },
    );
    let list = checklist(&r, &findings);
    let item = |label: &str| {
        list.iter()
            .find(|i| i.label == label)
            .unwrap_or_else(|| panic!("{label}"))
    };
    assert!(!item("标题年度与统计年度一致").ok);
    assert!(item("标题年度与统计年度一致").detail.contains("2024"));
    assert!(!item("三张表格都已填写").ok);
    assert!(!item("已说明信息处理费的收取情况").ok);
    assert!(item("落款日期已填写，且在发布期限之内").ok);
    assert!(!item("六个部分都有内容").ok);
}

#[test]
fn d3_accepts_the_wordings_reports_use() {
    let mut r = Report::new(2025);
    r.agency.kind = Some(AgencyKind::Government);
    let d3 = |r: &Report| {
        validate(r, &Context::default())
            .into_iter()
            .find(|f| f.rule == RuleId::D3)
    };
    r.overview.aspects[4] = "开展绩效考评，委托第三方评估公开质量，未发生问责情形。".to_owned();
    assert!(d3(&r).is_none());
    r.overview.aspects[4] = "开展年度考核，组织社会评估。".to_owned();
    let f = d3(&r).expect("责任追究 missing");
    assert!(
        f.message.contains("责任追究") && !f.message.contains("社会评议、"),
        "{}",
        f.message
    );
}

/// F7: a new report opened in December is for the year that is ending (and
/// its deadline is ahead), one opened in January–October for the year that
/// has just ended.
#[test]
fn f7_a_new_report_in_december_is_for_the_year_that_is_ending() {
    use nianbao_core::report::default_year;
    let on = |y, m, d| Date::new(y, m, d).unwrap();
    assert_eq!(default_year(on(2026, 12, 5)), 2026);
    assert_eq!(default_year(on(2026, 11, 1)), 2026);
    assert_eq!(default_year(on(2026, 10, 31)), 2025);
    assert_eq!(default_year(on(2027, 1, 15)), 2026);
    let mut r = Report::new(default_year(on(2026, 12, 5)));
    r.agency.kind = Some(AgencyKind::Department);
    let s = r.deadline_status(on(2026, 12, 5)).unwrap();
    assert_eq!(s.days_left, 57, "{}", s.words());
    assert!(s.words().contains("距截止还有 57 天"), "{}", s.words());
}

/// A1: the 501st reason is refused where it is given (never written, so the
/// draft and its JSON always open again); a reason whose warning is gone —
/// its sentence edited — is dropped before counting, so stale reasons do not
/// pile up; a reason for a cross-year warning is kept while last year's
/// report is not loaded.
#[test]
fn a1_reasons_stay_within_the_limit_and_stale_ones_are_dropped() {
    use nianbao_core::json::{from_json, to_json, Draft};
    use nianbao_core::limits::MAX_EXPLANATIONS;
    use nianbao_core::rules::{explain, stale_explanations};
    let mut r = report();
    // 500 live warnings: 500 sentences each contradicting 表三's 12.
    r.overview.text = (0..MAX_EXPLANATIONS + 1)
        .map(|i| format!("第{i}段：本年度共收到政府信息公开申请{}件。", 13 + i))
        .collect::<Vec<_>>()
        .join("\n");
    let findings = validate(&r, &Context::default());
    let keys: Vec<String> = findings
        .iter()
        .filter(|f| f.rule == RuleId::N1)
        .map(|f| f.key(r.template()))
        .collect();
    assert!(keys.len() > MAX_EXPLANATIONS, "{}", keys.len());
    for k in &keys[..MAX_EXPLANATIONS] {
        explain(&mut r, k, "机构改革，统计口径不同", &findings, false).unwrap();
    }
    let e = explain(
        &mut r,
        &keys[MAX_EXPLANATIONS],
        "第 501 条",
        &findings,
        false,
    )
    .unwrap_err();
    assert!(e.contains("最多可以给 500 条提示说明原因"), "{e}");
    assert_eq!(r.explanations.len(), MAX_EXPLANATIONS);
    // What the app writes, its readers take: the draft and the JSON.
    let json = to_json(&r);
    let back = from_json(&json).unwrap();
    assert!(
        back.explanations == r.explanations,
        "reasons differ after a round trip"
    );
    assert!(
        back.overview == r.overview && back.values() == r.values(),
        "differs after a round trip"
    );
    let draft = Draft {
        name: "满额".into(),
        revision: 1,
        saved_at_ms: 0.0,
        report: r.clone(),
        previous: None,
        unparsed: Default::default(),
    };
    let back = Draft::from_json(&draft.to_json()).unwrap().report;
    assert!(
        back.explanations == r.explanations,
        "the draft's reasons differ"
    );
    // One sentence edited: its reason is stale, dropped when the next is given.
    r.overview.text = r.overview.text.replacen(
        "第0段：本年度共收到政府信息公开申请13件",
        "第0段：本年度共收到政府信息公开申请14件",
        1,
    );
    let findings = validate(&r, &Context::default());
    assert_eq!(stale_explanations(&r, &findings, false).len(), 1);
    explain(
        &mut r,
        &keys[MAX_EXPLANATIONS],
        "第 501 条",
        &findings,
        false,
    )
    .unwrap();
    assert_eq!(r.explanations.len(), MAX_EXPLANATIONS);
    // A Y1 reason stays while last year's report is not loaded.
    r.explanations.insert(
        "Y1@requests.carriedOver.total".into(),
        "上年由原机关办理".into(),
    );
    let findings = validate(&r, &Context::default());
    assert!(!stale_explanations(&r, &findings, false)
        .iter()
        .any(|k| k.starts_with("Y1@")));
    assert!(stale_explanations(&r, &findings, true)
        .iter()
        .any(|k| k.starts_with("Y1@")));
}

#[test]
fn the_check_report_lists_the_derived_indicators_with_both_figures() {
    let mut r = report();
    let t = r.template();
    // 办结 (（七）总计) 9 of which 8 + 1 granted or partly: 100.0 %.
    r.set(
        t.cell(TableId::Requests, "resultTotal", "total").unwrap(),
        Some(9),
    );
    let html = render_check_report(&r, None, Date::new(2026, 1, 10).unwrap());
    assert!(html.contains("<h2>派生指标</h2>"), "{html}");
    let row = html
        .split("<tr>")
        .find(|s| s.contains("实质公开率"))
        .unwrap();
    assert!(row.contains("100.0%") && row.contains(">9<"), "{row}");
    // 结转率: no 结转下年度 printed: 未填, and "—".
    let row = html.split("<tr>").find(|s| s.contains("结转率")).unwrap();
    assert!(row.contains("未填") && row.contains("—"), "{row}");
}
