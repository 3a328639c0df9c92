//! The postMessage protocol between the app and a portal that embeds it, as
//! serde types: what the app sends (each with `source: "nianbao"` and its
//! `type`) and what it takes. Nothing else is read from a message.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// The `source` of every message the app sends.
pub const SOURCE: &str = "nianbao";

/// A message to the portal.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Outgoing {
    /// The app is listening.
    Ready { version: String },
    /// The report changed: its counts and whether it is saved.
    #[serde(rename_all = "camelCase")]
    Changed {
        errors: usize,
        warnings: usize,
        save_status: String,
    },
    /// The report left the app (a download, or the portal's `export`): its
    /// JSON envelope, the export-stage counts in it (passed through as
    /// written, never parsed into a tree).
    Exported { report: Box<RawValue> },
    /// The portal's report was loaded.
    Loaded,
    /// The portal's request could not be done, in words.
    Error { message: String },
}

#[derive(Serialize)]
struct Envelope<'a> {
    source: &'static str,
    #[serde(flatten)]
    message: &'a Outgoing,
}

impl Outgoing {
    /// The report's JSON envelope (the app's own export) as `exported`.
    pub fn exported(report_json: &str) -> Outgoing {
        let report = RawValue::from_string(report_json.to_owned())
            .unwrap_or_else(|_| RawValue::from_string("null".to_owned()).expect("null is JSON"));
        Outgoing::Exported { report }
    }

    /// It as the JSON the portal receives.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&Envelope {
            source: SOURCE,
            message: self,
        })
        .unwrap_or_default()
    }
}

/// A message from the portal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// Run the export stage and send the report back (`exported`).
    Export,
    /// Replace the open report with this one (its JSON text, read like an
    /// imported file; none is `null`, refused in words like any unreadable
    /// report).
    Load { report: String },
}

#[derive(Deserialize)]
struct Head<'a> {
    #[serde(rename = "type", borrow)]
    kind: std::borrow::Cow<'a, str>,
}

#[derive(Deserialize)]
struct Load<'a> {
    #[serde(borrow)]
    report: Option<&'a RawValue>,
}

impl Incoming {
    /// A message's JSON read; `None` for anything that is not one of these.
    pub fn read(json: &str) -> Option<Incoming> {
        let head: Head = serde_json::from_str(json).ok()?;
        match head.kind.as_ref() {
            "export" => Some(Incoming::Export),
            "load" => {
                let load: Load = serde_json::from_str(json).ok()?;
                Some(Incoming::Load {
                    report: load.report.map_or("null", RawValue::get).to_owned(),
                })
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_out_carry_the_source_and_type_and_in_only_the_known_are_read() {
        let changed = Outgoing::Changed {
            errors: 2,
            warnings: 0,
            save_status: "saved".into(),
        };
        assert_eq!(
            changed.to_json(),
            r#"{"source":"nianbao","type":"changed","errors":2,"warnings":0,"saveStatus":"saved"}"#
        );
        assert_eq!(
            Outgoing::Loaded.to_json(),
            r#"{"source":"nianbao","type":"loaded"}"#
        );
        let said = Outgoing::Error {
            message: "报告年度\"错\"</script>".into(),
        };
        let back: serde_json::Value = serde_json::from_str(&said.to_json()).unwrap();
        assert_eq!(back["message"], "报告年度\"错\"</script>");
        let out = Outgoing::exported(r#"{"schema":"nianbao.report","report":{"year":2025}}"#);
        let back: serde_json::Value = serde_json::from_str(&out.to_json()).unwrap();
        assert_eq!(back["report"]["report"]["year"], 2025);
        assert_eq!(
            Incoming::read(r#"{"type":"export","source":"portal"}"#),
            Some(Incoming::Export)
        );
        assert_eq!(
            Incoming::read(r#"{"type":"load","report":{"a":1}}"#),
            Some(Incoming::Load {
                report: r#"{"a":1}"#.to_owned()
            })
        );
        assert_eq!(Incoming::read(r#"{"type":"delete"}"#), None);
        assert_eq!(
            Incoming::read(r#"{"type":"load"}"#),
            Some(Incoming::Load {
                report: "null".to_owned()
            })
        );
        assert_eq!(Incoming::read("[]"), None);
    }
}
