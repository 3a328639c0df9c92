//! Where a comment points: a table cell (by its stable key) or a field
//! outside the tables (by `Field::key`), and what the place holds — the
//! state a change is told by.

use serde::{Deserialize, Serialize};

use crate::cell::CellKind;
use crate::report::{Aspect, Field, Report};
use crate::template::{CellId, Template};

/// A comment's place as written in the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub enum At {
    /// A cell's key (`table3-granted-natural`).
    Cell(String),
    /// A field's key (`overview-text`, `problems`…).
    Field(String),
}

/// A place resolved in one format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Cell(CellId),
    Field(Field),
}

/// The fields a comment may point at, in the form's order.
fn fields(template: &Template) -> Vec<Field> {
    let mut out = vec![Field::AgencyName, Field::SignedDate, Field::OverviewText];
    if template.id.overview_by_aspects() {
        out.extend(Aspect::ALL.map(Field::Aspect));
    }
    out.extend([Field::Problems, Field::OtherText]);
    if template.id.has_info_fee() {
        out.extend([Field::FeeNotices, Field::FeeBilled, Field::FeeCollected]);
    }
    out
}

/// Every place a comment may point at in `template`, with its name: the
/// fields outside the tables, then each table's value cells.
pub fn targets(template: &Template) -> Vec<(At, String)> {
    let mut out: Vec<(At, String)> = fields(template)
        .into_iter()
        .map(|f| (At::Field(f.key()), f.label()))
        .collect();
    out.extend(
        template
            .cells
            .iter()
            .filter(|d| d.kind != CellKind::NotApplicable)
            .map(|d| (At::Cell(d.dom_id()), d.name())),
    );
    out
}

/// FNV-1a, 64 bits: a text's state in a few digits (a change, not a secret).
fn digest(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

impl At {
    pub fn target(&self, template: &Template) -> Option<Target> {
        match self {
            At::Cell(key) => template
                .cell_by_dom_id(key)
                .filter(|c| template.def(*c).kind != CellKind::NotApplicable)
                .map(Target::Cell),
            At::Field(key) => fields(template)
                .into_iter()
                .find(|f| &f.key() == key)
                .map(Target::Field),
        }
    }

    /// Its name for a person: the cell's row and column labels, or the
    /// field's label.
    pub fn label(&self, template: &Template) -> String {
        match self.target(template) {
            Some(Target::Cell(c)) => template.def(c).name(),
            Some(Target::Field(f)) => f.label(),
            None => String::new(),
        }
    }

    /// What the place holds in `report`, as a state to compare; `None`
    /// when the report's format has no such place.
    pub fn state(&self, report: &Report) -> Option<String> {
        Some(match self.target(report.template())? {
            Target::Cell(c) => report.get(c).map(|v| v.to_string()).unwrap_or_default(),
            Target::Field(f) => match report.field_text(f) {
                Some(text) => digest(text),
                None => report.fee(f).map(|v| v.to_string()).unwrap_or_default(),
            },
        })
    }

    /// What the place holds now, for a reply 已修改: a cell's figure, or
    /// that the text changed.
    pub fn shown(&self, report: &Report) -> String {
        match self.target(report.template()) {
            Some(Target::Cell(c)) => match report.get(c) {
                Some(v) => format!(
                    "现为 {}",
                    crate::cell::format_value(v, report.template().def(c).kind)
                ),
                None => "现为空白".to_owned(),
            },
            Some(Target::Field(f)) if report.field_text(f).is_none() => {
                format!(
                    "现为 {}",
                    report.fee(f).map(|v| v.to_string()).unwrap_or_default()
                )
            }
            _ => "文字已修改".to_owned(),
        }
    }
}
