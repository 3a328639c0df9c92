use super::*;
use crate::template::{keys, TableId};

fn pack(rules: &str) -> String {
    format!(
        r#"{{"schema":"nianbao.rules","schemaVersion":1,"name":"某市补充要求","rules":[{rules}]}}"#
    )
}

const CITY: &str = r#"{"maxChars":{"field":"overview","max":1000}},
    {"phrase":{"field":"problems","phrase":"改进措施"}},
    {"figure":{"field":"overview-text","cell":"table3-newReceived-total"}},
    {"deadline":{"monthDay":"01-20"}},
    {"indicator":{"name":"实质公开率","min":50}}"#;

fn report() -> Report {
    let mut r = Report::new(2025);
    r.agency.name = "某区政府".into();
    r.overview.text = "本年共收到申请12件。".into();
    r.problems = "存在的问题和改进措施：……".into();
    r.signed_date = Date::new(2026, 1, 15);
    r.set_value(TableId::Requests, keys::NEW_RECEIVED, keys::TOTAL, Some(12));
    r.set_value(TableId::Requests, keys::RESULT_TOTAL, keys::TOTAL, Some(10));
    r.set_value(TableId::Requests, keys::GRANTED, keys::TOTAL, Some(6));
    r
}

#[test]
fn a_pack_raises_its_findings_with_its_name_and_only_when_broken() {
    let p = read_pack(&pack(CITY)).unwrap();
    let mut r = report();
    assert_eq!(check_pack(&p, &r), []);

    r.overview.aspects[0] = "长".repeat(1001);
    r.problems = "存在的问题：……".into();
    r.overview.text = "本年共收到申请13件，另有112件。".into();
    r.signed_date = Date::new(2026, 1, 21);
    r.set_value(TableId::Requests, keys::GRANTED, keys::TOTAL, Some(4));
    let found = check_pack(&p, &r);
    let words: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(found.len(), 5, "{words:#?}");
    assert!(found
        .iter()
        .all(|f| f.rule == RuleId::L1 && f.severity == Severity::Warning));
    assert!(words.iter().all(|w| w.starts_with("【某市补充要求】")));
    assert!(
        words[0].contains("最多 1000 个字，现有 1019 个字"),
        "{}",
        words[0]
    );
    assert!(words[1].contains("应写明“改进措施”"));
    assert!(words[2].contains("（表中为 12）"));
    assert!(words[3].contains("2026年1月20日"));
    assert!(words[4].contains("实质公开率为 40.0%"), "{}", words[4]);
    assert_eq!(found[2].cells.len(), 1);
    // Each finding keeps its own reason.
    let keys: std::collections::HashSet<String> =
        found.iter().map(|f| f.key(r.template())).collect();
    assert_eq!(keys.len(), 5);
}

#[test]
fn a_broken_pack_is_refused_in_words() {
    let cases = [
        ("", "空"),
        (r#"{"schema":"x"}"#, "nianbao.rules"),
        (
            &pack(r#"{"maxChars":{"field":"nowhere","max":10}}"#),
            "第 1 条规则指向的栏目“nowhere”不存在",
        ),
        (
            &pack(r#"{"figure":{"field":"problems","cell":"table9-a-b"}}"#),
            "单元格“table9-a-b”不存在",
        ),
        (&pack(r#"{"deadline":{"monthDay":"13-40"}}"#), "01-20"),
        (
            &pack(r#"{"indicator":{"name":"满意率","min":1}}"#),
            "不是派生指标",
        ),
        (&pack(r#"{"indicator":{"name":"结转率"}}"#), "下限或上限"),
        (
            &pack(r#"{"indicator":{"name":"结转率","max":120}}"#),
            "下限或上限",
        ),
        (
            &pack(r#"{"shout":{"field":"problems"}}"#),
            "本地规则包无法使用",
        ),
        (
            &pack(r#"{"phrase":{"field":"problems","phrase":"a","extra":1}}"#),
            "本地规则包无法使用",
        ),
        (&pack(""), "1 至 100 条"),
        (&pack(CITY).replace("某市补充要求", ""), "名称"),
        (
            &pack(CITY).replace("\"schemaVersion\":1", "\"schemaVersion\":2"),
            "第 1 版",
        ),
    ];
    for (text, said) in cases {
        let why = read_pack(text).unwrap_err();
        assert!(why.contains(said), "{text}: {why}");
        assert!(why.starts_with("本地规则包无法使用"), "{why}");
    }
    let huge = pack(&vec![r#"{"phrase":{"field":"problems","phrase":"改进"}}"#; 101].join(","));
    assert!(read_pack(&huge).unwrap_err().contains("1 至 100 条"));
}
