//! 表二 of a published report: each row found by its label, its values the
//! run of numbers right after it — placed only when the run has exactly as
//! many values as the row has cells.

use super::cross::rows_of;
use super::fold::{coverage, fold};
use super::tokens::{split_run, Run, Tok, Token};
use super::{Certainty, Placing};
use crate::cell::CellKind;
use crate::template::{CellId, TableId, Template};

pub fn recognise(template: &Template, tokens: &[Token], runs: &[Run], out: &mut Placing) {
    let table = TableId::Proactive;
    // Rows with cells a report fills (not the grid's 不适用 cells).
    let rows: Vec<(String, Vec<CellId>)> = rows_of(template, table)
        .into_iter()
        .map(|(label, cells)| {
            let cells = cells
                .into_iter()
                .filter(|c| template.def(*c).kind != CellKind::NotApplicable)
                .collect::<Vec<_>>();
            (label, cells)
        })
        .filter(|(_, cells)| !cells.is_empty())
        .collect();
    // Each row label, with the runs right after and right before it.
    struct Found<'a> {
        row: usize,
        label: &'a str,
        line: usize,
        after: Option<&'a Run>,
        before: Option<&'a Run>,
    }
    let adjacent = |from: usize, step: isize| -> Option<&Run> {
        let mut j = from as isize + step;
        while j >= 0 && (j as usize) < tokens.len() && tokens[j as usize].tok == Tok::Break {
            j += step;
        }
        if j < 0 {
            return None;
        }
        let j = j as usize;
        runs.iter().find(|r| {
            if step > 0 {
                r.start == j
            } else {
                r.end == j + 1
            }
        })
    };
    let mut found: Vec<Found> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let Tok::Label(label) = &t.tok else { continue };
        if label.len() > super::cross::MAX_LABEL {
            continue;
        }
        let text = fold(label);
        // The row this label is: all of its words, and not much more.
        let Some(r) = rows.iter().position(|(l, _)| {
            coverage(l, &text) == 1.0 && text.chars().count() <= l.chars().count() + 2
        }) else {
            continue;
        };
        if found.iter().any(|f| f.row == r) {
            continue;
        }
        found.push(Found {
            row: r,
            label,
            line: t.line,
            after: adjacent(i, 1),
            before: adjacent(i, -1),
        });
    }
    // Labels before their numbers (a page, most PDFs) or after them (a PDF
    // printing labels lower than their numbers): the table's own way, where
    // its labels show one; a label on its numbers' line is theirs.
    let before_all = found.iter().all(|f| f.after.is_some());
    let after_all = found.iter().all(|f| f.before.is_some());
    // Which run each label takes; a run two labels would take is neither's.
    let choice: Vec<Option<&Run>> = found
        .iter()
        .map(|f| {
            let line = f.line;
            f.after
                .filter(|r| r.line == line)
                .or(f.before.filter(|r| r.line == line))
                .or(match (before_all, after_all) {
                    (true, false) => f.after,
                    (false, true) => f.before,
                    // Either way fits, or neither always: only a label with
                    // numbers on one side alone.
                    _ => match (f.after, f.before) {
                        (Some(a), None) => Some(a),
                        (None, Some(b)) => Some(b),
                        _ => None,
                    },
                })
        })
        .collect();
    let taken_twice = |r: &Run| {
        choice
            .iter()
            .flatten()
            .filter(|c| c.start == r.start)
            .count()
            > 1
    };
    for (f, run) in found.iter().zip(&choice) {
        let cells = &rows[f.row].1;
        let Some(run) = run.filter(|r| !taken_twice(r)) else {
            if run.is_some() || (f.after.is_some() && f.before.is_some()) {
                out.note(format!(
                    "表二：“{}”一行的数字可能在它的前面也可能在后面，无法确定，没有导入，请对照原文填写。",
                    f.label
                ));
            }
            continue;
        };
        // Digits run together (`规章003`) split only where one split alone fits.
        let fitted = run
            .exactly(cells.len())
            .or_else(|| split_run(run, cells.len(), &|_| true));
        let Some(run) = fitted.as_ref() else {
            out.note(format!(
                "表二：“{}”一行有 {} 个数字，应为 {} 个，没有导入，请对照原文填写。",
                f.label,
                run.cells.len(),
                cells.len()
            ));
            continue;
        };
        for (cell, text) in cells.iter().zip(&run.cells) {
            out.place(
                template,
                *cell,
                text.as_deref(),
                Certainty::Recognised,
                (f.line, run.line),
            );
        }
    }
}
