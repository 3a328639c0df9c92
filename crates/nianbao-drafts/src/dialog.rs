//! The dialog: the drafts with what can be done with each, a failed
//! action's words, and 撤销删除 for a moment after a delete (on the page
//! if the dialog was closed meanwhile). Each button asks
//! the editor; the list comes back through `update`.

use leptos::prelude::*;
use nianbao_core::host::{DraftAction, Request};
use nianbao_web::modal::Modal;

/// Asks the editor; a refusal is said in the dialog.
fn ask(action: DraftAction, problem: RwSignal<Option<String>>) -> bool {
    match nianbao_web::host::request(&Request::Draft(action)) {
        Ok(_) => {
            problem.set(None);
            true
        }
        Err(why) => {
            problem.set(Some(why));
            false
        }
    }
}

#[component]
pub fn DraftsDialog() -> impl IntoView {
    let shown = crate::shown();
    let open = shown.open;
    let list = shown.list;
    // Refusals of the host itself (a page without the editor); the editor's
    // own words for a failed copy or rename come with the list.
    let refused = RwSignal::new(None::<String>);
    let close = move || open.set(false);
    let problem = move || refused.get().or_else(|| list.with(|l| l.problem.clone()));
    view! {
        <Modal open on_close=move |_| close() labelledby="drafts-title" class="drafts">
            <h2 id="drafts-title">"我的草稿"</h2>
            <p class="hint">"草稿保存在本浏览器中。换电脑或清理浏览器数据前，请下载 JSON 文件。"</p>
            <button type="button" class="primary" on:click=move |_| {
                if ask(DraftAction::New, refused) {
                    close();
                }
            }>"新建草稿"</button>
            <ul class="draft-list">
                {move || list.with(|l| l.rows.clone()).into_iter().map(|r| {
                    let id = StoredValue::new(r.id.clone());
                    let name = r.name.clone();
                    let renamed = r.name.clone();
                    view! {
                        <li class="draft-row" class:current=r.current>
                            <div>
                                <strong>{r.name.clone()}</strong>
                                {r.current.then_some("（正在编辑）")}
                                <p class="hint">{r.detail.clone()}</p>
                            </div>
                            <div class="actions">
                                <button type="button" aria-label=format!("打开 {name}") disabled=r.current on:click=move |_| {
                                    if ask(DraftAction::Open { id: id.get_value() }, refused) {
                                        close();
                                    }
                                }>"打开"</button>
                                <button type="button" aria-label=format!("复制 {name}") on:click=move |_| {
                                    ask(DraftAction::Copy { id: id.get_value() }, refused);
                                }>"复制"</button>
                                <button type="button" aria-label=format!("重命名 {name}") on:click=move |_| {
                                    let answer = window().prompt_with_message_and_default("草稿的新名称：", &renamed).ok().flatten();
                                    if let Some(new_name) = answer.filter(|a| !a.trim().is_empty()) {
                                        ask(DraftAction::Rename { id: id.get_value(), name: new_name.trim().to_owned() }, refused);
                                    }
                                }>"重命名"</button>
                                <button type="button" aria-label=format!("删除 {name}") on:click=move |_| {
                                    ask(DraftAction::Delete { id: id.get_value() }, refused);
                                }>"删除"</button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || problem().map(|p| {
                nianbao_web::live::Live::say(&p);
                view! { <p class="notice notice-error" id="drafts-problem">{p}</p> }
            })}
            {move || open.get().then(|| list.with(|l| l.deleted.clone())).flatten().map(|name| deleted(name, refused))}
            <button type="button" on:click=move |_| close()>"关闭"</button>
        </Modal>
        <crate::notices::StorageNotices list />
        // Closed on the moment to undo, the offer stays on the page.
        {move || (!open.get()).then(|| list.with(|l| l.deleted.clone())).flatten().map(|name| deleted(name, refused))}
    }
}

/// "Deleted — undo" for a few seconds.
fn deleted(name: String, refused: RwSignal<Option<String>>) -> impl IntoView {
    let words = format!("已删除“{name}”。");
    nianbao_web::live::Live::say(&words);
    view! {
        <div class="notice notice-info" id="deleted-notice">
            <p class="notice-title">{words}</p>
            <button type="button" class="primary" on:click=move |_| {
                ask(DraftAction::UndoDelete, refused);
            }>"撤销删除"</button>
        </div>
    }
}
