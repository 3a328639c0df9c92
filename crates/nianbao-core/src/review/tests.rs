use super::*;
use crate::report::Field;
use crate::rules::explain;
use crate::template::{keys, TableId};

fn unit() -> Report {
    let mut r = Report::new(2025);
    r.agency.name = "某县司法局".into();
    r.set_value(TableId::Requests, keys::NEW_RECEIVED, "natural", Some(12));
    r.problems = "存在的问题：公开内容不够全面。".into();
    r
}

fn cell_key(r: &Report) -> String {
    let t = r.template();
    t.def(
        t.cell(TableId::Requests, keys::NEW_RECEIVED, "natural")
            .unwrap(),
    )
    .dom_id()
}

fn returned(r: &Report) -> Review {
    let mut review = Review {
        agency: "某县司法局".into(),
        year: 2025,
        code: "SM3 0000-1111-2222".into(),
        decision: Decision::Returned,
        made_at: "2026-01-25T09:00:00+08:00".into(),
        comments: Vec::new(),
    };
    review
        .comment(r, At::Cell(cell_key(r)), "请核对自然人新收申请数。")
        .unwrap();
    review
        .comment(r, At::Field(Field::Problems.key()), "请补充改进措施。")
        .unwrap();
    review
}

#[test]
fn a_review_file_round_trips_and_is_read_strictly() {
    let r = unit();
    let review = returned(&r);
    let text = review.to_file();
    assert_eq!(read(&text), Ok(review.clone()));
    assert!(text.contains("\"schema\": \"nianbao.review\""));

    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut newer = doc.clone();
    newer["schemaVersion"] = 2.into();
    assert!(read(&newer.to_string()).unwrap_err().contains("更新版本"));
    let mut other = doc.clone();
    other["schema"] = "nianbao.report".into();
    assert!(read(&other.to_string())
        .unwrap_err()
        .contains("不是退回意见"));
    let mut nowhere = doc.clone();
    nowhere["review"]["comments"][0]["at"] = serde_json::json!({ "cell": "table9-x-y" });
    assert!(read(&nowhere.to_string()).unwrap_err().contains("第1条"));
    let mut twice = doc.clone();
    twice["review"]["comments"][1]["id"] = 1.into();
    assert!(read(&twice.to_string()).unwrap_err().contains("两次"));
    let mut extra = doc.clone();
    extra["review"]["note"] = "?".into();
    assert!(read(&extra.to_string()).is_err());
    let mut long = doc;
    long["review"]["comments"][0]["text"] = "长".repeat(MAX_REASON_CHARS + 1).into();
    assert!(read(&long.to_string()).is_err());
    assert!(read("").is_err());
    assert!(read("{\"schema\":\"nianbao.review\",\"schema\":1}").is_err());
}

#[test]
fn comments_show_at_their_places_until_changed_or_explained() {
    let mut r = unit();
    let review = returned(&r);
    let found = review.findings(&r);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].rule, RuleId::R1);
    assert_eq!(found[0].cells.len(), 1);
    assert_eq!(found[1].fields, [Field::Problems]);
    assert!(found[0].message.contains("请核对自然人新收申请数"));
    // Distinct keys even at one place.
    assert_ne!(
        found[0].key(r.template()),
        found[1].key(r.template()),
        "keys"
    );
    assert!(review.replies(&r).is_empty());

    // The cell changed: 已修改, no finding; the section explained: 说明.
    r.set_value(TableId::Requests, keys::NEW_RECEIVED, "natural", Some(13));
    let open = review.findings(&r);
    assert_eq!(open.len(), 1);
    let key = open[0].key(r.template());
    explain(&mut r, &key, "改进措施已在第五部分写明。", &open, false).unwrap();
    let replies = review.replies(&r);
    assert_eq!(
        replies,
        [
            Reply {
                comment: 1,
                kind: ReplyKind::Fixed,
                text: "现为 13".into()
            },
            Reply {
                comment: 2,
                kind: ReplyKind::Explained,
                text: "改进措施已在第五部分写明。".into()
            }
        ]
    );
    assert_eq!(replies[0].words(), "已修改（现为 13）");

    // Another agency's or year's report: nothing.
    let mut other = r.clone();
    other.agency.name = "某县公安局".into();
    assert!(review.findings(&other).is_empty());
    assert!(review.replies(&other).is_empty());
}

#[test]
fn a_comment_is_refused_in_words_when_empty_too_long_or_nowhere() {
    let r = unit();
    let mut review = returned(&r);
    assert!(review
        .comment(&r, At::Field("problems".into()), "  ")
        .is_err());
    let long = "长".repeat(MAX_REASON_CHARS + 1);
    assert!(review
        .comment(&r, At::Field("problems".into()), &long)
        .is_err());
    assert!(review
        .comment(&r, At::Cell("table3-none-none".into()), "x")
        .is_err());
    assert_eq!(review.comments.len(), 2);
    // Every place offered can be commented on and read back.
    for (at, name) in targets(r.template()) {
        assert!(!name.is_empty());
        review.comment(&r, at, "请核对。").unwrap();
    }
    assert_eq!(read(&review.to_file()), Ok(review));
}
