//! The import review as a module of its own, loaded the first time a report
//! file is chosen, dropped or pasted (the editor's bundle does not carry
//! it). The editor calls `mount` once with an element to draw into, then
//! `read` with a file (a report to review, or last year's) or `paste` for
//! 粘贴已发布的报告. The file is read in the worker; what the person then
//! chooses goes back to the editor through `nianbao_web::host`.

mod review;

use std::cell::Cell;

use leptos::prelude::*;
use nianbao_core::host::Request;
use nianbao_core::import::{preview, FileRead};
use nianbao_core::json::read_current;
use nianbao_core::Report;
use wasm_bindgen::prelude::wasm_bindgen;

use review::Pending;

thread_local! {
    /// The review's state once mounted.
    static SHOWN: Cell<Option<Review>> = const { Cell::new(None) };
}

/// What the review shows: a file read and waiting for a choice, or the
/// paste box; last year's report, for the checks of an imported one.
#[derive(Clone, Copy)]
pub(crate) struct Review {
    pending: RwSignal<Option<Pending>>,
    paste_open: RwSignal<bool>,
    previous: StoredValue<Option<Report>>,
}

impl Review {
    /// A file's (or a paste's) bytes read in the worker: reviewed, or for
    /// last year's report handed to the editor at once.
    pub(crate) fn reviewed(self, file: String, read: Result<FileRead, String>, last_year: bool) {
        let read = match read {
            Ok(r) => r,
            Err(why) => return say(&Request::ImportFailed { why }),
        };
        // The office's 退回意见: the editor keeps it and shows its comments.
        if let Some(review) = &read.review {
            let said = format!(
                "已导入“{file}”：汇总单位对“{}”{} 年度报告的决定是“{}”，共 {} 条意见，显示在相应的单元格和栏目旁（打开的草稿是这份报告时）。请逐条修改，或在意见旁写明说明，然后重新下载报送包交回。",
                review.agency,
                review.year,
                review.decision.words(),
                review.comments.len()
            );
            return say(&Request::Review {
                review: review.to_file(),
                said,
            });
        }
        if last_year {
            let report = nianbao_core::json::to_json(&read.report);
            return say(&Request::LastYear { report, file });
        }
        let published = read.recognition.is_some();
        let preview = self
            .previous
            .with_value(|p| preview(&read.report, p.as_ref(), published));
        self.pending.set(Some(Pending {
            file,
            read,
            preview,
        }));
    }
}

/// Sends a request; a refusal is said in the live region.
pub(crate) fn say(r: &Request) {
    if let Err(why) = nianbao_web::host::request(r) {
        nianbao_web::live::Live::say(&why);
    }
}

#[component]
fn Place() -> impl IntoView {
    let r = Review {
        pending: RwSignal::new(None),
        paste_open: RwSignal::new(false),
        previous: StoredValue::new(None),
    };
    SHOWN.set(Some(r));
    view! {
        <div class="busy-region"><nianbao_web::busy::BusyLine /></div>
        <review::PasteBox review=r open=r.paste_open />
        <review::ImportDialog pending=r.pending />
    }
}

/// Draws the (closed) dialogs into `root`, for the page's life.
#[wasm_bindgen]
pub fn mount(root: web_sys::HtmlElement) {
    leptos::mount::mount_to(root, Place).forget();
}

fn shown(previous_json: &str) -> Result<Review, String> {
    let r = SHOWN.get().ok_or("导入还没有准备好，请再试一次。")?;
    r.previous.set_value(read_current(previous_json).ok());
    Ok(r)
}

/// Reads a chosen or dropped file in the worker and reviews it (or, as last
/// year's report, hands it to the editor). `previous_json`: last year's
/// report when one is loaded, else empty.
#[wasm_bindgen]
pub fn read(file: web_sys::File, last_year: bool, previous_json: String) -> Result<(), String> {
    let r = shown(&previous_json)?;
    leptos::task::spawn_local(async move {
        let name = file.name();
        r.reviewed(name, nianbao_web::files::read_picked(file).await, last_year);
    });
    Ok(())
}

/// Opens 粘贴已发布的报告.
#[wasm_bindgen]
pub fn paste(previous_json: String) -> Result<(), String> {
    shown(&previous_json)?.paste_open.set(true);
    Ok(())
}
