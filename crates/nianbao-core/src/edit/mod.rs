//! Pure logic behind the editor: moving between cells, pasting blocks from a
//! spreadsheet, undo history, and which findings to show before a full check.

mod history;
pub mod journal;
mod nav;
mod paste;
pub mod structured;
mod visible;

pub use history::History;
pub use nav::Dir;
pub use paste::{parse_block, plan_paste, PasteError, PastePlan};
pub use visible::{is_shown, Visited};
