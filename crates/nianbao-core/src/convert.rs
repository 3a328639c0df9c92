//! Moving a report between the two formats (when its year crosses 2020/2021).
//! What corresponds is carried: table 三's shared rows, all of table 四, the
//! 处理决定数量 of table 二, every text. What cannot be carried is listed.

use crate::report::{Aspect, InfoFee, Part, Report, FEE};
use crate::section::Section;
use crate::template::keys as key;
use crate::template::{TableId, TemplateId, T3_OTHER_LABEL};

/// Something the conversion could not carry over as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loss {
    /// Where it was, e.g. 表二“规章 本年新制作数量”.
    pub place: String,
    /// What it held, as shown.
    pub value: String,
    /// What happened to it, in plain Chinese.
    pub note: String,
}

/// The report in `to`'s format, and what did not carry.
pub fn convert(report: &Report, to: TemplateId) -> (Report, Vec<Loss>) {
    let from = report.template();
    let mut out = Report::with_template(report.year, to);
    out.agency = report.agency.clone();
    out.signed_date = report.signed_date;
    out.problems = report.problems.clone();
    out.other.text = report.other.text.clone();
    let mut losses = Vec::new();
    if from.id == to {
        return (report.clone(), losses);
    }
    let target = to.get();

    // Cells present under the same keys carry over; 表二's 处理决定数量 has
    // the same meaning under both formats' column keys.
    for (i, def) in from.cells.iter().enumerate() {
        let Some(value) = report.get(crate::template::CellId(i as u16)) else {
            continue;
        };
        let col = match (def.table, def.col) {
            (TableId::Proactive, key::DECISIONS) => key::DECISIONS,
            (TableId::Proactive, _) => "",
            (_, col) => col,
        };
        match target.cell(def.table, def.row, col) {
            Some(cell) if target.def(cell).kind == def.kind => out.set(cell, Some(value)),
            _ => losses.push(Loss {
                place: format!("{}“{}”", def.table.name(), def.name()),
                value: crate::cell::format_value(value, def.kind),
                note: match (def.table, def.row) {
                    (TableId::Requests, key::OTHER) => format!(
                        "2021年版把{T3_OTHER_LABEL}分为三项，原数值无法拆分，请分项重新填写"
                    ),
                    (TableId::Requests, _) => {
                        format!("2019年版的{T3_OTHER_LABEL}只有一项，已把三项之和填入该项")
                    }
                    _ => format!("{}没有对应的栏目，未转入", to.title()),
                },
            }),
        }
    }
    // 2021 → 2019: the three （六） rows fold into one.
    if target
        .cell(TableId::Requests, key::OTHER, key::NATURAL)
        .is_some()
    {
        let cols: Vec<&'static str> = target
            .table_cells(TableId::Requests)
            .map(|c| target.def(c))
            .filter(|d| d.row == key::OTHER)
            .map(|d| d.col)
            .collect();
        for col in cols {
            let parts: Vec<Option<i64>> = [
                key::OTHER_NO_CORRECTION,
                key::OTHER_FEE_UNPAID,
                key::OTHER_OTHER,
            ]
            .iter()
            .map(|row| report.value(TableId::Requests, row, col))
            .collect();
            if parts.iter().any(Option::is_some) {
                // Checked: a sum beyond the limits is left blank and said.
                let sum = parts
                    .iter()
                    .flatten()
                    .try_fold(0i64, |a, b| a.checked_add(*b))
                    .filter(|v| (0..=crate::limits::MAX_COUNT).contains(v));
                match sum {
                    Some(sum) => {
                        out.set_value(TableId::Requests, key::OTHER, col, Some(sum));
                    }
                    None => losses.push(Loss {
                        place: format!(
                            "表三“{}”",
                            target
                                .cell(TableId::Requests, key::OTHER, col)
                                .map(|c| target.def(c).name())
                                .unwrap_or_default()
                        ),
                        value: String::new(),
                        note: format!(
                            "三项之和超出一格的上限 {}，没有填入，请核对后重新填写",
                            crate::limits::grouped(crate::limits::MAX_COUNT)
                        ),
                    }),
                }
            }
        }
    }

    // Texts: 总体情况 in the shape of the new format.
    let o = &report.overview;
    out.overview.text = o.text.clone();
    match to {
        t if !t.overview_by_aspects() => {
            out.overview.parts = o.parts.clone();
            for aspect in Aspect::ALL {
                let text = &o.aspects[aspect.index()];
                if !text.trim().is_empty() {
                    out.overview.parts.push(Part {
                        title: aspect.title().to_owned(),
                        text: text.clone(),
                    });
                }
            }
        }
        _ => {
            out.overview.aspects = o.aspects.clone();
            let mut appended = Vec::new();
            for part in &o.parts {
                if part.title.trim().is_empty() && part.text.trim().is_empty() {
                    continue;
                }
                appended.push(format!("{}\n{}", part.title, part.text));
                losses.push(Loss {
                    place: format!("{}“{}”", Section::Overview.heading(), part.title),
                    value: String::new(),
                    note: "2021年版的总体情况按五个方面填写，这一小节已并入总体情况正文，请移到对应方面".to_owned(),
                });
            }
            if !appended.is_empty() {
                let mut text = out.overview.text.clone();
                for block in appended {
                    if !text.is_empty() {
                        text.push_str("\n\n");
                    }
                    text.push_str(&block);
                }
                out.overview.text = text;
            }
        }
    }

    // 信息处理费 figures exist in the 2021 format's section 六 only.
    match to {
        t if t.has_info_fee() => out.other.fee = report.other.fee,
        _ => {
            let fee = report.other.fee;
            if fee != InfoFee::default() {
                losses.push(Loss {
                    place: format!("{} {FEE}", Section::Other.heading()),
                    value: format!(
                        "收费通知 {} 件",
                        fee.notices.map_or("空".to_owned(), |n| n.to_string())
                    ),
                    note: "2019年版没有信息处理费栏目，未转入".to_owned(),
                });
            }
        }
    }
    (out, losses)
}
