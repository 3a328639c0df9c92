//! 报送情况: the roster (pasted, or a CSV from Excel), the deadline with its
//! countdown and late list, and each unit's status (未报, 已报, 退回修改,
//! 已通过) with what the office can do about it. The decisions are the
//! core's (`collect::Desk`); the desk is kept in the browser's storage under
//! the drafts' namespace.

use leptos::prelude::*;
use nianbao_core::collect::{read_roster, Desk, Row, Status};
use nianbao_core::report::Date;

use crate::actions::{today, Ws};

/// The desk's state: one copyable handle.
#[derive(Clone, Copy)]
pub(crate) struct DeskState {
    key: StoredValue<String>,
    pub(crate) desk: RwSignal<Desk>,
    pub(crate) said: RwSignal<Option<String>>,
    /// The unit being reviewed (its id).
    pub(crate) reviewing: RwSignal<Option<String>>,
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

impl DeskState {
    /// The desk kept under `ns`; one that cannot be read is kept aside,
    /// said, never overwritten.
    pub(crate) fn new(ns: &str) -> DeskState {
        let key = format!("{ns}:setting:collect-desk");
        let said = RwSignal::new(None);
        let text = storage().and_then(|s| s.get_item(&key).ok().flatten());
        let desk = match text.as_deref().map(Desk::read) {
            None => Desk::default(),
            Some(Ok(d)) => d,
            Some(Err(why)) => {
                if let (Some(s), Some(t)) = (storage(), &text) {
                    let _ = s.set_item(&format!("{key}-unreadable"), t);
                }
                said.set(Some(format!(
                    "保存的报送情况（名单、截止日期、审核意见）无法读取（{why}），已另存一份原样的数据，这里从空白开始。"
                )));
                Desk::default()
            }
        };
        DeskState {
            key: StoredValue::new(key),
            desk: RwSignal::new(desk),
            said,
            reviewing: RwSignal::new(None),
        }
    }

    /// Changes the desk and keeps it; a full storage is said.
    pub(crate) fn change(self, f: impl FnOnce(&mut Desk)) {
        self.desk.update(f);
        let text = self.desk.with_untracked(Desk::to_json);
        let kept = storage().is_some_and(|s| s.set_item(&self.key.get_value(), &text).is_ok());
        if !kept {
            self.said.set(Some(
                "报送情况没有保存到浏览器（存储空间已满或不允许保存）。本页中的内容不受影响；请清理浏览器数据后再操作一次。"
                    .to_owned(),
            ));
        }
    }

    fn take_roster(self, text: &str) {
        match read_roster(text) {
            Ok(names) => {
                let n = names.len();
                self.change(|d| d.roster = names);
                self.said.set(Some(format!("名单已保存：{n} 个单位。")));
            }
            Err(why) => self.said.set(Some(why)),
        }
    }
}

/// A roster file's text: UTF-8, else GB18030 (Excel's CSV on Chinese
/// Windows), said.
async fn roster_text(file: web_sys::File) -> Result<(String, bool), String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "名单文件读不出来，请再试一次。".to_owned())?;
    let bytes = js_sys::Uint8Array::new(&buffer);
    let strict = web_sys::TextDecoderOptions::new();
    strict.set_fatal(true);
    let utf8 = web_sys::TextDecoder::new_with_label_and_options("utf-8", &strict)
        .and_then(|d| d.decode_with_js_u8_array(&bytes));
    if let Ok(text) = utf8 {
        return Ok((text, false));
    }
    web_sys::TextDecoder::new_with_label_and_options("gb18030", &strict)
        .and_then(|d| d.decode_with_js_u8_array(&bytes))
        .map(|t| (t, true))
        .map_err(|_| "名单文件的编码无法识别。请在 Excel 中另存为“CSV UTF-8”后再试，或直接复制单位名称一列粘贴。".to_owned())
}

/// The roster, the deadline and the status of each unit.
#[component]
pub(crate) fn DeskView(ws: Ws, desk: DeskState) -> impl IntoView {
    nianbao_web::live::announce(move || desk.said.get());
    view! {
        <section class="desk" aria-labelledby="desk-title">
            <h3 id="desk-title">"报送情况"</h3>
            <p class="hint">"粘贴或导入应报单位名单、设定截止日期后，这里列出每个单位是未报、已报、退回修改还是已通过。"</p>
            <RosterTools desk />
            {move || desk.said.get().map(|s| view! { <p class="desk-said" id="desk-said">{s}</p> })}
            <Countdown ws desk />
            <StatusTable ws desk />
        </section>
    }
}

#[component]
fn RosterTools(desk: DeskState) -> impl IntoView {
    let text = NodeRef::<leptos::html::Textarea>::new();
    let file = NodeRef::<leptos::html::Input>::new();
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(f) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            match roster_text(f).await {
                Ok((t, legacy)) => {
                    desk.take_roster(&t);
                    if legacy && desk.desk.with_untracked(|d| !d.roster.is_empty()) {
                        desk.said.update(|s| {
                            if let Some(s) = s {
                                s.push_str("（文件是 GB18030 编码，已按该编码读取。）");
                            }
                        });
                    }
                }
                Err(why) => desk.said.set(Some(why)),
            }
        });
    };
    let shown = move || desk.desk.with(|d| d.roster.join("\n"));
    view! {
        <div class="desk-tools">
            <label class="desk-roster">"应报单位名单（每行一个单位，可从 Excel 复制一列粘贴）"
                <textarea node_ref=text id="desk-roster" rows="4" prop:value=shown></textarea>
            </label>
            <p class="collect-actions">
                <button type="button" id="desk-roster-save" on:click=move |_| {
                    if let Some(t) = text.get() { desk.take_roster(&t.value()) }
                }>"保存名单"</button>
                " "
                <button type="button" on:click=move |_| { if let Some(f) = file.get() { f.click() } }>"导入名单（CSV）"</button>
                <input node_ref=file type="file" class="sr-only" id="desk-roster-file" tabindex="-1"
                    aria-label="选择应报单位名单（CSV 或文本文件）" accept=".csv,.txt" on:change=on_file />
                " "
                <label>"截止日期 "
                    <input type="date" id="desk-deadline"
                        prop:value=move || desk.desk.with(|d| d.deadline.clone().unwrap_or_default())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let date = Date::parse(&v).map(|d| d.iso());
                            desk.change(|d| d.deadline = date);
                        } />
                </label>
            </p>
        </div>
    }
}

#[component]
fn Countdown(ws: Ws, desk: DeskState) -> impl IntoView {
    let late = Memo::new(move |_| desk.desk.with(|d| ws.units.with(|w| d.late(w, today()))));
    view! {
        {move || desk.desk.with(|d| d.countdown(today())).map(|c| view! { <p id="desk-countdown">{c}</p> })}
        {move || (!late.with(Vec::is_empty)).then(|| view! {
            <p class="banner banner-warning" id="desk-late">
                {format!("逾期未报（{} 个）：{}", late.with(Vec::len), late.get().join("、"))}
            </p>
        })}
    }
}

#[component]
fn StatusTable(ws: Ws, desk: DeskState) -> impl IntoView {
    let rows = Memo::new(move |_| desk.desk.with(|d| ws.units.with(|w| d.rows(w))));
    let counts = move || {
        let rows = rows.get();
        [
            Status::Missing,
            Status::Submitted,
            Status::Returned,
            Status::Passed,
        ]
        .map(|s| {
            format!(
                "{} {}",
                s.words(),
                rows.iter().filter(|r| r.status == s).count()
            )
        })
        .join("，")
    };
    view! {
        {move || (!rows.with(Vec::is_empty)).then(|| view! {
            <p id="desk-counts">{counts}</p>
            <div class="table-scroll">
                <table class="collect-list" id="desk-table">
                    <thead><tr>
                        <th scope="col">"单位"</th>
                        <th scope="col">"状态"</th>
                        <th scope="col">"报告指纹"</th>
                        <th scope="col">"对审核意见的答复"</th>
                        <th scope="col">"操作"</th>
                    </tr></thead>
                    <tbody>{rows.get().into_iter().map(|r| status_row(r, ws, desk)).collect_view()}</tbody>
                </table>
            </div>
        })}
    }
}

fn status_row(r: Row, ws: Ws, desk: DeskState) -> impl IntoView {
    let unit = r
        .unit
        .clone()
        .and_then(|id| ws.units.with_untracked(|w| w.get(&id).cloned()));
    let code = unit.as_ref().map(|u| u.code.clone()).unwrap_or_default();
    let replies = unit.as_ref().map_or(String::new(), |u| {
        if u.replies.is_empty() {
            String::new()
        } else {
            format!("{} 条", u.replies.len())
        }
    });
    let place = if r.on_roster {
        ""
    } else {
        "（不在名单中）"
    };
    let id = r.unit.clone();
    view! {
        <tr data-desk=r.name.clone() class=format!("desk-{}", r.status.words())>
            <th scope="row">{r.name.clone()}{place}</th>
            <td class="desk-status">{r.status.words()}</td>
            <td class="desk-code">{code}</td>
            <td>{replies}</td>
            <td>{id.map(|id| view! {
                <button type="button" class="link-button" on:click=move |_| desk.reviewing.set(Some(id.clone()))>"审核…"</button>
            })}</td>
        </tr>
    }
}
