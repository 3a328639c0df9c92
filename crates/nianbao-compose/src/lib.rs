//! Writing with the tables, as a module of its own loaded the first time it
//! is used: 起草 (sentences drafted from 表三, 表四 and 信息处理费, shown before
//! anything is written), 零申报 (nothing requested this year: zeros and the
//! standard sentences), and the derived indicators with last year's figures
//! beside this year's. The editor sends the report as its JSON; what the
//! person chooses goes back through `nianbao_web::host` as one undoable edit.

mod drafting;
mod figures;
mod published;

use std::cell::Cell;

use leptos::prelude::*;
use nianbao_core::draft::nil_return as nil;
use nianbao_core::host::Request;
use nianbao_core::json::read_current;
use nianbao_core::report::Field;
use nianbao_core::Report;
use nianbao_web::download::{download, file_name};
use wasm_bindgen::prelude::wasm_bindgen;

/// The report as the editor sent it, with last year's, and the cursor of
/// the text field 起草 was opened for (UTF-16; past the end when none).
#[derive(Clone, Debug, PartialEq)]
struct Sent {
    report: Report,
    previous: Option<Report>,
    cursor: (u32, u32),
}

/// What the module shows.
#[derive(Clone, Copy)]
struct Shown {
    sent: RwSignal<Option<Sent>>,
    /// The text field being drafted for (the drafting dialog is open).
    field: RwSignal<Option<Field>>,
    /// The indicators dialog is open.
    figures: RwSignal<bool>,
    /// 核对已发布的报告 is open.
    published: RwSignal<bool>,
}

thread_local! {
    static SHOWN: Cell<Option<Shown>> = const { Cell::new(None) };
}

/// The state, made by whichever call comes first (a call may overtake
/// `mount` on the way: both wait for the module's start).
fn shown() -> Shown {
    SHOWN.get().unwrap_or_else(|| {
        let shown = Shown {
            sent: RwSignal::new(None),
            field: RwSignal::new(None),
            figures: RwSignal::new(false),
            published: RwSignal::new(false),
        };
        SHOWN.set(Some(shown));
        shown
    })
}

/// Draws the (closed) dialogs into `root`, for the page's life.
#[wasm_bindgen]
pub fn mount(root: web_sys::HtmlElement) {
    leptos::mount::mount_to(root, || {
        view! { <drafting::DraftDialog /> <figures::FiguresDialog /> <published::PublishedDialog /> }
    })
    .forget();
}

fn read(report: &str, previous: &str, cursor: (u32, u32)) -> Result<Sent, String> {
    let report = read_current(report).map_err(|e| e.to_string())?;
    let previous = match previous {
        "" => None,
        text => Some(read_current(text).map_err(|e| e.to_string())?),
    };
    Ok(Sent {
        report,
        previous,
        cursor,
    })
}

/// Opens 起草 for the text field with this `Field::key`, whose cursor is at
/// `start..end`.
#[wasm_bindgen]
pub fn draft(
    field: String,
    report: String,
    previous: String,
    start: u32,
    end: u32,
) -> Result<(), String> {
    let sent = read(&report, &previous, (start, end))?;
    let field = nianbao_core::edit::journal::text_field(&field).ok_or("这个栏目不能起草。")?;
    let shown = shown();
    shown.sent.set(Some(sent));
    shown.field.set(Some(field));
    Ok(())
}

/// Opens the derived indicators and the comparison with last year.
#[wasm_bindgen]
pub fn figures(report: String, previous: String) -> Result<(), String> {
    let sent = read(&report, &previous, (u32::MAX, u32::MAX))?;
    let shown = shown();
    shown.sent.set(Some(sent));
    shown.figures.set(true);
    Ok(())
}

/// Opens 核对已发布的报告 for the report as it is now.
#[wasm_bindgen]
pub fn published(report: String, previous: String) -> Result<(), String> {
    let sent = read(&report, &previous, (u32::MAX, u32::MAX))?;
    let shown = shown();
    shown.sent.set(Some(sent));
    shown.published.set(true);
    Ok(())
}

/// 零申报: asks the editor to write the zeros and sentences, or says why
/// it cannot be one (the editor says what it wrote).
#[wasm_bindgen]
pub fn nil_return(report: String, previous: String) -> Result<(), String> {
    let sent = read(&report, &previous, (u32::MAX, u32::MAX))?;
    let nil = nil(&sent.report, sent.previous.as_ref())?;
    if nil.cells.is_empty() && nil.text.is_empty() {
        return Err("表三、表四已全部是 0，标准语句也已写入，没有需要填写的内容。".to_owned());
    }
    let have = sent.report.field_text(nil.field).unwrap_or_default();
    let mut said = format!(
        "已按“本年度未收到政府信息公开申请”把表三、表四的 {} 个空白单元格填为 0",
        nil.cells.len()
    );
    if !nil.text.is_empty() {
        said.push_str(&format!(
            "，并在“{}”末尾写入：{}",
            nil.field.label(),
            nil.text
        ));
    }
    said.push_str("（可撤销）。");
    nianbao_web::host::request(&Request::Write {
        cells: nil.cells.iter().map(|c| c.0).collect(),
        field: nil.field.key(),
        text: nianbao_core::draft::append(have, &nil.text),
        said,
    })
    .map(|_| ())
}

/// 下载报送包: the report as the editor writes it to a file (`written`), its
/// export-stage counts and the time, packaged with its fingerprint and
/// downloaded; the words the editor says, with the code to quote.
// `package` is a reserved word of JavaScript: exported as `submission`.
#[wasm_bindgen(js_name = submission)]
#[allow(clippy::too_many_arguments)]
pub fn package(
    written: String,
    _report: String,
    _previous: String,
    errors: u32,
    warnings: u32,
    explained: u32,
    made_at: String,
    version: String,
    review: String,
) -> Result<String, String> {
    use nianbao_core::submission::{package, Fingerprint};
    let report = read_current(&written).map_err(|e| e.to_string())?;
    // The answers to the office's 退回意见 (kept by the editor), if any.
    let replies = match review.as_str() {
        "" => Vec::new(),
        text => nianbao_core::review::read(text)?.replies(&report),
    };
    let answered = replies.len();
    let check = nianbao_core::json::ExportCheck {
        errors,
        warnings,
        explained,
    };
    let text = package(&report, check, &made_at, &version, replies);
    if text.len() > nianbao_core::json::MAX_BYTES {
        // What could not be read back is not sent.
        return Err(format!(
            "报送包有 {} MB，超过了本工具能读入的上限 {} MB，没有下载。请缩短过长的文字。",
            nianbao_core::limits::megabytes(text.len()),
            nianbao_core::json::MAX_BYTES / 1_048_576
        ));
    }
    let name = file_name(&format!("{}（报送包）", report.title()), "json");
    if !download(&name, "application/json", &text) {
        return Err(NO_DOWNLOAD.to_owned());
    }
    let answers = if answered > 0 {
        format!("包内附有对 {answered} 条审核意见的答复。")
    } else {
        String::new()
    };
    Ok(format!(
        "已下载报送包，报告指纹 {}。{answers}请把这个文件交给汇总单位；对方可以用指纹核对收到的是不是这一版。",
        Fingerprint::of(&report).code()
    ))
}

/// 下载数据（CSV）: every figure with its key, labels and unit.
#[wasm_bindgen]
pub fn open_data(report: String, _previous: String) -> Result<String, String> {
    let report = read_current(&report).map_err(|e| e.to_string())?;
    let csv = nianbao_core::open_data::open_data_csv(&report, None);
    let name = file_name(&format!("{}（数据）", report.title()), "csv");
    if !download(&name, "text/csv;charset=utf-8", &csv) {
        return Err(NO_DOWNLOAD.to_owned());
    }
    Ok(String::new())
}

const NO_DOWNLOAD: &str = "浏览器没有开始下载。请检查浏览器是否禁止了下载，或稍后再试。";
