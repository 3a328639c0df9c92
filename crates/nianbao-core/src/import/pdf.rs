//! A PDF's text as the recognition reads it, rebuilt from where each piece of
//! text sits on its page (pdf.js gives every piece with its page, x, baseline
//! y, width and height; the app runs it in the worker). Pieces on one
//! baseline make a line; pieces close together one segment. A table's rows —
//! lines with numbers, one under another — have their numbers assigned to
//! columns by x, so a cell printed blank is a blank, not a lost cell: the row
//! comes out `| label | 3 |  | 0 |` like a page's table. Where the columns are
//! not clear the line stays plain text, which the recognition reads as it
//! reads copied PDF text.

use serde::{Deserialize, Serialize};

use super::published::tokens::{is_footer, is_value};

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

/// Whether a stack of three or more pieces (baselines `ys`, top first) goes
/// on: a number in its column one more of its pitches above or below. Its
/// ends may then be the pieces of two other rows' wrapped numbers.
fn beyond(lines: &[Line], seg: &Segment, ys: &[f64], h: f64) -> bool {
    let pitch = (ys[0] - ys[ys.len() - 1]) / (ys.len() - 1) as f64;
    let (top, bottom) = (ys[0], ys[ys.len() - 1]);
    lines.iter().any(|l| {
        let d = (l.y - top).max(bottom - l.y);
        (l.y > top || l.y < bottom)
            && (d - pitch).abs() <= 0.25 * h
            && l.segments
                .iter()
                .any(|s| s.part() && s.x0 < seg.x1 && seg.x0 < s.x1)
    })
}

/// The widest line pitch of a wrapped number, in text heights (1.5 line
/// spacing, and digits of another font a little off the baseline).
const WRAP_PITCH: f64 = 1.7;

fn join_wrapped(lines: &mut Vec<Line>) {
    let overlaps = |a: &Segment, b: &Segment| a.x0 < b.x1 && b.x0 < a.x1;
    let numbers_only = |l: &Line| l.segments.iter().all(Segment::part);
    let mut i = 0;
    'rows: while i < lines.len() {
        let row = &lines[i];
        let h = row.h;
        let near: Vec<usize> = (0..lines.len())
            .filter(|&j| j != i && (lines[j].y - row.y).abs() <= WRAP_PITCH * h)
            .collect();
        let numbers: Vec<(usize, usize)> = near
            .iter()
            .flat_map(|&j| (0..lines[j].segments.len()).map(move |k| (j, k)))
            .filter(|&(j, k)| lines[j].segments[k].part())
            .collect();
        if numbers.is_empty() {
            i += 1;
            continue;
        }
        // Every number near this row must belong to a stack around it.
        // Each join: the pieces (line, segment) and the row's own segment.
        type Join = (Vec<(usize, usize)>, Option<usize>);
        let mut joins: Vec<Join> = Vec::new();
        let mut used: Vec<(usize, usize)> = Vec::new();
        for &(j, k) in &numbers {
            if used.contains(&(j, k)) {
                continue;
            }
            let seg = &lines[j].segments[k];
            let column: Vec<(usize, usize)> = near
                .iter()
                .flat_map(|&m| (0..lines[m].segments.len()).map(move |n| (m, n)))
                .filter(|&(m, n)| overlaps(&lines[m].segments[n], seg))
                .collect();
            let own = row.segments.iter().position(|s| overlaps(s, seg));
            let mut ys: Vec<f64> = column.iter().map(|&(m, _)| lines[m].y).collect();
            ys.extend(own.map(|_| row.y));
            ys.sort_by(|a, b| b.total_cmp(a));
            let mean = ys.iter().sum::<f64>() / ys.len() as f64;
            let mut on: Vec<usize> = column.iter().map(|p| p.0).collect();
            on.dedup();
            let mut pieces: Vec<(f64, &str)> = column
                .iter()
                .map(|&(m, n)| (lines[m].y, lines[m].segments[n].text.as_str()))
                .collect();
            pieces.extend(own.map(|o| (row.y, row.segments[o].text.as_str())));
            pieces.sort_by(|a, b| b.0.total_cmp(&a.0));
            let whole: String = pieces.iter().map(|p| p.1).collect();
            // A line with words and numbers in other columns is a row, not
            // the piece of another row's number.
            let a_row = |m: usize| {
                let l = &lines[m];
                !numbers_only(l) && l.segments.iter().any(|s| s.number() && !overlaps(s, seg))
            };
            let clear = column.iter().all(|&(m, n)| lines[m].segments[n].part())
                && !on.iter().any(|&m| a_row(m))
                && is_value(&whole)
                && own.is_none_or(|o| {
                    row.segments[o].part() && on.iter().all(|&m| numbers_only(&lines[m]))
                })
                && on.len() == column.len()
                && ys.len() >= 2
                && ys
                    .windows(2)
                    .all(|w| (0.9 * h..=WRAP_PITCH * h).contains(&(w[0] - w[1])))
                // One text line apart each: the same pitch throughout.
                && ys.windows(2).map(|w| w[0] - w[1]).fold(f64::NEG_INFINITY, f64::max)
                    - ys.windows(2).map(|w| w[0] - w[1]).fold(f64::INFINITY, f64::min)
                    <= 0.2 * h
                && (mean - row.y).abs() <= 0.3 * h
                && (ys.len() < 3 || !beyond(lines, seg, &ys, h));
            if !clear {
                i += 1;
                continue 'rows;
            }
            used.extend(column.iter().copied());
            joins.push((column, own));
        }
        for (column, own) in joins {
            let mut parts: Vec<(f64, Segment)> = column
                .iter()
                .map(|&(m, n)| (lines[m].y, lines[m].segments[n].clone()))
                .collect();
            parts.extend(own.map(|o| (lines[i].y, lines[i].segments[o].clone())));
            parts.sort_by(|a, b| b.0.total_cmp(&a.0));
            let joined = Segment {
                x0: parts.iter().map(|p| p.1.x0).fold(f64::INFINITY, f64::min),
                x1: parts
                    .iter()
                    .map(|p| p.1.x1)
                    .fold(f64::NEG_INFINITY, f64::max),
                text: parts.iter().map(|p| p.1.text.as_str()).collect(),
                vertical: false,
            };
            let segs = &mut lines[i].segments;
            match own {
                Some(o) => segs[o] = joined,
                None => segs.push(joined),
            }
            segs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        }
        used.sort_unstable_by(|a, b| b.cmp(a));
        for (m, n) in used {
            lines[m].segments.remove(n);
        }
        lines.retain(|l| !l.segments.is_empty());
        i = 0;
    }
}

/// A wrapped number in a cell aligned to its top or bottom: its other piece
/// is on the next line below (or above) the row, one text line away, under
/// one of the row's numbers, on a line of nothing but such pieces. A row
/// always has its label on its first line, so such a line is no row of its
/// own — but a line between two rows may continue either: then neither is
/// read, and the user is told (`unclear`).
fn join_aligned(lines: &mut Vec<Line>, grid: &Grid) {
    let overlaps = |a: &Segment, b: &Segment| a.x0 < b.x1 && b.x0 < a.x1;
    let mut c = 0;
    while c < lines.len() {
        let line = &lines[c];
        // (In a ruled table the borders have said.)
        let ruled = line
            .segments
            .iter()
            .any(|s| grid.band(s.center(), line.y).is_some());
        let numbers = |l: &Line| l.segments.iter().filter(|s| s.number()).count();
        // Its pieces: numbers, or a number's head wrapped after its point
        // (`900.` over `2`).
        let parts = |l: &Line| l.segments.iter().filter(|s| s.part()).count();
        let candidate =
            !ruled && parts(line) > 0 && !is_footer(&plain(line)) && line.unclear.is_none();
        if !candidate {
            c += 1;
            continue;
        }
        // Rows it may continue: the lines right above and below, a text
        // line away, with a number over or under each of its numbers.
        let under = |r: usize| {
            let row = &lines[r];
            let d = (row.y - line.y).abs();
            row.page == line.page
                && (0.9 * line.h..=WRAP_PITCH * line.h).contains(&d)
                && line.segments.iter().filter(|s| s.part()).all(|p| {
                    row.segments
                        .iter()
                        .filter(|s| overlaps(s, p))
                        .map(Segment::number)
                        .eq([true])
                })
        };
        // The nearest lines with numbers above and below (a merged column's
        // vertical label puts lines of one character between).
        let numbered = |r: &usize| lines[*r].segments.iter().any(Segment::part);
        let up = (0..c).rev().find(numbered);
        let down = (c + 1..lines.len()).find(numbered);
        // A number's head (`900.`) continues only below it.
        let head = parts(line) > numbers(line);
        let rows: Vec<usize> = [up, down]
            .into_iter()
            .flatten()
            .filter(|&r| under(r) && !(head && r < c))
            .collect();
        // Next to a row that could not be read for this reason: its pieces
        // may be that row's, so it is not read either.
        if let Some(why) = rows.iter().find_map(|&r| lines[r].unclear.clone()) {
            lines[c].unclear = Some(why);
            c += 1;
            continue;
        }
        if parts(line) < line.segments.len() {
            // Words too (a label's last characters): a row's wrapped
            // number and label, or the next row with cells left blank —
            // unless it fills as many cells as the row it is under.
            let unsure: Vec<usize> = rows
                .iter()
                .copied()
                .filter(|&r| numbers(&lines[r]) > parts(line))
                .collect();
            if !unsure.is_empty() {
                let why = format!(
                    "“{}”中的数字可能是上下相邻一行中的数字折行而来，也可能是另一行，无法确定，这几行没有导入，请对照原文填写。",
                    plain(line)
                );
                for r in unsure.into_iter().chain([c]) {
                    lines[r].unclear = Some(why.clone());
                }
            }
            c += 1;
            continue;
        }
        // A piece on the row's other side too, under one of these numbers:
        // a number wrapped over three lines or more, not read here.
        let other_side = |r: usize| {
            if r > c {
                (r + 1..lines.len()).find(numbered)
            } else {
                (0..r).rev().find(numbered)
            }
        };
        let beyond = |r: usize| {
            other_side(r).map(|k| &lines[k]).is_some_and(|o| {
                o.page == line.page
                    && (o.y - lines[r].y).abs() <= 2.0 * WRAP_PITCH * line.h
                    && o.segments
                        .iter()
                        .any(|q| q.part() && line.segments.iter().any(|p| overlaps(p, q)))
            })
        };
        // Or a piece on this line's far side, a text line away, over or
        // under one of its numbers (`2.` / `59` / `06` at a row's foot).
        let far = |r: usize| {
            if r > c { up } else { down }.filter(|&k| {
                let o = &lines[k];
                o.page == line.page
                    && (o.y - line.y).abs() <= WRAP_PITCH * line.h
                    && o.segments.iter().any(|q| {
                        q.part() && line.segments.iter().any(|p| p.part() && overlaps(p, q))
                    })
            })
        };
        if let [r] = rows[..] {
            if beyond(r) || far(r).is_some() {
                let other = far(r).or_else(|| other_side(r)).expect("found by beyond");
                let why = format!(
                    "“{}”一格的数字可能折成了三行以上，无法确定，这几行没有导入，请对照原文填写。",
                    plain(&lines[r])
                );
                for k in [c, r, other] {
                    lines[k].unclear = Some(why.clone());
                }
                c += 1;
                continue;
            }
        }
        // Another line of nothing but numbers a text line away: pieces of a
        // number wrapped over more lines, of this row or another — unclear.
        let fragment_near = [up, down].into_iter().flatten().any(|k| {
            !rows.contains(&k)
                && lines[k].segments.iter().all(Segment::part)
                && (lines[k].y - line.y).abs() <= WRAP_PITCH * line.h
        });
        if let ([r], true) = (&rows[..], fragment_near) {
            let why = format!(
                "“{}”附近有几行数字可能是折行的数字，无法确定各属于哪一行，这几行没有导入，请对照原文填写。",
                plain(&lines[*r])
            );
            for k in [c, *r] {
                lines[k].unclear = Some(why.clone());
            }
            c += 1;
            continue;
        }
        match rows[..] {
            // As many numbers as the row: pieces of every one of its
            // numbers, or a row of its own with its label on another line.
            [r] if parts(line) >= numbers(&lines[r]) => {
                let why = format!(
                    "“{}”下（上）一行的数字可能是它的数字折行而来，也可能是另一行，无法确定，这两行没有导入，请对照原文填写。",
                    plain(&lines[r])
                );
                for k in [c, r] {
                    lines[k].unclear = Some(why.clone());
                }
                c += 1;
            }
            [r] => {
                let piece = lines.remove(c);
                let r = if r > c { r - 1 } else { r };
                let below = piece.y < lines[r].y;
                for p in piece.segments {
                    let row = &mut lines[r];
                    if let Some(s) = row.segments.iter_mut().find(|s| overlaps(s, &p)) {
                        s.text = if below {
                            format!("{}{}", s.text, p.text)
                        } else {
                            format!("{}{}", p.text, s.text)
                        };
                        s.x0 = s.x0.min(p.x0);
                        s.x1 = s.x1.max(p.x1);
                    }
                }
                c = 0;
            }
            [a, b] => {
                let (above, below) = (plain(&lines[a]), plain(&lines[b]));
                let why = format!(
                    "“{}”可能是上一行（{above}）中的数字折下来的，也可能属于下一行（{below}），无法确定，这几行没有导入，请对照原文填写。",
                    plain(line)
                );
                for r in [a, c, b] {
                    lines[r].unclear = Some(why.clone());
                }
                c += 1;
            }
            _ => c += 1,
        }
    }
    spread_unclear(lines);
}

/// A line not read may hold pieces of the nearest row above or below it (a
/// number wrapped over three lines): with each of its numbers under or over
/// one of that row's, a text line away, that row is not read either.
fn spread_unclear(lines: &mut [Line]) {
    let overlaps = |a: &Segment, b: &Segment| a.x0 < b.x1 && b.x0 < a.x1;
    let numbered = |l: &Line| l.segments.iter().any(Segment::number);
    let mut changed = true;
    while changed {
        changed = false;
        for u in 0..lines.len() {
            let Some(why) = lines[u].unclear.clone() else {
                continue;
            };
            let up = (0..u).rev().find(|&r| numbered(&lines[r]));
            let down = (u + 1..lines.len()).find(|&r| numbered(&lines[r]));
            for r in [up, down].into_iter().flatten() {
                let (a, b) = (&lines[u], &lines[r]);
                let near = a.page == b.page && (a.y - b.y).abs() <= WRAP_PITCH * a.h;
                // Its numbers (its words may be a merged column's vertical
                // label) each under or over one of the row's.
                let mut nums = a.segments.iter().filter(|p| p.part()).peekable();
                let under = nums.peek().is_some()
                    && nums.all(|p| b.segments.iter().any(|s| s.number() && overlaps(s, p)));
                if near && under && b.unclear.is_none() {
                    lines[r].unclear = Some(why.clone());
                    changed = true;
                }
            }
        }
    }
}

/// Numbers closer to another line's numbers than two rows' text can be
/// (within a line's height) are pieces of one row set off each other's
/// baseline — a wrapped number not joined, a label on another line: which
/// cell each is cannot be told from the text, so none is read (the text
/// reading would take them in line order, not by column).
fn mark_crowded(lines: &mut [Line]) {
    let numbered = |l: &Line| l.segments.iter().any(Segment::part);
    let mut marks = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if !numbered(l) || l.unclear.is_some() {
            continue;
        }
        let near = lines.iter().enumerate().any(|(j, m)| {
            j != i && m.page == l.page && (m.y - l.y).abs() < 0.9 * l.h && numbered(m)
        });
        if near {
            marks.push(i);
        }
    }
    // One note for lines one after another.
    let mut last: Option<(usize, String)> = None;
    for i in marks {
        let why = match last {
            Some((k, why)) if k + 1 == i => why,
            _ => format!(
                "“{}”的数字与相邻一行的数字上下错开、靠得很近，可能是同一行折开的数字，无法确定各属于哪一格，这几行没有导入，请对照原文填写。",
                plain(&lines[i])
            ),
        };
        lines[i].unclear = Some(why.clone());
        last = Some((i, why));
    }
    spread_unclear(lines);
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
mod tests {
    use super::*;

    fn piece(page: u32, x: f64, y: f64, s: &str) -> Piece {
        Piece {
            page,
            x,
            y,
            w: 6.0 * s.chars().count() as f64,
            h: 10.0,
            s: s.to_owned(),
        }
    }

    #[test]
    fn rows_by_baseline_and_blanks_by_column() {
        let mut p = vec![piece(1, 50.0, 700.0, "三、收到和处理政府信息公开申请情况")];
        // Three rows of a 3-column table; the second leaves its middle blank.
        for (y, label, values) in [
            (680.0, "一、本年新收", ["1", "2", "3"].as_slice()),
            (660.0, "二、上年结转", ["4", "", "6"].as_slice()),
            (640.0, "四、结转下年度", ["7", "8", "15"].as_slice()),
        ] {
            p.push(piece(1, 50.0, y + 0.4, label));
            for (k, v) in values.iter().enumerate() {
                if !v.is_empty() {
                    p.push(piece(1, 200.0 + 40.0 * k as f64, y, v));
                }
            }
        }
        p.push(piece(2, 50.0, 700.0, "- 2 -"));
        let t = pdf_text(&p, &[]);
        assert_eq!(
            t.text,
            "三、收到和处理政府信息公开申请情况\n| 一、本年新收 | 1 | 2 | 3 |\n| 二、上年结转 | 4 |  | 6 |\n| 四、结转下年度 | 7 | 8 | 15 |",
            "the page's number is no line of the text"
        );
        assert_eq!(t.places, [(1, 1), (1, 2), (1, 3), (1, 4)]);
    }

    #[test]
    fn pieces_close_together_are_one_segment() {
        let p = vec![
            piece(1, 10.0, 100.0, "本年"),
            piece(1, 22.5, 100.0, "新收"),
            piece(1, 80.0, 100.0, "12"),
        ];
        assert_eq!(pdf_text(&p, &[]).text, "本年新收 12");
    }

    fn at(x: f64, y: f64, w: f64, s: &str) -> Piece {
        Piece {
            page: 1,
            x,
            y,
            w,
            h: 9.0,
            s: s.to_owned(),
        }
    }

    #[test]
    fn a_decimal_wrapped_in_a_middle_aligned_cell_joins_its_row() {
        // `1.6` over two lines centred on the row; the label set at the top.
        let p = vec![
            at(76.0, 658.6, 54.0, "政府集中采购"),
            at(160.1, 652.6, 9.0, "17"),
            at(180.1, 658.6, 9.0, "1."),
            at(184.6, 646.7, 4.5, "6"),
        ];
        let t = pdf_text(&p, &[]);
        assert!(
            t.text.contains("17") && t.text.contains("1.6"),
            "{}",
            t.text
        );
    }

    #[test]
    fn a_row_like_a_page_number_is_kept_and_a_page_number_dropped() {
        // `— 2 —` spread over three columns is a row; set tight at the
        // page's foot it is the page's number.
        let mut p = vec![at(72.0, 700.0, 40.0, "行政许可")];
        for (k, s) in ["—", "2", "—"].iter().enumerate() {
            p.push(at(200.0 + 60.0 * k as f64, 700.0, 9.0, s));
        }
        p.push(at(280.0, 60.0, 9.0, "—"));
        p.push(at(292.0, 60.0, 9.0, "3"));
        p.push(at(304.0, 60.0, 9.0, "—"));
        let t = pdf_text(&p, &[]);
        assert_eq!(t.text, "| 行政许可 | — | 2 | — |");
    }

    #[test]
    fn a_fragment_between_two_rows_is_read_with_neither() {
        // Unruled, numbers at the top of their cells: `41` under one row and
        // over the next, as near to both.
        let p = vec![
            at(72.0, 700.0, 36.0, "行政处罚"),
            at(200.0, 700.0, 9.0, "3"),
            at(250.0, 700.0, 13.5, "149"),
            at(250.0, 688.0, 9.0, "41"),
            at(72.0, 676.0, 36.0, "行政强制"),
            at(200.0, 676.0, 9.0, "5"),
            at(250.0, 676.0, 13.5, "205"),
        ];
        let t = pdf_text(&p, &[]);
        assert!(
            t.text.contains("149（？）") && t.text.contains("205（？）"),
            "{}",
            t.text
        );
        assert!(
            t.notes.iter().any(|n| n.contains("无法确定")),
            "{:?}",
            t.notes
        );
    }

    #[test]
    fn numbers_set_off_each_others_baseline_are_marked_not_read_in_line_order() {
        // Middle-aligned: 规章's 5414 wrapped as `541` over `4`, around the
        // row's 17 and 10; the next row close below. Read line by line the
        // row would be `规章 541` then `17 10`: 541, 17, 10 in its cells.
        let mut p = vec![
            at(178.7, 639.8, 9.0, "17"),
            at(203.2, 639.8, 9.0, "10"),
            at(225.4, 645.1, 13.5, "541"),
            at(229.9, 634.6, 4.5, "4"),
            at(181.0, 624.0, 4.5, "0"),
            at(205.5, 624.0, 4.5, "0"),
            at(227.7, 624.0, 9.0, "16"),
        ];
        // Labels set one piece per character; the header's last line above.
        for (k, c) in "规章".chars().enumerate() {
            p.push(at(77.0 + 9.0 * k as f64, 645.9, 9.0, &c.to_string()));
        }
        for (k, c) in "行政规范性文件".chars().enumerate() {
            p.push(at(77.0 + 9.0 * k as f64, 624.8, 9.0, &c.to_string()));
        }
        for x in [176.0, 200.5, 225.0] {
            p.push(at(x, 656.5, 9.0, "数"));
        }
        let t = pdf_text(&p, &[]);
        for n in ["541", "17", "10", "4"] {
            assert!(t.text.contains(&format!("{n}（？）")), "{n}: {}", t.text);
        }
        assert!(
            t.notes.iter().any(|n| n.contains("无法确定")),
            "{:?}",
            t.notes
        );
    }

    #[test]
    fn a_numbers_head_above_a_bottom_aligned_row_joins_it() {
        // 900.2 wrapped as `900.` over `2`, the row's baseline at the foot.
        let p = vec![
            at(75.0, 148.8, 54.0, "政府集中采购"),
            at(165.0, 148.0, 4.5, "0"),
            at(192.4, 162.0, 18.0, "900."),
            at(192.4, 148.0, 4.5, "2"),
        ];
        let t = pdf_text(&p, &[]);
        assert!(
            t.text.contains("900.2") && !t.text.contains("| 2 |"),
            "{}",
            t.text
        );
    }

    #[test]
    fn a_number_wrapped_over_three_lines_from_its_head_is_not_read_short() {
        // 0.0013 as `0.` / `00` / `13`, centred on the row: never `0013`.
        let p = vec![
            at(78.0, 664.1, 54.0, "政府集中采购"),
            at(186.0, 653.0, 4.5, "9"),
            at(209.2, 664.1, 9.0, "0."),
            at(209.2, 653.0, 9.0, "00"),
            at(209.2, 641.9, 9.0, "13"),
        ];
        let t = pdf_text(&p, &[]);
        assert!(!t.text.contains("| 0013 |"), "{}", t.text);
        assert!(
            t.text.contains("0.0013") || t.text.contains("13（？）"),
            "{}",
            t.text
        );
    }

    #[test]
    fn a_number_wrapped_over_three_lines_above_a_bottom_aligned_row_is_not_read_short() {
        // 2.5906 as `2.` / `59` / `06`, the row's baseline at the foot: never
        // 5906 (the head on the label's line).
        let p = vec![
            at(78.0, 439.0, 63.0, "政府集中采购"),
            at(182.9, 412.3, 5.2, "0"),
            at(205.2, 439.0, 10.5, "2."),
            at(205.2, 426.2, 10.5, "59"),
            at(205.2, 412.3, 10.5, "06"),
        ];
        let t = pdf_text(&p, &[]);
        assert!(!t.text.contains("| 5906 |"), "{}", t.text);
        assert!(
            t.text.contains("2.5906") || t.text.contains("06（？）"),
            "{}",
            t.text
        );
    }

    #[test]
    fn a_vertical_labels_wu_is_no_zero_of_the_row_beside_it() {
        // （四）无法提供 set one character under another; `无` on the baseline
        // of a row whose second cell is blank: six cells, never seven.
        let mut p = Vec::new();
        for (k, c) in ["（", "四", "）", "无", "法", "提"].iter().enumerate() {
            p.push(at(93.0, 203.0 - 16.9 * k as f64, 9.0, c));
        }
        p.push(at(111.0, 161.5, 90.0, "2.没有现成信息需"));
        for x in [255.6, 364.8, 419.4, 474.0, 528.6, 583.2] {
            p.push(at(x, 152.3, 9.0, "—"));
        }
        let t = pdf_text(&p, &[]);
        assert!(
            !t.text.contains("| 无 |") && !t.text.contains("无 —"),
            "{}",
            t.text
        );
    }
}
