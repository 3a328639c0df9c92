//! Writing with the tables (spec §8.11, §8.12): the figures a report's text
//! restates, read from the tables as a reader of the published report would
//! (a blank total is the sum of its row's parts, like the N-rules read it);
//! the derived indicators; last year beside this year; sentences drafted from
//! them; and the 零申报 (nothing requested this year) fill. Pure: the drafting
//! module of the page shows it, the editor writes only what a person chose.

mod compare;
mod indicators;
mod nil;
mod sentences;

pub use compare::{compare, Change, Compared};
pub use indicators::{indicators, Indicator};
pub use nil::{nil_return, NilReturn};
pub use sentences::{draft, target_for, Drafted, Paragraph, Piece};

use crate::report::Report;
use crate::rules::narrative::{case_cells, request_cells, sum, totals};
use crate::template::keys as key;
use crate::template::{CellId, TableId, T4_LITIGATION, T4_REVIEW};

/// A figure of the tables and the cells it is read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    pub value: i64,
    pub cells: Vec<CellId>,
}

/// Where a quantity is in the tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The 总计 column of these 表三 rows (a key, or a group prefix such as
    /// `denied` for its items), summed.
    Requests(&'static [&'static str]),
    /// One column of these 表四 groups, summed.
    Cases(&'static [&'static str], &'static str),
}

/// A quantity the text restates and the comparison lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quantity {
    /// Its name in sentences and lists, in the official labels' words.
    pub name: &'static str,
    pub source: Source,
}

const REVIEW: &[&str] = &[key::REVIEW];
const LITIGATION: &[&str] = &[key::LIT_DIRECT, key::LIT_AFTER_REVIEW];

pub const NEW_RECEIVED: Quantity = requests("本年新收政府信息公开申请", &[key::NEW_RECEIVED]);
pub const CARRIED_OVER: Quantity = requests("上年结转政府信息公开申请", &[key::CARRIED_OVER]);
pub const GRANTED: Quantity = requests("予以公开", &[key::GRANTED]);
pub const PARTIAL: Quantity = requests("部分公开", &[key::PARTIAL]);
pub const DENIED: Quantity = requests("不予公开", &[key::DENIED]);
pub const UNABLE: Quantity = requests("无法提供", &[key::UNABLE]);
pub const NOT_PROCESSED: Quantity = requests("不予处理", &[key::NOT_PROCESSED]);
pub const OTHER: Quantity = requests("其他处理", &[key::OTHER]);
pub const RESULT_TOTAL: Quantity = requests("办理结果总计", &[key::RESULT_TOTAL]);
pub const CARRY_FORWARD: Quantity = requests("结转下年度继续办理", &[key::CARRY_FORWARD]);

/// （一）至（六）, in the table's order.
pub const RESULTS: [Quantity; 6] = [GRANTED, PARTIAL, DENIED, UNABLE, NOT_PROCESSED, OTHER];

pub const REVIEW_TOTAL: Quantity = cases(T4_REVIEW, REVIEW, key::TOTAL);
pub const LITIGATION_TOTAL: Quantity = cases(T4_LITIGATION, LITIGATION, key::TOTAL);

pub const fn requests(name: &'static str, rows: &'static [&'static str]) -> Quantity {
    Quantity {
        name,
        source: Source::Requests(rows),
    }
}

pub const fn cases(
    name: &'static str,
    groups: &'static [&'static str],
    col: &'static str,
) -> Quantity {
    Quantity {
        name,
        source: Source::Cases(groups, col),
    }
}

impl Quantity {
    /// The figure in `report`: `None` when its cells (and, for a blank
    /// total, its row's parts) are all blank or the sum overflows.
    pub fn figure(self, report: &Report) -> Option<Figure> {
        let (cells, value) = match self.source {
            Source::Requests(rows) => {
                let cells = request_cells(report, rows);
                let value = totals(report, &cells)?.0;
                (cells, value)
            }
            Source::Cases(groups, col) => {
                let cells = case_cells(report, groups, &[col]);
                let value = if col == key::TOTAL {
                    totals(report, &cells)?.0
                } else {
                    sum(report, &cells)?
                };
                (cells, value)
            }
        };
        Some(Figure { value, cells })
    }

    pub fn value(self, report: &Report) -> Option<i64> {
        self.figure(report).map(|f| f.value)
    }

    /// Which table it is in.
    pub fn table(self) -> TableId {
        match self.source {
            Source::Requests(_) => TableId::Requests,
            Source::Cases(..) => TableId::ReviewLitigation,
        }
    }
}

/// `have` with `text` in place of its UTF-16 range `start..end` (a text
/// area's selection; past the end, or reversed, counts from the end), and
/// the UTF-16 range `text` then takes.
pub fn insert(have: &str, text: &str, start: u32, end: u32) -> (String, [u32; 2]) {
    let byte_at = |units: u32| {
        let mut u = 0;
        for (i, c) in have.char_indices() {
            if u >= units {
                return i;
            }
            u += c.len_utf16() as u32;
        }
        have.len()
    };
    let (from, to) = (byte_at(start), byte_at(end.max(start)));
    let at = have[..from].encode_utf16().count() as u32;
    let new = format!("{}{text}{}", &have[..from], &have[to..]);
    (new, [at, at + text.encode_utf16().count() as u32])
}

/// `have` with `text` added on a line of its own at the end.
pub fn append(have: &str, text: &str) -> String {
    match have {
        "" => text.to_owned(),
        _ if have.ends_with('\n') || text.is_empty() => format!("{have}{text}"),
        _ => format!("{have}\n{text}"),
    }
}

/// The change from `last` to `now` in the words of spec §8.12:
/// 与上年持平 / 较上年增加4件（增长4.4%） / 较上年减少2件（下降50.0%）;
/// no percentage from a last year of 0.
pub fn change_words(now: i64, last: i64, unit: &str) -> String {
    let d = now.saturating_sub(last);
    if d == 0 {
        return "与上年持平".to_owned();
    }
    let (more, by, grew) = if d > 0 {
        ("增加", d, "增长")
    } else {
        ("减少", d.saturating_neg(), "下降")
    };
    match percent(by, last) {
        Some(p) if last > 0 => format!("较上年{more}{by}{unit}（{grew}{p}）"),
        _ => format!("较上年{more}{by}{unit}"),
    }
}

/// `part ÷ whole` as a percentage with one decimal (rounded half up):
/// "4.4%"; `None` for a whole of 0 or less.
pub fn percent(part: i64, whole: i64) -> Option<String> {
    if whole <= 0 || part < 0 {
        return None;
    }
    // Both are sums of at most a few hundred cells of ≤ 10⁸: no overflow in i128.
    let tenths = (i128::from(part) * 2000 + i128::from(whole)) / (i128::from(whole) * 2);
    Some(format!("{}.{}%", tenths / 10, tenths % 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_have_one_decimal_rounded_half_up() {
        assert_eq!(percent(4, 91).as_deref(), Some("4.4%"));
        assert_eq!(percent(1, 3).as_deref(), Some("33.3%"));
        assert_eq!(percent(2, 3).as_deref(), Some("66.7%"));
        assert_eq!(percent(1, 8).as_deref(), Some("12.5%"));
        assert_eq!(percent(1, 16).as_deref(), Some("6.3%"));
        assert_eq!(percent(0, 5).as_deref(), Some("0.0%"));
        assert_eq!(percent(5, 5).as_deref(), Some("100.0%"));
        assert_eq!(percent(3, 0), None);
    }

    #[test]
    fn text_goes_in_at_the_cursor_counted_in_utf16() {
        // 𠀀 is two UTF-16 units: a cursor after it is at 3, not 2.
        assert_eq!(
            insert("甲𠀀乙", "新", 3, 3),
            ("甲𠀀新乙".to_owned(), [3, 4])
        );
        // A selection is replaced.
        assert_eq!(insert("甲乙丙", "新", 1, 2), ("甲新丙".to_owned(), [1, 2]));
        // No cursor (past the end): at the end.
        assert_eq!(
            insert("甲", "新", u32::MAX, u32::MAX),
            ("甲新".to_owned(), [1, 2])
        );
        // Inside a surrogate pair never splits it.
        assert_eq!(insert("𠀀", "新", 1, 1).0, "𠀀新");
        assert_eq!(append("", "句。"), "句。");
        assert_eq!(append("有。", "句。"), "有。\n句。");
        assert_eq!(append("有。\n", "句。"), "有。\n句。");
    }

    #[test]
    fn changes_read_as_the_spec_words_them() {
        assert_eq!(change_words(95, 91, "件"), "较上年增加4件（增长4.4%）");
        assert_eq!(change_words(1, 2, "件"), "较上年减少1件（下降50.0%）");
        assert_eq!(change_words(7, 7, "件"), "与上年持平");
        assert_eq!(change_words(3, 0, "件"), "较上年增加3件");
    }
}
