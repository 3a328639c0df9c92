//! 从台账填入表三 as a module of its own, loaded the first time the dialog
//! is opened (the editor's bundle does not carry it). The editor calls
//! `mount` once with an element to draw into, then `open` with the open
//! draft's report and the remembered mapping; the count goes back to the
//! editor through `nianbao_web::host` (`Request::FillLedger`).

mod dialog;
mod state;

use std::cell::Cell;

use nianbao_core::json::read_current;
use wasm_bindgen::prelude::wasm_bindgen;

thread_local! {
    /// The dialog's state once mounted.
    static SHOWN: Cell<Option<state::Ledger>> = const { Cell::new(None) };
}

/// Draws the (closed) dialog into `root`, for the page's life.
#[wasm_bindgen]
pub fn mount(root: web_sys::HtmlElement) {
    leptos::mount::mount_to(root, dialog::LedgerDialog).forget();
}

/// Opens the dialog over the open draft's report (the app's JSON).
#[wasm_bindgen]
pub fn open(report_json: String, remembered: String) -> Result<(), String> {
    let report = read_current(&report_json).map_err(|e| e.to_string())?;
    let ledger = SHOWN.get().ok_or("台账对话框还没有准备好，请再点一次。")?;
    ledger.show(report, remembered);
    Ok(())
}
