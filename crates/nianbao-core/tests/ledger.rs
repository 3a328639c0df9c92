//! 表三 counted from a request ledger: generated ledgers of more than a
//! thousand rows with every category and edge (year boundaries, open
//! requests, partial disclosure, duplicates, unmapped values, bad dates),
//! whose expected 表三 is known row by row from how each was generated; the
//! count always satisfies T3-1…T3-4.

use std::collections::HashMap;

use nianbao_core::ledger::{count, propose, result_rows, Ledger, Role};
use nianbao_core::report::Report;
use nianbao_core::rules::{validate, Context, RuleId};
use nianbao_core::template::{TableId, TemplateId};

const Y: i32 = 2025;
const APPLICANTS: [(&str, &str); 7] = [
    ("公民", "natural"),
    ("自然人", "natural"),
    ("某某科技有限公司", "commercial"),
    ("某某大学", "research"),
    ("社会公益组织", "publicWelfare"),
    ("律师事务所", "legalService"),
    ("其他", "otherOrg"),
];

/// A small deterministic generator.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn date(y: i32, m: u32, d: u32, style: u64) -> String {
    match style % 4 {
        0 => format!("{y}-{m:02}-{d:02}"),
        1 => format!("{y}/{m}/{d}"),
        2 => format!("{y}年{m}月{d}日"),
        _ => format!("{y}{m:02}{d:02}"),
    }
}

/// The ledger and, per 表三 (row, col) with col a key or "total", the count expected.
fn generated(
    template: TemplateId,
    rows: usize,
    seed: u64,
) -> (Ledger, HashMap<(String, String), i64>, usize) {
    let t = template.get();
    let results = result_rows(t);
    let mut g = Lcg(seed);
    let mut expect: HashMap<(String, String), i64> = HashMap::new();
    let add = |row: &str, col: &str, expect: &mut HashMap<(String, String), i64>| {
        for c in [col, "total"] {
            *expect.entry((row.to_owned(), c.to_owned())).or_default() += 1;
        }
    };
    let mut out = vec![vec![
        "申请编号".to_owned(),
        "收到日期".into(),
        "申请人类型".into(),
        "办理结果".into(),
        "办结日期".into(),
    ]];
    let mut skipped = 0;
    let mut counted_numbers: Vec<String> = Vec::new();
    for i in 0..rows {
        let (who, col) = APPLICANTS[g.next(7) as usize];
        let (row_key, row_label) = &results[g.next(results.len() as u64) as usize];
        // The result as a ledger writes it: the format's label without its numbering.
        let bare = row_label.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
        let bare = match bare.find('）') {
            Some(i) if bare.starts_with('（') => &bare[i + '）'.len_utf8()..],
            _ => bare,
        };
        let written = bare.split('（').next().unwrap().to_owned();
        let m = 1 + g.next(12) as u32;
        let d = 1 + g.next(28) as u32;
        let style = g.next(4);
        let number = format!("YSQ-{i:05}");
        let fate = g.next(12);
        let mut r = vec![
            number.clone(),
            String::new(),
            who.to_owned(),
            String::new(),
            String::new(),
        ];
        match fate {
            // Received this year, closed this year (on the last day sometimes).
            0..=3 => {
                r[1] = date(Y, m, d, style);
                r[3] = written.clone();
                r[4] = if fate == 3 {
                    date(Y, 12, 31, style)
                } else {
                    date(Y, 12.min(m + 1), d, style)
                };
                add("newReceived", col, &mut expect);
                add(row_key, col, &mut expect);
                add("resultTotal", col, &mut expect);
            }
            // Received this year (from 1 January), open at its end.
            4 => {
                r[1] = date(Y, 1, 1, style);
                r[4] = if g.next(2) == 0 {
                    "办理中".into()
                } else {
                    date(Y + 1, 1, 1, style)
                };
                add("newReceived", col, &mut expect);
                add("carryForward", col, &mut expect);
            }
            // Received last year (to 31 December), closed this year.
            5 => {
                r[1] = date(Y - 1, 12, 31, style);
                r[3] = written.clone();
                r[4] = date(Y, m, d, style);
                add("carriedOver", col, &mut expect);
                add(row_key, col, &mut expect);
                add("resultTotal", col, &mut expect);
            }
            // Received last year, still open.
            6 => {
                r[1] = date(Y - 1, m, d, style);
                add("carriedOver", col, &mut expect);
                add("carryForward", col, &mut expect);
            }
            // Closed last year: not this year's.
            7 => {
                r[1] = date(Y - 1, 3, 1, style);
                r[3] = written.clone();
                r[4] = date(Y - 1, 12, 31, style);
                skipped += 1;
            }
            // Received next year.
            8 => {
                r[1] = date(Y + 1, 1, 2, style);
                skipped += 1;
            }
            // A result nobody mapped.
            9 => {
                r[1] = date(Y, m, d, style);
                r[3] = "待定结果".into();
                r[4] = date(Y, m, d, style);
                skipped += 1;
            }
            // A request entered twice.
            10 if !counted_numbers.is_empty() => {
                r[0] = counted_numbers[g.next(counted_numbers.len() as u64) as usize].clone();
                r[1] = date(Y, m, d, style);
                skipped += 1;
            }
            // A date that is no date (and the fallback for 10 with nothing to copy).
            _ => {
                r[1] = "某月某日".into();
                skipped += 1;
            }
        }
        if fate <= 6 {
            counted_numbers.push(number);
        }
        out.push(r);
    }
    // An applicant type nobody mapped.
    out.push(vec![
        "X-1".into(),
        date(Y, 5, 5, 0),
        "不明身份".into(),
        String::new(),
        String::new(),
    ]);
    skipped += 1;
    (Ledger::from_rows(out), expect, skipped)
}

#[test]
fn generated_ledgers_count_to_the_expected_table_and_every_rule_holds() {
    for (template, seed) in [
        (TemplateId::F2021, 7),
        (TemplateId::F2021, 99),
        (TemplateId::F2019, 3),
    ] {
        let year = if template == TemplateId::F2019 {
            2020
        } else {
            Y
        };
        let (ledger, mut expect, skipped) = generated(template, 1200, seed);
        if year != Y {
            // The generator writes 2025 dates: a 2020 report counts none of them as this year's.
            expect.clear();
        }
        let t = template.get();
        let mapping = propose(t, &ledger);
        assert_eq!(mapping.columns.len(), 5, "{:?}", mapping.columns);
        assert_eq!(mapping.columns[&Role::Received], "收到日期");
        for (v, k) in APPLICANTS {
            assert_eq!(mapping.applicants.get(v), Some(&Some(k.to_owned())), "{v}");
        }
        assert!(!mapping.applicants.contains_key("不明身份"));
        assert!(!mapping.results.contains_key("待定结果"));
        let counted = count(t, year, &ledger, &mapping);
        let mut report = Report::with_template(year, template);
        for (cell, v) in &counted.values {
            let d = t.def(*cell);
            let want = expect
                .get(&(d.row.to_owned(), d.col.to_owned()))
                .copied()
                .unwrap_or(0);
            assert_eq!(*v, want, "{template:?} {}", d.name());
            report.set(*cell, Some(*v));
        }
        if year == Y {
            assert_eq!(
                counted.skipped.len(),
                skipped,
                "{:?}",
                &counted.skipped[..5.min(counted.skipped.len())]
            );
        }
        // Every counted cell knows its rows, as many as it counts.
        for (cell, v) in &counted.values {
            assert_eq!(counted.sources.get(cell).map_or(0, Vec::len) as i64, *v);
        }
        let broken: Vec<_> = validate(&report, &Context::default())
            .into_iter()
            .filter(|f| {
                matches!(
                    f.rule,
                    RuleId::T3_1 | RuleId::T3_2 | RuleId::T3_3 | RuleId::T3_4
                )
            })
            .collect();
        assert!(
            broken.is_empty(),
            "{:#?}",
            broken.iter().map(|f| &f.message).collect::<Vec<_>>()
        );
    }
}

#[test]
fn each_skipped_row_says_why() {
    let ledger = Ledger::from_tsv(
        "编号\t收到日期\t申请人类型\t办理结果\t办结日期\n\
         1\t2025-02-01\t公民\t部分公开\t2025-02-20\n\
         1\t2025-02-01\t公民\t部分公开\t2025-02-20\n\
         2\t2024-11-01\t企业\t予以公开\t已办结\n\
         3\t2025-13-01\t公民\t\t\n\
         4\t2025-03-01\t公民\t予以公开\t2025-02-01\n\
         5\t2025-03-01\t公民\t\t已办结\n",
    );
    let t = TemplateId::F2021.get();
    let m = propose(t, &ledger);
    let c = count(t, 2025, &ledger, &m);
    let why: Vec<&str> = c.skipped.iter().map(|(_, w)| w.as_str()).collect();
    assert!(why[0].contains("重复"), "{why:?}");
    assert!(why[1].contains("没有办结日期"));
    assert!(why[2].contains("无法识别"));
    assert!(why[3].contains("早于收到日期"));
    assert!(why[4].contains("没有办理结果"));
    let partial = t.cell(TableId::Requests, "partial", "natural").unwrap();
    assert_eq!(c.values.iter().find(|(k, _)| *k == partial).unwrap().1, 1);
    assert_eq!(c.sources[&partial], vec![0]);
    // CSV reads the same.
    let csv = "\u{feff}编号,收到日期,申请人类型\n1,2025-02-01,\"公民,个人\"\n";
    let l = Ledger::from_csv(csv).unwrap();
    assert_eq!(l.rows[0][2], "公民,个人");
}

/// A8: a two-digit year (`25-03-05`) is not read as the year 25 — which put
/// the request in 上年结转 — nor guessed as 2025: the row is not counted and
/// says why, in the received and in the closed column.
#[test]
fn a8_two_digit_years_are_refused_not_guessed() {
    use nianbao_core::ledger::ledger_date;
    assert_eq!(ledger_date("25-03-05"), None);
    assert_eq!(ledger_date("25/3/5"), None);
    assert_eq!(
        ledger_date("2025-03-05").map(|d| d.iso()),
        Some("2025-03-05".into())
    );
    let ledger = Ledger::from_tsv(
        "收到日期\t申请人类型\t办理结果\t办结日期\n\
         25-03-05\t公民\t予以公开\t2025-03-20\n\
         2025-03-05\t公民\t予以公开\t25-03-20\n\
         2025-03-06\t公民\t予以公开\t2025-03-21\n",
    );
    let t = TemplateId::F2021.get();
    let m = propose(t, &ledger);
    let c = count(t, 2025, &ledger, &m);
    let why: Vec<&str> = c.skipped.iter().map(|(_, w)| w.as_str()).collect();
    assert_eq!(why.len(), 2, "{why:?}");
    assert!(
        why[0].contains("收到日期“25-03-05”的年份不是四位数"),
        "{why:?}"
    );
    assert!(
        why[1].contains("办结日期“25-03-20”的年份不是四位数"),
        "{why:?}"
    );
    let carried = t.cell(TableId::Requests, "carriedOver", "total").unwrap();
    assert_eq!(c.values.iter().find(|(k, _)| *k == carried).unwrap().1, 0);
    let new = t.cell(TableId::Requests, "newReceived", "total").unwrap();
    assert_eq!(c.values.iter().find(|(k, _)| *k == new).unwrap().1, 1);
}

/// The remembered mapping is stored with its schema id and version; one
/// stored before versions still reads, one from a newer version is not used.
#[test]
fn the_remembered_mapping_is_versioned() {
    let mut m = nianbao_core::ledger::Mapping::default();
    m.applicants
        .insert("公民".to_owned(), Some("natural".to_owned()));
    let text = m.to_text();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["schema"], "nianbao-ledger-mapping");
    assert_eq!(v["version"], 1);
    assert_eq!(
        nianbao_core::ledger::Mapping::from_text(&text),
        Some(m.clone())
    );
    let bare = serde_json::to_string(&v["mapping"]).unwrap();
    assert_eq!(nianbao_core::ledger::Mapping::from_text(&bare), Some(m));
    let newer = text.replace("\"version\":1", "\"version\":2");
    assert_eq!(nianbao_core::ledger::Mapping::from_text(&newer), None);
    assert_eq!(nianbao_core::ledger::Mapping::from_text("不是"), None);
}
