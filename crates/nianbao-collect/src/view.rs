//! The 汇总 workspace (`#collect`), for the office that collects many units'
//! reports: add files (this app's JSON and HTML, published pages, Word files,
//! report text), see one line per unit with its checks and key figures, sort,
//! filter and search, open a unit, roll up the units of one format and year,
//! and take the list and the roll-up away as CSV, HTML and JSON. The model is
//! the core's (`collect::Workspace`); `actions.rs` holds the signals and the
//! browser's part, kept in IndexedDB (`store.rs`).

use crate::actions::Ws;
use crate::dialogs::{ConfirmDialog, DuplicateDialog, UnitDialog};
use crate::list::{ListTools, UnitList};
use crate::rollup::rollup_view;

use leptos::prelude::*;

use nianbao_web::dropzone::Zone;

#[component]
pub fn Collect(
    /// The storage namespace the editor keeps its drafts under: the units are
    /// kept under it too.
    namespace: String,
) -> impl IntoView {
    let desk = crate::desk::DeskState::new(&namespace);
    let ws = Ws::new(namespace);
    ws.load();
    // Files dropped anywhere on the workspace are added.
    let zone = Zone::default();
    zone.take_with(move |files| ws.add_files(files));
    view! {
        <section class="collect" aria-labelledby="collect-title"
            on:dragover=Zone::over on:drop=move |ev| zone.drop(ev)>
            <h2 id="collect-title">"汇总：检查和合计多个单位的报告"</h2>
            <div class="busy-region"><nianbao_web::busy::BusyLine /></div>
            <p class="hint">
                "添加各单位的报告文件（本工具导出的 JSON、HTML，已发布报告的网页、Word 文件或文字 .txt），可一次选择多个，或把文件拖到本页。"
                "工作区保存在本浏览器中，刷新后仍在。"
            </p>
            <AddFiles ws />
            <Status ws />
            <ListTools ws />
            <UnitList ws />
            <p class="collect-actions">
                <button type="button" id="collect-csv" on:click=move |_| ws.download_csv()>"下载单位清单（CSV）"</button>
                " "
                <button type="button" on:click=move |_| ws.download_summary()>"下载汇总（可打印的 HTML）"</button>
            </p>
            <crate::desk::DeskView ws desk />
            <Groups ws />
            {move || ws.rollup.get().map(rollup_view)}
            <DuplicateDialog ws />
            <UnitDialog ws />
            <ConfirmDialog ws />
            <crate::comments::ReviewDialog ws desk />
        </section>
    }
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

/// The buttons that add files or a folder, and files dropped anywhere on
/// the page while the workspace shows.
#[component]
fn AddFiles(ws: Ws) -> impl IntoView {
    let picker = NodeRef::<leptos::html::Input>::new();
    let folder = NodeRef::<leptos::html::Input>::new();
    // A folder picker (Chromium's webkitdirectory; the attribute has no typed setter).
    Effect::new(move |_| {
        if let Some(el) = folder.get() {
            let _ = el.set_attribute("webkitdirectory", "");
        }
    });
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        ws.add_files(files_of(input.files()));
        input.set_value("");
    };
    let click = |n: NodeRef<leptos::html::Input>| {
        if let Some(p) = n.get() {
            p.click();
        }
    };
    view! {
        <p class="collect-actions">
            <button type="button" class="primary" on:click=move |_| click(picker)>"添加报告文件"</button>
            " "
            <button type="button" on:click=move |_| click(folder)>"添加整个文件夹"</button>
            " "
            <a href="#" class="link-button">"返回编辑报告"</a>
        </p>
        <input node_ref=picker type="file" multiple class="sr-only" id="collect-files" tabindex="-1"
            aria-label="选择要汇总的报告文件"
            accept=".json,.html,.htm,.txt,.docx" on:change=on_pick />
        <input node_ref=folder type="file" multiple class="sr-only" id="collect-folder" tabindex="-1"
            aria-label="选择一个文件夹，添加其中的报告文件" on:change=on_pick />
    }
}

/// Reading's progress, storage faults and the files not added.
#[component]
fn Status(ws: Ws) -> impl IntoView {
    use nianbao_web::live::announce;
    // Progress is said when reading starts and ends, not at every file.
    announce(move || {
        ws.progress
            .get()
            .map(|(_, total)| format!("正在读取和检查 {total} 个文件。"))
    });
    announce(move || ws.store_error.get());
    announce(move || {
        ws.problems
            .with(|p| (!p.is_empty()).then(|| format!("有 {} 个文件没有添加。", p.len())))
    });
    view! {
        {move || ws.progress.get().map(|(done, total)| view! {
            <p class="collect-progress">
                <progress max=total value=done></progress>
                {format!(" 正在读取和检查：{done} / {total}")}
            </p>
        })}
        {move || ws.store_error.get().map(|why| view! { <p class="banner banner-warning">{why}</p> })}
        {move || (!ws.problems.with(Vec::is_empty)).then(|| view! {
            <div class="collect-problems">
                <p>"有文件没有添加："</p>
                <ul>{ws.problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                <button type="button" class="link-button" on:click=move |_| ws.problems.set(Vec::new())>"知道了"</button>
            </div>
        })}
    }
}

/// One roll-up button per year and format (only those can be summed).
#[component]
fn Groups(ws: Ws) -> impl IntoView {
    let groups = Memo::new(move |_| ws.excluded.with(|ex| ws.units.with(|w| w.groups(ex))));
    view! {
        <h3>"合计"</h3>
        <p class="hint">"只有同一年度、同一格式的报告才能相加；勾选“汇总”列选择参加合计的单位。"</p>
        <p class="collect-actions">
            {move || groups.get().into_iter().map(|g| view! {
                <button type="button" on:click=move |_| ws.roll_up(g.year, g.template)>{g.action()}</button>
                " "
            }).collect_view()}
        </p>
        {move || {
            let n = ws.units.with(|w| w.unconfirmed());
            (n > 0).then(|| view! { <p class="hint" id="collect-unsure">{format!("另有 {n} 个单位需要先确认年度或机关名称，确认前没有参加合计。")}</p> })
        }}
    }
}
