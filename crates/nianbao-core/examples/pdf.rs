//! PDF reading, end to end from outside: the PDF round trip of
//! `tests/tools/pdf-roundtrip.test.mjs` and a look at what a PDF reads as.
//!   pdf make <dir> <n> <seed>  n random valid reports: k.json (the report),
//!                              k.docx (the Word export), k.html (the page)
//!   pdf check <dir>            each k.pieces.json (pdf.js pieces and rules, scripts/pdf-pieces.mjs)
//!                              read as the app does, against k.json: one JSON
//!                              line per file: cells with a value, how many of
//!                              them placed, cells misplaced
//!   pdf text <pieces.json>     the text the recognition reads
//! Usage: cargo run --release -p nianbao-core --example pdf -- <command> …

use nianbao_core::import::pdf::{pdf_text, PdfRead};
use nianbao_core::import::published::{recognise, Certainty};
use nianbao_core::json::{from_json, to_json, ExportCheck};
use nianbao_core::render::{render_docx, render_html_export};
use nianbao_core::template::TableId;
use serde_json::json;

#[path = "../tests/valid/mod.rs"]
mod valid;

fn pieces(path: &str) -> PdfRead {
    let s = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&s).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("make") => {
            let dir = &args[1];
            let n: u64 = args[2].parse().unwrap();
            let seed: u64 = args[3].parse().unwrap();
            std::fs::create_dir_all(dir).unwrap();
            let check = ExportCheck {
                errors: 0,
                warnings: 0,
                explained: 0,
            };
            for k in 0..n {
                let mut rng = valid::Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (k + 1));
                let r = valid::report(&mut rng);
                std::fs::write(format!("{dir}/{k}.json"), to_json(&r)).unwrap();
                std::fs::write(format!("{dir}/{k}.docx"), render_docx(&r, check)).unwrap();
                std::fs::write(format!("{dir}/{k}.html"), render_html_export(&r, check)).unwrap();
            }
        }
        Some("check") => {
            let dir = &args[1];
            let mut names: Vec<String> = std::fs::read_dir(dir)
                .unwrap()
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter_map(|f| f.strip_suffix(".pieces.json").map(str::to_owned))
                .collect();
            names.sort();
            for name in names {
                let want = from_json(
                    &std::fs::read_to_string(format!(
                        "{dir}/{}.json",
                        name.split('.').next().unwrap()
                    ))
                    .unwrap(),
                )
                .unwrap();
                let read = pieces(&format!("{dir}/{name}.pieces.json"));
                let got = recognise(&pdf_text(&read.pieces, &read.rules).text);
                let t = want.template();
                let (mut cells, mut placed, mut misplaced, mut uncertain) = (0, 0, Vec::new(), 0);
                for table in [
                    TableId::Proactive,
                    TableId::Requests,
                    TableId::ReviewLitigation,
                ] {
                    for c in t.table_cells(table) {
                        if !t.def(c).kind.is_editable() {
                            continue;
                        }
                        // Cells printed: those with a value (a blank cell
                        // is placed blank or not at all).
                        let present = want.get(c).is_some();
                        cells += usize::from(present);
                        match got.source(c).certainty {
                            Certainty::NotFound => continue,
                            Certainty::Uncertain => uncertain += 1,
                            Certainty::Recognised => {}
                        }
                        placed += usize::from(present);
                        // A blank printed cell reads as blank or 0.
                        if got.report.get(c).unwrap_or(0) != want.get(c).unwrap_or(0) {
                            misplaced.push(format!("{} {}", table.name(), t.def(c).name()));
                        }
                    }
                }
                let line = json!({
                    "name": name,
                    "template": got.report.template_id().key(),
                    "want": want.template_id().key(),
                    "cells": cells,
                    "placed": placed,
                    "uncertain": uncertain,
                    "misplaced": misplaced,
                    "notes": got.notes,
                });
                println!("{line}");
            }
        }
        Some("read") => {
            // What the reader makes of a text: placements and notes.
            let text = std::fs::read_to_string(&args[1]).unwrap();
            let got = recognise(&text);
            let t = got.report.template();
            for n in &got.notes {
                println!("note: {n}");
            }
            for c in (0..t.cells.len()).map(|i| nianbao_core::template::CellId(i as u16)) {
                let s = got.source(c);
                if s.certainty != Certainty::NotFound {
                    let v = got.report.get(c);
                    println!(
                        "{:?} {} = {v:?} {:?}",
                        s.certainty,
                        t.def(c).name(),
                        s.lines
                    );
                }
            }
        }
        Some("text") => {
            let read = pieces(&args[1]);
            print!("{}", pdf_text(&read.pieces, &read.rules).text)
        }
        _ => eprintln!("usage: pdf make <dir> <n> <seed> | check <dir> | text <pieces.json>"),
    }
}
