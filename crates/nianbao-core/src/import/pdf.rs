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
}

impl Segment {
    fn center(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
    fn number(&self) -> bool {
        is_value(&self.text)
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
fn lines_of(page: u32, mut pieces: Vec<&Piece>) -> Vec<Line> {
    pieces.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<(f64, f64, Vec<&Piece>)> = Vec::new();
    for p in pieces {
        let h = p.h.abs().max(1.0);
        match rows.last_mut() {
            // The same baseline, within a third of the text's height.
            Some((y, rh, list)) if (*y - p.y).abs() <= 0.35 * rh.max(h) => list.push(p),
            _ => rows.push((p.y, h, vec![p])),
        }
    }
    rows.into_iter()
        .map(|(y, _, mut list)| {
            list.sort_by(|a, b| a.x.total_cmp(&b.x));
            let h = median(list.iter().map(|p| p.h.abs()).collect()).max(1.0);
            let mut segments: Vec<Segment> = Vec::new();
            for p in list {
                let gap_ok = segments
                    .last()
                    .is_some_and(|s| p.x - s.x1 <= 0.3 * h && p.x >= s.x0);
                match segments.last_mut() {
                    Some(s) if gap_ok => {
                        s.text.push_str(&p.s);
                        s.x1 = s.x1.max(p.x + p.w);
                    }
                    _ => segments.push(Segment {
                        x0: p.x,
                        x1: p.x + p.w,
                        text: p.s.clone(),
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

/// A number too wide for its cell wraps inside it (`1087` over `5`): its
/// pieces stand one text line apart in one column, centred on the row's
/// baseline — half a line above and below it for two pieces, closer to the
/// row than another row can be. They are joined, top to bottom, into the
/// row. Three or more pieces (the middle one on the row's baseline) only
/// from lines that hold nothing but numbers; anything less clear is left as
/// it is, and the row is then not read by columns (`crowded`).
fn join_wrapped(lines: &mut Vec<Line>) {
    let overlaps = |a: &Segment, b: &Segment| a.x0 < b.x1 && b.x0 < a.x1;
    let numbers_only = |l: &Line| l.segments.iter().all(Segment::number);
    let mut i = 0;
    'rows: while i < lines.len() {
        let row = &lines[i];
        let h = row.h;
        let near: Vec<usize> = (0..lines.len())
            .filter(|&j| j != i && (lines[j].y - row.y).abs() <= 1.6 * h)
            .collect();
        let numbers: Vec<(usize, usize)> = near
            .iter()
            .flat_map(|&j| (0..lines[j].segments.len()).map(move |k| (j, k)))
            .filter(|&(j, k)| lines[j].segments[k].number())
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
            let clear = column.iter().all(|&(m, n)| lines[m].segments[n].number())
                && own.is_none_or(|o| {
                    row.segments[o].number() && on.iter().all(|&m| numbers_only(&lines[m]))
                })
                && on.len() == column.len()
                && ys.len() >= 2
                && ys
                    .windows(2)
                    .all(|w| (0.9 * h..=1.5 * h).contains(&(w[0] - w[1])))
                && (mean - row.y).abs() <= 0.3 * h;
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
fn join_aligned(lines: &mut Vec<Line>) {
    let overlaps = |a: &Segment, b: &Segment| a.x0 < b.x1 && b.x0 < a.x1;
    let mut c = 0;
    while c < lines.len() {
        let line = &lines[c];
        let piece_line = !line.segments.is_empty()
            && line.segments.iter().all(Segment::number)
            && !is_footer(&plain(line))
            && line.unclear.is_none();
        if !piece_line {
            c += 1;
            continue;
        }
        // Rows it may continue: the lines right above and below, a text
        // line away, with a number over or under each of its pieces.
        let fits = |r: usize| {
            let row = &lines[r];
            let d = (row.y - line.y).abs();
            row.page == line.page
                && (0.9 * line.h..=1.5 * line.h).contains(&d)
                && row.unclear.is_none()
                && line.segments.iter().all(|p| {
                    row.segments
                        .iter()
                        .filter(|s| overlaps(s, p))
                        .map(Segment::number)
                        .eq([true])
                })
        };
        let rows: Vec<usize> = [c.checked_sub(1), Some(c + 1)]
            .into_iter()
            .flatten()
            .filter(|&r| r < lines.len() && fits(r))
            .collect();
        match rows[..] {
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
}

/// Whether a number stands closer to `line` than another row could (within
/// a line's height) — a piece of a wrapped number not joined: its row is
/// not read by columns, as a blank there may be that number.
fn crowded(lines: &[Line], i: usize) -> bool {
    let l = &lines[i];
    lines.iter().enumerate().any(|(j, m)| {
        j != i && (m.y - l.y).abs() < 0.9 * l.h && m.segments.iter().any(Segment::number)
    })
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
    Some(format!("| {} | {} |", label.join(" "), values.join(" | ")))
}

/// The PDF's text (see the module note) from its pieces.
pub fn pdf_text(pieces: &[Piece]) -> PdfText {
    let mut pages: Vec<u32> = pieces.iter().map(|p| p.page).collect();
    pages.sort_unstable();
    pages.dedup();
    let mut out = PdfText::default();
    for page in pages {
        let mut lines = lines_of(page, pieces.iter().filter(|p| p.page == page).collect());
        join_wrapped(&mut lines);
        join_aligned(&mut lines);
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
                if crowded(&lines, i) || lines[i].unclear.is_some() {
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
        let t = pdf_text(&p);
        assert_eq!(
            t.text,
            "三、收到和处理政府信息公开申请情况\n| 一、本年新收 | 1 | 2 | 3 |\n| 二、上年结转 | 4 |  | 6 |\n| 四、结转下年度 | 7 | 8 | 15 |\n- 2 -"
        );
        assert_eq!(t.places, [(1, 1), (1, 2), (1, 3), (1, 4), (2, 1)]);
    }

    #[test]
    fn pieces_close_together_are_one_segment() {
        let p = vec![
            piece(1, 10.0, 100.0, "本年"),
            piece(1, 22.5, 100.0, "新收"),
            piece(1, 80.0, 100.0, "12"),
        ];
        assert_eq!(pdf_text(&p).text, "本年新收 12");
    }
}
