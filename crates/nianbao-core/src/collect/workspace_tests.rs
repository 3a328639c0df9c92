use super::*;
use crate::collect::unit_id;
use crate::report::Date;
use crate::template::{keys as key, TableId};

fn today() -> Date {
    Date::new(2026, 3, 1).expect("a date")
}

/// A unit of `agency` for `year`, signed on `signed` (month, day of the
/// next year); `broken`: its checks found errors (the list's business is
/// the counts, not the rules).
fn unit(agency: &str, year: i32, signed: Option<(u8, u8)>, broken: bool) -> Unit {
    let mut r = Report::new(year);
    r.agency.name = agency.to_owned();
    r.signed_date = signed.and_then(|(m, d)| Date::new(year + 1, m, d));
    r.set_value(TableId::Requests, key::NEW_RECEIVED, key::NATURAL, Some(3));
    let mut u = Unit::new(
        unit_id(&r),
        format!("{agency}.json"),
        r,
        None,
        true,
        today(),
    );
    u.summary.errors = if broken { 2 } else { 0 };
    u
}

fn workspace(units: Vec<Unit>) -> Workspace {
    let mut w = Workspace::default();
    for u in units {
        w.push(u);
    }
    w
}

fn names(list: &[&Unit]) -> Vec<String> {
    list.iter().map(|u| u.name().to_owned()).collect()
}

#[test]
fn the_list_filters_searches_and_sorts_as_asked() {
    let w = workspace(vec![
        unit("乙局", 2025, Some((1, 20)), false),
        unit("甲局", 2025, Some((2, 10)), true),
        unit("丙镇", 2024, None, false),
    ]);
    let view = |filter, sort, query: &str| View {
        filter,
        sort,
        query: query.to_owned(),
    };
    assert_eq!(
        names(&w.shown(&view(Filter::All, Sort::Agency, ""))),
        ["丙镇", "乙局", "甲局"]
    );
    assert_eq!(
        names(&w.shown(&view(Filter::Errors, Sort::Agency, ""))),
        ["甲局"]
    );
    // 甲局 signed after 31 January; 丙镇 never signed, its deadline passed.
    assert_eq!(
        names(&w.shown(&view(Filter::Late, Sort::Agency, ""))),
        ["丙镇", "甲局"]
    );
    assert_eq!(
        names(&w.shown(&view(Filter::All, Sort::Year, ""))),
        ["丙镇", "乙局", "甲局"]
    );
    assert_eq!(
        names(&w.shown(&view(Filter::All, Sort::Errors, "局"))),
        ["甲局", "乙局"]
    );
    assert_eq!(
        names(&w.shown(&view(Filter::All, Sort::Agency, " 丙镇.json "))),
        ["丙镇"]
    );
    assert_eq!(Sort::from_key(Sort::Signed.key()), Sort::Signed);
    assert_eq!(Sort::from_key("?"), Sort::Agency);
}

#[test]
fn searching_300_units_copies_no_report() {
    let w = workspace(
        (0..300)
            .map(|i| unit(&format!("第{i}局"), 2025, Some((1, 20)), i % 3 == 0))
            .collect(),
    );
    for q in ["第", "第1", "第12", "第123", "第12", "第1", ""] {
        let view = View {
            query: q.to_owned(),
            filter: Filter::Errors,
            sort: Sort::Errors,
        };
        let shown = w.shown(&view);
        assert!(!shown.is_empty() || q == "第123");
        // Every unit shown is the workspace's own, not a copy of it.
        for u in shown {
            let own = w.get(&u.id).expect("its unit");
            assert!(std::ptr::eq(u, own) && std::ptr::eq(&u.report, &own.report));
        }
    }
}

#[test]
fn only_confirmed_units_of_one_year_and_format_are_grouped_and_chosen() {
    let mut unsure = unit("", 2025, None, false);
    unsure.unsure = vec![Unsure::Agency];
    let a = unit("甲局", 2025, None, false);
    let b = unit("乙局", 2025, None, false);
    let old = unit("丙局", 2020, None, false);
    let w = workspace(vec![a.clone(), b.clone(), old, unsure]);
    let none = HashSet::new();
    let groups = w.groups(&none);
    assert_eq!(groups.len(), 2);
    assert_eq!(
        groups[0].action(),
        "合计 2020 年度（2019年版格式）的 1 个单位"
    );
    assert_eq!(
        groups[1].action(),
        "合计 2025 年度（2021年版格式）的 2 个单位"
    );
    let left_out: HashSet<String> = [b.id.clone()].into();
    let chosen = w.chosen(2025, TemplateId::F2021, &left_out);
    assert_eq!(names(&chosen), ["甲局"]);
    assert_eq!(w.unconfirmed(), 1);
}

#[test]
fn an_added_unit_is_new_the_same_content_or_a_duplicate_to_ask_about() {
    let a = unit("甲局", 2025, Some((1, 20)), false);
    let w = workspace(vec![a.clone()]);
    assert_eq!(w.arrival(&a, &[], None), Arrival::Same("甲局.json"));
    let newer = unit("甲局", 2025, Some((1, 25)), false);
    assert_eq!(w.arrival(&newer, &[], None), Arrival::Duplicate(&a));
    let other = unit("乙局", 2025, None, false);
    assert_eq!(w.arrival(&other, &[], None), Arrival::New);
    // A third copy while the second is still asked about is asked about too.
    let asked = [Duplicate {
        existing: a.clone(),
        incoming: newer.clone(),
    }];
    let third = unit("甲局", 2025, Some((1, 28)), false);
    assert_eq!(
        Workspace::default().arrival(&third, &asked, None),
        Arrival::Duplicate(&a)
    );
    assert!(asked[0].question().contains("原有的来自“甲局.json”"));
    // Units a person must confirm are never taken for another.
    let mut unsure = newer.clone();
    unsure.unsure = vec![Unsure::Year];
    assert_eq!(w.arrival(&unsure, &[], None), Arrival::New);
    // Confirmed into a unit already there: asked about, never itself.
    assert_eq!(w.arrival(&a, &[], Some("x")), Arrival::Duplicate(&a));
    assert_eq!(w.arrival(&a, &[], Some(&a.id)), Arrival::New);
    let mut w = w;
    w.keep_incoming(&asked[0]);
    assert_eq!(w.units(), [newer]);
}

#[test]
fn the_stored_workspace_comes_first_and_nothing_added_meanwhile_is_lost() {
    let (a, b, c) = (
        unit("甲局", 2025, None, false),
        unit("乙局", 2025, None, false),
        unit("丙局", 2025, None, false),
    );
    let mut w = workspace(vec![c.clone(), a.clone()]);
    w.load(vec![a.clone(), b.clone()]);
    assert_eq!(
        names(&w.units().iter().collect::<Vec<_>>()),
        ["甲局", "乙局", "丙局"]
    );
    w.remove(&b.id);
    assert_eq!(w.len(), 2);
}

#[test]
fn a_confirmation_takes_a_year_in_range_and_a_name() {
    let mut u = unit("", 2025, None, false);
    u.unsure = vec![Unsure::Year, Unsure::Agency];
    assert!(u.unsure_words().is_some_and(|w| w.contains("没有机关名称")));
    assert_eq!(u.year_words(), "未确认");
    assert_eq!(u.deadline_words(), "—");
    assert!(confirm(&u, "25", "某局").unwrap_err().contains("四位数字"));
    assert!(confirm(&u, "2025", "  ").unwrap_err().contains("机关名称"));
    let r = confirm(&u, " 2024 ", " 某局 ").expect("confirmed");
    assert_eq!((r.year, r.agency.name.as_str()), (2024, "某局"));
}

#[test]
fn a_units_line_says_its_deadline_and_explained_warnings() {
    assert_eq!(
        unit("甲局", 2025, Some((1, 20)), false).deadline_words(),
        "按期"
    );
    assert_eq!(
        unit("甲局", 2025, Some((2, 20)), false).deadline_words(),
        "逾期"
    );
    let mut u = unit("甲局", 2025, None, false);
    assert_eq!(u.deadline_words(), "逾期");
    u.summary.late = false;
    assert_eq!(u.deadline_words(), "未签发");
    u.summary.warnings = 3;
    u.summary.explained = 1;
    assert_eq!(u.warnings_words(), "3（已说明 1）");
}
