//! The named drafts: the list (each stored entry read once, readable or not,
//! with its counts) and what can be done with one — new, open, duplicate,
//! rename, delete with a moment to undo, download its raw text.

use leptos::prelude::*;
use nianbao_core::json::Draft;
use nianbao_core::rules::{counts, validate, Context};
use nianbao_core::Report;

use super::{now, write_problem, SaveStatus, Session, UNDO_DELETE_MS};
use crate::download::download;
use crate::persist::{new_id, Entry, Store, Stored};

/// A draft in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftRow {
    pub id: String,
    pub name: String,
    pub year: Option<i32>,
    pub saved_at: Option<f64>,
    pub errors: usize,
    pub warnings: usize,
    /// Why it cannot be opened, for unreadable or newer entries.
    pub problem: Option<String>,
    /// Bytes it takes in storage.
    pub bytes: usize,
}

/// The list row of a readable draft.
pub(super) fn row_of(id: String, d: &Draft) -> DraftRow {
    // The same counts the editor shows for it: with last year's report.
    let ctx = Context {
        previous: d.previous.as_ref(),
        ..Context::default()
    };
    let (errors, warnings) = counts(&validate(&d.report, &ctx));
    DraftRow {
        name: d.display_name(),
        year: Some(d.report.year),
        saved_at: Some(d.saved_at_ms),
        errors,
        warnings,
        problem: None,
        bytes: 0,
        id,
    }
}

impl Session {
    /// Reads the list of drafts again.
    pub fn refresh(&self) {
        let list = self.store.with_value(Store::list);
        let rows = list.into_iter().map(|s| self.row_for(s)).collect();
        self.rows.set(rows);
    }

    /// The list row of a stored entry, readable or not.
    fn row_for(&self, stored: Stored) -> DraftRow {
        let Stored { id, entry, bytes } = stored;
        let problem_row = |name: &str, problem: String| DraftRow {
            bytes,
            name: name.into(),
            year: None,
            saved_at: None,
            errors: 0,
            warnings: 0,
            problem: Some(problem),
            id: id.clone(),
        };
        match entry {
            Entry::Ok(d) => DraftRow {
                bytes,
                ..row_of(id.clone(), &d)
            },
            Entry::Newer { .. } => problem_row(
                "由更新版本保存的草稿",
                "它由更新版本的本工具保存，当前版本无法打开，已原样保留。请用最新版本打开。".into(),
            ),
            Entry::Corrupt { error, .. } => problem_row(
                "无法读取的草稿",
                format!("内容已损坏，无法打开（{error}）。它已原样保留，没有被覆盖；可下载原始内容留存或交技术人员处理。"),
            ),
        }
    }

    /// Reads one draft's row again (another window changed or deleted it).
    pub(super) fn refresh_row(&self, id: &str) {
        let row = self
            .store
            .with_value(|st| st.read_stored(id))
            .map(|s| self.row_for(s));
        self.rows.update(|rows| match row {
            Some(row) => match rows.iter_mut().find(|r| r.id == id) {
                Some(slot) => *slot = row,
                None => rows.insert(0, row),
            },
            None => rows.retain(|r| r.id != id),
        });
    }

    pub fn new_draft(&self, report: Report) {
        self.save_now();
        self.id.set(new_id());
        self.name.set(String::new());
        self.base_revision.set_value(0);
        self.saved.set_value(None);
        self.editor.load(report);
        self.editor.previous.set(None);
        self.status.set(if self.available() {
            SaveStatus::Empty
        } else {
            SaveStatus::InMemory
        });
        // An opened file is kept at once, not a moment later.
        self.save_now();
    }

    pub fn open(&self, id: &str) {
        if *id == self.id.get_untracked() {
            return;
        }
        self.save_now();
        self.load(id);
    }

    pub fn duplicate(&self, id: &str) {
        self.save_now();
        self.list_problem.set(None);
        if let Some(Entry::Ok(mut d)) = self.store.with_value(|st| st.read(id)) {
            d.name = format!("{}（副本）", d.display_name());
            d.revision = 1;
            d.saved_at_ms = now();
            let copy = new_id();
            if let Err(e) = self.store.with_value(|st| st.write(&copy, &d)) {
                // The copy failed; the open draft is as saved as it was.
                self.store.with_value(|st| st.remove(&copy));
                self.list_problem.set(Some(format!(
                    "没有复制“{}”：{}",
                    d.display_name(),
                    write_problem(&e)
                )));
            }
            self.refresh();
        }
    }

    pub fn rename(&self, id: &str, name: String) {
        if *id == self.id.get_untracked() {
            self.name.set(name);
            self.save_now();
            return;
        }
        self.list_problem.set(None);
        if let Some(Entry::Ok(mut d)) = self.store.with_value(|st| st.read(id)) {
            d.name = name;
            d.revision += 1;
            if let Err(e) = self.store.with_value(|st| st.write(id, &d)) {
                self.list_problem
                    .set(Some(format!("没有改名：{}", write_problem(&e))));
            }
            self.refresh();
        }
    }

    /// Deletes a draft, restorable for a few seconds.
    pub fn delete(&self, id: &str, fresh: impl Fn() -> Report) {
        let Some(raw) = self.store.with_value(|st| st.read_raw(id)) else {
            return;
        };
        let name = self
            .rows
            .with_untracked(|r| r.iter().find(|r| r.id == id).map(|r| r.name.clone()))
            .unwrap_or_default();
        self.store.with_value(|st| st.remove(id));
        if *id == self.id.get_untracked() {
            // Nothing of the deleted draft may be saved again: move on first.
            self.saved.set_value(None);
            self.refresh();
            let next = self
                .rows
                .with_untracked(|r| r.iter().find(|r| r.problem.is_none()).map(|r| r.id.clone()));
            if !next.is_some_and(|n| self.load(&n)) {
                self.id.set(new_id());
                self.name.set(String::new());
                self.base_revision.set_value(0);
                self.editor.load(fresh());
                self.editor.previous.set(None);
                self.status.set(SaveStatus::Empty);
            }
        }
        self.refresh();
        self.deleted.set(Some((id.to_owned(), raw, name)));
        let this = *self;
        let id = id.to_owned();
        set_timeout(
            move || {
                if this
                    .deleted
                    .with_untracked(|d| d.as_ref().is_some_and(|(i, _, _)| *i == id))
                {
                    this.deleted.set(None);
                }
            },
            std::time::Duration::from_millis(UNDO_DELETE_MS as u64),
        );
    }

    pub fn undo_delete(&self) {
        if let Some((id, raw, _)) = self.deleted.get_untracked() {
            if let Err(e) = self.store.with_value(|st| st.restore_raw(&id, &raw)) {
                self.list_problem
                    .set(Some(format!("没有恢复删除的草稿：{}", write_problem(&e))));
            }
            self.deleted.set(None);
            self.refresh();
        }
    }

    /// The raw stored text of an entry (for unreadable ones).
    pub fn download_raw(&self, id: &str) {
        if let Some(raw) = self.store.with_value(|st| st.read_raw(id)) {
            download(&format!("草稿原始内容-{id}.json"), "application/json", &raw);
        }
    }
}
