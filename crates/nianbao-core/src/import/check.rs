//! An exported HTML file carries its report twice: in the visible tables and
//! in the embedded data. A file edited by hand may make them disagree; the
//! importer then shows where, cell by cell, instead of trusting either.

use crate::cell::format_value;
use crate::report::Report;

/// One table cell whose visible value is not the embedded one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    /// `表三“一、本年新收政府信息公开申请数量 自然人”`.
    pub place: String,
    /// What the visible table shows (`None`: the cell is missing).
    pub shown: Option<String>,
    /// What the embedded data holds, as the table would print it.
    pub data: String,
}

impl Disagreement {
    /// The difference in words.
    pub fn message(&self) -> String {
        let data = if self.data.is_empty() {
            "空"
        } else {
            &self.data
        };
        match &self.shown {
            None => format!("{}：表格中没有这一格，嵌入的数据为 {data}", self.place),
            Some(s) if s.is_empty() => format!("{}：表格中为空，嵌入的数据为 {data}", self.place),
            Some(s) => format!("{}：表格中显示 {s}，嵌入的数据为 {data}", self.place),
        }
    }
}

/// Text inside a `<td …>` up to its `</td>`, tags dropped, spaces trimmed.
fn cell_text(html: &str, from: usize) -> Option<String> {
    let rest = &html[from..];
    let body = &rest[rest.find('>')? + 1..];
    let body = &body[..body.find("</td")?];
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    Some(out.replace("&nbsp;", " ").trim().to_owned())
}

/// The table cells of an exported `html` whose visible value differs from
/// `report` (the report read from the same file's embedded data).
pub fn disagreements(html: &str, report: &Report) -> Vec<Disagreement> {
    let t = report.template();
    let mut out = Vec::new();
    for (i, def) in t.cells.iter().enumerate() {
        let data = report
            .get(crate::template::CellId(i as u16))
            .map(|v| format_value(v, def.kind))
            .unwrap_or_default();
        // User text is escaped, so `id="…"` only ever comes from the renderer.
        let needle = format!(r#"id="{}""#, def.dom_id());
        let shown = html.find(&needle).and_then(|at| cell_text(html, at));
        if shown.as_deref() != Some(data.as_str()) {
            out.push(Disagreement {
                place: format!("{}“{}”", def.table.name(), def.name()),
                shown,
                data,
            });
        }
    }
    out
}

/// The table cells of a Word file this app exported whose value, as its
/// tables read (`recognised`), differs from the data it carries (`report`).
pub fn recognised_disagreements(
    recognised: &super::published::Recognised,
    report: &Report,
) -> Vec<Disagreement> {
    use super::published::Certainty;
    let t = report.template();
    if recognised.report.template_id() != report.template_id() {
        return vec![Disagreement {
            place: "表格".to_owned(),
            shown: Some(recognised.report.template_id().title().to_owned()),
            data: report.template_id().title().to_owned(),
        }];
    }
    let mut out = Vec::new();
    for (i, def) in t.cells.iter().enumerate() {
        let c = crate::template::CellId(i as u16);
        let print = |v: Option<i64>| v.map(|v| format_value(v, def.kind)).unwrap_or_default();
        let data = print(report.get(c));
        let shown = match recognised.source(c).certainty {
            Certainty::NotFound if data.is_empty() => continue,
            Certainty::NotFound => None,
            _ => Some(print(recognised.report.get(c))),
        };
        if shown.as_deref() != Some(data.as_str()) {
            out.push(Disagreement {
                place: format!("{}“{}”", def.table.name(), def.name()),
                shown,
                data,
            });
        }
    }
    out
}
