//! The JSON format: one versioned envelope for drafts and exports
//! (`{"schema": "nianbao.report", "schemaVersion": 1, "template": …, "report": …}`),
//! migrations from every earlier version, and the JSON Schema.
//!
//! Reading is strict and never panics: anything that is not a document this
//! build understands is refused with a plain-Chinese reason, and a document
//! from a newer version is refused rather than misread.

mod doc;
mod draft;
mod migrate;
mod number;
pub(crate) mod strict;
mod typed;

use std::fmt;

use serde_json::{Number, Value};

pub use doc::*;
pub use draft::{Draft, DRAFT_SCHEMA, DRAFT_VERSION};
pub use migrate::CURRENT_VERSION;
pub use strict::place;
pub use typed::{read_current, TYPED_SINCE};

use crate::cell::{CellError, CellKind, MoneyUnit};
use crate::report::{
    Agency, AgencyKind, Aspect, Date, Field, InfoFee, OtherMatters, Overview, Part, Report,
};
use crate::template::{TableId, TemplateId};
use number::{decode_number, encode_value};

/// The `schema` value of every document.
pub const SCHEMA_ID: &str = "nianbao.report";

pub use crate::limits::MAX_BYTES;

/// Report years accepted (the 条例 has required reports since 2008).
pub const YEARS: std::ops::RangeInclusive<i32> = 2008..=2100;

/// Why a document could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    TooLarge {
        bytes: usize,
    },
    /// Nothing in the file (or nothing but spaces).
    Empty,
    NotJson {
        line: usize,
        column: usize,
    },
    TooDeep,
    NotOurs,
    NewerVersion {
        found: u64,
    },
    BadVersion,
    Structure(String),
    BadYear(i64),
    BadDate(String),
    UnknownCell {
        table: &'static str,
        row: String,
        col: Option<String>,
    },
    BadValue {
        place: String,
        error: CellError,
    },
    Migration(String),
    /// An HTML file without this app's embedded report.
    NoEmbeddedData,
    /// An HTML file whose embedded report is not valid JSON (position inside it).
    EmbeddedNotJson {
        line: usize,
        column: usize,
    },
    /// A text or the number of sub-parts beyond spec §8.10.
    OverLimit(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::TooLarge { bytes } => write!(
                f,
                "文件太大（{} MB），超过了本工具能读取的上限 {} MB，不像是年度报告数据（一般不超过 1 MB）。请确认选择的文件。",
                crate::limits::megabytes(*bytes),
                MAX_BYTES / 1_048_576
            ),
            DecodeError::Empty => write!(f, "文件是空的，里面没有任何内容。请确认选择的文件。"),
            DecodeError::NotJson { line, column } => write!(
                f,
                "文件不是有效的 JSON 数据（第 {line} 行第 {column} 列有错）。文件可能已损坏或不完整。"
            ),
            DecodeError::TooDeep => write!(f, "文件的结构嵌套过深，不是年度报告数据。"),
            DecodeError::NotOurs => write!(
                f,
                "这不是本工具导出的年度报告数据文件（缺少 “schema”: “{SCHEMA_ID}” 标记）。"
            ),
            DecodeError::NewerVersion { found } => write!(
                f,
                "这个文件由更新版本的本工具生成（数据格式第 {found} 版），当前版本只能读取到第 {CURRENT_VERSION} 版。请使用最新版本打开。文件没有被修改。"
            ),
            DecodeError::BadVersion => write!(f, "文件的数据格式版本号无效。"),
            DecodeError::Structure(detail) => {
                write!(f, "文件的内容结构不对：{detail}")
            }
            DecodeError::BadYear(y) => write!(
                f,
                "报告年度 {y} 不在 {} 至 {} 之间。",
                YEARS.start(),
                YEARS.end()
            ),
            DecodeError::BadDate(d) => write!(f, "落款日期“{d}”不是有效的日期（应为 年-月-日）。"),
            DecodeError::UnknownCell { table, row, col } => match col {
                Some(col) => write!(
                    f,
                    "{table}中有一格的标识（行“{row}”、列“{col}”）不属于这份报告的格式：文件可能被改过，或不是本工具导出的。"
                ),
                None => write!(
                    f,
                    "{table}中有一行的标识“{row}”不属于这份报告的格式：文件可能被改过，或不是本工具导出的。"
                ),
            },
            DecodeError::BadValue { place, error } => write!(f, "{place}：{error}"),
            DecodeError::Migration(detail) => write!(f, "旧版本数据无法升级：{detail}"),
            DecodeError::NoEmbeddedData => write!(
                f,
                "这个 HTML 文件不是本工具导出的：里面没有嵌入的报告数据。请选择本工具导出的 HTML 或 JSON 文件。"
            ),
            DecodeError::OverLimit(why) => write!(f, "{why}文件没有导入。"),
            DecodeError::EmbeddedNotJson { line, column } => write!(
                f,
                "这个 HTML 文件中嵌入的报告数据已损坏（在数据的第 {line} 行第 {column} 列），文件可能被改过。请使用原始文件，或重新导出。"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

fn table_values(report: &Report, table: TableId) -> TableValues {
    let template = report.template();
    let mut rows: Vec<(String, RowValues)> = Vec::new();
    for cell in template.table_cells(table) {
        let def = template.def(cell);
        let value = report.get(cell).map(|v| encode_value(v, def.kind));
        match rows.last_mut() {
            Some((row, cols)) if row == def.row => cols.push((def.col.to_owned(), value)),
            _ => rows.push((def.row.to_owned(), vec![(def.col.to_owned(), value)])),
        }
    }
    TableValues(rows)
}

fn yuan(value: Option<i64>) -> Option<Number> {
    value.map(|v| encode_value(v, CellKind::Money(MoneyUnit::Yuan)))
}

/// The document for a report.
pub fn to_envelope(report: &Report) -> Envelope {
    let o = &report.overview;
    let kind = report.agency.kind.map(|k| match k {
        AgencyKind::Department => AgencyKindKey::Department,
        AgencyKind::Government => AgencyKindKey::Government,
        AgencyKind::Township => AgencyKindKey::Township,
        AgencyKind::Subdistrict => AgencyKindKey::Subdistrict,
        AgencyKind::Other => AgencyKindKey::Other,
    });
    Envelope {
        schema: SCHEMA_ID.to_owned(),
        schema_version: CURRENT_VERSION,
        template: report.template_id(),
        report: ReportDoc {
            year: report.year,
            agency: AgencyDoc {
                name: report.agency.name.clone(),
                kind,
                region: report.agency.region.clone(),
                deadline: report
                    .agency
                    .deadline
                    .map(|(m, d)| format!("{m:02}-{d:02}")),
            },
            signed_date: report.signed_date.map(|d| d.iso()),
            overview: OverviewDoc {
                text: o.text.clone(),
                aspects: AspectsDoc {
                    proactive: o.aspects[Aspect::Proactive.index()].clone(),
                    on_request: o.aspects[Aspect::OnRequest.index()].clone(),
                    info_management: o.aspects[Aspect::InfoManagement.index()].clone(),
                    platform: o.aspects[Aspect::Platform.index()].clone(),
                    supervision: o.aspects[Aspect::Supervision.index()].clone(),
                },
                parts: o
                    .parts
                    .iter()
                    .map(|p| PartDoc {
                        title: p.title.clone(),
                        text: p.text.clone(),
                    })
                    .collect(),
            },
            table2: Table2Doc(table_values(report, TableId::Proactive)),
            table3: Table3Doc(table_values(report, TableId::Requests)),
            table4: Table4Doc(table_values(report, TableId::ReviewLitigation)),
            problems: report.problems.clone(),
            other: OtherDoc {
                text: report.other.text.clone(),
                info_fee: InfoFeeDoc {
                    notices: report.other.fee.notices.map(Number::from),
                    billed_yuan: yuan(report.other.fee.billed),
                    collected_yuan: yuan(report.other.fee.collected),
                },
            },
            explanations: report
                .explanations
                .iter()
                .map(|(finding, reason)| ExplanationDoc {
                    finding: finding.clone(),
                    reason: reason.clone(),
                })
                .collect(),
        },
        export_check: None,
    }
}

/// The export-stage counts of a report (with last year's, when known).
pub fn export_check(report: &Report, previous: Option<&Report>) -> ExportCheck {
    use crate::rules::{counts_explained, validate, Context, Stage};
    let ctx = Context {
        stage: Stage::Export,
        previous,
    };
    let (errors, warnings, explained) = counts_explained(&validate(report, &ctx), report);
    ExportCheck {
        errors: errors as u32,
        warnings: warnings as u32,
        explained: explained as u32,
    }
}

/// The report as an exported file: with the export-stage counts recorded.
pub fn to_json_export(report: &Report, check: ExportCheck) -> String {
    let mut env = to_envelope(report);
    env.export_check = Some(check);
    serde_json::to_string_pretty(&env).expect("documents always serialise")
}

/// `to_json_export` without the indentation: the page indents it with the
/// browser's own JSON writer (one serialiser of these types in its code).
pub fn to_json_export_compact(report: &Report, check: ExportCheck) -> String {
    let mut env = to_envelope(report);
    env.export_check = Some(check);
    serde_json::to_string(&env).expect("documents always serialise")
}

/// `to_json` without the indentation, for what is read by code, not people.
pub fn to_json_compact(report: &Report) -> String {
    serde_json::to_string(&to_envelope(report)).expect("documents always serialise")
}

/// The report as pretty-printed JSON, ready to save or download.
pub fn to_json(report: &Report) -> String {
    serde_json::to_string_pretty(&to_envelope(report)).expect("documents always serialise")
}

/// Reads a document of any supported version.
pub fn from_json(text: &str) -> Result<Report, DecodeError> {
    if text.len() > MAX_BYTES {
        return Err(DecodeError::TooLarge { bytes: text.len() });
    }
    from_value(parse(text)?)
}

/// Parses JSON text strictly (duplicate keys refused), with plain reasons.
pub(crate) fn parse(text: &str) -> Result<Value, DecodeError> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    serde_json::from_str::<strict::Strict>(text)
        .map(|s| s.0)
        .map_err(|e| {
            let msg = e.to_string();
            if msg.contains("recursion limit") {
                DecodeError::TooDeep
            } else if e.is_data() {
                // Only a duplicate key is a data error while parsing to a value.
                let inner = msg.split(" at line ").next().unwrap_or_default();
                DecodeError::Structure(strict::plain("", inner))
            } else {
                DecodeError::NotJson {
                    line: e.line(),
                    column: e.column(),
                }
            }
        })
}

/// Reads an already parsed document of any supported version.
pub fn from_value(value: Value) -> Result<Report, DecodeError> {
    if value.get("schema").and_then(Value::as_str) != Some(SCHEMA_ID) {
        return Err(DecodeError::NotOurs);
    }
    let version = value
        .get("schemaVersion")
        .and_then(Value::as_u64)
        .ok_or(DecodeError::BadVersion)?;
    if version > u64::from(CURRENT_VERSION) {
        return Err(DecodeError::NewerVersion { found: version });
    }
    if version == 0 {
        return Err(DecodeError::BadVersion);
    }
    let value = migrate::migrate(value, version as u32).map_err(DecodeError::Migration)?;
    let envelope: Envelope = serde_path_to_error::deserialize(value).map_err(|e| {
        DecodeError::Structure(strict::plain(&e.path().to_string(), &e.inner().to_string()))
    })?;
    from_envelope(envelope)
}

fn read_table(
    report: &mut Report,
    table: TableId,
    values: &TableValues,
) -> Result<(), DecodeError> {
    let template = report.template();
    for (row, cols) in &values.0 {
        // A row this format does not have is refused even when it is empty.
        if !template.row_keys(table).contains(&row.as_str()) {
            return Err(DecodeError::UnknownCell {
                table: table.name(),
                row: row.clone(),
                col: None,
            });
        }
        for (col, value) in cols {
            let Some(cell) = template.cell(table, row, col) else {
                let known_row = template.row_keys(table).contains(&row.as_str());
                return Err(DecodeError::UnknownCell {
                    table: table.name(),
                    row: row.clone(),
                    col: known_row.then(|| col.clone()),
                });
            };
            let Some(n) = value else { continue };
            let def = template.def(cell);
            let v = decode_number(n, def.kind).map_err(|error| DecodeError::BadValue {
                place: format!("{}“{}”", table.name(), def.name()),
                error,
            })?;
            report.set(cell, Some(v));
        }
    }
    Ok(())
}

fn read_fee(n: &Option<Number>, kind: CellKind, label: &str) -> Result<Option<i64>, DecodeError> {
    n.as_ref()
        .map(|n| {
            decode_number(n, kind).map_err(|error| DecodeError::BadValue {
                place: label.to_owned(),
                error,
            })
        })
        .transpose()
}

/// Builds a report from a current-version document, checking every value.
pub fn from_envelope(env: Envelope) -> Result<Report, DecodeError> {
    let doc = env.report;
    if !YEARS.contains(&doc.year) {
        return Err(DecodeError::BadYear(doc.year.into()));
    }
    let mut report = Report::with_template(doc.year, env.template);
    report.agency = Agency {
        name: doc.agency.name,
        kind: doc.agency.kind.map(|k| match k {
            AgencyKindKey::Department => AgencyKind::Department,
            AgencyKindKey::Government => AgencyKind::Government,
            AgencyKindKey::Township => AgencyKind::Township,
            AgencyKindKey::Subdistrict => AgencyKind::Subdistrict,
            AgencyKindKey::Other => AgencyKind::Other,
        }),
        region: doc.agency.region,
        deadline: match doc.agency.deadline {
            None => None,
            Some(text) => Some(read_deadline(&text).ok_or(DecodeError::BadDate(text))?),
        },
    };
    for e in doc.explanations {
        if report.explanations.insert(e.finding, e.reason).is_some() {
            return Err(DecodeError::Structure(
                "同一条提示有两条说明（explanations 中重复）。".into(),
            ));
        }
    }
    report.signed_date = match doc.signed_date {
        None => None,
        Some(text) => Some(Date::parse(&text).ok_or(DecodeError::BadDate(text))?),
    };
    let a = doc.overview.aspects;
    report.overview = Overview {
        text: doc.overview.text,
        aspects: [
            a.proactive,
            a.on_request,
            a.info_management,
            a.platform,
            a.supervision,
        ],
        parts: doc
            .overview
            .parts
            .into_iter()
            .map(|p| Part {
                title: p.title,
                text: p.text,
            })
            .collect(),
    };
    read_table(&mut report, TableId::Proactive, &doc.table2.0)?;
    read_table(&mut report, TableId::Requests, &doc.table3.0)?;
    read_table(&mut report, TableId::ReviewLitigation, &doc.table4.0)?;
    report.problems = doc.problems;
    let fee = &doc.other.info_fee;
    let yuan = CellKind::Money(MoneyUnit::Yuan);
    report.other = OtherMatters {
        text: doc.other.text,
        fee: InfoFee {
            notices: read_fee(&fee.notices, CellKind::Count, &Field::FeeNotices.label())?,
            billed: read_fee(&fee.billed_yuan, yuan, &Field::FeeBilled.label())?,
            collected: read_fee(&fee.collected_yuan, yuan, &Field::FeeCollected.label())?,
        },
    };
    if let Some(why) = report.over_limits() {
        return Err(DecodeError::OverLimit(why));
    }
    // Totals in a file are what was printed: kept, never recomputed.
    report.mark_printed_totals();
    Ok(report)
}

/// `MM-DD` (a day that exists in a leap year: 02-29 is allowed).
fn read_deadline(text: &str) -> Option<(u8, u8)> {
    let (m, d) = text.split_once('-')?;
    let num = |s: &str| {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u8>().ok())
            .flatten()
    };
    let (m, d) = (num(m)?, num(d)?);
    Date::new(2024, m, d).map(|_| (m, d))
}

/// The JSON Schema of the document format, pretty-printed.
pub fn schema() -> String {
    let schema = schemars::schema_for!(Envelope);
    serde_json::to_string_pretty(&schema).expect("schemas serialise")
}

/// `TemplateId` of a key such as `F2021` (re-exported for the app).
pub fn template_of(key: &str) -> Option<TemplateId> {
    TemplateId::from_key(key)
}
