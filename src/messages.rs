//! The postMessage API for a portal that embeds the app in an iframe, over
//! the core's protocol types (`nianbao_core::portal`). Out: `ready`,
//! `changed` (debounced: findings counts and save state), `exported` (the
//! report's JSON), `loaded`, `error`. In: `load` (a JSON report, checked like
//! any import) and `export`. Messages go only to, and are taken only from,
//! the origins the page address allows; everything else is ignored.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsValue;
use nianbao_core::json::to_json_export_compact;
use nianbao_core::portal::{Incoming, Outgoing};
use nianbao_core::rules::counts;

use crate::session::{SaveStatus, Session};
use crate::state::{Editor, Export, Notice};

/// `changed` waits for this pause.
pub const CHANGED_AFTER_MS: u64 = 500;

fn status_key(s: &SaveStatus) -> &'static str {
    match s {
        SaveStatus::Empty => "empty",
        SaveStatus::Unsaved => "unsaved",
        SaveStatus::Saving => "saving",
        SaveStatus::Saved(_) => "saved",
        SaveStatus::Failed(_) => "failed",
        SaveStatus::Conflict => "conflict",
        SaveStatus::StoredCorrupt => "stored-corrupt",
        SaveStatus::StoredNewer => "stored-newer",
        SaveStatus::InMemory => "in-memory",
    }
}

/// Sends a message to the parent, for each allowed origin.
fn post(origins: &[String], message: &Outgoing) {
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
    for origin in origins {
        let _ = parent.post_message(&value, origin);
    }
}

thread_local! {
    /// The allowed origins, for `exported` after a user's download.
    static ORIGINS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Wires the API up; does nothing without allowed origins.
pub fn install(editor: Editor, session: Session, origins: Vec<String>) {
    if origins.is_empty() {
        return;
    }
    ORIGINS.with(|o| *o.borrow_mut() = origins.clone());
    let origins = StoredValue::new(origins);
    let send = move |m: Outgoing| origins.with_value(|o| post(o, &m));
    send(Outgoing::Ready {
        version: env!("CARGO_PKG_VERSION").to_owned(),
    });
    tell_changes(editor, session, send);
    let handle = window_event_listener(leptos::ev::message, move |ev| {
        let allowed = origins.with_value(|o| o.iter().any(|x| *x == ev.origin()));
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
            Some(Incoming::Export) => {
                // The export stage runs; its counts go in the file.
                let check = editor.check_for_export(Export::Portal);
                send(Outgoing::exported(&to_json_export_compact(
                    &editor.report_to_write(),
                    check,
                )));
            }
            Some(Incoming::Load { report }) => load(editor, session, report, send),
            None => {}
        }
    });
    on_cleanup(move || handle.remove());
}

/// `changed`, once things settle: counted when sent, with the checks brought
/// up to date first (they otherwise wait for typing to pause).
fn tell_changes(editor: Editor, session: Session, send: impl Fn(Outgoing) + Copy + 'static) {
    let timer = crate::debounce::Debounce::new(CHANGED_AFTER_MS);
    Effect::new(move |first: Option<()>| {
        editor.findings.track();
        session.status.track();
        editor.track();
        if first.is_none() {
            return;
        }
        let tell = move || {
            editor.check_now();
            let (errors, warnings) = editor.findings.with_untracked(|f| counts(f));
            send(Outgoing::Changed {
                errors,
                warnings,
                save_status: session.status.with_untracked(status_key).to_owned(),
            });
        };
        timer.call(tell);
    });
}

/// The portal's report, read like an imported file by the file module (any
/// version, every fault named): the form itself never needs that reader.
fn load(editor: Editor, session: Session, report: String, send: impl Fn(Outgoing) + 'static) {
    if editor.read_only.get_untracked() {
        return send(Outgoing::Error {
            message: "本页为只读查看，不能载入报告。".to_owned(),
        });
    }
    leptos::task::spawn_local(async move {
        match crate::files::read_report_only("report.json", report.as_bytes()).await {
            Ok(read) => {
                let notice = if session.replace_with(read) {
                    "门户网站载入了一份报告，已替换当前草稿的内容。可点“撤销”恢复。"
                } else {
                    "门户网站载入的报告与当前草稿完全相同，没有任何改动。"
                };
                editor.notice.set(Some(Notice::Imported(notice.into())));
                send(Outgoing::Loaded);
            }
            Err(message) => send(Outgoing::Error { message }),
        }
    });
}

/// Tells the portal about an export the user made.
pub fn exported(report_json: &str) {
    ORIGINS.with(|o| post(&o.borrow(), &Outgoing::exported(report_json)));
}
