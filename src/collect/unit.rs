//! One unit in the list (its line), and a unit opened read-only with its
//! findings and tables, or as a draft copy to correct.

use leptos::prelude::*;
use nianbao_core::rules::{validate, Context, Stage};

use super::{display_name, Unit};
use crate::session::Session;
use crate::state::{Editor, Notice};

pub(super) fn row(
    u: Unit,
    excluded: RwSignal<std::collections::HashSet<String>>,
    opened: RwSignal<Option<Unit>>,
    dialog: NodeRef<leptos::html::Dialog>,
    remove: impl Fn(String) + Copy + 'static,
    ask_confirm: impl Fn(Unit) + Copy + 'static,
) -> impl IntoView {
    let s = u.summary.clone();
    let id = u.id.clone();
    let id1 = id.clone();
    let id2 = id.clone();
    let id3 = id.clone();
    let name = display_name(&u);
    // A stand-in year is not shown as the unit's year, nor judged late.
    let year_unsure = u.unsure.contains(&nianbao_core::collect::Unsure::Year);
    let year = if year_unsure {
        "未确认".to_owned()
    } else {
        s.year.to_string()
    };
    let deadline = match (s.late, s.deadline) {
        _ if year_unsure => "—".to_owned(),
        (true, _) => "逾期".to_owned(),
        (false, Some(_)) if s.signed.is_some() => "按期".to_owned(),
        (false, _) => "未签发".to_owned(),
    };
    let open = u.clone();
    let to_confirm = u.clone();
    let unsure: Vec<&str> = u.unsure.iter().map(|x| x.words()).collect();
    let class = if s.errors > 0 {
        "unit unit-error"
    } else {
        "unit"
    };
    view! {
        <tr class=class data-unit=id.clone()>
            <td><input type="checkbox" aria-label=format!("“{name}”参加合计")
                prop:checked=move || excluded.with(|e| !e.contains(&id1))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    let id = id2.clone();
                    excluded.update(|e| { if on { e.remove(&id); } else { e.insert(id); } });
                } /></td>
            <th scope="row">
                {name.clone()}
                <span class="unit-file">{format!("（{}）", u.file)}</span>
                {u.note.clone().map(|n| view! { <span class="unit-note">{n}</span> })}
                {(!unsure.is_empty()).then(|| view! {
                    <span class="unit-unsure">
                        {format!("需要确认：{}。确认前不参加合计和重复检查。", unsure.join("，"))}
                        " "
                        <button type="button" class="link-button" on:click=move |_| ask_confirm(to_confirm.clone())>"确认年度和机关名称"</button>
                    </span>
                })}
            </th>
            <td class="num">{year}</td>
            <td>{s.signed.map(|d| d.iso()).unwrap_or_default()}</td>
            <td>{deadline}</td>
            <td class="num unit-errors">{s.errors}</td>
            <td class="num">{if s.explained > 0 { format!("{}（已说明 {}）", s.warnings, s.explained) } else { s.warnings.to_string() }}</td>
            {s.figures.iter().map(|v| view! { <td class="num">{v.map(|n| n.to_string()).unwrap_or_default()}</td> }).collect_view()}
            <td class="unit-actions">
                <button type="button" class="link-button" on:click=move |_| {
                    opened.set(Some(open.clone()));
                    if let Some(d) = dialog.get_untracked() { let _ = d.show_modal(); }
                }>"查看"</button>
                " "
                <button type="button" class="link-button" on:click=move |_| remove(id3.clone())>"移除"</button>
            </td>
        </tr>
    }
}

/// A unit, read-only: its findings and its tables; or a draft copy to correct.
#[component]
pub(super) fn UnitDialog(
    dialog: NodeRef<leptos::html::Dialog>,
    opened: RwSignal<Option<Unit>>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let editor = Editor::get();
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    // The tables, drawn by the file module.
    let tables = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(u) = opened.get() {
            tables.set(String::new());
            leptos::task::spawn_local(async move {
                let html = crate::files::tables_html(&u.report)
                    .await
                    .unwrap_or_else(|why| format!("<p>{}</p>", why.replace('<', "&lt;")));
                tables.set(html);
            });
        }
    });
    let as_draft = move |_| {
        if let Some(u) = opened.get_untracked() {
            session.new_draft(u.report.clone());
            editor.notice.set(Some(Notice::Imported(format!(
                "已把“{}”（{}）作为新草稿打开，可以修改。",
                display_name(&u),
                u.file
            ))));
            close();
            let _ = window().location().set_hash("");
        }
    };
    view! {
        <dialog node_ref=dialog class="dialog dialog-wide" aria-labelledby="unit-title">
            {move || opened.get().map(|u| {
                let findings = validate(&u.report, &Context { stage: Stage::Export, previous: None });
                view! {
                    <h2 id="unit-title">{format!("{}（只读）", u.report.title())}</h2>
                    <p>{format!("来自“{}”。{} 个错误，{} 个提示。", u.file, u.summary.errors, u.summary.warnings)}</p>
                    <ul class="finding-list">
                        {findings.into_iter().map(|f| view! {
                            <li class=if f.severity == nianbao_core::Severity::Error { "finding finding-error" } else { "finding finding-warning" }>
                                {format!("{} {}（{}）", f.severity.label(), f.message, f.rule.code())}
                            </li>
                        }).collect_view()}
                    </ul>
                    <div class="rollup-tables" inner_html=move || tables.get()></div>
                }
            })}
            <div class="actions">
                <button type="button" class="primary" on:click=as_draft>"作为草稿打开以修改"</button>
                <button type="button" on:click=move |_| close()>"关闭"</button>
            </div>
        </dialog>
    }
}
