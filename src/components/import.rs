//! Bringing files in: a report (JSON or exported HTML) by file picker or by
//! dropping it on the page, with a preview before anything changes; and
//! last year's report for the carry-over and the cross-year checks.

use leptos::html::{Dialog, Input};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use nianbao_core::carry::carry_forward;
use nianbao_core::json::MAX_BYTES;
use nianbao_core::render::import;
use nianbao_core::rules::{counts, validate, Context};
use nianbao_core::Report;

use crate::session::Session;
use crate::state::{Editor, Notice};

/// What a file is read for.
#[derive(Clone, Copy, PartialEq)]
enum Purpose {
    Report,
    LastYear,
}

/// Reads a file as text, refusing huge ones before reading them.
async fn read(file: web_sys::File) -> Result<String, String> {
    let size = file.size();
    if size > MAX_BYTES as f64 {
        return Err(format!(
            "文件“{}”太大（{:.1} MB），不像是年度报告数据（一般不超过 1 MB）。请确认选择的文件。",
            file.name(),
            size / 1_048_576.0
        ));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| format!("无法读取文件“{}”。", file.name()))?;
    Ok(text.as_string().unwrap_or_default())
}

#[derive(Clone)]
struct Pending {
    file: String,
    report: Report,
}

#[component]
pub fn Importer(picker: NodeRef<Input>, last_year_picker: NodeRef<Input>) -> impl IntoView {
    let editor = Editor::get();
    let session = expect_context::<Session>();
    let pending = RwSignal::new(None::<Pending>);
    let dialog = NodeRef::<Dialog>::new();

    let handle = move |file: web_sys::File, purpose: Purpose| {
        leptos::task::spawn_local(async move {
            let name = file.name();
            let text = match read(file).await {
                Ok(t) => t,
                Err(why) => {
                    editor.notice.set(Some(Notice::ImportFailed(why)));
                    return;
                }
            };
            let report = match import(&text) {
                Ok(r) => r,
                Err(e) => {
                    editor
                        .notice
                        .set(Some(Notice::ImportFailed(format!("“{name}”：{e}"))));
                    return;
                }
            };
            match purpose {
                Purpose::Report => {
                    pending.set(Some(Pending { file: name, report }));
                    if let Some(d) = dialog.get() {
                        let _ = d.show_modal();
                    }
                }
                Purpose::LastYear => {
                    let mut now = editor.report.get_untracked();
                    match carry_forward(&mut now, &report) {
                        Ok(filled) => {
                            let year = report.year;
                            editor.edit(None, move |r| *r = now);
                            editor.previous.set(Some(report));
                            editor
                                .notice
                                .set(Some(Notice::PreviousLoaded { year, filled }));
                        }
                        Err(e) => editor
                            .notice
                            .set(Some(Notice::ImportFailed(format!("“{name}”：{e}")))),
                    }
                }
            }
        });
    };

    let on_pick = move |purpose: Purpose| {
        move |ev: leptos::ev::Event| {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                handle(file, purpose);
            }
            // The same file may be chosen again later.
            input.set_value("");
        }
    };

    // Dropping a file anywhere on the page imports it.
    let h1 = window_event_listener(leptos::ev::dragover, move |ev| {
        if ev
            .data_transfer()
            .is_some_and(|d| d.types().includes(&"Files".into(), 0))
        {
            ev.prevent_default();
        }
    });
    let h2 = window_event_listener(leptos::ev::drop, move |ev| {
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            handle(file, Purpose::Report);
        }
    });
    on_cleanup(move || {
        h1.remove();
        h2.remove();
    });

    let close = move || {
        pending.set(None);
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let replace = move |_| {
        if let Some(p) = pending.get_untracked() {
            session.replace_with(p.report);
            editor.notice.set(Some(Notice::Imported(format!(
                "已用“{}”替换当前草稿的内容。可点“撤销”恢复。",
                p.file
            ))));
        }
        close();
    };
    let as_new = move |_| {
        if let Some(p) = pending.get_untracked() {
            session.new_draft(p.report);
            editor.notice.set(Some(Notice::Imported(format!(
                "已把“{}”作为新草稿打开。",
                p.file
            ))));
        }
        close();
    };

    view! {
        <input node_ref=picker type="file" class="sr-only" id="import-file" tabindex="-1"
            aria-label="选择要导入的报告文件（JSON 或本工具导出的 HTML）"
            accept=".json,.html,.htm,application/json,text/html"
            on:change=on_pick(Purpose::Report) />
        <input node_ref=last_year_picker type="file" class="sr-only" id="import-last-year" tabindex="-1"
            aria-label="选择上年的报告文件（JSON 或本工具导出的 HTML）"
            accept=".json,.html,.htm,application/json,text/html"
            on:change=on_pick(Purpose::LastYear) />
        <dialog node_ref=dialog class="drafts" aria-labelledby="import-title" on:close=move |_| pending.set(None)>
            <h2 id="import-title">"导入报告"</h2>
            {move || pending.get().map(|p| {
                let (errors, warnings) = counts(&validate(&p.report, &Context::default()));
                let r = &p.report;
                view! {
                    <p>{format!("文件：{}", p.file)}</p>
                    <dl class="preview">
                        <dt>"机关名称"</dt><dd>{if r.agency.name.trim().is_empty() { "（未填）".to_owned() } else { r.agency.name.clone() }}</dd>
                        <dt>"报告年度"</dt><dd>{r.year}</dd>
                        <dt>"格式"</dt><dd>{r.template_id().title()}</dd>
                        <dt>"检查结果"</dt><dd>{format!("{errors} 个错误，{warnings} 个提示")}</dd>
                    </dl>
                }
            })}
            <div class="actions">
                <button type="button" class="primary" on:click=replace>"替换当前草稿"</button>
                <button type="button" on:click=as_new>"作为新草稿打开"</button>
                <button type="button" on:click=move |_| close()>"取消"</button>
            </div>
        </dialog>
    }
}

/// Prints the exported layout (not the form) through a hidden frame.
pub fn print_report(report: &Report) {
    // The page's CSP may forbid inline styles, so the print copy links the
    // same stylesheet, shipped beside the app as export.css.
    let html = nianbao_core::render::render_html_with(
        report,
        nianbao_core::render::Styles::Linked("export.css"),
    );
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(old) = document.get_element_by_id("print-frame") {
        old.remove();
    }
    let Ok(frame) = document.create_element("iframe") else {
        return;
    };
    let frame: web_sys::HtmlIFrameElement = frame.unchecked_into();
    frame.set_id("print-frame");
    frame.set_title("打印预览");
    frame.set_class_name("print-frame");
    frame.set_srcdoc(&html);
    let f = frame.clone();
    let onload = leptos::wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(w) = f.content_window() {
            let _ = w.print();
        }
    });
    frame.set_onload(Some(onload.unchecked_ref()));
    if let Some(body) = document.body() {
        let _ = body.append_child(&frame);
    }
}
