//! Shared test helpers: arbitrary reports for property tests.
#![allow(dead_code)]

use nianbao_core::cell::{CellKind, MAX_COUNT, MAX_MONEY};
use nianbao_core::report::{Aspect, Date, Part};
use nianbao_core::template::{CellId, TemplateId};
use nianbao_core::{AgencyKind, Report};
use proptest::prelude::*;

fn value_for(kind: CellKind) -> BoxedStrategy<Option<i64>> {
    let some = match kind {
        CellKind::Money(_) => prop_oneof![0..=MAX_MONEY, 0i64..100_000_000, Just(1i64)].boxed(),
        CellKind::SignedCount => (-MAX_COUNT..=MAX_COUNT).boxed(),
        // Negative counts survive too (rule G1 shows them).
        _ => prop_oneof![0i64..1_000, -5i64..0, 0..=MAX_COUNT].boxed(),
    };
    prop_oneof![1 => Just(None), 4 => some.prop_map(Some)].boxed()
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,40}",
        Just("</script><script>alert(1)</script>".to_owned()),
        Just("“三安全一稳定”\n\t\u{3000}（一）".to_owned()),
        Just(String::new()),
    ]
}

pub fn arb_report() -> impl Strategy<Value = Report> {
    (
        prop_oneof![Just(TemplateId::F2019), Just(TemplateId::F2021)],
        2008i32..=2100,
    )
        .prop_flat_map(|(template, year)| {
            let cells: Vec<BoxedStrategy<Option<i64>>> = template
                .get()
                .cells
                .iter()
                .map(|d| value_for(d.kind))
                .collect();
            (
                Just((template, year)),
                cells,
                proptest::collection::vec(text(), 12),
                proptest::option::of((2009i32..2101, 1u8..13, 1u8..29)),
                proptest::option::of(prop_oneof![
                    Just(AgencyKind::Department),
                    Just(AgencyKind::Government),
                    Just(AgencyKind::Township),
                    Just(AgencyKind::Subdistrict),
                    Just(AgencyKind::Other)
                ]),
                proptest::array::uniform3(proptest::option::of(0i64..=MAX_MONEY)),
                0usize..3,
            )
        })
        .prop_map(|((template, year), cells, texts, date, kind, fee, parts)| {
            let mut r = Report::with_template(year, template);
            for (i, v) in cells.into_iter().enumerate() {
                r.set(CellId(i as u16), v);
            }
            r.agency.name = texts[0].clone();
            r.agency.region = texts[1].clone();
            r.agency.kind = kind;
            r.signed_date = date.and_then(|(y, m, d)| Date::new(y, m, d));
            r.overview.text = texts[2].clone();
            for a in Aspect::ALL {
                r.overview.aspects[a.index()] = texts[3 + a.index()].clone();
            }
            r.overview.parts = (0..parts)
                .map(|i| Part {
                    title: texts[8 + i].clone(),
                    text: texts[9].clone(),
                })
                .collect();
            r.problems = texts[10].clone();
            r.other.text = texts[11].clone();
            r.other.fee.notices = fee[0].map(|v| v % 1000);
            // 元 keep two decimals.
            r.other.fee.billed = fee[1].map(|v| v / 100 * 100);
            r.other.fee.collected = fee[2].map(|v| v / 100 * 100);
            // As read from a file: totals that disagree are what was printed.
            r.mark_printed_totals();
            r
        })
}
