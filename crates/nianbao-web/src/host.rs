//! What a module that draws part of the page asks of the editor that hosts
//! it (the 汇总 workspace: open a unit as a new draft, fill a roll-up into the
//! open draft). The editor serves each request on the window
//! (`nianbaoHost`); a module calls it. Reports cross as the app's JSON and
//! answers as words; a module loaded without its host says so.

use js_sys::{Function, Object, Reflect};
use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};

const HOST: &str = "nianbaoHost";
const OPEN_DRAFT: &str = "openDraft";
const FILL_TABLES: &str = "fillTables";
const NO_HOST: &str = "本页没有打开编辑器，无法填入或打开草稿。请从编辑页进入汇总。";

/// The editor's side: serves the requests. `open_draft(report JSON, what to
/// say)`; `fill_tables(report JSON)` answers Ok(words) or Err(why).
pub fn serve(
    open_draft: impl Fn(String, String) + 'static,
    fill_tables: impl Fn(String) -> Result<String, String> + 'static,
) {
    let host = Object::new();
    let open = Closure::<dyn Fn(String, String)>::new(open_draft);
    let fill = Closure::<dyn Fn(String) -> JsValue>::new(move |json: String| {
        // An answer is [ok, words].
        let (ok, words) = match fill_tables(json) {
            Ok(w) => (true, w),
            Err(w) => (false, w),
        };
        js_sys::Array::of2(&ok.into(), &words.into()).into()
    });
    let _ = Reflect::set(&host, &OPEN_DRAFT.into(), open.as_ref());
    let _ = Reflect::set(&host, &FILL_TABLES.into(), fill.as_ref());
    let _ = Reflect::set(&js_sys::global(), &HOST.into(), &host);
    // Served for the page's life.
    open.forget();
    fill.forget();
}

fn request(name: &str) -> Result<Function, String> {
    Reflect::get(&js_sys::global(), &HOST.into())
        .ok()
        .filter(|h| h.is_object())
        .and_then(|h| Reflect::get(&h, &name.into()).ok())
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| NO_HOST.to_owned())
}

/// A module's side: opens `report_json` as a new draft in the editor, which
/// then says `words`.
pub fn open_draft(report_json: &str, words: &str) -> Result<(), String> {
    request(OPEN_DRAFT)?
        .call2(&JsValue::NULL, &report_json.into(), &words.into())
        .map(|_| ())
        .map_err(|_| NO_HOST.to_owned())
}

/// A module's side: fills a roll-up's tables into the open draft; the
/// editor's words for what happened, or why it did not.
pub fn fill_tables(report_json: &str) -> Result<String, String> {
    let answer = request(FILL_TABLES)?
        .call1(&JsValue::NULL, &report_json.into())
        .map_err(|_| NO_HOST.to_owned())?;
    let pair = js_sys::Array::from(&answer);
    let words = pair.get(1).as_string().unwrap_or_default();
    if pair.get(0).as_bool() == Some(true) {
        Ok(words)
    } else {
        Err(words)
    }
}
