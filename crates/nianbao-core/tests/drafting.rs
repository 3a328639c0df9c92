//! Drafted sentences held to their tables, on random reports of both formats
//! (valid ones, ones with totals printed blank, ones whose sums do not hold,
//! with and without last year's report): written into the field they are
//! drafted for, **no N1–N16 finding** reads them back, every figure equals
//! its cells (a blank total read as its row's parts, like the N-rules), no
//! figure prints "0件", and a table edit after drafting is caught by the
//! N-rules. `DRAFT_CASES` sets the reports (default 10,000;
//! `scripts/fuzz-readers.sh` runs 100,000). Also the 零申报 and the derived
//! indicators against hand computations.

use nianbao_core::draft::{
    compare, draft, indicators, nil_return, target_for, Change, Drafted, Paragraph,
};
use nianbao_core::report::{Aspect, Field, Report};
use nianbao_core::rules::{validate, Context, Stage};
use nianbao_core::template::{CellId, TableId};

mod valid;
use valid::{count, report, Rng};

fn cases() -> u64 {
    std::env::var("DRAFT_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

/// A cell as a reader of the published table takes it (spec §8.7): its
/// value, or for a blank total the sum of its own row's parts.
fn effective(r: &Report, c: CellId) -> i64 {
    r.get(c).unwrap_or_else(|| {
        let t = r.template();
        let row = t.def(c).row;
        t.sums
            .iter()
            .find(|s| s.total == c && s.parts.iter().all(|p| t.def(*p).row == row))
            .map(|s| s.parts.iter().map(|p| r.get(*p).unwrap_or(0)).sum())
            .unwrap_or(0)
    })
}

/// Random reports as drafting meets them.
fn shaped(rng: &mut Rng) -> Report {
    let mut r = report(rng);
    let t = r.template();
    match rng.below(10) {
        // Totals printed blank, parts filled.
        0 | 1 => {
            for c in t
                .table_cells(TableId::Requests)
                .chain(t.table_cells(TableId::ReviewLitigation))
            {
                if t.def(c).kind == nianbao_core::cell::CellKind::Total && rng.chance(50) {
                    r.set(c, None);
                }
            }
        }
        // Sums that do not hold: a part changed after the totals.
        2 => {
            let cells: Vec<CellId> = t.table_cells(TableId::Requests).collect();
            for _ in 0..3 {
                let c = *rng.pick(&cells);
                r.set(c, Some(count(rng)));
            }
        }
        // 表四 or 表三 not filled.
        3 => {
            let table = *rng.pick(&[TableId::Requests, TableId::ReviewLitigation]);
            for c in t.table_cells(table) {
                r.set(c, None);
            }
        }
        // Nothing requested at all.
        4 => {
            for c in t
                .table_cells(TableId::Requests)
                .chain(t.table_cells(TableId::ReviewLitigation))
            {
                r.set(c, Some(0));
            }
        }
        _ => {}
    }
    if t.id.has_info_fee() && rng.chance(80) {
        let money = |rng: &mut Rng| count(rng) * *rng.pick(&[10_000, 5_000, 100, 1]);
        r.other.fee.notices = rng.chance(90).then(|| count(rng));
        r.other.fee.billed = rng.chance(90).then(|| money(rng));
        r.other.fee.collected = rng.chance(90).then(|| money(rng));
    }
    r
}

/// The field a paragraph is written into for the test.
fn field_for(r: &Report, p: Paragraph) -> Field {
    match p {
        Paragraph::Fee => Field::OtherText,
        Paragraph::Cases if r.template_id().overview_by_aspects() => {
            Field::Aspect(Aspect::Supervision)
        }
        _ if r.template_id().overview_by_aspects() => Field::Aspect(Aspect::OnRequest),
        _ => Field::OverviewText,
    }
}

fn n_findings(r: &Report, previous: Option<&Report>) -> Vec<String> {
    let ctx = Context {
        stage: Stage::Export,
        previous,
    };
    validate(r, &ctx)
        .into_iter()
        .filter(|f| f.rule.code().starts_with('N'))
        .map(|f| format!("{}: {}", f.rule.code(), f.message))
        .collect()
}

fn check_figures(r: &Report, d: &Drafted, text: &str) {
    for piece in &d.pieces {
        let Some(f) = &piece.figure else { continue };
        let sum: i64 = f.cells.iter().map(|c| effective(r, *c)).sum();
        assert_eq!(
            f.value, sum,
            "figure {} of {text:?} is not its cells",
            f.value
        );
        assert_eq!(piece.text, f.value.to_string());
        assert!(f.value > 0, "a 0 printed as a figure in {text:?}");
    }
}

#[test]
fn drafted_text_raises_no_narrative_finding_and_every_figure_is_its_cells() {
    let mut rng = Rng(0x5eed_d4af_7001);
    let (mut drafted, mut refused, mut figures) = (0u64, 0u64, 0u64);
    for case in 0..cases() {
        let r = shaped(&mut rng);
        let previous = rng.chance(50).then(|| {
            let mut p = shaped(&mut rng);
            p.year = r.year - 1;
            p
        });
        let mut written = r.clone();
        for p in Paragraph::ALL {
            let Ok(d) = draft(&r, previous.as_ref(), p) else {
                refused += 1;
                continue;
            };
            let text = d.text();
            assert!(
                !text.is_empty() && text.ends_with('。'),
                "case {case}: {text:?}"
            );
            check_figures(&r, &d, &text);
            figures += d.pieces.iter().filter(|p| p.figure.is_some()).count() as u64;
            let field = field_for(&r, p);
            let mut have = written.field_text(field).unwrap_or_default().to_owned();
            have.push_str(&text);
            written.set_field_text(field, have);
            drafted += 1;
        }
        let found = n_findings(&written, previous.as_ref());
        assert!(
            found.is_empty(),
            "case {case}: drafted text read back against its own tables: {found:?}\n{:?}",
            written.texts()
        );
    }
    println!(
        "drafting: {drafted} paragraphs, {figures} figures, {refused} refused (table not filled)"
    );
    assert!(drafted > cases());
}

#[test]
fn a_table_edit_after_drafting_is_caught_and_drafting_again_agrees() {
    let mut rng = Rng(0xd4af_0002);
    let mut caught = 0;
    for _ in 0..500 {
        let mut r = report(&mut rng);
        let Ok(d) = draft(&r, None, Paragraph::Requests) else {
            continue;
        };
        let field = field_for(&r, Paragraph::Requests);
        r.set_field_text(field, d.text());
        let t = r.template();
        let natural = t
            .table_cells(TableId::Requests)
            .find(|c| t.def(*c).row == "newReceived" && t.def(*c).col == "natural")
            .unwrap();
        let had_figure = d.pieces.iter().any(|p| {
            p.figure
                .as_ref()
                .is_some_and(|f| f.cells.iter().any(|c| t.def(*c).row == "newReceived"))
        });
        r.set(natural, Some(r.get(natural).unwrap_or(0) + 1));
        r.fill_totals();
        let found = n_findings(&r, None);
        if had_figure {
            assert!(found.iter().any(|f| f.starts_with("N1:")), "{found:?}");
            caught += 1;
        }
        let again = draft(&r, None, Paragraph::Requests).unwrap().text();
        r.set_field_text(field, again);
        assert!(n_findings(&r, None).is_empty());
    }
    assert!(caught > 100);
}

#[test]
fn drafted_sentences_read_as_the_spec_words_them() {
    let mut r = Report::new(2024);
    let t = r.template();
    let set = |r: &mut Report, row: &str, col: &str, v: i64| {
        assert!(
            r.set_value(TableId::Requests, row, col, Some(v)),
            "{row} {col}"
        );
    };
    set(&mut r, "newReceived", "natural", 90);
    set(&mut r, "newReceived", "commercial", 5);
    set(&mut r, "carriedOver", "natural", 3);
    set(&mut r, "granted", "natural", 60);
    set(&mut r, "partial", "natural", 10);
    set(&mut r, "unable.notHeld", "natural", 20);
    set(&mut r, "resultTotal", "natural", 90);
    set(&mut r, "carryForward", "natural", 3);
    set(&mut r, "resultTotal", "commercial", 5);
    set(&mut r, "granted", "commercial", 5);
    for c in t.table_cells(TableId::Requests) {
        if r.get(c).is_none() && t.def(c).kind.is_editable() {
            r.set(c, Some(0));
        }
    }
    r.fill_totals();
    let mut last = Report::new(2023);
    assert!(last.set_value(TableId::Requests, "newReceived", "natural", Some(91)));
    assert!(last.set_value(TableId::Requests, "granted", "natural", Some(95)));
    last.fill_totals();
    let text = draft(&r, Some(&last), Paragraph::Requests).unwrap().text();
    assert_eq!(
        text,
        "2024年，本机关共收到政府信息公开申请95件，较上年增加4件（增长4.4%）；上年结转政府信息公开申请3件。\
         本年度办结政府信息公开申请95件，与上年持平，其中予以公开65件，部分公开10件，无法提供20件。\
         结转下年度继续办理3件。"
    );
    // 表四 all 0: 未发生, never "0件".
    for c in t.table_cells(TableId::ReviewLitigation) {
        r.set(c, Some(0));
    }
    assert_eq!(
        draft(&r, None, Paragraph::Cases).unwrap().text(),
        "本年度未发生政府信息公开行政复议、行政诉讼案件。"
    );
    assert!(r.set_value(TableId::ReviewLitigation, "review", "maintain", Some(2)));
    assert!(r.set_value(TableId::ReviewLitigation, "review", "correct", Some(1)));
    r.fill_totals();
    assert_eq!(
        draft(&r, None, Paragraph::Cases).unwrap().text(),
        "本年度发生政府信息公开行政复议案件3件，其中结果维持2件，结果纠正1件。本年度未发生政府信息公开行政诉讼案件。"
    );
    assert_eq!(
        target_for(&r, Field::Aspect(Aspect::OnRequest)),
        vec![Paragraph::Requests, Paragraph::Cases]
    );
    assert!(target_for(&r, Field::Problems).is_empty());
}

#[test]
fn the_fee_paragraph_says_what_section_six_holds() {
    let mut r = Report::new(2024);
    assert!(draft(&r, None, Paragraph::Fee).is_err());
    r.other.fee.billed = Some(0);
    r.other.fee.notices = Some(0);
    assert_eq!(
        draft(&r, None, Paragraph::Fee).unwrap().text(),
        "本年度未收取信息处理费。"
    );
    r.other.fee.notices = Some(2);
    r.other.fee.billed = Some(1_250_000);
    r.other.fee.collected = Some(1_000_000);
    let text = draft(&r, None, Paragraph::Fee).unwrap().text();
    assert_eq!(
        text,
        "本年度发出收费通知2件，应收信息处理费125元，实收100元。"
    );
    assert!(draft(&Report::new(2020), None, Paragraph::Fee).is_err());
}

#[test]
fn nil_return_fills_zeros_and_the_standard_sentences_or_says_why_not() {
    for year in [2020, 2024] {
        let mut r = Report::new(year);
        let nil = nil_return(&r, None).unwrap();
        let t = r.template();
        let editable = t
            .table_cells(TableId::Requests)
            .chain(t.table_cells(TableId::ReviewLitigation))
            .filter(|c| t.def(*c).kind.is_editable())
            .count();
        assert_eq!(nil.cells.len(), editable);
        assert!(nil.text.contains("未收到政府信息公开申请"), "{}", nil.text);
        assert!(nil
            .text
            .contains("未发生政府信息公开行政复议、行政诉讼案件"));
        assert!(!nil.text.contains("0件"));
        for c in &nil.cells {
            r.set(*c, Some(0));
        }
        r.set_field_text(nil.field, nil.text.clone());
        let ctx = Context {
            stage: Stage::Export,
            previous: None,
        };
        let about_tables: Vec<_> = validate(&r, &ctx)
            .into_iter()
            .filter(|f| {
                f.rule.code().starts_with('N')
                    || f.cells
                        .iter()
                        .any(|c| t.def(*c).table != TableId::Proactive)
            })
            .collect();
        assert!(about_tables.is_empty(), "{about_tables:?}");
        // Again: nothing left to fill, the sentences are there already.
        let again = nil_return(&r, None).unwrap();
        assert!(again.cells.is_empty() && again.text.is_empty());
        // A figure in the tables, or last year's carry-forward, refuses it.
        assert!(r.set_value(TableId::Requests, "newReceived", "natural", Some(1)));
        let why = nil_return(&r, None).unwrap_err();
        assert!(why.contains("为 1"), "{why}");
        let fresh = Report::new(year);
        let mut last = Report::new(year - 1);
        assert!(last.set_value(TableId::Requests, "carryForward", "natural", Some(2)));
        let why = nil_return(&fresh, Some(&last)).unwrap_err();
        assert!(why.contains("2 件"), "{why}");
    }
}

#[test]
fn indicators_equal_hand_computations() {
    let mut r = Report::new(2024);
    let set = |r: &mut Report, table, row: &str, col: &str, v: i64| {
        assert!(r.set_value(table, row, col, Some(v)));
    };
    set(&mut r, TableId::Requests, "newReceived", "natural", 40);
    set(&mut r, TableId::Requests, "carriedOver", "natural", 5);
    set(&mut r, TableId::Requests, "granted", "natural", 20);
    set(&mut r, TableId::Requests, "partial", "natural", 4);
    set(
        &mut r,
        TableId::Requests,
        "denied.stateSecret",
        "natural",
        3,
    );
    set(&mut r, TableId::Requests, "unable.notHeld", "natural", 9);
    set(&mut r, TableId::Requests, "resultTotal", "natural", 36);
    set(&mut r, TableId::Requests, "carryForward", "natural", 9);
    set(&mut r, TableId::ReviewLitigation, "review", "correct", 1);
    set(&mut r, TableId::ReviewLitigation, "review", "maintain", 2);
    set(&mut r, TableId::ReviewLitigation, "review", "pending", 1);
    set(&mut r, TableId::ReviewLitigation, "litDirect", "correct", 1);
    set(
        &mut r,
        TableId::ReviewLitigation,
        "litAfterReview",
        "maintain",
        2,
    );
    r.fill_totals();
    let got: Vec<(&str, String)> = indicators(&r)
        .into_iter()
        .map(|i| (i.name, i.rate))
        .collect();
    // (20+4)/36, 3/36, 9/36, 9/(40+5), 1/(4−1), 1/(1+2−0)
    assert_eq!(
        got,
        vec![
            ("实质公开率", "66.7%".to_owned()),
            ("不予公开率", "8.3%".to_owned()),
            ("无法提供率", "25.0%".to_owned()),
            ("结转率", "20.0%".to_owned()),
            ("复议纠错率", "33.3%".to_owned()),
            ("诉讼纠错率", "33.3%".to_owned()),
        ]
    );
    let first = &indicators(&r)[0];
    assert_eq!(first.numerator.as_ref().unwrap().value, 24);
    assert_eq!(first.denominator.as_ref().unwrap().value, 36);
    // A denominator of 0 is "—", not 0 %.
    let empty = Report::new(2024);
    assert!(indicators(&empty).iter().all(|i| i.rate == "—"));
    // Last year beside this year.
    let mut last = Report::new(2023);
    assert!(last.set_value(TableId::Requests, "newReceived", "natural", Some(50)));
    last.fill_totals();
    let rows = compare(&r, &last);
    assert_eq!(rows[0].name, "本年新收政府信息公开申请");
    assert_eq!(rows[0].last, Some(50));
    assert_eq!(
        rows[0].change,
        Change::By(-10, "较上年减少10件（下降20.0%）".to_owned())
    );
}
