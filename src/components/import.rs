//! Bringing files in: a report (JSON or exported HTML) by file picker or by
//! dropping it on the page, with a preview before anything changes; and
//! last year's report for the carry-over and the cross-year checks.

use leptos::html::{Dialog, Input};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use nianbao_core::carry::carry_forward;
use nianbao_core::import::{too_large, FileRead, Recognition};
use nianbao_core::json::MAX_BYTES;
use nianbao_core::rules::{counts, validate, Context, Severity, Stage};
use nianbao_core::Report;

use crate::session::Session;
use crate::state::{Editor, Notice};

/// What a file is read for.
#[derive(Clone, Copy, PartialEq)]
enum Purpose {
    Report,
    LastYear,
}

/// Reads a file through the file module: huge files are refused before
/// reading, damaged UTF-8 is refused, GB18030/GBK is decoded and said.
pub(crate) async fn read(file: web_sys::File) -> Result<FileRead, String> {
    let name = file.name();
    if file.size() > MAX_BYTES as f64 {
        return Err(too_large(&name, file.size()));
    }
    crate::files::read_file_object(&file).await
}

#[derive(Clone)]
struct Pending {
    file: String,
    report: Report,
    /// How the file was decoded, when it was not UTF-8.
    note: Option<String>,
    /// An HTML export whose visible tables differ from its embedded data.
    differences: Vec<String>,
    /// A published report recognised by its labels.
    recognition: Option<Recognition>,
}

#[component]
pub fn Importer(
    picker: NodeRef<Input>,
    last_year_picker: NodeRef<Input>,
    paste_box: NodeRef<Dialog>,
) -> impl IntoView {
    let editor = Editor::get();
    let session = expect_context::<Session>();
    let pending = RwSignal::new(None::<Pending>);
    let dialog = NodeRef::<Dialog>::new();

    // Last year's report: its 结转 carried into this year's draft, and kept
    // for the cross-year checks.
    let last_year = move |report: Report, name: String| {
        let mut now = editor.report.get_untracked();
        match carry_forward(&mut now, &report) {
            Ok(filled) => {
                let year = report.year;
                editor.edit(None, move |r| *r = now);
                editor.previous.set(Some(report));
                editor
                    .notice
                    .set(Some(Notice::PreviousLoaded { year, filled }));
            }
            Err(e) => editor
                .notice
                .set(Some(Notice::ImportFailed(format!("“{name}”：{e}")))),
        }
    };

    // A file's (or a paste's) bytes read by the file module, then reviewed.
    let review = move |name: String, read: Result<FileRead, String>, purpose: Purpose| {
        let FileRead {
            report,
            note,
            differences,
            recognition,
        } = match read {
            Ok(r) => r,
            Err(why) => {
                editor.notice.set(Some(Notice::ImportFailed(why)));
                return;
            }
        };
        match purpose {
            Purpose::Report => {
                pending.set(Some(Pending {
                    file: name,
                    report,
                    note,
                    differences,
                    recognition,
                }));
                if let Some(d) = dialog.get() {
                    let _ = d.show_modal();
                }
            }
            Purpose::LastYear => last_year(report, name),
        }
    };
    let handle = move |file: web_sys::File, purpose: Purpose| {
        leptos::task::spawn_local(async move {
            let name = file.name();
            review(name, read(file).await, purpose);
        });
    };
    // Pasted or typed text, read as a file of that name would be.
    let read_pasted = move |name: &'static str, text: String| {
        if let Some(d) = paste_box.get() {
            d.close();
        }
        if text.trim().is_empty() {
            editor.notice.set(Some(Notice::ImportFailed(
                "没有可识别的文字。请先在网页或 PDF 阅读器中选中报告并复制（Ctrl+C），再回到这里粘贴。".into(),
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            let read = crate::files::read_report_file(name, text.as_bytes()).await;
            review(name.to_owned(), read, Purpose::Report);
        });
    };
    // A page's selection (HTML) or a PDF's text, pasted: read as a file would be.
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        ev.prevent_default();
        let Some(data) = ev.clipboard_data() else {
            return;
        };
        let html = data.get_data("text/html").unwrap_or_default();
        let (name, text) = if html.trim().is_empty() {
            (
                "粘贴的文字.txt",
                data.get_data("text/plain").unwrap_or_default(),
            )
        } else {
            ("粘贴的网页内容.html", html)
        };
        read_pasted(name, text);
    };
    // Text typed or pasted into the box some other way, read on 识别.
    let paste_text = NodeRef::<leptos::html::Textarea>::new();
    let on_read = move |_| {
        let text = paste_text.get().map(|t| t.value()).unwrap_or_default();
        read_pasted("粘贴的文字.txt", text);
    };

    let on_pick = move |purpose: Purpose| {
        move |ev: leptos::ev::Event| {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                handle(file, purpose);
            }
            // The same file may be chosen again later.
            input.set_value("");
        }
    };

    // Dropping a file anywhere on the page imports it.
    let h1 = window_event_listener(leptos::ev::dragover, move |ev| {
        if !crate::route::collecting()
            && ev
                .data_transfer()
                .is_some_and(|d| d.types().includes(&"Files".into(), 0))
        {
            ev.prevent_default();
        }
    });
    let h2 = window_event_listener(leptos::ev::drop, move |ev| {
        // The 汇总 workspace takes its own drops.
        if crate::route::collecting() {
            return;
        }
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            handle(file, Purpose::Report);
        }
    });
    on_cleanup(move || {
        h1.remove();
        h2.remove();
    });

    let close = move || {
        pending.set(None);
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let replace = move |_| {
        if let Some(p) = pending.get_untracked() {
            let notice = if session.replace_with(p.report) {
                Notice::Imported(format!(
                    "已用“{}”替换当前草稿的内容。可点“撤销”恢复。",
                    p.file
                ))
            } else {
                Notice::Info(format!(
                    "“{}”的内容与当前草稿完全相同，草稿没有任何改动。",
                    p.file
                ))
            };
            editor.notice.set(Some(notice));
        }
        close();
    };
    let as_last_year = move |_| {
        if let Some(p) = pending.get_untracked() {
            last_year(p.report, p.file);
        }
        close();
    };
    let as_new = move |_| {
        if let Some(p) = pending.get_untracked() {
            session.new_draft(p.report);
            editor.notice.set(Some(Notice::Imported(format!(
                "已把“{}”作为新草稿打开。",
                p.file
            ))));
        }
        close();
    };

    view! {
        <input node_ref=picker type="file" class="sr-only" id="import-file" tabindex="-1"
            aria-label="选择要导入的报告文件（本工具导出的 JSON、HTML，已发布报告的网页、Word 文件、PDF 文件，或报告文字 .txt）"
            accept=".json,.html,.htm,.txt,.docx,.pdf,application/json,text/html,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            on:change=on_pick(Purpose::Report) />
        <input node_ref=last_year_picker type="file" class="sr-only" id="import-last-year" tabindex="-1"
            aria-label="选择上年的报告文件（本工具导出的 JSON、HTML，已发布报告的网页、Word 文件、PDF 文件，或报告文字 .txt）"
            accept=".json,.html,.htm,.txt,.docx,.pdf,application/json,text/html,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            on:change=on_pick(Purpose::LastYear) />
        <dialog node_ref=paste_box class="drafts" aria-labelledby="paste-title">
            <h2 id="paste-title">"粘贴已发布的报告"</h2>
            <p>"在网页上选中整篇报告（或从 PDF 阅读器中全选）并复制，再点下面的框，按 Ctrl+V 粘贴。粘贴后先给出识别结果，确认后才会打开。"</p>
            <textarea node_ref=paste_text class="paste-box" aria-label="把复制的报告粘贴到这里" rows="6" on:paste=on_paste></textarea>
            <super::busy::BusyLine />
            <div class="actions">
                <button type="button" class="primary" on:click=on_read>"识别"</button>
                <button type="button" on:click=move |_| { if let Some(d) = paste_box.get() { d.close(); } }>"取消"</button>
            </div>
        </dialog>
        <dialog node_ref=dialog class="drafts" aria-labelledby="import-title" on:close=move |_| pending.set(None)>
            <h2 id="import-title">{move || if pending.with(|p| p.as_ref().is_some_and(|p| p.recognition.is_some())) {
                "导入已发布的报告"
            } else {
                "导入报告"
            }}</h2>
            {move || pending.get().map(|p| {
                // Counted as the editor will count it after 替换 (with last year's report).
                let (errors, warnings) = editor.previous.with_untracked(|prev| {
                    let ctx = Context { previous: prev.as_ref(), ..Context::default() };
                    counts(&validate(&p.report, &ctx))
                });
                let r = &p.report;
                view! {
                    <p>{format!("文件：{}", p.file)}</p>
                    <dl class="preview">
                        <dt>"机关名称"</dt><dd>{if r.agency.name.trim().is_empty() { "（未填）".to_owned() } else { r.agency.name.clone() }}</dd>
                        <dt>"报告年度"</dt><dd>{r.year}</dd>
                        <dt>"格式"</dt><dd>{r.template_id().title()}</dd>
                        {p.recognition.is_none().then(|| view! {
                            <dt>"检查结果"</dt><dd>{format!("{errors} 个错误，{warnings} 个提示")}</dd>
                        })}
                    </dl>
                    {p.note.map(|n| view! { <p class="notice notice-info" id="import-encoding">{n}</p> })}
                    {p.recognition.clone().map(|rec| recognition_view(rec, &p.report))}
                    {(!p.differences.is_empty()).then(|| {
                        let n = p.differences.len();
                        let more = n.saturating_sub(20);
                        view! {
                            <div class="notice notice-error" id="import-differences" role="alert">
                                <p class="notice-title">{format!(
                                    "这个 HTML 文件中可见的表格与其中嵌入的数据有 {n} 处不一致：文件可能被手工改过。导入将使用嵌入的数据；请逐格核对后再决定。"
                                )}</p>
                                <ul>{p.differences.iter().take(20).map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul>
                                {(more > 0).then(|| view! { <p>{format!("另有 {more} 处未列出。")}</p> })}
                            </div>
                        }
                    })}
                }
            })}
            <div class="actions">
                {move || {
                    let published = pending.with(|p| p.as_ref().is_some_and(|p| p.recognition.is_some()));
                    if published {
                        view! {
                            <button type="button" class="primary" on:click=as_new>"作为新草稿打开"</button>
                            <button type="button" on:click=as_last_year>"作为上年报告"</button>
                        }.into_any()
                    } else {
                        view! {
                            <button type="button" class="primary" on:click=replace>"替换当前草稿"</button>
                            <button type="button" on:click=as_new>"作为新草稿打开"</button>
                        }.into_any()
                    }
                }}
                <button type="button" on:click=move |_| close()>"取消"</button>
            </div>
        </dialog>
    }
}

/// What recognising a published report found: how many cells, which to
/// check, what could not be placed, and the export-stage errors as printed.
fn recognition_view(rec: Recognition, report: &Report) -> impl IntoView {
    let ctx = Context {
        stage: Stage::Export,
        ..Context::default()
    };
    let errors: Vec<String> = validate(report, &ctx)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.message)
        .collect();
    let uncertain = rec.uncertain.len();
    let source = RwSignal::new(String::new());
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
        <p id="review-source" class="review-source" aria-live="polite">{move || source.get()}</p>
        {(!errors.is_empty()).then(|| view! {
            <div class="notice notice-error" id="import-findings">
                <p class="notice-title">{format!("按原文的数字检查，有 {} 个错误：", errors.len())}</p>
                <ul>{errors.into_iter().take(20).map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </div>
        })}
    }
}
