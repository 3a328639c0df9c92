//! The save indicator, and what the drafts module (`crates/nianbao-drafts`:
//! 我的草稿, the storage banner, unreadable drafts, 撤销删除) is shown.

use leptos::prelude::*;

use nianbao_core::host::{DraftItem, DraftList, Unreadable};
use nianbao_core::storage::{size_text, StorageProblem};

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
    let bad = move || session.status.with(SaveStatus::is_problem);
    // Saving is said when it goes wrong, not at every save.
    super::live::announce(move || bad().then(text));
    view! {
        <span class="save-status" class:save-bad=bad id="save-status">{text}</span>
    }
}

/// What is wrong with storage, for the drafts module to say (its words are
/// there: `nianbao_core::storage`). Tracked when read in an effect.
fn storage_problem(session: Session) -> Option<StorageProblem> {
    Some(match session.status.get() {
        SaveStatus::Failed(WriteError::Quota) => StorageProblem::Quota {
            drafts: session
                .rows
                .with(|rows| rows.iter().map(|r| (r.name.clone(), r.bytes)).collect()),
            used: session.used_by_all(),
        },
        SaveStatus::Failed(WriteError::TooLarge(bytes)) => StorageProblem::TooLarge { bytes },
        SaveStatus::Failed(WriteError::Mismatch) => StorageProblem::Mismatch,
        SaveStatus::Failed(WriteError::Other(why)) => StorageProblem::Refused { why },
        SaveStatus::Conflict => StorageProblem::Conflict,
        SaveStatus::StoredCorrupt => StorageProblem::Corrupt,
        SaveStatus::StoredNewer => StorageProblem::Newer,
        SaveStatus::InMemory => StorageProblem::InMemory,
        _ => return None,
    })
}

/// The module that draws 我的草稿, loaded the first time it opens.
const MODULE: &str = "./nianbao_drafts.js";
/// Where the dialog is drawn (an element of the page, empty until then).
pub const PLACE: &str = "drafts-place";

thread_local! {
    /// The dialog was drawn: it hears every change of the list.
    static DRAWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The list as the module shows it (tracked when read in an effect).
fn list(session: Session) -> DraftList {
    let current = session.id.get();
    let (rows, unreadable) = session.rows.with(|rows| {
        let readable = rows
            .iter()
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
            .collect();
        let unreadable = rows
            .iter()
            .filter_map(|r| {
                Some(Unreadable {
                    id: r.id.clone(),
                    name: r.name.clone(),
                    problem: r.problem.clone()?,
                })
            })
            .collect();
        (readable, unreadable)
    });
    DraftList {
        rows,
        unreadable,
        storage: storage_problem(session),
        problem: session.list_problem.get(),
        deleted: session
            .deleted
            .with(|d| d.as_ref().map(|(_, _, name)| name.clone())),
    }
}

/// Opens 我的草稿 over the page (drawing it the first time).
pub fn open(session: Session, editor: crate::state::Editor) {
    session.refresh();
    leptos::task::spawn_local(async move {
        let shown = async {
            crate::files::mount_once(MODULE, PLACE).await?;
            DRAWN.set(true);
            crate::files::module_call(MODULE, "open", &[now(session)]).await
        };
        if let Err(why) = shown.await {
            super::live::Live::say(&why);
            editor.notice.set(Some(crate::state::Notice::Problem(why)));
        }
    });
}

/// The list as it is when it is sent (a list read before the module loaded
/// may be older than one read after).
fn now(session: Session) -> leptos::wasm_bindgen::JsValue {
    untrack(|| list(session)).to_json().into()
}

/// Sends the list to the module whenever it changes, once it was drawn —
/// or draws it at once when storage has news (a problem saving, drafts that
/// cannot be read): the module says them on the page.
pub fn keep_list(session: Session, editor: crate::state::Editor) {
    Effect::new(move |_| {
        // Until the dialog was drawn only the news is read (the whole list is
        // not built at every save); both parts every time, to stay subscribed.
        let unreadable = session
            .rows
            .with(|rows| rows.iter().any(|r| r.problem.is_some()));
        let news = session.status.with(SaveStatus::is_problem) || unreadable;
        if DRAWN.get() {
            // Everything else the list shows.
            session.id.track();
            session.list_problem.track();
            session.deleted.track();
        }
        if DRAWN.get() || news {
            leptos::task::spawn_local(async move {
                let shown = async {
                    crate::files::mount_once(MODULE, PLACE).await?;
                    DRAWN.set(true);
                    crate::files::module_call(MODULE, "update", &[now(session)]).await
                };
                if let (Err(why), true) = (shown.await, news) {
                    // The tool bar still says it did not save.
                    super::live::Live::say(&why);
                    editor.notice.set(Some(crate::state::Notice::Problem(why)));
                }
            });
        }
    });
}
