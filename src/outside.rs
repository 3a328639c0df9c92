//! Findings from outside the report's own checks, shown like the others:
//! the office's 退回意见 (R1; imported, kept under the drafts' namespace, a
//! reload keeps it) and the deployment's local rule pack (L1; declared in
//! `index.html` as `<script type="application/json" id="nianbao-rules">`,
//! beside the embedding trust). The checks module reads both and checks the
//! report with them each time the checks run; a broken pack is refused in
//! words and the page works on. With neither, nothing is loaded.

use std::cell::RefCell;

use leptos::prelude::*;
use nianbao_core::edit::journal::text_field;
use nianbao_core::json::to_json_compact;
use nianbao_core::rules::{Finding, RuleId, Severity};
use nianbao_core::template::CellId;

use crate::session::Session;
use crate::state::{Editor, Notice};

/// The element a deployment declares its pack in.
pub const ELEMENT: &str = "nianbao-rules";
/// Where the 退回意见 is kept (a setting of the namespace).
const SETTING: &str = "office-review";
const MODULE: &str = "./nianbao_check.js";

/// Between the fields of a finding and between findings in the module's
/// answer (control characters: never in its text, which the module cleans).
const UNIT: char = '\u{1f}';
const RECORD: char = '\u{1e}';

thread_local! {
    /// The 退回意见 file as imported (empty: none).
    static REVIEW: RefCell<String> = const { RefCell::new(String::new()) };
    /// Runs the checks from outside again (a 退回意见 came).
    static AGAIN: RefCell<Option<Trigger>> = const { RefCell::new(None) };
}

/// The kept 退回意见 file (empty: none).
pub fn review() -> String {
    REVIEW.with_borrow(String::clone)
}

/// The pack's JSON as declared, if any.
pub fn declared() -> Option<String> {
    let text = document().get_element_by_id(ELEMENT)?.text_content()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// A 退回意见 the import module read (strictly): kept, shown, said.
pub fn take(session: Session, review: &str, said: String) -> Notice {
    session.set_setting(SETTING, review);
    REVIEW.set(review.to_owned());
    AGAIN.with_borrow(|t| t.as_ref().map(|t| t.notify()));
    Notice::Imported(said)
}

/// One finding of the module's answer: rule, cells, field keys, formula,
/// message (read by hand: no parser in the first load for it).
fn finding(record: &str) -> Option<Finding> {
    let mut parts = record.split(UNIT);
    let rule = parts.next()?;
    let list = |s: &str| {
        s.split(',')
            .filter(|x| !x.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let cells = list(parts.next()?)
        .iter()
        .filter_map(|c| c.parse().ok())
        .map(CellId)
        .collect();
    let fields = list(parts.next()?)
        .iter()
        .filter_map(|k| text_field(k))
        .collect();
    Some(Finding {
        rule: if rule == RuleId::R1.code() {
            RuleId::R1
        } else {
            RuleId::L1
        },
        severity: Severity::Warning,
        cells,
        fields,
        formula: parts.next()?.to_owned(),
        sides: None,
        message: parts.next()?.to_owned(),
        quote: None,
    })
}

/// Checks the report from outside each time the checks run, for the page's
/// life.
pub fn follow(editor: Editor, session: Session) {
    REVIEW.set(session.setting(SETTING).unwrap_or_default());
    let again = Trigger::new();
    AGAIN.set(Some(again));
    let pack = StoredValue::new(declared().unwrap_or_default());
    Effect::new(move |_| {
        editor.track_checks();
        again.track();
        let review = review();
        if pack.with_value(String::is_empty) && review.is_empty() {
            return;
        }
        let report = editor.with_report_untracked(to_json_compact);
        let args = [pack.get_value().into(), review.into(), report.into()];
        leptos::task::spawn_local(async move {
            let said = crate::files::module_call(MODULE, "outside", &args)
                .await
                .and_then(|v| v.as_string().ok_or_else(String::new));
            match said {
                Ok(text) => {
                    // The pack's refusal first (empty: none), then the findings.
                    let mut records = text.split(RECORD);
                    let refused = records.next().unwrap_or_default();
                    if !refused.is_empty() {
                        // Said once; the page goes on without it.
                        pack.set_value(String::new());
                        editor.notice.set(Some(Notice::Problem(refused.to_owned())));
                    }
                    let found: Vec<Finding> = records.filter_map(finding).collect();
                    if editor.outside.with_untracked(|o| *o != found) {
                        editor.outside.set(found);
                    }
                }
                Err(why) => editor.notice.set(Some(Notice::Problem(why))),
            }
        });
    });
}
