//! Messages about what just happened: a format conversion, a paste.

use leptos::prelude::*;

use nianbao_core::cell::format_value;
use nianbao_core::edit::structured::Placed;

use crate::state::{Editor, Notice};

#[component]
pub fn NoticeView() -> impl IntoView {
    let editor = Editor::get();
    let close = move |_| editor.notice.set(None);
    move || {
        editor.notice.get().map(|n| {
            let Some((class, title, items)) = n.words() else {
                return view! { <PasteAskView /> }.into_any();
            };
            say(&title, &items);
            view! {
                <div class=class id="notice">
                    <p class="notice-title">{title}</p>
                    {(!items.is_empty()).then(|| view! {
                        <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                    })}
                    <button type="button" class="link-button" on:click=close>"知道了"</button>
                </div>
            }
            .into_any()
        })
    }
}

/// Up to four cells of a reading, in words: “一、… 自然人”填 1.
fn preview(placed: &Placed) -> String {
    let template = Editor::get().template.get_untracked().get();
    let shown: Vec<String> = placed
        .plan
        .iter()
        .take(4)
        .map(|(c, v)| {
            let def = template.def(*c);
            let v = v
                .map(|v| format_value(v, def.kind))
                .unwrap_or_else(|| "空".to_owned());
            format!("“{}”填 {v}", def.name())
        })
        .collect();
    let more = placed.plan.len().saturating_sub(4);
    format!(
        "{}{}",
        shown.join("，"),
        if more > 0 {
            format!("……共 {} 格", placed.plan.len())
        } else {
            String::new()
        }
    )
}

/// One column of plain values: nothing is written until the person picks a direction.
#[component]
fn PasteAskView() -> impl IntoView {
    let editor = Editor::get();
    let Some(Notice::PasteAsk {
        values,
        down,
        across,
    }) = editor.notice.get_untracked()
    else {
        return ().into_any();
    };
    // The question shows where the person is (fixed at the bottom) and takes focus.
    request_animation_frame(|| {
        if let Some(b) = document()
            .query_selector("#notice.paste-ask button")
            .ok()
            .flatten()
            .and_then(|e| {
                leptos::wasm_bindgen::JsCast::dyn_into::<leptos::web_sys::HtmlElement>(e).ok()
            })
        {
            let _ = b.focus();
        }
    });
    let choose = move |p: Placed| {
        move |_| {
            editor.notice.set(None);
            editor.apply_paste(p.clone());
        }
    };
    view! {
        <div class="notice notice-info paste-ask" role="alertdialog" id="notice" aria-labelledby="paste-ask-title">
            <p class="notice-title" id="paste-ask-title">{format!(
                "粘贴的是一列 {values} 个数字（从网页复制的一行也常是这样）。请选择填入的方向，确认前表格不会改动："
            )}</p>
            <ul>
                {down.as_ref().map(|p| view! { <li>{format!("按列填入（向下）：{}", preview(p))}</li> })}
                {across.as_ref().map(|p| view! { <li>{format!("按行填入（向右）：{}", preview(p))}</li> })}
            </ul>
            <div class="actions">
                {down.map(|p| view! { <button type="button" class="primary" on:click=choose(p)>"按列填入"</button> })}
                {across.map(|p| view! { <button type="button" on:click=choose(p)>"按行填入"</button> })}
                <button type="button" on:click=move |_| editor.notice.set(None)>"取消"</button>
            </div>
        </div>
    }
    .into_any()
}

/// A notice said in the live region with its first items: the reason is
/// often there.
fn say(title: &str, items: &[String]) {
    let said: Vec<&str> = std::iter::once(title)
        .chain(items.iter().take(3).map(String::as_str))
        .collect();
    super::live::Live::say(&said.join(" "));
}
