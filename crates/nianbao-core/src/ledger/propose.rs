//! The mapping proposed from a ledger's header and values, for the person
//! to confirm: columns by the words their headers use, applicant types and
//! results by the words offices write (and the format's own labels).

use super::{applicant_cols, result_rows, Ledger, Mapping, Role};
use crate::template::Template;

/// Header words for each role, most specific first.
const COLUMN_WORDS: [(Role, &[&str]); 5] = [
    (
        Role::Received,
        &[
            "收到日期",
            "受理日期",
            "申请日期",
            "登记日期",
            "收到时间",
            "受理时间",
            "申请时间",
            "收件",
        ],
    ),
    (
        Role::Applicant,
        &[
            "申请人类型",
            "申请人性质",
            "申请主体",
            "申请人类别",
            "类型",
            "类别",
        ],
    ),
    (
        Role::Result,
        &["办理结果", "答复结果", "处理结果", "答复类型", "结果"],
    ),
    (
        Role::Closed,
        &[
            "办结日期",
            "答复日期",
            "办结时间",
            "答复时间",
            "办理状态",
            "状态",
            "办结",
        ],
    ),
    (
        Role::Number,
        &["申请编号", "登记编号", "受理编号", "编号", "文号"],
    ),
];

/// The columns a header suggests, each column used once.
pub fn propose_columns(header: &[String]) -> Vec<(Role, usize)> {
    let mut out: Vec<(Role, usize)> = Vec::new();
    for (role, words) in COLUMN_WORDS {
        let found = words.iter().find_map(|w| {
            header
                .iter()
                .enumerate()
                .position(|(i, h)| h.contains(w) && !out.iter().any(|(_, c)| *c == i))
        });
        if let Some(i) = found {
            out.push((role, i));
        }
    }
    out
}

/// Words for each 表三 applicant column, by the column's position in the
/// format (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他).
const APPLICANT_WORDS: [&[&str]; 6] = [
    &["自然人", "公民", "个人", "群众", "居民", "村民"],
    &["企业", "公司", "商业", "厂"],
    &["科研", "研究", "高校", "大学", "学院"],
    &["公益", "社会组织", "协会", "基金会", "民办非"],
    &["律师", "律所", "法律服务", "事务所"],
    &["其他", "其它", "机关", "单位", "组织"],
];

/// The 表三 column an applicant type names, if one clearly does.
pub fn propose_applicant(template: &Template, value: &str) -> Option<String> {
    let cols = applicant_cols(template);
    let v = value.trim();
    // The format's own label first, then the usual words.
    if let Some((k, _)) = cols.iter().find(|(_, label)| v == label.as_str()) {
        return Some((*k).to_owned());
    }
    let hits: Vec<usize> = APPLICANT_WORDS
        .iter()
        .enumerate()
        .filter(|(_, words)| words.iter().any(|w| v.contains(w)))
        .map(|(i, _)| i)
        .collect();
    match hits.as_slice() {
        [one] => cols.get(*one).map(|(k, _)| (*k).to_owned()),
        // 法律服务机构 holds 机构, 事务所…: the most specific wins.
        [.., last] if hits.len() == 2 && hits.contains(&5) => {
            cols.get(hits[0].min(*last)).map(|(k, _)| (*k).to_owned())
        }
        _ => None,
    }
}

/// Words offices write for a result, and the 表三 row (by the core of its
/// label) they mean.
const RESULT_WORDS: [(&str, &str); 12] = [
    ("同意公开", "予以公开"),
    ("全部公开", "予以公开"),
    ("已公开", "予以公开"),
    ("信息不存在", "本机关不掌握相关政府信息"),
    ("不掌握", "本机关不掌握相关政府信息"),
    ("不存在", "本机关不掌握相关政府信息"),
    ("需另行制作", "没有现成信息需要另行制作"),
    ("内容不明确", "补正后申请内容仍不明确"),
    ("信访", "信访举报投诉类申请"),
    ("重复申请", "重复申请"),
    ("出版物", "要求提供公开出版物"),
    ("逾期不补正", "申请人无正当理由逾期不补正"),
];

/// A label without its numbering: （一）予以公开 → 予以公开, 1.属于国家秘密 → 属于国家秘密,
/// and without its note in brackets.
fn core(label: &str) -> String {
    let t = label.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let t = match t.find('）') {
        Some(i) if t.starts_with('（') => &t[i + '）'.len_utf8()..],
        _ => t,
    };
    match t.find('（') {
        Some(i) if i > 0 => t[..i].to_owned(),
        _ => t.to_owned(),
    }
}

/// The 表三 result row a result names, if exactly one clearly does.
pub fn propose_result(template: &Template, value: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    let rows = result_rows(template);
    let cores: Vec<(&str, String)> = rows.iter().map(|(k, l)| (*k, core(l))).collect();
    // The value names a row's label (or holds all of it).
    let named: Vec<&str> = cores
        .iter()
        .filter(|(_, c)| {
            c.chars().count() >= 2
                && (v.contains(c.as_str()) || (v.chars().count() >= 4 && c.contains(v)))
        })
        .map(|(k, _)| *k)
        .collect();
    // 部分公开 also holds 公开: the longest label named wins when it holds the others.
    if let Some(best) = named.iter().max_by_key(|k| {
        cores
            .iter()
            .find(|(c, _)| c == *k)
            .map_or(0, |(_, l)| l.len())
    }) {
        let best_core = &cores
            .iter()
            .find(|(c, _)| c == best)
            .map(|(_, l)| l.clone())
            .unwrap_or_default();
        let others_inside = named.iter().all(|k| {
            cores
                .iter()
                .find(|(c, _)| c == k)
                .is_some_and(|(_, l)| best_core.contains(l.as_str()))
        });
        if others_inside {
            return Some((*best).to_owned());
        }
        return None;
    }
    let by_word: Vec<&str> = RESULT_WORDS
        .iter()
        .filter(|(w, _)| v.contains(w))
        .filter_map(|(_, label)| {
            cores
                .iter()
                .find(|(_, c)| c.contains(label))
                .map(|(k, _)| *k)
        })
        .collect();
    match by_word.as_slice() {
        [first, rest @ ..] if rest.iter().all(|k| k == first) => Some((*first).to_owned()),
        _ => None,
    }
}

/// The whole proposal for a ledger: its columns, and each value of the
/// applicant and result columns mapped where one row or column clearly fits
/// (left out otherwise, for the person to choose).
pub fn propose(template: &Template, ledger: &Ledger) -> Mapping {
    let mut m = Mapping::default();
    for (role, i) in propose_columns(&ledger.header) {
        m.columns.insert(role, ledger.header[i].clone());
    }
    if let Some(i) = m.column(ledger, Role::Applicant) {
        for v in ledger.values(i) {
            if let Some(k) = propose_applicant(template, &v) {
                m.applicants.insert(v, Some(k));
            }
        }
    }
    if let Some(i) = m.column(ledger, Role::Result) {
        for v in ledger.values(i) {
            if let Some(k) = propose_result(template, &v) {
                m.results.insert(v, Some(k));
            }
        }
    }
    m
}
