//! 表三 and 表四 of a published report: the rows of numbers found in the text
//! matched to the format's rows, in order, with the labels near them as
//! evidence. A row of numbers is placed only whole (as many cells as the
//! table has columns); one whose cells the source lost is not placed.

use super::fold::{coverage, fold};
use super::tokens::{Run, Tok, Token};
use super::{Certainty, Placing};
use crate::edit::structured::parse_value;
use crate::template::{CellId, GridCell, Scope, TableId, Template};

/// A row the table expects: its label and its cells, or （六）其他处理 printed
/// as one row where the format has three (spec §13.6).
#[derive(Clone, Debug)]
enum Expected {
    Row {
        label: String,
        cells: Vec<CellId>,
    },
    OneForMany {
        label: String,
        rows: Vec<Vec<CellId>>,
    },
}

impl Expected {
    fn label(&self) -> &str {
        match self {
            Expected::Row { label, .. } | Expected::OneForMany { label, .. } => label,
        }
    }
}

/// The body rows of a table as (folded leaf label, cells).
pub(super) fn rows_of(template: &Template, table: TableId) -> Vec<(String, Vec<CellId>)> {
    template
        .table(table)
        .body
        .iter()
        .map(|row| {
            let label = row
                .iter()
                .filter_map(|c| match c {
                    GridCell::Head(h) if h.scope == Scope::Row => Some(h.text),
                    _ => None,
                })
                .next_back()
                .unwrap_or_default();
            let cells = row
                .iter()
                .filter_map(|c| match c {
                    GridCell::Data { cell, .. } => Some(*cell),
                    _ => None,
                })
                .collect();
            (fold(label), cells)
        })
        .collect()
}

/// The ways the table's rows may be printed: as the format has them, and
/// for 表三 of F2021 with （六） as one row.
fn variants(template: &Template, table: TableId) -> Vec<Vec<Expected>> {
    let rows = rows_of(template, table);
    let plain: Vec<Expected> = rows
        .iter()
        .map(|(label, cells)| Expected::Row {
            label: label.clone(),
            cells: cells.clone(),
        })
        .collect();
    let other = |cells: &Vec<CellId>| {
        cells
            .first()
            .is_some_and(|c| template.def(*c).row.starts_with("other."))
    };
    if !rows.iter().any(|(_, c)| other(c)) {
        return vec![plain];
    }
    let mut merged = Vec::new();
    for (label, cells) in &rows {
        if other(cells) {
            match merged.last_mut() {
                Some(Expected::OneForMany { rows, .. }) => rows.push(cells.clone()),
                _ => merged.push(Expected::OneForMany {
                    label: fold(crate::template::T3_OTHER_LABEL),
                    rows: vec![cells.clone()],
                }),
            }
        } else {
            merged.push(Expected::Row {
                label: label.clone(),
                cells: cells.clone(),
            });
        }
    }
    vec![plain, merged]
}

/// The longest text taken for a label, in bytes (the longest row label of
/// the formats is 39 characters; annotations add some).
pub(super) const MAX_LABEL: usize = 600;

/// Which expected row a label names, if it names exactly one well, and how
/// fully (1.0: every character of the row's label, in order).
fn named(label: &str, rows: &[Expected]) -> Option<(usize, f32)> {
    // A sentence or a page of text is no row label (and comparing it with
    // every label would take long).
    if label.len() > MAX_LABEL {
        return None;
    }
    let text = fold(label);
    let mut best: Option<(usize, f32)> = None;
    let mut tie = false;
    for (i, r) in rows.iter().enumerate() {
        let c = coverage(r.label(), &text);
        match best {
            Some((_, b)) if c < b => {}
            Some((_, b)) if c == b => tie = true,
            _ => {
                best = Some((i, c));
                tie = false;
            }
        }
    }
    // A short label must be there whole: “3.其他” is not “2.其他法律…”.
    best.filter(|&(i, c)| !tie && c >= 0.75 && (c == 1.0 || rows[i].label().chars().count() > 6))
}

/// What the labels say about a run: the row its own label (printed right
/// before it) names in full — an anchor — and the rows any label between
/// its neighbours names (a PDF may print a label after its numbers).
#[derive(Clone, Debug, Default)]
struct Named {
    anchor: Option<usize>,
    near: Vec<usize>,
}

impl Named {
    fn weight(&self, j: usize) -> i32 {
        if self.anchor == Some(j) {
            8
        } else if self.near.contains(&j) {
            2
        } else {
            0
        }
    }
}

fn evidence(tokens: &[Token], runs: &[&Run], rows: &[Expected]) -> Vec<Named> {
    let lead = |i: usize| {
        runs[i]
            .lead
            .as_deref()
            .and_then(|l| named(l, rows))
            .filter(|&(_, c)| c >= 0.9)
            .map(|(r, _)| r)
    };
    (0..runs.len())
        .map(|i| {
            let from = if i == 0 { 0 } else { runs[i - 1].end };
            let to = runs.get(i + 1).map_or(tokens.len(), |r| r.start);
            Named {
                // After numbers printed without their label, the label that
                // follows may be theirs (a PDF prints some labels after their
                // numbers): it anchors nothing then.
                anchor: lead(i).filter(|_| i == 0 || lead(i - 1).is_some()),
                near: tokens[from..to.max(from)]
                    .iter()
                    .filter_map(|t| match &t.tok {
                        Tok::Label(l) => named(l, rows).map(|(r, _)| r),
                        _ => None,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The best order-keeping match of runs to rows: (run, row) pairs and score.
fn align(n: usize, m: usize, support: &[Named]) -> (Vec<(usize, usize)>, i32) {
    let w = |i: usize, j: usize| 1 + support[i].weight(j);
    let mut f = vec![vec![0i32; m + 1]; n + 1];
    for i in 1..=n {
        for j in 1..=m {
            f[i][j] = f[i - 1][j]
                .max(f[i][j - 1])
                .max(f[i - 1][j - 1] + w(i - 1, j - 1));
        }
    }
    let (mut i, mut j, mut pairs) = (n, m, Vec::new());
    while i > 0 && j > 0 {
        if f[i][j] == f[i - 1][j - 1] + w(i - 1, j - 1) {
            pairs.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        } else if f[i][j] == f[i - 1][j] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    pairs.reverse();
    (pairs, f[n][m])
}

/// A way of printing the rows, the (run, row) pairs matched, the evidence per run, the score.
type Alignment = (Vec<Expected>, Vec<(usize, usize)>, Vec<Named>, i32);

/// Places the table's rows found in `tokens` (the table's part of the text).
pub fn recognise(
    template: &Template,
    table: TableId,
    tokens: &[Token],
    runs: &[Run],
    out: &mut Placing,
) {
    let width = template
        .table(table)
        .body
        .iter()
        .map(|r| {
            r.iter()
                .filter(|c| matches!(c, GridCell::Data { .. }))
                .count()
        })
        .max()
        .unwrap_or(0);
    // A run of whole rows (one cell per line, labels printed apart) is cut
    // into rows; anything else has lost cells and is not placed.
    // No table has 40 rows: a longer run of numbers is something else.
    let fitted: Vec<Run> = runs
        .iter()
        .filter(|r| r.cells.len() <= width * 40)
        .filter_map(|r| r.fitted(width))
        .take(400)
        .collect();
    let whole: Vec<&Run> = fitted.iter().collect();
    for r in runs
        .iter()
        .filter(|r| r.cells.len() > width * 40 || (r.fitted(width).is_none() && r.cells.len() > 1))
    {
        out.note(format!(
            "{}：第 {} 行起有一组 {} 个数字，与表格的 {width} 列对不上（原文可能丢了空格子），没有导入，请对照原文填写。",
            table.name(),
            r.line + 1,
            r.cells.len()
        ));
    }
    let pieces: Vec<(usize, Run)> = whole
        .iter()
        .enumerate()
        .flat_map(|(i, r)| {
            r.cells.chunks(width).enumerate().map(move |(k, c)| {
                let lead = if k == 0 { r.lead.clone() } else { None };
                (
                    i,
                    Run {
                        cells: c.to_vec(),
                        lead,
                        ..(*r).clone()
                    },
                )
            })
        })
        .collect();
    let mut best: Option<Alignment> = None;
    for rows in variants(template, table) {
        let by_run = evidence(tokens, &whole, &rows);
        let support: Vec<Named> = pieces
            .iter()
            .map(|(i, p)| Named {
                anchor: by_run[*i].anchor.filter(|_| p.lead.is_some()),
                near: by_run[*i].near.clone(),
            })
            .collect();
        let (pairs, score) = align(pieces.len(), rows.len(), &support);
        if best.as_ref().is_none_or(|b| score > b.3) {
            best = Some((rows, pairs, support, score));
        }
    }
    let Some((rows, pairs, support, _)) = best else {
        return;
    };
    // Certain: a run its own label names, and the runs between two such
    // (or the table's ends) when they are exactly as many as the rows
    // between: order then leaves one way to place them.
    let anchored: Vec<(isize, isize)> = std::iter::once((-1, -1))
        .chain(
            pairs
                .iter()
                .filter(|&&(u, r)| support[u].anchor == Some(r))
                .map(|&(u, r)| (u as isize, r as isize)),
        )
        .chain(std::iter::once((
            pieces.len() as isize,
            rows.len() as isize,
        )))
        .collect();
    let certain = |u: usize, r: usize| {
        if support[u].anchor == Some(r) {
            return true;
        }
        let (u, r) = (u as isize, r as isize);
        anchored.windows(2).any(|w| {
            let ((ua, ra), (ub, rb)) = (w[0], w[1]);
            ua < u && u < ub && ub - ua == rb - ra && r - ra == u - ua
        })
    };
    for &(u, r) in &pairs {
        let run = &pieces[u].1;
        let certainty = if certain(u, r) {
            Certainty::Recognised
        } else {
            Certainty::Uncertain
        };
        let lines = (run.line, run.line);
        match &rows[r] {
            Expected::Row { cells, .. } => {
                for (cell, text) in cells.iter().zip(&run.cells) {
                    out.place(template, *cell, text.as_deref(), certainty, lines);
                }
            }
            Expected::OneForMany { rows: many, .. } => {
                let zeros = run.cells.iter().all(|c| {
                    c.as_deref().is_some_and(|t| {
                        matches!(
                            parse_value(t, crate::cell::CellKind::Count),
                            Ok((Some(0), _))
                        )
                    })
                });
                if zeros {
                    // 0 in the one row is 0 in each of its parts: nothing guessed.
                    for cells in many {
                        for (cell, text) in cells.iter().zip(&run.cells) {
                            out.place(template, *cell, text.as_deref(), certainty, lines);
                        }
                    }
                    out.note(format!(
                        "{}：原文把“{}”印成一行，且都是 0，三个小项各记为 0。",
                        table.name(),
                        crate::template::T3_OTHER_LABEL
                    ));
                } else {
                    out.note(format!(
                        "{}：原文把“{}”印成一行（第 {} 行），本格式分为三个小项，无法确定各项的数字，请对照原文填写。",
                        table.name(),
                        crate::template::T3_OTHER_LABEL,
                        run.line + 1
                    ));
                }
            }
        }
    }
    for (u, (_, run)) in pieces.iter().enumerate() {
        if !pairs.iter().any(|(i, _)| *i == u) {
            out.note(format!(
                "{}：第 {} 行的一组数字无法确定属于哪一行，没有导入。",
                table.name(),
                run.line + 1
            ));
        }
    }
}
