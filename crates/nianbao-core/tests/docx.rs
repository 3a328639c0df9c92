//! The Word export: a valid package (content types, relationships, the
//! document part), every table cell's value and span against the template
//! grid in both formats, hostile text kept as text, and a round trip through
//! the .docx importer back to the same report.

use std::io::Read;

use nianbao_core::import::read_file;
use nianbao_core::json::{from_json, ExportCheck};
use nianbao_core::render::{docx_parts, render_docx};
use nianbao_core::report::Report;
use nianbao_core::template::{CellId, GridCell, TableId};

const CHECK: ExportCheck = ExportCheck {
    errors: 2,
    warnings: 3,
    explained: 1,
};

fn fixture(name: &str) -> Report {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every part of the zip, by name.
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            (f.name().to_owned(), s)
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    &parts
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name}"))
        .1
}

#[test]
fn the_package_has_its_parts_and_every_relationship_resolves() {
    let r = fixture("base-f2021.json");
    let parts = unzip(&render_docx(&r, CHECK));
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[0], "[Content_Types].xml", "content types first");
    for (name, text) in &parts {
        roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    // Every override names a part that exists; every relationship's target too.
    let types = roxmltree::Document::parse(part(&parts, "[Content_Types].xml")).unwrap();
    for o in types.descendants().filter(|n| n.has_tag_name("Override")) {
        let p = o.attribute("PartName").unwrap().trim_start_matches('/');
        assert!(names.contains(&p), "override for missing {p}");
    }
    for (rels, base) in [
        ("_rels/.rels", ""),
        ("word/_rels/document.xml.rels", "word/"),
        ("customXml/_rels/item1.xml.rels", "customXml/"),
    ] {
        let doc = roxmltree::Document::parse(part(&parts, rels)).unwrap();
        for rel in doc.descendants().filter(|n| n.has_tag_name("Relationship")) {
            let target = rel.attribute("Target").unwrap();
            // `../x` from word/ is x at the root.
            let target = match target.strip_prefix("../") {
                Some(up) => up.to_owned(),
                None => format!("{base}{target}"),
            };
            assert!(
                names.contains(&target.as_str()),
                "{rels} → missing {target}"
            );
        }
    }
    let doc = part(&parts, "word/document.xml");
    assert!(doc.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4");
    assert!(doc.contains("w:footerReference"));
    assert!(part(&parts, "word/footer1.xml").contains(" PAGE "));
    assert!(part(&parts, "docProps/core.xml").contains(&r.title()));
}

/// The tables of the document part as (text, gridSpan, vMerge) per cell.
type Row = Vec<(String, u16, Option<String>)>;

fn word_tables(xml: &str) -> Vec<Vec<Row>> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("tbl"))
        .map(|t| {
            t.children()
                .filter(|n| n.has_tag_name("tr"))
                .map(|tr| {
                    tr.children()
                        .filter(|n| n.has_tag_name("tc"))
                        .map(|tc| {
                            let text: String = tc
                                .descendants()
                                .filter(|n| n.has_tag_name("t"))
                                .filter_map(|n| n.text())
                                .collect();
                            let attr = |tag: &str| {
                                tc.descendants().find(|n| n.has_tag_name(tag)).map(|n| {
                                    n.attributes()
                                        .find(|a| a.name() == "val")
                                        .map_or_else(String::new, |a| a.value().to_owned())
                                })
                            };
                            let span = attr("gridSpan").and_then(|v| v.parse().ok()).unwrap_or(1);
                            (text, span, attr("vMerge"))
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

#[test]
fn every_cell_and_merge_follows_the_grid_in_both_formats() {
    for name in ["base-f2021.json", "base-f2019.json"] {
        let r = fixture(name);
        let t = r.template();
        let tables = word_tables(
            &docx_parts(&r, CHECK)
                .into_iter()
                .find(|(n, _)| *n == "word/document.xml")
                .unwrap()
                .1,
        );
        for (k, id) in [
            TableId::Proactive,
            TableId::Requests,
            TableId::ReviewLitigation,
        ]
        .into_iter()
        .enumerate()
        {
            let grid = t.table(id);
            let rows = &tables[k];
            assert_eq!(
                rows.len(),
                grid.head.len() + grid.body.len(),
                "{name} {id:?} rows"
            );
            // Each row covers the grid's full width.
            for row in rows {
                assert_eq!(
                    row.iter().map(|c| c.1).sum::<u16>(),
                    grid.width,
                    "{name} {id:?} {row:?}"
                );
            }
            // The cells that are not continuations are the grid's, in order, with
            // their spans and the report's values.
            let word: Vec<&(String, u16, Option<String>)> = rows
                .iter()
                .flatten()
                .filter(|c| c.2.as_deref() != Some(""))
                .collect();
            let mut want: Vec<(String, u16, bool)> = Vec::new();
            for h in grid.head.iter().flatten() {
                want.push((h.text.to_owned(), h.colspan, h.rowspan > 1));
            }
            for cell in grid.body.iter().flatten() {
                match cell {
                    GridCell::Head(h) => want.push((h.text.to_owned(), h.colspan, h.rowspan > 1)),
                    GridCell::Data { cell, colspan } => {
                        let def = t.def(*cell);
                        let text = r
                            .get(*cell)
                            .map(|v| nianbao_core::cell::format_value(v, def.kind))
                            .unwrap_or_default();
                        want.push((text, *colspan, false));
                    }
                }
            }
            assert_eq!(word.len(), want.len(), "{name} {id:?} cells");
            for (w, (text, span, restart)) in word.iter().zip(&want) {
                assert_eq!((&w.0, w.1), (text, *span), "{name} {id:?}");
                assert_eq!(
                    w.2.as_deref() == Some("restart"),
                    *restart,
                    "{name} {id:?} {text}"
                );
            }
            // Continuations: as many as the rowspans imply.
            let continued = rows
                .iter()
                .flatten()
                .filter(|c| c.2.as_deref() == Some(""))
                .count();
            let implied: usize = grid
                .head
                .iter()
                .flatten()
                .copied()
                .chain(grid.body.iter().flatten().filter_map(|c| match c {
                    GridCell::Head(h) => Some(*h),
                    GridCell::Data { .. } => None,
                }))
                .map(|h| usize::from(h.rowspan) - 1)
                .sum();
            assert_eq!(continued, implied, "{name} {id:?} continuations");
        }
    }
}

/// The parts of a package zipped again, less those `drop` names (a program
/// that does not keep custom XML), with `edit` applied to the document.
fn rezip(bytes: &[u8], drop: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in unzip(bytes) {
        if !drop.is_empty() && name.starts_with(drop) {
            continue;
        }
        let text = if name == "word/document.xml" {
            edit(&text)
        } else {
            text
        };
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A14: a Word file this app exported reads back to exactly the report that
/// was exported — aspects, fee figures, 机关类型, 所在地区, reasons, a Word line
/// break (U+000B) — and it records the export-stage counts (F6).
#[test]
fn a14_the_importer_reads_the_exported_file_back_to_the_same_report() {
    for name in ["base-f2021.json", "base-f2019.json"] {
        let mut r = fixture(name);
        r.overview.text = format!("{}\u{b}第二行", r.overview.text);
        r.agency.region = "某省某市".to_owned();
        let bytes = render_docx(&r, CHECK);
        let read = read_file("report.docx", &bytes, |_, _| None).unwrap();
        assert_eq!(read.report, r, "{name}");
        assert!(read.differences.is_empty(), "{:?}", read.differences);
        assert!(read.note.unwrap().contains("本工具导出"));
        let data = nianbao_core::import::docx::docx_data(&bytes).unwrap();
        let v: serde_json::Value = serde_json::from_str(&data).unwrap();
        assert_eq!(
            v["exportCheck"]["errors"], 2,
            "{name}: the counts are in the file"
        );
        assert_eq!(v["exportCheck"]["explained"], 1);
    }
}

/// The counts are also in the document properties, where Word and WPS show
/// them (备注) and any reader of the package finds them without this app.
#[test]
fn the_export_stage_counts_are_in_the_document_properties() {
    let r = fixture("base-f2021.json");
    let parts = docx_parts(&r, CHECK);
    let core = &parts
        .iter()
        .find(|(n, _)| *n == "docProps/core.xml")
        .unwrap()
        .1;
    assert!(
        core.contains("<dc:description>导出前检查：2 个错误，3 个提示（其中 1 个已说明原因）。</dc:description>"),
        "{core}"
    );
    let clean = ExportCheck {
        errors: 0,
        warnings: 0,
        explained: 0,
    };
    assert_eq!(clean.words(), "导出前检查：没有发现问题。");
}

/// Without its data part (a program that drops custom XML), the file is read
/// as a published report: every cell of the tables the same.
#[test]
fn without_its_data_the_tables_are_recognised_cell_for_cell() {
    for name in ["base-f2021.json", "base-f2019.json"] {
        let r = fixture(name);
        let bytes = rezip(&render_docx(&r, CHECK), "customXml/", |d| d.to_owned());
        let read = read_file("report.docx", &bytes, |_, _| None).unwrap();
        let rec = read.recognition.expect("read as a published report");
        assert_eq!(
            (rec.uncertain.len(), rec.not_found),
            (0, 0),
            "{name}: {:?}",
            rec.notes
        );
        let back = &read.report;
        assert_eq!(back.template_id(), r.template_id());
        assert_eq!(back.year, r.year);
        assert_eq!(back.agency.name, r.agency.name);
        assert_eq!(back.signed_date, r.signed_date);
        for i in 0..r.template().cells.len() {
            let c = CellId(i as u16);
            assert_eq!(
                back.get(c),
                r.get(c),
                "{name}: {}",
                r.template().def(c).name()
            );
        }
        assert_eq!(back.problems, r.problems, "{name}");
    }
}

/// A cell changed by hand in Word: the data is read, and the change named.
#[test]
fn a_table_edited_in_word_is_named_cell_by_cell() {
    let mut r = fixture("base-f2021.json");
    let t = r.template();
    let cell = t.cell(TableId::Requests, "newReceived", "natural").unwrap();
    r.set(cell, Some(4321));
    let bytes = rezip(&render_docx(&r, CHECK), "", |d| {
        d.replacen(">4321<", ">4322<", 1)
    });
    let read = read_file("edited.docx", &bytes, |_, _| None).unwrap();
    assert_eq!(
        read.report.get(cell),
        Some(4321),
        "the data is what was exported"
    );
    assert_eq!(read.differences.len(), 1, "{:?}", read.differences);
    assert!(
        read.differences[0].contains("表格中显示 4322，嵌入的数据为 4321"),
        "{:?}",
        read.differences
    );
}

#[test]
fn hostile_text_stays_text_in_the_xml() {
    let corpus: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/tests/fixtures/xss-corpus.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .unwrap();
    let payloads: Vec<String> = corpus
        .as_array()
        .or_else(|| corpus["payloads"].as_array())
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    assert!(payloads.len() > 10);
    let mut r = fixture("base-f2021.json");
    let all = payloads.join("\n");
    r.agency.name = payloads[0].clone();
    r.overview.text = all.clone();
    r.problems = all.clone();
    r.other.text = format!("{all}\u{0}\u{1}\u{1b}控制字符");
    for (name, text) in docx_parts(&r, CHECK) {
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        // No element or attribute a payload could have made: only Word's own.
        for n in doc.descendants().filter(|n| n.is_element()) {
            let ns = n.tag_name().namespace().unwrap_or("");
            assert!(
                ns.starts_with("http://schemas.openxmlformats.org/")
                    || ns.starts_with("http://purl.org/dc/")
                    || (name == "customXml/item1.xml"
                        && ns == nianbao_core::render::DATA_NS
                        && n == doc.root_element()),
                "{name}: foreign element {:?}",
                n.tag_name()
            );
        }
    }
    // The text itself is all there, as text.
    let doc = docx_parts(&r, CHECK)
        .into_iter()
        .find(|(n, _)| *n == "word/document.xml")
        .unwrap()
        .1;
    let parsed = roxmltree::Document::parse(&doc).unwrap();
    let text: String = parsed
        .descendants()
        .filter(|n| n.has_tag_name("t"))
        .filter_map(|n| n.text())
        .collect();
    for p in payloads.iter().filter(|p| !p.trim().is_empty()) {
        let line = p.lines().map(str::trim).find(|l| !l.is_empty()).unwrap();
        let kept: String = line.chars().filter(|c| !c.is_control()).collect();
        assert!(text.contains(&kept), "lost: {p}");
    }
    assert!(text.contains("控制字符"));
}
