//! The report model: blank versus 0, computed totals, dates.

use nianbao_core::report::{Date, Report};
use nianbao_core::template::TableId;

const T3: TableId = TableId::Requests;

#[test]
fn a_new_report_is_blank_not_zero() {
    let r = Report::new(2024);
    assert!(r.is_empty());
    assert!(r.values().iter().all(Option::is_none));
    assert_eq!(r.title(), "2024年政府信息公开工作年度报告");
}

#[test]
fn totals_fill_from_their_parts_and_stay_blank_without_any() {
    let mut r = Report::new(2024);
    r.set_value(T3, "granted", "natural", Some(3));
    r.set_value(T3, "granted", "commercial", Some(2));
    r.set_value(T3, "partial", "natural", Some(4));
    r.set_value(T3, "other.feeUnpaid", "otherOrg", Some(1));
    r.fill_totals();
    assert_eq!(r.value(T3, "granted", "total"), Some(5));
    assert_eq!(r.value(T3, "partial", "total"), Some(4));
    assert_eq!(r.value(T3, "resultTotal", "natural"), Some(7));
    assert_eq!(r.value(T3, "resultTotal", "commercial"), Some(2));
    assert_eq!(r.value(T3, "resultTotal", "otherOrg"), Some(1));
    assert_eq!(r.value(T3, "resultTotal", "total"), Some(10));
    // No parts entered: the total stays blank, not 0.
    assert_eq!(r.value(T3, "newReceived", "total"), None);
    assert_eq!(r.value(T3, "resultTotal", "research"), None);
    // Table 四 groups.
    let t4 = TableId::ReviewLitigation;
    r.set_value(t4, "review", "maintain", Some(10));
    r.set_value(t4, "review", "correct", Some(1));
    r.fill_totals();
    assert_eq!(r.value(t4, "review", "total"), Some(11));
    assert_eq!(r.value(t4, "litDirect", "total"), None);
}

#[test]
fn computed_totals_do_not_change_the_report() {
    let mut r = Report::new(2020);
    r.set_value(T3, "other", "natural", Some(2));
    let before = r.clone();
    let totals = r.computed_totals();
    assert_eq!(r, before);
    let cell = r.template().cell(T3, "other", "total").unwrap();
    assert!(totals.contains(&(cell, Some(2))));
}

#[test]
fn dates_read_the_ways_people_write_them() {
    let want = Date::new(2025, 1, 20);
    for text in ["2025-01-20", "2025/1/20", "2025年1月20日", " 2025.01.20 "] {
        assert_eq!(Date::parse(text), want, "{text}");
    }
    for text in [
        "2025-02-29",
        "2025-13-01",
        "20250120",
        "2025-1",
        "",
        "二〇二五年一月",
    ] {
        assert_eq!(Date::parse(text), None, "{text}");
    }
    assert_eq!(
        Date::parse("2024-02-29").unwrap().chinese(),
        "2024年2月29日"
    );
    assert_eq!(want.unwrap().iso(), "2025-01-20");
}

/// Spec §8.8: a report whose 总计 column was left blank keeps its blanks
/// through import, an edit elsewhere with auto totals, and a draft round
/// trip; each row says "总计为空", never "总计为 0".
#[test]
fn a_blank_total_column_stays_blank_and_is_named_as_blank() {
    use nianbao_core::json::{from_json, to_json, Draft};
    use nianbao_core::rules::{validate, Context, RuleId};
    let mut r = Report::new(2024);
    let rows = ["newReceived", "granted", "partial", "carryForward"];
    for row in rows {
        r.set_value(T3, row, "natural", Some(2));
        r.set_value(T3, row, "commercial", Some(1));
    }
    // Filled parts, blank totals — as a province report printed them.
    let mut r = from_json(&to_json(&r)).unwrap();
    r.set_value(T3, "carriedOver", "natural", Some(0));
    r.fill_totals();
    let draft = Draft {
        name: String::new(),
        revision: 1,
        saved_at_ms: 0.0,
        report: r,
        previous: None,
        unparsed: Default::default(),
    };
    let r = Draft::from_json(&draft.to_json()).unwrap().report;
    for row in rows {
        assert_eq!(r.value(T3, row, "total"), None, "{row} total stays blank");
    }
    // carriedOver was typed after the import: its total is computed.
    assert_eq!(r.value(T3, "carriedOver", "total"), Some(0));
    let findings = validate(&r, &Context::default());
    let t3_1: Vec<_> = findings.iter().filter(|f| f.rule == RuleId::T3_1).collect();
    assert_eq!(
        t3_1.len(),
        rows.len(),
        "{:#?}",
        t3_1.iter().map(|f| &f.message).collect::<Vec<_>>()
    );
    for f in &t3_1 {
        assert!(f.message.contains("总计为空"), "{}", f.message);
        assert!(!f.message.contains("总计为 0"), "{}", f.message);
    }
}
