//! The postMessage API for a portal that embeds the app in an iframe, over
//! the core's protocol types (`nianbao_core::portal`), as a module of its
//! own: the editor loads it only when its deployment allows a portal origin
//! (`config::message_origins`), so a page that is not embedded never carries
//! it. Out: `ready`, `changed` (the editor says when), `exported` (the
//! report's JSON), `loaded`, `error`. In: `load` (a JSON report, read like
//! any import) and `export`. Messages go only to, and are taken only from,
//! the allowed origins and the parent frame; everything else is ignored.
//! What the editor does for a message it asks through `nianbao_web::host`.

use std::cell::RefCell;

use nianbao_core::host::Request;
use nianbao_core::json::to_json_compact;
use nianbao_core::portal::{Incoming, Outgoing};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The allowed origins, once installed.
    static ORIGINS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Starts listening and says `ready` (once; a second call does nothing).
/// `origins` are the allowed origins, one per line.
#[wasm_bindgen]
pub fn listen(origins: String, version: String) {
    let origins: Vec<String> = origins
        .lines()
        .map(str::to_owned)
        .filter(|o| !o.is_empty())
        .collect();
    if origins.is_empty() || ORIGINS.with(|o| !o.borrow().is_empty()) {
        return;
    }
    ORIGINS.with(|o| *o.borrow_mut() = origins);
    let Some(window) = web_sys::window() else {
        return;
    };
    let listen = Closure::<dyn Fn(web_sys::MessageEvent)>::new(take);
    let _ = window.add_event_listener_with_callback("message", listen.as_ref().unchecked_ref());
    // Listens for the page's life.
    listen.forget();
    post(&Outgoing::Ready { version });
}

/// `changed`: the report's counts and its save state (the editor sends it
/// once things settle).
#[wasm_bindgen]
pub fn changed(errors: u32, warnings: u32, save_status: String) {
    post(&Outgoing::Changed {
        errors: errors as usize,
        warnings: warnings as usize,
        save_status,
    });
}

/// `exported`: the report the person downloaded (its JSON envelope).
#[wasm_bindgen]
pub fn exported(report_json: String) {
    post(&Outgoing::exported(&report_json));
}

/// A message from the parent frame of an allowed origin, or nothing.
fn take(ev: web_sys::MessageEvent) {
    let allowed = ORIGINS.with(|o| o.borrow().iter().any(|x| *x == ev.origin()));
    let from_parent = web_sys::window()
        .and_then(|w| w.parent().ok().flatten())
        .zip(ev.source())
        .is_some_and(|(p, s)| JsValue::from(p) == JsValue::from(s));
    if !allowed || !from_parent {
        return;
    }
    let json = js_sys::JSON::stringify(&ev.data())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    match Incoming::read(&json) {
        // The export stage runs in the editor; its counts go in the file.
        Some(Incoming::Export) => post(&match nianbao_web::host::request(&Request::PortalExport) {
            Ok(report) => Outgoing::exported(&report),
            Err(message) => Outgoing::Error { message },
        }),
        Some(Incoming::Load { report }) => wasm_bindgen_futures::spawn_local(load(report)),
        None => {}
    }
}

/// The portal's report, read like an imported file by the file module (any
/// version, every fault named), then given to the editor.
async fn load(report: String) {
    let read = nianbao_web::files::read_report_only("report.json", report.as_bytes()).await;
    let done = read.and_then(|r| {
        nianbao_web::host::request(&Request::PortalLoad {
            report: to_json_compact(&r),
        })
    });
    post(&match done {
        Ok(_) => Outgoing::Loaded,
        Err(message) => Outgoing::Error { message },
    });
}

/// Sends a message to the parent, for each allowed origin.
fn post(message: &Outgoing) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let Ok(value) = js_sys::JSON::parse(&message.to_json()) else {
        return;
    };
    ORIGINS.with(|o| {
        for origin in o.borrow().iter() {
            let _ = parent.post_message(&value, origin);
        }
    });
}
