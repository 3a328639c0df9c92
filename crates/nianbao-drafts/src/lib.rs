//! 我的草稿 (the list of drafts) as a module of its own, loaded the first
//! time the list opens, or at once when storage has news for the page (a
//! problem saving, drafts that cannot be read: `notices`) — the editor's
//! bundle carries neither. The editor
//! calls `mount` once with an element to draw into, then `open`; it sends the
//! list again (`update`) whenever it changes — a save, a copy, a delete and
//! its moment to undo. What the person does goes back to the editor through
//! `nianbao_web::host` (`Request::Draft`), which stores and
//! opens drafts as before.

mod dialog;
mod notices;

use std::cell::Cell;

use leptos::prelude::*;
use nianbao_core::host::DraftList;
use wasm_bindgen::prelude::wasm_bindgen;

/// The dialog's state once mounted.
#[derive(Clone, Copy)]
struct Shown {
    open: RwSignal<bool>,
    list: RwSignal<DraftList>,
}

thread_local! {
    static SHOWN: Cell<Option<Shown>> = const { Cell::new(None) };
}

const NOT_READY: &str = "草稿列表还没有准备好，请再点一次。";

/// The dialog's state, made by whichever call comes first: an `open` or
/// `update` that overtook `mount` on the way (both wait for the module's
/// start) is shown once the dialog is drawn.
fn shown() -> Shown {
    SHOWN.get().unwrap_or_else(|| {
        let shown = Shown {
            open: RwSignal::new(false),
            list: RwSignal::new(DraftList::default()),
        };
        SHOWN.set(Some(shown));
        shown
    })
}

/// Draws the (closed) dialog into `root`, for the page's life.
#[wasm_bindgen]
pub fn mount(root: web_sys::HtmlElement) {
    leptos::mount::mount_to(root, dialog::DraftsDialog).forget();
}

/// Shows the list (the editor's `DraftList` as JSON) and opens the dialog.
#[wasm_bindgen]
pub fn open(list_json: String) -> Result<(), String> {
    show(&list_json)?.open.set(true);
    Ok(())
}

/// The list as it is now (the dialog stays as it is, open or closed).
#[wasm_bindgen]
pub fn update(list_json: String) -> Result<(), String> {
    show(&list_json).map(|_| ())
}

fn show(list_json: &str) -> Result<Shown, String> {
    let shown = shown();
    let list = DraftList::from_json(list_json).ok_or(NOT_READY)?;
    shown.list.set(list);
    Ok(shown)
}
