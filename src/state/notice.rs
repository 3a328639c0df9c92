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
