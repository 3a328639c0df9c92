//! The editor serves what the modules that draw parts of the page ask
//! (`nianbao_core::host::Request`): the 汇总 workspace opens a unit as a new
//! draft or fills a roll-up into the open draft; the ledger dialog fills
//! 表三 as counted and remembers (or forgets) its mapping; the import review
//! replaces the draft, opens a new one, takes last year's report, or says
//! why a file could not be read; the portal module exports the report or
//! loads one; the error summary replaces totals, keeps or takes back a
//! reason, or downloads the check report. Each is an edit of the open document, said in the editor's
//! notice.

use leptos::prelude::*;
use nianbao_core::edit::Edit;
use nianbao_core::host::{DraftAction, Request};
use nianbao_core::json::{read_current, to_json_export_compact};
use nianbao_core::template::CellId;
use nianbao_web::findings::Acts;

use crate::session::Session;
use crate::state::{Editor, Export, Notice};

/// Serves the requests, for the page's life.
pub fn serve(editor: Editor, session: Session) {
    nianbao_web::host::serve(move |r| answer(editor, session, r));
}

fn answer(editor: Editor, session: Session, r: Request) -> Result<String, String> {
    let notice = match r {
        Request::Draft(action) => {
            drafts(editor, session, action);
            return Ok(String::new());
        }
        Request::OpenDraft { report, words } => {
            session.new_draft(read_current(&report).map_err(|e| e.to_string())?);
            Notice::Imported(words)
        }
        Request::ReplaceDraft { report, file } => {
            if session.replace_with(read_current(&report).map_err(|e| e.to_string())?) {
                Notice::Imported(format!("已用“{file}”替换当前草稿的内容。可点“撤销”恢复。"))
            } else {
                Notice::Info(format!(
                    "“{file}”的内容与当前草稿完全相同，草稿没有任何改动。"
                ))
            }
        }
        Request::LastYear { report, file } => {
            let report = read_current(&report).map_err(|e| e.to_string())?;
            crate::components::import::load_last_year(editor, report, &file);
            return Ok(String::new());
        }
        Request::ImportFailed { why } => Notice::ImportFailed(why),
        Request::FillTables { report } => {
            let sum = read_current(&report).map_err(|e| e.to_string())?;
            let changed = editor.apply(Edit::FillTables(Box::new(sum)))?;
            said(
                editor,
                changed,
                "已把合计填入当前草稿的表二、表三、表四（可撤销）。".to_owned(),
                "合计与当前草稿的表二、表三、表四相同，没有改动。",
            )
        }
        Request::FillLedger { cells, remembered } => {
            let n = cells.len();
            let changed = editor.edit(Edit::Fill(Request::ledger_cells(&cells)));
            session.set_setting(crate::ledger::MAPPING, &remembered);
            said(
                editor,
                changed,
                format!("已按台账填入表三的 {n} 个单元格（可撤销）。台账本身没有保存。"),
                "按台账统计的表三与当前草稿中的相同，没有改动。",
            )
        }
        Request::PortalExport => {
            // The export stage runs; its counts go in the file.
            let check = editor.check_for_export(Export::Portal);
            return Ok(to_json_export_compact(&editor.report_to_write(), check));
        }
        Request::PortalLoad { report } => {
            if editor.read_only.get_untracked() {
                return Err("本页为只读查看，不能载入报告。".to_owned());
            }
            let notice = if session.replace_with(read_current(&report).map_err(|e| e.to_string())?)
            {
                "门户网站载入了一份报告，已替换当前草稿的内容。可点“撤销”恢复。"
            } else {
                "门户网站载入的报告与当前草稿完全相同，没有任何改动。"
            };
            Notice::Imported(notice.to_owned())
        }
        r @ (Request::ReplaceTotals { .. }
        | Request::Explain { .. }
        | Request::Unexplain { .. }
        | Request::CheckReport) => return summary(editor, r).map(|()| String::new()),
        r @ Request::Write { .. } => crate::components::compose::write(editor, r)?,
        Request::Review { review, said } => crate::outside::take(session, &review, said),
        Request::ForgetLedger => {
            session.set_setting(crate::ledger::MAPPING, "");
            return Ok("已清除本浏览器记住的台账对应关系。".to_owned());
        }
    };
    editor.notice.set(Some(notice));
    Ok(String::new())
}

/// What the drafts dialog asks, done at once (the dialog hears the list
/// that results through `components::drafts::keep_list`).
fn drafts(editor: Editor, session: Session, action: DraftAction) {
    match action {
        DraftAction::New => session.new_draft(crate::fresh_report()),
        DraftAction::Open { id } => session.open(&id),
        DraftAction::Copy { id } => session.duplicate(&id),
        DraftAction::Rename { id, name } => session.rename(&id, name),
        DraftAction::Delete { id } => session.delete(&id, crate::fresh_report),
        DraftAction::UndoDelete => session.undo_delete(),
        DraftAction::LoadNewer => session.load_newer(),
        DraftAction::SaveAsCopy => session.save_as_copy(),
        DraftAction::DownloadBackup => crate::exports::download_json(editor),
        DraftAction::DownloadRaw { id } => session.download_raw(&id),
    }
}

/// What the error summary asks (the editor says what it did).
fn summary(editor: Editor, r: Request) -> Result<(), String> {
    match r {
        Request::ReplaceTotals { cells } => {
            editor.replace_totals(cells.into_iter().map(CellId).collect());
        }
        Request::Explain { key, reason } => return Acts::explain(&editor, key, reason),
        Request::Unexplain { key } => Acts::unexplain(&editor, key),
        Request::CheckReport => crate::exports::download_check_report(editor),
        // The others are answered in `answer`.
        _ => {}
    }
    Ok(())
}

/// What a fill says: done, refused on a view-only page, or nothing to change.
fn said(editor: Editor, changed: bool, done: String, same: &str) -> Notice {
    if changed {
        Notice::Info(done)
    } else if editor.read_only.get_untracked() {
        Notice::Problem("本页为只读，没有填入。".to_owned())
    } else {
        Notice::Info(same.to_owned())
    }
}
