//! The narrative figures of spec §8.7, declared as data: each family of
//! phrases and the table quantity it names. The reader (`rules::narrative`)
//! finds a phrase, then the count that follows it in the same clause, and
//! compares it with the quantity; nothing here is typed again in logic.

use super::keys as key;
use crate::rule_id::RuleId;

/// What a family's figure is compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// The 总计 column of 表三 rows: every row whose key is one of these or
    /// starts with one of these followed by `.` (a group such as `denied`).
    Requests(&'static [&'static str]),
    /// The 总计 of 表四 groups (`review`, `litDirect`, `litAfterReview`), summed.
    Cases(&'static [&'static str]),
    /// A statement that every case of the groups named in the sentence was
    /// upheld: warn when 结果纠正 + 其他结果 + 尚未审结 > 0 (N14).
    AllUpheld,
    /// A statement that no case of the groups named happened (N15).
    NoCases,
    /// Section 六's 应收金额 in 元 (N16).
    FeeBilled,
}

/// One family of phrases (spec §8.7).
#[derive(Clone, Copy, Debug)]
pub struct Family {
    pub rule: RuleId,
    /// Any of these names the quantity.
    pub phrases: &'static [&'static str],
    /// The clause must also hold one of these (empty: no condition).
    pub with: &'static [&'static str],
    /// The phrase is something else when right after one of these (未办结).
    pub not_after: &'static [&'static str],
    /// The clause is about something else when it holds one of these.
    pub unless: &'static [&'static str],
    pub quantity: Quantity,
    /// What the quantity is, for messages: 本年新收申请.
    pub what: &'static str,
    /// The figure may also name these 表三 rows alone (本机关不掌握 is
    /// both a way to say 无法提供 and the name of its first item).
    pub or: &'static [&'static str],
    /// The rule in plain Chinese.
    pub wording: &'static str,
    /// The units a count may carry (元 for money).
    pub units: &'static [char],
}

const COUNT: &[char] = &['件', '宗', '个', '项'];
const REVIEW: &[&str] = &[key::REVIEW];
const LITIGATION: &[&str] = &[key::LIT_DIRECT, key::LIT_AFTER_REVIEW];

/// Words naming 行政复议 cases and 行政诉讼 cases in a sentence (N14, N15).
pub const REVIEW_WORDS: &[&str] = &["复议"];
pub const LITIGATION_WORDS: &[&str] = &["诉讼", "起诉"];

/// Words that scope a clause's figures differently: never compared (§8.7).
pub const SCOPED: &[&str] = &[
    "其中",
    "同比",
    "较上年",
    "比上年",
    "较去年",
    "比去年",
    "上年",
    "去年",
    "上一年",
    "占",
    "%",
    "％",
    "累计",
    "分别",
    "各",
    "约",
    "左右",
    "以上",
    "以来",
    "同期",
    "平均",
    "历年",
];

/// Words before a phrase that name a sub-unit (区政府办…, 各部门…).
pub const SUB_UNITS: &[&str] = &[
    "局", "委", "办", "厅", "署", "中心", "街道", "乡", "镇", "部门", "单位", "村", "社区",
];

/// Words before a phrase that name the report's own agency (区政府办代表区政府…).
pub const OWN: &[&str] = &["我", "本", "代表", "全区", "全县", "全市"];

pub const FAMILIES: &[Family] = &[
    Family {
        rule: RuleId::N1,
        phrases: &["收到", "受理", "新收", "接收", "共收"],
        with: &["申请"],
        not_after: &[],
        unless: &["结转", "办结", "答复"],
        quantity: Quantity::Requests(&[key::NEW_RECEIVED]),
        what: "本年新收申请",
        or: &[],
        wording: "文字中写的本年新收申请数应与表三第一项的总计一致",
        units: COUNT,
    },
    Family {
        rule: RuleId::N2,
        phrases: &["上年结转", "上年度结转", "上一年度结转"],
        with: &[],
        not_after: &[],
        unless: &[],
        quantity: Quantity::Requests(&[key::CARRIED_OVER]),
        what: "上年结转申请",
        or: &[],
        wording: "文字中写的上年结转申请数应与表三第二项的总计一致",
        units: COUNT,
    },
    Family {
        rule: RuleId::N3,
        phrases: &["办结", "已办结", "办理完毕", "已答复"],
        with: &[],
        not_after: &["未", "尚未", "没有"],
        unless: &["结转"],
        quantity: Quantity::Requests(&[key::RESULT_TOTAL]),
        what: "本年度办理结果总计",
        or: &[],
        wording: "文字中写的办结申请数应与表三办理结果总计一致",
        units: COUNT,
    },
    Family {
        rule: RuleId::N4,
        phrases: &["予以公开", "全部公开"],
        with: &[],
        not_after: &["不"],
        unless: &[],
        quantity: Quantity::Requests(&["granted"]),
        what: "予以公开",
        or: &[],
        wording: "文字中写的予以公开件数应与表三一致",
        units: COUNT,
    },
    Family {
        rule: RuleId::N5,
        phrases: &["部分公开"],
        with: &[],
        not_after: &[],
        unless: &[],
        quantity: Quantity::Requests(&["partial"]),
        what: "部分公开",
        or: &[],
        wording: "文字中写的部分公开件数应与表三一致",
        units: COUNT,
    },
    Family {
        rule: RuleId::N6,
        phrases: &[
            "予以公开及部分公开",
            "予以公开和部分公开",
            "予以公开或部分公开",
            "公开和部分公开",
            "公开及部分公开",
            "同意公开",
        ],
        with: &[],
        not_after: &["不"],
        unless: &[],
        quantity: Quantity::Requests(&["granted", "partial"]),
        what: "予以公开与部分公开之和",
        or: &[],
        wording: "文字中写的予以公开和部分公开件数之和应与表三一致",
        units: COUNT,
    },
    Family {
        rule: RuleId::N7,
        phrases: &["不予公开"],
        with: &[],
        not_after: &[],
        unless: &[],
        quantity: Quantity::Requests(&["denied"]),
        what: "不予公开各项之和",
        or: &[],
        wording: "文字中写的不予公开件数应与表三各项之和一致",
        units: COUNT,
    },
    Family {
        rule: RuleId::N8,
        phrases: &["无法提供", "信息不存在", "本机关不掌握"],
        with: &[],
        not_after: &[],
        unless: &[],
        quantity: Quantity::Requests(&["unable"]),
        what: "无法提供各项之和",
        or: &["unable.notHeld"],
        wording: "文字中写的无法提供件数应与表三各项之和一致",
        units: COUNT,
    },
    Family {
        rule: RuleId::N9,
        phrases: &["不予处理"],
        with: &[],
        not_after: &[],
        unless: &[],
        quantity: Quantity::Requests(&["notProcessed"]),
        what: "不予处理各项之和",
        or: &[],
        wording: "文字中写的不予处理件数应与表三各项之和一致",
        units: COUNT,
    },
    Family {
        rule: RuleId::N10,
        phrases: &["其他处理"],
        with: &[],
        not_after: &[],
        unless: &[],
        quantity: Quantity::Requests(&[key::OTHER]),
        what: "其他处理各项之和",
        or: &[],
        wording: "文字中写的其他处理件数应与表三一致",
        units: COUNT,
    },
    Family {
        rule: RuleId::N11,
        phrases: &[
            "结转下年度",
            "结转至下年度",
            "转入下年度",
            "结转下一年度",
            "结转到下年度",
        ],
        with: &[],
        not_after: &[],
        unless: &[],
        quantity: Quantity::Requests(&[key::CARRY_FORWARD]),
        what: "结转下年度继续办理",
        or: &[],
        wording: "文字中写的结转下年度件数应与表三第四项的总计一致",
        units: COUNT,
    },
    Family {
        rule: RuleId::N12,
        phrases: &["行政复议", "复议"],
        with: &[],
        not_after: &[],
        unless: &[
            "复议后起诉",
            "复议后诉讼",
            "维持",
            "纠正",
            "纠错",
            "审结",
            "撤销",
            "败诉",
        ],
        quantity: Quantity::Cases(REVIEW),
        what: "行政复议总计",
        or: &[],
        wording: "文字中写的行政复议件数应与表四一致",
        units: COUNT,
    },
    Family {
        rule: RuleId::N13,
        phrases: &["行政诉讼", "诉讼", "起诉"],
        with: &[],
        not_after: &["直接", "复议后"],
        unless: &[
            "维持", "纠正", "纠错", "审结", "撤销", "败诉", "胜诉", "驳回",
        ],
        quantity: Quantity::Cases(LITIGATION),
        what: "行政诉讼总计（未经复议直接起诉与复议后起诉之和）",
        or: &[],
        wording: "文字中写的行政诉讼件数应与表四一致",
        units: COUNT,
    },
    Family {
        rule: RuleId::N14,
        phrases: &[
            "均获维持",
            "均被维持",
            "全部维持",
            "均维持原",
            "无被纠正",
            "未被纠正",
            "均予以维持",
        ],
        with: &[],
        not_after: &[],
        unless: &[],
        quantity: Quantity::AllUpheld,
        what: "结果纠正、其他结果与尚未审结之和",
        or: &[],
        wording: "文字说复议、诉讼均获维持时，表四不应有纠正、其他结果或尚未审结的案件",
        units: &[],
    },
    Family {
        rule: RuleId::N15,
        phrases: &["未发生", "没有发生", "无", "没有", "未有"],
        with: &[],
        not_after: &[],
        unless: &["纠正", "纠错", "维持", "败诉", "撤销"],
        quantity: Quantity::NoCases,
        what: "行政复议、行政诉讼总计",
        or: &[],
        wording: "文字说没有发生行政复议、行政诉讼时，表四的总计应为 0",
        units: &[],
    },
    Family {
        rule: RuleId::N16,
        phrases: &["收取", "收缴"],
        with: &["信息处理费"],
        not_after: &["未", "没有", "不"],
        unless: &[],
        quantity: Quantity::FeeBilled,
        what: "信息处理费应收金额",
        or: &[],
        wording: "文字中写的信息处理费金额应与第六部分的应收金额一致",
        units: &['元'],
    },
];
