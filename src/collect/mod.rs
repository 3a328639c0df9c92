//! The 汇总 workspace (`#collect`), for the office that collects many units'
//! reports: add files (this app's JSON and HTML, published pages, Word files,
//! report text), see one line per unit with its checks and key figures, sort,
//! filter and search, open a unit, roll up the units of one format and year,
//! and take the list and the roll-up away as CSV, HTML and JSON. Kept in
//! IndexedDB (`store.rs`).

mod rollup;
mod store;
mod unit;

use rollup::{rollup_view, Rolled};
use unit::{row, UnitDialog};

use std::collections::BTreeMap;

use leptos::prelude::*;
use nianbao_core::collect::{same_agency_and_year, summarize, unsure, Summary, Unsure, FIGURES};
use nianbao_core::json::{read_current, to_json};
use nianbao_core::report::{Date, Report};
use nianbao_core::template::TemplateId;

use crate::download::download;

use crate::route::collecting as showing;

#[derive(Clone, Debug, PartialEq)]
struct Unit {
    /// The digest of its content (`collect::unit_id`): the same report is
    /// one unit however often it is added.
    id: String,
    file: String,
    report: Report,
    summary: Summary,
    /// How a published report was read (cells to check), if it was one.
    note: Option<String>,
    /// What a person must confirm before it is compared or summed.
    unsure: Vec<Unsure>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Filter {
    All,
    Errors,
    Late,
    Missing,
}

/// A unit whose agency and year are already in the workspace.
#[derive(Clone, Debug, PartialEq)]
struct Duplicate {
    existing: Unit,
    incoming: Unit,
}

fn today() -> Date {
    crate::exports::today().unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}

/// Lets the page paint and take input between files.
async fn breathe() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn unit_of(
    id: String,
    file: String,
    report: Report,
    note: Option<String>,
    year_found: bool,
) -> Unit {
    let summary = summarize(&report, today());
    Unit {
        id,
        file,
        unsure: unsure(&report, year_found),
        report,
        summary,
        note,
    }
}

/// The same agency's report for the same year — asked about; only between
/// units a person need not confirm first.
fn same_unit(a: &Unit, b: &Unit) -> bool {
    a.unsure.is_empty() && b.unsure.is_empty() && same_agency_and_year(&a.report, &b.report)
}

fn stored(u: &Unit) -> store::Stored {
    store::Stored {
        id: u.id.clone(),
        file: u.file.clone(),
        json: to_json(&u.report),
        added: js_sys::Date::now(),
        year_found: !u.unsure.contains(&Unsure::Year),
    }
}

#[component]
pub fn Collect() -> impl IntoView {
    let ns = expect_context::<crate::session::Session>().namespace();
    let ns = StoredValue::new(ns);
    let units = RwSignal::new(Vec::<Unit>::new());
    let excluded = RwSignal::new(std::collections::HashSet::<String>::new());
    let progress = RwSignal::new(None::<(usize, usize)>);
    let problems = RwSignal::new(Vec::<String>::new());
    let store_error = RwSignal::new(None::<String>);
    let duplicates = RwSignal::new(Vec::<Duplicate>::new());
    let filter = RwSignal::new(Filter::All);
    let search = RwSignal::new(String::new());
    let sort = RwSignal::new(0usize);
    let rollup = RwSignal::new(None::<Result<Rolled, String>>);
    let opened = RwSignal::new(None::<Unit>);
    let dup_dialog = NodeRef::<leptos::html::Dialog>::new();
    let unit_dialog = NodeRef::<leptos::html::Dialog>::new();
    let picker = NodeRef::<leptos::html::Input>::new();
    let folder = NodeRef::<leptos::html::Input>::new();

    // A folder picker (Chromium's webkitdirectory; the attribute has no typed setter).
    Effect::new(move |_| {
        if let Some(el) = folder.get() {
            let _ = el.set_attribute("webkitdirectory", "");
        }
    });

    // The workspace as it was left.
    leptos::task::spawn_local(async move {
        match store::all(&ns.get_value()).await {
            Ok(mut list) => {
                list.sort_by(|a, b| a.added.total_cmp(&b.added));
                let mut loaded: Vec<Unit> = Vec::new();
                for s in list {
                    match read_current(&s.json) {
                        Ok(r) => {
                            let u = unit_of(s.id, s.file, r, None, s.year_found);
                            // Kept under an older id: one unit all the same.
                            if !loaded.iter().any(|l| l.id == u.id) {
                                loaded.push(u);
                            }
                        }
                        Err(e) => problems.update(|p| {
                            p.push(format!(
                                "工作区中的“{}”无法读取（{e}），已跳过，没有删除。",
                                s.file
                            ))
                        }),
                    }
                }
                // Files added while the workspace was loading stay (after it).
                units.update(|u| {
                    let fresh = std::mem::take(u);
                    *u = loaded;
                    for x in fresh {
                        if !u.iter().any(|l| l.id == x.id) {
                            u.push(x);
                        }
                    }
                });
            }
            Err(why) => store_error.set(Some(why)),
        }
    });

    let add_files = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let total = files.len();
            progress.set(Some((0, total)));
            let mut dups: Vec<Duplicate> = Vec::new();
            let mut refused: Vec<String> = Vec::new();
            // Stored as they come, a few at a time: a reload midway keeps
            // what was read.
            let mut batch: Vec<store::Stored> = Vec::new();
            let mut cancelled = false;
            for (i, file) in files.into_iter().enumerate() {
                let name = file.name();
                let read = match crate::components::import::read(file).await {
                    Ok(read) => match crate::files::unit_ids(&[&read.report]).await {
                        Ok(ids) => Ok((ids.into_iter().next().unwrap_or_default(), read)),
                        Err(why) => Err(why),
                    },
                    Err(why) => Err(why),
                };
                match read {
                    Ok((id, read)) => {
                        let year_found = read.recognition.as_ref().is_none_or(|r| r.year_found);
                        let note = read.recognition.map(|r| {
                            format!(
                                "由已发布的报告识别：{} 格已识别，{} 格需核对，{} 格未找到",
                                r.recognised,
                                r.uncertain.len(),
                                r.not_found
                            )
                        });
                        let unit = unit_of(id, name.clone(), read.report, note, year_found);
                        let same = units.with_untracked(|u| {
                            u.iter().find(|e| e.id == unit.id).map(|e| e.file.clone())
                        });
                        let existing = units
                            .with_untracked(|u| u.iter().find(|e| same_unit(e, &unit)).cloned())
                            .or_else(|| {
                                duplicates.with_untracked(|d| {
                                    d.iter()
                                        .find(|x| same_unit(&x.incoming, &unit))
                                        .map(|x| x.existing.clone())
                                })
                            });
                        match (same, existing) {
                            (Some(file), _) => refused.push(format!(
                                "“{name}”与已添加的“{file}”内容完全相同，没有重复添加。"
                            )),
                            (None, Some(existing)) => dups.push(Duplicate {
                                existing,
                                incoming: unit,
                            }),
                            (None, None) => {
                                batch.push(stored(&unit));
                                units.update(|u| u.push(unit));
                            }
                        }
                    }
                    Err(why) if why == crate::files::CANCELLED => {
                        refused.push(format!(
                            "已取消：“{name}”及其后的 {} 个文件没有添加。",
                            total - i
                        ));
                        cancelled = true;
                    }
                    Err(why) => refused.push(format!("“{name}”没有添加：{why}")),
                }
                progress.set(Some((i + 1, total)));
                if batch.len() >= 8 || cancelled {
                    if let Err(why) = store::put(&ns.get_value(), &std::mem::take(&mut batch)).await
                    {
                        store_error.set(Some(why));
                    }
                }
                if cancelled {
                    break;
                }
                if i % 8 == 7 {
                    breathe().await;
                }
            }
            if !batch.is_empty() {
                if let Err(why) = store::put(&ns.get_value(), &batch).await {
                    store_error.set(Some(why));
                }
            }
            problems.update(|p| p.extend(refused));
            progress.set(None);
            if !dups.is_empty() {
                // Added to the questions already open, never instead of them.
                duplicates.update(|d| d.extend(dups));
                if let Some(d) = dup_dialog.get_untracked() {
                    if !d.open() {
                        let _ = d.show_modal();
                    }
                }
            }
        });
    };

    let files_of = |list: Option<web_sys::FileList>| -> Vec<web_sys::File> {
        list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
            .unwrap_or_default()
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        add_files(files_of(input.files()));
        input.set_value("");
    };
    // Files dropped anywhere on the page while the workspace shows.
    let h1 = window_event_listener(leptos::ev::dragover, move |ev| {
        if showing() {
            ev.prevent_default();
        }
    });
    let h2 = window_event_listener(leptos::ev::drop, move |ev| {
        if !showing() {
            return;
        }
        ev.prevent_default();
        add_files(files_of(ev.data_transfer().and_then(|d| d.files())));
    });
    on_cleanup(move || {
        h1.remove();
        h2.remove();
    });

    // The list as shown: filtered, searched, sorted.
    let shown = Memo::new(move |_| {
        let q = search.get();
        let q = q.trim();
        let f = filter.get();
        let mut list: Vec<Unit> = units.with(|u| {
            u.iter()
                .filter(|u| match f {
                    Filter::All => true,
                    Filter::Errors => u.summary.errors > 0,
                    Filter::Late => u.summary.late && !u.unsure.contains(&Unsure::Year),
                    Filter::Missing => u.summary.missing,
                })
                .filter(|u| q.is_empty() || u.summary.agency.contains(q) || u.file.contains(q))
                .cloned()
                .collect()
        });
        match sort.get() {
            1 => list.sort_by_key(|u| std::cmp::Reverse(u.summary.errors)),
            2 => list.sort_by_key(|u| u.summary.signed),
            3 => list.sort_by_key(|u| u.summary.year),
            _ => list.sort_by(|a, b| a.summary.agency.cmp(&b.summary.agency)),
        }
        list
    });

    // Units by year and format: only those can be summed together.
    let groups = Memo::new(move |_| {
        let mut g: BTreeMap<(i32, TemplateId), usize> = BTreeMap::new();
        excluded.with(|ex| {
            units.with(|u| {
                for unit in u
                    .iter()
                    .filter(|u| !ex.contains(&u.id) && u.unsure.is_empty())
                {
                    *g.entry((unit.summary.year, unit.summary.template))
                        .or_default() += 1;
                }
            })
        });
        g.into_iter().collect::<Vec<_>>()
    });
    // Summed here (the rules are in the app anyway); the tables are drawn by
    // the file module.
    let do_roll_up = move |year: i32, template: TemplateId| {
        let chosen: Vec<(String, Report)> = excluded.with_untracked(|ex| {
            units.with_untracked(|u| {
                u.iter()
                    .filter(|u| {
                        !ex.contains(&u.id)
                            && u.unsure.is_empty()
                            && u.summary.year == year
                            && u.summary.template == template
                    })
                    .map(|u| (display_name(u), u.report.clone()))
                    .collect()
            })
        });
        leptos::task::spawn_local(async move {
            let rolled = crate::files::roll_up(&chosen)
                .await
                .map(|up| Rolled { up, units: chosen });
            rollup.set(Some(rolled));
            request_animation_frame(|| crate::components::keys::focus_id("rollup-title"));
        });
    };

    let remove = move |id: String| {
        units.update(|u| u.retain(|x| x.id != id));
        leptos::task::spawn_local(async move {
            if let Err(why) = store::delete(&ns.get_value(), &[id]).await {
                store_error.set(Some(why));
            }
        });
    };
    let keep_new = move |d: Duplicate| {
        let old = d.existing.id.clone();
        units.update(|u| {
            u.retain(|x| x.id != old);
            u.push(d.incoming.clone());
        });
        duplicates.update(|list| list.retain(|x| x != &d));
        let record = stored(&d.incoming);
        leptos::task::spawn_local(async move {
            let result = match store::delete(&ns.get_value(), &[old]).await {
                Ok(()) => store::put(&ns.get_value(), &[record]).await,
                Err(e) => Err(e),
            };
            if let Err(why) = result {
                store_error.set(Some(why));
            }
        });
    };
    let keep_old = move |d: Duplicate| duplicates.update(|list| list.retain(|x| x != &d));
    Effect::new(move |_| {
        if duplicates.with(Vec::is_empty) {
            if let Some(d) = dup_dialog.get_untracked() {
                d.close();
            }
        }
    });

    // A unit whose year or agency was not in its file: a person says what it
    // is; only then is it compared with the others and summed.
    let confirming = RwSignal::new(None::<Unit>);
    let confirm_dialog = NodeRef::<leptos::html::Dialog>::new();
    let ask_confirm = move |u: Unit| {
        confirming.set(Some(u));
        if let Some(d) = confirm_dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    let confirm_year = NodeRef::<leptos::html::Input>::new();
    let confirm_agency = NodeRef::<leptos::html::Input>::new();
    let confirm_error = RwSignal::new(None::<String>);
    let confirm = move |_| {
        let Some(old) = confirming.get_untracked() else {
            return;
        };
        let year = confirm_year
            .get_untracked()
            .map(|i| i.value())
            .unwrap_or_default();
        let agency = confirm_agency
            .get_untracked()
            .map(|i| i.value())
            .unwrap_or_default();
        let year: Option<i32> = year
            .trim()
            .parse()
            .ok()
            .filter(|y| (2008..=2100).contains(y));
        let Some(year) = year else {
            confirm_error.set(Some(
                "请填写报告年度（2008 至 2100 年之间的四位数字）。".to_owned(),
            ));
            return;
        };
        if agency.trim().is_empty() {
            confirm_error.set(Some("请填写机关名称。".to_owned()));
            return;
        }
        confirm_error.set(None);
        let mut report = old.report.clone();
        report.year = year;
        report.agency.name = agency.trim().to_owned();
        confirming.set(None);
        if let Some(d) = confirm_dialog.get_untracked() {
            d.close();
        }
        leptos::task::spawn_local(async move {
            let id = match crate::files::unit_ids(&[&report]).await {
                Ok(ids) => ids.into_iter().next().unwrap_or_default(),
                Err(why) => return problems.update(|p| p.push(why)),
            };
            let unit = unit_of(id, old.file.clone(), report, old.note.clone(), true);
            let existing = units.with_untracked(|u| {
                u.iter()
                    .find(|e| e.id != old.id && (e.id == unit.id || same_unit(e, &unit)))
                    .cloned()
            });
            units.update(|u| u.retain(|x| x.id != old.id));
            let record = stored(&unit);
            let duplicate = existing.is_some();
            match existing {
                Some(existing) => {
                    duplicates.update(|d| {
                        d.push(Duplicate {
                            existing,
                            incoming: unit,
                        })
                    });
                    if let Some(d) = dup_dialog.get_untracked() {
                        if !d.open() {
                            let _ = d.show_modal();
                        }
                    }
                }
                None => units.update(|u| u.push(unit)),
            }
            let mut result = store::delete(&ns.get_value(), &[old.id]).await;
            if result.is_ok() && !duplicate {
                result = store::put(&ns.get_value(), &[record]).await;
            }
            if let Err(why) = result {
                store_error.set(Some(why));
            }
        });
    };

    // The shown units: file names and the app's JSON, for the file module.
    let shown_files = move || -> (Vec<String>, Vec<String>) {
        shown.with_untracked(|s| {
            s.iter()
                .map(|u| (u.file.clone(), to_json(&u.report)))
                .unzip()
        })
    };
    let download_csv = move |_| {
        let (files, jsons) = shown_files();
        leptos::task::spawn_local(async move {
            match crate::files::units_csv(&files, &jsons, &today().iso()).await {
                Ok(csv) => {
                    download("单位清单.csv", "text/csv;charset=utf-8", &csv);
                }
                Err(why) => problems.update(|p| p.push(why)),
            }
        });
    };
    let download_summary = move |_| {
        let (files, jsons) = shown_files();
        let (names, summed): (Vec<String>, Vec<String>) = rollup.with_untracked(|r| match r {
            Some(Ok(r)) => r.units.iter().map(|(n, u)| (n.clone(), to_json(u))).unzip(),
            _ => (Vec::new(), Vec::new()),
        });
        leptos::task::spawn_local(async move {
            match crate::files::summary_html(&files, &jsons, (&names, &summed), &today().iso())
                .await
            {
                Ok(html) => {
                    download("汇总.html", "text/html;charset=utf-8", &html);
                }
                Err(why) => problems.update(|p| p.push(why)),
            }
        });
    };

    view! {
        <section class="collect" aria-labelledby="collect-title">
            <h2 id="collect-title">"汇总：检查和合计多个单位的报告"</h2>
            <p class="hint">
                "添加各单位的报告文件（本工具导出的 JSON、HTML，已发布报告的网页、Word 文件或文字 .txt），可一次选择多个，或把文件拖到本页。"
                "工作区保存在本浏览器中，刷新后仍在。"
            </p>
            <p class="collect-actions">
                <button type="button" class="primary" on:click=move |_| { if let Some(p) = picker.get() { p.click(); } }>"添加报告文件"</button>
                " "
                <button type="button" on:click=move |_| { if let Some(p) = folder.get() { p.click(); } }>"添加整个文件夹"</button>
                " "
                <a href="#" class="link-button">"返回编辑报告"</a>
            </p>
            <input node_ref=picker type="file" multiple class="sr-only" id="collect-files" tabindex="-1"
                aria-label="选择要汇总的报告文件"
                accept=".json,.html,.htm,.txt,.docx" on:change=on_pick />
            <input node_ref=folder type="file" multiple class="sr-only" id="collect-folder" tabindex="-1"
                aria-label="选择一个文件夹，添加其中的报告文件" on:change=on_pick />
            {move || progress.get().map(|(done, total)| view! {
                <p class="collect-progress" role="status">
                    <progress max=total value=done></progress>
                    {format!(" 正在读取和检查：{done} / {total}")}
                </p>
            })}
            {move || store_error.get().map(|why| view! { <p class="banner banner-warning" role="alert">{why}</p> })}
            {move || (!problems.with(Vec::is_empty)).then(|| view! {
                <div class="collect-problems" role="alert">
                    <p>"有文件没有添加："</p>
                    <ul>{problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    <button type="button" class="link-button" on:click=move |_| problems.set(Vec::new())>"知道了"</button>
                </div>
            })}

            <div class="collect-tools">
                <fieldset class="collect-filter">
                    <legend>"显示"</legend>
                    {[(Filter::All, "全部"), (Filter::Errors, "有错误"), (Filter::Late, "逾期"), (Filter::Missing, "缺失")]
                        .into_iter()
                        .map(|(f, label)| view! {
                            <label>
                                <input type="radio" name="collect-filter" prop:checked=move || filter.get() == f
                                    on:change=move |_| filter.set(f) />
                                {label}
                            </label>
                        })
                        .collect_view()}
                </fieldset>
                <label>"搜索 "
                    <input type="search" id="collect-search" placeholder="机关名称或文件名"
                        on:input=move |ev| search.set(event_target_value(&ev)) />
                </label>
                <label>"排序 "
                    <select id="collect-sort" on:change=move |ev| sort.set(event_target_value(&ev).parse().unwrap_or(0))>
                        <option value="0">"机关名称"</option>
                        <option value="1">"错误数（多的在前）"</option>
                        <option value="2">"落款日期"</option>
                        <option value="3">"报告年度"</option>
                    </select>
                </label>
            </div>
            <p id="collect-count" role="status">
                {move || format!("共 {} 个单位，显示 {} 个。", units.with(Vec::len), shown.with(Vec::len))}
            </p>
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
                        <For each=move || shown.get() key=|u| u.id.clone() let:u>
                            {row(u, excluded, opened, unit_dialog, remove, ask_confirm)}
                        </For>
                    </tbody>
                </table>
            </div>
            <p class="collect-actions">
                <button type="button" id="collect-csv" on:click=download_csv>"下载单位清单（CSV）"</button>
                " "
                <button type="button" on:click=download_summary>"下载汇总（可打印的 HTML）"</button>
            </p>

            <h3>"合计"</h3>
            <p class="hint">"只有同一年度、同一格式的报告才能相加；勾选“汇总”列选择参加合计的单位。"</p>
            <p class="collect-actions">
                {move || groups.get().into_iter().map(|((year, template), n)| view! {
                    <button type="button" on:click=move |_| do_roll_up(year, template)>
                        {format!("合计 {year} 年度（{}）的 {n} 个单位", short(template))}
                    </button>
                    " "
                }).collect_view()}
            </p>
            {move || {
                let n = units.with(|u| u.iter().filter(|u| !u.unsure.is_empty()).count());
                (n > 0).then(|| view! { <p class="hint" id="collect-unsure">{format!("另有 {n} 个单位需要先确认年度或机关名称，确认前没有参加合计。")}</p> })
            }}
            {move || rollup.get().map(rollup_view)}

            <dialog node_ref=dup_dialog class="dialog" aria-labelledby="dup-title">
                <h2 id="dup-title">"有重复的单位"</h2>
                <p>"同一机关同一年度的报告已经在工作区中。请选择保留哪一份："</p>
                <ul class="dup-list">
                    {move || duplicates.get().into_iter().map(|d| {
                        let (a, b) = (d.clone(), d.clone());
                        view! {
                            <li>
                                {format!("“{}” {} 年度：原有的来自“{}”（{} 个错误），新添加的来自“{}”（{} 个错误）。",
                                    d.incoming.summary.agency, d.incoming.summary.year, d.existing.file,
                                    d.existing.summary.errors, d.incoming.file, d.incoming.summary.errors)}
                                " "
                                <button type="button" on:click=move |_| keep_old(a.clone())>"保留原有的"</button>
                                " "
                                <button type="button" on:click=move |_| keep_new(b.clone())>"换成新添加的"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </dialog>
            <UnitDialog dialog=unit_dialog opened />
            <dialog node_ref=confirm_dialog class="dialog" aria-labelledby="confirm-title">
                <h2 id="confirm-title">"确认年度和机关名称"</h2>
                {move || confirming.get().map(|u| view! {
                    <p>{format!("“{}”：{}。请对照原文填写，确认后才参加合计和重复检查。", u.file,
                        u.unsure.iter().map(|x| x.words()).collect::<Vec<_>>().join("，"))}</p>
                    <p><label>"报告年度 "
                        <input node_ref=confirm_year type="number" min="2008" max="2100" id="confirm-year"
                            prop:value=if u.unsure.contains(&Unsure::Year) { String::new() } else { u.report.year.to_string() } />
                    </label></p>
                    <p><label>"机关名称 "
                        <input node_ref=confirm_agency type="text" id="confirm-agency" prop:value=u.report.agency.name.clone() />
                    </label></p>
                })}
                {move || confirm_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                <div class="actions">
                    <button type="button" class="primary" on:click=confirm>"确认"</button>
                    <button type="button" on:click=move |_| { if let Some(d) = confirm_dialog.get_untracked() { d.close(); } }>"取消"</button>
                </div>
            </dialog>
        </section>
    }
}

fn short(t: TemplateId) -> &'static str {
    match t {
        TemplateId::F2019 => "2019年版格式",
        TemplateId::F2021 => "2021年版格式",
    }
}

/// A unit's name in the roll-up's findings: its agency, else its file.
fn display_name(u: &Unit) -> String {
    if u.summary.agency.is_empty() {
        u.file.clone()
    } else {
        u.summary.agency.clone()
    }
}

/// Keeps the `#collect` address and the page in step.
pub fn follow_hash(on: RwSignal<bool>) {
    let handle = window_event_listener(leptos::ev::hashchange, move |_| on.set(showing()));
    on_cleanup(move || handle.remove());
}
