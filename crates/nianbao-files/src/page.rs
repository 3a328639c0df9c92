//! A saved web page as text for the recognition of published reports: the
//! browser's own parser reads it (inert: no script runs, nothing loads), its
//! tables come out one row per line with `|` between cells, the rest one
//! block per line.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

/// Elements that start a line of their own.
const BLOCKS: &[&str] = &[
    "P",
    "DIV",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "LI",
    "BR",
    "SECTION",
    "ARTICLE",
    "TR",
    "TABLE",
    "UL",
    "OL",
    "BLOCKQUOTE",
    "PRE",
    "HR",
    "DL",
    "DT",
    "DD",
    "HEADER",
    "FOOTER",
];

/// Elements whose content is not text of the page.
const SKIPPED: &[&str] = &[
    "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "IFRAME", "OBJECT", "SVG",
];

/// A cell's text on one line.
fn cell_text(cell: &Element) -> String {
    cell.text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn table(t: &Element, out: &mut Vec<String>) {
    let rows = t.query_selector_all("tr").ok();
    for i in 0..rows.as_ref().map_or(0, |r| r.length()) {
        let Some(row) = rows
            .as_ref()
            .and_then(|r| r.item(i))
            .and_then(|n| n.dyn_into::<Element>().ok())
        else {
            continue;
        };
        // Rows of this table only: a table inside a cell is part of that
        // cell's text.
        if row.closest("table").ok().flatten().as_ref() != Some(t) {
            continue;
        }
        let cells: Vec<String> = (0..row.children().length())
            .filter_map(|k| row.children().item(k))
            .filter(|c| matches!(c.tag_name().as_str(), "TD" | "TH"))
            .map(|c| cell_text(&c))
            .collect();
        if !cells.is_empty() {
            out.push(format!("| {} |", cells.join(" | ")));
        }
    }
}

/// Deeper than this, a page is not a report (the browser's parser itself
/// stops nesting at 512); the walk stops there rather than run out of stack.
const MAX_DEPTH: usize = 600;

fn walk(node: &Node, depth: usize, line: &mut String, out: &mut Vec<String>) {
    if depth > MAX_DEPTH {
        return;
    }
    let flush = |line: &mut String, out: &mut Vec<String>| {
        let t = line.trim();
        if !t.is_empty() {
            out.push(t.to_owned());
        }
        line.clear();
    };
    if let Some(el) = node.dyn_ref::<Element>() {
        let tag = el.tag_name().to_ascii_uppercase();
        if SKIPPED.contains(&tag.as_str()) {
            return;
        }
        if tag == "TABLE" {
            flush(line, out);
            table(el, out);
            return;
        }
        let block = BLOCKS.contains(&tag.as_str());
        if block {
            flush(line, out);
        }
        let children = node.child_nodes();
        for i in 0..children.length() {
            if let Some(c) = children.item(i) {
                walk(&c, depth + 1, line, out);
            }
        }
        if block {
            flush(line, out);
        }
    } else if node.node_type() == Node::TEXT_NODE {
        line.push_str(&node.text_content().unwrap_or_default());
    }
}

/// The page's text, or `None` when the browser cannot parse it.
pub fn page_text(html: &str) -> Option<String> {
    let doc = DomParser::new()
        .ok()?
        .parse_from_string(html, SupportedType::TextHtml)
        .ok()?;
    let body = doc.body()?;
    let (mut line, mut out) = (String::new(), Vec::new());
    walk(&body, 0, &mut line, &mut out);
    let t = line.trim();
    if !t.is_empty() {
        out.push(t.to_owned());
    }
    Some(out.join("\n"))
}
