//! The module the app loads the first time a Word file is made: the zip
//! writer and the document parts stay out of both the first load and the
//! file module. The report crosses as the app's JSON.

use nianbao_core::json::{read_current, ExportCheck};
use wasm_bindgen::prelude::*;

/// The report as a Word file (.docx) — bytes, in the official document
/// layout, carrying its data and the export-stage counts.
#[wasm_bindgen(js_name = exportDocx)]
pub fn export_docx(
    report: &str,
    errors: u32,
    warnings: u32,
    explained: u32,
) -> Result<Vec<u8>, String> {
    // The app wrote it in the current version: the typed reader is enough.
    let report = read_current(report).map_err(|e| e.to_string())?;
    let check = ExportCheck {
        errors,
        warnings,
        explained,
    };
    Ok(nianbao_core::render::render_docx(&report, check))
}
