//! The report domain of Nianbao (年报): the official formats of
//! 政府信息公开工作年度报告, declared once as data, the report model, the
//! consistency rules and the versioned JSON.
//!
//! This crate is pure: it never touches the DOM, storage, the network or the
//! clock, and depends on nothing web-specific. Everything that decides lives
//! here and is tested natively with `cargo test`.
//!
//! # Map
//!
//! - [`template`]: F2019 and F2021 as data: tables with their spans, cells with
//!   stable keys and kinds, the sums totals imply.
//! - [`report`]: the model; every cell is `Option<i64>` (blank ≠ 0).
//! - [`cell`]: parsing what people type or paste into a cell.
//! - [`rules`]: [`validate`] and the rules of spec §8.
//! - [`convert`]: moving a report between formats, listing what did not carry.
//! - [`edit`]: the editor's pure logic: keyboard movement, pasting blocks, undo, what to show when.
//! - [`json`]: the versioned envelope, migrations, the JSON Schema.
//! - [`render`]: the publishable HTML.
//! - [`import`]: reading files back strictly: encodings, JSON or HTML exports, HTML tables against their data.
//!
//! # Rules
//!
//! | id | severity | rule |
//! |---|---|---|
//! | G1 | 错误 | 件数必须是不小于 0 的整数（2019年版“本年增/减”可以为负数） |
//! | G2 | 错误 | 金额必须是不小于 0 的数，最多保留 4 位小数 |
//! | G3 | 草稿提示，导出错误 | 表格中不能有空格：没有发生的请填 0 |
//! | G4 | 错误 | 不适用的单元格必须留空 |
//! | T3-1 | 错误 | 表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 |
//! | T3-2 | 错误 | 表三每一列：（七）总计 = （一）至（六）各项之和 |
//! | T3-3 | 错误 | 表三每一列：第一项 + 第二项 = 第三项（七）总计 + 第四项 |
//! | T3-4 | 错误 | 表三每一列：第三项（七）总计、第四项都不能大于第一项 + 第二项 |
//! | T3-5 | 提示 | 表三有“申请人逾期未按收费通知要求缴纳费用”的，第六部分应报告发出的收费通知 |
//! | T4-1 | 错误 | 表四行政复议：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 |
//! | T4-2 | 错误 | 表四未经复议直接起诉：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 |
//! | T4-3 | 错误 | 表四复议后起诉：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 |
//! | T2-1 | 提示 | 表二本年废止件数不应大于上年现行有效件数 + 本年制发件数 |
//! | T2-2 | 提示 | 表二本年新公开数量不应大于对外公开总数量 |
//! | T2-3 | 提示 | 没有规章制定权的机关，表二“规章”各项应为 0 |
//! | Y1 | 提示 | 表三第二项（上年结转）应等于上年报告的第四项（结转下年度继续办理） |
//! | Y2 | 提示 | 表二现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数 |
//! | Y3 | 提示 | 表二上一年项目数量 = 上年报告的上一年项目数量 + 本年增/减 |
//! | Y6 | 错误 | 2020年度及以前使用2019年版格式，2021年度起使用2021年版格式 |
//! | D1 | 错误 | 六个部分都必须有内容 |
//! | D2 | 提示 | 总体情况应包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面 |
//! | D3 | 提示 | 各级人民政府的总体情况应包括工作考核、社会评议和责任追究结果情况 |
//! | D4 | 提示 | 第六部分应报告信息处理费的收取情况（没有收取也要说明） |
//! | D5 | 提示 | 落款日期应在报告年度的次年，并在发布期限之前 |
//! | D6 | 提示 | 第五部分不应照抄上年报告 |
//! | N1 | 提示 | 文字中写的本年新收申请数应与表三第一项的总计一致 |
//! | N2 | 提示 | 文字中写的上年结转申请数应与表三第二项的总计一致 |
//! | N3 | 提示 | 文字中写的办结申请数应与表三办理结果总计一致 |
//! | N4 | 提示 | 文字中写的予以公开件数应与表三一致 |
//! | N5 | 提示 | 文字中写的部分公开件数应与表三一致 |
//! | N6 | 提示 | 文字中写的予以公开和部分公开件数之和应与表三一致 |
//! | N7 | 提示 | 文字中写的不予公开件数应与表三各项之和一致 |
//! | N8 | 提示 | 文字中写的无法提供件数应与表三各项之和一致 |
//! | N9 | 提示 | 文字中写的不予处理件数应与表三各项之和一致 |
//! | N10 | 提示 | 文字中写的其他处理件数应与表三一致 |
//! | N11 | 提示 | 文字中写的结转下年度件数应与表三第四项的总计一致 |
//! | N12 | 提示 | 文字中写的行政复议件数应与表四一致 |
//! | N13 | 提示 | 文字中写的行政诉讼件数应与表四一致 |
//! | N14 | 提示 | 文字说复议、诉讼均获维持时，表四不应有纠正、其他结果或尚未审结的案件 |
//! | N15 | 提示 | 文字说没有发生行政复议、行政诉讼时，表四的总计应为 0 |
//! | N16 | 提示 | 文字中写的信息处理费金额应与第六部分的应收金额一致 |
//! | R1 | 提示 | 汇总单位的审核意见：请修改，或说明原因 |
//! | L1 | 提示 | 本地规则包的要求（提示中写明规则包的名称） |
//!
//! A test checks this table against [`RuleId::wording`] and [`RuleId::severity`].

pub mod carry;
pub mod cell;
pub mod collect;
pub mod convert;
pub mod draft;
pub mod edit;
pub mod export;
pub mod host;
pub mod import;
pub mod json;
pub mod ledger;
pub mod limits;
pub mod local_rules;
pub mod open_data;
pub mod order;
pub mod portal;
pub mod render;
pub mod report;
pub mod review;
pub mod rule_id;
pub mod rules;
pub mod section;
pub mod storage;
pub mod submission;
pub mod template;

pub use cell::{parse_cell, CellError, CellKind, MoneyUnit};
pub use report::{Agency, AgencyKind, Aspect, Date, Field, Report};
pub use rules::{validate, Context, Finding, RuleId, Severity, Stage};
pub use section::Section;
pub use template::{CellId, TableId, Template, TemplateId};

/// Title of the tool, shown in the app shell.
pub const APP_TITLE: &str = "政府信息公开工作年度报告编制";
