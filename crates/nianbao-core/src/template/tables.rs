//! The official tables of both formats, declared once (spec §3–§5).
//! Labels are copied character for character from the spec: full-width
//! parentheses, 、 and Chinese quotes “ ”.

use super::decl::*;
use super::keys as key;
use crate::cell::{CellKind, MoneyUnit};
use crate::rule_id::RuleId;

const SIGNED: CellKind = CellKind::SignedCount;
const WAN: CellKind = CellKind::Money(MoneyUnit::Wan);
const NA: CellKind = CellKind::NotApplicable;

// ---- Table 二, F2021 (spec §3.1) -------------------------------------------

pub const T2_F2021: Layout = Layout::Blocks {
    width: 4,
    head_label: "信息内容",
    blocks: &[
        Block {
            title: "第二十条第（一）项",
            cols: &[
                leaf(key::MADE, "本年制发件数"),
                leaf(key::REPEALED, "本年废止件数"),
                leaf(key::VALID, "现行有效件数"),
            ],
            rows: &[
                leaf(key::REGULATIONS, "规章"),
                leaf(key::NORMATIVE_DOCS, "行政规范性文件"),
            ],
        },
        Block {
            title: "第二十条第（五）项",
            cols: &[wide(key::DECISIONS, "本年处理决定数量", CellKind::Count, 3)],
            rows: &[leaf(key::LICENSING, "行政许可")],
        },
        Block {
            title: "第二十条第（六）项",
            cols: &[wide(key::DECISIONS, "本年处理决定数量", CellKind::Count, 3)],
            rows: &[
                leaf(key::PENALTY, "行政处罚"),
                leaf(key::COERCION, "行政强制"),
            ],
        },
        Block {
            title: "第二十条第（八）项",
            cols: &[wide("amount", "本年收费金额（单位：万元）", WAN, 3)],
            rows: &[leaf(key::ADMIN_FEES, "行政事业性收费")],
        },
    ],
};

// ---- Table 二, F2019 (spec §3.2) -------------------------------------------

const PREV_DELTA_DECISIONS: &[Node] = &[
    leaf(key::PREV_COUNT, "上一年项目数量"),
    leaf_of(key::DELTA, "本年增/减", SIGNED),
    leaf(key::DECISIONS, "处理决定数量"),
];

/// F2019 表二 rows with 上一年项目数量 and 本年增/减 (carried over and checked by Y3).
pub const T2_F2019_COUNTED: [&str; 5] = [
    key::LICENSING,
    key::OTHER_SERVICES,
    key::PENALTY,
    key::COERCION,
    key::ADMIN_FEES,
];

pub const T2_F2019: Layout = Layout::Blocks {
    width: 4,
    head_label: "信息内容",
    blocks: &[
        Block {
            title: "第二十条第（一）项",
            cols: &[
                leaf("newMade", "本年新制作数量"),
                leaf(key::NEW_PUBLISHED, "本年新公开数量"),
                leaf(key::TOTAL_PUBLIC, "对外公开总数量"),
            ],
            rows: &[
                leaf(key::REGULATIONS, "规章"),
                leaf(key::NORMATIVE_DOCS, "规范性文件"),
            ],
        },
        Block {
            title: "第二十条第（五）项",
            cols: PREV_DELTA_DECISIONS,
            rows: &[
                leaf(key::LICENSING, "行政许可"),
                leaf(key::OTHER_SERVICES, "其他对外管理服务事项"),
            ],
        },
        Block {
            title: "第二十条第（六）项",
            cols: PREV_DELTA_DECISIONS,
            rows: &[
                leaf(key::PENALTY, "行政处罚"),
                leaf(key::COERCION, "行政强制"),
            ],
        },
        Block {
            title: "第二十条第（八）项",
            cols: &[
                leaf(key::PREV_COUNT, "上一年项目数量"),
                leaf_of(key::DELTA, "本年增/减", SIGNED),
                leaf_of("na", "", NA),
            ],
            rows: &[leaf(key::ADMIN_FEES, "行政事业性收费")],
        },
        Block {
            title: "第二十条第（九）项",
            cols: &[
                leaf("projects", "采购项目数量"),
                // The format prints no unit; reports use 万元, so the header says so (spec §3.2).
                leaf_of("amount", "采购总金额（万元）", WAN),
                leaf_of("na", "", NA),
            ],
            rows: &[leaf("procurement", "政府集中采购")],
        },
    ],
};

// ---- Table 三 (spec §4) -----------------------------------------------------

pub const T3_CORNER: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

pub const T3_COLS: &[Node] = &[group(
    "申请人情况",
    &[
        leaf(key::NATURAL, "自然人"),
        group(
            "法人或其他组织",
            &[
                leaf("commercial", "商业企业"),
                leaf("research", "科研机构"),
                leaf("publicWelfare", "社会公益组织"),
                leaf("legalService", "法律服务机构"),
                leaf("otherOrg", "其他"),
            ],
        ),
        total(key::TOTAL, "总计", RuleId::T3_1),
    ],
)];

const T3_DENIED: Node = group(
    "（三）不予公开",
    &[
        leaf("denied.stateSecret", "1.属于国家秘密"),
        leaf("denied.lawForbidden", "2.其他法律行政法规禁止公开"),
        leaf("denied.safetyStability", "3.危及“三安全一稳定”"),
        leaf("denied.thirdParty", "4.保护第三方合法权益"),
        leaf("denied.internalAffairs", "5.属于三类内部事务信息"),
        leaf("denied.processInfo", "6.属于四类过程性信息"),
        leaf("denied.enforcementFile", "7.属于行政执法案卷"),
        leaf("denied.adminQuery", "8.属于行政查询事项"),
    ],
);

const T3_UNABLE: Node = group(
    "（四）无法提供",
    &[
        leaf("unable.notHeld", "1.本机关不掌握相关政府信息"),
        leaf("unable.needCreate", "2.没有现成信息需要另行制作"),
        leaf("unable.unclear", "3.补正后申请内容仍不明确"),
    ],
);

const T3_NOT_PROCESSED: Node = group(
    "（五）不予处理",
    &[
        leaf("notProcessed.complaint", "1.信访举报投诉类申请"),
        leaf("notProcessed.repeat", "2.重复申请"),
        leaf("notProcessed.publication", "3.要求提供公开出版物"),
        leaf("notProcessed.massive", "4.无正当理由大量反复申请"),
        leaf(
            "notProcessed.confirm",
            "5.要求行政机关确认或重新出具已获取信息",
        ),
    ],
);

const T3_GRANTED: Node = leaf("granted", "（一）予以公开");
const T3_PARTIAL: Node = leaf(
    "partial",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
);
const T3_RESULT_TOTAL: Node = total_as(
    key::RESULT_TOTAL,
    "（七）总计",
    RuleId::T3_2,
    "（七）总计 = （一）至（六）各项之和",
);
const T3_NEW: Node = leaf(key::NEW_RECEIVED, "一、本年新收政府信息公开申请数量");
const T3_CARRIED: Node = leaf(key::CARRIED_OVER, "二、上年结转政府信息公开申请数量");
const T3_FORWARD: Node = leaf(key::CARRY_FORWARD, "四、结转下年度继续办理");
const T3_RESULTS_LABEL: &str = "三、本年度办理结果";
/// （六）其他处理: one row in F2019, a group of three in F2021 (conversion names it).
pub const T3_OTHER_LABEL: &str = "（六）其他处理";

pub const T3_ROWS_F2021: &[Node] = &[
    T3_NEW,
    T3_CARRIED,
    group(
        T3_RESULTS_LABEL,
        &[
            T3_GRANTED,
            T3_PARTIAL,
            T3_DENIED,
            T3_UNABLE,
            T3_NOT_PROCESSED,
            group(
                T3_OTHER_LABEL,
                &[
                    leaf(
                        key::OTHER_NO_CORRECTION,
                        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                    ),
                    leaf(
                        key::OTHER_FEE_UNPAID,
                        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                    ),
                    leaf(key::OTHER_OTHER, "3.其他"),
                ],
            ),
            T3_RESULT_TOTAL,
        ],
    ),
    T3_FORWARD,
];

pub const T3_ROWS_F2019: &[Node] = &[
    T3_NEW,
    T3_CARRIED,
    group(
        T3_RESULTS_LABEL,
        &[
            T3_GRANTED,
            T3_PARTIAL,
            T3_DENIED,
            T3_UNABLE,
            T3_NOT_PROCESSED,
            leaf(key::OTHER, T3_OTHER_LABEL),
            T3_RESULT_TOTAL,
        ],
    ),
    T3_FORWARD,
];

pub const T3_F2021: Layout = Layout::Cross {
    corner: Some(T3_CORNER),
    rows: T3_ROWS_F2021,
    cols: T3_COLS,
};

pub const T3_F2019: Layout = Layout::Cross {
    corner: Some(T3_CORNER),
    rows: T3_ROWS_F2019,
    cols: T3_COLS,
};

// ---- Table 四 (spec §5), identical in both formats ---------------------------

/// 表四's two kinds of case, as its heads name them.
pub const T4_REVIEW: &str = "行政复议";
pub const T4_LITIGATION: &str = "行政诉讼";
/// 表四's results of each group (key, label), in column order.
pub const T4_RESULTS: [(&str, &str); 4] = [
    (key::MAINTAIN, "结果维持"),
    (key::CORRECTED, "结果纠正"),
    (key::OTHER_RESULT, "其他结果"),
    (key::PENDING, "尚未审结"),
];

macro_rules! t4_group {
    ($key:literal, $label:expr, $rule:expr) => {
        keyed_group(
            $key,
            $label,
            &[
                leaf(T4_RESULTS[0].0, T4_RESULTS[0].1),
                leaf(T4_RESULTS[1].0, T4_RESULTS[1].1),
                leaf(T4_RESULTS[2].0, T4_RESULTS[2].1),
                leaf(T4_RESULTS[3].0, T4_RESULTS[3].1),
                total(key::TOTAL, "总计", $rule),
            ],
        )
    };
}

pub const T4: Layout = Layout::Cross {
    corner: None,
    rows: &[],
    cols: &[
        t4_group!("review", T4_REVIEW, RuleId::T4_1),
        group(
            T4_LITIGATION,
            &[
                t4_group!("litDirect", "未经复议直接起诉", RuleId::T4_2),
                t4_group!("litAfterReview", "复议后起诉", RuleId::T4_3),
            ],
        ),
    ],
};
