//! The JSON format: round trip, versions, migrations, the committed schema,
//! and every kind of bad document refused with a plain reason.

use nianbao_core::json::{from_json, read_current, schema, to_json, DecodeError, CURRENT_VERSION};
use nianbao_core::report::Date;
use nianbao_core::template::{TableId, TemplateId};
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
fn version_2_documents_still_load_and_version_3_keeps_reasons_and_a_local_deadline() {
    let r = from_json(&fixture("v2-f2021.json")).unwrap();
    assert_eq!(r.value(TableId::Requests, "newReceived", "total"), Some(22));
    assert!(r.explanations.is_empty());
    assert_eq!(r.agency.deadline, None);

    let mut r = r;
    r.agency.kind = Some(AgencyKind::Township);
    r.agency.deadline = Some((2, 20));
    r.explanations.insert(
        "Y1@table3-carriedOver-natural".to_owned(),
        "机构改革后由新机关承接，上年结转口径不同".to_owned(),
    );
    let text = to_json(&r);
    assert!(text.contains("\"deadline\": \"02-20\""), "{text}");
    assert!(text.contains("机构改革后由新机关承接"));
    let back = from_json(&text).unwrap();
    assert_eq!(back, r);
    assert_eq!(nianbao_core::json::read_current(&text).unwrap(), r);
    assert_eq!(r.deadline(), Date::new(2025, 2, 20));

    // A deadline that is no day, and a reason over the limit, are refused.
    let bad = text.replace("\"02-20\"", "\"02-30\"");
    assert!(from_json(&bad).is_err());
    let long = "长".repeat(nianbao_core::limits::MAX_REASON_CHARS + 1);
    let mut over = r.clone();
    over.explanations.insert("N1@x".into(), long);
    assert!(from_json(&to_json(&over)).is_err());
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
    assert!(text.starts_with("{\n  \"schema\": \"nianbao.report\",\n  \"schemaVersion\": 3,"));
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
            " ".repeat(nianbao_core::limits::MAX_BYTES + 1),
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
            "超出了上限",
        ),
        (
            with("/report/table3/granted/natural", json!(1e30)),
            |e| matches!(e, DecodeError::BadValue { .. }),
            "超出了上限",
        ),
        (
            with("/report/table3/bogus", json!({"natural": 1})),
            |e| matches!(e, DecodeError::UnknownCell { col: None, .. }),
            "一行的标识“bogus”不属于",
        ),
        (
            with("/report/table3/granted/bogus", json!(1)),
            |e| matches!(e, DecodeError::UnknownCell { col: Some(_), .. }),
            "列“bogus”",
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

mod common;
use common::arb_report;

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

/// E4: the largest texts the app lets anyone type still make a draft, a JSON
/// file and an HTML export that every reader takes back.
#[test]
fn e4_a_report_with_every_text_full_round_trips_as_draft_json_and_html() {
    use nianbao_core::import::import;
    use nianbao_core::json::Draft;
    use nianbao_core::limits::{MAX_BYTES, MAX_TEXT_CHARS};
    use nianbao_core::render::render_html;
    for fill in ["字", "<", "\u{1}"] {
        let text = fill.repeat(MAX_TEXT_CHARS);
        let mut r = nianbao_core::Report::new(2024);
        r.agency.name = text.clone();
        r.agency.region = text.clone();
        r.overview.text = text.clone();
        r.overview.aspects = std::array::from_fn(|_| text.clone());
        r.problems = text.clone();
        r.other.text = text.clone();
        assert_eq!(r.over_limits(), None);
        let draft = Draft {
            name: String::new(),
            revision: 1,
            saved_at_ms: 0.0,
            report: r.clone(),
            previous: Some(r.clone()),
            unparsed: Default::default(),
        };
        let stored = draft.to_json();
        assert!(
            stored.len() <= MAX_BYTES,
            "draft of {fill:?}: {} bytes",
            stored.len()
        );
        assert_eq!(Draft::from_json(&stored).unwrap().report, r);
        let json = nianbao_core::json::to_json(&r);
        assert!(json.len() <= MAX_BYTES);
        assert_eq!(import(&json).unwrap(), r);
        let html = render_html(&r);
        assert!(
            html.len() <= MAX_BYTES,
            "html of {fill:?}: {} bytes",
            html.len()
        );
        assert_eq!(import(&html).unwrap(), r);
    }
}

/// E4/E5: what is over the limits is refused where it enters, naming the limit.
#[test]
fn e5_values_and_texts_over_the_limits_are_refused_with_the_limit_named() {
    use nianbao_core::limits::MAX_TEXT_CHARS;
    let base = nianbao_core::json::to_json(&nianbao_core::Report::new(2024));
    let mut doc: serde_json::Value = serde_json::from_str(&base).unwrap();
    doc["report"]["table3"]["newReceived"]["natural"] = serde_json::json!(-9223372036854775807i64);
    let e = nianbao_core::json::from_json(&doc.to_string()).unwrap_err();
    assert!(e.to_string().contains("99,999,999"), "{e}");
    let mut doc: serde_json::Value = serde_json::from_str(&base).unwrap();
    doc["report"]["problems"] = serde_json::json!("长".repeat(MAX_TEXT_CHARS + 1));
    let e = nianbao_core::json::from_json(&doc.to_string()).unwrap_err();
    assert!(
        e.to_string().contains("五、存在的主要问题及改进情况"),
        "{e}"
    );
    assert!(e.to_string().contains("200000"), "{e}");
}

/// W4/W5: refusals are plain Chinese naming the place; nothing lax gets in.
#[test]
fn w4_w5_refusals_name_the_place_in_chinese_and_nothing_lax_is_read() {
    use nianbao_core::json::Draft;
    let base = to_json(&Report::new(2024));
    let english = [
        "expected", "invalid", "unknown", "missing", "field", "variant", "line", "column",
    ];
    let cases: Vec<(String, &str)> = vec![
        (
            base.replacen("\"natural\": null", "\"natural\": \"581\"", 1),
            "表三“一、本年新收政府信息公开申请数量 自然人”应为数字，文件里是文字“581”",
        ),
        (
            base.replacen("\"name\": \"\"", "\"nmae\": \"\"", 1),
            "不认识的项“nmae”",
        ),
        (
            base.replacen("\"template\": \"F2021\"", "\"template\": \"F2030\"", 1),
            "“F2030”不是规定的取值之一",
        ),
        (
            base.replacen("\"natural\": null", "\"natural\": 1, \"natural\": 2", 1),
            "出现了两次",
        ),
        (
            base.replacen("\"table3\": {", "\"table3\": {\"newReceivedX\": {},", 1),
            "“newReceivedX”不属于",
        ),
        ("   ".to_owned(), "文件是空的"),
        (String::new(), "文件是空的"),
    ];
    for (text, words) in cases {
        let e = from_json(&text).unwrap_err().to_string();
        assert!(e.contains(words), "{e} lacks {words}");
        for w in english {
            assert!(!e.contains(w), "English “{w}” in {e}");
        }
    }
    let draft = Draft {
        name: String::new(),
        revision: 1,
        saved_at_ms: 0.0,
        report: Report::new(2024),
        previous: None,
        unparsed: Default::default(),
    };
    let text = draft.to_json();
    assert!(
        Draft::from_json(&format!("\u{feff}{text}")).is_ok(),
        "a BOM is fine in a draft too"
    );
    let v0 = text.replacen(
        "\"schemaVersion\":1,\"name\"",
        "\"schemaVersion\":0,\"name\"",
        1,
    );
    assert_eq!(Draft::from_json(&v0), Err(DecodeError::BadVersion));
    let extra = text.replacen("{\"schema\"", "{\"x\":1,\"schema\"", 1);
    assert!(Draft::from_json(&extra)
        .unwrap_err()
        .to_string()
        .contains("不认识的项“x”"));
    // Not an object at all: not a draft, whatever its depth.
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(Draft::from_json(&deep), Err(DecodeError::NotOurs));
    let deep_inside = text.replacen(
        "{\"schema\"",
        &format!(
            "{{\"x\":{}{},\"schema\"",
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
        1,
    );
    // Deep nesting inside one is skipped without recursion and refused.
    assert!(Draft::from_json(&deep_inside)
        .unwrap_err()
        .to_string()
        .contains("不认识的项“x”"));
}

/// The app reads its own documents with the typed reader (no JSON tree): it
/// must read every version it accepts exactly as the file reader does, and
/// refuse a cell given twice as the file reader does.
#[test]
fn the_apps_own_reader_reads_every_fixture_as_the_file_reader_does() {
    for name in [
        "v1-f2019.json",
        "v1-f2021.json",
        "base-f2019.json",
        "base-f2021.json",
        "v2-f2021.json",
    ] {
        let text = fixture(name);
        let full = from_json(&text).unwrap();
        assert_eq!(read_current(&text), Ok(full.clone()), "{name}");
        assert_eq!(
            read_current(&to_json(&full)),
            Ok(full),
            "{name} written again"
        );
    }
    let text = to_json(&Report::new(2024));
    let twice = text.replacen("\"natural\": null", "\"natural\": 1, \"natural\": 2", 1);
    assert_ne!(twice, text);
    for reader in [from_json, read_current] {
        let e = reader(&twice).unwrap_err().to_string();
        assert!(e.contains("“natural”出现了两次"), "{e}");
    }
    let newer = text.replacen(
        &format!("\"schemaVersion\": {CURRENT_VERSION}"),
        "\"schemaVersion\": 99",
        1,
    );
    assert_eq!(
        read_current(&newer),
        Err(DecodeError::NewerVersion { found: 99 })
    );
    assert_eq!(read_current("{\"a\": 1}"), Err(DecodeError::NotOurs));
    assert_eq!(read_current("  "), Err(DecodeError::Empty));
}
