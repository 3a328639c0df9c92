//! A statistical table. Its markup comes from the core (`render::form`, the
//! same for every format); this binds to
//! it with one set of listeners for the whole table (`grid.rs` holds the
//! boxes), writes a value only into a box whose cell changed, and shows
//! findings as a paint-only mark on the box plus words in its description.

use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{Element, HtmlInputElement};
use nianbao_core::edit::Edit;
use nianbao_core::render::form::form_table;
use nianbao_core::template::{CellId, TableId};

use super::findings::TableFindings;
use super::grid::Grid;
use super::keys::{cell_move, focus_id};
use crate::state::Editor;

/// The number box an event happened in: its slot in the grid, its cell, the box.
fn target_box(
    ev: &ev::Event,
    grid: StoredValue<Option<Grid>, LocalStorage>,
) -> Option<(usize, CellId, HtmlInputElement)> {
    let input: HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let (slot, cell) = grid.with_value(|g| {
        let g = g.as_ref()?;
        let slot = g.slot_of(&input)?;
        Some((slot, g.cell(slot)))
    })?;
    Some((slot, cell, input))
}

#[component]
pub fn TableEditor(table: TableId) -> impl IntoView {
    let editor = Editor::get();
    let wrap = NodeRef::<Div>::new();
    let grid = StoredValue::new_local(None::<Grid>);

    keep_in_step(editor, wrap, grid, table);

    let on_input = move |ev: ev::Event| {
        let Some((i, _, input)) = target_box(&ev, grid) else {
            return;
        };
        let composing = ev
            .dyn_ref::<leptos::web_sys::InputEvent>()
            .is_some_and(|e| e.is_composing());
        let commit = grid
            .try_update_value(|g| {
                g.as_mut()
                    .and_then(|g| g.typed(i, input.value(), composing))
            })
            .flatten();
        if let Some((cell, raw)) = commit {
            editor.edit(Edit::TypeCell { cell, raw });
        }
    };
    let on_composition_start = move |ev: ev::CompositionEvent| {
        if let Some((i, _, _)) = target_box(&ev, grid) {
            grid.update_value(|g| g.as_mut().map(|g| g.composing(Some(i))).unwrap_or(()));
        }
    };
    let on_composition_end = move |ev: ev::CompositionEvent| {
        let Some((i, _, input)) = target_box(&ev, grid) else {
            return;
        };
        let commit = grid
            .try_update_value(|g| {
                g.as_mut().and_then(|g| {
                    g.composing(None);
                    g.typed(i, input.value(), false)
                })
            })
            .flatten();
        if let Some((cell, raw)) = commit {
            editor.edit(Edit::TypeCell { cell, raw });
        }
    };
    let on_keydown = move |ev: ev::KeyboardEvent| {
        let Some((_, cell, input)) = target_box(&ev, grid) else {
            return;
        };
        let template = editor.template.get_untracked().get();
        let next = cell_move(&ev, &input).and_then(|dir| template.neighbor(cell, dir));
        if let Some(next) = next {
            ev.prevent_default();
            focus_id(&template.def(next).dom_id());
        }
    };
    let on_paste = move |ev: ev::ClipboardEvent| {
        if let Some((_, cell, _)) = target_box(&ev, grid) {
            crate::clipboard::paste_at(editor, cell, &ev);
        }
    };

    view! {
        <div
            class="table-wrap"
            node_ref=wrap
            on:input=on_input
            on:compositionstart=on_composition_start
            on:compositionend=on_composition_end
            on:keydown=on_keydown
            on:paste=on_paste
            on:focusout=move |ev| { if let Some((_, cell, _)) = target_box(&ev, grid) { editor.visit_cell(cell); } }
        ></div>
        <TableFindings table />
    }
}

/// The boxes and the model kept in step: built for the report's format
/// (again when it changes), values written into boxes whose cell changed,
/// read-only states, and findings as marks when typing pauses.
fn keep_in_step(
    editor: Editor,
    wrap: NodeRef<Div>,
    grid: StoredValue<Option<Grid>, LocalStorage>,
    table: TableId,
) {
    // Build the boxes for the report's format (again when it changes).
    Effect::new(move |_| {
        let id = editor.template.get();
        let Some(el) = wrap.get() else { return };
        let el: &Element = el.as_ref();
        el.set_inner_html(&form_table(id.get(), table));
        let mut g = Grid::bind(el, id, table);
        editor.with_all_untracked(|r, u| g.sync_values(r, u));
        g.set_read_only(
            editor.auto_totals.get_untracked(),
            editor.read_only.get_untracked(),
        );
        editor.shown.with_untracked(|s| g.sync_marks(s));
        grid.set_value(Some(g));
    });
    // Model → boxes: only boxes whose cell changed are looked at.
    Effect::new(move |_| {
        editor.track();
        editor.with_all_untracked(|r, u| {
            grid.update_value(|g| {
                if let Some(g) = g.as_mut().filter(|g| g.format() == r.template_id()) {
                    g.sync_values(r, u);
                }
            })
        })
    });
    Effect::new(move |_| {
        let (auto, read_only) = (editor.auto_totals.get(), editor.read_only.get());
        grid.update_value(|g| {
            if let Some(g) = g.as_mut() {
                g.set_read_only(auto, read_only);
            }
        });
    });
    // Findings → marks, when typing pauses (the checks are batched).
    Effect::new(move |_| {
        editor.shown.with(|s| {
            grid.update_value(|g| {
                if let Some(g) = g.as_mut() {
                    g.sync_marks(s);
                }
            })
        })
    });
}
