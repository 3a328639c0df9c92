//! Messages about what just happened: a format conversion, a paste.

use leptos::prelude::*;

use crate::state::{Editor, Notice};

#[component]
pub fn NoticeView() -> impl IntoView {
    let editor = Editor::get();
    let close = move |_| editor.notice.set(None);
    move || {
        editor.notice.get().map(|n| {
            let (class, title, items): (&str, String, Vec<String>) =
                match n {
                    Notice::Converted { from, to, losses } => (
                        "notice notice-info",
                        format!(
                            "报告年度变更后，已从{}转换为{}。{}",
                            from.title(),
                            to.title(),
                            if losses.is_empty() {
                                "所有内容都已转入。".to_owned()
                            } else {
                                format!("以下 {} 项未能原样转入，请核对：", losses.len())
                            }
                        ),
                        losses
                            .into_iter()
                            .map(|l| {
                                if l.value.is_empty() {
                                    format!("{}：{}", l.place, l.note)
                                } else {
                                    format!("{}（原为 {}）：{}", l.place, l.value, l.note)
                                }
                            })
                            .collect(),
                    ),
                    Notice::PasteRefused(errors) => (
                        "notice notice-error",
                        "粘贴没有完成，表格没有任何改动。需要先处理的问题：".to_owned(),
                        errors.into_iter().map(|e| e.message).collect(),
                    ),
                    Notice::ImportFailed(why) => (
                        "notice notice-error",
                        "没有导入：当前草稿没有任何改动。".to_owned(),
                        vec![why],
                    ),
                    Notice::Imported(what) => ("notice notice-ok", what, Vec::new()),
                    Notice::Info(what) => ("notice notice-info", what, Vec::new()),
                    Notice::Problem(what) => ("notice notice-error", what, Vec::new()),
                    Notice::PreviousLoaded { year, filled } => (
                        "notice notice-ok",
                        format!(
                        "已导入 {year} 年度报告作为上年报告，跨年度检查（上年结转等）已启用。{}",
                        if filled.is_empty() { "没有需要结转的数字。" } else { "已填入：" }
                    ),
                        filled,
                    ),
                    Notice::Pasted { cells } => (
                        "notice notice-ok",
                        format!("已粘贴 {cells} 个单元格。如需撤回，可按 Ctrl+Z 或点“撤销”。"),
                        Vec::new(),
                    ),
                };
            view! {
                <div class=class role="status" id="notice">
                    <p class="notice-title">{title}</p>
                    {(!items.is_empty()).then(|| view! {
                        <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                    })}
                    <button type="button" class="link-button" on:click=close>"知道了"</button>
                </div>
            }
        })
    }
}
