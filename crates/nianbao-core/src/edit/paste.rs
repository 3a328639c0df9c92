//! Pasting a block copied from Excel, WPS or a web table: split it into
//! values, map them onto cells from the focused one, parse every value.
//! A plan either applies whole or names everything that stops it.

use crate::cell::parse_cell;
use crate::edit::Dir;
use crate::template::{CellId, Template};

/// Splits clipboard text into rows of values: rows end with `\r\n`, `\n` or
/// `\r`, values are separated by tabs; the spreadsheet's trailing newline
/// does not make an empty last row. Quotes around a value are removed.
pub fn parse_block(text: &str) -> Vec<Vec<String>> {
    let text = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    text.split("\r\n")
        .flat_map(|l| l.split(['\n', '\r']))
        .map(|line| {
            line.split('\t')
                .map(|v| {
                    let v = v.trim();
                    v.strip_prefix('"')
                        .and_then(|v| v.strip_suffix('"'))
                        .unwrap_or(v)
                        .to_owned()
                })
                .collect()
        })
        .collect()
}

/// Something that stops a paste, named for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasteError {
    /// 1-based row and column in the pasted block.
    pub row: usize,
    pub col: usize,
    pub cell: Option<CellId>,
    pub message: String,
}

/// A refused paste names at most this many problems, then counts the rest.
pub const MAX_PASTE_ERRORS: usize = 20;

/// What a paste would write: every target cell with its new value.
pub type PastePlan = Vec<(CellId, Option<i64>)>;

/// Maps `block` onto the cells from `start` rightwards and downwards and
/// parses every value with its cell's kind. Either every value fits, or
/// nothing is written and every problem is named.
pub fn plan_paste(
    template: &Template,
    start: CellId,
    block: &[Vec<String>],
) -> Result<PastePlan, Vec<PasteError>> {
    let mut plan = Vec::new();
    let mut errors = Vec::new();
    let mut unlisted = 0usize;
    let mut row_start = Some(start);
    for (i, values) in block.iter().enumerate() {
        let mut target = row_start;
        for (j, text) in values.iter().enumerate() {
            let at = |message: String, cell| PasteError {
                row: i + 1,
                col: j + 1,
                cell,
                message,
            };
            // Past the listed ones, only count: a huge paste must answer at once.
            if errors.len() >= MAX_PASTE_ERRORS {
                let bad = match target {
                    None => !text.is_empty(),
                    Some(cell) => parse_cell(text, template.def(cell).kind).is_err(),
                };
                unlisted += usize::from(bad);
                target = target.and_then(|c| template.neighbor(c, Dir::Right));
                continue;
            }
            match target {
                None if text.is_empty() => {}
                None => errors.push(at(
                    format!(
                        "第 {} 行第 {} 个值“{text}”超出了表格的范围。请从更靠左上的单元格开始粘贴，或少复制几行几列。",
                        i + 1,
                        j + 1
                    ),
                    None,
                )),
                Some(cell) => {
                    let def = template.def(cell);
                    match parse_cell(text, def.kind) {
                        Ok(value) => plan.push((cell, value)),
                        Err(e) => errors.push(at(
                            format!("第 {} 行第 {} 个值（{}“{}”）：{e}", i + 1, j + 1, def.table.name(), def.name()),
                            Some(cell),
                        )),
                    }
                }
            }
            target = target.and_then(|c| template.neighbor(c, Dir::Right));
        }
        row_start = row_start.and_then(|c| template.neighbor(c, Dir::Down));
    }
    if unlisted > 0 {
        errors.push(PasteError {
            row: 0,
            col: 0,
            cell: None,
            message: format!(
                "另有 {unlisted} 处问题没有逐一列出（粘贴的内容共 {} 行）。",
                block.len()
            ),
        });
    }
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{TableId, TemplateId};

    #[test]
    fn blocks_split_like_spreadsheets_copy() {
        assert_eq!(
            parse_block("1\t2\r\n3\t4\r\n"),
            vec![vec!["1", "2"], vec!["3", "4"]]
        );
        assert_eq!(
            parse_block("1\n2\n3\n"),
            vec![vec!["1"], vec!["2"], vec!["3"]]
        );
        assert_eq!(parse_block("1\t\t3"), vec![vec!["1", "", "3"]]);
        assert_eq!(parse_block("\"1,234\"\t 5 "), vec![vec!["1,234", "5"]]);
        assert_eq!(parse_block("1\r2\r"), vec![vec!["1"], vec!["2"]]);
    }

    #[test]
    fn a_seven_by_three_block_fills_table_three_from_the_focused_cell() {
        let t = TemplateId::F2021.get();
        let start = t.cell(TableId::Requests, "granted", "natural").unwrap();
        let block = parse_block(
            "1\t2\t3\t4\t5\t6\t21\r\n０\t—\t/\t1,000\t0\t0\t1000件\r\n7\t0\t0\t0\t0\t0\t7\r\n",
        );
        let plan = plan_paste(t, start, &block).unwrap();
        assert_eq!(plan.len(), 21);
        let v = |r: &str, c: &str| {
            plan.iter()
                .find(|(cell, _)| *cell == t.cell(TableId::Requests, r, c).unwrap())
                .unwrap()
                .1
        };
        assert_eq!(v("granted", "total"), Some(21));
        assert_eq!(v("partial", "publicWelfare"), Some(1000));
        assert_eq!(v("partial", "total"), Some(1000));
        assert_eq!(v("partial", "commercial"), Some(0));
        assert_eq!(v("denied.stateSecret", "natural"), Some(7));
    }

    #[test]
    fn anything_unparseable_or_outside_is_named_and_nothing_applies() {
        let t = TemplateId::F2021.get();
        let start = t
            .cell(TableId::Requests, "carryForward", "otherOrg")
            .unwrap();
        let block = parse_block("1\t2\t3\nabc\t4");
        let errors = plan_paste(t, start, &block).unwrap_err();
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(errors.len(), 3, "{messages:#?}");
        assert!(messages[0].contains("第 1 行第 3 个值“3”超出了表格的范围"));
        assert!(messages[1].contains("第 2 行第 1 个值“abc”"));
        assert!(messages[2].contains("第 2 行第 2 个值“4”超出"));
    }

    #[test]
    fn e9_a_huge_refused_paste_lists_twenty_problems_and_counts_the_rest() {
        let t = TemplateId::F2021.get();
        let start = t.cell(TableId::Requests, "newReceived", "natural").unwrap();
        let text = "7\tx\n".repeat(10_000);
        let errors = plan_paste(t, start, &parse_block(&text)).unwrap_err();
        assert_eq!(errors.len(), MAX_PASTE_ERRORS + 1);
        let last = &errors.last().unwrap().message;
        // 25 rows fit: each has one bad "x"; the other 9,975 rows have two values outside.
        let expected = 25 + 9_975 * 2 - MAX_PASTE_ERRORS;
        assert!(last.contains(&format!("另有 {expected} 处问题")), "{last}");
        assert!(last.contains("共 10000 行"), "{last}");
    }
}
