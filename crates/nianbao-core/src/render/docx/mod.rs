//! The report as a Word file (.docx, Office Open XML), made from the report
//! and the template grid — not from HTML — in the usual layout of government
//! documents (GB/T 9704): A4, margins 37/35/28/26 mm, title 小标宋 二号, body
//! 仿宋_GB2312 三号 at a fixed 28 pt line, 一级标题 黑体 三号, 二级标题 楷体 三号,
//! tables in 五号 (表四's fifteen columns in 小五) with the official merged
//! headers (`gridSpan`, `vMerge`), header rows repeated on each page, rows never
//! split, the signature right-aligned and the page number at the foot. The
//! package's other parts (styles, fonts, footer, settings, relationships, the
//! data part) are in `parts.rs`.

use std::io::Write;

mod parts;

use super::xml::Xml;
use crate::cell::{format_money, format_value};
use crate::json::{to_json_export, ExportCheck};
use crate::report::{Aspect, Field, Report, FEE};
use crate::section::Section;
use crate::template::{GridCell, HeadCell, TableId, Template};
pub use parts::DATA_NS;
use parts::{
    content_types, core_properties, data_part, data_props, font_table, footer, relationships,
    settings, styles, OFFICE_REL,
};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A4 in twips (1/20 pt), and the GB/T 9704 margins: 37 mm top, 35 mm bottom,
/// 28 mm left (the binding side), 26 mm right.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN: [u32; 4] = [2098, 1474, 1984, 1587];
/// The width the text (and every table) has.
pub const TEXT_W: u32 = PAGE_W - MARGIN[1] - MARGIN[3];

/// Fonts: the names Word and WPS know on Chinese Windows, each with the
/// font a machine without it should use instead (`fontTable.xml`).
const TITLE_FONT: &str = "方正小标宋简体";
const BODY_FONT: &str = "仿宋_GB2312";
const HEADING_FONT: &str = "黑体";
const SUBHEADING_FONT: &str = "楷体_GB2312";
const FONTS: [(&str, &str); 4] = [
    (TITLE_FONT, "宋体"),
    (BODY_FONT, "仿宋"),
    (HEADING_FONT, "SimHei"),
    (SUBHEADING_FONT, "楷体"),
];

/// Sizes in half-points: 二号 22 pt, 三号 16 pt, 五号 10.5 pt, 小五 9 pt.
const SIZE_TITLE: &str = "44";
const SIZE_BODY: &str = "32";
const SIZE_TABLE: &str = "21";
const SIZE_TABLE_SMALL: &str = "18";

fn paragraph(x: &mut Xml, style: &str, text: &str) {
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", style)]).close("w:pPr");
    run(x, text, None);
    x.close("w:p");
}

fn run(x: &mut Xml, text: &str, size: Option<&str>) {
    if text.is_empty() {
        return;
    }
    x.open("w:r", &[]);
    if let Some(sz) = size {
        x.open("w:rPr", &[])
            .empty("w:sz", &[("w:val", sz)])
            .empty("w:szCs", &[("w:val", sz)])
            .close("w:rPr");
    }
    // U+000B is how Word itself writes a line break inside a paragraph
    // (Shift+Enter) when text is copied out: it becomes one again.
    for (i, piece) in text.split('\u{b}').enumerate() {
        if i > 0 {
            x.empty("w:br", &[]);
        }
        x.open("w:t", &[("xml:space", "preserve")])
            .text(piece)
            .close("w:t");
    }
    x.close("w:r");
}

/// A text as body paragraphs, one per non-empty line (as the HTML prints it).
fn paragraphs(x: &mut Xml, text: &str) {
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        paragraph(x, "BodyText", line);
    }
}

/// Widths of a table's grid columns: row labels take a share of the width,
/// data columns split the rest evenly.
fn columns(width: u16, label_cols: u16) -> Vec<u32> {
    let (width, label_cols) = (u32::from(width), u32::from(label_cols));
    let labels: Vec<u32> = match label_cols {
        0 => Vec::new(),
        1 => vec![TEXT_W * 32 / 100],
        3 => {
            // 三、本年度办理结果 and （三）不予公开 are narrow rowspans; the
            // item labels (1.属于国家秘密…) get the room.
            let labels = TEXT_W * 48 / 100;
            [13, 27, 60].iter().map(|w| labels * w / 100).collect()
        }
        n => vec![TEXT_W * 40 / 100 / n; n as usize],
    };
    let used: u32 = labels.iter().sum();
    let data = (TEXT_W - used) / (width - label_cols).max(1);
    labels
        .into_iter()
        .chain(std::iter::repeat_n(data, (width - label_cols) as usize))
        .collect()
}

/// One cell as Word has it: its grid span, its vertical merge, its text.
struct Cell {
    span: u16,
    merge: Option<&'static str>,
    text: String,
    head: bool,
}

/// The rows of a table on a full grid: a cell covered by a rowspan above is a
/// `vMerge` continuation with the same grid span, as Word requires.
fn grid(report: &Report, template: &Template, id: TableId) -> (Vec<Vec<Cell>>, usize) {
    let t = template.table(id);
    let width = usize::from(t.width);
    // Per grid column: rows still covered from above, and that cell's span.
    let mut covered: Vec<(u16, u16)> = vec![(0, 0); width];
    let mut rows = Vec::new();
    let head_rows = t.head.len();
    let all: Vec<Vec<GridCell>> = t
        .head
        .iter()
        .map(|r| r.iter().map(|h| GridCell::Head(*h)).collect())
        .chain(t.body.iter().cloned())
        .collect();
    for source in &all {
        let mut out = Vec::new();
        let mut col = 0;
        let mut cells = source.iter();
        let continuation = |col: &mut usize, out: &mut Vec<Cell>, covered: &mut Vec<(u16, u16)>| {
            while *col < width && covered[*col].0 > 0 {
                let span = covered[*col].1;
                covered[*col].0 -= 1;
                out.push(Cell {
                    span,
                    merge: Some("continue"),
                    text: String::new(),
                    head: false,
                });
                *col += usize::from(span.max(1));
            }
        };
        loop {
            continuation(&mut col, &mut out, &mut covered);
            let Some(cell) = cells.next() else { break };
            let (span, rowspan, text, head) = match cell {
                GridCell::Head(HeadCell {
                    text,
                    rowspan,
                    colspan,
                    ..
                }) => (*colspan, *rowspan, (*text).to_owned(), true),
                GridCell::Data { cell, colspan } => {
                    let def = template.def(*cell);
                    let text = report
                        .get(*cell)
                        .map(|v| format_value(v, def.kind))
                        .unwrap_or_default();
                    (*colspan, 1, text, false)
                }
            };
            if rowspan > 1 && col < width {
                covered[col] = (rowspan - 1, span);
            }
            out.push(Cell {
                span,
                merge: (rowspan > 1).then_some("restart"),
                text,
                head,
            });
            col += usize::from(span.max(1));
        }
        rows.push(out);
    }
    (rows, head_rows)
}

fn table(x: &mut Xml, report: &Report, id: TableId) {
    let template = report.template();
    let t = template.table(id);
    let widths = columns(t.width, t.label_cols);
    let size = if t.width > 10 {
        SIZE_TABLE_SMALL
    } else {
        SIZE_TABLE
    };
    let (rows, head_rows) = grid(report, template, id);
    table_open(x, &widths);
    for (i, row) in rows.iter().enumerate() {
        x.open("w:tr", &[])
            .open("w:trPr", &[])
            .empty("w:cantSplit", &[]);
        if i < head_rows {
            x.empty("w:tblHeader", &[]);
        }
        x.close("w:trPr");
        let mut col = 0usize;
        for cell in row {
            let span = usize::from(cell.span.max(1));
            let w: u32 = widths[col.min(widths.len())..(col + span).min(widths.len())]
                .iter()
                .sum();
            col += span;
            table_cell(x, w, cell, size);
        }
        x.close("w:tr");
    }
    x.close("w:tbl");
}

fn table_open(x: &mut Xml, widths: &[u32]) {
    let total: u32 = widths.iter().sum();
    x.open("w:tbl", &[]).open("w:tblPr", &[]);
    x.empty("w:tblStyle", &[("w:val", "ReportTable")])
        .empty("w:tblW", &[("w:w", &total.to_string()), ("w:type", "dxa")])
        .empty("w:jc", &[("w:val", "center")])
        .empty("w:tblLayout", &[("w:type", "fixed")]);
    x.close("w:tblPr").open("w:tblGrid", &[]);
    for w in widths {
        x.empty("w:gridCol", &[("w:w", &w.to_string())]);
    }
    x.close("w:tblGrid");
}

fn table_cell(x: &mut Xml, width: u32, cell: &Cell, size: &str) {
    x.open("w:tc", &[]).open("w:tcPr", &[]);
    x.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
    if cell.span > 1 {
        x.empty("w:gridSpan", &[("w:val", &cell.span.to_string())]);
    }
    match cell.merge {
        Some("restart") => {
            x.empty("w:vMerge", &[("w:val", "restart")]);
        }
        Some(_) => {
            x.empty("w:vMerge", &[]);
        }
        None => {}
    }
    x.empty("w:vAlign", &[("w:val", "center")]).close("w:tcPr");
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", "TableText")]);
    if !cell.head {
        x.empty("w:jc", &[("w:val", "center")]);
    }
    x.close("w:pPr");
    run(x, &cell.text, Some(size));
    x.close("w:p").close("w:tc");
}

/// Section 六's 信息处理费 figures, as the HTML prints them.
fn info_fee(x: &mut Xml, report: &Report) {
    let fee = report.other.fee;
    if !report.template_id().has_info_fee()
        || (fee.notices.is_none() && fee.billed.is_none() && fee.collected.is_none())
    {
        return;
    }
    let show = |v: Option<i64>| v.map(format_money).unwrap_or_default();
    let head: Vec<String> = [Field::FeeNotices, Field::FeeBilled, Field::FeeCollected]
        .iter()
        .map(|f| {
            let prefix = if *f == Field::FeeNotices { FEE } else { "" };
            format!("{prefix}{}", f.fee_label().unwrap_or_default())
        })
        .collect();
    let values = [
        fee.notices.map(|n| n.to_string()).unwrap_or_default(),
        show(fee.billed),
        show(fee.collected),
    ];
    let widths = [TEXT_W / 3; 3];
    table_open(x, &widths);
    for (i, row) in [head, values.to_vec()].iter().enumerate() {
        x.open("w:tr", &[])
            .open("w:trPr", &[])
            .empty("w:cantSplit", &[]);
        if i == 0 {
            x.empty("w:tblHeader", &[]);
        }
        x.close("w:trPr");
        for text in row {
            let cell = Cell {
                span: 1,
                merge: None,
                text: text.clone(),
                head: i == 0,
            };
            table_cell(x, widths[0], &cell, SIZE_TABLE);
        }
        x.close("w:tr");
    }
    x.close("w:tbl");
}

fn document(report: &Report) -> String {
    let mut x = Xml::part();
    x.open("w:document", &[("xmlns:w", W), ("xmlns:r", R)])
        .open("w:body", &[]);
    paragraph(&mut x, "Title", &report.title());
    for section in Section::ALL {
        paragraph(&mut x, "Heading1", section.heading());
        match section {
            Section::Overview => {
                let o = &report.overview;
                paragraphs(&mut x, &o.text);
                for aspect in Aspect::ALL {
                    let text = &o.aspects[aspect.index()];
                    if !text.trim().is_empty() {
                        paragraph(&mut x, "Heading2", aspect.title());
                        paragraphs(&mut x, text);
                    }
                }
                for part in &o.parts {
                    if !part.title.trim().is_empty() {
                        paragraph(&mut x, "Heading2", part.title.trim());
                    }
                    paragraphs(&mut x, &part.text);
                }
            }
            Section::Proactive => table(&mut x, report, TableId::Proactive),
            Section::Requests => table(&mut x, report, TableId::Requests),
            Section::ReviewLitigation => table(&mut x, report, TableId::ReviewLitigation),
            Section::Problems => paragraphs(&mut x, &report.problems),
            Section::Other => {
                paragraphs(&mut x, &report.other.text);
                info_fee(&mut x, report);
            }
        }
    }
    // The signature: a blank line, then the agency and the date, right-aligned.
    paragraph(&mut x, "BodyText", "");
    paragraph(&mut x, "Signature", report.agency.name.trim());
    if let Some(d) = report.signed_date {
        paragraph(&mut x, "Signature", &d.chinese());
    }
    let [top, right, bottom, left] = MARGIN.map(|m| m.to_string());
    x.open("w:sectPr", &[])
        .empty(
            "w:footerReference",
            &[("w:type", "default"), ("r:id", "rIdFooter")],
        )
        .empty(
            "w:pgSz",
            &[("w:w", &PAGE_W.to_string()), ("w:h", &PAGE_H.to_string())],
        )
        .empty(
            "w:pgMar",
            &[
                ("w:top", &top),
                ("w:right", &right),
                ("w:bottom", &bottom),
                ("w:left", &left),
                ("w:header", "851"),
                ("w:footer", "992"),
                ("w:gutter", "0"),
            ],
        )
        .close("w:sectPr");
    x.close("w:body").close("w:document");
    x.finish()
}

/// The parts of the package, by name, in the order they are zipped.
pub fn docx_parts(report: &Report, check: ExportCheck) -> Vec<(&'static str, String)> {
    vec![
        ("[Content_Types].xml", content_types()),
        (
            "_rels/.rels",
            relationships(&[
                ("rId1", &format!("{OFFICE_REL}/officeDocument"), "word/document.xml"),
                (
                    "rId2",
                    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                    "docProps/core.xml",
                ),
            ]),
        ),
        ("docProps/core.xml", core_properties(report, check)),
        ("word/document.xml", document(report)),
        ("word/styles.xml", styles()),
        ("word/fontTable.xml", font_table()),
        ("word/settings.xml", settings()),
        ("word/footer1.xml", footer()),
        (
            "word/_rels/document.xml.rels",
            relationships(&[
                ("rIdStyles", &format!("{OFFICE_REL}/styles"), "styles.xml"),
                ("rIdFonts", &format!("{OFFICE_REL}/fontTable"), "fontTable.xml"),
                ("rIdSettings", &format!("{OFFICE_REL}/settings"), "settings.xml"),
                ("rIdFooter", &format!("{OFFICE_REL}/footer"), "footer1.xml"),
                ("rIdData", &format!("{OFFICE_REL}/customXml"), "../customXml/item1.xml"),
            ]),
        ),
        ("customXml/item1.xml", data_part(report, check)),
        ("customXml/itemProps1.xml", data_props()),
        (
            "customXml/_rels/item1.xml.rels",
            relationships(&[(
                "rIdProps",
                &format!("{OFFICE_REL}/customXmlProps"),
                "itemProps1.xml",
            )]),
        ),
    ]
}

/// The report as a .docx file's bytes, carrying its data and the
/// export-stage counts.
pub fn render_docx(report: &Report, check: ExportCheck) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in docx_parts(report, check) {
        // Writing into memory cannot fail.
        let _ = zip.start_file(name, options);
        let _ = zip.write_all(text.as_bytes());
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}
