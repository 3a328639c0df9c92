//! The 汇总 workspace's heavier parts, kept out of the first load: tables
//! as HTML, the unit list as CSV, the printable summary. Units cross as the app's JSON, with their file names.

use nianbao_core::collect::{
    roll_up, summarize, summary_html, units_csv, RollUp, RollUpView, Summary,
};
use nianbao_core::json::read_current;
use nianbao_core::report::{Date, Report};
use wasm_bindgen::prelude::*;

pub(crate) fn reports(list: &[String]) -> Result<Vec<Report>, String> {
    list.iter()
        .map(|r| read_current(r).map_err(|e| e.to_string()))
        .collect()
}

fn day(today: &str) -> Result<Date, String> {
    Date::parse(today).ok_or_else(|| "日期无效".to_owned())
}

fn rows(files: &[String], units: &[Report], today: Date) -> Vec<(String, Summary)> {
    files
        .iter()
        .cloned()
        .zip(units.iter().map(|r| summarize(r, today)))
        .collect()
}

fn sum(names: &[String], units: &[Report]) -> Result<RollUp, String> {
    let refs: Vec<(String, &Report)> = names.iter().cloned().zip(units.iter()).collect();
    roll_up(&refs)
}

/// The unit list as CSV (UTF-8 with a BOM, for Excel).
#[wasm_bindgen(js_name = unitsCsv)]
pub fn units_csv_of(files: Vec<String>, units: Vec<String>, today: &str) -> Result<String, String> {
    let units = reports(&units)?;
    Ok(units_csv(&rows(&files, &units, day(today)?)))
}

/// A roll-up's figures as open data (CSV with its data dictionary): the sum
/// as the app's JSON and how many units it sums.
#[wasm_bindgen(js_name = openDataCsv)]
pub fn open_data_csv_of(report: &str, units: u32) -> Result<String, String> {
    let report = nianbao_core::json::from_json(report).map_err(|e| e.to_string())?;
    Ok(nianbao_core::open_data::open_data_csv(
        &report,
        Some(units as usize),
    ))
}

/// The printable summary: the unit list, and the roll-up the workspace made
/// (`RollUpView` as JSON, empty: the list alone) drawn as it is.
#[wasm_bindgen(js_name = summaryHtml)]
pub fn summary_html_of(
    files: Vec<String>,
    units: Vec<String>,
    rollup: &str,
    today: &str,
) -> Result<String, String> {
    let today = day(today)?;
    let units = reports(&units)?;
    let up: Option<RollUpView> = if rollup.is_empty() {
        None
    } else {
        Some(serde_json::from_str(rollup).map_err(|e| e.to_string())?)
    };
    Ok(summary_html(
        &rows(&files, &units, today),
        up.as_ref(),
        today,
    ))
}

/// A report's three tables as an HTML fragment (a unit viewed read-only).
#[wasm_bindgen(js_name = tablesHtml)]
pub fn tables_html(report: &str) -> Result<String, String> {
    let report = read_current(report).map_err(|e| e.to_string())?;
    Ok(nianbao_core::render::tables_markup(&report).into_string())
}

/// Each report's id in the workspace (`collect::unit_id`: the digest of its
/// content), for the app's JSON of each.
#[wasm_bindgen(js_name = unitIds)]
pub fn unit_ids(jsons: Vec<String>) -> Result<Vec<String>, String> {
    Ok(reports(&jsons)?
        .iter()
        .map(nianbao_core::collect::unit_id)
        .collect())
}

/// The roll-up of the given units (names, the app's JSON of each): the
/// `RollUpView` as JSON, or why they cannot be summed.
#[wasm_bindgen(js_name = rollUp)]
pub fn roll_up_view(names: Vec<String>, units: Vec<String>) -> Result<String, String> {
    let units = reports(&units)?;
    let up = sum(&names, &units)?;
    serde_json::to_string(&RollUpView::of(&up)).map_err(|e| e.to_string())
}
