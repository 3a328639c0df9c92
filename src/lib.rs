//! The Nianbao app: a thin Leptos shell over `nianbao_core`.

pub mod clipboard;
mod collect;
pub mod components;
pub mod config;
pub mod exports;
mod host;
mod ledger;
mod outside;
pub mod persist;
pub mod portal;
pub mod session;
pub mod shell;
mod start;
pub mod state;

// The page's helpers shared with the 汇总 module (crates/nianbao-web).
pub use nianbao_web::{debounce, download, files, route};

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use nianbao_core::edit::Edit;
use nianbao_core::{Report, Section, APP_TITLE};

use components::details::DetailsForm;
use components::dropzone::Zone;
use components::findings::announce_findings;
use components::import::Importer;
use components::notice::NoticeView;
use components::section::ReportSection;
use components::summary::SummaryPlace;
use components::toolbar::Toolbar;
use session::Session;
use state::Editor;

/// Where drafts live in localStorage (one prefix per app).
const NAMESPACE: &str = "nianbao";

/// A new, empty report, for the year `report::default_year` says today.
pub(crate) fn fresh_report() -> Report {
    let year = exports::today()
        .map(nianbao_core::report::default_year)
        .unwrap_or_else(|| js_sys::Date::new_0().get_full_year() as i32 - 1);
    Report::new(year)
}

/// Fills what the portal configured into fields that are still empty; the
/// year only for a new draft.
fn apply_config(editor: Editor, session: Session, config: &config::Config) {
    if config.read_only {
        return;
    }
    if let Some(year) = config.year {
        if matches!(
            session.status.get_untracked(),
            session::SaveStatus::Empty | session::SaveStatus::InMemory
        ) && editor.with_report_untracked(Report::is_empty)
        {
            editor.edit(Edit::SetYear(year));
            editor.notice.set(None);
        }
    }
    let (agency, kind, region) = (config.agency.clone(), config.kind, config.region.clone());
    editor.edit(Edit::Defaults {
        agency,
        kind,
        region,
    });
}

/// Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo the document, except inside a text
/// box, where the browser's own text undo keeps working.
fn install_undo_keys(editor: Editor) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        let in_text_box = ev
            .target()
            .and_then(|t| t.dyn_into::<leptos::web_sys::Element>().ok())
            .is_some_and(|el| {
                let tag = el.tag_name();
                tag == "TEXTAREA" || (tag == "INPUT" && !el.class_list().contains("cell-input"))
            });
        if in_text_box {
            return;
        }
        // ASCII only: full Unicode case tables would cost the bundle 12 KB.
        match ev.key().to_ascii_lowercase().as_str() {
            "z" if ev.shift_key() => editor.redo(),
            "z" => editor.undo(),
            "y" => editor.redo(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
}

/// A file dropped outside the drop zones is not opened by the browser; the
/// page says where to drop it.
fn guard_drops(editor: Editor) {
    components::dropzone::guard(move || {
        let words = if route::collecting() {
            "文件没有添加：请把文件拖到下面的汇总区域。"
        } else {
            "文件没有导入：请把文件拖到工具栏或下面的报告区域。"
        };
        components::live::Live::say(words);
        if !route::collecting() {
            editor
                .notice
                .set(Some(state::Notice::ImportFailed(words.to_owned())));
        }
    });
}

/// A part of the page, drawn once `shown` (one type for every part: one
/// copy of the code that draws it).
fn part(shown: RwSignal<bool>, draw: Box<dyn Fn() -> AnyView + Send + Sync>) -> impl IntoView {
    move || shown.get().then(&draw)
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let config = config::Config::from_location();
    let editor = Editor::new(fresh_report());
    editor.provide();
    editor.read_only.set(config.read_only);
    install_undo_keys(editor);
    let namespace = config.namespace.as_deref().unwrap_or(NAMESPACE);
    // Inside a frame, drafts belong to the page that frames this one.
    let namespace = match config::Config::embedder() {
        Some(origin) if origin.is_empty() => config::frame_namespace(namespace, "unknown"),
        Some(origin) => config::frame_namespace(namespace, &origin),
        None => namespace.to_owned(),
    };
    let session = Session::start(editor, &namespace, fresh_report);
    provide_context(session);
    outside::follow(editor, session);
    shell::apply_early(editor);
    // Drawn in parts (the tool bar, the details, each section): at once, or
    // a task each behind the prerendered form.
    let parts = start::draw_in_steps(editor, session, 2 + Section::ALL.len());
    apply_config(editor, session, &config);
    portal::install(editor, session, config.message_origins());
    host::serve(editor, session);
    components::drafts::keep_list(session, editor);
    let editor_zone = Zone::default();
    guard_drops(editor);
    announce_findings();
    let picker = NodeRef::<leptos::html::Input>::new();
    let last_year_picker = NodeRef::<leptos::html::Input>::new();
    // The 汇总 workspace (#collect): mounted the first time it is shown, then kept.
    let collecting = RwSignal::new(route::collecting());
    route::follow(collecting);
    let collect_mounted = RwSignal::new(collecting.get_untracked());
    Effect::new(move |_| {
        // Set once: setting it again would mount the workspace afresh and
        // lose what it shows (a roll-up, questions open).
        if collecting.get() && !collect_mounted.get_untracked() {
            collect_mounted.set(true);
        }
    });
    let on_drop = move |ev| editor_zone.drop(ev); // one closure for both zones: one copy of its code
    view! {
        <header class="app-header">
            <h1>{APP_TITLE}</h1>
        </header>
        <components::live::LiveRegion />
        <div class="busy-region"><components::busy::BusyLine /></div>
        {move || collect_mounted.get().then(|| view! {
            <main class="report" id="collect" hidden=move || !collecting.get()>
                <collect::CollectPlace />
            </main>
        })}
        <div class="toolbar-region" role="region" aria-label="工具栏" hidden=move || collecting.get()
            on:dragover=Zone::over on:drop=on_drop>
            {part(parts[0], Box::new(move || view! {
                <Toolbar picker last_year_picker />
                <Importer picker last_year_picker zone=editor_zone />
            }.into_any()))}
        </div>
        <div id=ledger::PLACE></div>
        <main class="report" id="main" hidden=move || collecting.get()
            on:dragover=Zone::over on:drop=on_drop>
            // The drafts module: 我的草稿, and what storage has to say.
            <div id=components::drafts::PLACE></div>
            <div id=components::compose::PLACE></div>
            <div id=components::compose::GRAPHIC_PLACE></div>
            <NoticeView />
            <SummaryPlace />
            {part(parts[1], Box::new(|| view! { <DetailsForm /> }.into_any()))}
            {Section::ALL
                .into_iter()
                .enumerate()
                .map(|(i, section)| {
                    part(parts[2 + i], Box::new(move || view! { <ReportSection section /> }.into_any())).into_any()
                })
                .collect_view()}
        </main>
    }
}
