//! The derived indicators (spec §8.11) with their formulas and both
//! figures, and 表三 / 表四 beside last year's — figures to read, not rules.
//! A figure is a link to its first cell.

use leptos::prelude::*;
use nianbao_core::draft::{compare, indicators, Change, Figure};
use nianbao_web::modal::Modal;

/// A figure as a button that takes the person to its first cell.
fn figure(f: Option<Figure>, template: &'static nianbao_core::template::Template) -> AnyView {
    let Some(f) = f else {
        return view! { <span>"未填"</span> }.into_any();
    };
    let Some(first) = f.cells.first() else {
        return view! { <span>{f.value}</span> }.into_any();
    };
    let id = template.def(*first).dom_id();
    let close = crate::shown().figures;
    view! {
        <button type="button" class="link-button" title="到这个数字所在的单元格" on:click=move |_| {
            close.set(false);
            let id = id.clone();
            request_animation_frame(move || nianbao_web::page::focus_id(&id));
        }>{f.value}</button>
    }
    .into_any()
}

#[component]
pub fn FiguresDialog() -> impl IntoView {
    let shown = crate::shown();
    let close = move || shown.figures.set(false);
    let rows = move || {
        shown.sent.with(|s| {
            let s = s.as_ref()?;
            let t = s.report.template();
            Some(
                indicators(&s.report)
                    .into_iter()
                    .map(|i| {
                        view! {
                            <tr>
                                <th scope="row">{i.name}</th>
                                <td>{i.formula}</td>
                                <td class="num">{figure(i.numerator, t)}</td>
                                <td class="num">{figure(i.denominator, t)}</td>
                                <td class="num"><strong>{i.rate}</strong></td>
                            </tr>
                        }
                    })
                    .collect_view(),
            )
        })
    };
    let compared = move || {
        shown.sent.with(|s| {
            let s = s.as_ref()?;
            let Some(last) = &s.previous else {
                return Some(view! {
                    <p class="hint">"导入上年报告（工具栏“导入上年报告”）后，这里列出表三、表四每个数字与上年的比较。"</p>
                }.into_any());
            };
            let t = s.report.template();
            let rows = compare(&s.report, last).into_iter().map(|c| {
                let change = match c.change {
                    Change::Unknown => "—".to_owned(),
                    Change::Same => "持平".to_owned(),
                    Change::By(_, words) => words.trim_start_matches("较上年").to_owned(),
                };
                view! {
                    <tr>
                        <td>{c.table}</td>
                        <th scope="row">{c.name}</th>
                        <td class="num">{c.last.map_or_else(|| "未填".to_owned(), |v| v.to_string())}</td>
                        <td class="num">{figure(c.now, t)}</td>
                        <td>{change}</td>
                    </tr>
                }
            }).collect_view();
            Some(view! {
                <table class="compare-table" id="compare-table">
                    <caption>{format!("与上年（{}年度）比较", last.year)}</caption>
                    <thead><tr><th scope="col">"表"</th><th scope="col">"项目"</th><th scope="col">"上年"</th><th scope="col">"本年"</th><th scope="col">"变化"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }.into_any())
        })
    };
    view! {
        <Modal open=shown.figures on_close=move |_| close() labelledby="figures-title" class="dialog compose">
            <h2 id="figures-title">"派生指标与上年对比"</h2>
            <p class="hint">"按表三、表四的总计计算，比率保留一位小数；分母为 0 时显示“—”。这些指标供核对和说明使用，不是检查规则。点数字可到它所在的单元格。"</p>
            <table class="indicator-table" id="indicator-table">
                <caption>"派生指标"</caption>
                <thead><tr><th scope="col">"指标"</th><th scope="col">"计算方法"</th><th scope="col">"分子"</th><th scope="col">"分母"</th><th scope="col">"数值"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {compared}
            <div class="actions">
                <button type="button" on:click=move |_| close()>"关闭"</button>
            </div>
        </Modal>
    }
}
