//! 起草, 零申报 and the derived indicators: buttons here, everything else in a
//! module of its own (`crates/nianbao-compose`), loaded the first time one is
//! used. The module shows the drafted text before anything is written; what
//! the person chooses comes back as a host request, written here as one
//! undoable edit and said in the notice.

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use leptos::web_sys::HtmlTextAreaElement;
use nianbao_core::edit::Edit;
use nianbao_core::json::to_json_compact;
use nianbao_core::report::{Aspect, Field};
use nianbao_core::template::CellId;

use crate::state::{Editor, Notice};

const MODULE: &str = "./nianbao_compose.js";
/// Where the module's dialogs are drawn (empty until first used).
pub const PLACE: &str = "compose-place";
/// 一图读懂, a module of its own (`crates/nianbao-graphic`), and its place.
const GRAPHIC: &str = "./nianbao_graphic.js";
pub const GRAPHIC_PLACE: &str = "graphic-place";

/// The text fields that get 起草.
pub fn draftable(field: Field) -> bool {
    matches!(
        field,
        Field::OverviewText
            | Field::Aspect(Aspect::OnRequest | Aspect::Supervision)
            | Field::Part(_)
            | Field::OtherText
    )
}

/// Calls the module's `name` with the report and last year's (the module
/// loads first the first time), after `first` (a field's key) and before
/// `after`; what it answers (a refusal, or words on what it did) is said in
/// the notice.
fn call(editor: Editor, name: &'static str, first: Option<String>, after: Vec<JsValue>) {
    let (module, place) = match name {
        "open" => (GRAPHIC, GRAPHIC_PLACE),
        _ => (MODULE, PLACE),
    };
    leptos::task::spawn_local(async move {
        let done = async {
            crate::files::mount_once(module, place).await?;
            // 核对已发布的报告 compares with the report as a file holds it
            // (reasons whose finding is gone left out), or a page exported
            // from this very report would not be 完全一致.
            let report = if name == "published" {
                to_json_compact(&editor.report_to_write())
            } else {
                editor.with_report_untracked(to_json_compact)
            };
            let previous = editor
                .previous
                .with_untracked(|p| p.as_ref().map(to_json_compact))
                .unwrap_or_default();
            let mut args: Vec<JsValue> = first.into_iter().map(JsValue::from).collect();
            args.extend([report.into(), previous.into()]);
            args.extend(after);
            crate::files::module_call(module, name, &args).await
        };
        match done.await {
            Err(why) => editor.notice.set(Some(Notice::Problem(why))),
            Ok(said) => {
                if let Some(said) = said.as_string().filter(|s| !s.is_empty()) {
                    editor.notice.set(Some(Notice::Info(said)));
                }
            }
        }
    });
}

/// 一图读懂 (the toolbar's button).
pub fn infographic(editor: Editor) {
    call(editor, "open", None, Vec::new());
}

/// 下载报送包 (after the export-stage check): the report as it is written to
/// a file, its counts, and the time, for the module to package.
pub fn package(editor: Editor) {
    let check = editor.check_for_export(crate::state::Export::Package);
    let written = to_json_compact(&editor.report_to_write());
    let made_at = js_sys::Date::new_0().to_iso_string();
    let after = vec![
        check.errors.into(),
        check.warnings.into(),
        check.explained.into(),
        made_at.into(),
        env!("CARGO_PKG_VERSION").into(),
        // The answers to the office's comments travel with the package.
        crate::outside::review().into(),
    ];
    call(editor, "submission", Some(written), after);
}

/// 下载数据（CSV）.
pub fn open_data(editor: Editor) {
    call(editor, "open_data", None, Vec::new());
}

/// 核对已发布的报告 (a dialog of the module).
pub fn published(editor: Editor) {
    call(editor, "published", None, Vec::new());
}

/// 起草 under a text field.
#[component]
pub fn DraftButton(field: Field, label: String) -> impl IntoView {
    let editor = Editor::get();
    view! {
        <button type="button" class="secondary compose-button" aria-label=format!("根据表格起草“{label}”")
            disabled=move || editor.read_only.get()
            on:click=move |_| {
                // The cursor now: the text cannot change while 起草 shows (a modal dialog).
                let key = field.key();
                let at = document()
                    .get_element_by_id(&key)
                    .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
                    .map(|a| (a.selection_start(), a.selection_end()));
                let (start, end) = match at {
                    Some((Ok(Some(s)), Ok(Some(e)))) => (s, e),
                    _ => (u32::MAX, u32::MAX),
                };
                call(editor, "draft", Some(key), vec![start.into(), end.into()]);
            }>"根据表格起草…"</button>
    }
}

/// Under 表三 and 表四: the indicators, and (表三) the 零申报.
#[component]
pub fn TableTools(nil: bool) -> impl IntoView {
    let editor = Editor::get();
    view! {
        <div class="table-tools">
            <button type="button" class="secondary" on:click=move |_| call(editor, "figures", None, Vec::new())>"派生指标与上年对比"</button>
            {nil.then(|| view! {
                <button type="button" class="secondary" disabled=move || editor.read_only.get()
                    on:click=move |_| call(editor, "nil_return", None, Vec::new())>"本年度未收到申请（零申报）"</button>
            })}
        </div>
    }
}

/// The UTF-16 range where `new` differs from `old` (what was inserted).
fn changed(old: &str, new: &str) -> (u32, u32) {
    let (a, b): (Vec<u16>, Vec<u16>) = (old.encode_utf16().collect(), new.encode_utf16().collect());
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (head as u32, (b.len() - tail) as u32)
}

/// What the module wrote: `text` into `key`'s field and `cells` to 0, one
/// step; drafted text is selected afterwards.
pub fn write(editor: Editor, r: nianbao_core::host::Request) -> Result<Notice, String> {
    use nianbao_core::edit::journal::{target, Target};
    use nianbao_core::host::Request;
    let Request::Write {
        cells,
        field: key,
        text,
        said,
    } = r
    else {
        return Err(String::new());
    };
    let Some(Target::Text(field)) = editor.with_report_untracked(|r| target(r, &key)) else {
        return Err("这个栏目不能写入。".to_owned());
    };
    if nianbao_core::limits::clip_text(&text).1 {
        return Err(format!(
            "写入后“{}”会超过 {} 个字符，没有写入。",
            field.label(),
            nianbao_core::limits::MAX_TEXT_CHARS
        ));
    }
    let old = editor.with_report_untracked(|r| r.field_text(field).unwrap_or_default().to_owned());
    let (from, to) = changed(&old, &text);
    // 起草 is taken to what it wrote; a 零申报 (cells too) stays at its button.
    let drafted = cells.is_empty();
    let cells = cells.into_iter().map(CellId).collect();
    if !editor.edit(Edit::Draft { cells, field, text }) {
        return Err("没有写入：本页为只读，或者内容没有变化。".to_owned());
    }
    if drafted {
        request_animation_frame(move || nianbao_web::findings::select_in(&key, from, to));
    }
    Ok(Notice::Info(said))
}
