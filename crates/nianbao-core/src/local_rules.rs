//! Local rule packs (本地规则): the checks a deployment adds for its place —
//! a length limit on a section, a sentence or a figure a section must state,
//! a local signing deadline, bounds on the derived indicators of spec §8.11.
//! Declared as data in a small vocabulary, read strictly and checked against
//! both formats when loaded (a bad pack is refused in words); each finding
//! is a 提示 (rule L1) that names the pack.

use serde::{Deserialize, Serialize};

use crate::limits::{text_len, MAX_TEXT_CHARS};
use crate::report::{Date, Field, Report};
use crate::rules::{Finding, RuleId, Severity};
use crate::template::{CellId, TemplateId};

pub const SCHEMA_ID: &str = "nianbao.rules";
pub const VERSION: u32 = 1;
/// At most this many rules in a pack, and this many bytes of JSON.
pub const MAX_RULES: usize = 100;
pub const MAX_PACK_BYTES: usize = 256 * 1024;
/// 总体情况 as a whole (its text, its aspects or parts) for `maxChars`.
pub const WHOLE_OVERVIEW: &str = "overview";

/// One rule of the vocabulary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum LocalRule {
    /// A section's text is at most `max` characters.
    MaxChars { field: String, max: usize },
    /// A section's text contains `phrase`.
    Phrase { field: String, phrase: String },
    /// A section's text states the figure of `cell` (when the cell is filled).
    Figure { field: String, cell: String },
    /// The report is signed on or before this day (`MM-DD`) of the year after.
    Deadline { month_day: String },
    /// A derived indicator (by its name) lies within `min`…`max` percent.
    Indicator {
        name: String,
        #[serde(default)]
        min: Option<f64>,
        #[serde(default)]
        max: Option<f64>,
    },
}

/// A pack as the deployment declares it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Pack {
    pub schema: String,
    pub schema_version: u32,
    /// Shown on every finding it raises: 【name】.
    pub name: String,
    pub rules: Vec<LocalRule>,
}

fn text_field(key: &str) -> Option<Field> {
    crate::edit::journal::text_field(key)
}

/// Reads a pack strictly and checks each rule against both formats: what is
/// wrong, in words.
pub fn read_pack(text: &str) -> Result<Pack, String> {
    let fail = |why: String| {
        let why = why.trim_end_matches('。');
        format!("本地规则包无法使用：{why}。其余检查照常进行。")
    };
    if text.len() > MAX_PACK_BYTES {
        return Err(fail(format!("文件超过 {} KB", MAX_PACK_BYTES / 1024)));
    }
    let value = crate::json::parse(text).map_err(|e| fail(e.to_string()))?;
    if value.get("schema").and_then(serde_json::Value::as_str) != Some(SCHEMA_ID) {
        return Err(fail("没有“nianbao.rules”标记".to_owned()));
    }
    let pack: Pack = serde_json::from_value(value)
        .map_err(|e| fail(crate::json::strict::plain("rules", &e.to_string())))?;
    if pack.schema_version != VERSION {
        return Err(fail(format!(
            "版本 {} 不是本工具能读的第 {VERSION} 版",
            pack.schema_version
        )));
    }
    let name_len = pack.name.trim().chars().count();
    if !(1..=50).contains(&name_len) {
        return Err(fail("名称应为 1 至 50 个字".to_owned()));
    }
    if pack.rules.is_empty() || pack.rules.len() > MAX_RULES {
        return Err(fail(format!("应有 1 至 {MAX_RULES} 条规则")));
    }
    for (i, rule) in pack.rules.iter().enumerate() {
        check(rule).map_err(|why| fail(format!("第 {} 条规则{why}", i + 1)))?;
    }
    Ok(pack)
}

fn check(rule: &LocalRule) -> Result<(), String> {
    let field = |key: &str| {
        if key == WHOLE_OVERVIEW || text_field(key).is_some() {
            Ok(())
        } else {
            Err(format!("指向的栏目“{key}”不存在"))
        }
    };
    match rule {
        LocalRule::MaxChars { field: f, max } => {
            field(f)?;
            if !(1..=MAX_TEXT_CHARS).contains(max) {
                return Err(format!("的字数上限应在 1 至 {MAX_TEXT_CHARS} 之间"));
            }
        }
        LocalRule::Phrase { field: f, phrase } => {
            field(f)?;
            if f == WHOLE_OVERVIEW {
                return Err("应指向具体的栏目".to_owned());
            }
            if !(1..=200).contains(&phrase.trim().chars().count()) {
                return Err("要求的文字应为 1 至 200 个字".to_owned());
            }
        }
        LocalRule::Figure { field: f, cell } => {
            field(f)?;
            let found = TemplateId::ALL
                .iter()
                .any(|t| t.get().cell_by_dom_id(cell).is_some());
            if !found {
                return Err(format!("指向的单元格“{cell}”不存在"));
            }
        }
        LocalRule::Deadline { month_day } => {
            Date::parse_month_day(month_day).ok_or("的日期应写成“01-20”的样子")?;
        }
        LocalRule::Indicator { name, min, max } => {
            let known = crate::draft::indicators(&Report::new(2025))
                .iter()
                .any(|x| x.name == name);
            if !known {
                return Err(format!("的指标“{name}”不是派生指标之一"));
            }
            let ok = |v: &Option<f64>| v.is_none_or(|v| (0.0..=100.0).contains(&v));
            if (min.is_none() && max.is_none()) || !ok(min) || !ok(max) {
                return Err("应给出 0 至 100 之间的下限或上限（百分数）".to_owned());
            }
        }
    }
    Ok(())
}

fn finding(pack: &Pack, i: usize, cells: Vec<CellId>, fields: Vec<Field>, what: String) -> Finding {
    Finding {
        rule: RuleId::L1,
        severity: Severity::Warning,
        cells,
        fields,
        formula: format!("{}第{}条", pack.name, i + 1),
        sides: None,
        message: format!("【{}】{what}", pack.name),
        quote: None,
    }
}

/// A section's text to check, and the field a finding points at.
fn section(report: &Report, key: &str) -> Option<(Field, String, String)> {
    if key == WHOLE_OVERVIEW {
        let heading = crate::section::Section::Overview.heading().to_owned();
        let mut text = report.overview.text.clone();
        for a in &report.overview.aspects {
            text.push_str(a);
        }
        for p in &report.overview.parts {
            text.push_str(&p.title);
            text.push_str(&p.text);
        }
        return Some((Field::OverviewText, heading, text));
    }
    let f = text_field(key)?;
    Some((f, f.label(), report.field_text(f)?.to_owned()))
}

/// Whether `text` states `n` as a number of its own (not part of a longer one).
fn states(text: &str, n: i64) -> bool {
    let want = n.to_string();
    text.split(|c: char| !c.is_ascii_digit())
        .any(|run| run == want)
}

/// What the pack finds in `report`.
pub fn check_pack(pack: &Pack, report: &Report) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, rule) in pack.rules.iter().enumerate() {
        if let Some(f) = apply(pack, i, rule, report) {
            out.push(f);
        }
    }
    out
}

fn apply(pack: &Pack, i: usize, rule: &LocalRule, report: &Report) -> Option<Finding> {
    let at = |f: Field| vec![f];
    match rule {
        LocalRule::MaxChars { field, max } => {
            let (f, label, text) = section(report, field)?;
            let n = text_len(&text);
            (n > *max).then(|| {
                finding(
                    pack,
                    i,
                    vec![],
                    at(f),
                    format!("“{label}”最多 {max} 个字，现有 {n} 个字。"),
                )
            })
        }
        LocalRule::Phrase { field, phrase } => {
            let (f, label, text) = section(report, field)?;
            let plain = |s: &str| s.split_whitespace().collect::<String>();
            (!plain(&text).contains(&plain(phrase))).then(|| {
                finding(
                    pack,
                    i,
                    vec![],
                    at(f),
                    format!("“{label}”应写明“{}”。", phrase.trim()),
                )
            })
        }
        LocalRule::Figure { field, cell } => {
            let (f, label, text) = section(report, field)?;
            let c = report.template().cell_by_dom_id(cell)?;
            let v = report.get(c)?;
            let name = report.template().def(c).name();
            (!states(&text, v)).then(|| {
                finding(
                    pack,
                    i,
                    vec![c],
                    at(f),
                    format!("“{label}”应写明“{name}”的数字（表中为 {v}）。"),
                )
            })
        }
        LocalRule::Deadline { month_day } => {
            let (m, d) = Date::parse_month_day(month_day)?;
            let last = Date::new(report.year.checked_add(1)?, m, d)?;
            let signed = report.signed_date?;
            (signed > last).then(|| {
                finding(
                    pack,
                    i,
                    vec![],
                    at(Field::SignedDate),
                    format!(
                        "本地要求在 {} 之前落款发布，落款日期为 {}。",
                        last.chinese(),
                        signed.chinese()
                    ),
                )
            })
        }
        LocalRule::Indicator { name, min, max } => indicator(pack, i, report, name, *min, *max),
    }
}

fn indicator(
    pack: &Pack,
    i: usize,
    report: &Report,
    name: &str,
    min: Option<f64>,
    max: Option<f64>,
) -> Option<Finding> {
    let x = crate::draft::indicators(report)
        .into_iter()
        .find(|x| x.name == name)?;
    let (n, d) = (x.numerator?, x.denominator?);
    if d.value == 0 {
        return None;
    }
    let pct = n.value as f64 * 100.0 / d.value as f64;
    let low = min.is_some_and(|m| pct < m);
    let high = max.is_some_and(|m| pct > m);
    let bound = match (low, high) {
        (true, _) => format!("不低于 {}%", min.unwrap_or_default()),
        (_, true) => format!("不高于 {}%", max.unwrap_or_default()),
        _ => return None,
    };
    let cells = n.cells.into_iter().take(1).collect();
    Some(finding(
        pack,
        i,
        cells,
        vec![],
        format!("{name}为 {}（{}），本地要求{bound}。", x.rate, x.formula),
    ))
}

#[cfg(test)]
#[path = "local_rules_tests.rs"]
mod tests;
