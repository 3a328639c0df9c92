//! Files dropped on the page. Each view takes drops on its own element (the
//! editor's form and toolbar, the 汇总 workspace) through a `Zone` the
//! component that reads files fills in; one guard on the window keeps the
//! browser from opening a file dropped anywhere else — which would leave the
//! page — and says where to drop it.

use std::rc::Rc;

use leptos::ev::DragEvent;
use leptos::prelude::*;

type Take = Rc<dyn Fn(Vec<web_sys::File>)>;

/// Where a view's dropped files go.
#[derive(Clone, Copy)]
pub struct Zone(StoredValue<Option<Take>, LocalStorage>);

impl Default for Zone {
    fn default() -> Self {
        Zone(StoredValue::new_local(None))
    }
}

fn carries_files(ev: &DragEvent) -> bool {
    ev.data_transfer()
        .is_some_and(|d| d.types().includes(&"Files".into(), 0))
}

impl Zone {
    /// The component that reads the files says what to do with them.
    pub fn take_with(&self, take: impl Fn(Vec<web_sys::File>) + 'static) {
        self.0.set_value(Some(Rc::new(take)));
    }

    /// `on:dragover` of the zone's element: files may be dropped here.
    pub fn over(ev: DragEvent) {
        if carries_files(&ev) {
            ev.prevent_default();
        }
    }

    /// `on:drop` of the zone's element.
    pub fn drop(&self, ev: DragEvent) {
        let Some(list) = ev.data_transfer().and_then(|d| d.files()) else {
            return;
        };
        let files: Vec<_> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        if files.is_empty() {
            return;
        }
        if let Some(take) = self.0.get_value() {
            ev.prevent_default();
            take(files);
        }
    }
}

/// A file dropped outside every zone is not opened by the browser (the page
/// and what was typed would be left); `missed` says where to drop instead.
pub fn guard(missed: impl Fn() + 'static) {
    let over = window_event_listener(leptos::ev::dragover, |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
        }
    });
    let dropped = window_event_listener(leptos::ev::drop, move |ev| {
        if !ev.default_prevented() && carries_files(&ev) {
            ev.prevent_default();
            missed();
        }
    });
    on_cleanup(move || {
        over.remove();
        dropped.remove();
    });
}
