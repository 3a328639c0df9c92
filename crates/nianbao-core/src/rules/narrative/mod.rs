//! N1–N16 (spec §8.7): the figures every text section quotes, against the
//! tables. Each finding quotes its sentence, names the cells and both values.

mod numerals;
mod reading;

pub use numerals::chinese_value;
pub use reading::{read, Reading};

use super::{cell_place, terms, Finding, Quote, Sides};
use crate::cell::{format_value, CellKind, MoneyUnit};
use crate::report::{Aspect, Field, Report};
use crate::template::keys as key;
use crate::template::phrases::Quantity;
use crate::template::{CellId, TableId};

/// The text fields a report has, with their field ids.
pub fn text_fields(report: &Report) -> Vec<Field> {
    let mut fields = vec![Field::OverviewText];
    fields.extend(Aspect::ALL.map(Field::Aspect));
    fields.extend((0..report.overview.parts.len()).map(Field::Part));
    fields.extend([Field::Problems, Field::OtherText]);
    fields
}

/// The 表三 总计 cells of rows named by `keys` (a key or a group prefix).
pub(crate) fn request_cells(report: &Report, keys: &[&str]) -> Vec<CellId> {
    let t = report.template();
    t.table_cells(TableId::Requests)
        .filter(|c| {
            let d = t.def(*c);
            d.col == key::TOTAL
                && keys.iter().any(|k| {
                    d.row == *k || d.row.strip_prefix(k).is_some_and(|r| r.starts_with('.'))
                })
        })
        .collect()
}

/// 表四 cells of `groups` in the columns `cols`.
pub(crate) fn case_cells(report: &Report, groups: &[&str], cols: &[&str]) -> Vec<CellId> {
    let t = report.template();
    t.table_cells(TableId::ReviewLitigation)
        .filter(|c| {
            let d = t.def(*c);
            groups.contains(&d.row) && cols.contains(&d.col)
        })
        .collect()
}

/// The sum of cells, `None` when all are blank.
pub(crate) fn sum(report: &Report, cells: &[CellId]) -> Option<i64> {
    let values: Vec<Option<i64>> = cells.iter().map(|c| report.get(*c)).collect();
    if values.iter().all(Option::is_none) {
        return None;
    }
    values
        .iter()
        .try_fold(0i64, |acc, v| acc.checked_add(v.unwrap_or(0)))
}

/// The sum of total cells as a reader would take it (spec §8.7): a blank
/// total counts as the sum of its row's parts. `None` when totals and parts
/// are all blank; else the sum, and whether a blank total was summed so.
pub(crate) fn totals(report: &Report, cells: &[CellId]) -> Option<(i64, bool)> {
    let t = report.template();
    let mut any = false;
    let (mut total, mut from_parts) = (0i64, false);
    for c in cells {
        let v = match report.get(*c) {
            Some(v) => Some(v),
            None => {
                let row = t.def(*c).row;
                let parts = t
                    .sums
                    .iter()
                    .find(|s| s.total == *c && s.parts.iter().all(|p| t.def(*p).row == row))
                    .map(|s| s.parts.as_slice())
                    .unwrap_or_default();
                let v = sum(report, parts);
                from_parts |= v.is_some();
                v
            }
        };
        if let Some(v) = v {
            any = true;
            total = total.checked_add(v)?;
        }
    }
    any.then_some((total, from_parts))
}

fn places_of(report: &Report, cells: &[CellId]) -> String {
    cells
        .iter()
        .map(|c| cell_place(report, *c))
        .collect::<Vec<_>>()
        .join("、")
}

pub(super) fn check(report: &Report, out: &mut Vec<Finding>) {
    for field in text_fields(report) {
        let Some(text) = report.field_text(field) else {
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        for r in read(text, report.year) {
            if let Some(f) = compare(report, field, &r) {
                if !out.iter().any(|o| o.rule == f.rule && o.quote == f.quote) {
                    out.push(f);
                }
            }
        }
    }
}

fn compare(report: &Report, field: Field, r: &Reading) -> Option<Finding> {
    let family = r.family;
    let quote = Some(Quote {
        field,
        sentence: r.sentence.clone(),
        figure: r.figure_at,
        at: r.at,
    });
    let finding = |cells: Vec<CellId>, sides: Option<Sides>, message: String| Finding {
        rule: family.rule,
        severity: family.rule.severity(),
        cells,
        fields: vec![field],
        formula: family.wording.to_owned(),
        sides,
        message,
        quote: quote.clone(),
    };
    let mut from_parts = false;
    let (cells, value, unit, table) = match family.quantity {
        Quantity::Requests(keys) => {
            let cells = request_cells(report, keys);
            let (value, parts) = totals(report, &cells)?;
            from_parts = parts;
            (cells.clone(), value, "件", TableId::Requests.name())
        }
        Quantity::Cases(groups) => {
            let cells = case_cells(report, groups, &[key::TOTAL]);
            let (value, parts) = totals(report, &cells)?;
            from_parts = parts;
            (cells.clone(), value, "件", TableId::ReviewLitigation.name())
        }
        Quantity::FeeBilled => {
            let billed = report.other.fee.billed?;
            (Vec::new(), billed, "元", "第六部分的应收金额")
        }
        Quantity::AllUpheld => {
            let cells = case_cells(
                report,
                &r.groups,
                &[key::CORRECTED, key::OTHER_RESULT, key::PENDING],
            );
            let n = sum(report, &cells)?;
            if n == 0 {
                return None;
            }
            let nonzero: Vec<CellId> = cells
                .into_iter()
                .filter(|c| report.get(*c).unwrap_or(0) > 0)
                .collect();
            let message = format!(
                "“{}”说案件均获维持，但表四{}，共 {n} 件不是维持。请核对文字或表四。",
                r.sentence.trim(),
                nonzero
                    .iter()
                    .map(|c| format!(
                        "{}为 {}",
                        cell_place(report, *c),
                        report.get(*c).unwrap_or(0)
                    ))
                    .collect::<Vec<_>>()
                    .join("，")
            );
            return Some(finding(nonzero, None, message));
        }
        Quantity::NoCases => {
            let cells = case_cells(report, &r.groups, &[key::TOTAL]);
            let n = sum(report, &cells)?;
            if n == 0 {
                return None;
            }
            let message = format!(
                "“{}”说没有发生，但{}共 {n} 件。请核对文字或表四。",
                r.sentence.trim(),
                places_of(report, &cells)
            );
            return Some(finding(cells, None, message));
        }
    };
    let figure = r.figure?;
    if figure == value {
        return None;
    }
    // 本机关不掌握 also names （四）1 alone.
    if !family.or.is_empty()
        && totals(report, &request_cells(report, family.or)).map(|t| t.0) == Some(figure)
    {
        return None;
    }
    let show = |v: i64| {
        if unit == "元" {
            format_value(v, CellKind::Money(MoneyUnit::Yuan))
        } else {
            v.to_string()
        }
    };
    let right_terms = if cells.len() > 1 && !from_parts {
        terms(cells.iter().map(|c| report.get(*c).unwrap_or(0)))
    } else {
        show(value)
    };
    let sides = Sides {
        left_terms: show(figure),
        left: figure,
        right_terms,
        right: value,
    };
    let place = match cells.as_slice() {
        [] => table.to_owned(),
        [one] => cell_place(report, *one),
        _ => format!("{table}中的{}", family.what),
    };
    // A blank total was read as the sum of its row's parts: say so.
    let how = if from_parts {
        format!("（{table}总计栏为空，按各栏之和 {}）", show(value))
    } else {
        String::new()
    };
    let message = format!(
        "“{}”写的是{} {} {unit}，而{place}是 {} {unit}{how}，相差 {}。请核对文字或表格。",
        r.sentence.trim(),
        family.what,
        show(figure),
        show(value),
        show(figure.saturating_sub(value).abs())
    );
    Some(finding(cells, Some(sides), message))
}
