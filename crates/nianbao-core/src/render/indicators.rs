//! The derived indicators (spec §8.11) as a table of a printed page: the 体检报告
//! and the 汇总 summary, each figure with its cells' place.

use maud::{html, Markup};

use crate::draft::{indicators, Figure};
use crate::report::Report;

fn figure(report: &Report, f: &Option<Figure>) -> Markup {
    match f {
        None => html! { "未填" },
        Some(f) => html! {
            (f.value)
            @if let Some(first) = f.cells.first() {
                br;
                small { (crate::rules::cell_place(report, *first)) @if f.cells.len() > 1 { " 等" } }
            }
        },
    }
}

/// 派生指标 under a heading of the caller's: a line on how they are computed
/// and the table (rates from `report`'s own sums, so a roll-up's are never an
/// average of its units').
pub fn indicators_table(report: &Report) -> Markup {
    html! {
        p { "按表三、表四的总计计算，比率保留一位小数；分母为 0 时显示“—”。供核对和说明使用，不是检查规则。" }
        table.indicators {
            thead { tr { th { "指标" } th { "计算方法" } th { "分子" } th { "分母" } th { "数值" } } }
            tbody {
                @for i in indicators(report) {
                    tr {
                        th scope="row" { (i.name) }
                        td { (i.formula) }
                        td { (figure(report, &i.numerator)) }
                        td { (figure(report, &i.denominator)) }
                        td { strong { (i.rate) } }
                    }
                }
            }
        }
    }
}
