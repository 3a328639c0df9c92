//! The report domain of Nianbao (年报): the official formats of
//! 政府信息公开工作年度报告, declared once as data.
//!
//! This crate is pure: it never touches the DOM, storage, the network or the
//! clock, and depends on nothing web-specific. Everything that decides lives
//! here and is tested natively with `cargo test`.

pub mod section;

pub use section::Section;

/// Title of the tool, shown in the app shell.
pub const APP_TITLE: &str = "政府信息公开工作年度报告编制";
