//! Drafts that are never lost: which draft is open, autosave with an honest
//! status, the faults storage can have, and two windows on one draft.
//! Storage itself is `persist::Store`; this decides when and what to write.

use leptos::prelude::*;
use nianbao_core::edit::journal::Unparsed;
use nianbao_core::edit::Edit;
use nianbao_core::json::Draft;
use nianbao_core::Report;

use crate::persist::{new_id, Entry, Store, StoredHead, WriteError};
use crate::state::{Editor, Notice};

mod drafts;
use drafts::row_of;
pub use drafts::DraftRow;

/// Changes are saved this long after the last one.
pub const AUTOSAVE_MS: i32 = 700;
/// A deleted draft can be brought back for this long.
pub const UNDO_DELETE_MS: i32 = 8000;

/// What the save indicator says.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// A new draft with nothing in it yet.
    Empty,
    Unsaved,
    Saving,
    Saved(f64),
    Failed(WriteError),
    /// Another window saved this draft since this one loaded it.
    Conflict,
    /// The stored entry of this draft cannot be read any more: left alone.
    StoredCorrupt,
    /// The stored entry was written by a newer version of the app: left alone.
    StoredNewer,
    /// The browser gives this page no storage.
    InMemory,
}

impl SaveStatus {
    /// Whether the draft is not being kept as it should be.
    pub fn is_problem(&self) -> bool {
        matches!(
            self,
            Self::Failed(_)
                | Self::Conflict
                | Self::StoredCorrupt
                | Self::StoredNewer
                | Self::InMemory
        )
    }
}

/// The parts of a draft that are saved.
type Saved = (String, Report, Option<Report>, Unparsed);

#[derive(Clone, Copy)]
pub struct Session {
    store: StoredValue<Store, LocalStorage>,
    pub id: RwSignal<String>,
    pub name: RwSignal<String>,
    base_revision: StoredValue<u64>,
    /// What storage holds for the open draft: (name, report, last year's report).
    saved: StoredValue<Option<Saved>>,
    pub status: RwSignal<SaveStatus>,
    pub rows: RwSignal<Vec<DraftRow>>,
    /// The last deleted draft, restorable for a few seconds: (id, raw, name).
    pub deleted: RwSignal<Option<(String, String, String)>>,
    /// Why the last action on another draft (copy, rename) failed; the open
    /// draft's own status is not touched by it.
    pub list_problem: RwSignal<Option<String>>,
    /// The id the `last` pointer already names (set once per draft).
    last_set: StoredValue<Option<String>>,
    timer: crate::debounce::Debounce,
    editor: Editor,
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Whether a save may write over what storage holds (`None`), or why not:
/// another window saved a newer revision, or the entry cannot be read or
/// is from a newer version — never written over.
pub fn before_save(stored: StoredHead, base: u64) -> Option<SaveStatus> {
    match stored {
        StoredHead::Missing => None,
        StoredHead::Revision(r) if r <= base => None,
        StoredHead::Revision(_) => Some(SaveStatus::Conflict),
        StoredHead::Newer => Some(SaveStatus::StoredNewer),
        StoredHead::Corrupt => Some(SaveStatus::StoredCorrupt),
    }
}

/// Why a write failed, for a person.
pub fn write_problem(e: &WriteError) -> String {
    match e {
        WriteError::Quota => "浏览器的存储空间已满。请先在草稿列表中删除不需要的草稿。".into(),
        WriteError::Mismatch => "浏览器的存储没有如实保存。".into(),
        WriteError::TooLarge(bytes) => format!(
            "内容太大（{} MB），超过了 {} MB 的上限。",
            nianbao_core::limits::megabytes(*bytes),
            nianbao_core::json::MAX_BYTES / 1_048_576
        ),
        WriteError::Other(why) => format!("浏览器拒绝了保存（{why}）。"),
    }
}

/// 10:42 in local time.
pub fn clock(ms: f64) -> String {
    let d = js_sys::Date::new(&ms.into());
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

impl Session {
    /// Opens storage, finds the drafts, opens the last one (or starts one).
    pub fn start(editor: Editor, namespace: &str, fresh: impl Fn() -> Report) -> Session {
        let store = Store::open(namespace);
        let available = store.available();
        let s = Session {
            store: StoredValue::new_local(store),
            id: RwSignal::new(new_id()),
            name: RwSignal::new(String::new()),
            base_revision: StoredValue::new(0),
            saved: StoredValue::new(None),
            status: RwSignal::new(if available {
                SaveStatus::Empty
            } else {
                SaveStatus::InMemory
            }),
            rows: RwSignal::new(Vec::new()),
            deleted: RwSignal::new(None),
            list_problem: RwSignal::new(None),
            last_set: StoredValue::new(None),
            timer: crate::debounce::Debounce::new(AUTOSAVE_MS as u64),
            editor,
        };
        let last = s.store.with_value(|st| st.last());
        let opened = last.clone().is_some_and(|id| s.load(&id));
        // A new draft typed into but never saved (the browser died first)
        // lives on in its journal.
        let recovered = !opened && last.is_some_and(|id| s.recover_unsaved(id, &fresh));
        if opened || recovered {
            // The drafts list reads (and checks) every stored draft: not before
            // the form is on screen, but just after it.
            request_animation_frame(move || {
                set_timeout(move || s.refresh(), std::time::Duration::ZERO);
            });
        } else {
            s.refresh();
            let newest = s
                .rows
                .with_untracked(|r| r.iter().find(|r| r.problem.is_none()).map(|r| r.id.clone()));
            if !newest.is_some_and(|id| s.load(&id)) {
                editor.load(fresh());
            }
        }
        if s.store.with_value(Store::full) {
            s.status.set(SaveStatus::Failed(WriteError::Quota));
        }
        let this = s;
        editor.set_journal(move |key, raw| this.journal(key, raw));
        s.install();
        s
    }

    /// Writes one typed change to the journal at once.
    fn journal(&self, key: &str, raw: &str) {
        let id = self.id.get_untracked();
        let base = self.base_revision.get_value();
        self.store.with_value(|st| {
            st.journal(&id, base, key, raw);
            if self
                .last_set
                .with_value(|l| l.as_deref() != Some(id.as_str()))
            {
                st.set_last(&id);
            }
        });
        self.last_set.set_value(Some(id));
    }

    /// Replays the journal of draft `id` typed over `base`; says how many.
    fn replay_journal(&self, id: &str, base: u64) -> usize {
        let entries = self.store.with_value(|st| st.journal_entries(id));
        let entries: Vec<_> = entries.into_iter().filter(|e| e.base == base).collect();
        if entries.is_empty() {
            return 0;
        }
        let mut doc = self.editor.document();
        let n = doc.replay(entries.iter().map(|e| (e.key.as_str(), e.raw.as_str())));
        if n > 0 {
            self.editor.open(doc);
            if entries.iter().all(|e| crate::shell::was_early(&e.key)) {
                // Typed into the prerendered form while this page loaded.
                nianbao_web::live::Live::say(&format!("页面加载期间输入的 {n} 处内容已接收。"));
            } else {
                self.editor.notice.set(Some(Notice::Info(format!(
                    "已恢复上次未保存的 {n} 处修改（浏览器在保存前关闭了）。请核对。"
                ))));
            }
        }
        n
    }

    /// Opens a never-saved draft from its journal; false if it has none.
    fn recover_unsaved(&self, id: String, fresh: &impl Fn() -> Report) -> bool {
        self.editor.load(fresh());
        self.id.set(id.clone());
        if self.replay_journal(&id, 0) == 0 {
            self.id.set(new_id());
            return false;
        }
        self.status.set(SaveStatus::Unsaved);
        true
    }

    pub fn available(&self) -> bool {
        self.store.with_value(Store::available)
    }

    /// Bytes the whole origin's storage holds (drafts and anything else).
    pub fn used_by_all(&self) -> usize {
        self.store.with_value(Store::used_by_all)
    }

    /// Opens a stored draft in the editor; false if it cannot be read.
    fn load(&self, id: &str) -> bool {
        let Some(Entry::Ok(d)) = self.store.with_value(|st| st.read(id)) else {
            return false;
        };
        self.id.set(id.to_owned());
        self.name.set(d.name.clone());
        self.base_revision.set_value(d.revision);
        self.saved.set_value(Some((
            d.name.clone(),
            d.report.clone(),
            d.previous.clone(),
            d.unparsed.clone(),
        )));
        self.editor.load_with(d.report, d.unparsed);
        self.editor.previous.set(d.previous);
        self.status.set(SaveStatus::Saved(d.saved_at_ms));
        self.store.with_value(|st| st.set_last(id));
        self.last_set.set_value(Some(id.to_owned()));
        // Typing the browser did not live to save.
        if self.replay_journal(id, d.revision) > 0 {
            self.status.set(SaveStatus::Unsaved);
        }
        // A draft saved before the page had a shell gets one now.
        self.keep_shown(id.to_owned(), d.revision);
        true
    }

    /// Whether the open draft differs from what storage holds for it.
    /// A new draft with nothing in it is not worth saving yet.
    pub fn dirty(&self) -> bool {
        let name = self.name.get_untracked();
        self.editor.with_all_untracked(|r, u| {
            self.editor.previous.with_untracked(|p| {
                self.saved.with_value(|s| match s {
                    Some((n, saved, prev, kept)) => {
                        *n != name || saved != r || prev != p || kept != u
                    }
                    None => !r.is_empty() || !name.is_empty() || p.is_some() || !u.is_empty(),
                })
            })
        })
    }

    /// Saves now if anything changed. Never writes over a newer revision
    /// saved by another window, nor over an entry it cannot read.
    pub fn save_now(&self) {
        self.timer.cancel();
        if !self.available() {
            self.status.set(SaveStatus::InMemory);
            return;
        }
        if self.blocked() || !self.dirty() {
            return;
        }
        let id = self.id.get_untracked();
        let base = self.base_revision.get_value();
        // Only the stored head is read: decoding the whole draft (and last
        // year's report) to learn one number made every save slower.
        let head = self.store.with_value(|st| st.read_head(&id));
        if let Some(stop) = before_save(head, base) {
            // The entry's row says what it is now (and offers its raw text).
            self.refresh_row(&id);
            self.status.set(stop);
            return;
        }
        self.status.set(SaveStatus::Saving);
        // Written without stale reasons; compared later as it is open.
        let open = self.editor.report_now();
        let report = self.editor.report_to_write();
        let previous = self.editor.previous.get_untracked();
        let name = self.name.get_untracked();
        let unparsed = self.editor.kept_now();
        let draft = Draft {
            name: name.clone(),
            revision: base + 1,
            saved_at_ms: now(),
            report: report.clone(),
            previous: previous.clone(),
            unparsed: unparsed.clone(),
        };
        match self.store.with_value(|st| st.write(&id, &draft)) {
            Ok(()) => {
                self.base_revision.set_value(base + 1);
                self.saved.set_value(Some((name, open, previous, unparsed)));
                self.store.with_value(|st| {
                    st.clear_journal(&id);
                    st.set_last(&id);
                });
                self.last_set.set_value(Some(id.clone()));
                self.keep_shown(id.clone(), base + 1);
                self.status.set(SaveStatus::Saved(draft.saved_at_ms));
                // Only this draft changed: re-reading every stored draft at each
                // autosave made typing stall once a few drafts were kept.
                let row = row_of(id, &draft);
                self.rows.update(|rows| {
                    rows.retain(|r| r.id != row.id);
                    rows.insert(0, row);
                });
            }
            Err(e) => self.status.set(SaveStatus::Failed(e)),
        }
    }

    /// Keeps what the form shows as saved, for the prerendered form of the
    /// next visit — read from the page once its effects have drawn the saved
    /// report (a whole-report change is saved before the tables show it).
    fn keep_shown(&self, id: String, revision: u64) {
        let this = *self;
        set_timeout(
            move || {
                // The form is drawn behind the shell: read it once it shows.
                if crate::shell::present() {
                    return this.keep_shown(id, revision);
                }
                let shown = this
                    .editor
                    .with_report_untracked(|r| crate::shell::cache(&id, revision, r))
                    .unwrap_or_default();
                // Opening a draft the page already painted writes nothing.
                if this.setting(crate::shell::SETTING).as_deref() != Some(shown.as_str()) {
                    this.set_setting(crate::shell::SETTING, &shown);
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// Saves a moment after the last change.
    fn schedule(&self) {
        let this = *self;
        self.timer.call(move || this.save_now());
    }

    /// Saving is stopped until the user decides (conflict, unreadable or newer entry).
    fn blocked(&self) -> bool {
        matches!(
            self.status.get_untracked(),
            SaveStatus::Conflict | SaveStatus::StoredCorrupt | SaveStatus::StoredNewer
        )
    }

    fn install(&self) {
        let this = *self;
        // Every change: mark unsaved and save — at once for whole-document
        // changes (paste, import, undo), shortly for typing, which the journal
        // already holds. Also retries after a failure.
        Effect::new(move |_| {
            this.editor.track();
            this.editor.previous.track();
            this.name.track();
            let bulk = this.editor.take_bulk();
            if !this.available() {
                return;
            }
            if this.dirty() && !this.blocked() {
                if !matches!(
                    this.status.get_untracked(),
                    SaveStatus::Failed(_) | SaveStatus::Unsaved
                ) {
                    this.status.set(SaveStatus::Unsaved);
                }
                if bulk {
                    this.save_now();
                } else {
                    this.schedule();
                }
            }
        });
        // Leaving or hiding the page: save at once.
        let h1 = window_event_listener(leptos::ev::pagehide, move |_| this.save_now());
        let h2 = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                this.save_now();
            }
        });
        // Warn only when something could not be saved.
        let h3 = window_event_listener(leptos::ev::beforeunload, move |ev| {
            this.save_now();
            if this.dirty() {
                ev.prevent_default();
                ev.set_return_value("");
            }
        });
        // Another window saved: take its version if nothing here is unsaved.
        let h4 = window_event_listener(leptos::ev::storage, move |ev| {
            let Some(key) = ev.key() else { return };
            let Some(changed) = this.store.with_value(|st| st.id_of_key(&key)) else {
                return;
            };
            // Only the row of the draft that changed is read again.
            this.refresh_row(&changed);
            if changed != this.id.get_untracked() {
                return;
            }
            let newer = ev
                .new_value()
                .and_then(|v| Draft::peek_revision(&v).ok())
                .is_some_and(|r| r > this.base_revision.get_value());
            if newer {
                if this.dirty() {
                    this.status.set(SaveStatus::Conflict);
                } else {
                    let id = this.id.get_untracked();
                    this.load(&id);
                }
            }
        });
        on_cleanup(move || {
            h1.remove();
            h2.remove();
            h3.remove();
            h4.remove();
        });
    }

    /// Conflict: take the version the other window saved.
    pub fn load_newer(&self) {
        let id = self.id.get_untracked();
        self.status.set(SaveStatus::Empty);
        if !self.load(&id) {
            self.status.set(SaveStatus::Conflict);
        }
    }

    /// Conflict: keep this window's work as a new draft.
    pub fn save_as_copy(&self) {
        let name = format!("{}（副本）", self.display_name());
        self.id.set(new_id());
        self.name.set(name);
        self.base_revision.set_value(0);
        self.saved.set_value(None);
        self.status.set(SaveStatus::Unsaved);
        self.save_now();
    }

    /// The open draft's name as listed.
    pub fn display_name(&self) -> String {
        let d = Draft {
            name: self.name.get_untracked(),
            revision: 0,
            saved_at_ms: 0.0,
            report: self.editor.report_now(),
            previous: None,
            unparsed: Default::default(),
        };
        d.display_name()
    }

    /// A remembered per-browser setting.
    /// The storage namespace (the 汇总 workspace keeps its units under it too).
    pub fn namespace(&self) -> String {
        self.store.with_value(|st| st.namespace().to_owned())
    }

    pub fn setting(&self, name: &str) -> Option<String> {
        self.store.with_value(|st| st.setting(name))
    }

    pub fn set_setting(&self, name: &str, value: &str) {
        self.store.with_value(|st| st.set_setting(name, value));
    }

    /// Replaces the open draft's report with an imported one (one undoable
    /// step). False when it is the same report: then nothing changed and no
    /// undo step was added.
    pub fn replace_with(&self, report: Report) -> bool {
        self.editor.edit(Edit::Replace(Box::new(report)))
    }
}
