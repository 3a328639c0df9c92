//! Small things about the page: focus, today's date.

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

/// Today, by the browser's clock (the core has no clock).
pub fn today() -> Option<nianbao_core::report::Date> {
    let now = js_sys::Date::new_0();
    nianbao_core::report::Date::new(
        now.get_full_year() as i32,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
}
