//! Undo, redo, the full check, and how totals are handled.

use leptos::prelude::*;

use leptos::html::Input;

use super::drafts::SaveIndicator;
use crate::session::Session;
use crate::state::Editor;

#[component]
pub fn Toolbar(picker: NodeRef<Input>, last_year_picker: NodeRef<Input>) -> impl IntoView {
    let editor = Editor::get();
    let session = expect_context::<Session>();
    // 适老化模式: larger type, higher contrast, bigger targets, no motion; remembered per browser.
    let elder = RwSignal::new(session.setting("elder").as_deref() == Some("on"));
    Effect::new(move |_| {
        let on = elder.get();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("elder", on);
        }
        session.set_setting("elder", if on { "on" } else { "off" });
    });
    let open_drafts = move |_| super::drafts::open(session, editor);
    let check = move |_| super::summary::check(editor);
    view! {
        <div class="toolbar" role="toolbar" aria-label="编辑工具">
            <button type="button" hidden=move || editor.read_only.get() on:click=open_drafts>"草稿"</button>
            {move || editor.read_only.get().then(|| view! { <span class="read-only-badge">"只读查看"</span> })}
            <button type="button" hidden=move || editor.read_only.get() on:click=move |_| { if let Some(p) = picker.get() { p.click(); } }>"导入"</button>
            <button type="button" on:click=move |_| crate::exports::download_json(editor)>"下载 JSON"</button>
            <button type="button" on:click=move |_| crate::exports::download_html(editor)>"下载 HTML"</button>
            <button type="button" on:click=move |_| crate::exports::download_docx(editor)>"下载 Word"</button>
            <button type="button" on:click=move |_| crate::exports::print(editor)>"打印"</button>
            <button type="button" hidden=move || editor.read_only.get() on:click=move |_| { if let Some(p) = last_year_picker.get() { p.click(); } }>"导入上年报告"</button>
            <button type="button" hidden=move || editor.read_only.get()
                on:click=move |_| super::import::open_paste(editor)>"粘贴已发布的报告"</button>
            <button type="button" hidden=move || editor.read_only.get()
                on:click=move |_| crate::ledger::open(editor, expect_context())>"从台账填入表三"</button>
            <button type="button" on:click=move |_| editor.undo() disabled=move || !editor.can_undo.get() || editor.read_only.get()
                aria-keyshortcuts="Control+Z">"撤销"</button>
            <button type="button" on:click=move |_| editor.redo() disabled=move || !editor.can_redo.get() || editor.read_only.get()
                aria-keyshortcuts="Control+Shift+Z Control+Y">"重做"</button>
            <button type="button" class="primary" on:click=check>"检查"</button>
            <button type="button" on:click=move |_| crate::exports::download_check_report(editor)>"体检报告"</button>
            <button type="button" on:click=move |_| super::compose::infographic(editor)>"一图读懂"</button>
            <button type="button" on:click=move |_| super::compose::package(editor)>"下载报送包"</button>
            <button type="button" on:click=move |_| super::compose::open_data(editor)>"下载数据（CSV）"</button>
            <button type="button" on:click=move |_| super::compose::published(editor)>"核对已发布的报告"</button>
            <a class="button-link" href="#collect">"汇总多个单位"</a>
            <label class="toggle">
                <input
                    type="checkbox"
                    prop:checked=move || editor.auto_totals.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        if !editor.set_auto_totals(on) {
                            // Declined: the box shows what is in force.
                            let el: leptos::web_sys::HtmlInputElement = event_target(&ev);
                            el.set_checked(!on);
                        }
                    }
                />
                "合计由系统自动计算"
            </label>
            <button type="button" aria-pressed=move || if elder.get() { "true" } else { "false" }
                on:click=move |_| elder.update(|e| *e = !*e)>"适老化模式"</button>
            <SaveIndicator />
        </div>
    }
}
