//! A statistical table drawn from its template: the official merged headers
//! (rowspan/colspan as published), row labels, and a value cell per data cell.

use leptos::prelude::*;
use nianbao_core::template::{GridCell, HeadCell, Scope, TableId, Template};

use super::cell::CellInput;
use super::findings::TableFindings;
use crate::state::Editor;

fn head_cell(h: &HeadCell) -> AnyView {
    let (rowspan, colspan, text) = (h.rowspan, h.colspan, h.text);
    if text.is_empty() {
        // The blank header over a not-applicable column heads nothing.
        return view! { <td class="blank-head" rowspan=rowspan colspan=colspan></td> }.into_any();
    }
    match h.scope {
        Scope::Corner => view! { <td class="corner" rowspan=rowspan colspan=colspan>{text}</td> }.into_any(),
        Scope::Col => view! { <th scope="col" rowspan=rowspan colspan=colspan>{text}</th> }.into_any(),
        Scope::ColGroup => view! { <th scope="colgroup" rowspan=rowspan colspan=colspan>{text}</th> }.into_any(),
        Scope::Row => view! { <th scope="row" class="row-label" rowspan=rowspan colspan=colspan>{text}</th> }.into_any(),
        Scope::RowGroup => view! { <th scope="rowgroup" class="row-group" rowspan=rowspan colspan=colspan>{text}</th> }.into_any(),
        Scope::Title => view! { <th scope="colgroup" class="block-title" rowspan=rowspan colspan=colspan>{text}</th> }.into_any(),
    }
}

fn grid_cell(template: &'static Template, cell: &GridCell) -> AnyView {
    match cell {
        GridCell::Head(h) => head_cell(h),
        GridCell::Data { cell, colspan } => {
            let def = template.def(*cell);
            if def.kind.is_editable() {
                view! { <CellInput template cell=*cell colspan=*colspan /> }.into_any()
            } else {
                view! { <td class="cell-na" colspan=*colspan aria-label=def.name()></td> }
                    .into_any()
            }
        }
    }
}

#[component]
pub fn TableEditor(table: TableId) -> impl IntoView {
    let editor = Editor::get();
    let body = move || {
        let template: &'static Template = editor.template.get().get();
        let t = template.table(table);
        let head = t
            .head
            .iter()
            .map(|row| view! { <tr>{row.iter().map(head_cell).collect_view()}</tr> })
            .collect_view();
        let rows = t
            .body
            .iter()
            .map(|row| {
                view! { <tr>{row.iter().map(|c| grid_cell(template, c)).collect_view()}</tr> }
            })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class=format!("report-table {}", table.key()) id=format!("{}-table", table.key())>
                    <caption class="sr-only">{table.name()}</caption>
                    <thead>{head}</thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    };
    view! {
        {body}
        <TableFindings table />
    }
}
