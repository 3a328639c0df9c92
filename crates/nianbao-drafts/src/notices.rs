//! What the page says about storage without the dialog open: the banner when
//! the open draft cannot be saved (its words: `nianbao_core::storage`), the
//! drafts that cannot be read, each with its stored text to download. Each
//! button asks the editor, which holds the drafts.

use leptos::prelude::*;
use nianbao_core::host::{DraftAction, DraftList, Request, Unreadable};
use nianbao_core::storage::{Offer, StorageProblem, BACKUP};
use nianbao_web::live::Live;

/// Asks the editor; a refusal is said.
fn ask(action: DraftAction) {
    if let Err(why) = nianbao_web::host::request(&Request::Draft(action)) {
        Live::say(&why);
    }
}

#[component]
pub fn StorageNotices(list: RwSignal<DraftList>) -> impl IntoView {
    // Drawn again when what they say changes, not at every save.
    let storage = Memo::new(move |_| list.with(|l| l.storage.clone()));
    let unreadable = Memo::new(move |_| list.with(|l| l.unreadable.clone()));
    view! {
        {move || storage.get().map(banner)}
        {move || {
            let bad = unreadable.get();
            (!bad.is_empty()).then(|| unreadable_list(bad))
        }}
    }
}

/// What went wrong with storage, what it means, and what to do.
fn banner(problem: StorageProblem) -> impl IntoView {
    let (title, body, offer) = problem.words();
    Live::say(title);
    let download_words = match offer {
        Offer::Download(words) => Some(words),
        Offer::CopyOrDownload => Some(BACKUP),
        _ => None,
    };
    let (newer, copy) = match offer {
        Offer::NewerOrCopy => (true, Some("另存为副本")),
        Offer::CopyOrDownload => (false, Some("另存为新草稿")),
        _ => (false, None),
    };
    view! {
        <div class="notice notice-error storage-banner" id="storage-banner">
            <p class="notice-title">{title}</p>
            <p>{body}</p>
            <div class="actions">
                {newer.then(|| view! {
                    <button type="button" class="primary" on:click=|_| ask(DraftAction::LoadNewer)>"载入较新的版本"</button>
                })}
                {copy.map(|words| view! {
                    <button type="button" class:primary=!newer on:click=|_| ask(DraftAction::SaveAsCopy)>{words}</button>
                })}
                {download_words.map(|words| view! {
                    <button type="button" class:primary=copy.is_none() on:click=|_| ask(DraftAction::DownloadBackup)>{words}</button>
                })}
            </div>
        </div>
    }
}

/// Drafts that could not be read, found at start.
fn unreadable_list(bad: Vec<Unreadable>) -> impl IntoView {
    let title = format!("有 {} 份草稿无法打开", bad.len());
    Live::say(&title);
    view! {
        <div class="notice notice-error" id="unreadable-drafts">
            <p class="notice-title">{title}</p>
            <ul>
                {bad.into_iter().map(|r| {
                    let id = r.id;
                    view! {
                        <li>
                            {format!("{}：{}", r.name, r.problem)}
                            " "
                            <button type="button" class="link-button" on:click=move |_| {
                                ask(DraftAction::DownloadRaw { id: id.clone() });
                            }>"下载原始内容"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}
