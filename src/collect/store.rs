//! The workspace's units kept in IndexedDB (`collect-store.js`): hundreds of
//! reports do not fit in localStorage. Each unit is its file name and the
//! report as the app's JSON. Faults are said in Chinese; nothing is dropped
//! silently.

use js_sys::{Array, Function, Object, Promise, Reflect};
use leptos::wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// One stored unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub id: String,
    pub file: String,
    pub json: String,
    pub added: f64,
    /// The file printed its year (or a person confirmed it).
    pub year_found: bool,
}

const MODULE: &str = "./collect-store.js";

/// What a failure means for the person.
fn say(name: &str) -> String {
    match name {
        "QuotaExceededError" => "浏览器的存储空间已满，汇总工作区没有保存。请删除不需要的单位或清理浏览器数据；已添加的单位仍在本页中，关闭前请下载单位清单（CSV）和汇总结果。".to_owned(),
        "BlockedError" => "另一个窗口正在使用汇总工作区的数据库，暂时无法保存。请关闭其他打开本工具的窗口后重试；本页中的单位不受影响。".to_owned(),
        "InvalidStateError" | "SecurityError" => "浏览器不允许本页使用数据库（可能是隐私模式或门户网站的限制），汇总工作区只能保存在本页中：关闭前请下载单位清单（CSV）和汇总结果。".to_owned(),
        other => format!("汇总工作区没有保存（数据库错误 {other}）。本页中的单位不受影响；请稍后重试，或下载单位清单（CSV）和汇总结果。"),
    }
}

async fn call(ns: &str, name: &str, arg: Option<JsValue>) -> Result<JsValue, String> {
    let m = crate::files::import_js(MODULE).await?;
    let f: Function = Reflect::get(&m, &name.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| say("UnknownError"))?;
    let promise: Promise = match arg {
        Some(a) => f.call2(&JsValue::NULL, &ns.into(), &a),
        None => f.call1(&JsValue::NULL, &ns.into()),
    }
    .map_err(|e| say(&e.as_string().unwrap_or_default()))?
    .dyn_into()
    .map_err(|_| say("UnknownError"))?;
    JsFuture::from(promise)
        .await
        .map_err(|e| say(&e.as_string().unwrap_or_else(|| "UnknownError".to_owned())))
}

pub async fn put(ns: &str, units: &[Stored]) -> Result<(), String> {
    let list: Array = units
        .iter()
        .map(|u| {
            let o = Object::new();
            let _ = Reflect::set(&o, &"id".into(), &u.id.as_str().into());
            let _ = Reflect::set(&o, &"file".into(), &u.file.as_str().into());
            let _ = Reflect::set(&o, &"json".into(), &u.json.as_str().into());
            let _ = Reflect::set(&o, &"added".into(), &u.added.into());
            let _ = Reflect::set(&o, &"yearFound".into(), &u.year_found.into());
            JsValue::from(o)
        })
        .collect();
    call(ns, "putUnits", Some(list.into())).await.map(|_| ())
}

pub async fn all(ns: &str) -> Result<Vec<Stored>, String> {
    let list = call(ns, "allUnits", None).await?;
    Ok(Array::from(&list)
        .iter()
        .filter_map(|o| {
            let get = |k: &str| Reflect::get(&o, &k.into()).ok();
            Some(Stored {
                id: get("id")?.as_string()?,
                file: get("file")?.as_string()?,
                json: get("json")?.as_string()?,
                added: get("added")?.as_f64().unwrap_or(0.0),
                // Kept before the flag existed: the year as read.
                year_found: get("yearFound").and_then(|v| v.as_bool()).unwrap_or(true),
            })
        })
        .collect())
}

pub async fn delete(ns: &str, ids: &[String]) -> Result<(), String> {
    let list: Array = ids.iter().map(|i| JsValue::from(i.as_str())).collect();
    call(ns, "deleteUnits", Some(list.into())).await.map(|_| ())
}
