//! The consistency rules (勾稽关系) of spec §8, and `validate`, which never
//! fails: it reports every finding, each with its rule, severity, the cells
//! or fields involved, the formula in words and both sides' values.

mod cells;
pub mod checklist;
mod cross_year;
mod explain;
pub mod narrative;
mod sums;
mod table2;
mod text;
mod wording;

use crate::report::{Field, Report};
use crate::section::Section;
use crate::template::{CellId, Template};

pub use crate::rule_id::{RuleId, Severity};
pub use wording::wording;

/// Where the report is in its life: drafts may have blanks, exports may not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Stage {
    #[default]
    Draft,
    Export,
}

/// Both sides of an equation or inequality, for the message and the UI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sides {
    /// e.g. `21 + 0`
    pub left_terms: String,
    pub left: i64,
    pub right_terms: String,
    pub right: i64,
}

impl Sides {
    pub fn difference(&self) -> i64 {
        self.left.saturating_sub(self.right)
    }
}

/// One rule violation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: RuleId,
    pub severity: Severity,
    /// Table cells involved, the one to fix first.
    pub cells: Vec<CellId>,
    /// Other fields involved (text sections, the date, the fee figures).
    pub fields: Vec<Field>,
    /// The rule in words for this place, e.g. 第一项 + 第二项 = 第三项（七）总计 + 第四项.
    pub formula: String,
    pub sides: Option<Sides>,
    /// The whole finding as one sentence: where, what, both sides, the difference.
    pub message: String,
    /// The sentence of a text the finding is about (N1–N16).
    pub quote: Option<Quote>,
}

/// A sentence quoted from a text field, and where it is there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub field: Field,
    /// The sentence as written.
    pub sentence: String,
    /// The figure within `sentence`, in chars: `start..end` (none for a statement).
    pub figure: Option<(usize, usize)>,
    /// The sentence within the field's text, in UTF-16 units (what a text
    /// area's selection counts).
    pub at: (u32, u32),
}

impl Finding {
    /// A stable name: the rule, the cells and fields, and the sentence quoted
    /// (an explanation stays with the finding it was written for).
    pub fn key(&self, template: &Template) -> String {
        let mut places: Vec<String> = self
            .cells
            .iter()
            .map(|c| template.def(*c).dom_id())
            .collect();
        places.extend(self.fields.iter().map(|f| f.key()));
        let mut key = format!("{}@{}", self.rule.code(), places.join(","));
        if let Some(q) = &self.quote {
            key.push('#');
            key.extend(q.sentence.chars().filter(|c| !c.is_whitespace()));
        }
        // Two comments (or local rules) at one place keep their own reasons.
        if matches!(self.rule, RuleId::R1 | RuleId::L1) {
            key.push('#');
            key.push_str(&self.formula);
        }
        key
    }

    /// The total a finding says disagrees with its parts, when the template
    /// declares that sum (T3-1, T3-2, T4-1…3): what 用计算值替换 computes
    /// again.
    pub fn recomputable_total(&self, template: &Template) -> Option<CellId> {
        let total = *self.cells.first()?;
        template
            .sums
            .iter()
            .any(|s| s.rule == self.rule && s.total == total)
            .then_some(total)
    }

    /// The reason a person gave for this warning, if any (errors cannot be
    /// explained away).
    pub fn explanation<'r>(&self, report: &'r Report) -> Option<&'r str> {
        if self.severity != Severity::Warning {
            return None;
        }
        report
            .explanations
            .get(&self.key(report.template()))
            .map(String::as_str)
    }

    /// The section a finding belongs to, for the per-section badges.
    pub fn section(&self, report: &Report) -> Section {
        self.section_in(report.template())
    }

    /// The same, given the report's template.
    pub fn section_in(&self, template: &Template) -> Section {
        if let Some(cell) = self.cells.first() {
            return template.def(*cell).table.section();
        }
        self.fields
            .first()
            .map_or(Section::Overview, |f| f.section())
    }
}

/// What besides the report the checks may use.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context<'a> {
    pub stage: Stage,
    /// Last year's report, for the cross-year rules (Y1–Y3, T2-1, D6).
    pub previous: Option<&'a Report>,
}

pub use explain::{explain, prune_explanations, stale_explanations};

/// Checks a report against every rule. Never panics; returns every finding,
/// errors before warnings, each group in form order.
pub fn validate(report: &Report, ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    cells::check(report, ctx, &mut out);
    sums::check(report, &mut out);
    table2::check(report, ctx, &mut out);
    text::check(report, ctx, &mut out);
    narrative::check(report, &mut out);
    if let Some(previous) = ctx.previous {
        cross_year::check(report, previous, &mut out);
    }
    cross_year::check_template(report, &mut out);
    crate::order::sort_by_key(&mut out, |f| f.severity as u64);
    out
}

/// Counts by severity: (errors, warnings).
pub fn counts(findings: &[Finding]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    (errors, findings.len() - errors)
}

/// Counts by severity, and of the warnings those explained with a reason:
/// (errors, warnings, explained).
pub fn counts_explained(findings: &[Finding], report: &Report) -> (usize, usize, usize) {
    let (errors, warnings) = counts(findings);
    let explained = findings
        .iter()
        .filter(|f| f.explanation(report).is_some())
        .count();
    (errors, warnings, explained)
}

/// `a + b + c` for a message.
pub(crate) fn terms(values: impl IntoIterator<Item = i64>) -> String {
    values
        .into_iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(" + ")
}

/// Where a cell is, for messages: 表三“一、本年新收政府信息公开申请数量 自然人”.
pub(crate) fn cell_place(report: &Report, cell: CellId) -> String {
    let def = report.template().def(cell);
    format!("{}“{}”", def.table.name(), def.name())
}
