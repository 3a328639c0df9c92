//! The JSON format: round trip, versions, migrations, the committed schema,
//! and every kind of bad document refused with a plain reason.

use nianbao_core::cell::{CellKind, MAX_MONEY};
use nianbao_core::json::{from_json, schema, to_json, DecodeError, CURRENT_VERSION};
use nianbao_core::report::{Aspect, Date, Part};
use nianbao_core::template::{CellId, TableId, TemplateId};
use nianbao_core::{AgencyKind, Report};
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn version_1_documents_still_load() {
    // These files are frozen copies of what version 1 wrote. When version 2
    // exists they must still load, through the migrations.
    let r = from_json(&fixture("v1-f2021.json")).unwrap();
    assert_eq!(r.template_id(), TemplateId::F2021);
    assert_eq!(r.year, 2024);
    assert_eq!(r.agency.kind, Some(AgencyKind::Department));
    assert_eq!(r.value(TableId::Requests, "newReceived", "total"), Some(22));
    assert_eq!(
        r.value(TableId::Proactive, "adminFees", "amount"),
        Some(125_000)
    );
    assert_eq!(r.other.fee.billed, Some(2_000_000));
    assert_eq!(r.signed_date, Date::new(2025, 1, 20));
    let r = from_json(&fixture("v1-f2019.json")).unwrap();
    assert_eq!(r.template_id(), TemplateId::F2019);
    assert_eq!(
        r.value(TableId::Proactive, "otherServices", "delta"),
        Some(-1)
    );
    assert_eq!(r.value(TableId::Proactive, "procurement", "na"), None);
    assert_eq!(r.overview.parts.len(), 1);
}

#[test]
fn the_committed_schema_is_current() {
    let path = format!("{}/schema/report.schema.json", env!("CARGO_MANIFEST_DIR"));
    let generated = schema() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/report.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test -p nianbao-core --test json` and commit it"
    );
}

#[test]
fn the_schema_names_every_cell_key() {
    let s = schema();
    for key in [
        "\"denied.stateSecret\"",
        "\"litAfterReview\"",
        "\"procurement\"",
        "\"amount\"",
        "\"schemaVersion\"",
    ] {
        assert!(s.contains(key), "{key}");
    }
}

#[test]
fn output_keeps_the_official_order_and_null_for_blank() {
    let mut r = Report::new(2024);
    r.set_value(TableId::Requests, "granted", "natural", Some(0));
    let text = to_json(&r);
    let at = |k: &str| text.find(k).unwrap_or_else(|| panic!("{k}"));
    assert!(at("\"newReceived\"") < at("\"carriedOver\""));
    assert!(at("\"carriedOver\"") < at("\"granted\""));
    assert!(at("\"other.other\"") < at("\"resultTotal\""));
    assert!(text.contains("\"natural\": 0"));
    assert!(text.contains("\"research\": null"));
    assert!(text.starts_with("{\n  \"schema\": \"nianbao.report\",\n  \"schemaVersion\": 1,"));
}

fn refused(text: &str) -> DecodeError {
    from_json(text).expect_err("must be refused")
}

fn with(path: &str, value: serde_json::Value) -> String {
    let mut doc: serde_json::Value = serde_json::from_str(&fixture("v1-f2021.json")).unwrap();
    let (parent, key) = path.rsplit_once('/').unwrap();
    doc.pointer_mut(parent)
        .and_then(|p| p.as_object_mut())
        .unwrap()
        .insert(key.to_owned(), value);
    doc.to_string()
}

#[test]
fn bad_documents_are_refused_with_a_plain_reason() {
    use serde_json::json;
    type Case = (String, fn(&DecodeError) -> bool, &'static str);
    let cases: Vec<Case> = vec![
        (
            "not json at all".into(),
            |e| matches!(e, DecodeError::NotJson { line: 1, .. }),
            "不是有效的 JSON",
        ),
        (
            "{\"a\": 1".into(),
            |e| matches!(e, DecodeError::NotJson { .. }),
            "损坏",
        ),
        (
            "[".repeat(10_000),
            |e| matches!(e, DecodeError::TooDeep),
            "嵌套过深",
        ),
        (
            " ".repeat(6 * 1024 * 1024),
            |e| matches!(e, DecodeError::TooLarge { .. }),
            "文件太大",
        ),
        (
            "{\"hello\": \"world\"}".into(),
            |e| matches!(e, DecodeError::NotOurs),
            "不是本工具",
        ),
        (
            with("/schemaVersion", json!(CURRENT_VERSION + 1)),
            |e| matches!(e, DecodeError::NewerVersion { .. }),
            "更新版本",
        ),
        (
            with("/schemaVersion", json!("1")),
            |e| matches!(e, DecodeError::BadVersion),
            "版本号",
        ),
        (
            with("/schemaVersion", json!(0)),
            |e| matches!(e, DecodeError::BadVersion),
            "版本号",
        ),
        (
            with("/template", json!("F2030")),
            |e| matches!(e, DecodeError::Structure(_)),
            "结构",
        ),
        (
            with("/report/year", json!(1999)),
            |e| matches!(e, DecodeError::BadYear(1999)),
            "1999",
        ),
        (
            with("/report/signedDate", json!("2025-02-30")),
            |e| matches!(e, DecodeError::BadDate(_)),
            "2025-02-30",
        ),
        (
            with("/report/table3/granted/natural", json!(1.5)),
            |e| matches!(e, DecodeError::BadValue { .. }),
            "整数",
        ),
        (
            with("/report/table3/granted/natural", json!("12")),
            |e| matches!(e, DecodeError::Structure(_)),
            "结构",
        ),
        (
            with("/report/table2/adminFees/amount", json!(1.23456)),
            |e| matches!(e, DecodeError::BadValue { .. }),
            "4 位小数",
        ),
        (
            with("/report/table2/adminFees/amount", json!(1e300)),
            |e| matches!(e, DecodeError::BadValue { .. }),
            "太大",
        ),
        (
            with("/report/table3/granted/natural", json!(1e30)),
            |e| matches!(e, DecodeError::BadValue { .. }),
            "太大",
        ),
        (
            with("/report/table3/bogus", json!({"natural": 1})),
            |e| matches!(e, DecodeError::UnknownCell { col: None, .. }),
            "没有“bogus”这一行",
        ),
        (
            with("/report/table3/granted/bogus", json!(1)),
            |e| matches!(e, DecodeError::UnknownCell { col: Some(_), .. }),
            "“bogus”列",
        ),
        (
            with("/report/extra", json!(1)),
            |e| matches!(e, DecodeError::Structure(_)),
            "extra",
        ),
        (
            with("/report/problems", json!(null)),
            |e| matches!(e, DecodeError::Structure(_)),
            "结构",
        ),
    ];
    for (text, is, words) in cases {
        let e = refused(&text);
        assert!(is(&e), "{e:?}");
        let message = e.to_string();
        assert!(message.contains(words), "{message} lacks {words}");
    }
}

#[test]
fn a_bom_and_surrounding_space_are_fine() {
    let text = format!("\u{feff}\n{}\n", fixture("v1-f2021.json"));
    assert!(from_json(&text).is_ok());
}

// ---- JSON ↔ model round trip is the identity --------------------------------

fn value_for(kind: CellKind) -> BoxedStrategy<Option<i64>> {
    let some = match kind {
        CellKind::Money(_) => prop_oneof![0..=MAX_MONEY, 0i64..100_000_000, Just(1i64)].boxed(),
        CellKind::SignedCount => (-1_000_000_000i64..1_000_000_000).boxed(),
        // Negative counts survive too (rule G1 shows them).
        _ => prop_oneof![0i64..1_000, -5i64..0, 0..=i64::MAX].boxed(),
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

fn arb_report() -> impl Strategy<Value = Report> {
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
            r
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn json_round_trip_is_the_identity(report in arb_report()) {
        let text = to_json(&report);
        let back = from_json(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, report);
    }

    #[test]
    fn validate_never_panics(report in arb_report(), previous in arb_report()) {
        use nianbao_core::rules::{validate, Context, Stage};
        for stage in [Stage::Draft, Stage::Export] {
            let _ = validate(&report, &Context { stage, previous: Some(&previous) });
        }
    }
}
