//! The save indicator, the storage messages, and what 我的草稿 (a module
//! of its own, `crates/nianbao-drafts`) is shown: the list of drafts.

use leptos::prelude::*;

use nianbao_core::host::{DraftItem, DraftList};

use crate::persist::WriteError;
use crate::session::{clock, SaveStatus, Session};

/// The one-line save status in the toolbar: it never says saved when it is not.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let session = expect_context::<Session>();
    let text = move || match session.status.get() {
        SaveStatus::Empty => "新草稿：输入内容后自动保存".to_owned(),
        SaveStatus::Unsaved => "有未保存的修改".to_owned(),
        SaveStatus::Saving => "保存中…".to_owned(),
        SaveStatus::Saved(t) => format!("已保存 {}", clock(t)),
        SaveStatus::Failed(_) => "未能保存".to_owned(),
        SaveStatus::Conflict => "未保存：此草稿已在其他窗口中修改".to_owned(),
        SaveStatus::StoredCorrupt => "未保存：浏览器中保存的此草稿已损坏".to_owned(),
        SaveStatus::StoredNewer => "未保存：此草稿已由更新版本保存".to_owned(),
        SaveStatus::InMemory => "未保存：浏览器不允许本页保存".to_owned(),
    };
    let bad = move || {
        matches!(
            session.status.get(),
            SaveStatus::Failed(_)
                | SaveStatus::Conflict
                | SaveStatus::StoredCorrupt
                | SaveStatus::StoredNewer
                | SaveStatus::InMemory
        )
    };
    // Saving is said when it goes wrong, not at every save.
    super::live::announce(move || bad().then(text));
    view! {
        <span class="save-status" class:save-bad=bad id="save-status">{text}</span>
    }
}

/// What a storage banner offers.
#[derive(Clone, Copy, PartialEq)]
enum Offer {
    Nothing,
    /// Download the open report, with these words on the button.
    Download(&'static str),
    /// Load the newer version, or save this window's work as a copy.
    NewerOrCopy,
    /// Save as a new draft, or download a backup.
    CopyOrDownload,
}

const BACKUP: &str = "下载 JSON 备份";
const KEPT_HERE: &str = "您的修改仍在本页面中。请下载 JSON 文件备份；下次修改时会自动重试。";

/// What went wrong with storage in words (title, what it means and what to
/// do) and what the banner offers; None when nothing is wrong.
fn storage_words(status: SaveStatus, session: Session) -> Option<(&'static str, String, Offer)> {
    Some(match status {
        SaveStatus::Failed(WriteError::Quota) => (
            "未能保存：浏览器为本网站保留的存储空间已满",
            format!(
                "已保存的草稿都还在，可以打开；当前的内容在本页面中，没有丢失，但新的修改存不进浏览器。请先下载 JSON 文件备份，再点“草稿”删除不需要的草稿，腾出空间后会自动重试保存。{}",
                largest_drafts(&session.rows.get(), session.used_by_all())
            ),
            Offer::Download(BACKUP),
        ),
        SaveStatus::Failed(WriteError::TooLarge(bytes)) => (
            "未能保存：草稿太大",
            format!(
                "这份草稿有 {} MB，超过了 {} MB 的上限，存进浏览器后将无法再打开，所以没有保存。您的内容仍在本页面中。请缩短过长的文字。",
                nianbao_core::limits::megabytes(bytes),
                nianbao_core::json::MAX_BYTES / 1_048_576
            ),
            Offer::Nothing,
        ),
        SaveStatus::Failed(WriteError::Mismatch) => (
            "未能保存：写入后读回的内容不一致",
            format!("浏览器的存储没有如实保存。{KEPT_HERE}"),
            Offer::Download(BACKUP),
        ),
        SaveStatus::Failed(WriteError::Other(why)) => (
            "未能保存",
            format!("浏览器拒绝了保存（{why}）。{KEPT_HERE}"),
            Offer::Download(BACKUP),
        ),
        SaveStatus::Conflict => (
            "此草稿已在其他窗口中修改",
            "另一个窗口或标签页保存了这份草稿的较新版本。为了不覆盖它，本窗口的修改没有保存。请选择：载入较新的版本（放弃本窗口未保存的修改），或把本窗口的内容另存为一份副本。".into(),
            Offer::NewerOrCopy,
        ),
        // Neither is written over; the open work goes to a new draft.
        SaveStatus::StoredCorrupt => (
            "浏览器中保存的这份草稿已损坏",
            "浏览器中这份草稿的存储内容无法读取（可能被其他程序或浏览器故障改动），这不是其他窗口的修改。为免丢失，它没有被覆盖，本窗口的修改也没有保存。请把本窗口的内容另存为新草稿；损坏的原始内容可在下方的提示中点“下载原始内容”保存，交技术人员查看。".into(),
            Offer::CopyOrDownload,
        ),
        SaveStatus::StoredNewer => (
            "这份草稿已由更新版本的本工具保存",
            "另一个窗口用更新版本的本工具保存了这份草稿，当前版本无法读取它，为免覆盖，本窗口的修改没有保存。请把本窗口的内容另存为新草稿，并刷新页面使用最新版本。".into(),
            Offer::CopyOrDownload,
        ),
        SaveStatus::InMemory => (
            "浏览器不允许本页面保存草稿",
            "可能是处于无痕（隐私）模式，或本页嵌在门户网站中而浏览器限制了存储。现在可以照常填写，但内容只在本页面中，关闭或刷新后会丢失。请随时下载 JSON 文件保存工作。".into(),
            Offer::Download("下载 JSON"),
        ),
        _ => return None,
    })
}

/// What went wrong with storage, what it means, and what to do.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let session = expect_context::<Session>();
    let editor = crate::state::Editor::get();
    let download = move |_| crate::exports::download_json(editor);
    move || {
        let (title, body, offer) = storage_words(session.status.get(), session)?;
        super::live::Live::say(title);
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
        Some(view! {
            <div class="notice notice-error storage-banner" id="storage-banner">
                <p class="notice-title">{title}</p>
                <p>{body}</p>
                <div class="actions">
                    {newer.then(|| view! {
                        <button type="button" class="primary" on:click=move |_| session.load_newer()>"载入较新的版本"</button>
                    })}
                    {copy.map(|words| view! {
                        <button type="button" class:primary=!newer on:click=move |_| session.save_as_copy()>{words}</button>
                    })}
                    {download_words.map(|words| view! {
                        <button type="button" class:primary=copy.is_none() on:click=download>{words}</button>
                    })}
                </div>
            </div>
        })
    }
}

/// The drafts that take the most room, for a full storage.
/// The drafts that take the most room, and what else fills the quota.
fn largest_drafts(rows: &[crate::session::DraftRow], all: usize) -> String {
    let mut rows: Vec<_> = rows.iter().filter(|r| r.bytes > 0).collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.bytes));
    let total: usize = rows.iter().map(|r| r.bytes).sum();
    let mut out = String::new();
    if !rows.is_empty() {
        let list: Vec<String> = rows
            .iter()
            .take(5)
            .map(|r| format!("“{}”约 {}", r.name, size_text(r.bytes)))
            .collect();
        out = format!(
            "浏览器中现有 {} 份草稿，共约 {}；占用最多的是：{}。",
            rows.len(),
            size_text(total),
            list.join("，")
        );
    }
    // Other pages of the same site share the quota.
    let others = all.saturating_sub(total);
    if others > total {
        out.push_str(&format!(
            "另有约 {} 是本网站其他页面保存的数据，不属于本工具：删除草稿腾不出这部分空间，可请网站管理员处理，或在浏览器设置中清除本网站的其他数据（清除前请先下载草稿备份）。",
            size_text(others)
        ));
    }
    out
}

fn size_text(bytes: usize) -> String {
    if bytes >= 1_048_576 {
        format!("{} MB", nianbao_core::limits::megabytes(bytes))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// Drafts that could not be read, found at start.
#[component]
pub fn UnreadableDrafts() -> impl IntoView {
    let session = expect_context::<Session>();
    move || {
        session.rows.with(|rows| {
            let bad: Vec<_> = rows.iter().filter(|r| r.problem.is_some()).cloned().collect();
            (!bad.is_empty()).then(|| {
                super::live::Live::say(&format!("有 {} 份草稿无法打开", bad.len()));
                view! {
                    <div class="notice notice-error" id="unreadable-drafts">
                        <p class="notice-title">{format!("有 {} 份草稿无法打开", bad.len())}</p>
                        <ul>
                            {bad.into_iter().map(|r| {
                                let id = r.id.clone();
                                view! {
                                    <li>
                                        {format!("{}：{}", r.name, r.problem.unwrap_or_default())}
                                        " "
                                        <button type="button" class="link-button" on:click=move |_| session.download_raw(&id)>"下载原始内容"</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                }
            })
        })
    }
}

/// "Deleted — undo" for a few seconds.
#[component]
pub fn DeletedNotice() -> impl IntoView {
    let session = expect_context::<Session>();
    move || {
        session.deleted.get().map(|(_, _, name)| {
            super::live::Live::say(&format!("已删除“{name}”。"));
            view! {
                <div class="notice notice-info" id="deleted-notice">
                    <p class="notice-title">{format!("已删除“{name}”。")}</p>
                    <button type="button" class="primary" on:click=move |_| session.undo_delete()>"撤销删除"</button>
                </div>
            }
        })
    }
}

/// The module that draws 我的草稿, loaded the first time it opens.
const MODULE: &str = "./nianbao_drafts.js";
/// Where the dialog is drawn (an element of the page, empty until then).
pub const PLACE: &str = "drafts-place";

thread_local! {
    /// The dialog was drawn: it hears every change of the list.
    static DRAWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The list as the dialog shows it (readable drafts; tracked when read in
/// an effect).
fn list(session: Session) -> DraftList {
    let current = session.id.get();
    let rows = session.rows.with(|rows| {
        rows.iter()
            .filter(|r| r.problem.is_none())
            .map(|r| DraftItem {
                id: r.id.clone(),
                name: r.name.clone(),
                detail: format!(
                    "{} 年度 · 最后保存 {} · {} 个错误，{} 个提示 · 约 {}",
                    r.year.unwrap_or_default(),
                    r.saved_at.map(clock).unwrap_or_default(),
                    r.errors,
                    r.warnings,
                    size_text(r.bytes)
                ),
                current: r.id == current,
            })
            .collect()
    });
    DraftList {
        rows,
        problem: session.list_problem.get(),
        deleted: session
            .deleted
            .with(|d| d.as_ref().map(|(_, _, name)| name.clone())),
    }
}

/// Opens 我的草稿 over the page (drawing it the first time).
pub fn open(session: Session, editor: crate::state::Editor) {
    session.refresh();
    let json = untrack(|| list(session)).to_json();
    leptos::task::spawn_local(async move {
        let shown = async {
            crate::files::mount_once(MODULE, PLACE).await?;
            DRAWN.set(true);
            crate::files::module_call(MODULE, "open", &[json.into()]).await
        };
        if let Err(why) = shown.await {
            super::live::Live::say(&why);
            editor.notice.set(Some(crate::state::Notice::Problem(why)));
        }
    });
}

/// Sends the list to the dialog whenever it changes, once it was drawn.
pub fn keep_list(session: Session) {
    Effect::new(move |_| {
        let json = list(session).to_json();
        if DRAWN.get() {
            leptos::task::spawn_local(async move {
                let _ = crate::files::module_call(MODULE, "update", &[json.into()]).await;
            });
        }
    });
}
