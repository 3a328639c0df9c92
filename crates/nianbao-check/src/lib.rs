//! The error summary and 发布前检查清单 as a module of its own, loaded the
//! first time 检查 (or an export) shows every finding — the editor's bundle
//! carries neither. The editor calls `mount` once with an element to draw
//! into, then `update` with the report whenever what the summary shows may
//! have changed; the summary checks it at the export stage itself (what the
//! editor shows once every finding shows). What the person does — 用计算值替换,
//! a reason, 下载体检报告 — goes back to the editor through `nianbao_web::host`.

mod acts;
mod summary;

use std::cell::Cell;

use leptos::prelude::*;
use nianbao_core::json::read_current;
use nianbao_core::local_rules::{check_pack, read_pack, Pack};
use nianbao_core::rules::{validate, Context, Finding, Stage};
use nianbao_core::Report;
use wasm_bindgen::prelude::wasm_bindgen;

/// What the summary shows: the report as checked, and what the checks found.
#[derive(Clone, Debug, PartialEq)]
struct Checked {
    report: Report,
    findings: Vec<Finding>,
}

/// The summary's state once mounted.
#[derive(Clone, Copy)]
struct Shown {
    /// None: not checked (the summary is not on the page).
    checked: RwSignal<Option<Checked>>,
    read_only: RwSignal<bool>,
}

thread_local! {
    static SHOWN: Cell<Option<Shown>> = const { Cell::new(None) };
    /// The deployment's local rule pack, once read (`localRules`).
    static PACK: std::cell::RefCell<Option<(String, Pack)>> = const { std::cell::RefCell::new(None) };
}

/// The summary's state, made by whichever call comes first: an `update`
/// that overtook `mount` on the way (both wait for the module's start) is
/// shown once the summary is drawn.
fn shown() -> Shown {
    SHOWN.get().unwrap_or_else(|| {
        let shown = Shown {
            checked: RwSignal::new(None),
            read_only: RwSignal::new(false),
        };
        SHOWN.set(Some(shown));
        shown
    })
}

/// Draws the summary's place into `root`, for the page's life.
#[wasm_bindgen]
pub fn mount(root: web_sys::HtmlElement) {
    let shown = shown();
    leptos::mount::mount_to(root, move || summary::error_summary(shown)).forget();
}

/// The report (the app's JSON; empty takes the summary away), last year's
/// (JSON or empty), whether the page is view-only, whether to take the
/// person to the summary (after 检查), and the office's 退回意见 (its file,
/// or empty) whose open comments are listed with the rest.
#[wasm_bindgen]
pub fn update(
    report: String,
    previous: String,
    read_only: bool,
    focus: bool,
    review: String,
) -> Result<(), String> {
    let checked = if report.is_empty() {
        None
    } else {
        let mut c = check(&report, &previous)?;
        if let Ok(r) = nianbao_core::review::read(&review) {
            c.findings.extend(r.findings(&c.report));
        }
        Some(c)
    };
    let shown = shown();
    shown.read_only.set(read_only);
    shown.checked.set(checked);
    if focus {
        request_animation_frame(|| nianbao_web::page::focus_id("error-summary"));
    }
    Ok(())
}

/// Reads both reports and runs the export stage's checks.
fn check(report: &str, previous: &str) -> Result<Checked, String> {
    let report = read_current(report).map_err(|e| e.to_string())?;
    let previous = match previous {
        "" => None,
        text => Some(read_current(text).map_err(|e| e.to_string())?),
    };
    let ctx = Context {
        stage: Stage::Export,
        previous: previous.as_ref(),
    };
    let mut findings = validate(&report, &ctx);
    PACK.with_borrow(|p| {
        if let Some((_, pack)) = p {
            findings.extend(check_pack(pack, &report));
        }
    });
    Ok(Checked { report, findings })
}

/// What the deployment's local rule pack (its JSON, or empty; read once) and
/// the office's 退回意见 (its file, or empty) find in `report`, as the editor
/// reads it (`src/outside.rs`): the pack's refusal (empty: none), then each
/// finding — rule, cells, field keys, formula, message — separated by
/// control characters their text never holds.
#[wasm_bindgen]
pub fn outside(pack: String, review: String, report: String) -> Result<String, String> {
    let report = read_current(&report).map_err(|e| e.to_string())?;
    let fresh =
        !pack.is_empty() && PACK.with_borrow(|p| p.as_ref().is_none_or(|(t, _)| *t != pack));
    let mut out = String::new();
    if fresh {
        match read_pack(&pack) {
            Ok(read) => PACK.set(Some((pack, read))),
            Err(why) => out = clean(&why),
        }
    }
    let mut found = match nianbao_core::review::read(&review) {
        Ok(r) => r.findings(&report),
        Err(_) => Vec::new(),
    };
    PACK.with_borrow(|p| {
        if let Some((_, pack)) = p {
            found.extend(check_pack(pack, &report));
        }
    });
    let join = |items: Vec<String>| items.join(",");
    for f in found {
        let cells = join(f.cells.iter().map(|c| c.0.to_string()).collect());
        let fields = join(f.fields.iter().map(|x| x.key()).collect());
        let parts = [
            f.rule.code().to_owned(),
            cells,
            fields,
            clean(&f.formula),
            clean(&f.message),
        ];
        out.push('\u{1e}');
        out.push_str(&parts.join("\u{1f}"));
    }
    Ok(out)
}

/// Text without control characters (they separate the answer's parts).
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
