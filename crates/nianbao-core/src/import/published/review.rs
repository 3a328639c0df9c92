//! The recognised report's three tables in the official layout, each value
//! cell marked by how it was placed — for the person to check before the
//! report opens. A cell carries its source line (`data-source`), shown when
//! the cell has focus. Text from the source is escaped by construction (maud).

use maud::html;

use super::{Certainty, Recognised};
use crate::cell::format_value;
use crate::render::{grid_rows, head_cell};
use crate::template::{CellId, TableId};

/// The longest source line quoted for a cell, in characters.
const QUOTE: usize = 120;

/// The tables as an HTML fragment (no ids: it sits beside the form). A
/// cell's source is named by its line, or for a PDF by `places` (the page
/// and the line on it, for each line of the text).
pub fn review_html(r: &Recognised, lines: &[&str], places: Option<&[(u32, usize)]>) -> String {
    let template = r.report.template();
    let cell = |c: CellId, colspan: Option<u16>| {
        let def = template.def(c);
        let source = r.source(c);
        let (class, words) = match source.certainty {
            Certainty::Recognised => ("review-recognised", "已识别"),
            Certainty::Uncertain => ("review-uncertain", "需核对"),
            Certainty::NotFound => ("review-notfound", "未找到"),
        };
        let quote = source.lines.and_then(|(a, _)| lines.get(a)).map(|l| {
            let l = l.trim();
            let short: String = l.chars().take(QUOTE).collect();
            if short.len() < l.len() {
                format!("{short}…")
            } else {
                short
            }
        });
        let described = match (&quote, source.lines) {
            (Some(q), Some((a, _))) => format!(
                "{}“{}”{words}，原文{}：{q}",
                def.table.name(),
                def.name(),
                match places.and_then(|p| p.get(a)) {
                    Some((page, line)) => format!("第 {page} 页第 {line} 行"),
                    None => format!("第 {} 行", a + 1),
                }
            ),
            _ => format!("{}“{}”{words}", def.table.name(), def.name()),
        };
        html! {
            td class={ "num " (class) } colspan=[colspan] tabindex="0" data-source=(described) {
                @if let Some(v) = r.report.get(c) { (format_value(v, def.kind)) }
                @if source.certainty != Certainty::Recognised { span.sr-only { "（" (words) "）" } }
            }
        }
    };
    html! {
        @for id in TableId::ALL {
            h3 { (id.section().heading()) }
            table.review { (grid_rows(template, id, head_cell, cell)) }
        }
    }
    .into_string()
}
