//! A statistical table. Its markup comes from the core (`render::form`, the
//! same for every format): each cell's value as focusable text. This binds to
//! it with one set of listeners for the whole table (`grid.rs` holds the
//! cells and the one editor input, moved into the cell that takes focus),
//! writes a value only into a cell that changed, and shows findings as a
//! paint-only mark on the box plus words in its description.

use leptos::html::Div;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{
    ClipboardEvent, Element, Event, HtmlInputElement, InputEvent, KeyboardEvent,
};
use nianbao_core::edit::Edit;
use nianbao_core::render::form::form_table;
use nianbao_core::template::{CellId, TableId};

use super::findings::TableFindings;
use super::grid::Grid;
use super::keys::{cell_move, focus_id};
use crate::state::Editor;

/// The number box an event happened in: its slot in the grid, its cell, the box.
fn target_box(
    ev: &Event,
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

/// The events a table listens to, all through one handler (each `on:`
/// handler is code of its own in the bundle).
const EVENTS: [&str; 7] = [
    "input",
    "compositionstart",
    "compositionend",
    "keydown",
    "paste",
    "focusin",
    "focusout",
];

#[component]
pub fn TableEditor(table: TableId) -> impl IntoView {
    let editor = Editor::get();
    let wrap = NodeRef::<Div>::new();
    let grid = StoredValue::new_local(None::<Grid>);

    keep_in_step(editor, wrap, grid, table);
    super::listen::listen_all(wrap, &EVENTS, move |ev| on_event(&ev, grid, editor));

    view! {
        <div class="table-wrap" node_ref=wrap></div>
        <TableFindings table />
    }
}

/// One event in a table: typing, an input method, a key that moves, a paste,
/// a cell taking or the editor losing focus.
fn on_event(ev: &Event, grid: StoredValue<Option<Grid>, LocalStorage>, editor: Editor) {
    match ev.type_().as_str() {
        "input" => {
            let composing = ev.dyn_ref::<InputEvent>().is_some_and(|e| e.is_composing());
            typed(ev, grid, editor, composing);
        }
        "compositionstart" => {
            if let Some((i, _, _)) = target_box(ev, grid) {
                grid.update_value(|g| g.as_mut().map(|g| g.composing(Some(i))).unwrap_or(()));
            }
        }
        "compositionend" => {
            grid.update_value(|g| g.as_mut().map(|g| g.composing(None)).unwrap_or(()));
            typed(ev, grid, editor, false);
        }
        "keydown" => {
            let (Some((_, cell, input)), Some(key)) =
                (target_box(ev, grid), ev.dyn_ref::<KeyboardEvent>())
            else {
                return;
            };
            let template = editor.template.get_untracked().get();
            let next = cell_move(key, &input).and_then(|dir| template.neighbor(cell, dir));
            if let Some(next) = next {
                ev.prevent_default();
                focus_id(&template.def(next).dom_id());
            }
        }
        "paste" => {
            if let (Some((_, cell, _)), Some(paste)) =
                (target_box(ev, grid), ev.dyn_ref::<ClipboardEvent>())
            {
                crate::clipboard::paste_at(editor, cell, paste);
            }
        }
        "focusin" => focus_in(ev, grid),
        "focusout" => {
            if let Some((_, cell, _)) = target_box(ev, grid) {
                grid.update_value(|g| g.as_mut().map(Grid::unplace).unwrap_or(()));
                editor.visit_cell(cell);
            }
        }
        _ => {}
    }
}

/// Text typed into the editor: its error shows at once, and it is committed
/// as an edit unless an input method is still composing.
fn typed(
    ev: &Event,
    grid: StoredValue<Option<Grid>, LocalStorage>,
    editor: Editor,
    composing: bool,
) {
    let Some((i, _, input)) = target_box(ev, grid) else {
        return;
    };
    let commit = grid
        .try_update_value(|g| {
            g.as_mut()
                .and_then(|g| g.typed(i, input.value(), composing))
        })
        .flatten();
    if let Some((cell, raw)) = commit {
        editor.edit(Edit::TypeCell { cell, raw });
    }
}

/// A cell's text took focus (Tab, a click, a move, a finding's link): the
/// editor input goes there, its text selected so typing replaces it, as in a
/// spreadsheet. The editor input losing focus (`unplace`) only hides it — an
/// element removed while it loses focus upsets some engines.
fn focus_in(ev: &Event, grid: StoredValue<Option<Grid>, LocalStorage>) {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let placed = grid
        .try_update_value(|g| {
            let g = g.as_mut()?;
            let slot = g.slot_of_text(&el)?;
            Some(g.place(slot))
        })
        .flatten();
    // Focused at once, so the next key (an input method's first) goes to it;
    // its own focusin comes back here and finds no cell's text.
    if let Some(input) = placed {
        let _ = input.focus();
        input.select();
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
