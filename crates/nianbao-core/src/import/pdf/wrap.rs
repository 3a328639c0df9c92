//! Numbers a narrow column wrapped over lines, joined back — and where a
//! piece could continue either of two rows, or numbers of one row are set
//! off each other's baseline, the lines marked unclear (`（？）`) and said,
//! never joined by a guess.

use super::{is_footer, is_value, plain, Grid, Line, Segment};

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

pub(super) fn join_wrapped(lines: &mut Vec<Line>) {
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
pub(super) fn join_aligned(lines: &mut Vec<Line>, grid: &Grid) {
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
pub(super) fn mark_crowded(lines: &mut [Line]) {
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
