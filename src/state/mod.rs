//! The editor's state: the report, its undo history, what the user has
//! visited, and the derived findings. Components get it from context and
//! call its methods; every decision is a core call. Pasting is in
//! `paste.rs`, what the page says in `notice.rs`.

use std::collections::HashSet;
use std::rc::Rc;

use leptos::prelude::*;
use nianbao_core::convert::convert;
use nianbao_core::edit::journal::{prune, type_cell, type_fee, Unparsed};
use nianbao_core::edit::{is_shown, History, Visited};
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

/// Undo keeps at most this many steps…
const UNDO_STEPS: usize = 200;
/// …weighing together at most this many bytes (a 4 MB report keeps 8 steps).
const UNDO_BYTES: usize = 32 << 20;

/// What undo restores: the report and the cell text kept as typed (a fill
/// or a paste over a cell holding "12a" takes that text away; undo brings
/// it back).
type Snapshot = (Report, Unparsed);

fn weigh(s: &Snapshot) -> usize {
    s.0.weight() + s.1.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>()
}

fn new_history() -> History<Snapshot> {
    History::with_budget(UNDO_STEPS, UNDO_BYTES, weigh)
}

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
/// Typing changes the report in place and tells only who needs to know: the
/// tables compare their cells themselves, text boxes and details listen to
/// `fields` (the report outside the tables), and the checks run once typing
/// pauses (`checks`), not once per keystroke.
#[derive(Clone, Copy)]
pub struct Editor {
    pub report: RwSignal<Report>,
    /// Something outside the tables may have changed (texts, details, fees).
    pub fields: Trigger,
    /// Notified when typing pauses after changes: the checks run again.
    checks: Trigger,
    check_pending: StoredValue<bool>,
    check_timer: crate::debounce::Debounce,
    history: StoredValue<History<Snapshot>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    pub seen: RwSignal<Seen>,
    /// The user asked for a full check (检查): every finding shows.
    pub check_all: RwSignal<bool>,
    /// Computed totals are filled by the app (default) or typed and checked.
    pub auto_totals: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
    /// A view-only page (configured by the portal): nothing can be changed.
    pub read_only: RwSignal<bool>,
    /// Last year's report, for the cross-year checks (导入上年报告).
    pub previous: RwSignal<Option<Report>>,
    /// Every finding, recomputed when the report changes and typing pauses.
    pub findings: Memo<Vec<Finding>>,
    /// The findings to show now (see `edit::is_shown`).
    pub shown: Memo<Vec<Finding>>,
    pub template: Memo<TemplateId>,
    /// Text typed into cells that did not parse, kept as typed.
    pub unparsed: RwSignal<Unparsed>,
    /// A change other than typing happened since the session last looked.
    bulk: StoredValue<bool>,
    journal: StoredValue<Option<JournalHook>, LocalStorage>,
}

/// What an edit may touch: only cells, or anything.
#[derive(Clone, Copy, PartialEq)]
enum Reach {
    Cells,
    Any,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl Editor {
    pub fn new(report: Report) -> Editor {
        let report = RwSignal::new(report);
        let seen = RwSignal::new(Seen::default());
        let check_all = RwSignal::new(false);
        let previous = RwSignal::new(None::<Report>);
        let checks = Trigger::new();
        // Typing shows the draft stage; after 检查 or an export, the export stage.
        let findings = Memo::new(move |_| {
            checks.track();
            let stage = if check_all.get() {
                Stage::Export
            } else {
                Stage::Draft
            };
            previous.with(|p| {
                report.with_untracked(|r| {
                    let ctx = Context {
                        stage,
                        previous: p.as_ref(),
                    };
                    validate(r, &ctx)
                })
            })
        });
        let shown = Memo::new(move |_| {
            let all = check_all.get();
            report.with_untracked(|r| {
                seen.with(|s| {
                    findings.with(|f| {
                        f.iter()
                            .filter(|x| is_shown(x, r, s, all))
                            .cloned()
                            .collect()
                    })
                })
            })
        });
        let fields = Trigger::new();
        Editor {
            report,
            fields,
            checks,
            check_pending: StoredValue::new(false),
            check_timer: crate::debounce::Debounce::new(CHECK_IDLE_MS),
            history: StoredValue::new(new_history()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            seen,
            check_all,
            auto_totals: RwSignal::new(true),
            notice: RwSignal::new(None),
            read_only: RwSignal::new(false),
            previous,
            findings,
            shown,
            template: Memo::new(move |_| {
                fields.track();
                report.with_untracked(Report::template_id)
            }),
            unparsed: RwSignal::new(Unparsed::new()),
            bulk: StoredValue::new(false),
            journal: StoredValue::new_local(None),
        }
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

    /// The report changed (already stored): tell who needs to know.
    fn changed(&self, reach: Reach) {
        if self.unparsed.with_untracked(|u| !u.is_empty()) {
            let mut u = self.unparsed.get_untracked();
            self.report.with_untracked(|r| prune(r, &mut u));
            if self.unparsed.with_untracked(|old| *old != u) {
                self.unparsed.set(u);
            }
        }
        self.report.notify();
        if reach == Reach::Any {
            self.fields.notify();
        }
        self.schedule_checks();
    }

    /// Reads the report outside the tables, subscribed to changes there only.
    pub fn with_fields<T>(&self, f: impl FnOnce(&Report) -> T) -> T {
        self.fields.track();
        self.report.with_untracked(f)
    }

    /// Makes `next` the report (opening, undo, redo).
    fn publish(&self, next: Report) {
        self.report.update_untracked(|r| *r = next);
        self.changed(Reach::Any);
    }

    /// Where typed changes are journalled (the session sets it).
    pub fn set_journal(&self, hook: impl Fn(&str, &str) + 'static) {
        self.journal.set_value(Some(Rc::new(hook)));
    }

    fn journal(&self, key: &str, raw: &str) {
        if let Some(hook) = self.journal.get_value() {
            hook(key, raw);
        }
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
        let (u, r) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        if self.can_undo.get_untracked() != u {
            self.can_undo.set(u);
        }
        if self.can_redo.get_untracked() != r {
            self.can_redo.set(r);
        }
    }

    /// Applies one edit as an undoable step. `merge_key` names the field so
    /// that quick successive edits of it merge into one step.
    /// Returns whether anything changed.
    pub fn edit(&self, merge_key: Option<&str>, change: impl FnOnce(&mut Report)) -> bool {
        let changed = self.apply(merge_key, Reach::Any, |r, before| match before {
            // The copy the new undo step keeps is what it is compared with.
            Some(before) => {
                change(r);
                r != before
            }
            // Merging into the last step (the year, a part's title): small.
            None => {
                let before = r.clone();
                change(r);
                *r != before
            }
        });
        if changed {
            self.bulk.set_value(true);
        }
        changed
    }

    /// Changes the report in place. `change` says whether it changed
    /// anything, given the report as it was when the edit starts a new undo
    /// step (the one copy made: none for a keystroke that merges into the
    /// last step).
    fn apply(
        &self,
        merge_key: Option<&str>,
        reach: Reach,
        change: impl FnOnce(&mut Report, Option<&Report>) -> bool,
    ) -> bool {
        if self.read_only.get_untracked() {
            return false;
        }
        let now = now_ms();
        let merges = self.history.with_value(|h| h.merges(merge_key, now));
        let auto = self.auto_totals.get_untracked();
        let mut snapshot = None;
        let unparsed = (!merges).then(|| self.unparsed.get_untracked());
        let changed = self
            .report
            .try_update_untracked(|r| {
                if let Some(u) = unparsed {
                    snapshot = Some((r.clone(), u));
                }
                let changed = change(r, snapshot.as_ref().map(|(before, _)| before));
                if changed && auto {
                    r.fill_totals();
                }
                changed
            })
            .unwrap_or(false);
        if !changed {
            return false;
        }
        self.history
            .update_value(|h| h.record_step(snapshot, merge_key, now));
        self.changed(reach);
        self.sync_history_flags();
        true
    }

    /// Replaces the whole report (opening a draft): a fresh start, no undo back.
    pub fn load(&self, report: Report) {
        self.load_with(report, Unparsed::new());
    }

    /// Opens a report with the cell text kept as typed.
    pub fn load_with(&self, report: Report, unparsed: Unparsed) {
        self.unparsed.set(unparsed);
        self.history.set_value(new_history());
        self.sync_history_flags();
        self.seen.set(Seen::default());
        self.check_all.set(false);
        self.notice.set(None);
        self.publish(report);
    }

    /// Keeps the typed texts of an edit, less those of cells that now hold a
    /// value (a total the edit filled in, say).
    fn keep_unparsed(&self, mut unparsed: Unparsed) {
        self.report.with_untracked(|r| prune(r, &mut unparsed));
        if self.unparsed.with_untracked(|u| *u != unparsed) {
            self.unparsed.set(unparsed);
        }
    }

    /// What a person typed into a cell: its value, or blank with the text kept.
    pub fn type_cell(&self, cell: CellId, raw: &str) {
        if self.read_only.get_untracked() {
            return;
        }
        let template = self.template.get_untracked().get();
        let key = template.def(cell).dom_id();
        self.journal(&key, raw);
        let mut unparsed = self.unparsed.get_untracked();
        let merge = format!("cell-{}", cell.0);
        let kept = unparsed.get(&key).cloned();
        self.apply(Some(&merge), Reach::Cells, |r, _| {
            let before = (r.get(cell), r.is_entered(cell));
            type_cell(r, &mut unparsed, cell, raw);
            (r.get(cell), r.is_entered(cell)) != before || unparsed.get(&key) != kept.as_ref()
        });
        self.keep_unparsed(unparsed);
    }

    /// What a person typed into a 信息处理费 figure: the same policy as a cell.
    pub fn type_fee(&self, field: Field, raw: &str) {
        if self.read_only.get_untracked() {
            return;
        }
        let key = field.key();
        self.journal(&key, raw);
        let mut unparsed = self.unparsed.get_untracked();
        let kept = unparsed.get(&key).cloned();
        self.apply(Some(&key), Reach::Any, |r, _| {
            let before = r.fee(field);
            type_fee(r, &mut unparsed, field, raw);
            r.fee(field) != before || unparsed.get(&key) != kept.as_ref()
        });
        self.keep_unparsed(unparsed);
    }

    /// What a person typed into a text field (cut at the limit, said so).
    pub fn set_text(&self, field: Field, text: String) {
        if self.read_only.get_untracked() {
            return;
        }
        let (kept, cut) = clip_text(&text);
        if cut {
            self.notice.set(Some(Notice::Problem(format!(
                "“{}”最多 {} 个字符，超出的部分没有写入。",
                field.label(),
                nianbao_core::limits::MAX_TEXT_CHARS
            ))));
        }
        let kept = kept.to_owned();
        self.journal(&field.key(), &kept);
        self.apply(Some(&field.key()), Reach::Any, |r, _| {
            r.field_text(field) != Some(kept.as_str()) && r.set_field_text(field, kept)
        });
    }

    /// Changes the report year; crossing 2020/2021 converts the report.
    pub fn set_year(&self, year: i32) {
        let current = self.report.get_untracked();
        let from = current.template_id();
        let to = TemplateId::for_year(year);
        if from == to {
            self.edit(Some("year"), |r| r.year = year);
            return;
        }
        let (mut converted, losses) = convert(&current, to);
        converted.year = year;
        self.edit(None, move |r| *r = converted);
        // Cells of the old format are gone; so is what was visited there.
        self.seen.update(|s| s.cells.clear());
        self.notice
            .set(Some(Notice::Converted { from, to, losses }));
    }

    /// The report and kept cell text as they are now.
    fn snapshot(&self) -> Snapshot {
        (self.report.get_untracked(), self.unparsed.get_untracked())
    }

    /// Goes back to a snapshot: the report and the cell text kept with it.
    fn restore(&self, (report, unparsed): Snapshot) {
        self.bulk.set_value(true);
        if self.unparsed.with_untracked(|u| *u != unparsed) {
            self.unparsed.set(unparsed);
        }
        self.publish(report);
    }

    pub fn undo(&self) {
        let current = self.snapshot();
        let step = self
            .history
            .try_update_value(|h| h.undo(&current))
            .flatten();
        if let Some(prev) = step {
            self.restore(prev);
        }
        self.sync_history_flags();
    }

    pub fn redo(&self) {
        let current = self.snapshot();
        let step = self
            .history
            .try_update_value(|h| h.redo(&current))
            .flatten();
        if let Some(next) = step {
            self.restore(next);
        }
        self.sync_history_flags();
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
            let changes = self.report.with_untracked(|r| {
                let mut all = r.clone();
                all.replace_with_computed(&[]);
                r.values()
                    .iter()
                    .zip(all.values())
                    .filter(|(a, b)| a != b)
                    .count()
            });
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
            self.auto_totals.set(true);
            self.edit(None, |r| r.replace_with_computed(&[]));
        } else {
            self.auto_totals.set(false);
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
            self.report
                .with_untracked(|r| nianbao_core::json::export_check(r, p.as_ref()))
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
        let mut r = self.report.get_untracked();
        let has_previous = self.previous.with_untracked(Option::is_some);
        self.findings
            .with_untracked(|f| nianbao_core::rules::prune_explanations(&mut r, f, has_previous));
        r
    }

    /// 用计算值替换: the given totals (all when empty) are computed again.
    pub fn replace_totals(&self, cells: Vec<CellId>) {
        let n = if cells.is_empty() {
            None
        } else {
            Some(cells.len())
        };
        if self.edit(None, move |r| r.replace_with_computed(&cells)) {
            self.notice.set(Some(Notice::Info(match n {
                Some(1) => "已用计算值替换这个合计。可点“撤销”恢复原来的数字。".to_owned(),
                _ => "已用计算值替换所有与各项之和不一致的合计。可点“撤销”恢复原来的数字。"
                    .to_owned(),
            })));
        }
    }
}
