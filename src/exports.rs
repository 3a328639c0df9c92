//! Everything that leaves the app as a file: downloads of the JSON and the
//! publishable HTML, the Word file, the check report, and printing. Each runs
//! the export stage first and does what its declaration says
//! (`nianbao_core::export::Export`): says the counts, records them, tells an
//! embedding portal.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use nianbao_core::json::{to_json_export_compact, MAX_BYTES};

use crate::download::{download, file_name};
use crate::state::{Editor, Export, Notice};

/// An export was made: an embedding portal is told when its declaration
/// says so.
fn made(what: Export, report_json: &str) {
    if what.tells_portal() {
        crate::portal::exported(report_json);
    }
}

/// Offers a file, or says why it could not.
fn offer(editor: Editor, name: &str, mime: &str, text: &str) -> bool {
    let why = if text.len() > MAX_BYTES {
        format!(
            "文件有 {} MB，超过了本工具能再读入的上限 {} MB，没有下载。请缩短过长的文字。",
            nianbao_core::limits::megabytes(text.len()),
            MAX_BYTES / 1_048_576
        )
    } else if download(name, mime, text) {
        return true;
    } else {
        "浏览器没有开始下载。请检查浏览器是否禁止了下载，或稍后再试。".to_owned()
    };
    editor.notice.set(Some(Notice::Problem(why)));
    false
}

/// The open report as a JSON file (after the export-stage check).
pub fn download_json(editor: Editor) {
    let check = editor.check_for_export(Export::Json);
    let report = editor.report_to_write();
    let json = nianbao_web::page::indented(&to_json_export_compact(&report, check));
    if offer(
        editor,
        &file_name(&report.title(), "json"),
        "application/json",
        &json,
    ) {
        made(Export::Json, &json);
    }
}

/// The open report as the publishable HTML file (after the export-stage check).
pub fn download_html(editor: Editor) {
    let check = editor.check_for_export(Export::Html);
    let report = editor.report_to_write();
    leptos::task::spawn_local(async move {
        let html = match crate::files::export_html(&report, check).await {
            Ok(html) => html,
            Err(why) => return editor.notice.set(Some(Notice::Problem(why))),
        };
        if offer(
            editor,
            &file_name(&report.title(), "html"),
            "text/html;charset=utf-8",
            &html,
        ) {
            made(Export::Html, &to_json_export_compact(&report, check));
        }
    });
}

/// The report as a Word file (after the export-stage check), named by its title.
pub fn download_docx(editor: Editor) {
    let check = editor.check_for_export(Export::Word);
    let report = editor.report_to_write();
    leptos::task::spawn_local(async move {
        let bytes = match crate::files::export_docx(&report, check).await {
            Ok(bytes) => bytes,
            Err(why) => return editor.notice.set(Some(Notice::Problem(why))),
        };
        let name = file_name(&report.title(), "docx");
        if crate::download::download_bytes(
            &name,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            &bytes,
        ) {
            made(Export::Word, &to_json_export_compact(&report, check));
        } else {
            editor.notice.set(Some(Notice::Problem(
                "浏览器没有开始下载。请检查浏览器是否禁止了下载，或稍后再试。".to_owned(),
            )));
        }
    });
}

pub use nianbao_web::page::today;

/// The check report (体检报告) as an HTML file (after the export-stage check).
pub fn download_check_report(editor: Editor) {
    editor.check_for_export(Export::CheckReport);
    let report = editor.report_now();
    let previous = editor.previous.get_untracked();
    let Some(today) = today() else { return };
    leptos::task::spawn_local(async move {
        let pack = crate::outside::declared().unwrap_or_default();
        let review = crate::outside::review();
        let checked =
            crate::files::check_report_html(&report, previous.as_ref(), today, &pack, &review);
        let html = match checked.await {
            Ok(html) => html,
            Err(why) => return editor.notice.set(Some(Notice::Problem(why))),
        };
        offer(
            editor,
            &file_name(&format!("{}体检报告", report.title()), "html"),
            "text/html;charset=utf-8",
            &html,
        );
    });
}

/// Prints the published layout (after the export-stage check).
pub fn print(editor: Editor) {
    editor.check_for_export(Export::Print);
    let report = editor.report_now();
    leptos::task::spawn_local(async move {
        match crate::files::print_html(&report).await {
            Ok(html) => print_page(&html),
            Err(why) => editor.notice.set(Some(Notice::Problem(why))),
        }
    });
}

/// Prints an exported page (not the form) through a hidden frame.
fn print_page(html: &str) {
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
    frame.set_srcdoc(html);
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
