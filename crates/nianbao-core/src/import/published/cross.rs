//! 表三 and 表四 of a published report: the rows of numbers found in the text
//! matched to the format's rows, in order, with the labels near them as
//! evidence (`evidence.rs`). A row of numbers is placed only whole (as many cells as the
//! table has columns); one whose cells the source lost is not placed.

use super::evidence::{align, evidence, Named, Side};
use super::fold::{coverage, fold};
use super::tokens::{split_run, Run, Tok, Token};
use super::{Certainty, Placing};
use crate::edit::structured::parse_value;
use crate::template::{CellId, GridCell, Scope, TableId, Template};

/// A row the table expects: its label and its cells, or （六）其他处理 printed
/// as one row where the format has three (spec §13.6).
#[derive(Clone, Debug)]
pub(super) enum Expected {
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
    pub(super) fn label(&self) -> &str {
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

/// The sums within one row of `table` (T3-1's 总计 = the six columns; 表四's
/// 总计 = its four results), as positions in the row's cells.
fn row_sums(template: &Template, table: TableId) -> Vec<(usize, Vec<usize>)> {
    let Some((_, cells)) = rows_of(template, table)
        .into_iter()
        .find(|(_, c)| !c.is_empty())
    else {
        return Vec::new();
    };
    let pos = |c: &CellId| cells.iter().position(|x| x == c);
    template
        .sums
        .iter()
        .filter_map(|s| {
            let t = pos(&s.total)?;
            let parts: Option<Vec<usize>> = s.parts.iter().map(pos).collect();
            parts.filter(|p| !p.is_empty()).map(|p| (t, p))
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
pub(super) fn named(label: &str, rows: &[Expected]) -> Option<(usize, f32)> {
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
    // Digits a PDF ran together are split only where one split alone gives
    // the row's width and keeps the row's own sums (总计 = its parts).
    let sums = row_sums(template, table);
    let holds = |v: &[i64]| {
        sums.iter().all(|(t, parts)| {
            v.get(*t) == Some(&parts.iter().map(|p| v.get(*p).copied().unwrap_or(0)).sum())
        })
    };
    let fit = |r: &Run| r.fitted(width).or_else(|| split_run(r, width, &holds));
    // A run that does not fit held part of a row, a row or rows: it stays in
    // the order as a hole that places nothing, so rows after it are not
    // shifted into its place. It counts as one row only when it is a row's
    // line (two or more numbers, alone on one line, short of the width);
    // otherwise how many rows it held is not known, and no row is placed by
    // counting rows across it.
    let last_line = |r: &Run| {
        tokens
            .get(r.end.saturating_sub(1))
            .map_or(r.line, |t| t.line)
    };
    let shares_line = |r: &Run| {
        runs.iter()
            .any(|o| o.start != r.start && last_line(o) >= r.line && o.line <= last_line(r))
    };
    let fitted: Vec<(Run, bool, bool)> = runs
        .iter()
        .filter(|r| r.cells.len() <= width * 40)
        .filter_map(|r| match fit(r) {
            Some(f) => Some((f, false, false)),
            // `— 3 —` where no row has three cells: a page's number.
            None if r.cells.is_empty()
                && tokens
                    .get(r.start)
                    .is_some_and(|t| matches!(t.tok, Tok::Unsure(k) if k != width)) =>
            {
                None
            }
            None if width > 0 => {
                let row_line = (2..width).contains(&r.cells.len())
                    && last_line(r) == r.line
                    && !shares_line(r);
                let hole = Run {
                    cells: vec![None; width],
                    ..r.clone()
                };
                Some((hole, !row_line, true))
            }
            None => None,
        })
        .take(400)
        .collect();
    let whole: Vec<&Run> = fitted.iter().map(|(r, _, _)| r).collect();
    let loose: Vec<bool> = fitted
        .iter()
        .flat_map(|(r, l, _)| std::iter::repeat_n(*l, r.cells.len().div_ceil(width.max(1))))
        .collect();
    for r in runs
        .iter()
        .filter(|r| r.cells.len() > width * 40 || (fit(r).is_none() && r.cells.len() > 1))
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
    // Every way of printing the rows, with the labels before or after their
    // numbers: each a reading of the table.
    let mut readings: Vec<Reading> = Vec::new();
    for rows in variants_printed(template, table, tokens) {
        for side in [Side::Before, Side::After] {
            // Labels are evidence for runs of numbers only: a hole takes none.
            // A hole that is one row's line stands in the order as a row
            // (its label vouches for a neighbour's); one of unknown rows
            // says nothing and is left out.
            let order: Vec<usize> = (0..fitted.len())
                .filter(|&k| !(fitted[k].1 && fitted[k].2))
                .collect();
            let runs: Vec<&Run> = order.iter().map(|&k| whole[k]).collect();
            let holes: Vec<bool> = order.iter().map(|&k| fitted[k].2).collect();
            let mut found = evidence(tokens, &runs, &holes, &rows, side).into_iter();
            let by_run: Vec<Named> = fitted
                .iter()
                .map(|(_, loose, hole)| match loose & hole {
                    false => found.next().expect("one per run"),
                    true => Named::default(),
                })
                .collect();
            let support: Vec<Named> = pieces
                .iter()
                .enumerate()
                .map(|(u, (i, p))| {
                    // A run cut into rows: its label names only its first
                    // row (Before) or its last (After).
                    // A label naming a row holds for a run of exactly that
                    // row's numbers: more may be another table's.
                    let first = u == 0 || pieces[u - 1].0 != *i;
                    let last = pieces.get(u + 1).is_none_or(|(j, _)| j != i);
                    let alone = first && last;
                    let own = alone
                        && match side {
                            Side::Before => p.lead.is_some(),
                            Side::After => true,
                        };
                    Named {
                        anchor: by_run[*i].anchor.filter(|_| own),
                        same_line: by_run[*i].same_line,
                        near: by_run[*i].near.clone(),
                    }
                })
                .collect();
            let (pairs, score) = align(pieces.len(), rows.len(), &support);
            readings.push(read(table, &rows, &pieces, &loose, &pairs, &support, score));
        }
    }
    // The reading its labels support best — unless another is supported
    // nearly as well (labels on lines of their own, before or after their
    // numbers) and keeps more of the table's sums across rows (（七） =
    // （一）…（六）, 表四's 总计). When such readings keep them equally and place
    // differently, only what they agree on is placed.
    // Sums within one row hold for any run of the row's width wherever it is
    // placed: only sums across rows tell readings apart.
    let sums: Vec<(CellId, Vec<CellId>)> = template
        .sums
        .iter()
        .filter(|s| template.def(s.total).table == table)
        .filter(|s| {
            s.parts
                .iter()
                .any(|p| template.def(*p).row != template.def(s.total).row)
        })
        .map(|s| (s.total, s.parts.clone()))
        .collect();
    for r in &mut readings {
        r.kept = kept(&r.placed, &sums);
    }
    // Labels first: readings within one anchor of the best supported one
    // contend, and of those the one keeping most sums wins.
    let top = readings.iter().map(|r| r.score).max().unwrap_or(0);
    readings.retain(|r| r.score + MARGIN >= top);
    // A reading that must leave more rows of printed numbers unplaced than
    // the best explains the page less well and does not contend.
    readings.sort_by_key(|r| std::cmp::Reverse((r.kept, r.score)));
    let Some(best) = readings.first() else { return };
    let rivals: Vec<&Reading> = readings
        .iter()
        .skip(1)
        .filter(|r| {
            r.kept == best.kept
                && r.unused <= best.unused
                && r.placed != best.placed
                && !r.placed.is_empty()
        })
        .collect();
    let value = |placed: &[Placed], c: CellId| {
        placed.iter().find(|p| p.cell == c).map(|p| {
            parse_value(p.text.as_deref().unwrap_or(""), template.def(c).kind)
                .ok()
                .map(|v| v.0)
        })
    };
    let mut doubted = 0;
    for p in &best.placed {
        let agreed = rivals
            .iter()
            .all(|r| value(&r.placed, p.cell) == value(&best.placed, p.cell));
        if !agreed {
            doubted += 1;
            continue;
        }
        out.place(
            template,
            p.cell,
            p.text.as_deref(),
            Certainty::Recognised,
            p.lines,
        );
    }
    if doubted > 0 {
        out.note(format!(
            "{}：原文中的行名与数字可有两种对应方式，表格的勾稽关系也无法区分，其中 {doubted} 格两种读法不同，没有导入，请对照原文填写。",
            table.name()
        ));
    }
    for n in &best.notes {
        out.note(n.clone());
    }
}

/// How much less label support a reading may have and still contend: one
/// anchor on a line of its own.
const MARGIN: i32 = 10;

/// A cell a reading places: its text as printed and its source lines.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Placed {
    cell: CellId,
    text: Option<String>,
    lines: (usize, usize),
}

/// One reading of a table: what it places, what it says, how well the
/// labels support it, and how many of the table's sums it keeps.
struct Reading {
    placed: Vec<Placed>,
    notes: Vec<String>,
    score: i32,
    kept: i32,
    /// Runs of numbers it leaves unplaced.
    unused: usize,
}

/// The table's sums kept minus those broken by what is placed (sums not
/// wholly placed count nothing, nor a sum of zeros: rows of zeros keep it
/// in any order, a reading shifted by a row as well).
fn kept(placed: &[Placed], sums: &[(CellId, Vec<CellId>)]) -> i32 {
    let get = |c: &CellId| -> Option<i64> {
        let p = placed.iter().find(|p| p.cell == *c)?;
        let t = p.text.as_deref()?;
        parse_value(t, crate::cell::CellKind::Count).ok()?.0
    };
    sums.iter()
        .filter_map(|(total, parts)| {
            let t = get(total)?;
            let s: i64 = parts.iter().map(get).sum::<Option<i64>>()?;
            match (t == s, t) {
                (true, 0) => None,
                (true, _) => Some(1),
                (false, _) => Some(-1),
            }
        })
        .sum()
}

/// The ways of printing the rows that fit the text: （六） as one row only
/// when none of its parts' own labels is printed.
fn variants_printed(template: &Template, table: TableId, tokens: &[Token]) -> Vec<Vec<Expected>> {
    let all = variants(template, table);
    let parts_printed = all.first().is_some_and(|plain| {
        tokens.iter().any(|t| match &t.tok {
            Tok::Label(l) => named(l, plain).is_some_and(|(r, c)| {
                c >= 0.9
                    && matches!(&plain[r], Expected::Row { cells, .. }
                        if cells.first().is_some_and(|c| template.def(*c).row.starts_with("other.")))
                    && fold(l).chars().count() > 3
            }),
            _ => false,
        })
    });
    all.into_iter()
        .filter(|rows| !parts_printed || rows.iter().all(|r| matches!(r, Expected::Row { .. })))
        .collect()
}

/// The cells an alignment places: certain pairs only (a run its own label
/// names, or runs between two such exactly as many as the rows between);
/// runs of blanks say nothing and are not placed.
fn read(
    table: TableId,
    rows: &[Expected],
    pieces: &[(usize, Run)],
    loose: &[bool],
    pairs: &[(usize, usize)],
    support: &[Named],
    score: i32,
) -> Reading {
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
            ua < u
                && u < ub
                && ub - ua == rb - ra
                && r - ra == u - ua
                && !loose[(ua + 1) as usize..ub as usize].iter().any(|&l| l)
        })
    };
    let mut placed = Vec::new();
    let mut notes = Vec::new();
    let mut used = Vec::new();
    for &(u, r) in pairs {
        let run = &pieces[u].1;
        if !certain(u, r) || run.cells.iter().all(Option::is_none) {
            continue;
        }
        used.push(u);
        let lines = (run.line, run.line);
        let mut put = |cells: &[CellId]| {
            for (cell, text) in cells.iter().zip(&run.cells) {
                placed.push(Placed {
                    cell: *cell,
                    text: text.clone(),
                    lines,
                });
            }
        };
        match &rows[r] {
            Expected::Row { cells, .. } => put(cells),
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
                        put(cells);
                    }
                    notes.push(format!(
                        "{}：原文把“{}”印成一行，且都是 0，三个小项各记为 0。",
                        table.name(),
                        crate::template::T3_OTHER_LABEL
                    ));
                } else {
                    notes.push(format!(
                        "{}：原文把“{}”印成一行（第 {} 行），本格式分为三个小项，无法确定各项的数字，请对照原文填写。",
                        table.name(),
                        crate::template::T3_OTHER_LABEL,
                        run.line + 1
                    ));
                }
            }
        }
    }
    let mut unused = 0;
    for (u, (_, run)) in pieces.iter().enumerate() {
        if !used.contains(&u) && run.cells.iter().any(Option::is_some) {
            unused += 1;
            notes.push(format!(
                "{}：第 {} 行的一组数字无法确定属于哪一行，没有导入。",
                table.name(),
                run.line + 1
            ));
        }
    }
    Reading {
        placed,
        notes,
        score,
        kept: 0,
        unused,
    }
}
