//! The ledger dialog's state and what it asks of the worker: the ledger read
//! there (a paste or a CSV file), the mapping as the person sets it, the
//! count of 表三 and a cell's sources — only the latest answer kept — and
//! 表三 written as one undoable step.

use leptos::prelude::*;
use nianbao_core::ledger::view::{Ask, CountView, LedgerView, Sources};
use nianbao_core::ledger::{Choice, Mapping, Role};
use nianbao_core::template::CellId;

use nianbao_core::host::Request;
use nianbao_core::template::Template;
use nianbao_core::Report;
use nianbao_web::files::ledger as worker;

#[derive(Clone, Copy)]
pub(crate) struct Ledger {
    /// The dialog is open (the toolbar opens it).
    pub(super) open: RwSignal<bool>,
    /// The open draft's report as it was when the dialog opened (the
    /// editor waits while it is open), and the remembered mapping.
    report: StoredValue<Report>,
    remembered: StoredValue<String>,
    pub(super) view: RwSignal<Option<LedgerView>>,
    pub(super) counted: RwSignal<Option<CountView>>,
    pub(super) sources: RwSignal<Option<(CellId, Sources)>>,
    pub(super) error: RwSignal<Option<String>>,
    pub(super) info: RwSignal<Option<String>>,
    /// Answers to older questions are dropped: only the latest counts.
    asked: StoredValue<u32>,
}

impl Ledger {
    pub(crate) fn new() -> Ledger {
        Ledger {
            open: RwSignal::new(false),
            report: StoredValue::new(Report::new(2024)),
            remembered: StoredValue::new(String::new()),
            view: RwSignal::new(None),
            counted: RwSignal::new(None),
            sources: RwSignal::new(None),
            error: RwSignal::new(None),
            info: RwSignal::new(None),
            asked: StoredValue::new(0),
        }
    }

    /// Opens the dialog over `report`, with the mapping remembered.
    pub fn show(self, report: Report, remembered: String) {
        self.report.set_value(report);
        self.remembered.set_value(remembered);
        self.open.set(true);
    }

    pub(super) fn template(self) -> &'static Template {
        self.report.with_value(Report::template)
    }

    pub(super) fn with_report<T>(self, f: impl FnOnce(&Report) -> T) -> T {
        self.report.with_value(f)
    }

    fn ask(self, mapping: Mapping, cell: Option<CellId>) -> Ask {
        Ask {
            template: self.report.with_value(Report::template_id),
            year: self.report.with_value(|r| r.year),
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
        self.remembered.get_value()
    }

    /// The clipboard's table (HTML) or tab-separated text.
    pub(super) fn paste(self, ev: web_sys::ClipboardEvent) {
        let Some(data) = ev.clipboard_data() else {
            return;
        };
        ev.prevent_default();
        let html = data.get_data("text/html").unwrap_or_default();
        let plain = data.get_data("text/plain").unwrap_or_default();
        let (template, remembered) = (
            self.report.with_value(Report::template_id),
            self.remembered(),
        );
        leptos::task::spawn_local(async move {
            self.loaded(worker::paste(&html, &plain, template, &remembered).await);
        });
    }

    pub(super) fn read_csv(self, file: web_sys::File) {
        let (template, remembered) = (
            self.report.with_value(Report::template_id),
            self.remembered(),
        );
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

    /// A value's choice: only the count changes. The select already shows
    /// it, so the lists are not drawn again (the focus stays where it is).
    pub(super) fn set_choice(self, role: Role, value: String, choice: Choice) {
        self.view.update_untracked(|v| {
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
        // The editor writes it (one undoable step) and says what changed.
        match nianbao_web::host::request(&Request::fill_ledger(&c)) {
            Ok(_) => self.close(),
            Err(why) => self.error.set(Some(why)),
        }
    }

    pub(super) fn forget(self) {
        self.remembered.set_value(String::new());
        match nianbao_web::host::request(&Request::ForgetLedger) {
            Ok(words) => self.info.set(Some(words)),
            Err(why) => self.error.set(Some(why)),
        }
    }
}
