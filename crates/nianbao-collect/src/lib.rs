//! The 汇总 workspace as a module of its own, loaded the first time the page
//! shows `#collect` (the editor's bundle does not carry it). The editor
//! calls `mount` with the element to draw into and its storage namespace;
//! what the workspace asks of the editor goes through `nianbao_web::host`.

mod actions;
mod comments;
mod desk;
mod dialogs;
mod list;
mod rollup;
mod store;
mod view;

use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

/// Draws the workspace into `root`, for the page's life.
#[wasm_bindgen]
pub fn mount(root: web_sys::HtmlElement, namespace: String) {
    let handle = leptos::mount::mount_to(root, move || view! { <view::Collect namespace /> });
    handle.forget();
}
