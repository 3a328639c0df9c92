//! The prerendered form: index.html holds the form as this app draws it for a
//! new report (`#shell`, written at build time by scripts/prerender.mjs), and
//! `shell.js` fills it with the last draft's values before the first paint
//! and takes typing while this code loads. Typing there is journalled the way
//! the session journals it, so the session's replay brings it in; the same
//! entries are also handed over on the page (`data-shell-early`), so nothing
//! depends on storage. What the shell fills is what this app showed when it
//! last saved (`write_cache`): no formatting or draft reading is repeated in
//! script, and a draft whose form differs from the shell's is not shown there.

use std::cell::RefCell;

use js_sys::{Array, Object, Reflect};
use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use leptos::web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use nianbao_core::edit::Edit;
use nianbao_core::Report;

use crate::state::Editor;

/// The setting the values are kept under (`{namespace}:setting:shell`).
pub const SETTING: &str = "shell";
/// The form's fields, in document order: the shell and the app must list the
/// same ids for the shell to be used (shell.js has the same selector).
pub const FIELDS: &str = "textarea[id], input[id], select[id], .cell-text[id]";
/// Values larger than this are not kept twice (the shell is then not used).
const MAX_CACHE: usize = 256 * 1024;
const EARLY_ATTR: &str = "data-shell-early";
/// The draft shell.js journals typing under once the app has opened it (over
/// the revision storage holds for it, as the app's journal does).
const DRAFT_ATTR: &str = "data-app-draft";

/// What `#main` shows now, for the draft `id` saved as `revision`, as the
/// JSON shell.js reads: `id`, `revision`, `structure` (the fields' ids in
/// order: the form's shape), `values` (by id), `typeable` (the fields whose
/// typing the journal carries) and `status` (what the tool bar said about
/// saving). None when the form is not on the page or the values are too
/// large to keep twice. Built as a JavaScript object: the page already has
/// a JSON writer, and serde's for these types would be code of its own.
pub fn cache(id: &str, revision: u64, report: &Report) -> Option<String> {
    let main = document().get_element_by_id("main")?;
    let list = main.query_selector_all(FIELDS).ok()?;
    let mut ids = Vec::new();
    let values = Object::new();
    let typeable = Array::new();
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let key = el.id();
        let value = shown(&el);
        if !value.is_empty() {
            let _ = Reflect::set(&values, &key.as_str().into(), &value.into());
        }
        if Edit::from_journal(report, &key, "").is_some() {
            typeable.push(&key.as_str().into());
        }
        ids.push(key);
    }
    let status = document()
        .get_element_by_id("save-status")
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    let cache = Object::new();
    for (name, value) in [
        ("id", JsValue::from(id)),
        ("revision", JsValue::from(revision as f64)),
        ("structure", ids.join(",").into()),
        ("values", values.into()),
        ("typeable", typeable.into()),
        ("status", status.into()),
    ] {
        let _ = Reflect::set(&cache, &name.into(), &value);
    }
    let text = js_sys::JSON::stringify(&cache).ok()?.as_string()?;
    (text.len() <= MAX_CACHE).then_some(text)
}

fn shown(el: &Element) -> String {
    if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        t.value()
    } else if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.value()
    } else if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
        s.value()
    } else {
        el.text_content().unwrap_or_default()
    }
}

/// Whether the prerendered form is on the page (shell.js keeps it only
/// where it can fill it with this draft).
pub fn present() -> bool {
    document().get_element_by_id("shell").is_some()
}

/// Has shell.js journal typing under the app's draft `id` from now on (the
/// app has opened it, and draws its form behind the shell).
pub fn journal_under(id: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute(DRAFT_ATTR, id);
    }
}

/// Applies what was typed into the shell since the app started.
pub fn apply_later(editor: Editor) {
    let typed = read_early();
    if !typed.is_empty() {
        EARLY.set(typed);
        apply_early(editor);
    }
}

/// An input method is composing in the shell (`shell.js` marks the page).
pub fn composing() -> bool {
    document()
        .document_element()
        .is_some_and(|root| root.get_attribute("data-composing").is_some())
}

/// Where the person was in the shell: the field's id and the selection.
pub struct Focus {
    id: String,
    selection: Option<(u32, u32)>,
}

/// Removes the shell, which shows the app's form in the same task (no frame
/// shows neither), remembering the field that had focus.
pub fn take_over() -> Option<Focus> {
    let shell = document().get_element_by_id("shell")?;
    let focus = document().active_element().and_then(|el| {
        if !shell.contains(Some(&el)) {
            return None;
        }
        let input = el.dyn_ref::<HtmlInputElement>();
        let selection = match (input, el.dyn_ref::<HtmlTextAreaElement>()) {
            (Some(i), _) => i
                .selection_start()
                .ok()
                .flatten()
                .zip(i.selection_end().ok().flatten()),
            (_, Some(t)) => t
                .selection_start()
                .ok()
                .flatten()
                .zip(t.selection_end().ok().flatten()),
            _ => None,
        };
        // The cell editor stands for the cell whose key it carries.
        let id = if el.class_list().contains("cell-input") {
            el.get_attribute("data-key")?
        } else {
            el.id()
        };
        (!id.is_empty()).then_some(Focus { id, selection })
    });
    shell.remove();
    focus
}

/// Puts focus back where it was, once the form's tables are drawn (their
/// markup is written by effects, which run before any queued key).
pub fn restore(focus: Focus) {
    leptos::task::spawn_local(async move {
        let Some(el) = document()
            .get_element_by_id(&focus.id)
            .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let _ = el.focus();
        // A cell's focus moved the editor input into it.
        let active = document().active_element();
        if let Some((start, end)) = focus.selection {
            if let Some(i) = active
                .as_ref()
                .and_then(|a| a.dyn_ref::<HtmlInputElement>())
            {
                let _ = i.set_selection_range(start, end);
            } else if let Some(t) = active
                .as_ref()
                .and_then(|a| a.dyn_ref::<HtmlTextAreaElement>())
            {
                let _ = t.set_selection_range(start, end);
            }
        }
    });
}

thread_local! {
    /// What was typed into the shell (shell.js keeps every field's last text
    /// on the page, so a later read has all an earlier one had).
    static EARLY: RefCell<Vec<(String, String)>> = RefCell::new(read_early());
}

fn read_early() -> Vec<(String, String)> {
    let Some(root) = document().document_element() else {
        return Vec::new();
    };
    let parsed = root
        .get_attribute(EARLY_ATTR)
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .filter(JsValue::is_object);
    let _ = root.remove_attribute(EARLY_ATTR);
    let Some(parsed) = parsed else {
        return Vec::new();
    };
    Object::entries(parsed.unchecked_ref())
        .iter()
        .filter_map(|pair| {
            let pair = Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// What was typed into the shell, by journal key (each field's last text).
pub fn early() -> Vec<(String, String)> {
    EARLY.with_borrow(Clone::clone)
}

/// Whether a journal entry is typing done in the shell on this page (not
/// typing the browser closed on before saving).
pub fn was_early(key: &str) -> bool {
    EARLY.with_borrow(|e| e.iter().any(|(k, _)| k == key))
}

/// Applies what was typed into the shell as edits. The session's replay of
/// the journal brought it in already, unless storage refused it: then these
/// edits are what keeps it (each one changes nothing otherwise).
pub fn apply_early(editor: Editor) {
    for (key, raw) in early() {
        if let Some(edit) = editor.with_report_untracked(|r| Edit::from_journal(r, &key, &raw)) {
            editor.edit(edit);
        }
    }
}
