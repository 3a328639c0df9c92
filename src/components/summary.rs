//! The error summary and 发布前检查清单 after 检查 (or an export): drawn by a
//! module of its own (`crates/nianbao-check`), loaded the first time they
//! show. The editor sends it the report (and last year's) whenever what it
//! shows may have changed; the module checks it at the export stage — what the
//! editor shows once every finding shows — and asks the editor, by host
//! requests, for 用计算值替换, a reason, or the check report.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsValue;
use nianbao_core::json::to_json_compact;

use crate::state::{Editor, Notice};

const MODULE: &str = "./nianbao_check.js";
/// Where the summary is drawn (empty until the first 检查).
pub const PLACE: &str = "check-place";
/// After typing or a change, the summary follows once this pause is over.
const FOLLOW_MS: u64 = 150;

thread_local! {
    /// The module was drawn: it hears when the summary goes too.
    static DRAWN: Cell<bool> = const { Cell::new(false) };
    /// 检查 asked to be taken to the summary once it is drawn.
    static FOCUS: Cell<bool> = const { Cell::new(false) };
}

/// 检查: every finding shows, and the person is taken to the summary.
pub fn check(editor: Editor) {
    if editor.check_all.get_untracked() && DRAWN.get() {
        request_animation_frame(|| super::keys::focus_id("error-summary"));
    } else {
        FOCUS.set(true);
        editor.check_all.set(true);
    }
}

/// The place, and what keeps the module's summary up to date.
#[component]
pub fn SummaryPlace() -> impl IntoView {
    let editor = Editor::get();
    // What the checks found changed (they run once typing pauses): at once,
    // in step with the marks at the cells.
    Effect::new(move |_| {
        let on = editor.check_all.get();
        if on {
            editor.shown.track();
            editor.read_only.track();
            editor.previous.track();
        }
        if on || DRAWN.get() {
            send(editor, FOCUS.replace(false));
        }
    });
    // Text or details typed (a reason, the date the checklist reads): after a pause.
    let later = crate::debounce::Debounce::new(FOLLOW_MS);
    Effect::new(move |first: Option<()>| {
        editor.fields.track();
        if first.is_some() && editor.check_all.get_untracked() {
            later.call(move || send(editor, false));
        }
    });
    view! { <div id=PLACE></div> }
}

/// Sends what the summary shows as it is when sent (the module loads first
/// the first time): the report, last year's, and whether the page is view-only;
/// an empty report takes the summary away.
fn send(editor: Editor, focus: bool) {
    leptos::task::spawn_local(async move {
        let shown = async {
            crate::files::mount_once(MODULE, PLACE).await?;
            DRAWN.set(true);
            let report = if editor.check_all.get_untracked() {
                editor.with_report_untracked(to_json_compact)
            } else {
                String::new()
            };
            let previous = editor
                .previous
                .with_untracked(|p| p.as_ref().map(to_json_compact))
                .unwrap_or_default();
            let args: [JsValue; 5] = [
                report.into(),
                previous.into(),
                editor.read_only.get_untracked().into(),
                focus.into(),
                crate::outside::review().into(),
            ];
            crate::files::module_call(MODULE, "update", &args).await
        };
        if let Err(why) = shown.await {
            super::live::Live::say(&why);
            editor.notice.set(Some(Notice::Problem(why)));
        }
    });
}
