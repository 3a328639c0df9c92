//! The rule vocabulary: every rule's id, wording and severity (spec §8), and
//! how bad a finding is. A leaf module: the templates name the rules their
//! totals imply, the rules check them, and neither depends on the other.

/// Every rule of spec §8, by its id there.
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleId {
    /// G1: every count cell is an integer ≥ 0 (F2019 本年增/减 is signed).
    G1,
    /// G2: money cells are decimals ≥ 0 with at most 4 decimals.
    G2,
    /// G3: no blank cells at export (warning in a draft, error at export).
    G3,
    /// G4: not-applicable cells stay empty.
    G4,
    /// T3-1: each row's 总计 = 自然人 + the five 法人或其他组织 columns.
    T3_1,
    /// T3-2: each column's （七）总计 = the sum of the result rows （一）…（六）.
    T3_2,
    /// T3-3: per column, 第一项 + 第二项 = 第三项（七）总计 + 第四项 (the table's own note).
    T3_3,
    /// T3-4: per column, 第四项 and （七）总计 each ≤ 第一项 + 第二项.
    T3_4,
    /// T3-5 (F2021): applications closed for an unpaid fee imply 收费通知 in section 六.
    T3_5,
    /// T4-1: 行政复议 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
    T4_1,
    /// T4-2: the same for 未经复议直接起诉.
    T4_2,
    /// T4-3: the same for 复议后起诉.
    T4_3,
    /// T2-1 (F2021): 本年废止件数 ≤ last year's 现行有效件数 + 本年制发件数.
    T2_1,
    /// T2-2 (F2019): 本年新公开数量 ≤ 对外公开总数量.
    T2_2,
    /// T2-3: agencies without rule-making power report 规章 = 0.
    T2_3,
    /// Y1: 上年结转 = last year's 结转下年度继续办理, per column.
    Y1,
    /// Y2 (F2021, from 2022): 现行有效件数 = last year's + 本年制发 − 本年废止.
    Y2,
    /// Y3 (F2019, 2020): 上一年项目数量 = last year's 上一年项目数量 + 本年增/减.
    Y3,
    /// Y6: the report year decides the format.
    Y6,
    /// D1: all six sections are present and filled.
    D1,
    /// D2 (F2021): 总体情况 covers the five aspects.
    D2,
    /// D3 (governments): 总体情况 covers 工作考核、社会评议和责任追究结果情况.
    D3,
    /// D4 (F2021): section 六 reports 信息处理费 (a statement of 0 is fine).
    D4,
    /// D5: the signing date lies in the year after the report year, before the deadline.
    D5,
    /// D6: section 五 is not a copy of last year's.
    D6,
    /// N1–N16: figures the text sections quote agree with the tables (spec §8.7).
    N1,
    N2,
    N3,
    N4,
    N5,
    N6,
    N7,
    N8,
    N9,
    N10,
    N11,
    N12,
    N13,
    N14,
    N15,
    N16,
    /// R1: a comment of the office that collects reports (退回意见), open
    /// until its place changes or a reason is given.
    R1,
    /// L1: a check of the deployment's local rule pack (its name on the finding).
    L1,
}

impl RuleId {
    pub const ALL: [RuleId; 43] = [
        RuleId::G1,
        RuleId::G2,
        RuleId::G3,
        RuleId::G4,
        RuleId::T3_1,
        RuleId::T3_2,
        RuleId::T3_3,
        RuleId::T3_4,
        RuleId::T3_5,
        RuleId::T4_1,
        RuleId::T4_2,
        RuleId::T4_3,
        RuleId::T2_1,
        RuleId::T2_2,
        RuleId::T2_3,
        RuleId::Y1,
        RuleId::Y2,
        RuleId::Y3,
        RuleId::Y6,
        RuleId::D1,
        RuleId::D2,
        RuleId::D3,
        RuleId::D4,
        RuleId::D5,
        RuleId::D6,
        RuleId::N1,
        RuleId::N2,
        RuleId::N3,
        RuleId::N4,
        RuleId::N5,
        RuleId::N6,
        RuleId::N7,
        RuleId::N8,
        RuleId::N9,
        RuleId::N10,
        RuleId::N11,
        RuleId::N12,
        RuleId::N13,
        RuleId::N14,
        RuleId::N15,
        RuleId::N16,
        RuleId::R1,
        RuleId::L1,
    ];

    /// Whether the rule compares with last year's report (spec §8.5, T2-1,
    /// D6): without it loaded, its warnings neither show nor go away.
    pub const fn needs_previous(self) -> bool {
        matches!(
            self,
            RuleId::Y1 | RuleId::Y2 | RuleId::Y3 | RuleId::T2_1 | RuleId::D6
        )
    }

    /// Raised from outside the report's own checks: the office's comments
    /// (R1, `review`) and the deployment's local pack (L1, `local_rules`).
    pub const fn from_outside(self) -> bool {
        matches!(self, RuleId::R1 | RuleId::L1)
    }

    /// The id as the spec writes it: `T3-3`.
    pub const fn code(self) -> &'static str {
        use RuleId::*;
        match self {
            G1 => "G1",
            G2 => "G2",
            G3 => "G3",
            G4 => "G4",
            T3_1 => "T3-1",
            T3_2 => "T3-2",
            T3_3 => "T3-3",
            T3_4 => "T3-4",
            T3_5 => "T3-5",
            T4_1 => "T4-1",
            T4_2 => "T4-2",
            T4_3 => "T4-3",
            T2_1 => "T2-1",
            T2_2 => "T2-2",
            T2_3 => "T2-3",
            Y1 => "Y1",
            Y2 => "Y2",
            Y3 => "Y3",
            Y6 => "Y6",
            D1 => "D1",
            D2 => "D2",
            D3 => "D3",
            D4 => "D4",
            D5 => "D5",
            D6 => "D6",
            N1 => "N1",
            N2 => "N2",
            N3 => "N3",
            N4 => "N4",
            N5 => "N5",
            N6 => "N6",
            N7 => "N7",
            N8 => "N8",
            N9 => "N9",
            N10 => "N10",
            N11 => "N11",
            N12 => "N12",
            N13 => "N13",
            N14 => "N14",
            N15 => "N15",
            N16 => "N16",
            R1 => "R1",
            L1 => "L1",
        }
    }

    /// The wording of a rule that names no table label; `None` for the rules
    /// whose wording is built from the declarations (`rules::wording`).
    pub const fn fixed_wording(self) -> Option<&'static str> {
        use RuleId::*;
        Some(match self {
            G2 => "金额必须是不小于 0 的数，最多保留 4 位小数",
            G3 => "表格中不能有空格：没有发生的请填 0",
            G4 => "不适用的单元格必须留空",
            T3_5 => "表三有“申请人逾期未按收费通知要求缴纳费用”的，第六部分应报告发出的收费通知",
            Y1 => "表三第二项（上年结转）应等于上年报告的第四项（结转下年度继续办理）",
            Y6 => "2020年度及以前使用2019年版格式，2021年度起使用2021年版格式",
            D1 => "六个部分都必须有内容",
            D2 => "总体情况应包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面",
            D3 => "各级人民政府的总体情况应包括工作考核、社会评议和责任追究结果情况",
            D4 => "第六部分应报告信息处理费的收取情况（没有收取也要说明）",
            D5 => "落款日期应在报告年度的次年，并在发布期限之前",
            D6 => "第五部分不应照抄上年报告",
            R1 => "汇总单位的审核意见：请修改，或说明原因",
            L1 => "本地规则包的要求（提示中写明规则包的名称）",
            G1 | T3_1 | T3_2 | T3_3 | T3_4 | T4_1 | T4_2 | T4_3 | T2_1 | T2_2 | T2_3 | Y2 | Y3
            | N1 | N2 | N3 | N4 | N5 | N6 | N7 | N8 | N9 | N10 | N11 | N12 | N13 | N14 | N15
            | N16 => {
                return None
            }
        })
    }

    /// Severity as the spec gives it (G3 depends on the stage; see `validate`).
    pub const fn severity(self) -> Severity {
        use RuleId::*;
        match self {
            G1 | G2 | G4 | T3_1 | T3_2 | T3_3 | T3_4 | T4_1 | T4_2 | T4_3 | Y6 | D1 => {
                Severity::Error
            }
            _ => Severity::Warning,
        }
    }
}

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub const fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "提示",
        }
    }
}
