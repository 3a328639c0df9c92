//! The line that says a file is being read or made in the worker, shown once
//! that has taken a second, with 取消 (which ends the worker: nothing is
//! read, nothing typed is touched). Placed on the page and inside each dialog
//! that reads files, since a modal dialog makes the page behind it inert.

use leptos::prelude::*;

use crate::files::{busy, cancel};

/// Work shorter than this is not announced.
const SHOW_AFTER_MS: f64 = 1_000.0;

#[component]
pub fn BusyLine() -> impl IntoView {
    let now = RwSignal::new(js_sys::Date::now());
    // Tick while something runs, to show the time it has taken.
    let ticking = StoredValue::new(None::<IntervalHandle>);
    Effect::new(move |_| {
        let running = busy().with(Option::is_some);
        match (running, ticking.get_value()) {
            (true, None) => {
                now.set(js_sys::Date::now());
                let h = set_interval_with_handle(
                    move || now.set(js_sys::Date::now()),
                    std::time::Duration::from_millis(250),
                )
                .ok();
                ticking.set_value(h);
            }
            (false, Some(h)) => {
                h.clear();
                ticking.set_value(None);
            }
            _ => {}
        }
    });
    on_cleanup(move || {
        if let Some(h) = ticking.get_value() {
            h.clear();
        }
    });
    let shown = move || {
        busy().get().and_then(|b| {
            let ms = now.get() - b.since;
            (ms >= SHOW_AFTER_MS).then(|| (b.what, (ms / 1000.0) as u32))
        })
    };
    super::live::announce(move || shown().map(|(what, _)| format!("{what}…")));
    move || {
        shown().map(|(what, seconds)| {
            view! {
                <p class="busy-line">
                    <span class="busy-spinner" aria-hidden="true"></span>
                    <span>{format!("{what}…")}</span>
                    <span aria-hidden="true">{format!("（已用 {seconds} 秒）")}</span>
                    " "
                    <button type="button" class="busy-cancel" on:click=move |_| cancel()>"取消"</button>
                </p>
            }
        })
    }
}
