//! Keyboard helpers shared by the inputs.

use leptos::web_sys::KeyboardEvent;

pub use nianbao_web::page::{focus_id, guard_composition};

/// Where a key moves from a table cell, like a spreadsheet: up and down, Enter
/// and Shift+Enter; left and right move the caret first, then to the next cell.
pub fn cell_move(
    ev: &KeyboardEvent,
    el: &leptos::web_sys::HtmlInputElement,
) -> Option<nianbao_core::edit::Dir> {
    use nianbao_core::edit::Dir;
    if guard_composition(ev) || ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
        return None;
    }
    let len = el.value().encode_utf16().count() as u32;
    let start = el.selection_start().ok().flatten().unwrap_or(0);
    let end = el.selection_end().ok().flatten().unwrap_or(len);
    match ev.key().as_str() {
        "ArrowUp" => Some(Dir::Up),
        "ArrowDown" => Some(Dir::Down),
        "Enter" if ev.shift_key() => Some(Dir::Up),
        "Enter" => Some(Dir::Down),
        "ArrowLeft" if start == 0 && (end == 0 || end == len) => Some(Dir::Left),
        "ArrowRight" if start == len || start == 0 && end == len => Some(Dir::Right),
        _ => None,
    }
}
