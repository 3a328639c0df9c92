//! What the import dialog says about a file before anything changes: for a
//! report, its checks as the editor will count them after 替换 (with last
//! year's report); for a published report, the errors its printed figures
//! break at the export stage (its counts would mislead: cells are left blank
//! where nothing was placed). Each checked once.

use crate::report::Report;
use crate::rules::{counts, validate, Context, Severity, Stage};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    /// Errors and warnings as the editor will count them (a report).
    pub counts: Option<(usize, usize)>,
    /// The errors the printed figures break, in words (a published report).
    pub printed_errors: Vec<String>,
}

/// The preview of `report` read from a file (`published`: recognised from
/// a published report's text), with last year's report if one is loaded.
pub fn preview(report: &Report, previous: Option<&Report>, published: bool) -> Preview {
    if published {
        let ctx = Context {
            stage: Stage::Export,
            ..Context::default()
        };
        Preview {
            counts: None,
            printed_errors: validate(report, &ctx)
                .into_iter()
                .filter(|f| f.severity == Severity::Error)
                .map(|f| f.message)
                .collect(),
        }
    } else {
        let ctx = Context {
            previous,
            ..Context::default()
        };
        Preview {
            counts: Some(counts(&validate(report, &ctx))),
            printed_errors: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{keys as key, TableId};

    #[test]
    fn a_report_is_counted_and_a_published_one_lists_its_printed_errors() {
        let mut r = Report::new(2025);
        r.set_value(TableId::Requests, key::NEW_RECEIVED, key::NATURAL, Some(3));
        r.set_value(TableId::Requests, key::NEW_RECEIVED, key::TOTAL, Some(4));
        let p = preview(&r, None, false);
        let (errors, _) = p.counts.expect("counted");
        assert!(errors > 0 && p.printed_errors.is_empty());
        let p = preview(&r, None, true);
        assert!(p.counts.is_none());
        assert!(
            p.printed_errors.iter().any(|e| e.contains("总计")),
            "{:?}",
            p.printed_errors
        );
    }
}
