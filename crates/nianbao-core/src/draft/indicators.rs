//! The derived indicators of spec §8.11: shown with their formula, both
//! figures and the cells, never a rule. For several units the roll-up's
//! summed report is passed in: rates come from the sums, never averaged.

use super::{
    Figure, Quantity, CARRIED_OVER, CARRY_FORWARD, DENIED, GRANTED, NEW_RECEIVED, PARTIAL,
    RESULT_TOTAL, UNABLE,
};
use crate::report::Report;
use crate::template::keys as key;
use crate::template::{T4_LITIGATION, T4_RESULTS, T4_REVIEW};

/// One indicator of a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Indicator {
    pub name: &'static str,
    /// How it is computed, in the tables' words.
    pub formula: String,
    /// `None` when its cells are all blank.
    pub numerator: Option<Figure>,
    pub denominator: Option<Figure>,
    /// "66.7%", or "—" for a denominator of 0 (or blank figures).
    pub rate: String,
}

const REVIEW: &[&str] = &[key::REVIEW];
const LITIGATION: &[&str] = &[key::LIT_DIRECT, key::LIT_AFTER_REVIEW];

fn cases(groups: &'static [&'static str], col: &'static str) -> Quantity {
    super::cases("", groups, col)
}

/// Σ of figures: `None` when every one is blank; blanks count 0 otherwise.
fn plus(figures: &[Option<Figure>]) -> Option<Figure> {
    if figures.iter().all(Option::is_none) {
        return None;
    }
    let mut out = Figure {
        value: 0,
        cells: Vec::new(),
    };
    for f in figures.iter().flatten() {
        out.value = out.value.checked_add(f.value)?;
        out.cells.extend(&f.cells);
    }
    Some(out)
}

/// `a − b` (cases decided: all cases less those still pending).
fn minus(a: Option<Figure>, b: Option<Figure>) -> Option<Figure> {
    let mut a = a?;
    if let Some(b) = b {
        a.value = a.value.checked_sub(b.value)?;
        a.cells.extend(b.cells);
    }
    Some(a)
}

fn indicator(
    name: &'static str,
    formula: String,
    numerator: Option<Figure>,
    denominator: Option<Figure>,
) -> Indicator {
    let rate = match (&numerator, &denominator) {
        (Some(n), Some(d)) => super::percent(n.value, d.value),
        _ => None,
    };
    Indicator {
        name,
        formula,
        numerator,
        denominator,
        rate: rate.unwrap_or_else(|| "—".to_owned()),
    }
}

/// "行政复议 结果纠正 ÷（行政复议 总计 − 尚未审结）", from the declared labels.
fn corrected(kind: &str) -> String {
    let (correct, pending) = (T4_RESULTS[1].1, T4_RESULTS[3].1);
    format!("{kind} {correct} ÷（{kind} 总计 − {pending}）")
}

/// The six indicators of `report`, in the spec's order.
pub fn indicators(report: &Report) -> Vec<Indicator> {
    let f = |q: Quantity| q.figure(report);
    let done = f(RESULT_TOTAL);
    let review_decided = minus(f(cases(REVIEW, key::TOTAL)), f(cases(REVIEW, key::PENDING)));
    let lit_decided = minus(
        f(cases(LITIGATION, key::TOTAL)),
        f(cases(LITIGATION, key::PENDING)),
    );
    vec![
        indicator(
            "实质公开率",
            "（予以公开 + 部分公开）÷ 办理结果总计".to_owned(),
            plus(&[f(GRANTED), f(PARTIAL)]),
            done.clone(),
        ),
        indicator(
            "不予公开率",
            "不予公开 ÷ 办理结果总计".to_owned(),
            f(DENIED),
            done.clone(),
        ),
        indicator(
            "无法提供率",
            "无法提供 ÷ 办理结果总计".to_owned(),
            f(UNABLE),
            done,
        ),
        indicator(
            "结转率",
            "结转下年度继续办理 ÷（本年新收 + 上年结转）".to_owned(),
            f(CARRY_FORWARD),
            plus(&[f(NEW_RECEIVED), f(CARRIED_OVER)]),
        ),
        indicator(
            "复议纠错率",
            corrected(T4_REVIEW),
            f(cases(REVIEW, key::CORRECTED)),
            review_decided,
        ),
        indicator(
            "诉讼纠错率",
            corrected(&format!("两类{T4_LITIGATION}")),
            f(cases(LITIGATION, key::CORRECTED)),
            lit_decided,
        ),
    ]
}
