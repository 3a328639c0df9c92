//! 核对已发布的报告, in the editor: the page, PDF, Word file or HTML export a
//! unit published, read by the importer in the worker, against the report
//! as it is now — the same fingerprint, or each figure that differs (the
//! third-party evaluations list 发布后有变动 as a defect).

use leptos::prelude::*;
use nianbao_core::submission::Fingerprint;
use nianbao_web::modal::Modal;

#[component]
pub fn PublishedDialog() -> impl IntoView {
    let shown = crate::shown();
    let said = RwSignal::new(None::<String>);
    let file = NodeRef::<leptos::html::Input>::new();
    let close = move || {
        shown.published.set(false);
        said.set(None);
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let sent = shown.sent.with_untracked(|s| {
            s.as_ref()
                .map(|s| (s.report.clone(), Fingerprint::of(&s.report).code()))
        });
        nianbao_web::published::pick(&ev, said, sent, "当前报告");
    };
    let code = move || {
        shown
            .sent
            .with(|s| s.as_ref().map(|s| Fingerprint::of(&s.report).code()))
            .unwrap_or_default()
    };
    view! {
        <Modal open=shown.published on_close=move |_| close() labelledby="published-title" class="dialog">
            <h2 id="published-title">"核对已发布的报告"</h2>
            <p>{move || format!("选择本单位已发布的报告（网页、PDF、Word 文件或本工具导出的 HTML），与当前报告（报告指纹 {}）逐格核对。", code())}</p>
            <p>
                <button type="button" class="primary" on:click=move |_| { if let Some(f) = file.get() { f.click() } }>"选择已发布的报告…"</button>
                <input node_ref=file type="file" class="sr-only" id="compose-published" tabindex="-1"
                    aria-label="选择已发布的报告（网页、PDF、Word 或 HTML）" accept=".html,.htm,.pdf,.txt,.json,.docx" on:change=on_pick />
            </p>
            {move || said.get().map(|s| view! { <p id="compose-published-result">{s}</p> })}
            <div class="actions">
                <button type="button" on:click=move |_| close()>"关闭"</button>
            </div>
        </Modal>
    }
}
