//! The mapping proposed from a ledger's header and values, for the person
//! to confirm. A value is proposed only when it is certain: every part of it
//! is a word the vocabulary knows (the format's own labels, their groups, the
//! words offices write) or a filler (numbering, brackets, punctuation), and
//! the rows its words can mean leave exactly one. A word the vocabulary does
//! not know could change the row (a qualifier, a negation, a name), so such a
//! value is left for the person — with one exception for applicants: a name
//! ending in an organisation type (某某科技有限公司) is that type.

use std::collections::BTreeSet;

use super::{applicant_cols, result_rows, Ledger, Mapping, Role};
use crate::template::keys as key;
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

/// A word and the keys (表三 columns or result rows) it can mean.
#[derive(Clone, Debug)]
struct Word {
    text: String,
    keys: BTreeSet<&'static str>,
}

/// What a vocabulary makes of a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Every part is known and leaves exactly this key.
    One(&'static str),
    /// Every part is known, but the words leave several keys (不予公开) or
    /// none (予以公开、部分公开): the person chooses.
    Several,
    /// Some part is not a known word: free text, a qualifier, a name.
    Unknown,
}

/// The words of one kind of value (applicant types or results).
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    /// Longest first, so that 不予公开 wins over a shorter word inside it.
    words: Vec<Word>,
    /// Organisation types a name may end in (applicants only).
    suffixes: Vec<Word>,
}

/// Characters that separate or decorate words and change nothing.
fn is_filler(c: char) -> bool {
    c.is_whitespace()
        || "，。、；：,.;:!！?？()（）[]【】《》<>〈〉“”\"'‘’-—–_/\\|·…～~".contains(c)
}

/// Words that decorate a category and change nothing.
const FILLER_WORDS: &[&str] = &["的", "类", "已", "等", "申请", "情形", "情况", "作出"];

/// Numbering in front of a label: 1. / 1、/ （一）/ (1) / 一、 / 第一项.
fn strip_numbering(v: &str) -> &str {
    let mut t = v.trim();
    loop {
        let before = t;
        let num = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
        // （一） (1) 【1】
        if let Some(rest) = t.strip_prefix(['（', '(', '【', '[']) {
            let n = rest.find(|c: char| !num(c)).unwrap_or(0);
            if n > 0 {
                if let Some(r) = rest[n..].strip_prefix(['）', ')', '】', ']']) {
                    t = r.trim_start();
                }
            }
        }
        // 1. 1、 一、 1）
        let n = t.find(|c: char| !num(c)).unwrap_or(0);
        if n > 0 {
            if let Some(r) = t[n..].strip_prefix(['.', '、', '．', '）', ')']) {
                t = r.trim_start();
            }
        }
        if t == before {
            return t;
        }
    }
}

impl Vocabulary {
    fn add(&mut self, text: &str, keys: impl IntoIterator<Item = &'static str>) {
        let text = text.trim();
        if text.chars().count() < 2 {
            return;
        }
        let keys: BTreeSet<&'static str> = keys.into_iter().collect();
        if keys.is_empty() {
            return;
        }
        match self.words.iter_mut().find(|w| w.text == text) {
            Some(w) => w.keys.extend(keys),
            None => self.words.push(Word {
                text: text.to_owned(),
                keys,
            }),
        }
    }

    fn finish(mut self) -> Vocabulary {
        self.words
            .sort_by_key(|w| std::cmp::Reverse(w.text.chars().count()));
        self.suffixes
            .sort_by_key(|w| std::cmp::Reverse(w.text.chars().count()));
        self
    }

    /// What `value` reads as (see `Reading`).
    pub fn read(&self, value: &str) -> Reading {
        self.cover(value).unwrap_or(Reading::Unknown)
    }

    /// Whether every part of `value` is a known word or a filler: a category
    /// word, which may be remembered (free text never is).
    pub fn is_category_word(&self, value: &str) -> bool {
        self.cover(value).is_some()
    }

    fn cover(&self, value: &str) -> Option<Reading> {
        let v = strip_numbering(value);
        let mut rest = v;
        let mut keys: Option<BTreeSet<&'static str>> = None;
        while let Some(c) = rest.chars().next() {
            if let Some(w) = self.words.iter().find(|w| rest.starts_with(&w.text)) {
                keys = Some(match keys {
                    None => w.keys.clone(),
                    Some(k) => k.intersection(&w.keys).copied().collect(),
                });
                rest = &rest[w.text.len()..];
            } else if let Some(f) = FILLER_WORDS.iter().find(|f| rest.starts_with(**f)) {
                rest = &rest[f.len()..];
            } else if is_filler(c) {
                rest = &rest[c.len_utf8()..];
            } else {
                return None;
            }
        }
        let keys = keys?;
        Some(match keys.len() {
            1 => Reading::One(keys.into_iter().next()?),
            _ => Reading::Several,
        })
    }

    /// An applicant named with its organisation type at the end
    /// (某某科技有限公司 → 商业企业), when nothing else decides.
    fn by_suffix(&self, value: &str) -> Option<&'static str> {
        let v = value.trim().trim_end_matches(is_filler);
        let w = self.suffixes.iter().find(|w| v.ends_with(&w.text))?;
        // The name must not itself hold a word of another kind.
        let name = &v[..v.len() - w.text.len()];
        if self
            .words
            .iter()
            .any(|o| o.keys != w.keys && name.contains(&o.text))
        {
            return None;
        }
        match w.keys.len() {
            1 => w.keys.iter().next().copied(),
            _ => None,
        }
    }
}

/// Words for each 表三 applicant column, by the column's position in the
/// format (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他).
const APPLICANT_WORDS: [&[&str]; 6] = [
    &[
        "公民",
        "个人",
        "群众",
        "居民",
        "村民",
        "市民",
        "自然人申请人",
    ],
    &["企业", "公司"],
    &["科研院所", "研究机构", "高校", "高等院校", "大学"],
    &["公益组织", "慈善组织", "基金会"],
    &["律师事务所", "律所", "律师", "法律服务所", "基层法律服务所"],
    &["其它", "其他组织", "其他单位"],
];

/// Words that name more than one applicant column: known, never proposed
/// (index sets into `APPLICANT_WORDS`; the format's own group heading is
/// added from the template).
const APPLICANT_AMBIGUOUS: &[(&str, &[usize])] = &[
    ("法人", &[1, 2, 3, 4, 5]),
    ("组织", &[1, 2, 3, 4, 5]),
    ("单位", &[1, 2, 3, 4, 5]),
    ("个体工商户", &[0, 1]),
    ("个体户", &[0, 1]),
    ("社会组织", &[3, 5]),
    ("协会", &[3, 5]),
    ("学会", &[2, 3, 5]),
    ("商会", &[3, 5]),
    ("民办非企业单位", &[2, 3, 5]),
    ("事业单位", &[2, 3, 5]),
    ("机关", &[5]),
];

/// Organisation types a name may end in, by applicant column index.
const APPLICANT_SUFFIXES: &[(&str, usize)] = &[
    ("有限责任公司", 1),
    ("股份有限公司", 1),
    ("有限公司", 1),
    ("公司", 1),
    ("集团", 1),
    ("研究院", 2),
    ("研究所", 2),
    ("大学", 2),
    ("学院", 2),
    ("基金会", 3),
    ("律师事务所", 4),
    ("法律服务所", 4),
];

/// The applicant vocabulary of a format.
pub fn applicant_vocabulary(template: &Template) -> Vocabulary {
    let cols = applicant_cols(template);
    let key = |i: usize| cols.get(i).map(|(k, _)| *k);
    let mut v = Vocabulary::default();
    for (i, (k, label)) in cols.iter().enumerate() {
        // 法人或其他组织 商业企业: the column's own label is the last.
        v.add(label.rsplit(' ').next().unwrap_or(label), [*k]);
        for w in APPLICANT_WORDS.get(i).copied().unwrap_or_default() {
            v.add(w, [*k]);
        }
    }
    // 法人或其他组织 (the heading over five columns) names all of them.
    for (_, label) in &cols {
        if let Some((group, _)) = label.split_once(' ') {
            let under: Vec<&'static str> = cols
                .iter()
                .filter(|(_, l)| l.starts_with(group))
                .map(|(k, _)| *k)
                .collect();
            v.add(group, under);
        }
    }
    for (w, idx) in APPLICANT_AMBIGUOUS {
        v.add(w, idx.iter().filter_map(|i| key(*i)));
    }
    for (w, i) in APPLICANT_SUFFIXES {
        if let Some(k) = key(*i) {
            v.suffixes.push(Word {
                text: (*w).to_owned(),
                keys: [k].into(),
            });
        }
    }
    v.finish()
}

/// Words offices write for a result, and the row each names by the core of
/// its label in the format (a row the format lacks is skipped). Written from
/// ledgers' usage: several words per row, each certain.
const RESULT_WORDS: &[(&str, &str)] = &[
    ("同意公开", "予以公开"),
    ("全部公开", "予以公开"),
    ("已公开", "予以公开"),
    ("予以提供", "予以公开"),
    ("部分同意公开", "部分公开"),
    ("信息不存在", "本机关不掌握相关政府信息"),
    ("不掌握", "本机关不掌握相关政府信息"),
    ("未掌握", "本机关不掌握相关政府信息"),
    ("不存在", "本机关不掌握相关政府信息"),
    ("需另行制作", "没有现成信息需要另行制作"),
    ("另行制作", "没有现成信息需要另行制作"),
    ("加工分析", "没有现成信息需要另行制作"),
    ("内容不明确", "补正后申请内容仍不明确"),
    ("申请内容不明确", "补正后申请内容仍不明确"),
    ("信访", "信访举报投诉类申请"),
    ("举报", "信访举报投诉类申请"),
    ("投诉", "信访举报投诉类申请"),
    ("出版物", "要求提供公开出版物"),
    ("大量反复", "无正当理由大量反复申请"),
    ("重新出具", "要求行政机关确认或重新出具已获取信息"),
    ("国家秘密", "属于国家秘密"),
    ("涉密", "属于国家秘密"),
    ("法律行政法规禁止公开", "其他法律行政法规禁止公开"),
    ("三安全一稳定", "危及“三安全一稳定”"),
    ("第三方合法权益", "保护第三方合法权益"),
    ("内部事务", "属于三类内部事务信息"),
    ("内部事务信息", "属于三类内部事务信息"),
    ("过程性信息", "属于四类过程性信息"),
    ("行政执法案卷", "属于行政执法案卷"),
    ("执法案卷", "属于行政执法案卷"),
    ("行政查询事项", "属于行政查询事项"),
    (
        "逾期不补正",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    (
        "逾期未补正",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    (
        "未补正",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    (
        "未缴纳费用",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    (
        "未缴费",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    (
        "逾期未缴纳费用",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    (
        "逾期未缴费",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    ("不予以公开", "不予公开"),
];

/// A label without its numbering: （一）予以公开 → 予以公开, 1.属于国家秘密 →
/// 属于国家秘密, and without its note in brackets.
fn core(label: &str) -> String {
    let t = strip_numbering(label);
    match t.find('（') {
        Some(i) if i > 0 => t[..i].to_owned(),
        _ => t.to_owned(),
    }
}

/// The label of the group a result row is in (（三）不予公开 for
/// 1.属于国家秘密): its full row label less the results' heading and its own.
fn group_label(template: &Template, rows: &[(&'static str, String)], row: &str) -> Option<String> {
    let full = |k: &str| {
        template
            .table_cells(crate::template::TableId::Requests)
            .map(|c| template.def(c))
            .find(|d| d.row == k)
            .map(|d| d.row_label.clone())
    };
    // A row in no group: its full label is the heading and its own.
    let (plain, plain_leaf) = rows.iter().find(|(k, _)| !k.contains('.'))?;
    let heading = full(plain)?.strip_suffix(plain_leaf.as_str())?.to_owned();
    let leaf = &rows.iter().find(|(k, _)| *k == row)?.1;
    let label = full(row)?;
    let g = label
        .strip_prefix(heading.as_str())?
        .strip_suffix(leaf.as_str())?;
    (!g.is_empty()).then(|| g.to_owned())
}

/// The result vocabulary of a format: each row's label (and its parts
/// between 、), each group's label (all its rows), the office words.
pub fn result_vocabulary(template: &Template) -> Vocabulary {
    let rows = result_rows(template);
    let mut v = Vocabulary::default();
    // Rows by group: the part of the row key before the dot.
    let group_of = |k: &str| k.split_once('.').map(|(g, _)| g.to_owned());
    for (k, label) in &rows {
        let c = core(label);
        v.add(&c, [*k]);
        v.add(strip_numbering(label), [*k]);
        for part in c.split('、') {
            if part != c && part.chars().count() >= 4 {
                v.add(part, [*k]);
            }
        }
        // F2019 prints （六）其他处理 as one row: the words for its F2021
        // parts name it.
        if *k == key::OTHER {
            for w in ["逾期不补正", "逾期未补正", "未补正", "未缴纳费用", "未缴费"]
            {
                v.add(w, [*k]);
            }
        }
    }
    for (k, _) in &rows {
        let Some(g) = group_of(k) else { continue };
        let members: Vec<&'static str> = rows
            .iter()
            .filter(|(o, _)| group_of(o).as_deref() == Some(g.as_str()))
            .map(|(o, _)| *o)
            .collect();
        if let Some(label) = group_label(template, &rows, k) {
            v.add(&core(&label), members.iter().copied());
        }
    }
    for (word, row) in RESULT_WORDS {
        // The row (or the group) whose label's core is `row`.
        let named: Vec<&'static str> = v
            .words
            .iter()
            .find(|w| w.text == *row)
            .map(|w| w.keys.iter().copied().collect())
            .unwrap_or_default();
        v.add(word, named);
    }
    v.finish()
}

/// The 表三 column an applicant type names, when certain.
pub fn propose_applicant(template: &Template, value: &str) -> Option<String> {
    let v = applicant_vocabulary(template);
    match v.read(value) {
        Reading::One(k) => Some(k.to_owned()),
        Reading::Several => None,
        Reading::Unknown => v.by_suffix(value).map(str::to_owned),
    }
}

/// The 表三 result row a result names, when certain.
pub fn propose_result(template: &Template, value: &str) -> Option<String> {
    match result_vocabulary(template).read(value) {
        Reading::One(k) => Some(k.to_owned()),
        _ => None,
    }
}

/// The whole proposal for a ledger: its columns, and each value of the
/// applicant and result columns mapped where certain (left out otherwise,
/// for the person to choose).
pub fn propose(template: &Template, ledger: &Ledger) -> Mapping {
    let mut m = Mapping::default();
    for (role, i) in propose_columns(&ledger.header) {
        m.columns.insert(role, ledger.header[i].clone());
    }
    let applicants = applicant_vocabulary(template);
    if let Some(i) = m.column(ledger, Role::Applicant) {
        for v in ledger.values(i) {
            let k = match applicants.read(&v) {
                Reading::One(k) => Some(k),
                Reading::Several => None,
                Reading::Unknown => applicants.by_suffix(&v),
            };
            if let Some(k) = k {
                m.applicants.insert(v, Some(k.to_owned()));
            }
        }
    }
    let results = result_vocabulary(template);
    if let Some(i) = m.column(ledger, Role::Result) {
        for v in ledger.values(i) {
            if let Reading::One(k) = results.read(&v) {
                m.results.insert(v, Some(k.to_owned()));
            }
        }
    }
    m
}
