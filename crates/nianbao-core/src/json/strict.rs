//! Strict reading of JSON: duplicate keys refused (a file must not say two
//! things about one cell), and every structure error said in plain Chinese
//! with the place named from the templates — never the JSON library's English.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Number, Value};

use crate::report::{Aspect, Field};
use crate::section::Section;
use crate::template::{TableId, TemplateId};

/// A JSON value read with duplicate keys refused.
pub struct Strict(pub Value);

/// The prefix of the error a duplicate key raises (turned into words by `plain`).
pub(crate) const DUPLICATE: &str = "duplicate key:";

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Strict, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Strict::deserialize(d).map(|s| s.0)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let Strict(v) = map.next_value()?;
            if out.contains_key(&key) {
                return Err(de::Error::custom(format!("{DUPLICATE}{key}")));
            }
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// The place a JSON path names, for a person: `表三“一、本年新收… 自然人”`,
/// `机关名称`, or the path's last key quoted.
pub fn place(path: &str) -> String {
    let parts: Vec<&str> = path
        .split('.')
        .filter(|p| !p.is_empty() && *p != "?")
        .collect();
    let table = |key: &str| TableId::ALL.into_iter().find(|t| t.key() == key);
    match parts.as_slice() {
        [] => "文件".to_owned(),
        ["report", t, row, col, ..] if table(t).is_some() => {
            let t = table(t).unwrap_or(TableId::Requests);
            TemplateId::ALL
                .iter()
                .find_map(|id| {
                    let tpl = id.get();
                    tpl.cell(t, row, col)
                        .map(|c| format!("{}“{}”", t.name(), tpl.def(c).name()))
                })
                .unwrap_or_else(|| format!("{}中的“{row}”“{col}”", t.name()))
        }
        ["report", t, row] if table(t).is_some() => {
            format!("{}中的“{row}”一行", table(t).map_or("", |t| t.name()))
        }
        ["report", t] if table(t).is_some() => table(t).map_or("", |t| t.name()).to_owned(),
        ["report", "year"] => Field::Year.label(),
        ["report", "signedDate"] => Field::SignedDate.label(),
        ["report", "agency", "name"] => Field::AgencyName.label(),
        ["report", "agency", "kind"] => Field::AgencyKind.label(),
        ["report", "agency", "region"] => Field::Region.label(),
        ["report", "agency", ..] => "机关信息".to_owned(),
        ["report", "overview", "aspects", a, ..] => {
            Aspect::ALL.into_iter().find(|x| x.key() == *a).map_or_else(
                || Section::Overview.heading().to_owned(),
                |x| Field::Aspect(x).label(),
            )
        }
        ["report", "overview", ..] => Section::Overview.heading().to_owned(),
        ["report", "problems"] => Field::Problems.label(),
        ["report", "other", "infoFee", "notices"] => Field::FeeNotices.label(),
        ["report", "other", "infoFee", "billedYuan"] => Field::FeeBilled.label(),
        ["report", "other", "infoFee", "collectedYuan"] => Field::FeeCollected.label(),
        ["report", "other", ..] => Field::OtherText.label(),
        ["report"] => "报告内容".to_owned(),
        ["template"] => "格式标记（template）".to_owned(),
        ["schemaVersion"] => "数据格式版本".to_owned(),
        [.., last] => format!("“{last}”"),
    }
}

/// What a type in serde's words is, in Chinese.
fn kind(words: &str) -> String {
    let w = words.trim();
    for (en, zh) in [
        ("a JSON number", "数字"),
        ("integer", "数字"),
        ("floating point", "数字"),
        ("u32", "整数"),
        ("u64", "整数"),
        ("i32", "整数"),
        ("i64", "整数"),
        ("f64", "数字"),
        ("boolean", "是/否值"),
        ("a boolean", "是/否值"),
        ("null", "空值"),
        ("unit", "空值"),
        ("a string", "文字"),
        ("string", "文字"),
        ("map", "一组内容（对象）"),
        ("a map", "一组内容（对象）"),
        ("sequence", "列表"),
        ("a sequence", "列表"),
        ("struct", "一组内容（对象）"),
    ] {
        if w == en || w.starts_with(&format!("{en} ")) {
            return zh.to_owned();
        }
    }
    if w.starts_with("struct ") || w.starts_with("a map") {
        return "一组内容（对象）".to_owned();
    }
    if w.contains("variant") {
        return "规定的取值之一".to_owned();
    }
    "别的内容".to_owned()
}

/// The part of `msg` between two backticks after `prefix`.
fn quoted<'a>(msg: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = msg.strip_prefix(prefix)?;
    let rest = rest.strip_prefix('`')?;
    rest.split('`').next()
}

/// A serde error at `path`, in plain Chinese.
pub fn plain(path: &str, msg: &str) -> String {
    let at = place(path);
    if let Some(key) = msg.strip_prefix(DUPLICATE) {
        return format!("{at}中“{key}”出现了两次，无法确定取哪一个。");
    }
    if let Some(key) = quoted(msg, "unknown field ") {
        return format!("{at}中有本工具不认识的项“{key}”（文件可能被改过，或不是本工具导出的）。");
    }
    if let Some(key) = quoted(msg, "missing field ") {
        return format!(
            "{at}缺少“{}”一项。",
            place(&format!("{path}.{key}")).trim_matches(['“', '”'])
        );
    }
    if let Some(v) = quoted(msg, "unknown variant ") {
        return format!("{at}的值“{v}”不是规定的取值之一。");
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            let found = match found.strip_prefix("string ") {
                Some(s) => format!("文字“{}”", s.trim_matches('"')),
                None => kind(found),
            };
            return format!("{at}应为{}，文件里是{found}。", kind(expected));
        }
    }
    if msg.starts_with("invalid value") || msg.starts_with("invalid length") {
        return format!("{at}的值不对。");
    }
    format!("{at}的内容不对。")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_errors_become_plain_chinese_naming_the_place() {
        assert_eq!(
            plain(
                "report.table3.newReceived.natural",
                "invalid type: string \"581\", expected a JSON number"
            ),
            "表三“一、本年新收政府信息公开申请数量 自然人”应为数字，文件里是文字“581”。"
        );
        assert_eq!(
            plain(
                "report.agency",
                "unknown field `nmae`, expected one of `name`, `kind`, `region`"
            ),
            "机关信息中有本工具不认识的项“nmae”（文件可能被改过，或不是本工具导出的）。"
        );
        assert_eq!(
            plain("report.problems", "invalid type: null, expected a string"),
            "五、存在的主要问题及改进情况应为文字，文件里是空值。"
        );
        assert_eq!(
            plain(
                "template",
                "unknown variant `F2030`, expected `F2019` or `F2021`"
            ),
            "格式标记（template）的值“F2030”不是规定的取值之一。"
        );
        assert_eq!(
            plain("report.table3.granted", "duplicate key:natural"),
            "表三中的“granted”一行中“natural”出现了两次，无法确定取哪一个。"
        );
        for m in [
            "whatever went wrong",
            "invalid type: map, expected u32",
            "missing field `year`",
        ] {
            let text = plain("report", m);
            assert!(
                !text.contains("expected") && !text.contains("field") && !text.contains("invalid"),
                "{text}"
            );
        }
    }

    #[test]
    fn duplicate_keys_are_refused() {
        let e = serde_json::from_str::<Strict>(r#"{"a":1,"b":{"c":1,"c":2}}"#)
            .err()
            .unwrap();
        assert!(e.to_string().starts_with("duplicate key:c"));
        assert!(serde_json::from_str::<Strict>(r#"{"a":[1,{"b":null}]}"#).is_ok());
    }
}
