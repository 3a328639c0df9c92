//! The typing journal: every keystroke's result is written at once as a
//! small entry — a cell or text field and its raw text — and folded into the
//! draft at the next save, or at the next start when the browser died first.
//! Cell text that does not parse is kept as typed, beside a blank value.

use std::collections::BTreeMap;

use crate::cell::parse_cell;
use crate::report::{Aspect, Field, Report};
use crate::template::CellId;

/// Raw text of cells that did not parse, by `CellDef::dom_id`.
pub type Unparsed = BTreeMap<String, String>;

/// What a journal key names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Cell(CellId),
    Text(Field),
    /// A 信息处理费 figure: a number typed like a cell.
    Fee(Field),
}

/// The 信息处理费 figure a `Field::key` names.
fn fee_field(key: &str) -> Option<Field> {
    [Field::FeeNotices, Field::FeeBilled, Field::FeeCollected]
        .into_iter()
        .find(|f| f.key() == key)
}

/// The text field a `Field::key` names (only fields that hold text).
pub fn text_field(key: &str) -> Option<Field> {
    let field = match key {
        "agency-name" => Field::AgencyName,
        "agency-region" => Field::Region,
        "overview-text" => Field::OverviewText,
        "problems" => Field::Problems,
        "other-text" => Field::OtherText,
        _ => {
            if let Some(i) = key.strip_prefix("overview-part-") {
                Field::Part(i.parse().ok()?)
            } else {
                let a = key.strip_prefix("overview-")?;
                Field::Aspect(Aspect::ALL.into_iter().find(|x| x.key() == a)?)
            }
        }
    };
    (field.key() == key).then_some(field)
}

/// What `key` names in `report`'s format, if anything.
pub fn target(report: &Report, key: &str) -> Option<Target> {
    if let Some(cell) = report.template().cell_by_dom_id(key) {
        return Some(Target::Cell(cell));
    }
    if let Some(f) = fee_field(key) {
        return Some(Target::Fee(f));
    }
    text_field(key).map(Target::Text)
}

/// Writes one typed cell's raw text into the report: the parsed value, or a
/// blank value with the text kept in `unparsed`.
pub fn type_cell(report: &mut Report, unparsed: &mut Unparsed, cell: CellId, raw: &str) {
    let def = report.template().def(cell);
    let key = def.dom_id();
    match parse_cell(raw, def.kind) {
        Ok(v) => {
            unparsed.remove(&key);
            report.set(cell, v);
        }
        Err(_) => {
            unparsed.insert(key, raw.to_owned());
            report.set(cell, None);
        }
    }
    // A total someone typed is data (spec §8.8).
    report.set_entered(cell, true);
}

/// What a person typed into a 信息处理费 figure, with the same policy as a
/// cell: the parsed value, or a blank value with the text kept.
pub fn type_fee(report: &mut Report, unparsed: &mut Unparsed, field: Field, raw: &str) {
    let Some(kind) = field.fee_kind() else {
        return;
    };
    match parse_cell(raw, kind) {
        Ok(v) => {
            unparsed.remove(&field.key());
            report.set_fee(field, v);
        }
        Err(_) => {
            unparsed.insert(field.key(), raw.to_owned());
            report.set_fee(field, None);
        }
    }
}

/// Drops kept text of cells and figures that now hold a value or do not exist.
pub fn prune(report: &Report, unparsed: &mut Unparsed) {
    let t = report.template();
    unparsed.retain(|k, _| match fee_field(k) {
        Some(f) => report.template_id().has_info_fee() && report.fee(f).is_none(),
        None => t.cell_by_dom_id(k).is_some_and(|c| report.get(c).is_none()),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::document::replay;
    use crate::template::TableId;

    #[test]
    fn typed_cells_and_texts_replay_and_unparsed_text_is_kept() {
        let mut r = Report::new(2024);
        let mut u = Unparsed::new();
        let n = replay(
            &mut r,
            &mut u,
            [
                ("table3-newReceived-natural", "1234"),
                ("table3-newReceived-commercial", "12a"),
                ("overview-text", "总述"),
                ("overview-onRequest", "依申请"),
                ("nowhere", "x"),
                ("fee-billed", "12.5元"),
                ("fee-notices", "三件"),
            ],
        );
        assert_eq!(n, 6);
        assert_eq!(r.other.fee.billed, Some(125_000));
        assert_eq!(r.other.fee.notices, None);
        assert_eq!(u.get("fee-notices").map(String::as_str), Some("三件"));
        prune(&r, &mut u);
        assert!(
            u.contains_key("fee-notices"),
            "kept while the figure is blank"
        );
        replay(&mut r, &mut u, [("fee-notices", "3")]);
        assert!(!u.contains_key("fee-notices"));
        assert_eq!(
            r.value(TableId::Requests, "newReceived", "natural"),
            Some(1234)
        );
        assert_eq!(
            r.value(TableId::Requests, "newReceived", "commercial"),
            None
        );
        assert_eq!(
            u.get("table3-newReceived-commercial").map(String::as_str),
            Some("12a")
        );
        assert_eq!(r.overview.text, "总述");
        assert_eq!(r.overview.aspects[Aspect::OnRequest.index()], "依申请");
        // Typing a number over kept text drops it.
        replay(&mut r, &mut u, [("table3-newReceived-commercial", "3")]);
        assert!(u.is_empty());
        u.insert("table3-newReceived-research".into(), "x".into());
        r.set_value(TableId::Requests, "newReceived", "research", Some(1));
        prune(&r, &mut u);
        assert!(u.is_empty());
    }

    #[test]
    fn every_text_field_key_names_its_field() {
        for f in [
            Field::AgencyName,
            Field::Region,
            Field::OverviewText,
            Field::Problems,
            Field::OtherText,
            Field::Part(3),
        ]
        .into_iter()
        .chain(Aspect::ALL.map(Field::Aspect))
        {
            assert_eq!(text_field(&f.key()), Some(f));
        }
        assert_eq!(text_field("year"), None);
    }
}
