//! PDF pages the reader has never seen, generated: random valid reports of
//! both formats laid out as Word, WPS or a browser print them — every table
//! cell a box with its text wrapped to the box's width (labels over two or
//! three lines, numbers too wide for narrow columns broken over two), set at
//! the box's top, middle or bottom, left, centre or right; merged row labels
//! (三、本年度办理结果) broken a few characters a line beside the rows; rows
//! packed tight or with padding; tables running over pages with a page
//! number (`— 2 —`) at the foot; digits in another font a point off the
//! baseline; a line's text given as one piece or one piece per glyph. The
//! pieces go through the app's PDF reading (`pdf_text`) and recognition.
//! The property: **no cell marked 已识别 ever differs from the generated
//! report**, and no cell is marked 需核对 without a printed value. `PDF_CASES`
//! sets the pages (default 1,000; `scripts/fuzz-readers.sh` runs 100,000);
//! the recall per layout is printed; `PDF_DEBUG=<case>` shows one page's
//! text and placements (`PDF_FROM=<case>` starts there; `PDF_PIECES=<text>` or `<page>:<y>`: the pieces
//! around it).

use std::collections::BTreeMap;

use nianbao_core::import::pdf::{pdf_text, Piece, Rule};
use nianbao_core::import::published::{recognise, Certainty};
use nianbao_core::report::Report;
use nianbao_core::section::Section;
use nianbao_core::template::{CellId, GridCell, TableId, Template};

mod valid;
use valid::{report, Rng};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum VAlign {
    Top,
    Middle,
    Bottom,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HAlign {
    Left,
    Centre,
    Right,
}

/// How one document is set.
struct Geo {
    /// Font size; a text line's pitch; padding above and below a cell's text.
    size: f64,
    pitch: f64,
    pad: f64,
    /// Left and right cell margin.
    margin: f64,
    valign: VAlign,
    /// Labels set at the top even when numbers are in the middle (as Word's
    /// default leaves a cell someone did not align).
    labels_top: bool,
    halign: HAlign,
    /// Width of a number column.
    number_col: f64,
    /// Widths of the label columns, by count of label columns.
    label_total: f64,
    /// Digits printed a little off the text's baseline (another font).
    digit_shift: f64,
    per_glyph: bool,
    zero: &'static str,
    footers: bool,
    /// Cell borders drawn (as most reports' tables have).
    ruled: bool,
}

const PAGE_TOP: f64 = 780.0;
const PAGE_BOTTOM: f64 = 70.0;
const LEFT: f64 = 72.0;
const TEXT_WIDTH: f64 = 450.0;

struct Pages {
    pieces: Vec<Piece>,
    rules: Vec<Rule>,
    page: u32,
    y: f64,
    geo: Geo,
}

/// The width of `s` set at `size`: CJK full, digits and ASCII half.
fn width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|c| if c.is_ascii() { 0.5 * size } else { size })
        .sum()
}

/// `s` broken into lines no wider than `w` (at least one character each).
fn wrap(s: &str, w: f64, size: f64) -> Vec<String> {
    let mut lines = vec![String::new()];
    for c in s.chars() {
        let last = lines.last_mut().unwrap();
        let mut next = last.clone();
        next.push(c);
        if width(&next, size) > w && !last.is_empty() {
            lines.push(c.to_string());
        } else {
            *last = next;
        }
    }
    lines.retain(|l| !l.is_empty());
    lines
}

impl Pages {
    fn emit(&mut self, x: f64, y: f64, s: &str, rng: &mut Rng) {
        let size = self.geo.size;
        let digits = s.chars().all(|c| c.is_ascii_digit());
        let y = if digits { y + self.geo.digit_shift } else { y };
        if self.geo.per_glyph && !digits && s.chars().count() > 1 {
            let mut x = x;
            for c in s.chars() {
                let w = width(&c.to_string(), size);
                self.pieces.push(Piece {
                    page: self.page,
                    x,
                    y,
                    w,
                    h: size,
                    s: c.to_string(),
                });
                x += w;
            }
            return;
        }
        // Sometimes a line comes in two pieces (a change of font or run).
        let chars: Vec<char> = s.chars().collect();
        let cut = if chars.len() > 3 && rng.chance(20) {
            1 + rng.below(chars.len() as u64 - 1) as usize
        } else {
            chars.len()
        };
        let (a, b): (String, String) =
            (chars[..cut].iter().collect(), chars[cut..].iter().collect());
        let wa = width(&a, size);
        self.pieces.push(Piece {
            page: self.page,
            x,
            y,
            w: wa,
            h: size,
            s: a,
        });
        if !b.is_empty() {
            self.pieces.push(Piece {
                page: self.page,
                x: x + wa,
                y,
                w: width(&b, size),
                h: size,
                s: b,
            });
        }
    }

    fn new_page(&mut self) {
        if self.geo.footers {
            let n = self.page.to_string();
            self.pieces.push(Piece {
                page: self.page,
                x: 280.0,
                y: 40.0,
                w: 30.0,
                h: 14.0,
                s: format!("— {n} —"),
            });
        }
        self.page += 1;
        self.y = PAGE_TOP;
    }

    /// A paragraph of running text.
    fn text(&mut self, s: &str, rng: &mut Rng) {
        for line in wrap(s, TEXT_WIDTH, self.geo.size) {
            if self.y - self.geo.pitch < PAGE_BOTTOM {
                self.new_page();
            }
            self.y -= self.geo.pitch;
            let y = self.y;
            self.emit(LEFT, y, &line, rng);
        }
    }
}

/// A table cell: where it sits in the grid and what it prints.
struct Cell {
    row: usize,
    col: usize,
    rowspan: usize,
    colspan: usize,
    text: String,
    number: bool,
}

/// The grid's cells with their columns, as a table lays out merged cells.
fn cells_of(t: &Template, table: TableId, r: &Report, geo: &Geo) -> (Vec<Cell>, usize, usize) {
    let g = t.table(table);
    let width = usize::from(g.width);
    let rows = g.head.len() + g.body.len();
    let mut taken = vec![vec![false; width]; rows + 8];
    let mut out = Vec::new();
    let all: Vec<Vec<(String, bool, usize, usize)>> = g
        .head
        .iter()
        .map(|row| {
            row.iter()
                .map(|h| (h.text.to_owned(), false, h.rowspan.into(), h.colspan.into()))
                .collect()
        })
        .chain(g.body.iter().map(|row| {
            row.iter()
                .map(|c| match c {
                    GridCell::Head(h) => {
                        (h.text.to_owned(), false, h.rowspan.into(), h.colspan.into())
                    }
                    GridCell::Data { cell, colspan } => {
                        let text = match r.get(*cell) {
                            None => String::new(),
                            Some(0) => geo.zero.to_owned(),
                            Some(v) => nianbao_core::cell::format_value(v, t.def(*cell).kind),
                        };
                        (text, true, 1, (*colspan).into())
                    }
                })
                .collect()
        }))
        .collect();
    for (row, items) in all.into_iter().enumerate() {
        let mut col = 0;
        for (text, number, rowspan, colspan) in items {
            while col < width && taken[row][col] {
                col += 1;
            }
            for line in taken.iter_mut().skip(row).take(rowspan) {
                for t in line.iter_mut().take((col + colspan).min(width)).skip(col) {
                    *t = true;
                }
            }
            out.push(Cell {
                row,
                col,
                rowspan,
                colspan,
                text,
                number,
            });
            col += colspan;
        }
    }
    (out, rows, width)
}

fn table(p: &mut Pages, t: &Template, id: TableId, r: &Report, rng: &mut Rng) {
    let (cells, rows, cols) = cells_of(t, id, r, &p.geo);
    let labels = usize::from(t.table(id).label_cols).max(1);
    let size = p.geo.size;
    // Column widths: narrow merged-label columns, a wide row-label column,
    // then the number columns.
    let mut widths = vec![p.geo.number_col; cols];
    let narrow = (labels - 1) as f64 * (size * (1.0 + rng.below(3) as f64) + 2.0 * p.geo.margin);
    for (c, w) in widths.iter_mut().enumerate().take(labels) {
        *w = if c + 1 < labels {
            narrow / (labels - 1) as f64
        } else {
            (p.geo.label_total - narrow).max(4.0 * size)
        };
    }
    let x_of = |c: usize| LEFT + widths[..c].iter().sum::<f64>();
    let margin = p.geo.margin;
    let lines_of = |cell: &Cell| -> Vec<String> {
        let w = widths[cell.col..cell.col + cell.colspan]
            .iter()
            .sum::<f64>()
            - 2.0 * margin;
        if cell.text.is_empty() {
            Vec::new()
        } else {
            wrap(&cell.text, w.max(size), size)
        }
    };
    // Row heights: the tallest single-row cell; a merged cell's text may
    // stretch its last row.
    let mut heights = vec![p.geo.pitch + 2.0 * p.geo.pad; rows];
    for cell in cells.iter().filter(|c| c.rowspan == 1) {
        let need = lines_of(cell).len() as f64 * p.geo.pitch + 2.0 * p.geo.pad;
        heights[cell.row] = heights[cell.row].max(need);
    }
    for cell in cells.iter().filter(|c| c.rowspan > 1) {
        let need = lines_of(cell).len() as f64 * p.geo.pitch + 2.0 * p.geo.pad;
        let have: f64 = heights[cell.row..cell.row + cell.rowspan].iter().sum();
        if need > have {
            heights[cell.row + cell.rowspan - 1] += need - have;
        }
    }
    // Row tops, page by page.
    let mut tops = vec![(0u32, 0.0f64); rows];
    for (row, h) in heights.iter().enumerate() {
        if p.y - h < PAGE_BOTTOM {
            p.new_page();
        }
        tops[row] = (p.page, p.y);
        p.y -= h;
    }
    let page_now = p.page;
    let y_now = p.y;
    if p.geo.ruled {
        // Each cell's box, page by page, as a browser draws its borders.
        for cell in &cells {
            let (x0, x1) = (x_of(cell.col), x_of(cell.col + cell.colspan));
            let mut boxes: Vec<(u32, f64, f64)> = Vec::new();
            for r in cell.row..cell.row + cell.rowspan {
                let (page, top) = tops[r];
                match boxes.last_mut() {
                    Some(b) if b.0 == page => b.2 = top - heights[r],
                    _ => boxes.push((page, top, top - heights[r])),
                }
            }
            for (page, top, bottom) in boxes {
                for (a, b, c, d) in [
                    (x0, top, x1, top),
                    (x0, bottom, x1, bottom),
                    (x0, bottom, x0, top),
                    (x1, bottom, x1, top),
                ] {
                    p.rules.push(Rule {
                        page,
                        x0: a,
                        y0: b - 0.25,
                        x1: c,
                        y1: d + 0.25,
                    });
                }
            }
        }
    }
    for cell in &cells {
        let lines = lines_of(cell);
        if lines.is_empty() {
            continue;
        }
        let (page, top) = tops[cell.row];
        // The merged cell's box on its first page.
        let mut bottom = top;
        for (r, h) in heights.iter().enumerate().skip(cell.row).take(cell.rowspan) {
            if tops[r].0 != page {
                break;
            }
            bottom = tops[r].1 - h;
        }
        let text_h = lines.len() as f64 * p.geo.pitch;
        let valign = if !cell.number && p.geo.labels_top {
            VAlign::Top
        } else {
            p.geo.valign
        };
        let first_top = match valign {
            VAlign::Top => top - p.geo.pad,
            VAlign::Middle => (top + bottom) / 2.0 + text_h / 2.0,
            VAlign::Bottom => bottom + p.geo.pad + text_h,
        };
        let x0 = x_of(cell.col) + p.geo.margin;
        let x1 = x_of(cell.col + cell.colspan) - p.geo.margin;
        p.page = page;
        for (k, line) in lines.iter().enumerate() {
            // The baseline sits a fifth of the pitch above the line's foot.
            let y = first_top - (k as f64 + 0.8) * p.geo.pitch;
            let w = width(line, size);
            let halign = if cell.number {
                p.geo.halign
            } else {
                HAlign::Left
            };
            let x = match halign {
                HAlign::Left => x0,
                HAlign::Centre => (x0 + x1 - w) / 2.0,
                HAlign::Right => x1 - w,
            };
            p.emit(x, y, line, rng);
        }
    }
    p.page = page_now;
    p.y = y_now - p.geo.pitch;
}

fn document(r: &Report, rng: &mut Rng) -> (Vec<Piece>, Vec<Rule>, VAlign) {
    let size = *rng.pick(&[9.0, 10.5, 10.5, 12.0, 14.0]);
    let valign = *rng.pick(&[VAlign::Top, VAlign::Middle, VAlign::Middle, VAlign::Bottom]);
    let geo = Geo {
        size,
        pitch: size * (1.15 + 0.35 * rng.below(100) as f64 / 100.0),
        pad: size * rng.below(60) as f64 / 100.0,
        margin: 2.0 + rng.below(5) as f64,
        valign,
        labels_top: rng.chance(20),
        halign: *rng.pick(&[HAlign::Centre, HAlign::Centre, HAlign::Right, HAlign::Left]),
        number_col: size * (2.2 + rng.below(300) as f64 / 100.0),
        label_total: size * (8.0 + rng.below(10) as f64),
        digit_shift: *rng.pick(&[0.0, 0.0, 1.0, -0.8]),
        per_glyph: rng.chance(15),
        zero: ["0", "0", "0", "—"][rng.below(4) as usize],
        footers: rng.chance(60),
        ruled: rng.chance(85),
    };
    let mut p = Pages {
        pieces: Vec::new(),
        rules: Vec::new(),
        page: 1,
        y: PAGE_TOP,
        geo,
    };
    let t = r.template();
    p.text(
        &format!("{}{}年政府信息公开工作年度报告", r.agency.name, r.year),
        rng,
    );
    for s in Section::ALL {
        p.text(s.heading(), rng);
        match s {
            Section::Overview => p.text(
                &format!(
                    "{}年，本机关依法做好主动公开和依申请公开工作，全年主动公开政府信息1200余条，办理行政复议、行政诉讼相关事项。",
                    r.year
                ),
                rng,
            ),
            Section::Proactive => table(&mut p, t, TableId::Proactive, r, rng),
            Section::Requests => table(&mut p, t, TableId::Requests, r, rng),
            Section::ReviewLitigation => table(&mut p, t, TableId::ReviewLitigation, r, rng),
            Section::Problems => p.text("存在的主要问题是公开的及时性有待提高。", rng),
            Section::Other => p.text("本年度未收取信息处理费。", rng),
        }
    }
    p.new_page();
    (p.pieces, p.rules, valign)
}

#[derive(Default)]
struct Tally {
    pages: usize,
    printed: usize,
    recognised: usize,
    misplaced: usize,
    first: Option<String>,
}

#[test]
fn no_cell_read_from_a_generated_pdf_ever_differs_from_the_report() {
    let cases: usize = std::env::var("PDF_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000);
    // Each case is seeded by its number: `PDF_FROM` starts at one.
    let from: usize = std::env::var("PDF_FROM")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut tally: BTreeMap<VAlign, Tally> = BTreeMap::new();
    for case in from..cases {
        let mut rng =
            Rng(0x5DEE_CE66_D1CE_4E5B ^ (case as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let truth = report(&mut rng);
        let (pieces, rules, valign) = document(&truth, &mut rng);
        let pdf = pdf_text(&pieces, &rules);
        let r = recognise(&pdf.text);
        if std::env::var("PDF_DEBUG")
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
            == Some(case)
        {
            eprintln!(
                "{}\nnotes: {:#?}\npdf notes: {:#?}",
                pdf.text, r.notes, pdf.notes
            );
            eprintln!("{} rules", rules.len());
            if let Ok(find) = std::env::var("PDF_PIECES") {
                // The pieces around one text, as the page has them.
                let at = match find.split_once(':') {
                    // `page:y`
                    Some((pg, y)) => Some(Piece {
                        page: pg.parse().unwrap(),
                        y: y.parse().unwrap(),
                        ..pieces[0].clone()
                    }),
                    None => pieces.iter().find(|p| p.s == find).cloned(),
                };
                if let Some(at) = at {
                    for q in pieces
                        .iter()
                        .filter(|q| q.page == at.page && (q.y - at.y).abs() < 40.0)
                    {
                        eprintln!(
                            "piece {:?} x {:.1} y {:.1} w {:.1} h {:.1}",
                            q.s, q.x, q.y, q.w, q.h
                        );
                    }
                }
            }
            valid::dump_placements(&r, &truth);
        }
        let tl = tally.entry(valign).or_default();
        tl.pages += 1;
        let t = truth.template();
        let fail = |tl: &mut Tally, what: String| {
            tl.misplaced += 1;
            if tl.first.is_none() {
                tl.first = Some(format!("case {case} ({valign:?}): {what}\n{}", pdf.text));
            }
        };
        if r.report.template_id() != truth.template_id() {
            if r.count(Certainty::Recognised) > 0 {
                fail(tl, "read in the other format".into());
            }
            continue;
        }
        for i in 0..t.cells.len() {
            let c = CellId(i as u16);
            let printed = truth.get(c);
            tl.printed += usize::from(printed.is_some());
            match r.source(c).certainty {
                Certainty::NotFound => {}
                Certainty::Recognised => {
                    tl.recognised += usize::from(printed.is_some());
                    if r.report.get(c) != printed {
                        fail(
                            tl,
                            format!(
                                "{} {} read {:?}, printed {:?}",
                                t.def(c).table.name(),
                                t.def(c).name(),
                                r.report.get(c),
                                printed
                            ),
                        );
                    }
                }
                Certainty::Uncertain => {
                    if printed.is_none() {
                        fail(tl, format!("{} to check without a value", t.def(c).name()));
                    }
                }
            }
        }
    }
    let mut firsts = Vec::new();
    for (valign, tl) in &tally {
        println!(
            "pdf {valign:?}: {} pages, {} printed cells, {} recognised ({:.1} %); {} misplaced",
            tl.pages,
            tl.printed,
            tl.recognised,
            100.0 * tl.recognised as f64 / tl.printed.max(1) as f64,
            tl.misplaced
        );
        firsts.extend(tl.first.clone());
    }
    assert!(firsts.is_empty(), "{}", firsts.join("\n\n"));
}
