//! A table on the clipboard (`text/html`: web pages, Word, WPS and Excel all
//! put one there) read with the browser's own parser into rows of cells,
//! spans spread out, for the core to place by structure and labels.

use leptos::wasm_bindgen::JsCast;
use nianbao_core::edit::structured::{Block, BlockCell};
use nianbao_core::template::CellId;
use web_sys::{HtmlTableCellElement, HtmlTableElement, HtmlTableRowElement};

/// Spans larger than any real table are cut, so a hostile paste stays small.
const MAX_SPAN: u32 = 64;
/// Rows and columns read from one pasted table.
const MAX_ROWS: usize = 2000;

/// The cell's text as shown: `<p>` wrappers, `&nbsp;` and line breaks to spaces.
fn text_of(cell: &HtmlTableCellElement) -> String {
    let raw = cell.text_content().unwrap_or_default();
    raw.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Clipboard HTML larger than this, or with more tags or tables, is not
/// parsed (a spreadsheet's copy of a table is far smaller): the browser's
/// parser is slow on deep or huge markup and would block the page; the
/// paste falls back to the clipboard's plain text.
const MAX_HTML_BYTES: usize = 2 << 20;
const MAX_TAGS: usize = 100_000;
const MAX_TABLES: usize = 50;

/// Whether `html` is within the budgets above (counted without parsing).
fn within_budget(html: &str) -> bool {
    html.len() <= MAX_HTML_BYTES
        && html.bytes().filter(|b| *b == b'<').count() <= MAX_TAGS
        && html.matches("<table").count() + html.matches("<TABLE").count() <= MAX_TABLES
}

/// The first table of an HTML fragment, or `None` when it has none (or is
/// past the budgets).
pub fn table_block(html: &str) -> Option<Block> {
    if !within_budget(html) {
        return None;
    }
    let parser = web_sys::DomParser::new().ok()?;
    let doc = parser
        .parse_from_string(html, web_sys::SupportedType::TextHtml)
        .ok()?;
    let table: HtmlTableElement = doc.query_selector("table").ok()??.dyn_into().ok()?;
    let rows = table.rows();
    let mut grid: Vec<Vec<Option<BlockCell>>> = Vec::new();
    for i in 0..(rows.length() as usize).min(MAX_ROWS) {
        let Some(tr) = rows
            .item(i as u32)
            .and_then(|r| r.dyn_into::<HtmlTableRowElement>().ok())
        else {
            continue;
        };
        let cells = tr.cells();
        let mut j = 0;
        for k in 0..cells.length() {
            let Some(td) = cells
                .item(k)
                .and_then(|c| c.dyn_into::<HtmlTableCellElement>().ok())
            else {
                continue;
            };
            if grid.len() <= i {
                grid.resize_with(i + 1, Vec::new);
            }
            // Skip positions a span from above already covers.
            while grid[i].get(j).is_some_and(Option::is_some) {
                j += 1;
            }
            let text = text_of(&td);
            let rs = td.row_span().clamp(1, MAX_SPAN) as usize;
            let cs = td.col_span().clamp(1, MAX_SPAN) as usize;
            for di in 0..rs.min(MAX_ROWS - i) {
                if grid.len() <= i + di {
                    grid.resize_with(i + di + 1, Vec::new);
                }
                let row = &mut grid[i + di];
                if row.len() < j + cs {
                    row.resize(j + cs, None);
                }
                for dj in 0..cs {
                    row[j + dj] = Some(BlockCell {
                        text: text.clone(),
                        copy: di > 0 || dj > 0,
                    });
                }
            }
            j += cs;
        }
    }
    let block: Block = grid
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|c| {
                    c.unwrap_or(BlockCell {
                        text: String::new(),
                        copy: true,
                    })
                })
                .collect()
        })
        .collect();
    (!block.is_empty()).then_some(block)
}

/// A paste into a table cell: a table copied with its structure (web page,
/// Word, WPS, Excel) first; else a plain-text block; a single value is left to
/// the box, as typing.
pub fn paste_at(editor: crate::state::Editor, cell: CellId, ev: &web_sys::ClipboardEvent) {
    let Some(data) = ev.clipboard_data() else {
        return;
    };
    let html = data
        .get_data("text/html")
        .ok()
        .filter(|h| h.to_ascii_lowercase().contains("<table"));
    if let Some(block) = html.as_deref().and_then(table_block) {
        ev.prevent_default();
        editor.paste_block(cell, &block);
        return;
    }
    let Ok(text) = data.get_data("text/plain") else {
        return;
    };
    if text
        .trim_end_matches(['\r', '\n'])
        .contains(['\t', '\n', '\r'])
    {
        ev.prevent_default();
        editor.paste(cell, &text);
    }
}
