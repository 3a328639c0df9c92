//! Data-driven rule tests: `fixtures/rules.json` holds one case per rule,
//! holding and violated, each a base report with values set by JSON pointer
//! and the exact list of findings `validate` must return.

use nianbao_core::json::from_value;
use nianbao_core::rules::{validate, Context, Finding, RuleId, Severity, Stage};
use nianbao_core::Report;
use serde_json::Value;

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect(&path)).expect(&path)
}

fn apply(doc: &mut Value, set: Option<&Value>) {
    for (pointer, value) in set.and_then(Value::as_object).into_iter().flatten() {
        *doc.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("fixture sets {pointer}, which the base lacks")) =
            value.clone();
    }
}

fn base(name: &str) -> Value {
    fixture(&format!("base-{name}.json"))
}

/// A previous-year report: a named one, or a base extended by a named one.
fn previous(spec: &Value, named: &Value) -> Value {
    let spec = match spec {
        Value::String(name) => &named[name.as_str()],
        other => other,
    };
    let mut doc = base(spec["base"].as_str().unwrap());
    if let Some(ext) = spec.get("extends").and_then(Value::as_str) {
        apply(&mut doc, named[ext].get("set"));
    }
    apply(&mut doc, spec.get("set"));
    doc
}

fn dom_ids(report: &Report, f: &Finding) -> Vec<String> {
    f.cells
        .iter()
        .map(|c| report.template().def(*c).dom_id())
        .collect()
}

fn matches(report: &Report, want: &Value, got: &Finding) -> bool {
    if want["rule"].as_str() != Some(got.rule.code()) {
        return false;
    }
    if let Some(sev) = want.get("severity").and_then(Value::as_str) {
        let expected = if sev == "error" {
            Severity::Error
        } else {
            Severity::Warning
        };
        if got.severity != expected {
            return false;
        }
    }
    if let Some(cells) = want.get("cells").and_then(Value::as_array) {
        let ids = dom_ids(report, got);
        if ids.len() < cells.len() || cells.iter().zip(&ids).any(|(w, g)| w.as_str() != Some(g)) {
            return false;
        }
    }
    for (key, side) in [
        ("left", got.sides.as_ref().map(|s| s.left)),
        ("right", got.sides.as_ref().map(|s| s.right)),
    ] {
        if let Some(v) = want.get(key).and_then(Value::as_i64) {
            if side != Some(v) {
                return false;
            }
        }
    }
    true
}

#[test]
fn every_rule_case_yields_exactly_its_findings() {
    let fixtures = fixture("rules.json");
    let named = &fixtures["previous"];
    let mut failures = Vec::new();
    for case in fixtures["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let mut doc = base(case["base"].as_str().unwrap());
        apply(&mut doc, case.get("set"));
        let report = from_value(doc).unwrap_or_else(|e| panic!("{name}: {e}"));
        let prev = case
            .get("previous")
            .map(|p| from_value(previous(p, named)).unwrap_or_else(|e| panic!("{name}: {e}")));
        let stage = match case.get("stage").and_then(Value::as_str) {
            Some("export") => Stage::Export,
            _ => Stage::Draft,
        };
        let findings = validate(
            &report,
            &Context {
                stage,
                previous: prev.as_ref(),
            },
        );
        let want = case["expect"].as_array().unwrap();
        let mut unmatched: Vec<&Finding> = findings.iter().collect();
        let mut missing = Vec::new();
        for w in want {
            match unmatched.iter().position(|f| matches(&report, w, f)) {
                Some(i) => {
                    unmatched.remove(i);
                }
                None => missing.push(w.to_string()),
            }
        }
        if !missing.is_empty() || !unmatched.is_empty() {
            let extra: Vec<String> = unmatched
                .iter()
                .map(|f| {
                    format!(
                        "{} {:?} {:?} {}",
                        f.rule.code(),
                        f.sides.as_ref().map(|s| (s.left, s.right)),
                        dom_ids(&report, f).first(),
                        f.message
                    )
                })
                .collect();
            failures.push(format!(
                "{name}\n  missing: {missing:?}\n  unexpected: {extra:#?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_has_a_violating_case() {
    let fixtures = fixture("rules.json");
    let text = fixtures["cases"].to_string();
    // R1 and L1 come with a 退回意见 or a local pack (tests/desk.rs).
    for rule in RuleId::ALL.into_iter().filter(|r| !r.from_outside()) {
        assert!(
            text.contains(&format!("\"rule\":\"{}\"", rule.code())),
            "no case for {}",
            rule.code()
        );
    }
}

#[test]
fn the_crate_docs_list_every_rule_with_its_wording() {
    let lib = include_str!("../src/lib.rs");
    for rule in RuleId::ALL {
        let severity = match (rule, rule.severity()) {
            (RuleId::G3, _) => "草稿提示，导出错误",
            (_, s) => s.label(),
        };
        let row = format!(
            "//! | {} | {} | {} |",
            rule.code(),
            severity,
            nianbao_core::rules::wording(rule)
        );
        assert!(lib.contains(&row), "lib.rs docs lack: {row}");
    }
}

#[test]
fn messages_name_the_place_the_formula_and_both_sides() {
    let mut doc = base("f2021");
    apply(
        &mut doc,
        Some(
            &serde_json::json!({"/report/table3/newReceived/natural": 21, "/report/table3/newReceived/total": 23}),
        ),
    );
    let report = from_value(doc).unwrap();
    let findings = validate(&report, &Context::default());
    let f = findings.iter().find(|f| f.rule == RuleId::T3_3).unwrap();
    assert_eq!(f.formula, "第一项 + 第二项 = 第三项（七）总计 + 第四项");
    assert_eq!(
        f.message,
        "表三“自然人”列：第一项 + 第二项 = 第三项（七）总计 + 第四项 不成立。左边 21 + 3 = 24，右边 20 + 3 = 23，相差 1。"
    );
}

/// Spec §8.9: the export stage reports an empty table once, as not filled in,
/// without advising 0; a blank total whose parts are 0 is named; files record
/// the export counts.
#[test]
fn the_export_stage_says_unfilled_tables_and_names_blank_totals() {
    use nianbao_core::json::{export_check, to_json_export};

    let r = Report::new(2024);
    let ctx = Context {
        stage: Stage::Export,
        previous: None,
    };
    let g3: Vec<_> = validate(&r, &ctx)
        .into_iter()
        .filter(|f| f.rule == RuleId::G3)
        .collect();
    assert_eq!(g3.len(), 3);
    for f in &g3 {
        assert_eq!(f.severity, Severity::Error);
        assert!(f.message.contains("未填写"), "{}", f.message);
        assert!(!f.message.contains("请填 0"), "{}", f.message);
    }
    let mut r = Report::new(2024);
    let t4 = nianbao_core::TableId::ReviewLitigation;
    for col in ["maintain", "correct", "other", "pending"] {
        r.set_value(t4, "review", col, Some(0));
    }
    let g3 = validate(&r, &ctx)
        .into_iter()
        .find(|f| f.rule == RuleId::G3 && f.message.starts_with("表四"))
        .unwrap();
    let total = r.template().cell(t4, "review", "total").unwrap();
    assert!(g3.cells.contains(&total), "the blank 总计 is named");
    let check = export_check(&r, None);
    assert!(check.errors >= 3);
    let json = to_json_export(&r, check);
    assert!(
        json.contains(&format!(
            "\"exportCheck\": {{\n    \"errors\": {},",
            check.errors
        )),
        "{json}"
    );
}

#[test]
fn only_a_total_the_template_sums_is_offered_to_compute_again() {
    use nianbao_core::template::TableId;
    let mut r = Report::new(2025);
    r.set_value(TableId::Requests, "newReceived", "natural", Some(3));
    r.set_value(TableId::Requests, "newReceived", "total", Some(4));
    r.set_value(TableId::ReviewLitigation, "review", "maintain", Some(1));
    r.set_value(TableId::ReviewLitigation, "review", "total", Some(5));
    r.mark_printed_totals();
    let findings = validate(&r, &Context::default());
    let t = r.template();
    let offered: Vec<(RuleId, String)> = findings
        .iter()
        .filter_map(|f| f.recomputable_total(t).map(|c| (f.rule, t.def(c).dom_id())))
        .collect();
    assert!(
        offered.contains(&(RuleId::T3_1, "table3-newReceived-total".to_owned())),
        "{offered:?}"
    );
    assert!(
        offered
            .iter()
            .any(|(rule, id)| *rule == RuleId::T4_1 && id.ends_with("review-total")),
        "{offered:?}"
    );
    // A finding about something else (a blank cell, a text) names no total to compute.
    for f in findings.iter().filter(|f| {
        !matches!(
            f.rule,
            RuleId::T3_1 | RuleId::T3_2 | RuleId::T4_1 | RuleId::T4_2 | RuleId::T4_3
        )
    }) {
        assert_eq!(f.recomputable_total(t), None, "{:?}", f.rule);
    }
}
