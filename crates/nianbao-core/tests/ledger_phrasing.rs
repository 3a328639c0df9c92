//! Ledger values as offices write them, generated — the format's labels with
//! numbering, brackets, group names, abbreviations and synonyms, free-text
//! qualifiers, negations, two results in one cell, names of organisations —
//! each with the row or column it truly means (or none: the value does not
//! say). The property: no proposal ever differs from the truth (a value that
//! does not say is never proposed). `PHRASING_CASES` sets the generated values
//! (default 10,000 per kind; `scripts/fuzz-readers.sh` runs more).

use nianbao_core::ledger::{applicant_vocabulary, propose_applicant, propose_result};
use nianbao_core::template::TemplateId;

/// xorshift64*: seeded, the same values on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// How results are written, with what each truly means in F2021 (a row key,
/// or None: the value alone does not say which row). Written from ledgers,
/// independently of the app's vocabulary.
const RESULTS_F2021: &[(&str, Option<&str>)] = &[
    ("予以公开", Some("granted")),
    ("同意公开", Some("granted")),
    ("全部公开", Some("granted")),
    ("部分公开", Some("partial")),
    (
        "部分公开（区分处理的，只计这一情形，不计其他情形）",
        Some("partial"),
    ),
    ("不予公开", None),
    ("不予公开（国家秘密）", Some("denied.stateSecret")),
    ("不予公开-属于国家秘密", Some("denied.stateSecret")),
    ("属于国家秘密", Some("denied.stateSecret")),
    ("涉密不予公开", Some("denied.stateSecret")),
    ("其他法律行政法规禁止公开", Some("denied.lawForbidden")),
    ("危及“三安全一稳定”", Some("denied.safetyStability")),
    ("不予公开（保护第三方合法权益）", Some("denied.thirdParty")),
    ("属于三类内部事务信息", Some("denied.internalAffairs")),
    ("内部事务信息不予公开", Some("denied.internalAffairs")),
    ("属于四类过程性信息", Some("denied.processInfo")),
    ("过程性信息", Some("denied.processInfo")),
    ("属于行政执法案卷", Some("denied.enforcementFile")),
    ("属于行政查询事项", Some("denied.adminQuery")),
    ("无法提供", None),
    ("无法提供（信息不存在）", Some("unable.notHeld")),
    ("本机关不掌握相关政府信息", Some("unable.notHeld")),
    ("信息不存在", Some("unable.notHeld")),
    ("没有现成信息需要另行制作", Some("unable.needCreate")),
    ("需另行制作", Some("unable.needCreate")),
    ("补正后申请内容仍不明确", Some("unable.unclear")),
    ("不予处理", None),
    ("不予处理（信访举报投诉类）", Some("notProcessed.complaint")),
    ("信访举报投诉类申请", Some("notProcessed.complaint")),
    ("重复申请", Some("notProcessed.repeat")),
    ("要求提供公开出版物", Some("notProcessed.publication")),
    ("无正当理由大量反复申请", Some("notProcessed.massive")),
    (
        "要求行政机关确认或重新出具已获取信息",
        Some("notProcessed.confirm"),
    ),
    ("其他处理", None),
    ("其他处理（逾期未补正）", Some("other.noCorrection")),
    (
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        Some("other.noCorrection"),
    ),
    ("逾期不补正", Some("other.noCorrection")),
    (
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        Some("other.feeUnpaid"),
    ),
    ("逾期未缴纳费用", Some("other.feeUnpaid")),
    ("其他", Some("other.other")),
    ("其他处理（其他）", Some("other.other")),
    // Values that do not say: two results, a negation, a vague word.
    ("予以公开、部分公开", None),
    ("不同意公开", None),
    ("拒绝公开", None),
    ("暂缓公开", None),
    ("公开", None),
    ("已答复", None),
    ("告知", None),
    ("其他（重复申请）", None),
    ("部分公开、部分不予公开", None),
];

/// How F2019 ledgers write results (（六）其他处理 is one row there).
const RESULTS_F2019: &[(&str, Option<&str>)] = &[
    ("予以公开", Some("granted")),
    ("部分公开", Some("partial")),
    ("不予公开", None),
    ("属于国家秘密", Some("denied.stateSecret")),
    ("其他处理", Some("other")),
    ("其他处理（逾期未补正）", Some("other")),
    ("逾期不补正", Some("other")),
    ("本机关不掌握相关政府信息", Some("unable.notHeld")),
    ("不同意公开", None),
];

/// How applicant types are written, with the 表三 column each means.
const APPLICANTS: &[(&str, Option<&str>)] = &[
    ("自然人", Some("natural")),
    ("公民", Some("natural")),
    ("个人", Some("natural")),
    ("群众", Some("natural")),
    ("自然人（公民）", Some("natural")),
    ("商业企业", Some("commercial")),
    ("企业", Some("commercial")),
    ("公司", Some("commercial")),
    ("某某科技有限公司", Some("commercial")),
    ("某某建设集团", Some("commercial")),
    ("企业法人", Some("commercial")),
    ("科研机构", Some("research")),
    ("高校", Some("research")),
    ("某某大学", Some("research")),
    ("某某研究所", Some("research")),
    ("社会公益组织", Some("publicWelfare")),
    ("公益组织", Some("publicWelfare")),
    ("某某慈善基金会", Some("publicWelfare")),
    ("法律服务机构", Some("legalService")),
    ("律师事务所", Some("legalService")),
    ("某某律师事务所", Some("legalService")),
    ("律所", Some("legalService")),
    ("其他", Some("otherOrg")),
    ("其它", Some("otherOrg")),
    // Values that do not say.
    ("法人或其他组织", None),
    ("法人", None),
    ("个体工商户", None),
    ("个体户", None),
    ("社会组织", None),
    ("协会", None),
    ("事业单位", None),
    ("民办非企业单位", None),
    ("高校科研人员", None),
    ("某某律师咨询有限公司", Some("commercial")),
    ("公民、企业", None),
];

/// Decorations that never change the meaning.
fn decorate(rng: &mut Rng, v: &str) -> String {
    let mut out = v.to_owned();
    if rng.chance(30) {
        let n = rng.pick(&["1.", "2、", "（一）", "(3)", "一、", "【4】"]);
        out = format!("{n}{out}");
    }
    if rng.chance(15) {
        out = out.replace('（', "(").replace('）', ")");
    }
    if rng.chance(15) {
        out = format!(" {out}\u{3000}");
    }
    if rng.chance(10) {
        out.push('。');
    }
    out
}

/// Free text that may or may not change the meaning (the proposal must
/// then not be made, or be the truth).
const QUALIFIERS: &[&str] = &[
    "（已电话告知张三，13800138000）",
    "，已邮寄",
    "（申请人已签收）",
    "（2025年3月答复）",
    "（见附件）",
    "张三",
    "（不再处理）",
    "（部分）",
    "—待核",
];

fn check(
    kind: &str,
    table: &[(&str, Option<&str>)],
    propose: impl Fn(&str) -> Option<String>,
    cases: usize,
    seed: u64,
) -> (usize, usize) {
    let mut rng = Rng(seed);
    let (mut proposed, mut certain) = (0, 0);
    for case in 0..cases {
        let (base, truth) = *rng.pick(table);
        let mut v = decorate(&mut rng, base);
        let qualified = rng.chance(35);
        if qualified {
            let q = rng.pick(QUALIFIERS);
            v = if rng.chance(70) {
                format!("{v}{q}")
            } else {
                format!("{q}{v}")
            };
        }
        let got = propose(&v);
        if got.is_some() {
            proposed += 1;
        }
        if truth.is_some() && !qualified {
            certain += 1;
        }
        assert!(
            got.is_none() || got.as_deref() == truth,
            "{kind} case {case}: “{v}” proposed {got:?}, truth {truth:?}"
        );
    }
    (proposed, certain)
}

fn cases() -> usize {
    std::env::var("PHRASING_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

#[test]
fn generated_ledger_values_are_never_proposed_wrongly() {
    let n = cases();
    for (template, table, seed) in [
        (TemplateId::F2021, RESULTS_F2021, 11),
        (TemplateId::F2019, RESULTS_F2019, 12),
    ] {
        let t = template.get();
        let (p, c) = check("result", table, |v| propose_result(t, v), n, seed);
        eprintln!("results ({template:?}): {n} values, {p} proposed, 0 wrong ({c} were certain without a qualifier)");
    }
    let t = TemplateId::F2021.get();
    let (p, c) = check("applicant", APPLICANTS, |v| propose_applicant(t, v), n, 13);
    eprintln!(
        "applicants: {n} values, {p} proposed, 0 wrong ({c} were certain without a qualifier)"
    );
}

/// F4: a group word with a qualifier the words do not settle is asked, not
/// guessed; one they do settle is the settled row.
#[test]
fn f4_a_group_word_and_a_qualifier_are_proposed_only_when_certain() {
    let t = TemplateId::F2021.get();
    assert_eq!(
        propose_result(t, "其他处理（逾期未补正）").as_deref(),
        Some("other.noCorrection")
    );
    assert_eq!(propose_result(t, "其他处理（需核实）"), None);
    assert_eq!(propose_result(t, "不予公开"), None);
    assert_eq!(propose_result(t, "不同意公开"), None);
    assert_eq!(propose_result(t, "予以公开（已电话告知张三，138…）"), None);
}

/// Every value that is a row's own label, with its numbering or not, is
/// proposed (the vocabulary is useful, not only safe).
#[test]
fn every_official_label_is_proposed() {
    for template in [TemplateId::F2019, TemplateId::F2021] {
        let t = template.get();
        for (k, label) in nianbao_core::ledger::result_rows(t) {
            assert_eq!(propose_result(t, &label).as_deref(), Some(k), "{label}");
            let bare = label
                .split_once(['.', '）'])
                .map_or(label.as_str(), |(_, b)| b);
            assert_eq!(propose_result(t, bare).as_deref(), Some(k), "{bare}");
        }
        for (k, label) in nianbao_core::ledger::applicant_cols(t) {
            assert_eq!(propose_applicant(t, &label).as_deref(), Some(k), "{label}");
        }
    }
    let v = applicant_vocabulary(TemplateId::F2021.get());
    assert!(v.is_category_word("个体户") && !v.is_category_word("张三"));
}
