//! The editor's state: the report, its undo history, what the user has
//! visited, and the derived findings. Components get it from context and
//! call its methods; every decision is a core call. Pasting is in
//! `paste.rs`, what the page says in `notice.rs`.

use std::collections::HashSet;
use std::rc::Rc;

use leptos::prelude::*;
use nianbao_core::edit::document::{Applied, Document, Edit, Reach};
use nianbao_core::edit::journal::Unparsed;
use nianbao_core::edit::{is_shown, Visited};
use nianbao_core::limits::clip_text;
use nianbao_core::report::Field;
use nianbao_core::rules::{validate, Context, Finding, Stage};
use nianbao_core::template::{CellId, TemplateId};
use nianbao_core::Report;

mod notice;
mod paste;

pub use nianbao_core::export::Export;
pub use notice::Notice;

/// The checks run again this long after the last change (typing pauses).
const CHECK_IDLE_MS: u64 = 120;

/// Called with (key, raw text) at each typed change, before anything else.
type JournalHook = Rc<dyn Fn(&str, &str)>;

/// Cells and fields the user has been to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Seen {
    pub cells: HashSet<CellId>,
    pub fields: HashSet<Field>,
}

impl Visited for Seen {
    fn cell(&self, cell: CellId) -> bool {
        self.cells.contains(&cell)
    }
    fn field(&self, field: Field) -> bool {
        self.fields.contains(&field)
    }
}

/// Shared editor state (cheap to copy: every part is an arena handle).
///
/// The document (report, kept cell text, undo history) is the core's
/// `Document`; every change is an `Edit` it applies. The editor holds it in a
/// signal and tells only who needs to know: the tables compare their cells
/// themselves, text boxes and details listen to `fields` (the report outside
/// the tables), cells showing kept text to `kept`, and the checks run once
/// typing pauses (`checks`), not once per keystroke.
#[derive(Clone, Copy)]
pub struct Editor {
    doc: RwSignal<Document>,
    /// Something outside the tables may have changed (texts, details, fees).
    pub fields: Trigger,
    /// The cell text kept as typed changed.
    kept: Trigger,
    /// Notified when typing pauses after changes: the checks run again.
    checks: Trigger,
    check_pending: StoredValue<bool>,
    check_timer: crate::debounce::Debounce,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    pub seen: RwSignal<Seen>,
    /// The user asked for a full check (检查): every finding shows.
    pub check_all: RwSignal<bool>,
    /// The document's totals policy, for the view (the toolbar, read-only totals).
    pub auto_totals: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
    /// A view-only page (configured by the portal): nothing can be changed.
    pub read_only: RwSignal<bool>,
    /// Last year's report, for the cross-year checks (导入上年报告).
    pub previous: RwSignal<Option<Report>>,
    /// What the office's 退回意见 (R1) and the deployment's local rule pack
    /// (L1) find, as the checks module last said (`crate::outside`).
    pub outside: RwSignal<Vec<Finding>>,
    /// Every finding, recomputed when the report changes and typing pauses.
    pub findings: Memo<Vec<Finding>>,
    /// The findings to show now (see `edit::is_shown`).
    pub shown: Memo<Vec<Finding>>,
    pub template: Memo<TemplateId>,
    /// A change other than typing happened since the session last looked.
    bulk: StoredValue<bool>,
    journal: StoredValue<Option<JournalHook>, LocalStorage>,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl Editor {
    pub fn new(report: Report) -> Editor {
        let doc = RwSignal::new(Document::new(report));
        let seen = RwSignal::new(Seen::default());
        let check_all = RwSignal::new(false);
        let previous = RwSignal::new(None::<Report>);
        let checks = Trigger::new();
        let outside = RwSignal::new(Vec::<Finding>::new());
        // Typing shows the draft stage; after 检查 or an export, the export stage.
        let findings = Memo::new(move |_| {
            checks.track();
            let stage = if check_all.get() {
                Stage::Export
            } else {
                Stage::Draft
            };
            previous.with(|p| {
                doc.with_untracked(|d| {
                    let ctx = Context {
                        stage,
                        previous: p.as_ref(),
                    };
                    let mut all = validate(d.report(), &ctx);
                    outside.with(|o| all.extend(o.iter().cloned()));
                    all
                })
            })
        });
        let shown = Memo::new(move |_| {
            let all = check_all.get();
            doc.with_untracked(|d| {
                seen.with(|s| {
                    findings.with(|f| {
                        f.iter()
                            .filter(|x| is_shown(x, d.report(), s, all))
                            .cloned()
                            .collect()
                    })
                })
            })
        });
        let fields = Trigger::new();
        Editor {
            doc,
            fields,
            kept: Trigger::new(),
            checks,
            check_pending: StoredValue::new(false),
            check_timer: crate::debounce::Debounce::new(CHECK_IDLE_MS),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            seen,
            check_all,
            auto_totals: RwSignal::new(true),
            notice: RwSignal::new(None),
            read_only: RwSignal::new(false),
            previous,
            outside,
            findings,
            shown,
            template: Memo::new(move |_| {
                fields.track();
                doc.with_untracked(|d| d.report().template_id())
            }),
            bulk: StoredValue::new(false),
            journal: StoredValue::new_local(None),
        }
    }

    /// Subscribes to the checks' runs (once typing pauses after changes).
    pub fn track_checks(&self) {
        self.checks.track();
    }

    /// Reads the report, subscribed to every change.
    pub fn with_report<T>(&self, f: impl FnOnce(&Report) -> T) -> T {
        self.doc.with(|d| f(d.report()))
    }

    /// Reads the report without subscribing.
    pub fn with_report_untracked<T>(&self, f: impl FnOnce(&Report) -> T) -> T {
        self.doc.with_untracked(|d| f(d.report()))
    }

    /// A copy of the report as it is now.
    pub fn report_now(&self) -> Report {
        self.with_report_untracked(Report::clone)
    }

    /// Subscribes to every change of the document.
    pub fn track(&self) {
        self.doc.track();
    }

    /// Reads the report outside the tables, subscribed to changes there only.
    pub fn with_fields<T>(&self, f: impl FnOnce(&Report) -> T) -> T {
        self.fields.track();
        self.with_report_untracked(f)
    }

    /// The text kept as typed in a cell or figure (by key), subscribed to
    /// changes of the kept text only.
    pub fn kept(&self, key: &str) -> Option<String> {
        self.kept.track();
        self.doc.with_untracked(|d| d.unparsed().get(key).cloned())
    }

    /// A copy of the kept cell text as it is now.
    pub fn kept_now(&self) -> Unparsed {
        self.doc.with_untracked(|d| d.unparsed().clone())
    }

    /// Reads the report and the kept text together, without subscribing.
    pub fn with_all_untracked<T>(&self, f: impl FnOnce(&Report, &Unparsed) -> T) -> T {
        self.doc.with_untracked(|d| f(d.report(), d.unparsed()))
    }

    /// Runs the checks again once typing pauses for `CHECK_IDLE_MS`: a
    /// burst of keys costs one check, and what the marks and lists show does
    /// not flicker through the half-typed numbers.
    fn schedule_checks(&self) {
        self.check_pending.set_value(true);
        let this = *self;
        self.check_timer.call(move || this.check_now());
    }

    /// The findings as of now, without waiting for typing to pause.
    pub fn check_now(&self) {
        self.check_timer.cancel();
        if self.check_pending.get_value() {
            self.check_pending.set_value(false);
            self.checks.notify();
        }
    }

    /// The document changed (already stored): tell who needs to know.
    fn changed(&self, reach: Reach, kept_text: bool) {
        self.doc.notify();
        if reach == Reach::Any {
            self.fields.notify();
        }
        if kept_text {
            self.kept.notify();
        }
        self.schedule_checks();
        self.sync_history_flags();
    }

    /// Where typed changes are journalled (the session sets it).
    pub fn set_journal(&self, hook: impl Fn(&str, &str) + 'static) {
        self.journal.set_value(Some(Rc::new(hook)));
    }

    /// Whether a change other than typing happened since the last call.
    pub fn take_bulk(&self) -> bool {
        self.bulk.try_update_value(std::mem::take).unwrap_or(false)
    }

    pub fn provide(self) {
        provide_context(self);
    }

    pub fn get() -> Editor {
        expect_context::<Editor>()
    }

    fn sync_history_flags(&self) {
        let (u, r) = self.doc.with_untracked(|d| (d.can_undo(), d.can_redo()));
        if self.can_undo.get_untracked() != u {
            self.can_undo.set(u);
        }
        if self.can_redo.get_untracked() != r {
            self.can_redo.set(r);
        }
    }

    /// Applies one edit as an undoable step (quick successive edits of one
    /// field merge). Typed edits are journalled first; a text cut at the
    /// limit and a format change are said. Ok(whether anything changed), or
    /// why it was refused. Nothing changes on a view-only page.
    pub fn apply(&self, edit: Edit) -> Result<bool, String> {
        if self.read_only.get_untracked() {
            return Ok(false);
        }
        let entry = self.with_report_untracked(|r| edit.journal_entry(r));
        if let (Some((key, raw)), Some(hook)) = (&entry, self.journal.get_value()) {
            hook(key, raw);
        }
        if let Edit::SetText { field, text } = &edit {
            if clip_text(text).1 {
                self.notice.set(Some(Notice::Problem(format!(
                    "“{}”最多 {} 个字符，超出的部分没有写入。",
                    field.label(),
                    nianbao_core::limits::MAX_TEXT_CHARS
                ))));
            }
        }
        let now = now_ms();
        let applied = self
            .doc
            .try_update_untracked(|d| d.apply(edit, now))
            .unwrap_or(Ok(Applied {
                changed: false,
                reach: Reach::Any,
                kept_text: false,
                converted: None,
            }))?;
        if applied.changed {
            if entry.is_none() {
                self.bulk.set_value(true);
            }
            self.changed(applied.reach, applied.kept_text);
        }
        if let Some(c) = applied.converted {
            // Cells of the old format are gone; so is what was visited there.
            self.seen.update(|s| s.cells.clear());
            self.notice.set(Some(Notice::Converted {
                from: c.from,
                to: c.to,
                losses: c.losses,
            }));
        }
        Ok(applied.changed)
    }

    /// Applies an edit that cannot be refused; whether anything changed.
    pub fn edit(&self, edit: Edit) -> bool {
        self.apply(edit).unwrap_or(false)
    }

    /// Replaces the whole report (opening a draft): a fresh start, no undo back.
    pub fn load(&self, report: Report) {
        self.load_with(report, Unparsed::new());
    }

    /// Opens a report with the cell text kept as typed.
    pub fn load_with(&self, report: Report, unparsed: Unparsed) {
        self.open(Document::with_unparsed(report, unparsed));
    }

    /// Opens a document: what was seen, checked and said starts afresh.
    pub fn open(&self, mut doc: Document) {
        doc.set_auto_totals(self.auto_totals.get_untracked());
        self.doc.update_untracked(|d| *d = doc);
        self.seen.set(Seen::default());
        self.check_all.set(false);
        self.notice.set(None);
        self.changed(Reach::Any, true);
    }

    /// A copy of the open document (to replay a journal over, say).
    pub fn document(&self) -> Document {
        self.doc.get_untracked()
    }

    pub fn undo(&self) {
        self.step(Document::undo);
    }

    pub fn redo(&self) {
        self.step(Document::redo);
    }

    fn step(&self, go: fn(&mut Document) -> bool) {
        if self.doc.try_update_untracked(go).unwrap_or(false) {
            self.bulk.set_value(true);
            self.changed(Reach::Any, true);
        }
    }

    pub fn visit_cell(&self, cell: CellId) {
        if !self.seen.with_untracked(|s| s.cells.contains(&cell)) {
            self.seen.update(|s| {
                s.cells.insert(cell);
            });
        }
    }

    pub fn visit_field(&self, field: Field) {
        if !self.seen.with_untracked(|s| s.fields.contains(&field)) {
            self.seen.update(|s| {
                s.fields.insert(field);
            });
        }
    }

    /// Switches between computed and typed totals. Turning computation on
    /// over totals that disagree with their parts first says how many will
    /// change and asks (one undoable step); false when the person declines.
    pub fn set_auto_totals(&self, auto: bool) -> bool {
        if auto {
            let changes = self.doc.with_untracked(Document::totals_to_compute);
            let question = format!(
                "打开“合计由系统自动计算”会把 {changes} 个与各项之和不一致的合计替换为计算值（可以撤销）。是否继续？"
            );
            let yes = changes == 0
                || leptos::web_sys::window()
                    .and_then(|w| w.confirm_with_message(&question).ok())
                    .unwrap_or(false);
            if !yes {
                return false;
            }
        }
        self.auto_totals.set(auto);
        self.doc.update_untracked(|d| d.set_auto_totals(auto));
        if auto {
            self.edit(Edit::ComputeTotals(Vec::new()));
        }
        true
    }

    /// Runs the export stage (downloads, printing, a portal's export): every
    /// finding shows, and the counts are said before the file is made.
    /// Never blocks.
    pub fn check_for_export(&self, what: Export) -> nianbao_core::json::ExportCheck {
        self.check_now();
        self.check_all.set(true);
        let check = self.previous.with_untracked(|p| {
            self.with_report_untracked(|r| nianbao_core::json::export_check(r, p.as_ref()))
        });
        if let Some(words) = what.notice(&check) {
            self.notice.set(Some(Notice::Info(words)));
        }
        check
    }

    /// The report as it is written to storage or a file: reasons whose
    /// warning is gone are left out (`rules::prune_explanations`), so they
    /// never pile up unseen; the open report keeps them for undo.
    pub fn report_to_write(&self) -> Report {
        let mut r = self.report_now();
        let has_previous = self.previous.with_untracked(Option::is_some);
        self.findings
            .with_untracked(|f| nianbao_core::rules::prune_explanations(&mut r, f, has_previous));
        r
    }

    /// 用计算值替换: the given totals (all when empty) are computed again.
    pub fn replace_totals(&self, cells: Vec<CellId>) {
        let one = cells.len() == 1;
        if self.edit(Edit::ComputeTotals(cells)) {
            self.notice.set(Some(Notice::Info(if one {
                "已用计算值替换这个合计。可点“撤销”恢复原来的数字。".to_owned()
            } else {
                "已用计算值替换所有与各项之和不一致的合计。可点“撤销”恢复原来的数字。".to_owned()
            })));
        }
    }
}
