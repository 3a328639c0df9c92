//! The workspace's signals and what the page does with them: read added
//! files in the worker, keep units in IndexedDB, ask the core what a unit
//! is to the others, sum in the worker. Decisions are the core's
//! (`nianbao_core::collect::Workspace`); this is the browser's part.

use std::collections::HashSet;

use leptos::prelude::*;
use nianbao_core::collect::{confirm, Arrival, Duplicate, Unit, Unsure, View, Workspace};
use nianbao_core::json::{read_current, to_json};
use nianbao_core::report::{Date, Report};
use nianbao_core::template::TemplateId;

use crate::store::{self, Stored};
use nianbao_web::download::download;
use nianbao_web::files::RolledUp;

/// The workspace's state: one copyable handle for its views.
#[derive(Clone, Copy)]
pub(super) struct Ws {
    ns: StoredValue<String>,
    pub(super) units: RwSignal<Workspace>,
    /// Units left out of roll-ups (by id).
    pub(super) excluded: RwSignal<HashSet<String>>,
    pub(super) progress: RwSignal<Option<(usize, usize)>>,
    pub(super) problems: RwSignal<Vec<String>>,
    pub(super) store_error: RwSignal<Option<String>>,
    pub(super) duplicates: RwSignal<Vec<Duplicate>>,
    pub(super) view: RwSignal<View>,
    /// The ids of the units shown, in order (keys only: no report copied).
    pub(super) shown: Memo<Vec<String>>,
    pub(super) rollup: RwSignal<Option<Result<RolledUp, String>>>,
    /// The unit opened read-only, and the one whose year and agency a
    /// person is confirming (by id).
    pub(super) opened: RwSignal<Option<String>>,
    pub(super) confirming: RwSignal<Option<String>>,
    pub(super) confirm_error: RwSignal<Option<String>>,
}

enum Arrived {
    Same(String),
    Duplicate(Box<Unit>),
    New,
}

pub(super) fn today() -> Date {
    nianbao_web::page::today().unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}

/// Lets the page paint and take input between files.
async fn breathe() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn stored(u: &Unit) -> Stored {
    Stored {
        v: nianbao_core::collect::STORED_VERSION,
        id: u.id.clone(),
        file: u.file.clone(),
        json: to_json(&u.report),
        added: js_sys::Date::now(),
        year_found: !u.unsure.contains(&Unsure::Year),
        replies: u.replies.clone(),
    }
}

impl Ws {
    pub(super) fn new(ns: String) -> Ws {
        let units = RwSignal::new(Workspace::default());
        let view = RwSignal::new(View::default());
        let shown = Memo::new(move |_| {
            view.with(|v| units.with(|w| w.shown(v).into_iter().map(|u| u.id.clone()).collect()))
        });
        Ws {
            ns: StoredValue::new(ns),
            units,
            excluded: RwSignal::new(HashSet::new()),
            progress: RwSignal::new(None),
            problems: RwSignal::new(Vec::new()),
            store_error: RwSignal::new(None),
            duplicates: RwSignal::new(Vec::new()),
            view,
            shown,
            rollup: RwSignal::new(None),
            opened: RwSignal::new(None),
            confirming: RwSignal::new(None),
            confirm_error: RwSignal::new(None),
        }
    }

    fn ns(self) -> String {
        self.ns.get_value()
    }

    /// What `unit` is to the units here and to the questions open (the
    /// core's answer, owned).
    fn arrival(self, unit: &Unit, replacing: Option<&str>) -> Arrived {
        self.duplicates.with_untracked(|open| {
            self.units
                .with_untracked(|w| match w.arrival(unit, open, replacing) {
                    Arrival::Same(file) => Arrived::Same(file.to_owned()),
                    Arrival::Duplicate(existing) => Arrived::Duplicate(Box::new(existing.clone())),
                    Arrival::New => Arrived::New,
                })
        })
    }

    fn said(self, result: Result<(), String>) {
        if let Err(why) = result {
            self.store_error.set(Some(why));
        }
    }

    /// The workspace as it was left; files added while it loads stay.
    pub(super) fn load(self) {
        leptos::task::spawn_local(async move {
            let (mut list, faults) = match store::all(&self.ns()).await {
                Ok(read) => read,
                Err(why) => return self.store_error.set(Some(why)),
            };
            self.problems.update(|p| p.extend(faults));
            list.sort_by(|a, b| a.added.total_cmp(&b.added));
            let mut loaded = Vec::new();
            for s in list {
                match read_current(&s.json) {
                    // Kept under an older id: one unit all the same (`load`).
                    Ok(r) => loaded.push(Unit {
                        replies: s.replies,
                        ..Unit::new(s.id, s.file, r, None, s.year_found, today())
                    }),
                    Err(e) => self.problems.update(|p| {
                        p.push(format!(
                            "工作区中的“{}”无法读取（{e}），已跳过，没有删除。",
                            s.file
                        ))
                    }),
                }
            }
            self.units.update(|w| w.load(loaded));
        });
    }

    /// Reads each file in the worker, a few at a time, storing as it goes:
    /// a reload midway keeps what was read.
    pub(super) fn add_files(self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let total = files.len();
            self.progress.set(Some((0, total)));
            let (mut batch, mut refused, mut asked) = (Vec::new(), Vec::new(), Vec::new());
            for (i, file) in files.into_iter().enumerate() {
                let name = file.name();
                match read_unit(file).await {
                    Ok(unit) => match self.arrival(&unit, None) {
                        Arrived::Same(file) => refused.push(format!(
                            "“{name}”与已添加的“{file}”内容完全相同，没有重复添加。"
                        )),
                        Arrived::Duplicate(existing) => asked.push(Duplicate {
                            existing: *existing,
                            incoming: unit,
                        }),
                        Arrived::New => {
                            batch.push(stored(&unit));
                            self.units.update(|w| w.push(unit));
                        }
                    },
                    Err(why) if why == nianbao_web::files::CANCELLED => {
                        refused.push(format!(
                            "已取消：“{name}”及其后的 {} 个文件没有添加。",
                            total - i
                        ));
                        break;
                    }
                    Err(why) => refused.push(format!("“{name}”没有添加：{why}")),
                }
                self.progress.set(Some((i + 1, total)));
                if batch.len() >= 8 {
                    self.said(store::put(&self.ns(), &std::mem::take(&mut batch)).await);
                }
                if i % 8 == 7 {
                    breathe().await;
                }
            }
            if !batch.is_empty() {
                self.said(store::put(&self.ns(), &batch).await);
            }
            self.problems.update(|p| p.extend(refused));
            self.progress.set(None);
            // Added to the questions already open, never instead of them.
            if !asked.is_empty() {
                self.duplicates.update(|d| d.extend(asked));
            }
        });
    }

    pub(super) fn remove(self, id: String) {
        self.units.update(|w| w.remove(&id));
        leptos::task::spawn_local(async move {
            self.said(store::delete(&self.ns(), &[id]).await);
        });
    }

    /// A person chose which of two copies of a unit to keep.
    pub(super) fn keep(self, d: Duplicate, incoming: bool) {
        self.duplicates.update(|list| list.retain(|x| x != &d));
        if !incoming {
            return;
        }
        self.units.update(|w| w.keep_incoming(&d));
        let record = stored(&d.incoming);
        leptos::task::spawn_local(async move {
            let result = match store::delete(&self.ns(), &[d.existing.id]).await {
                Ok(()) => store::put(&self.ns(), &[record]).await,
                Err(e) => Err(e),
            };
            self.said(result);
        });
    }

    /// The year and agency a person typed for the unit being confirmed.
    pub(super) fn confirm(self, year: &str, agency: &str) {
        let Some(old) = self.confirming.get_untracked() else {
            return;
        };
        let Some(unit) = self.units.with_untracked(|w| w.get(&old).cloned()) else {
            return self.confirming.set(None);
        };
        let report = match confirm(&unit, year, agency) {
            Ok(report) => report,
            Err(why) => return self.confirm_error.set(Some(why.to_owned())),
        };
        self.confirm_error.set(None);
        self.confirming.set(None);
        leptos::task::spawn_local(async move {
            let id = match nianbao_web::files::unit_ids(&[&report]).await {
                Ok(ids) => ids.into_iter().next().unwrap_or_default(),
                Err(why) => return self.problems.update(|p| p.push(why)),
            };
            let confirmed = Unit::new(id, unit.file.clone(), report, None, true, today());
            let confirmed = Unit {
                note: unit.note.clone(),
                replies: unit.replies.clone(),
                ..confirmed
            };
            let arrival = self.arrival(&confirmed, Some(&unit.id));
            self.units.update(|w| w.remove(&unit.id));
            let record = stored(&confirmed);
            let mut result = store::delete(&self.ns(), &[unit.id]).await;
            match arrival {
                Arrived::Duplicate(existing) => self.duplicates.update(|d| {
                    d.push(Duplicate {
                        existing: *existing,
                        incoming: confirmed,
                    })
                }),
                _ => {
                    self.units.update(|w| w.push(confirmed));
                    if result.is_ok() {
                        result = store::put(&self.ns(), &[record]).await;
                    }
                }
            }
            self.said(result);
        });
    }

    /// Sums one group in the worker; the file module draws it.
    pub(super) fn roll_up(self, year: i32, template: TemplateId) {
        let chosen: Vec<(String, Report)> = self.excluded.with_untracked(|ex| {
            self.units.with_untracked(|w| {
                w.chosen(year, template, ex)
                    .into_iter()
                    .map(|u| (u.name().to_owned(), u.report.clone()))
                    .collect()
            })
        });
        leptos::task::spawn_local(async move {
            let rolled = nianbao_web::files::roll_up(&chosen).await;
            self.rollup.set(Some(rolled));
            request_animation_frame(|| nianbao_web::page::focus_id("rollup-title"));
        });
    }

    /// The shown units: file names and the app's JSON, for the file module.
    fn shown_files(self) -> (Vec<String>, Vec<String>) {
        self.units.with_untracked(|w| {
            w.shown(&self.view.get_untracked())
                .into_iter()
                .map(|u| (u.file.clone(), to_json(&u.report)))
                .unzip()
        })
    }

    pub(super) fn download_csv(self) {
        let (files, jsons) = self.shown_files();
        leptos::task::spawn_local(async move {
            match nianbao_web::files::units_csv(&files, &jsons, &today().iso()).await {
                Ok(csv) => {
                    download("单位清单.csv", "text/csv;charset=utf-8", &csv);
                }
                Err(why) => self.problems.update(|p| p.push(why)),
            }
        });
    }

    /// The list and the roll-up as made (never summed again).
    pub(super) fn download_summary(self) {
        let (files, jsons) = self.shown_files();
        let rollup = self.rollup.with_untracked(|r| match r {
            Some(Ok(r)) => serde_json::to_string(&r.view).unwrap_or_default(),
            _ => String::new(),
        });
        leptos::task::spawn_local(async move {
            match nianbao_web::files::summary_html(&files, &jsons, &rollup, &today().iso()).await {
                Ok(html) => {
                    download("汇总.html", "text/html;charset=utf-8", &html);
                }
                Err(why) => self.problems.update(|p| p.push(why)),
            }
        });
    }
}

/// A file read in the worker into a unit (its id the digest of its content).
async fn read_unit(file: web_sys::File) -> Result<Unit, String> {
    let name = file.name();
    let read = nianbao_web::files::read_picked(file).await?;
    if read.review.is_some() {
        return Err(
            "这是汇总单位的退回意见文件，不是报告：应由报送单位在编辑页面用“导入”打开。".to_owned(),
        );
    }
    let id = nianbao_web::files::unit_ids(&[&read.report])
        .await?
        .into_iter()
        .next()
        .unwrap_or_default();
    let year_found = read.recognition.as_ref().is_none_or(|r| r.year_found);
    let unit = Unit::new(
        id,
        name,
        read.report,
        read.recognition.as_ref(),
        year_found,
        today(),
    );
    Ok(Unit {
        replies: read.replies,
        ..unit
    })
}
