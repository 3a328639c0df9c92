use super::*;
use crate::collect::unit_id;
use crate::report::Report;
use crate::review::{At, Decision, Review};

fn day(m: u8, d: u8) -> Date {
    Date::new(2026, m, d).expect("a date")
}

fn unit(agency: &str) -> Unit {
    let mut r = Report::new(2025);
    r.agency.name = agency.to_owned();
    Unit::new(
        unit_id(&r),
        format!("{agency}.json"),
        r,
        None,
        true,
        day(1, 10),
    )
}

fn word(u: &Unit, decision: Decision) -> Review {
    let mut review = Review {
        agency: u.summary.agency.clone(),
        year: u.summary.year,
        code: u.code.clone(),
        decision,
        made_at: "2026-01-20".into(),
        comments: Vec::new(),
    };
    review
        .comment(&u.report, At::Field("problems".into()), "请补充。")
        .unwrap();
    review
}

#[test]
fn a_roster_of_four_and_three_packages_give_each_unit_its_status() {
    let roster = read_roster("序号,单位名称\n1,甲局\n2,乙局\n3,丙局\n4,丁局\n").unwrap();
    assert_eq!(roster, ["甲局", "乙局", "丙局", "丁局"]);
    let mut ws = Workspace::default();
    for name in ["甲局", "乙局", "丙局", "戊局"] {
        ws.push(unit(name));
    }
    let mut desk = Desk {
        roster,
        deadline: Some("2026-01-15".into()),
        ..Desk::default()
    };
    let a = ws.units()[0].clone();
    desk.decide(word(&a, Decision::Returned));
    desk.decide(word(&ws.units()[1], Decision::Passed));
    let rows = desk.rows(&ws);
    let seen: Vec<(&str, Status, bool)> = rows
        .iter()
        .map(|r| (r.name.as_str(), r.status, r.on_roster))
        .collect();
    assert_eq!(
        seen,
        [
            ("甲局", Status::Returned, true),
            ("乙局", Status::Passed, true),
            ("丙局", Status::Submitted, true),
            ("丁局", Status::Missing, true),
            ("戊局", Status::Submitted, false),
        ]
    );
    assert_eq!(desk.late(&ws, day(1, 10)), Vec::<String>::new());
    assert_eq!(desk.late(&ws, day(1, 16)), ["丁局"]);
    assert_eq!(
        desk.countdown(day(1, 10)).unwrap(),
        "距截止（2026-01-15）还有 5 天"
    );
    assert_eq!(
        desk.countdown(day(1, 15)).unwrap(),
        "今天（2026-01-15）截止"
    );
    assert_eq!(
        desk.countdown(day(1, 18)).unwrap(),
        "已过截止日期（2026-01-15）3 天"
    );

    // A new version of 甲局's report: its own package, not yet decided.
    let mut fixed = a.report.clone();
    fixed.problems = "已补充。".into();
    let b = Unit::new(
        unit_id(&fixed),
        "甲局2.json".into(),
        fixed,
        None,
        true,
        day(1, 12),
    );
    ws.remove(&a.id);
    ws.push(b);
    assert_eq!(desk.rows(&ws)[0].status, Status::Submitted);

    // The desk round trips; a newer one is refused in words.
    assert_eq!(
        Desk::read(&desk.to_json()),
        Ok(Desk {
            v: 1,
            ..desk.clone()
        })
    );
    let newer = desk.to_json().replace("\"v\":1", "\"v\":9");
    assert!(Desk::read(&newer).unwrap_err().contains("更新版本"));
}

#[test]
fn rosters_are_read_from_the_shapes_spreadsheets_and_people_write() {
    assert_eq!(
        read_roster("\u{feff}单位名称\r\n\"某局，办公室\"\r\n\r\n某局\t备注\n 某局 \n").unwrap(),
        ["某局，办公室", "某局"]
    );
    assert!(read_roster("\n单位名称\n\n")
        .unwrap_err()
        .contains("没有单位名称"));
    assert!(read_roster(&"长".repeat(300)).is_err());
}

/// A small deterministic generator (xorshift).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

/// A roster as a spreadsheet or a person writes it: a heading or not, a
/// 序号 column or not, comma or tab, quoted names (with commas and quotes),
/// notes after the name, CRLF, blank lines, a byte-order mark, repeats.
fn roster(rng: &mut Rng) -> (String, Vec<String>) {
    let parts = [
        "县",
        "区",
        "司法局",
        "公安局",
        "人民政府",
        "办公室",
        "街道办事处",
        "镇",
        "“一网通办”中心",
        "A座",
        "，分局",
    ];
    let n = 1 + rng.next() % 12;
    let mut names: Vec<String> = Vec::new();
    for _ in 0..n {
        let k = 1 + rng.next() % 4;
        let name: String = (0..k).map(|_| rng.pick(&parts)).collect();
        names.push(name);
    }
    let tab = rng.next().is_multiple_of(2);
    let numbered = rng.next().is_multiple_of(2);
    let sep = if tab { "\t" } else { "," };
    let eol = rng.pick(&["\n", "\r\n"]);
    let mut text = String::new();
    if rng.next().is_multiple_of(3) {
        text.push('\u{feff}');
    }
    if rng.next().is_multiple_of(2) {
        let head = rng.pick(&["单位名称", "机关名称", "报送单位"]);
        text += &if numbered {
            format!("序号{sep}{head}{eol}")
        } else {
            format!("{head}{eol}")
        };
    }
    for (i, name) in names.iter().enumerate() {
        if rng.next().is_multiple_of(5) {
            text += eol;
        }
        let cell = if name.contains(['，', ',', '"', '“']) || rng.next().is_multiple_of(4) {
            format!("\"{}\"", name.replace('"', "\"\""))
        } else {
            name.clone()
        };
        if numbered {
            text += &format!("{}{sep}", i + 1);
        } else if rng.next().is_multiple_of(4) && !cell.starts_with('"') {
            // A list number written into the name's own cell.
            text += &format!("{}{}", i + 1, rng.pick(&["、", ". ", "．", "）"]));
        }
        text += &cell;
        if rng.next().is_multiple_of(3) {
            text += &format!("{sep}{}", rng.pick(&["备注", "2026-01-10", ""]));
        }
        text += eol;
    }
    let mut expected: Vec<String> = Vec::new();
    for n in names {
        if !expected.contains(&n) {
            expected.push(n);
        }
    }
    (text, expected)
}

#[test]
fn generated_rosters_read_back_to_their_names_in_order() {
    let cases: u64 = std::env::var("ROSTER_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5_000);
    let mut rng = Rng(0x0d35_c0de);
    for i in 0..cases {
        let (text, expected) = roster(&mut rng);
        assert_eq!(read_roster(&text).unwrap(), expected, "case {i}: {text:?}");
    }
}
