//! The readers' fuzz harness: every way data enters (JSON files, stored
//! drafts, HTML exports, dates, cells, pasted blocks, file bytes), fed
//! mutated and random input from a seeded generator. Nothing may panic, no
//! value may be read as another, and no refusal may carry the JSON library's
//! English. `FUZZ_INPUTS` sets the inputs per reader (default 1,000; the
//! figures in the README come from `scripts/fuzz-readers.sh`).

use std::panic::{catch_unwind, AssertUnwindSafe};

use nianbao_core::cell::{format_value, parse_cell, CellKind, MoneyUnit};
use nianbao_core::edit::parse_block;
use nianbao_core::edit::structured::{block_of, plan_block};
use nianbao_core::import::encoding::{classify, Bytes};
use nianbao_core::import::import;
use nianbao_core::import::published::recognise;
use nianbao_core::json::{from_json, read_current, to_json, Draft};
use nianbao_core::limits::{MAX_COUNT, MAX_MONEY};
use nianbao_core::render::render_html;
use nianbao_core::report::Date;
use nianbao_core::template::{TableId, TemplateId};
use nianbao_core::Report;
use serde_json::Value;

/// xorshift64*: small, seeded, the same inputs on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const TOKENS: &[&str] = &[
    "0",
    "1",
    "-1",
    "\"581\"",
    "null",
    "true",
    "[]",
    "{}",
    "1e400",
    "1.5",
    "-0",
    "99999999",
    "100000000",
    "9223372036854775807",
    "-9223372036854775808",
    "\"\"",
    "\"表三\"",
    ",",
    ":",
    "}",
    "]",
    "{",
    "[",
    "\"",
    "\\u0000",
    "\u{feff}",
    "\"schemaVersion\"",
    "\"natural\"",
    "\"newReceivedX\"",
    "2025-257-01",
];
const ENGLISH: &[&str] = &[
    "expected", "invalid", "unknown", "missing", "field", "variant", "line ", "column", "EOF",
    "trailing",
];

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(5) {
            0 if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] ^= 1 << rng.below(8);
            }
            1 => {
                let end = (at + rng.below(40)).min(bytes.len());
                bytes.drain(at..end);
            }
            _ => {
                let tok = rng.pick(TOKENS).as_bytes().to_vec();
                bytes.splice(at..at, tok);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Replaces one table value of a document with something else, as a tool might.
fn retype(rng: &mut Rng, doc: &mut Value) {
    let t = ["table2", "table3", "table4"][rng.below(3)];
    if let Some(rows) = doc["report"][t].as_object_mut() {
        let keys: Vec<String> = rows.keys().cloned().collect();
        let row = &keys[rng.below(keys.len())];
        if let Some(cols) = rows[row].as_object_mut() {
            let ckeys: Vec<String> = cols.keys().cloned().collect();
            let col = &ckeys[rng.below(ckeys.len())];
            let v: Value = serde_json::from_str(rng.pick(&TOKENS[..17])).unwrap_or(Value::Null);
            cols[col] = v;
        }
    }
}

#[derive(Default, Debug)]
struct Stats {
    inputs: u64,
    accepted: u64,
    panics: u64,
    misread: u64,
    english: u64,
}

fn refused(stats: &mut Stats, message: &str) {
    if ENGLISH.iter().any(|w| message.contains(w)) {
        stats.english += 1;
        eprintln!("English in: {message}");
    }
}

/// An accepted report must hold only values within the limits and must
/// survive its own export unchanged.
fn check_report(stats: &mut Stats, r: &Report) {
    stats.accepted += 1;
    let t = r.template();
    let ok_values = t
        .cells
        .iter()
        .zip(r.values())
        .all(|(d, v)| match (d.kind, v) {
            (_, None) => true,
            (CellKind::Money(_), Some(v)) => (-MAX_MONEY..=MAX_MONEY).contains(v),
            (_, Some(v)) => (-MAX_COUNT..=MAX_COUNT).contains(v),
        });
    let again = from_json(&to_json(r));
    if !ok_values
        || again
            .as_ref()
            .map(|a| a.values() != r.values())
            .unwrap_or(true)
    {
        stats.misread += 1;
    }
}

/// A count the document states must be the count read.
fn check_counts(stats: &mut Stats, doc: &Value, r: &Report) {
    let t = r.template();
    for table in TableId::ALL {
        for cell in t.table_cells(table) {
            let d = t.def(cell);
            if d.kind.is_money() {
                continue;
            }
            let stated = doc["report"][table.key()][d.row][d.col].as_i64();
            if stated.is_some() && stated != r.get(cell) {
                stats.misread += 1;
                eprintln!(
                    "{} read as {:?}, file says {stated:?}",
                    d.dom_id(),
                    r.get(cell)
                );
            }
        }
    }
}

fn base_reports() -> Vec<Report> {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    ["base-f2021.json", "base-f2019.json"]
        .iter()
        .map(|f| from_json(&std::fs::read_to_string(format!("{dir}/{f}")).unwrap()).unwrap())
        .collect()
}

fn guarded(stats: &mut Stats, f: impl FnOnce(&mut Stats)) {
    stats.inputs += 1;
    if catch_unwind(AssertUnwindSafe(|| f(stats))).is_err() {
        stats.panics += 1;
    }
}

fn run(n: u64) -> Vec<(&'static str, Stats)> {
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let bases = base_reports();
    let jsons: Vec<String> = bases.iter().map(to_json).collect();
    let htmls: Vec<String> = bases.iter().map(render_html).collect();
    let drafts: Vec<String> = bases
        .iter()
        .map(|r| {
            Draft {
                name: "草稿".into(),
                revision: 3,
                saved_at_ms: 1.0,
                report: r.clone(),
                previous: Some(r.clone()),
                unparsed: Default::default(),
            }
            .to_json()
        })
        .collect();
    let mut out = Vec::new();

    let mut s = Stats::default();
    for i in 0..n {
        let base = &jsons[i as usize % 2];
        let text = if rng.below(2) == 0 {
            mutate(&mut rng, base)
        } else {
            let mut doc: Value = serde_json::from_str(base).unwrap();
            retype(&mut rng, &mut doc);
            doc.to_string()
        };
        guarded(&mut s, |s| match from_json(&text) {
            Ok(r) => {
                // The app's own reader takes what the file reader takes, as it.
                assert_eq!(read_current(&text).as_ref(), Ok(&r), "{text}");
                check_report(s, &r);
                if let Ok(doc) = serde_json::from_str::<Value>(&text) {
                    check_counts(s, &doc, &r);
                }
            }
            Err(e) => {
                // … and refuses what it refuses.
                assert!(read_current(&text).is_err(), "{text}");
                refused(s, &e.to_string());
            }
        });
    }
    out.push(("JSON files", s));

    let mut s = Stats::default();
    for i in 0..n {
        let text = mutate(&mut rng, &drafts[i as usize % 2]);
        guarded(&mut s, |s| match Draft::from_json(&text) {
            Ok(d) => check_report(s, &d.report),
            Err(e) => refused(s, &e.to_string()),
        });
    }
    out.push(("stored drafts", s));

    let mut s = Stats::default();
    for i in 0..n {
        let text = mutate(&mut rng, &htmls[i as usize % 2]);
        guarded(&mut s, |s| match import(&text) {
            Ok(r) => check_report(s, &r),
            Err(e) => refused(s, &e.to_string()),
        });
    }
    out.push(("HTML exports", s));

    let mut s = Stats::default();
    let seps = ["-", "/", "年", "月", ".", "日", ""];
    for _ in 0..n {
        let parts: Vec<String> = (0..3)
            .map(|_| (rng.next() % [10, 100, 1000, 100_000][rng.below(4)]).to_string())
            .collect();
        let text = format!(
            "{}{}{}{}{}{}",
            parts[0],
            rng.pick(&seps),
            parts[1],
            rng.pick(&seps),
            parts[2],
            rng.pick(&seps)
        );
        guarded(&mut s, |s| {
            if let Some(d) = Date::parse(&text) {
                s.accepted += 1;
                // Read as stated: the numbers in the text are the date's.
                let nums: Vec<u64> = text
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|p| !p.is_empty())
                    .filter_map(|p| p.parse().ok())
                    .collect();
                if nums != [d.year as u64, u64::from(d.month), u64::from(d.day)]
                    || Date::parse(&d.iso()) != Some(d)
                {
                    s.misread += 1;
                }
            }
        });
    }
    out.push(("dates", s));

    let mut s = Stats::default();
    let kinds = [
        CellKind::Count,
        CellKind::SignedCount,
        CellKind::Total,
        CellKind::Money(MoneyUnit::Wan),
        CellKind::Money(MoneyUnit::Yuan),
    ];
    let pieces = [
        "0", "1", "9", "12", ",", ".", "-", "+", " ", "元", "万元", "件", "１", "。", "—", "/",
        "a", "99999999", "e5",
    ];
    for _ in 0..n {
        let text: String = (0..1 + rng.below(6)).map(|_| rng.pick(&pieces)).collect();
        let kind = kinds[rng.below(kinds.len())];
        guarded(&mut s, |s| match parse_cell(&text, kind) {
            Ok(Some(v)) => {
                s.accepted += 1;
                let back = parse_cell(&format_value(v, kind), kind);
                let max = if kind.is_money() {
                    MAX_MONEY
                } else {
                    MAX_COUNT
                };
                if back != Ok(Some(v)) || v.abs() > max {
                    s.misread += 1;
                }
            }
            Ok(None) => s.accepted += 1,
            Err(e) => refused(s, &e.to_string()),
        });
    }
    out.push(("cells", s));

    let mut s = Stats::default();
    let t = TemplateId::F2021.get();
    for _ in 0..n {
        let rows = 1 + rng.below(40);
        let text: String = (0..rows)
            .map(|_| {
                (0..1 + rng.below(9))
                    .map(|_| rng.pick(&pieces))
                    .collect::<Vec<_>>()
                    .join("\t")
            })
            .collect::<Vec<_>>()
            .join(["\n", "\r\n", "\r"][rng.below(3)]);
        let start = nianbao_core::CellId(rng.below(t.cells.len()) as u16);
        guarded(&mut s, |s| {
            match plan_block(t, start, &block_of(parse_block(&text))).map(|p| p.plan) {
                Ok(plan) => {
                    s.accepted += 1;
                    if plan.iter().any(|(c, v)| {
                        v.is_some_and(|v| {
                            parse_cell(&format_value(v, t.def(*c).kind), t.def(*c).kind)
                                != Ok(Some(v))
                        })
                    }) {
                        s.misread += 1;
                    }
                }
                Err(errors) => {
                    if errors.len() > 21 {
                        s.misread += 1;
                    }
                    for e in errors {
                        refused(s, &e.message);
                    }
                }
            }
        });
    }
    out.push(("pasted blocks", s));

    let mut s = Stats::default();
    for i in 0..n {
        let bytes: Vec<u8> = if rng.below(2) == 0 {
            mutate(&mut rng, &jsons[i as usize % 2]).into_bytes()
        } else {
            (0..rng.below(64)).map(|_| rng.next() as u8).collect()
        };
        guarded(&mut s, |s| {
            if let Bytes::Utf8(text) = classify(&bytes) {
                s.accepted += 1;
                if text.as_bytes() != bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes) {
                    s.misread += 1;
                }
            }
        });
    }
    out.push(("file bytes", s));

    // Published reports' text, mutated: whatever is read is within the
    // limits and survives export; notes are in Chinese.
    let dir = format!("{}/tests/fixtures/samples", env!("CARGO_MANIFEST_DIR"));
    let texts: Vec<String> = [
        "2023_county_jiangsu_huaian_hongze_govt.txt",
        "2024_countydept_guangdong_shenzhen_longgang_dept.txt",
        "2021plus_countydept_beijing_haidian_A_auto4555.txt",
        "2020_subdistrict_dongli.txt",
    ]
    .iter()
    .map(|f| std::fs::read_to_string(format!("{dir}/{f}")).unwrap())
    .collect();
    let mut s = Stats::default();
    for i in 0..n / 10 {
        let text = mutate(&mut rng, &texts[i as usize % texts.len()]);
        guarded(&mut s, |s| {
            let r = recognise(&text);
            check_report(s, &r.report);
            for note in &r.notes {
                refused(s, note);
            }
        });
    }
    out.push(("published text", s));
    let _ = std::panic::take_hook();
    out
}

#[test]
fn readers_never_panic_never_misread_and_speak_chinese() {
    let n: u64 = std::env::var("FUZZ_INPUTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let results = run(n);
    let mut total = Stats::default();
    for (name, s) in &results {
        println!(
            "fuzz {name:>14}: {:>8} inputs, {:>8} accepted, {} panics, {} misread, {} English",
            s.inputs, s.accepted, s.panics, s.misread, s.english
        );
        total.inputs += s.inputs;
        total.panics += s.panics;
        total.misread += s.misread;
        total.english += s.english;
    }
    println!(
        "fuzz total: {} inputs, {} panics, {} misread, {} English",
        total.inputs, total.panics, total.misread, total.english
    );
    assert_eq!((total.panics, total.misread, total.english), (0, 0, 0));
}
