//! Real published reports as fixtures (`tests/fixtures/samples/`): the 洪泽
//! tables transcribed by hand (JSON) with their text as extracted from the
//! published PDF (TXT).

use nianbao_core::rules::{validate, Context, RuleId, Severity};
use nianbao_core::template::{TableId, TemplateId};
use nianbao_core::{AgencyKind, Report};
use serde_json::Value;

fn samples() -> String {
    format!("{}/tests/fixtures/samples", env!("CARGO_MANIFEST_DIR"))
}

fn read(name: &str) -> String {
    let path = format!("{}/{name}", samples());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The text between a line starting with `from` and the next line starting with `to`.
fn section(text: &str, from: &str, to: Option<&str>) -> String {
    let body = text.split("# ---- BEGIN TEXT").nth(1).unwrap_or(text);
    let mut lines = body.lines().skip_while(|l| !l.starts_with(from)).skip(1);
    let mut out = Vec::new();
    for line in lines.by_ref() {
        if to.is_some_and(|t| line.starts_with(t)) {
            break;
        }
        // Page footers of the PDF: "- 5 -".
        if line.trim().starts_with("- ") && line.trim().ends_with(" -") {
            continue;
        }
        out.push(line);
    }
    out.join("\n")
}

/// A 洪泽 report: tables from the hand transcription, text from the PDF text.
fn hongze(year: i32) -> Report {
    let base = format!("{year}_county_jiangsu_huaian_hongze_govt");
    let json: Value = serde_json::from_str(&read(&format!("{base}.json"))).unwrap();
    let text = read(&format!("{base}.txt"));
    let mut report = Report::new(year);
    assert_eq!(report.template_id(), TemplateId::F2021);
    report.agency.name = json["agency"].as_str().unwrap().to_owned();
    report.agency.kind = Some(AgencyKind::Government);
    report.overview.text = section(&text, "一、总体情况", Some("二、主动公开政府信息情况"));
    report.problems = section(
        &text,
        "五、存在的主要问题及改进情况",
        Some("六、其他需要报告的事项"),
    );
    report.other.text = section(&text, "六、其他需要报告的事项", None);

    // 表三: the transcription lists the rows in official order, with （六）
    // printed as one row (it is 0 in both years, so each of its three F2021 rows is 0).
    let rows = json["table3"]["rows"].as_object().unwrap();
    let f2019_rows = TemplateId::F2019.get().row_keys(TableId::Requests);
    assert_eq!(rows.len(), f2019_rows.len());
    let cols: Vec<&str> = report
        .template()
        .table_cells(TableId::Requests)
        .take(7)
        .map(|c| report.template().def(c).col)
        .collect();
    for ((label, values), key) in rows.iter().zip(f2019_rows) {
        let values: Vec<i64> = values
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_i64().unwrap())
            .collect();
        let targets: Vec<&str> = if key == "other" {
            assert!(values.iter().all(|v| *v == 0), "{label}");
            vec!["other.noCorrection", "other.feeUnpaid", "other.other"]
        } else {
            vec![key]
        };
        for row in targets {
            for (col, v) in cols.iter().zip(&values) {
                assert!(
                    report.set_value(TableId::Requests, row, col, Some(*v)),
                    "{row} {col}"
                );
            }
        }
    }
    // 表四: fifteen values in reading order.
    let flat = json["table4"]["flat15"].as_array().unwrap();
    let cells: Vec<_> = report
        .template()
        .table_cells(TableId::ReviewLitigation)
        .collect();
    for (cell, v) in cells.into_iter().zip(flat) {
        report.set(cell, Some(v.as_i64().unwrap()));
    }
    report
}

fn table_rule(rule: RuleId) -> bool {
    matches!(
        rule,
        RuleId::T3_1
            | RuleId::T3_2
            | RuleId::T3_3
            | RuleId::T3_4
            | RuleId::T4_1
            | RuleId::T4_2
            | RuleId::T4_3
    )
}

#[test]
fn hongze_2023_has_exactly_its_two_genuine_table4_errors() {
    let report = hongze(2023);
    let findings = validate(&report, &Context::default());
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    let summary: Vec<(RuleId, i64, i64)> = errors
        .iter()
        .map(|f| {
            let s = f.sides.as_ref().unwrap();
            (f.rule, s.left, s.right)
        })
        .collect();
    assert_eq!(
        summary,
        [(RuleId::T4_1, 0, 11), (RuleId::T4_3, 0, 5)],
        "{:#?}",
        errors.iter().map(|f| &f.message).collect::<Vec<_>>()
    );
    assert_eq!(
        errors[0].message,
        "表四“行政复议”：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 不成立。行政复议 总计为 0，各项之和 10 + 1 + 0 + 0 = 11，相差 -11。"
    );
    // Its text agrees with table 三 (21 applications).
    assert!(!findings.iter().any(|f| f.rule == RuleId::N1));
}

#[test]
fn hongze_2024_passes_every_table_rule_but_its_text_disagrees() {
    let report = hongze(2024);
    let findings = validate(&report, &Context::default());
    let table: Vec<_> = findings.iter().filter(|f| table_rule(f.rule)).collect();
    assert!(
        table.is_empty(),
        "{:#?}",
        table.iter().map(|f| &f.message).collect::<Vec<_>>()
    );
    assert!(findings.iter().all(|f| f.severity == Severity::Warning));
    // The narrative says 17 applications were received; table 三 says 95.
    let n1 = findings.iter().find(|f| f.rule == RuleId::N1).expect("N1");
    let sides = n1.sides.as_ref().unwrap();
    assert_eq!((sides.left, sides.right), (17, 95));
}

#[test]
fn every_sample_text_validates_without_panicking() {
    let dir = std::fs::read_dir(samples()).unwrap();
    for entry in dir.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".txt") {
            continue;
        }
        let text = read(&name);
        let year: i32 = name[..4].parse().unwrap();
        let mut report = Report::new(year);
        report.overview.text = section(&text, "一、总体情况", Some("二、"));
        report.problems = text.clone();
        let _ = validate(
            &report,
            &Context {
                previous: Some(&report.clone()),
                ..Context::default()
            },
        );
    }
}

/// Spec §8.8: printed totals are data. The 2023 report's two 表四 errors survive
/// an import, opening, an edit elsewhere with auto totals; 用计算值替换 fixes one.
#[test]
fn hongze_2023_printed_totals_survive_import_and_edits_until_replaced() {
    use nianbao_core::json::{from_json, to_json, Draft};
    let errors = |r: &Report| -> Vec<RuleId> {
        validate(r, &Context::default())
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.rule)
            .collect()
    };
    let mut report = from_json(&to_json(&hongze(2023))).unwrap();
    assert_eq!(errors(&report), [RuleId::T4_1, RuleId::T4_3]);
    // Saved as a draft and opened again.
    let draft = Draft {
        name: String::new(),
        revision: 1,
        saved_at_ms: 0.0,
        report: report.clone(),
        previous: None,
        unparsed: Default::default(),
    };
    report = Draft::from_json(&draft.to_json()).unwrap().report;
    // An edit elsewhere, with totals computed automatically.
    report.set_value(TableId::Requests, "newReceived", "research", Some(0));
    report.fill_totals();
    assert_eq!(errors(&report), [RuleId::T4_1, RuleId::T4_3]);
    assert_eq!(
        report.value(TableId::ReviewLitigation, "review", "total"),
        Some(0)
    );
    // 用计算值替换 on one total.
    let before = report.clone();
    let total = report
        .template()
        .cell(TableId::ReviewLitigation, "review", "total")
        .unwrap();
    report.replace_with_computed(&[total]);
    assert_eq!(
        report.value(TableId::ReviewLitigation, "review", "total"),
        Some(11)
    );
    assert_eq!(errors(&report), [RuleId::T4_3]);
    // Undo is the state before.
    assert_eq!(errors(&before), [RuleId::T4_1, RuleId::T4_3]);
    // All at once.
    report.replace_with_computed(&[]);
    assert_eq!(errors(&report), []);
}

/// The narrative findings on the held-in samples are exactly those judged
/// right by hand: 洪泽 2024's “区政府办代表区政府受理…17 件” against 表三's 95.
/// The others' quoted figures hold (洪泽 2023: 21; 淮安 2024: 3119, 34, 351, 46)
/// or are not about applications (东里: 175 件 calls to a hotline).
#[test]
fn narrative_findings_on_the_samples_are_the_judged_ones() {
    let mut got = Vec::new();
    for name in [
        "2020_subdistrict_dongli.txt",
        "2019_township_unknown_jiedao_021jzzz.txt",
        "2024_city_jiangsu_huaian_govt.txt",
        "2021_countydept_shaanxi_xian_gaoling_xingzhengshenpi.txt",
        "2021plus_countydept_beijing_haidian_A_auto4555.txt",
        "2024_countydept_guangdong_shenzhen_longgang_dept.txt",
    ] {
        let r = nianbao_core::import::published::recognise(&read(name));
        for f in validate(&r.report, &Context::default()) {
            if f.rule.code().starts_with('N') {
                got.push((name.to_owned(), f.rule, f.sides.map(|s| (s.left, s.right))));
            }
        }
    }
    for year in [2023, 2024] {
        for f in validate(&hongze(year), &Context::default()) {
            if f.rule.code().starts_with('N') {
                got.push((
                    format!("hongze {year}"),
                    f.rule,
                    f.sides.map(|s| (s.left, s.right)),
                ));
            }
        }
    }
    assert_eq!(
        got,
        [("hongze 2024".to_owned(), RuleId::N1, Some((17, 95)))],
        "{got:#?}"
    );
    // What was read, for the record: the 淮安 city report's figures all hold.
    let huaian =
        nianbao_core::import::published::recognise(&read("2024_city_jiangsu_huaian_govt.txt"));
    let read_there: Vec<(&str, Option<i64>)> =
        nianbao_core::rules::narrative::read(&huaian.report.overview.text, 2024)
            .iter()
            .map(|r| (r.family.rule.code(), r.figure))
            .collect();
    assert_eq!(
        read_there,
        [
            ("N1", Some(3119)),
            ("N2", Some(34)),
            ("N12", Some(351)),
            ("N13", Some(46))
        ]
    );
}
