//! The error summary (GOV.UK pattern) and 发布前检查清单, as the editor drew
//! them: the same ids, words and order, so what was said of the page holds.

use leptos::prelude::*;
use nianbao_core::host::Request;
use nianbao_core::rules::checklist::checklist;
use nianbao_core::rules::counts_explained;
use nianbao_web::findings::{item, Acts};
use nianbao_web::host::request;
use nianbao_web::live::Live;

use crate::Shown;

/// What 检查 (or an export) found, kept up to date from then on; nothing
/// before it (findings show at their cells, under their table and beside
/// the section heading: a list growing and shrinking above the form while
/// someone types would move the whole page under their hands).
pub fn error_summary(shown: Shown) -> impl IntoView {
    move || {
        shown.checked.with(|checked| {
            let checked = checked.as_ref()?;
            let found = &checked.findings;
            if found.is_empty() {
                return Some(
                    view! {
                        <div class="check-ok" id="error-summary" tabindex="-1">
                            <h2 class="summary-title">"检查完成：没有发现问题"</h2>
                            {list(shown)}
                        </div>
                    }
                    .into_any(),
                );
            }
            let (errors, warnings, explained) = counts_explained(found, &checked.report);
            let template = shown.template();
            let sums = found.iter().filter_map(|f| f.recomputable_total(template)).count();
            let items = found.iter().map(|f| item(shown, f)).collect_view();
            Some(
                view! {
                    <div class="error-summary" id="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
                        <h2 class="summary-title" id="error-summary-title">
                            {format!("有 {} 个问题需要处理", found.len())}
                        </h2>
                        <p class="summary-counts">{format!(
                            "{errors} 个错误，{warnings} 个提示{}。点击一项可跳到对应位置；提示可以说明原因。",
                            if explained > 0 { format!("（其中 {explained} 个已说明原因）") } else { String::new() }
                        )}</p>
                        {(sums > 1).then(|| view! {
                            <p>
                                <button type="button" on:click=move |_| shown.replace(Vec::new())>
                                    {format!("全部用计算值替换（{sums} 个合计）")}
                                </button>
                            </p>
                        })}
                        <ul class="finding-list">{items}</ul>
                        {list(shown)}
                    </div>
                }
                .into_any(),
            )
        })
    }
}

/// The list before publishing (six sections, tables, 信息处理费, date, year,
/// findings resolved or explained), read off the export-stage findings.
fn list(shown: Shown) -> impl IntoView {
    let items = Memo::new(move |_| {
        shown.checked.with(|c| {
            c.as_ref()
                .map(|c| checklist(&c.report, &c.findings))
                .unwrap_or_default()
        })
    });
    let download = move |_| {
        if let Err(why) = request(&Request::CheckReport) {
            Live::say(&why);
        }
    };
    view! {
        <div class="checklist">
            <h3 class="checklist-title">"发布前检查清单"</h3>
            <ul id="checklist">
                {move || items.get().into_iter().map(|i| view! {
                    <li class=if i.ok { "check-item check-done" } else { "check-item check-open" }>
                        <span aria-hidden="true">{if i.ok { "✓ " } else { "✗ " }}</span>
                        <span class="sr-only">{if i.ok { "已完成：" } else { "未完成：" }}</span>
                        {i.label}
                        {(!i.detail.is_empty()).then(|| format!("：{}", i.detail))}
                    </li>
                }).collect_view()}
            </ul>
            <p>
                <button type="button" id="download-check-report" on:click=download>
                    "下载体检报告"
                </button>
                " 列出全部问题、两边的数值和说明的原因，可打印或随报告报送。"
            </p>
        </div>
    }
}
