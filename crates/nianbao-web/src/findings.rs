//! One finding as a list item, in the same words wherever it is listed: under
//! its table or text field (the editor) and in the error summary after 检查
//! (a module of its own). What the item's buttons do goes through `Acts`: the
//! editor edits its document, the summary module asks the editor.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use nianbao_core::rules::Finding;
use nianbao_core::template::{CellId, Template};
use nianbao_core::Severity;

use crate::page::{focus_id, guard_composition};

/// What a listed finding can do, and what it shows of the report.
pub trait Acts: Copy + Send + Sync + 'static {
    /// The report's template (read without subscribing).
    fn template(&self) -> &'static Template;
    /// The reason given for the warning with `key` (subscribed).
    fn reason(&self, key: &str) -> Option<String>;
    /// A view-only page: nothing can be changed (subscribed).
    fn read_only(&self) -> bool;
    /// 用计算值替换: these totals (all that differ when empty).
    fn replace(&self, cells: Vec<CellId>);
    /// Keeps a reason, or says why not (the 501st is refused).
    fn explain(&self, key: String, reason: String) -> Result<(), String>;
    /// Takes a reason back.
    fn unexplain(&self, key: String);
}

/// The element a finding points at: its first cell, else its first field.
pub fn target_id(template: &Template, f: &Finding) -> String {
    match (f.cells.first(), f.fields.first()) {
        (Some(c), _) => template.def(*c).dom_id(),
        (None, Some(field)) => field.key(),
        (None, None) => "main".to_owned(),
    }
}

/// Focuses the text area with `id` and selects `start..end` (UTF-16 units):
/// the sentence a finding quotes.
pub fn select_in(id: &str, start: u32, end: u32) {
    let Some(area) = document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return focus_id(id);
    };
    let _ = area.focus();
    let _ = area.set_selection_range(start, end);
}

/// One finding: its kind, its words as a link to where it is, its rule, and
/// 用计算值替换 / 说明原因 where they apply.
pub fn item(acts: impl Acts, f: &Finding) -> impl IntoView {
    let template = acts.template();
    let target = target_id(template, f);
    let replace = f.recomputable_total(template).map(|cell| {
        view! {
            " "
            <button type="button" class="link-button" on:click=move |_| acts.replace(vec![cell])>
                "用计算值替换"
            </button>
        }
    });
    let href = format!("#{target}");
    let select = f.quote.as_ref().map(|q| (q.field.key(), q.at));
    let message = quoted_message(f);
    let label = f.severity.label();
    let class = match f.severity {
        Severity::Error => "finding finding-error",
        Severity::Warning => "finding finding-warning",
    };
    let explain = (f.severity == Severity::Warning).then(|| explain(acts, f.key(template)));
    view! {
        <li class=class>
            <span class="finding-kind">{if f.severity == Severity::Error { "✖ " } else { "⚠ " }}{label}</span>
            " "
            <a
                href=href
                on:click=move |ev| {
                    ev.prevent_default();
                    match &select {
                        Some((id, (a, b))) => select_in(id, *a, *b),
                        None => focus_id(&target),
                    }
                }
            >
                {message}
            </a>
            <span class="rule-id">{format!("（{}）", f.rule.code())}</span>
            {replace}
            {explain}
        </li>
    }
}

/// A warning's reason: given, shown as 已说明 (the warning stays), changed
/// or taken back. Kept in the draft and the exported files.
fn explain(acts: impl Acts, key: String) -> impl IntoView {
    let key = StoredValue::new(key);
    let reason = Memo::new(move |_| key.with_value(|k| acts.reason(k)));
    let editing = RwSignal::new(false);
    let refused = RwSignal::new(None::<String>);
    crate::live::announce(move || refused.get());
    let input = NodeRef::<leptos::html::Input>::new();
    let save = move || {
        let Some(el) = input.get_untracked() else {
            return;
        };
        let text = el.value();
        if text.trim().is_empty() {
            return;
        }
        match acts.explain(key.get_value(), text) {
            Ok(()) => {
                refused.set(None);
                editing.set(false);
            }
            Err(why) => refused.set(Some(why)),
        }
    };
    let remove = move |_| acts.unexplain(key.get_value());
    let start = move |_| {
        editing.set(true);
        request_animation_frame(move || {
            if let Some(i) = input.get_untracked() {
                let _ = i.focus();
            }
        });
    };
    let hidden = move || acts.read_only();
    move || {
        if editing.get() {
            let text = reason.get_untracked().unwrap_or_default();
            return reason_form(input, text, save, editing, refused);
        }
        match reason.get() {
            Some(text) => view! {
                <span class="explained">
                    " "
                    <span class="explained-mark">"已说明："</span>{text}
                    " "
                    <button type="button" class="link-button" hidden=hidden on:click=start>"修改说明"</button>
                    " "
                    <button type="button" class="link-button" hidden=hidden on:click=remove>"删除说明"</button>
                </span>
            }
            .into_any(),
            None => view! {
                " "
                <button type="button" class="link-button" hidden=hidden on:click=start>"说明原因"</button>
            }
            .into_any(),
        }
    }
}

/// The box a reason is typed into: Enter saves, Esc cancels.
fn reason_form(
    input: NodeRef<leptos::html::Input>,
    text: String,
    save: impl Fn() + Copy + 'static,
    editing: RwSignal<bool>,
    refused: RwSignal<Option<String>>,
) -> AnyView {
    view! {
        <span class="explain-form">
            " "
            <input node_ref=input type="text" class="explain-input" aria-label="说明原因"
                maxlength=nianbao_core::limits::MAX_REASON_CHARS
                placeholder="例如：机构改革，上年由原机关办理"
                prop:value=text
                on:keydown=move |ev| {
                    if guard_composition(&ev) { return; }
                    if ev.key() == "Enter" { ev.prevent_default(); save(); }
                    if ev.key() == "Escape" { editing.set(false); }
                } />
            " "
            <button type="button" class="link-button" on:click=move |_| save()>"保存说明"</button>
            " "
            <button type="button" class="link-button" on:click=move |_| editing.set(false)>"取消"</button>
            {move || refused.get().map(|why| view! { <span class="field-error">" " {why}</span> })}
        </span>
    }
    .into_any()
}

/// A finding's words; the sentence it quotes with the figure marked.
fn quoted_message(f: &Finding) -> AnyView {
    let parts = f.quote.as_ref().and_then(|q| {
        let sentence = q.sentence.trim();
        let (before, after) = f.message.split_once(sentence)?;
        let chars: Vec<char> = sentence.chars().collect();
        let (a, b) = q.figure.unwrap_or((chars.len(), chars.len()));
        let (a, b) = (a.min(chars.len()), b.min(chars.len()));
        let piece = |r: std::ops::Range<usize>| chars[r].iter().collect::<String>();
        Some((
            before.to_owned(),
            piece(0..a),
            piece(a..b),
            piece(b..chars.len()),
            after.to_owned(),
        ))
    });
    match parts {
        Some((before, lead, figure, tail, after)) => view! {
            {before}
            <q class="finding-quote">{lead}{(!figure.is_empty()).then(|| view! { <mark>{figure}</mark> })}{tail}</q>
            {after}
        }
        .into_any(),
        None => f.message.clone().into_any(),
    }
}
