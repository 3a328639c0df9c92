//! Sentences drafted from the tables (spec §8.12): the official labels'
//! words, Arabic figures with 件 (元 for money), 较上年… when last year's
//! report is there, and 未收到… / 未发生… where a 0 would read "0件". Every
//! figure is a piece of its own with the cells it came from, so a test can
//! hold each one to its cells and the N-rules can read the text back.

use super::{
    change_words, Figure, Quantity, CARRIED_OVER, CARRY_FORWARD, LITIGATION_TOTAL, NEW_RECEIVED,
    RESULTS, RESULT_TOTAL, REVIEW_TOTAL,
};
use crate::cell::{format_value, CellKind, MoneyUnit};
use crate::report::{Aspect, Field, Report};
use crate::template::keys as key;
use crate::template::{T4_LITIGATION, T4_RESULTS, T4_REVIEW};

/// What a drafted paragraph is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paragraph {
    /// 表三: requests received, handled and carried forward.
    Requests,
    /// 表四: 行政复议 and 行政诉讼.
    Cases,
    /// Section 六's 信息处理费 (F2021).
    Fee,
}

impl Paragraph {
    pub const ALL: [Paragraph; 3] = [Paragraph::Requests, Paragraph::Cases, Paragraph::Fee];

    pub fn title(self) -> String {
        match self {
            Paragraph::Requests => "政府信息公开申请的办理情况（表三）".to_owned(),
            Paragraph::Cases => format!("{T4_REVIEW}、{T4_LITIGATION}情况（表四）"),
            Paragraph::Fee => "信息处理费的收取情况（第六部分）".to_owned(),
        }
    }

    pub const fn key(self) -> &'static str {
        match self {
            Paragraph::Requests => "requests",
            Paragraph::Cases => "cases",
            Paragraph::Fee => "fee",
        }
    }
}

/// A piece of drafted text: words, or a figure with its cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// The table figure the text prints (none for words and money).
    pub figure: Option<Figure>,
}

/// A drafted paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drafted {
    pub paragraph: Paragraph,
    pub pieces: Vec<Piece>,
}

impl Drafted {
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }
}

/// The text fields that get a 起草 button, and the paragraphs drafted for
/// each unless the person picks others; empty for the rest.
pub fn target_for(report: &Report, field: Field) -> Vec<Paragraph> {
    let by_aspects = report.template_id().overview_by_aspects();
    match field {
        Field::Aspect(Aspect::OnRequest) | Field::Part(_) => {
            vec![Paragraph::Requests, Paragraph::Cases]
        }
        Field::OverviewText if !by_aspects => vec![Paragraph::Requests, Paragraph::Cases],
        Field::OverviewText => vec![Paragraph::Requests],
        Field::Aspect(Aspect::Supervision) => vec![Paragraph::Cases],
        Field::OtherText if report.template_id().has_info_fee() => vec![Paragraph::Fee],
        _ => Vec::new(),
    }
}

struct Writer<'a> {
    report: &'a Report,
    previous: Option<&'a Report>,
    pieces: Vec<Piece>,
}

impl Writer<'_> {
    fn say(&mut self, text: &str) {
        match self.pieces.last_mut() {
            Some(last) if last.figure.is_none() => last.text.push_str(text),
            _ => self.pieces.push(Piece {
                text: text.to_owned(),
                figure: None,
            }),
        }
    }

    fn figure(&mut self, f: Figure) {
        self.pieces.push(Piece {
            text: f.value.to_string(),
            figure: Some(f),
        });
    }

    /// "N件", then "，较上年…" when last year's figure is known.
    fn count(&mut self, q: Quantity, f: Figure) {
        let now = f.value;
        self.figure(f);
        self.say("件");
        if let Some(last) = self.previous.and_then(|p| q.value(p)) {
            self.say("，");
            self.say(&change_words(now, last, "件"));
        }
    }
}

/// The paragraph drafted from `report` (and last year's, for the changes),
/// or why it cannot be (its table is not filled).
pub fn draft(
    report: &Report,
    previous: Option<&Report>,
    paragraph: Paragraph,
) -> Result<Drafted, String> {
    let mut w = Writer {
        report,
        previous,
        pieces: Vec::new(),
    };
    match paragraph {
        Paragraph::Requests => requests(&mut w)?,
        Paragraph::Cases => cases(&mut w)?,
        Paragraph::Fee => fee(&mut w)?,
    }
    Ok(Drafted {
        paragraph,
        pieces: w.pieces,
    })
}

fn requests(w: &mut Writer) -> Result<(), String> {
    let r = w.report;
    let (new, carried, done, forward) = (
        NEW_RECEIVED.figure(r),
        CARRIED_OVER.figure(r),
        RESULT_TOTAL.figure(r),
        CARRY_FORWARD.figure(r),
    );
    if new.is_none() && carried.is_none() && done.is_none() && forward.is_none() {
        return Err("表三还没有填写，无法起草申请的办理情况。请先填写表三。".to_owned());
    }
    let (has_new, has_carried) = (new.is_some(), carried.as_ref().is_some_and(|f| f.value > 0));
    match new {
        Some(f) if f.value == 0 => w.say(&format!("{}年，本机关未收到政府信息公开申请", r.year)),
        Some(f) => {
            w.say(&format!("{}年，本机关共收到政府信息公开申请", r.year));
            w.count(NEW_RECEIVED, f);
        }
        None => {}
    }
    if let Some(f) = carried.filter(|f| f.value > 0) {
        w.say(if has_new { "；" } else { "" });
        w.say("上年结转政府信息公开申请");
        w.figure(f);
        w.say("件");
    }
    if has_new || has_carried {
        w.say("。");
    }
    results(w, done, forward);
    Ok(())
}

fn results(w: &mut Writer, done: Option<Figure>, forward: Option<Figure>) {
    let r = w.report;
    let handled = done.as_ref().is_some_and(|f| f.value > 0);
    if let Some(f) = done.filter(|f| f.value > 0) {
        w.say("本年度办结政府信息公开申请");
        w.count(RESULT_TOTAL, f);
        let listed: Vec<(Quantity, Figure)> = RESULTS
            .iter()
            .filter_map(|q| q.figure(r).filter(|f| f.value > 0).map(|f| (*q, f)))
            .collect();
        for (i, (q, f)) in listed.into_iter().enumerate() {
            w.say(if i == 0 { "，其中" } else { "，" });
            w.say(q.name);
            w.figure(f);
            w.say("件");
        }
        w.say("。");
    }
    match forward {
        Some(f) if f.value > 0 => {
            w.say("结转下年度继续办理");
            w.figure(f);
            w.say("件。");
        }
        Some(_) if handled => {
            w.say("申请均已在本年度办结，没有结转下年度继续办理的申请。");
        }
        _ => {}
    }
}

fn cases(w: &mut Writer) -> Result<(), String> {
    let r = w.report;
    let (review, lit) = (REVIEW_TOTAL.figure(r), LITIGATION_TOTAL.figure(r));
    let none = |f: &Option<Figure>| f.as_ref().is_none_or(|f| f.value == 0);
    if review.is_none() && lit.is_none() {
        return Err(format!(
            "表四还没有填写，无法起草{T4_REVIEW}、{T4_LITIGATION}的情况。请先填写表四。"
        ));
    }
    if none(&review) && none(&lit) {
        w.say(&format!(
            "本年度未发生政府信息公开{T4_REVIEW}、{T4_LITIGATION}案件。"
        ));
        return Ok(());
    }
    group(w, REVIEW_TOTAL, review, &[key::REVIEW], T4_REVIEW);
    group(
        w,
        LITIGATION_TOTAL,
        lit,
        &[key::LIT_DIRECT, key::LIT_AFTER_REVIEW],
        T4_LITIGATION,
    );
    Ok(())
}

/// One of 行政复议 / 行政诉讼: its count, then its results that are not 0.
fn group(
    w: &mut Writer,
    q: Quantity,
    total: Option<Figure>,
    groups: &'static [&'static str],
    name: &str,
) {
    let Some(total) = total else { return };
    if total.value == 0 {
        w.say(&format!("本年度未发生政府信息公开{name}案件。"));
        return;
    }
    w.say(&format!("本年度发生政府信息公开{name}案件"));
    w.count(q, total);
    let mut first = true;
    for (col, words) in T4_RESULTS {
        let f = super::cases("", groups, col).figure(w.report);
        if let Some(f) = f.filter(|f| f.value > 0) {
            w.say(if first { "，其中" } else { "，" });
            w.say(words);
            w.figure(f);
            w.say("件");
            first = false;
        }
    }
    w.say("。");
}

fn fee(w: &mut Writer) -> Result<(), String> {
    let r = w.report;
    if !r.template_id().has_info_fee() {
        return Err("2019年版格式没有信息处理费的统计，无法起草。".to_owned());
    }
    let fee = r.other.fee;
    let money = |v: i64| format_value(v, CellKind::Money(MoneyUnit::Yuan));
    let zero = |v: Option<i64>| v.is_none_or(|v| v == 0);
    match (fee.notices, fee.billed, fee.collected) {
        (None, None, None) => {
            Err("第六部分的信息处理费还没有填写，无法起草。请先填写收费通知件数和金额。".to_owned())
        }
        (n, b, c) if zero(n) && zero(b) && zero(c) => {
            w.say("本年度未收取信息处理费。");
            Ok(())
        }
        (n, b, c) => {
            let mut parts = Vec::new();
            if let Some(n) = n {
                parts.push(format!("发出收费通知{n}件"));
            }
            if let Some(b) = b {
                parts.push(format!("应收信息处理费{}元", money(b)));
            }
            if let Some(c) = c {
                parts.push(format!("实收{}元", money(c)));
            }
            w.say(&format!("本年度{}。", parts.join("，")));
            Ok(())
        }
    }
}
