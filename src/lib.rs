//! The Nianbao app: a thin Leptos shell over `nianbao_core`.

use leptos::prelude::*;
use nianbao_core::{Section, APP_TITLE};

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <header class="app-header">
            <h1>{APP_TITLE}</h1>
        </header>
        <main class="report">
            {Section::ALL
                .into_iter()
                .map(|section| view! { <ReportSection section /> })
                .collect_view()}
        </main>
    }
}

/// One of the six official sections.
#[component]
fn ReportSection(section: Section) -> impl IntoView {
    let heading_id = format!("h-{}", section.key());
    let labelled_by = heading_id.clone();
    view! {
        <section class="report-section" aria-labelledby=labelled_by>
            <h2 id=heading_id>{section.heading()}</h2>
        </section>
    }
}
