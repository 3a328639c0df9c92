//! The report model: agency, year, signing date, the six sections and the
//! three tables. Every table cell is `Option`: blank is not 0.

mod date;
mod deadline;
mod field;

pub use date::Date;
pub use deadline::DeadlineStatus;
pub use field::Field;

use crate::template::{CellId, TableId, Template, TemplateId};

/// The kind of body that signs the report (it decides deadlines and some rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AgencyKind {
    /// 部门
    Department,
    /// 人民政府
    Government,
    /// 乡镇
    Township,
    /// 街道
    Subdistrict,
    /// 其他
    Other,
}

impl AgencyKind {
    pub const ALL: [AgencyKind; 5] = [
        AgencyKind::Department,
        AgencyKind::Government,
        AgencyKind::Township,
        AgencyKind::Subdistrict,
        AgencyKind::Other,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            AgencyKind::Department => "部门",
            AgencyKind::Government => "人民政府",
            AgencyKind::Township => "乡镇",
            AgencyKind::Subdistrict => "街道",
            AgencyKind::Other => "其他",
        }
    }

    pub const fn key(self) -> &'static str {
        match self {
            AgencyKind::Department => "department",
            AgencyKind::Government => "government",
            AgencyKind::Township => "township",
            AgencyKind::Subdistrict => "subdistrict",
            AgencyKind::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<AgencyKind> {
        AgencyKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The statutory publication deadline in the year after the report year
    /// (条例 art. 49; spec §7): governments 3月31日, others 1月31日.
    pub const fn deadline(self) -> (u8, u8) {
        match self {
            AgencyKind::Government => (3, 31),
            _ => (1, 31),
        }
    }
}

/// Who signs the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Agency {
    pub name: String,
    pub kind: Option<AgencyKind>,
    pub region: String,
    /// A locally set publication deadline (month, day) in the year after the
    /// report year: 乡镇 and 街道 have no statutory one (spec §7).
    pub deadline: Option<(u8, u8)>,
}

/// The five aspects F2021 asks 总体情况 to cover (spec §2.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Aspect {
    Proactive,
    OnRequest,
    InfoManagement,
    Platform,
    Supervision,
}

impl Aspect {
    pub const ALL: [Aspect; 5] = [
        Aspect::Proactive,
        Aspect::OnRequest,
        Aspect::InfoManagement,
        Aspect::Platform,
        Aspect::Supervision,
    ];

    /// The sub-heading published reports use.
    pub const fn title(self) -> &'static str {
        match self {
            Aspect::Proactive => "（一）主动公开",
            Aspect::OnRequest => "（二）依申请公开",
            Aspect::InfoManagement => "（三）政府信息管理",
            Aspect::Platform => "（四）政府信息公开平台建设",
            Aspect::Supervision => "（五）监督保障",
        }
    }

    /// The aspect's name without numbering: 主动公开.
    pub fn name(self) -> &'static str {
        let title = self.title();
        // Titles start with a full-width （n） of three characters.
        let start = title.char_indices().nth(3).map_or(0, |(i, _)| i);
        &title[start..]
    }

    pub const fn key(self) -> &'static str {
        match self {
            Aspect::Proactive => "proactive",
            Aspect::OnRequest => "onRequest",
            Aspect::InfoManagement => "infoManagement",
            Aspect::Platform => "platform",
            Aspect::Supervision => "supervision",
        }
    }

    pub const fn index(self) -> usize {
        self as usize
    }
}

/// A titled sub-part of a F2019 总体情况, e.g. （一）强化组织保障，夯实工作基础.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Part {
    pub title: String,
    pub text: String,
}

/// 一、总体情况
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overview {
    /// The opening summary (both formats).
    pub text: String,
    /// F2021: one text per aspect, in `Aspect` order.
    pub aspects: [String; 5],
    /// F2019: optional sub-parts with their own titles.
    pub parts: Vec<Part>,
}

/// What the fee figures are about, as the report names it.
pub const FEE: &str = "信息处理费";

/// 信息处理费 figures reported in section 六 (国办函〔2020〕109号; spec §6).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InfoFee {
    /// 收费通知件数
    pub notices: Option<i64>,
    /// 应收金额, in 元 scaled by `MONEY_SCALE`.
    pub billed: Option<i64>,
    /// 实收金额, in 元 scaled by `MONEY_SCALE`.
    pub collected: Option<i64>,
}

/// 六、其他需要报告的事项
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OtherMatters {
    pub text: String,
    pub fee: InfoFee,
}

/// The sum of `parts` in `cells`: blank when all are blank, blanks as 0.
fn sum_of(cells: &[Option<i64>], parts: &[CellId]) -> Option<i64> {
    let mut any = false;
    let mut total: i64 = 0;
    for part in parts {
        if let Some(v) = cells[part.index()] {
            any = true;
            total = total.saturating_add(v);
        }
    }
    any.then_some(total)
}

/// One year's annual report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    template: TemplateId,
    pub year: i32,
    pub agency: Agency,
    pub signed_date: Option<Date>,
    pub overview: Overview,
    pub problems: String,
    pub other: OtherMatters,
    /// One value per template cell, in template order.
    cells: Vec<Option<i64>>,
    /// Warnings a person explained: finding key (`Finding::key`) → reason.
    pub explanations: std::collections::BTreeMap<String, String>,
    /// Totals whose value came from outside — typed, pasted, imported, or
    /// printed in a published report — rather than computed (spec §8.8).
    /// Auto-computation never overwrites them.
    entered: std::collections::BTreeSet<CellId>,
}

/// The year a new report is for on `today`: the year that is ending from
/// November on (offices start the report before the year closes; spec §7:
/// the report covers the calendar year and is published early the next
/// year), else the year that has just ended.
pub fn default_year(today: Date) -> i32 {
    if today.month >= 11 {
        today.year
    } else {
        today.year - 1
    }
}

impl Report {
    /// An empty report for `year`, in the format that year requires.
    pub fn new(year: i32) -> Report {
        Report::with_template(year, TemplateId::for_year(year))
    }

    /// An empty report in a given format (for imports that carry their own).
    pub fn with_template(year: i32, template: TemplateId) -> Report {
        Report {
            template,
            year,
            agency: Agency::default(),
            signed_date: None,
            overview: Overview::default(),
            problems: String::new(),
            other: OtherMatters::default(),
            cells: vec![None; template.get().cells.len()],
            explanations: Default::default(),
            entered: Default::default(),
        }
    }

    pub fn template_id(&self) -> TemplateId {
        self.template
    }

    /// The publication deadline: set locally, else the statutory one for the
    /// agency's kind (spec §7), in the year after the report year.
    pub fn deadline(&self) -> Option<Date> {
        let kind = self.agency.kind.unwrap_or(AgencyKind::Department);
        let (m, d) = self.agency.deadline.unwrap_or(kind.deadline());
        Date::new(self.year.checked_add(1)?, m, d)
    }

    /// How the deadline stands on `today`.
    pub fn deadline_status(&self, today: Date) -> Option<DeadlineStatus> {
        let deadline = self.deadline()?;
        Some(DeadlineStatus {
            deadline,
            days_left: deadline.day_number() - today.day_number(),
            local: self.agency.deadline.is_some(),
        })
    }

    pub fn template(&self) -> &'static Template {
        self.template.get()
    }

    pub fn get(&self, cell: CellId) -> Option<i64> {
        self.cells.get(cell.index()).copied().flatten()
    }

    pub fn set(&mut self, cell: CellId, value: Option<i64>) {
        if let Some(slot) = self.cells.get_mut(cell.index()) {
            *slot = value;
        }
    }

    /// The value at row and column keys; `None` also when the format has no such cell.
    pub fn value(&self, table: TableId, row: &str, col: &str) -> Option<i64> {
        self.template()
            .cell(table, row, col)
            .and_then(|c| self.get(c))
    }

    /// Sets the value at row and column keys; false if the format has no such cell.
    pub fn set_value(&mut self, table: TableId, row: &str, col: &str, value: Option<i64>) -> bool {
        match self.template().cell(table, row, col) {
            Some(cell) => {
                self.set(cell, value);
                true
            }
            None => false,
        }
    }

    /// All cell values in template order.
    pub fn values(&self) -> &[Option<i64>] {
        &self.cells
    }

    /// What every total that is not entered would be, from its parts: blank
    /// when all its parts are blank, otherwise their sum with blanks counted
    /// as 0. Entered totals keep their values and count as they are.
    /// Totals that sum other totals (表三's （七）总计 × 总计) see computed values.
    pub fn computed_totals(&self) -> Vec<(CellId, Option<i64>)> {
        let mut scratch = self.cells.clone();
        let sums = &self.template().sums;
        // Two passes settle totals of totals (the tables nest one level deep).
        for _ in 0..2 {
            for sum in sums.iter().filter(|s| !self.entered.contains(&s.total)) {
                scratch[sum.total.index()] = sum_of(&scratch, &sum.parts);
            }
        }
        let mut out: Vec<(CellId, Option<i64>)> = sums
            .iter()
            .filter(|s| !self.entered.contains(&s.total))
            .map(|s| (s.total, scratch[s.total.index()]))
            .collect();
        crate::order::sort_by_key(&mut out, |(c, _)| u64::from(c.0));
        out.dedup_by_key(|(c, _)| *c);
        out
    }

    /// Writes every total that is not entered from its parts.
    pub fn fill_totals(&mut self) {
        for (cell, value) in self.computed_totals() {
            self.set(cell, value);
        }
    }

    /// Whether a total's value came from outside (see `entered`).
    pub fn is_entered(&self, cell: CellId) -> bool {
        self.entered.contains(&cell)
    }

    /// Marks a total as entered (or computed again). Other cells are ignored.
    pub fn set_entered(&mut self, cell: CellId, entered: bool) {
        if self.template().def(cell).kind != crate::cell::CellKind::Total {
            return;
        }
        if entered {
            self.entered.insert(cell);
        } else {
            self.entered.remove(&cell);
        }
    }

    /// Forgets which totals were entered, values untouched.
    pub fn clear_entered(&mut self) {
        self.entered.clear();
    }

    /// The entered totals, in cell order.
    pub fn entered_totals(&self) -> impl Iterator<Item = CellId> + '_ {
        self.entered.iter().copied()
    }

    /// For a report read from outside (a file, a published page, an old
    /// draft): every total that disagrees with its parts is what was printed,
    /// so it is entered; totals that agree count as computed.
    pub fn mark_printed_totals(&mut self) {
        self.entered.clear();
        for sum in &self.template().sums {
            if self.cells[sum.total.index()] != sum_of(&self.cells, &sum.parts) {
                self.entered.insert(sum.total);
            }
        }
    }

    /// Totals whose value differs from the sum of their parts.
    pub fn disagreeing_totals(&self) -> Vec<CellId> {
        let mut out: Vec<CellId> = self
            .template()
            .sums
            .iter()
            .filter(|s| self.cells[s.total.index()] != sum_of(&self.cells, &s.parts))
            .map(|s| s.total)
            .collect();
        out.dedup();
        out
    }

    /// Makes totals computed again and fills them from their parts
    /// (用计算值替换): the given ones, or all when `cells` is empty.
    pub fn replace_with_computed(&mut self, cells: &[CellId]) {
        if cells.is_empty() {
            self.entered.clear();
        } else {
            for c in cells {
                self.entered.remove(c);
            }
        }
        self.fill_totals();
    }

    /// The text of a text field (`None` for the numeric ones).
    pub fn field_text(&self, field: Field) -> Option<&str> {
        Some(match field {
            Field::AgencyName => &self.agency.name,
            Field::Region => &self.agency.region,
            Field::OverviewText => &self.overview.text,
            Field::Aspect(a) => &self.overview.aspects[a.index()],
            Field::Part(i) => &self.overview.parts.get(i)?.text,
            Field::Problems => &self.problems,
            Field::OtherText => &self.other.text,
            _ => return None,
        })
    }

    /// Replaces the text of a text field; false for fields that hold no text.
    pub fn set_field_text(&mut self, field: Field, text: String) -> bool {
        let slot = match field {
            Field::AgencyName => &mut self.agency.name,
            Field::Region => &mut self.agency.region,
            Field::OverviewText => &mut self.overview.text,
            Field::Aspect(a) => &mut self.overview.aspects[a.index()],
            Field::Part(i) => match self.overview.parts.get_mut(i) {
                Some(part) => &mut part.text,
                None => return false,
            },
            Field::Problems => &mut self.problems,
            Field::OtherText => &mut self.other.text,
            _ => return false,
        };
        *slot = text;
        true
    }

    /// A 信息处理费 figure (`None` for other fields, or blank).
    pub fn fee(&self, field: Field) -> Option<i64> {
        let f = &self.other.fee;
        match field {
            Field::FeeNotices => f.notices,
            Field::FeeBilled => f.billed,
            Field::FeeCollected => f.collected,
            _ => None,
        }
    }

    /// Sets a 信息处理费 figure; other fields are ignored.
    pub fn set_fee(&mut self, field: Field, value: Option<i64>) {
        let f = &mut self.other.fee;
        match field {
            Field::FeeNotices => f.notices = value,
            Field::FeeBilled => f.billed = value,
            Field::FeeCollected => f.collected = value,
            _ => {}
        }
    }

    /// Every text of the report with how a person names it (part titles too).
    pub fn texts(&self) -> Vec<(String, &str)> {
        let mut out = vec![
            (Field::AgencyName.label(), self.agency.name.as_str()),
            (Field::Region.label(), self.agency.region.as_str()),
            (Field::OverviewText.label(), self.overview.text.as_str()),
        ];
        for a in Aspect::ALL {
            out.push((
                Field::Aspect(a).label(),
                self.overview.aspects[a.index()].as_str(),
            ));
        }
        for (i, p) in self.overview.parts.iter().enumerate() {
            out.push((
                format!("{}的标题", Field::Part(i).label()),
                p.title.as_str(),
            ));
            out.push((Field::Part(i).label(), p.text.as_str()));
        }
        out.push((Field::Problems.label(), self.problems.as_str()));
        out.push((Field::OtherText.label(), self.other.text.as_str()));
        out
    }

    /// What breaks the limits of spec §8.10 outside the cells, said for a person.
    pub fn over_limits(&self) -> Option<String> {
        use crate::limits::{
            text_len, MAX_EXPLANATIONS, MAX_PARTS, MAX_REASON_CHARS, MAX_TEXT_CHARS,
        };
        if self.explanations.len() > MAX_EXPLANATIONS {
            return Some(format!(
                "有 {} 条提示的说明，最多 {MAX_EXPLANATIONS} 条。",
                self.explanations.len()
            ));
        }
        if let Some(long) = self
            .explanations
            .values()
            .find(|r| text_len(r) > MAX_REASON_CHARS)
        {
            return Some(format!(
                "一条提示的说明有 {} 个字符，最多 {MAX_REASON_CHARS} 个。",
                text_len(long)
            ));
        }
        if self.overview.parts.len() > MAX_PARTS {
            return Some(format!(
                "总体情况有 {} 个小标题，最多 {MAX_PARTS} 个。",
                self.overview.parts.len()
            ));
        }
        self.texts().into_iter().find_map(|(label, text)| {
            let n = text_len(text);
            (n > MAX_TEXT_CHARS).then(|| {
                format!(
                    "“{label}”有 {n} 个字符，超过了一项文字最多 {MAX_TEXT_CHARS} 个字符的上限。"
                )
            })
        })
    }

    /// Roughly how many bytes the report holds (for bounding undo memory).
    pub fn weight(&self) -> usize {
        let text: usize = self.texts().iter().map(|(_, t)| t.len()).sum();
        let reasons: usize = self
            .explanations
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum();
        text + reasons + self.cells.len() * 16 + 256
    }

    /// Whether a field holds nothing yet.
    pub fn field_is_blank(&self, field: Field) -> bool {
        match field {
            Field::AgencyKind => self.agency.kind.is_none(),
            Field::Year => false,
            Field::SignedDate => self.signed_date.is_none(),
            Field::FeeNotices => self.other.fee.notices.is_none(),
            Field::FeeBilled => self.other.fee.billed.is_none(),
            Field::FeeCollected => self.other.fee.collected.is_none(),
            text => self.field_text(text).is_none_or(|t| t.trim().is_empty()),
        }
    }

    /// True when nothing has been entered anywhere.
    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(Option::is_none)
            && self.agency == Agency::default()
            && self.signed_date.is_none()
            && self.overview == Overview::default()
            && self.problems.is_empty()
            && self.other == OtherMatters::default()
    }

    /// The conventional title: {机关名称}{YYYY}年政府信息公开工作年度报告.
    pub fn title(&self) -> String {
        format!(
            "{}{}年政府信息公开工作年度报告",
            self.agency.name.trim(),
            self.year
        )
    }
}
