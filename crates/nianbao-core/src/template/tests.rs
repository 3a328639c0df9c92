use super::*;
use crate::cell::{CellKind, MoneyUnit};

fn t(id: TemplateId) -> &'static Template {
    id.get()
}

/// Every grid slot of a table is covered by exactly one cell, given the spans.
fn assert_grid_exact(table: &Table) {
    let mut rows: Vec<Vec<(u16, u16)>> = Vec::new();
    for r in &table.head {
        rows.push(r.iter().map(|h| (h.rowspan, h.colspan)).collect());
    }
    for r in &table.body {
        rows.push(
            r.iter()
                .map(|c| match c {
                    GridCell::Head(h) => (h.rowspan, h.colspan),
                    GridCell::Data { colspan, .. } => (1, *colspan),
                })
                .collect(),
        );
    }
    let width = table.width as usize;
    let mut covered = vec![vec![0u8; width]; rows.len()];
    for (r, cells) in rows.iter().enumerate() {
        let mut c = 0;
        for &(rowspan, colspan) in cells {
            while c < width && covered[r][c] > 0 {
                c += 1;
            }
            for dr in 0..rowspan as usize {
                for dc in 0..colspan as usize {
                    let slot = covered
                        .get_mut(r + dr)
                        .and_then(|row| row.get_mut(c + dc))
                        .unwrap_or_else(|| panic!("{:?} row {r} overflows the grid", table.id));
                    *slot += 1;
                }
            }
            c += colspan as usize;
        }
    }
    for (r, row) in covered.iter().enumerate() {
        assert!(
            row.iter().all(|&n| n == 1),
            "{:?} grid row {r} coverage {row:?}",
            table.id
        );
    }
}

#[test]
fn every_table_fills_its_grid_exactly() {
    for id in TemplateId::ALL {
        for table in &t(id).tables {
            assert_grid_exact(table);
        }
    }
}

#[test]
fn table3_has_25_rows_in_f2021_and_23_in_f2019_of_7_columns() {
    for (id, rows) in [(TemplateId::F2021, 25), (TemplateId::F2019, 23)] {
        let table = t(id).table(TableId::Requests);
        assert_eq!(table.width, 10);
        assert_eq!(table.label_cols, 3);
        assert_eq!(table.body.len(), rows);
        assert_eq!(table.cells.len(), rows * 7);
        assert_eq!(t(id).row_keys(TableId::Requests).len(), rows);
    }
}

#[test]
fn table3_header_spans_are_the_official_ones() {
    let table = t(TemplateId::F2021).table(TableId::Requests);
    let spans: Vec<Vec<(&str, u16, u16)>> = table
        .head
        .iter()
        .map(|r| r.iter().map(|h| (h.text, h.rowspan, h.colspan)).collect())
        .collect();
    assert_eq!(
        spans,
        vec![
            vec![(T3_CORNER, 3, 3), ("申请人情况", 1, 7)],
            vec![("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)],
            vec![
                ("商业企业", 1, 1),
                ("科研机构", 1, 1),
                ("社会公益组织", 1, 1),
                ("法律服务机构", 1, 1),
                ("其他", 1, 1)
            ],
        ]
    );
}

fn row_heads(table: &Table, row: usize) -> Vec<(&'static str, u16, u16)> {
    table.body[row]
        .iter()
        .filter_map(|c| match c {
            GridCell::Head(h) => Some((h.text, h.rowspan, h.colspan)),
            _ => None,
        })
        .collect()
}

#[test]
fn table3_row_label_spans_are_the_official_ones() {
    let f21 = t(TemplateId::F2021).table(TableId::Requests);
    assert_eq!(
        row_heads(f21, 0),
        [("一、本年新收政府信息公开申请数量", 1, 3)]
    );
    assert_eq!(
        row_heads(f21, 2),
        [("三、本年度办理结果", 22, 1), ("（一）予以公开", 1, 2)]
    );
    assert_eq!(
        row_heads(f21, 4),
        [("（三）不予公开", 8, 1), ("1.属于国家秘密", 1, 1)]
    );
    assert_eq!(
        row_heads(f21, 12),
        [
            ("（四）无法提供", 3, 1),
            ("1.本机关不掌握相关政府信息", 1, 1)
        ]
    );
    assert_eq!(
        row_heads(f21, 15),
        [("（五）不予处理", 5, 1), ("1.信访举报投诉类申请", 1, 1)]
    );
    assert_eq!(row_heads(f21, 20)[0], ("（六）其他处理", 3, 1));
    assert_eq!(row_heads(f21, 23), [("（七）总计", 1, 2)]);
    assert_eq!(row_heads(f21, 24), [("四、结转下年度继续办理", 1, 3)]);

    let f19 = t(TemplateId::F2019).table(TableId::Requests);
    assert_eq!(row_heads(f19, 2)[0], ("三、本年度办理结果", 20, 1));
    assert_eq!(row_heads(f19, 20), [("（六）其他处理", 1, 2)]);
}

#[test]
fn table4_is_fifteen_cells_under_three_header_rows() {
    let tpl = t(TemplateId::F2021);
    let table = tpl.table(TableId::ReviewLitigation);
    assert_eq!((table.width, table.label_cols), (15, 0));
    assert_eq!(table.body.len(), 1);
    assert_eq!(table.cells.len(), 15);
    let spans: Vec<Vec<(&str, u16, u16)>> = table
        .head
        .iter()
        .map(|r| r.iter().map(|h| (h.text, h.rowspan, h.colspan)).collect())
        .collect();
    assert_eq!(spans[0], [("行政复议", 1, 5), ("行政诉讼", 1, 10)]);
    assert_eq!(
        spans[1],
        [
            ("结果维持", 2, 1),
            ("结果纠正", 2, 1),
            ("其他结果", 2, 1),
            ("尚未审结", 2, 1),
            ("总计", 2, 1),
            ("未经复议直接起诉", 1, 5),
            ("复议后起诉", 1, 5)
        ]
    );
    assert_eq!(spans[2].len(), 10);
    let keys: Vec<String> = tpl
        .table_cells(TableId::ReviewLitigation)
        .map(|c| format!("{}.{}", tpl.def(c).row, tpl.def(c).col))
        .collect();
    assert_eq!(keys[0], "review.maintain");
    assert_eq!(keys[4], "review.total");
    assert_eq!(keys[5], "litDirect.maintain");
    assert_eq!(keys[14], "litAfterReview.total");
    assert_eq!(
        tpl.def(CellId(
            tpl.table(TableId::ReviewLitigation).cells.start as u16 + 5
        ))
        .name(),
        "行政诉讼 未经复议直接起诉 结果维持"
    );
}

#[test]
fn table2_cells_and_kinds() {
    let f21 = t(TemplateId::F2021);
    assert_eq!(f21.table(TableId::Proactive).cells.len(), 10);
    let amount = f21.cell(TableId::Proactive, "adminFees", "amount").unwrap();
    assert_eq!(f21.def(amount).kind, CellKind::Money(MoneyUnit::Wan));
    let f19 = t(TemplateId::F2019);
    assert_eq!(f19.table(TableId::Proactive).cells.len(), 24);
    let delta = f19.cell(TableId::Proactive, "penalty", "delta").unwrap();
    assert_eq!(f19.def(delta).kind, CellKind::SignedCount);
    for row in ["adminFees", "procurement"] {
        let na = f19.cell(TableId::Proactive, row, "na").unwrap();
        assert_eq!(f19.def(na).kind, CellKind::NotApplicable);
    }
    // 表二 blocks: title row spanning the grid, then 信息内容 header.
    let body = &f21.table(TableId::Proactive).body;
    assert!(matches!(
        body[0][0],
        GridCell::Head(HeadCell {
            text: "第二十条第（一）项",
            colspan: 4,
            scope: Scope::Title,
            ..
        })
    ));
    assert!(matches!(
        body[1][0],
        GridCell::Head(HeadCell {
            text: "信息内容",
            ..
        })
    ));
}

#[test]
fn totals_are_computed_cells_and_imply_the_sum_rules() {
    let tpl = t(TemplateId::F2021);
    let count = |rule| tpl.sums.iter().filter(|s| s.rule == rule).count();
    assert_eq!(count(RuleId::T3_1), 25);
    assert_eq!(count(RuleId::T3_2), 7);
    assert_eq!(count(RuleId::T4_1), 1);
    assert_eq!(count(RuleId::T4_2), 1);
    assert_eq!(count(RuleId::T4_3), 1);
    let result_total = tpl.sums.iter().find(|s| s.rule == RuleId::T3_2).unwrap();
    assert_eq!(
        result_total.parts.len(),
        21,
        "RESULT_ITEMS_2021 has 21 leaf rows"
    );
    let f19 = t(TemplateId::F2019);
    let rt19 = f19.sums.iter().find(|s| s.rule == RuleId::T3_2).unwrap();
    assert_eq!(rt19.parts.len(), 19);
    let row_total = tpl.sums.iter().find(|s| s.rule == RuleId::T3_1).unwrap();
    assert_eq!(row_total.parts.len(), 6);
    assert_eq!(
        row_total.formula,
        "总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他"
    );
    for s in &tpl.sums {
        assert_eq!(tpl.def(s.total).kind, CellKind::Total);
    }
}

#[test]
fn cell_keys_and_accessible_names_are_unique() {
    for id in TemplateId::ALL {
        let tpl = t(id);
        let mut names: Vec<String> = tpl.cells.iter().map(CellDef::name).collect();
        let mut ids: Vec<String> = tpl.cells.iter().map(CellDef::dom_id).collect();
        let n = names.len();
        names.sort();
        names.dedup();
        ids.sort();
        ids.dedup();
        assert_eq!(names.len(), n, "{id:?} names");
        assert_eq!(ids.len(), n, "{id:?} ids");
    }
}

#[test]
fn a_cell_name_joins_row_and_column_labels() {
    let tpl = t(TemplateId::F2021);
    let c = tpl.cell(TableId::Requests, "granted", "natural").unwrap();
    assert_eq!(tpl.def(c).name(), "三、本年度办理结果（一）予以公开 自然人");
    let c = tpl
        .cell(TableId::Requests, "denied.stateSecret", "commercial")
        .unwrap();
    assert_eq!(
        tpl.def(c).name(),
        "三、本年度办理结果（三）不予公开1.属于国家秘密 法人或其他组织 商业企业"
    );
    assert_eq!(tpl.def(c).dom_id(), "table3-denied.stateSecret-commercial");
}

#[test]
fn year_selects_the_format() {
    assert_eq!(TemplateId::for_year(2019), TemplateId::F2019);
    assert_eq!(TemplateId::for_year(2020), TemplateId::F2019);
    assert_eq!(TemplateId::for_year(2021), TemplateId::F2021);
    assert_eq!(TemplateId::for_year(2030), TemplateId::F2021);
}

// ---- Labels against the official format's reference data ----------------

/// The official labels, kept in the repository (`tests/fixtures/official-labels.md`).
fn spec() -> String {
    include_str!("../../tests/fixtures/official-labels.md").to_owned()
}

fn spec_part(spec: &str, from: &str, to: &str) -> String {
    let start = spec.find(from).unwrap_or_else(|| panic!("spec has {from}"));
    let rest = &spec[start..];
    rest[..rest.find(to).unwrap_or(rest.len())].to_owned()
}

/// The backticked strings of a line, in order.
fn ticks(line: &str) -> Vec<&str> {
    line.split('`').skip(1).step_by(2).collect()
}

#[test]
fn table3_f2021_rows_match_spec_4_2_character_for_character() {
    let spec = spec();
    let part = spec_part(&spec, "### 4.2", "### 4.3");
    let tpl = t(TemplateId::F2021);
    let keys = tpl.row_keys(TableId::Requests);
    let mut n = 0;
    for line in part
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains('`'))
    {
        let t = ticks(line);
        let (key, label) = (t[0], *t.last().unwrap());
        assert_eq!(keys[n], key, "row {n}");
        let cell = tpl.cell(TableId::Requests, key, "natural").unwrap();
        assert!(
            tpl.def(cell).row_label.ends_with(label),
            "{key}: {} vs spec {label}",
            tpl.def(cell).row_label
        );
        n += 1;
    }
    assert_eq!(n, 25);
}

#[test]
fn table3_columns_and_corner_match_spec_4_1() {
    let spec = spec();
    let part = spec_part(&spec, "### 4.1", "### 4.2");
    assert!(part.contains(&format!("`{T3_CORNER}`")));
    let start = part.find("Data columns in order").unwrap();
    let line = part[start..]
        .split("\n\n")
        .next()
        .unwrap()
        .replace('\n', " ");
    let tpl = t(TemplateId::F2019);
    let cols: Vec<(&str, String)> = tpl
        .table_cells(TableId::Requests)
        .take(7)
        .map(|c| (tpl.def(c).col, tpl.def(c).col_label.clone()))
        .collect();
    for (key, label) in cols {
        let leaf = label.rsplit(' ').next().unwrap();
        assert!(line.contains(&format!("`{key}` {leaf}")), "{key} {leaf}");
    }
}

#[test]
fn table2_and_table4_labels_appear_in_the_spec_in_order() {
    let spec = spec();
    for (id, from, to) in [
        (TemplateId::F2021, "### 3.1", "### 3.2"),
        (TemplateId::F2019, "### 3.2", "## 4."),
    ] {
        let part = spec_part(&spec, from, to);
        let spec_labels: Vec<&str> = part
            .lines()
            .filter(|l| l.starts_with("| s") || l.starts_with("| h") || l.starts_with("| r"))
            .flat_map(ticks)
            .collect();
        let table = t(id).table(TableId::Proactive);
        let ours: Vec<&str> = table
            .body
            .iter()
            .flatten()
            .filter_map(|c| match c {
                GridCell::Head(h) if !h.text.is_empty() => Some(h.text),
                _ => None,
            })
            .collect();
        // The one deliberate difference: 采购总金额 carries its unit (spec §3.2 note).
        let ours: Vec<&str> = ours
            .into_iter()
            .map(|l| {
                if l == "采购总金额（万元）" {
                    "采购总金额"
                } else {
                    l
                }
            })
            .collect();
        assert_eq!(ours, spec_labels, "{id:?}");
    }
    let part = spec_part(&spec, "## 5.", "## 6.");
    let spec_labels: Vec<&str> = part
        .lines()
        .filter(|l| l.starts_with("| H"))
        .flat_map(ticks)
        .collect();
    let ours: Vec<&str> = t(TemplateId::F2021)
        .table(TableId::ReviewLitigation)
        .head
        .iter()
        .flatten()
        .map(|h| h.text)
        .collect();
    assert_eq!(ours, spec_labels);
}

#[test]
fn every_named_key_is_declared_by_a_format() {
    for key in super::keys::ALL {
        let declared = TemplateId::ALL.iter().any(|id| {
            let t = id.get();
            t.cells.iter().any(|d| {
                d.row == *key
                    || d.col == *key
                    || d.row.strip_prefix(key).is_some_and(|r| r.starts_with('.'))
            })
        });
        assert!(
            declared,
            "{key} is named in keys.rs but no format declares it"
        );
    }
}
