//! Pure logic behind the editor: moving between cells, pasting blocks from a
//! spreadsheet, undo history, and which findings to show before a full check.

pub mod document;
mod history;
pub mod journal;
mod nav;
mod paste;
pub mod structured;
mod visible;

pub use document::{Applied, Document, Edit, Reach};
pub use history::History;
pub use nav::Dir;
pub use paste::{parse_block, PasteError, PastePlan, MAX_PASTE_ERRORS};
pub use visible::{is_shown, Visited};
