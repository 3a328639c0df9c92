//! A stored draft: the report's envelope with what storage needs around it —
//! a name, when it was saved, and a revision counter that lets two windows
//! on one draft notice each other instead of overwriting.

use serde::{Deserialize, Serialize};

use super::typed::{envelope_report, head, text_of, typed_error, DocHead, Unique};
use super::{to_envelope, DecodeError, Envelope};
use crate::edit::journal::{prune, Unparsed};
use crate::report::Report;

/// The `schema` value of a stored draft.
pub const DRAFT_SCHEMA: &str = "nianbao.draft";
/// The version of the draft wrapper this build writes.
pub const DRAFT_VERSION: u32 = 1;

/// A draft as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// A name the user gave it; empty means "use the report's title".
    pub name: String,
    /// Bumped by every save; a window saves only over the revision it knows.
    pub revision: u64,
    /// When it was saved, in milliseconds since 1970 (the caller's clock).
    pub saved_at_ms: f64,
    pub report: Report,
    /// Last year's report, when the user imported it for the cross-year checks.
    pub previous: Option<Report>,
    /// Text typed into cells that did not parse, kept as typed (by cell id).
    pub unparsed: Unparsed,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DraftDoc {
    schema: String,
    schema_version: u32,
    name: String,
    revision: u64,
    saved_at: f64,
    document: Envelope,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    previous: Option<Envelope>,
    #[serde(default, skip_serializing_if = "Unparsed::is_empty")]
    unparsed: Unparsed,
    /// Totals typed, pasted or imported (by cell id), never recomputed.
    /// Always written: a draft without it is from before totals had origins.
    #[serde(default)]
    entered_totals: Vec<String>,
}

impl Draft {
    /// The revision of a stored draft, reading only its head. Refuses like
    /// `from_json` a foreign, newer or malformed entry.
    pub fn peek_revision(text: &str) -> Result<u64, DecodeError> {
        DraftHead::read(text_of(text)?)?
            .revision
            .ok_or_else(|| DecodeError::Structure("缺少修订号（revision）。".into()))
    }

    /// The name to show: the given one, else the report's title.
    pub fn display_name(&self) -> String {
        let name = self.name.trim();
        if !name.is_empty() {
            return name.to_owned();
        }
        if self.report.agency.name.trim().is_empty() {
            format!("{}年度报告（未填机关名称）", self.report.year)
        } else {
            self.report.title()
        }
    }

    pub fn to_json(&self) -> String {
        let doc = DraftDoc {
            schema: DRAFT_SCHEMA.to_owned(),
            schema_version: DRAFT_VERSION,
            name: self.name.clone(),
            revision: self.revision,
            saved_at: self.saved_at_ms,
            document: to_envelope(&self.report),
            previous: self.previous.as_ref().map(to_envelope),
            unparsed: self.unparsed.clone(),
            entered_totals: self
                .report
                .entered_totals()
                .map(|c| self.report.template().def(c).dom_id())
                .collect(),
        };
        serde_json::to_string(&doc).expect("drafts always serialise")
    }

    /// Reads a stored draft. A newer wrapper or report version is refused
    /// with `DecodeError::NewerVersion`, so the caller can leave it alone.
    /// Drafts are only ever written by this app: they are read straight into
    /// their types (`typed`), without the file reader's JSON tree.
    pub fn from_json(text: &str) -> Result<Draft, DecodeError> {
        let text = text_of(text)?;
        DraftHead::read(text)?;
        let doc: DraftIn = serde_json::from_str(text).map_err(|e| typed_error(&e))?;
        let mut report = envelope_report(doc.document)?;
        // Saved with its totals' origins: take them as they were; an older
        // draft keeps the reading of any document (disagreeing = entered).
        if let Some(list) = doc.entered_totals {
            let t = report.template();
            let cells: Vec<_> = list.iter().filter_map(|id| t.cell_by_dom_id(id)).collect();
            report.clear_entered();
            for c in cells {
                report.set_entered(c, true);
            }
        }
        let previous = doc.previous.map(envelope_report).transpose()?;
        let mut unparsed = Unparsed::new();
        if let Some(map) = doc.unparsed {
            for (k, text) in map.0 {
                unparsed.insert(k, text.chars().take(1000).collect());
            }
            prune(&report, &mut unparsed);
        }
        Ok(Draft {
            name: doc.name,
            revision: doc.revision,
            saved_at_ms: doc.saved_at,
            report,
            previous,
            unparsed,
        })
    }
}

/// A stored draft as read (`DraftDoc` as written, fields a draft written
/// before them lacks defaulted).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DraftIn {
    #[allow(dead_code)]
    schema: String,
    #[allow(dead_code)]
    schema_version: u64,
    #[serde(default)]
    name: String,
    revision: u64,
    #[serde(default)]
    saved_at: f64,
    document: Envelope,
    #[serde(default)]
    previous: Option<Envelope>,
    #[serde(default)]
    unparsed: Option<Unique<String>>,
    #[serde(default)]
    entered_totals: Option<Vec<String>>,
}

/// What decides whether a stored text is read on: its kind and versions.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct DraftHead {
    #[serde(default)]
    schema: Option<String>,
    #[serde(default)]
    revision: Option<u64>,
    #[serde(default)]
    schema_version: Option<u64>,
    #[serde(default)]
    document: Option<DocHead>,
    #[serde(default)]
    previous: Option<DocHead>,
}

impl DraftHead {
    /// The head of `text`, refusing a foreign entry or a newer or invalid
    /// version of the draft or of a report inside it.
    fn read(text: &str) -> Result<DraftHead, DecodeError> {
        let head: DraftHead = head(text)?;
        if head.schema.as_deref() != Some(DRAFT_SCHEMA) {
            return Err(DecodeError::NotOurs);
        }
        match head.schema_version {
            None | Some(0) => return Err(DecodeError::BadVersion),
            Some(v) if v > u64::from(DRAFT_VERSION) => {
                return Err(DecodeError::NewerVersion { found: v })
            }
            Some(_) => {}
        }
        // A report inside is refused on its own version before its fields.
        head.document
            .as_ref()
            .ok_or_else(|| DecodeError::Structure("缺少报告内容（document）。".into()))?
            .check()?;
        if let Some(previous) = &head.previous {
            previous.check()?;
        }
        Ok(head)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::TableId;

    fn draft() -> Draft {
        let mut report = Report::new(2024);
        report.agency.name = "东里街道办事处".into();
        report.set_value(TableId::Requests, "granted", "natural", Some(0));
        report.problems = "“引号”与<b>标记</b>\n换行".into();
        Draft {
            name: String::new(),
            revision: 7,
            saved_at_ms: 1_764_000_000_000.0,
            report,
            previous: Some(Report::new(2023)),
            unparsed: [("table3-granted-research".to_owned(), "12a".to_owned())].into(),
        }
    }

    #[test]
    fn a_draft_round_trips_blank_and_zero_apart() {
        let d = draft();
        let back = Draft::from_json(&d.to_json()).unwrap();
        assert_eq!(back, d);
        assert_eq!(
            back.report.value(TableId::Requests, "granted", "natural"),
            Some(0)
        );
        assert_eq!(
            back.report.value(TableId::Requests, "granted", "research"),
            None
        );
        assert_eq!(
            back.display_name(),
            "东里街道办事处2024年政府信息公开工作年度报告"
        );
    }

    #[test]
    fn the_revision_is_read_from_the_head_alone() {
        let text = draft().to_json();
        assert_eq!(Draft::peek_revision(&text), Ok(7));
        let newer = text.replace(
            "\"schemaVersion\":1,\"name\"",
            "\"schemaVersion\":2,\"name\"",
        );
        assert_eq!(
            Draft::peek_revision(&newer),
            Err(DecodeError::NewerVersion { found: 2 })
        );
        assert!(matches!(
            Draft::peek_revision(&text[..text.len() / 2]),
            Err(DecodeError::NotJson { .. })
        ));
        assert!(Draft::peek_revision("{\"a\":1}").is_err());
    }

    #[test]
    fn newer_and_foreign_entries_are_refused_not_misread() {
        let text = draft().to_json().replace(
            "\"schemaVersion\":1,\"name\"",
            "\"schemaVersion\":2,\"name\"",
        );
        assert_eq!(
            Draft::from_json(&text),
            Err(DecodeError::NewerVersion { found: 2 })
        );
        let inner_newer = draft().to_json().replace(
            &format!(
                "\"schemaVersion\":{},\"template\"",
                crate::json::CURRENT_VERSION
            ),
            "\"schemaVersion\":9,\"template\"",
        );
        assert_eq!(
            Draft::from_json(&inner_newer),
            Err(DecodeError::NewerVersion { found: 9 })
        );
        assert_eq!(Draft::from_json("{\"a\":1}"), Err(DecodeError::NotOurs));
        assert!(matches!(
            Draft::from_json("{\"schema\":\"nianbao.draft\""),
            Err(DecodeError::NotJson { .. })
        ));
    }
}
