//! Pasting by the source's structure: a published 表三 copied whole, its
//! numbers only, one labelled row; 元 into 万元; one column asks.

use nianbao_core::edit::structured::{
    block_of, is_ambiguous, plan_block, readings, Block, BlockCell,
};
use nianbao_core::template::{CellId, TableId, TemplateId};

fn cell(text: &str, copy: bool) -> BlockCell {
    BlockCell {
        text: text.to_owned(),
        copy,
    }
}

/// 表三 as a published page has it: three label columns (spans spread out),
/// two header rows, the value of row r column c = r * 10 + c.
fn published_t3() -> Block {
    let t = TemplateId::F2021.get();
    let mut block: Block = vec![
        vec![
            cell(
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                false,
            ),
            cell("", true),
            cell("", true),
            cell("申请人情况", false),
            cell("申请人情况", true),
            cell("申请人情况", true),
            cell("申请人情况", true),
            cell("申请人情况", true),
            cell("申请人情况", true),
            cell("申请人情况", true),
        ],
        vec![
            cell(
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                true,
            ),
            cell("", true),
            cell("", true),
            cell("自然人", false),
            cell("法人或其他组织", false),
            cell("法人或其他组织", true),
            cell("法人或其他组织", true),
            cell("法人或其他组织", true),
            cell("法人或其他组织", true),
            cell("总计", false),
        ],
        vec![
            cell("", true),
            cell("", true),
            cell("", true),
            cell("", true),
            cell("商业企业", false),
            cell("科研机构", false),
            cell("社会公益组织", false),
            cell("法律服务机构", false),
            cell("其他", false),
            cell("", true),
        ],
    ];
    let rows = t.row_keys(TableId::Requests);
    for (r, key) in rows.iter().enumerate() {
        let c0 = t.cell(TableId::Requests, key, "natural").unwrap();
        let label = t.def(c0).row_label.clone();
        // Split the joined label the way published tables print it.
        let parts: Vec<String> = if let Some(rest) = label.strip_prefix("三、本年度办理结果")
        {
            match rest.find(|c: char| c.is_ascii_digit()) {
                Some(at) => vec![
                    "三、本年度办理结果".into(),
                    rest[..at].to_owned(),
                    format!("  {}  ", &rest[at..]),
                ],
                None => vec![
                    "三、本年度办理结果".into(),
                    rest.to_owned(),
                    rest.to_owned(),
                ],
            }
        } else {
            vec![label.clone(), label.clone(), label.clone()]
        };
        let mut row: Vec<BlockCell> = parts
            .iter()
            .enumerate()
            .map(|(i, p)| cell(p, i > 0 && *p == parts[i - 1]))
            .collect();
        for c in 0..7 {
            row.push(cell(
                &format!("<{}>", r * 10 + c).replace(['<', '>'], ""),
                false,
            ));
        }
        block.push(row);
    }
    block
}

#[test]
fn a_whole_published_table_with_labels_lands_in_its_cells_from_any_start() {
    let t = TemplateId::F2021.get();
    let block = published_t3();
    // Pasted anywhere in 表三: labels decide.
    let start = t
        .cell(TableId::Requests, "carryForward", "otherOrg")
        .unwrap();
    let placed = plan_block(t, start, &block).unwrap();
    assert!(placed.by_label);
    assert_eq!(placed.plan.len(), 25 * 7);
    for (r, key) in t.row_keys(TableId::Requests).iter().enumerate() {
        for (c, col) in [
            "natural",
            "commercial",
            "research",
            "publicWelfare",
            "legalService",
            "otherOrg",
            "total",
        ]
        .iter()
        .enumerate()
        {
            let id = t.cell(TableId::Requests, key, col).unwrap();
            let v = placed.plan.iter().find(|(x, _)| *x == id).unwrap().1;
            assert_eq!(v, Some((r * 10 + c) as i64), "{key} {col}");
        }
    }
}

#[test]
fn one_labelled_row_goes_to_its_row_and_the_numbers_alone_go_by_position() {
    let t = TemplateId::F2021.get();
    let block = published_t3();
    let at = |row: &str, col: &str| t.cell(TableId::Requests, row, col).unwrap();
    // The （三）1 row with its labels, pasted on 一、 自然人.
    let row: Block = vec![block[3 + 4].clone()];
    let placed = plan_block(t, at("newReceived", "natural"), &row).unwrap();
    assert_eq!(
        placed.plan.first(),
        Some(&(at("denied.stateSecret", "natural"), Some(40)))
    );
    assert_eq!(placed.plan.len(), 7);
    // The numeric region only, from （一） 自然人.
    let numbers: Block = block[3 + 2..3 + 4]
        .iter()
        .map(|r| r[3..].to_vec())
        .collect();
    let placed = plan_block(t, at("granted", "natural"), &numbers).unwrap();
    assert!(!placed.by_label);
    assert_eq!(placed.plan[0], (at("granted", "natural"), Some(20)));
    assert_eq!(placed.plan[7], (at("partial", "natural"), Some(30)));
    // A row label that 表三 does not have stops everything, named.
    let mut bad = vec![block[3 + 2].clone()];
    bad[0][2] = cell("（九）别的", false);
    bad[0][1] = cell("（九）别的", true);
    bad[0][0] = cell("（九）别的", true);
    let e = plan_block(t, at("granted", "natural"), &bad).unwrap_err();
    assert!(
        e[0].message.contains("行名“（九）别的”在表三中找不到"),
        "{}",
        e[0].message
    );
}

#[test]
fn yuan_into_a_wan_cell_converts_when_exact() {
    let t = TemplateId::F2021.get();
    let fee = t
        .cell(TableId::Proactive, "adminFees", "amount")
        .unwrap_or_else(|| {
            t.cells
                .iter()
                .enumerate()
                .find(|(_, d)| d.kind.is_money())
                .map(|(i, _)| CellId(i as u16))
                .unwrap()
        });
    let placed = plan_block(t, fee, &block_of(vec![vec!["251000元".into()]])).unwrap();
    assert_eq!(placed.plan, vec![(fee, Some(251_000))]);
    assert!(
        placed.converted[0].contains("“251000元”换算为 25.1 万元"),
        "{:?}",
        placed.converted
    );
    // 0.5元 is 0.00005万元: not exact, refused.
    assert!(plan_block(t, fee, &block_of(vec![vec!["0.5元".into()]])).is_err());
}

#[test]
fn one_column_of_plain_values_is_ambiguous_and_has_both_readings() {
    let t = TemplateId::F2021.get();
    let start = t.cell(TableId::Requests, "newReceived", "natural").unwrap();
    let block = block_of(vec![vec!["1".into()], vec!["2".into()], vec!["3".into()]]);
    assert!(is_ambiguous(&block));
    assert!(!is_ambiguous(&block_of(vec![vec!["1".into(), "2".into()]])));
    let (down, across) = readings(t, start, &block);
    let down = down.unwrap().plan;
    let across = across.unwrap().plan;
    assert_eq!(
        down[1].0,
        t.cell(TableId::Requests, "carriedOver", "natural").unwrap()
    );
    assert_eq!(
        across[1].0,
        t.cell(TableId::Requests, "newReceived", "commercial")
            .unwrap()
    );
}

#[test]
fn text_that_is_neither_a_number_nor_a_row_label_stops_the_paste() {
    let t = TemplateId::F2021.get();
    let start = t
        .cell(TableId::Requests, "carryForward", "otherOrg")
        .unwrap();
    let block = block_of(vec![vec!["5".into()], vec!["abc".into()]]);
    let e = plan_block(t, start, &block).unwrap_err();
    assert!(
        e[0].message
            .contains("第 2 行“abc”既不是数字，也不是表三的行名"),
        "{}",
        e[0].message
    );
}

#[test]
fn text_after_a_value_is_a_value_that_does_not_parse_never_skipped() {
    let t = TemplateId::F2021.get();
    let start = t.cell(TableId::Requests, "newReceived", "natural").unwrap();
    let e = plan_block(t, start, &block_of(vec![vec!["5".into(), "abc".into()]])).unwrap_err();
    assert_eq!(e.len(), 1);
    assert!(e[0].message.contains("第 1 行第 2 个值（表三“一、本年新收政府信息公开申请数量 法人或其他组织 商业企业”）：“abc”不是数字"), "{}", e[0].message);
}
