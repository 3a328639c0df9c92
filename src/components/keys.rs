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

/// Focuses the element with `id` and selects its text, so typing replaces it.
pub fn focus_id(id: &str) {
    use leptos::wasm_bindgen::JsCast;
    let Some(el) = leptos::prelude::document().get_element_by_id(id) else {
        return;
    };
    if let Some(input) = el.dyn_ref::<leptos::web_sys::HtmlInputElement>() {
        let _ = input.focus();
        input.select();
    } else if let Some(el) = el.dyn_ref::<leptos::web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}
