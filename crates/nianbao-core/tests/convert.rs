//! Moving a report across the 2020/2021 format change.

use nianbao_core::convert::convert;
use nianbao_core::json::from_json;
use nianbao_core::rules::{validate, Context, RuleId};
use nianbao_core::template::{TableId, TemplateId};
use nianbao_core::Report;

fn fixture(name: &str) -> Report {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn f2021_to_f2019_carries_tables_three_and_four_and_texts() {
    let r = fixture("base-f2021.json");
    let (out, losses) = convert(&r, TemplateId::F2019);
    assert_eq!(out.template_id(), TemplateId::F2019);
    // Table 三: shared rows carried, （六）'s three rows folded into one.
    for row in [
        "newReceived",
        "carriedOver",
        "granted",
        "partial",
        "unable.notHeld",
        "resultTotal",
        "carryForward",
    ] {
        for col in ["natural", "commercial", "total"] {
            assert_eq!(
                out.value(TableId::Requests, row, col),
                r.value(TableId::Requests, row, col),
                "{row} {col}"
            );
        }
    }
    assert_eq!(out.value(TableId::Requests, "other", "natural"), Some(1));
    // Table 四 whole.
    assert_eq!(
        out.values()[out
            .template()
            .table(TableId::ReviewLitigation)
            .cells
            .clone()],
        r.values()[r.template().table(TableId::ReviewLitigation).cells.clone()]
    );
    // Table 二: only the 处理决定数量 correspond.
    assert_eq!(
        out.value(TableId::Proactive, "licensing", "decisions"),
        Some(120)
    );
    assert_eq!(
        out.value(TableId::Proactive, "normativeDocs", "newMade"),
        None
    );
    // Texts: the five aspects become titled parts.
    assert_eq!(out.overview.parts.len(), 5);
    assert_eq!(out.overview.parts[0].title, "（一）主动公开");
    assert_eq!(out.problems, r.problems);
    // What did not carry is listed: 表二's documents and fees, the fee figures, the split of （六）.
    let places: Vec<&str> = losses.iter().map(|l| l.place.as_str()).collect();
    assert!(
        places.contains(&"表二“行政规范性文件 本年制发件数”"),
        "{places:?}"
    );
    assert!(places.contains(&"表二“行政事业性收费 本年收费金额（单位：万元）”"));
    assert!(places.iter().any(|p| p.contains("信息处理费")));
    assert!(places
        .iter()
        .any(|p| p.contains("other.") || p.contains("2.申请人逾期未按收费通知")));
    // Table 三 still balances after the fold.
    let findings = validate(&out, &Context::default());
    assert!(!findings
        .iter()
        .any(|f| matches!(f.rule, RuleId::T3_1 | RuleId::T3_2 | RuleId::T3_3)));
}

#[test]
fn f2019_to_f2021_leaves_the_unsplittable_other_row_and_says_so() {
    let r = fixture("base-f2019.json");
    let (out, losses) = convert(&r, TemplateId::F2021);
    assert_eq!(out.template_id(), TemplateId::F2021);
    assert_eq!(out.value(TableId::Requests, "granted", "natural"), Some(10));
    for row in ["other.noCorrection", "other.feeUnpaid", "other.other"] {
        assert_eq!(out.value(TableId::Requests, row, "natural"), None);
    }
    let other = losses
        .iter()
        .find(|l| l.place.contains("（六）其他处理 自然人"))
        .expect("the （六） value is reported");
    assert_eq!(other.value, "1");
    assert!(other.note.contains("无法拆分"));
    // The titled part is kept in the opening text and reported.
    assert!(out.overview.text.contains("（一）加强组织领导"));
    assert!(losses
        .iter()
        .any(|l| l.place.contains("（一）加强组织领导")));
    // The blank （六） rows now break the balance, as they should until filled.
    let findings = validate(&out, &Context::default());
    assert!(findings.iter().any(|f| f.rule == RuleId::T3_2));
}

#[test]
fn converting_to_the_same_format_changes_nothing() {
    let r = fixture("base-f2021.json");
    let (out, losses) = convert(&r, TemplateId::F2021);
    assert_eq!(out, r);
    assert!(losses.is_empty());
}
