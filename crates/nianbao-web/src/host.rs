//! What a module that draws part of the page asks of the editor that hosts
//! it (`nianbao_core::host::Request`: open a unit as a new draft, fill a
//! roll-up or a ledger's count into the open draft…). The editor serves the
//! requests on the window (`nianbaoHost`); a module sends them. A request
//! crosses as an array of strings (its name and fields), an answer as
//! `[ok, words]`; a module loaded without its host says so.

use js_sys::{Array, Function, Object, Reflect};
use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};
use nianbao_core::host::Request;

const HOST: &str = "nianbaoHost";
const REQUEST: &str = "request";
const NO_HOST: &str = "本页没有打开编辑器，无法完成。请从编辑页进入。";

/// The editor's side: answers each request with words, or why not.
pub fn serve(answer: impl Fn(Request) -> Result<String, String> + 'static) {
    let host = Object::new();
    let request = Closure::<dyn Fn(JsValue) -> JsValue>::new(move |fields: JsValue| {
        let fields: Option<Vec<String>> = Array::is_array(&fields)
            .then(|| Array::from(&fields).iter().map(|f| f.as_string()).collect())
            .flatten();
        let (ok, words) = match fields.and_then(Request::from_fields).map(&answer) {
            Some(Ok(w)) => (true, w),
            Some(Err(w)) => (false, w),
            None => (false, NO_HOST.to_owned()),
        };
        Array::of2(&ok.into(), &words.into()).into()
    });
    let _ = Reflect::set(&host, &REQUEST.into(), request.as_ref());
    let _ = Reflect::set(&js_sys::global(), &HOST.into(), &host);
    // Served for the page's life.
    request.forget();
}

/// A module's side: the editor's words for what it did, or why it did not.
pub fn request(r: &Request) -> Result<String, String> {
    let f = Reflect::get(&js_sys::global(), &HOST.into())
        .ok()
        .filter(JsValue::is_object)
        .and_then(|h| Reflect::get(&h, &REQUEST.into()).ok())
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| NO_HOST.to_owned())?;
    let fields: Array = r.to_fields().into_iter().map(JsValue::from).collect();
    let answer = f
        .call1(&JsValue::NULL, &fields)
        .map_err(|_| NO_HOST.to_owned())?;
    let pair = Array::from(&answer);
    let words = pair.get(1).as_string().unwrap_or_default();
    if pair.get(0).as_bool() == Some(true) {
        Ok(words)
    } else {
        Err(words)
    }
}
