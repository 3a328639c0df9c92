//! The roll-up as the workspace shows it: the rules it breaks with the units
//! that break them, its tables, and where it can go (JSON, the open draft).

use leptos::prelude::*;
use nianbao_core::host::Request;
use nianbao_core::json::to_json;

use nianbao_web::download::{download, file_name};
use nianbao_web::files::RolledUp;

pub(super) fn rollup_view(r: Result<RolledUp, String>) -> AnyView {
    let refused = RwSignal::new(None::<String>);
    let up = match r {
        Err(why) => {
            return {
                nianbao_web::live::Live::say(&why);
                view! { <p class="banner banner-warning" id="rollup-title" tabindex="-1">{why}</p> }
                    .into_any()
            }
        }
        Ok(r) => r,
    };
    let tables = up.view.tables_html.clone();
    let indicators = up.view.indicators_html.clone();
    let report = up.report.clone();
    let r2 = report.clone();
    let fill = move |_| {
        // The editor says what it did; a refusal (another year or format)
        // is said here, where the person is.
        match nianbao_web::host::request(&Request::FillTables {
            report: to_json(&r2),
        }) {
            Ok(_) => {
                let _ = window().location().set_hash("");
            }
            Err(why) => {
                nianbao_web::live::Live::say(&why);
                refused.set(Some(why));
            }
        }
    };
    let download_json = move |_| {
        download(
            &file_name(&format!("{}年度合计", report.year), "json"),
            "application/json",
            &to_json(&report),
        );
    };
    let (r3, units) = (up.report.clone(), up.view.units);
    let download_csv = move |_| open_data(r3.clone(), units, refused);
    view! {
        <div class="rollup">
            <h3 id="rollup-title" tabindex="-1">{format!("合计：{} 年度，{} 个单位（{}）", up.view.year, up.view.units, up.view.template.short())}</h3>
            {if up.view.findings.is_empty() {
                view! { <p class="check-done">"合计符合表格的勾稽关系。"</p> }.into_any()
            } else {
                view! {
                    <ul class="finding-list" id="rollup-findings">
                        {up.view.findings.iter().map(|(message, rule, units)| view! {
                            <li class="finding finding-error">
                                {format!("{message}（{rule}）")}
                                {(!units.is_empty()).then(|| format!(" 造成不符的单位：{}", units.join("、")))}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <div class="rollup-tables" id="rollup-tables" inner_html=tables></div>
            <h4>"合计的派生指标"</h4>
            <div class="rollup-indicators" id="rollup-indicators" inner_html=indicators></div>
            <p class="collect-actions">
                <button type="button" on:click=download_json>"下载合计（JSON，可导入）"</button>
                " "
                <button type="button" on:click=download_csv>"下载合计数据（CSV）"</button>
                " "
                <button type="button" on:click=fill>"填入当前草稿的表二、表三、表四"</button>
            </p>
            {move || refused.get().map(|why| view! { <p class="field-error" id="rollup-refused">{why}</p> })}
        </div>
    }
    .into_any()
}

/// 下载合计数据（CSV）: the sum as open data, written in the worker.
fn open_data(report: nianbao_core::Report, units: usize, refused: RwSignal<Option<String>>) {
    leptos::task::spawn_local(async move {
        match nianbao_web::files::open_data_csv(&report, units).await {
            Ok(csv) => {
                download(
                    &file_name(&format!("{}年度合计（数据）", report.year), "csv"),
                    "text/csv;charset=utf-8",
                    &csv,
                );
            }
            Err(why) => {
                nianbao_web::live::Live::say(&why);
                refused.set(Some(why));
            }
        }
    });
}
