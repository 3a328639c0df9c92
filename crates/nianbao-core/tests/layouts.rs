//! Published reports the recognition has never seen, generated: random
//! valid reports of both formats printed in every shape published tables take
//! (spec §13) — a row per line with pipes, a cell per line with pipes, a lone
//! `|` between cells, a cell per line with blank lines, a PDF's text with
//! labels wrapped or apart from their numbers, a web page, header rows of bare
//! pipes, page footers, Traditional script, annotated labels, zeros printed as
//! 0 / — / / / 无, separators in large figures, a preamble naming table words,
//! a sentence citing another year's report. The property: **no cell marked
//! 已识别 ever differs from the generated report**, and no cell is marked 需核对
//! without a printed value. `LAYOUT_CASES` sets the texts (default 2,000;
//! `scripts/fuzz-readers.sh` runs 100,000) and the recall per shape is printed.

use std::collections::BTreeMap;

use nianbao_core::cell::{format_value, CellKind};
use nianbao_core::import::page::page_text;
use nianbao_core::import::published::{recognise, Certainty};
use nianbao_core::render::render_html;
use nianbao_core::report::Report;
use nianbao_core::section::Section;
use nianbao_core::template::{CellId, GridCell, HeadCell, TableId, Template};

mod valid;
use valid::{report, Rng};

/// The ways a table comes out of a page, a Word file or a PDF as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Shape {
    /// `| label | 1 | 2 |` per row (a web page or Word table flattened).
    PipeRow,
    /// `1 |` per line, rows ending `||`.
    PipeCell,
    /// A cell per line, a line holding only `|` between cells.
    LonePipe,
    /// A cell per line, blank lines between (blank cells lost).
    CellPerLine,
    /// A PDF's text: a row's label and numbers on one line, blanks lost,
    /// long labels wrapped onto the next line.
    PdfText,
    /// A PDF's text with labels and numbers on separate lines.
    PdfApart,
    /// A PDF's text with a row's label after its numbers.
    PdfLabelAfter,
    /// A PDF's text with some of a row's numbers run together (`003`).
    PdfRunTogether,
    /// A PDF read column by column: every row's label, then every row's
    /// numbers.
    PdfColumns,
    /// The table as a web page (HTML), read by the page reader.
    WebPage,
}

const SHAPES: [Shape; 10] = [
    Shape::PdfColumns,
    Shape::PipeRow,
    Shape::PipeCell,
    Shape::LonePipe,
    Shape::CellPerLine,
    Shape::PdfText,
    Shape::PdfApart,
    Shape::PdfLabelAfter,
    Shape::PdfRunTogether,
    Shape::WebPage,
];

/// How a printed page varies besides its shape.
struct Style {
    zero: &'static str,
    separators: bool,
    traditional: bool,
    annotate: bool,
    footers: bool,
}

fn traditional(s: &str) -> String {
    const MAP: &[(char, char)] = &[
        ('开', '開'),
        ('请', '請'),
        ('数', '數'),
        ('处', '處'),
        ('机', '機'),
        ('关', '關'),
        ('诉', '訴'),
        ('议', '議'),
        ('复', '複'),
        ('结', '結'),
        ('转', '轉'),
        ('维', '維'),
        ('纠', '糾'),
        ('审', '審'),
        ('总', '總'),
        ('计', '計'),
        ('无', '無'),
        ('项', '項'),
        ('规', '規'),
        ('发', '發'),
        ('废', '廢'),
        ('现', '現'),
        ('条', '條'),
        ('许', '許'),
        ('罚', '罰'),
        ('费', '費'),
        ('业', '業'),
        ('组', '組'),
        ('织', '織'),
        ('构', '構'),
        ('务', '務'),
        ('权', '權'),
        ('护', '護'),
        ('过', '過'),
        ('执', '執'),
        ('询', '詢'),
        ('补', '補'),
        ('确', '確'),
        ('认', '認'),
        ('报', '報'),
        ('访', '訪'),
        ('举', '舉'),
    ];
    s.chars()
        .map(|c| MAP.iter().find(|(a, _)| *a == c).map_or(c, |(_, b)| *b))
        .collect()
}

fn print_value(v: Option<i64>, kind: CellKind, style: &Style) -> String {
    if !matches!(
        kind,
        CellKind::Count | CellKind::SignedCount | CellKind::Total
    ) {
        return v.map(|v| format_value(v, kind)).unwrap_or_default();
    }
    match v {
        None => String::new(),
        Some(0) => style.zero.to_owned(),
        Some(n) if style.separators && n >= 1000 => {
            let s = n.to_string();
            let (a, b) = s.split_at(s.len() - 3);
            format!("{a},{b}")
        }
        Some(n) => n.to_string(),
    }
}

fn print_label(h: &HeadCell, style: &Style, rng: &mut Rng) -> String {
    let mut t = h.text.to_owned();
    if style.annotate && t.chars().count() > 6 && rng.chance(15) {
        t.push_str("（说明：含上年度未办结的申请）");
    }
    if style.traditional {
        t = traditional(&t);
    }
    t
}

/// One table printed as grid rows of cell texts (a merged cell once, where
/// it starts, as a page prints it).
fn grid_rows(
    t: &Template,
    table: TableId,
    r: &Report,
    style: &Style,
    rng: &mut Rng,
) -> Vec<Vec<(String, bool)>> {
    let g = t.table(table);
    let mut out = Vec::new();
    for row in &g.head {
        out.push(
            row.iter()
                .map(|h| (print_label(h, style, rng), false))
                .collect(),
        );
    }
    for row in &g.body {
        out.push(
            row.iter()
                .map(|c| match c {
                    GridCell::Head(h) => (print_label(h, style, rng), false),
                    GridCell::Data { cell, .. } => {
                        (print_value(r.get(*cell), t.def(*cell).kind, style), true)
                    }
                })
                .collect(),
        );
    }
    out
}

/// A table in a shape, as lines.
fn print_table(
    t: &Template,
    table: TableId,
    r: &Report,
    shape: Shape,
    style: &Style,
    rng: &mut Rng,
) -> Vec<String> {
    let mut rows = grid_rows(t, table, r, style, rng);
    // Merged header cells copied as bare pipes: the header rows empty.
    let heads = t.table(table).head.len();
    if rng.chance(20) {
        for row in rows.iter_mut().take(heads) {
            for (c, _) in row.iter_mut() {
                c.clear();
            }
        }
    }
    let single_pipe = rng.chance(50);
    let mut out: Vec<String> = Vec::new();
    if shape == Shape::PdfColumns {
        let labels: Vec<String> = rows
            .iter()
            .map(|row| {
                row.iter()
                    .filter(|(c, v)| !v && !c.is_empty())
                    .map(|(c, _)| c.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|l| !l.is_empty())
            .collect();
        let values: Vec<String> = rows
            .iter()
            .map(|row| {
                row.iter()
                    .filter(|(c, v)| *v && !c.is_empty())
                    .map(|(c, _)| c.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|l| !l.is_empty())
            .collect();
        out.extend(labels);
        out.extend(values);
        return out;
    }
    let footer = |out: &mut Vec<String>, rng: &mut Rng| {
        if style.footers && rng.chance(8) {
            let n = 2 + rng.below(5);
            out.push(match rng.below(3) {
                0 => format!("- {n} -"),
                1 => format!("— {n} —"),
                _ => format!("第 {n} 页"),
            });
        }
    };
    for row in rows {
        let all_blank = row.iter().all(|(c, _)| c.is_empty());
        match shape {
            Shape::PipeRow | Shape::WebPage => {
                let cells: Vec<&str> = row.iter().map(|(c, _)| c.as_str()).collect();
                out.push(format!("| {} |", cells.join(" | ")));
            }
            Shape::PipeCell => {
                for (c, _) in &row {
                    out.push(format!("{c} |"));
                }
                out.push("||".to_owned());
            }
            Shape::LonePipe => {
                // Between rows one pipe, or two (one ending the row, one
                // starting the next).
                if !single_pipe || out.is_empty() {
                    out.push("|".to_owned());
                }
                for (k, (c, _)) in row.iter().enumerate() {
                    if k > 0 {
                        out.push("|".to_owned());
                    }
                    out.push(c.clone());
                }
                out.push("|".to_owned());
            }
            Shape::CellPerLine => {
                for (c, _) in &row {
                    out.push(c.clone());
                    out.push(String::new());
                }
            }
            Shape::PdfText
            | Shape::PdfApart
            | Shape::PdfLabelAfter
            | Shape::PdfRunTogether
            | Shape::PdfColumns => {
                if all_blank {
                    continue;
                }
                let labels: Vec<&str> = row
                    .iter()
                    .filter(|(c, v)| !v && !c.is_empty())
                    .map(|(c, _)| c.as_str())
                    .collect();
                let values: Vec<&str> = row
                    .iter()
                    .filter(|(c, v)| *v && !c.is_empty())
                    .map(|(c, _)| c.as_str())
                    .collect();
                let label = labels.join(" ");
                if shape == Shape::PdfRunTogether && values.len() > 1 && rng.chance(60) {
                    // Some neighbours with nothing between them.
                    let mut joined = String::new();
                    for (k, v) in values.iter().enumerate() {
                        if k > 0 && (rng.chance(50) || v.contains(',')) {
                            joined.push(' ');
                        }
                        joined.push_str(v);
                    }
                    out.push(format!("{label}{joined}"));
                } else if shape == Shape::PdfLabelAfter && !values.is_empty() {
                    out.push(values.join(" "));
                    if !label.is_empty() {
                        out.push(label);
                    }
                } else if shape == Shape::PdfApart || values.is_empty() {
                    if !label.is_empty() {
                        out.push(label);
                    }
                    if !values.is_empty() {
                        out.push(values.join(" "));
                    }
                } else {
                    // A long label wraps: its end goes on the next line.
                    let chars: Vec<char> = label.chars().collect();
                    if chars.len() > 14 && rng.chance(50) {
                        let cut = 10 + rng.below(4) as usize;
                        let (a, b): (String, String) =
                            (chars[..cut].iter().collect(), chars[cut..].iter().collect());
                        out.push(format!("{a} {}", values.join(" ")));
                        out.push(b);
                    } else {
                        out.push(format!("{label} {}", values.join(" ")));
                    }
                }
            }
        }
        footer(&mut out, rng);
    }
    out
}

/// The whole report as text, in a shape.
fn print(r: &Report, shape: Shape, rng: &mut Rng) -> String {
    let style = Style {
        zero: ["0", "0", "0", "—", "/", "无"][rng.below(6) as usize],
        separators: rng.chance(30),
        traditional: rng.chance(10),
        annotate: rng.chance(20),
        footers: rng.chance(30),
    };
    let t = r.template();
    let mut out: Vec<String> = Vec::new();
    if rng.chance(30) {
        // A sentence citing another year's report, before the title.
        out.push(format!(
            "根据《{}年政府信息公开工作年度报告》的格式要求编制。",
            r.year - 1
        ));
    }
    out.push(format!(
        "{}{}年政府信息公开工作年度报告",
        r.agency.name, r.year
    ));
    // Some copies lose the section headings.
    let headings = !rng.chance(10);
    for s in Section::ALL {
        if headings || s == Section::Overview {
            out.push(s.heading().to_owned());
        }
        match s {
            Section::Overview => {
                out.push(format!(
                    "{}年，本机关依法做好主动公开和依申请公开工作，办理行政复议、行政诉讼相关事项。",
                    r.year
                ));
            }
            Section::Proactive => {
                out.extend(print_table(t, TableId::Proactive, r, shape, &style, rng))
            }
            Section::Requests => {
                out.extend(print_table(t, TableId::Requests, r, shape, &style, rng))
            }
            Section::ReviewLitigation => out.extend(print_table(
                t,
                TableId::ReviewLitigation,
                r,
                shape,
                &style,
                rng,
            )),
            Section::Problems => out.push("存在的主要问题是公开的及时性有待提高。".to_owned()),
            Section::Other => out.push("本年度未收取信息处理费。".to_owned()),
        }
    }
    if shape == Shape::WebPage {
        // The report as this app publishes it, read by the page reader.
        return page_text(&render_html(r)).unwrap().text;
    }
    out.join("\n")
}

#[derive(Default)]
struct Tally {
    texts: usize,
    printed: usize,
    recognised: usize,
    uncertain: usize,
    misplaced: usize,
    needless: usize,
    /// The first failure: what, and the text.
    first: Option<String>,
}

#[test]
fn no_recognised_cell_ever_differs_from_the_generated_report() {
    let cases: usize = std::env::var("LAYOUT_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let mut rng = Rng(0x1a70_7ace_5eed_0028);
    let mut tally: BTreeMap<Shape, Tally> = BTreeMap::new();
    for case in 0..cases {
        let truth = report(&mut rng);
        let shape = SHAPES[case % SHAPES.len()];
        let text = print(&truth, shape, &mut rng);
        let r = recognise(&text);
        let t = truth.template();
        if std::env::var("LAYOUT_DEBUG")
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
            == Some(case)
        {
            eprintln!("notes: {:#?}", r.notes);
            valid::dump_placements(&r, &truth);
        }
        let tl = tally.entry(shape).or_default();
        tl.texts += 1;
        let fail = |tl: &mut Tally, what: String| {
            if tl.first.is_none() {
                tl.first = Some(format!("case {case} ({shape:?}): {what}\n{text}"));
            }
        };
        if r.report.template_id() != truth.template_id() {
            // Read in the other format: no cell may then be claimed.
            if r.count(Certainty::Recognised) > 0 {
                tl.misplaced += 1;
                fail(tl, "read in the other format".into());
            }
            continue;
        }
        if r.report.year != truth.year {
            tl.misplaced += 1;
            fail(tl, format!("year {} for {}", r.report.year, truth.year));
        }
        for i in 0..t.cells.len() {
            let c = CellId(i as u16);
            let def = t.def(c);
            if def.kind == CellKind::NotApplicable {
                continue;
            }
            let printed = truth.get(c);
            tl.printed += usize::from(printed.is_some());
            match r.source(c).certainty {
                Certainty::Recognised => {
                    tl.recognised += usize::from(printed.is_some());
                    if r.report.get(c) != printed {
                        tl.misplaced += 1;
                        fail(
                            tl,
                            format!(
                                "{} {} read {:?}, printed {printed:?}",
                                def.table.name(),
                                def.name(),
                                r.report.get(c)
                            ),
                        );
                    }
                }
                Certainty::Uncertain => {
                    tl.uncertain += 1;
                    if printed.is_none() || r.report.get(c).is_none() {
                        tl.needless += 1;
                        fail(
                            tl,
                            format!(
                                "{} {} to check without a printed value",
                                def.table.name(),
                                def.name()
                            ),
                        );
                    }
                }
                Certainty::NotFound => {}
            }
        }
    }
    for (shape, t) in &tally {
        eprintln!(
            "layout {shape:?}: {} texts, {} printed cells, {} recognised ({:.1} %), {} to check; {} misplaced, {} to check without a value",
            t.texts,
            t.printed,
            t.recognised,
            100.0 * t.recognised as f64 / t.printed.max(1) as f64,
            t.uncertain,
            t.misplaced,
            t.needless
        );
    }
    let failures: Vec<&String> = tally.values().filter_map(|t| t.first.as_ref()).collect();
    assert!(
        failures.is_empty(),
        "{}",
        failures
            .iter()
            .map(|f| f.as_str())
            .collect::<Vec<_>>()
            .join("\n\n----\n\n")
    );
}
