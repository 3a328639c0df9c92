//! Published reports read back (spec §13): the samples as scraped or
//! extracted, in every shape their tables come in, against the hand
//! transcriptions where they exist. A cell is either placed right or not
//! placed: never misplaced.

use nianbao_core::import::pdf::{pdf_text, PdfRead};
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
fn the_huaian_city_pdf_read_by_position_gives_every_cell_as_its_layout_copy() {
    // The pieces pdf.js gives for the published PDF (scripts/pdf-pieces.mjs),
    // rebuilt into lines and columns as the app does.
    let read: PdfRead =
        serde_json::from_str(&sample("2024_city_jiangsu_huaian_govt.pieces.json")).unwrap();
    let pdf = pdf_text(&read.pieces, &read.rules);
    let from_pdf = recognise(&pdf.text);
    let layout = recognise(&sample("2024_city_jiangsu_huaian_govt.layout.txt"));
    let t = layout.report.template();
    let mut placed = 0;
    let mut cells = 0;
    for table in [
        TableId::Requests,
        TableId::Proactive,
        TableId::ReviewLitigation,
    ] {
        for c in t.table_cells(table) {
            cells += 1;
            if from_pdf.source(c).certainty == Certainty::NotFound {
                continue;
            }
            placed += 1;
            assert_eq!(
                from_pdf.report.get(c),
                layout.report.get(c),
                "{} {}",
                table.name(),
                t.def(c).name()
            );
        }
    }
    assert_eq!(
        from_pdf.count(Certainty::Uncertain),
        0,
        "{:?}",
        from_pdf.notes
    );
    assert_eq!(placed, cells, "{:?}", from_pdf.notes);
    assert_eq!(from_pdf.report.year, 2024);
    // Every line knows its page and line there, for the review to cite.
    assert_eq!(pdf.places.len(), pdf.text.lines().count());
    assert_eq!(pdf.places.first(), Some(&(1, 1)));
    assert!(pdf.places.iter().any(|p| p.0 > 1));
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

/// A zip of the given (name, content) entries, deflated.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for (name, data) in entries {
        let packed = miniz_oxide::deflate::compress_to_vec(data, 6);
        let at = out.len() as u32;
        let head = |sig: &[u8], central: bool| {
            let mut h = sig.to_vec();
            if central {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes());
            h.extend(0u16.to_le_bytes());
            h.extend(8u16.to_le_bytes());
            h.extend([0u8; 4]);
            h.extend(0u32.to_le_bytes());
            h.extend((packed.len() as u32).to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes());
            if central {
                // Comment length, disk, internal and external attributes.
                h.extend([0u8; 10]);
                h.extend(at.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(head(b"PK\x03\x04", false));
        out.extend(&packed);
        central.extend(head(b"PK\x01\x02", true));
    }
    let cd = out.len() as u32;
    out.extend(&central);
    out.extend(b"PK\x05\x06\0\0\0\0");
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(cd.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

#[test]
fn a_word_file_made_from_the_official_format_reads_cell_for_cell() {
    use nianbao_core::import::read_file;
    let bytes = std::fs::read(format!("{}/filled_2021_format.docx", samples())).unwrap();
    let read = read_file("filled.docx", &bytes, |_, _| None).unwrap();
    let rec = read.recognition.unwrap();
    assert_eq!(
        (rec.recognised, rec.uncertain.len(), rec.not_found),
        (200, 0, 0),
        "{:?}",
        rec.notes
    );
    let r = &read.report;
    assert_eq!(r.template_id(), TemplateId::F2021);
    let t = r.template();
    // 表三: row r, column c holds 10 r + c (the rows in the format's order).
    for (i, c) in t.table_cells(TableId::Requests).enumerate() {
        assert_eq!(
            r.get(c),
            Some((i / 7 * 10 + i % 7) as i64),
            "{}",
            t.def(c).name()
        );
    }
    let t4: Vec<_> = t
        .table_cells(TableId::ReviewLitigation)
        .map(|c| r.get(c).unwrap())
        .collect();
    assert_eq!(t4, [10, 1, 0, 0, 11, 2, 0, 0, 0, 2, 5, 0, 0, 0, 5]);
    assert_eq!(
        r.value(TableId::Proactive, "normativeDocs", "valid"),
        Some(112)
    );
    assert_eq!(
        r.value(TableId::Proactive, "adminFees", "amount"),
        Some(150 * 10_000)
    );
    assert!(rec.notes.iter().any(|n| n.contains("没有找到报告年度")));
    // The blank format: 表二's rows found by their labels, blank; the rows of
    // blanks in 表三 and 表四 say nothing and are not placed (order alone
    // would be all that places them).
    let bytes = std::fs::read(format!("{}/template_2021_format_blank.docx", samples())).unwrap();
    let blank = read_file("blank.docx", &bytes, |_, _| None).unwrap();
    let rec = blank.recognition.unwrap();
    assert_eq!(rec.recognised, 10, "{:?}", rec.notes);
    let t = blank.report.template();
    assert!((0..t.cells.len()).all(|i| blank.report.get(CellId(i as u16)).is_none()));
    assert_eq!(
        blank.report.problems, "（文字描述）",
        "the format's placeholder, as printed"
    );
}

#[test]
fn hostile_word_files_are_refused_in_words() {
    use nianbao_core::import::read_file;
    let refuse = |bytes: &[u8]| read_file("x.docx", bytes, |_, _| None).unwrap_err();
    // A zip bomb: 64 MB of one byte, a few KB packed.
    let bomb = zip_of(&[("word/document.xml", &vec![b'<'; 64 << 20])]);
    assert!(bomb.len() < 200_000);
    assert!(refuse(&bomb).contains("超过 16 MB"), "{}", refuse(&bomb));
    // Not Word (a spreadsheet), cut short, or XML with an entity bomb.
    assert!(refuse(&zip_of(&[("xl/workbook.xml", b"<x/>")])).contains("不是有效的 Word"));
    let good = std::fs::read(format!("{}/filled_2021_format.docx", samples())).unwrap();
    assert!(refuse(&good[..good.len() / 2]).contains("不是有效的 Word"));
    let laughs = b"<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>";
    assert!(refuse(&zip_of(&[("word/document.xml", laughs)])).contains("不是有效的 Word"));
}

/// A4: a Word file nested far deeper than any report, read on a stack as
/// small as a wasm module's share: the walk keeps its own stack, so it reads
/// (or refuses) instead of overflowing — an overflow in the browser traps the
/// module for every later use.
#[test]
fn a4_a_deeply_nested_word_file_does_not_overflow_the_stack() {
    use nianbao_core::import::read_file;
    let depth = 100_000;
    let xml = format!(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{}<w:p><w:r><w:t>一、本年新收政府信息公开申请数量</w:t></w:r></w:p>{}</w:body></w:document>",
        "<w:sdt><w:sdtContent>".repeat(depth),
        "</w:sdtContent></w:sdt>".repeat(depth)
    );
    let bytes = zip_of(&[("word/document.xml", xml.as_bytes())]);
    let read = std::thread::Builder::new()
        .stack_size(64 * 1024)
        .spawn(move || read_file("deep.docx", &bytes, |_, _| None).map(|_| ()))
        .unwrap()
        .join()
        .expect("no stack overflow");
    let e = read.unwrap_err();
    assert!(
        e.contains("没有找到年度报告的统计表格") || e.contains("不是有效的 Word"),
        "{e}"
    );
}

#[test]
fn a_huge_text_is_read_in_time_and_refused() {
    use nianbao_core::import::read_file;
    let start = std::time::Instant::now();
    let mut text = "一、本年新收政府信息公开申请数量".repeat(2);
    text.push_str(&"甲".repeat(8 << 20));
    text.push_str("\n二、上年结转政府信息公开申请数量 1 2\n");
    text.push_str(&"1 ".repeat(1 << 20));
    let e = read_file("big.txt", text.as_bytes(), |_, _| None);
    // A guard against a reader that goes quadratic on 8 MB (hours), not a
    // budget: a debug build beside the other tests on two cores took 22 s.
    assert!(start.elapsed().as_secs() < 90, "{:?}", start.elapsed());
    assert!(e.is_ok() || e.unwrap_err().contains("没有找到"));
}

/// Traditional script, labels annotated by their author, half-width
/// punctuation, `/` and `—` for 0 (spec §13.6): the same cells.
#[test]
fn traditional_script_annotations_and_zero_marks_read_as_the_labels_they_are() {
    let text = "三、收到和處理政府信息公開申請情況\n\
        一、本年新收政府信息公開申請數量 | 12 | / | — | 0 | 1 | 0 | 13 |\n\
        二、上年結轉政府信息公開申請數量(含上年度未办结) | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n\
        三、本年度辦理結果 | (一)予以公開（说明：含主动公开后告知） | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n";
    let r = recognise(text);
    assert_eq!(
        value(&r, TableId::Requests, "newReceived", "natural"),
        Some(12)
    );
    assert_eq!(
        value(&r, TableId::Requests, "newReceived", "commercial"),
        Some(0),
        "/ is 0"
    );
    assert_eq!(
        value(&r, TableId::Requests, "newReceived", "research"),
        Some(0),
        "— is 0"
    );
    assert_eq!(
        value(&r, TableId::Requests, "carriedOver", "total"),
        Some(2)
    );
    assert_eq!(value(&r, TableId::Requests, "granted", "total"), Some(5));
    for row in ["newReceived", "carriedOver", "granted"] {
        assert_eq!(
            certainty(&r, TableId::Requests, row, "natural"),
            Certainty::Recognised,
            "{row}"
        );
    }
    // The rows the text does not have are not found, never filled.
    assert_eq!(
        certainty(&r, TableId::Requests, "partial", "natural"),
        Certainty::NotFound
    );
    assert_eq!(r.count(Certainty::Recognised), 21);
}

#[test]
fn the_review_marks_every_value_cell_and_quotes_its_line_as_text() {
    use nianbao_core::import::published::review_html;
    let text = "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 | <script>alert(1)</script>\n";
    let r = recognise(text);
    let html = review_html(&r, &text.lines().collect::<Vec<_>>(), None);
    assert_eq!(html.matches("class=\"num review-recognised\"").count(), 7);
    assert_eq!(
        html.matches("class=\"num review-notfound\"").count(),
        r.report.template().cells.len() - 7,
        "every other cell"
    );
    assert!(html.contains("原文第 1 行：一、本年新收政府信息公开申请数量 | 3"));
    assert!(!html.contains("<script>"), "source text is escaped");
    assert!(html.contains("&lt;script&gt;"));
    assert_eq!(html.matches("<table").count(), 3);
}

/// Money printed in 元 where the column is in 万元 converts when exact, and
/// the review says so (spec §13.6).
#[test]
fn yuan_printed_in_a_wan_column_converts_exactly_and_says_so() {
    let text = "第二十条第（八）项 |\n信息内容 | 本年收费金额（单位：万元） |\n行政事业性收费 | 251000元 |\n";
    let r = recognise(text);
    assert_eq!(
        value(&r, TableId::Proactive, "adminFees", "amount"),
        Some(251_000)
    );
    assert_eq!(
        certainty(&r, TableId::Proactive, "adminFees", "amount"),
        Certainty::Recognised
    );
    assert!(
        r.notes.iter().any(|n| n.contains("换算为 25.1 万元")),
        "{:?}",
        r.notes
    );
}

#[test]
fn a_report_printed_in_the_other_years_format_is_read_as_printed_and_said() {
    // The 2020 subdistrict report (F2019 tables) titled as a 2021 report.
    let text = sample("2020_subdistrict_dongli.txt").replacen("2020年", "2021年", 1);
    let r = recognise(&text);
    assert_eq!(r.report.year, 2021);
    assert_eq!(r.report.template_id(), TemplateId::F2019);
    assert_eq!(
        value(&r, TableId::Proactive, "licensing", "prevCount"),
        Some(76)
    );
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("2019年版格式") && n.contains("2021 年度")),
        "{:?}",
        r.notes
    );
    let findings = validate(&r.report, &Context::default());
    assert!(findings.iter().any(|f| f.rule == RuleId::Y6));

    // The reverse: the 2023 county report (F2021 tables) titled 2020.
    let text = sample("2023_county_jiangsu_huaian_hongze_govt.txt").replacen(
        "2023 年政府",
        "2020 年政府",
        1,
    );
    let r = recognise(&text);
    assert_eq!(r.report.year, 2020);
    assert_eq!(r.report.template_id(), TemplateId::F2021);
    assert!(
        r.notes.iter().any(|n| n.contains("2021年版格式")),
        "{:?}",
        r.notes
    );
    // The same cells as the report read with its own year.
    let own = recognise(&sample("2023_county_jiangsu_huaian_hongze_govt.txt"));
    let cells = r.report.template().cells.len();
    assert!((0..cells).all(|i| r.report.get(CellId(i as u16)) == own.report.get(CellId(i as u16))));
}

/// Texts the generated-layout property tests once misread, with the cell
/// each misread: now read as printed or left for the user, never wrong.
fn regression(name: &str) -> Recognised {
    let path = format!(
        "{}/tests/fixtures/regressions/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    recognise(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
}

#[test]
fn a_row_whose_numbers_do_not_fit_keeps_its_place_and_shifts_no_row() {
    // 7.属于行政执法案卷 lost a blank cell (6 numbers for 7 columns): the rows
    // after it were once moved up one, and the lost blank read as 0.
    let r = regression("pdf-hole-lost-row.txt");
    let seven = "denied.enforcementFile";
    assert_eq!(
        certainty(&r, TableId::Requests, seven, "publicWelfare"),
        Certainty::NotFound
    );
    assert!(
        r.notes.iter().any(|n| n.contains("一组 6 个数字")),
        "{:?}",
        r.notes
    );
    // 8.属于行政查询事项 is read from its own line, not the lost row's place.
    let eight = cell(&r, TableId::Requests, "denied.adminQuery", "natural");
    assert_eq!(r.source(eight).certainty, Certainty::Recognised);
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/regressions/pdf-hole-lost-row.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let line = r.source(eight).lines.map(|l| l.0).unwrap();
    assert!(text.lines().nth(line).unwrap().starts_with("| 8.属 |"));
}

#[test]
fn a_row_split_in_two_by_run_together_marks_is_counted_as_no_row() {
    // （一）予以公开 printed `/ /4/ // 4`: never given 二、上年结转's numbers.
    let r = regression("run-together-two-holes-one-row.txt");
    for col in ["commercial", "legalService", "total"] {
        let v = value(&r, TableId::Requests, "granted", col);
        assert!(matches!(v, None | Some(0) | Some(4)), "{col}: {v:?}");
    }
}

#[test]
fn a_stray_run_after_the_last_row_takes_no_label_from_it() {
    // Labels after their numbers, and 表四's row (its heading lost) after
    // 表三's last: 一、本年新收 (12 from natural persons) not shifted.
    let r = regression("label-after-stray-run.txt");
    let v = value(&r, TableId::Requests, "newReceived", "natural");
    assert!(matches!(v, None | Some(12)), "{v:?}");
}

#[test]
fn a_row_printed_like_a_page_number_is_not_dropped_silently() {
    // 表二's 行政许可 printed `— 2 —` (a zero, 2, a zero), labels after.
    let r = regression("dash-row-like-page-number.txt");
    let v = value(&r, TableId::Proactive, "licensing", "delta");
    assert!(matches!(v, None | Some(2)), "{v:?}");
    let next = value(&r, TableId::Proactive, "otherServices", "prevCount");
    assert!(matches!(next, None | Some(0)), "{next:?}");
}

#[test]
fn a_label_on_the_next_rows_line_is_not_the_label_after_the_row_before() {
    // Read from a PDF: `| 3.其他 | 0 … |` under `| 开申请 | 0 … |`, then （七）总计
    // not read. 3.其他 names its own line's numbers in both readings, so
    // they are never taken for （七）总计 (printed 12, 3, 4, …).
    let r = regression("pdf-label-before-next-run.txt");
    let total = value(&r, TableId::Requests, "resultTotal", "natural");
    assert!(matches!(total, None | Some(12)), "{total:?}");
    let other = cell(&r, TableId::Requests, "other.other", "natural");
    assert_eq!(r.source(other).certainty, Certainty::Recognised);
    assert_eq!(r.report.get(other), Some(0));
}

#[test]
fn readings_are_weighed_by_the_sums_both_place_not_by_zeros_in_a_shifted_one() {
    // Labels after their numbers; the first rows each lost a blank (holes),
    // and nearly every cell is 0. Read with labels before, every row shifts
    // up one and the zeros keep the sums; read as printed, the holes leave
    // （一） unplaced. （一）予以公开 printed its 商业企业 blank: never read as 0.
    let r = regression("label-after-holes-zeros.txt");
    let v = value(&r, TableId::Requests, "granted", "commercial");
    assert_eq!(v, None);
}

#[test]
fn a_label_on_a_line_of_unreadable_numbers_names_no_other_row() {
    // The PDF reader marked 3.其他's numbers `（？）` (their row unclear): the
    // label on their line is theirs, yet the row before (2.申请人逾期未按…,
    // its label wrapped above it) was read as 3.其他, its zeros placed there.
    let r = regression("pdf-label-on-unread-line-after.txt");
    assert_eq!(value(&r, TableId::Requests, "other.other", "natural"), None);
    assert_eq!(value(&r, TableId::Requests, "other.other", "total"), None);
    // 2.其他法律行政法规禁止公开's numbers (its label split around them) were
    // read as 3.危及“三安全一稳定”, whose own figures are marked unreadable.
    let r = regression("pdf-label-on-unread-line-split-label.txt");
    let danger = "denied.safetyStability";
    assert_eq!(value(&r, TableId::Requests, danger, "legalService"), None);
    assert_eq!(value(&r, TableId::Requests, danger, "total"), None);
    // The same among rows rebuilt with pipes, where a line without pipes was
    // one label: 2.申请人逾期未按…'s zeros were read as 3.其他 (printed blank).
    let r = regression("pdf-label-on-unread-line-among-pipe-rows.txt");
    assert_eq!(value(&r, TableId::Requests, "other.other", "natural"), None);
    assert_eq!(value(&r, TableId::Requests, "other.other", "total"), None);
}
