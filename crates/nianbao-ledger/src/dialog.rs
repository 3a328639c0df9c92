//! 从台账填入表三: a request ledger pasted from Excel/WPS (the clipboard's
//! table, or tab-separated text) or read from a CSV file; its columns and
//! values mapped (proposed where certain, confirmed, remembered in this
//! browser as category words only); 表三 counted and shown against the
//! draft's, each cell with the ledger rows behind it; then written as one
//! undoable step. The ledger itself lives in the file module's worker while
//! the dialog is open (`files::ledger`), is read and counted there, and is
//! never stored.

use leptos::prelude::*;
use nianbao_core::ledger::view::{compare, Change, CountView, LedgerView, Sources, ValueList};
use nianbao_core::ledger::{applicant_cols, result_rows, Choice, Role};
use nianbao_core::render::options::select_options;
use nianbao_core::template::{CellId, TableId, Template};
use nianbao_core::Report;

use nianbao_web::modal::Modal;

use crate::state::Ledger;

#[component]
pub fn LedgerDialog() -> impl IntoView {
    let l = Ledger::new();
    crate::SHOWN.set(Some(l));
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            input.set_value("");
            l.read_csv(file);
        }
    };
    let set_column = move |role, column| l.set_column(role, column);
    let set_choice = move |role, value, choice| l.set_choice(role, value, choice);
    nianbao_web::live::announce(move || l.error.get());
    nianbao_web::live::announce(move || l.info.get());
    view! {
        <Modal open=l.open labelledby="ledger-title" class="dialog dialog-wide"
            on_close=move |_| { if l.open.get_untracked() || l.view.with_untracked(Option::is_some) { l.close(); } }>
            <h2 id="ledger-title">"从台账填入表三"</h2>
            <p class="hint">
                "在 Excel 或 WPS 中选中依申请公开登记台账（包括标题行），复制后粘贴到下面的框中；或选择另存的 CSV 文件（UTF-8 或 GBK）。"
                "台账只在本页中使用，不会保存到草稿或文件中（其中可能有申请人的个人信息）；本浏览器只记住各列的选择和“公民”“信息不存在”这类类别词的对应关系。"
            </p>
            <textarea class="paste-box" id="ledger-paste" aria-label="在此粘贴台账" placeholder="在此粘贴台账（Ctrl+V）"
                on:paste=move |ev| l.paste(ev)></textarea>
            <p><label>"或选择 CSV 文件 " <input type="file" id="ledger-file" accept=".csv,.txt,text/csv" on:change=on_file /></label></p>
            <nianbao_web::busy::BusyLine />
            {move || l.error.get().map(|e| view! { <p class="field-error">{e}</p> })}
            {move || l.info.get().map(|e| view! { <p class="hint">{e}</p> })}
            {move || l.view.get().map(|v| view! {
                <p id="ledger-size">{format!("台账共 {} 行。", v.rows)}</p>
                {mapping_form(v, l.template(), set_column, set_choice)}
            })}
            {move || l.counted.get().map(|c| l.with_report(|r| preview(c, r, move |cell| l.show_sources(cell))))}
            {move || l.sources.get().map(|(cell, s)| sources_view(l.template(), cell, s))}
            <div class="actions">
                <button type="button" class="primary" id="ledger-apply" disabled=move || l.counted.with(Option::is_none)
                    on:click=move |_| l.apply()>"填入表三（可撤销）"</button>
                <button type="button" on:click=move |_| l.close()>"取消"</button>
                <button type="button" class="link-button" on:click=move |_| l.forget()>"清除记住的对应关系"</button>
            </div>
        </Modal>
    }
}

/// The columns by role, and each listed applicant and result value's choice.
fn mapping_form(
    v: LedgerView,
    template: &'static Template,
    set_column: impl Fn(Role, String) + Copy + 'static,
    set_choice: impl Fn(Role, String, Choice) + Copy + 'static,
) -> impl IntoView {
    let roles = Role::ALL.map(|role| {
        let chosen = v.mapping.columns.get(&role).cloned();
        let options = v.header.iter().map(|h| {
            let selected = chosen.as_deref() == Some(h.as_str());
            view! { <option value=h.clone() selected=selected>{h.clone()}</option> }
        }).collect_view();
        view! {
            <label class="ledger-role">{role.label()} " "
                <select aria-label=role.label() on:change=move |ev| set_column(role, event_target_value(&ev))>
                    <option value="" selected=chosen.is_none()>"（无）"</option>
                    {options}
                </select>
            </label>
        }
    });
    let choices = |role: Role, list: ValueList, options: Vec<(&'static str, String)>| {
        let mapping = v.mapping.clone();
        let rows = list.shown.into_iter().map(|(value, n)| {
            let current = mapping.choice(role, &value);
            // 60 selects of about 25 options each: inserted as markup, not
            // built option by option (a long task at 4× CPU otherwise).
            let fixed = [("", "请选择"), (Choice::Skip.as_select(), "不计入")];
            let listed = options.iter().map(|(k, label)| (*k, label.as_str()));
            let options = select_options(fixed.into_iter().chain(listed), current.as_select());
            let label = format!("“{value}”对应");
            let v2 = value.clone();
            view! {
                <tr>
                    <th scope="row">{value} <span class="hint">{format!("（{n} 行）")}</span></th>
                    <td>
                        <select aria-label=label inner_html=options
                            on:change=move |ev| set_choice(role, v2.clone(), Choice::from_select(&event_target_value(&ev)))>
                        </select>
                    </td>
                </tr>
            }
        }).collect_view();
        let more = (list.more_values > 0).then(|| view! {
            <tr><td colspan="2" class="hint">{format!(
                "另有 {} 个不同的写法（共 {} 行）没有列出：其中能确定类别的已自动对应，其余不计入并列在下面。可在台账中统一写法后重新粘贴。",
                list.more_values, list.more_rows
            )}</td></tr>
        });
        view! { {rows} {more} }
    };
    view! {
        <fieldset class="ledger-map">
            <legend>"各列是什么（已按标题建议，请核对）"</legend>
            {roles.into_iter().collect_view()}
        </fieldset>
        <div class="ledger-values">
            <table class="ledger-values-table" id="ledger-applicants">
                <caption>"申请人类型对应表三的哪一列"</caption>
                <tbody>{choices(Role::Applicant, v.applicants.clone(), applicant_cols(template))}</tbody>
            </table>
            <table class="ledger-values-table" id="ledger-results">
                <caption>"办理结果对应表三的哪一行"</caption>
                <tbody>{choices(Role::Result, v.results.clone(), result_rows(template))}</tbody>
            </table>
        </div>
    }
}

/// A preview cell: the cell, its count, how it compares with the draft.
type PreviewCell = (CellId, i64, Change);

fn class_of(c: Change) -> &'static str {
    match c {
        Change::Same => "ledger-same",
        Change::Different => "ledger-changed",
        Change::New => "ledger-new",
    }
}

/// 表三 as counted beside the draft's: each cell same / different / new, its
/// ledger rows on click; the rows not counted, with the reason.
fn preview(
    c: CountView,
    report: &Report,
    show_sources: impl Fn(CellId) + Copy + 'static,
) -> impl IntoView {
    let template = report.template();
    let cells = c.cells();
    let (changes, [same, changed, new]) = compare(report, &cells);
    let mut rows: Vec<(String, Vec<PreviewCell>)> = Vec::new();
    for ((cell, v), change) in cells.into_iter().zip(changes) {
        let d = template.def(cell);
        match rows.last_mut() {
            Some((label, list)) if *label == d.row_label => list.push((cell, v, change)),
            _ => rows.push((d.row_label.clone(), vec![(cell, v, change)])),
        }
    }
    let heads: Vec<String> = template
        .table_cells(TableId::Requests)
        .take(rows.first().map_or(0, |r| r.1.len()))
        .map(|c| template.def(c).col_label.clone())
        .collect();
    let more = c.skipped.saturating_sub(c.skipped_shown.len());
    view! {
        <h3>"预览"</h3>
        <p id="ledger-summary">{format!("与当前草稿相比：{same} 格相同，{changed} 格不同，{new} 格原为空。点一个数字可以看到它来自台账的哪些行。")}</p>
        <div class="table-scroll">
            <table class="ledger-preview" id="ledger-preview">
                <thead><tr><th scope="col">"项目"</th>{heads.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|(label, cells)| view! {
                        <tr>
                            <th scope="row">{label}</th>
                            {cells.into_iter().map(|(cell, v, change)| view! {
                                <td class=class_of(change)>
                                    <button type="button" class="link-button" aria-label=format!("{}：{v}", template.def(cell).name())
                                        on:click=move |_| show_sources(cell)>{v}</button>
                                </td>
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(c.skipped > 0).then(|| view! {
            <details class="ledger-skipped" open>
                <summary>{format!("没有计入的 {} 行", c.skipped)}</summary>
                <ul id="ledger-skipped">
                    {c.skipped_shown.into_iter().map(|(i, why)| view! { <li>{format!("第 {i} 行：{why}")}</li> }).collect_view()}
                </ul>
                {(more > 0).then(|| view! { <p class="hint">{format!("……另有 {more} 行没有列出。")}</p> })}
            </details>
        })}
    }
}

/// The ledger rows behind one cell.
fn sources_view(template: &Template, cell: CellId, s: Sources) -> impl IntoView {
    let name = template.def(cell).name();
    let more = s.total.saturating_sub(s.rows.len());
    view! {
        <div class="ledger-sources" id="ledger-sources" role="region" aria-label="来源行">
            <p>{format!("表三“{name}”的 {} 件来自台账的：", s.total)}</p>
            <ul>{s.rows.into_iter().map(|(i, row)| view! { <li>{format!("第 {i} 行：{row}")}</li> }).collect_view()}</ul>
            {(more > 0).then(|| view! { <p class="hint">{format!("……另有 {more} 行没有列出。")}</p> })}
        </div>
    }
}
