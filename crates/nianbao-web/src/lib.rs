//! The page's helpers shared by the app and the modules that draw parts of
//! the page loaded on first use (the 汇总 workspace): the bridge to the file
//! and Word modules in the worker (`files`), downloads, the dialog, the live
//! region, drop zones, a listed finding, the busy line, the route, a debounce,
//! 核对已发布的报告. Each wasm module
//! that draws on the page links its own copy; what they share lives in the
//! page (the worker, the `#live` element, the address).

pub mod busy;
pub mod debounce;
pub mod download;
pub mod dropzone;
pub mod files;
pub mod findings;
pub mod host;
pub mod live;
pub mod modal;
pub mod page;
pub mod published;
pub mod route;
