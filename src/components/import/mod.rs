//! Bringing files in: a report (JSON or exported HTML, a published report's
//! page, Word file, PDF or text) by file picker, by dropping it on the page
//! or by pasting it, with a preview before anything changes (`review.rs`);
//! and last year's report for the carry-over and the cross-year checks.

mod review;

use leptos::html::Input;
use leptos::prelude::*;
use nianbao_core::carry::carry_forward;
use nianbao_core::edit::Edit;
use nianbao_core::import::{preview, FileRead, Preview};
use nianbao_core::Report;

use crate::components::dropzone::Zone;
use crate::state::{Editor, Notice};

/// What a file is read for.
#[derive(Clone, Copy, PartialEq)]
enum Purpose {
    Report,
    LastYear,
}

pub(crate) use nianbao_web::files::read_picked as read;

/// A file read, waiting for the person to say what to do with it.
#[derive(Clone)]
struct Pending {
    file: String,
    read: FileRead,
    /// Checked once, when it was read.
    preview: Preview,
}

/// Last year's report: its 结转 carried into this year's draft, and kept for
/// the cross-year checks.
fn load_last_year(editor: Editor, report: Report, name: &str) {
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

#[component]
pub fn Importer(
    picker: NodeRef<Input>,
    last_year_picker: NodeRef<Input>,
    /// Files dropped on the editor's page.
    zone: Zone,
) -> impl IntoView {
    let editor = Editor::get();
    let pending = RwSignal::new(None::<Pending>);
    // A file's (or a paste's) bytes read by the file module, then reviewed.
    let review = move |file: String, read: Result<FileRead, String>, purpose: Purpose| {
        let read = match read {
            Ok(r) => r,
            Err(why) => return editor.notice.set(Some(Notice::ImportFailed(why))),
        };
        match purpose {
            Purpose::Report => {
                let published = read.recognition.is_some();
                let preview = editor
                    .previous
                    .with_untracked(|p| preview(&read.report, p.as_ref(), published));
                pending.set(Some(Pending {
                    file,
                    read,
                    preview,
                }));
            }
            Purpose::LastYear => load_last_year(editor, read.report, &file),
        }
    };
    let handle = move |file: web_sys::File, purpose: Purpose| {
        leptos::task::spawn_local(async move {
            let name = file.name();
            review(name, read(file).await, purpose);
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
    zone.take_with(move |files| match <[_; 1]>::try_from(files) {
        Ok([file]) => handle(file, Purpose::Report),
        Err(files) => editor.notice.set(Some(Notice::ImportFailed(format!(
            "一次拖入了 {} 个文件，没有导入。这里一次导入一个报告文件；要汇总多个单位的报告，请打开“汇总”。",
            files.len()
        )))),
    });
    let pasted = move |name: &'static str, read| review(name.to_owned(), read, Purpose::Report);
    const ACCEPT: &str = ".json,.html,.htm,.txt,.docx,.pdf,application/json,text/html,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    view! {
        <input node_ref=picker type="file" class="sr-only" id="import-file" tabindex="-1"
            aria-label="选择要导入的报告文件（本工具导出的 JSON、HTML，已发布报告的网页、Word 文件、PDF 文件，或报告文字 .txt）"
            accept=ACCEPT on:change=on_pick(Purpose::Report) />
        <input node_ref=last_year_picker type="file" class="sr-only" id="import-last-year" tabindex="-1"
            aria-label="选择上年的报告文件（本工具导出的 JSON、HTML，已发布报告的网页、Word 文件、PDF 文件，或报告文字 .txt）"
            accept=ACCEPT on:change=on_pick(Purpose::LastYear) />
        <review::PasteBox read=pasted />
        <review::ImportDialog pending />
    }
}
