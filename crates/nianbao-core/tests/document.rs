//! The open report as a document of edits: one step per edit (typing merges),
//! undo restores everything an edit changed (kept cell text included), an
//! edit that changes nothing adds no step, a refused edit changes nothing,
//! and the journal's entries replay to the same document.

use nianbao_core::edit::document::{Document, Edit};
use nianbao_core::report::Field;
use nianbao_core::template::{CellId, TableId, TemplateId};
use nianbao_core::{AgencyKind, Report};
use proptest::prelude::*;

/// The cells of the report's three statistical tables.
fn table_cells(r: &Report) -> impl Iterator<Item = CellId> + '_ {
    let t = r.template();
    [
        TableId::Proactive,
        TableId::Requests,
        TableId::ReviewLitigation,
    ]
    .into_iter()
    .flat_map(move |id| t.table_cells(id))
}

fn cell(r: &Report, label: &str) -> CellId {
    table_cells(r)
        .find(|c| r.template().def(*c).name() == label)
        .unwrap_or_else(|| panic!("no cell {label}"))
}

fn editable(r: &Report) -> Vec<CellId> {
    table_cells(r)
        .filter(|c| r.template().def(*c).kind.is_editable())
        .collect()
}

const NATURAL: &str = "一、本年新收政府信息公开申请数量 自然人";
const TOTAL: &str = "一、本年新收政府信息公开申请数量 总计";

#[test]
fn keystrokes_of_one_cell_merge_and_undo_restores_the_text_kept() {
    let mut d = Document::new(Report::new(2024));
    let c = cell(d.report(), NATURAL);
    let type_ = |d: &mut Document, raw: &str, at: f64| {
        d.apply(
            Edit::TypeCell {
                cell: c,
                raw: raw.to_owned(),
            },
            at,
        )
        .unwrap()
    };
    type_(&mut d, "1", 0.0);
    type_(&mut d, "12", 100.0);
    let typed = type_(&mut d, "12a", 200.0);
    assert!(typed.changed && typed.kept_text);
    assert_eq!(d.report().get(c), None);
    let key = d.report().template().def(c).dom_id();
    assert_eq!(d.unparsed().get(&key).map(String::as_str), Some("12a"));
    // A fill over the cell takes the kept text; undo brings it back (A11).
    let fill = d.apply(Edit::Fill(vec![(c, Some(7))]), 5000.0).unwrap();
    assert!(fill.changed && fill.kept_text);
    assert!(d.unparsed().is_empty());
    assert!(d.undo());
    assert_eq!(d.unparsed().get(&key).map(String::as_str), Some("12a"));
    // The three keystrokes were one step.
    assert!(d.undo());
    assert_eq!(d.report(), &Report::new(2024));
    assert!(!d.can_undo());
}

#[test]
fn computed_totals_follow_typing_and_typed_totals_are_kept() {
    let mut d = Document::new(Report::new(2024));
    let (c, total) = (cell(d.report(), NATURAL), cell(d.report(), TOTAL));
    d.apply(
        Edit::TypeCell {
            cell: c,
            raw: "5".into(),
        },
        0.0,
    )
    .unwrap();
    assert_eq!(d.report().get(total), Some(5));
    d.apply(
        Edit::TypeCell {
            cell: total,
            raw: "9".into(),
        },
        0.0,
    )
    .unwrap();
    assert_eq!(d.report().get(total), Some(9), "a typed total is data");
    assert_eq!(d.totals_to_compute(), 1);
    d.apply(Edit::ComputeTotals(vec![total]), 0.0).unwrap();
    assert_eq!(d.report().get(total), Some(5));
    // Typed and checked: nothing is computed.
    let mut typed = Document::new(Report::new(2024));
    typed.set_auto_totals(false);
    typed
        .apply(
            Edit::TypeCell {
                cell: c,
                raw: "5".into(),
            },
            0.0,
        )
        .unwrap();
    assert_eq!(typed.report().get(total), None);
}

/// A10: a fill, paste or replace that changes nothing adds no step, so
/// 撤销 after it reverts the person's previous edit, as they expect.
#[test]
fn an_edit_that_changes_nothing_adds_no_step() {
    let mut d = Document::new(Report::new(2024));
    let c = cell(d.report(), NATURAL);
    d.apply(
        Edit::TypeCell {
            cell: c,
            raw: "3".into(),
        },
        0.0,
    )
    .unwrap();
    let same = d.report().clone();
    for edit in [
        Edit::Fill(vec![(c, Some(3))]),
        Edit::Replace(Box::new(same.clone())),
        Edit::SetYear(2024),
        Edit::SetKind(None),
        Edit::RemovePart(3),
        Edit::Unexplain("T3-1".into()),
        Edit::Defaults {
            agency: None,
            kind: None,
            region: None,
        },
    ] {
        let applied = d.apply(edit.clone(), 10_000.0).unwrap();
        assert!(!applied.changed, "{edit:?}");
    }
    assert!(d.undo());
    assert!(!d.can_undo(), "one step: the typed 3");
}

#[test]
fn a_year_across_2020_2021_converts_and_undo_goes_back() {
    let mut r = Report::new(2024);
    r.agency.name = "某县人民政府".into();
    let mut d = Document::new(r.clone());
    let applied = d.apply(Edit::SetYear(2020), 0.0).unwrap();
    let c = applied.converted.expect("converted");
    assert_eq!((c.from, c.to), (TemplateId::F2021, TemplateId::F2019));
    assert_eq!(d.report().template_id(), TemplateId::F2019);
    assert_eq!(d.report().agency.name, "某县人民政府");
    assert!(d.undo());
    assert_eq!(d.report(), &r);
}

#[test]
fn a_refused_edit_changes_nothing_and_says_why() {
    let mut d = Document::new(Report::new(2024));
    let before = d.report().clone();
    let why = d
        .apply(
            Edit::Explain {
                key: "T3-1".into(),
                reason: "  ".into(),
                findings: Vec::new(),
                has_previous: false,
            },
            0.0,
        )
        .unwrap_err();
    assert!(why.contains("不能为空"), "{why}");
    let other = Report::new(2020);
    let why = d.apply(Edit::FillTables(Box::new(other)), 0.0).unwrap_err();
    assert!(why.contains("年度或格式不同"), "{why}");
    assert_eq!(d.report(), &before);
    assert!(!d.can_undo());
}

#[test]
fn a_portals_defaults_fill_only_what_is_blank() {
    let mut r = Report::new(2024);
    r.agency.region = "某省".into();
    let mut d = Document::new(r);
    d.apply(
        Edit::Defaults {
            agency: Some("某局".into()),
            kind: Some(AgencyKind::Department),
            region: Some("别处".into()),
        },
        0.0,
    )
    .unwrap();
    let a = &d.report().agency;
    assert_eq!((a.name.as_str(), a.region.as_str()), ("某局", "某省"));
    assert_eq!(a.kind, Some(AgencyKind::Department));
}

/// What people type into a cell: numbers, numbers with junk, blanks,
/// full-width digits, signs, spaces.
fn raw() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..500).prop_map(|n| n.to_string()),
        (0u32..50).prop_map(|n| format!("{n}a")),
        Just(String::new()),
        Just("１２".to_owned()),
        Just(" 3 ".to_owned()),
        Just("-1".to_owned()),
        Just("无".to_owned()),
        Just("1,234".to_owned()),
    ]
}

#[derive(Clone, Debug)]
enum Typed {
    Cell(usize, String),
    Fee(usize, String),
    Text(usize, String),
}

fn typed() -> impl Strategy<Value = Typed> {
    prop_oneof![
        6 => (0usize..400, raw()).prop_map(|(i, s)| Typed::Cell(i, s)),
        1 => (0usize..3, raw()).prop_map(|(i, s)| Typed::Fee(i, s)),
        1 => (0usize..5, "[一-龥a-z0-9，。 ]{0,12}").prop_map(|(i, s)| Typed::Text(i, s)),
    ]
}

fn edit_of(r: &Report, t: &Typed) -> Edit {
    match t {
        Typed::Cell(i, raw) => {
            let cells = editable(r);
            Edit::TypeCell {
                cell: cells[i % cells.len()],
                raw: raw.clone(),
            }
        }
        Typed::Fee(i, raw) => Edit::TypeFee {
            field: [Field::FeeNotices, Field::FeeBilled, Field::FeeCollected][*i],
            raw: raw.clone(),
        },
        Typed::Text(i, text) => Edit::SetText {
            field: [
                Field::AgencyName,
                Field::Region,
                Field::OverviewText,
                Field::Problems,
                Field::OtherText,
            ][*i],
            text: text.clone(),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("DOCUMENT_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2000)
    ))]

    /// The journal stores the typed edits; replayed over the report they
    /// were typed over, they give the same document — values, kept text,
    /// totals — whether totals are computed or typed, in both formats.
    #[test]
    fn the_journal_replays_to_the_same_document(
        year in prop_oneof![Just(2020), Just(2024)],
        auto in any::<bool>(),
        typing in prop::collection::vec(typed(), 1..60),
    ) {
        let base = Report::new(year);
        let mut d = Document::new(base.clone());
        d.set_auto_totals(auto);
        let mut journal = Vec::new();
        for (i, t) in typing.iter().enumerate() {
            let edit = edit_of(d.report(), t);
            if let Some(entry) = edit.journal_entry(d.report()) {
                journal.push(entry);
            }
            d.apply(edit, i as f64 * 400.0).unwrap();
        }
        let mut again = Document::new(base);
        again.set_auto_totals(auto);
        let n = again.replay(journal.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        prop_assert_eq!(n, journal.len());
        prop_assert_eq!(again.report(), d.report());
        prop_assert_eq!(again.unparsed(), d.unparsed());
        // Every kept text is of a blank cell or figure.
        for key in d.unparsed().keys() {
            let t = d.report().template();
            if let Some(c) = t.cell_by_dom_id(key) {
                prop_assert_eq!(d.report().get(c), None);
                prop_assert!(t.def(c).kind.is_editable());
            }
        }
        // Undo to the start gives the report typing started from.
        while d.undo() {}
        prop_assert_eq!(d.report(), &Report::new(year));
        prop_assert!(d.unparsed().is_empty());
    }
}
