//! The two official formats, declared once as data (spec §3–§5) and laid out
//! into grids that the form, the validator, the exports and the importer read.

mod decl;
pub mod keys;
mod layout;
pub mod phrases;
mod tables;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use crate::cell::CellKind;
use crate::rule_id::RuleId;
use crate::section::Section;

pub use decl::{Block, Layout, LeafRole, Node};
pub use tables::{
    T2_F2019_COUNTED, T3_CORNER, T3_OTHER_LABEL, T4_LITIGATION, T4_RESULTS, T4_REVIEW,
};

/// An official format version.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
pub enum TemplateId {
    /// 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号: report years 2019 and 2020.
    F2019,
    /// 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号: report years from 2021.
    F2021,
}

impl TemplateId {
    /// Section 六 carries the 信息处理费 figures (F2021, after 国办函〔2020〕109号).
    pub const fn has_info_fee(self) -> bool {
        matches!(self, TemplateId::F2021)
    }

    /// 总体情况 is written by the five aspects of spec §2.2 (F2021); F2019 has
    /// free sub-parts with their own titles.
    pub const fn overview_by_aspects(self) -> bool {
        matches!(self, TemplateId::F2021)
    }

    pub const ALL: [TemplateId; 2] = [TemplateId::F2019, TemplateId::F2021];

    /// The other format (the one a text is compared against).
    pub const fn other(self) -> TemplateId {
        match self {
            TemplateId::F2019 => TemplateId::F2021,
            TemplateId::F2021 => TemplateId::F2019,
        }
    }

    /// The format a report year must use (spec §0, rule Y6): ≤ 2020 → F2019, ≥ 2021 → F2021.
    pub const fn for_year(year: i32) -> TemplateId {
        if year <= 2020 {
            TemplateId::F2019
        } else {
            TemplateId::F2021
        }
    }

    /// Stable key used in JSON.
    pub const fn key(self) -> &'static str {
        match self {
            TemplateId::F2019 => "F2019",
            TemplateId::F2021 => "F2021",
        }
    }

    pub fn from_key(key: &str) -> Option<TemplateId> {
        TemplateId::ALL.into_iter().find(|t| t.key() == key)
    }

    /// How a person names it.
    pub const fn title(self) -> &'static str {
        match self {
            TemplateId::F2019 => "2019年版格式（试行，适用于2019、2020年度）",
            TemplateId::F2021 => "2021年版格式（适用于2021年度及以后）",
        }
    }

    /// Its short name, where the years it serves are said elsewhere.
    pub const fn short(self) -> &'static str {
        match self {
            TemplateId::F2019 => "2019年版格式",
            TemplateId::F2021 => "2021年版格式",
        }
    }

    /// The laid-out template.
    pub fn get(self) -> &'static Template {
        match self {
            TemplateId::F2019 => &F2019,
            TemplateId::F2021 => &F2021,
        }
    }
}

/// One of the three statistical tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TableId {
    /// 表二 under 二、主动公开政府信息情况
    Proactive,
    /// 表三 under 三、收到和处理政府信息公开申请情况
    Requests,
    /// 表四 under 四、政府信息公开行政复议、行政诉讼情况
    ReviewLitigation,
}

impl TableId {
    pub const ALL: [TableId; 3] = [
        TableId::Proactive,
        TableId::Requests,
        TableId::ReviewLitigation,
    ];

    /// Stable key used in JSON and element ids.
    pub const fn key(self) -> &'static str {
        match self {
            TableId::Proactive => "table2",
            TableId::Requests => "table3",
            TableId::ReviewLitigation => "table4",
        }
    }

    /// Short name used in messages: 表二, 表三, 表四.
    pub const fn name(self) -> &'static str {
        match self {
            TableId::Proactive => "表二",
            TableId::Requests => "表三",
            TableId::ReviewLitigation => "表四",
        }
    }

    pub const fn section(self) -> Section {
        match self {
            TableId::Proactive => Section::Proactive,
            TableId::Requests => Section::Requests,
            TableId::ReviewLitigation => Section::ReviewLitigation,
        }
    }

    const fn index(self) -> usize {
        self as usize
    }
}

/// Index of a data cell in its template (and in a report's value vector).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellId(pub u16);

impl CellId {
    pub const fn index(self) -> usize {
        self.0 as usize
    }
}

/// A data cell of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellDef {
    pub table: TableId,
    /// Row key, e.g. `denied.stateSecret`; in table 四 the group, e.g. `review`.
    pub row: &'static str,
    /// Column key, e.g. `natural`; in table 四 e.g. `maintain`.
    pub col: &'static str,
    pub kind: CellKind,
    /// Row labels from the outermost in, joined: 三、本年度办理结果（一）予以公开
    pub row_label: String,
    /// Column labels, joined by spaces: 法人或其他组织 商业企业
    pub col_label: String,
    /// Where the cell sits among its table's data cells, for keyboard
    /// movement and pasting: data row, first value column, columns spanned.
    pub pos: Pos,
}

/// A data cell's place in its table's value grid (label columns not counted).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Pos {
    pub row: u16,
    pub col: u16,
    pub span: u16,
}

impl CellDef {
    /// The accessible name: row labels, then column labels, e.g.
    /// 三、本年度办理结果（一）予以公开 自然人.
    pub fn name(&self) -> String {
        match (self.row_label.is_empty(), self.col_label.is_empty()) {
            (true, _) => self.col_label.clone(),
            (false, true) => format!("{}（不适用）", self.row_label),
            (false, false) => format!("{} {}", self.row_label, self.col_label),
        }
    }

    /// Stable id for element ids and the HTML export: `table3-denied.stateSecret-natural`.
    pub fn dom_id(&self) -> String {
        format!("{}-{}-{}", self.table.key(), self.row, self.col)
    }
}

/// What a header cell heads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The top-left cell over the row labels (表三's 勾稽关系 note).
    Corner,
    Col,
    ColGroup,
    Row,
    RowGroup,
    /// A block title spanning the whole grid (表二's 第二十条第（一）项).
    Title,
}

/// A label cell of the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeadCell {
    pub text: &'static str,
    pub rowspan: u16,
    pub colspan: u16,
    pub scope: Scope,
}

/// One cell of a body row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridCell {
    Head(HeadCell),
    Data { cell: CellId, colspan: u16 },
}

/// A laid-out table: header rows and body rows exactly as published.
#[derive(Clone, Debug)]
pub struct Table {
    pub id: TableId,
    /// Grid columns.
    pub width: u16,
    /// Grid columns taken by row labels.
    pub label_cols: u16,
    /// Header rows (`<thead>`); empty for 表二, whose headers sit in its blocks.
    pub head: Vec<Vec<HeadCell>>,
    pub body: Vec<Vec<GridCell>>,
    /// This table's cells in the template's cell list.
    pub cells: Range<usize>,
}

/// `total = Σ parts`, implied by a computed-total cell (T3-1, T3-2, T4-1…3).
#[derive(Clone, Debug)]
pub struct SumRule {
    pub rule: RuleId,
    pub total: CellId,
    pub parts: Vec<CellId>,
    /// In words, e.g. 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
    pub formula: String,
    /// Which row or column it is about, e.g. 行政复议 or 自然人.
    pub context: String,
}

/// An official format, laid out.
#[derive(Debug)]
pub struct Template {
    pub id: TemplateId,
    /// 表二, 表三, 表四.
    pub tables: [Table; 3],
    /// Every data cell of every table, in table and reading order.
    pub cells: Vec<CellDef>,
    /// The sums computed totals must equal.
    pub sums: Vec<SumRule>,
    index: HashMap<(TableId, &'static str, &'static str), CellId>,
}

impl Template {
    fn build(id: TemplateId, layouts: [Layout; 3]) -> Template {
        let mut cells = Vec::new();
        let mut sums = Vec::new();
        let built = TableId::ALL.map(|table| {
            let b = match layouts[table.index()] {
                Layout::Cross { corner, rows, cols } => {
                    layout::cross(table, corner, rows, cols, &mut cells)
                }
                Layout::Blocks {
                    width,
                    head_label,
                    blocks,
                } => layout::blocks(table, width, head_label, blocks, &mut cells),
            };
            sums.extend(b.sums);
            b.table
        });
        let index = cells
            .iter()
            .enumerate()
            .map(|(i, c)| ((c.table, c.row, c.col), CellId(i as u16)))
            .collect();
        Template {
            id,
            tables: built,
            cells,
            sums,
            index,
        }
    }

    pub fn table(&self, id: TableId) -> &Table {
        &self.tables[id.index()]
    }

    /// The cell at a row and column key, if this format has it.
    pub fn cell(&self, table: TableId, row: &str, col: &str) -> Option<CellId> {
        self.index.get(&(table, row, col)).copied()
    }

    /// The cell whose `CellDef::dom_id` is `id`, if this format has it.
    pub fn cell_by_dom_id(&self, id: &str) -> Option<CellId> {
        (0..self.cells.len())
            .map(|i| CellId(i as u16))
            .find(|c| self.def(*c).dom_id() == id)
    }

    pub fn def(&self, cell: CellId) -> &CellDef {
        &self.cells[cell.index()]
    }

    /// Every cell of a table.
    pub fn table_cells(&self, table: TableId) -> impl Iterator<Item = CellId> + '_ {
        self.table(table).cells.clone().map(|i| CellId(i as u16))
    }

    /// Row keys of a table in order (each once).
    pub fn row_keys(&self, table: TableId) -> Vec<&'static str> {
        let mut keys: Vec<&'static str> = Vec::new();
        for id in self.table_cells(table) {
            let row = self.def(id).row;
            if !keys.contains(&row) {
                keys.push(row);
            }
        }
        keys
    }
}

static F2019: LazyLock<Template> = LazyLock::new(|| {
    Template::build(
        TemplateId::F2019,
        [tables::T2_F2019, tables::T3_F2019, tables::T4],
    )
});

static F2021: LazyLock<Template> = LazyLock::new(|| {
    Template::build(
        TemplateId::F2021,
        [tables::T2_F2021, tables::T3_F2021, tables::T4],
    )
});

#[cfg(test)]
mod tests;
