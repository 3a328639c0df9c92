//! A15: pages in the encodings they declare, decoded by the browser's own
//! decoder in headless Chromium (wasm-bindgen-test): a Big5 page is read as
//! Big5 and said so, a UTF-16 page as UTF-16 — never refused as "not GBK".
#![cfg(target_arch = "wasm32")]

use nianbao_core::import::FileRead;
use nianbao_core::template::TableId;
use nianbao_files::read_report_file;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn read(name: &str, bytes: &[u8]) -> (nianbao_core::Report, String) {
    let out = read_report_file(name, bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    // What the page receives: the core's type, read strictly.
    let read = FileRead::from_wire(&out).expect("a file read");
    (read.report, read.note.unwrap_or_default())
}

#[wasm_bindgen_test]
fn a15_a_big5_page_is_read_as_big5_and_said_so() {
    let (r, note) = read("big5.html", include_bytes!("fixtures/published-big5.html"));
    assert_eq!(
        r.value(TableId::Requests, "newReceived", "natural"),
        Some(12)
    );
    assert_eq!(r.value(TableId::Requests, "carriedOver", "total"), Some(2));
    assert!(note.contains("Big5"), "{note}");
}

#[wasm_bindgen_test]
fn a15_a_utf16_page_is_read_as_utf16_and_said_so() {
    let (r, note) = read(
        "utf16.html",
        include_bytes!("fixtures/published-utf16.html"),
    );
    assert_eq!(r.value(TableId::Requests, "newReceived", "total"), Some(13));
    assert!(note.contains("UTF-16"), "{note}");
}

#[wasm_bindgen_test]
fn a_page_that_lies_about_its_encoding_is_refused_in_words() {
    // Declares Big5, holds bytes Big5 does not have.
    let bytes = b"<meta charset=big5><p>\xff\xff\xff\xff</p>";
    let e = read_report_file("bad.html", bytes).unwrap_err();
    assert!(e.contains("声明为 Big5"), "{e}");
}
