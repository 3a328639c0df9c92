//! The unit list: what it shows (filter, search, sort) and one line per
//! unit, keyed by the unit's id — a keystroke in the search redraws no line
//! and copies no report.

use leptos::prelude::*;
use nianbao_core::collect::{Filter, Sort, Unit, FIGURES};

use crate::actions::Ws;

/// The filter, the search and the order.
#[component]
pub(super) fn ListTools(ws: Ws) -> impl IntoView {
    view! {
        <div class="collect-tools">
            <fieldset class="collect-filter">
                <legend>"显示"</legend>
                {Filter::ALL.into_iter().map(|f| view! {
                    <label>
                        <input type="radio" name="collect-filter"
                            prop:checked=move || ws.view.with(|v| v.filter == f)
                            on:change=move |_| ws.view.update(|v| v.filter = f) />
                        {f.label()}
                    </label>
                }).collect_view()}
            </fieldset>
            <label>"搜索 "
                <input type="search" id="collect-search" placeholder="机关名称或文件名"
                    on:input=move |ev| { let q = event_target_value(&ev); ws.view.update(|v| v.query = q) } />
            </label>
            <label>"排序 "
                <select id="collect-sort" on:change=move |ev| {
                    let sort = Sort::from_key(&event_target_value(&ev));
                    ws.view.update(|v| v.sort = sort)
                }>
                    {Sort::ALL.into_iter().map(|s| view! { <option value=s.key()>{s.label()}</option> }).collect_view()}
                </select>
            </label>
        </div>
        {nianbao_web::live::announce(move || {
            Some(format!("共 {} 个单位，显示 {} 个。", ws.units.with(|w| w.len()), ws.shown.with(Vec::len)))
        })}
        <p id="collect-count">
            {move || format!("共 {} 个单位，显示 {} 个。", ws.units.with(|w| w.len()), ws.shown.with(Vec::len))}
        </p>
    }
}

/// The list, a line per unit shown.
#[component]
pub(super) fn UnitList(ws: Ws) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="collect-list" id="collect-list">
                <thead>
                    <tr>
                        <th scope="col">"汇总"</th>
                        <th scope="col">"机关名称"</th>
                        <th scope="col">"年度"</th>
                        <th scope="col">"落款日期"</th>
                        <th scope="col">"期限"</th>
                        <th scope="col">"错误"</th>
                        <th scope="col">"提示"</th>
                        {FIGURES.iter().map(|f| view! { <th scope="col">{*f}</th> }).collect_view()}
                        <th scope="col">"操作"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || ws.shown.get() key=|id| id.clone() let:id>
                        {ws.units.with_untracked(|w| w.get(&id).map(|u| row(u, ws)))}
                    </For>
                </tbody>
            </table>
        </div>
    }
}

/// One unit's line (drawn once for its id: a unit's content never changes
/// under its id).
fn row(u: &Unit, ws: Ws) -> impl IntoView {
    let s = &u.summary;
    let id = u.id.clone();
    let (id1, id2, id3, id4, id5) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
    let name = u.name().to_owned();
    let class = if s.errors > 0 {
        "unit unit-error"
    } else {
        "unit"
    };
    view! {
        <tr class=class data-unit=id>
            <td><input type="checkbox" aria-label=format!("“{name}”参加合计")
                prop:checked=move || ws.excluded.with(|e| !e.contains(&id1))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    let id = id2.clone();
                    ws.excluded.update(|e| { if on { e.remove(&id); } else { e.insert(id); } });
                } /></td>
            <th scope="row">
                {name.clone()}
                <span class="unit-file">{format!("（{}）", u.file)}</span>
                {u.note.clone().map(|n| view! { <span class="unit-note">{n}</span> })}
                {u.unsure_words().map(|words| view! {
                    <span class="unit-unsure">
                        {words}
                        " "
                        <button type="button" class="link-button"
                            on:click=move |_| ws.confirming.set(Some(id5.clone()))>"确认年度和机关名称"</button>
                    </span>
                })}
            </th>
            <td class="num">{u.year_words()}</td>
            <td>{s.signed.map(|d| d.iso()).unwrap_or_default()}</td>
            <td>{u.deadline_words()}</td>
            <td class="num unit-errors">{s.errors}</td>
            <td class="num">{u.warnings_words()}</td>
            {s.figures.iter().map(|v| view! { <td class="num">{v.map(|n| n.to_string()).unwrap_or_default()}</td> }).collect_view()}
            <td class="unit-actions">
                <button type="button" class="link-button" on:click=move |_| ws.opened.set(Some(id3.clone()))>"查看"</button>
                " "
                <button type="button" class="link-button" on:click=move |_| ws.remove(id4.clone())>"移除"</button>
            </td>
        </tr>
    }
}
