//! 表二 of a published report: each row found by its label, its values the
//! run of numbers right after it — placed only when the run has exactly as
//! many values as the row has cells.

use super::cross::rows_of;
use super::fold::{coverage, fold};
use super::tokens::{Run, Tok, Token};
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
    let mut done = vec![false; rows.len()];
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
        if done[r] {
            continue;
        }
        let next = tokens[i + 1..]
            .iter()
            .position(|t| t.tok != Tok::Break)
            .map(|p| i + 1 + p);
        let Some(run) = next.and_then(|n| runs.iter().find(|run| run.start == n)) else {
            continue;
        };
        let cells = &rows[r].1;
        done[r] = true;
        let fitted = run.exactly(cells.len());
        let Some(run) = fitted.as_ref() else {
            out.note(format!(
                "表二：“{label}”一行有 {} 个数字，应为 {} 个，没有导入，请对照原文填写。",
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
                (t.line, run.line),
            );
        }
    }
}
