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
