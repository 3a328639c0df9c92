//! 退回意见: what the office that collects reports sends back to a unit — its
//! decision on one 报送包 (by the package's fingerprint code) and comments at
//! cells or text sections. The unit imports the file; each open comment shows
//! at its place like a finding (rule R1) until the place is changed (已修改)
//! or a reason is given (说明); the unit's next package carries those replies
//! (`Reply`), and the office sees them beside its comments. Read strictly,
//! versioned, within the limits of spec §8.10.

mod target;

use serde::{Deserialize, Serialize};

use crate::limits::{text_len, MAX_REASON_CHARS};
use crate::report::Report;
use crate::rules::{Finding, RuleId, Severity};

pub use target::{targets, At, Target};

pub const SCHEMA_ID: &str = "nianbao.review";
pub const VERSION: u32 = 1;
/// At most this many comments in one file.
pub const MAX_COMMENTS: usize = 500;

/// What the office decided about one package.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Decision {
    /// 退回修改: the unit changes the report and sends a new package.
    Returned,
    /// 已通过.
    Passed,
}

impl Decision {
    pub const fn words(self) -> &'static str {
        match self {
            Decision::Returned => "退回修改",
            Decision::Passed => "已通过",
        }
    }
}

/// One comment at a cell or a text section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Comment {
    /// Its number in the file (1, 2, …): replies name it.
    pub id: u32,
    pub at: At,
    pub text: String,
    /// What the place held when the comment was written (`At::state`): a
    /// change since then is 已修改.
    pub was: String,
}

/// The office's word on one package.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Review {
    pub agency: String,
    pub year: i32,
    /// The fingerprint code of the package reviewed (`Fingerprint::code`).
    pub code: String,
    pub decision: Decision,
    /// When it was written (ISO 8601, the office's clock).
    pub made_at: String,
    pub comments: Vec<Comment>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ReviewFile {
    schema: String,
    schema_version: u32,
    review: Review,
}

/// How a unit answered a comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReplyKind {
    /// 已修改: the place changed since the comment.
    Fixed,
    /// 说明: a reason given instead of a change.
    Explained,
}

/// A unit's answer to one comment, carried in its next package.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Reply {
    pub comment: u32,
    pub kind: ReplyKind,
    /// The reason (说明), or what the place holds now (已修改).
    pub text: String,
}

impl Reply {
    pub fn words(&self) -> String {
        match self.kind {
            ReplyKind::Fixed => format!("已修改（{}）", self.text),
            ReplyKind::Explained => format!("说明：{}", self.text),
        }
    }
}

impl Review {
    /// A comment written now at `at` of `report`.
    pub fn comment(&mut self, report: &Report, at: At, text: &str) -> Result<(), String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("意见不能为空。".to_owned());
        }
        if text_len(text) > MAX_REASON_CHARS {
            return Err(format!("一条意见最多 {MAX_REASON_CHARS} 个字符。"));
        }
        if self.comments.len() >= MAX_COMMENTS {
            return Err(format!("一份退回意见最多 {MAX_COMMENTS} 条。"));
        }
        let id = self.comments.iter().map(|c| c.id).max().unwrap_or(0) + 1;
        let was = at.state(report).ok_or("这份报告没有这个位置。")?;
        self.comments.push(Comment {
            id,
            at,
            text: text.to_owned(),
            was,
        });
        Ok(())
    }

    /// The file the unit imports (pretty JSON).
    pub fn to_file(&self) -> String {
        let f = ReviewFile {
            schema: SCHEMA_ID.to_owned(),
            schema_version: VERSION,
            review: self.clone(),
        };
        serde_json::to_string_pretty(&f).expect("a review always serialises")
    }

    /// Whether it is about this report's agency and year.
    pub fn is_for(&self, report: &Report) -> bool {
        let name = |s: &str| s.split_whitespace().collect::<String>();
        name(&self.agency) == name(&report.agency.name) && self.year == report.year
    }

    /// The findings of the comments still open in `report`: each at its
    /// place, until the place changes (已修改). A reason given for one is
    /// the reply 说明.
    pub fn findings(&self, report: &Report) -> Vec<Finding> {
        if !self.is_for(report) {
            return Vec::new();
        }
        self.comments
            .iter()
            .filter(|c| c.at.state(report).as_deref() == Some(c.was.as_str()))
            .filter_map(|c| c.finding(report))
            .collect()
    }

    /// The unit's replies as `report` stands: 已修改 where the place changed,
    /// 说明 where its finding has a reason; none for the others.
    pub fn replies(&self, report: &Report) -> Vec<Reply> {
        if !self.is_for(report) {
            return Vec::new();
        }
        self.comments
            .iter()
            .filter_map(|c| {
                let now = c.at.state(report)?;
                if now != c.was {
                    return Some(Reply {
                        comment: c.id,
                        kind: ReplyKind::Fixed,
                        text: c.at.shown(report),
                    });
                }
                let reason = c.finding(report)?.explanation(report)?.to_owned();
                Some(Reply {
                    comment: c.id,
                    kind: ReplyKind::Explained,
                    text: reason,
                })
            })
            .collect()
    }
}

impl Comment {
    /// Its finding (R1) in `report`: at its cell or field, its words, its
    /// number in the key so two comments at one place keep their reasons.
    pub fn finding(&self, report: &Report) -> Option<Finding> {
        let (cells, fields) = match self.at.target(report.template())? {
            Target::Cell(c) => (vec![c], Vec::new()),
            Target::Field(f) => (Vec::new(), vec![f]),
        };
        Some(Finding {
            rule: RuleId::R1,
            severity: Severity::Warning,
            cells,
            fields,
            formula: format!("审核意见第{}条", self.id),
            sides: None,
            message: format!(
                "汇总单位的审核意见（第{}条，{}）：{}",
                self.id,
                self.at.label(report.template()),
                self.text
            ),
            quote: None,
        })
    }
}

/// Reads a 退回意见 file strictly: its schema and version, every comment's
/// place in the report's format, the limits.
pub fn read(text: &str) -> Result<Review, String> {
    if text.len() > crate::json::MAX_BYTES {
        return Err(crate::json::DecodeError::TooLarge { bytes: text.len() }.to_string());
    }
    let value = crate::json::parse(text).map_err(|e| e.to_string())?;
    if value.get("schema").and_then(serde_json::Value::as_str) != Some(SCHEMA_ID) {
        return Err("这不是退回意见文件（没有“nianbao.review”标记）。".to_owned());
    }
    match value
        .get("schemaVersion")
        .and_then(serde_json::Value::as_u64)
    {
        Some(v) if (1..=u64::from(VERSION)).contains(&v) => {}
        Some(v) if v > u64::from(VERSION) => {
            return Err(format!(
                "这份退回意见由更新版本的程序生成（第 {v} 版），本页只能读到第 {VERSION} 版。请使用最新版本。"
            ))
        }
        _ => return Err("退回意见的版本号缺失或无效。".to_owned()),
    }
    let file: ReviewFile = serde_json::from_value(value)
        .map_err(|e| crate::json::strict::plain("", &e.to_string()))?;
    let r = file.review;
    check(&r)?;
    Ok(r)
}

fn check(r: &Review) -> Result<(), String> {
    if !(2008..=2100).contains(&r.year) {
        return Err(format!("退回意见的报告年度 {} 无效。", r.year));
    }
    if r.comments.len() > MAX_COMMENTS {
        return Err(format!(
            "退回意见有 {} 条，最多 {MAX_COMMENTS} 条。",
            r.comments.len()
        ));
    }
    let template = crate::template::TemplateId::for_year(r.year).get();
    let mut ids = std::collections::HashSet::new();
    for c in &r.comments {
        if !ids.insert(c.id) {
            return Err(format!("退回意见中第{}条出现了两次。", c.id));
        }
        if c.at.target(template).is_none() {
            return Err(format!(
                "退回意见第{}条指向的位置在{}年度的格式中不存在。",
                c.id, r.year
            ));
        }
        if c.text.trim().is_empty() || text_len(&c.text) > MAX_REASON_CHARS {
            return Err(format!(
                "退回意见第{}条的文字为空或超过 {MAX_REASON_CHARS} 个字符。",
                c.id
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
