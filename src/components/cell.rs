//! One value cell of a table: parses what is typed or pasted, keeps IME
//! compositions whole, moves like a spreadsheet, and shows its findings.

use leptos::ev;
use leptos::prelude::*;
use nianbao_core::edit::Dir;
use nianbao_core::template::{CellDef, CellId, Template};
use nianbao_core::{CellKind, Severity};

use super::keys::{focus_id, guard_composition};
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

    let go = move |dir: Dir| {
        if let Some(next) = template.neighbor(cell, dir) {
            focus_id(&template.def(next).dom_id());
        }
    };

    let on_keydown = move |ev: ev::KeyboardEvent| {
        if guard_composition(&ev) || ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let Some(el) = input.get() else { return };
        let len = el.value().encode_utf16().count() as u32;
        let start = el.selection_start().ok().flatten().unwrap_or(0);
        let end = el.selection_end().ok().flatten().unwrap_or(len);
        let dir = match ev.key().as_str() {
            "ArrowUp" => Some(Dir::Up),
            "ArrowDown" => Some(Dir::Down),
            "Enter" if ev.shift_key() => Some(Dir::Up),
            "Enter" => Some(Dir::Down),
            // Left and right move the caret first, then to the next cell.
            "ArrowLeft" if start == 0 && (end == 0 || end == len) => Some(Dir::Left),
            "ArrowRight" if start == len || start == 0 && end == len => Some(Dir::Right),
            _ => None,
        };
        if let Some(dir) = dir {
            ev.prevent_default();
            go(dir);
        }
    };

    let on_paste = move |ev: ev::ClipboardEvent| {
        let Some(data) = ev.clipboard_data() else {
            return;
        };
        // A table copied with its structure (web page, Word, WPS, Excel) first.
        let html = data
            .get_data("text/html")
            .ok()
            .filter(|h| h.to_ascii_lowercase().contains("<table"));
        if let Some(block) = html.as_deref().and_then(crate::clipboard::table_block) {
            ev.prevent_default();
            editor.paste_block(cell, &block);
            return;
        }
        let Ok(text) = data.get_data("text/plain") else {
            return;
        };
        // One value pastes as typing does; a block is spread over the table.
        if text
            .trim_end_matches(['\r', '\n'])
            .contains(['\t', '\n', '\r'])
        {
            ev.prevent_default();
            editor.paste(cell, &text);
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
                on:paste=on_paste
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
