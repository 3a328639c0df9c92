//! The module the app loads the first time a file is read or the publishable
//! HTML is written: what only some sessions need stays out of the first load.
//! It runs in a Web Worker (`module-worker.js`), off the page's thread, so a
//! huge or hostile file never freezes the page. Reports cross between the
//! app and this module as the app's JSON, which both read and write exactly;
//! a file read as the core's serde type (`FileRead::to_wire`); everything
//! else is plain strings.

use nianbao_core::import::read_file;
use nianbao_core::json::{from_json, ExportCheck};
use nianbao_core::render::{render_html_export, render_html_with, Styles};
use wasm_bindgen::prelude::*;

/// A legacy encoding (GB18030, Big5 …, by its WHATWG label) by the
/// browser's own decoder, strictly.
fn legacy(bytes: &[u8], label: &str) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    web_sys::TextDecoder::new_with_label_and_options(label, &options)
        .and_then(|d| d.decode_with_u8_array(bytes))
        .ok()
}

mod collect;
mod ledger;

/// Reads a report file: the `FileRead` as JSON (`FileRead::to_wire`), or
/// throws the reason in words.
#[wasm_bindgen(js_name = readReportFile)]
pub fn read_report_file(name: &str, bytes: &[u8]) -> Result<String, String> {
    Ok(file_read(read_file(name, bytes, legacy)?))
}

/// Reads a PDF from what pdf.js found in it (`import::pdf::PdfRead` as
/// JSON: text pieces and rules): the same answer as `readReportFile`.
#[wasm_bindgen(js_name = readPdf)]
pub fn read_pdf(name: &str, read: &str) -> Result<String, String> {
    let read: nianbao_core::import::pdf::PdfRead = serde_json::from_str(read)
        .map_err(|_| format!("“{name}”中的文字无法读取，可能已损坏。"))?;
    Ok(file_read(nianbao_core::import::read_pdf(name, &read)?))
}

/// A file read, as JSON for the page (`FileRead::to_wire`).
fn file_read(read: nianbao_core::import::FileRead) -> String {
    read.to_wire()
}

/// The publishable HTML file of a report, recording the export-stage counts.
#[wasm_bindgen(js_name = exportHtml)]
pub fn export_html(
    report: &str,
    errors: u32,
    warnings: u32,
    explained: u32,
) -> Result<String, String> {
    let report = from_json(report).map_err(|e| e.to_string())?;
    Ok(render_html_export(
        &report,
        ExportCheck {
            errors,
            warnings,
            explained,
        },
    ))
}

/// The check report (体检报告) of a report, with last year's (JSON, or empty)
/// for the cross-year rules, dated `today` (`YYYY-MM-DD`).
#[wasm_bindgen(js_name = checkReportHtml)]
pub fn check_report_html(
    report: &str,
    previous: &str,
    today: &str,
    pack: &str,
    review: &str,
) -> Result<String, String> {
    let report = from_json(report).map_err(|e| e.to_string())?;
    let previous = if previous.is_empty() {
        None
    } else {
        Some(from_json(previous).map_err(|e| e.to_string())?)
    };
    let today = nianbao_core::report::Date::parse(today).ok_or("日期无效")?;
    // A broken pack is said in the report instead of its findings.
    let pack = (!pack.is_empty()).then(|| nianbao_core::local_rules::read_pack(pack));
    // The office's open comments (a 退回意见 the editor keeps), if any.
    let review = nianbao_core::review::read(review).ok();
    Ok(nianbao_core::render::render_check_report_with(
        &report,
        previous.as_ref(),
        today,
        pack.as_ref(),
        review.as_ref(),
    ))
}

/// The published layout for printing, styled by the app's own export.css
/// (the page's policy may forbid inline styles).
#[wasm_bindgen(js_name = printHtml)]
pub fn print_html(report: &str) -> Result<String, String> {
    let report = from_json(report).map_err(|e| e.to_string())?;
    Ok(render_html_with(&report, Styles::Linked("export.css")))
}
