//! Text boxes that never break an input method's composition: the model is
//! updated on input only outside a composition and once at its end, and the
//! box is written to only when the model changed from elsewhere (undo,
//! import) — never with the text it already holds.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{Event, HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use nianbao_core::edit::Edit;
use nianbao_core::limits::MAX_TEXT_CHARS;
use nianbao_core::report::Field;

use super::keys::guard_composition;
use crate::state::Editor;

type Getter = Arc<dyn Fn() -> String + Send + Sync>;
type Setter = Arc<dyn Fn(String) + Send + Sync>;

fn value_of(el: &HtmlElement) -> String {
    if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        t.value()
    } else if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.value()
    } else {
        String::new()
    }
}

fn set_value_of(el: &HtmlElement, v: &str) {
    if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        t.set_value(v);
    } else if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.set_value(v);
    }
}

thread_local! {
    /// Chromium 123+ grows text areas itself (`field-sizing: content` in main.css);
    /// older ones (the 信创 browsers) are measured by script.
    static SIZES_ITSELF: bool =
        leptos::web_sys::css::supports_with_value("field-sizing", "content").unwrap_or(false);
}

/// Sets text areas to the height of their content. Writes, then reads, then
/// writes: all the reads share one layout.
fn fit_now(areas: &[HtmlElement]) {
    for el in areas {
        let _ = HtmlElement::style(el).set_property("height", "auto");
    }
    let heights: Vec<i32> = areas.iter().map(|el| el.scroll_height()).collect();
    for (el, h) in areas.iter().zip(heights) {
        let _ = HtmlElement::style(el).set_property("height", &format!("{}px", h + 2));
    }
}

/// Grows a text area to its content now, where the browser does not.
fn fit(el: &HtmlElement) {
    if !SIZES_ITSELF.with(|s| *s) && el.dyn_ref::<HtmlTextAreaElement>().is_some() {
        fit_now(std::slice::from_ref(el));
    }
}

thread_local! {
    /// Text areas to fit at the next frame, all at once: one forced layout for all
    /// of them instead of one each (16 on opening a filled report).
    static FIT_SOON: RefCell<Vec<HtmlElement>> = const { RefCell::new(Vec::new()) };
}

/// Fits a text area at the next frame, batched with the others changed meanwhile.
fn fit_soon(el: HtmlElement) {
    if SIZES_ITSELF.with(|s| *s) || el.dyn_ref::<HtmlTextAreaElement>().is_none() {
        return;
    }
    let first = FIT_SOON.with_borrow_mut(|pending| {
        pending.push(el);
        pending.len() == 1
    });
    if first {
        request_animation_frame(|| fit_now(&FIT_SOON.take()));
    }
}

/// Fits every text area of the form where the browser does not: the form
/// drawn behind the shell had no heights to measure.
pub fn fit_all() {
    let Ok(list) = document().query_selector_all("#main textarea") else {
        return;
    };
    for i in 0..list.length() {
        if let Some(el) = list.item(i).and_then(|n| n.dyn_into().ok()) {
            fit_soon(el);
        }
    }
}

/// The box inside a text field's wrapper.
fn box_in(node: NodeRef<leptos::html::Div>) -> Option<HtmlElement> {
    node.get()?
        .query_selector("textarea, input")
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// A labelled text box over any string of the report. Its events are
/// listened to on its wrapper (they bubble; `focusout` for blur), so the
/// one-line and the many-line box share them.
/// Typing, an input method, Enter and Tab kept with it while it composes, a
/// visit: one listener per text box (see `listen`).
fn on_event(
    ev: &Event,
    node: NodeRef<leptos::html::Div>,
    is_composing: StoredValue<bool>,
    set: &Setter,
    visit: Option<Field>,
    editor: Editor,
) {
    match ev.type_().as_str() {
        "input" => {
            let composing_now = ev
                .dyn_ref::<leptos::web_sys::InputEvent>()
                .is_some_and(|e| e.is_composing());
            if let Some(el) = box_in(node) {
                fit(&el);
                if !is_composing.get_value() && !composing_now {
                    set(value_of(&el));
                }
            }
        }
        "compositionstart" => is_composing.set_value(true),
        "compositionend" => {
            is_composing.set_value(false);
            if let Some(el) = box_in(node) {
                set(value_of(&el));
            }
        }
        "keydown" => {
            if let Some(key) = ev.dyn_ref::<leptos::web_sys::KeyboardEvent>() {
                guard_composition(key);
            }
        }
        "focusout" => {
            if let Some(f) = visit {
                editor.visit_field(f);
            }
        }
        _ => {}
    }
}

/// What a text box listens to.
const EVENTS: [&str; 5] = [
    "input",
    "compositionstart",
    "compositionend",
    "keydown",
    "focusout",
];

#[component]
pub fn TextBox(
    id: String,
    label: String,
    #[prop(optional)] hint: Option<String>,
    multiline: bool,
    get: Getter,
    set: Setter,
    #[prop(optional)] visit: Option<Field>,
) -> impl IntoView {
    let editor = Editor::get();
    let node = NodeRef::<leptos::html::Div>::new();
    let is_composing = StoredValue::new(false);
    let model = Memo::new(move |_| {
        // The report outside the tables: typing in a table does not wake a text box.
        editor.fields.track();
        get()
    });
    Effect::new(move |_| {
        let text = model.get();
        let Some(el) = box_in(node) else { return };
        if !is_composing.get_value() && value_of(&el) != text {
            set_value_of(&el, &text);
        }
        fit_soon(el);
    });
    super::listen::listen_all(node, &EVENTS, move |ev| {
        on_event(&ev, node, is_composing, &set, visit, editor)
    });
    let hint_id = format!("{id}-hint");
    let described = hint.as_ref().map(|_| hint_id.clone());
    let (initial, read_only) = (model.get_untracked(), move || editor.read_only.get());
    let input = if multiline {
        view! {
            <textarea id=id.clone() readonly=read_only maxlength=MAX_TEXT_CHARS rows="4"
                aria-describedby=described prop:value=initial></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type="text" id=id.clone() readonly=read_only maxlength=MAX_TEXT_CHARS
                aria-describedby=described prop:value=initial />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field-wide=multiline node_ref=node>
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {input}
        </div>
    }
}

/// A text box bound to a text field of the report.
#[component]
pub fn FieldText(
    field: Field,
    #[prop(optional)] label: Option<String>,
    #[prop(optional)] hint: Option<String>,
    multiline: bool,
) -> impl IntoView {
    let editor = Editor::get();
    let get: Getter = Arc::new(move || {
        editor.with_report_untracked(|r| r.field_text(field).unwrap_or_default().to_owned())
    });
    let set: Setter = Arc::new(move |text| {
        editor.edit(Edit::SetText { field, text });
    });
    let label = label.unwrap_or_else(|| field.label());
    let findings = multiline.then(|| view! { <super::findings::FieldFindings field /> });
    let compose = super::compose::draftable(field)
        .then(|| view! { <super::compose::DraftButton field label=label.clone() /> });
    let text_box = match hint {
        Some(hint) => {
            view! { <TextBox id=field.key() label hint multiline get set visit=field /> }.into_any()
        }
        None => view! { <TextBox id=field.key() label multiline get set visit=field /> }.into_any(),
    };
    view! { {text_box} {compose} {findings} }
}
