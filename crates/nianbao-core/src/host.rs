//! What a module that draws part of the page (the 汇总 workspace, the ledger
//! dialog — each a wasm module loaded on first use) asks of the editor that
//! hosts it, as one serde type read strictly on the editor's side. Reports
//! cross as the app's JSON.

use serde::{Deserialize, Serialize};

use crate::ledger::view::CountView;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
pub enum Request {
    /// Open a report as a new draft; the editor then says `words`.
    OpenDraft { report: String, words: String },
    /// Fill a roll-up's tables into the open draft (refused for another year
    /// or format, in words).
    FillTables { report: String },
    /// Write 表三 as a ledger counted it, and remember the mapping.
    FillLedger { count: CountView },
    /// Forget the remembered ledger mapping.
    ForgetLedger,
}

impl Request {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("requests always serialise")
    }

    pub fn from_json(text: &str) -> Option<Request> {
        serde_json::from_str(text).ok()
    }
}
