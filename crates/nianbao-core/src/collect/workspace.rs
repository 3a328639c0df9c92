//! The 汇总 workspace as data: the units an office has added, what its list
//! shows (filter, search, sort — borrowed, never copied), which units can be
//! summed together, what a newly added unit is to those already there, and a
//! person's confirmation of a unit's year and agency. The app draws it and
//! keeps it in the browser; every decision is here.

use std::collections::{BTreeMap, HashSet};

use super::{same_agency_and_year, summarize, unsure, Summary, Unsure};
use crate::import::Recognition;
use crate::report::{Date, Report};
use crate::review::Reply;
use crate::submission::Fingerprint;
use crate::template::TemplateId;

/// One unit's report in the workspace.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// The digest of its content (`unit_id`): the same report is one unit
    /// however often it is added.
    pub id: String,
    pub file: String,
    pub report: Report,
    pub summary: Summary,
    /// How a published report was read, if it was one.
    pub note: Option<String>,
    /// What a person must confirm before it is compared or summed.
    pub unsure: Vec<Unsure>,
    /// Its fingerprint code (`submission::Fingerprint::code`): the office's
    /// word is on this version.
    pub code: String,
    /// The replies its package carried to the office's comments.
    pub replies: Vec<Reply>,
}

impl Unit {
    /// A unit read from `file` (`year_found`: the file printed its year, or
    /// it is this app's own file), checked on `today`.
    pub fn new(
        id: String,
        file: String,
        report: Report,
        recognition: Option<&Recognition>,
        year_found: bool,
        today: Date,
    ) -> Unit {
        Unit {
            id,
            file,
            summary: summarize(&report, today),
            unsure: unsure(&report, year_found),
            note: recognition.map(Recognition::summary),
            code: Fingerprint::of(&report).code(),
            replies: Vec::new(),
            report,
        }
    }

    /// Compared with others and summed only when nothing is left to confirm.
    pub fn countable(&self) -> bool {
        self.unsure.is_empty()
    }

    /// Its name in the list and the roll-up's findings: its agency, else its
    /// file.
    pub fn name(&self) -> &str {
        if self.summary.agency.is_empty() {
            &self.file
        } else {
            &self.summary.agency
        }
    }

    fn year_unsure(&self) -> bool {
        self.unsure.contains(&Unsure::Year)
    }

    /// Its year as the list shows it: a stand-in year is not shown.
    pub fn year_words(&self) -> String {
        if self.year_unsure() {
            "未确认".to_owned()
        } else {
            self.summary.year.to_string()
        }
    }

    /// Its deadline as the list shows it; a stand-in year is judged by
    /// nothing.
    pub fn deadline_words(&self) -> &'static str {
        let s = &self.summary;
        match (s.late, s.deadline) {
            _ if self.year_unsure() => "—",
            (true, _) => "逾期",
            (false, Some(_)) if s.signed.is_some() => "按期",
            (false, _) => "未签发",
        }
    }

    /// Its warnings, with how many of them are explained.
    pub fn warnings_words(&self) -> String {
        let s = &self.summary;
        if s.explained > 0 {
            format!("{}（已说明 {}）", s.warnings, s.explained)
        } else {
            s.warnings.to_string()
        }
    }

    /// What a person must confirm, in a sentence; `None` when nothing is.
    pub fn unsure_words(&self) -> Option<String> {
        (!self.unsure.is_empty()).then(|| {
            let what: Vec<&str> = self.unsure.iter().map(|x| x.words()).collect();
            format!(
                "需要确认：{}。确认前不参加合计和重复检查。",
                what.join("，")
            )
        })
    }

    fn late(&self) -> bool {
        self.summary.late && !self.year_unsure()
    }
}

/// Which units the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    Errors,
    Late,
    Missing,
}

impl Filter {
    pub const ALL: [Filter; 4] = [Filter::All, Filter::Errors, Filter::Late, Filter::Missing];

    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "全部",
            Filter::Errors => "有错误",
            Filter::Late => "逾期",
            Filter::Missing => "缺失",
        }
    }

    fn admits(self, u: &Unit) -> bool {
        match self {
            Filter::All => true,
            Filter::Errors => u.summary.errors > 0,
            Filter::Late => u.late(),
            Filter::Missing => u.summary.missing,
        }
    }
}

/// The list's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Agency,
    /// Most errors first.
    Errors,
    Signed,
    Year,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Agency, Sort::Errors, Sort::Signed, Sort::Year];

    pub fn label(self) -> &'static str {
        match self {
            Sort::Agency => "机关名称",
            Sort::Errors => "错误数（多的在前）",
            Sort::Signed => "落款日期",
            Sort::Year => "报告年度",
        }
    }

    /// Its key in the page (an `<option>`'s value).
    pub fn key(self) -> &'static str {
        match self {
            Sort::Agency => "agency",
            Sort::Errors => "errors",
            Sort::Signed => "signed",
            Sort::Year => "year",
        }
    }

    pub fn from_key(key: &str) -> Sort {
        Sort::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .unwrap_or_default()
    }
}

/// What the list shows: which units, matching what, in which order.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct View {
    pub filter: Filter,
    pub sort: Sort,
    /// Part of an agency's name or a file's name.
    pub query: String,
}

/// A unit whose agency and year are already in the workspace: a person
/// chooses which to keep.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    pub existing: Unit,
    pub incoming: Unit,
}

impl Duplicate {
    /// The question, in a sentence.
    pub fn question(&self) -> String {
        let (old, new) = (&self.existing, &self.incoming);
        format!(
            "“{}” {} 年度：原有的来自“{}”（{} 个错误），新添加的来自“{}”（{} 个错误）。",
            new.summary.agency,
            new.summary.year,
            old.file,
            old.summary.errors,
            new.file,
            new.summary.errors
        )
    }
}

/// What an added unit is to the units already there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Arrival<'a> {
    /// The same content as a unit already added (from this file): not added
    /// again.
    Same(&'a str),
    /// The same agency's report for the same year as this one (or as one
    /// already asked about): a person chooses.
    Duplicate(&'a Unit),
    New,
}

/// The units of one format and year: only those can be summed together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Group {
    pub year: i32,
    pub template: TemplateId,
    pub units: usize,
}

impl Group {
    /// The button that sums it.
    pub fn action(&self) -> String {
        format!(
            "合计 {} 年度（{}）的 {} 个单位",
            self.year,
            self.template.short(),
            self.units
        )
    }
}

/// The workspace's units, in the order they were added.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Workspace {
    units: Vec<Unit>,
}

impl Workspace {
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// Adds a unit unless one of its content is there.
    pub fn push(&mut self, unit: Unit) {
        if self.get(&unit.id).is_none() {
            self.units.push(unit);
        }
    }

    pub fn remove(&mut self, id: &str) {
        self.units.retain(|u| u.id != id);
    }

    /// The stored workspace, loaded after some files were already added:
    /// the stored units first, then those added meanwhile (once each).
    pub fn load(&mut self, stored: Vec<Unit>) {
        let fresh = std::mem::take(&mut self.units);
        for u in stored.into_iter().chain(fresh) {
            self.push(u);
        }
    }

    /// The units the list shows, in its order — borrowed, so a keystroke in
    /// the search copies no report.
    pub fn shown(&self, view: &View) -> Vec<&Unit> {
        let q = view.query.trim();
        let mut list: Vec<&Unit> = self
            .units
            .iter()
            .filter(|u| view.filter.admits(u))
            .filter(|u| q.is_empty() || u.summary.agency.contains(q) || u.file.contains(q))
            .collect();
        match view.sort {
            Sort::Agency => list.sort_by(|a, b| a.summary.agency.cmp(&b.summary.agency)),
            Sort::Errors => list.sort_by_key(|u| std::cmp::Reverse(u.summary.errors)),
            Sort::Signed => list.sort_by_key(|u| u.summary.signed),
            Sort::Year => list.sort_by_key(|u| u.summary.year),
        }
        list
    }

    /// The units that can be summed (confirmed, not left out), by year and
    /// format.
    pub fn groups(&self, excluded: &HashSet<String>) -> Vec<Group> {
        let mut g: BTreeMap<(i32, TemplateId), usize> = BTreeMap::new();
        for u in self.summable(excluded) {
            *g.entry((u.summary.year, u.summary.template)).or_default() += 1;
        }
        g.into_iter()
            .map(|((year, template), units)| Group {
                year,
                template,
                units,
            })
            .collect()
    }

    /// The units one group sums, each with its name.
    pub fn chosen<'a>(
        &'a self,
        year: i32,
        template: TemplateId,
        excluded: &'a HashSet<String>,
    ) -> Vec<&'a Unit> {
        self.summable(excluded)
            .filter(|u| u.summary.year == year && u.summary.template == template)
            .collect()
    }

    fn summable<'a>(&'a self, excluded: &'a HashSet<String>) -> impl Iterator<Item = &'a Unit> {
        self.units
            .iter()
            .filter(|u| u.countable() && !excluded.contains(&u.id))
    }

    /// How many units wait for a person to confirm their year or agency.
    pub fn unconfirmed(&self) -> usize {
        self.units.iter().filter(|u| !u.countable()).count()
    }

    /// What `unit` is to the units here and to those already asked about
    /// (`asked`); a unit is never compared with itself (`replacing`: the id
    /// of the unit it stands for, when a person confirmed it).
    pub fn arrival<'a>(
        &'a self,
        unit: &Unit,
        asked: &'a [Duplicate],
        replacing: Option<&str>,
    ) -> Arrival<'a> {
        let others = || {
            self.units
                .iter()
                .filter(|e| Some(e.id.as_str()) != replacing)
        };
        if let Some(e) = others().find(|e| e.id == unit.id) {
            return match replacing {
                None => Arrival::Same(&e.file),
                Some(_) => Arrival::Duplicate(e),
            };
        }
        if let Some(e) = others().find(|e| same_unit(e, unit)) {
            return Arrival::Duplicate(e);
        }
        asked
            .iter()
            .find(|d| same_unit(&d.incoming, unit))
            .map_or(Arrival::New, |d| Arrival::Duplicate(&d.existing))
    }

    /// A person chose the incoming unit of a duplicate: it takes the
    /// existing one's place.
    pub fn keep_incoming(&mut self, d: &Duplicate) {
        self.remove(&d.existing.id);
        self.push(d.incoming.clone());
    }
}

/// The same agency's report for the same year — asked about; only between
/// units a person need not confirm first.
fn same_unit(a: &Unit, b: &Unit) -> bool {
    a.countable() && b.countable() && same_agency_and_year(&a.report, &b.report)
}

/// A unit's report with the year and agency a person typed, or what is
/// wrong with them.
pub fn confirm(unit: &Unit, year: &str, agency: &str) -> Result<Report, &'static str> {
    let year: i32 = year
        .trim()
        .parse()
        .ok()
        .filter(|y| (2008..=2100).contains(y))
        .ok_or("请填写报告年度（2008 至 2100 年之间的四位数字）。")?;
    let agency = agency.trim();
    if agency.is_empty() {
        return Err("请填写机关名称。");
    }
    let mut report = unit.report.clone();
    report.year = year;
    report.agency.name = agency.to_owned();
    Ok(report)
}

#[cfg(test)]
#[path = "workspace_tests.rs"]
mod tests;
