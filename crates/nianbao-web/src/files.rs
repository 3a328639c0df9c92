//! The modules loaded on first use, then kept: the file module
//! (`crates/nianbao-files`) the first time a report file is read or the
//! publishable HTML is written, the Word module (`crates/nianbao-word`) the
//! first time a Word file is made. Both run in a Web Worker started by
//! `boot.js` (`module-worker.js`): a huge or hostile file is read off the
//! page's thread, the person can cancel it, and a module that traps is
//! dropped with its worker and started afresh on the next use. The worker's
//! scripts load relative to the app, so they work from any folder and under a
//! strict CSP, and are cached offline with the rest of the build.

use js_sys::{Array, Promise, Reflect};
use leptos::prelude::*;
use leptos::wasm_bindgen::{self, prelude::*, JsCast};
use nianbao_core::import::FileRead;
use nianbao_core::json::{read_current, to_json_compact, ExportCheck};
use nianbao_core::Report;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// Defined by boot.js: `import()` of a path relative to the app.
    #[wasm_bindgen(catch, js_name = nianbaoImport)]
    fn import_module(path: &str) -> Result<Promise, JsValue>;

    /// Defined by boot.js: a call into the worker, resolving to `{ kind, value }`.
    #[wasm_bindgen(catch, js_name = nianbaoCall)]
    fn worker_call(
        module: &str,
        name: &str,
        args: &Array,
        transfer: &Array,
        timeout_ms: u32,
    ) -> Result<Promise, JsValue>;

    /// Defined by boot.js: ends the worker and whatever it is doing.
    #[wasm_bindgen(js_name = nianbaoCancel)]
    fn worker_cancel();
}

/// A module loaded on first use.
#[derive(Clone, Copy, PartialEq)]
enum Module {
    /// Reading report files, the publishable HTML, the check report.
    Files,
    /// The Word file (its zip writer is the weight).
    Word,
}

/// A call that has not answered after this long is stopped: no real file
/// takes it, and the person is told.
const TIMEOUT_MS: u32 = 120_000;

impl Module {
    const fn name(self) -> &'static str {
        match self {
            Module::Files => "files",
            Module::Word => "word",
        }
    }

    const fn unavailable(self) -> &'static str {
        match self {
            Module::Files => UNAVAILABLE,
            Module::Word => "无法加载生成 Word 文件的程序部分（nianbao_word），可能是网络中断。请检查网络后重试；已输入的内容不受影响。",
        }
    }

    const fn trapped(self) -> &'static str {
        match self {
            Module::Files => "读取或生成文件的程序部分处理这个文件时出错，已停止并自动重新启动（文件的结构可能异常，例如嵌套过深）。请确认文件是否正确；已输入的内容不受影响，其他操作可以照常进行。",
            Module::Word => "生成 Word 文件的程序部分出错，已停止并自动重新启动。请再试一次；已输入的内容不受影响。",
        }
    }
}

const UNAVAILABLE: &str =
    "无法加载读写文件的程序部分（nianbao_files），可能是网络中断。请检查网络后重试；已输入的内容不受影响。";

/// Said when the person stopped a file being read.
pub const CANCELLED: &str = "已取消，没有读取。已输入的内容不受影响。";

/// What the worker is doing now, for the status line (with 取消 after a
/// second): what, since when, and how many calls are waiting.
#[derive(Clone, Debug, PartialEq)]
pub struct Busy {
    pub what: String,
    pub since: f64,
    pub calls: u32,
}

thread_local! {
    // Reference-counted, not owned by whichever component first asked: it
    // lives as long as the page.
    static BUSY: ArcRwSignal<Option<Busy>> = ArcRwSignal::new(None);
}

/// The worker's current work, `None` when idle.
pub fn busy() -> ArcRwSignal<Option<Busy>> {
    BUSY.with(Clone::clone)
}

fn begin(what: &str) {
    busy().update(|b| match b {
        Some(b) => {
            b.what = what.to_owned();
            b.calls += 1;
        }
        None => {
            *b = Some(Busy {
                what: what.to_owned(),
                since: js_sys::Date::now(),
                calls: 1,
            })
        }
    });
}

fn end() {
    busy().update(|b| {
        if let Some(x) = b {
            x.calls = x.calls.saturating_sub(1);
            if x.calls == 0 {
                *b = None;
            }
        }
    });
}

/// Stops the worker and every call waiting on it (they answer `CANCELLED`).
pub fn cancel() {
    worker_cancel();
}

/// Calls an export of a module in the worker; a refusal comes back as `Err`
/// in words, as does a trap, a cancellation or a timeout.
async fn call_in(
    which: Module,
    name: &str,
    args: &[JsValue],
    transfer: &[JsValue],
    what: &str,
) -> Result<JsValue, String> {
    begin(what);
    let args: Array = args.iter().collect();
    let transfer: Array = transfer.iter().collect();
    let reply = match worker_call(which.name(), name, &args, &transfer, TIMEOUT_MS) {
        Ok(p) => JsFuture::from(p).await.ok(),
        Err(_) => None,
    };
    end();
    let Some(reply) = reply else {
        return Err(which.unavailable().to_owned());
    };
    let field = |k: &str| Reflect::get(&reply, &k.into()).unwrap_or(JsValue::UNDEFINED);
    match field("kind").as_string().as_deref() {
        Some("ok") => Ok(field("value")),
        Some("refused") => Err(field("value")
            .as_string()
            .unwrap_or_else(|| which.unavailable().to_owned())),
        Some("trap") => Err(which.trapped().to_owned()),
        Some("cancelled") => Err(CANCELLED.to_owned()),
        Some("timeout") => Err(format!(
            "处理超过 {} 分钟仍未完成，已停止（文件可能过大或结构异常）。已输入的内容不受影响。",
            TIMEOUT_MS / 60_000
        )),
        _ => Err(which.unavailable().to_owned()),
    }
}

/// A JavaScript module of the build, imported relative to the app (the 汇总
/// workspace's store).
pub async fn import_js(path: &str) -> Result<JsValue, String> {
    let fail = |_| format!("无法加载程序文件 {path}，可能是网络中断。请检查网络后重试。");
    JsFuture::from(import_module(path).map_err(fail)?)
        .await
        .map_err(fail)
}

/// Calls an export of the file module.
async fn call(name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    call_in(Module::Files, name, args, &[], "正在生成文件").await
}

fn text(v: JsValue) -> Result<String, String> {
    v.as_string().ok_or_else(|| UNAVAILABLE.to_owned())
}

/// Reads a report file's bytes (see `nianbao_core::import::read_file`).
pub async fn read_report_file(name: &str, bytes: &[u8]) -> Result<FileRead, String> {
    let data = js_sys::Uint8Array::from(bytes);
    let buffer = data.buffer();
    read_in_worker(name, data.into(), &[buffer.into()]).await
}

/// The report in `bytes`, read like an imported file (any version, every
/// fault named), without what the import review shows.
pub async fn read_report_only(name: &str, bytes: &[u8]) -> Result<Report, String> {
    let data = js_sys::Uint8Array::from(bytes);
    let buffer = data.buffer();
    let out = call_in(
        Module::Files,
        "readReportFile",
        &[name.into(), data.into()],
        &[buffer.into()],
        &format!("正在读取“{name}”"),
    )
    .await?;
    FileRead::report_from_wire(&text(out)?).map_err(|_| UNAVAILABLE.to_owned())
}

/// Reads a chosen file: the worker reads its bytes itself, so a large file
/// is never copied through the page's thread.
pub async fn read_file_object(file: &web_sys::File) -> Result<FileRead, String> {
    read_in_worker(&file.name(), file.clone().into(), &[]).await
}

async fn read_in_worker(
    name: &str,
    data: JsValue,
    transfer: &[JsValue],
) -> Result<FileRead, String> {
    let out = call_in(
        Module::Files,
        "readReportFile",
        &[name.into(), data],
        transfer,
        &format!("正在读取“{name}”"),
    )
    .await?;
    // The module wrote it in the current version: the app's own reader.
    FileRead::from_wire(&text(out)?).map_err(|_| UNAVAILABLE.to_owned())
}

/// The publishable HTML of `report`, recording the export-stage counts.
pub async fn export_html(report: &Report, check: ExportCheck) -> Result<String, String> {
    text(
        call(
            "exportHtml",
            &[
                to_json_compact(report).into(),
                check.errors.into(),
                check.warnings.into(),
                check.explained.into(),
            ],
        )
        .await?,
    )
}

/// The report as a Word file's bytes.
pub async fn export_docx(
    report: &Report,
    check: ExportCheck,
) -> Result<js_sys::Uint8Array, String> {
    call_in(
        Module::Word,
        "exportDocx",
        &[
            to_json_compact(report).into(),
            check.errors.into(),
            check.warnings.into(),
            check.explained.into(),
        ],
        &[],
        "正在生成 Word 文件",
    )
    .await?
    .dyn_into::<js_sys::Uint8Array>()
    .map_err(|_| Module::Word.unavailable().to_owned())
}

/// The check report (体检报告) of `report`, dated `today`, with the local
/// rule pack's findings (`pack`: its JSON, or empty) and the office's open
/// comments (`review`: the 退回意见 file, or empty).
pub async fn check_report_html(
    report: &Report,
    previous: Option<&Report>,
    today: nianbao_core::report::Date,
    pack: &str,
    review: &str,
) -> Result<String, String> {
    text(
        call(
            "checkReportHtml",
            &[
                to_json_compact(report).into(),
                previous.map(to_json_compact).unwrap_or_default().into(),
                today.iso().into(),
                pack.into(),
                review.into(),
            ],
        )
        .await?,
    )
}

/// A roll-up as the worker made it (its tables drawn, the rules it breaks
/// with the units that break them) and the sum itself.
#[derive(Clone, Debug, PartialEq)]
pub struct RolledUp {
    pub view: nianbao_core::collect::RollUpView,
    pub report: Report,
}

fn array(list: &[String]) -> JsValue {
    list.iter()
        .map(|s| JsValue::from(s.as_str()))
        .collect::<js_sys::Array>()
        .into()
}

/// The roll-up of `units` (name, report), made in the worker.
pub async fn roll_up(units: &[(String, Report)]) -> Result<RolledUp, String> {
    let names: Vec<String> = units.iter().map(|(n, _)| n.clone()).collect();
    let jsons: Vec<String> = units.iter().map(|(_, r)| to_json_compact(r)).collect();
    let out = text(call("rollUp", &[array(&names), array(&jsons)]).await?)?;
    let v: nianbao_core::collect::RollUpView =
        serde_json::from_str(&out).map_err(|_| UNAVAILABLE.to_owned())?;
    Ok(RolledUp {
        report: read_current(&v.report).map_err(|e| e.to_string())?,
        view: v,
    })
}

/// Each report's id in the 汇总 workspace (the digest of its content).
pub async fn unit_ids(reports: &[&Report]) -> Result<Vec<String>, String> {
    let jsons: Vec<String> = reports.iter().map(|r| to_json_compact(r)).collect();
    let out = call("unitIds", &[array(&jsons)]).await?;
    let ids: Vec<String> = js_sys::Array::from(&out)
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if ids.len() == reports.len() {
        Ok(ids)
    } else {
        Err(UNAVAILABLE.to_owned())
    }
}

/// The unit list as CSV.
pub async fn units_csv(files: &[String], units: &[String], today: &str) -> Result<String, String> {
    text(call("unitsCsv", &[array(files), array(units), today.into()]).await?)
}

/// A roll-up's figures as open data (CSV), made in the worker.
pub async fn open_data_csv(report: &Report, units: usize) -> Result<String, String> {
    text(
        call(
            "openDataCsv",
            &[to_json_compact(report).into(), (units as u32).into()],
        )
        .await?,
    )
}

/// The printable summary, with the roll-up as made (`RollUpView` as JSON;
/// empty: none).
pub async fn summary_html(
    files: &[String],
    units: &[String],
    rollup: &str,
    today: &str,
) -> Result<String, String> {
    text(
        call(
            "summaryHtml",
            &[array(files), array(units), rollup.into(), today.into()],
        )
        .await?,
    )
}

/// A report's three tables as an HTML fragment.
pub async fn tables_html(report: &Report) -> Result<String, String> {
    text(call("tablesHtml", &[to_json_compact(report).into()]).await?)
}

/// The published layout for printing.
pub async fn print_html(report: &Report) -> Result<String, String> {
    text(call("printHtml", &[to_json_compact(report).into()]).await?)
}

/// The request ledger, held in the worker while its dialog is open
/// (`crates/nianbao-files/src/ledger.rs`); what crosses is `ledger::view`'s
/// serde types as JSON.
pub mod ledger {
    use nianbao_core::ledger::view::{Ask, CountView, LedgerView, Sources};
    use nianbao_core::template::TemplateId;

    use super::{call_in, text, JsValue, Module};

    async fn ask<T: serde::de::DeserializeOwned>(
        name: &str,
        args: &[JsValue],
        what: &str,
    ) -> Result<T, String> {
        let out = text(call_in(Module::Files, name, args, &[], what).await?)?;
        serde_json::from_str(&out).map_err(|_| super::UNAVAILABLE.to_owned())
    }

    fn code(t: TemplateId) -> String {
        serde_json::to_string(&t).unwrap_or_default()
    }

    /// A pasted ledger (the clipboard's HTML, or its text).
    pub async fn paste(
        html: &str,
        plain: &str,
        template: TemplateId,
        remembered: &str,
    ) -> Result<LedgerView, String> {
        let args = [
            html.into(),
            plain.into(),
            code(template).into(),
            remembered.into(),
        ];
        ask("ledgerPaste", &args, "正在读取台账").await
    }

    /// A CSV file (read by the worker).
    pub async fn csv(
        file: &web_sys::File,
        template: TemplateId,
        remembered: &str,
    ) -> Result<LedgerView, String> {
        let args = [
            file.name().into(),
            file.clone().into(),
            code(template).into(),
            remembered.into(),
        ];
        ask("ledgerCsv", &args, &format!("正在读取“{}”", file.name())).await
    }

    fn json(a: &Ask) -> JsValue {
        serde_json::to_string(a).unwrap_or_default().into()
    }

    pub async fn view(a: &Ask) -> Result<LedgerView, String> {
        ask("ledgerView", &[json(a)], "正在整理台账").await
    }

    pub async fn count(a: &Ask) -> Result<CountView, String> {
        ask("ledgerCount", &[json(a)], "正在按台账统计表三").await
    }

    pub async fn sources(a: &Ask) -> Result<Sources, String> {
        ask("ledgerSources", &[json(a)], "正在查找来源行").await
    }

    /// Forgets the ledger in the worker.
    pub async fn drop() {
        let _ = call_in(Module::Files, "ledgerDrop", &[], &[], "").await;
    }
}

/// A file a person chose or dropped, read in the worker (too large: said
/// before reading).
pub async fn read_picked(file: web_sys::File) -> Result<FileRead, String> {
    let name = file.name();
    if file.size() > nianbao_core::json::MAX_BYTES as f64 {
        return Err(nianbao_core::import::too_large(&name, file.size() as usize));
    }
    read_file_object(&file).await
}

/// Has the page module at `path` draw itself into the element `place` (its
/// `mount`), once for the page's life: a second click while the module is
/// still loading does not draw it twice (the element is marked at once).
/// Calls made after this one reach the module after its `mount` (they wait
/// for the same load, in order).
pub async fn mount_once(path: &str, place: &str) -> Result<(), String> {
    let place = leptos::prelude::document()
        .get_element_by_id(place)
        .ok_or("页面还没有准备好，请再点一次。")?;
    if place.has_attribute(DRAWN) {
        return Ok(());
    }
    let _ = place.set_attribute(DRAWN, "");
    let drawn = module_call(path, "mount", &[place.clone().into()])
        .await
        .map(|_| ());
    if drawn.is_err() {
        // Not drawn: the next use tries again.
        let _ = place.remove_attribute(DRAWN);
    }
    drawn
}

/// Marks a page module's place once it was asked to draw there.
const DRAWN: &str = "data-drawn";

/// Calls export `name` of a module that draws part of the page (built by
/// wasm-bindgen for the web, at `path` beside the app), loading it and
/// starting its wasm the first time. Said in words when it cannot load; an
/// export's own refusal is passed on as it says it.
pub async fn module_call(path: &str, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let fail = format!(
        "无法加载程序文件 {path}，可能是网络中断。请检查网络后刷新页面；已输入的内容不受影响。"
    );
    let m = import_js(path).await.map_err(|_| fail.clone())?;
    let export = |name: &str| -> Result<js_sys::Function, String> {
        Reflect::get(&m, &name.into())
            .ok()
            .and_then(|f| f.dyn_into().ok())
            .ok_or_else(|| fail.clone())
    };
    // wasm-bindgen's `default` fetches the module's wasm beside its script
    // (once: later calls return the running instance).
    let started = export("default")?
        .call0(&JsValue::NULL)
        .map_err(|_| fail.clone())?;
    JsFuture::from(Promise::from(started))
        .await
        .map_err(|_| fail.clone())?;
    let args: Array = args.iter().collect();
    export(name)?
        .apply(&JsValue::NULL, &args)
        .map_err(|e| e.as_string().unwrap_or_else(|| fail.clone()))
}
