//! The form's pieces. Each wires DOM events to `Editor` methods and core
//! values to the DOM; none of them decides anything.

pub mod busy;
pub mod details;
pub mod drafts;
pub mod dropzone;
pub mod findings;
pub mod grid;
pub mod import;
pub mod keys;
pub mod ledger;
pub mod live;
pub mod modal;
pub mod notice;
pub mod number;
pub mod section;
pub mod table;
pub mod text;
pub mod toolbar;
