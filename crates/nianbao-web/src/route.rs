//! Where the page is: the editor, or the 汇总 workspace at `#collect`.

/// The address of the 汇总 workspace.
pub const COLLECT: &str = "#collect";

/// Whether the page shows the 汇总 workspace now.
pub fn collecting() -> bool {
    leptos::prelude::window()
        .location()
        .hash()
        .is_ok_and(|h| h == COLLECT)
}

/// Keeps `on` in step with the address (`#collect` or not).
pub fn follow(on: leptos::prelude::RwSignal<bool>) {
    use leptos::prelude::*;
    let handle = window_event_listener(leptos::ev::hashchange, move |_| on.set(collecting()));
    on_cleanup(move || handle.remove());
}
