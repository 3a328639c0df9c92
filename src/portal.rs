//! A portal that embeds the app talks to it by postMessage: the API is a
//! module of its own (`crates/nianbao-portal`), loaded only when the
//! deployment allows a portal origin, so a page that is not embedded never
//! carries it. The editor keeps what only it knows — when the report changed
//! (`changed`, debounced) and when the person downloaded it (`exported`) —
//! and serves the module's `export` and `load` as host requests (`host.rs`).

use std::cell::Cell;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsValue;
use nianbao_core::rules::counts;

use crate::session::{SaveStatus, Session};
use crate::state::Editor;

const MODULE: &str = "./nianbao_portal.js";
/// `changed` waits for this pause.
pub const CHANGED_AFTER_MS: u64 = 500;

thread_local! {
    /// Whether the module was asked for (a portal origin is allowed).
    static ON: Cell<bool> = const { Cell::new(false) };
}

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

/// Calls the module (loading it the first time); a module that cannot load
/// leaves the editor as it is — the portal hears nothing, as if not allowed.
fn call(name: &'static str, args: Vec<JsValue>) {
    leptos::task::spawn_local(async move {
        let _ = crate::files::module_call(MODULE, name, &args).await;
    });
}

/// Loads the module and has it say `ready`; does nothing without allowed
/// origins.
pub fn install(editor: Editor, session: Session, origins: Vec<String>) {
    if origins.is_empty() {
        return;
    }
    ON.set(true);
    call(
        "listen",
        vec![origins.join("\n").into(), env!("CARGO_PKG_VERSION").into()],
    );
    tell_changes(editor, session);
}

/// `changed`, once things settle: counted when sent, with the checks brought
/// up to date first (they otherwise wait for typing to pause). Calls into the
/// module wait for the same load as `listen`, so they come after `ready`.
fn tell_changes(editor: Editor, session: Session) {
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
            let status = session.status.with_untracked(status_key);
            call(
                "changed",
                vec![
                    (errors as u32).into(),
                    (warnings as u32).into(),
                    status.into(),
                ],
            );
        };
        timer.call(tell);
    });
}

/// Tells the portal about an export the person made.
pub fn exported(report_json: &str) {
    if ON.get() {
        call("exported", vec![report_json.into()]);
    }
}
