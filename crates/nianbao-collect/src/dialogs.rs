//! The workspace's questions: which of two copies of a unit to keep, a
//! unit's year and agency to confirm, and a unit opened read-only (or as a
//! draft copy to correct). Each is a `Modal` bound to the workspace's state.

use leptos::prelude::*;
use nianbao_core::collect::Unsure;
use nianbao_core::rules::{validate, Context, Stage};

use nianbao_core::host::Request;

use crate::actions::Ws;
use nianbao_web::modal::Modal;

/// Same agency, same year: keep the one there, or the new one.
#[component]
pub(super) fn DuplicateDialog(ws: Ws) -> impl IntoView {
    let open = Signal::derive(move || ws.duplicates.with(|d| !d.is_empty()));
    view! {
        <Modal open on_close=move |_| {} labelledby="dup-title">
            <h2 id="dup-title">"有重复的单位"</h2>
            <p>"同一机关同一年度的报告已经在工作区中。请选择保留哪一份："</p>
            <ul class="dup-list">
                {move || ws.duplicates.get().into_iter().map(|d| {
                    let (a, b) = (d.clone(), d.clone());
                    view! {
                        <li>
                            {d.question()}
                            " "
                            <button type="button" on:click=move |_| ws.keep(a.clone(), false)>"保留原有的"</button>
                            " "
                            <button type="button" on:click=move |_| ws.keep(b.clone(), true)>"换成新添加的"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Modal>
    }
}

/// A unit whose year or agency was not in its file: a person says what it
/// is; only then is it compared with the others and summed.
#[component]
pub(super) fn ConfirmDialog(ws: Ws) -> impl IntoView {
    let year = NodeRef::<leptos::html::Input>::new();
    let agency = NodeRef::<leptos::html::Input>::new();
    nianbao_web::live::announce(move || ws.confirm_error.get());
    let value =
        |n: NodeRef<leptos::html::Input>| n.get_untracked().map(|i| i.value()).unwrap_or_default();
    let open = Signal::derive(move || ws.confirming.with(Option::is_some));
    let close = move || {
        ws.confirming.set(None);
        ws.confirm_error.set(None);
    };
    view! {
        <Modal open on_close=move |_| close() labelledby="confirm-title">
            <h2 id="confirm-title">"确认年度和机关名称"</h2>
            {move || ws.confirming.get().and_then(|id| ws.units.with_untracked(|w| w.get(&id).map(|u| view! {
                <p>{format!("“{}”：{}。请对照原文填写，确认后才参加合计和重复检查。", u.file,
                    u.unsure.iter().map(|x| x.words()).collect::<Vec<_>>().join("，"))}</p>
                <p><label>"报告年度 "
                    <input node_ref=year type="number" min="2008" max="2100" id="confirm-year"
                        prop:value=if u.unsure.contains(&Unsure::Year) { String::new() } else { u.report.year.to_string() } />
                </label></p>
                <p><label>"机关名称 "
                    <input node_ref=agency type="text" id="confirm-agency" prop:value=u.report.agency.name.clone() />
                </label></p>
            })))}
            {move || ws.confirm_error.get().map(|e| view! { <p class="field-error">{e}</p> })}
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| ws.confirm(&value(year), &value(agency))>"确认"</button>
                <button type="button" on:click=move |_| close()>"取消"</button>
            </div>
        </Modal>
    }
}

/// A unit, read-only: its findings and its tables; or a draft copy to correct.
#[component]
pub(super) fn UnitDialog(ws: Ws) -> impl IntoView {
    let open = Signal::derive(move || ws.opened.with(Option::is_some));
    // The tables, drawn by the file module.
    let tables = RwSignal::new(Ok::<String, String>(String::new()));
    Effect::new(move |_| {
        let Some(report) = ws.opened.get().and_then(|id| {
            ws.units
                .with_untracked(|w| w.get(&id).map(|u| u.report.clone()))
        }) else {
            return;
        };
        tables.set(Ok(String::new()));
        leptos::task::spawn_local(async move {
            tables.set(nianbao_web::files::tables_html(&report).await);
        });
    });
    let as_draft = move |_| {
        let Some(id) = ws.opened.get_untracked() else {
            return;
        };
        let opened = ws.units.with_untracked(|w| {
            w.get(&id).map(|u| {
                let words = format!("已把“{}”（{}）作为新草稿打开，可以修改。", u.name(), u.file);
                nianbao_web::host::request(&Request::OpenDraft {
                    report: nianbao_core::json::to_json(&u.report),
                    words,
                })
            })
        });
        ws.opened.set(None);
        match opened {
            Some(Err(why)) => nianbao_web::live::Live::say(&why),
            _ => {
                let _ = window().location().set_hash("");
            }
        }
    };
    view! {
        <Modal open on_close=move |_| ws.opened.set(None) labelledby="unit-title" class="dialog dialog-wide">
            {move || ws.opened.get().and_then(|id| ws.units.with_untracked(|w| w.get(&id).map(|u| {
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
                    // The core's markup, or why it could not be drawn (as text).
                    {move || match tables.get() {
                        Ok(html) => view! { <div class="rollup-tables" inner_html=html></div> }.into_any(),
                        Err(why) => view! { <p class="banner banner-warning">{why}</p> }.into_any(),
                    }}
                }
            })))}
            <div class="actions">
                <button type="button" class="primary" on:click=as_draft>"作为草稿打开以修改"</button>
                <button type="button" on:click=move |_| ws.opened.set(None)>"关闭"</button>
            </div>
        </Modal>
    }
}
