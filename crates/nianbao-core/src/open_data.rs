//! 下载数据（CSV）: a report's figures (or a roll-up's) as open data a portal can
//! publish — one row per cell of 表二, 表三, 表四 and the 信息处理费 figures, each
//! with a stable key (`table3.newReceived.natural`, the app's JSON names), the
//! official row and column labels and the unit, so the file is its own data
//! dictionary. A blank cell stays blank (not reported is not 0). Every cell goes
//! through `collect::csv_cell`: nothing in it runs as a spreadsheet formula.

use crate::cell::{format_value, CellKind, MoneyUnit};
use crate::collect::csv_cell;
use crate::report::{Field, Report};
use crate::template::TableId;

/// The header row: the data dictionary's columns and the value.
pub const HEAD: [&str; 9] = [
    "键",
    "机关名称",
    "报告年度",
    "格式",
    "表",
    "行",
    "列",
    "数值",
    "单位",
];

fn table_key(t: TableId) -> &'static str {
    match t {
        TableId::Proactive => "table2",
        TableId::Requests => "table3",
        TableId::ReviewLitigation => "table4",
    }
}

fn unit(kind: CellKind) -> &'static str {
    match kind {
        CellKind::Money(u) => u.label(),
        _ => "件",
    }
}

/// The CSV (UTF-8 with a byte-order mark, for Excel and WPS). `units`: how
/// many units a roll-up sums (said in the agency column).
pub fn open_data_csv(report: &Report, units: Option<usize>) -> String {
    let t = report.template();
    let agency = match units {
        Some(n) => format!("{} 个单位合计", n),
        None => report.agency.name.trim().to_owned(),
    };
    let (year, format) = (
        report.year.to_string(),
        report.template_id().short().to_owned(),
    );
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(HEAD);
    let mut row = |key: String, table: &str, r: &str, c: &str, value: String, unit: &str| {
        let cells = [
            key.as_str(),
            &agency,
            &year,
            &format,
            table,
            r,
            c,
            &value,
            unit,
        ];
        let _ = w.write_record(cells.iter().map(|c| csv_cell(c)));
    };
    for table in [
        TableId::Proactive,
        TableId::Requests,
        TableId::ReviewLitigation,
    ] {
        for cell in t.table_cells(table) {
            let d = t.def(cell);
            if !d.kind.is_editable() && d.kind != CellKind::Total {
                continue;
            }
            let value = report
                .get(cell)
                .map(|v| format_value(v, d.kind))
                .unwrap_or_default();
            row(
                format!("{}.{}.{}", table_key(table), d.row, d.col),
                table.name(),
                &d.row_label,
                &d.col_label,
                value.trim_start_matches('+').to_owned(),
                unit(d.kind),
            );
        }
    }
    if report.template_id().has_info_fee() {
        for (field, key) in [
            (Field::FeeNotices, "notices"),
            (Field::FeeBilled, "billedYuan"),
            (Field::FeeCollected, "collectedYuan"),
        ] {
            let kind = field.fee_kind().unwrap_or(CellKind::Count);
            let value = report
                .fee(field)
                .map(|v| format_value(v, kind))
                .unwrap_or_default();
            let unit = if kind == CellKind::Count {
                "件"
            } else {
                MoneyUnit::Yuan.label()
            };
            row(
                format!("other.infoFee.{key}"),
                "第六部分",
                crate::report::FEE,
                field.fee_label().unwrap_or_default(),
                value,
                unit,
            );
        }
    }
    crate::collect::excel_text(w)
}
