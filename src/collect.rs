//! The 汇总 workspace's place in the page. The workspace itself is a module
//! of its own (`crates/nianbao-collect`), loaded the first time the page
//! shows `#collect`; what it asks of the editor is served in `host.rs`.

use leptos::html::Div;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsValue;

use crate::session::Session;

const MODULE: &str = "./nianbao_collect.js";

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
            if let Err(why) = crate::files::module_call(MODULE, "mount", &args).await {
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
