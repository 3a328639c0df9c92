//! How well published reports are read: every sample under
//! `tests/fixtures/samples/`, per report the cells recognised, uncertain and
//! not found, and — where a reference exists — how many recognised cells
//! differ from it (misplaced), with the time taken.
//! References: the hand transcriptions of 洪泽 2023 and 2024 (表三, 表四), and
//! for the 淮安 city report copied one cell per line, the same report read
//! from its layout copy (whose table rules all hold).
//! Usage: scripts/fidelity.sh (or cargo run --release -p nianbao-core --example fidelity)

use std::time::Instant;

use nianbao_core::import::docx::docx_text;
use nianbao_core::import::published::{recognise, Certainty, Recognised};
use nianbao_core::template::{CellId, TableId, TemplateId};
use serde_json::Value;

fn dir() -> String {
    format!("{}/tests/fixtures/samples", env!("CARGO_MANIFEST_DIR"))
}

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{}/{name}", dir())).unwrap_or_default()
}

/// (cell, value) pairs a reference gives for `r`'s template.
fn reference(name: &str, r: &Recognised) -> Option<Vec<(CellId, Option<i64>)>> {
    let t = r.report.template();
    if let Some(base) = name.strip_suffix("_county_jiangsu_huaian_hongze_govt.txt") {
        let json: Value = serde_json::from_str(&read(&format!(
            "{base}_county_jiangsu_huaian_hongze_govt.json"
        )))
        .ok()?;
        let keys = TemplateId::F2019.get().row_keys(TableId::Requests);
        let cols: Vec<&str> = t
            .table_cells(TableId::Requests)
            .take(7)
            .map(|c| t.def(c).col)
            .collect();
        let mut out = Vec::new();
        for ((_, values), key) in json["table3"]["rows"].as_object()?.iter().zip(keys) {
            let rows = if key == "other" {
                vec!["other.noCorrection", "other.feeUnpaid", "other.other"]
            } else {
                vec![key]
            };
            for row in rows {
                for (col, v) in cols.iter().zip(values.as_array()?) {
                    out.push((t.cell(TableId::Requests, row, col)?, v.as_i64()));
                }
            }
        }
        for (c, v) in t
            .table_cells(TableId::ReviewLitigation)
            .zip(json["table4"]["flat15"].as_array()?)
        {
            out.push((c, v.as_i64()));
        }
        return Some(out);
    }
    if name == "filled_2021_format.docx" {
        // Filled by rule: 表三 row r, column c holds 10 r + c.
        let t3 = t
            .table_cells(TableId::Requests)
            .enumerate()
            .map(|(i, c)| (c, Some((i / 7 * 10 + i % 7) as i64)));
        let t4 = t
            .table_cells(TableId::ReviewLitigation)
            .zip([10, 1, 0, 0, 11, 2, 0, 0, 0, 2, 5, 0, 0, 0, 5])
            .map(|(c, v)| (c, Some(v)));
        return Some(t3.chain(t4).collect());
    }
    if name == "2024_city_jiangsu_huaian_govt.txt" {
        let layout = recognise(&read("2024_city_jiangsu_huaian_govt.layout.txt"));
        return Some(
            (0..t.cells.len())
                .map(|i| CellId(i as u16))
                .map(|c| (c, layout.report.get(c)))
                .collect(),
        );
    }
    None
}

fn main() {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("the samples folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt") || n.ends_with(".docx"))
        .collect();
    names.sort();
    println!("| report | format | recognised | uncertain | not found | reference cells | misplaced | time |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for name in names {
        let start = Instant::now();
        let text = if name.ends_with(".docx") {
            let bytes = std::fs::read(format!("{}/{name}", dir())).unwrap_or_default();
            docx_text(&bytes).unwrap_or_default()
        } else {
            read(&name)
        };
        let r = recognise(&text);
        let took = start.elapsed();
        let (present, misplaced) = match reference(&name, &r) {
            Some(cells) => {
                let wrong = cells
                    .iter()
                    .filter(|(c, v)| {
                        r.source(*c).certainty == Certainty::Recognised && r.report.get(*c) != *v
                    })
                    .count();
                (cells.len().to_string(), wrong.to_string())
            }
            None => ("–".into(), "–".into()),
        };
        println!(
            "| {name} | {:?} | {} | {} | {} | {present} | {misplaced} | {:.1} ms |",
            r.report.template_id(),
            r.count(Certainty::Recognised),
            r.count(Certainty::Uncertain),
            r.count(Certainty::NotFound),
            took.as_secs_f64() * 1000.0
        );
    }
}
