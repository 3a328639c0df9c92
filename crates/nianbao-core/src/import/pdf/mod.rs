//! A PDF's text as the recognition reads it, rebuilt from where each piece of
//! text sits on its page (pdf.js gives every piece with its page, x, baseline
//! y, width and height; the app runs it in the worker). Pieces on one
//! baseline make a line; pieces close together one segment. A table's rows —
//! lines with numbers, one under another — have their numbers assigned to
//! columns by x, so a cell printed blank is a blank, not a lost cell: the row
//! comes out `| label | 3 |  | 0 |` like a page's table. Where the columns are
//! not clear the line stays plain text, which the recognition reads as it
//! reads copied PDF text. Numbers wrapped over lines are joined in `wrap.rs`.

use serde::{Deserialize, Serialize};

mod wrap;

use super::published::tokens::{is_footer, is_value};
use wrap::{join_aligned, join_wrapped, mark_crowded};

/// A piece of text on a page (PDF user-space units, y upwards).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Piece {
    pub page: u32,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub s: String,
}

/// A straight line drawn on a page (a table's border), x0 ≤ x1, y0 ≤ y1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub page: u32,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

/// What pdf.js gives of a PDF (pdfjs/pdf-geometry.js): its text pieces and
/// its rules.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PdfRead {
    pub pieces: Vec<Piece>,
    #[serde(default)]
    pub rules: Vec<Rule>,
}

/// The text, and where each of its lines is: (page, line on that page),
/// both from 1.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PdfText {
    pub text: String,
    pub places: Vec<(u32, usize)>,
    /// What could not be read for sure, by page and line.
    pub notes: Vec<String>,
}

/// A run of pieces on one line with no gap between them.
#[derive(Clone, Debug)]
struct Segment {
    x0: f64,
    x1: f64,
    text: String,
    /// One character of a column of single characters (a merged cell's
    /// label set vertically): never a number, whatever it reads as (`无`).
    vertical: bool,
}

impl Segment {
    fn center(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
    fn number(&self) -> bool {
        !self.vertical && is_value(&self.text)
    }
    /// A number, or the head of one wrapped after its decimal point (`1.`).
    fn part(&self) -> bool {
        self.number()
            || self
                .text
                .strip_suffix(['.', '．'])
                .is_some_and(|t| t.chars().all(|c| c.is_ascii_digit()) && !t.is_empty())
    }
}

struct Line {
    page: u32,
    /// Its baseline.
    y: f64,
    segments: Vec<Segment>,
    /// The usual height of its text.
    h: f64,
    /// Why its numbers are not read (marked `（？）` in the text).
    unclear: Option<String>,
}

/// Lines of one page, top to bottom, each its segments left to right.
fn lines_of(page: u32, mut pieces: Vec<&Piece>, grid: &Grid) -> Vec<Line> {
    pieces.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<(f64, f64, Vec<&Piece>)> = Vec::new();
    for p in pieces {
        let h = p.h.abs().max(1.0);
        match rows.last_mut() {
            // The same baseline, within a third of the text's height of the
            // line's mean so far (not of its first piece: a merged column's
            // vertical label may start it a little higher).
            Some((y, rh, list)) if (*y - p.y).abs() <= 0.35 * rh.max(h) => {
                list.push(p);
                *y = list.iter().map(|q| q.y).sum::<f64>() / list.len() as f64;
            }
            _ => rows.push((p.y, h, vec![p])),
        }
    }
    rows.into_iter()
        .map(|(_, _, mut list)| {
            // Its baseline: most of its pieces' (a merged column's vertical
            // label may set a character a little off its row's numbers).
            let y = median(list.iter().map(|p| p.y).collect());
            list.sort_by(|a, b| a.x.total_cmp(&b.x));
            let h = median(list.iter().map(|p| p.h.abs()).collect()).max(1.0);
            let mut segments: Vec<Segment> = Vec::new();
            for p in list {
                // Close together, and no cell border between.
                let gap_ok = segments.last().is_some_and(|s| {
                    p.x - s.x1 <= 0.3 * h
                        && p.x >= s.x0
                        && !grid.down.iter().any(|&(rx, y0, y1)| {
                            s.x1 - 0.5 <= rx && rx <= p.x + 0.5 && y0 <= p.y && p.y <= y1
                        })
                });
                match segments.last_mut() {
                    Some(s) if gap_ok => {
                        s.text.push_str(&p.s);
                        s.x1 = s.x1.max(p.x + p.w);
                    }
                    _ => segments.push(Segment {
                        x0: p.x,
                        x1: p.x + p.w,
                        text: p.s.clone(),
                        vertical: false,
                    }),
                }
            }
            for s in &mut segments {
                s.text = s.text.trim().to_owned();
            }
            segments.retain(|s| !s.text.is_empty());
            Line {
                page,
                y,
                segments,
                h,
                unclear: None,
            }
        })
        .filter(|l| !l.segments.is_empty())
        .collect()
}

/// A page's table borders: where a piece of text sits in a ruled table.
struct Grid {
    /// Horizontal rules: (y, x0, x1).
    across: Vec<(f64, f64, f64)>,
    /// Vertical rules: (x, y0, y1).
    down: Vec<(f64, f64, f64)>,
}

impl Grid {
    fn of(page: u32, rules: &[Rule]) -> Grid {
        let mut g = Grid {
            across: Vec::new(),
            down: Vec::new(),
        };
        for r in rules.iter().filter(|r| r.page == page) {
            let (w, h) = (r.x1 - r.x0, r.y1 - r.y0);
            if !(w.is_finite() && h.is_finite()) {
                continue;
            }
            if h <= 3.0 && w > 3.0 {
                g.across.push(((r.y0 + r.y1) / 2.0, r.x0, r.x1));
            } else if w <= 3.0 && h > 3.0 {
                g.down.push(((r.x0 + r.x1) / 2.0, r.y0, r.y1));
            }
        }
        g
    }

    /// The rules above and below the point (x, y), when it is inside a
    /// table's cell: ruled above, below, left and right.
    fn band(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        let covers = |&&(_, x0, x1): &&(f64, f64, f64)| x0 - 0.5 <= x && x <= x1 + 0.5;
        let top = self
            .across
            .iter()
            .filter(covers)
            .map(|r| r.0)
            .filter(|&ry| ry > y)
            .min_by(f64::total_cmp)?;
        let bottom = self
            .across
            .iter()
            .filter(covers)
            .map(|r| r.0)
            .filter(|&ry| ry < y)
            .max_by(f64::total_cmp)?;
        let side = |left: bool| {
            self.down
                .iter()
                .any(|&(rx, y0, y1)| y0 - 1.0 <= y && y <= y1 + 1.0 && (rx < x) == left && rx != x)
        };
        (side(true) && side(false)).then_some((top, bottom))
    }

    /// Whether every piece of `a` and `b` sits in a ruled cell and no rule
    /// lies between the two lines where either has text: one table row.
    fn same_row(&self, a: &Line, b: &Line) -> bool {
        a.segments.iter().chain(&b.segments).all(|s| {
            let x = s.center();
            match (self.band(x, a.y), self.band(x, b.y)) {
                (Some(p), Some(q)) => (p.0 - q.0).abs() < 0.5 && (p.1 - q.1).abs() < 0.5,
                _ => false,
            }
        })
    }
}

/// In a ruled table, the lines of one row are one row: a label or a number
/// wrapped over lines inside its cell, whatever the cell's alignment, joins
/// up, top to bottom, where the borders show one cell.
fn join_ruled(lines: &mut Vec<Line>, grid: &Grid) {
    if grid.across.len() < 2 || grid.down.len() < 2 {
        return;
    }
    let has_number = |l: &Line| l.segments.iter().any(Segment::number);
    let mut i = 0;
    while i + 1 < lines.len() {
        let (a, b) = (&lines[i], &lines[i + 1]);
        if !(has_number(a) || has_number(b)) || !grid.same_row(a, b) {
            i += 1;
            continue;
        }
        let below = lines.remove(i + 1);
        let row = &mut lines[i];
        // The row stands where most of its text does (not a wrapped
        // number's first piece above it).
        if below.segments.len() > row.segments.len() {
            row.y = below.y;
        }
        for p in below.segments {
            let overlaps = |s: &Segment| s.x0 < p.x1 && p.x0 < s.x1;
            match row.segments.iter_mut().find(|s| overlaps(s)) {
                Some(s) => {
                    s.text.push_str(&p.text);
                    s.x0 = s.x0.min(p.x0);
                    s.x1 = s.x1.max(p.x1);
                }
                None => row.segments.push(p),
            }
        }
        row.segments.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
}

/// A number too wide for its cell wraps inside it (`1087` over `5`): its
/// pieces stand one text line apart in one column, centred on the row's
/// baseline — half a line above and below it for two pieces, closer to the
/// row than another row can be. They are joined, top to bottom, into the
/// row. Three or more pieces (the middle one on the row's baseline) only
/// from lines that hold nothing but numbers; anything less clear is left as
/// it is, and the row is then not read (`mark_crowded`).
/// Marks single CJK characters set one under another in one column (a
/// merged cell's label written vertically): `无` of 无法提供 is no zero there.
fn mark_vertical(lines: &mut [Line]) {
    let single = |s: &Segment| {
        let mut cs = s.text.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if ('\u{4e00}'..='\u{9fff}').contains(&c))
    };
    let mut marks = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        for (k, s) in l.segments.iter().enumerate() {
            if !single(s) {
                continue;
            }
            let stacked = |m: &Line| {
                m.page == l.page
                    && (m.y - l.y).abs() <= 2.0 * l.h
                    && m.segments.iter().any(|t| {
                        single(t) && (t.x0 - s.x0).abs() <= 1.0 && (t.x1 - s.x1).abs() <= 1.0
                    })
            };
            if lines.iter().enumerate().any(|(j, m)| j != i && stacked(m)) {
                marks.push((i, k));
            }
        }
    }
    for (i, k) in marks {
        lines[i].segments[k].vertical = true;
    }
}

/// The page's number (`— 3 —`, `第 3 页`), as its lowest or highest line,
/// set tight: no table row (a row of `—` `3` `—` spreads over its columns).
fn drop_page_numbers(lines: &mut Vec<Line>) {
    let number = |l: &Line| {
        let (x0, x1) = (
            l.segments.first().map_or(0.0, |s| s.x0),
            l.segments.last().map_or(0.0, |s| s.x1),
        );
        is_footer(&plain(l)) && x1 - x0 <= 5.0 * l.h
    };
    if lines.last().is_some_and(number) {
        lines.pop();
    }
    if lines.first().is_some_and(number) {
        lines.remove(0);
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn plain(line: &Line) -> String {
    line.segments
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Columns of a block of table rows: clusters of their numbers' centres.
fn columns(block: &[&Line]) -> Vec<f64> {
    let mut centres: Vec<(f64, f64)> = block
        .iter()
        .flat_map(|l| {
            l.segments
                .iter()
                .filter(|s| s.number())
                .map(move |s| (s.center(), l.h))
        })
        .collect();
    centres.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut clusters: Vec<Vec<f64>> = Vec::new();
    for (c, h) in centres {
        match clusters.last_mut() {
            Some(k) if c - k.last().copied().unwrap_or(c) <= 1.2 * h => k.push(c),
            _ => clusters.push(vec![c]),
        }
    }
    clusters
        .into_iter()
        .map(|k| k.iter().sum::<f64>() / k.len() as f64)
        .collect()
}

/// A table row with its numbers in `cols`: `| label | a | | b |`, or `None`
/// when a number is not clearly in one column of its own.
fn row_in(line: &Line, cols: &[f64]) -> Option<String> {
    let first = cols.first()?;
    let tol = 1.0 * line.h;
    let mut cells: Vec<Option<&str>> = vec![None; cols.len()];
    let mut label: Vec<&str> = Vec::new();
    let mut after: Vec<&str> = Vec::new();
    for s in &line.segments {
        if !s.number() {
            if s.x1 <= first - tol / 2.0 {
                label.push(&s.text);
            } else {
                after.push(&s.text);
            }
            continue;
        }
        let (k, d) = cols
            .iter()
            .enumerate()
            .map(|(k, c)| (k, (c - s.center()).abs()))
            .min_by(|a, b| a.1.total_cmp(&b.1))?;
        if d > tol || cells[k].is_some() {
            return None;
        }
        cells[k] = Some(&s.text);
    }
    if !after.is_empty() {
        return None;
    }
    let values: Vec<&str> = cells.iter().map(|c| c.unwrap_or("")).collect();
    // A row whose label is on other lines has only its cells (and a label
    // that would read as a cell — a vertical label's `无` — is left out).
    if label.is_empty() || is_value(&label.join(" ")) {
        return Some(format!("| {} |", values.join(" | ")));
    }
    Some(format!("| {} | {} |", label.join(" "), values.join(" | ")))
}

/// The PDF's text (see the module note) from its pieces.
pub fn pdf_text(pieces: &[Piece], rules: &[Rule]) -> PdfText {
    let mut pages: Vec<u32> = pieces.iter().map(|p| p.page).collect();
    pages.sort_unstable();
    pages.dedup();
    let mut out = PdfText::default();
    for page in pages {
        let grid = Grid::of(page, rules);
        let mut lines = lines_of(
            page,
            pieces.iter().filter(|p| p.page == page).collect(),
            &grid,
        );
        drop_page_numbers(&mut lines);
        mark_vertical(&mut lines);
        join_ruled(&mut lines, &grid);
        join_wrapped(&mut lines);
        join_aligned(&mut lines, &grid);
        mark_crowded(&mut lines);
        let numbers = |l: &Line| l.segments.iter().filter(|s| s.number()).count();
        // Blocks of table rows: lines with two or more numbers, with at most
        // two lines of words between them (a label wrapped).
        let mut blocks: Vec<Vec<usize>> = Vec::new();
        let mut gap = 0;
        for (i, l) in lines.iter().enumerate() {
            if numbers(l) >= 2 {
                match blocks.last_mut() {
                    Some(b) if gap <= 2 => b.push(i),
                    _ => blocks.push(vec![i]),
                }
                gap = 0;
            } else {
                gap += 1;
            }
        }
        let mut text: Vec<String> = lines.iter().map(plain).collect();
        for b in blocks {
            let rows: Vec<&Line> = b.iter().map(|&i| &lines[i]).collect();
            let cols = columns(&rows);
            // Columns hold when the fullest rows fill them all.
            let widest = rows.iter().map(|l| numbers(l)).max().unwrap_or(0);
            if cols.len() < 2 || cols.len() != widest {
                continue;
            }
            for &i in &b {
                if lines[i].unclear.is_some() {
                    continue;
                }
                if let Some(row) = row_in(&lines[i], &cols) {
                    text[i] = row;
                }
            }
        }
        for (n, (mut line, l)) in text.into_iter().zip(&lines).enumerate() {
            out.places.push((l.page, n + 1));
            if let Some(why) = &l.unclear {
                // Its numbers marked, so that no reading takes them.
                line = l
                    .segments
                    .iter()
                    .map(|s| {
                        if s.number() {
                            format!("{}（？）", s.text)
                        } else {
                            s.text.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                if !out.notes.iter().any(|m| m.ends_with(why.as_str())) {
                    out.notes
                        .push(format!("PDF 第 {page} 页第 {} 行起：{why}", n + 1));
                }
            }
            if !out.text.is_empty() {
                out.text.push('\n');
            }
            out.text.push_str(&line);
        }
    }
    out
}

#[cfg(test)]
mod tests;
