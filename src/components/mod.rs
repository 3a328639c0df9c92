//! The form's pieces. Each wires DOM events to `Editor` methods and core
//! values to the DOM; none of them decides anything.

pub mod compose;
pub mod details;
pub mod drafts;
pub mod findings;
pub mod grid;
pub mod import;
pub mod keys;
pub mod listen;
pub mod notice;
pub mod number;
pub mod section;
pub mod summary;
pub mod table;
pub mod text;
pub mod toolbar;

// Shared with the 汇总 module (crates/nianbao-web).
pub use nianbao_web::{busy, dropzone, live, modal};
