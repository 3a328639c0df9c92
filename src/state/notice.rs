//! What the page tells the person above the form.

use nianbao_core::convert::Loss;
use nianbao_core::edit::structured::Placed;
use nianbao_core::edit::PasteError;
use nianbao_core::template::TemplateId;

/// A message for the user above the form.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The year moved the report to another format.
    Converted {
        from: TemplateId,
        to: TemplateId,
        losses: Vec<Loss>,
    },
    /// A pasted block was not applied.
    PasteRefused(Vec<PasteError>),
    /// A pasted block was applied: how many cells changed, the first and
    /// last of them, values converted on the way, placed by labels.
    Pasted {
        cells: usize,
        first: String,
        last: String,
        converted: Vec<String>,
        by_label: bool,
    },
    /// One column of values: which way to fill, asked before writing.
    PasteAsk {
        values: usize,
        down: Option<Placed>,
        across: Option<Placed>,
    },
    /// A file could not be imported; nothing changed.
    ImportFailed(String),
    /// A file was imported.
    Imported(String),
    /// Last year's report was read and its figures carried over.
    PreviousLoaded { year: i32, filled: Vec<String> },
    /// Something happened that the user should know, nothing went wrong.
    Info(String),
    /// Something could not be done; what is open did not change.
    Problem(String),
}

impl Notice {
    /// What the notice says: its class, its title and its list; None for a
    /// question (the paste that asks which way to fill has a view of its own).
    pub fn words(self) -> Option<(&'static str, String, Vec<String>)> {
        Some(match self {
            Notice::Converted { from, to, losses } => (
                "notice notice-info",
                format!(
                    "报告年度变更后，已从{}转换为{}。{}",
                    from.title(),
                    to.title(),
                    if losses.is_empty() {
                        "所有内容都已转入。".to_owned()
                    } else {
                        format!("以下 {} 项未能原样转入，请核对：", losses.len())
                    }
                ),
                losses.into_iter().map(loss_words).collect(),
            ),
            Notice::PasteRefused(errors) => (
                "notice notice-error",
                "粘贴没有完成，表格没有任何改动。需要先处理的问题：".to_owned(),
                errors.into_iter().map(|e| e.message).collect(),
            ),
            Notice::ImportFailed(why) => (
                "notice notice-error",
                "没有导入：当前草稿没有任何改动。".to_owned(),
                vec![why],
            ),
            Notice::Imported(what) => ("notice notice-ok", what, Vec::new()),
            Notice::Info(what) => ("notice notice-info", what, Vec::new()),
            Notice::Problem(what) => ("notice notice-error", what, Vec::new()),
            Notice::PreviousLoaded { year, filled } => (
                "notice notice-ok",
                format!(
                    "已导入 {year} 年度报告作为上年报告，跨年度检查（上年结转等）已启用。{}",
                    if filled.is_empty() {
                        "没有需要结转的数字。"
                    } else {
                        "已填入："
                    }
                ),
                filled,
            ),
            Notice::Pasted {
                cells,
                first,
                last,
                converted,
                by_label,
            } => (
                "notice notice-ok",
                pasted_words(cells, &first, &last, by_label),
                converted,
            ),
            Notice::PasteAsk { .. } => return None,
        })
    }
}

fn loss_words(l: Loss) -> String {
    if l.value.is_empty() {
        format!("{}：{}", l.place, l.note)
    } else {
        format!("{}（原为 {}）：{}", l.place, l.value, l.note)
    }
}

fn pasted_words(cells: usize, first: &str, last: &str, by_label: bool) -> String {
    match cells {
        0 => "粘贴的数字与表中已有的相同，没有改动。".to_owned(),
        1 => format!("已粘贴：1 个单元格有改动（“{first}”）。如需撤回，可按 Ctrl+Z 或点“撤销”。"),
        n => format!(
            "已粘贴：{n} 个单元格有改动，从“{first}”到“{last}”{}。如需撤回，可按 Ctrl+Z 或点“撤销”。",
            if by_label {
                "（按复制内容中的行名、列名对应填入）"
            } else {
                ""
            }
        ),
    }
}
