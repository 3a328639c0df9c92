//! The module the app loads the first time a file is read or the publishable
//! HTML is written: what only some sessions need stays out of the first load.
//! It runs in a Web Worker (`module-worker.js`), off the page's thread, so a
//! huge or hostile file never freezes the page. Reports cross between the
//! app and this module as the app's JSON, which both read and write exactly;
//! everything else is plain strings.

use js_sys::{Array, Object, Reflect};
use nianbao_core::import::read_file;
use nianbao_core::json::{from_json, to_json, ExportCheck};
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

fn set(o: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(o, &key.into(), value);
}

/// Reads a report file: `{ report: <JSON>, note?: string, differences: string[] }`,
/// or throws the reason in words.
#[wasm_bindgen(js_name = readReportFile)]
pub fn read_report_file(name: &str, bytes: &[u8]) -> Result<Object, String> {
    Ok(file_read(read_file(name, bytes, legacy)?))
}

/// Reads a PDF from what pdf.js found in it (`import::pdf::PdfRead` as
/// JSON: text pieces and rules): the same answer as `readReportFile`.
#[wasm_bindgen(js_name = readPdf)]
pub fn read_pdf(name: &str, read: &str) -> Result<Object, String> {
    let read: nianbao_core::import::pdf::PdfRead = serde_json::from_str(read)
        .map_err(|_| format!("“{name}”中的文字无法读取，可能已损坏。"))?;
    Ok(file_read(nianbao_core::import::read_pdf(name, &read)?))
}

fn file_read(read: nianbao_core::import::FileRead) -> Object {
    let out = Object::new();
    set(&out, "report", &to_json(&read.report).into());
    if let Some(note) = read.note {
        set(&out, "note", &note.into());
    }
    let differences: Array = read.differences.into_iter().map(JsValue::from).collect();
    set(&out, "differences", &differences);
    if let Some(r) = read.recognition {
        let rec = Object::new();
        set(&rec, "recognised", &(r.recognised as u32).into());
        set(&rec, "notFound", &(r.not_found as u32).into());
        let list = |v: Vec<String>| -> Array { v.into_iter().map(JsValue::from).collect() };
        set(&rec, "uncertain", &list(r.uncertain));
        set(&rec, "notes", &list(r.notes));
        set(&rec, "reviewHtml", &r.review_html.into());
        set(&rec, "yearFound", &r.year_found.into());
        set(&out, "recognition", &rec);
    }
    out
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
pub fn check_report_html(report: &str, previous: &str, today: &str) -> Result<String, String> {
    let report = from_json(report).map_err(|e| e.to_string())?;
    let previous = if previous.is_empty() {
        None
    } else {
        Some(from_json(previous).map_err(|e| e.to_string())?)
    };
    let today = nianbao_core::report::Date::parse(today).ok_or("日期无效")?;
    Ok(nianbao_core::render::render_check_report(
        &report,
        previous.as_ref(),
        today,
    ))
}

/// The published layout for printing, styled by the app's own export.css
/// (the page's policy may forbid inline styles).
#[wasm_bindgen(js_name = printHtml)]
pub fn print_html(report: &str) -> Result<String, String> {
    let report = from_json(report).map_err(|e| e.to_string())?;
    Ok(render_html_with(&report, Styles::Linked("export.css")))
}
