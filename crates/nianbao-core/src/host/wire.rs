//! A request as it crosses from a module to the editor: a list of strings,
//! the request's name first, then its fields in order (a JS array of JS
//! strings on the page, so no text needs escaping). Read by hand, strictly:
//! an unknown name, a missing or extra field or a malformed number list is
//! `None`. A serde reader of the same enum cost the editor's first load
//! about 26 KB of code before shrinking.

use super::{DraftAction, Request};

impl Request {
    /// The request as its name and fields.
    pub fn to_fields(&self) -> Vec<String> {
        let own = |name: &str, fields: &[&str]| {
            let mut all = vec![name.to_owned()];
            all.extend(fields.iter().map(|f| (*f).to_owned()));
            all
        };
        match self {
            Request::OpenDraft { report, words } => own("openDraft", &[report, words]),
            Request::ReplaceDraft { report, file } => own("replaceDraft", &[report, file]),
            Request::LastYear { report, file } => own("lastYear", &[report, file]),
            Request::ImportFailed { why } => own("importFailed", &[why]),
            Request::FillTables { report } => own("fillTables", &[report]),
            Request::FillLedger { cells, remembered } => {
                own("fillLedger", &[&pairs_text(cells), remembered])
            }
            Request::ForgetLedger => own("forgetLedger", &[]),
            Request::Draft(action) => {
                let mut all = own("draft", &[]);
                all.extend(action.to_fields());
                all
            }
            Request::PortalExport => own("portalExport", &[]),
            Request::PortalLoad { report } => own("portalLoad", &[report]),
            Request::ReplaceTotals { cells } => own("replaceTotals", &[&cells_text(cells)]),
            Request::Explain { key, reason } => own("explain", &[key, reason]),
            Request::Unexplain { key } => own("unexplain", &[key]),
            Request::CheckReport => own("checkReport", &[]),
            Request::Write {
                cells,
                field,
                text,
                said,
            } => own("write", &[&cells_text(cells), field, text, said]),
            Request::Review { review, said } => own("officeReview", &[review, said]),
        }
    }

    /// A request read from its name and fields; `None` unless it is exactly one.
    pub fn from_fields(fields: Vec<String>) -> Option<Request> {
        let mut fields = fields.into_iter();
        let name = fields.next()?;
        if name == "draft" {
            return DraftAction::from_fields(fields.collect()).map(Request::Draft);
        }
        let n = fields.len();
        // Fields are taken in the order written (a struct expression's order).
        let mut one = || fields.next().unwrap_or_default();
        Some(match (name.as_str(), n) {
            ("openDraft", 2) => Request::OpenDraft {
                report: one(),
                words: one(),
            },
            ("replaceDraft", 2) => Request::ReplaceDraft {
                report: one(),
                file: one(),
            },
            ("lastYear", 2) => Request::LastYear {
                report: one(),
                file: one(),
            },
            ("importFailed", 1) => Request::ImportFailed { why: one() },
            ("fillTables", 1) => Request::FillTables { report: one() },
            ("fillLedger", 2) => Request::FillLedger {
                cells: read_pairs(&one())?,
                remembered: one(),
            },
            ("forgetLedger", 0) => Request::ForgetLedger,
            ("portalExport", 0) => Request::PortalExport,
            ("portalLoad", 1) => Request::PortalLoad { report: one() },
            ("replaceTotals", 1) => Request::ReplaceTotals {
                cells: read_cells(&one())?,
            },
            ("explain", 2) => Request::Explain {
                key: one(),
                reason: one(),
            },
            ("unexplain", 1) => Request::Unexplain { key: one() },
            ("checkReport", 0) => Request::CheckReport,
            ("write", 4) => Request::Write {
                cells: read_cells(&one())?,
                field: one(),
                text: one(),
                said: one(),
            },
            ("officeReview", 2) => Request::Review {
                review: one(),
                said: one(),
            },
            _ => return None,
        })
    }
}

impl DraftAction {
    fn to_fields(&self) -> Vec<String> {
        let (name, id, more) = match self {
            DraftAction::New => ("new", None, None),
            DraftAction::Open { id } => ("open", Some(id), None),
            DraftAction::Copy { id } => ("copy", Some(id), None),
            DraftAction::Rename { id, name } => ("rename", Some(id), Some(name)),
            DraftAction::Delete { id } => ("delete", Some(id), None),
            DraftAction::UndoDelete => ("undoDelete", None, None),
            DraftAction::LoadNewer => ("loadNewer", None, None),
            DraftAction::SaveAsCopy => ("saveAsCopy", None, None),
            DraftAction::DownloadBackup => ("downloadBackup", None, None),
            DraftAction::DownloadRaw { id } => ("downloadRaw", Some(id), None),
        };
        std::iter::once(name)
            .chain(id.map(String::as_str))
            .chain(more.map(String::as_str))
            .map(str::to_owned)
            .collect()
    }

    fn from_fields(fields: Vec<String>) -> Option<DraftAction> {
        let mut fields = fields.into_iter();
        let name = fields.next()?;
        let n = fields.len();
        let mut one = || fields.next().unwrap_or_default();
        Some(match (name.as_str(), n) {
            ("new", 0) => DraftAction::New,
            ("open", 1) => DraftAction::Open { id: one() },
            ("copy", 1) => DraftAction::Copy { id: one() },
            ("rename", 2) => DraftAction::Rename {
                id: one(),
                name: one(),
            },
            ("delete", 1) => DraftAction::Delete { id: one() },
            ("undoDelete", 0) => DraftAction::UndoDelete,
            ("loadNewer", 0) => DraftAction::LoadNewer,
            ("saveAsCopy", 0) => DraftAction::SaveAsCopy,
            ("downloadBackup", 0) => DraftAction::DownloadBackup,
            ("downloadRaw", 1) => DraftAction::DownloadRaw { id: one() },
            _ => return None,
        })
    }
}

/// Cell indexes as "3,7" ("" for none).
fn cells_text(cells: &[u16]) -> String {
    let all: Vec<String> = cells.iter().map(u16::to_string).collect();
    all.join(",")
}

/// (cell, count) pairs as "3:7,4:0".
fn pairs_text(cells: &[(u16, i64)]) -> String {
    let all: Vec<String> = cells.iter().map(|(c, v)| format!("{c}:{v}")).collect();
    all.join(",")
}

fn read_cells(text: &str) -> Option<Vec<u16>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    text.split(',').map(read_number).collect()
}

fn read_pairs(text: &str) -> Option<Vec<(u16, i64)>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    text.split(',')
        .map(|p| {
            let (c, v) = p.split_once(':')?;
            Some((read_number(c)?, read_number(v)?))
        })
        .collect()
}

/// Exactly what `to_string` writes: digits with no leading zero, a minus
/// before a count below zero.
fn read_number<T: std::str::FromStr>(text: &str) -> Option<T> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let canonical = match digits.as_bytes() {
        [] => false,
        [b'0'] => digits.len() == text.len(),
        [b'0', ..] => false,
        all => all.iter().all(u8::is_ascii_digit),
    };
    canonical.then(|| text.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        // Any text a person or a file can put in a field: separators, control
        // characters, CJK, nothing at all.
        prop_oneof![
            ".*",
            "[,:\\-0-9]*",
            Just(String::new()),
            "[\\x00-\\x1f，：、]{0,8}"
        ]
    }

    fn request() -> impl Strategy<Value = Request> {
        let cells = proptest::collection::vec(any::<u16>(), 0..30);
        let pairs = proptest::collection::vec((any::<u16>(), any::<i64>()), 0..30);
        prop_oneof![
            (text(), text()).prop_map(|(report, words)| Request::OpenDraft { report, words }),
            (text(), text()).prop_map(|(report, file)| Request::ReplaceDraft { report, file }),
            (text(), text()).prop_map(|(report, file)| Request::LastYear { report, file }),
            text().prop_map(|why| Request::ImportFailed { why }),
            text().prop_map(|report| Request::FillTables { report }),
            (pairs, text())
                .prop_map(|(cells, remembered)| Request::FillLedger { cells, remembered }),
            Just(Request::ForgetLedger),
            text().prop_map(|id| Request::Draft(DraftAction::Open { id })),
            (text(), text())
                .prop_map(|(id, name)| Request::Draft(DraftAction::Rename { id, name })),
            text().prop_map(|id| Request::Draft(DraftAction::DownloadRaw { id })),
            Just(Request::Draft(DraftAction::UndoDelete)),
            Just(Request::PortalExport),
            text().prop_map(|report| Request::PortalLoad { report }),
            cells
                .clone()
                .prop_map(|cells| Request::ReplaceTotals { cells }),
            (text(), text()).prop_map(|(key, reason)| Request::Explain { key, reason }),
            text().prop_map(|key| Request::Unexplain { key }),
            Just(Request::CheckReport),
            (cells, text(), text(), text()).prop_map(|(cells, field, text, said)| {
                Request::Write {
                    cells,
                    field,
                    text,
                    said,
                }
            }),
            (text(), text()).prop_map(|(review, said)| Request::Review { review, said }),
        ]
    }

    /// Cases per property: 5,000 in the test command, more from
    /// `scripts/fuzz-readers.sh` (`REQUEST_CASES`).
    fn cases() -> u32 {
        std::env::var("REQUEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(5000)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(cases()))]

        /// Whatever the fields hold, the editor reads the request that was sent.
        #[test]
        fn every_request_reads_back_as_sent(r in request()) {
            prop_assert_eq!(Request::from_fields(r.to_fields()), Some(r));
        }

        /// A field more or less is never read as another request.
        #[test]
        fn a_request_missing_or_with_an_extra_field_is_refused(r in request(), extra in text()) {
            let fields = r.to_fields();
            let mut more = fields.clone();
            more.push(extra);
            prop_assert_eq!(Request::from_fields(more), None);
            if fields.len() > 1 {
                let mut fewer = fields;
                fewer.pop();
                prop_assert_eq!(Request::from_fields(fewer), None);
            }
        }

        /// Number lists are what `to_fields` writes, or nothing.
        #[test]
        fn a_number_list_is_read_exactly_or_refused(t in "[0-9,:+ \\-]{0,12}") {
            if let Some(cells) = read_cells(&t) {
                prop_assert_eq!(cells_text(&cells), t.clone());
            }
            if let Some(pairs) = read_pairs(&t) {
                prop_assert_eq!(pairs_text(&pairs), t);
            }
        }
    }

    #[test]
    fn unknown_names_and_malformed_lists_are_refused() {
        let f = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        for bad in [
            f(&[]),
            f(&["somethingElse"]),
            f(&["OpenDraft", "{}", "已打开"]),
            f(&["draft"]),
            f(&["draft", "open"]),
            f(&["draft", "new", "x"]),
            f(&["replaceTotals", "1,,2"]),
            f(&["replaceTotals", "1,70000"]),
            f(&["replaceTotals", "+1"]),
            f(&["fillLedger", "3:x", ""]),
            f(&["fillLedger", "3", ""]),
            f(&["write", "", "f", "t"]),
        ] {
            assert_eq!(Request::from_fields(bad.clone()), None, "{bad:?}");
        }
        assert_eq!(
            Request::from_fields(f(&["fillLedger", "3:-7,4:0", "m"])),
            Some(Request::FillLedger {
                cells: vec![(3, -7), (4, 0)],
                remembered: "m".into()
            })
        );
    }
}
