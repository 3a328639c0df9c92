//! Core benchmarks: `cargo bench -p nianbao-core` (budget: validate ≤ 50 µs).

use criterion::{criterion_group, criterion_main, Criterion};
use nianbao_core::edit::parse_block;
use nianbao_core::edit::structured::{block_of, plan_block};
use nianbao_core::import::from_html;
use nianbao_core::json::{from_json, to_json};
use nianbao_core::render::render_html;
use nianbao_core::rules::{validate, Context, Stage};
use nianbao_core::template::TableId;
use nianbao_core::{parse_cell, CellKind};
use std::hint::black_box;

const FULL_F2021: &str = include_str!("../tests/fixtures/base-f2021.json");

fn benches(c: &mut Criterion) {
    let report = from_json(FULL_F2021).unwrap();
    let previous = report.clone();
    c.bench_function("validate full F2021 report", |b| {
        b.iter(|| validate(black_box(&report), &Context::default()))
    });
    c.bench_function(
        "validate full F2021 report at export, with last year",
        |b| {
            let ctx = Context {
                stage: Stage::Export,
                previous: Some(&previous),
            };
            b.iter(|| validate(black_box(&report), &ctx))
        },
    );
    c.bench_function("serialize to JSON", |b| {
        b.iter(|| to_json(black_box(&report)))
    });
    let text = to_json(&report);
    c.bench_function("deserialize from JSON", |b| {
        b.iter(|| from_json(black_box(&text)).unwrap())
    });
    c.bench_function("fill totals", |b| {
        b.iter(|| {
            let mut r = report.clone();
            r.fill_totals();
            r
        })
    });
    c.bench_function("render the HTML export", |b| {
        b.iter(|| render_html(black_box(&report)))
    });
    let html = render_html(&report);
    c.bench_function("read the HTML export back", |b| {
        b.iter(|| from_html(black_box(&html)).unwrap())
    });
    // A whole 表三 body copied from a spreadsheet: 23 rows × 7 values.
    let block: String = (0..23)
        .map(|r| {
            (0..7)
                .map(|c| format!("{}", r * 7 + c))
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\r\n")
        + "\r\n";
    let start = report
        .template()
        .cell(TableId::Requests, "granted", "natural")
        .unwrap();
    c.bench_function("parse and plan a pasted 23 × 7 block", |b| {
        b.iter(|| {
            plan_block(
                report.template(),
                start,
                &block_of(parse_block(black_box(&block))),
            )
            .unwrap()
        })
    });
    c.bench_function("parse a cell", |b| {
        b.iter(|| parse_cell(black_box("１，２３４件"), CellKind::Count))
    });
}

criterion_group!(core, benches);
criterion_main!(core);
