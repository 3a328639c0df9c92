//! The ledger dialog's state and what it asks of the worker: the ledger read
//! there (a paste or a CSV file), the mapping as the person sets it, the
//! count of 表三 and a cell's sources — only the latest answer kept — and
//! 表三 written as one undoable step.

use leptos::prelude::*;
use nianbao_core::edit::Edit;
use nianbao_core::ledger::view::{Ask, CountView, LedgerView, Sources};
use nianbao_core::ledger::{Choice, Mapping, Role};
use nianbao_core::template::CellId;

use crate::files::ledger as worker;
use crate::session::Session;
use crate::state::{Editor, Notice};

/// The setting that remembers the last mapping (columns and category words).
const REMEMBERED: &str = "ledger-mapping";

#[derive(Clone, Copy)]
pub(super) struct Ledger {
    /// The dialog is open (the toolbar opens it).
    pub(super) open: RwSignal<bool>,
    editor: Editor,
    session: Session,
    pub(super) view: RwSignal<Option<LedgerView>>,
    pub(super) counted: RwSignal<Option<CountView>>,
    pub(super) sources: RwSignal<Option<(CellId, Sources)>>,
    pub(super) error: RwSignal<Option<String>>,
    pub(super) info: RwSignal<Option<String>>,
    /// Answers to older questions are dropped: only the latest counts.
    asked: StoredValue<u32>,
}

impl Ledger {
    pub(super) fn new() -> Ledger {
        Ledger {
            open: crate::components::dialogs::Dialogs::get().ledger,
            editor: Editor::get(),
            session: expect_context::<Session>(),
            view: RwSignal::new(None),
            counted: RwSignal::new(None),
            sources: RwSignal::new(None),
            error: RwSignal::new(None),
            info: RwSignal::new(None),
            asked: StoredValue::new(0),
        }
    }

    fn ask(self, mapping: Mapping, cell: Option<CellId>) -> Ask {
        Ask {
            template: self.editor.template.get_untracked(),
            year: self.editor.with_report_untracked(|r| r.year),
            mapping,
            cell: cell.map(|c| c.0),
        }
    }

    fn mapping(self) -> Option<Mapping> {
        self.view
            .with_untracked(|v| v.as_ref().map(|v| v.mapping.clone()))
    }

    fn recount(self) {
        let Some(mapping) = self.mapping() else {
            return;
        };
        let n = self.asked.get_value() + 1;
        self.asked.set_value(n);
        let a = self.ask(mapping, None);
        leptos::task::spawn_local(async move {
            let result = worker::count(&a).await;
            if self.asked.get_value() != n {
                return;
            }
            match result {
                Ok(c) => self.counted.set(Some(c)),
                Err(why) => self.error.set(Some(why)),
            }
        });
    }

    fn loaded(self, result: Result<LedgerView, String>) {
        match result {
            Ok(v) => {
                self.error.set(None);
                self.sources.set(None);
                self.counted.set(None);
                self.view.set(Some(v));
                self.recount();
            }
            Err(why) => self.error.set(Some(why)),
        }
    }

    fn remembered(self) -> String {
        self.session.setting(REMEMBERED).unwrap_or_default()
    }

    /// The clipboard's table (HTML) or tab-separated text.
    pub(super) fn paste(self, ev: web_sys::ClipboardEvent) {
        let Some(data) = ev.clipboard_data() else {
            return;
        };
        ev.prevent_default();
        let html = data.get_data("text/html").unwrap_or_default();
        let plain = data.get_data("text/plain").unwrap_or_default();
        let (template, remembered) = (self.editor.template.get_untracked(), self.remembered());
        leptos::task::spawn_local(async move {
            self.loaded(worker::paste(&html, &plain, template, &remembered).await);
        });
    }

    pub(super) fn read_csv(self, file: web_sys::File) {
        let (template, remembered) = (self.editor.template.get_untracked(), self.remembered());
        leptos::task::spawn_local(async move {
            self.loaded(worker::csv(&file, template, &remembered).await);
        });
    }

    /// A column chosen for a role: the value lists change (asked of the worker).
    pub(super) fn set_column(self, role: Role, column: String) {
        let Some(mut mapping) = self.mapping() else {
            return;
        };
        if column.is_empty() {
            mapping.columns.remove(&role);
        } else {
            mapping.columns.insert(role, column);
        }
        let a = self.ask(mapping, None);
        leptos::task::spawn_local(async move { self.loaded(worker::view(&a).await) });
    }

    /// A value's choice: only the count changes.
    pub(super) fn set_choice(self, role: Role, value: String, choice: Choice) {
        self.view.update(|v| {
            if let Some(v) = v {
                v.mapping.choose(role, &value, choice);
            }
        });
        self.recount();
    }

    pub(super) fn show_sources(self, cell: CellId) {
        let Some(mapping) = self.mapping() else {
            return;
        };
        let a = self.ask(mapping, Some(cell));
        leptos::task::spawn_local(async move {
            match worker::sources(&a).await {
                Ok(s) => self.sources.set(Some((cell, s))),
                Err(why) => self.error.set(Some(why)),
            }
        });
    }

    /// Closes the dialog; the ledger leaves the worker with it.
    pub(super) fn close(self) {
        self.open.set(false);
        self.view.set(None);
        self.counted.set(None);
        self.sources.set(None);
        self.error.set(None);
        self.info.set(None);
        self.asked.set_value(self.asked.get_value() + 1);
        // The ledger may hold personal data: it leaves with the dialog.
        leptos::task::spawn_local(worker::drop());
    }

    /// 表三 as counted, written as one undoable step.
    pub(super) fn apply(self) {
        let Some(c) = self.counted.get_untracked() else {
            return;
        };
        let cells = c.cells();
        let n = cells.len();
        let changed = self.editor.edit(Edit::Fill(
            cells.into_iter().map(|(c, v)| (c, Some(v))).collect(),
        ));
        self.session.set_setting(REMEMBERED, &c.remembered);
        self.editor.notice.set(Some(Notice::Info(if changed {
            format!("已按台账填入表三的 {n} 个单元格（可撤销）。台账本身没有保存。")
        } else if self.editor.read_only.get_untracked() {
            "本页为只读，没有填入。".to_owned()
        } else {
            "按台账统计的表三与当前草稿中的相同，没有改动。".to_owned()
        })));
        self.close();
    }

    pub(super) fn forget(self) {
        self.session.set_setting(REMEMBERED, "");
        self.info
            .set(Some("已清除本浏览器记住的台账对应关系。".to_owned()));
    }
}
