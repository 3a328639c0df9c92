//! The collecting office's desk: the roster of units expected (pasted or a
//! CSV), the deadline, and its word on each package received (通过 or 退回
//! with comments — a `review::Review` per fingerprint code). From these and
//! the workspace: each unit's status (未报, 已报, 退回修改, 已通过), the
//! countdown and the late list. Kept in the browser, versioned, read
//! strictly.

use serde::{Deserialize, Serialize};

use super::workspace::{Unit, Workspace};
use crate::report::Date;
use crate::review::{Decision, Review};

pub const DESK_VERSION: u32 = 1;
/// At most this many names on a roster.
pub const MAX_ROSTER: usize = 5_000;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Desk {
    pub v: u32,
    /// The units expected, by agency name, in the roster's order.
    pub roster: Vec<String>,
    /// The office's deadline (ISO 8601 date).
    pub deadline: Option<String>,
    /// The office's word on each package (by its code), newest last.
    pub reviews: Vec<Review>,
}

/// A unit's status at the desk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Missing,
    Submitted,
    Returned,
    Passed,
}

impl Status {
    pub const fn words(self) -> &'static str {
        match self {
            Status::Missing => "未报",
            Status::Submitted => "已报",
            Status::Returned => "退回修改",
            Status::Passed => "已通过",
        }
    }
}

/// One line of the status table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub name: String,
    pub status: Status,
    /// The unit received (its id), if any.
    pub unit: Option<String>,
    pub on_roster: bool,
}

fn plain(name: &str) -> String {
    name.split_whitespace().collect()
}

impl Desk {
    /// A desk read back, or why not in words.
    pub fn read(text: &str) -> Result<Desk, String> {
        let d: Desk = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if d.v > DESK_VERSION {
            return Err("由更新版本的本工具保存，请使用最新版本打开。".to_owned());
        }
        if d.roster.len() > MAX_ROSTER {
            return Err(format!("名单最多 {MAX_ROSTER} 个单位。"));
        }
        Ok(d)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(&Desk {
            v: DESK_VERSION,
            ..self.clone()
        })
        .unwrap_or_default()
    }

    pub fn deadline_date(&self) -> Option<Date> {
        self.deadline.as_deref().and_then(Date::parse)
    }

    /// The office's word on the package with this code.
    pub fn review(&self, code: &str) -> Option<&Review> {
        self.reviews.iter().rev().find(|r| r.code == code)
    }

    /// Keeps `review` as the word on its package (replacing an earlier one).
    pub fn decide(&mut self, review: Review) {
        self.reviews.retain(|r| r.code != review.code);
        self.reviews.push(review);
    }

    /// A unit's status: its package's decision, else 已报.
    pub fn status(&self, unit: &Unit) -> Status {
        match self.review(&unit.code).map(|r| r.decision) {
            Some(Decision::Returned) => Status::Returned,
            Some(Decision::Passed) => Status::Passed,
            None => Status::Submitted,
        }
    }

    /// Every roster name with its status (the newest unit of that name), then
    /// the units received that are not on the roster.
    pub fn rows(&self, ws: &Workspace) -> Vec<Row> {
        let mut rows: Vec<Row> = self
            .roster
            .iter()
            .map(|name| {
                let unit = ws
                    .units()
                    .iter()
                    .rev()
                    .find(|u| plain(&u.summary.agency) == plain(name));
                Row {
                    name: name.clone(),
                    status: unit.map_or(Status::Missing, |u| self.status(u)),
                    unit: unit.map(|u| u.id.clone()),
                    on_roster: true,
                }
            })
            .collect();
        let listed: Vec<String> = self.roster.iter().map(|n| plain(n)).collect();
        rows.extend(
            ws.units()
                .iter()
                .filter(|u| !listed.contains(&plain(&u.summary.agency)))
                .map(|u| Row {
                    name: u.name().to_owned(),
                    status: self.status(u),
                    unit: Some(u.id.clone()),
                    on_roster: false,
                }),
        );
        rows
    }

    /// The deadline as the desk shows it on `today`.
    pub fn countdown(&self, today: Date) -> Option<String> {
        let d = self.deadline_date()?;
        let left = d.day_number() - today.day_number();
        Some(match left {
            0 => format!("今天（{}）截止", d.iso()),
            n if n > 0 => format!("距截止（{}）还有 {n} 天", d.iso()),
            n => format!("已过截止日期（{}）{} 天", d.iso(), -n),
        })
    }

    /// The roster's units not received once the deadline has passed.
    pub fn late(&self, ws: &Workspace, today: Date) -> Vec<String> {
        match self.deadline_date() {
            Some(d) if today > d => self
                .rows(ws)
                .into_iter()
                .filter(|r| r.status == Status::Missing)
                .map(|r| r.name)
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// A roster as pasted or exported from a spreadsheet: one unit a line, the
/// name the first cell that is not a number (a 序号 column is skipped); CSV
/// (quotes as Excel writes them) or tab-separated. A heading line (单位名称,
/// 机关名称…), blank lines and repeated names are left out.
pub fn read_roster(text: &str) -> Result<Vec<String>, String> {
    let text = text.trim_start_matches('\u{feff}');
    let tab = text.contains('\t');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(if tab { b'\t' } else { b',' })
        .from_reader(text.as_bytes());
    let mut out: Vec<String> = Vec::new();
    for record in reader.records() {
        let record = record
            .map_err(|_| "名单读不出来：请每行写一个单位，或粘贴表格的第一列。".to_owned())?;
        let Some(name) = record
            .iter()
            .map(unnumbered)
            .find(|c| !c.is_empty() && !c.chars().all(|ch| ch.is_ascii_digit() || ch == '.'))
        else {
            continue;
        };
        if is_heading(name) || out.iter().any(|n| plain(n) == plain(name)) {
            continue;
        }
        if name.chars().count() > 200 {
            return Err(format!(
                "名单中有一行太长（{} 个字），不像单位名称。请每行只写一个单位。",
                name.chars().count()
            ));
        }
        out.push(name.to_owned());
        if out.len() > MAX_ROSTER {
            return Err(format!("名单最多 {MAX_ROSTER} 个单位。"));
        }
    }
    if out.is_empty() {
        return Err("名单中没有单位名称。请每行写一个单位，或粘贴表格的第一列。".to_owned());
    }
    Ok(out)
}

/// A cell without a list number written into it ("1、某局", "2. 某局", "3）某局"):
/// the roster shows the names as kept, so the person sees what was read.
fn unnumbered(cell: &str) -> &str {
    let cell = cell.trim();
    let digits = cell.len() - cell.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &cell[digits..];
    match rest.chars().next() {
        Some(sep) if digits > 0 && "、.．)）".contains(sep) => {
            let name = rest[sep.len_utf8()..].trim();
            if name.is_empty() {
                cell
            } else {
                name
            }
        }
        _ => cell,
    }
}

fn is_heading(name: &str) -> bool {
    matches!(
        name,
        "单位名称" | "机关名称" | "单位" | "名称" | "序号" | "报送单位"
    )
}

#[cfg(test)]
#[path = "desk_tests.rs"]
mod tests;
