//! A modal dialog bound to a signal, over the native `<dialog>` (its focus
//! trap, Esc and backdrop come from the browser): shown while `open` is
//! true; closed by the browser (Esc) or by its buttons, it says so through
//! `on_close`, so the signal and the page never disagree.

use leptos::prelude::*;

#[component]
pub fn Modal(
    /// Shown while true.
    #[prop(into)]
    open: Signal<bool>,
    /// The dialog was closed (Esc, or `open` went false).
    #[prop(into)]
    on_close: Callback<()>,
    /// The id of its heading.
    labelledby: &'static str,
    /// Its class (default `dialog`).
    #[prop(optional)]
    class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let el = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let Some(d) = el.get() else { return };
        match (open.get(), d.open()) {
            (true, false) => {
                let _ = d.show_modal();
            }
            (false, true) => d.close(),
            _ => {}
        }
    });
    let class = class.unwrap_or("dialog");
    view! {
        <dialog node_ref=el class=class aria-labelledby=labelledby on:close=move |_| on_close.run(())>
            {children()}
        </dialog>
    }
}
