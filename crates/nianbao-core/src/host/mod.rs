//! What a module that draws part of the page (the 汇总 workspace, the ledger
//! dialog, the import review, the portal API, 我的草稿, the error summary —
//! each a wasm module loaded on first use) asks of the editor that
//! hosts it, as one type read strictly on the editor's side from its name
//! and fields (`wire`). Reports cross as the app's JSON.

use serde::{Deserialize, Serialize};

mod wire;

use crate::ledger::view::CountView;
use crate::template::CellId;

#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// Open a report as a new draft; the editor then says `words`.
    OpenDraft { report: String, words: String },
    /// Replace the open draft's report with an imported one (`file` names it
    /// in what the editor says).
    ReplaceDraft { report: String, file: String },
    /// Take a report as last year's: its 结转 into the open draft, kept for
    /// the cross-year checks.
    LastYear { report: String, file: String },
    /// A file could not be read: the editor says why.
    ImportFailed { why: String },
    /// Fill a roll-up's tables into the open draft (refused for another year
    /// or format, in words).
    FillTables { report: String },
    /// Write 表三 as a ledger counted it (cell index, count), and remember
    /// the mapping (`Mapping::to_text`).
    FillLedger {
        cells: Vec<(u16, i64)>,
        remembered: String,
    },
    /// Forget the remembered ledger mapping.
    ForgetLedger,
    /// Something done in the drafts dialog.
    Draft(DraftAction),
    /// The portal asks for the report: the export stage runs and the answer
    /// is the JSON envelope with its counts.
    PortalExport,
    /// The portal's report (read by the file module, as the app's JSON)
    /// replaces the open draft's content (refused on a view-only page).
    PortalLoad { report: String },
    /// 用计算值替换 from the error summary (a module of its own): these
    /// totals (cell indexes; every total that differs when empty) are
    /// computed again.
    ReplaceTotals { cells: Vec<u16> },
    /// A warning's reason, as typed in the summary (refused in words, e.g.
    /// the 501st reason).
    Explain { key: String, reason: String },
    /// A warning's reason taken back, in the summary.
    Unexplain { key: String },
    /// 下载体检报告 in the summary: the export stage runs and the check
    /// report downloads.
    CheckReport,
    /// What the drafting module writes, as one undoable step: the text
    /// field with this `Field::key` gets `text` (drafted sentences inserted
    /// or in place of what it held), these cells (a 零申报's blanks in 表三
    /// and 表四) become 0, and the editor says `said`.
    Write {
        cells: Vec<u16>,
        field: String,
        text: String,
        said: String,
    },
    /// A 退回意见 file imported (read strictly by the import module): the
    /// editor keeps it, the checks show its open comments at their places,
    /// and the editor says `said`.
    Review { review: String, said: String },
}

/// What the drafts dialog asks of the editor.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftAction {
    /// Start a new draft (the dialog then closes).
    New,
    /// Open a stored draft (the dialog then closes).
    Open { id: String },
    /// Store a copy of a draft, named "…（副本）".
    Copy { id: String },
    /// Rename a draft.
    Rename { id: String, name: String },
    /// Delete a draft, restorable for a few seconds.
    Delete { id: String },
    /// Restore the draft just deleted.
    UndoDelete,
    /// Load the newer version another window saved (storage banner).
    LoadNewer,
    /// Keep this window's work as a new draft (storage banner).
    SaveAsCopy,
    /// Download the open report as JSON (storage banner).
    DownloadBackup,
    /// Download an unreadable draft's stored text as it is.
    DownloadRaw { id: String },
}

/// What the drafts module shows, as the editor has it: the readable drafts
/// (each with its line of details, written by the editor), why the last
/// action failed, the name of a draft just deleted (with 撤销删除), the
/// drafts storage holds but cannot be read, and what is wrong with storage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DraftList {
    pub rows: Vec<DraftItem>,
    pub problem: Option<String>,
    pub deleted: Option<String>,
    pub unreadable: Vec<Unreadable>,
    pub storage: Option<crate::storage::StorageProblem>,
}

/// A stored draft that cannot be opened, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Unreadable {
    pub id: String,
    pub name: String,
    pub problem: String,
}

impl DraftList {
    /// Whether the page must show something of it before the dialog opens.
    pub fn has_news(&self) -> bool {
        !self.unreadable.is_empty() || self.storage.is_some()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DraftItem {
    pub id: String,
    pub name: String,
    /// "2024 年度 · 最后保存 … · 0 个错误，1 个提示 · 约 3 KB".
    pub detail: String,
    /// The draft open in the editor.
    pub current: bool,
}

impl DraftList {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a draft list always serialises")
    }

    pub fn from_json(text: &str) -> Option<DraftList> {
        serde_json::from_str(text).ok()
    }
}

impl Request {
    /// 表三 as a ledger counted it.
    pub fn fill_ledger(count: &CountView) -> Request {
        Request::FillLedger {
            cells: count.cells().into_iter().map(|(c, v)| (c.0, v)).collect(),
            remembered: count.remembered.clone(),
        }
    }

    /// The cells a `FillLedger` writes.
    pub fn ledger_cells(cells: &[(u16, i64)]) -> Vec<(CellId, Option<i64>)> {
        cells.iter().map(|&(c, v)| (CellId(c), Some(v))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_reads_back_as_sent_and_anything_else_is_none() {
        for r in [
            Request::OpenDraft {
                report: "{}".into(),
                words: "已打开".into(),
            },
            Request::FillTables {
                report: "{}".into(),
            },
            Request::FillLedger {
                cells: vec![(3, 7), (4, 0)],
                remembered: String::new(),
            },
            Request::ForgetLedger,
            Request::ReplaceDraft {
                report: "{}".into(),
                file: "a.json".into(),
            },
            Request::LastYear {
                report: "{}".into(),
                file: "a.json".into(),
            },
            Request::ImportFailed { why: "坏".into() },
            Request::Write {
                cells: vec![40, 41],
                field: "overview-onRequest".into(),
                text: "本年度未收取信息处理费。".into(),
                said: "已写入。".into(),
            },
            Request::Draft(DraftAction::New),
            Request::Draft(DraftAction::Open { id: "a".into() }),
            Request::Draft(DraftAction::Copy { id: "a".into() }),
            Request::Draft(DraftAction::Rename {
                id: "a".into(),
                name: "新名".into(),
            }),
            Request::Draft(DraftAction::Delete { id: "a".into() }),
            Request::Draft(DraftAction::UndoDelete),
            Request::Draft(DraftAction::LoadNewer),
            Request::Draft(DraftAction::SaveAsCopy),
            Request::Draft(DraftAction::DownloadBackup),
            Request::Draft(DraftAction::DownloadRaw { id: "a".into() }),
            Request::PortalExport,
            Request::PortalLoad {
                report: "{}".into(),
            },
            Request::ReplaceTotals { cells: vec![] },
            Request::ReplaceTotals { cells: vec![7, 9] },
            Request::Explain {
                key: "T3-3|0".into(),
                reason: "机构改革".into(),
            },
            Request::Unexplain {
                key: "T3-3|0".into(),
            },
            Request::CheckReport,
        ] {
            assert_eq!(Request::from_fields(r.to_fields()), Some(r));
        }
        let open = vec!["openDraft".to_owned(), "{}".to_owned()];
        assert_eq!(Request::from_fields(open), None);
        assert_eq!(Request::from_fields(vec!["somethingElse".into()]), None);
        assert_eq!(Request::ledger_cells(&[(3, 7)]), vec![(CellId(3), Some(7))]);
        let list = DraftList {
            rows: vec![DraftItem {
                id: "a".into(),
                name: "本年度".into(),
                detail: "2024 年度".into(),
                current: true,
            }],
            problem: Some("没有复制".into()),
            deleted: None,
            unreadable: vec![Unreadable {
                id: "b".into(),
                name: "坏".into(),
                problem: "内容已损坏".into(),
            }],
            storage: Some(crate::storage::StorageProblem::Quota {
                drafts: vec![("本年度".into(), 2048)],
                used: 4096,
            }),
        };
        assert!(list.has_news());
        assert_eq!(DraftList::from_json(&list.to_json()), Some(list));
        assert_eq!(DraftList::from_json(r#"{"rows":[],"extra":1}"#), None);
    }
}
