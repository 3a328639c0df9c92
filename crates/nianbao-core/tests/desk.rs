//! The files between a unit and the collecting office, over generated ones:
//! 退回意见 (comments at any place of either format, any text) and local rule
//! packs (any rule of the vocabulary) read back to what was written; the same
//! files damaged — cut, bytes changed, fields swapped — are read or refused in
//! words, never a panic, and what is read only points at places that exist.
//! REVIEW_CASES sets the number (scripts/fuzz-readers.sh: 100,000).

use nianbao_core::local_rules::{check_pack, read_pack, LocalRule, Pack};
use nianbao_core::report::Report;
use nianbao_core::review::{read, targets, At, Comment, Decision, Review};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn cases() -> u64 {
    std::env::var("REVIEW_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3_000)
}

const TEXTS: [&str; 8] = [
    "请核对。",
    "<script>alert(1)</script>",
    "\"引号\"与\\反斜杠\\",
    "第一行\n第二行\t制表",
    "𠮷 emoji 😀 与全角　空格",
    "=HYPERLINK(\"x\")",
    "  前后有空格  ",
    "数字 12 与 12.5",
];

fn review(rng: &mut Rng) -> (Review, Report) {
    let year = [2019, 2020, 2021, 2024, 2025][rng.below(5)];
    let mut report = Report::new(year);
    report.agency.name = "某县人民政府办公室".into();
    let places = targets(report.template());
    let n = rng.below(12);
    let comments = (0..n)
        .map(|i| Comment {
            id: i as u32 + 1 + rng.below(3) as u32 * 100,
            at: places[rng.below(places.len())].0.clone(),
            text: TEXTS[rng.below(TEXTS.len())].to_owned(),
            was: format!("{}", rng.below(100)),
        })
        .collect();
    let r = Review {
        agency: report.agency.name.clone(),
        year,
        code: "SM3 0000-0000-0000".into(),
        decision: if rng.below(2) == 0 {
            Decision::Returned
        } else {
            Decision::Passed
        },
        made_at: "2026-01-20T09:00:00+08:00".into(),
        comments,
    };
    (r, report)
}

/// Damage of the kinds a file meets: cut short, a byte changed, a key
/// renamed, a place swapped for one of the other format.
fn damage(text: &str, rng: &mut Rng) -> String {
    let mut bytes = text.as_bytes().to_vec();
    match rng.below(4) {
        0 => bytes.truncate(rng.below(bytes.len().max(1))),
        1 => {
            let i = rng.below(bytes.len().max(1));
            if let Some(b) = bytes.get_mut(i) {
                *b = b"{}[]\",:0a\\"[rng.below(10)];
            }
        }
        2 => return text.replacen("\"text\"", "\"txt\"", 1),
        _ => return text.replacen("table2-", "table2x-", 1),
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn generated_reviews_read_back_and_damaged_ones_are_refused_or_point_at_real_places() {
    let mut rng = Rng(0x7e71_e3a1);
    let (mut read_back, mut refused) = (0, 0);
    for case in 0..cases() {
        let (mut r, report) = review(&mut rng);
        // Ids are unique in a file the app writes.
        r.comments.dedup_by_key(|c| c.id);
        let mut seen = std::collections::HashSet::new();
        r.comments.retain(|c| seen.insert(c.id));
        let text = r.to_file();
        assert_eq!(read(&text).as_ref(), Ok(&r), "case {case}");
        read_back += 1;
        let bad = damage(&text, &mut rng);
        match read(&bad) {
            Ok(got) => {
                for c in &got.comments {
                    assert!(c.at.target(report.template()).is_some(), "case {case}");
                }
                let _ = got.findings(&report);
                let _ = got.replies(&report);
            }
            Err(why) => {
                assert!(!why.is_empty());
                assert!(
                    !why.contains("expected") && !why.contains("line "),
                    "case {case}: {why}"
                );
                refused += 1;
            }
        }
    }
    println!("reviews: {read_back} read back, {refused} damaged refused in words");
}

fn rule(rng: &mut Rng) -> LocalRule {
    let fields = [
        "overview",
        "overview-text",
        "problems",
        "other-text",
        "overview-proactive",
    ];
    let field = fields[rng.below(fields.len())].to_owned();
    match rng.below(5) {
        0 => LocalRule::MaxChars {
            field,
            max: 1 + rng.below(5_000),
        },
        1 if field != "overview" => LocalRule::Phrase {
            field,
            phrase: TEXTS[rng.below(TEXTS.len())].trim().to_owned(),
        },
        2 => LocalRule::Figure {
            field,
            cell: "table3-newReceived-total".into(),
        },
        3 => LocalRule::Deadline {
            month_day: format!("{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
        },
        _ => LocalRule::Indicator {
            name: ["实质公开率", "结转率", "复议纠错率"][rng.below(3)].to_owned(),
            min: Some(rng.below(50) as f64),
            max: (rng.below(2) == 0).then(|| 50.0 + rng.below(50) as f64),
        },
    }
}

#[test]
fn generated_packs_read_back_check_any_report_and_damaged_ones_are_refused_in_words() {
    let mut rng = Rng(0x9ac_c0de);
    let (mut kept, mut refused) = (0, 0);
    for case in 0..cases() {
        let pack = Pack {
            schema: "nianbao.rules".into(),
            schema_version: 1,
            name: "某市补充要求".into(),
            rules: (0..1 + rng.below(8)).map(|_| rule(&mut rng)).collect(),
        };
        let text = serde_json::to_string(&pack).unwrap();
        let got = read_pack(&text).unwrap_or_else(|e| panic!("case {case}: {e}\n{text}"));
        assert_eq!(got, pack);
        let report = Report::new([2020, 2025][rng.below(2)]);
        for f in check_pack(&got, &report) {
            assert!(f.message.starts_with("【某市补充要求】"), "case {case}");
        }
        kept += 1;
        match read_pack(&damage(&text, &mut rng)) {
            Ok(p) => {
                let _ = check_pack(&p, &report);
            }
            Err(why) => {
                assert!(why.starts_with("本地规则包无法使用"), "case {case}: {why}");
                refused += 1;
            }
        }
    }
    println!("packs: {kept} read back, {refused} damaged refused in words");
}

#[test]
fn a_comment_at_a_place_the_format_lacks_is_refused() {
    // 表二 of F2019 has no 规章 rows as F2021 names them: a comment made on
    // one format's place is not shown on the other's.
    let f2021 = Report::new(2025);
    let mut r = Review {
        agency: String::new(),
        year: 2020,
        code: String::new(),
        decision: Decision::Returned,
        made_at: String::new(),
        comments: Vec::new(),
    };
    let only_2021 = targets(f2021.template())
        .into_iter()
        .map(|(at, _)| at)
        .find(|at| at.target(Report::new(2020).template()).is_none());
    if let Some(at) = only_2021 {
        assert!(r.comment(&Report::new(2020), at.clone(), "x").is_err());
        r.comments.push(Comment {
            id: 1,
            at,
            text: "x".into(),
            was: String::new(),
        });
        assert!(read(&r.to_file())
            .unwrap_err()
            .contains("2020年度的格式中不存在"));
    }
    let _ = At::Field("problems".into());
}

mod returned {
    //! A unit's report and the office's two comments on it.
    use super::*;
    use nianbao_core::report::Field;
    use nianbao_core::template::{keys, TableId};

    pub fn unit() -> Report {
        let mut r = Report::new(2025);
        r.agency.name = "某县司法局".into();
        r.set_value(TableId::Requests, keys::NEW_RECEIVED, "natural", Some(12));
        r.problems = "存在的问题：公开内容不够全面。".into();
        r
    }

    pub fn returned(r: &Report) -> Review {
        let t = r.template();
        let cell = t
            .def(
                t.cell(TableId::Requests, keys::NEW_RECEIVED, "natural")
                    .unwrap(),
            )
            .dom_id();
        let mut review = Review {
            agency: "某县司法局".into(),
            year: 2025,
            code: "SM3 0000-1111-2222".into(),
            decision: Decision::Returned,
            made_at: "2026-01-25T09:00:00+08:00".into(),
            comments: Vec::new(),
        };
        review
            .comment(r, At::Cell(cell), "请核对自然人新收申请数。")
            .unwrap();
        review
            .comment(r, At::Field(Field::Problems.key()), "请补充改进措施。")
            .unwrap();
        review
    }
}

#[test]
fn a_package_carries_the_replies_and_reads_them_back() {
    use nianbao_core::submission::{package, read_package};
    let mut r = returned::unit();
    let review = returned::returned(&r);
    r.set_value(
        nianbao_core::template::TableId::Requests,
        nianbao_core::template::keys::NEW_RECEIVED,
        "natural",
        Some(13),
    );
    let check = nianbao_core::json::ExportCheck {
        errors: 0,
        warnings: 1,
        explained: 0,
    };
    let text = package(&r, check, "t", "v", review.replies(&r));
    let got = read_package(&text).unwrap();
    assert_eq!(got.replies.len(), 1);
    assert_eq!(got.replies[0].kind, nianbao_core::review::ReplyKind::Fixed);
    // Without replies the block is left out: a version 1 reader's shape.
    let plain = package(&r, check, "t", "v", Vec::new());
    assert!(!plain.contains("replies"));
}

#[test]
fn a_review_file_and_a_package_with_replies_open_through_the_file_reader() {
    use nianbao_core::import::read_file;
    let mut r = returned::unit();
    let review = returned::returned(&r);
    let read = read_file("退回意见.json", review.to_file().as_bytes(), |_, _| {
        None
    })
    .unwrap();
    assert_eq!(read.review.as_ref(), Some(&review));
    assert_eq!(read.report.agency.name, "某县司法局");
    let broken = review.to_file().replace("\"problems\"", "\"nowhere\"");
    let why = read_file("退回意见.json", broken.as_bytes(), |_, _| None).unwrap_err();
    assert!(
        why.contains("退回意见.json") && why.contains("第2条"),
        "{why}"
    );

    r.set_value(
        nianbao_core::template::TableId::Requests,
        nianbao_core::template::keys::NEW_RECEIVED,
        "natural",
        Some(13),
    );
    let check = nianbao_core::json::ExportCheck {
        errors: 0,
        warnings: 1,
        explained: 0,
    };
    let text = nianbao_core::submission::package(&r, check, "t", "v", review.replies(&r));
    let read = read_file("报送包.json", text.as_bytes(), |_, _| None).unwrap();
    assert_eq!(read.replies, review.replies(&r));
    let back = nianbao_core::import::FileRead::from_wire(&read.to_wire()).unwrap();
    assert_eq!(back.replies, read.replies);
}

const CITY_PACK: &str = r#"{"schema":"nianbao.rules","schemaVersion":1,"name":"某市补充要求","rules":[
    {"maxChars":{"field":"overview","max":1000}},
    {"phrase":{"field":"problems","phrase":"改进措施"}},
    {"figure":{"field":"overview-text","cell":"table3-newReceived-total"}},
    {"deadline":{"monthDay":"01-20"}},
    {"indicator":{"name":"实质公开率","min":50}}]}"#;

fn pack_report() -> Report {
    use nianbao_core::template::{keys, TableId};
    let mut r = Report::new(2025);
    r.agency.name = "某区政府".into();
    r.overview.text = "本年共收到申请12件。".into();
    r.signed_date = nianbao_core::report::Date::new(2026, 1, 15);
    r.set_value(TableId::Requests, keys::NEW_RECEIVED, keys::TOTAL, Some(12));
    r.set_value(TableId::Requests, keys::RESULT_TOTAL, keys::TOTAL, Some(10));
    r.set_value(TableId::Requests, keys::GRANTED, keys::TOTAL, Some(6));
    r
}

#[test]
fn the_check_report_names_the_pack_and_lists_its_findings_or_says_why_not() {
    let today = nianbao_core::report::Date::new(2026, 1, 25).unwrap();
    let p = read_pack(CITY_PACK).unwrap();
    let mut r = pack_report();
    r.problems = "存在的问题：……".into();
    let html = nianbao_core::render::render_check_report_with(&r, None, today, Some(&Ok(p)), None);
    assert!(html.contains("【某市补充要求】5 条规则，已一并检查"));
    assert!(
        html.contains("【某市补充要求】“五、存在的主要问题及改进情况”应写明“改进措施”。"),
        "{html}"
    );
    let broken = read_pack("{").map(|_| unreachable!());
    let html = nianbao_core::render::render_check_report_with(&r, None, today, Some(&broken), None);
    assert!(html.contains("本地规则包无法使用"));
    assert!(!html.contains("【某市补充要求】"));
}

#[test]
fn the_check_report_lists_the_offices_open_comments() {
    let r = returned::unit();
    let review = returned::returned(&r);
    let today = nianbao_core::report::Date::new(2026, 1, 25).unwrap();
    let html = nianbao_core::render::render_check_report_with(&r, None, today, None, Some(&review));
    assert!(html.contains("汇总单位的审核意见（第1条"));
    assert!(html.contains("请补充改进措施。"));
}
