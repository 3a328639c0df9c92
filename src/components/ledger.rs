//! 从台账填入表三: a request ledger pasted from Excel/WPS (the clipboard's
//! table, or tab-separated text) or read from a CSV file (UTF-8 or GBK); its
//! columns and values mapped (proposed, confirmed, remembered in this
//! browser); 表三 counted and shown against the draft's, each cell with the
//! ledger rows behind it; then written as one undoable step. The ledger itself
//! is never stored.

use leptos::html::Dialog;
use leptos::prelude::*;
use nianbao_core::ledger::{
    applicant_cols, count, propose, result_rows, Counted, Ledger, Mapping, Role,
};
use nianbao_core::template::{CellId, TableId};

use crate::session::Session;
use crate::state::{Editor, Notice};

/// The setting that remembers the last mapping.
const REMEMBERED: &str = "ledger-mapping";

/// The remembered mapping, kept where it still fits this ledger.
fn merged(proposed: Mapping, remembered: Option<Mapping>, ledger: &Ledger) -> Mapping {
    let Some(r) = remembered else { return proposed };
    let mut m = proposed;
    for (role, name) in r.columns {
        if ledger.header.contains(&name) {
            m.columns.insert(role, name);
        }
    }
    m.applicants.extend(r.applicants);
    m.results.extend(r.results);
    m
}

/// Text read as UTF-8, or else as GB18030 (GBK) by the browser's decoder.
fn decode(bytes: &[u8]) -> Option<String> {
    if let Ok(t) = std::str::from_utf8(bytes) {
        return Some(t.to_owned());
    }
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    web_sys::TextDecoder::new_with_label_and_options("gb18030", &options)
        .and_then(|d| d.decode_with_u8_array(bytes))
        .ok()
}

#[component]
pub fn LedgerDialog(dialog: NodeRef<Dialog>) -> impl IntoView {
    let editor = Editor::get();
    let session = expect_context::<Session>();
    let ledger = RwSignal::new(None::<Ledger>);
    let mapping = RwSignal::new(Mapping::default());
    let error = RwSignal::new(None::<String>);
    let source = RwSignal::new(None::<CellId>);

    let load = move |l: Ledger| {
        if l.rows.is_empty() {
            error.set(Some(
                "没有读到台账的行：请复制包括标题行在内的整个表格。".to_owned(),
            ));
            return;
        }
        error.set(None);
        let template = editor.template.get_untracked().get();
        let remembered = session
            .setting(REMEMBERED)
            .and_then(|s| Mapping::from_text(&s));
        mapping.set(merged(propose(template, &l), remembered, &l));
        source.set(None);
        ledger.set(Some(l));
    };
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let Some(data) = ev.clipboard_data() else {
            return;
        };
        ev.prevent_default();
        let html = data.get_data("text/html").unwrap_or_default();
        let rows: Option<Vec<Vec<String>>> = crate::clipboard::table_block(&html).map(|b| {
            b.into_iter()
                .map(|r| r.into_iter().map(|c| c.text).collect())
                .collect()
        });
        match rows {
            Some(rows) => load(Ledger::from_rows(rows)),
            None => load(Ledger::from_tsv(
                &data.get_data("text/plain").unwrap_or_default(),
            )),
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
                error.set(Some(format!("无法读取文件“{}”。", file.name())));
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            match decode(&bytes).map(|t| Ledger::from_csv(&t)) {
                Some(Ok(l)) => load(l),
                Some(Err(why)) => error.set(Some(why)),
                None => error.set(Some(format!(
                    "“{}”既不是 UTF-8 也不是 GBK 编码的文字，无法读取。请在 Excel 或 WPS 中另存为 CSV 后再试。",
                    file.name()
                ))),
            }
        });
    };

    let counted = Memo::new(move |_| {
        let template = editor.template.get().get();
        let year = editor.with_fields(|r| r.year);
        ledger.with(|l| {
            l.as_ref()
                .map(|l| mapping.with(|m| count(template, year, l, m)))
        })
    });

    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let apply = move |_| {
        let Some(c) = counted.get_untracked() else {
            return;
        };
        let n = c.values.len();
        editor.edit(None, move |r| {
            for (cell, v) in &c.values {
                r.set(*cell, Some(*v));
            }
        });
        session.set_setting(REMEMBERED, &mapping.with_untracked(Mapping::to_text));
        editor.notice.set(Some(Notice::Info(format!(
            "已按台账填入表三的 {n} 个单元格（可撤销）。台账本身没有保存。"
        ))));
        // The ledger may hold personal data: it leaves with the dialog.
        ledger.set(None);
        close();
    };

    view! {
        <dialog node_ref=dialog class="dialog dialog-wide" aria-labelledby="ledger-title">
            <h2 id="ledger-title">"从台账填入表三"</h2>
            <p class="hint">
                "在 Excel 或 WPS 中选中依申请公开登记台账（包括标题行），复制后粘贴到下面的框中；或选择另存的 CSV 文件（UTF-8 或 GBK）。"
                "台账只在本页中使用，不会保存到草稿或文件中（其中可能有申请人的个人信息）。"
            </p>
            <textarea class="paste-box" id="ledger-paste" aria-label="在此粘贴台账" placeholder="在此粘贴台账（Ctrl+V）"
                on:paste=on_paste></textarea>
            <p><label>"或选择 CSV 文件 " <input type="file" id="ledger-file" accept=".csv,.txt,text/csv" on:change=on_file /></label></p>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            {move || ledger.get().map(|l| view! {
                <p id="ledger-size">{format!("台账共 {} 行。", l.rows.len())}</p>
                <MappingForm ledger=l mapping />
            })}
            {move || counted.get().map(|c| preview(c, source, ledger))}
            <div class="actions">
                <button type="button" class="primary" id="ledger-apply" disabled=move || counted.with(Option::is_none)
                    on:click=apply>"填入表三（可撤销）"</button>
                <button type="button" on:click=move |_| { ledger.set(None); close(); }>"取消"</button>
            </div>
        </dialog>
    }
}

/// The columns by role, and each applicant and result value's category.
#[component]
fn MappingForm(ledger: Ledger, mapping: RwSignal<Mapping>) -> impl IntoView {
    let editor = Editor::get();
    let template = editor.template.get_untracked().get();
    let header = ledger.header.clone();
    let column_of = move |role: Role| mapping.with(|m| m.columns.get(&role).cloned());
    let roles = Role::ALL.map(|role| {
        let header = header.clone();
        view! {
            <label class="ledger-role">{role.label()} " "
                <select aria-label=role.label() on:change=move |ev| {
                    let v = event_target_value(&ev);
                    mapping.update(|m| { if v.is_empty() { m.columns.remove(&role); } else { m.columns.insert(role, v); } });
                }>
                    <option value="" selected=move || column_of(role).is_none()>"（无）"</option>
                    {header.iter().map(|h| {
                        let h1 = h.clone();
                        let h2 = h.clone();
                        let h = h.clone();
                        view! { <option value=h1 selected=move || column_of(role).as_deref() == Some(h2.as_str())>{h}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    });
    let ledger2 = ledger.clone();
    let values = move |role: Role| {
        let col = column_of(role).and_then(|c| ledger.header.iter().position(|h| *h == c));
        col.map(|c| ledger.values(c)).unwrap_or_default()
    };
    let values2 = move |role: Role| {
        let col = column_of(role).and_then(|c| ledger2.header.iter().position(|h| *h == c));
        col.map(|c| ledger2.values(c)).unwrap_or_default()
    };
    let choice = move |kind: Role, value: String, options: Vec<(&'static str, String)>| {
        let v1 = value.clone();
        let current = move || {
            mapping.with(|m| {
                let map = if kind == Role::Applicant {
                    &m.applicants
                } else {
                    &m.results
                };
                map.get(&v1).cloned()
            })
        };
        let v2 = value.clone();
        view! {
            <tr>
                <th scope="row">{value.clone()}</th>
                <td>
                    <select aria-label=format!("“{value}”对应") on:change=move |ev| {
                        let sel = event_target_value(&ev);
                        let v = v2.clone();
                        mapping.update(|m| {
                            let map = if kind == Role::Applicant { &mut m.applicants } else { &mut m.results };
                            match sel.as_str() {
                                "" => { map.remove(&v); }
                                "-" => { map.insert(v, None); }
                                k => { map.insert(v, Some(k.to_owned())); }
                            }
                        });
                    }>
                        <option value="" selected={let c = current.clone(); move || c().is_none()}>"请选择"</option>
                        <option value="-" selected={let c = current.clone(); move || c() == Some(None)}>"不计入"</option>
                        {options.into_iter().map(|(k, label)| {
                            let c = current.clone();
                            view! { <option value=k selected=move || c() == Some(Some(k.to_owned()))>{label}</option> }
                        }).collect_view()}
                    </select>
                </td>
            </tr>
        }
    };
    view! {
        <fieldset class="ledger-map">
            <legend>"各列是什么（已按标题建议，请核对）"</legend>
            {roles.into_iter().collect_view()}
        </fieldset>
        <div class="ledger-values">
            <table class="ledger-values-table" id="ledger-applicants">
                <caption>"申请人类型对应表三的哪一列"</caption>
                <tbody>{move || values(Role::Applicant).into_iter().map(|v| choice(Role::Applicant, v, applicant_cols(template))).collect_view()}</tbody>
            </table>
            <table class="ledger-values-table" id="ledger-results">
                <caption>"办理结果对应表三的哪一行"</caption>
                <tbody>{move || values2(Role::Result).into_iter().map(|v| choice(Role::Result, v, result_rows(template))).collect_view()}</tbody>
            </table>
        </div>
    }
}

/// A preview cell: the cell, its count, how it compares (a CSS class).
type PreviewCell = (CellId, i64, &'static str);

/// 表三 as counted beside the draft's: each cell same / different / new, its
/// ledger rows on click; the rows not counted, with the reason.
fn preview(
    c: Counted,
    source: RwSignal<Option<CellId>>,
    ledger: RwSignal<Option<Ledger>>,
) -> impl IntoView {
    let editor = Editor::get();
    let template = editor.template.get_untracked().get();
    let report = editor.report.get_untracked();
    let (mut same, mut changed, mut new) = (0, 0, 0);
    let mut rows: Vec<(String, Vec<PreviewCell>)> = Vec::new();
    for (cell, v) in &c.values {
        let d = template.def(*cell);
        let class = match report.get(*cell) {
            None => {
                new += 1;
                "ledger-new"
            }
            Some(now) if now == *v => {
                same += 1;
                "ledger-same"
            }
            Some(_) => {
                changed += 1;
                "ledger-changed"
            }
        };
        match rows.last_mut() {
            Some((label, cells)) if *label == d.row_label => cells.push((*cell, *v, class)),
            _ => rows.push((d.row_label.clone(), vec![(*cell, *v, class)])),
        }
    }
    let heads: Vec<String> = template
        .table_cells(TableId::Requests)
        .take(rows.first().map_or(0, |r| r.1.len()))
        .map(|c| template.def(c).col_label.clone())
        .collect();
    let sources = c.sources.clone();
    let skipped = c.skipped.clone();
    let shown_rows = move || {
        source.get().map(|cell| {
            let list = sources.get(&cell).cloned().unwrap_or_default();
            let name = template.def(cell).name();
            let lines: Vec<String> = ledger.with_untracked(|l| {
                l.as_ref()
                    .map(|l| {
                        list.iter()
                            .map(|i| format!("第 {} 行：{}", i + 1, l.rows[*i].join(" | ")))
                            .collect()
                    })
                    .unwrap_or_default()
            });
            view! {
                <div class="ledger-sources" id="ledger-sources" role="region" aria-label="来源行">
                    <p>{format!("表三“{name}”的 {} 件来自台账的：", lines.len())}</p>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </div>
            }
        })
    };
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
                            {cells.into_iter().map(|(cell, v, class)| view! {
                                <td class=class>
                                    <button type="button" class="link-button" aria-label=format!("{}：{v}", template.def(cell).name())
                                        on:click=move |_| source.set(Some(cell))>{v}</button>
                                </td>
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {shown_rows}
        {(!skipped.is_empty()).then(|| view! {
            <details class="ledger-skipped" open>
                <summary>{format!("没有计入的 {} 行", skipped.len())}</summary>
                <ul id="ledger-skipped">
                    {skipped.into_iter().map(|(i, why)| view! { <li>{format!("第 {} 行：{why}", i + 1)}</li> }).collect_view()}
                </ul>
            </details>
        })}
    }
}
