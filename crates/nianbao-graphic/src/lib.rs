//! 一图读懂 as a module of its own, loaded the first time it is opened: the
//! year's figures drawn as SVG from the validated report (`nianbao_core::
//! render::infographic`), shown as a `<figure>` with every figure also in a
//! table, and taken away as SVG, as PNG (drawn by the browser's canvas) or
//! printed on A4.

mod dialog;
mod png;

use std::cell::Cell;

use leptos::prelude::*;
use nianbao_core::json::read_current;
use nianbao_core::Report;
use wasm_bindgen::prelude::wasm_bindgen;

/// The report and last year's, as the editor sent them.
#[derive(Clone, Debug, PartialEq)]
struct Sent {
    report: Report,
    previous: Option<Report>,
}

#[derive(Clone, Copy)]
struct Shown {
    sent: RwSignal<Option<Sent>>,
    open: RwSignal<bool>,
}

thread_local! {
    static SHOWN: Cell<Option<Shown>> = const { Cell::new(None) };
}

/// The state, made by whichever call comes first (`open` may overtake
/// `mount` on the way: both wait for the module's start).
fn shown() -> Shown {
    SHOWN.get().unwrap_or_else(|| {
        let shown = Shown {
            sent: RwSignal::new(None),
            open: RwSignal::new(false),
        };
        SHOWN.set(Some(shown));
        shown
    })
}

/// Draws the (closed) dialog into `root`, for the page's life.
#[wasm_bindgen]
pub fn mount(root: web_sys::HtmlElement) {
    leptos::mount::mount_to(root, dialog::GraphicDialog).forget();
}

/// Opens 一图读懂 for the report (the app's JSON) and last year's (or empty).
#[wasm_bindgen]
pub fn open(report: String, previous: String) -> Result<(), String> {
    let report = read_current(&report).map_err(|e| e.to_string())?;
    let previous = match previous.as_str() {
        "" => None,
        text => Some(read_current(text).map_err(|e| e.to_string())?),
    };
    let shown = shown();
    shown.sent.set(Some(Sent { report, previous }));
    shown.open.set(true);
    Ok(())
}
