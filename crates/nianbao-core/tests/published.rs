//! Published reports read back (spec §13): the samples as scraped or
//! extracted, in every shape their tables come in, against the hand
//! transcriptions where they exist. A cell is either placed right or not
//! placed: never misplaced.

use nianbao_core::import::published::{recognise, Certainty, Recognised};
use nianbao_core::rules::{validate, Context, RuleId, Severity};
use nianbao_core::template::{CellId, TableId, TemplateId};
use serde_json::Value;

fn samples() -> String {
    format!("{}/tests/fixtures/samples", env!("CARGO_MANIFEST_DIR"))
}

fn sample(name: &str) -> String {
    let path = format!("{}/{name}", samples());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn cell(r: &Recognised, table: TableId, row: &str, col: &str) -> CellId {
    r.report
        .template()
        .cell(table, row, col)
        .unwrap_or_else(|| panic!("{row} {col}"))
}

fn value(r: &Recognised, table: TableId, row: &str, col: &str) -> Option<i64> {
    r.report.get(cell(r, table, row, col))
}

fn certainty(r: &Recognised, table: TableId, row: &str, col: &str) -> Certainty {
    r.source(cell(r, table, row, col)).certainty
}

/// The 洪泽 hand transcription of 表三 and 表四 as (cell, value) pairs.
fn hongze_transcription(year: i32, r: &Recognised) -> Vec<(CellId, i64)> {
    let json: Value = serde_json::from_str(&sample(&format!(
        "{year}_county_jiangsu_huaian_hongze_govt.json"
    )))
    .unwrap();
    let t = r.report.template();
    let rows = json["table3"]["rows"].as_object().unwrap();
    let keys = TemplateId::F2019.get().row_keys(TableId::Requests);
    let cols: Vec<&str> = t
        .table_cells(TableId::Requests)
        .take(7)
        .map(|c| t.def(c).col)
        .collect();
    let mut out = Vec::new();
    for ((_, values), key) in rows.iter().zip(keys) {
        // （六） is one row in the print, and 0: each F2021 part is 0.
        let targets = if key == "other" {
            vec!["other.noCorrection", "other.feeUnpaid", "other.other"]
        } else {
            vec![key]
        };
        for row in targets {
            for (col, v) in cols.iter().zip(values.as_array().unwrap()) {
                out.push((
                    t.cell(TableId::Requests, row, col).unwrap(),
                    v.as_i64().unwrap(),
                ));
            }
        }
    }
    let flat = json["table4"]["flat15"].as_array().unwrap();
    for (c, v) in t.table_cells(TableId::ReviewLitigation).zip(flat) {
        out.push((c, v.as_i64().unwrap()));
    }
    out
}

#[test]
fn the_hongze_reports_from_pdf_text_match_the_hand_transcription_cell_for_cell() {
    for year in [2023, 2024] {
        let r = recognise(&sample(&format!(
            "{year}_county_jiangsu_huaian_hongze_govt.txt"
        )));
        assert_eq!(
            (r.report.year, r.report.template_id()),
            (year, TemplateId::F2021)
        );
        let agency = if year == 2023 {
            "洪泽区人民政府"
        } else {
            "淮安市洪泽区人民政府"
        };
        assert_eq!(r.report.agency.name, agency, "as printed above the title");
        let expected = hongze_transcription(year, &r);
        assert_eq!(expected.len(), 25 * 7 + 15);
        for (c, v) in expected {
            let def = r.report.template().def(c);
            assert_eq!(r.report.get(c), Some(v), "{year} {}", def.name());
            assert_eq!(
                r.source(c).certainty,
                Certainty::Recognised,
                "{year} {}",
                def.name()
            );
        }
        // 表二 too: every cell recognised.
        assert_eq!(r.count(Certainty::NotFound), 0, "{year}: {:?}", r.notes);
        assert!(
            r.report.overview.text.starts_with(&format!("{year} 年，")),
            "{}",
            r.report.overview.text
        );
        assert!(r.report.other.text.contains("信息处理费"));
        assert!(
            !r.report.other.text.contains("- 5 -"),
            "page footers are not text"
        );
    }
    // Totals as printed: the 2023 report's two genuine 表四 errors show.
    let r = recognise(&sample("2023_county_jiangsu_huaian_hongze_govt.txt"));
    let errors: Vec<RuleId> = validate(&r.report, &Context::default())
        .iter()
        .filter(|f| f.severity == Severity::Error && f.rule.code().starts_with("T"))
        .map(|f| f.rule)
        .collect();
    assert_eq!(errors, [RuleId::T4_1, RuleId::T4_3]);
}

#[test]
fn the_huaian_city_report_reads_the_same_from_both_pdf_copies_and_misplaces_nothing() {
    let layout = recognise(&sample("2024_city_jiangsu_huaian_govt.layout.txt"));
    let copied = recognise(&sample("2024_city_jiangsu_huaian_govt.txt"));
    assert_eq!(layout.count(Certainty::NotFound), 0, "{:?}", layout.notes);
    assert_eq!(layout.count(Certainty::Uncertain), 0);
    // "All table rules hold" (samples README), with the totals as printed.
    let table_errors = validate(&layout.report, &Context::default())
        .into_iter()
        .filter(|f| f.severity == Severity::Error && f.rule.code().starts_with("T"))
        .count();
    assert_eq!(table_errors, 0);
    assert_eq!(
        value(&layout, TableId::Requests, "newReceived", "total"),
        Some(3119)
    );
    // The copy with one cell per line: every placed cell as in the layout
    // copy; its scrambled 表四 is not placed, and says so.
    let t = copied.report.template();
    for c in t
        .table_cells(TableId::Requests)
        .chain(t.table_cells(TableId::Proactive))
    {
        assert_eq!(
            copied.source(c).certainty,
            Certainty::Recognised,
            "{}",
            t.def(c).name()
        );
        assert_eq!(
            copied.report.get(c),
            layout.report.get(c),
            "{}",
            t.def(c).name()
        );
    }
    for c in t.table_cells(TableId::ReviewLitigation) {
        assert_eq!(copied.source(c).certainty, Certainty::NotFound);
        assert_eq!(copied.report.get(c), None);
    }
    assert!(copied
        .notes
        .iter()
        .any(|n| n.starts_with("表四") && n.contains("对不上")));
}

#[test]
fn partial_reports_place_what_they_have_and_say_what_they_do_not() {
    // `|`, one table row per line; (三)7 printed with 6 of its 7 cells.
    let r = recognise(&sample(
        "2024_countydept_guangdong_shenzhen_longgang_dept.txt",
    ));
    assert_eq!(
        value(&r, TableId::Requests, "newReceived", "total"),
        Some(66)
    );
    assert_eq!(value(&r, TableId::Requests, "partial", "total"), Some(17));
    assert_eq!(
        value(&r, TableId::Proactive, "normativeDocs", "valid"),
        Some(25)
    );
    assert_eq!(
        certainty(&r, TableId::Requests, "denied.enforcementFile", "natural"),
        Certainty::NotFound
    );
    assert_eq!(
        value(&r, TableId::Requests, "denied.enforcementFile", "natural"),
        None
    );
    assert!(
        r.notes.iter().any(|n| n.contains("6 个数字")),
        "{:?}",
        r.notes
    );
    assert_eq!(r.count(Certainty::Recognised), 10 + 10 * 7);

    // `|`, one cell per line with bare-pipe separators.
    let r = recognise(&sample(
        "2021plus_countydept_beijing_haidian_A_auto4555.txt",
    ));
    assert_eq!(
        value(&r, TableId::Requests, "newReceived", "natural"),
        Some(49)
    );
    assert_eq!(
        value(&r, TableId::Requests, "carriedOver", "total"),
        Some(8)
    );
    assert_eq!(
        value(&r, TableId::Proactive, "penalty", "decisions"),
        Some(187)
    );
    assert_eq!(r.count(Certainty::Recognised), 10 + 15 * 7);

    // One cell per line, `/` for zero.
    let r = recognise(&sample(
        "2021_countydept_shaanxi_xian_gaoling_xingzhengshenpi.txt",
    ));
    assert_eq!(r.report.agency.name, "西安市高陵区行政审批服务局");
    assert_eq!(
        value(&r, TableId::Proactive, "licensing", "decisions"),
        Some(11839)
    );
    assert_eq!(
        value(&r, TableId::Proactive, "regulations", "made"),
        Some(0)
    );
    assert_eq!(r.count(Certainty::Recognised), 10 + 11 * 7);

    // F2019, one cell per line between empty lines.
    let r = recognise(&sample("2019_township_unknown_jiedao_021jzzz.txt"));
    assert_eq!(r.report.template_id(), TemplateId::F2019);
    assert_eq!(r.count(Certainty::Recognised), 22 + 3 * 7);

    // F2019, a lone `|` for each empty cell: blanks stay blank.
    let r = recognise(&sample("2020_subdistrict_dongli.txt"));
    assert_eq!(r.report.template_id(), TemplateId::F2019);
    assert_eq!(
        value(&r, TableId::Proactive, "licensing", "prevCount"),
        Some(76)
    );
    assert_eq!(
        value(&r, TableId::Proactive, "licensing", "decisions"),
        None
    );
    assert_eq!(
        certainty(&r, TableId::Proactive, "licensing", "decisions"),
        Certainty::Recognised
    );
}

#[test]
fn text_that_is_not_a_report_places_nothing() {
    for text in [
        "",
        "随便一段话。\n第二行 1 2 3",
        "一、总体情况\n三、收到和处理政府信息公开申请情况\n1 2 3 4 5 6 7 8",
    ] {
        let r = recognise(text);
        assert_eq!(
            r.count(Certainty::Recognised) + r.count(Certainty::Uncertain),
            0,
            "{text}"
        );
    }
}

/// Recognises `text` with each one of its lines lost in turn, and with each
/// line given twice: a cell marked recognised must still hold the value of
/// `reference`. Losing lines costs certainty, never correctness.
fn perturbed(text: &str, reference: &Recognised) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let mut lowered = 0;
    for at in 0..lines.len() {
        for twice in [false, true] {
            let cut: Vec<&str> = lines
                .iter()
                .enumerate()
                .flat_map(|(i, l)| match (i == at, twice) {
                    (true, false) => vec![],
                    (true, true) => vec![*l, *l],
                    _ => vec![*l],
                })
                .collect();
            let r = recognise(&cut.join("\n"));
            let t = r.report.template();
            for c in (0..t.cells.len()).map(|i| CellId(i as u16)) {
                if reference.source(c).certainty != Certainty::Recognised {
                    continue;
                }
                match r.source(c).certainty {
                    Certainty::Recognised => assert_eq!(
                        r.report.get(c),
                        reference.report.get(c),
                        "line {} {}: {}",
                        at + 1,
                        if twice { "twice" } else { "lost" },
                        t.def(c).name()
                    ),
                    _ => lowered += 1,
                }
            }
        }
    }
    lowered
}

#[test]
fn a_lost_or_doubled_line_never_makes_a_recognised_cell_wrong() {
    for name in [
        "2023_county_jiangsu_huaian_hongze_govt.txt",
        "2024_county_jiangsu_huaian_hongze_govt.txt",
        "2024_city_jiangsu_huaian_govt.layout.txt",
        "2024_countydept_guangdong_shenzhen_longgang_dept.txt",
        "2021plus_countydept_beijing_haidian_A_auto4555.txt",
    ] {
        let text = sample(name);
        let reference = recognise(&text);
        assert!(perturbed(&text, &reference) > 0, "{name}");
    }
}

#[test]
#[ignore]
fn show() {
    let name = std::env::var("SAMPLE").unwrap();
    let r = recognise(&sample(&name));
    let t = r.report.template();
    for c in t
        .table_cells(TableId::Requests)
        .chain(t.table_cells(TableId::Proactive))
    {
        println!(
            "{:?} {:?} {}",
            r.report.get(c),
            r.source(c),
            t.def(c).name()
        );
    }
}
