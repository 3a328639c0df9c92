//! Small things about the page: focus, keys an input method owns, today's date.

use leptos::wasm_bindgen::JsCast;

/// Focuses the element with `id` and selects its text, so typing replaces it.
pub fn focus_id(id: &str) {
    let Some(el) = leptos::prelude::document().get_element_by_id(id) else {
        return;
    };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        input.select();
    } else if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// True while an input method (拼音, 五笔…) is composing: keys belong to it.
pub fn composing(ev: &web_sys::KeyboardEvent) -> bool {
    ev.is_composing() || ev.key_code() == 229
}

/// Keeps Enter and Tab with the input method while it composes: they commit
/// or choose a candidate there, and must not move focus or add a line.
/// Returns true when the key was the input method's.
pub fn guard_composition(ev: &web_sys::KeyboardEvent) -> bool {
    if !composing(ev) {
        return false;
    }
    if matches!(ev.key().as_str(), "Enter" | "Tab") {
        ev.prevent_default();
        ev.stop_propagation();
    }
    true
}

/// Today, by the browser's clock (the core has no clock).
pub fn today() -> Option<nianbao_core::report::Date> {
    let now = js_sys::Date::new_0();
    nianbao_core::report::Date::new(
        now.get_full_year() as i32,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
}

/// JSON indented by two spaces, as `serde_json::to_string_pretty` writes it,
/// by the browser's own JSON writer (the page then has one serialiser of the
/// report's types in its code, the compact one). Unreadable text is kept.
pub fn indented(json: &str) -> String {
    js_sys::JSON::parse(json)
        .ok()
        .and_then(|v| {
            js_sys::JSON::stringify_with_replacer_and_space(
                &v,
                &leptos::wasm_bindgen::JsValue::NULL,
                &2.into(),
            )
            .ok()
        })
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| json.to_owned())
}
