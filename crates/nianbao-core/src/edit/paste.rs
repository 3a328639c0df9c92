//! Pasting plain text copied from Excel or WPS: split it into rows of values
//! (`structured::plan_block` then places them). A plan either applies whole
//! or names everything that stops it.

use crate::template::CellId;

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

/// The notice that ends a refused paste's list: how many problems were only counted.
pub(crate) fn unlisted(count: usize, rows: usize) -> PasteError {
    PasteError {
        row: 0,
        col: 0,
        cell: None,
        message: format!("另有 {count} 处问题没有逐一列出（粘贴的内容共 {rows} 行）。"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::structured::{block_of, plan_block};
    use crate::template::{TableId, Template, TemplateId};

    fn plan_paste(
        t: &Template,
        start: CellId,
        block: &[Vec<String>],
    ) -> Result<PastePlan, Vec<PasteError>> {
        plan_block(t, start, &block_of(block.to_vec())).map(|p| p.plan)
    }

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
        let block = parse_block("12a\t2\t3\n4");
        let errors = plan_paste(t, start, &block).unwrap_err();
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(errors.len(), 3, "{messages:#?}");
        assert!(
            messages[0].contains("第 1 行第 1 个值（表三“四、结转下年度继续办理 法人或其他组织 其他”）：“12a”不是数字"),
            "{}",
            messages[0]
        );
        assert!(messages[1].contains("第 1 行第 3 个值“3”超出了表格的范围"));
        assert!(messages[2].contains("第 2 行第 1 个值“4”超出"));
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
