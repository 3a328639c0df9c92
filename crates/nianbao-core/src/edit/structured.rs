//! Pasting by the source's structure. A table copied from a web page, Word,
//! WPS or Excel arrives as rows of cells (spans already spread out by the
//! caller); label cells — row labels such as “（一）予以公开”, column headers
//! such as “自然人” — place the values by label, not by position, and are
//! skipped. Without labels, values go rightwards and downwards from the
//! focused cell. Values in 元 pasted into a 万元 cell convert when exact.

use crate::cell::{parse_cell, CellError, CellKind, MoneyUnit};
use crate::edit::paste::{unlisted as unlisted_notice, PasteError, PastePlan, MAX_PASTE_ERRORS};
use crate::edit::Dir;
use crate::template::{CellId, TableId, Template};

/// One cell of a pasted table. `copy` marks a position covered by a span of
/// the cell before it (its text repeated): a label there still names its row
/// or column, a value there is not written twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockCell {
    pub text: String,
    pub copy: bool,
}

pub type Block = Vec<Vec<BlockCell>>;

/// A block from plain text rows (`parse_block`), no spans.
pub fn block_of(rows: Vec<Vec<String>>) -> Block {
    rows.into_iter()
        .map(|r| {
            r.into_iter()
                .map(|text| BlockCell { text, copy: false })
                .collect()
        })
        .collect()
}

/// What a paste will write, and what it converted on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    pub plan: PastePlan,
    /// e.g. `“251000元”换算为 25.1 万元`.
    pub converted: Vec<String>,
    /// Placed by the block's row or column labels.
    pub by_label: bool,
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Folded for comparing labels: no spaces, half-width punctuation made full.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}' && *c != '\u{a0}')
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            '．' => '.',
            ',' => '，',
            c => c,
        })
        .collect()
}

/// A value rather than a label: digits or a zero mark, and no Chinese but units.
pub(crate) fn is_value(text: &str) -> bool {
    let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}');
    if t.is_empty() {
        return false;
    }
    if ["—", "——", "-", "--", "/", "／", "无", "－"].contains(&t) {
        return true;
    }
    t.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        && !t.chars().any(|c| is_cjk(c) && !"元万件个项次".contains(c))
}

/// Parses a value for a cell, converting 元 ↔ 万元 when that is exact.
pub(crate) fn parse_value(
    text: &str,
    kind: CellKind,
) -> Result<(Option<i64>, Option<String>), CellError> {
    match parse_cell(text, kind) {
        Err(CellError::WrongUnit { found, .. }) if kind.is_money() => {
            let (from, to) = match (found, kind) {
                ("元", CellKind::Money(MoneyUnit::Wan)) => (MoneyUnit::Yuan, MoneyUnit::Wan),
                ("万元", CellKind::Money(MoneyUnit::Yuan)) => (MoneyUnit::Wan, MoneyUnit::Yuan),
                _ => return parse_cell(text, kind).map(|v| (v, None)),
            };
            let original = parse_cell(text, kind);
            let v = parse_cell(text, CellKind::Money(from))?.unwrap_or(0);
            let converted = match to {
                MoneyUnit::Wan if v % 10_000 == 0 => Some(v / 10_000),
                MoneyUnit::Yuan => v
                    .checked_mul(10_000)
                    .filter(|x| *x <= crate::limits::MAX_MONEY),
                _ => None,
            };
            match converted {
                Some(c) => Ok((
                    Some(c),
                    Some(format!(
                        "“{}”换算为 {} {}",
                        text.trim(),
                        crate::cell::format_money(c),
                        to.label()
                    )),
                )),
                None => original.map(|v| (v, None)),
            }
        }
        other => other.map(|v| (v, None)),
    }
}

/// The labels a row starts with (consecutive repeats from spans once), and
/// where its values start. Only a leading run is labels: text after the first
/// value is a value that does not parse, and is named, never skipped.
fn row_labels(row: &[BlockCell]) -> (Vec<String>, usize) {
    let mut labels: Vec<String> = Vec::new();
    let mut values_from = 0;
    for c in row {
        if c.text.trim().is_empty() || is_value(&c.text) {
            break;
        }
        let n = norm(&c.text);
        if labels.last() != Some(&n) {
            labels.push(n);
        }
        values_from += 1;
    }
    (labels, values_from)
}

/// The one candidate whose label ends with the last of `labels` and holds the
/// others that any candidate holds.
fn best<T: Copy>(labels: &[String], candidates: &[(T, String)]) -> Option<T> {
    let last = labels.last()?;
    let hits: Vec<&(T, String)> = candidates
        .iter()
        .filter(|(_, l)| l.ends_with(last.as_str()))
        .collect();
    if hits.len() == 1 {
        return Some(hits[0].0);
    }
    let known: Vec<&String> = labels
        .iter()
        .filter(|l| hits.iter().any(|(_, h)| h.contains(l.as_str())))
        .collect();
    let narrowed: Vec<_> = hits
        .iter()
        .filter(|(_, h)| known.iter().all(|k| h.contains(k.as_str())))
        .collect();
    (narrowed.len() == 1).then(|| narrowed[0].0)
}

/// Places `block` from `start`: by labels where it has them, else by position.
pub fn plan_block(
    template: &Template,
    start: CellId,
    block: &Block,
) -> Result<Placed, Vec<PasteError>> {
    let table: TableId = template.def(start).table;
    let cells: Vec<CellId> = template.table_cells(table).collect();
    // Template rows and columns of this table, with their folded labels.
    let mut rows: Vec<(&'static str, String)> = Vec::new();
    let mut cols: Vec<(&'static str, String)> = Vec::new();
    for c in &cells {
        let d = template.def(*c);
        if !d.row_label.is_empty() && !rows.iter().any(|(k, _)| *k == d.row) {
            rows.push((d.row, norm(&d.row_label)));
        }
        if !cols.iter().any(|(k, _)| *k == d.col) {
            cols.push((d.col, norm(&d.col_label)));
        }
    }
    let has_values = |r: &Vec<BlockCell>| r.iter().any(|c| !c.copy && is_value(&c.text));
    let first_data = block.iter().position(has_values);
    // Column headers: the label-only rows above the first row of values.
    let width = block.iter().map(Vec::len).max().unwrap_or(0);
    let mut col_of: Vec<Option<&'static str>> = vec![None; width];
    for (j, slot) in col_of.iter_mut().enumerate() {
        let mut heads: Vec<String> = Vec::new();
        for r in &block[..first_data.unwrap_or(0)] {
            if let Some(c) = r.get(j).filter(|c| !c.text.trim().is_empty()) {
                let n = norm(&c.text);
                if heads.last() != Some(&n) {
                    heads.push(n);
                }
            }
        }
        *slot = best(&heads, &cols);
    }

    let mut plan: PastePlan = Vec::new();
    let mut converted = Vec::new();
    let mut errors: Vec<PasteError> = Vec::new();
    let mut unlisted = 0usize;
    let mut by_label = false;
    let mut next_row_start = Some(start);
    let mut err = |errors: &mut Vec<PasteError>, row: usize, col: usize, cell, message: String| {
        if errors.len() < MAX_PASTE_ERRORS {
            errors.push(PasteError {
                row,
                col,
                cell,
                message,
            });
        } else {
            unlisted += 1;
        }
    };
    for (i, r) in block
        .iter()
        .enumerate()
        .skip(first_data.unwrap_or(block.len()))
    {
        if !has_values(r) && r.iter().all(|c| c.text.trim().is_empty() || c.copy) {
            continue;
        }
        let (labels, values_from) = row_labels(r);
        if !has_values(r) && !labels.is_empty() {
            // A group heading between rows (“（三）不予公开”) is skipped; text
            // that is neither a number nor any row's label is not.
            let heading = labels
                .iter()
                .all(|l| rows.iter().any(|(_, label)| label.contains(l.as_str())));
            if !heading {
                err(
                    &mut errors,
                    i + 1,
                    1,
                    None,
                    format!(
                        "第 {} 行“{}”既不是数字，也不是{}的行名，无法粘贴。",
                        i + 1,
                        labels.join(" "),
                        table.name()
                    ),
                );
            }
            continue;
        }
        // Which template row: by its label, else the next row down from the start.
        let row_key = if labels.is_empty() {
            None
        } else {
            by_label = true;
            match best(&labels, &rows) {
                Some(k) => Some(k),
                None => {
                    err(
                        &mut errors,
                        i + 1,
                        1,
                        None,
                        format!(
                            "第 {} 行的行名“{}”在{}中找不到对应的行，无法确定填到哪里。",
                            i + 1,
                            labels.join(""),
                            table.name()
                        ),
                    );
                    continue;
                }
            }
        };
        let row_start = match row_key {
            Some(k) => cells
                .iter()
                .copied()
                .filter(|c| template.def(*c).row == k && template.def(*c).kind.is_editable())
                .min_by_key(|c| template.def(*c).pos.col),
            None => next_row_start,
        };
        if row_key.is_none() {
            next_row_start = next_row_start.and_then(|c| template.neighbor(c, Dir::Down));
        }
        let values: Vec<(usize, &BlockCell)> = r
            .iter()
            .enumerate()
            .skip(values_from)
            .filter(|(_, c)| !c.copy)
            .collect();
        let row_cells: Vec<CellId> = match row_start {
            Some(s) => {
                let row = template.def(s).row;
                let mut v: Vec<CellId> = cells
                    .iter()
                    .copied()
                    .filter(|c| {
                        template.def(*c).row == row
                            && template.def(*c).pos.row == template.def(s).pos.row
                    })
                    .collect();
                crate::order::sort_by_key(&mut v, |c| u64::from(template.def(*c).pos.col));
                v
            }
            None => Vec::new(),
        };
        // Positional within the row: from its first cell when the row is complete,
        // else from the focused cell's column.
        let from = if row_key.is_some() && values.len() == row_cells.len() {
            0
        } else {
            let col = template.def(start).pos.col;
            row_cells
                .iter()
                .position(|c| template.def(*c).pos.col >= col)
                .unwrap_or(row_cells.len())
        };
        for (n, (j, c)) in values.iter().enumerate() {
            let target = match col_of.get(*j).copied().flatten() {
                Some(col) => row_cells
                    .iter()
                    .copied()
                    .find(|x| template.def(*x).col == col),
                None => row_cells.get(from + n).copied(),
            };
            let text = c.text.trim();
            let Some(cell) = target.filter(|t| template.def(*t).kind.is_editable()) else {
                if !text.is_empty() {
                    err(&mut errors, i + 1, j + 1, None, format!(
                        "第 {} 行第 {} 个值“{text}”超出了表格的范围。请从更靠左上的单元格开始粘贴，或少复制几行几列。",
                        i + 1,
                        j + 1
                    ));
                }
                continue;
            };
            let def = template.def(cell);
            match parse_value(text, def.kind) {
                Ok((v, note)) => {
                    plan.retain(|(c, _)| *c != cell);
                    plan.push((cell, v));
                    converted.extend(note.map(|n| format!("{}：{n}", def.name())));
                }
                Err(e) => err(
                    &mut errors,
                    i + 1,
                    j + 1,
                    Some(cell),
                    format!(
                        "第 {} 行第 {} 个值（{}“{}”）：{e}",
                        i + 1,
                        j + 1,
                        def.table.name(),
                        def.name()
                    ),
                ),
            }
        }
    }
    if unlisted > 0 {
        errors.push(unlisted_notice(unlisted, block.len()));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Placed {
        plan,
        converted,
        by_label,
    })
}

/// A plain-text block of one column with several values is ambiguous (a web
/// row copied as one value per line, or a column): both readings, where each
/// fits, for the person to choose. `(down, across)`.
pub fn readings(
    template: &Template,
    start: CellId,
    block: &Block,
) -> (Option<Placed>, Option<Placed>) {
    let down = plan_block(template, start, block).ok();
    let across: Block = vec![block.iter().filter_map(|r| r.first().cloned()).collect()];
    let across = plan_block(template, start, &across).ok();
    (down, across)
}

/// Whether a plain-text block must be confirmed before it is written.
pub fn is_ambiguous(block: &Block) -> bool {
    block.len() > 1 && block.iter().all(|r| r.len() == 1)
}
