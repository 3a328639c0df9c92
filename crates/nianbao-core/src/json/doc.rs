//! The document types of the JSON format (current schema version), with
//! serde and a JSON Schema. Table objects are written in the official row
//! and column order and described, key by key, from the template declarations.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Number};

use super::typed::Unique;
use crate::cell::CellKind;
use crate::template::{TableId, TemplateId};

/// The envelope every stored draft and every export is wrapped in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(title = "政府信息公开工作年度报告 (Nianbao)")]
pub struct Envelope {
    /// Always `nianbao.report`.
    pub schema: String,
    /// Version of this document format; readers migrate older ones and refuse newer ones.
    pub schema_version: u32,
    /// The official format the tables follow: `F2019` or `F2021`.
    pub template: TemplateId,
    pub report: ReportDoc,
    /// The checks when this file was exported (spec §8.9): exporting is never
    /// blocked, so a file says how many problems it was made with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_check: Option<ExportCheck>,
}

/// Findings of the export stage at the moment of export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportCheck {
    pub errors: u32,
    /// Warnings, the explained ones included.
    pub warnings: u32,
    /// Of the warnings, those explained with a reason.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub explained: u32,
}

impl ExportCheck {
    /// The counts in a sentence, as the Word file's document properties
    /// carry them (备注 in Word's and WPS's file information).
    pub fn words(&self) -> String {
        let Self {
            errors,
            warnings,
            explained,
        } = *self;
        if errors + warnings == 0 {
            return "导出前检查：没有发现问题。".to_owned();
        }
        let explained = if explained > 0 {
            format!("（其中 {explained} 个已说明原因）")
        } else {
            String::new()
        };
        format!("导出前检查：{errors} 个错误，{warnings} 个提示{explained}。")
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// One year's report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReportDoc {
    /// The report (statistical) year.
    pub year: i32,
    pub agency: AgencyDoc,
    /// 落款日期, `YYYY-MM-DD`, or null.
    pub signed_date: Option<String>,
    /// 一、总体情况
    pub overview: OverviewDoc,
    /// 二、主动公开政府信息情况 (table 二)
    pub table2: Table2Doc,
    /// 三、收到和处理政府信息公开申请情况 (table 三)
    pub table3: Table3Doc,
    /// 四、政府信息公开行政复议、行政诉讼情况 (table 四)
    pub table4: Table4Doc,
    /// 五、存在的主要问题及改进情况
    pub problems: String,
    /// 六、其他需要报告的事项
    pub other: OtherDoc,
    /// Warnings explained by the person, each with its reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explanations: Vec<ExplanationDoc>,
}

/// A warning explained: which one (its rule and place) and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExplanationDoc {
    /// The finding: its rule id, then where it is (`Y1@table3-carriedOver-natural`).
    pub finding: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AgencyDoc {
    pub name: String,
    /// department 部门 · government 人民政府 · township 乡镇 · subdistrict 街道 · other 其他
    pub kind: Option<AgencyKindKey>,
    pub region: String,
    /// A locally set publication deadline, `MM-DD` in the year after the
    /// report year (乡镇 and 街道 have no statutory one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum AgencyKindKey {
    Department,
    Government,
    Township,
    Subdistrict,
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OverviewDoc {
    pub text: String,
    /// F2021's five aspects.
    pub aspects: AspectsDoc,
    /// F2019's optional titled sub-parts.
    pub parts: Vec<PartDoc>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AspectsDoc {
    /// （一）主动公开
    pub proactive: String,
    /// （二）依申请公开
    pub on_request: String,
    /// （三）政府信息管理
    pub info_management: String,
    /// （四）政府信息公开平台建设
    pub platform: String,
    /// （五）监督保障
    pub supervision: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartDoc {
    pub title: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OtherDoc {
    pub text: String,
    /// 信息处理费 (国办函〔2020〕109号).
    pub info_fee: InfoFeeDoc,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InfoFeeDoc {
    /// 收费通知件数
    pub notices: Option<Number>,
    /// 应收金额（元）
    pub billed_yuan: Option<Number>,
    /// 实收金额（元）
    pub collected_yuan: Option<Number>,
}

/// One row of a table: column key → number or null (blank).
pub type RowValues = Vec<(String, Option<Number>)>;

/// A table's values: row key → its row.
/// Serialised in the official order; read in any order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableValues(pub Vec<(String, RowValues)>);

impl Serialize for TableValues {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Row<'a>(&'a [(String, Option<Number>)]);
        impl Serialize for Row<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(Some(self.0.len()))?;
                for (k, v) in self.0 {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (row, cols) in &self.0 {
            map.serialize_entry(row, &Row(cols))?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for TableValues {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A row or a cell given twice is refused, not silently taken last.
        let rows = Unique::<Unique<Option<Number>>>::deserialize(d)?;
        Ok(TableValues(
            rows.0.into_iter().map(|(r, cols)| (r, cols.0)).collect(),
        ))
    }
}

/// The schema of one table: every row and column key either format has.
fn table_schema(table: TableId) -> Schema {
    let mut rows: Vec<(&str, Vec<(&str, CellKind)>)> = Vec::new();
    for template in TemplateId::ALL {
        let t = template.get();
        for cell in t.table_cells(table) {
            let def = t.def(cell);
            let i = match rows.iter().position(|(r, _)| *r == def.row) {
                Some(i) => i,
                None => {
                    rows.push((def.row, Vec::new()));
                    rows.len() - 1
                }
            };
            if !rows[i].1.iter().any(|(c, _)| *c == def.col) {
                rows[i].1.push((def.col, def.kind));
            }
        }
    }
    let mut properties = Map::new();
    for (row, cols) in rows {
        let mut col_props = Map::new();
        for (col, kind) in cols {
            let schema = match kind {
                CellKind::Money(_) => json_schema!({"type": ["number", "null"], "minimum": 0}),
                CellKind::SignedCount => json_schema!({"type": ["integer", "null"]}),
                CellKind::NotApplicable => json_schema!({"type": "null"}),
                CellKind::Count | CellKind::Total => {
                    json_schema!({"type": ["integer", "null"], "minimum": 0})
                }
            };
            col_props.insert(col.to_owned(), schema.to_value());
        }
        properties.insert(
            row.to_owned(),
            json!({"type": "object", "properties": col_props, "additionalProperties": false}),
        );
    }
    json_schema!({
        "type": "object",
        "description": "Row key → column key → value; null is a blank cell. Money in 万元.",
        "properties": properties,
        "additionalProperties": false
    })
}

macro_rules! table_doc {
    ($name:ident, $table:expr) => {
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub TableValues);

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                table_schema($table)
            }
        }
    };
}

table_doc!(Table2Doc, TableId::Proactive);
table_doc!(Table3Doc, TableId::Requests);
table_doc!(Table4Doc, TableId::ReviewLitigation);
