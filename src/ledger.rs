//! 从台账填入表三 opens a dialog that is a module of its own
//! (`crates/nianbao-ledger`), loaded and drawn the first time it is opened;
//! it writes 表三 through the editor (`host.rs`).

use leptos::prelude::*;
use nianbao_core::json::to_json_compact;

use crate::session::Session;
use crate::state::{Editor, Notice};

const MODULE: &str = "./nianbao_ledger.js";
/// The setting that remembers the last ledger mapping (columns and category
/// words only).
pub const MAPPING: &str = "ledger-mapping";
/// Where the dialog is drawn (an element of the page, empty until then).
pub const PLACE: &str = "ledger-place";

/// Opens the dialog over the open draft (loading it the first time).
pub fn open(editor: Editor, session: Session) {
    let report = to_json_compact(&editor.report_now());
    let remembered = session.setting(MAPPING).unwrap_or_default();
    leptos::task::spawn_local(async move {
        if let Err(why) = show(report, remembered).await {
            nianbao_web::live::Live::say(&why);
            editor.notice.set(Some(Notice::Problem(why)));
        }
    });
}

async fn show(report: String, remembered: String) -> Result<(), String> {
    // Drawn once; the dialog stays in the page, closed, after that.
    crate::files::mount_once(MODULE, PLACE).await?;
    crate::files::module_call(MODULE, "open", &[report.into(), remembered.into()])
        .await
        .map(|_| ())
}
