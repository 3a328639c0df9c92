//! Bringing files in: a report (JSON or exported HTML, a published report's
//! page, Word file, PDF or text) by file picker, by dropping it on the page
//! or by pasting it, with a preview before anything changes; and last
//! year's report for the carry-over and the cross-year checks. The preview
//! and the paste box are a module of their own (`crates/nianbao-import`),
//! loaded the first time a file comes in; what the person chooses there
//! comes back through `host.rs`.

use leptos::html::Input;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsValue;
use nianbao_core::carry::carry_forward;
use nianbao_core::edit::Edit;
use nianbao_core::json::to_json_compact;
use nianbao_core::Report;

use crate::components::dropzone::Zone;
use crate::state::{Editor, Notice};

const MODULE: &str = "./nianbao_import.js";
/// Where the review is drawn (an element of the page, empty until then).
const PLACE: &str = "import-place";

/// Last year's report: its 结转 carried into this year's draft, and kept for
/// the cross-year checks.
pub(crate) fn load_last_year(editor: Editor, report: Report, name: &str) {
    let mut now = editor.report_now();
    match carry_forward(&mut now, &report) {
        Ok(filled) => {
            let year = report.year;
            editor.edit(Edit::Replace(Box::new(now)));
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

/// Calls the review module (mounting it the first time); a failure to load
/// it is said in the notice.
fn call(editor: Editor, name: &'static str, mut args: Vec<JsValue>) {
    let previous = editor
        .previous
        .with_untracked(|p| p.as_ref().map(to_json_compact).unwrap_or_default());
    args.push(previous.into());
    leptos::task::spawn_local(async move {
        let run = async {
            crate::files::mount_once(MODULE, PLACE).await?;
            crate::files::module_call(MODULE, name, &args)
                .await
                .map(|_| ())
        };
        if let Err(why) = run.await {
            editor.notice.set(Some(Notice::ImportFailed(why)));
        }
    });
}

/// A file chosen or dropped: reviewed (or, as last year's report, taken).
pub fn open_file(editor: Editor, file: web_sys::File, last_year: bool) {
    call(editor, "read", vec![file.into(), last_year.into()]);
}

/// 粘贴已发布的报告.
pub fn open_paste(editor: Editor) {
    call(editor, "paste", Vec::new());
}

#[component]
pub fn Importer(
    picker: NodeRef<Input>,
    last_year_picker: NodeRef<Input>,
    /// Files dropped on the editor's page.
    zone: Zone,
) -> impl IntoView {
    let editor = Editor::get();
    let on_pick = move |last_year: bool| {
        move |ev: leptos::ev::Event| {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                open_file(editor, file, last_year);
            }
            // The same file may be chosen again later.
            input.set_value("");
        }
    };
    zone.take_with(move |files| match <[_; 1]>::try_from(files) {
        Ok([file]) => open_file(editor, file, false),
        Err(files) => editor.notice.set(Some(Notice::ImportFailed(format!(
            "一次拖入了 {} 个文件，没有导入。这里一次导入一个报告文件；要汇总多个单位的报告，请打开“汇总”。",
            files.len()
        )))),
    });
    const ACCEPT: &str = ".json,.html,.htm,.txt,.docx,.pdf,application/json,text/html,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    view! {
        <input node_ref=picker type="file" class="sr-only" id="import-file" tabindex="-1"
            aria-label="选择要导入的报告文件（本工具导出的 JSON、HTML，已发布报告的网页、Word 文件、PDF 文件，或报告文字 .txt）"
            accept=ACCEPT on:change=on_pick(false) />
        <input node_ref=last_year_picker type="file" class="sr-only" id="import-last-year" tabindex="-1"
            aria-label="选择上年的报告文件（本工具导出的 JSON、HTML，已发布报告的网页、Word 文件、PDF 文件，或报告文字 .txt）"
            accept=ACCEPT on:change=on_pick(true) />
        <div id=PLACE></div>
    }
}
