//! The number-box policy, one for table cells (`grid.rs`) and the 信息处理费
//! figures alike: text that does not parse stays as typed, with its error, and
//! the value is blank; what a value looks like in a box. `NumberBox` is that
//! policy as a Leptos box (the fee figures): input-method compositions kept
//! whole, and the box written to only when the model changed from elsewhere.

use leptos::html::Input;
use leptos::prelude::*;
use nianbao_core::cell::{format_value, parse_cell};
use nianbao_core::CellKind;

use crate::state::Editor;

/// A number box's state: its element, value, kept text, error and composition.
#[derive(Clone, Copy)]
pub struct NumberBox {
    pub input: NodeRef<Input>,
    pub kind: CellKind,
    pub error: RwSignal<Option<String>>,
    composing: StoredValue<bool>,
    /// What the box shows when it opens.
    initial: StoredValue<String>,
}

/// The value as the box shows it.
pub fn shown_text(value: Option<i64>, kind: CellKind) -> String {
    value.map(|v| format_value(v, kind)).unwrap_or_default()
}

/// Why `text` is not a value of `kind`, in words (`None`: it is one).
pub fn error_of(text: &str, kind: CellKind) -> Option<String> {
    parse_cell(text, kind).err().map(|e| e.to_string())
}

impl NumberBox {
    /// Binds a box to its model `value` and the text kept under `key` in the
    /// editor's unparsed map.
    pub fn new(kind: CellKind, key: String, value: Signal<Option<i64>>) -> NumberBox {
        let editor = Editor::get();
        let kept = Memo::new(move |_| editor.kept(&key));
        let initial = kept
            .get_untracked()
            .unwrap_or_else(|| shown_text(value.get_untracked(), kind));
        let b = NumberBox {
            input: NodeRef::new(),
            kind,
            error: RwSignal::new(error_of(&initial, kind)),
            composing: StoredValue::new(false),
            initial: StoredValue::new(initial),
        };
        // Model → DOM, only when they disagree (never while composing, never the same text).
        Effect::new(move |_| {
            let v = value.get();
            let kept = kept.get();
            let Some(el) = b.input.get() else { return };
            if b.composing.get_value() {
                return;
            }
            let current = el.value();
            let agrees = match &kept {
                Some(k) => current == *k,
                None => parse_cell(&current, kind).is_ok_and(|typed| typed == v),
            };
            if !agrees {
                let text = kept.unwrap_or_else(|| shown_text(v, kind));
                el.set_value(&text);
                b.error.set(error_of(&text, kind));
            }
        });
        b
    }

    pub fn initial(&self) -> String {
        self.initial.get_value()
    }

    /// The text now in the box goes to `commit`, with its error shown.
    fn commit(&self, text: String, commit: impl Fn(&str)) {
        self.error.set(error_of(&text, self.kind));
        commit(&text);
    }

    /// An input event: commits outside an input method composition only.
    pub fn on_input(&self, ev: &leptos::web_sys::Event, commit: impl Fn(&str)) {
        let composing_now =
            leptos::wasm_bindgen::JsCast::dyn_ref::<leptos::web_sys::InputEvent>(ev)
                .is_some_and(|e| e.is_composing());
        if !self.composing.get_value() && !composing_now {
            self.commit(event_target_value(ev), commit);
        }
    }

    pub fn on_composition_start(&self) {
        self.composing.set_value(true);
    }

    /// A composition's end: the composed text is committed once.
    pub fn on_composition_end(&self, ev: &leptos::web_sys::Event, commit: impl Fn(&str)) {
        self.composing.set_value(false);
        self.commit(event_target_value(ev), commit);
    }
}
