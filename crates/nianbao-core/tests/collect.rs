//! The roll-up of many units (汇总): sums equal to hand sums, a unit's broken
//! rule named in the roll-up's finding, formats and years never mixed, and
//! the unit list as CSV for Excel.

use nianbao_core::collect::{roll_up, summarize, units_csv};
use nianbao_core::report::{AgencyKind, Date, Report};
use nianbao_core::rules::RuleId;
use nianbao_core::template::{TableId, TemplateId};

/// A consistent unit: every applicant column the same shape, scaled by `k`.
fn unit(k: i64, year: i32) -> Report {
    let mut r = Report::new(year);
    r.agency.name = format!("第{k}单位");
    r.agency.kind = Some(AgencyKind::Department);
    r.signed_date = Date::new(year + 1, 1, 20);
    let cols = [
        "natural",
        "commercial",
        "research",
        "publicWelfare",
        "legalService",
        "otherOrg",
    ];
    for (c, col) in cols.iter().enumerate() {
        let n = k * (c as i64 + 1);
        // 新收 3n + 结转 n = 办结 (予以公开 2n + 部分公开 n) + 结转下年度 n.
        for (row, v) in [
            ("newReceived", 3 * n),
            ("carriedOver", n),
            ("granted", 2 * n),
            ("partial", n),
            ("carryForward", n),
        ] {
            r.set_value(TableId::Requests, row, col, Some(v));
        }
    }
    r.set_value(TableId::ReviewLitigation, "review", "maintain", Some(k));
    r.set_value(TableId::ReviewLitigation, "litDirect", "pending", Some(1));
    r.set_value(TableId::Proactive, "adminFees", "amount", Some(k * 12_345));
    r.fill_totals();
    r
}

#[test]
fn the_roll_up_is_the_hand_sum_and_holds_every_rule() {
    let units: Vec<(String, Report)> = (1..=30)
        .map(|k| (format!("u{k}.json"), unit(k, 2025)))
        .collect();
    let refs: Vec<(String, &Report)> = units.iter().map(|(n, r)| (n.clone(), r)).collect();
    let up = roll_up(&refs).unwrap();
    let r = &up.report;
    let s: i64 = (1..=30).sum(); // Σk = 465
                                 // 新收 自然人 = Σ 3k; 总计 = Σ 3k·(1+…+6) = 63 Σk.
    assert_eq!(
        r.value(TableId::Requests, "newReceived", "natural"),
        Some(3 * s)
    );
    assert_eq!(
        r.value(TableId::Requests, "newReceived", "total"),
        Some(63 * s)
    );
    assert_eq!(
        r.value(TableId::Requests, "resultTotal", "total"),
        Some(63 * s)
    );
    assert_eq!(
        r.value(TableId::Requests, "carryForward", "otherOrg"),
        Some(6 * s)
    );
    // A row every unit left blank stays blank; one they all filled with 0 is 0.
    assert_eq!(
        r.value(TableId::Requests, "denied.stateSecret", "natural"),
        None
    );
    assert_eq!(
        r.value(TableId::ReviewLitigation, "review", "total"),
        Some(s)
    );
    assert_eq!(
        r.value(TableId::ReviewLitigation, "litDirect", "pending"),
        Some(30)
    );
    assert_eq!(
        r.value(TableId::Proactive, "adminFees", "amount"),
        Some(12_345 * s)
    );
    assert_eq!(r.template_id(), TemplateId::F2021);
    assert_eq!(r.agency.name, "汇总（30 个单位）");
    assert!(
        up.findings.is_empty(),
        "{:#?}",
        up.findings
            .iter()
            .map(|f| &f.finding.message)
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_unit_that_breaks_t3_3_makes_the_roll_up_break_it_and_is_named() {
    let mut units: Vec<(String, Report)> = (1..=5)
        .map(|k| (format!("第{k}单位"), unit(k, 2025)))
        .collect();
    // The third unit counts one more application received than it handled.
    units[2]
        .1
        .set_value(TableId::Requests, "newReceived", "natural", Some(10));
    units[2].1.fill_totals();
    let refs: Vec<(String, &Report)> = units.iter().map(|(n, r)| (n.clone(), r)).collect();
    let up = roll_up(&refs).unwrap();
    let t33: Vec<_> = up
        .findings
        .iter()
        .filter(|f| f.finding.rule == RuleId::T3_3)
        .collect();
    assert!(!t33.is_empty());
    for f in &t33 {
        assert_eq!(f.units, ["第3单位"], "{}", f.finding.message);
    }
}

#[test]
fn formats_and_years_are_never_summed_together() {
    let a = unit(1, 2025);
    let b = unit(2, 2020);
    let err = roll_up(&[("甲.json".into(), &a), ("乙.json".into(), &b)]).unwrap_err();
    assert!(
        err.contains("不同年度或不同格式") && err.contains("2019年版格式"),
        "{err}"
    );
    let c = unit(3, 2024);
    let err = roll_up(&[("甲.json".into(), &a), ("丙.json".into(), &c)]).unwrap_err();
    assert!(
        err.contains("2024 年度") && err.contains("2025 年度"),
        "{err}"
    );
    assert!(roll_up(&[]).is_err());
}

#[test]
fn the_unit_list_as_csv_opens_in_excel_with_its_columns() {
    let mut a = unit(2, 2025);
    a.agency.name = "某局,\"办公室\"".to_owned();
    let today = Date::new(2026, 2, 10).unwrap();
    let s = summarize(&a, today);
    assert_eq!(s.figures[0], Some(3 * 2 * 21));
    assert!(!s.late);
    let csv = units_csv(&[("a.json".into(), s)]);
    assert!(csv.starts_with('\u{feff}'));
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        lines.next().unwrap(),
        "来源文件,机关名称,机关类型,报告年度,格式,落款日期,发布期限,逾期,错误,提示,已说明,新收申请,上年结转,办结,结转下年度,复议总计,诉讼总计,错误内容"
    );
    let line = lines.next().unwrap();
    assert!(
        line.starts_with(
            &("a.json,\"某局,\"\"办公室\"\"\",部门,2025,2021年版格式,2026-01-20,2026-01-31,否,"
                .to_owned()
                + &format!(
                    "{},{},0,126,42,126,42,2,1,",
                    summarize(&a, today).errors,
                    summarize(&a, today).warnings
                ))
        ),
        "{line}"
    );
    // Each error in words, in the last column.
    let s = summarize(&a, today);
    assert_eq!(s.problems.len(), s.errors);
    assert!(s.problems.iter().all(|p| line.contains(p.as_str())));
    // Not signed and past the deadline: late.
    a.signed_date = None;
    assert!(summarize(&a, today).late);
}

/// A3: unit names and file names that a spreadsheet would run as formulas
/// are written as text (a leading '), numbers stay numbers.
#[test]
fn a3_csv_cells_that_start_a_formula_are_written_as_text() {
    use nianbao_core::collect::csv_cell;
    for (hostile, written) in [
        (
            "=HYPERLINK(\"http://x\",\"点我\")",
            "'=HYPERLINK(\"http://x\",\"点我\")",
        ),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
    ] {
        assert_eq!(csv_cell(hostile), written);
    }
    for safe in ["某区司法局", "-3", "12.5", "2026-01-31", "", "a=b"] {
        assert_eq!(csv_cell(safe), safe);
    }
    let mut a = unit(1, 2025);
    a.agency.name = "=1+1".to_owned();
    let csv = units_csv(&[(
        "@evil.json".into(),
        summarize(&a, Date::new(2026, 2, 1).unwrap()),
    )]);
    let row = csv.lines().nth(1).unwrap();
    assert!(row.starts_with("'@evil.json,'=1+1,"), "{row}");
}

#[test]
fn the_printable_summary_draws_the_roll_up_as_made_never_sums_again() {
    use nianbao_core::collect::{summary_html, RollUpView};
    let (a, b) = (unit(1, 2025), unit(2, 2025));
    let today = Date::new(2026, 3, 1).expect("a date");
    let up = roll_up(&[("第1单位".into(), &a), ("第2单位".into(), &b)]).expect("summed");
    let mut view = RollUpView::of(&up);
    assert_eq!(
        (view.year, view.template, view.units),
        (2025, TemplateId::F2021, 2)
    );
    let rows = vec![
        ("a.json".to_owned(), summarize(&a, today)),
        ("b.json".to_owned(), summarize(&b, today)),
    ];
    let html = summary_html(&rows, Some(&view), today);
    assert!(html.contains("2025 年度政府信息公开工作年度报告汇总"));
    assert!(
        html.contains(&view.tables_html),
        "the tables as the workspace drew them"
    );
    // What it draws is the view it is given: a finding named there is printed.
    view.findings = vec![("某条规则不符".into(), "T3-3".into(), vec!["第2单位".into()])];
    view.tables_html = "<table id=\"as-made\"></table>".into();
    let html = summary_html(&rows, Some(&view), today);
    assert!(html.contains("<table id=\"as-made\"></table>"));
    assert!(html.contains("某条规则不符（T3-3） 造成不符的单位：第2单位"));
    assert!(summary_html(&rows, None, today).contains("单位清单"));
}

#[test]
fn the_roll_ups_indicators_come_from_its_sums_never_an_average_of_the_units() {
    // Unit A: 1 handled, 1 granted (100 %); unit B: 3 handled, none granted
    // or partly (0 %). The average of the rates would be 50 %; the roll-up's
    // 实质公开率 is (1 + 0) ÷ (1 + 3) = 25.0 %.
    let mut a = Report::new(2024);
    a.set_value(TableId::Requests, "granted", "natural", Some(1));
    a.set_value(TableId::Requests, "newReceived", "natural", Some(1));
    a.fill_totals();
    let mut b = Report::new(2024);
    b.set_value(TableId::Requests, "unable.notHeld", "natural", Some(3));
    b.set_value(TableId::Requests, "newReceived", "natural", Some(3));
    b.fill_totals();
    let up = roll_up(&[("A".into(), &a), ("B".into(), &b)]).unwrap();
    let view = nianbao_core::collect::RollUpView::of(&up);
    let row = view
        .indicators_html
        .split("<tr>")
        .find(|r| r.contains("实质公开率"))
        .unwrap();
    assert!(row.contains("25.0%"), "{row}");
    assert!(!view.indicators_html.contains("50.0%"));
    let unable = view
        .indicators_html
        .split("<tr>")
        .find(|r| r.contains("无法提供率"))
        .unwrap();
    assert!(unable.contains("75.0%"), "{unable}");
}
