//! The 汇总 workspace's place in the page. The workspace itself is a module
//! of its own (`crates/nianbao-collect`), loaded the first time the page
//! shows `#collect`; the editor serves what it asks (`nianbao_web::host`):
//! open a unit as a new draft, fill a roll-up into the open draft.

use leptos::html::Div;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsValue;
use nianbao_core::edit::Edit;
use nianbao_core::json::read_current;

use crate::session::Session;
use crate::state::{Editor, Notice};

const MODULE: &str = "./nianbao_collect.js";

/// Serves the workspace's requests, for the page's life.
pub fn serve(editor: Editor, session: Session) {
    nianbao_web::host::serve(
        move |json, words| {
            if let Ok(report) = read_current(&json) {
                session.new_draft(report);
                editor.notice.set(Some(Notice::Imported(words)));
            }
        },
        move |json| {
            let sum = read_current(&json).map_err(|e| e.to_string())?;
            let changed = editor.apply(Edit::FillTables(Box::new(sum)))?;
            let notice = if changed {
                Notice::Info("已把合计填入当前草稿的表二、表三、表四（可撤销）。".to_owned())
            } else if editor.read_only.get_untracked() {
                Notice::Problem("本页为只读，合计没有填入。".to_owned())
            } else {
                Notice::Info("合计与当前草稿的表二、表三、表四相同，没有改动。".to_owned())
            };
            editor.notice.set(Some(notice));
            Ok(String::new())
        },
    );
}

/// Where the workspace is drawn: loads its module and mounts it, or says
/// why it could not.
#[component]
pub fn CollectPlace() -> impl IntoView {
    let session = expect_context::<Session>();
    let root = NodeRef::<Div>::new();
    let failed = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let Some(el) = root.get() else { return };
        let namespace = session.namespace();
        leptos::task::spawn_local(async move {
            let args = [JsValue::from(el), JsValue::from(namespace)];
            if let Err(why) = crate::files::mount_module(MODULE, &args).await {
                nianbao_web::live::Live::say(&why);
                failed.set(Some(why));
            }
        });
    });
    view! {
        <div node_ref=root class="collect-place"></div>
        {move || failed.get().map(|why| view! { <p class="banner banner-warning" id="collect-failed">{why}</p> })}
    }
}
