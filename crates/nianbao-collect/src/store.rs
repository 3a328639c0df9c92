//! The workspace's units kept in IndexedDB (`collect-store.js`): hundreds of
//! reports do not fit in localStorage. Each unit is its file name and the
//! report as the app's JSON, a versioned record (`collect::StoredUnit`).
//! Faults are said in Chinese; nothing is dropped silently.

use js_sys::{Array, Function, Promise, Reflect};
use leptos::wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub use nianbao_core::collect::StoredUnit as Stored;

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
    let m = nianbao_web::files::import_js(MODULE).await?;
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
    // Each record as its serde JSON made an object (`StoredUnit`, versioned).
    let list: Array = units
        .iter()
        .filter_map(|u| js_sys::JSON::parse(&u.to_json()).ok())
        .collect();
    call(ns, "putUnits", Some(list.into())).await.map(|_| ())
}

/// The stored units, and the words for each record that could not be read.
pub async fn all(ns: &str) -> Result<(Vec<Stored>, Vec<String>), String> {
    let list = call(ns, "allUnits", None).await?;
    let (mut units, mut faults) = (Vec::new(), Vec::new());
    for o in Array::from(&list).iter() {
        let text = js_sys::JSON::stringify(&o)
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default();
        match Stored::read(&text) {
            Ok(u) => units.push(u),
            Err(why) => faults.push(format!(
                "工作区中有一条记录无法读取（{why}），已跳过，没有删除。"
            )),
        }
    }
    Ok((units, faults))
}

pub async fn delete(ns: &str, ids: &[String]) -> Result<(), String> {
    let list: Array = ids.iter().map(|i| JsValue::from(i.as_str())).collect();
    call(ns, "deleteUnits", Some(list.into())).await.map(|_| ())
}
