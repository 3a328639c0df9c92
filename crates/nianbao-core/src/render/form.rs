//! The editable form of a statistical table: the official merged headers, row
//! labels and each cell's value as focusable text, as HTML. The app inserts it
//! and binds to it, moving one editor input into the cell that has focus (a
//! spreadsheet's editing model: hundreds of form controls in a table cost
//! paint and layerization at every key; text does not); the markup lives only
//! here.
//!
//! Built so that typing never lays out a table again: a fixed table layout with
//! `<col>` widths, each box a size-contained element, and no text of a finding
//! inside the table's flow — a cell's findings are words in a hidden list the
//! box is described by, and a paint-only mark on the box.

use maud::{html, Markup};

use super::grid_rows;
use crate::template::{CellId, GridCell, HeadCell, Scope, TableId, Template};
use crate::CellKind;

/// Where in its box a cell's text sits: `data-cell` holds the cell's index.
pub const CELL_ATTR: &str = "data-cell";
/// A cell's text (what the page shows when the cell is not being edited), by
/// its class.
pub const TEXT_SELECTOR: &str = ".cell-text";
/// The table's one editor input, by its class.
pub const EDITOR_SELECTOR: &str = ".cell-input";

/// The id of the hidden element with a cell's findings in words.
pub fn description_id(dom_id: &str) -> String {
    format!("desc-{dom_id}")
}

fn head_cell(h: &HeadCell) -> Markup {
    let rowspan = (h.rowspan > 1).then_some(h.rowspan);
    let colspan = (h.colspan > 1).then_some(h.colspan);
    if h.text.is_empty() {
        // The blank header over a not-applicable column heads nothing.
        return html! { td.blank-head rowspan=[rowspan] colspan=[colspan] {} };
    }
    let t = h.text;
    match h.scope {
        Scope::Corner => html! { td.corner rowspan=[rowspan] colspan=[colspan] { (t) } },
        Scope::Col => html! { th scope="col" rowspan=[rowspan] colspan=[colspan] { (t) } },
        Scope::ColGroup => {
            html! { th scope="colgroup" rowspan=[rowspan] colspan=[colspan] { (t) } }
        }
        Scope::Row => {
            html! { th.row-label scope="row" rowspan=[rowspan] colspan=[colspan] { (t) } }
        }
        Scope::RowGroup => {
            html! { th.row-group scope="rowgroup" rowspan=[rowspan] colspan=[colspan] { (t) } }
        }
        Scope::Title => {
            html! { th.block-title scope="colgroup" rowspan=[rowspan] colspan=[colspan] { (t) } }
        }
    }
}

/// How many grid columns the table has, and how many of them (the last ones)
/// hold values: the widest row of value cells. A row's cells cover the whole
/// width unless a cell above spans down into it, so the widest row is the width.
pub fn columns(template: &Template, table: TableId) -> (usize, usize) {
    let t = template.table(table);
    let span = |c: &GridCell| match c {
        GridCell::Head(h) => usize::from(h.colspan),
        GridCell::Data { colspan, .. } => usize::from(*colspan),
    };
    let head = t
        .head
        .iter()
        .map(|row| row.iter().map(|h| usize::from(h.colspan)).sum::<usize>());
    let body = t.body.iter().map(|row| row.iter().map(span).sum::<usize>());
    let total = head.chain(body).max().unwrap_or(0);
    let data = t
        .body
        .iter()
        .map(|row| {
            row.iter()
                .filter(|c| matches!(c, GridCell::Data { .. }))
                .map(span)
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0);
    (total, data)
}

/// One value cell of the form: a number box in its contained box, or a
/// not-applicable cell named for screen readers.
fn value_cell(template: &Template, cell: CellId, colspan: Option<u16>) -> Markup {
    let def = template.def(cell);
    if !def.kind.is_editable() {
        return html! { td.cell-na colspan=[colspan] aria-label=(def.name()) {} };
    }
    let id = def.dom_id();
    let class = if def.kind == CellKind::Total {
        "cell cell-total"
    } else {
        "cell"
    };
    // The cell's value as text, focusable and named like a text box: the
    // page's one editor input is moved over it when it takes focus.
    html! {
        td class=(class) colspan=[colspan] {
            div.box {
                span id=(id) class=(&TEXT_SELECTOR[1..]) role="textbox" tabindex="0"
                    aria-label=(def.name()) aria-invalid="false"
                    aria-describedby=(description_id(&id)) data-cell=(cell.index()) {}
            }
        }
    }
}

/// The table as an editable form, followed by its cells' (empty) descriptions.
pub fn form_table(template: &Template, table: TableId) -> String {
    let (total, data) = columns(template, table);
    let key = table.key();
    let editable = template
        .table(table)
        .cells
        .clone()
        .map(|i| &template.cells[i])
        .filter(|d| d.kind.is_editable());
    let markup = html! {
        table class={ "report-table " (key) } id={ (key) "-table" } {
            caption.sr-only { (table.name()) }
            colgroup {
                @for _ in 0..total - data { col.label-col; }
                @for _ in 0..data { col.value-col; }
            }
            (grid_rows(template, table, head_cell, |cell, colspan| value_cell(template, cell, colspan)))
        }
        // The table's one editor, moved into the cell that takes focus.
        input class=(&EDITOR_SELECTOR[1..]) hidden type="text" inputmode="decimal" autocomplete="off" spellcheck="false";
        div.cell-descriptions hidden {
            @for def in editable {
                span id=(description_id(&def.dom_id())) {}
            }
        }
    };
    markup.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::TemplateId;

    #[test]
    fn every_editable_cell_has_one_box_and_one_description() {
        for id in [TemplateId::F2019, TemplateId::F2021] {
            let template = id.get();
            for table in TableId::ALL {
                let html = form_table(template, table);
                // One form control: the editor, outside the table until a cell takes focus.
                assert_eq!(html.matches("<input").count(), 1, "{table:?}");
                assert!(html.find("<input") > html.find("</table>"), "{table:?}");
                let t = template.table(table);
                for c in t.cells.clone() {
                    let def = &template.cells[c];
                    let dom = def.dom_id();
                    if def.kind.is_editable() {
                        assert_eq!(html.matches(&format!("id=\"{dom}\"")).count(), 1, "{dom}");
                        assert_eq!(
                            html.matches(&format!("id=\"desc-{dom}\"")).count(),
                            1,
                            "{dom}"
                        );
                        assert!(
                            html.contains(&format!("aria-label=\"{}\"", def.name())),
                            "{dom}"
                        );
                    } else {
                        assert!(!html.contains(&format!("id=\"{dom}\"")), "{dom}");
                    }
                }
            }
        }
    }

    #[test]
    fn every_table_has_its_label_columns_before_its_value_columns() {
        // 表二 has no header rows (its block titles are body rows spanning the width).
        let t = TemplateId::F2021.get();
        assert_eq!(columns(t, TableId::Proactive), (4, 3));
        for id in TemplateId::ALL {
            for table in TableId::ALL {
                let (total, data) = columns(id.get(), table);
                assert!(
                    data > 0 && total >= data,
                    "{id:?} {table:?}: {total} / {data}"
                );
            }
        }
    }

    #[test]
    fn value_columns_are_the_last_and_widest_row_of_values() {
        let t = TemplateId::F2021.get();
        // 表三: three label columns, then 自然人 … 其他, 总计 (the legal persons grouped).
        let (total, data) = columns(t, TableId::Requests);
        assert_eq!(total - data, 3);
        assert_eq!(data, 7);
        let html = form_table(t, TableId::Requests);
        assert_eq!(html.matches("<col class=\"value-col\">").count(), 7);
        assert!(html.starts_with("<table class=\"report-table table3\" id=\"table3-table\">"));
    }
}
