//! 零申报: an office that received no request all year fills 表三 and 表四
//! with explicit 0 (a blank means "not reported", spec §8.9) and writes the
//! standard sentences, in one step. Refused, in words, when the tables or
//! last year's report say something was requested.

use super::{draft, Paragraph, CARRY_FORWARD};
use crate::report::{Aspect, Field, Report};
use crate::rules::cell_place;
use crate::template::{CellId, TableId};

/// What the 零申报 writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NilReturn {
    /// The blank cells of 表三 and 表四, to be 0.
    pub cells: Vec<CellId>,
    /// Where the sentences go (added at its end).
    pub field: Field,
    /// The sentences (empty when the field already has them).
    pub text: String,
}

/// The 零申报 of `report`, or why it cannot be one.
pub fn nil_return(report: &Report, previous: Option<&Report>) -> Result<NilReturn, String> {
    let t = report.template();
    let tables = [TableId::Requests, TableId::ReviewLitigation];
    let cells: Vec<CellId> = tables.iter().flat_map(|id| t.table_cells(*id)).collect();
    if let Some(c) = cells
        .iter()
        .find(|c| report.get(**c).is_some_and(|v| v != 0))
    {
        return Err(format!(
            "表三、表四已有不为 0 的数字（{}为 {}），不能按“本年度未收到申请”填写。如确实没有收到申请，请先核对这些数字。",
            cell_place(report, *c),
            report.get(*c).unwrap_or_default()
        ));
    }
    if let Some(n) = previous
        .and_then(|p| CARRY_FORWARD.value(p))
        .filter(|n| *n > 0)
    {
        return Err(format!(
            "上年报告结转下年度继续办理 {n} 件，本年度仍要办理，不能按“本年度未收到申请”全部填 0。请在表三填写上年结转和办理结果。"
        ));
    }
    let blank: Vec<CellId> = cells
        .into_iter()
        .filter(|c| t.def(*c).kind.is_editable() && report.get(*c).is_none())
        .collect();
    let mut filled = report.clone();
    for c in &blank {
        filled.set(*c, Some(0));
    }
    let field = if report.template_id().overview_by_aspects() {
        Field::Aspect(Aspect::OnRequest)
    } else {
        Field::OverviewText
    };
    let have = report.field_text(field).unwrap_or_default();
    let text: String = [Paragraph::Requests, Paragraph::Cases]
        .into_iter()
        .filter_map(|p| draft(&filled, None, p).ok())
        .map(|d| d.text())
        .filter(|s| !have.contains(s.as_str()))
        .collect();
    Ok(NilReturn {
        cells: blank,
        field,
        text,
    })
}
