//! The request ledger, held here in the worker while the 从台账填入表三
//! dialog is open (and dropped with it): read from a paste or a CSV file,
//! its values listed, 表三 counted, a cell's rows shown. A ledger of a
//! hundred thousand free-text rows is read and counted here, off the page's
//! thread; the page gets the lists and counts, capped (`ledger::view`).
//! Nothing of it is stored.

use std::cell::RefCell;

use nianbao_core::import::encoding::{classify, damaged_message, Bytes};
use nianbao_core::import::page::page_tables;
use nianbao_core::ledger::view::{Ask, CountView, LedgerView, Sources, MAX_ROWS};
use nianbao_core::ledger::{count, Ledger};
use nianbao_core::template::{CellId, TemplateId};
use wasm_bindgen::prelude::*;

thread_local! {
    static LEDGER: RefCell<Option<Ledger>> = const { RefCell::new(None) };
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

fn ask(text: &str) -> Result<Ask, String> {
    serde_json::from_str(text).map_err(|_| "内部错误：台账请求无法读取。".to_owned())
}

fn with_ledger<T>(f: impl FnOnce(&Ledger) -> T) -> Result<T, String> {
    LEDGER.with(|l| {
        l.borrow().as_ref().map(f).ok_or_else(|| {
            "台账已不在内存中（可能已取消或重新启动），请重新粘贴或选择文件。".to_owned()
        })
    })
}

fn keep(ledger: Ledger, template: TemplateId, remembered: &str) -> Result<String, String> {
    if ledger.rows.is_empty() {
        return Err("没有读到台账的行：请复制包括标题行在内的整个表格。".to_owned());
    }
    if ledger.rows.len() > MAX_ROWS {
        return Err(format!(
            "台账有 {} 行，超过了 {} 行的上限，没有读取。请按年度拆分后再试。",
            ledger.rows.len(),
            MAX_ROWS
        ));
    }
    let remembered = (!remembered.is_empty()).then_some(remembered);
    let view = LedgerView::proposed(template.get(), &ledger, remembered);
    LEDGER.with(|l| *l.borrow_mut() = Some(ledger));
    Ok(json(&view))
}

/// A pasted ledger: the clipboard's HTML (its largest table) or, without
/// one, its plain text (tab-separated). Returns the `LedgerView` as JSON.
#[wasm_bindgen(js_name = ledgerPaste)]
pub fn ledger_paste(
    html: &str,
    text: &str,
    template: &str,
    remembered: &str,
) -> Result<String, String> {
    let template = ask_template(template)?;
    let table = if html.is_empty() {
        None
    } else {
        page_tables(html)?.into_iter().max_by_key(Vec::len)
    };
    let ledger = match table {
        Some(rows) if !rows.is_empty() => Ledger::from_rows(rows),
        _ => Ledger::from_tsv(text),
    };
    keep(ledger, template, remembered)
}

/// A CSV file's bytes: UTF-8 (or UTF-16), else GB18030 by the browser's
/// decoder; damaged UTF-8 is refused, never shown as mojibake.
#[wasm_bindgen(js_name = ledgerCsv)]
pub fn ledger_csv(
    name: &str,
    bytes: &[u8],
    template: &str,
    remembered: &str,
) -> Result<String, String> {
    let template = ask_template(template)?;
    let text = match classify(bytes) {
        Bytes::Utf8(t) | Bytes::Utf16(Some(t)) => t,
        Bytes::Utf16(None) => return Err(format!("“{name}”是 UTF-16 编码的文字，但其中有损坏的字符，没有读取。")),
        Bytes::DamagedUtf8 { at, bad } => return Err(format!("“{name}”：{}", damaged_message(at, bad))),
        Bytes::Legacy => super::legacy(bytes, "gb18030").ok_or_else(|| {
            format!("“{name}”既不是 UTF-8 也不是 GBK 编码的文字，无法读取。请在 Excel 或 WPS 中另存为 CSV 后再试。")
        })?,
    };
    keep(Ledger::from_csv(&text)?, template, remembered)
}

fn ask_template(code: &str) -> Result<TemplateId, String> {
    serde_json::from_str(code).map_err(|_| "内部错误：格式无法识别。".to_owned())
}

/// The view under a changed mapping (another column chosen).
#[wasm_bindgen(js_name = ledgerView)]
pub fn ledger_view(request: &str) -> Result<String, String> {
    let a = ask(request)?;
    with_ledger(|l| json(&LedgerView::of(l, a.mapping)))
}

/// 表三 counted under the mapping: the `CountView` as JSON.
#[wasm_bindgen(js_name = ledgerCount)]
pub fn ledger_count(request: &str) -> Result<String, String> {
    let a = ask(request)?;
    let t = a.template.get();
    let remembered = a.mapping.to_remembered(t);
    with_ledger(|l| {
        json(&CountView::of(
            &count(t, a.year, l, &a.mapping),
            &remembered,
        ))
    })
}

/// The ledger rows behind one cell: `Sources` as JSON.
#[wasm_bindgen(js_name = ledgerSources)]
pub fn ledger_sources(request: &str) -> Result<String, String> {
    let a = ask(request)?;
    let cell = CellId(a.cell.unwrap_or(0));
    with_ledger(|l| json(&Sources::of(a.template.get(), a.year, l, &a.mapping, cell)))
}

/// Forgets the ledger (the dialog closed).
#[wasm_bindgen(js_name = ledgerDrop)]
pub fn ledger_drop() {
    LEDGER.with(|l| *l.borrow_mut() = None);
}
