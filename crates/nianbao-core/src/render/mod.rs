//! The publishable HTML: one standalone UTF-8 file in the official layout —
//! no script to run, no external resource — that carries the report's JSON in
//! a `<script type="application/json">` block, so the file imports back
//! exactly and aggregators can read it. User text is escaped by construction
//! (maud); the JSON is escaped so it cannot leave its block.

mod check_report;
mod docx;
pub mod form;
mod indicators;
pub mod infographic;
pub mod options;
mod xml;

pub use check_report::{render_check_report, render_check_report_with};
pub use docx::{docx_parts, render_docx, DATA_NS, TEXT_W};
pub use indicators::indicators_table;

use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::cell::{format_money, format_value};
use crate::json::{to_json, to_json_export, ExportCheck};
use crate::report::{Aspect, Field, Report, FEE};
use crate::section::Section;
use crate::template::{CellId, GridCell, HeadCell, Scope, TableId, Template};

/// The id of the embedded JSON block.
pub const DATA_ID: &str = "nianbao-report";
const CSS: &str = include_str!("export.css");

/// JSON safe inside `<script>`: no `<`, `>` or `&` (they are written as
/// `\u003c`… inside strings, still the same JSON), no line separators.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// A text as paragraphs, one per non-empty line.
fn paragraphs(text: &str) -> Markup {
    html! {
        @for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            p { (line) }
        }
    }
}

pub(crate) fn head_cell(h: &HeadCell) -> Markup {
    let rowspan = (h.rowspan > 1).then_some(h.rowspan);
    let colspan = (h.colspan > 1).then_some(h.colspan);
    if h.text.is_empty() {
        // The blank header over a not-applicable column heads nothing.
        return html! { td rowspan=[rowspan] colspan=[colspan] {} };
    }
    match h.scope {
        Scope::Corner => html! { td rowspan=[rowspan] colspan=[colspan] { (h.text) } },
        Scope::Col => html! { th scope="col" rowspan=[rowspan] colspan=[colspan] { (h.text) } },
        Scope::ColGroup | Scope::Title => {
            html! { th scope="colgroup" rowspan=[rowspan] colspan=[colspan] { (h.text) } }
        }
        Scope::Row => html! { th.row scope="row" rowspan=[rowspan] colspan=[colspan] { (h.text) } },
        Scope::RowGroup => {
            html! { th.row scope="rowgroup" rowspan=[rowspan] colspan=[colspan] { (h.text) } }
        }
    }
}

/// A table's header and body rows as the template lays them out (spans as
/// published): header cells by `head`, each value cell by `data` (with its
/// colspan when over one). The export and the form both draw tables this way.
pub(crate) fn grid_rows(
    template: &Template,
    id: TableId,
    head: impl Fn(&HeadCell) -> Markup,
    data: impl Fn(CellId, Option<u16>) -> Markup,
) -> Markup {
    let t = template.table(id);
    html! {
        @if !t.head.is_empty() {
            thead {
                @for row in &t.head {
                    tr { @for h in row { (head(h)) } }
                }
            }
        }
        tbody {
            @for row in &t.body {
                tr {
                    @for cell in row {
                        @match cell {
                            GridCell::Head(h) => (head(h)),
                            GridCell::Data { cell, colspan } => (data(*cell, (*colspan > 1).then_some(*colspan))),
                        }
                    }
                }
            }
        }
    }
}

fn table(report: &Report, id: TableId) -> Markup {
    table_with(report, id, true)
}

/// A table; `ids` names each value cell (the export), or not (a fragment shown
/// inside the app, where the form's boxes have those ids).
fn table_with(report: &Report, id: TableId, ids: bool) -> Markup {
    let template = report.template();
    let value = |cell: CellId, colspan: Option<u16>| {
        let def = template.def(cell);
        let dom_id = ids.then(|| def.dom_id());
        html! {
            td.num id=[dom_id] colspan=[colspan] {
                @if let Some(v) = report.get(cell) { (format_value(v, def.kind)) }
            }
        }
    };
    html! {
        table id=[ids.then(|| id.key())] { (grid_rows(template, id, head_cell, value)) }
    }
}

/// 表二, 表三 and 表四 of a report as published (a roll-up's tables), each under
/// its section heading, as an HTML fragment.
pub fn tables_markup(report: &Report) -> Markup {
    html! {
        @for (section, id) in [
            (Section::Proactive, TableId::Proactive),
            (Section::Requests, TableId::Requests),
            (Section::ReviewLitigation, TableId::ReviewLitigation),
        ] {
            h3 { (section.heading()) }
            div.table-scroll { (table_with(report, id, false)) }
        }
    }
}

fn overview(report: &Report) -> Markup {
    let o = &report.overview;
    html! {
        (paragraphs(&o.text))
        @for aspect in Aspect::ALL {
            @let text = &o.aspects[aspect.index()];
            @if !text.trim().is_empty() {
                h3 { (aspect.title()) }
                (paragraphs(text))
            }
        }
        @for part in &o.parts {
            @if !part.title.trim().is_empty() { h3 { (part.title) } }
            (paragraphs(&part.text))
        }
    }
}

fn info_fee(report: &Report) -> Markup {
    let fee = report.other.fee;
    let show = |v: Option<i64>| v.map(format_money).unwrap_or_default();
    html! {
        @if report.template_id().has_info_fee() && (fee.notices.is_some() || fee.billed.is_some() || fee.collected.is_some()) {
            table id="info-fee" {
                thead { tr {
                    @for field in [Field::FeeNotices, Field::FeeBilled, Field::FeeCollected] {
                        th scope="col" {
                            @if field == Field::FeeNotices { (FEE) }
                            (field.fee_label().unwrap_or_default())
                        }
                    }
                } }
                tbody { tr {
                    td.num id="fee-notices" { @if let Some(n) = fee.notices { (n) } }
                    td.num id="fee-billed" { (show(fee.billed)) }
                    td.num id="fee-collected" { (show(fee.collected)) }
                } }
            }
        }
    }
}

/// How the document gets its styles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Styles<'a> {
    /// In a `<style>` element: one standalone file (the download).
    Inline,
    /// From a stylesheet URL: for printing inside a page whose CSP forbids inline styles.
    Linked(&'a str),
}

/// The report as a standalone HTML document.
pub fn render_html(report: &Report) -> String {
    render_html_with(report, Styles::Inline)
}

/// The report as an exported file: its data records the export-stage counts.
/// Its foot prints the report's fingerprint code (the 报送包's, to compare).
pub fn render_html_export(report: &Report, check: ExportCheck) -> String {
    let code = crate::submission::Fingerprint::of(report).code();
    render_document(
        report,
        Styles::Inline,
        &to_json_export(report, check),
        Some(&code),
    )
}

/// The report as an HTML document, with its styles as asked.
pub fn render_html_with(report: &Report, styles: Styles) -> String {
    render_document(report, styles, &to_json(report), None)
}

fn render_document(report: &Report, styles: Styles, json: &str, code: Option<&str>) -> String {
    let title = report.title();
    let json = script_safe(json);
    let markup = html! {
        (DOCTYPE)
        html lang="zh-CN" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="Nianbao";
                title { (title) }
                @match styles {
                    Styles::Inline => style { (PreEscaped(CSS)) },
                    Styles::Linked(href) => link rel="stylesheet" href=(href);,
                }
                script type="application/json" id=(DATA_ID) { (PreEscaped(json)) }
            }
            body {
                article {
                    h1 { (title) }
                    @for section in Section::ALL {
                        section id=(section.key()) {
                            h2 { (section.heading()) }
                            @match section {
                                Section::Overview => (overview(report)),
                                Section::Proactive => (table(report, TableId::Proactive)),
                                Section::Requests => (table(report, TableId::Requests)),
                                Section::ReviewLitigation => (table(report, TableId::ReviewLitigation)),
                                Section::Problems => (paragraphs(&report.problems)),
                                Section::Other => { (paragraphs(&report.other.text)) (info_fee(report)) }
                            }
                        }
                    }
                    div.signature {
                        p { (report.agency.name.trim()) }
                        @if let Some(d) = report.signed_date { p { (d.chinese()) } }
                    }
                }
                @if let Some(code) = code {
                    footer.fingerprint { "报告指纹：" (code) "（与报送包核对用）" }
                }
            }
        }
    };
    markup.into_string()
}
