//! 表三 counted from the request ledger (依申请公开登记台账): one row per
//! request, its columns mapped once by the person (收到日期, 申请人类型,
//! 办理结果, 办结日期 or 状态, 申请编号) and its values mapped to the form's
//! categories. Counting follows spec §4: every request counted exactly once
//! — received in the report year in 一, earlier and still open at its start
//! in 二; closed within the year in its one result row of 三, else in 四.
//! Every counted cell keeps the ledger rows it came from; every row not
//! counted is listed with the reason.

mod propose;
pub mod view;

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::report::Date;
use crate::template::keys as key;
use crate::template::{CellId, TableId, Template};

pub use propose::{
    applicant_vocabulary, propose, propose_applicant, propose_columns, propose_result,
    result_vocabulary, Reading, Vocabulary,
};

/// What a ledger column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    /// 收到日期
    Received,
    /// 申请人类型
    Applicant,
    /// 办理结果
    Result,
    /// 办结日期, or a 状态 such as 已办结 / 办理中
    Closed,
    /// 申请编号 (to find a request entered twice)
    Number,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Received,
        Role::Applicant,
        Role::Result,
        Role::Closed,
        Role::Number,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            Role::Received => "收到日期",
            Role::Applicant => "申请人类型",
            Role::Result => "办理结果",
            Role::Closed => "办结日期或状态",
            Role::Number => "申请编号（可不选）",
        }
    }
}

/// A ledger as pasted or read: a header row and the rows under it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ledger {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Ledger {
    /// From rows of cells, the first being the header; blank rows dropped.
    pub fn from_rows(mut rows: Vec<Vec<String>>) -> Ledger {
        rows.retain(|r| r.iter().any(|c| !c.trim().is_empty()));
        if rows.is_empty() {
            return Ledger::default();
        }
        let header = rows
            .remove(0)
            .into_iter()
            .map(|h| h.trim().to_owned())
            .collect();
        Ledger { header, rows }
    }

    /// A CSV file's text (UTF-8; the app decodes GBK first).
    pub fn from_csv(text: &str) -> Result<Ledger, String> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let mut rows = Vec::new();
        for (i, r) in reader.records().enumerate() {
            let r = r.map_err(|e| format!("CSV 第 {} 行无法读取：{e}", i + 1))?;
            rows.push(r.iter().map(str::to_owned).collect());
        }
        Ok(Ledger::from_rows(rows))
    }

    /// Tab-separated text (a spreadsheet's plain-text copy).
    pub fn from_tsv(text: &str) -> Ledger {
        Ledger::from_rows(
            text.lines()
                .map(|l| {
                    l.trim_end_matches('\r')
                        .split('\t')
                        .map(str::to_owned)
                        .collect()
                })
                .collect(),
        )
    }

    /// The distinct non-blank values of a column, in first-seen order.
    pub fn values(&self, col: usize) -> Vec<String> {
        let mut seen = std::collections::HashSet::new();
        let mut out: Vec<String> = Vec::new();
        for r in &self.rows {
            let v = r.get(col).map(|v| v.trim()).unwrap_or("");
            if !v.is_empty() && seen.insert(v) {
                out.push(v.to_owned());
            }
        }
        out
    }
}

/// How a ledger maps onto 表三: columns by role; applicant values to 表三
/// columns (`None`: not counted) and result values to 表三 result rows.
/// Kept by header text and value text, so it can be remembered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    pub columns: BTreeMap<Role, String>,
    pub applicants: BTreeMap<String, Option<String>>,
    pub results: BTreeMap<String, Option<String>>,
}

/// What the browser keeps: the mapping with its schema id and version.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredMapping {
    schema: String,
    version: u32,
    mapping: Mapping,
}

const MAPPING_SCHEMA: &str = "nianbao-ledger-mapping";
const MAPPING_VERSION: u32 = 1;

impl Mapping {
    /// As remembered in the browser (versioned).
    pub fn to_text(&self) -> String {
        serde_json::to_string(&StoredMapping {
            schema: MAPPING_SCHEMA.to_owned(),
            version: MAPPING_VERSION,
            mapping: self.clone(),
        })
        .unwrap_or_default()
    }

    /// A remembered mapping; `None` if it is not one, or one a newer version
    /// wrote (then the dialog proposes afresh). A mapping stored before
    /// versions (the bare object) still reads.
    pub fn from_text(text: &str) -> Option<Mapping> {
        match serde_json::from_str::<StoredMapping>(text) {
            Ok(s) if s.schema == MAPPING_SCHEMA && s.version <= MAPPING_VERSION => Some(s.mapping),
            Ok(_) => None,
            Err(_) => serde_json::from_str(text).ok(),
        }
    }

    /// What may be remembered in the browser for next time: the columns
    /// chosen, and the values mapped that are category words of the
    /// vocabulary (公民, 信息不存在, 个体户…) — never free text, which can
    /// hold applicants' names, phone or ID-card numbers.
    pub fn to_remembered(&self, template: &Template) -> Mapping {
        let applicants = applicant_vocabulary(template);
        let results = result_vocabulary(template);
        Mapping {
            columns: self.columns.clone(),
            applicants: self
                .applicants
                .iter()
                .filter(|(v, _)| applicants.is_category_word(v))
                .map(|(v, k)| (v.clone(), k.clone()))
                .collect(),
            results: self
                .results
                .iter()
                .filter(|(v, _)| results.is_category_word(v))
                .map(|(v, k)| (v.clone(), k.clone()))
                .collect(),
        }
    }

    /// Takes a remembered mapping over this one: its columns where this
    /// ledger has them, its values' choices.
    pub fn take_remembered(&mut self, remembered: Mapping, ledger: &Ledger) {
        for (role, name) in remembered.columns {
            if ledger.header.contains(&name) {
                self.columns.insert(role, name);
            }
        }
        self.applicants.extend(remembered.applicants);
        self.results.extend(remembered.results);
    }

    /// The choice made for a value of the applicant or result column.
    pub fn choice(&self, role: Role, value: &str) -> Choice {
        let map = match role {
            Role::Applicant => &self.applicants,
            _ => &self.results,
        };
        match map.get(value) {
            None => Choice::Unset,
            Some(None) => Choice::Skip,
            Some(Some(k)) => Choice::To(k.clone()),
        }
    }

    /// Sets the choice for a value of the applicant or result column.
    pub fn choose(&mut self, role: Role, value: &str, choice: Choice) {
        let map = match role {
            Role::Applicant => &mut self.applicants,
            _ => &mut self.results,
        };
        match choice {
            Choice::Unset => {
                map.remove(value);
            }
            Choice::Skip => {
                map.insert(value.to_owned(), None);
            }
            Choice::To(k) => {
                map.insert(value.to_owned(), Some(k));
            }
        }
    }

    pub(crate) fn column(&self, ledger: &Ledger, role: Role) -> Option<usize> {
        let name = self.columns.get(&role)?;
        ledger.header.iter().position(|h| h == name)
    }
}

/// What a ledger value is mapped to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Not chosen yet: its rows are not counted, and say so.
    Unset,
    /// 不计入: deliberately not counted.
    Skip,
    /// A 表三 column (applicants) or result row (results), by key.
    To(String),
}

impl Choice {
    /// As a `<select>`'s value: "" unset, "skip", or the key.
    pub fn as_select(&self) -> &str {
        match self {
            Choice::Unset => "",
            Choice::Skip => Choice::SKIP,
            Choice::To(k) => k,
        }
    }

    /// From a `<select>`'s value.
    pub fn from_select(v: &str) -> Choice {
        match v {
            "" => Choice::Unset,
            Choice::SKIP => Choice::Skip,
            k => Choice::To(k.to_owned()),
        }
    }

    const SKIP: &'static str = "skip";
}

/// 表三 as counted, where each cell came from, and what was not counted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counted {
    /// Every cell of 表三 (0 where nothing was counted).
    pub values: Vec<(CellId, i64)>,
    /// The ledger rows (0-based, under the header) behind each cell.
    pub sources: HashMap<CellId, Vec<usize>>,
    /// Rows not counted, with the reason in words.
    pub skipped: Vec<(usize, String)>,
}

/// A ledger date: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, with
/// a time after it or not. The year must have four digits: `25-03-05` could
/// be 2025 or 1925 — or day-month-year — and is not guessed.
pub fn ledger_date(text: &str) -> Option<Date> {
    read_date(text).ok()
}

/// A ledger date, or why it is not one, in words (`what` names the column).
fn read_date(text: &str) -> Result<Date, DateFault> {
    let t = text
        .trim()
        .split([' ', 'T'])
        .next()
        .unwrap_or_default()
        .trim();
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return Date::new(
            t[..4].parse().map_err(|_| DateFault::Unreadable)?,
            t[4..6].parse().map_err(|_| DateFault::Unreadable)?,
            t[6..].parse().map_err(|_| DateFault::Unreadable)?,
        )
        .ok_or(DateFault::Unreadable);
    }
    let year = t.split(['-', '/', '.', '年']).next().unwrap_or_default();
    if year.len() < 4 && !year.is_empty() && year.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateFault::ShortYear);
    }
    if year.len() != 4 {
        return Err(DateFault::Unreadable);
    }
    Date::parse(&t.replace('.', "-")).ok_or(DateFault::Unreadable)
}

/// Why a ledger date was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateFault {
    Unreadable,
    /// `25-03-05`: which century, even which order, is a guess.
    ShortYear,
}

impl DateFault {
    fn words(self, what: &str, text: &str) -> String {
        match self {
            DateFault::Unreadable => format!("{what}“{text}”无法识别"),
            DateFault::ShortYear => format!(
                "{what}“{text}”的年份不是四位数，无法确定是哪一年：请在台账中改为四位年份（如 2025-03-05）后再粘贴"
            ),
        }
    }
}

/// What the 办结 column says of a request.
enum Closed {
    On(Date),
    /// Closed, the day not given (a status such as 已办结).
    Undated,
    Open,
}

fn closed_of(text: &str) -> Result<Closed, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(Closed::Open);
    }
    match read_date(t) {
        Ok(d) => return Ok(Closed::On(d)),
        Err(DateFault::ShortYear) => return Err(DateFault::ShortYear.words("办结日期", t)),
        Err(DateFault::Unreadable) => {}
    }
    if ["未", "中", "待", "延期", "暂停"]
        .iter()
        .any(|w| t.contains(w))
    {
        return Ok(Closed::Open);
    }
    if ["办结", "已", "完成", "答复", "结案"]
        .iter()
        .any(|w| t.contains(w))
    {
        return Ok(Closed::Undated);
    }
    Err(format!("办结日期或状态“{t}”无法识别"))
}

/// Counts `ledger` into 表三 of `template` for report year `year`.
pub fn count(template: &Template, year: i32, ledger: &Ledger, mapping: &Mapping) -> Counted {
    let t3 = TableId::Requests;
    let mut counts: HashMap<CellId, i64> = HashMap::new();
    let mut sources: HashMap<CellId, Vec<usize>> = HashMap::new();
    let mut skipped = Vec::new();
    let col = |role| mapping.column(ledger, role);
    let (Some(received), Some(applicant)) = (col(Role::Received), col(Role::Applicant)) else {
        skipped.extend(
            (0..ledger.rows.len())
                .map(|i| (i, "还没有选择收到日期和申请人类型所在的列".to_owned())),
        );
        return finish(template, counts, sources, skipped);
    };
    let (result, closed, number) = (col(Role::Result), col(Role::Closed), col(Role::Number));
    let mut seen: HashMap<String, usize> = HashMap::new();
    let start = Date::new(year, 1, 1);
    for (i, row) in ledger.rows.iter().enumerate() {
        let cell = |c: Option<usize>| c.and_then(|c| row.get(c)).map(|v| v.trim()).unwrap_or("");
        let mut skip = |why: String| skipped.push((i, why));
        let rec = match read_date(cell(Some(received))) {
            Ok(d) => d,
            Err(why) => {
                skip(why.words("收到日期", cell(Some(received))));
                continue;
            }
        };
        if rec.year > year {
            skip(format!(
                "收到日期 {} 在 {year} 年之后，不属于本年度",
                rec.iso()
            ));
            continue;
        }
        let who = cell(Some(applicant));
        let col_key = match mapping.applicants.get(who) {
            Some(Some(k)) => k.clone(),
            Some(None) => {
                skip(format!("申请人类型“{who}”设为不计入"));
                continue;
            }
            None => {
                skip(format!("申请人类型“{who}”还没有对应的栏目"));
                continue;
            }
        };
        let status = match closed {
            Some(_) => match closed_of(cell(closed)) {
                Ok(s) => s,
                Err(why) => {
                    skip(why);
                    continue;
                }
            },
            // No 办结 column: a result given means closed.
            None if !cell(result).is_empty() => Closed::Undated,
            None => Closed::Open,
        };
        if let Closed::On(d) = status {
            if d < rec {
                skip(format!("办结日期 {} 早于收到日期 {}", d.iso(), rec.iso()));
                continue;
            }
        }
        let first = if rec.year == year {
            key::NEW_RECEIVED
        } else {
            key::CARRIED_OVER
        };
        if first == key::CARRIED_OVER {
            match status {
                Closed::On(d) if Some(d) < start => {
                    skip(format!("{} 已在 {year} 年以前办结，不计入本年度", d.iso()));
                    continue;
                }
                Closed::Undated => {
                    skip(format!(
                        "{year} 年以前收到、已办结但没有办结日期：无法确定是否在本年度办结，请补上办结日期"
                    ));
                    continue;
                }
                _ => {}
            }
        }
        let closed_in_year = match status {
            Closed::On(d) => d.year == year,
            Closed::Undated => true,
            Closed::Open => false,
        };
        let second = if closed_in_year {
            let what = cell(result);
            match mapping.results.get(what) {
                Some(Some(k)) => k.clone(),
                Some(None) => {
                    skip(format!("办理结果“{what}”设为不计入"));
                    continue;
                }
                None if what.is_empty() => {
                    skip("已办结但没有办理结果".to_owned());
                    continue;
                }
                None => {
                    skip(format!("办理结果“{what}”还没有对应的表三栏目"));
                    continue;
                }
            }
        } else {
            key::CARRY_FORWARD.to_owned()
        };
        let no = cell(number);
        if !no.is_empty() {
            if let Some(&other) = seen.get(no) {
                skip(format!(
                    "申请编号“{no}”重复（与第 {} 行相同），只计一次",
                    other + 1
                ));
                continue;
            }
            seen.insert(no.to_owned(), i);
        }
        let mut rows = vec![first.to_owned(), second.clone()];
        if second != key::CARRY_FORWARD {
            rows.push(key::RESULT_TOTAL.to_owned());
        }
        for r in &rows {
            for c in [col_key.as_str(), key::TOTAL] {
                if let Some(cell) = template.cell(t3, r, c) {
                    *counts.entry(cell).or_default() += 1;
                    sources.entry(cell).or_default().push(i);
                }
            }
        }
    }
    finish(template, counts, sources, skipped)
}

fn finish(
    template: &Template,
    counts: HashMap<CellId, i64>,
    sources: HashMap<CellId, Vec<usize>>,
    skipped: Vec<(usize, String)>,
) -> Counted {
    let values = template
        .table_cells(TableId::Requests)
        .map(|c| (c, counts.get(&c).copied().unwrap_or(0)))
        .collect();
    Counted {
        values,
        sources,
        skipped,
    }
}

/// The 表三 result rows of a format a ledger value can map to: (key, the
/// row's own label as printed: （一）予以公开, 1.属于国家秘密…).
pub fn result_rows(template: &Template) -> Vec<(&'static str, String)> {
    let fixed = [
        key::NEW_RECEIVED,
        key::CARRIED_OVER,
        key::RESULT_TOTAL,
        key::CARRY_FORWARD,
    ];
    let mut out: Vec<(&'static str, String)> = Vec::new();
    for row in &template.table(TableId::Requests).body {
        let leaf = row.iter().rev().find_map(|c| match c {
            crate::template::GridCell::Head(h) => Some(h.text),
            crate::template::GridCell::Data { .. } => None,
        });
        let key = row.iter().find_map(|c| match c {
            crate::template::GridCell::Data { cell, .. } => Some(template.def(*cell).row),
            crate::template::GridCell::Head(_) => None,
        });
        if let (Some(leaf), Some(key)) = (leaf, key) {
            if !fixed.contains(&key) {
                out.push((key, leaf.to_owned()));
            }
        }
    }
    out
}

/// The 表三 applicant columns (without 总计): (key, label).
pub fn applicant_cols(template: &Template) -> Vec<(&'static str, String)> {
    template
        .table_cells(TableId::Requests)
        .map(|c| template.def(c))
        .filter(|d| d.row == key::NEW_RECEIVED && d.col != key::TOTAL)
        .map(|d| (d.col, d.col_label.clone()))
        .collect()
}
