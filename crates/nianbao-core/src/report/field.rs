//! The report's fields outside the tables (agency, dates, each section's
//! text, the fee figures): their ids, sections and names, for findings and
//! the form.

use super::{Aspect, FEE};
use crate::section::Section;

/// A field outside the tables, for findings and the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    AgencyName,
    AgencyKind,
    Region,
    Year,
    SignedDate,
    OverviewText,
    Aspect(Aspect),
    Part(usize),
    Problems,
    OtherText,
    FeeNotices,
    FeeBilled,
    FeeCollected,
}

impl Field {
    /// Stable key for element ids and undo merging.
    pub fn key(self) -> String {
        match self {
            Field::AgencyName => "agency-name".into(),
            Field::AgencyKind => "agency-kind".into(),
            Field::Region => "agency-region".into(),
            Field::Year => "year".into(),
            Field::SignedDate => "signed-date".into(),
            Field::OverviewText => "overview-text".into(),
            Field::Aspect(a) => format!("overview-{}", a.key()),
            Field::Part(i) => format!("overview-part-{i}"),
            Field::Problems => "problems".into(),
            Field::OtherText => "other-text".into(),
            Field::FeeNotices => "fee-notices".into(),
            Field::FeeBilled => "fee-billed".into(),
            Field::FeeCollected => "fee-collected".into(),
        }
    }

    pub fn section(self) -> Section {
        match self {
            Field::Problems => Section::Problems,
            Field::OtherText | Field::FeeNotices | Field::FeeBilled | Field::FeeCollected => {
                Section::Other
            }
            _ => Section::Overview,
        }
    }

    /// A 信息处理费 figure's own label, as the published table heads it
    /// (`None` for other fields). The one declaration the form, the rules,
    /// the JSON reader and the HTML export all read.
    pub const fn fee_label(self) -> Option<&'static str> {
        match self {
            Field::FeeNotices => Some("收费通知件数"),
            Field::FeeBilled => Some("应收金额（元）"),
            Field::FeeCollected => Some("实收金额（元）"),
            _ => None,
        }
    }

    /// The kind of value a 信息处理费 figure holds (`None` for other fields).
    pub const fn fee_kind(self) -> Option<crate::cell::CellKind> {
        use crate::cell::{CellKind, MoneyUnit};
        match self {
            Field::FeeNotices => Some(CellKind::Count),
            Field::FeeBilled | Field::FeeCollected => Some(CellKind::Money(MoneyUnit::Yuan)),
            _ => None,
        }
    }

    /// How a person names the field.
    pub fn label(self) -> String {
        match self {
            Field::AgencyName => "机关名称".into(),
            Field::AgencyKind => "机关类型".into(),
            Field::Region => "所在地区".into(),
            Field::Year => "报告年度".into(),
            Field::SignedDate => "落款日期".into(),
            Field::OverviewText => Section::Overview.heading().into(),
            Field::Aspect(a) => format!("{}{}", Section::Overview.heading(), a.title()),
            Field::Part(i) => format!("{} 第{}个小标题", Section::Overview.heading(), i + 1),
            Field::Problems => Section::Problems.heading().into(),
            Field::OtherText => Section::Other.heading().into(),
            fee => format!("{FEE} {}", fee.fee_label().unwrap_or_default()),
        }
    }
}
