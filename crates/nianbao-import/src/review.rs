//! The import's questions: the box a published report is pasted into, and
//! the preview of a file read (what it is, its checks, for a published
//! report every cell marked by how it was placed) with what to do with it.
//! Nothing changes before a button here is pressed.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use nianbao_core::import::{FileRead, Recognition};

use nianbao_core::host::Request;
use nianbao_core::import::Preview;
use nianbao_core::json::to_json;
use nianbao_web::modal::Modal;

use crate::{say, Review};

/// A file read, waiting for the person to say what to do with it.
#[derive(Clone)]
pub(crate) struct Pending {
    pub(crate) file: String,
    pub(crate) read: FileRead,
    /// Checked once, when it was read.
    pub(crate) preview: Preview,
}

/// 粘贴已发布的报告: a page's selection (HTML) or a PDF's text, pasted, or
/// text typed into the box and read on 识别 — read as a file of that name.
#[component]
pub(crate) fn PasteBox(review: Review, open: RwSignal<bool>) -> impl IntoView {
    let read_pasted = move |name: &'static str, text: String| {
        open.set(false);
        if text.trim().is_empty() {
            return say(&Request::ImportFailed {
                why: "没有可识别的文字。请先在网页或 PDF 阅读器中选中报告并复制（Ctrl+C），再回到这里粘贴。".into(),
            });
        }
        leptos::task::spawn_local(async move {
            let result = nianbao_web::files::read_report_file(name, text.as_bytes()).await;
            review.reviewed(name.to_owned(), result, false);
        });
    };
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        ev.prevent_default();
        let Some(data) = ev.clipboard_data() else {
            return;
        };
        let html = data.get_data("text/html").unwrap_or_default();
        if html.trim().is_empty() {
            read_pasted(
                "粘贴的文字.txt",
                data.get_data("text/plain").unwrap_or_default(),
            );
        } else {
            read_pasted("粘贴的网页内容.html", html);
        }
    };
    let text = NodeRef::<leptos::html::Textarea>::new();
    view! {
        <Modal open on_close=move |_| open.set(false) labelledby="paste-title" class="drafts">
            <h2 id="paste-title">"粘贴已发布的报告"</h2>
            <p>"在网页上选中整篇报告（或从 PDF 阅读器中全选）并复制，再点下面的框，按 Ctrl+V 粘贴。粘贴后先给出识别结果，确认后才会打开。"</p>
            <textarea node_ref=text class="paste-box" aria-label="把复制的报告粘贴到这里" rows="6" on:paste=on_paste></textarea>
            <nianbao_web::busy::BusyLine />
            <div class="actions">
                <button type="button" class="primary"
                    on:click=move |_| read_pasted("粘贴的文字.txt", text.get().map(|t| t.value()).unwrap_or_default())>"识别"</button>
                <button type="button" on:click=move |_| open.set(false)>"取消"</button>
            </div>
        </Modal>
    }
}

/// A file read: what it is and its checks, then 替换 / 作为新草稿 / 作为上年报告.
#[component]
pub(crate) fn ImportDialog(pending: RwSignal<Option<Pending>>) -> impl IntoView {
    let published =
        move || pending.with(|p| p.as_ref().is_some_and(|p| p.read.recognition.is_some()));
    let take = move |then: &dyn Fn(Pending)| {
        if let Some(p) = pending.get_untracked() {
            then(p);
        }
        pending.set(None);
    };
    let replace = move |_| {
        take(&|p: Pending| {
            say(&Request::ReplaceDraft {
                report: to_json(&p.read.report),
                file: p.file,
            })
        })
    };
    let as_new = move |_| {
        take(&|p: Pending| {
            say(&Request::OpenDraft {
                report: to_json(&p.read.report),
                words: format!("已把“{}”作为新草稿打开。", p.file),
            })
        })
    };
    let as_last_year = move |_| {
        take(&|p: Pending| {
            say(&Request::LastYear {
                report: to_json(&p.read.report),
                file: p.file,
            })
        })
    };
    view! {
        <Modal open=Signal::derive(move || pending.with(Option::is_some)) on_close=move |_| pending.set(None)
            labelledby="import-title" class="drafts">
            <h2 id="import-title">{move || if published() { "导入已发布的报告" } else { "导入报告" }}</h2>
            {move || pending.get().map(summary)}
            <div class="actions">
                {move || if published() {
                    view! {
                        <button type="button" class="primary" on:click=as_new>"作为新草稿打开"</button>
                        <button type="button" on:click=as_last_year>"作为上年报告"</button>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="primary" on:click=replace>"替换当前草稿"</button>
                        <button type="button" on:click=as_new>"作为新草稿打开"</button>
                    }.into_any()
                }}
                <button type="button" on:click=move |_| pending.set(None)>"取消"</button>
            </div>
        </Modal>
    }
}

/// What the file is: its agency, year and format, its checks, how it was
/// decoded, and where an export's visible tables differ from its data.
fn summary(p: Pending) -> impl IntoView {
    let r = &p.read.report;
    let n = p.read.differences.len();
    view! {
        <p>{format!("文件：{}", p.file)}</p>
        <dl class="preview">
            <dt>"机关名称"</dt><dd>{if r.agency.name.trim().is_empty() { "（未填）".to_owned() } else { r.agency.name.clone() }}</dd>
            <dt>"报告年度"</dt><dd>{r.year}</dd>
            <dt>"格式"</dt><dd>{r.template_id().title()}</dd>
            {p.preview.counts.map(|(errors, warnings)| view! {
                <dt>"检查结果"</dt><dd>{format!("{errors} 个错误，{warnings} 个提示")}</dd>
            })}
        </dl>
        {p.read.note.map(|n| view! { <p class="notice notice-info" id="import-encoding">{n}</p> })}
        {p.read.recognition.map(|rec| recognition_view(rec, p.preview.printed_errors))}
        {(n > 0).then(|| view! {
            <div class="notice notice-error" id="import-differences">
                <p class="notice-title">{format!(
                    "这个 HTML 文件中可见的表格与其中嵌入的数据有 {n} 处不一致：文件可能被手工改过。导入将使用嵌入的数据；请逐格核对后再决定。"
                )}</p>
                <ul>{p.read.differences.into_iter().take(20).map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                {(n > 20).then(|| view! { <p>{format!("另有 {} 处未列出。", n - 20)}</p> })}
            </div>
        })}
    }
}

/// What recognising a published report found: how many cells, which to
/// check, what could not be placed, and the export-stage errors as printed.
fn recognition_view(rec: Recognition, errors: Vec<String>) -> impl IntoView {
    let source = RwSignal::new(String::new());
    nianbao_web::live::announce(move || Some(source.get()));
    let uncertain = rec.uncertain.len();
    view! {
        <div class="notice notice-info" id="import-recognition">
            <p class="notice-title">{rec.headline()}</p>
            {(uncertain > 0).then(|| view! {
                <p>"以下各格只按行的先后放入，请对照原文核对："</p>
                <ul>{rec.uncertain.iter().take(30).map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
            })}
            {(!rec.notes.is_empty()).then(|| view! {
                <ul id="import-notes">{rec.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            })}
            <p class="hint">"PDF 按页面上文字的位置还原表格；扫描件（图片）无法读取。"</p>
        </div>
        <p class="review-legend">
            <span class="swatch review-recognised"></span>"已识别 "
            <span class="swatch review-uncertain"></span>"需核对 "
            <span class="swatch review-notfound"></span>"未找到（留空）。点一格可看它来自原文哪一行。"
        </p>
        // The core's markup: labels from the declarations, source text escaped.
        <div class="review-tables" inner_html=rec.review_html on:focusin=move |ev| {
            let el: Option<web_sys::Element> = ev.target().and_then(|t| t.dyn_into().ok());
            source.set(el.and_then(|e| e.get_attribute("data-source")).unwrap_or_default());
        }></div>
        <p id="review-source" class="review-source">{move || source.get()}</p>
        {(!errors.is_empty()).then(|| view! {
            <div class="notice notice-error" id="import-findings">
                <p class="notice-title">{format!("按原文的数字检查，有 {} 个错误：", errors.len())}</p>
                <ul>{errors.into_iter().take(20).map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </div>
        })}
    }
}
