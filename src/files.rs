//! The modules loaded on first use, then kept: the file module
//! (`crates/nianbao-files`) the first time a report file is read or the
//! publishable HTML is written, the Word module (`crates/nianbao-word`) the
//! first time a Word file is made. It is fetched
//! by `boot.js`'s `nianbaoImport` (a module import relative to the app, so
//! it works from any folder and under a strict CSP) and cached offline with
//! the rest of the build.

use std::cell::RefCell;

use js_sys::{Function, Promise, Reflect};
use leptos::wasm_bindgen::{self, prelude::*, JsCast};
use nianbao_core::import::{FileRead, Recognition};
use nianbao_core::json::{read_current, to_json, ExportCheck};
use nianbao_core::Report;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// Defined by boot.js: `import()` of a path relative to the app.
    #[wasm_bindgen(catch, js_name = nianbaoImport)]
    fn import_module(path: &str) -> Result<Promise, JsValue>;
}

/// A module loaded on first use: its JavaScript beside the app's, and what
/// to say when it cannot be loaded.
#[derive(Clone, Copy, PartialEq)]
enum Module {
    /// Reading report files, the publishable HTML, the check report.
    Files,
    /// The Word file (its zip writer is the weight).
    Word,
}

impl Module {
    const fn path(self) -> &'static str {
        match self {
            Module::Files => "./nianbao_files.js",
            Module::Word => "./nianbao_word.js",
        }
    }

    const fn unavailable(self) -> &'static str {
        match self {
            Module::Files => UNAVAILABLE,
            Module::Word => "无法加载生成 Word 文件的程序部分（nianbao_word），可能是网络中断。请检查网络后重试；已输入的内容不受影响。",
        }
    }
}

thread_local! {
    static LOADED: RefCell<Vec<(&'static str, JsValue)>> = const { RefCell::new(Vec::new()) };
}

const UNAVAILABLE: &str =
    "无法加载读写文件的程序部分（nianbao_files），可能是网络中断。请检查网络后重试；已输入的内容不受影响。";

/// The loaded module (loading it the first time).
async fn module(which: Module) -> Result<JsValue, String> {
    let path = which.path();
    if let Some(m) = LOADED.with(|l| {
        l.borrow()
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, m)| m.clone())
    }) {
        return Ok(m);
    }
    let fail = |_| which.unavailable().to_owned();
    let m = JsFuture::from(import_module(path).map_err(fail)?)
        .await
        .map_err(fail)?;
    // The module's default export instantiates its wasm (found beside it).
    let init: Function = Reflect::get(&m, &"default".into())
        .map_err(fail)?
        .dyn_into()
        .map_err(fail)?;
    let started: Promise = init
        .call0(&JsValue::NULL)
        .map_err(fail)?
        .dyn_into()
        .map_err(fail)?;
    JsFuture::from(started).await.map_err(fail)?;
    LOADED.with(|l| l.borrow_mut().push((path, m.clone())));
    Ok(m)
}

/// Calls an export of a module; a thrown reason comes back as `Err`.
async fn call_in(which: Module, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let m = module(which).await?;
    let f: Function = Reflect::get(&m, &name.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| which.unavailable().to_owned())?;
    let args: js_sys::Array = args.iter().collect();
    f.apply(&JsValue::NULL, &args).map_err(|e| {
        e.as_string()
            .unwrap_or_else(|| which.unavailable().to_owned())
    })
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
    call_in(Module::Files, name, args).await
}

fn text(v: JsValue) -> Result<String, String> {
    v.as_string().ok_or_else(|| UNAVAILABLE.to_owned())
}

/// Reads a report file's bytes (see `nianbao_core::import::read_file`).
pub async fn read_report_file(name: &str, bytes: &[u8]) -> Result<FileRead, String> {
    let out = call(
        "readReportFile",
        &[name.into(), js_sys::Uint8Array::from(bytes).into()],
    )
    .await?;
    let field = |k: &str| Reflect::get(&out, &k.into()).unwrap_or(JsValue::UNDEFINED);
    // The module wrote it in the current version: the app's own reader.
    let report = read_current(&text(field("report"))?).map_err(|e| e.to_string())?;
    let strings = |v: &JsValue| -> Vec<String> {
        js_sys::Array::from(v)
            .iter()
            .filter_map(|d| d.as_string())
            .collect()
    };
    let recognition = Some(field("recognition"))
        .filter(|r| r.is_object())
        .map(|r| {
            let get = |k: &str| Reflect::get(&r, &k.into()).unwrap_or(JsValue::UNDEFINED);
            Recognition {
                recognised: get("recognised").as_f64().unwrap_or(0.0) as usize,
                uncertain: strings(&get("uncertain")),
                not_found: get("notFound").as_f64().unwrap_or(0.0) as usize,
                notes: strings(&get("notes")),
                review_html: get("reviewHtml").as_string().unwrap_or_default(),
            }
        });
    Ok(FileRead {
        report,
        note: field("note").as_string(),
        differences: strings(&field("differences")),
        recognition,
    })
}

/// The publishable HTML of `report`, recording the export-stage counts.
pub async fn export_html(report: &Report, check: ExportCheck) -> Result<String, String> {
    text(
        call(
            "exportHtml",
            &[
                to_json(report).into(),
                check.errors.into(),
                check.warnings.into(),
                check.explained.into(),
            ],
        )
        .await?,
    )
}

/// The report as a Word file's bytes.
pub async fn export_docx(report: &Report) -> Result<js_sys::Uint8Array, String> {
    call_in(Module::Word, "exportDocx", &[to_json(report).into()])
        .await?
        .dyn_into::<js_sys::Uint8Array>()
        .map_err(|_| Module::Word.unavailable().to_owned())
}

/// The check report (体检报告) of `report`, dated `today`.
pub async fn check_report_html(
    report: &Report,
    previous: Option<&Report>,
    today: nianbao_core::report::Date,
) -> Result<String, String> {
    text(
        call(
            "checkReportHtml",
            &[
                to_json(report).into(),
                previous.map(to_json).unwrap_or_default().into(),
                today.iso().into(),
            ],
        )
        .await?,
    )
}

/// A roll-up as the workspace shows it: the sum, its tables drawn by the file
/// module, and the rules it breaks with the units that break them.
#[derive(Clone, Debug, PartialEq)]
pub struct RolledUp {
    pub report: Report,
    pub units: usize,
    pub tables_html: String,
    /// (message, rule, the units that break it).
    pub findings: Vec<(String, String, Vec<String>)>,
}

fn array(list: &[String]) -> JsValue {
    list.iter()
        .map(|s| JsValue::from(s.as_str()))
        .collect::<js_sys::Array>()
        .into()
}

/// The unit list as CSV.
pub async fn units_csv(files: &[String], units: &[String], today: &str) -> Result<String, String> {
    text(call("unitsCsv", &[array(files), array(units), today.into()]).await?)
}

/// The printable summary, with the roll-up of the given units.
pub async fn summary_html(
    files: &[String],
    units: &[String],
    rolled: (&[String], &[String]),
    today: &str,
) -> Result<String, String> {
    text(
        call(
            "summaryHtml",
            &[
                array(files),
                array(units),
                array(rolled.0),
                array(rolled.1),
                today.into(),
            ],
        )
        .await?,
    )
}

/// A report's three tables as an HTML fragment.
pub async fn tables_html(report: &Report) -> Result<String, String> {
    text(call("tablesHtml", &[to_json(report).into()]).await?)
}

/// The published layout for printing.
pub async fn print_html(report: &Report) -> Result<String, String> {
    text(call("printHtml", &[to_json(report).into()]).await?)
}
