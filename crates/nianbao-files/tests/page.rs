//! A saved web page read by the browser's own parser, in headless Chromium
//! (wasm-bindgen-test): its tables become one row per line, nothing in it runs,
//! and the recognition places its cells.
#![cfg(target_arch = "wasm32")]

use nianbao_core::import::published::{recognise, Certainty};
use nianbao_core::template::TableId;
use nianbao_files::page_text;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_portal_page_with_merged_cells_reads_as_rows_of_cells() {
    let html = include_str!("../../../tests/e2e/fixtures/published-t3.html");
    let text = page_text(html).unwrap();
    assert!(
        text.contains("| 一、本年新收政府信息公开申请数量 | 0 | 1 | 2 | 3 | 4 | 5 | 6 |"),
        "{text}"
    );
    let r = recognise(&text);
    assert_eq!(r.count(Certainty::Recognised), 175);
    let t = r.report.template();
    for (i, c) in t.table_cells(TableId::Requests).enumerate() {
        assert_eq!(r.report.get(c), Some((i / 7 * 10 + i % 7) as i64));
    }
}

#[wasm_bindgen_test]
fn scripts_styles_and_nested_tables_are_not_text_and_nothing_runs() {
    let html = "<html><head><style>p{}</style><script>window.__ran = 1</script></head><body>\
        <p>一、总体情况</p><p>正文<img src=x onerror=\"window.__ran = 2\"></p>\
        <table><tr><td>外<table><tr><td>内</td></tr></table></td><td>1</td></tr></table>\
        <noscript>不显示</noscript></body></html>";
    let text = page_text(html).unwrap();
    assert!(
        !text.contains("__ran") && !text.contains("p{}") && !text.contains("不显示"),
        "{text}"
    );
    assert!(text.contains("一、总体情况\n正文"), "{text}");
    assert!(
        text.contains("| 外内 | 1 |"),
        "a table in a cell is that cell's text: {text}"
    );
    let ran = js_sys::Reflect::get(&js_sys::global(), &"__ran".into()).unwrap();
    assert!(ran.is_undefined());
}
