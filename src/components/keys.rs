//! Keyboard helpers shared by the inputs.

use leptos::web_sys::KeyboardEvent;

/// True while an input method (拼音, 五笔…) is composing: keys belong to it.
pub fn composing(ev: &KeyboardEvent) -> bool {
    ev.is_composing() || ev.key_code() == 229
}

/// Keeps Enter and Tab with the input method while it composes: they commit
/// or choose a candidate there, and must not move focus or add a line.
/// Returns true when the key was the input method's.
pub fn guard_composition(ev: &KeyboardEvent) -> bool {
    if !composing(ev) {
        return false;
    }
    if matches!(ev.key().as_str(), "Enter" | "Tab") {
        ev.prevent_default();
        ev.stop_propagation();
    }
    true
}

pub use nianbao_web::page::focus_id;

/// Focuses the text area with `id` and selects `start..end` (UTF-16 units):
/// the sentence a finding quotes.
pub fn select_in(id: &str, start: u32, end: u32) {
    use leptos::wasm_bindgen::JsCast;
    let Some(area) = leptos::prelude::document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<leptos::web_sys::HtmlTextAreaElement>().ok())
    else {
        return focus_id(id);
    };
    let _ = area.focus();
    let _ = area.set_selection_range(start, end);
}

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
