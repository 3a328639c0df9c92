//! One value cell of a table: a number box (`number.rs`) that moves like a
//! spreadsheet (`keys::cell_move`), takes pasted blocks (`clipboard::paste_at`)
//! and shows its findings.

use leptos::ev;
use leptos::prelude::*;
use nianbao_core::template::{CellDef, CellId, Template};
use nianbao_core::{CellKind, Severity};

use super::keys::{cell_move, focus_id};
use super::number::NumberBox;
use crate::state::Editor;

/// The short words shown beside the icon in a cell.
fn mark_words(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "不符",
        Severity::Warning => "提示",
    }
}

#[component]
pub fn CellInput(template: &'static Template, cell: CellId, colspan: u16) -> impl IntoView {
    let editor = Editor::get();
    let def: &'static CellDef = template.def(cell);
    let id = def.dom_id();
    let desc_id = format!("desc-{id}");
    let value = editor.cell_value(cell);
    // Parse policy, kept text, IME and model → DOM: shared with every number box.
    let number = NumberBox::new(def.kind, id.clone(), value.into());
    let input = number.input;
    let parse_error = number.error;
    let initial = number.initial();
    let is_total = def.kind == CellKind::Total;
    let readonly = move || is_total && editor.auto_totals.get() || editor.read_only.get();
    let commit = move |text: &str| editor.type_cell(cell, text);

    let on_keydown = move |ev: ev::KeyboardEvent| {
        let Some(el) = input.get() else { return };
        let next = cell_move(&ev, &el).and_then(|dir| template.neighbor(cell, dir));
        if let Some(next) = next {
            ev.prevent_default();
            focus_id(&template.def(next).dom_id());
        }
    };

    // Findings at this cell.
    let marks = editor.cell_marks(cell);
    let worst = move || {
        if parse_error.with(Option::is_some) {
            return Some(Severity::Error);
        }
        marks.with(|m| m.iter().map(|(s, _, _)| *s).min())
    };
    // Only "this cell is blank" (after 检查): a light mark, not an alarm.
    let blank_only = move || {
        parse_error.with(Option::is_none)
            && marks.with(|m| !m.is_empty() && m.iter().all(|(_, g3, _)| *g3))
    };
    let description = move || {
        let mut lines: Vec<String> = parse_error.get().into_iter().collect();
        lines.extend(marks.get().into_iter().map(|(_, _, w)| w));
        lines.join(" ")
    };
    let label = def.name();

    view! {
        <td
            colspan=colspan
            class="cell"
            class:cell-error=move || worst() == Some(Severity::Error)
            class:cell-warning=move || worst() == Some(Severity::Warning) && !blank_only()
            class:cell-blank=blank_only
            class:cell-total=is_total
        >
            <input
                node_ref=input
                id=id
                class="cell-input"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                aria-label=label
                aria-invalid=move || if worst() == Some(Severity::Error) { "true" } else { "false" }
                aria-describedby=desc_id.clone()
                readonly=readonly
                title=description
                prop:value=initial
                on:input=move |ev| number.on_input(&ev, commit)
                on:compositionstart=move |_| number.on_composition_start()
                on:compositionend=move |ev| number.on_composition_end(&ev, commit)
                on:keydown=on_keydown
                on:paste=move |ev| crate::clipboard::paste_at(editor, cell, &ev)
                on:blur=move |_| editor.visit_cell(cell)
            />
            {move || worst().map(|s| view! {
                <span class="mark" aria-hidden="true">
                    {if s == Severity::Error { "✖" } else { "⚠" }}
                    <span class="mark-words">{
                        if parse_error.with(Option::is_some) { "无法识别" } else if blank_only() { "空" } else { mark_words(s) }
                    }</span>
                </span>
            })}
            <span id=desc_id class="sr-only">{description}</span>
        </td>
    }
}
